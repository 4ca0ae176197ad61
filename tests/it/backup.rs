//! Full backup, restore and the disaster-recovery runbook end to end: the real `mhsm` binary
//! against a real emulator whose HSMs are activated and recovered with real security domains.
//! The seeds' runbook by hand (backup → new HSM → init-recovery → upload with 2 of 3 keys →
//! backup of the target → restore) and as one command (`mhsm dr restore`), on the embedded
//! storage and on Azurite, with a SAS and with the HSMs' managed identity; selective restore;
//! and each refusal — a concurrent job, no recent backup, another security domain, a tampered
//! backup, a SAS or an identity without rights — failing cleanly with the HSM unchanged.

use serde_json::{Value, json};

use crate::harness::{AZURITE_ACCOUNT, AZURITE_KEY, Azurite, Emu, Out};
use crate::security_domain::keys_dir;

const CONTAINER: &str = "https://mhsmbackups.blob.storage.emulator/backups";

fn k(name: &str) -> String {
    keys_dir().join(name).display().to_string()
}

/// An emulator with quick polling, and the tutorial's security officer.
struct Dr {
    emu: Emu,
    work: tempfile::TempDir,
}

impl Dr {
    fn start() -> Dr {
        Dr {
            emu: Emu::start_with(&["--provision-delay-ms", "0", "--lro-retry-after", "1"]),
            work: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, f: &str) -> String {
        self.work.path().join(f).display().to_string()
    }

    fn so(&self, args: &[&str]) -> Out {
        self.emu.mhsm("security-officer", args)
    }

    /// A new HSM activated by a security-domain download (3 certificates, quorum 2), with the
    /// security officer as Crypto Officer and Crypto User; returns the SD file.
    fn activated(&self, name: &str) -> String {
        self.emu.create_hsm(name);
        let sd = self.path(&format!("{name}.sd.json"));
        self.so(&[
            "security-domain",
            "download",
            "--hsm-name",
            name,
            "--sd-wrapping-keys",
            &k("wrap1.cer"),
            &k("wrap2.cer"),
            &k("wrap3.cer"),
            "--sd-quorum",
            "2",
            "--security-domain-file",
            &sd,
        ])
        .ok();
        self.grant_crypto(name);
        sd
    }

    fn grant_crypto(&self, hsm: &str) {
        let me = self.emu.oid("security-officer");
        for role in ["Managed HSM Crypto Officer", "Managed HSM Crypto User"] {
            self.so(&[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                hsm,
                "--role",
                role,
                "--scope",
                "/",
                "--assignee-object-id",
                &me,
            ])
            .ok();
        }
    }

    /// Keys of every kind, one with two versions, and a signature of `digest` by the RSA key.
    fn populate(&self, hsm: &str) -> String {
        for (name, args) in [
            ("rsa-signer", vec!["--kty", "RSA-HSM", "--size", "2048"]),
            ("ec-signer", vec!["--kty", "EC-HSM", "--curve", "P-256"]),
            ("aes-wrapper", vec!["--kty", "oct-HSM", "--size", "256"]),
        ] {
            let mut a = vec!["key", "create", "--hsm-name", hsm, "-n", name];
            a.extend(args);
            self.so(&a).ok();
        }
        self.so(&["key", "rotate", "--hsm-name", hsm, "-n", "ec-signer"])
            .ok();
        self.sign(hsm)
    }

    /// An RS256 signature (deterministic) of a fixed digest by `rsa-signer`.
    fn sign(&self, hsm: &str) -> String {
        let out = self
            .so(&[
                "key",
                "sign",
                "--hsm-name",
                hsm,
                "-n",
                "rsa-signer",
                "-a",
                "RS256",
                "--digest",
                "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=",
            ])
            .ok()
            .json();
        out["signature"].as_str().unwrap().to_string()
    }

    fn keys(&self, hsm: &str) -> Vec<String> {
        let v = self
            .so(&["key", "list", "--hsm-name", hsm, "--query", "[].name"])
            .ok()
            .json();
        let mut n: Vec<String> = serde_json::from_value(v).unwrap();
        n.sort();
        n
    }

    fn sas(&self, perms: &str) -> String {
        self.emu.sas("mhsmbackups", "backups", perms, "2h")
    }

    fn backup(&self, hsm: &str, storage: &[&str]) -> Out {
        let mut a = vec!["backup", "start", "--hsm-name", hsm];
        a.extend_from_slice(storage);
        self.so(&a)
    }

    /// Puts a new HSM in recovery with the source's security domain and 2 of its 3 keys
    /// (wrap3 + wrap1, in that order).
    fn recover(&self, target: &str, sd: &str) {
        self.emu.create_hsm(target);
        let exchange = self.path(&format!("{target}-exchange.cer"));
        self.so(&[
            "security-domain",
            "init-recovery",
            "--hsm-name",
            target,
            "--sd-exchange-key",
            &exchange,
        ])
        .ok();
        self.so(&[
            "security-domain",
            "upload",
            "--hsm-name",
            target,
            "--sd-file",
            sd,
            "--sd-exchange-key",
            &exchange,
            "--sd-wrapping-keys",
            &k("wrap3.key"),
            &k("wrap1.key"),
            "--passwords-file",
            &self.passwords(),
        ])
        .ok();
    }

    /// A passwords file for (wrap3.key, wrap1.key): wrap3's password, then none.
    fn passwords(&self) -> String {
        let pw = std::fs::read_to_string(keys_dir().join("wrap3.password")).unwrap();
        let path = self.path("passwords.txt");
        std::fs::write(&path, format!("{}\n\n", pw.trim_end())).unwrap();
        path
    }
}

fn folder_of(out: &Out) -> String {
    let v = out.json();
    assert_eq!(v["status"], "Succeeded", "{v}");
    let url = v["folderUrl"].as_str().unwrap();
    url.rsplit('/').next().unwrap().to_string()
}

#[test]
fn the_seeds_runbook_by_hand_then_as_one_command() {
    let dr = Dr::start();
    let sd = dr.activated("dr-src");
    let signature = dr.populate("dr-src");
    let keys = dr.keys("dr-src");
    let sas = dr.sas("crdwl");
    // By hand, as az users script it, with the documented permissions: crdw to back up, rl to
    // restore.
    let (sas_backup, sas_restore) = (dr.sas("crdw"), dr.sas("rl"));
    let storage = ["--storage-resource-uri", CONTAINER, "-t", &sas_backup];

    let out = dr.backup("dr-src", &storage).ok();
    let v = out.json();
    assert_eq!(v.as_object().unwrap().len(), 2, "az's output: {v}");
    let folder = folder_of(&out);
    assert!(folder.starts_with("mhsm-dr-src-"), "{folder}");
    dr.recover("dr-hand", &sd);
    dr.grant_crypto("dr-hand");
    // The 30-minute rule: no backup of the target yet.
    let refused = dr
        .so(&[
            "restore",
            "start",
            "--hsm-name",
            "dr-hand",
            "--storage-resource-uri",
            CONTAINER,
            "-t",
            &sas,
            "--backup-folder",
            &folder,
        ])
        .code(1);
    assert!(
        refused.stderr.contains("within the last 30 minutes"),
        "{}",
        refused.stderr
    );
    dr.backup("dr-hand", &storage).ok();
    let restored = dr
        .so(&[
            "restore",
            "start",
            "--hsm-name",
            "dr-hand",
            "--storage-account-name",
            "mhsmbackups",
            "--blob-container-name",
            "backups",
            "-t",
            &sas_restore,
            "--backup-folder",
            &folder,
        ])
        .ok();
    assert_eq!(restored.stdout, "", "az prints nothing after a restore");
    // The restore brought the source's RBAC: the security officer's roles are the source's.
    assert_eq!(dr.keys("dr-hand"), keys);
    assert_eq!(dr.sign("dr-hand"), signature, "the same key signs the same");

    // The backups of the container, newest first, and a selective restore of the latest one.
    let list = dr
        .so(&["backup", "list", "-u", CONTAINER, "-t", &sas])
        .ok()
        .json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["hsmName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["dr-hand", "dr-src"], "{list}");
    dr.so(&[
        "key",
        "delete",
        "--hsm-name",
        "dr-hand",
        "-n",
        "aes-wrapper",
    ])
    .ok();
    dr.so(&["key", "purge", "--hsm-name", "dr-hand", "-n", "aes-wrapper"])
        .ok();
    dr.so(&[
        "restore",
        "start",
        "--hsm-name",
        "dr-hand",
        "-u",
        CONTAINER,
        "-t",
        &sas,
        "--backup-folder",
        "latest",
        "--source-hsm-name",
        "dr-src",
        "--key-name",
        "aes-wrapper",
    ])
    .ok();
    assert_eq!(dr.keys("dr-hand"), keys);

    // As one command, into another new HSM: plan, run, report.
    dr.emu.create_hsm("dr-one");
    let dr_args = |extra: &[&str]| {
        let mut a = vec![
            "dr",
            "restore",
            "--source-hsm-name",
            "dr-src",
            "--target-hsm-name",
            "dr-one",
            "-u",
            CONTAINER,
            "-t",
            &sas,
            "--sd-file",
            &sd,
            "--sd-wrapping-keys",
        ];
        a.push(Box::leak(k("wrap2.key").into_boxed_str()));
        a.push(Box::leak(k("wrap1.key").into_boxed_str()));
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |extra: &[&str]| {
        let a = dr_args(extra);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        dr.so(&refs)
    };
    let plan = run(&["--dry-run"]).ok().json();
    assert_eq!(plan["result"], "dry-run");
    let steps: Vec<&str> = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "backup-source",
            "security-domain",
            "backup-target",
            "restore",
            "verify"
        ]
    );
    assert!(
        plan["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["status"] == "planned")
    );
    let activation = dr
        .emu
        .mhsm(
            "hsm-operator",
            &[
                "show",
                "--hsm-name",
                "dr-one",
                "--query",
                "properties.securityDomainProperties.activationStatus",
            ],
        )
        .ok()
        .json();
    assert_eq!(activation, "NotActivated", "a dry run changes nothing");
    let report = run(&[]).ok().json();
    assert_eq!(report["result"], "passed", "{report:#}");
    assert_eq!(report["verification"]["passed"], true);
    assert_eq!(
        report["verification"]["signature"]["verified"], true,
        "{report:#}"
    );
    assert_eq!(report["verification"]["keyVersions"]["source"], 4);
    assert!(
        report["verification"]["roleAssignments"]["source"]
            .as_u64()
            .unwrap()
            >= 3
    );
    for s in report["steps"].as_array().unwrap() {
        assert!(
            matches!(s["status"].as_str(), Some("done" | "passed")),
            "{s}"
        );
    }
    assert_eq!(dr.keys("dr-one"), keys);
    assert_eq!(dr.sign("dr-one"), signature);
    // Nothing secret in the report.
    let text = report.to_string();
    assert!(
        !text.contains(&sas[sas.find("sig=").unwrap()..]),
        "SAS in the report"
    );
}

#[test]
fn the_runbook_resumes_after_a_failure_and_refuses_a_foreign_target() {
    let dr = Dr::start();
    let sd = dr.activated("rs-src");
    dr.populate("rs-src");
    let sas = dr.sas("crdwl");
    let good = folder_of(&dr.backup("rs-src", &["-u", CONTAINER, "-t", &sas]).ok());
    // A copy of the backup with one part damaged.
    let base = dr.emu.state().join("storage/mhsmbackups/backups");
    let bad = "mhsm-rs-src-20200101000000";
    std::fs::create_dir_all(base.join(bad)).unwrap();
    for f in std::fs::read_dir(base.join(&good)).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), base.join(bad).join(f.file_name())).unwrap();
    }
    let manifest = base.join(bad).join("hsm_backup.json");
    let m = std::fs::read_to_string(&manifest)
        .unwrap()
        .replace(&good, bad);
    std::fs::write(&manifest, m).unwrap();

    dr.emu.create_hsm("rs-dst");
    let state = dr.path("dr-state.json");
    let run = |folder: &str| {
        dr.so(&[
            "dr",
            "restore",
            "--source-hsm-name",
            "rs-src",
            "--target-hsm-name",
            "rs-dst",
            "-u",
            CONTAINER,
            "-t",
            &sas,
            "--backup-folder",
            folder,
            "--sd-file",
            &sd,
            "--sd-wrapping-keys",
            &k("wrap1.key"),
            &k("wrap2.key"),
            "--state-file",
            &state,
        ])
    };
    // The tampered backup fails the restore step: the target keeps nothing of it, the
    // progress so far is saved.
    let failed = run(bad).code(1);
    assert!(failed.stderr.contains("tampered"), "{}", failed.stderr);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert!(saved["securityDomain"].is_string(), "{saved}");
    dr.grant_crypto("rs-dst");
    assert_eq!(dr.keys("rs-dst"), Vec::<String>::new());
    // Again with the good backup: the security domain and the target backup are not redone.
    let report = run(&good).ok().json();
    let status: Vec<(&str, &str)> = report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["step"].as_str().unwrap(), s["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        status,
        [
            ("backup-source", "given"),
            ("security-domain", "resumed"),
            ("backup-target", "resumed"),
            ("restore", "done"),
            ("verify", "passed")
        ],
        "{report:#}"
    );
    assert!(
        !std::path::Path::new(&state).exists(),
        "state removed at the end"
    );

    // A target activated with its own security domain is refused before anything changes,
    // and a plain restore into it fails as the service does, leaving it as it was.
    dr.activated("rs-foreign");
    dr.so(&[
        "key",
        "create",
        "--hsm-name",
        "rs-foreign",
        "-n",
        "mine",
        "--kty",
        "EC-HSM",
    ])
    .ok();
    let refused = dr
        .so(&[
            "dr",
            "restore",
            "--source-hsm-name",
            "rs-src",
            "--target-hsm-name",
            "rs-foreign",
            "-u",
            CONTAINER,
            "-t",
            &sas,
            "--backup-folder",
            &good,
        ])
        .code(1);
    assert!(
        refused.stderr.contains("security domain of its own"),
        "{}",
        refused.stderr
    );
    dr.backup("rs-foreign", &["-u", CONTAINER, "-t", &sas]).ok();
    let failed = dr
        .so(&[
            "restore",
            "start",
            "--hsm-name",
            "rs-foreign",
            "-u",
            CONTAINER,
            "-t",
            &sas,
            "--backup-folder",
            &good,
        ])
        .code(1);
    assert!(
        failed.stderr.contains("different security domain"),
        "{}",
        failed.stderr
    );
    assert_eq!(dr.keys("rs-foreign"), ["mine"]);

    // A real disaster: the source is gone. The runbook restores its backup without it.
    dr.emu
        .mhsm("hsm-operator", &["delete", "--hsm-name", "rs-src"])
        .ok();
    dr.emu.create_hsm("rs-after");
    let report = dr
        .so(&[
            "dr",
            "restore",
            "--source-hsm-name",
            "rs-src",
            "--target-hsm-name",
            "rs-after",
            "-u",
            CONTAINER,
            "-t",
            &sas,
            "--backup-folder",
            &good,
            "--no-verify",
            "--sd-file",
            &sd,
            "--sd-wrapping-keys",
            &k("wrap2.key"),
            &k("wrap1.key"),
        ])
        .ok()
        .json();
    assert_eq!(report["result"], "restored (not verified)", "{report:#}");
    assert_eq!(report["verification"], Value::Null);
    // The source's roles came with the restore: the security officer reads the keys.
    assert_eq!(dr.keys("rs-after").len(), 3);
}

