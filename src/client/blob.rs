//! Azure Blob Storage, read-only and only as far as backups need it: listing the backup folders
//! of a container (List Blobs with `delimiter=/`, through object_store's Azure client).
//!
//! Where a container is reached: a URL of the form `https://{account}.blob.{storage_suffix}/{c}`
//! goes to the cloud profile's `blob_resolver` (`{account}` replaced; the emulator's path-style
//! Blob endpoint) when it has one; any other URL is used as given, its last path segment being
//! the container. Trust: the cloud's CA file only, when it names one; else the system's roots.
//! Authentication: a SAS, or a bearer token of the caller's own credential for the cloud's
//! storage audience. The SAS never appears in errors (object_store redacts such URLs).

use object_store::ObjectStore;
use object_store::azure::{AzureConfigKey, MicrosoftAzureBuilder};
use std::time::Duration;
use url::Url;

use super::{Client, ClientError, Result, scope_for};
use crate::wire::backup::parse_backup_folder_name;

/// A container as object_store addresses it.
#[derive(Debug, Clone, PartialEq)]
pub struct BlobContainer {
    /// The account's Blob service URL (`https://acct.blob.core.windows.net`, or the emulator's
    /// `https://127.0.0.1:P/acct`).
    pub account_url: String,
    pub account: String,
    pub container: String,
}

/// How the listing authenticates.
pub enum BlobAuth {
    /// A container SAS (`sv=…&sig=…`, a leading `?` tolerated).
    Sas(String),
    /// The caller's own token for the storage audience.
    Caller,
}

/// A backup folder of a container (`mhsm-{hsm}-{yyyyMMddHHmmss}{2 digits}`).
#[derive(Debug, Clone, PartialEq)]
pub struct BackupFolder {
    pub name: String,
    /// The HSM the backup was taken from (parsed from the name).
    pub hsm_name: String,
    /// When the backup was taken (UTC, parsed from the name).
    pub time: time::OffsetDateTime,
}

impl Client {
    /// Where the container at `container_uri` is served (see the module docs).
    pub fn blob_container(&self, container_uri: &str) -> Result<BlobContainer> {
        let bad = || {
            ClientError::Config(format!(
                "'{container_uri}' is not a Blob container URL (https://<account>.blob.{}/<container>).",
                self.cloud.storage_suffix
            ))
        };
        let url = Url::parse(container_uri).map_err(|_| bad())?;
        let host = url.host_str().ok_or_else(bad)?.to_string();
        let mut segments: Vec<String> = url
            .path_segments()
            .map(|s| s.filter(|x| !x.is_empty()).map(str::to_string).collect())
            .unwrap_or_default();
        let container = segments.pop().ok_or_else(bad)?;
        let blob_suffix = format!(".blob.{}", self.cloud.storage_suffix);
        let virtual_account = host
            .strip_suffix(&blob_suffix)
            .filter(|a| !a.is_empty() && !a.contains('.') && segments.is_empty());
        let origin = match url.port() {
            Some(p) => format!("{}://{host}:{p}", url.scheme()),
            None => format!("{}://{host}", url.scheme()),
        };
        let external = virtual_account.and_then(|a| self.cloud.blob_endpoints.get(a));
        let (account_url, account) = match (virtual_account, &self.cloud.blob_resolver) {
            (Some(acct), _) if external.is_some() => {
                (external.cloned().unwrap_or_default(), acct.to_string())
            }
            (Some(acct), Some(resolver)) => (resolver.replace("{account}", acct), acct.to_string()),
            (Some(acct), None) => (origin, acct.to_string()),
            (None, _) => {
                let account = segments
                    .last()
                    .cloned()
                    .unwrap_or_else(|| host.split('.').next().unwrap_or_default().to_string());
                let mut u = origin;
                for s in &segments {
                    u.push('/');
                    u.push_str(s);
                }
                (u, account)
            }
        };
        Ok(BlobContainer {
            account_url: account_url.trim_end_matches('/').to_string(),
            account,
            container,
        })
    }

