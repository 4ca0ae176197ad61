//! Cross-checks of every algorithm × key size/curve against independent RustCrypto code,
//! plus published test vectors and the negative cases the emulator maps to `BadParameter`.
//!
//! Direction matters: each test checks ours → RustCrypto *and* RustCrypto → ours, so that a
//! bug shared by our encoder and our decoder cannot hide. Where an algorithm is deterministic
//! (PKCS#1 v1.5 signatures, CBC, KW/KWP, HMAC) the bytes are compared as well.
//!
//! aws-lc keys are generated once per size/curve and cached in `OnceLock`s, so RSA-4096 is
//! generated once per test run; RustCrypto only generates RSA-2048/3072 (its keygen is slow).
//!
//! Coverage matrix (✓ = checked against RustCrypto in both directions, V = published vectors):
//!
//! | family | algorithms | sizes / curves | reference |
//! |---|---|---|---|
//! | RSA sign | RS256/384/512, PS256/384/512 | 2048, 3072, 4096 | `rsa` 0.9 ✓ (RS* also byte-equal) |
//! | RSA encrypt / wrap | RSA-OAEP, RSA-OAEP-256, RSA1_5 | 2048, 3072, 4096 | `rsa` 0.9 ✓ |
//! | ECDSA | ES256, ES256K, ES384, ES512 | P-256, P-256K, P-384, P-521 | `p256`/`k256`/`p384`/`p521` ✓ |
//! | AES-GCM | A128/192/256GCM | 128, 192, 256 | `aes-gcm` 0.10 ✓ |
//! | AES-CBC | A128/192/256CBC, …CBCPAD | 128, 192, 256 | `cbc` 0.1 ✓ (byte-equal) |
//! | AES-KW / KWP | A*KW, CKM_AES_KEY_WRAP, CKM_AES_KEY_WRAP_PAD | 128, 192, 256 | `aes-kw` 0.2 ✓, RFC 3394/5649 V |
//! | HMAC | HS256/384/512 | 128, 192, 256 | `hmac` 0.12 ✓ (byte-equal) |
//! | keys | JWK import/export, store bytes, SPKI, PKCS#8 | all of the above | RustCrypto parsers and keys |
//!
//! Negative cases cover every `KeyOpError` variant the emulator maps to `BadParameter`.

use std::sync::OnceLock;

use aws_lc_rs::rand::SystemRandom;
use rand_core::OsRng;
use rsa::traits::{PrivateKeyParts as _, PublicKeyParts as _};
use rsa::{BigUint, Oaep, Pkcs1v15Encrypt, Pkcs1v15Sign, Pss, RsaPrivateKey, RsaPublicKey};

use super::*;
use crate::crypto::jwk::JsonWebKey;

// ----- helpers ---------------------------------------------------------------------------------

/// Asserts that an expression is `Err` matching a `KeyOpError` pattern; prints the error if not.
// (A macro rather than a function so that patterns with bindings and guards work.)
macro_rules! assert_err {
    ($result:expr, $pattern:pat $(if $guard:expr)?) => {{
        let result = $result;
        let err = result.as_ref().err();
        assert!(matches!(err, Some($pattern) $(if $guard)?), "unexpected: {err:?}");
    }};
}

// aws-lc's OS-backed CSPRNG; the same source the module uses in production.
fn rng() -> SystemRandom {
    SystemRandom::new()
}

/// `n` random bytes (from aws-lc; the value only needs to be unpredictable test input).
fn rand(n: usize) -> Vec<u8> {
    random_bytes(n, &rng()).unwrap()
}

/// Hex to bytes, ignoring whitespace (test vectors are quoted in RFC layout).
// Panics on odd length or non-hex input, which is fine for literal vectors.
fn hex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Decrypts without IV/AAD/tag (RSA) and returns plain bytes.
// (`to_vec` copies out of the `Zeroizing` buffer; fine for test data.)
fn dec(key: &KeyMaterial, alg: &str, ct: &[u8]) -> Vec<u8> {
    decrypt(key, alg, ct, None, None, None).unwrap().to_vec()
}

/// Unwraps and returns plain bytes.
fn unwrap(key: &KeyMaterial, alg: &str, wrapped: &[u8]) -> Vec<u8> {
    unwrap_key(key, alg, wrapped).unwrap().to_vec()
}

/// The message of a failed JWK import (to check that it names the member).
fn import_err(jwk: &JsonWebKey) -> String {
    KeyMaterial::from_jwk(jwk).unwrap_err().to_string()
}

/// Flips one bit, for tampering tests.
fn flip(mut bytes: Vec<u8>, at: usize) -> Vec<u8> {
    bytes[at] ^= 1;
    bytes
}

/// aws-lc RSA keys, generated once per test binary: index 0/1/2 = 2048/3072/4096.
fn rsa_keys() -> &'static [KeyMaterial; 3] {
    static KEYS: OnceLock<[KeyMaterial; 3]> = OnceLock::new();
    // `OnceLock` makes the cache safe under the parallel test runner.
    KEYS.get_or_init(|| RSA_SIZES.map(|bits| KeyMaterial::generate_rsa(bits, None).unwrap()))
}

/// The RustCrypto view of one of our RSA keys, rebuilt from the exported private JWK (so this
/// also checks that `private_jwk` exports a usable n, e, d, p, q).
fn rc_private(key: &KeyMaterial) -> RsaPrivateKey {
    let jwk = key.private_jwk();
    let b = |v: &Option<Vec<u8>>| BigUint::from_bytes_be(v.as_ref().unwrap());
    // RustCrypto recomputes dp/dq/qi itself, so only n, e, d and the primes are passed.
    let primes = vec![b(&jwk.p), b(&jwk.q)];
    RsaPrivateKey::from_components(b(&jwk.n), b(&jwk.e), b(&jwk.d), primes).unwrap()
}

/// Converts a RustCrypto RSA key into a complete Key Vault JWK (all CRT members), the way a
/// client importing a key would send it.
fn rc_to_jwk(key: &RsaPrivateKey) -> JsonWebKey {
    let mut jwk = JsonWebKey::with_kty("RSA");
    jwk.n = Some(key.n().to_bytes_be());
    jwk.e = Some(key.e().to_bytes_be());
    jwk.d = Some(key.d().to_bytes_be());
    jwk.p = Some(key.primes()[0].to_bytes_be());
    jwk.q = Some(key.primes()[1].to_bytes_be());
    // RustCrypto precomputes the CRT values on construction; `crt_coefficient` is
    // q⁻¹ mod p, i.e. JWK `qi` (RFC 7518 §6.3.2.7).
    jwk.dp = Some(key.dp().unwrap().to_bytes_be());
    jwk.dq = Some(key.dq().unwrap().to_bytes_be());
    jwk.qi = Some(key.crt_coefficient().unwrap().to_bytes_be());
    jwk
}

/// Every RSA signature algorithm with its digest length.
const RSA_SIGN: [(&str, usize); 6] = [
    ("RS256", 32),
    ("RS384", 48),
    ("RS512", 64),
    ("PS256", 32),
    ("PS384", 48),
    ("PS512", 64),
];

/// Every RSA encryption/wrap algorithm.
// The same three names serve encrypt/decrypt and wrapKey/unwrapKey.
const RSA_ENC: [&str; 3] = ["RSA-OAEP", "RSA-OAEP-256", "RSA1_5"];

/// RustCrypto verification of an RS*/PS* signature over a digest. `Pss::new` expects salt
/// length = hash length, the same rule our side signs with.
fn rc_verify(public: &RsaPublicKey, alg: &str, digest: &[u8], sig: &[u8]) -> bool {
    use sha2::{Sha256, Sha384, Sha512};
    match alg {
        // `Pkcs1v15Sign::new::<H>()` expects H's DigestInfo prefix and checks the signature over
        // the given digest without hashing it again: the Key Vault convention.
        "RS256" => public.verify(Pkcs1v15Sign::new::<Sha256>(), digest, sig),
        "RS384" => public.verify(Pkcs1v15Sign::new::<Sha384>(), digest, sig),
        "RS512" => public.verify(Pkcs1v15Sign::new::<Sha512>(), digest, sig),
        "PS256" => public.verify(Pss::new::<Sha256>(), digest, sig),
        "PS384" => public.verify(Pss::new::<Sha384>(), digest, sig),
        "PS512" => public.verify(Pss::new::<Sha512>(), digest, sig),
        _ => unreachable!(),
    }
    .is_ok()
}

