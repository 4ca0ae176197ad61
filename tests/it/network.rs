//! Network rules and their enforcement: `mhsm network-rule add|remove|list|wait` with az's
//! outputs and refusals, the emulator's firewall on each HSM's data plane (client addresses in
//! 127.0.0.0/8 chosen with `curl --interface`), trusted services, audit records, az interop, and
//! hostile `networkAcls` bodies.

use serde_json::{Value, json};
use std::process::Command;

use crate::az_cli::Az;
use crate::harness::Emu;

const MHSM_RESOURCE: &str = "https://managedhsm.azure.net";
const ARM_RESOURCE: &str = "https://management.core.windows.net/";

/// One HTTPS request with curl from the source address `from` (in 127.0.0.0/8).
struct Http {
    status: u16,
    headers: String,
    body: String,
}

impl Http {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.body))
    }
}

fn curl(emu: &Emu, from: &str, method: &str, url: &str, token: &str, body: Option<&str>) -> Http {
    let dir = tempfile::tempdir().unwrap();
    let headers = dir.path().join("h");
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "--interface", from, "-X", method, "--cacert"])
        .arg(emu.state().join("ca.pem"))
        .args(["-D"])
        .arg(&headers)
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["-H", "Content-Type: application/json"])
        .args(["-w", "\n%{http_code}"]);
    if let Some(b) = body {
        let f = dir.path().join("body.json");
        std::fs::write(&f, b).unwrap();
        cmd.arg("--data-binary").arg(format!("@{}", f.display()));
    }
    let out = cmd.arg(url).output().expect("curl");
    assert!(
        out.status.success(),
        "curl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, code) = text.rsplit_once('\n').unwrap();
    Http {
        status: code.trim().parse().unwrap(),
        headers: std::fs::read_to_string(&headers).unwrap(),
        body: body.to_string(),
    }
}

fn acls(emu: &Emu, name: &str) -> Value {
    emu.mhsm(
        "hsm-operator",
        &["network-rule", "list", "--hsm-name", name],
    )
    .ok()
    .json()
}

