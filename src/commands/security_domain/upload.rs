//! `mhsm security-domain upload` — recover a new HSM: build the restore blob locally (or send
//! one made with 'restore-blob'), upload it and wait until the HSM is active.

use std::path::PathBuf;
use std::time::Duration;

use super::common::{MISSING_HSM, WrappingKeys, read_text, status_view, wait_for};
use super::restore_blob::build_blob;
use crate::cli::HsmTarget;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::crypto::pyjson::{PyJson, python_json_dumps};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// The security-domain file, or (with --restore-blob) a restore blob.
    #[arg(long = "sd-file", required = true)]
    pub sd_file: PathBuf,
    /// Upload --sd-file as it is: a blob made with 'restore-blob'.
    #[arg(long = "restore-blob")]
    pub restore_blob: bool,
    /// The exchange-key certificate from 'init-recovery' (needed without --restore-blob).
    #[arg(long = "sd-exchange-key")]
    pub sd_exchange_key: Option<PathBuf>,
    #[command(flatten)]
    pub keys: WrappingKeys,
    /// Do not wait for the restore to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        sd_file,
        restore_blob,
        sd_exchange_key,
        keys,
        no_wait,
    } = args;
    let blob = if restore_blob {
        let text = read_text(&sd_file)?;
        if text.is_empty() {
            return Err(CliError::Invalid("Empty restore_blob_value.".into()));
        }
        text
    } else {
        let exchange = sd_exchange_key.ok_or_else(|| {
            CliError::Usage("--sd-exchange-key is required unless --restore-blob is given".into())
        })?;
        build_blob(ctx, &sd_file, &exchange, &keys)?
    };
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let client = ctx.client().await?;
    let body = python_json_dumps(&PyJson::object([("value", PyJson::str(blob))]));
    let (_, poller) = client.sd_upload(&endpoint, body).await?;
    if no_wait {
        client.sd_pending(&endpoint, true).await?;
        return Ok(());
    }
    let status = wait_for(
        ctx,
        client,
        &endpoint,
        &poller,
        "security domain restore",
        Duration::from_secs(1800),
    )
    .await?;
    if !status.is_success() {
        return Err(CliError::Invalid(format!(
            "The security domain upload failed: {}",
            status.status_details.unwrap_or(status.status)
        )));
    }
    let final_status = client.sd_pending(&endpoint, true).await?;
    ctx.print(&status_view(&final_status))
}
