//! Interop with the real az CLI: az (from PyPI, in `./.venv-az`, created by `./test.sh`) runs
//! unmodified against the emulator through a custom cloud — management plane, local RBAC, keys,
//! security domain download and DR upload — and for every read the same command of `mhsm` prints
//! byte for byte what az prints. az comes from `MHSM_AZ`, else `./.venv-az/bin/az`; without it
//! the test fails when `MHSM_INTEROP_REQUIRED` is set (CI) and is skipped with a notice otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::harness::{Emu, Out};

fn az_binary() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MHSM_AZ") {
        return Some(PathBuf::from(p));
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-az/bin/az");
    if venv.exists() {
        return Some(venv);
    }
    assert!(
        std::env::var_os("MHSM_INTEROP_REQUIRED").is_none(),
        "MHSM_INTEROP_REQUIRED is set but the az CLI was not found (run ./test.sh)"
    );
    None
}

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors/security-domain/keys")
}

/// az signed in (as a service principal) to the emulator through its own config directory.
pub struct Az<'a> {
    bin: PathBuf,
    emu: &'a Emu,
    config: PathBuf,
}

impl Az<'_> {
    pub fn run(&self, args: &[&str]) -> Out {
        let o = Command::new(&self.bin)
            .args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.emu.state())
            .env("AZURE_CONFIG_DIR", &self.config)
            .env("AZURE_CORE_COLLECT_TELEMETRY", "false")
            .env("AZURE_CORE_NO_COLOR", "true")
            .env("REQUESTS_CA_BUNDLE", self.emu.state().join("ca.pem"))
            .output()
            .expect("run az");
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    pub fn keyvault(&self, args: &[&str]) -> Out {
        let mut a = vec!["keyvault"];
        a.extend_from_slice(args);
        self.run(&a)
    }
}

/// The first line of stderr without the per-request Activity ID.
fn first_error_line(s: &str) -> String {
    let line = s
        .lines()
        .find(|l| l.starts_with("ERROR"))
        .unwrap_or_default();
    line.split(" (Activity ID")
        .next()
        .unwrap_or(line)
        .to_string()
}

fn file(p: &Path) -> String {
    p.display().to_string()
}

impl<'a> Az<'a> {
    /// az signed in to `emu` as `subscription-admin` (a service principal) exactly as the README
    /// and the banner say: one `eval "$(mhsm-emulator env --az --as subscription-admin)"` (the
    /// CA bundle, a config directory of its own, the custom cloud, no MSAL instance discovery,
    /// the sign-in). `None` (skipped) without az.
    pub fn login(emu: &'a Emu) -> Option<Az<'a>> {
        let Some(bin) = az_binary() else {
            eprintln!("SKIPPED az interop: no az CLI (run ./test.sh to create .venv-az)");
            return None;
        };
        let az = Az {
            bin,
            emu,
            config: emu.state().join("az-config"),
        };
        let bin_dir = az
            .bin
            .parent()
            .expect("az's directory")
            .display()
            .to_string();
        let script = format!(
            "set -e; eval \"$('{}' env --state-dir '{}' --az --as subscription-admin)\"; \
             test \"$AZURE_CONFIG_DIR\" = '{}'; az account show -o json",
            crate::harness::EMULATOR,
            emu.state().display(),
            az.config.display()
        );
        let o = Command::new("bash")
            .arg("-c")
            .arg(script)
            .env_clear()
            .env("PATH", format!("{bin_dir}:/usr/bin:/bin"))
            .env("HOME", emu.state())
            .output()
            .expect("run bash");
        let account = Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
        .ok()
        .json();
        assert_eq!(account["id"], emu.subscription());
        assert_eq!(account["user"]["type"], "servicePrincipal");
        Some(az)
    }

    /// Runs `az keyvault <args>` and `mhsm <args>` (as subscription-admin) and asserts they
    /// print the same bytes with the same exit code (and the same first error line).
    pub fn same(&self, az_args: &[&str], mhsm_args: &[&str]) -> Out {
        let a = self.keyvault(az_args);
        let m = self.emu.mhsm("subscription-admin", mhsm_args);
        assert_eq!(
            (a.code, &a.stdout),
            (m.code, &m.stdout),
            "az keyvault {az_args:?} and mhsm {mhsm_args:?} differ\naz stderr: {}\nmhsm stderr: {}",
            a.stderr,
            m.stderr
        );
        if a.code != 0 {
            assert_eq!(first_error_line(&a.stderr), first_error_line(&m.stderr));
        }
        m
    }
}

#[test]
fn az_cli_runs_against_the_emulator_and_mhsm_prints_what_az_prints() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0"]);
    let Some(az) = Az::login(&emu) else {
        return;
    };
    let admin_oid = emu.oid("subscription-admin");

