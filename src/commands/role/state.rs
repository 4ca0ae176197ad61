//! Reading an HSM's local RBAC for `role export|plan|apply`: its custom roles, its HSM-wide
//! assignments and the assignments of its keys (listing at `/` does not return key-scoped ones,
//! so every key scope is listed, concurrently), and resolving a document against it.

use futures::StreamExt;
use serde_json::{Value, json};
use std::collections::HashMap;

use super::code::{self, Change, Parsed, Problem, State, WantedAssignment};
use super::common;
use crate::client::ClientError;
use crate::client::hsm::HsmEndpoint;
use crate::commands::{CliError, Ctx};
use crate::wire::rbac::Scope;

/// Concurrent list requests when reading key scopes.
const READ_CONCURRENCY: usize = 16;
/// Attempts of a read the service throttles (the client has retried each already).
const READ_ATTEMPTS: u32 = 12;

/// Runs a read again while the service throttles it (429), backing off: RBAC reads count
/// against the same per-HSM rate limit as writes, so a plan or apply next to other work must
/// wait its turn rather than fail.
pub async fn patiently<T, F, Fut>(mut call: F) -> Result<T, ClientError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, ClientError>>,
{
    let mut attempt = 0u32;
    loop {
        match call().await {
            Err(ClientError::Api { status: 429, .. }) if attempt + 1 < READ_ATTEMPTS => {
                attempt += 1;
                tokio::time::sleep(std::time::Duration::from_millis(
                    500 * u64::from(attempt.min(4)),
                ))
                .await;
            }
            r => return r,
        }
    }
}

/// Which key scopes to read.
pub enum KeyScopes {
    /// Every key of the HSM (export, `--prune`).
    All,
    /// Just these key names.
    Only(Vec<String>),
}

