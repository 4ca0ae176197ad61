//! Shared pieces of full backup and restore (`backup …`, `restore …` and the storage mode of
//! `key restore`): the storage arguments (one clap group with az's flags, newtypes that parse
//! them, az's validation messages), the start → wait → outcome flow with its progress line and
//! the local job journal, the hints that make failed jobs actionable, and `--backup-folder
//! latest`.

use std::str::FromStr;
use zeroize::Zeroizing;

use super::journal::{Entry, Journal, Operation, now};
use crate::client::backup::{Job, JobResponse};
use crate::client::blob::{BackupFolder, BlobAuth};
use crate::client::hsm::HsmEndpoint;
use crate::client::{Client, ClientError};
use crate::commands::{CliError, Ctx};
use crate::wire::backup::{SasTokenParameter, is_terminal};
use crate::wire::cloud::CloudProfile;

/// The help heading of the storage arguments.
const STORAGE: &str = "Storage Arguments";

/// az's message when no HSM is given to `backup start` / `restore start` / `key restore`.
pub const MISSING_HSM: &str = "Please specify --vault-name or --hsm-name.";

/// az's HSM checks, before anything else is looked at (resolving the name may need the
/// network, so it comes after the storage checks).
pub fn require_hsm(t: &crate::cli::HsmTarget, missing: &str) -> Result<(), CliError> {
    match (&t.hsm_name, &t.id) {
        (Some(_), Some(_)) => Err(CliError::Invalid(
            "--hsm-name and --id are mutually exclusive.".into(),
        )),
        (None, None) => Err(CliError::Invalid(missing.to_string())),
        _ => Ok(()),
    }
}

/// `--storage-resource-uri`: a Blob container URL (stored without a trailing `/`).
#[derive(Debug, Clone, PartialEq)]
pub struct ContainerUrl(String);

impl FromStr for ContainerUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let shape =
            "give the container's URL, e.g. https://<account>.blob.core.windows.net/<container>";
        let u = url::Url::parse(s).map_err(|_| format!("'{s}' is not a URL: {shape}"))?;
        if !matches!(u.scheme(), "https" | "http") || u.host_str().is_none() {
            return Err(format!("'{s}' is not an http(s) URL: {shape}"));
        }
        if u.query().is_some() {
            return Err(
                "the container URL must not carry a query string: give the SAS token with --storage-container-SAS-token".into(),
            );
        }
        if u.path_segments()
            .is_none_or(|mut p| p.all(|seg| seg.is_empty()))
        {
            return Err(format!("'{s}' names no container: {shape}"));
        }
        Ok(ContainerUrl(s.trim_end_matches('/').to_string()))
    }
}

impl ContainerUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `--storage-account-name`: 3 to 24 lower-case letters and digits (Azure's rule).
#[derive(Debug, Clone, PartialEq)]
pub struct AccountName(String);

impl FromStr for AccountName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let ok = (3..=24).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        ok.then(|| AccountName(s.to_string())).ok_or_else(|| {
            format!("'{s}' is not a storage account name (3 to 24 lower-case letters and digits)")
        })
    }
}

/// `--blob-container-name`: 3 to 63 lower-case letters, digits and single dashes, starting and
/// ending with a letter or digit (Azure's rule).
#[derive(Debug, Clone, PartialEq)]
pub struct ContainerName(String);

impl FromStr for ContainerName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
        let b = s.as_bytes();
        let ok = (3..=63).contains(&b.len())
            && b.iter().all(|&c| alnum(c) || c == b'-')
            && alnum(b[0])
            && alnum(b[b.len() - 1])
            && !s.contains("--");
        ok.then(|| ContainerName(s.to_string())).ok_or_else(|| {
            format!(
                "'{s}' is not a blob container name (3 to 63 lower-case letters, digits and single dashes, starting and ending with a letter or digit)"
            )
        })
    }
}

/// `--storage-container-SAS-token`: sent as given, never printed, wiped from memory after use.
#[derive(Clone, PartialEq)]
pub struct SasToken(Zeroizing<String>);

