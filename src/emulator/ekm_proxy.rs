//! `mhsm-emulator ekm-proxy`: an EKM proxy (the customer-run side of external key management,
//! protocol `0.1-preview`, ekm-and-emulators.md §1.3) to test an HSM against. It serves
//! `POST {prefix}/info`, `/{key}/metadata`, `/{key}/wrapkey`, `/{key}/unwrapkey` over TLS 1.3
//! only (AES-GCM suites), requires a client certificate that chains to the configured client
//! CA **and** has the configured subject CN, and keeps its keys in a folder:
//!
//! * `NAME.pem` — an RSA private key (2048/3072/4096; PKCS#8 or PKCS#1 PEM);
//! * `NAME.aes` — a 256-bit AES key (32 raw bytes, or 64 hex characters);
//! * `NAME.disabled` — marks NAME disabled (403 `KeyDisabled`);
//! * `.delay-ms` — every answer waits this many milliseconds (to go past the HSM's 250 ms).
//!
//! The folder is read at every request, so a test (or an operator) switches failures on and
//! off by creating and removing files. Errors are the protocol's `{code, message}`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rcgen::ExtendedKeyUsagePurpose;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::crypto::keyops::{self, KeyKind, KeyMaterial};
use crate::emulator::dataplane::ekm::proxy::{b64url, from_b64url, subject_cn, tls13_provider};
use crate::wire::ekm::{
    EkmProxyInfo, PROXY_API_VERSION, ProxyError, ProxyKeyMetadata, ProxyValue, ProxyWrapRequest,
};

/// How the proxy runs.
#[derive(Debug, Clone)]
pub struct ProxyOptions {
    /// The key folder.
    pub keys_dir: PathBuf,
    /// Port on 127.0.0.1 (0 = any free port).
    pub port: u16,
    /// Path prefix (`/api/v1`), or none.
    pub path_prefix: Option<String>,
    /// Where the server CA and certificate are kept (made on first start).
    pub tls_dir: PathBuf,
    /// DER certificates a client certificate must chain to (the HSM's
    /// `ekm-connection certificate show` `caCertificates`).
    pub client_cas: Vec<Vec<u8>>,
    /// The subject CN a client certificate must have.
    pub client_cn: String,
    /// Subject CN of the server certificate.
    pub server_cn: String,
}

/// What a started proxy tells its operator.
#[derive(Debug, Clone)]
pub struct ProxyReady {
    /// `127.0.0.1:PORT`: the `--host` of `ekm-connection create`.
    pub host: String,
    /// The server CA (PEM): the `--server-ca-certificate` of `ekm-connection create`.
    pub ca_file: PathBuf,
    pub server_cn: String,
}

