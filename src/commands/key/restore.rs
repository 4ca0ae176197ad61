//! `mhsm key restore` — restore a key from a backup file (az keyvault key restore). Restoring
//! one key from a full backup in storage (az's storage mode here, which always fails) is not
//! available yet: it belongs with full backup/restore, which mhsm does not have yet.

use std::path::PathBuf;

use super::common::{HsmOnly, hsm_of, key_bundle};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmOnly,
    /// Local key backup from which to restore the key.
    #[arg(short = 'f', long)]
    pub file: Option<PathBuf>,
    /// Name of the key (storage mode only; not supported here).
    #[arg(short = 'n', long)]
    pub name: Option<String>,
    /// Storage container URI (storage mode: not supported yet; az's always fails).
    #[arg(short = 'u', long = "storage-resource-uri")]
    pub storage_resource_uri: Option<String>,
    /// Storage account name (storage mode).
    #[arg(long = "storage-account-name")]
    pub storage_account_name: Option<String>,
    /// Blob container name (storage mode).
    #[arg(long = "blob-container-name")]
    pub blob_container_name: Option<String>,
    /// SAS token of the container (storage mode).
    #[arg(short = 't', long = "storage-container-SAS-token")]
    pub sas_token: Option<String>,
    /// Backup folder (storage mode).
    #[arg(long = "backup-folder")]
    pub backup_folder: Option<String>,
    /// Do not wait (storage mode).
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        file,
        name,
        storage_resource_uri,
        storage_account_name,
        blob_container_name,
        sas_token,
        backup_folder,
        no_wait,
    } = args;
    let storage = storage_resource_uri.is_some()
        || storage_account_name.is_some()
        || blob_container_name.is_some()
        || sas_token.is_some()
        || backup_folder.is_some();
    let Some(file) = file else {
        if storage {
            return Err(CliError::Invalid(
                "Restoring one key from a full backup in storage is not supported by mhsm yet (az's storage mode of 'key restore' always fails). Restore from a single-key backup made with 'mhsm key backup' using --file.".into(),
            ));
        }
        return Err(CliError::Invalid(
            "Please specify --file/-f or --storage-account-name & --blob-container-name & --storage-container-SAS-token & --backup-folder".into(),
        ));
    };
    if name.is_some() {
        return Err(CliError::Invalid(
            "Please do not specify --name/-n when using --file/-f".into(),
        ));
    }
    if storage || no_wait {
        return Err(CliError::Invalid(
            "--file/-f cannot be combined with storage arguments or --no-wait.".into(),
        ));
    }
    let bytes = std::fs::read(&file)
        .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", file.display())))?;
    let endpoint = hsm_of(ctx, &hsm).await?;
    let b = ctx
        .client()
        .await?
        .restore_key(&endpoint, crate::crypto::b64::b64url_encode(&bytes))
        .await?;
    ctx.print(&key_bundle(&b))
}
