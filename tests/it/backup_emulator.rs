//! The emulator's full backup and restore over raw HTTPS (rest-api.md §5.4, §10; service-facts.md
//! §4): the LRO contract and job bodies, what a backup holds and a restore brings back, selective
//! restore, one job at a time, the restore-mode gate, the 30-minute rule, storage auth by SAS and
//! by managed identity, and every refusal — synchronous 400s, or `Failed` jobs that leave the HSM
//! unchanged.

use serde_json::{Value, json};
use std::time::{Duration, Instant};

use crate::keys_emulator::{API, Ctx, Hsm, version_of};

pub const ACCOUNT: &str = "mhsmbackups";
pub const CONTAINER_URI: &str = "https://mhsmbackups.blob.storage.emulator/backups";

/// A container SAS of the default account, made with the emulator's own tool.
pub fn sas(cx: &Ctx, container: &str, perms: &str, expiry: &str) -> String {
    cx.emu.sas(ACCOUNT, container, perms, expiry)
}

/// Sends a request and returns status, `azure-asyncoperation`, `Retry-After` and body.
fn send(
    h: &Hsm<'_>,
    method: &str,
    path: &str,
    body: Value,
) -> (u16, Option<String>, Option<String>, Value) {
    let url = format!("{}{path}?api-version={API}", h.base);
    let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let req =
        h.cx.http
            .request(m, &url)
            .bearer_auth(h.cx.token.borrow().as_str())
            .json(&body);
    h.cx.rt.block_on(async {
        let r = req.send().await.unwrap();
        let status = r.status().as_u16();
        let header = |n: &str| {
            r.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let (aop, ra) = (header("azure-asyncoperation"), header("retry-after"));
        let text = r.text().await.unwrap();
        let v = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, aop, ra, v)
    })
}

/// Starts a job (asserting the 202 contract) and returns its status URL.
#[track_caller]
fn start(h: &Hsm<'_>, method: &str, path: &str, body: Value) -> String {
    let (s, aop, ra, v) = send(h, method, path, body);
    assert_eq!(s, 202, "{method} {path}: {v}");
    let job = v["jobId"].as_str().unwrap();
    assert_eq!(job.len(), 32);
    assert_eq!(v["status"], "InProgress");
    assert_eq!(v["endTime"], Value::Null);
    assert_eq!(v["error"], Value::Null);
    assert_eq!(v["statusDetails"], Value::Null);
    assert!(v["startTime"].is_i64());
    let what = if path.contains("backup") {
        "backup"
    } else {
        "restore"
    };
    assert_eq!(
        aop.as_deref(),
        Some(format!("{}/{what}/{job}/pending", h.base).as_str())
    );
    assert_eq!(ra.as_deref(), Some("1"));
    aop.unwrap()
}

