//! Typed async REST client of the Managed HSM planes: one request function (authentication incl.
//! the Key Vault 401 challenge, `x-ms-client-request-id`, retries with backoff honouring
//! `Retry-After`, redacted `--debug` traces) and one response handler (Azure error envelope →
//! [`ClientError`]). Submodules add one method per REST operation.

pub mod arm;
pub mod auth;
pub mod backup;
pub mod blob;
pub mod cloud;
pub mod ekm;
pub mod graph;
pub mod hsm;
pub mod insights;
pub mod keys;
pub mod rbac;
pub mod secure_keys;
pub mod security_domain;
pub mod settings;

use bytes::Bytes;
use reqwest::Method;
use reqwest::header::HeaderMap;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use url::Url;

use crate::wire::cloud::CloudProfile;
use crate::wire::error::ErrorEnvelope;

/// Which service a request goes to (decides the token audience).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plane {
    /// Azure Resource Manager.
    Arm,
    /// Microsoft Graph.
    Graph,
    /// A Managed HSM data plane (audience learned from the 401 challenge).
    Hsm,
}

/// Sink for diagnostics (the CLI wires it to its printer; the client never prints).
pub trait Observer: Send + Sync {
    /// `--debug` detail (HTTP traces, redacted).
    fn debug(&self, msg: &str);
    /// `--verbose` detail.
    fn info(&self, msg: &str);
    /// A warning the user should see.
    fn warn(&self, msg: &str);
    /// Progress of a long-running operation.
    fn progress(&self, msg: &str);
    /// The long-running operation finished.
    fn progress_done(&self);
}

/// An observer that drops everything.
pub struct Silent;

impl Observer for Silent {
    fn debug(&self, _: &str) {}
    fn info(&self, _: &str) {}
    fn warn(&self, _: &str) {}
    fn progress(&self, _: &str) {}
    fn progress_done(&self) {}
}

/// Errors of the client, classified so the CLI can phrase them and pick exit codes.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The service answered with an error status.
    #[error("({code}) {message}")]
    Api {
        plane: Plane,
        status: u16,
        code: String,
        message: String,
        inner: Option<String>,
        request_id: Option<String>,
    },
    /// The HSM name does not resolve.
    #[error("The HSM '{name}' was not found: {detail}")]
    HsmNotFound { name: String, detail: String },
    /// A host name does not resolve.
    #[error(
        "Cannot resolve the host '{host}' ({url}). Check the name and your network or DNS settings."
    )]
    Dns { host: String, url: String },
    /// TCP connection failed.
    #[error("Cannot connect to {url}: {detail}")]
    Connect { url: String, detail: String },
    /// TLS handshake or certificate problem.
    #[error("TLS error talking to {url}: {detail}")]
    Tls { url: String, detail: String },
    /// The request timed out.
    #[error("The request to {url} timed out.")]
    Timeout { url: String },
    /// Acquiring a token failed.
    #[error("{0}")]
    Auth(String),
    /// A response could not be understood.
    #[error("Unexpected response from {url}: {detail}")]
    Decode { url: String, detail: String },
    /// Bad configuration (cloud profile, subscription, ...).
    #[error("{0}")]
    Config(String),
    /// A backup or restore job ended `Failed` or `Canceled`: the job's own error.
    #[error("({code}) {message}")]
    JobFailed {
        job_id: String,
        /// `Failed` or `Canceled`.
        status: String,
        code: String,
        message: String,
        inner: Option<String>,
    },
    /// Azure Storage answered with an error (listing backups).
    #[error("({code}) {message}")]
    Storage {
        status: Option<u16>,
        code: String,
        message: String,
    },
}

impl ClientError {
    /// HTTP status of a service error.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Service error code (of a response or of a failed job).
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Api { code, .. } | ClientError::JobFailed { code, .. } => Some(code),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, ClientError>;

/// One HTTP request.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: Url,
    pub body: Option<Vec<u8>>,
    pub plane: Plane,
}

