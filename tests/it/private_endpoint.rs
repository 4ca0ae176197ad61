//! Private endpoints: connections made through the emulator's network-side stand-in
//! (`POST /.emulator/private-endpoints`), `mhsm private-endpoint-connection …` and
//! `private-link-resource list` with az's outputs, the private data-plane address an approved
//! connection opens (public network rules do not apply there), Azure RBAC, az interop and
//! hostile approval bodies.

use serde_json::{Value, json};
use std::process::Command;

use crate::az_cli::Az;
use crate::harness::Emu;

const ARM_RESOURCE: &str = "https://management.core.windows.net/";

/// `(status, body)` of one HTTPS request with curl.
fn curl(
    emu: &Emu,
    method: &str,
    url: &str,
    headers: &[String],
    body: Option<&str>,
) -> (u16, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "-X", method, "--cacert"])
        .arg(emu.state().join("ca.pem"))
        .args([
            "-H",
            "Content-Type: application/json",
            "-w",
            "\n%{http_code}",
        ]);
    for h in headers {
        cmd.args(["-H", h]);
    }
    if let Some(b) = body {
        let f = dir.path().join("body.json");
        std::fs::write(&f, b).unwrap();
        cmd.arg("--data-binary").arg(format!("@{}", f.display()));
    }
    let out = cmd.arg(url).output().expect("curl");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, code) = text.rsplit_once('\n').unwrap();
    (code.trim().parse().unwrap(), body.to_string())
}

/// The network side: a private endpoint asks to connect to `hsm`.
pub(crate) fn connect(emu: &Emu, hsm: &str, name: &str) -> (u16, String) {
    let admin: Value =
        serde_json::from_str(&std::fs::read_to_string(emu.state().join("admin.json")).unwrap())
            .unwrap();
    curl(
        emu,
        "POST",
        &format!("{}/.emulator/private-endpoints", emu.control_url()),
        &[format!(
            "x-emulator-admin: {}",
            admin["admin_token"].as_str().unwrap()
        )],
        Some(&json!({"hsm": hsm, "name": name}).to_string()),
    )
}

fn dns(emu: &Emu, hsm: &str) -> Value {
    let (_, b) = curl(
        emu,
        "GET",
        &format!("{}/.emulator/dns/{hsm}", emu.control_url()),
        &[],
        None,
    );
    serde_json::from_str(&b).unwrap()
}

fn pec(emu: &Emu, who: &str, args: &[&str]) -> crate::harness::Out {
    let mut a = vec!["private-endpoint-connection"];
    a.extend_from_slice(args);
    emu.mhsm(who, &a)
}

