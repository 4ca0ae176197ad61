//! `mhsm private-endpoint-connection delete` — remove a connection (az keyvault
//! private-endpoint-connection delete): a DELETE long-running operation; prints nothing.

use super::{Conn, ConnArgs};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub conn: ConnArgs,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { conn, no_wait } = args;
    let Conn { rg, hsm, name } = conn.resolve(ctx).await?;
    let client = ctx.client().await?;
    let Some(poller) = client.begin_delete_mhsm_pec(&rg, &hsm, &name).await? else {
        return Ok(());
    };
    if !no_wait {
        client
            .wait_arm(
                poller,
                &format!("Deleting private endpoint connection '{name}'"),
            )
            .await?;
    }
    Ok(())
}
