//! Local RBAC end to end: the seeds' separation-of-duties tutorial with the real binary, the full
//! decision matrix (every built-in role × every data action × four scopes) probed over HTTP
//! against an independent table, group-versus-direct grants, the role commands' az shapes and
//! pain-point fixes, bulk assignments, throttling and the audit log.

use serde_json::{Value, json};
use std::collections::HashMap;

use crate::harness::{Emu, Out};

/// Data actions of the built-in roles, typed from rest-api.md §8.2 (independent of the code).
const TABLE: &[(&str, &str)] = &[
    (
        "Managed HSM Administrator",
        "roleAssignments/delete/action roleAssignments/read/action roleAssignments/write/action roleDefinitions/read/action roleDefinitions/write/action roleDefinitions/delete/action securitydomain/download/action securitydomain/download/read securitydomain/upload/action securitydomain/upload/read securitydomain/transferkey/read backup/start/action restore/start/action backup/status/action restore/status/action settings/read/action settings/write/action",
    ),
    (
        "Managed HSM Crypto Officer",
        "roleAssignments/delete/action roleAssignments/read/action roleAssignments/write/action roleDefinitions/read/action roleDefinitions/write/action roleDefinitions/delete/action keys/deletedKeys/read/action keys/deletedKeys/delete keys/deletedKeys/recover/action keys/export/action",
    ),
    (
        "Managed HSM Crypto User",
        "roleDefinitions/read/action roleAssignments/read/action keys/read/action keys/write/action keys/delete keys/create keys/rotate/action keys/import/action keys/release/action keys/backup/action keys/restore/action keys/encrypt/action keys/decrypt/action keys/wrap/action keys/unwrap/action keys/sign/action keys/verify/action keys/derive/action rng/action",
    ),
    (
        "Managed HSM Policy Administrator",
        "roleDefinitions/read/action roleDefinitions/write/action roleDefinitions/delete/action roleAssignments/read/action roleAssignments/write/action roleAssignments/delete/action",
    ),
    (
        "Managed HSM Crypto Auditor",
        "roleAssignments/read/action roleDefinitions/read/action keys/read/action keys/deletedKeys/read/action",
    ),
    (
        "Managed HSM Crypto Service Encryption User",
        "keys/read/action keys/wrap/action keys/unwrap/action",
    ),
    (
        "Managed HSM Crypto Service Release User",
        "keys/release/action",
    ),
    (
        "Managed HSM Backup User",
        "backup/start/action backup/status/action keys/backup/action",
    ),
    (
        "Managed HSM Restore User",
        "keys/restore/action restore/start/action restore/status/action",
    ),
];

