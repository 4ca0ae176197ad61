//! Managed HSM local RBAC shapes (rest-api.md §5.3, §8, §14 a–b): role assignments, role
//! definitions, the built-in roles with the service's GUIDs, names and data actions, and the
//! data-action vocabulary. Shared by the emulator (which enforces them) and the client (which
//! resolves built-in role names offline).

use serde::{Deserialize, Serialize};

/// Prefix of every data action.
pub const DATA_ACTION_PREFIX: &str = "Microsoft.KeyVault/managedHsm/";
/// Prefix of a role definition id (no leading slash, as the service requires).
pub const ROLE_DEFINITION_ID_PREFIX: &str =
    "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/";
pub const ROLE_ASSIGNMENT_TYPE: &str = "Microsoft.Authorization/roleAssignments";
pub const ROLE_DEFINITION_TYPE: &str = "Microsoft.Authorization/roleDefinitions";
/// api-version az uses for access control.
pub const RBAC_API_VERSION: &str = "7.4";

/// `{"value": [...], "nextLink": ...}` of the data plane.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ListResult<T> {
    pub value: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// A role assignment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoleAssignment {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub properties: RoleAssignmentProperties,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignmentProperties {
    pub scope: String,
    pub role_definition_id: String,
    pub principal_id: String,
}

/// `PUT …/roleAssignments/{name}` body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoleAssignmentCreate {
    pub properties: RoleAssignmentCreateProperties,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignmentCreateProperties {
    pub role_definition_id: String,
    pub principal_id: String,
}

/// A role definition.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoleDefinition {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub properties: RoleDefinitionProperties,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RoleDefinitionProperties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `AKVBuiltInRole` or `CustomRole`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub role_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<Permission>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignable_scopes: Option<Vec<String>>,
}

/// One permission block.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Permission {
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub not_actions: Vec<String>,
    #[serde(default)]
    pub data_actions: Vec<String>,
    #[serde(default)]
    pub not_data_actions: Vec<String>,
}

/// `PUT …/roleDefinitions/{name}` body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoleDefinitionCreate {
    pub properties: RoleDefinitionProperties,
}

/// A built-in role as the service returns it.
pub struct BuiltInRole {
    pub name: &'static str,
    pub guid: &'static str,
    /// Data-action suffixes (after [`DATA_ACTION_PREFIX`]).
    pub data_actions: &'static [&'static str],
}

