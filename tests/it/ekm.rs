//! External key management end to end with the real binaries: `mhsm-emulator` (the HSM),
//! `mhsm-emulator ekm-proxy` (the customer's EKM proxy, keys in a folder) and `mhsm`. The HSM's
//! connection (create, show, check, update, delete, certificate), external RSA-3072 and AES-256
//! keys whose wraps the proxy's own key material undoes, rotation to a new external id, the
//! refusals (other operations, backup, az's flag checks, RBAC), and each proxy failure (unknown
//! key, disabled key, slow answer, wrong server CN, wrong client certificate, no connection)
//! surfacing as a clear error with nothing changed.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::harness::{EMULATOR, Emu, Out};

const HSM: &str = "ekm-hsm";
const SO: &str = "security-officer";
pub const PREFIX: &str = "/ekm/v1";

/// A running `mhsm-emulator ekm-proxy`, killed on drop.
pub struct Proxy {
    child: Child,
    pub host: String,
    pub ca: PathBuf,
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start_proxy(keys: &Path, client: &Path, tls: &Path, extra: &[&str]) -> Proxy {
    let mut child = Command::new(EMULATOR)
        .args(["ekm-proxy", "--keys"])
        .arg(keys)
        .arg("--client-ca")
        .arg(client)
        .arg("--tls-dir")
        .arg(tls)
        .args(["--path-prefix", PREFIX])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn ekm-proxy");
    let out = child.stdout.take().unwrap();
    let mut host = None;
    for line in std::io::BufReader::new(out).lines() {
        let line = line.unwrap();
        if let Some(h) = line.trim().strip_prefix("host:") {
            host = Some(h.trim().to_string());
            break;
        }
    }
    Proxy {
        child,
        host: host.expect("the proxy printed its host"),
        ca: tls.join("ekm-proxy-ca.pem"),
    }
}

/// An HSM administered by subscription-admin (az's and the SDK scripts' identity), who also holds
/// the EKM Administrator and Crypto User roles, and a proxy that allow-lists the HSM's client
/// certificate and holds one RSA-2048 key, `rsa-1`. Returns the HSM's URI, the proxy and the
/// folder that holds its keys.
pub fn admin_hsm_with_proxy(emu: &Emu, name: &str) -> (String, Proxy, tempfile::TempDir) {
    let admin = emu.oid("subscription-admin");
    let as_admin = |args: &[&str]| emu.mhsm("subscription-admin", args).ok();
    let hsm = as_admin(&[
        "create",
        "--hsm-name",
        name,
        "-g",
        "rg-hsm",
        "-l",
        "eastus2",
        "--administrators",
        &admin,
        "--retention-days",
        "7",
    ])
    .json();
    for role in ["Managed HSM EKM Administrator", "Managed HSM Crypto User"] {
        as_admin(&[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            name,
            "--role",
            role,
            "--scope",
            "/",
            "--assignee-object-id",
            &admin,
        ]);
    }
    let cert = as_admin(&["ekm-connection", "certificate", "show", "--hsm-name", name]).json();
    let work = tempfile::tempdir().unwrap();
    let keys = work.path().join("keys");
    std::fs::create_dir(&keys).unwrap();
    let client = work.path().join("client.json");
    std::fs::write(&client, cert.to_string()).unwrap();
    let pem = mhsm::crypto::privkey::generate_rsa(2048)
        .unwrap()
        .to_pkcs8_pem();
    std::fs::write(keys.join("rsa-1.pem"), pem.as_bytes()).unwrap();
    let proxy = start_proxy(&keys, &client, &work.path().join("tls"), &[]);
    let uri = hsm["properties"]["hsmUri"].as_str().unwrap().to_string();
    (uri, proxy, work)
}

fn assign(emu: &Emu, role: &str, who: &str) {
    let oid = emu.oid(who);
    emu.mhsm(
        SO,
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            HSM,
            "--role",
            role,
            "--scope",
            "/",
            "--assignee-object-id",
            &oid,
        ],
    )
    .ok();
}

fn ekm(emu: &Emu, args: &[&str]) -> Out {
    let mut a = vec!["ekm-connection"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["--hsm-name", HSM]);
    emu.mhsm(SO, &a)
}

