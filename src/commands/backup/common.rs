//! Shared pieces of full backup and restore (`backup …`, `restore …` and the storage mode of
//! `key restore`): the start → wait → outcome flow with its status line and the local job
//! journal, the hints that make failed jobs actionable, the `status` commands' output, and
//! `--backup-folder latest`. The storage arguments are in [`super::storage`].

use super::journal::{Entry, Journal, Operation, now};
use super::storage::{BackupFolderArg, SasToken};
use crate::client::backup::{Job, JobResponse};
use crate::client::blob::{BackupFolder, BlobAuth};
use crate::client::hsm::HsmEndpoint;
use crate::client::{Client, ClientError};
use crate::commands::{CliError, Ctx};
use crate::wire::backup::is_terminal;

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
