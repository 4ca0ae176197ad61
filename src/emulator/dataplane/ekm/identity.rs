//! The HSM's EKM client identity: a per-HSM client CA and a client certificate it issued, made
//! on first use and kept in the store (the private keys sealed by the store key). `GET
//! /ekm/certificate` returns the CA and the subject CN, which is what a proxy allow-lists (root
//! CA plus subject CN, not a fingerprint — ekm-and-emulators.md §1.3).

use base64::Engine;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
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
    let err = |e: rcgen::Error| format!("EKM client certificate generation: {e}");
    let now = time::OffsetDateTime::now_utc();
    let ca_key = KeyPair::generate().map_err(err)?;
    let mut ca = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, "mhsm-emulator EKM client CA");
    dn.push(DnType::OrganizationName, "mhsm-emulator");
    ca.distinguished_name = dn;
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    ca.not_before = now - time::Duration::days(1);
    ca.not_after = now + time::Duration::days(3650);
    let ca_cert = ca.self_signed(&ca_key).map_err(err)?;

    let key = KeyPair::generate().map_err(err)?;
    let cn = subject_cn(hsm);
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(err)?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, cn.clone());
    params.distinguished_name = dn;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    params.use_authority_key_identifier_extension = true;
    params.not_before = now - time::Duration::days(1);
    params.not_after = now + time::Duration::days(825);
    let cert = params
        .signed_by(&key, &Issuer::new(ca, &ca_key))
        .map_err(err)?;
    let b64 = base64::engine::general_purpose::STANDARD;
    Ok(ClientIdentity {
        subject_common_name: cn,
        ca_der: b64.encode(ca_cert.der()),
        cert_der: b64.encode(cert.der()),
        key_sealed: emu.sealer.seal(&seal_context(hsm), &key.serialize_der()),
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
