//! `mhsm role definition show` — show a role definition (az keyvault role definition show).
//! A missing definition exits with code 3.

use super::definition_name;
use crate::commands::role::common::{self, MISSING_HSM_DEFINITION};
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// The role definition's name (a GUID).
    #[arg(short = 'n', long = "name")]
    pub name: Option<String>,
    /// The role definition's id.
    #[arg(long = "role-id")]
    pub role_id: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm, name, role_id } = args;
    let name = definition_name(name, role_id)?;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_DEFINITION).await?;
    let d = ctx
        .client()
        .await?
        .get_role_definition(&endpoint, &name)
        .await?;
    // No table transformer in az (only list has one): auto-table.
    ctx.print(&common::definition_view(&d))
}
