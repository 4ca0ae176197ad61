//! `mhsm key verify` — verify a signature of a digest (az keyvault key verify). As az, RSA and
//! EC signatures are verified locally with the key's public part (the result is identical);
//! HMAC signatures are verified by the HSM. An invalid signature still exits 0 with
//! `"isValid": false`.

use super::common::{KeyTarget, VersionArg, key_of};
use super::sign::SIGN_ALGS;
use crate::client::keys::KeyRef;
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64url_encode};
use crate::wire::keys::KeyVerifyParameters;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, SIGN_ALGS))]
    pub algorithm: String,
    /// The digest that was signed, base64.
    #[arg(long, required = true)]
    pub digest: String,
    /// The signature to verify, base64.
    #[arg(long, required = true)]
    pub signature: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        digest,
        signature,
    } = args;
    let digest =
        b64_std_decode(&digest).map_err(|_| CliError::Invalid("--digest is not base64.".into()))?;
    let signature = b64_std_decode(&signature)
        .map_err(|_| CliError::Invalid("--signature is not base64.".into()))?;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let client = ctx.client().await?;
    let (valid, key_id) = if algorithm.starts_with("HS") {
        let params = KeyVerifyParameters {
            alg: algorithm.clone(),
            digest: b64url_encode(&digest),
            value: b64url_encode(&signature),
        };
        (client.verify(&k, &params).await?, key_id(&k))
    } else {
        let bundle = client.get_key(&k).await?;
        let jwk: crate::crypto::jwk::JsonWebKey = serde_json::from_value(
            serde_json::to_value(&bundle.key).unwrap_or_default(),
        )
        .map_err(|e| CliError::Invalid(format!("The HSM returned an unusable public key: {e}")))?;
        let ok = crate::crypto::keyops::verify_with_public(&jwk, &algorithm, &digest, &signature)
            .map_err(|e| CliError::Invalid(format!("Cannot verify: {e}")))?;
        (ok, bundle.key.kid.clone().unwrap_or_else(|| key_id(&k)))
    };
    ctx.print(&serde_json::json!({"algorithm": algorithm, "isValid": valid, "keyId": key_id}))
}

/// The key id (`https://<hsm>/keys/<name>[/<version>]`).
fn key_id(k: &KeyRef) -> String {
    let mut s = format!("{}keys/{}", k.hsm.base, k.name);
    if let Some(v) = &k.version {
        s.push('/');
        s.push_str(v);
    }
    s
}
