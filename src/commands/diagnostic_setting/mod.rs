//! `mhsm diagnostic-setting` — the Azure Monitor diagnostic settings of a Managed HSM (what `az
//! monitor diagnostic-settings … --resource <hsm id>` manages): where its `AuditEvent` logs go.
//! Without one that sends `AuditEvent` somewhere, the HSM's data-plane operations are not
//! logged. Writing needs `Microsoft.Insights/diagnosticSettings/write` (e.g. Monitoring
//! Contributor or Owner), which Managed HSM Contributor does not grant.

pub mod create;
pub mod delete;
pub mod list;

use clap::Subcommand;

use crate::commands::{CliError, Ctx, resolve_resource_group};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or update a diagnostic setting of an HSM (az monitor diagnostic-settings create).
    Create(create::Args),
    /// List the diagnostic settings of an HSM.
    List(list::Args),
    /// Delete a diagnostic setting of an HSM.
    Delete(delete::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Create(a) => create::run(ctx, a).await,
            Command::List(a) => list::run(ctx, a).await,
            Command::Delete(a) => delete::run(ctx, a).await,
        }
    }
}

/// The HSM a diagnostic-setting command targets.
#[derive(Debug, clap::Args)]
pub struct HsmArgs {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Resource group of the HSM (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
}

impl HsmArgs {
    /// The HSM's ARM id.
    pub async fn resource_id(self, ctx: &Ctx) -> Result<String, CliError> {
        let HsmArgs {
            hsm_name,
            resource_group,
        } = self;
        let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
        let sub = ctx.client().await?.subscription().await?;
        Ok(format!(
            "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/managedHSMs/{hsm_name}"
        ))
    }
}