impl std::fmt::Debug for SasToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SasToken(*****)")
    }
}

impl FromStr for SasToken {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err("the SAS token is empty".into());
        }
        if s.starts_with("https://") || s.starts_with("http://") {
            // A common slip: the SAS URL instead of the token (never echo it: it is a secret).
            return Err(
                "give the SAS token only (sv=…&se=…&sig=…, as 'az storage container generate-sas' prints it), not a URL"
                    .into(),
            );
        }
        Ok(SasToken(Zeroizing::new(s.to_string())))
    }
}

impl SasToken {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// `--backup-folder`: a folder name, or `latest`.
#[derive(Debug, Clone, PartialEq)]
pub enum BackupFolderArg {
    /// The newest backup in the container (backup folders are never named `latest`).
    Latest,
    /// A folder name (`mhsm-myhsm-2024060112000000`).
    Name(String),
}

impl FromStr for BackupFolderArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().trim_matches('/');
        if s.eq_ignore_ascii_case("latest") {
            return Ok(BackupFolderArg::Latest);
        }
        // A pasted `folderUrl` (what `backup start` prints) means its last segment.
        let name = if s.starts_with("https://") || s.starts_with("http://") {
            s.rsplit('/').next().unwrap_or_default()
        } else {
            s
        };
        if name.is_empty() || name.contains(['/', '?', '#']) {
            return Err(format!(
                "'{s}' is not a backup folder name (e.g. mhsm-myhsm-2024060112000000) or 'latest'"
            ));
        }
        Ok(BackupFolderArg::Name(name.to_string()))
    }
}

/// `--job-id`: the `jobId` of a backup or restore job.
pub fn parse_job_id(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| s.to_string())
        .ok_or_else(|| format!("'{s}' is not a job id (the 'jobId' a start printed)"))
}

/// The container of a backup: `--storage-resource-uri`, or `--storage-account-name` +
/// `--blob-container-name`, and the SAS token that opens it.
#[derive(Debug, Clone, clap::Args)]
pub struct StorageContainer {
    /// Azure Blob storage container URI (https://<account>.blob.core.windows.net/<container>).
    /// If specified, --storage-account-name and --blob-container-name must be omitted.
    #[arg(short = 'u', long = "storage-resource-uri", help_heading = STORAGE)]
    pub storage_resource_uri: Option<ContainerUrl>,
    /// Name of the Azure Storage account (the URI is built with the cloud's storage suffix).
    #[arg(long = "storage-account-name", help_heading = STORAGE)]
    pub storage_account_name: Option<AccountName>,
    /// Name of the blob container.
    #[arg(long = "blob-container-name", help_heading = STORAGE)]
    pub blob_container_name: Option<ContainerName>,
    /// The SAS token of the container (sv=…&se=…&sig=…): permissions crdw for a backup, rl for
    /// a restore. Never printed, logged or kept.
    #[arg(short = 't', long = "storage-container-SAS-token", value_name = "SAS", help_heading = STORAGE)]
    pub sas_token: Option<SasToken>,
}

impl StorageContainer {
    /// Whether any storage flag was given.
    pub fn any(&self) -> bool {
        self.storage_resource_uri.is_some()
            || self.storage_account_name.is_some()
            || self.blob_container_name.is_some()
            || self.sas_token.is_some()
    }

    /// The container URL, after az's checks (`storage_account_parameters_check`, same messages
    /// and order) and built as az's `construct_storage_uri` from the cloud's storage suffix.
    pub fn container_uri(&self, cloud: &CloudProfile) -> Result<String, CliError> {
        match (
            &self.storage_resource_uri,
            &self.storage_account_name,
            &self.blob_container_name,
        ) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Err(CliError::Invalid(
                "Please do not specify --storage-account-name or --blob-container-name if --storage-resource-uri is specified.".into(),
            )),
            (Some(u), None, None) => Ok(u.as_str().to_string()),
            (None, None, _) => Err(CliError::Invalid(
                "Please specify --storage-account-name".into(),
            )),
            (None, Some(_), None) => Err(CliError::Invalid(
                "Please specify --blob-container-name".into(),
            )),
            (None, Some(a), Some(c)) => Ok(cloud.container_uri(&a.0, &c.0)),
        }
    }
}

