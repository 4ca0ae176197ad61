//! Management-plane operations (ARM `Microsoft.KeyVault/managedHSMs`, api-version 2026-02-01),
//! one method per REST call, and the ARM long-running-operation poller.

use reqwest::Method;
use std::time::{Duration, Instant};
use url::Url;

use super::{Client, ClientError, Plane, Request, Response, Result, with_api_version};
use crate::wire::arm::{
    CheckNameRequest, CheckNameResult, DeletedManagedHsm, ListResult, ManagedHsm, Region,
    ResourceGroup, Subscription,
};
use crate::wire::private_link::{PrivateEndpointConnection, PrivateLinkResource};
use crate::wire::{
    ARM_KEYVAULT_API_VERSION as KV_API, ARM_RESOURCES_API_VERSION, ARM_SUBSCRIPTIONS_API_VERSION,
};

/// A started ARM long-running operation.
#[derive(Debug, Clone)]
pub struct ArmPoller {
    /// Where to poll (`Location` or `Azure-AsyncOperation`), if the service returned 202.
    pub poll_url: Option<Url>,
    /// Initial `Retry-After`.
    pub retry_after: Option<Duration>,
    /// The resource to GET when done (PUT/PATCH).
    pub resource_url: Option<Url>,
    /// The initial response (a 200/201 already holds the result).
    pub initial: Response,
}

impl Client {
    fn arm(&self, path: &str, api: &str) -> Result<Url> {
        let base = self.cloud.arm_url.trim_end_matches('/');
        let u = Url::parse(&format!("{base}{path}"))
            .map_err(|e| ClientError::Config(format!("invalid ARM URL: {e}")))?;
        Ok(with_api_version(u, api))
    }

    async fn hsm_path(&self, rg: &str, name: &str) -> Result<String> {
        Ok(format!(
            "/subscriptions/{}/resourceGroups/{rg}/providers/Microsoft.KeyVault/managedHSMs/{name}",
            self.subscription().await?
        ))
    }

    /// `GET /subscriptions`.
    pub async fn list_subscriptions(&self) -> Result<Vec<Subscription>> {
        let url = self.arm("/subscriptions", ARM_SUBSCRIPTIONS_API_VERSION)?;
        self.list_all(url).await
    }

    /// `GET …/resourcegroups/{rg}`.
    pub async fn get_resource_group(&self, rg: &str) -> Result<ResourceGroup> {
        let url = self.arm(
            &format!(
                "/subscriptions/{}/resourcegroups/{rg}",
                self.subscription().await?
            ),
            ARM_RESOURCES_API_VERSION,
        )?;
        self.send(Request::new(Method::GET, url, Plane::Arm))
            .await?
            .json()
    }

    /// `GET …/managedHSMs/{name}`.
    pub async fn get_managed_hsm(&self, rg: &str, name: &str) -> Result<ManagedHsm> {
        let url = self.arm(&self.hsm_path(rg, name).await?, KV_API)?;
        self.send(Request::new(Method::GET, url, Plane::Arm))
            .await?
            .json()
    }

    /// `GET …/managedHSMs` in a resource group or the whole subscription (all pages).
    pub async fn list_managed_hsms(&self, rg: Option<&str>) -> Result<Vec<ManagedHsm>> {
        let sub = self.subscription().await?;
        let path = match rg {
            Some(rg) => format!(
                "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/managedHSMs"
            ),
            None => format!("/subscriptions/{sub}/providers/Microsoft.KeyVault/managedHSMs"),
        };
        self.list_all(self.arm(&path, KV_API)?).await
    }

    /// `GET …/managedHSMs/{name}/keys/{key}`: a key through ARM (served only while the HSM's
    /// setting `AllowKeyManagementOperationsThroughARM` is true); unlike the data plane it
    /// reports AES key sizes.
    pub async fn get_managed_hsm_key(
        &self,
        rg: &str,
        name: &str,
        key: &str,
    ) -> Result<crate::wire::arm_keys::ManagedHsmKey> {
        let url = self.arm(
            &format!("{}/keys/{key}", self.hsm_path(rg, name).await?),
            KV_API,
        )?;
        self.send(Request::new(Method::GET, url, Plane::Arm))
            .await?
            .json()
    }

