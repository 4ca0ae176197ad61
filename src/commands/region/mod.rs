//! `mhsm region` — multi-region replication of a Managed HSM (az keyvault region … --hsm-name):
//! add or remove the secondary region, list the regions, wait for the update to finish.
//!
//! As az: `add`/`remove` GET the HSM, edit `properties.regions` (names compared case-sensitively),
//! and PATCH the whole resource only when something changed; otherwise they warn and print the
//! HSM as read.

pub mod add;
pub mod list;
pub mod remove;
pub mod wait;

use clap::Subcommand;

use crate::commands::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a region (the secondary) to a Managed HSM.
    Add(add::Args),
    /// Remove a region from a Managed HSM.
    Remove(remove::Args),
    /// List the regions of a Managed HSM.
    List(list::Args),
    /// Wait until a Managed HSM reaches a condition (same as 'mhsm wait-hsm').
    Wait(wait::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Add(a) => add::run(ctx, a).await,
            Command::Remove(a) => remove::run(ctx, a).await,
            Command::List(a) => list::run(ctx, a).await,
            Command::Wait(a) => wait::run(ctx, a).await,
        }
    }
}

/// The flags `add` and `remove` share (az's names).
#[derive(Debug, clap::Args)]
pub struct RegionArgs {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    /// The region name (e.g. westus3). Compared case-sensitively with the HSM's regions, as az does.
    #[arg(short = 'r', long = "region", visible_alias = "region-name")]
    pub region: String,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

/// The `regions` entries of the viewed HSM (`properties.regions` may be absent).
fn regions(hsm: &serde_json::Value) -> Vec<serde_json::Value> {
    hsm["properties"]["regions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Whether an entry is the region `name` (az compares `existing_region.name == region_name`).
fn is_region(entry: &serde_json::Value, name: &str) -> bool {
    entry["name"].as_str() == Some(name)
}

/// az's update pattern: unchanged → print the HSM as read; changed → PATCH of the whole
/// resource, poll, GET, print (`--no-wait`: the PATCH only, no output).
async fn patch_and_print(
    ctx: &Ctx,
    rg: &str,
    hsm_name: &str,
    mut viewed: serde_json::Value,
    new_regions: Option<Vec<serde_json::Value>>,
    no_wait: bool,
) -> Result<(), CliError> {
    use crate::commands::{update_hsm, view};
    let Some(new_regions) = new_regions else {
        return ctx.print(&viewed);
    };
    viewed["properties"]["regions"] = serde_json::Value::Array(new_regions);
    let body = update_hsm::put_body(&viewed)?;
    let client = ctx.client().await?;
    let poller = client.begin_patch_managed_hsm(rg, hsm_name, &body).await?;
    if no_wait {
        return Ok(());
    }
    let hsm = client
        .wait_arm(poller, &format!("Updating the regions of '{hsm_name}'"))
        .await?
        .ok_or_else(|| CliError::Invalid("The service returned no HSM after the update.".into()))?;
    ctx.print(&view::managed_hsm(&hsm))
}
