//! Secure wrap and unwrap (keys.json 2026-04-01) on the emulator, over raw HTTPS and with the
//! real `mhsm`: the wrapped AES-256 key opens locally with the wrapping key (every algorithm of
//! the spec's enum that fits the key), other algorithms, older api-versions and keys without
//! wrapKey are refused, and secure unwrap (which needs MAA attestation) answers 501 after
//! validating its body.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::{Value, json};

use crate::keys_emulator::Ctx;
use mhsm::crypto::keyops::{self, KeyMaterial};

#[test]
fn secure_wrap_wraps_a_fresh_aes_256_key_and_secure_unwrap_is_refused_honestly() {
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

    // Secure unwrap: the body is checked, then 501 (no MAA validation in the emulator).
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
            501,
            "NotImplemented",
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

    // 2026-04-01's external keys (EKM-backed) are refused, not silently made software keys.
    let (s, r) = post(
        "/keys/ext/create",
        "2026-04-01",
        json!({"kty": "RSA-HSM", "attributes": {"external_key": {"id": "abc-123"}}}),
    );
    assert_eq!(
        (s, r["error"]["code"].as_str()),
        (501, Some("NotImplemented")),
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
    assert!(out.stderr.contains("(NotImplemented)"), "{}", out.stderr);
}
