//! Storage of keys: one `KeyRecord` per key name (its version list, rotation policy and
//! soft-delete state) and one `VersionRecord` per version (public JWK, attributes, tags, release
//! policy, and the private material sealed with the emulator's store key, bound to
//! HSM/key/version). Key names are case-insensitive like Key Vault's: records are keyed by the
//! lower-cased name and keep the spelling of the first create.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::crypto::keyops::{Curve, KeyKind, KeyMaterial};
use crate::emulator::Emulator;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::store::{Store, StoreError, Tx};
use crate::wire::keys::{Jwk, KeyReleasePolicy, LifetimeAction};

/// Keys, keyed `<hsm>/<lower-cased name>`.
pub const KEYS: &str = "keys";
/// Key versions, keyed `<hsm>/<lower-cased name>/<version>`.
pub const KEY_VERSIONS: &str = "key_versions";

/// Keys per HSM (rest-api.md §8.6). Soft-deleted keys count until they are purged: they still
/// occupy the HSM (the service's accounting is not documented).
pub const MAX_KEYS: usize = 5000;
/// Versions per key, rotations included (rest-api.md §8.6).
pub const MAX_VERSIONS: usize = 100;

/// Soft-delete facts of a deleted key (Unix seconds).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct KeyDeletion {
    pub deleted_date: i64,
    pub scheduled_purge_date: i64,
}

/// A stored rotation policy (durations kept as the caller spelled them, validated).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RotationPolicyRecord {
    pub lifetime_actions: Vec<LifetimeAction>,
    pub expiry_time: Option<String>,
    pub created: i64,
    pub updated: i64,
}

/// A key: all its versions share the name, soft delete and rotation policy.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct KeyRecord {
    /// The name as first created.
    pub name: String,
    /// Version ids, oldest first; the last one is the current ("latest") version.
    pub versions: Vec<String>,
    #[serde(default)]
    pub rotation_policy: Option<RotationPolicyRecord>,
    #[serde(default)]
    pub deleted: Option<KeyDeletion>,
}

impl KeyRecord {
    pub fn latest(&self) -> &str {
        self.versions.last().map(String::as_str).unwrap_or_default()
    }
}

/// One key version. Everything but `sealed` is public.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct VersionRecord {
    pub version: String,
    /// Public JWK members (`kty` in the `-HSM` form, `n`/`e` or `crv`/`x`/`y`); no kid, no ops.
    pub public: Jwk,
    pub size_bits: u32,
    pub key_ops: Vec<String>,
    pub enabled: bool,
    pub nbf: Option<i64>,
    pub exp: Option<i64>,
    pub created: i64,
    pub updated: i64,
    pub exportable: bool,
    pub tags: Option<BTreeMap<String, String>>,
    pub release_policy: Option<KeyReleasePolicy>,
    /// `KeyMaterial::to_bytes()` sealed by the store key (empty inside a backup payload, and
    /// for an external key, whose material stays in the External Key Manager).
    pub sealed: String,
    /// The EKM key id of an external key version (no material here: wrap/unwrap go to the
    /// HSM's EKM proxy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_key_id: Option<String>,
}

impl VersionRecord {
    pub fn kind(&self) -> KeyKind {
        KeyKind::from_kty(self.public.kty.as_deref().unwrap_or_default()).unwrap_or(KeyKind::Oct)
    }

    pub fn curve(&self) -> Option<Curve> {
        self.public
            .crv
            .as_deref()
            .and_then(|c| Curve::from_jwk_name(c).ok())
    }
}

pub fn lname(name: &str) -> String {
    name.to_ascii_lowercase()
}

fn key_id(hsm: &str, name: &str) -> String {
    format!("{hsm}/{}", lname(name))
}

fn version_id(hsm: &str, name: &str, version: &str) -> String {
    format!("{hsm}/{}/{version}", lname(name))
}

fn seal_context(hsm: &str, name: &str, version: &str) -> String {
    format!("hsm/{hsm}/key/{}/{version}", lname(name))
}