impl Request {
    pub fn new(method: Method, url: Url, plane: Plane) -> Self {
        Request {
            method,
            url,
            body: None,
            plane,
        }
    }

    /// Sets a JSON body.
    pub fn json<T: serde::Serialize>(mut self, body: &T) -> Self {
        self.body = Some(serde_json::to_vec(body).expect("request bodies serialize"));
        self
    }

    /// Sets a body from pre-serialised JSON text (byte-exact requests).
    pub fn raw_json(mut self, text: String) -> Self {
        self.body = Some(text.into_bytes());
        self
    }
}

/// One HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub url: Url,
}

impl Response {
    /// Deserialises the JSON body.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_slice(&self.body).map_err(|e| ClientError::Decode {
            url: self.url.to_string(),
            detail: format!(
                "{e} (body: {})",
                String::from_utf8_lossy(&self.body)
                    .chars()
                    .take(200)
                    .collect::<String>()
            ),
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A parsed Key Vault `WWW-Authenticate` challenge.
#[derive(Debug, Clone, PartialEq)]
pub struct Challenge {
    /// `https://login.microsoftonline.com/<tenant>`.
    pub authorization: String,
    /// Scope to request (`<resource>/.default`, or the challenge's `scope`).
    pub scope: String,
}

impl Challenge {
    /// Parses `Bearer authorization="…", resource="…"` (or `scope="…"`).
    pub fn parse(header: &str) -> Option<Challenge> {
        let rest = header.trim().strip_prefix("Bearer")?.trim();
        let mut params = HashMap::new();
        for part in rest.split(',') {
            let (k, v) = part.trim().split_once('=')?;
            params.insert(
                k.trim().to_ascii_lowercase(),
                v.trim().trim_matches('"').to_string(),
            );
        }
        let authorization = params
            .get("authorization")
            .or_else(|| params.get("authorization_uri"))?
            .clone();
        let scope = match (params.get("scope"), params.get("resource")) {
            (Some(s), _) => s.clone(),
            (None, Some(r)) => format!("{}/.default", r.trim_end_matches('/')),
            _ => return None,
        };
        Some(Challenge {
            authorization,
            scope,
        })
    }

    /// The tenant named by the challenge.
    pub fn tenant(&self) -> Option<&str> {
        self.authorization.trim_end_matches('/').rsplit('/').next()
    }
}

/// Retry policy (azure-core's defaults: 3 retries on 408/429/5xx, exponential from 0.8 s).
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub max_retries: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(800),
            max_delay: Duration::from_secs(60),
        }
    }
}

fn retryable(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// `Retry-After` (seconds, or an HTTP date) of a response.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers
        .get("retry-after-ms")
        .or_else(|| headers.get("x-ms-retry-after-ms"))
        .and_then(|v| v.to_str().ok())
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(Duration::from_millis);
    if v.is_some() {
        return v;
    }
    let s = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(secs) = s.parse::<f64>() {
        return Some(Duration::from_secs_f64(secs.max(0.0)));
    }
    let when =
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc2822).ok()?;
    let delta = when - time::OffsetDateTime::now_utc();
    Some(Duration::from_secs(delta.whole_seconds().max(0) as u64))
}

/// The client: one per process; caches tokens and challenges.
pub struct Client {
    http: reqwest::Client,
    pub cloud: CloudProfile,
    creds: auth::Credentials,
    pub obs: Arc<dyn Observer>,
    pub retry: RetryPolicy,
    subscription_arg: Option<String>,
    subscription: tokio::sync::OnceCell<String>,
    challenges: Mutex<HashMap<String, Challenge>>,
    user_agent: String,
    /// Private addresses the cloud's resolver named for HSMs (lower-cased name → URI).
    private_uris: Mutex<HashMap<String, String>>,
}

impl Client {
    /// The private address of an HSM, when the resolver named one while resolving it.
    pub fn private_uri(&self, hsm: &str) -> Option<String> {
        self.private_uris
            .lock()
            .ok()?
            .get(&hsm.to_ascii_lowercase())
            .cloned()
    }

