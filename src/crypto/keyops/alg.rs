//! Algorithm names exactly as the Key Vault REST API spells them, parsed into typed enums, and
//! the per-key support matrix (docs/rest-api.md §7.1).
//!
//! Names are matched case-sensitively: the REST enum values (`JsonWebKeyEncryptionAlgorithm`,
//! `JsonWebKeySignatureAlgorithm`) are exact strings and every SDK sends them verbatim.

use aws_lc_rs::{digest, hmac};

use super::material::{Curve, KeyKind};

/// Hash functions used by the signature algorithms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// Output length in bytes: the digest length `sign`/`verify` demand.
    pub(crate) fn len(self) -> usize {
        match self {
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }

    /// aws-lc digest descriptor, used to wrap the caller's digest (`Digest::import_less_safe`).
    pub(crate) fn digest_alg(self) -> &'static digest::Algorithm {
        match self {
            Hash::Sha256 => &digest::SHA256,
            Hash::Sha384 => &digest::SHA384,
            Hash::Sha512 => &digest::SHA512,
        }
    }

    /// aws-lc HMAC algorithm with this hash (HS256/384/512).
    pub(crate) fn hmac_alg(self) -> hmac::Algorithm {
        match self {
            Hash::Sha256 => hmac::HMAC_SHA256,
            Hash::Sha384 => hmac::HMAC_SHA384,
            Hash::Sha512 => hmac::HMAC_SHA512,
        }
    }
}

/// `JsonWebKeySignatureAlgorithm` values this module implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SignAlg {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) over a caller digest; the DigestInfo is added here.
    Rs(Hash),
    /// RSASSA-PSS with MGF1 of the same hash and salt length = hash length (RFC 7518 §3.5).
    Ps(Hash),
    /// ECDSA; the curve fixes the hash (ES256/ES256K: SHA-256, ES384: SHA-384, ES512: SHA-512).
    Es(Curve),
    /// HMAC (oct keys, Managed HSM only).
    Hs(Hash),
}

impl SignAlg {
    /// Maps a wire name to the typed algorithm; `None` for anything unknown (including
    /// `RSNULL`, which is not implemented, and wrong-case spellings).
    pub(crate) fn parse(alg: &str) -> Option<SignAlg> {
        Some(match alg {
            "RS256" => SignAlg::Rs(Hash::Sha256),
            "RS384" => SignAlg::Rs(Hash::Sha384),
            "RS512" => SignAlg::Rs(Hash::Sha512),
            "PS256" => SignAlg::Ps(Hash::Sha256),
            "PS384" => SignAlg::Ps(Hash::Sha384),
            "PS512" => SignAlg::Ps(Hash::Sha512),
            "ES256" => SignAlg::Es(Curve::P256),
            // ES256K is RFC 8812's name for ECDSA over secp256k1 with SHA-256.
            "ES256K" => SignAlg::Es(Curve::P256K),
            "ES384" => SignAlg::Es(Curve::P384),
            "ES512" => SignAlg::Es(Curve::P521),
            // HMAC names: JOSE spelling, usable only with oct keys in Managed HSM.
            "HS256" => SignAlg::Hs(Hash::Sha256),
            "HS384" => SignAlg::Hs(Hash::Sha384),
            "HS512" => SignAlg::Hs(Hash::Sha512),
            _ => return None,
        })
    }

    /// The hash whose output length the `digest` argument must have.
    pub(crate) fn hash(self) -> Hash {
        match self {
            SignAlg::Rs(h) | SignAlg::Ps(h) | SignAlg::Hs(h) => h,
            SignAlg::Es(Curve::P256 | Curve::P256K) => Hash::Sha256,
            SignAlg::Es(Curve::P384) => Hash::Sha384,
            SignAlg::Es(Curve::P521) => Hash::Sha512,
        }
    }
}

/// RSA encryption paddings shared by encrypt and wrapKey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RsaPad {
    /// `RSA-OAEP`: OAEP with SHA-1 and MGF1-SHA-1 (RFC 7518 §4.3).
    OaepSha1,
    /// `RSA-OAEP-256`: OAEP with SHA-256 and MGF1-SHA-256.
    OaepSha256,
    /// `RSA1_5`: RSAES-PKCS1-v1_5.
    Pkcs1,
}

