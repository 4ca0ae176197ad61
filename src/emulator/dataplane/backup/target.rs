//! Where a backup is written and read: the blob container of `storageResourceUri`, reached with
//! the caller's SAS or the HSM's user-assigned managed identity, through object_store.

use object_store::ObjectStore;
use std::sync::Arc;

use crate::emulator::Emulator;
use crate::wire::backup::JobError;

/// How the HSM authenticates to storage.
#[derive(Debug, Clone)]
pub enum StorageAuth {
    Sas(String),
    ManagedIdentity { object_id: String },
}

/// An opened container.
pub struct Target {
    pub store: Arc<dyn ObjectStore>,
    /// The container URI as the caller gave it, without a trailing slash.
    pub uri: String,
}

pub fn job_error(code: &str, message: impl Into<String>) -> JobError {
    JobError {
        code: code.into(),
        message: message.into(),
        innererror: None,
    }
}

/// Checks a SAS token's shape synchronously (the service answers a malformed one with 400).
pub fn check_sas(token: &str) -> Result<(), String> {
    let has = |k: &str| {
        token
            .trim_start_matches('?')
            .split('&')
            .any(|p| p.split('=').next() == Some(k))
    };
    if !has("se") {
        return Err(
            "The customer provided SAS token is malformed. The SAS token does not contain the expiry field".into(),
        );
    }
    if !has("sig") {
        return Err(
            "The customer provided SAS token is malformed. The SAS token does not contain the signature field".into(),
        );
    }
    Ok(())
}

/// Opens the container of `uri` for the job.
pub async fn open(emu: &Arc<Emulator>, uri: &str, _auth: &StorageAuth) -> Result<Target, JobError> {
    let u = url::Url::parse(uri).map_err(|_| {
        job_error(
            "InvalidStorageUri",
            format!(
                "'{uri}' is not a blob container URL (https://<account>.blob.<suffix>/<container>)."
            ),
        )
    })?;
    let account = u
        .host_str()
        .and_then(|h| h.split('.').next())
        .unwrap_or_default()
        .to_string();
    let container = u.path().trim_matches('/').to_string();
    let dir = emu
        .opts
        .state_dir
        .join("storage")
        .join(&account)
        .join(&container);
    if container.is_empty() || container.contains('/') || !dir.is_dir() {
        return Err(job_error(
            "ContainerNotFound",
            "The specified container does not exist.",
        ));
    }
    let store = object_store::local::LocalFileSystem::new_with_prefix(&dir)
        .map_err(|e| job_error("StorageError", e.to_string()))?;
    Ok(Target {
        store: Arc::new(store),
        uri: uri.trim_end_matches('/').to_string(),
    })
}

/// A storage failure during the job, in the storage service's terms.
pub fn storage_error(e: object_store::Error) -> JobError {
    match e {
        object_store::Error::NotFound { .. } => job_error(
            "ContainerNotFound",
            "The specified container does not exist.",
        ),
        object_store::Error::PermissionDenied { .. }
        | object_store::Error::Unauthenticated { .. } => job_error(
            "AuthorizationPermissionMismatch",
            "This request is not authorized to perform this operation using this permission.",
        ),
        other => job_error("StorageError", other.to_string()),
    }
}
