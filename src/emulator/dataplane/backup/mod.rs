//! Full backup and restore of an HSM (rest-api.md §5.4, §10; service-facts.md §4): `POST /backup`,
//! `POST /prebackup`, `PUT /restore`, `PUT /prerestore`, `PUT /keys/{name}/restore` and their
//! `/pending` status, as jobs that run in the background.
//!
//! The service's rules, each enforced here: one backup or restore at a time per HSM (409); while
//! a full restore runs every other data-plane call is refused; a full restore needs a full
//! backup of the target completed within the last 30 minutes (emulator clock, switchable); a
//! backup opens only under the same security domain (see [`archive`]). A backup reads one
//! consistent snapshot; a restore decrypts and checks the whole backup first and then replaces
//! the HSM's keys and local RBAC in the same transaction that marks the job `Succeeded`, so a
//! failed, tampered or interrupted restore leaves the HSM unchanged.
//!
//! Soft-deleted keys are part of the HSM's contents: a full backup carries them with their
//! deletion and scheduled purge dates, and a full restore brings them back soft-deleted (a key
//! whose purge date has passed is purged by housekeeping as it would have been). A selective
//! restore brings the key back live.

pub mod archive;
mod target;

use axum::Json;
use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use object_store::ObjectStoreExt;
use object_store::path::Path as BlobPath;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use zeroize::Zeroizing;

use super::keys::store::{self as key_store, KeyRecord, VersionRecord};
use super::rbac::{self, AssignmentRecord};
use super::routes::Route;
use super::{Plane, blocking, security_domain};
use crate::emulator::Emulator;
use crate::emulator::auth::Caller;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::emulator::storage::{Container as Target, StorageAuth};
use crate::emulator::store::{StoreError, Tx};
use crate::wire::backup::{
    FullBackupOperation, JobError, PreBackupParameters, RestoreOperation, RestoreParameters,
    SasTokenParameter, SelectiveKeyRestoreParameters, backup_folder_name, status,
};
use crate::wire::rbac::RoleDefinition;
use archive::{ArchiveError, Contents, KeyEntry, Keys, VersionEntry};
use target::{job_error, storage_error};

/// Jobs, keyed `<hsm>/<jobId>`.
pub const JOBS: &str = "backup_jobs";
/// The job running on an HSM, keyed `<hsm>`.
pub const RUNNING: &str = "backup_running";
/// Unix time of an HSM's last successful full backup, keyed `<hsm>`.
pub const LAST_BACKUP: &str = "backup_last";

/// What a job does.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum JobKind {
    Backup,
    PreBackup,
    Restore,
    PreRestore,
    SelectiveRestore,
}

impl JobKind {
    fn is_backup(self) -> bool {
        matches!(self, JobKind::Backup | JobKind::PreBackup)
    }

    /// The audit `operationName` of the job's completion.
    fn operation(self) -> &'static str {
        match self {
            JobKind::Backup => "BackupCreate",
            JobKind::PreBackup => "PreBackup",
            JobKind::Restore => "RestoreStart",
            JobKind::PreRestore => "PreRestore",
            JobKind::SelectiveRestore => "SelectiveKeyRestore",
        }
    }
}

/// A stored job.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct JobRecord {
    pub id: String,
    pub kind: JobKind,
    pub status: String,
    pub details: Option<String>,
    pub error: Option<JobError>,
    pub start: i64,
    pub end: Option<i64>,
    /// The backup folder's URL (a successful backup).
    pub folder_uri: Option<String>,
}

impl JobRecord {
    fn backup_wire(&self) -> FullBackupOperation {
        FullBackupOperation {
            status: self.status.clone(),
            status_details: self.details.clone(),
            error: self.error.clone(),
            start_time: Some(self.start),
            end_time: self.end,
            job_id: self.id.clone(),
            azure_storage_blob_container_uri: self.folder_uri.clone(),
        }
    }

    fn restore_wire(&self) -> RestoreOperation {
        RestoreOperation {
            status: self.status.clone(),
            status_details: self.details.clone(),
            error: self.error.clone(),
            job_id: self.id.clone(),
            start_time: Some(self.start),
            end_time: self.end,
        }
    }

