//! `mhsm key unwrap` (mhsm addition; az has none) — unwrap a wrapped key with an HSM key.

use super::common::{KeyTarget, VersionArg, key_of, std_b64};
use super::wrap::WRAP_ALGS;
use crate::client::keys::CryptoOp;
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64url_encode};
use crate::wire::keys::KeyOperationsParameters;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, WRAP_ALGS))]
    pub algorithm: String,
    /// The wrapped key, base64.
    #[arg(long, required = true)]
    pub value: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        value,
    } = args;
    let wrapped =
        b64_std_decode(&value).map_err(|_| CliError::Invalid("--value is not base64.".into()))?;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let params = KeyOperationsParameters {
        alg: algorithm.clone(),
        value: b64url_encode(&wrapped),
        ..Default::default()
    };
    let r = ctx
        .client()
        .await?
        .key_crypt(&k, CryptoOp::UnwrapKey, &params)
        .await?;
    ctx.print(&serde_json::json!({"algorithm": algorithm, "kid": r.kid, "result": std_b64(&Some(r.value))}))
}
