//! The HSM's EKM client identity: a per-HSM client CA and a client certificate it issued, made
//! on first use and kept in the store (the private keys sealed by the store key). `GET
//! /ekm/certificate` returns the CA and the subject CN, which is what a proxy allow-lists (root
//! CA plus subject CN, not a fingerprint — ekm-and-emulators.md §1.3).

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::emulator::Emulator;
use crate::emulator::error::{ApiError, ApiResult};
use crate::wire::ekm::EkmProxyClientCertificateInfo;

/// Table of client identities, keyed by the HSM's store key.
pub const EKM_CLIENT: &str = "ekm_client";

/// A stored client identity (DER, standard base64; the key sealed).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClientIdentity {
    pub subject_common_name: String,
    pub ca_der: String,
    pub cert_der: String,
    /// PKCS#8 of the client key, sealed by the store key.
    pub key_sealed: String,
}

/// The loaded identity, ready for rustls.
pub struct LoadedIdentity {
    pub cert_der: Vec<u8>,
    pub key_pkcs8: zeroize::Zeroizing<Vec<u8>>,
}

fn seal_context(hsm: &str) -> String {
    format!("ekm-client/{hsm}")
}

/// The subject CN of an HSM's client certificate (the documentation's example is
/// `contoso.managedhsmclient.azure.net`).
pub fn subject_cn(hsm: &str) -> String {
    format!("{hsm}.managedhsmclient.azure.net")
}

fn generate(emu: &Emulator, hsm: &str) -> Result<ClientIdentity, String> {
    let cn = subject_cn(hsm);
    let issued = crate::emulator::tls::issue_leaf(
        "mhsm-emulator EKM client CA",
        &cn,
        &[],
        rcgen::ExtendedKeyUsagePurpose::ClientAuth,
    )?;
    let b64 = base64::engine::general_purpose::STANDARD;
    Ok(ClientIdentity {
        subject_common_name: cn,
        ca_der: b64.encode(issued.ca.der()),
        cert_der: b64.encode(issued.leaf.der()),
        key_sealed: emu
            .sealer
            .seal(&seal_context(hsm), &issued.leaf_key.serialize_der()),
    })
}

/// The HSM's identity, created on first use.
pub fn get_or_create(emu: &Emulator, hsm: &str) -> ApiResult<ClientIdentity> {
    if let Some(id) = emu.store.get::<ClientIdentity>(EKM_CLIENT, hsm)? {
        return Ok(id);
    }
    let fresh = generate(emu, hsm).map_err(ApiError::internal)?;
    emu.store.write(|tx| {
        // Another request may have made it meanwhile: the first one wins.
        if let Some(id) = tx.get::<ClientIdentity>(EKM_CLIENT, hsm)? {
            return Ok::<_, ApiError>(id);
        }
        tx.put(EKM_CLIENT, hsm, &fresh)?;
        Ok(fresh.clone())
    })
}

/// `GET /ekm/certificate`.
pub fn info(id: &ClientIdentity) -> EkmProxyClientCertificateInfo {
    EkmProxyClientCertificateInfo {
        ca_certificates: vec![id.ca_der.clone()],
        subject_common_name: id.subject_common_name.clone(),
    }
}

/// The certificate and opened private key.
pub fn load(emu: &Emulator, hsm: &str, id: &ClientIdentity) -> ApiResult<LoadedIdentity> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let cert_der = b64
        .decode(&id.cert_der)
        .map_err(|e| ApiError::internal(format!("stored EKM client certificate: {e}")))?;
    let key_pkcs8 = emu
        .sealer
        .open(&seal_context(hsm), &id.key_sealed)
        .map_err(ApiError::internal)?;
    Ok(LoadedIdentity {
        cert_der,
        key_pkcs8,
    })
}