/// Polls a status URL until the job is terminal.
#[track_caller]
fn wait(h: &Hsm<'_>, url: &str) -> Value {
    let started = Instant::now();
    loop {
        let (s, v) = h.cx.send("GET", &format!("{url}?api-version={API}"), None);
        assert_eq!(s, 200, "{url}: {v}");
        if v["status"] != "InProgress" {
            assert!(v["endTime"].is_i64(), "{v}");
            return v;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "job never ended: {v}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn sas_body(token: &str) -> Value {
    json!({"storageResourceUri": CONTAINER_URI, "token": token})
}

/// A full backup that succeeds; returns the folder name.
#[track_caller]
pub(crate) fn backup(h: &Hsm<'_>, token: &str) -> String {
    let url = start(h, "POST", "/backup", sas_body(token));
    let done = wait(h, &url);
    assert_eq!(done["status"], "Succeeded", "{done}");
    let folder_url = done["azureStorageBlobContainerUri"].as_str().unwrap();
    let folder = folder_url
        .strip_prefix(&format!("{CONTAINER_URI}/"))
        .unwrap();
    assert!(folder.starts_with("mhsm-"), "{folder}");
    folder.to_string()
}

fn restore_body(token: &str, folder: &str) -> Value {
    json!({"sasTokenParameters": sas_body(token), "folderToRestore": folder})
}

#[track_caller]
fn restore(h: &Hsm<'_>, token: &str, folder: &str) -> Value {
    let url = start(h, "PUT", "/restore", restore_body(token, folder));
    wait(h, &url)
}

/// Key names (live), each with its version ids.
fn inventory(h: &Hsm<'_>) -> Vec<(String, Vec<String>)> {
    let (items, _) = h.walk("/keys?maxresults=25");
    let mut out: Vec<(String, Vec<String>)> = items
        .iter()
        .map(|k| {
            let name = k["kid"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string();
            let (vs, _) = h.walk(&format!("/keys/{name}/versions?maxresults=25"));
            let mut vs: Vec<String> = vs.iter().map(|v| version_of(&v["kid"])).collect();
            vs.sort();
            (name, vs)
        })
        .collect();
    out.sort();
    out
}

fn assignment_names(h: &Hsm<'_>) -> Vec<String> {
    let v = h.ok(
        "GET",
        "/providers/Microsoft.Authorization/roleAssignments",
        None,
    );
    let mut n: Vec<String> = v["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    n.sort();
    n
}

fn job_delay(ms: u64) -> Ctx {
    Ctx::start(&[
        "--provision-delay-ms",
        "0",
        "--pre-activate",
        "--job-delay-ms",
        &ms.to_string(),
    ])
}

#[test]
fn full_backup_then_restore_brings_back_keys_versions_policies_deleted_keys_and_rbac() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("bk-a");
    cx.emu.enable_audit_log("bk-a");
    let token = sas(&cx, "backups", "crdw", "2h");
    // Keys with history: two versions, tags, a rotation and a release policy... and a
    // soft-deleted key, a custom role and an assignment at a key scope.
    let rsa = h.create(
        "signer",
        json!({"kty": "RSA", "key_size": 2048, "tags": {"env": "prod"}}),
    );
    h.ok(
        "PUT",
        "/keys/signer/rotationpolicy",
        Some(json!({"lifetimeActions": [{"trigger": {"timeAfterCreate": "P60D"}, "action": {"type": "Rotate"}}], "attributes": {"expiryTime": "P1Y"}})),
    );
    let rsa2 = h.ok("POST", "/keys/signer/rotate", None);
    h.create("ec", json!({"kty": "EC", "crv": "P-256"}));
    h.create("aes", json!({"kty": "oct-HSM", "key_size": 256}));
    h.create("gone", json!({"kty": "EC", "crv": "P-384"}));
    h.ok("DELETE", "/keys/gone", None);
    let role = uuid::Uuid::new_v4().to_string();
    let (s, v) = h.call(
        "PUT",
        &format!("/providers/Microsoft.Authorization/roleDefinitions/{role}"),
        Some(json!({"properties": {"roleName": "Key Reader", "type": "CustomRole", "permissions": [{"dataActions": ["Microsoft.KeyVault/managedHsm/keys/read/action"]}], "assignableScopes": ["/"]}})),
    );
    assert_eq!(s, 201, "{v}");
    let assignment = uuid::Uuid::new_v4().to_string();
    let (s, v) = h.call(
        "PUT",
        &format!("/keys/ec/providers/Microsoft.Authorization/roleAssignments/{assignment}"),
        Some(json!({"properties": {"roleDefinitionId": format!("Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/{role}"), "principalId": cx.emu.oid("auditor")}})),
    );
    assert_eq!(s, 201, "{v}");
    let digest = vec![7u8; 32];
    let v1 = version_of(&rsa["key"]["kid"]);
    let sig = h.op(
        &format!("signer/{v1}"),
        "sign",
        json!({"alg": "RS256", "value": base64_url(&digest)}),
    );
    let before = inventory(&h);
    let before_rbac = assignment_names(&h);

    let folder = backup(&h, &token);
    let dir = cx
        .emu
        .state()
        .join("storage")
        .join(ACCOUNT)
        .join("backups")
        .join(&folder);
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("hsm_backup.json")).unwrap()).unwrap();
    assert_eq!(manifest["hsmName"], "bk-a");
    assert_eq!(manifest["counts"]["keys"], 3);
    assert_eq!(manifest["counts"]["deletedKeys"], 1);
    assert_eq!(manifest["counts"]["keyVersions"], 5);
    // Nothing of the keys is readable in the folder: not even their names.
    for f in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("signer") && !text.contains("prod"),
            "plaintext in backup"
        );
    }

    // Change everything, then restore.
    h.ok("DELETE", "/keys/ec", None);
    h.create("newcomer", json!({"kty": "EC", "crv": "P-256"}));
    let (s, _) = h.call(
        "DELETE",
        &format!("/keys/ec/providers/Microsoft.Authorization/roleAssignments/{assignment}"),
        None,
    );
    assert_eq!(s, 200);
    let done = restore(&h, &token, &folder);
    assert_eq!(done["status"], "Succeeded", "{done}");
    assert_eq!(done["statusDetails"], Value::Null);
    assert!(done.get("azureStorageBlobContainerUri").is_none(), "{done}");

    assert_eq!(inventory(&h), before);
    assert_eq!(assignment_names(&h), before_rbac);
    h.err("GET", "/keys/newcomer", None, 404, "KeyNotFound");
    let deleted = h.ok("GET", "/deletedkeys/gone", None);
    assert!(deleted["scheduledPurgeDate"].is_i64());
    let got = h.ok("GET", "/keys/signer", None);
    assert_eq!(got["key"]["n"], rsa2["key"]["n"]);
    assert_eq!(got["tags"], json!({"env": "prod"}));
    assert_eq!(
        h.ok("GET", "/keys/signer/rotationpolicy", None)["attributes"]["expiryTime"],
        "P1Y"
    );
    // The first version's private key came back: its old signature verifies, and it signs the
    // same (RSA PKCS#1 v1.5 is deterministic).
    let ok = h.op(
        &format!("signer/{v1}"),
        "verify",
        json!({"alg": "RS256", "digest": base64_url(&digest), "value": sig["value"]}),
    );
    assert_eq!(ok["value"], true);
    let again = h.op(
        &format!("signer/{v1}"),
        "sign",
        json!({"alg": "RS256", "value": base64_url(&digest)}),
    );
    assert_eq!(again["value"], sig["value"]);

    // Both jobs are in the audit log with their outcome.
    let audit = std::fs::read_to_string(cx.emu.state().join("audit").join("bk-a.jsonl")).unwrap();
    for op in [
        "BackupCreate",
        "RestoreStart",
        "BackupStatus",
        "RestoreStatus",
    ] {
        assert!(
            audit.contains(&format!("\"operationName\":\"{op}\"")),
            "{op}"
        );
    }
    assert!(audit.contains("\"resultType\":\"Succeeded\""));
    assert!(
        !audit.contains(&token[token.find("sig=").unwrap()..]),
        "SAS in the audit log"
    );
}

