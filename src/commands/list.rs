//! `mhsm list` — list Managed HSMs (az keyvault list).
//!
//! Better than az: errors are reported, never swallowed into a silently partial list (az pain
//! point, az-surface.md §9.10). mhsm manages HSMs only, so `--resource-type vault` lists nothing.

use super::{CliError, Ctx, view};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    /// When --resource-type is not present the command will list all Vaults and HSMs. Possible values for --resource-type are vault and hsm.
    #[arg(long = "resource-type")]
    pub resource_type: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        resource_group,
        resource_type,
    } = args;
    match resource_type
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("hsm") => {}
        Some("vault") => return ctx.print(&serde_json::json!([])),
        Some(other) => {
            return Err(CliError::Invalid(format!(
                "Unsupported resource type: {other}"
            )));
        }
    }
    let hsms = ctx
        .client()
        .await?
        .list_managed_hsms(resource_group.as_deref())
        .await?;
    let v = serde_json::Value::Array(hsms.iter().map(view::managed_hsm).collect());
    ctx.print_table(&v, &view::hsm_table)
}
