//! Secure key release and key attestation with the real binaries: the confidential-VM story
//! (an exportable key whose release policy wants an SEV-SNP CVM with compliant status; the
//! emulator's attestation authority issues the VM's token; `mhsm key release` unwraps the key
//! with the VM's runtime key and the released key signs what the HSM's copy verifies), every
//! refusal (wrong claim, wrong authority, foreign authority, expired token, token signed by
//! another key, principal without `keys/release/action`, HSM without purge protection), the
//! service's create errors (AKV.SKR.1004/1005, immutable policies), and `get-attestation
//! --verify` of the emulated vendor's attestation.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};
use std::process::Command;

use crate::harness::{EMULATOR, Emu, Out};

/// An RSA-2048 key: (PKCS#8 PEM, key pair).
pub fn rsa_key() -> (String, aws_lc_rs::rsa::KeyPair) {
    use aws_lc_rs::encoding::AsDer;
    let kp = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
    let der = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&kp).unwrap();
    let b64 = STANDARD.encode(der.as_ref());
    let body: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    (
        format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            body.join("\n")
        ),
        kp,
    )
}

/// `mhsm-emulator attest` against the emulator's state directory.
pub fn attest(emu: &Emu, claims: &Value, runtime_key: &str, lifetime: &str) -> String {
    let dir = emu.state().join("cvm");
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join(format!("claims-{}.json", uuid::Uuid::new_v4()));
    std::fs::write(&f, claims.to_string()).unwrap();
    let o = Command::new(EMULATOR)
        .arg("--state-dir")
        .arg(emu.state())
        .arg("attest")
        .arg("--claims")
        .arg(&f)
        .args(["--runtime-key", runtime_key, "--lifetime", lifetime])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "attest failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// An RS256 JWT signed by `kp` (not the authority's key).
pub fn forged_token(kp: &aws_lc_rs::rsa::KeyPair, kid: &str, claims: &Value) -> String {
    let h = URL_SAFE_NO_PAD.encode(json!({"alg": "RS256", "typ": "JWT", "kid": kid}).to_string());
    let p = URL_SAFE_NO_PAD.encode(claims.to_string());
    let input = format!("{h}.{p}");
    let mut sig = vec![0u8; kp.public_modulus_len()];
    kp.sign(
        &aws_lc_rs::signature::RSA_PKCS1_SHA256,
        &aws_lc_rs::rand::SystemRandom::new(),
        input.as_bytes(),
        &mut sig,
    )
    .unwrap();
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

pub fn jws_payload(jws: &str) -> Value {
    let p = jws.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).unwrap()).unwrap()
}

#[track_caller]
fn refused(o: Out, needle: &str) {
    assert_eq!(o.code, 1, "stdout: {}\nstderr: {}", o.stdout, o.stderr);
    assert!(o.stderr.contains(needle), "{needle}: {}", o.stderr);
}

