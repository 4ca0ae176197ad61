//! Integration tests of the security-domain procedures (`sd.rs`) against the shared vectors:
//! `sd/*` (files + build traces), `az-runs/*` (13 real az restore-blob runs), `inproc/`,
//! `rest/upload_request_body.json`, plus HSM-side round trips and the quorum drill.
//! Vector layout: `shared/vectors/security-domain/README.md`; spec: security-domain.md.
//!
//! Conventions: keys are loaded from `keys/*.key` (wrap3 forms with `keys/wrap3.password`),
//! randomness is the system generator (outputs are compared structurally, never byte-wise,
//! except where the vectors are deterministic), and error checks look at the variant plus
//! the distinctive part of the message rather than at whole sentences.

use serde_json::Value;
use zeroize::Zeroizing;

use super::b64::b64url_decode_lenient;
use super::cert::Certificate;
use super::jwe::{self, parse_compact};
use super::kdf::sd_datum_cek;
use super::privkey::{RsaKeyTransport, RsaPrivate, load_private_key_pem};
use super::pyjson::PyJson;
use super::sd::*;
use super::sd_error::CryptoError;
use super::sd_testutil::{hex, load_json, read, read_str, rng, unhex};
use super::shamir::Share;
// Everything is reached through `super::` so the file can be copied into the main crate.

/// The datum tags of the vector SD files, in file order (= the service's order, §3).
const TAGS: [&str; 3] = [
    "hsm_backup",
    "base_enclave_backup",
    "partition_enclave_backup",
];

/// A vector key by short name: wrap1 (PKCS#8), wrap2 (PKCS#1), wrap3 (encrypted PKCS#8) or
/// wrap3_legacy (legacy PEM). Both wrap3 forms use `keys/wrap3.password` (no newline).
fn key(name: &str) -> RsaPrivate {
    let pw = read("keys/wrap3.password");
    let password = name.starts_with("wrap3").then_some(pw.as_slice());
    load_private_key_pem(&read(&format!("keys/{name}.key")), password).unwrap()
}

/// The `.cer` next to a vector key (az's `<key path minus extension>.cer` rule, §7.3).
fn cert(name: &str) -> Certificate {
    Certificate::from_pem(&read(&format!("keys/{name}.cer"))).unwrap()
}

/// `(key, Some(thumbprint))` like az (key file + .cer) or `(key, None)`, which exercises the
/// certificate-less trial-decryption matching.
fn keyset(names: &[&str], with_cert: bool) -> Vec<(RsaPrivate, Option<String>)> {
    names
        .iter()
        .map(|n| (key(n), with_cert.then(|| cert(n).x5t_s256)))
        .collect()
}

/// A parsed vector SD file by base name.
fn sd(name: &str) -> SecurityDomainFile {
    SecurityDomainFile::parse(&read_str(&format!("sd/{name}.json"))).unwrap()
}

/// The expected datum plaintexts (`sd/plaintexts/<tag>.bin`) in file order.
fn plaintexts() -> Vec<(String, Vec<u8>)> {
    TAGS.iter()
        .map(|t| (t.to_string(), read(&format!("sd/plaintexts/{t}.bin"))))
        .collect()
}

/// Asserts tags, order and bytes of decrypted datums.
fn assert_plaintexts(got: &[(String, Zeroizing<Vec<u8>>)]) {
    let want = plaintexts();
    assert_eq!(got.len(), want.len());
    for ((gt, gp), (wt, wp)) in got.iter().zip(&want) {
        assert_eq!(gt, wt);
        assert_eq!(&gp[..], &wp[..], "datum {gt}");
    }
}

/// The RSA-4096 exchange private key (what the emulator's HSM would hold).
fn exchange_key() -> RsaPrivate {
    load_private_key_pem(&read("keys/exchange.key"), None).unwrap()
}

/// The exchange certificate exactly as az's init-recovery writes it (65-column PEM).
fn exchange_cert() -> Certificate {
    Certificate::from_pem(&read("keys/exchange.pem")).unwrap()
}

// ----- the SD file model -------------------------------------------------------------------

/// All SD vector files (and the file az's download writes) parse, and our service-style
/// serialization reproduces them byte for byte (§2 service style, §3 layout).
#[test]
fn vector_files_parse_and_reserialize_byte_identically() {
    for f in [
        "sd/security_domain.json",
        "sd/security_domain_q3.json",
        "sd/security_domain_share1_tag_corrupted.json",
        // The file az's `download` wrote in the REST transcript: identical to the sd/ file.
        "rest/download_output_security_domain.json",
    ] {
        let text = read_str(f);
        let parsed = SecurityDomainFile::parse(&text).unwrap();
        // 2-of-3 or 3-of-3 over wrap1..wrap3, three datums in the service's order.
        assert_eq!(parsed.enc_shares.len(), 3);
        assert_eq!(
            parsed
                .data
                .iter()
                .map(|d| d.tag.as_str())
                .collect::<Vec<_>>(),
            TAGS
        );
        // Byte identity proves the service-style writer (sorted keys, compact, version 2).
        assert_eq!(parsed.to_service_json(), text, "{f}");
    }
    // The quorum of each file, as the README describes it.
    assert_eq!(sd("security_domain").required, 2);
    assert_eq!(sd("security_domain_q3").required, 3);
}

