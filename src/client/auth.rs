//! Credentials: where mhsm gets its tokens, in this documented order (the first one configured
//! is used, and its failure is reported rather than silently skipped):
//!
//! 1. `MHSM_ACCESS_TOKEN` — a bearer token obtained elsewhere (scripts, tests).
//! 2. `AZURE_CLIENT_ID` + `AZURE_CLIENT_SECRET` + `AZURE_TENANT_ID` — a service principal.
//! 3. `AZURE_USERNAME` + `AZURE_PASSWORD` (+ `AZURE_TENANT_ID`, optional `AZURE_CLIENT_ID`) — a
//!    user, by the resource-owner password flow (as the SDKs' EnvironmentCredential).
//! 4. `AZURE_FEDERATED_TOKEN_FILE` + `AZURE_CLIENT_ID` + `AZURE_TENANT_ID` — workload identity.
//! 5. `IDENTITY_ENDPOINT` + `IDENTITY_HEADER` — App Service managed identity (`AZURE_CLIENT_ID`
//!    picks a user-assigned one).
//! 6. The Azure CLI's signed-in session (`az login`), when `az` is installed.
//!
//! Identity-provider traffic uses the cloud's authority and trusts its CA file.
//!
//! Tokens are cached for the process and, like az's MSAL cache, on disk
//! (`$XDG_CACHE_HOME/mhsm/tokens.json`, owner-only; `MHSM_TOKEN_CACHE=0` turns it off), keyed by
//! the cloud, the credential's identity (a hash of its secret, never the secret) and the scope,
//! so consecutive commands skip the token request. A token the service refuses (401) is dropped
//! and fetched again once.

use azure_core::credentials::{Secret, TokenCredential};
use azure_core::http::{ClientOptions, Transport};
use std::collections::HashMap;
use std::sync::Arc;

use super::{ClientError, Observer, Result};
use crate::wire::cloud::CloudProfile;
use crate::wire::error::OAuthError;
use crate::wire::identity::TokenResponse;

/// Client id used for the password flow when `AZURE_CLIENT_ID` is not set (the Azure CLI's
/// public client).
pub const AZ_CLI_CLIENT_ID: &str = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

enum Source {
    Static(String),
    Azure {
        name: &'static str,
        cred: Arc<dyn TokenCredential>,
    },
    Password {
        token_url: String,
        client_id: String,
        username: String,
        password: String,
    },
    Missing,
}

/// The selected credential plus a per-process token cache.
pub struct Credentials {
    source: Source,
    http: reqwest::Client,
    cache: tokio::sync::Mutex<HashMap<String, (String, time::OffsetDateTime)>>,
    obs: Arc<dyn Observer>,
    /// The on-disk cache and this credential's identity in it (`None`: not cached on disk).
    disk: Option<(std::path::PathBuf, String)>,
}

/// sha256 hex of a string (cache identities never hold secrets).
fn digest(s: &str) -> String {
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, s.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// mhsm's cache directory: `$XDG_CACHE_HOME/mhsm`, else `~/.cache/mhsm` (the token cache and
/// the backup/restore job journal live here).
pub fn cache_dir() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cache")))?;
    Some(base.join("mhsm"))
}

fn cache_file() -> Option<std::path::PathBuf> {
    if std::env::var("MHSM_TOKEN_CACHE").is_ok_and(|v| v == "0" || v.eq_ignore_ascii_case("false"))
    {
        return None;
    }
    Some(cache_dir()?.join("tokens.json"))
}

type DiskEntries = HashMap<String, (String, i64)>;

