//! `mhsm network-rule list` — the HSM's `properties.networkAcls` (az keyvault network-rule list
//! --hsm-name): `bypass`, `defaultAction`, `ipRules`, `serviceTags`, `virtualNetworkRules`.

use crate::commands::{CliError, Ctx, resolve_resource_group, view};

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
    let v = view::managed_hsm(&hsm);
    // az returns the SDK model (or None, which prints nothing).
    match &v["properties"]["networkAcls"] {
        serde_json::Value::Null => Ok(()),
        acls => ctx.print(acls),
    }
}
