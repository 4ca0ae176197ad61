//! BYOK import (`PUT /keys/{name}` whose JWK carries `key_hsm`): the key transfer blob of
//! Microsoft's BYOK specification, opened with a key-exchange key (KEK) of this HSM.
//!
//! `key_hsm` is the whole `.byok` file (az sends the file's bytes, base64url; the spec says
//! "the entire contents of the .byok file"); its `header.kid` names the KEK, whose private key
//! opens `CKM_RSA_AES_KEY_WRAP` (`crypto::byok`). The import's `kty` (and `crv`) say what the
//! blob must contain. Every check runs before anything is stored, so a refused blob imports
//! nothing.
//!
//! The KEK rules are the specification's: an RSA-HSM key of 2048/3072/4096 bits in the same
//! HSM whose `key_ops` are exactly `["import"]` (so it can be used for nothing else: every
//! other operation is refused by the key_ops check). The service's error texts for BYOK are not
//! documented; the emulator answers (decisions, README):
//! * a blob that is not a `.byok` document, or names an unsupported `enc`/`alg` → 400
//!   `BadParameter`;
//! * a `header.kid` that is not a key of this HSM (another HSM, a missing key or version) →
//!   400 `BadParameter` naming the kid;
//! * a KEK that is not RSA, or whose `key_ops` are not exactly `["import"]` → 400
//!   `BadParameter`; a KEK without `import`, disabled, expired or not yet valid → 403
//!   `Forbidden` with the wording of the other key checks ("Operation import is not permitted on
//!   this key." …);
//! * a ciphertext that does not open (made for another KEK, or corrupted) → 400 `BadParameter`;
//! * a key the HSM refuses (RSA other than 2048/3072/4096, another curve, AES other than
//!   128/192/256) or that does not match `kty`/`crv` → 400 `BadParameter`.

use axum::response::Response;

use super::params::{self, bad, crypto_err};
use super::{Plane, add_version, bundle, ok, store};
use crate::crypto::byok::{ByokError, TransferBlob, rsa_aes_key_unwrap};
use crate::crypto::jwk::JsonWebKey;
use crate::crypto::keyops::{Curve, KeyKind, KeyMaterial};
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::wire::keys::KeyImportParameters;

/// The one `key_ops` a KEK has.
const IMPORT: &str = "import";

/// `PUT /keys/{name}` with `key_hsm`.
pub(super) fn import(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    p: &KeyImportParameters,
    jwk: &JsonWebKey,
) -> ApiResult<Response> {
    let blob_bytes = jwk.t.as_deref().unwrap_or_default();
    let kty = jwk
        .kty
        .clone()
        .ok_or_else(|| bad("The key to import has no 'kty'."))?;
    let kind = params::kind(&kty)?;
    let wanted_curve = match (&jwk.crv, kind) {
        (Some(c), KeyKind::Ec) => Some(Curve::from_jwk_name(c).map_err(|_| {
            bad(format!(
                "The curve '{c}' is not supported: use P-256, P-256K, P-384 or P-521."
            ))
        })?),
        (Some(c), _) => {
            return Err(bad(format!(
                "The curve '{c}' cannot be used with a key of type {kty}: 'crv' applies to EC keys only."
            )));
        }
        (None, _) => None,
    };
    let blob = TransferBlob::parse(blob_bytes).map_err(|e| {
        bad(format!(
            "The key_hsm of the key to import is not a valid BYOK key transfer blob: {e}."
        ))
    })?;
    let ciphertext = blob
        .ciphertext_bytes()
        .map_err(|e| bad(format!("The BYOK key transfer blob is not valid: {e}.")))?;
    // Validate the rest of the request before any private-key work.
    let nv = params::new_version(
        kind,
        p.key.key_ops.as_deref(),
        p.attributes.as_ref(),
        p.tags.as_ref(),
        p.release_policy.as_ref(),
    )?;
    let kek = open_kek(plane, hsm, &blob.header.kid)?;
    let plaintext = rsa_aes_key_unwrap(&kek, &ciphertext).map_err(|e| match e {
        ByokError::Unwrap => bad(format!(
            "The BYOK key transfer blob cannot be unwrapped with the key exchange key {}: it was made for another key exchange key, or it is corrupted.",
            blob.header.kid
        )),
        other => bad(format!("The BYOK key transfer blob is not valid: {other}.")),
    })?;
    let m = match kind {
        KeyKind::Oct => KeyMaterial::from_oct_bytes(&plaintext),
        KeyKind::Rsa | KeyKind::Ec => KeyMaterial::from_pkcs8_der(&plaintext),
    }
    .map_err(|e| {
        let e = crypto_err(e);
        bad(format!(
            "The key in the BYOK key transfer blob cannot be imported as {}: {}",
            kind.hsm_kty(),
            e.message
        ))
    })?;
    if m.kind() != kind {
        return Err(bad(format!(
            "The key in the BYOK key transfer blob is an {} key, but the import says kty {kty}.",
            m.kind().hsm_kty()
        )));
    }
    if let (Some(want), Some(got)) = (wanted_curve, m.curve())
        && want != got
    {
        return Err(bad(format!(
            "The key in the BYOK key transfer blob is on curve {got}, but the import says crv {want}."
        )));
    }
    let (key, v) = add_version(plane, name, &m, nv)?;
    ok(bundle(hsm, &key, &v))
}

