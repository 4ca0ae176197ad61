//! Local RBAC of one HSM (rest-api.md §5.3, §8): built-in and custom role definitions, role
//! assignments at `/`, `/keys`, `/keys/<name>`, the service's limits and errors, and the
//! authorization decision every data-plane request goes through.

use axum::Json;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::Plane;
use crate::emulator::auth::Caller;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::emulator::store::{StoreError, Tx};
use crate::wire::rbac::{
    BUILT_IN_ROLES, DATA_ACTION_PREFIX, ListResult, Permission, ROLE_ASSIGNMENT_TYPE,
    ROLE_DEFINITION_ID_PREFIX, ROLE_DEFINITION_TYPE, RoleAssignment, RoleAssignmentCreate,
    RoleAssignmentProperties, RoleDefinition, RoleDefinitionCreate, RoleDefinitionProperties,
    Scope, built_in, built_in_definition, canonical_data_action, role_definition_id,
};

/// Table of role assignments, keyed `<hsm>/<name>`.
pub const ASSIGNMENTS: &str = "role_assignments";
/// Table of custom role definitions, keyed `<hsm>/<guid>`.
pub const DEFINITIONS: &str = "role_definitions";

/// Assignments at HSM scope (`/` and `/keys`) per HSM (rest-api.md §8.6).
pub const MAX_HSM_SCOPE_ASSIGNMENTS: usize = 50;
/// Assignments per key scope.
pub const MAX_KEY_SCOPE_ASSIGNMENTS: usize = 10;
/// Custom role definitions per HSM.
pub const MAX_CUSTOM_ROLES: usize = 50;
/// Deleted assignments, kept while a secondary region may still see them, keyed `<hsm>/<name>`.
const ASSIGNMENT_TOMBSTONES: &str = "role_assignment_tombstones";
/// Deleted custom role definitions, likewise.
const DEFINITION_TOMBSTONES: &str = "role_definition_tombstones";
/// Azure RBAC's custom-role property limits: a role name of at most 512 characters, a
/// description of at most 2048.
pub const MAX_ROLE_NAME_CHARS: usize = 512;
pub const MAX_ROLE_DESCRIPTION_CHARS: usize = 2048;
/// Permission blocks of one custom role (each lists every data action at most once, so a block
/// is bounded by the data-action vocabulary).
pub const MAX_PERMISSION_BLOCKS: usize = 10;
/// Control-plane `actions`/`notActions` entries a block may carry (MHSM roles have none; they
/// are kept as given, bounded) and their length.
pub const MAX_CONTROL_ACTIONS: usize = 100;
pub const MAX_CONTROL_ACTION_CHARS: usize = 256;

/// A stored role assignment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AssignmentRecord {
    pub name: String,
    pub scope: String,
    pub role_definition_id: String,
    pub principal_id: String,
    /// Unix milliseconds of its creation (none: made with the HSM, or before this was kept);
    /// what a secondary region's replication lag is measured from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_ms: Option<i64>,
}

/// A stored custom role definition: the wire definition and when it was written.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DefinitionRecord {
    #[serde(flatten)]
    definition: RoleDefinition,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    written_ms: Option<i64>,
}

/// A deleted record, seen by secondary regions until the deletion has replicated.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Tombstone<T> {
    record: T,
    deleted_ms: i64,
}

/// Replication (rest-api.md §12): what a listener sees of records written at `written` (unix
/// ms, none = long ago) and deleted at `deleted`. The primary sees every write at once; a
/// secondary region sees one once it is older than the cutoff (`Plane::replicated_before`).
fn visible(cutoff: Option<i64>, written: Option<i64>, deleted: Option<i64>) -> bool {
    match cutoff {
        None => deleted.is_none(),
        Some(c) => written.is_none_or(|w| w <= c) && deleted.is_none_or(|d| d > c),
    }
}

impl AssignmentRecord {
    pub fn scope(&self) -> Scope {
        self.scope.parse().unwrap_or(Scope::Root)
    }

    pub fn to_wire(&self) -> RoleAssignment {
        let scope = self.scope();
        RoleAssignment {
            id: format!(
                "{}/providers/Microsoft.Authorization/roleAssignments/{}",
                scope.path_prefix(),
                self.name
            ),
            name: self.name.clone(),
            kind: ROLE_ASSIGNMENT_TYPE.into(),
            properties: RoleAssignmentProperties {
                scope: scope.as_string(),
                role_definition_id: self.role_definition_id.clone(),
                principal_id: self.principal_id.clone(),
            },
        }
    }
}

fn key(hsm: &str, name: &str) -> String {
    record_key(hsm, name)
}

/// The store key of an assignment or custom definition named `name` of HSM `hsm`.
pub fn record_key(hsm: &str, name: &str) -> String {
    format!("{hsm}/{}", name.to_ascii_lowercase())
}

/// Creates the initial administrators' assignments (`initialAdminObjectIds` hold Administrator
/// at `/`).
pub fn init_state(tx: &mut Tx<'_>, hsm: &HsmRecord) -> Result<(), StoreError> {
    let admin = built_in("Managed HSM Administrator").expect("built-in");
    for oid in &hsm.initial_admin_object_ids {
        // A stable name per (HSM, principal): re-creation in a test gives the same id.
        let name = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_OID,
            format!("{}/{oid}/initial-admin", hsm.name).as_bytes(),
        )
        .to_string();
        tx.put(
            ASSIGNMENTS,
            &key(&hsm.key(), &name),
            &AssignmentRecord {
                name,
                scope: "/".into(),
                role_definition_id: role_definition_id(admin.guid),
                principal_id: oid.to_ascii_lowercase(),
                created_ms: None,
            },
        )?;
    }
    Ok(())
}

