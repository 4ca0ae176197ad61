//! mhsm: a fast command-line tool for Azure Key Vault Managed HSM that mirrors the `az keyvault`
//! HSM commands flag for flag and JSON for JSON, and mhsm-emulator, a faithful local Managed HSM.
//!
//! Layering (architecture.md): `commands → {client, crypto, output}`, `client → wire`,
//! `emulator → {wire, crypto}`; nothing imports `commands` or `cli` from below. This file is the
//! one place where errors become exit codes.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod client;
pub mod commands;
pub mod crypto;
pub mod emulator;
pub mod output;
pub mod wire;

use clap::Parser;
use std::sync::Arc;

use client::{ClientError, Plane};
use commands::{CliError, Command, Ctx, NotFoundRule};
use output::{OutputError, OutputFormat, Printer, PrinterOptions};

/// Exit codes (az-surface.md §1.4).
pub mod exit {
    pub const OK: i32 = 0;
    pub const ERROR: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const NOT_FOUND: i32 = 3;
    /// `role plan`: the document and the HSM differ (the plan is printed); 0 means they match.
    pub const CHANGES: i32 = 4;
    /// `mhsm review --fail-on`: findings at or above the threshold.
    pub const FINDINGS: i32 = 4;
}

/// The clap command tree (completions, man pages, tests).
pub fn command() -> clap::Command {
    <cli::Cli as clap::CommandFactory>::command()
}

/// Entry point of `mhsm`: parse → dispatch → exit code.
pub fn run() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    // Colour as az: only when both streams are terminals, and never with NO_COLOR.
    use std::io::IsTerminal;
    let color = std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let printer = Arc::new(Printer::new(PrinterOptions {
        format: cli.global.output,
        query: cli.global.query.clone(),
        only_show_errors: cli.global.only_show_errors,
        verbose: cli.global.verbose,
        debug: cli.global.debug,
        color,
    }));
    let rule = cli.command.not_found_rule();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            printer.error(&format!("cannot start the async runtime: {e}"));
            return exit::ERROR;
        }
    };
    let ctx = Ctx::new(printer.clone(), cli.global.clone());
    let command: Command = cli.command;
    let result = runtime.block_on(async {
        // `biased`: on Ctrl-C a command that listens for it itself (a job wait, which then
        // says how to follow the job) is polled first.
        tokio::select! {
            biased;
            r = command.run(&ctx) => r,
            _ = tokio::signal::ctrl_c() => Err(CliError::Invalid("Interrupted (Ctrl-C).".into())),
        }
    });
    match result {
        Ok(()) => exit::OK,
        Err(e) => report(&printer, with_private_address(&ctx, e), rule),
    }
}

/// A refusal because public network access is disabled names the HSM's private address when the
/// cloud's resolver reported one (an approved private endpoint connection).
fn with_private_address(ctx: &Ctx, e: CliError) -> CliError {
    let CliError::Client(ClientError::Api {
        plane: Plane::Hsm,
        status: 403,
        inner: Some(inner),
        message,
        ..
    }) = &e
    else {
        return e;
    };
    if inner != "ForbiddenByConnection" {
        return e;
    }
    let hsm = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("Vault: "))
        .map(|v| v.split([';', ' ']).next().unwrap_or(v).trim().to_string());
    let Some((hsm, uri)) = hsm.and_then(|h| Some((h.clone(), ctx.private_uri(&h)?))) else {
        return e;
    };
    e.hint(format!(
        "The HSM '{hsm}' has public network access disabled; it answers on its private endpoint: add '--id {uri}' instead of '--hsm-name {hsm}' (e.g. 'mhsm key list --id {uri}')."
    ))
}

