//! Local RBAC as code (`mhsm role export|plan|apply`): the document (custom roles and role
//! assignments, YAML or JSON), its checks with the line of each entry, and the difference
//! between a document and an HSM's state. Pure: no I/O, no requests.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

use crate::wire::rbac::{
    BUILT_IN_ROLES, DATA_ACTIONS, RoleAssignment, RoleDefinition, Scope, built_in,
    built_in_definition, canonical_data_action,
};

/// Assignments at HSM scope (`/` and `/keys`) per HSM (rest-api.md §8.6).
pub const MAX_HSM_SCOPE_ASSIGNMENTS: usize = 50;
/// Assignments per key scope.
pub const MAX_KEY_SCOPE_ASSIGNMENTS: usize = 10;
/// Custom role definitions per HSM.
pub const MAX_CUSTOM_ROLES: usize = 50;

/// The data action that lets a principal manage role assignments: holding it at `/` is the
/// "administrator path" apply will not remove from the caller without `--allow-lockout`.
pub const ASSIGNMENT_WRITE: &str = "Microsoft.KeyVault/managedHsm/roleAssignments/write/action";

/// An HSM's local RBAC as a document.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Document {
    /// Where the document was exported from (informational; plan and apply ignore it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm: Option<String>,
    /// Custom role definitions (built-in roles are referenced by name, never copied).
    #[serde(default)]
    pub roles: Vec<RoleDoc>,
    #[serde(default)]
    pub assignments: Vec<AssignmentDoc>,
}

/// A custom role.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoleDoc {
    /// The role's name (`roleName`), unique on the HSM.
    pub name: String,
    /// Its GUID. Without one, an existing custom role of this name keeps its GUID and a new one
    /// gets a GUID derived from the name (the same on every HSM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub data_actions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_data_actions: Vec<String>,
}

/// A role assignment. Assignments have no properties to change: one is created or deleted.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssignmentDoc {
    /// A built-in role's name, a custom role's name (from `roles` or the HSM), or a GUID.
    pub role: String,
    /// `/`, `/keys` or `/keys/<name>` (default `/`).
    #[serde(default = "root_scope")]
    pub scope: String,
    /// The principal's name: user principal name, group or service principal display name,
    /// service principal name. Resolved through Graph when `principalId` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<String>,
    /// The principal's object id (wins over `principal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_id: Option<String>,
    /// `User`, `Group` or `ServicePrincipal` (informational, as exported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
}

fn root_scope() -> String {
    "/".into()
}

/// A problem with a document, with the line of the entry it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn render(&self, file: &str) -> String {
        match self.line {
            Some(l) => format!("{file}:{l}: {}", self.message),
            None => format!("{file}: {}", self.message),
        }
    }
}

/// A parsed document with the line of every role and assignment entry.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub doc: Document,
    pub role_lines: Vec<Option<usize>>,
    pub assignment_lines: Vec<Option<usize>>,
}

/// Parses a document (JSON when it looks like JSON, YAML otherwise). Parse errors carry the
/// parser's own line and column.
pub fn parse(text: &str) -> Result<Parsed, String> {
    let json = text.trim_start().starts_with('{');
    let doc: Document = if json {
        serde_json::from_str(text).map_err(|e| format!("not a valid document (JSON): {e}"))?
    } else {
        serde_norway::from_str::<Option<Document>>(text)
            .map_err(|e| format!("not a valid document (YAML): {e}"))?
            .unwrap_or_default()
    };
    let lines = |section: &str, n: usize| {
        let found = if json {
            json_item_lines(text, section)
        } else {
            yaml_item_lines(text, section)
        };
        (0..n).map(|i| found.get(i).copied()).collect::<Vec<_>>()
    };
    Ok(Parsed {
        role_lines: lines("roles", doc.roles.len()),
        assignment_lines: lines("assignments", doc.assignments.len()),
        doc,
    })
}

