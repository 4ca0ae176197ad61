//! `mhsm show` — show a Managed HSM (az keyvault show --hsm-name).

use super::{CliError, Ctx, resolve_resource_group, view};

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
    let hsm = ctx.client().await?.get_managed_hsm(&rg, &hsm_name).await?;
    ctx.print_table(&view::managed_hsm(&hsm), &view::hsm_table)
}