/// The storage of a backup or restore job: the container, and how the HSM authenticates to it.
#[derive(Debug, Clone, clap::Args)]
pub struct StorageTarget {
    #[command(flatten)]
    pub container: StorageContainer,
    /// Let the HSM reach the container with its user-assigned managed identity instead of a SAS
    /// (the identity needs 'Storage Blob Data Contributor'). A bare flag means true.
    #[arg(long = "use-managed-identity", num_args = 0..=1, default_missing_value = "true", value_name = "true|false", value_parser = crate::cli::parse_bool, help_heading = STORAGE)]
    pub use_managed_identity: Option<bool>,
}

impl StorageTarget {
    /// Whether any storage flag was given.
    pub fn any(&self) -> bool {
        self.container.any() || self.use_managed_identity.is_some()
    }

    /// Whether the HSM authenticates with its managed identity.
    pub fn uses_managed_identity(&self) -> bool {
        self.use_managed_identity == Some(true)
    }

    /// The `SASTokenParameter` az would send. Unlike az, a job that could never reach storage
    /// (neither a SAS nor the managed identity) is refused before any request.
    pub fn sas_parameter(&self, cloud: &CloudProfile) -> Result<SasTokenParameter, CliError> {
        let uri = self.container.container_uri(cloud)?;
        if self.container.sas_token.is_none() && !self.uses_managed_identity() {
            return Err(CliError::Invalid(
                "Please specify --storage-container-SAS-token/-t or --use-managed-identity: the HSM needs one of them to reach the container.".into(),
            ));
        }
        Ok(SasTokenParameter {
            storage_resource_uri: uri,
            token: self
                .container
                .sas_token
                .as_ref()
                .map(|t| t.expose().to_string()),
            use_managed_identity: self.use_managed_identity,
        })
    }
}

/// Everything the start → wait → outcome flow needs to know about one job.
pub struct JobRun<'a> {
    pub ctx: &'a Ctx,
    pub client: &'a Client,
    pub hsm: &'a HsmEndpoint,
    pub op: Operation,
    /// The container (for the journal and hints).
    pub storage_uri: String,
    pub uses_managed_identity: bool,
    pub folder: Option<String>,
    pub key_name: Option<String>,
}

/// How a command names this HSM again (`--hsm-name H` or `--id URL`), for hints.
pub fn hsm_args(hsm: &HsmEndpoint) -> String {
    match &hsm.name {
        Some(n) => format!("--hsm-name {n}"),
        None => format!("--id {}", hsm.base.as_str().trim_end_matches('/')),
    }
}

/// The command that shows a job.
pub fn status_command(op: Operation, hsm: &HsmEndpoint, job_id: &str) -> String {
    format!(
        "mhsm {} status {} --job-id {job_id}",
        op.group(),
        hsm_args(hsm)
    )
}

