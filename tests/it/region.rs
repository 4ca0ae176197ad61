//! Multi-region HSMs: `mhsm region add|remove|list|wait` with az's outputs and warnings, the
//! secondary region's own data-plane listener (replication lag, stable port, stopped at once on
//! removal), the service's refusals, Azure RBAC, az interop, and hostile `regions` bodies.

use serde_json::{Value, json};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::az_cli::Az;
use crate::harness::{Emu, Out};

const ARM_RESOURCE: &str = "https://management.core.windows.net/";
const MHSM_RESOURCE: &str = "https://managedhsm.azure.net";
/// A SHA-256-sized digest (base64).
const DIGEST: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/// curl with the emulator's CA: (status, headers, body).
fn curl(
    emu: &Emu,
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> (u16, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let headers = dir.path().join("h");
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "-X", method, "--cacert"])
        .arg(emu.state().join("ca.pem"))
        .arg("-D")
        .arg(&headers)
        .args([
            "-H",
            "Content-Type: application/json",
            "-w",
            "\n%{http_code}",
        ]);
    if let Some(t) = token {
        cmd.args(["-H", &format!("Authorization: Bearer {t}")]);
    }
    if let Some(b) = body {
        let f = dir.path().join("body.json");
        std::fs::write(&f, b).unwrap();
        cmd.arg("--data-binary").arg(format!("@{}", f.display()));
    }
    let out = cmd.arg(url).output().expect("curl");
    if !out.status.success() {
        return (
            0,
            String::new(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, code) = text.rsplit_once('\n').unwrap();
    (
        code.trim().parse().unwrap(),
        std::fs::read_to_string(&headers).unwrap_or_default(),
        body.to_string(),
    )
}

/// The emulator's resolver answer for an HSM (`regions[].hsmUri`).
fn resolve(emu: &Emu, name: &str) -> Value {
    let (s, _, b) = curl(
        emu,
        "GET",
        &format!("{}/.emulator/dns/{name}", emu.control_url()),
        None,
        None,
    );
    assert_eq!(s, 200, "{b}");
    serde_json::from_str(&b).unwrap()
}

fn secondary_uri(emu: &Emu, name: &str) -> String {
    let v = resolve(emu, name);
    v["regions"][1]["hsmUri"]
        .as_str()
        .unwrap_or_else(|| panic!("no secondary: {v}"))
        .to_string()
}

fn region(emu: &Emu, who: &str, args: &[&str]) -> Out {
    let mut a = vec!["region"];
    a.extend_from_slice(args);
    emu.mhsm(who, &a)
}

fn grant_crypto(emu: &Emu, hsm: &str) {
    for role in ["Managed HSM Crypto Officer", "Managed HSM Crypto User"] {
        emu.mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                hsm,
                "--role",
                role,
                "--scope",
                "/",
                "--assignee",
                "security-team",
            ],
        )
        .ok();
    }
}

