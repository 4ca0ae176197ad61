//! `mhsm delete` — soft-delete a Managed HSM (az keyvault delete --hsm-name).

use super::{CliError, Ctx, resolve_resource_group};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
        no_wait,
    } = args;
    ctx.printer.warning("This command will soft delete the resource, and you will still be billed until it is purged. For more information, go to https://aka.ms/doc/KeyVaultMHSMSoftDelete");
    let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
    let client = ctx.client().await?;
    let Some(poller) = client.begin_delete_managed_hsm(&rg, &hsm_name).await? else {
        // ARM answers 204 when there is nothing to delete; say so instead of succeeding silently.
        return Err(CliError::NotFound(format!(
            "The Managed HSM '{hsm_name}' was not found in resource group '{rg}': nothing was deleted."
        )));
    };
    if no_wait {
        return Ok(());
    }
    client
        .wait_arm(poller, &format!("Deleting Managed HSM '{hsm_name}'"))
        .await?;
    Ok(())
}
