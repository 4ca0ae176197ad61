//! Keys of one HSM (rest-api.md §5.1, §5.2, §6–§9): create, import, get, list, update, soft
//! delete / recover / purge, backup and restore, rotation and rotation policies, the
//! cryptographic operations with their key checks, and random bytes. Handlers here are thin:
//! validation is in `params`, records in `store`, crypto in `ops`, blobs in `backup`, policies
//! and timed work in `rotation`, list pages in `paging`.
//!
//! Decisions where the service's behaviour is not documented (rest-api.md §15):
//! * **Errors.** Unknown key → 404 `KeyNotFound` "A key with (name/id) {name} was not found in
//!   this HSM." (the newer vault wording; `{name}/{version}` for an unknown version); unknown
//!   deleted key → 404 `KeyNotFound` "A deleted key with (name/id) {name} was not found in this
//!   HSM."; create/import/restore over a soft-deleted name → 409 `Conflict` + inner
//!   `ObjectIsDeletedButRecoverable` (§4 text); key checks → 403 `Forbidden` (see `ops`).
//! * **Purge protection.** Purging a deleted key before its scheduled purge date on an HSM
//!   with purge protection → 403 `Forbidden` "Operation \"purge\" is not allowed because purge
//!   protection is enabled for this HSM. …" (the vault family's text). Automatic purge at the
//!   scheduled date happens either way.
//! * **Create or import over a live name adds a version** (Key Vault semantics).
//! * **Versions of an unknown key** list as an empty page (the service's fixed behaviour, see
//!   azure-sdk-for-net#16444), not a 404.
//! * **Secure key release** (`release`): tokens of the emulator's attestation authority are
//!   verified as the service verifies MAA's, the release policy is evaluated per the grammar,
//!   and the key comes back wrapped to the token's runtime key in the HSM's JWS. Release
//!   policies are validated against the grammar at create/import/update, stored, returned and
//!   kept across backup/restore; an exportable key requires one (AKV.SKR.1004) and a
//!   non-exportable key refuses one (AKV.SKR.1005); an `immutable` policy cannot be changed.
//!   Purge protection is not required to create exportable keys, only to release them.
//! * **Secure wrap and unwrap** (`secure`): secure unwrap checks its `target` with release's
//!   code (and the wrapping key's release policy, if it has one) and returns the AES key wrapped
//!   to the token's runtime key with `CKM_RSA_AES_KEY_WRAP` (the format is the emulator's
//!   choice; see `secure`).
//! * **Key attestation** (`attestation`) is signed by an emulated HSM vendor that says so.
//! * **Export (preview)** answers 501 `NotImplemented` after the key lookup.
//! * **BYOK** (`key_hsm` in an import) is opened with a key-exchange key of this HSM; the
//!   refusals are listed in `byok`.
//! * **Limits** (§8.6): 5,000 keys per HSM (soft-deleted keys count) and 100 versions per key
//!   → 400 `BadParameter` + inner `QuotaExceeded`.
//! * **Private material** is only ever held sealed in the store (`KeyMaterial::to_bytes()`
//!   under the store key, bound to HSM/key/version) or inside AES-GCM key backups; responses
//!   carry public members only and the audit log records no bodies.

mod attestation;
pub mod backup;
mod byok;
pub(crate) mod ops;
mod paging;
pub(crate) mod params;
pub mod release;
pub mod rotation;
pub mod secure;
pub mod store;

use axum::Json;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

use super::Plane;
use super::routes::{KeyOp, Route};
use crate::crypto::jwk::JsonWebKey;
use crate::crypto::keyops::KeyMaterial;
use crate::emulator::Emulator;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::emulator::store::{StoreError, Tx};
use crate::wire::keys::{
    DeletionInfo, Jwk, KeyAttributes, KeyBundle, KeyCreateParameters, KeyImportParameters, KeyItem,
    KeyListResult, KeyRotationPolicy, KeyUpdateParameters, ValueBlob,
};
use params::{bad, json};
use store::{KeyDeletion, KeyRecord, VersionRecord};

