//! `mhsm review` — a read-only posture review of one Managed HSM, or of every HSM of the
//! subscription or a resource group, on both planes: the 13 Azure Policy built-ins for Managed
//! HSM (with their parameters) and the seeds' practices (separation of duties, least privilege,
//! recoverability, audit logging, network, security domain). Each finding carries its severity,
//! the practice or policy it comes from, the evidence and the command that fixes it. Output: a
//! table for people (`-o table`), JSON for tools (the default), SARIF 2.1.0 (`--sarif`);
//! `--fail-on` makes CI fail. It needs only read rights (ARM Reader; locally Managed HSM Crypto
//! Auditor); what it cannot read it skips and says so.

pub mod checks;
pub mod read;
pub mod rules;
pub mod sarif;

use clap::builder::TypedValueParser;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

use self::checks::Params;
use self::read::{describe_cli, read_sd, skip, snapshot};
use self::rules::Severity;
use crate::commands::backup::common::list_folders;
use crate::commands::backup::storage::StorageContainer;
use crate::commands::{CliError, Ctx};
use crate::output::{OutputFormat, Row};
use crate::wire::arm::ManagedHsm;

/// How many key reads run at once (the service serves 1100 key reads/s).
pub const KEY_READS_IN_FLIGHT: usize = 32;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 no finding at or above --fail-on (always 0 without it); 4 findings at or above --fail-on; 1 error; 2 usage.\n\nPolicy parameters default to the Azure Policy built-ins' defaults."
)]
pub struct Args {
    /// Name of the HSM to review; without it, every HSM of the subscription (or of -g).
    #[arg(long = "hsm-name")]
    pub hsm_name: Option<String>,
    /// Resource group: of --hsm-name (found by listing when omitted), or the HSMs to review.
    #[arg(short = 'g', long = "resource-group")]
    pub resource_group: Option<String>,
    /// Print a SARIF 2.1.0 log (for code-scanning dashboards) instead of the report.
    #[arg(long)]
    pub sarif: bool,
    /// Exit with code 4 when a finding is at least this severe.
    #[arg(long = "fail-on", value_enum)]
    pub fail_on: Option<Severity>,
    /// The HSM's security-domain file: checks its number of certificates and quorum.
    #[arg(long = "sd-file")]
    pub sd_file: Option<PathBuf>,
    #[command(flatten)]
    pub container: StorageContainer,
    /// Backups older than this many days count as missing (read from the storage container).
    #[arg(long = "max-backup-age-days", default_value_t = 7)]
    pub max_backup_age_days: i64,
    /// Policy parameter minimumRSAKeySize.
    #[arg(long = "minimum-rsa-key-size", default_value_t = 2048, value_parser = clap::builder::PossibleValuesParser::new(["2048", "3072", "4096"]).map(|s| s.parse::<u32>().unwrap_or(2048)))]
    pub minimum_rsa_key_size: u32,
    /// Policy parameter minimumOCTKeySize (AES).
    #[arg(long = "minimum-aes-key-size", default_value_t = 128, value_parser = clap::builder::PossibleValuesParser::new(["128", "192", "256", "512"]).map(|s| s.parse::<u32>().unwrap_or(128)))]
    pub minimum_aes_key_size: u32,
    /// Policy parameter allowedECNames.
    #[arg(long = "allowed-curves", num_args = 1.., default_values = ["P-256", "P-256K", "P-384", "P-521"], value_parser = ["P-256", "P-256K", "P-384", "P-521"])]
    pub allowed_curves: Vec<String>,
    /// Policy parameter allowedKeyTypes.
    #[arg(long = "allowed-key-types", num_args = 1.., default_values = ["RSA-HSM", "EC-HSM", "oct-HSM"], value_parser = ["RSA", "RSA-HSM", "EC", "EC-HSM", "oct-HSM"])]
    pub allowed_key_types: Vec<String>,
    /// Policy parameter minimumDaysBeforeExpiration.
    #[arg(long = "minimum-days-before-expiration", default_value_t = 90)]
    pub minimum_days_before_expiration: i64,
    /// Policy parameter requiredRetentionDays of the resource-logs policy (0: any retention).
    #[arg(long = "required-retention-days", default_value_t = 365)]
    pub required_retention_days: u32,
    /// The least soft-delete retention accepted (the service allows 7 to 90 days).
    #[arg(long = "minimum-retention-days", default_value_t = 90)]
    pub minimum_retention_days: u32,
}

/// The review of every HSM looked at.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub hsms: Vec<Value>,
    pub parameters: Params,
    pub summary: BTreeMap<&'static str, usize>,
    pub findings: Vec<checks::Finding>,
    pub skipped: Vec<Skipped>,
}

