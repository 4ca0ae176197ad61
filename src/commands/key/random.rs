//! `mhsm key random` — random bytes from the HSM (az keyvault key random).

use super::common::{HsmOnly, hsm_of, std_b64};
use crate::commands::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: HsmOnly,
    /// The requested number of random bytes (1–128).
    #[arg(long, required = true)]
    pub count: u32,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm, count } = args;
    let endpoint = hsm_of(ctx, &hsm).await?;
    let v = ctx.client().await?.random_bytes(&endpoint, count).await?;
    ctx.print(&serde_json::json!({"value": std_b64(&Some(v))}))
}
