//! Azure Monitor diagnostic settings of a resource (`Microsoft.Insights/diagnosticSettings`,
//! api-version 2021-05-01-preview): where its resource logs (for Managed HSM the `AuditEvent`
//! category, in the `audit` and `allLogs` groups) and metrics go.

use serde::{Deserialize, Serialize};

/// api-version of `{resourceId}/providers/Microsoft.Insights/diagnosticSettings`.
pub const DIAGNOSTIC_SETTINGS_API_VERSION: &str = "2021-05-01-preview";
/// Resource type of a diagnostic setting.
pub const DIAGNOSTIC_SETTINGS_TYPE: &str = "Microsoft.Insights/diagnosticSettings";
/// The one resource-log category of a Managed HSM.
pub const AUDIT_EVENT: &str = "AuditEvent";
/// Category groups that contain `AuditEvent`.
pub const AUDIT_GROUPS: &[&str] = &["audit", "allLogs"];

/// One diagnostic setting.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticSetting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    #[serde(default)]
    pub properties: DiagnosticSettingProperties,
}

/// Destinations and categories of a diagnostic setting.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticSettingProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_hub_authorization_rule_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_hub_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace_partner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_analytics_destination_type: Option<String>,
    #[serde(default)]
    pub logs: Vec<LogSettings>,
    #[serde(default)]
    pub metrics: Vec<MetricSettings>,
}

/// A log category (or category group) and whether it is sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LogSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_group: Option<String>,
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_policy: Option<RetentionPolicy>,
}

/// A metric category and whether it is sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MetricSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_grain: Option<String>,
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_policy: Option<RetentionPolicy>,
}

/// Storage-account retention of a category (0 days = forever).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RetentionPolicy {
    pub enabled: bool,
    pub days: u32,
}

impl DiagnosticSetting {
    /// Whether the setting sends the HSM's `AuditEvent` logs somewhere.
    pub fn sends_audit_events(&self) -> bool {
        let p = &self.properties;
        let has_destination = p.storage_account_id.is_some()
            || p.workspace_id.is_some()
            || p.event_hub_authorization_rule_id.is_some()
            || p.marketplace_partner_id.is_some();
        has_destination && self.audit_log().is_some()
    }

    /// The enabled log entry that covers `AuditEvent` (by category or category group).
    pub fn audit_log(&self) -> Option<&LogSettings> {
        self.properties.logs.iter().find(|l| {
            l.enabled
                && (l.category.as_deref() == Some(AUDIT_EVENT)
                    || l.category_group
                        .as_deref()
                        .is_some_and(|g| AUDIT_GROUPS.iter().any(|a| a.eq_ignore_ascii_case(g))))
        })
    }
}