    fn body(&self) -> serde_json::Value {
        if self.kind.is_backup() {
            serde_json::to_value(self.backup_wire())
        } else {
            serde_json::to_value(self.restore_wire())
        }
        .expect("job serializes")
    }
}

/// The job that holds an HSM's backup/restore slot.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunningJob {
    pub id: String,
    pub kind: JobKind,
    pub start: i64,
}

fn job_key(hsm: &str, id: &str) -> String {
    format!("{hsm}/{id}")
}

/// Removes the job state of an HSM (purge).
pub fn purge_state(tx: &mut Tx<'_>, key: &str) -> Result<(), StoreError> {
    tx.delete_prefix(JOBS, &format!("{key}/"))?;
    tx.delete(RUNNING, key)?;
    tx.delete(LAST_BACKUP, key)?;
    Ok(())
}

/// At start: jobs that were running when the emulator stopped end `Failed` (a restore applies
/// in one transaction, so an interrupted one changed nothing).
pub fn recover_interrupted(emu: &Emulator) -> Result<(), StoreError> {
    let now = emu.clock.unix();
    let running: Vec<(String, RunningJob)> = emu.store.list(RUNNING, "")?;
    if running.is_empty() {
        return Ok(());
    }
    emu.store.write(|tx| {
        for (hsm, r) in running {
            tx.delete(RUNNING, &hsm)?;
            if let Some(mut j) = tx.get::<JobRecord>(JOBS, &job_key(&hsm, &r.id))? {
                j.status = status::FAILED.into();
                j.end = Some(now);
                j.error = Some(job_error(
                    "InternalError",
                    "The job was interrupted because the HSM restarted; nothing was changed. Start it again.",
                ));
                tx.put(JOBS, &job_key(&hsm, &r.id), &j)?;
            }
        }
        Ok(())
    })
}

/// While a full restore runs, every data-plane call but the restore status is refused.
pub fn restore_gate(plane: &Plane, route: &Route) -> ApiResult<()> {
    if matches!(route, Route::RestorePending { .. }) {
        return Ok(());
    }
    match plane
        .emu
        .store
        .get_cached::<RunningJob>(RUNNING, &plane.key)?
        .as_deref()
    {
        Some(r) if r.kind == JobKind::Restore => Err(ApiError::conflict(
            "Conflict",
            format!(
                "A full restore is in progress on this HSM (job {}): every data-plane operation except the restore status is disabled until it completes. Poll GET /restore/{}/pending.",
                r.id, r.id
            ),
        )
        .with_inner("RestoreInProgress")),
        _ => Ok(()),
    }
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request("BadParameter", msg)
}

fn parse_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|e| bad(format!("The request body is not valid: {e}.")))
}

/// Validates the storage parameters synchronously: malformed input is a 400, never a job.
fn storage_auth(plane: &Plane, hsm: &HsmRecord, p: &SasTokenParameter) -> ApiResult<StorageAuth> {
    let uri = p.storage_resource_uri.trim();
    match url::Url::parse(uri) {
        Ok(u) if matches!(u.scheme(), "https" | "http") && u.host_str().is_some() => {}
        _ => {
            return Err(bad(format!(
                "storageResourceUri '{uri}' is not a blob container URL (https://<account>.blob.core.windows.net/<container>)."
            )));
        }
    }
    if p.use_managed_identity.unwrap_or(false) {
        return managed_identity(plane, hsm)
            .map(|object_id| StorageAuth::ManagedIdentity { object_id });
    }
    let Some(token) = p.token.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Err(bad(
            "A SAS token ('token') is required unless 'useManagedIdentity' is true (the HSM's user-assigned managed identity then authenticates to storage).",
        ));
    };
    target::check_sas(token).map_err(|m| ApiError::bad_request("BadRequest", m))?;
    Ok(StorageAuth::Sas(
        token.trim().trim_start_matches('?').to_string(),
    ))
}