#[test]
fn refusals_name_the_cause_and_change_nothing() {
    let dr = Dr {
        emu: Emu::start_with(&[
            "--provision-delay-ms",
            "0",
            "--lro-retry-after",
            "1",
            "--job-delay-ms",
            "1500",
        ]),
        work: tempfile::tempdir().unwrap(),
    };
    dr.activated("bk-refuse");
    dr.populate("bk-refuse");
    let keys = dr.keys("bk-refuse");
    let sas = dr.sas("crdwl");
    // A second backup while one runs: 409, naming the running job and how to watch it.
    let first = dr
        .so(&[
            "backup",
            "start",
            "--hsm-name",
            "bk-refuse",
            "-u",
            CONTAINER,
            "-t",
            &sas,
            "--no-wait",
        ])
        .ok()
        .json();
    let job = first["jobId"].as_str().unwrap();
    let busy = dr
        .backup("bk-refuse", &["-u", CONTAINER, "-t", &sas])
        .code(1);
    assert!(
        busy.stderr
            .contains("Another backup operation is in progress"),
        "{}",
        busy.stderr
    );
    assert!(
        busy.stderr.contains(&format!(
            "mhsm backup status --hsm-name bk-refuse --job-id {job}"
        )),
        "{}",
        busy.stderr
    );
    let status = dr
        .so(&[
            "backup",
            "status",
            "--hsm-name",
            "bk-refuse",
            "--job-id",
            job,
            "--wait",
        ])
        .ok()
        .json();
    assert_eq!(status["status"], "Succeeded");

    // A SAS without write permission, an expired one, a missing container: the job fails with
    // the storage service's words and a hint, exit 1.
    let no_write = dr.sas("rl");
    let e = dr
        .backup("bk-refuse", &["-u", CONTAINER, "-t", &no_write])
        .code(1);
    assert!(
        e.stderr.contains("AuthorizationPermissionMismatch"),
        "{}",
        e.stderr
    );
    assert!(e.stderr.contains("Hint:"), "{}", e.stderr);
    let missing = dr.emu.sas("mhsmbackups", "nope", "crdwl", "2h");
    let e = dr
        .backup(
            "bk-refuse",
            &[
                "-u",
                "https://mhsmbackups.blob.storage.emulator/nope",
                "-t",
                &missing,
            ],
        )
        .code(1);
    assert!(e.stderr.contains("ContainerNotFound"), "{}", e.stderr);
    assert!(!e.stderr.contains("invalid status 'OK'"));
    // An identity without the storage role (app-vm): the HSM's backup with it fails cleanly.
    let app_vm = format!(
        "/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.ManagedIdentity/userAssignedIdentities/app-vm",
        dr.emu.subscription()
    );
    dr.emu
        .mhsm(
            "hsm-operator",
            &[
                "update-hsm",
                "--hsm-name",
                "bk-refuse",
                "--mi-user-assigned",
                &app_vm,
            ],
        )
        .ok();
    let e = dr
        .backup("bk-refuse", &["-u", CONTAINER, "--use-managed-identity"])
        .code(1);
    assert!(e.stderr.contains("Authorization"), "{}", e.stderr);
    assert_eq!(dr.keys("bk-refuse"), keys);
    // Usage errors as az words them.
    let e = dr
        .so(&[
            "backup",
            "start",
            "--hsm-name",
            "bk-refuse",
            "-u",
            CONTAINER,
            "--storage-account-name",
            "xyzaccount",
        ])
        .code(1);
    assert!(e.stderr.contains("Please do not specify --storage-account-name or --blob-container-name if --storage-resource-uri is specified."), "{}", e.stderr);
}