impl RsaPad {
    /// The three RSA encryption names; shared by encrypt and wrapKey.
    fn parse(alg: &str) -> Option<RsaPad> {
        match alg {
            "RSA-OAEP" => Some(RsaPad::OaepSha1),
            "RSA-OAEP-256" => Some(RsaPad::OaepSha256),
            "RSA1_5" => Some(RsaPad::Pkcs1),
            _ => None,
        }
    }
}

/// `JsonWebKeyEncryptionAlgorithm` values valid for encrypt/decrypt. The `u32` is the AES
/// key size the name demands (A128… → 128), which must equal the key's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EncAlg {
    Rsa(RsaPad),
    /// AES-GCM, 12-byte IV, 16-byte tag.
    Gcm(u32),
    /// AES-CBC without padding; the plaintext must be whole blocks.
    Cbc(u32),
    /// AES-CBC with PKCS#7 padding.
    CbcPad(u32),
}

impl EncAlg {
    /// RSA names first, then the `A{128,192,256}{GCM,CBC,CBCPAD}` family.
    pub(crate) fn parse(alg: &str) -> Option<EncAlg> {
        if let Some(pad) = RsaPad::parse(alg) {
            return Some(EncAlg::Rsa(pad));
        }
        let (bits, mode) = aes_prefix(alg)?;
        match mode {
            "GCM" => Some(EncAlg::Gcm(bits)),
            "CBC" => Some(EncAlg::Cbc(bits)),
            "CBCPAD" => Some(EncAlg::CbcPad(bits)),
            _ => None,
        }
    }
}

/// Algorithms valid for wrapKey/unwrapKey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WrapAlg {
    Rsa(RsaPad),
    /// `A128KW`/`A192KW`/`A256KW`: RFC 3394 with the default IV; size must match the key.
    Kw(u32),
    /// `CKM_AES_KEY_WRAP`: the PKCS#11 name of the same RFC 3394 wrap, for any AES key size.
    CkmKw,
    /// `CKM_AES_KEY_WRAP_PAD`: RFC 5649 (KWP), for any AES key size.
    CkmKwp,
}

impl WrapAlg {
    /// RSA names, the two PKCS#11 names, then `A{128,192,256}KW`.
    pub(crate) fn parse(alg: &str) -> Option<WrapAlg> {
        if let Some(pad) = RsaPad::parse(alg) {
            return Some(WrapAlg::Rsa(pad));
        }
        match alg {
            "CKM_AES_KEY_WRAP" => return Some(WrapAlg::CkmKw),
            "CKM_AES_KEY_WRAP_PAD" => return Some(WrapAlg::CkmKwp),
            _ => {}
        }
        match aes_prefix(alg)? {
            (bits, "KW") => Some(WrapAlg::Kw(bits)),
            _ => None,
        }
    }
}

/// Splits `A128GCM` into `(128, "GCM")`; only the three AES sizes are recognised.
fn aes_prefix(alg: &str) -> Option<(u32, &str)> {
    // The size must be one of the three AES sizes; anything else (A512…) is unknown.
    let rest = alg.strip_prefix('A')?;
    for (prefix, bits) in [("128", 128), ("192", 192), ("256", 256)] {
        if let Some(mode) = rest.strip_prefix(prefix) {
            return Some((bits, mode));
        }
    }
    None
}

/// The algorithms a key accepts, per operation family, spelled as on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SupportedAlgorithms {
    /// encrypt/decrypt.
    pub encrypt: Vec<&'static str>,
    /// wrapKey/unwrapKey.
    pub wrap: Vec<&'static str>,
    /// sign/verify.
    pub sign: Vec<&'static str>,
}

