//! The security-domain models and procedures: the SD file (§3), HSM-side creation (§10),
//! client-side share recovery (§4 "Recovery", §7.3 matching loop), datum decryption and the
//! restore blob (§8), the emulator's opening of a restore blob (§10 last bullet), and the
//! offline quorum drill. Section numbers refer to `shared/docs/security-domain.md`.
//!
//! Indices in the returned reports are **0-based** (`key_index`, `share_index`); every
//! human-readable message uses **1-based** `#n` numbering ("wrapping key #1", "share #2"),
//! matching the order of the command line and of `enc_shares` in the file.
//!
//! Where we are deliberately stricter or clearer than az (§11 "Recommendations"):
//! * the same key given twice is refused up front (az computes a zero master key and crashes:
//!   run N4), and two shares with the same x coordinate are refused (§4);
//! * a share that fails authentication is skipped **with a recorded reason** (az skips
//!   silently: run G), and "Insufficient shares available." says how many shares were found,
//!   which keys matched nothing and why shares were skipped (runs N5/N6);
//! * a key that cannot RSA-decrypt the share its certificate designates is a clear error naming
//!   the key (az aborts with a library exception);
//! * a datum that does not authenticate under the recovered master key is a clear error (az
//!   crashes on the next step);
//! * keys without a known certificate thumbprint are matched by trial decryption, so no `.cer`
//!   file is required (az requires `<key path minus extension>.cer`, §7.3).

use std::fmt;

// Randomness always comes from the caller (`&dyn SecureRandom`), keeping the module pure.
use aws_lc_rs::rand::SecureRandom;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::cert::{Certificate, RsaPublic};
use super::jwe::{self, KID_NOT_USED};
use super::kdf::sd_datum_cek;
use super::privkey::RsaPrivate;
use super::pyjson::PyJson;
use super::sd_error::{CryptoError, Result, fill_random};
use super::shamir::{self, Share};

/// `EncData.kdf` value written on output (ignored on input, §3).
// Constants of the format (§3 table, §10).
pub const KDF_NAME: &str = "sp108_kdf";
/// The only `SharedKeys.key_algorithm` az accepts (§3).
pub const KEY_ALGORITHM: &str = "shamir_share";
/// `version` written on output (ignored on input, §3).
pub const SD_VERSION: u64 = 2;
/// az's accepted range for `required` (§3, §7.1).
pub const MIN_REQUIRED: u8 = 2;
/// az's accepted range for `required` (§3, §7.1).
pub const MAX_REQUIRED: u8 = 10;
/// Master-key length produced by the service (§10, inferred from 80-byte share ciphertexts).
pub const MASTER_KEY_LEN: usize = 32;

/// One `EncData.data[]` entry: a `dir` JWE under KDF(master, tag).
#[derive(Clone, Debug, PartialEq, Eq)]
// The file model keeps only what az reads or writes; `version` and `kdf` are constants on
// output and ignored on input (§3), unknown members are dropped.
pub struct EncDatum {
    /// KDF label and datum JWE `kid`; real values: hsm_backup, base_enclave_backup,
    /// partition_enclave_backup (§3).
    pub tag: String,
    /// `dir` compact JWE of the datum plaintext (§6).
    pub compact_jwe: String,
}

/// One `SharedKeys.enc_shares[]` entry: a share JWE wrapped to the certificate `x5t_256`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncShare {
    /// b64url SHA-256 thumbprint of the wrapping certificate (how az finds a key's share).
    pub x5t_256: String,
    /// RSA-OAEP-256 compact JWE whose payload is the share (§4 encoding).
    pub enc_key: String,
}

/// A parsed security-domain file (§3). Contains only encrypted material; safe to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecurityDomainFile {
    /// `EncData.data`, in file order (the order datums are re-encrypted in, §8 step 3).
    pub data: Vec<EncDatum>,
    /// `SharedKeys.enc_shares`, in file order (= download-request certificate order, §10).
    pub enc_shares: Vec<EncShare>,
    /// `SharedKeys.required` (M), validated to 2..=10.
    pub required: u8,
}

// Structural problems az does not diagnose (it would crash with a KeyError/TypeError):
// reported as "Invalid SD file: …" so they still start like az's own message.
fn invalid(detail: impl fmt::Display) -> CryptoError {
    CryptoError::InvalidSdFile(format!("Invalid SD file: {detail}"))
}

fn str_member(obj: &Map<String, Value>, name: &str, ctx: &str) -> Result<String> {
    obj.get(name)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| invalid(format!("{ctx} has no string \"{name}\"")))
}

