//! `mhsm wait-hsm` — wait for a Managed HSM to reach a condition (az keyvault wait-hsm).
//!
//! Better than az: a timeout is an error (exit code 1) — az prints `{}` and exits 0, so scripts
//! cannot tell a timeout from success.

use std::time::{Duration, Instant};

use super::{CliError, Ctx, resolve_resource_group, view};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
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
        hsm_name,
        resource_group,
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
    let rg = match resolve_resource_group(ctx, &hsm_name, resource_group).await {
        Ok(rg) => rg,
        Err(_) if deleted => return Ok(()),
        Err(e) => return Err(e),
    };
    let client = ctx.client().await?;
    let started = Instant::now();
    loop {
        let done = match client.get_managed_hsm(&rg, &hsm_name).await {
            Ok(h) => {
                let v = view::managed_hsm(&h);
                let state = v["properties"]["provisioningState"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                if (created || updated) && state.eq_ignore_ascii_case("Failed") {
                    return Err(CliError::Invalid("The operation failed".into()));
                }
                if let Some(expr) = &custom {
                    let r = expr
                        .search(v.clone())
                        .map_err(|e| CliError::Invalid(e.to_string()))?;
                    r.is_truthy()
                } else {
                    exists || ((created || updated) && state.eq_ignore_ascii_case("Succeeded"))
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
                "Timed out after {timeout}s waiting for Managed HSM '{hsm_name}'."
            )));
        }
        ctx.printer.progress(&format!(
            "Waiting for Managed HSM '{hsm_name}'… ({}s)",
            started.elapsed().as_secs()
        ));
        tokio::time::sleep(Duration::from_secs(interval.max(1))).await;
    }
}