/// RustCrypto RS*/PS* signing over a digest (PSS salt = hash length, RustCrypto's default).
fn rc_sign(private: &RsaPrivateKey, alg: &str, digest: &[u8]) -> Vec<u8> {
    use sha2::{Sha256, Sha384, Sha512};
    match alg {
        "RS256" => private.sign(Pkcs1v15Sign::new::<Sha256>(), digest),
        "RS384" => private.sign(Pkcs1v15Sign::new::<Sha384>(), digest),
        "RS512" => private.sign(Pkcs1v15Sign::new::<Sha512>(), digest),
        // PSS needs randomness for the salt.
        "PS256" => private.sign_with_rng(&mut OsRng, Pss::new::<Sha256>(), digest),
        "PS384" => private.sign_with_rng(&mut OsRng, Pss::new::<Sha384>(), digest),
        "PS512" => private.sign_with_rng(&mut OsRng, Pss::new::<Sha512>(), digest),
        _ => unreachable!(),
    }
    .unwrap()
}

/// RustCrypto RSA encryption. `Oaep::new::<H>()` uses MGF1 with the same hash, as RFC 7518
/// defines for RSA-OAEP (SHA-1) and RSA-OAEP-256 (SHA-256).
fn rc_encrypt(public: &RsaPublicKey, alg: &str, msg: &[u8]) -> Vec<u8> {
    match alg {
        "RSA-OAEP" => public.encrypt(&mut OsRng, Oaep::new::<sha1::Sha1>(), msg),
        "RSA-OAEP-256" => public.encrypt(&mut OsRng, Oaep::new::<sha2::Sha256>(), msg),
        "RSA1_5" => public.encrypt(&mut OsRng, Pkcs1v15Encrypt, msg),
        _ => unreachable!(),
    }
    .unwrap()
}

/// RustCrypto RSA decryption (the inverse of [`rc_encrypt`]).
fn rc_decrypt(private: &RsaPrivateKey, alg: &str, ct: &[u8]) -> Vec<u8> {
    match alg {
        "RSA-OAEP" => private.decrypt(Oaep::new::<sha1::Sha1>(), ct),
        "RSA-OAEP-256" => private.decrypt(Oaep::new::<sha2::Sha256>(), ct),
        "RSA1_5" => private.decrypt(Pkcs1v15Encrypt, ct),
        _ => unreachable!(),
    }
    .unwrap()
}

// ----- RSA -------------------------------------------------------------------------------------

/// RS256/384/512 and PS256/384/512 on 2048/3072/4096: our signatures verify with RustCrypto
/// and RustCrypto's verify with ours (private and public-JWK paths). A tampered signature,
/// a different digest or a truncated signature verifies as `false`, not as an error.
#[test]
fn rsa_sign_verify_both_directions_all_sizes() {
    // One pass per modulus size: 2048, 3072, 4096.
    for key in rsa_keys() {
        let private = rc_private(key);
        let public = RsaPublicKey::from(&private);
        let public_jwk = key.public_jwk();
        for (alg, len) in RSA_SIGN {
            // Key Vault signs a digest the client computed; any bytes of the right length do.
            let digest = rand(len);
            // ours → RustCrypto; an RSA signature is exactly the modulus length.
            let sig = sign(key, alg, &digest).unwrap();
            assert_eq!(sig.len(), key.size_bits() as usize / 8);
            assert!(
                rc_verify(&public, alg, &digest, &sig),
                "{alg} {}",
                key.size_bits()
            );
            assert!(verify(key, alg, &digest, &sig).unwrap());
            assert!(verify_with_public(&public_jwk, alg, &digest, &sig).unwrap());
            // RustCrypto → ours
            let theirs = rc_sign(&private, alg, &digest);
            assert!(verify(key, alg, &digest, &theirs).unwrap(), "{alg}");
            assert!(verify_with_public(&public_jwk, alg, &digest, &theirs).unwrap());
            // A wrong signature, a different digest or a truncated signature: `false`, not an error.
            let bad = flip(sig.clone(), 10);
            assert!(!verify(key, alg, &digest, &bad).unwrap());
            assert!(!verify_with_public(&public_jwk, alg, &digest, &bad).unwrap());
            assert!(!verify(key, alg, &flip(digest.clone(), 0), &sig).unwrap());
            assert!(!verify(key, alg, &digest, &sig[1..]).unwrap());
        }
    }
}

/// PKCS#1 v1.5 signatures are deterministic, so byte equality with RustCrypto proves that the
/// DigestInfo prefix we (the "service") add for RS* is the standard one.
#[test]
fn rsa_pkcs1_signature_bytes_match_rustcrypto() {
    let key = &rsa_keys()[0];
    let private = rc_private(key);
    // RS256/384/512 only: PSS is randomised and cannot be compared byte-wise.
    for (alg, len) in &RSA_SIGN[..3] {
        let digest = rand(*len);
        assert_eq!(
            sign(key, alg, &digest).unwrap(),
            rc_sign(&private, alg, &digest)
        );
    }
}

/// RSA-OAEP, RSA-OAEP-256 and RSA1_5 on every size, for encrypt/decrypt, wrapKey/unwrapKey
/// and the CLI's public-JWK encryption, in both directions.
#[test]
fn rsa_encrypt_and_wrap_both_directions_all_sizes() {
    for key in rsa_keys() {
        let private = rc_private(key);
        let public = RsaPublicKey::from(&private);
        let public_jwk = key.public_jwk();
        for alg in RSA_ENC {
            let msg = rand(32);
            // encrypt: ours → RustCrypto; RSA results carry no iv/tag/aad.
            let out = encrypt(key, alg, &msg, None, None, &rng()).unwrap();
            assert_eq!((&out.iv, &out.tag, &out.aad), (&None, &None, &None));
            assert_eq!(rc_decrypt(&private, alg, &out.ciphertext), msg, "{alg}");
            // RustCrypto → ours (decrypt and unwrap are the same primitive for RSA).
            let theirs = rc_encrypt(&public, alg, &msg);
            assert_eq!(dec(key, alg, &theirs), msg);
            assert_eq!(unwrap(key, alg, &theirs), msg);
            // wrapKey: ours → RustCrypto and ours.
            let wrapped = wrap_key(key, alg, &msg).unwrap();
            assert_eq!(rc_decrypt(&private, alg, &wrapped), msg);
            assert_eq!(unwrap(key, alg, &wrapped), msg);
            // Public-only encryption (CLI local path) → RustCrypto and ours.
            let local = encrypt_with_public(&public_jwk, alg, &msg, &rng()).unwrap();
            assert_eq!(rc_decrypt(&private, alg, &local), msg);
            assert_eq!(dec(key, alg, &local), msg);
        }
    }
}

/// Plaintext limits follow RFC 8017 (k − 2·hLen − 2 for OAEP, k − 11 for v1.5), and a
/// malformed ciphertext is `InvalidCiphertext`, whatever the reason.
#[test]
fn rsa_encrypt_limits_and_bad_ciphertext() {
    let key = &rsa_keys()[0];
    // k = 256 for 2048 bits. OAEP-SHA1: 256 − 2·20 − 2 = 214; OAEP-SHA256: 256 − 2·32 − 2 = 190;
    // PKCS#1 v1.5: 256 − 11 = 245. Exactly the maximum works, one more byte does not.
    for (alg, max) in [("RSA-OAEP", 214), ("RSA-OAEP-256", 190), ("RSA1_5", 245)] {
        assert!(
            encrypt(key, alg, &rand(max), None, None, &rng()).is_ok(),
            "{alg}"
        );
        let too_long = encrypt(key, alg, &rand(max + 1), None, None, &rng());
        assert_err!(too_long, KeyOpError::InvalidPlaintextLength { .. });
    }
    // Three ways to break a ciphertext: wrong length, flipped bit, wrong OAEP hash.
    let ct = encrypt(key, "RSA-OAEP-256", b"hello", None, None, &rng())
        .unwrap()
        .ciphertext;
    // Wrong length, corrupted, or decrypted with the wrong OAEP hash.
    let none = None;
    let r = decrypt(key, "RSA-OAEP-256", &ct[1..], none, none, none);
    assert_err!(r, KeyOpError::InvalidCiphertext(_));
    let bad = flip(ct.clone(), 5);
    let r = decrypt(key, "RSA-OAEP-256", &bad, none, none, none);
    assert_err!(r, KeyOpError::InvalidCiphertext(_));
    let r = unwrap_key(key, "RSA-OAEP", &ct);
    assert_err!(r, KeyOpError::InvalidCiphertext(_));
}

