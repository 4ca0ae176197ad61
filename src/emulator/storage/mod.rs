//! Storage accounts of the emulator and its embedded Azure Blob service — the target of the
//! HSM's full backup and restore.
//!
//! * [`blob`] — the Blob REST protocol on its own HTTPS listener (path-style,
//!   `https://127.0.0.1:P/{account}/{container}/{blob}`), [`auth`] — SAS / bearer / Shared Key
//!   authorization as Azure Storage decides it, [`backend`] — folders under `DIR/storage`.
//! * The engine-facing API: [`open_container`] turns a `storageResourceUri` (as the HSM receives
//!   it, `https://{account}.blob.storage.emulator/{container}`) and a credential into an
//!   object_store client that speaks the real Blob protocol to the account's service —
//!   the embedded one, or an external one (Azurite) for accounts with an `endpoint`;
//!   [`classify`] maps the client's errors back to the storage service's codes.
//! * `storage.json` ([`published`]) and `mhsm-emulator sas` ([`sas_command`]) for scripts.

pub mod auth;
pub mod backend;
pub mod blob;

use async_trait::async_trait;
use futures::stream::BoxStream;
use object_store::azure::{AzureCredential, MicrosoftAzureBuilder};
use object_store::path::Path;
use object_store::{
    ClientOptions, CopyOptions, CredentialProvider, GetOptions, GetResult, ListResult,
    MultipartUpload, ObjectMeta, ObjectStore, ObjectStoreExt, PutMultipartOptions, PutOptions,
    PutPayload, PutResult, RetryConfig,
};
use serde::Serialize;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{Emulator, StartError};
use crate::crypto::sas::{self, SasToken};
use crate::emulator::arm::rbac::{self, blob_actions};
use crate::emulator::directory::{StorageAccount, valid_account_name, valid_container_name};

/// How the HSM authenticates to the storage account of a backup or restore
/// (`SASTokenParameter.token` / `useManagedIdentity`).
#[derive(Clone)]
pub enum StorageAuth {
    /// A SAS token (query string, with or without `?`).
    Sas(String),
    /// The HSM's managed identity (its object id in the directory).
    ManagedIdentity { object_id: String },
}

impl std::fmt::Debug for StorageAuth {
    // Tokens never print (house rule 6).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageAuth::Sas(_) => f.write_str("Sas(<redacted>)"),
            StorageAuth::ManagedIdentity { object_id } => f
                .debug_struct("ManagedIdentity")
                .field("object_id", object_id)
                .finish(),
        }
    }
}

/// An opened blob container: read and write it through `store` (paths are blob names
/// relative to the container).
pub struct Container {
    pub store: Arc<dyn ObjectStore>,
    /// The container URI as the caller gave it, without a trailing slash.
    pub uri: String,
    pub account: String,
    pub container: String,
}

impl std::fmt::Debug for Container {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Container")
            .field("uri", &self.uri)
            .field("account", &self.account)
            .field("container", &self.container)
            .finish()
    }
}

/// Why storage could not be used. `Display` is the storage service's message (for
/// `AuthenticationFailed`, followed by its `AuthenticationErrorDetail`).
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The container URI is not `https://{account}.blob.{suffix}/{container}` or
    /// `http(s)://host[:port]/{account}/{container}`.
    #[error("{0}")]
    InvalidUri(String),
    /// The SAS token is malformed (the Managed HSM answers these synchronously with 400).
    #[error("{0}")]
    MalformedSas(String),
    /// No such storage account in the emulator's directory.
    #[error("The storage account '{0}' does not exist in the emulator's directory.")]
    UnknownAccount(String),
    #[error("{message}")]
    ContainerNotFound { message: String },
    #[error("{message}")]
    BlobNotFound { message: String },
    /// The credential was refused (bad or expired signature, invalid token): 401/403
    /// `AuthenticationFailed`, `InvalidAuthenticationInfo`, `NoAuthenticationInformation`.
    #[error("{message}")]
    AuthenticationFailed { code: String, message: String },
    /// The credential is valid but does not allow the operation: 403
    /// `AuthorizationPermissionMismatch`, `AuthorizationResourceTypeMismatch`, ...
    #[error("{message}")]
    PermissionMismatch { code: String, message: String },
    #[error("{message}")]
    Other { code: String, message: String },
}

