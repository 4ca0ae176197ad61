//! `mhsm network-rule remove` — remove IP rules (az keyvault network-rule remove --hsm-name): a
//! rule goes when it is the same network as an input (`1.2.3.4` removes `1.2.3.4/32`); the HSM
//! is updated with a full PUT only when something was removed.

use super::{
    RuleArgs, ip_rules, put_and_print, refuse_overlapping_inputs, refuse_subnet, set_ip_rules,
};
use crate::commands::{CliError, Ctx, resolve_resource_group, view};
use crate::wire::network::Ipv4Net;

pub type Args = RuleArgs;

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let RuleArgs {
        hsm_name,
        resource_group,
        ip_address,
        subnet,
        vnet_name,
        no_wait,
    } = args;
    refuse_overlapping_inputs(&ip_address)?;
    refuse_subnet(&subnet, &vnet_name)?;
    let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
    let hsm = ctx.client().await?.get_managed_hsm(&rg, &hsm_name).await?;
    let mut viewed = view::managed_hsm(&hsm);
    let rules = ip_rules(&viewed);
    let kept: Vec<String> = rules
        .iter()
        .filter(|r| {
            let net = Ipv4Net::parse_lenient(r).ok();
            !ip_address
                .iter()
                .any(|ip| net.is_some_and(|n| n.same_network(ip.net)))
        })
        .cloned()
        .collect();
    let changed = kept.len() != rules.len();
    if changed {
        set_ip_rules(&mut viewed, &kept);
    }
    put_and_print(ctx, &rg, &hsm_name, viewed, changed, no_wait).await
}
