//! Secure wrap and unwrap (`POST /keys/{name}/{version}/securewrapkey|secureunwrapkey`,
//! `keys.json` 2026-04-01; the SDKs: "only available with API version 2026-01-01-preview and
//! newer").
//!
//! * **Secure wrap** is emulated with real crypto: a fresh 256-bit AES key is generated inside
//!   the emulator (the service: "within the trusted execution environment") and wrapped with the
//!   key under `alg`; the plaintext AES key is never returned. The key checks are those of
//!   wrapKey (the spec: "requires the keys/wrapKey permission").
//! * **Secure unwrap** releases the unwrapped key only into a TEE proven by an attestation
//!   token (`target`), checked exactly as secure key release checks one (`release.rs`): the
//!   issuer must be an attestation authority this emulator serves (`mhsm-emulator attest`,
//!   or its admin endpoint `POST /attestation/.emulator/token`), the RS256 signature verifies
//!   with that authority's JWKS, `exp`/`nbf` hold on the emulator's clock, and the token
//!   carries an RSA runtime key. If the key-encryption key has a release policy, the token must
//!   satisfy it as for a release. The key checks are unwrapKey's (the spec: "requires the
//!   keys/unwrapKey permission"; RBAC `keys/unwrap/action`). `value` must unwrap under `alg` to
//!   an AES-256 key, i.e. be what secure wrap returned for this key version and `alg`.
//!
//! **Result format (an emulator decision: the service's is undocumented).** `value` is the
//! unwrapped AES-256 key wrapped to the token's runtime key with `CKM_RSA_AES_KEY_WRAP`, as
//! release's default (`RSA-OAEP-SHA1(fresh AES-256 KEK) ‖ AES-KWP(KEK, key)`, RFC 5649), as
//! raw base64url bytes (no `key_hsm` envelope, no JWS); `alg` is the request's (canonical
//! spelling) and `kid` the key version used. Refusals: malformed body or token → 400
//! `BadParameter`; token not from this emulator's authority, bad signature, expired, not
//! satisfying the release policy, no runtime key → 403 `Forbidden` with the reason; a `value`
//! that does not unwrap (tampered, another key or algorithm) → 400 `BadParameter`.
//!
//! `alg` is the spec's `JsonWebKeyWrapAlgorithm`: RSA-OAEP-256 (RSA keys), A128/192/256KW
//! (RFC 3394) and A128/192/256KWPAD (RFC 5649) on an AES key of that size, CKM_AES_KEY_WRAP
//! and CKM_AES_KEY_WRAP_PAD on any AES key. An older api-version → 400 `BadParameter`.

use axum::Json;
use axum::response::{IntoResponse, Response};

use super::params::{bad, crypto_err, json};
use super::store::{KeyRecord, VersionRecord};
use super::{Plane, kid, live_key, ops, release, store, version_of};
use crate::crypto::b64::{b64url_decode_lenient, b64url_encode};
use crate::crypto::keyops::{self, KeyKind};
use crate::crypto::release::ReleaseEnc;
use crate::emulator::dataplane::blocking;
use crate::emulator::dataplane::routes::KeyOp;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::wire::secure_keys::{
    SECURE_KEYS_API_VERSIONS, SECURE_WRAP_ALGORITHMS, SecureKeyOperationResult,
    SecureKeyUnwrapParameters, SecureKeyWrapParameters,
};

/// Size of the key secure wrap generates (the spec: "a new 256 bit AES key").
const SECURE_KEY_LEN: usize = 32;

/// The api-version gate of both operations → 400 `BadParameter` before 2026-01-01-preview.
fn check_api_version(op_name: &str, api_version: &str) -> ApiResult<()> {
    if SECURE_KEYS_API_VERSIONS.contains(&api_version) {
        return Ok(());
    }
    Err(bad(format!(
        "The operation {op_name} is not supported in api-version {api_version}: it needs 2026-01-01-preview or later (2026-04-01)."
    )))
}

/// Serves `POST /keys/{name}[/{version}]/securewrapkey` after RBAC (`keys/wrap/action`) and the
/// key lookup.
pub(super) fn secure_wrap(
    plane: &Plane,
    hsm: &HsmRecord,
    key: &KeyRecord,
    v: &VersionRecord,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    check_api_version("securewrapkey", api_version)?;
    ops::check(KeyOp::SecureWrap, v, plane.emu.clock.unix())?;
    let p: SecureKeyWrapParameters = json(body, "securewrapkey")?;
    let (alg, internal) = algorithm(&p.alg, v)?;
    let m = store::open(&plane.emu, &plane.key, &key.name, v)?;
    let aes = zeroize::Zeroizing::new(
        keyops::random_bytes(SECURE_KEY_LEN, &aws_lc_rs::rand::SystemRandom::new())
            .map_err(crypto_err)?,
    );
    let wrapped = keyops::wrap_key(&m, internal, &aes).map_err(crypto_err)?;
    Ok(Json(SecureKeyOperationResult {
        kid: kid(hsm, &key.name, Some(&v.version)),
        alg: alg.to_string(),
        value: b64url_encode(&wrapped),
    })
    .into_response())
}

/// Serves `POST /keys/{name}[/{version}]/secureunwrapkey` after RBAC (`keys/unwrap/action`).
/// Order of checks: api-version → body (`alg`, `value`, `target`) → key and version → the
/// unwrapKey key checks → `alg` fits the key → the key's release policy parses → the token
/// (as release: authority, signature, lifetime; then the policy if the key has one; then the
/// runtime key) → `value` unwraps under `alg` to an AES-256 key → that key, wrapped to the
/// runtime key with `CKM_RSA_AES_KEY_WRAP`.
pub async fn secure_unwrap(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    version: Option<&str>,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    check_api_version("secureunwrapkey", api_version)?;
    let (key, v) = blocking(|| {
        let key = live_key(plane, name)?;
        let v = version_of(plane, &key, version)?;
        Ok::<_, ApiError>((key, v))
    })?;
    ops::check(KeyOp::SecureUnwrap, &v, plane.emu.clock.unix())?;
    let p: SecureKeyUnwrapParameters = json(body, "secureunwrapkey")?;
    let (alg, internal) = algorithm(&p.alg, &v)?;
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
    let policy = release::policy_of(&key.name, &v)?;
    let (_, n, e) =
        release::attested_runtime_key(plane, &key.name, policy.as_ref(), &p.target).await?;
    let wrapped = blocking(|| {
        let m = store::open(&plane.emu, &plane.key, &key.name, &v)?;
        let not_ours = |why: String| {
            bad(format!(
                "The parameter 'value' is not a key that secure wrap made with key {} under {alg}: {why}",
                key.name
            ))
        };
        let aes = keyops::unwrap_key(&m, internal, &value).map_err(|e| not_ours(e.to_string()))?;
        if aes.len() != SECURE_KEY_LEN {
            return Err(not_ours(format!(
                "it unwraps to {} bytes, not an AES-256 key",
                aes.len()
            )));
        }
        crate::crypto::release::wrap(ReleaseEnc::CkmRsaAesKeyWrap, &n, &e, &aes)
            .map_err(|e| release::refused(format!("{e}.")))
    })?;
    Ok(Json(SecureKeyOperationResult {
        kid: kid(hsm, &key.name, Some(&v.version)),
        alg: alg.to_string(),
        value: b64url_encode(&wrapped),
    })
    .into_response())
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