impl JobRun<'_> {
    /// Records a started job in the journal, or turns a refused start into an actionable error.
    pub async fn started<T: Job>(
        &self,
        result: Result<JobResponse<T>, ClientError>,
    ) -> Result<JobResponse<T>, CliError> {
        match result {
            Ok(started) => {
                if let Some(j) = Journal::for_hsm(self.hsm) {
                    let t = now();
                    j.record(Entry {
                        job_id: started.job.job_id().to_string(),
                        operation: self.op,
                        hsm: self.hsm.base.to_string(),
                        hsm_name: self.hsm.name.clone(),
                        storage_resource_uri: self.storage_uri.clone(),
                        folder: self.folder.clone(),
                        key_name: self.key_name.clone(),
                        started: t,
                        status: started.job.status().to_string(),
                        folder_url: None,
                        updated: t,
                    });
                }
                Ok(started)
            }
            Err(e) if e.status() == Some(409) => {
                let hint = self.conflict_hint().await;
                Err(CliError::Client(e).hint(hint))
            }
            Err(e) => {
                let hint = match &e {
                    ClientError::Api {
                        status: 400..=499,
                        code,
                        message,
                        ..
                    } => failure_hint(self.op, self.uses_managed_identity, code, message),
                    _ => None,
                };
                Err(match hint {
                    Some(h) => CliError::Client(e).hint(h),
                    None => CliError::Client(e),
                })
            }
        }
    }

    /// `--no-wait`: prints the accepted job (with its `jobId`). Otherwise waits for the job with
    /// a status line on a terminal, and returns its final body; a failed job is an error with
    /// the job's code and message, and a hint.
    pub async fn finish<T: Job>(
        &self,
        started: JobResponse<T>,
        no_wait: bool,
    ) -> Result<Option<JobResponse<T>>, CliError> {
        let job_id = started.job.job_id().to_string();
        if no_wait {
            self.ctx.print(&started.body)?;
            return Ok(None);
        }
        let what = self.op.label();
        let printer = self.ctx.printer.clone();
        let mut show = |job: &T| {
            printer.status(&format!(
                "{what} job {}: {}{}",
                job.job_id(),
                job.status(),
                job.status_details()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            ))
        };
        show(&started.job);
        let result = tokio::select! {
            biased;
            r = self.client.wait_job(self.hsm, &started, &mut show) => r,
            _ = tokio::signal::ctrl_c() => {
                self.ctx.printer.progress_done();
                return Err(CliError::Invalid("Interrupted (Ctrl-C).".into()).hint(format!(
                    "The {} job {job_id} goes on in the HSM: watch it with '{}'.",
                    what.to_ascii_lowercase(),
                    status_command(self.op, self.hsm, &job_id)
                )));
            }
        };
        self.ctx.printer.progress_done();
        let journal = Journal::for_hsm(self.hsm);
        match result {
            Ok(done) => {
                if let Some(j) = &journal {
                    j.update(
                        &job_id,
                        done.job.status(),
                        done.body
                            .get("azureStorageBlobContainerUri")
                            .and_then(|v| v.as_str()),
                    );
                }
                Ok(Some(done))
            }
            Err(e) => {
                let hint = match &e {
                    ClientError::JobFailed {
                        status,
                        code,
                        message,
                        ..
                    } => {
                        if let Some(j) = &journal {
                            j.update(&job_id, status, None);
                        }
                        let advice =
                            failure_hint(self.op, self.uses_managed_identity, code, message)
                                .map(|a| format!("{a} "))
                                .unwrap_or_default();
                        Some(format!(
                            "{advice}The job's record: '{}'.",
                            status_command(self.op, self.hsm, &job_id)
                        ))
                    }
                    _ => None,
                };
                Err(match hint {
                    Some(h) => CliError::Client(e).hint(h),
                    None => CliError::Client(e),
                })
            }
        }
    }

    /// The hint of a 409 "Another backup operation is in progress": the running job this
    /// machine started, confirmed by a status read, or else where such a job may come from.
    async fn conflict_hint(&self) -> String {
        let one_at_a_time = "The HSM runs one backup or restore at a time.";
        if let Some(j) = Journal::for_hsm(self.hsm) {
            let open: Vec<Entry> = j
                .entries()
                .into_iter()
                .rev()
                .filter(|e| !is_terminal(&e.status))
                .take(3)
                .collect();
            for e in open {
                let current = match e.operation {
                    Operation::Backup => self
                        .client
                        .full_backup_status(self.hsm, &e.job_id)
                        .await
                        .map(|r| r.job.status),
                    _ => self
                        .client
                        .restore_status(self.hsm, &e.job_id)
                        .await
                        .map(|r| r.job.status),
                };
                let Ok(current) = current else { continue };
                j.update(&e.job_id, &current, None);
                if !is_terminal(&current) {
                    let kind = e.operation.label().to_ascii_lowercase();
                    let started = crate::commands::view::az_epoch(e.started);
                    return format!(
                        "{one_at_a_time} The {kind} job {} that mhsm started here at {started} is {current}: watch it with '{}', then try again.",
                        e.job_id,
                        status_command(e.operation, self.hsm, &e.job_id)
                    );
                }
            }
        }
        format!(
            "{one_at_a_time} The running job was started elsewhere (another machine, az, the portal), so mhsm cannot name it: try again when it has finished."
        )
    }
}