impl SecurityDomainFile {
    /// Parses an SD file with az's leniency (§3): `version` and `kdf` are ignored, unknown
    /// members tolerated, whitespace/formatting irrelevant, a UTF-8 BOM skipped. Also accepted
    /// (our addition): the raw download response `{"value": "<SD JSON>"}`.
    ///
    /// Checks in az's order with az's messages: `EncData` and `SharedKeys` present
    /// ("Invalid SD file."), `required` in 2..=10, `key_algorithm == "shamir_share"`; then the
    /// structure az would trip over later.
    pub fn parse(text: &str) -> Result<SecurityDomainFile> {
        // Notepad-style BOMs are harmless; serde_json would reject them.
        let text = text.trim_start_matches('\u{feff}');
        let mut root: Value = serde_json::from_str(text).map_err(|e| {
            CryptoError::InvalidSdFile(format!("Invalid SD file. (It is not valid JSON: {e}.)"))
        })?;
        // A saved download response: unwrap the string in "value".
        // A saved download response: unwrap the string in "value" (the service returns the SD
        // as a JSON string inside `{"value": …}`, §9.1).
        if root.get("EncData").is_none()
            && let Some(inner) = root.get("value").and_then(Value::as_str)
            && let Ok(v) = serde_json::from_str::<Value>(inner)
        {
            root = v;
        }
        // az: `if 'EncData' not in data or 'SharedKeys' not in data: raise "Invalid SD file."`.
        let (Some(enc_data), Some(shared)) = (
            root.get("EncData").and_then(Value::as_object),
            root.get("SharedKeys").and_then(Value::as_object),
        ) else {
            return Err(CryptoError::InvalidSdFile("Invalid SD file.".into()));
        };
        // az: `if not 2 <= required <= 10` (a non-integer also fails here).
        let required = shared
            .get("required")
            .and_then(Value::as_u64)
            .filter(|r| (MIN_REQUIRED as u64..=MAX_REQUIRED as u64).contains(r))
            .ok_or_else(|| {
                CryptoError::InvalidSdFile(format!(
                    "Invalid SD file: the value of \"required\" should be in range [{MIN_REQUIRED}, {MAX_REQUIRED}]."
                ))
            })? as u8;
        // az: `if key_algorithm != 'shamir_share'`, printing the value as Python would (None
        // when absent).
        let alg = shared.get("key_algorithm");
        if alg.and_then(Value::as_str) != Some(KEY_ALGORITHM) {
            let shown = match alg {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => "None".into(),
            };
            return Err(CryptoError::UnsupportedSharedKeysAlgorithm(shown));
        }
        // From here on: structure az assumes without checking.
        let shares = shared
            .get("enc_shares")
            .and_then(Value::as_array)
            .ok_or_else(|| invalid("\"SharedKeys.enc_shares\" is missing or not a list"))?;
        let enc_shares = shares
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let ctx = format!("share #{}", i + 1);
                let o = s
                    .as_object()
                    .ok_or_else(|| invalid(format!("{ctx} is not an object")))?;
                Ok(EncShare {
                    x5t_256: str_member(o, "x5t_256", &ctx)?,
                    enc_key: str_member(o, "enc_key", &ctx)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let data = enc_data
            .get("data")
            .and_then(Value::as_array)
            .ok_or_else(|| invalid("\"EncData.data\" is missing or not a list"))?
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let ctx = format!("datum #{}", i + 1);
                let o = d
                    .as_object()
                    .ok_or_else(|| invalid(format!("{ctx} is not an object")))?;
                Ok(EncDatum {
                    tag: str_member(o, "tag", &ctx)?,
                    compact_jwe: str_member(o, "compact_jwe", &ctx)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(SecurityDomainFile {
            data,
            enc_shares,
            required,
        })
    }

    /// Service-style text (§2, §10): compact, keys sorted, `"kdf":"sp108_kdf"`, `"version":2`.
    /// (serde_json's map is a BTreeMap here — `preserve_order` is never enabled — so keys come
    /// out sorted: `EncData < SharedKeys < version`, `data < kdf`, `compact_jwe < tag`,
    /// `enc_shares < key_algorithm < required`, `enc_key < x5t_256`.)
    pub fn to_service_json(&self) -> String {
        // serde_json::json! maps are BTreeMaps here, so sorting is automatic and `to_string()`
        // is compact: exactly the service's byte layout (vector files round-trip identically).
        let data: Vec<Value> = self
            .data
            .iter()
            .map(|d| serde_json::json!({"compact_jwe": d.compact_jwe, "tag": d.tag}))
            .collect();
        let shares: Vec<Value> = self
            .enc_shares
            .iter()
            .map(|s| serde_json::json!({"enc_key": s.enc_key, "x5t_256": s.x5t_256}))
            .collect();
        serde_json::json!({
            "EncData": {"data": data, "kdf": KDF_NAME},
            "SharedKeys": {"enc_shares": shares, "key_algorithm": KEY_ALGORITHM, "required": self.required},
            "version": SD_VERSION,
        })
        .to_string()
    }

    /// az's up-front check that at least `required` key files were given (runs N1, N5).
    pub fn check_wrapping_key_count(&self, given: usize) -> Result<()> {
        // az checks the number of key *paths* before loading any key (§8 step 1).
        if given < self.required as usize {
            return Err(CryptoError::TooFewWrappingKeys {
                given,
                required: self.required,
            });
        }
        Ok(())
    }

    /// Indices of the shares wrapped to the certificate with this SHA-256 thumbprint.
    pub fn shares_for_thumbprint(&self, x5t_s256: &str) -> Vec<usize> {
        self.enc_shares
            .iter()
            .enumerate()
            .filter(|(_, s)| s.x5t_256 == x5t_s256)
            .map(|(i, _)| i)
            .collect()
    }
}

// ------------------------------------------------------------------------------------------
// HSM side (the emulator's `POST /securitydomain/download`)
// ------------------------------------------------------------------------------------------

/// A certificate from the download request, reduced to what share wrapping needs.
#[derive(Clone, Debug, PartialEq, Eq)]
// The emulator builds these from the download request: RsaPublic from JWK n/e (or from
// x5c[0]) and the JWK's `x5t#S256`, which becomes the share's `x5t_256`.
pub struct ShareRecipient {
    pub public: RsaPublic,
    /// b64url SHA-256 of the certificate DER (the JWK's `x5t#S256`).
    pub x5t_s256: String,
}

impl ShareRecipient {
    pub fn from_certificate(cert: &Certificate) -> ShareRecipient {
        ShareRecipient {
            public: cert.public.clone(),
            x5t_s256: cert.x5t_s256.clone(),
        }
    }
}

/// Builds an SD the way the service does (§10) and returns the parsed model: master key split
/// M-of-N over GF(257) with a fresh polynomial per byte; share i (x = i + 1) wrapped with
/// RSA-OAEP-256 to recipient i in request order, `kid` "not used"; each datum encrypted as
/// `dir` with CEK = KDF(master, tag) and header `{"alg":"dir","enc":"A256CBC-HS512","kid":tag}`.
pub fn create_security_domain_file<T: AsRef<str>, P: AsRef<[u8]>>(
    recipients: &[ShareRecipient],
    required: u8,
    master_key: &[u8; MASTER_KEY_LEN],
    datums: &[(T, P)],
    rng: &dyn SecureRandom,
) -> Result<SecurityDomainFile> {
    // Only produce files az can consume (§10 item 2).
    if !(MIN_REQUIRED..=MAX_REQUIRED).contains(&required) {
        return Err(CryptoError::InvalidSplit(format!(
            "the quorum must be in range [{MIN_REQUIRED}, {MAX_REQUIRED}] (az refuses other values), got {required}"
        )));
    }
    let n = u8::try_from(recipients.len())
        .ok()
        .filter(|n| *n >= required && *n <= shamir::MAX_SHARES)
        .ok_or_else(|| {
            CryptoError::InvalidSplit(format!(
                "{} certificates for a quorum of {required}: need between {required} and {}",
                recipients.len(),
                shamir::MAX_SHARES
            ))
        })?;
    // §10 items 3–4: share i (x = i + 1) wrapped to certificate i, RSA-OAEP-256, kid
    // "not used", payload = 64 little-endian bytes for a 32-byte master key.
    let shares = shamir::split(master_key, required, n, rng)?;
    let enc_shares = shares
        .iter()
        .zip(recipients)
        .map(|(share, r)| {
            Ok(EncShare {
                x5t_256: r.x5t_s256.clone(),
                enc_key: jwe::encrypt_rsa_oaep256(&r.public, KID_NOT_USED, &share.to_bytes(), rng)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // §10 item 5: CEK = HMAC-SHA512(K, BE32(1) || tag || 0x00 || BE32(512)), header
    // {"alg":"dir","enc":"A256CBC-HS512","kid":tag}, fresh IV per datum.
    let data = datums
        .iter()
        .map(|(tag, pt)| {
            let tag = tag.as_ref();
            let cek = sd_datum_cek(master_key, tag);
            Ok(EncDatum {
                tag: tag.to_string(),
                compact_jwe: jwe::encrypt_dir(&cek, tag, pt.as_ref(), rng)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(SecurityDomainFile {
        data,
        enc_shares,
        required,
    })
}

/// [`create_security_domain_file`] serialized in service style — the string the emulator puts
/// in the download response's `value`.
pub fn create_security_domain<T: AsRef<str>, P: AsRef<[u8]>>(
    recipients: &[ShareRecipient],
    required: u8,
    master_key: &[u8; MASTER_KEY_LEN],
    datums: &[(T, P)],
    rng: &dyn SecureRandom,
) -> Result<String> {
    Ok(
        create_security_domain_file(recipients, required, master_key, datums, rng)?
            .to_service_json(),
    )
}

// ------------------------------------------------------------------------------------------
// Client side: share recovery (§4 "Recovery", §7.3)
// ------------------------------------------------------------------------------------------

/// How a key was matched to shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
// Reported per key so the CLI can explain *why* a key matched or did not.
pub enum MatchMethod {
    /// Like az: by the certificate's SHA-256 thumbprint against `enc_shares[].x5t_256`.
    Thumbprint,
    /// No certificate known: every share was tried; RSA failure means "not this key's share".
    TrialDecryption,
}

/// What one wrapping key contributed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyReport {
    /// 0-based position in the `keys` argument.
    pub key_index: usize,
    pub matched_by: MatchMethod,
    /// 0-based indices into `enc_shares` that this key decrypted and that were used.
    pub opened_shares: Vec<usize>,
    /// Human-readable remarks (no match, skipped shares …).
    pub notes: Vec<String>,
}

/// A share that was decrypted by RSA but then rejected (tag mismatch, malformed…), or whose
/// token is unusable. az skips such shares silently (run G); we record why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedShare {
    /// 0-based index into `enc_shares`.
    pub share_index: usize,
    /// 0-based index of the key that tried it.
    pub key_index: usize,
    pub reason: String,
}

/// The result of [`recover_master_key`]. `Debug` redacts the master key.
// Holds the master key: zeroized on drop (Zeroizing) and never printed (manual Debug).
pub struct Recovery {
    /// The reconstructed master key (32 bytes for service-made files).
    pub master_key: Zeroizing<Vec<u8>>,
    /// 0-based share indices combined, in the order they were collected (exactly `required`).
    pub used_shares: Vec<usize>,
    /// One report per key that was examined (keys after the quorum was reached are not).
    pub keys: Vec<KeyReport>,
    pub skipped: Vec<SkippedShare>,
}

impl fmt::Debug for Recovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Recovery")
            .field(
                "master_key",
                &format_args!("<{} bytes redacted>", self.master_key.len()),
            )
            .field("used_shares", &self.used_shares)
            .field("keys", &self.keys)
            .field("skipped", &self.skipped)
            .finish()
    }
}

/// Refuses a key given twice (same public key): it would open the same share twice (run N4).
fn check_duplicate_keys(keys: &[(RsaPrivate, Option<String>)], required: u8) -> Result<()> {
    // Compare public keys, so the same key loaded from two files (e.g. PKCS#1 and PKCS#8
    // copies) is caught too.
    for (j, (kj, _)) in keys.iter().enumerate() {
        if let Some(i) = keys[..j]
            .iter()
            .position(|(ki, _)| ki.public() == kj.public())
        {
            return Err(CryptoError::DuplicateKey {
                first: i + 1,
                second: j + 1,
                required,
            });
        }
    }
    Ok(())
}

/// Outcome of one attempt to open one share with one key.
// Separating "not mine" (RSA failure) from "unusable" (RSA worked, the rest did not)
// is what allows matching keys to shares without certificates.
enum Attempt {
    Opened(Share),
    /// RSA key transport failed: not this key's share.
    NotMine(String),
    /// Token or payload unusable (auth failure, malformed, unsupported).
    Unusable(String),
}

fn try_open(sd: &SecurityDomainFile, key: &RsaPrivate, share_index: usize) -> Result<Attempt> {
    // Order inside decrypt_rsa: header/enc/alg checks → RSA unwrap → tag → decrypt.
    match jwe::decrypt_rsa(key, &sd.enc_shares[share_index].enc_key) {
        Ok(bytes) => match Share::from_bytes(&bytes) {
            Ok(s) => Ok(Attempt::Opened(s)),
            Err(e) => Ok(Attempt::Unusable(format!(
                "the decrypted share is invalid: {e}"
            ))),
        },
        // RSA-OAEP decryption with the wrong key fails with overwhelming probability.
        Err(CryptoError::RsaDecryptionFailed(r)) => Ok(Attempt::NotMine(r)),
        Err(
            e @ (CryptoError::AuthenticationFailed
            | CryptoError::MalformedJwe(_)
            | CryptoError::UnsupportedJweAlgorithm { .. }),
        ) => Ok(Attempt::Unusable(e.to_string())),
        // Anything else (aws-lc internal errors) is unexpected: propagate.
        Err(other) => Err(other),
    }
}

/// Shares collected so far with their indices; refuses a second share with the same x.
// Collected shares in collection order: az combines the first `required` it finds.
struct Collected {
    shares: Vec<(usize, Share)>,
}

impl Collected {
    fn has(&self, share_index: usize) -> bool {
        self.shares.iter().any(|(i, _)| *i == share_index)
    }

    fn push(&mut self, share_index: usize, share: Share) -> Result<()> {
        // Same x from two different entries: az would silently derive garbage (§4).
        if let Some((other, _)) = self.shares.iter().find(|(_, s)| s.x == share.x) {
            return Err(CryptoError::DuplicateShare(format!(
                "shares #{} and #{} of the SD file carry the same Shamir x coordinate ({}): the \
                 file is inconsistent (a share was duplicated), so the master key cannot be recovered \
                 from them",
                other + 1,
                share_index + 1,
                share.x
            )));
        }
        self.shares.push((share_index, share));
        Ok(())
    }
}

fn short(s: &str) -> String {
    // By characters, not bytes: a hostile file may put non-ASCII text here.
    if s.chars().count() > 16 {
        format!("{}…", s.chars().take(12).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Recovers the master key from the SD's shares with the given wrapping keys (§4, §7.3).
///
/// `keys[i] = (private key, SHA-256 thumbprint of its certificate if known)`, tried in order;
/// recovery stops as soon as `required` shares are held (like az). With a thumbprint the key
/// opens the shares whose `x5t_256` equals it (RSA failure there is an error naming the key);
/// without one, every not-yet-opened share is tried and RSA failures just mean "not this one".
/// Shares that do not authenticate are skipped and recorded.
pub fn recover_master_key(
    sd: &SecurityDomainFile,
    keys: &[(RsaPrivate, Option<String>)],
) -> Result<Recovery> {
    // az's up-front checks first (N1/N5), then our duplicate-key check (N4).
    sd.check_wrapping_key_count(keys.len())?;
    check_duplicate_keys(keys, sd.required)?;
    let required = sd.required as usize;
    let mut got = Collected { shares: Vec::new() };
    let mut reports = Vec::new();
    let mut skipped: Vec<SkippedShare> = Vec::new();
    // az's loop (§7.3): keys in the given order, each opening the shares that match it,
    // stopping as soon as `required` shares are held.
    for (ki, (key, thumb)) in keys.iter().enumerate() {
        if got.shares.len() >= required {
            break;
        }
        let mut report = KeyReport {
            key_index: ki,
            matched_by: if thumb.is_some() {
                MatchMethod::Thumbprint
            } else {
                MatchMethod::TrialDecryption
            },
            opened_shares: Vec::new(),
            notes: Vec::new(),
        };
        // With a certificate: exactly the shares with that x5t_256 (az). Without: all shares,
        // in file order (trial decryption).
        let candidates: Vec<usize> = match thumb {
            Some(t) => {
                let c = sd.shares_for_thumbprint(t);
                if c.is_empty() {
                    report.notes.push(format!(
                        "no share in the SD file is wrapped to its certificate (x5t#S256 {t})"
                    ));
                }
                c
            }
            None => (0..sd.enc_shares.len()).collect(),
        };
        // Unlike recovery, every candidate is tried (no early stop), so each key's status is
        // known even when others already meet the quorum.
        for si in candidates {
            if got.shares.len() >= required {
                break;
            }
            // A share already opened, or already found unusable by a trial key, is not retried.
            if got.has(si)
                || skipped
                    .iter()
                    .any(|s| s.share_index == si && thumb.is_none())
            {
                continue;
            }
            match try_open(sd, key, si)? {
                Attempt::Opened(share) => {
                    got.push(si, share)?;
                    report.opened_shares.push(si);
                }
                // With a thumbprint the share is designated for this key, so RSA failure means the
                // key file and the certificate do not belong together: a hard error, as in az.
                Attempt::NotMine(reason) => {
                    if let Some(t) = thumb {
                        return Err(CryptoError::ShareKeyMismatch {
                            key: ki + 1,
                            share: si + 1,
                            x5t_256: t.clone(),
                            reason,
                        });
                    }
                }
                // az skips such shares silently (run G); we skip and remember why.
                Attempt::Unusable(reason) => {
                    report
                        .notes
                        .push(format!("share #{} skipped: {reason}", si + 1));
                    skipped.push(SkippedShare {
                        share_index: si,
                        key_index: ki,
                        reason,
                    });
                }
            }
        }
        if report.opened_shares.is_empty() && report.notes.is_empty() {
            report.notes.push(format!(
                "it opens none of the {} shares in the SD file",
                sd.enc_shares.len()
            ));
        }
        reports.push(report);
    }
    if got.shares.len() < required {
        return Err(CryptoError::InsufficientShares(insufficient_detail(
            sd, &got, &reports, &skipped,
        )));
    }
    // Exactly `required` shares (the loops stop there); combine() re-validates them.
    let shares: Vec<Share> = got.shares.iter().map(|(_, s)| s.clone()).collect();
    let master_key = shamir::combine(&shares)?;
    Ok(Recovery {
        master_key,
        used_shares: got.shares.iter().map(|(i, _)| *i).collect(),
        keys: reports,
        skipped,
    })
}

/// The actionable explanation after "Insufficient shares available.".
fn insufficient_detail(
    sd: &SecurityDomainFile,
    got: &Collected,
    reports: &[KeyReport],
    skipped: &[SkippedShare],
) -> String {
    // One sentence per fact, in a fixed order: count, per-key outcome, skipped shares, what
    // to do. The whole text follows az's "Insufficient shares available." prefix.
    let mut parts = vec![format!(
        "Only {} of the {} required shares could be decrypted (the SD file has {} shares).",
        got.shares.len(),
        sd.required,
        sd.enc_shares.len()
    )];
    for r in reports {
        if r.opened_shares.is_empty() {
            parts.push(format!(
                "Wrapping key #{} opened no share: {}.",
                r.key_index + 1,
                r.notes.join("; ")
            ));
        } else {
            let list: Vec<String> = r
                .opened_shares
                .iter()
                .map(|i| format!("#{}", i + 1))
                .collect();
            parts.push(format!(
                "Wrapping key #{} opened share {}.",
                r.key_index + 1,
                list.join(", ")
            ));
        }
    }
    // Skipped shares explain run N6: the corrupted share's key seems to "open nothing".
    for s in skipped {
        parts.push(format!(
            "Share #{} (x5t_256 {}) was skipped: {}",
            s.share_index + 1,
            short(&sd.enc_shares[s.share_index].x5t_256),
            s.reason
        ));
    }
    parts.push(format!(
        "Give wrapping keys for at least {} different, intact shares.",
        sd.required
    ));
    parts.join(" ")
}

/// Decrypts every datum with `CEK = KDF(master, tag)` (§8 step 3), in file order.
pub fn decrypt_datums(
    sd: &SecurityDomainFile,
    master: &[u8],
) -> Result<Vec<(String, Zeroizing<Vec<u8>>)>> {
    sd.data
        .iter()
        .map(|d| {
            // §8 step 3: CEK = KDF(K, tag, "", 512); the JWE must authenticate under it.
            let cek = sd_datum_cek(master, &d.tag);
            let pt = jwe::decrypt_dir(&cek, &d.compact_jwe).map_err(|e| CryptoError::DatumDecryptionFailed {
                tag: d.tag.clone(),
                reason: match e {
                    // With shares that all authenticated, a MAC failure here means the shares do not
                    // belong to this file's master key (az crashes at this point).
                    CryptoError::AuthenticationFailed => "authentication failed with the recovered master key: \
                        the shares do not reconstruct this security domain's key (a share is corrupted or \
                        belongs to another security domain), or the datum was modified"
                        .to_string(),
                    other => other.to_string(),
                },
            })?;
            Ok((d.tag.clone(), pt))
        })
        .collect()
}

// ------------------------------------------------------------------------------------------
// Restore blob (§8) and its consumer (emulator side)
// ------------------------------------------------------------------------------------------

/// Re-encrypts the datums under a fresh random 32-byte K' and wraps K' to the exchange
/// certificate (§8 steps 4–7). Output is byte-compatible with az's skeleton:
/// `{"EncData": {"data": [{"compact_jwe": …, "tag": …}, …], "kdf": "sp108_kdf"},
/// "WrappedKey": {"enc_key": …, "x5t_256": …}}` in Python `json.dumps` style, no newline.
pub fn build_restore_blob<T: AsRef<str>, P: AsRef<[u8]>>(
    datums: &[(T, P)],
    exchange_cert: &Certificate,
    rng: &dyn SecureRandom,
) -> Result<String> {
    // §8 step 4: K' = 32 fresh random bytes, never reused (each blob gets its own).
    let mut new_master = Zeroizing::new([0u8; MASTER_KEY_LEN]);
    fill_random(rng, &mut new_master[..])?;
    let data = datums
        .iter()
        .map(|(tag, pt)| {
            let tag = tag.as_ref();
            // §8 step 5: same tag, same order, new CEK = KDF(K', tag), fresh IV.
            let cek = sd_datum_cek(&new_master[..], tag);
            // §8 step 7: Python json.dumps layout with az's exact key order (not sorted: "EncData"
            // then "WrappedKey"; "compact_jwe" before "tag"; "enc_key" before "x5t_256").
            Ok(PyJson::object([
                (
                    "compact_jwe",
                    PyJson::str(jwe::encrypt_dir(&cek, tag, pt.as_ref(), rng)?),
                ),
                ("tag", PyJson::str(tag)),
            ]))
        })
        .collect::<Result<Vec<_>>>()?;
    // §8 step 6: K' wrapped to the exchange certificate (RSA-OAEP-256, kid "not used");
    // 32 bytes of payload give the 48-byte ciphertext the checker expects.
    let wrapped =
        jwe::encrypt_rsa_oaep256(&exchange_cert.public, KID_NOT_USED, &new_master[..], rng)?;
    Ok(PyJson::object([
        (
            "EncData",
            PyJson::object([
                ("data", PyJson::Array(data)),
                ("kdf", PyJson::str(KDF_NAME)),
            ]),
        ),
        (
            "WrappedKey",
            PyJson::object([
                ("enc_key", PyJson::str(wrapped)),
                ("x5t_256", PyJson::str(exchange_cert.x5t_s256.clone())),
            ]),
        ),
    ])
    .dumps())
}

/// The whole offline `restore-blob` computation (§8 steps 1–7): recover the master key,
/// decrypt the datums, build the blob. Returns the blob text and the recovery report (with the
/// master key, which the caller should drop promptly).
pub fn restore_blob_from_sd(
    sd: &SecurityDomainFile,
    keys: &[(RsaPrivate, Option<String>)],
    exchange_cert: &Certificate,
    rng: &dyn SecureRandom,
) -> Result<(String, Recovery)> {
    // Steps 1–2 (validation and recovery), 3 (datums), 4–7 (blob).
    let recovery = recover_master_key(sd, keys)?;
    let datums = decrypt_datums(sd, &recovery.master_key)?;
    let blob = build_restore_blob(&datums, exchange_cert, rng)?;
    Ok((blob, recovery))
}

fn blob_err(detail: impl fmt::Display) -> CryptoError {
    CryptoError::InvalidRestoreBlob(detail.to_string())
}

/// Opens a restore blob with the HSM's exchange private key (the emulator's upload handler):
/// checks `WrappedKey.x5t_256` against `expected_x5t_s256` when given, unwraps K' (must be 32
/// bytes), and decrypts every datum with KDF(K', tag). Any formatting of the JSON is accepted.
pub fn open_restore_blob(
    blob_text: &str,
    exchange_private: &RsaPrivate,
    expected_x5t_s256: Option<&str>,
) -> Result<Vec<(String, Zeroizing<Vec<u8>>)>> {
    // Parse with serde_json: the emulator must accept any JSON layout a client sends, not
    // only az's.
    let root: Value = serde_json::from_str(blob_text.trim_start_matches('\u{feff}'))
        .map_err(|e| blob_err(format!("not JSON ({e})")))?;
    let enc_data = root
        .get("EncData")
        .and_then(Value::as_object)
        .ok_or_else(|| blob_err("no \"EncData\" object"))?;
    let wrapped = root
        .get("WrappedKey")
        .and_then(Value::as_object)
        .ok_or_else(|| blob_err("no \"WrappedKey\" object"))?;
    // Tolerate a missing `kdf`, refuse a different one (there is only sp108_kdf).
    if let Some(kdf) = enc_data.get("kdf")
        && kdf.as_str() != Some(KDF_NAME)
    {
        return Err(blob_err(format!(
            "unsupported EncData.kdf {kdf} (expected \"{KDF_NAME}\")"
        )));
    }
    let get = |o: &Map<String, Value>, name: &str, ctx: &str| -> Result<String> {
        o.get(name)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| blob_err(format!("{ctx} has no string \"{name}\"")))
    };
    let x5t = get(wrapped, "x5t_256", "WrappedKey")?;
    // The real service generates a new exchange key per recovery (§7.2): a blob for an
    // older key must fail with an explanation, not an opaque RSA error.
    if let Some(expected) = expected_x5t_s256
        && x5t != expected
    {
        return Err(blob_err(format!(
            "it is wrapped to exchange certificate {x5t}, but this HSM's exchange certificate is \
             {expected}: download the exchange key again (init-recovery) and rebuild the blob"
        )));
    }
    let new_master = jwe::decrypt_rsa(exchange_private, &get(wrapped, "enc_key", "WrappedKey")?).map_err(|e| match e {
        CryptoError::RsaDecryptionFailed(_) => blob_err(
            "the wrapped key cannot be unwrapped with this HSM's exchange key: the blob was made for \
             another HSM or an earlier recovery attempt",
        ),
        other => blob_err(format!("WrappedKey: {other}")),
    })?;
    // az always wraps exactly 32 bytes (§8 step 4).
    if new_master.len() != MASTER_KEY_LEN {
        return Err(blob_err(format!(
            "the wrapped master key is {} bytes, expected {MASTER_KEY_LEN}",
            new_master.len()
        )));
    }
    let data = enc_data
        .get("data")
        .and_then(Value::as_array)
        .ok_or_else(|| blob_err("no \"EncData.data\" list"))?;
    data.iter()
        .enumerate()
        .map(|(i, d)| {
            let ctx = format!("datum #{}", i + 1);
            let o = d
                .as_object()
                .ok_or_else(|| blob_err(format!("{ctx} is not an object")))?;
            let tag = get(o, "tag", &ctx)?;
            // Same derivation as on the client side, with K' instead of K.
            let cek = sd_datum_cek(&new_master, &tag);
            let pt = jwe::decrypt_dir(&cek, &get(o, "compact_jwe", &ctx)?)
                .map_err(|e| blob_err(format!("datum \"{tag}\": {e}")))?;
            Ok((tag, pt))
        })
        .collect()
}

// ------------------------------------------------------------------------------------------
// Offline quorum drill
// ------------------------------------------------------------------------------------------

/// Per-key result of [`drill`].
#[derive(Clone, Debug, PartialEq, Eq)]
// Drill types: plain data with no secrets, so the CLI can print or serialize them freely.
pub struct DrillKey {
    /// 0-based position in the `keys` argument.
    pub key_index: usize,
    pub matched_by: MatchMethod,
    /// 0-based share indices this key decrypted successfully.
    pub opened_shares: Vec<usize>,
    /// `(share_index, problem)` for shares this key should open but could not.
    pub failures: Vec<(usize, String)>,
    /// Remarks such as "same key as #1" or "matches no share".
    pub notes: Vec<String>,
}

/// Outcome of decrypting one datum in the drill (never includes plaintext).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrillDatum {
    pub tag: String,
    /// Plaintext length when it decrypted.
    pub plaintext_len: Option<usize>,
    pub error: Option<String>,
}

/// Report of an offline drill: which key opens which share, whether the quorum is met, whether
/// the datums decrypt with the recovered master key, and whether every extra share agrees.
/// Contains no secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrillReport {
    pub required: u8,
    pub total_shares: usize,
    pub keys: Vec<DrillKey>,
    /// 0-based indices of the distinct shares opened, ascending.
    pub shares_opened: Vec<usize>,
    pub quorum_met: bool,
    pub master_key_recovered: bool,
    pub datums: Vec<DrillDatum>,
    /// Opened shares beyond the quorum that interpolate to the same master key.
    pub consistent_extra_shares: Vec<usize>,
    /// Everything that would make a real recovery fail or that needs attention.
    pub problems: Vec<String>,
}

impl DrillReport {
    /// True when a real recovery with these keys would succeed and nothing looked wrong.
    // Any recorded problem (duplicate key, skipped share, inconsistent extra share) makes the
    // drill fail even when a recovery would still succeed: a drill is about spare capacity.
    pub fn ok(&self) -> bool {
        self.quorum_met
            && self.master_key_recovered
            && self.datums.iter().all(|d| d.error.is_none())
            && self.problems.is_empty()
    }
}

/// Offline quorum drill: tries **every** key against its shares (all shares when the thumbprint
/// is unknown), without stopping at the quorum and without producing a blob. Never fails:
/// every problem is recorded in the report.
pub fn drill(sd: &SecurityDomainFile, keys: &[(RsaPrivate, Option<String>)]) -> DrillReport {
    let mut report = DrillReport {
        required: sd.required,
        total_shares: sd.enc_shares.len(),
        keys: Vec::new(),
        shares_opened: Vec::new(),
        quorum_met: false,
        master_key_recovered: false,
        datums: Vec::new(),
        consistent_extra_shares: Vec::new(),
        problems: Vec::new(),
    };
    // Distinct shares opened by any key, with their index in the file.
    let mut opened: Vec<(usize, Share)> = Vec::new();
    let mut unusable_reported: Vec<usize> = Vec::new();
    for (ki, (key, thumb)) in keys.iter().enumerate() {
        let mut dk = DrillKey {
            key_index: ki,
            matched_by: if thumb.is_some() {
                MatchMethod::Thumbprint
            } else {
                MatchMethod::TrialDecryption
            },
            opened_shares: Vec::new(),
            failures: Vec::new(),
            notes: Vec::new(),
        };
        if let Some(i) = keys[..ki]
            .iter()
            .position(|(k, _)| k.public() == key.public())
        {
            dk.notes.push(format!(
                "same key as wrapping key #{}: it adds no share",
                i + 1
            ));
            report.problems.push(format!(
                "Wrapping key #{} is the same key as wrapping key #{}.",
                ki + 1,
                i + 1
            ));
            report.keys.push(dk);
            continue;
        }
        let candidates = match thumb {
            Some(t) => sd.shares_for_thumbprint(t),
            None => (0..sd.enc_shares.len()).collect(),
        };
        for si in candidates {
            match try_open(sd, key, si) {
                Ok(Attempt::Opened(share)) => {
                    dk.opened_shares.push(si);
                    // Another key already opened this share (possible only via duplicate shares).
                    if opened.iter().any(|(i, _)| *i == si) {
                        continue;
                    }
                    if let Some((other, _)) = opened.iter().find(|(_, s)| s.x == share.x) {
                        report.problems.push(format!(
                            "Shares #{} and #{} carry the same Shamir x coordinate ({}): the SD file is inconsistent.",
                            other + 1,
                            si + 1,
                            share.x
                        ));
                        continue;
                    }
                    opened.push((si, share));
                }
                // Without a certificate, RSA failure just means "not this key's share".
                Ok(Attempt::NotMine(reason)) => {
                    if thumb.is_some() {
                        dk.failures.push((
                            si,
                            format!(
                                "RSA decryption failed although the certificate matches: {reason}"
                            ),
                        ));
                    }
                }
                Ok(Attempt::Unusable(reason)) => {
                    // In trial mode a token that fails before the RSA step fails identically
                    // for every key: report it once, not once per key.
                    if thumb.is_some() || !unusable_reported.contains(&si) {
                        unusable_reported.push(si);
                        dk.failures.push((si, reason));
                    }
                }
                Err(e) => dk.failures.push((si, e.to_string())),
            }
        }
        if dk.opened_shares.is_empty() {
            dk.notes.push(match thumb {
                Some(t) if sd.shares_for_thumbprint(t).is_empty() => {
                    format!("no share in the SD file is wrapped to its certificate (x5t#S256 {t})")
                }
                _ => "it opens no share of this SD file".into(),
            });
        }
        for (si, why) in &dk.failures {
            report.problems.push(format!(
                "Wrapping key #{}: share #{}: {why}",
                ki + 1,
                si + 1
            ));
        }
        report.keys.push(dk);
    }
    // Combine in file order; with more than `required` shares, the first `required` form the
    // base and every other share is checked against it below.
    opened.sort_by_key(|(i, _)| *i);
    report.shares_opened = opened.iter().map(|(i, _)| *i).collect();
    let m = sd.required as usize;
    // The quorum counts distinct shares, not keys.
    report.quorum_met = opened.len() >= m;
    if !report.quorum_met {
        report.problems.push(format!(
            "Quorum not met: {} of the {} required shares can be opened with these keys.",
            opened.len(),
            sd.required
        ));
        return report;
    }
    // `master` stays inside this function (zeroized on drop); the report holds no secret.
    let base: Vec<Share> = opened[..m].iter().map(|(_, s)| s.clone()).collect();
    let master = match shamir::combine(&base) {
        Ok(k) => k,
        Err(e) => {
            report
                .problems
                .push(format!("The opened shares cannot be combined: {e}"));
            return report;
        }
    };
    // "Recovered" = the shares combined; `datums` shows whether it is the right key.
    report.master_key_recovered = true;
    match decrypt_datums(sd, &master) {
        Ok(list) => {
            report.datums = list
                .iter()
                .map(|(tag, pt)| DrillDatum {
                    tag: tag.clone(),
                    plaintext_len: Some(pt.len()),
                    error: None,
                })
                .collect();
        }
        Err(_) => {
            // Per-datum detail (decrypt_datums stops at the first failure).
            for d in &sd.data {
                let r = jwe::decrypt_dir(&sd_datum_cek(&master, &d.tag), &d.compact_jwe);
                let (len, err) = match r {
                    Ok(pt) => (Some(pt.len()), None),
                    Err(e) => (None, Some(e.to_string())),
                };
                if let Some(e) = &err {
                    report.problems.push(format!(
                        "Datum \"{}\" does not decrypt with the recovered master key: {e}",
                        d.tag
                    ));
                }
                report.datums.push(DrillDatum {
                    tag: d.tag.clone(),
                    plaintext_len: len,
                    error: err,
                });
            }
        }
    }
    // Every extra share must lie on the same polynomials: replace the last base share by it.
    for (si, extra) in &opened[m..] {
        // M−1 base shares plus the extra one define the same polynomials iff the extra share is
        // consistent, so the interpolated key must be identical.
        let mut set: Vec<Share> = base[..m - 1].to_vec();
        set.push(extra.clone());
        match shamir::combine(&set) {
            Ok(k) if k[..] == master[..] => report.consistent_extra_shares.push(*si),
            _ => report.problems.push(format!(
                "Share #{} does not agree with the other shares (corrupted or from another security domain).",
                si + 1
            )),
        }
    }
    report
}