/// 1-based lines where the items of the top-level block sequence `section:` start.
fn yaml_item_lines(text: &str, section: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut indent: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let col = line.len() - trimmed.len();
        if col == 0 && !trimmed.starts_with('-') {
            inside = trimmed
                .strip_prefix(section)
                .is_some_and(|r| r.trim_start().starts_with(':'));
            indent = None;
            continue;
        }
        if !inside || !(trimmed == "-" || trimmed.starts_with("- ")) {
            continue;
        }
        match indent {
            None => {
                indent = Some(col);
                out.push(i + 1);
            }
            Some(c) if c == col => out.push(i + 1),
            _ => {}
        }
    }
    out
}

/// 1-based lines where the objects of the top-level array `"section"` start.
fn json_item_lines(text: &str, section: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut depth, mut line) = (0usize, 1usize);
    let mut in_string = false;
    let mut escaped = false;
    let mut string = String::new();
    let mut last_key: Option<String> = None;
    let mut array_depth: Option<usize> = None;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
                string.push(c);
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else {
                string.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                string.clear();
            }
            ':' if depth == 1 => last_key = Some(string.clone()),
            '{' | '[' => {
                if c == '[' && depth == 1 && last_key.as_deref() == Some(section) {
                    array_depth = Some(depth + 1);
                }
                if c == '{' && array_depth == Some(depth) {
                    out.push(line);
                }
                depth += 1;
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if c == ']' && array_depth == Some(depth + 1) {
                    array_depth = None;
                }
            }
            _ => {}
        }
    }
    out
}

/// The GUID a new custom role of this name gets when the document gives none: the same on
/// every HSM, so that one document makes the same roles everywhere.
pub fn role_guid_for(name: &str) -> String {
    uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        format!("mhsm:role:{}", name.to_ascii_lowercase()).as_bytes(),
    )
    .to_string()
}

fn is_guid(s: &str) -> bool {
    s.len() == 36 && uuid::Uuid::parse_str(s).is_ok()
}

/// A custom role as the document wants it.
#[derive(Debug, Clone, PartialEq)]
pub struct WantedRole {
    pub guid: String,
    pub name: String,
    pub description: String,
    pub data_actions: Vec<String>,
    pub not_data_actions: Vec<String>,
    pub line: Option<usize>,
}

/// An assignment as the document wants it, principal resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct WantedAssignment {
    pub scope: Scope,
    pub role_guid: String,
    pub role_name: String,
    pub principal_id: String,
    /// The principal's name as the document gives it (or as Graph knows it).
    pub principal: Option<String>,
    pub line: Option<usize>,
}