/// Removes every RBAC record of an HSM.
pub fn purge_state(tx: &mut Tx<'_>, hsm_key: &str) -> Result<(), StoreError> {
    tx.delete_prefix(ASSIGNMENTS, &format!("{hsm_key}/"))?;
    tx.delete_prefix(DEFINITIONS, &format!("{hsm_key}/"))?;
    tx.delete_prefix(ASSIGNMENT_TOMBSTONES, &format!("{hsm_key}/"))?;
    tx.delete_prefix(DEFINITION_TOMBSTONES, &format!("{hsm_key}/"))?;
    Ok(())
}

/// The role assignments this listener sees (a secondary region: those replicated so far).
fn assignments(plane: &Plane) -> ApiResult<Vec<AssignmentRecord>> {
    assignments_where(plane, |_| true)
}

/// The role assignments this listener sees that `keep` selects (only those are copied).
fn assignments_where(
    plane: &Plane,
    keep: impl Fn(&AssignmentRecord) -> bool,
) -> ApiResult<Vec<AssignmentRecord>> {
    let prefix = format!("{}/", plane.key);
    let cutoff = plane.replicated_before();
    let mut out: Vec<AssignmentRecord> = plane
        .emu
        .store
        .list_cached::<AssignmentRecord>(ASSIGNMENTS, &prefix)?
        .iter()
        .map(|(_, a)| a)
        .filter(|a| keep(a) && visible(cutoff, a.created_ms, None))
        .cloned()
        .collect();
    if cutoff.is_some() {
        for (_, t) in plane
            .emu
            .store
            .list::<Tombstone<AssignmentRecord>>(ASSIGNMENT_TOMBSTONES, &prefix)?
        {
            if keep(&t.record)
                && visible(cutoff, t.record.created_ms, Some(t.deleted_ms))
                && !out.iter().any(|a| a.name == t.record.name)
            {
                out.push(t.record);
            }
        }
    }
    Ok(out)
}

/// The custom role definitions this listener sees.
fn custom_roles(plane: &Plane) -> ApiResult<Vec<RoleDefinition>> {
    let prefix = format!("{}/", plane.key);
    let cutoff = plane.replicated_before();
    let mut out: Vec<RoleDefinition> = plane
        .emu
        .store
        .list::<DefinitionRecord>(DEFINITIONS, &prefix)?
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| visible(cutoff, d.written_ms, None))
        .map(|d| d.definition)
        .collect();
    if cutoff.is_some() {
        for (_, t) in plane
            .emu
            .store
            .list::<Tombstone<DefinitionRecord>>(DEFINITION_TOMBSTONES, &prefix)?
        {
            if visible(cutoff, t.record.written_ms, Some(t.deleted_ms))
                && !out.iter().any(|d| d.name == t.record.definition.name)
            {
                out.push(t.record.definition);
            }
        }
    }
    Ok(out)
}

/// Buries a deleted record for the secondary regions and drops those every region has seen go.
fn bury<T: Serialize + serde::de::DeserializeOwned>(
    tx: &mut Tx<'_>,
    plane: &Plane,
    table: &'static str,
    name: &str,
    record: T,
) -> Result<(), StoreError> {
    let now = plane.now_ms();
    let horizon = super::replica::cutoff_ms(&plane.emu);
    for (k, t) in tx.list::<Tombstone<serde_json::Value>>(table, &format!("{}/", plane.key))? {
        if t.deleted_ms < horizon {
            tx.delete(table, &k)?;
        }
    }
    tx.put(
        table,
        &key(&plane.key, name),
        &Tombstone {
            record,
            deleted_ms: now,
        },
    )
}

/// The GUID at the end of a role definition id.
fn guid_of(role_definition_id: &str) -> &str {
    role_definition_id.rsplit('/').next().unwrap_or_default()
}

/// Whether a role grants `action` (full spelling, any case): one of its permission blocks lists
/// it in `dataActions` and not in that block's `notDataActions` (notDataActions are not deny
/// rules across roles). Unknown roles grant nothing (the assignments of a deleted custom role
/// are defunct). Allocates nothing: every authorization runs it for each of the caller's roles.
fn grants(role_definition_id: &str, custom: &[RoleDefinition], action: &str) -> bool {
    let guid = guid_of(role_definition_id);
    if let Some(b) = built_in(guid).filter(|b| b.guid.eq_ignore_ascii_case(guid)) {
        let prefix = DATA_ACTION_PREFIX.len();
        return action
            .get(..prefix)
            .is_some_and(|p| p.eq_ignore_ascii_case(DATA_ACTION_PREFIX))
            && b.data_actions
                .iter()
                .any(|a| a.eq_ignore_ascii_case(&action[prefix..]));
    }
    custom
        .iter()
        .find(|d| d.name.eq_ignore_ascii_case(guid))
        .and_then(|d| d.properties.permissions.as_deref())
        .is_some_and(|perms| {
            perms.iter().any(|p| {
                p.data_actions
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(action))
                    && !p
                        .not_data_actions
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(action))
            })
        })
}

