//! Hardening (issue 12): what a hostile or careless client — or an operator's typo — must not be
//! able to do to the emulator, and what the CLI must not leak. Each test names the defect it
//! pins; every refusal is the service's status with the Azure error envelope.

use serde_json::{Value, json};

use crate::harness::{Emu, read_json};
use crate::keys_emulator::Ctx;

/// `POST /.emulator/clock` with the admin header; returns (status, body).
fn clock_post(emu: &Emu, body: &str) -> (u16, Value) {
    let admin = read_json(&emu.state().join("admin.json"));
    let http = emu.http();
    let url = format!("{}/.emulator/clock", emu.control_url());
    let token = admin["admin_token"].as_str().unwrap().to_string();
    let body = body.to_string();
    rt().block_on(async move {
        let r = http
            .post(url)
            .header("x-emulator-admin", token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let s = r.status().as_u16();
        let t = r.text().await.unwrap();
        (s, serde_json::from_str(&t).unwrap_or(Value::String(t)))
    })
}

pub(crate) fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Defect 1: one clock call bricked the state directory (overflow on every request, restart
/// included). Bad input is a 400 and changes nothing; a stored unusable offset is ignored.
#[test]
fn clock_refuses_overflowing_moves_and_survives_a_bad_stored_offset() {
    let mut emu = Emu::start();
    for body in [
        r#"{"seconds": 9223372036854775807}"#,
        r#"{"seconds": -5}"#,
        r#"{"seconds": "soon"}"#,
        r#"{"seconds": 1e300}"#,
        "not json",
    ] {
        let (s, v) = clock_post(&emu, body);
        assert_eq!(s, 400, "{body}: {v}");
        assert_eq!(v["error"]["code"], "BadRequest", "{body}: {v}");
    }
    // Nothing was stored: the clock still reads, requests still work.
    let (s, v) = clock_post(&emu, r#"{"seconds": 0}"#);
    assert_eq!((s, v["offsetSeconds"].as_i64()), (200, Some(0)), "{v}");
    emu.mhsm("subscription-admin", &["list"]).ok();
    // 100 years is the most: one more second is refused.
    let (s, v) = clock_post(&emu, &format!("{{\"seconds\": {}}}", 100i64 * 366 * 86_400));
    assert_eq!(s, 200, "{v}");
    let (s, v) = clock_post(&emu, r#"{"seconds": 1}"#);
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("BadRequest")),
        "{v}"
    );
    emu.mhsm("subscription-admin", &["list"]).ok();

    // A state directory an older emulator bricked: the offset is ignored at start.
    emu.stop(false);
    {
        let store = mhsm::emulator::store::Store::open(&emu.state().join("state.redb")).unwrap();
        store
            .write(|tx| {
                tx.put(
                    mhsm::emulator::store::tables::META,
                    "clock_offset",
                    &i64::MAX,
                )
            })
            .unwrap();
    }
    emu.restart(false);
    emu.mhsm("subscription-admin", &["list"]).ok();
    let (s, v) = clock_post(&emu, r#"{"seconds": 60}"#);
    assert_eq!((s, v["offsetSeconds"].as_i64()), (200, Some(60)), "{v}");
}

/// The audit records of an HSM (current file).
fn audit_records(emu: &Emu, hsm: &str) -> Vec<Value> {
    std::fs::read_to_string(emu.state().join("audit").join(format!("{hsm}.jsonl")))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Defects 3 and 4: requests refused with 401 are audited (no identity, never the token), and
/// `requestUri` is the HSM's URI plus path and query over HTTP/1.1 and HTTP/2 alike.
#[test]
fn audit_records_401s_without_the_token_and_one_host_in_request_uri() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("audit401");
    cx.emu.enable_audit_log("audit401");
    let url = format!("{}/keys?api-version=7.6", h.base);
    let bogus = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLW5vdC12YWxpZA";
    let token = cx.token.borrow().clone();
    let h2 = {
        let pem = std::fs::read(cx.emu.state().join("ca.pem")).unwrap();
        reqwest::Client::builder()
            .tls_certs_merge(reqwest::Certificate::from_pem_bundle(&pem).unwrap())
            .http2_prior_knowledge()
            .build()
            .unwrap()
    };
    cx.rt.block_on(async {
        // The challenge probe (no token), then a token that does not validate.
        let r = cx.http.get(&url).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 401);
        let r = cx
            .http
            .get(&url)
            .bearer_auth(bogus)
            .header("x-ms-client-request-id", "probe-bad-token")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 401);
        // An authenticated request over HTTP/2.
        let r = h2
            .get(&url)
            .bearer_auth(&token)
            .header("x-ms-client-request-id", "over-h2")
            .send()
            .await
            .unwrap();
        assert_eq!(r.version(), reqwest::Version::HTTP_2);
        assert_eq!(r.status().as_u16(), 200);
    });
    let text =
        std::fs::read_to_string(cx.emu.state().join("audit").join("audit401.jsonl")).unwrap();
    assert!(
        !text.contains(bogus),
        "the refused token is in the audit log"
    );
    let recs = audit_records(&cx.emu, "audit401");
    let unauth: Vec<&Value> = recs.iter().filter(|r| r["httpStatusCode"] == 401).collect();
    assert_eq!(unauth.len(), 2, "{recs:#?}");
    for r in &unauth {
        assert_eq!(r["operationName"], "KeyList");
        assert_eq!(r["resultType"], "Unauthorized");
        assert_eq!(r["requestUri"], url);
        let identity: Value = serde_json::from_str(r["identity"].as_str().unwrap()).unwrap();
        assert_eq!(identity, json!({"claim": {}}));
    }
    assert_eq!(unauth[1]["correlationId"], "probe-bad-token");
    let h2rec = recs
        .iter()
        .find(|r| r["correlationId"] == "over-h2")
        .expect("the HTTP/2 request is audited");
    assert_eq!(h2rec["requestUri"], url, "{h2rec}");
}

/// Defect 8: the audit log rotates (size and count configurable), caps what clients choose
/// and is owner-only.
#[test]
fn audit_log_rotates_caps_client_fields_and_is_owner_only() {
    let cx = Ctx::start(&[
        "--provision-delay-ms",
        "0",
        "--pre-activate",
        "--audit-max-bytes",
        "20000",
        "--audit-max-files",
        "2",
    ]);
    let h = cx.hsm("rotating");
    cx.emu.enable_audit_log("rotating");
    let long_agent = "A".repeat(4_000);
    let long_id = "r".repeat(3_000);
    let long_query = "x".repeat(5_000);
    let token = cx.token.borrow().clone();
    cx.rt.block_on(async {
        for _ in 0..60 {
            let r = cx
                .http
                .get(format!("{}/keys?api-version=7.6&junk={long_query}", h.base))
                .bearer_auth(&token)
                .header("user-agent", &long_agent)
                .header("x-ms-client-request-id", &long_id)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status().as_u16(), 200);
        }
    });
    let dir = cx.emu.state().join("audit");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("rotating."))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["rotating.jsonl", "rotating.jsonl.1", "rotating.jsonl.2"],
        "two rotated files kept, older ones deleted"
    );
    use std::os::unix::fs::PermissionsExt;
    for n in &names {
        let meta = std::fs::metadata(dir.join(n)).unwrap();
        assert!(meta.len() <= 20_000, "{n}: {} bytes", meta.len());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{n}");
    }
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let recs = audit_records(&cx.emu, "rotating");
    let last = recs.last().unwrap();
    for (field, max) in [
        ("clientInfo", 256),
        ("correlationId", 256),
        ("requestUri", 2048),
    ] {
        let v = last[field].as_str().unwrap();
        assert!(v.chars().count() <= max && v.ends_with('…'), "{field}: {v}");
    }
}

