//! Management plane end to end: every `mhsm` HSM command against the emulator, as a Managed HSM
//! Contributor, plus the refusals (Reader, no role) and persistence across a crash.

use crate::harness::{Emu, redact};

fn snapshot_json(out: &crate::harness::Out) -> String {
    redact(&out.stdout)
}

#[test]
fn hsm_lifecycle_as_managed_hsm_contributor() {
    let emu = Emu::start();
    let team = emu.oid("security-team");
    let created = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "contoso-hsm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &team,
                "--retention-days",
                "7",
                "--tags",
                "env=dev",
            ],
        )
        .ok();
    insta::assert_snapshot!("create_output", snapshot_json(&created));
    let hsm = created.json();
    assert_eq!(hsm["properties"]["initialAdminObjectIds"][0], team.as_str());
    assert!(
        hsm["properties"]["hsmUri"]
            .as_str()
            .unwrap()
            .starts_with("https://127.0.0.1:")
    );

    // show: with and without -g (looked up), table output as az.
    let shown = emu
        .mhsm("hsm-operator", &["show", "--hsm-name", "contoso-hsm"])
        .ok()
        .json();
    assert_eq!(shown["id"], hsm["id"]);
    let table = emu
        .mhsm(
            "hsm-operator",
            &[
                "show",
                "--hsm-name",
                "contoso-hsm",
                "-g",
                "rg-hsm",
                "-o",
                "table",
            ],
        )
        .ok();
    assert!(
        table.stdout.contains("eastus2")
            && table.stdout.contains("contoso-hsm")
            && table.stdout.contains("rg-hsm"),
        "{}",
        table.stdout
    );

    let listed = emu
        .mhsm("hsm-operator", &["list", "--query", "[].name", "-o", "tsv"])
        .ok();
    assert_eq!(listed.stdout, "contoso-hsm\n");
    let listed_rg = emu
        .mhsm(
            "hsm-operator",
            &["list", "-g", "rg-hsm", "--resource-type", "hsm"],
        )
        .ok()
        .json();
    assert_eq!(listed_rg.as_array().unwrap().len(), 1);

    let taken = emu
        .mhsm("hsm-operator", &["check-name", "-n", "contoso-hsm"])
        .ok()
        .json();
    assert_eq!(
        taken,
        serde_json::json!({"message": "The name 'contoso-hsm' is already in use.", "nameAvailable": false, "reason": "AlreadyExists"})
    );

    // update-hsm: generic --set, public network access.
    let updated = emu
        .mhsm(
            "hsm-operator",
            &[
                "update-hsm",
                "--hsm-name",
                "contoso-hsm",
                "--set",
                "tags.team=security",
                "--public-network-access",
                "disabled",
            ],
        )
        .ok()
        .json();
    assert_eq!(updated["tags"]["team"], "security");
    assert_eq!(updated["tags"]["env"], "dev");
    assert_eq!(updated["properties"]["publicNetworkAccess"], "Disabled");
    let bad = emu
        .mhsm(
            "hsm-operator",
            &[
                "update-hsm",
                "--hsm-name",
                "contoso-hsm",
                "--secondary-locations",
                "westus",
            ],
        )
        .code(1);
    assert!(
        bad.stderr
            .contains("--secondary-locations has not been supported yet for hsm")
    );

    // delete: soft, with az's billing warning and no stdout.
    let deleted = emu
        .mhsm("hsm-operator", &["delete", "--hsm-name", "contoso-hsm"])
        .ok();
    assert_eq!(deleted.stdout, "");
    assert!(deleted.stderr.contains("WARNING: This command will soft delete the resource, and you will still be billed until it is purged."));
    let gone = emu
        .mhsm(
            "hsm-operator",
            &["show", "--hsm-name", "contoso-hsm", "-g", "rg-hsm"],
        )
        .code(3);
    assert!(
        gone.stderr.contains("(ResourceNotFound)"),
        "{}",
        gone.stderr
    );

    let listed_deleted = emu.mhsm("hsm-operator", &["list-deleted"]).ok();
    insta::assert_snapshot!("list_deleted_output", snapshot_json(&listed_deleted));
    let d = emu
        .mhsm(
            "hsm-operator",
            &["show-deleted", "--hsm-name", "contoso-hsm"],
        )
        .ok()
        .json();
    assert_eq!(d["properties"]["location"], "eastus2");
    assert_eq!(d["properties"]["mhsmId"], hsm["id"]);
    let in_use = emu
        .mhsm("hsm-operator", &["check-name", "-n", "contoso-hsm"])
        .ok()
        .json();
    assert_eq!(in_use["nameAvailable"], false);
    assert!(in_use["message"].as_str().unwrap().contains("soft-deleted"));

    // The name stays reserved while soft-deleted.
    let again = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "contoso-hsm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &team,
                "--retention-days",
                "7",
            ],
        )
        .code(1);
    assert!(
        again.stderr.contains("(ConflictError)") && again.stderr.contains("soft-deleted"),
        "{}",
        again.stderr
    );

    // recover keeps the HSM's own SKU, tags and data-plane address.
    let recovered = emu
        .mhsm("hsm-operator", &["recover", "--hsm-name", "contoso-hsm"])
        .ok()
        .json();
    assert_eq!(
        recovered["properties"]["hsmUri"],
        hsm["properties"]["hsmUri"]
    );
    assert_eq!(recovered["tags"]["team"], "security");
    let wrong_rg = emu
        .mhsm("hsm-operator", &["delete", "--hsm-name", "contoso-hsm"])
        .ok();
    drop(wrong_rg);
    let mismatch = emu
        .mhsm(
            "hsm-operator",
            &["recover", "--hsm-name", "contoso-hsm", "-g", "other-rg"],
        )
        .code(1);
    assert!(
        mismatch.stderr.contains("deleted vault or hsm contoso-hsm")
            && mismatch.stderr.contains("original resource group rg-hsm"),
        "{}",
        mismatch.stderr
    );

    // purge: location found automatically; afterwards the name is free.
    emu.mhsm("hsm-operator", &["purge", "--hsm-name", "contoso-hsm"])
        .ok();
    assert_eq!(
        emu.mhsm("hsm-operator", &["list-deleted"]).ok().json(),
        serde_json::json!([])
    );
    let missing = emu
        .mhsm("hsm-operator", &["purge", "--hsm-name", "contoso-hsm"])
        .code(1);
    assert!(
        missing
            .stderr
            .contains("No deleted Vault or HSM was found with name contoso-hsm")
    );
    assert!(
        missing.stderr.contains("location"),
        "purge must explain the location it needs: {}",
        missing.stderr
    );
    let free = emu
        .mhsm("hsm-operator", &["check-name", "-n", "contoso-hsm"])
        .ok()
        .json();
    assert_eq!(free["nameAvailable"], true);
}

