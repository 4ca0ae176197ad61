//! Protocol of one HSM's data plane (its own HTTPS listener): request ids, the Key Vault
//! response headers, the 401 challenge, bearer-token validation against the HSM's tenant and
//! audience, the activation gate, and routing to the data-plane operations.

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use super::Emulator;
use super::auth::{AuthFailure, Caller, authenticate};
use super::error::{ApiError, REQUEST, RequestContext};
use super::hsm::{Activation, HsmRecord};
use super::store::{StoreError, Tx, tables};

/// The audience Managed HSM tokens must carry (rest-api.md §3).
pub const MHSM_AUDIENCE: &str = "https://managedhsm.azure.net";

/// State of one data-plane listener.
#[derive(Clone)]
pub struct Plane {
    pub emu: Arc<Emulator>,
    /// Lower-cased HSM name (store key).
    pub key: String,
}

impl Plane {
    pub fn hsm(&self) -> Result<HsmRecord, ApiError> {
        self.emu
            .store
            .get::<HsmRecord>(tables::HSMS, &self.key)?
            .filter(|h| h.deleted.is_none())
            .ok_or_else(|| ApiError::not_found("HsmNotFound", "The Managed HSM does not exist."))
    }
}

/// Creates the data-plane state of a new HSM (called in the creating transaction).
pub fn init_state(_tx: &mut Tx<'_>, _hsm: &HsmRecord) -> Result<(), StoreError> {
    Ok(())
}

/// Removes every data-plane record of an HSM (purge).
pub fn purge_state(_tx: &mut Tx<'_>, _key: &str) -> Result<(), StoreError> {
    Ok(())
}

/// The router of one HSM's listener.
pub fn router(emu: Arc<Emulator>, key: String) -> Router {
    let plane = Plane { emu, key };
    Router::new()
        .fallback(not_activated_or_unknown)
        .layer(middleware::from_fn_with_state(
            plane.clone(),
            authenticate_layer,
        ))
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
    let mut resp = REQUEST
        .scope(ctx, async {
            let hsm = match plane.hsm() {
                Ok(h) => h,
                Err(e) => return e.into_response(),
            };
            match authenticate(&plane.emu, req.headers(), &[MHSM_AUDIENCE]) {
                Ok(caller) => {
                    if !caller.claims.tid.eq_ignore_ascii_case(&hsm.tenant_id) {
                        return unauthorized(
                            &plane,
                            &hsm,
                            &method,
                            Some("The access token is from the wrong tenant.".into()),
                        );
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
                Err(AuthFailure::Missing) => unauthorized(&plane, &hsm, &method, None),
                Err(AuthFailure::Invalid(e)) => {
                    unauthorized(&plane, &hsm, &method, Some(e.to_string()))
                }
            }
        })
        .await;
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        h.insert("x-ms-request-id", v);
    }
    h.insert("x-ms-keyvault-region", HeaderValue::from_static("local"));
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

/// Every operation not (yet) served: on a not-activated HSM the activation gate answers;
/// otherwise an Azure-shaped "not implemented".
async fn not_activated_or_unknown(State(plane): State<Plane>, req: Request<Body>) -> Response {
    let _caller = req.extensions().get::<Caller>().cloned();
    match plane.hsm() {
        Ok(h) if h.activation == Activation::NotActivated => not_activated().into_response(),
        Ok(_) => ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "NotImplemented",
            format!(
                "mhsm-emulator does not implement '{} {}' on the Managed HSM data plane.",
                req.method(),
                req.uri().path()
            ),
        )
        .into_response(),
        Err(e) => e.into_response(),
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
