//! `mhsm role definition` — list, show, create, update and delete role definitions.

pub mod create;
pub mod delete;
pub mod list;
pub mod show;
pub mod update;

use clap::Subcommand;

use crate::commands::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a custom role definition.
    Create(create::Args),
    /// Update a custom role definition.
    Update(update::Args),
    /// Delete a custom role definition.
    Delete(delete::Args),
    /// List role definitions.
    List(list::Args),
    /// Show the details of a role definition.
    Show(show::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Create(a) => create::run(ctx, a).await,
            Command::Update(a) => update::run(ctx, a).await,
            Command::Delete(a) => delete::run(ctx, a).await,
            Command::List(a) => list::run(ctx, a).await,
            Command::Show(a) => show::run(ctx, a).await,
        }
    }
}

/// `--name/-n` or `--role-id` of show/delete: the definition's GUID.
pub fn definition_name(name: Option<String>, role_id: Option<String>) -> Result<String, CliError> {
    match (name, role_id) {
        (Some(n), _) => Ok(n),
        (None, Some(id)) => id
            .rsplit_once('/')
            .map(|(_, n)| n.to_string())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| CliError::Invalid(format!("The role resource id is invalid: {id}"))),
        (None, None) => Err(CliError::Invalid(
            "Please specify either --name or --role-id.".into(),
        )),
    }
}
