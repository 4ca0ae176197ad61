//! `POST /keys/{name}[/{version}]/release` — secure key release (rest-api.md §7.2,
//! service-facts.md §5.2–§5.3), after RBAC (`keys/release/action`) has passed.
//!
//! Order of checks: body (`target` required, `enc` one of the three) → key and version →
//! disabled key → exportable → purge protection of the HSM (D16) → the token (authority served
//! here, metadata and keys fetched, signature, lifetime) → the key's release policy → the
//! token's runtime key. Then the key is wrapped to the runtime key and returned in the HSM's
//! JWS (`x5c` chain for the HSM's host under the emulator CA).
//!
//! Decisions where the service's answers are not documented: a malformed body or target → 400
//! `BadParameter`; every refusal of a well-formed target (authority, signature, lifetime,
//! policy, runtime key) and a non-exportable key → 403 `Forbidden` with the reason in the
//! message. Without `enc` the key is wrapped with `CKM_RSA_AES_KEY_WRAP`, echoed in
//! `request.enc` of the JWS (the SKR sidecar sends no `enc` and unwraps with the echoed one).

use axum::response::Response;
use serde_json::{Value, json};

use super::params::{bad, json};
use super::store::VersionRecord;
use super::{Plane, attributes, kid, live_key, ok, ops, store, version_of};
use crate::crypto::release::{self, Policy, ReleaseEnc};
use crate::emulator::attestation::TargetError;
use crate::emulator::dataplane::blocking;
use crate::emulator::dataplane::routes::KeyOp;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::wire::keys::KeyReleaseParameters;

pub(super) fn refused(msg: impl Into<String>) -> ApiError {
    ApiError::forbidden("Forbidden", msg)
}

/// The release policy of a key version, parsed; `None` when it has none. A stored policy that
/// does not parse (they are checked against the grammar when set) refuses with 403.
pub(super) fn policy_of(key_name: &str, v: &VersionRecord) -> ApiResult<Option<Policy>> {
    let Some(data) = v.release_policy.as_ref().and_then(|rp| rp.data.as_deref()) else {
        return Ok(None);
    };
    let doc: Value = crate::crypto::b64::b64url_decode_lenient(data)
        .ok()
        .and_then(|raw| serde_json::from_slice(&raw).ok())
        .ok_or_else(|| {
            refused(format!(
                "The release policy of key {key_name} cannot be evaluated: it is not base64url JSON."
            ))
        })?;
    release::parse_policy(&doc).map(Some).map_err(|e| {
        refused(format!(
            "The release policy of key {key_name} cannot be evaluated: {e}"
        ))
    })
}

/// The checks of a `target` shared by release and secure unwrap: the token is verified
/// (authority served by this emulator, signature with its JWKS, lifetime on the emulator's
/// clock), `policy` (if any) is evaluated against it, and its runtime key is picked. Returns
/// the runtime JWK and its RSA `n`, `e`. A token that is not a JWT → 400 `BadParameter`; every
/// other refusal → 403 `Forbidden` with the reason.
pub(super) async fn attested_runtime_key(
    plane: &Plane,
    key_name: &str,
    policy: Option<&Policy>,
    target: &str,
) -> ApiResult<(Value, Vec<u8>, Vec<u8>)> {
    let (issuer, claims) =
        plane
            .emu
            .verify_attestation_token(target)
            .await
            .map_err(|e| match e {
                TargetError::Malformed(_) => bad(e.to_string()),
                other => refused(other.to_string()),
            })?;
    if let Some(policy) = policy {
        policy.evaluate(&issuer, &claims).map_err(|e| {
            refused(format!(
                "The attestation token does not satisfy the release policy of key {key_name}: {e}."
            ))
        })?;
    }
    let runtime = release::runtime_key(&claims).map_err(|e| refused(format!("{e}.")))?;
    let (n, e) = release::rsa_jwk_components(&runtime).map_err(|e| refused(format!("{e}.")))?;
    Ok((runtime, n, e))
}

/// Serves a release.
pub async fn release(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    version: Option<&str>,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    let p: KeyReleaseParameters = json(body, "the key release")?;
    if p.target.trim().is_empty() {
        return Err(bad(
            "The release request needs a 'target': the attestation token of the environment the key is released to.",
        ));
    }
    let enc = match p.enc.as_deref() {
        None | Some("") => ReleaseEnc::CkmRsaAesKeyWrap,
        Some(s) => ReleaseEnc::parse(s).ok_or_else(|| {
            bad(format!(
                "The key encryption algorithm '{s}' is not supported: use CKM_RSA_AES_KEY_WRAP, RSA_AES_KEY_WRAP_256 or RSA_AES_KEY_WRAP_384."
            ))
        })?,
    };
    let (key, v) = blocking(|| {
        let key = live_key(plane, name)?;
        let v = version_of(plane, &key, version)?;
        Ok::<_, ApiError>((key, v))
    })?;
    ops::check(KeyOp::Release, &v, plane.emu.clock.unix())?;
    if !v.exportable {
        return Err(refused(format!(
            "Key {} is not exportable: only a key created with the exportable attribute and a release policy can be released.",
            key.name
        )));
    }
    if !hsm.purge_protection {
        return Err(refused(
            "Secure key release requires purge protection on the HSM: enable it first (mhsm update-hsm --enable-purge-protection true).",
        ));
    }
    let policy = policy_of(&key.name, &v)?
        .ok_or_else(|| refused(format!("Key {} has no release policy.", key.name)))?;
    let (runtime, n, e) = attested_runtime_key(plane, &key.name, Some(&policy), &p.target).await?;

    let versioned = kid(hsm, &key.name, Some(&v.version));
    let host = hsm
        .hsm_uri()
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string();
    let value = blocking(|| {
        let m = store::open(&plane.emu, &plane.key, &key.name, &v)?;
        let ct = release::wrap(enc, &n, &e, &m.release_plaintext())
            .map_err(|e| refused(format!("{e}.")))?;
        let key_hsm = release::key_hsm(enc, runtime["kid"].as_str().unwrap_or_default(), &ct);
        let mut request = json!({"api-version": api_version, "enc": enc.name(), "kid": versioned});
        if let Some(n) = &p.nonce {
            request["nonce"] = json!(n);
        }
        let rp = v.release_policy.clone().unwrap_or_default();
        let payload = json!({
            "request": request,
            "response": {"key": {
                "attributes": attributes(hsm, &v),
                "key": {"key_hsm": key_hsm, "kid": versioned, "kty": v.public.kty, "key_ops": v.key_ops},
                "release_policy": {"contentType": rp.content_type, "data": rp.data, "immutable": rp.immutable},
            }},
        });
        plane.emu.attestation.sign_release(&host, &payload)
    })?;
    ok(json!({ "value": value }))
}
