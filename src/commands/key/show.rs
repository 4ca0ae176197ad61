//! `mhsm key show` — show a key (az keyvault key show); a missing key exits with code 3.

use super::common::{KeyTarget, VersionArg, key_bundle, key_of};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key, version } = args;
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let b = ctx.client().await?.get_key(&k).await?;
    ctx.print(&key_bundle(&b))
}