/// Checks what can be checked without the HSM: names, GUIDs, scopes, data actions, duplicates,
/// limits. Every problem is reported, not just the first.
pub fn check(p: &Parsed) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut names = HashSet::new();
    let mut ids = HashSet::new();
    if p.doc.roles.len() > MAX_CUSTOM_ROLES {
        out.push(Problem {
            line: p.role_lines.get(MAX_CUSTOM_ROLES).copied().flatten(),
            message: format!(
                "{} custom roles: an HSM holds at most {MAX_CUSTOM_ROLES}.",
                p.doc.roles.len()
            ),
        });
    }
    for (i, r) in p.doc.roles.iter().enumerate() {
        let line = p.role_lines[i];
        let mut bad = |m: String| out.push(Problem { line, message: m });
        let name = r.name.trim();
        if name.is_empty() {
            bad("a role needs a 'name'.".into());
        } else if built_in(name).is_some() {
            bad(format!(
                "role '{name}' has the name of a built-in role; built-in roles are referenced by name in 'assignments', never defined."
            ));
        } else if !names.insert(name.to_ascii_lowercase()) {
            bad(format!("role '{name}' is defined twice."));
        }
        if let Some(id) = &r.id {
            if !is_guid(id) {
                bad(format!("role '{name}': id '{id}' is not a GUID."));
            } else if built_in(id).is_some() {
                bad(format!(
                    "role '{name}': id '{id}' is the GUID of a built-in role."
                ));
            } else if !ids.insert(id.to_ascii_lowercase()) {
                bad(format!("role '{name}': id '{id}' is used by another role."));
            }
        }
        if r.data_actions.is_empty() {
            bad(format!("role '{name}' has no dataActions."));
        }
        for a in r.data_actions.iter().chain(&r.not_data_actions) {
            if canonical_data_action(a).is_none() {
                bad(format!(
                    "role '{name}': data action '{a}' does not exist. Known: {}.",
                    DATA_ACTIONS.join(", ")
                ));
            }
        }
    }
    let mut seen = HashMap::new();
    for (i, a) in p.doc.assignments.iter().enumerate() {
        let line = p.assignment_lines[i];
        let mut bad = |m: String| out.push(Problem { line, message: m });
        let scope = match a.scope.parse::<Scope>() {
            Ok(s) => Some(s),
            Err(e) => {
                bad(e);
                None
            }
        };
        if a.role.trim().is_empty() {
            bad("an assignment needs a 'role'.".into());
        }
        match (&a.principal_id, &a.principal) {
            (Some(id), _) if !is_guid(id.trim()) => {
                bad(format!("principalId '{id}' is not an object id (GUID)."))
            }
            (None, None) => bad("an assignment needs 'principal' or 'principalId'.".into()),
            (None, Some(n)) if n.trim().is_empty() => bad("'principal' is empty.".into()),
            _ => {}
        }
        if let Some(s) = scope {
            let who = a
                .principal_id
                .clone()
                .or_else(|| a.principal.clone())
                .unwrap_or_default()
                .to_ascii_lowercase();
            let key = (s.to_string(), a.role.trim().to_ascii_lowercase(), who);
            if let Some(first) = seen.insert(key, line) {
                bad(format!(
                    "the same assignment is listed twice (first{}).",
                    first.map(|l| format!(" at line {l}")).unwrap_or_default()
                ));
            }
        }
    }
    out
}

/// Resolves the document's roles against the HSM's custom roles: GUIDs are kept by name.
pub fn wanted_roles(p: &Parsed, current: &[RoleDefinition]) -> Vec<WantedRole> {
    p.doc
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let name = r.name.trim().to_string();
            let guid =
                r.id.clone()
                    .or_else(|| {
                        current
                            .iter()
                            .find(|d| {
                                d.properties
                                    .role_name
                                    .as_deref()
                                    .is_some_and(|n| n.eq_ignore_ascii_case(&name))
                            })
                            .map(|d| d.name.clone())
                    })
                    .unwrap_or_else(|| role_guid_for(&name))
                    .to_ascii_lowercase();
            let canon = |v: &[String]| {
                let mut v: Vec<String> =
                    v.iter().filter_map(|a| canonical_data_action(a)).collect();
                v.sort();
                v.dedup();
                v
            };
            WantedRole {
                guid,
                name,
                description: r.description.clone().unwrap_or_default(),
                data_actions: canon(&r.data_actions),
                not_data_actions: canon(&r.not_data_actions),
                line: p.role_lines[i],
            }
        })
        .collect()
}

/// The GUID and name of an assignment's role: a built-in, a role of the document, or a custom
/// role on the HSM (that the document does not delete).
pub fn resolve_role(
    role: &str,
    wanted: &[WantedRole],
    current: &[RoleDefinition],
) -> Option<(String, String)> {
    let r = role.trim();
    let tail = r.rsplit('/').next().unwrap_or(r);
    if let Some(b) = built_in(r).or_else(|| built_in(tail)) {
        return Some((b.guid.to_string(), b.name.to_string()));
    }
    if let Some(w) = wanted
        .iter()
        .find(|w| w.name.eq_ignore_ascii_case(r) || w.guid.eq_ignore_ascii_case(tail))
    {
        return Some((w.guid.clone(), w.name.clone()));
    }
    current
        .iter()
        .find(|d| {
            d.name.eq_ignore_ascii_case(tail)
                || d.properties
                    .role_name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(r))
        })
        .map(|d| {
            (
                d.name.to_ascii_lowercase(),
                d.properties.role_name.clone().unwrap_or_default(),
            )
        })
}

