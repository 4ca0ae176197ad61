//! `mhsm role apply` — makes an HSM's local RBAC match a document (new; az has none): custom
//! roles first, then new assignments, then (with `--prune`) deletions; concurrent within each
//! step; throttling and the service's eventual consistency retried; a failed step stops the
//! run and the report says what was and was not applied, so that a re-run finishes the job.

use futures::StreamExt;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::code::Change;
use super::common::MISSING_HSM_ASSIGNMENT;
use super::state;
use crate::client::ClientError;
use crate::client::hsm::HsmEndpoint;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::rbac::{Permission, RoleDefinitionProperties};

/// Attempts of one change that the service refuses for now (429, a role it does not know yet).
const ATTEMPTS: u32 = 12;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// The document (YAML or JSON), as `mhsm role export` writes it.
    #[arg(long = "file", short = 'f')]
    pub file: PathBuf,
    /// Also delete the custom roles and role assignments the document does not list.
    #[arg(long)]
    pub prune: bool,
    /// Allow changes that remove your own last way to manage role assignments at '/'.
    #[arg(long = "allow-lockout")]
    pub allow_lockout: bool,
    /// Changes sent at once (the service allows about 5 role operations per second per HSM;
    /// throttled requests are retried after the service's Retry-After).
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        file,
        prune,
        allow_lockout,
        concurrency,
    } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_ASSIGNMENT).await?;
    let started = Instant::now();
    let p = state::prepare(ctx, &endpoint, &file, prune).await?;
    for n in &p.notes {
        ctx.printer.warning(n);
    }
    if p.locks_out && !allow_lockout {
        return Err(super::plan::lockout_error());
    }
    if p.changes.is_empty() {
        ctx.printer.step(&format!(
            "No changes: the HSM already matches {}.",
            file.display()
        ));
        return ctx.print_table(&Value::Array(vec![]), &state::table);
    }
    let total = p.changes.len();
    let mut statuses: Vec<(&'static str, Option<String>)> = vec![("not applied", None); total];
    let mut applied = 0usize;
    let mut stopped = false;
    for step in 0..=3u8 {
        let idx: Vec<usize> = (0..total)
            .filter(|&i| p.changes[i].order() == step)
            .collect();
        if idx.is_empty() || stopped {
            continue;
        }
        let results = futures::stream::iter(idx.into_iter().map(|i| {
            let c = &p.changes[i];
            let endpoint = &endpoint;
            async move { (i, apply_one(ctx, endpoint, c).await) }
        }))
        .buffer_unordered(concurrency.max(1))
        .collect::<Vec<_>>()
        .await;
        for (i, r) in results {
            match r {
                Ok(()) => {
                    statuses[i] = ("applied", None);
                    applied += 1;
                    ctx.printer
                        .status(&format!("Applied {applied}/{total} changes"));
                }
                Err(e) => {
                    statuses[i] = ("failed", Some(e));
                    stopped = true;
                }
            }
        }
    }
    ctx.printer.progress_done();
    let rows: Vec<Value> = p
        .changes
        .iter()
        .zip(&statuses)
        .map(|(c, (status, err))| {
            let mut r = state::row(c, &p.names);
            r["status"] = json!(status);
            r["error"] = json!(err);
            r
        })
        .collect();
    let failed = statuses.iter().filter(|s| s.0 == "failed").count();
    let pending = total - applied - failed;
    ctx.printer.step(&format!(
        "{applied} of {total} changes applied, {failed} failed, {pending} not applied, in {:.1}s.",
        started.elapsed().as_secs_f64()
    ));
    ctx.print_table(&Value::Array(rows), &state::table)?;
    if failed > 0 {
        return Err(CliError::Invalid(format!(
            "{failed} change(s) failed and {pending} were not applied (see 'status' and 'error'); what was applied stays."
        ))
        .hint(format!(
            "Fix the cause and run the same command again: it applies only what is still missing ({}).",
            file.display()
        )));
    }
    Ok(())
}

/// Whether a refusal is the service catching up: throttling, or an assignment naming a custom
/// role created a moment ago ("Unkown role definition", misspelled by the service).
fn transient(e: &ClientError) -> bool {
    match e {
        ClientError::Api { status: 429, .. } => true,
        ClientError::Api {
            status: 400,
            message,
            ..
        } => {
            let m = message.to_ascii_lowercase();
            m.contains("unkown role definition")
                || m.contains("unknown role definition")
                || (m.contains("role definition") && m.contains("does not exist"))
        }
        ClientError::Api { status: 409, .. } => true,
        _ => false,
    }
}

async fn apply_one(ctx: &Ctx, hsm: &HsmEndpoint, c: &Change) -> Result<(), String> {
    let client = ctx.client().await.map_err(|e| e.to_string())?;
    let mut attempt = 0u32;
    loop {
        let r = match c {
            Change::CreateRole(w) | Change::UpdateRole(w, _) => client
                .set_role_definition(
                    hsm,
                    &w.guid,
                    RoleDefinitionProperties {
                        role_name: Some(w.name.clone()),
                        description: Some(w.description.clone()),
                        role_type: None,
                        permissions: Some(vec![Permission {
                            actions: vec![],
                            not_actions: vec![],
                            data_actions: w.data_actions.clone(),
                            not_data_actions: w.not_data_actions.clone(),
                        }]),
                        assignable_scopes: None,
                    },
                )
                .await
                .map(|_| ()),
            Change::DeleteRole(d) => match client.delete_role_definition(hsm, &d.name).await {
                Err(ClientError::Api { status: 404, .. }) => Ok(()),
                r => r.map(|_| ()),
            },
            Change::CreateAssignment(w) => {
                let name = super::assignment::bulk::assignment_name(
                    hsm.base.as_str(),
                    &w.scope,
                    &w.role_guid,
                    &w.principal_id,
                );
                match client
                    .create_role_assignment(hsm, &w.scope, &name, &w.role_guid, &w.principal_id)
                    .await
                {
                    Err(ClientError::Api { code, .. }) if code == "RoleAssignmentExists" => Ok(()),
                    r => r.map(|_| ()),
                }
            }
            Change::DeleteAssignment(a, _) => {
                let scope = a
                    .properties
                    .scope
                    .parse()
                    .unwrap_or(crate::wire::rbac::Scope::Root);
                match client.delete_role_assignment(hsm, &scope, &a.name).await {
                    Err(ClientError::Api { status: 404, .. }) => Ok(()),
                    r => r.map(|_| ()),
                }
            }
        };
        match r {
            Ok(()) => return Ok(()),
            Err(e) if transient(&e) && attempt + 1 < ATTEMPTS => {
                attempt += 1;
                ctx.printer.info(&format!(
                    "{e} — retrying (attempt {} of {ATTEMPTS}).",
                    attempt + 1
                ));
                tokio::time::sleep(Duration::from_millis(500 * u64::from(attempt.min(4)))).await;
            }
            Err(e) => return Err(e.to_string()),
        }
    }
}
