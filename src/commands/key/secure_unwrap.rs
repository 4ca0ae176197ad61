//! `mhsm key secure-unwrap` (api 2026-04-01; az has none) — unwrap a key made by `key
//! secure-wrap` into the trusted execution environment attested by a Microsoft Azure
//! Attestation token. (mhsm-emulator answers 501: it cannot validate attestation tokens.)

use super::common::{KeyTarget, VersionArg, key_of, std_b64};
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64url_encode};
use crate::wire::secure_keys::{SECURE_WRAP_ALGORITHMS, SecureKeyUnwrapParameters};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// The algorithm the key was secure-wrapped with.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, &SECURE_WRAP_ALGORITHMS))]
    pub algorithm: String,
    /// The wrapped key ('result' of key secure-wrap), base64.
    #[arg(long, required = true)]
    pub value: String,
    /// The attestation token (MAA JWT) of the target TEE, or @FILE to read it from a file.
    #[arg(long, required = true)]
    pub target: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        value,
        target,
    } = args;
    let wrapped =
        b64_std_decode(&value).map_err(|_| CliError::Invalid("--value is not base64.".into()))?;
    let target = match target.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| CliError::Invalid(format!("Cannot read {path}: {e}")))?
            .trim()
            .to_string(),
        None => target,
    };
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let r = ctx
        .client()
        .await?
        .secure_unwrap_key(
            &k,
            &SecureKeyUnwrapParameters {
                alg: algorithm,
                value: b64url_encode(&wrapped),
                target,
            },
        )
        .await?;
    ctx.print(
        &serde_json::json!({"algorithm": r.alg, "kid": r.kid, "result": std_b64(&Some(r.value))}),
    )
}
