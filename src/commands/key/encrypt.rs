//! `mhsm key encrypt` — encrypt data (az keyvault key encrypt). RSA algorithms encrypt locally
//! with the public key, as az does (the HSM would give an equally valid ciphertext); AES
//! algorithms — including A*CBCPAD, which az encrypts locally with a random key (a silent
//! data-loss bug) — always go to the HSM.

use super::common::{KeyTarget, VersionArg, hex, key_of, std_b64, unhex};
use crate::client::keys::CryptoOp;
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64_std_encode, b64url_decode_lenient, b64url_encode};
use crate::wire::keys::KeyOperationsParameters;

pub const ENC_ALGS: &[&str] = &[
    "A128CBC",
    "A128CBCPAD",
    "A128GCM",
    "A192CBC",
    "A192CBCPAD",
    "A192GCM",
    "A256CBC",
    "A256CBCPAD",
    "A256GCM",
    "RSA-OAEP",
    "RSA-OAEP-256",
    "RSA1_5",
];

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, ENC_ALGS))]
    pub algorithm: String,
    /// The value to be encrypted (base64 by default; see --data-type).
    #[arg(long, required = true, allow_hyphen_values = true)]
    pub value: String,
    /// The type of --value: base64 or plaintext (UTF-8).
    #[arg(long = "data-type", default_value = "base64", value_parser = ["base64", "plaintext"])]
    pub data_type: String,
    /// Initialization vector, hex (AES-CBC/CBCPAD).
    #[arg(long)]
    pub iv: Option<String>,
    /// Additional authenticated data, hex (AES-GCM).
    #[arg(long)]
    pub aad: Option<String>,
}

fn hex_of(v: &Option<String>) -> serde_json::Value {
    v.as_deref()
        .and_then(|s| b64url_decode_lenient(s).ok())
        .map(|b| serde_json::Value::String(hex(&b)))
        .unwrap_or(serde_json::Value::Null)
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
    } = args;
    let plaintext = if data_type == "plaintext" {
        value.into_bytes()
    } else {
        b64_std_decode(&value).map_err(|_| {
            CliError::Invalid("--value is not base64 (use --data-type plaintext for text).".into())
        })?
    };
    let iv = iv.map(|h| unhex(&h, "--iv")).transpose()?;
    let aad = aad.map(|h| unhex(&h, "--aad")).transpose()?;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let client = ctx.client().await?;
    if algorithm.starts_with("RSA") {
        let bundle = client.get_key(&k).await?;
        let jwk: crate::crypto::jwk::JsonWebKey = serde_json::from_value(
            serde_json::to_value(&bundle.key).unwrap_or_default(),
        )
        .map_err(|e| CliError::Invalid(format!("The HSM returned an unusable public key: {e}")))?;
        let rng = aws_lc_rs::rand::SystemRandom::new();
        let ct = crate::crypto::keyops::encrypt_with_public(&jwk, &algorithm, &plaintext, &rng)
            .map_err(|e| CliError::Invalid(format!("Cannot encrypt: {e}")))?;
        return ctx.print(&serde_json::json!({
            "aad": null, "algorithm": algorithm, "iv": null, "kid": bundle.key.kid, "result": b64_std_encode(&ct), "tag": null,
        }));
    }
    let params = KeyOperationsParameters {
        alg: algorithm.clone(),
        value: b64url_encode(&plaintext),
        iv: iv.as_deref().map(b64url_encode),
        aad: aad.as_deref().map(b64url_encode),
        tag: None,
    };
    let r = client.key_crypt(&k, CryptoOp::Encrypt, &params).await?;
    ctx.print(&serde_json::json!({
        "aad": hex_of(&r.aad), "algorithm": algorithm, "iv": hex_of(&r.iv), "kid": r.kid, "result": std_b64(&Some(r.value)), "tag": hex_of(&r.tag),
    }))
}
