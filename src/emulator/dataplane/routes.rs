//! Routing of the Managed HSM data plane: parses a (slash-collapsed) path into a [`Route`] and
//! tells, per method, the data action it requires, the scope RBAC checks it at (rest-api.md §5,
//! §8.4), and whether it is served before activation (security-domain operations only).

use axum::http::{Method, StatusCode};

use crate::emulator::dataplane::ekm::EkmPath;
use crate::emulator::error::ApiError;
use crate::wire::rbac::Scope;

/// A cryptographic operation on a key version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOp {
    Encrypt,
    Decrypt,
    Wrap,
    Unwrap,
    Sign,
    Verify,
    Release,
    Export,
    /// `securewrapkey` (2026-01-01-preview and later).
    SecureWrap,
    /// `secureunwrapkey` (2026-01-01-preview and later).
    SecureUnwrap,
}

impl KeyOp {
    fn parse(s: &str) -> Option<KeyOp> {
        Some(match s.to_ascii_lowercase().as_str() {
            "encrypt" => KeyOp::Encrypt,
            "decrypt" => KeyOp::Decrypt,
            "wrapkey" => KeyOp::Wrap,
            "unwrapkey" => KeyOp::Unwrap,
            "sign" => KeyOp::Sign,
            "verify" => KeyOp::Verify,
            "release" => KeyOp::Release,
            "export" => KeyOp::Export,
            "securewrapkey" => KeyOp::SecureWrap,
            "secureunwrapkey" => KeyOp::SecureUnwrap,
            _ => return None,
        })
    }

    /// The data action of the operation.
    pub fn action(self) -> &'static str {
        match self {
            KeyOp::Encrypt => "keys/encrypt/action",
            KeyOp::Decrypt => "keys/decrypt/action",
            KeyOp::Wrap => "keys/wrap/action",
            KeyOp::Unwrap => "keys/unwrap/action",
            KeyOp::Sign => "keys/sign/action",
            KeyOp::Verify => "keys/verify/action",
            KeyOp::Release => "keys/release/action",
            KeyOp::Export => "keys/export/action",
            // The spec: "requires the keys/wrapKey permission" (unwrapKey for the reverse).
            KeyOp::SecureWrap => "keys/wrap/action",
            KeyOp::SecureUnwrap => "keys/unwrap/action",
        }
    }

    /// The REST operation name (audit).
    pub fn name(self) -> &'static str {
        match self {
            KeyOp::Encrypt => "KeyEncrypt",
            KeyOp::Decrypt => "KeyDecrypt",
            KeyOp::Wrap => "KeyWrap",
            KeyOp::Unwrap => "KeyUnwrap",
            KeyOp::Sign => "KeySign",
            KeyOp::Verify => "KeyVerify",
            KeyOp::Release => "KeyRelease",
            KeyOp::Export => "KeyExport",
            KeyOp::SecureWrap => "KeySecureWrap",
            KeyOp::SecureUnwrap => "KeySecureUnwrap",
        }
    }
}

