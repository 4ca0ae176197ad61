//! The error type shared by the security-domain crypto files (`b64`, `pem`, `pyjson`, `shamir`,
//! `kdf`, `jwe`, `cert`, `privkey`, `sd`).
//!
//! Design rules (see the brief and security-domain.md §11 "be stricter than az where az's
//! leniency is a bug"):
//! * every message tells the user what is wrong and, where possible, what to do about it;
//! * messages that az prints verbatim (`Invalid SD file.`, `Insufficient shares available.`,
//!   `Only RSA >= 2048 is supported.`, …) start with exactly az's text so that scripts that grep
//!   for them keep working; our extra explanation follows after it;
//! * no variant ever carries secret material (keys, shares, CEKs, passwords, plaintexts): only
//!   indices, thumbprints, tags, algorithm names and sizes. The derived `Debug` is therefore safe.

use thiserror::Error;

/// Result alias used throughout the security-domain crypto files.
pub type Result<T, E = CryptoError> = std::result::Result<T, E>;

/// Every failure the pure security-domain crypto can report.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CryptoError {
    // ----- encodings -------------------------------------------------------------------------
    /// Base64 / base64url text that cannot be decoded even with az's leniency (§2).
    #[error("invalid base64 in {what}: {detail}")]
    Base64 { what: &'static str, detail: String },

    /// PEM text without the expected `-----BEGIN …-----` / `-----END …-----` armour.
    #[error("invalid PEM: {0}")]
    Pem(String),

    // ----- JWE (§6) --------------------------------------------------------------------------
    /// Structurally broken compact JWE (segment count, JSON header, IV/tag sizes, padding).
    #[error("malformed JWE: {0}")]
    MalformedJwe(String),

    /// The A256CBC-HS512 tag did not verify: wrong key, or the token was modified.
    #[error(
        "JWE authentication failed (tag mismatch): the data was encrypted with a different key \
         or has been modified"
    )]
    AuthenticationFailed,

    /// `alg` or `enc` outside what the security domain uses.
    #[error("unsupported JWE {field} \"{value}\" (supported: {supported})")]
    UnsupportedJweAlgorithm {
        field: &'static str,
        value: String,
        supported: &'static str,
    },

    /// The RSA private-key operation failed: the key is not the one the data was wrapped to.
    #[error("RSA decryption failed: {0}")]
    RsaDecryptionFailed(String),

    // ----- Shamir (§4) -----------------------------------------------------------------------
    /// Shares that cannot be combined (duplicates, mismatched lengths, bad words…).
    #[error("invalid Shamir shares: {0}")]
    InvalidShares(String),

    /// Bad arguments to the split side (quorum/share counts, coefficients).
    #[error("invalid Shamir split parameters: {0}")]
    InvalidSplit(String),

    // ----- keys and certificates (§7) ----------------------------------------------------------
    /// The PEM private key is encrypted and no password was supplied.
    #[error("the key is encrypted: a password is needed")]
    PasswordRequired,

    /// Decryption of an encrypted private key failed.
    #[error("wrong password or corrupted key")]
    WrongPassword,

    /// Encryption scheme of a private key that we cannot decrypt (e.g. PBES1, unknown DEK-Info).
    #[error("unsupported private-key encryption: {0}")]
    UnsupportedKeyEncryption(String),

    /// A key (or certificate key) of another algorithm family.
    #[error("not an RSA key: {0}")]
    NotRsaKey(String),

    /// Input that contains no PEM private-key block at all.
    #[error("not a PEM private key: {0}")]
    NotPemPrivateKey(String),

    /// A private key whose DER content is unusable.
    #[error("invalid RSA key: {0}")]
    InvalidKey(String),

    /// az's certificate check (§7.1): the key must be RSA with a modulus ≥ 2048 bits.
    #[error("Only RSA >= 2048 is supported. {0}")]
    UnsupportedCertificateKey(String),

    /// Certificate bytes that are not a parseable X.509 certificate.
    #[error("invalid certificate: {0}")]
    InvalidCertificate(String),

    // ----- security-domain file and procedures (§3, §7.3, §8) ---------------------------------
    /// The SD file failed validation; the message starts with az's own text
    /// (`Invalid SD file.` / `Invalid SD file: the value of "required" …`).
    #[error("{0}")]
    InvalidSdFile(String),

    /// `key_algorithm` other than `shamir_share` (az's exact message).
    #[error("Unsupported SharedKeys algorithm: {0}. Supported: shamir_share")]
    UnsupportedSharedKeysAlgorithm(String),

    /// Fewer key files than the quorum (az's exact message, runs N1/N5).
    #[error(
        "Length of --sd-wrapping-keys list should not less than {required} for decrypting this \
         SD file. ({given} given)"
    )]
    TooFewWrappingKeys { given: usize, required: u8 },

    /// The quorum could not be reached (az: `Insufficient shares available.`); the detail says
    /// how many shares were found, which keys matched nothing and why shares were skipped.
    #[error("Insufficient shares available. {0}")]
    InsufficientShares(String),

    /// The same wrapping key was given twice (az crashes here: run N4).
    #[error(
        "wrapping key #{second} is the same key as wrapping key #{first}: each key opens only its \
         own share, so give {required} different keys"
    )]
    DuplicateKey {
        first: usize,
        second: usize,
        required: u8,
    },

    /// Two shares with the same x coordinate (az silently produces garbage, §4).
    #[error("{0}")]
    DuplicateShare(String),

    /// A share's JWE could be unwrapped only by failing RSA with the key whose certificate
    /// thumbprint designates it: the key file does not belong to the certificate.
    #[error(
        "wrapping key #{key} cannot decrypt share #{share} although its certificate thumbprint \
         ({x5t_256}) designates that share: {reason}. Check that the key and its certificate \
         belong together"
    )]
    ShareKeyMismatch {
        key: usize,
        share: usize,
        x5t_256: String,
        reason: String,
    },

    /// A datum did not decrypt with the recovered master key (az crashes here).
    #[error("security-domain datum \"{tag}\" cannot be decrypted: {reason}")]
    DatumDecryptionFailed { tag: String, reason: String },

    /// A restore blob that cannot be used (structure, wrong exchange key, tampering).
    #[error("invalid restore blob: {0}")]
    InvalidRestoreBlob(String),

    // ----- misc --------------------------------------------------------------------------------
    /// The system random generator failed.
    #[error("the random number generator failed")]
    Rng,

    /// An operation of the crypto library failed unexpectedly.
    #[error("cryptographic operation failed: {0}")]
    Internal(String),
}

impl From<aws_lc_rs::error::Unspecified> for CryptoError {
    fn from(_: aws_lc_rs::error::Unspecified) -> Self {
        CryptoError::Internal("aws-lc reported an unspecified error".into())
    }
}

/// Fills `buf` from the caller's random generator, mapping failure to [`CryptoError::Rng`].
pub(crate) fn fill_random(rng: &dyn aws_lc_rs::rand::SecureRandom, buf: &mut [u8]) -> Result<()> {
    rng.fill(buf).map_err(|_| CryptoError::Rng)
}
