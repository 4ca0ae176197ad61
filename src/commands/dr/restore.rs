//! `mhsm dr restore` — the disaster-recovery runbook as one command: back up the source HSM (or
//! take a given backup), recover the target from the source's security domain (init-recovery +
//! upload with the quorum keys), back up the target (the service's 30-minute rule), restore,
//! wait, and verify the target against the source.
//!
//! Progress is saved after each step in a state file, so re-running the same command after a
//! failure resumes where it stopped (a running restore job is watched, not started twice).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::verify;
use crate::cli::HsmTarget;
use crate::client::hsm::HsmEndpoint;
use crate::client::{Client, ClientError};
use crate::commands::backup::common::{JobRun, resolve_folder};
use crate::commands::backup::journal::Operation;
use crate::commands::backup::storage::{BackupFolderArg, StorageTarget};
use crate::commands::security_domain::common::{WrappingKeys, exchange_key_pem, wait_for};
use crate::commands::security_domain::restore_blob::build_blob;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::crypto::pyjson::{PyJson, python_json_dumps};
use crate::wire::backup::{RestoreParameters, SasTokenParameter, status};

/// A target backup older than this is taken again before the restore (the service wants one
/// from the last 30 minutes when the restore starts).
const TARGET_BACKUP_FRESH: i64 = 25 * 60;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the source HSM (the one whose keys and roles are recovered).
    #[arg(long = "source-hsm-name")]
    pub source_hsm_name: Option<String>,
    /// Full URI of the source HSM.
    #[arg(long = "source-id")]
    pub source_id: Option<String>,
    /// Name of the target HSM (a new HSM, not activated, or one already recovered from the
    /// source's security domain).
    #[arg(long = "target-hsm-name")]
    pub target_hsm_name: Option<String>,
    /// Full URI of the target HSM.
    #[arg(long = "target-id")]
    pub target_id: Option<String>,
    #[command(flatten)]
    pub storage: StorageTarget,
    /// Restore this backup folder (a name, or 'latest' for the source's newest backup in the
    /// container) instead of backing up the source first.
    #[arg(long = "backup-folder")]
    pub backup_folder: Option<BackupFolderArg>,
    /// The source's security-domain file (needed when the target is not recovered yet).
    #[arg(long = "sd-file")]
    pub sd_file: Option<PathBuf>,
    #[command(flatten)]
    pub keys: WrappingKeys,
    /// Where progress is kept between runs (default: mhsm's cache directory, one file per
    /// source and target). Removed when the runbook completes.
    #[arg(long = "state-file")]
    pub state_file: Option<PathBuf>,
    /// Forget the progress of an earlier run and start from the first step.
    #[arg(long)]
    pub fresh: bool,
    /// Print the plan (with what an earlier run already did) and change nothing.
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    /// Skip the signature check of the verification (the caller then needs no key rights).
    #[arg(long = "no-signature-check")]
    pub no_signature_check: bool,
    /// The source is gone (a real disaster): restore --backup-folder without comparing the
    /// target with the source, which is then never contacted (the report says the verification
    /// was skipped; the exit code tells whether the restore succeeded).
    #[arg(long = "no-verify", requires = "backup_folder")]
    pub no_verify: bool,
}

/// What earlier runs achieved, saved after each step.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Progress {
    source: String,
    target: String,
    folder: Option<String>,
    security_domain: Option<String>,
    target_backup_at: Option<i64>,
    restore_job: Option<String>,
    restored: bool,
}

