//! `mhsm private-endpoint-connection reject` — reject a connection request (az keyvault
//! private-endpoint-connection reject): GET, status `Rejected`, PUT, re-GET until Succeeded.

use super::{ConnArgs, set_status};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub conn: ConnArgs,
    /// Comments for the reject operation.
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
    set_status(ctx, conn, "Rejected", description, no_wait).await
}
