//! Test harness: a real `mhsm-emulator` process on 127.0.0.1:0 in a temporary state directory,
//! and the real `mhsm` binary run against it with a cleared environment, signed in as one of
//! the emulator's principals. Outputs are redacted (ids, times, ports) for snapshots.

use serde_json::Value;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const MHSM: &str = env!("CARGO_BIN_EXE_mhsm");
pub const EMULATOR: &str = env!("CARGO_BIN_EXE_mhsm-emulator");

/// A running emulator, killed on drop.
pub struct Emu {
    pub dir: tempfile::TempDir,
    child: Option<Child>,
    pub cloud: Value,
    pub principals: Value,
    extra_args: Vec<String>,
}

/// The result of one `mhsm` run.
#[derive(Debug, Clone)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Asserts success and returns self.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "command failed:\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts the exit code and returns self.
    #[track_caller]
    pub fn code(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "unexpected exit code:\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Emu {
    /// Starts an emulator with instant provisioning.
    pub fn start() -> Emu {
        Self::start_with(&["--provision-delay-ms", "0"])
    }

    pub fn start_with(args: &[&str]) -> Emu {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut emu = Emu {
            dir,
            child: None,
            cloud: Value::Null,
            principals: Value::Null,
            extra_args: args.iter().map(|s| s.to_string()).collect(),
        };
        emu.spawn(Some(0));
        emu
    }

    pub fn state(&self) -> &Path {
        self.dir.path()
    }

    fn spawn(&mut self, port: Option<u16>) {
        let cloud_file = self.state().join("cloud.json");
        let _ = std::fs::remove_file(&cloud_file);
        let mut cmd = Command::new(EMULATOR);
        cmd.arg("--state-dir").arg(self.state());
        if let Some(p) = port {
            cmd.arg("--port").arg(p.to_string());
        }
        cmd.args(&self.extra_args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn mhsm-emulator");
        let started = Instant::now();
        while !cloud_file.exists() {
            if let Ok(Some(status)) = child.try_wait() {
                let mut err = String::new();
                use std::io::Read;
                child.stderr.take().map(|mut e| e.read_to_string(&mut err));
                panic!("mhsm-emulator exited early ({status}): {err}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "emulator did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        self.cloud = read_json(&cloud_file);
        self.principals = read_json(&self.state().join("principals.json"));
        self.child = Some(child);
    }

    /// Stops the emulator with SIGKILL (crash) or SIGTERM (clean), and starts it again on the
    /// same state (and the same control port).
    pub fn restart(&mut self, crash: bool) {
        self.stop(crash);
        self.spawn(None);
    }

    pub fn stop(&mut self, crash: bool) {
        if let Some(mut c) = self.child.take() {
            if crash {
                let _ = c.kill();
            } else {
                let _ = Command::new("kill")
                    .arg("-TERM")
                    .arg(c.id().to_string())
                    .status();
            }
            let _ = c.wait();
        }
    }

    pub fn control_url(&self) -> String {
        self.cloud["arm_url"]
            .as_str()
            .unwrap()
            .trim_end_matches('/')
            .to_string()
    }

    pub fn tenant(&self) -> String {
        self.principals["tenant_id"].as_str().unwrap().to_string()
    }

    pub fn subscription(&self) -> String {
        self.principals["subscription_id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub fn principal(&self, name: &str) -> Value {
        self.principals["principals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no principal {name}"))
            .clone()
    }

    pub fn oid(&self, name: &str) -> String {
        self.principal(name)["object_id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Environment variables that sign in as `who` (a principal name), or none for `""`.
    pub fn env_for(&self, who: &str) -> Vec<(String, String)> {
        let mut env = vec![
            (
                "MHSM_CLOUD".to_string(),
                self.state().join("cloud.json").display().to_string(),
            ),
            ("AZURE_TENANT_ID".to_string(), self.tenant()),
        ];
        if who.is_empty() {
            return env;
        }
        let p = self.principal(who);
        let c = &p["credential"];
        if let Some(secret) = c["client_secret"]["client_secret"].as_str() {
            env.push((
                "AZURE_CLIENT_ID".into(),
                p["client_id"].as_str().unwrap().into(),
            ));
            env.push(("AZURE_CLIENT_SECRET".into(), secret.into()));
        } else if let Some(pw) = c["password"]["password"].as_str() {
            env.push((
                "AZURE_USERNAME".into(),
                c["password"]["username"].as_str().unwrap().into(),
            ));
            env.push(("AZURE_PASSWORD".into(), pw.into()));
        } else if let Some(ep) = c["managed_identity"]["identity_endpoint"].as_str() {
            env.push(("IDENTITY_ENDPOINT".into(), ep.into()));
            env.push((
                "IDENTITY_HEADER".into(),
                c["managed_identity"]["identity_header"]
                    .as_str()
                    .unwrap()
                    .into(),
            ));
            env.push((
                "AZURE_CLIENT_ID".into(),
                p["client_id"].as_str().unwrap().into(),
            ));
        } else {
            panic!("{who} cannot sign in");
        }
        env
    }

    /// Runs `mhsm` as `who` with a cleared environment.
    pub fn mhsm(&self, who: &str, args: &[&str]) -> Out {
        self.mhsm_env(who, args, &[])
    }

    pub fn mhsm_env(&self, who: &str, args: &[&str], extra: &[(&str, &str)]) -> Out {
        let mut cmd = Command::new(MHSM);
        cmd.args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.state());
        for (k, v) in self.env_for(who) {
            cmd.env(k, v);
        }
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let o = cmd.output().expect("run mhsm");
        Out {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    /// Creates an HSM as `hsm-operator` with `security-team` as administrators.
    pub fn create_hsm(&self, name: &str) -> Value {
        let team = self.oid("security-team");
        self.mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                name,
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &team,
                "--retention-days",
                "7",
            ],
        )
        .ok()
        .json()
    }

    /// Sends the HSM's `AuditEvent` logs to the emulator's storage account with an ARM
    /// diagnostic setting (as the subscription's Owner): like the service, the emulator writes an
    /// HSM's audit log (`audit/<hsm>.jsonl`) only while such a setting exists.
    pub fn enable_audit_log(&self, hsm: &str) {
        let sub = self.subscription();
        self.put_diagnostic_setting(
            hsm,
            "audit",
            &serde_json::json!({"properties": {
                "storageAccountId": format!("/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.Storage/storageAccounts/mhsmbackups"),
                "logs": [{"category": "AuditEvent", "enabled": true, "retentionPolicy": {"enabled": false, "days": 0}}],
            }}),
        );
    }

    /// `PUT {hsmId}/providers/Microsoft.Insights/diagnosticSettings/{name}` as the
    /// subscription's Owner; returns the setting.
    pub fn put_diagnostic_setting(&self, hsm: &str, name: &str, body: &Value) -> Value {
        let sub = self.subscription();
        let hsm_id = format!(
            "/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/{hsm}"
        );
        let token = self.token("subscription-admin", "https://management.azure.com");
        let out = Command::new("curl")
            .args(["-sS", "--fail-with-body", "-X", "PUT", "--cacert"])
            .arg(self.state().join("ca.pem"))
            .args(["-H", &format!("authorization: Bearer {token}")])
            .args(["-H", "content-type: application/json", "-d", &body.to_string()])
            .arg(format!(
                "{}{hsm_id}/providers/Microsoft.Insights/diagnosticSettings/{name}?api-version=2021-05-01-preview",
                self.control_url()
            ))
            .output()
            .expect("curl");
        assert!(
            out.status.success(),
            "diagnostic setting failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Moves the emulator clock forward.
    pub fn advance_clock(&self, seconds: i64) {
        let admin = read_json(&self.state().join("admin.json"));
        let out = Command::new("curl")
            .args(["-sS", "--fail", "--cacert"])
            .arg(self.state().join("ca.pem"))
            .args([
                "-H",
                &format!(
                    "x-emulator-admin: {}",
                    admin["admin_token"].as_str().unwrap()
                ),
            ])
            .args([
                "-H",
                "content-type: application/json",
                "-d",
                &format!("{{\"seconds\":{seconds}}}"),
            ])
            .arg(format!("{}/.emulator/clock", self.control_url()))
            .output()
            .expect("curl");
        assert!(
            out.status.success(),
            "clock advance failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A token minted by the emulator's identity provider for `who` (any principal that can
    /// sign in) and `resource`.
    pub fn token(&self, who: &str, resource: &str) -> String {
        let p = self.principal(who);
        let c = &p["credential"];
        let mut cmd = Command::new("curl");
        cmd.args(["-sS", "--fail", "--cacert"])
            .arg(self.state().join("ca.pem"));
        if let Some(ep) = c["managed_identity"]["identity_endpoint"].as_str() {
            cmd.args([
                "-G",
                "-H",
                &format!(
                    "X-IDENTITY-HEADER: {}",
                    c["managed_identity"]["identity_header"].as_str().unwrap()
                ),
            ])
            .args(["--data-urlencode", &format!("resource={resource}")])
            .args(["--data-urlencode", "api-version=2019-08-01"])
            .args([
                "--data-urlencode",
                &format!("client_id={}", p["client_id"].as_str().unwrap()),
            ])
            .arg(ep);
        } else {
            if let Some(secret) = c["client_secret"]["client_secret"].as_str() {
                cmd.args(["--data-urlencode", "grant_type=client_credentials"])
                    .args([
                        "--data-urlencode",
                        &format!("client_id={}", p["client_id"].as_str().unwrap()),
                    ])
                    .args(["--data-urlencode", &format!("client_secret={secret}")]);
            } else {
                cmd.args(["--data-urlencode", "grant_type=password"])
                    .args([
                        "--data-urlencode",
                        &format!("username={}", c["password"]["username"].as_str().unwrap()),
                    ])
                    .args([
                        "--data-urlencode",
                        &format!("password={}", c["password"]["password"].as_str().unwrap()),
                    ]);
            }
            cmd.args(["--data-urlencode", &format!("scope={resource}/.default")])
                .arg(format!(
                    "{}/{}/oauth2/v2.0/token",
                    self.control_url(),
                    self.tenant()
                ));
        }
        let out = cmd.output().expect("curl");
        assert!(
            out.status.success(),
            "token request failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["access_token"].as_str().unwrap().to_string()
    }

    /// A container SAS signed with an account key of the emulator's directory
    /// (`mhsm-emulator sas`); `expiry` is a duration such as `2h` or an RFC 3339 time.
    pub fn sas(&self, account: &str, container: &str, perms: &str, expiry: &str) -> String {
        let out = Command::new(EMULATOR)
            .args(["sas", "--state-dir"])
            .arg(self.state())
            .args(["--account", account, "--container", container])
            .args(["--permissions", perms, "--expiry", expiry])
            .output()
            .expect("mhsm-emulator sas");
        assert!(
            out.status.success(),
            "sas: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    /// Rewrites the directory (`directory.json`) and restarts the emulator to load it.
    pub fn edit_directory(&mut self, edit: impl FnOnce(&mut Value)) {
        self.stop(false);
        let path = self.state().join("directory.json");
        let mut d = read_json(&path);
        edit(&mut d);
        std::fs::write(&path, serde_json::to_string_pretty(&d).unwrap()).unwrap();
        self.spawn(None);
    }

    /// An HTTP client that trusts the emulator's CA.
    pub fn http(&self) -> reqwest::Client {
        let pem = std::fs::read(self.state().join("ca.pem")).unwrap();
        reqwest::Client::builder()
            .tls_certs_merge(reqwest::Certificate::from_pem_bundle(&pem).unwrap())
            .build()
            .unwrap()
    }
}

/// A running Azurite Blob service (npm `azurite`, installed by `./test.sh` into `.azurite/`),
/// on a free loopback port with its data in a temporary folder; stopped on drop.
pub struct Azurite {
    child: Child,
    pub port: u16,
    _data: tempfile::TempDir,
}

/// Azurite's well-known development account and key (public, documented by Microsoft).
pub const AZURITE_ACCOUNT: &str = "devstoreaccount1";
pub const AZURITE_KEY: &str =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

impl Azurite {
    /// Starts Azurite from `MHSM_AZURITE` (else `./.azurite`). `None` (with a notice) when it is
    /// not installed, unless `MHSM_INTEROP_REQUIRED` is set (CI), where that is a failure.
    pub fn start() -> Option<Azurite> {
        let bin = std::env::var_os("MHSM_AZURITE")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(".azurite/node_modules/.bin/azurite-blob")
            });
        if !bin.exists() {
            assert!(
                std::env::var_os("MHSM_INTEROP_REQUIRED").is_none(),
                "MHSM_INTEROP_REQUIRED is set but Azurite was not found at {} (run ./test.sh, or set MHSM_AZURITE)",
                bin.display()
            );
            eprintln!(
                "SKIPPED: Azurite not found at {} (run ./test.sh to install it)",
                bin.display()
            );
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let data = tempfile::tempdir().expect("tempdir");
        let mut child = Command::new(&bin)
            .args([
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                &port.to_string(),
                "--location",
            ])
            .arg(data.path())
            .args([
                "--skipApiVersionCheck",
                "--disableTelemetry",
                "--loose",
                "--silent",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = child.try_wait() {
                let mut err = String::new();
                use std::io::Read;
                child.stderr.take().map(|mut e| e.read_to_string(&mut err));
                panic!("azurite-blob exited early ({status}): {err}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "Azurite did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(Azurite {
            child,
            port,
            _data: data,
        })
    }

    /// The development account's Blob endpoint (path-style).
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/{AZURITE_ACCOUNT}", self.port)
    }
}

impl Drop for Azurite {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Emu {
    fn drop(&mut self) {
        self.stop(true);
    }
}

pub fn read_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap()
}

/// Replaces volatile parts (GUIDs, times, ports, hex versions) with stable placeholders.
pub fn redact(s: &str) -> String {
    use std::sync::OnceLock;
    static RES: OnceLock<Vec<(regex_lite::Regex, &'static str)>> = OnceLock::new();
    let res = RES.get_or_init(|| {
        vec![
            (
                regex_lite::Regex::new(
                    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                )
                .unwrap(),
                "[GUID]",
            ),
            (
                regex_lite::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)")
                    .unwrap(),
                "[TIME]",
            ),
            (
                regex_lite::Regex::new(r"127\.0\.0\.1:\d+").unwrap(),
                "127.0.0.1:[PORT]",
            ),
            (
                regex_lite::Regex::new(r"\b[0-9a-f]{32}\b").unwrap(),
                "[HEX32]",
            ),
        ]
    });
    let mut out = s.to_string();
    for (re, rep) in res {
        out = re.replace_all(&out, *rep).into_owned();
    }
    out
}