/// The authorization decision (rest-api.md §8.4): a union over the assignments of the caller
/// (its object id, plus its groups when it is a user) whose scope covers `target`.
pub fn permitted(
    assignments: &[AssignmentRecord],
    custom: &[RoleDefinition],
    principal_ids: &[String],
    action: &str,
    target: &Scope,
) -> bool {
    assignments.iter().any(|a| {
        principal_ids
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&a.principal_id))
            && a.scope().covers(target)
            && grants(&a.role_definition_id, custom, action)
    })
}

/// The principal ids a caller acts as: its `oid`, plus `groups` for user tokens only (service
/// principals must be assigned directly).
pub fn principal_ids(caller: &Caller) -> Vec<String> {
    let mut ids = vec![caller.oid().to_string()];
    if caller.is_user() {
        ids.extend(caller.claims.groups.iter().cloned());
    }
    ids
}

/// Checks `action` (a data-action suffix) at `target` for the caller; 403 `AccessDenied` with
/// the service's message otherwise.
pub fn authorize(
    plane: &Plane,
    caller: &Caller,
    action_suffix: &str,
    target: &Scope,
) -> ApiResult<()> {
    let action = crate::wire::rbac::data_action(action_suffix);
    let ids = principal_ids(caller);
    // Only the caller's assignments that cover the target count, and only the custom roles they
    // name are read (by key): the cost of a decision does not grow with unrelated roles. The
    // assignments are decoded once per write (`list_cached`), not per request.
    let mine: Vec<AssignmentRecord> = assignments_where(plane, |a| {
        ids.iter().any(|p| p.eq_ignore_ascii_case(&a.principal_id)) && a.scope().covers(target)
    })?;
    // A secondary region sees the custom roles replicated so far (as its assignments); the
    // primary reads just the roles named.
    let replica = plane.replicated_before().is_some();
    let mut custom: Vec<RoleDefinition> = if replica {
        custom_roles(plane)?
    } else {
        Vec::new()
    };
    for a in mine.iter().filter(|_| !replica) {
        let guid = guid_of(&a.role_definition_id).to_ascii_lowercase();
        if built_in(&guid).is_some_and(|b| b.guid.eq_ignore_ascii_case(&guid))
            || custom.iter().any(|d| d.name == guid)
        {
            continue;
        }
        if let Some(d) = plane
            .emu
            .store
            .get::<RoleDefinition>(DEFINITIONS, &key(&plane.key, &guid))?
        {
            custom.push(d);
        }
    }
    if permitted(&mine, &custom, &ids, &action, target) {
        return Ok(());
    }
    let shown = match target {
        Scope::Root => "/".to_string(),
        other => format!("'{other}'"),
    };
    Err(ApiError::forbidden(
        "AccessDenied",
        format!("Not authorized to access {action} on {shown}"),
    ))
}

// --- role assignments -------------------------------------------------------------------------

fn assignment_not_found() -> ApiError {
    ApiError::not_found(
        "RoleAssignmentNotFound",
        "Requested role assignment not found",
    )
}

fn definition_not_found() -> ApiError {
    ApiError::not_found(
        "RoleDefinitionNotFound",
        "Requested role definition not found",
    )
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request("BadParameter", msg)
}

fn is_guid(s: &str) -> bool {
    s.len() == 36 && uuid::Uuid::parse_str(s).is_ok()
}

/// `$filter` of role-assignment lists: `atScope()` and/or `principalId eq '<id>'`.
struct AssignmentFilter {
    at_scope: bool,
    principal: Option<String>,
}

fn parse_assignment_filter(f: Option<&String>) -> ApiResult<AssignmentFilter> {
    let mut out = AssignmentFilter {
        at_scope: false,
        principal: None,
    };
    let Some(f) = f else { return Ok(out) };
    for clause in f.split(" and ") {
        let c = clause.trim();
        if c.eq_ignore_ascii_case("atScope()") {
            out.at_scope = true;
        } else if c.to_ascii_lowercase().starts_with("principalid eq") {
            let v = c[c.find(' ').unwrap_or(0)..].trim();
            let v = v[2..].trim().trim_matches('\'').trim_matches('"');
            out.principal = Some(v.to_string());
        } else {
            return Err(bad(format!(
                "The filter '{f}' is not supported. Supported filters: atScope(), principalId eq '<object id>'."
            )));
        }
    }
    Ok(out)
}

/// `GET|PUT|DELETE /{scope}/providers/Microsoft.Authorization/roleAssignments[/{name}]`.
pub fn role_assignments(
    plane: &Plane,
    method: &Method,
    scope: &Scope,
    name: Option<&str>,
    query: &HashMap<String, String>,
    body: &[u8],
) -> ApiResult<Response> {
    match (method, name) {
        (&Method::GET, None) => {
            let filter = parse_assignment_filter(query.get("$filter"))?;
            let all = assignments(plane)?;
            let value: Vec<RoleAssignment> = all
                .iter()
                .filter(|a| {
                    let s = a.scope();
                    // Listing at `/` or `/keys` returns the HSM-wide assignments only; key
                    // assignments appear when listing at their key (rest-api.md §8.1).
                    let visible = match scope {
                        Scope::Root | Scope::Keys => {
                            s.is_hsm_wide() && (!filter.at_scope || s == *scope)
                        }
                        Scope::Key(_) => s == *scope,
                    };
                    visible
                        && filter
                            .principal
                            .as_deref()
                            .is_none_or(|p| p.eq_ignore_ascii_case(&a.principal_id))
                })
                .map(AssignmentRecord::to_wire)
                .collect();
            Ok(Json(ListResult {
                value,
                next_link: None,
            })
            .into_response())
        }
        (&Method::GET, Some(n)) => {
            let a = find_assignment(plane, scope, n)?.ok_or_else(assignment_not_found)?;
            Ok(Json(a.to_wire()).into_response())
        }
        (&Method::PUT, Some(n)) => create_assignment(plane, scope, n, body),
        (&Method::DELETE, Some(n)) => {
            let a = find_assignment(plane, scope, n)?.ok_or_else(assignment_not_found)?;
            plane.emu.store.write(|tx| {
                tx.delete(ASSIGNMENTS, &key(&plane.key, &a.name))?;
                bury(tx, plane, ASSIGNMENT_TOMBSTONES, &a.name, a.clone())
            })?;
            Ok(Json(a.to_wire()).into_response())
        }
        _ => Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("{method} is not allowed on role assignments."),
        )),
    }
}

