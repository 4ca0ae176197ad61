//! Security domain end to end with the real binary: a new HSM refuses everything but the
//! security domain; the security team activates it (3 certificates, quorum 2); a second HSM is
//! recovered from that domain (init-recovery, upload with 2 of 3 keys, one password-protected);
//! wrong keys, too few keys and tampered files fail cleanly; the offline drill.

use std::path::PathBuf;

use crate::harness::{Emu, read_json};

pub fn keys_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors/security-domain/keys")
}

fn k(name: &str) -> String {
    keys_dir().join(name).display().to_string()
}

fn activation(emu: &Emu, hsm: &str) -> String {
    emu.mhsm(
        "hsm-operator",
        &[
            "show",
            "--hsm-name",
            hsm,
            "--query",
            "properties.securityDomainProperties.activationStatus",
            "-o",
            "tsv",
        ],
    )
    .ok()
    .stdout
    .trim()
    .to_string()
}

#[test]
fn activation_recovery_and_refusals() {
    let emu = Emu::start_with(&["--provision-delay-ms", "200"]);
    emu.create_hsm("sd-a");
    emu.create_hsm("sd-b");
    let dir = emu.state().join("sd");
    std::fs::create_dir_all(&dir).unwrap();
    let p = |n: &str| dir.join(n).display().to_string();

    // A new HSM refuses everything but the security domain.
    assert_eq!(activation(&emu, "sd-a"), "NotActivated");
    let refused = emu
        .mhsm(
            "security-officer",
            &["role", "assignment", "list", "--hsm-name", "sd-a"],
        )
        .code(1);
    assert!(
        refused.stderr.contains("not activated")
            && refused.stderr.contains("Hint: Activate the HSM first"),
        "{}",
        refused.stderr
    );
    let refused = emu
        .mhsm("security-officer", &["key", "list", "--hsm-name", "sd-a"])
        .code(1);
    assert!(refused.stderr.contains("HSM"), "{}", refused.stderr);

    // Bad download input is refused before any request.
    let certs = [k("wrap1.cer"), k("wrap2.cer"), k("wrap3.cer")];
    let dl = |extra: &[&str]| {
        let mut a = vec!["security-domain", "download", "--hsm-name", "sd-a"];
        a.extend_from_slice(extra);
        emu.mhsm("security-officer", &a)
    };
    let two = dl(&[
        "--sd-wrapping-keys",
        &certs[0],
        &certs[1],
        "--sd-quorum",
        "2",
        "--security-domain-file",
        &p("x.json"),
    ])
    .code(1);
    assert_eq!(
        two.stderr,
        "ERROR: The number of wrapping keys (2) should be in range [3, 10].\n"
    );
    let q = dl(&[
        "--sd-wrapping-keys",
        &certs[0],
        &certs[1],
        &certs[2],
        "--sd-quorum",
        "11",
        "--security-domain-file",
        &p("x.json"),
    ])
    .code(1);
    assert_eq!(
        q.stderr,
        "ERROR: The quorum of security domain (11) should be in range [2, 10].\n"
    );
    let q4 = dl(&[
        "--sd-wrapping-keys",
        &certs[0],
        &certs[1],
        &certs[2],
        "--sd-quorum",
        "4",
        "--security-domain-file",
        &p("x.json"),
    ])
    .code(1);
    assert!(
        q4.stderr
            .contains("cannot exceed the number of wrapping keys"),
        "{}",
        q4.stderr
    );
    let key_not_cert = dl(&[
        "--sd-wrapping-keys",
        &k("wrap1.key"),
        &certs[1],
        &certs[2],
        "--sd-quorum",
        "2",
        "--security-domain-file",
        &p("x.json"),
    ])
    .code(1);
    assert!(
        key_not_cert.stderr.contains("wrap1.key"),
        "{}",
        key_not_cert.stderr
    );
    // Contributors cannot activate (management rights give no data access).
    let denied = emu
        .mhsm(
            "hsm-operator",
            &[
                "security-domain",
                "download",
                "--hsm-name",
                "sd-a",
                "--sd-wrapping-keys",
                &certs[0],
                &certs[1],
                &certs[2],
                "--sd-quorum",
                "2",
                "--security-domain-file",
                &p("y.json"),
            ],
        )
        .code(1);
    assert!(
        denied.stderr.contains("(AccessDenied)"),
        "{}",
        denied.stderr
    );

    // The security team activates the HSM: 3 certificates, quorum 2.
    let out = dl(&[
        "--sd-wrapping-keys",
        &certs[0],
        &certs[1],
        &certs[2],
        "--sd-quorum",
        "2",
        "--security-domain-file",
        &p("sd.json"),
    ])
    .ok();
    assert_eq!(
        out.json(),
        serde_json::json!({"status": "Success", "statusDetails": "The security domain has been downloaded and the HSM is active."})
    );
    assert_eq!(activation(&emu, "sd-a"), "Active");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(p("sd.json"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
    let sd = read_json(&dir.join("sd.json"));
    assert_eq!(sd["SharedKeys"]["required"], 2);
    assert_eq!(sd["SharedKeys"]["enc_shares"].as_array().unwrap().len(), 3);
    assert_eq!(sd["SharedKeys"]["key_algorithm"], "shamir_share");
    let exists = dl(&[
        "--sd-wrapping-keys",
        &certs[0],
        &certs[1],
        &certs[2],
        "--sd-quorum",
        "2",
        "--security-domain-file",
        &p("sd.json"),
    ])
    .code(1);
    assert!(
        exists.stderr.contains("already exists"),
        "{}",
        exists.stderr
    );
    emu.mhsm(
        "security-officer",
        &["role", "assignment", "list", "--hsm-name", "sd-a"],
    )
    .ok();

    // The offline drill: any 2 of the 3 keys open it; a key that is not a wrapping key does not.
    let drill = emu
        .mhsm(
            "security-officer",
            &[
                "security-domain",
                "verify",
                "--sd-file",
                &p("sd.json"),
                "--sd-wrapping-keys",
                &k("wrap2.key"),
                &k("wrap3.key"),
                "--passwords",
                "",
                &std::fs::read_to_string(k("wrap3.password")).unwrap(),
            ],
        )
        .ok()
        .json();
    assert_eq!(drill["ok"], true);
    assert_eq!(drill["quorumMet"], true);
    let weak = emu
        .mhsm(
            "security-officer",
            &[
                "security-domain",
                "verify",
                "--sd-file",
                &p("sd.json"),
                "--sd-wrapping-keys",
                &k("wrap1.key"),
                &k("exchange.key"),
            ],
        )
        .code(1);
    assert!(weak.stderr.contains("Quorum not met"), "{}", weak.stderr);
    assert_eq!(weak.json()["quorumMet"], false);

    // Recovery of a second HSM from this security domain.
    emu.mhsm(
        "security-officer",
        &[
            "security-domain",
            "init-recovery",
            "--hsm-name",
            "sd-b",
            "--sd-exchange-key",
            &p("exchange.pem"),
        ],
    )
    .ok();
    let pem = std::fs::read_to_string(p("exchange.pem")).unwrap();
    assert!(
        pem.starts_with("-----BEGIN CERTIFICATE-----\n")
            && pem.ends_with("-----END CERTIFICATE-----"),
        "az's PEM: no trailing newline"
    );
    assert!(
        pem.lines()
            .skip(1)
            .take_while(|l| !l.starts_with("-----"))
            .all(|l| l.len() <= 65)
    );
    assert_eq!(
        pem.lines().nth(1).unwrap().len(),
        65,
        "az's 65-column lines"
    );

    // Too few keys, wrong keys and a tampered file fail cleanly and change nothing.
    let exchange = p("exchange.pem");
    let up = |extra: &[&str]| {
        let mut a = vec![
            "security-domain",
            "upload",
            "--hsm-name",
            "sd-b",
            "--sd-exchange-key",
            &exchange,
        ];
        a.extend_from_slice(extra);
        emu.mhsm("security-officer", &a)
    };
    let few = up(&[
        "--sd-file",
        &p("sd.json"),
        "--sd-wrapping-keys",
        &k("wrap1.key"),
    ])
    .code(1);
    assert!(
        few.stderr
            .contains("Length of --sd-wrapping-keys list should not less than 2"),
        "{}",
        few.stderr
    );
    let wrong = up(&[
        "--sd-file",
        &p("sd.json"),
        "--sd-wrapping-keys",
        &k("wrap1.key"),
        &k("exchange.key"),
    ])
    .code(1);
    assert!(
        wrong.stderr.contains("Insufficient shares available"),
        "{}",
        wrong.stderr
    );
    let mut tampered = std::fs::read_to_string(p("sd.json")).unwrap();
    let pos = tampered.find("\"compact_jwe\":\"").unwrap() + 60;
    let c = tampered.as_bytes()[pos] as char;
    tampered.replace_range(pos..pos + 1, if c == 'A' { "B" } else { "A" });
    std::fs::write(p("tampered.json"), tampered).unwrap();
    let bad = up(&[
        "--sd-file",
        &p("tampered.json"),
        "--sd-wrapping-keys",
        &k("wrap1.key"),
        &k("wrap2.key"),
    ])
    .code(1);
    assert!(
        bad.stderr.contains("hsm_backup") || bad.stderr.contains("authentication"),
        "{}",
        bad.stderr
    );
    let no_pw = up(&[
        "--sd-file",
        &p("sd.json"),
        "--sd-wrapping-keys",
        &k("wrap3.key"),
        &k("wrap1.key"),
    ])
    .code(1);
    assert!(
        no_pw.stderr.contains("is encrypted") && no_pw.stderr.contains("--passwords-file"),
        "{}",
        no_pw.stderr
    );
    let bad_pw = up(&[
        "--sd-file",
        &p("sd.json"),
        "--sd-wrapping-keys",
        &k("wrap3.key"),
        &k("wrap1.key"),
        "--passwords",
        "nope",
    ])
    .code(1);
    assert!(
        bad_pw.stderr.contains("password for") && bad_pw.stderr.contains("is wrong"),
        "{}",
        bad_pw.stderr
    );
    // A blob whose data were tampered with fails the upload's status; the HSM stays as it was.
    emu.mhsm(
        "security-officer",
        &[
            "security-domain",
            "restore-blob",
            "--sd-file",
            &p("sd.json"),
            "--sd-exchange-key",
            &p("exchange.pem"),
            "--sd-wrapping-keys",
            &k("wrap1.key"),
            &k("wrap2.key"),
            "--sd-file-restore-blob",
            &p("blob.json"),
        ],
    )
    .ok();
    let mut blob = std::fs::read_to_string(p("blob.json")).unwrap();
    let pos = blob.find("\"compact_jwe\": \"").unwrap() + 70;
    let c = blob.as_bytes()[pos] as char;
    blob.replace_range(pos..pos + 1, if c == 'A' { "B" } else { "A" });
    std::fs::write(p("blob-tampered.json"), blob).unwrap();
    let failed = emu
        .mhsm(
            "security-officer",
            &[
                "security-domain",
                "upload",
                "--hsm-name",
                "sd-b",
                "--sd-file",
                &p("blob-tampered.json"),
                "--restore-blob",
            ],
        )
        .code(1);
    assert!(
        failed.stderr.contains("The security domain upload failed")
            && failed.stderr.contains("unchanged"),
        "{}",
        failed.stderr
    );
    assert_eq!(activation(&emu, "sd-b"), "NotActivated");

    // 2 of the 3 keys, the password-protected one first, its password from a file.
    std::fs::write(
        p("passwords.txt"),
        format!(
            "{}\n\n",
            std::fs::read_to_string(k("wrap3.password")).unwrap()
        ),
    )
    .unwrap();
    let ok = up(&[
        "--sd-file",
        &p("sd.json"),
        "--sd-wrapping-keys",
        &k("wrap3.key"),
        &k("wrap1.key"),
        "--passwords-file",
        &p("passwords.txt"),
    ])
    .ok();
    assert_eq!(
        ok.json(),
        serde_json::json!({"status": "Success", "statusDetails": "The security domain has been restored and the HSM is active."})
    );
    assert_eq!(activation(&emu, "sd-b"), "Active");
    let waited = emu
        .mhsm(
            "security-officer",
            &["security-domain", "wait", "--hsm-name", "sd-b"],
        )
        .ok()
        .json();
    assert_eq!(waited["status"], "Success");
    let rb = emu
        .mhsm(
            "security-officer",
            &[
                "security-domain",
                "wait",
                "--hsm-name",
                "sd-b",
                "--target-operation",
                "restore_blob",
            ],
        )
        .code(1);
    assert!(rb.stderr.contains("offline operation"), "{}", rb.stderr);
    // An activated HSM refuses another upload.
    let again = up(&[
        "--sd-file",
        &p("sd.json"),
        "--sd-wrapping-keys",
        &k("wrap1.key"),
        &k("wrap2.key"),
    ])
    .code(1);
    assert!(
        again.stderr.contains("already activated"),
        "{}",
        again.stderr
    );
}

#[test]
fn restore_blob_matches_az_skeleton_and_passwords_from_the_environment() {
    // restore-blob is offline: no emulator needed, only the vectors.
    let emu = Emu::start();
    let dir = emu.state().join("rb");
    std::fs::create_dir_all(&dir).unwrap();
    let v = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors/security-domain");
    let out = dir.join("blob.json");
    let pw = std::fs::read_to_string(k("wrap3.password")).unwrap();
    // The legacy-encrypted key, its password from MHSM_SD_PASSWORDS, an unencrypted key after it.
    emu.mhsm_env(
        "",
        &[
            "security-domain",
            "restore-blob",
            "--sd-file",
            &v.join("sd/security_domain.json").display().to_string(),
            "--sd-exchange-key",
            &k("exchange.pem"),
            "--sd-wrapping-keys",
            &k("wrap3_legacy.key"),
            &k("wrap2.key"),
            "--sd-file-restore-blob",
            &out.display().to_string(),
        ],
        &[("MHSM_SD_PASSWORDS", &format!("{pw}\n"))],
    )
    .ok();
    let ours = std::fs::read_to_string(&out).unwrap();
    let az = std::fs::read_to_string(v.join("az-runs/A_wrap1_wrap2/az_restore_blob.json")).unwrap();
    // Same skeleton: replace every JWE by a marker and compare byte for byte.
    let skeleton = |s: &str| {
        let re = regex_lite::Regex::new(r#""(compact_jwe|enc_key)": "[^"]+""#).unwrap();
        re.replace_all(s, "\"$1\": \"…\"").into_owned()
    };
    assert_eq!(skeleton(&ours), skeleton(&az));
    assert!(!ours.ends_with('\n'));
}