/// One step of the report.
#[derive(Debug, Serialize)]
struct Step {
    step: &'static str,
    status: String,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    seconds: Option<f64>,
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn target_of(name: Option<String>, id: Option<String>) -> HsmTarget {
    HsmTarget { hsm_name: name, id }
}

fn state_path(explicit: Option<PathBuf>, source: &str, target: &str) -> Option<PathBuf> {
    if explicit.is_some() {
        return explicit;
    }
    let slug = |h: &str| {
        h.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect::<String>()
    };
    Some(crate::client::auth::cache_dir()?.join("dr").join(format!(
        "{}--{}.json",
        slug(source),
        slug(target)
    )))
}

fn load(path: Option<&PathBuf>) -> Option<Progress> {
    let text = std::fs::read_to_string(path?).ok()?;
    serde_json::from_str(&text).ok()
}

fn save(path: Option<&PathBuf>, p: &Progress) -> Result<(), CliError> {
    let Some(path) = path else { return Ok(()) };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::Invalid(format!("{}: {e}", dir.display())))?;
    }
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(p).unwrap_or_default())
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            CliError::Invalid(format!(
                "cannot save the runbook's progress in {}: {e}",
                path.display()
            ))
        })
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        source_hsm_name,
        source_id,
        target_hsm_name,
        target_id,
        storage,
        backup_folder,
        sd_file,
        keys,
        state_file,
        fresh,
        dry_run,
        no_signature_check,
        no_verify,
    } = args;
    let client = ctx.client().await?;
    let sas = storage.sas_parameter(&client.cloud)?;
    let target = hsm_endpoint(
        ctx,
        &target_of(target_hsm_name, target_id),
        "Please specify --target-hsm-name or --target-id.",
    )
    .await?;
    // The source is contacted only to back it up or to verify against it: after a disaster
    // (--backup-folder with --no-verify) it may be gone.
    let source_arg = target_of(source_hsm_name.clone(), source_id.clone());
    let source = if backup_folder.is_none() || !no_verify {
        let s = hsm_endpoint(
            ctx,
            &source_arg,
            "Please specify --source-hsm-name or --source-id.",
        )
        .await?;
        if s.base == target.base {
            return Err(CliError::Invalid(
                "The source and the target are the same HSM: to restore an HSM in place use 'mhsm restore start'.".into(),
            ));
        }
        Some(s)
    } else {
        None
    };
    let source_label = match (&source, &source_id, &source_hsm_name) {
        (Some(s), _, _) => s.base.to_string(),
        (None, Some(id), _) => id.clone(),
        (None, None, Some(n)) => n.clone(),
        (None, None, None) => "(not given)".to_string(),
    };
    let path = state_path(state_file, &source_label, target.base.as_str());
    let mut p = match load(path.as_ref()) {
        Some(p) if !fresh && p.source == source_label && p.target == target.base.as_str() => p,
        _ => Progress {
            source: source_label.clone(),
            target: target.base.to_string(),
            ..Progress::default()
        },
    };
    // The verification reads the source: find out now, before changing anything, that the
    // caller may (the target's rights come with the restore).
    if let Some(s) = source.as_ref().filter(|_| !no_verify && !dry_run) {
        client.list_keys(s, Some(1)).await.map_err(|e| {
            CliError::Client(e).hint(
                "The runbook ends by comparing the target with the source: it needs to read the source's keys and role assignments (e.g. Managed HSM Crypto Auditor). Grant that role, or restore without the comparison (--backup-folder with --no-verify).",
            )
        })?;
    }
    let resumed = p.folder.is_some() || p.security_domain.is_some();
    if dry_run {
        return ctx.print(&plan(
            &p,
            &backup_folder,
            sd_file.is_some(),
            resumed,
            no_verify,
            &source_label,
            target.base.as_str(),
        ));
    }
    if resumed {
        ctx.printer.warning(&format!(
            "Resuming the runbook from {} (use --fresh to start over).",
            path.as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        ));
    }
    let mut steps = Vec::new();
    let rb = Runbook {
        ctx,
        client,
        sas: &sas,
        uses_mi: storage.uses_managed_identity(),
    };

    // 1. The backup to restore.
    let t = Instant::now();
    ctx.printer.step("[1/5] Backup of the source HSM");
    let (status_text, detail) = match (&p.folder, &backup_folder) {
        (_, Some(arg)) => {
            let f = resolve_folder(
                ctx,
                client,
                arg,
                &sas.storage_resource_uri,
                storage.container.sas_token.as_ref(),
                source_hsm_name.as_deref(),
            )
            .await?;
            if p.folder.as_deref() != Some(f.as_str()) {
                // Another backup than an earlier run restored: restore (again) from it.
                p.restore_job = None;
                p.restored = false;
            }
            p.folder = Some(f.clone());
            ("given", f)
        }
        (Some(f), None) => ("resumed", f.clone()),
        (None, None) => {
            let source = source.as_ref().expect("resolved without --backup-folder");
            let f = rb.backup(source).await?;
            p.folder = Some(f.clone());
            ("done", f)
        }
    };
    save(path.as_ref(), &p)?;
    steps.push(step("backup-source", status_text, detail, t));
    let folder = p.folder.clone().unwrap_or_default();

    // 2. The target holds the source's security domain.
    let t = Instant::now();
    ctx.printer.step("[2/5] Security domain of the target HSM");
    let (status_text, detail) = match &p.security_domain {
        Some(s) => ("resumed", s.clone()),
        None => {
            let d = rb.recover_target(&target, sd_file.as_ref(), &keys).await?;
            p.security_domain = Some(d.clone());
            ("done", d)
        }
    };
    save(path.as_ref(), &p)?;
    steps.push(step("security-domain", status_text, detail, t));

    // 3. A fresh full backup of the target (the service refuses a restore without one).
    let t = Instant::now();
    ctx.printer
        .step("[3/5] Backup of the target HSM (required before a restore)");
    let fresh_enough = p
        .target_backup_at
        .is_some_and(|at| now() - at < TARGET_BACKUP_FRESH);
    let (status_text, detail) = if p.restored || fresh_enough {
        (
            "resumed",
            "a backup of the target from this runbook is recent enough".to_string(),
        )
    } else {
        let f = rb.backup(&target).await?;
        p.target_backup_at = Some(now());
        save(path.as_ref(), &p)?;
        ("done", f)
    };
    steps.push(step("backup-target", status_text, detail, t));

    // 4. The restore.
    let t = Instant::now();
    ctx.printer
        .step(&format!("[4/5] Restore of {folder} into the target HSM"));
    let (status_text, detail) = if p.restored {
        ("resumed", folder.clone())
    } else {
        let previous = p.restore_job.clone();
        let mut saved = p.clone();
        let job = rb
            .restore(&target, &folder, previous.as_deref(), &mut |id| {
                saved.restore_job = Some(id.to_string());
                let _ = save(path.as_ref(), &saved);
            })
            .await?;
        p.restore_job = Some(job.clone());
        p.restored = true;
        save(path.as_ref(), &p)?;
        ("done", format!("{folder} (job {job})"))
    };
    steps.push(step("restore", status_text, detail, t));

    // 5. Verification.
    let t = Instant::now();
    let verification = match &source {
        Some(source) if !no_verify => {
            ctx.printer
                .step("[5/5] Verification: the target against the source");
            let (src_inv, dst_inv) = tokio::try_join!(
                verify::inventory(client, source),
                verify::inventory(client, &target)
            )
            .map_err(|e| CliError::Client(e).hint("The verification reads keys and role assignments of both HSMs: it needs Managed HSM Crypto Auditor (or Administrator) rights on both. If the source is gone, restore with --backup-folder and --no-verify."))?;
            let signature = if no_signature_check {
                json!({"verified": null, "detail": "skipped (--no-signature-check)"})
            } else {
                verify::signature_check(client, source, &target, &src_inv).await
            };
            let v = verify::compare(&src_inv, &dst_inv, signature);
            steps.push(step(
                "verify",
                if v.passed { "passed" } else { "failed" },
                format!(
                    "{} key versions, {} role assignments, {} custom roles compared",
                    v.key_versions.source, v.role_assignments.source, v.custom_roles.source
                ),
                t,
            ));
            Some(v)
        }
        _ => {
            steps.push(step(
                "verify",
                "skipped",
                "--no-verify: the target was not compared with the source".into(),
                t,
            ));
            None
        }
    };
    ctx.printer.progress_done();
    let passed = verification.as_ref().map(|v| v.passed);
    let report = json!({
        "source": source_label,
        "target": target.base.as_str(),
        "backupFolder": folder,
        "folderUrl": format!("{}/{folder}", sas.storage_resource_uri.trim_end_matches('/')),
        "steps": steps,
        "verification": verification,
        "result": match passed {
            Some(true) => "passed",
            Some(false) => "failed",
            None => "restored (not verified)",
        },
    });
    ctx.print(&report)?;
    if passed == Some(false) {
        return Err(CliError::Invalid(
            "The restored HSM does not match the source (see 'verification' in the report).".into(),
        )
        .hint("Re-run with --fresh to repeat the runbook from the start."));
    }
    if let Some(path) = &path {
        let _ = std::fs::remove_file(path);
    }
    Ok(())
}