/// Reads the HSM's custom roles and assignments. What could not be read for lack of rights is
/// said in the returned notes (and the state lacks it).
pub async fn read(
    ctx: &Ctx,
    hsm: &HsmEndpoint,
    scopes: KeyScopes,
) -> Result<(State, Vec<String>), CliError> {
    let client = ctx.client().await?;
    let mut notes = Vec::new();
    let roles = patiently(|| client.list_role_definitions(hsm, &Scope::Root))
        .await?
        .into_iter()
        .filter(|d| d.properties.role_type.as_deref() == Some("CustomRole"))
        .collect();
    let mut assignments: Vec<_> =
        patiently(|| client.list_role_assignments(hsm, &Scope::Root, None))
            .await?
            .into_iter()
            .filter(|a| {
                a.properties
                    .scope
                    .parse::<Scope>()
                    .is_ok_and(|s| s.is_hsm_wide())
            })
            .collect();
    let keys = match scopes {
        KeyScopes::Only(k) => k,
        KeyScopes::All => match client.list_keys(hsm, None).await {
            Ok(items) => items
                .iter()
                .filter_map(|k| k.kid.split("/keys/").nth(1))
                .map(|rest| rest.split('/').next().unwrap_or(rest).to_string())
                .collect(),
            Err(ClientError::Api { status: 403, .. }) => {
                notes.push(
                    "Key-scoped role assignments were not read: listing the HSM's keys needs keys/read (e.g. Managed HSM Crypto Auditor). Only '/' and '/keys' are covered."
                        .into(),
                );
                vec![]
            }
            Err(e) => return Err(e.into()),
        },
    };
    let total = keys.len();
    let mut done = 0usize;
    let mut lists = futures::stream::iter(keys.into_iter().map(|k| async move {
        let scope = Scope::Key(k.clone());
        let r = patiently(|| client.list_role_assignments(hsm, &scope, Some("atScope()"))).await;
        (k, r)
    }))
    .buffer_unordered(READ_CONCURRENCY);
    while let Some((k, r)) = lists.next().await {
        done += 1;
        if total > 50 {
            ctx.printer
                .status(&format!("Read the role assignments of {done}/{total} keys"));
        }
        match r {
            Ok(list) => assignments.extend(list.into_iter().filter(|a| {
                a.properties
                    .scope
                    .parse::<Scope>()
                    .is_ok_and(|s| s == Scope::Key(k.clone()))
            })),
            // The key went away meanwhile: it has no assignments to compare.
            Err(ClientError::Api { status: 404, .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    if total > 50 {
        ctx.printer.progress_done();
    }
    Ok((State { roles, assignments }, notes))
}

/// A document checked and compared with an HSM.
pub struct Prepared {
    pub parsed: Parsed,
    pub state: State,
    pub changes: Vec<Change>,
    /// What the HSM has beyond the document (kept without `--prune`).
    pub extra: Vec<Change>,
    pub notes: Vec<String>,
    /// Principal names by object id (from the document and Graph), for the report.
    pub names: HashMap<String, String>,
    /// The changes take the caller's last path to managing role assignments at '/'.
    pub locks_out: bool,
}

/// Reads and checks `file`, reads the HSM and computes the changes. Every problem of the
/// document is reported at once, each with its line, before any write.
pub async fn prepare(
    ctx: &Ctx,
    hsm: &HsmEndpoint,
    file: &std::path::Path,
    prune: bool,
) -> Result<Prepared, CliError> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::Invalid(format!("Cannot read {shown}: {e}")))?;
    let parsed = code::parse(&text).map_err(|e| CliError::Invalid(format!("{shown}: {e}")))?;
    let problems = code::check(&parsed);
    if !problems.is_empty() {
        return Err(invalid(&shown, &problems));
    }
    let key_scopes = if prune {
        KeyScopes::All
    } else {
        let mut ks: Vec<String> = parsed
            .doc
            .assignments
            .iter()
            .filter_map(|a| match a.scope.parse::<Scope>() {
                Ok(Scope::Key(k)) => Some(k),
                _ => None,
            })
            .collect();
        ks.sort_by_key(|k| k.to_ascii_lowercase());
        ks.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        KeyScopes::Only(ks)
    };
    let (state, notes) = read(ctx, hsm, key_scopes).await?;
    let roles = code::wanted_roles(&parsed, &state.roles);

    // Roles and principals of the assignments (Graph for names, once per name).
    let mut problems = Vec::new();
    let mut resolved: HashMap<String, Result<String, String>> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut wanted = Vec::new();
    for (i, a) in parsed.doc.assignments.iter().enumerate() {
        let line = parsed.assignment_lines[i];
        let Some((role_guid, role_name)) = code::resolve_role(&a.role, &roles, &state.roles) else {
            problems.push(Problem {
                line,
                message: format!(
                    "unknown role '{}': not a built-in role, not in 'roles' and not a custom role of the HSM.",
                    a.role
                ),
            });
            continue;
        };
        let principal_id = match (&a.principal_id, &a.principal) {
            (Some(id), _) => id.trim().to_ascii_lowercase(),
            (None, Some(n)) => {
                if !resolved.contains_key(n) {
                    let r = common::resolve_assignee(ctx, n)
                        .await
                        .map_err(|e| e.to_string());
                    resolved.insert(n.clone(), r);
                }
                match &resolved[n] {
                    Ok(id) => id.clone(),
                    Err(e) => {
                        problems.push(Problem {
                            line,
                            message: format!("principal '{n}' does not resolve: {e}"),
                        });
                        continue;
                    }
                }
            }
            (None, None) => continue,
        };
        if let Some(n) = &a.principal {
            names.insert(principal_id.clone(), n.clone());
        }
        wanted.push(WantedAssignment {
            scope: a.scope.parse().unwrap_or(Scope::Root),
            role_guid,
            role_name,
            principal_id,
            principal: a.principal.clone(),
            line,
        });
    }
    if !problems.is_empty() {
        return Err(invalid(&shown, &problems));
    }
    // A document may name one principal twice (by name and by id).
    let mut seen = std::collections::HashSet::new();
    for w in &wanted {
        if !seen.insert((
            w.scope.to_string(),
            w.role_guid.clone(),
            w.principal_id.clone(),
        )) {
            problems.push(Problem {
                line: w.line,
                message: "the same assignment is listed twice (its principal by name and by id)."
                    .into(),
            });
        }
    }
    let (changes, extra) = code::diff(&roles, &wanted, &state, prune);
    problems.extend(code::check_limits(&state, &changes));
    if !problems.is_empty() {
        return Err(invalid(&shown, &problems));
    }
    // Names of the principals of assignments to delete or keep (Graph; unknown stays blank).
    let unnamed: Vec<String> = changes
        .iter()
        .chain(&extra)
        .filter_map(|c| match c {
            Change::DeleteAssignment(a, _) => Some(a.properties.principal_id.clone()),
            _ => None,
        })
        .filter(|id| !names.contains_key(&id.to_ascii_lowercase()))
        .collect();
    for (id, o) in common::principal_names(ctx.client().await?, &unnamed).await {
        if let Some(n) = o.principal_name() {
            names.insert(id, n);
        }
    }
    let me = ctx
        .client()
        .await?
        .caller_principal_ids()
        .await
        .unwrap_or_default();
    let (before, after) = code::admin_paths(&state, &changes);
    let locks_out = before.admin_path(&me) && !after.admin_path(&me);
    Ok(Prepared {
        parsed,
        state,
        changes,
        extra,
        notes,
        names,
        locks_out,
    })
}

fn invalid(file: &str, problems: &[Problem]) -> CliError {
    let n = problems.len();
    let list: Vec<String> = problems.iter().map(|p| p.render(file)).collect();
    CliError::Invalid(format!(
        "{file} has {n} problem{}; nothing was changed:\n{}",
        if n == 1 { "" } else { "s" },
        list.join("\n")
    ))
}

/// The report row of a change: what, which role, scope and principal.
pub fn row(c: &Change, names: &HashMap<String, String>) -> Value {
    let name_of = |id: &str| names.get(&id.to_ascii_lowercase()).cloned();
    match c {
        Change::CreateRole(w) | Change::UpdateRole(w, _) => json!({
            "action": c.action(),
            "type": "roleDefinition",
            "role": w.name,
            "roleId": w.guid,
            "scope": "/",
            "principal": null,
            "principalId": null,
            "details": match c {
                Change::UpdateRole(_, what) => Value::from(what.join(", ")),
                _ => Value::from(format!("{} data actions", w.data_actions.len())),
            },
        }),
        Change::DeleteRole(d) => json!({
            "action": "delete",
            "type": "roleDefinition",
            "role": d.properties.role_name,
            "roleId": d.name,
            "scope": "/",
            "principal": null,
            "principalId": null,
            "details": null,
        }),
        Change::CreateAssignment(w) => json!({
            "action": "create",
            "type": "roleAssignment",
            "role": w.role_name,
            "roleId": w.role_guid,
            "scope": w.scope.to_string(),
            "principal": w.principal.clone().or_else(|| name_of(&w.principal_id)),
            "principalId": w.principal_id,
            "details": null,
        }),
        Change::DeleteAssignment(a, role) => json!({
            "action": "delete",
            "type": "roleAssignment",
            "role": role,
            "roleId": a.properties.role_definition_id.rsplit('/').next(),
            "scope": a.properties.scope,
            "principal": name_of(&a.properties.principal_id),
            "principalId": a.properties.principal_id,
            "details": format!("assignment {}", a.name),
        }),
    }
}

/// Table of plan/apply rows: `Action  Type  Role  Scope  Principal  Details` (+ `Status`).
pub fn table(v: &Value) -> Vec<crate::output::Row> {
    crate::commands::view::rows(v, |r| {
        // Blank, not null: a null cell would drop its column from the row.
        let cell = |x: &Value| {
            if x.is_null() {
                Value::from("")
            } else {
                x.clone()
            }
        };
        let mut cols = vec![
            ("Action".into(), r["action"].clone()),
            ("Type".into(), r["type"].clone()),
            ("Role".into(), r["role"].clone()),
            ("Scope".into(), r["scope"].clone()),
            (
                "Principal".into(),
                cell(if r["principal"].is_null() {
                    &r["principalId"]
                } else {
                    &r["principal"]
                }),
            ),
            ("Details".into(), cell(&r["details"])),
        ];
        if r.get("status").is_some() {
            cols.push(("Status".into(), r["status"].clone()));
        }
        cols
    })
}
