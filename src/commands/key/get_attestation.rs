//! `mhsm key get-attestation` — a key's attestation (az keyvault key get-attestation), printed or
//! written to `--file` exactly as az does. `--verify` (mhsm addition) also checks it: the
//! certificate chain links up to a self-signed root, the attestation blobs are signed by the
//! chain's leaf, and they cover this key's public key (fetched separately); the outcome goes to
//! stderr, a failure is an error. An emulator attestation is reported as EMULATED.

use std::path::PathBuf;

use super::common::{KeyTarget, VersionArg, key_of, std_b64};
use crate::commands::security_domain::common::{check_new_file, write_new_file};
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::b64url_decode_lenient;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// File to write the attestation JSON to (must not exist).
    #[arg(short = 'f', long)]
    pub file: Option<PathBuf>,
    /// Verify the attestation: certificate chain, blob signatures, and that it covers this key's public key (mhsm addition).
    #[arg(long)]
    pub verify: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        file,
        verify,
    } = args;
    if let Some(f) = &file {
        check_new_file(f)?;
    }
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let b = ctx.client().await?.get_key_attestation(&k).await?;
    let a = b.attributes.attestation.clone().unwrap_or_default();
    if verify {
        check(ctx, &k, &b, &a).await?;
    }
    let s = |name: &str| std_b64(&a[name].as_str().map(str::to_string));
    let v = serde_json::json!({
        "certificatePemFile": s("certificatePemFile"),
        "privateKeyAttestation": s("privateKeyAttestation"),
        "publicKeyAttestation": s("publicKeyAttestation"),
        "version": a["version"],
    });
    match file {
        // az writes `json.dumps(attestation)`: Python's separators, one line, no newline.
        Some(f) => write_new_file(
            &f,
            crate::crypto::pyjson::PyJson::from(&v).dumps().as_bytes(),
            false,
        ),
        None => ctx.print(&v),
    }
}

/// Verifies the attestation `a` of the key version in `b` against the key's public key as a
/// separate `GET` of that version returns it.
async fn check(
    ctx: &Ctx,
    k: &crate::client::keys::KeyRef,
    b: &crate::wire::keys::KeyBundle,
    a: &serde_json::Value,
) -> Result<(), CliError> {
    let blob = |name: &str| -> Result<Option<Vec<u8>>, CliError> {
        match a[name].as_str() {
            None => Ok(None),
            Some(t) => b64url_decode_lenient(t)
                .map(Some)
                .map_err(|_| CliError::Invalid(format!("{name} is not base64url."))),
        }
    };
    let pem = blob("certificatePemFile")?
        .ok_or_else(|| CliError::Invalid("The attestation has no certificatePemFile.".into()))?;
    // The public key to cover, fetched on its own (the version the attestation names).
    let version = b
        .key
        .kid
        .as_deref()
        .and_then(|kid| kid.rsplit('/').next())
        .map(str::to_string);
    let this = crate::client::keys::KeyRef {
        hsm: k.hsm.clone(),
        name: k.name.clone(),
        version: version.or_else(|| k.version.clone()),
    };
    let bundle = ctx.client().await?.get_key(&this).await?;
    let jwk: crate::crypto::jwk::JsonWebKey =
        serde_json::from_value(serde_json::to_value(&bundle.key).unwrap_or_default())
            .map_err(|e| CliError::Invalid(format!("The HSM returned an unusable key: {e}")))?;
    let spki = match jwk.kty.as_deref() {
        Some(t) if t.starts_with("oct") => None,
        _ => Some(
            crate::crypto::keyops::public_spki_der_from_jwk(&jwk)
                .map_err(|e| CliError::Invalid(format!("Cannot encode the public key: {e}")))?,
        ),
    };
    let r = crate::crypto::key_attestation::verify(
        &pem,
        blob("privateKeyAttestation")?.as_deref(),
        blob("publicKeyAttestation")?.as_deref(),
        spki.as_deref(),
    )
    .map_err(|e| CliError::Invalid(format!("Attestation verification failed: {e}")))?;
    let root = r.chain.last().map(|c| c.subject.as_str()).unwrap_or("");
    ctx.printer.warning(&format!(
        "Attestation verified: {} key attestation(s) signed by '{}', chain of {} to '{root}' (root SHA-256 {}), covering this key's public key.{}",
        r.blobs.join(" and "),
        r.chain.first().map(|c| c.subject.as_str()).unwrap_or(""),
        r.chain.len(),
        r.chain.last().map(|c| c.sha256.as_str()).unwrap_or(""),
        if r.emulated {
            " EMULATED: issued by mhsm-emulator's software HSM vendor; it proves nothing about hardware."
        } else {
            ""
        }
    ));
    Ok(())
}
