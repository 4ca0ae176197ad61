//! Shared pieces of the security-domain commands: wrapping-key loading (passwords from the
//! command line, a file, the environment or a prompt — for keys in any order; certificates
//! given, found beside the key, or not needed at all), file writing that never overwrites, and
//! status polling with progress.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use zeroize::Zeroizing;

use crate::client::Client;
use crate::client::hsm::HsmEndpoint;
use crate::client::security_domain::SdPoller;
use crate::commands::{CliError, Ctx};
use crate::crypto::CryptoError;
use crate::crypto::cert::Certificate;
use crate::crypto::privkey::{RsaPrivate, load_private_key_pem};
use crate::wire::security_domain::SdStatus;

/// az's message when no HSM is given to a security-domain command.
pub const MISSING_HSM: &str = "Please specify --vault-name or --hsm-name.";

/// Wrapping keys as the user gives them.
#[derive(Debug, Clone, clap::Args)]
pub struct WrappingKeys {
    /// Private key files (PEM: PKCS#8, PKCS#1, encrypted PKCS#8 or legacy encrypted PEM), in any order.
    #[arg(long = "sd-wrapping-keys", num_args = 1..)]
    pub keys: Vec<PathBuf>,
    /// Certificates of the keys, in the same order (optional: by default '<key without extension>.cer'
    /// is used when it exists, else each key is matched to its share by decryption).
    #[arg(long = "sd-wrapping-certs", num_args = 1..)]
    pub certs: Vec<PathBuf>,
    /// Passwords of the keys, in the same order ('' for a key without one; a password starting
    /// with '-' must be given as --passwords=-…). Prefer --passwords-file, MHSM_SD_PASSWORDS or
    /// the prompt: command lines are visible to other users.
    #[arg(long, num_args = 1..)]
    pub passwords: Vec<String>,
    /// A file with one password per line, in the order of the keys (an empty line for a key
    /// without one). MHSM_SD_PASSWORDS (newline-separated) works the same way. Keys still
    /// missing a password are prompted for on a terminal.
    #[arg(long = "passwords-file")]
    pub passwords_file: Option<PathBuf>,
}

/// A loaded wrapping key.
pub struct LoadedKey {
    pub key: RsaPrivate,
    /// SHA-256 thumbprint of its certificate, when a certificate is known.
    pub x5t_s256: Option<String>,
    pub path: PathBuf,
}

fn password_list(w: &WrappingKeys) -> Result<Vec<Zeroizing<String>>, CliError> {
    if !w.passwords.is_empty() {
        return Ok(w
            .passwords
            .iter()
            .map(|p| Zeroizing::new(p.clone()))
            .collect());
    }
    if let Some(f) = &w.passwords_file {
        let text = Zeroizing::new(std::fs::read_to_string(f).map_err(|e| {
            CliError::Invalid(format!(
                "Cannot read the passwords file {}: {e}",
                f.display()
            ))
        })?);
        return Ok(text
            .lines()
            .map(|l| Zeroizing::new(l.to_string()))
            .collect());
    }
    if let Ok(env) = std::env::var("MHSM_SD_PASSWORDS") {
        let env = Zeroizing::new(env);
        return Ok(env
            .split('\n')
            .map(|l| Zeroizing::new(l.to_string()))
            .collect());
    }
    Ok(vec![])
}

/// The certificate beside a key, az's way: the key path minus its extension, plus `.cer`.
fn sibling_cert(key: &Path) -> PathBuf {
    key.with_extension("cer")
}

/// Loads every wrapping key with its password and (optional) certificate.
pub fn load_wrapping_keys(ctx: &Ctx, w: &WrappingKeys) -> Result<Vec<LoadedKey>, CliError> {
    use std::io::IsTerminal;
    let passwords = password_list(w)?;
    let mut out = Vec::new();
    for (i, path) in w.keys.iter().enumerate() {
        if !path.exists() {
            return Err(CliError::Invalid(format!(
                "SD wrapping key {} does not exist.",
                path.display()
            )));
        }
        let pem = Zeroizing::new(
            std::fs::read(path)
                .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", path.display())))?,
        );
        let given = passwords.get(i).filter(|p| !p.is_empty());
        let mut result = load_private_key_pem(&pem, given.map(|p| p.as_bytes()));
        if matches!(result, Err(CryptoError::PasswordRequired)) && std::io::stdin().is_terminal() {
            let pw = Zeroizing::new(
                rpassword::prompt_password(format!("Password for {}: ", path.display()))
                    .map_err(|e| CliError::Invalid(format!("Cannot read a password: {e}")))?,
            );
            result = load_private_key_pem(&pem, Some(pw.as_bytes()));
        }
        let key = result.map_err(|e| match e {
            CryptoError::PasswordRequired => CliError::Invalid(format!(
                "The key {} is encrypted: give its password with --passwords, --passwords-file or MHSM_SD_PASSWORDS (one per key, in the order of --sd-wrapping-keys), or run on a terminal to be prompted.",
                path.display()
            )),
            CryptoError::WrongPassword => CliError::Invalid(format!(
                "The password for {} is wrong (or the key file is corrupted).",
                path.display()
            )),
            other => CliError::Invalid(format!("{}: {other}", path.display())),
        })?;
        if key.password_ignored() {
            ctx.printer.warning(&format!(
                "A password was given for {}, which is not encrypted; it was ignored.",
                path.display()
            ));
        }
        let cert_path = w
            .certs
            .get(i)
            .cloned()
            .or_else(|| Some(sibling_cert(path)).filter(|c| c.exists()));
        let x5t_s256 = match cert_path {
            Some(c) => {
                let bytes = std::fs::read(&c).map_err(|e| {
                    CliError::Invalid(format!("Certificate {} cannot be read: {e}", c.display()))
                })?;
                let cert = Certificate::from_pem_or_der(&bytes)
                    .map_err(|e| CliError::Invalid(format!("{}: {e}", c.display())))?;
                if cert.public.n() != key.public().n() {
                    return Err(CliError::Invalid(format!(
                        "The certificate {} does not belong to the key {}.",
                        c.display(),
                        path.display()
                    )));
                }
                Some(cert.x5t_s256)
            }
            None => None,
        };
        out.push(LoadedKey {
            key,
            x5t_s256,
            path: path.clone(),
        });
    }
    Ok(out)
}

