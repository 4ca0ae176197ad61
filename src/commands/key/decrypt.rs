//! `mhsm key decrypt` — decrypt data with the HSM (az keyvault key decrypt), or a file JWE of
//! `key encrypt --file` (mhsm addition): the HSM unwraps the content key, the file is decrypted
//! locally into a temporary file that becomes OUT only once the GCM tag verified.

use std::path::PathBuf;

use super::common::{KeyTarget, VersionArg, key_of, unhex};
use super::encrypt::ENC_ALGS;
use crate::client::keys::CryptoOp;
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64_std_encode, b64url_decode_lenient, b64url_encode};
use crate::wire::keys::KeyOperationsParameters;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Files (mhsm addition): --file IN --out OUT decrypts a JWE written by 'key encrypt --file' (or any \
compact JWE with enc A256GCM and alg RSA-OAEP-256, RSA-OAEP or A*KW naming an HSM key as kid). \
The key is the JWE's kid unless given (-n/--hsm-name or --id must then name the same key). The \
HSM unwraps the content key (unwrapKey); the file is decrypted locally, streamed, into a hidden \
temporary file beside OUT, which becomes OUT only after the AES-GCM tag verified: a truncated, \
modified or foreign file leaves nothing behind. An existing OUT is refused unless --overwrite.")]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier (not with --file: the JWE names it).
    #[arg(short = 'a', long, required_unless_present = "file", conflicts_with = "file", value_parser = |s: &str| super::common::canonical(s, ENC_ALGS))]
    pub algorithm: Option<String>,
    /// The ciphertext, base64.
    #[arg(long, required_unless_present = "file", conflicts_with = "file")]
    pub value: Option<String>,
    /// Decrypt this JWE file (from 'key encrypt --file') into --out (mhsm addition).
    #[arg(long, value_name = "IN", requires = "out", conflicts_with_all = ["iv", "aad", "tag", "data_type"])]
    pub file: Option<PathBuf>,
    /// Where --file's plaintext goes.
    #[arg(long, value_name = "OUT", requires = "file")]
    pub out: Option<PathBuf>,
    /// Replace an existing --out.
    #[arg(long, requires = "file")]
    pub overwrite: bool,
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
        file,
        out,
        overwrite,
        data_type,
        iv,
        aad,
        tag,
    } = args;
    if let (Some(file), Some(out)) = (&file, &out) {
        return decrypt_file(ctx, &key, version.version.as_deref(), file, out, overwrite).await;
    }
    let (Some(algorithm), Some(value)) = (algorithm, value) else {
        return Err(CliError::Usage(
            "give --algorithm and --value, or --file and --out.".into(),
        ));
    };
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

/// `--file IN --out OUT`: the HSM unwraps the JWE's content key, the file is opened locally.
async fn decrypt_file(
    ctx: &Ctx,
    key: &KeyTarget,
    version: Option<&str>,
    file: &std::path::Path,
    out: &std::path::Path,
    overwrite: bool,
) -> Result<(), CliError> {
    use super::files::{JweFile, Output};
    Output::check(out, overwrite)?;
    let jwe = JweFile::open(file)?;
    let kid = jwe.header.kid.clone();
    let by_kid = KeyTarget {
        name: None,
        hsm_name: None,
        vault_name: None,
        id: Some(kid.clone()),
    };
    let named = key.id.is_some()
        || key.name.is_some()
        || key.hsm_name.is_some()
        || key.vault_name.is_some();
    let from_kid = key_of(ctx, &by_kid, None, "keys").await.map_err(|e| {
        CliError::Invalid(format!(
            "{}: the JWE's kid '{kid}' is not a key id ({e}).",
            file.display()
        ))
    })?;
    let k = if named {
        let mut k = key_of(ctx, key, version, "keys").await?;
        if !k.name.eq_ignore_ascii_case(&from_kid.name) {
            return Err(CliError::Invalid(format!(
                "{} was encrypted with key '{}' ({kid}), not '{}'. Nothing was written.",
                file.display(),
                from_kid.name,
                k.name
            )));
        }
        if k.version.is_none() {
            k.version = from_kid.version.clone();
        }
        k
    } else {
        from_kid
    };
    let params = KeyOperationsParameters {
        alg: jwe.header.alg.clone(),
        value: b64url_encode(&jwe.encrypted_key),
        ..Default::default()
    };
    let r = ctx
        .client()
        .await?
        .key_crypt(&k, CryptoOp::UnwrapKey, &params)
        .await
        .map_err(|e| {
            CliError::from(e).hint(format!(
                "The HSM could not unwrap the content key of {} with {kid}: the key must permit unwrapKey and be the one it was encrypted with. Nothing was written.",
                file.display()
            ))
        })?;
    let cek = zeroize::Zeroizing::new(
        b64url_decode_lenient(&r.value)
            .map_err(|e| CliError::Invalid(format!("The HSM returned malformed data: {e}")))?,
    );
    let mut output = Output::create(out, overwrite)?;
    jwe.open_into(&cek, &mut output)?;
    output.commit()?;
    ctx.print(&serde_json::json!({
        "algorithm": params.alg, "enc": crate::crypto::file_jwe::ENC, "file": out.display().to_string(), "kid": r.kid.unwrap_or(kid),
    }))
}
