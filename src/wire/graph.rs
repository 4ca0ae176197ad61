//! The Microsoft Graph v1.0 subset mhsm and az use: directory-object lookups.

use serde::{Deserialize, Serialize};

/// `POST /v1.0/directoryObjects/getByIds` body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GetByIdsRequest {
    pub ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
}

/// A directory object as Graph returns it (`@odata.type` tells users, groups and service
/// principals apart).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryObject {
    #[serde(rename = "@odata.type")]
    pub odata_type: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_principal_names: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_principal_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_enabled: Option<bool>,
}

impl DirectoryObject {
    /// The name az prints as `principalName`: UPN for users, first SPN for service principals,
    /// display name for groups.
    pub fn principal_name(&self) -> Option<String> {
        match self.odata_type.as_str() {
            "#microsoft.graph.user" => self.user_principal_name.clone(),
            "#microsoft.graph.servicePrincipal" => self
                .service_principal_names
                .as_ref()
                .and_then(|v| v.first().cloned()),
            _ => self.display_name.clone(),
        }
    }

    /// The `principalType` az prints.
    pub fn principal_type(&self) -> &'static str {
        match self.odata_type.as_str() {
            "#microsoft.graph.user" => "User",
            "#microsoft.graph.servicePrincipal" => "ServicePrincipal",
            "#microsoft.graph.group" => "Group",
            _ => "Unknown",
        }
    }
}

/// `{"value": [...]}` from Graph (with `@odata.context`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GraphList<T> {
    pub value: Vec<T>,
    #[serde(
        rename = "@odata.nextLink",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_link: Option<String>,
}