/// §3 leniency (version/kdf ignored, extra members, formatting, the download-response
/// wrapper) and az's exact validation messages, in az's order.
#[test]
fn parse_leniency_and_az_messages() {
    let good: Value = serde_json::from_str(&read_str("sd/security_domain.json")).unwrap();
    // Parse a mutated copy of the good file.
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        SecurityDomainFile::parse(&v.to_string())
    };
    // version / kdf ignored, extra members tolerated, pretty printing irrelevant.
    // Accepted: any version (PowerShell would refuse 7), any kdf name, unknown members and
    // pretty-printed JSON — az reads only the members it needs.
    assert!(with(&|v| v["version"] = Value::from(7)).is_ok());
    assert!(with(&|v| v["EncData"]["kdf"] = Value::from("other")).is_ok());
    assert!(with(&|v| v["Extra"] = serde_json::json!({"x": 1})).is_ok());
    assert!(SecurityDomainFile::parse(&serde_json::to_string_pretty(&good).unwrap()).is_ok());
    // Saved download response {"value": "<SD>"} is unwrapped.
    let wrapped = serde_json::json!({"value": good.to_string()}).to_string();
    assert_eq!(
        SecurityDomainFile::parse(&wrapped).unwrap(),
        sd("security_domain")
    );

    // az's messages, verbatim (az-surface.md §6.6).
    let msg = |r: Result<SecurityDomainFile, CryptoError>| r.unwrap_err().to_string();
    assert_eq!(
        msg(with(&|v| v
            .as_object_mut()
            .unwrap()
            .remove("EncData")
            .map(|_| ())
            .unwrap())),
        "Invalid SD file."
    );
    assert_eq!(
        msg(with(&|v| v
            .as_object_mut()
            .unwrap()
            .remove("SharedKeys")
            .map(|_| ())
            .unwrap())),
        "Invalid SD file."
    );
    // Out of range, wrong type and null all give the range message (az compares numbers).
    let range = "Invalid SD file: the value of \"required\" should be in range [2, 10].";
    for bad in [
        Value::from(1),
        Value::from(11),
        Value::from("2"),
        Value::Null,
    ] {
        assert_eq!(
            msg(with(&|v| v["SharedKeys"]["required"] = bad.clone())),
            range
        );
    }
    assert_eq!(
        msg(with(
            &|v| v["SharedKeys"]["key_algorithm"] = Value::from("xor_split")
        )),
        "Unsupported SharedKeys algorithm: xor_split. Supported: shamir_share"
    );
    assert!(
        // Structure az would crash on gets a located "Invalid SD file: …" message.
        msg(with(&|v| v["SharedKeys"]["enc_shares"][0] = Value::from(3)))
            .starts_with("Invalid SD file: share #1")
    );
    assert!(
        // Not JSON at all: still starts like az's message.
        msg(Err(SecurityDomainFile::parse("not json").unwrap_err()))
            .starts_with("Invalid SD file.")
    );
}

// ----- build traces ------------------------------------------------------------------------

