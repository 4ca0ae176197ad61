//! `KeyMaterial`: generation, JWK/PKCS#8 import, JWK export, SPKI, and the stable store serialisation.
//!
//! Representation choices:
//! * RSA and EC private keys are held as PKCS#8 v1 DER (RFC 5208) — the one private format
//!   aws-lc-rs both reads and writes for every key type — plus the parsed aws-lc objects, so
//!   operations do not re-parse (and re-run `RSA_check_key`) on every call. RSA needs two parsed
//!   objects because aws-lc-rs uses separate types for signing and decryption (dependencies.md
//!   gotcha 17).
//! * AES keys are raw bytes.
//! * Secret bytes live in `Zeroizing` buffers; the aws-lc objects are freed through
//!   `OPENSSL_free`, which cleanses memory in aws-lc. `Debug` never shows key bytes.

use aws_lc_rs::encoding::{AsBigEndian, AsDer};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use aws_lc_rs::rsa::{KeyPairComponents, KeySize, PrivateDecryptingKey, PublicKeyComponents};
use aws_lc_rs::signature::{self, EcdsaKeyPair, EcdsaSigningAlgorithm, KeyPair as _, RsaKeyPair};
use der::Decode as _;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::error::{KeyOpError, Result};
use crate::crypto::jwk::JsonWebKey;

/// The three key families Managed HSM supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyKind {
    /// RSA 2048/3072/4096 (`RSA`, `RSA-HSM`).
    Rsa,
    /// ECDSA over P-256, P-256K, P-384, P-521 (`EC`, `EC-HSM`).
    Ec,
    /// AES 128/192/256 (`oct`, `oct-HSM`; Managed HSM only).
    Oct,
}

impl KeyKind {
    /// Parses a JWK `kty`. Both soft and `-HSM` spellings map to the same kind, because
    /// Managed HSM stores every key in the HSM and normalises the type (docs/rest-api.md §6).
    pub fn from_kty(kty: &str) -> Result<KeyKind> {
        match kty {
            "RSA" | "RSA-HSM" => Ok(KeyKind::Rsa),
            "EC" | "EC-HSM" => Ok(KeyKind::Ec),
            "oct" | "oct-HSM" => Ok(KeyKind::Oct),
            other => Err(KeyOpError::InvalidKeyType(other.to_owned())),
        }
    }

    /// The `kty` Managed HSM returns: always the `-HSM` form (recorded: a create with
    /// `kty:"RSA"` came back as `RSA-HSM`).
    pub fn hsm_kty(self) -> &'static str {
        match self {
            KeyKind::Rsa => "RSA-HSM",
            KeyKind::Ec => "EC-HSM",
            KeyKind::Oct => "oct-HSM",
        }
    }

    /// Default `key_ops` for a key created without any.
    ///
    /// RSA is the recorded real-service answer (docs/rest-api.md §7.1, R9), in the service's order.
    /// EC and oct are **inferred** (no public recording): everything the key type can do in
    /// Managed HSM's support matrix — sign/verify for EC, and encrypt/decrypt/wrap/unwrap for AES.
    pub fn default_key_ops(self) -> &'static [&'static str] {
        match self {
            KeyKind::Rsa => &[
                "wrapKey",
                "decrypt",
                "encrypt",
                "unwrapKey",
                "sign",
                "verify",
            ],
            KeyKind::Ec => &["sign", "verify"],
            KeyKind::Oct => &["encrypt", "decrypt", "wrapKey", "unwrapKey"],
        }
    }
}

/// The four curves Managed HSM supports, with their JWK names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Curve {
    /// NIST P-256 (secp256r1), `P-256`.
    #[serde(rename = "P-256")]
    P256,
    /// secp256k1, which Key Vault calls `P-256K`.
    #[serde(rename = "P-256K")]
    P256K,
    /// NIST P-384, `P-384`.
    #[serde(rename = "P-384")]
    P384,
    /// NIST P-521, `P-521`.
    #[serde(rename = "P-521")]
    P521,
}

impl Curve {
    /// All curves, in the order the docs list them.
    pub const ALL: [Curve; 4] = [Curve::P256, Curve::P256K, Curve::P384, Curve::P521];