fn find_assignment(
    plane: &Plane,
    scope: &Scope,
    name: &str,
) -> ApiResult<Option<AssignmentRecord>> {
    Ok(assignments(plane)?
        .into_iter()
        .find(|a| a.name.eq_ignore_ascii_case(name) && a.scope() == *scope))
}

fn create_assignment(plane: &Plane, scope: &Scope, name: &str, body: &[u8]) -> ApiResult<Response> {
    if !is_guid(name) {
        return Err(bad("Role assignment name must be a GUID"));
    }
    let req: RoleAssignmentCreate = serde_json::from_slice(body)
        .map_err(|e| bad(format!("The role assignment is not valid: {e}. Both properties.roleDefinitionId and properties.principalId are required.")))?;
    let rd = req.properties.role_definition_id.trim();
    let Some(guid) = rd.strip_prefix(ROLE_DEFINITION_ID_PREFIX) else {
        return Err(bad(format!(
            "The role definition id '{rd}' is not valid: it must look like '{ROLE_DEFINITION_ID_PREFIX}<guid>' (no leading '/')."
        )));
    };
    if !is_guid(guid) {
        return Err(bad(format!(
            "The role definition id '{rd}' does not end with a GUID."
        )));
    }
    let custom = custom_roles(plane)?;
    let known = built_in(guid).is_some_and(|b| b.guid.eq_ignore_ascii_case(guid))
        || custom.iter().any(|d| d.name.eq_ignore_ascii_case(guid));
    if !known {
        // The service's words, misspelling included (clients such as Terraform match on them;
        // service-facts.md §3.1).
        return Err(bad("Unkown role definition"));
    }
    let principal = req.properties.principal_id.trim().to_ascii_lowercase();
    if !is_guid(&principal) {
        return Err(bad(format!(
            "The principal id '{}' is not a valid object id (GUID).",
            req.properties.principal_id
        )));
    }
    let record = AssignmentRecord {
        name: name.to_ascii_lowercase(),
        scope: scope.as_string(),
        role_definition_id: role_definition_id(&guid.to_ascii_lowercase()),
        principal_id: principal,
        created_ms: Some(plane.now_ms()),
    };
    let hsm_key = plane.key.clone();
    plane.emu.store.write(|tx| {
        let all: Vec<AssignmentRecord> = tx.list(ASSIGNMENTS, &format!("{hsm_key}/"))?.into_iter().map(|(_, a)| a).collect();
        if let Some(existing) = all.iter().find(|a| a.name == record.name) {
            if existing.to_wire() == record.to_wire() {
                return Ok(());
            }
            return Err(ApiError::conflict(
                "Conflict",
                format!("A role assignment named '{}' already exists with different properties; role assignments cannot be updated.", record.name),
            ));
        }
        if let Some(dup) = all.iter().find(|a| {
            a.scope() == *scope && a.principal_id == record.principal_id && a.role_definition_id.eq_ignore_ascii_case(&record.role_definition_id)
        }) {
            return Err(ApiError::conflict(
                "RoleAssignmentExists",
                format!("The role assignment already exists (name '{}').", dup.name),
            ));
        }
        let at_scope = all
            .iter()
            .filter(|a| if scope.is_hsm_wide() { a.scope().is_hsm_wide() } else { a.scope() == *scope })
            .count();
        let limit = if scope.is_hsm_wide() { MAX_HSM_SCOPE_ASSIGNMENTS } else { MAX_KEY_SCOPE_ASSIGNMENTS };
        if at_scope >= limit {
            return Err(bad(format!(
                "The number of role assignments at scope '{scope}' has reached the limit of {limit}. Remove assignments or use groups."
            ))
            .with_inner("RoleAssignmentLimitExceeded"));
        }
        tx.put(ASSIGNMENTS, &key(&hsm_key, &record.name), &record)?;
        Ok::<_, ApiError>(())
    })?;
    Ok((StatusCode::CREATED, Json(record.to_wire())).into_response())
}

// --- role definitions -------------------------------------------------------------------------

fn all_definitions(plane: &Plane) -> ApiResult<Vec<RoleDefinition>> {
    let mut v: Vec<RoleDefinition> = BUILT_IN_ROLES.iter().map(built_in_definition).collect();
    v.extend(custom_roles(plane)?);
    Ok(v)
}