/// Finds and checks the KEK named by `kid`, and opens its private key.
fn open_kek(plane: &Plane, hsm: &HsmRecord, kid: &str) -> ApiResult<KeyMaterial> {
    let not_here = || {
        bad(format!(
            "The key exchange key {kid} named by the BYOK key transfer blob is not a key of this HSM: the KEK must be in the HSM the key is imported into."
        ))
    };
    let (name, version) = kid_in_hsm(hsm, kid).ok_or_else(not_here)?;
    let key = store::get_key(&plane.emu.store, &plane.key, &name)?
        .filter(|k| k.deleted.is_none())
        .ok_or_else(not_here)?;
    let version = match version {
        Some(v) if key.versions.contains(&v) => v,
        Some(_) => return Err(not_here()),
        None => key.latest().to_string(),
    };
    let v = store::get_version(&plane.emu.store, &plane.key, &key.name, &version)?
        .ok_or_else(not_here)?;
    if v.kind() != KeyKind::Rsa {
        return Err(bad(format!(
            "The key exchange key {kid} is a {} key: a KEK is an RSA-HSM key of 2048, 3072 or 4096 bits.",
            v.kind().hsm_kty()
        )));
    }
    // The key checks of every operation (enabled, key_ops, nbf/exp), for "import".
    let forbidden = |msg: String| ApiError::forbidden("Forbidden", msg);
    if !v.enabled {
        return Err(forbidden(
            "Operation import is not allowed on a disabled key.".into(),
        ));
    }
    if !v.key_ops.iter().any(|o| o == IMPORT) {
        return Err(forbidden(
            "Operation import is not permitted on this key.".into(),
        ));
    }
    if v.key_ops.len() != 1 {
        return Err(bad(format!(
            "The key exchange key {kid} has key_ops [{}]: a KEK must have key_ops [\"import\"] only.",
            v.key_ops.join(", ")
        )));
    }
    let now = plane.emu.clock.unix();
    if let Some(nbf) = v.nbf
        && now < nbf
    {
        return Err(forbidden(format!(
            "Operation import is not allowed on this key before its activation time (nbf {nbf})."
        )));
    }
    if let Some(exp) = v.exp
        && now >= exp
    {
        return Err(forbidden(format!(
            "Operation import is not allowed on an expired key (exp {exp})."
        )));
    }
    store::open(&plane.emu, &plane.key, &key.name, &v)
}

/// `(name, version)` of a kid of this HSM: `https://{this host:port}/keys/{name}[/{version}]`.
fn kid_in_hsm(hsm: &HsmRecord, kid: &str) -> Option<(String, Option<String>)> {
    let u = url::Url::parse(kid).ok()?;
    let own = url::Url::parse(&hsm.hsm_uri()).ok()?;
    if u.scheme() != "https"
        || !u.host_str()?.eq_ignore_ascii_case(own.host_str()?)
        || u.port_or_known_default() != own.port_or_known_default()
    {
        return None;
    }
    let seg: Vec<&str> = u.path_segments()?.filter(|s| !s.is_empty()).collect();
    match seg.as_slice() {
        [k, n] if k.eq_ignore_ascii_case("keys") => Some((n.to_string(), None)),
        [k, n, v] if k.eq_ignore_ascii_case("keys") => {
            Some((n.to_string(), Some(v.to_ascii_lowercase())))
        }
        _ => None,
    }
}
