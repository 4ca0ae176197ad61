//! HSM settings with the real `mhsm` binary against the emulator: list/show/update and their
//! persistence across a restart, az's exit codes, the HSM's refusals of bad values, who may read
//! and write settings, hostile bodies, and what the one setting does — the ARM
//! `managedHSMs/keys` API is refused until `AllowKeyManagementOperationsThroughARM` is `"true"`.

use serde_json::{Value, json};

use crate::harness::{Emu, Out};

const ARM_KEYS: &str = "AllowKeyManagementOperationsThroughARM";
const MHSM_RESOURCE: &str = "https://managedhsm.azure.net";

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// One raw HTTP call: (status, JSON body or Null).
fn call(emu: &Emu, token: &str, method: &str, url: &str, body: Option<Vec<u8>>) -> (u16, Value) {
    rt().block_on(async {
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
        let bytes = resp.bytes().await.unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    })
}

fn set(emu: &Emu, who: &str, hsm: &str, args: &[&str]) -> Out {
    let mut a = vec!["setting"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["--hsm-name", hsm]);
    emu.mhsm(who, &a)
}

fn assign(emu: &Emu, hsm: &str, role: &str, oid: &str) {
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
            "--assignee-object-id",
            oid,
        ],
    )
    .ok();
}

#[test]
fn settings_round_trip_persist_refuse_bad_values_and_obey_rbac() {
    let mut emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let hsm = emu.create_hsm("set-hsm");
    let base = hsm["properties"]["hsmUri"].as_str().unwrap().to_string();
    let so = "security-officer";

    // The default: the one documented setting, false.
    let default = json!({"name": ARM_KEYS, "settingType": "boolean", "value": "false"});
    assert_eq!(
        set(&emu, so, "set-hsm", &["list"]).ok().json(),
        json!([default])
    );
    assert_eq!(
        set(&emu, so, "set-hsm", &["show", "-n", ARM_KEYS])
            .ok()
            .json(),
        default
    );
    let table = set(&emu, so, "set-hsm", &["list", "-o", "table"])
        .ok()
        .stdout;
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["Name", "SettingType", "Value"]);
    assert!(
        table.contains(&format!("{ARM_KEYS}  boolean        false")),
        "{table}"
    );
    assert_eq!(
        set(&emu, so, "set-hsm", &["show", "-n", ARM_KEYS, "-o", "tsv"])
            .ok()
            .stdout,
        format!("{ARM_KEYS}\tboolean\tfalse\n")
    );

    // A setting the HSM does not have: `show` exits 3, `update` 1 (az's rule: only `show`).
    let missing = set(&emu, so, "set-hsm", &["show", "-n", "NoSuchSetting"]).code(3);
    assert!(
        missing.stderr.contains("(SettingNotFound)"),
        "{}",
        missing.stderr
    );
    set(
        &emu,
        so,
        "set-hsm",
        &["update", "-n", "NoSuchSetting", "--value", "true"],
    )
    .code(1);
    // No HSM: az's message.
    let none = emu.mhsm(so, &["setting", "list"]).code(1);
    assert_eq!(
        none.stderr.trim(),
        "ERROR: Please specify --hsm-name or --id."
    );

    // Bad values are refused by the HSM, and nothing changes.
    for bad in ["yes", "True", "1", ""] {
        let o = set(
            &emu,
            so,
            "set-hsm",
            &["update", "-n", ARM_KEYS, "--value", bad],
        )
        .code(1);
        assert!(o.stderr.contains("(BadParameter)"), "{bad}: {}", o.stderr);
        assert!(o.stderr.contains("\"true\" or \"false\""), "{}", o.stderr);
    }
    // --setting-type is not sent; `boolean` lower-cases the value (az's KeyVaultSetting).
    let bad_type = set(
        &emu,
        so,
        "set-hsm",
        &[
            "update",
            "-n",
            ARM_KEYS,
            "--value",
            "true",
            "--setting-type",
            "int",
        ],
    )
    .code(2);
    assert!(
        bad_type.stderr.contains("Allowed values"),
        "{}",
        bad_type.stderr
    );
    let up = set(
        &emu,
        so,
        "set-hsm",
        &[
            "update", "-n", ARM_KEYS, "--value", "TRUE", "--type", "Boolean",
        ],
    )
    .ok()
    .json();
    assert_eq!(up["value"], "true");
    // Names match case-insensitively; answers use the canonical spelling.
    let lower = ARM_KEYS.to_ascii_lowercase();
    assert_eq!(
        set(&emu, so, "set-hsm", &["show", "-n", &lower])
            .ok()
            .json()["name"],
        ARM_KEYS
    );

    // Persisted: a crash and restart keep the value.
    emu.restart(true);
    assert_eq!(
        set(
            &emu,
            so,
            "set-hsm",
            &["show", "-n", ARM_KEYS, "--query", "value", "-o", "tsv"]
        )
        .ok()
        .stdout,
        "true\n"
    );

    // Only the Administrator role holds settings/read and settings/write among the built-ins
    // (wire/rbac.rs): a Crypto User cannot update, a Crypto Auditor cannot even read.
    assign(
        &emu,
        "set-hsm",
        "Managed HSM Crypto User",
        &emu.oid("developer"),
    );
    assign(
        &emu,
        "set-hsm",
        "Managed HSM Crypto Auditor",
        &emu.oid("auditor"),
    );
    let denied = set(
        &emu,
        "developer",
        "set-hsm",
        &["update", "-n", ARM_KEYS, "--value", "false"],
    )
    .code(1);
    assert!(
        denied.stderr.contains("(AccessDenied)"),
        "{}",
        denied.stderr
    );
    assert!(
        denied.stderr.contains("settings/read/action"),
        "{}",
        denied.stderr
    );
    assert!(denied.stderr.contains("Hint:"), "{}", denied.stderr);
    let audit = set(&emu, "auditor", "set-hsm", &["list"]).code(1);
    assert!(
        audit.stderr.contains("settings/read/action"),
        "{}",
        audit.stderr
    );
    // A custom role with settings/read only: reads, cannot write.
    let role = emu
        .mhsm(
            so,
            &[
                "role", "definition", "create", "--hsm-name", "set-hsm", "--role-definition",
                r#"{"roleName": "Settings Reader", "dataActions": ["Microsoft.KeyVault/managedHsm/settings/read/action"]}"#,
            ],
        )
        .ok()
        .json();
    assign(
        &emu,
        "set-hsm",
        role["name"].as_str().unwrap(),
        &emu.oid("auditor"),
    );
    set(&emu, "auditor", "set-hsm", &["show", "-n", ARM_KEYS]).ok();
    let w = set(
        &emu,
        "auditor",
        "set-hsm",
        &["update", "-n", ARM_KEYS, "--value", "false"],
    );
    // az's update reads first (allowed), then the PATCH is refused.
    let w = w.code(1);
    assert!(w.stderr.contains("settings/write/action"), "{}", w.stderr);

    // Hostile bodies on the raw endpoint: always a 4xx, and the HSM stays healthy.
    let token = emu.token(so, MHSM_RESOURCE);
    let url = format!("{base}settings/{ARM_KEYS}?api-version=7.4");
    let deep = format!("{}{}", "{\"value\":".repeat(50_000), "}".repeat(50_000));
    let huge = format!("{{\"value\":\"{}\"}}", "x".repeat(1_500_000));
    for body in [
        br#"{"value":true}"#.to_vec(),
        br#"{"value":{"value":"true"}}"#.to_vec(),
        br#"{"value":["true"]}"#.to_vec(),
        br#"{"value":null}"#.to_vec(),
        br#"{}"#.to_vec(),
        b"[]".to_vec(),
        b"not json".to_vec(),
        deep.into_bytes(),
        huge.into_bytes(),
        vec![0xff, 0xfe, 0x00],
    ] {
        let (status, v) = call(&emu, &token, "PATCH", &url, Some(body));
        assert!((400..500).contains(&status), "{status} {v}");
    }
    let (s, _) = call(
        &emu,
        &token,
        "PUT",
        &url,
        Some(br#"{"value":"true"}"#.to_vec()),
    );
    assert!((400..500).contains(&s) || s == 501, "{s}");
    let long_name = format!("{base}settings/{}?api-version=7.4", "n".repeat(10_000));
    let (s, v) = call(&emu, &token, "GET", &long_name, None);
    assert!((400..500).contains(&s), "{s} {v}");
    let (s, v) = call(
        &emu,
        &token,
        "GET",
        &format!("{base}settings?api-version=7.4"),
        None,
    );
    assert_eq!(s, 200);
    assert_eq!(v["settings"][0]["value"], "true");
}

