//! Secure wrap and unwrap (keys.json 2026-04-01) on the emulator, over raw HTTPS and with the
//! real `mhsm`: the wrapped AES-256 key opens locally with the wrapping key (every algorithm of
//! the spec's enum that fits the key), other algorithms, older api-versions and keys without
//! wrapKey are refused; and secure unwrap into a TEE attested by the emulator's attestation
//! authority: the AES key secure wrap made comes back wrapped to the token's runtime key
//! (CKM_RSA_AES_KEY_WRAP) and unwraps to the same bytes, with every refusal (claims against
//! the KEK's release policy, expired token, token signed by another key or from a foreign
//! authority, principal without `keys/unwrap/action`, tampered `value`).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};

use crate::keys_emulator::Ctx;
use mhsm::crypto::keyops::{self, KeyMaterial};

#[test]
fn secure_wrap_wraps_a_fresh_aes_256_key_and_secure_unwrap_validates_its_body() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("secure-hsm");
    let post = |path: &str, api: &str, body: Value| -> (u16, Value) {
        cx.send(
            "POST",
            &format!("{}{path}?api-version={api}", h.base),
            Some(&body),
        )
    };
    let b64 = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);
    let unb64 = |v: &Value| URL_SAFE_NO_PAD.decode(v.as_str().unwrap()).unwrap();

    // Keys whose private parts the test knows: AES-256 and RSA-2048, imported in clear.
    let aes = KeyMaterial::generate_oct(256).unwrap();
    let rsa = KeyMaterial::generate_rsa(2048, None).unwrap();
    for (name, m, ops) in [
        ("aes", &aes, json!(["wrapKey", "unwrapKey"])),
        ("rsa", &rsa, json!(["wrapKey", "unwrapKey"])),
        ("aes-no-wrap", &aes, json!(["encrypt"])),
    ] {
        let mut jwk = serde_json::to_value(m.private_jwk()).unwrap();
        jwk["key_ops"] = ops;
        h.import(name, json!({ "key": jwk }));
    }
    let aes128 = KeyMaterial::generate_oct(128).unwrap();
    let mut jwk = serde_json::to_value(aes128.private_jwk()).unwrap();
    jwk["key_ops"] = json!(["wrapKey"]);
    h.import("aes128", json!({ "key": jwk }));

    for api in ["2026-04-01", "2026-01-01-preview"] {
        for (key, m, alg, unwrap_as) in [
            ("aes", &aes, "A256KW", "A256KW"),
            ("aes", &aes, "A256KWPAD", "CKM_AES_KEY_WRAP_PAD"),
            ("aes", &aes, "ckm_aes_key_wrap", "CKM_AES_KEY_WRAP"),
            ("aes", &aes, "CKM_AES_KEY_WRAP_PAD", "CKM_AES_KEY_WRAP_PAD"),
            ("aes128", &aes128, "A128KWPAD", "CKM_AES_KEY_WRAP_PAD"),
            ("rsa", &rsa, "RSA-OAEP-256", "RSA-OAEP-256"),
        ] {
            let (s, r) = post(
                &format!("/keys/{key}/securewrapkey"),
                api,
                json!({ "alg": alg }),
            );
            assert_eq!(s, 200, "{key} {alg}: {r}");
            assert!(
                r["kid"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("/keys/{key}/")),
                "{r}"
            );
            assert!(r["alg"].as_str().unwrap().eq_ignore_ascii_case(alg), "{r}");
            // The HSM's secret AES-256 key opens with the wrapping key, locally.
            let plain = keyops::unwrap_key(m, unwrap_as, &unb64(&r["value"])).unwrap();
            assert_eq!(plain.len(), 32, "{key} {alg}");
        }
    }
    // Two secure wraps make two different keys.
    let one = post(
        "/keys/aes/securewrapkey",
        "2026-04-01",
        json!({"alg": "A256KW"}),
    )
    .1;
    let two = post(
        "/keys/aes/securewrapkey",
        "2026-04-01",
        json!({"alg": "A256KW"}),
    )
    .1;
    assert_ne!(one["value"], two["value"]);

    // Refusals: algorithm outside the enum or not fitting the key, old api-version, key_ops.
    for (key, api, body, status, code, needle) in [
        (
            "aes",
            "2026-04-01",
            json!({"alg": "RSA-OAEP"}),
            400,
            "BadParameter",
            "not supported for secure wrap",
        ),
        (
            "aes",
            "2026-04-01",
            json!({"alg": "A128KWPAD"}),
            400,
            "BadParameter",
            "not supported for key type oct-HSM (256 bits)",
        ),
        (
            "rsa",
            "2026-04-01",
            json!({"alg": "A256KW"}),
            400,
            "BadParameter",
            "A256KW",
        ),
        ("aes", "2026-04-01", json!({}), 400, "BadParameter", "alg"),
        (
            "aes",
            "7.6",
            json!({"alg": "A256KW"}),
            400,
            "BadParameter",
            "2026-01-01-preview",
        ),
        (
            "aes",
            "2025-07-01",
            json!({"alg": "A256KW"}),
            400,
            "BadParameter",
            "2026-01-01-preview",
        ),
        (
            "aes-no-wrap",
            "2026-04-01",
            json!({"alg": "A256KW"}),
            403,
            "Forbidden",
            "Operation wrapKey is not permitted on this key.",
        ),
        (
            "missing",
            "2026-04-01",
            json!({"alg": "A256KW"}),
            404,
            "KeyNotFound",
            "missing",
        ),
    ] {
        let (s, r) = post(&format!("/keys/{key}/securewrapkey"), api, body);
        assert_eq!(
            (s, r["error"]["code"].as_str()),
            (status, Some(code)),
            "{key} {api}: {r}"
        );
        assert!(
            r["error"]["message"].as_str().unwrap().contains(needle),
            "{r}"
        );
    }

    // Secure unwrap checks its body (the attested round trip is the next test).
    let wrapped = one["value"].as_str().unwrap();
    for (body, status, code) in [
        (
            json!({"alg": "A256KW", "value": wrapped}),
            400,
            "BadParameter",
        ),
        (
            json!({"alg": "A256KW", "value": wrapped, "target": ""}),
            400,
            "BadParameter",
        ),
        (
            json!({"alg": "FOO", "value": wrapped, "target": "eyJ"}),
            400,
            "BadParameter",
        ),
        (
            json!({"alg": "A256KW", "value": wrapped, "target": "eyJhbGciOi.x.y"}),
            400,
            "BadParameter",
        ),
    ] {
        let (s, r) = post("/keys/aes/secureunwrapkey", "2026-04-01", body.clone());
        assert_eq!(
            (s, r["error"]["code"].as_str()),
            (status, Some(code)),
            "{body}: {r}"
        );
    }
    let (s, r) = post(
        "/keys/aes-no-wrap/secureunwrapkey",
        "2026-04-01",
        json!({"alg": "A256KW", "value": b64(&[1; 40]), "target": "t"}),
    );
    assert_eq!(
        (s, r["error"]["code"].as_str()),
        (403, Some("Forbidden")),
        "{r}"
    );

    // 2026-04-01's external keys (EKM-backed) take no kty (the EKM decides it): refused, not
    // silently made HSM keys (tests/it/ekm.rs covers external keys).
    let (s, r) = post(
        "/keys/ext/create",
        "2026-04-01",
        json!({"kty": "RSA-HSM", "attributes": {"external_key": {"id": "abc-123"}}}),
    );
    assert_eq!(
        (s, r["error"]["code"].as_str()),
        (400, Some("BadParameter")),
        "{r}"
    );
    assert_eq!(h.call("GET", "/keys/ext", None).0, 404);

    // The same through mhsm.
    let name = h.base.trim_start_matches("https://").to_string();
    let so = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--hsm-name", &name]);
        cx.emu.mhsm("security-officer", &a)
    };
    let w = so(&["key", "secure-wrap", "-n", "aes", "-a", "a256kwpad"])
        .ok()
        .json();
    assert_eq!(w["algorithm"], "A256KWPAD");
    let plain = keyops::unwrap_key(
        &aes,
        "CKM_AES_KEY_WRAP_PAD",
        &STANDARD.decode(w["result"].as_str().unwrap()).unwrap(),
    )
    .unwrap();
    assert_eq!(plain.len(), 32);
    let out = so(&[
        "key",
        "secure-unwrap",
        "-n",
        "aes",
        "-a",
        "A256KWPAD",
        "--value",
        w["result"].as_str().unwrap(),
        "--target",
        "eyJhbGciOi.x.y",
    ])
    .code(1);
    assert!(out.stderr.contains("(BadParameter)"), "{}", out.stderr);
}

