//! SP 800-108 counter-mode KDF with HMAC-SHA512 — the SD's `sp108_kdf` (security-domain.md §5).
//!
//! Definition implemented (the *standard* one):
//! `K(i) = HMAC-SHA512(key, BE32(i) || Label || 0x00 || Context || BE32(L))`, i = 1, 2, …;
//! output = the first L bits of `K(1) || K(2) || …`.
//!
//! The only use in the security domain (§5, §10 item 5): the CEK of the datum with tag `t` is
//! `KDF(key = master key, Label = UTF-8(t), Context = "", L = 512)` — exactly one HMAC block.
//!
//! az quirk we deliberately do not copy (§5): az's implementation is wrong for L > 512 (it
//! feeds the HMAC cumulatively and stops after 64 bytes) and returns nothing for L not a multiple
//! of 8. Neither case occurs in the protocol; we implement the standard definition, which equals
//! az for every L ≤ 512 that is a multiple of 8 (vectors `primitives/kdf.json`).

use aws_lc_rs::hmac;
use zeroize::Zeroizing;

/// Standard SP 800-108 counter-mode KDF (PRF = HMAC-SHA512, 32-bit big-endian counter placed
/// before the fixed input, `L` encoded as BE32 bits).
///
/// Returns `ceil(out_bits / 8)` bytes; when `out_bits` is not a multiple of 8 the unused low
/// bits of the last byte are zero (the first `out_bits` bits are the KDF output). `out_bits = 0`
/// yields an empty vector.
pub fn sp800_108_hmac_sha512(
    key: &[u8],
    label: &[u8],
    context: &[u8],
    out_bits: u32,
) -> Zeroizing<Vec<u8>> {
    // n = ceil(L / 512) blocks; capacity covers the last whole block, so no reallocation.
    let out_len = (out_bits as usize).div_ceil(8);
    let mut out = Zeroizing::new(Vec::with_capacity(out_len + 64));
    let hkey = hmac::Key::new(hmac::HMAC_SHA512, key);
    let mut counter: u32 = 1;
    while out.len() < out_len {
        // Each block is a fresh HMAC over the full fixed input (unlike az's cumulative bug).
        let mut ctx = hmac::Context::with_key(&hkey);
        ctx.update(&counter.to_be_bytes());
        ctx.update(label);
        ctx.update(&[0u8]);
        ctx.update(context);
        ctx.update(&out_bits.to_be_bytes());
        out.extend_from_slice(ctx.sign().as_ref());
        counter = counter.wrapping_add(1);
    }
    out.truncate(out_len);
    let rem = out_bits % 8;
    if rem != 0
        && let Some(last) = out.last_mut()
    {
        *last &= 0xffu8 << (8 - rem);
    }
    out
}

/// The CEK of one `EncData` datum: `KDF(master, Label = tag, Context = "", L = 512)` (§5, §10.5).
/// Bytes 0..32 become the JWE MAC key and 32..64 the AES-256 key (§6).
pub fn sd_datum_cek(master: &[u8], tag: &str) -> Zeroizing<[u8; 64]> {
    let v = sp800_108_hmac_sha512(master, tag.as_bytes(), b"", 512);
    let mut cek = Zeroizing::new([0u8; 64]);
    cek.copy_from_slice(&v);
    cek
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::sd_testutil::{hex, load_json};

    /// §5: the self-test vector embedded in az's sp800_108.py.
    #[test]
    fn az_self_test_vector() {
        // §5: az's own self test.
        let out = sp800_108_hmac_sha512(&[0x41; 32], b"label", b"context", 256);
        assert_eq!(
            hex(&out),
            "f0ca51f6308791404bf68b56024ee7c64d6c737716f81d47e1e68b5c4e399575"
        );
    }

    /// Every `kdf.json` vector against the standard definition (and az where they agree).
    #[test]
    fn primitives_kdf_json() {
        let v = load_json("primitives/kdf.json");
        let vectors = v["vectors"].as_array().unwrap();
        assert!(vectors.len() >= 7);
        for case in vectors {
            let key = crate::crypto::sd_testutil::unhex(case["key_hex"].as_str().unwrap());
            let label = case["label"].as_str().unwrap();
            let context = case["context"].as_str().unwrap();
            let bits = case["bits"].as_u64().unwrap() as u32;
            let got = hex(&sp800_108_hmac_sha512(
                &key,
                label.as_bytes(),
                context.as_bytes(),
                bits,
            ));
            if case["standard_sp800_108_hex"].is_null() {
                // L not a multiple of 8: az returns None; we return the first L bits, padded
                // with zero bits to whole bytes (never used by the protocol).
                assert_eq!(bits % 8, 4);
                assert_eq!(got.len(), 4);
                assert!(got.ends_with('0'));
                continue;
            }
            // We implement the standard definition; where az differs (L > 512) the vector says so.
            assert_eq!(
                got,
                case["standard_sp800_108_hex"].as_str().unwrap(),
                "{case}"
            );
            if case["az_equals_standard"].as_bool() == Some(true) {
                assert_eq!(got, case["az_output_hex"].as_str().unwrap(), "{case}");
            }
            if context.is_empty() && bits == 512 {
                assert_eq!(hex(&sd_datum_cek(&key, label)[..]), got);
            }
        }
    }

    /// Independent cross-check with aws-lc's KBKDF_ctr_hmac for single- and multi-block output.
    #[test]
    fn matches_aws_lc_kbkdf() {
        // Cross-check with aws-lc's KBKDF_ctr_hmac (multi-block lengths included).
        use aws_lc_rs::kdf::{
            KbkdfCtrHmacAlgorithmId, get_kbkdf_ctr_hmac_algorithm, kbkdf_ctr_hmac,
        };
        let alg = get_kbkdf_ctr_hmac_algorithm(KbkdfCtrHmacAlgorithmId::Sha512).unwrap();
        for bits in [8u32, 256, 512, 520, 1024, 1536, 2048] {
            let mut info = b"lbl".to_vec();
            info.push(0);
            info.extend_from_slice(b"ctx");
            info.extend_from_slice(&bits.to_be_bytes());
            let mut want = vec![0u8; bits as usize / 8];
            kbkdf_ctr_hmac(alg, b"secret key", &info, &mut want).unwrap();
            assert_eq!(
                &sp800_108_hmac_sha512(b"secret key", b"lbl", b"ctx", bits)[..],
                &want[..]
            );
        }
    }

    /// Edge cases outside the protocol: L = 0 and L not a multiple of 8.
    #[test]
    fn partial_bits_and_zero() {
        assert!(sp800_108_hmac_sha512(b"k", b"l", b"", 0).is_empty());
        let v = sp800_108_hmac_sha512(b"k", b"l", b"", 12);
        assert_eq!(v.len(), 2);
        assert_eq!(v[1] & 0x0f, 0);
    }
}
