//! Files, not base64: `key sign/verify --file` checked by openssl and by mhsm, `key
//! encrypt/decrypt --file` (envelope encryption as a standard JWE) with RSA and AES keys, and
//! every bad input refused with no output file left behind. The HSM comes from
//! `mhsm-emulator --hsm`, so these tests also run the two-command developer path.

use std::path::Path;
use std::process::Command;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::Value;

use crate::harness::{Emu, Out};

const HSM: &str = "dev";
const DEV: &str = "developer";

/// An emulator with an active HSM `dev` for `developer`, and a scratch directory.
fn setup() -> (Emu, tempfile::TempDir) {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--hsm", HSM]);
    (emu, tempfile::tempdir().unwrap())
}

fn mhsm(emu: &Emu, args: &[&str]) -> Out {
    let mut a = args.to_vec();
    if a.contains(&"-n") && !a.contains(&"--hsm-name") {
        a.extend_from_slice(&["--hsm-name", HSM]);
    }
    emu.mhsm(DEV, &a)
}

fn create(emu: &Emu, name: &str, extra: &[&str]) -> Value {
    let mut a = vec!["key", "create", "-n", name];
    a.extend_from_slice(extra);
    mhsm(emu, &a).ok().json()
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// Pseudo-random bytes (deterministic), `len` long.
fn data(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// Everything in `dir` (to prove no partial file was left).
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn openssl(args: &[&str]) -> Out {
    let o = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

#[test]
fn sign_a_file_and_verify_it_with_openssl_and_mhsm() {
    let (emu, tmp) = setup();
    create(&emu, "rsa", &["--kty", "RSA-HSM", "--size", "2048"]);
    create(&emu, "p256", &["--kty", "EC-HSM", "--curve", "P-256"]);
    create(&emu, "k1", &["--kty", "EC-HSM", "--curve", "P-256K"]);
    create(&emu, "p521", &["--kty", "EC-HSM", "--curve", "P-521"]);
    let file = tmp.path().join("release.tar");
    std::fs::write(&file, data(3 * 1024 * 1024 + 17)).unwrap();
    let tampered = tmp.path().join("tampered.tar");
    let mut t = data(3 * 1024 * 1024 + 17);
    t[1000] ^= 1;
    std::fs::write(&tampered, t).unwrap();
    for (key, alg, dgst, sigopts) in [
        ("rsa", "RS256", "-sha256", &[][..]),
        (
            "rsa",
            "PS384",
            "-sha384",
            &[
                "-sigopt",
                "rsa_padding_mode:pss",
                "-sigopt",
                "rsa_pss_saltlen:digest",
            ][..],
        ),
        ("rsa", "RS512", "-sha512", &[][..]),
        ("p256", "ES256", "-sha256", &[][..]),
        ("k1", "ES256K", "-sha256", &[][..]),
        ("p521", "ES512", "-sha512", &[][..]),
    ] {
        let pem = tmp.path().join(format!("{key}.pem"));
        if !pem.exists() {
            mhsm(
                &emu,
                &[
                    "key",
                    "download",
                    "--hsm-name",
                    HSM,
                    "-n",
                    key,
                    "-f",
                    &s(&pem),
                ],
            )
            .ok();
        }
        // DER for OpenSSL.
        let sig = tmp.path().join(format!("{alg}.sig"));
        let out = mhsm(
            &emu,
            &[
                "key",
                "sign",
                "-n",
                key,
                "-a",
                alg,
                "--file",
                &s(&file),
                "--signature-file",
                &s(&sig),
                "--signature-format",
                "der",
            ],
        )
        .ok()
        .json();
        assert_eq!(out["algorithm"], alg);
        assert!(
            out["keyId"]
                .as_str()
                .unwrap()
                .contains(&format!("/keys/{key}/"))
        );
        let mut a = vec!["dgst", dgst, "-verify", pem.to_str().unwrap()];
        a.extend_from_slice(sigopts);
        a.extend_from_slice(&["-signature", sig.to_str().unwrap()]);
        let mut ok = a.clone();
        ok.push(file.to_str().unwrap());
        let o = openssl(&ok);
        assert!(
            o.code == 0 && o.stdout.contains("Verified OK"),
            "{alg}: {o:?}"
        );
        let mut bad = a.clone();
        bad.push(tampered.to_str().unwrap());
        assert_ne!(
            openssl(&bad).code,
            0,
            "{alg}: openssl accepted a tampered file"
        );
        // mhsm verifies the DER file, and az's base64 signature (raw) of the same file.
        let v = mhsm(
            &emu,
            &[
                "key",
                "verify",
                "-n",
                key,
                "-a",
                alg,
                "--file",
                &s(&file),
                "--signature-file",
                &s(&sig),
                "--signature-format",
                "der",
            ],
        )
        .ok()
        .json();
        assert_eq!(v["isValid"], true, "{alg}");
        let v = mhsm(
            &emu,
            &[
                "key",
                "verify",
                "-n",
                key,
                "-a",
                alg,
                "--file",
                &s(&file),
                "--signature",
                out["signature"].as_str().unwrap(),
            ],
        )
        .ok()
        .json();
        assert_eq!(v["isValid"], true, "{alg}");
        let v = mhsm(
            &emu,
            &[
                "key",
                "verify",
                "-n",
                key,
                "-a",
                alg,
                "--file",
                &s(&tampered),
                "--signature-file",
                &s(&sig),
                "--signature-format",
                "der",
            ],
        )
        .ok()
        .json();
        assert_eq!(v["isValid"], false, "{alg}");
        // Raw (the default) is the signature az prints, byte for byte.
        let raw = tmp.path().join(format!("{alg}.raw"));
        let out = mhsm(
            &emu,
            &[
                "key",
                "sign",
                "-n",
                key,
                "-a",
                alg,
                "--file",
                &s(&file),
                "--signature-file",
                &s(&raw),
            ],
        )
        .ok()
        .json();
        assert_eq!(
            STANDARD.encode(std::fs::read(&raw).unwrap()),
            out["signature"].as_str().unwrap()
        );
        let v = mhsm(
            &emu,
            &[
                "key",
                "verify",
                "-n",
                key,
                "-a",
                alg,
                "--file",
                &s(&file),
                "--signature-file",
                &s(&raw),
            ],
        )
        .ok()
        .json();
        assert_eq!(v["isValid"], true, "{alg}");
    }
    // The digest is what --digest would have sent: a signature of --file verifies as a digest.
    let digest = STANDARD.encode(aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA256,
        &std::fs::read(&file).unwrap(),
    ));
    let sig = mhsm(
        &emu,
        &[
            "key",
            "sign",
            "-n",
            "p256",
            "-a",
            "ES256",
            "--file",
            &s(&file),
        ],
    )
    .ok()
    .json();
    let v = mhsm(
        &emu,
        &[
            "key",
            "verify",
            "-n",
            "p256",
            "-a",
            "ES256",
            "--digest",
            &digest,
            "--signature",
            sig["signature"].as_str().unwrap(),
        ],
    )
    .ok()
    .json();
    assert_eq!(v["isValid"], true);

    // Bad input: HMAC has no file form; a key without `sign`; an existing signature file;
    // DER that is not DER; a missing file. No signature file appears.
    let before = listing(tmp.path());
    let out_sig = s(&tmp.path().join("new.sig"));
    let e = mhsm(
        &emu,
        &[
            "key",
            "sign",
            "-n",
            "rsa",
            "-a",
            "HS256",
            "--file",
            &s(&file),
            "--signature-file",
            &out_sig,
        ],
    )
    .code(1);
    assert!(
        e.stderr.contains("--file needs an RSA or EC algorithm"),
        "{}",
        e.stderr
    );
    create(
        &emu,
        "verify-only",
        &["--kty", "EC-HSM", "--curve", "P-256", "--ops", "verify"],
    );
    let e = mhsm(
        &emu,
        &[
            "key",
            "sign",
            "-n",
            "verify-only",
            "-a",
            "ES256",
            "--file",
            &s(&file),
            "--signature-file",
            &out_sig,
        ],
    )
    .code(1);
    assert!(e.stderr.to_lowercase().contains("sign"), "{}", e.stderr);
    let existing = s(&tmp.path().join("ES256.sig"));
    let e = mhsm(
        &emu,
        &[
            "key",
            "sign",
            "-n",
            "p256",
            "-a",
            "ES256",
            "--file",
            &s(&file),
            "--signature-file",
            &existing,
        ],
    )
    .code(1);
    assert!(
        e.stderr.contains("exists") && e.stderr.contains("--overwrite"),
        "{}",
        e.stderr
    );
    let e = mhsm(
        &emu,
        &[
            "key",
            "verify",
            "-n",
            "p256",
            "-a",
            "ES256",
            "--file",
            &s(&file),
            "--signature-file",
            &s(&tmp.path().join("ES256.raw")),
            "--signature-format",
            "der",
        ],
    )
    .code(1);
    assert!(e.stderr.contains("DER"), "{}", e.stderr);
    let e = mhsm(
        &emu,
        &[
            "key",
            "sign",
            "-n",
            "p256",
            "-a",
            "ES256",
            "--file",
            &s(&tmp.path().join("missing")),
        ],
    )
    .code(1);
    assert!(e.stderr.contains("missing"), "{}", e.stderr);
    assert_eq!(listing(tmp.path()), before);
    mhsm(
        &emu,
        &[
            "key",
            "sign",
            "-n",
            "p256",
            "-a",
            "ES256",
            "--file",
            &s(&file),
            "--signature-file",
            &existing,
            "--overwrite",
        ],
    )
    .ok();
}

/// The JWE's parts (header JSON, encrypted key, IV, ciphertext, tag).
fn jwe_parts(path: &Path) -> (Value, Vec<Vec<u8>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let seg: Vec<&str> = text.split('.').collect();
    assert_eq!(seg.len(), 5, "compact JWE");
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(seg[0]).unwrap()).unwrap();
    (
        header,
        seg[1..]
            .iter()
            .map(|s| URL_SAFE_NO_PAD.decode(s).unwrap())
            .collect(),
    )
}

#[test]
fn encrypt_files_with_rsa_and_aes_keys_and_decrypt_them_back() {
    let (emu, tmp) = setup();
    create(&emu, "rsa", &["--kty", "RSA-HSM", "--size", "3072"]);
    create(&emu, "aes", &["--kty", "oct-HSM", "--size", "256"]);
    create(&emu, "aes128", &["--kty", "oct-HSM", "--size", "128"]);
    for (key, len, alg) in [
        ("rsa", 5 * 1024 * 1024 + 3, "RSA-OAEP-256"),
        ("aes", 1_000_001, "A256KW"),
        ("aes128", 0, "A128KW"),
        ("rsa", 1, "RSA-OAEP-256"),
    ] {
        let plain = tmp.path().join(format!("{key}-{len}.bin"));
        let jwe = tmp.path().join(format!("{key}-{len}.jwe"));
        let back = tmp.path().join(format!("{key}-{len}.out"));
        std::fs::write(&plain, data(len)).unwrap();
        let out = mhsm(
            &emu,
            &[
                "key",
                "encrypt",
                "-n",
                key,
                "--file",
                &s(&plain),
                "--out",
                &s(&jwe),
            ],
        )
        .ok()
        .json();
        assert_eq!(out["algorithm"], alg);
        let (header, parts) = jwe_parts(&jwe);
        assert_eq!(header["alg"], alg);
        assert_eq!(header["enc"], "A256GCM");
        assert_eq!(header["kid"], out["kid"]);
        assert!(
            header["kid"]
                .as_str()
                .unwrap()
                .contains(&format!("/keys/{key}/"))
        );
        assert_eq!(parts[1].len(), 12);
        assert_eq!(parts[2].len(), len);
        assert_eq!(parts[3].len(), 16);
        // Decrypt without naming the key (the JWE's kid), and naming it.
        let d = mhsm(
            &emu,
            &["key", "decrypt", "--file", &s(&jwe), "--out", &s(&back)],
        )
        .ok()
        .json();
        assert_eq!(d["kid"], header["kid"]);
        assert!(
            std::fs::read(&back).unwrap() == data(len),
            "{key} {len}: not byte-identical"
        );
        std::fs::remove_file(&back).unwrap();
        mhsm(
            &emu,
            &[
                "key",
                "decrypt",
                "-n",
                key,
                "--file",
                &s(&jwe),
                "--out",
                &s(&back),
            ],
        )
        .ok();
        assert!(std::fs::read(&back).unwrap() == data(len));
        // A standard JWE: anyone with the content key opens it with plain AES-256-GCM
        // (RFC 7516 §5.2: AAD = the header segment as transmitted).
        if len < 2_000_000 {
            let cek = mhsm(
                &emu,
                &[
                    "key",
                    "unwrap",
                    "-n",
                    key,
                    "-a",
                    alg,
                    "--value",
                    &STANDARD.encode(&parts[0]),
                ],
            )
            .ok()
            .json();
            let cek = STANDARD.decode(cek["result"].as_str().unwrap()).unwrap();
            let text = std::fs::read_to_string(&jwe).unwrap();
            let aad = text.split('.').next().unwrap();
            let k = aws_lc_rs::aead::LessSafeKey::new(
                aws_lc_rs::aead::UnboundKey::new(&aws_lc_rs::aead::AES_256_GCM, &cek).unwrap(),
            );
            let mut buf = [parts[2].clone(), parts[3].clone()].concat();
            let pt = k
                .open_in_place(
                    aws_lc_rs::aead::Nonce::try_assume_unique_for_key(&parts[1]).unwrap(),
                    aws_lc_rs::aead::Aad::from(aad.as_bytes()),
                    &mut buf,
                )
                .unwrap();
            assert!(pt == data(len).as_slice());
        }
    }
}

#[test]
fn bad_inputs_are_refused_and_leave_no_output_file() {
    let (emu, tmp) = setup();
    create(&emu, "rsa", &["--kty", "RSA-HSM", "--size", "2048"]);
    create(&emu, "other", &["--kty", "RSA-HSM", "--size", "2048"]);
    create(
        &emu,
        "wrap-only",
        &["--kty", "oct-HSM", "--size", "256", "--ops", "wrapKey"],
    );
    create(
        &emu,
        "sign-only",
        &[
            "--kty", "RSA-HSM", "--size", "2048", "--ops", "sign", "verify",
        ],
    );
    let dir = tmp.path();
    let plain = dir.join("plain.bin");
    std::fs::write(&plain, data(200_000)).unwrap();
    let jwe = dir.join("good.jwe");
    mhsm(
        &emu,
        &[
            "key",
            "encrypt",
            "-n",
            "rsa",
            "--file",
            &s(&plain),
            "--out",
            &s(&jwe),
        ],
    )
    .ok();
    let wrap_only = dir.join("wrap-only.jwe");
    mhsm(
        &emu,
        &[
            "key",
            "encrypt",
            "-n",
            "wrap-only",
            "--file",
            &s(&plain),
            "--out",
            &s(&wrap_only),
        ],
    )
    .ok();
    let good = std::fs::read(&jwe).unwrap();
    let text = String::from_utf8(good.clone()).unwrap();
    let dots: Vec<usize> = text.match_indices('.').map(|(i, _)| i).collect();
    let mut variants: Vec<(&str, Vec<u8>, &str)> = Vec::new();
    variants.push(("truncated", good[..good.len() / 2].to_vec(), "truncated"));
    variants.push(("no-tag", good[..dots[3] + 1].to_vec(), "tag"));
    let mut flipped = good.clone();
    let mid = (dots[2] + dots[3]) / 2;
    flipped[mid] = if flipped[mid] == b'A' { b'B' } else { b'A' };
    variants.push(("tampered", flipped, "failed authentication"));
    let mut tag = good.clone();
    let last = tag.len() - 2;
    tag[last] = if tag[last] == b'A' { b'B' } else { b'A' };
    variants.push(("bad-tag", tag, "failed authentication"));
    let header =
        URL_SAFE_NO_PAD.encode(r#"{"alg":"RSA-OAEP-256","enc":"A128CBC-HS256","kid":"x"}"#);
    variants.push((
        "bad-header",
        [header.as_bytes(), &good[dots[0]..]].concat(),
        "A256GCM",
    ));
    variants.push(("not-jwe", b"hello world".to_vec(), "not a file JWE"));
    let out = dir.join("plain.out");
    for (name, bytes, expect) in &variants {
        let p = dir.join(format!("{name}.jwe"));
        std::fs::write(&p, bytes).unwrap();
        let before = listing(dir);
        let e = mhsm(
            &emu,
            &["key", "decrypt", "--file", &s(&p), "--out", &s(&out)],
        )
        .code(1);
        assert!(e.stderr.contains(expect), "{name}: {}", e.stderr);
        assert_eq!(listing(dir), before, "{name}: a file was left behind");
    }
    let before = listing(dir);
    // The wrong key: named explicitly.
    let e = mhsm(
        &emu,
        &[
            "key",
            "decrypt",
            "-n",
            "other",
            "--file",
            &s(&jwe),
            "--out",
            &s(&out),
        ],
    )
    .code(1);
    assert!(
        e.stderr.contains("was encrypted with key 'rsa'"),
        "{}",
        e.stderr
    );
    // A key without unwrapKey (it wrapped, it cannot unwrap).
    let e = mhsm(
        &emu,
        &[
            "key",
            "decrypt",
            "--file",
            &s(&wrap_only),
            "--out",
            &s(&out),
        ],
    )
    .code(1);
    assert!(e.stderr.contains("unwrapKey"), "{}", e.stderr);
    // A key without wrapKey; an EC key.
    let e = mhsm(
        &emu,
        &[
            "key",
            "encrypt",
            "-n",
            "sign-only",
            "--file",
            &s(&plain),
            "--out",
            &s(&out),
        ],
    )
    .code(1);
    assert!(e.stderr.contains("wrapKey"), "{}", e.stderr);
    create(&emu, "ec", &["--kty", "EC-HSM", "--curve", "P-256"]);
    let e = mhsm(
        &emu,
        &[
            "key",
            "encrypt",
            "-n",
            "ec",
            "--file",
            &s(&plain),
            "--out",
            &s(&out),
        ],
    )
    .code(1);
    assert!(e.stderr.contains("cannot wrap"), "{}", e.stderr);
    // A missing input.
    let e = mhsm(
        &emu,
        &[
            "key",
            "encrypt",
            "-n",
            "rsa",
            "--file",
            &s(&dir.join("missing")),
            "--out",
            &s(&out),
        ],
    )
    .code(1);
    assert!(e.stderr.contains("missing"), "{}", e.stderr);
    assert_eq!(listing(dir), before);
    // An existing output: refused (untouched) unless --overwrite.
    for cmd in [
        vec![
            "key",
            "encrypt",
            "-n",
            "rsa",
            "--file",
            plain.to_str().unwrap(),
            "--out",
            jwe.to_str().unwrap(),
        ],
        vec![
            "key",
            "decrypt",
            "--file",
            jwe.to_str().unwrap(),
            "--out",
            plain.to_str().unwrap(),
        ],
    ] {
        let e = mhsm(&emu, &cmd).code(1);
        assert!(
            e.stderr.contains("exists") && e.stderr.contains("--overwrite"),
            "{}",
            e.stderr
        );
    }
    assert_eq!(std::fs::read(&jwe).unwrap(), good);
    assert_eq!(std::fs::read(&plain).unwrap(), data(200_000));
    mhsm(
        &emu,
        &[
            "key",
            "decrypt",
            "--file",
            &s(&jwe),
            "--out",
            &s(&plain),
            "--overwrite",
        ],
    )
    .ok();
    assert_eq!(std::fs::read(&plain).unwrap(), data(200_000));
    mhsm(
        &emu,
        &[
            "key",
            "encrypt",
            "-n",
            "rsa",
            "--file",
            &s(&plain),
            "--out",
            &s(&jwe),
            "--overwrite",
        ],
    )
    .ok();
    assert_ne!(std::fs::read(&jwe).unwrap(), good);
    assert_eq!(listing(dir), before);
}