    /// Follows `nextLink` to collect every page of an ARM list.
    pub async fn list_all<T: serde::de::DeserializeOwned>(&self, first: Url) -> Result<Vec<T>> {
        let mut out = Vec::new();
        let mut next = Some(first);
        while let Some(url) = next {
            let page: ListResult<T> = self
                .send(Request::new(Method::GET, url, Plane::Arm))
                .await?
                .json()?;
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

    /// `PUT …/managedHSMs/{name}` (create, full update, or recover).
    pub async fn begin_put_managed_hsm(
        &self,
        rg: &str,
        name: &str,
        body: &ManagedHsm,
    ) -> Result<ArmPoller> {
        let url = self.arm(&self.hsm_path(rg, name).await?, KV_API)?;
        let resp = self
            .send(Request::new(Method::PUT, url.clone(), Plane::Arm).json(body))
            .await?;
        Ok(poller(resp, Some(url)))
    }

    /// `PATCH …/managedHSMs/{name}` (az's `begin_update`: the whole resource as read, edited).
    pub async fn begin_patch_managed_hsm(
        &self,
        rg: &str,
        name: &str,
        body: &ManagedHsm,
    ) -> Result<ArmPoller> {
        let url = self.arm(&self.hsm_path(rg, name).await?, KV_API)?;
        let resp = self
            .send(Request::new(Method::PATCH, url.clone(), Plane::Arm).json(body))
            .await?;
        Ok(poller(resp, Some(url)))
    }

    /// `GET …/managedHSMs/{name}/regions` (all pages).
    pub async fn list_managed_hsm_regions(&self, rg: &str, name: &str) -> Result<Vec<Region>> {
        let path = format!("{}/regions", self.hsm_path(rg, name).await?);
        self.list_all(self.arm(&path, KV_API)?).await
    }

    /// `DELETE …/managedHSMs/{name}`; `None` when there was nothing to delete (204).
    pub async fn begin_delete_managed_hsm(
        &self,
        rg: &str,
        name: &str,
    ) -> Result<Option<ArmPoller>> {
        let url = self.arm(&self.hsm_path(rg, name).await?, KV_API)?;
        let resp = self
            .send(Request::new(Method::DELETE, url, Plane::Arm))
            .await?;
        if resp.status == 204 {
            return Ok(None);
        }
        Ok(Some(poller(resp, None)))
    }

    /// `GET …/deletedManagedHSMs`.
    pub async fn list_deleted_managed_hsms(&self) -> Result<Vec<DeletedManagedHsm>> {
        let sub = self.subscription().await?;
        let url = self.arm(
            &format!("/subscriptions/{sub}/providers/Microsoft.KeyVault/deletedManagedHSMs"),
            KV_API,
        )?;
        self.list_all(url).await
    }

    /// `GET …/locations/{loc}/deletedManagedHSMs/{name}`.
    pub async fn get_deleted_managed_hsm(
        &self,
        location: &str,
        name: &str,
    ) -> Result<DeletedManagedHsm> {
        let sub = self.subscription().await?;
        let url = self.arm(
            &format!("/subscriptions/{sub}/providers/Microsoft.KeyVault/locations/{location}/deletedManagedHSMs/{name}"),
            KV_API,
        )?;
        self.send(Request::new(Method::GET, url, Plane::Arm))
            .await?
            .json()
    }

    /// `POST …/locations/{loc}/deletedManagedHSMs/{name}/purge`.
    pub async fn begin_purge_managed_hsm(&self, location: &str, name: &str) -> Result<ArmPoller> {
        let sub = self.subscription().await?;
        let url = self.arm(
            &format!("/subscriptions/{sub}/providers/Microsoft.KeyVault/locations/{location}/deletedManagedHSMs/{name}/purge"),
            KV_API,
        )?;
        let resp = self
            .send(Request::new(Method::POST, url, Plane::Arm))
            .await?;
        Ok(poller(resp, None))
    }

    /// `POST …/checkMhsmNameAvailability`.
    pub async fn check_mhsm_name(&self, name: &str) -> Result<CheckNameResult> {
        let sub = self.subscription().await?;
        let url = self.arm(
            &format!("/subscriptions/{sub}/providers/Microsoft.KeyVault/checkMhsmNameAvailability"),
            KV_API,
        )?;
        self.send(
            Request::new(Method::POST, url, Plane::Arm).json(&CheckNameRequest {
                name: name.to_string(),
            }),
        )
        .await?
        .json()
    }

    /// `GET …/managedHSMs/{name}/privateEndpointConnections` (all pages).
    pub async fn list_mhsm_pecs(
        &self,
        rg: &str,
        name: &str,
    ) -> Result<Vec<PrivateEndpointConnection>> {
        let path = format!(
            "{}/privateEndpointConnections",
            self.hsm_path(rg, name).await?
        );
        self.list_all(self.arm(&path, KV_API)?).await
    }

    async fn pec_url(&self, rg: &str, name: &str, pec: &str) -> Result<Url> {
        let path = format!(
            "{}/privateEndpointConnections/{pec}",
            self.hsm_path(rg, name).await?
        );
        self.arm(&path, KV_API)
    }

    /// `GET …/privateEndpointConnections/{pec}`.
    pub async fn get_mhsm_pec(
        &self,
        rg: &str,
        name: &str,
        pec: &str,
    ) -> Result<PrivateEndpointConnection> {
        let url = self.pec_url(rg, name, pec).await?;
        self.send(Request::new(Method::GET, url, Plane::Arm))
            .await?
            .json()
    }

    /// `PUT …/privateEndpointConnections/{pec}` (approve or reject).
    pub async fn put_mhsm_pec(
        &self,
        rg: &str,
        name: &str,
        pec: &str,
        body: &PrivateEndpointConnection,
    ) -> Result<PrivateEndpointConnection> {
        let url = self.pec_url(rg, name, pec).await?;
        self.send(Request::new(Method::PUT, url, Plane::Arm).json(body))
            .await?
            .json()
    }

    /// `DELETE …/privateEndpointConnections/{pec}`; `None` when there was nothing to delete.
    pub async fn begin_delete_mhsm_pec(
        &self,
        rg: &str,
        name: &str,
        pec: &str,
    ) -> Result<Option<ArmPoller>> {
        let url = self.pec_url(rg, name, pec).await?;
        let resp = self
            .send(Request::new(Method::DELETE, url, Plane::Arm))
            .await?;
        if resp.status == 204 {
            return Ok(None);
        }
        Ok(Some(poller(resp, None)))
    }

    /// `GET …/managedHSMs/{name}/privateLinkResources`.
    pub async fn list_mhsm_private_link_resources(
        &self,
        rg: &str,
        name: &str,
    ) -> Result<Vec<PrivateLinkResource>> {
        let path = format!("{}/privateLinkResources", self.hsm_path(rg, name).await?);
        self.list_all(self.arm(&path, KV_API)?).await
    }

    /// Waits for an ARM long-running operation, reporting progress; returns the final resource
    /// (GET of the resource for PUT/PATCH), or `None` for deletes/purges.
    pub async fn wait_arm(&self, p: ArmPoller, what: &str) -> Result<Option<ManagedHsm>> {
        let started = Instant::now();
        let mut last = p.initial.clone();
        if let Some(poll) = &p.poll_url {
            let mut delay = p.retry_after.unwrap_or(Duration::from_secs(30));
            loop {
                self.obs
                    .progress(&format!("{what}… ({}s)", started.elapsed().as_secs()));
                tokio::time::sleep(delay).await;
                let resp = self
                    .send_raw(Request::new(Method::GET, poll.clone(), Plane::Arm))
                    .await?;
                match resp.status {
                    202 => {
                        delay =
                            super::retry_after(&resp.headers).unwrap_or(Duration::from_secs(30));
                        // An Azure-AsyncOperation body may also say InProgress with 200.
                    }
                    200 | 201 | 204 => {
                        if let Ok(v) = resp.json::<serde_json::Value>()
                            && let Some(status) = v.get("status").and_then(|s| s.as_str())
                        {
                            match status.to_ascii_lowercase().as_str() {
                                "succeeded" => {}
                                "failed" | "canceled" => {
                                    self.obs.progress_done();
                                    let err = &v["error"];
                                    return Err(ClientError::Api {
                                        plane: Plane::Arm,
                                        status: 200,
                                        code: err["code"]
                                            .as_str()
                                            .unwrap_or("OperationFailed")
                                            .into(),
                                        message: err["message"]
                                            .as_str()
                                            .unwrap_or("The operation failed")
                                            .into(),
                                        inner: None,
                                        request_id: None,
                                    });
                                }
                                _ => {
                                    delay = super::retry_after(&resp.headers)
                                        .unwrap_or(Duration::from_secs(30));
                                    continue;
                                }
                            }
                        }
                        last = resp;
                        break;
                    }
                    _ => {
                        self.obs.progress_done();
                        return Err(self.api_error(&resp));
                    }
                }
            }
            self.obs.progress_done();
        }
        match p.resource_url {
            Some(url) => {
                let r = self
                    .send(Request::new(Method::GET, url, Plane::Arm))
                    .await?;
                Ok(Some(r.json()?))
            }
            None => {
                let _ = last;
                Ok(None)
            }
        }
    }
}

fn poller(resp: Response, resource_url: Option<Url>) -> ArmPoller {
    let poll_url = if resp.status == 202 {
        resp.header("azure-asyncoperation")
            .or_else(|| resp.header("location"))
            .and_then(|l| Url::parse(l).ok())
    } else {
        None
    };
    ArmPoller {
        poll_url,
        retry_after: super::retry_after(&resp.headers),
        resource_url,
        initial: resp,
    }
}
