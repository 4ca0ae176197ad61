//! `mhsm region remove` — remove a region from a Managed HSM (az keyvault region remove
//! --hsm-name): a region not listed is a warning and the HSM is printed unchanged. The service
//! refuses to remove the primary region; a removed secondary is purged at once.

use super::{RegionArgs, is_region, patch_and_print, regions};
use crate::commands::{CliError, Ctx, resolve_resource_group, view};

pub type Args = RegionArgs;

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let RegionArgs {
        hsm_name,
        resource_group,
        region,
        no_wait,
    } = args;
    let rg = resolve_resource_group(ctx, &hsm_name, resource_group).await?;
    let hsm = ctx.client().await?.get_managed_hsm(&rg, &hsm_name).await?;
    let viewed = view::managed_hsm(&hsm);
    let list = regions(&viewed);
    let new = match list.iter().position(|r| is_region(r, &region)) {
        Some(i) => {
            let mut list = list;
            list.remove(i);
            Some(list)
        }
        None => {
            ctx.printer.warning(&format!("{region} doesn't exist"));
            None
        }
    };
    patch_and_print(ctx, &rg, &hsm_name, viewed, new, no_wait).await
}
