//! `mhsm key rotation-policy` — show and update a key's rotation policy.

pub mod show;
pub mod update;

use clap::Subcommand;
use serde_json::{Value, json};

use crate::commands::{CliError, Ctx};
use crate::wire::keys::KeyRotationPolicy;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show a key's rotation policy.
    Show(show::Args),
    /// Update a key's rotation policy.
    Update(update::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Show(a) => show::run(ctx, a).await,
            Command::Update(a) => update::run(ctx, a).await,
        }
    }
}

/// az's output of a rotation policy (`createdOn`, `expiresIn`, flattened `lifetimeActions`).
pub fn view(p: &KeyRotationPolicy) -> Value {
    let epoch = |v: Option<i64>| {
        v.map(|s| Value::String(crate::commands::view::az_epoch(s)))
            .unwrap_or(Value::Null)
    };
    let attrs = p.attributes.clone().unwrap_or_default();
    json!({
        "createdOn": epoch(attrs.created),
        "expiresIn": attrs.expiry_time,
        "id": p.id,
        "lifetimeActions": p.lifetime_actions.as_ref().map(|l| l.iter().map(|a| json!({
            "action": a.action.kind,
            "timeAfterCreate": a.trigger.time_after_create,
            "timeBeforeExpiry": a.trigger.time_before_expiry,
        })).collect::<Vec<_>>()),
        "updatedOn": epoch(attrs.updated),
    })
}
