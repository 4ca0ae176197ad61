//! `mhsm diagnostic-setting delete` — removes a diagnostic setting of an HSM (prints nothing).

use super::HsmArgs;
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmArgs,
    /// Name of the diagnostic setting.
    #[arg(short = 'n', long = "name")]
    pub name: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm, name } = args;
    let id = hsm.resource_id(ctx).await?;
    ctx.client()
        .await?
        .delete_diagnostic_setting(&id, &name)
        .await?;
    Ok(())
}
