//! BYOK end to end with the real binaries: a key-exchange key (KEK) created on the emulator
//! and downloaded; an RSA-3072, an EC P-384 and an AES-256 key made locally with openssl,
//! wrapped offline by `mhsm key make-byok`, imported with `key import --byok-file`, then used
//! (signatures verified by openssl with the local public key, an AES wrap unwrapped by openssl
//! with the original key); a blob made by openssl alone (the BYOK specification's mechanism
//! step by step) imports too; and every bad blob is refused with nothing imported.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Emu, Out};

fn openssl(args: &[&str]) -> Vec<u8> {
    let o = Command::new("openssl").args(args).output().unwrap();
    assert!(
        o.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

fn digest(alg: &'static aws_lc_rs::digest::Algorithm, data: &[u8]) -> Vec<u8> {
    aws_lc_rs::digest::digest(alg, data).as_ref().to_vec()
}

/// DER `ECDSA-Sig-Value` of a raw `r ‖ s` signature (what openssl verifies).
fn ecdsa_der(raw: &[u8]) -> Vec<u8> {
    let int = |v: &[u8]| {
        let first = v.iter().position(|b| *b != 0).unwrap_or(v.len() - 1);
        let mut c = v[first..].to_vec();
        if c[0] & 0x80 != 0 {
            c.insert(0, 0);
        }
        let mut out = vec![0x02, c.len() as u8];
        out.extend(c);
        out
    };
    let (r, s) = raw.split_at(raw.len() / 2);
    let body = [int(r), int(s)].concat();
    let mut out = vec![0x30];
    if body.len() >= 0x80 {
        out.push(0x81);
    }
    out.push(body.len() as u8);
    out.extend(body);
    out
}

struct Byok<'a> {
    emu: &'a Emu,
    hsm: &'a str,
    dir: PathBuf,
}

impl Byok<'_> {
    fn p(&self, n: &str) -> String {
        self.dir.join(n).display().to_string()
    }

    fn so(&self, args: &[&str]) -> Out {
        let mut a = args.to_vec();
        if a[0] == "key" && a[1] != "make-byok" {
            a.extend_from_slice(&["--hsm-name", self.hsm]);
        }
        self.emu.mhsm("security-officer", &a)
    }
}