    /// Parses a JWK `crv` name (exact, case-sensitive as on the wire).
    pub fn from_jwk_name(name: &str) -> Result<Curve> {
        match name {
            "P-256" => Ok(Curve::P256),
            "P-256K" => Ok(Curve::P256K),
            "P-384" => Ok(Curve::P384),
            "P-521" => Ok(Curve::P521),
            other => Err(KeyOpError::InvalidCurve(other.to_owned())),
        }
    }

    /// The JWK `crv` name.
    pub fn jwk_name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P256K => "P-256K",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
        }
    }

    /// Field size in bits, which is also what the service reports as the key size.
    pub fn bits(self) -> u32 {
        match self {
            Curve::P256 | Curve::P256K => 256,
            Curve::P384 => 384,
            Curve::P521 => 521,
        }
    }

    /// Byte length of a coordinate or private scalar: ceil(bits / 8), so 66 for P-521.
    pub fn coord_len(self) -> usize {
        self.bits().div_ceil(8) as usize
    }

    /// The aws-lc signing algorithm bound to the key. The hash is fixed by the JOSE
    /// algorithm that matches the curve (ES256/ES256K → SHA-256, ES384 → SHA-384,
    /// ES512 → SHA-512); output is the fixed-width `r‖s` JWS form.
    pub(crate) fn signing_alg(self) -> &'static EcdsaSigningAlgorithm {
        match self {
            Curve::P256 => &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
            Curve::P256K => &signature::ECDSA_P256K1_SHA256_FIXED_SIGNING,
            Curve::P384 => &signature::ECDSA_P384_SHA384_FIXED_SIGNING,
            Curve::P521 => &signature::ECDSA_P521_SHA512_FIXED_SIGNING,
        }
    }

    /// One-byte tag used in [`KeyMaterial::to_bytes`].
    fn tag(self) -> u8 {
        match self {
            Curve::P256 => 1,
            Curve::P256K => 2,
            Curve::P384 => 3,
            Curve::P521 => 4,
        }
    }

    fn from_tag(tag: u8) -> Option<Curve> {
        Curve::ALL.into_iter().find(|c| c.tag() == tag)
    }
}

impl std::fmt::Display for Curve {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.jwk_name())
    }
}

/// Parsed RSA private key.
#[derive(Clone)]
pub(crate) struct RsaKey {
    /// PKCS#8 v1 DER of the private key (the stored form).
    pub(crate) pkcs8: Zeroizing<Vec<u8>>,
    /// aws-lc signing handle.
    pub(crate) signing: RsaKeyPair,
    /// aws-lc decryption handle (OAEP and PKCS#1 v1.5).
    pub(crate) decrypting: PrivateDecryptingKey,
    /// Modulus, big-endian without leading zeros (as JWK `n` requires, RFC 7518 §6.3.1.1).
    pub(crate) n: Vec<u8>,
    /// Public exponent, big-endian without leading zeros.
    pub(crate) e: Vec<u8>,
    /// Modulus length in bits.
    pub(crate) bits: u32,
}

/// Parsed EC private key.
#[derive(Clone)]
pub(crate) struct EcKey {
    /// The curve, which also fixes the one ES algorithm the key accepts.
    pub(crate) curve: Curve,
    /// PKCS#8 v1 DER of the private key (the stored form).
    pub(crate) pkcs8: Zeroizing<Vec<u8>>,
    /// aws-lc signing handle.
    pub(crate) pair: EcdsaKeyPair,
    /// Public coordinates, each exactly `curve.coord_len()` bytes (RFC 7518 §6.2.1.2).
    pub(crate) x: Vec<u8>,
    pub(crate) y: Vec<u8>,
}

/// Raw AES key.
#[derive(Clone)]
pub(crate) struct OctKey {
    /// 16, 24 or 32 bytes; used for AES (GCM, CBC, KW, KWP) and as the HMAC key.
    pub(crate) k: Zeroizing<Vec<u8>>,
}