/// AES-256-GCM with a fixed nonce (a test of key equality, nothing more).
fn gcm(key: &[u8], mut data: Vec<u8>, seal: bool) -> Vec<u8> {
    use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
    let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key).unwrap());
    let nonce = || Nonce::assume_unique_for_key([7; 12]);
    if seal {
        k.seal_in_place_append_tag(nonce(), Aad::empty(), &mut data)
            .unwrap();
        data
    } else {
        k.open_in_place(nonce(), Aad::empty(), &mut data)
            .unwrap()
            .to_vec()
    }
}

#[test]
fn secure_unwrap_releases_the_secure_wrapped_key_into_an_attested_tee_only() {
    use crate::release::{attest, forged_token, jws_header_kid, rsa_key};
    use mhsm::crypto::release::{ReleaseEnc, unwrap};

    let cx = Ctx::pre_activated();
    let h = cx.hsm("sunwrap-hsm");
    let post = |path: &str, api: &str, body: Value| -> (u16, Value) {
        cx.send(
            "POST",
            &format!("{}{path}?api-version={api}", h.base),
            Some(&body),
        )
    };
    #[track_caller]
    fn refused((s, r): (u16, Value), status: u16, code: &str, needle: &str) {
        assert_eq!(
            (s, r["error"]["code"].as_str()),
            (status, Some(code)),
            "{r}"
        );
        let msg = r["error"]["message"].as_str().unwrap();
        assert!(msg.contains(needle), "{needle}: {msg}");
    }
    let unb64 = |v: &Value| URL_SAFE_NO_PAD.decode(v.as_str().unwrap()).unwrap();

    // The TEE: its runtime key, and a token of the emulator's attestation authority.
    let dir = cx.emu.state().join("tee");
    std::fs::create_dir_all(&dir).unwrap();
    let path = |n: &str| dir.join(n).display().to_string();
    let (tee_pem, _) = rsa_key();
    std::fs::write(path("tee.pem"), &tee_pem).unwrap();
    let tee_pkcs8 = mhsm::crypto::privkey::private_key_pem_to_pkcs8(tee_pem.as_bytes(), None)
        .unwrap()
        .to_vec();
    let authority = format!("{}/attestation", cx.emu.control_url());
    let good_claims = json!({"x-ms-attestation-type": "sevsnpvm", "x-ms-compliance-status": "azure-compliant-cvm"});
    let token = attest(&cx.emu, &good_claims, &path("tee.pem"), "8h");
    std::fs::write(path("token.jwt"), &token).unwrap();

    // KEKs whose material the test knows: AES-256 without a release policy, AES-256 with one
    // (exportable, so it may carry one), RSA-2048.
    let aes = KeyMaterial::generate_oct(256).unwrap();
    let aes_p = KeyMaterial::generate_oct(256).unwrap();
    let rsa = KeyMaterial::generate_rsa(2048, None).unwrap();
    let policy = json!({"version": "1.0.0", "anyOf": [{"authority": authority, "allOf": [
        {"claim": "x-ms-attestation-type", "equals": "sevsnpvm"},
        {"claim": "x-ms-compliance-status", "equals": "azure-compliant-cvm"},
    ]}]});
    for (name, m, extra) in [
        ("kek", &aes, json!({})),
        (
            "kek-policy",
            &aes_p,
            json!({"attributes": {"exportable": true}, "release_policy": {
                "contentType": "application/json; charset=utf-8",
                "data": URL_SAFE_NO_PAD.encode(policy.to_string()),
            }}),
        ),
        ("rsa-kek", &rsa, json!({})),
    ] {
        let mut jwk = serde_json::to_value(m.private_jwk()).unwrap();
        jwk["key_ops"] = json!(["wrapKey", "unwrapKey"]);
        let mut body = extra;
        body["key"] = jwk;
        h.import(name, body);
    }

    // Secure wrap → the key in clear (opened here with the known KEK) → secure unwrap with the
    // token → the answer opens with the TEE's key to the same AES key.
    let wrap = |key: &str, alg: &str| {
        post(
            &format!("/keys/{key}/securewrapkey"),
            "2026-04-01",
            json!({"alg": alg}),
        )
        .1
    };
    for api in ["2026-04-01", "2026-01-01-preview"] {
        for (key, m, alg, internal) in [
            ("kek", &aes, "A256KWPAD", "CKM_AES_KEY_WRAP_PAD"),
            ("kek", &aes, "A256KW", "A256KW"),
            ("kek-policy", &aes_p, "CKM_AES_KEY_WRAP", "CKM_AES_KEY_WRAP"),
            ("rsa-kek", &rsa, "RSA-OAEP-256", "RSA-OAEP-256"),
        ] {
            let w = wrap(key, alg);
            let clear = keyops::unwrap_key(m, internal, &unb64(&w["value"])).unwrap();
            assert_eq!(clear.len(), 32);
            let (s, r) = post(
                &format!("/keys/{key}/secureunwrapkey"),
                api,
                json!({"alg": alg.to_ascii_lowercase(), "value": w["value"], "target": token}),
            );
            assert_eq!(s, 200, "{key} {alg} {api}: {r}");
            assert_eq!(r["kid"], w["kid"], "{r}");
            assert_eq!(r["alg"], alg, "{r}");
            let ct = unb64(&r["value"]);
            assert_eq!(ct.len(), 256 + 40, "RSA-OAEP(2048) ‖ KWP(32 bytes)");
            let back = unwrap(ReleaseEnc::CkmRsaAesKeyWrap, &tee_pkcs8, &ct).unwrap();
            assert_eq!(&back[..], &clear[..], "{key} {alg}");
            // The released key is the key: it decrypts what the clear key encrypted.
            let data = b"attested secret";
            let sealed = gcm(&clear, data.to_vec(), true);
            assert_eq!(gcm(&back, sealed, false), data);
        }
    }

    let w = wrap("kek-policy", "A256KWPAD");
    let unwrap_req = |key: &str, value: &Value, target: &str| {
        post(
            &format!("/keys/{key}/secureunwrapkey"),
            "2026-04-01",
            json!({"alg": "A256KWPAD", "value": value, "target": target}),
        )
    };
    // A claim the KEK's release policy does not accept; a KEK without a policy needs none.
    let sgx = attest(
        &cx.emu,
        &json!({"x-ms-attestation-type": "sgx", "x-ms-compliance-status": "azure-compliant-cvm"}),
        &path("tee.pem"),
        "8h",
    );
    refused(
        unwrap_req("kek-policy", &w["value"], &sgx),
        403,
        "Forbidden",
        "does not satisfy the release policy of key kek-policy",
    );
    let w0 = wrap("kek", "A256KWPAD");
    assert_eq!(unwrap_req("kek", &w0["value"], &sgx).0, 200);
    // A token signed by another key (with the authority's kid, or an unknown one).
    let (_, other) = rsa_key();
    let mut claims = crate::release::jws_payload(&token);
    for kid in [jws_header_kid(&token).as_str(), "another-kid"] {
        refused(
            unwrap_req("kek", &w0["value"], &forged_token(&other, kid, &claims)),
            403,
            "Forbidden",
            "cannot be verified",
        );
    }
    // A token from an authority this emulator does not serve.
    claims["iss"] = json!("https://sharedeus.eus.attest.azure.net");
    refused(
        unwrap_req("kek", &w0["value"], &forged_token(&other, "k", &claims)),
        403,
        "Forbidden",
        "is not served by this emulator",
    );
    // Not a token; a token without a runtime key is refused too (no TEE to release into).
    refused(
        unwrap_req("kek", &w0["value"], "not-a-token"),
        400,
        "BadParameter",
        "",
    );
    // A tampered value; a value of another KEK; the right value under another algorithm.
    let mut tampered = unb64(&w["value"]);
    tampered[5] ^= 1;
    for (key, value, alg) in [
        (
            "kek-policy",
            json!(URL_SAFE_NO_PAD.encode(&tampered)),
            "A256KWPAD",
        ),
        ("kek-policy", w0["value"].clone(), "A256KWPAD"),
        ("kek-policy", w["value"].clone(), "CKM_AES_KEY_WRAP"),
    ] {
        refused(
            post(
                &format!("/keys/{key}/secureunwrapkey"),
                "2026-04-01",
                json!({"alg": alg, "value": value, "target": token}),
            ),
            400,
            "BadParameter",
            "is not a key that secure wrap made with key kek-policy",
        );
    }
    // An api-version before secure unwrap.
    refused(
        post(
            "/keys/kek/secureunwrapkey",
            "7.6",
            json!({"alg": "A256KWPAD", "value": w0["value"], "target": token}),
        ),
        400,
        "BadParameter",
        "2026-01-01-preview",
    );

    // Through mhsm: the TEE's side unwraps the answer into a 0600 file.
    let name = h.base.trim_start_matches("https://").to_string();
    let as_who = |who: &str, args: &[&str]| {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--hsm-name", &name]);
        cx.emu.mhsm(who, &a)
    };
    let so = |args: &[&str]| as_who("security-officer", args);
    let w = so(&["key", "secure-wrap", "-n", "kek-policy", "-a", "A256KWPAD"])
        .ok()
        .json();
    let clear = keyops::unwrap_key(
        &aes_p,
        "CKM_AES_KEY_WRAP_PAD",
        &STANDARD.decode(w["result"].as_str().unwrap()).unwrap(),
    )
    .unwrap();
    let value = w["result"].as_str().unwrap();
    let out = so(&[
        "key",
        "secure-unwrap",
        "-n",
        "kek-policy",
        "-a",
        "A256KWPAD",
        "--value",
        value,
        "--target-file",
        &path("token.jwt"),
        "--runtime-key",
        &path("tee.pem"),
        "-f",
        &path("aes.key"),
    ])
    .ok()
    .json();
    assert_eq!(out["algorithm"], "A256KWPAD");
    assert_eq!(out["enc"], "CKM_RSA_AES_KEY_WRAP");
    assert_eq!(out["keySize"], 256);
    assert_eq!(out["kid"], w["kid"]);
    assert_eq!(std::fs::read(path("aes.key")).unwrap(), clear.to_vec());
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path("aes.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Without --runtime-key: the HSM's answer, which only the TEE opens.
    let out = so(&[
        "key",
        "secure-unwrap",
        "-n",
        "kek-policy",
        "-a",
        "a256kwpad",
        "--value",
        value,
        "--target",
        &token,
    ])
    .ok()
    .json();
    let ct = STANDARD.decode(out["result"].as_str().unwrap()).unwrap();
    assert_eq!(
        &unwrap(ReleaseEnc::CkmRsaAesKeyWrap, &tee_pkcs8, &ct).unwrap()[..],
        &clear[..]
    );
    // A principal that may release keys but not unwrap them.
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto Service Release User",
        "--scope",
        "/keys",
        "--assignee-object-id",
        &cx.emu.oid("app-vm"),
    ])
    .ok();
    let out = as_who(
        "app-vm",
        &[
            "key",
            "secure-unwrap",
            "-n",
            "kek-policy",
            "-a",
            "A256KWPAD",
            "--value",
            value,
            "--target",
            &token,
        ],
    )
    .code(1);
    assert!(
        out.stderr.contains(
            "(AccessDenied) Not authorized to access Microsoft.KeyVault/managedHsm/keys/unwrap/action"
        ),
        "{}",
        out.stderr
    );

    // An expired token: accepted, then refused once the emulator's clock moves past exp + skew.
    let short = attest(&cx.emu, &good_claims, &path("tee.pem"), "60s");
    let w = wrap("kek-policy", "A256KWPAD");
    assert_eq!(unwrap_req("kek-policy", &w["value"], &short).0, 200);
    cx.advance(600);
    refused(
        unwrap_req("kek-policy", &w["value"], &short),
        403,
        "Forbidden",
        "expired",
    );
}
