//! `mhsm review` end to end: a deliberately poor HSM yields every finding (each of the 13 Azure
//! Policy built-ins and every seed practice) with its evidence and fix; an HSM set up as the
//! seeds recommend yields none; the SARIF log validates against the vendored SARIF 2.1.0 schema;
//! `--fail-on` exits 4; a caller with ARM Reader only gets the management-plane checks and the
//! list of what it had to skip. Also the emulator's diagnostic settings, which decide whether an
//! HSM writes its audit log.

use serde_json::{Value, json};
use std::collections::BTreeSet;

use crate::harness::{Emu, Out};
use crate::security_domain::keys_dir;

fn k(name: &str) -> String {
    keys_dir().join(name).display().to_string()
}

const EVERY_RULE: &[&str] = &[
    "policy-purge-protection",
    "policy-disable-public-network-access",
    "policy-configure-disable-public-network-access",
    "policy-private-link",
    "policy-configure-private-endpoints",
    "policy-resource-logs",
    "policy-diagnostic-settings-event-hub",
    "policy-key-expiration-set",
    "policy-key-expiry-days",
    "policy-rsa-minimum-size",
    "policy-ec-allowed-curves",
    "policy-allowed-key-types",
    "policy-aes-minimum-size",
    "seed-administrators-are-groups",
    "seed-one-role-per-principal",
    "seed-separation-of-duties",
    "seed-key-scoped-assignments",
    "seed-custom-roles-least-privilege",
    "seed-key-rotation-policy",
    "seed-soft-delete-retention",
    "seed-recent-full-backup",
    "seed-audit-logging",
    "seed-public-network-access",
    "seed-security-domain-certificates",
    "seed-security-domain-quorum",
];

struct Cx {
    emu: Emu,
    work: tempfile::TempDir,
}

impl Cx {
    fn path(&self, f: &str) -> String {
        self.work.path().join(f).display().to_string()
    }

    fn so(&self, args: &[&str]) -> Out {
        self.emu.mhsm("security-officer", args)
    }

    fn assign(&self, hsm: &str, role: &str, scope: &str, oid: &str) {
        self.so(&[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            hsm,
            "--role",
            role,
            "--scope",
            scope,
            "--assignee-object-id",
            oid,
        ])
        .ok();
    }

    /// Activates `hsm` (3 certificates, quorum 2); returns the SD file.
    fn activate(&self, hsm: &str) -> String {
        let sd = self.path(&format!("{hsm}.sd.json"));
        self.so(&[
            "security-domain",
            "download",
            "--hsm-name",
            hsm,
            "--sd-wrapping-keys",
            &k("wrap1.cer"),
            &k("wrap2.cer"),
            &k("wrap3.cer"),
            "--sd-quorum",
            "2",
            "--security-domain-file",
            &sd,
        ])
        .ok();
        sd
    }

    fn key(&self, hsm: &str, name: &str, args: &[&str]) {
        let mut a = vec!["key", "create", "--hsm-name", hsm, "-n", name];
        a.extend_from_slice(args);
        self.so(&a).ok();
    }

    fn rotation_policy(&self, hsm: &str, name: &str) {
        self.so(&[
            "key",
            "rotation-policy",
            "update",
            "--hsm-name",
            hsm,
            "-n",
            name,
            "--value",
            r#"{"lifetimeActions":[{"trigger":{"timeBeforeExpiry":"P30D"},"action":{"type":"Rotate"}}],"attributes":{"expiryTime":"P1Y"}}"#,
        ])
        .ok();
    }

    fn allow_arm_keys(&self, hsm: &str) {
        self.so(&[
            "setting",
            "update",
            "--hsm-name",
            hsm,
            "-n",
            "AllowKeyManagementOperationsThroughARM",
            "--value",
            "true",
        ])
        .ok();
    }

