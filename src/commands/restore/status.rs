//! `mhsm restore status` — show a restore job (full or selective), optionally waiting for it
//! (mhsm addition: az has no restore status).

use crate::cli::HsmTarget;
use crate::commands::backup::common::{job_id_or_latest, show_job};
use crate::commands::backup::journal::Operation;
use crate::commands::backup::storage::{MISSING_HSM, parse_job_id, require_hsm};
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// The job's id (the jobId 'restore start --no-wait' or 'key restore --no-wait' printed).
    /// Default: the last restore job mhsm started on this HSM from this machine.
    #[arg(long = "job-id", value_parser = parse_job_id)]
    pub job_id: Option<String>,
    /// Wait until the job has finished, then print it.
    #[arg(long)]
    pub wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm, job_id, wait } = args;
    require_hsm(&hsm, MISSING_HSM)?;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let ops = [Operation::Restore, Operation::KeyRestore];
    let job_id = job_id_or_latest(&endpoint, job_id, &ops)?;
    let client = ctx.client().await?;
    let first = client.restore_status(&endpoint, &job_id).await?;
    show_job(ctx, client, &endpoint, Operation::Restore, first, wait).await
}