/// clap errors in az's style (`ERROR: …`, exit code 2); help and version exit 0.
fn usage_error(e: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                exit::USAGE
            } else {
                exit::OK
            }
        }
        _ => {
            let printer = Printer::new(PrinterOptions {
                format: OutputFormat::Json,
                query: None,
                only_show_errors: false,
                verbose: false,
                debug: false,
                color: false,
            });
            let rendered = e.render().to_string();
            let mut lines = rendered.lines();
            let first = lines
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            let msg = match e.kind() {
                ErrorKind::MissingRequiredArgument => {
                    let args: Vec<String> = rendered
                        .lines()
                        .skip(1)
                        .take_while(|l| l.starts_with("  "))
                        .map(|l| l.trim().split(' ').next().unwrap_or_default().to_string())
                        .collect();
                    format!("the following arguments are required: {}", args.join(", "))
                }
                ErrorKind::UnknownArgument => {
                    let arg = first.split('\'').nth(1).unwrap_or_default().to_string();
                    format!("unrecognized arguments: {arg}")
                }
                ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
                    // clap: "invalid value 'V' for '--flag <FLAG>': detail" → az's wording.
                    let value = first.split('\'').nth(1).unwrap_or_default().to_string();
                    let flag = first
                        .split(" for '")
                        .nth(1)
                        .and_then(|r| r.split(['\'', ' ']).next())
                        .unwrap_or_default()
                        .to_string();
                    let detail = first
                        .split_once("': ")
                        .map(|(_, d)| d.to_string())
                        .unwrap_or_default();
                    let possible = rendered
                        .lines()
                        .find_map(|l| l.trim().strip_prefix("[possible values: "))
                        .map(|l| l.trim_end_matches(']').to_string());
                    match (detail.is_empty(), possible) {
                        (true, Some(p)) => format!(
                            "'{value}' is not a valid value for '{flag}'. Allowed values: {p}."
                        ),
                        (false, _) if flag == "--query" => format!(
                            "argument {flag}: {detail}\nTo learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'"
                        ),
                        (false, _) => format!("argument {flag}: {detail}"),
                        (true, None) => first,
                    }
                }
                _ => first,
            };
            printer.error(&msg);
            let usage: Vec<&str> = rendered
                .lines()
                .filter(|l| l.starts_with("Usage:"))
                .collect();
            if let Some(u) = usage.first() {
                printer.hint(&format!("{u}. Run with --help for details."));
            }
            exit::USAGE
        }
    }
}

/// Prints a command failure (`ERROR: …`, then a `Hint: …` where one helps) and returns its exit
/// code. Broken pipes exit 0 silently.
fn report(printer: &Printer, e: CliError, rule: NotFoundRule) -> i32 {
    if matches!(e, CliError::Output(OutputError::BrokenPipe)) {
        return exit::OK;
    }
    if let CliError::Status(code) = e {
        return code;
    }
    let (message, hint, code) = describe(e, rule);
    printer.error(&message);
    if let Some(h) = hint {
        printer.hint(&h);
    }
    code
}

/// The message, hint and exit code of a failure; a command's own hint replaces the generic one.
fn describe(e: CliError, rule: NotFoundRule) -> (String, Option<String>, i32) {
    match e {
        CliError::Usage(m) => (m, None, exit::USAGE),
        CliError::Invalid(m) => (m, None, exit::ERROR),
        CliError::NotFound(m) => (m, None, exit::NOT_FOUND),
        CliError::Findings(m) => (m, None, exit::FINDINGS),
        CliError::Output(e) => (e.to_string(), None, exit::ERROR),
        CliError::Status(code) => (String::new(), None, code),
        CliError::Hinted(inner, hint) => {
            let (m, _, code) = describe(*inner, rule);
            (m, Some(hint), code)
        }
        CliError::Client(e) => (e.to_string(), hint_for(&e), client_exit_code(&e, rule)),
    }
}

fn client_exit_code(e: &ClientError, rule: NotFoundRule) -> i32 {
    match e {
        ClientError::Api {
            plane, status: 404, ..
        } => match (rule, plane) {
            (NotFoundRule::AnyArm404, Plane::Arm) | (NotFoundRule::Show404, Plane::Hsm) => {
                exit::NOT_FOUND
            }
            _ => exit::ERROR,
        },
        ClientError::HsmNotFound { .. } => exit::NOT_FOUND,
        _ => exit::ERROR,
    }
}

/// What to do about a data-plane refusal: which built-in roles grant the refused action (from the
/// service's "Not authorized to access <action> on <scope>"), and that only local RBAC counts.
fn access_denied_hint(message: &str) -> String {
    let refused = message
        .strip_prefix("Not authorized to access ")
        .and_then(|rest| rest.split_once(" on "))
        .map(|(action, rest)| {
            let scope = rest.split(" (").next().unwrap_or(rest).trim_matches('\'');
            (action, scope)
        });
    let generic = "Data-plane access comes only from the HSM's local RBAC (management-plane roles such as Managed HSM Contributor grant none)";
    match refused {
        Some((action, scope)) => {
            let roles = wire::rbac::built_in_roles_granting(action);
            match roles.first() {
                Some(first) => format!(
                    "{generic}. Built-in roles granting it, least privileged first: {}. An Administrator grants one with 'mhsm role assignment create --role \"{}\" --scope {scope} --assignee <you>'.",
                    roles.iter().map(|r| r.name).collect::<Vec<_>>().join(", "),
                    first.name
                ),
                None => format!(
                    "{generic}: an Administrator grants a role with '{action}' using 'mhsm role assignment create'."
                ),
            }
        }
        None => {
            format!("{generic}: an Administrator grants a role with 'mhsm role assignment create'.")
        }
    }
}

