//! Base of the Managed HSM data-plane operations: the HSM a command targets and URL building.

use url::Url;

use super::{ClientError, Result};

/// A Managed HSM data plane, addressed by its base URL.
#[derive(Debug, Clone)]
pub struct HsmEndpoint {
    /// `https://<host>[:port]/`.
    pub base: Url,
    /// The name the user gave (for messages), if any.
    pub name: Option<String>,
}

impl HsmEndpoint {
    /// URL of `path` (which may start with `/`) with `api-version`.
    pub fn url(&self, path: &str, api_version: &str) -> Result<Url> {
        let mut u = self
            .base
            .join(path.trim_start_matches('/'))
            .map_err(|e| ClientError::Config(format!("invalid data-plane path '{path}': {e}")))?;
        u.query_pairs_mut().append_pair("api-version", api_version);
        Ok(u)
    }
}
