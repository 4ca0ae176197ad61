//! `mhsm private-endpoint-connection approve` — approve a connection request (az keyvault
//! private-endpoint-connection approve): GET, status `Approved`, PUT, re-GET until Succeeded.

use super::{ConnArgs, set_status};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub conn: ConnArgs,
    /// Comments for the approve operation.
    #[arg(long)]
    pub description: Option<String>,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        conn,
        description,
        no_wait,
    } = args;
    set_status(ctx, conn, "Approved", description, no_wait).await
}
