//! Azure RBAC: the built-in roles the emulator knows (Owner, Contributor, Reader, Managed HSM
//! Contributor, and the Storage Blob Data roles), scope coverage and the allow decisions for
//! actions (management plane) and data actions (the Blob service's data). Management rights
//! never grant data access: Owner and Contributor have actions `*` and no data actions, as in
//! Azure; the HSM's data plane has its own local RBAC.

use crate::emulator::auth::Caller;
use crate::emulator::directory::Directory;
use crate::emulator::error::ApiError;

/// A built-in Azure role definition.
pub struct ArmRole {
    pub name: &'static str,
    pub id: &'static str,
    pub actions: &'static [&'static str],
    pub not_actions: &'static [&'static str],
    /// Data actions (e.g. reading blob contents); `*` in `actions` does not cover them.
    pub data_actions: &'static [&'static str],
    pub not_data_actions: &'static [&'static str],
}

/// Data actions of the Blob service (Azure's "Permissions for calling data operations").
pub mod blob_actions {
    pub const READ: &str = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";
    pub const WRITE: &str = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write";
    /// Creating a blob that does not exist yet (granted also by `write`).
    pub const ADD: &str =
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action";
    pub const DELETE: &str =
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete";
    /// Container operations are *actions* (management-style), not data actions.
    pub const CONTAINER_READ: &str =
        "Microsoft.Storage/storageAccounts/blobServices/containers/read";
    pub const CONTAINER_WRITE: &str =
        "Microsoft.Storage/storageAccounts/blobServices/containers/write";
    pub const CONTAINER_DELETE: &str =
        "Microsoft.Storage/storageAccounts/blobServices/containers/delete";
}

/// The built-in roles with their real GUIDs and (relevant) permissions.
pub const ROLES: &[ArmRole] = &[
    ArmRole {
        name: "Owner",
        id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        actions: &["*"],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
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
        data_actions: &[],
        not_data_actions: &[],
    },
    ArmRole {
        name: "Reader",
        id: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        actions: &["*/read"],
        not_actions: &[],
        data_actions: &[],
        not_data_actions: &[],
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
        data_actions: &[],
        not_data_actions: &[],
    },
    ArmRole {
        name: "Storage Blob Data Owner",
        id: "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        actions: &[
            "Microsoft.Storage/storageAccounts/blobServices/containers/*",
            "Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action",
        ],
        not_actions: &[],
        data_actions: &["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*"],
        not_data_actions: &[],
    },
    ArmRole {
        name: "Storage Blob Data Contributor",
        id: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        actions: &[
            "Microsoft.Storage/storageAccounts/blobServices/containers/delete",
            "Microsoft.Storage/storageAccounts/blobServices/containers/read",
            "Microsoft.Storage/storageAccounts/blobServices/containers/write",
            "Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action",
        ],
        not_actions: &[],
        data_actions: &[
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action",
            "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action",
        ],
        not_data_actions: &[],
    },
    ArmRole {
        name: "Storage Blob Data Reader",
        id: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
        actions: &[
            "Microsoft.Storage/storageAccounts/blobServices/containers/read",
            "Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action",
        ],
        not_actions: &[],
        data_actions: &["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"],
        not_data_actions: &[],
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

/// Whether any assignment of the caller grants the data action `action` at `scope` (e.g. a
/// container's id `…/storageAccounts/A/blobServices/default/containers/C`). Only data actions
/// count: Owner's `*` actions grant nothing here.
pub fn allowed_data_action(dir: &Directory, ids: &[String], action: &str, scope: &str) -> bool {
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
        r.data_actions.iter().any(|p| action_matches(p, action))
            && !r.not_data_actions.iter().any(|p| action_matches(p, action))
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
    use crate::emulator::directory::ArmRoleAssignment;

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
    fn data_actions_come_only_from_data_roles() {
        let mut d = Directory::default_new();
        let sub = format!("/subscriptions/{}", d.subscription_id);
        let account = d.storage_accounts[0].resource_id(&d.subscription_id);
        let container = format!("{account}/blobServices/default/containers/backups");
        let id = |d: &Directory, n: &str| vec![d.find(n).unwrap().object_id];
        // subscription-admin is Owner of the subscription: no data action.
        let admin = id(&d, "subscription-admin");
        assert!(allowed(
            &d,
            &admin,
            blob_actions::CONTAINER_WRITE,
            &container
        ));
        assert!(!allowed_data_action(
            &d,
            &admin,
            blob_actions::READ,
            &container
        ));
        // hsm-backup is Storage Blob Data Contributor on the account.
        let mi = id(&d, "hsm-backup");
        for a in [
            blob_actions::READ,
            blob_actions::WRITE,
            blob_actions::ADD,
            blob_actions::DELETE,
        ] {
            assert!(allowed_data_action(&d, &mi, a, &container), "{a}");
        }
        let other = container.replace("/mhsmbackups/", "/otheraccount/");
        assert!(!allowed_data_action(&d, &mi, blob_actions::READ, &other));
        // Reader of blobs through a group.
        d.arm_role_assignments.push(ArmRoleAssignment {
            principal: "auditors".into(),
            role: "Storage Blob Data Reader".into(),
            scope: sub,
        });
        let auditor = principal_ids_of(&d, "auditor");
        assert!(allowed_data_action(
            &d,
            &auditor,
            blob_actions::READ,
            &container
        ));
        assert!(!allowed_data_action(
            &d,
            &auditor,
            blob_actions::WRITE,
            &container
        ));
        // Owner of blobs: everything under blobs/*.
        let owner = role("Storage Blob Data Owner").unwrap();
        assert!(
            owner
                .data_actions
                .iter()
                .any(|p| action_matches(p, blob_actions::ADD))
        );
    }

    fn principal_ids_of(d: &Directory, name: &str) -> Vec<String> {
        let mut ids = vec![d.find(name).unwrap().object_id];
        ids.extend(d.group_ids_of(name));
        ids
    }

    #[test]
    fn contributor_cannot_write_authorization() {
        let c = role("contributor").unwrap();
        let a = "Microsoft.Authorization/roleAssignments/write";
        assert!(c.actions.iter().any(|p| action_matches(p, a)));
        assert!(c.not_actions.iter().any(|p| action_matches(p, a)));
    }
}
