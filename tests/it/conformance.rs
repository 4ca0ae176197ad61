//! Conformance fuzzing: schemathesis generates requests from the service's official API
//! descriptions (`../shared/specs/keyvault/{2026-04-01,7.5}/{keys,administration,securitydomain}.json`)
//! — valid ones and ones the schema forbids — and sends them to a live emulator with an
//! authorised token. Every response must not be a server error, must conform to the schema
//! (status code, content type, headers, body), requests the schema forbids must be refused, and
//! the emulator must still answer afterwards. The documented deviations are listed, with their
//! reasons, in `tests/conformance/schemathesis.toml` and in the README.
//!
//! schemathesis comes from `MHSM_SCHEMATHESIS`, else `./.venv-conformance` (created by
//! `./test.sh` from `tests/conformance/requirements.txt`); without it the test fails when
//! `MHSM_INTEROP_REQUIRED` is set (CI) and is skipped with a notice otherwise. The budget is
//! `MHSM_CONFORMANCE_SECONDS` per description (default 20; `bench/` style longer runs: set it).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;

use crate::keys_emulator::Ctx;

fn schemathesis() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MHSM_SCHEMATHESIS") {
        return Some(PathBuf::from(p));
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-conformance/bin/schemathesis");
    if venv.exists() {
        return Some(venv);
    }
    assert!(
        std::env::var_os("MHSM_INTEROP_REQUIRED").is_none(),
        "MHSM_INTEROP_REQUIRED is set but schemathesis was not found (run ./test.sh)"
    );
    None
}

/// The keys the fuzzing finds (their names are in the config's `keys` dictionary).
const KEYS: [(&str, &str); 3] = [
    ("conform-rsa", r#"{"kty":"RSA-HSM","key_size":2048}"#),
    ("conform-ec", r#"{"kty":"EC-HSM","crv":"P-256"}"#),
    ("conform-aes", r#"{"kty":"oct-HSM","key_size":256}"#),
];

#[test]
fn the_data_plane_conforms_to_the_official_api_descriptions() {
    let Some(st) = schemathesis() else {
        eprintln!(
            "SKIPPED conformance fuzzing: no schemathesis (run ./test.sh to create .venv-conformance)"
        );
        return;
    };
    let secs: u64 = std::env::var("MHSM_CONFORMANCE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let cx = Ctx::pre_activated();
    let h = cx.hsm("conform");
    let mut versions = Vec::new();
    for (name, body) in KEYS {
        let k = h.create(name, serde_json::from_str(body).unwrap());
        let kid = k["key"]["kid"].as_str().unwrap();
        versions.push(kid.rsplit('/').next().unwrap().to_string());
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let specs = manifest.join("../shared/specs/keyvault");
    let work = tempfile::tempdir().unwrap();
    let config = write_config(work.path(), &manifest, &versions);
    let token = cx
        .emu
        .token("security-officer", "https://managedhsm.azure.net");
    let mut failed = Vec::new();
    for (version, api) in [
        ("2026-04-01", "keys"),
        ("2026-04-01", "administration"),
        ("2026-04-01", "securitydomain"),
        ("7.5", "administration"),
        ("7.5", "securitydomain"),
    ] {
        let spec = specs.join(version).join(format!("{api}.json"));
        let out = Command::new(&st)
            .arg("--config-file")
            .arg(&config)
            .arg("run")
            .arg(&spec)
            .args(["--url", &h.base])
            .args(["-H", &format!("Authorization: Bearer {token}")])
            .arg("--tls-verify")
            .arg(cx.emu.state().join("ca.pem"))
            .args(["--max-time", &secs.to_string(), "--seed", "20261202"])
            .args(["--no-color", "--output-truncate", "true"])
            .env("MHSM_API_VERSION", version)
            .current_dir(work.path())
            .output()
            .expect("run schemathesis");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let summary = stdout
            .lines()
            .filter(|l| l.contains(" generated, "))
            .collect::<Vec<_>>()
            .join(" ");
        eprintln!("conformance {version}/{api}.json: {}", summary.trim());
        if !out.status.success() {
            failed.push(format!(
                "==== {version}/{api}.json (schemathesis exit {:?}) ====\n{}\n{}",
                out.status.code(),
                failures(&stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        // The emulator is healthy after each description's run: it still answers a key read.
        let (s, v) = h.call("GET", "/keys/conform-rsa", None);
        assert!(
            s == 200 || s == 404,
            "the emulator is not healthy after fuzzing {version}/{api}.json: {s} {v}"
        );
    }
    assert!(
        failed.is_empty(),
        "conformance fuzzing found responses the official API description does not allow \
         (each names the request; reproduce with the curl line shown):\n{}",
        failed.join("\n")
    );
    // And writes still work.
    h.create("after-fuzzing", json!({"kty": "EC-HSM", "crv": "P-256"}));
}

/// The checked-in config with the key versions the fuzzing should find.
fn write_config(dir: &Path, manifest: &Path, versions: &[String]) -> PathBuf {
    let text = std::fs::read_to_string(manifest.join("tests/conformance/schemathesis.toml"))
        .expect("tests/conformance/schemathesis.toml");
    let list = versions
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let text = text.replace("\"@KEY_VERSIONS@\"", &list);
    let path = dir.join("schemathesis.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The FAILURES section of schemathesis's report (each failure with its reproducing request).
fn failures(stdout: &str) -> String {
    match stdout.find("FAILURES") {
        Some(i) => stdout[i..].to_string(),
        None => stdout.to_string(),
    }
}