/// `sd/*.build_trace.json`: every intermediate value — share order and thumbprints, share
/// JWE kids and CEKs, share bytes and words (x = i + 1), datum KDF CEKs, plaintext sizes and
/// hashes, and the service's datum header bytes.
#[test]
fn build_traces_shares_ceks_and_kids() {
    for name in ["security_domain", "security_domain_q3"] {
        // The trace records what the (Python) builder did when it made the vector file.
        let trace = load_json(&format!("sd/{name}.build_trace.json"));
        let file = sd(name);
        // The .hex file ends with a newline; unhex trims it.
        let master = unhex(&read_str(&format!("sd/{name}.master_key.hex")));
        assert_eq!(hex(&master), trace["master_key_hex"].as_str().unwrap());
        assert_eq!(file.required as u64, trace["required"].as_u64().unwrap());
        for (i, kname) in ["wrap1", "wrap2", "wrap3"].iter().enumerate() {
            let k = key(kname);
            assert_eq!(
                file.enc_shares[i].x5t_256,
                cert(kname).x5t_s256,
                "share order = cert order"
            );
            // Share i's JWE: kid as recorded (share 3 uses a GUID-like kid like the 2025 service).
            let token = &file.enc_shares[i].enc_key;
            let parsed = parse_compact(token).unwrap();
            assert_eq!(parsed.kid.as_deref(), trace["share_jwe_kids"][i].as_str());
            // The RSA-unwrapped CEK equals the one the builder drew.
            let cek = k
                .decrypt_key_transport(RsaKeyTransport::OaepSha256, &parsed.encrypted_key)
                .unwrap();
            assert_eq!(hex(&cek), trace["share_jwe_cek_hex"][i].as_str().unwrap());
            // The payload is the little-endian share, x = i + 1 (wrap1 → 1, wrap2 → 2, wrap3 → 3).
            let share_bytes = jwe::decrypt_rsa(&k, token).unwrap();
            assert_eq!(
                hex(&share_bytes),
                trace["share_bytes_le_hex"][i].as_str().unwrap()
            );
            let share = Share::from_bytes(&share_bytes).unwrap();
            assert_eq!(share.x as usize, i + 1);
            let words: Vec<u16> = trace["share_words"][i]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_u64().unwrap() as u16)
                .collect();
            assert_eq!(share.words, words);
        }
        // Datums: tag order, KDF output per tag (§5), plaintext identity.
        for (d, t) in file.data.iter().zip(trace["data"].as_array().unwrap()) {
            assert_eq!(d.tag, t["tag"].as_str().unwrap());
            assert_eq!(
                hex(&sd_datum_cek(&master, &d.tag)[..]),
                t["kdf_cek_hex"].as_str().unwrap()
            );
            // The plaintext files are the ones the build trace describes.
            let pt = read(&format!("sd/plaintexts/{}.bin", d.tag));
            assert_eq!(pt.len() as u64, t["plaintext_len"].as_u64().unwrap());
            let sha = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &pt);
            assert_eq!(hex(sha.as_ref()), t["plaintext_sha256"].as_str().unwrap());
            // Datum header exactly as the service writes it.
            assert_eq!(
                String::from_utf8(
                    b64url_decode_lenient(&parse_compact(&d.compact_jwe).unwrap().header_b64)
                        .unwrap()
                )
                .unwrap(),
                format!(
                    "{{\"alg\":\"dir\",\"enc\":\"A256CBC-HS512\",\"kid\":\"{}\"}}",
                    d.tag
                )
            );
        }
    }
}

/// All subsets of {wrap1, wrap2, wrap3} with at least `min` members, in every order.
fn subsets(min: usize) -> Vec<Vec<&'static str>> {
    let all = ["wrap1", "wrap2", "wrap3"];
    let mut out = Vec::new();
    // Every ordered selection of distinct keys (3 singles, 6 pairs, 6 triples), so that the
    // tests also prove that the order of the keys never changes the result.
    for a in 0..3 {
        out.push(vec![all[a]]);
        for b in (0..3).filter(|b| *b != a) {
            out.push(vec![all[a], all[b]]);
            for c in (0..3).filter(|c| *c != a && *c != b) {
                out.push(vec![all[a], all[b], all[c]]);
            }
        }
    }
    out.retain(|s| s.len() >= min);
    out
}

/// The brief's core requirement: every subset of size ≥ quorum (and every order) recovers
/// `*.master_key.hex` and decrypts the datums to `sd/plaintexts/*`, matched both like az
/// and without certificates; smaller subsets give az's "Length of …" message.
#[test]
fn recover_master_key_all_subsets_with_and_without_certificates() {
    for (name, q) in [("security_domain", 2usize), ("security_domain_q3", 3)] {
        let file = sd(name);
        let want = read_str(&format!("sd/{name}.master_key.hex"))
            .trim()
            .to_string();
        let mut n = 0;
        for set in subsets(q) {
            for with_cert in [true, false] {
                let keys = keyset(&set, with_cert);
                // Same master key whatever the subset, order or matching method.
                let rec = recover_master_key(&file, &keys)
                    .unwrap_or_else(|e| panic!("{name} {set:?}: {e}"));
                assert_eq!(
                    hex(&rec.master_key),
                    want,
                    "{name} {set:?} certs={with_cert}"
                );
                assert_eq!(rec.used_shares.len(), q);
                assert!(rec.skipped.is_empty());
                // az stops after `required` shares: later keys are not examined.
                assert_eq!(rec.keys.len(), q);
                // Each examined key reports its matching method and exactly one share.
                let expect_method = if with_cert {
                    MatchMethod::Thumbprint
                } else {
                    MatchMethod::TrialDecryption
                };
                assert!(
                    rec.keys
                        .iter()
                        .all(|k| k.matched_by == expect_method && k.opened_shares.len() == 1)
                );
                assert_plaintexts(&decrypt_datums(&file, &rec.master_key).unwrap());
                n += 1;
            }
        }
        // 2-of-3: 3 pairs × 2 orders + 6 orders of all three; 3-of-3: 6 orders; × 2 methods.
        assert_eq!(n, if q == 2 { 2 * (6 + 6) } else { 2 * 6 });
        // Fewer keys than the quorum: az's up-front message (runs N1/N5).
        for set in subsets(1).into_iter().filter(|s| s.len() < q) {
            let e = recover_master_key(&file, &keyset(&set, true)).unwrap_err();
            assert!(matches!(e, CryptoError::TooFewWrappingKeys { .. }), "{e}");
        }
    }
}

