//! `mhsm private-endpoint-connection wait` — wait for a connection to reach a condition (az
//! keyvault private-endpoint-connection wait). Unlike az, a timeout is an error (exit code 1).

use std::time::{Duration, Instant};

use super::{Conn, ConnArgs, connection_view};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub conn: ConnArgs,
    /// Wait until created with 'provisioningState' at 'Succeeded'.
    #[arg(long)]
    pub created: bool,
    /// Wait until updated with provisioningState at 'Succeeded'.
    #[arg(long)]
    pub updated: bool,
    /// Wait until deleted.
    #[arg(long)]
    pub deleted: bool,
    /// Wait until the resource exists.
    #[arg(long)]
    pub exists: bool,
    /// Wait until the condition satisfies a custom JMESPath query. E.g. provisioningState!='InProgress', instanceView.statuses[?code=='PowerState/running']
    #[arg(long)]
    pub custom: Option<String>,
    /// Polling interval in seconds.
    #[arg(long, default_value_t = 30)]
    pub interval: u64,
    /// Maximum wait in seconds. Unlike az, running out of time is an error (exit code 1).
    #[arg(long, default_value_t = 3600)]
    pub timeout: u64,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        conn,
        created,
        updated,
        deleted,
        exists,
        custom,
        interval,
        timeout,
    } = args;
    if !(created || updated || deleted || exists || custom.is_some()) {
        return Err(CliError::Invalid(
            "incorrect usage: --created | --updated | --deleted | --exists | --custom JMESPATH"
                .into(),
        ));
    }
    let custom = match custom {
        Some(c) => Some(jmespath::compile(&c).map_err(|e| {
            CliError::Usage(format!("argument --custom: invalid JMESPath '{c}': {e}"))
        })?),
        None => None,
    };
    let Conn { rg, hsm, name } = conn.resolve(ctx).await?;
    let client = ctx.client().await?;
    let started = Instant::now();
    loop {
        let done = match client.get_mhsm_pec(&rg, &hsm, &name).await {
            Ok(c) => {
                let v = connection_view(&c);
                let state = v["provisioningState"].as_str().unwrap_or_default();
                if (created || updated) && state.eq_ignore_ascii_case("Failed") {
                    return Err(CliError::Invalid("The operation failed".into()));
                }
                match &custom {
                    Some(expr) => expr
                        .search(v.clone())
                        .map_err(|e| CliError::Invalid(e.to_string()))?
                        .is_truthy(),
                    None => {
                        exists || ((created || updated) && state.eq_ignore_ascii_case("Succeeded"))
                    }
                }
            }
            Err(e) if e.status() == Some(404) => deleted,
            Err(e) => return Err(e.into()),
        };
        if done {
            ctx.printer.progress_done();
            return Ok(());
        }
        if started.elapsed() >= Duration::from_secs(timeout) {
            ctx.printer.progress_done();
            return Err(CliError::Invalid(format!(
                "Timed out after {timeout}s waiting for private endpoint connection '{name}'."
            )));
        }
        ctx.printer.progress(&format!(
            "Waiting for private endpoint connection '{name}'… ({}s)",
            started.elapsed().as_secs()
        ));
        tokio::time::sleep(Duration::from_secs(interval.max(1))).await;
    }
}
