//! `mhsm network-rule` — the IP firewall of a Managed HSM (az keyvault network-rule … --hsm-name):
//! add, remove and list `properties.networkAcls.ipRules`, and wait for the update to finish.
//!
//! The rules only matter when `--default-action Deny` is set (`mhsm update-hsm`); with
//! `--public-network-access Disabled` no public address gets in at all.

pub mod add;
pub mod list;
pub mod remove;
pub mod wait;

use clap::Subcommand;
use std::str::FromStr;

use crate::commands::{CliError, Ctx};
use crate::wire::network::Ipv4Net;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add IP rules to the network ACLs of a Managed HSM.
    Add(add::Args),
    /// Remove IP rules from the network ACLs of a Managed HSM.
    Remove(remove::Args),
    /// List the network ACLs (default action, bypass, IP rules) of a Managed HSM.
    List(list::Args),
    /// Wait until a Managed HSM reaches a condition (same as 'mhsm wait-hsm').
    Wait(wait::Args),
}

impl Command {
    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Add(a) => add::run(ctx, a).await,
            Command::Remove(a) => remove::run(ctx, a).await,
            Command::List(a) => list::run(ctx, a).await,
            Command::Wait(a) => wait::run(ctx, a).await,
        }
    }
}

/// One `--ip-address` value: kept as typed (az sends it verbatim) and parsed as Python's strict
/// `ip_network` does. Better than az: a malformed value or one with host bits set
/// (`10.0.0.1/24`) is a usage error naming the value, where az fails with a Python exception.
#[derive(Debug, Clone)]
pub struct IpArg {
    pub raw: String,
    pub net: Ipv4Net,
}

impl FromStr for IpArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let net = Ipv4Net::parse_strict(s).map_err(|e| e.to_string())?;
        Ok(IpArg {
            raw: s.to_string(),
            net,
        })
    }
}

/// az's `validate_ip_address`: two inputs that overlap are refused, naming the first pair.
pub fn refuse_overlapping_inputs(ips: &[IpArg]) -> Result<(), CliError> {
    for (i, a) in ips.iter().enumerate() {
        for (j, b) in ips.iter().enumerate() {
            if i != j && a.net.overlaps(b.net) {
                return Err(CliError::Invalid(format!(
                    "ip addresses {} and {} provided are overlapping: --ip_address ip1 [ip2]...",
                    a.net, b.net
                )));
            }
        }
    }
    Ok(())
}

/// az refuses virtual-network rules for HSMs before contacting the service.
pub fn refuse_subnet(subnet: &Option<String>, vnet_name: &Option<String>) -> Result<(), CliError> {
    if subnet.is_some() || vnet_name.is_some() {
        return Err(CliError::Invalid(
            "--subnet and --vnet-name are not supported for MHSM yet".into(),
        ));
    }
    Ok(())
}

/// The flags `add` and `remove` share (az's names).
#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Proceed only if the Managed HSM belongs to the specified resource group (looked up when omitted).
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    /// IPv4 address or CIDR range. Can supply a list: --ip-address ip1 [ip2]... Unlike az, a malformed value or one with host bits set (10.0.0.1/24) is refused before anything is sent.
    #[arg(long = "ip-address", num_args = 1..)]
    pub ip_address: Vec<IpArg>,
    /// Not supported for HSMs (as az): name or ID of a subnet.
    #[arg(long)]
    pub subnet: Option<String>,
    /// Not supported for HSMs (as az): name of a virtual network.
    #[arg(long = "vnet-name")]
    pub vnet_name: Option<String>,
    /// Do not wait for the long-running operation to finish.
    #[arg(long = "no-wait")]
    pub no_wait: bool,
}

/// The `ipRules` values of an HSM as az prints them (`networkAcls` may be absent).
fn ip_rules(hsm: &serde_json::Value) -> Vec<String> {
    hsm["properties"]["networkAcls"]["ipRules"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| r["value"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Sets the `ipRules` of the viewed HSM (creating `networkAcls` with the service defaults when
/// absent, as az's `_create_network_rule_set`).
fn set_ip_rules(hsm: &mut serde_json::Value, rules: &[String]) {
    let acls = &mut hsm["properties"]["networkAcls"];
    if !acls.is_object() {
        *acls = serde_json::json!({"bypass": "AzureServices", "defaultAction": "Allow"});
    }
    acls["ipRules"] = rules
        .iter()
        .map(|r| serde_json::json!({ "value": r }))
        .collect();
}

/// az's update pattern: unchanged → print the HSM as read; changed → full PUT, poll, GET, print
/// (`--no-wait`: the PUT only, no output).
async fn put_and_print(
    ctx: &Ctx,
    rg: &str,
    hsm_name: &str,
    viewed: serde_json::Value,
    changed: bool,
    no_wait: bool,
) -> Result<(), CliError> {
    use crate::commands::{update_hsm, view};
    if !changed {
        return ctx.print(&viewed);
    }
    let body = update_hsm::put_body(&viewed)?;
    let client = ctx.client().await?;
    let poller = client.begin_put_managed_hsm(rg, hsm_name, &body).await?;
    if no_wait {
        return Ok(());
    }
    let hsm = client
        .wait_arm(
            poller,
            &format!("Updating the network rules of '{hsm_name}'"),
        )
        .await?
        .ok_or_else(|| CliError::Invalid("The service returned no HSM after the update.".into()))?;
    ctx.print(&view::managed_hsm(&hsm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_inputs_are_named_as_python_prints_them() {
        let ips: Vec<IpArg> = ["10.0.0.0/24", "1.2.3.4", "10.0.0.7"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let e = refuse_overlapping_inputs(&ips).unwrap_err().to_string();
        assert_eq!(
            e,
            "ip addresses 10.0.0.0/24 and 10.0.0.7/32 provided are overlapping: --ip_address ip1 [ip2]..."
        );
        assert!(refuse_overlapping_inputs(&ips[..2]).is_ok());
        assert!(
            "10.0.0.1/24"
                .parse::<IpArg>()
                .unwrap_err()
                .contains("host bits")
        );
    }
}