fn step(name: &'static str, status: &str, detail: String, t: Instant) -> Step {
    Step {
        step: name,
        status: status.into(),
        detail,
        seconds: Some((t.elapsed().as_secs_f64() * 10.0).round() / 10.0),
    }
}

/// The plan of `--dry-run`.
fn plan(
    p: &Progress,
    folder: &Option<BackupFolderArg>,
    have_sd: bool,
    resumed: bool,
    no_verify: bool,
    source: &str,
    target: &str,
) -> Value {
    let s = |name: &str, status: &str, detail: String| json!({"step": name, "status": status, "detail": detail});
    let steps = vec![
        match (&p.folder, folder) {
            (Some(f), None) => s("backup-source", "done", format!("earlier run: {f}")),
            (_, Some(BackupFolderArg::Latest)) => s(
                "backup-source",
                "planned",
                "use the newest backup of the source in the container".into(),
            ),
            (_, Some(BackupFolderArg::Name(n))) => {
                s("backup-source", "planned", format!("use backup folder {n}"))
            }
            (None, None) => s(
                "backup-source",
                "planned",
                format!("full backup of {source} into the container"),
            ),
        },
        match &p.security_domain {
            Some(d) => s("security-domain", "done", format!("earlier run: {d}")),
            None => s(
                "security-domain",
                "planned",
                format!(
                    "if {target} is not recovered yet: init-recovery, then upload the security domain{}",
                    if have_sd {
                        " (--sd-file) with the quorum keys"
                    } else {
                        " (needs --sd-file and --sd-wrapping-keys)"
                    }
                ),
            ),
        },
        s(
            "backup-target",
            "planned",
            format!("full backup of {target} (a restore needs one from the last 30 minutes)"),
        ),
        if p.restored {
            s("restore", "done", "earlier run".into())
        } else {
            s(
                "restore",
                "planned",
                match &p.restore_job {
                    Some(j) => format!(
                        "watch restore job {j} of an earlier run (start again if it failed)"
                    ),
                    None => format!("full restore of {target} from the backup, then wait"),
                },
            )
        },
        if no_verify {
            s(
                "verify",
                "skipped",
                "--no-verify: the source is not contacted".into(),
            )
        } else {
            s("verify", "planned", "compare keys, versions, public keys, role assignments and custom roles of both HSMs; sign on the source, verify on the target".into())
        },
    ];
    json!({"source": source, "target": target, "resumes": resumed, "steps": steps, "result": "dry-run"})
}