/// Checks that could not run on one HSM, and why.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub hsm: String,
    pub checks: Vec<&'static str>,
    pub reason: String,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        hsm_name,
        resource_group,
        sarif,
        fail_on,
        sd_file,
        container,
        max_backup_age_days,
        minimum_rsa_key_size,
        minimum_aes_key_size,
        allowed_curves,
        allowed_key_types,
        minimum_days_before_expiration,
        required_retention_days,
        minimum_retention_days,
    } = args;
    if sarif && ctx.global.output == OutputFormat::Table {
        return Err(CliError::Usage(
            "--sarif writes a JSON document: drop '-o table' (or use -o json).".into(),
        ));
    }
    if sd_file.is_some() && hsm_name.is_none() {
        return Err(CliError::Usage(
            "--sd-file belongs to one HSM: give --hsm-name too.".into(),
        ));
    }
    let params = Params {
        minimum_rsa_key_size,
        minimum_aes_key_size,
        allowed_ec_names: allowed_curves,
        allowed_key_types,
        minimum_days_before_expiration,
        required_retention_days,
        minimum_soft_delete_retention_days: minimum_retention_days,
        maximum_backup_age_days: max_backup_age_days,
    };
    let sd = match &sd_file {
        Some(p) => Some(read_sd(p)?),
        None => None,
    };
    let client = ctx.client().await?;
    let hsms: Vec<ManagedHsm> = match &hsm_name {
        Some(name) => {
            let rg = crate::commands::resolve_resource_group(ctx, name, resource_group).await?;
            vec![client.get_managed_hsm(&rg, name).await?]
        }
        None => client.list_managed_hsms(resource_group.as_deref()).await?,
    };
    let container_uri = if container.any() {
        Some(container.container_uri(&client.cloud)?)
    } else {
        None
    };
    // The container is listed once for every HSM.
    let backups = match &container_uri {
        Some(uri) => Some(
            list_folders(client, uri, container.sas_token.as_ref())
                .await
                .map_err(|e| describe_cli(&e)),
        ),
        None => None,
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut report = Report {
        hsms: Vec::new(),
        parameters: params.clone(),
        summary: BTreeMap::new(),
        findings: Vec::new(),
        skipped: Vec::new(),
    };
    for hsm in hsms {
        let name = hsm.name.clone().unwrap_or_default();
        ctx.printer.progress(&format!("Reviewing {name}…"));
        let mut skipped = Vec::new();
        let mut snap = snapshot(client, hsm, &mut skipped).await;
        snap.now = now;
        snap.container = container_uri.clone();
        match &backups {
            Some(Ok(folders)) => {
                snap.backups = Some(
                    folders
                        .iter()
                        .filter(|f| f.hsm_name.eq_ignore_ascii_case(&name))
                        .map(|f| (f.name.clone(), f.time.unix_timestamp()))
                        .collect(),
                )
            }
            Some(Err(reason)) => skip(
                &mut skipped,
                &[rules::BACKUP_AGE],
                format!("the backup container could not be listed: {reason}"),
            ),
            None => skip(
                &mut skipped,
                &[rules::BACKUP_AGE],
                "no backup container given (--storage-account-name and --blob-container-name, or -u; -t with a SAS that can list)",
            ),
        }
        match &sd {
            Some(facts) => snap.sd = Some(facts.clone()),
            None => skip(
                &mut skipped,
                &[rules::SD_CERTIFICATES, rules::SD_QUORUM],
                "no --sd-file given",
            ),
        }
        report.findings.extend(checks::evaluate(&snap, &params));
        report.hsms.push(serde_json::json!({
            "name": name,
            "resourceGroup": snap.resource_group,
            "id": snap.hsm.id,
        }));
        report
            .skipped
            .extend(skipped.into_iter().map(|(checks, reason)| Skipped {
                hsm: name.clone(),
                checks,
                reason,
            }));
        ctx.printer.progress_done();
    }
    for sev in [Severity::High, Severity::Medium, Severity::Low] {
        let n = report.findings.iter().filter(|f| f.severity == sev).count();
        report.summary.insert(sev.as_str(), n);
    }
    report.summary.insert("total", report.findings.len());
    if ctx.global.output == OutputFormat::Table {
        for s in &report.skipped {
            ctx.printer.warning(&format!(
                "{}: skipped {}: {}",
                s.hsm,
                s.checks.join(", "),
                s.reason
            ));
        }
    }
    if sarif {
        ctx.print(&sarif::log(&report))?;
    } else {
        let value = serde_json::to_value(&report).map_err(|e| CliError::Invalid(e.to_string()))?;
        ctx.print_table(&value, &table)?;
    }
    if let Some(threshold) = fail_on {
        let n = report
            .findings
            .iter()
            .filter(|f| f.severity >= threshold)
            .count();
        if n > 0 {
            return Err(CliError::Findings(format!(
                "{n} finding(s) at or above {} (--fail-on {}).",
                threshold.as_str(),
                threshold.as_str()
            )));
        }
    }
    Ok(())
}

/// The table for people: one row per finding.
fn table(v: &Value) -> Vec<Row> {
    v["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    vec![
                        ("Severity".to_string(), f["severity"].clone()),
                        ("Hsm".to_string(), f["hsm"].clone()),
                        ("Rule".to_string(), f["ruleId"].clone()),
                        ("Resource".to_string(), short_resource(&f["resource"])),
                        ("Evidence".to_string(), f["evidence"].clone()),
                        ("Fix".to_string(), f["fix"].clone()),
                    ]
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The table names the HSM resource by its type and name (the JSON has the full ARM id).
fn short_resource(v: &Value) -> Value {
    let r = v.as_str().unwrap_or_default();
    match r.strip_prefix("/subscriptions/") {
        Some(rest) => Value::String(
            rest.rsplit_once("/providers/Microsoft.KeyVault/")
                .map(|(_, t)| t.to_string())
                .unwrap_or_else(|| r.to_string()),
        ),
        None => v.clone(),
    }
}
