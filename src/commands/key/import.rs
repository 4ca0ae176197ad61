//! `mhsm key import` — import a private key from PEM (parsed locally into a JWK) or a BYOK blob
//! (az keyvault key import).

use super::common::{KeyProperties, KeyTarget, key_bundle, key_of, parse_curve};
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::b64url_encode;
use crate::wire::keys::{Jwk, KeyImportParameters};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    /// PEM file containing the key to be imported.
    #[arg(long = "pem-file")]
    pub pem_file: Option<std::path::PathBuf>,
    /// PEM string containing the key to be imported.
    #[arg(long = "pem-string", allow_hyphen_values = true)]
    pub pem_string: Option<String>,
    /// Password of an encrypted PEM key (prefer MHSM_PEM_PASSWORD: command lines are visible).
    #[arg(
        long = "pem-password",
        env = "MHSM_PEM_PASSWORD",
        hide_env_values = true
    )]
    pub pem_password: Option<String>,
    /// BYOK file containing the key to be imported.
    #[arg(long = "byok-file")]
    pub byok_file: Option<std::path::PathBuf>,
    /// BYOK string containing the key to be imported.
    #[arg(long = "byok-string", allow_hyphen_values = true)]
    pub byok_string: Option<String>,
    /// The type of key to import (BYOK only): EC, RSA, oct.
    #[arg(long, value_parser = ["EC", "RSA", "oct"], ignore_case = true)]
    pub kty: Option<String>,
    /// Elliptic curve name (BYOK EC keys).
    #[arg(long, value_parser = parse_curve)]
    pub curve: Option<String>,
    /// Protection: hsm or software.
    #[arg(short = 'p', long, value_parser = ["hsm", "software"], ignore_case = true)]
    pub protection: Option<String>,
    #[command(flatten)]
    pub props: KeyProperties,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        pem_file,
        pem_string,
        pem_password,
        byok_file,
        byok_string,
        kty,
        curve,
        protection,
        props,
    } = args;
    let given = [
        pem_file.is_some(),
        pem_string.is_some(),
        byok_file.is_some(),
        byok_string.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if given != 1 {
        return Err(CliError::Invalid(
            "supply exactly one: --byok-file, --byok-string, --pem-file, --pem-string".into(),
        ));
    }
    let pem = pem_file.is_some() || pem_string.is_some();
    if pem_password.is_some() && !pem {
        return Err(CliError::Invalid(
            "--byok-file or --byok-string cannot be used with --pem-password".into(),
        ));
    }
    let mut jwk = if pem {
        let bytes = match (&pem_file, &pem_string) {
            (Some(f), _) => std::fs::read(f)
                .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", f.display())))?,
            (None, Some(s)) => s.clone().into_bytes(),
            _ => unreachable!("one PEM source"),
        };
        pem_to_jwk(&bytes, pem_password.as_deref())?
    } else {
        let blob = match (&byok_file, &byok_string) {
            (Some(f), _) => std::fs::read(f)
                .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", f.display())))?,
            (None, Some(s)) => s.clone().into_bytes(),
            _ => unreachable!("one BYOK source"),
        };
        let kty = kty.unwrap_or_else(|| "RSA".into());
        if kty.eq_ignore_ascii_case("EC") && curve.is_none() {
            return Err(CliError::Invalid(
                "parameter --curve should be specified when key type --kty is EC.".into(),
            ));
        }
        Jwk {
            kty: Some(format!(
                "{}-HSM",
                if kty.eq_ignore_ascii_case("oct") {
                    "oct".into()
                } else {
                    kty.to_ascii_uppercase()
                }
            )),
            t: Some(b64url_encode(&blob)),
            crv: curve,
            ..Default::default()
        }
    };
    jwk.key_ops = props.key_ops();
    let release_policy = props.release_policy()?;
    let k = key_of(ctx, &key, None, "keys").await?;
    let params = KeyImportParameters {
        hsm: Some(
            protection
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case("hsm")),
        ),
        key: jwk,
        attributes: Some(props.attributes()),
        tags: props.tags(),
        release_policy,
    };
    let bundle = ctx
        .client()
        .await?
        .import_key(&k.hsm, &k.name, &params)
        .await?;
    ctx.print(&key_bundle(&bundle))
}

/// Parses a PEM private key (RSA or EC, any of the usual encodings) into a JWK with its private
/// members, as az does (`kty` RSA/EC, never -HSM).
fn pem_to_jwk(pem: &[u8], password: Option<&str>) -> Result<Jwk, CliError> {
    use crate::crypto::keyops::KeyMaterial;
    let fail = |e: String| CliError::Invalid(format!("Import failed: {e}"));
    let der = crate::crypto::privkey::private_key_pem_to_pkcs8(pem, password.map(str::as_bytes))
        .map_err(|e| fail(e.to_string()))?;
    let material = KeyMaterial::from_pkcs8_der(&der).map_err(|e| fail(e.to_string()))?;
    let v = serde_json::to_value(material.private_jwk()).map_err(|e| fail(e.to_string()))?;
    let mut jwk: Jwk = serde_json::from_value(v).map_err(|e| fail(e.to_string()))?;
    // az sends the plain kty (`RSA`/`EC`); the service stores it as -HSM.
    jwk.kty = jwk.kty.map(|k| k.trim_end_matches("-HSM").to_string());
    jwk.kid = None;
    jwk.key_ops = None;
    Ok(jwk)
}
