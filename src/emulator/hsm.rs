//! Backend of the management plane: Managed HSM records (live and soft-deleted), their
//! long-running operations, resource groups, automatic purge at the scheduled date, and the
//! emulator's small administration endpoints (name resolution, clock).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::OffsetDateTime;

use super::clock::arm_time;
use super::error::{ApiError, ApiResult};
use super::store::{StoreError, tables};
use super::{Emulator, StartError};
use crate::wire::arm::{
    DELETED_MANAGED_HSM_TYPE, DeletedManagedHsm, DeletedManagedHsmProperties, MANAGED_HSM_TYPE,
    ManagedHsm, ManagedHsmProperties, ManagedServiceIdentity, NetworkAcls, Region,
    SecurityDomainProperties, Sku, SystemData,
};

/// Activation state of an HSM's security domain.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum Activation {
    NotActivated,
    Active,
}

/// Soft-delete facts of a deleted HSM.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Deletion {
    #[serde(with = "time::serde::rfc3339")]
    pub deletion_date: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub scheduled_purge_date: OffsetDateTime,
}

/// Who did what when (ARM `systemData`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stamp {
    pub by: String,
    pub by_type: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A Managed HSM as the emulator stores it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct HsmRecord {
    pub name: String,
    pub subscription_id: String,
    pub resource_group: String,
    pub location: String,
    pub sku: Sku,
    pub tags: BTreeMap<String, String>,
    pub identity: Option<ManagedServiceIdentity>,
    pub tenant_id: String,
    pub initial_admin_object_ids: Vec<String>,
    pub retention_days: u32,
    pub purge_protection: bool,
    pub public_network_access: String,
    pub network_acls: NetworkAcls,
    /// Loopback port of the data plane (stable across restarts).
    pub port: u16,
    pub created: Stamp,
    pub modified: Stamp,
    /// Provisioning completes at this time.
    #[serde(with = "time::serde::rfc3339")]
    pub ready_at: OffsetDateTime,
    pub activation: Activation,
    /// When an activation in progress completes (security-domain download or upload).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub activation_at: Option<OffsetDateTime>,
    pub deleted: Option<Deletion>,
    /// Private endpoint connections (made by `POST /.emulator/private-endpoints`, the stand-in
    /// for the network side; see `arm::private_link`).
    #[serde(default)]
    pub private_endpoints: Vec<super::arm::private_link::PecRecord>,
    /// Loopback port of the private data-plane listener: allocated on the first approval and
    /// kept (stable across restarts and re-approvals).
    #[serde(default)]
    pub private_port: Option<u16>,
    /// Secondary regions (the service allows one; a removed one stays listed as `Deleting`
    /// until its removal completes). Absent in records of earlier versions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondaries: Vec<SecondaryRegion>,
    /// Azure Monitor diagnostic settings on the HSM resource (`arm::diagnostic_settings`): the
    /// data-plane audit log is written only while one sends `AuditEvent` somewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostic_settings: Vec<crate::wire::insights::DiagnosticSetting>,
}

/// A secondary region of a multi-region HSM (rest-api.md §12): its own data-plane listener on
/// loopback, stable across restarts, serving the primary's state with a replication delay.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SecondaryRegion {
    /// Canonical location name (`westus3`).
    pub name: String,
    /// Loopback port of the region's data plane (0 until it is started).
    pub port: u16,
    /// Provisioning of the region completes at this time.
    #[serde(with = "time::serde::rfc3339")]
    pub ready_at: OffsetDateTime,
    /// Set on removal: the region is `Deleting` until then and gone after (its listener
    /// stops at once: a removed secondary is purged with no soft delete).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub removed_at: Option<OffsetDateTime>,
}

impl SecondaryRegion {
    /// `https://127.0.0.1:<port>/`: where this region serves the HSM's data plane.
    pub fn uri(&self) -> String {
        format!("https://127.0.0.1:{}/", self.port)
    }

    /// Whether the region serves (not removed).
    pub fn is_live(&self) -> bool {
        self.removed_at.is_none()
    }

