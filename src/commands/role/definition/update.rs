//! `mhsm role definition update` — update a custom role (az keyvault role definition update).

use super::create::{name_of, properties, read_definition};
use crate::commands::role::common::{self, MISSING_HSM_DEFINITION};
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// Description of a role as JSON, or a path to a file containing a JSON description; must include "name" or "id".
    #[arg(long = "role-definition")]
    pub role_definition: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        role_definition,
    } = args;
    let m = read_definition(&role_definition)?;
    let name = name_of(&m).ok_or_else(|| {
        CliError::Invalid(
            "Please provide \"name\" or \"id\" property in your role definition JSON content."
                .into(),
        )
    })?;
    let props = properties(&m)?;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_DEFINITION).await?;
    let d = ctx
        .client()
        .await?
        .set_role_definition(&endpoint, &name, props)
        .await?;
    // No table transformer in az (only list has one): auto-table.
    ctx.print(&common::definition_view(&d))
}