/// The object id of the HSM's user-assigned identity (the first one the directory knows).
fn managed_identity(plane: &Plane, hsm: &HsmRecord) -> ApiResult<String> {
    let ids: Vec<String> = hsm
        .identity
        .as_ref()
        .and_then(|i| i.user_assigned_identities.as_ref())
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    if ids.is_empty() {
        return Err(bad(
            "'useManagedIdentity' is true but the Managed HSM has no user-assigned managed identity. Assign one with 'az keyvault update-hsm --hsm-name <name> --mi-user-assigned <identity resource id>' and grant it 'Storage Blob Data Contributor' on the storage account.",
        ));
    }
    let dir = plane.emu.directory.read().expect("directory lock");
    ids.iter()
        .filter_map(|id| id.rsplit('/').next())
        .find_map(|name| {
            dir.managed_identities
                .iter()
                .find(|m| m.name.eq_ignore_ascii_case(name))
                .map(|m| m.object_id.clone())
        })
        .ok_or_else(|| {
            bad(format!(
                "The Managed HSM's user-assigned identity ({}) does not exist in the directory.",
                ids.join(", ")
            ))
        })
}

fn folder_ok(folder: &str) -> ApiResult<String> {
    let f = folder.trim().trim_matches('/');
    if f.is_empty() || f.contains('/') || f.contains("..") || f.len() > 1024 {
        return Err(bad(format!(
            "'{folder}' is not a backup folder name (e.g. mhsm-myhsm-2024060112000000)."
        )));
    }
    Ok(f.to_string())
}

/// `POST /backup` and `POST /prebackup`.
pub async fn start_backup(
    plane: &Plane,
    hsm: &HsmRecord,
    caller: &Caller,
    body: &Bytes,
    pre: bool,
) -> ApiResult<Response> {
    let p: SasTokenParameter = if pre {
        let p: PreBackupParameters = parse_body(body)?;
        SasTokenParameter {
            storage_resource_uri: p
                .storage_resource_uri
                .ok_or_else(|| bad("storageResourceUri is required."))?,
            token: p.token,
            use_managed_identity: p.use_managed_identity,
        }
    } else {
        parse_body(body)?
    };
    let auth = storage_auth(plane, hsm, &p)?;
    let kind = if pre {
        JobKind::PreBackup
    } else {
        JobKind::Backup
    };
    let job = acquire(plane, kind)?;
    let work = Work::Backup {
        uri: container_uri(&p),
        auth,
        pre,
    };
    spawn(plane, hsm, caller, &job, work);
    Ok(accepted(plane, hsm, &job))
}

/// `PUT /restore` and `PUT /prerestore`.
pub async fn start_restore(
    plane: &Plane,
    hsm: &HsmRecord,
    caller: &Caller,
    body: &Bytes,
    pre: bool,
) -> ApiResult<Response> {
    let p: RestoreParameters = parse_body(body)?;
    let (uri, auth, folder) = restore_source(
        plane,
        hsm,
        p.sas_token_parameters,
        p.folder_to_restore,
        "folderToRestore",
    )?;
    if !pre {
        // A running job is the first thing to tell (409), then the rule.
        if let Some(r) = plane.emu.store.get::<RunningJob>(RUNNING, &plane.key)? {
            return Err(busy(&r));
        }
        recent_backup_rule(plane)?;
    }
    let kind = if pre {
        JobKind::PreRestore
    } else {
        JobKind::Restore
    };
    let job = acquire(plane, kind)?;
    let work = Work::Restore {
        uri,
        auth,
        folder,
        key: None,
        pre,
    };
    spawn(plane, hsm, caller, &job, work);
    Ok(accepted(plane, hsm, &job))
}

/// `PUT /keys/{name}/restore`: one key with all its versions from a full backup.
pub async fn start_selective(
    plane: &Plane,
    hsm: &HsmRecord,
    caller: &Caller,
    name: &str,
    body: &Bytes,
) -> ApiResult<Response> {
    let p: SelectiveKeyRestoreParameters = parse_body(body)?;
    let (uri, auth, folder) =
        restore_source(plane, hsm, p.sas_token_parameters, p.folder, "folder")?;
    let job = acquire(plane, JobKind::SelectiveRestore)?;
    let work = Work::Restore {
        uri,
        auth,
        folder,
        key: Some(name.to_string()),
        pre: false,
    };
    spawn(plane, hsm, caller, &job, work);
    Ok(accepted(plane, hsm, &job))
}

