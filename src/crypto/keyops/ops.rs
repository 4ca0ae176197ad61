//! The data-plane operations: sign, verify, encrypt, decrypt, wrapKey, unwrapKey, rng, and the
//! public-key-only variants the CLI uses locally.
//!
//! Validation order mirrors what a caller can fix: unknown algorithm, or an algorithm that
//! does not fit the key → `UnsupportedAlgorithm`; then parameter shapes (digest, IV, tag,
//! lengths); only then the cryptography. Failures of the crypto library on input that passed
//! validation are `Internal` (they should never happen).

use aws_lc_rs::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::cipher::{
    self, DecryptingKey, DecryptionContext, EncryptingKey, EncryptionContext,
    PaddedBlockDecryptingKey, PaddedBlockEncryptingKey, UnboundCipherKey,
};
use aws_lc_rs::digest::Digest;
use aws_lc_rs::hmac;
use aws_lc_rs::iv::FixedLength;
use aws_lc_rs::key_wrap::{self, AesKek, KeyWrap as _, KeyWrapPadded as _};
use aws_lc_rs::rand::SecureRandom;
use aws_lc_rs::rsa::{
    OAEP_SHA1_MGF1SHA1, OAEP_SHA256_MGF1SHA256, OaepAlgorithm, OaepPrivateDecryptingKey,
    OaepPublicEncryptingKey, Pkcs1PrivateDecryptingKey, Pkcs1PublicEncryptingKey,
    PrivateDecryptingKey, PublicEncryptingKey, PublicKeyComponents,
};
use aws_lc_rs::signature::{self, KeyPair as _, RsaEncoding, RsaParameters, UnparsedPublicKey};
use zeroize::Zeroizing;

use super::alg::{EncAlg, Hash, RsaPad, SignAlg, WrapAlg};
use super::error::{KeyOpError, Result};
use super::material::{
    Curve, Inner, KeyKind, KeyMaterial, OctKey, strip_leading_zeros, uncompressed_point,
};
use crate::crypto::jwk::JsonWebKey;

/// AES block size; also the CBC IV length.
const AES_BLOCK: usize = 16;
/// GCM nonce length the service generates and accepts (NIST SP 800-38D's recommended 96 bits).
const GCM_IV_LEN: usize = 12;
/// GCM tag length (full 128 bits; truncated tags are refused).
const GCM_TAG_LEN: usize = 16;
/// RFC 3394 semiblock, which is also what a wrap adds to the length.
const KW_SEMIBLOCK: usize = 8;

/// Result of [`encrypt`]: the fields of a `KeyOperationResult` besides `kid`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptOutput {
    /// `value`.
    pub ciphertext: Vec<u8>,
    /// `iv`: the generated or supplied GCM nonce, or the CBC IV echoed back; `None` for RSA.
    pub iv: Option<Vec<u8>>,
    /// `tag`: the 16-byte GCM authentication tag; `None` otherwise.
    pub tag: Option<Vec<u8>>,
    /// `aad`: the GCM additional authenticated data echoed back when one was given.
    pub aad: Option<Vec<u8>>,
}

/// `UnsupportedAlgorithm` for `alg` on `key`.
fn unsupported(alg: &str, key: &KeyMaterial) -> KeyOpError {
    KeyOpError::UnsupportedAlgorithm {
        alg: alg.to_owned(),
        key: key.describe(),
    }
}

/// Error mapper for library failures that validation should have made impossible.
fn internal<E>(what: &'static str) -> impl FnOnce(E) -> KeyOpError {
    move |_| KeyOpError::Internal(what)
}

/// Checks the digest length for the algorithm's hash and wraps it as an aws-lc `Digest`.
fn check_digest(alg: &str, hash: Hash, digest: &[u8]) -> Result<Digest> {
    let wrong = || KeyOpError::InvalidDigestLength {
        alg: alg.to_owned(),
        expected: hash.len(),
        actual: digest.len(),
    };
    if digest.len() != hash.len() {
        return Err(wrong());
    }
    // `import_less_safe` wraps an externally computed digest (dependencies.md gotcha 17); it
    // re-checks the length, so the second error path is unreachable in practice.
    Digest::import_less_safe(digest, hash.digest_alg()).map_err(|_| wrong())
}

// ----- sign / verify -----------------------------------------------------------------------

/// Signing encodings. PSS uses salt length = hash length (`RsaPssSaltLength::Digest`, the
/// aws-lc default), which is what JWS PS* (RFC 7518 §3.5) and Key Vault use.
fn rsa_sign_encoding(alg: SignAlg) -> &'static dyn RsaEncoding {
    match alg {
        SignAlg::Rs(Hash::Sha256) => &signature::RSA_PKCS1_SHA256,
        SignAlg::Rs(Hash::Sha384) => &signature::RSA_PKCS1_SHA384,
        SignAlg::Rs(Hash::Sha512) => &signature::RSA_PKCS1_SHA512,
        SignAlg::Ps(Hash::Sha256) => &signature::RSA_PSS_SHA256,
        SignAlg::Ps(Hash::Sha384) => &signature::RSA_PSS_SHA384,
        _ => &signature::RSA_PSS_SHA512,
    }
}

