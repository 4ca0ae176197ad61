//! `mhsm dr` — disaster recovery as one command (az has none: its users script backup start,
//! sleep, blob listing, init-recovery, upload, a second backup and restore start by hand).

pub mod restore;
pub mod verify;

use clap::Subcommand;

use super::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recover a source HSM's keys and roles into a target HSM, and prove it worked.
    ///
    /// The runbook, in order: (1) a full backup of the source into the container (or
    /// --backup-folder NAME|latest); (2) if the target is not recovered yet, init-recovery and
    /// upload of the source's security domain (--sd-file, with a quorum of its keys
    /// --sd-wrapping-keys); (3) a full backup of the target, which the service requires within
    /// 30 minutes before a restore; (4) the full restore, waited for with a status line; (5)
    /// verification: the same key names, versions, types and public keys, soft-deleted keys,
    /// role assignments and custom roles on both HSMs, and a signature made by the source that
    /// verifies on the target (needs keys/sign on the source and keys/verify on the target,
    /// e.g. Managed HSM Crypto User; --no-signature-check skips it). When the source is gone
    /// (a real disaster), --backup-folder with --no-verify restores without contacting it.
    ///
    /// The restore replaces the target's role assignments with the source's: the target's
    /// administrators afterwards are the source's. Storage is reached with a container SAS (-t,
    /// permissions crdwl) or the HSMs' user-assigned managed identity (--use-managed-identity).
    ///
    /// Progress is saved after each step (--state-file, default in mhsm's cache directory):
    /// re-running the same command after a failure resumes where it stopped, watching a restore
    /// that is still running instead of starting another; --fresh starts over. --dry-run prints
    /// the plan and changes nothing. The report (-o json) lists each step with its duration and
    /// the verification; the exit code is 0 only when the verification passed.
    Restore(restore::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Restore(a) => restore::run(ctx, a).await,
        }
    }
}