fn key(emu: &Emu, args: &[&str]) -> Out {
    let mut a = vec!["key"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["--hsm-name", HSM]);
    emu.mhsm(SO, &a)
}

#[track_caller]
fn fails_with(out: Out, needle: &str) -> Out {
    let out = out.code(1);
    assert!(
        out.stderr.contains(needle),
        "stderr lacks {needle:?}:\n{}",
        out.stderr
    );
    out
}

fn material(path: &Path) -> mhsm::crypto::keyops::KeyMaterial {
    let pem = std::fs::read(path).unwrap();
    let der = mhsm::crypto::privkey::private_key_pem_to_pkcs8(&pem, None).unwrap();
    mhsm::crypto::keyops::KeyMaterial::from_pkcs8_der(&der).unwrap()
}

fn b64(v: &Value) -> Vec<u8> {
    STANDARD.decode(v.as_str().unwrap()).unwrap()
}

#[test]
fn ekm_connection_external_keys_and_proxy_failures() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    emu.create_hsm(HSM);
    let work = tempfile::tempdir().unwrap();
    let keys = work.path().join("keys");
    std::fs::create_dir(&keys).unwrap();

    // RBAC: the Administrator role has no EKM action; the EKM Administrator role has them.
    fails_with(ekm(&emu, &["certificate", "show"]), "ekm/read/action");
    assign(&emu, "Managed HSM EKM Administrator", SO);
    assign(&emu, "Managed HSM Crypto User", SO);
    assign(&emu, "Managed HSM Crypto Officer", SO);
    // No connection yet: show exits 3 like any missing resource.
    ekm(&emu, &["show"]).code(3);

    // The HSM's client certificate: the proxy allow-lists its CA and subject CN.
    let cert = ekm(&emu, &["certificate", "show"]).ok().json();
    assert_eq!(
        cert["subjectCommonName"],
        json!("ekm-hsm.managedhsmclient.azure.net")
    );
    assert_eq!(cert["caCertificates"].as_array().unwrap().len(), 1);
    let client = work.path().join("client.json");
    std::fs::write(&client, cert.to_string()).unwrap();

    // The proxy's keys: RSA-3072, AES-256, and an RSA key for the rotation.
    let rsa_pem = keys.join("rsa-3072.pem");
    let pem = mhsm::crypto::privkey::generate_rsa(3072)
        .unwrap()
        .to_pkcs8_pem();
    std::fs::write(&rsa_pem, pem.as_bytes()).unwrap();
    let next_pem = keys.join("rsa-next.pem");
    let pem = mhsm::crypto::privkey::generate_rsa(2048)
        .unwrap()
        .to_pkcs8_pem();
    std::fs::write(&next_pem, pem.as_bytes()).unwrap();
    let aes: Vec<u8> = (0u8..32)
        .map(|i| i.wrapping_mul(37).wrapping_add(11))
        .collect();
    std::fs::write(keys.join("aes-256.aes"), &aes).unwrap();
    let proxy = start_proxy(&keys, &client, &work.path().join("tls"), &[]);
    let ca = proxy.ca.to_str().unwrap().to_string();

    // az's checks before anything is sent.
    fails_with(
        ekm(
            &emu,
            &[
                "create",
                "--host",
                "https://x",
                "--server-ca-certificate",
                &ca,
            ],
        ),
        "ERROR: --host must not include a URL scheme (use FQDN or FQDN:port).",
    );
    fails_with(
        ekm(
            &emu,
            &[
                "create",
                "--host",
                "x",
                "--server-ca-certificate",
                &ca,
                "--path-prefix",
                "v1/",
            ],
        ),
        "ERROR: --path-prefix must start with \"/\".",
    );
    fails_with(
        ekm(
            &emu,
            &[
                "create",
                "--host",
                "x",
                "--server-ca-certificate",
                "/nope.pem",
            ],
        ),
        "ERROR: Unable to load certificate file '/nope.pem': No such file or directory.",
    );
    // The service's checks: a CA that is no certificate.
    let junk = work.path().join("junk.der");
    std::fs::write(&junk, b"not a certificate").unwrap();
    fails_with(
        ekm(
            &emu,
            &[
                "create",
                "--host",
                "x",
                "--server-ca-certificate",
                junk.to_str().unwrap(),
            ],
        ),
        "is not an X.509 certificate",
    );
    ekm(&emu, &["show"]).code(3);

    // Create, show, exists, check.
    let create = [
        "create",
        "--host",
        &proxy.host,
        "--server-ca-certificate",
        &ca,
        "--server-cn",
        "mhsm-ekm-proxy",
        "--path-prefix",
        PREFIX,
    ];
    let c = ekm(&emu, &create).ok().json();
    let ca_der = mhsm::crypto::pem::parse_pem_blocks(&std::fs::read(&proxy.ca).unwrap()).unwrap()
        [0]
    .der
    .to_vec();
    let want = json!({"host": proxy.host, "pathPrefix": PREFIX,
        "serverCaCertificates": [STANDARD.encode(&ca_der)], "serverSubjectCommonName": "mhsm-ekm-proxy"});
    assert_eq!(c, want);
    assert_eq!(ekm(&emu, &["show"]).ok().json(), want);
    fails_with(ekm(&emu, &create), "EkmConnectionAlreadyExists");
    let info = ekm(&emu, &["check"]).ok().json();
    assert_eq!(info["apiVersion"], json!("0.1-preview"));
    assert_eq!(
        info.as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "apiVersion",
            "ekmProduct",
            "ekmVendor",
            "proxyName",
            "proxyVendor"
        ]
    );

    // az's refusals of key-shape flags beside --external-key-id.
    fails_with(
        key(
            &emu,
            &[
                "create",
                "-n",
                "x",
                "--external-key-id",
                "rsa-3072",
                "--kty",
                "RSA",
                "--size",
                "2048",
            ],
        ),
        "ERROR: --kty, --size cannot be used with --external-key-id. External keys are backed by an External Key Manager and the service controls the key material.",
    );
    fails_with(
        key(&emu, &["create", "-n", "x", "--external-key-id", "a_b"]),
        "--external-key-id may contain only letters, digits, and hyphens.",
    );

    // External RSA-3072: metadata from the proxy, only wrap/unwrap.
    let rsa = key(
        &emu,
        &["create", "-n", "ext-rsa", "--external-key-id", "rsa-3072"],
    )
    .ok()
    .json();
    assert_eq!(rsa["externalKeyId"], json!("rsa-3072"));
    assert_eq!(rsa["key"]["kty"], json!("RSA-HSM"));
    assert_eq!(rsa["key"]["keyOps"], json!(["wrapKey", "unwrapKey"]));
    let local = material(&rsa_pem);
    let n = local.public_jwk().n.clone().unwrap();
    assert_eq!(b64(&rsa["key"]["n"]), n);
    assert_eq!(
        key(&emu, &["show", "-n", "ext-rsa"]).ok().json()["externalKeyId"],
        json!("rsa-3072")
    );
    let cek = [7u8; 32];
    let w = key(
        &emu,
        &[
            "wrap",
            "-n",
            "ext-rsa",
            "-a",
            "RSA-OAEP-256",
            "--value",
            &STANDARD.encode(cek),
        ],
    )
    .ok()
    .json();
    let wrapped = b64(&w["result"]);
    // The proxy's key material undoes what the HSM wrapped.
    let un = mhsm::crypto::keyops::unwrap_key(&local, "RSA-OAEP-256", &wrapped).unwrap();
    assert_eq!(&un[..], &cek);
    let u = key(
        &emu,
        &[
            "unwrap",
            "-n",
            "ext-rsa",
            "-a",
            "RSA-OAEP-256",
            "--value",
            w["result"].as_str().unwrap(),
        ],
    )
    .ok()
    .json();
    assert_eq!(b64(&u["result"]), cek);
    fails_with(
        key(
            &emu,
            &[
                "sign",
                "-n",
                "ext-rsa",
                "-a",
                "RS256",
                "--digest",
                &STANDARD.encode([1u8; 32]),
            ],
        ),
        "OperationNotSupported",
    );
    fails_with(
        key(
            &emu,
            &[
                "backup",
                "-n",
                "ext-rsa",
                "-f",
                work.path().join("b").to_str().unwrap(),
            ],
        ),
        "OperationNotSupported",
    );
    fails_with(
        key(&emu, &["rotate", "-n", "ext-rsa"]),
        "OperationNotSupported",
    );

    // External AES-256: A256KW and KWP are deterministic, so the HSM's wrap equals the local one.
    let a = key(
        &emu,
        &["create", "-n", "ext-aes", "--external-key-id", "aes-256"],
    )
    .ok()
    .json();
    assert_eq!(a["key"]["kty"], json!("oct-HSM"));
    let local_aes = mhsm::crypto::keyops::KeyMaterial::from_oct_bytes(&aes).unwrap();
    for (alg, local_alg) in [
        ("A256KW", "A256KW"),
        ("CKM_AES_KEY_WRAP_PAD", "CKM_AES_KEY_WRAP_PAD"),
    ] {
        let w = key(
            &emu,
            &[
                "wrap",
                "-n",
                "ext-aes",
                "-a",
                alg,
                "--value",
                &STANDARD.encode(cek),
            ],
        )
        .ok()
        .json();
        assert_eq!(
            b64(&w["result"]),
            mhsm::crypto::keyops::wrap_key(&local_aes, local_alg, &cek).unwrap()
        );
        let u = key(
            &emu,
            &[
                "unwrap",
                "-n",
                "ext-aes",
                "-a",
                alg,
                "--value",
                w["result"].as_str().unwrap(),
            ],
        )
        .ok()
        .json();
        assert_eq!(b64(&u["result"]), cek);
    }

    // Rotation: a new version with a new external id; the old version still reaches the old key.
    let old_version = rsa["key"]["kid"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let r2 = key(
        &emu,
        &["create", "-n", "ext-rsa", "--external-key-id", "rsa-next"],
    )
    .ok()
    .json();
    assert_eq!(r2["externalKeyId"], json!("rsa-next"));
    assert_ne!(r2["key"]["kid"], rsa["key"]["kid"]);
    let w2 = key(
        &emu,
        &[
            "wrap",
            "-n",
            "ext-rsa",
            "-a",
            "RSA-OAEP",
            "--value",
            &STANDARD.encode(cek),
        ],
    )
    .ok()
    .json();
    let un =
        mhsm::crypto::keyops::unwrap_key(&material(&next_pem), "RSA-OAEP", &b64(&w2["result"]))
            .unwrap();
    assert_eq!(&un[..], &cek);
    let w1 = key(
        &emu,
        &[
            "wrap",
            "-n",
            "ext-rsa",
            "--version",
            &old_version,
            "-a",
            "RSA-OAEP",
            "--value",
            &STANDARD.encode(cek),
        ],
    )
    .ok()
    .json();
    let un = mhsm::crypto::keyops::unwrap_key(&local, "RSA-OAEP", &b64(&w1["result"])).unwrap();
    assert_eq!(&un[..], &cek);
    assert_eq!(
        key(&emu, &["list-versions", "-n", "ext-rsa"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // A key keeps its type: no HSM-generated version of an external key.
    fails_with(
        key(&emu, &["create", "-n", "ext-rsa", "--kty", "RSA-HSM"]),
        "fixed when it is created",
    );

    // Failures surface as clear errors, and nothing changes.
    let cek_b64 = STANDARD.encode(cek);
    let wrap_rsa = [
        "wrap", "-n", "ext-rsa", "-a", "RSA-OAEP", "--value", &cek_b64,
    ];
    fails_with(
        key(
            &emu,
            &["create", "-n", "ext-missing", "--external-key-id", "nope"],
        ),
        "KeyNotFound",
    );
    key(&emu, &["show", "-n", "ext-missing"]).code(3);
    std::fs::write(keys.join("rsa-next.disabled"), b"").unwrap();
    fails_with(key(&emu, &wrap_rsa), "KeyDisabled");
    std::fs::remove_file(keys.join("rsa-next.disabled")).unwrap();
    std::fs::write(keys.join(".delay-ms"), b"600").unwrap();
    fails_with(key(&emu, &wrap_rsa), "within 250 ms");
    fails_with(ekm(&emu, &["check"]), "within 250 ms");
    std::fs::remove_file(keys.join(".delay-ms")).unwrap();
    key(&emu, &wrap_rsa).ok();
    // The proxy's certificate must carry the expected CN.
    ekm(&emu, &["update", "--server-cn", "someone-else"]).ok();
    fails_with(ekm(&emu, &["check"]), "someone-else");
    ekm(&emu, &["update", "--server-cn", "mhsm-ekm-proxy"]).ok();
    // A proxy that allow-lists another client CN refuses the HSM during the handshake.
    let strict = start_proxy(
        &keys,
        &client,
        &work.path().join("tls"),
        &["--client-cn", "other-pool"],
    );
    ekm(&emu, &["update", "--host", &strict.host]).ok();
    fails_with(ekm(&emu, &["check"]), "EkmProxyUnreachable");
    fails_with(key(&emu, &wrap_rsa), "EkmProxyUnreachable");
    ekm(&emu, &["update", "--host", &proxy.host]).ok();
    assert_eq!(ekm(&emu, &["show"]).ok().json(), want);
    ekm(&emu, &["check"]).ok();

    // Soft delete and recovery of an external key work as for any key.
    key(&emu, &["delete", "-n", "ext-aes"]).ok();
    key(&emu, &["recover", "-n", "ext-aes"]).ok();

    // Delete the connection: the keys stay, their operations fail until it is back.
    assert_eq!(ekm(&emu, &["delete"]).ok().json(), want);
    ekm(&emu, &["show"]).code(3);
    fails_with(key(&emu, &wrap_rsa), "EkmConnectionNotFound");
    key(&emu, &["show", "-n", "ext-rsa"]).ok();
}

/// One raw HTTP call to the HSM: (status, error code or the JSON body).
fn raw(emu: &Emu, token: &str, method: &str, url: &str, body: Option<Vec<u8>>) -> (u16, Value) {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let mut req = emu
                .http()
                .request(method.parse().unwrap(), url)
                .bearer_auth(token)
                .header("content-type", "application/json");
            if let Some(b) = body {
                req = req.body(b);
            }
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16();
            let v: Value = serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap_or_default();
            let v = if v["error"]["code"].is_string() {
                v["error"]["code"].clone()
            } else {
                v
            };
            (status, v)
        })
}

#[test]
fn ekm_endpoints_refuse_hostile_input_with_azure_shaped_errors() {
    let mut emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let (uri, proxy, _work) = admin_hsm_with_proxy(&emu, "ekm-raw");
    let token = emu.token("subscription-admin", "https://managedhsm.azure.net");
    let url = |p: &str| format!("{}{p}?api-version=2026-04-01", uri.trim_end_matches('/'));
    let ca = mhsm::crypto::pem::parse_pem_blocks(&std::fs::read(&proxy.ca).unwrap()).unwrap()[0]
        .der
        .to_vec();
    let good = json!({"host": proxy.host, "server_ca_certificates": [STANDARD.encode(&ca)]});
    let post = |body: Vec<u8>| raw(&emu, &token, "POST", &url("/ekm/create"), Some(body));
    let bad = |v: Value| post(v.to_string().into_bytes());
    let bad_request = (400, json!("BadParameter"));
    for body in [
        json!({"host": 1, "server_ca_certificates": [STANDARD.encode(&ca)]}),
        json!({"host": proxy.host, "server_ca_certificates": "AAAA"}),
        json!({"host": proxy.host, "server_ca_certificates": []}),
        json!({"host": proxy.host, "server_ca_certificates": ["%%%"]}),
        json!({"host": proxy.host, "server_ca_certificates": [STANDARD.encode(b"junk")]}),
        json!({"host": "https://x", "server_ca_certificates": [STANDARD.encode(&ca)]}),
        json!({"host": "x:0", "server_ca_certificates": [STANDARD.encode(&ca)]}),
        json!({"server_ca_certificates": [STANDARD.encode(&ca)]}),
        json!(["not", "an", "object"]),
    ] {
        assert_eq!(bad(body.clone()), bad_request, "{body}");
    }
    for prefix in ["api", "/api/", "/a//b", "/a b", "/a_b"] {
        let mut b = good.clone();
        b["path_prefix"] = json!(prefix);
        assert_eq!(bad(b), bad_request, "{prefix}");
    }
    let mut long = good.clone();
    long["path_prefix"] = json!(format!("/{}", "a".repeat(64)));
    assert_eq!(bad(long), bad_request);
    assert_eq!(post(b"{not json".to_vec()), bad_request);
    // A huge body is refused before it is parsed.
    assert_eq!(post(vec![b' '; 3 * 1024 * 1024]).0, 413);
    // Nothing was created by any of it.
    assert_eq!(
        raw(&emu, &token, "GET", &url("/ekm"), None),
        (404, json!("EkmConnectionNotFound"))
    );
    assert_eq!(
        raw(&emu, &token, "PATCH", &url("/ekm"), Some(b"{}".to_vec())).0,
        404
    );
    assert_eq!(raw(&emu, &token, "DELETE", &url("/ekm"), None).0, 404);
    assert_eq!(raw(&emu, &token, "POST", &url("/ekm/check"), None).0, 404);
    // Methods and paths the API does not have.
    assert_eq!(
        raw(&emu, &token, "PUT", &url("/ekm"), Some(b"{}".to_vec())).0,
        405
    );
    assert_eq!(raw(&emu, &token, "GET", &url("/ekm/create"), None).0, 405);
    assert_eq!(raw(&emu, &token, "GET", &url("/ekm/nope"), None).0, 404);
    // The good body works; an update of the wrong type changes nothing.
    assert_eq!(post(good.to_string().into_bytes()).0, 200);
    assert_eq!(
        raw(
            &emu,
            &token,
            "PATCH",
            &url("/ekm"),
            Some(br#"{"host": ["x"]}"#.to_vec())
        ),
        bad_request
    );
    assert_eq!(
        raw(
            &emu,
            &token,
            "PATCH",
            &url("/ekm"),
            Some(br#"{"path_prefix": "nope"}"#.to_vec())
        ),
        bad_request
    );
    let (s, now) = raw(&emu, &token, "GET", &url("/ekm"), None);
    assert_eq!(
        (s, &now["host"], now.get("path_prefix")),
        (200, &json!(proxy.host), None)
    );
    // The connection and the HSM's client certificate are kept in the store: a crash and a
    // restart change neither, and the proxy still accepts the HSM.
    let cert = raw(&emu, &token, "GET", &url("/ekm/certificate"), None);
    emu.restart(true);
    assert_eq!(raw(&emu, &token, "GET", &url("/ekm"), None), (200, now));
    assert_eq!(
        raw(&emu, &token, "GET", &url("/ekm/certificate"), None),
        cert
    );
    // Without the proxy's path prefix the proxy answers 404, passed through under its code.
    assert_eq!(
        raw(&emu, &token, "POST", &url("/ekm/check"), None),
        (404, json!("InvalidRequest"))
    );
    let prefix = json!({ "path_prefix": PREFIX }).to_string().into_bytes();
    assert_eq!(
        raw(&emu, &token, "PATCH", &url("/ekm"), Some(prefix)).0,
        200
    );
    assert_eq!(raw(&emu, &token, "POST", &url("/ekm/check"), None).0, 200);
    // External key bodies: a kty beside external_key, a bad external id.
    let create = |b: Value| {
        raw(
            &emu,
            &token,
            "POST",
            &url("/keys/ext/create"),
            Some(b.to_string().into_bytes()),
        )
    };
    assert_eq!(
        create(json!({"kty": "RSA", "attributes": {"external_key": {"id": "rsa-1"}}})),
        bad_request
    );
    assert_eq!(
        create(json!({"attributes": {"external_key": {"id": "a/b"}}})),
        bad_request
    );
    assert_eq!(
        create(json!({"attributes": {"external_key": {"id": 5}}})),
        bad_request
    );
    assert_eq!(raw(&emu, &token, "GET", &url("/keys/ext"), None).0, 404);
}