    pub(crate) fn note_private_uri(&self, hsm: &str, uri: &str) {
        if let Ok(mut m) = self.private_uris.lock() {
            m.insert(hsm.to_ascii_lowercase(), uri.to_string());
        }
    }

    /// Builds a client for a cloud (trusting its CA file, if any).
    pub fn new(
        cloud: CloudProfile,
        subscription: Option<String>,
        obs: Arc<dyn Observer>,
    ) -> Result<Client> {
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(120))
            .pool_idle_timeout(Duration::from_secs(30));
        if let Some(ca) = &cloud.ca_file {
            let pem = std::fs::read(ca).map_err(|e| {
                ClientError::Config(format!(
                    "Cannot read the CA certificate '{}' of cloud '{}': {e}",
                    ca.display(),
                    cloud.name
                ))
            })?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
                ClientError::Config(format!(
                    "The CA file '{}' is not a PEM certificate: {e}",
                    ca.display()
                ))
            })?;
            // The cloud's own CA is the only trust anchor of its endpoints (and loading the
            // system's root store would cost ~20 ms per invocation).
            builder = builder.tls_certs_only(certs);
        }
        let http = builder
            .build()
            .map_err(|e| ClientError::Config(format!("cannot build the HTTP client: {e}")))?;
        let creds = auth::Credentials::from_env(&cloud, http.clone(), obs.clone())?;
        Ok(Client {
            http,
            cloud,
            creds,
            obs,
            retry: RetryPolicy::default(),
            subscription_arg: subscription,
            subscription: tokio::sync::OnceCell::new(),
            challenges: Mutex::new(HashMap::new()),
            private_uris: Mutex::new(HashMap::new()),
            user_agent: format!("mhsm/{}", env!("CARGO_PKG_VERSION")),
        })
    }

    /// The raw HTTP client (e.g. for the resolver).
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Sends a request; any non-2xx status becomes a [`ClientError::Api`].
    pub async fn send(&self, req: Request) -> Result<Response> {
        let resp = self.send_raw(req).await?;
        if (200..300).contains(&resp.status) {
            Ok(resp)
        } else {
            Err(self.api_error(&resp))
        }
    }

    /// The Azure error of a failed response.
    pub fn api_error(&self, resp: &Response) -> ClientError {
        let plane = if resp
            .url
            .as_str()
            .starts_with(self.cloud.arm_url.trim_end_matches('/'))
        {
            Plane::Arm
        } else if resp
            .url
            .as_str()
            .starts_with(self.cloud.graph_url.trim_end_matches('/'))
            && self.cloud.graph_url != self.cloud.arm_url
        {
            Plane::Graph
        } else {
            Plane::Hsm
        };
        let request_id = resp.header("x-ms-request-id").map(str::to_string);
        match serde_json::from_slice::<ErrorEnvelope>(&resp.body) {
            Ok(env) => ClientError::Api {
                plane,
                status: resp.status,
                code: env.error.code,
                message: env.error.message,
                inner: env.error.innererror.map(|i| i.code),
                request_id,
            },
            Err(_) => {
                let text = String::from_utf8_lossy(&resp.body).trim().to_string();
                let reason = reqwest::StatusCode::from_u16(resp.status)
                    .ok()
                    .and_then(|s| s.canonical_reason().map(str::to_string))
                    .unwrap_or_default();
                ClientError::Api {
                    plane,
                    status: resp.status,
                    code: reason.replace(' ', ""),
                    message: if text.is_empty() || text == "OK" {
                        format!("Operation returned an invalid status '{reason}'")
                    } else {
                        text
                    },
                    inner: None,
                    request_id,
                }
            }
        }
    }

    /// Sends a request and returns whatever status comes back (after authentication and
    /// retries of throttling/5xx).
    pub async fn send_raw(&self, req: Request) -> Result<Response> {
        let scope = match req.plane {
            Plane::Arm => scope_for(&self.cloud.arm_audience),
            Plane::Graph => scope_for(&self.cloud.graph_audience),
            Plane::Hsm => return self.send_hsm(req).await,
        };
        self.send_with_token(&req, &scope, None).await
    }

    /// Sends with a token for `scope`; a 401 with a cached token fetches a fresh one once.
    async fn send_with_token(
        &self,
        req: &Request,
        scope: &str,
        tenant: Option<&str>,
    ) -> Result<Response> {
        let token = self.token(scope, tenant).await?;
        let resp = self.send_with_retries(req, Some(&token)).await?;
        if resp.status == 401 && self.creds.can_refresh() {
            self.obs
                .debug("The token was refused (401): getting a fresh one.");
            self.creds.invalidate(scope).await;
            let token = self.token(scope, tenant).await?;
            return self.send_with_retries(req, Some(&token)).await;
        }
        Ok(resp)
    }

    /// The Key Vault challenge protocol: first request without token or body; on 401 read the
    /// challenge, get a token for its resource, replay with the body. Cached per host.
    async fn send_hsm(&self, req: Request) -> Result<Response> {
        let host = req.url.host_str().unwrap_or_default().to_string()
            + &req.url.port().map(|p| format!(":{p}")).unwrap_or_default();
        let cached = self
            .challenges
            .lock()
            .expect("challenge lock")
            .get(&host)
            .cloned();
        let challenge = match cached {
            Some(c) => c,
            None => {
                let mut probe = req.clone();
                probe.body = None;
                let resp = self.send_with_retries(&probe, None).await?;
                if resp.status != 401 {
                    if req.body.is_none() || !(200..300).contains(&resp.status) {
                        return Ok(resp);
                    }
                    return Err(ClientError::Decode {
                        url: req.url.to_string(),
                        detail:
                            "the HSM accepted an unauthenticated request without asking for a token"
                                .into(),
                    });
                }
                let header = resp
                    .header("www-authenticate")
                    .unwrap_or_default()
                    .to_string();
                let c = Challenge::parse(&header).ok_or_else(|| ClientError::Decode {
                    url: req.url.to_string(),
                    detail: format!(
                        "401 without a usable Bearer challenge (WWW-Authenticate: '{header}')"
                    ),
                })?;
                self.obs.debug(&format!(
                    "Challenge from {host}: authorization={}, scope={}",
                    c.authorization, c.scope
                ));
                self.challenges
                    .lock()
                    .expect("challenge lock")
                    .insert(host.clone(), c.clone());
                c
            }
        };
        self.send_with_token(&req, &challenge.scope, challenge.tenant())
            .await
    }

    async fn token(&self, scope: &str, tenant: Option<&str>) -> Result<String> {
        self.creds.token(scope, tenant).await
    }

    /// A token of the caller's credential for `scope` (e.g. Azure Storage, to list backups).
    pub async fn token_for(&self, scope: &str) -> Result<String> {
        self.creds.token(scope, None).await
    }

    async fn send_with_retries(&self, req: &Request, token: Option<&str>) -> Result<Response> {
        let client_request_id = uuid::Uuid::new_v4().to_string();
        let mut attempt = 0u32;
        loop {
            let result = self.send_once(req, token, &client_request_id).await;
            let delay = match &result {
                Ok(r) if retryable(r.status) && attempt < self.retry.max_retries => {
                    let d = retry_after(&r.headers).unwrap_or_else(|| self.backoff(attempt));
                    self.obs.info(&format!(
                        "HTTP {} from {} {}; retrying in {:.1}s (attempt {} of {}).",
                        r.status,
                        req.method,
                        req.url.path(),
                        d.as_secs_f64(),
                        attempt + 2,
                        self.retry.max_retries + 1
                    ));
                    d
                }
                Err(ClientError::Connect { .. }) | Err(ClientError::Timeout { .. })
                    if attempt < self.retry.max_retries =>
                {
                    let d = self.backoff(attempt);
                    self.obs.info(&format!(
                        "{}; retrying in {:.1}s.",
                        result
                            .as_ref()
                            .err()
                            .map(|e| e.to_string())
                            .unwrap_or_default(),
                        d.as_secs_f64()
                    ));
                    d
                }
                _ => return result,
            };
            tokio::time::sleep(delay.min(self.retry.max_delay)).await;
            attempt += 1;
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let base = self.retry.base_delay.as_secs_f64() * 2f64.powi(attempt as i32);
        // ±20 % jitter, from the clock's sub-second digits (no RNG needed).
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let jitter = 0.8 + 0.4 * (nanos % 1000) as f64 / 1000.0;
        Duration::from_secs_f64((base * jitter).min(self.retry.max_delay.as_secs_f64()))
    }

    async fn send_once(
        &self,
        req: &Request,
        token: Option<&str>,
        client_request_id: &str,
    ) -> Result<Response> {
        let mut b = self
            .http
            .request(req.method.clone(), req.url.clone())
            .header("x-ms-client-request-id", client_request_id)
            .header("user-agent", &self.user_agent)
            .header("accept", "application/json");
        if let Some(t) = token {
            b = b.bearer_auth(t);
        }
        let body_len = req.body.as_ref().map(|b| b.len()).unwrap_or(0);
        if let (Some(body), Some(_)) = (&req.body, token) {
            b = b
                .header("content-type", "application/json")
                .body(body.clone());
        } else if req.body.is_some()
            || matches!(req.method, Method::POST | Method::PUT | Method::PATCH)
        {
            // The challenge probe and body-less writes carry an empty body (Content-Length: 0).
            b = b.header("content-length", "0");
        }
        self.obs.info(&format!("Request URL: '{}'", req.url));
        self.obs.info(&format!("Request method: '{}'", req.method));
        self.obs.debug(&format!(
            "Request headers: x-ms-client-request-id: '{client_request_id}', Authorization: '{}'",
            if token.is_some() { "*****" } else { "(none)" }
        ));
        // Bodies are redacted by the kind of each member, whatever the operation (`Member`).
        if token.is_some() && body_len > 0 {
            let shown = redact_json(req.body.as_deref().unwrap_or_default());
            self.obs.debug(&format!("Request body: {shown}"));
        }
        let started = std::time::Instant::now();
        let resp = b.send().await.map_err(|e| classify(&req.url, e))?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = resp.bytes().await.map_err(|e| classify(&req.url, e))?;
        self.obs.info(&format!(
            "Response status: {status} ({} ms), x-ms-request-id: '{}'",
            started.elapsed().as_millis(),
            headers
                .get("x-ms-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
        ));
        if !body.is_empty() {
            self.obs
                .debug(&format!("Response body: {}", redact_json(&body)));
        }
        Ok(Response {
            status,
            headers,
            body,
            url: req.url.clone(),
        })
    }

    /// The subscription: `--subscription`, `AZURE_SUBSCRIPTION_ID`, the cloud profile's, the
    /// az CLI's default, or the only one the caller can see.
    pub async fn subscription(&self) -> Result<String> {
        self.subscription
            .get_or_try_init(|| async { self.resolve_subscription().await })
            .await
            .cloned()
    }

    async fn resolve_subscription(&self) -> Result<String> {
        let explicit = self.subscription_arg.clone().or_else(|| {
            std::env::var("AZURE_SUBSCRIPTION_ID")
                .ok()
                .filter(|s| !s.is_empty())
        });
        if let Some(s) = &explicit
            && uuid::Uuid::parse_str(s).is_ok()
        {
            return Ok(s.clone());
        }
        if explicit.is_none() {
            if let Some(s) = &self.cloud.subscription_id {
                return Ok(s.clone());
            }
            if let Some(s) = auth::az_cli_default_subscription() {
                return Ok(s);
            }
        }
        let subs = self.list_subscriptions().await?;
        match explicit {
            Some(name) => subs
                .iter()
                .find(|s| s.display_name.as_deref().is_some_and(|d| d.eq_ignore_ascii_case(&name)))
                .map(|s| s.subscription_id.clone())
                .ok_or_else(|| ClientError::Config(format!("Subscription '{name}' not found. Check the spelling and casing and try again."))),
            None => match subs.as_slice() {
                [one] => Ok(one.subscription_id.clone()),
                [] => Err(ClientError::Config("No subscription is visible to this identity: pass --subscription or set AZURE_SUBSCRIPTION_ID.".into())),
                _ => Err(ClientError::Config("Several subscriptions are visible: choose one with --subscription or AZURE_SUBSCRIPTION_ID.".into())),
            },
        }
    }
}

/// Maps a transport error to a classified [`ClientError`].
fn classify(url: &Url, e: reqwest::Error) -> ClientError {
    let mut chain = String::new();
    let mut src: Option<&dyn std::error::Error> = Some(&e);
    while let Some(s) = src {
        chain.push_str(&s.to_string());
        chain.push_str(": ");
        src = s.source();
    }
    let lower = chain.to_ascii_lowercase();
    let u = url.to_string();
    if e.is_timeout() {
        ClientError::Timeout { url: u }
    } else if lower.contains("dns error")
        || lower.contains("failed to lookup address")
        || lower.contains("name or service not known")
    {
        ClientError::Dns {
            host: url.host_str().unwrap_or_default().to_string(),
            url: u,
        }
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        let detail = if lower.contains("unknownissuer") || lower.contains("unknown issuer") {
            "the server's certificate is not trusted (unknown issuer). For an emulator, use its cloud profile (MHSM_CLOUD=<state-dir>/cloud.json), which names its CA file.".to_string()
        } else {
            chain.trim_end_matches(": ").to_string()
        };
        ClientError::Tls { url: u, detail }
    } else if e.is_connect() {
        let detail = if lower.contains("connection refused") {
            "connection refused (is the service running and the port right?)".to_string()
        } else {
            chain.trim_end_matches(": ").to_string()
        };
        ClientError::Connect { url: u, detail }
    } else {
        ClientError::Connect {
            url: u,
            detail: chain.trim_end_matches(": ").to_string(),
        }
    }
}

/// What a JSON member carries, decided by its name and the JSON type of its value — never by
/// which operation sent or answered it — so that every request and response body, of every
/// present and future operation, is redacted the same way in `--debug` traces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Member {
    /// Credentials: tokens (bearer, refresh, SAS, release and attestation tokens), secrets,
    /// passwords, client assertions.
    Credential,
    /// Private JWK members and BYOK blobs (`key_hsm`): the key of an import.
    KeyMaterial,
    /// The string `value` of the Key Vault wire format: plaintext, ciphertext and wrapped keys
    /// of encrypt/decrypt/wrap/unwrap (parameters and results), signatures, key backups,
    /// random bytes, security-domain blobs and their shares. (Settings and IP rules also call
    /// their strings `value`; they are hidden too — a trace shows less, never a secret.)
    Payload,
    /// Anything else: shown (objects and arrays are walked).
    Plain,
}

