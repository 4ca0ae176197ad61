//! `mhsm setting list` — list the HSM's settings (az keyvault setting list).

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
    let settings = ctx.client().await?.list_settings(&endpoint).await?;
    ctx.print(&serde_json::Value::Array(
        settings.iter().map(view).collect(),
    ))
}
