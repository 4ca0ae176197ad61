//! Full backup and restore (api-version `7.5-preview.1`, as az 2.91's `KeyVaultBackupClient`):
//! one method per REST operation (`POST /backup`, `POST /prebackup`, `PUT /restore`,
//! `PUT /prerestore`, `PUT /keys/{name}/restore`, and the two `/pending` status reads), request
//! bodies byte-identical to az's, and the job polling of rest-api.md §10.
//!
//! Polling: the absolute `Azure-AsyncOperation` URL is fetched exactly as given (the service
//! sends the header in lower case and without api-version; az appends nothing either), waiting
//! `Retry-After` between polls as az does. A job that ends `Failed` or `Canceled` becomes
//! [`ClientError::JobFailed`] carrying the job's own `error` (az's old "Operation returned an
//! invalid status 'OK'" hid it: az pain point 11). Each poll is a plain authenticated GET: a
//! token refresh never re-sends the request that started the job (the az 2.77–2.88 bug that
//! answered a spurious 409 "Another backup operation is in progress", pain point 12).

use reqwest::Method;
use serde::de::DeserializeOwned;
use std::time::Duration;
use url::Url;

use super::hsm::HsmEndpoint;
use super::{Client, ClientError, Plane, Request, Response, Result};
use crate::wire::backup::{
    BACKUP_API_VERSION, FullBackupOperation, JobError, PreBackupParameters, RestoreOperation,
    RestoreParameters, SasTokenParameter, SelectiveKeyRestoreParameters, is_terminal, status,
};
use crate::wire::python_json;

/// The common view of a backup or restore job body.
pub trait Job: DeserializeOwned {
    /// `InProgress`, `Succeeded`, `Failed` or `Canceled`.
    fn status(&self) -> &str;
    fn job_id(&self) -> &str;
    fn error(&self) -> Option<&JobError>;
    fn status_details(&self) -> Option<&str>;
    /// Which status path serves this job: `backup` or `restore`.
    const STATUS_COLLECTION: &'static str;
}

impl Job for FullBackupOperation {
    fn status(&self) -> &str {
        &self.status
    }
    fn job_id(&self) -> &str {
        &self.job_id
    }
    fn error(&self) -> Option<&JobError> {
        self.error.as_ref()
    }
    fn status_details(&self) -> Option<&str> {
        self.status_details.as_deref()
    }
    const STATUS_COLLECTION: &'static str = "backup";
}

impl Job for RestoreOperation {
    fn status(&self) -> &str {
        &self.status
    }
    fn job_id(&self) -> &str {
        &self.job_id
    }
    fn error(&self) -> Option<&JobError> {
        self.error.as_ref()
    }
    fn status_details(&self) -> Option<&str> {
        self.status_details.as_deref()
    }
    const STATUS_COLLECTION: &'static str = "restore";
}

/// A job body as the service sent it, typed and raw (commands print the raw one: every member
/// the service sends, in its own spelling).
#[derive(Debug, Clone)]
pub struct JobResponse<T> {
    pub job: T,
    pub body: serde_json::Value,
    /// Where to poll next: the `Azure-AsyncOperation` URL of a start, else the status URL.
    pub status_url: Url,
    /// The response's `Retry-After`.
    pub retry_after: Option<Duration>,
}

/// Delay before the next poll: the service's `Retry-After` (az honours it; Azure sends 10 s on
/// a start), else 2 s; at most 60 s, and never a busy loop.
pub fn poll_delay(retry_after: Option<Duration>) -> Duration {
    retry_after
        .unwrap_or(Duration::from_secs(2))
        .clamp(Duration::from_millis(50), Duration::from_secs(60))
}

