//! `mhsm create` — create a Managed HSM (az keyvault create --hsm-name).
//!
//! Better than az: `--sku` is validated with a clear error (az crashes on a SKU without `_`),
//! and `--retention-days` is sent as a number (az sends a string).

use std::collections::BTreeMap;

use super::{CliError, Ctx, view};
use crate::cli::{parse_bool, parse_tags};
use crate::wire::arm::{
    IpRule, ManagedHsm, ManagedHsmProperties, ManagedServiceIdentity, NetworkAcls, SKU_NAMES, Sku,
    UserAssignedIdentity,
};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Name of resource group.
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: String,
    /// Location. Values from: `az account list-locations`. Defaults to the resource group's.
    #[arg(short = 'l', long)]
    pub location: Option<String>,
    /// [HSM Only] Administrator role for data plane operations for Managed HSM. It accepts a space separated list of OIDs that will be assigned.
    #[arg(long, num_args = 1..)]
    pub administrators: Vec<String>,
    /// Soft delete data retention days. It accepts >=7 and <=90.
    #[arg(long = "retention-days")]
    pub retention_days: Option<u32>,
    /// SKU: Standard_B1, Custom_B32, Custom_B6, Custom_C42, Custom_C10.
    #[arg(long, default_value = "Standard_B1")]
    pub sku: String,
    /// Property specifying whether protection against purge is enabled (irreversible).
    #[arg(long = "enable-purge-protection", num_args = 0..=1, default_missing_value = "true", value_parser = parse_bool)]
    pub enable_purge_protection: Option<bool>,
    /// Control permission for data plane traffic coming from public networks while private endpoint is enabled.
    #[arg(long = "public-network-access", value_parser = ["Disabled", "Enabled"], ignore_case = true)]
    pub public_network_access: Option<String>,
    /// [HSM Only] Enable user-assigned managed identities: space-separated resource ids, or 'none'.
    #[arg(long = "mi-user-assigned", num_args = 1..)]
    pub mi_user_assigned: Vec<String>,
    /// Network ACL IP rules. Space-separated list of IP addresses.
    #[arg(long = "network-acls-ips", num_args = 1..)]
    pub network_acls_ips: Vec<String>,
    /// Bypass traffic for space-separated uses.
    #[arg(long, value_parser = ["AzureServices", "None"], ignore_case = true)]
    pub bypass: Option<String>,
    /// Default action to apply when no rule matches.
    #[arg(long = "default-action", value_parser = ["Allow", "Deny"], ignore_case = true)]
    pub default_action: Option<String>,
    /// Space-separated tags: key[=value] [key[=value] ...]. Use '' to clear existing tags.
    #[arg(long, num_args = 0..)]
    pub tags: Option<Vec<String>>,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

/// The `identity` body of `--mi-user-assigned` (az: a single `none` means no identity).
pub fn identity_from(ids: &[String]) -> Option<ManagedServiceIdentity> {
    match ids {
        [] => None,
        [one] if one.eq_ignore_ascii_case("none") => Some(ManagedServiceIdentity {
            principal_id: None,
            tenant_id: None,
            identity_type: "None".into(),
            user_assigned_identities: None,
        }),
        many => Some(ManagedServiceIdentity {
            principal_id: None,
            tenant_id: None,
            identity_type: "UserAssigned".into(),
            user_assigned_identities: Some(
                many.iter()
                    .map(|id| (id.clone(), UserAssignedIdentity::default()))
                    .collect::<BTreeMap<_, _>>(),
            ),
        }),
    }
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
        location,
        administrators,
        retention_days,
        sku,
        enable_purge_protection,
        public_network_access,
        mi_user_assigned,
        network_acls_ips,
        bypass,
        default_action,
        tags,
        no_wait,
    } = args;
    // az's checks and messages.
    let admins: Vec<String> = administrators
        .iter()
        .flat_map(|a| a.split_whitespace())
        .map(str::to_string)
        .collect();
    if admins.is_empty() {
        return Err(CliError::Invalid("Please specify --administrators".into()));
    }
    let Some(retention) = retention_days else {
        return Err(CliError::Invalid(
            "--retention-days is required for MHSM creation.".into(),
        ));
    };
    let sku = Sku::from_name(&sku).ok_or_else(|| {
        CliError::Invalid(format!(
            "'{sku}' is not a valid SKU. Allowed values: {}.",
            SKU_NAMES.join(", ")
        ))
    })?;
    let client = ctx.client().await?;
    let location = match location {
        Some(l) => l,
        None => client
            .get_resource_group(&resource_group)
            .await
            .map(|g| g.location)
            .map_err(|e| {
                CliError::from(e).hint(
                    "The location defaults to the resource group's; pass --location to choose it.",
                )
            })?,
    };
    let tenant = match &client.cloud.tenant_id {
        Some(t) => t.clone(),
        None => tenant_of_subscription(client).await?,
    };
    let body = ManagedHsm {
        location: Some(location),
        tags: tags.as_deref().map(parse_tags),
        sku: Some(sku),
        identity: identity_from(&mi_user_assigned),
        properties: Some(ManagedHsmProperties {
            tenant_id: Some(tenant),
            initial_admin_object_ids: Some(admins),
            soft_delete_retention_in_days: Some(retention),
            enable_purge_protection,
            public_network_access: public_network_access
                .map(|p| canonical(&p, &["Disabled", "Enabled"])),
            network_acls: Some(NetworkAcls {
                bypass: Some(
                    bypass
                        .map(|b| canonical(&b, &["AzureServices", "None"]))
                        .unwrap_or_else(|| "AzureServices".into()),
                ),
                default_action: Some(
                    default_action
                        .map(|d| canonical(&d, &["Allow", "Deny"]))
                        .unwrap_or_else(|| "Allow".into()),
                ),
                ip_rules: (!network_acls_ips.is_empty()).then(|| {
                    network_acls_ips
                        .iter()
                        .map(|ip| IpRule { value: ip.clone() })
                        .collect()
                }),
                service_tags: None,
                virtual_network_rules: None,
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    let poller = client
        .begin_put_managed_hsm(&resource_group, &hsm_name, &body)
        .await?;
    if no_wait {
        return Ok(());
    }
    let hsm = client
        .wait_arm(poller, &format!("Provisioning Managed HSM '{hsm_name}'"))
        .await?
        .ok_or_else(|| CliError::Invalid("The service returned no HSM after creation.".into()))?;
    ctx.print_table(&view::managed_hsm(&hsm), &view::hsm_table)
}

/// Canonical spelling of a case-insensitive choice.
pub fn canonical(v: &str, choices: &[&str]) -> String {
    choices
        .iter()
        .find(|c| c.eq_ignore_ascii_case(v))
        .map(|c| c.to_string())
        .unwrap_or_else(|| v.to_string())
}

/// The tenant of the current subscription (for `properties.tenantId`).
pub async fn tenant_of_subscription(client: &crate::client::Client) -> Result<String, CliError> {
    if let Ok(t) = std::env::var("AZURE_TENANT_ID")
        && !t.is_empty()
    {
        return Ok(t);
    }
    let sub = client.subscription().await?;
    let subs = client.list_subscriptions().await?;
    subs.into_iter()
        .find(|s| s.subscription_id.eq_ignore_ascii_case(&sub))
        .and_then(|s| s.tenant_id)
        .ok_or_else(|| {
            CliError::Invalid(format!(
                "Cannot tell the tenant of subscription '{sub}'; set AZURE_TENANT_ID."
            ))
        })
}
