//! `mhsm key list-deleted` — list soft-deleted keys (az keyvault key list-deleted).

use super::common::{HsmOnly, hsm_of, key_item, key_list_table};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmOnly,
    /// Maximum number of keys to return.
    #[arg(long)]
    pub maxresults: Option<u32>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm, maxresults } = args;
    let endpoint = hsm_of(ctx, &hsm).await?;
    let items = ctx
        .client()
        .await?
        .list_deleted_keys(&endpoint, maxresults.map(|m| m.clamp(1, 25)))
        .await?;
    let v: Vec<serde_json::Value> = items
        .iter()
        .take(maxresults.map(|m| m as usize).unwrap_or(usize::MAX))
        .map(key_item)
        .collect();
    ctx.print_table(&serde_json::Value::Array(v), &key_list_table)
}
