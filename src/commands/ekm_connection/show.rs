//! `mhsm ekm-connection show` — show the HSM's EKM connection (az keyvault ekm-connection show).

use super::{MISSING_HSM, view};
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let c = ctx.client().await?.get_ekm_connection(&endpoint).await?;
    ctx.print(&view(&c))
}
