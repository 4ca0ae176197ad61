//! Azure Monitor: the diagnostic settings of a resource (`{resourceId}/providers/
//! Microsoft.Insights/diagnosticSettings[/{name}]`, api-version 2021-05-01-preview).

use reqwest::Method;
use url::Url;

use super::{Client, ClientError, Plane, Request, Result, with_api_version};
use crate::wire::arm::ListResult;
use crate::wire::insights::{DIAGNOSTIC_SETTINGS_API_VERSION, DiagnosticSetting};

impl Client {
    fn diagnostic_settings_url(&self, resource_id: &str, name: Option<&str>) -> Result<Url> {
        let base = self.cloud.arm_url.trim_end_matches('/');
        let child = name.map(|n| format!("/{n}")).unwrap_or_default();
        let url = Url::parse(&format!(
            "{base}{resource_id}/providers/Microsoft.Insights/diagnosticSettings{child}"
        ))
        .map_err(|e| ClientError::Config(format!("invalid ARM URL: {e}")))?;
        Ok(with_api_version(url, DIAGNOSTIC_SETTINGS_API_VERSION))
    }

    /// `GET {resourceId}/providers/Microsoft.Insights/diagnosticSettings`.
    pub async fn list_diagnostic_settings(
        &self,
        resource_id: &str,
    ) -> Result<Vec<DiagnosticSetting>> {
        let url = self.diagnostic_settings_url(resource_id, None)?;
        let list: ListResult<DiagnosticSetting> = self
            .send(Request::new(Method::GET, url, Plane::Arm))
            .await?
            .json()?;
        Ok(list.value)
    }

    /// `PUT {resourceId}/providers/Microsoft.Insights/diagnosticSettings/{name}`.
    pub async fn put_diagnostic_setting(
        &self,
        resource_id: &str,
        name: &str,
        setting: &DiagnosticSetting,
    ) -> Result<DiagnosticSetting> {
        let url = self.diagnostic_settings_url(resource_id, Some(name))?;
        self.send(Request::new(Method::PUT, url, Plane::Arm).json(setting))
            .await?
            .json()
    }

    /// `DELETE {resourceId}/providers/Microsoft.Insights/diagnosticSettings/{name}`.
    pub async fn delete_diagnostic_setting(&self, resource_id: &str, name: &str) -> Result<()> {
        let url = self.diagnostic_settings_url(resource_id, Some(name))?;
        self.send(Request::new(Method::DELETE, url, Plane::Arm))
            .await?;
        Ok(())
    }
}
