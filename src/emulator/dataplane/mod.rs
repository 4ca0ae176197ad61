//! Protocol of one HSM's data plane (its own HTTPS listener): request ids, the Key Vault
//! response headers, the 401 challenge, bearer-token validation against the HSM's tenant and
//! audience, the activation gate, and routing to the data-plane operations.

pub mod audit;
pub mod backup;
pub mod ekm;
pub mod keys;
pub mod network;
pub mod rbac;
pub mod replica;
pub mod routes;
pub mod security_domain;
pub mod settings;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Extension, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use super::Emulator;
use super::auth::{AuthFailure, Caller, authenticate};
use super::error::{ApiError, ApiResult, REQUEST, RequestContext};
use super::hsm::HsmRecord;
use super::store::{StoreError, Tx, tables};
use routes::{KeyOp, Route};
use std::collections::HashMap;

/// The audience Managed HSM tokens must carry (rest-api.md §3).
pub const MHSM_AUDIENCE: &str = "https://managedhsm.azure.net";

/// State of one data-plane listener.
#[derive(Clone)]
pub struct Plane {
    pub emu: Arc<Emulator>,
    /// Lower-cased HSM name (store key).
    pub key: String,
    /// How connections reach this listener (which network rules apply).
    pub ingress: network::Ingress,
    /// A secondary region's listener (its name): it sees writes after the replication delay.
    pub replica: Option<String>,
}

impl Plane {
    /// The HSM's record (decoded once per committed write: every request reads it).
    pub fn hsm(&self) -> Result<Arc<HsmRecord>, ApiError> {
        self.emu
            .store
            .get_cached::<HsmRecord>(tables::HSMS, &self.key)?
            .filter(|h| h.deleted.is_none())
            .ok_or_else(|| ApiError::not_found("HsmNotFound", "The Managed HSM does not exist."))
    }

    /// Now, in unix milliseconds of the emulator's clock.
    pub fn now_ms(&self) -> i64 {
        (self.emu.clock.now().unix_timestamp_nanos() / 1_000_000) as i64
    }

    /// For a secondary region, the unix milliseconds up to which writes have replicated to it;
    /// none on the primary, which sees every write at once.
    pub fn replicated_before(&self) -> Option<i64> {
        let region = self.replica.as_deref()?;
        let hsm = self.hsm().ok()?;
        Some(replica::region_cutoff_ms(&self.emu, &hsm, region))
    }
}

/// Creates the data-plane state of a new HSM (called in the creating transaction).
pub fn init_state(tx: &mut Tx<'_>, hsm: &HsmRecord) -> Result<(), StoreError> {
    rbac::init_state(tx, hsm)
}

/// Removes every data-plane record of an HSM (purge).
pub fn purge_state(tx: &mut Tx<'_>, key: &str) -> Result<(), StoreError> {
    rbac::purge_state(tx, key)?;
    security_domain::purge_state(tx, key)?;
    backup::purge_state(tx, key)?;
    settings::purge_state(tx, key)?;
    ekm::purge_state(tx, key)?;
    keys::purge_state(tx, key)
}

/// The router of one HSM's listener.
pub fn router(emu: Arc<Emulator>, key: String) -> Router {
    router_for(emu, key, network::Ingress::Public)
}

/// The router of one HSM's listener for a given ingress (public or private endpoint).
pub fn router_for(emu: Arc<Emulator>, key: String, ingress: network::Ingress) -> Router {
    plane_router(Plane {
        emu,
        key,
        ingress,
        replica: None,
    })
}

/// The router serving `plane`.
pub fn plane_router(plane: Plane) -> Router {
    Router::new()
        .fallback(dispatch)
        .layer(middleware::from_fn_with_state(
            plane.clone(),
            authenticate_layer,
        ))
        // Bodies are read (bounded) before anything else; the handlers' own limit is ours.
        .layer(middleware::from_fn_with_state(
            crate::emulator::input::DATAPLANE_MAX_BODY,
            crate::emulator::input::limit_body,
        ))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(plane)
}

/// Collapses runs of slashes (clients send `//keys/providers/...`, rest-api.md §2).
fn normalize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut prev_slash = false;
    for c in path.chars() {
        if c == '/' {
            if !prev_slash {
                out.push(c);
            }
            prev_slash = true;
        } else {
            out.push(c);
            prev_slash = false;
        }
    }
    out
}