/// The job a `status` command shows: `--job-id`, else the newest job of `ops` in the journal.
pub fn job_id_or_latest(
    hsm: &HsmEndpoint,
    given: Option<String>,
    ops: &[Operation],
) -> Result<String, CliError> {
    if let Some(id) = given {
        return Ok(id);
    }
    let what = if ops.contains(&Operation::Backup) {
        "backup"
    } else {
        "restore"
    };
    Journal::for_hsm(hsm)
        .and_then(|j| j.latest(ops))
        .map(|e| e.job_id)
        .ok_or_else(|| {
            CliError::Invalid(format!(
                "Please specify --job-id: mhsm has not started a {what} job on this HSM from this machine."
            ))
        })
}

/// `backup status` / `restore status`: prints the job as the HSM returns it (after waiting for
/// it with `wait`); a failed or canceled job is then an error (exit 1) with its code, message
/// and a hint.
pub async fn show_job<T: Job>(
    ctx: &Ctx,
    client: &Client,
    hsm: &HsmEndpoint,
    op: Operation,
    first: JobResponse<T>,
    wait: bool,
) -> Result<(), CliError> {
    let job_id = first.job.job_id().to_string();
    let last = if wait && !is_terminal(first.job.status()) {
        let printer = ctx.printer.clone();
        let mut show = |job: &T| {
            printer.status(&format!(
                "{} job {}: {}",
                op.label(),
                job.job_id(),
                job.status()
            ))
        };
        show(&first.job);
        let r = client.wait_terminal(hsm, &first, &mut show).await;
        ctx.printer.progress_done();
        r?
    } else {
        first
    };
    if let Some(j) = Journal::for_hsm(hsm) {
        j.update(
            &job_id,
            last.job.status(),
            last.body
                .get("azureStorageBlobContainerUri")
                .and_then(|v| v.as_str()),
        );
    }
    ctx.print(&last.body)?;
    crate::client::backup::job_outcome(&last.job).map_err(|e| {
        let hint = match &e {
            ClientError::JobFailed { code, message, .. } => failure_hint(op, false, code, message),
            _ => None,
        };
        match hint {
            Some(h) => CliError::Client(e).hint(h),
            None => CliError::Client(e),
        }
    })
}

/// Advice for the common reasons a job fails or is refused, from the service's code and
/// message: missing container, a SAS without the permissions or expired, a managed identity
/// without a storage role, a backup from another security domain.
pub fn failure_hint(op: Operation, uses_mi: bool, code: &str, message: &str) -> Option<String> {
    let m = message.to_ascii_lowercase();
    let c = code.to_ascii_lowercase();
    let perms = match op {
        Operation::Backup => "crdw (create, read, delete, write)",
        _ => "rl (read, list)",
    };
    if c == "containernotfound"
        || (m.contains("container") && (m.contains("not exist") || m.contains("not found")))
    {
        return Some(
            "The HSM does not create the container: create it first (e.g. 'az storage container create --account-name <account> --name <container>') and check the account and container names.".into(),
        );
    }
    if m.contains("security domain") {
        return Some(
            "A backup restores only into an HSM that shares the security domain of the HSM it came from: recover this HSM with that security domain first ('mhsm security-domain init-recovery', then 'upload').".into(),
        );
    }
    let storage_auth = c.starts_with("authorization")
        || c.starts_with("authentication")
        || c == "insufficientaccountpermissions"
        || m.contains("sas")
        || m.contains("signature")
        || m.contains("expired")
        || m.contains("permission")
        || m.contains("managed identity")
        || m.contains("not authorized to perform this operation using this");
    if !storage_auth {
        return None;
    }
    Some(if uses_mi {
        format!(
            "The HSM's managed identity could not use the container: the HSM needs a user-assigned identity ('az keyvault update-hsm --mi-user-assigned …') holding 'Storage Blob Data Contributor' on the storage account or container ({perms} access), and the account must let it in."
        )
    } else {
        format!(
            "The HSM could not use the SAS token: it must be a container SAS, not expired (se=…), with permissions {perms}, e.g. 'az storage container generate-sas --account-name <account> --name <container> --permissions {} --expiry <UTC time> -o tsv'; SAS access also needs the account to allow public network access.",
            if op == Operation::Backup {
                "crdw"
            } else {
                "rl"
            }
        )
    })
}