/// One request per data action, on key `a` where the action is per key; `true` = the action
/// targets that key (covered by a `/keys/a` assignment), `false` = HSM-level.
fn probes() -> Vec<(&'static str, &'static str, String, bool)> {
    let v = "0123456789abcdef0123456789abcdef";
    let g = uuid::Uuid::new_v4();
    vec![
        ("keys/read/action", "GET", "/keys/a".into(), true),
        ("keys/write/action", "PATCH", format!("/keys/a/{v}"), true),
        ("keys/create", "POST", "/keys/a/create".into(), false),
        ("keys/delete", "DELETE", "/keys/a".into(), true),
        ("keys/import/action", "PUT", "/keys/a".into(), false),
        (
            "keys/export/action",
            "POST",
            format!("/keys/a/{v}/export"),
            true,
        ),
        (
            "keys/release/action",
            "POST",
            format!("/keys/a/{v}/release"),
            true,
        ),
        ("keys/backup/action", "POST", "/keys/a/backup".into(), true),
        ("keys/restore/action", "POST", "/keys/restore".into(), false),
        ("keys/rotate/action", "POST", "/keys/a/rotate".into(), true),
        (
            "keys/encrypt/action",
            "POST",
            format!("/keys/a/{v}/encrypt"),
            true,
        ),
        (
            "keys/decrypt/action",
            "POST",
            format!("/keys/a/{v}/decrypt"),
            true,
        ),
        (
            "keys/wrap/action",
            "POST",
            format!("/keys/a/{v}/wrapkey"),
            true,
        ),
        (
            "keys/unwrap/action",
            "POST",
            format!("/keys/a/{v}/unwrapkey"),
            true,
        ),
        (
            "keys/sign/action",
            "POST",
            format!("/keys/a/{v}/sign"),
            true,
        ),
        (
            "keys/verify/action",
            "POST",
            format!("/keys/a/{v}/verify"),
            true,
        ),
        (
            "keys/deletedKeys/read/action",
            "GET",
            "/deletedkeys/a".into(),
            true,
        ),
        (
            "keys/deletedKeys/recover/action",
            "POST",
            "/deletedkeys/a/recover".into(),
            true,
        ),
        (
            "keys/deletedKeys/delete",
            "DELETE",
            "/deletedkeys/a".into(),
            true,
        ),
        (
            "roleAssignments/read/action",
            "GET",
            "/providers/Microsoft.Authorization/roleAssignments".into(),
            false,
        ),
        (
            "roleAssignments/write/action",
            "PUT",
            format!("/providers/Microsoft.Authorization/roleAssignments/{g}"),
            false,
        ),
        (
            "roleAssignments/delete/action",
            "DELETE",
            format!("/providers/Microsoft.Authorization/roleAssignments/{g}"),
            false,
        ),
        (
            "roleDefinitions/read/action",
            "GET",
            "/providers/Microsoft.Authorization/roleDefinitions".into(),
            false,
        ),
        (
            "roleDefinitions/write/action",
            "PUT",
            format!("/providers/Microsoft.Authorization/roleDefinitions/{g}"),
            false,
        ),
        (
            "roleDefinitions/delete/action",
            "DELETE",
            format!("/providers/Microsoft.Authorization/roleDefinitions/{g}"),
            false,
        ),
        (
            "securitydomain/download/action",
            "POST",
            "/securitydomain/download".into(),
            false,
        ),
        (
            "securitydomain/download/read",
            "GET",
            "/securitydomain/download/pending".into(),
            false,
        ),
        (
            "securitydomain/upload/action",
            "POST",
            "/securitydomain/upload".into(),
            false,
        ),
        (
            "securitydomain/upload/read",
            "GET",
            "/securitydomain/upload/pending".into(),
            false,
        ),
        (
            "securitydomain/transferkey/read",
            "GET",
            "/securitydomain/upload".into(),
            false,
        ),
        ("backup/start/action", "POST", "/backup".into(), false),
        (
            "backup/status/action",
            "GET",
            format!("/backup/{v}/pending"),
            false,
        ),
        ("restore/start/action", "PUT", "/restore".into(), false),
        (
            "restore/status/action",
            "GET",
            format!("/restore/{v}/pending"),
            false,
        ),
        ("rng/action", "POST", "/rng".into(), false),
        ("settings/read/action", "GET", "/settings".into(), false),
        (
            "settings/write/action",
            "PATCH",
            "/settings/AllowKeyManagementOperationsThroughARM".into(),
            false,
        ),
        // keys/derive/action is granted to Crypto User but has no REST operation to probe.
    ]
}

