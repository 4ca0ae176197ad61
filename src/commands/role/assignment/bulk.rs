//! Bulk role assignments (`mhsm role assignment create --file`): parse a JSON/YAML plan, resolve
//! roles and principals once, skip what already exists, then PUT the rest concurrently. Names
//! are derived from (HSM, scope, role, principal), so a re-run targets the same assignments and
//! is idempotent. Throttling (429) pauses every worker for the `Retry-After` the service asks.

use futures::StreamExt;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::client::ClientError;
use crate::client::hsm::HsmEndpoint;
use crate::commands::role::common::{self, RoleRef};
use crate::commands::{CliError, Ctx};
use crate::wire::rbac::Scope;

/// One entry of the plan file.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    pub role: String,
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default, alias = "assignee_object_id", alias = "principalId")]
    pub assignee_object_id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Plan {
    List(Vec<Entry>),
    Wrapped { assignments: Vec<Entry> },
}

/// Parses a plan (JSON, or YAML when it is not JSON).
pub fn parse_plan(text: &str) -> Result<Vec<Entry>, String> {
    let plan: Plan = match serde_json::from_str(text) {
        Ok(p) => p,
        Err(json_err) => serde_norway::from_str(text).map_err(|yaml_err| {
            if text.trim_start().starts_with(['[', '{']) {
                format!("not valid JSON: {json_err}")
            } else {
                format!("not valid YAML: {yaml_err}")
            }
        })?,
    };
    Ok(match plan {
        Plan::List(l) => l,
        Plan::Wrapped { assignments } => assignments,
    })
}

/// The deterministic name of an assignment.
pub fn assignment_name(host: &str, scope: &Scope, role_guid: &str, principal: &str) -> String {
    let key = format!(
        "{}|{}|{}|{}",
        host.to_ascii_lowercase(),
        scope,
        role_guid.to_ascii_lowercase(),
        principal.to_ascii_lowercase()
    );
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, key.as_bytes()).to_string()
}

struct Job {
    index: usize,
    scope: Scope,
    role_guid: String,
    role_name: Option<String>,
    principal: String,
    name: String,
}

