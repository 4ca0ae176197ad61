//! mhsm-emulator: a faithful local Azure Key Vault Managed HSM — identity provider, management
//! plane (ARM), a Graph subset and one HTTPS data-plane listener per HSM — over a persistent,
//! crash-safe store. Split as protocol (routers, wire format, errors, auth) and backend (state).

pub mod admin_client;
pub mod arm;
pub mod attestation;
pub mod auth;
pub mod clock;
pub mod dataplane;
pub mod dev_hsm;
pub mod directory;
pub mod ekm_proxy;
pub mod error;
pub mod graph;
pub mod hsm;
pub mod idp;
pub mod input;
pub mod seal;
pub mod storage;
pub mod store;
pub mod tls;

use axum::Router;
use axum::routing::{get, post};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::wire::cloud::{CloudProfile, HsmDnsRule};
use clock::Clock;
use directory::Directory;
use idp::Idp;
use store::{Store, tables};

/// Storage endpoint suffix of the emulator's cloud: its accounts are
/// `https://{account}.blob.storage.emulator/{container}`.
pub const STORAGE_SUFFIX: &str = "storage.emulator";

/// How the emulator is started (`mhsm-emulator` flags).
#[derive(Debug, Clone)]
pub struct EmulatorOptions {
    /// State directory (database, keys, certificates, cloud.json, principals.json).
    pub state_dir: PathBuf,
    /// Port of the control listener (IdP, ARM, Graph); `None` = the previous port, else any.
    pub port: Option<u16>,
    /// How long HSM provisioning and other ARM long-running operations take.
    pub provision_delay: Duration,
    /// Pre-activate new HSMs (skip the security-domain download). Off by default; for tests.
    pub pre_activate: bool,
    /// Throttle RBAC reads and writes per HSM to this many operations per second (429 with
    /// `Retry-After` beyond it), as the service does; `None` = off.
    pub throttle_rbac: Option<u32>,
    /// Minimum duration of a full backup or restore job.
    pub job_delay: Duration,
    /// `Retry-After` seconds on the 202 of backup and restore jobs.
    pub lro_retry_after: u64,
    /// A full restore needs a full backup of the target within this window (`None` = off).
    pub restore_backup_window: Option<Duration>,
    /// How long a write on the primary takes to become visible on a secondary region's
    /// listener (the service documents up to 6 minutes; see `dataplane::replica`).
    pub replication_delay: Duration,
    /// Size and count of each HSM's audit-log files (`DIR/audit/<hsm>.jsonl[.N]`).
    pub audit_rotation: dataplane::audit::Rotation,
    /// `--hsm NAME` (and the principal it is for): an active HSM to code against, made at
    /// start (see [`dev_hsm`]).
    pub dev_hsm: Option<(String, String)>,
}

impl EmulatorOptions {
    /// The defaults of `mhsm-emulator` for a state directory.
    pub fn new(state_dir: PathBuf) -> Self {
        EmulatorOptions {
            state_dir,
            port: None,
            provision_delay: Duration::from_millis(1000),
            pre_activate: false,
            throttle_rbac: None,
            job_delay: Duration::ZERO,
            lro_retry_after: 1,
            restore_backup_window: Some(Duration::from_secs(30 * 60)),
            replication_delay: Duration::from_millis(500),
            audit_rotation: dataplane::audit::Rotation::default(),
            dev_hsm: None,
        }
    }
}

/// The state directory when none is given: the platform's data directory —
/// `$XDG_DATA_HOME/mhsm-emulator`, else `~/.local/share/mhsm-emulator` (Linux and other Unix),
/// `~/Library/Application Support/mhsm-emulator` (macOS), `%LOCALAPPDATA%\\mhsm-emulator`
/// (Windows); `./.mhsm-emulator` only when no home directory is known.
pub fn default_state_dir() -> PathBuf {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        var("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        var("XDG_DATA_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| var("HOME").map(|h| h.join(".local/share")))
    };
    base.map(|b| b.join("mhsm-emulator"))
        .unwrap_or_else(|| PathBuf::from(".mhsm-emulator"))
}

/// The URLs of the control listener.
#[derive(Debug, Clone)]
pub struct Urls {
    /// `https://127.0.0.1:<port>` (no trailing slash).
    pub control: String,
    /// Authority host (same listener).
    pub authority: String,
}

/// The listener-table key of an HSM's secondary region.
pub fn replica_key(name: &str, region: &str) -> String {
    format!(
        "{}@{}",
        name.to_ascii_lowercase(),
        region.to_ascii_lowercase()
    )
}

