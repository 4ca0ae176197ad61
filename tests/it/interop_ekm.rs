//! Python interop for external key management: `tests/interop/ekm.py` drives the official
//! `KeyVaultEkmClient` and `KeyClient.create_external_key` (SDK betas: run with `.venv-latest`
//! when present) against the emulator and its `ekm-proxy`.

use crate::ekm::{PREFIX, start_proxy};
use crate::harness::Emu;
use crate::interop::{latest_python, run_script_with};

#[test]
fn keyvault_ekm_client_and_create_external_key() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let admin = emu.oid("subscription-admin");
    let hsm = emu
        .mhsm(
            "subscription-admin",
            &[
                "create",
                "--hsm-name",
                "py-ekm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &admin,
                "--retention-days",
                "7",
            ],
        )
        .ok()
        .json();
    for role in ["Managed HSM EKM Administrator", "Managed HSM Crypto User"] {
        emu.mhsm(
            "subscription-admin",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "py-ekm",
                "--role",
                role,
                "--scope",
                "/",
                "--assignee-object-id",
                &admin,
            ],
        )
        .ok();
    }
    let cert = emu
        .mhsm(
            "subscription-admin",
            &[
                "ekm-connection",
                "certificate",
                "show",
                "--hsm-name",
                "py-ekm",
            ],
        )
        .ok()
        .json();
    let work = tempfile::tempdir().unwrap();
    let keys = work.path().join("keys");
    std::fs::create_dir(&keys).unwrap();
    std::fs::write(work.path().join("client.json"), cert.to_string()).unwrap();
    let pem = mhsm::crypto::privkey::generate_rsa(2048)
        .unwrap()
        .to_pkcs8_pem();
    std::fs::write(keys.join("rsa-1.pem"), pem.as_bytes()).unwrap();
    let proxy = start_proxy(
        &keys,
        &work.path().join("client.json"),
        &work.path().join("tls"),
        &[],
    );
    let out = run_script_with(
        latest_python(),
        &emu,
        "ekm.py",
        &[
            (
                "HSM_URI",
                hsm["properties"]["hsmUri"].as_str().unwrap().to_string(),
            ),
            ("PROXY_HOST", proxy.host.clone()),
            ("PROXY_PREFIX", PREFIX.to_string()),
            ("PROXY_CA", proxy.ca.display().to_string()),
        ],
    );
    if !out.is_empty() && !out.contains("SKIPPED") {
        assert!(out.contains("interop ekm: all checks passed"), "{out}");
    }
}
