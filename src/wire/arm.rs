//! Azure Resource Manager shapes: `Microsoft.KeyVault/managedHSMs` (rest-api.md §13,
//! az-surface.md §2), deleted HSMs, name checks, subscriptions, tenants, resource groups.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The resource type string ARM reports for a Managed HSM.
pub const MANAGED_HSM_TYPE: &str = "Microsoft.KeyVault/managedHSMs";
/// The resource type string of a soft-deleted Managed HSM.
pub const DELETED_MANAGED_HSM_TYPE: &str = "Microsoft.KeyVault/deletedManagedHSMs";

/// A page of an ARM list (`{"value": [...], "nextLink": ...}`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ListResult<T> {
    pub value: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// `Microsoft.KeyVault/managedHSMs` resource.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ManagedHsm {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<Sku>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<ManagedServiceIdentity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_data: Option<SystemData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<ManagedHsmProperties>,
}

/// SKU (`{"family": "B", "name": "Standard_B1"}`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Sku {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    pub name: String,
}

/// The SKU names the service accepts.
pub const SKU_NAMES: &[&str] = &[
    "Standard_B1",
    "Custom_B32",
    "Custom_B6",
    "Custom_C42",
    "Custom_C10",
];

impl Sku {
    /// Builds a SKU from its name; the family is the first letter after `_` (as az computes it).
    pub fn from_name(name: &str) -> Option<Sku> {
        let canonical = SKU_NAMES
            .iter()
            .find(|n| n.eq_ignore_ascii_case(name))?
            .to_string();
        let family = canonical.split('_').nth(1)?.chars().next()?.to_string();
        Some(Sku {
            family: Some(family),
            name: canonical,
        })
    }
}

/// `identity` of an HSM (user-assigned managed identities only).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ManagedServiceIdentity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    #[serde(rename = "type")]
    pub identity_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_assigned_identities: Option<BTreeMap<String, UserAssignedIdentity>>,
}

/// One user-assigned identity entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct UserAssignedIdentity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

/// ARM `systemData`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SystemData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_by_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_at: Option<String>,
}

/// `properties` of a Managed HSM.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ManagedHsmProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_admin_object_ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_soft_delete: Option<bool>,
    /// az 2.91.0 sends this as a JSON *string* (`"7"`, a bug); both forms are accepted, and mhsm
    /// sends a number.
    #[serde(
        default,
        deserialize_with = "lenient_u32",
        skip_serializing_if = "Option::is_none"
    )]
    pub soft_delete_retention_in_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_purge_protection: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioning_state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_acls: Option<NetworkAcls>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<Region>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_endpoint_connections: Option<Vec<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_network_access: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_purge_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_domain_properties: Option<SecurityDomainProperties>,
}

/// `networkAcls`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct NetworkAcls {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bypass: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_rules: Option<Vec<IpRule>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_tags: Option<Vec<ServiceTag>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub virtual_network_rules: Option<Vec<VirtualNetworkRule>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IpRule {
    pub value: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ServiceTag {
    pub tag: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct VirtualNetworkRule {
    pub id: String,
}

/// One region of a (possibly multi-region) HSM pool.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_primary: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioning_state: Option<String>,
}

/// `securityDomainProperties` (activation state as ARM reports it).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SecurityDomainProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_status_message: Option<String>,
}

/// A soft-deleted Managed HSM (`deletedManagedHSMs`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeletedManagedHsm {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<DeletedManagedHsmProperties>,
}

/// `properties` of a deleted HSM.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeletedManagedHsmProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mhsm_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_purge_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purge_protection_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
}

/// `POST …/checkMhsmNameAvailability` body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CheckNameRequest {
    pub name: String,
}

/// `checkMhsmNameAvailability` result.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CheckNameResult {
    pub name_available: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// An entry of `GET /subscriptions`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    pub id: String,
    pub subscription_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_policies: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by_tenants: Option<Vec<serde_json::Value>>,
}

/// An entry of `GET /tenants`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    pub id: String,
    pub tenant_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_type: Option<String>,
}

/// A resource group.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResourceGroup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<serde_json::Value>,
}

/// Accepts `7` or `"7"` (az sends the retention as a string).
fn lenient_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrStr {
        Num(u32),
        Str(String),
    }
    match Option::<NumOrStr>::deserialize(d)? {
        None => Ok(None),
        Some(NumOrStr::Num(n)) => Ok(Some(n)),
        Some(NumOrStr::Str(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("'{s}' is not a number of days"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_accepts_string_and_number() {
        let p: ManagedHsmProperties =
            serde_json::from_str(r#"{"softDeleteRetentionInDays":"7"}"#).unwrap();
        assert_eq!(p.soft_delete_retention_in_days, Some(7));
        let p: ManagedHsmProperties =
            serde_json::from_str(r#"{"softDeleteRetentionInDays":90}"#).unwrap();
        assert_eq!(p.soft_delete_retention_in_days, Some(90));
        assert!(
            serde_json::from_str::<ManagedHsmProperties>(r#"{"softDeleteRetentionInDays":"x"}"#)
                .is_err()
        );
    }

    #[test]
    fn sku_family_from_name() {
        let s = Sku::from_name("custom_c42").unwrap();
        assert_eq!(s.name, "Custom_C42");
        assert_eq!(s.family.as_deref(), Some("C"));
        assert!(Sku::from_name("premium").is_none());
    }
}
