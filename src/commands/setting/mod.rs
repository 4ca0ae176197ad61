//! `mhsm setting` — the HSM's account settings (az keyvault setting): list, show, update.

pub mod list;
pub mod show;
pub mod update;

use clap::Subcommand;
use serde_json::Value;

use crate::commands::{CliError, Ctx};
use crate::wire::settings::{Setting, SettingView};

/// az's "missing HSM" message of `setting` commands.
pub const MISSING_HSM: &str = "Please specify --hsm-name or --id.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the HSM's settings.
    List(list::Args),
    /// Show one setting (a missing setting exits with code 3).
    Show(show::Args),
    /// Update a setting's value.
    Update(update::Args),
}

impl Command {
    pub fn is_show(&self) -> bool {
        matches!(self, Command::Show(_))
    }

    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::List(a) => list::run(ctx, a).await,
            Command::Show(a) => show::run(ctx, a).await,
            Command::Update(a) => update::run(ctx, a).await,
        }
    }
}

/// az's output of a setting: `{name, settingType, value}` (no table transformer: the auto-table
/// of sorted keys gives `Name  SettingType  Value`).
pub fn view(s: &Setting) -> Value {
    serde_json::to_value(SettingView::from(s)).expect("a setting serialises")
}
