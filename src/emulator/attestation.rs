//! The emulator's attestation side (service-facts.md §5): an **attestation authority** beside the
//! identity provider, playing Microsoft Azure Attestation for confidential VMs (OIDC metadata,
//! `jwks_uri`, a persisted RS256 signing key, tokens with chosen claims and a runtime key); the
//! verification of a release `target` the way Managed HSM does it (fetch the authority's
//! metadata and keys over HTTPS, check signature, issuer and lifetime); the **release signer**
//! (the HSM's JWS key, with an `x5c` leaf for the HSM's host under the emulator's CA); and an
//! emulated **HSM vendor** that signs key attestations and says plainly it is emulated.
//!
//! Decisions:
//! * The authority is `{control}/attestation`. The emulator fetches metadata only from its own
//!   control listener: a token whose issuer is anywhere else is refused before any request, so
//!   tests never reach out to the network and a token cannot make the emulator call a URL.
//! * Tokens live 8 hours (MAA's lifetime); 5 minutes of clock skew are tolerated, as for
//!   access tokens. `exp` is required.
//! * Keys are generated on first use and persisted in the state directory
//!   (`attestation-signing-key.pem`, `release-signing-key.pem`, `hsm-vendor-*.pem`), so tokens
//!   and attestations survive restarts like the IdP's.

use aws_lc_rs::encoding::AsDer as _;
use aws_lc_rs::signature::{KeyPair as _, RsaKeyPair};
use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Emulator;
use super::error::{ApiError, ApiResult};
use crate::crypto::b64::{b64_std_encode, b64url_encode};
use crate::crypto::release::{Jws, ReleaseError, sign_rs256};

/// Lifetime of issued attestation tokens (MAA's).
pub const TOKEN_LIFETIME_SECS: i64 = 8 * 3600;
/// Tolerated clock skew.
const SKEW: i64 = 300;
/// Path of the authority on the control listener.
pub const AUTHORITY_PATH: &str = "/attestation";

/// A persisted RSA signing key and its JWK members.
pub struct SigningKey {
    pub pair: RsaKeyPair,
    pub pkcs8_pem: String,
    pub kid: String,
    pub n: Vec<u8>,
    pub e: Vec<u8>,
}

