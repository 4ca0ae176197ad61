//! External key management of a Managed HSM (api-version `2026-01-01-preview`, as az's
//! `KeyVaultEkmClient`): `GET|PATCH|DELETE /ekm`, `POST /ekm/create`, `POST /ekm/check`,
//! `GET /ekm/certificate`.

use reqwest::Method;

use super::hsm::HsmEndpoint;
use super::{Client, Plane, Request, Result};
use crate::wire::ekm::{
    EKM_API_VERSION, EkmConnection, EkmProxyClientCertificateInfo, EkmProxyInfo,
};
use crate::wire::python_json;

impl Client {
    async fn ekm<T: serde::de::DeserializeOwned>(
        &self,
        hsm: &HsmEndpoint,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<T> {
        let url = hsm.url(path, EKM_API_VERSION)?;
        let mut req = Request::new(method, url, Plane::Hsm);
        if let Some(b) = body {
            req = req.raw_json(b);
        }
        self.hsm_send(hsm, req).await?.json()
    }

    /// `GET /ekm`.
    pub async fn get_ekm_connection(&self, hsm: &HsmEndpoint) -> Result<EkmConnection> {
        self.ekm(hsm, Method::GET, "/ekm", None).await
    }

    /// `POST /ekm/create` (the body as az's SDK writes it).
    pub async fn create_ekm_connection(
        &self,
        hsm: &HsmEndpoint,
        c: &EkmConnection,
    ) -> Result<EkmConnection> {
        self.ekm(hsm, Method::POST, "/ekm/create", Some(python_json(c)))
            .await
    }

    /// `PATCH /ekm` with the whole (merged) connection, as az sends it.
    pub async fn update_ekm_connection(
        &self,
        hsm: &HsmEndpoint,
        c: &EkmConnection,
    ) -> Result<EkmConnection> {
        self.ekm(hsm, Method::PATCH, "/ekm", Some(python_json(c)))
            .await
    }

    /// `DELETE /ekm`: answers the deleted connection.
    pub async fn delete_ekm_connection(&self, hsm: &HsmEndpoint) -> Result<EkmConnection> {
        self.ekm(hsm, Method::DELETE, "/ekm", None).await
    }

    /// `POST /ekm/check`: the proxy's `/info`, relayed by the HSM.
    pub async fn check_ekm_connection(&self, hsm: &HsmEndpoint) -> Result<EkmProxyInfo> {
        self.ekm(hsm, Method::POST, "/ekm/check", None).await
    }

    /// `GET /ekm/certificate`.
    pub async fn get_ekm_certificate(
        &self,
        hsm: &HsmEndpoint,
    ) -> Result<EkmProxyClientCertificateInfo> {
        self.ekm(hsm, Method::GET, "/ekm/certificate", None).await
    }
}
