//! Secure wrap and unwrap of a key (api-version 2026-04-01; the operations exist from
//! 2026-01-01-preview): `POST /keys/{name}/{version}/securewrapkey|secureunwrapkey`.

use reqwest::Method;

use super::keys::KeyRef;
use super::{Client, Plane, Request, Result};
use crate::wire::secure_keys::{
    SECURE_KEYS_API_VERSION, SecureKeyOperationResult, SecureKeyUnwrapParameters,
    SecureKeyWrapParameters,
};

impl Client {
    /// `POST …/securewrapkey`: the HSM generates an AES-256 key and returns it wrapped.
    pub async fn secure_wrap_key(
        &self,
        k: &KeyRef,
        p: &SecureKeyWrapParameters,
    ) -> Result<SecureKeyOperationResult> {
        let url = k
            .hsm
            .url(&k.path("/securewrapkey"), SECURE_KEYS_API_VERSION)?;
        self.hsm_send(&k.hsm, Request::new(Method::POST, url, Plane::Hsm).json(p))
            .await?
            .json()
    }

    /// `POST …/secureunwrapkey`: the unwrapped key, released into the TEE attested by
    /// `target` (the response carries key material).
    pub async fn secure_unwrap_key(
        &self,
        k: &KeyRef,
        p: &SecureKeyUnwrapParameters,
    ) -> Result<SecureKeyOperationResult> {
        let url = k
            .hsm
            .url(&k.path("/secureunwrapkey"), SECURE_KEYS_API_VERSION)?;
        self.hsm_send(&k.hsm, Request::new(Method::POST, url, Plane::Hsm).json(p))
            .await?
            .json()
    }
}
