//! The Azure error envelope `{"error":{"code","message","innererror"}}` used by ARM and by the
//! Managed HSM data plane (rest-api.md §4).

use serde::{Deserialize, Serialize};

/// `{"error": {...}}` as ARM and Key Vault send it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorEnvelope {
    pub error: ErrorBody,
}

/// The body of an Azure error.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    /// Nested, nullable; Key Vault sends `{"code": "..."}` (e.g. `ForbiddenByRbac`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub innererror: Option<InnerError>,
}

/// `innererror` member.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct InnerError {
    pub code: String,
}

impl ErrorEnvelope {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            error: ErrorBody {
                code: code.into(),
                message: message.into(),
                innererror: None,
            },
        }
    }

    pub fn with_inner(mut self, code: impl Into<String>) -> Self {
        self.error.innererror = Some(InnerError { code: code.into() });
        self
    }
}

/// OAuth2 error body of the identity provider (`{"error": "invalid_client", "error_description": ...}`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OAuthError {
    pub error: String,
    pub error_description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_codes: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
}