/// Reads the client CAs from a file: PEM certificates, or the JSON of `mhsm ekm-connection
/// certificate show` (`{"caCertificates": [...], "subjectCommonName": ...}`, whose CN is
/// returned too).
pub fn read_client_ca(path: &Path) -> Result<(Vec<Vec<u8>>, Option<String>), String> {
    use base64::Engine;
    let raw = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&raw) {
        let cas = v["caCertificates"]
            .as_array()
            .or_else(|| v["ca_certificates"].as_array())
            .ok_or_else(|| format!("{}: no caCertificates", path.display()))?;
        let ders = cas
            .iter()
            .map(|c| {
                c.as_str()
                    .and_then(|s| base64::engine::general_purpose::STANDARD.decode(s).ok())
                    .ok_or_else(|| {
                        format!("{}: a caCertificates entry is not base64", path.display())
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let cn = v["subjectCommonName"]
            .as_str()
            .or_else(|| v["subject_common_name"].as_str())
            .map(str::to_string);
        return Ok((ders, cn));
    }
    let blocks = crate::crypto::pem::parse_pem_blocks(&raw)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let ders: Vec<Vec<u8>> = blocks
        .into_iter()
        .filter(|b| b.label == "CERTIFICATE")
        .map(|b| b.der.to_vec())
        .collect();
    if ders.is_empty() {
        return Err(format!("{}: no certificate", path.display()));
    }
    Ok((ders, None))
}

/// Client-certificate check: the chain (Web PKI, client-auth usage) then the subject CN.
#[derive(Debug)]
struct ClientCheck {
    inner: Arc<dyn ClientCertVerifier>,
    cn: String,
}

impl ClientCertVerifier for ClientCheck {
    fn root_hint_subjects(&self) -> &[rustls::DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        self.inner
            .verify_client_cert(end_entity, intermediates, now)?;
        let got = subject_cn(end_entity).unwrap_or_default();
        if got != self.cn {
            return Err(rustls::Error::General(format!(
                "client certificate subject CN '{got}' is not the allowed '{}'",
                self.cn
            )));
        }
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Loads (or makes, on first start) the proxy's CA and server certificate.
fn server_identity(
    dir: &Path,
    cn: &str,
) -> Result<(PathBuf, CertificateDer<'static>, PrivateKeyDer<'static>), String> {
    let ca_file = dir.join("ekm-proxy-ca.pem");
    let cert_file = dir.join("ekm-proxy-server.pem");
    let key_file = dir.join("ekm-proxy-server-key.pem");
    if !(ca_file.exists() && cert_file.exists() && key_file.exists()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let issued = crate::emulator::tls::issue_leaf(
            "mhsm-emulator EKM proxy CA",
            cn,
            &["localhost", "127.0.0.1"],
            ExtendedKeyUsagePurpose::ServerAuth,
        )?;
        let (ca_cert, cert, key) = (issued.ca, issued.leaf, issued.leaf_key);
        crate::emulator::tls::write_private(&key_file, &key.serialize_pem())?;
        std::fs::write(&cert_file, cert.pem())
            .map_err(|e| format!("{}: {e}", cert_file.display()))?;
        std::fs::write(&ca_file, ca_cert.pem())
            .map_err(|e| format!("{}: {e}", ca_file.display()))?;
    }
    let read = |p: &Path, label: &str| {
        std::fs::read(p)
            .map_err(|e| format!("{}: {e}", p.display()))
            .and_then(|b| crate::emulator::tls::pem_body(&b, label))
    };
    let cert = CertificateDer::from(read(&cert_file, "CERTIFICATE")?);
    let key = PrivateKeyDer::Pkcs8(read(&key_file, "PRIVATE KEY")?.into());
    Ok((ca_file, cert, key))
}

fn tls_config(opts: &ProxyOptions) -> Result<(PathBuf, Arc<rustls::ServerConfig>), String> {
    let provider = tls13_provider();
    let mut roots = rustls::RootCertStore::empty();
    for der in &opts.client_cas {
        roots
            .add(CertificateDer::from(der.clone()))
            .map_err(|e| format!("client CA: {e}"))?;
    }
    let inner = rustls::server::WebPkiClientVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build()
    .map_err(|e| format!("client CA: {e}"))?;
    let check = ClientCheck {
        inner,
        cn: opts.client_cn.clone(),
    };
    let (ca_file, cert, key) = server_identity(&opts.tls_dir, &opts.server_cn)?;
    let mut cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(|e| e.to_string())?
        .with_client_cert_verifier(Arc::new(check))
        .with_single_cert(vec![cert], key)
        .map_err(|e| format!("server certificate: {e}"))?;
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok((ca_file, Arc::new(cfg)))
}

/// Runs the proxy until `shutdown` completes.
pub async fn serve(
    opts: ProxyOptions,
    shutdown: impl std::future::Future<Output = ()>,
    on_ready: impl FnOnce(&ProxyReady),
) -> Result<(), String> {
    if let Some(p) = &opts.path_prefix {
        let ok = p.starts_with('/') && !p.ends_with('/') && p.len() <= 64;
        if !ok {
            return Err(format!(
                "--path-prefix '{p}': starts with '/', no trailing '/', at most 64 characters"
            ));
        }
    }
    if !opts.keys_dir.is_dir() {
        return Err(format!("{}: not a folder", opts.keys_dir.display()));
    }
    let (ca_file, cfg) = tls_config(&opts)?;
    let listener = std::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], opts.port)))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", opts.port))?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let state = Arc::new(opts.clone());
    let app = axum::Router::new().fallback(handle).with_state(state);
    let handle = axum_server::Handle::new();
    let acceptor = axum_server::tls_rustls::RustlsAcceptor::new(
        axum_server::tls_rustls::RustlsConfig::from_config(cfg),
    );
    let server = axum_server::from_tcp(listener)
        .map_err(|e| e.to_string())?
        .acceptor(acceptor)
        .handle(handle.clone());
    on_ready(&ProxyReady {
        host: format!("127.0.0.1:{port}"),
        ca_file,
        server_cn: opts.server_cn.clone(),
    });
    tokio::select! {
        r = server.serve(app.into_make_service()) => r.map_err(|e| e.to_string()),
        _ = shutdown => {
            handle.graceful_shutdown(Some(std::time::Duration::from_secs(1)));
            Ok(())
        }
    }
}

/// The operator's banner.
pub fn banner(r: &ProxyReady, prefix: Option<&str>) -> String {
    format!(
        "mhsm-emulator ekm-proxy ready\n  host:        {}\n  path prefix: {}\n  server CA:   {}\n  server CN:   {}\nConnect an HSM: mhsm ekm-connection create --hsm-name NAME --host {} --server-ca-certificate {} --server-cn {}{}\n",
        r.host,
        prefix.unwrap_or("(none)"),
        r.ca_file.display(),
        r.server_cn,
        r.host,
        r.ca_file.display(),
        r.server_cn,
        prefix
            .map(|p| format!(" --path-prefix {p}"))
            .unwrap_or_default(),
    )
}

fn err(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    (
        status,
        Json(ProxyError {
            code: code.into(),
            message: message.into(),
        }),
    )
        .into_response()
}

/// A key of the folder.
enum Loaded {
    Key(KeyMaterial),
    Disabled,
    Missing,
}

fn load_key(dir: &Path, name: &str) -> Result<Loaded, String> {
    if dir.join(format!("{name}.disabled")).exists() {
        return Ok(Loaded::Disabled);
    }
    let pem = dir.join(format!("{name}.pem"));
    if let Ok(bytes) = std::fs::read(&pem) {
        let der = crate::crypto::privkey::private_key_pem_to_pkcs8(&bytes, None)
            .map_err(|e| format!("{}: {e}", pem.display()))?;
        let m = KeyMaterial::from_pkcs8_der(&der).map_err(|e| format!("{}: {e}", pem.display()))?;
        return Ok(Loaded::Key(m));
    }
    let aes = dir.join(format!("{name}.aes"));
    if let Ok(bytes) = std::fs::read(&aes) {
        let text = String::from_utf8_lossy(&bytes).trim().to_string();
        let raw = if bytes.len() == 32 {
            bytes
        } else if text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex"))
                .collect()
        } else {
            return Err(format!(
                "{}: not a 256-bit AES key (32 bytes or 64 hex digits)",
                aes.display()
            ));
        };
        let m = KeyMaterial::from_oct_bytes(&raw).map_err(|e| format!("{}: {e}", aes.display()))?;
        return Ok(Loaded::Key(m));
    }
    Ok(Loaded::Missing)
}