/// Verification parameters for the same algorithms. The 2048–8192-bit range covers every
/// Managed HSM size; PSS verification also insists on salt length = hash length.
fn rsa_verify_params(alg: SignAlg) -> &'static RsaParameters {
    match alg {
        SignAlg::Rs(Hash::Sha256) => &signature::RSA_PKCS1_2048_8192_SHA256,
        SignAlg::Rs(Hash::Sha384) => &signature::RSA_PKCS1_2048_8192_SHA384,
        SignAlg::Rs(Hash::Sha512) => &signature::RSA_PKCS1_2048_8192_SHA512,
        SignAlg::Ps(Hash::Sha256) => &signature::RSA_PSS_2048_8192_SHA256,
        SignAlg::Ps(Hash::Sha384) => &signature::RSA_PSS_2048_8192_SHA384,
        _ => &signature::RSA_PSS_2048_8192_SHA512,
    }
}

/// Fixed-width (`r‖s`) ECDSA verification algorithm for a curve, with the JOSE hash.
fn ecdsa_verify_alg(curve: Curve) -> &'static signature::EcdsaVerificationAlgorithm {
    match curve {
        Curve::P256 => &signature::ECDSA_P256_SHA256_FIXED,
        Curve::P256K => &signature::ECDSA_P256K1_SHA256_FIXED,
        Curve::P384 => &signature::ECDSA_P384_SHA384_FIXED,
        Curve::P521 => &signature::ECDSA_P521_SHA512_FIXED,
    }
}

/// Signs a pre-computed digest (Key Vault `sign` takes `value` = digest).
///
/// * `RS*`: the DigestInfo is built here (the service does it, docs §7.1).
/// * `PS*`: salt length = hash length.
/// * `ES*`: the algorithm must match the curve; output is fixed-width `r‖s`. ES256K output is
///   **not** normalised to low-S (the service is not known to do so either); Bitcoin/Ethereum
///   style verifiers must normalise themselves.
/// * `HS*` (oct keys): HMAC over `digest` as given. Its length is not checked, since HMAC
///   takes any input and no service rule is documented.
pub fn sign(key: &KeyMaterial, alg: &str, digest: &[u8]) -> Result<Vec<u8>> {
    // An unknown name and a known name that does not fit the key give the same error, as
    // the service answers both with one BadParameter.
    let parsed = SignAlg::parse(alg).ok_or_else(|| unsupported(alg, key))?;
    match (&key.inner, parsed) {
        (Inner::Rsa(r), SignAlg::Rs(h) | SignAlg::Ps(h)) => {
            let d = check_digest(alg, h, digest)?;
            // An RSA signature is always exactly the modulus length.
            let mut sig = vec![0u8; r.signing.public_modulus_len()];
            r.signing
                // `sign_digest` pads the given digest (DigestInfo for v1.5, EMSA-PSS for PSS) without
                // hashing it again.
                .sign_digest(rsa_sign_encoding(parsed), &d, &mut sig)
                .map_err(internal("RSA signing"))?;
            Ok(sig)
        }
        // The guard enforces "the algorithm must match the curve" (ES384 on P-256 → error).
        (Inner::Ec(e), SignAlg::Es(curve)) if curve == e.curve => {
            // ES256 and ES256K digests are 32 bytes, ES384 48, ES512 64 (not 66: the P-521
            // field is wider than SHA-512, and ECDSA left-pads the shorter hash).
            let d = check_digest(alg, parsed.hash(), digest)?;
            // aws-lc converts its DER signature to fixed-width r‖s (the `_FIXED` algorithm).
            let sig = e.pair.sign_digest(&d).map_err(internal("ECDSA signing"))?;
            Ok(sig.as_ref().to_vec())
        }
        (Inner::Oct(o), SignAlg::Hs(h)) => {
            // The AES key bytes double as the HMAC key (HMAC accepts any key length).
            let k = hmac::Key::new(h.hmac_alg(), &o.k);
            Ok(hmac::sign(&k, digest).as_ref().to_vec())
        }
        _ => Err(unsupported(alg, key)),
    }
}

/// Verifies a signature over a pre-computed digest with the key's public part (or the HMAC
/// key). `Ok(false)` for a well-formed request whose signature does not verify — including a
/// signature of the wrong length; `Err` only for request errors (algorithm, digest length).
pub fn verify(key: &KeyMaterial, alg: &str, digest: &[u8], signature: &[u8]) -> Result<bool> {
    let parsed = SignAlg::parse(alg).ok_or_else(|| unsupported(alg, key))?;
    match (&key.inner, parsed) {
        // A PS* signature checked with RS* parameters (or the reverse) simply fails: `false`.
        (Inner::Rsa(r), SignAlg::Rs(h) | SignAlg::Ps(h)) => {
            let d = check_digest(alg, h, digest)?;
            // The aws-lc public key bytes are the PKCS#1 RSAPublicKey DER, which
            // `UnparsedPublicKey` accepts for RSA.
            let public =
                UnparsedPublicKey::new(rsa_verify_params(parsed), r.signing.public_key().as_ref());
            Ok(public.verify_digest(&d, signature).is_ok())
        }
        (Inner::Ec(e), SignAlg::Es(curve)) if curve == e.curve => {
            let d = check_digest(alg, parsed.hash(), digest)?;
            // For EC the public key bytes are the SEC1 uncompressed point.
            let public =
                UnparsedPublicKey::new(ecdsa_verify_alg(curve), e.pair.public_key().as_ref());
            Ok(public.verify_digest(&d, signature).is_ok())
        }
        (Inner::Oct(o), SignAlg::Hs(h)) => {
            let k = hmac::Key::new(h.hmac_alg(), &o.k);
            // Recomputes the MAC and compares in constant time inside aws-lc.
            Ok(hmac::verify(&k, digest, signature).is_ok())
        }
        _ => Err(unsupported(alg, key)),
    }
}