fn base64_url(b: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

#[test]
fn selective_restore_counts_versions_restored_and_kept() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("bk-sel");
    let token = sas(&cx, "backups", "crdw", "2h");
    h.create("one", json!({"kty": "EC", "crv": "P-256"}));
    h.ok("POST", "/keys/one/rotate", None);
    h.create("other", json!({"kty": "EC", "crv": "P-256"}));
    let folder = backup(&h, &token);
    let before = inventory(&h);
    h.ok("DELETE", "/keys/one", None);
    let (s, _) = h.call("DELETE", "/deletedkeys/one", None);
    assert_eq!(s, 204);
    h.ok("DELETE", "/keys/other", None);

    let body = json!({"sasTokenParameters": sas_body(&token), "folder": folder});
    let url = start(&h, "PUT", "/keys/one/restore", body.clone());
    assert!(url.contains("/restore/"), "{url}");
    let done = wait(&h, &url);
    assert_eq!(done["status"], "Succeeded", "{done}");
    assert_eq!(
        done["statusDetails"],
        "Number of successful key versions restored: 2, Number of key versions could not overwrite: 0"
    );
    assert_eq!(
        inventory(&h),
        before
            .iter()
            .filter(|(n, _)| n == "one")
            .cloned()
            .collect::<Vec<_>>()
    );
    // Again: every version is there already.
    let done = wait(&h, &start(&h, "PUT", "/keys/one/restore", body.clone()));
    assert_eq!(
        done["statusDetails"],
        "Number of successful key versions restored: 0, Number of key versions could not overwrite: 2"
    );
    // A soft-deleted key is not overwritten; a key the backup lacks is a failed job.
    let done = wait(&h, &start(&h, "PUT", "/keys/other/restore", body.clone()));
    assert_eq!(done["status"], "Failed", "{done}");
    assert_eq!(done["error"]["code"], "Conflict", "{done}");
    let done = wait(&h, &start(&h, "PUT", "/keys/nokey/restore", body));
    assert_eq!(done["status"], "Failed");
    assert_eq!(done["error"]["code"], "KeyNotFound", "{done}");
}

