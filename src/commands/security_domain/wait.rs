//! `mhsm security-domain wait` — wait for a security-domain download or upload to finish.
//!
//! Better than az: a timeout is an error (az prints nothing and exits 0), and
//! `--target-operation restore_blob` — an offline operation — says so at once instead of
//! sleeping 150 seconds.

use std::time::Duration;

use super::common::{MISSING_HSM, status_view, wait_for};
use crate::cli::HsmTarget;
use crate::client::security_domain::SdPoller;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::security_domain::SD_API_VERSION;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// The operation to wait for.
    #[arg(long = "target-operation", default_value = "upload", value_parser = ["upload", "download", "restore_blob"])]
    pub target_operation: String,
    /// Maximum wait in seconds (az's fixed 150 s by default); running out of time is an error.
    #[arg(long, default_value_t = 150)]
    pub timeout: u64,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        target_operation,
        timeout,
    } = args;
    if target_operation == "restore_blob" {
        return Err(CliError::Invalid(
            "'restore_blob' is an offline operation ('mhsm security-domain restore-blob'): there is nothing to wait for.".into(),
        ));
    }
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let client = ctx.client().await?;
    let url = endpoint.url(
        &format!("/securitydomain/{target_operation}/pending"),
        SD_API_VERSION,
    )?;
    let poller = SdPoller {
        url,
        retry_after: Some(Duration::from_secs(5)),
    };
    let what = format!("security domain {target_operation}");
    let status = wait_for(
        ctx,
        client,
        &endpoint,
        &poller,
        &what,
        Duration::from_secs(timeout),
    )
    .await?;
    ctx.print(&status_view(&status))
}
