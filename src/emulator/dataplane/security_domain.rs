//! The security domain of an HSM (rest-api.md §5.5, security-domain.md §9–§10): activation by
//! download (the HSM generates its master key, splits it M-of-N to the caller's certificates
//! and protects its root material in the `EncData` datums), and recovery (a new HSM publishes an
//! RSA-4096 exchange key, accepts a restore blob wrapped to it and adopts the uploaded root
//! material, after which key backups of the original HSM restore here).

use axum::Json;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use zeroize::Zeroizing;

use super::Plane;
use crate::crypto::cert::{Certificate, transfer_key_jwk};
use crate::crypto::privkey::{RsaPrivate, generate_rsa};
use crate::crypto::sd::{ShareRecipient, create_security_domain, open_restore_blob};
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::{Activation, HsmRecord};
use crate::emulator::store::{StoreError, Tx, tables};

/// Table of per-HSM secrets (sealed), keyed by HSM.
pub const SECRETS: &str = "hsm_secrets";
/// Table of security-domain operation states, keyed by HSM.
pub const SD_OPS: &str = "sd_operations";

/// The datum tags of a security domain, in the service's order (security-domain.md §10).
pub const DATUM_TAGS: [&str; 3] = [
    "hsm_backup",
    "base_enclave_backup",
    "partition_enclave_backup",
];

/// Sealed secrets of one HSM.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct HsmSecrets {
    /// The HSM's root key (the `hsm_backup` datum): protects key material and key backups.
    pub root_key: Option<String>,
    /// The two enclave datums.
    #[serde(default)]
    pub enclave: Vec<(String, String)>,
    /// PKCS#8 of the exchange (transfer) key of recovery.
    pub exchange_key: Option<String>,
    /// DER (base64) of the exchange key's certificate.
    pub exchange_cert: Option<String>,
}

/// State of a download or upload.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SdOp {
    pub failed: bool,
    pub details: String,
    #[serde(with = "time::serde::rfc3339")]
    pub done_at: OffsetDateTime,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SdOps {
    pub download: Option<SdOp>,
    pub upload: Option<SdOp>,
}

fn context(hsm: &str, what: &str) -> String {
    format!("hsm/{hsm}/{what}")
}

/// Removes the security-domain state of an HSM (purge).
pub fn purge_state(tx: &mut Tx<'_>, key: &str) -> Result<(), StoreError> {
    tx.delete(SECRETS, key)?;
    tx.delete(SD_OPS, key)?;
    Ok(())
}

/// The HSM's root key, when it has one (after activation or recovery).
pub fn root_key(plane: &Plane) -> ApiResult<Option<Zeroizing<Vec<u8>>>> {
    let secrets: Option<HsmSecrets> = plane.emu.store.get(SECRETS, &plane.key)?;
    match secrets.and_then(|s| s.root_key) {
        Some(sealed) => Ok(Some(
            plane
                .emu
                .sealer
                .open(&context(&plane.key, "root"), &sealed)
                .map_err(ApiError::internal)?,
        )),
        None => Ok(None),
    }
}

/// The HSM's root key, created when the HSM has none yet: an HSM activated by
/// `--pre-activate` skipped the download that creates it (a later download keeps this one).
pub fn ensure_root_key(plane: &Plane) -> ApiResult<Zeroizing<Vec<u8>>> {
    if let Some(k) = root_key(plane)? {
        return Ok(k);
    }
    let k = plane.key.clone();
    let sealer = &plane.emu.sealer;
    plane.emu.store.write(|tx| {
        let mut s: HsmSecrets = tx.get(SECRETS, &k)?.unwrap_or_default();
        match &s.root_key {
            Some(sealed) => sealer
                .open(&context(&k, "root"), sealed)
                .map_err(ApiError::internal),
            None => {
                let root = random(32);
                s.root_key = Some(sealer.seal(&context(&k, "root"), &root));
                tx.put(SECRETS, &k, &s)?;
                Ok(root)
            }
        }
    })
}

fn random(n: usize) -> Zeroizing<Vec<u8>> {
    let mut v = Zeroizing::new(vec![0u8; n]);
    aws_lc_rs::rand::fill(&mut v[..]).expect("system randomness");
    v
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request("BadParameter", msg)
}

fn pending_url(plane: &Plane, hsm: &HsmRecord, op: &str, api_version: &str) -> String {
    let _ = plane;
    format!(
        "{}securitydomain/{op}/pending?api-version={api_version}",
        hsm.hsm_uri()
    )
}