/// The three representations; `ops` matches on this together with the parsed algorithm.
#[derive(Clone)]
pub(crate) enum Inner {
    Rsa(RsaKey),
    Ec(EcKey),
    Oct(OctKey),
}

/// Private key material of one key version. Cloning copies the secret buffers (each copy is
/// wiped on drop) and shares the aws-lc handles; `Debug` is redacted.
#[derive(Clone)]
pub struct KeyMaterial {
    pub(crate) inner: Inner,
}

// Every secret-bearing member is a `Zeroizing` buffer or an aws-lc object whose memory aws-lc
// cleanses when it is freed, so dropping a `KeyMaterial` wipes it.
impl zeroize::ZeroizeOnDrop for KeyMaterial {}

impl std::fmt::Debug for KeyMaterial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyMaterial")
            .field("kty", &self.kind().hsm_kty())
            .field("size_bits", &self.size_bits())
            .field("curve", &self.curve())
            .field("private", &"<redacted>")
            .finish()
    }
}

/// Store-format magic ("MK"), format version, then a kind tag (see [`KeyMaterial::to_bytes`]).
/// Any change to the payload encoding must bump `STORE_VERSION`, so that old blobs are
/// recognised (and migrated by the caller) instead of being misread.
const STORE_MAGIC: [u8; 2] = *b"MK";
const STORE_VERSION: u8 = 1;
/// Kind tags: ASCII letters, so a hex dump of a blob is self-describing.
const TAG_RSA: u8 = b'R';
const TAG_EC: u8 = b'E';
const TAG_OCT: u8 = b'O';

/// The RSA sizes Managed HSM supports (docs/rest-api.md §7.1).
pub const RSA_SIZES: [u32; 3] = [2048, 3072, 4096];
/// The AES sizes Managed HSM supports.
pub const AES_SIZES: [u32; 3] = [128, 192, 256];

/// Removes leading zero bytes (JWK integers are minimal big-endian, but some encoders pad).
pub(crate) fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

/// Bit length of a big-endian unsigned integer.
fn bit_len(bytes: &[u8]) -> u32 {
    let b = strip_leading_zeros(bytes);
    match b.first() {
        None => 0,
        Some(&top) => (b.len() as u32 - 1) * 8 + (8 - top.leading_zeros()),
    }
}

/// Left-pads an EC coordinate or scalar to the curve's fixed length. Shorter inputs are
/// accepted (some encoders drop leading zeros); longer ones only if the excess is zeros.
pub(crate) fn fixed_len(member: &'static str, bytes: &[u8], len: usize) -> Result<Vec<u8>> {
    let b = if bytes.len() > len {
        strip_leading_zeros(bytes)
    } else {
        bytes
    };
    if b.len() > len {
        return Err(KeyOpError::bad_member(
            member,
            format!("has {} bytes; the curve needs {len}", bytes.len()),
        ));
    }
    let mut out = vec![0u8; len - b.len()];
    out.extend_from_slice(b);
    Ok(out)
}

/// Modulus size of an RSA PKCS#8 that aws-lc would not load, for a precise error message.
fn rsa_pkcs8_modulus_bits(der: &[u8]) -> Option<u32> {
    let info = pkcs8::PrivateKeyInfoRef::from_der(der).ok()?;
    let key = pkcs1::RsaPrivateKey::<pkcs1::UintRef<'_>>::from_der(info.private_key.as_bytes());
    Some(bit_len(key.ok()?.modulus.as_bytes()))
}

/// Builds the SEC1 uncompressed point `04 ‖ x ‖ y` from JWK coordinates.
pub(crate) fn uncompressed_point(curve: Curve, x: &[u8], y: &[u8]) -> Result<Vec<u8>> {
    let len = curve.coord_len();
    let mut point = Vec::with_capacity(1 + 2 * len);
    point.push(0x04);
    point.extend_from_slice(&fixed_len("x", x, len)?);
    point.extend_from_slice(&fixed_len("y", y, len)?);
    Ok(point)
}

/// AES key sizes are the only oct sizes Managed HSM accepts.
fn check_aes_bits(bits: u32) -> Result<()> {
    if AES_SIZES.contains(&bits) {
        Ok(())
    } else {
        Err(KeyOpError::InvalidKeySize { kty: "oct", bits })
    }
}