    fn storage(&self, perms: &str) -> Vec<String> {
        vec![
            "--storage-account-name".into(),
            "mhsmbackups".into(),
            "--blob-container-name".into(),
            "backups".into(),
            "-t".into(),
            self.emu.sas("mhsmbackups", "backups", perms, "2h"),
        ]
    }

    fn review(&self, who: &str, args: &[&str]) -> Out {
        let mut a = vec!["review"];
        a.extend_from_slice(args);
        self.emu.mhsm(who, &a)
    }
}

fn days_from_now(d: i64) -> String {
    let t = time::OffsetDateTime::now_utc() + time::Duration::days(d);
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        t.year(),
        u8::from(t.month()),
        t.day()
    )
}

/// The seeds' HSM: group administrators, purge protection and 90 days' retention, firewall
/// denying by default with an approved private endpoint, audit logs to storage (365 days) and an
/// Event Hub, keys with expiry and rotation, key-use rights only at key scope, a full backup, a
/// security domain 2 of 3.
fn seeded_hsm(cx: &Cx) -> String {
    let team = cx.emu.oid("security-team");
    cx.emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "good",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &team,
                "--retention-days",
                "90",
                "--enable-purge-protection",
                "true",
                "--default-action",
                "Deny",
                "--network-acls-ips",
                "127.0.0.1",
            ],
        )
        .ok();
    let sd = cx.activate("good");
    // The security officer creates the keys with a temporary key role, removed afterwards.
    let me = cx.emu.oid("security-officer");
    cx.assign("good", "Managed HSM Crypto User", "/keys", &me);
    let expires = days_from_now(365);
    cx.key(
        "good",
        "app-key",
        &["--kty", "RSA-HSM", "--size", "3072", "--expires", &expires],
    );
    cx.key(
        "good",
        "ec-key",
        &["--kty", "EC-HSM", "--curve", "P-256", "--expires", &expires],
    );
    cx.key(
        "good",
        "aes-key",
        &["--kty", "oct-HSM", "--size", "256", "--expires", &expires],
    );
    for name in ["app-key", "ec-key", "aes-key"] {
        cx.rotation_policy("good", name);
    }
    let temp: Value = cx
        .so(&[
            "role",
            "assignment",
            "list",
            "--hsm-name",
            "good",
            "--scope",
            "/keys",
        ])
        .ok()
        .json();
    let temp_id = temp
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["principalId"] == me.as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    cx.so(&[
        "role",
        "assignment",
        "delete",
        "--hsm-name",
        "good",
        "--ids",
        &temp_id,
    ])
    .ok();
    // The application uses one key; the auditors read everything.
    cx.assign(
        "good",
        "Managed HSM Crypto Service Encryption User",
        "/keys/aes-key",
        &cx.emu.oid("app-vm"),
    );
    cx.assign(
        "good",
        "Managed HSM Crypto Auditor",
        "/",
        &cx.emu.oid("auditors"),
    );
    // A least-privilege custom role: manage keys without using them.
    cx.so(&[
        "role",
        "definition",
        "create",
        "--hsm-name",
        "good",
        "--role-definition",
        r#"{"roleName":"Key Manager","description":"Manages keys, cannot use them","dataActions":["Microsoft.KeyVault/managedHsm/keys/read/action","Microsoft.KeyVault/managedHsm/keys/write/action","Microsoft.KeyVault/managedHsm/keys/create","Microsoft.KeyVault/managedHsm/keys/delete","Microsoft.KeyVault/managedHsm/keys/rotate/action"]}"#,
    ])
    .ok();
    cx.allow_arm_keys("good");
    let sub = cx.emu.subscription();
    cx.emu.put_diagnostic_setting(
        "good",
        "audit",
        &json!({"properties": {
            "storageAccountId": format!("/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.Storage/storageAccounts/mhsmbackups"),
            "eventHubAuthorizationRuleId": format!("/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.EventHub/namespaces/ns/authorizationrules/RootManageSharedAccessKey"),
            "eventHubName": "mhsm-audit",
            "logs": [{"categoryGroup": "audit", "enabled": true, "retentionPolicy": {"enabled": true, "days": 365}}],
            "metrics": [{"category": "AllMetrics", "enabled": false}],
        }}),
    );
    let (status, body) = crate::private_endpoint::connect(&cx.emu, "good", "good-pe");
    assert!(status < 300, "{body}");
    cx.emu
        .mhsm(
            "hsm-operator",
            &[
                "private-endpoint-connection",
                "approve",
                "--hsm-name",
                "good",
                "-g",
                "rg-hsm",
                "--name",
                "good-pe",
            ],
        )
        .ok();
    let storage = cx.storage("crdwl");
    let mut a = vec!["backup", "start", "--hsm-name", "good"];
    a.extend(storage.iter().map(String::as_str));
    cx.so(&a).ok();
    sd
}