#[derive(Deserialize)]
struct DownloadRequest {
    certificates: Vec<serde_json::Value>,
    #[serde(default = "default_required")]
    required: u32,
}

fn default_required() -> u32 {
    2
}

/// `POST /securitydomain/download`.
pub fn download(
    plane: &Plane,
    hsm: &HsmRecord,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    let req: DownloadRequest = serde_json::from_slice(body)
        .map_err(|e| bad(format!("The security domain download request is not valid: {e}. Expected {{\"certificates\": [...], \"required\": M}}.")))?;
    let n = req.certificates.len();
    if !(3..=10).contains(&n) {
        return Err(bad(format!(
            "Between 3 and 10 certificates are required to download the security domain; {n} were given."
        )));
    }
    if !(2..=10).contains(&req.required) || req.required as usize > n {
        return Err(bad(format!(
            "The quorum (required) must be between 2 and 10 and at most the number of certificates ({n}); got {}.",
            req.required
        )));
    }
    let mut recipients = Vec::new();
    for (i, jwk) in req.certificates.iter().enumerate() {
        let der = jwk["x5c"][0]
            .as_str()
            .ok_or_else(|| bad(format!("certificates[{i}] has no x5c certificate.")))
            .and_then(|b| {
                crate::crypto::b64::b64_std_decode(b)
                    .map_err(|_| bad(format!("certificates[{i}].x5c[0] is not base64.")))
            })?;
        let cert =
            Certificate::from_der(&der).map_err(|e| bad(format!("certificates[{i}]: {e}")))?;
        if let Some(t) = jwk["x5t#S256"].as_str()
            && t != cert.x5t_s256
        {
            return Err(bad(format!(
                "certificates[{i}]: x5t#S256 does not match the certificate."
            )));
        }
        if recipients
            .iter()
            .any(|r: &ShareRecipient| r.x5t_s256 == cert.x5t_s256)
        {
            return Err(bad(format!(
                "certificates[{i}] is given twice: every share needs its own key."
            )));
        }
        recipients.push(ShareRecipient::from_certificate(&cert));
    }
    // The HSM's root material: created at the first activation, kept across re-downloads (a
    // second download re-encrypts the same security domain to new keys).
    let mut secrets: HsmSecrets = plane
        .emu
        .store
        .get(SECRETS, &plane.key)?
        .unwrap_or_default();
    let root = match &secrets.root_key {
        Some(s) => plane
            .emu
            .sealer
            .open(&context(&plane.key, "root"), s)
            .map_err(ApiError::internal)?,
        None => {
            let k = random(32);
            secrets.root_key = Some(plane.emu.sealer.seal(&context(&plane.key, "root"), &k));
            k
        }
    };
    let mut datums: Vec<(String, Zeroizing<Vec<u8>>)> = vec![(DATUM_TAGS[0].to_string(), root)];
    for tag in &DATUM_TAGS[1..] {
        let existing = secrets
            .enclave
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, s)| s.clone());
        let pt = match existing {
            Some(s) => plane
                .emu
                .sealer
                .open(&context(&plane.key, tag), &s)
                .map_err(ApiError::internal)?,
            None => {
                let v = random(64);
                secrets.enclave.push((
                    tag.to_string(),
                    plane.emu.sealer.seal(&context(&plane.key, tag), &v),
                ));
                v
            }
        };
        datums.push((tag.to_string(), pt));
    }
    let master = Zeroizing::new({
        let mut m = [0u8; 32];
        aws_lc_rs::rand::fill(&mut m).expect("system randomness");
        m
    });
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let sd = create_security_domain(&recipients, req.required as u8, &master, &datums, &rng)
        .map_err(|e| bad(format!("The security domain could not be created: {e}")))?;
    let done_at = plane.emu.clock.now() + plane.emu.opts.provision_delay;
    let key = plane.key.clone();
    plane.emu.store.write(|tx| {
        tx.put(SECRETS, &key, &secrets)?;
        let mut ops: SdOps = tx.get(SD_OPS, &key)?.unwrap_or_default();
        ops.download = Some(SdOp {
            failed: false,
            details: String::new(),
            done_at,
        });
        tx.put(SD_OPS, &key, &ops)?;
        let mut h: HsmRecord = tx
            .get(tables::HSMS, &key)?
            .ok_or_else(|| StoreError::Db("HSM vanished".into()))?;
        if h.activation != Activation::Active {
            h.activation = Activation::Active;
            h.activation_at = Some(done_at);
        }
        tx.put(tables::HSMS, &key, &h)
    })?;
    let mut resp = (
        StatusCode::ACCEPTED,
        Json(serde_json::json!({ "value": sd })),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&pending_url(plane, hsm, "download", api_version)) {
        resp.headers_mut().insert("azure-asyncoperation", v);
    }
    resp.headers_mut().insert(
        "retry-after",
        HeaderValue::from(plane.emu.opts.provision_delay.as_secs().max(1)),
    );
    Ok(resp)
}