/// The built-in roles: GUIDs, `roleName`s and data actions as the service returned them in real
/// traffic (rest-api.md §8.2 — the service wins over the docs table).
pub const BUILT_IN_ROLES: &[BuiltInRole] = &[
    BuiltInRole {
        name: "Managed HSM Administrator",
        guid: "a290e904-7015-4bba-90c8-60543313cdb4",
        data_actions: &[
            "roleAssignments/delete/action",
            "roleAssignments/read/action",
            "roleAssignments/write/action",
            "roleDefinitions/read/action",
            "roleDefinitions/write/action",
            "roleDefinitions/delete/action",
            "securitydomain/download/action",
            "securitydomain/download/read",
            "securitydomain/upload/action",
            "securitydomain/upload/read",
            "securitydomain/transferkey/read",
            "backup/start/action",
            "restore/start/action",
            "backup/status/action",
            "restore/status/action",
            "settings/read/action",
            "settings/write/action",
        ],
    },
    BuiltInRole {
        name: "Managed HSM Crypto Officer",
        guid: "515eb02d-2335-4d2d-92f2-b1cbdf9c3778",
        data_actions: &[
            "roleAssignments/delete/action",
            "roleAssignments/read/action",
            "roleAssignments/write/action",
            "roleDefinitions/read/action",
            "roleDefinitions/write/action",
            "roleDefinitions/delete/action",
            "keys/deletedKeys/read/action",
            "keys/deletedKeys/delete",
            "keys/deletedKeys/recover/action",
            "keys/export/action",
        ],
    },
    BuiltInRole {
        name: "Managed HSM Crypto User",
        guid: "21dbd100-6940-42c2-9190-5d6cb909625b",
        data_actions: &[
            "roleDefinitions/read/action",
            "roleAssignments/read/action",
            "keys/read/action",
            "keys/write/action",
            "keys/delete",
            "keys/create",
            "keys/rotate/action",
            "keys/import/action",
            "keys/release/action",
            "keys/backup/action",
            "keys/restore/action",
            "keys/encrypt/action",
            "keys/decrypt/action",
            "keys/wrap/action",
            "keys/unwrap/action",
            "keys/sign/action",
            "keys/verify/action",
            "keys/derive/action",
            "rng/action",
        ],
    },
    BuiltInRole {
        name: "Managed HSM Policy Administrator",
        guid: "4bd23610-cdcf-4971-bdee-bdc562cc28e4",
        data_actions: &[
            "roleDefinitions/read/action",
            "roleDefinitions/write/action",
            "roleDefinitions/delete/action",
            "roleAssignments/read/action",
            "roleAssignments/write/action",
            "roleAssignments/delete/action",
        ],
    },
    BuiltInRole {
        name: "Managed HSM Crypto Auditor",
        guid: "2c18b078-7c48-4d3a-af88-5a3a1b3f82b3",
        data_actions: &[
            "roleAssignments/read/action",
            "roleDefinitions/read/action",
            "keys/read/action",
            "keys/deletedKeys/read/action",
        ],
    },
    BuiltInRole {
        name: "Managed HSM Crypto Service Encryption User",
        guid: "33413926-3206-4cdd-b39a-83574fe37a17",
        data_actions: &["keys/read/action", "keys/wrap/action", "keys/unwrap/action"],
    },
    BuiltInRole {
        name: "Managed HSM Crypto Service Release User",
        guid: "21dbd100-6940-42c2-9190-5d6cb909625c",
        data_actions: &["keys/release/action"],
    },
    BuiltInRole {
        name: "Managed HSM Backup User",
        guid: "7b127d3c-77bd-4e3e-bbe0-dbb8971fa7f8",
        data_actions: &[
            "backup/start/action",
            "backup/status/action",
            "keys/backup/action",
        ],
    },
    // Documented (EKM preview) as the role that manages EKM connections; no GUID is published,
    // so this one is the emulator's own.
    BuiltInRole {
        name: "Managed HSM EKM Administrator",
        guid: "5a9d4c2e-0e3f-4c1b-9d7e-6b1f0e2a8c41",
        data_actions: &["ekm/read/action", "ekm/write/action", "ekm/delete/action"],
    },
    // The docs call it "Managed HSM Restore"; no recording shows the service's roleName. By
    // analogy with "Managed HSM Backup User" (docs: "Managed HSM Backup") it is "… User".
    BuiltInRole {
        name: "Managed HSM Restore User",
        guid: "6efe6056-5259-49d2-8b3d-d3d73544b20b",
        data_actions: &[
            "keys/restore/action",
            "restore/start/action",
            "restore/status/action",
        ],
    },
];

