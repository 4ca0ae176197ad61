//! `mhsm key purge` — permanently delete a soft-deleted key (az keyvault key purge).

use super::common::{KeyTarget, key_of};
use crate::client::ClientError;
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { key } = args;
    let k = key_of(ctx, &key, None, "deletedkeys").await?;
    let client = ctx.client().await?;
    match client.purge_key(&k.hsm, &k.name).await {
        Ok(()) => Ok(()),
        // Purge protection, not access control, refused it (a 403 `Forbidden` as well): say what
        // keeps the key and until when — no role assignment changes that.
        Err(e) if is_purge_protection(&e) => {
            let when = client
                .get_deleted_key(&k.hsm, &k.name)
                .await
                .ok()
                .and_then(|b| b.deletion.scheduled_purge_date)
                .map(crate::commands::view::az_epoch);
            let hint = match when {
                Some(t) => format!(
                    "Purge protection keeps the deleted key '{}' until its scheduled purge date, {t}, when the HSM purges it automatically; no role or command can remove it earlier. Until then it can still be recovered with 'mhsm key recover'.",
                    k.name
                ),
                None => format!(
                    "Purge protection keeps the deleted key '{}' until its scheduled purge date (see 'mhsm key show-deleted'), when the HSM purges it automatically; no role or command can remove it earlier.",
                    k.name
                ),
            };
            Err(CliError::from(e).hint(hint))
        }
        Err(e) => Err(e.into()),
    }
}

/// The service's refusal of a purge under purge protection (403, message naming it).
pub(crate) fn is_purge_protection(e: &ClientError) -> bool {
    matches!(e, ClientError::Api { status: 403, message, .. }
        if message.to_ascii_lowercase().contains("purge protection"))
}
