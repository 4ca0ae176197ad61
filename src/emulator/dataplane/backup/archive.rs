//! The full-backup format: what one backup folder holds and how it is sealed.
//!
//! A folder `mhsm-{name}-{stamp}` holds sealed parts and, written last, `hsm_backup.json` (the
//! status document's name from N-35455): a manifest with the source HSM, the time, counts, the
//! security-domain check value and, per part, its size and SHA-256, authenticated by an
//! HMAC-SHA256. Parts are `nonce(12) ‖ AES-256-GCM(JSON)`, the additional data binding each to
//! its folder and name, so parts cannot be swapped between backups or renamed.
//!
//! Every key is derived (SP 800-108 HMAC-SHA512) from the HSM's **root key**, which the security
//! domain carries: only an HSM holding the same security domain (the source, or one recovered
//! from its security domain with `security-domain upload`) can open a backup. The 8-byte check
//! value tells "another security domain" from "damaged" precisely; the manifest MAC, sizes and
//! hashes tell "tampered" from "truncated". A folder without a manifest is not a backup (a
//! backup that failed midway).

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use aws_lc_rs::{digest, hmac};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::crypto::b64::{b64url_decode_lenient, b64url_encode};
use crate::crypto::kdf::sp800_108_hmac_sha512;
use crate::emulator::dataplane::keys::store::{KeyRecord, VersionRecord};
use crate::emulator::dataplane::rbac::AssignmentRecord;
use crate::wire::rbac::RoleDefinition;

/// The manifest's blob name inside a backup folder.
pub const MANIFEST: &str = "hsm_backup.json";
/// `format` of the manifest.
pub const FORMAT: &str = "mhsm-emulator/full-backup";
pub const FORMAT_VERSION: u32 = 1;
/// Keys per part: bounds the memory a part needs while keeping 5,000 keys to 10 blobs.
pub const KEYS_PER_PART: usize = 500;

/// One key version with its private material (`KeyMaterial::to_bytes()`, base64url).
#[derive(Serialize, Deserialize)]
pub struct VersionEntry {
    /// The version record with `sealed` emptied (the store seal is per HSM).
    pub record: VersionRecord,
    pub material: String,
}

/// One key: its record (versions, rotation policy, soft-delete state) and every version.
#[derive(Serialize, Deserialize)]
pub struct KeyEntry {
    pub key: KeyRecord,
    pub versions: Vec<VersionEntry>,
}

/// The local RBAC of the HSM: every role assignment and custom role definition.
#[derive(Default, Serialize, Deserialize)]
pub struct RbacEntry {
    pub assignments: Vec<AssignmentRecord>,
    pub definitions: Vec<RoleDefinition>,
}

/// What a backup holds, decrypted.
#[derive(Default)]
pub struct Contents {
    pub keys: Vec<KeyEntry>,
    pub rbac: RbacEntry,
}

impl Contents {
    pub fn counts(&self) -> Counts {
        Counts {
            keys: self.keys.iter().filter(|k| k.key.deleted.is_none()).count(),
            deleted_keys: self.keys.iter().filter(|k| k.key.deleted.is_some()).count(),
            key_versions: self.keys.iter().map(|k| k.versions.len()).sum(),
            role_assignments: self.rbac.assignments.len(),
            role_definitions: self.rbac.definitions.len(),
        }
    }
}

/// What the manifest says a backup holds (public, for listings and verification).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub keys: usize,
    pub deleted_keys: usize,
    pub key_versions: usize,
    pub role_assignments: usize,
    pub role_definitions: usize,
}

/// A part of the backup as the manifest lists it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PartRef {
    pub name: String,
    pub size: usize,
    pub sha256: String,
}

/// `hsm_backup.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub folder: String,
    pub hsm_name: String,
    pub hsm_uri: String,
    /// Unix seconds when the snapshot was taken.
    pub created: i64,
    /// Hex check value of the security domain that seals the backup.
    pub security_domain_check: String,
    pub counts: Counts,
    pub parts: Vec<PartRef>,
    /// base64url HMAC-SHA256 of this document serialised with `mac` empty.
    pub mac: String,
}