/// Every data-action suffix the service knows (the spec's `DataAction` enum plus the ones seen
/// only in the service's role definitions; rest-api.md §8.3).
pub const DATA_ACTIONS: &[&str] = &[
    "keys/read/action",
    "keys/write/action",
    "keys/create",
    "keys/delete",
    "keys/import/action",
    "keys/export/action",
    "keys/release/action",
    "keys/backup/action",
    "keys/restore/action",
    "keys/rotate/action",
    "keys/derive/action",
    "keys/encrypt/action",
    "keys/decrypt/action",
    "keys/wrap/action",
    "keys/unwrap/action",
    "keys/sign/action",
    "keys/verify/action",
    "keys/deletedKeys/read/action",
    "keys/deletedKeys/recover/action",
    "keys/deletedKeys/delete",
    "roleAssignments/read/action",
    "roleAssignments/write/action",
    "roleAssignments/delete/action",
    "roleDefinitions/read/action",
    "roleDefinitions/write/action",
    "roleDefinitions/delete/action",
    "securitydomain/download/action",
    "securitydomain/download/read",
    "securitydomain/upload/action",
    "securitydomain/upload/read",
    "securitydomain/transferkey/read",
    "backup/start/action",
    "backup/status/action",
    "restore/start/action",
    "restore/status/action",
    "rng/action",
    "settings/read/action",
    "settings/write/action",
    // Not in the spec's `DataAction` enum: the spec's operations say "requires ekm/read
    // (write, delete) permission" (ekm-and-emulators.md §1.1); spelled like the other actions.
    "ekm/read/action",
    "ekm/write/action",
    "ekm/delete/action",
];

/// The full data-action string of a suffix.
pub fn data_action(suffix: &str) -> String {
    format!("{DATA_ACTION_PREFIX}{suffix}")
}

/// The known data action matching `s` (case-insensitive; with or without the prefix), in its
/// canonical full spelling.
pub fn canonical_data_action(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let prefix = DATA_ACTION_PREFIX.to_ascii_lowercase();
    let suffix = lower.strip_prefix(&prefix).unwrap_or(&lower);
    DATA_ACTIONS
        .iter()
        .find(|a| a.eq_ignore_ascii_case(suffix))
        .map(|a| data_action(a))
}

/// The built-in role with this name or GUID (case-insensitive).
pub fn built_in(name_or_guid: &str) -> Option<&'static BuiltInRole> {
    BUILT_IN_ROLES.iter().find(|r| {
        r.name.eq_ignore_ascii_case(name_or_guid) || r.guid.eq_ignore_ascii_case(name_or_guid)
    })
}

/// The built-in roles whose data actions include `action` (full or suffix spelling), least
/// privileged (fewest data actions) first.
pub fn built_in_roles_granting(action: &str) -> Vec<&'static BuiltInRole> {
    let suffix = action.strip_prefix(DATA_ACTION_PREFIX).unwrap_or(action);
    let mut roles: Vec<_> = BUILT_IN_ROLES
        .iter()
        .filter(|r| {
            r.data_actions
                .iter()
                .any(|a| a.eq_ignore_ascii_case(suffix))
        })
        .collect();
    roles.sort_by_key(|r| r.data_actions.len());
    roles
}

/// The full id of a role definition GUID.
pub fn role_definition_id(guid: &str) -> String {
    format!("{ROLE_DEFINITION_ID_PREFIX}{guid}")
}

/// The wire form of a built-in role.
pub fn built_in_definition(r: &BuiltInRole) -> RoleDefinition {
    RoleDefinition {
        id: role_definition_id(r.guid),
        name: r.guid.to_string(),
        kind: ROLE_DEFINITION_TYPE.into(),
        properties: RoleDefinitionProperties {
            role_name: Some(r.name.into()),
            description: Some(String::new()),
            role_type: Some("AKVBuiltInRole".into()),
            permissions: Some(vec![Permission {
                actions: vec![],
                not_actions: vec![],
                data_actions: r.data_actions.iter().map(|a| data_action(a)).collect(),
                not_data_actions: vec![],
            }]),
            assignable_scopes: Some(vec!["/".into()]),
        },
    }
}

/// A role scope: `/`, `/keys` or `/keys/<name>` (Terraform's `^(/|/keys|/keys/.+)$`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    Root,
    Keys,
    Key(String),
}

impl Scope {
    /// The scope string (`/`, `/keys`, `/keys/name`).
    pub fn as_string(&self) -> String {
        match self {
            Scope::Root => "/".into(),
            Scope::Keys => "/keys".into(),
            Scope::Key(k) => format!("/keys/{k}"),
        }
    }