/// PKCS#8 `AlgorithmIdentifier` OIDs used to recognise imported DER: rsaEncryption
/// (RFC 8017), id-ecPublicKey (RFC 5480) and the named curves (RFC 5480 §2.1.1.1, SEC 2 for
/// secp256k1). Compared as dotted strings to avoid a `const-oid` dependency.
const OID_RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const OID_EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const OID_P256: &str = "1.2.840.10045.3.1.7";
const OID_P256K: &str = "1.3.132.0.10";
const OID_P384: &str = "1.3.132.0.34";
const OID_P521: &str = "1.3.132.0.35";

impl KeyMaterial {
    // ----- generation -------------------------------------------------------------------

    /// Generates an RSA key of 2048, 3072 or 4096 bits.
    ///
    /// aws-lc-rs always generates with e = 65537 (F4), so `public_exponent` may only be `None`
    /// or `Some(65537)`; anything else is `InvalidParameter`. (Key Vault's `public_exponent`
    /// parameter is rarely used and no other value is documented for Managed HSM.)
    pub fn generate_rsa(bits: u32, public_exponent: Option<u32>) -> Result<Self> {
        let size = match bits {
            2048 => KeySize::Rsa2048,
            3072 => KeySize::Rsa3072,
            4096 => KeySize::Rsa4096,
            _ => return Err(KeyOpError::InvalidKeySize { kty: "RSA", bits }),
        };
        if let Some(e) = public_exponent
            && e != 65537
        {
            return Err(KeyOpError::InvalidParameter(format!(
                "public exponent {e} is not supported; only 65537 is"
            )));
        }
        // aws-lc generates a two-prime key with e = 65537 and checks it before returning.
        let pair =
            RsaKeyPair::generate(size).map_err(|_| KeyOpError::Internal("RSA key generation"))?;
        let der = pair
            .as_der()
            .map_err(|_| KeyOpError::Internal("RSA PKCS#8 encoding"))?;
        Self::from_rsa_pkcs8(der.as_ref())
    }

    /// Generates an EC key on `curve`.
    pub fn generate_ec(curve: Curve) -> Result<Self> {
        // The private scalar is drawn uniformly in [1, n−1] by aws-lc.
        let pair = EcdsaKeyPair::generate(curve.signing_alg())
            .map_err(|_| KeyOpError::Internal("EC key generation"))?;
        let doc = pair
            .to_pkcs8v1()
            .map_err(|_| KeyOpError::Internal("EC PKCS#8 encoding"))?;
        Self::from_ec_pkcs8(curve, doc.as_ref())
    }

    /// Generates an AES key of 128, 192 or 256 bits from the system CSPRNG.
    pub fn generate_oct(bits: u32) -> Result<Self> {
        check_aes_bits(bits)?;
        // A fresh random AES key: every bit string is a valid key.
        let mut k = Zeroizing::new(vec![0u8; bits as usize / 8]);
        SystemRandom::new()
            .fill(&mut k)
            .map_err(|_| KeyOpError::Internal("random number generator"))?;
        Ok(KeyMaterial {
            inner: Inner::Oct(OctKey { k }),
        })
    }

    // ----- import -----------------------------------------------------------------------