pub async fn apply(
    ctx: &Ctx,
    hsm: &HsmEndpoint,
    file: &Path,
    concurrency: usize,
) -> Result<(), CliError> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", file.display())))?;
    let entries =
        parse_plan(&text).map_err(|e| CliError::Invalid(format!("{}: {e}", file.display())))?;
    let client = ctx.client().await?;
    let started = Instant::now();

    // Resolve every entry first: a bad plan fails before anything is written.
    let mut roles: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut principals: HashMap<String, String> = HashMap::new();
    let mut jobs = Vec::new();
    let mut results: Vec<Value> = vec![Value::Null; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let fail =
            |msg: String| CliError::Invalid(format!("{} entry {}: {msg}", file.display(), i + 1));
        let scope: Scope = e.scope.as_deref().unwrap_or("/").parse().map_err(&fail)?;
        let role: RoleRef = e.role.parse().map_err(&fail)?;
        let key = e.role.to_ascii_lowercase();
        if !roles.contains_key(&key) {
            roles.insert(key.clone(), common::resolve_role(client, hsm, &role).await?);
        }
        let (role_guid, role_name) = roles[&key].clone();
        let principal = match (&e.assignee_object_id, &e.assignee) {
            (Some(oid), _) => oid.to_ascii_lowercase(),
            (None, Some(a)) => {
                if !principals.contains_key(a) {
                    principals.insert(a.clone(), common::resolve_assignee(ctx, a).await?);
                }
                principals[a].clone()
            }
            (None, None) => return Err(fail("needs 'assignee' or 'assigneeObjectId'".into())),
        };
        let name = e
            .name
            .clone()
            .unwrap_or_else(|| assignment_name(hsm.base.as_str(), &scope, &role_guid, &principal));
        jobs.push(Job {
            index: i,
            scope,
            role_guid,
            role_name,
            principal,
            name,
        });
    }

    // Skip what exists already (one list per distinct scope).
    let scopes: HashSet<Scope> = jobs.iter().map(|j| j.scope.clone()).collect();
    let mut existing: HashSet<(String, String, String)> = HashSet::new();
    for s in &scopes {
        let filter = if s.is_hsm_wide() {
            None
        } else {
            Some("atScope()")
        };
        for a in client.list_role_assignments(hsm, s, filter).await? {
            let guid = a
                .properties
                .role_definition_id
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            let sc: Scope = a.properties.scope.parse().unwrap_or(Scope::Root);
            existing.insert((
                sc.to_string(),
                guid,
                a.properties.principal_id.to_ascii_lowercase(),
            ));
        }
    }
    let mut todo = Vec::new();
    for j in jobs {
        if existing.contains(&(
            j.scope.to_string(),
            j.role_guid.to_ascii_lowercase(),
            j.principal.clone(),
        )) {
            results[j.index] = result(&j, "exists", None);
        } else {
            todo.push(j);
        }
    }

    // Apply concurrently; a 429 pauses every worker until the service's Retry-After.
    let pause: Arc<tokio::sync::Mutex<Instant>> = Arc::new(tokio::sync::Mutex::new(Instant::now()));
    let total = todo.len();
    let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let outcomes = futures::stream::iter(todo.into_iter().map(|j| {
        let pause = pause.clone();
        let done = done.clone();
        async move {
            let mut attempts = 0;
            let outcome = loop {
                let until = *pause.lock().await;
                if until > Instant::now() {
                    tokio::time::sleep(until - Instant::now()).await;
                }
                match client
                    .create_role_assignment(hsm, &j.scope, &j.name, &j.role_guid, &j.principal)
                    .await
                {
                    Ok(_) => break ("created", None),
                    Err(ClientError::Api { status: 429, .. }) if attempts < 20 => {
                        attempts += 1;
                        let mut p = pause.lock().await;
                        let next = Instant::now() + Duration::from_secs(1);
                        if *p < next {
                            *p = next;
                        }
                    }
                    Err(ClientError::Api { code, .. }) if code == "RoleAssignmentExists" => {
                        break ("exists", None);
                    }
                    Err(e) => break ("failed", Some(e.to_string())),
                }
            };
            let n = done.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            ctx.printer
                .progress(&format!("Applied {n}/{total} role assignments"));
            (j, outcome)
        }
    }))
    .buffer_unordered(concurrency.max(1))
    .collect::<Vec<_>>()
    .await;
    ctx.printer.progress_done();
    let mut failed = 0;
    for (j, (status, err)) in outcomes {
        if status == "failed" {
            failed += 1;
        }
        results[j.index] = result(&j, status, err);
    }
    ctx.printer.info(&format!(
        "{} entries: {} created, {} already present, {failed} failed, in {:.1}s",
        results.len(),
        results.iter().filter(|r| r["status"] == "created").count(),
        results.iter().filter(|r| r["status"] == "exists").count(),
        started.elapsed().as_secs_f64()
    ));
    ctx.print(&Value::Array(results))?;
    if failed > 0 {
        return Err(CliError::Invalid(format!(
            "{failed} of {} role assignments failed (see their 'error').",
            entries.len()
        )));
    }
    Ok(())
}

fn result(j: &Job, status: &str, error: Option<String>) -> Value {
    json!({
        "name": j.name,
        "principalId": j.principal,
        "roleDefinitionId": crate::wire::rbac::role_definition_id(&j.role_guid),
        "roleName": j.role_name,
        "scope": j.scope.to_string(),
        "status": status,
        "error": error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_in_json_and_yaml() {
        let j = parse_plan(
            r#"[{"role":"Managed HSM Crypto User","scope":"/keys","assigneeObjectId":"x"}]"#,
        )
        .unwrap();
        assert_eq!(j[0].assignee_object_id.as_deref(), Some("x"));
        let y = parse_plan(
            "assignments:\n  - role: Managed HSM Crypto Auditor\n    assignee: auditors\n",
        )
        .unwrap();
        assert_eq!(y[0].assignee.as_deref(), Some("auditors"));
        assert!(parse_plan("[{\"role\": 1}]").is_err());
        assert!(parse_plan("- rol: typo\n").is_err());
    }

    #[test]
    fn names_are_deterministic() {
        let a = assignment_name("https://h/", &Scope::Keys, "G", "P");
        assert_eq!(a, assignment_name("https://H/", &Scope::Keys, "g", "p"));
        assert_ne!(a, assignment_name("https://h/", &Scope::Root, "g", "p"));
    }
}
