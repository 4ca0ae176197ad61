//! `mhsm network-rule add` — add IP rules (az keyvault network-rule add --hsm-name): overlapping
//! inputs are refused, inputs overlapping an existing rule are skipped with az's warning, and the
//! HSM is updated with a full PUT only when something was added.

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
    // az's order: the argument validator, then the command's subnet refusal, then the GET.
    refuse_overlapping_inputs(&ip_address)?;
    refuse_subnet(&subnet, &vnet_name)?;
    let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
    let hsm = ctx.client().await?.get_managed_hsm(&rg, &hsm_name).await?;
    let mut viewed = view::managed_hsm(&hsm);
    let mut rules = ip_rules(&viewed);
    let mut changed = false;
    for ip in &ip_address {
        // A rule the service holds but that does not parse cannot overlap anything.
        let existing = rules.iter().find(|r| {
            Ipv4Net::parse_lenient(r)
                .map(|n| n.overlaps(ip.net))
                .unwrap_or(false)
        });
        match existing {
            Some(r) => ctx.printer.warning(&format!(
                "IP/CIDR {} overlaps with {r}, which exists already. Not adding duplicates.",
                ip.raw
            )),
            None => {
                rules.push(ip.raw.clone());
                changed = true;
            }
        }
    }
    if changed {
        set_ip_rules(&mut viewed, &rules);
    }
    put_and_print(ctx, &rg, &hsm_name, viewed, changed, no_wait).await
}