    /// The region's `provisioningState` at `now`; `None` once its removal has completed.
    pub fn state(&self, now: OffsetDateTime) -> Option<&'static str> {
        match self.removed_at {
            Some(t) if now >= t => None,
            Some(_) => Some("Deleting"),
            None if now < self.ready_at => Some("Provisioning"),
            None => Some("Succeeded"),
        }
    }
}

impl HsmRecord {
    pub fn key(&self) -> String {
        self.name.to_ascii_lowercase()
    }

    pub fn resource_id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.KeyVault/managedHSMs/{}",
            self.subscription_id, self.resource_group, self.name
        )
    }

    /// Whether the HSM writes its audit log: as the service, only when a diagnostic setting
    /// sends the `AuditEvent` category (or the `audit`/`allLogs` group) to a destination.
    pub fn audit_logging(&self) -> bool {
        self.diagnostic_settings
            .iter()
            .any(|d| d.sends_audit_events())
    }

    pub fn hsm_uri(&self) -> String {
        format!("https://127.0.0.1:{}/", self.port)
    }

    /// Whether some private endpoint connection is approved (the private listener then serves).
    pub fn has_approved_connection(&self) -> bool {
        self.private_endpoints.iter().any(|p| p.is_approved())
    }

    /// The private address of the data plane while a connection is approved.
    pub fn private_uri(&self) -> Option<String> {
        match self.private_port {
            Some(p) if self.has_approved_connection() => Some(format!("https://127.0.0.1:{p}/")),
            _ => None,
        }
    }

    /// Whether the HSM serves key operations at `now` (activated, activation complete).
    pub fn is_active(&self, now: OffsetDateTime) -> bool {
        self.activation == Activation::Active && self.activation_at.is_none_or(|t| now >= t)
    }

    pub fn provisioning_state(&self, now: OffsetDateTime) -> &'static str {
        if self.deleted.is_some() {
            "Deleting"
        } else if now < self.ready_at {
            "Provisioning"
        } else if self
            .secondaries
            .iter()
            .any(|r| matches!(r.state(now), Some("Provisioning" | "Deleting")))
        {
            // Adding or removing a region is an update of the pool.
            "Updating"
        } else {
            "Succeeded"
        }
    }

    /// The live secondary region (at most one), if any.
    pub fn secondary(&self) -> Option<&SecondaryRegion> {
        self.secondaries.iter().find(|r| r.is_live())
    }

    /// `properties.regions`: the primary first, then the secondaries still listed.
    pub fn regions(&self, now: OffsetDateTime) -> Vec<Region> {
        let primary = Region {
            name: self.location.clone(),
            is_primary: Some(true),
            provisioning_state: Some(if now < self.ready_at {
                "Provisioning".into()
            } else {
                "Succeeded".into()
            }),
        };
        std::iter::once(primary)
            .chain(self.secondaries.iter().filter_map(|r| {
                Some(Region {
                    name: r.name.clone(),
                    is_primary: Some(false),
                    provisioning_state: Some(r.state(now)?.into()),
                })
            }))
            .collect()
    }

    /// `recoveryLevel` of keys (rest-api.md §9).
    pub fn recovery_level(&self) -> &'static str {
        match (self.retention_days == 90, self.purge_protection) {
            (true, false) => "Recoverable+Purgeable",
            (true, true) => "Recoverable",
            (false, false) => "CustomizedRecoverable+Purgeable",
            (false, true) => "CustomizedRecoverable",
        }
    }

    /// The ARM representation.
    pub fn to_wire(&self, now: OffsetDateTime) -> ManagedHsm {
        let state = self.provisioning_state(now);
        let (activation, activation_msg) = match self.is_active(now) {
            true => (
                "Active",
                "Your HSM has been activated and can be used for cryptographic operations.",
            ),
            false => (
                "NotActivated",
                "Your HSM is provisioned, but cannot be used for cryptographic operations until it is activated. To activate the HSM, download the security domain.",
            ),
        };
        let status_message = match state {
            "Provisioning" => "The Managed HSM is being provisioned.",
            "Deleting" => "The Managed HSM is being deleted.",
            "Updating" => "The Managed HSM is being updated.",
            _ => "The Managed HSM is provisioned and ready to use.",
        };
        ManagedHsm {
            id: Some(self.resource_id()),
            name: Some(self.name.clone()),
            resource_type: Some(MANAGED_HSM_TYPE.into()),
            location: Some(self.location.clone()),
            sku: Some(self.sku.clone()),
            tags: Some(self.tags.clone()),
            identity: self.identity.clone(),
            system_data: Some(SystemData {
                created_by: Some(self.created.by.clone()),
                created_by_type: Some(self.created.by_type.clone()),
                created_at: Some(arm_time(self.created.at)),
                last_modified_by: Some(self.modified.by.clone()),
                last_modified_by_type: Some(self.modified.by_type.clone()),
                last_modified_at: Some(arm_time(self.modified.at)),
            }),
            properties: Some(ManagedHsmProperties {
                tenant_id: Some(self.tenant_id.clone()),
                initial_admin_object_ids: Some(self.initial_admin_object_ids.clone()),
                hsm_uri: Some(self.hsm_uri()),
                enable_soft_delete: Some(true),
                soft_delete_retention_in_days: Some(self.retention_days),
                enable_purge_protection: Some(self.purge_protection),
                create_mode: None,
                status_message: Some(status_message.into()),
                provisioning_state: Some(state.into()),
                network_acls: Some(self.network_acls.clone()),
                regions: Some(self.regions(now)),
                private_endpoint_connections: Some(
                    self.private_endpoints
                        .iter()
                        .map(|p| p.to_item(self))
                        .collect(),
                ),
                public_network_access: Some(self.public_network_access.clone()),
                scheduled_purge_date: self
                    .deleted
                    .as_ref()
                    .map(|d| arm_time(d.scheduled_purge_date)),
                security_domain_properties: Some(SecurityDomainProperties {
                    activation_status: Some(activation.into()),
                    activation_status_message: Some(activation_msg.into()),
                }),
            }),
        }
    }

    /// The `deletedManagedHSMs` representation.
    pub fn to_deleted_wire(&self) -> Option<DeletedManagedHsm> {
        let d = self.deleted.as_ref()?;
        Some(DeletedManagedHsm {
            id: Some(format!(
                "/subscriptions/{}/providers/Microsoft.KeyVault/locations/{}/deletedManagedHSMs/{}",
                self.subscription_id, self.location, self.name
            )),
            name: Some(self.name.clone()),
            resource_type: Some(DELETED_MANAGED_HSM_TYPE.into()),
            properties: Some(DeletedManagedHsmProperties {
                mhsm_id: Some(self.resource_id()),
                location: Some(self.location.clone()),
                deletion_date: Some(arm_time(d.deletion_date)),
                scheduled_purge_date: Some(arm_time(d.scheduled_purge_date)),
                purge_protection_enabled: Some(self.purge_protection),
                tags: Some(self.tags.clone()),
            }),
        })
    }
}