impl SigningKey {
    /// Loads the key at `path` (PKCS#8 PEM), generating it first if it does not exist.
    pub fn load_or_create(path: &Path) -> Result<SigningKey, String> {
        if !path.exists() {
            let kp = RsaKeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048)
                .map_err(|_| "cannot generate a signing key".to_string())?;
            let der = aws_lc_rs::encoding::AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&kp)
                .map_err(|_| "cannot encode a signing key".to_string())?;
            super::tls::write_private(path, &super::idp::pem_encode("PRIVATE KEY", der.as_ref()))?;
        }
        let pem = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let der = super::tls::pem_body(pem.as_bytes(), "PRIVATE KEY")?;
        let pair = RsaKeyPair::from_pkcs8(&der).map_err(|e| format!("{}: {e}", path.display()))?;
        let n = pair
            .public_key()
            .modulus()
            .big_endian_without_leading_zero()
            .to_vec();
        let e = pair
            .public_key()
            .exponent()
            .big_endian_without_leading_zero()
            .to_vec();
        let kid = b64url_encode(
            &aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &n).as_ref()[..20],
        );
        Ok(SigningKey {
            pair,
            pkcs8_pem: pem,
            kid,
            n,
            e,
        })
    }

    /// The public JWK (`use` sig).
    pub fn jwk(&self) -> Value {
        json!({"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid, "n": b64url_encode(&self.n), "e": b64url_encode(&self.e)})
    }

    fn public_spki_der(&self) -> Vec<u8> {
        self.pair
            .public_key()
            .as_der()
            .map(|d| d.as_ref().to_vec())
            .unwrap_or_default()
    }
}

/// File of the authority's signing key in a state directory.
pub fn authority_key_file(state_dir: &Path) -> PathBuf {
    state_dir.join("attestation-signing-key.pem")
}

/// Signs an attestation token: `claims` as given, plus `iss`, `iat`, `nbf`, `exp`, `jti`,
/// `x-ms-ver`, an honest `x-ms-emulated`, and `runtime_key` (a public RSA JWK) as the TEE
/// encryption key in `x-ms-runtime.keys` (MAA's place for it in SEV-SNP tokens).
pub fn issue_token(
    key: &SigningKey,
    authority: &str,
    mut claims: Value,
    runtime_key: Option<Value>,
    now: i64,
    lifetime: i64,
) -> Result<String, String> {
    if !claims.is_object() {
        return Err("the claims must be a JSON object".into());
    }
    claims["iss"] = json!(authority);
    claims["iat"] = json!(now);
    claims["nbf"] = json!(now);
    claims["exp"] = json!(now + lifetime);
    claims["jti"] = json!(uuid::Uuid::new_v4().to_string());
    if claims.get("x-ms-ver").is_none() {
        claims["x-ms-ver"] = json!("1.0");
    }
    claims["x-ms-emulated"] = json!(true);
    if let Some(mut k) = runtime_key {
        if k.get("kid").is_none() {
            k["kid"] = json!("TpmEphemeralEncryptionKey");
        }
        if k.get("key_ops").is_none() {
            k["key_ops"] = json!(["encrypt"]);
        }
        let runtime = claims
            .as_object_mut()
            .expect("object")
            .entry("x-ms-runtime")
            .or_insert_with(|| json!({}));
        if !runtime.is_object() {
            *runtime = json!({});
        }
        runtime["keys"] = json!([k]);
    }
    let header = json!({"typ": "JWT", "kid": key.kid, "jku": format!("{authority}/certs")});
    sign_rs256(&header, &claims, &key.pair).map_err(|e| e.to_string())
}

/// The public RSA JWK of a PEM public key (`PUBLIC KEY`) or private key (its public half).
pub fn runtime_jwk_from_pem(pem: &[u8]) -> Result<Value, String> {
    let blocks = crate::crypto::pem::parse_pem_blocks(pem).map_err(|e| e.to_string())?;
    let block = blocks
        .first()
        .ok_or_else(|| "the runtime key file holds no PEM block".to_string())?;
    let public = match block.label.as_str() {
        "PUBLIC KEY" => crate::crypto::cert::RsaPublic::from_spki_der(&block.der)
            .map_err(|e| format!("the runtime key is not an RSA public key: {e}"))?,
        _ => crate::crypto::privkey::load_private_key_pem(pem, None)
            .map_err(|e| format!("the runtime key is not an RSA key: {e}"))?
            .public()
            .clone(),
    };
    Ok(json!({"kty": "RSA", "n": public.jwk_n(), "e": public.jwk_e()}))
}

/// Lazily created, persisted attestation material of one emulator.
pub struct Attestation {
    dir: PathBuf,
    authority_key: Mutex<Option<Arc<SigningKey>>>,
    release_key: Mutex<Option<Arc<SigningKey>>>,
    vendor: Mutex<Option<Arc<Vendor>>>,
}

/// The emulated HSM vendor: a self-signed root and an RSA leaf that signs attestations.
pub struct Vendor {
    pub key: SigningKey,
    /// Leaf then root, PEM.
    pub chain_pem: String,
}

fn lazy<T>(
    slot: &Mutex<Option<Arc<T>>>,
    make: impl FnOnce() -> Result<T, String>,
) -> ApiResult<Arc<T>> {
    let mut s = slot.lock().expect("attestation lock");
    if let Some(v) = &*s {
        return Ok(v.clone());
    }
    let v = Arc::new(make().map_err(|e| ApiError::internal(format!("attestation material: {e}")))?);
    *s = Some(v.clone());
    Ok(v)
}

fn rcgen_err(e: rcgen::Error) -> String {
    format!("certificate generation: {e}")
}

impl Attestation {
    pub fn new(dir: &Path) -> Attestation {
        Attestation {
            dir: dir.to_path_buf(),
            authority_key: Mutex::new(None),
            release_key: Mutex::new(None),
            vendor: Mutex::new(None),
        }
    }

    pub fn authority_key(&self) -> ApiResult<Arc<SigningKey>> {
        lazy(&self.authority_key, || {
            SigningKey::load_or_create(&authority_key_file(&self.dir))
        })
    }

    fn release_key(&self) -> ApiResult<Arc<SigningKey>> {
        lazy(&self.release_key, || {
            SigningKey::load_or_create(&self.dir.join("release-signing-key.pem"))
        })
    }

    pub fn vendor(&self) -> ApiResult<Arc<Vendor>> {
        lazy(&self.vendor, || self.make_vendor())
    }

    fn make_vendor(&self) -> Result<Vendor, String> {
        use rcgen::{
            BasicConstraints, CertificateParams, DistinguishedName, DnType, IsCa, Issuer, KeyPair,
            KeyUsagePurpose,
        };
        let key = SigningKey::load_or_create(&self.dir.join("hsm-vendor-attestation-key.pem"))?;
        let chain_file = self.dir.join("hsm-vendor-chain.pem");
        if let Ok(chain_pem) = std::fs::read_to_string(&chain_file) {
            return Ok(Vendor { key, chain_pem });
        }
        let root_key = KeyPair::generate().map_err(rcgen_err)?;
        let mut root = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(
            DnType::CommonName,
            "EMULATED HSM vendor root - mhsm-emulator, not hardware",
        );
        dn.push(
            DnType::OrganizationName,
            "mhsm-emulator (software emulator)",
        );
        root.distinguished_name = dn;
        root.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        root.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        root.not_before = time::OffsetDateTime::now_utc() - time::Duration::days(1);
        root.not_after = time::OffsetDateTime::now_utc() + time::Duration::days(3650);
        let root_cert = root.self_signed(&root_key).map_err(rcgen_err)?;
        let leaf_key = KeyPair::from_pem(&key.pkcs8_pem).map_err(rcgen_err)?;
        let mut leaf = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(
            DnType::CommonName,
            "EMULATED HSM key attestation - mhsm-emulator, keys held in software",
        );
        dn.push(
            DnType::OrganizationName,
            "mhsm-emulator (software emulator)",
        );
        leaf.distinguished_name = dn;
        leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        leaf.not_before = root.not_before;
        leaf.not_after = root.not_after;
        let issuer = Issuer::new(root, &root_key);
        let leaf_cert = leaf.signed_by(&leaf_key, &issuer).map_err(rcgen_err)?;
        let chain_pem = format!("{}{}", leaf_cert.pem(), root_cert.pem());
        std::fs::write(&chain_file, &chain_pem)
            .map_err(|e| format!("{}: {e}", chain_file.display()))?;
        Ok(Vendor { key, chain_pem })
    }

    /// The release JWS header for an HSM at `host` (`127.0.0.1:port`): `kid`, and `x5c` with a
    /// leaf for that host (issued now by the emulator's CA for the release key) and the CA, and
    /// `x5t#S256` of the leaf, as the SKR sidecar checks them.
    fn release_header(&self, host: &str) -> Result<Value, String> {
        use rcgen::{CertificateParams, DistinguishedName, DnType, Issuer, KeyPair, SanType};
        let key = self.release_key().map_err(|e| e.message)?;
        let ca_pem = std::fs::read_to_string(self.dir.join("ca.pem")).map_err(|e| e.to_string())?;
        let ca_key_pem =
            std::fs::read_to_string(self.dir.join("ca-key.pem")).map_err(|e| e.to_string())?;
        let ca_key = KeyPair::from_pem(&ca_key_pem).map_err(rcgen_err)?;
        let issuer = Issuer::from_ca_cert_pem(&ca_pem, &ca_key).map_err(rcgen_err)?;
        let hostname = host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host);
        let mut params = CertificateParams::default();
        params.subject_alt_names = vec![match hostname.parse::<std::net::IpAddr>() {
            Ok(ip) => SanType::IpAddress(ip),
            Err(_) => SanType::DnsName(hostname.to_string().try_into().map_err(rcgen_err)?),
        }];
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CommonName, hostname);
        dn.push(DnType::OrganizationName, "mhsm-emulator");
        params.distinguished_name = dn;
        params.use_authority_key_identifier_extension = true;
        params.not_before = time::OffsetDateTime::now_utc() - time::Duration::days(1);
        params.not_after = time::OffsetDateTime::now_utc() + time::Duration::days(365);
        let leaf_key = KeyPair::from_pem(&key.pkcs8_pem).map_err(rcgen_err)?;
        let leaf = params.signed_by(&leaf_key, &issuer).map_err(rcgen_err)?;
        let ca_der = crate::crypto::pem::parse_pem_blocks(ca_pem.as_bytes())
            .map_err(|e| e.to_string())?
            .into_iter()
            .next()
            .map(|b| b.der.to_vec())
            .unwrap_or_default();
        Ok(json!({
            "kid": key.kid,
            "x5c": [b64_std_encode(leaf.der()), b64_std_encode(&ca_der)],
            "x5t#S256": crate::crypto::cert::thumbprint_s256(leaf.der()),
        }))
    }

    /// Signs a release response payload as the HSM at `host`.
    pub fn sign_release(&self, host: &str, payload: &Value) -> ApiResult<String> {
        let header = self
            .release_header(host)
            .map_err(|e| ApiError::internal(format!("release signing certificate: {e}")))?;
        let key = self.release_key()?;
        sign_rs256(&header, payload, &key.pair).map_err(|e| ApiError::internal(e.to_string()))
    }

    /// Signs a key-attestation statement as the emulated HSM vendor.
    pub fn sign_statement(&self, statement: &Value) -> ApiResult<(String, String)> {
        let v = self.vendor()?;
        let jws = sign_rs256(
            &json!({"typ": "JWT", "kid": v.key.kid}),
            statement,
            &v.key.pair,
        )
        .map_err(|e| ApiError::internal(e.to_string()))?;
        Ok((jws, v.chain_pem.clone()))
    }

    /// The authority key's SPKI (tests of the vendor use it).
    pub fn authority_spki(&self) -> ApiResult<Vec<u8>> {
        Ok(self.authority_key()?.public_spki_der())
    }
}