#[test]
fn approved_connection_opens_a_private_address_that_public_rules_do_not_govern() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    emu.create_hsm("pe-hsm");
    let (s, b) = connect(&emu, "pe-hsm", "pe1");
    assert_eq!(s, 201, "{b}");
    assert_eq!(connect(&emu, "pe-hsm", "pe1").0, 409);
    assert_eq!(connect(&emu, "nope", "pe1").0, 404);

    let list = pec(&emu, "reader", &["list", "--hsm-name", "pe-hsm"])
        .ok()
        .json();
    assert_eq!(list[0]["name"], "pe1");
    assert_eq!(
        list[0]["privateLinkServiceConnectionState"]["status"],
        "Pending"
    );
    assert_eq!(list[0]["resourceGroup"], "rg-hsm");
    assert!(dns(&emu, "pe-hsm").get("privateUri").is_none());

    // A Reader reads but cannot approve (ARM 403); unknown connections are 404 (exit 3).
    let o = pec(
        &emu,
        "reader",
        &["approve", "--hsm-name", "pe-hsm", "-n", "pe1"],
    )
    .code(1);
    assert!(
        o.stderr.contains("AuthorizationFailed")
            || o.stderr.contains("does not have authorization"),
        "{}",
        o.stderr
    );
    pec(
        &emu,
        "reader",
        &["show", "--hsm-name", "pe-hsm", "-n", "nope"],
    )
    .code(3);
    pec(
        &emu,
        "hsm-operator",
        &["approve", "--hsm-name", "pe-hsm", "-n", "nope"],
    )
    .code(3);
    // az's usage error.
    let o = pec(&emu, "reader", &["show", "--hsm-name", "pe-hsm"]).code(1);
    assert!(o.stderr.contains("incorrect usage: [--id ID | --name NAME --vault-name NAME | --name NAME --hsm-name NAME]"), "{}", o.stderr);

    let v = pec(
        &emu,
        "hsm-operator",
        &[
            "approve",
            "--hsm-name",
            "pe-hsm",
            "-n",
            "pe1",
            "--description",
            "ok by me",
        ],
    )
    .ok()
    .json();
    assert_eq!(v["privateLinkServiceConnectionState"]["status"], "Approved");
    assert_eq!(
        v["privateLinkServiceConnectionState"]["description"],
        "ok by me"
    );
    assert_eq!(v["provisioningState"], "Succeeded");
    let id = v["id"].as_str().unwrap().to_string();
    pec(&emu, "reader", &["show", "--id", &id]).ok();
    let hsm = emu
        .mhsm("reader", &["show", "--hsm-name", "pe-hsm"])
        .ok()
        .json();
    assert_eq!(
        hsm["properties"]["privateEndpointConnections"][0]["id"],
        id.as_str()
    );
    let private = dns(&emu, "pe-hsm")["privateUri"]
        .as_str()
        .unwrap()
        .to_string();

    let me = emu.oid("security-officer");
    emu.mhsm(
        "security-officer",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            "pe-hsm",
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/",
            "--assignee-object-id",
            &me,
        ],
    )
    .ok();
    emu.mhsm(
        "hsm-operator",
        &[
            "update-hsm",
            "--hsm-name",
            "pe-hsm",
            "--public-network-access",
            "Disabled",
        ],
    )
    .ok();
    let o = emu
        .mhsm("security-officer", &["key", "list", "--hsm-name", "pe-hsm"])
        .code(1);
    assert!(
        o.stderr.contains("Public network access is disabled"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(&format!("--id {private}")),
        "{}",
        o.stderr
    );
    let keys = emu
        .mhsm("security-officer", &["key", "list", "--id", &private])
        .ok()
        .json();
    assert!(keys.is_array(), "{keys}");

    // Rejecting closes the private address; so does deleting (after a new approval).
    pec(&emu, "hsm-operator", &["reject", "--id", &id]).ok();
    assert!(dns(&emu, "pe-hsm").get("privateUri").is_none());
    emu.mhsm("security-officer", &["key", "list", "--id", &private])
        .code(1);
    connect(&emu, "pe-hsm", "pe2");
    pec(
        &emu,
        "hsm-operator",
        &["approve", "--hsm-name", "pe-hsm", "-n", "pe2"],
    )
    .ok();
    assert_eq!(
        dns(&emu, "pe-hsm")["privateUri"],
        private.as_str(),
        "the address is stable"
    );
    emu.mhsm("security-officer", &["key", "list", "--id", &private])
        .ok();
    pec(
        &emu,
        "hsm-operator",
        &["delete", "--hsm-name", "pe-hsm", "-n", "pe2"],
    )
    .ok();
    assert!(dns(&emu, "pe-hsm").get("privateUri").is_none());
    emu.mhsm("security-officer", &["key", "list", "--id", &private])
        .code(1);
    let list = pec(&emu, "reader", &["list", "--hsm-name", "pe-hsm"])
        .ok()
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    pec(
        &emu,
        "reader",
        &[
            "wait",
            "--hsm-name",
            "pe-hsm",
            "-n",
            "pe2",
            "--deleted",
            "--interval",
            "1",
        ],
    )
    .ok();

    // `mhsm-emulator private-endpoint` plays the network side from the command line.
    let cli = |args: &[&str]| {
        Command::new(crate::harness::EMULATOR)
            .args(["private-endpoint", "--state-dir"])
            .arg(emu.state())
            .args(args)
            .output()
            .unwrap()
    };
    let o = cli(&[
        "--hsm",
        "pe-hsm",
        "--name",
        "pe3",
        "--description",
        "from vnet-a",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let made: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(made["name"], "pe3");
    assert_eq!(
        made["properties"]["privateLinkServiceConnectionState"]["status"],
        "Pending"
    );
    let o = cli(&["--hsm", "pe-hsm", "--name", "pe3"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("ERROR: (Conflict)"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = cli(&["--hsm", "no-such-hsm", "--name", "pe9"]);
    assert_eq!(o.status.code(), Some(1));

    // An approved connection survives soft delete and recovery of the HSM: the private
    // address is closed while the HSM is deleted and serves again once it is recovered.
    pec(
        &emu,
        "hsm-operator",
        &["approve", "--hsm-name", "pe-hsm", "-n", "pe3"],
    )
    .ok();
    emu.mhsm("hsm-operator", &["delete", "--hsm-name", "pe-hsm"])
        .ok();
    emu.mhsm("security-officer", &["key", "list", "--id", &private])
        .code(1);
    emu.mhsm("hsm-operator", &["recover", "--hsm-name", "pe-hsm"])
        .ok();
    assert_eq!(dns(&emu, "pe-hsm")["privateUri"], private.as_str());
    emu.mhsm("security-officer", &["key", "list", "--id", &private])
        .ok();

    // The network side deletes the endpoint: its connection turns Disconnected, can only be
    // deleted, and no longer reaches the private address. An endpoint whose owner may approve
    // itself comes Approved ("Auto-Approved") and opens the address at once.
    let o = cli(&["--hsm", "pe-hsm", "--name", "pe3", "--disconnect"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let shown = pec(
        &emu,
        "reader",
        &["show", "--hsm-name", "pe-hsm", "-n", "pe3"],
    )
    .ok()
    .json();
    assert_eq!(
        shown["privateLinkServiceConnectionState"]["status"],
        "Disconnected"
    );
    assert!(dns(&emu, "pe-hsm").get("privateUri").is_none());
    emu.mhsm("security-officer", &["key", "list", "--id", &private])
        .code(1);
    let o = pec(
        &emu,
        "hsm-operator",
        &["approve", "--hsm-name", "pe-hsm", "-n", "pe3"],
    )
    .code(1);
    assert!(o.stderr.contains("Disconnected"), "{}", o.stderr);
    let o = cli(&["--hsm", "pe-hsm", "--name", "pe4", "--auto-approve"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let made: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        made["properties"]["privateLinkServiceConnectionState"],
        json!({"status": "Approved", "description": "Auto-Approved", "actionsRequired": "None"})
    );
    assert_eq!(dns(&emu, "pe-hsm")["privateUri"], private.as_str());
    emu.mhsm("security-officer", &["key", "list", "--id", &private])
        .ok();
}

#[test]
fn hostile_connection_updates_are_refused_with_4xx() {
    let emu = Emu::start();
    emu.create_hsm("pe-hostile");
    connect(&emu, "pe-hostile", "pe1");
    let url = format!(
        "{}/subscriptions/{}/resourceGroups/rg-hsm/providers/Microsoft.KeyVault/managedHSMs/pe-hostile/privateEndpointConnections/pe1?api-version=2026-02-01",
        emu.control_url(),
        emu.subscription()
    );
    let auth = vec![format!(
        "Authorization: Bearer {}",
        emu.token("hsm-operator", ARM_RESOURCE)
    )];
    let state =
        |s: Value| json!({"properties": {"privateLinkServiceConnectionState": s}}).to_string();
    let hostile = [
        state(json!({"status": "Maybe"})),
        state(json!({"status": "Disconnected"})),
        state(json!({"status": 7})),
        state(json!({"status": null})),
        state(json!({"status": "Approved", "description": "x".repeat(100_000)})),
        state(json!({"status": "Approved", "description": ["a"]})),
        state(json!({"status": "Approved", "actionsRequired": "Reboot"})),
        state(json!("Approved")),
        json!({"properties": "Approved"}).to_string(),
        json!({}).to_string(),
        "not json".to_string(),
    ];
    for body in &hostile {
        let (s, b) = curl(&emu, "PUT", &url, &auth, Some(body));
        assert!(
            (400..500).contains(&s),
            "{} → {s} {b}",
            &body[..body.len().min(80)]
        );
    }
    let (s, _) = curl(
        &emu,
        "PUT",
        &url.replace("/pe1?", "/nope?"),
        &auth,
        Some(&state(json!({"status": "Approved"}))),
    );
    assert_eq!(s, 404);
    let (s, _) = connect(&emu, "pe-hostile", "../etc");
    assert_eq!(s, 400);
    // Nothing changed.
    let v = pec(
        &emu,
        "reader",
        &["show", "--hsm-name", "pe-hostile", "-n", "pe1"],
    )
    .ok()
    .json();
    assert_eq!(v["privateLinkServiceConnectionState"]["status"], "Pending");
}

#[test]
fn az_private_endpoint_connection_and_mhsm_print_the_same() {
    let emu = Emu::start();
    let Some(az) = Az::login(&emu) else {
        return;
    };
    emu.create_hsm("az-pe");
    connect(&emu, "az-pe", "pe1");
    connect(&emu, "az-pe", "pe2");
    let t = ["--hsm-name", "az-pe", "-g", "rg-hsm"];
    let both = |args: &[&str]| {
        let mut a: Vec<&str> = args.to_vec();
        a.extend_from_slice(&t);
        az.same(&a, &a)
    };
    both(&["private-link-resource", "list"]);
    both(&["private-endpoint-connection", "list"]);
    both(&["private-endpoint-connection", "show", "-n", "pe1"]);
    both(&["private-endpoint-connection", "show", "-n", "nope"]);
    both(&[
        "private-endpoint-connection",
        "approve",
        "-n",
        "pe1",
        "--description",
        "fine",
    ]);
    both(&["private-endpoint-connection", "approve", "-n", "pe1"]);
    both(&[
        "private-endpoint-connection",
        "reject",
        "-n",
        "pe2",
        "--description",
        "no",
    ]);
    both(&["private-endpoint-connection", "list"]);
    az.same(
        &["private-endpoint-connection", "show", "--hsm-name", "az-pe"],
        &["private-endpoint-connection", "show", "--hsm-name", "az-pe"],
    );
}