#[test]
fn one_job_at_a_time_and_a_running_restore_disables_the_data_plane() {
    let cx = job_delay(1500);
    let h = cx.hsm("bk-busy");
    let token = sas(&cx, "backups", "crdw", "2h");
    h.create("k", json!({"kty": "EC", "crv": "P-256"}));
    let first = start(&h, "POST", "/backup", sas_body(&token));
    let (s, _, _, v) = send(&h, "POST", "/backup", sas_body(&token));
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (409, Some("Conflict")),
        "{v}"
    );
    let msg = v["error"]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("Another backup operation is in progress"),
        "{msg}"
    );
    let job = first.rsplit('/').nth(1).unwrap();
    assert!(msg.contains(job), "the 409 names the running job: {msg}");
    let (s, _, _, _) = send(
        &h,
        "PUT",
        "/restore",
        restore_body(&token, "mhsm-x-20240101000000"),
    );
    assert_eq!(s, 409);
    // Other operations go on during a backup.
    h.ok("GET", "/keys/k", None);
    let done = wait(&h, &first);
    assert_eq!(done["status"], "Succeeded");
    let folder = done["azureStorageBlobContainerUri"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();

    let url = start(&h, "PUT", "/restore", restore_body(&token, &folder));
    let msg = h.err("GET", "/keys/k", None, 409, "Conflict");
    assert!(msg.contains("restore is in progress"), "{msg}");
    let (s, v) = h.call(
        "GET",
        "/providers/Microsoft.Authorization/roleAssignments",
        None,
    );
    assert_eq!(s, 409, "{v}");
    let (s, v) = h.cx.send("GET", &format!("{url}?api-version={API}"), None);
    assert_eq!((s, v["status"].as_str()), (200, Some("InProgress")));
    assert_eq!(wait(&h, &url)["status"], "Succeeded");
    h.ok("GET", "/keys/k", None);
}

#[test]
fn a_full_restore_needs_a_recent_backup_of_the_target() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("bk-rule");
    let token = sas(&cx, "backups", "crdw", "30d");
    let msg = h.err(
        "PUT",
        "/restore",
        Some(restore_body(&token, "mhsm-bk-rule-20240101000000")),
        400,
        "BadParameter",
    );
    assert!(
        msg.contains("within the last 30 minutes") && msg.contains("none has been taken"),
        "{msg}"
    );
    let folder = backup(&h, &token);
    cx.advance(31 * 60);
    let msg = h.err(
        "PUT",
        "/restore",
        Some(restore_body(&token, &folder)),
        400,
        "BadParameter",
    );
    assert!(msg.contains("31 minutes ago"), "{msg}");
    // Pre-restore is a check, not a restore: no rule; and selective restore is not held by it.
    let done = wait(
        &h,
        &start(&h, "PUT", "/prerestore", restore_body(&token, &folder)),
    );
    assert_eq!(done["status"], "Succeeded", "{done}");
    backup(&h, &token);
    assert_eq!(restore(&h, &token, &folder)["status"], "Succeeded");
}

