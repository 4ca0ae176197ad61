//! `mhsm-emulator --hsm NAME`: an HSM to code against, without the security-domain ceremony.
//!
//! At start the emulator plays the people a real HSM needs, through its own public APIs (HTTPS,
//! tokens of its own identity provider), so the result is exactly what they would have made:
//! the subscription's owner (`subscription-admin`) creates the HSM through ARM with the chosen
//! principal as its initial administrator; that principal downloads the security domain
//! (3 fresh RSA-2048 wrapping keys, quorum 2), which activates the HSM; and it grants itself
//! Managed HSM Crypto User and Crypto Officer at `/` (keys: create, use, delete, recover,
//! purge). The security domain and its wrapping keys stay in `DIR/hsms/NAME/` (`sd.json`,
//! `sd-wrapping-key-{1,2,3}.pem` + `.cer`) for recovery drills. Every step is skipped when
//! already done, so restarts keep the same HSM and keys.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use super::Emulator;
use super::directory::write_atomic;
use crate::crypto::cert::{Certificate, download_request_body};
use crate::wire::cloud::PrincipalKind;
use crate::wire::rbac::{BUILT_IN_ROLES, RBAC_API_VERSION, ROLE_DEFINITION_ID_PREFIX};
use crate::wire::security_domain::SD_API_VERSION;

/// The principal that creates HSMs (the default directory's subscription Owner).
const OWNER: &str = "subscription-admin";
/// Roles the developer gets at `/`.
const DEV_ROLES: &[&str] = &["Managed HSM Crypto User", "Managed HSM Crypto Officer"];
const ARM_AUDIENCE: &str = "https://management.core.windows.net/";
const HSM_AUDIENCE: &str = "https://managedhsm.azure.net";

/// What `--hsm` made (printed in the banner).
#[derive(Debug, Clone)]
pub struct DevHsm {
    pub name: String,
    pub uri: String,
    pub principal: String,
    /// `DIR/hsms/NAME`: the security domain and its wrapping keys.
    pub dir: PathBuf,
}

struct Caller {
    http: reqwest::Client,
}

impl Caller {
    async fn call(
        &self,
        method: reqwest::Method,
        url: &str,
        token: &str,
        body: Option<&Value>,
    ) -> Result<(u16, Value), String> {
        let mut req = self.http.request(method.clone(), url).bearer_auth(token);
        if let Some(b) = body {
            req = req.json(b);
        }
        let resp = req
            .send()
            .await
            .map_err(|e| format!("{method} {url}: {e}"))?;
        let status = resp.status().as_u16();
        let text = resp
            .text()
            .await
            .map_err(|e| format!("{method} {url}: {e}"))?;
        Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
    }

    /// A call that must succeed (2xx), else its Azure error.
    async fn ok(
        &self,
        method: reqwest::Method,
        url: &str,
        token: &str,
        body: Option<&Value>,
    ) -> Result<Value, String> {
        let (status, v) = self.call(method.clone(), url, token, body).await?;
        if !(200..300).contains(&status) {
            return Err(format!(
                "{method} {url}: {status} ({}) {}",
                v["error"]["code"].as_str().unwrap_or_default(),
                v["error"]["message"].as_str().unwrap_or_default()
            ));
        }
        Ok(v)
    }
}

fn token(emu: &Emulator, name: &str, audience: &str) -> Result<String, String> {
    let p = emu
        .directory
        .read()
        .expect("directory lock")
        .find(name)
        .ok_or_else(|| format!("--hsm: the directory has no principal '{name}'"))?;
    if p.kind == PrincipalKind::Group {
        return Err(format!(
            "--hsm: '{name}' is a group; choose a user, service principal or managed identity"
        ));
    }
    Ok(emu.mint_token(&p, None, audience).0)
}

/// A fresh RSA-2048 wrapping key and its self-signed certificate.
fn wrapping_key(i: usize) -> Result<(String, Certificate), String> {
    let key = crate::crypto::privkey::generate_rsa(2048).map_err(|e| e.to_string())?;
    let kp = rcgen::KeyPair::from_pkcs8_der_and_sign_algo(
        &key.pkcs8_der().into(),
        &rcgen::PKCS_RSA_SHA256,
    )
    .map_err(|e| format!("wrapping key: {e}"))?;
    let mut params = rcgen::CertificateParams::default();
    let mut dn = rcgen::DistinguishedName::new();
    dn.push(
        rcgen::DnType::CommonName,
        format!("mhsm-emulator security domain wrapping key {i}"),
    );
    params.distinguished_name = dn;
    let cert = params
        .self_signed(&kp)
        .map_err(|e| format!("wrapping certificate: {e}"))?;
    let cert = Certificate::from_der(cert.der()).map_err(|e| e.to_string())?;
    Ok((key.to_pkcs8_pem().to_string(), cert))
}