/// A running data-plane listener.
struct HsmListener {
    handle: axum_server::Handle<SocketAddr>,
    port: u16,
}

/// Key of an HSM's private listener in the listener map.
fn private_key(name: &str) -> String {
    format!("{}#private", name.to_ascii_lowercase())
}

/// The emulator: shared state of every listener.
pub struct Emulator {
    pub opts: EmulatorOptions,
    pub store: Store,
    pub clock: Clock,
    pub idp: Idp,
    /// The attestation authority, release signer and emulated HSM vendor.
    pub attestation: attestation::Attestation,
    pub directory: RwLock<Directory>,
    pub urls: Urls,
    tls: Arc<rustls::ServerConfig>,
    listeners: Mutex<HashMap<String, HsmListener>>,
    /// Secret for the `/.emulator/*` administration endpoints (in `DIR/admin.json`).
    pub admin_token: String,
    /// Per-HSM audit logs.
    pub audit: dataplane::audit::AuditLog,
    /// Encryption at rest of secrets.
    pub sealer: seal::Sealer,
    /// Parsed key material of recently used key versions (key operations).
    pub materials: dataplane::keys::store::MaterialCache,
    /// Per-HSM token buckets of RBAC throttling.
    throttles: Mutex<HashMap<String, (f64, std::time::Instant)>>,
    /// Port of the embedded Blob service (stable across restarts).
    blob_port: u16,
    /// The Blob listener, stopped with the others.
    blob_listener: Mutex<Option<axum_server::Handle<SocketAddr>>>,
}

/// Errors that stop the emulator from starting.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    State(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
}

/// What a started emulator tells its operator.
#[derive(Debug, Clone)]
pub struct Ready {
    /// The state directory, absolute.
    pub state_dir: PathBuf,
    pub control_url: String,
    pub cloud_file: PathBuf,
    pub principals_file: PathBuf,
    pub ca_file: PathBuf,
    pub tenant_id: String,
    pub subscription_id: String,
    /// `https://127.0.0.1:<port>`: the embedded Blob service (path-style `/{account}/...`).
    pub blob_url: String,
    /// `storage.json`: the storage accounts, keys and container URIs.
    pub storage_file: PathBuf,
    /// What the operator should know about the state it started from (printed in the banner).
    pub warnings: Vec<String>,
    /// The HSM of `--hsm`, once made.
    pub dev_hsm: Option<dev_hsm::DevHsm>,
}

impl Emulator {
    pub fn tenant_id(&self) -> String {
        self.directory
            .read()
            .expect("directory lock")
            .tenant_id
            .clone()
    }

    /// Port of the embedded Blob service.
    pub fn blob_port(&self) -> u16 {
        self.blob_port
    }

    /// Where the embedded Blob service serves `account` (`https://127.0.0.1:P/{account}`).
    pub fn blob_endpoint(&self, account: &str) -> String {
        format!("https://127.0.0.1:{}/{account}", self.blob_port)
    }

    /// The CA certificate (PEM) of every listener.
    pub fn ca_file(&self) -> PathBuf {
        self.opts.state_dir.join("ca.pem")
    }

    pub fn subscription_id(&self) -> String {
        self.directory
            .read()
            .expect("directory lock")
            .subscription_id
            .clone()
    }

    /// The cloud profile clients use to reach this emulator.
    pub fn cloud_profile(&self, ca_file: &Path) -> CloudProfile {
        let dir = self.directory.read().expect("directory lock");
        CloudProfile {
            name: "MhsmEmulator".into(),
            arm_url: format!("{}/", self.urls.control),
            authority: self.urls.authority.clone(),
            graph_url: format!("{}/", self.urls.control),
            arm_audience: "https://management.core.windows.net/".into(),
            graph_audience: idp::GRAPH_RESOURCE.into(),
            mhsm_audience: "https://managedhsm.azure.net".into(),
            hsm_dns: HsmDnsRule::Resolver(format!("{}/.emulator/dns/{{name}}", self.urls.control)),
            tenant_id: Some(dir.tenant_id.clone()),
            subscription_id: Some(dir.subscription_id.clone()),
            ca_file: Some(ca_file.to_path_buf()),
            identity_endpoint: Some(format!("{}/msi/token", self.urls.control)),
            identity_header: Some(dir.identity_header.clone()),
            storage_suffix: STORAGE_SUFFIX.into(),
            blob_endpoints: dir
                .storage_accounts
                .iter()
                .filter_map(|a| Some((a.name.clone(), a.endpoint.clone()?)))
                .collect(),
            blob_resolver: Some(format!("https://127.0.0.1:{}/{{account}}", self.blob_port)),
            storage_audience: "https://storage.azure.com".into(),
        }
    }