/// The public JWK's `n`/`e` are the minimal big-endian integers RustCrypto reads from our
/// SubjectPublicKeyInfo, and the key reports its size and kind correctly.
#[test]
fn rsa_public_jwk_and_spki_match_rustcrypto() {
    use rsa::pkcs8::DecodePublicKey as _;
    for key in rsa_keys() {
        let jwk = key.public_jwk();
        // The SPKI must be standard enough for an unrelated parser (this is what `key download` writes).
        let parsed =
            RsaPublicKey::from_public_key_der(&key.public_key_spki_der().unwrap()).unwrap();
        assert_eq!(jwk.n.as_deref(), Some(&parsed.n().to_bytes_be()[..]));
        assert_eq!(jwk.e.as_deref(), Some(&[1u8, 0, 1][..]), "F4 = 65537");
        assert_eq!(parsed.n().bits() as u32, key.size_bits());
        // Managed HSM reports the -HSM kty and never private members.
        assert_eq!(jwk.kty.as_deref(), Some("RSA-HSM"));
        assert!(!jwk.has_private_material());
        assert_eq!((key.kind(), key.curve()), (KeyKind::Rsa, None));
    }
}

/// private JWK → JSON → import, and to_bytes → from_bytes, reproduce the same key; the CRT
/// members we export equal RustCrypto's recomputation from (n, e, d, p, q).
#[test]
fn rsa_private_jwk_and_store_round_trip_all_sizes() {
    for key in rsa_keys() {
        let private = key.private_jwk();
        // RustCrypto recomputes the CRT values from (n, e, d, p, q); ours must agree.
        let rc = rc_to_jwk(&rc_private(key));
        assert_eq!(
            (&rc.dp, &rc.dq, &rc.qi),
            (&private.dp, &private.dq, &private.qi)
        );
        // Through JSON, as the emulator would receive an import.
        let json = serde_json::to_string(&private).unwrap();
        let back = KeyMaterial::from_jwk(&serde_json::from_str(&json).unwrap()).unwrap();
        assert_eq!(back.public_jwk(), key.public_jwk());
        // And through the store serialisation.
        let stored = KeyMaterial::from_bytes(&key.to_bytes()).unwrap();
        assert_eq!(stored.private_jwk(), private);
        assert_eq!(stored.size_bits(), key.size_bits());
        // The restored key is functional, not just equal on paper.
        let digest = rand(32);
        let sig = sign(&stored, "PS256", &digest).unwrap();
        assert!(verify(key, "PS256", &digest, &sig).unwrap());
    }
}

/// Keys generated by RustCrypto import through a full JWK, keep working with RustCrypto,
/// survive the store round trip and tolerate leading zeros on `n`.
#[test]
fn rsa_import_rustcrypto_generated_keys() {
    for bits in [2048usize, 3072] {
        // RSA-4096 is left out here: RustCrypto generation at that size takes many seconds.
        let rc = RsaPrivateKey::new(&mut OsRng, bits).unwrap();
        let rc_public = RsaPublicKey::from(&rc);
        let jwk = rc_to_jwk(&rc);
        // Import through the full JWK, as a client of `PUT /keys/{name}` would send it.
        let key = KeyMaterial::from_jwk(&jwk).unwrap();
        assert_eq!(key.size_bits(), bits as u32);
        assert_eq!(key.public_jwk().n, jwk.n);
        // The imported key signs and decrypts compatibly with the original.
        let digest = rand(48);
        assert!(rc_verify(
            &rc_public,
            "RS384",
            &digest,
            &sign(&key, "RS384", &digest).unwrap()
        ));
        let ct = rc_encrypt(&rc_public, "RSA-OAEP", b"cek");
        assert_eq!(dec(&key, "RSA-OAEP", &ct), b"cek");
        // Store round trip keeps the private members byte-identical.
        let again = KeyMaterial::from_bytes(&key.to_bytes())
            .unwrap()
            .private_jwk();
        assert_eq!((&again.d, &again.qi), (&jwk.d, &jwk.qi));
        // The same key as PKCS#8 DER (the body of a `BEGIN PRIVATE KEY` PEM) imports
        // to the identical key.
        let der = rsa::pkcs8::EncodePrivateKey::to_pkcs8_der(&rc).unwrap();
        let from_der = KeyMaterial::from_pkcs8_der(der.as_bytes()).unwrap();
        assert_eq!(from_der.private_jwk(), key.private_jwk());
        // Leading zero bytes on n (some encoders emit a sign byte) are tolerated.
        let mut padded = jwk.clone();
        padded.n = Some([&[0u8][..], jwk.n.as_deref().unwrap()].concat());
        assert_eq!(
            KeyMaterial::from_jwk(&padded).unwrap().public_jwk().n,
            jwk.n
        );
    }
}

/// Import errors: each missing RSA member is named; an inconsistent key, a 1024-bit key, an
/// unsupported exponent and a missing/unknown kty are refused with the right variant.
#[test]
fn rsa_import_rejects_missing_inconsistent_and_wrong_size() {
    let full = rsa_keys()[0].private_jwk();
    // Each member removed in turn must be reported by name, so the emulator can say which
    // member is missing in its `BadParameter` message.
    for member in ["n", "e", "d", "p", "q", "dp", "dq", "qi"] {
        let mut jwk = full.clone();
        let slot = match member {
            "n" => &mut jwk.n,
            "e" => &mut jwk.e,
            "d" => &mut jwk.d,
            "p" => &mut jwk.p,
            "q" => &mut jwk.q,
            "dp" => &mut jwk.dp,
            "dq" => &mut jwk.dq,
            _ => &mut jwk.qi,
        };
        *slot = None;
        let err = KeyMaterial::from_jwk(&jwk);
        assert_err!(err, KeyOpError::InvalidJwk { member: m, .. } if *m == member);
        assert!(import_err(&jwk).contains(&format!("'{member}'")));
    }
    // A modulus that is not p·q (one bit flipped, same size): inconsistent.
    let mut mixed = full.clone();
    mixed.n = Some(flip(full.n.clone().unwrap(), 100));
    let r = KeyMaterial::from_jwk(&mixed);
    assert_err!(r, KeyOpError::InconsistentKey(_));
    // A 1024-bit modulus is refused on size before anything else is looked at.
    let mut small = JsonWebKey::with_kty("RSA-HSM");
    // 128 bytes of 0xff is exactly 1024 bits; the private members do not matter because the
    // size check comes first.
    small.n = Some(vec![0xff; 128]);
    small.e = Some(vec![1, 0, 1]);
    assert_err!(
        KeyMaterial::from_jwk(&small),
        KeyOpError::InvalidKeySize {
            kty: "RSA",
            bits: 1024
        }
    );
    let r = KeyMaterial::generate_rsa(1024, None);
    assert_err!(r, KeyOpError::InvalidKeySize { .. });
    // Only e = 65537 can be generated.
    let r = KeyMaterial::generate_rsa(2048, Some(3));
    assert_err!(r, KeyOpError::InvalidParameter(_));
    // kty: missing, then unknown.
    let mut no_kty = full.clone();
    no_kty.kty = None;
    assert!(import_err(&no_kty).contains("'kty'"));
    let mut bad_kty = full.clone();
    bad_kty.kty = Some("DSA".into());
    let r = KeyMaterial::from_jwk(&bad_kty);
    assert_err!(r, KeyOpError::InvalidKeyType(_));
}

/// Digest length must match the hash; EC, HMAC, AES, RSNULL and misspelled names are not
/// RSA signature algorithms; AES wrap names do not apply to RSA keys.
#[test]
fn rsa_wrong_digest_length_and_wrong_algorithms() {
    let key = &rsa_keys()[0];
    // A SHA-384-sized digest for RS256 is refused with both lengths in the error.
    let expected = KeyOpError::InvalidDigestLength {
        alg: "RS256".into(),
        expected: 32,
        actual: 48,
    };
    assert_eq!(sign(key, "RS256", &rand(48)).unwrap_err(), expected);
    let r = verify(key, "PS512", &rand(32), &[0; 256]);
    assert_err!(r, KeyOpError::InvalidDigestLength { .. });
    // Other families, RSNULL (not implemented) and wrong case are all unsupported.
    for alg in ["ES256", "HS256", "A256GCM", "RSNULL", "rs256"] {
        let r = sign(key, alg, &rand(32));
        assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
    }
    // AES and signature names are not RSA encryption algorithms.
    for alg in ["A128GCM", "A256CBCPAD", "RS256"] {
        let r = encrypt(key, alg, b"x", None, None, &rng());
        assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
    }
    // AES key-wrap names need an oct key.
    for alg in ["A256KW", "CKM_AES_KEY_WRAP", "CKM_AES_KEY_WRAP_PAD"] {
        let r = wrap_key(key, alg, &[0; 32]);
        assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
    }
}

