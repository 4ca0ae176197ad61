//! `mhsm region list` — the regions of a Managed HSM (az keyvault region list --hsm-name):
//! `GET …/managedHSMs/{name}/regions`, each `{isPrimary, name, provisioningState}`.

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
    let regions = ctx
        .client()
        .await?
        .list_managed_hsm_regions(&rg, &hsm_name)
        .await?;
    // az prints the SDK model: every member, null when absent.
    let out: Vec<serde_json::Value> = regions
        .into_iter()
        .map(|r| {
            serde_json::json!({
                "isPrimary": r.is_primary,
                "name": r.name,
                "provisioningState": r.provisioning_state,
            })
        })
        .collect();
    ctx.print(&serde_json::Value::Array(out))
}
