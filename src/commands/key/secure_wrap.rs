//! `mhsm key secure-wrap` (api 2026-04-01; az has none) — the HSM generates a new AES-256 key
//! inside its trusted execution environment and returns it wrapped with an HSM key; the
//! plaintext never leaves the HSM (get it back into an attested TEE with `key secure-unwrap`).

use super::common::{KeyTarget, VersionArg, key_of, std_b64};
use crate::commands::{CliError, Ctx};
use crate::wire::secure_keys::{SECURE_WRAP_ALGORITHMS, SecureKeyWrapParameters};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Wrap algorithm: RSA-OAEP-256 (RSA keys), A128KW/A192KW/A256KW, A128KWPAD/A192KWPAD/
    /// A256KWPAD (AES keys of that size), CKM_AES_KEY_WRAP, CKM_AES_KEY_WRAP_PAD.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, &SECURE_WRAP_ALGORITHMS))]
    pub algorithm: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
    } = args;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let r = ctx
        .client()
        .await?
        .secure_wrap_key(
            &k,
            &SecureKeyWrapParameters {
                alg: algorithm.clone(),
            },
        )
        .await?;
    // The shape of 'key wrap' (algorithm, kid, result as standard base64).
    ctx.print(
        &serde_json::json!({"algorithm": r.alg, "kid": r.kid, "result": std_b64(&Some(r.value))}),
    )
}
