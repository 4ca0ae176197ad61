//! Commands: one file per command (the path names the command), each an `Args` struct with az's
//! flags and an `async fn run`. This module holds the dispatch, the per-invocation context and
//! the command error type that `lib.rs` turns into exit codes.

pub mod backup;
pub mod check_name;
pub mod conditions;
pub mod create;
pub mod delete;
pub mod diagnostic_setting;
pub mod dr;
pub mod ekm_connection;
pub mod generate;
pub mod key;
pub mod list;
pub mod list_deleted;
pub mod network_rule;
pub mod private_endpoint_connection;
pub mod private_link_resource;
pub mod purge;
pub mod recover;
pub mod region;
pub mod restore;
pub mod review;
pub mod role;
pub mod security_domain;
pub mod setting;
pub mod show;
pub mod show_deleted;
pub mod update_hsm;
pub mod view;
pub mod wait_hsm;

use clap::Subcommand;
use std::sync::Arc;

use crate::cli::GlobalArgs;
use crate::client::{Client, ClientError, Observer, cloud};
use crate::output::{OutputError, Printer};

/// Every mhsm command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a Managed HSM.
    Create(create::Args),
    /// Show details of a Managed HSM.
    Show(show::Args),
    /// List Managed HSMs.
    List(list::Args),
    /// Delete a Managed HSM (soft delete: it can be recovered or purged).
    Delete(delete::Args),
    /// Permanently delete a soft-deleted Managed HSM.
    Purge(purge::Args),
    /// List soft-deleted Managed HSMs.
    ListDeleted(list_deleted::Args),
    /// Show a soft-deleted Managed HSM.
    ShowDeleted(show_deleted::Args),
    /// Recover a soft-deleted Managed HSM.
    Recover(recover::Args),
    /// Update the properties of a Managed HSM.
    UpdateHsm(update_hsm::Args),
    /// Wait until a Managed HSM reaches a condition.
    WaitHsm(wait_hsm::Args),
    /// Manage the IP firewall (network ACLs) of a Managed HSM.
    #[command(subcommand)]
    NetworkRule(network_rule::Command),
    /// Manage the private endpoint connections of a Managed HSM (approve, reject, delete).
    #[command(subcommand)]
    PrivateEndpointConnection(private_endpoint_connection::Command),
    /// List the private link resources of a Managed HSM.
    #[command(subcommand)]
    PrivateLinkResource(private_link_resource::Command),
    /// Manage the regions of a multi-region Managed HSM (one primary, one secondary).
    #[command(subcommand)]
    Region(region::Command),
    /// Manage keys: lifecycle, rotation, backups, cryptographic operations.
    #[command(subcommand)]
    Key(key::Command),
    /// Manage the HSM's local RBAC: role assignments and definitions.
    #[command(subcommand)]
    Role(role::Command),
    /// Manage the security domain: activation, recovery, quorum drills.
    #[command(subcommand)]
    SecurityDomain(security_domain::Command),
    /// Full backups of the HSM into Azure Blob Storage: start, follow, list.
    #[command(subcommand)]
    Backup(backup::Command),
    /// Restore the HSM, or one key, from a full backup.
    #[command(subcommand)]
    Restore(restore::Command),
    /// Manage the HSM's Azure Monitor diagnostic settings (where its audit logs go).
    #[command(subcommand)]
    DiagnosticSetting(diagnostic_setting::Command),
    /// Manage the HSM's account settings (e.g. AllowKeyManagementOperationsThroughARM).
    #[command(subcommand)]
    Setting(setting::Command),
    /// Manage the HSM's External Key Manager (EKM) connection (preview).
    #[command(subcommand)]
    EkmConnection(ekm_connection::Command),
    /// Disaster recovery: the backup → recover → restore → verify runbook as one command.
    #[command(subcommand)]
    Dr(dr::Command),
    /// Review the security posture of an HSM (or of all HSMs): Azure Policy built-ins and
    /// recommended practices on both planes, with evidence and fixes (read-only).
    Review(review::Args),
    /// Check that a Managed HSM name is valid and not in use.
    CheckName(check_name::Args),
    /// Write shell completions and man pages (maintainers).
    #[command(hide = true)]
    Generate(generate::Args),
}