async fn handle(State(opts): State<Arc<ProxyOptions>>, req: Request) -> Response {
    if let Ok(text) = std::fs::read_to_string(opts.keys_dir.join(".delay-ms"))
        && let Ok(ms) = text.trim().parse::<u64>()
    {
        tokio::time::sleep(std::time::Duration::from_millis(ms.min(60_000))).await;
    }
    let (parts, body) = req.into_parts();
    let version = parts
        .uri
        .query()
        .unwrap_or_default()
        .split('&')
        .find_map(|kv| kv.strip_prefix("api-version="))
        .unwrap_or_default()
        .to_string();
    if version != PROXY_API_VERSION {
        return err(
            StatusCode::BAD_REQUEST,
            "UnsupportedApiVersion",
            format!(
                "api-version '{version}' is not supported: this proxy speaks {PROXY_API_VERSION}."
            ),
        );
    }
    if parts.method != axum::http::Method::POST {
        return err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "Only POST is served.",
        );
    }
    let path = parts.uri.path();
    let rest = match &opts.path_prefix {
        Some(p) => match path.strip_prefix(p.as_str()) {
            Some(r) if r.starts_with('/') => r,
            _ => {
                return err(
                    StatusCode::NOT_FOUND,
                    "InvalidRequest",
                    format!("No such path: {path}."),
                );
            }
        },
        None => path,
    };
    let body = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(b) => b,
        Err(_) => {
            return err(
                StatusCode::BAD_REQUEST,
                "InvalidRequest",
                "The body is too large.",
            );
        }
    };
    let seg: Vec<&str> = rest.trim_start_matches('/').split('/').collect();
    match seg.as_slice() {
        ["info"] => Json(EkmProxyInfo {
            api_version: PROXY_API_VERSION.into(),
            proxy_vendor: "mhsm".into(),
            proxy_name: format!("mhsm-emulator ekm-proxy {}", env!("CARGO_PKG_VERSION")),
            ekm_vendor: "mhsm".into(),
            ekm_product: "key folder".into(),
        })
        .into_response(),
        [key, op] => key_op(&opts.keys_dir, key, op, &body),
        _ => err(
            StatusCode::NOT_FOUND,
            "InvalidRequest",
            format!("No such path: {path}."),
        ),
    }
}