/// An HSM `name` (pre-activated emulator) where security-officer is Crypto Officer and User.
fn hsm_with_key_rights(emu: &Emu, name: &str, extra: &[&str]) {
    let team = emu.oid("security-team");
    let mut args = vec![
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
    ];
    args.extend_from_slice(extra);
    emu.mhsm("hsm-operator", &args).ok();
    let me = emu.oid("security-officer");
    for role in ["Managed HSM Crypto Officer", "Managed HSM Crypto User"] {
        emu.mhsm(
            "security-officer",
            &[
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
                &me,
            ],
        )
        .ok();
    }
}

/// Defect 10: a purge refused by purge protection says so and when the key goes, instead of an
/// access-control hint.
#[test]
fn key_purge_under_purge_protection_names_the_scheduled_purge_date() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    hsm_with_key_rights(&emu, "protected", &["--enable-purge-protection"]);
    let k = |args: &[&str]| {
        let mut a = vec!["key"];
        a.extend_from_slice(args);
        a.extend_from_slice(&["--hsm-name", "protected"]);
        emu.mhsm("security-officer", &a)
    };
    k(&["create", "-n", "kept", "--kty", "EC-HSM"]).ok();
    k(&["delete", "-n", "kept"]).ok();
    let deleted = k(&["show-deleted", "-n", "kept"]).ok().json();
    let date = deleted["scheduledPurgeDate"].as_str().unwrap().to_string();
    let out = k(&["purge", "-n", "kept"]).code(1);
    assert!(out.stderr.contains("purge protection"), "{}", out.stderr);
    let hint = out
        .stderr
        .lines()
        .find(|l| l.starts_with("Hint: "))
        .unwrap_or_else(|| panic!("no hint: {}", out.stderr));
    assert!(
        hint.contains(
            "Purge protection keeps the deleted key 'kept' until its scheduled purge date"
        ) && hint.contains(&date),
        "{hint}"
    );
    assert!(
        !out.stderr.contains("role assignment create"),
        "{}",
        out.stderr
    );
}