#[test]
fn managed_identity_runbook_on_embedded_storage_and_on_azurite() {
    let Some(azurite) = Azurite::start() else {
        return;
    };
    let mut emu = Emu::start_with(&["--provision-delay-ms", "0", "--lro-retry-after", "1"]);
    // An account of the directory that lives in Azurite; the backup identity may write to it.
    let sub = emu.subscription();
    emu.edit_directory(|d| {
        d["storage_accounts"].as_array_mut().unwrap().push(json!({
            "name": AZURITE_ACCOUNT, "resource_group": "rg-hsm", "key": AZURITE_KEY,
            "containers": ["hsm-backups"], "endpoint": azurite.endpoint(),
        }));
        d["arm_role_assignments"].as_array_mut().unwrap().push(json!({
            "principal": "hsm-backup", "role": "Storage Blob Data Contributor",
            "scope": format!("/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.Storage/storageAccounts/{AZURITE_ACCOUNT}"),
        }));
    });
    let dr = Dr {
        emu,
        work: tempfile::tempdir().unwrap(),
    };
    let identity = format!(
        "/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.ManagedIdentity/userAssignedIdentities/hsm-backup"
    );
    let sd = dr.activated("mi-src");
    let signature = dr.populate("mi-src");
    let keys = dr.keys("mi-src");
    let azurite_container = format!("https://{AZURITE_ACCOUNT}.blob.storage.emulator/hsm-backups");
    for (i, (container, auth)) in [
        (CONTAINER.to_string(), "mi"),
        (azurite_container.clone(), "mi"),
        (azurite_container.clone(), "sas"),
    ]
    .into_iter()
    .enumerate()
    {
        let target = format!("mi-dst{i}");
        dr.emu.create_hsm(&target);
        for h in ["mi-src", target.as_str()] {
            dr.emu
                .mhsm(
                    "hsm-operator",
                    &[
                        "update-hsm",
                        "--hsm-name",
                        h,
                        "--mi-user-assigned",
                        &identity,
                    ],
                )
                .ok();
        }
        let sas;
        let mut a = vec![
            "dr",
            "restore",
            "--source-hsm-name",
            "mi-src",
            "--target-hsm-name",
            &target,
            "-u",
            &container,
            "--sd-file",
            &sd,
        ];
        let (k1, k2) = (k("wrap1.key"), k("wrap2.key"));
        a.extend(["--sd-wrapping-keys", &k1, &k2]);
        if auth == "mi" {
            a.push("--use-managed-identity");
        } else {
            sas = dr.emu.sas(AZURITE_ACCOUNT, "hsm-backups", "crdwl", "2h");
            a.extend(["-t", &sas]);
        }
        let report = dr.so(&a).ok().json();
        assert_eq!(report["result"], "passed", "{container} {auth}: {report:#}");
        assert_eq!(dr.keys(&target), keys);
        assert_eq!(dr.sign(&target), signature);
    }
    // The backups really are in Azurite: listed through its Blob API with a SAS.
    let sas = dr.emu.sas(AZURITE_ACCOUNT, "hsm-backups", "rl", "2h");
    let listed = dr
        .so(&["backup", "list", "-u", &azurite_container, "-t", &sas])
        .ok()
        .json();
    assert!(listed.as_array().unwrap().len() >= 4, "{listed}");
}