fn status_body(
    op: Option<&SdOp>,
    now: OffsetDateTime,
    in_progress: &str,
    done: &str,
    never: &str,
) -> serde_json::Value {
    match op {
        None => serde_json::json!({"status": "NotStarted", "status_details": never}),
        Some(o) if now < o.done_at => {
            serde_json::json!({"status": "InProgress", "status_details": in_progress})
        }
        Some(o) if o.failed => serde_json::json!({"status": "Failed", "status_details": o.details}),
        Some(_) => serde_json::json!({"status": "Success", "status_details": done}),
    }
}

/// `GET /securitydomain/{download|upload}/pending`.
pub fn pending(
    plane: &Plane,
    hsm: &HsmRecord,
    upload: bool,
    api_version: &str,
) -> ApiResult<Response> {
    let ops: SdOps = plane.emu.store.get(SD_OPS, &plane.key)?.unwrap_or_default();
    let now = plane.emu.clock.now();
    let body = if upload {
        status_body(
            ops.upload.as_ref(),
            now,
            "The Security Domain is being restored.",
            "The security domain has been restored and the HSM is active.",
            "No security domain has been uploaded to this HSM.",
        )
    } else {
        status_body(
            ops.download.as_ref(),
            now,
            "The Security Domain is being confirmed.",
            "The security domain has been downloaded and the HSM is active.",
            "The security domain of this HSM has not been downloaded.",
        )
    };
    let mut resp = Json(body).into_response();
    if let Ok(v) = HeaderValue::from_str(&pending_url(
        plane,
        hsm,
        if upload { "upload" } else { "download" },
        api_version,
    )) {
        resp.headers_mut().insert("azure-asyncoperation", v);
    }
    Ok(resp)
}

fn exchange_key(plane: &Plane, hsm: &HsmRecord) -> ApiResult<(RsaPrivate, Certificate)> {
    let mut secrets: HsmSecrets = plane
        .emu
        .store
        .get(SECRETS, &plane.key)?
        .unwrap_or_default();
    if let (Some(k), Some(c)) = (&secrets.exchange_key, &secrets.exchange_cert) {
        let der = plane
            .emu
            .sealer
            .open(&context(&plane.key, "exchange"), k)
            .map_err(ApiError::internal)?;
        let key =
            RsaPrivate::from_pkcs8_der(&der).map_err(|e| ApiError::internal(e.to_string()))?;
        let cert = crate::crypto::b64::b64_std_decode(c)
            .ok()
            .and_then(|d| Certificate::from_der(&d).ok())
            .ok_or_else(|| ApiError::internal("stored exchange certificate is invalid"))?;
        return Ok((key, cert));
    }
    // RSA-4096 as the service's transfer key, in a certificate self-signed by "the HSM".
    let key = generate_rsa(4096).map_err(|e| ApiError::internal(e.to_string()))?;
    let kp = rcgen::KeyPair::from_pkcs8_der_and_sign_algo(
        &key.pkcs8_der().into(),
        &rcgen::PKCS_RSA_SHA256,
    )
    .map_err(|e| ApiError::internal(format!("exchange key: {e}")))?;
    let mut params = rcgen::CertificateParams::default();
    let mut dn = rcgen::DistinguishedName::new();
    dn.push(
        rcgen::DnType::CommonName,
        format!("{} security domain exchange key", hsm.name),
    );
    params.distinguished_name = dn;
    params.not_before = plane.emu.clock.now() - time::Duration::days(1);
    params.not_after = plane.emu.clock.now() + time::Duration::days(365);
    let cert = params
        .self_signed(&kp)
        .map_err(|e| ApiError::internal(format!("exchange certificate: {e}")))?;
    let der = cert.der().to_vec();
    secrets.exchange_key = Some(
        plane
            .emu
            .sealer
            .seal(&context(&plane.key, "exchange"), key.pkcs8_der()),
    );
    secrets.exchange_cert = Some(crate::crypto::b64::b64_std_encode(&der));
    let k = plane.key.clone();
    plane.emu.store.write(|tx| {
        let mut current: HsmSecrets = tx.get(SECRETS, &k)?.unwrap_or_default();
        current.exchange_key = secrets.exchange_key.clone();
        current.exchange_cert = secrets.exchange_cert.clone();
        tx.put(SECRETS, &k, &current)
    })?;
    let cert = Certificate::from_der(&der).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok((key, cert))
}

