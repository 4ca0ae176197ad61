//! The HSM side of the EKM proxy protocol `0.1-preview` (ekm-and-emulators.md §1.3): JSON over
//! HTTPS/1.1, TLS 1.3 only (AES-GCM suites), the HSM's client certificate presented, the proxy's
//! certificate verified against the connection's `server_ca_certificates` (chain and host name)
//! and, when set, `server_subject_common_name`; `https://{host}{path_prefix}/{path}
//! ?api-version=0.1-preview`; a 250 ms budget per request. A proxy's `{code, message}` error is
//! passed through under the proxy's code.

use axum::http::StatusCode;
use base64::Engine;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;

use super::identity::LoadedIdentity;
use crate::emulator::error::{ApiError, ApiResult};
use crate::wire::ekm::{
    EkmConnection, EkmProxyInfo, PROXY_API_VERSION, PROXY_BUDGET_MS, ProxyError, ProxyKeyMetadata,
    ProxyRequest, ProxyRequestContext, ProxyValue, ProxyWrapRequest,
};

/// base64url without padding, the protocol's encoding of bytes.
pub fn b64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes the protocol's base64url (padding tolerated).
pub fn from_b64url(s: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('='))
        .ok()
}

/// The TLS 1.3 provider the protocol allows: `TLS_AES_256_GCM_SHA384`, `TLS_AES_128_GCM_SHA256`.
pub fn tls13_provider() -> Arc<rustls::crypto::CryptoProvider> {
    let mut p = rustls::crypto::aws_lc_rs::default_provider();
    p.cipher_suites = vec![
        rustls::crypto::aws_lc_rs::cipher_suite::TLS13_AES_256_GCM_SHA384,
        rustls::crypto::aws_lc_rs::cipher_suite::TLS13_AES_128_GCM_SHA256,
    ];
    Arc::new(p)
}

/// The subject CN of a DER certificate.
pub fn subject_cn(der: &[u8]) -> Option<String> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    cert.subject()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_string)
}

/// Web PKI chain and host-name checks against the registered CAs, then the subject CN.
#[derive(Debug)]
struct ProxyVerifier {
    inner: Arc<rustls::client::WebPkiServerVerifier>,
    subject_cn: Option<String>,
}

impl ServerCertVerifier for ProxyVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)?;
        if let Some(want) = &self.subject_cn {
            let got = subject_cn(end_entity).unwrap_or_default();
            if !got.eq_ignore_ascii_case(want) {
                return Err(rustls::Error::General(format!(
                    "the proxy's certificate subject CN '{got}' is not the connection's server_subject_common_name '{want}'"
                )));
            }
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A client of one HSM's proxy.
pub struct ProxyClient {
    http: reqwest::Client,
    base: String,
    pool: String,
}

fn unreachable(msg: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_GATEWAY, "EkmProxyUnreachable", msg)
}