/// Sends a request; returns (status, error code).
async fn call(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    method: &str,
    path: &str,
    body: Value,
) -> (u16, String) {
    let url = format!("{}{path}?api-version=7.5", base.trim_end_matches('/'));
    let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let r = http
        .request(m, url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let v: Value = r.json().await.unwrap_or(Value::Null);
    (
        status,
        v["error"]["code"].as_str().unwrap_or_default().to_string(),
    )
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn hsm_uri(hsm: &Value) -> String {
    hsm["properties"]["hsmUri"].as_str().unwrap().to_string()
}

#[test]
fn decision_matrix_every_role_action_and_scope() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let hsm = emu.create_hsm("matrix-hsm");
    let base = hsm_uri(&hsm);
    let admin = emu.token("security-officer", "https://managedhsm.azure.net");
    let dev = emu.token("developer", "https://managedhsm.azure.net");
    let dev_oid = emu.oid("developer");
    let http = emu.http();
    let guids: HashMap<&str, &str> = [
        (
            "Managed HSM Administrator",
            "a290e904-7015-4bba-90c8-60543313cdb4",
        ),
        (
            "Managed HSM Crypto Officer",
            "515eb02d-2335-4d2d-92f2-b1cbdf9c3778",
        ),
        (
            "Managed HSM Crypto User",
            "21dbd100-6940-42c2-9190-5d6cb909625b",
        ),
        (
            "Managed HSM Policy Administrator",
            "4bd23610-cdcf-4971-bdee-bdc562cc28e4",
        ),
        (
            "Managed HSM Crypto Auditor",
            "2c18b078-7c48-4d3a-af88-5a3a1b3f82b3",
        ),
        (
            "Managed HSM Crypto Service Encryption User",
            "33413926-3206-4cdd-b39a-83574fe37a17",
        ),
        (
            "Managed HSM Crypto Service Release User",
            "21dbd100-6940-42c2-9190-5d6cb909625c",
        ),
        (
            "Managed HSM Backup User",
            "7b127d3c-77bd-4e3e-bbe0-dbb8971fa7f8",
        ),
        (
            "Managed HSM Restore User",
            "6efe6056-5259-49d2-8b3d-d3d73544b20b",
        ),
    ]
    .into_iter()
    .collect();
    let rt = rt();
    let mut mismatches = Vec::new();
    let mut checked = 0;
    // With no assignment, everything is denied.
    for (action, method, path, _) in probes() {
        let (s, code) = rt.block_on(call(&http, &base, &dev, method, &path, json!({})));
        if s != 403 || code != "AccessDenied" {
            mismatches.push(format!("no role: {action} → {s} {code}"));
        }
    }
    for (role, actions) in TABLE {
        let granted: Vec<&str> = actions.split_whitespace().collect();
        for scope in ["/", "/keys", "/keys/a", "/keys/b"] {
            let name = uuid::Uuid::new_v4().to_string();
            let prefix = if scope == "/" {
                String::new()
            } else {
                scope.to_string()
            };
            let path = format!("{prefix}/providers/Microsoft.Authorization/roleAssignments/{name}");
            let body = json!({"properties": {"roleDefinitionId": format!("Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/{}", guids[role]), "principalId": dev_oid}});
            let (s, _) = rt.block_on(call(&http, &base, &admin, "PUT", &path, body));
            assert_eq!(s, 201, "assign {role} at {scope}");
            let results = rt.block_on(async {
                let futs = probes().into_iter().map(|(action, method, p, per_key)| {
                    let http = http.clone();
                    let base = base.clone();
                    let dev = dev.clone();
                    async move {
                        let (s, code) = call(&http, &base, &dev, method, &p, json!({})).await;
                        (action, per_key, s, code)
                    }
                });
                futures::future::join_all(futs).await
            });
            for (action, per_key, s, code) in results {
                let covers = match scope {
                    "/" | "/keys" => true,
                    "/keys/a" => per_key,
                    _ => false,
                };
                let expected = granted.contains(&action) && covers;
                let allowed = !(s == 403 && code == "AccessDenied");
                checked += 1;
                if expected != allowed {
                    mismatches.push(format!(
                        "{role} at {scope}: {action} expected {} got {s} {code}",
                        if expected { "allowed" } else { "denied" }
                    ));
                }
            }
            let (s, _) = rt.block_on(call(&http, &base, &admin, "DELETE", &path, json!({})));
            assert_eq!(s, 200);
        }
    }
    assert!(checked >= 9 * 4 * 37, "checked {checked}");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn group_grants_apply_to_users_not_service_principals() {
    let mut emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    // A group with a user and a service principal as members.
    emu.edit_directory(|d| {
        d["groups"].as_array_mut().unwrap().push(json!({
            "name": "key-readers", "object_id": uuid::Uuid::new_v4().to_string(),
            "display_name": "key-readers", "members": ["developer", "reader"]
        }));
    });
    let hsm = emu.create_hsm("group-hsm");
    let readers = emu.oid("key-readers");
    emu.mhsm(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            "group-hsm",
            "--role",
            "Managed HSM Crypto Auditor",
            "--scope",
            "/",
            "--assignee-object-id",
            &readers,
        ],
    )
    .ok();
    // The user member gets the group's grant; the service principal member does not.
    emu.mhsm(
        "developer",
        &["role", "assignment", "list", "--hsm-name", "group-hsm"],
    )
    .ok();
    let sp = emu
        .mhsm(
            "reader",
            &["role", "assignment", "list", "--hsm-name", "group-hsm"],
        )
        .code(1);
    assert!(sp.stderr.contains("(AccessDenied)"), "{}", sp.stderr);
    // A direct grant works for the service principal.
    emu.mhsm(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            "group-hsm",
            "--role",
            "Managed HSM Crypto Auditor",
            "--scope",
            "/",
            "--assignee",
            "reader",
        ],
    )
    .ok();
    emu.mhsm(
        "reader",
        &["role", "assignment", "list", "--hsm-name", "group-hsm"],
    )
    .ok();
    drop(hsm);
}

