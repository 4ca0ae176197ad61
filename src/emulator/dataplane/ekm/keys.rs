//! External keys (ekm-and-emulators.md §1.1-1.2): `POST /keys/{name}/create` with
//! `attributes.external_key` and no `kty` makes a key version that holds only a reference (the
//! EKM key id) plus the metadata the proxy's `/{key}/metadata` answered at creation; wrapKey and
//! unwrapKey go to the proxy; every other operation is refused.
//!
//! Decisions where the service's behaviour is not documented:
//! * `kty` answered is `RSA-HSM` / `oct-HSM` (the service "must report a kty"; the exact
//!   string is unverified), `key_ops` is the proxy's (`wrapKey`, `unwrapKey`).
//! * A create body with `kty`, `key_size`, `crv`, `key_ops`, `public_exponent` or
//!   `exportable` → 400 `BadParameter` (the SDKs say "the service rejects" them).
//! * Refused operations (sign, verify, encrypt, decrypt, release, export, secure wrap/unwrap,
//!   rotate, backup, attestation) → 400 `OperationNotSupported`.
//! * Algorithms: RSA `RSA-OAEP`, `RSA-OAEP-256`; AES `A256KW`, and `CKM_AES_KEY_WRAP_PAD`
//!   (Key Vault's name of RFC 5649 wrap) sent to the proxy as `A256KWP`.

use axum::http::Method;
use axum::response::Response;

use super::{client, proxy};
use crate::crypto::b64::{b64url_decode_lenient, b64url_encode};
use crate::emulator::dataplane::Plane;
use crate::emulator::dataplane::keys::{self, ops, params, store};
use crate::emulator::dataplane::routes::{KeyOp, Route};
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::wire::keys::{Jwk, KeyCreateParameters, KeyOperationResult, KeyOperationsParameters};

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request("BadParameter", msg)
}

fn unsupported(what: &str) -> ApiError {
    ApiError::bad_request(
        "OperationNotSupported",
        format!(
            "The operation '{what}' is not supported on an external key: an External Key Manager key only wraps and unwraps (wrapKey, unwrapKey)."
        ),
    )
}

/// Whether a create body asks for an external key.
pub fn is_external_create(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .is_some_and(|v| v["attributes"].get("external_key").is_some())
}

/// Whether the key (the given version, else its latest) is external. Lookup errors answer
/// `false`: the regular path then reports them.
pub fn is_external(plane: &Plane, name: &str, version: Option<&str>) -> bool {
    // Every key operation asks this first: read the cached records without copying them.
    let Ok(Some(key)) = store::get_key_cached(&plane.emu.store, &plane.key, name) else {
        return false;
    };
    let v = version
        .filter(|v| !v.is_empty())
        .map(str::to_ascii_lowercase)
        .unwrap_or_else(|| key.latest().to_string());
    matches!(
        store::get_version_cached(&plane.emu.store, &plane.key, &key.name, &v),
        Ok(Some(rec)) if rec.external_key_id.is_some()
    )
}

/// The route touches an external key in a way only [`serve`] handles.
pub fn routed_here(plane: &Plane, route: &Route) -> bool {
    match route {
        Route::KeyOperation { name, version, .. } | Route::KeyAttestation { name, version } => {
            is_external(plane, name, version.as_deref())
        }
        Route::KeyBackup { name } | Route::KeyRotate { name } => is_external(plane, name, None),
        _ => false,
    }
}

/// Serves a route on an external key (see [`routed_here`]).
pub async fn serve(
    plane: &Plane,
    hsm: &HsmRecord,
    method: &Method,
    route: &Route,
    body: &[u8],
) -> ApiResult<Response> {
    match route {
        Route::KeyOperation {
            name,
            version,
            op: op @ (KeyOp::Wrap | KeyOp::Unwrap),
        } => wrap(plane, hsm, name, version.as_deref(), *op, body).await,
        Route::KeyOperation { op, .. } => Err(unsupported(op.name())),
        Route::KeyRotate { .. } => Err(ApiError::bad_request(
            "OperationNotSupported",
            "An external key cannot be rotated by the HSM: the External Key Manager holds its material. Rotate it by creating a new version with a new external key id (POST /keys/{name}/create with attributes.external_key).",
        )),
        Route::KeyBackup { .. } => Err(ApiError::bad_request(
            "OperationNotSupported",
            "Backup of external keys is not supported: their material is in the External Key Manager.",
        )),
        _ => Err(unsupported(&route.operation_name(method))),
    }
}