fn rule_values(v: &Value) -> Vec<String> {
    v["ipRules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["value"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn network_rule_add_list_remove_as_az() {
    let emu = Emu::start();
    emu.create_hsm("net-hsm");
    let nr = |who: &str, args: &[&str]| {
        let mut a = vec!["network-rule"];
        a.extend_from_slice(args);
        a.extend_from_slice(&["--hsm-name", "net-hsm"]);
        emu.mhsm(who, &a)
    };

    // A new HSM allows everyone: az's default networkAcls, every member printed.
    assert_eq!(
        acls(&emu, "net-hsm"),
        json!({"bypass": "AzureServices", "defaultAction": "Allow", "ipRules": [],
               "serviceTags": null, "virtualNetworkRules": []})
    );

    // add prints the updated HSM (GET → PUT → poll → GET); values are kept as typed.
    let hsm = nr(
        "hsm-operator",
        &["add", "--ip-address", "10.0.0.0/24", "1.2.3.4"],
    )
    .ok()
    .json();
    assert_eq!(hsm["name"], "net-hsm");
    assert_eq!(
        rule_values(&hsm["properties"]["networkAcls"]),
        ["10.0.0.0/24", "1.2.3.4"]
    );

    // Overlapping inputs are refused before anything is sent, with az's text.
    let o = nr(
        "hsm-operator",
        &["add", "--ip-address", "10.1.0.0/16", "10.1.2.3"],
    )
    .code(1);
    assert_eq!(
        o.stderr.lines().next().unwrap(),
        "ERROR: ip addresses 10.1.0.0/16 and 10.1.2.3/32 provided are overlapping: --ip_address ip1 [ip2]..."
    );
    // An input overlapping an existing rule is skipped with az's warning; the rest is added.
    let o = nr(
        "hsm-operator",
        &["add", "--ip-address", "10.0.0.5", "5.6.7.8"],
    )
    .ok();
    assert!(
        o.stderr.contains(
            "WARNING: IP/CIDR 10.0.0.5 overlaps with 10.0.0.0/24, which exists already. Not adding duplicates."
        ),
        "{}",
        o.stderr
    );
    assert_eq!(
        rule_values(&o.json()["properties"]["networkAcls"]),
        ["10.0.0.0/24", "1.2.3.4", "5.6.7.8"]
    );
    // Nothing new: the HSM is printed as it is (no update).
    let before = emu
        .mhsm("hsm-operator", &["show", "--hsm-name", "net-hsm"])
        .ok()
        .stdout;
    let o = nr("hsm-operator", &["add", "--ip-address", "1.2.3.4/32"]).ok();
    assert_eq!(o.stdout, before);
    assert!(
        o.stderr
            .contains("overlaps with 1.2.3.4, which exists already")
    );

    // Virtual-network rules are refused for HSMs, as az does; malformed inputs are usage errors.
    let o = nr(
        "hsm-operator",
        &["add", "--subnet", "s1", "--vnet-name", "v1"],
    )
    .code(1);
    assert_eq!(
        o.stderr.lines().next().unwrap(),
        "ERROR: --subnet and --vnet-name are not supported for MHSM yet"
    );
    let o = nr("hsm-operator", &["add", "--ip-address", "10.0.0.1/24"]).code(2);
    assert!(o.stderr.contains("host bits set"), "{}", o.stderr);
    nr("hsm-operator", &["add", "--ip-address", "1.2.3.4/33"]).code(2);

    // A Reader cannot change the rules (ARM 403) and nothing changes.
    let o = nr("reader", &["add", "--ip-address", "9.9.9.9"]).code(1);
    assert!(
        o.stderr.contains("Hint: This needs an Azure RBAC role"),
        "{}",
        o.stderr
    );
    assert_eq!(
        rule_values(&acls(&emu, "net-hsm")),
        ["10.0.0.0/24", "1.2.3.4", "5.6.7.8"]
    );

    // remove matches by network: 1.2.3.4/32 removes 1.2.3.4.
    let hsm = nr(
        "hsm-operator",
        &["remove", "--ip-address", "1.2.3.4/32", "5.6.7.8"],
    )
    .ok()
    .json();
    assert_eq!(
        rule_values(&hsm["properties"]["networkAcls"]),
        ["10.0.0.0/24"]
    );

    // --no-wait prints nothing; network-rule wait --updated returns once the update is done.
    let o = nr(
        "hsm-operator",
        &["add", "--ip-address", "8.8.8.8", "--no-wait"],
    )
    .ok();
    assert_eq!(o.stdout, "");
    nr(
        "hsm-operator",
        &["wait", "--updated", "--interval", "1", "--timeout", "60"],
    )
    .ok();
    assert_eq!(
        rule_values(&acls(&emu, "net-hsm")),
        ["10.0.0.0/24", "8.8.8.8"]
    );
}

fn audit_lines(emu: &Emu, hsm: &str) -> Vec<Value> {
    std::fs::read_to_string(emu.state().join("audit").join(format!("{hsm}.jsonl")))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn ip_rules_let_only_allowed_client_addresses_in() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let hsm = emu.create_hsm("fw-hsm");
    emu.enable_audit_log("fw-hsm");
    let uri = hsm["properties"]["hsmUri"].as_str().unwrap().to_string();
    let url = format!("{uri}providers/Microsoft.Authorization/roleDefinitions?api-version=7.4");
    let tok = emu.token("security-officer", MHSM_RESOURCE);

    // Open by default: every address gets in; the service's network-info header names it.
    let r = curl(&emu, "127.0.0.3", "GET", &url, &tok, None);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.headers.contains(
            "x-ms-keyvault-network-info: conn_type=Ipv4;addr=127.0.0.3;act_addr_fam=Ipv4;"
        ),
        "{}",
        r.headers
    );

    emu.mhsm(
        "hsm-operator",
        &[
            "network-rule",
            "add",
            "--hsm-name",
            "fw-hsm",
            "--ip-address",
            "127.0.0.2/32",
        ],
    )
    .ok();
    emu.mhsm(
        "hsm-operator",
        &[
            "update-hsm",
            "--hsm-name",
            "fw-hsm",
            "--default-action",
            "Deny",
        ],
    )
    .ok();

    // The allowed address gets in; another is refused with the service's error.
    let r = curl(&emu, "127.0.0.2", "GET", &url, &tok, None);
    assert_eq!(r.status, 200, "{}", r.body);
    let r = curl(&emu, "127.0.0.3", "GET", &url, &tok, None);
    assert_eq!(r.status, 403);
    let e = r.json();
    assert_eq!(e["error"]["code"], "Forbidden");
    assert_eq!(e["error"]["innererror"]["code"], "ForbiddenByFirewall");
    let msg = e["error"]["message"].as_str().unwrap();
    assert!(
        msg.starts_with(
            "Client address is not authorized and caller is not a trusted service.\r\nClient address: 127.0.0.3\r\nCaller: appid="
        ) && msg.contains("\r\nVault: fw-hsm;location=eastus2"),
        "{msg}"
    );

    // mhsm (from 127.0.0.1) explains what happened and what to do.
    let o = emu
        .mhsm("security-officer", &["key", "list", "--hsm-name", "fw-hsm"])
        .code(1);
    assert!(
        o.stderr.contains("Client address is not authorized")
            && o.stderr
                .contains("Hint: The HSM's firewall refused this client address (127.0.0.1)")
            && o.stderr
                .contains("'mhsm network-rule add --hsm-name fw-hsm --ip-address 127.0.0.1'"),
        "{}",
        o.stderr
    );
    // The management plane is not behind the firewall.
    emu.mhsm("hsm-operator", &["show", "--hsm-name", "fw-hsm"])
        .ok();

    // The refusals are audited with the client's real address.
    let refused: Vec<Value> = audit_lines(&emu, "fw-hsm")
        .into_iter()
        .filter(|a| a["httpStatusCode"] == 403)
        .collect();
    assert!(
        refused.iter().any(|a| a["callerIpAddress"] == "127.0.0.3")
            && refused.iter().any(|a| a["callerIpAddress"] == "127.0.0.1"),
        "{refused:?}"
    );
    assert!(
        audit_lines(&emu, "fw-hsm")
            .iter()
            .any(|a| a["httpStatusCode"] == 200 && a["callerIpAddress"] == "127.0.0.2")
    );

    // Allow again: everyone is back in.
    emu.mhsm(
        "hsm-operator",
        &[
            "update-hsm",
            "--hsm-name",
            "fw-hsm",
            "--default-action",
            "Allow",
        ],
    )
    .ok();
    let r = curl(&emu, "127.0.0.3", "GET", &url, &tok, None);
    assert_eq!(r.status, 200, "{}", r.body);
}