    /// Starts (or restarts) the data-plane listener of an HSM on `port` (0 = any); returns the
    /// bound port.
    pub fn start_listener(self: &Arc<Self>, name: &str, port: u16) -> Result<u16, StartError> {
        self.stop_listener(name);
        let app = dataplane::router_for(
            self.clone(),
            name.to_ascii_lowercase(),
            dataplane::network::Ingress::Public,
        );
        self.listen(&name.to_ascii_lowercase(), port, app)
    }

    /// Starts the private-endpoint listener of an HSM on `port` (0 = any) unless it runs;
    /// returns its port. Public network rules do not govern it.
    pub fn start_private_listener(
        self: &Arc<Self>,
        name: &str,
        port: u16,
    ) -> Result<u16, StartError> {
        if let Some(p) = self
            .listeners
            .lock()
            .expect("listener lock")
            .get(&private_key(name))
            .map(|l| l.port)
        {
            return Ok(p);
        }
        let app = dataplane::router_for(
            self.clone(),
            name.to_ascii_lowercase(),
            dataplane::network::Ingress::Private,
        );
        self.listen(&private_key(name), port, app)
    }

    /// Stops an HSM's private-endpoint listener (last approved connection rejected or deleted).
    pub fn stop_private_listener(&self, name: &str) {
        self.stop_key(&private_key(name));
    }

    /// Starts (or restarts) the listener of an HSM's secondary region `region` on `port`
    /// (0 = any); returns the bound port. Stopped with `stop_listener(&replica_key(..))`.
    pub fn start_replica_listener(
        self: &Arc<Self>,
        name: &str,
        region: &str,
        port: u16,
    ) -> Result<u16, StartError> {
        let key = replica_key(name, region);
        self.stop_key(&key);
        let app =
            dataplane::replica::router(self.clone(), name.to_ascii_lowercase(), region.to_string());
        self.listen(&key, port, app)
    }

    /// Binds 127.0.0.1:`port` and serves `app` there (with the client's address), registered
    /// under `key` in the listener map.
    fn listen(self: &Arc<Self>, key: &str, port: u16, app: Router) -> Result<u16, StartError> {
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let std_listener =
            std::net::TcpListener::bind(addr).map_err(|source| StartError::Bind {
                addr: addr.to_string(),
                source,
            })?;
        std_listener
            .set_nonblocking(true)
            .map_err(|e| StartError::State(e.to_string()))?;
        let bound = std_listener
            .local_addr()
            .map_err(|e| StartError::State(e.to_string()))?
            .port();
        let handle = axum_server::Handle::new();
        let server = https_server(std_listener, self.tls.clone())?.handle(handle.clone());
        tokio::spawn(async move {
            let _ = server
                .serve(app.into_make_service_with_connect_info::<SocketAddr>())
                .await;
        });
        self.listeners.lock().expect("listener lock").insert(
            key.to_ascii_lowercase(),
            HsmListener {
                handle,
                port: bound,
            },
        );
        Ok(bound)
    }

    /// Whether a data-plane listener runs under this key.
    pub fn has_listener(&self, key: &str) -> bool {
        self.listeners
            .lock()
            .expect("listener lock")
            .contains_key(&key.to_ascii_lowercase())
    }

    fn stop_key(&self, key: &str) {
        if let Some(l) = self
            .listeners
            .lock()
            .expect("listener lock")
            .remove(&key.to_ascii_lowercase())
        {
            l.handle.shutdown();
        }
    }

    /// Stops an HSM's data-plane listeners, public and private (soft delete, purge); with a
    /// `replica_key`, a secondary region's.
    pub fn stop_listener(&self, name: &str) {
        self.stop_private_listener(name);
        self.stop_key(name);
    }

    /// Takes one RBAC operation from the HSM's token bucket, or answers 429 with `Retry-After`.
    pub fn throttle_rbac(&self, hsm_key: &str) -> Result<(), error::ApiError> {
        let Some(rate) = self.opts.throttle_rbac.filter(|r| *r > 0) else {
            return Ok(());
        };
        let rate = rate as f64;
        let now = std::time::Instant::now();
        let mut buckets = self.throttles.lock().expect("throttle lock");
        let (tokens, last) = buckets.entry(hsm_key.to_string()).or_insert((rate, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * rate).min(rate);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            return Ok(());
        }
        let wait = ((1.0 - *tokens) / rate).ceil().max(1.0) as u64;
        Err(error::ApiError::new(
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            "Throttled",
            format!("Request was not processed because too many requests were received. Reason: role management is limited to {rate} operations per second."),
        )
        .with_header(axum::http::header::RETRY_AFTER, wait.to_string()))
    }

