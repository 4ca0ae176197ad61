//! `mhsm backup start` — begin a full backup of the HSM into a Blob container and wait for it
//! (az keyvault backup start; `--no-wait` is an mhsm addition).

use serde_json::json;

use super::common::JobRun;
use super::journal::Operation;
use super::storage::{MISSING_HSM, StorageTarget, require_hsm};
use crate::cli::HsmTarget;
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    #[command(flatten)]
    pub storage: StorageTarget,
    /// Do not wait: print the job as the HSM accepted it (its jobId) and exit; follow it with
    /// 'mhsm backup status'.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        storage,
        no_wait,
    } = args;
    // az's order: the HSM (its client factory), then the storage arguments.
    require_hsm(&hsm, MISSING_HSM)?;
    let client = ctx.client().await?;
    let params = storage.sas_parameter(&client.cloud)?;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let run = JobRun {
        ctx,
        client,
        hsm: &endpoint,
        op: Operation::Backup,
        storage_uri: params.storage_resource_uri.clone(),
        uses_managed_identity: storage.uses_managed_identity(),
        folder: None,
        key_name: None,
    };
    let started = run
        .started(client.begin_full_backup(&endpoint, &params).await)
        .await?;
    let Some(done) = run.finish(started, no_wait).await? else {
        return Ok(());
    };
    // az: `todict(poller.result())` (the folder URL) plus `status` = the poller's status.
    ctx.print(&json!({
        "folderUrl": done.job.azure_storage_blob_container_uri,
        "status": done.job.status,
    }))
}