/// What happened and what to do when the HSM's network rules refused the request: the service's
/// message names the client address (`Client address: …`) and the HSM (`Vault: <name>;…`).
fn firewall_hint(inner: &str, message: &str) -> String {
    let field = |name: &str| {
        message
            .lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .map(|v| v.split([';', ' ']).next().unwrap_or(v).trim().to_string())
    };
    let hsm = field("Vault: ").unwrap_or_else(|| "<hsm>".into());
    if inner == "ForbiddenByConnection" {
        return format!(
            "The HSM '{hsm}' has public network access disabled, so no client address gets in. Connect through an approved private endpoint, or have a Managed HSM Contributor run 'mhsm update-hsm --hsm-name {hsm} --public-network-access Enabled'."
        );
    }
    let addr = field("Client address: ").unwrap_or_else(|| "<your address>".into());
    format!(
        "The HSM's firewall refused this client address ({addr}): its network rules deny by default and no IP rule matches. A Managed HSM Contributor can allow it with 'mhsm network-rule add --hsm-name {hsm} --ip-address {addr}' (see 'mhsm network-rule list --hsm-name {hsm}'); or connect through a private endpoint, or run from an allowed network."
    )
}

/// A hint for errors users commonly hit.
fn hint_for(e: &ClientError) -> Option<String> {
    match e {
        ClientError::Api { inner: Some(i), .. } if i == "HsmNotActivated" => Some(
            "Activate the HSM first: an Administrator downloads its security domain with 'mhsm security-domain download'.".into(),
        ),
        ClientError::Api { plane: Plane::Hsm, status: 401, .. } => Some(
            "The HSM refused the token: it must be issued by the HSM's tenant for https://managedhsm.azure.net and not be expired.".into(),
        ),
        ClientError::Api { plane: Plane::Hsm, status: 403, inner: Some(i), message, .. }
            if i == "ForbiddenByFirewall" || i == "ForbiddenByConnection" =>
        {
            Some(firewall_hint(i, message))
        }
        // Purge protection refuses with 403 `Forbidden` too; access control has nothing to do
        // with it (`key purge` says what does).
        ClientError::Api { plane: Plane::Hsm, status: 403, code, message, .. }
            if (code == "AccessDenied" || code == "Forbidden")
                && !message.to_ascii_lowercase().contains("purge protection") =>
        {
            Some(access_denied_hint(message))
        }
        ClientError::Api { plane: Plane::Arm, status: 403, .. } => Some(
            "This needs an Azure RBAC role (e.g. Managed HSM Contributor or Owner) on the subscription, resource group or HSM.".into(),
        ),
        ClientError::Api { status: 429, .. } => Some("The service is throttling requests; mhsm retried with backoff. Try again later or reduce concurrency.".into()),
        ClientError::HsmNotFound { .. } => Some("'mhsm list' shows the HSMs of your subscription.".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{access_denied_hint, firewall_hint};

    #[test]
    fn firewall_hints_name_the_address_and_the_fix() {
        let h = firewall_hint(
            "ForbiddenByFirewall",
            "Client address is not authorized and caller is not a trusted service.\r\nClient address: 127.0.0.3\r\nCaller: appid=a;oid=o;iss=i\r\nVault: hsm1;location=eastus2 (Activity ID: 1)",
        );
        assert!(
            h.contains("(127.0.0.3)")
                && h.contains("'mhsm network-rule add --hsm-name hsm1 --ip-address 127.0.0.3'"),
            "{h}"
        );
        let h = firewall_hint(
            "ForbiddenByConnection",
            "Public network access is disabled and request is not from a trusted service nor via an approved private link.\nVault: hsm1;location=eastus2",
        );
        assert!(
            h.contains("--hsm-name hsm1 --public-network-access Enabled"),
            "{h}"
        );
    }

    #[test]
    fn access_denied_hints_name_the_roles_that_grant_the_action() {
        let h = access_denied_hint(
            "Not authorized to access Microsoft.KeyVault/managedHsm/keys/deletedKeys/read/action on '/keys' (Activity ID: 1)",
        );
        assert!(
            h.contains(
                "least privileged first: Managed HSM Crypto Auditor, Managed HSM Crypto Officer."
            ) && h.contains("--role \"Managed HSM Crypto Auditor\" --scope /keys --assignee <you>"),
            "{h}"
        );
        let h = access_denied_hint(
            "Not authorized to access Microsoft.KeyVault/managedHsm/securitydomain/download/action on / (Activity ID: 2)",
        );
        assert!(
            h.contains("--role \"Managed HSM Administrator\" --scope / "),
            "{h}"
        );
        // Unparseable messages keep the generic advice.
        assert!(access_denied_hint("Forbidden").contains("'mhsm role assignment create'"));
    }
}
