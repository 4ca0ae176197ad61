//! Azure RBAC of the management plane: the built-in roles the emulator knows (Owner,
//! Contributor, Reader, Managed HSM Contributor), scope coverage and the allow decision.
//! Management rights never grant data-plane access: the data plane has its own local RBAC.

use crate::emulator::auth::Caller;
use crate::emulator::directory::Directory;
use crate::emulator::error::ApiError;

/// A built-in Azure role definition (actions only; no data actions).
pub struct ArmRole {
    pub name: &'static str,
    pub id: &'static str,
    pub actions: &'static [&'static str],
    pub not_actions: &'static [&'static str],
}

/// The built-in roles with their real GUIDs and (relevant) permissions.
pub const ROLES: &[ArmRole] = &[
    ArmRole {
        name: "Owner",
        id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        actions: &["*"],
        not_actions: &[],
    },
    ArmRole {
        name: "Contributor",
        id: "b24988ac-6180-42a0-ab88-20f7382dd24c",
        actions: &["*"],
        not_actions: &[
            "Microsoft.Authorization/*/Delete",
            "Microsoft.Authorization/*/Write",
            "Microsoft.Authorization/elevateAccess/Action",
        ],
    },
    ArmRole {
        name: "Reader",
        id: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        actions: &["*/read"],
        not_actions: &[],
    },
    // D17: actions only, no data actions — it cannot touch keys or roles inside an HSM.
    ArmRole {
        name: "Managed HSM Contributor",
        id: "18500a29-7fe2-46b2-a342-b16a415e101d",
        actions: &[
            "Microsoft.KeyVault/managedHSMs/*",
            "Microsoft.KeyVault/deletedManagedHsms/read",
            "Microsoft.KeyVault/locations/deletedManagedHsms/read",
            "Microsoft.KeyVault/locations/deletedManagedHsms/purge/action",
            "Microsoft.KeyVault/locations/managedHsmOperationResults/read",
        ],
        not_actions: &[],
    },
];

/// Finds a role by name or GUID (case-insensitive).
pub fn role(name_or_id: &str) -> Option<&'static ArmRole> {
    ROLES
        .iter()
        .find(|r| r.name.eq_ignore_ascii_case(name_or_id) || r.id.eq_ignore_ascii_case(name_or_id))
}

/// Azure's action pattern matching: case-insensitive, `*` matches any run of characters.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    fn m(p: &[u8], a: &[u8]) -> bool {
        match p.split_first() {
            None => a.is_empty(),
            Some((b'*', rest)) => (0..=a.len()).any(|i| m(rest, &a[i..])),
            Some((c, rest)) => a
                .split_first()
                .is_some_and(|(d, arest)| c.eq_ignore_ascii_case(d) && m(rest, arest)),
        }
    }
    m(pattern.as_bytes(), action.as_bytes())
}

/// Does an assignment at `assigned` cover `target`? (segment-wise, case-insensitive prefix)
pub fn scope_covers(assigned: &str, target: &str) -> bool {
    let a: Vec<&str> = assigned.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    a.len() <= t.len() && a.iter().zip(&t).all(|(x, y)| x.eq_ignore_ascii_case(y))
}

/// Object ids the management plane considers for a caller: its own and its groups' (ARM
/// resolves group membership for every principal kind).
pub fn principal_ids(dir: &Directory, caller: &Caller) -> Vec<String> {
    let mut ids = vec![caller.oid().to_string()];
    if let Some(p) = dir.find(caller.oid()) {
        ids.extend(dir.group_ids_of(&p.name));
    }
    ids
}

/// Whether any assignment of the caller grants `action` at `scope`.
pub fn allowed(dir: &Directory, ids: &[String], action: &str, scope: &str) -> bool {
    dir.arm_role_assignments.iter().any(|a| {
        let Some(p) = dir.find(&a.principal) else {
            return false;
        };
        if !ids.iter().any(|id| id.eq_ignore_ascii_case(&p.object_id))
            || !scope_covers(&a.scope, scope)
        {
            return false;
        }
        let Some(r) = role(&a.role) else { return false };
        r.actions.iter().any(|p| action_matches(p, action))
            && !r.not_actions.iter().any(|p| action_matches(p, action))
    })
}

/// Does the caller hold any role anywhere under `scope` (e.g. to see a subscription)?
pub fn has_any_role_under(dir: &Directory, ids: &[String], scope: &str) -> bool {
    dir.arm_role_assignments.iter().any(|a| {
        dir.find(&a.principal)
            .is_some_and(|p| ids.iter().any(|id| id.eq_ignore_ascii_case(&p.object_id)))
            && (scope_covers(scope, &a.scope) || scope_covers(&a.scope, scope))
    })
}

/// The ARM refusal (403 `AuthorizationFailed`) with the service's wording.
pub fn denied(caller: &Caller, action: &str, scope: &str) -> ApiError {
    ApiError::forbidden(
        "AuthorizationFailed",
        format!(
            "The client '{}' with object id '{}' does not have authorization to perform action '{}' over scope '{}' or the scope is invalid. If access was recently granted, please refresh your credentials.",
            caller.display(),
            caller.oid(),
            action,
            scope
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(action_matches("*", "Microsoft.KeyVault/managedHSMs/write"));
        assert!(action_matches(
            "*/read",
            "Microsoft.KeyVault/managedHSMs/read"
        ));
        assert!(!action_matches(
            "*/read",
            "Microsoft.KeyVault/managedHSMs/write"
        ));
        assert!(action_matches(
            "Microsoft.KeyVault/managedHSMs/*",
            "microsoft.keyvault/managedhsms/delete"
        ));
        assert!(!action_matches(
            "Microsoft.KeyVault/managedHSMs/*",
            "Microsoft.Resources/subscriptions/resourceGroups/read"
        ));
        assert!(action_matches(
            "Microsoft.Authorization/*/Write",
            "Microsoft.Authorization/roleAssignments/write"
        ));
    }

    #[test]
    fn scopes() {
        assert!(scope_covers(
            "/subscriptions/S",
            "/subscriptions/s/resourceGroups/rg"
        ));
        assert!(scope_covers(
            "/subscriptions/s/resourceGroups/RG",
            "/subscriptions/s/resourcegroups/rg/providers/x/y/z"
        ));
        assert!(!scope_covers(
            "/subscriptions/s/resourceGroups/rg",
            "/subscriptions/s/resourceGroups/rg2"
        ));
        assert!(!scope_covers(
            "/subscriptions/s/resourceGroups/rg",
            "/subscriptions/s"
        ));
    }

    #[test]
    fn contributor_cannot_write_authorization() {
        let c = role("contributor").unwrap();
        let a = "Microsoft.Authorization/roleAssignments/write";
        assert!(c.actions.iter().any(|p| action_matches(p, a)));
        assert!(c.not_actions.iter().any(|p| action_matches(p, a)));
    }
}
