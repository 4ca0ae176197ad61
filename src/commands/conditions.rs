//! The conditions of az's generic `wait` commands — `--created | --updated | --deleted |
//! --exists | --custom JMESPATH`, `--interval`, `--timeout` — and their polling loop, shared by
//! `wait-hsm` (and `region wait`, `network-rule wait`) and `private-endpoint-connection wait`.
//!
//! Better than az: a timeout is an error (exit code 1) — az prints `{}` and exits 0, so scripts
//! cannot tell a timeout from success.

use serde_json::Value;
use std::future::Future;
use std::time::{Duration, Instant};

use super::{CliError, Ctx};

#[derive(Debug, Clone, clap::Args)]
pub struct WaitArgs {
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

/// A checked wait condition.
pub struct Condition {
    args: WaitArgs,
    custom: Option<jmespath::Expression<'static>>,
}

impl WaitArgs {
    /// az's usage check (one condition at least) and the compiled `--custom` query.
    pub fn condition(self) -> Result<Condition, CliError> {
        let a = &self;
        if !(a.created || a.updated || a.deleted || a.exists || a.custom.is_some()) {
            return Err(CliError::Invalid(
                "incorrect usage: --created | --updated | --deleted | --exists | --custom JMESPATH"
                    .into(),
            ));
        }
        let custom = match &a.custom {
            Some(c) => Some(jmespath::compile(c).map_err(|e| {
                CliError::Usage(format!("argument --custom: invalid JMESPath '{c}': {e}"))
            })?),
            None => None,
        };
        Ok(Condition { args: self, custom })
    }
}

impl Condition {
    /// Whether the caller waits for the resource to be gone.
    pub fn deleted(&self) -> bool {
        self.args.deleted
    }

    /// Polls `get` — the resource's view and its `provisioningState`, or `None` when it does not
    /// exist (404) — until the condition holds, with a status line naming `what`.
    pub async fn wait<F, Fut>(&self, ctx: &Ctx, what: &str, mut get: F) -> Result<(), CliError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<(Value, String)>, CliError>>,
    {
        let a = &self.args;
        let started = Instant::now();
        loop {
            let done = match get().await? {
                Some((v, state)) => {
                    if (a.created || a.updated) && state.eq_ignore_ascii_case("Failed") {
                        return Err(CliError::Invalid("The operation failed".into()));
                    }
                    match &self.custom {
                        Some(expr) => expr
                            .search(v)
                            .map_err(|e| CliError::Invalid(e.to_string()))?
                            .is_truthy(),
                        None => {
                            a.exists
                                || ((a.created || a.updated)
                                    && state.eq_ignore_ascii_case("Succeeded"))
                        }
                    }
                }
                None => a.deleted,
            };
            if done {
                ctx.printer.progress_done();
                return Ok(());
            }
            if started.elapsed() >= Duration::from_secs(a.timeout) {
                ctx.printer.progress_done();
                return Err(CliError::Invalid(format!(
                    "Timed out after {}s waiting for {what}.",
                    a.timeout
                )));
            }
            ctx.printer.progress(&format!(
                "Waiting for {what}… ({}s)",
                started.elapsed().as_secs()
            ));
            tokio::time::sleep(Duration::from_secs(a.interval.max(1))).await;
        }
    }
}
