//! The storage arguments shared by `backup start`, `restore start`, `key restore` and `backup
//! list`: one clap group with az's flags (`--storage-resource-uri` | `--storage-account-name` +
//! `--blob-container-name`, `-t`, `--use-managed-identity`), newtypes that parse them at the
//! clap boundary, and az's validation messages in az's order.

use std::str::FromStr;
use zeroize::Zeroizing;

use crate::commands::CliError;
use crate::wire::backup::SasTokenParameter;
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
}
