//! `mhsm key rotation-policy show` (az keyvault key rotation-policy show); 404 exits with code 3.

use crate::commands::key::common::{KeyTarget, key_of};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key } = args;
    let k = key_of(ctx, &key, None, "keys").await?;
    let p = ctx
        .client()
        .await?
        .get_rotation_policy(&k.hsm, &k.name)
        .await?;
    ctx.print(&super::view(&p))
}
