//! Shared pieces of the role commands: role and assignee resolution (fixing az's pain points:
//! role names resolve at any scope, built-in names need no read of `/`), and the az output shapes
//! of assignments and definitions.

use serde_json::{Value, json};
use std::collections::HashMap;

use crate::client::Client;
use crate::client::hsm::HsmEndpoint;
use crate::commands::CliError;
use crate::commands::view::rows;
use crate::output::Row;
use crate::wire::graph::DirectoryObject;
use crate::wire::rbac::{
    ROLE_DEFINITION_ID_PREFIX, RoleAssignment, RoleDefinition, Scope, built_in,
};

/// az's "missing HSM" message of `role assignment` commands.
pub const MISSING_HSM_ASSIGNMENT: &str = "Please specify --hsm-name or --id.";
/// az's message of `role definition` commands (no final period).
pub const MISSING_HSM_DEFINITION: &str = "Please specify --hsm-name or --id";

/// A `--role` argument: a name, a GUID or a full role definition id.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleRef {
    Guid(String),
    Name(String),
}

impl std::str::FromStr for RoleRef {
    type Err = String;
    fn from_str(s: &str) -> Result<RoleRef, String> {
        let t = s.trim();
        if t.is_empty() {
            return Err("the role is empty".into());
        }
        let lower = t.trim_start_matches('/').to_ascii_lowercase();
        let tail = lower
            .strip_prefix(&ROLE_DEFINITION_ID_PREFIX.to_ascii_lowercase())
            .unwrap_or(&lower);
        if uuid::Uuid::parse_str(tail).is_ok() && tail.len() == 36 {
            return Ok(RoleRef::Guid(tail.to_string()));
        }
        if lower.starts_with(&ROLE_DEFINITION_ID_PREFIX.to_ascii_lowercase()) {
            return Err(format!(
                "'{s}' is not a valid role definition id: it must end with a GUID"
            ));
        }
        Ok(RoleRef::Name(t.to_string()))
    }
}

/// Resolves a role to its GUID and name. Built-in names resolve offline; custom names are
/// looked up in the definitions at `/` (definitions exist only there, whatever `--scope` is).
pub async fn resolve_role(
    client: &Client,
    hsm: &HsmEndpoint,
    role: &RoleRef,
) -> Result<(String, Option<String>), CliError> {
    match role {
        RoleRef::Guid(g) => Ok((g.clone(), built_in(g).map(|b| b.name.to_string()))),
        RoleRef::Name(n) => {
            if let Some(b) = built_in(n) {
                return Ok((b.guid.to_string(), Some(b.name.to_string())));
            }
            let defs = client.list_role_definitions(hsm, &Scope::Root).await.map_err(|e| {
                CliError::from(e).hint(format!(
                    "'{n}' is not a built-in role, so mhsm looked for a custom role of that name, which needs roleDefinitions/read at '/'. Pass the role's GUID with --role instead."
                ))
            })?;
            defs.iter()
                .find(|d| d.properties.role_name.as_deref().is_some_and(|r| r.eq_ignore_ascii_case(n)))
                .map(|d| (d.name.clone(), d.properties.role_name.clone()))
                .ok_or_else(|| {
                    CliError::Invalid(format!(
                        "Unknown role \"{n}\". Please use \"mhsm role definition list\" to check whether the role is existing."
                    ))
                })
        }
    }
}

fn looks_like_guid(s: &str) -> bool {
    s.len() == 36 && uuid::Uuid::parse_str(s).is_ok()
}

/// Resolves `--assignee` (UPN, service principal name, group name, object id or app id) to an
/// object id through Graph. A GUID that is an application (client) id resolves to its service
/// principal's object id, with a warning (az pain point 5); when Graph cannot be asked, a GUID
/// is used as is.
pub async fn resolve_assignee(
    ctx: &crate::commands::Ctx,
    assignee: &str,
) -> Result<String, CliError> {
    let client = ctx.client().await?;
    let a = assignee.trim();
    let quoted = a.replace('\'', "''");
    if looks_like_guid(a) {
        match client.get_directory_objects(&[a.to_string()]).await {
            Ok(found) if !found.is_empty() => return Ok(found[0].id.clone()),
            Ok(_) => {
                if let Ok(sps) = client
                    .graph_filter("servicePrincipals", &format!("appId eq '{quoted}'"))
                    .await
                    && let Some(sp) = sps.first()
                {
                    ctx.printer.warning(&format!(
                        "'{a}' is the application (client) id of service principal '{}'; assigning to its object id {}.",
                        sp.display_name.clone().unwrap_or_default(),
                        sp.id
                    ));
                    return Ok(sp.id.clone());
                }
                return Ok(a.to_ascii_lowercase());
            }
            Err(_) => return Ok(a.to_ascii_lowercase()),
        }
    }
    let fail = |e: Option<crate::client::ClientError>| {
        let base = CliError::Invalid(format!(
            "Cannot find user or service principal in graph database for '{a}'. If the assignee is an appId, make sure the corresponding service principal is created with 'az ad sp create --id {a}'."
        ));
        match e {
            Some(e) => base.hint(format!(
                "Graph could not be queried ({e}). Pass the principal's object id with --assignee-object-id."
            )),
            None => base,
        }
    };
    let mut lookups: Vec<(&str, String)> = Vec::new();
    if a.contains('@') {
        lookups.push(("users", format!("userPrincipalName eq '{quoted}'")));
    }
    lookups.push((
        "servicePrincipals",
        format!("servicePrincipalNames/any(c:c eq '{quoted}')"),
    ));
    // Beyond az: groups, service principals and managed identities by display name (it must be
    // unambiguous).
    lookups.push(("groups", format!("displayName eq '{quoted}'")));
    lookups.push(("servicePrincipals", format!("displayName eq '{quoted}'")));
    lookups.push(("users", format!("displayName eq '{quoted}'")));
    for (collection, filter) in lookups {
        match client.graph_filter(collection, &filter).await {
            Ok(found) if found.len() == 1 => return Ok(found[0].id.clone()),
            Ok(found) if found.len() > 1 => {
                return Err(CliError::Invalid(format!(
                    "'{a}' matches {} directory objects; pass the object id with --assignee-object-id.",
                    found.len()
                )));
            }
            Ok(_) => {}
            Err(e) => return Err(fail(Some(e))),
        }
    }
    Err(fail(None))
}

