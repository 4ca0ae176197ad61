//! `mhsm ekm-connection create` — connect the HSM to an EKM proxy (az keyvault ekm-connection
//! create): az's checks of `--host`, `--path-prefix` and the CA files, then `POST /ekm/create`.

use super::{MISSING_HSM, check_path_prefix, load_certificates, normalize_host, view};
use crate::commands::{CliError, Ctx, hsm_endpoint};
use crate::wire::ekm::EkmConnection;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// EKM proxy host (FQDN or FQDN:port). If port is omitted, 443 is assumed.
    #[arg(long)]
    pub host: String,
    /// Optional path prefix to append to EKM proxy requests. Must start with "/".
    #[arg(long = "path-prefix")]
    pub path_prefix: Option<String>,
    /// Path(s) to server CA certificate(s) in PEM or DER format (a PEM chain, or several files).
    #[arg(long = "server-ca-certificate", required = true, num_args = 1.., action = clap::ArgAction::Append)]
    pub server_ca_certificates: Vec<String>,
    /// Optional expected Common Name (CN) for the EKM proxy server certificate.
    #[arg(long = "server-subject-common-name", visible_alias = "server-cn")]
    pub server_subject_common_name: Option<String>,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm,
        host,
        path_prefix,
        server_ca_certificates,
        server_subject_common_name,
    } = args;
    if hsm.hsm_name.is_none() && hsm.id.is_none() {
        return Err(CliError::Invalid(MISSING_HSM.into()));
    }
    let host = normalize_host(&host)?;
    if let Some(p) = &path_prefix {
        check_path_prefix(p)?;
    }
    let cas = load_certificates(&server_ca_certificates)?;
    if cas.is_empty() {
        return Err(CliError::Invalid(
            "Please specify at least one --server-ca-certificate for EKM connection creation."
                .into(),
        ));
    }
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let c = EkmConnection {
        host,
        path_prefix,
        server_ca_certificates: cas,
        server_subject_common_name,
    };
    let created = ctx
        .client()
        .await?
        .create_ekm_connection(&endpoint, &c)
        .await?;
    ctx.print(&view(&created))
}
