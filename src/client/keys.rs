//! Key operations of a Managed HSM (api-version 7.6-preview.2, as az): CRUD, versions, soft
//! delete, backup/restore, rotation, cryptographic operations and random bytes.

use reqwest::Method;
use url::Url;

use super::hsm::HsmEndpoint;
use super::{Client, ClientError, Plane, Request, Result};
use crate::wire::keys::{
    KEYS_API_VERSION, KeyBundle, KeyCreateParameters, KeyImportParameters, KeyItem, KeyListResult,
    KeyOperationResult, KeyOperationsParameters, KeyRotationPolicy, KeySignParameters,
    KeyUpdateParameters, KeyVerifyParameters, KeyVerifyResult, RandomBytesRequest, ValueBlob,
};

/// A key (and optionally one version) of an HSM.
#[derive(Debug, Clone)]
pub struct KeyRef {
    pub hsm: HsmEndpoint,
    pub name: String,
    pub version: Option<String>,
}

impl KeyRef {
    /// `/keys/{name}/{version}{suffix}`; without a version, `/keys/{name}/` for the key itself
    /// (az's trailing slash) and `/keys/{name}{suffix}` for an operation on the latest version.
    pub(super) fn path(&self, suffix: &str) -> String {
        match (&self.version, suffix) {
            (Some(v), s) => format!("/keys/{}/{v}{s}", self.name),
            (None, "") => format!("/keys/{}/", self.name),
            (None, s) => format!("/keys/{}{s}", self.name),
        }
    }
}

/// Which cryptographic operation.
#[derive(Debug, Clone, Copy)]
pub enum CryptoOp {
    Encrypt,
    Decrypt,
    WrapKey,
    UnwrapKey,
}

impl CryptoOp {
    fn path(self) -> &'static str {
        match self {
            CryptoOp::Encrypt => "encrypt",
            CryptoOp::Decrypt => "decrypt",
            CryptoOp::WrapKey => "wrapkey",
            CryptoOp::UnwrapKey => "unwrapkey",
        }
    }
}

impl Client {
    fn key_url(&self, hsm: &HsmEndpoint, path: &str) -> Result<Url> {
        hsm.url(path, KEYS_API_VERSION)
    }

    async fn key_call<T: serde::de::DeserializeOwned>(
        &self,
        hsm: &HsmEndpoint,
        req: Request,
    ) -> Result<T> {
        self.hsm_send(hsm, req).await?.json()
    }

    /// `POST /keys/{name}/create`.
    pub async fn create_key(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
        p: &KeyCreateParameters,
    ) -> Result<KeyBundle> {
        let url = self.key_url(hsm, &format!("/keys/{name}/create"))?;
        self.key_call(hsm, Request::new(Method::POST, url, Plane::Hsm).json(p))
            .await
    }

    /// `PUT /keys/{name}` (import; the body carries private key material).
    pub async fn import_key(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
        p: &KeyImportParameters,
    ) -> Result<KeyBundle> {
        let url = self.key_url(hsm, &format!("/keys/{name}"))?;
        self.key_call(hsm, Request::new(Method::PUT, url, Plane::Hsm).json(p))
            .await
    }

