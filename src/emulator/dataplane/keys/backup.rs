//! Single-key backup and restore (`POST /keys/{name}/backup`, `POST /keys/restore`).
//!
//! The blob is opaque to clients: base64url of `"MHKB" ‖ 0x01 ‖ kcv(8) ‖ nonce(12) ‖
//! AES-256-GCM(payload) ‖ tag`, where the payload is JSON of the key (name, every version with
//! its attributes, tags, release policy and private material, the rotation policy). The AES key
//! and the 8-byte key-check value `kcv` are derived (SP 800-108 HMAC-SHA512) from the HSM's
//! **root key**, which the security domain carries: a backup restores only into an HSM with the
//! same security domain (the original, or one recovered from its security domain). The kcv lets
//! a restore into another security domain fail with a precise 400 rather than "corrupt"; the
//! header is authenticated as GCM additional data.

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::crypto::b64::{b64url_decode_lenient, b64url_encode};
use crate::crypto::kdf::sp800_108_hmac_sha512;
use crate::crypto::keyops::KeyMaterial;
use crate::emulator::Emulator;
use crate::emulator::error::{ApiError, ApiResult};

use super::params::bad;
use super::store::{self, KeyRecord, RotationPolicyRecord, VersionRecord};

const MAGIC: &[u8; 4] = b"MHKB";
const FORMAT: u8 = 1;
const KCV_LEN: usize = 8;
const HEADER_LEN: usize = MAGIC.len() + 1 + KCV_LEN;
const TAG_LEN: usize = 16;

#[derive(Serialize, Deserialize)]
struct Payload {
    name: String,
    rotation_policy: Option<RotationPolicyRecord>,
    versions: Vec<BackupVersion>,
}

#[derive(Serialize, Deserialize)]
struct BackupVersion {
    /// The version record with `sealed` emptied.
    record: VersionRecord,
    /// base64url of `KeyMaterial::to_bytes()`.
    material: String,
}

fn derive(root: &[u8]) -> (Zeroizing<Vec<u8>>, Vec<u8>) {
    let key = sp800_108_hmac_sha512(root, b"mhsm-emulator key backup", b"AES-256-GCM v1", 256);
    let kcv = sp800_108_hmac_sha512(root, b"mhsm-emulator key backup check", b"", 64);
    (key, kcv.to_vec())
}

/// Encrypts a payload under `root`.
fn seal_blob(root: &[u8], payload: &[u8]) -> String {
    let (key, kcv) = derive(root);
    let mut header = MAGIC.to_vec();
    header.push(FORMAT);
    header.extend_from_slice(&kcv);
    let mut nonce = [0u8; NONCE_LEN];
    aws_lc_rs::rand::fill(&mut nonce).expect("system randomness");
    let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key).expect("32-byte key"));
    let mut buf = payload.to_vec();
    k.seal_in_place_append_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(&header[..]),
        &mut buf,
    )
    .expect("AES-GCM sealing cannot fail");
    let mut out = header;
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&buf);
    let s = b64url_encode(&out);
    buf.iter_mut().for_each(|b| *b = 0);
    s
}

/// Decrypts a blob under `root`, telling a foreign security domain from a damaged blob.
fn open_blob(root: &[u8], blob: &str) -> ApiResult<Zeroizing<Vec<u8>>> {
    let not_backup = || {
        bad(
            "The value is not a key backup: give the 'value' returned by a key backup of this emulator, unchanged.",
        )
    };
    let raw = b64url_decode_lenient(blob.trim()).map_err(|_| not_backup())?;
    if raw.len() < HEADER_LEN + NONCE_LEN + TAG_LEN || &raw[..MAGIC.len()] != MAGIC {
        return Err(not_backup());
    }
    if raw[MAGIC.len()] != FORMAT {
        return Err(bad(format!(
            "The key backup has format {} which this emulator does not know.",
            raw[MAGIC.len()]
        )));
    }
    let (key, kcv) = derive(root);
    if raw[MAGIC.len() + 1..HEADER_LEN] != kcv[..] {
        return Err(bad(
            "The key backup was made by an HSM with a different security domain: a key backup restores only into the HSM it came from or an HSM that shares its security domain (recovered from it with 'security-domain upload').",
        ));
    }
    let (header, rest) = raw.split_at(HEADER_LEN);
    let (nonce, ct) = rest.split_at(NONCE_LEN);
    let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key).expect("32-byte key"));
    let mut buf = Zeroizing::new(ct.to_vec());
    let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| not_backup())?;
    let pt = k
        .open_in_place(nonce, Aad::from(header), &mut buf)
        .map_err(|_| bad("The key backup is damaged: it does not authenticate."))?;
    Ok(Zeroizing::new(pt.to_vec()))
}

