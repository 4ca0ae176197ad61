//! BYOK key transfer blobs (Microsoft's "Bring your own key specification", the `.byok` file):
//! making one from a local private key and a key-exchange key (KEK) public key, as HSM vendors'
//! BYOK tools do, and opening one with the KEK's private key, as the HSM does on import.
//!
//! The format, from the specification (learn.microsoft.com/azure/key-vault/keys/byok-specification):
//! * the `.byok` file is JSON `{"schema_version": "1.0.0", "header": {"kid": <KEK kid>, "alg":
//!   "dir", "enc": "CKM_RSA_AES_KEY_WRAP"}, "ciphertext": BASE64URL(…), "generator": "…"}`; the
//!   whole file, base64url-encoded, travels as the JWK member `key_hsm` of an import (az sends
//!   the file's raw bytes, the spec says "the entire contents of the .byok file");
//! * `ciphertext` is PKCS#11 `CKM_RSA_AES_KEY_WRAP`: an ephemeral AES key encrypted with the KEK
//!   under RSA-OAEP **with SHA-1** (and MGF1-SHA-1), followed by the target key wrapped under
//!   that AES key with AES Key Wrap with Padding (RFC 5649, `CKM_AES_KEY_WRAP_PAD`). The first
//!   part is exactly as long as the KEK's modulus, which is how the two are split;
//! * the wrapped plaintext is the PKCS#8 DER (RFC 5208) of an RSA (RFC 3447) or EC (RFC 5915)
//!   private key, or the raw bytes of an AES ("oct") key.
//!
//! The ephemeral AES key is 256 bits when this module makes a blob; on opening, any AES size
//! is accepted (PKCS#11 lets the wrapping side choose). Plaintext keys only ever live in
//! `Zeroizing` buffers here.

use aws_lc_rs::key_wrap::{AES_256, AesKek, KeyWrapPadded as _};
use aws_lc_rs::rand::SecureRandom;
use aws_lc_rs::rsa::{OAEP_SHA1_MGF1SHA1, OaepPublicEncryptingKey, PublicEncryptingKey};
use der::Decode as _;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::b64::{b64url_decode_lenient, b64url_encode};
use super::keyops::{self, KeyKind, KeyMaterial};

/// `schema_version` of the transfer blob.
pub const SCHEMA_VERSION: &str = "1.0.0";
/// `header.alg`: "direct mode", the referenced kid protects the ciphertext directly.
pub const ALG_DIR: &str = "dir";
/// `header.enc`: the one wrapping mechanism the specification defines.
pub const ENC_RSA_AES_KEY_WRAP: &str = "CKM_RSA_AES_KEY_WRAP";
/// Size of the ephemeral AES key this module generates (AES-256).
const EPHEMERAL_KEY_LEN: usize = 32;
/// RSA KEK sizes the service accepts (the specification: 2048, 3072 or 4096 bits).
pub const KEK_SIZES: [u32; 3] = [2048, 3072, 4096];

/// Errors of making or opening a transfer blob. Messages carry no key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ByokError {
    /// The `.byok` document is not the specification's JSON (or a member is wrong).
    #[error("not a BYOK key transfer blob: {0}")]
    Format(String),
    /// `header.enc`/`header.alg` other than the specification's.
    #[error("unsupported BYOK {field} '{value}' (expected '{expected}')")]
    Unsupported {
        field: &'static str,
        value: String,
        expected: &'static str,
    },
    /// The ciphertext does not open with this KEK: made for another KEK, or modified.
    #[error(
        "the BYOK ciphertext cannot be unwrapped with this key exchange key: it was made for another key, or it is corrupted"
    )]
    Unwrap,
    /// A key-exchange key that cannot be one (not RSA, a size the service refuses…).
    #[error("invalid key exchange key: {0}")]
    Kek(String),
    /// A target key file that cannot be read as a private key.
    #[error("invalid key to transfer: {0}")]
    Target(String),
    /// aws-lc failed on validated input.
    #[error("internal cryptographic failure: {0}")]
    Internal(&'static str),
}

pub type Result<T, E = ByokError> = std::result::Result<T, E>;

/// `header` of a transfer blob.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferHeader {
    /// Key identifier of the KEK (`https://{hsm}/keys/{name}/{version}`).
    pub kid: String,
    pub alg: String,
    pub enc: String,
}

