//! `mhsm role` — the Managed HSM's local RBAC (az keyvault role): assignments and definitions.

pub mod assignment;
pub mod common;
pub mod definition;

use clap::Subcommand;

use super::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage role assignments.
    #[command(subcommand)]
    Assignment(assignment::Command),
    /// Manage role definitions.
    #[command(subcommand)]
    Definition(definition::Command),
}

impl Command {
    pub fn is_show(&self) -> bool {
        matches!(self, Command::Definition(definition::Command::Show(_)))
    }

    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Assignment(c) => c.run(ctx).await,
            Command::Definition(c) => c.run(ctx).await,
        }
    }
}