impl Emulator {
    /// The issuer of the emulator's attestation tokens.
    pub fn attestation_authority(&self) -> String {
        format!("{}{AUTHORITY_PATH}", self.urls.control)
    }

    /// Verifies a release `target` as Managed HSM does: the issuer must be an authority this
    /// emulator serves; its OIDC metadata and JWKS are fetched over HTTPS; the RS256 signature,
    /// `exp` and `nbf` are checked on the emulator's clock. Returns the issuer and claims.
    pub async fn verify_attestation_token(
        &self,
        target: &str,
    ) -> Result<(String, Value), TargetError> {
        let jws = Jws::parse(target).map_err(|e| TargetError::Malformed(e.to_string()))?;
        let iss = jws.payload["iss"]
            .as_str()
            .ok_or_else(|| {
                TargetError::Malformed("the attestation token has no 'iss' claim".into())
            })?
            .to_string();
        let origin = format!("{}/", self.urls.control);
        if !format!("{}/", iss.trim_end_matches('/')).starts_with(&origin) {
            return Err(TargetError::ForeignAuthority(iss));
        }
        let keys = self
            .fetch_authority_keys(&iss)
            .await
            .map_err(TargetError::Unverifiable)?;
        let kid = jws.header["kid"].as_str();
        let candidates: Vec<&Value> = keys
            .iter()
            .filter(|k| kid.is_none() || k["kid"].as_str() == kid)
            .collect();
        if candidates.is_empty() {
            return Err(TargetError::Unverifiable(format!(
                "the token's signing key (kid {}) is not among the keys of {iss}",
                kid.unwrap_or("none")
            )));
        }
        let verified = candidates.iter().any(|k| {
            crate::crypto::release::rsa_jwk_components(k)
                .ok()
                .is_some_and(|(n, e)| jws.verify_rs256(&n, &e).is_ok())
        });
        if !verified {
            return Err(TargetError::Unverifiable(format!(
                "the token's signature does not verify with the keys of {iss}"
            )));
        }
        let now = self.clock.unix();
        let exp = jws.payload["exp"].as_i64().ok_or_else(|| {
            TargetError::Malformed("the attestation token has no 'exp' claim".into())
        })?;
        if now > exp + SKEW {
            return Err(TargetError::Expired(exp));
        }
        if let Some(nbf) = jws.payload["nbf"].as_i64()
            && now + SKEW < nbf
        {
            return Err(TargetError::NotYetValid(nbf));
        }
        Ok((iss, jws.payload))
    }

