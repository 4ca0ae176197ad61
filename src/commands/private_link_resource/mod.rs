//! `mhsm private-link-resource` — the private link resources of a Managed HSM (az keyvault
//! private-link-resource list --hsm-name): what a private endpoint connects to.

pub mod list;

use clap::Subcommand;

use crate::commands::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the private link resources supported for a Key Vault/HSM.
    List(list::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::List(a) => list::run(ctx, a).await,
        }
    }
}