    fn stop_all(&self) {
        let mut l = self.listeners.lock().expect("listener lock");
        for (_, h) in l.drain() {
            h.handle.graceful_shutdown(Some(Duration::from_secs(2)));
        }
        if let Some(h) = self.blob_listener.lock().expect("blob lock").take() {
            h.graceful_shutdown(Some(Duration::from_secs(2)));
        }
    }
}

/// The control listener's router: identity provider, ARM, Graph, emulator administration.
fn control_router(emu: Arc<Emulator>) -> Router {
    Router::new()
        .route("/{tenant}/oauth2/v2.0/token", post(idp::token))
        .route(
            "/{tenant}/v2.0/.well-known/openid-configuration",
            get(idp::openid_configuration),
        )
        .route(
            "/{tenant}/.well-known/openid-configuration",
            get(idp::openid_configuration),
        )
        .route("/{tenant}/discovery/v2.0/keys", get(idp::jwks))
        .route("/{tenant}/discovery/keys", get(idp::jwks))
        .route("/common/discovery/instance", get(idp::instance_discovery))
        .route("/common/userrealm/{user}", get(idp::user_realm))
        .route("/msi/token", get(idp::msi_token))
        .route(
            "/attestation/.well-known/openid-configuration",
            get(attestation::openid_configuration),
        )
        .route("/attestation/certs", get(attestation::certs))
        .route("/attestation/.emulator/token", post(attestation::issue))
        .route("/.emulator/dns/{name}", get(hsm::dns_resolve))
        .route(
            "/.emulator/private-endpoints",
            post(arm::private_link::admin_create),
        )
        .route(
            "/.emulator/private-endpoints/{hsm}/{name}",
            axum::routing::delete(arm::private_link::admin_disconnect),
        )
        .route(
            "/.emulator/clock",
            get(hsm::clock_get).post(hsm::clock_advance),
        )
        .nest("/v1.0", graph::router())
        .fallback(arm::dispatch)
        .layer(axum::middleware::from_fn_with_state(
            input::ARM_MAX_BODY,
            input::limit_body,
        ))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .with_state(emu)
}

/// Runs the emulator until `shutdown` resolves. `on_ready` is called once every listener
/// serves and `cloud.json`/`principals.json` are written.
pub async fn serve(
    opts: EmulatorOptions,
    shutdown: impl std::future::Future<Output = ()>,
    on_ready: impl FnOnce(&Ready),
) -> Result<(), StartError> {
    let mut running = start(opts).await?;
    on_ready(&running.ready);
    let serve_task = running.serve_task.take().expect("fresh emulator");
    let result = tokio::select! {
        _ = shutdown => Ok(()),
        r = serve_task => match r {
            Ok(Err(e)) => Err(StartError::State(format!("control listener failed: {e}"))),
            _ => Ok(()),
        }
    };
    running.stop();
    result
}

/// A started emulator (in this process): its shared state and how to stop it.
pub struct Running {
    pub emu: Arc<Emulator>,
    pub ready: Ready,
    handle: axum_server::Handle<SocketAddr>,
    serve_task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    housekeeping: tokio::task::JoinHandle<()>,
}

impl Running {
    /// Stops every listener (gracefully, 2 s at most) and the background tasks.
    pub fn stop(self) {
        self.housekeeping.abort();
        self.handle.graceful_shutdown(Some(Duration::from_secs(2)));
        self.emu.stop_all();
    }
}

