//! RSA public keys and X.509 wrapping/exchange certificates for the security domain
//! (security-domain.md §2 thumbprints, §7.1 wrapping certificates, §7.2 exchange certificate,
//! §9.1 the download request body).
//!
//! * A certificate is accepted as PEM with any line width (az writes 65-column lines without a
//!   trailing newline for the exchange key, §7.2) or as DER. Only the fields we need are read:
//!   the SubjectPublicKeyInfo. Validity, chain, key usage and the HSM's SGX attestation
//!   extension are not examined (az does not either, §7.1/§7.2); the parser walks the TBS
//!   structure generically so unusual-but-valid certificates are not rejected.
//! * The key must be RSA with a modulus ≥ 2048 bits, else az's message "Only RSA >= 2048 is
//!   supported." (§7.1).
//! * Thumbprints: `x5t` = b64url(SHA-1(DER)), `x5t#S256`/`x5t_256` = b64url(SHA-256(DER)) of the
//!   whole certificate (§2, vectors `primitives/thumbprints.json`).

use std::fmt;

use aws_lc_rs::digest;
use aws_lc_rs::rsa::{OAEP_SHA256_MGF1SHA256, OaepPublicEncryptingKey, PublicEncryptingKey};
use der::asn1::{AnyRef, BitStringRef, UintRef};
use der::{Decode, Encode, Reader, SliceReader, Tag, Tagged};
use pkcs8::spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};

use super::b64::{b64_std_encode, b64url_decode_lenient, b64url_encode};
use super::pem::{parse_pem_blocks, to_pem};
use super::pyjson::PyJson;
use super::sd_error::{CryptoError, Result};

/// Minimum modulus size accepted for wrapping and exchange certificates (§7.1).
pub const MIN_RSA_BITS: usize = 2048;

/// Human name of a SubjectPublicKeyInfo algorithm OID, for error messages.
// Only used to make "not RSA" errors concrete ("the certificate's key is EC").
pub(crate) fn key_algorithm_name(oid: &der::asn1::ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.2.840.113549.1.1.1" => "RSA".into(),
        "1.2.840.113549.1.1.10" => "RSASSA-PSS".into(),
        "1.2.840.10045.2.1" => "EC".into(),
        "1.3.101.112" => "Ed25519".into(),
        "1.3.101.113" => "Ed448".into(),
        "1.3.101.110" => "X25519".into(),
        "1.2.840.10040.4.1" => "DSA".into(),
        other => format!("algorithm OID {other}"),
    }
}

/// An RSA public key: big-endian modulus and exponent (no leading zero bytes) plus the
/// canonical SubjectPublicKeyInfo DER used to load it into aws-lc.
#[derive(Clone, PartialEq, Eq)]
// `n`/`e` are stored canonically (no leading zero bytes) so that two encodings of the same
// key compare equal: this equality is how keys are matched to certificates and how a
// duplicated key is detected (§7.3, run N4).
pub struct RsaPublic {
    n: Vec<u8>,
    e: Vec<u8>,
    spki_der: Vec<u8>,
}

impl fmt::Debug for RsaPublic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaPublic")
            .field("bits", &self.modulus_bits())
            // Public data, but a modulus dump would only be noise in logs.
            .field("e", &b64url_encode(&self.e))
            .finish_non_exhaustive()
    }
}

fn strip_leading_zeros(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|x| *x != 0).unwrap_or(b.len());
    &b[start..]
}