/// One change plan or apply makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    CreateRole(WantedRole),
    /// The role and what differs (`description`, `dataActions`, …).
    UpdateRole(WantedRole, Vec<String>),
    DeleteRole(RoleDefinition),
    CreateAssignment(WantedAssignment),
    /// An existing assignment (with its role's name, when known).
    DeleteAssignment(RoleAssignment, Option<String>),
}

impl Change {
    pub fn action(&self) -> &'static str {
        match self {
            Change::CreateRole(_) | Change::CreateAssignment(_) => "create",
            Change::UpdateRole(..) => "update",
            Change::DeleteRole(_) | Change::DeleteAssignment(..) => "delete",
        }
    }

    /// Order of application: roles are made before the assignments that use them, new
    /// assignments before old ones go (an administrator path is never missing in between),
    /// roles deleted last.
    pub fn order(&self) -> u8 {
        match self {
            Change::CreateRole(_) | Change::UpdateRole(..) => 0,
            Change::CreateAssignment(_) => 1,
            Change::DeleteAssignment(..) => 2,
            Change::DeleteRole(_) => 3,
        }
    }
}

/// The HSM's current local RBAC as plan and apply need it.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Custom role definitions only.
    pub roles: Vec<RoleDefinition>,
    /// Assignments at every scope read (HSM-wide, and the key scopes listed).
    pub assignments: Vec<RoleAssignment>,
}

