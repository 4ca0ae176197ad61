//! Keys with the real `mhsm` binary: the seeds' scenario (the security team creates the RSA-2048
//! signing key, the VM identity signs, the auditor reads but cannot sign, the storage identity
//! only wraps/unwraps), every key command and algorithm round trip, the az output shapes, RBAC
//! refusals per role, soft delete and purge protection on the emulator clock, and a key backed
//! up from one HSM restoring and signing on an HSM recovered from its security domain.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use crate::harness::{Emu, Out, redact};
use crate::security_domain::keys_dir;

fn sha256(data: &[u8]) -> Vec<u8> {
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, data)
        .as_ref()
        .to_vec()
}

/// A digest of the right size for an algorithm, standard base64 (what az takes).
fn digest_for(alg: &str) -> String {
    let d = match &alg[2..] {
        "384" => aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA384, b"mhsm")
            .as_ref()
            .to_vec(),
        "512" => aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA512, b"mhsm")
            .as_ref()
            .to_vec(),
        _ => sha256(b"mhsm"),
    };
    STANDARD.encode(d)
}

struct K<'a> {
    emu: &'a Emu,
    hsm: &'a str,
}

impl K<'_> {
    fn run(&self, who: &str, args: &[&str]) -> Out {
        let mut a: Vec<&str> = args.to_vec();
        a.extend_from_slice(&["--hsm-name", self.hsm]);
        self.emu.mhsm(who, &a)
    }
}

/// A custom role for key administration without any cryptographic use (least privilege).
const KEY_ADMIN: &str = r#"{"roleName": "Key Administrator", "description": "manages keys, cannot use them",
  "dataActions": ["Microsoft.KeyVault/managedHsm/keys/create", "Microsoft.KeyVault/managedHsm/keys/read/action",
  "Microsoft.KeyVault/managedHsm/keys/write/action", "Microsoft.KeyVault/managedHsm/keys/delete",
  "Microsoft.KeyVault/managedHsm/keys/rotate/action", "Microsoft.KeyVault/managedHsm/keys/backup/action",
  "Microsoft.KeyVault/managedHsm/keys/restore/action", "Microsoft.KeyVault/managedHsm/keys/import/action",
  "Microsoft.KeyVault/managedHsm/keys/deletedKeys/read/action", "Microsoft.KeyVault/managedHsm/keys/deletedKeys/recover/action",
  "Microsoft.KeyVault/managedHsm/keys/deletedKeys/delete"]}"#;

