//! Key attestation, the pure part (service-facts.md §5.4): the statement mhsm-emulator's
//! emulated "HSM vendor" signs about a key, and the checks `mhsm key get-attestation --verify`
//! makes on any attestation it is given: the certificate chain in `certificatePemFile` links
//! up to a self-signed root, the attestation blobs are signed by the chain's leaf, and they
//! cover the public key of the key they were fetched for.
//!
//! The real service's blobs are Marvell LiquidSecurity binary attestations (validated by
//! Azure/azure-managed-hsm-key-attestation); the emulator's are compact RS256 JWS whose payload
//! says plainly that the key lives in software. The chain check works for both; the blob checks
//! only for the emulator's format, and say so otherwise.

use serde_json::{Value, json};
use x509_parser::prelude::{FromDer as _, X509Certificate};

use super::b64::b64url_encode;
use super::release::{Jws, ReleaseError};

/// `format` of the emulator's attestation statements.
pub const EMULATED_FORMAT: &str = "mhsm-emulator-key-attestation/1";

/// What every emulated statement says about itself.
pub const EMULATED_NOTICE: &str = "EMULATED: produced by mhsm-emulator, a software emulator of Azure Managed HSM. The key was generated and is held in software; no hardware security module, HSM vendor or FIPS boundary is involved. This statement proves only that this emulator instance holds the private key of the public key below.";

/// Why a verification failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttestationError {
    #[error("the certificate chain is not valid: {0}")]
    Chain(String),
    #[error("the attestation blob is not valid: {0}")]
    Blob(String),
    #[error(
        "the attestation is not in mhsm-emulator's format (the service's are HSM vendor binary attestations): the certificate chain was checked; validate the blobs with Azure/azure-managed-hsm-key-attestation"
    )]
    NotEmulatorFormat,
    #[error("the attestation does not cover this key: {0}")]
    WrongKey(String),
}

/// The statement of one blob (`which` = `private` or `public`). Deterministic (RS256 is too),
/// so the same key version always gets the same attestation, as from an HSM.
pub fn statement(
    which: &str,
    kid: &str,
    key: &Value,
    spki_der: Option<&[u8]>,
    created: i64,
) -> Value {
    let mut s = json!({
        "format": EMULATED_FORMAT,
        "emulated": true,
        "notice": EMULATED_NOTICE,
        "attests": format!("{which} key"),
        "kid": kid,
        "kty": key["kty"],
        "key_size": key["key_size"],
        "crv": key["crv"],
        "exportable": key["exportable"],
        "origin": key["origin"],
        "created": created,
    });
    if let Some(spki) = spki_der {
        s["public_key_spki"] = json!(b64url_encode(spki));
        s["public_key_spki_sha256"] = json!(b64url_encode(
            aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, spki).as_ref()
        ));
    }
    s
}

/// A certificate of the chain, as reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEntry {
    pub subject: String,
    pub issuer: String,
    /// b64url SHA-256 of the DER.
    pub sha256: String,
}

/// The outcome of [`verify`].
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    /// Leaf first, root last.
    pub chain: Vec<ChainEntry>,
    /// The emulated notice when the statements carry one.
    pub emulated: bool,
    /// `public` and/or `private`.
    pub blobs: Vec<String>,
}

/// An RSA public key's `n` and `e` (big-endian, no leading zeros).
pub type RsaComponents = (Vec<u8>, Vec<u8>);

/// Certificates of a PEM bundle (DER, in order).
pub fn pem_certificates(pem: &[u8]) -> Result<Vec<Vec<u8>>, AttestationError> {
    let blocks = super::pem::parse_pem_blocks(pem)
        .map_err(|e| AttestationError::Chain(format!("certificatePemFile is not PEM: {e}")))?;
    let certs: Vec<Vec<u8>> = blocks
        .into_iter()
        .filter(|b| b.label == "CERTIFICATE")
        .map(|b| b.der.to_vec())
        .collect();
    if certs.is_empty() {
        return Err(AttestationError::Chain(
            "certificatePemFile holds no certificate".into(),
        ));
    }
    Ok(certs)
}

