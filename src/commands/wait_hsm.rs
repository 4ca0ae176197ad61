//! `mhsm wait-hsm` — wait for a Managed HSM to reach a condition (az keyvault wait-hsm).
//!
//! Better than az: a timeout is an error (exit code 1) — az prints `{}` and exits 0, so scripts
//! cannot tell a timeout from success.

use super::conditions::WaitArgs;
use super::{CliError, Ctx, resolve_resource_group, view};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    #[command(flatten)]
    pub wait: WaitArgs,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
        wait,
    } = args;
    let condition = wait.condition()?;
    let rg = match resolve_resource_group(ctx, &hsm_name, resource_group).await {
        Ok(rg) => rg,
        Err(_) if condition.deleted() => return Ok(()),
        Err(e) => return Err(e),
    };
    let client = ctx.client().await?;
    condition
        .wait(ctx, &format!("Managed HSM '{hsm_name}'"), || async {
            match client.get_managed_hsm(&rg, &hsm_name).await {
                Ok(h) => {
                    let v = view::managed_hsm(&h);
                    let state = v["properties"]["provisioningState"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                    Ok(Some((v, state)))
                }
                Err(e) if e.status() == Some(404) => Ok(None),
                Err(e) => Err(e.into()),
            }
        })
        .await
}
