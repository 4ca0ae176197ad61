//! `mhsm role assignment delete` — delete role assignments (az keyvault role assignment delete).
//!
//! Better than az: with `--ids`, each assignment is deleted at the scope its id names (az
//! ignores it and uses `--scope`).

use crate::cli::HsmTarget;
use crate::commands::role::common::{MISSING_HSM_ASSIGNMENT, RoleRef};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::rbac::Scope;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmTarget,
    /// Name of the role assignment.
    #[arg(short = 'n', long = "name")]
    pub name: Option<String>,
    /// Space-separated role assignment ids (e.g. /keys/providers/Microsoft.Authorization/roleAssignments/<name>).
    #[arg(long, num_args = 1..)]
    pub ids: Vec<String>,
    /// Scope of the assignments to delete: '/', '/keys' or '/keys/<key-name>'.
    #[arg(long)]
    pub scope: Option<Scope>,
    /// Role name or id.
    #[arg(long)]
    pub role: Option<RoleRef>,
    /// Represent a user, group, or service principal.
    #[arg(long)]
    pub assignee: Option<String>,
    /// Object id of the principal (bypasses Graph).
    #[arg(long = "assignee-object-id")]
    pub assignee_object_id: Option<String>,
}

/// Splits a role-assignment id into its scope and name.
pub fn parse_id(id: &str) -> Result<(Scope, String), CliError> {
    let id = if id.starts_with('/') {
        id.to_string()
    } else {
        format!("/{id}")
    };
    let marker = "/providers/microsoft.authorization/roleassignments/";
    let pos = id
        .to_ascii_lowercase()
        .find(marker)
        .ok_or_else(|| CliError::Invalid(format!("'{id}' is not a role assignment id.")))?;
    let scope: Scope = id[..pos].parse().map_err(CliError::Invalid)?;
    Ok((
        scope,
        id[pos + marker.len()..].trim_matches('/').to_string(),
    ))
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        name,
        ids,
        scope,
        role,
        assignee,
        assignee_object_id,
    } = args;
    if name.is_none()
        && ids.is_empty()
        && scope.is_none()
        && role.is_none()
        && assignee.is_none()
        && assignee_object_id.is_none()
    {
        return Err(CliError::Invalid(
            "Please specify at least one of these parameters: --name, --scope, --assignee, --assignee-object-id, --role, --ids".into(),
        ));
    }
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_ASSIGNMENT).await?;
    let client = ctx.client().await?;
    let mut targets: Vec<(Scope, String)> = Vec::new();
    for id in &ids {
        targets.push(parse_id(id)?);
    }
    if let Some(n) = name {
        targets.push((scope.clone().unwrap_or(Scope::Root), n));
    } else if ids.is_empty() {
        let found = super::list::matching(
            ctx,
            &endpoint,
            scope.as_ref(),
            role.as_ref(),
            assignee,
            assignee_object_id,
        )
        .await?;
        for a in found {
            let s = a.properties.scope.parse().unwrap_or(Scope::Root);
            targets.push((s, a.name));
        }
    }
    for (s, n) in targets {
        client.delete_role_assignment(&endpoint, &s, &n).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_carry_their_scope() {
        let (s, n) =
            parse_id("/keys/k1/providers/Microsoft.Authorization/roleAssignments/abc").unwrap();
        assert_eq!((s, n.as_str()), (Scope::Key("k1".into()), "abc"));
        let (s, _) = parse_id("/providers/Microsoft.Authorization/roleAssignments/abc").unwrap();
        assert_eq!(s, Scope::Root);
        assert!(parse_id("/keys/k1").is_err());
    }
}