    // The same command through az and mhsm (as the same principal) prints the same bytes.
    let same = |az_args: &[&str], mhsm_args: &[&str]| az.same(az_args, mhsm_args);
    let both = |args: &[&str]| same(args, args);

    // Management plane: az creates, mhsm reads what az reads.
    let created = az
        .keyvault(&[
            "create",
            "--hsm-name",
            "az-hsm",
            "-g",
            "rg-hsm",
            "-l",
            "eastus2",
            "--administrators",
            &admin_oid,
            "--retention-days",
            "7",
        ])
        .ok();
    let shown = emu
        .mhsm("subscription-admin", &["show", "--hsm-name", "az-hsm"])
        .ok();
    assert_eq!(created.stdout, shown.stdout);
    for o in ["json", "table", "tsv", "yaml"] {
        both(&["show", "--hsm-name", "az-hsm", "-g", "rg-hsm", "-o", o]);
    }
    both(&["list", "-g", "rg-hsm", "--resource-type", "hsm"]);
    both(&["show", "--hsm-name", "no-such-hsm", "-g", "rg-hsm"]);
    let uri = created.json()["properties"]["hsmUri"]
        .as_str()
        .unwrap()
        .to_string();
    let host = uri
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string();
    let h = host.as_str();

    // Activation by az: the security domain it writes opens with mhsm's offline drill.
    let v = vectors();
    let sd = emu.state().join("az-sd.json");
    az.keyvault(&[
        "security-domain",
        "download",
        "--hsm-name",
        h,
        "--sd-wrapping-keys",
        &file(&v.join("wrap1.cer")),
        &file(&v.join("wrap2.cer")),
        &file(&v.join("wrap3.cer")),
        "--sd-quorum",
        "2",
        "--security-domain-file",
        &file(&sd),
    ])
    .ok();
    let drill = emu
        .mhsm_env(
            "",
            &[
                "security-domain",
                "verify",
                "--sd-file",
                &file(&sd),
                "--sd-wrapping-keys",
                &file(&v.join("wrap3.key")),
                &file(&v.join("wrap1.key")),
            ],
            &[(
                "MHSM_SD_PASSWORDS",
                std::fs::read_to_string(v.join("wrap3.password"))
                    .unwrap()
                    .trim(),
            )],
        )
        .ok()
        .json();
    assert_eq!(drill["quorumMet"], true);
    assert_eq!(drill["masterKeyRecovered"], true);