#[test]
fn bad_requests_are_400s_and_storage_failures_are_failed_jobs_that_change_nothing() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("bk-bad");
    let good = sas(&cx, "backups", "crdw", "2h");
    h.create("k", json!({"kty": "EC", "crv": "P-256"}));
    // Synchronous refusals.
    let no_expiry = good
        .split('&')
        .filter(|p| !p.starts_with("se="))
        .collect::<Vec<_>>()
        .join("&");
    let (s, _, _, v) = send(&h, "POST", "/backup", sas_body(&no_expiry));
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["error"]["code"], "BadRequest");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("The customer provided SAS token is malformed. The SAS token does not contain the expiry field")
    );
    for bad in [
        json!({"storageResourceUri": CONTAINER_URI}),
        json!({"token": good}),
        json!({"storageResourceUri": "not a url", "token": good}),
        json!({"storageResourceUri": CONTAINER_URI, "useManagedIdentity": true}),
        json!([1, 2]),
        json!({"storageResourceUri": CONTAINER_URI, "token": 5}),
    ] {
        let (s, _, _, v) = send(&h, "POST", "/backup", bad.clone());
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (400, Some("BadParameter")),
            "{bad}: {v}"
        );
    }
    for folder in ["", "../x", "a/b"] {
        let (s, _, _, v) = send(&h, "PUT", "/restore", restore_body(&good, folder));
        assert_eq!(s, 400, "{folder}: {v}");
    }
    let (s, _, _, v) = send(
        &h,
        "PUT",
        "/restore",
        json!({"folderToRestore": "mhsm-x-20240101000000"}),
    );
    assert_eq!(s, 400, "{v}");

    // Failed jobs, each with the storage service's error.
    let fail = |body: Value, method: &str, path: &str| {
        let done = wait(&h, &start(&h, method, path, body));
        assert_eq!(done["status"], "Failed", "{done}");
        assert!(done["endTime"].is_i64());
        done["error"].clone()
    };
    let missing = json!({"storageResourceUri": "https://mhsmbackups.blob.storage.emulator/nosuchcontainer", "token": sas(&cx, "nosuchcontainer", "crdw", "2h")});
    assert_eq!(
        fail(missing, "POST", "/backup")["code"],
        "ContainerNotFound"
    );
    let read_only = sas(&cx, "backups", "rl", "2h");
    assert_eq!(
        fail(sas_body(&read_only), "POST", "/backup")["code"],
        "AuthorizationPermissionMismatch"
    );
    let forged = good.replace("sig=", "sig=AAAA");
    assert_eq!(
        fail(sas_body(&forged), "POST", "/backup")["code"],
        "AuthenticationFailed"
    );

    let folder = backup(&h, &good);
    let before = inventory(&h);
    let e = fail(
        restore_body(&good, "mhsm-bk-bad-20000101000000"),
        "PUT",
        "/restore",
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("does not hold a Managed HSM backup"),
        "{e}"
    );
    // Tamper with one part: the restore fails and the HSM is as it was.
    let dir = cx
        .emu
        .state()
        .join("storage")
        .join(ACCOUNT)
        .join("backups")
        .join(&folder);
    let part = dir.join("keys-00000.bin");
    let mut bytes = std::fs::read(&part).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&part, &bytes).unwrap();
    let e = fail(restore_body(&good, &folder), "PUT", "/restore");
    assert!(e["message"].as_str().unwrap().contains("tampered"), "{e}");
    bytes.truncate(10);
    std::fs::write(&part, &bytes).unwrap();
    let e = fail(restore_body(&good, &folder), "PUT", "/restore");
    assert!(e["message"].as_str().unwrap().contains("incomplete"), "{e}");
    assert_eq!(inventory(&h), before);
    // A restore SAS needs r and l; an expired one is refused.
    let e = fail(
        restore_body(&sas(&cx, "backups", "w", "2h"), &folder),
        "PUT",
        "/restore",
    );
    assert_eq!(e["code"], "AuthorizationPermissionMismatch", "{e}");

    // Roles: a Crypto User may not start a backup; the status of an unknown job is a 404.
    let (s, v) = h.call(
        "GET",
        "/backup/0123456789abcdef0123456789abcdef/pending",
        None,
    );
    assert_eq!(
        (s, v["error"]["code"].as_str()),
        (404, Some("JobNotFound")),
        "{v}"
    );
}

