//! `mhsm role assignment list` — list role assignments (az keyvault role assignment list).

use crate::cli::HsmTarget;
use crate::commands::role::common::{self, MISSING_HSM_ASSIGNMENT, RoleRef};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::rbac::Scope;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// Scope at which to list: '/', '/keys' or '/keys/<key-name>' (key-scoped assignments are listed only at their key). Default '/'.
    #[arg(long)]
    pub scope: Option<Scope>,
    /// Role name or id to filter by.
    #[arg(long)]
    pub role: Option<RoleRef>,
    /// Represent a user, group, or service principal to filter by.
    #[arg(long)]
    pub assignee: Option<String>,
    /// Object id of the principal to filter by (bypasses Graph).
    #[arg(long = "assignee-object-id")]
    pub assignee_object_id: Option<String>,
}

/// Lists and filters assignments client-side, as az (the shared core of `list` and `delete`).
pub async fn matching(
    ctx: &Ctx,
    hsm: &crate::client::hsm::HsmEndpoint,
    scope: Option<&Scope>,
    role: Option<&RoleRef>,
    assignee: Option<String>,
    assignee_object_id: Option<String>,
) -> Result<Vec<crate::wire::rbac::RoleAssignment>, CliError> {
    let client = ctx.client().await?;
    let principal = match (assignee_object_id, assignee) {
        (Some(o), _) => Some(o.to_ascii_lowercase()),
        (None, Some(a)) => Some(
            common::resolve_assignee(ctx, &a)
                .await?
                .to_ascii_lowercase(),
        ),
        (None, None) => None,
    };
    let role_guid = match role {
        Some(r) => Some(
            common::resolve_role(client, hsm, r)
                .await?
                .0
                .to_ascii_lowercase(),
        ),
        None => None,
    };
    let at = scope.cloned().unwrap_or(Scope::Root);
    let all = client.list_role_assignments(hsm, &at, None).await?;
    Ok(all
        .into_iter()
        .filter(|a| {
            let guid = a
                .properties
                .role_definition_id
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            role_guid.as_ref().is_none_or(|g| *g == guid)
                && principal
                    .as_ref()
                    .is_none_or(|p| a.properties.principal_id.eq_ignore_ascii_case(p))
                && scope.is_none_or(|s| a.properties.scope.parse::<Scope>().is_ok_and(|x| x == *s))
        })
        .collect())
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        scope,
        role,
        assignee,
        assignee_object_id,
    } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_ASSIGNMENT).await?;
    let list = matching(
        ctx,
        &endpoint,
        scope.as_ref(),
        role.as_ref(),
        assignee,
        assignee_object_id,
    )
    .await?;
    let views = common::assignment_views(ctx.client().await?, &endpoint, &list).await;
    ctx.print_table(&serde_json::Value::Array(views), &common::assignment_table)
}
