//! Local RBAC as code with the real binary: `role export` of an HSM set up as in the seeds'
//! tutorial, `role apply` of that document to a second HSM, `role plan` showing no changes;
//! edits (add, change, remove with --prune) planned and applied exactly; invalid documents
//! refused before any request with the line of each problem; the lockout guard; a throttled
//! apply that converges and an interrupted one that a re-run finishes.

use serde_json::Value;
use std::path::Path;

use crate::harness::{Emu, Out};

fn hsm_args<'a>(hsm: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(["--hsm-name", hsm]);
    v
}

fn role(emu: &Emu, hsm: &str, args: &[&str]) -> Out {
    let mut a = vec!["role"];
    a.extend(hsm_args(hsm, args));
    emu.mhsm("security-officer", &a)
}

fn file(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Sets an HSM up as the seeds' tutorial does: the security team may use keys (and creates
/// `app-key`), a custom role, least-privilege assignments per key, an auditors group.
fn tutorial(emu: &Emu, hsm: &str) {
    emu.create_hsm(hsm);
    assign(
        emu,
        hsm,
        "Managed HSM Crypto User",
        "/keys",
        "security-team",
    );
    create_key(emu, hsm);
    emu.mhsm(
        "security-officer",
        &hsm_args(
            hsm,
            &[
                "role",
                "definition",
                "create",
                "--role-definition",
                r#"{"roleName": "Key Rotator", "description": "Rotates keys", "dataActions": ["Microsoft.KeyVault/managedHsm/keys/read/action", "Microsoft.KeyVault/managedHsm/keys/rotate/action"]}"#,
            ],
        ),
    )
    .ok();
    let upn = emu.principal("security-officer")["user_principal_name"]
        .as_str()
        .unwrap()
        .to_string();
    assign(emu, hsm, "Managed HSM Crypto Auditor", "/", "auditors");
    assign(
        emu,
        hsm,
        "Managed HSM Crypto User",
        "/keys/app-key",
        "app-vm",
    );
    assign(emu, hsm, "Key Rotator", "/keys/app-key", &upn);
}

fn assign(emu: &Emu, hsm: &str, role: &str, scope: &str, who: &str) {
    emu.mhsm(
        "security-officer",
        &hsm_args(
            hsm,
            &[
                "role",
                "assignment",
                "create",
                "--role",
                role,
                "--scope",
                scope,
                "--assignee",
                who,
            ],
        ),
    )
    .ok();
}

fn create_key(emu: &Emu, hsm: &str) {
    emu.mhsm(
        "security-officer",
        &hsm_args(hsm, &["key", "create", "-n", "app-key", "--kty", "EC-HSM"]),
    )
    .ok();
}

#[test]
fn export_apply_plan_edit_prune_and_refusals() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let dir = tempfile::tempdir().unwrap();
    tutorial(&emu, "src-hsm");
    emu.create_hsm("dst-hsm");

    // Export: YAML with roles by name, principals by name and object id, built-ins referenced.
    let doc = dir.path().join("rbac.yaml");
    let o = role(&emu, "src-hsm", &["export", "-f", doc.to_str().unwrap()]).ok();
    assert!(
        o.stderr
            .contains("Exported 1 custom role(s) and 5 role assignment(s)"),
        "{}",
        o.stderr
    );
    let text = std::fs::read_to_string(&doc).unwrap();
    assert!(
        text.starts_with("# Local RBAC of src-hsm as code"),
        "{text}"
    );
    let parsed: Value = serde_norway::from_str(&text).unwrap();
    assert_eq!(parsed["roles"][0]["name"], "Key Rotator");
    assert_eq!(
        parsed["roles"][0]["dataActions"].as_array().unwrap().len(),
        2
    );
    let rows = parsed["assignments"].as_array().unwrap();
    // Sorted by scope, role, principal.
    let order: Vec<(&str, &str)> = rows
        .iter()
        .map(|a| (a["scope"].as_str().unwrap(), a["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        order,
        [
            ("/", "Managed HSM Administrator"),
            ("/", "Managed HSM Crypto Auditor"),
            ("/keys", "Managed HSM Crypto User"),
            ("/keys/app-key", "Key Rotator"),
            ("/keys/app-key", "Managed HSM Crypto User"),
        ]
    );
    let find = |role: &str| {
        rows.iter()
            .find(|a| a["role"] == role && a["scope"] != "/keys")
            .unwrap()
    };
    assert_eq!(
        find("Managed HSM Crypto User")["principalType"],
        "ServicePrincipal"
    );
    assert_eq!(
        find("Managed HSM Crypto User")["principalId"],
        emu.oid("app-vm").as_str()
    );
    assert_eq!(
        find("Managed HSM Administrator")["principal"],
        "security-team"
    );
    assert_eq!(find("Managed HSM Administrator")["principalType"], "Group");
    assert_eq!(find("Key Rotator")["principalType"], "User");
    assert!(
        !text.contains("AKVBuiltInRole"),
        "built-in roles are not copied"
    );
    // Printed (JSON) when no file is given; same content.
    let printed = role(&emu, "src-hsm", &["export"]).ok().json();
    assert_eq!(printed, parsed);

    // Apply to a second HSM (without the key yet: assignments at a key scope need no key).
    let plan = role(&emu, "dst-hsm", &["plan", "-f", doc.to_str().unwrap()]).code(4);
    assert!(
        plan.stderr
            .contains("Plan: 5 to create, 0 to update, 0 to delete."),
        "{}",
        plan.stderr
    );
    let p = plan.json();
    assert_eq!(p[0]["action"], "create");
    assert_eq!(p[0]["type"], "roleDefinition");
    let applied = role(&emu, "dst-hsm", &["apply", "-f", doc.to_str().unwrap()]).ok();
    assert!(
        applied
            .stderr
            .contains("5 of 5 changes applied, 0 failed, 0 not applied"),
        "{}",
        applied.stderr
    );
    assert!(
        applied
            .json()
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "applied")
    );
    let again = role(&emu, "dst-hsm", &["plan", "-f", doc.to_str().unwrap()]).ok();
    assert!(
        again.stderr.contains("No changes: the HSM matches"),
        "{}",
        again.stderr
    );
    assert_eq!(again.json(), serde_json::json!([]));
    let again = role(&emu, "dst-hsm", &["apply", "-f", doc.to_str().unwrap()]).ok();
    assert!(
        again.stderr.contains("No changes: the HSM already matches"),
        "{}",
        again.stderr
    );
    // The custom role keeps its GUID across HSMs (ids in the document).
    let src_role = role(
        &emu,
        "src-hsm",
        &["definition", "list", "--custom-role-only"],
    )
    .ok()
    .json();
    let dst_role = role(
        &emu,
        "dst-hsm",
        &["definition", "list", "--custom-role-only"],
    )
    .ok()
    .json();
    assert_eq!(src_role[0]["name"], dst_role[0]["name"]);
    // An export of the copy (once it has the key) plans no change on the original.
    create_key(&emu, "dst-hsm");
    let copy = dir.path().join("copy.json");
    role(&emu, "dst-hsm", &["export", "-f", copy.to_str().unwrap()]).ok();
    role(
        &emu,
        "src-hsm",
        &["plan", "-f", copy.to_str().unwrap(), "--prune"],
    )
    .ok();

    // Edit: add an assignment, change the role, drop the auditors' assignment.
    let edited = text
        .replace("  - Microsoft.KeyVault/managedHsm/keys/rotate/action\n", "  - Microsoft.KeyVault/managedHsm/keys/rotate/action\n  - Microsoft.KeyVault/managedHsm/keys/backup/action\n");
    assert_ne!(edited, text);
    let mut edited: Value = serde_norway::from_str(&edited).unwrap();
    let list = edited["assignments"].as_array_mut().unwrap();
    list.retain(|a| a["role"] != "Managed HSM Crypto Auditor");
    list.push(serde_json::json!({"role": "Managed HSM Crypto Service Encryption User", "scope": "/keys/app-key", "principal": "app-vm"}));
    let edited_path = file(
        dir.path(),
        "edited.yaml",
        &serde_norway::to_string(&edited).unwrap(),
    );
    let plan = role(
        &emu,
        "dst-hsm",
        &["plan", "-f", &edited_path, "-o", "table"],
    )
    .code(4);
    assert!(
        plan.stderr
            .contains("Plan: 1 to create, 1 to update, 0 to delete."),
        "{}",
        plan.stderr
    );
    assert!(
        plan.stderr
            .contains("1 role assignment(s) or custom role(s) on the HSM are not in"),
        "{}",
        plan.stderr
    );
    insta::assert_snapshot!(plan.stdout, @r"
    Action    Type            Role                                        Scope          Principal    Details
    --------  --------------  ------------------------------------------  -------------  -----------  -----------
    update    roleDefinition  Key Rotator                                 /                           dataActions
    create    roleAssignment  Managed HSM Crypto Service Encryption User  /keys/app-key  app-vm
    ");
    let plan = role(&emu, "dst-hsm", &["plan", "-f", &edited_path, "--prune"]).code(4);
    assert!(
        plan.stderr
            .contains("Plan: 1 to create, 1 to update, 1 to delete."),
        "{}",
        plan.stderr
    );
    let del = plan
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["action"] == "delete")
        .unwrap()
        .clone();
    assert_eq!(del["role"], "Managed HSM Crypto Auditor");
    assert_eq!(del["principal"], "auditors");
    role(&emu, "dst-hsm", &["apply", "-f", &edited_path, "--prune"]).ok();
    role(&emu, "dst-hsm", &["plan", "-f", &edited_path, "--prune"]).ok();
    let auditor_rows = role(
        &emu,
        "dst-hsm",
        &["assignment", "list", "--role", "Managed HSM Crypto Auditor"],
    )
    .ok()
    .json();
    assert_eq!(auditor_rows, serde_json::json!([]));

    // Invalid documents fail before any request, every problem with its line.
    let bad = file(
        dir.path(),
        "bad.yaml",
        "roles:\n  - name: Fly\n    dataActions: [keys/fly/action]\nassignments:\n  - role: No Such Role\n    principal: app-vm\n  - role: Managed HSM Crypto User\n    scope: /secrets/x\n    principalId: 00000000-0000-0000-0000-000000000001\n",
    );
    let o = role(&emu, "dst-hsm", &["apply", "-f", &bad]).code(1);
    assert!(
        o.stderr.contains("problems; nothing was changed"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("bad.yaml:2: role 'Fly': data action 'keys/fly/action' does not exist"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("bad.yaml:7: '/secrets/x' is not a valid scope"),
        "{}",
        o.stderr
    );
    let unknown = file(
        dir.path(),
        "unknown.yaml",
        "assignments:\n  - role: No Such Role\n    principal: app-vm\n  - role: Managed HSM Crypto User\n    principal: nobody-at-all\n",
    );
    let o = role(&emu, "dst-hsm", &["plan", "-f", &unknown]).code(1);
    assert!(
        o.stderr
            .contains("unknown.yaml:2: unknown role 'No Such Role'"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("unknown.yaml:4: principal 'nobody-at-all' does not resolve"),
        "{}",
        o.stderr
    );
    let o = role(
        &emu,
        "dst-hsm",
        &[
            "plan",
            "-f",
            &file(dir.path(), "typo.yaml", "assignment: []\n"),
        ],
    )
    .code(1);
    assert!(
        o.stderr.contains("unknown field `assignment`"),
        "{}",
        o.stderr
    );
    role(&emu, "dst-hsm", &["plan", "-f", &edited_path, "--prune"]).ok();

    // The lockout guard: pruning the administrators' assignment is refused for a member.
    let mut lockout = edited.clone();
    lockout["assignments"].as_array_mut().unwrap().retain(|a| {
        a["role"] != "Managed HSM Administrator" && a["role"] != "Managed HSM Crypto Officer"
    });
    let lockout = file(
        dir.path(),
        "lockout.yaml",
        &serde_norway::to_string(&lockout).unwrap(),
    );
    let o = role(&emu, "dst-hsm", &["apply", "-f", &lockout, "--prune"]).code(1);
    assert!(
        o.stderr.contains("remove your own last role assignment"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("--allow-lockout"), "{}", o.stderr);
    role(&emu, "dst-hsm", &["plan", "-f", &edited_path, "--prune"]).ok();
}

#[test]
fn throttled_and_interrupted_applies_converge() {
    let emu = Emu::start_with(&[
        "--provision-delay-ms",
        "0",
        "--pre-activate",
        "--throttle-rbac",
        "4",
    ]);
    let dir = tempfile::tempdir().unwrap();
    emu.create_hsm("busy-hsm");
    let mut text = String::from(
        "roles:\n  - name: Signer\n    dataActions: [keys/sign/action, keys/read/action]\nassignments:\n",
    );
    for i in 0..80 {
        text.push_str(&format!(
            "  - role: {}\n    scope: /keys/k{}\n    principalId: 00000000-0000-4000-8000-{i:012}\n",
            if i % 2 == 0 { "Signer" } else { "Managed HSM Crypto User" },
            i % 8
        ));
    }
    let doc = file(dir.path(), "many.yaml", &text);
    // Interrupted: killed while applying; what was applied stays and a re-run finishes.
    let mut child = std::process::Command::new(crate::harness::MHSM)
        .args(["role", "apply", "-f", &doc, "--hsm-name", "busy-hsm"])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", emu.state())
        .envs(emu.env_for("security-officer"))
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(dir.path().join("apply.err")).unwrap())
        .spawn()
        .unwrap();
    // Killed once the custom role exists and the assignments are under way.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    // (A read may itself be throttled away: then it is asked again.)
    while serde_json::from_str::<Value>(
        &role(
            &emu,
            "busy-hsm",
            &["definition", "list", "--custom-role-only"],
        )
        .stdout,
    )
    .ok()
    .and_then(|v| v.as_array().map(|a| a.is_empty()))
    .unwrap_or(true)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "apply never began: {}",
            std::fs::read_to_string(dir.path().join("apply.err")).unwrap_or_default()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    std::thread::sleep(std::time::Duration::from_millis(1000));
    let _ = child.kill();
    let _ = child.wait();
    let plan = role(&emu, "busy-hsm", &["plan", "-f", &doc]).code(4);
    let left = plan.json().as_array().unwrap().len();
    assert!(
        left > 0 && left < 81,
        "some but not all applied before the kill: {left} left"
    );
    // Throttled (4 role operations/s): the re-run retries 429s and converges.
    let o = role(&emu, "busy-hsm", &["apply", "-f", &doc]).ok();
    // (A request the killed process had sent may still land after the plan above: the re-run
    // computes its own changes, so its count can be one or two lower.)
    assert!(
        o.stderr
            .contains("changes applied, 0 failed, 0 not applied"),
        "{}",
        o.stderr
    );
    role(&emu, "busy-hsm", &["plan", "-f", &doc]).ok();
}