impl StorageError {
    /// The service-style error code (`ContainerNotFound`, `AuthenticationFailed`,
    /// `AuthorizationPermissionMismatch`, ...). A malformed SAS is `BadRequest`, the Managed
    /// HSM's code for it.
    pub fn code(&self) -> &str {
        match self {
            StorageError::InvalidUri(_) => "InvalidUri",
            StorageError::MalformedSas(_) => "BadRequest",
            StorageError::UnknownAccount(_) => "StorageAccountNotFound",
            StorageError::ContainerNotFound { .. } => "ContainerNotFound",
            StorageError::BlobNotFound { .. } => "BlobNotFound",
            StorageError::AuthenticationFailed { code, .. }
            | StorageError::PermissionMismatch { code, .. }
            | StorageError::Other { code, .. } => code,
        }
    }
}

/// The `<Code>`, `<Message>` (without its `RequestId`/`Time` lines) and
/// `<AuthenticationErrorDetail>` of an Azure Storage error body found in `text`.
fn parse_error_xml(text: &str) -> Option<(String, String)> {
    let element = |name: &str| -> Option<String> {
        let start = text.find(&format!("<{name}>"))? + name.len() + 2;
        let end = text[start..].find(&format!("</{name}>"))? + start;
        Some(unescape(&text[start..end]))
    };
    let code = element("Code")?;
    let mut message = element("Message").unwrap_or_default();
    if let Some(i) = message.find("\nRequestId:") {
        message.truncate(i);
    }
    if let Some(d) = element("AuthenticationErrorDetail") {
        message = format!("{message} {d}");
    }
    Some((code, message.trim().to_string()))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn from_code(code: String, message: String) -> StorageError {
    match code.as_str() {
        "ContainerNotFound" => StorageError::ContainerNotFound { message },
        "BlobNotFound" => StorageError::BlobNotFound { message },
        "AuthenticationFailed" | "InvalidAuthenticationInfo" | "NoAuthenticationInformation" => {
            StorageError::AuthenticationFailed { code, message }
        }
        // Azurite answers a bad SAS signature with this code and Azure's authentication text.
        "AuthorizationFailure" if message.contains("failed to authenticate") => {
            StorageError::AuthenticationFailed { code, message }
        }
        c if c.starts_with("Authorization") => StorageError::PermissionMismatch { code, message },
        _ => StorageError::Other { code, message },
    }
}

/// Maps an object_store error (from put/get/list/delete through the Blob protocol) to the
/// storage service's error, keeping its code and message. Without an error body (HEAD
/// requests carry none) the HTTP status decides.
pub fn classify(e: &object_store::Error) -> StorageError {
    // object_store keeps the response body in the error's source chain; its Display shows it.
    let mut text = e.to_string();
    let mut src: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = src {
        text.push('\n');
        text.push_str(&s.to_string());
        src = s.source();
    }
    if let Some((code, message)) = parse_error_xml(&text) {
        return from_code(code, message);
    }
    let message = e.to_string();
    match e {
        object_store::Error::NotFound { .. } => StorageError::BlobNotFound { message },
        object_store::Error::PermissionDenied { .. } => StorageError::PermissionMismatch {
            code: "AuthorizationPermissionMismatch".into(),
            message,
        },
        object_store::Error::Unauthenticated { .. } => StorageError::AuthenticationFailed {
            code: "AuthenticationFailed".into(),
            message,
        },
        object_store::Error::AlreadyExists { .. } => StorageError::Other {
            code: "BlobAlreadyExists".into(),
            message,
        },
        object_store::Error::Precondition { .. } => StorageError::Other {
            code: "ConditionNotMet".into(),
            message,
        },
        _ => StorageError::Other {
            code: "StorageRequestFailed".into(),
            message,
        },
    }
}

/// `(account, container)` of a container URI: host-style `https://{account}.blob.{suffix}/
/// {container}` or path-style `http(s)://host[:port]/{account}/{container}`.
pub fn parse_container_uri(uri: &str) -> Result<(String, String), StorageError> {
    let bad = |why: &str| {
        StorageError::InvalidUri(format!(
            "The storage resource URI '{uri}' is not valid: {why}. Expected https://<account>.blob.<suffix>/<container>."
        ))
    };
    let u = url::Url::parse(uri.trim()).map_err(|_| bad("not a URL"))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(bad("the scheme must be https"));
    }
    if u.query().is_some() || u.fragment().is_some() {
        return Err(bad("pass the SAS token separately, not in the URI"));
    }
    let host = u
        .host_str()
        .ok_or_else(|| bad("no host"))?
        .to_ascii_lowercase();
    let segments: Vec<String> = u
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).map(str::to_string).collect())
        .unwrap_or_default();
    let (account, container) = match host.split_once(".blob.") {
        Some((account, _)) => match segments.as_slice() {
            [c] => (account.to_string(), c.clone()),
            _ => return Err(bad("the path must be exactly /<container>")),
        },
        None => match segments.as_slice() {
            [a, c] => (a.clone(), c.clone()),
            _ => return Err(bad("a path-style URI must be /<account>/<container>")),
        },
    };
    if !valid_account_name(&account) {
        return Err(bad(&format!("'{account}' is not a storage account name")));
    }
    if !valid_container_name(&container) {
        return Err(bad(&format!("'{container}' is not a container name")));
    }
    Ok((account, container))
}