/// Describes a JWK for error messages without touching its material.
fn describe_jwk(jwk: &JsonWebKey) -> String {
    format!("key type {}", jwk.kty.as_deref().unwrap_or("<missing>"))
}

/// Extracts `n`, `e` from a public RSA JWK (leading zeros stripped, as aws-lc requires).
fn rsa_public_components(jwk: &JsonWebKey) -> Result<PublicKeyComponents<Vec<u8>>> {
    // A zero (or empty) n or e can never be a key; name the member so the CLI can say which.
    let member = |name: &'static str, v: &Option<Vec<u8>>| -> Result<Vec<u8>> {
        let raw = v.as_deref().ok_or(KeyOpError::missing(name))?;
        match strip_leading_zeros(raw) {
            [] => Err(KeyOpError::bad_member(name, "is zero")),
            value => Ok(value.to_vec()),
        }
    };
    Ok(PublicKeyComponents {
        n: member("n", &jwk.n)?,
        e: member("e", &jwk.e)?,
    })
}

/// Verifies with only the public members of a JWK (RSA `n, e`; EC `crv, x, y`), as `az`
/// does locally. An oct JWK that carries `k` is verified via HMAC; without `k` it cannot be.
pub fn verify_with_public(
    jwk: &JsonWebKey,
    alg: &str,
    digest: &[u8],
    signature: &[u8],
) -> Result<bool> {
    // The JWK comes from `key show` (or a file), so every member is validated here.
    let kind = KeyKind::from_kty(jwk.kty.as_deref().ok_or(KeyOpError::missing("kty"))?)?;
    let unsupported_jwk = || KeyOpError::UnsupportedAlgorithm {
        alg: alg.to_owned(),
        key: describe_jwk(jwk),
    };
    let parsed = SignAlg::parse(alg).ok_or_else(unsupported_jwk)?;
    match (kind, parsed) {
        (KeyKind::Rsa, SignAlg::Rs(h) | SignAlg::Ps(h)) => {
            let d = check_digest(alg, h, digest)?;
            // Builds the key from n/e directly; aws-lc validates them (odd e, size range).
            let public = rsa_public_components(jwk)?
                .to_parsed_public_key(rsa_verify_params(parsed))
                .map_err(|_| KeyOpError::InconsistentKey("RSA public key rejected"))?;
            Ok(public.verify_digest_sig(&d, signature).is_ok())
        }
        (KeyKind::Ec, SignAlg::Es(alg_curve)) => {
            // The curve comes from the JWK; the algorithm must name the same curve.
            let crv = jwk.crv.as_deref().ok_or(KeyOpError::missing("crv"))?;
            let curve = Curve::from_jwk_name(crv)?;
            if curve != alg_curve {
                return Err(KeyOpError::UnsupportedAlgorithm {
                    alg: alg.to_owned(),
                    key: format!("key type EC (curve {curve})"),
                });
            }
            let d = check_digest(alg, parsed.hash(), digest)?;
            let x = jwk.x.as_deref().ok_or(KeyOpError::missing("x"))?;
            let y = jwk.y.as_deref().ok_or(KeyOpError::missing("y"))?;
            let point = uncompressed_point(curve, x, y)?;
            // Parse first so that a point off the curve is a key error, not a `false`.
            let public = UnparsedPublicKey::new(ecdsa_verify_alg(curve), &point)
                .parse()
                .map_err(|_| KeyOpError::InconsistentKey("EC point is not on the curve"))?;
            Ok(public.verify_digest_sig(&d, signature).is_ok())
        }
        // Symmetric: verifying needs the secret, so only a JWK that carries `k` can do it.
        (KeyKind::Oct, SignAlg::Hs(_)) if jwk.k.is_some() => {
            verify(&KeyMaterial::from_jwk(jwk)?, alg, digest, signature)
        }
        _ => Err(unsupported_jwk()),
    }
}

// ----- RSA encryption ----------------------------------------------------------------------

/// The OAEP variant: `RSA-OAEP` is SHA-1 with MGF1-SHA-1, `RSA-OAEP-256` SHA-256 with
/// MGF1-SHA-256 (RFC 7518 §4.3). The label is always empty, as in JOSE.
fn oaep_alg(pad: RsaPad) -> &'static OaepAlgorithm {
    match pad {
        RsaPad::OaepSha1 => &OAEP_SHA1_MGF1SHA1,
        _ => &OAEP_SHA256_MGF1SHA256,
    }
}

