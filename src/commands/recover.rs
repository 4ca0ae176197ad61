//! `mhsm recover` — recover a soft-deleted Managed HSM (az keyvault recover --hsm-name).
//!
//! Better than az: the HSM's own SKU and tags are kept (az always sends Standard_B1), and the
//! resource-group mismatch error names the HSM (az prints "None").

use super::show_deleted::find_deleted;
use super::{CliError, Ctx, view};
use crate::wire::arm::{ManagedHsm, ManagedHsmProperties};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the deleted HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Resource group of the deleted HSM (must be its original one; looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    /// Location of the deleted HSM (looked up when omitted).
    #[arg(short = 'l', long)]
    pub location: Option<String>,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
        location,
        no_wait,
    } = args;
    let d = find_deleted(ctx, &hsm_name, location).await?;
    let props = d.properties.clone().unwrap_or_default();
    let original_rg = props
        .mhsm_id
        .as_deref()
        .and_then(view::resource_group_of)
        .ok_or_else(|| {
            CliError::Invalid("The deleted HSM does not name its resource group.".into())
        })?;
    if let Some(rg) = &resource_group
        && !rg.eq_ignore_ascii_case(&original_rg)
    {
        return Err(CliError::Invalid(format!(
            "The specified resource group does not match that of the deleted vault or hsm {hsm_name}. The vault or hsm must be recovered to the original resource group {original_rg}."
        )));
    }
    let client = ctx.client().await?;
    let tenant = match &client.cloud.tenant_id {
        Some(t) => t.clone(),
        None => super::create::tenant_of_subscription(client).await?,
    };
    let name = d.name.clone().unwrap_or(hsm_name);
    let body = ManagedHsm {
        location: props.location.clone(),
        tags: props.tags.clone(),
        properties: Some(ManagedHsmProperties {
            tenant_id: Some(tenant),
            // az capitalises it on purpose; the service is case-insensitive.
            create_mode: Some("Recover".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let poller = client
        .begin_put_managed_hsm(&original_rg, &name, &body)
        .await?;
    if no_wait {
        return Ok(());
    }
    let hsm = client
        .wait_arm(poller, &format!("Recovering Managed HSM '{name}'"))
        .await?
        .ok_or_else(|| CliError::Invalid("The service returned no HSM after recovery.".into()))?;
    ctx.print_table(&view::managed_hsm(&hsm), &view::hsm_table)
}
