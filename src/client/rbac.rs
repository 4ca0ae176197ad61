//! Local RBAC operations of a Managed HSM (api-version 7.4, as az): role assignments and role
//! definitions at `/`, `/keys`, `/keys/<name>`.

use reqwest::Method;

use super::hsm::HsmEndpoint;
use super::{Client, Plane, Request, Result};
use crate::wire::rbac::{
    ListResult, RBAC_API_VERSION, RoleAssignment, RoleAssignmentCreate,
    RoleAssignmentCreateProperties, RoleDefinition, RoleDefinitionCreate, RoleDefinitionProperties,
    Scope, role_definition_id,
};

fn assignments_path(scope: &Scope, name: Option<&str>) -> String {
    let mut p = format!(
        "{}/providers/Microsoft.Authorization/roleAssignments",
        scope.path_prefix()
    );
    if let Some(n) = name {
        p.push('/');
        p.push_str(n);
    }
    p
}

fn definitions_path(scope: &Scope, name: Option<&str>) -> String {
    let mut p = format!(
        "{}/providers/Microsoft.Authorization/roleDefinitions",
        scope.path_prefix()
    );
    if let Some(n) = name {
        p.push('/');
        p.push_str(n);
    }
    p
}

impl Client {
    /// Sends a data-plane request; a DNS failure means the HSM does not exist.
    pub async fn hsm_send(&self, hsm: &HsmEndpoint, req: Request) -> Result<super::Response> {
        self.send(req).await.map_err(|e| match &hsm.name {
            Some(n) => self.hsm_dns_error(n, e),
            None => e,
        })
    }

    /// `GET /{scope}/providers/Microsoft.Authorization/roleAssignments` (all pages).
    pub async fn list_role_assignments(
        &self,
        hsm: &HsmEndpoint,
        scope: &Scope,
        filter: Option<&str>,
    ) -> Result<Vec<RoleAssignment>> {
        let mut url = hsm.url(&assignments_path(scope, None), RBAC_API_VERSION)?;
        if let Some(f) = filter {
            url.query_pairs_mut().append_pair("$filter", f);
        }
        let mut out = Vec::new();
        let mut next = Some(url);
        while let Some(u) = next {
            let page: ListResult<RoleAssignment> = self
                .hsm_send(hsm, Request::new(Method::GET, u, Plane::Hsm))
                .await?
                .json()?;
            out.extend(page.value);
            next = page.next_link.and_then(|l| url::Url::parse(&l).ok());
        }
        Ok(out)
    }

    /// `PUT …/roleAssignments/{name}`.
    pub async fn create_role_assignment(
        &self,
        hsm: &HsmEndpoint,
        scope: &Scope,
        name: &str,
        role_guid: &str,
        principal_id: &str,
    ) -> Result<RoleAssignment> {
        let url = hsm.url(&assignments_path(scope, Some(name)), RBAC_API_VERSION)?;
        let body = RoleAssignmentCreate {
            properties: RoleAssignmentCreateProperties {
                role_definition_id: role_definition_id(role_guid),
                principal_id: principal_id.to_string(),
            },
        };
        self.hsm_send(hsm, Request::new(Method::PUT, url, Plane::Hsm).json(&body))
            .await?
            .json()
    }

    /// `DELETE …/roleAssignments/{name}`.
    pub async fn delete_role_assignment(
        &self,
        hsm: &HsmEndpoint,
        scope: &Scope,
        name: &str,
    ) -> Result<RoleAssignment> {
        let url = hsm.url(&assignments_path(scope, Some(name)), RBAC_API_VERSION)?;
        self.hsm_send(hsm, Request::new(Method::DELETE, url, Plane::Hsm))
            .await?
            .json()
    }

    /// `GET /{scope}/providers/Microsoft.Authorization/roleDefinitions`.
    pub async fn list_role_definitions(
        &self,
        hsm: &HsmEndpoint,
        scope: &Scope,
    ) -> Result<Vec<RoleDefinition>> {
        let url = hsm.url(&definitions_path(scope, None), RBAC_API_VERSION)?;
        let page: ListResult<RoleDefinition> = self
            .hsm_send(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await?
            .json()?;
        Ok(page.value)
    }

    /// `GET /providers/Microsoft.Authorization/roleDefinitions/{name}`.
    pub async fn get_role_definition(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
    ) -> Result<RoleDefinition> {
        let url = hsm.url(
            &definitions_path(&Scope::Root, Some(name)),
            RBAC_API_VERSION,
        )?;
        self.hsm_send(hsm, Request::new(Method::GET, url, Plane::Hsm))
            .await?
            .json()
    }

    /// `PUT /providers/Microsoft.Authorization/roleDefinitions/{name}` (create or update).
    pub async fn set_role_definition(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
        properties: RoleDefinitionProperties,
    ) -> Result<RoleDefinition> {
        let url = hsm.url(
            &definitions_path(&Scope::Root, Some(name)),
            RBAC_API_VERSION,
        )?;
        self.hsm_send(
            hsm,
            Request::new(Method::PUT, url, Plane::Hsm).json(&RoleDefinitionCreate { properties }),
        )
        .await?
        .json()
    }

    /// `DELETE /providers/Microsoft.Authorization/roleDefinitions/{name}`.
    pub async fn delete_role_definition(
        &self,
        hsm: &HsmEndpoint,
        name: &str,
    ) -> Result<RoleDefinition> {
        let url = hsm.url(
            &definitions_path(&Scope::Root, Some(name)),
            RBAC_API_VERSION,
        )?;
        self.hsm_send(hsm, Request::new(Method::DELETE, url, Plane::Hsm))
            .await?
            .json()
    }
}

impl Client {
    /// The principal ids the HSM authorizes the caller as: the object id (`oid`) of its
    /// data-plane token and, for users, its `groups`. Read from the token's claims without
    /// verifying them (the HSM verifies the token; this only predicts its decision).
    pub async fn caller_principal_ids(&self) -> Result<Vec<String>> {
        let scope = format!(
            "{}/.default",
            self.cloud.mhsm_audience.trim_end_matches('/')
        );
        let token = self.token_for(&scope).await?;
        let claims = token
            .split('.')
            .nth(1)
            .and_then(|p| crate::crypto::b64::b64url_decode_lenient(p).ok())
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .ok_or_else(|| super::ClientError::Config("the access token is not a JWT".into()))?;
        let mut ids: Vec<String> = claims["oid"]
            .as_str()
            .map(|s| vec![s.to_ascii_lowercase()])
            .unwrap_or_default();
        if let Some(groups) = claims["groups"].as_array() {
            ids.extend(
                groups
                    .iter()
                    .filter_map(|g| g.as_str())
                    .map(str::to_ascii_lowercase),
            );
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_per_scope() {
        // az-surface.md §4: '' and '/' both render as {hsm}/providers/…, /keys as {hsm}/keys/providers/….
        assert_eq!(
            assignments_path(&Scope::Root, None),
            "/providers/Microsoft.Authorization/roleAssignments"
        );
        assert_eq!(
            assignments_path(&Scope::Keys, Some("n")),
            "/keys/providers/Microsoft.Authorization/roleAssignments/n"
        );
        assert_eq!(
            definitions_path(&Scope::Key("k".into()), None),
            "/keys/k/providers/Microsoft.Authorization/roleDefinitions"
        );
    }
}