/// Refuses an existing path with az's messages (checked before any network call).
pub fn check_new_file(path: &Path) -> Result<(), CliError> {
    if path.is_dir() {
        return Err(CliError::Invalid(format!(
            "{} is a directory. A file is required.",
            path.display()
        )));
    }
    if path.exists() {
        return Err(CliError::Invalid(format!(
            "File named '{}' already exists.",
            path.display()
        )));
    }
    Ok(())
}

/// Writes a new file (never overwrites; owner-only when `private`), durably.
pub fn write_new_file(path: &Path, contents: &[u8], private: bool) -> Result<(), CliError> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let _ = private;
    let mut f = opts.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            CliError::Invalid(format!("File named '{}' already exists.", path.display()))
        }
        _ => CliError::Invalid(format!("Cannot create {}: {e}", path.display())),
    })?;
    f.write_all(contents)
        .and_then(|_| f.sync_all())
        .map_err(|e| CliError::Invalid(format!("Cannot write {}: {e}", path.display())))
}

/// az's output of a status: `{"status": …, "statusDetails": …}`.
pub fn status_view(s: &SdStatus) -> Value {
    json!({"status": s.status, "statusDetails": s.status_details})
}

/// Polls a security-domain operation until it is terminal, with progress on stderr.
pub async fn wait_for(
    ctx: &Ctx,
    client: &Client,
    hsm: &HsmEndpoint,
    poller: &SdPoller,
    what: &str,
    timeout: Duration,
) -> Result<SdStatus, CliError> {
    let started = Instant::now();
    let mut delay = poller
        .retry_after
        .unwrap_or(Duration::from_secs(2))
        .min(Duration::from_secs(30));
    loop {
        let (status, after) = client.sd_poll(hsm, poller).await?;
        if status.is_terminal() {
            ctx.printer.progress_done();
            return Ok(status);
        }
        if started.elapsed() >= timeout {
            ctx.printer.progress_done();
            return Err(CliError::Invalid(format!(
                "Timed out after {}s waiting for the {what}.",
                timeout.as_secs()
            )));
        }
        ctx.printer.progress(&format!(
            "Waiting for the {what}: {} {} ({}s)",
            status.status,
            status.status_details.as_deref().unwrap_or_default(),
            started.elapsed().as_secs()
        ));
        if let Some(a) = after {
            delay = a.clamp(Duration::from_millis(200), Duration::from_secs(30));
        }
        tokio::time::sleep(delay).await;
    }
}

/// Reads a security-domain file (az: "File X does not exist.").
pub fn read_text(path: &Path) -> Result<String, CliError> {
    if !path.exists() {
        return Err(CliError::Invalid(format!(
            "File {} does not exist.",
            path.display()
        )));
    }
    if path.is_dir() {
        return Err(CliError::Invalid(format!(
            "{} is a directory. A file is required.",
            path.display()
        )));
    }
    std::fs::read_to_string(path)
        .map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", path.display())))
}

/// Maps crypto failures to CLI errors.
pub fn crypto_error(e: CryptoError) -> CliError {
    CliError::Invalid(e.to_string())
}

/// The certificate of an HSM's exchange (transfer) key as PEM (65-character lines, no trailing
/// newline — exactly as az writes it): what `init-recovery` saves and a restore blob is
/// wrapped to.
pub async fn exchange_key_pem(client: &Client, endpoint: &HsmEndpoint) -> Result<String, CliError> {
    let resp = client.sd_transfer_key(endpoint).await?;
    // The service sends the JWK as a JSON string inside the JSON.
    let jwk: serde_json::Value = serde_json::from_str(&resp.transfer_key)
        .map_err(|e| CliError::Invalid(format!("The HSM's transfer key is not a JWK: {e}")))?;
    let x5c = jwk["x5c"][0]
        .as_str()
        .ok_or_else(|| CliError::Invalid("Insufficient x5c.".into()))?;
    let der = crate::crypto::b64::b64_std_decode(x5c).map_err(|e| {
        CliError::Invalid(format!("The transfer key certificate is not base64: {e}"))
    })?;
    Ok(crate::crypto::cert::to_pem_65(&der))
}