/// `hsmPlatform` of keys (the current Managed HSM platform).
const HSM_PLATFORM: &str = "2";

/// Removes every key of an HSM (purge of the HSM).
pub fn purge_state(tx: &mut Tx<'_>, hsm: &str) -> Result<(), StoreError> {
    store::purge_state(tx, hsm)
}

/// Timed work on the keys of a live HSM (automatic purge and rotation).
pub fn housekeeping(emu: &Emulator, hsm: &str) {
    rotation::housekeeping(emu, hsm)
}

pub fn key_not_found(name: &str) -> ApiError {
    ApiError::not_found(
        "KeyNotFound",
        format!("A key with (name/id) {name} was not found in this HSM."),
    )
}

fn version_not_found(name: &str, version: &str) -> ApiError {
    ApiError::not_found(
        "KeyNotFound",
        format!("A key with (name/id) {name}/{version} was not found in this HSM."),
    )
}

fn deleted_not_found(name: &str) -> ApiError {
    ApiError::not_found(
        "KeyNotFound",
        format!("A deleted key with (name/id) {name} was not found in this HSM."),
    )
}

pub fn deleted_conflict(name: &str) -> ApiError {
    ApiError::conflict(
        "Conflict",
        format!(
            "Key {name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged."
        ),
    )
    .with_inner("ObjectIsDeletedButRecoverable")
}

fn not_implemented(msg: &str) -> ApiError {
    ApiError::new(StatusCode::NOT_IMPLEMENTED, "NotImplemented", msg)
}

// --- wire shapes --------------------------------------------------------------------------------

fn kid(hsm: &HsmRecord, name: &str, version: Option<&str>) -> String {
    match version {
        Some(v) => format!("{}keys/{name}/{v}", hsm.hsm_uri()),
        None => format!("{}keys/{name}", hsm.hsm_uri()),
    }
}

fn attributes(hsm: &HsmRecord, v: &VersionRecord) -> KeyAttributes {
    KeyAttributes {
        enabled: Some(v.enabled),
        nbf: v.nbf,
        exp: v.exp,
        created: Some(v.created),
        updated: Some(v.updated),
        recoverable_days: Some(hsm.retention_days as i64),
        recovery_level: Some(hsm.recovery_level().into()),
        exportable: Some(v.exportable),
        hsm_platform: Some(HSM_PLATFORM.into()),
        attestation: None,
        external_key: v
            .external_key_id
            .clone()
            .map(|id| crate::wire::keys::ExternalKey { id }),
    }
}

pub(crate) fn bundle(hsm: &HsmRecord, key: &KeyRecord, v: &VersionRecord) -> KeyBundle {
    KeyBundle {
        key: Jwk {
            kid: Some(kid(hsm, &key.name, Some(&v.version))),
            key_ops: Some(v.key_ops.clone()),
            ..v.public.clone()
        },
        attributes: attributes(hsm, v),
        tags: v.tags.clone(),
        managed: None,
        release_policy: v.release_policy.clone(),
        deletion: deletion(hsm, key),
    }
}

/// The deletion members of a deleted key's bundle or item.
fn deletion(hsm: &HsmRecord, key: &KeyRecord) -> DeletionInfo {
    key.deleted
        .as_ref()
        .map(|d| DeletionInfo {
            recovery_id: Some(recovery_id(hsm, &key.name)),
            deleted_date: Some(d.deleted_date),
            scheduled_purge_date: Some(d.scheduled_purge_date),
        })
        .unwrap_or_default()
}

fn recovery_id(hsm: &HsmRecord, name: &str) -> String {
    format!("{}deletedkeys/{name}", hsm.hsm_uri())
}

fn item(hsm: &HsmRecord, key: &KeyRecord, v: &VersionRecord, versioned: bool) -> KeyItem {
    KeyItem {
        kid: kid(hsm, &key.name, versioned.then_some(v.version.as_str())),
        attributes: attributes(hsm, v),
        tags: v.tags.clone(),
        managed: None,
        deletion: deletion(hsm, key),
    }
}

