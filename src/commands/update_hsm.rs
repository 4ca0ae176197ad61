//! `mhsm update-hsm` — update a Managed HSM (az keyvault update-hsm): GET, apply the edits, full
//! PUT, wait, GET. Generic `--set/--add/--remove` edit the object as `mhsm show` prints it.

use serde_json::Value;

use super::create::{canonical, identity_from};
use super::{CliError, Ctx, resolve_resource_group, view};
use crate::cli::parse_bool;
use crate::wire::arm::ManagedHsm;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    /// Property specifying whether protection against purge is enabled (irreversible).
    #[arg(short = 'e', long = "enable-purge-protection", num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub enable_purge_protection: Option<bool>,
    /// Control permission for data plane traffic coming from public networks while private endpoint is enabled.
    #[arg(long = "public-network-access", value_parser = ["Disabled", "Enabled"], ignore_case = true)]
    pub public_network_access: Option<String>,
    /// Bypass traffic for space-separated uses.
    #[arg(long, value_parser = ["AzureServices", "None"], ignore_case = true)]
    pub bypass: Option<String>,
    /// Default action to apply when no rule matches.
    #[arg(long = "default-action", value_parser = ["Allow", "Deny"], ignore_case = true)]
    pub default_action: Option<String>,
    /// [HSM Only] Enable user-assigned managed identities: space-separated resource ids, or 'none'.
    #[arg(long = "mi-user-assigned", num_args = 1..)]
    pub mi_user_assigned: Vec<String>,
    /// Secondary locations (not supported for HSMs yet).
    #[arg(long = "secondary-locations", num_args = 1..)]
    pub secondary_locations: Vec<String>,
    /// Update an object by specifying a property path and value to set. Example: --set tags.team=security
    #[arg(long, num_args = 1..)]
    pub set: Vec<String>,
    /// Add an object to a list of objects by specifying a path and key value pairs. Example: --add properties.initialAdminObjectIds <oid>
    #[arg(long, num_args = 1..)]
    pub add: Vec<String>,
    /// Remove a property or an element from a list. Example: --remove tags.team
    #[arg(long, num_args = 1..)]
    pub remove: Vec<String>,
    /// When using 'set' or 'add', preserve string literals instead of attempting to convert to JSON.
    #[arg(long = "force-string")]
    pub force_string: bool,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
        enable_purge_protection,
        public_network_access,
        bypass,
        default_action,
        mi_user_assigned,
        secondary_locations,
        set,
        add,
        remove,
        force_string,
        no_wait,
    } = args;
    if !secondary_locations.is_empty() {
        return Err(CliError::Invalid(
            "--secondary-locations has not been supported yet for hsm".into(),
        ));
    }
    let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
    let client = ctx.client().await?;
    let current = client.get_managed_hsm(&rg, &hsm_name).await?;
    let mut v = view::managed_hsm(&current);
    for s in &set {
        let (path, value) = s.split_once('=').ok_or_else(|| {
            CliError::Usage(format!("usage error: --set property=value (got '{s}')"))
        })?;
        set_path(&mut v, path, literal(value, force_string))?;
    }
    if !add.is_empty() {
        let (path, values) = add.split_first().expect("non-empty");
        let target = get_path_mut(&mut v, path)?;
        let list = target
            .as_array_mut()
            .ok_or_else(|| CliError::Invalid(format!("--add: '{path}' is not a list")))?;
        list.extend(values.iter().map(|x| literal(x, force_string)));
    }
    if !remove.is_empty() {
        let (path, index) = remove.split_first().expect("non-empty");
        match index.first() {
            Some(i) => {
                let i: usize = i
                    .parse()
                    .map_err(|_| CliError::Usage(format!("--remove: '{i}' is not an index")))?;
                let list = get_path_mut(&mut v, path)?.as_array_mut().ok_or_else(|| {
                    CliError::Invalid(format!("--remove: '{path}' is not a list"))
                })?;
                if i >= list.len() {
                    return Err(CliError::Invalid(format!(
                        "--remove: index {i} is out of range for '{path}'"
                    )));
                }
                list.remove(i);
            }
            None => {
                let (parent, leaf) = path.rsplit_once('.').unwrap_or(("", path));
                let p = if parent.is_empty() {
                    &mut v
                } else {
                    get_path_mut(&mut v, parent)?
                };
                if let Some(m) = p.as_object_mut() {
                    m.remove(leaf);
                }
            }
        }
    }
    let props = &mut v["properties"];
    if let Some(e) = enable_purge_protection {
        props["enablePurgeProtection"] = Value::Bool(e);
    }
    if let Some(p) = public_network_access {
        props["publicNetworkAccess"] = Value::String(canonical(&p, &["Disabled", "Enabled"]));
    }
    // az's quirk `bypass or (default_action and …)`: either flag rewrites networkAcls.
    if bypass.is_some() || default_action.is_some() {
        let acls = &mut props["networkAcls"];
        if !acls.is_object() {
            *acls = serde_json::json!({});
        }
        if let Some(b) = bypass {
            acls["bypass"] = Value::String(canonical(&b, &["AzureServices", "None"]));
        }
        if let Some(d) = default_action {
            acls["defaultAction"] = Value::String(canonical(&d, &["Allow", "Deny"]));
        }
    }
    if let Some(identity) = identity_from(&mi_user_assigned) {
        v["identity"] = serde_json::to_value(identity).expect("identity serializes");
    }
    let body = put_body(&v)?;
    let poller = client.begin_put_managed_hsm(&rg, &hsm_name, &body).await?;
    if no_wait {
        return Ok(());
    }
    let hsm = client
        .wait_arm(poller, &format!("Updating Managed HSM '{hsm_name}'"))
        .await?
        .ok_or_else(|| CliError::Invalid("The service returned no HSM after the update.".into()))?;
    ctx.print_table(&view::managed_hsm(&hsm), &view::hsm_table)
}