fn guid_of(role_definition_id: &str) -> String {
    role_definition_id
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn sorted_canon(v: &[String]) -> Vec<String> {
    let mut v: Vec<String> = v
        .iter()
        .map(|a| canonical_data_action(a).unwrap_or_else(|| a.clone()))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The changes that make `state` match the wanted roles and assignments. Without `prune`,
/// what the HSM has beyond the document stays (and is returned second, for the report).
pub fn diff(
    roles: &[WantedRole],
    assignments: &[WantedAssignment],
    state: &State,
    prune: bool,
) -> (Vec<Change>, Vec<Change>) {
    let mut changes = Vec::new();
    let mut extra = Vec::new();
    for w in roles {
        match state
            .roles
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(&w.guid))
        {
            None => changes.push(Change::CreateRole(w.clone())),
            Some(d) => {
                let p = &d.properties;
                let perms = p.permissions.clone().unwrap_or_default();
                let da: Vec<String> = perms.iter().flat_map(|x| x.data_actions.clone()).collect();
                let nda: Vec<String> = perms
                    .iter()
                    .flat_map(|x| x.not_data_actions.clone())
                    .collect();
                let mut what = Vec::new();
                if p.role_name.as_deref() != Some(w.name.as_str()) {
                    what.push("roleName".to_string());
                }
                if p.description.clone().unwrap_or_default() != w.description {
                    what.push("description".into());
                }
                if sorted_canon(&da) != w.data_actions {
                    what.push("dataActions".into());
                }
                if sorted_canon(&nda) != w.not_data_actions {
                    what.push("notDataActions".into());
                }
                if !what.is_empty() {
                    changes.push(Change::UpdateRole(w.clone(), what));
                }
            }
        }
    }
    let role_names: HashMap<String, String> = state
        .roles
        .iter()
        .map(|d| {
            (
                d.name.to_ascii_lowercase(),
                d.properties.role_name.clone().unwrap_or_default(),
            )
        })
        .chain(
            BUILT_IN_ROLES
                .iter()
                .map(|b| (b.guid.to_string(), b.name.to_string())),
        )
        .collect();
    let key = |s: &Scope, g: &str, p: &str| {
        (
            s.to_string(),
            g.to_ascii_lowercase(),
            p.to_ascii_lowercase(),
        )
    };
    let have: HashSet<_> = state
        .assignments
        .iter()
        .map(|a| {
            key(
                &a.properties.scope.parse().unwrap_or(Scope::Root),
                &guid_of(&a.properties.role_definition_id),
                &a.properties.principal_id,
            )
        })
        .collect();
    let want: HashSet<_> = assignments
        .iter()
        .map(|w| key(&w.scope, &w.role_guid, &w.principal_id))
        .collect();
    for w in assignments {
        if !have.contains(&key(&w.scope, &w.role_guid, &w.principal_id)) {
            changes.push(Change::CreateAssignment(w.clone()));
        }
    }
    for a in &state.assignments {
        let g = guid_of(&a.properties.role_definition_id);
        let k = key(
            &a.properties.scope.parse().unwrap_or(Scope::Root),
            &g,
            &a.properties.principal_id,
        );
        if !want.contains(&k) {
            let c = Change::DeleteAssignment(a.clone(), role_names.get(&g).cloned());
            if prune {
                changes.push(c)
            } else {
                extra.push(c)
            }
        }
    }
    for d in &state.roles {
        if !roles.iter().any(|w| w.guid.eq_ignore_ascii_case(&d.name)) {
            let c = Change::DeleteRole(d.clone());
            if prune {
                changes.push(c)
            } else {
                extra.push(c)
            }
        }
    }
    changes.sort_by_key(Change::order);
    (changes, extra)
}

/// The service's limits on the state after the changes: assignments at HSM scope and per key,
/// custom roles.
pub fn check_limits(state: &State, changes: &[Change]) -> Vec<Problem> {
    let mut per_scope: HashMap<String, i64> = HashMap::new();
    let scope_key = |s: &Scope| {
        if s.is_hsm_wide() {
            "/".to_string()
        } else {
            s.to_string()
        }
    };
    for a in &state.assignments {
        *per_scope
            .entry(scope_key(
                &a.properties.scope.parse().unwrap_or(Scope::Root),
            ))
            .or_default() += 1;
    }
    let mut roles = state.roles.len() as i64;
    let mut lines: HashMap<String, Option<usize>> = HashMap::new();
    for c in changes {
        match c {
            Change::CreateAssignment(w) => {
                *per_scope.entry(scope_key(&w.scope)).or_default() += 1;
                lines.entry(scope_key(&w.scope)).or_insert(w.line);
            }
            Change::DeleteAssignment(a, _) => {
                *per_scope
                    .entry(scope_key(
                        &a.properties.scope.parse().unwrap_or(Scope::Root),
                    ))
                    .or_default() -= 1;
            }
            Change::CreateRole(_) => roles += 1,
            Change::DeleteRole(_) => roles -= 1,
            Change::UpdateRole(..) => {}
        }
    }
    let mut out = Vec::new();
    let mut scopes: Vec<_> = per_scope.into_iter().collect();
    scopes.sort();
    for (s, n) in scopes {
        let limit = if s == "/" {
            MAX_HSM_SCOPE_ASSIGNMENTS
        } else {
            MAX_KEY_SCOPE_ASSIGNMENTS
        };
        if n > limit as i64 {
            let what = if s == "/" {
                "at HSM scope ('/' and '/keys')".to_string()
            } else {
                format!("at scope '{s}'")
            };
            out.push(Problem {
                line: lines.get(&s).copied().flatten(),
                message: format!(
                    "{n} role assignments {what} after the changes: the service allows {limit}. Use groups, or --prune to remove what the document does not list."
                ),
            });
        }
    }
    if roles > MAX_CUSTOM_ROLES as i64 {
        out.push(Problem {
            line: None,
            message: format!(
                "{roles} custom roles after the changes: the service allows {MAX_CUSTOM_ROLES}."
            ),
        });
    }
    out
}

/// Who holds which role where, and what the custom roles grant: enough to predict whether a
/// principal may manage role assignments.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grants {
    /// (scope, role GUID, principal object id), lower-cased.
    pub assignments: Vec<(Scope, String, String)>,
    /// (custom role GUID, data actions, not data actions).
    pub roles: Vec<(String, Vec<String>, Vec<String>)>,
}

impl Grants {
    /// Whether `principals` hold [`ASSIGNMENT_WRITE`] at `/`.
    pub fn admin_path(&self, principals: &[String]) -> bool {
        self.assignments.iter().any(|(scope, guid, principal)| {
            *scope == Scope::Root
                && principals.iter().any(|p| p.eq_ignore_ascii_case(principal))
                && grants(guid, &self.roles, ASSIGNMENT_WRITE)
        })
    }
}

