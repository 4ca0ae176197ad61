//! Azure Monitor: the diagnostic settings of a resource (`{resourceId}/providers/
//! Microsoft.Insights/diagnosticSettings`, api-version 2021-05-01-preview).

use reqwest::Method;

use super::{Client, ClientError, Plane, Request, Result, with_api_version};
use crate::wire::arm::ListResult;
use crate::wire::insights::{DIAGNOSTIC_SETTINGS_API_VERSION, DiagnosticSetting};

impl Client {
    /// `GET {resourceId}/providers/Microsoft.Insights/diagnosticSettings`.
    pub async fn list_diagnostic_settings(
        &self,
        resource_id: &str,
    ) -> Result<Vec<DiagnosticSetting>> {
        let base = self.cloud.arm_url.trim_end_matches('/');
        let url = url::Url::parse(&format!(
            "{base}{resource_id}/providers/Microsoft.Insights/diagnosticSettings"
        ))
        .map_err(|e| ClientError::Config(format!("invalid ARM URL: {e}")))?;
        let url = with_api_version(url, DIAGNOSTIC_SETTINGS_API_VERSION);
        let list: ListResult<DiagnosticSetting> = self
            .send(Request::new(Method::GET, url, Plane::Arm))
            .await?
            .json()?;
        Ok(list.value)
    }
}
