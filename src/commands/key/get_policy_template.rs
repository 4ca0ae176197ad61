//! `mhsm key get-policy-template` — a release-policy template (az keyvault key get-policy-template).

use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<(), CliError> {
    ctx.print(&serde_json::json!({
        "anyOf": [{"allOf": [{"claim": "<claim name>", "equals": "<value to match>"}], "authority": "<issuer>"}],
        "version": "1.0.0",
    }))
}