/// Kinds of ARM long-running operations.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum OperationKind {
    CreateOrUpdate,
    Delete,
    Purge,
}

/// An ARM long-running operation (polled through `managedHsmOperationResults`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Operation {
    pub id: String,
    pub kind: OperationKind,
    pub hsm_name: String,
    pub subscription_id: String,
    pub location: String,
    pub resource_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub done_at: OffsetDateTime,
}

/// A resource group as stored.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ResourceGroupRecord {
    pub subscription_id: String,
    pub name: String,
    pub location: String,
    pub tags: BTreeMap<String, String>,
}

impl ResourceGroupRecord {
    pub fn key(sub: &str, name: &str) -> String {
        format!("{}/{}", sub.to_ascii_lowercase(), name.to_ascii_lowercase())
    }

    pub fn id(&self) -> String {
        format!(
            "/subscriptions/{}/resourceGroups/{}",
            self.subscription_id, self.name
        )
    }

    pub fn to_wire(&self) -> crate::wire::arm::ResourceGroup {
        crate::wire::arm::ResourceGroup {
            id: Some(self.id()),
            name: Some(self.name.clone()),
            resource_type: Some("Microsoft.Resources/resourceGroups".into()),
            location: self.location.clone(),
            tags: Some(self.tags.clone()),
            properties: Some(serde_json::json!({"provisioningState": "Succeeded"})),
        }
    }
}

