//! `mhsm role` — the Managed HSM's local RBAC (az keyvault role): assignments and definitions.

pub mod apply;
pub mod assignment;
pub mod code;
pub mod common;
pub mod definition;
pub mod export;
pub mod plan;
pub mod state;

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
    /// Write the HSM's custom roles and role assignments as a document (YAML/JSON) for `role
    /// plan` and `role apply` — local RBAC as code.
    Export(export::Args),
    /// Show what `role apply` would change to make the HSM match a document (exit 4 when
    /// something would change, 0 when nothing).
    Plan(plan::Args),
    /// Make the HSM's custom roles and role assignments match a document (idempotent).
    Apply(apply::Args),
}

impl Command {
    pub fn is_show(&self) -> bool {
        matches!(self, Command::Definition(definition::Command::Show(_)))
    }

    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Assignment(c) => c.run(ctx).await,
            Command::Definition(c) => c.run(ctx).await,
            Command::Export(a) => export::run(ctx, a).await,
            Command::Plan(a) => plan::run(ctx, a).await,
            Command::Apply(a) => apply::run(ctx, a).await,
        }
    }
}