/// The backup blob of a live key.
pub fn backup(emu: &Emulator, hsm: &str, name: &str, root: &[u8]) -> ApiResult<String> {
    let key = store::get_key(&emu.store, hsm, name)?
        .filter(|k| k.deleted.is_none())
        .ok_or_else(|| super::key_not_found(name))?;
    let mut versions = Vec::new();
    for id in &key.versions {
        let v = store::get_version(&emu.store, hsm, &key.name, id)?
            .ok_or_else(|| ApiError::internal(format!("version {id} of {name} is missing")))?;
        let m = store::open(emu, hsm, &key.name, &v)?;
        let mut record = v;
        record.sealed = String::new();
        versions.push(BackupVersion {
            record,
            material: b64url_encode(&m.to_bytes()),
        });
    }
    let payload = Zeroizing::new(
        serde_json::to_vec(&Payload {
            name: key.name.clone(),
            rotation_policy: key.rotation_policy.clone(),
            versions,
        })
        .map_err(|e| ApiError::internal(e.to_string()))?,
    );
    Ok(seal_blob(root, &payload))
}

/// Restores a blob as a new key of this HSM; refuses a name in use (live or soft-deleted).
pub fn restore(
    emu: &Emulator,
    hsm: &str,
    blob: &str,
    root: &[u8],
) -> ApiResult<(KeyRecord, VersionRecord)> {
    let pt = open_blob(root, blob)?;
    let payload: Payload = serde_json::from_slice(&pt)
        .map_err(|_| bad("The key backup is damaged: its content is not readable."))?;
    if payload.versions.is_empty() || payload.name.is_empty() {
        return Err(bad("The key backup holds no key."));
    }
    let mut versions = Vec::new();
    for bv in payload.versions {
        let bytes = Zeroizing::new(
            b64url_decode_lenient(&bv.material)
                .map_err(|_| bad("The key backup is damaged: key material is unreadable."))?,
        );
        let m = KeyMaterial::from_bytes(&bytes)
            .map_err(|_| bad("The key backup is damaged: key material is unreadable."))?;
        let mut record = bv.record;
        record.sealed = store::seal(emu, hsm, &payload.name, &record.version, &m);
        versions.push(record);
    }
    let key = KeyRecord {
        name: payload.name.clone(),
        versions: versions.iter().map(|v| v.version.clone()).collect(),
        rotation_policy: payload.rotation_policy,
        deleted: None,
    };
    let name = payload.name;
    emu.store.write(|tx| {
        match store::tx_get_key(tx, hsm, &name)? {
            Some(k) if k.deleted.is_some() => return Err(super::deleted_conflict(&k.name)),
            Some(k) => {
                return Err(ApiError::conflict(
                    "Conflict",
                    format!(
                        "A key named {} already exists in this HSM: restore does not overwrite keys. Restore into another HSM, or delete and purge the key first.",
                        k.name
                    ),
                ));
            }
            None => {}
        }
        let count = store::tx_count_keys(tx, hsm)?;
        store::check_limits(None, count)?;
        for v in &versions {
            store::tx_put_version(tx, hsm, &name, v)?;
        }
        store::tx_put_key(tx, hsm, &key)?;
        Ok::<_, ApiError>(())
    })?;
    let latest = versions.pop().expect("non-empty");
    Ok((key, latest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_open_only_under_the_same_root_key() {
        let root = [7u8; 32];
        let blob = seal_blob(&root, b"{\"secret\":1}");
        assert!(!blob.contains('='));
        assert_eq!(&open_blob(&root, &blob).unwrap()[..], b"{\"secret\":1}");
        let other = open_blob(&[8u8; 32], &blob).unwrap_err();
        assert!(
            other.message.contains("different security domain"),
            "{}",
            other.message
        );
        // One flipped ciphertext bit: damaged, not foreign.
        let mut raw = b64url_decode_lenient(&blob).unwrap();
        let last = raw.len() - 1;
        raw[last] ^= 1;
        let e = open_blob(&root, &b64url_encode(&raw)).unwrap_err();
        assert!(e.message.contains("damaged"), "{}", e.message);
        // An unknown format byte is named as such.
        let mut raw = b64url_decode_lenient(&blob).unwrap();
        raw[4] = 9;
        assert!(
            open_blob(&root, &b64url_encode(&raw))
                .unwrap_err()
                .message
                .contains("format 9")
        );
        for junk in ["", "bm90IGEgYmFja3Vw", "***"] {
            assert!(
                open_blob(&root, junk)
                    .unwrap_err()
                    .message
                    .contains("not a key backup")
            );
        }
    }
}