/// RSA encryption with a public key. Too-long input is a plaintext-length error: OAEP allows
/// k − 2·hLen − 2 bytes and PKCS#1 v1.5 k − 11 (RFC 8017 §7.1.1, §7.2.1).
fn rsa_encrypt(
    public: PublicEncryptingKey,
    pad: RsaPad,
    alg: &str,
    plaintext: &[u8],
) -> Result<Vec<u8>> {
    let check_len = |max: usize| {
        if plaintext.len() > max {
            Err(KeyOpError::InvalidPlaintextLength {
                alg: alg.to_owned(),
                reason: format!("at most {max} bytes for this key, got {}", plaintext.len()),
            })
        } else {
            Ok(())
        }
    };
    // aws-lc draws the padding randomness from its own CSPRNG.
    // The ciphertext is always exactly the modulus length.
    let mut out = vec![0u8; public.key_size_bytes()];
    let len = match pad {
        RsaPad::Pkcs1 => {
            let key = Pkcs1PublicEncryptingKey::new(public).map_err(internal("RSA key"))?;
            check_len(key.max_plaintext_size())?;
            let ct = key.encrypt(plaintext, &mut out);
            ct.map_err(internal("RSA encryption"))?.len()
        }
        _ => {
            let key = OaepPublicEncryptingKey::new(public).map_err(internal("RSA key"))?;
            check_len(key.max_plaintext_size(oaep_alg(pad)))?;
            let ct = key.encrypt(oaep_alg(pad), plaintext, &mut out, None);
            ct.map_err(internal("RSA encryption"))?.len()
        }
    };
    out.truncate(len);
    Ok(out)
}

/// RSA decryption. The ciphertext must be exactly the modulus length; any padding failure is
/// reported as one generic error so that no padding-oracle detail leaks into the message.
fn rsa_decrypt(
    private: &PrivateDecryptingKey,
    pad: RsaPad,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    if ciphertext.len() != private.key_size_bytes() {
        return Err(KeyOpError::InvalidCiphertext(
            "length does not match the RSA key size",
        ));
    }
    let failed = |_| KeyOpError::InvalidCiphertext("RSA decryption failed");
    // The plaintext may be a key being unwrapped: keep it in a wiping buffer.
    let mut out = Zeroizing::new(vec![0u8; private.key_size_bytes()]);
    let len = match pad {
        RsaPad::Pkcs1 => {
            let key =
                Pkcs1PrivateDecryptingKey::new(private.clone()).map_err(internal("RSA key"))?;
            key.decrypt(ciphertext, &mut out).map_err(failed)?.len()
        }
        _ => {
            let key =
                OaepPrivateDecryptingKey::new(private.clone()).map_err(internal("RSA key"))?;
            key.decrypt(oaep_alg(pad), ciphertext, &mut out, None)
                .map_err(failed)?
                .len()
        }
    };
    out.truncate(len);
    Ok(out)
}

// ----- AES -----------------------------------------------------------------------------------

/// Returns the oct key if `alg` may use it. `bits` is the size the algorithm name demands
/// (`A128…` → 128); it must equal the key size (inferred rule, docs §7.1). `None` means the
/// algorithm works at any size (the `CKM_*` names).
fn aes_key<'k>(key: &'k KeyMaterial, alg: &str, bits: Option<u32>) -> Result<&'k OctKey> {
    match &key.inner {
        Inner::Oct(o) if bits.is_none_or(|b| b as usize == o.k.len() * 8) => Ok(o),
        _ => Err(unsupported(alg, key)),
    }
}

/// aws-lc block-cipher key for CBC (AES-128/192/256 by key length).
fn cbc_key(k: &[u8]) -> Result<UnboundCipherKey> {
    let algorithm = match k.len() {
        16 => &cipher::AES_128,
        24 => &cipher::AES_192,
        _ => &cipher::AES_256,
    };
    UnboundCipherKey::new(algorithm, k).map_err(internal("AES key"))
}

/// aws-lc AEAD key for GCM. `LessSafeKey` because the nonce is chosen per request (by the
/// caller or by us), not by a counter sequence.
fn gcm_key(k: &[u8]) -> Result<LessSafeKey> {
    let algorithm = match k.len() {
        16 => &aead::AES_128_GCM,
        24 => &aead::AES_192_GCM,
        _ => &aead::AES_256_GCM,
    };
    Ok(LessSafeKey::new(
        UnboundKey::new(algorithm, k).map_err(internal("AES-GCM key"))?,
    ))
}

/// The mandatory 16-byte CBC IV.
fn cbc_iv(alg: &str, iv: Option<&[u8]>) -> Result<[u8; AES_BLOCK]> {
    let iv = iv.ok_or(KeyOpError::MissingParameter("iv"))?;
    iv.try_into().map_err(|_| KeyOpError::InvalidIvLength {
        alg: alg.to_owned(),
        expected: AES_BLOCK,
        actual: iv.len(),
    })
}

/// A 12-byte GCM nonce; other lengths are refused (aws-lc supports only 96-bit nonces).
fn gcm_nonce(alg: &str, iv: &[u8]) -> Result<Nonce> {
    Nonce::try_assume_unique_for_key(iv).map_err(|_| KeyOpError::InvalidIvLength {
        alg: alg.to_owned(),
        expected: GCM_IV_LEN,
        actual: iv.len(),
    })
}