/// Everything the seeds advise against.
fn poor_hsm(cx: &Cx) -> String {
    cx.emu.create_hsm("poor");
    let sd = cx.activate("poor");
    let me = cx.emu.oid("security-officer");
    // A user administrator who also uses keys, HSM-wide.
    cx.assign("poor", "Managed HSM Administrator", "/", &me);
    cx.assign("poor", "Managed HSM Crypto User", "/", &me);
    cx.assign(
        "poor",
        "Managed HSM Crypto Service Encryption User",
        "/keys",
        &cx.emu.oid("app-vm"),
    );
    cx.assign(
        "poor",
        "Managed HSM Crypto Auditor",
        "/",
        &cx.emu.oid("auditors"),
    );
    cx.so(&[
        "role",
        "definition",
        "create",
        "--hsm-name",
        "poor",
        "--role-definition",
        r#"{"roleName":"Do Everything","description":"signs and grants","dataActions":["Microsoft.KeyVault/managedHsm/keys/sign/action","Microsoft.KeyVault/managedHsm/keys/read/action","Microsoft.KeyVault/managedHsm/roleAssignments/write/action"]}"#,
    ])
    .ok();
    cx.key("poor", "weak-rsa", &["--kty", "RSA-HSM", "--size", "2048"]);
    cx.key(
        "poor",
        "odd-curve",
        &[
            "--kty",
            "EC-HSM",
            "--curve",
            "P-256K",
            "--expires",
            &days_from_now(10),
        ],
    );
    cx.key("poor", "small-aes", &["--kty", "oct-HSM", "--size", "128"]);
    cx.allow_arm_keys("poor");
    // A developer who grants access HSM-wide and signs with one key: visible only when the
    // review reads the key scopes (listing at `/` shows the HSM-wide assignments only).
    let dev = cx.emu.oid("developer");
    cx.assign("poor", "Managed HSM Policy Administrator", "/", &dev);
    cx.assign("poor", "Managed HSM Crypto User", "/keys/weak-rsa", &dev);
    // The security domain file given to the review: split over 2 certificates, quorum 2.
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&sd).unwrap()).unwrap();
    file["SharedKeys"]["enc_shares"]
        .as_array_mut()
        .unwrap()
        .truncate(2);
    let poor_sd = cx.path("poor-2of2.sd.json");
    std::fs::write(&poor_sd, file.to_string()).unwrap();
    poor_sd
}

fn rule_ids(report: &Value) -> BTreeSet<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["ruleId"].as_str().unwrap().to_string())
        .collect()
}

fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["ruleId"] == rule)
        .unwrap_or_else(|| panic!("no finding {rule}"))
}