/// Why a backup cannot be opened; each maps to a job error.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ArchiveError {
    #[error(
        "The folder '{0}' does not hold a Managed HSM backup (no {MANIFEST}): give a folder written by a successful full backup."
    )]
    NotABackup(String),
    #[error(
        "The backup was made by an HSM with a different security domain: a backup restores only into the HSM it came from or an HSM recovered from the same security domain ('security-domain upload')."
    )]
    ForeignSecurityDomain,
    #[error("The backup is damaged or has been tampered with: {0}.")]
    Tampered(String),
    #[error("The backup is incomplete: {0}.")]
    Truncated(String),
    #[error("The backup has format {0} version {1}, which this emulator does not read.")]
    UnknownFormat(String, u32),
}

/// Keys derived from an HSM's root key.
pub struct Keys {
    enc: LessSafeKey,
    mac: hmac::Key,
    check: String,
}

impl Keys {
    pub fn derive(root: &[u8]) -> Keys {
        let enc = sp800_108_hmac_sha512(root, b"mhsm-emulator full backup", b"AES-256-GCM v1", 256);
        let mac = sp800_108_hmac_sha512(
            root,
            b"mhsm-emulator full backup manifest",
            b"HMAC-SHA256 v1",
            256,
        );
        let check = sp800_108_hmac_sha512(root, b"mhsm-emulator full backup check", b"", 64);
        Keys {
            enc: LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &enc).expect("32-byte key")),
            mac: hmac::Key::new(hmac::HMAC_SHA256, &mac),
            check: hex(&check),
        }
    }

    /// The security-domain check value written into manifests.
    pub fn check(&self) -> &str {
        &self.check
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn sha256_hex(b: &[u8]) -> String {
    hex(digest::digest(&digest::SHA256, b).as_ref())
}

fn aad(folder: &str, part: &str) -> Vec<u8> {
    format!("{folder}/{part}").into_bytes()
}

/// A sealed backup ready to be written: parts first, then the manifest.
pub struct Sealed {
    pub parts: Vec<(String, Vec<u8>)>,
    pub manifest: Manifest,
}

impl Sealed {
    pub fn manifest_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(&self.manifest).expect("manifest serializes")
    }
}

/// Seals `contents` as the backup folder `folder` of `hsm`.
pub fn seal(
    keys: &Keys,
    folder: &str,
    hsm_name: &str,
    hsm_uri: &str,
    created: i64,
    contents: &Contents,
) -> Sealed {
    let mut parts = Vec::new();
    let mut plain: Vec<(String, Zeroizing<Vec<u8>>)> = vec![(
        "rbac.bin".into(),
        Zeroizing::new(serde_json::to_vec(&contents.rbac).expect("rbac serializes")),
    )];
    for (i, chunk) in contents.keys.chunks(KEYS_PER_PART).enumerate() {
        plain.push((
            format!("keys-{i:05}.bin"),
            Zeroizing::new(serde_json::to_vec(chunk).expect("keys serialize")),
        ));
    }
    let mut refs = Vec::new();
    for (name, pt) in plain {
        let mut nonce = [0u8; NONCE_LEN];
        aws_lc_rs::rand::fill(&mut nonce).expect("system randomness");
        let mut buf = pt.to_vec();
        keys.enc
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(folder, &name).as_slice()),
                &mut buf,
            )
            .expect("AES-GCM sealing cannot fail");
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&buf);
        refs.push(PartRef {
            name: name.clone(),
            size: blob.len(),
            sha256: sha256_hex(&blob),
        });
        parts.push((name, blob));
    }
    let mut manifest = Manifest {
        format: FORMAT.into(),
        version: FORMAT_VERSION,
        folder: folder.into(),
        hsm_name: hsm_name.into(),
        hsm_uri: hsm_uri.into(),
        created,
        security_domain_check: keys.check.clone(),
        counts: contents.counts(),
        parts: refs,
        mac: String::new(),
    };
    manifest.mac = mac_of(keys, &manifest);
    Sealed { parts, manifest }
}

fn mac_of(keys: &Keys, m: &Manifest) -> String {
    let mut unsigned = m.clone();
    unsigned.mac = String::new();
    let bytes = serde_json::to_vec(&unsigned).expect("manifest serializes");
    b64url_encode(hmac::sign(&keys.mac, &bytes).as_ref())
}

