//! `mhsm role definition create` — create a custom role (az keyvault role definition create).

use serde_json::Value;

use crate::commands::role::common::{self, MISSING_HSM_DEFINITION};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::rbac::{Permission, RoleDefinitionProperties};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// Description of a role as JSON, or a path to a file containing a JSON description (also '@file').
    /// Keys: roleName, description, actions, notActions, dataActions, notDataActions (name/id to choose the GUID).
    #[arg(long = "role-definition")]
    pub role_definition: String,
}

/// Reads `--role-definition` (inline JSON, a file path, or `@file`), normalising keys as az does
/// (a leading capital letter is lower-cased: `NotActions` → `notActions`).
pub fn read_definition(arg: &str) -> Result<serde_json::Map<String, Value>, CliError> {
    let path = arg.strip_prefix('@').unwrap_or(arg);
    let text = if std::path::Path::new(path).is_file() {
        std::fs::read_to_string(path)
            .map_err(|e| CliError::Invalid(format!("Cannot read {path}: {e}")))?
    } else {
        arg.to_string()
    };
    let v: Value = serde_json::from_str(&text).map_err(|_| {
        CliError::Invalid(
            "Invalid role definition. A valid dictionary JSON representation is expected.".into(),
        )
    })?;
    let Value::Object(m) = v else {
        return Err(CliError::Invalid(
            "Invalid role definition. A valid dictionary JSON representation is expected.".into(),
        ));
    };
    Ok(m.into_iter()
        .map(|(k, v)| {
            let mut c = k.chars();
            let k = match c.next() {
                Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
                None => k,
            };
            (k, v)
        })
        .collect())
}

fn strings(m: &serde_json::Map<String, Value>, key: &str) -> Result<Vec<String>, CliError> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(vec![]),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| CliError::Invalid(format!("'{key}' must be a list of strings.")))
            })
            .collect(),
        Some(_) => Err(CliError::Invalid(format!(
            "'{key}' must be a list of strings."
        ))),
    }
}

/// The PUT properties az sends: roleName, description and one permission block (no type,
/// no assignableScopes).
pub fn properties(
    m: &serde_json::Map<String, Value>,
) -> Result<RoleDefinitionProperties, CliError> {
    Ok(RoleDefinitionProperties {
        role_name: m
            .get("roleName")
            .and_then(|v| v.as_str())
            .map(str::to_string),
        description: m
            .get("description")
            .and_then(|v| v.as_str())
            .map(str::to_string),
        role_type: None,
        permissions: Some(vec![Permission {
            actions: strings(m, "actions")?,
            not_actions: strings(m, "notActions")?,
            data_actions: strings(m, "dataActions")?,
            not_data_actions: strings(m, "notDataActions")?,
        }]),
        assignable_scopes: None,
    })
}

/// The definition's GUID from `name`, or the last segment of `id`.
pub fn name_of(m: &serde_json::Map<String, Value>) -> Option<String> {
    m.get("name")
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .or_else(|| {
            m.get("id")
                .and_then(|v| v.as_str())
                .and_then(|id| id.rsplit('/').next())
                .map(str::to_string)
        })
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        role_definition,
    } = args;
    let m = read_definition(&role_definition)?;
    let props = properties(&m)?;
    let name = name_of(&m).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM_DEFINITION).await?;
    let d = ctx
        .client()
        .await?
        .set_role_definition(&endpoint, &name, props)
        .await?;
    // No table transformer in az (only list has one): auto-table.
    ctx.print(&common::definition_view(&d))
}