fn assignment(out: &Out) -> Value {
    out.json()
}

#[test]
fn separation_of_duties_tutorial() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let hsm = emu.create_hsm("contoso-hsm");
    let base = hsm_uri(&hsm);
    let h = ["--hsm-name", "contoso-hsm"];
    let with =
        |extra: &[&str]| -> Vec<String> { extra.iter().chain(&h).map(|s| s.to_string()).collect() };
    let run = |who: &str, args: &[&str]| {
        let a = with(args);
        emu.mhsm(who, &a.iter().map(String::as_str).collect::<Vec<_>>())
    };

    // The security team (a group) holds Administrator at '/' from creation.
    let list = run("security-officer", &["role", "assignment", "list"])
        .ok()
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["roleName"], "Managed HSM Administrator");
    assert_eq!(list[0]["principalName"], "security-team");
    assert_eq!(list[0]["principalType"], "Group");

    // The security officer grants least privilege.
    let a = assignment(
        &run(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--role",
                "Managed HSM Crypto Auditor",
                "--scope",
                "/",
                "--assignee",
                "auditors",
            ],
        )
        .ok(),
    );
    assert_eq!(a["principalType"], "Group");
    let vm = emu.principal("app-vm");
    let a = assignment(
        &run(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--role",
                "Managed HSM Crypto User",
                "--scope",
                "/keys",
                "--assignee",
                vm["client_id"].as_str().unwrap(),
            ],
        )
        .ok(),
    );
    assert_eq!(
        a["principalId"], vm["object_id"],
        "an application id resolves to its service principal"
    );
    assert_eq!(a["scope"], "/keys");
    let storage = emu.oid("storage-account");
    run(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto Service Encryption User",
            "--scope",
            "/keys",
            "--assignee-object-id",
            &storage,
        ],
    )
    .ok();
    let table = run(
        "security-officer",
        &[
            "role",
            "assignment",
            "list",
            "--scope",
            "/keys",
            "-o",
            "table",
        ],
    )
    .ok();
    // Rows in a stable order (the service lists in no particular order).
    let redacted = crate::harness::redact(&table.stdout);
    let mut lines: Vec<&str> = redacted.lines().collect();
    lines[2..].sort();
    insta::assert_snapshot!("tutorial_keys_assignments_table", lines.join("\n"));

    // The auditors can list assignments but cannot grant roles or create keys.
    let seen = run("auditor", &["role", "assignment", "list"]).ok().json();
    assert_eq!(
        seen.as_array().unwrap().len(),
        4,
        "listing at / shows the HSM-wide assignments (/ and /keys)"
    );
    let denied = run(
        "auditor",
        &[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/",
            "--assignee-object-id",
            &emu.oid("auditor"),
        ],
    )
    .code(1);
    assert!(denied.stderr.contains("(AccessDenied) Not authorized to access Microsoft.KeyVault/managedHsm/roleAssignments/write/action on /"), "{}", denied.stderr);
    let rt = rt();
    let http = emu.http();
    let auditor = emu.token("auditor", "https://managedhsm.azure.net");
    let (s, code) = rt.block_on(call(
        &http,
        &base,
        &auditor,
        "POST",
        "/keys/signing-key/create",
        json!({"kty": "RSA-HSM"}),
    ));
    assert_eq!((s, code.as_str()), (403, "AccessDenied"));

    // Administrators cannot use keys until granted a key role (separation of duties).
    let officer = emu.token("security-officer", "https://managedhsm.azure.net");
    let (s, _) = rt.block_on(call(
        &http,
        &base,
        &officer,
        "POST",
        "/keys/signing-key/create",
        json!({"kty": "RSA-HSM"}),
    ));
    assert_eq!(s, 403);

    // A Managed HSM Contributor on the management plane gets 403 on every data-plane call.
    let contributor = emu.token("hsm-operator", "https://managedhsm.azure.net");
    for (action, method, path, _) in probes() {
        let (s, code) = rt.block_on(call(&http, &base, &contributor, method, &path, json!({})));
        assert_eq!(
            (s, code.as_str()),
            (403, "AccessDenied"),
            "contributor: {action}"
        );
    }
    let out = run("hsm-operator", &["role", "assignment", "list"]).code(1);
    assert!(
        out.stderr.contains("(AccessDenied)") && out.stderr.contains("local RBAC"),
        "{}",
        out.stderr
    );
}