/// The Managed HSM support matrix (docs/rest-api.md §7.1) for one key shape.
///
/// `size_bits` is used for oct keys (the AES size fixes the A128/A192/A256 names); `curve`
/// for EC keys (the curve fixes the one ES algorithm). An EC call without a curve, or an
/// unsupported AES size, yields empty lists.
///
/// `RSNULL` (PKCS#1 v1.5 over an arbitrary value with no DigestInfo) is listed by the service
/// for RSA but is not implemented: aws-lc-rs exposes no raw RSA private operation.
pub fn supported_algorithms(
    kind: KeyKind,
    size_bits: u32,
    curve: Option<Curve>,
) -> SupportedAlgorithms {
    // Order: recommended first, as the docs list them.
    const RSA_ENC: [&str; 3] = ["RSA-OAEP", "RSA-OAEP-256", "RSA1_5"];
    match kind {
        KeyKind::Rsa => SupportedAlgorithms {
            encrypt: RSA_ENC.to_vec(),
            wrap: RSA_ENC.to_vec(),
            sign: vec!["PS256", "PS384", "PS512", "RS256", "RS384", "RS512"],
        },
        // EC keys only sign: exactly one algorithm, fixed by the curve.
        KeyKind::Ec => SupportedAlgorithms {
            sign: match curve {
                Some(Curve::P256) => vec!["ES256"],
                Some(Curve::P256K) => vec!["ES256K"],
                Some(Curve::P384) => vec!["ES384"],
                Some(Curve::P521) => vec!["ES512"],
                None => vec![],
            },
            ..SupportedAlgorithms::default()
        },
        // AES keys: the size fixes the A128/A192/A256 prefix; the CKM_* wrap names and the
        // HMAC names work at any size.
        KeyKind::Oct => {
            let (gcm, cbc, cbcpad, kw) = match size_bits {
                128 => ("A128GCM", "A128CBC", "A128CBCPAD", "A128KW"),
                192 => ("A192GCM", "A192CBC", "A192CBCPAD", "A192KW"),
                256 => ("A256GCM", "A256CBC", "A256CBCPAD", "A256KW"),
                _ => return SupportedAlgorithms::default(),
            };
            SupportedAlgorithms {
                encrypt: vec![gcm, cbc, cbcpad],
                wrap: vec![kw, "CKM_AES_KEY_WRAP", "CKM_AES_KEY_WRAP_PAD"],
                sign: vec!["HS256", "HS384", "HS512"],
            }
        }
    }
}

/// Default `key_ops` for a new key of `kind`; see [`KeyKind::default_key_ops`].
// Owned strings, ready to go into a `JsonWebKey::key_ops`.
pub fn default_key_ops(kind: KeyKind) -> Vec<String> {
    kind.default_key_ops()
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // Every name in the matrix must parse in its family; near-misses must not parse anywhere.
    fn parses_every_listed_name_and_nothing_else() {
        for (kind, bits, curve) in [
            (KeyKind::Rsa, 2048, None),
            (KeyKind::Ec, 256, Some(Curve::P256K)),
            (KeyKind::Oct, 192, None),
        ] {
            let s = supported_algorithms(kind, bits, curve);
            assert!(s.encrypt.iter().all(|a| EncAlg::parse(a).is_some()));
            assert!(s.wrap.iter().all(|a| WrapAlg::parse(a).is_some()));
            assert!(s.sign.iter().all(|a| SignAlg::parse(a).is_some()));
        }
        // Wrong case, a non-AES size, a bare size, trailing junk, an unsupported OAEP hash,
        // wrong-case ES256K, the empty string and the unimplemented RSNULL.
        for bad in [
            "rs256",
            "A512GCM",
            "A128",
            "A128GCMX",
            "RSA-OAEP-384",
            "ES256k",
            "",
            "RSNULL",
        ] {
            assert!(SignAlg::parse(bad).is_none(), "{bad}");
            assert!(EncAlg::parse(bad).is_none(), "{bad}");
            assert!(WrapAlg::parse(bad).is_none(), "{bad}");
        }
        // Encryption and wrap names are disjoint apart from the RSA ones.
        assert!(EncAlg::parse("A128KW").is_none());
        assert!(WrapAlg::parse("A128GCM").is_none());
    }

    #[test]
    // The RSA list and its order come from a real service recording (docs §7.1, R9).
    fn default_key_ops_match_recording() {
        assert_eq!(
            default_key_ops(KeyKind::Rsa),
            [
                "wrapKey",
                "decrypt",
                "encrypt",
                "unwrapKey",
                "sign",
                "verify"
            ]
        );
        assert_eq!(default_key_ops(KeyKind::Ec), ["sign", "verify"]);
    }
}
