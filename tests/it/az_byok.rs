//! BYOK with the real az CLI: az creates and downloads the key-exchange key, `mhsm key
//! make-byok` makes the blobs offline, `az keyvault key import --byok-file` imports them into
//! the emulator, and `mhsm key import --byok-file` prints what az prints (bundles equal up to
//! the key's id and times; refusals with the same error line; `key show` byte for byte).

use serde_json::Value;
use std::process::Command;

use crate::az_cli::Az;
use crate::harness::Emu;

fn openssl(args: &[&str]) {
    let o = Command::new("openssl").args(args).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// A key bundle without what differs between two imports of the same key (kid, times).
fn comparable(mut v: Value) -> Value {
    v["key"]["kid"] = Value::Null;
    v["attributes"]["created"] = Value::Null;
    v["attributes"]["updated"] = Value::Null;
    v
}

#[test]
fn az_imports_mhsm_made_byok_blobs_and_mhsm_prints_what_az_prints() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let Some(az) = Az::login(&emu) else {
        return;
    };
    let admin_oid = emu.oid("subscription-admin");
    let created = az
        .keyvault(&[
            "create",
            "--hsm-name",
            "az-byok",
            "-g",
            "rg-hsm",
            "-l",
            "eastus2",
            "--administrators",
            &admin_oid,
            "--retention-days",
            "7",
        ])
        .ok()
        .json();
    let host = created["properties"]["hsmUri"]
        .as_str()
        .unwrap()
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string();
    let h = host.as_str();
    for role in ["Managed HSM Crypto Officer", "Managed HSM Crypto User"] {
        az.keyvault(&[
            "role",
            "assignment",
            "create",
            "--hsm-name",
            h,
            "--role",
            role,
            "--scope",
            "/keys",
            "--assignee-object-id",
            &admin_oid,
        ])
        .ok();
    }
    let dir = emu.state().join("az-byok");
    std::fs::create_dir_all(&dir).unwrap();
    let p = |n: &str| dir.join(n).display().to_string();

    // The KEK, as the BYOK specification's az commands make and download it.
    let kek = az
        .keyvault(&[
            "key",
            "create",
            "--hsm-name",
            h,
            "-n",
            "kek",
            "--kty",
            "RSA-HSM",
            "--size",
            "2048",
            "--ops",
            "import",
        ])
        .ok()
        .json();
    let kid = kek["key"]["kid"].as_str().unwrap().to_string();
    az.keyvault(&[
        "key",
        "download",
        "--hsm-name",
        h,
        "-n",
        "kek",
        "-f",
        &p("kek.pem"),
    ])
    .ok();

    // Keys made locally; blobs made by mhsm offline (no credentials, no HSM).
    openssl(&["genrsa", "-out", &p("rsa.pem"), "2048"]);
    openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        &p("ec.pem"),
    ]);
    openssl(&["rand", "-out", &p("aes.key"), "16"]);
    for k in ["rsa.pem", "ec.pem", "aes.key"] {
        let out = format!("{k}.byok");
        emu.mhsm_env(
            "",
            &[
                "key",
                "make-byok",
                "--key-file",
                &p(k),
                "--kek-file",
                &p("kek.pem"),
                "--kek-kid",
                &kid,
                "-f",
                &p(&out),
            ],
            &[],
        )
        .ok();
    }

    // az imports; mhsm imports the same blob under another name: the same bundle.
    for (blob, name, extra) in [
        ("rsa.pem.byok", "rsa", vec!["--ops", "sign", "verify"]),
        (
            "ec.pem.byok",
            "ec",
            vec!["--kty", "EC", "--curve", "P-256", "--ops", "sign", "verify"],
        ),
        ("aes.key.byok", "aes", vec!["--kty", "oct"]),
    ] {
        let az_name = format!("az-{name}");
        let mhsm_name = format!("mhsm-{name}");
        let file = p(blob);
        let mut a = vec![
            "key",
            "import",
            "--hsm-name",
            h,
            "-n",
            &az_name,
            "--byok-file",
            &file,
        ];
        a.extend(extra.iter().copied());
        let by_az = az.keyvault(&a).ok().json();
        let mut m = vec![
            "key",
            "import",
            "--hsm-name",
            h,
            "-n",
            &mhsm_name,
            "--byok-file",
            &file,
        ];
        m.extend(extra.iter().copied());
        let by_mhsm = emu.mhsm("subscription-admin", &m).ok().json();
        assert_eq!(comparable(by_az.clone()), comparable(by_mhsm), "{blob}");
        assert!(by_az["key"]["kty"].as_str().unwrap().ends_with("-HSM"));
        for o in ["json", "tsv"] {
            az.same(
                &["key", "show", "--hsm-name", h, "-n", &az_name, "-o", o],
                &["key", "show", "--hsm-name", h, "-n", &az_name, "-o", o],
            );
        }
    }

    // A corrupted blob and a blob for a KEK without import: the same refusal through both.
    let good: Value = serde_json::from_slice(&std::fs::read(p("aes.key.byok")).unwrap()).unwrap();
    let mut bad = good.clone();
    // One character inside the RFC 5649 part (not the last one, whose low bits may be padding).
    let mut ct: Vec<char> = bad["ciphertext"].as_str().unwrap().chars().collect();
    let at = ct.len() - 10;
    ct[at] = if ct[at] == 'A' { 'B' } else { 'A' };
    bad["ciphertext"] = Value::from(ct.into_iter().collect::<String>());
    std::fs::write(p("corrupt.byok"), bad.to_string()).unwrap();
    let corrupt = p("corrupt.byok");
    let args = [
        "key",
        "import",
        "--hsm-name",
        h,
        "-n",
        "never",
        "--byok-file",
        &corrupt,
        "--kty",
        "oct",
    ];
    let out = az.same(&args, &args);
    assert!(out.stderr.contains("(BadParameter)"), "{}", out.stderr);
    let show = ["key", "show", "--hsm-name", h, "-n", "never"];
    az.same(&show, &show);
}
