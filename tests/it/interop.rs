//! Interop: the official Python SDKs (azure-identity, azure-mgmt-keyvault,
//! azure-keyvault-administration) run unmodified against the emulator. The Python interpreter
//! comes from `MHSM_PYTHON`, else `./.venv-interop` (created by `./test.sh`); when neither exists
//! the tests fail if `MHSM_INTEROP_REQUIRED` is set (CI) and are skipped with a notice otherwise.

use std::path::PathBuf;
use std::process::Command;

use crate::harness::Emu;

fn python() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MHSM_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-interop/bin/python");
    if venv.exists() {
        return Some(venv);
    }
    assert!(
        std::env::var_os("MHSM_INTEROP_REQUIRED").is_none(),
        "MHSM_INTEROP_REQUIRED is set but no Python with the Azure SDKs was found (run ./test.sh)"
    );
    None
}

/// Runs `tests/interop/<script>` against `emu` with extra environment; panics with its output on failure.
pub fn run_script(emu: &Emu, script: &str, env: &[(&str, String)]) -> String {
    run_script_with(python(), emu, script, env)
}

/// The newest SDK releases (`./.venv-latest`, betas included) when present, else [`python`]:
/// for the APIs only the betas have (EKM).
pub fn latest_python() -> Option<PathBuf> {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-latest/bin/python");
    if venv.exists() {
        return Some(venv);
    }
    python()
}