/// Starts the emulator: every listener serves and the published files are written when this
/// returns. `serve` wraps it for the binary; tests and tools may drive it directly.
pub async fn start(mut opts: EmulatorOptions) -> Result<Running, StartError> {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    // Every path the emulator writes (cloud.json's ca_file) or prints must work from any
    // working directory: a relative --state-dir becomes absolute here, once.
    opts.state_dir = std::path::absolute(&opts.state_dir)
        .map_err(|e| StartError::State(format!("{}: {e}", opts.state_dir.display())))?;
    let dir = &opts.state_dir;
    std::fs::create_dir_all(dir)
        .map_err(|e| StartError::State(format!("{}: {e}", dir.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    let tls = tls::load_or_create(dir).map_err(StartError::State)?;
    let store =
        Store::open(&dir.join("state.redb")).map_err(|e| StartError::State(e.to_string()))?;
    let directory =
        Directory::load_or_create(&dir.join("directory.json")).map_err(StartError::State)?;
    let idp = Idp::load_or_create(&dir.join("idp-signing-key.pem")).map_err(StartError::State)?;
    let admin_token = load_admin_token(dir)?;
    let sealer = seal::Sealer::load_or_create(&dir.join("store.key")).map_err(StartError::State)?;
    // A stored offset the clock cannot use (an older emulator accepted any number) must not
    // brick the state directory: start from real time and say so.
    let stored_offset: i64 = store
        .get::<i64>(tables::META, "clock_offset")
        .ok()
        .flatten()
        .unwrap_or(0);
    let mut warnings = Vec::new();
    let clock = Clock::with_offset(stored_offset).unwrap_or_else(|| {
        warnings.push(format!(
            "the stored clock offset ({stored_offset} s) is out of range (0..={} s); the clock starts from real time.",
            clock::MAX_OFFSET_SECS
        ));
        let _ = store.write(|tx| tx.put(tables::META, "clock_offset", &0i64));
        Clock::default()
    });
    let prev_port: Option<u16> = store
        .get(tables::META, "control_port")
        .map_err(|e| StartError::State(e.to_string()))?;

    // Control listener: the requested port, else the previous one (stable URLs), else any.
    let listener = match opts.port {
        Some(p) => bind(p)?,
        None => match prev_port {
            Some(p) => bind(p).or_else(|_| bind(0))?,
            None => bind(0)?,
        },
    };
    let port = listener
        .local_addr()
        .map_err(|e| StartError::State(e.to_string()))?
        .port();
    // Written only when it changed: every write transaction is an fsync, and a restart on the
    // same ports has nothing to record.
    if prev_port != Some(port) {
        store
            .write(|tx| tx.put(tables::META, "control_port", &port))
            .map_err(|e| StartError::State(e.to_string()))?;
    }
    let control = format!("https://127.0.0.1:{port}");
    // Blob listener: the previous port (stable container URLs for scripts), else any.
    let prev_blob: Option<u16> = store
        .get(tables::META, "blob_port")
        .map_err(|e| StartError::State(e.to_string()))?;
    let blob_listener = match prev_blob {
        Some(p) => bind(p).or_else(|_| bind(0))?,
        None => bind(0)?,
    };
    let blob_port = blob_listener
        .local_addr()
        .map_err(|e| StartError::State(e.to_string()))?
        .port();
    if prev_blob != Some(blob_port) {
        store
            .write(|tx| tx.put(tables::META, "blob_port", &blob_port))
            .map_err(|e| StartError::State(e.to_string()))?;
    }
    let emu = Arc::new(Emulator {
        opts: opts.clone(),
        store,
        clock,
        idp,
        attestation: attestation::Attestation::new(dir),
        directory: RwLock::new(directory),
        urls: Urls {
            control: control.clone(),
            authority: control.clone(),
        },
        tls: tls.server_config.clone(),
        listeners: Mutex::new(HashMap::new()),
        admin_token,
        audit: dataplane::audit::AuditLog::new(dir.join("audit"), opts.audit_rotation),
        sealer,
        materials: Default::default(),
        throttles: Mutex::new(HashMap::new()),
        blob_port,
        blob_listener: Mutex::new(None),
    });

    // Resource groups of the directory exist in the store.
    hsm::ensure_resource_groups(&emu).map_err(|e| StartError::State(e.message))?;
    // Backup/restore jobs the previous run left running end Failed (nothing was applied).
    dataplane::backup::recover_interrupted(&emu).map_err(|e| StartError::State(e.to_string()))?;
    // Data planes of every live HSM, on their recorded ports.
    hsm::start_all_listeners(&emu)?;

    // The embedded Blob service, with its directory's containers.
    storage::start_blob_service(&emu, blob_listener, tls.server_config.clone())?;

    let handle = axum_server::Handle::new();
    let server = https_server(listener, tls.server_config.clone())?.handle(handle.clone());
    let app = control_router(emu.clone());
    let serve_task = tokio::spawn(async move { server.serve(app.into_make_service()).await });

    // `--hsm`: the developer's HSM, made through the served APIs before anything is published.
    let dev_hsm = match opts.dev_hsm.clone() {
        None => None,
        Some((name, principal)) => match dev_hsm::ensure(&emu, &name, &principal).await {
            Ok(d) => Some(d),
            Err(e) => {
                handle.graceful_shutdown(Some(Duration::from_secs(2)));
                emu.stop_all();
                return Err(StartError::State(e));
            }
        },
    };

    // Publish the directory, then the cloud profile (whose appearance tells scripts the
    // emulator is ready), only once we serve.
    let cloud_file = dir.join("cloud.json");
    let principals_file = dir.join("principals.json");
    let profile = emu.cloud_profile(&tls.ca_file);
    let published = emu
        .directory
        .read()
        .expect("directory lock")
        .published(profile.identity_endpoint.as_deref().unwrap_or_default());
    directory::write_atomic(
        &principals_file,
        &serde_json::to_string_pretty(&published).expect("principals serialize"),
    )
    .map_err(StartError::State)?;
    let storage_file = dir.join("storage.json");
    directory::write_atomic(
        &storage_file,
        &serde_json::to_string_pretty(&storage::published(&emu)).expect("storage serializes"),
    )
    .map_err(StartError::State)?;
    directory::write_atomic(
        &cloud_file,
        &serde_json::to_string_pretty(&profile).expect("profile serializes"),
    )
    .map_err(StartError::State)?;

    let housekeeping = {
        let emu = emu.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(500)).await;
                hsm::housekeeping(&emu);
            }
        })
    };

    let ready = Ready {
        state_dir: dir.clone(),
        control_url: control,
        cloud_file,
        principals_file,
        ca_file: tls.ca_file.clone(),
        tenant_id: emu.tenant_id(),
        subscription_id: emu.subscription_id(),
        blob_url: format!("https://127.0.0.1:{blob_port}"),
        storage_file,
        warnings,
        dev_hsm,
    };
    Ok(Running {
        emu,
        ready,
        handle,
        serve_task: Some(serve_task),
        housekeeping,
    })
}

