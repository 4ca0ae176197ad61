//! The az output shapes of management-plane objects (az-surface.md §1.3, §2.0, §2.5): every
//! model field emitted (null when absent), ARM datetimes re-rendered as Python `isoformat()`,
//! and `resourceGroup` injected for resource-group-scoped ids.

use serde_json::{Value, json};

use crate::output::Row;
use crate::wire::arm::{DeletedManagedHsm, ManagedHsm, NetworkAcls, Region};

/// Python `datetime.isoformat()` of an ARM/ISO timestamp: `2024-05-01T10:00:00+00:00`, with
/// `.ffffff` only when the (truncated) microseconds are not zero. Unparseable input is kept.
pub fn az_datetime(s: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    match time::OffsetDateTime::parse(s, &Rfc3339) {
        Ok(t) => {
            let t = t.to_offset(time::UtcOffset::UTC);
            let micros = t.nanosecond() / 1000;
            let frac = if micros == 0 {
                String::new()
            } else {
                format!(".{micros:06}")
            };
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{frac}+00:00",
                t.year(),
                t.month() as u8,
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            )
        }
        Err(_) => s.to_string(),
    }
}

/// az's formatting of Unix seconds (data-plane `created`, `updated`, …).
pub fn az_epoch(secs: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(secs)
        .map(|t| {
            format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00",
                t.year(),
                t.month() as u8,
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            )
        })
        .unwrap_or_else(|_| secs.to_string())
}

fn opt_dt(s: &Option<String>) -> Value {
    s.as_deref()
        .map(|s| Value::String(az_datetime(s)))
        .unwrap_or(Value::Null)
}

/// The resource group named in an ARM id (`/subscriptions/x/resourceGroups/<rg>/…`).
pub fn resource_group_of(id: &str) -> Option<String> {
    let parts: Vec<&str> = id.split('/').collect();
    parts
        .iter()
        .position(|p| p.eq_ignore_ascii_case("resourceGroups"))
        .and_then(|i| parts.get(i + 1))
        .map(|s| s.to_string())
}

fn network_acls(a: &Option<NetworkAcls>) -> Value {
    match a {
        None => Value::Null,
        Some(a) => json!({
            "bypass": a.bypass,
            "defaultAction": a.default_action,
            "ipRules": a.ip_rules.as_ref().map(|v| v.iter().map(|r| json!({"value": r.value})).collect::<Vec<_>>()),
            "serviceTags": a.service_tags.as_ref().map(|v| v.iter().map(|t| json!({"tag": t.tag})).collect::<Vec<_>>()),
            "virtualNetworkRules": a.virtual_network_rules.as_ref().map(|v| v.iter().map(|r| json!({"id": r.id})).collect::<Vec<_>>()),
        }),
    }
}

fn regions(r: &Option<Vec<Region>>) -> Value {
    match r {
        None => Value::Null,
        Some(v) => v
            .iter()
            .map(|r| json!({"isPrimary": r.is_primary, "name": r.name, "provisioningState": r.provisioning_state}))
            .collect(),
    }
}