impl RsaPublic {
    /// Builds a key from its components (big-endian, leading zeros allowed and removed).
    pub fn from_components(n: &[u8], e: &[u8]) -> Result<RsaPublic> {
        let n = strip_leading_zeros(n);
        let e = strip_leading_zeros(e);
        if n.is_empty() || e.is_empty() {
            return Err(CryptoError::InvalidKey(
                "RSA modulus and exponent must be non-zero".into(),
            ));
        }
        // An even modulus is never an RSA modulus; catch obviously broken JWKs early.
        if n[n.len() - 1] & 1 == 0 {
            return Err(CryptoError::InvalidKey("RSA modulus must be odd".into()));
        }
        let der_err =
            |e: der::Error| CryptoError::InvalidKey(format!("cannot encode RSA key: {e}"));
        // Re-encode as RSAPublicKey inside a SubjectPublicKeyInfo with rsaEncryption + NULL
        // parameters (RFC 3279 §2.3.1), the form aws-lc's `PublicEncryptingKey::from_der` takes.
        let pkcs1_der = pkcs1::RsaPublicKey {
            modulus: UintRef::new(n).map_err(der_err)?,
            public_exponent: UintRef::new(e).map_err(der_err)?,
        }
        .to_der()
        .map_err(der_err)?;
        let spki = SubjectPublicKeyInfoRef {
            algorithm: AlgorithmIdentifierRef {
                oid: pkcs1::ALGORITHM_OID,
                parameters: Some(AnyRef::NULL),
            },
            subject_public_key: BitStringRef::from_bytes(&pkcs1_der).map_err(der_err)?,
        };
        let spki_der = spki.to_der().map_err(der_err)?;
        Ok(RsaPublic {
            n: n.to_vec(),
            e: e.to_vec(),
            spki_der,
        })
    }

    /// Parses a DER SubjectPublicKeyInfo (`rsaEncryption` only).
    pub fn from_spki_der(der_bytes: &[u8]) -> Result<RsaPublic> {
        let spki = SubjectPublicKeyInfoRef::from_der(der_bytes)
            .map_err(|e| CryptoError::InvalidKey(format!("invalid SubjectPublicKeyInfo: {e}")))?;
        Self::from_spki(&spki)
    }

    fn from_spki(spki: &SubjectPublicKeyInfoRef<'_>) -> Result<RsaPublic> {
        // az checks `isinstance(key, RSAPublicKey)`; RSASSA-PSS-only keys are refused as well,
        // since they may not be used for encryption.
        if spki.algorithm.oid != pkcs1::ALGORITHM_OID {
            return Err(CryptoError::NotRsaKey(format!(
                "the public key is {}",
                key_algorithm_name(&spki.algorithm.oid)
            )));
        }
        // The BIT STRING wraps the DER RSAPublicKey { modulus, publicExponent }.
        let raw = spki.subject_public_key.as_bytes().ok_or_else(|| {
            CryptoError::InvalidKey("RSA public key bit string is not byte aligned".into())
        })?;
        let pk = pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(raw)
            .map_err(|e| CryptoError::InvalidKey(format!("invalid RSAPublicKey: {e}")))?;
        Self::from_components(pk.modulus.as_bytes(), pk.public_exponent.as_bytes())
    }

    /// Builds a key from JWK `n`/`e` members (b64url, decoded leniently like az).
    pub fn from_jwk(n_b64: &str, e_b64: &str) -> Result<RsaPublic> {
        Self::from_components(
            // JWK members are b64url without padding; decode leniently like every az input.
            &b64url_decode_lenient(n_b64)?,
            &b64url_decode_lenient(e_b64)?,
        )
    }

    /// Modulus, big-endian, without leading zero bytes.
    pub fn n(&self) -> &[u8] {
        &self.n
    }

    /// Public exponent, big-endian, without leading zero bytes.
    pub fn e(&self) -> &[u8] {
        &self.e
    }

    /// Canonical DER SubjectPublicKeyInfo.
    pub fn spki_der(&self) -> &[u8] {
        &self.spki_der
    }

    /// Bit length of the modulus.
    pub fn modulus_bits(&self) -> usize {
        match self.n.first() {
            // Bit length of the canonical big-endian modulus (2048 for the vectors' keys).
            Some(first) => self.n.len() * 8 - first.leading_zeros() as usize,
            None => 0,
        }
    }

    /// JWK `n` (b64url, unsigned big-endian, no leading zero — §9.1).
    pub fn jwk_n(&self) -> String {
        b64url_encode(&self.n)
    }