/// The container, storage credential and folder of a restore, checked (400 when missing or
/// malformed).
fn restore_source(
    plane: &Plane,
    hsm: &HsmRecord,
    sas: Option<SasTokenParameter>,
    folder: Option<String>,
    folder_field: &str,
) -> ApiResult<(String, StorageAuth, String)> {
    let sas = sas.ok_or_else(|| bad("sasTokenParameters is required."))?;
    let folder = folder_ok(
        folder
            .as_deref()
            .ok_or_else(|| bad(format!("{folder_field} is required.")))?,
    )?;
    let auth = storage_auth(plane, hsm, &sas)?;
    Ok((container_uri(&sas), auth, folder))
}

/// The container URI of the parameters, without a trailing slash.
fn container_uri(p: &SasTokenParameter) -> String {
    p.storage_resource_uri
        .trim()
        .trim_end_matches('/')
        .to_string()
}

/// `GET /backup/{job}/pending` and `GET /restore/{job}/pending`.
pub fn status(plane: &Plane, job_id: &str, backup: bool) -> ApiResult<Response> {
    let job = plane
        .emu
        .store
        .get::<JobRecord>(JOBS, &job_key(&plane.key, &job_id.to_ascii_lowercase()))?
        .filter(|j| j.kind.is_backup() == backup)
        .ok_or_else(|| {
            ApiError::not_found(
                "JobNotFound",
                format!(
                    "No {} job with id '{job_id}' exists on this HSM.",
                    if backup { "backup" } else { "restore" }
                ),
            )
        })?;
    let mut resp = Json(job.body()).into_response();
    if job.status == status::IN_PROGRESS {
        // Pollers wait this long before asking again (without it the SDKs wait 5 s).
        resp.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            HeaderValue::from(plane.emu.opts.lro_retry_after),
        );
    }
    Ok(resp)
}

/// The full-restore rule: a full backup of this HSM completed within the window.
fn recent_backup_rule(plane: &Plane) -> ApiResult<()> {
    let Some(window) = plane.emu.opts.restore_backup_window else {
        return Ok(());
    };
    let now = plane.emu.clock.unix();
    let last: Option<i64> = plane.emu.store.get(LAST_BACKUP, &plane.key)?;
    let minutes = window.as_secs() / 60;
    match last {
        Some(t) if now - t <= window.as_secs() as i64 => Ok(()),
        other => Err(ApiError::bad_request(
            "BadParameter",
            format!(
                "A full restore requires a full backup of this HSM completed within the last {minutes} minutes ({}). Take one ('az keyvault backup start' / 'mhsm backup start') and restore again.",
                match other {
                    Some(t) => format!("the last one completed {} minutes ago", (now - t) / 60),
                    None => "none has been taken".to_string(),
                }
            ),
        )
        .with_inner("RecentBackupRequired")),
    }
}

/// The 409 of a start while another job runs (the service's words, then which job).
fn busy(r: &RunningJob) -> ApiError {
    let what = if r.kind.is_backup() {
        "backup"
    } else {
        "restore"
    };
    ApiError::conflict(
        "Conflict",
        format!(
            "Another {what} operation is in progress (job {}). Only one backup or restore runs at a time; poll GET /{what}/{}/pending until it ends.",
            r.id, r.id
        ),
    )
}

/// Takes the HSM's job slot and records the new job, atomically.
fn acquire(plane: &Plane, kind: JobKind) -> ApiResult<JobRecord> {
    let now = plane.emu.clock.unix();
    let job = JobRecord {
        id: key_store::new_version_id(),
        kind,
        status: status::IN_PROGRESS.into(),
        details: None,
        error: None,
        start: now,
        end: None,
        folder_uri: None,
    };
    let key = plane.key.clone();
    plane.emu.store.write(|tx| {
        if let Some(r) = tx.get::<RunningJob>(RUNNING, &key)? {
            return Err(busy(&r));
        }
        tx.put(
            RUNNING,
            &key,
            &RunningJob {
                id: job.id.clone(),
                kind,
                start: now,
            },
        )?;
        tx.put(JOBS, &job_key(&key, &job.id), &job)?;
        Ok(job.clone())
    })
}