// ----- EC --------------------------------------------------------------------------------------

/// Generates the cross-check tests for one curve. `$rc` is the RustCrypto curve crate, `$alg`
/// the matching ES algorithm with digest length `$hlen`, `$wrong` an ES algorithm of another
/// curve, and `$low_s_only` whether the RustCrypto verifier rejects high-S signatures.
macro_rules! ec_cross_tests {
    ($modname:ident, $rc:ident, $curve:expr, $alg:literal, $hlen:literal, $wrong:literal, $low_s_only:literal) => {
        mod $modname {
            use super::*;
            use ecdsa::signature::hazmat::{PrehashSigner as _, PrehashVerifier as _};
            use $rc::ecdsa::{Signature, SigningKey, VerifyingKey};

            /// One aws-lc key per curve for the whole run.
            fn key() -> &'static KeyMaterial {
                // Each macro expansion gets its own static, i.e. one key per curve.
                static KEY: OnceLock<KeyMaterial> = OnceLock::new();
                KEY.get_or_init(|| KeyMaterial::generate_ec($curve).unwrap())
            }

            /// SEC1 uncompressed point (`04 ‖ x ‖ y`) from a public JWK.
            // RustCrypto parses SEC1 encodings, not JWK coordinates.
            fn point(jwk: &JsonWebKey) -> Vec<u8> {
                [
                    &[4u8][..],
                    jwk.x.as_deref().unwrap(),
                    jwk.y.as_deref().unwrap(),
                ]
                .concat()
            }

            /// RustCrypto verification of a fixed-width `r‖s` signature over a digest.
            fn rc_verify(vk: &VerifyingKey, digest: &[u8], sig: &[u8]) -> bool {
                let sig = Signature::from_slice(sig).unwrap();
                // k256 accepts only low-S signatures (a Bitcoin rule). Neither aws-lc nor the
                // service normalises, so normalise here before asking RustCrypto.
                let sig = if $low_s_only {
                    sig.normalize_s().unwrap_or(sig)
                } else {
                    sig
                };
                vk.verify_prehash(digest, &sig).is_ok()
            }

            /// Ours → RustCrypto and RustCrypto → ours, via the key, the public JWK and a
            /// RustCrypto key imported through its JWK; tampering gives `false`.
            #[test]
            fn sign_verify_both_directions() {
                let key = key();
                let jwk = key.public_jwk();
                // RustCrypto's view of our key, built from the public JWK's x and y.
                let vk = VerifyingKey::from_sec1_bytes(&point(&jwk)).unwrap();
                // ECDSA is randomised: several rounds cover both parities of S.
                for _ in 0..8 {
                    let digest = rand($hlen);
                    let sig = sign(key, $alg, &digest).unwrap();
                    assert_eq!(sig.len(), 2 * $curve.coord_len(), "fixed-width r‖s");
                    assert!(rc_verify(&vk, &digest, &sig));
                    assert!(verify(key, $alg, &digest, &sig).unwrap());
                    assert!(verify_with_public(&jwk, $alg, &digest, &sig).unwrap());
                    let bad = flip(sig.clone(), 3);
                    assert!(!verify(key, $alg, &digest, &bad).unwrap());
                    assert!(!verify_with_public(&jwk, $alg, &digest, &bad).unwrap());
                    assert!(!verify(key, $alg, &digest, &sig[..sig.len() - 1]).unwrap());
                }
                // RustCrypto → ours, first with only the public members (the CLI's local verify) …
                let sk = SigningKey::random(&mut OsRng);
                let theirs_vk = VerifyingKey::from(&sk);
                let ep = theirs_vk.to_encoded_point(false);
                let mut theirs = JsonWebKey::with_kty("EC");
                theirs.crv = Some($curve.jwk_name().to_owned());
                theirs.x = Some(ep.x().unwrap().to_vec());
                theirs.y = Some(ep.y().unwrap().to_vec());
                let digest = rand($hlen);
                // RustCrypto signs the digest as-is (no hashing), like Key Vault's sign.
                let rc_sig: Signature = sk.sign_prehash(&digest).unwrap();
                assert!(verify_with_public(&theirs, $alg, &digest, &rc_sig.to_bytes()).unwrap());
                // … then imported with `d`, which must verify theirs and sign for them.
                theirs.d = Some(sk.to_bytes().to_vec());
                let imported = KeyMaterial::from_jwk(&theirs).unwrap();
                assert!(verify(&imported, $alg, &digest, &rc_sig.to_bytes()).unwrap());
                assert!(rc_verify(
                    &theirs_vk,
                    &digest,
                    &sign(&imported, $alg, &digest).unwrap()
                ));
            }

            /// Public JWK, SPKI, private `d`, JSON import, store bytes and PKCS#8 import all
            /// describe the same key as RustCrypto sees it.
            #[test]
            fn jwk_spki_and_store_round_trip() {
                use $rc::elliptic_curve::sec1::ToEncodedPoint as _;
                use $rc::pkcs8::{DecodePublicKey as _, EncodePrivateKey as _};
                let key = key();
                let jwk = key.public_jwk();
                assert_eq!(jwk.kty.as_deref(), Some("EC-HSM"));
                assert_eq!(jwk.crv.as_deref(), Some($curve.jwk_name()));
                assert_eq!(
                    (key.curve(), key.size_bits()),
                    (Some($curve), $curve.bits())
                );
                // SPKI parses with RustCrypto and carries the same point as x/y.
                let spki = key.public_key_spki_der().unwrap();
                let ep = $rc::PublicKey::from_public_key_der(&spki)
                    .unwrap()
                    .to_encoded_point(false);
                assert_eq!(ep.x().unwrap().as_slice(), jwk.x.as_deref().unwrap());
                assert_eq!(ep.y().unwrap().as_slice(), jwk.y.as_deref().unwrap());
                // d is the fixed-width scalar (RFC 7518 §6.2.2.1) from which RustCrypto
                // derives the same public point.
                let private = key.private_jwk();
                let d = private.d.clone().unwrap();
                assert_eq!(d.len(), $curve.coord_len());
                let sk = SigningKey::from_slice(&d).unwrap();
                assert_eq!(VerifyingKey::from(&sk).to_encoded_point(false), ep);
                // JWK import (via JSON) and store bytes reproduce the key exactly.
                let json = serde_json::to_string(&private).unwrap();
                let back = KeyMaterial::from_jwk(&serde_json::from_str(&json).unwrap()).unwrap();
                assert_eq!(back.private_jwk(), private);
                assert_eq!(
                    KeyMaterial::from_bytes(&key.to_bytes())
                        .unwrap()
                        .private_jwk(),
                    private
                );
                // RustCrypto's PKCS#8 imports, with the curve read from the AlgorithmIdentifier.
                let der = $rc::SecretKey::from_slice(&d)
                    .unwrap()
                    .to_pkcs8_der()
                    .unwrap();
                assert_eq!(
                    KeyMaterial::from_pkcs8_der(der.as_bytes())
                        .unwrap()
                        .public_jwk(),
                    jwk
                );
            }

            /// Wrong digest length; algorithms of another curve or family; EC keys cannot
            /// encrypt or wrap; import errors name the member; an off-curve point is refused.
            #[test]
            fn negative_cases() {
                let key = key();
                // One byte too many for the curve's hash.
                let wrong_len = sign(key, $alg, &rand($hlen + 1));
                assert_err!(
                    wrong_len,
                    KeyOpError::InvalidDigestLength {
                        expected: $hlen,
                        ..
                    }
                );
                // The ES algorithm of another curve, RSA and HMAC names: unsupported on every path.
                for alg in [$wrong, "RS256", "PS256", "HS256"] {
                    let r = sign(key, alg, &rand(32));
                    assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
                    let public = verify_with_public(&key.public_jwk(), alg, &rand(32), &[0; 64]);
                    assert_err!(public, KeyOpError::UnsupportedAlgorithm { .. });
                }
                // EC keys can neither encrypt nor wrap in Managed HSM.
                let encrypted = encrypt(key, "RSA-OAEP", b"x", None, None, &rng());
                assert_err!(encrypted, KeyOpError::UnsupportedAlgorithm { .. });
                let r = wrap_key(key, "A256KW", &[0; 16]);
                assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
                // Import: missing d or crv, public point of another key, unknown curve.
                let mut jwk = key.private_jwk();
                jwk.d = None;
                assert!(import_err(&jwk).contains("'d'"));
                let mut no_crv = key.private_jwk();
                no_crv.crv = None;
                assert!(import_err(&no_crv).contains("'crv'"));
                // x from a different key: the point no longer equals d·G (and is likely off-curve).
                let mut mixed = key.private_jwk();
                mixed.x = KeyMaterial::generate_ec($curve)
                    .unwrap()
                    .public_jwk()
                    .x
                    .clone();
                let r = KeyMaterial::from_jwk(&mixed);
                assert_err!(r, KeyOpError::InconsistentKey(_));
                // A curve Key Vault does not support.
                let mut wrong_crv = key.private_jwk();
                wrong_crv.crv = Some("P-192".into());
                let r = KeyMaterial::from_jwk(&wrong_crv);
                assert_err!(r, KeyOpError::InvalidCurve(_));
                // A point off the curve is a key error on the public path, not `false`.
                let mut off = key.public_jwk();
                off.y = Some(flip(off.y.clone().unwrap(), 5));
                let sig = vec![1u8; 2 * $curve.coord_len()];
                let r = verify_with_public(&off, $alg, &rand($hlen), &sig);
                assert_err!(r, KeyOpError::InconsistentKey(_));
            }
        }
    };
}

