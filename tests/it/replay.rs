//! Wire tests without the emulator: a replay HTTPS server answers the client with recorded
//! traffic (the az transcripts of the security-domain vectors, the recorded role shapes of
//! rest-api.md §14) and checks every request the real `mhsm` binary sends — method, path, query
//! and, where recorded, the exact body bytes — so the client cannot drift with the emulator.

use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::harness::{MHSM, Out};

/// One expected request and the recorded answer.
#[derive(Clone, Debug)]
pub struct Exchange {
    pub method: String,
    /// Path and query (`/securitydomain/download?api-version=7.5`).
    pub path: String,
    /// Exact body bytes, when recorded.
    pub body: Option<String>,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub response: String,
}

/// A running replay server.
pub struct Replay {
    pub base: String,
    pub dir: tempfile::TempDir,
    seen: Arc<Mutex<Vec<String>>>,
    remaining: Arc<Mutex<std::collections::VecDeque<Exchange>>>,
    _rt: tokio::runtime::Runtime,
}

const TENANT: &str = "00000000-0000-0000-0000-000000000000";

impl Replay {
    pub fn start(exchanges: Vec<Exchange>) -> Replay {
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let dir = tempfile::tempdir().unwrap();
        let ck = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()])
            .unwrap();
        std::fs::write(dir.path().join("ca.pem"), ck.cert.pem()).unwrap();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let base = format!("https://127.0.0.1:{port}");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let remaining = Arc::new(Mutex::new(
            exchanges
                .into_iter()
                .collect::<std::collections::VecDeque<_>>(),
        ));
        let (s2, r2, b2) = (seen.clone(), remaining.clone(), base.clone());
        let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
            let (seen, remaining, base) = (s2.clone(), r2.clone(), b2.clone());
            async move { answer(req, &seen, &remaining, &base).await }
        });
        let cert = rustls::pki_types::CertificateDer::from(ck.cert.der().to_vec());
        let key = rustls::pki_types::PrivateKeyDer::Pkcs8(ck.signing_key.serialize_der().into());
        let mut cfg = rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .unwrap();
        cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
        let _guard = rt.enter();
        let server = axum_server::from_tcp_rustls(
            listener,
            axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(cfg)),
        )
        .unwrap();
        rt.spawn(async move { server.serve(app.into_make_service()).await });
        let cloud = serde_json::json!({
            "name": "Replay", "arm_url": format!("{base}/"), "authority": base, "graph_url": format!("{base}/"),
            "arm_audience": "https://management.core.windows.net/", "graph_audience": "https://graph.microsoft.com",
            "mhsm_audience": "https://managedhsm.azure.net", "hsm_dns": {"suffix": ".managedhsm.azure.net"},
            "tenant_id": TENANT, "subscription_id": "11111111-1111-1111-1111-111111111111",
            "ca_file": dir.path().join("ca.pem"),
        });
        std::fs::write(dir.path().join("cloud.json"), cloud.to_string()).unwrap();
        Replay {
            base,
            dir,
            seen,
            remaining,
            _rt: rt,
        }
    }

    /// Runs `mhsm` against the replay server with a fixed token.
    pub fn mhsm(&self, args: &[&str]) -> Out {
        let o = std::process::Command::new(MHSM)
            .args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.dir.path())
            .env("MHSM_CLOUD", self.dir.path().join("cloud.json"))
            .env("MHSM_ACCESS_TOKEN", "FAKE-TOKEN")
            .output()
            .unwrap();
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Requests that did not match, and recorded exchanges never requested.
    pub fn problems(&self) -> Vec<String> {
        let mut p: Vec<String> = self
            .seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.starts_with("MISMATCH"))
            .cloned()
            .collect();
        for e in self.remaining.lock().unwrap().iter() {
            p.push(format!("never requested: {} {}", e.method, e.path));
        }
        p
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

