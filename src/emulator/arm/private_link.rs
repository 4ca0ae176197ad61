//! Private link of a Managed HSM: the `privateEndpointConnections` and `privateLinkResources`
//! ARM operations, the connection records, the emulator's stand-in for the network side that
//! creates connections (`POST /.emulator/private-endpoints`), and the private data-plane
//! listener an approved connection opens (another port on 127.0.0.1, recorded in the HSM).
//!
//! Real Azure creates a connection from the network plane (`az network private-endpoint
//! create`), which the emulator does not have; the administration endpoint plays that part: it
//! creates a `Pending` connection (manual approval) or an `Approved` one (auto-approval), and
//! deleting the endpoint leaves its connection `Disconnected`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use super::managed_hsm::{
    authorize, find_live, hsm_scope, new_operation, not_found_hsm, operation_location, retry_after,
    stamp,
};
use super::{ArmRequest, accepted};
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::{HsmRecord, OperationKind, Stamp};
use crate::emulator::store::tables;
use crate::emulator::{Emulator, StartError};
use crate::wire::arm::ListResult;
use crate::wire::private_link::{
    ConnectionState, PEC_TYPE, PLR_TYPE, PecItem, PecProperties, PlrProperties, PrivateEndpoint,
    PrivateEndpointConnection, PrivateLinkResource,
};

/// Longest `privateLinkServiceConnectionState.description` accepted.
const MAX_DESCRIPTION: usize = 1024;
/// Most connections per HSM.
const MAX_CONNECTIONS: usize = 64;

/// One private endpoint connection as stored in its HSM's record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PecRecord {
    pub name: String,
    /// ARM id of the (network-side) private endpoint.
    pub private_endpoint_id: String,
    /// `Pending`, `Approved`, `Rejected` or `Disconnected`.
    pub status: String,
    pub description: String,
    pub etag: String,
    pub created: Stamp,
}

impl PecRecord {
    pub fn is_approved(&self) -> bool {
        self.status == "Approved"
    }

    fn properties(&self, provisioning: &str) -> PecProperties {
        PecProperties {
            private_endpoint: Some(PrivateEndpoint {
                id: Some(self.private_endpoint_id.clone()),
            }),
            private_link_service_connection_state: Some(ConnectionState {
                status: Some(self.status.clone()),
                description: Some(self.description.clone()),
                actions_required: Some("None".into()),
            }),
            provisioning_state: Some(provisioning.into()),
        }
    }

    fn id(&self, hsm: &HsmRecord) -> String {
        format!(
            "{}/privateEndpointConnections/{}",
            hsm.resource_id(),
            self.name
        )
    }

    /// The item the HSM lists in `properties.privateEndpointConnections`.
    pub fn to_item(&self, hsm: &HsmRecord) -> serde_json::Value {
        serde_json::to_value(PecItem {
            id: Some(self.id(hsm)),
            etag: Some(self.etag.clone()),
            properties: Some(self.properties("Succeeded")),
        })
        .unwrap_or_default()
    }

    fn to_wire(&self, hsm: &HsmRecord, provisioning: &str) -> PrivateEndpointConnection {
        PrivateEndpointConnection {
            id: Some(self.id(hsm)),
            name: Some(self.name.clone()),
            resource_type: Some(PEC_TYPE.into()),
            etag: Some(self.etag.clone()),
            location: Some(hsm.location.clone()),
            properties: Some(self.properties(provisioning)),
            ..Default::default()
        }
    }
}

fn new_etag() -> String {
    format!("W/\"{}\"", uuid::Uuid::new_v4().simple())
}

/// Starts or stops the private listener of an HSM to match its connections; a new port is
/// recorded in the HSM's record.
pub fn sync_listener(emu: &Arc<Emulator>, name: &str) -> ApiResult<()> {
    let Some(mut h) = emu
        .store
        .get::<HsmRecord>(tables::HSMS, &name.to_ascii_lowercase())?
        .filter(|h| h.deleted.is_none())
    else {
        emu.stop_private_listener(name);
        return Ok(());
    };
    if !h.has_approved_connection() {
        emu.stop_private_listener(name);
        return Ok(());
    }
    let bind_err = |e: StartError| ApiError::internal(e.to_string());
    let port = match emu.start_private_listener(&h.name, h.private_port.unwrap_or(0)) {
        Ok(p) => p,
        // The recorded port is taken by another process: move to a new one.
        Err(StartError::Bind { .. }) => emu.start_private_listener(&h.name, 0).map_err(bind_err)?,
        Err(e) => return Err(bind_err(e)),
    };
    if h.private_port != Some(port) {
        h.private_port = Some(port);
        emu.store.write(|tx| tx.put(tables::HSMS, &h.key(), &h))?;
    }
    Ok(())
}