/// The backup folders of a container, listed with the SAS when one is given, else with the
/// caller's own storage token; errors carry what to do.
pub async fn list_folders(
    client: &Client,
    container_uri: &str,
    sas: Option<&SasToken>,
) -> Result<Vec<BackupFolder>, CliError> {
    let c = client.blob_container(container_uri)?;
    let auth = match sas {
        Some(t) => BlobAuth::Sas(t.expose().to_string()),
        None => BlobAuth::Caller,
    };
    client
        .list_backup_folders(&c, auth)
        .await
        .map_err(|e| {
            let hint = match &e {
                ClientError::Storage {
                    status: Some(404), ..
                } => Some(format!(
                    "The container {container_uri} does not exist: check the account and container names."
                )),
                ClientError::Storage {
                    status: Some(401 | 403),
                    ..
                } => Some(match sas {
                    Some(_) => "Listing needs a container SAS with the list permission (sp=…l…) that has not expired.".to_string(),
                    None => "Without -t, mhsm lists with your own identity: it needs a data role on the container (e.g. 'Storage Blob Data Reader'); or pass a SAS with list permission (-t).".to_string(),
                }),
                _ => None,
            };
            match hint {
                Some(h) => CliError::Client(e).hint(h),
                None => CliError::Client(e),
            }
        })
}

/// Resolves `--backup-folder`: a name as given, or `latest` — the newest backup in the
/// container, of `--source-hsm-name` when given; when the container holds backups of several
/// HSMs, `--source-hsm-name` must say which. The choice is reported on stderr.
pub async fn resolve_folder(
    ctx: &Ctx,
    client: &Client,
    arg: &BackupFolderArg,
    container_uri: &str,
    sas: Option<&SasToken>,
    source_hsm: Option<&str>,
) -> Result<String, CliError> {
    let BackupFolderArg::Name(n) = arg else {
        let folders: Vec<BackupFolder> = list_folders(client, container_uri, sas)
            .await?
            .into_iter()
            .filter(|f| source_hsm.is_none_or(|s| f.hsm_name.eq_ignore_ascii_case(s)))
            .collect();
        let of = source_hsm
            .map(|s| format!(" of HSM '{s}'"))
            .unwrap_or_default();
        let Some(newest) = folders.first() else {
            return Err(
                CliError::Invalid(format!("No backup{of} found in {container_uri}."))
                    .hint("'mhsm backup list' shows the backups of a container."),
            );
        };
        let mut hsms: Vec<&str> = folders.iter().map(|f| f.hsm_name.as_str()).collect();
        hsms.sort_unstable();
        hsms.dedup();
        if hsms.len() > 1 {
            return Err(CliError::Invalid(format!(
                "The container {container_uri} holds backups of several HSMs ({}): choose one with --source-hsm-name.",
                hsms.join(", ")
            )));
        }
        ctx.printer.warning(&format!(
            "--backup-folder latest: {} (taken {}), the newest of {} backup(s) of '{}' in {container_uri}.",
            newest.name,
            folder_time(newest),
            folders.len(),
            newest.hsm_name
        ));
        return Ok(newest.name.clone());
    };
    Ok(n.clone())
}