/// The `.byok` document. Member order is the specification's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferBlob {
    pub schema_version: String,
    pub header: TransferHeader,
    /// base64url (no padding) of the `CKM_RSA_AES_KEY_WRAP` output.
    pub ciphertext: String,
    /// Informational: the tool (and source HSM) that made the blob.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
}

impl TransferBlob {
    /// A blob for `kid` around `ciphertext` (the raw mechanism output).
    pub fn new(kid: &str, ciphertext: &[u8], generator: Option<&str>) -> TransferBlob {
        TransferBlob {
            schema_version: SCHEMA_VERSION.into(),
            header: TransferHeader {
                kid: kid.into(),
                alg: ALG_DIR.into(),
                enc: ENC_RSA_AES_KEY_WRAP.into(),
            },
            ciphertext: b64url_encode(ciphertext),
            generator: generator.map(String::from),
        }
    }

    /// Parses and checks a `.byok` document (the bytes of the file, i.e. the decoded
    /// `key_hsm`): JSON object, schema 1.0.0, `alg` `dir`, `enc` `CKM_RSA_AES_KEY_WRAP`.
    pub fn parse(bytes: &[u8]) -> Result<TransferBlob> {
        // A UTF-8 BOM (Windows tools) is tolerated.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let blob: TransferBlob = serde_json::from_slice(bytes)
            .map_err(|e| ByokError::Format(format!("expected the JSON of a .byok file ({e})")))?;
        if blob.schema_version != SCHEMA_VERSION {
            return Err(ByokError::Unsupported {
                field: "schema_version",
                value: blob.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        if !blob.header.alg.eq_ignore_ascii_case(ALG_DIR) {
            return Err(ByokError::Unsupported {
                field: "header.alg",
                value: blob.header.alg,
                expected: ALG_DIR,
            });
        }
        if blob.header.enc != ENC_RSA_AES_KEY_WRAP {
            return Err(ByokError::Unsupported {
                field: "header.enc",
                value: blob.header.enc,
                expected: ENC_RSA_AES_KEY_WRAP,
            });
        }
        if blob.header.kid.trim().is_empty() {
            return Err(ByokError::Format("header.kid is empty".into()));
        }
        Ok(blob)
    }

    /// The decoded `ciphertext`.
    pub fn ciphertext_bytes(&self) -> Result<Vec<u8>> {
        b64url_decode_lenient(&self.ciphertext)
            .map_err(|_| ByokError::Format("ciphertext is not base64url".into()))
    }

    /// The document as the `.byok` file holds it (pretty JSON, trailing newline).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// `CKM_RSA_AES_KEY_WRAP` of `plaintext` to the KEK whose public key is the DER
/// SubjectPublicKeyInfo `kek_spki`: a fresh AES-256 key from `rng`, RSA-OAEP-SHA-1 of it, then
/// RFC 5649 of the plaintext under it.
pub fn rsa_aes_key_wrap(
    kek_spki: &[u8],
    plaintext: &[u8],
    rng: &dyn SecureRandom,
) -> Result<Vec<u8>> {
    let mut aes = Zeroizing::new([0u8; EPHEMERAL_KEY_LEN]);
    rng.fill(aes.as_mut())
        .map_err(|_| ByokError::Internal("random number generator"))?;
    wrap_with_ephemeral(kek_spki, aes.as_ref(), plaintext)
}

/// The mechanism with a given ephemeral key (tests use fixed keys).
fn wrap_with_ephemeral(kek_spki: &[u8], aes: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
    if plaintext.is_empty() {
        return Err(ByokError::Target("the key is empty".into()));
    }
    let public = PublicEncryptingKey::from_der(kek_spki)
        .map_err(|_| ByokError::Kek("not an RSA public key (SubjectPublicKeyInfo)".into()))?;
    let bits = public.key_size_bits() as u32;
    if !KEK_SIZES.contains(&bits) {
        return Err(ByokError::Kek(format!(
            "an RSA key of {bits} bits; the key exchange key is RSA 2048, 3072 or 4096"
        )));
    }
    let oaep =
        OaepPublicEncryptingKey::new(public).map_err(|_| ByokError::Internal("RSA-OAEP key"))?;
    let mut out = vec![0u8; oaep.key_size_bytes()];
    let n = oaep
        .encrypt(&OAEP_SHA1_MGF1SHA1, aes, &mut out, None)
        .map_err(|_| ByokError::Internal("RSA-OAEP encryption"))?
        .len();
    out.truncate(n);
    let kek = AesKek::new(&AES_256, aes).map_err(|_| ByokError::Internal("AES key-wrap key"))?;
    // RFC 5649: the input padded to a multiple of 8 bytes, plus the 8-byte AIV block.
    let mut wrapped = vec![0u8; plaintext.len().div_ceil(8) * 8 + 8];
    let w = kek
        .wrap_with_padding(plaintext, &mut wrapped)
        .map_err(|_| ByokError::Internal("AES key wrap with padding"))?
        .len();
    out.extend_from_slice(&wrapped[..w]);
    Ok(out)
}

/// Opens `CKM_RSA_AES_KEY_WRAP` output with the KEK's private key: the plaintext key (PKCS#8
/// DER, or raw AES bytes). Every failure after the length check is [`ByokError::Unwrap`], so
/// a wrong KEK and a modified blob are indistinguishable (no padding oracle).
pub fn rsa_aes_key_unwrap(kek: &KeyMaterial, ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    if kek.kind() != KeyKind::Rsa {
        return Err(ByokError::Kek("not an RSA key".into()));
    }
    let k = kek.size_bits() as usize / 8;
    // The RSA part is exactly the modulus length; RFC 5649 output is at least 16 bytes.
    if ciphertext.len() < k + 16 || !(ciphertext.len() - k).is_multiple_of(8) {
        return Err(ByokError::Unwrap);
    }
    let (rsa_part, kwp_part) = ciphertext.split_at(k);
    let aes = keyops::unwrap_key(kek, "RSA-OAEP", rsa_part).map_err(|_| ByokError::Unwrap)?;
    let aes_key = KeyMaterial::from_oct_bytes(&aes).map_err(|_| ByokError::Unwrap)?;
    keyops::unwrap_key(&aes_key, "CKM_AES_KEY_WRAP_PAD", kwp_part).map_err(|_| ByokError::Unwrap)
}

// --- the key to transfer -------------------------------------------------------------------------

/// What a plaintext target key is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    /// RSA with its modulus size.
    Rsa { bits: u32 },
    /// EC with its curve (the JWK name, or the OID of a curve without one).
    Ec { curve: String },
    /// AES with its size.
    Oct { bits: u32 },
}

impl TargetKind {
    /// `--kty` of `key import` for this key: `RSA`, `EC` or `oct`.
    pub fn kty(&self) -> &'static str {
        match self {
            TargetKind::Rsa { .. } => "RSA",
            TargetKind::Ec { .. } => "EC",
            TargetKind::Oct { .. } => "oct",
        }
    }

    /// Key size in bits (RSA modulus, AES key; the curve's field size for EC).
    pub fn size_bits(&self) -> Option<u32> {
        match self {
            TargetKind::Rsa { bits } | TargetKind::Oct { bits } => Some(*bits),
            TargetKind::Ec { curve } => keyops::Curve::from_jwk_name(curve).ok().map(|c| c.bits()),
        }
    }

    /// The curve of an EC key.
    pub fn curve(&self) -> Option<&str> {
        match self {
            TargetKind::Ec { curve } => Some(curve),
            _ => None,
        }
    }

    /// Whether Managed HSM accepts this type and size (RSA 2048/3072/4096; EC P-256, P-256K,
    /// P-384, P-521; AES 128/192/256).
    pub fn supported_by_hsm(&self) -> bool {
        match self {
            TargetKind::Rsa { bits } => keyops::RSA_SIZES.contains(bits),
            TargetKind::Ec { curve } => keyops::Curve::from_jwk_name(curve).is_ok(),
            TargetKind::Oct { bits } => keyops::AES_SIZES.contains(bits),
        }
    }
}

/// The plaintext of a key to transfer, in the form the blob wraps.
pub struct TargetKey {
    pub kind: TargetKind,
    /// PKCS#8 DER (RSA, EC) or the raw AES key.
    pub plaintext: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for TargetKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TargetKey")
            .field("kind", &self.kind)
            .field("plaintext", &"<redacted>")
            .finish()
    }
}

const OID_RSA: &str = "1.2.840.113549.1.1.1";
const OID_EC: &str = "1.2.840.10045.2.1";

/// Reads what a private key in PKCS#8 DER is (no size policy: the HSM decides).
pub fn classify_pkcs8(der: &[u8]) -> Result<TargetKind> {
    let info = pkcs8::PrivateKeyInfoRef::from_der(der)
        .map_err(|_| ByokError::Target("not a PKCS#8 private key".into()))?;
    match info.algorithm.oid.to_string().as_str() {
        OID_RSA => {
            let key =
                pkcs1::RsaPrivateKey::<pkcs1::UintRef<'_>>::from_der(info.private_key.as_bytes())
                    .map_err(|_| ByokError::Target("malformed RSA private key".into()))?;
            let n = key.modulus.as_bytes();
            let first = n.iter().position(|b| *b != 0).unwrap_or(n.len());
            let n = &n[first..];
            let bits = match n.first() {
                None => 0,
                Some(top) => (n.len() as u32 - 1) * 8 + (8 - top.leading_zeros()),
            };
            Ok(TargetKind::Rsa { bits })
        }
        OID_EC => {
            let oid = info
                .algorithm
                .parameters
                .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok())
                .map(|o| o.to_string())
                .ok_or_else(|| ByokError::Target("EC key without a named curve".into()))?;
            let curve = match oid.as_str() {
                "1.2.840.10045.3.1.7" => "P-256",
                "1.3.132.0.10" => "P-256K",
                "1.3.132.0.34" => "P-384",
                "1.3.132.0.35" => "P-521",
                other => other,
            };
            Ok(TargetKind::Ec {
                curve: curve.into(),
            })
        }
        other => Err(ByokError::Target(format!(
            "a private key of algorithm {other}; only RSA, EC and AES keys can be transferred"
        ))),
    }
}