/// Private members of a JSON web key (RFC 7518 §6.2.2, §6.3.2, §6.4.1) and the BYOK blob.
const KEY_MATERIAL: &[&str] = &["d", "dp", "dq", "p", "q", "qi", "k", "key_hsm", "t"];

fn member_kind(name: &str, value: &serde_json::Value) -> Member {
    if value.is_null() {
        return Member::Plain;
    }
    let lower = name.to_ascii_lowercase();
    // Objects such as `sasTokenParameters` are walked: their string members are judged.
    if value.is_string()
        && ["token", "secret", "password", "assertion"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return Member::Credential;
    }
    if KEY_MATERIAL.contains(&name) && value.is_string() {
        return Member::KeyMaterial;
    }
    if lower == "value" && value.is_string() {
        return Member::Payload;
    }
    Member::Plain
}

/// Redacts the secret-bearing members of a JSON body ([`Member`]); a body that is not JSON is
/// shown as its size.
pub fn redact_json(body: &[u8]) -> String {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, val) in m.iter_mut() {
                    match member_kind(k, val) {
                        Member::Plain => walk(val),
                        Member::Credential | Member::KeyMaterial | Member::Payload => {
                            *val = serde_json::Value::String("*****".into());
                        }
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut v) => {
            walk(&mut v);
            v.to_string()
        }
        Err(_) => format!("<{} bytes>", body.len()),
    }
}

