//! az interop for external key management: the real az's `keyvault ekm-connection
//! create|show|check|update|delete`, `certificate show` and `key create --external-key-id`
//! against the emulator (and its EKM proxy), with `mhsm` printing the same bytes, az's
//! validation errors included.

use crate::az_cli::Az;
use crate::ekm::admin_hsm_with_proxy;
use crate::harness::Emu;

#[test]
fn az_and_mhsm_print_the_same_ekm_connection_and_external_keys() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let Some(az) = Az::login(&emu) else {
        return;
    };
    let (uri, proxy, _work) = admin_hsm_with_proxy(&emu, "az-ekm");
    let both = |args: &[&str]| {
        let mut a: Vec<&str> = args.to_vec();
        a.extend_from_slice(&["--id", &uri]);
        az.same(&a, &a)
    };
    both(&["ekm-connection", "show"]);
    both(&["ekm-connection", "certificate", "show"]);
    for o in ["table", "tsv", "yaml"] {
        both(&["ekm-connection", "certificate", "show", "-o", o]);
    }
    let ca = proxy.ca.to_str().unwrap().to_string();

    // az's own validation, byte for byte.
    for bad in [
        vec!["--host", "https://x", "--server-ca-certificate", &ca],
        vec!["--host", "x/y", "--server-ca-certificate", &ca],
        vec!["--host", "x:99999", "--server-ca-certificate", &ca],
        vec!["--host", "x:ab", "--server-ca-certificate", &ca],
        vec![
            "--host",
            "x",
            "--server-ca-certificate",
            &ca,
            "--path-prefix",
            "v1",
        ],
        vec![
            "--host",
            "x",
            "--server-ca-certificate",
            &ca,
            "--path-prefix",
            "/v1/",
        ],
        vec![
            "--host",
            "x",
            "--server-ca-certificate",
            &ca,
            "--path-prefix",
            "/v_1",
        ],
        vec!["--host", "x", "--server-ca-certificate", "/no/such.pem"],
    ] {
        let mut a = vec!["ekm-connection", "create"];
        a.extend_from_slice(&bad);
        assert_eq!(both(&a).code, 1, "{bad:?}");
    }

    // az creates; both read the same connection and the same proxy /info.
    az.keyvault(&[
        "ekm-connection",
        "create",
        "--id",
        &uri,
        "--host",
        &proxy.host,
        "--server-ca-certificate",
        &ca,
        "--server-cn",
        "mhsm-ekm-proxy",
        "--path-prefix",
        crate::ekm::PREFIX,
    ])
    .ok();
    for o in ["json", "table", "tsv", "yaml"] {
        both(&["ekm-connection", "show", "-o", o]);
    }
    both(&["ekm-connection", "check"]);
    assert_eq!(
        both(&[
            "ekm-connection",
            "create",
            "--host",
            &proxy.host,
            "--server-ca-certificate",
            &ca,
        ])
        .code,
        1
    );
    both(&["ekm-connection", "update", "--server-cn", "mhsm-ekm-proxy"]);

    // External keys: az creates, both show; az's refusals of key-shape flags.
    let kid = format!("{}/keys/ext-rsa", uri.trim_end_matches('/'));
    az.keyvault(&["key", "create", "--id", &kid, "--external-key-id", "rsa-1"])
        .ok();
    let shown = az
        .same(
            &["key", "show", "--id", &kid],
            &["key", "show", "--id", &kid],
        )
        .json();
    assert_eq!(shown["externalKeyId"], "rsa-1");
    for extra in [
        vec!["--kty", "RSA"],
        vec!["--size", "2048", "--ops", "wrapKey"],
        vec!["--protection", "hsm", "--exportable", "false"],
    ] {
        let mut a = vec!["key", "create", "--id", &kid, "--external-key-id", "rsa-1"];
        a.extend_from_slice(&extra);
        assert_eq!(az.same(&a, &a).code, 1, "{extra:?}");
    }
    let a = ["key", "create", "--id", &kid, "--external-key-id", "a_b"];
    assert_eq!(az.same(&a, &a).code, 1);

    // az deletes; both see no connection.
    az.keyvault(&["ekm-connection", "delete", "--id", &uri])
        .ok();
    assert_eq!(both(&["ekm-connection", "show"]).code, 3);
}