/// Reads a local key to transfer: PEM (PKCS#8, encrypted PKCS#8 with `password`, PKCS#1,
/// SEC1, legacy encrypted PEM), the same as DER, or the raw bytes of an AES key (16, 24 or 32
/// bytes, as `openssl rand 32` writes). RSA/EC keys come out as PKCS#8.
pub fn read_target_key(bytes: &[u8], password: Option<&[u8]>) -> Result<TargetKey> {
    let pem_text = bytes.windows(10).take(4096).any(|w| w == b"-----BEGIN");
    if pem_text {
        let der = super::privkey::private_key_pem_to_pkcs8(bytes, password)
            .map_err(|e| ByokError::Target(e.to_string()))?;
        let kind = classify_pkcs8(&der)?;
        return Ok(TargetKey {
            kind,
            plaintext: der,
        });
    }
    // DER: PKCS#8 first; PKCS#1 and SEC1 through their PEM labels.
    if let Ok(kind) = classify_pkcs8(bytes) {
        return Ok(TargetKey {
            kind,
            plaintext: Zeroizing::new(bytes.to_vec()),
        });
    }
    if bytes.first() == Some(&0x30) && bytes.len() > 40 {
        for label in ["RSA PRIVATE KEY", "EC PRIVATE KEY"] {
            let pem = Zeroizing::new(super::pem::to_pem(label, bytes, 64, true));
            if let Ok(der) = super::privkey::private_key_pem_to_pkcs8(pem.as_bytes(), None)
                && let Ok(kind) = classify_pkcs8(&der)
            {
                return Ok(TargetKey {
                    kind,
                    plaintext: der,
                });
            }
        }
    }
    if matches!(bytes.len(), 16 | 24 | 32) {
        return Ok(TargetKey {
            kind: TargetKind::Oct {
                bits: bytes.len() as u32 * 8,
            },
            plaintext: Zeroizing::new(bytes.to_vec()),
        });
    }
    Err(ByokError::Target(
        "neither a PEM or DER private key nor a raw AES key of 16, 24 or 32 bytes".into(),
    ))
}