fn key_op(dir: &Path, key: &str, op: &str, body: &Bytes) -> Response {
    if key.is_empty()
        || key.len() > 64
        || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "The key name is not valid ([A-Za-z0-9-], at most 64).",
        );
    }
    if !matches!(op, "metadata" | "wrapkey" | "unwrapkey") {
        return err(
            StatusCode::NOT_FOUND,
            "InvalidRequest",
            format!("No such operation: {op}."),
        );
    }
    let m = match load_key(dir, key) {
        Ok(Loaded::Key(m)) => m,
        Ok(Loaded::Disabled) => {
            return err(
                StatusCode::FORBIDDEN,
                "KeyDisabled",
                format!("Key {key} is disabled."),
            );
        }
        Ok(Loaded::Missing) => {
            return err(
                StatusCode::NOT_FOUND,
                "KeyNotFound",
                format!("Key {key} was not found."),
            );
        }
        Err(e) => return err(StatusCode::INTERNAL_SERVER_ERROR, "InternalError", e),
    };
    let rsa = m.kind() == KeyKind::Rsa;
    if op == "metadata" {
        let pubj = m.public_jwk();
        let (n, e) = if rsa {
            (pubj.n.as_deref().map(b64url), pubj.e.as_deref().map(b64url))
        } else {
            (None, None)
        };
        return Json(ProxyKeyMetadata {
            key_type: if rsa { "RSA".into() } else { "oct".into() },
            key_size: m.size_bits(),
            key_ops: vec!["wrapKey".into(), "unwrapKey".into()],
            n,
            e,
        })
        .into_response();
    }
    let Ok(p) = serde_json::from_slice::<ProxyWrapRequest>(body) else {
        return err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "The body must be {request_context, alg, value}.",
        );
    };
    let alg = match (rsa, p.alg.as_str()) {
        (true, "RSA-OAEP" | "RSA-OAEP-256") => p.alg.as_str(),
        (false, "A256KW") if m.size_bits() == 256 => "A256KW",
        (false, "A256KWP") => "CKM_AES_KEY_WRAP_PAD",
        _ => {
            return err(
                StatusCode::BAD_REQUEST,
                "UnsupportedAlgorithm",
                format!("Algorithm {} is not supported for key {key}.", p.alg),
            );
        }
    };
    let Some(value) = from_b64url(&p.value) else {
        return err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "value is not base64url.",
        );
    };
    let out = if op == "wrapkey" {
        keyops::wrap_key(&m, alg, &value).map(|v| v.to_vec())
    } else {
        if rsa && value.len() * 8 != m.size_bits() as usize {
            return err(
                StatusCode::BAD_REQUEST,
                "InvalidRequest",
                "For RSA the value must be as long as the modulus.",
            );
        }
        keyops::unwrap_key(&m, alg, &value).map(|v| v.to_vec())
    };
    match out {
        Ok(v) => Json(ProxyValue { value: b64url(&v) }).into_response(),
        Err(e) => err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            format!("{op} failed: {e}"),
        ),
    }
}
