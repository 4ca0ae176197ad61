//! `mhsm role definition delete` — delete a custom role (az keyvault role definition delete).
//! Its assignments remain but grant nothing (they are "defunct"). Deleting a definition that does
//! not exist succeeds, as in az (whose SDK ignores the 404), but mhsm says so on stderr.

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
    match ctx
        .client()
        .await?
        .delete_role_definition(&endpoint, &name)
        .await
    {
        Err(e) if e.status() == Some(404) => {
            ctx.printer.warning(&format!(
                "Role definition '{name}' does not exist on this HSM: nothing was deleted."
            ));
            Ok(())
        }
        r => r.map(|_| ()).map_err(Into::into),
    }
}