/// The job's outcome as an error, when it did not succeed.
pub fn job_outcome<T: Job>(job: &T) -> Result<()> {
    if job.status().eq_ignore_ascii_case(status::SUCCEEDED) || !is_terminal(job.status()) {
        return Ok(());
    }
    let canceled = !job.status().eq_ignore_ascii_case(status::FAILED);
    let (code, message, inner) = match job.error() {
        Some(e) => (
            e.code.clone(),
            e.message.clone(),
            e.innererror.as_ref().map(|i| i.code.clone()),
        ),
        None if canceled => (
            "JobCanceled".to_string(),
            format!("The job {} was canceled.", job.job_id()),
            None,
        ),
        None => (
            "JobFailed".to_string(),
            format!(
                "The job {} failed{}.",
                job.job_id(),
                job.status_details()
                    .map(|d| format!(": {d}"))
                    .unwrap_or_else(|| " without saying why".into())
            ),
            None,
        ),
    };
    Err(ClientError::JobFailed {
        job_id: job.job_id().to_string(),
        status: job.status().to_string(),
        code,
        message,
        inner,
    })
}

impl Client {
    /// `POST /backup`: starts a full backup into `params.storage_resource_uri`.
    pub async fn begin_full_backup(
        &self,
        hsm: &HsmEndpoint,
        params: &SasTokenParameter,
    ) -> Result<JobResponse<FullBackupOperation>> {
        self.start_job(hsm, Method::POST, "/backup", python_json(params))
            .await
    }

    /// `POST /prebackup`: checks that a full backup could run (the service documents it from
    /// api-version 7.6; sent at [`BACKUP_API_VERSION`] like every operation here).
    pub async fn begin_pre_full_backup(
        &self,
        hsm: &HsmEndpoint,
        params: &PreBackupParameters,
    ) -> Result<JobResponse<FullBackupOperation>> {
        self.start_job(hsm, Method::POST, "/prebackup", python_json(params))
            .await
    }

    /// `GET /backup/{jobId}/pending`.
    pub async fn full_backup_status(
        &self,
        hsm: &HsmEndpoint,
        job_id: &str,
    ) -> Result<JobResponse<FullBackupOperation>> {
        self.job_status(hsm, job_id).await
    }

    /// `PUT /restore`: restores the whole HSM from a backup folder.
    pub async fn begin_full_restore(
        &self,
        hsm: &HsmEndpoint,
        params: &RestoreParameters,
    ) -> Result<JobResponse<RestoreOperation>> {
        self.start_job(hsm, Method::PUT, "/restore", python_json(params))
            .await
    }

    /// `PUT /prerestore`: checks that a full restore could run (api-version as for prebackup).
    pub async fn begin_pre_full_restore(
        &self,
        hsm: &HsmEndpoint,
        params: &RestoreParameters,
    ) -> Result<JobResponse<RestoreOperation>> {
        self.start_job(hsm, Method::PUT, "/prerestore", python_json(params))
            .await
    }

    /// `PUT /keys/{name}/restore`: restores one key (all its versions) from a backup folder.
    pub async fn begin_selective_key_restore(
        &self,
        hsm: &HsmEndpoint,
        key_name: &str,
        params: &SelectiveKeyRestoreParameters,
    ) -> Result<JobResponse<RestoreOperation>> {
        let path = format!("/keys/{}/restore", encode_segment(key_name));
        self.start_job(hsm, Method::PUT, &path, python_json(params))
            .await
    }

    /// `GET /restore/{jobId}/pending` (full and selective restores alike).
    pub async fn restore_status(
        &self,
        hsm: &HsmEndpoint,
        job_id: &str,
    ) -> Result<JobResponse<RestoreOperation>> {
        self.job_status(hsm, job_id).await
    }

    /// One GET of a job's status URL (as given: an `Azure-AsyncOperation` URL is not altered).
    pub async fn poll_job<T: Job>(&self, hsm: &HsmEndpoint, url: &Url) -> Result<JobResponse<T>> {
        let resp = self
            .hsm_send(hsm, Request::new(Method::GET, url.clone(), Plane::Hsm))
            .await?;
        job_response(&resp, url.clone())
    }