/// Which errors of a command mean "not found" (exit code 3), as az decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFoundRule {
    /// Management commands: any ARM 404.
    AnyArm404,
    /// Data-plane `show` commands: a 404.
    Show404,
    /// Everything else: a 404 is a plain error.
    Never,
}

impl Command {
    pub fn not_found_rule(&self) -> NotFoundRule {
        match self {
            Command::Generate(_) => NotFoundRule::Never,
            Command::Role(r) if r.is_show() => NotFoundRule::Show404,
            Command::Key(k) if k.is_show() => NotFoundRule::Show404,
            Command::Backup(b) if b.is_show() => NotFoundRule::Show404,
            Command::Restore(r) if r.is_show() => NotFoundRule::Show404,
            Command::Setting(s) if s.is_show() => NotFoundRule::Show404,
            Command::Setting(_) => NotFoundRule::Never,
            Command::EkmConnection(e) if e.is_show() => NotFoundRule::Show404,
            Command::EkmConnection(_) => NotFoundRule::Never,
            Command::Backup(_) | Command::Restore(_) | Command::Dr(_) => NotFoundRule::Never,
            Command::Key(_) => NotFoundRule::Never,
            Command::Role(_) | Command::SecurityDomain(_) => NotFoundRule::Never,
            _ => NotFoundRule::AnyArm404,
        }
    }

    /// Runs the command.
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Create(a) => create::run(ctx, a).await,
            Command::Show(a) => show::run(ctx, a).await,
            Command::List(a) => list::run(ctx, a).await,
            Command::Delete(a) => delete::run(ctx, a).await,
            Command::Purge(a) => purge::run(ctx, a).await,
            Command::ListDeleted(a) => list_deleted::run(ctx, a).await,
            Command::ShowDeleted(a) => show_deleted::run(ctx, a).await,
            Command::Recover(a) => recover::run(ctx, a).await,
            Command::UpdateHsm(a) => update_hsm::run(ctx, a).await,
            Command::WaitHsm(a) => wait_hsm::run(ctx, a).await,
            Command::NetworkRule(c) => c.run(ctx).await,
            Command::PrivateEndpointConnection(c) => c.run(ctx).await,
            Command::PrivateLinkResource(c) => c.run(ctx).await,
            Command::Region(c) => c.run(ctx).await,
            Command::CheckName(a) => check_name::run(ctx, a).await,
            Command::Review(a) => review::run(ctx, a).await,
            Command::Role(c) => c.run(ctx).await,
            Command::Key(c) => c.run(ctx).await,
            Command::SecurityDomain(c) => c.run(ctx).await,
            Command::Backup(c) => c.run(ctx).await,
            Command::Restore(c) => c.run(ctx).await,
            Command::Setting(c) => c.run(ctx).await,
            Command::EkmConnection(c) => c.run(ctx).await,
            Command::DiagnosticSetting(c) => c.run(ctx).await,
            Command::Dr(c) => c.run(ctx).await,
            Command::Generate(a) => generate::run(ctx, a),
        }
    }
}

/// A command's failure.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad usage (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// A validation or other error raised by the command (exit code 1).
    #[error("{0}")]
    Invalid(String),
    /// A condition that is reported as "not found" (exit code 3).
    #[error("{0}")]
    NotFound(String),
    /// A client or service error (exit code decided by the command's [`NotFoundRule`]).
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Output(#[from] OutputError),
    /// Findings at or above `mhsm review --fail-on` (exit code 4).
    #[error("{0}")]
    Findings(String),
    /// An error with an actionable hint.
    #[error("{0}")]
    Hinted(Box<CliError>, String),
    /// Not a failure: the command printed its result and exits with this code (e.g.
    /// `role plan` when there are changes).
    #[error("exit status {0}")]
    Status(i32),
}

