//! `mhsm role export` — an HSM's custom roles and role assignments as a document that `role
//! plan` and `role apply` take (new; az has none).

use std::collections::HashMap;
use std::path::PathBuf;

use super::code::{AssignmentDoc, Document, RoleDoc};
use super::common::{self, MISSING_HSM_ASSIGNMENT};
use super::state::{self, KeyScopes};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::rbac::{Scope, canonical_data_action};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// Write the document to this file (YAML; JSON when it ends in .json) instead of printing it
    /// (printed in the --output format).
    #[arg(long = "file", short = 'f')]
    pub file: Option<PathBuf>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm, file } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_ASSIGNMENT).await?;
    let (st, notes) = state::read(ctx, &endpoint, KeyScopes::All).await?;
    for n in &notes {
        ctx.printer.warning(n);
    }
    let client = ctx.client().await?;
    let ids: Vec<String> = st
        .assignments
        .iter()
        .map(|a| a.properties.principal_id.clone())
        .collect();
    let principals = common::principal_names(client, &ids).await;
    if principals.is_empty() && !ids.is_empty() {
        ctx.printer.warning(
            "Principal names could not be read from Graph: the document names principals by object id only.",
        );
    }
    let mut roles: Vec<RoleDoc> = st
        .roles
        .iter()
        .map(|d| {
            let perms = d.properties.permissions.clone().unwrap_or_default();
            let canon = |v: Vec<String>| -> Vec<String> {
                v.into_iter()
                    .map(|a| canonical_data_action(&a).unwrap_or(a))
                    .collect()
            };
            RoleDoc {
                name: d.properties.role_name.clone().unwrap_or_default(),
                id: Some(d.name.to_ascii_lowercase()),
                description: d.properties.description.clone().filter(|s| !s.is_empty()),
                data_actions: canon(perms.iter().flat_map(|p| p.data_actions.clone()).collect()),
                not_data_actions: canon(
                    perms
                        .iter()
                        .flat_map(|p| p.not_data_actions.clone())
                        .collect(),
                ),
            }
        })
        .collect();
    roles.sort_by_key(|r| r.name.to_ascii_lowercase());
    let custom_names: HashMap<String, String> = st
        .roles
        .iter()
        .map(|d| {
            (
                d.name.to_ascii_lowercase(),
                d.properties.role_name.clone().unwrap_or_default(),
            )
        })
        .collect();
    let mut assignments: Vec<AssignmentDoc> = st
        .assignments
        .iter()
        .map(|a| {
            let guid = a
                .properties
                .role_definition_id
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            let p = principals.get(&a.properties.principal_id.to_ascii_lowercase());
            AssignmentDoc {
                role: common::role_name(&guid, &[])
                    .or_else(|| custom_names.get(&guid).cloned())
                    .unwrap_or(guid),
                scope: a
                    .properties
                    .scope
                    .parse::<Scope>()
                    .map(|s| s.to_string())
                    .unwrap_or_else(|_| a.properties.scope.clone()),
                principal: p.and_then(|o| o.principal_name()),
                principal_id: Some(a.properties.principal_id.to_ascii_lowercase()),
                principal_type: p.map(|o| o.principal_type().to_string()),
            }
        })
        .collect();
    assignments.sort_by(|a, b| {
        (&a.scope, &a.role, &a.principal, &a.principal_id).cmp(&(
            &b.scope,
            &b.role,
            &b.principal,
            &b.principal_id,
        ))
    });
    let doc = Document {
        hsm: Some(
            endpoint
                .name
                .clone()
                .unwrap_or_else(|| endpoint.base.to_string()),
        ),
        roles,
        assignments,
    };
    let Some(path) = file else {
        return ctx
            .print(&serde_json::to_value(&doc).map_err(|e| CliError::Invalid(e.to_string()))?);
    };
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let text = if json {
        serde_json::to_string_pretty(&doc).map_err(|e| CliError::Invalid(e.to_string()))? + "\n"
    } else {
        format!(
            "# Local RBAC of {} as code: `mhsm role plan -f FILE` compares it with an HSM,\n# `mhsm role apply -f FILE [--prune]` makes an HSM match it.\n{}",
            doc.hsm.as_deref().unwrap_or_default(),
            serde_norway::to_string(&doc).map_err(|e| CliError::Invalid(e.to_string()))?
        )
    };
    // Written whole or not at all.
    let tmp = path.with_extension("mhsm-tmp");
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            CliError::Invalid(format!("Cannot write {}: {e}", path.display()))
        })?;
    ctx.printer.step(&format!(
        "Exported {} custom role(s) and {} role assignment(s) to {}.",
        doc.roles.len(),
        doc.assignments.len(),
        path.display()
    ));
    Ok(())
}