/// Bearer tokens for the embedded service, minted by the emulator's IdP for a managed
/// identity and renewed before they expire on the emulator clock.
struct IdentityTokens {
    emu: Arc<Emulator>,
    principal: crate::emulator::directory::Principal,
    cached: Mutex<Option<(Arc<AzureCredential>, i64)>>,
}

#[async_trait]
impl CredentialProvider for IdentityTokens {
    type Credential = AzureCredential;

    async fn get_credential(&self) -> object_store::Result<Arc<AzureCredential>> {
        let now = self.emu.clock.unix();
        let mut cached = self.cached.lock().expect("token cache");
        if let Some((c, exp)) = cached.as_ref()
            && *exp - now > 300
        {
            return Ok(c.clone());
        }
        let (token, exp) = self.emu.mint_token(
            &self.principal,
            self.principal.app_id.as_deref(),
            auth::STORAGE_AUDIENCE,
        );
        let c = Arc::new(AzureCredential::BearerToken(token));
        *cached = Some((c.clone(), exp));
        Ok(c)
    }
}

impl std::fmt::Debug for IdentityTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdentityTokens")
            .field("principal", &self.principal.name)
            .finish_non_exhaustive()
    }
}

/// Opens a container for the backup engine: parses the URI, finds the account in the
/// directory, and returns an object_store Azure client pointed at the account's Blob
/// service (embedded, trusting the emulator CA; or the account's external `endpoint`)
/// authenticated with the SAS, or for a managed identity with a bearer token from the
/// emulator's IdP (embedded: the service checks Azure RBAC) or the account key after the
/// emulator checked the identity's Storage Blob Data role (external). One probe request
/// (a GET of a blob that does not exist) makes a missing container or a refused
/// credential fail here, clearly, rather than at the first write.
pub async fn open_container(
    emu: &Arc<Emulator>,
    container_uri: &str,
    auth: &StorageAuth,
) -> Result<Container, StorageError> {
    let (account_name, container) = parse_container_uri(container_uri)?;
    let sas_token = match auth {
        StorageAuth::Sas(t) => {
            Some(SasToken::parse(t).map_err(|e| StorageError::MalformedSas(e.to_string()))?)
        }
        StorageAuth::ManagedIdentity { .. } => None,
    };
    let account = emu
        .directory
        .read()
        .expect("directory lock")
        .storage_account(&account_name)
        .cloned()
        .ok_or_else(|| StorageError::UnknownAccount(account_name.clone()))?;
    let (endpoint, mut options) = match &account.endpoint {
        None => {
            let pem = std::fs::read(emu.ca_file()).map_err(|e| StorageError::Other {
                code: "InternalError".into(),
                message: format!("emulator CA: {e}"),
            })?;
            let ca =
                object_store::Certificate::from_pem(&pem).map_err(|e| StorageError::Other {
                    code: "InternalError".into(),
                    message: format!("emulator CA: {e}"),
                })?;
            (
                emu.blob_endpoint(&account.name),
                ClientOptions::new().with_root_certificate(ca),
            )
        }
        Some(e) => (e.trim_end_matches('/').to_string(), ClientOptions::new()),
    };
    if endpoint.starts_with("http://") {
        options = options.with_allow_http(true);
    }
    let mut builder = MicrosoftAzureBuilder::new()
        .with_account(&account.name)
        .with_container_name(&container)
        .with_endpoint(endpoint)
        .with_client_options(options.with_timeout(Duration::from_secs(300)))
        .with_retry(RetryConfig {
            max_retries: 3,
            retry_timeout: Duration::from_secs(30),
            ..Default::default()
        });
    let mut read_only = false;
    match auth {
        StorageAuth::Sas(t) => {
            let pairs: Vec<(String, String)> = t
                .trim()
                .trim_start_matches('?')
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (sas::percent_decode(k), sas::percent_decode(v))
                })
                .collect();
            builder = builder.with_sas_authorization(pairs);
        }
        StorageAuth::ManagedIdentity { object_id } => {
            let principal = emu
                .directory
                .read()
                .expect("directory lock")
                .find(object_id)
                .ok_or_else(|| StorageError::AuthenticationFailed {
                    code: "InvalidAuthenticationInfo".into(),
                    message: format!(
                        "The managed identity '{object_id}' does not exist in the emulator's directory."
                    ),
                })?;
            if account.endpoint.is_none() {
                builder = builder.with_credentials(Arc::new(IdentityTokens {
                    emu: emu.clone(),
                    principal,
                    cached: Mutex::new(None),
                }));
            } else {
                // An external service knows nothing of the emulator's tokens: the emulator
                // decides with Azure RBAC, then signs with the account key.
                let (can_read, can_write) = identity_rights(emu, &account, &container, &principal);
                if !can_read && !can_write {
                    return Err(StorageError::PermissionMismatch {
                        code: "AuthorizationPermissionMismatch".into(),
                        message: format!(
                            "This request is not authorized to perform this operation using this permission. The managed identity '{}' holds no Storage Blob Data role on the storage account '{}'.",
                            principal.name, account.name
                        ),
                    });
                }
                read_only = !can_write;
                builder = builder.with_access_key(account.key.clone());
            }
        }
    }
    let store = builder.build().map_err(|e| StorageError::Other {
        code: "InvalidConfiguration".into(),
        message: e.to_string(),
    })?;
    let store: Arc<dyn ObjectStore> = if read_only {
        Arc::new(ReadOnly(store))
    } else {
        Arc::new(store)
    };
    // Probe: BlobNotFound = the container exists and the credential works.
    let probe = Path::from(".mhsm-container-probe");
    match store.get(&probe).await {
        Ok(_) => {}
        Err(e) => match classify(&e) {
            StorageError::BlobNotFound { .. } => {}
            // A SAS without `r` cannot probe; the first write will tell.
            StorageError::PermissionMismatch { .. }
                if sas_token.as_ref().is_some_and(|t| !t.permits('r')) => {}
            other => return Err(other),
        },
    }
    Ok(Container {
        store,
        uri: container_uri.trim().trim_end_matches('/').to_string(),
        account: account.name,
        container,
    })
}