/// The recovery report can be logged: its Debug output never contains the master key.
#[test]
fn recovery_debug_redacts_master_key() {
    let rec =
        recover_master_key(&sd("security_domain"), &keyset(&["wrap1", "wrap2"], true)).unwrap();
    let dbg = format!("{rec:?}");
    assert!(dbg.contains("redacted"));
    // Not even a prefix of the key's hex may appear.
    assert!(!dbg.contains(&hex(&rec.master_key)[..8]));
}

/// `security_domain_share1_tag_corrupted.json` (one bit flipped in share 1's tag): run G
/// succeeds by skipping share 1 with a recorded reason; run N6 (that key plus one other)
/// fails with a detailed "Insufficient shares available.".
#[test]
fn corrupted_share_is_skipped_with_reason() {
    // The corruption does not touch the master key: it is the one of security_domain.json.
    let file = sd("security_domain_share1_tag_corrupted");
    let want = read_str("sd/security_domain.master_key.hex")
        .trim()
        .to_string();
    for with_cert in [true, false] {
        // Run G: all three keys → share 1 skipped, quorum met with wrap2 + wrap3.
        let rec =
            recover_master_key(&file, &keyset(&["wrap1", "wrap2", "wrap3"], with_cert)).unwrap();
        assert_eq!(hex(&rec.master_key), want);
        // Shares #2 and #3 (0-based 1, 2) were combined; #1 was skipped by key #1.
        assert_eq!(rec.used_shares, vec![1, 2]);
        // Exactly one skip: share #1 (index 0), tried by key #1 (index 0), tag mismatch.
        assert_eq!(rec.skipped.len(), 1);
        assert_eq!(rec.skipped[0].share_index, 0);
        assert_eq!(rec.skipped[0].key_index, 0);
        assert!(
            rec.skipped[0].reason.contains("authentication failed"),
            "{}",
            rec.skipped[0].reason
        );
        // Key #1 is reported as having opened nothing, the skip explains why.
        assert!(rec.keys[0].opened_shares.is_empty());
        // The recovered key is right: the datums decrypt.
        assert_plaintexts(&decrypt_datums(&file, &rec.master_key).unwrap());
        // Run N6: the corrupted share's key plus one other → not enough.
        for other in ["wrap2", "wrap3"] {
            let e = recover_master_key(&file, &keyset(&["wrap1", other], with_cert)).unwrap_err();
            let m = e.to_string();
            assert!(matches!(e, CryptoError::InsufficientShares(_)));
            assert!(m.starts_with("Insufficient shares available."), "{m}");
            assert!(m.contains("Only 1 of the 2 required shares"), "{m}");
            assert!(
                m.contains("Share #1")
                    && m.contains("skipped")
                    && m.contains("authentication failed"),
                "{m}"
            );
            // The message lists the unusable key and the reason, so the user knows which share
            // to restore from another copy of the SD file.
            assert!(m.contains("Wrapping key #1 opened no share"), "{m}");
        }
    }
}

/// A key presented with another key's certificate is named in a hard error; keys that
/// match nothing are listed in the insufficient-shares explanation.
#[test]
fn key_and_certificate_mismatches() {
    let file = sd("security_domain");
    // wrap1's private key presented with wrap2's certificate: RSA fails on the designated
    // share (#2), which az would also abort on — we name the key and the share.
    let keys = vec![
        (key("wrap1"), Some(cert("wrap2").x5t_s256)),
        (key("wrap3"), Some(cert("wrap3").x5t_s256)),
    ];
    let e = recover_master_key(&file, &keys).unwrap_err();
    assert!(
        matches!(
            e,
            CryptoError::ShareKeyMismatch {
                key: 1,
                share: 2,
                ..
            }
        ),
        "{e}"
    );
    // The Display text names the key by its 1-based position on the command line.
    assert!(e.to_string().contains("wrapping key #1"));
    // A key whose certificate is not in the SD at all, then a foreign key without certificate.
    let ex = exchange_cert();
    let keys = vec![
        (exchange_key(), Some(ex.x5t_s256.clone())),
        (key("wrap2"), None),
    ];
    // The key with a foreign certificate is named; the other key's share is listed.
    let m = recover_master_key(&file, &keys).unwrap_err().to_string();
    assert!(
        m.contains(
            "Wrapping key #1 opened no share: no share in the SD file is wrapped to its certificate"
        ),
        "{m}"
    );
    assert!(m.contains("Wrapping key #2 opened share #2"), "{m}");
    // Without any certificate: trial decryption finds nothing for the exchange key, and
    // the explanation says so in words a user can act on.
    let keys = vec![(exchange_key(), None), (key("wrap2"), None)];
    let m = recover_master_key(&file, &keys).unwrap_err().to_string();
    assert!(m.contains("it opens none of the 3 shares"), "{m}");
}