    // Local RBAC: az writes, both read alike (tables and Graph-resolved names included).
    for (role, scope) in [
        ("Managed HSM Crypto Officer", "/keys"),
        ("Managed HSM Crypto User", "/keys"),
    ] {
        az.keyvault(&[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            h,
            "--role",
            role,
            "--scope",
            scope,
            "--assignee-object-id",
            &admin_oid,
        ])
        .ok();
    }
    let upn = emu.principal("auditor")["user_principal_name"]
        .as_str()
        .unwrap()
        .to_string();
    az.keyvault(&[
        "role",
        "assignment",
        "create",
        "--hsm-name",
        h,
        "--role",
        "Managed HSM Crypto Auditor",
        "--scope",
        "/",
        "--assignee",
        &upn,
    ])
    .ok();
    for o in ["json", "table", "tsv"] {
        both(&["role", "assignment", "list", "--hsm-name", h, "-o", o]);
        both(&[
            "role",
            "assignment",
            "list",
            "--hsm-name",
            h,
            "--scope",
            "/keys",
            "-o",
            o,
        ]);
        both(&["role", "definition", "list", "--hsm-name", h, "-o", o]);
    }
    let crypto_user = "21dbd100-6940-42c2-9190-5d6cb909625b";
    for o in ["json", "table"] {
        both(&[
            "role",
            "definition",
            "show",
            "--hsm-name",
            h,
            "--name",
            crypto_user,
            "-o",
            o,
        ]);
    }
    let custom = az
        .keyvault(&[
            "role",
            "definition",
            "create",
            "--hsm-name",
            h,
            "--role-definition",
            r#"{"roleName": "Key Reader", "description": "reads keys", "dataActions": ["Microsoft.KeyVault/managedHsm/keys/read/action"]}"#,
        ])
        .ok();
    let name = custom.json()["name"].as_str().unwrap().to_string();
    let shown = emu
        .mhsm(
            "subscription-admin",
            &[
                "role",
                "definition",
                "show",
                "--hsm-name",
                h,
                "--name",
                &name,
            ],
        )
        .ok();
    assert_eq!(custom.stdout, shown.stdout);

    // Keys: az creates, mhsm shows the same bundle; signatures and ciphertexts cross over.
    let rsa = az
        .keyvault(&[
            "key",
            "create",
            "--hsm-name",
            h,
            "-n",
            "az-rsa",
            "--kty",
            "RSA-HSM",
            "--size",
            "2048",
        ])
        .ok();
    let m = emu
        .mhsm(
            "subscription-admin",
            &["key", "show", "--hsm-name", h, "-n", "az-rsa"],
        )
        .ok();
    assert_eq!(rsa.stdout, m.stdout);
    let ec = az
        .keyvault(&[
            "key",
            "create",
            "--hsm-name",
            h,
            "-n",
            "az-ec",
            "--kty",
            "EC-HSM",
            "--curve",
            "P-256",
            "--ops",
            "sign",
            "verify",
            "--tags",
            "team=sec",
            "flag",
        ])
        .ok();
    let m = emu
        .mhsm(
            "subscription-admin",
            &["key", "show", "--hsm-name", h, "-n", "az-ec"],
        )
        .ok();
    assert_eq!(ec.stdout, m.stdout);
    for o in ["json", "table"] {
        both(&["key", "list", "--hsm-name", h, "-o", o]);
    }
    both(&["key", "list-versions", "--hsm-name", h, "-n", "az-rsa"]);
    both(&[
        "key",
        "rotation-policy",
        "show",
        "--hsm-name",
        h,
        "-n",
        "az-rsa",
    ]);
    both(&["key", "show", "--hsm-name", h, "-n", "no-such-key"]);

    let digest = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="; // SHA-256 of "abc"
    // mhsm verifies, on `hsm`, an ES256 signature of `digest` by az-ec made elsewhere.
    let mhsm_verifies = |hsm: &str, sig: &Value| {
        let out = emu
            .mhsm(
                "subscription-admin",
                &[
                    "key",
                    "verify",
                    "--hsm-name",
                    hsm,
                    "-n",
                    "az-ec",
                    "-a",
                    "ES256",
                    "--digest",
                    digest,
                    "--signature",
                    sig["signature"].as_str().unwrap(),
                ],
            )
            .ok()
            .json();
        out["isValid"] == true
    };
    let sig = az
        .keyvault(&[
            "key",
            "sign",
            "--hsm-name",
            h,
            "-n",
            "az-ec",
            "-a",
            "ES256",
            "--digest",
            digest,
        ])
        .ok()
        .json();
    assert!(mhsm_verifies(h, &sig));
    let sig = emu
        .mhsm(
            "subscription-admin",
            &[
                "key",
                "sign",
                "--hsm-name",
                h,
                "-n",
                "az-rsa",
                "-a",
                "PS384",
                "--digest",
                "ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn",
            ],
        )
        .ok()
        .json();
    let verified = az
        .keyvault(&[
            "key",
            "verify",
            "--hsm-name",
            h,
            "-n",
            "az-rsa",
            "-a",
            "PS384",
            "--digest",
            "ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn",
            "--signature",
            sig["signature"].as_str().unwrap(),
        ])
        .ok()
        .json();
    assert_eq!(verified["isValid"], true);
    let ct = az
        .keyvault(&[
            "key",
            "encrypt",
            "--hsm-name",
            h,
            "-n",
            "az-rsa",
            "-a",
            "RSA-OAEP-256",
            "--value",
            "secret data",
            "--data-type",
            "plaintext",
        ])
        .ok()
        .json();
    let pt = emu
        .mhsm(
            "subscription-admin",
            &[
                "key",
                "decrypt",
                "--hsm-name",
                h,
                "-n",
                "az-rsa",
                "-a",
                "RSA-OAEP-256",
                "--value",
                ct["result"].as_str().unwrap(),
                "--data-type",
                "plaintext",
            ],
        )
        .ok()
        .json();
    assert_eq!(pt["result"], "secret data");