#[test]
fn role_commands_shapes_errors_and_az_pain_points() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let hsm = emu.create_hsm("roles-hsm");
    let so = |args: &[&str]| {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--hsm-name", "roles-hsm"]);
        emu.mhsm("security-officer", &a)
    };
    let defs = so(&["role", "definition", "list"]).ok().json();
    assert_eq!(defs.as_array().unwrap().len(), 10);
    // Tables as the real az prints them against the emulator: list has az's transformer (whose
    // `Type` is the resource type), show has none (auto-table of the scalar members).
    insta::assert_snapshot!(
        "definition_list_table",
        so(&["role", "definition", "list", "-o", "table"])
            .ok()
            .stdout
    );
    insta::assert_snapshot!(
        "definition_show_table",
        so(&[
            "role",
            "definition",
            "show",
            "-n",
            "21dbd100-6940-42c2-9190-5d6cb909625b",
            "-o",
            "table"
        ])
        .ok()
        .stdout
    );
    let created = so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/keys/table",
        "--assignee-object-id",
        "11111111-2222-3333-4444-555555555555",
        "-o",
        "table",
    ])
    .ok();
    insta::assert_snapshot!(
        "assignment_create_table",
        crate::harness::redact(&created.stdout)
    );
    let user = so(&[
        "role",
        "definition",
        "show",
        "-n",
        "21dbd100-6940-42c2-9190-5d6cb909625b",
    ])
    .ok();
    insta::assert_snapshot!("crypto_user_definition", user.stdout);
    let missing = so(&[
        "role",
        "definition",
        "show",
        "-n",
        "00000000-0000-0000-0000-000000000001",
    ])
    .code(3);
    assert!(
        missing
            .stderr
            .contains("(RoleDefinitionNotFound) Requested role definition not found"),
        "{}",
        missing.stderr
    );

    // Custom roles: create, update, list, delete.
    let custom = so(&["role", "definition", "create", "--role-definition", r#"{"roleName": "Key Reader", "description": "reads keys", "DataActions": ["Microsoft.KeyVault/managedHsm/keys/read/action"]}"#]).ok().json();
    assert_eq!(custom["roleType"], "CustomRole");
    assert_eq!(custom["assignableScopes"], json!(["/"]));
    let name = custom["name"].as_str().unwrap().to_string();
    let updated = so(&["role", "definition", "update", "--role-definition", &json!({"name": name, "roleName": "Key Reader", "dataActions": ["Microsoft.KeyVault/managedHsm/keys/read/action", "Microsoft.KeyVault/managedHsm/keys/sign/action"]}).to_string()]).ok().json();
    assert_eq!(
        updated["permissions"][0]["dataActions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        so(&["role", "definition", "list", "--custom-role-only"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let bad = so(&[
        "role",
        "definition",
        "create",
        "--role-definition",
        r#"{"roleName": "Bad", "dataActions": ["keys/everything"]}"#,
    ])
    .code(1);
    assert!(
        bad.stderr
            .contains("'keys/everything' is not a valid Managed HSM data action"),
        "{}",
        bad.stderr
    );
    let builtin = so(&[
        "role",
        "definition",
        "update",
        "--role-definition",
        r#"{"name": "21dbd100-6940-42c2-9190-5d6cb909625b", "roleName": "Mine"}"#,
    ])
    .code(1);
    assert!(
        builtin.stderr.contains(
            "(BadParameter) Cannot re-use the name/GUID matching that of a built-in role."
        ),
        "{}",
        builtin.stderr
    );
    let no_name = so(&[
        "role",
        "definition",
        "update",
        "--role-definition",
        r#"{"roleName": "x"}"#,
    ])
    .code(1);
    assert_eq!(
        no_name.stderr,
        "ERROR: Please provide \"name\" or \"id\" property in your role definition JSON content.\n"
    );
    // A custom role name resolves for assignments; deleting the role makes its assignments defunct.
    let dev = emu.oid("developer");
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Key Reader",
        "--scope",
        "/keys",
        "--assignee-object-id",
        &dev,
    ])
    .ok();
    so(&["role", "definition", "delete", "-n", &name]).ok();
    // Deleting it again succeeds as in az (scripts stay idempotent), with a warning.
    let again = so(&["role", "definition", "delete", "-n", &name]).ok();
    assert_eq!(again.stdout, "");
    assert!(
        again
            .stderr
            .contains("does not exist on this HSM: nothing was deleted"),
        "{}",
        again.stderr
    );
    let left = so(&["role", "assignment", "list", "--assignee-object-id", &dev])
        .ok()
        .json();
    assert_eq!(left[0]["roleName"], Value::Null);

    // az pain point 1: role names resolve at /keys (az: "Unknown role").
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/keys",
        "--assignee-object-id",
        &dev,
    ])
    .ok();
    // az pain point 2: a principal whose rights are only on /keys/<name> assigns there.
    let reader = emu.oid("reader");
    so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Policy Administrator",
        "--scope",
        "/keys/payments",
        "--assignee-object-id",
        &reader,
    ])
    .ok();
    emu.mhsm(
        "reader",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            "roles-hsm",
            "--role",
            "Managed HSM Crypto Service Encryption User",
            "--scope",
            "/keys/payments",
            "--assignee",
            "storage-account",
        ],
    )
    .ok();
    let at_root = emu
        .mhsm(
            "reader",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "roles-hsm",
                "--role",
                "Managed HSM Crypto User",
                "--scope",
                "/",
                "--assignee-object-id",
                &reader,
            ],
        )
        .code(1);
    assert!(
        at_root.stderr.contains("(AccessDenied)"),
        "{}",
        at_root.stderr
    );
    // az pain point 3: --id behaves like --hsm-name.
    let by_id = emu
        .mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "list",
                "--id",
                &hsm_uri(&hsm),
                "--scope",
                "/keys/payments",
            ],
        )
        .ok()
        .json();
    assert_eq!(by_id.as_array().unwrap().len(), 2);
    // Key-scoped assignments appear only at their key.
    assert!(
        so(&["role", "assignment", "list"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["scope"] == "/" || a["scope"] == "/keys")
    );
    // az bug 5: --ids deletes at the scope inside each id.
    let ids: Vec<String> = by_id
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    let mut args = vec!["role", "assignment", "delete", "--ids"];
    args.extend(ids.iter().map(String::as_str));
    so(&args).ok();
    assert_eq!(
        so(&["role", "assignment", "list", "--scope", "/keys/payments"])
            .ok()
            .json(),
        json!([])
    );

    // Clear errors.
    let unknown = so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Key Wizard",
        "--scope",
        "/",
        "--assignee-object-id",
        &dev,
    ])
    .code(1);
    assert!(
        unknown.stderr.contains("Unknown role \"Key Wizard\""),
        "{}",
        unknown.stderr
    );
    let scope = so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/secrets",
        "--assignee-object-id",
        &dev,
    ])
    .code(2);
    assert!(
        scope.stderr.contains("argument --scope")
            && scope.stderr.contains("'/secrets' is not a valid scope"),
        "{}",
        scope.stderr
    );
    let guid = so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/",
        "--assignee-object-id",
        "not-a-guid",
    ])
    .code(1);
    assert!(
        guid.stderr.contains("(BadParameter)") && guid.stderr.contains("not a valid object id"),
        "{}",
        guid.stderr
    );
    let who = so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/",
        "--assignee",
        "nobody@example.com",
    ])
    .code(1);
    assert!(
        who.stderr.contains(
            "Cannot find user or service principal in graph database for 'nobody@example.com'"
        ),
        "{}",
        who.stderr
    );
    let neither = so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/",
    ])
    .code(1);
    assert_eq!(
        neither.stderr,
        "ERROR: Please specify --assignee or --assignee-object-id.\n"
    );
    let nohsm = emu
        .mhsm("security-officer", &["role", "assignment", "list"])
        .code(1);
    assert_eq!(nohsm.stderr, "ERROR: Please specify --hsm-name or --id.\n");
    let nohsm = emu
        .mhsm("security-officer", &["role", "definition", "list"])
        .code(1);
    assert_eq!(nohsm.stderr, "ERROR: Please specify --hsm-name or --id\n");
    let nodel = so(&["role", "assignment", "delete"]).code(1);
    assert!(
        nodel
            .stderr
            .contains("Please specify at least one of these parameters"),
        "{}",
        nodel.stderr
    );
    let wrong_hsm = emu
        .mhsm(
            "security-officer",
            &["role", "assignment", "list", "--hsm-name", "nosuch-hsm"],
        )
        .code(3);
    assert!(
        wrong_hsm
            .stderr
            .contains("The HSM 'nosuch-hsm' was not found"),
        "{}",
        wrong_hsm.stderr
    );

    // Limits: 10 assignments per key scope.
    for i in 0..10 {
        let oid = uuid::Uuid::new_v4().to_string();
        let _ = i;
        so(&[
            "role",
            "assignment",
            "create",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/keys/limited",
            "--assignee-object-id",
            &oid,
        ])
        .ok();
    }
    let over = so(&[
        "role",
        "assignment",
        "create",
        "--role",
        "Managed HSM Crypto User",
        "--scope",
        "/keys/limited",
        "--assignee-object-id",
        &uuid::Uuid::new_v4().to_string(),
    ])
    .code(1);
    assert!(over.stderr.contains("limit of 10"), "{}", over.stderr);
}