// ----- az-runs -----------------------------------------------------------------------------

/// The blob with every JWE's random segments replaced by their decoded lengths: what must be
/// byte-identical between az's output and ours for the same inputs. Random parts (K', IVs,
/// CEKs, OAEP seeds) differ between any two runs, az's included; their decoded sizes and
/// everything around them must not.
fn skeleton(blob: &str) -> String {
    let v: Value = serde_json::from_str(blob).unwrap();
    // Every JWE of the blob: the three datums and the wrapped key.
    let mut jwes: Vec<String> = v["EncData"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["compact_jwe"].as_str().unwrap().to_string())
        .collect();
    jwes.push(v["WrappedKey"]["enc_key"].as_str().unwrap().to_string());
    let mut out = blob.to_string();
    for j in jwes {
        let segs: Vec<&str> = j.split('.').collect();
        assert_eq!(segs.len(), 5);
        // Keep the header segment verbatim (it must be identical), replace the rest by sizes.
        let lens: Vec<String> = segs[1..]
            .iter()
            .map(|s| format!("<{}>", b64url_decode_lenient(s).unwrap().len()))
            .collect();
        out = out.replace(&j, &format!("{}.{}", segs[0], lens.join(".")));
    }
    out
}

/// az-runs A–G: for the same inputs our blob has az's exact skeleton (key order, separators,
/// JWE headers, empty encKey for dir, 48-byte wrapped key, x5t_256) and both blobs open with
/// keys/exchange.key to exactly sd/plaintexts/*. The key list per run follows SUMMARY.txt
/// (E's unencrypted partner key is not recorded there; wrap1 is used).
#[test]
fn az_runs_positive_cases_same_skeleton_and_plaintexts() {
    // (run directory, SD file, keys in the order given to az).
    let cases: [(&str, &str, &[&str]); 7] = [
        ("A_wrap1_wrap2", "security_domain", &["wrap1", "wrap2"]),
        ("B_wrap3pw_wrap1", "security_domain", &["wrap3", "wrap1"]),
        ("C_wrap2_wrap3pw", "security_domain", &["wrap2", "wrap3"]),
        (
            "D_all_three",
            "security_domain",
            &["wrap1", "wrap2", "wrap3"],
        ),
        (
            "E_legacy_encrypted_pem",
            "security_domain",
            &["wrap3_legacy", "wrap1"],
        ),
        (
            "F_q3_all_three",
            "security_domain_q3",
            &["wrap1", "wrap2", "wrap3"],
        ),
        (
            "G_corrupted_share_skipped",
            "security_domain_share1_tag_corrupted",
            &["wrap1", "wrap2", "wrap3"],
        ),
    ];
    let ex_cert = exchange_cert();
    let ex_key = exchange_key();
    for (run, sdname, names) in cases {
        // Sanity: these are the successful runs.
        assert_eq!(read_str(&format!("az-runs/{run}/az_rc.txt")).trim(), "0");
        let az_blob = read_str(&format!("az-runs/{run}/az_restore_blob.json"));
        let file = sd(sdname);
        // The full restore-blob computation with the same keys az was given (with .cer files).
        let (ours, _) =
            restore_blob_from_sd(&file, &keyset(names, true), &ex_cert, &rng()).unwrap();
        // Same skeleton: key order, separators, JWE headers, segment sizes, x5t_256.
        assert_eq!(skeleton(&ours), skeleton(&az_blob), "{run}");
        // az writes no trailing newline (§2), nor do we.
        assert!(!ours.ends_with('\n'));
        // The datum JWEs carry an empty encrypted-key segment (`header..iv.ct.tag`).
        let v: Value = serde_json::from_str(&ours).unwrap();
        for d in v["EncData"]["data"].as_array().unwrap() {
            assert!(
                d["compact_jwe"].as_str().unwrap().contains(".."),
                "empty encKey for dir"
            );
        }
        // K' is 32 bytes: one padding block makes the wrapped-key ciphertext 48 bytes.
        let wk = parse_compact(v["WrappedKey"]["enc_key"].as_str().unwrap()).unwrap();
        assert_eq!(wk.ciphertext.len(), 48, "32-byte K' → 48-byte ciphertext");
        // Both blobs open with the exchange key to the original plaintexts: the emulator can
        // consume az's blobs and az's consumer (the HSM) can consume ours.
        for blob in [&ours, &az_blob] {
            assert_plaintexts(&open_restore_blob(blob, &ex_key, Some(&ex_cert.x5t_s256)).unwrap());
        }
    }
}

