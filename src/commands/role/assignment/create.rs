//! `mhsm role assignment create` — assign a role to a principal at a scope
//! (az keyvault role assignment create), or apply many assignments from a file (`--file`).
//!
//! Better than az: role names resolve whatever the scope (az fails at `/keys`); built-in role
//! names need no read of `/`, so a principal whose rights are only on `/keys/<name>` can assign
//! there; `--id` and `--hsm-name` behave the same.

use crate::cli::HsmTarget;
use crate::commands::role::common::{self, MISSING_HSM_ASSIGNMENT, RoleRef};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::rbac::Scope;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// Role name or id: a built-in or custom role name, its GUID, or its full id.
    #[arg(long)]
    pub role: Option<RoleRef>,
    /// Scope at which the role assignment applies: '/' (the whole HSM), '/keys', or '/keys/<key-name>'.
    #[arg(long)]
    pub scope: Option<Scope>,
    /// Represent a user, group, or service principal: object id, user principal name or service principal name (an application id is mapped to its service principal).
    #[arg(long)]
    pub assignee: Option<String>,
    /// Use this parameter instead of '--assignee' to bypass Graph API invocation. It must be the principal's object id.
    #[arg(long = "assignee-object-id")]
    pub assignee_object_id: Option<String>,
    /// The principal type of the assignee (accepted for az compatibility; not sent, as in az).
    #[arg(short = 't', long = "assignee-principal-type", value_parser = ["Application", "DirectoryObjectOrGroup", "DirectoryRoleTemplate", "Everyone", "ForeignGroup", "Group", "MSI", "ServicePrincipal", "Unknown", "User"])]
    pub assignee_principal_type: Option<String>,
    /// Name of the role assignment (a GUID). Default: a new random GUID.
    #[arg(short = 'n', long = "name")]
    pub name: Option<String>,
    /// Apply many assignments from a JSON or YAML file: a list of {role, scope, assignee | assigneeObjectId, name?}.
    /// Applied concurrently, throttling (429) retried, idempotent on re-runs; prints one result per entry.
    #[arg(long, conflicts_with_all = ["role", "scope", "assignee", "assignee_object_id", "name"])]
    pub file: Option<std::path::PathBuf>,
    /// With --file: how many requests run at once.
    #[arg(long, default_value_t = 8, requires = "file")]
    pub concurrency: usize,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        role,
        scope,
        assignee,
        assignee_object_id,
        assignee_principal_type: _,
        name,
        file,
        concurrency,
    } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_ASSIGNMENT).await?;
    if let Some(file) = file {
        return super::bulk::apply(ctx, &endpoint, &file, concurrency).await;
    }
    let role =
        role.ok_or_else(|| CliError::Usage("the following arguments are required: --role".into()))?;
    let scope = scope
        .ok_or_else(|| CliError::Usage("the following arguments are required: --scope".into()))?;
    let principal = match (assignee_object_id, assignee) {
        (Some(oid), _) => oid,
        (None, Some(a)) => common::resolve_assignee(ctx, &a).await?,
        (None, None) => {
            return Err(CliError::Invalid(
                "Please specify --assignee or --assignee-object-id.".into(),
            ));
        }
    };
    let name = match name {
        Some(n) => n,
        None => uuid::Uuid::new_v4().to_string(),
    };
    if uuid::Uuid::parse_str(&name).is_err() {
        return Err(CliError::Invalid(format!(
            "The role assignment name '{name}' is not a GUID."
        )));
    }
    let client = ctx.client().await?;
    let (guid, _) = common::resolve_role(client, &endpoint, &role).await?;
    let created = client
        .create_role_assignment(&endpoint, &scope, &name, &guid, &principal)
        .await?;
    let view = common::assignment_views(client, &endpoint, std::slice::from_ref(&created)).await;
    // az has no table transformer for create: its auto-table shows every scalar member.
    ctx.print(&view[0])
}
