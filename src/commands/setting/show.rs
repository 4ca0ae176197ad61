//! `mhsm setting show` — show one setting (az keyvault setting show); a setting the HSM does not
//! have exits with code 3.

use super::{MISSING_HSM, view};
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// Name of the setting (e.g. AllowKeyManagementOperationsThroughARM).
    #[arg(short = 'n', long = "name")]
    pub name: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm, name } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let s = ctx.client().await?.get_setting(&endpoint, &name).await?;
    ctx.print(&view(&s))
}
