//! Python interop for settings: `tests/interop/settings.py` drives the official
//! `KeyVaultSettingsClient` and `azure-mgmt-keyvault`'s `managed_hsm_keys` against the emulator.

use crate::harness::Emu;
use crate::interop::run_script;

#[test]
fn azure_keyvault_settings_client_and_arm_managed_hsm_keys() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    // subscription-admin (the script's identity): Owner on ARM, HSM administrator, and a
    // Crypto User locally (ARM creates keys on its behalf).
    let admins = format!(
        "{} {}",
        emu.oid("security-team"),
        emu.oid("subscription-admin")
    );
    let hsm = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "py-set-hsm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &admins,
                "--retention-days",
                "7",
            ],
        )
        .ok()
        .json();
    emu.mhsm(
        "subscription-admin",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            "py-set-hsm",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/",
            "--assignee-object-id",
            &emu.oid("subscription-admin"),
        ],
    )
    .ok();
    let out = run_script(
        &emu,
        "settings.py",
        &[
            ("HSM_NAME", "py-set-hsm".to_string()),
            (
                "HSM_URI",
                hsm["properties"]["hsmUri"].as_str().unwrap().to_string(),
            ),
        ],
    );
    if !out.is_empty() {
        assert!(out.contains("interop settings: all checks passed"), "{out}");
    }
}
