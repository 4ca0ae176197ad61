//! `mhsm key purge` — permanently delete a soft-deleted key (az keyvault key purge).

use super::common::{KeyTarget, key_of};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key } = args;
    let k = key_of(ctx, &key, None, "deletedkeys").await?;
    ctx.client().await?.purge_key(&k.hsm, &k.name).await?;
    Ok(())
}
