//! Microsoft Graph lookups (az's `--assignee` resolution and principal names).

use reqwest::Method;
use url::Url;

use super::{Client, ClientError, Plane, Request, Result};
use crate::wire::graph::{DirectoryObject, GetByIdsRequest, GraphList};

impl Client {
    fn graph(&self, path_and_query: &str) -> Result<Url> {
        let base = self.cloud.graph_url.trim_end_matches('/');
        Url::parse(&format!("{base}/v1.0{path_and_query}"))
            .map_err(|e| ClientError::Config(format!("invalid Graph URL: {e}")))
    }

    /// `POST /v1.0/directoryObjects/getByIds`.
    pub async fn get_directory_objects(&self, ids: &[String]) -> Result<Vec<DirectoryObject>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let url = self.graph("/directoryObjects/getByIds")?;
        let body = GetByIdsRequest {
            ids: ids.to_vec(),
            types: [
                "user",
                "group",
                "servicePrincipal",
                "directoryObjectPartnerReference",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        };
        let list: GraphList<DirectoryObject> = self
            .send(Request::new(Method::POST, url, Plane::Graph).json(&body))
            .await?
            .json()?;
        Ok(list.value)
    }

    /// `GET /v1.0/{collection}?$filter=…`.
    pub async fn graph_filter(
        &self,
        collection: &str,
        filter: &str,
    ) -> Result<Vec<DirectoryObject>> {
        let mut url = self.graph(&format!("/{collection}"))?;
        url.query_pairs_mut().append_pair("$filter", filter);
        let list: GraphList<DirectoryObject> = self
            .send(Request::new(Method::GET, url, Plane::Graph))
            .await?
            .json()?;
        Ok(list.value)
    }
}
