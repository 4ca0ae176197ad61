//! `mhsm private-endpoint-connection wait` — wait for a connection to reach a condition (az
//! keyvault private-endpoint-connection wait). Unlike az, a timeout is an error (exit code 1).

use super::{Conn, ConnArgs, connection_view};
use crate::commands::conditions::WaitArgs;
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub conn: ConnArgs,
    #[command(flatten)]
    pub wait: WaitArgs,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { conn, wait } = args;
    let condition = wait.condition()?;
    let Conn { rg, hsm, name } = conn.resolve(ctx).await?;
    let client = ctx.client().await?;
    condition
        .wait(
            ctx,
            &format!("private endpoint connection '{name}'"),
            || async {
                match client.get_mhsm_pec(&rg, &hsm, &name).await {
                    Ok(c) => {
                        let v = connection_view(&c);
                        let state = v["provisioningState"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string();
                        Ok(Some((v, state)))
                    }
                    Err(e) if e.status() == Some(404) => Ok(None),
                    Err(e) => Err(e.into()),
                }
            },
        )
        .await
}
