//! Interop: azure-keyvault-keys' secure key release (`create_rsa_key(exportable=True,
//! release_policy=…)`, `release_key`, `get_key_attestation`) against the emulator, with tokens of
//! its attestation authority; the script unwraps the released key with `cryptography`.

use crate::harness::Emu;
use crate::interop::run_script;

#[test]
fn azure_keyvault_keys_release_key_and_key_attestation() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
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
                "py-skr-hsm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &admins,
                "--retention-days",
                "7",
                "--enable-purge-protection",
            ],
        )
        .ok()
        .json();
    emu.mhsm(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            "py-skr-hsm",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/keys",
            "--assignee-object-id",
            &emu.oid("subscription-admin"),
        ],
    )
    .ok();
    let out = run_script(
        &emu,
        "release.py",
        &[(
            "HSM_URI",
            hsm["properties"]["hsmUri"].as_str().unwrap().to_string(),
        )],
    );
    if !out.is_empty() {
        assert!(out.contains("interop release: all checks passed"), "{out}");
    }
}