    /// GETs `{authority}/.well-known/openid-configuration`, then its `jwks_uri` (which must be
    /// on this emulator too), over HTTPS trusting the emulator's CA; returns the keys.
    async fn fetch_authority_keys(&self, authority: &str) -> Result<Vec<Value>, String> {
        let pem = std::fs::read(self.ca_file()).map_err(|e| e.to_string())?;
        let client = reqwest::Client::builder()
            .tls_certs_merge(
                reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| e.to_string())?,
            )
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| e.to_string())?;
        let get = |url: String| {
            let client = client.clone();
            async move {
                let r = client
                    .get(&url)
                    .send()
                    .await
                    .map_err(|e| format!("GET {url}: {e}"))?;
                if !r.status().is_success() {
                    return Err(format!("GET {url}: HTTP {}", r.status().as_u16()));
                }
                r.json::<Value>()
                    .await
                    .map_err(|e| format!("GET {url}: not JSON: {e}"))
            }
        };
        let meta = get(format!(
            "{}/.well-known/openid-configuration",
            authority.trim_end_matches('/')
        ))
        .await?;
        let jwks_uri = meta["jwks_uri"]
            .as_str()
            .ok_or_else(|| format!("the metadata of {authority} has no jwks_uri"))?;
        if !jwks_uri.starts_with(&format!("{}/", self.urls.control)) {
            return Err(format!(
                "the jwks_uri {jwks_uri} of {authority} is not served by this emulator"
            ));
        }
        let jwks = get(jwks_uri.to_string()).await?;
        Ok(jwks["keys"].as_array().cloned().unwrap_or_default())
    }
}