/// A data-plane path.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    RoleAssignments {
        scope: Scope,
        name: Option<String>,
    },
    RoleDefinitions {
        scope: Scope,
        name: Option<String>,
    },
    /// `/keys`
    Keys,
    /// `/keys/{name}/create`
    KeyCreate {
        name: String,
    },
    /// `/keys/{name}` and `/keys/{name}/{version}`
    Key {
        name: String,
        version: Option<String>,
    },
    /// `/keys/{name}/versions`
    KeyVersions {
        name: String,
    },
    /// `/keys/{name}/backup`
    KeyBackup {
        name: String,
    },
    /// `/keys/restore` (single-key restore from a blob)
    KeyRestoreBlob,
    /// `/keys/{name}/restore` (selective restore from a full backup)
    KeySelectiveRestore {
        name: String,
    },
    /// `/keys/{name}/rotate`
    KeyRotate {
        name: String,
    },
    /// `/keys/{name}/rotationpolicy`
    KeyRotationPolicy {
        name: String,
    },
    /// `/keys/{name}/{version}/{op}`
    KeyOperation {
        name: String,
        version: Option<String>,
        op: KeyOp,
    },
    /// `/keys/{name}/{version}/attestation`
    KeyAttestation {
        name: String,
        version: Option<String>,
    },
    /// `/deletedkeys`
    DeletedKeys,
    /// `/deletedkeys/{name}`
    DeletedKey {
        name: String,
    },
    /// `/deletedkeys/{name}/recover`
    DeletedKeyRecover {
        name: String,
    },
    /// `/rng`
    Rng,
    /// `/securitydomain/download`
    SdDownload,
    /// `/securitydomain/download/pending`
    SdDownloadPending,
    /// `/securitydomain/upload` (GET: transfer key; POST: upload)
    SdUpload,
    /// `/securitydomain/upload/pending`
    SdUploadPending,
    /// `/backup`, `/prebackup`
    Backup {
        pre: bool,
    },
    /// `/backup/{job}/pending`
    BackupPending {
        job: String,
    },
    /// `/restore`, `/prerestore`
    Restore {
        pre: bool,
    },
    /// `/restore/{job}/pending`
    RestorePending {
        job: String,
    },
    /// `/settings`, `/settings/{name}`
    Settings {
        name: Option<String>,
    },
    /// `/ekm`, `/ekm/create`, `/ekm/check`, `/ekm/certificate`
    Ekm(crate::emulator::dataplane::ekm::EkmPath),
    Unknown,
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

fn sd(action: &'static str) -> Option<Requirement> {
    Some(Requirement {
        action,
        scope: Scope::Root,
        before_activation: true,
    })
}

