//! `mhsm key verify` — verify a signature of a digest (az keyvault key verify) or of a file
//! (mhsm addition: `--file`, `--signature-file`, digest computed locally). As az, RSA and
//! EC signatures are verified locally with the key's public part (the result is identical);
//! HMAC signatures are verified by the HSM. An invalid signature still exits 0 with
//! `"isValid": false`.

use std::path::PathBuf;

use super::common::{KeyTarget, VersionArg, key_of};
use super::files::file_digest;
use super::sign::{SIGN_ALGS, SigFormat};
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
    #[arg(long, required_unless_present = "file", conflicts_with = "file")]
    pub digest: Option<String>,
    /// Verify the signature of this file: its digest is computed locally (mhsm addition).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The signature to verify, base64 (as 'key sign' prints it).
    #[arg(
        long,
        required_unless_present = "signature_file",
        conflicts_with = "signature_file"
    )]
    pub signature: Option<String>,
    /// The signature to verify, a binary file (as 'key sign --signature-file' writes it).
    #[arg(long = "signature-file", value_name = "FILE")]
    pub signature_file: Option<PathBuf>,
    /// Encoding of --signature-file: raw (as Key Vault and JWS) or der (ECDSA as OpenSSL).
    #[arg(
        long = "signature-format",
        value_enum,
        default_value = "raw",
        requires = "signature_file"
    )]
    pub signature_format: SigFormat,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        digest,
        file,
        signature,
        signature_file,
        signature_format,
    } = args;
    let digest = match (&digest, &file) {
        (Some(d), _) => {
            b64_std_decode(d).map_err(|_| CliError::Invalid("--digest is not base64.".into()))?
        }
        (None, Some(f)) => file_digest(f, &algorithm)?,
        (None, None) => return Err(CliError::Usage("give --digest or --file.".into())),
    };
    let signature = match (&signature, &signature_file) {
        (Some(s), _) => {
            b64_std_decode(s).map_err(|_| CliError::Invalid("--signature is not base64.".into()))?
        }
        (None, Some(f)) => {
            let bytes =
                std::fs::read(f).map_err(|e| CliError::Invalid(format!("{}: {e}", f.display())))?;
            signature_format.decode(&algorithm, &bytes)?
        }
        (None, None) => {
            return Err(CliError::Usage(
                "give --signature or --signature-file.".into(),
            ));
        }
    };
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