/// Defect 5: what the service refuses as a bad request or a missing resource is not
/// "NotImplemented": invalid or too-long key names and scopes are 400 `BadParameter`, a method an
/// operation does not take is refused as the service does, unknown paths are 404.
#[test]
fn bad_names_scopes_methods_and_paths_are_not_not_implemented() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("badreq");
    let long = "k".repeat(128);
    for path in [
        "/keys/bad_name".to_string(),
        "/keys/bad_name/create".to_string(),
        format!("/keys/{long}"),
        format!("/deletedkeys/{long}"),
        "/deletedkeys/bad.name/recover".to_string(),
        "/keys/bad_name/providers/Microsoft.Authorization/roleAssignments".to_string(),
        format!("/keys/{long}/providers/Microsoft.Authorization/roleAssignments"),
        "/secrets/providers/Microsoft.Authorization/roleAssignments".to_string(),
    ] {
        h.err("GET", &path, None, 400, "BadParameter");
    }
    // Methods an operation does not take.
    let m = h.err("PATCH", "/keys", None, 400, "BadParameter");
    assert!(
        m.starts_with("Method PATCH does not allow operation 'keys'"),
        "{m}"
    );
    h.err("DELETE", "/keys/k1/create", None, 400, "BadParameter");
    h.err(
        "PATCH",
        "/providers/Microsoft.Authorization/roleAssignments",
        None,
        405,
        "MethodNotAllowed",
    );
    // Paths that exist nowhere.
    h.err("GET", "/secrets", None, 404, "NotFound");
    h.err("GET", "/certificates/c1", None, 404, "NotFound");

    // What a user sees.
    let emu = &cx.emu;
    let out = emu
        .mhsm(
            "security-officer",
            &["key", "show", "-n", "bad_name", "--hsm-name", "badreq"],
        )
        .code(1);
    assert!(
        out.stderr
            .contains("(BadParameter) The key name 'bad_name' is not valid")
            && !out.stderr.contains("does not implement"),
        "{}",
        out.stderr
    );
}

