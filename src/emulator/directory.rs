//! The emulator's directory (its Entra ID tenant): users, groups with members, service
//! principals with secrets, managed identities, resource groups, and the Azure RBAC
//! (management-plane and storage data) role assignments, and the storage accounts that backups
//! go to. It lives in `DIR/directory.json`, which the operator may
//! edit; a default that models the seeds' separation-of-duties tutorial is written on first start.

use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::wire::cloud::{PrincipalKind, PrincipalsFile, PublishedCredential, PublishedPrincipal};

/// Well-known client id of the Azure CLI (a public client); the emulator issues user tokens to it
/// when the caller does not name another client.
pub const AZ_CLI_CLIENT_ID: &str = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/// The whole directory file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Directory {
    pub tenant_id: String,
    /// Verified domain of the tenant (user principal names end with `@<domain>`).
    pub tenant_domain: String,
    pub subscription_id: String,
    pub subscription_name: String,
    /// Secret of the App Service managed-identity endpoint (`IDENTITY_HEADER`).
    pub identity_header: String,
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub service_principals: Vec<ServicePrincipal>,
    #[serde(default)]
    pub managed_identities: Vec<ManagedIdentity>,
    #[serde(default)]
    pub resource_groups: Vec<ResourceGroupDef>,
    /// Azure RBAC role assignments of the management plane (and the storage data roles).
    #[serde(default)]
    pub arm_role_assignments: Vec<ArmRoleAssignment>,
    /// Storage accounts (backup targets); absent in directories written before they existed.
    #[serde(default)]
    pub storage_accounts: Vec<StorageAccount>,
}

/// A storage account. Without `endpoint` its Blob service is the emulator's embedded one;
/// with it, the account lives in an external Blob service (e.g. Azurite at
/// `http://127.0.0.1:10000/devstoreaccount1`) that the emulator reaches with `key`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StorageAccount {
    /// 3–24 lower-case letters and digits, as Azure requires.
    pub name: String,
    pub resource_group: String,
    /// The account key (key1), base64; 64 random bytes for new accounts.
    pub key: String,
    /// Containers that exist from the start.
    #[serde(default)]
    pub containers: Vec<String>,
    /// The account's Blob endpoint in an external service; `None` = embedded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
}

impl StorageAccount {
    /// The account's ARM resource id (the scope of its Azure RBAC assignments).
    pub fn resource_id(&self, subscription_id: &str) -> String {
        format!(
            "/subscriptions/{subscription_id}/resourceGroups/{}/providers/Microsoft.Storage/storageAccounts/{}",
            self.resource_group, self.name
        )
    }

    /// The raw account key.
    pub fn key_bytes(&self) -> Result<Vec<u8>, String> {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(self.key.trim())
            .ok()
            .filter(|k| !k.is_empty())
            .ok_or_else(|| format!("storage account '{}': the key is not base64", self.name))
    }
}

