//! Where a backup is written and read: the blob container of `storageResourceUri`, reached
//! through the emulator's storage module (embedded accounts or a real Blob endpoint such as
//! Azurite) with the caller's SAS or the HSM's user-assigned managed identity.

use std::sync::Arc;

use crate::emulator::Emulator;
use crate::emulator::storage::{self, Container, StorageAuth, StorageError};
use crate::wire::backup::JobError;

pub fn job_error(code: &str, message: impl Into<String>) -> JobError {
    JobError {
        code: code.into(),
        message: message.into(),
        innererror: None,
    }
}

/// Checks a SAS token's shape synchronously: the service answers a malformed one with 400
/// `BadRequest` and the exact message of [`crate::crypto::sas::SasError`].
pub fn check_sas(token: &str) -> Result<(), String> {
    crate::crypto::sas::SasToken::parse(token)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Opens the container of `uri` for the job (a missing container or a refused credential fails
/// here, before anything is written).
pub async fn open(
    emu: &Arc<Emulator>,
    uri: &str,
    auth: &StorageAuth,
) -> Result<Container, JobError> {
    storage::open_container(emu, uri, auth)
        .await
        .map_err(|e| from_storage(&e))
}

/// A storage failure as the job's error: the storage service's code and message.
pub fn from_storage(e: &StorageError) -> JobError {
    job_error(e.code(), e.to_string())
}

/// A failed object_store call during the job.
pub fn storage_error(e: object_store::Error) -> JobError {
    from_storage(&storage::classify(&e))
}
