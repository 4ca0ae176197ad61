//! `mhsm ekm-connection` — the HSM's External Key Manager connection (az keyvault
//! ekm-connection, preview): create, update, show, check, delete, and `certificate show`.
//!
//! The inputs are checked as az 2.91 checks them (`_validators.py`), with az's messages: the host
//! is normalised to `FQDN:port` (443 appended), the path prefix is checked, and the server CA
//! files are read as PEM (every certificate block of a chain) or DER.

pub mod certificate;
pub mod check;
pub mod create;
pub mod delete;
pub mod show;
pub mod update;

use base64::Engine;
use clap::Subcommand;
use serde_json::Value;

use crate::commands::{CliError, Ctx};
use crate::wire::ekm::{EkmConnection, EkmConnectionView};

/// az's "missing HSM" message of `ekm-connection` commands.
pub const MISSING_HSM: &str = "Please specify --hsm-name or --id.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the HSM's EKM connection (one per HSM).
    Create(create::Args),
    /// Update the EKM connection (only the given fields change).
    Update(update::Args),
    /// Show the EKM connection (a missing connection exits with code 3).
    Show(show::Args),
    /// Check that the HSM reaches its EKM proxy (prints the proxy's /info).
    Check(check::Args),
    /// Delete the EKM connection.
    Delete(delete::Args),
    /// The client certificate the HSM presents to its EKM proxy.
    #[command(subcommand)]
    Certificate(certificate::Command),
}

impl Command {
    pub fn is_show(&self) -> bool {
        matches!(
            self,
            Command::Show(_) | Command::Certificate(certificate::Command::Show(_))
        )
    }

    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Create(a) => create::run(ctx, a).await,
            Command::Update(a) => update::run(ctx, a).await,
            Command::Show(a) => show::run(ctx, a).await,
            Command::Check(a) => check::run(ctx, a).await,
            Command::Delete(a) => delete::run(ctx, a).await,
            Command::Certificate(c) => c.run(ctx).await,
        }
    }
}

/// az's output of a connection.
pub fn view(c: &EkmConnection) -> Value {
    serde_json::to_value(EkmConnectionView::from(c)).expect("a connection serialises")
}

fn invalid(msg: &str) -> CliError {
    CliError::Invalid(msg.to_string())
}

/// az's `_normalize_ekm_host`: `FQDN` → `FQDN:443`, `FQDN:port` checked.
pub fn normalize_host(host: &str) -> Result<String, CliError> {
    let host = host.trim();
    if host.is_empty() {
        return Err(invalid("--host cannot be empty."));
    }
    if host.contains("://") {
        return Err(invalid(
            "--host must not include a URL scheme (use FQDN or FQDN:port).",
        ));
    }
    if host.contains('/') {
        return Err(invalid(
            "--host must not include a path (use FQDN or FQDN:port).",
        ));
    }
    let Some((name, port)) = host.split_once(':') else {
        return Ok(format!("{host}:443"));
    };
    if port.contains(':') || name.is_empty() {
        return Err(invalid("--host must be in the form FQDN or FQDN:port."));
    }
    // Python's int() accepts surrounding whitespace, a sign and underscores between digits.
    let digits = port.trim().replace('_', "");
    let port: i64 = digits
        .strip_prefix('+')
        .unwrap_or(&digits)
        .parse()
        .map_err(|_| invalid("--host port must be an integer."))?;
    if !(1..=65535).contains(&port) {
        return Err(invalid("--host port must be between 1 and 65535."));
    }
    Ok(format!("{name}:{port}"))
}

/// az's `_validate_ekm_path_prefix`.
pub fn check_path_prefix(p: &str) -> Result<(), CliError> {
    if !p.starts_with('/') {
        return Err(invalid("--path-prefix must start with \"/\"."));
    }
    if p.ends_with('/') {
        return Err(invalid("--path-prefix must not end with \"/\"."));
    }
    if p.chars().count() > 64 {
        return Err(invalid("--path-prefix must be at most 64 characters."));
    }
    if !p
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-')
    {
        return Err(invalid(
            "--path-prefix may contain only letters, digits, \"/\" and \"-\".",
        ));
    }
    Ok(())
}

/// az's `_load_certificates_as_der_bytes`: each file is PEM (every `CERTIFICATE` block) or DER;
/// answers standard base64 of each DER certificate.
pub fn load_certificates(paths: &[String]) -> Result<Vec<String>, CliError> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut out = Vec::new();
    for path in paths.iter().filter(|p| !p.is_empty()) {
        let expanded = expand_user(path);
        let raw = std::fs::read(&expanded).map_err(|e| {
            CliError::Invalid(format!(
                "Unable to load certificate file '{path}': {}.",
                strerror(&e)
            ))
        })?;
        if !raw.windows(BEGIN.len()).any(|w| w == BEGIN.as_bytes()) {
            out.push(b64.encode(&raw));
            continue;
        }
        let text = String::from_utf8_lossy(&raw);
        let bad = || CliError::Invalid(format!("Invalid PEM certificate in {path}."));
        let mut rest: &str = &text;
        while let Some(b) = rest.find(BEGIN) {
            let body_start = b + BEGIN.len();
            let e = rest[body_start..].find(END).ok_or_else(bad)? + body_start;
            let body: String = rest[body_start..e]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let der = b64.decode(body).map_err(|_| bad())?;
            out.push(b64.encode(der));
            rest = &rest[e + END.len()..];
        }
    }
    Ok(out)
}

/// Python's `os.path.expanduser` for a leading `~` or `~/`.
fn expand_user(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix('~'), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            std::path::Path::new(&home).join(rest.trim_start_matches('/'))
        }
        _ => std::path::PathBuf::from(path),
    }
}

/// An I/O error as Python's `strerror` (without Rust's " (os error N)").
fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(r: Result<impl std::fmt::Debug, CliError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn hosts_as_az() {
        assert_eq!(
            normalize_host(" ekm.contoso.com ").unwrap(),
            "ekm.contoso.com:443"
        );
        assert_eq!(normalize_host("ekm:8443").unwrap(), "ekm:8443");
        assert_eq!(msg(normalize_host("")), "--host cannot be empty.");
        assert!(msg(normalize_host("https://x")).contains("URL scheme"));
        assert!(msg(normalize_host("x/y")).contains("path"));
        assert_eq!(
            msg(normalize_host("x:0")),
            "--host port must be between 1 and 65535."
        );
        assert_eq!(
            msg(normalize_host("x:ab")),
            "--host port must be an integer."
        );
        assert_eq!(
            msg(normalize_host("::1")),
            "--host must be in the form FQDN or FQDN:port."
        );
    }

    #[test]
    fn prefixes_as_az() {
        assert!(check_path_prefix("/api/v1").is_ok());
        assert_eq!(
            msg(check_path_prefix("api")),
            "--path-prefix must start with \"/\"."
        );
        assert_eq!(
            msg(check_path_prefix("/a/")),
            "--path-prefix must not end with \"/\"."
        );
        assert!(msg(check_path_prefix(&format!("/{}", "a".repeat(64)))).contains("64"));
        assert!(msg(check_path_prefix("/a_b")).contains("may contain only"));
    }
}