/// The 202 of a started job: `Azure-AsyncOperation` (sent lower-case, as the service does) and
/// `Retry-After`.
fn accepted(plane: &Plane, hsm: &HsmRecord, job: &JobRecord) -> Response {
    let what = if job.kind.is_backup() {
        "backup"
    } else {
        "restore"
    };
    let url = format!("{}{what}/{}/pending", hsm.hsm_uri(), job.id);
    let mut resp = (StatusCode::ACCEPTED, Json(job.body())).into_response();
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&url) {
        h.insert("azure-asyncoperation", v);
    }
    h.insert(
        axum::http::header::RETRY_AFTER,
        HeaderValue::from(plane.emu.opts.lro_retry_after),
    );
    resp
}

/// What a job does.
enum Work {
    Backup {
        uri: String,
        auth: StorageAuth,
        pre: bool,
    },
    Restore {
        uri: String,
        auth: StorageAuth,
        folder: String,
        key: Option<String>,
        pre: bool,
    },
}

/// What a job's success changes, applied in the transaction that completes it.
enum Outcome {
    /// A backup folder was written (`None` for a pre-backup check).
    Backup(Option<String>),
    /// A pre-restore check passed.
    Checked,
    /// A full restore: the HSM's new keys and RBAC.
    Restore(Prepared),
    /// A selective restore of one key.
    Selective(PreparedKey),
}

/// A key ready to be stored in the target (material sealed for the target).
struct PreparedKey {
    key: KeyRecord,
    versions: Vec<VersionRecord>,
}

struct Prepared {
    keys: Vec<PreparedKey>,
    assignments: Vec<AssignmentRecord>,
    definitions: Vec<RoleDefinition>,
}

fn spawn(plane: &Plane, hsm: &HsmRecord, caller: &Caller, job: &JobRecord, work: Work) {
    let (plane, hsm, caller, job) = (plane.clone(), hsm.clone(), caller.clone(), job.clone());
    tokio::spawn(async move {
        let started = std::time::Instant::now();
        let outcome = run(&plane, &hsm, &work).await;
        let delay = plane.emu.opts.job_delay;
        if let Some(rest) = delay.checked_sub(started.elapsed()) {
            tokio::time::sleep(rest).await;
        }
        finish(&plane, &hsm, &caller, job, outcome, started);
    });
}

async fn run(plane: &Plane, hsm: &HsmRecord, work: &Work) -> Result<Outcome, JobError> {
    let root = blocking(|| security_domain::ensure_root_key(plane))
        .map_err(|e| job_error(&e.code, e.message))?;
    let keys = Keys::derive(&root);
    match work {
        Work::Backup { uri, auth, pre } => {
            // Opening checks that the container exists and the credential is accepted.
            let t = target::open(&plane.emu, uri, auth).await?;
            if *pre {
                probe_write(&t, &hsm.name).await?;
                return Ok(Outcome::Backup(None));
            }
            let now = plane.emu.clock.now();
            let folder = backup_folder_name(&hsm.name, now);
            let contents = blocking(|| snapshot(&plane.emu, &plane.key))?;
            let sealed = archive::seal(
                &keys,
                &folder,
                &hsm.name,
                &hsm.hsm_uri(),
                now.unix_timestamp(),
                &contents,
            );
            drop(contents);
            write_backup(&t, &folder, sealed).await?;
            Ok(Outcome::Backup(Some(format!("{}/{folder}", t.uri))))
        }
        Work::Restore {
            uri,
            auth,
            folder,
            key,
            pre,
        } => {
            let t = target::open(&plane.emu, uri, auth).await?;
            let contents = read_backup(&t, &keys, folder, *pre).await?;
            let Some(contents) = contents else {
                return Ok(Outcome::Checked);
            };
            let emu = plane.emu.clone();
            let hsm_key = plane.key.clone();
            match key {
                None => {
                    blocking(move || prepare_full(&emu, &hsm_key, contents)).map(Outcome::Restore)
                }
                Some(name) => {
                    let name = name.clone();
                    blocking(move || prepare_key(&emu, &hsm_key, contents, &name))
                        .map(Outcome::Selective)
                }
            }
        }
    }
}