async fn answer(
    req: axum::extract::Request,
    seen: &Mutex<Vec<String>>,
    remaining: &Mutex<std::collections::VecDeque<Exchange>>,
    base: &str,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let method = req.method().to_string();
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_default();
    let authorized = req.headers().contains_key("authorization");
    let body = axum::body::to_bytes(req.into_body(), usize::MAX)
        .await
        .unwrap_or_default();
    let body = String::from_utf8_lossy(&body).into_owned();
    // The Key Vault challenge for unauthenticated requests (the recording's first exchange may
    // or may not include it; clients cache it per host).
    if !authorized {
        let mut q = remaining.lock().unwrap();
        if q.front().is_some_and(|e| e.status == 401) {
            q.pop_front();
        }
        seen.lock()
            .unwrap()
            .push(format!("challenge {method} {path} body={}", body.len()));
        if !body.is_empty() {
            seen.lock().unwrap().push(format!(
                "MISMATCH: the challenge probe {method} {path} carried a body"
            ));
        }
        let mut r = (axum::http::StatusCode::UNAUTHORIZED, "").into_response();
        r.headers_mut().insert(
            "www-authenticate",
            format!("Bearer authorization=\"https://login.microsoftonline.com/{TENANT}\", resource=\"https://managedhsm.azure.net\"").parse().unwrap(),
        );
        return r;
    }
    let Some(e) = remaining.lock().unwrap().pop_front() else {
        seen.lock()
            .unwrap()
            .push(format!("MISMATCH: unexpected {method} {path}"));
        return (axum::http::StatusCode::IM_A_TEAPOT, "unexpected").into_response();
    };
    let mut s = seen.lock().unwrap();
    if e.method != method || e.path != path {
        s.push(format!(
            "MISMATCH: expected {} {}, got {method} {path}",
            e.method, e.path
        ));
    }
    // `{base}` in a recording stands for the replay server's own URL.
    if let Some(expected) = e.body.as_ref().map(|b| b.replace("{base}", base))
        && expected != body
    {
        s.push(format!(
            "MISMATCH: body of {method} {path} differs from the recording ({} vs {} bytes)",
            body.len(),
            expected.len()
        ));
    }
    s.push(format!("{method} {path}"));
    let mut r = (
        axum::http::StatusCode::from_u16(e.status).unwrap(),
        e.response.clone(),
    )
        .into_response();
    for (k, v) in &e.headers {
        let v = v
            .replace("https://sdvectors.managedhsm.azure.net", base)
            .replace("{base}", base);
        r.headers_mut().insert(
            axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    r
}

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors/security-domain")
}

/// Exchanges of an az transcript (recorded `time.sleep`s dropped; `Retry-After: 0` added to
/// polls so the test does not wait).
fn transcript(name: &str) -> Vec<Exchange> {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(vectors().join("rest").join(name)).unwrap())
            .unwrap();
    v["exchanges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e.get("request").is_some())
        .map(|e| {
            let url = url::Url::parse(e["request"]["url"].as_str().unwrap()).unwrap();
            let mut headers: Vec<(String, String)> = e["response"]["headers"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, _)| !k.eq_ignore_ascii_case("content-length"))
                .map(|(k, v)| (k.to_ascii_lowercase(), v.as_str().unwrap().to_string()))
                .collect();
            headers.push(("retry-after".into(), "0".into()));
            Exchange {
                method: e["request"]["method"].as_str().unwrap().into(),
                path: format!("{}?{}", url.path(), url.query().unwrap_or_default()),
                body: e["request"]["body"].as_str().map(str::to_string),
                status: e["response"]["status"].as_u64().unwrap() as u16,
                headers,
                response: e["response"]["body"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            }
        })
        .collect()
}

fn k(name: &str) -> String {
    vectors().join("keys").join(name).display().to_string()
}

#[test]
fn security_domain_download_sends_az_bytes_and_writes_the_value_verbatim() {
    let t: Value = serde_json::from_str(
        &std::fs::read_to_string(vectors().join("rest/download_transcript.json")).unwrap(),
    )
    .unwrap();
    let r = Replay::start(transcript("download_transcript.json"));
    let out_file = r.path("sd.json");
    let out = r
        .mhsm(&[
            "security-domain",
            "download",
            "--id",
            &r.base,
            "--sd-wrapping-keys",
            &k("wrap1.cer"),
            &k("wrap2.cer"),
            &k("wrap3.cer"),
            "--sd-quorum",
            "2",
            "--security-domain-file",
            &out_file.display().to_string(),
        ])
        .ok();
    assert_eq!(r.problems(), Vec::<String>::new());
    // az prints the last status with `statusDetails`.
    let rv = &t["command_return_value"];
    assert_eq!(
        out.json(),
        serde_json::json!({"status": rv["status"], "statusDetails": rv["status_details"]})
    );
    let written = std::fs::read_to_string(&out_file).unwrap();
    let expected =
        std::fs::read_to_string(vectors().join("rest/download_output_security_domain.json"))
            .unwrap();
    assert_eq!(
        written, expected,
        "the file is the 202's value, verbatim, as az writes it"
    );
}

#[test]
fn security_domain_init_recovery_writes_azs_pem() {
    let r = Replay::start(transcript("init_recovery_transcript.json"));
    let pem = r.path("exchange.pem");
    r.mhsm(&[
        "security-domain",
        "init-recovery",
        "--id",
        &r.base,
        "--sd-exchange-key",
        &pem.display().to_string(),
    ])
    .ok();
    assert_eq!(r.problems(), Vec::<String>::new());
    assert_eq!(
        std::fs::read(&pem).unwrap(),
        std::fs::read(vectors().join("keys/exchange.pem")).unwrap()
    );
}

#[test]
fn security_domain_upload_of_a_blob_sends_azs_body() {
    let r = Replay::start(transcript("upload_transcript.json"));
    let blob = vectors().join("inproc/restore_blob_wrap3_wrap1.json");
    let out = r
        .mhsm(&[
            "security-domain",
            "upload",
            "--id",
            &r.base,
            "--sd-file",
            &blob.display().to_string(),
            "--restore-blob",
        ])
        .ok();
    assert_eq!(r.problems(), Vec::<String>::new());
    assert_eq!(out.json()["status"], "Success");
}

#[test]
fn role_assignment_create_and_list_match_the_recorded_shapes() {
    // rest-api.md §14 (a)/(b), R1: the request body and the 201 response of a create, then the
    // definition list az reads for role names.
    let hsm_path = |p: &str| format!("{p}?api-version=7.4");
    let name = "b4b0d4f2-2c15-4b51-8d5e-6a0b2a3c4d5e";
    let oid = "3f8e5c1a-9a2b-4c5d-8e7f-0a1b2c3d4e5f";
    let rd = "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/7b127d3c-77bd-4e3e-bbe0-dbb8971fa7f8";
    let created = serde_json::json!({"id": format!("/providers/Microsoft.Authorization/roleAssignments/{name}"), "name": name, "type": "Microsoft.Authorization/roleAssignments", "properties": {"principalId": oid, "roleDefinitionId": rd, "scope": "/"}});
    let r = Replay::start(vec![
        Exchange {
            method: "PUT".into(),
            path: hsm_path(&format!(
                "/providers/Microsoft.Authorization/roleAssignments/{name}"
            )),
            // R1's member order: roleDefinitionId, then principalId.
            body: Some(format!(
                r#"{{"properties":{{"roleDefinitionId":"{rd}","principalId":"{oid}"}}}}"#
            )),
            status: 201,
            headers: vec![(
                "content-type".into(),
                "application/json; charset=utf-8".into(),
            )],
            response: created.to_string(),
        },
        // Graph enrichment fails here (no Graph in the recording): names become "Unknown", as az.
    ]);
    let out = r
        .mhsm(&[
            "role",
            "assignment",
            "create",
            "--id",
            &r.base,
            "--role",
            "Managed HSM Backup User",
            "--scope",
            "/",
            "--assignee-object-id",
            oid,
            "--name",
            name,
        ])
        .ok();
    let problems: Vec<String> = r
        .problems()
        .into_iter()
        .filter(|p| !p.contains("/v1.0/"))
        .collect();
    assert_eq!(problems, Vec::<String>::new());
    let v = out.json();
    assert_eq!(
        v["roleName"], "Managed HSM Backup User",
        "built-in names resolve without reading /"
    );
    assert_eq!(v["principalName"], "Unknown");
    assert_eq!(v["scope"], "/");
    assert_eq!(v["id"], created["id"]);
}
