//! `mhsm backup status` — show a backup job, optionally waiting for it (mhsm addition: az has
//! no backup status).

use super::common::{job_id_or_latest, show_job};
use super::journal::Operation;
use super::storage::{MISSING_HSM, parse_job_id, require_hsm};
use crate::cli::HsmTarget;
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// The job's id (the jobId 'backup start --no-wait' printed). Default: the last backup job
    /// mhsm started on this HSM from this machine.
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
    let job_id = job_id_or_latest(&endpoint, job_id, &[Operation::Backup])?;
    let client = ctx.client().await?;
    let first = client.full_backup_status(&endpoint, &job_id).await?;
    show_job(ctx, client, &endpoint, Operation::Backup, first, wait).await
}
