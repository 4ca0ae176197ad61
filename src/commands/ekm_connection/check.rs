//! `mhsm ekm-connection check` — have the HSM call its EKM proxy's `/info` over mutual TLS and
//! print the answer (az keyvault ekm-connection check).

use super::MISSING_HSM;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::ekm::EkmProxyInfoView;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let info = ctx.client().await?.check_ekm_connection(&endpoint).await?;
    ctx.print(&serde_json::to_value(EkmProxyInfoView::from(&info)).expect("serialises"))
}
