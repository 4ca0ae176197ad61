//! Security-domain operations (api-version 7.5, as az): download, the transfer key, upload and
//! their status endpoints, with the request bodies byte-identical to az's.

use reqwest::Method;
use url::Url;

use super::hsm::HsmEndpoint;
use super::{Client, ClientError, Plane, Request, Result};
use crate::wire::security_domain::{
    DownloadResponse, SD_API_VERSION, SdStatus, TransferKeyResponse,
};

/// A started security-domain operation.
#[derive(Debug, Clone)]
pub struct SdPoller {
    /// The `Azure-AsyncOperation` URL, polled exactly as given (as az).
    pub url: Url,
    pub retry_after: Option<std::time::Duration>,
}

impl Client {
    fn sd_poller(&self, hsm: &HsmEndpoint, resp: &super::Response, op: &str) -> Result<SdPoller> {
        let url = match resp.header("azure-asyncoperation") {
            Some(u) => Url::parse(u).map_err(|e| ClientError::Decode {
                url: u.to_string(),
                detail: e.to_string(),
            })?,
            None => hsm.url(&format!("/securitydomain/{op}/pending"), SD_API_VERSION)?,
        };
        Ok(SdPoller {
            url,
            retry_after: super::retry_after(&resp.headers),
        })
    }

    /// `POST /securitydomain/download` with az's exact body; returns the SD file text.
    pub async fn sd_download(&self, hsm: &HsmEndpoint, body: String) -> Result<(String, SdPoller)> {
        let url = hsm.url("/securitydomain/download", SD_API_VERSION)?;
        let resp = self
            .hsm_send(
                hsm,
                Request::new(Method::POST, url, Plane::Hsm).raw_json(body),
            )
            .await?;
        let poller = self.sd_poller(hsm, &resp, "download")?;
        let v: DownloadResponse = resp.json()?;
        Ok((v.value, poller))
    }

    /// `GET /securitydomain/{download|upload}/pending`.
    pub async fn sd_pending(&self, hsm: &HsmEndpoint, upload: bool) -> Result<SdStatus> {
        let op = if upload { "upload" } else { "download" };
        let url = hsm.url(&format!("/securitydomain/{op}/pending"), SD_API_VERSION)?;
        self.hsm_send(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await?
            .json()
    }

    /// GET of a poller URL.
    pub async fn sd_poll(
        &self,
        hsm: &HsmEndpoint,
        p: &SdPoller,
    ) -> Result<(SdStatus, Option<std::time::Duration>)> {
        let resp = self
            .hsm_send(hsm, Request::new(Method::GET, p.url.clone(), Plane::Hsm))
            .await?;
        let after = super::retry_after(&resp.headers);
        Ok((resp.json()?, after))
    }

    /// `GET /securitydomain/upload`: the exchange (transfer) key.
    pub async fn sd_transfer_key(&self, hsm: &HsmEndpoint) -> Result<TransferKeyResponse> {
        let url = hsm.url("/securitydomain/upload", SD_API_VERSION)?;
        self.hsm_send(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await?
            .json()
    }

    /// `POST /securitydomain/upload` with the caller's body (`{"value": "<restore blob>"}`,
    /// serialised as az does).
    pub async fn sd_upload(&self, hsm: &HsmEndpoint, body: String) -> Result<(SdStatus, SdPoller)> {
        let url = hsm.url("/securitydomain/upload", SD_API_VERSION)?;
        let resp = self
            .hsm_send(
                hsm,
                Request::new(Method::POST, url, Plane::Hsm).raw_json(body),
            )
            .await?;
        let poller = self.sd_poller(hsm, &resp, "upload")?;
        let status = if resp.body.is_empty() {
            SdStatus {
                status: "InProgress".into(),
                status_details: None,
            }
        } else {
            resp.json()?
        };
        Ok((status, poller))
    }
}