#[test]
fn seeds_scenario_and_dr_recovery_of_a_signing_key() {
    let emu = Emu::start_with(&["--provision-delay-ms", "100"]);
    emu.create_hsm("contoso-hsm");
    emu.create_hsm("contoso-dr");
    let k = K {
        emu: &emu,
        hsm: "contoso-hsm",
    };
    let dir = emu.state().join("keys-e2e");
    std::fs::create_dir_all(&dir).unwrap();
    let p = |n: &str| dir.join(n).display().to_string();
    let kd = |n: &str| keys_dir().join(n).display().to_string();

    // Activation by the security team (the seeds' activation step).
    k.run(
        "security-officer",
        &[
            "security-domain",
            "download",
            "--sd-wrapping-keys",
            &kd("wrap1.cer"),
            &kd("wrap2.cer"),
            &kd("wrap3.cer"),
            "--sd-quorum",
            "2",
            "--security-domain-file",
            &p("sd.json"),
        ],
    )
    .ok();
    // Least privilege: the security team administers keys but cannot use them.
    let role = k
        .run(
            "security-officer",
            &[
                "role",
                "definition",
                "create",
                "--role-definition",
                KEY_ADMIN,
            ],
        )
        .ok()
        .json();
    let team = emu.oid("security-team");
    k.run(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            role["name"].as_str().unwrap(),
            "--scope",
            "/keys",
            "--assignee-object-id",
            &team,
        ],
    )
    .ok();
    k.run(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto Auditor",
            "--scope",
            "/",
            "--assignee",
            "auditors",
        ],
    )
    .ok();
    k.run(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/keys/signing-key",
            "--assignee",
            "app-vm",
        ],
    )
    .ok();
    k.run(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto Service Encryption User",
            "--scope",
            "/keys",
            "--assignee",
            "storage-account",
        ],
    )
    .ok();

    // The security team creates the RSA-2048 signing key.
    let key = k
        .run(
            "security-officer",
            &[
                "key",
                "create",
                "-n",
                "signing-key",
                "--kty",
                "RSA-HSM",
                "--size",
                "2048",
                "--tags",
                "purpose=signing",
            ],
        )
        .ok()
        .json();
    assert_eq!(key["key"]["kty"], "RSA-HSM");
    assert_eq!(
        STANDARD
            .decode(key["key"]["n"].as_str().unwrap())
            .unwrap()
            .len(),
        256
    );
    let mut shown = key.clone();
    insta::assert_json_snapshot!("signing_key_bundle", shown.take(), {
        ".attributes.created" => "[TIME]", ".attributes.updated" => "[TIME]", ".key.kid" => "[KID]", ".key.n" => "[N]",
    });
    // …but cannot sign with it.
    let digest = digest_for("RS256");
    let refused = k
        .run(
            "security-officer",
            &[
                "key",
                "sign",
                "-n",
                "signing-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
            ],
        )
        .code(1);
    assert!(
        refused.stderr.contains("(AccessDenied)") && refused.stderr.contains("keys/sign/action"),
        "{}",
        refused.stderr
    );

    // The VM identity signs with it; the signature verifies.
    let sig = k
        .run(
            "app-vm",
            &[
                "key",
                "sign",
                "-n",
                "signing-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
            ],
        )
        .ok()
        .json();
    assert_eq!(sig["algorithm"], "RS256");
    assert_eq!(sig["keyId"], key["key"]["kid"]);
    let signature = sig["signature"].as_str().unwrap().to_string();
    let ok = k
        .run(
            "auditor",
            &[
                "key",
                "verify",
                "-n",
                "signing-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
                "--signature",
                &signature,
            ],
        )
        .ok()
        .json();
    assert_eq!(
        ok,
        json!({"algorithm": "RS256", "isValid": true, "keyId": key["key"]["kid"]})
    );
    // The VM's grant is for this key only.
    k.run(
        "security-officer",
        &["key", "create", "-n", "other-key", "--kty", "RSA-HSM"],
    )
    .ok();
    let other = k
        .run(
            "app-vm",
            &[
                "key",
                "sign",
                "-n",
                "other-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
            ],
        )
        .code(1);
    assert!(
        other.stderr.contains("on '/keys/other-key'"),
        "{}",
        other.stderr
    );

    // The auditor can read but not sign.
    k.run("auditor", &["key", "show", "-n", "signing-key"]).ok();
    k.run("auditor", &["key", "list"]).ok();
    let no = k
        .run(
            "auditor",
            &[
                "key",
                "sign",
                "-n",
                "signing-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
            ],
        )
        .code(1);
    assert!(no.stderr.contains("(AccessDenied)"), "{}", no.stderr);

    // The storage identity can only wrap and unwrap.
    let cek = STANDARD.encode([7u8; 32]);
    let wrapped = k
        .run(
            "storage-account",
            &[
                "key",
                "wrap",
                "-n",
                "signing-key",
                "-a",
                "RSA-OAEP-256",
                "--value",
                &cek,
            ],
        )
        .ok()
        .json();
    let unwrapped = k
        .run(
            "storage-account",
            &[
                "key",
                "unwrap",
                "-n",
                "signing-key",
                "-a",
                "RSA-OAEP-256",
                "--value",
                wrapped["result"].as_str().unwrap(),
            ],
        )
        .ok()
        .json();
    assert_eq!(unwrapped["result"], cek.as_str());
    let cannot = k
        .run(
            "storage-account",
            &[
                "key",
                "sign",
                "-n",
                "signing-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
            ],
        )
        .code(1);
    assert!(
        cannot.stderr.contains("(AccessDenied)"),
        "{}",
        cannot.stderr
    );
    let cannot = k
        .run("storage-account", &["key", "create", "-n", "x-key"])
        .code(1);
    assert!(
        cannot.stderr.contains("keys/create on '/keys'"),
        "{}",
        cannot.stderr
    );

    // DR: back up the key, recover a second HSM from the security domain, restore, sign there.
    k.run(
        "security-officer",
        &[
            "key",
            "backup",
            "-n",
            "signing-key",
            "-f",
            &p("signing-key.backup"),
        ],
    )
    .ok();
    let dr = K {
        emu: &emu,
        hsm: "contoso-dr",
    };
    dr.run(
        "security-officer",
        &[
            "security-domain",
            "init-recovery",
            "--sd-exchange-key",
            &p("exchange.pem"),
        ],
    )
    .ok();
    let pw = std::fs::read_to_string(keys_dir().join("wrap3.password")).unwrap();
    dr.run(
        "security-officer",
        &[
            "security-domain",
            "upload",
            "--sd-file",
            &p("sd.json"),
            "--sd-exchange-key",
            &p("exchange.pem"),
            "--sd-wrapping-keys",
            &kd("wrap3.key"),
            &kd("wrap2.key"),
            "--passwords",
            &pw,
        ],
    )
    .ok();
    dr.run(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/keys",
            "--assignee",
            "app-vm",
        ],
    )
    .ok();
    dr.run(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/keys",
            "--assignee-object-id",
            &team,
        ],
    )
    .ok();
    let restored = dr
        .run(
            "security-officer",
            &["key", "restore", "-f", &p("signing-key.backup")],
        )
        .ok()
        .json();
    assert_eq!(
        restored["key"]["n"], key["key"]["n"],
        "the same key material"
    );
    assert_eq!(restored["tags"]["purpose"], "signing");
    let sig2 = dr
        .run(
            "app-vm",
            &[
                "key",
                "sign",
                "-n",
                "signing-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
            ],
        )
        .ok()
        .json();
    let ok = k
        .run(
            "auditor",
            &[
                "key",
                "verify",
                "-n",
                "signing-key",
                "-a",
                "RS256",
                "--digest",
                &digest,
                "--signature",
                sig2["signature"].as_str().unwrap(),
            ],
        )
        .ok()
        .json();
    assert_eq!(
        ok["isValid"], true,
        "a signature made on the DR HSM verifies with the original key"
    );
    // The name is taken now on the DR HSM.
    let twice = dr
        .run(
            "security-officer",
            &["key", "restore", "-f", &p("signing-key.backup")],
        )
        .code(1);
    assert!(twice.stderr.contains("(Conflict)"), "{}", twice.stderr);
}

