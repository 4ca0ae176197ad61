//! `mhsm key get-attestation` — a key's attestation (az keyvault key get-attestation).

use std::path::PathBuf;

use super::common::{KeyTarget, VersionArg, key_of, std_b64};
use crate::commands::security_domain::common::{check_new_file, write_new_file};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// File to write the attestation JSON to (must not exist).
    #[arg(short = 'f', long)]
    pub file: Option<PathBuf>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key, version, file } = args;
    if let Some(f) = &file {
        check_new_file(f)?;
    }
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let b = ctx.client().await?.get_key_attestation(&k).await?;
    let a = b.attributes.attestation.unwrap_or_default();
    let s = |name: &str| std_b64(&a[name].as_str().map(str::to_string));
    let v = serde_json::json!({
        "certificatePemFile": s("certificatePemFile"),
        "privateKeyAttestation": s("privateKeyAttestation"),
        "publicKeyAttestation": s("publicKeyAttestation"),
        "version": a["version"],
    });
    match file {
        Some(f) => write_new_file(
            &f,
            serde_json::to_string_pretty(&v)
                .unwrap_or_default()
                .as_bytes(),
            false,
        ),
        None => ctx.print(&v),
    }
}
