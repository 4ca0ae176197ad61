//! `mhsm ekm-connection certificate show` — the HSM's EKM client certificate info (az keyvault
//! ekm-connection certificate show): `{caCertificates, subjectCommonName}`.

use crate::commands::ekm_connection::MISSING_HSM;
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::ekm::EkmCertificateView;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { hsm } = args;
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let info = ctx.client().await?.get_ekm_certificate(&endpoint).await?;
    ctx.print(&serde_json::to_value(EkmCertificateView::from(&info)).expect("serialises"))
}