#[test]
fn every_command_and_algorithm_round_trips() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    emu.create_hsm("ops-hsm");
    let k = K {
        emu: &emu,
        hsm: "ops-hsm",
    };
    let so = |args: &[&str]| k.run("security-officer", args);
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/",
        "--assignee",
        "security-team",
    ])
    .ok();
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto Officer",
        "--scope",
        "/",
        "--assignee",
        "security-team",
    ])
    .ok();
    let dir = emu.state().join("ops");
    std::fs::create_dir_all(&dir).unwrap();
    let p = |n: &str| dir.join(n).display().to_string();

    // Signing: every algorithm on a fitting key; verify locally (RSA/EC) or on the HSM (HS*).
    for (name, create, algs) in [
        (
            "rsa3072",
            vec!["--kty", "RSA-HSM", "--size", "3072"],
            vec!["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"],
        ),
        (
            "p256",
            vec!["--kty", "EC-HSM", "--curve", "P-256"],
            vec!["ES256"],
        ),
        (
            "p256k",
            vec!["--curve", "P-256K", "-p", "hsm"],
            vec!["ES256K"],
        ),
        (
            "p384",
            vec!["--kty", "EC-HSM", "--curve", "P-384"],
            vec!["ES384"],
        ),
        (
            "p521",
            vec!["--kty", "ec-hsm", "--curve", "P-521"],
            vec!["ES512"],
        ),
        (
            "hmac",
            vec![
                "--kty", "oct-HSM", "--size", "256", "--ops", "sign", "verify",
            ],
            vec!["HS256", "HS384", "HS512"],
        ),
    ] {
        let mut a = vec!["key", "create", "-n", name];
        a.extend(create);
        let created = so(&a).ok().json();
        assert!(
            created["key"]["kty"].as_str().unwrap().ends_with("-HSM"),
            "{created}"
        );
        for alg in algs {
            let d = digest_for(alg);
            let s = so(&["key", "sign", "-n", name, "-a", alg, "--digest", &d])
                .ok()
                .json();
            let v = so(&[
                "key",
                "verify",
                "-n",
                name,
                "-a",
                alg,
                "--digest",
                &d,
                "--signature",
                s["signature"].as_str().unwrap(),
            ])
            .ok()
            .json();
            assert_eq!(v["isValid"], true, "{name} {alg}");
            let bad = STANDARD.encode(vec![
                1u8;
                STANDARD
                    .decode(s["signature"].as_str().unwrap())
                    .unwrap()
                    .len()
            ]);
            let v = so(&[
                "key",
                "verify",
                "-n",
                name,
                "-a",
                alg,
                "--digest",
                &d,
                "--signature",
                &bad,
            ])
            .ok()
            .json();
            assert_eq!(
                v["isValid"], false,
                "{name} {alg}: an invalid signature is reported, exit 0"
            );
        }
    }
    let wrong = so(&[
        "key",
        "sign",
        "-n",
        "p256",
        "-a",
        "ES384",
        "--digest",
        &digest_for("ES384"),
    ])
    .code(1);
    assert!(wrong.stderr.contains("(BadParameter)"), "{}", wrong.stderr);

    // Encryption: RSA (local encrypt, HSM decrypt), AES GCM/CBC/CBCPAD (HSM both ways).
    so(&[
        "key", "create", "-n", "rsa-enc", "--kty", "RSA-HSM", "--size", "2048",
    ])
    .ok();
    for alg in ["RSA-OAEP", "RSA-OAEP-256", "RSA1_5"] {
        let e = so(&[
            "key",
            "encrypt",
            "-n",
            "rsa-enc",
            "-a",
            alg,
            "--value",
            "hello world",
            "--data-type",
            "plaintext",
        ])
        .ok()
        .json();
        let d = so(&[
            "key",
            "decrypt",
            "-n",
            "rsa-enc",
            "-a",
            alg,
            "--value",
            e["result"].as_str().unwrap(),
            "--data-type",
            "plaintext",
        ])
        .ok()
        .json();
        assert_eq!(d["result"], "hello world", "{alg}");
    }
    for bits in ["128", "192", "256"] {
        let name = format!("aes{bits}");
        so(&[
            "key", "create", "-n", &name, "--kty", "oct-HSM", "--size", bits,
        ])
        .ok();
        let gcm = format!("A{bits}GCM");
        let e = so(&[
            "key", "encrypt", "-n", &name, "-a", &gcm, "--value", "c2VjcmV0", "--aad", "0a0b0c",
        ])
        .ok()
        .json();
        assert_eq!(e["aad"], "0a0b0c");
        assert!(
            e["iv"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_hexdigit()),
            "iv in hex: {e}"
        );
        let d = so(&[
            "key",
            "decrypt",
            "-n",
            &name,
            "-a",
            &gcm,
            "--value",
            e["result"].as_str().unwrap(),
            "--iv",
            e["iv"].as_str().unwrap(),
            "--aad",
            "0a0b0c",
            "--tag",
            e["tag"].as_str().unwrap(),
        ])
        .ok()
        .json();
        assert_eq!(d["result"], "c2VjcmV0");
        let iv = "00112233445566778899aabbccddeeff";
        // CBCPAD goes to the HSM (az encrypts it locally with a random key: undecryptable).
        let pad = format!("A{bits}CBCPAD");
        let e = so(&[
            "key",
            "encrypt",
            "-n",
            &name,
            "-a",
            &pad,
            "--value",
            "not a block",
            "--data-type",
            "plaintext",
            "--iv",
            iv,
        ])
        .ok()
        .json();
        let d = so(&[
            "key",
            "decrypt",
            "-n",
            &name,
            "-a",
            &pad,
            "--value",
            e["result"].as_str().unwrap(),
            "--iv",
            iv,
            "--data-type",
            "plaintext",
        ])
        .ok()
        .json();
        assert_eq!(d["result"], "not a block");
        let cbc = format!("A{bits}CBC");
        let block = STANDARD.encode([9u8; 32]);
        let e = so(&[
            "key", "encrypt", "-n", &name, "-a", &cbc, "--value", &block, "--iv", iv,
        ])
        .ok()
        .json();
        let d = so(&[
            "key",
            "decrypt",
            "-n",
            &name,
            "-a",
            &cbc,
            "--value",
            e["result"].as_str().unwrap(),
            "--iv",
            iv,
        ])
        .ok()
        .json();
        assert_eq!(d["result"], block.as_str());
        let kw = format!("A{bits}KW");
        let cek = STANDARD.encode([5u8; 32]);
        let w = so(&["key", "wrap", "-n", &name, "-a", &kw, "--value", &cek])
            .ok()
            .json();
        let u = so(&[
            "key",
            "unwrap",
            "-n",
            &name,
            "-a",
            &kw,
            "--value",
            w["result"].as_str().unwrap(),
        ])
        .ok()
        .json();
        assert_eq!(u["result"], cek.as_str());
    }

    // Import: PEM (PKCS#8 RSA, encrypted PKCS#8, EC SEC1) — private parts never come back.
    let imported = so(&[
        "key",
        "import",
        "-n",
        "imported-rsa",
        "--pem-file",
        &keys_dir().join("wrap1.key").display().to_string(),
    ])
    .ok()
    .json();
    assert_eq!(imported["key"]["kty"], "RSA-HSM");
    assert!(imported["key"]["d"].is_null() && imported["key"]["p"].is_null());
    let pw = std::fs::read_to_string(keys_dir().join("wrap3.password")).unwrap();
    so(&[
        "key",
        "import",
        "-n",
        "imported-enc",
        "--pem-file",
        &keys_dir().join("wrap3.key").display().to_string(),
        "--pem-password",
        &pw,
    ])
    .ok();
    let no_pw = so(&[
        "key",
        "import",
        "-n",
        "imported-enc2",
        "--pem-file",
        &keys_dir().join("wrap3.key").display().to_string(),
    ])
    .code(1);
    assert!(
        no_pw.stderr.starts_with("ERROR: Import failed:"),
        "{}",
        no_pw.stderr
    );
    // A SEC1 `EC PRIVATE KEY` made by an independent implementation.
    let sk = p256::SecretKey::random(&mut rand_core::OsRng);
    let ec_pem = sk.to_sec1_pem(p256::pkcs8::LineEnding::LF).unwrap();
    let ec = so(&[
        "key",
        "import",
        "-n",
        "imported-ec",
        "--pem-string",
        &ec_pem,
    ])
    .ok()
    .json();
    assert_eq!(ec["key"]["crv"], "P-256");
    assert_eq!(ec["key"]["kty"], "EC-HSM");
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let point = sk.public_key().to_encoded_point(false);
    assert_eq!(
        STANDARD.decode(ec["key"]["x"].as_str().unwrap()).unwrap(),
        point.x().unwrap().to_vec()
    );
    let two = so(&[
        "key",
        "import",
        "-n",
        "x",
        "--pem-string",
        "a",
        "--byok-string",
        "b",
    ])
    .code(1);
    assert_eq!(
        two.stderr,
        "ERROR: supply exactly one: --byok-file, --byok-string, --pem-file, --pem-string\n"
    );

    // download: SubjectPublicKeyInfo PEM/DER that an independent parser reads.
    so(&["key", "download", "-n", "rsa-enc", "-f", &p("rsa.pem")]).ok();
    let pem = std::fs::read_to_string(p("rsa.pem")).unwrap();
    assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
    use rsa::pkcs8::DecodePublicKey;
    rsa::RsaPublicKey::from_public_key_pem(&pem).expect("an RSA SubjectPublicKeyInfo");
    so(&[
        "key",
        "download",
        "-n",
        "p256",
        "-f",
        &p("p256.der"),
        "-e",
        "DER",
    ])
    .ok();
    p256::PublicKey::from_public_key_der(&std::fs::read(p("p256.der")).unwrap())
        .expect("a P-256 SubjectPublicKeyInfo");
    let exists = so(&["key", "download", "-n", "p256", "-f", &p("p256.der")]).code(1);
    assert!(
        exists.stderr.contains("already exists"),
        "{}",
        exists.stderr
    );
    let oct = so(&["key", "download", "-n", "aes256", "-f", &p("oct.pem")]).code(1);
    assert!(
        oct.stderr.contains("Unsupported key type: oct-HSM"),
        "{}",
        oct.stderr
    );

    // Versions, attributes, rotation, rotation policy.
    let v1 = so(&["key", "show", "-n", "rsa-enc"]).ok().json();
    let v2 = so(&["key", "rotate", "-n", "rsa-enc"]).ok().json();
    assert_ne!(v1["key"]["kid"], v2["key"]["kid"]);
    let versions = so(&["key", "list-versions", "-n", "rsa-enc", "-o", "table"]).ok();
    assert_eq!(
        versions.stdout.lines().count(),
        4,
        "header, rule and two versions:\n{}",
        versions.stdout
    );
    let old = v1["key"]["kid"].as_str().unwrap();
    let by_id = |args: &[&str]| emu.mhsm("security-officer", args);
    by_id(&["key", "show", "--id", old]).ok();
    let disabled = by_id(&[
        "key",
        "set-attributes",
        "--id",
        old,
        "--enabled",
        "false",
        "--tags",
        "state=old",
    ])
    .ok()
    .json();
    assert_eq!(disabled["attributes"]["enabled"], false);
    assert_eq!(disabled["tags"], json!({"state": "old"}));
    let refused = by_id(&[
        "key", "decrypt", "--id", old, "-a", "RSA-OAEP", "--value", "AAAA",
    ])
    .code(1);
    assert!(refused.stderr.contains("(Forbidden)"), "{}", refused.stderr);
    let default_policy = so(&["key", "rotation-policy", "show", "-n", "rsa-enc"])
        .ok()
        .json();
    assert!(default_policy["lifetimeActions"].is_array());
    let policy = so(&["key", "rotation-policy", "update", "-n", "rsa-enc", "--value", r#"{"lifetimeActions":[{"trigger":{"timeAfterCreate":"P90D"},"action":{"type":"Rotate"}}],"attributes":{"expiryTime":"P2Y"}}"#]).ok().json();
    assert_eq!(policy["expiresIn"], "P2Y");
    assert_eq!(
        policy["lifetimeActions"],
        json!([{"action": "Rotate", "timeAfterCreate": "P90D", "timeBeforeExpiry": null}])
    );
    let bad = so(&[
        "key",
        "rotation-policy",
        "update",
        "-n",
        "rsa-enc",
        "--value",
        r#"{"lifetimeActions":[{"trigger":{"timeAfterCreate":"P1D"},"action":{"type":"Rotate"}}]}"#,
    ])
    .code(1);
    assert!(bad.stderr.contains("(BadParameter)"), "{}", bad.stderr);
    let expires = so(&[
        "key",
        "create",
        "-n",
        "timed",
        "--expires",
        "2099-01-01T00:00:00Z",
        "--not-before",
        "2020-01-01",
    ])
    .ok()
    .json();
    assert_eq!(
        expires["attributes"]["expires"],
        "2099-01-01T00:00:00+00:00"
    );
    assert_eq!(
        expires["attributes"]["notBefore"],
        "2020-01-01T00:00:00+00:00"
    );
    let bad_date = so(&["key", "create", "-n", "timed2", "--expires", "2024-13-01"]).code(2);
    assert!(
        bad_date
            .stderr
            .contains("argument --expires: invalid datetime_type value: '2024-13-01'"),
        "{}",
        bad_date.stderr
    );

    // list and paging (past 25 keys), random, policy template, attestation.
    for i in 0..22 {
        so(&[
            "key",
            "create",
            "-n",
            &format!("bulk-{i}"),
            "--kty",
            "oct-HSM",
        ])
        .ok();
    }
    let all = so(&["key", "list"]).ok().json();
    assert!(
        all.as_array().unwrap().len() > 25,
        "{}",
        all.as_array().unwrap().len()
    );
    assert_eq!(
        so(&["key", "list", "--maxresults", "3"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let r = so(&["key", "random", "--count", "16"]).ok().json();
    assert_eq!(
        STANDARD.decode(r["value"].as_str().unwrap()).unwrap().len(),
        16
    );
    let many = so(&["key", "random", "--count", "129"]).code(1);
    assert!(many.stderr.contains("(BadParameter)"), "{}", many.stderr);
    assert_eq!(
        by_id(&["key", "get-policy-template"]).ok().json()["version"],
        "1.0.0"
    );
    let att = so(&["key", "get-attestation", "-n", "rsa-enc"]).ok().json();
    assert_eq!(att["version"], "1.0");
    assert!(att["publicKeyAttestation"].is_string(), "{att}");

    // show of a missing key exits 3; other 404s exit 1 (az).
    let missing = so(&["key", "show", "-n", "nope"]).code(3);
    assert!(
        missing.stderr.contains("(KeyNotFound)"),
        "{}",
        missing.stderr
    );
    so(&["key", "show-deleted", "-n", "nope"]).code(1);
    so(&["key", "rotation-policy", "show", "-n", "nope"]).code(3);
    let usage = emu
        .mhsm("security-officer", &["key", "show", "-n", "x"])
        .code(1);
    assert_eq!(
        usage.stderr,
        "ERROR: incorrect usage: --id ID | --vault-name/--hsm-name VAULT/HSM --name/-n NAME [--version VERSION]\n"
    );
    let vault = emu
        .mhsm("security-officer", &["key", "list", "--vault-name", "v"])
        .code(1);
    assert!(
        vault.stderr.contains("Managed HSMs only"),
        "{}",
        vault.stderr
    );
    let _ = Value::Null;
}

#[test]
fn soft_delete_recover_purge_and_purge_protection_timelines() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let team = emu.oid("security-team");
    emu.mhsm(
        "hsm-operator",
        &[
            "create",
            "--hsm-name",
            "pp-hsm",
            "-g",
            "rg-hsm",
            "-l",
            "eastus2",
            "--administrators",
            &team,
            "--retention-days",
            "7",
            "--enable-purge-protection",
        ],
    )
    .ok();
    emu.create_hsm("plain-hsm");
    for hsm in ["pp-hsm", "plain-hsm"] {
        let k = K { emu: &emu, hsm };
        let so = |args: &[&str]| k.run("security-officer", args);
        so(&[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/",
            "--assignee",
            "security-team",
        ])
        .ok();
        so(&[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto Officer",
            "--scope",
            "/",
            "--assignee",
            "security-team",
        ])
        .ok();
        so(&[
            "key", "create", "-n", "doomed", "--kty", "EC-HSM", "--curve", "P-256",
        ])
        .ok();
        let deleted = so(&["key", "delete", "-n", "doomed"]).ok().json();
        assert!(
            deleted["recoveryId"]
                .as_str()
                .unwrap()
                .ends_with("/deletedkeys/doomed")
        );
        let level = if hsm == "pp-hsm" {
            "CustomizedRecoverable"
        } else {
            "CustomizedRecoverable+Purgeable"
        };
        assert_eq!(deleted["attributes"]["recoveryLevel"], level);
        let del = deleted["deletedDate"].as_str().unwrap().to_string();
        let sched = deleted["scheduledPurgeDate"].as_str().unwrap().to_string();
        let d = time::OffsetDateTime::parse(&del, &time::format_description::well_known::Rfc3339)
            .unwrap();
        let s = time::OffsetDateTime::parse(&sched, &time::format_description::well_known::Rfc3339)
            .unwrap();
        assert_eq!((s - d).whole_days(), 7);
        let taken = so(&[
            "key", "create", "-n", "doomed", "--kty", "EC-HSM", "--curve", "P-256",
        ])
        .code(1);
        assert!(
            taken.stderr.contains("(Conflict)") && taken.stderr.contains("deleted but recoverable"),
            "{}",
            taken.stderr
        );
        assert_eq!(
            so(&["key", "list-deleted"])
                .ok()
                .json()
                .as_array()
                .unwrap()
                .len(),
            1
        );
        so(&["key", "show-deleted", "-n", "doomed"]).ok();
        so(&["key", "recover", "-n", "doomed"]).ok();
        so(&["key", "show", "-n", "doomed"]).ok();
        so(&["key", "delete", "-n", "doomed"]).ok();
    }
    // Without purge protection, purge works at once.
    let plain = K {
        emu: &emu,
        hsm: "plain-hsm",
    };
    plain
        .run("security-officer", &["key", "purge", "-n", "doomed"])
        .ok();
    assert_eq!(
        plain
            .run("security-officer", &["key", "list-deleted"])
            .ok()
            .json(),
        json!([])
    );
    // With it, purge is refused until the date; the service purges at the date by itself.
    let pp = K {
        emu: &emu,
        hsm: "pp-hsm",
    };
    let refused = pp
        .run("security-officer", &["key", "purge", "-n", "doomed"])
        .code(1);
    assert!(
        refused.stderr.contains("purge protection"),
        "{}",
        refused.stderr
    );
    emu.advance_clock(6 * 86400);
    assert_eq!(
        pp.run("security-officer", &["key", "list-deleted"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    emu.advance_clock(86400 + 60);
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert_eq!(
        pp.run("security-officer", &["key", "list-deleted"])
            .ok()
            .json(),
        json!([])
    );
    // The name is free again.
    pp.run(
        "security-officer",
        &[
            "key", "create", "-n", "doomed", "--kty", "EC-HSM", "--curve", "P-256",
        ],
    )
    .ok();
    let _ = redact;
}