    /// `GET /keys/{name}/{version}`.
    pub async fn get_key(&self, k: &KeyRef) -> Result<KeyBundle> {
        let url = self.key_url(&k.hsm, &k.path(""))?;
        self.key_call(&k.hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await
    }

    /// `PATCH /keys/{name}/{version}`.
    pub async fn update_key(&self, k: &KeyRef, p: &KeyUpdateParameters) -> Result<KeyBundle> {
        let url = self.key_url(&k.hsm, &k.path(""))?;
        self.key_call(&k.hsm, Request::new(Method::PATCH, url, Plane::Hsm).json(p))
            .await
    }

    /// Every page of a key list (`maxresults` is the page size).
    async fn list_pages(
        &self,
        hsm: &HsmEndpoint,
        path: &str,
        maxresults: Option<u32>,
    ) -> Result<Vec<KeyItem>> {
        let mut url = self.key_url(hsm, path)?;
        if let Some(m) = maxresults {
            url.query_pairs_mut()
                .append_pair("maxresults", &m.to_string());
        }
        let mut out = Vec::new();
        let mut next = Some(url);
        while let Some(u) = next {
            let page: KeyListResult = self
                .key_call(hsm, Request::new(Method::GET, u, Plane::Hsm))
                .await?;
            out.extend(page.value);
            next = match page.next_link {
                Some(l) => Some(Url::parse(&l).map_err(|e| ClientError::Decode {
                    url: l.clone(),
                    detail: e.to_string(),
                })?),
                None => None,
            };
        }
        Ok(out)
    }

    /// `GET /keys` (all pages).
    pub async fn list_keys(
        &self,
        hsm: &HsmEndpoint,
        maxresults: Option<u32>,
    ) -> Result<Vec<KeyItem>> {
        self.list_pages(hsm, "/keys", maxresults).await
    }

    /// `GET /keys/{name}/versions` (all pages).
    pub async fn list_key_versions(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
        maxresults: Option<u32>,
    ) -> Result<Vec<KeyItem>> {
        self.list_pages(hsm, &format!("/keys/{name}/versions"), maxresults)
            .await
    }

    /// `GET /deletedkeys` (all pages).
    pub async fn list_deleted_keys(
        &self,
        hsm: &HsmEndpoint,
        maxresults: Option<u32>,
    ) -> Result<Vec<KeyItem>> {
        self.list_pages(hsm, "/deletedkeys", maxresults).await
    }

    /// `DELETE /keys/{name}`.
    pub async fn delete_key(&self, hsm: &HsmEndpoint, name: &str) -> Result<KeyBundle> {
        let url = self.key_url(hsm, &format!("/keys/{name}"))?;
        self.key_call(hsm, Request::new(Method::DELETE, url, Plane::Hsm))
            .await
    }

    /// `GET /deletedkeys/{name}`.
    pub async fn get_deleted_key(&self, hsm: &HsmEndpoint, name: &str) -> Result<KeyBundle> {
        let url = self.key_url(hsm, &format!("/deletedkeys/{name}"))?;
        self.key_call(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await
    }

    /// `POST /deletedkeys/{name}/recover`.
    pub async fn recover_key(&self, hsm: &HsmEndpoint, name: &str) -> Result<KeyBundle> {
        let url = self.key_url(hsm, &format!("/deletedkeys/{name}/recover"))?;
        self.key_call(hsm, Request::new(Method::POST, url, Plane::Hsm))
            .await
    }

    /// `DELETE /deletedkeys/{name}` (204).
    pub async fn purge_key(&self, hsm: &HsmEndpoint, name: &str) -> Result<()> {
        let url = self.key_url(hsm, &format!("/deletedkeys/{name}"))?;
        self.hsm_send(hsm, Request::new(Method::DELETE, url, Plane::Hsm))
            .await?;
        Ok(())
    }

    /// `POST /keys/{name}/backup` → the backup blob (base64url).
    pub async fn backup_key(&self, hsm: &HsmEndpoint, name: &str) -> Result<String> {
        let url = self.key_url(hsm, &format!("/keys/{name}/backup"))?;
        let v: ValueBlob = self
            .key_call(hsm, Request::new(Method::POST, url, Plane::Hsm))
            .await?;
        Ok(v.value)
    }

    /// `POST /keys/restore`.
    pub async fn restore_key(&self, hsm: &HsmEndpoint, blob_b64url: String) -> Result<KeyBundle> {
        let url = self.key_url(hsm, "/keys/restore")?;
        self.key_call(
            hsm,
            Request::new(Method::POST, url, Plane::Hsm).json(&ValueBlob { value: blob_b64url }),
        )
        .await
    }

    /// `POST /keys/{name}/rotate`.
    pub async fn rotate_key(&self, hsm: &HsmEndpoint, name: &str) -> Result<KeyBundle> {
        let url = self.key_url(hsm, &format!("/keys/{name}/rotate"))?;
        self.key_call(hsm, Request::new(Method::POST, url, Plane::Hsm))
            .await
    }

    /// `GET /keys/{name}/rotationpolicy`.
    pub async fn get_rotation_policy(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
    ) -> Result<KeyRotationPolicy> {
        let url = self.key_url(hsm, &format!("/keys/{name}/rotationpolicy"))?;
        self.key_call(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await
    }

    /// `PUT /keys/{name}/rotationpolicy`.
    pub async fn set_rotation_policy(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
        p: &KeyRotationPolicy,
    ) -> Result<KeyRotationPolicy> {
        let url = self.key_url(hsm, &format!("/keys/{name}/rotationpolicy"))?;
        self.key_call(hsm, Request::new(Method::PUT, url, Plane::Hsm).json(p))
            .await
    }

    /// encrypt / decrypt / wrapkey / unwrapkey.
    pub async fn key_crypt(
        &self,
        k: &KeyRef,
        op: CryptoOp,
        p: &KeyOperationsParameters,
    ) -> Result<KeyOperationResult> {
        let url = self.key_url(&k.hsm, &k.path(&format!("/{}", op.path())))?;
        // `--debug` hides `value` (plaintext, ciphertext, keys) by its kind, as for every body.
        let req = Request::new(Method::POST, url, Plane::Hsm).json(p);
        self.key_call(&k.hsm, req).await
    }

    /// `POST …/sign` (value = digest).
    pub async fn sign(&self, k: &KeyRef, p: &KeySignParameters) -> Result<KeyOperationResult> {
        let url = self.key_url(&k.hsm, &k.path("/sign"))?;
        self.key_call(&k.hsm, Request::new(Method::POST, url, Plane::Hsm).json(p))
            .await
    }

    /// `POST …/verify`.
    pub async fn verify(&self, k: &KeyRef, p: &KeyVerifyParameters) -> Result<bool> {
        let url = self.key_url(&k.hsm, &k.path("/verify"))?;
        let r: KeyVerifyResult = self
            .key_call(&k.hsm, Request::new(Method::POST, url, Plane::Hsm).json(p))
            .await?;
        Ok(r.value)
    }

    /// `POST …/release`: the key wrapped to the target's runtime key, in the HSM's JWS.
    pub async fn release_key(
        &self,
        k: &KeyRef,
        p: &crate::wire::keys::KeyReleaseParameters,
    ) -> Result<ValueBlob> {
        let url = self.key_url(&k.hsm, &k.path("/release"))?;
        self.key_call(&k.hsm, Request::new(Method::POST, url, Plane::Hsm).json(p))
            .await
    }

    /// `GET …/attestation`.
    pub async fn get_key_attestation(&self, k: &KeyRef) -> Result<KeyBundle> {
        let url = self.key_url(&k.hsm, &k.path("/attestation"))?;
        self.key_call(&k.hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await
    }

    /// `POST /rng`.
    pub async fn random_bytes(&self, hsm: &HsmEndpoint, count: u32) -> Result<String> {
        let url = self.key_url(hsm, "/rng")?;
        let v: ValueBlob = self
            .key_call(
                hsm,
                Request::new(Method::POST, url, Plane::Hsm).json(&RandomBytesRequest { count }),
            )
            .await?;
        Ok(v.value)
    }
}