/// Creates, activates and grants `name` for `principal` unless already done.
pub async fn ensure(emu: &Arc<Emulator>, name: &str, principal: &str) -> Result<DevHsm, String> {
    let ca =
        std::fs::read(emu.ca_file()).map_err(|e| format!("{}: {e}", emu.ca_file().display()))?;
    let ca = reqwest::Certificate::from_pem_bundle(&ca).map_err(|e| format!("ca.pem: {e}"))?;
    let http = reqwest::Client::builder()
        .tls_certs_merge(ca)
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| e.to_string())?;
    let c = Caller { http };
    let (oid, rg) = {
        let dir = emu.directory.read().expect("directory lock");
        let oid = dir
            .find(principal)
            .ok_or_else(|| {
                format!("--hsm: the directory has no principal '{principal}' (see principals.json)")
            })?
            .object_id;
        let rg = dir
            .resource_groups
            .iter()
            .map(|g| g.name.clone())
            .find(|g| g == "rg-hsm")
            .or_else(|| dir.resource_groups.first().map(|g| g.name.clone()))
            .ok_or("--hsm: the directory has no resource group")?;
        (oid, rg)
    };
    let arm_url = format!(
        "{}/subscriptions/{}/resourceGroups/{rg}/providers/Microsoft.KeyVault/managedHSMs/{name}?api-version={}",
        emu.urls.control,
        emu.subscription_id(),
        crate::wire::ARM_KEYVAULT_API_VERSION
    );
    let owner = token(emu, OWNER, ARM_AUDIENCE)?;
    let (status, mut hsm) = c.call(reqwest::Method::GET, &arm_url, &owner, None).await?;
    if status == 404 {
        let body = json!({
            "location": "eastus2",
            "sku": {"family": "B", "name": "Standard_B1"},
            "properties": {
                "tenantId": emu.tenant_id(),
                "initialAdminObjectIds": [oid],
                "softDeleteRetentionInDays": 7,
                "enablePurgeProtection": false,
            },
        });
        c.ok(reqwest::Method::PUT, &arm_url, &owner, Some(&body))
            .await?;
    } else if status != 200 {
        return Err(format!("--hsm: GET {arm_url}: {status} {hsm}"));
    }
    for _ in 0..600 {
        hsm = c.ok(reqwest::Method::GET, &arm_url, &owner, None).await?;
        match hsm["properties"]["provisioningState"].as_str() {
            Some("Succeeded") | Some("Activated") => break,
            Some("Failed") => return Err(format!("--hsm: provisioning {name} failed: {hsm}")),
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    let uri = hsm["properties"]["hsmUri"]
        .as_str()
        .ok_or_else(|| format!("--hsm: {name} has no hsmUri yet"))?
        .trim_end_matches('/')
        .to_string();
    let dir = emu.opts.state_dir.join("hsms").join(name);
    let dev = token(emu, principal, HSM_AUDIENCE)?;
    let active = hsm["properties"]["securityDomainProperties"]["activationStatus"].as_str()
        == Some("Active");
    if !active {
        activate(&c, &uri, &dev, &dir).await?;
    }
    for role in DEV_ROLES {
        let guid = BUILT_IN_ROLES
            .iter()
            .find(|r| r.name == *role)
            .map(|r| r.guid)
            .expect("built-in role");
        let assignment = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_URL,
            format!("mhsm-emulator/{name}/{oid}/{guid}").as_bytes(),
        );
        let url = format!(
            "{uri}/providers/Microsoft.Authorization/roleAssignments/{assignment}?api-version={RBAC_API_VERSION}"
        );
        let body = json!({"properties": {"roleDefinitionId": format!("{ROLE_DEFINITION_ID_PREFIX}{guid}"), "principalId": oid}});
        let (status, v) = c
            .call(reqwest::Method::PUT, &url, &dev, Some(&body))
            .await?;
        // 409: the assignment exists (a restart).
        if !(200..300).contains(&status) && status != 409 {
            return Err(format!(
                "--hsm: granting {role} to {principal}: {status} {v}"
            ));
        }
    }
    Ok(DevHsm {
        name: name.to_string(),
        uri,
        principal: principal.to_string(),
        dir,
    })
}

/// Downloads the security domain to 3 fresh wrapping keys (quorum 2), which activates the HSM;
/// writes them and `sd.json` to `dir`.
async fn activate(c: &Caller, uri: &str, token: &str, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut certs = Vec::new();
    for i in 1..=3 {
        let (pem, cert) = wrapping_key(i)?;
        write_atomic(&dir.join(format!("sd-wrapping-key-{i}.pem")), &pem)?;
        write_atomic(
            &dir.join(format!("sd-wrapping-key-{i}.cer")),
            &cert.to_pem(),
        )?;
        certs.push(cert);
    }
    let body: Value =
        serde_json::from_str(&download_request_body(&certs, 2)).map_err(|e| e.to_string())?;
    let url = format!("{uri}/securitydomain/download?api-version={SD_API_VERSION}");
    let v = c
        .ok(reqwest::Method::POST, &url, token, Some(&body))
        .await?;
    let sd = v["value"]
        .as_str()
        .ok_or("--hsm: the security domain download returned no value")?;
    write_atomic(&dir.join("sd.json"), sd)?;
    let pending = format!("{uri}/securitydomain/download/pending?api-version={SD_API_VERSION}");
    for _ in 0..600 {
        let s = c.ok(reqwest::Method::GET, &pending, token, None).await?;
        match s["status"].as_str() {
            Some("Success") => return Ok(()),
            Some("Failed") => return Err(format!("--hsm: security domain download failed: {s}")),
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    Err("--hsm: the security domain download did not finish in 60 s".into())
}