    /// JWK `e` (b64url; `AQAB` for 65537).
    pub fn jwk_e(&self) -> String {
        b64url_encode(&self.e)
    }

    /// RSA-OAEP with SHA-256 and MGF1-SHA-256, empty label (JWE `RSA-OAEP-256`, §6). The OAEP
    /// seed comes from aws-lc's own system generator.
    pub(crate) fn encrypt_oaep_sha256(&self, msg: &[u8]) -> Result<Vec<u8>> {
        // aws-lc refuses moduli below 2048 bits; certificates were already checked (§7.1).
        let key = PublicEncryptingKey::from_der(&self.spki_der).map_err(|e| {
            CryptoError::InvalidKey(format!(
                "RSA public key ({} bits) rejected for encryption: {e}",
                self.modulus_bits()
            ))
        })?;
        let oaep = OaepPublicEncryptingKey::new(key)?;
        // Output is exactly the modulus size (256 bytes for RSA-2048, 512 for RSA-4096).
        let mut out = vec![0u8; oaep.ciphertext_size()];
        let len = oaep
            .encrypt(&OAEP_SHA256_MGF1SHA256, msg, &mut out, None)?
            .len();
        out.truncate(len);
        Ok(out)
    }
}

/// A parsed certificate with the values the security domain needs.
#[derive(Clone, PartialEq, Eq)]
// `der` is kept verbatim because `x5c` (§9.1) and the thumbprints are defined over the
// exact bytes; re-encoding could change them.
pub struct Certificate {
    /// The certificate DER exactly as read (thumbprints are over these bytes).
    pub der: Vec<u8>,
    /// b64url(SHA-1(DER)) — JWK `x5t`.
    pub x5t: String,
    /// b64url(SHA-256(DER)) — JWK `x5t#S256`, SD `x5t_256`.
    pub x5t_s256: String,
    /// The certificate's RSA public key (≥ 2048 bits).
    pub public: RsaPublic,
}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("x5t_s256", &self.x5t_s256)
            .field("public", &self.public)
            .finish_non_exhaustive()
    }
}

/// b64url(SHA-256(der)).
pub fn thumbprint_s256(der_bytes: &[u8]) -> String {
    b64url_encode(digest::digest(&digest::SHA256, der_bytes).as_ref())
}

/// b64url(SHA-1(der)).
pub fn thumbprint_sha1(der_bytes: &[u8]) -> String {
    b64url_encode(digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, der_bytes).as_ref())
}

/// Walks `Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature }` down to
/// the SubjectPublicKeyInfo without interpreting anything else (lenient on purpose).
fn spki_of_certificate(der_bytes: &[u8]) -> Result<SubjectPublicKeyInfoRef<'_>> {
    let bad = |what: &str, e: der::Error| CryptoError::InvalidCertificate(format!("{what}: {e}"));
    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }.
    let cert = AnyRef::from_der(der_bytes).map_err(|e| bad("not DER", e))?;
    if cert.tag() != Tag::Sequence {
        return Err(CryptoError::InvalidCertificate(
            "not an X.509 certificate (no outer SEQUENCE)".into(),
        ));
    }
    let mut outer = SliceReader::new(cert.value()).map_err(|e| bad("certificate", e))?;
    let tbs: AnyRef<'_> = outer.decode().map_err(|e| bad("tbsCertificate", e))?;
    if tbs.tag() != Tag::Sequence {
        return Err(CryptoError::InvalidCertificate(
            "tbsCertificate is not a SEQUENCE".into(),
        ));
    }
    let mut r = SliceReader::new(tbs.value()).map_err(|e| bad("tbsCertificate", e))?;
    // version [0] EXPLICIT is optional; then serialNumber, signature, issuer, validity, subject.
    // TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer,
    // validity, subject, subjectPublicKeyInfo, … } (RFC 5280 §4.1): skip to the 7th field.
    let first: AnyRef<'_> = r.decode().map_err(|e| bad("tbsCertificate", e))?;
    let skip = if first.tag().is_context_specific() {
        5
    } else {
        4
    };
    for _ in 0..skip {
        let _: AnyRef<'_> = r.decode().map_err(|e| bad("tbsCertificate", e))?;
    }
    r.decode().map_err(|e| bad("subjectPublicKeyInfo", e))
}

