//! `mhsm backup` — full backups of a Managed HSM into Azure Blob Storage (az keyvault backup),
//! plus what az lacks: `status` of a job and `list` of the backups in a container.

pub mod common;
pub mod journal;
pub mod list;
pub mod start;
pub mod status;
pub mod storage;

use clap::Subcommand;

use super::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Begin a full backup of the HSM.
    ///
    /// Writes every key (all versions, attributes, tags) and the role assignments into a new
    /// folder mhsm-<hsm>-<time> of a Blob container, waits for the job and prints
    /// {"folderUrl": …, "status": "Succeeded"}, as az keyvault backup start. The HSM writes
    /// with a container SAS (-t, permissions crdw) or its user-assigned managed identity
    /// (--use-managed-identity). Only an Administrator or Backup user may start it.
    ///
    /// Better than az: a failed job prints its own error code and message, with a hint for the
    /// usual causes (missing container, SAS without permissions or expired, identity without a
    /// storage role), where az used to print "Operation returned an invalid status 'OK'"; a
    /// job already running ("Another backup operation is in progress") is named with the
    /// command to watch it; --no-wait prints the job and returns; the HSM is polled as often as
    /// its Retry-After asks (10 s on Azure), with a status line only on a terminal; a token
    /// refresh while polling never re-sends the backup request (the az 2.77–2.88 bug that
    /// answered a spurious 409). Jobs are noted in a local journal (no secrets) so that
    /// 'mhsm backup status' finds the last one.
    Start(start::Args),
    /// Show a backup job (mhsm addition: az has no backup status).
    ///
    /// Prints the job as the HSM returns it (status, statusDetails, error, startTime, endTime,
    /// jobId, azureStorageBlobContainerUri). Without --job-id: the last backup job mhsm started
    /// on this HSM from this machine. Exit code: 0 when the job succeeded or is still running
    /// (check 'status', e.g. --query status -o tsv), 1 when it failed or was canceled (the job
    /// is still printed, and its error shown on stderr), 3 when the HSM knows no such job.
    /// --wait waits until the job has finished first.
    Status(status::Args),
    /// List the backups in a Blob container, newest first (mhsm addition).
    ///
    /// Reads the container's folders through the Blob API and keeps those named like a backup
    /// (mhsm-<hsm>-<yyyyMMddHHmmss><2 digits>), with the source HSM and time taken from the
    /// name. Authenticates with the SAS given by -t (list permission), else with your own
    /// identity (it needs a data role on the container, e.g. Storage Blob Data Reader).
    List(list::Args),
}

impl Command {
    /// `status` exits 3 when the job does not exist.
    pub fn is_show(&self) -> bool {
        matches!(self, Command::Status(_))
    }

    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Start(a) => start::run(ctx, a).await,
            Command::Status(a) => status::run(ctx, a).await,
            Command::List(a) => list::run(ctx, a).await,
        }
    }
}
