//! `mhsm key sign` — sign a digest (az keyvault key sign), or a file (mhsm addition): one
//! request to the HSM. With `--file` the digest the algorithm needs is computed locally and only
//! it is sent; `--signature-file` also writes the detached signature (raw, or DER for ECDSA).

use std::path::PathBuf;

use super::common::{KeyTarget, VersionArg, key_of, std_b64};
use super::files::{Output, file_digest};
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_decode, b64url_decode_lenient, b64url_encode};
use crate::wire::keys::KeySignParameters;

pub const SIGN_ALGS: &[&str] = &[
    "ES256", "ES256K", "ES384", "ES512", "HS256", "HS384", "HS512", "PS256", "PS384", "PS512",
    "RS256", "RS384", "RS512",
];

/// How a detached signature file is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SigFormat {
    /// The bytes Key Vault returns (and JWS uses): for ECDSA, r || s.
    Raw,
    /// For ECDSA, the DER ECDSA-Sig-Value OpenSSL reads and writes (RSA: same as raw).
    Der,
}

impl SigFormat {
    /// The file encoding of a raw (Key Vault) signature.
    pub fn encode(self, alg: &str, raw: &[u8]) -> Result<Vec<u8>, CliError> {
        match (self, alg.starts_with("ES")) {
            (SigFormat::Der, true) => crate::crypto::file_sig::raw_to_der(raw)
                .map_err(|e| CliError::Invalid(e.to_string())),
            _ => Ok(raw.to_vec()),
        }
    }

    /// The raw (Key Vault) signature of a file's bytes.
    pub fn decode(self, alg: &str, bytes: &[u8]) -> Result<Vec<u8>, CliError> {
        match (self, crate::crypto::file_sig::ecdsa_coord_len(alg)) {
            (SigFormat::Der, Some(n)) => crate::crypto::file_sig::der_to_raw(bytes, n)
                .map_err(|e| CliError::Invalid(format!("{e} (is it --signature-format raw?)"))),
            _ => Ok(bytes.to_vec()),
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Signing a file (mhsm addition): --file computes the digest locally (SHA-256 for RS256, PS256, \
ES256 and ES256K; SHA-384 and SHA-512 for the *384 and *512 algorithms) and sends only the \
digest. The output is az's; --signature-file also writes the signature, binary.

ECDSA signatures come back as r || s (JWS, Key Vault). OpenSSL wants DER: sign with \
--signature-format der, then

  mhsm key download --hsm-name H -n K -f pub.pem
  openssl dgst -sha256 -verify pub.pem -signature F.sig F

PS*: add -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest. RS* and PS* signatures \
are the same in both formats.")]
pub struct Args {
    #[command(flatten)]
    pub key: KeyTarget,
    #[command(flatten)]
    pub version: VersionArg,
    /// Algorithm identifier.
    #[arg(short = 'a', long, required = true, value_parser = |s: &str| super::common::canonical(s, SIGN_ALGS))]
    pub algorithm: String,
    /// The value (digest) to sign, base64.
    #[arg(long, required_unless_present = "file", conflicts_with = "file")]
    pub digest: Option<String>,
    /// Sign this file: its digest is computed locally (mhsm addition).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Also write the signature to this file (binary; see --signature-format).
    #[arg(long = "signature-file", value_name = "FILE")]
    pub signature_file: Option<PathBuf>,
    /// Encoding of --signature-file: raw (as Key Vault and JWS) or der (ECDSA as OpenSSL).
    #[arg(
        long = "signature-format",
        value_enum,
        default_value = "raw",
        requires = "signature_file"
    )]
    pub signature_format: SigFormat,
    /// Replace an existing --signature-file.
    #[arg(long)]
    pub overwrite: bool,
}

pub async fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args {
        key,
        version,
        algorithm,
        digest,
        file,
        signature_file,
        signature_format,
        overwrite,
    } = args;
    if let Some(out) = &signature_file {
        Output::check(out, overwrite)?;
    }
    let bytes = match (&digest, &file) {
        (Some(d), _) => {
            b64_std_decode(d).map_err(|_| CliError::Invalid("--digest is not base64.".into()))?
        }
        (None, Some(f)) => file_digest(f, &algorithm)?,
        (None, None) => return Err(CliError::Usage("give --digest or --file.".into())),
    };
    let k = key_of(ctx, &key, version.version.as_deref(), "keys").await?;
    let r = ctx
        .client()
        .await?
        .sign(
            &k,
            &KeySignParameters {
                alg: algorithm.clone(),
                value: b64url_encode(&bytes),
            },
        )
        .await?;
    if let Some(out) = &signature_file {
        let raw = b64url_decode_lenient(&r.value).map_err(|e| {
            CliError::Invalid(format!("The HSM returned a malformed signature: {e}"))
        })?;
        Output::create(out, overwrite)?.write_all(&signature_format.encode(&algorithm, &raw)?)?;
    }
    ctx.print(&serde_json::json!({"algorithm": algorithm, "keyId": r.kid, "signature": std_b64(&Some(r.value))}))
}