fn pec_not_found(name: &str) -> ApiError {
    ApiError::not_found(
        "PrivateEndpointConnectionNotFound",
        format!("Private endpoint connection '{name}' was not found."),
    )
}

/// Routes `…/managedHSMs/{name}/privateEndpointConnections[/{pec}]` and
/// `…/privateLinkResources`; `rest` starts at the child collection.
pub fn route(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
    rest: &[String],
) -> ApiResult<Response> {
    let scope = hsm_scope(sub, rg, name);
    let low: Vec<String> = rest.iter().map(|s| s.to_ascii_lowercase()).collect();
    let low: Vec<&str> = low.iter().map(String::as_str).collect();
    let m = &r.method;
    match low.as_slice() {
        ["privatelinkresources"] if m == Method::GET => {
            authorize(emu, r, "Microsoft.KeyVault/managedHSMs/read", &scope)?;
            let h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
            Ok(Json(ListResult {
                value: vec![PrivateLinkResource {
                    id: Some(format!(
                        "{}/privateLinkResources/managedhsm",
                        h.resource_id()
                    )),
                    name: Some("managedhsm".into()),
                    resource_type: Some(PLR_TYPE.into()),
                    properties: Some(PlrProperties {
                        group_id: Some("managedhsm".into()),
                        required_members: Some(vec!["default".into()]),
                        required_zone_names: Some(vec!["privatelink.managedhsm.azure.net".into()]),
                    }),
                    ..Default::default()
                }],
                next_link: None,
            })
            .into_response())
        }
        ["privateendpointconnections"] if m == Method::GET => {
            authorize(
                emu,
                r,
                "Microsoft.KeyVault/managedHSMs/privateEndpointConnections/read",
                &scope,
            )?;
            let h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
            let value: Vec<_> = h
                .private_endpoints
                .iter()
                .map(|p| p.to_wire(&h, "Succeeded"))
                .collect();
            Ok(Json(ListResult {
                value,
                next_link: None,
            })
            .into_response())
        }
        ["privateendpointconnections", _] => {
            let pec = &rest[1];
            match *m {
                Method::GET => {
                    authorize(
                        emu,
                        r,
                        "Microsoft.KeyVault/managedHSMs/privateEndpointConnections/read",
                        &scope,
                    )?;
                    let h =
                        find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
                    let p = find(&h, pec).ok_or_else(|| pec_not_found(pec))?;
                    Ok(Json(p.to_wire(&h, "Succeeded")).into_response())
                }
                Method::PUT => put(emu, r, sub, rg, name, pec, &scope),
                Method::DELETE => delete(emu, r, sub, rg, name, pec, &scope),
                _ => Err(method_not_allowed(r)),
            }
        }
        _ => Err(method_not_allowed(r)),
    }
}

fn method_not_allowed(r: &ArmRequest) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        format!(
            "The method '{}' is not supported for '/{}'.",
            r.method,
            r.seg.join("/")
        ),
    )
}

fn find<'a>(h: &'a HsmRecord, pec: &str) -> Option<&'a PecRecord> {
    h.private_endpoints
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(pec))
}

