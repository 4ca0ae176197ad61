//! az interop for settings: `az keyvault setting list|show|update` against the emulator print
//! the same bytes as `mhsm setting …` (json and table), including a missing setting (exit 3)
//! and a value the HSM refuses.

use crate::az_cli::Az;
use crate::harness::Emu;

const NAME: &str = "AllowKeyManagementOperationsThroughARM";

#[test]
fn az_and_mhsm_print_the_same_settings() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let Some(az) = Az::login(&emu) else {
        return;
    };
    // subscription-admin (az's identity) administers this HSM.
    let admin = emu.oid("subscription-admin");
    let created = emu
        .mhsm(
            "subscription-admin",
            &[
                "create",
                "--hsm-name",
                "az-set",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &admin,
                "--retention-days",
                "7",
            ],
        )
        .ok()
        .json();
    // az reaches a data plane by URL here (the emulator's HSM names do not resolve in DNS).
    let uri = created["properties"]["hsmUri"]
        .as_str()
        .unwrap()
        .to_string();
    let h = ["--id", uri.as_str()];
    let with = |args: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        a.extend(h.iter().map(|s| s.to_string()));
        a
    };
    let both = |args: &[&str]| {
        let a = with(args);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        let mut m = vec!["setting"];
        m.extend_from_slice(&refs[1..]);
        az.same(&refs, &m)
    };
    for o in ["json", "table", "tsv", "yaml"] {
        both(&["setting", "list", "-o", o]);
        both(&["setting", "show", "-n", NAME, "-o", o]);
    }
    assert_eq!(both(&["setting", "show", "-n", "NoSuchSetting"]).code, 3);
    assert_eq!(
        both(&["setting", "update", "-n", NAME, "--value", "yes"]).code,
        1
    );
    both(&["setting", "update", "-n", NAME, "--value", "true"]);
    both(&[
        "setting",
        "update",
        "-n",
        NAME,
        "--value",
        "FALSE",
        "--setting-type",
        "boolean",
    ]);
    both(&["setting", "show", "-n", NAME, "-o", "table"]);
    both(&["setting", "list"]);
}
