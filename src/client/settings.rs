//! Account settings of a Managed HSM (api-version 7.4, as az's `KeyVaultSettingsClient`):
//! `GET /settings`, `GET /settings/{name}`, `PATCH /settings/{name}`.

use reqwest::Method;

use super::hsm::HsmEndpoint;
use super::{Client, Plane, Request, Result};
use crate::wire::python_json;
use crate::wire::settings::{SETTINGS_API_VERSION, Setting, SettingsList, UpdateSettingRequest};

fn setting_path(name: &str) -> String {
    format!("/settings/{}", urlencoding_segment(name))
}

/// Percent-encodes a path segment (a setting name is user input).
fn urlencoding_segment(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

impl Client {
    /// `GET /settings`.
    pub async fn list_settings(&self, hsm: &HsmEndpoint) -> Result<Vec<Setting>> {
        let url = hsm.url("/settings", SETTINGS_API_VERSION)?;
        let list: SettingsList = self
            .hsm_send(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await?
            .json()?;
        Ok(list.settings)
    }

    /// `GET /settings/{name}`.
    pub async fn get_setting(&self, hsm: &HsmEndpoint, name: &str) -> Result<Setting> {
        let url = hsm.url(&setting_path(name), SETTINGS_API_VERSION)?;
        self.hsm_send(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await?
            .json()
    }

    /// `PATCH /settings/{name}` with `{"value": "<value>"}` (the body as az's SDK writes it).
    pub async fn update_setting(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
        value: &str,
    ) -> Result<Setting> {
        let url = hsm.url(&setting_path(name), SETTINGS_API_VERSION)?;
        let body = python_json(&UpdateSettingRequest {
            value: value.to_string(),
        });
        self.hsm_send(
            hsm,
            Request::new(Method::PATCH, url, Plane::Hsm).raw_json(body),
        )
        .await?
        .json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(
            setting_path("AllowKeyManagementOperationsThroughARM"),
            "/settings/AllowKeyManagementOperationsThroughARM"
        );
        assert_eq!(setting_path("a b/c"), "/settings/a%20b%2Fc");
    }
}
