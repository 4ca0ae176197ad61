//! Routing of the Managed HSM data plane: parses a (slash-collapsed) path into a [`Route`] and
//! tells, per method, the data action it requires, the scope RBAC checks it at (rest-api.md §5,
//! §8.4), and whether it is served before activation.

use axum::http::Method;

use crate::wire::rbac::Scope;

/// A data-plane path.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    RoleAssignments { scope: Scope, name: Option<String> },
    RoleDefinitions { scope: Scope, name: Option<String> },
    Unknown(String),
}

/// What an operation needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    /// Data-action suffix (after `Microsoft.KeyVault/managedHsm/`).
    pub action: &'static str,
    /// Scope the RBAC check uses.
    pub scope: Scope,
    /// Served on a not-yet-activated HSM (security-domain operations only).
    pub before_activation: bool,
}

fn req(action: &'static str, scope: Scope) -> Option<Requirement> {
    Some(Requirement {
        action,
        scope,
        before_activation: false,
    })
}

/// Parses a path (leading `/`, runs of slashes already collapsed).
pub fn parse(_method: &Method, path: &str) -> Route {
    let seg: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let eq = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    if let Some(i) = seg.iter().position(|s| eq(s, "providers"))
        && seg.len() > i + 2
        && eq(seg[i + 1], "Microsoft.Authorization")
        && seg.len() <= i + 4
    {
        let scope_str = format!("/{}", seg[..i].join("/"));
        let Ok(scope) = scope_str.parse::<Scope>() else {
            return Route::Unknown(path.to_string());
        };
        let name = seg.get(i + 3).map(|s| s.to_string());
        if eq(seg[i + 2], "roleAssignments") {
            return Route::RoleAssignments { scope, name };
        }
        if eq(seg[i + 2], "roleDefinitions") {
            return Route::RoleDefinitions { scope, name };
        }
    }
    Route::Unknown(path.to_string())
}

impl Route {
    /// The requirement of `method` on this route, or `None` when the emulator does not serve it.
    pub fn requirement(&self, method: &Method) -> Option<Requirement> {
        match (self, method.as_str()) {
            // Role management is authorized at the scope it targets: a principal holding
            // roleAssignments/write on /keys/<k> manages the assignments of that key only.
            (Route::RoleAssignments { scope, .. }, "GET") => {
                req("roleAssignments/read/action", scope.clone())
            }
            (
                Route::RoleAssignments {
                    scope,
                    name: Some(_),
                },
                "PUT",
            ) => req("roleAssignments/write/action", scope.clone()),
            (
                Route::RoleAssignments {
                    scope,
                    name: Some(_),
                },
                "DELETE",
            ) => req("roleAssignments/delete/action", scope.clone()),
            (Route::RoleDefinitions { .. }, "GET") => {
                req("roleDefinitions/read/action", Scope::Root)
            }
            (Route::RoleDefinitions { name: Some(_), .. }, "PUT") => {
                req("roleDefinitions/write/action", Scope::Root)
            }
            (Route::RoleDefinitions { name: Some(_), .. }, "DELETE") => {
                req("roleDefinitions/delete/action", Scope::Root)
            }
            _ => None,
        }
    }

    /// RBAC create/read/update/delete (throttled like the service when throttling is on).
    pub fn is_rbac_crud(&self) -> bool {
        matches!(
            self,
            Route::RoleAssignments { .. } | Route::RoleDefinitions { .. }
        )
    }

    /// The audit `operationName` (REST operation names).
    pub fn operation_name(&self, method: &Method) -> String {
        let verb = match method.as_str() {
            "GET" => "Get",
            "PUT" => "Set",
            "DELETE" => "Delete",
            "POST" => "Post",
            "PATCH" => "Update",
            other => other,
        };
        match self {
            Route::RoleAssignments { name: None, .. } => "RoleAssignmentList".into(),
            Route::RoleAssignments { .. } => format!("RoleAssignment{verb}"),
            Route::RoleDefinitions { name: None, .. } => "RoleDefinitionList".into(),
            Route::RoleDefinitions { .. } => format!("RoleDefinition{verb}"),
            Route::Unknown(_) => format!("Unknown{verb}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rbac_paths_at_every_scope() {
        let g = Method::GET;
        assert_eq!(
            parse(&g, "/providers/Microsoft.Authorization/roleAssignments"),
            Route::RoleAssignments {
                scope: Scope::Root,
                name: None
            }
        );
        assert_eq!(
            parse(
                &g,
                "/keys/providers/microsoft.authorization/roleassignments/abc"
            ),
            Route::RoleAssignments {
                scope: Scope::Keys,
                name: Some("abc".into())
            }
        );
        assert_eq!(
            parse(
                &g,
                "/keys/k1/providers/Microsoft.Authorization/roleDefinitions"
            ),
            Route::RoleDefinitions {
                scope: Scope::Key("k1".into()),
                name: None
            }
        );
        assert!(matches!(
            parse(
                &g,
                "/secrets/providers/Microsoft.Authorization/roleAssignments"
            ),
            Route::Unknown(_)
        ));
        let r = parse(
            &g,
            "/keys/k1/providers/Microsoft.Authorization/roleAssignments/x",
        );
        assert_eq!(
            r.requirement(&Method::PUT).unwrap().scope,
            Scope::Key("k1".into())
        );
        assert!(r.requirement(&Method::POST).is_none());
    }
}