impl ProxyClient {
    /// A client for `conn`, presenting `id`, on behalf of pool `pool`.
    pub fn new(conn: &EkmConnection, id: &LoadedIdentity, pool: &str) -> ApiResult<ProxyClient> {
        let provider = tls13_provider();
        let mut roots = rustls::RootCertStore::empty();
        for c in &conn.server_ca_certificates {
            let der = base64::engine::general_purpose::STANDARD
                .decode(c)
                .map_err(|e| ApiError::internal(format!("stored CA certificate: {e}")))?;
            roots
                .add(CertificateDer::from(der))
                .map_err(|e| unreachable(format!("A server CA certificate is unusable: {e}")))?;
        }
        let inner = rustls::client::WebPkiServerVerifier::builder_with_provider(
            roots.into(),
            provider.clone(),
        )
        .build()
        .map_err(|e| unreachable(format!("The server CA certificates are unusable: {e}")))?;
        let verifier = ProxyVerifier {
            inner,
            subject_cn: conn.server_subject_common_name.clone(),
        };
        let key = PrivateKeyDer::Pkcs8(id.key_pkcs8.to_vec().into());
        let cfg = rustls::ClientConfig::builder_with_provider(provider)
            .with_protocol_versions(&[&rustls::version::TLS13])
            .map_err(|e| ApiError::internal(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_client_auth_cert(vec![CertificateDer::from(id.cert_der.clone())], key)
            .map_err(|e| ApiError::internal(format!("EKM client certificate: {e}")))?;
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(cfg)
            .http1_only()
            .timeout(Duration::from_millis(PROXY_BUDGET_MS))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ApiError::internal(e.to_string()))?;
        Ok(ProxyClient {
            http,
            base: format!(
                "https://{}{}",
                conn.host,
                conn.path_prefix.as_deref().unwrap_or_default()
            ),
            pool: pool.to_string(),
        })
    }

    fn context(&self) -> ProxyRequestContext {
        ProxyRequestContext {
            request_id: crate::emulator::error::REQUEST
                .try_with(|c| c.request_id.clone())
                .ok(),
            correlation_id: uuid::Uuid::new_v4().to_string(),
            pool_name: self.pool.clone(),
        }
    }

    async fn call<T: DeserializeOwned>(&self, path: &str, body: &impl Serialize) -> ApiResult<T> {
        let url = format!("{}/{path}?api-version={PROXY_API_VERSION}", self.base);
        let resp = self.http.post(&url).json(body).send().await.map_err(|e| {
            if e.is_timeout() {
                ApiError::new(
                    StatusCode::GATEWAY_TIMEOUT,
                    "EkmProxyTimeout",
                    format!("The EKM proxy did not answer '{path}' within {PROXY_BUDGET_MS} ms."),
                )
            } else {
                unreachable(format!(
                    "The EKM proxy could not be reached over mutual TLS 1.3: {}.",
                    error_chain(&e)
                ))
            }
        })?;
        let status = resp.status();
        let bytes = resp.bytes().await.map_err(|e| {
            if e.is_timeout() {
                ApiError::new(
                    StatusCode::GATEWAY_TIMEOUT,
                    "EkmProxyTimeout",
                    format!("The EKM proxy did not answer '{path}' within {PROXY_BUDGET_MS} ms."),
                )
            } else {
                unreachable(format!("The EKM proxy's answer was cut: {e}."))
            }
        })?;
        if !status.is_success() {
            return Err(proxy_error(status.as_u16(), &bytes));
        }
        serde_json::from_slice(&bytes).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_GATEWAY,
                "EkmProxyInvalidResponse",
                format!("The EKM proxy's answer to '{path}' is not valid: {e}."),
            )
        })
    }

    /// `POST /info`.
    pub async fn info(&self) -> ApiResult<EkmProxyInfo> {
        self.call(
            "info",
            &ProxyRequest {
                request_context: self.context(),
            },
        )
        .await
    }

    /// `POST /{key}/metadata`.
    pub async fn metadata(&self, key: &str) -> ApiResult<ProxyKeyMetadata> {
        self.call(
            &format!("{key}/metadata"),
            &ProxyRequest {
                request_context: self.context(),
            },
        )
        .await
    }

    /// `POST /{key}/wrapkey` or `/{key}/unwrapkey`.
    pub async fn wrap(&self, key: &str, wrap: bool, alg: &str, value: &[u8]) -> ApiResult<Vec<u8>> {
        let op = if wrap { "wrapkey" } else { "unwrapkey" };
        let v: ProxyValue = self
            .call(
                &format!("{key}/{op}"),
                &ProxyWrapRequest {
                    request_context: self.context(),
                    alg: alg.to_string(),
                    value: b64url(value),
                },
            )
            .await?;
        from_b64url(&v.value).ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_GATEWAY,
                "EkmProxyInvalidResponse",
                format!("The EKM proxy's '{op}' value is not base64url."),
            )
        })
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}

/// A proxy's refusal as the HSM answers it: the proxy's code and message pass through. A 401
/// from the proxy means it refused the HSM (not the caller), and 5xx are the proxy's failures:
/// both become 502 so clients do not mistake them for their own token or for the HSM's fault.
fn proxy_error(status: u16, body: &[u8]) -> ApiError {
    let parsed: Option<ProxyError> = serde_json::from_slice(body).ok();
    let (code, message) = match parsed {
        Some(p) if !p.code.is_empty() => (p.code, p.message),
        _ => (
            "EkmProxyError".to_string(),
            String::from_utf8_lossy(&body[..body.len().min(256)]).into_owned(),
        ),
    };
    let code: String = code.chars().take(64).collect();
    let message: String = message.chars().take(512).collect();
    let out = match status {
        400 | 403 | 404 | 408 | 429 => StatusCode::from_u16(status).expect("valid"),
        _ => StatusCode::BAD_GATEWAY,
    };
    ApiError::new(
        out,
        code.clone(),
        format!("The EKM proxy refused the request (HTTP {status}, {code}): {message}"),
    )
    .with_inner("EkmProxyError")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_errors_pass_through() {
        let e = proxy_error(
            403,
            br#"{"code":"KeyDisabled","message":"key k is disabled"}"#,
        );
        assert_eq!(e.status.as_u16(), 403);
        assert_eq!(e.code, "KeyDisabled");
        assert!(e.message.contains("key k is disabled"));
        assert_eq!(proxy_error(401, b"{}").status.as_u16(), 502);
        assert_eq!(proxy_error(500, b"oops").code, "EkmProxyError");
        assert_eq!(from_b64url(&b64url(b"\x00\xff")).unwrap(), b"\x00\xff");
    }
}