type HttpsServer = axum_server::Server<
    SocketAddr,
    axum_server::tls_rustls::RustlsAcceptor<axum_server::accept::NoDelayAcceptor>,
>;

/// An HTTPS server on a bound listener. `TCP_NODELAY` matters: without it every response written
/// in two segments (headers, body) waits for the peer's delayed ACK, about 40 ms on loopback.
fn https_server(
    listener: std::net::TcpListener,
    config: Arc<rustls::ServerConfig>,
) -> Result<HttpsServer, StartError> {
    let acceptor = axum_server::tls_rustls::RustlsAcceptor::new(
        axum_server::tls_rustls::RustlsConfig::from_config(config),
    )
    .acceptor(axum_server::accept::NoDelayAcceptor::new());
    Ok(axum_server::from_tcp(listener)
        .map_err(|e| StartError::State(e.to_string()))?
        .acceptor(acceptor))
}

fn bind(port: u16) -> Result<std::net::TcpListener, StartError> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let l = std::net::TcpListener::bind(addr).map_err(|source| StartError::Bind {
        addr: addr.to_string(),
        source,
    })?;
    l.set_nonblocking(true)
        .map_err(|e| StartError::State(e.to_string()))?;
    Ok(l)
}

fn load_admin_token(dir: &Path) -> Result<String, StartError> {
    let path = dir.join("admin.json");
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Ok(v) = serde_json::from_str::<serde_json::Value>(&text)
        && let Some(t) = v["admin_token"].as_str()
    {
        return Ok(t.to_string());
    }
    let token = directory::secret();
    directory::write_atomic(
        &path,
        &serde_json::json!({ "admin_token": token, "header": "x-emulator-admin" }).to_string(),
    )
    .map_err(StartError::State)?;
    Ok(token)
}