/// PUT: the owner approves or rejects a connection (`privateLinkServiceConnectionState`).
fn put(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
    pec: &str,
    scope: &str,
) -> ApiResult<Response> {
    authorize(
        emu,
        r,
        "Microsoft.KeyVault/managedHSMs/privateEndpointConnections/write",
        scope,
    )?;
    let body: PrivateEndpointConnection = r.json()?;
    let mut h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
    let idx = h
        .private_endpoints
        .iter()
        .position(|p| p.name.eq_ignore_ascii_case(pec))
        .ok_or_else(|| pec_not_found(pec))?;
    let state = body
        .properties
        .and_then(|p| p.private_link_service_connection_state)
        .ok_or_else(|| {
            ApiError::bad_request(
                "BadRequest",
                "properties.privateLinkServiceConnectionState is required.",
            )
        })?;
    let current = h.private_endpoints[idx].status.clone();
    let status = match state
        .status
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("approved") => "Approved",
        Some("rejected") => "Rejected",
        Some("pending") if current == "Pending" => "Pending",
        Some(s @ ("pending" | "disconnected")) => {
            return Err(ApiError::bad_request(
                "BadRequest",
                format!(
                    "A private endpoint connection cannot be set to '{}'; it can be Approved or Rejected.",
                    state.status.as_deref().unwrap_or(s)
                ),
            ));
        }
        Some(_) | None => {
            return Err(ApiError::bad_request(
                "BadRequest",
                format!(
                    "Invalid privateLinkServiceConnectionState.status '{}': expected one of Approved, Rejected.",
                    state.status.as_deref().unwrap_or("")
                ),
            ));
        }
    };
    if current == "Disconnected" {
        return Err(ApiError::bad_request(
            "BadRequest",
            "The private endpoint of this connection has been deleted (Disconnected): it cannot be approved or rejected, only deleted.",
        ));
    }
    if current == "Rejected" && status != "Rejected" {
        return Err(ApiError::bad_request(
            "BadRequest",
            "A rejected private endpoint connection cannot be approved; create a new private endpoint.",
        ));
    }
    let description = state.description.unwrap_or_default();
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!("The description is longer than {MAX_DESCRIPTION} characters."),
        ));
    }
    if let Some(a) = state.actions_required.as_deref()
        && !a.eq_ignore_ascii_case("None")
    {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!("Invalid actionsRequired '{a}': expected None."),
        ));
    }
    let now = emu.clock.now();
    {
        let p = &mut h.private_endpoints[idx];
        // The etag changes with the state only (a repeated approval keeps it).
        if p.status != status || p.description != description {
            p.etag = new_etag();
        }
        p.status = status.into();
        p.description = description;
    }
    h.modified = stamp(r, now);
    emu.store.write(|tx| tx.put(tables::HSMS, &h.key(), &h))?;
    sync_listener(emu, &h.name)?;
    // The service answers while it applies the change; clients re-GET until Succeeded.
    Ok(Json(h.private_endpoints[idx].to_wire(&h, "Updating")).into_response())
}

/// DELETE: removes the connection (a long-running operation, as the service).
fn delete(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
    pec: &str,
    scope: &str,
) -> ApiResult<Response> {
    authorize(
        emu,
        r,
        "Microsoft.KeyVault/managedHSMs/privateEndpointConnections/delete",
        scope,
    )?;
    let mut h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
    let Some(idx) = h
        .private_endpoints
        .iter()
        .position(|p| p.name.eq_ignore_ascii_case(pec))
    else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let removed = h.private_endpoints.remove(idx);
    h.modified = stamp(r, emu.clock.now());
    let mut op = new_operation(emu, OperationKind::Delete, &h);
    op.resource_id = removed.id(&h);
    emu.store.write(|tx| {
        tx.put(tables::HSMS, &h.key(), &h)?;
        tx.put(tables::OPERATIONS, &op.id, &op)
    })?;
    sync_listener(emu, &h.name)?;
    Ok(accepted(&operation_location(emu, &op), retry_after(emu)))
}

/// Body of `POST /.emulator/private-endpoints`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminCreate {
    /// HSM name.
    hsm: String,
    /// Connection name.
    name: String,
    /// Name of the network-side private endpoint (default: the connection name).
    #[serde(default, rename = "privateEndpoint")]
    private_endpoint: Option<String>,
    /// The request message of the endpoint's owner.
    #[serde(default)]
    description: Option<String>,
    /// The endpoint's owner may approve connections to this HSM itself
    /// (`privateEndpointConnectionsApproval/action`): the connection is created `Approved`
    /// ("Auto-Approved") and the private address opens at once.
    #[serde(default, rename = "autoApprove")]
    auto_approve: bool,
}

