//! TLS material of the emulator: a local CA generated on first start (persisted in the state
//! directory, printed so clients can trust it) and a server certificate for the loopback
//! addresses, signed by that CA. Every listener serves HTTPS with it, because the official SDKs
//! refuse bearer tokens over plain HTTP (emulator.md).

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, SanType,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Paths and loaded server configuration.
pub struct TlsMaterial {
    pub ca_file: PathBuf,
    pub server_config: Arc<rustls::ServerConfig>,
}

/// Loads the CA and server certificate from `dir`, generating them on first start.
pub fn load_or_create(dir: &Path) -> Result<TlsMaterial, String> {
    let ca_file = dir.join("ca.pem");
    let ca_key_file = dir.join("ca-key.pem");
    let cert_file = dir.join("server.pem");
    let key_file = dir.join("server-key.pem");
    if !(ca_file.exists() && ca_key_file.exists() && cert_file.exists() && key_file.exists()) {
        generate(&ca_file, &ca_key_file, &cert_file, &key_file)?;
    }
    let cert_pem =
        std::fs::read(&cert_file).map_err(|e| format!("{}: {e}", cert_file.display()))?;
    let key_pem = std::fs::read(&key_file).map_err(|e| format!("{}: {e}", key_file.display()))?;
    let certs = rustls_pemfile_certs(&cert_pem)?;
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(pem_body(&key_pem, "PRIVATE KEY")?.into());
    let mut cfg = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| format!("server certificate: {e}"))?;
    cfg.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(TlsMaterial {
        ca_file,
        server_config: Arc::new(cfg),
    })
}

fn generate(
    ca_file: &Path,
    ca_key_file: &Path,
    cert_file: &Path,
    key_file: &Path,
) -> Result<(), String> {
    let err = |e: rcgen::Error| format!("certificate generation: {e}");
    let ca_key = KeyPair::generate().map_err(err)?;
    let mut ca = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, "mhsm-emulator local CA");
    dn.push(DnType::OrganizationName, "mhsm-emulator");
    ca.distinguished_name = dn;
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    ca.not_before = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    ca.not_after = time::OffsetDateTime::now_utc() + time::Duration::days(3650);
    let ca_cert = ca.self_signed(&ca_key).map_err(err)?;

    let key = KeyPair::generate().map_err(err)?;
    let mut params = CertificateParams::new(vec!["localhost".to_string()]).map_err(err)?;
    params
        .subject_alt_names
        .push(SanType::IpAddress("127.0.0.1".parse().expect("ip")));
    params
        .subject_alt_names
        .push(SanType::IpAddress("::1".parse().expect("ip")));
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, "mhsm-emulator");
    params.distinguished_name = dn;
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.use_authority_key_identifier_extension = true;
    params.not_before = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    params.not_after = time::OffsetDateTime::now_utc() + time::Duration::days(825);
    let issuer = Issuer::new(ca, &ca_key);
    let cert = params.signed_by(&key, &issuer).map_err(err)?;

    write_private(ca_key_file, &ca_key.serialize_pem())?;
    write_private(key_file, &key.serialize_pem())?;
    std::fs::write(cert_file, cert.pem()).map_err(|e| format!("{}: {e}", cert_file.display()))?;
    std::fs::write(ca_file, ca_cert.pem()).map_err(|e| format!("{}: {e}", ca_file.display()))?;
    Ok(())
}

/// A fresh CA (path length 0) and one leaf certificate it issued, valid from yesterday.
pub struct Issued {
    pub ca: rcgen::Certificate,
    pub leaf: rcgen::Certificate,
    pub leaf_key: KeyPair,
}

/// Makes a CA named `ca_cn` and a leaf with subject CN `leaf_cn`, the DNS / IP subject
/// alternative names `sans`, digital-signature usage and the extended usage `purpose` (the EKM
/// client identity of an HSM, the EKM proxy's server certificate).
pub fn issue_leaf(
    ca_cn: &str,
    leaf_cn: &str,
    sans: &[&str],
    purpose: ExtendedKeyUsagePurpose,
) -> Result<Issued, String> {
    let err = |e: rcgen::Error| format!("certificate generation: {e}");
    let now = time::OffsetDateTime::now_utc();
    let ca_key = KeyPair::generate().map_err(err)?;
    let mut ca = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, ca_cn);
    dn.push(DnType::OrganizationName, "mhsm-emulator");
    ca.distinguished_name = dn;
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    ca.not_before = now - time::Duration::days(1);
    ca.not_after = now + time::Duration::days(3650);
    let ca_cert = ca.self_signed(&ca_key).map_err(err)?;
    let leaf_key = KeyPair::generate().map_err(err)?;
    let mut p = CertificateParams::default();
    for s in sans {
        p.subject_alt_names
            .push(match s.parse::<std::net::IpAddr>() {
                Ok(ip) => SanType::IpAddress(ip),
                Err(_) => SanType::DnsName((*s).try_into().map_err(err)?),
            });
    }
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, leaf_cn);
    p.distinguished_name = dn;
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![purpose];
    p.use_authority_key_identifier_extension = true;
    p.not_before = now - time::Duration::days(1);
    p.not_after = now + time::Duration::days(825);
    let leaf = p
        .signed_by(&leaf_key, &Issuer::new(ca, &ca_key))
        .map_err(err)?;
    Ok(Issued {
        ca: ca_cert,
        leaf,
        leaf_key,
    })
}

/// Writes a secret file readable by the owner only.
pub fn write_private(path: &Path, contents: &str) -> Result<(), String> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    opts.mode(0o600);
    let mut f = opts
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    f.write_all(contents.as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn rustls_pemfile_certs(
    pem: &[u8],
) -> Result<Vec<rustls::pki_types::CertificateDer<'static>>, String> {
    Ok(vec![pem_body(pem, "CERTIFICATE")?.into()])
}

/// Decodes the first PEM block with the given label.
pub fn pem_body(pem: &[u8], label: &str) -> Result<Vec<u8>, String> {
    use base64::Engine;
    let text = std::str::from_utf8(pem).map_err(|_| "PEM is not text".to_string())?;
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = text.find(&begin).ok_or(format!("no {label} in PEM"))? + begin.len();
    let stop = text[start..]
        .find(&end)
        .ok_or(format!("unterminated {label} PEM"))?
        + start;
    let b64: String = text[start..stop]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| format!("bad PEM base64: {e}"))
}
