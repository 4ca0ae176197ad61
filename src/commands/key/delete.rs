//! `mhsm key delete` — soft-delete a key with all its versions (az keyvault key delete).

use super::common::{KeyTarget, key_bundle, key_of};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key } = args;
    let k = key_of(ctx, &key, None, "keys").await?;
    let b = ctx.client().await?.delete_key(&k.hsm, &k.name).await?;
    ctx.print(&key_bundle(&b))
}
