//! `mhsm key make-byok` (mhsm addition; az has none) — make a BYOK key transfer blob (`.byok`)
//! from a local private key and a downloaded key-exchange key, offline: what HSM vendors' BYOK
//! tools do, for software keys. The blob is then imported with `key import --byok-file`.
//!
//! Nothing is sent anywhere and the plaintext key is written nowhere: it is read, wrapped in
//! memory (`crypto::byok`) and wiped; only the wrapped blob is written, to `--file`.

use std::path::PathBuf;

use crate::commands::security_domain::common::{check_new_file, write_new_file};
use crate::commands::{CliError, Ctx};
use crate::crypto::byok::{self, TransferBlob};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The private key to transfer: PEM or DER (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1) of an
    /// RSA or EC key, or the raw bytes of an AES key (16, 24 or 32 bytes).
    #[arg(long = "key-file", required = true)]
    pub key_file: PathBuf,
    /// Password of an encrypted PEM key (prefer MHSM_PEM_PASSWORD: command lines are visible).
    #[arg(
        long = "pem-password",
        env = "MHSM_PEM_PASSWORD",
        hide_env_values = true
    )]
    pub pem_password: Option<String>,
    /// The key-exchange key (KEK): its public key as 'key download' writes it (PEM or DER), or
    /// the JSON of 'key show' (which also gives its kid).
    #[arg(long = "kek-file", required = true)]
    pub kek_file: PathBuf,
    /// Key identifier of the KEK (https://HSM/keys/NAME/VERSION); required unless --kek-file is
    /// the JSON of 'key show'.
    #[arg(long = "kek-kid")]
    pub kek_kid: Option<String>,
    /// File to write the BYOK blob to (must not exist), for 'key import --byok-file'.
    #[arg(short = 'f', long, required = true)]
    pub file: PathBuf,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key_file,
        pem_password,
        kek_file,
        kek_kid,
        file,
    } = args;
    check_new_file(&file)?;
    let read = |p: &PathBuf| {
        std::fs::read(p).map_err(|e| CliError::Invalid(format!("Cannot read {}: {e}", p.display())))
    };
    let kek = byok::read_kek(&read(&kek_file)?)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", kek_file.display())))?;
    let kid = match (kek_kid, &kek.kid) {
        (Some(k), Some(from_file)) if !k.eq_ignore_ascii_case(from_file) => {
            return Err(CliError::Invalid(format!(
                "--kek-kid {k} is not the kid in {} ({from_file}).",
                kek_file.display()
            )));
        }
        (Some(k), _) => k,
        (None, Some(k)) => k.clone(),
        (None, None) => {
            return Err(CliError::Invalid(
                "--kek-kid is required: the blob names its key-exchange key, and a public key file does not carry the kid (or give the JSON of 'key show' as --kek-file)."
                    .into(),
            ));
        }
    };
    check_kid(&kid)?;
    // The HSM refuses a KEK whose key_ops are not exactly ["import"]; say so before the import.
    if let Some(ops) = &kek.key_ops
        && ops.as_slice() != ["import"]
    {
        return Err(CliError::Invalid(format!(
            "The key-exchange key {kid} has key_ops [{}]; a KEK must have key_ops [\"import\"] only (create it with --kty RSA-HSM --ops import).",
            ops.join(", ")
        )));
    }
    let key_bytes = zeroize::Zeroizing::new(read(&key_file)?);
    let target = byok::read_target_key(&key_bytes, pem_password.as_deref().map(str::as_bytes))
        .map_err(|e| {
            let err = CliError::Invalid(format!("{}: {e}", key_file.display()));
            if pem_password.is_none() && e.to_string().contains("password") {
                err.hint("Give the key's password in MHSM_PEM_PASSWORD (or --pem-password).")
            } else {
                err
            }
        })?;
    drop(key_bytes);
    if !target.kind.supported_by_hsm() {
        ctx.printer.warning(&format!(
            "{} is {}; Managed HSM accepts RSA 2048/3072/4096, EC P-256/P-256K/P-384/P-521 and AES 128/192/256 keys, so the import will be refused.",
            key_file.display(),
            describe(&target.kind)
        ));
    }
    let ciphertext = byok::rsa_aes_key_wrap(
        &kek.spki,
        &target.plaintext,
        &aws_lc_rs::rand::SystemRandom::new(),
    )
    .map_err(|e| CliError::Invalid(e.to_string()))?;
    drop(target.plaintext);
    let generator = format!("mhsm {} (software key)", env!("CARGO_PKG_VERSION"));
    let blob = TransferBlob::new(&kid, &ciphertext, Some(&generator));
    write_new_file(&file, blob.to_json().as_bytes(), false)?;
    let kind = &target.kind;
    ctx.print(&serde_json::json!({
        "file": file.display().to_string(),
        "kek": kid,
        "kty": kind.kty(),
        "keySize": kind.size_bits(),
        "curve": kind.curve(),
    }))
}

/// A kid names a key (and should name its version): `https://HOST/keys/NAME[/VERSION]`.
fn check_kid(kid: &str) -> Result<(), CliError> {
    let bad = || {
        CliError::Invalid(format!(
            "--kek-kid '{kid}' is not a key identifier (https://HSM/keys/NAME/VERSION)."
        ))
    };
    let u = url::Url::parse(kid).map_err(|_| bad())?;
    let seg: Vec<&str> = u
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    if u.scheme() != "https" || !matches!(seg.as_slice(), ["keys", _] | ["keys", _, _]) {
        return Err(bad());
    }
    Ok(())
}

fn describe(kind: &byok::TargetKind) -> String {
    match kind {
        byok::TargetKind::Rsa { bits } => format!("an RSA key of {bits} bits"),
        byok::TargetKind::Ec { curve } => format!("an EC key on curve {curve}"),
        byok::TargetKind::Oct { bits } => format!("an AES key of {bits} bits"),
    }
}