fn external_id_ok(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `POST /keys/{name}/create` with `attributes.external_key`.
pub async fn create(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    body: &[u8],
) -> ApiResult<Response> {
    let p: KeyCreateParameters = params::json(body, "the key creation")?;
    let mut given = Vec::new();
    if !p.kty.is_empty() {
        given.push("kty");
    }
    if p.key_size.is_some() {
        given.push("key_size");
    }
    if p.crv.is_some() {
        given.push("crv");
    }
    if p.key_ops.is_some() {
        given.push("key_ops");
    }
    if p.public_exponent.is_some() {
        given.push("public_exponent");
    }
    let attrs = p.attributes.clone().unwrap_or_default();
    if attrs.exportable.is_some() {
        given.push("attributes.exportable");
    }
    if !given.is_empty() {
        return Err(bad(format!(
            "{} cannot be set for an external key: the External Key Manager decides the key's type, size and operations.",
            given.join(", ")
        )));
    }
    let ext = attrs.external_key.clone().unwrap_or_default();
    if !external_id_ok(&ext.id) {
        let shown: String = ext.id.chars().take(64).collect();
        return Err(bad(format!(
            "The external key id '{shown}' is not valid: 1-64 characters of a-z, A-Z, 0-9 and '-'."
        )));
    }
    // Nothing is written before the proxy has answered: a failure leaves the HSM unchanged.
    if let Some(k) = store::get_key(&plane.emu.store, &plane.key, name)?
        && k.deleted.is_some()
    {
        return Err(keys::deleted_conflict(&k.name));
    }
    let c = client(plane)?;
    let md = c.metadata(&ext.id).await?;
    let invalid = |m: String| {
        ApiError::new(
            axum::http::StatusCode::BAD_GATEWAY,
            "EkmProxyInvalidResponse",
            format!(
                "The EKM proxy's metadata of key '{}' is not usable: {m}.",
                ext.id
            ),
        )
    };
    let (kind, public) = match md.key_type.as_str() {
        "RSA" => {
            if !matches!(md.key_size, 2048 | 3072 | 4096) {
                return Err(invalid(format!(
                    "RSA size {} (2048, 3072 or 4096)",
                    md.key_size
                )));
            }
            let n = md.n.as_deref().and_then(proxy::from_b64url);
            let e = md.e.as_deref().and_then(proxy::from_b64url);
            let (Some(n), Some(e)) = (n, e) else {
                return Err(invalid("an RSA key needs 'n' and 'e' (base64url)".into()));
            };
            if n.len() * 8 != md.key_size as usize {
                return Err(invalid(format!(
                    "the modulus has {} bits, not key_size {}",
                    n.len() * 8,
                    md.key_size
                )));
            }
            (
                crate::crypto::keyops::KeyKind::Rsa,
                Jwk {
                    kty: Some("RSA-HSM".into()),
                    n: Some(b64url_encode(&n)),
                    e: Some(b64url_encode(&e)),
                    ..Default::default()
                },
            )
        }
        "oct" if md.key_size == 256 => (
            crate::crypto::keyops::KeyKind::Oct,
            Jwk {
                kty: Some("oct-HSM".into()),
                ..Default::default()
            },
        ),
        other => {
            return Err(invalid(format!(
                "key type '{other}' of {} bits (RSA 2048/3072/4096 or oct 256)",
                md.key_size
            )));
        }
    };
    let ops: Vec<String> = ["wrapKey", "unwrapKey"]
        .into_iter()
        .filter(|o| md.key_ops.iter().any(|m| m == o))
        .map(str::to_string)
        .collect();
    if ops.is_empty() {
        return Err(invalid("key_ops has neither wrapKey nor unwrapKey".into()));
    }
    let attrs_in = crate::wire::keys::KeyAttributes {
        external_key: None,
        ..attrs
    };
    let nv = params::new_version(
        kind,
        Some(&ops),
        Some(&attrs_in),
        p.tags.as_ref(),
        p.release_policy.as_ref(),
    )?;
    let size = md.key_size;
    let (key, v) =
        keys::store_version(plane, name, true, |_, version, now| store::VersionRecord {
            version: version.to_string(),
            public: public.clone(),
            size_bits: size,
            key_ops: nv.key_ops.clone(),
            enabled: nv.attrs.enabled,
            nbf: nv.attrs.nbf,
            exp: nv.attrs.exp,
            created: now,
            updated: now,
            exportable: false,
            tags: nv.tags.clone(),
            release_policy: None,
            sealed: String::new(),
            external_key_id: Some(ext.id.clone()),
        })?;
    keys::ok(keys::bundle(hsm, &key, &v))
}

/// wrapKey / unwrapKey of an external key version: the checks of any key (enabled, key_ops,
/// window), then the proxy.
async fn wrap(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    version: Option<&str>,
    op: KeyOp,
    body: &[u8],
) -> ApiResult<Response> {
    let key = keys::live_key(plane, name)?;
    let v = keys::version_of(plane, &key, version)?;
    ops::check(op, &v, plane.emu.clock.unix())?;
    let p: KeyOperationsParameters = params::json(body, "the key operation")?;
    let value = b64url_decode_lenient(&p.value)
        .map_err(|_| bad("The parameter 'value' is not valid base64url."))?;
    let rsa = v.public.kty.as_deref() == Some("RSA-HSM");
    let alg = match (rsa, p.alg.as_str()) {
        (true, "RSA-OAEP" | "RSA-OAEP-256") => p.alg.clone(),
        (false, "A256KW") => p.alg.clone(),
        (false, "CKM_AES_KEY_WRAP_PAD" | "A256KWP") => "A256KWP".into(),
        (_, other) => {
            let shown: String = other.chars().take(32).collect();
            return Err(bad(format!(
                "The algorithm '{shown}' is not supported for this external key: use {}.",
                if rsa {
                    "RSA-OAEP or RSA-OAEP-256"
                } else {
                    "A256KW or CKM_AES_KEY_WRAP_PAD"
                }
            )));
        }
    };
    let ext = v.external_key_id.clone().unwrap_or_default();
    let c = client(plane)?;
    let out = c.wrap(&ext, op == KeyOp::Wrap, &alg, &value).await?;
    keys::ok(KeyOperationResult {
        kid: Some(format!("{}keys/{}/{}", hsm.hsm_uri(), key.name, v.version)),
        value: b64url_encode(&out),
        iv: None,
        tag: None,
        aad: None,
    })
}