/// az-runs N1–N6: each gives a clear error; where az's message is right we start with it,
/// where az crashes (N4) or misleads (N3) we say what is actually wrong.
#[test]
fn az_runs_negative_cases_give_clear_errors() {
    // az's error text without the "ERROR: " prefix knack adds.
    let stderr = |run: &str| {
        read_str(&format!("az-runs/{run}/az_stderr.txt"))
            .trim()
            .trim_start_matches("ERROR: ")
            .to_string()
    };
    // The 2-of-3 file and wrap3's password (used positionally in N3).
    let q2 = sd("security_domain");
    let pw = read("keys/wrap3.password");

    // N1: one key for quorum 2 → az's own message (plus the count).
    let e = recover_master_key(&q2, &keyset(&["wrap1"], true))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with(&stderr("N1_too_few_keys")), "{e}");

    // N2: wrong password → our "wrong password or corrupted key".
    let e = load_private_key_pem(&read("keys/wrap3.key"), Some(b"wrong-password")).unwrap_err();
    assert_eq!(e, CryptoError::WrongPassword);
    assert!(stderr("N2_wrong_password").contains("Incorrect password"));

    // N3: the password given positionally to the unencrypted key: az fails; we accept that
    // key (flagged) and report precisely that the encrypted key lacks its password.
    let k1 = load_private_key_pem(&read("keys/wrap1.key"), Some(&pw)).unwrap();
    assert!(k1.password_ignored());
    assert_eq!(
        load_private_key_pem(&read("keys/wrap3.key"), None).unwrap_err(),
        CryptoError::PasswordRequired
    );
    assert_eq!(
        stderr("N3_password_positional"),
        "Password was given but private key is not encrypted."
    );

    // N4: same key twice → az crashes ("cannot convert 'NoneType' object to bytes") after
    // computing an all-zero master key; we refuse before decrypting anything, in both modes.
    let e = recover_master_key(&q2, &keyset(&["wrap1", "wrap1"], true)).unwrap_err();
    assert_eq!(
        e,
        CryptoError::DuplicateKey {
            first: 1,
            second: 2,
            required: 2
        }
    );
    assert!(e.to_string().contains("same key"), "{e}");
    assert!(stderr("N4_same_key_twice").contains("NoneType"));
    let e = recover_master_key(&q2, &keyset(&["wrap1", "wrap1"], false)).unwrap_err();
    assert!(matches!(e, CryptoError::DuplicateKey { .. }));

    // N5: quorum 3 with two keys.
    let e = recover_master_key(
        &sd("security_domain_q3"),
        &keyset(&["wrap1", "wrap2"], true),
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with(&stderr("N5_q3_only_two")), "{e}");

    // N6: corrupted share + one other key.
    let e = recover_master_key(
        &sd("security_domain_share1_tag_corrupted"),
        &keyset(&["wrap1", "wrap2"], true),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with(&stderr("N6_corrupted_share_not_enough")),
        "{e}"
    );
    // …followed by the explanation az does not give.
    assert!(e.contains("Only 1 of the 2"), "{e}");
}

// ----- restore blob consumer (emulator) ----------------------------------------------------

/// `inproc/restore_blob_wrap3_wrap1.json` (made by az's own restore-blob function) opens
/// with the exchange key via `open_restore_blob`; misuse and tampering give clear errors.
#[test]
fn inproc_blob_opens_with_exchange_key() {
    // With and without the expected exchange thumbprint.
    let blob = read_str("inproc/restore_blob_wrap3_wrap1.json");
    let ex = exchange_cert();
    assert_plaintexts(&open_restore_blob(&blob, &exchange_key(), Some(&ex.x5t_s256)).unwrap());
    assert_plaintexts(&open_restore_blob(&blob, &exchange_key(), None).unwrap());
    // Wrong expected thumbprint, wrong key, tampering: clear errors.
    // A blob for another exchange certificate (e.g. an older init-recovery).
    let e = open_restore_blob(&blob, &exchange_key(), Some("other"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("exchange certificate"), "{e}");
    // The wrong private key: RSA unwrap fails, reported as "not for this HSM".
    let e = open_restore_blob(&blob, &key("wrap1"), None)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("cannot be unwrapped with this HSM's exchange key"),
        "{e}"
    );
    // Tamper with datum #2's ciphertext: its tag no longer verifies.
    let mut v: Value = serde_json::from_str(&blob).unwrap();
    let jwe_text = v["EncData"]["data"][1]["compact_jwe"]
        .as_str()
        .unwrap()
        .to_string();
    let mut segs: Vec<String> = jwe_text.split('.').map(str::to_string).collect();
    // Change two base64 characters of the ciphertext segment (decoded bytes change).
    segs[3] = segs[3].replacen('A', "B", 1).replacen('g', "h", 1);
    v["EncData"]["data"][1]["compact_jwe"] = Value::from(segs.join("."));
    let e = open_restore_blob(&v.to_string(), &exchange_key(), None)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("base_enclave_backup") && e.contains("authentication failed"),
        "{e}"
    );
    assert!(matches!(
        open_restore_blob("{}", &exchange_key(), None),
        Err(CryptoError::InvalidRestoreBlob(_))
    ));
}