// One module per curve. Only k256 enforces low-S, hence the last argument.
ec_cross_tests!(ec_p256, p256, Curve::P256, "ES256", 32, "ES384", false);
ec_cross_tests!(ec_p256k, k256, Curve::P256K, "ES256K", 32, "ES256", true);
ec_cross_tests!(ec_p384, p384, Curve::P384, "ES384", 48, "ES256", false);
ec_cross_tests!(ec_p521, p521, Curve::P521, "ES512", 64, "ES384", false);

/// The brief's named case: ES384 on a P-256 key is an algorithm error naming the curve.
#[test]
fn es384_on_p256_is_rejected() {
    let key = KeyMaterial::generate_ec(Curve::P256).unwrap();
    let err = sign(&key, "ES384", &rand(48)).unwrap_err();
    assert!(matches!(err, KeyOpError::UnsupportedAlgorithm { .. }));
    assert!(err.to_string().contains("P-256"), "{err}");
}

// ----- AES (oct) -------------------------------------------------------------------------------

// AES keys are cheap to generate, so each test makes its own.
fn oct_key(bits: u32) -> KeyMaterial {
    KeyMaterial::generate_oct(bits).unwrap()
}

/// The raw AES key, for the RustCrypto side.
fn raw_k(key: &KeyMaterial) -> Vec<u8> {
    key.private_jwk().k.clone().unwrap()
}

/// RustCrypto AES-GCM (ciphertext ‖ tag combined, 12-byte nonce) for 128/192/256.
fn rc_gcm(k: &[u8], iv: &[u8], aad: &[u8], data: &[u8], seal: bool) -> Option<Vec<u8>> {
    use aes_gcm::aead::{Aead, KeyInit, Payload, consts::U12};
    let (payload, nonce) = (Payload { msg: data, aad }, aes_gcm::Nonce::from_slice(iv));
    macro_rules! run {
        ($cipher:ty) => {{
            // aes-gcm has no alias for AES-192-GCM, hence the generic form for all three.
            let c = aes_gcm::AesGcm::<$cipher, U12>::new_from_slice(k).unwrap();
            if seal {
                c.encrypt(nonce, payload)
            } else {
                c.decrypt(nonce, payload)
            }
        }};
    }
    match k.len() {
        16 => run!(aes::Aes128),
        24 => run!(aes::Aes192),
        _ => run!(aes::Aes256),
    }
    .ok()
}

/// RustCrypto AES-CBC with no padding (`pad = false`) or PKCS#7.
fn rc_cbc(k: &[u8], iv: &[u8], data: &[u8], encrypt: bool, pad: bool) -> Vec<u8> {
    use cbc_ref::cipher::block_padding::{NoPadding, Pkcs7};
    use cbc_ref::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
    macro_rules! run {
        ($cipher:ty) => {{
            let enc = || cbc_ref::Encryptor::<$cipher>::new_from_slices(k, iv).unwrap();
            let dec = || cbc_ref::Decryptor::<$cipher>::new_from_slices(k, iv).unwrap();
            // `NoPadding` insists on whole blocks, exactly like A*CBC.
            match (encrypt, pad) {
                (true, true) => enc().encrypt_padded_vec_mut::<Pkcs7>(data),
                (true, false) => enc().encrypt_padded_vec_mut::<NoPadding>(data),
                (false, true) => dec().decrypt_padded_vec_mut::<Pkcs7>(data).unwrap(),
                (false, false) => dec().decrypt_padded_vec_mut::<NoPadding>(data).unwrap(),
            }
        }};
    }
    match k.len() {
        16 => run!(aes::Aes128),
        24 => run!(aes::Aes192),
        _ => run!(aes::Aes256),
    }
}

/// RustCrypto `aes-kw` 0.2 on `aes` 0.8 — a different release line from the `aes-kw` 0.3 /
/// `aes` 0.9 the module uses for AES-192, so it is an independent check there too.
fn rc_kw(k: &[u8], data: &[u8], wrap: bool, padded: bool) -> Vec<u8> {
    macro_rules! run {
        ($kek:ty) => {{
            // `try_from(&[u8])` checks that the KEK length fits the cipher.
            let kek = <$kek>::try_from(k).unwrap();
            match (wrap, padded) {
                (true, false) => kek.wrap_vec(data),
                (false, false) => kek.unwrap_vec(data),
                (true, true) => kek.wrap_with_padding_vec(data),
                (false, true) => kek.unwrap_with_padding_vec(data),
            }
        }};
    }
    match k.len() {
        16 => run!(aes_kw_ref::KekAes128),
        24 => run!(aes_kw_ref::KekAes192),
        _ => run!(aes_kw_ref::KekAes256),
    }
    .unwrap()
}