#[test]
fn bulk_assignments_are_concurrent_throttle_safe_and_idempotent() {
    let emu = Emu::start_with(&[
        "--provision-delay-ms",
        "0",
        "--pre-activate",
        "--throttle-rbac",
        "5",
    ]);
    emu.create_hsm("bulk-hsm");
    let mut plan = String::from("assignments:\n");
    plan.push_str("  - role: Managed HSM Crypto Auditor\n    scope: /\n    assignee: auditors\n");
    plan.push_str("  - role: Managed HSM Crypto User\n    scope: /keys\n    assignee: app-vm\n");
    for k in 0..3 {
        for _ in 0..8 {
            plan.push_str(&format!(
                "  - role: 33413926-3206-4cdd-b39a-83574fe37a17\n    scope: /keys/key{k}\n    assigneeObjectId: {}\n",
                uuid::Uuid::new_v4()
            ));
        }
    }
    let file = emu.state().join("plan.yaml");
    std::fs::write(&file, &plan).unwrap();
    let f = file.to_str().unwrap();
    let first = emu
        .mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "bulk-hsm",
                "--file",
                f,
            ],
        )
        .ok()
        .json();
    let statuses: Vec<&str> = first
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.len(), 26);
    assert!(statuses.iter().all(|s| *s == "created"), "{first}");
    // Re-running is idempotent.
    let second = emu
        .mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "bulk-hsm",
                "--file",
                f,
            ],
        )
        .ok()
        .json();
    assert!(
        second
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "exists"),
        "{second}"
    );
    for k in 0..3 {
        let at = emu
            .mhsm(
                "security-officer",
                &[
                    "role",
                    "assignment",
                    "list",
                    "--hsm-name",
                    "bulk-hsm",
                    "--scope",
                    &format!("/keys/key{k}"),
                ],
            )
            .ok()
            .json();
        assert_eq!(at.as_array().unwrap().len(), 8);
    }
    // A bad plan fails before anything is written.
    std::fs::write(
        &file,
        "- role: Managed HSM Crypto User\n  scope: /nope\n  assigneeObjectId: x\n",
    )
    .unwrap();
    let bad = emu
        .mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "bulk-hsm",
                "--file",
                f,
            ],
        )
        .code(1);
    assert!(
        bad.stderr.contains("entry 1") && bad.stderr.contains("not a valid scope"),
        "{}",
        bad.stderr
    );
}