/// The full PUT body from the edited view: read-only members are dropped, as az's serializer does.
pub(crate) fn put_body(v: &Value) -> Result<ManagedHsm, CliError> {
    let mut v = v.clone();
    if let Some(p) = v["properties"].as_object_mut() {
        for ro in [
            "hsmUri",
            "provisioningState",
            "statusMessage",
            "securityDomainProperties",
            "scheduledPurgeDate",
            "privateEndpointConnections",
        ] {
            p.remove(ro);
        }
        if let Some(Value::Array(regions)) = p.get_mut("regions") {
            for r in regions {
                if let Some(o) = r.as_object_mut() {
                    o.remove("provisioningState");
                }
            }
        }
        p.retain(|_, val| !val.is_null());
    }
    if let Some(o) = v.as_object_mut() {
        for ro in ["id", "name", "type", "systemData", "resourceGroup"] {
            o.remove(ro);
        }
        o.retain(|_, val| !val.is_null());
    }
    serde_json::from_value(v)
        .map_err(|e| CliError::Invalid(format!("The edited HSM is not valid: {e}")))
}

fn literal(s: &str, force_string: bool) -> Value {
    if force_string {
        return Value::String(s.to_string());
    }
    serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_string()))
}

fn get_path_mut<'a>(v: &'a mut Value, path: &str) -> Result<&'a mut Value, CliError> {
    let mut cur = v;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        cur = match cur {
            Value::Object(m) => m
                .get_mut(part)
                .ok_or_else(|| CliError::Invalid(format!("Couldn't find '{part}' in '{path}'.")))?,
            Value::Array(a) => {
                let i: usize = part
                    .trim_matches(|c| c == '[' || c == ']')
                    .parse()
                    .map_err(|_| {
                        CliError::Invalid(format!("'{part}' is not a list index in '{path}'."))
                    })?;
                a.get_mut(i).ok_or_else(|| {
                    CliError::Invalid(format!("index {i} out of range in '{path}'."))
                })?
            }
            _ => {
                return Err(CliError::Invalid(format!(
                    "Couldn't find '{part}' in '{path}'."
                )));
            }
        };
    }
    Ok(cur)
}

fn set_path(v: &mut Value, path: &str, value: Value) -> Result<(), CliError> {
    let (parent, leaf) = path.rsplit_once('.').unwrap_or(("", path));
    let p = if parent.is_empty() {
        v
    } else {
        get_path_mut(v, parent)?
    };
    if p.is_null() {
        *p = serde_json::json!({});
    }
    match p {
        Value::Object(m) => {
            m.insert(leaf.to_string(), value);
            Ok(())
        }
        _ => Err(CliError::Invalid(format!(
            "Cannot set '{path}': its parent is not an object."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_set_and_body() {
        let mut v = serde_json::json!({"id": "x", "tags": {}, "properties": {"hsmUri": "h", "enablePurgeProtection": false, "softDeleteRetentionInDays": 7}});
        set_path(&mut v, "tags.team", literal("sec", false)).unwrap();
        set_path(
            &mut v,
            "properties.enablePurgeProtection",
            literal("true", false),
        )
        .unwrap();
        let b = put_body(&v).unwrap();
        assert_eq!(b.tags.unwrap()["team"], "sec");
        let p = b.properties.unwrap();
        assert_eq!(p.enable_purge_protection, Some(true));
        assert!(p.hsm_uri.is_none());
        assert!(b.id.is_none());
    }
}