/// A128/192/256GCM: service-generated 12-byte IV, 16-byte tag, AAD echoed; both directions
/// against RustCrypto for several lengths (including empty); a caller IV is honoured; tag,
/// ciphertext and AAD tampering → `AuthenticationFailed`; parameter-shape errors.
#[test]
fn aes_gcm_both_directions_all_sizes() {
    for bits in AES_SIZES {
        let key = oct_key(bits);
        let k = raw_k(&key);
        let alg = format!("A{bits}GCM");
        for len in [0usize, 1, 16, 33, 1000] {
            // Lengths 0 and 1000 cover the empty plaintext and multi-block GHASH.
            let (msg, aad) = (rand(len), rand(20));
            // No IV given: the service (we) generate one and return it with the tag.
            let out = encrypt(&key, &alg, &msg, None, Some(&aad), &rng()).unwrap();
            let (iv, tag) = (out.iv.clone().unwrap(), out.tag.clone().unwrap());
            assert_eq!((iv.len(), tag.len()), (12, 16));
            assert_eq!(out.aad.as_deref(), Some(&aad[..]));
            // RustCrypto's AEAD API takes ciphertext ‖ tag in one buffer.
            let joined = [&out.ciphertext[..], &tag[..]].concat();
            assert_eq!(
                rc_gcm(&k, &iv, &aad, &joined, false).unwrap(),
                msg,
                "{alg} {len}"
            );
            // RustCrypto → ours with a fresh nonce.
            let iv2 = rand(12);
            let theirs = rc_gcm(&k, &iv2, &aad, &msg, true).unwrap();
            // Split the trailing 16-byte tag off again for the Key Vault-shaped API.
            let (ct, t) = theirs.split_at(theirs.len() - 16);
            let plain = decrypt(&key, &alg, ct, Some(&iv2), Some(&aad), Some(t)).unwrap();
            assert_eq!(&*plain, &msg[..]);
            // A caller-supplied 12-byte IV is used as is (same output as RustCrypto's).
            let fixed = encrypt(&key, &alg, &msg, Some(&iv2), Some(&aad), &rng()).unwrap();
            assert_eq!((&fixed.ciphertext[..], fixed.tag.as_deref()), (ct, Some(t)));
        }
        // No AAD: nothing echoed, and decryption without AAD works.
        let out = encrypt(&key, &alg, b"data", None, None, &rng()).unwrap();
        assert_eq!(out.aad, None);
        let (ct, iv, tag) = (out.ciphertext, out.iv.unwrap(), out.tag.unwrap());
        let open = |ct: &[u8], iv: Option<&[u8]>, aad: Option<&[u8]>, tag: Option<&[u8]>| {
            decrypt(&key, &alg, ct, iv, aad, tag)
        };
        assert_eq!(&*open(&ct, Some(&iv), None, Some(&tag)).unwrap(), b"data");
        // GCM authenticates tag, ciphertext, AAD and IV: changing any of them must fail, and no
        // plaintext may be released.
        let auth = KeyOpError::AuthenticationFailed;
        // Last tag byte flipped.
        let bad_tag = flip(tag.clone(), 15);
        assert_eq!(
            open(&ct, Some(&iv), None, Some(&bad_tag)).unwrap_err(),
            auth
        );
        // First ciphertext byte flipped.
        let bad_ct = flip(ct.clone(), 0);
        assert_eq!(
            open(&bad_ct, Some(&iv), None, Some(&tag)).unwrap_err(),
            auth
        );
        // AAD supplied on decrypt that was absent on encrypt.
        let aad_x = Some(&b"x"[..]);
        assert_eq!(open(&ct, Some(&iv), aad_x, Some(&tag)).unwrap_err(), auth);
        // A different nonce.
        let bad_iv = flip(iv.clone(), 0);
        assert_eq!(
            open(&ct, Some(&bad_iv), None, Some(&tag)).unwrap_err(),
            auth
        );
        // Parameter shapes: iv and tag are required, the tag must be 16 bytes, the IV 12.
        assert_eq!(
            open(&ct, None, None, Some(&tag)).unwrap_err(),
            KeyOpError::MissingParameter("iv")
        );
        assert_eq!(
            open(&ct, Some(&iv), None, None).unwrap_err(),
            KeyOpError::MissingParameter("tag")
        );
        assert_eq!(
            open(&ct, Some(&iv), None, Some(&tag[..12])).unwrap_err(),
            KeyOpError::InvalidTagLength(12)
        );
        // A caller IV must be 96 bits (aws-lc supports no other GCM nonce size).
        let long_iv = encrypt(&key, &alg, b"x", Some(&[0; 16]), None, &rng());
        assert_err!(
            long_iv,
            KeyOpError::InvalidIvLength {
                expected: 12,
                actual: 16,
                ..
            }
        );
    }
}

/// A*CBC (no padding, whole blocks) and A*CBCPAD (PKCS#7): byte-identical to RustCrypto in
/// both directions; IV echoed; length, padding and IV errors.
#[test]
fn aes_cbc_and_cbcpad_both_directions_all_sizes() {
    for bits in AES_SIZES {
        let key = oct_key(bits);
        let (k, iv) = (raw_k(&key), rand(16));
        // Both CBC flavours take the caller's IV; closures keep the calls short.
        let enc = |alg: &str, msg: &[u8]| encrypt(&key, alg, msg, Some(&iv), None, &rng());
        let dec = |alg: &str, ct: &[u8]| decrypt(&key, alg, ct, Some(&iv), None, None);
        // CBC without padding: ciphertext length = plaintext length.
        let alg = format!("A{bits}CBC");
        // CBC is deterministic for a given IV, so the ciphertext must equal RustCrypto's.
        for blocks in [1usize, 2, 7] {
            let msg = rand(16 * blocks);
            let out = enc(&alg, &msg).unwrap();
            assert_eq!(
                (out.iv.as_deref(), out.tag.as_deref()),
                (Some(&iv[..]), None)
            );
            assert_eq!(out.ciphertext, rc_cbc(&k, &iv, &msg, true, false));
            assert_eq!(rc_cbc(&k, &iv, &out.ciphertext, false, false), msg);
            assert_eq!(&*dec(&alg, &out.ciphertext).unwrap(), &msg[..]);
        }
        // 17 bytes is not whole blocks; an empty plaintext has no block to encrypt either.
        let r = enc(&alg, &rand(17));
        assert_err!(r, KeyOpError::InvalidPlaintextLength { .. });
        assert_err!(enc(&alg, &[]), KeyOpError::InvalidPlaintextLength { .. });
        assert_err!(dec(&alg, &rand(17)), KeyOpError::InvalidCiphertext(_));
        // CBCPAD: PKCS#7 always adds 1..=16 bytes, so any length (even 0) works.
        let alg = format!("A{bits}CBCPAD");
        // Lengths around the block boundary: 16 bytes of input gain a whole padding block.
        for len in [0usize, 1, 15, 16, 17, 100] {
            let msg = rand(len);
            let out = enc(&alg, &msg).unwrap();
            assert_eq!(out.ciphertext.len(), (len / 16 + 1) * 16);
            assert_eq!(
                out.ciphertext,
                rc_cbc(&k, &iv, &msg, true, true),
                "{alg} {len}"
            );
            assert_eq!(rc_cbc(&k, &iv, &out.ciphertext, false, true), msg);
            assert_eq!(&*dec(&alg, &out.ciphertext).unwrap(), &msg[..]);
        }
        // Bad padding: raw blocks of 0x11 do not end in valid PKCS#7 padding.
        let bad = rc_cbc(&k, &iv, &[0x11; 32], true, false);
        assert_err!(dec(&alg, &bad), KeyOpError::InvalidCiphertext(_));
        // The IV is mandatory and 16 bytes for both CBC modes.
        for alg in [format!("A{bits}CBC"), format!("A{bits}CBCPAD")] {
            let no_iv = encrypt(&key, &alg, &[0; 16], None, None, &rng());
            assert_eq!(no_iv.unwrap_err(), KeyOpError::MissingParameter("iv"));
            let short = decrypt(&key, &alg, &[0; 16], Some(&[0; 12]), None, None);
            assert_err!(
                short,
                KeyOpError::InvalidIvLength {
                    expected: 16,
                    actual: 12,
                    ..
                }
            );
        }
    }
}

/// A*KW / CKM_AES_KEY_WRAP (RFC 3394) and CKM_AES_KEY_WRAP_PAD (RFC 5649) on every size,
/// byte-identical to RustCrypto both ways; length limits; integrity failures.
#[test]
fn aes_kw_and_kwp_both_directions_all_sizes() {
    for bits in AES_SIZES {
        let key = oct_key(bits);
        let k = raw_k(&key);
        // The size-specific name and the PKCS#11 name are the same RFC 3394 wrap.
        for alg in [format!("A{bits}KW"), "CKM_AES_KEY_WRAP".to_owned()] {
            // KW is deterministic (fixed IV), so the wrapped bytes must equal RustCrypto's.
            for len in [16usize, 24, 32, 64] {
                let cek = rand(len);
                let wrapped = wrap_key(&key, &alg, &cek).unwrap();
                assert_eq!(wrapped.len(), len + 8);
                assert_eq!(wrapped, rc_kw(&k, &cek, true, false), "{alg}");
                assert_eq!(rc_kw(&k, &wrapped, false, false), cek);
                assert_eq!(unwrap(&key, &alg, &wrapped), cek);
            }
            // RFC 3394 needs whole semiblocks and at least two of them.
            let r = wrap_key(&key, &alg, &rand(12));
            assert_err!(r, KeyOpError::InvalidPlaintextLength { .. });
            let r = wrap_key(&key, &alg, &rand(8));
            assert_err!(r, KeyOpError::InvalidPlaintextLength { .. });
            // A flipped bit breaks the A6A6… integrity check; a short blob is a length error.
            let bad = flip(wrap_key(&key, &alg, &rand(32)).unwrap(), 0);
            assert_eq!(
                unwrap_key(&key, &alg, &bad).unwrap_err(),
                KeyOpError::AuthenticationFailed
            );
            let r = unwrap_key(&key, &alg, &bad[..20]);
            assert_err!(r, KeyOpError::InvalidCiphertext(_));
        }
        // KWP: any non-empty length, padded to a multiple of 8 plus the 8-byte AIV block.
        let alg = "CKM_AES_KEY_WRAP_PAD";
        // 1..=8 bytes take RFC 5649's single-block path; longer inputs the full wrap.
        for len in [1usize, 7, 8, 9, 20, 32, 33] {
            let cek = rand(len);
            let wrapped = wrap_key(&key, alg, &cek).unwrap();
            assert_eq!(wrapped.len(), len.div_ceil(8) * 8 + 8);
            assert_eq!(wrapped, rc_kw(&k, &cek, true, true), "KWP {bits} {len}");
            assert_eq!(rc_kw(&k, &wrapped, false, true), cek);
            assert_eq!(unwrap(&key, alg, &wrapped), cek);
        }
        // RFC 5649 needs at least one octet.
        let r = wrap_key(&key, alg, &[]);
        assert_err!(r, KeyOpError::InvalidPlaintextLength { .. });
        // A flipped bit breaks the AIV / length / zero-padding checks.
        let bad = flip(wrap_key(&key, alg, &rand(20)).unwrap(), 9);
        assert_eq!(
            unwrap_key(&key, alg, &bad).unwrap_err(),
            KeyOpError::AuthenticationFailed
        );
        // Unwrapping with another key of the same size fails the integrity check.
        let wrapped = wrap_key(&key, "CKM_AES_KEY_WRAP", &rand(32)).unwrap();
        let other = unwrap_key(&oct_key(bits), "CKM_AES_KEY_WRAP", &wrapped);
        assert_eq!(other.unwrap_err(), KeyOpError::AuthenticationFailed);
    }
}

