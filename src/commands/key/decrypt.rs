//! `mhsm key decrypt` — decrypt data with the HSM (az keyvault key decrypt).

use super::common::{KeyTarget, VersionArg, key_of, unhex};
use super::encrypt::ENC_ALGS;
use crate::client::keys::CryptoOp;
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64_std_encode, b64url_decode_lenient, b64url_encode};
use crate::wire::keys::KeyOperationsParameters;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, ENC_ALGS))]
    pub algorithm: String,
    /// The ciphertext, base64.
    #[arg(long, required = true)]
    pub value: String,
    /// How to print the result: base64 or plaintext (UTF-8).
    #[arg(long = "data-type", default_value = "base64", value_parser = ["base64", "plaintext"])]
    pub data_type: String,
    /// Initialization vector, hex (AES).
    #[arg(long)]
    pub iv: Option<String>,
    /// Additional authenticated data, hex (AES-GCM).
    #[arg(long)]
    pub aad: Option<String>,
    /// Authentication tag, hex (AES-GCM).
    #[arg(long)]
    pub tag: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        value,
        data_type,
        iv,
        aad,
        tag,
    } = args;
    let ct =
        b64_std_decode(&value).map_err(|_| CliError::Invalid("--value is not base64.".into()))?;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let params = KeyOperationsParameters {
        alg: algorithm.clone(),
        value: b64url_encode(&ct),
        iv: iv
            .map(|h| unhex(&h, "--iv"))
            .transpose()?
            .as_deref()
            .map(b64url_encode),
        aad: aad
            .map(|h| unhex(&h, "--aad"))
            .transpose()?
            .as_deref()
            .map(b64url_encode),
        tag: tag
            .map(|h| unhex(&h, "--tag"))
            .transpose()?
            .as_deref()
            .map(b64url_encode),
    };
    let r = ctx
        .client()
        .await?
        .key_crypt(&k, CryptoOp::Decrypt, &params)
        .await?;
    let pt = zeroize::Zeroizing::new(
        b64url_decode_lenient(&r.value)
            .map_err(|e| CliError::Invalid(format!("The HSM returned malformed data: {e}")))?,
    );
    let result = if data_type == "plaintext" {
        String::from_utf8(pt.to_vec()).map_err(|_| {
            CliError::Invalid("The plaintext is not UTF-8: use --data-type base64.".into())
        })?
    } else {
        b64_std_encode(&pt)
    };
    ctx.print(&serde_json::json!({"algorithm": algorithm, "kid": r.kid, "result": result}))
}
