//! `mhsm check-name` — check that a Managed HSM name is valid and available
//! (az keyvault check-name). Throttling and gateway timeouts are retried with backoff (az pain
//! point 14).

use super::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The name of the HSM.
    #[arg(short = 'n', long)]
    pub name: String,
    /// Type of resource. Only 'hsm' is supported.
    #[arg(long = "resource-type", default_value = "hsm", value_parser = ["hsm"], ignore_case = true)]
    pub resource_type: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        name,
        resource_type: _,
    } = args;
    let r = ctx.client().await?.check_mhsm_name(&name).await?;
    ctx.print(&serde_json::json!({
        "message": r.message,
        "nameAvailable": r.name_available,
        "reason": r.reason,
    }))
}
