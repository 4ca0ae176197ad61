//! Key cryptography for Managed HSM keys: key material (generate/import/export/store) and every
//! data-plane operation (sign, verify, encrypt, decrypt, wrapKey, unwrapKey, rng).
//!
//! Pure: no I/O, no clock, no environment, no printing. Randomness comes only from aws-lc-rs
//! (`SystemRandom`, or the `&dyn SecureRandom` the caller passes). Algorithm names are the
//! Key Vault REST spellings; the support matrix is docs/rest-api.md §7.1.
//!
//! Layout: `error` (the one error enum), `alg` (algorithm parsing and support matrix),
//! `material` (`KeyMaterial`, `KeyKind`, `Curve`), `ops` (the operations). Cross-checks against
//! independent RustCrypto implementations live in `tests`.

mod alg;
mod error;
mod material;
mod ops;
#[cfg(test)]
mod tests;

pub use alg::{SupportedAlgorithms, default_key_ops, supported_algorithms};
pub use error::{KeyOpError, Result};
pub use material::{AES_SIZES, Curve, KeyKind, KeyMaterial, RSA_SIZES};
pub use ops::{
    EncryptOutput, decrypt, encrypt, encrypt_with_public, public_spki_der_from_jwk, random_bytes,
    sign, unwrap_key, verify, verify_with_public, wrap_key,
};