fn start(emu: &Emu, hsm: &str) -> PathBuf {
    emu.create_hsm(hsm);
    for role in ["Managed HSM Crypto User", "Managed HSM Crypto Officer"] {
        emu.mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                hsm,
                "--role",
                role,
                "--scope",
                "/",
                "--assignee",
                "security-team",
            ],
        )
        .ok();
    }
    let dir = emu.state().join(format!("byok-{hsm}"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Creates a KEK (RSA-HSM, `--ops import`), downloads its public key and saves `key show`.
fn kek(b: &Byok<'_>, name: &str, size: &str) -> String {
    let created = b
        .so(&[
            "key", "create", "-n", name, "--kty", "RSA-HSM", "--size", size, "--ops", "import",
        ])
        .ok()
        .json();
    assert_eq!(created["key"]["keyOps"], serde_json::json!(["import"]));
    b.so(&[
        "key",
        "download",
        "-n",
        name,
        "-f",
        &b.p(&format!("{name}.pem")),
    ])
    .ok();
    let shown = b.so(&["key", "show", "-n", name]).ok().stdout;
    std::fs::write(b.dir.join(format!("{name}.json")), shown).unwrap();
    created["key"]["kid"].as_str().unwrap().to_string()
}

fn make_byok(b: &Byok<'_>, key: &str, kek_file: &str, kid: Option<&str>, out: &str) -> Out {
    let (key, kek_file, out) = (b.p(key), b.p(kek_file), b.p(out));
    let mut a = vec![
        "key",
        "make-byok",
        "--key-file",
        &key,
        "--kek-file",
        &kek_file,
        "-f",
        &out,
    ];
    if let Some(k) = kid {
        a.extend_from_slice(&["--kek-kid", k]);
    }
    b.so(&a)
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn byok_of_local_rsa_ec_and_aes_keys_imports_and_works() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let dir = start(&emu, "byok-hsm");
    emu.enable_audit_log("byok-hsm");
    let b = Byok {
        emu: &emu,
        hsm: "byok-hsm",
        dir: dir.clone(),
    };
    let kid = kek(&b, "kek", "3072");
    assert!(kid.contains("/keys/kek/"), "{kid}");

    // The keys, made on-premise (here: openssl).
    let p = |n: &str| b.p(n);
    openssl(&[
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:3072",
        "-out",
        &p("rsa.pem"),
    ]);
    // EC as a SEC1 "EC PRIVATE KEY", the other usual PEM form.
    openssl(&[
        "ecparam",
        "-name",
        "secp384r1",
        "-genkey",
        "-noout",
        "-out",
        &p("ec.pem"),
    ]);
    openssl(&["rand", "-out", &p("aes.key"), "32"]);
    for k in ["rsa", "ec"] {
        openssl(&[
            "pkey",
            "-in",
            &p(&format!("{k}.pem")),
            "-pubout",
            "-out",
            &p(&format!("{k}.pub.pem")),
        ]);
    }

    // make-byok: the KEK as a PEM plus --kek-kid, or as key show's JSON (kid inside).
    let r = make_byok(&b, "rsa.pem", "kek.pem", Some(&kid), "rsa.byok")
        .ok()
        .json();
    assert_eq!(
        (&r["kty"], &r["keySize"], &r["curve"]),
        (&Value::from("RSA"), &Value::from(3072), &Value::Null)
    );
    let e = make_byok(&b, "ec.pem", "kek.json", None, "ec.byok")
        .ok()
        .json();
    assert_eq!(
        (&e["kty"], &e["curve"]),
        (&Value::from("EC"), &Value::from("P-384"))
    );
    let a = make_byok(&b, "aes.key", "kek.json", Some(&kid), "aes.byok")
        .ok()
        .json();
    assert_eq!(
        (&a["kty"], &a["keySize"]),
        (&Value::from("oct"), &Value::from(256))
    );
    // The blob is the specification's document, naming the KEK; no plaintext key was written
    // anywhere (the directory holds exactly what was asked for).
    let blob: Value =
        serde_json::from_slice(&std::fs::read(dir.join("rsa.byok")).unwrap()).unwrap();
    assert_eq!(blob["schema_version"], "1.0.0");
    assert_eq!(blob["header"]["kid"], kid.as_str());
    assert_eq!(blob["header"]["alg"], "dir");
    assert_eq!(blob["header"]["enc"], "CKM_RSA_AES_KEY_WRAP");
    assert_eq!(
        files(&dir),
        [
            "aes.byok",
            "aes.key",
            "ec.byok",
            "ec.pem",
            "ec.pub.pem",
            "kek.json",
            "kek.pem",
            "rsa.byok",
            "rsa.pem",
            "rsa.pub.pem"
        ]
    );

    // Import as az does (--byok-file, --kty, --curve).
    let imported = b
        .so(&[
            "key",
            "import",
            "-n",
            "rsa-byok",
            "--byok-file",
            &p("rsa.byok"),
            "--ops",
            "sign",
            "verify",
        ])
        .ok()
        .json();
    assert_eq!(imported["key"]["kty"], "RSA-HSM");
    b.so(&[
        "key",
        "import",
        "-n",
        "ec-byok",
        "--byok-file",
        &p("ec.byok"),
        "--kty",
        "EC",
        "--curve",
        "P-384",
        "--ops",
        "sign",
        "verify",
    ])
    .ok();
    b.so(&[
        "key",
        "import",
        "-n",
        "aes-byok",
        "--byok-file",
        &p("aes.byok"),
        "--kty",
        "oct",
        "--ops",
        "wrapKey",
        "unwrapKey",
    ])
    .ok();
    // The HSM holds the very keys made locally: same public keys.
    for k in ["rsa", "ec"] {
        let f = p(&format!("{k}-hsm.pub.pem"));
        b.so(&["key", "download", "-n", &format!("{k}-byok"), "-f", &f])
            .ok();
        assert_eq!(
            std::fs::read(&f).unwrap(),
            std::fs::read(p(&format!("{k}.pub.pem"))).unwrap(),
            "{k}"
        );
    }

    // Sign on the HSM, verify with openssl and the local public key.
    let data = b"generated on-premise, imported, used";
    std::fs::write(dir.join("data"), data).unwrap();
    for (name, alg, hash, ec) in [
        ("rsa", "RS256", &aws_lc_rs::digest::SHA256, false),
        ("rsa", "PS256", &aws_lc_rs::digest::SHA256, false),
        ("ec", "ES384", &aws_lc_rs::digest::SHA384, true),
    ] {
        let d = STANDARD.encode(digest(hash, data));
        let s = b
            .so(&[
                "key",
                "sign",
                "-n",
                &format!("{name}-byok"),
                "-a",
                alg,
                "--digest",
                &d,
            ])
            .ok()
            .json();
        let mut sig = STANDARD.decode(s["signature"].as_str().unwrap()).unwrap();
        if ec {
            sig = ecdsa_der(&sig);
        }
        let sig_file = p(&format!("{name}-{alg}.sig"));
        std::fs::write(&sig_file, sig).unwrap();
        let dgst = if ec { "-sha384" } else { "-sha256" };
        let public = p(&format!("{name}.pub.pem"));
        let mut args = vec!["dgst", dgst, "-verify", &public, "-signature"];
        args.push(&sig_file);
        let pss = [
            "-sigopt",
            "rsa_padding_mode:pss",
            "-sigopt",
            "rsa_pss_saltlen:-1",
        ];
        if alg == "PS256" {
            args.extend_from_slice(&pss);
        }
        let data_file = p("data");
        args.push(&data_file);
        let out = openssl(&args);
        assert_eq!(String::from_utf8_lossy(&out).trim(), "Verified OK", "{alg}");
    }

    // AES: wrap on the HSM (A256KW), unwrap locally with openssl and the original key.
    let cek: Vec<u8> = (0u8..32).collect();
    let w = b
        .so(&[
            "key",
            "wrap",
            "-n",
            "aes-byok",
            "-a",
            "A256KW",
            "--value",
            &STANDARD.encode(&cek),
        ])
        .ok()
        .json();
    std::fs::write(
        dir.join("wrapped.bin"),
        STANDARD.decode(w["result"].as_str().unwrap()).unwrap(),
    )
    .unwrap();
    let aes_hex: String = std::fs::read(dir.join("aes.key"))
        .unwrap()
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect();
    let unwrapped = openssl(&[
        "enc",
        "-d",
        "-id-aes256-wrap",
        "-iv",
        "A6A6A6A6A6A6A6A6",
        "-K",
        &aes_hex,
        "-in",
        &p("wrapped.bin"),
    ]);
    assert_eq!(unwrapped, cek);

    // The imported key's plaintext is nowhere in the emulator's store or audit log (in any
    // spelling), nor in what mhsm printed.
    let aes_raw = std::fs::read(dir.join("aes.key")).unwrap();
    let store = std::fs::read(emu.state().join("state.redb")).unwrap();
    let audit = std::fs::read(emu.state().join("audit").join("byok-hsm.jsonl")).unwrap();
    let printed = format!("{imported}{w}");
    for spelling in [
        aes_raw.clone(),
        URL_SAFE_NO_PAD.encode(&aes_raw).into_bytes(),
        STANDARD.encode(&aes_raw).into_bytes(),
        aes_hex.clone().into_bytes(),
    ] {
        let needle = &spelling[..24];
        for (place, hay) in [
            ("store", &store),
            ("audit", &audit),
            ("output", &printed.as_bytes().to_vec()),
        ] {
            assert!(
                !hay.windows(24).any(|x| x == needle),
                "the AES key is in the {place}"
            );
        }
    }

    // A blob made with openssl alone, step by step as the specification describes it
    // (RSA-OAEP-SHA-1 of an ephemeral AES key ‖ AES-KWP of the PKCS#8): mhsm's import and the
    // emulator agree with it, not only with mhsm's own maker.
    openssl(&["rand", "-out", &p("eph.key"), "32"]);
    openssl(&[
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        &p("rsa.pem"),
        "-outform",
        "DER",
        "-out",
        &p("rsa.der"),
    ]);
    let eph_hex: String = std::fs::read(dir.join("eph.key"))
        .unwrap()
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect();
    openssl(&[
        "enc",
        "-id-aes256-wrap-pad",
        "-iv",
        "A65959A6",
        "-K",
        &eph_hex,
        "-in",
        &p("rsa.der"),
        "-out",
        &p("rsa.kwp"),
    ]);
    openssl(&[
        "pkeyutl",
        "-encrypt",
        "-pubin",
        "-inkey",
        &p("kek.pem"),
        "-in",
        &p("eph.key"),
        "-out",
        &p("eph.oaep"),
        "-pkeyopt",
        "rsa_padding_mode:oaep",
        "-pkeyopt",
        "rsa_oaep_md:sha1",
        "-pkeyopt",
        "rsa_mgf1_md:sha1",
    ]);
    let mut ct = std::fs::read(dir.join("eph.oaep")).unwrap();
    ct.extend(std::fs::read(dir.join("rsa.kwp")).unwrap());
    let doc = serde_json::json!({
        "schema_version": "1.0.0",
        "header": {"kid": kid, "alg": "dir", "enc": "CKM_RSA_AES_KEY_WRAP"},
        "ciphertext": URL_SAFE_NO_PAD.encode(&ct),
        "generator": "openssl by hand",
    });
    b.so(&[
        "key",
        "import",
        "-n",
        "rsa-openssl",
        "--byok-string",
        &doc.to_string(),
        "--ops",
        "sign",
    ])
    .ok();
    let f = p("rsa-openssl.pub.pem");
    b.so(&["key", "download", "-n", "rsa-openssl", "-f", &f])
        .ok();
    assert_eq!(
        std::fs::read(&f).unwrap(),
        std::fs::read(p("rsa.pub.pem")).unwrap()
    );
}

#[test]
fn bad_blobs_are_refused_and_import_nothing() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let dir = start(&emu, "byok-bad");
    let b = Byok {
        emu: &emu,
        hsm: "byok-bad",
        dir: dir.clone(),
    };
    let p = |n: &str| b.p(n);
    let kid_a = kek(&b, "kek-a", "2048");
    let kid_b = kek(&b, "kek-b", "4096");
    // Another HSM's KEK.
    let other_dir = start(&emu, "byok-other");
    let other = Byok {
        emu: &emu,
        hsm: "byok-other",
        dir: other_dir,
    };
    let kid_other = kek(&other, "kek-o", "2048");
    std::fs::copy(other.dir.join("kek-o.pem"), dir.join("kek-o.pem")).unwrap();
    // An RSA key that is not a KEK (no import), one with import among other ops, an expired KEK.
    let plain = b
        .so(&[
            "key", "create", "-n", "not-kek", "--kty", "RSA-HSM", "--ops", "encrypt", "decrypt",
        ])
        .ok()
        .json();
    let kid_plain = plain["key"]["kid"].as_str().unwrap().to_string();
    b.so(&["key", "download", "-n", "not-kek", "-f", &p("not-kek.pem")])
        .ok();
    let mixed = b
        .so(&[
            "key",
            "create",
            "-n",
            "mixed-kek",
            "--kty",
            "RSA-HSM",
            "--ops",
            "import",
            "sign",
        ])
        .ok()
        .json();
    let kid_mixed = mixed["key"]["kid"].as_str().unwrap().to_string();
    b.so(&[
        "key",
        "download",
        "-n",
        "mixed-kek",
        "-f",
        &p("mixed-kek.pem"),
    ])
    .ok();
    // Expires in an hour (the emulator clock starts at the real time; moved on below).
    let in_an_hour = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    let expires = in_an_hour
        .format(time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
        ))
        .unwrap();
    let expiring = b
        .so(&[
            "key",
            "create",
            "-n",
            "old-kek",
            "--kty",
            "RSA-HSM",
            "--ops",
            "import",
            "--expires",
            &expires,
        ])
        .ok()
        .json();
    let kid_old = expiring["key"]["kid"].as_str().unwrap().to_string();
    b.so(&["key", "download", "-n", "old-kek", "-f", &p("old-kek.pem")])
        .ok();

    openssl(&["rand", "-out", &p("aes.key"), "32"]);
    openssl(&[
        "ecparam",
        "-name",
        "prime256v1",
        "-genkey",
        "-noout",
        "-out",
        &p("ec.pem"),
    ]);
    openssl(&["genrsa", "-out", &p("rsa1024.pem"), "1024"]);
    // A KEK of this HSM cannot be the KEK of a key outside it: mhsm refuses a key_ops mismatch
    // locally when it knows them (key show JSON).
    let shown = b.so(&["key", "show", "-n", "mixed-kek"]).ok().stdout;
    std::fs::write(dir.join("mixed-kek.json"), shown).unwrap();
    let local = make_byok(&b, "aes.key", "mixed-kek.json", None, "never.byok").code(1);
    assert!(
        local.stderr.contains("key_ops [\"import\"] only"),
        "{}",
        local.stderr
    );
    assert!(!dir.join("never.byok").exists());

    // An encrypted PKCS#8 key needs its password (from the environment, not the command line).
    openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-aes256",
        "-pass",
        "pass:s3cret",
        "-out",
        &p("enc.pem"),
    ]);
    let no_pw = make_byok(&b, "enc.pem", "kek-a.pem", Some(&kid_a), "enc.byok").code(1);
    assert!(
        no_pw.stderr.contains("MHSM_PEM_PASSWORD"),
        "{}",
        no_pw.stderr
    );
    let (enc, kek_pem, out) = (p("enc.pem"), p("kek-a.pem"), p("enc.byok"));
    let with_pw = emu
        .mhsm_env(
            "",
            &[
                "key",
                "make-byok",
                "--key-file",
                &enc,
                "--kek-file",
                &kek_pem,
                "--kek-kid",
                &kid_a,
                "-f",
                &out,
            ],
            &[("MHSM_PEM_PASSWORD", "s3cret")],
        )
        .ok()
        .json();
    assert_eq!(with_pw["curve"], "P-256");

    // Blobs: (file, key to wrap, KEK public key, kid in the header).
    make_byok(&b, "aes.key", "kek-a.pem", Some(&kid_b), "other-kek.byok").ok();
    make_byok(
        &b,
        "aes.key",
        "not-kek.pem",
        Some(&kid_plain),
        "no-import.byok",
    )
    .ok();
    make_byok(
        &b,
        "aes.key",
        "mixed-kek.pem",
        Some(&kid_mixed),
        "mixed.byok",
    )
    .ok();
    make_byok(&b, "aes.key", "old-kek.pem", Some(&kid_old), "expired.byok").ok();
    make_byok(
        &b,
        "aes.key",
        "kek-o.pem",
        Some(&kid_other),
        "other-hsm.byok",
    )
    .ok();
    make_byok(&b, "aes.key", "kek-a.pem", Some(&kid_a), "good-aes.byok").ok();
    make_byok(&b, "ec.pem", "kek-a.pem", Some(&kid_a), "ec.byok").ok();
    let small = make_byok(&b, "rsa1024.pem", "kek-a.pem", Some(&kid_a), "rsa1024.byok").ok();
    assert!(small.stderr.contains("will be refused"), "{}", small.stderr);
    // Corrupted: one byte of the ciphertext flipped (in the RSA part, then in the KWP part).
    let good: Value =
        serde_json::from_slice(&std::fs::read(dir.join("good-aes.byok")).unwrap()).unwrap();
    let ct = URL_SAFE_NO_PAD
        .decode(good["ciphertext"].as_str().unwrap())
        .unwrap();
    for (name, at) in [("corrupt-rsa.byok", 10), ("corrupt-kwp.byok", ct.len() - 3)] {
        let mut c = ct.clone();
        c[at] ^= 0x20;
        let mut doc = good.clone();
        doc["ciphertext"] = Value::from(URL_SAFE_NO_PAD.encode(&c));
        std::fs::write(dir.join(name), doc.to_string()).unwrap();
    }
    std::fs::write(dir.join("not-json.byok"), b"this is not a byok file").unwrap();
    // The clock passes the old KEK's expiry.
    emu.advance_clock(2 * 3600);

    for (file, kty, status_code, needle) in [
        (
            "other-kek.byok",
            "oct",
            "BadParameter",
            "made for another key exchange key",
        ),
        (
            "no-import.byok",
            "oct",
            "Forbidden",
            "Operation import is not permitted on this key.",
        ),
        (
            "mixed.byok",
            "oct",
            "BadParameter",
            "key_ops [\"import\"] only",
        ),
        ("expired.byok", "oct", "Forbidden", "expired key"),
        (
            "other-hsm.byok",
            "oct",
            "BadParameter",
            "is not a key of this HSM",
        ),
        (
            "corrupt-rsa.byok",
            "oct",
            "BadParameter",
            "or it is corrupted",
        ),
        (
            "corrupt-kwp.byok",
            "oct",
            "BadParameter",
            "or it is corrupted",
        ),
        (
            "not-json.byok",
            "oct",
            "BadParameter",
            "not a valid BYOK key transfer blob",
        ),
        (
            "rsa1024.byok",
            "RSA",
            "BadParameter",
            "Invalid key size 1024 for key type RSA",
        ),
        (
            "ec.byok",
            "RSA",
            "BadParameter",
            "is an EC-HSM key, but the import says kty RSA-HSM",
        ),
    ] {
        let out = b
            .so(&[
                "key",
                "import",
                "-n",
                "target",
                "--byok-file",
                &p(file),
                "--kty",
                kty,
            ])
            .code(1);
        assert!(
            out.stderr.contains(&format!("({status_code})")) && out.stderr.contains(needle),
            "{file}: {}",
            out.stderr
        );
        // Nothing imported.
        b.so(&["key", "show", "-n", "target"]).code(3);
    }
    // A wrong curve, then the good blob imports (and nothing else ever did).
    let out = b
        .so(&[
            "key",
            "import",
            "-n",
            "target",
            "--byok-file",
            &p("ec.byok"),
            "--kty",
            "EC",
            "--curve",
            "P-384",
        ])
        .code(1);
    assert!(out.stderr.contains("on curve P-256"), "{}", out.stderr);
    b.so(&[
        "key",
        "import",
        "-n",
        "target",
        "--byok-file",
        &p("good-aes.byok"),
        "--kty",
        "oct",
    ])
    .ok();
    b.so(&[
        "key",
        "import",
        "-n",
        "from-encrypted-pem",
        "--byok-file",
        &p("enc.byok"),
        "--kty",
        "EC",
        "--curve",
        "P-256",
    ])
    .ok();
    let versions = b.so(&["key", "list-versions", "-n", "target"]).ok().json();
    assert_eq!(versions.as_array().unwrap().len(), 1, "{versions}");
    // The KEK itself can do nothing but import.
    for op in [
        vec![
            "key",
            "wrap",
            "-n",
            "kek-a",
            "-a",
            "RSA-OAEP-256",
            "--value",
            "aGk=",
        ],
        vec![
            "key", "decrypt", "-n", "kek-a", "-a", "RSA-OAEP", "--value", "aGk=",
        ],
        vec![
            "key",
            "sign",
            "-n",
            "kek-a",
            "-a",
            "RS256",
            "--digest",
            &STANDARD.encode([0u8; 32]),
        ],
    ] {
        let out = b.so(&op).code(1);
        assert!(
            out.stderr.contains("is not permitted on this key"),
            "{op:?}: {}",
            out.stderr
        );
    }
}
