//! Managed HSM account settings (rest-api.md §5.6; `administration.json` 2026-04-01
//! `Setting`, `SettingsListResult`, `UpdateSettingRequest`): a setting is a name, a value that is
//! always a JSON *string* (`"true"`, never `true`) and a type (only `boolean` is defined).

use serde::{Deserialize, Serialize};

/// api-version az 2.91.0 hard-codes for `KeyVaultSettingsClient`.
pub const SETTINGS_API_VERSION: &str = "7.4";

/// The only setting the service defines: whether ARM (and the portal) may create and read keys
/// on the caller's behalf (`Microsoft.KeyVault/managedHSMs/keys`). Default `"false"`.
pub const ALLOW_ARM_KEYS: &str = "AllowKeyManagementOperationsThroughARM";

/// The type of the only setting type the spec defines (`SettingTypeEnum`).
pub const TYPE_BOOLEAN: &str = "boolean";

/// One setting as the service sends it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Setting {
    pub name: String,
    pub value: String,
    /// `type` on the wire; az prints it as `settingType`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub setting_type: Option<String>,
}

/// `GET /settings`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct SettingsList {
    #[serde(default)]
    pub settings: Vec<Setting>,
}

/// `PATCH /settings/{name}` body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct UpdateSettingRequest {
    pub value: String,
}

/// az's output of a setting (`KeyVaultSetting` through `todict`): every field present, `type`
/// renamed `settingType`, a boolean's value lower-cased (`KeyVaultSetting.__init__`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SettingView {
    pub name: String,
    pub setting_type: Option<String>,
    pub value: String,
}

impl From<&Setting> for SettingView {
    fn from(s: &Setting) -> Self {
        let boolean = s.setting_type.as_deref() == Some(TYPE_BOOLEAN);
        SettingView {
            name: s.name.clone(),
            setting_type: s.setting_type.clone(),
            value: if boolean {
                s.value.to_lowercase()
            } else {
                s.value.clone()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_and_view_shapes() {
        // R8 (rest-api.md §14 (i)).
        let s: Setting = serde_json::from_str(
            r#"{"name":"AllowKeyManagementOperationsThroughARM","type":"boolean","value":"true"}"#,
        )
        .unwrap();
        assert_eq!(s.setting_type.as_deref(), Some("boolean"));
        let v = serde_json::to_value(SettingView::from(&s)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"name": ALLOW_ARM_KEYS, "settingType": "boolean", "value": "true"})
        );
        // A value must be a string: a JSON boolean does not parse.
        assert!(serde_json::from_str::<UpdateSettingRequest>(r#"{"value":true}"#).is_err());
    }
}