impl CliError {
    pub fn hint(self, hint: impl Into<String>) -> CliError {
        CliError::Hinted(Box::new(self), hint.into())
    }
}

/// The per-invocation context: printer, global flags and the lazily built client.
pub struct Ctx {
    pub printer: Arc<Printer>,
    pub global: GlobalArgs,
    client: tokio::sync::OnceCell<Client>,
}

struct PrinterObserver(Arc<Printer>);

impl Observer for PrinterObserver {
    fn debug(&self, msg: &str) {
        self.0.debug(msg)
    }
    fn info(&self, msg: &str) {
        self.0.info(msg)
    }
    fn warn(&self, msg: &str) {
        self.0.warning(msg)
    }
    fn progress(&self, msg: &str) {
        self.0.progress(msg)
    }
    fn progress_done(&self) {
        self.0.progress_done()
    }
}

impl Ctx {
    pub fn new(printer: Arc<Printer>, global: GlobalArgs) -> Self {
        Ctx {
            printer,
            global,
            client: tokio::sync::OnceCell::new(),
        }
    }

    /// The client for the selected cloud (built on first use).
    pub async fn client(&self) -> Result<&Client, CliError> {
        self.client
            .get_or_try_init(|| async {
                let cloud = cloud::load(self.global.cloud.as_deref())?;
                Client::new(
                    cloud,
                    self.global.subscription.clone(),
                    Arc::new(PrinterObserver(self.printer.clone())),
                )
                .map_err(CliError::from)
            })
            .await
    }

    /// The private address of an HSM learned while resolving its name (if any).
    pub fn private_uri(&self, hsm: &str) -> Option<String> {
        self.client.get()?.private_uri(hsm)
    }

    /// Prints a result through the printer.
    pub fn print(&self, value: &serde_json::Value) -> Result<(), CliError> {
        Ok(self.printer.result(value, None)?)
    }

    /// Prints a result with the command's az table transformer.
    pub fn print_table(
        &self,
        value: &serde_json::Value,
        table: crate::output::TableTransformer<'_>,
    ) -> Result<(), CliError> {
        Ok(self.printer.result(value, Some(table))?)
    }
}

/// The resource group of a management-plane HSM: `-g` when given, else found by listing the
/// subscription's HSMs (case-insensitive name match), as az does.
pub async fn resolve_resource_group(
    ctx: &Ctx,
    name: &str,
    rg: Option<String>,
) -> Result<String, CliError> {
    if let Some(rg) = rg {
        return Ok(rg);
    }
    let client = ctx.client().await?;
    let all = client.list_managed_hsms(None).await?;
    all.iter()
        .find(|h| {
            h.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .and_then(|h| h.id.as_deref().and_then(view::resource_group_of))
        .ok_or_else(|| {
            CliError::Invalid(format!("The HSM '{name}' not found within subscription.")).hint(
                "Check the name with 'mhsm list'; a deleted HSM shows in 'mhsm list-deleted'.",
            )
        })
}

/// The data plane a command targets (`--hsm-name` or `--id`); `missing` is az's message when
/// neither is given (it differs per command group).
pub async fn hsm_endpoint(
    ctx: &Ctx,
    target: &crate::cli::HsmTarget,
    missing: &str,
) -> Result<crate::client::hsm::HsmEndpoint, CliError> {
    use crate::client::hsm::HsmEndpoint;
    match (&target.hsm_name, &target.id) {
        (Some(_), Some(_)) => Err(CliError::Invalid(
            "--hsm-name and --id are mutually exclusive.".into(),
        )),
        (None, None) => Err(CliError::Invalid(missing.to_string())),
        (Some(name), None) => {
            let base = ctx.client().await?.hsm_url(name).await?;
            Ok(HsmEndpoint {
                base,
                name: Some(name.clone()),
            })
        }
        (None, Some(id)) => Ok(HsmEndpoint {
            base: cloud::hsm_url_from_id(id)?,
            name: None,
        }),
    }
}
