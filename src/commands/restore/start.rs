//! `mhsm restore start` — restore the whole HSM, or one key with `--key-name`, from a full
//! backup in a Blob container, and wait for it (az keyvault restore start; `--no-wait`,
//! `--backup-folder latest` and `--source-hsm-name` are mhsm additions).

use crate::cli::HsmTarget;
use crate::commands::backup::common::{JobRun, resolve_folder};
use crate::commands::backup::journal::Operation;
use crate::commands::backup::storage::{BackupFolderArg, MISSING_HSM, StorageTarget, require_hsm};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::backup::{RestoreParameters, SelectiveKeyRestoreParameters};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    #[command(flatten)]
    pub storage: StorageTarget,
    /// The backup's folder in the container (e.g. mhsm-myhsm-2024060112000000, the last part
    /// of the folderUrl 'backup start' printed), or 'latest' for the newest backup there.
    #[arg(long = "backup-folder", required = true)]
    pub backup_folder: BackupFolderArg,
    /// Restore only this key, with all its versions (a selective restore), not the whole HSM.
    #[arg(long = "key-name", visible_alias = "key")]
    pub key_name: Option<String>,
    /// With --backup-folder latest: the newest backup of this HSM (needed when the container
    /// holds backups of several HSMs).
    #[arg(long = "source-hsm-name")]
    pub source_hsm_name: Option<String>,
    /// Do not wait: print the job as the HSM accepted it (its jobId) and exit; follow it with
    /// 'mhsm restore status'.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        storage,
        backup_folder,
        key_name,
        source_hsm_name,
        no_wait,
    } = args;
    require_hsm(&hsm, MISSING_HSM)?;
    let client = ctx.client().await?;
    let sas = storage.sas_parameter(&client.cloud)?;
    if source_hsm_name.is_some() && backup_folder != BackupFolderArg::Latest {
        return Err(CliError::Invalid(
            "--source-hsm-name goes with --backup-folder latest.".into(),
        ));
    }
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
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
        op: if key_name.is_some() {
            Operation::KeyRestore
        } else {
            Operation::Restore
        },
        storage_uri: sas.storage_resource_uri.clone(),
        uses_managed_identity: storage.uses_managed_identity(),
        folder: Some(folder.clone()),
        key_name: key_name.clone(),
    };
    let started = match &key_name {
        Some(key) => {
            let params = SelectiveKeyRestoreParameters {
                sas_token_parameters: Some(sas),
                folder: Some(folder),
            };
            run.started(
                client
                    .begin_selective_key_restore(&endpoint, key, &params)
                    .await,
            )
            .await?
        }
        None => {
            let params = RestoreParameters {
                sas_token_parameters: Some(sas),
                folder_to_restore: Some(folder),
            };
            run.started(client.begin_full_restore(&endpoint, &params).await)
                .await?
        }
    };
    // az prints nothing when the restore succeeded (the poller's result is None).
    run.finish(started, no_wait).await.map(|_| ())
}
