//! The local job journal: the backup and restore jobs this machine started, per HSM, so that
//! `backup status` / `restore status` find the last job without `--job-id`, and a 409 "Another
//! backup operation is in progress" can name the running job and how to watch it.
//!
//! One file per HSM, `<cache dir>/jobs/<host>[_<port>].json` (the cache dir holds the token
//! cache too: `$XDG_CACHE_HOME/mhsm`, else `~/.cache/mhsm`), owner-only, written atomically,
//! the newest 50 jobs kept. It holds no secret: never a SAS token (a query string on a storage
//! URL is dropped). `MHSM_JOB_JOURNAL=0` turns it off. It is a convenience cache: two mhsm
//! processes finishing at the same instant may lose each other's last update, and a failure to
//! read or write it never fails a command.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

use crate::client::hsm::HsmEndpoint;

/// Jobs kept per HSM.
const KEEP: usize = 50;

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Operation {
    /// `backup start`.
    Backup,
    /// `restore start` of the whole HSM.
    Restore,
    /// A selective restore of one key (`restore start --key-name`, `key restore`).
    KeyRestore,
}

impl Operation {
    /// How messages name a job of this kind (`Backup`, `Restore`, `Key restore`).
    pub fn label(self) -> &'static str {
        match self {
            Operation::Backup => "Backup",
            Operation::Restore => "Restore",
            Operation::KeyRestore => "Key restore",
        }
    }

    /// The group whose `status` command reads this job (`backup` or `restore`).
    pub fn group(self) -> &'static str {
        match self {
            Operation::Backup => "backup",
            Operation::Restore | Operation::KeyRestore => "restore",
        }
    }
}

/// One job as the journal keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub job_id: String,
    pub operation: Operation,
    /// The HSM's data-plane URL.
    pub hsm: String,
    /// The name the user addressed it by (`--hsm-name`), if any.
    #[serde(default)]
    pub hsm_name: Option<String>,
    /// The container, without any query string.
    pub storage_resource_uri: String,
    /// The backup folder restored from.
    #[serde(default)]
    pub folder: Option<String>,
    /// The key of a selective restore.
    #[serde(default)]
    pub key_name: Option<String>,
    /// When mhsm started the job (Unix seconds, this machine's clock).
    pub started: i64,
    /// The last status mhsm saw (`InProgress`, `Succeeded`, `Failed`, `Canceled`).
    pub status: String,
    /// The folder URL of a finished backup.
    #[serde(default)]
    pub folder_url: Option<String>,
    /// When mhsm last saw the job (Unix seconds).
    pub updated: i64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    hsm: String,
    jobs: Vec<Entry>,
}

/// The journal of one HSM.
pub struct Journal {
    path: PathBuf,
    hsm: String,
}

/// Unix seconds now.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// A storage URL as the journal may keep it: without a query string (where a SAS could hide).
pub fn without_query(uri: &str) -> String {
    uri.split(['?', '#']).next().unwrap_or_default().to_string()
}

impl Journal {
    /// The journal of `hsm`; `None` when there is no cache directory or `MHSM_JOB_JOURNAL=0`.
    pub fn for_hsm(hsm: &HsmEndpoint) -> Option<Journal> {
        if std::env::var("MHSM_JOB_JOURNAL")
            .is_ok_and(|v| v == "0" || v.eq_ignore_ascii_case("false"))
        {
            return None;
        }
        let host = hsm.base.host_str()?;
        let mut file: String = host
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if let Some(p) = hsm.base.port() {
            file.push_str(&format!("_{p}"));
        }
        let dir = crate::client::auth::cache_dir()?.join("jobs");
        Some(Journal {
            path: dir.join(format!("{file}.json")),
            hsm: hsm.base.to_string(),
        })
    }

    /// The jobs, oldest first.
    pub fn entries(&self) -> Vec<Entry> {
        std::fs::read(&self.path)
            .ok()
            .and_then(|b| serde_json::from_slice::<File>(&b).ok())
            .map(|f| f.jobs)
            .unwrap_or_default()
    }

    /// The newest job among `ops`.
    pub fn latest(&self, ops: &[Operation]) -> Option<Entry> {
        self.entries()
            .into_iter()
            .rev()
            .find(|e| ops.contains(&e.operation))
    }

    /// Adds a job (or replaces the entry with its id).
    pub fn record(&self, mut entry: Entry) {
        entry.storage_resource_uri = without_query(&entry.storage_resource_uri);
        let mut jobs = self.entries();
        jobs.retain(|e| e.job_id != entry.job_id);
        jobs.push(entry);
        self.write(jobs);
    }

    /// Notes a job's latest status (and a finished backup's folder URL).
    pub fn update(&self, job_id: &str, status: &str, folder_url: Option<&str>) {
        let mut jobs = self.entries();
        let Some(e) = jobs.iter_mut().find(|e| e.job_id == job_id) else {
            return;
        };
        if e.status == status && folder_url.is_none() {
            return;
        }
        e.status = status.to_string();
        if let Some(u) = folder_url {
            e.folder_url = Some(without_query(u));
        }
        e.updated = now();
        self.write(jobs);
    }

    fn write(&self, mut jobs: Vec<Entry>) {
        if jobs.len() > KEEP {
            jobs.drain(..jobs.len() - KEEP);
        }
        let Some(dir) = self.path.parent() else {
            return;
        };
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        if builder.create(dir).is_err() {
            return;
        }
        let file = File {
            hsm: self.hsm.clone(),
            jobs,
        };
        let Ok(text) = serde_json::to_vec_pretty(&file) else {
            return;
        };
        let tmp = self
            .path
            .with_extension(format!("tmp{}", std::process::id()));
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        use std::io::Write;
        if let Ok(mut f) = opts.open(&tmp)
            && f.write_all(&text).is_ok()
        {
            let _ = std::fs::rename(&tmp, &self.path);
        } else {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, op: Operation) -> Entry {
        Entry {
            job_id: id.into(),
            operation: op,
            hsm: "https://h/".into(),
            hsm_name: Some("h".into()),
            storage_resource_uri: "https://a.blob.core.windows.net/c?sv=1&sig=SECRET".into(),
            folder: None,
            key_name: None,
            started: 1,
            status: "InProgress".into(),
            folder_url: None,
            updated: 1,
        }
    }

    #[test]
    fn records_updates_and_never_keeps_a_sas() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal {
            path: dir.path().join("jobs").join("h.json"),
            hsm: "https://h/".into(),
        };
        assert!(j.latest(&[Operation::Backup]).is_none());
        j.record(entry("b1", Operation::Backup));
        j.record(entry("r1", Operation::Restore));
        j.update(
            "b1",
            "Succeeded",
            Some("https://a.blob.core.windows.net/c/mhsm-h-1?x=y"),
        );
        let b = j.latest(&[Operation::Backup]).unwrap();
        assert_eq!(b.status, "Succeeded");
        assert_eq!(
            b.folder_url.as_deref(),
            Some("https://a.blob.core.windows.net/c/mhsm-h-1")
        );
        assert_eq!(
            j.latest(&[Operation::Restore, Operation::KeyRestore])
                .unwrap()
                .job_id,
            "r1"
        );
        let text = std::fs::read_to_string(&j.path).unwrap();
        assert!(!text.contains("SECRET") && !text.contains("sig="), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&j.path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        for i in 0..60 {
            j.record(entry(&format!("x{i}"), Operation::Backup));
        }
        assert_eq!(j.entries().len(), KEEP);
        assert_eq!(j.entries().last().unwrap().job_id, "x59");
    }
}