#[test]
fn public_network_access_disabled_lets_only_trusted_services_in() {
    let mut emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    // The operator flags the app-vm managed identity as a trusted service.
    emu.edit_directory(|d| {
        for m in d["managed_identities"].as_array_mut().unwrap() {
            if m["name"] == "app-vm" {
                m["trusted_service"] = json!(true);
            }
        }
    });
    let hsm = emu.create_hsm("pna-hsm");
    emu.enable_audit_log("pna-hsm");
    let uri = hsm["properties"]["hsmUri"].as_str().unwrap().to_string();
    emu.mhsm(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            "pna-hsm",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/",
            "--assignee-object-id",
            &emu.oid("app-vm"),
        ],
    )
    .ok();
    emu.mhsm(
        "hsm-operator",
        &[
            "update-hsm",
            "--hsm-name",
            "pna-hsm",
            "--public-network-access",
            "Disabled",
        ],
    )
    .ok();
    let keys = format!("{uri}keys?api-version=7.4");
    let officer = emu.token("security-officer", MHSM_RESOURCE);
    let service = emu.token("app-vm", MHSM_RESOURCE);

    // Nobody on a public address gets in, whatever the IP rules.
    let r = curl(&emu, "127.0.0.2", "GET", &keys, &officer, None);
    assert_eq!(r.status, 403);
    let e = r.json();
    assert_eq!(e["error"]["innererror"]["code"], "ForbiddenByConnection");
    assert!(
        e["error"]["message"].as_str().unwrap().starts_with(
            "Public network access is disabled and request is not from a trusted service nor via an approved private link.\r\nCaller: appid="
        ),
        "{}",
        r.body
    );
    let o = emu
        .mhsm(
            "security-officer",
            &["key", "list", "--hsm-name", "pna-hsm"],
        )
        .code(1);
    assert!(
        o.stderr
            .contains("Hint: The HSM 'pna-hsm' has public network access disabled")
            && o.stderr.contains("--public-network-access Enabled"),
        "{}",
        o.stderr
    );

    // The trusted service passes (bypass AzureServices, the default), and RBAC still applies.
    let r = curl(&emu, "127.0.0.4", "GET", &keys, &service, None);
    assert_eq!(r.status, 200, "{}", r.body);
    emu.mhsm(
        "hsm-operator",
        &["update-hsm", "--hsm-name", "pna-hsm", "--bypass", "None"],
    )
    .ok();
    let r = curl(&emu, "127.0.0.4", "GET", &keys, &service, None);
    assert_eq!(r.status, 403, "{}", r.body);

    let audit = audit_lines(&emu, "pna-hsm");
    for ip in ["127.0.0.2", "127.0.0.4", "127.0.0.1"] {
        assert!(
            audit
                .iter()
                .any(|a| a["httpStatusCode"] == 403 && a["callerIpAddress"] == ip),
            "no refused request from {ip} in {audit:?}"
        );
    }
}

