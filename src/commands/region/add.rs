//! `mhsm region add` — extend a Managed HSM to a secondary region (az keyvault region add
//! --hsm-name): a region already listed is a warning and the HSM is printed unchanged.

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
    let mut list = regions(&viewed);
    let new = if list.iter().any(|r| is_region(r, &region)) {
        ctx.printer
            .warning(&format!("{region} has already existed"));
        None
    } else {
        // az appends `MHSMGeoReplicatedRegion(name=…)`: only the name is sent.
        list.push(serde_json::json!({ "name": region }));
        Some(list)
    };
    patch_and_print(ctx, &rg, &hsm_name, viewed, new, no_wait).await
}