/// (read, write) rights of an identity on a container, from the directory's Azure RBAC.
fn identity_rights(
    emu: &Emulator,
    account: &StorageAccount,
    container: &str,
    principal: &crate::emulator::directory::Principal,
) -> (bool, bool) {
    let dir = emu.directory.read().expect("directory lock");
    let mut ids = vec![principal.object_id.clone()];
    ids.extend(dir.group_ids_of(&principal.name));
    let scope = format!(
        "{}/blobServices/default/containers/{container}",
        account.resource_id(&dir.subscription_id)
    );
    (
        rbac::allowed_data_action(&dir, &ids, blob_actions::READ, &scope),
        rbac::allowed_data_action(&dir, &ids, blob_actions::WRITE, &scope),
    )
}

/// A store that refuses writes as Azure would for a reader (external accounts reached with
/// the account key on behalf of an identity holding only Storage Blob Data Reader).
#[derive(Debug)]
struct ReadOnly(object_store::azure::MicrosoftAzure);

impl std::fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ReadOnly({})", self.0)
    }
}

fn refused(path: &Path) -> object_store::Error {
    object_store::Error::PermissionDenied {
        path: path.to_string(),
        source: "<Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.</Message></Error>".into(),
    }
}

#[async_trait]
impl ObjectStore for ReadOnly {
    async fn put_opts(
        &self,
        location: &Path,
        _payload: PutPayload,
        _opts: PutOptions,
    ) -> object_store::Result<PutResult> {
        Err(refused(location))
    }