/// Reads a KEK public key: PEM or DER SubjectPublicKeyInfo (what `key download` writes), or
/// the JSON of `key show` (a key bundle, or just its JWK). Returns the SPKI DER, the `kid` if
/// the JSON had one, and the `key_ops` if it had them.
pub fn read_kek(bytes: &[u8]) -> Result<Kek> {
    let trimmed = bytes.trim_ascii_start();
    if trimmed.first() == Some(&b'{') {
        let v: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|e| ByokError::Kek(format!("not valid JSON ({e})")))?;
        let jwk = v.get("key").filter(|k| k.is_object()).unwrap_or(&v);
        let member = |name: &str| -> Result<Vec<u8>> {
            let s = jwk
                .get(name)
                .and_then(|x| x.as_str())
                .ok_or_else(|| ByokError::Kek(format!("the JSON key has no '{name}'")))?;
            b64url_decode_lenient(s)
                .map_err(|_| ByokError::Kek(format!("'{name}' is not base64/base64url")))
        };
        let kty = jwk.get("kty").and_then(|x| x.as_str()).unwrap_or_default();
        if !matches!(kty, "RSA" | "RSA-HSM") {
            return Err(ByokError::Kek(format!(
                "a key of type '{kty}'; the key exchange key is RSA-HSM"
            )));
        }
        let mut jwk_struct = super::jwk::JsonWebKey::with_kty("RSA");
        jwk_struct.n = Some(member("n")?);
        jwk_struct.e = Some(member("e")?);
        let spki = keyops::public_spki_der_from_jwk(&jwk_struct)
            .map_err(|e| ByokError::Kek(e.to_string()))?;
        let ops = jwk
            .get("key_ops")
            .or_else(|| jwk.get("keyOps"))
            .and_then(|o| o.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            });
        let kid = jwk.get("kid").and_then(|x| x.as_str()).map(String::from);
        return Kek::new(spki, kid, ops);
    }
    let spki = match super::pem::parse_pem_blocks(bytes) {
        Ok(blocks) if !blocks.is_empty() => blocks
            .into_iter()
            .find(|b| b.label == "PUBLIC KEY")
            .map(|b| b.der.to_vec())
            .ok_or_else(|| {
                ByokError::Kek("no \"-----BEGIN PUBLIC KEY-----\" block found".into())
            })?,
        Ok(_) => bytes.to_vec(),
        Err(e) => return Err(ByokError::Kek(e.to_string())),
    };
    Kek::new(spki, None, None)
}