#[test]
fn purge_protection_holds_until_the_scheduled_date() {
    let emu = Emu::start();
    let team = emu.oid("security-team");
    emu.mhsm(
        "subscription-admin",
        &[
            "create",
            "--hsm-name",
            "locked-hsm",
            "-g",
            "rg-hsm",
            "-l",
            "eastus2",
            "--administrators",
            &team,
            "--retention-days",
            "7",
            "--enable-purge-protection",
        ],
    )
    .ok();
    // Purge protection cannot be turned off.
    let off = emu
        .mhsm(
            "subscription-admin",
            &[
                "update-hsm",
                "--hsm-name",
                "locked-hsm",
                "--enable-purge-protection",
                "false",
            ],
        )
        .code(1);
    assert!(
        off.stderr.contains("Purge protection cannot be disabled"),
        "{}",
        off.stderr
    );
    emu.mhsm(
        "subscription-admin",
        &["delete", "--hsm-name", "locked-hsm"],
    )
    .ok();
    let refused = emu
        .mhsm("subscription-admin", &["purge", "--hsm-name", "locked-hsm"])
        .code(1);
    assert!(
        refused.stderr.contains("purge protection is enabled"),
        "{}",
        refused.stderr
    );
    // Six days later it is still there; after the eighth day the service purged it by itself.
    emu.advance_clock(6 * 86400);
    assert_eq!(
        emu.mhsm("subscription-admin", &["list-deleted"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    emu.advance_clock(2 * 86400);
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(
        emu.mhsm("subscription-admin", &["list-deleted"])
            .ok()
            .json(),
        serde_json::json!([])
    );
}

#[test]
fn refusals_reader_and_no_role() {
    let emu = Emu::start();
    let team = emu.oid("security-team");
    let args = [
        "create",
        "--hsm-name",
        "nope-hsm",
        "-g",
        "rg-hsm",
        "-l",
        "eastus2",
        "--administrators",
        team.as_str(),
        "--retention-days",
        "7",
    ];
    let reader = emu.mhsm("reader", &args).code(1);
    assert!(
        reader.stderr.contains("(AuthorizationFailed)"),
        "{}",
        reader.stderr
    );
    assert!(
        reader
            .stderr
            .contains("'Microsoft.KeyVault/managedHSMs/write'"),
        "{}",
        reader.stderr
    );
    let dev = emu.mhsm("developer", &args).code(1);
    assert!(
        dev.stderr.contains("(AuthorizationFailed)") || dev.stderr.contains("subscription"),
        "{}",
        dev.stderr
    );
    // The app-vm identity has no management role either.
    let vm = emu.mhsm("app-vm", &args).code(1);
    assert!(vm.stderr.contains("ERROR:"), "{}", vm.stderr);
    emu.create_hsm("real-hsm");
    // A reader can read; a principal with no role sees nothing.
    assert_eq!(
        emu.mhsm("reader", &["list", "--query", "length(@)"])
            .ok()
            .stdout
            .trim(),
        "1"
    );
    let denied = emu
        .mhsm(
            "app-vm",
            &[
                "show",
                "--hsm-name",
                "real-hsm",
                "-g",
                "rg-hsm",
                "--subscription",
                &emu.subscription(),
            ],
        )
        .code(1);
    assert!(
        denied.stderr.contains("(AuthorizationFailed)"),
        "{}",
        denied.stderr
    );
    let del = emu
        .mhsm(
            "reader",
            &["delete", "--hsm-name", "real-hsm", "-g", "rg-hsm"],
        )
        .code(1);
    assert!(
        del.stderr
            .contains("'Microsoft.KeyVault/managedHSMs/delete'"),
        "{}",
        del.stderr
    );
}

#[test]
fn wait_hsm_and_no_wait() {
    let emu = Emu::start_with(&["--provision-delay-ms", "1500"]);
    let team = emu.oid("security-team");
    let out = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "slow-hsm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &team,
                "--retention-days",
                "7",
                "--no-wait",
            ],
        )
        .ok();
    assert_eq!(out.stdout, "");
    let state = emu
        .mhsm(
            "hsm-operator",
            &[
                "show",
                "--hsm-name",
                "slow-hsm",
                "--query",
                "properties.provisioningState",
                "-o",
                "tsv",
            ],
        )
        .ok();
    assert_eq!(state.stdout, "Provisioning\n");
    emu.mhsm(
        "hsm-operator",
        &[
            "wait-hsm",
            "--hsm-name",
            "slow-hsm",
            "--created",
            "--interval",
            "1",
            "--timeout",
            "30",
        ],
    )
    .ok();
    let state = emu
        .mhsm(
            "hsm-operator",
            &[
                "show",
                "--hsm-name",
                "slow-hsm",
                "--query",
                "properties.provisioningState",
                "-o",
                "tsv",
            ],
        )
        .ok();
    assert_eq!(state.stdout, "Succeeded\n");
    // A timeout is an error (az prints {} and exits 0).
    let t = emu
        .mhsm(
            "hsm-operator",
            &[
                "wait-hsm",
                "--hsm-name",
                "slow-hsm",
                "--custom",
                "properties.provisioningState=='Failed'",
                "--interval",
                "1",
                "--timeout",
                "1",
            ],
        )
        .code(1);
    assert!(t.stderr.contains("Timed out"), "{}", t.stderr);
    let usage = emu
        .mhsm("hsm-operator", &["wait-hsm", "--hsm-name", "slow-hsm"])
        .code(1);
    assert!(usage.stderr.contains(
        "incorrect usage: --created | --updated | --deleted | --exists | --custom JMESPATH"
    ));
    emu.mhsm(
        "hsm-operator",
        &["delete", "--hsm-name", "slow-hsm", "--no-wait"],
    )
    .ok();
    emu.mhsm(
        "hsm-operator",
        &[
            "wait-hsm",
            "--hsm-name",
            "slow-hsm",
            "-g",
            "rg-hsm",
            "--deleted",
            "--interval",
            "1",
            "--timeout",
            "30",
        ],
    )
    .ok();
}

#[test]
fn state_survives_kill_9() {
    let mut emu = Emu::start();
    let hsm = emu.create_hsm("durable-hsm");
    emu.restart(true);
    let shown = emu
        .mhsm("hsm-operator", &["show", "--hsm-name", "durable-hsm"])
        .ok()
        .json();
    assert_eq!(
        shown["properties"]["hsmUri"], hsm["properties"]["hsmUri"],
        "the data-plane address is stable across restarts"
    );
    assert_eq!(
        shown["properties"]["initialAdminObjectIds"],
        hsm["properties"]["initialAdminObjectIds"]
    );
    // The data plane of the HSM answers again on its port (401 challenge without a token).
    let uri = shown["properties"]["hsmUri"].as_str().unwrap();
    let out = std::process::Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "--cacert"])
        .arg(emu.state().join("ca.pem"))
        .arg(format!("{uri}keys?api-version=7.6"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "401");
    // A clean restart too.
    emu.restart(false);
    emu.mhsm("hsm-operator", &["show", "--hsm-name", "durable-hsm"])
        .ok();
}