    async fn put_multipart_opts(
        &self,
        location: &Path,
        _opts: PutMultipartOptions,
    ) -> object_store::Result<Box<dyn MultipartUpload>> {
        Err(refused(location))
    }

    async fn get_opts(
        &self,
        location: &Path,
        options: GetOptions,
    ) -> object_store::Result<GetResult> {
        self.0.get_opts(location, options).await
    }

    fn delete_stream(
        &self,
        locations: BoxStream<'static, object_store::Result<Path>>,
    ) -> BoxStream<'static, object_store::Result<Path>> {
        use futures::StreamExt;
        locations.map(|l| l.and_then(|p| Err(refused(&p)))).boxed()
    }

    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.0.list(prefix)
    }

    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> object_store::Result<ListResult> {
        self.0.list_with_delimiter(prefix).await
    }

    async fn copy_opts(
        &self,
        _from: &Path,
        to: &Path,
        _options: CopyOptions,
    ) -> object_store::Result<()> {
        Err(refused(to))
    }
}

// ---------------------------------------------------------------------------------------------
// Listener, containers, published file

/// Starts the embedded Blob service on `listener` and creates the directory's containers
/// (embedded accounts now; external ones in the background, best effort).
pub fn start_blob_service(
    emu: &Arc<Emulator>,
    listener: std::net::TcpListener,
    tls: Arc<rustls::ServerConfig>,
) -> Result<(), StartError> {
    let accounts = emu
        .directory
        .read()
        .expect("directory lock")
        .storage_accounts
        .clone();
    let backend = backend::Backend::new(&emu.opts.state_dir);
    for a in accounts.iter().filter(|a| a.endpoint.is_none()) {
        for c in &a.containers {
            backend
                .create_container(&a.name, c)
                .map_err(|e| StartError::State(format!("storage {}/{c}: {e}", a.name)))?;
        }
    }
    let handle = axum_server::Handle::new();
    let server = super::https_server(listener, tls)?.handle(handle.clone());
    let app = blob::router(emu.clone());
    tokio::spawn(async move {
        let _ = server
            .serve(app.into_make_service_with_connect_info::<SocketAddr>())
            .await;
    });
    *emu.blob_listener.lock().expect("blob lock") = Some(handle);
    for a in accounts.into_iter().filter(|a| a.endpoint.is_some()) {
        tokio::spawn(async move {
            for c in &a.containers {
                if let Err(e) = create_external_container(&a, c).await {
                    tracing::warn!("storage account {}: container {c}: {e}", a.name);
                }
            }
        });
    }
    Ok(())
}