#[test]
fn the_runbook_refuses_what_cannot_work_before_changing_anything() {
    let dr = Dr::start();
    dr.activated("us-src");
    dr.emu.create_hsm("us-dst");
    let sas = dr.sas("crdwl");
    let run = |extra: &[&str]| {
        let mut a = vec!["dr", "restore", "-u", CONTAINER, "-t", &sas];
        a.extend_from_slice(extra);
        dr.so(&a)
    };
    let e = run(&["--source-hsm-name", "us-src"]).code(1);
    assert!(e.stderr.contains("--target-hsm-name"), "{}", e.stderr);
    let e = run(&["--source-hsm-name", "us-src", "--target-hsm-name", "us-src"]).code(1);
    assert!(e.stderr.contains("the same HSM"), "{}", e.stderr);
    let e = run(&["--target-hsm-name", "us-dst", "--no-verify"]).code(2);
    assert!(e.stderr.contains("--backup-folder"), "{}", e.stderr);
    // The target is not recovered and no security domain was given: a usage error after the
    // source's backup, and nothing done to the target.
    let e = run(&["--source-hsm-name", "us-src", "--target-hsm-name", "us-dst"]).code(2);
    assert!(e.stderr.contains("--sd-file"), "{}", e.stderr);
    let shown = dr
        .emu
        .mhsm(
            "hsm-operator",
            &[
                "show",
                "--hsm-name",
                "us-dst",
                "--query",
                "properties.securityDomainProperties.activationStatus",
            ],
        )
        .ok()
        .json();
    assert_eq!(shown, "NotActivated");
    // A caller who could not read the source to verify is told so before anything happens.
    dr.emu.create_hsm("us-bare");
    dr.so(&[
        "security-domain",
        "download",
        "--hsm-name",
        "us-bare",
        "--sd-wrapping-keys",
        &k("wrap1.cer"),
        &k("wrap2.cer"),
        &k("wrap3.cer"),
        "--sd-quorum",
        "2",
        "--security-domain-file",
        &dr.path("bare.sd.json"),
    ])
    .ok();
    let e = run(&[
        "--source-hsm-name",
        "us-bare",
        "--target-hsm-name",
        "us-dst",
    ])
    .code(1);
    assert!(e.stderr.contains("read the source's keys"), "{}", e.stderr);
    let listed = dr
        .so(&[
            "backup",
            "list",
            "-u",
            CONTAINER,
            "-t",
            &sas,
            "--source-hsm-name",
            "us-bare",
        ])
        .ok()
        .json();
    assert_eq!(listed, json!([]), "no backup was taken");
    let e = run(&[
        "--source-hsm-name",
        "no-such-hsm",
        "--target-hsm-name",
        "us-dst",
    ])
    .code(3);
    assert!(e.stderr.contains("no-such-hsm"), "{}", e.stderr);
}