fn grants(guid: &str, custom: &[(String, Vec<String>, Vec<String>)], action: &str) -> bool {
    let has = |v: &[String]| v.iter().any(|a| a.eq_ignore_ascii_case(action));
    match built_in(guid) {
        Some(b) if b.guid.eq_ignore_ascii_case(guid) => built_in_definition(b)
            .properties
            .permissions
            .unwrap_or_default()
            .iter()
            .any(|p| has(&p.data_actions) && !has(&p.not_data_actions)),
        _ => custom
            .iter()
            .any(|(g, da, nda)| g.eq_ignore_ascii_case(guid) && has(da) && !has(nda)),
    }
}

/// The grants before and after `changes`.
pub fn admin_paths(state: &State, changes: &[Change]) -> (Grants, Grants) {
    let triple = |a: &RoleAssignment| {
        (
            a.properties.scope.parse().unwrap_or(Scope::Root),
            guid_of(&a.properties.role_definition_id),
            a.properties.principal_id.to_ascii_lowercase(),
        )
    };
    let role = |d: &RoleDefinition| {
        let perms = d.properties.permissions.clone().unwrap_or_default();
        (
            d.name.to_ascii_lowercase(),
            sorted_canon(
                &perms
                    .iter()
                    .flat_map(|p| p.data_actions.clone())
                    .collect::<Vec<_>>(),
            ),
            sorted_canon(
                &perms
                    .iter()
                    .flat_map(|p| p.not_data_actions.clone())
                    .collect::<Vec<_>>(),
            ),
        )
    };
    let before = Grants {
        assignments: state.assignments.iter().map(triple).collect(),
        roles: state.roles.iter().map(role).collect(),
    };
    let mut after = before.clone();
    for c in changes {
        match c {
            Change::CreateAssignment(w) => after.assignments.push((
                w.scope.clone(),
                w.role_guid.to_ascii_lowercase(),
                w.principal_id.to_ascii_lowercase(),
            )),
            Change::DeleteAssignment(a, _) => {
                let t = triple(a);
                after.assignments.retain(|x| *x != t);
            }
            Change::CreateRole(w) | Change::UpdateRole(w, _) => {
                after
                    .roles
                    .retain(|(g, _, _)| !g.eq_ignore_ascii_case(&w.guid));
                after.roles.push((
                    w.guid.clone(),
                    w.data_actions.clone(),
                    w.not_data_actions.clone(),
                ));
            }
            Change::DeleteRole(d) => after
                .roles
                .retain(|(g, _, _)| !g.eq_ignore_ascii_case(&d.name)),
        }
    }
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::rbac::{RoleAssignmentProperties, role_definition_id};

    const YAML: &str = "\
# exported
hsm: contoso
roles:
  - name: Key Rotator
    dataActions:
      - Microsoft.KeyVault/managedHsm/keys/rotate/action
      - keys/read/action
assignments:
  - role: Managed HSM Crypto User
    scope: /keys/app-key
    principalId: 2f1c6a30-0000-4000-8000-000000000001
  -   role: Key Rotator
      principal: rotation-bot
";

    #[test]
    fn yaml_and_json_entries_know_their_lines() {
        let p = parse(YAML).unwrap();
        assert_eq!(p.role_lines, [Some(4)]);
        assert_eq!(p.assignment_lines, [Some(9), Some(12)]);
        let json = serde_json::to_string_pretty(&p.doc).unwrap();
        let j = parse(&json).unwrap();
        assert_eq!(j.doc, p.doc);
        let lines: Vec<&str> = json.lines().collect();
        for l in j.assignment_lines.iter().chain(&j.role_lines) {
            assert_eq!(lines[l.unwrap() - 1].trim(), "{");
        }
        assert_eq!(j.assignment_lines.len(), 2);
        assert!(
            parse("roles: [{name: x, dataAction: []}]").is_err(),
            "unknown fields refused"
        );
        assert!(parse("").unwrap().doc.assignments.is_empty());
    }

    #[test]
    fn checks_report_every_problem_with_its_line() {
        let text = "\
roles:
  - name: Managed HSM Crypto User
    dataActions: [keys/read/action]
  - name: Bad
    id: not-a-guid
    dataActions: [keys/fly/action]
assignments:
  - role: Bad
    scope: /secrets
    principalId: x
  - role: Bad
    principal: someone
  - role: Bad
    principal: someone
";
        let p = parse(text).unwrap();
        let msgs: Vec<String> = check(&p).iter().map(|x| x.render("f.yaml")).collect();
        assert!(
            msgs.iter().any(|m| m.starts_with(
                "f.yaml:2: role 'Managed HSM Crypto User' has the name of a built-in"
            )),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("f.yaml:4: role 'Bad': id 'not-a-guid' is not a GUID")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m
                .starts_with("f.yaml:4: role 'Bad': data action 'keys/fly/action' does not exist")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("f.yaml:8: '/secrets' is not a valid scope")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("f.yaml:8: principalId 'x' is not an object id")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m
                .starts_with("f.yaml:13: the same assignment is listed twice (first at line 11)")),
            "{msgs:?}"
        );
    }

    fn assignment(scope: &str, guid: &str, principal: &str) -> RoleAssignment {
        RoleAssignment {
            id: String::new(),
            name: uuid::Uuid::new_v4().to_string(),
            kind: String::new(),
            properties: RoleAssignmentProperties {
                scope: scope.into(),
                role_definition_id: role_definition_id(guid),
                principal_id: principal.into(),
            },
        }
    }

    #[test]
    fn diff_creates_updates_and_prunes_in_a_safe_order() {
        let p = parse(YAML).unwrap();
        let roles = wanted_roles(&p, &[]);
        assert_eq!(roles[0].guid, role_guid_for("key rotator"));
        assert_eq!(roles[0].data_actions.len(), 2);
        let admin = built_in("Managed HSM Administrator").unwrap().guid;
        let user = built_in("Managed HSM Crypto User").unwrap().guid;
        let state = State {
            roles: vec![],
            assignments: vec![
                assignment("/", admin, "me"),
                assignment(
                    "/keys/app-key",
                    user,
                    "2f1c6a30-0000-4000-8000-000000000001",
                ),
            ],
        };
        let wanted = vec![WantedAssignment {
            scope: Scope::Key("app-key".into()),
            role_guid: user.into(),
            role_name: "Managed HSM Crypto User".into(),
            principal_id: "2F1C6A30-0000-4000-8000-000000000001".into(),
            principal: None,
            line: Some(9),
        }];
        let (changes, extra) = diff(&roles, &wanted, &state, false);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(matches!(changes[0], Change::CreateRole(_)));
        assert_eq!(extra.len(), 1);
        let (changes, _) = diff(&roles, &wanted, &state, true);
        assert_eq!(
            changes.iter().map(Change::action).collect::<Vec<_>>(),
            ["create", "delete"]
        );
        // The prune would take the caller's only administrator path.
        let (before, after) = admin_paths(&state, &changes);
        let me = vec!["me".to_string()];
        assert!(before.admin_path(&me));
        assert!(!after.admin_path(&me));
    }

    #[test]
    fn limits_count_the_state_after_the_changes() {
        let user = built_in("Managed HSM Crypto User").unwrap().guid;
        let state = State {
            roles: vec![],
            assignments: (0..10)
                .map(|i| assignment("/keys/k", user, &format!("p{i}")))
                .collect(),
        };
        let more = WantedAssignment {
            scope: Scope::Key("k".into()),
            role_guid: user.into(),
            role_name: String::new(),
            principal_id: "new".into(),
            principal: None,
            line: Some(7),
        };
        let problems = check_limits(&state, &[Change::CreateAssignment(more.clone())]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(7));
        let freed = Change::DeleteAssignment(state.assignments[0].clone(), None);
        assert!(check_limits(&state, &[Change::CreateAssignment(more), freed]).is_empty());
    }
}