/// Encrypts `plaintext`.
///
/// * RSA: `iv`/`aad` are ignored (they have no meaning for RSA).
/// * `A*GCM`: a 12-byte IV is generated with `rng` unless the caller gives one (which must be
///   12 bytes); returns `iv`, the 16-byte `tag`, and echoes `aad`.
/// * `A*CBC`: caller IV of 16 bytes required; plaintext must be a non-zero multiple of 16.
/// * `A*CBCPAD`: caller IV required; PKCS#7 padding is added (so any length, even 0).
///
/// CBC modes echo the IV in the output and ignore `aad`. The AES size in the name must equal
/// the key size.
pub fn encrypt(
    key: &KeyMaterial,
    alg: &str,
    plaintext: &[u8],
    iv: Option<&[u8]>,
    aad: Option<&[u8]>,
    rng: &dyn SecureRandom,
) -> Result<EncryptOutput> {
    let parsed = EncAlg::parse(alg).ok_or_else(|| unsupported(alg, key))?;
    match parsed {
        EncAlg::Rsa(pad) => match &key.inner {
            // The public half of the decryption key does the encryption.
            Inner::Rsa(r) => Ok(EncryptOutput {
                ciphertext: rsa_encrypt(r.decrypting.public_key(), pad, alg, plaintext)?,
                iv: None,
                tag: None,
                aad: None,
            }),
            _ => Err(unsupported(alg, key)),
        },
        EncAlg::Gcm(bits) => {
            // The size check also rejects non-oct keys for every AES name.
            let o = aes_key(key, alg, Some(bits))?;
            // A fresh random 96-bit nonce per request, as the service does; a caller-chosen
            // one is honoured (its uniqueness is then the caller's responsibility).
            // GCM with a repeated (key, nonce) pair leaks the XOR of plaintexts and the GHASH key,
            // so generated nonces come from the CSPRNG, never a counter that could reset.
            let iv = match iv {
                Some(iv) => iv.to_vec(),
                None => random_bytes(GCM_IV_LEN, rng)?,
            };
            let nonce = gcm_nonce(alg, &iv)?;
            let mut buf = plaintext.to_vec();
            let aad_bytes = Aad::from(aad.unwrap_or_default());
            // Key Vault returns the tag separately from the ciphertext, hence `_separate_tag`.
            let tag = gcm_key(&o.k)?
                .seal_in_place_separate_tag(nonce, aad_bytes, &mut buf)
                .map_err(internal("AES-GCM encryption"))?;
            Ok(EncryptOutput {
                ciphertext: buf,
                iv: Some(iv),
                tag: Some(tag.as_ref().to_vec()),
                aad: aad.map(<[u8]>::to_vec),
            })
        }
        EncAlg::Cbc(bits) | EncAlg::CbcPad(bits) => {
            let o = aes_key(key, alg, Some(bits))?;
            let iv = cbc_iv(alg, iv)?;
            // `less_safe_encrypt` = encrypt with a caller-provided IV (the service's contract).
            let context = EncryptionContext::Iv128(FixedLength::from(iv));
            let mut buf = plaintext.to_vec();
            // Same key and IV handling for both CBC variants; only the padding differs.
            if matches!(parsed, EncAlg::CbcPad(_)) {
                let enc = PaddedBlockEncryptingKey::cbc_pkcs7(cbc_key(&o.k)?);
                enc.map_err(internal("AES-CBC key"))?
                    .less_safe_encrypt(&mut buf, context)
                    .map_err(internal("AES-CBC encryption"))?;
            } else {
                // Unpadded CBC can only process whole blocks.
                if plaintext.is_empty() || !plaintext.len().is_multiple_of(AES_BLOCK) {
                    return Err(KeyOpError::InvalidPlaintextLength {
                        alg: alg.to_owned(),
                        reason: format!(
                            "must be a non-zero multiple of 16 bytes, got {}",
                            plaintext.len()
                        ),
                    });
                }
                let enc = EncryptingKey::cbc(cbc_key(&o.k)?);
                enc.map_err(internal("AES-CBC key"))?
                    .less_safe_encrypt(&mut buf, context)
                    .map_err(internal("AES-CBC encryption"))?;
            }
            Ok(EncryptOutput {
                ciphertext: buf,
                iv: Some(iv.to_vec()),
                tag: None,
                aad: None,
            })
        }
    }
}

/// Encrypts with only the public members of an RSA JWK (`n`, `e`), as `az` does locally.
/// `rng` is accepted for symmetry; aws-lc draws the padding randomness internally.
pub fn encrypt_with_public(
    jwk: &JsonWebKey,
    alg: &str,
    plaintext: &[u8],
    _rng: &dyn SecureRandom,
) -> Result<Vec<u8>> {
    let kind = KeyKind::from_kty(jwk.kty.as_deref().ok_or(KeyOpError::missing("kty"))?)?;
    // Only RSA can encrypt with a public key; AES names need the secret key.
    let pad = match (kind, EncAlg::parse(alg)) {
        (KeyKind::Rsa, Some(EncAlg::Rsa(pad))) => pad,
        _ => {
            return Err(KeyOpError::UnsupportedAlgorithm {
                alg: alg.to_owned(),
                key: describe_jwk(jwk),
            });
        }
    };
    // aws-lc checks n and e (size range, odd exponent) when building the key.
    let public: PublicEncryptingKey = rsa_public_components(jwk)?
        .try_into()
        .map_err(|_| KeyOpError::InconsistentKey("RSA public key rejected"))?;
    rsa_encrypt(public, pad, alg, plaintext)
}