#[test]
fn review_flags_every_practice_on_a_poor_hsm_and_none_on_a_seeded_one() {
    let cx = Cx {
        emu: Emu::start_with(&["--provision-delay-ms", "0", "--lro-retry-after", "1"]),
        work: tempfile::tempdir().unwrap(),
    };
    let good_sd = seeded_hsm(&cx);
    let poor_sd = poor_hsm(&cx);
    let storage = cx.storage("rl");
    let storage: Vec<&str> = storage.iter().map(String::as_str).collect();

    // The seeds' HSM: no finding, nothing skipped, exit 0 even with --fail-on low.
    let mut a = vec![
        "--hsm-name",
        "good",
        "--sd-file",
        &good_sd,
        "--fail-on",
        "low",
    ];
    a.extend_from_slice(&storage);
    let good = cx.review("auditor", &a).ok().json();
    assert_eq!(good["findings"], json!([]), "{good:#}");
    assert_eq!(good["skipped"], json!([]), "{good:#}");
    assert_eq!(good["summary"]["total"], 0);

    // The poor HSM: every rule, with its evidence and fix.
    let policy_params = [
        "--minimum-rsa-key-size",
        "3072",
        "--minimum-aes-key-size",
        "256",
        "--allowed-curves",
        "P-256",
        "P-384",
        "--allowed-key-types",
        "RSA-HSM",
        "EC-HSM",
    ];
    let mut a = vec!["--hsm-name", "poor", "--sd-file", &poor_sd];
    a.extend_from_slice(&policy_params);
    a.extend_from_slice(&storage);
    let poor = cx.review("auditor", &a).ok().json();
    let expected: BTreeSet<String> = EVERY_RULE.iter().map(|s| s.to_string()).collect();
    assert_eq!(rule_ids(&poor), expected, "{poor:#}");
    assert_eq!(poor["skipped"], json!([]), "{poor:#}");
    let f = finding(&poor, "policy-purge-protection");
    assert_eq!(f["severity"], "high");
    assert_eq!(
        f["source"],
        json!({"kind": "azurePolicy", "displayName": "Azure Key Vault Managed HSM should have purge protection enabled", "policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/c39ba22d-4428-4149-b981-70acb31fc383"})
    );
    assert_eq!(
        f["evidence"],
        "properties.enableSoftDelete = true, properties.enablePurgeProtection = false"
    );
    assert_eq!(
        f["fix"],
        "mhsm update-hsm --hsm-name poor -g rg-hsm --enable-purge-protection true"
    );
    let f = finding(&poor, "policy-rsa-minimum-size");
    assert_eq!(f["resource"], "/keys/weak-rsa");
    assert_eq!(
        f["evidence"],
        "key 'weak-rsa' is RSA-HSM 2048 bits (minimum 3072)"
    );
    assert_eq!(
        f["source"]["parameters"],
        json!({"minimumRSAKeySize": 3072})
    );
    let f = finding(&poor, "policy-aes-minimum-size");
    assert_eq!(
        f["evidence"],
        "key 'small-aes' is AES 128 bits (minimum 256)"
    );
    assert!(
        f["fix"].as_str().unwrap().starts_with(
            "mhsm key create --hsm-name poor -n small-aes-256 --kty oct-HSM --size 256"
        )
    );
    let f = finding(&poor, "policy-ec-allowed-curves");
    assert_eq!(
        f["evidence"],
        "key 'odd-curve' uses curve P-256K (allowed: P-256, P-384)"
    );
    let f = finding(&poor, "policy-key-expiry-days");
    assert!(
        f["evidence"]
            .as_str()
            .unwrap()
            .contains("days from now; minimum 90)"),
        "{f}"
    );
    let f = finding(&poor, "policy-allowed-key-types");
    assert_eq!(
        f["evidence"],
        "key 'small-aes' is oct-HSM (allowed: RSA-HSM, EC-HSM)"
    );
    let f = finding(&poor, "seed-administrators-are-groups");
    assert_eq!(f["source"]["kind"], "seed");
    assert!(
        f["evidence"]
            .as_str()
            .unwrap()
            .contains("is held by User security-officer@"),
        "{f}"
    );
    let f = poor["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["ruleId"] == "seed-separation-of-duties"
                && f["evidence"].as_str().unwrap().contains("security-officer")
        })
        .unwrap();
    let ev = f["evidence"].as_str().unwrap();
    assert!(
        ev.contains("Managed HSM Administrator at /")
            && ev.contains("Managed HSM Crypto User at /"),
        "{ev}"
    );
    assert!(
        f["fix"]
            .as_str()
            .unwrap()
            .starts_with("mhsm role assignment delete --hsm-name poor --ids ")
    );
    let dev = poor["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["ruleId"] == "seed-separation-of-duties"
                && f["evidence"]
                    .as_str()
                    .unwrap()
                    .contains("Managed HSM Crypto User at /keys/weak-rsa")
        })
        .unwrap_or_else(|| panic!("no separation-of-duties finding from a key scope: {poor:#}"));
    assert!(
        dev["evidence"]
            .as_str()
            .unwrap()
            .contains("Managed HSM Policy Administrator at /"),
        "{dev}"
    );
    let f = finding(&poor, "seed-custom-roles-least-privilege");
    assert!(
        f["evidence"]
            .as_str()
            .unwrap()
            .contains("(it both manages and uses keys)"),
        "{f}"
    );
    let f = finding(&poor, "seed-audit-logging");
    assert!(
        f["evidence"]
            .as_str()
            .unwrap()
            .starts_with("no diagnostic setting")
    );
    assert_eq!(
        f["fix"],
        "mhsm diagnostic-setting create --hsm-name poor -g rg-hsm -n audit --workspace <log-analytics-workspace-id>"
    );
    let f = finding(&poor, "seed-recent-full-backup");
    assert!(
        f["evidence"]
            .as_str()
            .unwrap()
            .starts_with("no full backup of 'poor' in ")
    );
    let f = finding(&poor, "seed-security-domain-quorum");
    assert!(
        f["evidence"].as_str().unwrap().ends_with(
            "quorum 2 of 2 certificate(s): losing any one key loses the security domain"
        ),
        "{f}"
    );
    let f = finding(&poor, "seed-soft-delete-retention");
    assert_eq!(
        f["evidence"],
        "properties.softDeleteRetentionInDays = 7 (minimum 90)"
    );
    // Without a diagnostic setting the HSM writes no audit log; the seeded one does.
    assert!(!cx.emu.state().join("audit").join("poor.jsonl").exists());
    assert!(cx.emu.state().join("audit").join("good.jsonl").exists());

    // CI: --fail-on exits 4 when a finding meets the threshold; the table goes to people.
    let mut a = vec!["--hsm-name", "poor", "--fail-on", "high", "-o", "table"];
    a.extend_from_slice(&storage);
    let out = cx.review("auditor", &a).code(4);
    assert!(
        out.stdout.contains("policy-purge-protection"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("finding(s) at or above high (--fail-on high)."),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("skipped seed-security-domain-certificates, seed-security-domain-quorum: no --sd-file given"), "{}", out.stderr);

    // Every HSM of the resource group at once: the poor one's findings only.
    let all = cx.review("auditor", &["-g", "rg-hsm"]).ok().json();
    assert_eq!(all["hsms"].as_array().unwrap().len(), 2);
    assert!(
        all["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["hsm"] == "poor")
    );

    // SARIF 2.1.0, valid against the schema (tests/fixtures/sarif-schema-2.1.0.json: the OASIS
    // schema as the serde-sarif 0.8.0 crate ships it, with one fix — the language patterns'
    // stray `]`, a literal in ECMA-262 regexes but an error in Rust's, is escaped: same meaning).
    let mut a = vec!["--hsm-name", "poor", "--sd-file", &poor_sd, "--sarif"];
    a.extend_from_slice(&policy_params);
    a.extend_from_slice(&storage);
    let sarif = cx.review("auditor", &a).ok().json();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), poor["findings"].as_array().unwrap().len());
    assert_eq!(
        sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        25
    );

    // The fix, applied (diagnostic settings need an Azure Monitor writer: the Owner here):
    // the HSM now logs, and the review no longer reports it.
    let sub = cx.emu.subscription();
    let workspace = format!(
        "/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.OperationalInsights/workspaces/audit"
    );
    let denied = cx.emu.mhsm(
        "hsm-operator",
        &[
            "diagnostic-setting",
            "create",
            "--hsm-name",
            "poor",
            "-g",
            "rg-hsm",
            "-n",
            "audit",
            "--workspace",
            &workspace,
        ],
    );
    assert_eq!(denied.code, 1, "{}", denied.stderr);
    cx.emu
        .mhsm(
            "subscription-admin",
            &[
                "diagnostic-setting",
                "create",
                "--hsm-name",
                "poor",
                "-g",
                "rg-hsm",
                "-n",
                "audit",
                "--workspace",
                &workspace,
            ],
        )
        .ok();
    cx.so(&["key", "list", "--hsm-name", "poor"]).ok();
    assert!(cx.emu.state().join("audit").join("poor.jsonl").exists());
    let listed = cx
        .emu
        .mhsm(
            "auditor",
            &["diagnostic-setting", "list", "--hsm-name", "poor"],
        )
        .ok()
        .json();
    assert_eq!(
        listed[0]["properties"]["logs"],
        json!([{"category": "AuditEvent", "enabled": true}])
    );
    let mut a = vec!["--hsm-name", "poor"];
    a.extend_from_slice(&storage);
    let after = rule_ids(&cx.review("auditor", &a).ok().json());
    assert!(
        !after.contains("seed-audit-logging") && !after.contains("policy-resource-logs"),
        "{after:?}"
    );
    assert!(
        after.contains("policy-diagnostic-settings-event-hub"),
        "{after:?}"
    );
}