fn key_name_ok(n: &str) -> bool {
    !n.is_empty() && n.len() <= 127 && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Parses a path (leading `/`, runs of slashes already collapsed).
pub fn parse(method: &Method, path: &str) -> Route {
    let seg: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let eq = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    if let Some(i) = seg.iter().position(|s| eq(s, "providers"))
        && seg.len() > i + 2
        && eq(seg[i + 1], "Microsoft.Authorization")
        && seg.len() <= i + 4
    {
        let scope_str = format!("/{}", seg[..i].join("/"));
        let Ok(scope) = scope_str.parse::<Scope>() else {
            return Route::Unknown;
        };
        let name = seg.get(i + 3).map(|s| s.to_string());
        if eq(seg[i + 2], "roleAssignments") {
            return Route::RoleAssignments { scope, name };
        }
        if eq(seg[i + 2], "roleDefinitions") {
            return Route::RoleDefinitions { scope, name };
        }
        return Route::Unknown;
    }
    let lower: Vec<String> = seg.iter().map(|s| s.to_ascii_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    let s = |i: usize| seg[i].to_string();
    match l.as_slice() {
        ["keys"] => Route::Keys,
        ["keys", "restore"] if *method == Method::POST => Route::KeyRestoreBlob,
        ["keys", n] if key_name_ok(n) => Route::Key {
            name: s(1),
            version: None,
        },
        ["keys", n, "create"] if key_name_ok(n) => Route::KeyCreate { name: s(1) },
        ["keys", n, "versions"] if key_name_ok(n) => Route::KeyVersions { name: s(1) },
        ["keys", n, "backup"] if key_name_ok(n) => Route::KeyBackup { name: s(1) },
        ["keys", n, "restore"] if key_name_ok(n) && *method == Method::PUT => {
            Route::KeySelectiveRestore { name: s(1) }
        }
        ["keys", n, "rotate"] if key_name_ok(n) => Route::KeyRotate { name: s(1) },
        ["keys", n, "rotationpolicy"] if key_name_ok(n) => Route::KeyRotationPolicy { name: s(1) },
        ["keys", n, "attestation"] if key_name_ok(n) => Route::KeyAttestation {
            name: s(1),
            version: None,
        },
        ["keys", n, op]
            if key_name_ok(n) && KeyOp::parse(op).is_some() && *method == Method::POST =>
        {
            Route::KeyOperation {
                name: s(1),
                version: None,
                op: KeyOp::parse(op).expect("checked"),
            }
        }
        ["keys", n, _] if key_name_ok(n) => Route::Key {
            name: s(1),
            version: Some(s(2)),
        },
        ["keys", n, _, "attestation"] if key_name_ok(n) => Route::KeyAttestation {
            name: s(1),
            version: Some(s(2)),
        },
        ["keys", n, _, op] if key_name_ok(n) && KeyOp::parse(op).is_some() => Route::KeyOperation {
            name: s(1),
            version: Some(s(2)),
            op: KeyOp::parse(op).expect("checked"),
        },
        ["deletedkeys"] => Route::DeletedKeys,
        ["deletedkeys", n] if key_name_ok(n) => Route::DeletedKey { name: s(1) },
        ["deletedkeys", n, "recover"] if key_name_ok(n) => Route::DeletedKeyRecover { name: s(1) },
        ["rng"] => Route::Rng,
        ["securitydomain", "download"] => Route::SdDownload,
        ["securitydomain", "download", "pending"] => Route::SdDownloadPending,
        ["securitydomain", "upload"] => Route::SdUpload,
        ["securitydomain", "upload", "pending"] => Route::SdUploadPending,
        ["backup"] => Route::Backup { pre: false },
        ["prebackup"] => Route::Backup { pre: true },
        ["backup", _, "pending"] => Route::BackupPending { job: s(1) },
        ["restore"] => Route::Restore { pre: false },
        ["prerestore"] => Route::Restore { pre: true },
        ["restore", _, "pending"] => Route::RestorePending { job: s(1) },
        ["settings"] => Route::Settings { name: None },
        ["settings", _] => Route::Settings { name: Some(s(1)) },
        [e] if eq(e, "ekm") => Route::Ekm(EkmPath::Connection),
        [e, x] if eq(e, "ekm") && eq(x, "create") => Route::Ekm(EkmPath::Create),
        [e, x] if eq(e, "ekm") && eq(x, "check") => Route::Ekm(EkmPath::Check),
        [e, x] if eq(e, "ekm") && eq(x, "certificate") => Route::Ekm(EkmPath::Certificate),
        _ => Route::Unknown,
    }
}

/// Why a request that names no operation (`Route::Unknown`, or a route without `method`) is
/// refused, as the service refuses it: a key name or role scope that is not valid is a 400
/// `BadParameter`; a method an operation does not take is a 400 `BadParameter` ("Method PUT does
/// not allow operation 'restore'", recorded from the service, service-facts.md §4.2) on key paths
/// and a 405 elsewhere; any other path is a 404. (501 `NotImplemented` is only for operations the
/// emulator knowingly does not model.)
pub fn refusal(method: &Method, path: &str, route: &Route) -> ApiError {
    let seg: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let eq = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    if let Some(i) = seg.iter().position(|s| eq(s, "providers")) {
        let scope = format!("/{}", seg[..i].join("/"));
        if let Err(e) = scope.parse::<Scope>() {
            return ApiError::bad_request("BadParameter", format!("Invalid scope. {e}."));
        }
    }
    if let [first, name, ..] = seg.as_slice()
        && (eq(first, "keys") || eq(first, "deletedkeys"))
        && !(eq(first, "keys") && eq(name, "restore"))
        && !key_name_ok(name)
    {
        let shown: String = name.chars().take(64).collect();
        let more = if name.chars().count() > 64 { "…" } else { "" };
        return ApiError::bad_request(
            "BadParameter",
            format!(
                "The key name '{shown}{more}' is not valid: a key name is 1-127 characters of 0-9, a-z, A-Z and '-'."
            ),
        );
    }
    if *route != Route::Unknown {
        let op = seg.last().copied().unwrap_or("/");
        if matches!(seg.first(), Some(f) if eq(f, "keys") || eq(f, "deletedkeys")) {
            return ApiError::bad_request(
                "BadParameter",
                format!("Method {method} does not allow operation '{op}'"),
            );
        }
        return ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("The requested resource does not support http method '{method}'."),
        );
    }
    ApiError::not_found(
        "NotFound",
        format!(
            "The requested path '{}' does not exist on a Managed HSM.",
            path.chars().take(256).collect::<String>()
        ),
    )
}

impl Route {
    /// The requirement of `method` on this route, or `None` when no such operation exists.
    pub fn requirement(&self, method: &Method) -> Option<Requirement> {
        let key = |n: &str| Scope::Key(n.to_string());
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
            // Creating, importing, listing and restoring keys are HSM-level: the service's
            // denial names scope '/keys' (rest-api.md §8.4 step 3).
            (Route::Keys, "GET") => req("keys/read/action", Scope::Keys),
            (Route::KeyCreate { .. }, "POST") => req("keys/create", Scope::Keys),
            (Route::Key { version: None, .. }, "PUT") => req("keys/import/action", Scope::Keys),
            (Route::Key { name, .. }, "GET") => req("keys/read/action", key(name)),
            (Route::Key { name, .. }, "PATCH") => req("keys/write/action", key(name)),
            (
                Route::Key {
                    name,
                    version: None,
                },
                "DELETE",
            ) => req("keys/delete", key(name)),
            (Route::KeyVersions { name }, "GET") => req("keys/read/action", key(name)),
            (Route::KeyBackup { name }, "POST") => req("keys/backup/action", key(name)),
            (Route::KeyRestoreBlob, "POST") => req("keys/restore/action", Scope::Keys),
            (Route::KeySelectiveRestore { .. }, "PUT") => req("restore/start/action", Scope::Root),
            (Route::KeyRotate { name }, "POST") => req("keys/rotate/action", key(name)),
            (Route::KeyRotationPolicy { name }, "GET") => req("keys/read/action", key(name)),
            (Route::KeyRotationPolicy { name }, "PUT") => req("keys/write/action", key(name)),
            (Route::KeyOperation { name, op, .. }, "POST") => req(op.action(), key(name)),
            (Route::KeyAttestation { name, .. }, "GET") => req("keys/read/action", key(name)),
            (Route::DeletedKeys, "GET") => req("keys/deletedKeys/read/action", Scope::Keys),
            (Route::DeletedKey { name }, "GET") => req("keys/deletedKeys/read/action", key(name)),
            (Route::DeletedKey { name }, "DELETE") => req("keys/deletedKeys/delete", key(name)),
            (Route::DeletedKeyRecover { name }, "POST") => {
                req("keys/deletedKeys/recover/action", key(name))
            }
            (Route::Rng, "POST") => req("rng/action", Scope::Root),
            (Route::SdDownload, "POST") => sd("securitydomain/download/action"),
            (Route::SdDownloadPending, "GET") => sd("securitydomain/download/read"),
            (Route::SdUpload, "GET") => sd("securitydomain/transferkey/read"),
            (Route::SdUpload, "POST") => sd("securitydomain/upload/action"),
            (Route::SdUploadPending, "GET") => sd("securitydomain/upload/read"),
            (Route::Backup { .. }, "POST") => req("backup/start/action", Scope::Root),
            (Route::BackupPending { .. }, "GET") => req("backup/status/action", Scope::Root),
            (Route::Restore { .. }, "PUT") => req("restore/start/action", Scope::Root),
            (Route::RestorePending { .. }, "GET") => req("restore/status/action", Scope::Root),
            (Route::Settings { .. }, "GET") => req("settings/read/action", Scope::Root),
            (Route::Settings { name: Some(_) }, "PATCH") => {
                req("settings/write/action", Scope::Root)
            }
            (Route::Ekm(EkmPath::Connection | EkmPath::Certificate), "GET") => {
                req("ekm/read/action", Scope::Root)
            }
            (Route::Ekm(EkmPath::Check), "POST") => req("ekm/read/action", Scope::Root),
            (Route::Ekm(EkmPath::Create), "POST") => req("ekm/write/action", Scope::Root),
            (Route::Ekm(EkmPath::Connection), "PATCH") => req("ekm/write/action", Scope::Root),
            (Route::Ekm(EkmPath::Connection), "DELETE") => req("ekm/delete/action", Scope::Root),
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
        let m = method.as_str();
        let verb = match m {
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
            Route::Keys => "KeyList".into(),
            Route::KeyCreate { .. } => "KeyCreate".into(),
            Route::Key { .. } if m == "PUT" => "KeyImport".into(),
            Route::Key { .. } => format!("Key{verb}"),
            Route::KeyVersions { .. } => "KeyListVersions".into(),
            Route::KeyBackup { .. } => "KeyBackup".into(),
            Route::KeyRestoreBlob => "KeyRestore".into(),
            Route::KeySelectiveRestore { .. } => "SelectiveKeyRestore".into(),
            Route::KeyRotate { .. } => "KeyRotate".into(),
            Route::KeyRotationPolicy { .. } => format!("KeyRotationPolicy{verb}"),
            Route::KeyOperation { op, .. } => op.name().into(),
            Route::KeyAttestation { .. } => "KeyGetAttestation".into(),
            Route::DeletedKeys => "DeletedKeyList".into(),
            Route::DeletedKey { .. } if m == "DELETE" => "KeyPurge".into(),
            Route::DeletedKey { .. } => "DeletedKeyGet".into(),
            Route::DeletedKeyRecover { .. } => "KeyRecover".into(),
            Route::Rng => "GetRandomBytes".into(),
            Route::SdDownload => "SecurityDomainDownload".into(),
            Route::SdDownloadPending => "SecurityDomainDownloadStatus".into(),
            Route::SdUpload if m == "GET" => "SecurityDomainTransferKey".into(),
            Route::SdUpload => "SecurityDomainUpload".into(),
            Route::SdUploadPending => "SecurityDomainUploadStatus".into(),
            Route::Backup { pre: false } => "BackupCreate".into(),
            Route::Backup { pre: true } => "PreBackup".into(),
            Route::BackupPending { .. } => "BackupStatus".into(),
            Route::Restore { pre: false } => "RestoreStart".into(),
            Route::Restore { pre: true } => "PreRestore".into(),
            Route::RestorePending { .. } => "RestoreStatus".into(),
            Route::Settings { name: None } => "SettingList".into(),
            Route::Settings { .. } => format!("Setting{verb}"),
            Route::Ekm(EkmPath::Create) => "EkmConnectionCreate".into(),
            Route::Ekm(EkmPath::Check) => "EkmConnectionCheck".into(),
            Route::Ekm(EkmPath::Certificate) => "EkmCertificateGet".into(),
            Route::Ekm(EkmPath::Connection) => format!("EkmConnection{verb}"),
            Route::Unknown => format!("Unknown{verb}"),
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
        assert_eq!(
            parse(
                &g,
                "/secrets/providers/Microsoft.Authorization/roleAssignments"
            ),
            Route::Unknown
        );
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

    #[test]
    fn key_paths() {
        let p = Method::POST;
        assert_eq!(
            parse(&p, "/keys/k/create"),
            Route::KeyCreate { name: "k".into() }
        );
        assert_eq!(parse(&p, "/keys/restore"), Route::KeyRestoreBlob);
        assert_eq!(
            parse(&Method::GET, "/keys/restore"),
            Route::Key {
                name: "restore".into(),
                version: None
            }
        );
        assert_eq!(
            parse(&p, "/keys/k/0123456789abcdef0123456789abcdef/sign"),
            Route::KeyOperation {
                name: "k".into(),
                version: Some("0123456789abcdef0123456789abcdef".into()),
                op: KeyOp::Sign
            }
        );
        assert_eq!(
            parse(&p, "/keys/k/wrapkey"),
            Route::KeyOperation {
                name: "k".into(),
                version: None,
                op: KeyOp::Wrap
            }
        );
        assert_eq!(
            parse(&Method::GET, "/keys/k/v1"),
            Route::Key {
                name: "k".into(),
                version: Some("v1".into())
            }
        );
        let r = parse(&p, "/keys/k/create");
        assert_eq!(
            r.requirement(&p).unwrap(),
            Requirement {
                action: "keys/create",
                scope: Scope::Keys,
                before_activation: false
            }
        );
        assert!(
            parse(&p, "/securitydomain/download")
                .requirement(&p)
                .unwrap()
                .before_activation
        );
        assert_eq!(parse(&Method::GET, "/keys/bad_name"), Route::Unknown);
    }
}