#[test]
fn an_interrupted_job_fails_after_a_restart_and_the_slot_is_free() {
    let mut cx = job_delay(20_000);
    let created = cx.emu.create_hsm("bk-crash");
    let token = sas(&cx, "backups", "crdw", "2h");
    let url = {
        let h = cx.hsm_from(&created);
        start(&h, "POST", "/backup", sas_body(&token))
    };
    cx.emu.restart(true);
    *cx.token.borrow_mut() = cx
        .emu
        .token("security-officer", "https://managedhsm.azure.net");
    let base = created["properties"]["hsmUri"]
        .as_str()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    let h = Hsm { cx: &cx, base };
    let (s, v) = h.cx.send("GET", &format!("{url}?api-version={API}"), None);
    assert_eq!((s, v["status"].as_str()), (200, Some("Failed")), "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("interrupted"),
        "{v}"
    );
    // The slot is free again.
    start(&h, "POST", "/backup", sas_body(&token));
}

#[test]
fn hostile_requests_get_azure_shaped_4xx_and_the_emulator_stays_healthy() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("bk-hostile");
    let token = sas(&cx, "backups", "crdw", "2h");
    let raw = |method: &str, path: &str, body: Vec<u8>, bearer: &str| {
        let url = format!("{}{path}?api-version={API}", h.base);
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let req = cx
            .http
            .request(m, &url)
            .bearer_auth(bearer)
            .header("content-type", "application/json")
            .body(body);
        cx.rt.block_on(async {
            let r = req.send().await.unwrap();
            let s = r.status().as_u16();
            (s, r.text().await.unwrap())
        })
    };
    let me = cx.token.borrow().clone();
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    for (method, path) in [
        ("POST", "/backup"),
        ("PUT", "/restore"),
        ("PUT", "/keys/k/restore"),
        ("POST", "/prebackup"),
        ("PUT", "/prerestore"),
    ] {
        for body in [
            nested.clone(),
            vec![0xff, 0xfe, 0x00],
            b"{\"storageResourceUri\":".to_vec(),
            b"null".to_vec(),
        ] {
            let (s, text) = raw(method, path, body, &me);
            assert_eq!(s, 400, "{method} {path}: {text}");
            let v: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["error"]["code"], "BadParameter", "{text}");
        }
    }
    // A very long folder name, a job id that is not one, and a forged token.
    let (s, _, _, v) = send(
        &h,
        "PUT",
        "/restore",
        restore_body(&token, &"m".repeat(5000)),
    );
    assert_eq!(s, 400, "{v}");
    let (s, v) = h.call("GET", "/restore/..%2F..%2Fetc/pending", None);
    assert_eq!(s, 404, "{v}");
    let forged = format!("{}x", &me[..me.len() - 1]);
    let (s, _) = raw(
        "POST",
        "/backup",
        serde_json::to_vec(&sas_body(&token)).unwrap(),
        &forged,
    );
    assert_eq!(s, 401);
    // Still healthy: a backup goes through.
    backup(&h, &token);
}

#[test]
fn pre_backup_proves_the_backup_could_write_and_leaves_nothing_behind() {
    let cx = Ctx::pre_activated();
    let h = cx.hsm("bk-pre");
    let ok = wait(
        &h,
        &start(
            &h,
            "POST",
            "/prebackup",
            sas_body(&sas(&cx, "backups", "crdw", "2h")),
        ),
    );
    assert_eq!(ok["status"], "Succeeded", "{ok}");
    assert_eq!(ok["azureStorageBlobContainerUri"], Value::Null);
    let container = cx.emu.state().join("storage").join(ACCOUNT).join("backups");
    let left: Vec<_> = std::fs::read_dir(&container).unwrap().collect();
    assert!(left.is_empty(), "the check left {left:?}");
    let refused = wait(
        &h,
        &start(
            &h,
            "POST",
            "/prebackup",
            sas_body(&sas(&cx, "backups", "rl", "2h")),
        ),
    );
    assert_eq!(refused["status"], "Failed", "{refused}");
    assert_eq!(
        refused["error"]["code"], "AuthorizationPermissionMismatch",
        "{refused}"
    );
    // A pre-backup is no backup: a full restore still needs one.
    let (s, _, _, v) = send(
        &h,
        "PUT",
        "/restore",
        restore_body(
            &sas(&cx, "backups", "rl", "2h"),
            "mhsm-bk-pre-20240101000000",
        ),
    );
    assert_eq!(s, 400, "{v}");
}
