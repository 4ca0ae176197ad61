//! Cryptographic operations on a key version (rest-api.md §5.1, §7.1) and the key checks that
//! come after RBAC (§8.5): the key must be enabled, the operation must be in its `key_ops`, and
//! outside its `nbf`/`exp` window only decrypt, unwrapKey and verify still work (D9). Each
//! refusal is a 403 `Forbidden`. Also `POST /rng`.
//!
//! Inputs and outputs are base64url (padding and the standard alphabet tolerated on input).
//! sign takes the caller's digest; verify answers `{"value": bool}`; GCM encrypt returns the
//! generated `iv`, the `tag` and echoes `aad`. The `kid` of a result names the version used.

use axum::Json;
use axum::response::{IntoResponse, Response};

use crate::crypto::b64::{b64url_decode_lenient, b64url_encode};
use crate::crypto::keyops::{self, KeyMaterial};
use crate::emulator::dataplane::routes::KeyOp;
use crate::emulator::error::{ApiError, ApiResult};
use crate::wire::keys::{
    KeyOperationResult, KeyOperationsParameters, KeySignParameters, KeyVerifyParameters,
    KeyVerifyResult, RandomBytesRequest, ValueBlob,
};

use super::params::{bad, crypto_err, json};
use super::store::VersionRecord;

/// The `key_ops` name an operation needs (None: the operation has no key_ops entry).
pub fn key_op_name(op: KeyOp) -> Option<&'static str> {
    Some(match op {
        KeyOp::Encrypt => "encrypt",
        KeyOp::Decrypt => "decrypt",
        KeyOp::Wrap => "wrapKey",
        KeyOp::Unwrap => "unwrapKey",
        KeyOp::Sign => "sign",
        KeyOp::Verify => "verify",
        KeyOp::Export => "export",
        // Secure wrap/unwrap are wrapKey/unwrapKey operations of the key (spec).
        KeyOp::SecureWrap => "wrapKey",
        KeyOp::SecureUnwrap => "unwrapKey",
        KeyOp::Release => return None,
    })
}

/// The operation name as the service's messages spell it.
fn display_name(op: KeyOp) -> &'static str {
    key_op_name(op).unwrap_or("release")
}

/// The checks after RBAC (rest-api.md §8.5), in this order: enabled, key_ops, nbf/exp window.
pub fn check(op: KeyOp, v: &VersionRecord, now: i64) -> ApiResult<()> {
    let name = display_name(op);
    if !v.enabled {
        return Err(ApiError::forbidden(
            "Forbidden",
            format!("Operation {name} is not allowed on a disabled key."),
        ));
    }
    if let Some(needed) = key_op_name(op)
        && !v.key_ops.iter().any(|o| o == needed)
    {
        return Err(ApiError::forbidden(
            "Forbidden",
            format!("Operation {name} is not permitted on this key."),
        ));
    }
    // Outside the validity window, operations that only undo earlier work still run (D9).
    let undo = matches!(
        op,
        KeyOp::Decrypt | KeyOp::Unwrap | KeyOp::Verify | KeyOp::Release | KeyOp::SecureUnwrap
    );
    if !undo {
        if let Some(nbf) = v.nbf
            && now < nbf
        {
            return Err(ApiError::forbidden(
                "Forbidden",
                format!(
                    "Operation {name} is not allowed on this key before its activation time (nbf {nbf})."
                ),
            ));
        }
        if let Some(exp) = v.exp
            && now >= exp
        {
            return Err(ApiError::forbidden(
                "Forbidden",
                format!("Operation {name} is not allowed on an expired key (exp {exp})."),
            ));
        }
    }
    Ok(())
}

fn decode(field: &str, s: &str) -> ApiResult<Vec<u8>> {
    b64url_decode_lenient(s)
        .map_err(|_| bad(format!("The parameter '{field}' is not valid base64url.")))
}

fn decode_opt(field: &str, s: Option<&String>) -> ApiResult<Option<Vec<u8>>> {
    s.map(|v| decode(field, v)).transpose()
}