    /// The backup folders of a container, newest first (other folders and loose blobs are not
    /// backups and are left out).
    pub async fn list_backup_folders(
        &self,
        c: &BlobContainer,
        auth: BlobAuth,
    ) -> Result<Vec<BackupFolder>> {
        let mut options = object_store::ClientOptions::new()
            .with_timeout(Duration::from_secs(60))
            .with_connect_timeout(Duration::from_secs(10));
        if let Some(ca) = &self.cloud.ca_file {
            let pem = std::fs::read(ca).map_err(|e| {
                ClientError::Config(format!(
                    "Cannot read the CA certificate '{}' of cloud '{}': {e}",
                    ca.display(),
                    self.cloud.name
                ))
            })?;
            let certs = object_store::Certificate::from_pem_bundle(&pem).map_err(|e| {
                ClientError::Config(format!(
                    "The CA file '{}' is not a PEM certificate: {e}",
                    ca.display()
                ))
            })?;
            for cert in certs {
                options = options.with_root_certificate(cert);
            }
            options = options.with_no_system_certificates(true);
        }
        let mut builder = MicrosoftAzureBuilder::new()
            .with_endpoint(c.account_url.clone())
            .with_account(c.account.clone())
            .with_container_name(c.container.clone())
            .with_client_options(options.with_allow_http(c.account_url.starts_with("http://")))
            .with_retry(object_store::RetryConfig {
                max_retries: 3,
                retry_timeout: Duration::from_secs(60),
                ..Default::default()
            });
        builder = match auth {
            BlobAuth::Sas(sas) => builder.with_config(AzureConfigKey::SasKey, sas),
            BlobAuth::Caller => {
                let scope = scope_for(&self.cloud.storage_audience);
                builder.with_bearer_token_authorization(self.token_for(&scope).await?)
            }
        };
        let store = builder
            .build()
            .map_err(|e| ClientError::Config(e.to_string()))?;
        self.obs.info(&format!(
            "Listing the backup folders of container '{}' at {}",
            c.container, c.account_url
        ));
        let listing = store
            .list_with_delimiter(None)
            .await
            .map_err(|e| storage_error(&c.account_url, &e.to_string()))?;
        let mut folders: Vec<BackupFolder> = listing
            .common_prefixes
            .iter()
            .filter_map(|p| {
                let name = p.as_ref().trim_end_matches('/').to_string();
                let (hsm_name, time) = parse_backup_folder_name(&name)?;
                Some(BackupFolder {
                    name,
                    hsm_name,
                    time,
                })
            })
            .collect();
        folders.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.name.cmp(&a.name)));
        Ok(folders)
    }
}

/// Classifies an object_store failure from its text (its HTTP error type is private): the
/// status and the Blob service's `<Code>`/`<Message>` when the service answered.
fn storage_error(account_url: &str, text: &str) -> ClientError {
    let status = text
        .split("status code: ")
        .nth(1)
        .and_then(|r| r.get(..3))
        .and_then(|s| s.parse::<u16>().ok());
    let xml = |tag: &str| {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let start = text.find(&open)? + open.len();
        let end = text[start..].find(&close)? + start;
        Some(text[start..end].to_string())
    };
    match status {
        Some(status) => {
            let code = xml("Code").unwrap_or_else(|| {
                reqwest::StatusCode::from_u16(status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("Error")
                    .replace(' ', "")
            });
            // The service appends "\nRequestId:…\nTime:…" to its message.
            let message = xml("Message")
                .map(|m| m.lines().next().unwrap_or_default().to_string())
                .unwrap_or_else(|| format!("The storage service answered HTTP {status}."));
            ClientError::Storage {
                status: Some(status),
                code,
                message,
            }
        }
        None if text.contains("invalid list response") || text.contains("list response body") => {
            ClientError::Decode {
                url: account_url.to_string(),
                detail: text.to_string(),
            }
        }
        None => ClientError::Connect {
            url: account_url.to_string(),
            detail: text.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Silent;
    use crate::wire::cloud::CloudProfile;
    use std::sync::Arc;

    fn client(resolver: Option<&str>) -> Client {
        let mut cloud = CloudProfile::azure_public();
        cloud.blob_resolver = resolver.map(str::to_string);
        Client::new(cloud, None, Arc::new(Silent)).unwrap()
    }

    #[test]
    fn containers_map_to_account_endpoints() {
        let c = client(None)
            .blob_container("https://acct.blob.core.windows.net/backups/")
            .unwrap();
        assert_eq!(
            c,
            BlobContainer {
                account_url: "https://acct.blob.core.windows.net".into(),
                account: "acct".into(),
                container: "backups".into()
            }
        );
        // The emulator: virtual-host URLs go through the resolver; path-style URLs as given.
        let emu = client(Some("https://127.0.0.1:9443/{account}"));
        let c = emu
            .blob_container("https://acct.blob.core.windows.net/backups")
            .unwrap();
        assert_eq!(c.account_url, "https://127.0.0.1:9443/acct");
        assert_eq!(c.container, "backups");
        let c = emu
            .blob_container("https://127.0.0.1:9443/acct/backups")
            .unwrap();
        assert_eq!(
            (c.account_url.as_str(), c.account.as_str()),
            ("https://127.0.0.1:9443/acct", "acct")
        );
        assert!(
            emu.blob_container("https://acct.blob.core.windows.net")
                .is_err()
        );
    }

    #[test]
    fn storage_errors_keep_the_service_code() {
        let e = storage_error(
            "https://a",
            "Generic MicrosoftAzure error: Error performing list request: Error performing GET REDACTED in 3ms - Server returned non-2xx status code: 404 Not Found: \u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ContainerNotFound</Code><Message>The specified container does not exist.\nRequestId:1\nTime:2</Message></Error>",
        );
        assert_eq!(
            e.to_string(),
            "(ContainerNotFound) The specified container does not exist."
        );
        assert!(matches!(
            storage_error("https://a", "HTTP error: connection refused"),
            ClientError::Connect { .. }
        ));
    }
}