/// Creates the directory's resource groups that do not exist yet.
pub fn ensure_resource_groups(emu: &Emulator) -> ApiResult<()> {
    let dir = emu.directory.read().expect("directory lock").clone();
    // Nothing to write (an fsync) on a restart: every group is there already.
    let missing = |rg: &crate::emulator::directory::ResourceGroupDef| {
        let key = ResourceGroupRecord::key(&dir.subscription_id, &rg.name);
        !matches!(
            emu.store
                .get::<ResourceGroupRecord>(tables::RESOURCE_GROUPS, &key),
            Ok(Some(_))
        )
    };
    if !dir.resource_groups.iter().any(missing) {
        return Ok(());
    }
    emu.store.write(|tx| {
        for rg in &dir.resource_groups {
            let key = ResourceGroupRecord::key(&dir.subscription_id, &rg.name);
            if tx
                .get::<ResourceGroupRecord>(tables::RESOURCE_GROUPS, &key)?
                .is_none()
            {
                tx.put(
                    tables::RESOURCE_GROUPS,
                    &key,
                    &ResourceGroupRecord {
                        subscription_id: dir.subscription_id.clone(),
                        name: rg.name.clone(),
                        location: rg.location.clone(),
                        tags: BTreeMap::new(),
                    },
                )?;
            }
        }
        Ok::<_, ApiError>(())
    })
}

/// Starts the data plane of every live HSM on its recorded port.
pub fn start_all_listeners(emu: &Arc<Emulator>) -> Result<(), StartError> {
    let hsms: Vec<(String, HsmRecord)> = emu
        .store
        .list(tables::HSMS, "")
        .map_err(|e| StartError::State(e.to_string()))?;
    for (_, h) in hsms.into_iter().filter(|(_, h)| h.deleted.is_none()) {
        match emu.start_listener(&h.name, h.port) {
            Ok(_) => {}
            Err(StartError::Bind { .. }) => {
                // The recorded port is taken by another process: move the HSM to a new port
                // (its hsmUri changes) rather than refusing to start.
                let port = emu.start_listener(&h.name, 0)?;
                let mut moved = h.clone();
                moved.port = port;
                emu.store
                    .write(|tx| tx.put(tables::HSMS, &moved.key(), &moved))
                    .map_err(|e: StoreError| StartError::State(e.to_string()))?;
            }
            Err(e) => return Err(e),
        }
        super::arm::private_link::sync_listener(emu, &h.name).map_err(|e| {
            StartError::State(format!("private endpoint listener of {}: {e:?}", h.name))
        })?;
        start_replicas(emu, &h.key()).map_err(|e| StartError::State(e.message))?;
    }
    Ok(())
}

/// Starts the listeners of an HSM's live secondary regions that do not run (on their recorded
/// ports, else on new ones, recorded) and stops those of removed regions.
pub fn start_replicas(emu: &Arc<Emulator>, key: &str) -> ApiResult<()> {
    let Some(mut h) = emu.store.get::<HsmRecord>(tables::HSMS, key)? else {
        return Ok(());
    };
    let mut moved = false;
    for r in h.secondaries.iter_mut() {
        if !r.is_live() || h.deleted.is_some() {
            emu.stop_listener(&super::replica_key(&h.name, &r.name));
            continue;
        }
        if r.port != 0 && emu.has_listener(&super::replica_key(&h.name, &r.name)) {
            continue;
        }
        let port = emu
            .start_replica_listener(&h.name, &r.name, r.port)
            .or_else(|_| emu.start_replica_listener(&h.name, &r.name, 0))
            .map_err(|e| {
                ApiError::internal(format!("cannot start the region's data plane: {e}"))
            })?;
        if port != r.port {
            r.port = port;
            moved = true;
        }
    }
    if moved {
        emu.store.write(|tx| tx.put(tables::HSMS, &h.key(), &h))?;
    }
    Ok(())
}

/// Stops the listeners of every secondary region of an HSM (delete, purge).
pub fn stop_replicas(emu: &Emulator, h: &HsmRecord) {
    for r in &h.secondaries {
        emu.stop_listener(&super::replica_key(&h.name, &r.name));
    }
}