/// [`run_script`] with a given interpreter.
pub fn run_script_with(
    py: Option<PathBuf>,
    emu: &Emu,
    script: &str,
    env: &[(&str, String)],
) -> String {
    let Some(py) = py else {
        eprintln!(
            "SKIPPED {script}: no Python with the Azure SDKs (run ./test.sh to create .venv-interop)"
        );
        return String::new();
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/interop");
    let mut cmd = Command::new(py);
    cmd.arg(dir.join(script))
        .current_dir(&dir)
        .env("MHSM_CLOUD", emu.state().join("cloud.json"))
        .env("REQUESTS_CA_BUNDLE", emu.state().join("ca.pem"))
        .env("SSL_CERT_FILE", emu.state().join("ca.pem"))
        .env_remove("AZURE_CLIENT_ID")
        .env_remove("AZURE_CLIENT_SECRET")
        .env_remove("AZURE_TENANT_ID");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{script} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// An HSM made by hsm-operator whose administrators are security-team and subscription-admin
/// (the principal the scripts sign in as).
fn create_hsm(emu: &Emu, name: &str) -> serde_json::Value {
    let admins = format!(
        "{} {}",
        emu.oid("security-team"),
        emu.oid("subscription-admin")
    );
    emu.mhsm(
        "hsm-operator",
        &[
            "create",
            "--hsm-name",
            name,
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
    .json()
}

#[test]
fn azure_mgmt_keyvault_creates_and_reads_an_hsm() {
    let emu = Emu::start_with(&["--provision-delay-ms", "300"]);
    let out = run_script(&emu, "mgmt.py", &[("HSM_NAME", "py-mgmt-hsm".into())]);
    if !out.is_empty() {
        assert!(out.contains("interop mgmt: all checks passed"), "{out}");
    }
}

#[test]
fn azure_keyvault_administration_access_control() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let hsm = create_hsm(&emu, "py-rbac-hsm");
    let out = run_script(
        &emu,
        "access_control.py",
        &[(
            "HSM_URI",
            hsm["properties"]["hsmUri"].as_str().unwrap().to_string(),
        )],
    );
    if !out.is_empty() {
        assert!(
            out.contains("interop access control: all checks passed"),
            "{out}"
        );
    }
}

#[test]
fn azure_keyvault_securitydomain_download_transfer_key_upload() {
    let emu = Emu::start_with(&["--provision-delay-ms", "300"]);
    let admins = format!(
        "{} {}",
        emu.oid("security-team"),
        emu.oid("subscription-admin")
    );
    let mut uris = Vec::new();
    for name in ["py-sd-a", "py-sd-b"] {
        let h = emu
            .mhsm(
                "hsm-operator",
                &[
                    "create",
                    "--hsm-name",
                    name,
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
        uris.push(h["properties"]["hsmUri"].as_str().unwrap().to_string());
    }
    let keys = crate::security_domain::keys_dir();
    let out = emu.state().join("sd-interop");
    std::fs::create_dir_all(&out).unwrap();
    let env = |phase: &str| {
        vec![
            ("PHASE", phase.to_string()),
            ("HSM_A", uris[0].clone()),
            ("HSM_B", uris[1].clone()),
            ("SD_KEYS_DIR", keys.display().to_string()),
            ("SD_OUT_DIR", out.display().to_string()),
        ]
    };
    let first = run_script(&emu, "security_domain.py", &env("download"));
    if first.is_empty() {
        return;
    }
    assert!(first.contains("all checks passed"), "{first}");
    // The restore blob for B, made by mhsm from the security domain the SDK downloaded.
    let k = |n: &str| keys.join(n).display().to_string();
    emu.mhsm(
        "security-officer",
        &[
            "security-domain",
            "restore-blob",
            "--sd-file",
            &out.join("sd.json").display().to_string(),
            "--sd-exchange-key",
            &out.join("exchange.pem").display().to_string(),
            "--sd-wrapping-keys",
            &k("wrap1.key"),
            &k("wrap2.key"),
            "--sd-file-restore-blob",
            &out.join("blob.json").display().to_string(),
        ],
    )
    .ok();
    let second = run_script(&emu, "security_domain.py", &env("upload"));
    assert!(second.contains("all checks passed"), "{second}");
    // B is active: its local RBAC answers.
    emu.mhsm(
        "security-officer",
        &["role", "assignment", "list", "--hsm-name", "py-sd-b"],
    )
    .ok();
}

#[test]
fn azure_keyvault_keys_key_and_cryptography_clients() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let hsm = create_hsm(&emu, "py-keys-hsm");
    let admin = emu.oid("subscription-admin");
    for role in ["Managed HSM Crypto User", "Managed HSM Crypto Officer"] {
        emu.mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "py-keys-hsm",
                "--role",
                role,
                "--scope",
                "/keys",
                "--assignee-object-id",
                &admin,
            ],
        )
        .ok();
    }
    let out = run_script(
        &emu,
        "keys.py",
        &[(
            "HSM_URI",
            hsm["properties"]["hsmUri"].as_str().unwrap().to_string(),
        )],
    );
    if !out.is_empty() {
        assert!(out.contains("interop keys: all checks passed"), "{out}");
        assert!(out.contains("ok: BYOK import (EC P-384)"), "{out}");
        if out.contains("secure_wrap_key") {
            // The beta SDKs (api 2026-01-01-preview): secure unwrap with an attested token.
            assert!(
                out.contains("ok: secure_unwrap_key releases the secure-wrapped AES-256 key"),
                "{out}"
            );
        }
    }
}

#[test]
fn azure_keyvault_administration_backup_client_with_sas_and_managed_identity() {
    let emu = Emu::start_with(&[
        "--provision-delay-ms",
        "0",
        "--pre-activate",
        "--lro-retry-after",
        "1",
    ]);
    let hsm = create_hsm(&emu, "py-backup-hsm");
    // The HSM's user-assigned identity holds Storage Blob Data Contributor on the account.
    let identity = format!(
        "/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.ManagedIdentity/userAssignedIdentities/hsm-backup",
        emu.subscription()
    );
    emu.mhsm(
        "hsm-operator",
        &[
            "update-hsm",
            "--hsm-name",
            "py-backup-hsm",
            "--mi-user-assigned",
            &identity,
        ],
    )
    .ok();
    let admin = emu.oid("subscription-admin");
    for role in ["Managed HSM Crypto User", "Managed HSM Crypto Officer"] {
        emu.mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "py-backup-hsm",
                "--role",
                role,
                "--scope",
                "/keys",
                "--assignee-object-id",
                &admin,
            ],
        )
        .ok();
    }
    let sas = emu.sas("mhsmbackups", "backups", "crdwl", "2h");
    let out = run_script(
        &emu,
        "backup.py",
        &[
            (
                "HSM_URI",
                hsm["properties"]["hsmUri"].as_str().unwrap().to_string(),
            ),
            (
                "CONTAINER_URI",
                "https://mhsmbackups.blob.storage.emulator/backups".to_string(),
            ),
            ("SAS", sas),
            ("USE_MI", "1".to_string()),
        ],
    );
    if !out.is_empty() {
        assert!(out.contains("interop backup: all checks passed"), "{out}");
    }
}

#[test]
fn azure_mgmt_keyvault_network_acls_private_endpoints_and_regions() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0"]);
    create_hsm(&emu, "py-net-hsm");
    let (status, body) = crate::private_endpoint::connect(&emu, "py-net-hsm", "py-pec");
    assert_eq!(status, 201, "{body}");
    let out = run_script(
        &emu,
        "mgmt_network.py",
        &[
            ("HSM_NAME", "py-net-hsm".to_string()),
            ("PEC_NAME", "py-pec".to_string()),
        ],
    );
    if !out.is_empty() {
        assert!(
            out.contains("interop mgmt network: all checks passed"),
            "{out}"
        );
    }
}