impl Certificate {
    /// Parses a DER certificate.
    pub fn from_der(der_bytes: &[u8]) -> Result<Certificate> {
        // az's checks (§7.1): RSA, modulus ≥ 2048, nothing else (no validity, no chain, no
        // key usage). The error text starts with az's own message.
        let spki = spki_of_certificate(der_bytes)?;
        let public = match RsaPublic::from_spki(&spki) {
            Ok(p) => p,
            Err(CryptoError::NotRsaKey(_)) => {
                return Err(CryptoError::UnsupportedCertificateKey(format!(
                    "The certificate's key is {}, not RSA.",
                    key_algorithm_name(&spki.algorithm.oid)
                )));
            }
            Err(e) => return Err(CryptoError::InvalidCertificate(e.to_string())),
        };
        let bits = public.modulus_bits();
        if bits < MIN_RSA_BITS {
            return Err(CryptoError::UnsupportedCertificateKey(format!(
                "The certificate's key is RSA-{bits}."
            )));
        }
        Ok(Certificate {
            der: der_bytes.to_vec(),
            x5t: thumbprint_sha1(der_bytes),
            x5t_s256: thumbprint_s256(der_bytes),
            public,
        })
    }

    /// Parses the first `CERTIFICATE` block of a PEM text (any line width, with or without a
    /// trailing newline, other blocks ignored).
    pub fn from_pem(pem: &[u8]) -> Result<Certificate> {
        let blocks = parse_pem_blocks(pem)?;
        match blocks
            .iter()
            // `X509 CERTIFICATE` is the pre-RFC 7468 label some old tools still write.
            .find(|b| b.label == "CERTIFICATE" || b.label == "X509 CERTIFICATE")
        {
            Some(b) => Self::from_der(&b.der),
            None if blocks.is_empty() => Err(CryptoError::InvalidCertificate(
                "no \"-----BEGIN CERTIFICATE-----\" block found".into(),
            )),
            None => Err(CryptoError::InvalidCertificate(format!(
                "no \"-----BEGIN CERTIFICATE-----\" block found (the file contains: {})",
                blocks
                    .iter()
                    .map(|b| b.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Parses PEM if the input contains a PEM block, otherwise DER.
    pub fn from_pem_or_der(bytes: &[u8]) -> Result<Certificate> {
        // az requires PEM for certificates (§7.1); accepting DER as well costs nothing.
        if !parse_pem_blocks(bytes)?.is_empty() {
            Self::from_pem(bytes)
        } else {
            Self::from_der(bytes)
        }
    }

    /// Standard PEM (64-column lines, trailing newline).
    pub fn to_pem(&self) -> String {
        to_pem("CERTIFICATE", &self.der, 64, true)
    }
}

/// The PEM text `az keyvault security-domain init-recovery` writes for the exchange certificate
/// (`x5c[0]`): 65-character base64 lines, `\n` separators, **no trailing newline** (§7.2).
pub fn to_pem_65(der_bytes: &[u8]) -> String {
    // az: base64 of x5c[0] cut into 65-character pieces joined with "\n" between the BEGIN
    // and END lines, written without a final newline (vector keys/exchange.pem).
    to_pem("CERTIFICATE", der_bytes, 65, false)
}

/// One JWK of the download request, members in az's order (§9.1): `x5c, x5t, x5t#S256,
/// key_ops, kty, alg, n, e` — no `kid`, no `use`.
pub fn to_sd_jwk(cert: &Certificate) -> PyJson {
    PyJson::object([
        (
            "x5c",
            // x5c: standard base64 WITH padding (RFC 7517 §4.7), unlike every other member.
            PyJson::Array(vec![PyJson::str(b64_std_encode(&cert.der))]),
        ),
        // Thumbprints: b64url without padding over the certificate DER (§2).
        ("x5t", PyJson::str(cert.x5t.clone())),
        ("x5t#S256", PyJson::str(cert.x5t_s256.clone())),
        (
            "key_ops",
            PyJson::Array(vec![
                // az's literal order, not alphabetical.
                PyJson::str("verify"),
                PyJson::str("encrypt"),
                PyJson::str("wrapKey"),
            ]),
        ),
        ("kty", PyJson::str("RSA")),
        ("alg", PyJson::str("RSA-OAEP-256")),
        // Unsigned big-endian, no leading zero byte (RFC 7518 §6.3.1.1).
        ("n", PyJson::str(cert.public.jwk_n())),
        ("e", PyJson::str(cert.public.jwk_e())),
    ])
}

/// The whole `POST /securitydomain/download` body exactly as az sends it (Python style, §9.1):
/// `{"certificates": [<jwk>, …], "required": M}`, certificates in command-line order.
pub fn download_request_body(certs: &[Certificate], required: u8) -> String {
    PyJson::object([
        (
            "certificates",
            // Order matters: the service wraps share i to certificate i (§10).
            PyJson::Array(certs.iter().map(to_sd_jwk).collect()),
        ),
        ("required", PyJson::Int(required.into())),
    ])
    .dumps()
}

/// The exchange (transfer) key JWK as the service returns it inside `transfer_key` (§7.2):
/// members `e, key_ops ["wrapKey","verify","encrypt"], kid "not used", kty, n, x5c, x5t,
/// x5t#S256`. Returned as a `serde_json::Value`, whose map is sorted, so `to_string()` gives
/// the service style (§2); the emulator embeds that text as a JSON *string* in
/// `{"key_format":"jwk","transfer_key":"…"}` — a string, not an object, as the real service does.
pub fn transfer_key_jwk(cert: &Certificate) -> serde_json::Value {
    serde_json::json!({
        "e": cert.public.jwk_e(),
        "key_ops": ["wrapKey", "verify", "encrypt"],
        "kid": "not used",
        "kty": "RSA",
        "n": cert.public.jwk_n(),
        "x5c": [b64_std_encode(&cert.der)],
        "x5t": cert.x5t,
        "x5t#S256": cert.x5t_s256,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::sd_testutil::{load_json, read, read_str};

    /// `primitives/thumbprints.json`: x5t#S256 and x5t of all four certificates (§2).
    #[test]
    fn thumbprints_json() {
        let v = load_json("primitives/thumbprints.json");
        // The member names are descriptive sentences; match them by prefix.
        let certs = v["certificates"].as_array().unwrap();
        assert_eq!(certs.len(), 4);
        for c in certs {
            let cert = Certificate::from_pem(&read(c["cert"].as_str().unwrap())).unwrap();
            let s256 = c
                .as_object()
                .unwrap()
                .iter()
                .find(|(k, _)| k.starts_with("x5t#S256"))
                .unwrap()
                .1;
            let sha1 = c
                .as_object()
                .unwrap()
                .iter()
                .find(|(k, _)| k.starts_with("x5t ("))
                .unwrap()
                .1;
            assert_eq!(&cert.x5t_s256, s256.as_str().unwrap());
            assert_eq!(&cert.x5t, sha1.as_str().unwrap());
        }
    }

    /// §7.2: az's 65-column, no-trailing-newline PEM parses, equals the standard PEM of the same
    /// certificate, and `to_pem_65` reproduces az's file byte for byte.
    #[test]
    fn az_65_column_exchange_pem_round_trip() {
        // keys/exchange.pem is byte-for-byte what az's init-recovery writes; the standard
        // 64-column file holds the same certificate, so both must parse to equal values.
        let az = read_str("keys/exchange.pem");
        assert!(!az.ends_with('\n'));
        let cert = Certificate::from_pem(az.as_bytes()).unwrap();
        let std = Certificate::from_pem(&read("keys/exchange_cert_standard.pem")).unwrap();
        assert_eq!(cert, std);
        assert_eq!(cert.public.modulus_bits(), 4096);
        assert_eq!(to_pem_65(&cert.der), az);
        // DER input and our own 64-column output parse back to the same certificate.
        assert_eq!(Certificate::from_pem_or_der(&cert.der).unwrap(), cert);
        assert_eq!(
            Certificate::from_pem_or_der(cert.to_pem().as_bytes()).unwrap(),
            cert
        );
    }

    /// The transfer-key JWK has the recorded member set and round-trips to the certificate
    /// through `x5c[0]` (what az's init-recovery writes out, §7.2).
    #[test]
    fn transfer_key_jwk_members() {
        let cert = Certificate::from_pem(&read("keys/exchange.pem")).unwrap();
        let jwk = transfer_key_jwk(&cert);
        let text = jwk.to_string();
        // Sorted, compact service style.
        assert!(text.starts_with("{\"e\":\"AQAB\",\"key_ops\":[\"wrapKey\",\"verify\",\"encrypt\"],\"kid\":\"not used\",\"kty\":\"RSA\",\"n\":\""));
        let x5c = jwk["x5c"][0].as_str().unwrap();
        let der = crate::crypto::b64::b64_std_decode(x5c).unwrap();
        assert_eq!(to_pem_65(&der), read_str("keys/exchange.pem"));
        assert_eq!(
            RsaPublic::from_jwk(jwk["n"].as_str().unwrap(), "AQAB").unwrap(),
            cert.public
        );
    }

    /// §9.1: the download request body for wrap1..3 equals az's recorded body byte for byte.
    #[test]
    fn download_request_body_is_byte_identical() {
        // rest/download_request_body.json is the exact wire text (one line, Python style, no
        // trailing newline), so we compare bytes, not parsed JSON.
        let want = read_str("rest/download_request_body.json");
        assert!(!want.ends_with('\n') && !want.contains('\n'));
        let certs: Vec<Certificate> = ["keys/wrap1.cer", "keys/wrap2.cer", "keys/wrap3.cer"]
            .iter()
            .map(|p| Certificate::from_pem(&read(p)).unwrap())
            .collect();
        let required = serde_json::from_str::<serde_json::Value>(&want).unwrap()["required"]
            .as_u64()
            .unwrap() as u8;
        assert_eq!(download_request_body(&certs, required), want);
    }

    /// Certificate, SPKI DER, JWK n/e and raw components (with a leading zero) give one key.
    #[test]
    fn rsa_public_constructors_agree() {
        let cert = Certificate::from_pem(&read("keys/wrap1.cer")).unwrap();
        let p = &cert.public;
        assert_eq!(p.modulus_bits(), 2048);
        assert_eq!(p.jwk_e(), "AQAB");
        assert_eq!(&RsaPublic::from_spki_der(p.spki_der()).unwrap(), p);
        assert_eq!(&RsaPublic::from_jwk(&p.jwk_n(), &p.jwk_e()).unwrap(), p);
        let mut padded = vec![0u8];
        padded.extend_from_slice(p.n());
        assert_eq!(&RsaPublic::from_components(&padded, &[1, 0, 1]).unwrap(), p);
        assert!(RsaPublic::from_components(&[], &[3]).is_err());
        assert!(format!("{p:?}").contains("2048"));
    }

    /// Junk DER, a private key instead of a certificate and empty input are refused clearly.
    #[test]
    fn rejects_bad_input() {
        assert!(matches!(
            Certificate::from_der(b"\x30\x03\x02\x01\x01"),
            Err(CryptoError::InvalidCertificate(_))
        ));
        let e = Certificate::from_pem(&read("keys/wrap1.key"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("PRIVATE KEY"), "{e}");
        assert!(Certificate::from_pem(b"").is_err());
    }
}
