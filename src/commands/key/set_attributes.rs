//! `mhsm key set-attributes` — update a key (az keyvault key set-attributes): only the given
//! fields are sent.

use super::common::{
    KeyTarget, VersionArg, key_bundle, key_of, parse_datetime, parse_op, release_policy,
};
use crate::cli::{parse_bool, parse_tags};
use crate::commands::{CliError, Ctx};
use crate::wire::keys::{KeyAttributes, KeyUpdateParameters};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Enable the key.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub enabled: Option<bool>,
    /// Expiration UTC datetime.
    #[arg(long, value_parser = parse_datetime)]
    pub expires: Option<i64>,
    /// Not-before UTC datetime.
    #[arg(long = "not-before", value_parser = parse_datetime)]
    pub not_before: Option<i64>,
    /// Space-separated permitted operations.
    #[arg(long, num_args = 1.., value_parser = parse_op)]
    pub ops: Vec<String>,
    /// Space-separated tags: key[=value] [key[=value] ...]; '' clears them.
    #[arg(long, num_args = 0..)]
    pub tags: Option<Vec<String>>,
    /// The RELEASE policy (secure key release) as a JSON file or inline JSON.
    #[arg(long)]
    pub policy: Option<String>,
    /// Mark the release policy immutable.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub immutable: Option<bool>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        enabled,
        expires,
        not_before,
        ops,
        tags,
        policy,
        immutable,
    } = args;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let attrs = KeyAttributes {
        enabled,
        nbf: not_before,
        exp: expires,
        ..Default::default()
    };
    let params = KeyUpdateParameters {
        key_ops: (!ops.is_empty()).then_some(ops),
        attributes: (enabled.is_some() || expires.is_some() || not_before.is_some())
            .then_some(attrs),
        tags: tags.as_deref().map(parse_tags),
        release_policy: policy
            .as_deref()
            .map(|p| release_policy(p, immutable))
            .transpose()?,
    };
    let b = ctx.client().await?.update_key(&k, &params).await?;
    ctx.print(&key_bundle(&b))
}