/// Decrypts `ciphertext`. GCM needs `iv` (12 bytes) and `tag` (16 bytes) and the same `aad`;
/// CBC modes need the 16-byte `iv`. Authentication failure is `AuthenticationFailed`, bad
/// padding or length is `InvalidCiphertext`.
pub fn decrypt(
    key: &KeyMaterial,
    alg: &str,
    ciphertext: &[u8],
    iv: Option<&[u8]>,
    aad: Option<&[u8]>,
    tag: Option<&[u8]>,
) -> Result<Zeroizing<Vec<u8>>> {
    let parsed = EncAlg::parse(alg).ok_or_else(|| unsupported(alg, key))?;
    match parsed {
        // RSA names on a non-RSA key fall through to `unsupported`.
        EncAlg::Rsa(pad) => match &key.inner {
            Inner::Rsa(r) => rsa_decrypt(&r.decrypting, pad, ciphertext),
            _ => Err(unsupported(alg, key)),
        },
        // Shape checks first (IV, tag), so a malformed request never reaches the cipher.
        EncAlg::Gcm(bits) => {
            let o = aes_key(key, alg, Some(bits))?;
            // Decryption cannot invent an IV: it must be the one encrypt returned.
            let nonce = gcm_nonce(alg, iv.ok_or(KeyOpError::MissingParameter("iv"))?)?;
            let tag = tag.ok_or(KeyOpError::MissingParameter("tag"))?;
            if tag.len() != GCM_TAG_LEN {
                return Err(KeyOpError::InvalidTagLength(tag.len()));
            }
            // The tag covers IV, AAD and ciphertext: any change to them fails here, and no
            // plaintext is released (aws-lc checks the tag before returning).
            let mut buf = Zeroizing::new(ciphertext.to_vec());
            gcm_key(&o.k)?
                .open_in_place_separate_tag(
                    nonce,
                    Aad::from(aad.unwrap_or_default()),
                    tag,
                    &mut buf,
                )
                .map_err(|_| KeyOpError::AuthenticationFailed)?;
            Ok(buf)
        }
        EncAlg::Cbc(bits) | EncAlg::CbcPad(bits) => {
            let o = aes_key(key, alg, Some(bits))?;
            let iv = cbc_iv(alg, iv)?;
            // Both CBC variants produce whole blocks, so anything else cannot be ours.
            if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(AES_BLOCK) {
                return Err(KeyOpError::InvalidCiphertext(
                    "length must be a non-zero multiple of 16 bytes",
                ));
            }
            // The 16-byte IV becomes aws-lc's fixed-length decryption context.
            let context = DecryptionContext::Iv128(FixedLength::from(iv));
            let mut buf = Zeroizing::new(ciphertext.to_vec());
            // Unpadded CBC cannot detect a wrong key or IV (it just yields other bytes), as with
            // the service; CBCPAD detects most such errors through the padding check.
            let len = if matches!(parsed, EncAlg::CbcPad(_)) {
                let dec = PaddedBlockDecryptingKey::cbc_pkcs7(cbc_key(&o.k)?);
                dec.map_err(internal("AES-CBC key"))?
                    .decrypt(&mut buf, context)
                    .map_err(|_| KeyOpError::InvalidCiphertext("bad PKCS#7 padding"))?
                    .len()
            } else {
                let dec = DecryptingKey::cbc(cbc_key(&o.k)?);
                dec.map_err(internal("AES-CBC key"))?
                    .decrypt(&mut buf, context)
                    .map_err(internal("AES-CBC decryption"))?
                    .len()
            };
            buf.truncate(len);
            Ok(buf)
        }
    }
}

// ----- key wrap ------------------------------------------------------------------------------

/// aws-lc implements KW/KWP for AES-128 and AES-256 only; `None` sends AES-192 to the
/// RustCrypto `aes-kw` crate (dependencies.md gotcha 17). Both follow NIST SP 800-38F, which
/// is RFC 3394 (KW) and RFC 5649 (KWP) with their default IVs.
fn aws_kek(k: &[u8]) -> Option<Result<AesKek>> {
    let cipher = match k.len() {
        16 => &key_wrap::AES_128,
        32 => &key_wrap::AES_256,
        _ => return None,
    };
    Some(AesKek::new(cipher, k).map_err(internal("AES key-wrap key")))
}

/// Error mapper for a failed RFC 3394/5649 integrity check (wrong key or tampered blob);
/// generic so that it fits both the aws-lc and the `aes-kw` error types.
fn integrity_failed<E>(_: E) -> KeyOpError {
    KeyOpError::AuthenticationFailed
}

/// RFC 3394 wrap. The input must be whole 64-bit semiblocks, at least two of them (§2).
fn kw_wrap(k: &[u8], alg: &str, cek: &[u8]) -> Result<Vec<u8>> {
    if cek.len() < 2 * KW_SEMIBLOCK || !cek.len().is_multiple_of(KW_SEMIBLOCK) {
        return Err(KeyOpError::InvalidPlaintextLength {
            alg: alg.to_owned(),
            reason: format!(
                "key to wrap must be a multiple of 8 bytes and at least 16, got {}",
                cek.len()
            ),
        });
    }
    // Output = input + one 64-bit integrity semiblock.
    let mut out = vec![0u8; cek.len() + KW_SEMIBLOCK];
    let len = match aws_kek(k) {
        Some(kek) => kek?
            .wrap(cek, &mut out)
            .map_err(internal("AES key wrap"))?
            .len(),
        None => {
            use aes_kw::KeyInit as _;
            let kw = aes_kw::KwAes192::new_from_slice(k).map_err(internal("AES key-wrap key"))?;
            kw.wrap_key(cek, &mut out)
                .map_err(internal("AES key wrap"))?
                .len()
        }
    };
    out.truncate(len);
    Ok(out)
}

