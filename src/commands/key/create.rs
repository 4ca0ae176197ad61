//! `mhsm key create` — create a key (az keyvault key create). `--policy` is a *release* policy
//! (for secure key release of an exportable key), not a rotation policy: use
//! `mhsm key rotation-policy update` for rotation (az pain point 13).

use std::collections::BTreeMap;

use super::common::{
    KeyTarget, key_bundle, key_of, parse_curve, parse_datetime, parse_kty, parse_op, release_policy,
};
use crate::cli::{parse_bool, parse_tags};
use crate::commands::{CliError, Ctx};
use crate::wire::keys::{KeyAttributes, KeyCreateParameters};

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
    /// Space-separated permitted operations: decrypt encrypt export import sign unwrapKey verify wrapKey.
    #[arg(long, num_args = 1.., value_parser = parse_op)]
    pub ops: Vec<String>,
    /// Create the key in a disabled state.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub disabled: Option<bool>,
    /// Expiration UTC datetime (Y-m-d'T'H:M:S'Z').
    #[arg(long, value_parser = parse_datetime)]
    pub expires: Option<i64>,
    /// Key not usable before the provided UTC datetime (Y-m-d'T'H:M:S'Z').
    #[arg(long = "not-before", value_parser = parse_datetime)]
    pub not_before: Option<i64>,
    /// Mark the private key as exportable (secure key release; needs --policy).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub exportable: Option<bool>,
    /// The RELEASE policy of an exportable key (secure key release): a JSON file or inline JSON. Not a rotation policy.
    #[arg(long)]
    pub policy: Option<String>,
    /// Mark the release policy immutable (it can never be changed).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub immutable: Option<bool>,
    /// Space-separated tags: key[=value] [key[=value] ...].
    #[arg(long, num_args = 0..)]
    pub tags: Option<Vec<String>>,
}

/// The attributes of create/import: enabled from --disabled, times, exportable.
pub fn attributes(
    disabled: Option<bool>,
    expires: Option<i64>,
    not_before: Option<i64>,
    exportable: Option<bool>,
) -> KeyAttributes {
    KeyAttributes {
        enabled: Some(!disabled.unwrap_or(false)),
        nbf: not_before,
        exp: expires,
        exportable,
        ..Default::default()
    }
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        kty,
        size,
        curve,
        protection,
        ops,
        disabled,
        expires,
        not_before,
        exportable,
        policy,
        immutable,
        tags,
    } = args;
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
    if immutable == Some(true) && policy.is_none() {
        return Err(CliError::Invalid(
            "Please provide policy when setting `--immutable`".into(),
        ));
    }
    let release = policy
        .as_deref()
        .map(|p| release_policy(p, immutable))
        .transpose()?;
    let k = key_of(ctx, &key, None, "keys").await?;
    let params = KeyCreateParameters {
        kty,
        key_size: size,
        public_exponent: None,
        key_ops: (!ops.is_empty()).then_some(ops),
        attributes: Some(attributes(disabled, expires, not_before, exportable)),
        tags: tags
            .as_deref()
            .map(parse_tags)
            .filter(|t: &BTreeMap<_, _>| !t.is_empty()),
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