/// Checks that each certificate is signed by the next and the last is self-signed; returns
/// the chain (leaf first) and the leaf's RSA `n`, `e` when it has an RSA key.
pub fn verify_chain(
    certs: &[Vec<u8>],
) -> Result<(Vec<ChainEntry>, Option<RsaComponents>), AttestationError> {
    let parsed: Vec<X509Certificate<'_>> = certs
        .iter()
        .map(|d| {
            X509Certificate::from_der(d)
                .map(|(_, c)| c)
                .map_err(|e| AttestationError::Chain(format!("unreadable certificate: {e}")))
        })
        .collect::<Result<_, _>>()?;
    // Leaf first. The bundle's own order when it is a chain; else (the service's order is not
    // documented) ordered by issuance.
    let in_order = parsed.windows(2).all(|w| w[0].issuer() == w[1].subject());
    let order: Vec<usize> = if in_order {
        (0..parsed.len()).collect()
    } else {
        issuance_order(&parsed)?
    };
    let mut chain = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        let c = &parsed[i];
        let issuer = match order.get(k + 1) {
            Some(&j) => &parsed[j],
            None if c.subject() == c.issuer() => c,
            None => {
                return Err(AttestationError::Chain(format!(
                    "the chain ends at '{}', which is not self-signed",
                    c.subject()
                )));
            }
        };
        c.verify_signature(Some(issuer.public_key())).map_err(|e| {
            AttestationError::Chain(format!(
                "'{}' is not signed by '{}': {e}",
                c.subject(),
                issuer.subject()
            ))
        })?;
        chain.push(ChainEntry {
            subject: c.subject().to_string(),
            issuer: c.issuer().to_string(),
            sha256: b64url_encode(
                aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &certs[i]).as_ref(),
            ),
        });
    }
    let leaf_rsa = match parsed[order[0]].public_key().parsed() {
        Ok(x509_parser::public_key::PublicKey::RSA(r)) => {
            Some((strip(r.modulus).to_vec(), strip(r.exponent).to_vec()))
        }
        _ => None,
    };
    Ok((chain, leaf_rsa))
}

