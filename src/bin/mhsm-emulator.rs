//! `mhsm-emulator`: parses flags and runs the emulator in the foreground (Ctrl-C / SIGTERM stop
//! it cleanly); `mhsm-emulator env --as NAME` prints the environment that signs in as a principal;
//! `mhsm-emulator sas` prints a container SAS for one of its storage accounts;
//! `mhsm-emulator private-endpoint` plays the network side of a private endpoint; `mhsm-emulator
//! attest` prints an attestation token of its attestation authority (play the confidential VM).

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// mimalloc instead of the system allocator: every request allocates and frees dozens of small
/// buffers (headers, frames, JSON) across the runtime's threads, which glibc's malloc paid
/// for in about a tenth of the emulator's CPU (README, Speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tunes the allocator for a long-running server that must stay small (bench/rss_keys.sh: 5,000
/// keys within 64 MiB) before anything else runs:
/// - transparent huge pages off for this process: mimalloc asks for them where the kernel
///   allows, and 2 MiB pages, returned only whole, kept 10-30 MiB more resident;
/// - freed memory returned after 100 ms instead of mimalloc's 1 s (10 s for whole arenas),
///   which held 60 MiB with 5,000 keys against 50 at the same speed; returning it at once
///   (0 ms) halved the ES256 sign rate. A `MIMALLOC_PURGE_DELAY` set by the user wins.
fn tune_allocator() {
    /// `mi_option_purge_delay` of mimalloc v3's `mi_option_t` (its default is 1000 ms: the
    /// value is changed only if the option there has that default, so a renumbered enum in a
    /// later mimalloc changes nothing).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: mi_option_get/mi_option_set read and write one integer of mimalloc's option
    // table; prctl(PR_SET_THP_DISABLE) takes one integer flag and touches no memory of ours (a
    // kernel without it answers EINVAL, which changes nothing).
    unsafe {
        if libmimalloc_sys::mi_option_get(PURGE_DELAY) == 1000 {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 100);
        }
        #[cfg(target_os = "linux")]
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// A faithful local Azure Key Vault Managed HSM: identity provider, management plane, Graph
/// subset and one HTTPS data plane per HSM, with persistent state.
#[derive(Parser)]
#[command(name = "mhsm-emulator", version)]
struct Args {
    /// State directory (created on first start; a relative path is made absolute). Default:
    /// $MHSM_EMULATOR_STATE_DIR, else the platform's data directory
    /// ($XDG_DATA_HOME/mhsm-emulator or ~/.local/share/mhsm-emulator on Linux).
    #[arg(long = "state-dir", global = true, env = "MHSM_EMULATOR_STATE_DIR")]
    state_dir: Option<PathBuf>,
    /// Create and activate an HSM of this name at start (unless it exists): its security domain
    /// and wrapping keys are kept in DIR/hsms/NAME, and --hsm-principal gets Managed HSM Crypto
    /// User and Crypto Officer at /. For development; without it the emulator is faithful (no
    /// HSM until created, no data access without local RBAC).
    #[arg(long, value_name = "NAME")]
    hsm: Option<String>,
    /// The principal --hsm is for (its initial administrator, and the roles above).
    #[arg(
        long = "hsm-principal",
        value_name = "PRINCIPAL",
        default_value = "developer",
        requires = "hsm"
    )]
    hsm_principal: String,
    /// Port of the control listener (ARM, identity, Graph); 0 = any free port. Default: the
    /// previous run's port, else any.
    #[arg(long)]
    port: Option<u16>,
    /// Duration of HSM provisioning and other management-plane operations, in milliseconds.
    #[arg(long = "provision-delay-ms", default_value_t = 1000)]
    provision_delay_ms: u64,
    /// Pre-activate new HSMs without a security-domain download. For tests only: a real HSM
    /// serves no key operation before activation.
    #[arg(long = "pre-activate")]
    pre_activate: bool,
    /// Throttle role-management operations per HSM to N per second (the service allows about
    /// 5): beyond it the emulator answers 429 with Retry-After. Off by default.
    #[arg(long = "throttle-rbac", value_name = "N")]
    throttle_rbac: Option<u32>,
    /// Minimum duration of a full backup or restore job, in milliseconds (the service takes
    /// seconds to minutes; the emulator as long as the work takes, at least this).
    #[arg(long = "job-delay-ms", default_value_t = 0)]
    job_delay_ms: u64,
    /// `Retry-After` (seconds) on the 202 of backup and restore, which clients wait between
    /// polls. The service sends 10; the emulator defaults to 1 so that local runs are quick.
    #[arg(long = "lro-retry-after", default_value_t = 1, value_name = "SECONDS")]
    lro_retry_after: u64,
    /// Replication delay of multi-region HSMs, in milliseconds: a key written on the primary
    /// becomes visible on a secondary region's listener this long after its write (the service
    /// documents up to 6 minutes).
    #[arg(long = "replication-delay-ms", default_value_t = 500)]
    replication_delay_ms: u64,
    /// A full restore needs a full backup of the target HSM completed within this many minutes
    /// (the service's rule: 30, on the emulator's clock); 0 turns the rule off.
    #[arg(
        long = "restore-backup-window-minutes",
        default_value_t = 30,
        value_name = "MINUTES"
    )]
    restore_backup_window_minutes: u64,
    /// Size at which an HSM's audit log (`DIR/audit/<hsm>.jsonl`) rotates to `<hsm>.jsonl.1`.
    #[arg(long = "audit-max-bytes", default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    audit_max_bytes: u64,
    /// Rotated audit-log files kept per HSM (`.1` newest … `.N`; older ones are deleted).
    #[arg(long = "audit-max-files", default_value_t = 5, value_name = "N")]
    audit_max_files: u32,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print shell `export` lines that make mhsm (and the SDKs) sign in as a principal of the
    /// emulator's directory; with --az, the whole setup of the real az CLI instead. Use with
    /// eval "$(mhsm-emulator env ...)".
    Env {
        /// Principal name (see principals.json), e.g. subscription-admin, security-officer, app-vm.
        #[arg(long = "as")]
        principal: String,
        /// Print the az setup: CA bundle, a config directory of its own (DIR/az-config), the
        /// emulator's cloud registered and selected, instance discovery off, and az login as
        /// the principal (a service principal or managed identity: az cannot sign users in).
        #[arg(long)]
        az: bool,
    },
    /// Print a principal of the emulator's directory (from principals.json), or one field of it
    /// (e.g. `--field object_id`).
    Principal {
        /// Principal name, e.g. security-team, app-vm.
        name: String,
        /// Only this field (object_id, client_id, kind, ...).
        #[arg(long)]
        field: Option<String>,
    },
    /// Print a container SAS token for a storage account of the emulator (signed with the
    /// account key from directory.json), as `az storage container generate-sas` does.
    Sas {
        /// Storage account name (see storage.json), e.g. mhsmbackups.
        #[arg(long)]
        account: String,
        /// Container name, e.g. backups.
        #[arg(long)]
        container: String,
        /// Permission letters (r read, a add, c create, w write, d delete, l list, ...).
        /// Backups need crdw, restores rl.
        #[arg(long)]
        permissions: String,
        /// Expiry: a duration from now on the emulator's clock (90s, 30m, 2h, 7d) or an
        /// RFC 3339 time.
        #[arg(long)]
        expiry: String,
        /// Start: like --expiry; default none (valid at once).
        #[arg(long)]
        start: Option<String>,
    },
    /// Play the network side of a private endpoint: ask a running emulator's HSM for a private
    /// endpoint connection (it starts Pending; approve it with `mhsm private-endpoint-connection
    /// approve`, and the HSM's private address opens). Prints the connection as ARM shows it.
    PrivateEndpoint {
        /// HSM name.
        #[arg(long)]
        hsm: String,
        /// Connection name.
        #[arg(long)]
        name: String,
        /// Name of the private endpoint resource (default: the connection name).
        #[arg(long = "private-endpoint")]
        private_endpoint: Option<String>,
        /// Request message shown to the HSM's owner.
        #[arg(long)]
        description: Option<String>,
        /// The endpoint's owner may approve it (as when they hold
        /// privateEndpointConnectionsApproval on the HSM): the connection is Approved at once.
        #[arg(long = "auto-approve", conflicts_with = "disconnect")]
        auto_approve: bool,
        /// Delete the private endpoint instead: its connection becomes Disconnected and no
        /// longer reaches the HSM's private address.
        #[arg(long, conflicts_with_all = ["private_endpoint", "description"])]
        disconnect: bool,
    },
    /// Print an attestation token of the emulator's attestation authority ({control}/attestation),
    /// as Microsoft Azure Attestation would issue it to a confidential VM: the claims of --claims
    /// and the TEE's runtime key in x-ms-runtime.keys. Use it as the target of a key release.
    Attest {
        /// JSON file of the claims (e.g. {"x-ms-attestation-type": "sevsnpvm",
        /// "x-ms-compliance-status": "azure-compliant-cvm"}); '-' reads stdin.
        #[arg(long)]
        claims: Option<PathBuf>,
        /// The TEE's RSA key, PEM (public or private; only the public half goes in the token):
        /// the released key is wrapped to it.
        #[arg(long = "runtime-key", value_name = "PEM")]
        runtime_key: Option<PathBuf>,
        /// Lifetime from now on the emulator's clock (90s, 30m, 8h, 7d); MAA's is 8h.
        #[arg(long, default_value = "8h")]
        lifetime: String,
    },
    /// Run an EKM proxy (protocol 0.1-preview) to test external keys against: TLS 1.3 only,
    /// client certificate checked by root CA and subject CN, keys from a folder (NAME.pem RSA,
    /// NAME.aes AES-256; NAME.disabled disables NAME; .delay-ms slows every answer).
    EkmProxy {
        /// The key folder.
        #[arg(long)]
        keys: PathBuf,
        /// Port on 127.0.0.1 (0 = any free port).
        #[arg(long = "listen-port", default_value_t = 0)]
        listen_port: u16,
        /// Path prefix the HSM's connection names (e.g. /api/v1).
        #[arg(long = "path-prefix")]
        path_prefix: Option<String>,
        /// The HSM's client CA: PEM, or the JSON of `mhsm ekm-connection certificate show`.
        #[arg(long = "client-ca")]
        client_ca: PathBuf,
        /// The subject CN a client certificate must have (default: the one in --client-ca's JSON).
        #[arg(long = "client-cn")]
        client_cn: Option<String>,
        /// Subject CN of the proxy's server certificate.
        #[arg(long = "server-cn", default_value = "mhsm-ekm-proxy")]
        server_cn: String,
        /// Where the proxy's CA and server certificate are kept (default: KEYS/.tls).
        #[arg(long = "tls-dir")]
        tls_dir: Option<PathBuf>,
    },
}

