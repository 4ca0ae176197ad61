//! `mhsm role plan` — what `role apply` would change to make an HSM's local RBAC match a
//! document (new; az has none). Exit codes: 0 no changes, 4 changes, 1 error (nothing read
//! is changed either way).

use serde_json::Value;
use std::path::PathBuf;

use super::common::MISSING_HSM_ASSIGNMENT;
use super::state;
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when the HSM matches the document, 4 when there are \
changes (printed), 1 when the document is invalid or the HSM cannot be read, 2 on bad usage."
)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// The document (YAML or JSON), as `mhsm role export` writes it.
    #[arg(long = "file", short = 'f')]
    pub file: PathBuf,
    /// Also plan to delete the custom roles and role assignments the document does not list.
    #[arg(long)]
    pub prune: bool,
    /// Allow a plan that removes your own last way to manage role assignments at '/'
    /// (without it, that is an error: nobody could fix the HSM's RBAC afterwards).
    #[arg(long = "allow-lockout")]
    pub allow_lockout: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        file,
        prune,
        allow_lockout,
    } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_ASSIGNMENT).await?;
    let p = state::prepare(ctx, &endpoint, &file, prune).await?;
    for n in &p.notes {
        ctx.printer.warning(n);
    }
    if p.locks_out && !allow_lockout {
        return Err(lockout_error());
    }
    let rows: Vec<Value> = p.changes.iter().map(|c| state::row(c, &p.names)).collect();
    let count = |a: &str| p.changes.iter().filter(|c| c.action() == a).count();
    if !p.extra.is_empty() {
        ctx.printer.step(&format!(
            "{} role assignment(s) or custom role(s) on the HSM are not in {} and are kept; --prune would delete them.",
            p.extra.len(),
            file.display()
        ));
    }
    ctx.printer.step(&if p.changes.is_empty() {
        format!("No changes: the HSM matches {}.", file.display())
    } else {
        format!(
            "Plan: {} to create, {} to update, {} to delete.",
            count("create"),
            count("update"),
            count("delete")
        )
    });
    ctx.print_table(&Value::Array(rows), &state::table)?;
    if p.changes.is_empty() {
        Ok(())
    } else {
        Err(CliError::Status(crate::exit::CHANGES))
    }
}

/// The refusal of a plan that removes the caller's last administrator path.
pub fn lockout_error() -> CliError {
    CliError::Invalid(
        "These changes remove your own last role assignment that lets you manage role assignments at '/' (roleAssignments/write): afterwards nobody signed in as you could repair the HSM's RBAC.".into(),
    )
    .hint("Add an assignment for yourself (or a group you are in) to the document, or pass --allow-lockout if that is really intended.")
}