/// The pre-backup check: a backup's writes would be allowed (a small blob is written and
/// deleted, so the SAS's `c`, `w` and `d` or the identity's write role are proven).
async fn probe_write(t: &Target, hsm: &str) -> Result<(), JobError> {
    let path = BlobPath::from(format!("mhsm-prebackup-check-{hsm}"));
    t.store
        .put(&path, b"mhsm pre-backup check".to_vec().into())
        .await
        .map_err(storage_error)?;
    t.store.delete(&path).await.map_err(storage_error)
}

/// Reads every key (with its material) and the RBAC of an HSM from one snapshot.
fn snapshot(emu: &Emulator, hsm: &str) -> Result<Contents, JobError> {
    let internal = |e: StoreError| job_error("InternalError", e.to_string());
    let snap = emu.store.snapshot().map_err(internal)?;
    let prefix = format!("{hsm}/");
    let keys: Vec<(String, KeyRecord)> = snap.list(key_store::KEYS, &prefix).map_err(internal)?;
    let versions: HashMap<String, VersionRecord> = snap
        .list::<VersionRecord>(key_store::KEY_VERSIONS, &prefix)
        .map_err(internal)?
        .into_iter()
        .collect();
    let assignments: Vec<(String, AssignmentRecord)> =
        snap.list(rbac::ASSIGNMENTS, &prefix).map_err(internal)?;
    let definitions: Vec<(String, RoleDefinition)> =
        snap.list(rbac::DEFINITIONS, &prefix).map_err(internal)?;
    drop(snap);
    let mut out = Contents::default();
    for (id, key) in keys {
        // External (EKM) keys are not backed up: their material is not in the HSM, and the
        // service documents that restoring them can leave the HSM degraded.
        if key.versions.iter().any(|v| {
            versions
                .get(&format!("{id}/{v}"))
                .is_some_and(|r| r.external_key_id.is_some())
        }) {
            continue;
        }
        let mut entries = Vec::new();
        for v in &key.versions {
            let Some(record) = versions.get(&format!("{id}/{v}")) else {
                continue;
            };
            let material = key_store::open_bytes(emu, hsm, &key.name, record)
                .map_err(|e| job_error("InternalError", e.message))?;
            let mut record = record.clone();
            record.sealed = String::new();
            entries.push(VersionEntry {
                record,
                material: archive::encode_material(&material),
            });
        }
        out.keys.push(KeyEntry {
            key,
            versions: entries,
        });
    }
    out.rbac.assignments = assignments.into_iter().map(|(_, a)| a).collect();
    out.rbac.definitions = definitions.into_iter().map(|(_, d)| d).collect();
    Ok(out)
}

/// Writes the parts, then the manifest (which makes the folder a backup). A failure removes
/// what was written.
async fn write_backup(t: &Target, folder: &str, sealed: archive::Sealed) -> Result<(), JobError> {
    let manifest = sealed.manifest_bytes();
    let mut written = Vec::new();
    let mut result = Ok(());
    for (name, blob) in sealed.parts {
        let path = BlobPath::from(format!("{folder}/{name}"));
        if let Err(e) = t.store.put(&path, blob.into()).await {
            result = Err(storage_error(e));
            break;
        }
        written.push(path);
    }
    if result.is_ok() {
        let path = BlobPath::from(format!("{folder}/{}", archive::MANIFEST));
        result = t
            .store
            .put(&path, manifest.into())
            .await
            .map(|_| ())
            .map_err(storage_error);
    }
    if result.is_err() {
        for p in written {
            let _ = t.store.delete(&p).await;
        }
    }
    result
}

fn archive_error(e: ArchiveError) -> JobError {
    let code = match e {
        ArchiveError::NotABackup(_) => "InvalidBackup",
        ArchiveError::ForeignSecurityDomain => "SecurityDomainMismatch",
        ArchiveError::Tampered(_) | ArchiveError::Truncated(_) => "InvalidBackup",
        ArchiveError::UnknownFormat(..) => "InvalidBackup",
    };
    JobError {
        code: "BadRequest".into(),
        message: format!("Invalid backup: Reason: {e}"),
        innererror: Some(Box::new(job_error(code, e.to_string()))),
    }
}

