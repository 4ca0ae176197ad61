//! `mhsm key backup` — back up a key to a file (az keyvault key backup). The blob is encrypted by
//! the HSM and restores only into an HSM with the same security domain.
//!
//! Better than az: an existing file is not silently overwritten, and the file is owner-only.

use std::path::PathBuf;

use super::common::{KeyTarget, key_of};
use crate::commands::security_domain::common::write_new_file;
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    /// Local file path in which to store the key backup (must not exist).
    #[arg(short = 'f', long)]
    pub file: PathBuf,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key, file } = args;
    crate::commands::security_domain::common::check_new_file(&file)?;
    let k = key_of(ctx, &key, None, "keys").await?;
    let blob = ctx.client().await?.backup_key(&k.hsm, &k.name).await?;
    let bytes = crate::crypto::b64::b64url_decode_lenient(&blob)
        .map_err(|e| CliError::Invalid(format!("The HSM returned a malformed backup: {e}")))?;
    write_new_file(&file, &bytes, true)
}