/// Sends `body` with an explicit Content-Type (or none) and a bearer token.
fn send_raw(
    cx: &Ctx,
    method: &str,
    url: &str,
    token: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (u16, Value) {
    let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = cx.http.request(m, url).bearer_auth(token).body(body);
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    cx.rt.block_on(async {
        let r = req.send().await.unwrap();
        let s = r.status().as_u16();
        let t = r.text().await.unwrap();
        (s, serde_json::from_str(&t).unwrap_or(Value::String(t)))
    })
}

/// Defect 9, data plane: JSON bodies need a JSON Content-Type (415 otherwise; what real clients
/// send still works, and a body-less POST needs none), a repeated api-version and a role scope
/// with a 200-character key name are refused.
#[test]
fn data_plane_refuses_non_json_bodies_repeated_api_versions_and_long_scopes() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("strict");
    let token = cx.token.borrow().clone();
    let body = serde_json::to_vec(&json!({"kty": "EC-HSM", "crv": "P-256"})).unwrap();
    let create = |name: &str| format!("{}/keys/{name}/create?api-version=7.6", h.base);
    for ct in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let (s, v) = send_raw(&cx, "POST", &create("k1"), &token, ct, body.clone());
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (415, Some("UnsupportedMediaType")),
            "{ct:?}: {v}"
        );
    }
    for ct in ["application/json", "application/json; charset=utf-8"] {
        let (s, v) = send_raw(&cx, "POST", &create("k1"), &token, Some(ct), body.clone());
        assert_eq!(s, 200, "{ct}: {v}");
    }
    // A POST without a body needs no Content-Type.
    let (s, v) = send_raw(
        &cx,
        "POST",
        &format!("{}/keys/k1/backup?api-version=7.6", h.base),
        &token,
        None,
        Vec::new(),
    );
    assert_eq!(s, 200, "{v}");
    // api-version once.
    let (s, v) = cx.send(
        "GET",
        &format!("{}/keys?api-version=7.6&api-version=bogus", h.base),
        None,
    );
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("BadParameter")),
        "{v}"
    );
    // A scope naming a key of 200 characters.
    let long = "k".repeat(200);
    h.err(
        "PUT",
        &format!(
            "/keys/{long}/providers/Microsoft.Authorization/roleAssignments/{}",
            uuid::Uuid::new_v4()
        ),
        Some(json!({"properties": {"roleDefinitionId": "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/21dbd100-6940-42c2-9190-5d6cb909625b", "principalId": cx.emu.oid("app-vm")}})),
        400,
        "BadParameter",
    );
}

/// Defect 9, management plane: a create in a location the subscription does not offer, with
/// more tags or longer tags than ARM takes, or 10,000 initial administrators is refused; so are
/// non-JSON bodies and a repeated api-version.
#[test]
fn arm_refuses_unknown_locations_tag_and_administrator_floods() {
    let cx = Ctx::start(&["--provision-delay-ms", "0"]);
    let emu = &cx.emu;
    let token = emu.token("hsm-operator", "https://management.core.windows.net/");
    let url = |name: &str| {
        format!(
            "{}/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/{name}?api-version=2026-02-01",
            emu.control_url(),
            emu.subscription()
        )
    };
    let admin = emu.oid("security-team");
    let base = json!({
        "location": "eastus2",
        "sku": {"name": "Standard_B1", "family": "B"},
        "properties": {"tenantId": emu.tenant(), "initialAdminObjectIds": [admin], "softDeleteRetentionInDays": 7}
    });
    let put = |name: &str, body: &Value, ct: Option<&str>| {
        send_raw(
            &cx,
            "PUT",
            &url(name),
            &token,
            ct,
            serde_json::to_vec(body).unwrap(),
        )
    };
    let refused = |body: Value, code: &str| {
        let (s, v) = put("flood", &body, Some("application/json"));
        assert_eq!((s, v["error"]["code"].as_str()), (400, Some(code)), "{v}");
    };
    let mut b = base.clone();
    b["location"] = json!("mars");
    refused(b, "LocationNotAvailableForResourceType");
    let mut b = base.clone();
    b["tags"] = (0..1000)
        .map(|i| (format!("t{i}"), json!("v")))
        .collect::<serde_json::Map<_, _>>()
        .into();
    refused(b, "InvalidTag");
    let mut b = base.clone();
    b["tags"] = json!({"x".repeat(513): "v"});
    refused(b, "InvalidTagNameLength");
    let mut b = base.clone();
    b["tags"] = json!({"env": "v".repeat(257)});
    refused(b, "InvalidTagValueLength");
    let mut b = base.clone();
    b["properties"]["initialAdminObjectIds"] = (0..10_000)
        .map(|_| json!(uuid::Uuid::new_v4().to_string()))
        .collect::<Vec<_>>()
        .into();
    refused(b, "BadRequest");
    let (s, v) = put("flood", &base, Some("text/plain"));
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (415, Some("UnsupportedMediaType")),
        "{v}"
    );
    let (s, v) = send_raw(
        &cx,
        "GET",
        &format!("{}&api-version=2026-02-01", url("flood")),
        &token,
        None,
        Vec::new(),
    );
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("InvalidApiVersionParameter")),
        "{v}"
    );
    // Within the limits (50 tags, the longest names and values) it is created.
    let mut b = base.clone();
    b["tags"] = (0..50)
        .map(|i| (format!("{i:0>512}"), json!("v".repeat(256))))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let (s, v) = put("flood", &b, Some("application/json; charset=utf-8"));
    assert!(s == 200 || s == 201 || s == 202, "{s}: {v}");
}

