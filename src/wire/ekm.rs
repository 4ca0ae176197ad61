//! External key management (EKM): the Managed HSM's `/ekm*` data-plane types
//! (`administration.json` 2026-04-01 `EkmConnection`, `EkmConnectionUpdate`,
//! `EkmProxyClientCertificateInfo`, `EkmProxyInfo`), az's camelCase views of them, and the types
//! of the HSM ↔ EKM-proxy protocol `0.1-preview` (ekm-and-emulators.md §1.3).

use serde::{Deserialize, Serialize};

/// api-version az 2.91 sends for `ekm-connection` (the SDK default, az-surface.md §8).
pub const EKM_API_VERSION: &str = "2026-01-01-preview";

/// api-version of the EKM proxy protocol.
pub const PROXY_API_VERSION: &str = "0.1-preview";

/// The proxy's answer budget (ekm-and-emulators.md §1.3: 250 ms hard limit per request).
pub const PROXY_BUDGET_MS: u64 = 250;

/// The HSM's EKM connection (`POST /ekm/create` body and every `/ekm` answer).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct EkmConnection {
    pub host: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    pub server_ca_certificates: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_subject_common_name: Option<String>,
}

/// `PATCH /ekm` body: every member optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct EkmConnectionUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_ca_certificates: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_subject_common_name: Option<String>,
}

/// `GET /ekm/certificate`: the CA chain and subject CN of the client certificate the HSM
/// presents to its proxy.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct EkmProxyClientCertificateInfo {
    pub ca_certificates: Vec<String>,
    pub subject_common_name: String,
}

/// `POST /ekm/check` answer: the proxy's `/info`, relayed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct EkmProxyInfo {
    pub api_version: String,
    pub proxy_vendor: String,
    pub proxy_name: String,
    pub ekm_vendor: String,
    pub ekm_product: String,
}

/// az's output of a connection (`EkmConnection` through `todict`: camelCase, every member).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EkmConnectionView {
    pub host: String,
    pub path_prefix: Option<String>,
    pub server_ca_certificates: Vec<String>,
    pub server_subject_common_name: Option<String>,
}

impl From<&EkmConnection> for EkmConnectionView {
    fn from(c: &EkmConnection) -> Self {
        EkmConnectionView {
            host: c.host.clone(),
            path_prefix: c.path_prefix.clone(),
            server_ca_certificates: c.server_ca_certificates.clone(),
            server_subject_common_name: c.server_subject_common_name.clone(),
        }
    }
}

/// az's output of `certificate show`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EkmCertificateView {
    pub ca_certificates: Vec<String>,
    pub subject_common_name: String,
}

impl From<&EkmProxyClientCertificateInfo> for EkmCertificateView {
    fn from(c: &EkmProxyClientCertificateInfo) -> Self {
        EkmCertificateView {
            ca_certificates: c.ca_certificates.clone(),
            subject_common_name: c.subject_common_name.clone(),
        }
    }
}

/// az's output of `check` (members sorted as az prints them).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct EkmProxyInfoView {
    pub api_version: String,
    pub ekm_product: String,
    pub ekm_vendor: String,
    pub proxy_name: String,
    pub proxy_vendor: String,
}

impl From<&EkmProxyInfo> for EkmProxyInfoView {
    fn from(i: &EkmProxyInfo) -> Self {
        EkmProxyInfoView {
            api_version: i.api_version.clone(),
            ekm_product: i.ekm_product.clone(),
            ekm_vendor: i.ekm_vendor.clone(),
            proxy_name: i.proxy_name.clone(),
            proxy_vendor: i.proxy_vendor.clone(),
        }
    }
}

// ---- The HSM ↔ proxy protocol (`0.1-preview`) ----

/// `request_context` of every proxy request.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ProxyRequestContext {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    pub correlation_id: String,
    pub pool_name: String,
}

/// Body of `/info` and `/{key}/metadata`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ProxyRequest {
    pub request_context: ProxyRequestContext,
}

/// Body of `/{key}/wrapkey` and `/{key}/unwrapkey`: `value` is base64url without padding.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ProxyWrapRequest {
    pub request_context: ProxyRequestContext,
    pub alg: String,
    pub value: String,
}

/// Answer of wrap and unwrap.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ProxyValue {
    pub value: String,
}

/// Answer of `/{key}/metadata`: `n` and `e` (base64url, no padding) for RSA keys.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ProxyKeyMetadata {
    pub key_type: String,
    pub key_size: u32,
    pub key_ops: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
}

/// A proxy's error body.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ProxyError {
    pub code: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let c: EkmConnection = serde_json::from_str(
            r#"{"host":"ekm.contoso.com","path_prefix":"/api/v1","server_ca_certificates":["AA=="]}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(EkmConnectionView::from(&c)).unwrap(),
            serde_json::json!({"host":"ekm.contoso.com","pathPrefix":"/api/v1",
                "serverCaCertificates":["AA=="],"serverSubjectCommonName":null})
        );
        assert!(serde_json::from_str::<EkmConnection>(r#"{"host":1}"#).is_err());
    }
}