/// Creates `container` in an external account's Blob service with Shared Key (object_store
/// cannot create containers). An existing container is fine.
pub async fn create_external_container(
    account: &StorageAccount,
    container: &str,
) -> Result<(), String> {
    let endpoint = account
        .endpoint
        .as_deref()
        .ok_or("the account has no external endpoint")?
        .trim_end_matches('/');
    let url = url::Url::parse(&format!("{endpoint}/{container}?restype=container"))
        .map_err(|e| e.to_string())?;
    let date = blob::http_date(time::OffsetDateTime::now_utc().unix_timestamp());
    let version = "2023-11-03";
    let headers = vec![
        ("content-length".to_string(), "0".to_string()),
        ("x-ms-date".to_string(), date.clone()),
        ("x-ms-version".to_string(), version.to_string()),
    ];
    let sts = sas::shared_key_string_to_sign(
        "PUT",
        &headers,
        &account.name,
        url.path(),
        &[("restype".to_string(), "container".to_string())],
    );
    let sig = sas::sign(&account.key_bytes()?, &sts);
    let resp = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())?
        .put(url)
        .header("content-length", "0")
        .header("x-ms-date", date)
        .header("x-ms-version", version)
        .header("authorization", format!("SharedKey {}:{sig}", account.name))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    match resp.status().as_u16() {
        201 | 409 => Ok(()),
        s => Err(format!("{s}: {}", resp.text().await.unwrap_or_default())),
    }
}

