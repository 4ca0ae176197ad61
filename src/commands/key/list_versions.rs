//! `mhsm key list-versions` — list the versions of a key (az keyvault key list-versions).

use super::common::{KeyTarget, key_item, key_list_table, key_of};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    /// Maximum number of versions to return.
    #[arg(long)]
    pub maxresults: Option<u32>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key, maxresults } = args;
    let k = key_of(ctx, &key, None, "keys").await?;
    let items = ctx
        .client()
        .await?
        .list_key_versions(&k.hsm, &k.name, maxresults.map(|m| m.clamp(1, 25)))
        .await?;
    let v: Vec<serde_json::Value> = items
        .iter()
        .take(maxresults.map(|m| m as usize).unwrap_or(usize::MAX))
        .map(key_item)
        .collect();
    ctx.print_table(&serde_json::Value::Array(v), &key_list_table)
}