/// Is `name` a valid storage account name (3–24 lower-case letters and digits)?
pub fn valid_account_name(name: &str) -> bool {
    (3..=24).contains(&name.len())
        && name
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Is `name` a valid container name (3–63 lower-case letters, digits and single hyphens,
/// starting and ending with a letter or digit)? `$root`-style system containers are not
/// modelled.
pub fn valid_container_name(name: &str) -> bool {
    (3..=63).contains(&name.len())
        && name
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
}

/// A new random account key: 64 bytes, base64 (the shape of Azure's keys).
pub fn new_account_key() -> String {
    use base64::Engine;
    let mut b = [0u8; 64];
    aws_lc_rs::rand::fill(&mut b).expect("system random");
    base64::engine::general_purpose::STANDARD.encode(b)
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub object_id: String,
    pub user_principal_name: String,
    pub display_name: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    pub object_id: String,
    pub display_name: String,
    /// Member names (users, service principals, managed identities or groups).
    #[serde(default)]
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServicePrincipal {
    pub name: String,
    pub object_id: String,
    pub app_id: String,
    pub display_name: String,
    pub secret: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ManagedIdentity {
    pub name: String,
    pub object_id: String,
    pub client_id: String,
    pub display_name: String,
    /// The identity used when a caller of the managed-identity endpoint names none (the
    /// "system-assigned" identity of the emulated host).
    #[serde(default)]
    pub default: bool,
    /// Stands for a "trusted Microsoft service": it passes an HSM's firewall when the HSM's
    /// `networkAcls.bypass` is `AzureServices` (dataplane/network.rs).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trusted_service: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResourceGroupDef {
    pub name: String,
    pub location: String,
}

/// `principal` (a name or an object id) holds `role` at `scope`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArmRoleAssignment {
    pub principal: String,
    pub role: String,
    pub scope: String,
}

/// A principal resolved from the directory.
#[derive(Debug, Clone)]
pub struct Principal {
    pub name: String,
    pub kind: PrincipalKind,
    pub object_id: String,
    pub app_id: Option<String>,
    pub user_principal_name: Option<String>,
    pub display_name: String,
}

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A random secret of 40 URL-safe characters.
pub fn secret() -> String {
    use base64::Engine;
    let mut b = [0u8; 30];
    aws_lc_rs::rand::fill(&mut b).expect("system random");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

impl Directory {
    /// The default directory: the seeds' separation-of-duties cast.
    pub fn default_new() -> Directory {
        let tenant_id = uuid();
        let subscription_id = uuid();
        let domain = "mhsmemulator.onmicrosoft.com".to_string();
        let user = |name: &str, display: &str| User {
            name: name.into(),
            object_id: uuid(),
            user_principal_name: format!("{name}@{domain}"),
            display_name: display.into(),
            password: secret(),
        };
        let sp = |name: &str, display: &str| ServicePrincipal {
            name: name.into(),
            object_id: uuid(),
            app_id: uuid(),
            display_name: display.into(),
            secret: secret(),
        };
        let mi = |name: &str, default: bool| ManagedIdentity {
            name: name.into(),
            object_id: uuid(),
            client_id: uuid(),
            display_name: name.into(),
            default,
            trusted_service: false,
        };
        let sub_scope = format!("/subscriptions/{subscription_id}");
        let rg_scope = format!("{sub_scope}/resourceGroups/rg-hsm");
        let assign = |principal: &str, role: &str, scope: &str| ArmRoleAssignment {
            principal: principal.into(),
            role: role.into(),
            scope: scope.into(),
        };
        Directory {
            tenant_id,
            tenant_domain: domain.clone(),
            subscription_id,
            subscription_name: "mhsm-emulator subscription".into(),
            identity_header: secret(),
            users: vec![
                user("security-officer", "security-officer"),
                user("auditor", "auditor"),
                user("developer", "developer"),
            ],
            groups: vec![
                Group {
                    name: "security-team".into(),
                    object_id: uuid(),
                    display_name: "security-team".into(),
                    members: vec!["security-officer".into()],
                },
                Group {
                    name: "auditors".into(),
                    object_id: uuid(),
                    display_name: "auditors".into(),
                    members: vec!["auditor".into()],
                },
            ],
            service_principals: vec![
                sp("subscription-admin", "subscription-admin"),
                sp("hsm-operator", "hsm-operator"),
                sp("reader", "reader"),
            ],
            managed_identities: vec![
                mi("app-vm", true),
                mi("storage-account", false),
                mi("hsm-backup", false),
            ],
            resource_groups: vec![ResourceGroupDef {
                name: "rg-hsm".into(),
                location: "eastus2".into(),
            }],
            arm_role_assignments: vec![
                assign("subscription-admin", "Owner", &sub_scope),
                assign("hsm-operator", "Managed HSM Contributor", &rg_scope),
                assign("reader", "Reader", &sub_scope),
                assign("security-team", "Reader", &rg_scope),
                assign("auditors", "Reader", &rg_scope),
                // The HSM's backup identity may read and write blobs of the backup account.
                assign(
                    "hsm-backup",
                    "Storage Blob Data Contributor",
                    &format!("{rg_scope}/providers/Microsoft.Storage/storageAccounts/mhsmbackups"),
                ),
            ],
            storage_accounts: vec![StorageAccount {
                name: "mhsmbackups".into(),
                resource_group: "rg-hsm".into(),
                key: new_account_key(),
                containers: vec!["backups".into()],
                endpoint: None,
            }],
        }
    }

    /// Loads `path`, writing the default first when it does not exist.
    pub fn load_or_create(path: &Path) -> Result<Directory, String> {
        if !path.exists() {
            let d = Directory::default_new();
            d.save(path)?;
            return Ok(d);
        }
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let d: Directory =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        d.validate()?;
        Ok(d)
    }

    /// Loads and validates `path` (which must exist).
    pub fn load(path: &Path) -> Result<Directory, String> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "{}: {e} (has the emulator been started with this state directory?)",
                path.display()
            )
        })?;
        let d: Directory =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        d.validate()?;
        Ok(d)
    }

    /// Writes the file atomically (temp file + rename), readable by the owner only.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        write_atomic(path, &text)
    }

    /// Finds a storage account by name.
    pub fn storage_account(&self, name: &str) -> Option<&StorageAccount> {
        self.storage_accounts
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(name))
    }

    fn validate(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        for p in self.all() {
            if !seen.insert(p.name.to_ascii_lowercase()) {
                return Err(format!("directory: the name '{}' is used twice", p.name));
            }
        }
        for g in &self.groups {
            for m in &g.members {
                if self.find(m).is_none() {
                    return Err(format!(
                        "directory: group '{}' has unknown member '{m}'",
                        g.name
                    ));
                }
            }
        }
        for a in &self.arm_role_assignments {
            if self.find(&a.principal).is_none() {
                return Err(format!(
                    "directory: role assignment for unknown principal '{}'",
                    a.principal
                ));
            }
        }
        self.validate_storage()
    }

    fn validate_storage(&self) -> Result<(), String> {
        let mut names = std::collections::HashSet::new();
        for a in &self.storage_accounts {
            if !valid_account_name(&a.name) {
                return Err(format!(
                    "directory: storage account name '{}' is invalid: it must be 3 to 24 lower-case letters and digits",
                    a.name
                ));
            }
            if !names.insert(a.name.clone()) {
                return Err(format!(
                    "directory: the storage account name '{}' is used twice",
                    a.name
                ));
            }
            if !self
                .resource_groups
                .iter()
                .any(|g| g.name.eq_ignore_ascii_case(&a.resource_group))
            {
                return Err(format!(
                    "directory: storage account '{}' is in unknown resource group '{}'",
                    a.name, a.resource_group
                ));
            }
            a.key_bytes().map_err(|e| format!("directory: {e}"))?;
            let mut containers = std::collections::HashSet::new();
            for c in &a.containers {
                if !valid_container_name(c) {
                    return Err(format!(
                        "directory: storage account '{}': container name '{c}' is invalid: it must be 3 to 63 lower-case letters, digits and single hyphens",
                        a.name
                    ));
                }
                if !containers.insert(c) {
                    return Err(format!(
                        "directory: storage account '{}' lists container '{c}' twice",
                        a.name
                    ));
                }
            }
            if let Some(e) = &a.endpoint
                && !url::Url::parse(e)
                    .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            {
                return Err(format!(
                    "directory: storage account '{}': endpoint '{e}' is not an http(s) URL",
                    a.name
                ));
            }
        }
        Ok(())
    }

    /// Every principal (users, groups, service principals, managed identities).
    pub fn all(&self) -> Vec<Principal> {
        let mut v = Vec::new();
        for u in &self.users {
            v.push(Principal {
                name: u.name.clone(),
                kind: PrincipalKind::User,
                object_id: u.object_id.clone(),
                app_id: None,
                user_principal_name: Some(u.user_principal_name.clone()),
                display_name: u.display_name.clone(),
            });
        }
        for g in &self.groups {
            v.push(Principal {
                name: g.name.clone(),
                kind: PrincipalKind::Group,
                object_id: g.object_id.clone(),
                app_id: None,
                user_principal_name: None,
                display_name: g.display_name.clone(),
            });
        }
        for s in &self.service_principals {
            v.push(Principal {
                name: s.name.clone(),
                kind: PrincipalKind::ServicePrincipal,
                object_id: s.object_id.clone(),
                app_id: Some(s.app_id.clone()),
                user_principal_name: None,
                display_name: s.display_name.clone(),
            });
        }
        for m in &self.managed_identities {
            v.push(Principal {
                name: m.name.clone(),
                kind: PrincipalKind::ManagedIdentity,
                object_id: m.object_id.clone(),
                app_id: Some(m.client_id.clone()),
                user_principal_name: None,
                display_name: m.display_name.clone(),
            });
        }
        v
    }

    /// Finds a principal by name, object id, app id or user principal name (case-insensitive).
    pub fn find(&self, key: &str) -> Option<Principal> {
        self.all().into_iter().find(|p| {
            p.name.eq_ignore_ascii_case(key)
                || p.object_id.eq_ignore_ascii_case(key)
                || p.app_id
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(key))
                || p.user_principal_name
                    .as_deref()
                    .is_some_and(|u| u.eq_ignore_ascii_case(key))
        })
    }

    /// Object ids of the groups `name` belongs to, transitively.
    pub fn group_ids_of(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut frontier = vec![name.to_ascii_lowercase()];
        while let Some(member) = frontier.pop() {
            for g in &self.groups {
                if g.members.iter().any(|m| m.eq_ignore_ascii_case(&member))
                    && !out.contains(&g.object_id)
                {
                    out.push(g.object_id.clone());
                    frontier.push(g.name.to_ascii_lowercase());
                }
            }
        }
        out
    }

    /// The view published in `principals.json`.
    pub fn published(&self, identity_endpoint: &str) -> PrincipalsFile {
        let arm_roles = |name: &str| -> Vec<String> {
            self.arm_role_assignments
                .iter()
                .filter(|a| {
                    self.find(&a.principal)
                        .is_some_and(|p| p.name.eq_ignore_ascii_case(name))
                })
                .map(|a| format!("{} @ {}", a.role, a.scope))
                .collect()
        };
        let group_names = |name: &str| -> Vec<String> {
            self.group_ids_of(name)
                .iter()
                .filter_map(|id| self.groups.iter().find(|g| &g.object_id == id))
                .map(|g| g.name.clone())
                .collect()
        };
        let mut principals = Vec::new();
        for u in &self.users {
            principals.push(PublishedPrincipal {
                name: u.name.clone(),
                kind: PrincipalKind::User,
                object_id: u.object_id.clone(),
                client_id: None,
                user_principal_name: Some(u.user_principal_name.clone()),
                credential: Some(PublishedCredential::Password {
                    username: u.user_principal_name.clone(),
                    password: u.password.clone(),
                }),
                groups: group_names(&u.name),
                members: vec![],
                arm_roles: arm_roles(&u.name),
            });
        }
        for g in &self.groups {
            principals.push(PublishedPrincipal {
                name: g.name.clone(),
                kind: PrincipalKind::Group,
                object_id: g.object_id.clone(),
                client_id: None,
                user_principal_name: None,
                credential: None,
                groups: group_names(&g.name),
                members: g.members.clone(),
                arm_roles: arm_roles(&g.name),
            });
        }
        for s in &self.service_principals {
            principals.push(PublishedPrincipal {
                name: s.name.clone(),
                kind: PrincipalKind::ServicePrincipal,
                object_id: s.object_id.clone(),
                client_id: Some(s.app_id.clone()),
                user_principal_name: None,
                credential: Some(PublishedCredential::ClientSecret {
                    client_secret: s.secret.clone(),
                }),
                groups: group_names(&s.name),
                members: vec![],
                arm_roles: arm_roles(&s.name),
            });
        }
        for m in &self.managed_identities {
            principals.push(PublishedPrincipal {
                name: m.name.clone(),
                kind: PrincipalKind::ManagedIdentity,
                object_id: m.object_id.clone(),
                client_id: Some(m.client_id.clone()),
                user_principal_name: None,
                credential: Some(PublishedCredential::ManagedIdentity {
                    identity_endpoint: identity_endpoint.to_string(),
                    identity_header: self.identity_header.clone(),
                }),
                groups: group_names(&m.name),
                members: vec![],
                arm_roles: arm_roles(&m.name),
            });
        }
        PrincipalsFile {
            tenant_id: self.tenant_id.clone(),
            subscription_id: self.subscription_id.clone(),
            principals,
        }
    }
}