/// `rest/upload_request_body.json` is `json.dumps({"value": blob})`: reproduced byte for byte
/// with the Python-style writer (the blob string gets escaped once more).
#[test]
fn upload_request_body_is_python_style() {
    let want = read_str("rest/upload_request_body.json");
    let inner: Value = serde_json::from_str(&want).unwrap();
    let blob = inner["value"].as_str().unwrap();
    // The value is the in-process blob (the transcript uploads that file).
    assert_eq!(blob, read_str("inproc/restore_blob_wrap3_wrap1.json"));
    assert_eq!(PyJson::object([("value", PyJson::str(blob))]).dumps(), want);
}

// ----- HSM side round trip -----------------------------------------------------------------

/// HSM side (§10): create_security_domain → parse → recover from every subset (with and
/// without certificates) → decrypt → build_restore_blob → open_restore_blob, for 2-of-3 and
/// 3-of-3, checking the share layout the service uses (x = i + 1, kid "not used", sizes).
#[test]
fn create_recover_restore_round_trip() {
    let r = rng();
    let names = ["wrap1", "wrap2", "wrap3"];
    let recipients: Vec<ShareRecipient> = names
        .iter()
        .map(|n| ShareRecipient::from_certificate(&cert(n)))
        .collect();
    // A random master key, as the HSM would have; the datums are the vector plaintexts.
    let mut master = [0u8; MASTER_KEY_LEN];
    aws_lc_rs::rand::fill(&mut master).unwrap();
    let pts = plaintexts();
    for required in [2u8, 3] {
        let text = create_security_domain(&recipients, required, &master, &pts, &r).unwrap();
        // Service-style text: parses and re-serializes identically, sorted keys, version 2.
        let file = SecurityDomainFile::parse(&text).unwrap();
        assert_eq!(file.to_service_json(), text);
        // Starts with a `dir` datum JWE and ends with the sorted SharedKeys members + version.
        assert!(text.starts_with("{\"EncData\":{\"data\":[{\"compact_jwe\":\"eyJhbGciOiJkaXIi"));
        assert!(text.ends_with(&format!(
            "\"key_algorithm\":\"shamir_share\",\"required\":{required}}},\"version\":2}}"
        )));
        // Share layout as the real service produces it (§3 "Sizes seen in real files").
        for (i, s) in file.enc_shares.iter().enumerate() {
            let p = parse_compact(&s.enc_key).unwrap();
            assert_eq!(
                (p.alg.as_str(), p.kid.as_deref()),
                ("RSA-OAEP-256", Some("not used"))
            );
            assert_eq!(
                p.ciphertext.len(),
                80,
                "64-byte share → 80-byte ciphertext (§3 sizes)"
            );
            // RSA-2048 wrapping certificates: 256-byte wrapped CEK.
            assert_eq!(p.encrypted_key.len(), 256);
            // Share i is for certificate i and has x = i + 1 (§10 conventions).
            let share =
                Share::from_bytes(&jwe::decrypt_rsa(&key(names[i]), &s.enc_key).unwrap()).unwrap();
            assert_eq!(share.x as usize, i + 1);
        }
        // Every subset ≥ quorum recovers the master key, with and without certificates.
        for set in subsets(required as usize) {
            for with_cert in [true, false] {
                let rec = recover_master_key(&file, &keyset(&set, with_cert)).unwrap();
                assert_eq!(&rec.master_key[..], &master[..]);
            }
        }
        // Then the whole restore path, ending where the emulator's upload handler ends.
        let rec = recover_master_key(&file, &keyset(&names, true)).unwrap();
        let datums = decrypt_datums(&file, &rec.master_key).unwrap();
        assert_plaintexts(&datums);
        // Wrap to the vector exchange certificate, open with its private key.
        let ex = exchange_cert();
        let blob = build_restore_blob(&datums, &ex, &r).unwrap();
        assert_plaintexts(&open_restore_blob(&blob, &exchange_key(), Some(&ex.x5t_s256)).unwrap());
        // A fresh K' (and fresh IVs/CEKs) every time.
        assert_ne!(blob, build_restore_blob(&datums, &ex, &r).unwrap());
        // The drill agrees that the file is healthy.
        let rep = drill(&file, &keyset(&names, false));
        assert!(rep.ok(), "{rep:?}");
    }
    // Quorum outside 2..=10 or more than the number of certificates is refused.
    assert!(create_security_domain(&recipients, 1, &master, &pts, &r).is_err());
    assert!(create_security_domain(&recipients, 4, &master, &pts, &r).is_err());
    assert!(create_security_domain(&recipients[..1], 2, &master, &pts, &r).is_err());
}

