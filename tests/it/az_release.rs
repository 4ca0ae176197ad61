//! az interop for secure key release and key attestation: the real az CLI's `key create
//! --exportable --policy [--immutable]` (and its refusals) against the emulator, then mhsm shows
//! the same bundle; `key get-attestation` (stdout and `--file`) and `key get-policy-template`
//! print the same bytes from both; a key az created is released with `mhsm key release`.

use crate::az_cli::Az;
use crate::harness::Emu;

#[test]
fn az_key_create_exportable_with_policy_and_get_attestation_match_mhsm() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let Some(az) = Az::login(&emu) else {
        return;
    };
    let admin = emu.oid("subscription-admin");
    let created = emu
        .mhsm(
            "subscription-admin",
            &[
                "create",
                "--hsm-name",
                "az-skr",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &admin,
                "--retention-days",
                "7",
                "--enable-purge-protection",
            ],
        )
        .ok()
        .json();
    let uri = created["properties"]["hsmUri"]
        .as_str()
        .unwrap()
        .to_string();
    let host = uri
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string();
    let h = host.as_str();
    emu.mhsm(
        "subscription-admin",
        &[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            h,
            "--role",
            "Managed HSM Crypto User",
            "--scope",
            "/",
            "--assignee-object-id",
            &admin,
        ],
    )
    .ok();
    let dir = emu.state().join("az-skr");
    std::fs::create_dir_all(&dir).unwrap();
    let path = |n: &str| dir.join(n).display().to_string();
    let authority = format!("{}/attestation", emu.control_url());
    let policy = serde_json::json!({"version": "1.0.0", "anyOf": [{"authority": authority, "allOf": [
        {"claim": "x-ms-attestation-type", "equals": "sevsnpvm"},
        {"claim": "x-ms-compliance-status", "equals": "azure-compliant-cvm"}]}]});
    std::fs::write(path("policy.json"), policy.to_string()).unwrap();

    // The service's and az's refusals, word for word.
    for args in [
        vec![
            "key",
            "create",
            "--hsm-name",
            h,
            "-n",
            "bad",
            "--exportable",
        ],
        vec![
            "key",
            "create",
            "--hsm-name",
            h,
            "-n",
            "bad",
            "--policy",
            &path("policy.json"),
        ],
        vec![
            "key",
            "create",
            "--hsm-name",
            h,
            "-n",
            "bad",
            "--exportable",
            "--immutable",
        ],
    ] {
        let o = az.same(&args, &args);
        assert_eq!(o.code, 1, "{}", o.stderr);
    }

    // az creates the exportable key; mhsm shows the same bundle.
    let a = az
        .keyvault(&[
            "key",
            "create",
            "--hsm-name",
            h,
            "-n",
            "cvm-key",
            "--kty",
            "RSA-HSM",
            "--exportable",
            "--policy",
            &path("policy.json"),
            "--immutable",
        ])
        .ok();
    let m = emu
        .mhsm(
            "subscription-admin",
            &["key", "show", "--hsm-name", h, "-n", "cvm-key"],
        )
        .ok();
    assert_eq!(a.stdout, m.stdout);
    let bundle = m.json();
    assert_eq!(bundle["attributes"]["exportable"], true);
    assert_eq!(bundle["releasePolicy"]["immutable"], true);
    // mhsm's create sends the same request: same shape (ids and key material aside).
    let mine = emu
        .mhsm(
            "subscription-admin",
            &[
                "key",
                "create",
                "--hsm-name",
                h,
                "-n",
                "cvm-key2",
                "--kty",
                "RSA-HSM",
                "--exportable",
                "--policy",
                &path("policy.json"),
                "--immutable",
            ],
        )
        .ok()
        .json();
    assert_eq!(mine["releasePolicy"], bundle["releasePolicy"]);
    // An immutable policy: az's update is refused as mhsm's is.
    let other = r#"{"version":"1.0.0","anyOf":[{"authority":"https://x","allOf":[{"claim":"a","equals":"b"}]}]}"#;
    std::fs::write(path("other.json"), other).unwrap();
    let args = [
        "key",
        "set-attributes",
        "--hsm-name",
        h,
        "-n",
        "cvm-key",
        "--policy",
        &path("other.json"),
    ];
    assert_eq!(az.same(&args, &args).code, 1);

    // Key attestation: the same bytes on stdout and in --file.
    az.same(
        &["key", "get-attestation", "--hsm-name", h, "-n", "cvm-key"],
        &["key", "get-attestation", "--hsm-name", h, "-n", "cvm-key"],
    );
    az.keyvault(&[
        "key",
        "get-attestation",
        "--hsm-name",
        h,
        "-n",
        "cvm-key",
        "-f",
        &path("az-att.json"),
    ])
    .ok();
    emu.mhsm(
        "subscription-admin",
        &[
            "key",
            "get-attestation",
            "--hsm-name",
            h,
            "-n",
            "cvm-key",
            "-f",
            &path("mhsm-att.json"),
            "--verify",
        ],
    )
    .ok();
    assert_eq!(
        std::fs::read_to_string(path("az-att.json")).unwrap(),
        std::fs::read_to_string(path("mhsm-att.json")).unwrap()
    );
    az.same(
        &["key", "get-policy-template"],
        &["key", "get-policy-template"],
    );

    // The key az created is released to a CVM by mhsm.
    let (pem, _) = crate::release::rsa_key();
    std::fs::write(path("vm.pem"), pem).unwrap();
    let token = crate::release::attest(
        &emu,
        &serde_json::json!({"x-ms-attestation-type": "sevsnpvm", "x-ms-compliance-status": "azure-compliant-cvm"}),
        &path("vm.pem"),
        "8h",
    );
    let out = emu
        .mhsm(
            "subscription-admin",
            &[
                "key",
                "release",
                "--hsm-name",
                h,
                "-n",
                "cvm-key",
                "--target",
                &token,
                "--runtime-key",
                &path("vm.pem"),
                "-f",
                &path("released.pem"),
            ],
        )
        .ok()
        .json();
    assert_eq!(out["kty"], "RSA-HSM");
}