#[test]
fn throttling_answers_429_with_retry_after_and_audit_records_everything() {
    let emu = Emu::start_with(&[
        "--provision-delay-ms",
        "0",
        "--pre-activate",
        "--throttle-rbac",
        "2",
    ]);
    let hsm = emu.create_hsm("audit-hsm");
    emu.enable_audit_log("audit-hsm");
    let base = hsm_uri(&hsm);
    let rt = rt();
    let http = emu.http();
    let officer = emu.token("security-officer", "https://managedhsm.azure.net");
    let dev = emu.token("developer", "https://managedhsm.azure.net");
    let statuses: Vec<u16> = rt.block_on(async {
        let mut v = Vec::new();
        for _ in 0..6 {
            let url =
                format!("{base}providers/Microsoft.Authorization/roleAssignments?api-version=7.4");
            let r = http.get(url).bearer_auth(&officer).send().await.unwrap();
            if r.status() == 429 {
                assert!(r.headers().get("retry-after").is_some());
            }
            v.push(r.status().as_u16());
        }
        v
    });
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(statuses[0], 200);
    // The CLI rides through throttling (it honours Retry-After).
    emu.mhsm(
        "security-officer",
        &["role", "assignment", "list", "--hsm-name", "audit-hsm"],
    )
    .ok();
    let (s, _) = rt.block_on(call(
        &http,
        &base,
        &dev,
        "GET",
        "/providers/Microsoft.Authorization/roleDefinitions",
        json!({}),
    ));
    assert_eq!(s, 403);
    let log = std::fs::read_to_string(emu.state().join("audit").join("audit-hsm.jsonl")).unwrap();
    let records: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.len() >= 8);
    let denied = records
        .iter()
        .find(|r| r["httpStatusCode"] == 403)
        .expect("a denied request is audited");
    assert_eq!(denied["operationName"], "RoleDefinitionList");
    assert_eq!(denied["category"], "AuditEvent");
    assert_eq!(denied["resultType"], "Forbidden");
    let identity: Value = serde_json::from_str(denied["identity"].as_str().unwrap()).unwrap();
    assert_eq!(
        identity["claim"]["http_schemas_microsoft_com_identity"]["claims"]["objectidentifier"],
        emu.oid("developer")
    );
    assert!(records.iter().any(|r| r["httpStatusCode"] == 429));
    assert!(
        !log.contains(&officer) && !log.contains(&dev),
        "tokens never appear in the audit log"
    );
}