fn read_disk(path: &std::path::Path) -> DiskEntries {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Writes the cache atomically, owner-only, dropping expired entries.
fn write_disk(path: &std::path::Path, mut entries: DiskEntries) {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    entries.retain(|_, (_, exp)| *exp > now);
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let Ok(text) = serde_json::to_vec(&entries) else {
        return;
    };
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
        let _ = std::fs::rename(&tmp, path);
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Credentials {
    /// Selects the credential from the environment (order in the module docs).
    pub fn from_env(
        cloud: &CloudProfile,
        http: reqwest::Client,
        obs: Arc<dyn Observer>,
    ) -> Result<Credentials> {
        let tenant = env("AZURE_TENANT_ID").or_else(|| cloud.tenant_id.clone());
        let options = || {
            let mut custom = azure_core::cloud::CustomConfiguration::default();
            custom.authority_host = cloud.authority.clone();
            ClientOptions {
                transport: Some(Transport::new(Arc::new(http.clone()))),
                cloud: Some(Arc::new(custom.into())),
                ..Default::default()
            }
        };
        let cfg =
            |e: azure_core::Error| ClientError::Auth(format!("credential configuration: {e}"));
        let need_tenant = |what: &str| {
            tenant.clone().ok_or_else(|| {
                ClientError::Auth(format!(
                    "{what} needs AZURE_TENANT_ID (the directory tenant id)."
                ))
            })
        };
        let source = if let Some(t) = env("MHSM_ACCESS_TOKEN") {
            Source::Static(t)
        } else if let (Some(id), Some(secret)) =
            (env("AZURE_CLIENT_ID"), env("AZURE_CLIENT_SECRET"))
        {
            let t = need_tenant("AZURE_CLIENT_SECRET")?;
            let cred = azure_identity::ClientSecretCredential::new(
                &t,
                id,
                Secret::new(secret),
                Some(azure_identity::ClientSecretCredentialOptions {
                    client_options: options(),
                }),
            )
            .map_err(cfg)?;
            Source::Azure {
                name: "ClientSecretCredential",
                cred,
            }
        } else if let (Some(username), Some(password)) =
            (env("AZURE_USERNAME"), env("AZURE_PASSWORD"))
        {
            let t = tenant.clone().unwrap_or_else(|| "organizations".into());
            Source::Password {
                token_url: format!(
                    "{}/{t}/oauth2/v2.0/token",
                    cloud.authority.trim_end_matches('/')
                ),
                client_id: env("AZURE_CLIENT_ID").unwrap_or_else(|| AZ_CLI_CLIENT_ID.into()),
                username,
                password,
            }
        } else if env("AZURE_FEDERATED_TOKEN_FILE").is_some() {
            let t = need_tenant("Workload identity")?;
            let cred = azure_identity::WorkloadIdentityCredential::new(Some(
                azure_identity::WorkloadIdentityCredentialOptions {
                    tenant_id: Some(t),
                    credential_options: azure_identity::ClientAssertionCredentialOptions {
                        client_options: options(),
                    },
                    ..Default::default()
                },
            ))
            .map_err(cfg)?;
            Source::Azure {
                name: "WorkloadIdentityCredential",
                cred,
            }
        } else if env("IDENTITY_ENDPOINT").is_some() && env("IDENTITY_HEADER").is_some() {
            let cred = azure_identity::ManagedIdentityCredential::new(Some(
                azure_identity::ManagedIdentityCredentialOptions {
                    user_assigned_id: env("AZURE_CLIENT_ID")
                        .map(azure_identity::UserAssignedId::ClientId),
                    client_options: options(),
                },
            ))
            .map_err(cfg)?;
            Source::Azure {
                name: "ManagedIdentityCredential",
                cred,
            }
        } else if az_installed() {
            let cred = azure_identity::AzureCliCredential::new(Some(
                azure_identity::AzureCliCredentialOptions {
                    tenant_id: env("AZURE_TENANT_ID"),
                    ..Default::default()
                },
            ))
            .map_err(cfg)?;
            Source::Azure {
                name: "AzureCliCredential",
                cred,
            }
        } else {
            Source::Missing
        };
        // The cache identity: which credential this is, without its secret.
        let identity = match &source {
            Source::Static(_) | Source::Missing => None,
            Source::Azure { name, .. } => Some(format!(
                "{name}|{}|{}|{}|{}",
                env("AZURE_CLIENT_ID").unwrap_or_default(),
                tenant.clone().unwrap_or_default(),
                digest(&env("AZURE_CLIENT_SECRET").unwrap_or_default()),
                env("IDENTITY_ENDPOINT")
                    .or_else(|| env("AZURE_FEDERATED_TOKEN_FILE"))
                    .unwrap_or_default()
            )),
            Source::Password {
                token_url,
                client_id,
                username,
                password,
            } => Some(format!(
                "password|{token_url}|{client_id}|{username}|{}",
                digest(password)
            )),
        };
        let disk = identity.zip(cache_file()).map(|(id, file)| {
            (
                file,
                digest(&format!("{}|{}|{id}", cloud.name, cloud.authority)),
            )
        });
        Ok(Credentials {
            source,
            http,
            cache: tokio::sync::Mutex::new(HashMap::new()),
            obs,
            disk,
        })
    }

    /// A token for `scope`, cached for the life of the process.
    pub async fn token(&self, scope: &str, _tenant: Option<&str>) -> Result<String> {
        let mut cache = self.cache.lock().await;
        let now = time::OffsetDateTime::now_utc();
        if let Some((t, exp)) = cache.get(scope)
            && *exp > now + time::Duration::minutes(2)
        {
            return Ok(t.clone());
        }
        let disk_key = self
            .disk
            .as_ref()
            .map(|(_, id)| digest(&format!("{id}|{scope}")));
        if let (Some((file, _)), Some(k)) = (&self.disk, &disk_key)
            && let Some((t, exp)) = read_disk(file).get(k).cloned()
            && exp > (now + time::Duration::minutes(2)).unix_timestamp()
        {
            self.obs
                .debug(&format!("Token for '{scope}' from the token cache"));
            let exp = time::OffsetDateTime::from_unix_timestamp(exp).unwrap_or(now);
            cache.insert(scope.to_string(), (t.clone(), exp));
            return Ok(t);
        }
        let started = std::time::Instant::now();
        let (token, exp) = self.fetch(scope).await?;
        self.obs.debug(&format!(
            "Token for '{scope}' acquired in {} ms",
            started.elapsed().as_millis()
        ));
        cache.insert(scope.to_string(), (token.clone(), exp));
        if let (Some((file, _)), Some(k)) = (&self.disk, disk_key) {
            let mut entries = read_disk(file);
            entries.insert(k, (token.clone(), exp.unix_timestamp()));
            write_disk(file, entries);
        }
        Ok(token)
    }

    /// Drops a token the service refused, from memory and disk.
    pub async fn invalidate(&self, scope: &str) {
        self.cache.lock().await.remove(scope);
        if let Some((file, id)) = &self.disk {
            let mut entries = read_disk(file);
            if entries.remove(&digest(&format!("{id}|{scope}"))).is_some() {
                write_disk(file, entries);
            }
        }
    }

    /// Whether a refused token is worth fetching again (not a fixed token).
    pub fn can_refresh(&self) -> bool {
        !matches!(self.source, Source::Static(_) | Source::Missing)
    }

    async fn fetch(&self, scope: &str) -> Result<(String, time::OffsetDateTime)> {
        let far = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
        match &self.source {
            Source::Static(t) => Ok((t.clone(), far)),
            Source::Azure { name, cred } => {
                self.obs.debug(&format!("Getting a token for '{scope}' with {name}"));
                let t = cred.get_token(&[scope], None).await.map_err(|e| {
                    let mut msg = format!("{name} could not get a token for '{scope}': {e}");
                    if *name == "AzureCliCredential" {
                        msg = format!("Please run 'az login' to setup account. ({msg})");
                    }
                    ClientError::Auth(msg)
                })?;
                Ok((t.token.secret().to_string(), t.expires_on))
            }
            Source::Password { token_url, client_id, username, password } => {
                self.obs.debug(&format!("Getting a token for '{scope}' with the password flow for '{username}'"));
                let form = [
                    ("grant_type", "password"),
                    ("client_id", client_id.as_str()),
                    ("username", username.as_str()),
                    ("password", password.as_str()),
                    ("scope", scope),
                ];
                let resp = self
                    .http
                    .post(token_url)
                    .form(&form)
                    .send()
                    .await
                    .map_err(|e| ClientError::Auth(format!("cannot reach the identity provider at {token_url}: {e}")))?;
                let status = resp.status();
                let body = resp.bytes().await.unwrap_or_default();
                if !status.is_success() {
                    let detail = serde_json::from_slice::<OAuthError>(&body)
                        .map(|e| e.error_description)
                        .unwrap_or_else(|_| format!("HTTP {status}"));
                    return Err(ClientError::Auth(format!("Sign-in of '{username}' failed: {detail}")));
                }
                let t: TokenResponse = serde_json::from_slice(&body)
                    .map_err(|e| ClientError::Auth(format!("unexpected token response: {e}")))?;
                Ok((t.access_token, time::OffsetDateTime::now_utc() + time::Duration::seconds(t.expires_in as i64)))
            }
            Source::Missing => Err(ClientError::Auth(
                "Please run 'az login' to setup account. (No credential is configured: set AZURE_CLIENT_ID + AZURE_CLIENT_SECRET + AZURE_TENANT_ID, AZURE_USERNAME + AZURE_PASSWORD, IDENTITY_ENDPOINT + IDENTITY_HEADER, or sign in with the Azure CLI.)".into(),
            )),
        }
    }
}

fn az_installed() -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|p| p.join("az").is_file() || p.join("az.cmd").is_file())
    })
}

/// The default subscription of the Azure CLI (`~/.azure/azureProfile.json`), if any.
pub fn az_cli_default_subscription() -> Option<String> {
    let dir = std::env::var_os("AZURE_CONFIG_DIR")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".azure")))?;
    let text = std::fs::read_to_string(dir.join("azureProfile.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    v["subscriptions"]
        .as_array()?
        .iter()
        .find(|s| s["isDefault"].as_bool() == Some(true))
        .and_then(|s| s["id"].as_str())
        .map(str::to_string)
}
