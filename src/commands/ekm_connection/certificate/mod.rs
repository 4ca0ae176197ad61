//! `mhsm ekm-connection certificate` — the client certificate the HSM presents to its EKM proxy.

pub mod show;

use clap::Subcommand;

use crate::commands::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the CA chain and subject CN of the HSM's EKM client certificate (what the proxy
    /// allow-lists).
    Show(show::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Show(a) => show::run(ctx, a).await,
        }
    }
}
