//! Cloud selection (`--cloud` / `MHSM_CLOUD`: a built-in cloud name or a cloud-profile file such
//! as an emulator's `cloud.json`) and HSM addressing (`--hsm-name` → data-plane URL through the
//! cloud's DNS rule; `--id` URLs as az accepts them).

use url::Url;

use super::{Client, ClientError, Result};
use crate::wire::cloud::{CloudProfile, HsmDnsRule};

/// Loads the cloud: a path to a profile file, or a built-in name (default `AzureCloud`).
pub fn load(arg: Option<&str>) -> Result<CloudProfile> {
    let Some(arg) = arg.filter(|a| !a.is_empty()) else {
        return Ok(CloudProfile::azure_public());
    };
    if let Some(c) = CloudProfile::builtin(arg) {
        return Ok(c);
    }
    let path = std::path::Path::new(arg);
    let text = std::fs::read_to_string(path).map_err(|e| {
        ClientError::Config(format!(
            "The cloud '{arg}' is neither a built-in cloud (AzureCloud, AzureChinaCloud, AzureUSGovernment) nor a readable cloud profile file: {e}"
        ))
    })?;
    let mut profile: CloudProfile = serde_json::from_str(&text)
        .map_err(|e| ClientError::Config(format!("The cloud profile '{arg}' is not valid: {e}")))?;
    // A relative CA path is relative to the profile file.
    if let Some(ca) = &profile.ca_file
        && ca.is_relative()
        && let Some(dir) = path.parent()
    {
        profile.ca_file = Some(dir.join(ca));
    }
    Ok(profile)
}

/// The HSM base URL of an `--id` (`https://host[:port][/...]` → `https://host[:port]/`), as az
/// keeps the first three `/`-segments.
pub fn hsm_url_from_id(id: &str) -> Result<Url> {
    let u = Url::parse(id.trim())
        .ok()
        .filter(|u| u.scheme() == "https" && u.host_str().is_some())
        .ok_or_else(|| ClientError::Config("Invalid id for Vault or HSM.".into()))?;
    let mut base = format!("https://{}", u.host_str().unwrap_or_default());
    if let Some(p) = u.port() {
        base.push_str(&format!(":{p}"));
    }
    base.push('/');
    Ok(Url::parse(&base).expect("valid base URL"))
}

impl Client {
    /// The data-plane URL of the HSM named `name` in the active cloud. A name that does not
    /// exist gives [`ClientError::HsmNotFound`] (never a raw DNS error: az pain point 6).
    pub async fn hsm_url(&self, name: &str) -> Result<Url> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ClientError::Config("The HSM name is empty.".into()));
        }
        // `host:port` (az's form for a loopback HSM in a custom cloud) is used as is.
        if name.contains(':') {
            return hsm_url_from_id(&format!("https://{name}"));
        }
        match &self.cloud.hsm_dns {
            HsmDnsRule::Suffix(suffix) => {
                Url::parse(&format!("https://{name}{suffix}/")).map_err(|_| {
                    ClientError::HsmNotFound {
                        name: name.to_string(),
                        detail: "it is not a valid host name".into(),
                    }
                })
            }
            HsmDnsRule::Resolver(template) => {
                let url = template.replace("{name}", name);
                let resp =
                    self.http()
                        .get(&url)
                        .send()
                        .await
                        .map_err(|e| ClientError::Connect {
                            url: url.clone(),
                            detail: e.to_string(),
                        })?;
                if resp.status().as_u16() == 404 {
                    return Err(ClientError::HsmNotFound {
                        name: name.to_string(),
                        detail: format!(
                            "no HSM of that name exists in cloud '{}'",
                            self.cloud.name
                        ),
                    });
                }
                let v: serde_json::Value = resp.json().await.map_err(|e| ClientError::Decode {
                    url: url.clone(),
                    detail: e.to_string(),
                })?;
                if let Some(p) = v["privateUri"].as_str() {
                    self.note_private_uri(name, p);
                }
                let uri = v["hsmUri"].as_str().ok_or_else(|| ClientError::Decode {
                    url,
                    detail: "no hsmUri in the resolver's answer".into(),
                })?;
                hsm_url_from_id(uri)
            }
        }
    }

    /// Maps a DNS failure on a data-plane URL to "HSM not found".
    pub fn hsm_dns_error(&self, name: &str, e: ClientError) -> ClientError {
        match e {
            ClientError::Dns { host, .. } => ClientError::HsmNotFound {
                name: name.to_string(),
                detail: format!("the host '{host}' does not resolve"),
            },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_scheme_host_port() {
        assert_eq!(
            hsm_url_from_id("https://myhsm.managedhsm.azure.net/keys/k/1")
                .unwrap()
                .as_str(),
            "https://myhsm.managedhsm.azure.net/"
        );
        assert_eq!(
            hsm_url_from_id("https://127.0.0.1:8443").unwrap().as_str(),
            "https://127.0.0.1:8443/"
        );
        assert!(hsm_url_from_id("myhsm").is_err());
        assert!(hsm_url_from_id("http://x").is_err());
    }

    #[test]
    fn builtin_clouds() {
        assert_eq!(load(None).unwrap().name, "AzureCloud");
        assert_eq!(
            load(Some("azurechinacloud")).unwrap().arm_url,
            "https://management.chinacloudapi.cn/"
        );
        assert!(load(Some("/nonexistent/cloud.json")).is_err());
    }
}