/// Names of principals from Graph (failures give "Unknown", as az).
pub async fn principal_names(client: &Client, ids: &[String]) -> HashMap<String, DirectoryObject> {
    let mut unique: Vec<String> = ids.iter().map(|s| s.to_ascii_lowercase()).collect();
    unique.sort();
    unique.dedup();
    match client.get_directory_objects(&unique).await {
        Ok(objs) => objs
            .into_iter()
            .map(|o| (o.id.to_ascii_lowercase(), o))
            .collect(),
        Err(_) => HashMap::new(),
    }
}

/// Role names by GUID: built-ins offline, custom ones from `known` (definitions already read).
pub fn role_name(guid: &str, known: &[RoleDefinition]) -> Option<String> {
    built_in(guid)
        .filter(|b| b.guid.eq_ignore_ascii_case(guid))
        .map(|b| b.name.to_string())
        .or_else(|| {
            known
                .iter()
                .find(|d| d.name.eq_ignore_ascii_case(guid))
                .and_then(|d| d.properties.role_name.clone())
        })
}

/// az's reconstructed role assignment (`_reconstruct_role_assignment`).
pub fn assignment_view(
    a: &RoleAssignment,
    role_name: Option<String>,
    principal: Option<&DirectoryObject>,
) -> Value {
    json!({
        "id": a.id,
        "name": a.name,
        "principalId": a.properties.principal_id,
        "principalName": principal.and_then(|p| p.principal_name()).unwrap_or_else(|| "Unknown".into()),
        "principalType": principal.map(|p| p.principal_type()).unwrap_or("Unknown"),
        "roleDefinitionId": a.properties.role_definition_id,
        "roleName": role_name,
        "scope": a.properties.scope,
        "type": a.kind,
    })
}

/// Enriches assignments for output: role names (reading custom definitions only when needed,
/// tolerating a refusal) and principal names from Graph.
pub async fn assignment_views(
    client: &Client,
    hsm: &HsmEndpoint,
    list: &[RoleAssignment],
) -> Vec<Value> {
    let guid = |a: &RoleAssignment| {
        a.properties
            .role_definition_id
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let needs_custom = list.iter().any(|a| built_in(&guid(a)).is_none());
    let custom = if needs_custom {
        client
            .list_role_definitions(hsm, &Scope::Root)
            .await
            .unwrap_or_default()
    } else {
        vec![]
    };
    let ids: Vec<String> = list
        .iter()
        .map(|a| a.properties.principal_id.clone())
        .collect();
    let names = principal_names(client, &ids).await;
    list.iter()
        .map(|a| {
            let p = names.get(&a.properties.principal_id.to_ascii_lowercase());
            assignment_view(a, role_name(&guid(a), &custom), p)
        })
        .collect()
}

/// az's table transformer for assignments: `Principal  RoleName  Scope`.
pub fn assignment_table(v: &Value) -> Vec<Row> {
    rows(v, |a| {
        vec![
            ("Principal".into(), a["principalName"].clone()),
            ("RoleName".into(), a["roleName"].clone()),
            ("Scope".into(), a["scope"].clone()),
        ]
    })
}

/// az's flattened role definition (`KeyVaultRoleDefinition`).
pub fn definition_view(d: &RoleDefinition) -> Value {
    let p = &d.properties;
    json!({
        "assignableScopes": p.assignable_scopes,
        "description": p.description,
        "id": d.id,
        "name": d.name,
        "permissions": p.permissions.as_ref().map(|perms| perms.iter().map(|x| json!({
            "actions": x.actions,
            "dataActions": x.data_actions,
            "notActions": x.not_actions,
            "notDataActions": x.not_data_actions,
        })).collect::<Vec<_>>()),
        "roleName": p.role_name,
        "roleType": p.role_type,
        "type": d.kind,
    })
}

/// az's table transformer for definitions: `Name  RoleName  Type  Description`.
pub fn definition_table(v: &Value) -> Vec<Row> {
    rows(v, |d| {
        vec![
            ("Name".into(), d["name"].clone()),
            ("RoleName".into(), d["roleName"].clone()),
            ("Type".into(), d["type"].clone()),
            ("Description".into(), d["description"].clone()),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_refs() {
        let g = "21dbd100-6940-42c2-9190-5d6cb909625b";
        assert_eq!(g.parse::<RoleRef>().unwrap(), RoleRef::Guid(g.into()));
        assert_eq!(
            format!("Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/{g}")
                .parse::<RoleRef>()
                .unwrap(),
            RoleRef::Guid(g.into())
        );
        assert_eq!(
            format!(
                "/microsoft.keyvault/providers/microsoft.authorization/roleDefinitions/{}",
                g.to_uppercase()
            )
            .parse::<RoleRef>()
            .unwrap(),
            RoleRef::Guid(g.into())
        );
        assert_eq!(
            "Managed HSM Crypto User".parse::<RoleRef>().unwrap(),
            RoleRef::Name("Managed HSM Crypto User".into())
        );
        assert!(
            "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/nope"
                .parse::<RoleRef>()
                .is_err()
        );
    }
}
