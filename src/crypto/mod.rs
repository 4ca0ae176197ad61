//! Pure cryptography of mhsm: no file or network I/O, no printing, no clock, no environment;
//! nothing from the rest of the crate.
//!
//! Security-domain part (see `shared/docs/security-domain.md`):
//! * [`b64`], [`pem`], [`pyjson`] — encodings (§2) and az/Python-style JSON (§2, §8, §9);
//! * [`shamir`] — GF(257) byte-wise secret sharing (§4);
//! * [`kdf`] — SP 800-108 counter-mode HMAC-SHA512 (§5);
//! * [`jwe`] — compact JWE A256CBC-HS512 with `dir` / RSA key transport (§6);
//! * [`cert`], [`privkey`] — certificates, RSA public/private keys (§7);
//! * [`sd`] — the security-domain file, HSM-side creation, client-side recovery, restore
//!   blobs, and the offline quorum drill (§3, §7.3, §8, §10);
//! * [`sd_error`] — the shared error type [`CryptoError`].
//!
//! Key part (rest-api.md §6, §7):
//! * [`jwk`] — the JSON Web Key wire model;
//! * [`byok`] — BYOK key transfer blobs (`CKM_RSA_AES_KEY_WRAP`, the `.byok` file);
//! * [`keyops`] — key material (RSA, EC, AES), generation, import, and every Managed HSM
//!   cryptographic operation.
//!
//! File part (`mhsm key sign/verify/encrypt/decrypt --file`):
//! * [`file_sig`] — the digest each signature algorithm needs, and ECDSA raw ↔ DER signatures;
//! * [`file_jwe`] — envelope encryption of files: compact JWE with streaming AES-256-GCM.
//!
//! Release and attestation part (service-facts.md §5):
//! * [`release`] — release-policy grammar and evaluation, the `RSA_AES` key wraps, compact JWS;
//! * [`key_attestation`] — emulated key-attestation statements and their verification.
//!
//! Storage part:
//! * [`sas`] — Azure Storage SAS tokens and Shared Key signatures (the backup target's auth).

pub mod b64;
pub mod byok;
pub mod cert;
pub mod file_jwe;
pub mod file_sig;
pub mod jwe;
pub mod jwk;
pub mod kdf;
pub mod key_attestation;
pub mod keyops;
pub mod pem;
pub mod privkey;
pub mod pyjson;
pub mod release;
pub mod sas;
pub mod sd;
pub mod sd_error;
pub mod shamir;

#[cfg(test)]
mod sd_testutil;

pub use sd_error::CryptoError;

#[cfg(test)]
mod sd_tests;