    // Soft delete through az, read through both; recover through az.
    let backup = emu.state().join("az-ec.backup");
    az.keyvault(&[
        "key",
        "backup",
        "--hsm-name",
        h,
        "-n",
        "az-ec",
        "-f",
        &file(&backup),
    ])
    .ok();
    let deleted = az
        .keyvault(&["key", "delete", "--hsm-name", h, "-n", "az-ec"])
        .ok();
    let m = emu
        .mhsm(
            "subscription-admin",
            &["key", "show-deleted", "--hsm-name", h, "-n", "az-ec"],
        )
        .ok();
    assert_eq!(deleted.stdout, m.stdout);
    both(&["key", "list-deleted", "--hsm-name", h]);
    both(&["key", "show-deleted", "--hsm-name", h, "-n", "az-ec"]);
    az.keyvault(&["key", "recover", "--hsm-name", h, "-n", "az-ec"])
        .ok();
    both(&["key", "show", "--hsm-name", h, "-n", "az-ec"]);

    // DR with az alone: a second HSM in recovery takes the first one's security domain, and the
    // key backup made by az restores and signs there.
    let dr = az
        .keyvault(&[
            "create",
            "--hsm-name",
            "az-dr",
            "-g",
            "rg-hsm",
            "-l",
            "eastus2",
            "--administrators",
            &admin_oid,
            "--retention-days",
            "7",
        ])
        .ok()
        .json();
    let dr_host = dr["properties"]["hsmUri"]
        .as_str()
        .unwrap()
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string();
    let exchange = emu.state().join("az-exchange.pem");
    az.keyvault(&[
        "security-domain",
        "init-recovery",
        "--hsm-name",
        &dr_host,
        "--sd-exchange-key",
        &file(&exchange),
    ])
    .ok();
    let uploaded = az
        .keyvault(&[
            "security-domain",
            "upload",
            "--hsm-name",
            &dr_host,
            "--sd-file",
            &file(&sd),
            "--sd-exchange-key",
            &file(&exchange),
            "--sd-wrapping-keys",
            &file(&v.join("wrap2.key")),
            &file(&v.join("wrap1.key")),
        ])
        .ok()
        .json();
    assert_eq!(uploaded["status"], "Success");
    az.keyvault(&[
        "role",
        "assignment",
        "create",
        "--hsm-name",
        &dr_host,
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/",
        "--assignee-object-id",
        &admin_oid,
    ])
    .ok();
    let restored = az
        .keyvault(&[
            "key",
            "restore",
            "--hsm-name",
            &dr_host,
            "-f",
            &file(&backup),
        ])
        .ok()
        .json();
    assert_eq!(restored["key"]["x"], ec.json()["key"]["x"]);
    let sig: Value = az
        .keyvault(&[
            "key",
            "sign",
            "--hsm-name",
            &dr_host,
            "-n",
            "az-ec",
            "-a",
            "ES256",
            "--digest",
            digest,
        ])
        .ok()
        .json();
    assert!(mhsm_verifies(h, &sig));

