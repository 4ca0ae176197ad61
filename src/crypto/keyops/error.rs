//! The single error type of the key-operations module (`KeyOpError`).
//!
//! Every variant corresponds to a client mistake the real service answers with HTTP 400
//! `BadParameter` (docs/rest-api.md §4), except `Internal`, which means the crypto library
//! failed on input that had already been validated (a 500 in the emulator). Messages never
//! include key material: at most algorithm names, member names and lengths.

use thiserror::Error;

/// Errors from key generation, import and cryptographic operations.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum KeyOpError {
    /// The algorithm name is unknown, or not valid for this key type / size / curve
    /// (e.g. `ES384` on a P-256 key, `A256GCM` on a 128-bit key, `RS256` on an oct key).
    #[error("Algorithm '{alg}' is not supported for {key}")]
    UnsupportedAlgorithm {
        /// The algorithm as the caller spelled it.
        alg: String,
        /// Description of the key, e.g. `key type RSA-HSM (2048 bits)`.
        key: String,
    },

    /// The operation itself is impossible for this key (e.g. encrypting with an EC key,
    /// or a SubjectPublicKeyInfo for a symmetric key).
    #[error("Operation '{op}' is not supported for {key}")]
    UnsupportedOperation {
        /// Operation name (`encrypt`, `wrapKey`, `sign`, `publicKey` …).
        op: &'static str,
        /// Description of the key.
        key: String,
    },

    /// `sign`/`verify` got a digest whose length does not match the algorithm's hash.
    #[error("Invalid digest length for algorithm '{alg}': expected {expected} bytes, got {actual}")]
    InvalidDigestLength {
        /// Algorithm name.
        alg: String,
        /// Hash output length in bytes (32, 48 or 64).
        expected: usize,
        /// Length that was supplied.
        actual: usize,
    },

    /// A required request parameter (`iv`, `tag`) is absent.
    #[error("Parameter '{0}' is required for this algorithm")]
    MissingParameter(&'static str),

    /// The IV has the wrong length (GCM: 12 bytes; CBC: 16 bytes).
    #[error("Invalid IV length for algorithm '{alg}': expected {expected} bytes, got {actual}")]
    InvalidIvLength {
        /// Algorithm name.
        alg: String,
        /// Expected length in bytes.
        expected: usize,
        /// Length that was supplied.
        actual: usize,
    },

    /// The GCM tag has the wrong length (only full 16-byte tags are accepted).
    #[error("Invalid authentication tag length: expected 16 bytes, got {0}")]
    InvalidTagLength(usize),

    /// Authenticated decryption or key unwrap failed its integrity check (bad GCM tag,
    /// wrong AAD/IV/key, RFC 3394/5649 integrity check value mismatch).
    #[error("Authentication failed: the ciphertext, tag, IV or additional data is invalid")]
    AuthenticationFailed,

    /// The ciphertext is malformed: wrong length for the key or mode, or bad padding.
    #[error("Invalid ciphertext: {0}")]
    InvalidCiphertext(&'static str),

    /// The plaintext (or key to wrap) has a length the algorithm cannot process.
    #[error("Invalid plaintext length for algorithm '{alg}': {reason}")]
    InvalidPlaintextLength {
        /// Algorithm name.
        alg: String,
        /// Human-readable constraint, e.g. `must be a multiple of 16 bytes`.
        reason: String,
    },

    /// Key size not allowed for the key type (RSA 2048/3072/4096, AES 128/192/256).
    #[error("Invalid key size {bits} for key type {kty}")]
    InvalidKeySize {
        /// Key type (`RSA`, `oct`).
        kty: &'static str,
        /// The size that was requested or found.
        bits: u32,
    },

    /// Unknown or unsupported curve name.
    #[error("Invalid or unsupported curve '{0}'")]
    InvalidCurve(String),

    /// The key type (`kty`) is unknown or missing.
    #[error("Invalid or unsupported key type '{0}'")]
    InvalidKeyType(String),

    /// A JWK member is missing or malformed. `member` is the JSON member name.
    #[error("Invalid JWK: member '{member}' {problem}")]
    InvalidJwk {
        /// JSON member name (`n`, `d`, `crv`, `k` …).
        member: &'static str,
        /// What is wrong, e.g. `is missing`.
        problem: String,
    },

    /// The JWK's components do not form a consistent key (e.g. the public part does not
    /// belong to the private part, `n != p*q`, point not on the curve).
    #[error("Invalid JWK: the key components are inconsistent ({0})")]
    InconsistentKey(&'static str),

    /// Some other request parameter is invalid (e.g. an unsupported public exponent).
    #[error("Invalid parameter: {0}")]
    InvalidParameter(String),

    /// `KeyMaterial::from_bytes` was given something that is not a serialised key.
    #[error("Stored key material is corrupt or has an unknown format")]
    CorruptKeyMaterial,

    /// The crypto library failed on already-validated input (key generation, RNG).
    #[error("Internal cryptographic failure: {0}")]
    Internal(&'static str),
}

impl KeyOpError {
    /// Shorthand for a missing JWK member.
    pub(crate) fn missing(member: &'static str) -> Self {
        KeyOpError::InvalidJwk {
            member,
            problem: "is missing".to_owned(),
        }
    }

    /// Shorthand for a malformed JWK member.
    pub(crate) fn bad_member(member: &'static str, problem: impl Into<String>) -> Self {
        KeyOpError::InvalidJwk {
            member,
            problem: problem.into(),
        }
    }
}

/// Result alias for this module.
pub type Result<T, E = KeyOpError> = std::result::Result<T, E>;