pub(crate) fn ok<T: serde::Serialize>(v: T) -> ApiResult<Response> {
    Ok(Json(v).into_response())
}

// --- lookups ------------------------------------------------------------------------------------

pub(crate) fn live_key(plane: &Plane, name: &str) -> ApiResult<KeyRecord> {
    store::get_key(&plane.emu.store, &plane.key, name)?
        .filter(|k| k.deleted.is_none())
        .ok_or_else(|| key_not_found(name))
}

fn deleted_key(plane: &Plane, name: &str) -> ApiResult<KeyRecord> {
    store::get_key(&plane.emu.store, &plane.key, name)?
        .filter(|k| k.deleted.is_some())
        .ok_or_else(|| deleted_not_found(name))
}

/// A version of `key` (`None` or empty = the latest).
pub(crate) fn version_of(
    plane: &Plane,
    key: &KeyRecord,
    version: Option<&str>,
) -> ApiResult<VersionRecord> {
    let wanted = match version.filter(|v| !v.is_empty()) {
        None => key.latest().to_string(),
        Some(v) => {
            let v = v.to_ascii_lowercase();
            if !store::is_version_id(&v) || !key.versions.contains(&v) {
                return Err(version_not_found(&key.name, &v));
            }
            v
        }
    };
    store::get_version(&plane.emu.store, &plane.key, &key.name, &wanted)?
        .ok_or_else(|| version_not_found(&key.name, &wanted))
}

// --- dispatch -----------------------------------------------------------------------------------

/// Serves a key route (RBAC and activation already passed).
pub fn handle(
    plane: &Plane,
    hsm: &HsmRecord,
    method: &Method,
    route: &Route,
    query: &HashMap<String, String>,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    let m = method.as_str();
    match (route, m) {
        (Route::Keys, _) => list_keys(plane, hsm, query, api_version),
        (Route::KeyCreate { name }, _) => create(plane, hsm, name, body),
        (
            Route::Key {
                name,
                version: None,
            },
            "PUT",
        ) => import(plane, hsm, name, body),
        (
            Route::Key {
                name,
                version: None,
            },
            "DELETE",
        ) => delete(plane, hsm, name),
        (Route::Key { name, version }, "GET") => {
            let key = live_key(plane, name)?;
            let v = version_of(plane, &key, version.as_deref())?;
            ok(bundle(hsm, &key, &v))
        }
        (Route::Key { name, version }, "PATCH") => {
            update(plane, hsm, name, version.as_deref(), body)
        }
        (Route::KeyVersions { name }, _) => list_versions(plane, hsm, name, query, api_version),
        (Route::KeyBackup { name }, _) => {
            let root = super::security_domain::ensure_root_key(plane)?;
            let value = backup::backup(&plane.emu, &plane.key, name, &root)?;
            ok(ValueBlob { value })
        }
        (Route::KeyRestoreBlob, _) => {
            let p: ValueBlob = json(body, "restore")?;
            let root = super::security_domain::ensure_root_key(plane)?;
            let (key, v) = backup::restore(&plane.emu, &plane.key, &p.value, &root)?;
            ok(bundle(hsm, &key, &v))
        }
        (Route::KeyRotate { name }, _) => {
            let (key, v) = rotation::rotate(&plane.emu, &plane.key, name, false)?
                .ok_or_else(|| ApiError::internal("rotation did not happen"))?;
            ok(bundle(hsm, &key, &v))
        }
        (Route::KeyRotationPolicy { name }, "GET") => {
            let key = live_key(plane, name)?;
            ok(rotation::to_wire(
                &hsm.hsm_uri(),
                &key.name,
                key.rotation_policy.as_ref(),
            ))
        }
        (Route::KeyRotationPolicy { name }, "PUT") => set_rotation_policy(plane, hsm, name, body),
        (Route::KeyOperation { name, version, op }, _) => {
            operation(plane, hsm, name, version.as_deref(), *op, body, api_version)
        }
        (Route::KeyAttestation { name, version }, _) => {
            let key = live_key(plane, name)?;
            let v = version_of(plane, &key, version.as_deref())?;
            attestation::attestation(plane, hsm, &key, &v)
        }
        (Route::DeletedKeys, _) => list_deleted(plane, hsm, query, api_version),
        (Route::DeletedKey { name }, "GET") => {
            let key = deleted_key(plane, name)?;
            let v = version_of(plane, &key, None)?;
            ok(bundle(hsm, &key, &v))
        }
        (Route::DeletedKey { name }, "DELETE") => purge(plane, hsm, name),
        (Route::DeletedKeyRecover { name }, _) => recover(plane, hsm, name),
        (Route::Rng, _) => ops::rng(body),
        _ => Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("{method} is not allowed on this key path."),
        )),
    }
}