fn valid_name(s: &str) -> bool {
    (1..=80).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `POST /.emulator/private-endpoints {"hsm", "name", "privateEndpoint"?, "description"?}` —
/// the network side: a private endpoint asks to connect to the HSM; the connection is `Pending`
/// until the HSM's owner approves it. Needs the `x-emulator-admin` header.
pub async fn admin_create(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    crate::emulator::hsm::admin(&emu, &headers)?;
    let body: AdminCreate = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(
            "InvalidRequestContent",
            format!("The request content was invalid and could not be deserialized: '{e}'."),
        )
    })?;
    let pe = body.private_endpoint.unwrap_or_else(|| body.name.clone());
    if !valid_name(&body.name) || !valid_name(&pe) {
        return Err(ApiError::bad_request(
            "InvalidName",
            "Connection and private endpoint names are 1-80 characters: letters, digits, '-', '_', '.'.",
        ));
    }
    let description = body.description.unwrap_or_default();
    if description.chars().count() > MAX_DESCRIPTION {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!("The description is longer than {MAX_DESCRIPTION} characters."),
        ));
    }
    let mut h = emu
        .store
        .get::<HsmRecord>(tables::HSMS, &body.hsm.to_ascii_lowercase())?
        .filter(|h| h.deleted.is_none())
        .ok_or_else(|| {
            ApiError::not_found(
                "ResourceNotFound",
                format!("No Managed HSM named '{}' exists.", body.hsm),
            )
        })?;
    if find(&h, &body.name).is_some() {
        return Err(ApiError::conflict(
            "Conflict",
            format!(
                "A private endpoint connection named '{}' exists.",
                body.name
            ),
        ));
    }
    if h.private_endpoints.len() >= MAX_CONNECTIONS {
        return Err(ApiError::conflict(
            "QuotaExceeded",
            format!("An HSM has at most {MAX_CONNECTIONS} private endpoint connections."),
        ));
    }
    let now = emu.clock.now();
    let rec = PecRecord {
        name: body.name.clone(),
        private_endpoint_id: format!(
            "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/privateEndpoints/{pe}",
            h.subscription_id, h.resource_group
        ),
        status: if body.auto_approve {
            "Approved"
        } else {
            "Pending"
        }
        .into(),
        description: if body.auto_approve && description.is_empty() {
            "Auto-Approved".into()
        } else {
            description
        },
        etag: new_etag(),
        created: Stamp {
            by: "mhsm-emulator".into(),
            by_type: "Application".into(),
            at: now,
        },
    };
    h.private_endpoints.push(rec.clone());
    emu.store.write(|tx| tx.put(tables::HSMS, &h.key(), &h))?;
    sync_listener(&emu, &h.name)?;
    Ok((StatusCode::CREATED, Json(rec.to_wire(&h, "Succeeded"))).into_response())
}

/// `DELETE /.emulator/private-endpoints/{hsm}/{name}`: the network side deletes the private
/// endpoint. Its connection stays on the HSM, `Disconnected` (only deletable), and no longer
/// opens the private address.
pub async fn admin_disconnect(
    State(emu): State<Arc<Emulator>>,
    axum::extract::Path((hsm, name)): axum::extract::Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    crate::emulator::hsm::admin(&emu, &headers)?;
    let mut h = emu
        .store
        .get::<HsmRecord>(tables::HSMS, &hsm.to_ascii_lowercase())?
        .filter(|h| h.deleted.is_none())
        .ok_or_else(|| {
            ApiError::not_found(
                "ResourceNotFound",
                format!("No Managed HSM named '{hsm}' exists."),
            )
        })?;
    let idx = h
        .private_endpoints
        .iter()
        .position(|p| p.name.eq_ignore_ascii_case(&name))
        .ok_or_else(|| pec_not_found(&name))?;
    {
        let p = &mut h.private_endpoints[idx];
        if p.status != "Disconnected" {
            p.status = "Disconnected".into();
            p.description = "The private endpoint has been deleted.".into();
            p.etag = new_etag();
        }
    }
    emu.store.write(|tx| tx.put(tables::HSMS, &h.key(), &h))?;
    sync_listener(&emu, &h.name)?;
    Ok(Json(h.private_endpoints[idx].to_wire(&h, "Succeeded")).into_response())
}