/// `…/managedHSMs/{name}/keys…` on ARM.
fn arm_keys_url(emu: &Emu, hsm: &str, tail: &str) -> String {
    format!(
        "{}/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/{hsm}/keys{tail}?api-version=2026-02-01",
        emu.control_url(),
        emu.subscription()
    )
}

#[test]
fn arm_keys_follow_the_setting() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    emu.create_hsm("arm-hsm");
    let so = "security-officer";
    // hsm-operator: Managed HSM Contributor on ARM; locally a Crypto User (ARM acts on its behalf).
    assign(
        &emu,
        "arm-hsm",
        "Managed HSM Crypto User",
        &emu.oid("hsm-operator"),
    );
    let op = emu.token("hsm-operator", "https://management.core.windows.net/");
    let reader = emu.token("reader", "https://management.core.windows.net/");
    let key_url = arm_keys_url(&emu, "arm-hsm", "/arm-key");
    let create = json!({"tags": {"env": "test"}, "properties": {"kty": "EC-HSM", "curveName": "P-384", "keyOps": ["sign", "verify"], "attributes": {"enabled": true}}});
    let body = || Some(serde_json::to_vec(&create).unwrap());

    // Default false: every ARM keys call is refused, naming the setting.
    for (m, url, b) in [
        ("PUT", key_url.clone(), body()),
        ("GET", key_url.clone(), None),
        ("GET", arm_keys_url(&emu, "arm-hsm", ""), None),
        (
            "GET",
            arm_keys_url(&emu, "arm-hsm", "/arm-key/versions"),
            None,
        ),
    ] {
        let (s, v) = call(&emu, &op, m, &url, b);
        assert_eq!(s, 403, "{m} {url}: {v}");
        assert_eq!(v["error"]["code"], "Forbidden");
        assert!(
            v["error"]["message"].as_str().unwrap().contains(ARM_KEYS),
            "{v}"
        );
    }
    emu.mhsm(
        "hsm-operator",
        &["key", "show", "--hsm-name", "arm-hsm", "-n", "arm-key"],
    )
    .code(3);

    // An administrator allows it.
    set(
        &emu,
        so,
        "arm-hsm",
        &["update", "-n", ARM_KEYS, "--value", "true"],
    )
    .ok();
    let (s, first) = call(&emu, &op, "PUT", &key_url, body());
    assert_eq!(s, 200, "{first}");
    assert_eq!(first["type"], "Microsoft.KeyVault/managedHSMs/keys");
    assert_eq!(first["name"], "arm-key");
    assert_eq!(first["tags"], json!({"env": "test"}));
    let p = &first["properties"];
    assert_eq!(p["kty"], "EC-HSM");
    assert_eq!(p["curveName"], "P-384");
    assert_eq!(p["keyOps"], json!(["sign", "verify"]));
    assert_eq!(p["attributes"]["enabled"], true);
    assert_eq!(p["attributes"]["exportable"], false);
    assert!(p["attributes"]["recoveryLevel"].is_string());
    // Create-if-not-exist: a second PUT (even with another body) returns the same key.
    let other = json!({"properties": {"kty": "RSA-HSM", "keySize": 3072}});
    let (s, again) = call(
        &emu,
        &op,
        "PUT",
        &key_url,
        Some(serde_json::to_vec(&other).unwrap()),
    );
    assert_eq!(s, 200);
    assert_eq!(again, first);
    let (s, got) = call(&emu, &op, "GET", &key_url, None);
    assert_eq!((s, &got), (200, &first));
    let (s, list) = call(&emu, &op, "GET", &arm_keys_url(&emu, "arm-hsm", ""), None);
    assert_eq!(s, 200);
    assert_eq!(list["value"], json!([first]));
    let (s, versions) = call(
        &emu,
        &op,
        "GET",
        &arm_keys_url(&emu, "arm-hsm", "/arm-key/versions"),
        None,
    );
    assert_eq!(s, 200);
    let v0 = &versions["value"][0];
    assert_eq!(v0["type"], "Microsoft.KeyVault/managedHSMs/keys/versions");
    let version = v0["name"].as_str().unwrap();
    assert!(
        first["properties"]["keyUriWithVersion"]
            .as_str()
            .unwrap()
            .ends_with(version)
    );
    let (s, one) = call(
        &emu,
        &op,
        "GET",
        &arm_keys_url(&emu, "arm-hsm", &format!("/arm-key/versions/{version}")),
        None,
    );
    assert_eq!((s, &one), (200, v0));
    let (s, _) = call(
        &emu,
        &op,
        "GET",
        &arm_keys_url(
            &emu,
            "arm-hsm",
            "/arm-key/versions/00000000000000000000000000000000",
        ),
        None,
    );
    assert_eq!(s, 404);
    // The key is an ordinary HSM key on the data plane.
    let shown = emu
        .mhsm(
            "hsm-operator",
            &["key", "show", "--hsm-name", "arm-hsm", "-n", "arm-key"],
        )
        .ok()
        .json();
    assert_eq!(
        shown["key"]["kid"],
        first["properties"]["keyUriWithVersion"]
    );
    assert_eq!(shown["key"]["crv"], "P-384");

    // Azure RBAC: a Reader may not create; local RBAC: ARM roles alone reach no key.
    let (s, v) = call(
        &emu,
        &reader,
        "PUT",
        &arm_keys_url(&emu, "arm-hsm", "/r-key"),
        body(),
    );
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (403, Some("AuthorizationFailed"))
    );
    let (s, v) = call(&emu, &reader, "GET", &key_url, None);
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (403, Some("AccessDenied")),
        "{v}"
    );
    // Bad create bodies: 4xx.
    for b in [
        json!({"properties": {}}),
        json!({"properties": {"kty": "DSA"}}),
        json!({"properties": {"kty": "RSA-HSM", "keySize": 1024}}),
        json!({"properties": "x"}),
    ] {
        let (s, v) = call(
            &emu,
            &op,
            "PUT",
            &arm_keys_url(&emu, "arm-hsm", "/bad-key"),
            Some(serde_json::to_vec(&b).unwrap()),
        );
        assert_eq!(s, 400, "{b}: {v}");
    }

    // Back to false: refused again.
    set(
        &emu,
        so,
        "arm-hsm",
        &["update", "-n", ARM_KEYS, "--value", "false"],
    )
    .ok();
    let (s, v) = call(&emu, &op, "GET", &key_url, None);
    assert_eq!((s, v["error"]["code"].as_str()), (403, Some("Forbidden")));
}