    /// The URL path prefix of this scope (`""`, `/keys`, `/keys/name`).
    pub fn path_prefix(&self) -> String {
        match self {
            Scope::Root => String::new(),
            other => other.as_string(),
        }
    }

    /// HSM-wide scopes (`/` and `/keys`).
    pub fn is_hsm_wide(&self) -> bool {
        matches!(self, Scope::Root | Scope::Keys)
    }

    /// Does an assignment at `self` cover an operation at `target`? `/` and `/keys` cover
    /// everything; `/keys/k` covers only key `k` (rest-api.md §8.4).
    pub fn covers(&self, target: &Scope) -> bool {
        match self {
            Scope::Root | Scope::Keys => true,
            Scope::Key(k) => matches!(target, Scope::Key(t) if t.eq_ignore_ascii_case(k)),
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_string())
    }
}

impl std::str::FromStr for Scope {
    type Err = String;

    /// Accepts `/`, `` (empty), `/keys`, `keys`, `/keys/<name>`; a key name must match
    /// `^[0-9a-zA-Z-]+$` and have at most 127 characters (the service's object-name rule).
    fn from_str(s: &str) -> Result<Scope, String> {
        let t = s.trim().trim_end_matches('/');
        let t = t.strip_prefix('/').unwrap_or(t);
        if t.is_empty() {
            return Ok(Scope::Root);
        }
        let mut parts = t.splitn(2, '/');
        match (parts.next(), parts.next()) {
            (Some(k), None) if k.eq_ignore_ascii_case("keys") => Ok(Scope::Keys),
            (Some(k), Some(name)) if k.eq_ignore_ascii_case("keys") => {
                if name.len() > 127 {
                    Err(format!(
                        "'{}…' is not a valid scope: a key name has at most 127 characters",
                        s.chars().take(40).collect::<String>()
                    ))
                } else if !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                {
                    Ok(Scope::Key(name.to_string()))
                } else {
                    Err(format!(
                        "'{s}' is not a valid scope: a key name has only letters, digits and '-'"
                    ))
                }
            }
            _ => Err(format!(
                "'{s}' is not a valid scope: use '/', '/keys' or '/keys/<key-name>'"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_and_cover() {
        assert_eq!("/".parse::<Scope>().unwrap(), Scope::Root);
        assert_eq!("".parse::<Scope>().unwrap(), Scope::Root);
        assert_eq!("/keys".parse::<Scope>().unwrap(), Scope::Keys);
        assert_eq!("keys/".parse::<Scope>().unwrap(), Scope::Keys);
        assert_eq!(
            "/keys/k-1".parse::<Scope>().unwrap(),
            Scope::Key("k-1".into())
        );
        assert!("/secrets".parse::<Scope>().is_err());
        assert!("/keys/a/b".parse::<Scope>().is_err());
        assert!(Scope::Keys.covers(&Scope::Root));
        assert!(Scope::Key("a".into()).covers(&Scope::Key("A".into())));
        assert!(!Scope::Key("a".into()).covers(&Scope::Key("b".into())));
        assert!(!Scope::Key("a".into()).covers(&Scope::Keys));
    }

    #[test]
    fn built_ins_are_unique_and_use_known_actions() {
        let mut guids: Vec<_> = BUILT_IN_ROLES.iter().map(|r| r.guid).collect();
        guids.sort();
        guids.dedup();
        assert_eq!(guids.len(), BUILT_IN_ROLES.len());
        for r in BUILT_IN_ROLES {
            for a in r.data_actions {
                assert!(DATA_ACTIONS.contains(a), "{} has unknown {a}", r.name);
            }
        }
        assert_eq!(
            canonical_data_action("microsoft.keyvault/managedhsm/KEYS/SIGN/ACTION").unwrap(),
            "Microsoft.KeyVault/managedHsm/keys/sign/action"
        );
        assert_eq!(
            built_in("managed hsm crypto user").unwrap().guid,
            "21dbd100-6940-42c2-9190-5d6cb909625b"
        );
    }
}