/// Single-quotes `s` for a POSIX shell.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// What the emulator prints when it is ready: where everything is and how to point clients at it.
pub fn banner(r: &Ready, pre_activate: bool) -> String {
    let dir = sh_quote(&r.state_dir.display().to_string());
    let mut s = format!(
        "mhsm-emulator {version} is ready.\n\
         \n  state directory: {state}\
         \n  control plane (ARM, identity, Graph): {url}\
         \n  tenant:         {tenant}\
         \n  subscription:   {sub}\
         \n  CA certificate: {ca}\
         \n  cloud profile:  {cloud}\
         \n  principals:     {principals}\
         \n  blob storage:   {blob}/{{account}} (accounts, keys, containers: {storage}; SAS: mhsm-emulator sas)\
         \n  attestation:    {url}/attestation (secure key release tokens: mhsm-emulator attest)\n",
        version = env!("CARGO_PKG_VERSION"),
        state = r.state_dir.display(),
        url = r.control_url,
        tenant = r.tenant_id,
        sub = r.subscription_id,
        ca = r.ca_file.display(),
        cloud = r.cloud_file.display(),
        principals = r.principals_file.display(),
        blob = r.blob_url,
        storage = r.storage_file.display(),
    );
    if let Some(h) = &r.dev_hsm {
        s.push_str(&format!(
            "\n  HSM {name}: {uri} (active; security domain and its wrapping keys, quorum 2 of 3: {sd})\
             \n  {who} holds Managed HSM Crypto User and Crypto Officer at / on it.\n",
            name = h.name,
            uri = h.uri,
            sd = h.dir.display(),
            who = h.principal,
        ));
    }
    for w in &r.warnings {
        s.push_str(&format!("\n  WARNING: {w}\n"));
    }
    if pre_activate {
        s.push_str("\n  NOTE: --pre-activate is on: new HSMs are active without a security-domain download (tests only).\n");
    }
    let who = r
        .dev_hsm
        .as_ref()
        .map(|h| h.principal.as_str())
        .unwrap_or("subscription-admin");
    s.push_str(&format!(
        "\nPoint clients at it:\
         \n  mhsm:  eval \"$(mhsm-emulator env --state-dir {dir} --as {who})\"\n"
    ));
    if let Some(h) = &r.dev_hsm {
        s.push_str(&format!(
            "         mhsm key create --hsm-name {} -n mykey --kty RSA-HSM\n",
            h.name
        ));
    }
    s.push_str(&format!(
        "  az:    eval \"$(mhsm-emulator env --state-dir {dir} --az --as subscription-admin)\"   (service principals and managed identities; its own AZURE_CONFIG_DIR)\
         \n         an HSM is addressed by its URI's host: az keyvault key list --hsm-name 127.0.0.1:<port>\
         \n  SDKs:  REQUESTS_CA_BUNDLE={ca} AZURE_AUTHORITY_HOST={url} (and verify_challenge_resource=False for the Key Vault clients)\
         \n\nPress Ctrl-C to stop.\n",
        ca = r.ca_file.display(),
        url = r.control_url,
    ));
    s
}

