//! Full backup / restore REST shapes (rest-api.md §5.4, §10 and §14 (c)(d); spec
//! `administration.json`): the request parameters and the job bodies of `/backup`, `/restore`,
//! `/keys/{name}/restore`, `/prebackup`, `/prerestore` and their `/pending` status.
//!
//! Job bodies serialise every member, `null` included, as the recorded traffic shows
//! (`"statusDetails":null,"error":null,"endTime":null`); only the backup body has
//! `azureStorageBlobContainerUri`.

use serde::{Deserialize, Serialize};

/// api-version az 2.91 (`KeyVaultBackupClient`) sends for backup and restore.
pub const BACKUP_API_VERSION: &str = "7.5-preview.1";

/// Job states (`OperationStatus`).
pub mod status {
    pub const IN_PROGRESS: &str = "InProgress";
    pub const SUCCEEDED: &str = "Succeeded";
    pub const FAILED: &str = "Failed";
    pub const CANCELED: &str = "Canceled";
}

/// Where a backup goes or comes from, and how the HSM authenticates to it (`SASTokenParameter`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SasTokenParameter {
    /// `https://{account}.blob.{suffix}/{container}`.
    pub storage_resource_uri: String,
    /// A container SAS (`sv=…&sig=…`, without a leading `?`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Authenticate with the HSM's user-assigned managed identity instead of a SAS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_managed_identity: Option<bool>,
}

/// Body of `POST /prebackup` (every member optional).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PreBackupParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_resource_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_managed_identity: Option<bool>,
}

/// Body of `PUT /restore` and `PUT /prerestore`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RestoreParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sas_token_parameters: Option<SasTokenParameter>,
    /// Folder of the backup inside the container (`mhsm-{name}-{yyyyMMddHHmmss}{2 digits}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_to_restore: Option<String>,
}

/// Body of `PUT /keys/{name}/restore` (selective key restore).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SelectiveKeyRestoreParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sas_token_parameters: Option<SasTokenParameter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
}

/// The `error` member of a job (`Error`: code, message, nested innererror; nullable).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct JobError {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub innererror: Option<Box<JobError>>,
}

/// `FullBackupOperation`: the body of `POST /backup`, `POST /prebackup` and
/// `GET /backup/{jobId}/pending`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FullBackupOperation {
    pub status: String,
    #[serde(default)]
    pub status_details: Option<String>,
    #[serde(default)]
    pub error: Option<JobError>,
    #[serde(default)]
    pub start_time: Option<i64>,
    #[serde(default)]
    pub end_time: Option<i64>,
    pub job_id: String,
    /// The backup's folder URL once the backup succeeded, else `null`.
    #[serde(default)]
    pub azure_storage_blob_container_uri: Option<String>,
}

/// `RestoreOperation` / `SelectiveKeyRestoreOperation`: the body of `PUT /restore`,
/// `PUT /prerestore`, `PUT /keys/{name}/restore` and `GET /restore/{jobId}/pending`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RestoreOperation {
    pub status: String,
    #[serde(default)]
    pub status_details: Option<String>,
    #[serde(default)]
    pub error: Option<JobError>,
    pub job_id: String,
    #[serde(default)]
    pub start_time: Option<i64>,
    #[serde(default)]
    pub end_time: Option<i64>,
}

/// Whether a job status is terminal (the SDKs' test: succeeded, canceled or failed, any case).
pub fn is_terminal(status: &str) -> bool {
    matches!(
        status.to_ascii_lowercase().as_str(),
        "succeeded" | "canceled" | "cancelled" | "failed"
    )
}

/// The service's backup folder name: `mhsm-{hsmName}-{yyyyMMddHHmmss}{2 digits}` (UTC; the two
/// digits are hundredths of a second, as in the recorded `mhsm-timovkeyvaulthsm-2022102422582377`).
pub fn backup_folder_name(hsm_name: &str, at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "mhsm-{}-{:04}{:02}{:02}{:02}{:02}{:02}{:02}",
        hsm_name,
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond() / 10
    )
}

