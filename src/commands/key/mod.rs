//! `mhsm key` — keys of a Managed HSM (az keyvault key): lifecycle, rotation, backups and
//! cryptographic operations.

pub mod backup;
pub mod common;
pub mod create;
pub mod decrypt;
pub mod delete;
pub mod download;
pub mod encrypt;
pub mod files;
pub mod get_attestation;
pub mod get_policy_template;
pub mod import;
pub mod list;
pub mod list_deleted;
pub mod list_versions;
pub mod make_byok;
pub mod purge;
pub mod random;
pub mod recover;
pub mod release;
pub mod restore;
pub mod rotate;
pub mod rotation_policy;
pub mod secure_unwrap;
pub mod secure_wrap;
pub mod set_attributes;
pub mod show;
pub mod show_deleted;
pub mod sign;
pub mod unwrap;
pub mod verify;
pub mod wrap;

use clap::Subcommand;

use crate::commands::{CliError, Ctx};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new key, or a new version of an existing key.
    Create(create::Args),
    /// Import a private key (PEM, or a BYOK blob).
    Import(import::Args),
    /// Make a BYOK key transfer blob (.byok) from a local private key, offline (mhsm addition).
    ///
    /// What HSM vendors' BYOK tools do, for software keys: the key (RSA or EC in PEM/DER, or a
    /// raw AES key) is wrapped to a key-exchange key of the HSM (created with --kty RSA-HSM
    /// --ops import and downloaded with 'key download', or its 'key show' JSON) with
    /// CKM_RSA_AES_KEY_WRAP, as Microsoft's BYOK specification defines. Import the file with
    /// 'key import --byok-file FILE --kty KTY [--curve CRV]' (printed as kty/curve). Nothing
    /// is sent anywhere; the plaintext key is written nowhere.
    MakeByok(make_byok::Args),
    /// List keys.
    List(list::Args),
    /// List the versions of a key.
    ListVersions(list_versions::Args),
    /// List soft-deleted keys.
    ListDeleted(list_deleted::Args),
    /// Show a key (the latest version by default).
    Show(show::Args),
    /// Show a soft-deleted key.
    ShowDeleted(show_deleted::Args),
    /// Delete a key (soft delete: recoverable until it is purged).
    Delete(delete::Args),
    /// Recover a soft-deleted key.
    Recover(recover::Args),
    /// Permanently delete a soft-deleted key.
    Purge(purge::Args),
    /// Back up a key to a file (restorable only into an HSM with the same security domain).
    Backup(backup::Args),
    /// Restore a key from a backup file, or from a full backup in storage.
    ///
    /// File mode (-f): a single-key backup made with 'key backup'. Storage mode (the storage
    /// arguments, --backup-folder and -n): restores that key with all its versions from a full
    /// backup in a Blob container — a selective restore job, followed like 'restore start
    /// --key-name' and printing nothing on success. Better than az: az 2.91's storage mode
    /// always fails (and without -n would have restored the whole HSM); here -n is required,
    /// --use-managed-identity and --backup-folder latest work, and --no-wait prints the job.
    Restore(restore::Args),
    /// Update a key's attributes, operations, tags or release policy.
    SetAttributes(set_attributes::Args),
    /// Create a new version of a key.
    Rotate(rotate::Args),
    /// Manage a key's rotation policy.
    #[command(subcommand)]
    RotationPolicy(rotation_policy::Command),
    /// Encrypt data with a key.
    Encrypt(encrypt::Args),
    /// Decrypt data with a key.
    Decrypt(decrypt::Args),
    /// Wrap (encrypt) a key with a key (mhsm addition: az has no wrap).
    Wrap(wrap::Args),
    /// Unwrap a wrapped key (mhsm addition: az has no unwrap).
    Unwrap(unwrap::Args),
    /// Have the HSM generate an AES-256 key and return it wrapped with a key (api 2026-04-01).
    ///
    /// mhsm addition (az has none). The plaintext key never leaves the HSM; 'key
    /// secure-unwrap' releases it into a TEE attested by Microsoft Azure Attestation.
    SecureWrap(secure_wrap::Args),
    /// Unwrap a secure-wrapped key into an attested TEE (api 2026-04-01; mhsm addition).
    SecureUnwrap(secure_unwrap::Args),
    /// Sign a digest with a key.
    Sign(sign::Args),
    /// Verify a signature of a digest.
    Verify(verify::Args),
    /// Download the public part of a key (PEM or DER).
    Download(download::Args),
    /// Get random bytes from the HSM.
    Random(random::Args),
    /// Release an exportable key to an attested environment (secure key release; mhsm addition: az has none).
    ///
    /// Sends the attestation token (--target); the HSM checks it against the key's release
    /// policy and answers a JWS holding the key wrapped to the token's runtime key, printed as
    /// {"value": ...}. With --runtime-key (the TEE's RSA private key) and --file, mhsm verifies
    /// the JWS signer's certificate chain and signature, unwraps the key and writes it to the
    /// file (PKCS#8 PEM for RSA/EC, raw bytes for oct), printing only what was released.
    Release(release::Args),
    /// Get a key's attestation.
    GetAttestation(get_attestation::Args),
    /// Print a release-policy template.
    GetPolicyTemplate(get_policy_template::Args),
}

impl Command {
    /// `show` leaves exit 3 on 404 (az's show_exception_handler).
    pub fn is_show(&self) -> bool {
        matches!(
            self,
            Command::Show(_) | Command::RotationPolicy(rotation_policy::Command::Show(_))
        )
    }

    pub async fn run(self, ctx: &Ctx) -> Result<(), CliError> {
        match self {
            Command::Create(a) => create::run(ctx, a).await,
            Command::Import(a) => import::run(ctx, a).await,
            Command::MakeByok(a) => make_byok::run(ctx, a),
            Command::List(a) => list::run(ctx, a).await,
            Command::ListVersions(a) => list_versions::run(ctx, a).await,
            Command::ListDeleted(a) => list_deleted::run(ctx, a).await,
            Command::Show(a) => show::run(ctx, a).await,
            Command::ShowDeleted(a) => show_deleted::run(ctx, a).await,
            Command::Delete(a) => delete::run(ctx, a).await,
            Command::Recover(a) => recover::run(ctx, a).await,
            Command::Purge(a) => purge::run(ctx, a).await,
            Command::Backup(a) => backup::run(ctx, a).await,
            Command::Restore(a) => restore::run(ctx, a).await,
            Command::SetAttributes(a) => set_attributes::run(ctx, a).await,
            Command::Rotate(a) => rotate::run(ctx, a).await,
            Command::RotationPolicy(c) => c.run(ctx).await,
            Command::Encrypt(a) => encrypt::run(ctx, a).await,
            Command::Decrypt(a) => decrypt::run(ctx, a).await,
            Command::Wrap(a) => wrap::run(ctx, a).await,
            Command::Unwrap(a) => unwrap::run(ctx, a).await,
            Command::SecureWrap(a) => secure_wrap::run(ctx, a).await,
            Command::SecureUnwrap(a) => secure_unwrap::run(ctx, a).await,
            Command::Sign(a) => sign::run(ctx, a).await,
            Command::Verify(a) => verify::run(ctx, a).await,
            Command::Download(a) => download::run(ctx, a).await,
            Command::Random(a) => random::run(ctx, a).await,
            Command::Release(a) => release::run(ctx, a).await,
            Command::GetAttestation(a) => get_attestation::run(ctx, a).await,
            Command::GetPolicyTemplate(a) => get_policy_template::run(ctx, a),
        }
    }
}