/// Leaf first, each certificate followed by its issuer, up to a self-signed one.
fn issuance_order(parsed: &[X509Certificate<'_>]) -> Result<Vec<usize>, AttestationError> {
    let leaf = (0..parsed.len())
        .find(|&i| {
            !parsed
                .iter()
                .enumerate()
                .any(|(j, c)| j != i && c.issuer() == parsed[i].subject())
        })
        .unwrap_or(0);
    let mut order = vec![leaf];
    while order.len() < parsed.len() {
        let cur = &parsed[*order.last().expect("non-empty")];
        if cur.subject() == cur.issuer() {
            break;
        }
        match (0..parsed.len())
            .find(|&j| !order.contains(&j) && parsed[j].subject() == cur.issuer())
        {
            Some(j) => order.push(j),
            None => {
                return Err(AttestationError::Chain(format!(
                    "no certificate in the bundle issued '{}'",
                    cur.issuer()
                )));
            }
        }
    }
    Ok(order)
}

/// Whether a certificate (DER) names `host` (a DNS name, `*.` wildcards of one label, or an IP
/// address) in its subject alternative names, as the SKR sidecar checks the release JWS's
/// signer against the HSM's host.
pub fn certificate_names_host(der: &[u8], host: &str) -> bool {
    use x509_parser::extensions::GeneralName;
    let Ok((_, cert)) = X509Certificate::from_der(der) else {
        return false;
    };
    let Ok(Some(san)) = cert.subject_alternative_name() else {
        return false;
    };
    let ip: Option<std::net::IpAddr> = host.parse().ok();
    san.value.general_names.iter().any(|n| match n {
        GeneralName::DNSName(d) => {
            d.eq_ignore_ascii_case(host)
                || d.strip_prefix("*.").is_some_and(|rest| {
                    host.split_once('.')
                        .is_some_and(|(_, h)| h.eq_ignore_ascii_case(rest))
                })
        }
        GeneralName::IPAddress(b) => match (ip, b.len()) {
            (Some(std::net::IpAddr::V4(v4)), 4) => v4.octets() == **b,
            (Some(std::net::IpAddr::V6(v6)), 16) => v6.octets() == **b,
            _ => false,
        },
        _ => false,
    })
}

fn strip(b: &[u8]) -> &[u8] {
    let i = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    &b[i..]
}

/// Verifies an attestation (`certificatePemFile` and the blobs, all already decoded to bytes)
/// for a key whose public key is `spki` (`None` for symmetric keys).
pub fn verify(
    pem: &[u8],
    private_blob: Option<&[u8]>,
    public_blob: Option<&[u8]>,
    spki: Option<&[u8]>,
) -> Result<Verified, AttestationError> {
    let certs = pem_certificates(pem)?;
    let (chain, leaf) = verify_chain(&certs)?;
    let mut out = Verified {
        chain,
        emulated: false,
        blobs: Vec::new(),
    };
    let want_spki = spki.map(b64url_encode);
    for (which, blob) in [("private", private_blob), ("public", public_blob)] {
        let Some(blob) = blob else { continue };
        let Ok(text) = std::str::from_utf8(blob) else {
            return Err(AttestationError::NotEmulatorFormat);
        };
        let Ok(jws) = Jws::parse(text) else {
            return Err(AttestationError::NotEmulatorFormat);
        };
        if jws.payload["format"] != EMULATED_FORMAT {
            return Err(AttestationError::NotEmulatorFormat);
        }
        let (n, e) = leaf
            .as_ref()
            .ok_or_else(|| AttestationError::Blob("the chain's leaf has no RSA key".into()))?;
        jws.verify_rs256(n, e).map_err(|e: ReleaseError| {
            AttestationError::Blob(format!(
                "{which}KeyAttestation: {e} with the chain's leaf key"
            ))
        })?;
        if let Some(w) = &want_spki
            && jws.payload["public_key_spki"].as_str() != Some(w.as_str())
        {
            return Err(AttestationError::WrongKey(format!(
                "{which}KeyAttestation attests another public key"
            )));
        }
        out.emulated |= jws.payload["emulated"] == true;
        out.blobs.push(which.to_string());
    }
    if out.blobs.is_empty() {
        return Err(AttestationError::Blob(
            "there is no attestation blob".into(),
        ));
    }
    if spki.is_some() && !out.blobs.iter().any(|b| b == "public") {
        return Err(AttestationError::Blob(
            "an asymmetric key's attestation needs a publicKeyAttestation".into(),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::release::sign_rs256;
    use aws_lc_rs::encoding::AsDer;
    use aws_lc_rs::signature::RsaKeyPair;

    /// A vendor: (chain PEM leaf+root, leaf signing key, another root's self-signed PEM).
    fn vendor() -> (String, RsaKeyPair, String) {
        use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
        let kp = RsaKeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
        let der = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&kp).unwrap();
        let pem = crate::crypto::pem::to_pem("PRIVATE KEY", der.as_ref(), 64, true);
        let root_key = KeyPair::generate().unwrap();
        let mut root = CertificateParams::new(vec![]).unwrap();
        root.distinguished_name = rcgen::DistinguishedName::new();
        root.distinguished_name
            .push(rcgen::DnType::CommonName, "root");
        root.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let root_cert = root.self_signed(&root_key).unwrap();
        let other_key = KeyPair::generate().unwrap();
        let other = root.clone().self_signed(&other_key).unwrap();
        let leaf = CertificateParams::new(vec!["leaf".into()])
            .unwrap()
            .signed_by(
                &KeyPair::from_pem(&pem).unwrap(),
                &Issuer::new(root, &root_key),
            )
            .unwrap();
        (
            format!("{}{}", leaf.pem(), root_cert.pem()),
            kp,
            other.pem(),
        )
    }

    #[test]
    fn verify_chain_signature_and_key_binding() {
        let (chain, kp, other_root) = vendor();
        let spki = b"the key's SubjectPublicKeyInfo".to_vec();
        let facts = json!({"kty": "RSA-HSM", "key_size": 2048});
        let blob = |which: &str, spki: &[u8]| {
            sign_rs256(
                &json!({}),
                &statement(which, "kid", &facts, Some(spki), 1),
                &kp,
            )
            .unwrap()
        };
        let (private, public) = (blob("private", &spki), blob("public", &spki));
        let ok = verify(
            chain.as_bytes(),
            Some(private.as_bytes()),
            Some(public.as_bytes()),
            Some(&spki),
        )
        .unwrap();
        assert!(ok.emulated);
        assert_eq!(ok.chain.len(), 2);
        assert_eq!(ok.blobs, ["private", "public"]);
        let leaf = &pem_certificates(chain.as_bytes()).unwrap()[0];
        assert!(certificate_names_host(leaf, "LEAF"));
        assert!(!certificate_names_host(leaf, "other"));
        assert!(!certificate_names_host(leaf, "127.0.0.1"));
        // Another key's attestation.
        let e = verify(
            chain.as_bytes(),
            Some(private.as_bytes()),
            Some(public.as_bytes()),
            Some(b"another key"),
        )
        .unwrap_err();
        assert!(matches!(e, AttestationError::WrongKey(_)), "{e}");
        // A tampered blob.
        let mut parts: Vec<String> = public.split('.').map(String::from).collect();
        parts[1] = b64url_encode(
            statement("public", "kid2", &facts, Some(&spki), 1)
                .to_string()
                .as_bytes(),
        );
        let e = verify(
            chain.as_bytes(),
            None,
            Some(parts.join(".").as_bytes()),
            Some(&spki),
        )
        .unwrap_err();
        assert!(matches!(e, AttestationError::Blob(_)), "{e}");
        // A chain whose root did not sign the leaf.
        let leaf_only = chain
            .split_inclusive("-----END CERTIFICATE-----\n")
            .next()
            .unwrap();
        let e = verify(
            format!("{leaf_only}{other_root}").as_bytes(),
            Some(private.as_bytes()),
            Some(public.as_bytes()),
            Some(&spki),
        )
        .unwrap_err();
        assert!(matches!(e, AttestationError::Chain(_)), "{e}");
        // An asymmetric key needs its public attestation; a foreign blob is named as such.
        assert!(
            verify(
                chain.as_bytes(),
                Some(private.as_bytes()),
                None,
                Some(&spki)
            )
            .is_err()
        );
        let e = verify(chain.as_bytes(), Some(b"\x01\x02binary"), None, None).unwrap_err();
        assert_eq!(e, AttestationError::NotEmulatorFormat);
    }
}