/// A principal of `principals.json` as JSON, or one of its fields.
pub fn principal_info(state_dir: &Path, name: &str, field: Option<&str>) -> Result<String, String> {
    let path = state_dir.join("principals.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let p = v["principals"]
        .as_array()
        .and_then(|a| {
            a.iter().find(|p| {
                p["name"]
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
        })
        .ok_or_else(|| format!("no principal named '{name}'"))?;
    match field {
        None => Ok(serde_json::to_string_pretty(p).unwrap_or_default()),
        Some(f) => match &p[f] {
            serde_json::Value::String(s) => Ok(s.clone()),
            serde_json::Value::Null => Err(format!("'{name}' has no field '{f}'")),
            other => Ok(other.to_string()),
        },
    }
}

/// `export` lines that sign mhsm in as `principal` (read from `principals.json`); with `az`,
/// the shell lines that set up the real az CLI instead (see [`az_lines`]).
pub fn env_lines(state_dir: &Path, principal: &str, az: bool) -> Result<String, String> {
    use crate::wire::cloud::{PrincipalsFile, PublishedCredential};
    let path = state_dir.join("principals.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (has the emulator been started with this state directory?)",
            path.display()
        )
    })?;
    let file: PrincipalsFile =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let p = file
        .principals
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(principal))
        .ok_or_else(|| {
            format!(
                "no principal named '{principal}'; known: {}",
                file.principals
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
    let cloud = state_dir.join("cloud.json");
    if az {
        return az_lines(&cloud, p, principal);
    }
    let q = |s: &str| sh_quote(s);
    let mut out = format!(
        "export MHSM_CLOUD={}\nexport AZURE_TENANT_ID={}\nunset MHSM_ACCESS_TOKEN AZURE_CLIENT_ID AZURE_CLIENT_SECRET AZURE_USERNAME AZURE_PASSWORD IDENTITY_ENDPOINT IDENTITY_HEADER AZURE_FEDERATED_TOKEN_FILE\n",
        q(&cloud.display().to_string()),
        q(&file.tenant_id)
    );
    match &p.credential {
        Some(PublishedCredential::ClientSecret { client_secret }) => {
            out.push_str(&format!(
                "export AZURE_CLIENT_ID={}\nexport AZURE_CLIENT_SECRET={}\n",
                q(p.client_id.as_deref().unwrap_or_default()),
                q(client_secret)
            ));
        }
        Some(PublishedCredential::Password { username, password }) => {
            out.push_str(&format!(
                "export AZURE_USERNAME={}\nexport AZURE_PASSWORD={}\n",
                q(username),
                q(password)
            ));
        }
        Some(PublishedCredential::ManagedIdentity {
            identity_endpoint,
            identity_header,
        }) => {
            out.push_str(&format!(
                "export IDENTITY_ENDPOINT={}\nexport IDENTITY_HEADER={}\nexport AZURE_CLIENT_ID={}\n",
                q(identity_endpoint),
                q(identity_header),
                q(p.client_id.as_deref().unwrap_or_default())
            ));
        }
        None => {
            return Err(format!(
                "'{principal}' is a group: groups cannot sign in; use one of its members"
            ));
        }
    }
    Ok(out)
}

/// Shell lines that point the real az CLI at the emulator and sign it in as `p`, for one `eval`:
/// the CA bundle, a config directory of its own beside the state (`DIR/az-config`, so the
/// user's real az configuration is untouched; `unset AZURE_CONFIG_DIR` returns to it), the
/// custom cloud (re-registered, so a changed port is picked up), no MSAL instance discovery,
/// and the sign-in. Users cannot sign in through az (MSAL drops the loopback port during
/// home-realm discovery): service principals and managed identities can.
fn az_lines(
    cloud_file: &Path,
    p: &crate::wire::cloud::PublishedPrincipal,
    principal: &str,
) -> Result<String, String> {
    use crate::wire::cloud::PublishedCredential;
    let text = std::fs::read_to_string(cloud_file)
        .map_err(|e| format!("{}: {e}", cloud_file.display()))?;
    let cloud: CloudProfile =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", cloud_file.display()))?;
    let url = cloud.arm_url.trim_end_matches('/');
    let dir = cloud_file.parent().unwrap_or(Path::new("."));
    let ca = cloud.ca_file.clone().unwrap_or_else(|| dir.join("ca.pem"));
    let tenant = cloud.tenant_id.clone().unwrap_or_default();
    let q = |s: &str| sh_quote(s);
    let login = match &p.credential {
        Some(PublishedCredential::ClientSecret { client_secret }) => format!(
            // `--password=…`: a secret may start with '-', which az would take for an option.
            "az login --service-principal -u {} {} --tenant {} --only-show-errors >/dev/null",
            q(p.client_id.as_deref().unwrap_or_default()),
            q(&format!("--password={client_secret}")),
            q(&tenant)
        ),
        Some(PublishedCredential::ManagedIdentity {
            identity_endpoint,
            identity_header,
        }) => format!(
            "export IDENTITY_ENDPOINT={}\nexport IDENTITY_HEADER={}\naz login --identity --client-id {} --only-show-errors >/dev/null",
            q(identity_endpoint),
            q(identity_header),
            q(p.client_id.as_deref().unwrap_or_default())
        ),
        Some(PublishedCredential::Password { .. }) => {
            return Err(format!(
                "'{principal}' is a user: az cannot sign users in to the emulator (MSAL drops the loopback port during home-realm discovery). Use a service principal (subscription-admin, hsm-operator, reader) or a managed identity; mhsm signs users in: mhsm-emulator env --as {principal}"
            ));
        }
        None => {
            return Err(format!(
                "'{principal}' is a group: groups cannot sign in; use one of its members"
            ));
        }
    };
    Ok(format!(
        "export REQUESTS_CA_BUNDLE={ca}\n\
         export AZURE_CONFIG_DIR={config}\n\
         export AZURE_CORE_COLLECT_TELEMETRY=false\n\
         az cloud set -n AzureCloud >/dev/null 2>&1 || true\n\
         az cloud unregister -n MhsmEmulator >/dev/null 2>&1 || true\n\
         az cloud register -n MhsmEmulator --endpoint-resource-manager {arm} --endpoint-active-directory {aad} \
         --endpoint-active-directory-resource-id https://management.core.windows.net/ --endpoint-microsoft-graph-resource-id {arm} \
         --suffix-keyvault-dns .vault.emulator --suffix-storage-endpoint {storage} --skip-endpoint-discovery --only-show-errors >/dev/null\n\
         az cloud set -n MhsmEmulator --only-show-errors >/dev/null\n\
         az config set core.instance_discovery=false --only-show-errors >/dev/null\n\
         {login}\n",
        ca = q(&ca.display().to_string()),
        config = q(&dir.join("az-config").display().to_string()),
        arm = q(&format!("{url}/")),
        aad = q(&cloud.authority),
        storage = q(&cloud.storage_suffix),
    ))
}