fn already_active() -> ApiError {
    ApiError::conflict(
        "Conflict",
        "The HSM is already activated: a security domain can only be uploaded to a new HSM awaiting recovery.",
    )
}

/// `GET /securitydomain/upload`: the exchange (transfer) key, `transfer_key` as a JSON *string*.
pub fn transfer_key(plane: &Plane, hsm: &HsmRecord) -> ApiResult<Response> {
    if hsm.activation == Activation::Active {
        return Err(already_active());
    }
    let (_, cert) = exchange_key(plane, hsm)?;
    let jwk = transfer_key_jwk(&cert).to_string();
    Ok(Json(serde_json::json!({"key_format": "jwk", "transfer_key": jwk})).into_response())
}

/// `POST /securitydomain/upload {"value": "<restore blob>"}`: adopts the uploaded security
/// domain; a blob that does not open fails the operation and leaves the HSM as it was.
pub fn upload(
    plane: &Plane,
    hsm: &HsmRecord,
    body: &[u8],
    api_version: &str,
) -> ApiResult<Response> {
    if hsm.activation == Activation::Active {
        return Err(already_active());
    }
    let v: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| bad(format!("The upload request is not JSON: {e}")))?;
    let blob = v["value"]
        .as_str()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| bad("The upload request needs a non-empty 'value' (the restore blob)."))?;
    let secrets: HsmSecrets = plane
        .emu
        .store
        .get(SECRETS, &plane.key)?
        .unwrap_or_default();
    if secrets.exchange_key.is_none() {
        return Err(bad(
            "This HSM has no exchange key yet: get it first (GET /securitydomain/upload, 'init-recovery').",
        ));
    }
    let (key, cert) = exchange_key(plane, hsm)?;
    let done_at = plane.emu.clock.now() + plane.emu.opts.provision_delay;
    let outcome = open_restore_blob(blob, &key, Some(&cert.x5t_s256)).and_then(|datums| {
        let root = datums
            .iter()
            .find(|(t, _)| t == DATUM_TAGS[0])
            .map(|(_, p)| p.clone())
            .ok_or_else(|| {
                crate::crypto::CryptoError::InvalidRestoreBlob("it has no hsm_backup datum".into())
            })?;
        Ok((root, datums))
    });
    let k = plane.key.clone();
    match outcome {
        Ok((root, datums)) => {
            let sealer = &plane.emu.sealer;
            plane.emu.store.write(|tx| {
                let mut s: HsmSecrets = tx.get(SECRETS, &k)?.unwrap_or_default();
                s.root_key = Some(sealer.seal(&context(&k, "root"), &root));
                s.enclave = datums
                    .iter()
                    .filter(|(t, _)| t != DATUM_TAGS[0])
                    .map(|(t, p)| (t.clone(), sealer.seal(&context(&k, t), p)))
                    .collect();
                tx.put(SECRETS, &k, &s)?;
                let mut ops: SdOps = tx.get(SD_OPS, &k)?.unwrap_or_default();
                ops.upload = Some(SdOp {
                    failed: false,
                    details: String::new(),
                    done_at,
                });
                // The uploaded domain counts as downloaded: its holders already have it.
                ops.download = Some(SdOp {
                    failed: false,
                    details: String::new(),
                    done_at,
                });
                tx.put(SD_OPS, &k, &ops)?;
                let mut h: HsmRecord = tx
                    .get(tables::HSMS, &k)?
                    .ok_or_else(|| StoreError::Db("HSM vanished".into()))?;
                h.activation = Activation::Active;
                h.activation_at = Some(done_at);
                tx.put(tables::HSMS, &k, &h)
            })?;
        }
        Err(e) => {
            plane.emu.store.write(|tx| {
                let mut ops: SdOps = tx.get(SD_OPS, &k)?.unwrap_or_default();
                ops.upload = Some(SdOp {
                    failed: true,
                    details: format!(
                        "The security domain could not be restored: {e}. The HSM is unchanged."
                    ),
                    done_at,
                });
                tx.put(SD_OPS, &k, &ops)
            })?;
        }
    }
    let mut resp = (
        StatusCode::ACCEPTED,
        Json(serde_json::json!({"status": "InProgress", "status_details": "The Security Domain is being restored."})),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&pending_url(plane, hsm, "upload", api_version)) {
        resp.headers_mut().insert("azure-asyncoperation", v);
    }
    Ok(resp)
}
