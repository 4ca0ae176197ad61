//! `mhsm key create` — create a key (az keyvault key create). `--policy` is a *release* policy
//! (for secure key release of an exportable key), not a rotation policy: use
//! `mhsm key rotation-policy update` for rotation (az pain point 13).

use super::common::{KeyProperties, KeyTarget, key_bundle, key_of, parse_curve, parse_kty};
use crate::commands::{CliError, Ctx};
use crate::wire::keys::KeyCreateParameters;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    /// The type of key to create (RSA, RSA-HSM, EC, EC-HSM, oct, oct-HSM). Default: EC with --curve, else RSA.
    #[arg(long, value_parser = parse_kty)]
    pub kty: Option<String>,
    /// The key size in bits (RSA: 2048, 3072, 4096; oct: 128, 192, 256).
    #[arg(long)]
    pub size: Option<u32>,
    /// Elliptic curve name (P-256, P-256K, P-384, P-521).
    #[arg(long, value_parser = parse_curve)]
    pub curve: Option<String>,
    /// Protection: 'hsm' appends -HSM to the key type; 'software' is refused for -HSM types.
    #[arg(short = 'p', long, value_parser = ["hsm", "software"], ignore_case = true)]
    pub protection: Option<String>,
    /// Create an external Managed HSM key backed by an External Key Manager (EKM) key id.
    #[arg(long = "external-key-id")]
    pub external_key_id: Option<String>,
    #[command(flatten)]
    pub props: KeyProperties,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        kty,
        size,
        curve,
        protection,
        external_key_id,
        props,
    } = args;
    if let Some(id) = external_key_id.as_deref().filter(|id| !id.is_empty()) {
        // az's validate_external_key_id, then its refusal of key-shape flags.
        if id.chars().count() > 64 {
            return Err(CliError::Invalid(
                "--external-key-id must be at most 64 characters.".into(),
            ));
        }
        if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(CliError::Invalid(
                "--external-key-id may contain only letters, digits, and hyphens.".into(),
            ));
        }
        let incompatible: Vec<&str> = [
            ("--kty", kty.is_some()),
            ("--size", size.is_some()),
            ("--curve", curve.is_some()),
            ("--ops", !props.ops.is_empty()),
            ("--protection", protection.is_some()),
            ("--exportable", props.exportable.is_some()),
        ]
        .into_iter()
        .filter_map(|(flag, given)| given.then_some(flag))
        .collect();
        if !incompatible.is_empty() {
            return Err(CliError::Invalid(format!(
                "{} cannot be used with --external-key-id. External keys are backed by an External Key Manager and the service controls the key material.",
                incompatible.join(", ")
            )));
        }
        let release = props.release_policy()?;
        let k = key_of(ctx, &key, None, "keys").await?;
        // az's create_external_key: attributes {enabled, nbf, exp, external_key}, no kty.
        let params = KeyCreateParameters {
            attributes: Some(crate::wire::keys::KeyAttributes {
                enabled: Some(!props.disabled.unwrap_or(false)),
                nbf: props.not_before,
                exp: props.expires,
                external_key: Some(crate::wire::keys::ExternalKey { id: id.to_string() }),
                ..Default::default()
            }),
            tags: props.tags(),
            release_policy: release,
            ..Default::default()
        };
        let bundle = ctx
            .client()
            .await?
            .create_key(&k.hsm, &k.name, &params)
            .await?;
        return ctx.print(&key_bundle(&bundle));
    }
    // az: --kty if given, else EC with --curve, else RSA; `-p hsm` appends -HSM.
    let mut kty = kty.unwrap_or_else(|| {
        if curve.is_some() {
            "EC".into()
        } else {
            "RSA".into()
        }
    });
    match protection
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("hsm") if !kty.ends_with("-HSM") => kty.push_str("-HSM"),
        Some("software") if kty.ends_with("-HSM") => {
            return Err(CliError::Invalid(format!(
                "The key type {kty} is invalid for software protected keys. Omit --protection"
            )));
        }
        _ => {}
    }
    let release = props.release_policy()?;
    let k = key_of(ctx, &key, None, "keys").await?;
    let params = KeyCreateParameters {
        kty,
        key_size: size,
        public_exponent: None,
        key_ops: props.key_ops(),
        attributes: Some(props.attributes()),
        tags: props.tags(),
        crv: curve,
        release_policy: release,
    };
    let bundle = ctx
        .client()
        .await?
        .create_key(&k.hsm, &k.name, &params)
        .await?;
    ctx.print(&key_bundle(&bundle))
}