    /// Polls a started job until it is terminal, calling `progress` after each non-terminal
    /// poll. Succeeded → the last body; Failed/Canceled → [`ClientError::JobFailed`].
    pub async fn wait_job<T: Job>(
        &self,
        hsm: &HsmEndpoint,
        started: &JobResponse<T>,
        progress: &mut (dyn FnMut(&T) + Send),
    ) -> Result<JobResponse<T>> {
        let done = self.wait_terminal(hsm, started, progress).await?;
        job_outcome(&done.job)?;
        Ok(done)
    }

    /// Polls until the job is terminal (whatever the outcome), waiting [`poll_delay`] of each
    /// response's `Retry-After` in between.
    pub async fn wait_terminal<T: Job>(
        &self,
        hsm: &HsmEndpoint,
        from: &JobResponse<T>,
        progress: &mut (dyn FnMut(&T) + Send),
    ) -> Result<JobResponse<T>> {
        let mut delay = poll_delay(from.retry_after);
        let url = from.status_url.clone();
        loop {
            tokio::time::sleep(delay).await;
            let polled: JobResponse<T> = self.poll_job(hsm, &url).await?;
            if is_terminal(polled.job.status()) {
                return Ok(polled);
            }
            progress(&polled.job);
            delay = poll_delay(polled.retry_after);
        }
    }

    async fn start_job<T: Job>(
        &self,
        hsm: &HsmEndpoint,
        method: Method,
        path: &str,
        body: String,
    ) -> Result<JobResponse<T>> {
        let url = hsm.url(path, BACKUP_API_VERSION)?;
        // The body names the storage container and may carry a SAS: `--debug` redacts `token`.
        let resp = self
            .hsm_send(hsm, Request::new(method, url, Plane::Hsm).raw_json(body))
            .await?;
        let fallback = |job_id: &str| {
            hsm.url(
                &format!("/{}/{job_id}/pending", T::STATUS_COLLECTION),
                BACKUP_API_VERSION,
            )
        };
        if resp.body.iter().all(u8::is_ascii_whitespace) {
            // No body on the 202 (not what the service records, but legal): read the status.
            let url = async_operation_url(&resp)?.ok_or_else(|| ClientError::Decode {
                url: resp.url.to_string(),
                detail: "the job was accepted without a body or an Azure-AsyncOperation header"
                    .into(),
            })?;
            return self.poll_job(hsm, &url).await;
        }
        let mut started: JobResponse<T> = job_response(&resp, resp.url.clone())?;
        started.status_url = match async_operation_url(&resp)? {
            Some(u) => u,
            None => fallback(started.job.job_id())?,
        };
        Ok(started)
    }

    async fn job_status<T: Job>(&self, hsm: &HsmEndpoint, job_id: &str) -> Result<JobResponse<T>> {
        let url = hsm.url(
            &format!(
                "/{}/{}/pending",
                T::STATUS_COLLECTION,
                encode_segment(job_id)
            ),
            BACKUP_API_VERSION,
        )?;
        self.poll_job(hsm, &url).await
    }
}

/// The `Azure-AsyncOperation` URL of a response (any header case), if any.
fn async_operation_url(resp: &Response) -> Result<Option<Url>> {
    resp.header("azure-asyncoperation")
        .map(|u| {
            Url::parse(u.trim()).map_err(|e| ClientError::Decode {
                url: resp.url.to_string(),
                detail: format!("bad Azure-AsyncOperation header '{u}': {e}"),
            })
        })
        .transpose()
}

fn job_response<T: Job>(resp: &Response, status_url: Url) -> Result<JobResponse<T>> {
    Ok(JobResponse {
        job: resp.json()?,
        body: resp.json()?,
        status_url,
        retry_after: super::retry_after(&resp.headers),
    })
}

