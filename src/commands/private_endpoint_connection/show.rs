//! `mhsm private-endpoint-connection show` — one connection (az keyvault
//! private-endpoint-connection show); a missing one exits 3.

use super::{Conn, ConnArgs, connection_view};
use crate::commands::{CliError, Ctx};

pub type Args = ConnArgs;

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Conn { rg, hsm, name } = args.resolve(ctx).await?;
    let c = ctx.client().await?.get_mhsm_pec(&rg, &hsm, &name).await?;
    ctx.print(&connection_view(&c))
}