/// Purges soft-deleted HSMs whose scheduled purge date has passed; on live HSMs, purges
/// soft-deleted keys at their scheduled date and rotates keys whose rotation policy is due.
pub fn housekeeping(emu: &Arc<Emulator>) {
    let now = emu.clock.now();
    let Ok(hsms) = emu.store.list::<HsmRecord>(tables::HSMS, "") else {
        return;
    };
    for (key, h) in hsms {
        match &h.deleted {
            Some(d) if now >= d.scheduled_purge_date => {
                let _ = purge_hsm_state(emu, &key);
            }
            Some(_) => {}
            None => super::dataplane::keys::housekeeping(emu, &key),
        }
    }
}

/// Removes an HSM and all its data-plane state.
pub fn purge_hsm_state(emu: &Emulator, key: &str) -> Result<(), StoreError> {
    emu.stop_listener(key);
    if let Ok(Some(h)) = emu.store.get::<HsmRecord>(tables::HSMS, key) {
        stop_replicas(emu, &h);
    }
    emu.store.write(|tx| {
        tx.delete(tables::HSMS, key)?;
        super::dataplane::purge_state(tx, key)?;
        Ok::<_, StoreError>(())
    })?;
    emu.materials.evict(key, None);
    Ok(())
}

/// `GET /.emulator/dns/{name}` — the emulator's stand-in for DNS: resolves an HSM name to its
/// data-plane URL (unauthenticated, as DNS is). Soft-deleted HSMs do not resolve.
pub async fn dns_resolve(State(emu): State<Arc<Emulator>>, Path(name): Path<String>) -> Response {
    match emu.store.get::<HsmRecord>(tables::HSMS, &name.to_ascii_lowercase()) {
        Ok(Some(h)) if h.deleted.is_none() => {
            // `privateUri`: the emulator's private endpoint address; `regions`: where each region
            // serves the HSM (the service resolves the one DNS name to the nearest healthy
            // region; the emulator gives each its own address). No DNS zone to publish them.
            let now = emu.clock.now();
            let regions: Vec<_> = std::iter::once(serde_json::json!({
                "name": h.location, "isPrimary": true, "hsmUri": h.hsm_uri()
            }))
            .chain(h.secondaries.iter().filter(|r| r.is_live()).map(|r| {
                serde_json::json!({
                    "name": r.name, "isPrimary": false, "hsmUri": r.uri(),
                    "provisioningState": r.state(now)
                })
            }))
            .collect();
            let mut v = serde_json::json!({"name": h.name, "hsmUri": h.hsm_uri(), "regions": regions});
            if let Some(p) = h.private_uri() {
                v["privateUri"] = p.into();
            }
            Json(v).into_response()
        }
        Ok(_) => (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({"error": {"code": "NameNotFound", "message": format!("No Managed HSM named '{name}' exists.")}})),
        )
            .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub(crate) fn admin(emu: &Emulator, headers: &HeaderMap) -> ApiResult<()> {
    let ok = headers
        .get("x-emulator-admin")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == emu.admin_token);
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "The emulator administration endpoints need the x-emulator-admin header (see admin.json in the state directory).",
        ))
    }
}

/// `GET /.emulator/clock`.
pub async fn clock_get(State(emu): State<Arc<Emulator>>) -> Json<serde_json::Value> {
    Json(serde_json::json!({"now": arm_time(emu.clock.now()), "offsetSeconds": emu.clock.offset()}))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockAdvance {
    seconds: i64,
}

/// `POST /.emulator/clock {"seconds": N}` — moves the emulator's clock forward. Anything but a
/// non-negative integer that keeps the clock within 100 years of real time is a 400 (and
/// nothing is stored).
pub async fn clock_advance(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> ApiResult<Json<serde_json::Value>> {
    admin(&emu, &headers)?;
    let body: ClockAdvance = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(
            "BadRequest",
            format!("The body must be {{\"seconds\": <non-negative integer>}}: {e}"),
        )
    })?;
    let offset = emu
        .clock
        .advance(body.seconds)
        .map_err(|e| ApiError::bad_request("BadRequest", e.to_string()))?;
    emu.store
        .write(|tx| tx.put(tables::META, "clock_offset", &offset))?;
    housekeeping(&emu);
    Ok(Json(
        serde_json::json!({"now": arm_time(emu.clock.now()), "offsetSeconds": offset}),
    ))
}
