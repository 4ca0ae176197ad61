//! `mhsm role assignment` — create, delete and list role assignments.

pub mod bulk;
pub mod create;
pub mod delete;
pub mod list;

use clap::Subcommand;

use crate::commands::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a role assignment (or many, from a file with --file).
    Create(create::Args),
    /// Delete role assignments.
    Delete(delete::Args),
    /// List role assignments.
    List(list::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Create(a) => create::run(ctx, a).await,
            Command::Delete(a) => delete::run(ctx, a).await,
            Command::List(a) => list::run(ctx, a).await,
        }
    }
}
