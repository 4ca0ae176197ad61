//! `mhsm role definition delete` — delete a custom role (az keyvault role definition delete).
//! Its assignments remain but grant nothing (they are "defunct").

use super::definition_name;
use crate::commands::role::common::MISSING_HSM_DEFINITION;
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
    ctx.client()
        .await?
        .delete_role_definition(&endpoint, &name)
        .await?;
    Ok(())
}
