//! `mhsm security-domain` — activate an HSM by downloading its security domain, and recover a
//! new HSM from one (az keyvault security-domain), plus an offline quorum drill (`verify`).

pub mod common;
pub mod download;
pub mod init_recovery;
pub mod restore_blob;
pub mod upload;
pub mod verify;
pub mod wait;

use clap::Subcommand;

use super::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Download the security domain file of the HSM (this activates a new HSM).
    Download(download::Args),
    /// Retrieve the exchange key of a new HSM, to recover it from a security domain.
    InitRecovery(init_recovery::Args),
    /// Start to restore the HSM from a security domain.
    Upload(upload::Args),
    /// Create the restore blob for a security-domain upload, offline.
    RestoreBlob(restore_blob::Args),
    /// Wait until the security-domain download or upload has finished.
    Wait(wait::Args),
    /// Offline quorum drill: prove which keys open a security-domain file, without uploading.
    Verify(verify::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Download(a) => download::run(ctx, a).await,
            Command::InitRecovery(a) => init_recovery::run(ctx, a).await,
            Command::Upload(a) => upload::run(ctx, a).await,
            Command::RestoreBlob(a) => restore_blob::run(ctx, a),
            Command::Wait(a) => wait::run(ctx, a).await,
            Command::Verify(a) => verify::run(ctx, a),
        }
    }
}