/// Request id, challenge, token validation; adds the Key Vault response headers.
async fn authenticate_layer(State(plane): State<Plane>, mut req: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let request_id = uuid::Uuid::new_v4().to_string();
    let ctx = RequestContext {
        request_id: request_id.clone(),
        activity_suffix: true,
    };
    let method = req.method().clone();
    // The client address is the TCP peer (the service sees no proxy headers either).
    let addr = network::ClientAddr(
        req.extensions()
            .get::<ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)),
    );
    req.extensions_mut().insert(addr);
    let mut resp = REQUEST
        .scope(ctx, async {
            let hsm = match plane.hsm() {
                Ok(h) => h,
                Err(e) => return e.into_response(),
            };
            match authenticate(&plane.emu, req.headers(), &[MHSM_AUDIENCE]) {
                Ok(caller) => {
                    if !caller.claims.tid.eq_ignore_ascii_case(&hsm.tenant_id) {
                        let resp = unauthorized(
                            &plane,
                            &hsm,
                            &method,
                            Some("The access token is from the wrong tenant.".into()),
                        );
                        audit(
                            &plane,
                            &hsm,
                            None,
                            addr,
                            &method,
                            req.uri(),
                            req.headers(),
                            resp.status().as_u16(),
                            started,
                        );
                        return resp;
                    }
                    if let Err(e) = network::admit(&plane.emu, &hsm, plane.ingress, addr, &caller) {
                        // Firewall blocks are audited like every authenticated request.
                        let resp = e.into_response();
                        audit(
                            &plane,
                            &hsm,
                            Some(&caller),
                            addr,
                            &method,
                            req.uri(),
                            req.headers(),
                            resp.status().as_u16(),
                            started,
                        );
                        return resp;
                    }
                    req.extensions_mut().insert(caller);
                    let path = normalize_path(req.uri().path());
                    if path != req.uri().path() {
                        let pq = match req.uri().query() {
                            Some(q) => format!("{path}?{q}"),
                            None => path,
                        };
                        if let Ok(uri) = pq.parse() {
                            *req.uri_mut() = uri;
                        }
                    }
                    next.run(req).await
                }
                Err(failure) => {
                    // The service logs requests refused with 401 too (rest-api.md §11): the
                    // record has no identity, and the refused token is not kept.
                    let reason = match failure {
                        AuthFailure::Missing => None,
                        AuthFailure::Invalid(e) => Some(e.to_string()),
                    };
                    let resp = unauthorized(&plane, &hsm, &method, reason);
                    audit(
                        &plane,
                        &hsm,
                        None,
                        addr,
                        &method,
                        req.uri(),
                        req.headers(),
                        resp.status().as_u16(),
                        started,
                    );
                    resp
                }
            }
        })
        .await;
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        h.insert("x-ms-request-id", v);
    }
    h.insert("x-ms-keyvault-region", HeaderValue::from_static("local"));
    if let Ok(v) = HeaderValue::from_str(&addr.network_info()) {
        h.insert("x-ms-keyvault-network-info", v);
    }
    if let Ok(v) = HeaderValue::from_str(&started.elapsed().as_millis().to_string()) {
        h.insert("x-ms-server-latency", v);
    }
    h.insert(
        "x-ms-build-version",
        HeaderValue::from_static(env!("CARGO_PKG_VERSION")),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("x-frame-options", HeaderValue::from_static("SAMEORIGIN"));
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    );
    h.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'self'"),
    );
    resp
}