fn main() {
    tune_allocator();
    let args = Args::parse();
    let state_dir = args
        .state_dir
        .clone()
        .unwrap_or_else(mhsm::emulator::default_state_dir);
    // Absolute, so that every path printed or written works from any working directory.
    let state_dir = std::path::absolute(&state_dir).unwrap_or(state_dir);
    if let Some(Cmd::Env { principal, az }) = &args.command {
        finish(mhsm::emulator::env_lines(&state_dir, principal, *az));
    }
    if let Some(Cmd::Principal { name, field }) = &args.command {
        finish(mhsm::emulator::principal_info(
            &state_dir,
            name,
            field.as_deref(),
        ));
    }
    if let Some(Cmd::Sas {
        account,
        container,
        permissions,
        expiry,
        start,
    }) = &args.command
    {
        let runtime = small_runtime();
        let now = runtime.block_on(mhsm::emulator::storage::emulator_now(&state_dir));
        finish(mhsm::emulator::storage::sas_command(
            &state_dir,
            account,
            container,
            permissions,
            expiry,
            start.as_deref(),
            now,
        ));
    }
    if let Some(Cmd::PrivateEndpoint {
        hsm,
        name,
        private_endpoint,
        description,
        auto_approve,
        disconnect,
    }) = &args.command
    {
        let runtime = small_runtime();
        let mut body = serde_json::json!({"hsm": hsm, "name": name});
        if let Some(p) = private_endpoint {
            body["privateEndpoint"] = p.clone().into();
        }
        if let Some(d) = description {
            body["description"] = d.clone().into();
        }
        if *auto_approve {
            body["autoApprove"] = true.into();
        }
        let path = format!("/.emulator/private-endpoints/{hsm}/{name}");
        let call = if *disconnect {
            mhsm::emulator::admin_client::admin_request(
                &state_dir,
                reqwest::Method::DELETE,
                &path,
                None,
            )
        } else {
            mhsm::emulator::admin_client::admin_request(
                &state_dir,
                reqwest::Method::POST,
                "/.emulator/private-endpoints",
                Some(&body),
            )
        };
        finish(runtime.block_on(call));
    }
    if let Some(Cmd::Attest {
        claims,
        runtime_key,
        lifetime,
    }) = &args.command
    {
        let runtime = small_runtime();
        let now = runtime.block_on(mhsm::emulator::storage::emulator_now(&state_dir));
        finish(mhsm::emulator::attestation::attest_command(
            &state_dir,
            claims.as_deref(),
            runtime_key.as_deref(),
            lifetime,
            now,
        ));
    }
    if let Some(Cmd::EkmProxy {
        keys,
        listen_port,
        path_prefix,
        client_ca,
        client_cn,
        server_cn,
        tls_dir,
    }) = &args.command
    {
        finish(run_ekm_proxy(
            keys,
            *listen_port,
            path_prefix.clone(),
            client_ca,
            client_cn.clone(),
            server_cn,
            tls_dir.clone(),
        ));
    }
    let opts = mhsm::emulator::EmulatorOptions {
        state_dir: state_dir.clone(),
        port: args.port,
        provision_delay: Duration::from_millis(args.provision_delay_ms),
        pre_activate: args.pre_activate,
        throttle_rbac: args.throttle_rbac,
        job_delay: Duration::from_millis(args.job_delay_ms),
        lro_retry_after: args.lro_retry_after,
        restore_backup_window: (args.restore_backup_window_minutes > 0)
            .then(|| Duration::from_secs(args.restore_backup_window_minutes * 60)),
        replication_delay: Duration::from_millis(args.replication_delay_ms),
        audit_rotation: mhsm::emulator::dataplane::audit::Rotation {
            max_bytes: args.audit_max_bytes,
            max_files: args.audit_max_files,
        },
        dev_hsm: args.hsm.clone().map(|h| (h, args.hsm_principal.clone())),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let pre_activate = args.pre_activate;
    let result = runtime.block_on(mhsm::emulator::serve(opts, shutdown_signal(), |ready| {
        let _ = std::io::stdout().write_all(mhsm::emulator::banner(ready, pre_activate).as_bytes());
        let _ = std::io::stdout().flush();
    }));
    if let Err(e) = result {
        let _ = writeln!(std::io::stderr(), "ERROR: {e}");
        std::process::exit(1);
    }
}

/// `ekm-proxy`: runs the proxy in the foreground until Ctrl-C / SIGTERM.
fn run_ekm_proxy(
    keys: &std::path::Path,
    port: u16,
    path_prefix: Option<String>,
    client_ca: &std::path::Path,
    client_cn: Option<String>,
    server_cn: &str,
    tls_dir: Option<PathBuf>,
) -> Result<String, String> {
    let (client_cas, json_cn) = mhsm::emulator::ekm_proxy::read_client_ca(client_ca)?;
    let client_cn = client_cn
        .or(json_cn)
        .ok_or("--client-cn is needed (or pass the JSON of `mhsm ekm-connection certificate show` as --client-ca)")?;
    let opts = mhsm::emulator::ekm_proxy::ProxyOptions {
        keys_dir: keys.to_path_buf(),
        port,
        path_prefix: path_prefix.clone(),
        tls_dir: tls_dir.unwrap_or_else(|| keys.join(".tls")),
        client_cas,
        client_cn,
        server_cn: server_cn.to_string(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(mhsm::emulator::ekm_proxy::serve(
        opts,
        shutdown_signal(),
        |ready| {
            let _ = std::io::stdout().write_all(
                mhsm::emulator::ekm_proxy::banner(ready, path_prefix.as_deref()).as_bytes(),
            );
            let _ = std::io::stdout().flush();
        },
    ))?;
    Ok(String::new())
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("SIGTERM handler");
            tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
        }
        #[cfg(not(unix))]
        {
            let _ = ctrl_c.await;
        }
    }
}

/// Prints a subcommand's result (on stdout, newline-terminated) or its error (`ERROR: …` on
/// stderr) and exits 0 or 1.
fn finish(result: Result<String, impl std::fmt::Display>) -> ! {
    match result {
        Ok(text) => {
            let nl = if text.ends_with('\n') { "" } else { "\n" };
            let _ = write!(std::io::stdout(), "{text}{nl}");
            std::process::exit(0);
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "ERROR: {e}");
            std::process::exit(1);
        }
    }
}

/// The runtime of a subcommand that asks the running emulator something.
fn small_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}
