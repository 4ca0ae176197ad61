//! `mhsm show-deleted` — show a soft-deleted Managed HSM (az keyvault show-deleted --hsm-name).

use super::{CliError, Ctx, view};
use crate::wire::arm::DeletedManagedHsm;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name of the deleted HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: String,
    /// Location of the deleted HSM (looked up when omitted).
    #[arg(short = 'l', long)]
    pub location: Option<String>,
}

/// Finds a deleted HSM by name, learning its location from the deleted list when not given.
pub async fn find_deleted(
    ctx: &Ctx,
    name: &str,
    location: Option<String>,
) -> Result<DeletedManagedHsm, CliError> {
    let client = ctx.client().await?;
    let not_found = || {
        CliError::Invalid(format!("No deleted Vault or HSM was found with name {name}"))
            .hint("'mhsm list-deleted' lists the soft-deleted HSMs of the subscription with their locations.")
    };
    match location {
        Some(loc) => client
            .get_deleted_managed_hsm(&loc, name)
            .await
            .map_err(|e| match e.status() {
                Some(404) => not_found(),
                _ => e.into(),
            }),
        None => {
            let all = client.list_deleted_managed_hsms().await?;
            all.into_iter()
                .find(|d| {
                    d.name
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                        || d.properties
                            .as_ref()
                            .and_then(|p| p.mhsm_id.as_deref())
                            .and_then(|id| id.rsplit('/').next())
                            .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
                .ok_or_else(not_found)
        }
    }
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm_name, location } = args;
    let d = find_deleted(ctx, &hsm_name, location).await?;
    ctx.print(&view::deleted_hsm(&d))
}