/// Runs `op` with `m` (checks already passed); `kid` is the version's id.
pub fn run(op: KeyOp, m: &KeyMaterial, kid: &str, body: &[u8]) -> ApiResult<Response> {
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let result = |value: Vec<u8>| KeyOperationResult {
        kid: Some(kid.to_string()),
        value: b64url_encode(&value),
        iv: None,
        tag: None,
        aad: None,
    };
    match op {
        KeyOp::Sign => {
            let p: KeySignParameters = json(body, "sign")?;
            let digest = decode("value", &p.value)?;
            let sig = keyops::sign(m, &p.alg, &digest).map_err(crypto_err)?;
            Ok(Json(result(sig)).into_response())
        }
        KeyOp::Verify => {
            let p: KeyVerifyParameters = json(body, "verify")?;
            let digest = decode("digest", &p.digest)?;
            let sig = decode("value", &p.value)?;
            let ok = keyops::verify(m, &p.alg, &digest, &sig).map_err(crypto_err)?;
            Ok(Json(KeyVerifyResult { value: ok }).into_response())
        }
        KeyOp::Encrypt => {
            let p: KeyOperationsParameters = json(body, "encrypt")?;
            let pt = decode("value", &p.value)?;
            let iv = decode_opt("iv", p.iv.as_ref())?;
            let aad = decode_opt("aad", p.aad.as_ref())?;
            let out = keyops::encrypt(m, &p.alg, &pt, iv.as_deref(), aad.as_deref(), &rng)
                .map_err(crypto_err)?;
            let mut r = result(out.ciphertext);
            r.iv = out.iv.as_deref().map(b64url_encode);
            r.tag = out.tag.as_deref().map(b64url_encode);
            r.aad = out.aad.as_deref().map(b64url_encode);
            Ok(Json(r).into_response())
        }
        KeyOp::Decrypt => {
            let p: KeyOperationsParameters = json(body, "decrypt")?;
            let ct = decode("value", &p.value)?;
            let iv = decode_opt("iv", p.iv.as_ref())?;
            let aad = decode_opt("aad", p.aad.as_ref())?;
            let tag = decode_opt("tag", p.tag.as_ref())?;
            let pt = keyops::decrypt(
                m,
                &p.alg,
                &ct,
                iv.as_deref(),
                aad.as_deref(),
                tag.as_deref(),
            )
            .map_err(crypto_err)?;
            Ok(Json(result(pt.to_vec())).into_response())
        }
        KeyOp::Wrap => {
            let p: KeyOperationsParameters = json(body, "wrapkey")?;
            let cek = decode("value", &p.value)?;
            let w = keyops::wrap_key(m, &p.alg, &cek).map_err(crypto_err)?;
            Ok(Json(result(w)).into_response())
        }
        KeyOp::Unwrap => {
            let p: KeyOperationsParameters = json(body, "unwrapkey")?;
            let w = decode("value", &p.value)?;
            let cek = keyops::unwrap_key(m, &p.alg, &w).map_err(crypto_err)?;
            Ok(Json(result(cek.to_vec())).into_response())
        }
        KeyOp::Release | KeyOp::Export | KeyOp::SecureWrap | KeyOp::SecureUnwrap => {
            Err(ApiError::internal(
                "release, export and the secure operations are answered by their own handlers",
            ))
        }
    }
}

/// Largest `count` of `POST /rng`.
pub const MAX_RNG: u32 = 128;

/// `POST /rng {"count": 1..128}` → `{"value": b64url}`.
pub fn rng(body: &[u8]) -> ApiResult<Response> {
    let p: RandomBytesRequest = json(body, "rng")?;
    if !(1..=MAX_RNG).contains(&p.count) {
        return Err(bad(format!(
            "The count of random bytes must be between 1 and {MAX_RNG}; got {}.",
            p.count
        )));
    }
    let bytes = keyops::random_bytes(p.count as usize, &aws_lc_rs::rand::SystemRandom::new())
        .map_err(crypto_err)?;
    Ok(Json(ValueBlob {
        value: b64url_encode(&bytes),
    })
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::keys::Jwk;

    fn v(ops: &[&str], enabled: bool, nbf: Option<i64>, exp: Option<i64>) -> VersionRecord {
        VersionRecord {
            version: "v".into(),
            public: Jwk::default(),
            size_bits: 2048,
            key_ops: ops.iter().map(|s| s.to_string()).collect(),
            enabled,
            nbf,
            exp,
            created: 0,
            updated: 0,
            exportable: false,
            tags: None,
            release_policy: None,
            sealed: String::new(),
            external_key_id: None,
        }
    }

    fn refusal(r: ApiResult<()>) -> String {
        let e = r.unwrap_err();
        assert_eq!((e.status.as_u16(), e.code.as_str()), (403, "Forbidden"));
        e.message
    }

    #[test]
    fn enforcement_rules() {
        let all = [
            "sign",
            "verify",
            "encrypt",
            "decrypt",
            "wrapKey",
            "unwrapKey",
        ];
        assert!(check(KeyOp::Sign, &v(&all, true, None, None), 100).is_ok());
        assert_eq!(
            refusal(check(KeyOp::Sign, &v(&["verify"], true, None, None), 100)),
            "Operation sign is not permitted on this key."
        );
        assert_eq!(
            refusal(check(KeyOp::Wrap, &v(&["wrapkey"], true, None, None), 100)),
            "Operation wrapKey is not permitted on this key."
        );
        assert!(
            refusal(check(KeyOp::Decrypt, &v(&all, false, None, None), 100)).contains("disabled")
        );
        // Outside the window: encrypt, sign and wrap are refused; decrypt, unwrap, verify run.
        let expired = v(&all, true, None, Some(50));
        let early = v(&all, true, Some(500), None);
        for op in [KeyOp::Encrypt, KeyOp::Sign, KeyOp::Wrap] {
            assert!(refusal(check(op, &expired, 100)).contains("expired"));
            assert!(refusal(check(op, &early, 100)).contains("activation time"));
        }
        for op in [KeyOp::Decrypt, KeyOp::Unwrap, KeyOp::Verify] {
            assert!(check(op, &expired, 100).is_ok());
            assert!(check(op, &early, 100).is_ok());
        }
        // The window's edges: valid from nbf, expired at exp.
        assert!(check(KeyOp::Sign, &v(&all, true, Some(100), Some(101)), 100).is_ok());
        assert!(check(KeyOp::Sign, &v(&all, true, None, Some(100)), 100).is_err());
    }

    #[test]
    fn rng_counts() {
        let r = rng(br#"{"count": 128}"#).unwrap();
        assert_eq!(r.status().as_u16(), 200);
        for b in [&br#"{"count": 0}"#[..], br#"{"count": 129}"#, b"{}", b""] {
            assert_eq!(rng(b).unwrap_err().code, "BadParameter");
        }
    }
}