// --- create, import, update ---------------------------------------------------------------------

/// Stores `m` as a new version of `name` (creating the key if needed).
fn add_version(
    plane: &Plane,
    name: &str,
    m: &KeyMaterial,
    nv: params::NewVersion,
) -> ApiResult<(KeyRecord, VersionRecord)> {
    let emu = &plane.emu;
    let h = plane.key.as_str();
    store_version(plane, name, false, |key_name, version, now| VersionRecord {
        version: version.to_string(),
        public: store::public_wire_jwk(m),
        size_bits: m.size_bits(),
        key_ops: nv.key_ops.clone(),
        enabled: nv.attrs.enabled,
        nbf: nv.attrs.nbf,
        exp: nv.attrs.exp,
        created: now,
        updated: now,
        exportable: nv.attrs.exportable,
        tags: nv.tags.clone(),
        release_policy: nv.release_policy.clone(),
        sealed: store::seal(emu, h, key_name, version, m),
        external_key_id: None,
    })
}

/// Stores the version `make(key name, version id, now)` as the new latest version of `name`
/// (creating the key if needed). A key is external or not for life: the service blocks
/// conversion both ways (ekm-and-emulators.md §1.1), so a version of the other kind is refused.
pub(crate) fn store_version(
    plane: &Plane,
    name: &str,
    external: bool,
    make: impl Fn(&str, &str, i64) -> VersionRecord,
) -> ApiResult<(KeyRecord, VersionRecord)> {
    let now = plane.emu.clock.unix();
    let h = plane.key.as_str();
    plane.emu.store.write(|tx| {
        let existing = store::tx_get_key(tx, h, name)?;
        if let Some(k) = &existing
            && k.deleted.is_some()
        {
            return Err(deleted_conflict(&k.name));
        }
        if let Some(k) = &existing
            && let Some(latest) = store::tx_get_version(tx, h, &k.name, k.latest())?
            && latest.external_key_id.is_some() != external
        {
            return Err(bad(format!(
                "Key {} is {} key and cannot get {} version: a key's type is fixed when it is created.",
                k.name,
                if external { "not an external" } else { "an external" },
                if external { "an external" } else { "a non-external" },
            )));
        }
        let count = match existing {
            None => store::tx_count_keys(tx, h)?,
            Some(_) => 0,
        };
        store::check_limits(existing.as_ref(), count)?;
        let mut k = existing.unwrap_or_else(|| KeyRecord {
            name: name.to_string(),
            versions: Vec::new(),
            rotation_policy: None,
            deleted: None,
        });
        let version = store::new_version_id();
        let v = make(&k.name, &version, now);
        store::tx_put_version(tx, h, &k.name, &v)?;
        k.versions.push(version);
        store::tx_put_key(tx, h, &k)?;
        Ok::<_, ApiError>((k, v))
    })
}

/// `POST /keys/{name}/create`.
fn create(plane: &Plane, hsm: &HsmRecord, name: &str, body: &[u8]) -> ApiResult<Response> {
    let p: KeyCreateParameters = json(body, "the key creation")?;
    // External keys (`attributes.external_key`) are created by `ekm::keys` (routed there).
    let (key, v) = create_key(plane, name, &p)?;
    ok(bundle(hsm, &key, &v))
}