/// Reads and checks a whole backup (only its manifest when `manifest_only`).
async fn read_backup(
    t: &Target,
    keys: &Keys,
    folder: &str,
    manifest_only: bool,
) -> Result<Option<Contents>, JobError> {
    let get = |name: String| async move {
        match t.store.get(&BlobPath::from(name)).await {
            Ok(r) => r.bytes().await.map(Some).map_err(storage_error),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(storage_error(e)),
        }
    };
    let Some(m) = get(format!("{folder}/{}", archive::MANIFEST)).await? else {
        // The container exists (opening checked it): the folder is not a backup.
        return Err(archive_error(ArchiveError::NotABackup(folder.to_string())));
    };
    let manifest = archive::open_manifest(keys, folder, &m).map_err(archive_error)?;
    if manifest_only {
        return Ok(None);
    }
    let mut parts = Vec::new();
    for p in &manifest.parts {
        let blob = get(format!("{folder}/{}", p.name)).await?;
        let pt = archive::open_part(keys, &manifest, p, blob.as_deref()).map_err(archive_error)?;
        parts.push((p.name.clone(), pt));
    }
    archive::decode(&manifest, parts)
        .map(Some)
        .map_err(archive_error)
}

/// Seals one backed-up key's material for this HSM.
fn prepare(emu: &Emulator, hsm: &str, entry: KeyEntry) -> Result<PreparedKey, JobError> {
    let mut versions = Vec::with_capacity(entry.versions.len());
    for v in entry.versions {
        let material: Zeroizing<Vec<u8>> = archive::material(&v).map_err(archive_error)?;
        let mut record = v.record;
        record.sealed =
            key_store::seal_bytes(emu, hsm, &entry.key.name, &record.version, &material);
        versions.push(record);
    }
    Ok(PreparedKey {
        key: entry.key,
        versions,
    })
}

fn prepare_full(emu: &Emulator, hsm: &str, c: Contents) -> Result<Prepared, JobError> {
    let mut keys = Vec::with_capacity(c.keys.len());
    for k in c.keys {
        keys.push(prepare(emu, hsm, k)?);
    }
    Ok(Prepared {
        keys,
        assignments: c.rbac.assignments,
        definitions: c.rbac.definitions,
    })
}

fn prepare_key(
    emu: &Emulator,
    hsm: &str,
    c: Contents,
    name: &str,
) -> Result<PreparedKey, JobError> {
    let entry = c
        .keys
        .into_iter()
        .find(|k| k.key.name.eq_ignore_ascii_case(name))
        .ok_or_else(|| {
            job_error(
                "KeyNotFound",
                format!("The backup does not contain a key named '{name}'."),
            )
        })?;
    let mut p = prepare(emu, hsm, entry)?;
    // A selective restore brings the key back live.
    p.key.deleted = None;
    Ok(p)
}

/// Applies a full restore: the HSM's keys and local RBAC become the backup's.
fn apply_full(tx: &mut Tx<'_>, hsm: &str, p: &Prepared) -> Result<(), StoreError> {
    key_store::purge_state(tx, hsm)?;
    rbac::purge_state(tx, hsm)?;
    for k in &p.keys {
        for v in &k.versions {
            key_store::tx_put_version(tx, hsm, &k.key.name, v)?;
        }
        key_store::tx_put_key(tx, hsm, &k.key)?;
    }
    for a in &p.assignments {
        tx.put(rbac::ASSIGNMENTS, &rbac::record_key(hsm, &a.name), a)?;
    }
    for d in &p.definitions {
        tx.put(rbac::DEFINITIONS, &rbac::record_key(hsm, &d.name), d)?;
    }
    Ok(())
}

/// Applies a selective restore; returns (versions restored, versions that already existed).
fn apply_key(tx: &mut Tx<'_>, hsm: &str, p: &PreparedKey) -> ApiResult<(usize, usize)> {
    let existing = key_store::tx_get_key(tx, hsm, &p.key.name)?;
    if let Some(k) = &existing
        && k.deleted.is_some()
    {
        return Err(super::keys::deleted_conflict(&k.name));
    }
    if existing.is_none() {
        let count = key_store::tx_count_keys(tx, hsm)?;
        key_store::check_limits(None, count)?;
    }
    let mut key = existing.clone().unwrap_or_else(|| KeyRecord {
        versions: Vec::new(),
        ..p.key.clone()
    });
    let (mut restored, mut kept) = (0, 0);
    for v in &p.versions {
        if key
            .versions
            .iter()
            .any(|x| x.eq_ignore_ascii_case(&v.version))
        {
            kept += 1;
            continue;
        }
        if key.versions.len() >= key_store::MAX_VERSIONS {
            key_store::check_limits(Some(&key), 0)?;
        }
        key_store::tx_put_version(tx, hsm, &key.name, v)?;
        key.versions.push(v.version.clone());
        restored += 1;
    }
    if key.rotation_policy.is_none() {
        key.rotation_policy = p.key.rotation_policy.clone();
    }
    key_store::tx_put_key(tx, hsm, &key)?;
    Ok((restored, kept))
}