/// Defect 6: a body over the limit gets the service's 413 with the Azure error envelope on
/// HTTP/1.1 and HTTP/2, on the data plane (2 MiB) and ARM (4 MB); a body under it is read.
#[test]
fn oversized_bodies_get_an_azure_shaped_413_on_both_planes_and_protocols() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("bigbody");
    let pem = std::fs::read(cx.emu.state().join("ca.pem")).unwrap();
    let client = |h2: bool| {
        let b = reqwest::Client::builder()
            .tls_certs_merge(reqwest::Certificate::from_pem_bundle(&pem).unwrap());
        if h2 {
            b.http2_prior_knowledge().build().unwrap()
        } else {
            b.http1_only().build().unwrap()
        }
    };
    let hsm_token = cx.token.borrow().clone();
    let arm_token = cx
        .emu
        .token("hsm-operator", "https://management.core.windows.net/");
    let arm_url = format!(
        "{}/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/bigbody?api-version=2026-02-01",
        cx.emu.control_url(),
        cx.emu.subscription()
    );
    let big = |n: usize| {
        let mut v = br#"{"tags":{"x":""#.to_vec();
        v.extend(std::iter::repeat_n(b'a', n));
        v.extend_from_slice(br#""}}"#);
        v
    };
    let cases = [
        (
            format!("{}/keys/k/create?api-version=7.6", h.base),
            hsm_token.clone(),
            3 << 20,
            "2 MB",
        ),
        (arm_url.clone(), arm_token.clone(), 5 << 20, "4 MB"),
    ];
    for h2 in [false, true] {
        let c = client(h2);
        for (url, token, size, limit) in &cases {
            let (status, version, text) = cx.rt.block_on(async {
                let r = c
                    .post(url)
                    .bearer_auth(token)
                    .header("content-type", "application/json")
                    .body(big(*size))
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("h2={h2} {url}: {e:?}"));
                (r.status().as_u16(), r.version(), r.text().await.unwrap())
            });
            assert_eq!(
                version,
                if h2 {
                    reqwest::Version::HTTP_2
                } else {
                    reqwest::Version::HTTP_11
                }
            );
            let v: Value = serde_json::from_str(&text)
                .unwrap_or_else(|_| panic!("h2={h2} {url}: not JSON: {text}"));
            assert_eq!(
                (status, v["error"]["code"].as_str()),
                (413, Some("RequestContentTooLarge")),
                "h2={h2} {url}: {v}"
            );
            assert!(
                v["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("exceeds the maximum size of {limit}")),
                "{v}"
            );
        }
    }
    // Under the limit the body is read and judged on its content.
    let (s, v) = send_raw(
        &cx,
        "POST",
        &format!("{}/keys/k/create?api-version=7.6", h.base),
        &hsm_token,
        Some("application/json"),
        big(1 << 20),
    );
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (400, Some("BadParameter")),
        "{v}"
    );
}