/// Creates a key (or a new version of it) from validated-here parameters; shared with the ARM
/// `managedHSMs/keys` API.
pub fn create_key(
    plane: &Plane,
    name: &str,
    p: &KeyCreateParameters,
) -> ApiResult<(KeyRecord, VersionRecord)> {
    let spec = params::create_spec(p)?;
    let kind = params::kind(&p.kty)?;
    let nv = params::new_version(
        kind,
        p.key_ops.as_deref(),
        p.attributes.as_ref(),
        p.tags.as_ref(),
        p.release_policy.as_ref(),
    )?;
    // Refuse a soft-deleted name before spending time on key generation.
    if let Some(k) = store::get_key(&plane.emu.store, &plane.key, name)?
        && k.deleted.is_some()
    {
        return Err(deleted_conflict(&k.name));
    }
    let m = spec.generate()?;
    add_version(plane, name, &m, nv)
}

/// `PUT /keys/{name}`: a clear JWK (RSA with its private members, EC with `d`, oct with `k`).
fn import(plane: &Plane, hsm: &HsmRecord, name: &str, body: &[u8]) -> ApiResult<Response> {
    let p: KeyImportParameters = json(body, "the key import")?;
    let raw: serde_json::Value = json(body, "the key import")?;
    let jwk: JsonWebKey = serde_json::from_value(raw["key"].clone()).map_err(|e| {
        bad(format!(
            "The key to import is not a valid JSON web key: {e}."
        ))
    })?;
    if jwk.t.is_some() {
        return byok::import(plane, hsm, name, &p, &jwk);
    }
    let kty = jwk
        .kty
        .clone()
        .ok_or_else(|| bad("The key to import has no 'kty'."))?;
    let kind = params::kind(&kty)?;
    let m = KeyMaterial::from_jwk(&jwk).map_err(params::crypto_err)?;
    let ops = p.key.key_ops.clone();
    let nv = params::new_version(
        kind,
        ops.as_deref(),
        p.attributes.as_ref(),
        p.tags.as_ref(),
        p.release_policy.as_ref(),
    )?;
    let (key, v) = add_version(plane, name, &m, nv)?;
    ok(bundle(hsm, &key, &v))
}

/// `PATCH /keys/{name}[/{version}]`: key_ops, enabled/nbf/exp, tags, release policy.
fn update(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    version: Option<&str>,
    body: &[u8],
) -> ApiResult<Response> {
    let p: KeyUpdateParameters = json(body, "the key update")?;
    let key = live_key(plane, name)?;
    let current = version_of(plane, &key, version)?;
    let ops = match &p.key_ops {
        Some(o) => Some(params::key_ops(current.kind(), Some(o))?),
        None => None,
    };
    let tags = params::tags(p.tags.as_ref())?;
    let rp = params::release_policy(p.release_policy.as_ref())?;
    let now = plane.emu.clock.unix();
    let h = plane.key.as_str();
    let (key, v) = plane.emu.store.write(|tx| {
        let key = store::tx_get_key(tx, h, name)?
            .filter(|k| k.deleted.is_none())
            .ok_or_else(|| key_not_found(name))?;
        let mut v = store::tx_get_version(tx, h, &key.name, &current.version)?
            .ok_or_else(|| version_not_found(name, &current.version))?;
        if let Some(a) = &p.attributes {
            if let Some(e) = a.exportable
                && e != v.exportable
            {
                return Err(bad(
                    "The exportable attribute of a key cannot be changed after it is created.",
                ));
            }
            if let Some(e) = a.enabled {
                v.enabled = e;
            }
            if a.nbf.is_some() {
                v.nbf = a.nbf;
            }
            if a.exp.is_some() {
                v.exp = a.exp;
            }
            params::check_window(v.nbf, v.exp)?;
        }
        if let Some(o) = &ops {
            v.key_ops = o.clone();
        }
        if tags.is_some() {
            v.tags = tags.clone();
        }
        if let Some(new) = &rp {
            if !v.exportable {
                return Err(bad(params::NOT_EXPORTABLE_WITH_POLICY));
            }
            if let Some(old) = &v.release_policy
                && old.immutable == Some(true)
                && old != new
            {
                return Err(bad(format!(
                    "The release policy of key {} is immutable: it cannot be changed.",
                    key.name
                )));
            }
            v.release_policy = Some(new.clone());
        }
        v.updated = now;
        store::tx_put_version(tx, h, &key.name, &v)?;
        Ok::<_, ApiError>((key, v))
    })?;
    ok(bundle(hsm, &key, &v))
}