#[test]
fn cli_errors_and_exit_codes() {
    let emu = Emu::start();
    let team = emu.oid("security-team");
    let no_retention = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "x-hsm",
                "-g",
                "rg-hsm",
                "--administrators",
                &team,
            ],
        )
        .code(1);
    assert_eq!(
        no_retention.stderr,
        "ERROR: --retention-days is required for MHSM creation.\n"
    );
    let no_admins = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "x-hsm",
                "-g",
                "rg-hsm",
                "--retention-days",
                "7",
            ],
        )
        .code(1);
    assert_eq!(no_admins.stderr, "ERROR: Please specify --administrators\n");
    let bad_sku = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "x-hsm",
                "-g",
                "rg-hsm",
                "--administrators",
                &team,
                "--retention-days",
                "7",
                "--sku",
                "premium",
            ],
        )
        .code(1);
    assert!(
        bad_sku.stderr.contains("'premium' is not a valid SKU"),
        "{}",
        bad_sku.stderr
    );
    let bad_days = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "x-hsm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &team,
                "--retention-days",
                "3",
            ],
        )
        .code(1);
    assert!(
        bad_days.stderr.contains("between 7 and 90 days"),
        "{}",
        bad_days.stderr
    );
    let unknown = emu
        .mhsm("hsm-operator", &["show", "--hsm-name", "x", "--bogus"])
        .code(2);
    assert!(
        unknown
            .stderr
            .starts_with("ERROR: unrecognized arguments: --bogus"),
        "{}",
        unknown.stderr
    );
    let missing = emu.mhsm("hsm-operator", &["show"]).code(2);
    assert!(
        missing
            .stderr
            .starts_with("ERROR: the following arguments are required: --hsm-name"),
        "{}",
        missing.stderr
    );
    let query = emu.mhsm("hsm-operator", &["list", "--query", "[?"]).code(2);
    assert!(
        query
            .stderr
            .contains("argument --query: invalid jmespath_type value: '[?'"),
        "{}",
        query.stderr
    );
    let mistyped = emu
        .mhsm("hsm-operator", &["show", "--hsm-name", "contsoo-hsm"])
        .code(1);
    assert!(
        mistyped
            .stderr
            .contains("The HSM 'contsoo-hsm' not found within subscription."),
        "{}",
        mistyped.stderr
    );
    let no_creds = emu.mhsm("", &["list"]).code(1);
    assert!(
        no_creds
            .stderr
            .contains("Please run 'az login' to setup account."),
        "{}",
        no_creds.stderr
    );
    let bad_secret = emu
        .mhsm_env(
            "hsm-operator",
            &["list"],
            &[("AZURE_CLIENT_SECRET", "wrong")],
        )
        .code(1);
    assert!(
        bad_secret.stderr.contains("AADSTS7000215"),
        "{}",
        bad_secret.stderr
    );
    // Broken pipe exits 0.
    let sh = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; {} list | true",
            crate::harness::MHSM
        ))
        .envs(emu.env_for("hsm-operator"))
        .status()
        .unwrap();
    assert!(sh.success());
}
