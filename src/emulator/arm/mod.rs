//! Protocol of the management plane (Azure Resource Manager): routing of the ARM paths the
//! clients use (case-insensitive, as ARM is), authentication, api-version checks, Azure RBAC,
//! long-running-operation headers, and the `Microsoft.KeyVault/managedHSMs` operations.

pub mod diagnostic_settings;
pub mod hsm_keys;
pub mod managed_hsm;
pub mod private_link;
pub mod rbac;
pub mod regions;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Arc;

use super::Emulator;
use super::auth::{AuthFailure, Caller, authenticate};
use super::error::{ApiError, ApiResult, REQUEST, RequestContext};
use super::idp::TokenError;

/// Audiences ARM accepts.
const ARM_AUDIENCES: &[&str] = &[
    "https://management.core.windows.net/",
    "https://management.azure.com/",
];

/// One parsed ARM request.
pub struct ArmRequest {
    pub method: Method,
    /// Path segments as sent.
    pub seg: Vec<String>,
    /// Lower-cased segments for matching.
    pub low: Vec<String>,
    pub query: HashMap<String, String>,
    pub body: Bytes,
    pub caller: Caller,
    pub api_version: String,
}

impl ArmRequest {
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> ApiResult<T> {
        serde_json::from_slice(&self.body).map_err(|e| {
            ApiError::bad_request(
                "InvalidRequestContent",
                format!("The request content was invalid and could not be deserialized: '{e}'."),
            )
        })
    }
}

/// Fallback handler of the control listener: every ARM path.
pub async fn dispatch(
    State(emu): State<Arc<Emulator>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let ctx = RequestContext {
        request_id: request_id.clone(),
        activity_suffix: false,
    };
    let correlation = headers
        .get("x-ms-client-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .unwrap_or_else(|| request_id.clone());
    let mut resp = REQUEST
        .scope(ctx, async move {
            match handle(&emu, method, &uri, &headers, body).await {
                Ok(r) => r,
                Err(e) => e.into_response(),
            }
        })
        .await;
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        h.insert("x-ms-request-id", v);
    }
    if let Ok(v) = HeaderValue::from_str(&correlation) {
        h.insert("x-ms-correlation-request-id", v);
    }
    h.insert("cache-control", HeaderValue::from_static("no-cache"));
    resp
}

fn unauthenticated(emu: &Emulator, failure: AuthFailure) -> ApiError {
    let (code, message) = match &failure {
        AuthFailure::Missing => (
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is missing.".to_string(),
        ),
        AuthFailure::Invalid(TokenError::WrongAudience { found, .. }) => (
            "InvalidAuthenticationTokenAudience",
            format!(
                "The access token has been obtained for wrong audience or resource '{found}'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.azure.com/'."
            ),
        ),
        AuthFailure::Invalid(TokenError::Expired) => (
            "ExpiredAuthenticationToken",
            "The access token expiry UTC time is earlier than current UTC time.".to_string(),
        ),
        AuthFailure::Invalid(TokenError::WrongTenant(_))
        | AuthFailure::Invalid(TokenError::WrongIssuer(_)) => (
            "InvalidAuthenticationTokenTenant",
            format!(
                "The access token is from the wrong issuer. It must match the tenant '{}/{}/' associated with this subscription.",
                emu.urls.authority,
                emu.tenant_id()
            ),
        ),
        AuthFailure::Invalid(e) => (
            "InvalidAuthenticationToken",
            format!("The access token is invalid: {e}."),
        ),
    };
    ApiError::new(StatusCode::UNAUTHORIZED, code, message).with_header(
        axum::http::header::WWW_AUTHENTICATE,
        format!(
            "Bearer authorization_uri=\"{}/{}\", error=\"invalid_token\", error_description=\"{}\"",
            emu.urls.authority,
            emu.tenant_id(),
            match failure {
                AuthFailure::Missing =>
                    "The authentication failed because of missing 'Authorization' header.",
                _ => "The access token is invalid.",
            }
        ),
    )
}

/// Accepts the Key Vault management api-versions (`2021-10-01` … and newer, `-preview` too).
fn check_api_version(query: &HashMap<String, String>) -> ApiResult<String> {
    let Some(v) = query.get("api-version") else {
        return Err(ApiError::bad_request(
            "MissingApiVersionParameter",
            "The api-version query parameter (?api-version=) is required for all requests.",
        ));
    };
    let date = v.strip_suffix("-preview").unwrap_or(v);
    let ok = date.len() == 10
        && time::Date::parse(
            date,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .is_ok();
    if !ok {
        return Err(ApiError::bad_request(
            "InvalidApiVersionParameter",
            format!(
                "The api-version '{v}' is invalid. The supported versions are '2026-02-01,2025-05-01,2024-11-01,2023-07-01,2022-07-01,2021-10-01'."
            ),
        ));
    }
    Ok(v.clone())
}

async fn handle(
    emu: &Arc<Emulator>,
    method: Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let seg: Vec<String> = uri
        .path()
        .split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect();
    let low: Vec<String> = seg.iter().map(|s| s.to_ascii_lowercase()).collect();
    let query: HashMap<String, String> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let known_root = matches!(
        low.first().map(String::as_str),
        Some("subscriptions" | "tenants" | "providers")
    );
    if !known_root {
        return Err(ApiError::not_found(
            "NotFound",
            format!("mhsm-emulator has no endpoint '{} {}'.", method, uri.path()),
        ));
    }
    let caller = authenticate(emu, headers, ARM_AUDIENCES).map_err(|f| unauthenticated(emu, f))?;
    crate::emulator::input::single_api_version(uri.query(), "InvalidApiVersionParameter")?;
    let api_version = check_api_version(&query)?;
    crate::emulator::input::json_content_type(headers, &body)?;
    let req = ArmRequest {
        method,
        seg,
        low,
        query,
        body,
        caller,
        api_version,
    };
    managed_hsm::route(emu, &req).await
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_string())
}

/// `202 Accepted` with the LRO headers clients poll (`Location` + `Retry-After`).
pub fn accepted(location: &str, retry_after: u64) -> Response {
    let mut r = StatusCode::ACCEPTED.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(axum::http::header::LOCATION, v);
    }
    r.headers_mut().insert(
        axum::http::header::RETRY_AFTER,
        HeaderValue::from(retry_after),
    );
    r
}