#[test]
fn region_add_wait_list_replica_lag_and_remove() {
    let emu = Emu::start_with(&[
        "--provision-delay-ms",
        "300",
        "--pre-activate",
        // Each "not there yet" check runs a whole mhsm process right after the write; 3 s was
        // once too short for that on a loaded 2-core CI machine.
        "--replication-delay-ms",
        "8000",
    ]);
    emu.create_hsm("geo-hsm");
    grant_crypto(&emu, "geo-hsm");
    let op = "hsm-operator";

    let added = region(
        &emu,
        op,
        &["add", "--hsm-name", "geo-hsm", "--region", "westus3"],
    )
    .ok()
    .json();
    let names: Vec<&str> = added["properties"]["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["eastus2", "westus3"]);
    region(
        &emu,
        op,
        &[
            "wait",
            "--hsm-name",
            "geo-hsm",
            "--updated",
            "--interval",
            "1",
            "--timeout",
            "30",
        ],
    )
    .ok();
    let list = region(&emu, op, &["list", "--hsm-name", "geo-hsm"])
        .ok()
        .json();
    assert_eq!(
        list,
        json!([
            {"isPrimary": true, "name": "eastus2", "provisioningState": "Succeeded"},
            {"isPrimary": false, "name": "westus3", "provisioningState": "Succeeded"}
        ])
    );
    let table = region(&emu, op, &["list", "--hsm-name", "geo-hsm", "-o", "table"]).ok();
    assert!(
        table
            .stdout
            .starts_with("IsPrimary    Name     ProvisioningState\n"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains("False        westus3  Succeeded"),
        "{}",
        table.stdout
    );

    // az's warnings: already there; the comparison is case-sensitive.
    let again = region(&emu, op, &["add", "--hsm-name", "geo-hsm", "-r", "westus3"]).ok();
    assert!(
        again
            .stderr
            .contains("WARNING: westus3 has already existed"),
        "{}",
        again.stderr
    );
    assert_eq!(again.json()["name"], "geo-hsm");
    let absent = region(
        &emu,
        op,
        &[
            "remove",
            "--hsm-name",
            "geo-hsm",
            "--region-name",
            "WestUS3",
        ],
    )
    .ok();
    assert!(
        absent.stderr.contains("WARNING: WestUS3 doesn't exist"),
        "{}",
        absent.stderr
    );

    // The secondary serves the same HSM on its own address, with the replication lag.
    let sec = secondary_uri(&emu, "geo-hsm");
    assert_ne!(sec, resolve(&emu, "geo-hsm")["hsmUri"].as_str().unwrap());
    let so = "security-officer";
    let created = emu
        .mhsm(
            so,
            &[
                "key",
                "create",
                "--hsm-name",
                "geo-hsm",
                "-n",
                "geo-key",
                "--kty",
                "EC-HSM",
                "--curve",
                "P-256",
            ],
        )
        .ok()
        .json();
    let on_sec = format!("{sec}keys/geo-key");
    let early = emu.mhsm(so, &["key", "show", "--id", &on_sec]).code(3);
    assert!(early.stderr.contains("KeyNotFound"), "{}", early.stderr);
    let deadline = Instant::now() + Duration::from_secs(30);
    let shown = loop {
        let o = emu.mhsm(so, &["key", "show", "--id", &on_sec]);
        if o.code == 0 {
            break o.json();
        }
        assert!(Instant::now() < deadline, "never replicated: {}", o.stderr);
        std::thread::sleep(Duration::from_millis(300));
    };
    assert_eq!(shown["key"]["x"], created["key"]["x"]);
    let sig = emu
        .mhsm(
            so,
            &[
                "key", "sign", "--id", &on_sec, "-a", "ES256", "--digest", DIGEST,
            ],
        )
        .ok()
        .json();
    assert_eq!(sig["algorithm"], "ES256");
    // A new version is not served by the secondary yet: the current one there is the old one.
    let rotated = emu
        .mhsm(
            so,
            &["key", "rotate", "--hsm-name", "geo-hsm", "-n", "geo-key"],
        )
        .ok()
        .json();
    assert_ne!(rotated["key"]["kid"], created["key"]["kid"]);
    let lagging = emu.mhsm(so, &["key", "show", "--id", &on_sec]).ok().json();
    assert_eq!(
        lagging["key"]["kid"].as_str().unwrap().rsplit('/').next(),
        created["key"]["kid"].as_str().unwrap().rsplit('/').next()
    );
    let tok = emu.token(so, MHSM_RESOURCE);
    let (s, h, _) = curl(
        &emu,
        "GET",
        &format!("{sec}keys?api-version=7.6"),
        Some(&tok),
        None,
    );
    assert_eq!(s, 200);
    assert!(
        h.to_ascii_lowercase()
            .contains("x-ms-keyvault-region: westus3"),
        "{h}"
    );

    // A write sent to the secondary is accepted (the service forwards it to the primary).
    let (s, _, b) = curl(
        &emu,
        "POST",
        &format!("{sec}keys/from-secondary/create?api-version=7.6"),
        Some(&tok),
        Some(r#"{"kty": "EC-HSM", "crv": "P-256"}"#),
    );
    assert_eq!(s, 200, "{b}");
    emu.mhsm(
        so,
        &[
            "key",
            "show",
            "--hsm-name",
            "geo-hsm",
            "-n",
            "from-secondary",
        ],
    )
    .ok();

    // Local RBAC replicates with the same lag: a new assignment works on the primary at once
    // and on the secondary only later; a deleted one keeps working there until its deletion
    // has replicated.
    let sec_hsm = sec.trim_end_matches('/');
    let assigned = emu
        .mhsm(
            so,
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "geo-hsm",
                "--role",
                "Managed HSM Crypto User",
                "--scope",
                "/keys/geo-key",
                "--assignee",
                &emu.oid("app-vm"),
            ],
        )
        .ok()
        .json();
    let assignment = assigned["name"].as_str().unwrap().to_string();
    let on_primary = ["key", "show", "--hsm-name", "geo-hsm", "-n", "geo-key"];
    emu.mhsm("app-vm", &on_primary).ok();
    let denied = emu
        .mhsm("app-vm", &["key", "show", "--id", &on_sec])
        .code(1);
    assert!(denied.stderr.contains("AccessDenied"), "{}", denied.stderr);
    let listed_early = emu
        .mhsm(
            so,
            &[
                "role",
                "assignment",
                "list",
                "--id",
                sec_hsm,
                "--scope",
                "/keys/geo-key",
            ],
        )
        .ok()
        .json();
    assert_eq!(listed_early, json!([]), "not replicated yet");
    let until = |want: i32| {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let o = emu.mhsm("app-vm", &["key", "show", "--id", &on_sec]);
            if o.code == want {
                return;
            }
            assert!(Instant::now() < deadline, "never replicated: {}", o.stderr);
            std::thread::sleep(Duration::from_millis(300));
        }
    };
    until(0);
    emu.mhsm(
        so,
        &[
            "role",
            "assignment",
            "delete",
            "--hsm-name",
            "geo-hsm",
            "--name",
            &assignment,
            "--scope",
            "/keys/geo-key",
        ],
    )
    .ok();
    emu.mhsm("app-vm", &on_primary).code(1);
    emu.mhsm("app-vm", &["key", "show", "--id", &on_sec]).ok();
    until(1);

    // The secondary's port survives a restart.
    let mut emu = emu;
    emu.restart(false);
    assert_eq!(secondary_uri(&emu, "geo-hsm"), sec);
    emu.mhsm(so, &["key", "show", "--id", &on_sec]).ok();

    // Removing the secondary stops its address at once.
    let removed = region(
        &emu,
        op,
        &["remove", "--hsm-name", "geo-hsm", "-r", "westus3"],
    )
    .ok()
    .json();
    assert_eq!(
        removed["properties"]["regions"].as_array().unwrap().len(),
        1,
        "{removed}"
    );
    let (s, _, _) = curl(
        &emu,
        "GET",
        &format!("{sec}keys?api-version=7.6"),
        Some(&tok),
        None,
    );
    assert_eq!(s, 0, "the removed region still answers");
    emu.mhsm(so, &["key", "show", "--id", &on_sec]).code(1);
    region(
        &emu,
        op,
        &[
            "wait",
            "--hsm-name",
            "geo-hsm",
            "--updated",
            "--interval",
            "1",
        ],
    )
    .ok();
    assert_eq!(
        region(&emu, op, &["list", "--hsm-name", "geo-hsm"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Keys written on the primary are untouched.
    emu.mhsm(
        so,
        &["key", "show", "--hsm-name", "geo-hsm", "-n", "geo-key"],
    )
    .ok();
}

#[test]
fn region_refusals_rbac_and_hostile_bodies() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0"]);
    emu.create_hsm("ref-hsm");
    let op = "hsm-operator";
    let err = |o: Out, needle: &str| {
        let o = o.code(1);
        assert!(o.stderr.contains(needle), "{needle}: {}", o.stderr);
    };
    err(
        region(
            &emu,
            op,
            &["remove", "--hsm-name", "ref-hsm", "-r", "eastus2"],
        ),
        "(BadRequest) The primary region 'eastus2'",
    );
    err(
        region(
            &emu,
            op,
            &["add", "--hsm-name", "ref-hsm", "-r", "atlantis"],
        ),
        "(LocationNotAvailableForResourceType)",
    );
    err(
        region(
            &emu,
            op,
            &["add", "--hsm-name", "ref-hsm", "-r", "East US 2"],
        ),
        "listed more than once",
    );
    // A Reader of the resource group cannot add a region.
    err(
        region(
            &emu,
            "security-officer",
            &["add", "--hsm-name", "ref-hsm", "-r", "westus3"],
        ),
        "(AuthorizationFailed)",
    );
    region(&emu, op, &["add", "--hsm-name", "ref-hsm", "-r", "westus3"]).ok();
    err(
        region(
            &emu,
            op,
            &["add", "--hsm-name", "ref-hsm", "-r", "centralus"],
        ),
        "one secondary region only",
    );
    // The Reader lists them.
    assert_eq!(
        region(&emu, "security-officer", &["list", "--hsm-name", "ref-hsm"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let url = format!(
        "{}/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/ref-hsm?api-version=2026-02-01",
        emu.control_url(),
        emu.subscription()
    );
    let tok = emu.token(op, ARM_RESOURCE);
    let many: Vec<Value> = (0..1000)
        .map(|i| json!({"name": format!("region{i}")}))
        .collect();
    let same_many: Vec<Value> = (0..1000).map(|_| json!({"name": "westus3"})).collect();
    let hostile = [
        json!("westus3"),
        json!({"name": "westus3"}),
        json!([{"name": 5}]),
        json!([null]),
        json!([{"name": "eastus2", "isPrimary": "yes"}]),
        json!([{"name": "eastus2", "isPrimary": true}, {"name": "westus3", "isPrimary": true}]),
        json!([{"name": "eastus2"}, {"name": ""}]),
        json!([{"name": "eastus2"}, {"name": "westus3", "provisioningState": ["x"]}]),
        json!([{"name": "westus3"}]),
        json!([]),
        json!(many),
        json!(same_many),
    ];
    for regions in hostile {
        for method in ["PUT", "PATCH"] {
            let body = json!({"location": "eastus2", "sku": {"family": "B", "name": "Standard_B1"},
                              "properties": {"regions": regions}});
            let (s, _, b) = curl(&emu, method, &url, Some(&tok), Some(&body.to_string()));
            let shown = regions.to_string();
            assert!(
                (400..500).contains(&s),
                "{method} {} → {s} {b}",
                &shown[..shown.len().min(80)]
            );
        }
    }
    // Nothing changed.
    let list = region(&emu, op, &["list", "--hsm-name", "ref-hsm"])
        .ok()
        .json();
    assert_eq!(list[1]["name"], "westus3");
    assert_eq!(list.as_array().unwrap().len(), 2);
    // A create request cannot bring a secondary.
    let new_url = url.replace("/ref-hsm?", "/ref-hsm2?");
    let body = json!({"location": "eastus2", "sku": {"family": "B", "name": "Standard_B1"},
        "properties": {"tenantId": emu.tenant(), "initialAdminObjectIds": [emu.oid("security-officer")],
                       "regions": [{"name": "eastus2"}, {"name": "westus3"}]}});
    let (s, _, b) = curl(&emu, "PUT", &new_url, Some(&tok), Some(&body.to_string()));
    assert_eq!(s, 400, "{b}");
}

#[test]
fn az_region_add_list_remove_print_what_mhsm_prints() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0"]);
    let Some(az) = Az::login(&emu) else {
        return;
    };
    emu.create_hsm("az-geo");
    let h = "az-geo";
    for o in ["json", "table", "tsv"] {
        let args = ["region", "list", "--hsm-name", h, "-g", "rg-hsm", "-o", o];
        az.same(&args, &args);
    }
    // az adds; mhsm then warns and prints the HSM as read: the same bytes.
    let add = ["region", "add", "--hsm-name", h, "-r", "westus3"];
    let m = az.same(&add, &add);
    assert!(
        m.stderr.contains("WARNING: westus3 has already existed"),
        "{}",
        m.stderr
    );
    let a = az.keyvault(&add);
    assert!(
        a.stderr.contains("WARNING: westus3 has already existed"),
        "{}",
        a.stderr
    );
    for o in ["json", "table"] {
        let args = ["region", "list", "--hsm-name", h, "-o", o];
        az.same(&args, &args);
    }
    // Case-sensitive: both warn.
    let absent = [
        "region",
        "remove",
        "--hsm-name",
        h,
        "--region-name",
        "WESTUS3",
    ];
    az.same(&absent, &absent);
    // The service's refusal, the same first error line.
    let primary = ["region", "remove", "--hsm-name", h, "--region", "eastus2"];
    az.same(&primary, &primary);
    // mhsm removes; az then warns and prints the HSM as read.
    let remove = ["region", "remove", "--hsm-name", h, "-r", "westus3"];
    let m = emu.mhsm("subscription-admin", &remove).ok();
    let a = az.keyvault(&remove).ok();
    assert!(
        a.stderr.contains("WARNING: westus3 doesn't exist"),
        "{}",
        a.stderr
    );
    assert_eq!(a.stdout, m.stdout);
    // mhsm adds; az reads the same HSM.
    let m = emu.mhsm("subscription-admin", &add).ok();
    let shown = az.keyvault(&["show", "--hsm-name", h]).ok();
    assert_eq!(m.stdout, shown.stdout);
    let nowait = [
        "region",
        "remove",
        "--hsm-name",
        h,
        "-r",
        "westus3",
        "--no-wait",
    ];
    let m = emu.mhsm("subscription-admin", &nowait).ok();
    assert_eq!(m.stdout, "");
    let wait = [
        "region",
        "wait",
        "--hsm-name",
        h,
        "--updated",
        "--interval",
        "1",
    ];
    az.keyvault(&wait).ok();
    let args = ["region", "list", "--hsm-name", h];
    az.same(&args, &args);
}