/// RFC 3394 unwrap: the integrity check value must come out as `A6A6A6A6A6A6A6A6`.
fn kw_unwrap(k: &[u8], wrapped: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    if wrapped.len() < 3 * KW_SEMIBLOCK || !wrapped.len().is_multiple_of(KW_SEMIBLOCK) {
        return Err(KeyOpError::InvalidCiphertext(
            "wrapped key must be a multiple of 8 bytes and at least 24",
        ));
    }
    // The unwrapped key is secret: wiping buffer, truncated to the real length below.
    let mut out = Zeroizing::new(vec![0u8; wrapped.len()]);
    let len = match aws_kek(k) {
        Some(kek) => kek?
            .unwrap(wrapped, &mut out)
            .map_err(integrity_failed)?
            .len(),
        None => {
            use aes_kw::KeyInit as _;
            let kw = aes_kw::KwAes192::new_from_slice(k).map_err(internal("AES key-wrap key"))?;
            kw.unwrap_key(wrapped, &mut out)
                .map_err(integrity_failed)?
                .len()
        }
    };
    out.truncate(len);
    Ok(out)
}

/// RFC 5649 wrap: any non-empty input; the output is the input padded up to a multiple of 8
/// plus one semiblock (a single semiblock of input is encrypted as one AES block, §4.1).
fn kwp_wrap(k: &[u8], alg: &str, cek: &[u8]) -> Result<Vec<u8>> {
    if cek.is_empty() {
        return Err(KeyOpError::InvalidPlaintextLength {
            alg: alg.to_owned(),
            reason: "key to wrap must not be empty".to_owned(),
        });
    }
    // Padded length rounded up to 8, plus the AIV semiblock.
    let mut out = vec![0u8; cek.len().div_ceil(KW_SEMIBLOCK) * KW_SEMIBLOCK + KW_SEMIBLOCK];
    let len = match aws_kek(k) {
        Some(kek) => kek?
            .wrap_with_padding(cek, &mut out)
            .map_err(internal("AES KWP"))?
            .len(),
        None => {
            use aes_kw::KeyInit as _;
            let kwp = aes_kw::KwpAes192::new_from_slice(k).map_err(internal("AES KWP key"))?;
            kwp.wrap_key(cek, &mut out)
                .map_err(internal("AES KWP"))?
                .len()
        }
    };
    out.truncate(len);
    Ok(out)
}

/// RFC 5649 unwrap: checks the `A65959A6` AIV, the message length indicator and that the
/// padding bytes are zero; any failure is an integrity failure.
fn kwp_unwrap(k: &[u8], wrapped: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    if wrapped.len() < 2 * KW_SEMIBLOCK || !wrapped.len().is_multiple_of(KW_SEMIBLOCK) {
        return Err(KeyOpError::InvalidCiphertext(
            "wrapped key must be a multiple of 8 bytes and at least 16",
        ));
    }
    let mut out = Zeroizing::new(vec![0u8; wrapped.len()]);
    let len = match aws_kek(k) {
        Some(kek) => kek?
            .unwrap_with_padding(wrapped, &mut out)
            .map_err(integrity_failed)?
            .len(),
        None => {
            use aes_kw::KeyInit as _;
            let kwp = aes_kw::KwpAes192::new_from_slice(k).map_err(internal("AES KWP key"))?;
            kwp.unwrap_key(wrapped, &mut out)
                .map_err(integrity_failed)?
                .len()
        }
    };
    out.truncate(len);
    Ok(out)
}

/// Wraps `cek` (the key to protect).
///
/// * RSA: `RSA-OAEP`, `RSA-OAEP-256`, `RSA1_5` — identical to encrypt.
/// * `A128KW`/`A192KW`/`A256KW`: RFC 3394 with the default IV `A6A6A6A6A6A6A6A6`; the size
///   must match the key. `CKM_AES_KEY_WRAP` is the same wrap at the key's own size.
/// * `CKM_AES_KEY_WRAP_PAD`: RFC 5649 (default AIV `A65959A6`), any non-empty input.
pub fn wrap_key(key: &KeyMaterial, alg: &str, cek: &[u8]) -> Result<Vec<u8>> {
    let parsed = WrapAlg::parse(alg).ok_or_else(|| unsupported(alg, key))?;
    match parsed {
        // RSA wrap is RSA encryption of the key bytes (same limits as encrypt).
        WrapAlg::Rsa(pad) => match &key.inner {
            Inner::Rsa(r) => rsa_encrypt(r.decrypting.public_key(), pad, alg, cek),
            _ => Err(unsupported(alg, key)),
        },
        // AES names check the size against the key; the CKM_* names use the key's own size.
        WrapAlg::Kw(bits) => kw_wrap(&aes_key(key, alg, Some(bits))?.k, alg, cek),
        WrapAlg::CkmKw => kw_wrap(&aes_key(key, alg, None)?.k, alg, cek),
        WrapAlg::CkmKwp => kwp_wrap(&aes_key(key, alg, None)?.k, alg, cek),
    }
}