/// A folder's time as az prints datetimes (`2024-06-01T12:00:00.770000+00:00`).
pub fn folder_time(f: &BackupFolder) -> String {
    let rfc = f
        .time
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    crate::commands::view::az_datetime(&rfc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_arguments_parse_and_check_like_az() {
        assert!(
            "https://acct.blob.core.windows.net/backups/"
                .parse::<ContainerUrl>()
                .is_ok()
        );
        assert_eq!(
            "https://a.blob.core.windows.net/c/"
                .parse::<ContainerUrl>()
                .unwrap()
                .as_str(),
            "https://a.blob.core.windows.net/c"
        );
        assert!(
            "https://acct.blob.core.windows.net"
                .parse::<ContainerUrl>()
                .is_err()
        );
        assert!(
            "https://a.blob.core.windows.net/c?sv=1"
                .parse::<ContainerUrl>()
                .is_err()
        );
        assert!("acct".parse::<ContainerUrl>().is_err());
        assert!("MyAccount".parse::<AccountName>().is_err());
        assert!("mhsmbackups1".parse::<AccountName>().is_ok());
        assert!("backups".parse::<ContainerName>().is_ok());
        assert!("bad--name".parse::<ContainerName>().is_err());
        assert!("-bad".parse::<ContainerName>().is_err());
        assert!("https://a/c?sig=x".parse::<SasToken>().is_err());
        assert_eq!(
            format!("{:?}", "sv=1&sig=secret".parse::<SasToken>().unwrap()),
            "SasToken(*****)"
        );
        assert_eq!(
            "LATEST".parse::<BackupFolderArg>(),
            Ok(BackupFolderArg::Latest)
        );
        assert_eq!(
            "https://a.blob.core.windows.net/c/mhsm-h-2024060112000000".parse::<BackupFolderArg>(),
            Ok(BackupFolderArg::Name("mhsm-h-2024060112000000".into()))
        );

        let cloud = CloudProfile::azure_public();
        let sc = |u: Option<&str>, a: Option<&str>, c: Option<&str>| StorageContainer {
            storage_resource_uri: u.map(|u| u.parse().unwrap()),
            storage_account_name: a.map(|a| a.parse().unwrap()),
            blob_container_name: c.map(|c| c.parse().unwrap()),
            sas_token: None,
        };
        let err = |s: StorageContainer| s.container_uri(&cloud).unwrap_err().to_string();
        assert_eq!(
            err(sc(
                Some("https://a.blob.core.windows.net/c"),
                Some("acct"),
                None
            )),
            "Please do not specify --storage-account-name or --blob-container-name if --storage-resource-uri is specified."
        );
        assert_eq!(
            err(sc(None, None, Some("backups"))),
            "Please specify --storage-account-name"
        );
        assert_eq!(
            err(sc(None, Some("acct"), None)),
            "Please specify --blob-container-name"
        );
        assert_eq!(
            sc(None, Some("acct"), Some("backups"))
                .container_uri(&cloud)
                .unwrap(),
            "https://acct.blob.core.windows.net/backups"
        );
        let target = StorageTarget {
            container: sc(None, Some("acct"), Some("backups")),
            use_managed_identity: None,
        };
        assert!(
            target
                .sas_parameter(&cloud)
                .unwrap_err()
                .to_string()
                .starts_with(
                    "Please specify --storage-container-SAS-token/-t or --use-managed-identity"
                )
        );
    }

    #[test]
    fn hints_name_the_usual_causes() {
        let h = |op, mi, code, msg| failure_hint(op, mi, code, msg).unwrap_or_default();
        assert!(
            h(
                Operation::Backup,
                false,
                "ContainerNotFound",
                "The specified container does not exist."
            )
            .contains("create it first")
        );
        assert!(
            h(Operation::Backup, false, "BadRequest", "The customer provided SAS token is malformed. The SAS token does not contain the expiry field")
                .contains("permissions crdw")
        );
        assert!(
            h(
                Operation::Restore,
                true,
                "AuthorizationPermissionMismatch",
                "This request is not authorized to perform this operation using this permission."
            )
            .contains("Storage Blob Data Contributor")
        );
        assert!(
            h(
                Operation::Restore,
                false,
                "BadRequest",
                "The backup was taken with a different security domain."
            )
            .contains("security domain")
        );
        assert!(failure_hint(Operation::Backup, false, "InternalError", "boom").is_none());
    }
}