#[test]
fn confidential_vm_releases_its_key_and_every_wrong_target_is_refused() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let team = emu.oid("security-team");
    for (hsm, pp) in [("cvm-hsm", true), ("plain-hsm", false)] {
        let mut args = vec![
            "create",
            "--hsm-name",
            hsm,
            "-g",
            "rg-hsm",
            "-l",
            "eastus2",
            "--administrators",
            &team,
            "--retention-days",
            "7",
        ];
        if pp {
            args.push("--enable-purge-protection");
        }
        emu.mhsm("hsm-operator", &args).ok();
    }
    let on = |hsm: &str, who: &str, args: &[&str]| {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--hsm-name", hsm]);
        emu.mhsm(who, &a)
    };
    let so = |args: &[&str]| on("cvm-hsm", "security-officer", args);
    for hsm in ["cvm-hsm", "plain-hsm"] {
        on(
            hsm,
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--role",
                "Managed HSM Crypto User",
                "--scope",
                "/",
                "--assignee",
                "security-team",
            ],
        )
        .ok();
    }
    let dir = emu.state().join("cvm");
    std::fs::create_dir_all(&dir).unwrap();
    let path = |n: &str| dir.join(n).display().to_string();
    let authority = format!("{}/attestation", emu.control_url());
    let policy = json!({"version": "1.0.0", "anyOf": [{"authority": authority, "allOf": [
        {"claim": "x-ms-attestation-type", "equals": "sevsnpvm"},
        {"claim": "x-ms-compliance-status", "equals": "azure-compliant-cvm"},
    ]}]});
    std::fs::write(path("policy.json"), policy.to_string()).unwrap();

    // The service's create rules: an exportable key needs a policy, a policy needs exportable.
    refused(
        so(&["key", "create", "-n", "k0", "--exportable"]),
        "AKV.SKR.1004: Exportable keys must have release policy.",
    );
    refused(
        so(&[
            "key",
            "create",
            "-n",
            "k0",
            "--policy",
            &path("policy.json"),
        ]),
        "AKV.SKR.1005: Non-exportable keys must not have release policy.",
    );
    refused(
        so(&[
            "key",
            "create",
            "-n",
            "k0",
            "--exportable",
            "--policy",
            r#"{"version":"1.0.0","anyOf":[{"authority":"a","allOf":[{"claim":"x","greater":1}]}]}"#,
        ]),
        "'equals' is the only operator",
    );
    let created = so(&[
        "key",
        "create",
        "-n",
        "cvm-key",
        "--kty",
        "RSA-HSM",
        "--exportable",
        "--policy",
        &path("policy.json"),
        "--immutable",
    ])
    .ok()
    .json();
    assert_eq!(created["attributes"]["exportable"], true);
    assert_eq!(created["releasePolicy"]["immutable"], true);
    let enc_policy: Value =
        serde_json::from_str(created["releasePolicy"]["encodedPolicy"].as_str().unwrap()).unwrap();
    assert_eq!(enc_policy, policy);
    // An immutable policy cannot change.
    refused(
        so(&[
            "key",
            "set-attributes",
            "-n",
            "cvm-key",
            "--policy",
            r#"{"version":"1.0.0","anyOf":[{"authority":"https://x","allOf":[{"claim":"x","equals":1}]}]}"#,
        ]),
        "immutable",
    );

    // The VM's identity may release this key only.
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto Service Release User",
        "--scope",
        "/keys/cvm-key",
        "--assignee-object-id",
        &emu.oid("app-vm"),
    ])
    .ok();
    let (vm_pem, _vm) = rsa_key();
    std::fs::write(path("vm.pem"), &vm_pem).unwrap();
    let good_claims = json!({"x-ms-attestation-type": "sevsnpvm", "x-ms-compliance-status": "azure-compliant-cvm", "x-ms-sevsnpvm-is-debuggable": false});
    let token = attest(&emu, &good_claims, &path("vm.pem"), "8h");
    let claims = jws_payload(&token);
    assert_eq!(claims["iss"], authority);
    assert_eq!(
        claims["x-ms-runtime"]["keys"][0]["key_ops"],
        json!(["encrypt"])
    );

    let vm = |args: &[&str]| on("cvm-hsm", "app-vm", args);
    let out = vm(&[
        "key",
        "release",
        "-n",
        "cvm-key",
        "--target",
        &token,
        "--runtime-key",
        &path("vm.pem"),
        "-f",
        &path("released.pem"),
    ])
    .ok()
    .json();
    assert_eq!(out["kty"], "RSA-HSM");
    assert_eq!(out["enc"], "CKM_RSA_AES_KEY_WRAP");
    assert!(out["kid"].as_str().unwrap().contains("/keys/cvm-key/"));
    assert!(!out.to_string().contains("PRIVATE"));
    // The released key signs; the HSM's copy verifies.
    let released = std::fs::read_to_string(path("released.pem")).unwrap();
    let der = STANDARD
        .decode(
            released
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .collect::<String>(),
        )
        .unwrap();
    let kp = aws_lc_rs::rsa::KeyPair::from_pkcs8(&der).unwrap();
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, b"confidential");
    let mut sig = vec![0u8; kp.public_modulus_len()];
    kp.sign(
        &aws_lc_rs::signature::RSA_PKCS1_SHA256,
        &aws_lc_rs::rand::SystemRandom::new(),
        b"confidential",
        &mut sig,
    )
    .unwrap();
    let v = so(&[
        "key",
        "verify",
        "-n",
        "cvm-key",
        "--algorithm",
        "RS256",
        "--digest",
        &STANDARD.encode(digest.as_ref()),
        "--signature",
        &STANDARD.encode(&sig),
    ])
    .ok()
    .json();
    assert_eq!(v["isValid"], true);

    // The raw answer: the HSM's JWS with an x5c chain, the enc asked for, and the nonce.
    let raw = vm(&[
        "key",
        "release",
        "-n",
        "cvm-key",
        "--target",
        &token,
        "--enc",
        "RSA_AES_KEY_WRAP_384",
        "--nonce",
        "n-123",
    ])
    .ok()
    .json();
    let jws = raw["value"].as_str().unwrap();
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(jws.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "RS256");
    assert_eq!(header["x5c"].as_array().unwrap().len(), 2);
    assert!(header["x5t#S256"].is_string());
    let payload = jws_payload(jws);
    assert_eq!(payload["request"]["enc"], "RSA_AES_KEY_WRAP_384");
    assert_eq!(payload["request"]["nonce"], "n-123");
    assert_eq!(payload["response"]["key"]["key"]["kty"], "RSA-HSM");
    assert!(payload["response"]["key"]["key"]["key_hsm"].is_string());
    // The token may also be given as a file.
    std::fs::write(path("token.jwt"), &token).unwrap();
    vm(&[
        "key",
        "release",
        "-n",
        "cvm-key",
        "--target",
        &path("token.jwt"),
    ])
    .ok();

    // Refusals.
    let mut wrong = good_claims.clone();
    wrong["x-ms-attestation-type"] = json!("sgx");
    refused(
        vm(&[
            "key",
            "release",
            "-n",
            "cvm-key",
            "--target",
            &attest(&emu, &wrong, &path("vm.pem"), "8h"),
        ]),
        "claim 'x-ms-attestation-type' is \"sgx\", the policy wants \"sevsnpvm\"",
    );
    let mut no_status = good_claims.clone();
    no_status
        .as_object_mut()
        .unwrap()
        .remove("x-ms-compliance-status");
    refused(
        vm(&[
            "key",
            "release",
            "-n",
            "cvm-key",
            "--target",
            &attest(&emu, &no_status, &path("vm.pem"), "8h"),
        ]),
        "claim 'x-ms-compliance-status' is absent",
    );
    // A key whose policy names MAA: the emulator's token is from the wrong authority.
    let maa = json!({"version": "1.0.0", "anyOf": [{"authority": "https://sharedeus.eus.attest.azure.net", "allOf": [{"claim": "x-ms-attestation-type", "equals": "sevsnpvm"}]}]});
    so(&[
        "key",
        "create",
        "-n",
        "maa-key",
        "--exportable",
        "--policy",
        &maa.to_string(),
    ])
    .ok();
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto Service Release User",
        "--scope",
        "/keys/maa-key",
        "--assignee-object-id",
        &emu.oid("app-vm"),
    ])
    .ok();
    refused(
        vm(&["key", "release", "-n", "maa-key", "--target", &token]),
        "is not the rule's authority https://sharedeus.eus.attest.azure.net",
    );
    // A token claiming to come from MAA: the emulator fetches nothing from outside.
    let (other_pem, other) = rsa_key();
    let _ = other_pem;
    let now = claims["iat"].as_i64().unwrap();
    let mut foreign = claims.clone();
    foreign["iss"] = json!("https://sharedeus.eus.attest.azure.net");
    refused(
        vm(&[
            "key",
            "release",
            "-n",
            "maa-key",
            "--target",
            &forged_token(&other, "k", &foreign),
        ]),
        "is not served by this emulator",
    );
    // A token signed by another key, with the authority's kid or without a known kid.
    let authority_kid = jws_header_kid(&token);
    for kid in [authority_kid.as_str(), "another-kid"] {
        refused(
            vm(&[
                "key",
                "release",
                "-n",
                "cvm-key",
                "--target",
                &forged_token(&other, kid, &claims),
            ]),
            "cannot be verified",
        );
    }
    // Not a token at all.
    refused(
        vm(&["key", "release", "-n", "cvm-key", "--target", "not-a-token"]),
        "(BadParameter)",
    );
    // A principal without keys/release/action.
    refused(
        on(
            "cvm-hsm",
            "developer",
            &["key", "release", "-n", "cvm-key", "--target", &token],
        ),
        "(AccessDenied) Not authorized to access Microsoft.KeyVault/managedHsm/keys/release/action",
    );
    // The VM's role is scoped to its keys.
    so(&[
        "key",
        "create",
        "-n",
        "other-key",
        "--exportable",
        "--policy",
        &path("policy.json"),
    ])
    .ok();
    refused(
        vm(&["key", "release", "-n", "other-key", "--target", &token]),
        "(AccessDenied)",
    );
    // An HSM without purge protection releases nothing.
    on(
        "plain-hsm",
        "security-officer",
        &[
            "key",
            "create",
            "-n",
            "pk",
            "--exportable",
            "--policy",
            &path("policy.json"),
        ],
    )
    .ok();
    refused(
        on(
            "plain-hsm",
            "security-officer",
            &["key", "release", "-n", "pk", "--target", &token],
        ),
        "requires purge protection",
    );
    // A non-exportable key.
    so(&["key", "create", "-n", "fixed", "--kty", "oct-HSM"]).ok();
    refused(
        so(&["key", "release", "-n", "fixed", "--target", &token]),
        "is not exportable",
    );
    // An expired token (the emulator's clock moves past exp and the 5-minute skew).
    let short = attest(&emu, &good_claims, &path("vm.pem"), "60s");
    vm(&["key", "release", "-n", "cvm-key", "--target", &short]).ok();
    emu.advance_clock(600);
    refused(
        vm(&["key", "release", "-n", "cvm-key", "--target", &short]),
        "expired",
    );
    assert!(now > 0);
}

