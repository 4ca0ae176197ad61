//! `mhsm private-endpoint-connection` — the private endpoint connections of a Managed HSM (az
//! keyvault private-endpoint-connection … --hsm-name): list, show, approve, reject, delete, wait.
//!
//! A connection is made from the network side (a private endpoint asks to connect); the HSM's
//! owner approves or rejects it. Once approved, the HSM answers on its private address too, where
//! `--public-network-access Disabled` and IP rules do not apply: point mhsm at it with
//! `--id https://<private address>/`.

pub mod approve;
pub mod delete;
pub mod list;
pub mod reject;
pub mod show;
pub mod wait;

use clap::Subcommand;
use serde_json::{Value, json};

use crate::commands::{CliError, Ctx, resolve_resource_group, view};
use crate::wire::private_link::PrivateEndpointConnection;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List all private endpoint connections associated with a HSM.
    List(list::Args),
    /// Show details of a private endpoint connection associated with a Key Vault/HSM.
    Show(show::Args),
    /// Approve a private endpoint connection request for a Key Vault/HSM.
    Approve(approve::Args),
    /// Reject a private endpoint connection request for a Key Vault/HSM.
    Reject(reject::Args),
    /// Delete the specified private endpoint connection associated with a Key Vault/HSM.
    Delete(delete::Args),
    /// Place the CLI in a waiting state until a condition of the private endpoint connection is met.
    Wait(wait::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::List(a) => list::run(ctx, a).await,
            Command::Show(a) => show::run(ctx, a).await,
            Command::Approve(a) => approve::run(ctx, a).await,
            Command::Reject(a) => reject::run(ctx, a).await,
            Command::Delete(a) => delete::run(ctx, a).await,
            Command::Wait(a) => wait::run(ctx, a).await,
        }
    }
}

/// az's usage error when a connection is not identified.
const USAGE: &str =
    "incorrect usage: [--id ID | --name NAME --vault-name NAME | --name NAME --hsm-name NAME]";

/// How a command names one connection (az's "Id Arguments").
#[derive(Debug, clap::Args)]
pub struct ConnArgs {
    /// The ID of the private endpoint connection associated with the Key Vault/HSM. If specified --vault-name/--hsm-name and --name/-n, this should be omitted.
    #[arg(long = "id")]
    pub id: Option<String>,
    /// The name of the private endpoint connection associated with the Key Vault/HSM. Required if --id is not specified
    #[arg(short = 'n', long = "name")]
    pub name: Option<String>,
    /// Name of the HSM. Required if --id is not specified.
    #[arg(long = "hsm-name")]
    pub hsm_name: Option<String>,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
}

/// A resolved connection: resource group, HSM, connection name.
pub struct Conn {
    pub rg: String,
    pub hsm: String,
    pub name: String,
}

impl ConnArgs {
    /// az's `validate_private_endpoint_connection_id`: `--id` wins (resource group, HSM and
    /// name read from it); else the resource group is looked up, then all three must be known.
    pub async fn resolve(self, ctx: &Ctx) -> Result<Conn, CliError> {
        let ConnArgs {
            id,
            name,
            hsm_name,
            resource_group,
        } = self;
        if let Some(id) = id {
            return parse_id(&id).ok_or_else(|| CliError::Invalid(USAGE.into()));
        }
        let (Some(hsm), Some(name)) = (hsm_name, name) else {
            return Err(CliError::Invalid(USAGE.into()));
        };
        let rg = resolve_resource_group(ctx, &hsm, resource_group).await?;
        Ok(Conn { rg, hsm, name })
    }
}

/// `/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs/h/privateEndpointConnections/n`.
fn parse_id(id: &str) -> Option<Conn> {
    let p: Vec<&str> = id.trim_matches('/').split('/').collect();
    match p.as_slice() {
        [subs, _, rgs, rg, prov, ns, ty, hsm, pecs, name]
            if subs.eq_ignore_ascii_case("subscriptions")
                && rgs.eq_ignore_ascii_case("resourceGroups")
                && prov.eq_ignore_ascii_case("providers")
                && ns.eq_ignore_ascii_case("Microsoft.KeyVault")
                && ty.eq_ignore_ascii_case("managedHSMs")
                && pecs.eq_ignore_ascii_case("privateEndpointConnections")
                && !name.is_empty() =>
        {
            Some(Conn {
                rg: rg.to_string(),
                hsm: hsm.to_string(),
                name: name.to_string(),
            })
        }
        _ => None,
    }
}

/// az's output of a connection: the model with `properties` flattened to the top level, every
/// field present (null when absent), and `resourceGroup` added.
pub fn connection_view(c: &PrivateEndpointConnection) -> Value {
    let p = c.properties.clone().unwrap_or_default();
    json!({
        "etag": c.etag,
        "id": c.id,
        "identity": c.identity,
        "location": c.location,
        "name": c.name,
        "privateEndpoint": p.private_endpoint.map(|e| json!({
            "id": e.id,
            // az adds `resourceGroup` to every nested object with a resource-group-scoped id.
            "resourceGroup": e.id.as_deref().and_then(view::resource_group_of),
        })),
        "privateLinkServiceConnectionState": p.private_link_service_connection_state.map(|s| json!({
            "actionsRequired": s.actions_required,
            "description": s.description,
            "status": s.status,
        })),
        "provisioningState": p.provisioning_state,
        "resourceGroup": c.id.as_deref().and_then(view::resource_group_of),
        "sku": c.sku.as_ref().map(|s| json!({"family": s.family, "name": s.name})),
        "systemData": c.system_data.as_ref().map(|s| serde_json::to_value(s).unwrap_or_default()),
        "tags": c.tags,
        "type": c.resource_type,
    })
}

/// az's approve/reject: GET, set the status and description, PUT, then re-GET (1 s apart, at
/// most 10 times) until `provisioningState` is `Succeeded`; prints that, else the PUT's answer.
pub async fn set_status(
    ctx: &Ctx,
    conn: ConnArgs,
    status: &str,
    description: Option<String>,
    no_wait: bool,
) -> Result<(), CliError> {
    let Conn { rg, hsm, name } = conn.resolve(ctx).await?;
    let client = ctx.client().await?;
    let mut c = client.get_mhsm_pec(&rg, &hsm, &name).await?;
    let props = c.properties.get_or_insert_with(Default::default);
    let state = props
        .private_link_service_connection_state
        .get_or_insert_with(Default::default);
    state.status = Some(status.into());
    state.description = description;
    let put = client.put_mhsm_pec(&rg, &hsm, &name, &c).await?;
    if no_wait {
        return Ok(());
    }
    for i in 0..10 {
        let got = client.get_mhsm_pec(&rg, &hsm, &name).await?;
        let done = got
            .properties
            .as_ref()
            .and_then(|p| p.provisioning_state.as_deref())
            == Some("Succeeded");
        if done {
            return ctx.print(&connection_view(&got));
        }
        if i < 9 {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
    ctx.print(&connection_view(&put))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_ids_parse_as_az_reads_them() {
        let c = parse_id("/subscriptions/s/resourceGroups/rg1/providers/Microsoft.KeyVault/managedHSMs/h1/privateEndpointConnections/pe1").unwrap();
        assert_eq!(
            (c.rg.as_str(), c.hsm.as_str(), c.name.as_str()),
            ("rg1", "h1", "pe1")
        );
        assert!(
            parse_id(
                "/subscriptions/s/resourceGroups/rg1/providers/Microsoft.KeyVault/managedHSMs/h1"
            )
            .is_none()
        );
    }
}
