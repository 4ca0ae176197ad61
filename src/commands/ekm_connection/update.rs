//! `mhsm ekm-connection update` — change the HSM's EKM connection (az keyvault ekm-connection
//! update): as az, the connection is read, the given fields replace its own, and the merged
//! connection is `PATCH`ed.

use super::{MISSING_HSM, check_path_prefix, load_certificates, normalize_host, view};
use crate::commands::{CliError, Ctx, hsm_endpoint};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hsm: crate::cli::HsmTarget,
    /// EKM proxy host (FQDN or FQDN:port). If port is omitted, 443 is assumed.
    #[arg(long)]
    pub host: Option<String>,
    /// Optional path prefix to append to EKM proxy requests. Must start with "/".
    #[arg(long = "path-prefix")]
    pub path_prefix: Option<String>,
    /// Path(s) to server CA certificate(s) in PEM or DER format (a PEM chain, or several files).
    #[arg(long = "server-ca-certificate", num_args = 1.., action = clap::ArgAction::Append)]
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
    // az normalises a non-empty --host only.
    let host = match host {
        Some(h) if !h.is_empty() => Some(normalize_host(&h)?),
        other => other,
    };
    if let Some(p) = &path_prefix {
        check_path_prefix(p)?;
    }
    let cas = if server_ca_certificates.is_empty() {
        None
    } else {
        Some(load_certificates(&server_ca_certificates)?)
    };
    let endpoint = hsm_endpoint(ctx, &hsm, MISSING_HSM).await?;
    let client = ctx.client().await?;
    let mut c = client.get_ekm_connection(&endpoint).await?;
    if let Some(h) = host {
        c.host = h;
    }
    if path_prefix.is_some() {
        c.path_prefix = path_prefix;
    }
    if let Some(cas) = cas {
        c.server_ca_certificates = cas;
    }
    if server_subject_common_name.is_some() {
        c.server_subject_common_name = server_subject_common_name;
    }
    let updated = client.update_ekm_connection(&endpoint, &c).await?;
    ctx.print(&view(&updated))
}