/// RFC 3394 §4.6 (256-bit KEK, 256-bit data), kept apart only because of its length.
const RFC3394_4_6: &str =
    "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21";

/// Published vectors: RFC 3394 §4.1–4.6 (all KEK × data sizes, including the AES-192 KEKs
/// that take the `aes-kw` path) and RFC 5649 §6 (192-bit KEK, KWP).
#[test]
fn aes_kw_rfc3394_and_rfc5649_vectors() {
    // The RFC's KEKs and key data are prefixes of these two strings.
    let kek = hex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
    let data = hex("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
    let vectors = [
        (16, 16, "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5"),
        (24, 16, "96778B25AE6CA435F92B5B97C050AED2468AB8A17AD84E5D"),
        (32, 16, "64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7"),
        (
            24,
            24,
            "031D33264E15D33268F24EC260743EDCE1C6C7DDEE725A936BA814915C6762D2",
        ),
        (
            32,
            24,
            "A8F9BC1612C68B3FF6E6F4FBE30E71E4769C8B80A32CB8958CD5D17D6B254DA1",
        ),
        (32, 32, RFC3394_4_6),
    ];
    // Both wrap and unwrap must reproduce the published bytes.
    for (klen, dlen, expected) in vectors {
        let key = KeyMaterial::from_oct_bytes(&kek[..klen]).unwrap();
        let alg = format!("A{}KW", klen * 8);
        assert_eq!(
            wrap_key(&key, &alg, &data[..dlen]).unwrap(),
            hex(expected),
            "{alg} {dlen}"
        );
        assert_eq!(unwrap(&key, &alg, &hex(expected)), &data[..dlen]);
    }
    // RFC 5649 §6: a 20-byte key (two-block path) and a 7-byte key (single-block path).
    let key = KeyMaterial::from_oct_bytes(&hex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8"));
    let key = key.unwrap();
    let vectors = [
        (
            "c37b7e6492584340bed12207808941155068f738",
            "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a",
        ),
        ("466f7250617369", "afbeb0f07dfbf5419200f2ccb50bb24f"),
    ];
    for (cek, expected) in vectors {
        assert_eq!(
            wrap_key(&key, "CKM_AES_KEY_WRAP_PAD", &hex(cek)).unwrap(),
            hex(expected)
        );
        assert_eq!(
            unwrap(&key, "CKM_AES_KEY_WRAP_PAD", &hex(expected)),
            hex(cek)
        );
    }
}

/// HS256/384/512 on every AES size equal RustCrypto's HMAC byte for byte; verify accepts
/// the reference MAC and rejects a tampered one.
#[test]
fn hmac_both_directions() {
    use hmac::{Hmac, Mac};
    /// RustCrypto HMAC for one hash (a macro: the generic bounds of `Hmac<D>` are unwieldy).
    macro_rules! rc_hmac {
        ($digest:ty, $k:expr, $value:expr) => {{
            let mac = <Hmac<$digest> as Mac>::new_from_slice($k).unwrap();
            mac.chain_update($value).finalize().into_bytes().to_vec()
        }};
    }
    for bits in AES_SIZES {
        let key = oct_key(bits);
        let k = raw_k(&key);
        for alg in ["HS256", "HS384", "HS512"] {
            // HS* MACs the value as given; an odd length shows that no digest length is imposed.
            let value = rand(45);
            // HMAC is deterministic, so the MACs must be byte-identical.
            let theirs = match alg {
                "HS256" => rc_hmac!(sha2::Sha256, &k, &value),
                "HS384" => rc_hmac!(sha2::Sha384, &k, &value),
                _ => rc_hmac!(sha2::Sha512, &k, &value),
            };
            assert_eq!(sign(&key, alg, &value).unwrap(), theirs, "{alg}");
            assert!(verify(&key, alg, &value, &theirs).unwrap());
            assert!(!verify(&key, alg, &value, &flip(theirs.clone(), 0)).unwrap());
            // The CLI path: a JWK carrying `k` can verify; a public (k-less) one cannot.
            assert!(verify_with_public(&key.private_jwk(), alg, &value, &theirs).unwrap());
            let public = verify_with_public(&key.public_jwk(), alg, &value, &theirs);
            assert_err!(public, KeyOpError::UnsupportedAlgorithm { .. });
        }
    }
}

/// oct keys: wrong-size AES names, RSA/EC names, SPKI and public-JWK encryption are refused;
/// sizes are enforced; JWK import (padded base64 accepted) and store round trips work; the
/// public JWK shows only `kty`; a bare BYOK blob is refused naming `key_hsm`.
#[test]
fn oct_negative_cases_and_round_trips() {
    let key = oct_key(128);
    // An AES size that differs from the key's is an algorithm error naming the key size.
    for alg in ["A256GCM", "A192CBC", "A256CBCPAD"] {
        // The A128/A192/A256 prefix must equal the key size (docs §7.1, inferred).
        let err = encrypt(&key, alg, &[0; 16], Some(&[0; 16]), None, &rng()).unwrap_err();
        assert!(
            matches!(err, KeyOpError::UnsupportedAlgorithm { .. }),
            "{alg}"
        );
        assert!(err.to_string().contains("128 bits"), "{err}");
    }
    let r = wrap_key(&key, "A256KW", &[0; 16]);
    assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
    // RSA and EC algorithms on an oct key.
    for alg in RSA_ENC {
        let r = encrypt(&key, alg, b"x", None, None, &rng());
        assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
        let r = wrap_key(&key, alg, &[0; 16]);
        assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
        let r = unwrap_key(&key, alg, &[0; 24]);
        assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
    }
    for alg in ["RS256", "PS256", "ES256"] {
        let r = sign(&key, alg, &[0; 32]);
        assert_err!(r, KeyOpError::UnsupportedAlgorithm { .. });
    }
    // No public key to download, no public-only encryption.
    let r = key.public_key_spki_der();
    assert_err!(r, KeyOpError::UnsupportedOperation { .. });
    // No public key to download and no public-only encryption for a symmetric key.
    let local = encrypt_with_public(&key.public_jwk(), "RSA-OAEP", b"x", &rng());
    assert_err!(local, KeyOpError::UnsupportedAlgorithm { .. });
    // Sizes: only 128/192/256.
    assert_err!(
        KeyMaterial::generate_oct(512),
        KeyOpError::InvalidKeySize {
            kty: "oct",
            bits: 512
        }
    );
    // 20 bytes is not an AES key size; a missing `k` is named.
    let mut jwk = JsonWebKey::with_kty("oct-HSM");
    jwk.k = Some(vec![7; 20]);
    let r = KeyMaterial::from_jwk(&jwk);
    assert_err!(r, KeyOpError::InvalidKeySize { bits: 160, .. });
    jwk.k = None;
    assert!(import_err(&jwk).contains("'k'"));
    for bits in AES_SIZES {
        // Round trip of an imported AES key of every size.
        let k = rand(bits as usize / 8);
        jwk.k = Some(k.clone());
        // Re-encode `k` with `=` padding to prove lenient decoding on import.
        let mut json = serde_json::to_value(&jwk).unwrap();
        json["k"] = format!("{}==", json["k"].as_str().unwrap()).into();
        let key = KeyMaterial::from_jwk(&serde_json::from_value(json).unwrap()).unwrap();
        assert_eq!((key.size_bits(), key.kind()), (bits, KeyKind::Oct));
        // An oct key's public JWK is nothing but its kty.
        let public = serde_json::to_string(&key.public_jwk()).unwrap();
        assert_eq!(public, r#"{"kty":"oct-HSM"}"#);
        // Export and the store round trip keep `k` byte-identical.
        assert_eq!(key.private_jwk().k, Some(k.clone()));
        let stored = KeyMaterial::from_bytes(&key.to_bytes()).unwrap();
        assert_eq!(stored.private_jwk().k, Some(k));
    }
    // BYOK: a `key_hsm` blob without clear material must be unwrapped by the caller first.
    let mut byok = JsonWebKey::with_kty("oct-HSM");
    byok.t = Some(vec![1, 2, 3]);
    assert!(import_err(&byok).contains("'key_hsm'"));
}

// ----- cross-cutting ---------------------------------------------------------------------------

/// Drives the support matrix itself: every algorithm listed for a key must round-trip, so a
/// name listed but not implemented (or the reverse) fails here. Also pins the list sizes.
#[test]
fn every_supported_algorithm_round_trips() {
    let mut keys: Vec<KeyMaterial> = vec![rsa_keys()[0].clone()];
    // One key of every shape: RSA-2048, the four curves, the three AES sizes.
    keys.extend(Curve::ALL.map(|c| KeyMaterial::generate_ec(c).unwrap()));
    keys.extend(AES_SIZES.map(oct_key));
    for key in &keys {
        let s = key.supported_algorithms();
        for alg in &s.sign {
            // The digest length follows the number in the name (ES256K included).
            let len = if alg.ends_with("384") {
                48
            } else if alg.ends_with("512") {
                64
            } else {
                32
            };
            let digest = rand(len);
            let sig = sign(key, alg, &digest).unwrap();
            assert!(verify(key, alg, &digest, &sig).unwrap(), "{alg}");
        }
        for alg in &s.encrypt {
            // CBC modes need a caller IV; GCM generates its own.
            let iv = rand(16);
            // CBC modes need a caller IV; GCM generates its own.
            let iv = Some(&iv[..]).filter(|_| !alg.ends_with("GCM"));
            let out = encrypt(key, alg, &[5; 32], iv, None, &rng()).unwrap();
            // Whatever encrypt returned is exactly what decrypt needs.
            let (iv, aad, tag) = (out.iv.as_deref(), out.aad.as_deref(), out.tag.as_deref());
            assert_eq!(
                &*decrypt(key, alg, &out.ciphertext, iv, aad, tag).unwrap(),
                &[5; 32],
                "{alg}"
            );
        }
        for alg in &s.wrap {
            let wrapped = wrap_key(key, alg, &[9; 32]).unwrap();
            assert_eq!(unwrap(key, alg, &wrapped), [9; 32], "{alg}");
        }
        // List sizes per kind (encrypt, wrap, sign): RSA 3/3/6, EC 0/0/1, oct 3/3/3.
        let counts = (s.encrypt.len(), s.wrap.len(), s.sign.len());
        let expected = match key.kind() {
            KeyKind::Rsa => (3, 3, 6),
            KeyKind::Ec => (0, 0, 1),
            KeyKind::Oct => (3, 3, 3),
        };
        assert_eq!(counts, expected);
    }
}

/// `Debug` shows kind and size but no key bytes; `from_bytes` refuses anything that is not a
/// well-formed store blob; a malformed JWK member is named in the serde error.
#[test]
fn debug_never_shows_material_and_store_bytes_reject_garbage() {
    let key = oct_key(256);
    let k = raw_k(&key);
    let dbg = format!("{key:?}");
    assert!(
        dbg.contains("<redacted>") && dbg.contains("oct-HSM"),
        "{dbg}"
    );
    // Neither hex nor the byte-list rendering of the key may appear.
    let hex_k: String = k.iter().map(|b| format!("{b:02x}")).collect();
    assert!(!dbg.contains(&hex_k) && !dbg.contains(&format!("{k:?}")));
    // RSA keys show only kind and size as well.
    let rsa_dbg = format!("{:?}", rsa_keys()[0]);
    assert!(
        !rsa_dbg.contains("pkcs8") && rsa_dbg.contains("2048"),
        "{rsa_dbg}"
    );
    // Empty, short, wrong magic, wrong version, unknown tag, bad AES size, bad curve tag,
    // and truncated DER: all `CorruptKeyMaterial`.
    let good = rsa_keys()[0].to_bytes();
    for bad in [
        &b""[..],
        // Header only: no kind tag.
        b"MK",
        // Wrong magic, then wrong format version, then an unknown kind tag.
        b"XX\x01O0123456789abcdef",
        b"MK\x02O0123456789abcdef",
        b"MK\x01Z0123456789abcdef",
        // A 4-byte AES key, then an unknown curve tag, then DER cut in half.
        b"MK\x01O0123",
        b"MK\x01E\x09",
        &good[..good.len() / 2],
    ] {
        assert_eq!(
            KeyMaterial::from_bytes(bad).unwrap_err(),
            KeyOpError::CorruptKeyMaterial
        );
    }
    // A JWK whose base64url is malformed names the member in the serde error.
    let err = serde_json::from_str::<JsonWebKey>(r#"{"kty":"RSA","n":"%%%"}"#).unwrap_err();
    assert!(err.to_string().contains("'n'"), "{err}");
}

/// PKCS#8 import refuses key types Managed HSM does not have and input that is not PKCS#8.
#[test]
fn pkcs8_import_rejects_other_algorithms_and_garbage() {
    // An Ed25519 PKCS#8 is well-formed but not an RSA or EC key.
    let ed = aws_lc_rs::signature::Ed25519KeyPair::generate_pkcs8(&rng()).unwrap();
    let r = KeyMaterial::from_pkcs8_der(ed.as_ref());
    assert_err!(r, KeyOpError::InvalidKeyType(_));
    assert_err!(
        KeyMaterial::from_pkcs8_der(b"not DER"),
        KeyOpError::InvalidParameter(_)
    );
    // An RSA PKCS#8 with a 1024-bit modulus parses but is refused on size.
    let small = RsaPrivateKey::new(&mut OsRng, 1024).unwrap();
    let der = rsa::pkcs8::EncodePrivateKey::to_pkcs8_der(&small).unwrap();
    let r = KeyMaterial::from_pkcs8_der(der.as_bytes());
    assert_err!(
        r,
        KeyOpError::InvalidKeySize {
            kty: "RSA",
            bits: 1024
        }
    );
}

/// kty spellings (soft and -HSM), curve names (and their serde form), oct default key_ops.
#[test]
fn kty_and_curve_names() {
    let ktys = [
        ("RSA", KeyKind::Rsa),
        ("RSA-HSM", KeyKind::Rsa),
        ("EC", KeyKind::Ec),
        ("EC-HSM", KeyKind::Ec),
        ("oct", KeyKind::Oct),
        ("oct-HSM", KeyKind::Oct),
    ];
    for (kty, kind) in ktys {
        assert_eq!(KeyKind::from_kty(kty).unwrap(), kind);
    }
    // The wire values are case-sensitive.
    assert!(KeyKind::from_kty("OCT").is_err());
    // JWK names round-trip, and serde uses the same names.
    for c in Curve::ALL {
        assert_eq!(Curve::from_jwk_name(c.jwk_name()).unwrap(), c);
        assert_eq!(serde_json::to_value(c).unwrap(), c.jwk_name());
    }
    assert_eq!(
        default_key_ops(KeyKind::Oct),
        ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
    );
}

/// `random_bytes` returns exactly `count` bytes, and two draws differ.
#[test]
fn random_bytes_lengths() {
    assert!(random_bytes(0, &rng()).unwrap().is_empty());
    // 128 is the service's maximum `count`; two draws of that size never collide.
    let (a, b) = (
        random_bytes(128, &rng()).unwrap(),
        random_bytes(128, &rng()).unwrap(),
    );
    assert_eq!(a.len(), 128);
    assert_ne!(a, b);
}
