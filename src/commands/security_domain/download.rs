//! `mhsm security-domain download` — activate the HSM: it splits its master key to the given
//! certificates (quorum M of N) and returns the security-domain file.
//!
//! Better than az: the file is written (owner-only) as soon as the service returns it, before
//! waiting for activation, so an interrupted wait never loses the only copy; the quorum is
//! checked against the number of certificates.

use std::path::PathBuf;
use std::time::Duration;

use super::common::{MISSING_HSM, check_new_file, status_view, wait_for, write_new_file};
use crate::cli::HsmTarget;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::crypto::cert::{Certificate, download_request_body};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// 3 to 10 PEM certificate files (RSA ≥ 2048): the security domain is split among their keys.
    #[arg(long = "sd-wrapping-keys", num_args = 1.., required = true)]
    pub sd_wrapping_keys: Vec<PathBuf>,
    /// The minimum number of shares (keys) needed to recover the security domain (2–10).
    #[arg(long = "sd-quorum", required = true)]
    pub sd_quorum: u32,
    /// Path of the file to write (must not exist).
    #[arg(long = "security-domain-file", required = true)]
    pub security_domain_file: PathBuf,
    /// Do not wait for the activation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        sd_wrapping_keys,
        sd_quorum,
        security_domain_file,
        no_wait,
    } = args;
    // az's checks, in az's order, before any network call.
    check_new_file(&security_domain_file)?;
    let n = sd_wrapping_keys.len();
    if !(3..=10).contains(&n) {
        return Err(CliError::Invalid(format!(
            "The number of wrapping keys ({n}) should be in range [3, 10]."
        )));
    }
    if !(2..=10).contains(&sd_quorum) {
        return Err(CliError::Invalid(format!(
            "The quorum of security domain ({sd_quorum}) should be in range [2, 10]."
        )));
    }
    if sd_quorum as usize > n {
        return Err(CliError::Invalid(format!(
            "The quorum ({sd_quorum}) cannot exceed the number of wrapping keys ({n}): the security domain could never be recovered."
        )));
    }
    let mut certs = Vec::new();
    for p in &sd_wrapping_keys {
        let bytes = std::fs::read(p)
            .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", p.display())))?;
        let cert = Certificate::from_pem(&bytes)
            .map_err(|e| CliError::Invalid(format!("{}: {e}", p.display())))?;
        certs.push(cert);
    }
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let client = ctx.client().await?;
    let (sd, poller) = client
        .sd_download(&endpoint, download_request_body(&certs, sd_quorum as u8))
        .await?;
    write_new_file(&security_domain_file, sd.as_bytes(), true)?;
    if no_wait {
        return Ok(());
    }
    let status = wait_for(
        ctx,
        client,
        &endpoint,
        &poller,
        "security domain download",
        Duration::from_secs(1800),
    )
    .await?;
    if !status.is_success() {
        return Err(CliError::Invalid(format!(
            "The security domain download failed: {} (the file {} holds what the HSM returned).",
            status.status_details.unwrap_or(status.status),
            security_domain_file.display()
        )));
    }
    let final_status = client.sd_pending(&endpoint, false).await?;
    ctx.print(&status_view(&final_status))
}