/// A new version id: 32 lower-case hex characters (rest-api.md §5).
pub fn new_version_id() -> String {
    let mut b = [0u8; 16];
    aws_lc_rs::rand::fill(&mut b).expect("system randomness");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Whether `v` has the shape of a version id.
pub fn is_version_id(v: &str) -> bool {
    v.len() == 32 && v.bytes().all(|c| c.is_ascii_hexdigit())
}

/// The public JWK of `m` in wire form.
pub fn public_wire_jwk(m: &KeyMaterial) -> Jwk {
    let j = m.public_jwk();
    serde_json::to_value(&j)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Seals key material for `hsm/name/version`.
pub fn seal(emu: &Emulator, hsm: &str, name: &str, version: &str, m: &KeyMaterial) -> String {
    seal_bytes(emu, hsm, name, version, &m.to_bytes())
}

/// Seals serialized key material (`KeyMaterial::to_bytes()`) for `hsm/name/version`.
pub fn seal_bytes(emu: &Emulator, hsm: &str, name: &str, version: &str, bytes: &[u8]) -> String {
    emu.sealer.seal(&seal_context(hsm, name, version), bytes)
}

/// Opens the serialized material of a version (full backups move it without parsing it).
pub fn open_bytes(
    emu: &Emulator,
    hsm: &str,
    name: &str,
    v: &VersionRecord,
) -> ApiResult<zeroize::Zeroizing<Vec<u8>>> {
    emu.sealer
        .open(&seal_context(hsm, name, &v.version), &v.sealed)
        .map_err(ApiError::internal)
}

/// Opens the material of a version.
pub fn open(emu: &Emulator, hsm: &str, name: &str, v: &VersionRecord) -> ApiResult<KeyMaterial> {
    let bytes = open_bytes(emu, hsm, name, v)?;
    KeyMaterial::from_bytes(&bytes).map_err(|e| ApiError::internal(e.to_string()))
}

/// Opens the material of a version through `emu.materials`: the key operations' path, which
/// would otherwise decrypt and parse (and aws-lc re-check) the private key on every request.
pub fn open_cached(
    emu: &Emulator,
    hsm: &str,
    name: &str,
    v: &VersionRecord,
) -> ApiResult<std::sync::Arc<KeyMaterial>> {
    let id = version_id(hsm, name, &v.version);
    if let Some(m) = emu.materials.get(&id, &v.sealed) {
        return Ok(m);
    }
    let m = std::sync::Arc::new(open(emu, hsm, name, v)?);
    emu.materials.insert(id, &v.sealed, m.clone());
    Ok(m)
}

/// Parsed private key material of recently used key versions, keyed by version id.
///
/// An entry is the material of exactly one sealed value: it serves a request only when the
/// version record just read (fresh from the store, with its enabled/nbf/exp/key_ops checked
/// before) carries the same sealed string, so no write — rotation (a new version id), update,
/// restore of a backup (a new sealed value), soft delete (the record is not read as live) —
/// can make it serve stale material. Purges evict their keys' entries ([`MaterialCache::evict`])
/// so that no purged key stays in memory; the cache holds at most [`MaterialCache::CAPACITY`]
/// versions.
#[derive(Default)]
pub struct MaterialCache {
    entries:
        std::sync::Mutex<std::collections::HashMap<String, (String, std::sync::Arc<KeyMaterial>)>>,
}

impl MaterialCache {
    /// Versions kept (a full cache is emptied: the working set of a signing workload is small,
    /// and 5,000 keys' worth of parsed RSA keys would cost tens of MiB).
    pub const CAPACITY: usize = 512;

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<
        '_,
        std::collections::HashMap<String, (String, std::sync::Arc<KeyMaterial>)>,
    > {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, id: &str, sealed: &str) -> Option<std::sync::Arc<KeyMaterial>> {
        self.lock()
            .get(id)
            .filter(|(s, _)| s == sealed)
            .map(|(_, m)| m.clone())
    }

    fn insert(&self, id: String, sealed: &str, m: std::sync::Arc<KeyMaterial>) {
        let mut entries = self.lock();
        if entries.len() >= Self::CAPACITY && !entries.contains_key(&id) {
            entries.clear();
        }
        entries.insert(id, (sealed.to_string(), m));
    }

    /// Drops the entries of one key (`name`) or, without a name, of a whole HSM.
    pub fn evict(&self, hsm: &str, name: Option<&str>) {
        let prefix = match name {
            Some(n) => format!("{}/", key_id(hsm, n)),
            None => format!("{hsm}/"),
        };
        self.lock().retain(|id, _| !id.starts_with(&prefix));
    }

    /// How many versions are cached.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A key's record (decoded once per committed write, like [`get_version`]).
pub fn get_key(store: &Store, hsm: &str, name: &str) -> ApiResult<Option<KeyRecord>> {
    Ok(get_key_cached(store, hsm, name)?.map(|k| (*k).clone()))
}

/// A key's record as cached (shared, not copied: for the checks every request makes).
pub fn get_key_cached(
    store: &Store,
    hsm: &str,
    name: &str,
) -> ApiResult<Option<std::sync::Arc<KeyRecord>>> {
    Ok(store.get_cached::<KeyRecord>(KEYS, &key_id(hsm, name))?)
}

/// A version's record as cached (shared, not copied).
pub fn get_version_cached(
    store: &Store,
    hsm: &str,
    name: &str,
    version: &str,
) -> ApiResult<Option<std::sync::Arc<VersionRecord>>> {
    Ok(store.get_cached::<VersionRecord>(KEY_VERSIONS, &version_id(hsm, name, version))?)
}

/// A version's record (decoded once per committed write: key operations read it per request).
pub fn get_version(
    store: &Store,
    hsm: &str,
    name: &str,
    version: &str,
) -> ApiResult<Option<VersionRecord>> {
    Ok(get_version_cached(store, hsm, name, version)?.map(|v| (*v).clone()))
}

/// Every key of an HSM (live and deleted), by lower-cased name.
pub fn list_keys(store: &Store, hsm: &str) -> ApiResult<Vec<(String, KeyRecord)>> {
    let prefix = format!("{hsm}/");
    Ok(store
        .list::<KeyRecord>(KEYS, &prefix)?
        .into_iter()
        .map(|(k, r)| (k[prefix.len()..].to_string(), r))
        .collect())
}

pub fn tx_get_key(tx: &mut Tx<'_>, hsm: &str, name: &str) -> Result<Option<KeyRecord>, StoreError> {
    tx.get(KEYS, &key_id(hsm, name))
}

pub fn tx_get_version(
    tx: &mut Tx<'_>,
    hsm: &str,
    name: &str,
    version: &str,
) -> Result<Option<VersionRecord>, StoreError> {
    tx.get(KEY_VERSIONS, &version_id(hsm, name, version))
}

pub fn tx_put_key(tx: &mut Tx<'_>, hsm: &str, k: &KeyRecord) -> Result<(), StoreError> {
    tx.put(KEYS, &key_id(hsm, &k.name), k)
}

pub fn tx_put_version(
    tx: &mut Tx<'_>,
    hsm: &str,
    name: &str,
    v: &VersionRecord,
) -> Result<(), StoreError> {
    tx.put(KEY_VERSIONS, &version_id(hsm, name, &v.version), v)
}

/// How many keys (live and soft-deleted) an HSM holds.
pub fn tx_count_keys(tx: &mut Tx<'_>, hsm: &str) -> Result<usize, StoreError> {
    Ok(tx
        .list::<serde_json::Value>(KEYS, &format!("{hsm}/"))?
        .len())
}

/// Removes a key and all its versions.
pub fn tx_remove_key(tx: &mut Tx<'_>, hsm: &str, name: &str) -> Result<(), StoreError> {
    tx.delete(KEYS, &key_id(hsm, name))?;
    tx.delete_prefix(KEY_VERSIONS, &format!("{}/", key_id(hsm, name)))?;
    Ok(())
}

/// Removes every key of an HSM (purge of the HSM).
pub fn purge_state(tx: &mut Tx<'_>, hsm: &str) -> Result<(), StoreError> {
    tx.delete_prefix(KEYS, &format!("{hsm}/"))?;
    tx.delete_prefix(KEY_VERSIONS, &format!("{hsm}/"))?;
    Ok(())
}

/// Why a new key or version cannot be stored.
pub fn check_limits(existing_key: Option<&KeyRecord>, keys_in_hsm: usize) -> ApiResult<()> {
    match existing_key {
        None if keys_in_hsm >= MAX_KEYS => Err(ApiError::bad_request(
            "BadParameter",
            format!(
                "This HSM already holds {MAX_KEYS} keys (soft-deleted keys count until they are purged), the Managed HSM limit. Delete and purge keys that are no longer needed."
            ),
        )
        .with_inner("QuotaExceeded")),
        Some(k) if k.versions.len() >= MAX_VERSIONS => Err(ApiError::bad_request(
            "BadParameter",
            format!(
                "Key {} already has {MAX_VERSIONS} versions, the Managed HSM limit per key (rotations count). Create a new key instead.",
                k.name
            ),
        )
        .with_inner("QuotaExceeded")),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_ids_are_32_lower_hex_and_unique() {
        let a = new_version_id();
        let b = new_version_id();
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
        );
        assert_ne!(a, b);
        assert!(is_version_id(&a));
        assert!(!is_version_id("xyz"));
        assert!(!is_version_id(&format!("{a}0")));
    }

    #[test]
    fn limits() {
        let mut k = KeyRecord {
            name: "k".into(),
            versions: vec!["v".into(); MAX_VERSIONS - 1],
            rotation_policy: None,
            deleted: None,
        };
        assert!(check_limits(None, MAX_KEYS - 1).is_ok());
        let e = check_limits(None, MAX_KEYS).unwrap_err();
        assert_eq!(e.status.as_u16(), 400);
        assert!(e.message.contains("5000"));
        // A new version of an existing key is not limited by the key count.
        assert!(check_limits(Some(&k), MAX_KEYS).is_ok());
        k.versions.push("v".into());
        let e = check_limits(Some(&k), 1).unwrap_err();
        assert!(e.message.contains("100 versions"), "{}", e.message);
    }

    #[test]
    fn purge_of_an_hsm_removes_its_keys_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.redb")).unwrap();
        let key = |name: &str| KeyRecord {
            name: name.into(),
            versions: vec!["v1".into()],
            rotation_policy: None,
            deleted: None,
        };
        store
            .write(|tx| {
                for hsm in ["a", "ab"] {
                    for name in ["k", "k-2"] {
                        tx_put_key(tx, hsm, &key(name))?;
                        tx.put(KEY_VERSIONS, &version_id(hsm, name, "v1"), &1u32)?;
                    }
                }
                tx_remove_key(tx, "ab", "k")?;
                purge_state(tx, "a")
            })
            .unwrap();
        assert!(list_keys(&store, "a").unwrap().is_empty());
        let left: Vec<String> = list_keys(&store, "ab")
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(left, ["k-2"]);
        assert_eq!(store.list::<u32>(KEY_VERSIONS, "").unwrap().len(), 1);
        assert_eq!(get_key(&store, "ab", "K-2").unwrap().unwrap().name, "k-2");
    }

    #[test]
    fn material_cache_serves_only_the_sealed_value_it_was_filled_with() {
        let c = MaterialCache::default();
        let m = |bits| std::sync::Arc::new(KeyMaterial::generate_oct(bits).unwrap());
        c.insert(version_id("h", "k", "v1"), "sealed-1", m(128));
        c.insert(version_id("h", "k-2", "v1"), "sealed-2", m(256));
        c.insert(version_id("h2", "k", "v1"), "sealed-3", m(256));
        let got = c.get("h/k/v1", "sealed-1").unwrap();
        assert_eq!(got.size_bits(), 128);
        // The same version id with another sealed value (restored, rewritten): not served.
        assert!(c.get("h/k/v1", "sealed-other").is_none());
        // A purge of key `k` leaves `k-2` and the other HSM.
        c.evict("h", Some("K"));
        assert!(c.get("h/k/v1", "sealed-1").is_none());
        assert!(c.get("h/k-2/v1", "sealed-2").is_some());
        c.evict("h", None);
        assert!(c.get("h/k-2/v1", "sealed-2").is_none());
        assert_eq!(c.len(), 1);
        // Bounded: a full cache starts over.
        for i in 0..MaterialCache::CAPACITY + 3 {
            c.insert(format!("h/k/{i}"), "s", got.clone());
        }
        assert!(c.len() <= MaterialCache::CAPACITY);
    }

    #[test]
    fn records_are_prefix_safe() {
        // `<hsm>/<name>/` must not match another key whose name extends it.
        assert_eq!(key_id("h", "AbC"), "h/abc");
        assert_eq!(version_id("h", "Ab", "v"), "h/ab/v");
        assert!(
            !format!("{}/", key_id("h", "ab-c")).starts_with(&format!("{}/", key_id("h", "ab")))
        );
        assert_eq!(seal_context("h", "K", "v"), "hsm/h/key/k/v");
    }
}
