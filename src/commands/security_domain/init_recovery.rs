//! `mhsm security-domain init-recovery` — fetch the exchange key of a new HSM and save its
//! certificate (PEM, 65-character lines, no trailing newline — exactly as az writes it).

use std::path::PathBuf;

use super::common::{MISSING_HSM, check_new_file, exchange_key_pem, write_new_file};
use crate::cli::HsmTarget;
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// Path of the exchange-key certificate file to write (must not exist).
    #[arg(long = "sd-exchange-key", required = true)]
    pub sd_exchange_key: PathBuf,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        sd_exchange_key,
    } = args;
    check_new_file(&sd_exchange_key)?;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let pem = exchange_key_pem(ctx.client().await?, &endpoint).await?;
    write_new_file(&sd_exchange_key, pem.as_bytes(), false)
}