// --- lists --------------------------------------------------------------------------------------

fn list_keys(
    plane: &Plane,
    hsm: &HsmRecord,
    query: &HashMap<String, String>,
    api_version: &str,
) -> ApiResult<Response> {
    list_named(plane, hsm, query, api_version, false)
}

fn list_deleted(
    plane: &Plane,
    hsm: &HsmRecord,
    query: &HashMap<String, String>,
    api_version: &str,
) -> ApiResult<Response> {
    list_named(plane, hsm, query, api_version, true)
}

/// `GET /keys` or `GET /deletedkeys`: one page of keys (base kids, latest attributes).
fn list_named(
    plane: &Plane,
    hsm: &HsmRecord,
    query: &HashMap<String, String>,
    api_version: &str,
    deleted: bool,
) -> ApiResult<Response> {
    let max = paging::max_results(query)?;
    let after = paging::marker(query)?;
    let keys: Vec<(String, KeyRecord)> = store::list_keys(&plane.emu.store, &plane.key)?
        .into_iter()
        .filter(|(_, k)| k.deleted.is_some() == deleted)
        .collect();
    let (page, next) = paging::page(keys, after.as_deref(), max);
    let mut value = Vec::new();
    for k in page {
        if let Some(v) = store::get_version(&plane.emu.store, &plane.key, &k.name, k.latest())? {
            value.push(item(hsm, &k, &v, false));
        }
    }
    let path = if deleted { "deletedkeys" } else { "keys" };
    ok(KeyListResult {
        value,
        next_link: next.map(|m| paging::next_link(&hsm.hsm_uri(), path, api_version, &m, max)),
    })
}

/// `GET /keys/{name}/versions`: one page of versions, oldest first, versioned kids.
fn list_versions(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    query: &HashMap<String, String>,
    api_version: &str,
) -> ApiResult<Response> {
    let max = paging::max_results(query)?;
    let after = paging::marker(query)?;
    let Some(key) =
        store::get_key(&plane.emu.store, &plane.key, name)?.filter(|k| k.deleted.is_none())
    else {
        return ok(KeyListResult::default());
    };
    let ids: Vec<(String, String)> = key
        .versions
        .iter()
        .map(|v| (v.clone(), v.clone()))
        .collect();
    let (page_ids, next) = paging::page_ordered(ids, after.as_deref(), max);
    let mut value = Vec::new();
    for id in &page_ids {
        if let Some(v) = store::get_version(&plane.emu.store, &plane.key, &key.name, id)? {
            value.push(item(hsm, &key, &v, true));
        }
    }
    ok(KeyListResult {
        value,
        next_link: next.map(|m| {
            paging::next_link(
                &hsm.hsm_uri(),
                &format!("keys/{}/versions", key.name),
                api_version,
                &m,
                max,
            )
        }),
    })
}

// --- soft delete ------------------------------------------------------------------------------

/// `DELETE /keys/{name}`: soft-deletes the key with all its versions.
fn delete(plane: &Plane, hsm: &HsmRecord, name: &str) -> ApiResult<Response> {
    let now = plane.emu.clock.unix();
    let purge_at = now + hsm.retention_days as i64 * 86_400;
    let h = plane.key.as_str();
    let key = plane.emu.store.write(|tx| {
        let mut k = store::tx_get_key(tx, h, name)?
            .filter(|k| k.deleted.is_none())
            .ok_or_else(|| key_not_found(name))?;
        k.deleted = Some(KeyDeletion {
            deleted_date: now,
            scheduled_purge_date: purge_at,
        });
        store::tx_put_key(tx, h, &k)?;
        Ok::<_, ApiError>(k)
    })?;
    let v = version_of(plane, &key, None)?;
    ok(bundle(hsm, &key, &v))
}

