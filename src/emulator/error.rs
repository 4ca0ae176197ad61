//! Azure-shaped errors of the emulator: every refusal is `{"error":{"code","message"}}` with the
//! status the service uses, an `x-ms-request-id`, and — on the Managed HSM data plane — the
//! message suffix ` (Activity ID: <request id>)` (rest-api.md §2, §4).

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::wire::error::ErrorEnvelope;

tokio::task_local! {
    /// Per-request context set by the routers' middleware.
    pub static REQUEST: RequestContext;
}

/// What an error response needs to know about the request it answers.
#[derive(Clone, Debug)]
pub struct RequestContext {
    pub request_id: String,
    /// Data-plane errors end with ` (Activity ID: …)`.
    pub activity_suffix: bool,
}

/// An error answered to a client.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub inner: Option<String>,
    pub headers: Vec<(HeaderName, String)>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.into(),
            message: message.into(),
            inner: None,
            headers: Vec::new(),
        }
    }

    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn not_found(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }

    pub fn conflict(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    pub fn forbidden(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, code, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "InternalError", message)
    }

    pub fn with_inner(mut self, code: &str) -> Self {
        self.inner = Some(code.to_string());
        self
    }

    pub fn with_header(mut self, name: HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }
}

impl From<crate::emulator::store::StoreError> for ApiError {
    fn from(e: crate::emulator::store::StoreError) -> Self {
        ApiError::internal(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let ctx = REQUEST.try_with(|c| c.clone()).ok();
        let mut message = self.message;
        if let Some(c) = &ctx
            && c.activity_suffix
        {
            message = format!("{message} (Activity ID: {})", c.request_id);
        }
        let mut env = ErrorEnvelope::new(self.code, message);
        if let Some(inner) = self.inner {
            env = env.with_inner(inner);
        }
        let body = serde_json::to_vec(&env).unwrap_or_default();
        let mut resp = (self.status, body).into_response();
        let h = resp.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        for (name, value) in self.headers {
            if let Ok(v) = HeaderValue::from_str(&value) {
                h.insert(name, v);
            }
        }
        resp
    }
}

/// Result type of emulator handlers.
pub type ApiResult<T> = Result<T, ApiError>;