/// Why a release `target` is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    Malformed(String),
    ForeignAuthority(String),
    Unverifiable(String),
    Expired(i64),
    NotYetValid(i64),
}

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetError::Malformed(m) => {
                write!(f, "The target is not a valid attestation token: {m}.")
            }
            TargetError::ForeignAuthority(iss) => write!(
                f,
                "The attestation authority '{iss}' is not served by this emulator: mhsm-emulator verifies tokens only from authorities it serves (its own is at /attestation on the control URL) and makes no outbound requests."
            ),
            TargetError::Unverifiable(m) => {
                write!(f, "The attestation token cannot be verified: {m}.")
            }
            TargetError::Expired(exp) => write!(f, "The attestation token expired (exp {exp})."),
            TargetError::NotYetValid(nbf) => {
                write!(f, "The attestation token is not valid yet (nbf {nbf}).")
            }
        }
    }
}

impl From<ReleaseError> for TargetError {
    fn from(e: ReleaseError) -> Self {
        TargetError::Malformed(e.to_string())
    }
}

// ---------------------------------------------------------------------------------------------
// HTTP endpoints of the authority

/// `GET /attestation/.well-known/openid-configuration` (MAA's shape).
pub async fn openid_configuration(State(emu): State<Arc<Emulator>>) -> Json<Value> {
    let a = emu.attestation_authority();
    Json(json!({
        "issuer": a,
        "jwks_uri": format!("{a}/certs"),
        "response_types_supported": ["token", "none"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "revocation_endpoint": format!("{a}/revoke"),
        "claims_supported": ["x-ms-ver", "x-ms-attestation-type", "x-ms-compliance-status", "x-ms-runtime", "x-ms-isolation-tee", "x-ms-emulated"],
    }))
}

/// `GET /attestation/certs`: the signing keys.
pub async fn certs(State(emu): State<Arc<Emulator>>) -> ApiResult<Json<Value>> {
    let k = emu.attestation.authority_key()?;
    Ok(Json(json!({"keys": [k.jwk()]})))
}

/// `POST /attestation/.emulator/token` (administration header): `{"claims": {…},
/// "runtime_key": <RSA JWK> | "runtime_key_pem": "<PEM>", "lifetime_seconds"?}` →
/// `{"token": "…"}`. Lets SDK tests play the confidential VM without the CLI.
pub async fn issue(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> ApiResult<Json<Value>> {
    super::hsm::admin(&emu, &headers)?;
    let bad = |m: String| ApiError::bad_request("BadParameter", m);
    let runtime = match (&body["runtime_key"], body["runtime_key_pem"].as_str()) {
        (Value::Object(_), _) => Some(body["runtime_key"].clone()),
        (_, Some(pem)) => Some(runtime_jwk_from_pem(pem.as_bytes()).map_err(bad)?),
        _ => None,
    };
    let lifetime = body["lifetime_seconds"]
        .as_i64()
        .unwrap_or(TOKEN_LIFETIME_SECS);
    let key = emu.attestation.authority_key()?;
    let claims = if body["claims"].is_null() {
        json!({})
    } else {
        body["claims"].clone()
    };
    let token = issue_token(
        &key,
        &emu.attestation_authority(),
        claims,
        runtime,
        emu.clock.unix(),
        lifetime,
    )
    .map_err(bad)?;
    Ok(Json(json!({"token": token})))
}

/// `mhsm-emulator attest`: a token of the emulator's authority (key and URL from the state
/// directory), with the claims of the JSON file `claims` (`-` = stdin) and the RSA runtime key
/// of the PEM file `runtime_key`, valid `lifetime` (90s, 30m, 8h, 7d) from `now`.
pub fn attest_command(
    state_dir: &Path,
    claims: Option<&Path>,
    runtime_key: Option<&Path>,
    lifetime: &str,
    now: i64,
) -> Result<String, String> {
    let cloud: Value = std::fs::read(state_dir.join("cloud.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| {
            format!(
                "{}: no cloud.json (has the emulator been started with this state directory?)",
                state_dir.display()
            )
        })?;
    let control = cloud["arm_url"]
        .as_str()
        .ok_or("cloud.json has no arm_url")?
        .trim_end_matches('/');
    let claims: Value = match claims {
        None => json!({}),
        Some(p) => {
            let text = if p == Path::new("-") {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                    .map_err(|e| format!("stdin: {e}"))?;
                s
            } else {
                std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?
            };
            serde_json::from_str(&text).map_err(|e| format!("the claims are not JSON: {e}"))?
        }
    };
    let runtime = match runtime_key {
        None => None,
        Some(p) => Some(runtime_jwk_from_pem(
            &std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )?),
    };
    let lifetime = super::storage::parse_when(lifetime, 0)?;
    let key = SigningKey::load_or_create(&authority_key_file(state_dir))?;
    issue_token(
        &key,
        &format!("{control}{AUTHORITY_PATH}"),
        claims,
        runtime,
        now,
        lifetime,
    )
}