/// `POST /deletedkeys/{name}/recover`.
fn recover(plane: &Plane, hsm: &HsmRecord, name: &str) -> ApiResult<Response> {
    let h = plane.key.as_str();
    let key = plane.emu.store.write(|tx| {
        let mut k = store::tx_get_key(tx, h, name)?
            .filter(|k| k.deleted.is_some())
            .ok_or_else(|| deleted_not_found(name))?;
        k.deleted = None;
        store::tx_put_key(tx, h, &k)?;
        Ok::<_, ApiError>(k)
    })?;
    let v = version_of(plane, &key, None)?;
    ok(bundle(hsm, &key, &v))
}

/// `DELETE /deletedkeys/{name}`: 204; refused under purge protection before the scheduled date.
fn purge(plane: &Plane, hsm: &HsmRecord, name: &str) -> ApiResult<Response> {
    let now = plane.emu.clock.unix();
    let h = plane.key.as_str();
    plane.emu.store.write(|tx| {
        let k = store::tx_get_key(tx, h, name)?
            .filter(|k| k.deleted.is_some())
            .ok_or_else(|| deleted_not_found(name))?;
        let d = k.deleted.expect("filtered");
        if hsm.purge_protection && now < d.scheduled_purge_date {
            return Err(ApiError::forbidden(
                "Forbidden",
                format!(
                    "Operation \"purge\" is not allowed because purge protection is enabled for this HSM. The service will purge key {} automatically after the retention period, on its scheduledPurgeDate ({}).",
                    k.name, d.scheduled_purge_date
                ),
            ));
        }
        store::tx_remove_key(tx, h, &k.name)?;
        Ok::<_, ApiError>(())
    })?;
    plane.emu.materials.evict(h, Some(name));
    Ok(StatusCode::NO_CONTENT.into_response())
}

// --- rotation policy, operations ---------------------------------------------------------------

/// `PUT /keys/{name}/rotationpolicy`.
fn set_rotation_policy(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    body: &[u8],
) -> ApiResult<Response> {
    let p: KeyRotationPolicy = json(body, "the rotation policy")?;
    live_key(plane, name)?;
    let now = plane.emu.clock.unix();
    let h = plane.key.as_str();
    let key = plane.emu.store.write(|tx| {
        let mut k = store::tx_get_key(tx, h, name)?
            .filter(|k| k.deleted.is_none())
            .ok_or_else(|| key_not_found(name))?;
        k.rotation_policy = Some(rotation::validate(&p, now, k.rotation_policy.as_ref())?);
        store::tx_put_key(tx, h, &k)?;
        Ok::<_, ApiError>(k)
    })?;
    ok(rotation::to_wire(
        &hsm.hsm_uri(),
        &key.name,
        key.rotation_policy.as_ref(),
    ))
}

/// `POST /keys/{name}[/{version}]/{op}`.
fn operation(
    plane: &Plane,
    hsm: &HsmRecord,
    name: &str,
    version: Option<&str>,
    op: KeyOp,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    let key = live_key(plane, name)?;
    let v = version_of(plane, &key, version)?;
    match op {
        KeyOp::Release => {
            // Served asynchronously by `release::release` (it fetches the authority's keys).
            return Err(ApiError::internal("release is not served here"));
        }
        KeyOp::Export => {
            return Err(not_implemented(
                "Key export (a preview API) is not supported by mhsm-emulator.",
            ));
        }
        _ => {}
    }
    match op {
        KeyOp::SecureWrap => return secure::secure_wrap(plane, hsm, &key, &v, body, api_version),
        KeyOp::SecureUnwrap => {
            // Served asynchronously by `secure::secure_unwrap` (it verifies the target token).
            return Err(ApiError::internal("secure unwrap is not served here"));
        }
        _ => {}
    }
    ops::check(op, &v, plane.emu.clock.unix())?;
    let m = store::open_cached(&plane.emu, &plane.key, &key.name, &v)?;
    ops::run(op, &m, &kid(hsm, &key.name, Some(&v.version)), body)
}