#[test]
fn az_network_rule_and_mhsm_print_the_same() {
    let emu = Emu::start();
    let Some(az) = Az::login(&emu) else {
        return;
    };
    emu.create_hsm("az-net");
    let t = ["--hsm-name", "az-net", "-g", "rg-hsm"];
    fn with<'a>(args: &[&'a str], t: &[&'a str]) -> Vec<&'a str> {
        let mut a: Vec<&str> = args.to_vec();
        a.extend_from_slice(t);
        a
    }
    let both = |args: &[&str]| {
        let a = with(args, &t);
        az.same(&a, &a)
    };
    both(&["network-rule", "list"]);
    // az adds; mhsm then finds the rules present, warns, and prints the same HSM.
    let o = both(&[
        "network-rule",
        "add",
        "--ip-address",
        "10.0.0.0/24",
        "1.2.3.4",
    ]);
    assert!(o.stderr.contains("Not adding duplicates."), "{}", o.stderr);
    both(&["network-rule", "list"]);
    both(&["network-rule", "list", "-o", "table"]);
    both(&[
        "network-rule",
        "add",
        "--ip-address",
        "10.2.0.0/16",
        "10.2.3.4",
    ]);
    both(&["network-rule", "add", "--subnet", "s", "--vnet-name", "v"]);
    // mhsm removes; az then has nothing to remove and prints the same HSM.
    let a = with(&["network-rule", "remove", "--ip-address", "1.2.3.4"], &t);
    let m = emu
        .mhsm(
            "subscription-admin",
            &[
                "network-rule",
                "remove",
                "--ip-address",
                "1.2.3.4",
                "--hsm-name",
                "az-net",
                "-g",
                "rg-hsm",
            ],
        )
        .ok();
    let z = az.keyvault(&a).ok();
    assert_eq!(z.stdout, m.stdout);
    both(&["network-rule", "list"]);
}

#[test]
fn hostile_network_acls_are_refused_with_4xx() {
    let emu = Emu::start();
    emu.create_hsm("hostile-hsm");
    emu.mhsm(
        "hsm-operator",
        &[
            "network-rule",
            "add",
            "--hsm-name",
            "hostile-hsm",
            "--ip-address",
            "10.0.0.0/8",
        ],
    )
    .ok();
    let url = format!(
        "{}/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/hostile-hsm?api-version=2026-02-01",
        emu.control_url(),
        emu.subscription()
    );
    let tok = emu.token("hsm-operator", ARM_RESOURCE);
    let many: Vec<Value> = (0..10_000)
        .map(|i| json!({"value": format!("10.{}.{}.0/24", i / 256, i % 256)}))
        .collect();
    let hostile = [
        json!({"ipRules": [{"value": "1.2.3.4/33"}]}),
        json!({"ipRules": [{"value": "not-an-ip"}]}),
        json!({"ipRules": [{"value": "::1"}]}),
        json!({"ipRules": [{"value": "1.2.3.4/"}]}),
        json!({"ipRules": [{"value": "256.1.1.1"}]}),
        json!({"ipRules": [{"value": 5}]}),
        json!({"ipRules": "10.0.0.0/8"}),
        json!({"ipRules": [null]}),
        json!({"defaultAction": 7}),
        json!({"defaultAction": "Maybe"}),
        json!({"bypass": "Everything"}),
        json!({"ipRules": many}),
        json!("networkAcls"),
    ];
    for acls in hostile {
        for method in ["PUT", "PATCH"] {
            let body = json!({"location": "eastus2", "sku": {"family": "B", "name": "Standard_B1"},
                              "properties": {"networkAcls": acls}});
            let r = curl(
                &emu,
                "127.0.0.1",
                method,
                &url,
                &tok,
                Some(&body.to_string()),
            );
            assert!(
                (400..500).contains(&r.status),
                "{method} {} → {} {}",
                &acls.to_string()[..acls.to_string().len().min(80)],
                r.status,
                r.body
            );
        }
    }
    let r = curl(
        &emu,
        "127.0.0.1",
        "PATCH",
        &url,
        &tok,
        Some(r#"{"properties": {"publicNetworkAccess": "Sometimes"}}"#),
    );
    assert_eq!(r.status, 400, "{}", r.body);
    // Nothing changed.
    let v = acls(&emu, "hostile-hsm");
    assert_eq!(rule_values(&v), ["10.0.0.0/8"]);
    assert_eq!(v["defaultAction"], "Allow");
}