pub fn jws_header_kid(token: &str) -> String {
    let h: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    h["kid"].as_str().unwrap().to_string()
}

#[test]
fn exported_oct_and_ec_keys_and_attestation_verification() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let team = emu.oid("security-team");
    emu.mhsm(
        "hsm-operator",
        &[
            "create",
            "--hsm-name",
            "att-hsm",
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
    let so = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--hsm-name", "att-hsm"]);
        emu.mhsm("security-officer", &a)
    };
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
    let dir = emu.state().join("att");
    std::fs::create_dir_all(&dir).unwrap();
    let path = |n: &str| dir.join(n).display().to_string();
    let policy = json!({"version": "1.0.0", "anyOf": [{"authority": format!("{}/attestation/", emu.control_url()), "anyOf": [{"claim": "sdk-test", "equals": "true"}]}]});
    let (pem, _) = rsa_key();
    std::fs::write(path("tee.pem"), pem).unwrap();
    let token = attest(&emu, &json!({"sdk-test": true}), &path("tee.pem"), "1h");
    // An AES key comes back raw; an EC key as PKCS#8, with every enc.
    so(&[
        "key",
        "create",
        "-n",
        "aes",
        "--kty",
        "oct-HSM",
        "--size",
        "256",
        "--exportable",
        "--policy",
        &policy.to_string(),
    ])
    .ok();
    so(&[
        "key",
        "create",
        "-n",
        "ec",
        "--kty",
        "EC-HSM",
        "--curve",
        "P-384",
        "--exportable",
        "--policy",
        &policy.to_string(),
    ])
    .ok();
    let aes = so(&[
        "key",
        "release",
        "-n",
        "aes",
        "--target",
        &token,
        "--enc",
        "RSA_AES_KEY_WRAP_256",
        "--runtime-key",
        &path("tee.pem"),
        "-f",
        &path("aes.bin"),
    ])
    .ok()
    .json();
    assert_eq!(aes["kty"], "oct-HSM");
    assert_eq!(std::fs::read(path("aes.bin")).unwrap().len(), 32);
    // The released AES key decrypts what the HSM encrypts.
    let enc = so(&[
        "key",
        "encrypt",
        "-n",
        "aes",
        "--algorithm",
        "A256GCM",
        "--value",
        &STANDARD.encode(b"secret data"),
        "--data-type",
        "base64",
    ])
    .ok()
    .json();
    let key = std::fs::read(path("aes.bin")).unwrap();
    let k = aws_lc_rs::aead::LessSafeKey::new(
        aws_lc_rs::aead::UnboundKey::new(&aws_lc_rs::aead::AES_256_GCM, &key).unwrap(),
    );
    let iv = hex(enc["iv"].as_str().unwrap());
    let mut ct = STANDARD.decode(enc["result"].as_str().unwrap()).unwrap();
    ct.extend(hex(enc["tag"].as_str().unwrap()));
    let plain = k
        .open_in_place(
            aws_lc_rs::aead::Nonce::try_assume_unique_for_key(&iv).unwrap(),
            aws_lc_rs::aead::Aad::empty(),
            &mut ct,
        )
        .unwrap();
    assert_eq!(plain, b"secret data");
    let ec = so(&[
        "key",
        "release",
        "-n",
        "ec",
        "--target",
        &token,
        "--enc",
        "RSA_AES_KEY_WRAP_384",
        "--runtime-key",
        &path("tee.pem"),
        "-f",
        &path("ec.pem"),
    ])
    .ok()
    .json();
    assert_eq!(ec["kty"], "EC-HSM");
    assert!(
        std::fs::read_to_string(path("ec.pem"))
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
    // Secrets never print; an existing file is refused before anything is sent.
    refused(
        so(&[
            "key",
            "release",
            "-n",
            "ec",
            "--target",
            &token,
            "--runtime-key",
            &path("tee.pem"),
            "-f",
            &path("ec.pem"),
        ]),
        "already exists",
    );

    // Key attestation: az's output, and --verify says EMULATED.
    for (name, public) in [("ec", true), ("aes", false)] {
        let out = so(&["key", "get-attestation", "-n", name, "--verify"]).ok();
        let a = out.json();
        assert_eq!(a["version"], "1.0");
        assert_eq!(a["publicKeyAttestation"].is_string(), public, "{a}");
        let pem = String::from_utf8(
            STANDARD
                .decode(a["certificatePemFile"].as_str().unwrap())
                .unwrap(),
        )
        .unwrap();
        assert!(pem.matches("BEGIN CERTIFICATE").count() == 2, "{pem}");
        assert!(
            out.stderr.contains("Attestation verified") && out.stderr.contains("EMULATED"),
            "{}",
            out.stderr
        );
        let blob = String::from_utf8(
            STANDARD
                .decode(a["privateKeyAttestation"].as_str().unwrap())
                .unwrap(),
        )
        .unwrap();
        assert_eq!(jws_payload(&blob)["emulated"], true);
    }
    so(&[
        "key",
        "get-attestation",
        "-n",
        "ec",
        "-f",
        &path("att.json"),
    ])
    .ok();
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(path("att.json")).unwrap()).unwrap();
    assert!(file["certificatePemFile"].is_string());
    refused(
        so(&[
            "key",
            "get-attestation",
            "-n",
            "ec",
            "-f",
            &path("att.json"),
        ]),
        "already exists",
    );
    // Persistence: after a restart the authority's key, the vendor and the release key are the
    // same — the old token still releases and the attestation is byte for byte the same.
    let before = so(&["key", "get-attestation", "-n", "ec"]).ok().stdout;
    let mut emu = emu;
    emu.restart(false);
    let so = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--hsm-name", "att-hsm"]);
        emu.mhsm("security-officer", &a)
    };
    assert_eq!(
        so(&["key", "get-attestation", "-n", "ec"]).ok().stdout,
        before
    );
    so(&["key", "release", "-n", "aes", "--target", &token]).ok();
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}
