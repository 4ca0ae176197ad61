//! `mhsm key download` — save the public key (SubjectPublicKeyInfo, PEM or DER) of an RSA or EC
//! key (az keyvault key download).

use std::path::PathBuf;

use super::common::{KeyTarget, VersionArg, key_of};
use crate::commands::security_domain::common::{check_new_file, write_new_file};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// File to receive the key contents (must not exist).
    #[arg(short = 'f', long, required = true)]
    pub file: PathBuf,
    /// Encoding of the key: PEM or DER.
    #[arg(short = 'e', long, default_value = "PEM", value_parser = ["PEM", "DER"], ignore_case = true)]
    pub encoding: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        file,
        encoding,
    } = args;
    if file.exists() {
        return Err(CliError::Invalid(format!(
            "File or directory named '{}' already exists.",
            file.display()
        )));
    }
    check_new_file(&file)?;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let bundle = ctx.client().await?.get_key(&k).await?;
    let kty = bundle.key.kty.clone().unwrap_or_default();
    if !matches!(kty.as_str(), "RSA" | "RSA-HSM" | "EC" | "EC-HSM") {
        return Err(CliError::Invalid(format!(
            "Unsupported key type: {kty}. (Supported key types: RSA, RSA-HSM, EC, EC-HSM)"
        )));
    }
    let jwk: crate::crypto::jwk::JsonWebKey = serde_json::from_value(
        serde_json::to_value(&bundle.key).unwrap_or_default(),
    )
    .map_err(|e| CliError::Invalid(format!("The HSM returned an unusable public key: {e}")))?;
    let der = crate::crypto::keyops::public_spki_der_from_jwk(&jwk)
        .map_err(|e| CliError::Invalid(format!("Cannot encode the public key: {e}")))?;
    let bytes = if encoding.eq_ignore_ascii_case("DER") {
        der
    } else {
        crate::crypto::pem::to_pem("PUBLIC KEY", &der, 64, true).into_bytes()
    };
    write_new_file(&file, &bytes, false)
}