/// A key-exchange key's public part as a BYOK tool sees it.
#[derive(Debug, Clone)]
pub struct Kek {
    /// DER SubjectPublicKeyInfo.
    pub spki: Vec<u8>,
    /// Modulus size.
    pub bits: u32,
    /// The key identifier, when the input carried it.
    pub kid: Option<String>,
    /// The key's `key_ops`, when the input carried them.
    pub key_ops: Option<Vec<String>>,
}

impl Kek {
    fn new(spki: Vec<u8>, kid: Option<String>, key_ops: Option<Vec<String>>) -> Result<Kek> {
        let public = PublicEncryptingKey::from_der(&spki)
            .map_err(|_| ByokError::Kek("not an RSA public key".into()))?;
        let bits = public.key_size_bits() as u32;
        if !KEK_SIZES.contains(&bits) {
            return Err(ByokError::Kek(format!(
                "an RSA key of {bits} bits; the key exchange key is RSA 2048, 3072 or 4096"
            )));
        }
        Ok(Kek {
            spki,
            bits,
            kid,
            key_ops,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// RFC 5649 §6 test vectors: a 192-bit KEK (the AES-KWP step of this module is the same
    /// code path as `CKM_AES_KEY_WRAP_PAD` in `keyops`).
    #[test]
    fn rfc5649_vectors_open_with_kwp() {
        let kek =
            KeyMaterial::from_oct_bytes(&hex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8"))
                .unwrap();
        for (key, wrapped) in [
            (
                "c37b7e6492584340bed12207808941155068f738",
                "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a",
            ),
            ("466f7250617369", "afbeb0f07dfbf5419200f2ccb50bb24f"),
        ] {
            let out = keyops::unwrap_key(&kek, "CKM_AES_KEY_WRAP_PAD", &hex(wrapped)).unwrap();
            assert_eq!(out.as_slice(), hex(key).as_slice());
            let again = keyops::wrap_key(&kek, "CKM_AES_KEY_WRAP_PAD", &hex(key)).unwrap();
            assert_eq!(again, hex(wrapped));
        }
    }

    fn rsa(bits: u32) -> KeyMaterial {
        KeyMaterial::generate_rsa(bits, None).unwrap()
    }

    #[test]
    fn wrap_then_unwrap_all_target_kinds() {
        let kek = rsa(2048);
        let spki = kek.public_key_spki_der().unwrap();
        let rng = aws_lc_rs::rand::SystemRandom::new();
        let ec = KeyMaterial::generate_ec(keyops::Curve::P384).unwrap();
        // The store form is "MK" ‖ version ‖ 'E' ‖ curve ‖ PKCS#8.
        let ec_der = ec.to_bytes()[5..].to_vec();
        for plain in [vec![7u8; 32], ec_der.clone()] {
            let ct = rsa_aes_key_wrap(&spki, &plain, &rng).unwrap();
            // RSA part = modulus length; the RFC 5649 part = padded length + 8.
            assert_eq!(ct.len(), 256 + plain.len().div_ceil(8) * 8 + 8);
            assert_eq!(
                rsa_aes_key_unwrap(&kek, &ct).unwrap().as_slice(),
                &plain[..]
            );
        }
        assert_eq!(
            classify_pkcs8(&ec_der).unwrap(),
            TargetKind::Ec {
                curve: "P-384".into()
            }
        );
    }

    #[test]
    fn another_kek_or_a_flipped_bit_is_refused() {
        let kek = rsa(2048);
        let other = rsa(2048);
        let rng = aws_lc_rs::rand::SystemRandom::new();
        let ct = rsa_aes_key_wrap(&kek.public_key_spki_der().unwrap(), &[1u8; 24], &rng).unwrap();
        assert_eq!(rsa_aes_key_unwrap(&other, &ct), Err(ByokError::Unwrap));
        for i in [0, 255, 256, ct.len() - 1] {
            let mut bad = ct.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                rsa_aes_key_unwrap(&kek, &bad),
                Err(ByokError::Unwrap),
                "byte {i}"
            );
        }
        assert_eq!(rsa_aes_key_unwrap(&kek, &ct[..100]), Err(ByokError::Unwrap));
    }

    /// The ephemeral key is fixed here, so the RFC 5649 half is deterministic and must equal
    /// the AES-KWP of the plaintext under that key (checked independently with `keyops`).
    #[test]
    fn the_second_half_is_kwp_under_the_ephemeral_key() {
        let kek = rsa(3072);
        let aes = [0x42u8; 32];
        let ct =
            wrap_with_ephemeral(&kek.public_key_spki_der().unwrap(), &aes, b"0123456789").unwrap();
        let expected = keyops::wrap_key(
            &KeyMaterial::from_oct_bytes(&aes).unwrap(),
            "CKM_AES_KEY_WRAP_PAD",
            b"0123456789",
        )
        .unwrap();
        assert_eq!(&ct[384..], expected.as_slice());
        // And the first half is RSA-OAEP-SHA-1 of the ephemeral key.
        let opened = keyops::unwrap_key(&kek, "RSA-OAEP", &ct[..384]).unwrap();
        assert_eq!(opened.as_slice(), &aes);
    }

    #[test]
    fn blob_json_round_trip_and_refusals() {
        let b = TransferBlob::new("https://h/keys/kek/0123", &[1, 2, 3], Some("mhsm test"));
        let json = b.to_json();
        assert!(json.contains("\"enc\": \"CKM_RSA_AES_KEY_WRAP\""));
        let parsed = TransferBlob::parse(json.as_bytes()).unwrap();
        assert_eq!(parsed, b);
        assert_eq!(parsed.ciphertext_bytes().unwrap(), vec![1, 2, 3]);
        for bad in [
            json.replace("1.0.0", "2.0.0"),
            json.replace("\"dir\"", "\"RSA-OAEP\""),
            json.replace("CKM_RSA_AES_KEY_WRAP", "RSA_AES_KEY_WRAP_256"),
            "not json".to_string(),
            "{}".to_string(),
        ] {
            assert!(TransferBlob::parse(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn target_files_and_kek_files() {
        let key = rsa(2048);
        let t = read_target_key(&[9u8; 16], None).unwrap();
        assert_eq!(t.kind, TargetKind::Oct { bits: 128 });
        let spki = key.public_key_spki_der().unwrap();
        let pem = super::super::pem::to_pem("PUBLIC KEY", &spki, 64, true);
        let k = read_kek(pem.as_bytes()).unwrap();
        assert_eq!((k.bits, k.spki.clone()), (2048, spki.clone()));
        assert_eq!(read_kek(&spki).unwrap().spki, spki);
        let jwk = key.public_jwk();
        let show = serde_json::json!({"key": {
            "kid": "https://h/keys/kek/v1", "kty": "RSA-HSM", "keyOps": ["import"],
            "n": super::super::b64::b64_std_encode(jwk.n.as_ref().unwrap()),
            "e": "AQAB"}});
        let k = read_kek(show.to_string().as_bytes()).unwrap();
        assert_eq!(k.kid.as_deref(), Some("https://h/keys/kek/v1"));
        assert_eq!(k.key_ops, Some(vec!["import".to_string()]));
        assert_eq!(k.spki, spki);
        assert!(read_kek(b"{\"key\":{\"kty\":\"EC-HSM\"}}").is_err());
        assert!(read_target_key(b"hello", None).is_err());
    }
}
