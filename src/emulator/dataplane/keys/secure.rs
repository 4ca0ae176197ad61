//! Secure wrap and unwrap (`POST /keys/{name}/{version}/securewrapkey|secureunwrapkey`,
//! `keys.json` 2026-04-01; the SDKs: "only available with API version 2026-01-01-preview and
//! newer").
//!
//! * **Secure wrap** is emulated with real crypto: a fresh 256-bit AES key is generated inside
//!   the emulator (the service: "within the trusted execution environment") and wrapped with the
//!   key under `alg`; the plaintext AES key is never returned. The key checks are those of
//!   wrapKey (the spec: "requires the keys/wrapKey permission").
//! * **Secure unwrap** releases the unwrapped key only into a TEE proven by a Microsoft Azure
//!   Attestation token (`target`). The emulator cannot validate MAA tokens (as for secure key
//!   release), and unwrapping without that check would be a fake: after RBAC, the key lookup,
//!   the unwrapKey checks and the validation of the body (`alg`, `value`, `target` required),
//!   it answers 501 `NotImplemented`.
//!
//! `alg` is the spec's `JsonWebKeyWrapAlgorithm`: RSA-OAEP-256 (RSA keys), A128/192/256KW
//! (RFC 3394) and A128/192/256KWPAD (RFC 5649) on an AES key of that size, CKM_AES_KEY_WRAP
//! and CKM_AES_KEY_WRAP_PAD on any AES key. An older api-version → 400 `BadParameter`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::params::{bad, crypto_err, json};
use super::store::{KeyRecord, VersionRecord};
use super::{Plane, kid, ops, store};
use crate::crypto::b64::{b64url_decode_lenient, b64url_encode};
use crate::crypto::keyops::{self, KeyKind};
use crate::emulator::dataplane::routes::KeyOp;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::wire::secure_keys::{
    SECURE_KEYS_API_VERSIONS, SECURE_WRAP_ALGORITHMS, SecureKeyOperationResult,
    SecureKeyUnwrapParameters, SecureKeyWrapParameters,
};

/// Size of the key secure wrap generates (the spec: "a new 256 bit AES key").
const SECURE_KEY_LEN: usize = 32;

pub(super) fn run(
    plane: &Plane,
    hsm: &HsmRecord,
    key: &KeyRecord,
    v: &VersionRecord,
    op: KeyOp,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    let op_name = if op == KeyOp::SecureWrap {
        "securewrapkey"
    } else {
        "secureunwrapkey"
    };
    if !SECURE_KEYS_API_VERSIONS.contains(&api_version) {
        return Err(bad(format!(
            "The operation {op_name} is not supported in api-version {api_version}: it needs 2026-01-01-preview or later (2026-04-01)."
        )));
    }
    ops::check(op, v, plane.emu.clock.unix())?;
    let kid = kid(hsm, &key.name, Some(&v.version));
    match op {
        KeyOp::SecureWrap => {
            let p: SecureKeyWrapParameters = json(body, op_name)?;
            let (alg, internal) = algorithm(&p.alg, v)?;
            let m = store::open(&plane.emu, &plane.key, &key.name, v)?;
            let aes = zeroize::Zeroizing::new(
                keyops::random_bytes(SECURE_KEY_LEN, &aws_lc_rs::rand::SystemRandom::new())
                    .map_err(crypto_err)?,
            );
            let wrapped = keyops::wrap_key(&m, internal, &aes).map_err(crypto_err)?;
            Ok(Json(SecureKeyOperationResult {
                kid,
                alg: alg.to_string(),
                value: b64url_encode(&wrapped),
            })
            .into_response())
        }
        _ => {
            let p: SecureKeyUnwrapParameters = json(body, op_name)?;
            algorithm(&p.alg, v)?;
            let value = b64url_decode_lenient(&p.value)
                .map_err(|_| bad("The parameter 'value' is not valid base64url."))?;
            if value.is_empty() {
                return Err(bad("The parameter 'value' is empty."));
            }
            if p.target.trim().is_empty() {
                return Err(bad(
                    "The parameter 'target' (the attestation token of the target TEE) is required.",
                ));
            }
            Err(ApiError::new(
                StatusCode::NOT_IMPLEMENTED,
                "NotImplemented",
                "Secure unwrap is not supported by mhsm-emulator: it cannot validate Microsoft Azure Attestation tokens (target), and releases a key only into an attested TEE.",
            ))
        }
    }
}

/// The canonical spelling of a secure-wrap algorithm and the key-operations name that does
/// it, or 400 (unknown, or not for this key: A*KWPAD needs an AES key of that size).
fn algorithm(alg: &str, v: &VersionRecord) -> ApiResult<(&'static str, &'static str)> {
    let canon = SECURE_WRAP_ALGORITHMS
        .iter()
        .find(|a| a.eq_ignore_ascii_case(alg))
        .ok_or_else(|| {
            bad(format!(
                "The algorithm '{alg}' is not supported for secure wrap: use {}.",
                SECURE_WRAP_ALGORITHMS.join(", ")
            ))
        })?;
    let pad_bits = match *canon {
        "A128KWPAD" => Some(128),
        "A192KWPAD" => Some(192),
        "A256KWPAD" => Some(256),
        _ => None,
    };
    match pad_bits {
        Some(bits) if v.kind() != KeyKind::Oct || v.size_bits != bits => Err(bad(format!(
            "Algorithm '{canon}' is not supported for key type {} ({} bits)",
            v.kind().hsm_kty(),
            v.size_bits
        ))),
        Some(_) => Ok((canon, "CKM_AES_KEY_WRAP_PAD")),
        None => Ok((canon, canon)),
    }
}
