//! `mhsm key restore` — restore a key from a single-key backup file, or (storage mode) one key
//! with all its versions from a full backup in a Blob container: a selective restore job
//! (az keyvault key restore; az 2.91's storage mode always fails, and would restore the whole
//! HSM when -n is left out).

use std::path::PathBuf;

use super::common::{HsmOnly, hsm_of, key_bundle};
use crate::commands::backup::common::{JobRun, resolve_folder};
use crate::commands::backup::journal::Operation;
use crate::commands::backup::storage::{BackupFolderArg, MISSING_HSM, StorageTarget};
use crate::commands::{CliError, Ctx};
use crate::wire::backup::SelectiveKeyRestoreParameters;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmOnly,
    /// Local key backup from which to restore the key.
    #[arg(short = 'f', long)]
    pub file: Option<PathBuf>,
    /// Name of the key (storage mode: the key to restore from the backup folder).
    #[arg(short = 'n', long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub storage: StorageTarget,
    /// Storage mode: the backup's folder in the container (e.g. mhsm-myhsm-2024060112000000),
    /// or 'latest' for the newest backup there.
    #[arg(long = "backup-folder", help_heading = "Storage Arguments")]
    pub backup_folder: Option<BackupFolderArg>,
    /// Storage mode, with --backup-folder latest: the newest backup of this HSM.
    #[arg(long = "source-hsm-name", help_heading = "Storage Arguments")]
    pub source_hsm_name: Option<String>,
    /// Storage mode: do not wait; print the job as the HSM accepted it (its jobId) and exit.
    /// Follow it with 'mhsm restore status'.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        file,
        name,
        storage,
        backup_folder,
        source_hsm_name,
        no_wait,
    } = args;
    let c = &storage.container;
    // az's set of storage arguments for its checks (it ignores --storage-resource-uri there).
    let az_storage = c.storage_account_name.is_some()
        || c.blob_container_name.is_some()
        || c.sas_token.is_some()
        || backup_folder.is_some();
    if let Some(file) = file {
        if az_storage {
            return Err(CliError::Invalid(
                "Do not use --file/-f with any of --storage-account-name/--blob-container-name/--storage-container-SAS-token/--backup-folder".into(),
            ));
        }
        if c.storage_resource_uri.is_some()
            || storage.use_managed_identity.is_some()
            || source_hsm_name.is_some()
        {
            return Err(CliError::Invalid(
                "Do not use --file/-f with --storage-resource-uri, --use-managed-identity or --source-hsm-name".into(),
            ));
        }
        if name.is_some() {
            return Err(CliError::Invalid(
                "Please do not specify --name/-n when using --file/-f".into(),
            ));
        }
        if no_wait {
            return Err(CliError::Invalid(
                "Please do not specify --no-wait when using --file/-f".into(),
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
        return ctx.print(&key_bundle(&b));
    }
    if !az_storage && !storage.any() {
        return Err(CliError::Invalid(
            "Please specify --file/-f or --storage-account-name & --blob-container-name & --storage-container-SAS-token & --backup-folder".into(),
        ));
    }
    restore_from_storage(
        ctx,
        hsm,
        name,
        storage,
        backup_folder,
        source_hsm_name,
        no_wait,
    )
    .await
}

/// Storage mode: a selective restore job (`PUT /keys/{name}/restore`).
async fn restore_from_storage(
    ctx: &Ctx,
    hsm: HsmOnly,
    name: Option<String>,
    storage: StorageTarget,
    backup_folder: Option<BackupFolderArg>,
    source_hsm_name: Option<String>,
    no_wait: bool,
) -> Result<(), CliError> {
    // az's order: the HSM (its validator), the SAS (here: or the managed identity), the
    // folder, the container.
    if hsm.hsm_name.is_none() && hsm.id.is_none() && hsm.vault_name.is_none() {
        return Err(CliError::Invalid(MISSING_HSM.into()));
    }
    if storage.container.sas_token.is_none() && !storage.uses_managed_identity() {
        return Err(CliError::Invalid(
            "Please specify --storage-container-SAS-token/-t".into(),
        ));
    }
    let Some(backup_folder) = backup_folder else {
        return Err(CliError::Invalid("Please specify --backup-folder".into()));
    };
    let client = ctx.client().await?;
    let sas = storage.sas_parameter(&client.cloud)?;
    // az passes `key_name=None` through, which would start a restore of the whole HSM.
    let Some(key) = name else {
        return Err(CliError::Invalid(
            "Please specify --name/-n: the key to restore from the backup folder.".into(),
        ));
    };
    if source_hsm_name.is_some() && backup_folder != BackupFolderArg::Latest {
        return Err(CliError::Invalid(
            "--source-hsm-name goes with --backup-folder latest.".into(),
        ));
    }
    let endpoint = hsm_of(ctx, &hsm).await?;
    let folder = resolve_folder(
        ctx,
        client,
        &backup_folder,
        &sas.storage_resource_uri,
        storage.container.sas_token.as_ref(),
        source_hsm_name.as_deref(),
    )
    .await?;
    let run = JobRun {
        ctx,
        client,
        hsm: &endpoint,
        op: Operation::KeyRestore,
        storage_uri: sas.storage_resource_uri.clone(),
        uses_managed_identity: storage.uses_managed_identity(),
        folder: Some(folder.clone()),
        key_name: Some(key.clone()),
    };
    let params = SelectiveKeyRestoreParameters {
        sas_token_parameters: Some(sas),
        folder: Some(folder),
    };
    let started = run
        .started(
            client
                .begin_selective_key_restore(&endpoint, &key, &params)
                .await,
        )
        .await?;
    // Like a full restore, nothing is printed on success.
    run.finish(started, no_wait).await.map(|_| ())
}
