//! `Microsoft.KeyVault/managedHSMs/keys` and `…/keys/versions` (ARM, `managedHsm.json`
//! `ManagedHsmKey*`): keys created and read through Azure Resource Manager, which the HSM
//! serves only when its setting `AllowKeyManagementOperationsThroughARM` is `"true"`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `type` of a key resource.
pub const KEY_TYPE: &str = "Microsoft.KeyVault/managedHSMs/keys";
/// `type` of a key version resource.
pub const KEY_VERSION_TYPE: &str = "Microsoft.KeyVault/managedHSMs/keys/versions";

/// `ManagedHsmKeyAttributes` (times are Unix seconds).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ManagedHsmKeyAttributes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exportable: Option<bool>,
}

/// `ManagedHsmKeyReleasePolicy` (`data` base64url).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ManagedHsmKeyReleasePolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// `ManagedHsmKeyProperties`. Note the spec's snake_case `release_policy`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ManagedHsmKeyProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<ManagedHsmKeyAttributes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kty: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_ops: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curve_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_uri_with_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_policy: Option<serde_json::Value>,
    #[serde(
        default,
        rename = "release_policy",
        skip_serializing_if = "Option::is_none"
    )]
    pub release_policy: Option<ManagedHsmKeyReleasePolicy>,
}

/// `ManagedHsmKey` (and a key version, whose `name` is the version id).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ManagedHsmKey {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    pub properties: ManagedHsmKeyProperties,
}

/// `ManagedHsmKeyCreateParameters` (PUT body).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ManagedHsmKeyCreateParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    pub properties: ManagedHsmKeyProperties,
}