/// Reads and authenticates a manifest.
pub fn open_manifest(keys: &Keys, folder: &str, bytes: &[u8]) -> Result<Manifest, ArchiveError> {
    let m: Manifest = serde_json::from_slice(bytes)
        .map_err(|_| ArchiveError::Tampered(format!("{MANIFEST} is not readable")))?;
    if m.format != FORMAT || m.version != FORMAT_VERSION {
        return Err(ArchiveError::UnknownFormat(m.format, m.version));
    }
    if m.security_domain_check != keys.check {
        return Err(ArchiveError::ForeignSecurityDomain);
    }
    let want = mac_of(keys, &m);
    let got = b64url_decode_lenient(&m.mac).unwrap_or_default();
    let want = b64url_decode_lenient(&want).unwrap_or_default();
    if aws_lc_rs::constant_time::verify_slices_are_equal(&got, &want).is_err() {
        return Err(ArchiveError::Tampered(format!(
            "the signature of {MANIFEST} does not verify"
        )));
    }
    if m.folder != folder {
        return Err(ArchiveError::Tampered(format!(
            "{MANIFEST} belongs to folder '{}', not '{folder}'",
            m.folder
        )));
    }
    Ok(m)
}

/// Opens one part listed by an authenticated manifest.
pub fn open_part(
    keys: &Keys,
    manifest: &Manifest,
    part: &PartRef,
    blob: Option<&[u8]>,
) -> Result<Zeroizing<Vec<u8>>, ArchiveError> {
    let Some(blob) = blob else {
        return Err(ArchiveError::Truncated(format!(
            "part {} is missing",
            part.name
        )));
    };
    if blob.len() != part.size {
        return Err(ArchiveError::Truncated(format!(
            "part {} has {} bytes, {} were written",
            part.name,
            blob.len(),
            part.size
        )));
    }
    if sha256_hex(blob) != part.sha256 || blob.len() < NONCE_LEN {
        return Err(ArchiveError::Tampered(format!(
            "part {} does not match its checksum",
            part.name
        )));
    }
    let (nonce, ct) = blob.split_at(NONCE_LEN);
    let mut buf = Zeroizing::new(ct.to_vec());
    let nonce = Nonce::try_assume_unique_for_key(nonce)
        .map_err(|_| ArchiveError::Tampered(format!("part {} is unreadable", part.name)))?;
    let pt = keys
        .enc
        .open_in_place(
            nonce,
            Aad::from(aad(&manifest.folder, &part.name).as_slice()),
            &mut buf,
        )
        .map_err(|_| ArchiveError::Tampered(format!("part {} does not authenticate", part.name)))?;
    Ok(Zeroizing::new(pt.to_vec()))
}

/// Decodes the opened parts into the backup's contents.
pub fn decode(
    manifest: &Manifest,
    parts: Vec<(String, Zeroizing<Vec<u8>>)>,
) -> Result<Contents, ArchiveError> {
    let mut c = Contents::default();
    let unreadable = |n: &str| ArchiveError::Tampered(format!("part {n} is not readable"));
    for (name, pt) in parts {
        if name == "rbac.bin" {
            c.rbac = serde_json::from_slice(&pt).map_err(|_| unreadable(&name))?;
        } else {
            let keys: Vec<KeyEntry> = serde_json::from_slice(&pt).map_err(|_| unreadable(&name))?;
            c.keys.extend(keys);
        }
    }
    if c.counts() != manifest.counts {
        return Err(ArchiveError::Tampered(
            "its contents do not match the counts of its manifest".into(),
        ));
    }
    Ok(c)
}

/// Decodes the base64url material of a version entry.
pub fn material(v: &VersionEntry) -> Result<Zeroizing<Vec<u8>>, ArchiveError> {
    b64url_decode_lenient(&v.material)
        .map(Zeroizing::new)
        .map_err(|_| ArchiveError::Tampered("key material is unreadable".into()))
}