/// The calls the runbook makes.
struct Runbook<'a> {
    ctx: &'a Ctx,
    client: &'a Client,
    sas: &'a SasTokenParameter,
    uses_mi: bool,
}

impl Runbook<'_> {
    fn job<'b>(&'b self, hsm: &'b HsmEndpoint, op: Operation, folder: Option<&str>) -> JobRun<'b> {
        JobRun {
            ctx: self.ctx,
            client: self.client,
            hsm,
            op,
            storage_uri: self.sas.storage_resource_uri.clone(),
            uses_managed_identity: self.uses_mi,
            folder: folder.map(str::to_string),
            key_name: None,
        }
    }

    /// A full backup of `hsm`; returns its folder name.
    async fn backup(&self, hsm: &HsmEndpoint) -> Result<String, CliError> {
        let run = self.job(hsm, Operation::Backup, None);
        let started = run
            .started(self.client.begin_full_backup(hsm, self.sas).await)
            .await?;
        let done = run.finish(started, false).await?;
        let url = done
            .and_then(|d| d.job.azure_storage_blob_container_uri)
            .unwrap_or_default();
        Ok(url.rsplit('/').next().unwrap_or_default().to_string())
    }

    /// Makes sure the target holds the source's security domain: a target that is not
    /// activated is recovered (init-recovery, restore blob from `sd_file` and a quorum of keys,
    /// upload, wait); one recovered earlier is left as it is; one activated with its own
    /// security domain is refused (it could never open the source's backups).
    async fn recover_target(
        &self,
        target: &HsmEndpoint,
        sd_file: Option<&PathBuf>,
        keys: &WrappingKeys,
    ) -> Result<String, CliError> {
        let done = |r: Result<crate::wire::security_domain::SdStatus, ClientError>| {
            r.is_ok_and(|s| s.is_success())
        };
        if done(self.client.sd_pending(target, true).await) {
            return Ok("the target already holds an uploaded security domain".into());
        }
        if done(self.client.sd_pending(target, false).await) {
            return Err(CliError::Invalid(
                "The target HSM is already active with a security domain of its own (it was activated by a download): it cannot open the source's backups. Recover a new HSM instead.".into(),
            ));
        }
        let sd_file = sd_file.ok_or_else(|| {
            CliError::Usage(
                "The target HSM is not recovered yet: give the source's security domain with --sd-file and a quorum of its keys with --sd-wrapping-keys.".into(),
            )
        })?;
        let pem = exchange_key_pem(self.client, target).await?;
        let dir = std::env::temp_dir().join(format!("mhsm-dr-{}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| CliError::Invalid(format!("{}: {e}", dir.display())))?;
        let exchange = dir.join("exchange.cer");
        std::fs::write(&exchange, pem.as_bytes())
            .map_err(|e| CliError::Invalid(format!("{}: {e}", exchange.display())))?;
        let blob = build_blob(self.ctx, sd_file, &exchange, keys);
        let _ = std::fs::remove_dir_all(&dir);
        let body = python_json_dumps(&PyJson::object([("value", PyJson::str(blob?))]));
        let (_, poller) = self.client.sd_upload(target, body).await?;
        let st = wait_for(
            self.ctx,
            self.client,
            target,
            &poller,
            "security domain restore",
            Duration::from_secs(1800),
        )
        .await?;
        if !st.is_success() {
            return Err(CliError::Invalid(format!(
                "The security domain upload failed: {}",
                st.status_details.unwrap_or(st.status)
            )));
        }
        Ok("recovered from the source's security domain (init-recovery + upload)".into())
    }

    /// The full restore; an earlier run's job is watched rather than started again (unless it
    /// failed). `record` saves a started job's id.
    async fn restore(
        &self,
        target: &HsmEndpoint,
        folder: &str,
        previous: Option<&str>,
        record: &mut (dyn FnMut(&str) + Send),
    ) -> Result<String, CliError> {
        let run = self.job(target, Operation::Restore, Some(folder));
        if let Some(id) = previous
            && let Ok(r) = self.client.restore_status(target, id).await
        {
            if r.job.status == status::SUCCEEDED {
                return Ok(id.to_string());
            }
            if r.job.status == status::IN_PROGRESS {
                run.finish(r, false).await?;
                return Ok(id.to_string());
            }
        }
        let params = RestoreParameters {
            sas_token_parameters: Some(self.sas.clone()),
            folder_to_restore: Some(folder.to_string()),
        };
        let started = run
            .started(self.client.begin_full_restore(target, &params).await)
            .await?;
        let id = started.job.job_id.clone();
        record(&id);
        run.finish(started, false).await?;
        Ok(id)
    }
}