/// `storage.json`: what scripts need to reach the storage accounts.
#[derive(Debug, Clone, Serialize)]
pub struct StorageFile {
    /// The embedded Blob service (path-style: append `/{account}`).
    pub blob_endpoint: String,
    pub accounts: Vec<PublishedAccount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublishedAccount {
    pub name: String,
    pub resource_group: String,
    pub resource_id: String,
    pub key: String,
    /// The Blob endpoint actually used (embedded listener or external service).
    pub endpoint: String,
    pub embedded: bool,
    pub containers: Vec<PublishedContainer>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublishedContainer {
    pub name: String,
    /// The URI the HSM's backup and restore take (`storageResourceUri`).
    pub uri: String,
    /// The same container at the endpoint actually used.
    pub endpoint_uri: String,
}

/// The content of `storage.json`.
pub fn published(emu: &Emulator) -> StorageFile {
    let dir = emu.directory.read().expect("directory lock");
    StorageFile {
        blob_endpoint: format!("https://127.0.0.1:{}", emu.blob_port),
        accounts: dir
            .storage_accounts
            .iter()
            .map(|a| {
                let endpoint = a
                    .endpoint
                    .clone()
                    .map(|e| e.trim_end_matches('/').to_string())
                    .unwrap_or_else(|| emu.blob_endpoint(&a.name));
                PublishedAccount {
                    name: a.name.clone(),
                    resource_group: a.resource_group.clone(),
                    resource_id: a.resource_id(&dir.subscription_id),
                    key: a.key.clone(),
                    embedded: a.endpoint.is_none(),
                    containers: a
                        .containers
                        .iter()
                        .map(|c| PublishedContainer {
                            name: c.clone(),
                            uri: format!("https://{}.blob.{}/{c}", a.name, super::STORAGE_SUFFIX),
                            endpoint_uri: format!("{endpoint}/{c}"),
                        })
                        .collect(),
                    endpoint,
                }
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// `mhsm-emulator sas`

/// Parses `--expiry`/`--start`: a duration from `now` (`90s`, `30m`, `2h`, `7d`) or an
/// RFC 3339 / SAS time. Returns Unix seconds.
pub fn parse_when(s: &str, now: i64) -> Result<i64, String> {
    let s = s.trim();
    let unit = s.chars().last().unwrap_or(' ');
    if let Some(n) = s
        .strip_suffix(unit)
        .filter(|_| "smhd".contains(unit))
        .and_then(|n| n.parse::<i64>().ok())
    {
        let mult = match unit {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            _ => 86400,
        };
        return Ok(now + n * mult);
    }
    if let Ok(t) = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339) {
        return Ok(t.unix_timestamp());
    }
    sas::parse_time(s).ok_or_else(|| {
        format!("'{s}' is neither a duration (90s, 30m, 2h, 7d) nor an RFC 3339 time")
    })
}

/// `mhsm-emulator sas`: a container SAS signed with the account key from `DIR/directory.json`.
/// Relative times count from `now` (Unix seconds; the binary passes the emulator clock
/// when the emulator runs, else the real clock).
pub fn sas_command(
    state_dir: &std::path::Path,
    account: &str,
    container: &str,
    permissions: &str,
    expiry: &str,
    start: Option<&str>,
    now: i64,
) -> Result<String, String> {
    let path = state_dir.join("directory.json");
    let dir = crate::emulator::directory::Directory::load(&path)?;
    let acct = dir.storage_account(account).ok_or_else(|| {
        format!(
            "no storage account '{account}' in {}; known: {}",
            path.display(),
            dir.storage_accounts
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    if !valid_container_name(container) {
        return Err(format!("'{container}' is not a valid container name"));
    }
    if let Some(bad) = permissions
        .chars()
        .find(|c| !sas::SERVICE_ORDER.contains(*c))
    {
        return Err(format!(
            "unknown permission '{bad}' (use letters of {})",
            sas::SERVICE_ORDER
        ));
    }
    let fmt = |t: i64| sas::format_time(t).ok_or_else(|| "time out of range".to_string());
    let se = fmt(parse_when(expiry, now)?)?;
    let st = match start {
        Some(s) => Some(fmt(parse_when(s, now)?)?),
        None => None,
    };
    Ok(sas::generate_service_sas(
        &acct.key_bytes()?,
        &sas::ServiceSasRequest {
            account: &acct.name,
            container,
            blob: None,
            permissions,
            start: st.as_deref(),
            expiry: &se,
            ip: None,
            protocol: None,
            version: sas::DEFAULT_VERSION,
        },
    ))
}

/// "Now" on the clock of the emulator serving `state_dir` (tests move it forward), read from
/// its `/.emulator/clock`; the real clock when it is not running.
pub async fn emulator_now(state_dir: &std::path::Path) -> i64 {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let real = time::OffsetDateTime::now_utc().unix_timestamp();
    let probe = async {
        let cloud: serde_json::Value =
            serde_json::from_slice(&std::fs::read(state_dir.join("cloud.json")).ok()?).ok()?;
        let control = cloud["arm_url"].as_str()?.trim_end_matches('/').to_string();
        let pem = std::fs::read(state_dir.join("ca.pem")).ok()?;
        let client = reqwest::Client::builder()
            .tls_certs_merge(reqwest::Certificate::from_pem_bundle(&pem).ok()?)
            .timeout(Duration::from_secs(2))
            .build()
            .ok()?;
        let v: serde_json::Value = client
            .get(format!("{control}/.emulator/clock"))
            .send()
            .await
            .ok()?
            .json()
            .await
            .ok()?;
        v["offsetSeconds"].as_i64()
    };
    real + probe.await.unwrap_or(0)
}

#[cfg(test)]
mod tests;