/// Completes a job: applies its outcome and releases the HSM's slot in one transaction (or, if
/// that fails, records the failure without applying anything).
fn finish(
    plane: &Plane,
    hsm: &HsmRecord,
    caller: &Caller,
    mut job: JobRecord,
    outcome: Result<Outcome, JobError>,
    started: std::time::Instant,
) {
    let emu = &plane.emu;
    let hsm_key = plane.key.clone();
    let now = emu.clock.unix();
    job.end = Some(now);
    let jk = job_key(&hsm_key, &job.id);
    let done = match outcome {
        Ok(outcome) => {
            let mut ok = job.clone();
            ok.status = status::SUCCEEDED.into();
            let r = blocking(|| {
                emu.store.write(|tx| {
                    match &outcome {
                        Outcome::Backup(folder) => {
                            ok.folder_uri = folder.clone();
                            if folder.is_some() {
                                tx.put(LAST_BACKUP, &hsm_key, &now)?;
                            }
                        }
                        Outcome::Checked => {}
                        Outcome::Restore(p) => apply_full(tx, &hsm_key, p)?,
                        Outcome::Selective(p) => {
                            let (restored, kept) = apply_key(tx, &hsm_key, p)?;
                            ok.details = Some(format!(
                                "Number of successful key versions restored: {restored}, Number of key versions could not overwrite: {kept}"
                            ));
                        }
                    }
                    tx.put(JOBS, &jk, &ok)?;
                    tx.delete(RUNNING, &hsm_key)?;
                    Ok::<_, ApiError>(ok.clone())
                })
            });
            if matches!(outcome, Outcome::Restore(_)) {
                // The replaced keys' parsed material leaves memory with their records.
                emu.materials.evict(&hsm_key, None);
            }
            r.map_err(|e| JobError {
                code: e.code,
                message: e.message,
                innererror: e.inner.map(|c| Box::new(job_error(&c, ""))),
            })
        }
        Err(e) => Err(e),
    };
    let job = match done {
        Ok(j) => j,
        Err(e) => {
            job.status = status::FAILED.into();
            job.error = Some(e);
            let _ = blocking(|| {
                emu.store.write(|tx| {
                    tx.put(JOBS, &jk, &job)?;
                    tx.delete(RUNNING, &hsm_key)?;
                    Ok::<_, StoreError>(())
                })
            });
            job
        }
    };
    audit(
        plane,
        hsm,
        caller,
        &job,
        started.elapsed().as_millis() as u64,
    );
}

/// Records a job's completion in the HSM's audit log.
/// `duration_ms` is the job's run time, from its start to its completed transaction.
fn audit(plane: &Plane, hsm: &HsmRecord, caller: &Caller, job: &JobRecord, duration_ms: u64) {
    if !hsm.audit_logging() {
        return;
    }
    let what = if job.kind.is_backup() {
        "backup"
    } else {
        "restore"
    };
    let status = if job.status == status::SUCCEEDED {
        200
    } else {
        500
    };
    let mut rec = super::audit::AuditRecord::new(
        hsm,
        Some(caller),
        crate::emulator::clock::arm_time(plane.emu.clock.now()),
        job.kind.operation(),
        "",
        status,
        duration_ms,
        format!("{}{what}/{}/pending", hsm.hsm_uri(), job.id),
        "mhsm-emulator job".into(),
        String::new(),
        job.id.clone(),
    );
    rec.result_type = job.status.clone();
    if let Some(e) = &job.error {
        rec.result_signature = format!("{}: {}", e.code, e.message);
    }
    plane.emu.audit.append(&plane.key, &rec);
}
