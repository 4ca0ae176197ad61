//! `mhsm security-domain verify` (new, offline) — a quorum drill: prove that a set of wrapping
//! keys opens a security-domain file (which key opens which share, whether the quorum is met,
//! whether the protected data decrypts) without uploading anything. Exits 1 when it would fail.

use serde_json::json;
use std::path::PathBuf;

use super::common::{WrappingKeys, crypto_error, load_wrapping_keys, read_text};
use crate::commands::{CliError, Ctx};
use crate::crypto::sd::{MatchMethod, SecurityDomainFile, drill};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The security-domain file (from 'download').
    #[arg(long = "sd-file", required = true)]
    pub sd_file: PathBuf,
    #[command(flatten)]
    pub keys: WrappingKeys,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { sd_file, keys } = args;
    if keys.keys.is_empty() {
        return Err(CliError::Usage(
            "the following arguments are required: --sd-wrapping-keys".into(),
        ));
    }
    let sd = SecurityDomainFile::parse(&read_text(&sd_file)?).map_err(crypto_error)?;
    let loaded = load_wrapping_keys(ctx, &keys)?;
    let paths: Vec<String> = loaded
        .iter()
        .map(|k| k.path.display().to_string())
        .collect();
    let pairs: Vec<_> = loaded.into_iter().map(|k| (k.key, k.x5t_s256)).collect();
    let r = drill(&sd, &pairs);
    let report = json!({
        "sdFile": sd_file.display().to_string(),
        "quorum": r.required,
        "shares": r.total_shares,
        "sharesOpened": r.shares_opened.iter().map(|i| i + 1).collect::<Vec<_>>(),
        "quorumMet": r.quorum_met,
        "masterKeyRecovered": r.master_key_recovered,
        "keys": r.keys.iter().map(|k| json!({
            "file": paths.get(k.key_index),
            "matchedBy": match k.matched_by { MatchMethod::Thumbprint => "certificate", MatchMethod::TrialDecryption => "decryption" },
            "opensShares": k.opened_shares.iter().map(|i| i + 1).collect::<Vec<_>>(),
            "failures": k.failures.iter().map(|(i, why)| json!({"share": i + 1, "reason": why})).collect::<Vec<_>>(),
            "notes": k.notes,
        })).collect::<Vec<_>>(),
        "data": r.datums.iter().map(|d| json!({"tag": d.tag, "decrypts": d.error.is_none(), "error": d.error})).collect::<Vec<_>>(),
        "problems": r.problems,
        "ok": r.ok(),
    });
    ctx.print(&report)?;
    if r.ok() {
        Ok(())
    } else if !r.quorum_met {
        Err(CliError::Invalid(format!(
            "Quorum not met: these keys open {} of the {} shares needed.",
            r.shares_opened.len(),
            r.required
        )))
    } else {
        Err(CliError::Invalid(format!(
            "The drill found problems: {}",
            r.problems.join("; ")
        )))
    }
}
