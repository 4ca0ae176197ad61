//! `mhsm key rotation-policy update` (az keyvault key rotation-policy update): `--value` takes
//! the REST shape or the shape `show` prints (camelCase or snake_case), from a file or inline.

use serde_json::Value;

use crate::commands::key::common::{KeyTarget, key_of, read_json_arg};
use crate::commands::{CliError, Ctx};
use crate::wire::keys::{
    KeyRotationPolicy, LifetimeAction, LifetimeActionType, LifetimeTrigger,
    RotationPolicyAttributes,
};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    /// The rotation policy: a JSON file or inline JSON, e.g.
    /// {"lifetimeActions":[{"trigger":{"timeAfterCreate":"P90D"},"action":{"type":"Rotate"}}],"attributes":{"expiryTime":"P2Y"}}
    #[arg(long, required = true)]
    pub value: String,
}

/// A member by name, ignoring case and underscores (`lifetime_actions` = `lifetimeActions`).
fn member<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    let norm = |s: &str| s.replace('_', "").to_ascii_lowercase();
    v.as_object()?
        .iter()
        .find(|(k, _)| norm(k) == norm(name))
        .map(|(_, v)| v)
}

fn string(v: Option<&Value>) -> Option<String> {
    v.and_then(|x| x.as_str()).map(str::to_string)
}

/// Parses either accepted shape into the REST policy.
pub fn parse_policy(v: &Value) -> Result<KeyRotationPolicy, CliError> {
    if !v.is_object() || v.as_object().is_some_and(|o| o.is_empty()) {
        return Err(CliError::Invalid("Please specify a valid policy".into()));
    }
    let mut actions = Vec::new();
    for a in member(v, "lifetimeActions")
        .and_then(|x| x.as_array())
        .cloned()
        .unwrap_or_default()
    {
        let trigger = member(&a, "trigger").cloned().unwrap_or_else(|| a.clone());
        let kind = match member(&a, "action") {
            Some(Value::String(s)) => s.clone(),
            Some(o) => string(member(o, "type")).unwrap_or_default(),
            None => String::new(),
        };
        let kind = ["Rotate", "Notify"]
            .iter()
            .find(|k| k.eq_ignore_ascii_case(&kind))
            .map(|k| k.to_string())
            .ok_or_else(|| {
                CliError::Invalid(format!(
                    "A lifetime action must be 'Rotate' or 'Notify', not '{kind}'."
                ))
            })?;
        actions.push(LifetimeAction {
            trigger: LifetimeTrigger {
                time_after_create: string(member(&trigger, "timeAfterCreate")),
                time_before_expiry: string(member(&trigger, "timeBeforeExpiry")),
            },
            action: LifetimeActionType { kind },
        });
    }
    let expiry = member(v, "attributes")
        .and_then(|a| string(member(a, "expiryTime")))
        .or_else(|| string(member(v, "expiresIn")));
    Ok(KeyRotationPolicy {
        id: None,
        lifetime_actions: Some(actions),
        attributes: Some(RotationPolicyAttributes {
            expiry_time: expiry,
            created: None,
            updated: None,
        }),
    })
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key, value } = args;
    let policy = parse_policy(&read_json_arg(&value, "--value")?)?;
    let k = key_of(ctx, &key, None, "keys").await?;
    let p = ctx
        .client()
        .await?
        .set_rotation_policy(&k.hsm, &k.name, &policy)
        .await?;
    ctx.print(&super::view(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes() {
        let rest = serde_json::json!({"lifetimeActions":[{"trigger":{"timeAfterCreate":"P90D"},"action":{"type":"Rotate"}},{"trigger":{"timeBeforeExpiry":"P30D"},"action":{"type":"notify"}}],"attributes":{"expiryTime":"P2Y"}});
        let cli = serde_json::json!({"lifetime_actions":[{"action":"Rotate","time_after_create":"P90D"},{"action":"Notify","timeBeforeExpiry":"P30D"}],"expiresIn":"P2Y"});
        assert_eq!(parse_policy(&rest).unwrap(), parse_policy(&cli).unwrap());
        assert!(parse_policy(&serde_json::json!({})).is_err());
        assert!(
            parse_policy(&serde_json::json!({"lifetimeActions":[{"action":"Explode"}]})).is_err()
        );
    }
}