/// A path segment as Key Vault names allow (letters, digits, dashes) passes unchanged; anything
/// else is percent-encoded so it cannot change the path.
fn encode_segment(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_azs_bytes() {
        // az 2.91 (azure-keyvault-administration 4.8.0b2) serialises with json.dumps defaults:
        // members in model order, absent members skipped.
        let sas = SasTokenParameter {
            storage_resource_uri: "https://acct.blob.core.windows.net/backups".into(),
            token: Some("sv=2024&sig=x%2B".into()),
            use_managed_identity: None,
        };
        assert_eq!(
            python_json(&sas),
            r#"{"storageResourceUri": "https://acct.blob.core.windows.net/backups", "token": "sv=2024&sig=x%2B"}"#
        );
        let mi = SasTokenParameter {
            storage_resource_uri: "https://a.blob.core.windows.net/c".into(),
            token: None,
            use_managed_identity: Some(true),
        };
        assert_eq!(
            python_json(&mi),
            r#"{"storageResourceUri": "https://a.blob.core.windows.net/c", "useManagedIdentity": true}"#
        );
        let restore = RestoreParameters {
            sas_token_parameters: Some(sas.clone()),
            folder_to_restore: Some("mhsm-h-2022111619101572".into()),
        };
        assert_eq!(
            python_json(&restore),
            r#"{"sasTokenParameters": {"storageResourceUri": "https://acct.blob.core.windows.net/backups", "token": "sv=2024&sig=x%2B"}, "folderToRestore": "mhsm-h-2022111619101572"}"#
        );
        let selective = SelectiveKeyRestoreParameters {
            sas_token_parameters: Some(mi),
            folder: Some("mhsm-h-2022111619101572".into()),
        };
        assert_eq!(
            python_json(&selective),
            r#"{"sasTokenParameters": {"storageResourceUri": "https://a.blob.core.windows.net/c", "useManagedIdentity": true}, "folder": "mhsm-h-2022111619101572"}"#
        );
    }

    #[test]
    fn poll_delays_honour_retry_after_within_bounds() {
        assert_eq!(
            poll_delay(Some(Duration::from_secs(10))),
            Duration::from_secs(10)
        );
        assert_eq!(poll_delay(None), Duration::from_secs(2));
        assert_eq!(poll_delay(Some(Duration::ZERO)), Duration::from_millis(50));
        assert_eq!(
            poll_delay(Some(Duration::from_secs(3600))),
            Duration::from_secs(60)
        );
    }

    #[test]
    fn failed_jobs_carry_their_error() {
        let failed: FullBackupOperation = serde_json::from_str(
            r#"{"status":"Failed","statusDetails":null,"error":{"code":"ContainerNotFound","message":"The specified container does not exist.","innererror":null},"startTime":1,"endTime":2,"jobId":"j1","azureStorageBlobContainerUri":null}"#,
        )
        .unwrap();
        match job_outcome(&failed) {
            Err(e @ ClientError::JobFailed { .. }) => assert_eq!(
                e.to_string(),
                "(ContainerNotFound) The specified container does not exist."
            ),
            other => panic!("{other:?}"),
        }
        let canceled: RestoreOperation = serde_json::from_str(
            r#"{"status":"Canceled","statusDetails":null,"error":null,"jobId":"j2","startTime":1,"endTime":2}"#,
        )
        .unwrap();
        assert_eq!(
            job_outcome(&canceled).unwrap_err().to_string(),
            "(JobCanceled) The job j2 was canceled."
        );
        let running: RestoreOperation = serde_json::from_str(
            r#"{"status":"InProgress","statusDetails":null,"error":null,"jobId":"j3","startTime":1,"endTime":null}"#,
        )
        .unwrap();
        assert!(job_outcome(&running).is_ok());
        assert_eq!(encode_segment("my-key"), "my-key");
        assert_eq!(encode_segment("a/b c"), "a%2Fb%20c");
    }
}