/// The 401: the bare challenge when no token was sent (body `OK` on GET, empty otherwise), or
/// `Unauthorized` with the reason when a token was refused.
fn unauthorized(
    plane: &Plane,
    hsm: &HsmRecord,
    method: &Method,
    reason: Option<String>,
) -> Response {
    let challenge = format!(
        "Bearer authorization=\"{}/{}\", resource=\"{}\"",
        plane.emu.urls.authority, hsm.tenant_id, MHSM_AUDIENCE
    );
    let mut resp = match reason {
        None => {
            let body = if *method == Method::GET { "OK" } else { "" };
            (StatusCode::UNAUTHORIZED, body).into_response()
        }
        Some(r) => ApiError::new(StatusCode::UNAUTHORIZED, "Unauthorized", r).into_response(),
    };
    if let Ok(v) = HeaderValue::from_str(&challenge) {
        resp.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    resp
}

/// Every authenticated data-plane request: route, activation gate, RBAC, operation, audit.
async fn dispatch(
    State(plane): State<Plane>,
    Extension(caller): Extension<Caller>,
    Extension(addr): Extension<network::ClientAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let started = std::time::Instant::now();
    let query: HashMap<String, String> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let route = routes::parse(&method, uri.path());
    let hsm = match plane.hsm() {
        Ok(h) => h,
        Err(e) => return e.into_response(),
    };
    // A repeated api-version is refused (the query map above keeps only the last one).
    let checked = crate::emulator::input::single_api_version(uri.query(), "BadParameter");
    let resp = match checked {
        Err(e) => e.into_response(),
        Ok(()) => match handle(
            &plane,
            &caller,
            &hsm,
            &method,
            uri.path(),
            &route,
            &query,
            &headers,
            &body,
        )
        .await
        {
            Ok(r) => r,
            Err(e) => e.into_response(),
        },
    };
    audit(
        &plane,
        &hsm,
        Some(&caller),
        addr,
        &method,
        &uri,
        &headers,
        resp.status().as_u16(),
        started,
    );
    resp
}

/// Appends the audit record of a request: served, refused by the firewall, or (no `caller`)
/// refused with 401.
#[allow(clippy::too_many_arguments)]
fn audit(
    plane: &Plane,
    hsm: &HsmRecord,
    caller: Option<&Caller>,
    addr: network::ClientAddr,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    status: u16,
    started: std::time::Instant,
) {
    if !hsm.audit_logging() {
        return;
    }
    let api_version = uri
        .query()
        .and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "api-version")
                .map(|(_, v)| v.into_owned())
        })
        .unwrap_or_default();
    let operation = routes::parse(method, &normalize_path(uri.path())).operation_name(method);
    let header = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let request_id = REQUEST
        .try_with(|c| c.request_id.clone())
        .unwrap_or_default();
    // HTTP/2 requests carry the absolute URI (`https://host:port/keys…`), HTTP/1.1 ones the
    // origin form (`/keys…`): the record names the HSM's URI plus the path and query either way.
    let request_uri = format!(
        "{}{}",
        hsm.hsm_uri().trim_end_matches('/'),
        uri.path_and_query().map_or("/", |p| p.as_str())
    );
    let time = crate::emulator::clock::arm_time(plane.emu.clock.now());
    let duration = started.elapsed().as_millis() as u64;
    let mut record = audit::AuditRecord::new(
        hsm,
        caller,
        time,
        &operation,
        &api_version,
        status,
        duration,
        request_uri,
        header("user-agent"),
        header("x-ms-client-request-id"),
        request_id,
    );
    record.caller_ip_address = addr.0.to_string();
    plane.emu.audit.append(&plane.key, &record);
}

/// api-versions of the Managed HSM data plane the emulator accepts.
const API_VERSIONS: &[&str] = &[
    "7.2",
    "7.3",
    "7.4",
    "7.5",
    "7.6",
    "7.5-preview.1",
    "7.6-preview.1",
    "7.6-preview.2",
    "2025-06-01",
    "2025-07-01",
    "2026-01-01-preview",
    "2026-04-01",
    "2026-07-01-preview",
];

