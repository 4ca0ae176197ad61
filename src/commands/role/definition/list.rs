//! `mhsm role definition list` — list role definitions (az keyvault role definition list).

use crate::commands::role::common::{self, MISSING_HSM_DEFINITION};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::rbac::Scope;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// Scope of the definitions ('/'; definitions exist only there).
    #[arg(long)]
    pub scope: Option<Scope>,
    /// Only show custom role definitions.
    #[arg(long = "custom-role-only", num_args = 0..=1, default_missing_value = "true", value_parser = crate::cli::parse_bool)]
    pub custom_role_only: Option<bool>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        scope,
        custom_role_only,
    } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_DEFINITION).await?;
    let defs = ctx
        .client()
        .await?
        .list_role_definitions(&endpoint, &scope.unwrap_or(Scope::Root))
        .await?;
    let v: Vec<serde_json::Value> = defs
        .iter()
        .filter(|d| {
            !custom_role_only.unwrap_or(false)
                || d.properties.role_type.as_deref() == Some("CustomRole")
        })
        .map(common::definition_view)
        .collect();
    ctx.print_table(&serde_json::Value::Array(v), &common::definition_table)
}