/// Writes `text` to `path` atomically and durably, readable by the owner only.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    crate::emulator::tls::write_private(&tmp, text)?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_directory_models_the_tutorial() {
        let d = Directory::default_new();
        d.validate().unwrap();
        for n in [
            "subscription-admin",
            "security-officer",
            "auditor",
            "app-vm",
            "storage-account",
            "developer",
            "security-team",
            "auditors",
        ] {
            assert!(d.find(n).is_some(), "{n}");
        }
        let team = d.find("security-team").unwrap();
        assert_eq!(d.group_ids_of("security-officer"), vec![team.object_id]);
        assert!(d.group_ids_of("developer").is_empty());
        let published = d.published("https://x/msi/token");
        let admin = published
            .principals
            .iter()
            .find(|p| p.name == "subscription-admin")
            .unwrap();
        assert_eq!(admin.arm_roles.len(), 1);
        assert!(admin.arm_roles[0].starts_with("Owner @ /subscriptions/"));
    }

    #[test]
    fn default_directory_has_a_backup_account() {
        let d = Directory::default_new();
        let a = d.storage_account("mhsmbackups").unwrap();
        assert_eq!(a.key_bytes().unwrap().len(), 64);
        assert_eq!(a.containers, vec!["backups"]);
        assert!(a.endpoint.is_none());
        let mi = d.find("hsm-backup").unwrap();
        assert_eq!(mi.kind, PrincipalKind::ManagedIdentity);
        let grant = d
            .arm_role_assignments
            .iter()
            .find(|g| g.principal == "hsm-backup")
            .unwrap();
        assert_eq!(grant.role, "Storage Blob Data Contributor");
        assert_eq!(grant.scope, a.resource_id(&d.subscription_id));
    }

    #[test]
    fn old_directories_without_storage_still_load() {
        let d = Directory::default_new();
        let mut v = serde_json::to_value(&d).unwrap();
        v.as_object_mut().unwrap().remove("storage_accounts");
        let back: Directory = serde_json::from_value(v).unwrap();
        assert!(back.storage_accounts.is_empty());
        back.validate().unwrap();
    }

    #[test]
    fn storage_accounts_are_validated() {
        let bad = |edit: &dyn Fn(&mut StorageAccount)| {
            let mut d = Directory::default_new();
            edit(&mut d.storage_accounts[0]);
            d.validate().unwrap_err()
        };
        assert!(bad(&|a| a.name = "Upper".into()).contains("3 to 24 lower-case"));
        assert!(bad(&|a| a.name = "ab".into()).contains("invalid"));
        assert!(bad(&|a| a.name = "a".repeat(25)).contains("invalid"));
        assert!(bad(&|a| a.key = "not base64!".into()).contains("not base64"));
        assert!(bad(&|a| a.resource_group = "rg-none".into()).contains("unknown resource group"));
        assert!(bad(&|a| a.containers = vec!["Bad_Name".into()]).contains("container name"));
        assert!(bad(&|a| a.containers = vec!["a--b".into()]).contains("container name"));
        assert!(bad(&|a| a.containers = vec!["dup".into(), "dup".into()]).contains("twice"));
        assert!(bad(&|a| a.endpoint = Some("ftp://x".into())).contains("not an http(s) URL"));
        let mut d = Directory::default_new();
        let a = d.storage_accounts[0].clone();
        d.storage_accounts.push(a);
        assert!(d.validate().unwrap_err().contains("used twice"));
        assert!(valid_container_name("mhsm-backups-2"));
        assert!(!valid_container_name("-ab") && !valid_container_name("ab"));
    }

    #[test]
    fn rejects_unknown_members() {
        let mut d = Directory::default_new();
        d.groups[0].members.push("nobody".into());
        assert!(d.validate().unwrap_err().contains("nobody"));
    }
}
