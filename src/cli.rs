//! The top-level clap tree: global flags (az's `-o/--output`, `--query`, `--only-show-errors`,
//! `--verbose`, `--debug`, `--subscription`, plus `--cloud`) and shared argument types.

use clap::{Args, Parser};

use crate::commands::Command;
use crate::output::{OutputFormat, Query};

/// mhsm — Azure Key Vault Managed HSM from the command line: the `az keyvault` HSM commands,
/// flag for flag and JSON for JSON, fast.
#[derive(Debug, Parser)]
#[command(
    name = "mhsm",
    version,
    about,
    after_help = "Credentials (first configured wins): MHSM_ACCESS_TOKEN; AZURE_CLIENT_ID + AZURE_CLIENT_SECRET + AZURE_TENANT_ID; AZURE_USERNAME + AZURE_PASSWORD; AZURE_FEDERATED_TOKEN_FILE (workload identity); IDENTITY_ENDPOINT + IDENTITY_HEADER (managed identity); the Azure CLI's 'az login' session.\nClouds: AzureCloud (default), AzureChinaCloud, AzureUSGovernment, or a cloud profile file such as an emulator's cloud.json (--cloud or MHSM_CLOUD)."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts (anywhere on the command line).
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Output format.
    #[arg(short = 'o', long = "output", global = true, env = "AZURE_CORE_OUTPUT", default_value = "json", value_parser = parse_format, hide_env = true)]
    pub output: OutputFormat,
    /// JMESPath query string. See http://jmespath.org/ for more information and examples.
    #[arg(long, global = true, value_parser = parse_query)]
    pub query: Option<Query>,
    /// Only show errors, suppressing warnings.
    #[arg(long, global = true)]
    pub only_show_errors: bool,
    /// Increase logging verbosity.
    #[arg(long, global = true)]
    pub verbose: bool,
    /// Increase logging verbosity to show all debug logs (HTTP traces; secrets redacted).
    #[arg(long, global = true)]
    pub debug: bool,
    /// Name or ID of subscription.
    #[arg(long, global = true)]
    pub subscription: Option<String>,
    /// Cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, or a cloud profile file (an
    /// emulator's cloud.json). Defaults to $MHSM_CLOUD, else AzureCloud.
    #[arg(long, global = true, env = "MHSM_CLOUD", hide_env = true)]
    pub cloud: Option<String>,
}

fn parse_format(s: &str) -> Result<OutputFormat, String> {
    s.to_ascii_lowercase().parse().map_err(|_| {
        format!(
            "invalid choice: '{s}' (choose from {})",
            OutputFormat::NAMES
                .iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

fn parse_query(s: &str) -> Result<Query, String> {
    s.parse::<Query>()
        .map_err(|_| format!("invalid jmespath_type value: '{s}'"))
}

/// az's three-state boolean: a bare flag means true; `true`/`false` in any case.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!(
            "'{s}' is not a valid value. Allowed values: true, false."
        )),
    }
}

/// `--tags a=b c=d` (a bare key means an empty value; `''` clears).
pub fn parse_tags(tags: &[String]) -> std::collections::BTreeMap<String, String> {
    tags.iter()
        .filter(|t| !t.is_empty())
        .map(|t| match t.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (t.to_string(), String::new()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn three_state_bools_and_tags() {
        assert_eq!(parse_bool("TRUE"), Ok(true));
        assert!(parse_bool("yes").is_err());
        let t = parse_tags(&["a=b".into(), "c".into(), "d=e=f".into()]);
        assert_eq!(t["a"], "b");
        assert_eq!(t["c"], "");
        assert_eq!(t["d"], "e=f");
    }
}

/// `--hsm-name` / `--id` of data-plane commands. az treats `--id` differently per command group;
/// mhsm resolves both the same way (az pain point 3).
#[derive(Debug, Clone, Args)]
pub struct HsmTarget {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: Option<String>,
    /// Full URI of the HSM (e.g. https://myhsm.managedhsm.azure.net/).
    #[arg(long = "id")]
    pub id: Option<String>,
}