    /// Imports a private key from a JWK (Key Vault `KeyImportParameters.key`).
    ///
    /// * RSA needs `n, e, d, p, q, dp, dq, qi`. aws-lc checks them all for consistency
    ///   (`n = p·q`, `d·e ≡ 1`, CRT values), so a public part that does not match the private
    ///   part is rejected. Missing CRT members are not computed: the error names the first one
    ///   missing. Only 2048/3072/4096-bit moduli are accepted.
    /// * EC needs `crv, x, y, d`; the point must be on the curve and equal `d·G`.
    /// * oct needs `k` of 16, 24 or 32 bytes.
    /// * A BYOK blob (`key_hsm`) is not handled here: the emulator must first unwrap it and call
    ///   [`KeyMaterial::from_pkcs8_der`] / [`KeyMaterial::from_oct_bytes`].
    pub fn from_jwk(jwk: &JsonWebKey) -> Result<Self> {
        let kty = jwk.kty.as_deref().ok_or(KeyOpError::missing("kty"))?;
        let kind = KeyKind::from_kty(kty)?;
        // `key_hsm` carries the key encrypted to the HSM's KEK; with no clear private member
        // beside it the caller must decrypt it first (see the doc comment).
        let has_clear_private = match kind {
            KeyKind::Rsa | KeyKind::Ec => jwk.d.is_some(),
            KeyKind::Oct => jwk.k.is_some(),
        };
        if jwk.t.is_some() && !has_clear_private {
            return Err(KeyOpError::bad_member(
                "key_hsm",
                "(BYOK blob) must be unwrapped before import",
            ));
        }
        match kind {
            KeyKind::Rsa => Self::rsa_from_jwk(jwk),
            KeyKind::Ec => Self::ec_from_jwk(jwk),
            KeyKind::Oct => Self::from_oct_bytes(jwk.k.as_deref().ok_or(KeyOpError::missing("k"))?),
        }
    }

