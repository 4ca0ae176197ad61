//! `mhsm key sign` — sign a digest (az keyvault key sign): one request to the HSM.

use super::common::{KeyTarget, VersionArg, key_of, std_b64};
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64url_encode};
use crate::wire::keys::KeySignParameters;

pub const SIGN_ALGS: &[&str] = &[
    "ES256", "ES256K", "ES384", "ES512", "HS256", "HS384", "HS512", "PS256", "PS384", "PS512",
    "RS256", "RS384", "RS512",
];

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, SIGN_ALGS))]
    pub algorithm: String,
    /// The value (digest) to sign, base64.
    #[arg(long, required = true)]
    pub digest: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        digest,
    } = args;
    let bytes =
        b64_std_decode(&digest).map_err(|_| CliError::Invalid("--digest is not base64.".into()))?;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let r = ctx
        .client()
        .await?
        .sign(
            &k,
            &KeySignParameters {
                alg: algorithm.clone(),
                value: b64url_encode(&bytes),
            },
        )
        .await?;
    ctx.print(&serde_json::json!({"algorithm": algorithm, "keyId": r.kid, "signature": std_b64(&Some(r.value))}))
}
