//! `mhsm private-endpoint-connection list` — the connections of an HSM (az keyvault
//! private-endpoint-connection list --hsm-name).

use super::connection_view;
use crate::commands::{CliError, Ctx, resolve_resource_group};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
    } = args;
    let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
    let all = ctx.client().await?.list_mhsm_pecs(&rg, &hsm_name).await?;
    ctx.print(&serde_json::Value::Array(
        all.iter().map(connection_view).collect(),
    ))
}