/// `GET|PUT|DELETE /{scope}/providers/Microsoft.Authorization/roleDefinitions[/{name}]`.
pub fn role_definitions(
    plane: &Plane,
    method: &Method,
    scope: &Scope,
    name: Option<&str>,
    query: &HashMap<String, String>,
    body: &[u8],
) -> ApiResult<Response> {
    if *scope != Scope::Root && method != Method::GET {
        return Err(bad("Role definitions can only be managed at scope '/'."));
    }
    match (method, name) {
        (&Method::GET, None) => {
            let mut value = all_definitions(plane)?;
            if let Some(f) = query.get("$filter") {
                let lower = f.to_ascii_lowercase();
                if let Some(rest) = lower.strip_prefix("rolename eq ") {
                    let wanted = f[f.len() - rest.len()..].trim().trim_matches('\'');
                    value.retain(|d| {
                        d.properties
                            .role_name
                            .as_deref()
                            .is_some_and(|n| n.eq_ignore_ascii_case(wanted))
                    });
                } else if !lower.trim().eq_ignore_ascii_case("atscopeandbelow()") {
                    return Err(bad(format!(
                        "The filter '{f}' is not supported. Supported filters: atScopeAndBelow(), roleName eq '<name>'."
                    )));
                }
            }
            Ok(Json(ListResult {
                value,
                next_link: None,
            })
            .into_response())
        }
        (&Method::GET, Some(n)) => {
            let d = all_definitions(plane)?
                .into_iter()
                .find(|d| d.name.eq_ignore_ascii_case(n))
                .ok_or_else(definition_not_found)?;
            Ok(Json(d).into_response())
        }
        (&Method::PUT, Some(n)) => put_definition(plane, n, body),
        (&Method::DELETE, Some(n)) => {
            if built_in(n).is_some_and(|b| b.guid.eq_ignore_ascii_case(n)) {
                return Err(bad(
                    "Cannot re-use the name/GUID matching that of a built-in role. Please use a unique role ID.",
                ));
            }
            let k = key(&plane.key, n);
            custom_roles(plane)?
                .into_iter()
                .find(|d| d.name.eq_ignore_ascii_case(n))
                .ok_or_else(definition_not_found)?;
            let d: DefinitionRecord = plane
                .emu
                .store
                .get(DEFINITIONS, &k)?
                .ok_or_else(definition_not_found)?;
            plane.emu.store.write(|tx| {
                tx.delete(DEFINITIONS, &k)?;
                bury(tx, plane, DEFINITION_TOMBSTONES, n, d.clone())
            })?;
            Ok(Json(d.definition).into_response())
        }
        _ => Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("{method} is not allowed on role definitions."),
        )),
    }
}