/// Reverses [`wrap_key`]. An integrity-check failure (wrong key, tampered blob) is
/// `AuthenticationFailed`; a blob of impossible length is `InvalidCiphertext`.
pub fn unwrap_key(key: &KeyMaterial, alg: &str, wrapped: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let parsed = WrapAlg::parse(alg).ok_or_else(|| unsupported(alg, key))?;
    match parsed {
        // RSA unwrap is RSA decryption.
        WrapAlg::Rsa(pad) => match &key.inner {
            Inner::Rsa(r) => rsa_decrypt(&r.decrypting, pad, wrapped),
            _ => Err(unsupported(alg, key)),
        },
        WrapAlg::Kw(bits) => kw_unwrap(&aes_key(key, alg, Some(bits))?.k, wrapped),
        WrapAlg::CkmKw => kw_unwrap(&aes_key(key, alg, None)?.k, wrapped),
        WrapAlg::CkmKwp => kwp_unwrap(&aes_key(key, alg, None)?.k, wrapped),
    }
}

/// `count` bytes from `rng` (the `/rng` endpoint; the service limits `count` to 1..=128,
/// which the caller enforces).
pub fn random_bytes(count: usize, rng: &dyn SecureRandom) -> Result<Vec<u8>> {
    // Filled in one call; aws-lc's RNG reseeds itself and never returns partial output.
    let mut out = vec![0u8; count];
    rng.fill(&mut out)
        .map_err(internal("random number generator"))?;
    Ok(out)
}

/// Appends a DER length.
fn der_length(len: usize, out: &mut Vec<u8>) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .iter()
            .copied()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend_from_slice(&bytes);
    }
}

/// A DER TLV.
fn der_tlv(tag: u8, contents: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    der_length(contents.len(), &mut out);
    out.extend_from_slice(contents);
    out
}

/// A DER INTEGER of an unsigned big-endian value (a leading 0x00 keeps it positive).
fn der_uint(v: &[u8]) -> Vec<u8> {
    let v = strip_leading_zeros(v);
    let mut c = Vec::with_capacity(v.len() + 1);
    if v.first().is_some_and(|b| b & 0x80 != 0) {
        c.push(0);
    }
    c.extend_from_slice(v);
    der_tlv(0x02, &c)
}

/// The SubjectPublicKeyInfo DER of a public JWK (RSA `n, e`; EC `crv, x, y`) — what `key
/// download` writes (RFC 5280 §4.1; RFC 3279 for RSA, RFC 5480 for EC).
pub fn public_spki_der_from_jwk(jwk: &JsonWebKey) -> Result<Vec<u8>> {
    let kind = KeyKind::from_kty(jwk.kty.as_deref().ok_or(KeyOpError::missing("kty"))?)?;
    let (alg_id, key_bits) = match kind {
        KeyKind::Rsa => {
            let c = rsa_public_components(jwk)?;
            // rsaEncryption 1.2.840.113549.1.1.1, parameters NULL.
            let oid = der_tlv(
                0x06,
                &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01],
            );
            let alg = der_tlv(0x30, &[oid, vec![0x05, 0x00]].concat());
            let rsa_key = der_tlv(0x30, &[der_uint(&c.n), der_uint(&c.e)].concat());
            (alg, rsa_key)
        }
        KeyKind::Ec => {
            let curve =
                Curve::from_jwk_name(jwk.crv.as_deref().ok_or(KeyOpError::missing("crv"))?)?;
            let x = jwk.x.as_deref().ok_or(KeyOpError::missing("x"))?;
            let y = jwk.y.as_deref().ok_or(KeyOpError::missing("y"))?;
            let point = uncompressed_point(curve, x, y)?;
            // id-ecPublicKey 1.2.840.10045.2.1 with the named curve.
            let curve_oid: &[u8] = match curve {
                Curve::P256 => &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
                Curve::P256K => &[0x2b, 0x81, 0x04, 0x00, 0x0a],
                Curve::P384 => &[0x2b, 0x81, 0x04, 0x00, 0x22],
                Curve::P521 => &[0x2b, 0x81, 0x04, 0x00, 0x23],
            };
            let alg = der_tlv(
                0x30,
                &[
                    der_tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
                    der_tlv(0x06, curve_oid),
                ]
                .concat(),
            );
            (alg, point)
        }
        KeyKind::Oct => {
            return Err(KeyOpError::UnsupportedOperation {
                op: "download public key",
                key: describe_jwk(jwk),
            });
        }
    };
    // BIT STRING with 0 unused bits.
    let bits = der_tlv(0x03, &[vec![0x00], key_bits].concat());
    Ok(der_tlv(0x30, &[alg_id, bits].concat()))
}

#[cfg(test)]
mod spki_tests {
    use super::*;

    #[test]
    fn spki_from_jwk_matches_aws_lc() {
        for m in [
            KeyMaterial::generate_rsa(2048, None).unwrap(),
            KeyMaterial::generate_ec(Curve::P256).unwrap(),
            KeyMaterial::generate_ec(Curve::P256K).unwrap(),
            KeyMaterial::generate_ec(Curve::P384).unwrap(),
            KeyMaterial::generate_ec(Curve::P521).unwrap(),
        ] {
            assert_eq!(
                public_spki_der_from_jwk(&m.public_jwk()).unwrap(),
                m.public_key_spki_der().unwrap()
            );
        }
        assert!(
            public_spki_der_from_jwk(&KeyMaterial::generate_oct(256).unwrap().public_jwk())
                .is_err()
        );
    }
}