/// Parses a backup folder name into `(hsm name, time)`; `None` when it is not one.
pub fn parse_backup_folder_name(folder: &str) -> Option<(String, time::OffsetDateTime)> {
    let rest = folder.strip_prefix("mhsm-")?;
    let (name, stamp) = rest.rsplit_once('-')?;
    if name.is_empty() || stamp.len() < 14 || !stamp.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| stamp[r].parse::<u32>().ok();
    let month = time::Month::try_from(n(4..6)? as u8).ok()?;
    let date = time::Date::from_calendar_date(n(0..4)? as i32, month, n(6..8)? as u8).ok()?;
    let mut ms = 0u16;
    if stamp.len() >= 16 {
        ms = (n(14..16)? * 10) as u16;
    }
    let t =
        time::Time::from_hms_milli(n(8..10)? as u8, n(10..12)? as u8, n(12..14)? as u8, ms).ok()?;
    Some((name.to_string(), date.with_time(t).assume_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_bodies_match_the_recorded_traffic() {
        // rest-api.md §14 (c): the 202 body of POST /backup.
        let recorded = r#"{"status":"InProgress","statusDetails":null,"error":null,"startTime":1666652303,"endTime":null,"jobId":"029616fdc0e24bdda8ddb5e188b92b59","azureStorageBlobContainerUri":null}"#;
        let op: FullBackupOperation = serde_json::from_str(recorded).unwrap();
        assert_eq!(op.status, status::IN_PROGRESS);
        let again = serde_json::to_value(&op).unwrap();
        assert_eq!(
            again,
            serde_json::from_str::<serde_json::Value>(recorded).unwrap()
        );
        // §14 (d): a finished restore.
        let done = r#"{"endTime":1668625838,"error":null,"jobId":"77e1763e96354707ba19ecbc4aa96caa","startTime":1668625827,"status":"Succeeded","statusDetails":null}"#;
        let r: RestoreOperation = serde_json::from_str(done).unwrap();
        assert!(is_terminal(&r.status));
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::from_str::<serde_json::Value>(done).unwrap()
        );
        // Requests: az's body of a SAS backup, and a restore's.
        let p = SasTokenParameter {
            storage_resource_uri: "https://a.blob.core.windows.net/c".into(),
            token: Some("sv=x&sig=y".into()),
            use_managed_identity: None,
        };
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"storageResourceUri":"https://a.blob.core.windows.net/c","token":"sv=x&sig=y"}"#
        );
        let r = RestoreParameters {
            sas_token_parameters: Some(p),
            folder_to_restore: Some("mhsm-h-2022111619101572".into()),
        };
        assert!(
            serde_json::to_string(&r)
                .unwrap()
                .ends_with(r#""folderToRestore":"mhsm-h-2022111619101572"}"#)
        );
    }

    #[test]
    fn folder_names_round_trip() {
        let at = time::macros::datetime!(2022-10-24 22:58:23.779 UTC);
        let f = backup_folder_name("timovkeyvaulthsm", at);
        assert_eq!(f, "mhsm-timovkeyvaulthsm-2022102422582377");
        let (name, t) = parse_backup_folder_name(&f).unwrap();
        assert_eq!(name, "timovkeyvaulthsm");
        assert_eq!(t, time::macros::datetime!(2022-10-24 22:58:23.770 UTC));
        // Names with dashes, and the documented form without the two digits.
        let (name, _) = parse_backup_folder_name("mhsm-my-hsm-1-20240601120000").unwrap();
        assert_eq!(name, "my-hsm-1");
        for bad in [
            "backup",
            "mhsm-x",
            "mhsm--20240601120000",
            "mhsm-x-2024060112000a",
        ] {
            assert!(parse_backup_folder_name(bad).is_none(), "{bad}");
        }
    }
}
