//! `mhsm diagnostic-setting list` — the diagnostic settings of an HSM.

use super::HsmArgs;
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmArgs,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm } = args;
    let id = hsm.resource_id(ctx).await?;
    let all = ctx.client().await?.list_diagnostic_settings(&id).await?;
    let value = serde_json::to_value(all).map_err(|e| CliError::Invalid(e.to_string()))?;
    ctx.print(&value)
}
