//! `mhsm key secure-unwrap` (api 2026-04-01; az has none) — unwrap a key made by `key
//! secure-wrap` into the trusted execution environment attested by an attestation token
//! (`--target`, a Microsoft Azure Attestation JWT, or one from `mhsm-emulator attest`).
//!
//! Without `--runtime-key` it prints the HSM's answer (`algorithm`, `kid`, `result` as standard
//! base64: the AES key wrapped to the token's runtime key). With the TEE's private key it does
//! what the TEE would: unwraps `result` (`CKM_RSA_AES_KEY_WRAP`: RSA-OAEP-SHA1, then AES key
//! wrap with padding, RFC 5649 — the format mhsm-emulator returns, as release's default) and
//! writes the AES key's raw bytes to `--file` (mode 0600); the key never prints.

use std::path::PathBuf;

use serde_json::json;

use super::common::{KeyTarget, VersionArg, key_of, runtime_key_pkcs8, std_b64};
use crate::commands::security_domain::common::{check_new_file, write_new_file};
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64url_decode_lenient, b64url_encode};
use crate::crypto::release::{ReleaseEnc, unwrap};
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
    /// The attestation token (JWT) of the target TEE, or a file holding it (FILE or @FILE).
    #[arg(
        long,
        required_unless_present = "target_file",
        conflicts_with = "target_file"
    )]
    pub target: Option<String>,
    /// A file holding the attestation token of the target TEE.
    #[arg(long = "target-file", value_name = "FILE")]
    pub target_file: Option<PathBuf>,
    /// The runtime (TEE) RSA private key, PEM: unwrap the answer and write the AES key to --file.
    #[arg(long = "runtime-key", value_name = "PEM_FILE", requires = "file")]
    pub runtime_key: Option<PathBuf>,
    /// File to write the unwrapped AES key to (raw bytes, mode 0600; must not exist).
    #[arg(short = 'f', long, requires = "runtime_key")]
    pub file: Option<PathBuf>,
}

fn read_token(path: &std::path::Path) -> Result<String, CliError> {
    Ok(std::fs::read_to_string(path)
        .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", path.display())))?
        .trim()
        .to_string())
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        value,
        target,
        target_file,
        runtime_key,
        file,
    } = args;
    if let Some(f) = &file {
        check_new_file(f)?;
    }
    let runtime = runtime_key.as_deref().map(runtime_key_pkcs8).transpose()?;
    let wrapped =
        b64_std_decode(&value).map_err(|_| CliError::Invalid("--value is not base64.".into()))?;
    // The token itself, @FILE, a file holding it, or --target-file.
    let target = match (target, target_file) {
        (_, Some(f)) => read_token(&f)?,
        (Some(t), None) => match t.strip_prefix('@') {
            Some(path) => read_token(std::path::Path::new(path))?,
            None if std::path::Path::new(&t).is_file() => read_token(std::path::Path::new(&t))?,
            None => t.trim().to_string(),
        },
        (None, None) => {
            return Err(CliError::Invalid("Give --target or --target-file.".into()));
        }
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
    let (Some(pkcs8), Some(file)) = (runtime, file) else {
        return ctx
            .print(&json!({"algorithm": r.alg, "kid": r.kid, "result": std_b64(&Some(r.value))}));
    };
    let ct = b64url_decode_lenient(&r.value)
        .map_err(|_| CliError::Invalid("The HSM's answer is not base64url.".into()))?;
    let enc = ReleaseEnc::CkmRsaAesKeyWrap;
    let aes = unwrap(enc, &pkcs8, &ct).map_err(|e| {
        CliError::Invalid(format!(
            "The HSM's answer does not unwrap with the runtime key: {e}"
        ))
    })?;
    write_new_file(&file, &aes, true)?;
    ctx.print(&json!({
        "algorithm": r.alg,
        "enc": enc.name(),
        "file": file.display().to_string(),
        "keySize": aes.len() * 8,
        "kid": r.kid,
    }))
}
