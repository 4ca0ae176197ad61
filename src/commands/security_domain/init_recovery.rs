//! `mhsm security-domain init-recovery` — fetch the exchange key of a new HSM and save its
//! certificate (PEM, 65-character lines, no trailing newline — exactly as az writes it).

use std::path::PathBuf;

use super::common::{MISSING_HSM, check_new_file, write_new_file};
use crate::cli::HsmTarget;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::crypto::cert::to_pem_65;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// Path of the exchange-key certificate file to write (must not exist).
    #[arg(long = "sd-exchange-key", required = true)]
    pub sd_exchange_key: PathBuf,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        sd_exchange_key,
    } = args;
    check_new_file(&sd_exchange_key)?;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let resp = ctx.client().await?.sd_transfer_key(&endpoint).await?;
    // The service sends the JWK as a JSON string inside the JSON.
    let jwk: serde_json::Value = serde_json::from_str(&resp.transfer_key)
        .map_err(|e| CliError::Invalid(format!("The HSM's transfer key is not a JWK: {e}")))?;
    let x5c = jwk["x5c"][0]
        .as_str()
        .ok_or_else(|| CliError::Invalid("Insufficient x5c.".into()))?;
    let der = crate::crypto::b64::b64_std_decode(x5c).map_err(|e| {
        CliError::Invalid(format!("The transfer key certificate is not base64: {e}"))
    })?;
    write_new_file(&sd_exchange_key, to_pem_65(&der).as_bytes(), false)
}
