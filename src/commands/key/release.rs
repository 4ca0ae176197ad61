//! `mhsm key release` — secure key release (mhsm addition: az 2.91 has no `key release`; the
//! REST call is `POST {hsm}/keys/{name}/{version}/release`, service-facts.md §5.2).
//!
//! Without `--runtime-key` it prints the service's answer, `{"value": "<JWS>"}`, as the SDKs'
//! `release_key` returns it. With the TEE's private key it does what the confidential VM would:
//! checks the JWS (the `x5c` chain links up to a self-signed root, its leaf names the HSM's host
//! and signed the JWS),
//! unwraps the key (`RSA-OAEP` + AES key wrap with padding, per the `enc` echoed in the JWS) and
//! writes it to `--file` (PKCS#8 PEM for RSA and EC, raw bytes for oct); the key never prints.

use std::path::PathBuf;

use serde_json::json;

use super::common::{KeyTarget, VersionArg, key_of, runtime_key_pkcs8};
use crate::commands::security_domain::common::{check_new_file, write_new_file};
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::b64_std_decode;
use crate::crypto::key_attestation::{certificate_names_host, verify_chain};
use crate::crypto::release::{Jws, ReleaseEnc, key_hsm_ciphertext, unwrap};
use crate::wire::keys::KeyReleaseParameters;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// The attestation token (JWT) of the environment the key is released to, or a file holding it.
    #[arg(long, required = true)]
    pub target: String,
    /// How the key is wrapped to the token's runtime key. Default: the service's (CKM_RSA_AES_KEY_WRAP).
    #[arg(long, value_parser = ["CKM_RSA_AES_KEY_WRAP", "RSA_AES_KEY_WRAP_256", "RSA_AES_KEY_WRAP_384"])]
    pub enc: Option<String>,
    /// A nonce from the attestation, echoed in the signed response.
    #[arg(long)]
    pub nonce: Option<String>,
    /// The runtime (TEE) RSA private key, PEM: verify the response and unwrap the key into --file.
    #[arg(long = "runtime-key", value_name = "PEM_FILE", requires = "file")]
    pub runtime_key: Option<PathBuf>,
    /// File to write the released key to (must not exist): PKCS#8 PEM for RSA and EC keys, raw bytes for oct keys.
    #[arg(short = 'f', long, requires = "runtime_key")]
    pub file: Option<PathBuf>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        target,
        enc,
        nonce,
        runtime_key,
        file,
    } = args;
    if let Some(f) = &file {
        check_new_file(f)?;
    }
    let runtime = runtime_key.as_deref().map(runtime_key_pkcs8).transpose()?;
    // The token itself, or a file holding it.
    let target = if std::path::Path::new(&target).is_file() {
        std::fs::read_to_string(&target)
            .map_err(|e| CliError::Invalid(format!("{target}: {e}")))?
            .trim()
            .to_string()
    } else {
        target.trim().to_string()
    };
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let v = ctx
        .client()
        .await?
        .release_key(&k, &KeyReleaseParameters { target, nonce, enc })
        .await?;
    let (Some(pkcs8), Some(file)) = (runtime, file) else {
        return ctx.print(&json!({ "value": v.value }));
    };
    let jws = Jws::parse(&v.value)
        .map_err(|e| CliError::Invalid(format!("The HSM's answer is not a JWS: {e}")))?;
    // The signer: the x5c chain must hold together and its leaf must have signed the JWS.
    let certs = jws.header["x5c"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c.as_str().and_then(|s| b64_std_decode(s).ok()))
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty())
        .ok_or_else(|| CliError::Invalid("The HSM's JWS has no x5c certificate chain.".into()))?;
    let (chain, leaf) = verify_chain(&certs).map_err(|e| CliError::Invalid(format!("{e}")))?;
    // The signer must be this HSM: its certificate names the HSM's host.
    let host = k
        .hsm
        .base
        .host_str()
        .map(|h| h.trim_matches(['[', ']']).to_string())
        .unwrap_or_default();
    if !certificate_names_host(&certs[0], &host) {
        return Err(CliError::Invalid(format!(
            "The HSM's JWS is signed by a certificate that does not name {host}."
        )));
    }
    let (n, e) = leaf
        .ok_or_else(|| CliError::Invalid("The JWS signer's certificate has no RSA key.".into()))?;
    jws.verify_rs256(&n, &e)
        .map_err(|e| CliError::Invalid(format!("The HSM's JWS does not verify: {e}")))?;
    let request = &jws.payload["request"];
    let enc_name = request["enc"].as_str().unwrap_or("CKM_RSA_AES_KEY_WRAP");
    let enc = ReleaseEnc::parse(enc_name)
        .ok_or_else(|| CliError::Invalid(format!("Unknown enc '{enc_name}' in the JWS.")))?;
    let released = &jws.payload["response"]["key"]["key"];
    let kid = released["kid"].as_str().unwrap_or_default().to_string();
    let wanted = format!("/keys/{}/", k.name).to_ascii_lowercase();
    if !kid.to_ascii_lowercase().contains(&wanted) {
        return Err(CliError::Invalid(format!(
            "The JWS releases {kid}, not key {}.",
            k.name
        )));
    }
    let ct = key_hsm_ciphertext(released["key_hsm"].as_str().unwrap_or_default())
        .map_err(|e| CliError::Invalid(format!("{e}")))?;
    let plain = unwrap(enc, &pkcs8, &ct).map_err(|e| CliError::Invalid(format!("{e}")))?;
    let kty = released["kty"].as_str().unwrap_or_default().to_string();
    let bytes = if kty.starts_with("oct") {
        plain.to_vec()
    } else {
        crate::crypto::pem::to_pem("PRIVATE KEY", &plain, 64, true).into_bytes()
    };
    write_new_file(&file, &bytes, true)?;
    ctx.print(&json!({
        "enc": enc.name(),
        "file": file.display().to_string(),
        "keyOps": released["key_ops"],
        "kid": kid,
        "kty": kty,
        "signer": chain.first().map(|c| c.subject.clone()),
        "signerRoot": chain.last().map(|c| c.subject.clone()),
    }))
}