#[test]
fn review_with_reader_rights_only_skips_the_data_plane_and_says_so() {
    let emu = Emu::start();
    emu.create_hsm("rd-hsm");
    let out = emu
        .mhsm("reader", &["review", "--hsm-name", "rd-hsm", "-o", "table"])
        .ok();
    assert!(
        out.stdout.contains("policy-purge-protection"),
        "{}",
        out.stdout
    );
    for skipped in [
        "skipped seed-administrators-are-groups, seed-one-role-per-principal, seed-separation-of-duties, seed-key-scoped-assignments: role assignments not readable",
        "skipped seed-custom-roles-least-privilege: role definitions not readable",
        "skipped policy-key-expiration-set, policy-key-expiry-days, policy-rsa-minimum-size, policy-ec-allowed-curves, policy-allowed-key-types, policy-aes-minimum-size, seed-key-rotation-policy: keys not readable",
        "skipped seed-recent-full-backup: no backup container given",
    ] {
        assert!(out.stderr.contains(skipped), "{skipped}\n{}", out.stderr);
    }
    let report = emu
        .mhsm("reader", &["review", "--hsm-name", "rd-hsm"])
        .ok()
        .json();
    assert_eq!(report["skipped"].as_array().unwrap().len(), 5, "{report:#}");
    // The management-plane findings are there.
    assert!(rule_ids(&report).contains("seed-audit-logging"));
}