/// The `.default` scope of an audience, as MSAL forms it: `https://management.core.windows.net/`
/// becomes `https://management.core.windows.net//.default` (az's scope, double slash included).
pub fn scope_for(audience: &str) -> String {
    format!("{audience}/.default")
}

/// Appends `api-version` to a URL.
pub fn with_api_version(mut url: Url, version: &str) -> Url {
    url.query_pairs_mut().append_pair("api-version", version);
    url
}

/// Parses a URL built from trusted parts.
pub fn url(s: &str) -> Result<Url> {
    Url::parse(s).map_err(|e| ClientError::Config(format!("invalid URL '{s}': {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_recorded_challenge() {
        // rest-api.md §3 (R1, R4, R6)
        let c = Challenge::parse(
            "Bearer authorization=\"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47\", resource=\"https://managedhsm.azure.net\"",
        )
        .unwrap();
        assert_eq!(c.scope, "https://managedhsm.azure.net/.default");
        assert_eq!(c.tenant(), Some("72f988bf-86f1-41af-91ab-2d7cd011db47"));
        let c =
            Challenge::parse("Bearer authorization=\"https://l/t\", scope=\"https://x/.default\"")
                .unwrap();
        assert_eq!(c.scope, "https://x/.default");
        assert!(Challenge::parse("Basic realm=x").is_none());
    }

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        use reqwest::header::HeaderValue;
        h.insert("retry-after", HeaderValue::from_static("10"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(10)));
        h.insert("retry-after-ms", HeaderValue::from_static("250"));
        assert_eq!(retry_after(&h), Some(Duration::from_millis(250)));
    }

    #[test]
    fn debug_redaction() {
        let s = redact_json(br#"{"access_token":"abc","key":{"n":"x","d":"secret"},"value":"v"}"#);
        assert!(!s.contains("abc") && !s.contains("secret"));
        assert!(s.contains("\"n\":\"x\""));
    }

    /// Every secret-bearing shape of the wire format, whatever operation carries it.
    #[test]
    fn debug_redaction_by_kind_of_member() {
        let secret = "S3CR3T";
        for body in [
            // encrypt / wrap parameters, decrypt / unwrap / sign results, backups, rng
            format!(r#"{{"alg":"A256KW","value":"{secret}"}}"#),
            format!(r#"{{"kid":"https://h/keys/k/v","value":"{secret}"}}"#),
            // import of every key type, BYOK
            format!(r#"{{"key":{{"kty":"oct-HSM","k":"{secret}"}},"hsm":true}}"#),
            format!(r#"{{"key":{{"kty":"RSA-HSM","n":"AQAB","e":"AQAB","key_hsm":"{secret}"}}}}"#),
            // security-domain upload/download, release
            format!(r#"{{"value":"{{\"EncData\":\"{secret}\"}}"}}"#),
            format!(r#"{{"target":"t","release_token":"{secret}"}}"#),
            // tokens and SAS anywhere, nested in arrays
            format!(
                r#"{{"sasTokenParameters":{{"storageResourceUri":"https://a","token":"{secret}"}}}}"#
            ),
            format!(r#"{{"access_token":"{secret}","token_type":"Bearer"}}"#),
            format!(r#"{{"value":[{{"refresh_token":"{secret}","client_secret":"{secret}"}}]}}"#),
        ] {
            let shown = redact_json(body.as_bytes());
            assert!(!shown.contains(secret), "{body} → {shown}");
        }
        // Public parts stay readable.
        let shown = redact_json(br#"{"key":{"kty":"RSA","n":"AQAB","e":"AQAB"},"attributes":{"enabled":true},"value":true,"sasTokenParameters":{"storageResourceUri":"https://acct/c"}}"#);
        assert!(
            shown.contains("AQAB")
                && shown.contains("\"value\":true")
                && shown.contains("https://acct/c"),
            "{shown}"
        );
    }
}
