//! `mhsm key list` — list the keys of an HSM (az keyvault key list).
//!
//! Better than az: `--maxresults N` stops reading pages once N keys are in hand (az downloads
//! every page, then truncates).

use super::common::{HsmOnly, hsm_of, key_item, key_list_table};
use crate::cli::parse_bool;
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmOnly,
    /// Maximum number of keys to return.
    #[arg(long)]
    pub maxresults: Option<u32>,
    /// Include managed keys (created by a service on your behalf).
    #[arg(long = "include-managed", num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub include_managed: Option<bool>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        maxresults,
        include_managed,
    } = args;
    let endpoint = hsm_of(ctx, &hsm).await?;
    let page = maxresults.map(|m| m.clamp(1, 25));
    let items = ctx.client().await?.list_keys(&endpoint, page).await?;
    let v: Vec<serde_json::Value> = items
        .iter()
        .filter(|i| include_managed.unwrap_or(false) || i.managed != Some(true))
        .take(maxresults.map(|m| m as usize).unwrap_or(usize::MAX))
        .map(key_item)
        .collect();
    ctx.print_table(&serde_json::Value::Array(v), &key_list_table)
}
