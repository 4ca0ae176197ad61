//! Security-domain REST shapes (rest-api.md §5.5; snake_case members, `Success` status).

use serde::{Deserialize, Serialize};

/// api-version az uses for the security domain.
pub const SD_API_VERSION: &str = "7.5";

/// `{status, status_details}` of `/securitydomain/{download|upload}/pending` and of the upload 202.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SdStatus {
    pub status: String,
    #[serde(default)]
    pub status_details: Option<String>,
}

impl SdStatus {
    /// Terminal as the SDK decides (`succeeded`, `success`, `canceled`, `failed`, any case).
    pub fn is_terminal(&self) -> bool {
        matches!(
            self.status.to_ascii_lowercase().as_str(),
            "succeeded" | "success" | "canceled" | "failed"
        )
    }

    pub fn is_success(&self) -> bool {
        matches!(
            self.status.to_ascii_lowercase().as_str(),
            "succeeded" | "success"
        )
    }
}

/// The 202 body of a download: the security-domain file as a string.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DownloadResponse {
    pub value: String,
}

/// `GET /securitydomain/upload`: `transfer_key` is a JWK *as a JSON string*, as the service sends it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TransferKeyResponse {
    pub key_format: String,
    pub transfer_key: String,
}