#[allow(clippy::too_many_arguments)]
async fn handle(
    plane: &Plane,
    caller: &Caller,
    hsm: &HsmRecord,
    method: &Method,
    path: &str,
    route: &Route,
    query: &HashMap<String, String>,
    headers: &HeaderMap,
    body: &Bytes,
) -> ApiResult<Response> {
    crate::emulator::input::json_content_type(headers, body)?;
    let api_version = query
        .get("api-version")
        .map(String::as_str)
        .unwrap_or_default();
    // The Azure-AsyncOperation URL of a backup or restore carries no api-version (recorded
    // traffic) and clients poll it as given.
    let status_poll = matches!(
        route,
        Route::BackupPending { .. } | Route::RestorePending { .. }
    );
    match query.get("api-version") {
        None if status_poll => {}
        None => {
            return Err(ApiError::bad_request(
                "BadParameter",
                "The request URI does not contain the required 'api-version' query parameter.",
            ));
        }
        Some(v) if !API_VERSIONS.contains(&v.as_str()) => {
            return Err(ApiError::bad_request(
                "BadParameter",
                format!(
                    "The specified version ({v}) is not recognized. Consider using the latest supported version (2026-04-01)."
                ),
            ));
        }
        Some(_) => {}
    }
    let Some(op) = route.requirement(method) else {
        return Err(routes::refusal(method, path, route));
    };
    // Order (rest-api.md §15): token (done) → activation → RBAC → the operation itself.
    if !hsm.is_active(plane.emu.clock.now()) && !op.before_activation {
        return Err(not_activated());
    }
    backup::restore_gate(plane, route)?;
    rbac::authorize(plane, caller, op.action, &op.scope)?;
    if route.is_rbac_crud() {
        plane.emu.throttle_rbac(&plane.key)?;
    }
    match route {
        Route::RoleAssignments { scope, name } => {
            rbac::role_assignments(plane, method, scope, name.as_deref(), query, body)
        }
        Route::RoleDefinitions { scope, name } => {
            rbac::role_definitions(plane, method, scope, name.as_deref(), query, body)
        }
        Route::SdDownload => security_domain::download(plane, hsm, body, api_version),
        Route::SdDownloadPending => security_domain::pending(plane, hsm, false, api_version),
        Route::SdUpload if *method == Method::GET => security_domain::transfer_key(plane, hsm),
        Route::SdUpload => security_domain::upload(plane, hsm, body, api_version),
        Route::SdUploadPending => security_domain::pending(plane, hsm, true, api_version),
        Route::Backup { pre } => backup::start_backup(plane, hsm, caller, body, *pre).await,
        Route::BackupPending { job } => backup::status(plane, job, true),
        Route::Restore { pre } => backup::start_restore(plane, hsm, caller, body, *pre).await,
        Route::RestorePending { job } => backup::status(plane, job, false),
        Route::KeySelectiveRestore { name } => {
            backup::start_selective(plane, hsm, caller, name, body).await
        }
        Route::KeyCreate { name } if ekm::keys::is_external_create(body) => {
            ekm::keys::create(plane, hsm, name, body).await
        }
        r if ekm::keys::routed_here(plane, r) => {
            ekm::keys::serve(plane, hsm, method, route, body).await
        }
        Route::KeyOperation {
            name,
            version,
            op: KeyOp::Release,
        } => keys::release::release(plane, hsm, name, version.as_deref(), body, api_version).await,
        Route::KeyOperation {
            name,
            version,
            op: KeyOp::SecureUnwrap,
        } => {
            keys::secure::secure_unwrap(plane, hsm, name, version.as_deref(), body, api_version)
                .await
        }
        // A cryptographic operation or a read with a cached key costs at most a private-key
        // operation (~1 ms for RSA-4096, tens of µs for EC): run it on the worker, since handing
        // the worker's core over (block_in_place) cost more than an ECDSA signature.
        Route::KeyOperation { .. } => {
            keys::handle(plane, hsm, method, route, query, body, api_version)
        }
        Route::Key { .. } if *method == Method::GET => {
            keys::handle(plane, hsm, method, route, query, body, api_version)
        }
        Route::Keys
        | Route::KeyCreate { .. }
        | Route::Key { .. }
        | Route::KeyVersions { .. }
        | Route::KeyBackup { .. }
        | Route::KeyRestoreBlob
        | Route::KeyRotate { .. }
        | Route::KeyRotationPolicy { .. }
        | Route::KeyAttestation { .. }
        | Route::DeletedKeys
        | Route::DeletedKey { .. }
        | Route::DeletedKeyRecover { .. }
        | Route::Rng => {
            blocking(|| keys::handle(plane, hsm, method, route, query, body, api_version))
        }
        Route::Settings { name } => settings::handle(plane, method, name.as_deref(), body),
        Route::Ekm(p) => ekm::handle(plane, method, *p, body).await,
        _ => Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "NotImplemented",
            format!(
                "mhsm-emulator does not implement the '{}' operation yet.",
                route.operation_name(method)
            ),
        )),
    }
}

/// Runs CPU-heavy work (RSA key generation, crypto, fsynced writes) without stalling the
/// runtime's other tasks.
pub(crate) fn blocking<R>(f: impl FnOnce() -> R) -> R {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

/// The activation gate's refusal: only security-domain operations are served before activation.
pub fn not_activated() -> ApiError {
    ApiError::forbidden(
        "Forbidden",
        "The Managed HSM is not activated: until its security domain is downloaded only security-domain operations are allowed. An Administrator activates it with 'mhsm security-domain download' (az keyvault security-domain download).",
    )
    .with_inner("HsmNotActivated")
}