fn put_definition(plane: &Plane, name: &str, body: &[u8]) -> ApiResult<Response> {
    if !is_guid(name) {
        return Err(bad("Role definition name must be a GUID"));
    }
    if built_in(name).is_some_and(|b| b.guid.eq_ignore_ascii_case(name)) {
        return Err(bad(
            "Cannot re-use the name/GUID matching that of a built-in role. Please use a unique role ID.",
        ));
    }
    let req: RoleDefinitionCreate = serde_json::from_slice(body)
        .map_err(|e| bad(format!("The role definition is not valid: {e}")))?;
    let p = req.properties;
    let role_name = p
        .role_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| bad("properties.roleName is required."))?;
    if let Some(t) = &p.role_type
        && !t.eq_ignore_ascii_case("CustomRole")
    {
        return Err(bad(format!(
            "The role type '{t}' is not valid: custom roles have type 'CustomRole'."
        )));
    }
    if let Some(scopes) = &p.assignable_scopes
        && scopes.iter().any(|s| s != "/")
    {
        return Err(bad(
            "The assignable scopes of a custom role must be [\"/\"].",
        ));
    }
    if role_name.chars().count() > MAX_ROLE_NAME_CHARS {
        return Err(bad(format!(
            "The role name has {} characters; a role name has at most {MAX_ROLE_NAME_CHARS}.",
            role_name.chars().count()
        )));
    }
    if let Some(d) = &p.description
        && d.chars().count() > MAX_ROLE_DESCRIPTION_CHARS
    {
        return Err(bad(format!(
            "The role description has {} characters; a description has at most {MAX_ROLE_DESCRIPTION_CHARS}.",
            d.chars().count()
        )));
    }
    let blocks = p.permissions.as_deref().unwrap_or_default();
    if blocks.len() > MAX_PERMISSION_BLOCKS {
        return Err(bad(format!(
            "The role has {} permission blocks; a role has at most {MAX_PERMISSION_BLOCKS}.",
            blocks.len()
        )));
    }
    for perm in blocks {
        for list in [&perm.actions, &perm.not_actions] {
            if list.len() > MAX_CONTROL_ACTIONS
                || list
                    .iter()
                    .any(|a| a.chars().count() > MAX_CONTROL_ACTION_CHARS)
            {
                return Err(bad(format!(
                    "A permission block lists at most {MAX_CONTROL_ACTIONS} actions and notActions of at most {MAX_CONTROL_ACTION_CHARS} characters each."
                )));
            }
        }
        // Every entry must be a known data action (checked below), each at most once: a block
        // is bounded by the vocabulary.
        for list in [&perm.data_actions, &perm.not_data_actions] {
            if list.len() > crate::wire::rbac::DATA_ACTIONS.len() {
                return Err(bad(format!(
                    "A permission block lists {} data actions; there are {} Managed HSM data actions, each listed at most once.",
                    list.len(),
                    crate::wire::rbac::DATA_ACTIONS.len()
                )));
            }
            let mut seen = std::collections::HashSet::new();
            if let Some(dup) = list.iter().find(|a| !seen.insert(a.to_ascii_lowercase())) {
                return Err(bad(format!(
                    "The data action '{}' is listed twice in one permission block.",
                    dup.chars().take(200).collect::<String>()
                )));
            }
        }
    }
    let mut permissions = Vec::new();
    for perm in p.permissions.clone().unwrap_or_default() {
        let canon = |list: &[String]| -> ApiResult<Vec<String>> {
            list.iter()
                .map(|a| {
                    canonical_data_action(a).ok_or_else(|| {
                        bad(format!(
                            "'{}' is not a valid Managed HSM data action.",
                            a.chars().take(200).collect::<String>()
                        ))
                    })
                })
                .collect()
        };
        permissions.push(Permission {
            actions: perm.actions.clone(),
            not_actions: perm.not_actions.clone(),
            data_actions: canon(&perm.data_actions)?,
            not_data_actions: canon(&perm.not_data_actions)?,
        });
    }
    let def = RoleDefinition {
        id: role_definition_id(&name.to_ascii_lowercase()),
        name: name.to_ascii_lowercase(),
        kind: ROLE_DEFINITION_TYPE.into(),
        properties: RoleDefinitionProperties {
            role_name: Some(role_name.clone()),
            description: Some(p.description.clone().unwrap_or_default()),
            role_type: Some("CustomRole".into()),
            permissions: Some(permissions),
            assignable_scopes: Some(vec!["/".into()]),
        },
    };
    let hsm_key = plane.key.clone();
    let written_ms = plane.now_ms();
    plane.emu.store.write(|tx| {
        let existing: Vec<RoleDefinition> = tx
            .list(DEFINITIONS, &format!("{hsm_key}/"))?
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        let clash = BUILT_IN_ROLES
            .iter()
            .any(|b| b.name.eq_ignore_ascii_case(&role_name))
            || existing.iter().any(|d| {
                d.name != def.name
                    && d.properties
                        .role_name
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(&role_name))
            });
        if clash {
            return Err(ApiError::conflict(
                "RoleDefinitionWithSameNameExists",
                format!("A role definition named '{role_name}' already exists."),
            ));
        }
        if !existing.iter().any(|d| d.name == def.name) && existing.len() >= MAX_CUSTOM_ROLES {
            return Err(bad(format!(
                "The number of custom role definitions has reached the limit of {MAX_CUSTOM_ROLES}."
            )));
        }
        tx.put(
            DEFINITIONS,
            &key(&hsm_key, &def.name),
            &DefinitionRecord {
                definition: def.clone(),
                written_ms: Some(written_ms),
            },
        )?;
        Ok::<_, ApiError>(())
    })?;
    // The service answers 201 on create and on update (R12).
    Ok((StatusCode::CREATED, Json(def)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replication_shows_writes_and_deletions_only_once_older_than_the_cutoff() {
        // The primary (no cutoff) sees live records only.
        assert!(visible(None, Some(10_000), None));
        assert!(!visible(None, Some(10), Some(20)));
        // A secondary with cutoff 1000: written before → seen; after → not yet.
        assert!(visible(Some(1000), None, None));
        assert!(visible(Some(1000), Some(1000), None));
        assert!(!visible(Some(1000), Some(1001), None));
        // Deleted after the cutoff: still seen there; before: gone.
        assert!(visible(Some(1000), Some(500), Some(1500)));
        assert!(!visible(Some(1000), Some(500), Some(900)));
        // Written and deleted within the lag: never seen.
        assert!(!visible(Some(1000), Some(1200), Some(1500)));
    }

    fn a(principal: &str, role: &str, scope: &str) -> AssignmentRecord {
        AssignmentRecord {
            name: uuid::Uuid::new_v4().to_string(),
            scope: scope.into(),
            role_definition_id: role_definition_id(built_in(role).unwrap().guid),
            principal_id: principal.into(),
            created_ms: None,
        }
    }

    #[test]
    fn union_of_grants_and_scope_coverage() {
        let list = vec![
            a("p1", "Managed HSM Crypto User", "/keys/a"),
            a("g1", "Managed HSM Crypto Auditor", "/"),
        ];
        let sign = "Microsoft.KeyVault/managedHsm/keys/sign/action";
        let read = "Microsoft.KeyVault/managedHsm/keys/read/action";
        assert!(permitted(
            &list,
            &[],
            &["p1".into()],
            sign,
            &Scope::Key("a".into())
        ));
        assert!(!permitted(
            &list,
            &[],
            &["p1".into()],
            sign,
            &Scope::Key("b".into())
        ));
        assert!(!permitted(
            &list,
            &[],
            &["p1".into()],
            read,
            &Scope::Key("b".into())
        ));
        assert!(permitted(
            &list,
            &[],
            &["p1".into(), "g1".into()],
            read,
            &Scope::Key("b".into())
        ));
        assert!(!permitted(
            &list,
            &[],
            &["g1".into()],
            sign,
            &Scope::Key("a".into())
        ));
    }

    #[test]
    fn not_data_actions_subtract_within_a_role_only() {
        let custom = RoleDefinition {
            id: role_definition_id("11111111-1111-1111-1111-111111111111"),
            name: "11111111-1111-1111-1111-111111111111".into(),
            kind: ROLE_DEFINITION_TYPE.into(),
            properties: RoleDefinitionProperties {
                permissions: Some(vec![Permission {
                    data_actions: vec![
                        "Microsoft.KeyVault/managedHsm/keys/read/action".into(),
                        "Microsoft.KeyVault/managedHsm/keys/sign/action".into(),
                    ],
                    not_data_actions: vec!["Microsoft.KeyVault/managedHsm/keys/sign/action".into()],
                    ..Default::default()
                }]),
                ..Default::default()
            },
        };
        let mut list = vec![AssignmentRecord {
            name: "x".into(),
            scope: "/".into(),
            role_definition_id: custom.id.clone(),
            principal_id: "p".into(),
            created_ms: None,
        }];
        let sign = "Microsoft.KeyVault/managedHsm/keys/sign/action";
        assert!(!permitted(
            &list,
            std::slice::from_ref(&custom),
            &["p".into()],
            sign,
            &Scope::Keys
        ));
        list.push(a("p", "Managed HSM Crypto User", "/keys"));
        assert!(permitted(
            &list,
            std::slice::from_ref(&custom),
            &["p".into()],
            sign,
            &Scope::Keys
        ));
        // Defunct: the custom role is gone.
        assert!(!permitted(
            &list[..1],
            &[],
            &["p".into()],
            "Microsoft.KeyVault/managedHsm/keys/read/action",
            &Scope::Keys
        ));
    }

    #[test]
    fn filters() {
        let f = parse_assignment_filter(Some(&"principalId eq 'ABC'".to_string())).unwrap();
        assert_eq!(f.principal.as_deref(), Some("ABC"));
        assert!(
            parse_assignment_filter(Some(&"atScope()".to_string()))
                .unwrap()
                .at_scope
        );
        assert!(parse_assignment_filter(Some(&"roleName eq 'x'".to_string())).is_err());
    }
}

/// Property test of the authorization decision against an independent model of rest-api.md
/// §8.4: actions are indices into the vocabulary, roles are sets, scopes are plain values, and
/// the decision is written out as the rule reads (any assignment of one of the caller's ids
/// whose scope covers the target and whose role, block by block, grants the action).
#[cfg(test)]
mod model_tests {
    use super::*;
    use crate::wire::rbac::{BUILT_IN_ROLES, DATA_ACTIONS};
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// Principal ids: 0 the caller's oid, 1–2 its groups, 3–4 strangers.
    const IDS: [&str; 5] = [
        "0a0a0a0a-0000-0000-0000-000000000001",
        "0a0a0a0a-0000-0000-0000-00000000000a",
        "0a0a0a0a-0000-0000-0000-00000000000b",
        "0a0a0a0a-0000-0000-0000-000000000003",
        "0a0a0a0a-0000-0000-0000-000000000004",
    ];
    const KEYS: [&str; 3] = ["alpha", "beta", "Alpha-2"];

    #[derive(Debug, Clone)]
    struct Block {
        allow: BTreeSet<usize>,
        deny: BTreeSet<usize>,
    }

    /// Which role an assignment names.
    #[derive(Debug, Clone)]
    enum Role {
        BuiltIn(usize),
        Custom(usize),
        /// A custom role that was deleted (or never existed): grants nothing.
        Gone,
    }

    #[derive(Debug, Clone, PartialEq)]
    enum MScope {
        Root,
        Keys,
        Key(usize),
    }

    #[derive(Debug, Clone)]
    struct Assign {
        principal: usize,
        role: Role,
        scope: MScope,
        upper_principal: bool,
        upper_role: bool,
        upper_key: bool,
    }

    #[derive(Debug, Clone)]
    struct Case {
        roles: Vec<Vec<Block>>,
        assigns: Vec<Assign>,
        user: bool,
        groups: Vec<usize>,
        action: usize,
        upper_action: bool,
        target: MScope,
        upper_target: bool,
    }

    fn action_set() -> impl Strategy<Value = BTreeSet<usize>> {
        // Small sets over the vocabulary, biased to overlap between blocks and requests.
        proptest::collection::btree_set(0..DATA_ACTIONS.len(), 0..8)
    }

    fn scope() -> impl Strategy<Value = MScope> {
        prop_oneof![
            Just(MScope::Root),
            Just(MScope::Keys),
            (0..KEYS.len()).prop_map(MScope::Key)
        ]
    }

    fn case() -> impl Strategy<Value = Case> {
        let block = (action_set(), action_set()).prop_map(|(allow, deny)| Block { allow, deny });
        let roles = proptest::collection::vec(proptest::collection::vec(block, 0..4), 0..4);
        roles.prop_flat_map(|roles| {
            let n = roles.len();
            let role = prop_oneof![
                (0..BUILT_IN_ROLES.len()).prop_map(Role::BuiltIn),
                (0..n.max(1)).prop_map(move |i| if n == 0 { Role::Gone } else { Role::Custom(i) }),
                Just(Role::Gone),
            ];
            let assign = (0..IDS.len(), role, scope(), any::<[bool; 3]>()).prop_map(
                |(principal, role, scope, up)| Assign {
                    principal,
                    role,
                    scope,
                    upper_principal: up[0],
                    upper_role: up[1],
                    upper_key: up[2],
                },
            );
            (
                Just(roles),
                proptest::collection::vec(assign, 0..8),
                any::<bool>(),
                proptest::collection::vec(1usize..3, 0..3),
                // Mostly actions some role mentions; the vocabulary is large.
                0..DATA_ACTIONS.len(),
                any::<bool>(),
                scope(),
                any::<bool>(),
            )
                .prop_map(
                    |(roles, assigns, user, groups, action, upper_action, target, upper_target)| {
                        Case {
                            roles,
                            assigns,
                            user,
                            groups,
                            action,
                            upper_action,
                            target,
                            upper_target,
                        }
                    },
                )
        })
    }

    fn custom_guid(i: usize) -> String {
        format!("c0c0c0c0-0000-4000-8000-{i:012x}")
    }

    /// The model: the rule of §8.4 over plain values.
    fn model(c: &Case) -> bool {
        let mut mine: BTreeSet<usize> = BTreeSet::from([0]);
        if c.user {
            mine.extend(c.groups.iter().copied());
        }
        let role_grants = |r: &Role| -> BTreeSet<usize> {
            match r {
                Role::Gone => BTreeSet::new(),
                Role::BuiltIn(i) => DATA_ACTIONS
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| BUILT_IN_ROLES[*i].data_actions.contains(a))
                    .map(|(j, _)| j)
                    .collect(),
                Role::Custom(i) => c.roles[*i]
                    .iter()
                    .flat_map(|b| b.allow.difference(&b.deny).copied().collect::<Vec<_>>())
                    .collect(),
            }
        };
        let covers = |s: &MScope| match (s, &c.target) {
            (MScope::Root | MScope::Keys, _) => true,
            (MScope::Key(k), MScope::Key(t)) => KEYS[*k].to_lowercase() == KEYS[*t].to_lowercase(),
            (MScope::Key(_), _) => false,
        };
        c.assigns.iter().any(|a| {
            mine.contains(&a.principal)
                && covers(&a.scope)
                && role_grants(&a.role).contains(&c.action)
        })
    }

    fn flip(s: &str, upper: bool) -> String {
        if upper {
            s.to_ascii_uppercase()
        } else {
            s.to_string()
        }
    }

    fn scope_of(s: &MScope, upper: bool) -> Scope {
        match s {
            MScope::Root => Scope::Root,
            MScope::Keys => Scope::Keys,
            MScope::Key(k) => Scope::Key(flip(KEYS[*k], upper)),
        }
    }

    /// The code under test: the wire records, the caller's ids, and `permitted`.
    fn decide(c: &Case) -> bool {
        let custom: Vec<RoleDefinition> = c
            .roles
            .iter()
            .enumerate()
            .map(|(i, blocks)| RoleDefinition {
                id: role_definition_id(&custom_guid(i)),
                name: custom_guid(i),
                kind: ROLE_DEFINITION_TYPE.into(),
                properties: RoleDefinitionProperties {
                    permissions: Some(
                        blocks
                            .iter()
                            .map(|b| Permission {
                                data_actions: b
                                    .allow
                                    .iter()
                                    .map(|&j| crate::wire::rbac::data_action(DATA_ACTIONS[j]))
                                    .collect(),
                                not_data_actions: b
                                    .deny
                                    .iter()
                                    .map(|&j| crate::wire::rbac::data_action(DATA_ACTIONS[j]))
                                    .collect(),
                                ..Default::default()
                            })
                            .collect(),
                    ),
                    ..Default::default()
                },
            })
            .collect();
        let records: Vec<AssignmentRecord> = c
            .assigns
            .iter()
            .enumerate()
            .map(|(n, a)| {
                let guid = match &a.role {
                    Role::BuiltIn(i) => BUILT_IN_ROLES[*i].guid.to_string(),
                    Role::Custom(i) => custom_guid(*i),
                    Role::Gone => custom_guid(999),
                };
                AssignmentRecord {
                    name: format!("{n}"),
                    scope: scope_of(&a.scope, a.upper_key).as_string(),
                    role_definition_id: role_definition_id(&flip(&guid, a.upper_role)),
                    principal_id: flip(IDS[a.principal], a.upper_principal),
                    created_ms: None,
                }
            })
            .collect();
        let claims = serde_json::json!({
            "aud": "https://managedhsm.azure.net", "iss": "x", "iat": 0, "nbf": 0, "exp": 0,
            "tid": "t", "oid": IDS[0], "sub": IDS[0],
            "idtyp": if c.user { "user" } else { "app" },
            "groups": c.groups.iter().map(|&g| IDS[g]).collect::<Vec<_>>(),
        });
        let caller = Caller {
            claims: serde_json::from_value(claims).unwrap(),
        };
        let ids = principal_ids(&caller);
        let action = flip(
            &crate::wire::rbac::data_action(DATA_ACTIONS[c.action]),
            c.upper_action,
        );
        permitted(
            &records,
            &custom,
            &ids,
            &action,
            &scope_of(&c.target, c.upper_target),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn permitted_matches_the_model(c in case()) {
            prop_assert_eq!(decide(&c), model(&c));
        }
    }

    /// The generator reaches both answers often (a model that always says no would pass
    /// otherwise).
    #[test]
    fn the_generated_cases_cover_grants_and_denials() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        let mut runner = TestRunner::deterministic();
        let (mut yes, mut no) = (0, 0);
        for _ in 0..2000 {
            let c = case().new_tree(&mut runner).unwrap().current();
            if model(&c) { yes += 1 } else { no += 1 }
        }
        assert!(yes > 100 && no > 100, "yes {yes}, no {no}");
    }
}