/// A wrong master key is reported per datum with an explanation (az crashes).
#[test]
fn wrong_master_key_gives_clear_datum_error() {
    // All-zero key: exactly what az computes in run N4.
    let e = decrypt_datums(&sd("security_domain"), &[0u8; 32]).unwrap_err();
    let m = e.to_string();
    assert!(matches!(e, CryptoError::DatumDecryptionFailed { .. }));
    assert!(
        m.contains("hsm_backup") && m.contains("recovered master key"),
        "{m}"
    );
}

/// Two entries carrying the same share are refused instead of producing a wrong key.
#[test]
fn duplicated_share_entry_is_a_clear_error() {
    // An SD that lists the same share twice (az: silent garbage, §4).
    let mut file = sd("security_domain");
    file.enc_shares[1] = file.enc_shares[0].clone();
    let e = recover_master_key(&file, &keyset(&["wrap1", "wrap3"], true)).unwrap_err();
    assert!(matches!(e, CryptoError::DuplicateShare(_)), "{e}");
    assert!(e.to_string().contains("same Shamir x coordinate"));
}

// ----- drill -------------------------------------------------------------------------------

/// The offline quorum drill: a healthy file, a corrupted share (quorum met but reported),
/// a corrupted share without spare keys (quorum not met) and a duplicated key.
#[test]
fn drill_reports() {
    let all = ["wrap1", "wrap2", "wrap3"];
    for with_cert in [true, false] {
        // Healthy: every key opens its own share, the third share agrees with the first two,
        // all datums decrypt (sizes of sd/plaintexts/*).
        let rep = drill(&sd("security_domain"), &keyset(&all, with_cert));
        assert!(rep.ok(), "{rep:?}");
        assert_eq!(rep.shares_opened, vec![0, 1, 2]);
        assert_eq!(rep.consistent_extra_shares, vec![2]);
        assert_eq!(
            rep.datums
                .iter()
                .map(|d| d.plaintext_len.unwrap())
                .collect::<Vec<_>>(),
            vec![4099, 1024, 1337]
        );
        // wrap(i+1) opens exactly share #(i+1), whichever matching method is used.
        for (i, k) in rep.keys.iter().enumerate() {
            assert_eq!(k.opened_shares, vec![i]);
        }

        // Corrupted share #1 with all keys: a recovery would succeed (quorum met, datums
        // decrypt) but the drill fails, pointing at share #1, because the spare is gone.
        let rep = drill(
            &sd("security_domain_share1_tag_corrupted"),
            &keyset(&all, with_cert),
        );
        assert!(rep.quorum_met && rep.master_key_recovered && !rep.ok());
        assert_eq!(rep.shares_opened, vec![1, 2]);
        assert_eq!(rep.keys[0].failures.len(), 1);
        assert!(
            rep.problems
                .iter()
                .any(|p| p.contains("share #1") && p.contains("authentication failed")),
            "{rep:?}"
        );

        // The N6 situation: the quorum cannot be reached, and the report says by how much.
        let rep = drill(
            &sd("security_domain_share1_tag_corrupted"),
            &keyset(&["wrap1", "wrap2"], with_cert),
        );
        assert!(!rep.quorum_met && !rep.ok());
        assert!(
            rep.problems
                .iter()
                .any(|p| p.contains("Quorum not met: 1 of the 2")),
            "{rep:?}"
        );

        // A duplicated key is reported on the second occurrence and adds no share, so a
        // 3-of-3 quorum is not met with wrap1, wrap1, wrap2.
        let rep = drill(
            &sd("security_domain_q3"),
            &keyset(&["wrap1", "wrap1", "wrap2"], with_cert),
        );
        assert!(!rep.quorum_met);
        assert!(rep.keys[1].notes[0].contains("same key as wrapping key #1"));
    }
}