    fn rsa_from_jwk(jwk: &JsonWebKey) -> Result<Self> {
        let get = |member: &'static str, v: &Option<Vec<u8>>| -> Result<Vec<u8>> {
            match v.as_deref() {
                None => Err(KeyOpError::missing(member)),
                Some([]) => Err(KeyOpError::bad_member(member, "is empty")),
                Some(b) => Ok(b.to_vec()),
            }
        };
        // Public components must be minimal for aws-lc; strip any padding zeros.
        let n = strip_leading_zeros(&get("n", &jwk.n)?).to_vec();
        let e = strip_leading_zeros(&get("e", &jwk.e)?).to_vec();
        // Size first, so that a 1024-bit key is reported as a size error.
        let bits = bit_len(&n);
        if !RSA_SIZES.contains(&bits) {
            return Err(KeyOpError::InvalidKeySize { kty: "RSA", bits });
        }
        // Private components go into Zeroizing buffers so that they are wiped after use.
        let d = Zeroizing::new(get("d", &jwk.d)?);
        let p = Zeroizing::new(get("p", &jwk.p)?);
        let q = Zeroizing::new(get("q", &jwk.q)?);
        let dp = Zeroizing::new(get("dp", &jwk.dp)?);
        let dq = Zeroizing::new(get("dq", &jwk.dq)?);
        let qi = Zeroizing::new(get("qi", &jwk.qi)?);
        // aws-lc validates all eight values together (`RSA_check_key`).
        let components = KeyPairComponents {
            public_key: PublicKeyComponents {
                n: &n[..],
                e: &e[..],
            },
            d: &d[..],
            p: &p[..],
            q: &q[..],
            dP: &dp[..],
            dQ: &dq[..],
            qInv: &qi[..],
        };
        let pair = RsaKeyPair::from_components(&components).map_err(|_| {
            KeyOpError::InconsistentKey("RSA components do not form a valid key pair")
        })?;
        let der = pair
            .as_der()
            .map_err(|_| KeyOpError::Internal("RSA PKCS#8 encoding"))?;
        Self::from_rsa_pkcs8(der.as_ref())
    }

    fn ec_from_jwk(jwk: &JsonWebKey) -> Result<Self> {
        let curve = Curve::from_jwk_name(jwk.crv.as_deref().ok_or(KeyOpError::missing("crv"))?)?;
        let x = jwk.x.as_deref().ok_or(KeyOpError::missing("x"))?;
        let y = jwk.y.as_deref().ok_or(KeyOpError::missing("y"))?;
        let d = jwk.d.as_deref().ok_or(KeyOpError::missing("d"))?;
        // JWK x/y become the SEC1 point aws-lc parses; d is left-padded to the field size.
        let point = uncompressed_point(curve, x, y)?;
        let scalar = Zeroizing::new(fixed_len("d", d, curve.coord_len())?);
        // aws-lc checks that the point is on the curve and that it equals d·G.
        let pair =
            EcdsaKeyPair::from_private_key_and_public_key(curve.signing_alg(), &scalar, &point)
                .map_err(|_| {
                    KeyOpError::InconsistentKey("EC public point does not match the private scalar")
                })?;
        let doc = pair
            .to_pkcs8v1()
            .map_err(|_| KeyOpError::Internal("EC PKCS#8 encoding"))?;
        Self::from_ec_pkcs8(curve, doc.as_ref())
    }

    /// Imports an AES key from raw bytes (16, 24 or 32 of them).
    pub fn from_oct_bytes(k: &[u8]) -> Result<Self> {
        check_aes_bits(k.len() as u32 * 8)?;
        Ok(KeyMaterial {
            inner: Inner::Oct(OctKey {
                k: Zeroizing::new(k.to_vec()),
            }),
        })
    }

    /// Imports an unencrypted PKCS#8 (RFC 5208/5958) RSA or EC private key, as found in a
    /// `BEGIN PRIVATE KEY` PEM or an unwrapped BYOK blob. The algorithm and curve come from the
    /// `AlgorithmIdentifier`.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        // Only the outer PrivateKeyInfo is parsed here, to learn the algorithm; the key itself
        // is parsed (and validated) by aws-lc.
        let info = pkcs8::PrivateKeyInfoRef::from_der(der).map_err(|_| {
            KeyOpError::InvalidParameter("not a DER PKCS#8 PrivateKeyInfo".to_owned())
        })?;
        let alg = info.algorithm.oid.to_string();
        if alg == OID_RSA_ENCRYPTION {
            return Self::from_rsa_pkcs8(der);
        }
        if alg != OID_EC_PUBLIC_KEY {
            return Err(KeyOpError::InvalidKeyType(format!(
                "PKCS#8 algorithm {alg}"
            )));
        }
        let curve_oid = info
            .algorithm
            .parameters
            .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok())
            .map(|o| o.to_string())
            .ok_or_else(|| KeyOpError::InvalidCurve("missing named-curve parameter".to_owned()))?;
        let curve = match curve_oid.as_str() {
            OID_P256 => Curve::P256,
            OID_P256K => Curve::P256K,
            OID_P384 => Curve::P384,
            OID_P521 => Curve::P521,
            other => return Err(KeyOpError::InvalidCurve(other.to_owned())),
        };
        Self::from_ec_pkcs8(curve, der)
    }

    /// Parses RSA PKCS#8 into both aws-lc handles and checks the size.
    fn from_rsa_pkcs8(der: &[u8]) -> Result<Self> {
        // aws-lc refuses moduli under 2048 bits outright; report that as a size error (as
        // the JWK path does) rather than as an inconsistent key.
        let rejected = || match rsa_pkcs8_modulus_bits(der) {
            Some(bits) if !RSA_SIZES.contains(&bits) => {
                KeyOpError::InvalidKeySize { kty: "RSA", bits }
            }
            _ => KeyOpError::InconsistentKey("RSA private key rejected"),
        };
        // Two handles from the same DER: aws-lc-rs keeps signing and decryption key types apart.
        let signing = RsaKeyPair::from_pkcs8(der).map_err(|_| rejected())?;
        let decrypting = PrivateDecryptingKey::from_pkcs8(der).map_err(|_| rejected())?;
        let public = signing.public_key();
        let n = public.modulus().big_endian_without_leading_zero().to_vec();
        let e = public.exponent().big_endian_without_leading_zero().to_vec();
        let bits = bit_len(&n);
        if !RSA_SIZES.contains(&bits) {
            return Err(KeyOpError::InvalidKeySize { kty: "RSA", bits });
        }
        Ok(KeyMaterial {
            inner: Inner::Rsa(RsaKey {
                pkcs8: Zeroizing::new(der.to_vec()),
                signing,
                decrypting,
                n,
                e,
                bits,
            }),
        })
    }

    /// Parses EC PKCS#8 for `curve` (aws-lc rejects a PKCS#8 of another curve).
    fn from_ec_pkcs8(curve: Curve, der: &[u8]) -> Result<Self> {
        let pair = EcdsaKeyPair::from_pkcs8(curve.signing_alg(), der)
            .map_err(|_| KeyOpError::InconsistentKey("EC private key rejected"))?;
        // The public key is the SEC1 uncompressed point 04 ‖ x ‖ y with fixed-width coordinates.
        let point = pair.public_key().as_ref();
        let len = curve.coord_len();
        if point.len() != 1 + 2 * len || point[0] != 0x04 {
            return Err(KeyOpError::Internal("unexpected EC public key encoding"));
        }
        let x = point[1..1 + len].to_vec();
        let y = point[1 + len..].to_vec();
        Ok(KeyMaterial {
            inner: Inner::Ec(EcKey {
                curve,
                pkcs8: Zeroizing::new(der.to_vec()),
                pair,
                x,
                y,
            }),
        })
    }

    // ----- store serialisation ----------------------------------------------------------

    /// Serialises the private key for the emulator's encrypted store.
    ///
    /// Format (version 1): `"MK" ‖ 0x01 ‖ tag ‖ payload` where
    /// * tag `'R'`: payload is the RSA PKCS#8 v1 DER;
    /// * tag `'E'`: one curve byte (1 = P-256, 2 = P-256K, 3 = P-384, 4 = P-521), then PKCS#8 v1 DER;
    /// * tag `'O'`: payload is the raw AES key.
    ///
    /// The bytes are secret; encrypt them before they leave memory.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::new());
        out.extend_from_slice(&STORE_MAGIC);
        out.push(STORE_VERSION);
        match &self.inner {
            Inner::Rsa(r) => {
                out.push(TAG_RSA);
                out.extend_from_slice(&r.pkcs8);
            }
            Inner::Ec(e) => {
                out.push(TAG_EC);
                out.push(e.curve.tag());
                out.extend_from_slice(&e.pkcs8);
            }
            Inner::Oct(o) => {
                out.push(TAG_OCT);
                out.extend_from_slice(&o.k);
            }
        }
        out
    }

    /// Inverse of [`KeyMaterial::to_bytes`]. Any malformation is `CorruptKeyMaterial`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let corrupt = |_| KeyOpError::CorruptKeyMaterial;
        // Slice patterns split the 4-byte header; anything shorter is corrupt.
        let [m0, m1, version, tag, payload @ ..] = bytes else {
            return Err(KeyOpError::CorruptKeyMaterial);
        };
        if [*m0, *m1] != STORE_MAGIC || *version != STORE_VERSION {
            return Err(KeyOpError::CorruptKeyMaterial);
        }
        match *tag {
            TAG_RSA => Self::from_rsa_pkcs8(payload).map_err(corrupt),
            TAG_EC => {
                let [curve, der @ ..] = payload else {
                    return Err(KeyOpError::CorruptKeyMaterial);
                };
                let curve = Curve::from_tag(*curve).ok_or(KeyOpError::CorruptKeyMaterial)?;
                Self::from_ec_pkcs8(curve, der).map_err(corrupt)
            }
            TAG_OCT => Self::from_oct_bytes(payload).map_err(corrupt),
            _ => Err(KeyOpError::CorruptKeyMaterial),
        }
    }

    // ----- accessors ----------------------------------------------------------------------

    /// Key family.
    pub fn kind(&self) -> KeyKind {
        match &self.inner {
            Inner::Rsa(_) => KeyKind::Rsa,
            Inner::Ec(_) => KeyKind::Ec,
            Inner::Oct(_) => KeyKind::Oct,
        }
    }

    /// RSA modulus bits, EC field bits (256/256/384/521) or AES key bits.
    pub fn size_bits(&self) -> u32 {
        match &self.inner {
            Inner::Rsa(r) => r.bits,
            Inner::Ec(e) => e.curve.bits(),
            Inner::Oct(o) => o.k.len() as u32 * 8,
        }
    }

    /// The curve of an EC key.
    pub fn curve(&self) -> Option<Curve> {
        match &self.inner {
            Inner::Ec(e) => Some(e.curve),
            _ => None,
        }
    }

    /// Human description used in error messages, e.g. `key type RSA-HSM (2048 bits)`.
    pub(crate) fn describe(&self) -> String {
        match &self.inner {
            Inner::Ec(e) => format!("key type EC-HSM (curve {})", e.curve),
            _ => format!(
                "key type {} ({} bits)",
                self.kind().hsm_kty(),
                self.size_bits()
            ),
        }
    }

    // ----- export -----------------------------------------------------------------------

    /// The public JWK as a `KeyBundle` shows it: `kty` (`-HSM` form) plus RSA `n, e` or EC
    /// `crv, x, y`; an oct key has no public part, so only `kty`. `kid` and `key_ops` are left
    /// for the caller to fill in.
    pub fn public_jwk(&self) -> JsonWebKey {
        let mut jwk = JsonWebKey::with_kty(self.kind().hsm_kty());
        match &self.inner {
            Inner::Rsa(r) => {
                jwk.n = Some(r.n.clone());
                jwk.e = Some(r.e.clone());
            }
            Inner::Ec(e) => {
                jwk.crv = Some(e.curve.jwk_name().to_owned());
                jwk.x = Some(e.x.clone());
                jwk.y = Some(e.y.clone());
            }
            Inner::Oct(_) => {}
        }
        jwk
    }

    /// The full private JWK. Only for exportable-key release paths; never log it.
    ///
    /// RSA members come from the PKCS#1 `RSAPrivateKey` inside the stored PKCS#8, as minimal
    /// big-endian integers (RFC 7518 §6.3.2); EC `d` is the fixed-width scalar (§6.2.2.1).
    pub fn private_jwk(&self) -> JsonWebKey {
        let mut jwk = self.public_jwk();
        match &self.inner {
            Inner::Rsa(r) => {
                // The DER was produced or validated by aws-lc, so parsing cannot fail in
                // practice; if it ever did, the JWK would simply lack private members.
                if let Ok(info) = pkcs8::PrivateKeyInfoRef::from_der(&r.pkcs8)
                    && let Ok(key) = pkcs1::RsaPrivateKey::from_der(info.private_key.as_bytes())
                {
                    let int = |u: pkcs1::UintRef<'_>| Some(u.as_bytes().to_vec());
                    jwk.d = int(key.private_exponent);
                    jwk.p = int(key.prime1);
                    jwk.q = int(key.prime2);
                    jwk.dp = int(key.exponent1);
                    jwk.dq = int(key.exponent2);
                    jwk.qi = int(key.coefficient);
                }
            }
            Inner::Ec(e) => {
                if let Ok(d) = e.pair.private_key().as_be_bytes() {
                    jwk.d = Some(d.as_ref().to_vec());
                }
            }
            Inner::Oct(o) => jwk.k = Some(o.k.to_vec()),
        }
        jwk
    }

    /// DER `SubjectPublicKeyInfo` (RFC 5280) for `key download`; RSA and EC only.
    pub fn public_key_spki_der(&self) -> Result<Vec<u8>> {
        let der = match &self.inner {
            Inner::Rsa(r) => r.signing.public_key().as_der(),
            Inner::Ec(e) => e.pair.public_key().as_der(),
            Inner::Oct(_) => {
                return Err(KeyOpError::UnsupportedOperation {
                    op: "download public key",
                    key: self.describe(),
                });
            }
        };
        der.map(|d| d.as_ref().to_vec())
            .map_err(|_| KeyOpError::Internal("SubjectPublicKeyInfo encoding"))
    }

    /// The algorithms this key accepts, for validation and iteration.
    pub fn supported_algorithms(&self) -> super::alg::SupportedAlgorithms {
        super::alg::supported_algorithms(self.kind(), self.size_bits(), self.curve())
    }

    /// The plaintext secure key release wraps (service-facts.md §5.2): the raw AES key for
    /// `oct`, PKCS#8 v1 DER for RSA and EC. Secret.
    pub fn release_plaintext(&self) -> Zeroizing<Vec<u8>> {
        match &self.inner {
            Inner::Rsa(r) => r.pkcs8.clone(),
            Inner::Ec(e) => e.pkcs8.clone(),
            Inner::Oct(o) => o.k.clone(),
        }
    }
}
