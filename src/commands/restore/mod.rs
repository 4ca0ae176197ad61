//! `mhsm restore` — restore a Managed HSM, or one key, from a full backup in Azure Blob Storage
//! (az keyvault restore), plus `status` of a restore job, which az lacks.

pub mod start;
pub mod status;

use clap::Subcommand;

use super::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Restore the HSM (or, with --key-name, one key) from a full backup.
    ///
    /// A full restore replaces everything in the HSM — keys, versions, attributes, tags, role
    /// assignments — with the backup's content; the HSM must share the security domain of the
    /// HSM that was backed up, and while it runs the HSM serves nothing but the restore status.
    /// The HSM reads the backup with a container SAS (-t, permissions rl) or its user-assigned
    /// managed identity (--use-managed-identity). Prints nothing on success, as az keyvault
    /// restore start.
    ///
    /// Better than az: --key-name restores just that key (all its versions; az 2.91 fails
    /// on it); --backup-folder latest picks the newest backup in the container (of
    /// --source-hsm-name when the container holds backups of several HSMs), read with the SAS
    /// or your own identity, and says which one on stderr; a failed job prints its error code
    /// and message with a hint (e.g. another security domain, SAS without rl); a job already
    /// running is named with the command to watch it; --no-wait prints the job and returns;
    /// the HSM is polled as often as its Retry-After asks, with a status line only on a
    /// terminal.
    Start(start::Args),
    /// Show a restore job (mhsm addition: az has no restore status).
    ///
    /// Prints the job as the HSM returns it (status, statusDetails, error, startTime, endTime,
    /// jobId); selective key restores are restore jobs too. Without --job-id: the last restore
    /// job mhsm started on this HSM from this machine. Exit code: 0 when the job succeeded or
    /// is still running (check 'status'), 1 when it failed or was canceled (the job is still
    /// printed, and its error shown on stderr), 3 when the HSM knows no such job. --wait waits
    /// until the job has finished first.
    Status(status::Args),
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
        }
    }
}