/// Encodes material for a version entry.
pub fn encode_material(bytes: &[u8]) -> String {
    b64url_encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::keys::Jwk;

    fn contents(n: usize) -> Contents {
        let keys = (0..n)
            .map(|i| KeyEntry {
                key: KeyRecord {
                    name: format!("k{i}"),
                    versions: vec![format!("{i:032x}")],
                    rotation_policy: None,
                    deleted: None,
                },
                versions: vec![VersionEntry {
                    record: VersionRecord {
                        version: format!("{i:032x}"),
                        public: Jwk::default(),
                        size_bits: 256,
                        key_ops: vec![],
                        enabled: true,
                        nbf: None,
                        exp: None,
                        created: 1,
                        updated: 1,
                        exportable: false,
                        tags: None,
                        release_policy: None,
                        sealed: String::new(),
                        external_key_id: None,
                    },
                    material: encode_material(b"secret material"),
                }],
            })
            .collect();
        Contents {
            keys,
            rbac: RbacEntry::default(),
        }
    }

    fn open_all(keys: &Keys, folder: &str, s: &Sealed) -> Result<Contents, ArchiveError> {
        let m = open_manifest(keys, folder, &s.manifest_bytes())?;
        let mut parts = Vec::new();
        for p in &m.parts {
            let blob = s
                .parts
                .iter()
                .find(|(n, _)| *n == p.name)
                .map(|(_, b)| b.as_slice());
            parts.push((p.name.clone(), open_part(keys, &m, p, blob)?));
        }
        decode(&m, parts)
    }

    #[test]
    fn round_trip_in_parts_and_nothing_in_clear() {
        let keys = Keys::derive(&[7u8; 32]);
        let c = contents(KEYS_PER_PART + 3);
        let s = seal(&keys, "mhsm-a-2024", "a", "https://a/", 5, &c);
        assert_eq!(s.parts.len(), 3, "rbac + two key parts");
        for (_, b) in &s.parts {
            assert!(!b.windows(6).any(|w| w == b"secret"));
        }
        assert!(!String::from_utf8_lossy(&s.manifest_bytes()).contains("secret"));
        let back = open_all(&keys, "mhsm-a-2024", &s).unwrap();
        assert_eq!(back.keys.len(), KEYS_PER_PART + 3);
        assert_eq!(
            &material(&back.keys[0].versions[0]).unwrap()[..],
            b"secret material"
        );
        assert_eq!(s.manifest.counts.keys, KEYS_PER_PART + 3);
    }

    #[test]
    fn foreign_tampered_truncated_and_moved_backups_are_told_apart() {
        let keys = Keys::derive(&[7u8; 32]);
        let s = seal(&keys, "f", "a", "u", 5, &contents(2));
        // Another security domain.
        let other = Keys::derive(&[8u8; 32]);
        assert_eq!(
            open_all(&other, "f", &s).err(),
            Some(ArchiveError::ForeignSecurityDomain)
        );
        // A changed count in the manifest.
        let mut t = Sealed {
            parts: s.parts.clone(),
            manifest: s.manifest.clone(),
        };
        t.manifest.counts.keys = 1;
        assert!(matches!(
            open_all(&keys, "f", &t),
            Err(ArchiveError::Tampered(_))
        ));
        // A flipped bit in a part.
        let mut t = Sealed {
            parts: s.parts.clone(),
            manifest: s.manifest.clone(),
        };
        let last = t.parts[1].1.len() - 1;
        t.parts[1].1[last] ^= 1;
        assert!(matches!(
            open_all(&keys, "f", &t),
            Err(ArchiveError::Tampered(_))
        ));
        // A cut part, and a missing one.
        let mut t = Sealed {
            parts: s.parts.clone(),
            manifest: s.manifest.clone(),
        };
        t.parts[1].1.truncate(10);
        assert!(matches!(
            open_all(&keys, "f", &t),
            Err(ArchiveError::Truncated(_))
        ));
        t.parts.pop();
        assert!(matches!(
            open_all(&keys, "f", &t),
            Err(ArchiveError::Truncated(_))
        ));
        // A backup copied under another folder name.
        assert!(matches!(
            open_all(&keys, "g", &s),
            Err(ArchiveError::Tampered(_))
        ));
    }
}
