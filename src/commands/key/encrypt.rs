//! `mhsm key encrypt` — encrypt data (az keyvault key encrypt). RSA algorithms encrypt locally
//! with the public key, as az does (the HSM would give an equally valid ciphertext); AES
//! algorithms — including A*CBCPAD, which az encrypts locally with a random key (a silent
//! data-loss bug) — always go to the HSM.
//!
//! `--file IN --out OUT` (mhsm addition) is envelope encryption: a fresh AES-256 content key
//! encrypts the file locally (AES-256-GCM, streamed), the HSM wraps the content key
//! (RSA-OAEP-256 for RSA keys, A256KW/A192KW/A128KW for AES keys), and OUT is a compact JWE
//! (RFC 7516) whose `kid` names the key version.

use std::path::PathBuf;

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
#[command(after_long_help = "\
Files (mhsm addition): --file IN --out OUT encrypts a file of any size with a fresh AES-256 \
content key (AES-256-GCM, locally, streamed through a bounded buffer); the HSM wraps the \
content key with the key (wrapKey: RSA-OAEP-256 for RSA keys, AES key wrap for AES keys). OUT \
is a standard compact JWE (RFC 7516): BASE64URL(header).encrypted-key.iv.ciphertext.tag, with \
header {\"alg\":\"RSA-OAEP-256\"|\"A256KW\"…, \"enc\":\"A256GCM\", \"kid\":\"<key id with version>\"}. \
It is about 4/3 of the file's size. Decrypt with 'mhsm key decrypt --file OUT --out PLAIN'. OUT \
appears only when complete; an existing OUT is refused unless --overwrite.")]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier (not with --file: the key's type chooses the key wrap).
    #[arg(short = 'a', long, required_unless_present = "file", conflicts_with = "file", value_parser = |s: &str| super::common::canonical(s, ENC_ALGS))]
    pub algorithm: Option<String>,
    /// The value to be encrypted (base64 by default; see --data-type).
    #[arg(
        long,
        required_unless_present = "file",
        conflicts_with = "file",
        allow_hyphen_values = true
    )]
    pub value: Option<String>,
    /// Encrypt this file into --out, as a JWE (envelope encryption; mhsm addition).
    #[arg(long, value_name = "IN", requires = "out", conflicts_with_all = ["iv", "aad", "data_type"])]
    pub file: Option<PathBuf>,
    /// Where --file's JWE goes.
    #[arg(long, value_name = "OUT", requires = "file")]
    pub out: Option<PathBuf>,
    /// Replace an existing --out.
    #[arg(long, requires = "file")]
    pub overwrite: bool,
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
        file,
        out,
        overwrite,
        data_type,
        iv,
        aad,
    } = args;
    if let (Some(file), Some(out)) = (&file, &out) {
        return encrypt_file(ctx, &key, version.version.as_deref(), file, out, overwrite).await;
    }
    let (Some(algorithm), Some(value)) = (algorithm, value) else {
        return Err(CliError::Usage(
            "give --algorithm and --value, or --file and --out.".into(),
        ));
    };
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

/// The JWE `alg`s an HSM key wraps a content key with, in the order to try (an AES key's size
/// is not in its public JWK: the HSM refuses the wraps that do not fit).
fn wrap_algs(kty: &str) -> Result<&'static [&'static str], CliError> {
    match kty {
        "RSA" | "RSA-HSM" => Ok(&["RSA-OAEP-256"]),
        "oct" | "oct-HSM" => Ok(&["A256KW", "A192KW", "A128KW"]),
        other => Err(CliError::Invalid(format!(
            "A {other} key cannot wrap a content key: use an RSA or AES key with wrapKey."
        ))),
    }
}

/// `--file IN --out OUT`: wrap a fresh content key with the HSM, then seal the file locally.
async fn encrypt_file(
    ctx: &Ctx,
    key: &KeyTarget,
    version: Option<&str>,
    file: &std::path::Path,
    out: &std::path::Path,
    overwrite: bool,
) -> Result<(), CliError> {
    use super::files::{Output, seal_file};
    use crate::crypto::file_jwe::Header;
    use aws_lc_rs::rand::SecureRandom;
    Output::check(out, overwrite)?;
    std::fs::metadata(file).map_err(|e| CliError::Invalid(format!("{}: {e}", file.display())))?;
    let k = key_of(ctx, key, version, "keys").await?;
    let client = ctx.client().await?;
    let bundle = client.get_key(&k).await?;
    let algs = wrap_algs(bundle.key.kty.as_deref().unwrap_or_default())?;
    if let Some(ops) = &bundle.key.key_ops
        && !ops.iter().any(|o| o == "wrapKey")
    {
        return Err(CliError::Invalid(format!(
            "The key does not permit wrapKey (its operations: {}): envelope encryption needs it.",
            ops.join(", ")
        )));
    }
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let mut cek = zeroize::Zeroizing::new([0u8; 32]);
    let mut iv = [0u8; 12];
    rng.fill(cek.as_mut())
        .and_then(|_| rng.fill(&mut iv))
        .map_err(|_| CliError::Invalid("The random number generator failed.".into()))?;
    let mut first_err = None;
    let mut wrapped = None;
    for alg in algs {
        let params = KeyOperationsParameters {
            alg: alg.to_string(),
            value: b64url_encode(cek.as_ref()),
            ..Default::default()
        };
        match client.key_crypt(&k, CryptoOp::WrapKey, &params).await {
            Ok(r) => {
                wrapped = Some((alg, r));
                break;
            }
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    let Some((alg, r)) = wrapped else {
        return Err(first_err.expect("one attempt at least").into());
    };
    let wrapped_key = b64url_decode_lenient(&r.value)
        .map_err(|e| CliError::Invalid(format!("The HSM returned a malformed wrapped key: {e}")))?;
    let header = Header {
        alg: alg.to_string(),
        kid: r.kid.clone().or(bundle.key.kid.clone()).unwrap_or_default(),
    };
    let mut output = Output::create(out, overwrite)?;
    seal_file(file, &mut output, &header, &cek, &iv, &wrapped_key)?;
    output.commit()?;
    ctx.print(&serde_json::json!({
        "algorithm": alg, "enc": crate::crypto::file_jwe::ENC, "file": out.display().to_string(), "kid": header.kid,
    }))
}