    // Full backup and restore with az: the same flags print the same output (the folder's
    // time stamp aside), a failed job the same error, and the restore nothing.
    let sas = emu.sas("mhsmbackups", "backups", "crdwl", "2h");
    let stamp = regex_lite::Regex::new(r"mhsm-([a-z0-9-]+)-\d{16}").unwrap();
    let folder_of = |o: &Out| {
        let v = o.json();
        v["folderUrl"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string()
    };
    let by_uri = [
        "backup",
        "start",
        "--hsm-name",
        h,
        "--storage-resource-uri",
        "https://mhsmbackups.blob.storage.emulator/backups",
        "-t",
        &sas,
    ];
    let a = az.keyvault(&by_uri).ok();
    let m = emu.mhsm("subscription-admin", &by_uri).ok();
    assert_eq!(
        stamp.replace_all(&a.stdout, "mhsm-$1-X"),
        stamp.replace_all(&m.stdout, "mhsm-$1-X")
    );
    let by_account = [
        "backup",
        "start",
        "--hsm-name",
        h,
        "--storage-account-name",
        "mhsmbackups",
        "--blob-container-name",
        "backups",
        "-t",
        &sas,
        "-o",
        "tsv",
    ];
    let a = az.keyvault(&by_account).ok();
    let m = emu.mhsm("subscription-admin", &by_account).ok();
    assert_eq!(
        stamp.replace_all(&a.stdout, "mhsm-$1-X"),
        stamp.replace_all(&m.stdout, "mhsm-$1-X")
    );
    let folder = folder_of(&az.keyvault(&by_uri).ok());
    let read_only = emu.sas("mhsmbackups", "backups", "rl", "2h");
    same(
        &[
            "backup",
            "start",
            "--hsm-name",
            h,
            "--storage-resource-uri",
            "https://mhsmbackups.blob.storage.emulator/backups",
            "-t",
            &read_only,
        ],
        &[
            "backup",
            "start",
            "--hsm-name",
            h,
            "--storage-resource-uri",
            "https://mhsmbackups.blob.storage.emulator/backups",
            "-t",
            &read_only,
        ],
    );
    // The DR HSM shares the security domain: az backs it up (the 30-minute rule) and restores
    // the first HSM's backup into it; mhsm does the same, and prints the same (nothing).
    az.keyvault(&[
        "backup",
        "start",
        "--hsm-name",
        &dr_host,
        "--storage-resource-uri",
        "https://mhsmbackups.blob.storage.emulator/backups",
        "-t",
        &sas,
    ])
    .ok();
    let restore = |tool: &str| {
        let args = [
            "restore",
            "start",
            "--hsm-name",
            &dr_host,
            "--storage-resource-uri",
            "https://mhsmbackups.blob.storage.emulator/backups",
            "-t",
            &sas,
            "--backup-folder",
            &folder,
        ];
        if tool == "az" {
            az.keyvault(&args)
        } else {
            emu.mhsm("subscription-admin", &args)
        }
    };
    let a = restore("az").ok();
    let m = restore("mhsm").ok();
    assert_eq!((a.stdout.as_str(), m.stdout.as_str()), ("", ""));
    both(&["key", "list", "--hsm-name", &dr_host]);
    // Selective restore: az 2.91 sends it (restore start --key-name); whatever az does, mhsm
    // restores the key.
    let selective = [
        "restore",
        "start",
        "--hsm-name",
        &dr_host,
        "--storage-resource-uri",
        "https://mhsmbackups.blob.storage.emulator/backups",
        "-t",
        &sas,
        "--backup-folder",
        &folder,
        "--key-name",
        "az-ec",
    ];
    same(&selective, &selective);
    // az 2.91's storage mode of `key restore` crashes (az-surface.md §3.12); mhsm's restores.
    let key_restore = [
        "key",
        "restore",
        "--hsm-name",
        &dr_host,
        "--storage-resource-uri",
        "https://mhsmbackups.blob.storage.emulator/backups",
        "-t",
        &sas,
        "--backup-folder",
        &folder,
        "-n",
        "az-ec",
    ];
    let a = az.keyvault(&key_restore);
    assert_eq!(
        a.code, 1,
        "az's key restore from storage now works? {}",
        a.stderr
    );
    assert!(a.stderr.contains("begin_selective_restore"), "{}", a.stderr);
    emu.mhsm("subscription-admin", &key_restore).ok();
}