#[test]
fn diagnostic_settings_crud_and_validation() {
    let emu = Emu::start();
    emu.create_hsm("diag-hsm");
    let sub = emu.subscription();
    let got = emu.put_diagnostic_setting(
        "diag-hsm",
        "to-workspace",
        &json!({"properties": {"workspaceId": format!("/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.OperationalInsights/workspaces/w"), "logs": [{"categoryGroup": "allLogs", "enabled": true}]}}),
    );
    assert_eq!(got["type"], "Microsoft.Insights/diagnosticSettings");
    assert_eq!(got["name"], "to-workspace");
    assert!(got["id"].as_str().unwrap().ends_with(
        "/managedHSMs/diag-hsm/providers/microsoft.insights/diagnosticSettings/to-workspace"
    ));
    let token = emu.token("reader", "https://management.azure.com");
    let base = format!(
        "{}/subscriptions/{sub}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/diag-hsm/providers/Microsoft.Insights/diagnosticSettings",
        emu.control_url()
    );
    let curl = |method: &str, url: &str, body: Option<&str>| -> (u16, Value) {
        let mut c = std::process::Command::new("curl");
        c.args(["-sS", "-X", method, "-w", "\n%{http_code}", "--cacert"])
            .arg(emu.state().join("ca.pem"))
            .args([
                "-H",
                &format!("authorization: Bearer {token}"),
                "-H",
                "content-type: application/json",
            ]);
        if let Some(b) = body {
            c.args(["-d", b]);
        }
        let out = c.arg(url).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (b, code) = text.rsplit_once('\n').unwrap();
        (
            code.trim().parse().unwrap(),
            serde_json::from_str(b).unwrap_or(Value::Null),
        )
    };
    // A Reader lists and reads; it cannot write.
    let (code, list) = curl(
        "GET",
        &format!("{base}?api-version=2021-05-01-preview"),
        None,
    );
    assert_eq!(code, 200);
    assert_eq!(list["value"].as_array().unwrap().len(), 1);
    let (code, body) = curl(
        "PUT",
        &format!("{base}/x?api-version=2021-05-01-preview"),
        Some(r#"{"properties":{"workspaceId":"/w","logs":[]}}"#),
    );
    assert_eq!(code, 403, "{body}");
    let (code, body) = curl(
        "GET",
        &format!("{base}/nope?api-version=2021-05-01-preview"),
        None,
    );
    assert_eq!(
        (code, body["error"]["code"].as_str()),
        (404, Some("ResourceNotFound"))
    );
    // mhsm's own commands: a destination is required; delete, then the list is empty.
    let usage = emu.mhsm(
        "subscription-admin",
        &[
            "diagnostic-setting",
            "create",
            "--hsm-name",
            "diag-hsm",
            "-n",
            "x",
        ],
    );
    assert_eq!(usage.code, 2, "{}", usage.stderr);
    emu.mhsm(
        "subscription-admin",
        &[
            "diagnostic-setting",
            "delete",
            "--hsm-name",
            "diag-hsm",
            "-n",
            "to-workspace",
        ],
    )
    .ok();
    let left = emu
        .mhsm(
            "reader",
            &["diagnostic-setting", "list", "--hsm-name", "diag-hsm"],
        )
        .ok()
        .json();
    assert_eq!(left, json!([]));
}

#[test]
fn review_skips_aes_sizes_when_arm_may_not_read_keys() {
    let cx = Cx {
        emu: Emu::start(),
        work: tempfile::tempdir().unwrap(),
    };
    cx.emu.create_hsm("aes-hsm");
    cx.activate("aes-hsm");
    cx.assign(
        "aes-hsm",
        "Managed HSM Crypto User",
        "/keys",
        &cx.emu.oid("security-officer"),
    );
    cx.assign(
        "aes-hsm",
        "Managed HSM Crypto Auditor",
        "/",
        &cx.emu.oid("auditors"),
    );
    cx.key(
        "aes-hsm",
        "small-aes",
        &["--kty", "oct-HSM", "--size", "128"],
    );
    let report = cx
        .review(
            "auditor",
            &["--hsm-name", "aes-hsm", "--minimum-aes-key-size", "256"],
        )
        .ok()
        .json();
    let skipped = report["skipped"].as_array().unwrap();
    let aes = skipped
        .iter()
        .find(|s| s["checks"] == json!(["policy-aes-minimum-size"]))
        .unwrap_or_else(|| panic!("{report:#}"));
    assert!(
        aes["reason"]
            .as_str()
            .unwrap()
            .contains("mhsm setting update --hsm-name aes-hsm -n AllowKeyManagementOperationsThroughARM --value true"),
        "{aes}"
    );
    assert!(!rule_ids(&report).contains("policy-aes-minimum-size"));
    // The other key checks ran.
    assert!(rule_ids(&report).contains("policy-key-expiration-set"));
}
