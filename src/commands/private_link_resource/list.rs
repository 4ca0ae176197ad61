//! `mhsm private-link-resource list` — `GET …/privateLinkResources`, printed as az does: an array
//! with each resource's `properties` flattened to the top level and `resourceGroup` added.

use serde_json::json;

use crate::commands::{CliError, Ctx, resolve_resource_group, view};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
    } = args;
    let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
    let all = ctx
        .client()
        .await?
        .list_mhsm_private_link_resources(&rg, &hsm_name)
        .await?;
    let out: Vec<_> = all
        .iter()
        .map(|r| {
            let p = r.properties.clone().unwrap_or_default();
            json!({
                "groupId": p.group_id,
                "id": r.id,
                "identity": r.identity,
                "location": r.location,
                "name": r.name,
                "requiredMembers": p.required_members,
                "requiredZoneNames": p.required_zone_names,
                "resourceGroup": r.id.as_deref().and_then(view::resource_group_of),
                "sku": r.sku.as_ref().map(|s| json!({"family": s.family, "name": s.name})),
                "systemData": r.system_data.as_ref().map(|s| serde_json::to_value(s).unwrap_or_default()),
                "tags": r.tags,
                "type": r.resource_type,
            })
        })
        .collect();
    ctx.print(&serde_json::Value::Array(out))
}
