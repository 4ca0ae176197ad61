//! `mhsm security-domain restore-blob` (offline) — decrypt the security domain with a quorum of
//! wrapping keys and re-wrap it to a new HSM's exchange key; the blob has az's exact format.

use std::path::{Path, PathBuf};

use super::common::{WrappingKeys, crypto_error, load_wrapping_keys, read_text};
use crate::commands::{CliError, Ctx};
use crate::crypto::cert::Certificate;
use crate::crypto::sd::{SecurityDomainFile, restore_blob_from_sd};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The security-domain file (from 'download').
    #[arg(long = "sd-file", required = true)]
    pub sd_file: PathBuf,
    /// The exchange-key certificate of the new HSM (from 'init-recovery').
    #[arg(long = "sd-exchange-key", required = true)]
    pub sd_exchange_key: PathBuf,
    #[command(flatten)]
    pub keys: WrappingKeys,
    /// Path of the restore blob to write (replaced if it exists).
    #[arg(long = "sd-file-restore-blob", required = true)]
    pub sd_file_restore_blob: PathBuf,
}

/// Builds the restore blob from an SD file, keys and the exchange certificate.
pub fn build_blob(
    ctx: &Ctx,
    sd_file: &Path,
    exchange: &Path,
    keys: &WrappingKeys,
) -> Result<String, CliError> {
    if keys.keys.is_empty() {
        return Err(CliError::Usage(
            "the following arguments are required: --sd-wrapping-keys".into(),
        ));
    }
    let sd = SecurityDomainFile::parse(&read_text(sd_file)?).map_err(crypto_error)?;
    sd.check_wrapping_key_count(keys.keys.len())
        .map_err(crypto_error)?;
    if !exchange.exists() {
        return Err(CliError::Invalid(format!(
            "File {} does not exist.",
            exchange.display()
        )));
    }
    let bytes = std::fs::read(exchange)
        .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", exchange.display())))?;
    let cert = Certificate::from_pem_or_der(&bytes)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", exchange.display())))?;
    let loaded = load_wrapping_keys(ctx, keys)?;
    let pairs: Vec<_> = loaded.into_iter().map(|k| (k.key, k.x5t_s256)).collect();
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let (blob, recovery) = restore_blob_from_sd(&sd, &pairs, &cert, &rng).map_err(crypto_error)?;
    for s in &recovery.skipped {
        ctx.printer.warning(&format!(
            "Share {} could not be used with {}: {}",
            s.share_index + 1,
            keys.keys
                .get(s.key_index)
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            s.reason
        ));
    }
    Ok(blob)
}

pub fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        sd_file,
        sd_exchange_key,
        keys,
        sd_file_restore_blob,
    } = args;
    let blob = build_blob(ctx, &sd_file, &sd_exchange_key, &keys)?;
    let tmp = sd_file_restore_blob.with_extension("tmp");
    std::fs::write(&tmp, blob.as_bytes())
        .and_then(|_| std::fs::rename(&tmp, &sd_file_restore_blob))
        .map_err(|e| {
            CliError::Invalid(format!(
                "Cannot write {}: {e}",
                sd_file_restore_blob.display()
            ))
        })
}
