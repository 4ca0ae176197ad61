//! `mhsm list-deleted` — list soft-deleted Managed HSMs (az keyvault list-deleted).
//!
//! Better than az: deleted HSMs are listed by default (az historically hid them and failed when
//! the vault listing failed, pain points 7 and 8).

use super::{CliError, Ctx, view};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// When --resource-type is not present the command will list all deleted Vaults and HSMs. Possible values for --resource-type are vault and hsm.
    #[arg(long = "resource-type")]
    pub resource_type: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { resource_type } = args;
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
    let deleted = ctx.client().await?.list_deleted_managed_hsms().await?;
    ctx.print(&serde_json::Value::Array(
        deleted.iter().map(view::deleted_hsm).collect(),
    ))
}
