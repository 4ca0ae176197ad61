//! Secure wrap and unwrap of a key (`keys.json` 2026-04-01: `securewrapkey`,
//! `secureunwrapkey`; first in 2026-01-01-preview): request and result bodies, shared by the
//! client and the emulator.

use serde::{Deserialize, Serialize};

/// The api-version the client sends for the secure operations (the newest stable one).
pub const SECURE_KEYS_API_VERSION: &str = "2026-04-01";

/// The api-versions that have the secure operations.
pub const SECURE_KEYS_API_VERSIONS: [&str; 3] =
    ["2026-01-01-preview", "2026-04-01", "2026-07-01-preview"];

/// The spec's `JsonWebKeyWrapAlgorithm` (the SDKs' `KeySecureWrapAlgorithm`).
pub const SECURE_WRAP_ALGORITHMS: [&str; 9] = [
    "RSA-OAEP-256",
    "A128KW",
    "A192KW",
    "A256KW",
    "A128KWPAD",
    "A192KWPAD",
    "A256KWPAD",
    "CKM_AES_KEY_WRAP",
    "CKM_AES_KEY_WRAP_PAD",
];

/// `SecureKeyWrapOperationParameters`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SecureKeyWrapParameters {
    pub alg: String,
}

/// `SecureKeyUnWrapOperationParameters`: `target` is the MAA attestation token of the TEE.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SecureKeyUnwrapParameters {
    pub alg: String,
    /// base64url of the wrapped key.
    pub value: String,
    pub target: String,
}

/// `SecureKeyOperationResult`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SecureKeyOperationResult {
    pub kid: String,
    pub alg: String,
    /// base64url: the wrapped key (wrap) or the key (unwrap).
    pub value: String,
}
