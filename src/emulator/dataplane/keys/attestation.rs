//! `GET /keys/{name}[/{version}]/attestation` — key attestation (service-facts.md §5.4): the
//! key bundle with `attributes.attestation = {certificatePemFile, privateKeyAttestation,
//! publicKeyAttestation, version}` (base64url members; `publicKeyAttestation` null for
//! symmetric keys).
//!
//! The service's blobs are HSM vendor (Marvell) binary attestations chained to the vendor's
//! root. The emulator has no hardware to attest, so its blobs are compact RS256 JWS signed by
//! an **emulated** HSM vendor whose certificates and statements say so (`emulated: true`, a
//! notice, subject names starting with "EMULATED"): what they prove is only that this emulator
//! holds the key of the attested public key.

use axum::response::Response;
use serde_json::json;

use super::store::{KeyRecord, VersionRecord};
use super::{Plane, bundle, kid, ok};
use crate::crypto::b64::b64url_encode;
use crate::crypto::key_attestation::statement;
use crate::crypto::keyops::KeyKind;
use crate::emulator::error::ApiResult;
use crate::emulator::hsm::HsmRecord;

/// `version` of the attestation format the emulator writes.
pub const ATTESTATION_VERSION: &str = "1.0";

pub fn attestation(
    plane: &Plane,
    hsm: &HsmRecord,
    key: &KeyRecord,
    v: &VersionRecord,
) -> ApiResult<Response> {
    let m = super::store::open(&plane.emu, &plane.key, &key.name, v)?;
    let spki = match v.kind() {
        KeyKind::Oct => None,
        _ => m.public_key_spki_der().ok(),
    };
    let id = kid(hsm, &key.name, Some(&v.version));
    let facts = json!({
        "kty": v.public.kty,
        "key_size": (v.kind() != KeyKind::Ec).then_some(v.size_bits),
        "crv": v.public.crv,
        "exportable": v.exportable,
        "origin": "generated or imported in mhsm-emulator (software)",
    });
    let now = v.created;
    let (private, chain) = plane.emu.attestation.sign_statement(&statement(
        "private",
        &id,
        &facts,
        spki.as_deref(),
        now,
    ))?;
    let public = match &spki {
        Some(s) => Some(
            plane
                .emu
                .attestation
                .sign_statement(&statement("public", &id, &facts, Some(s), now))?
                .0,
        ),
        None => None,
    };
    let mut b = bundle(hsm, key, v);
    b.attributes.attestation = Some(json!({
        "certificatePemFile": b64url_encode(chain.as_bytes()),
        "privateKeyAttestation": b64url_encode(private.as_bytes()),
        "publicKeyAttestation": public.map(|p| b64url_encode(p.as_bytes())),
        "version": ATTESTATION_VERSION,
    }));
    ok(b)
}
