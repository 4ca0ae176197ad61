//! Talking to a running emulator from its own command line (`mhsm-emulator private-endpoint
//! …`): the control URL from `cloud.json`, the CA from `ca.pem` and the admin token from
//! `admin.json` of its state directory.

use std::path::Path;
use std::time::Duration;

/// Sends `method` with `body` to the admin endpoint `path` (e.g.
/// `/.emulator/private-endpoints`) of the emulator running on `state_dir`; returns the
/// response body, or what went wrong and what to do.
pub async fn admin_request(
    state_dir: &Path,
    method: reqwest::Method,
    path: &str,
    body: Option<&serde_json::Value>,
) -> Result<String, String> {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let read = |f: &str| {
        std::fs::read(state_dir.join(f)).map_err(|e| {
            format!(
                "cannot read {}: {e}. Is the emulator's state directory {} (--state-dir)?",
                state_dir.join(f).display(),
                state_dir.display()
            )
        })
    };
    let json = |f: &str| -> Result<serde_json::Value, String> {
        serde_json::from_slice(&read(f)?)
            .map_err(|e| format!("{} is not valid JSON: {e}", state_dir.join(f).display()))
    };
    let cloud = json("cloud.json")?;
    let admin = json("admin.json")?;
    let control = cloud["arm_url"]
        .as_str()
        .ok_or("cloud.json has no arm_url")?
        .trim_end_matches('/')
        .to_string();
    let token = admin["admin_token"]
        .as_str()
        .ok_or("admin.json has no admin_token")?;
    let ca = reqwest::Certificate::from_pem_bundle(&read("ca.pem")?)
        .map_err(|e| format!("ca.pem: {e}"))?;
    let client = reqwest::Client::builder()
        .tls_certs_merge(ca)
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())?;
    let mut req = client
        .request(method, format!("{control}{path}"))
        .header("x-emulator-admin", token);
    if let Some(b) = body {
        req = req.json(b);
    }
    let resp = req
        .send()
        .await
        .map_err(|e| {
            format!("the emulator at {control} does not answer ({e}). Start it first: mhsm-emulator --state-dir {}", state_dir.display())
        })?;
    let status = resp.status();
    let text = resp.text().await.map_err(|e| e.to_string())?;
    if !status.is_success() {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let msg = v["error"]["message"].as_str().unwrap_or(&text);
        let code = v["error"]["code"].as_str().unwrap_or("");
        return Err(format!("({code}) {msg}"));
    }
    Ok(text)
}
