//! `mhsm ekm-connection delete` — delete the HSM's EKM connection; prints the deleted connection
//! (az keyvault ekm-connection delete).

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
    let c = ctx.client().await?.delete_ekm_connection(&endpoint).await?;
    ctx.print(&view(&c))
}
