//! `mhsm purge` — permanently delete a soft-deleted Managed HSM (az keyvault purge --hsm-name).
//!
//! Better than az: the location is looked up when omitted, and when the HSM cannot be found the
//! error says where to find the location it needs (az pain point 7).

use super::show_deleted::find_deleted;
use super::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the deleted HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Location of the deleted HSM (looked up in 'mhsm list-deleted' when omitted).
    #[arg(short = 'l', long)]
    pub location: Option<String>,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        location,
        no_wait,
    } = args;
    let d = find_deleted(ctx, &hsm_name, location).await.map_err(|e| match e {
        CliError::Hinted(inner, _) => CliError::Hinted(
            inner,
            "Purging needs the deleted HSM's location: 'mhsm list-deleted' shows it (properties.location); pass it with --location/-l.".into(),
        ),
        other => other,
    })?;
    let loc = d
        .properties
        .as_ref()
        .and_then(|p| p.location.clone())
        .ok_or_else(|| CliError::Invalid("The deleted HSM has no location.".into()))?;
    let name = d.name.clone().unwrap_or(hsm_name);
    let client = ctx.client().await?;
    let poller = client.begin_purge_managed_hsm(&loc, &name).await?;
    if no_wait {
        return Ok(());
    }
    client
        .wait_arm(poller, &format!("Purging Managed HSM '{name}'"))
        .await?;
    Ok(())
}
