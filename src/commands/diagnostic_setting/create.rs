//! `mhsm diagnostic-setting create` — creates or replaces a diagnostic setting of an HSM, with
//! `az monitor diagnostic-settings create`'s destination flags; by default it sends the
//! `AuditEvent` category (what `mhsm review` asks for).

use super::HsmArgs;
use crate::commands::{CliError, Ctx};
use crate::wire::insights::{
    AUDIT_EVENT, DiagnosticSetting, DiagnosticSettingProperties, LogSettings, RetentionPolicy,
};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmArgs,
    /// Name of the diagnostic setting.
    #[arg(short = 'n', long = "name")]
    pub name: String,
    /// ARM id of a Log Analytics workspace to send the logs to.
    #[arg(long = "workspace")]
    pub workspace: Option<String>,
    /// ARM id of a storage account to archive the logs in.
    #[arg(long = "storage-account")]
    pub storage_account: Option<String>,
    /// ARM id of an Event Hub namespace authorization rule to stream the logs with.
    #[arg(long = "event-hub-rule")]
    pub event_hub_rule: Option<String>,
    /// Name of the Event Hub (default: one per category, chosen by Azure Monitor).
    #[arg(long = "event-hub")]
    pub event_hub: Option<String>,
    /// Days the storage account keeps the logs (0: forever; only with --storage-account).
    #[arg(long = "retention-days")]
    pub retention_days: Option<u32>,
    /// The log settings as az takes them (JSON array of {category|categoryGroup, enabled});
    /// default: the AuditEvent category, enabled.
    #[arg(long = "logs")]
    pub logs: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        name,
        workspace,
        storage_account,
        event_hub_rule,
        event_hub,
        retention_days,
        logs,
    } = args;
    if workspace.is_none() && storage_account.is_none() && event_hub_rule.is_none() {
        return Err(CliError::Usage(
            "give at least one destination: --workspace, --storage-account or --event-hub-rule"
                .into(),
        ));
    }
    if retention_days.is_some() && storage_account.is_none() {
        return Err(CliError::Usage(
            "--retention-days applies to --storage-account only".into(),
        ));
    }
    let retention = retention_days.map(|days| RetentionPolicy {
        enabled: days > 0,
        days,
    });
    let mut logs: Vec<LogSettings> = match logs {
        Some(text) => serde_json::from_str(&text).map_err(|e| {
            CliError::Usage(format!(
                "--logs: not a JSON array of log settings ({e}); e.g. '[{{\"category\":\"AuditEvent\",\"enabled\":true}}]'"
            ))
        })?,
        None => vec![LogSettings {
            category: Some(AUDIT_EVENT.into()),
            enabled: true,
            ..Default::default()
        }],
    };
    if let Some(r) = &retention {
        for l in logs.iter_mut().filter(|l| l.retention_policy.is_none()) {
            l.retention_policy = Some(r.clone());
        }
    }
    let setting = DiagnosticSetting {
        properties: DiagnosticSettingProperties {
            storage_account_id: storage_account,
            workspace_id: workspace,
            event_hub_authorization_rule_id: event_hub_rule,
            event_hub_name: event_hub,
            logs,
            ..Default::default()
        },
        ..Default::default()
    };
    let id = hsm.resource_id(ctx).await?;
    let created = ctx
        .client()
        .await?
        .put_diagnostic_setting(&id, &name, &setting)
        .await?;
    let value = serde_json::to_value(created).map_err(|e| CliError::Invalid(e.to_string()))?;
    ctx.print(&value)
}