/// Defect 7: custom role definitions within the service's limits (name 512 and description 2048
/// characters, known data actions each listed once, 50 roles); within them, roles still work.
#[test]
fn custom_roles_are_bounded_like_the_service() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("roles");
    let put = |name: &str, desc: &str, data_actions: Vec<String>| {
        h.call(
            "PUT",
            &format!(
                "/providers/Microsoft.Authorization/roleDefinitions/{}",
                uuid::Uuid::new_v4()
            ),
            Some(json!({"properties": {
                "roleName": name, "description": desc, "type": "CustomRole",
                "permissions": [{"dataActions": data_actions}], "assignableScopes": ["/"]
            }})),
        )
    };
    let read = || vec!["Microsoft.KeyVault/managedHsm/keys/read/action".to_string()];
    let refused = |r: (u16, Value), what: &str| {
        assert_eq!(
            (r.0, r.1["error"]["code"].as_str()),
            (400, Some("BadParameter")),
            "{what}: {}",
            r.1
        );
    };
    refused(put(&"n".repeat(100_000), "", read()), "100 KB name");
    refused(put(&"n".repeat(513), "", read()), "513-character name");
    refused(
        put("big description", &"d".repeat(1 << 20), read()),
        "1 MB description",
    );
    refused(
        put("long description", &"d".repeat(2049), read()),
        "2049-character description",
    );
    refused(
        put("many actions", "", vec![read()[0].clone(); 10_000]),
        "10,000 data actions",
    );
    refused(
        put("twice", "", vec![read()[0].clone(); 2]),
        "an action twice",
    );
    refused(
        put(
            "unknown",
            "",
            vec!["Microsoft.KeyVault/managedHsm/keys/fly/action".into()],
        ),
        "an unknown data action",
    );
    // At the limits it is created, and it grants what it lists.
    let all: Vec<String> = mhsm::wire::rbac::DATA_ACTIONS
        .iter()
        .map(|a| mhsm::wire::rbac::data_action(a))
        .collect();
    let (s, v) = put(&"n".repeat(512), &"d".repeat(2048), all);
    assert_eq!(s, 201, "{v}");
}

/// Defect 2: `--debug` traces never show key material: the key being wrapped, AES plaintext,
/// what decrypt/unwrap return, an imported private key.
#[test]
fn debug_traces_redact_key_material_of_every_operation() {
    use base64::Engine as _;
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    hsm_with_key_rights(&emu, "traced", &[]);
    let so = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--hsm-name", "traced", "--debug"]);
        emu.mhsm("security-officer", &a).ok()
    };
    so(&[
        "key", "create", "-n", "aes", "--kty", "oct-HSM", "--size", "256",
    ]);
    let b64 = base64::engine::general_purpose::STANDARD;
    let b64url = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let cek = [0x5au8; 32];
    let plain = b"attack at dawn, bring the secret";
    // Every spelling a secret could take in a trace.
    let spellings = |bytes: &[u8]| vec![b64.encode(bytes), b64url.encode(bytes)];
    let assert_hidden = |out: &crate::harness::Out, secrets: &[Vec<u8>], what: &str| {
        assert!(
            out.stderr.contains("Request body:"),
            "{what}: no trace\n{}",
            out.stderr
        );
        for s in secrets {
            for sp in spellings(s) {
                assert!(!out.stderr.contains(&sp), "{what}: {sp} in\n{}", out.stderr);
            }
        }
    };
    let w = so(&[
        "key",
        "wrap",
        "-n",
        "aes",
        "-a",
        "A256KW",
        "--value",
        &b64.encode(cek),
    ]);
    let wrapped = w.json()["result"].as_str().unwrap().to_string();
    assert_hidden(&w, &[cek.to_vec()], "wrap");
    let u = so(&[
        "key", "unwrap", "-n", "aes", "-a", "A256KW", "--value", &wrapped,
    ]);
    assert_hidden(&u, &[cek.to_vec()], "unwrap");
    let e = so(&[
        "key",
        "encrypt",
        "-n",
        "aes",
        "-a",
        "A256GCM",
        "--value",
        &b64.encode(plain),
    ]);
    assert_hidden(&e, &[plain.to_vec()], "encrypt");
    let ej = e.json();
    let d = so(&[
        "key",
        "decrypt",
        "-n",
        "aes",
        "-a",
        "A256GCM",
        "--value",
        ej["result"].as_str().unwrap(),
        "--iv",
        ej["iv"].as_str().unwrap(),
        "--tag",
        ej["tag"].as_str().unwrap(),
    ]);
    assert_hidden(&d, &[plain.to_vec()], "decrypt");
    // An imported private key: its private members are masked in the request body.
    let i = so(&[
        "key",
        "import",
        "-n",
        "imported",
        "--pem-file",
        &crate::security_domain::keys_dir()
            .join("wrap1.key")
            .display()
            .to_string(),
    ]);
    let body = i
        .stderr
        .lines()
        .find(|l| l.contains("Request body:") && l.contains("\"kty\""))
        .unwrap_or_else(|| panic!("no import body in\n{}", i.stderr));
    for m in ["d", "p", "q", "dp", "dq", "qi"] {
        assert!(body.contains(&format!("\"{m}\":\"*****\"")), "{m}: {body}");
    }
}