/// az's JSON of a `ManagedHsm` (all 15 property keys).
pub fn managed_hsm(h: &ManagedHsm) -> Value {
    let p = h.properties.clone().unwrap_or_default();
    let identity = h.identity.as_ref().map(|i| {
        json!({
            "principalId": i.principal_id,
            "tenantId": i.tenant_id,
            "type": i.identity_type,
            "userAssignedIdentities": i.user_assigned_identities.as_ref().map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), json!({"clientId": v.client_id, "principalId": v.principal_id})))
                    .collect::<serde_json::Map<_, _>>()
            }),
        })
    });
    let mut v = json!({
        "id": h.id,
        "identity": identity,
        "location": h.location,
        "name": h.name,
        "properties": {
            "createMode": p.create_mode,
            "enablePurgeProtection": p.enable_purge_protection,
            "enableSoftDelete": p.enable_soft_delete,
            "hsmUri": p.hsm_uri,
            "initialAdminObjectIds": p.initial_admin_object_ids,
            "networkAcls": network_acls(&p.network_acls),
            "privateEndpointConnections": p.private_endpoint_connections,
            "provisioningState": p.provisioning_state,
            "publicNetworkAccess": p.public_network_access,
            "regions": regions(&p.regions),
            "scheduledPurgeDate": opt_dt(&p.scheduled_purge_date),
            "securityDomainProperties": p.security_domain_properties.as_ref().map(|s| json!({
                "activationStatus": s.activation_status,
                "activationStatusMessage": s.activation_status_message,
            })),
            "softDeleteRetentionInDays": p.soft_delete_retention_in_days,
            "statusMessage": p.status_message,
            "tenantId": p.tenant_id,
        },
        "sku": h.sku.as_ref().map(|s| json!({"family": s.family, "name": s.name})),
        "systemData": h.system_data.as_ref().map(|s| json!({
            "createdAt": opt_dt(&s.created_at),
            "createdBy": s.created_by,
            "createdByType": s.created_by_type,
            "lastModifiedAt": opt_dt(&s.last_modified_at),
            "lastModifiedBy": s.last_modified_by,
            "lastModifiedByType": s.last_modified_by_type,
        })),
        "tags": h.tags,
        "type": h.resource_type,
    });
    if let Some(rg) = h.id.as_deref().and_then(resource_group_of) {
        v["resourceGroup"] = Value::String(rg);
    }
    v
}

/// az's JSON of a deleted HSM.
pub fn deleted_hsm(d: &DeletedManagedHsm) -> Value {
    let p = d.properties.clone().unwrap_or_default();
    json!({
        "id": d.id,
        "name": d.name,
        "properties": {
            "deletionDate": opt_dt(&p.deletion_date),
            "location": p.location,
            "mhsmId": p.mhsm_id,
            "purgeProtectionEnabled": p.purge_protection_enabled,
            "scheduledPurgeDate": opt_dt(&p.scheduled_purge_date),
            "tags": p.tags,
        },
        "systemData": null,
        "type": d.resource_type,
    })
}

/// Applies a row function to a result (a list, or one object as one row).
pub fn rows(v: &Value, row: impl Fn(&Value) -> Row) -> Vec<Row> {
    match v {
        Value::Array(a) => a.iter().map(row).collect(),
        other => vec![row(other)],
    }
}

/// az's table transformer for HSMs: `Location  Name  ResourceGroup`.
pub fn hsm_table(v: &Value) -> Vec<Row> {
    rows(v, |h| {
        vec![
            ("Location".into(), h["location"].clone()),
            ("Name".into(), h["name"].clone()),
            ("ResourceGroup".into(), h["resourceGroup"].clone()),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_isoformat() {
        assert_eq!(
            az_datetime("2024-05-01T10:00:00Z"),
            "2024-05-01T10:00:00+00:00"
        );
        assert_eq!(
            az_datetime("2024-05-01T10:00:00.1234567Z"),
            "2024-05-01T10:00:00.123456+00:00"
        );
        assert_eq!(
            az_datetime("2024-05-01T10:00:00.5Z"),
            "2024-05-01T10:00:00.500000+00:00"
        );
        assert_eq!(az_epoch(1668625952), "2022-11-16T19:12:32+00:00");
    }

    #[test]
    fn all_property_keys_and_resource_group() {
        let h: ManagedHsm = serde_json::from_value(json!({
            "id": "/subscriptions/s/resourceGroups/MyRg/providers/Microsoft.KeyVault/managedHSMs/h",
            "name": "h", "properties": {"hsmUri": "https://h/"}
        }))
        .unwrap();
        let v = managed_hsm(&h);
        assert_eq!(v["properties"].as_object().unwrap().len(), 15);
        assert_eq!(v["resourceGroup"], "MyRg");
        assert!(v["identity"].is_null());
    }
}
