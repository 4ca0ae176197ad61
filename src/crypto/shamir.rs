//! Byte-wise Shamir secret sharing over GF(257) — the SD's `shamir_share` scheme
//! (security-domain.md §4; az `byte_shares.py`/`mod_math.py`, PowerShell `shared_secret.cs`).
//!
//! * Field: integers mod p = 257, so an element needs 9 bits (0..=256).
//! * Each secret byte `K[j]` gets its own polynomial of degree M−1 whose constant term is
//!   `K[j]` and whose other coefficients are random field elements (fresh per byte — az's own
//!   split code reuses one set for all bytes and is never executed, §11.2; we follow the
//!   PowerShell/HSM side).
//! * Holder i (x = i, 1 ≤ x ≤ N ≤ 126) gets `y = f_j(x)`; the word `(x << 9) | y` is stored
//!   **little-endian**, 2 bytes per secret byte (§4 "Share word"/"Share encoding"). That byte
//!   string is the payload of an `enc_shares[].enc_key` JWE.
//! * Recovery is Lagrange interpolation at 0 with Fermat inversion `a^255` (§4 "Recovery").
//!
//! Stricter than az (§4, §11.3): az does not notice duplicate x coordinates (weights collapse
//! to 0 — `primitives/shamir.json` `duplicate_share_quirk_*`, run N4), a shorter share crashes it,
//! and it never checks that the result is a byte. [`combine`] rejects all of these.

use std::fmt;

use aws_lc_rs::rand::SecureRandom;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::sd_error::{CryptoError, Result, fill_random};

/// The field prime.
pub const P: u32 = 257;

/// Largest x coordinate we produce/accept. The word keeps x in 7 bits (max 127); PowerShell and
/// §4 cap the share count at 126.
pub const MAX_SHARES: u8 = 126;

/// (a + b) mod 257.
// Field helpers. Values are kept as u32 in 0..=256; products stay below 2^17, so plain
// `%` is exact. az's `reduce()` folds `(t & 0xff) - (t >> 8)` instead (256 ≡ −1 mod 257);
// the results are identical on its domain (vector `mod257.json` `reduce_examples`).
pub fn gf_add(a: u32, b: u32) -> u32 {
    (a + b) % P
}

/// (a − b) mod 257.
pub fn gf_sub(a: u32, b: u32) -> u32 {
    (a + P - (b % P)) % P
}

/// (a · b) mod 257.
pub fn gf_mul(a: u32, b: u32) -> u32 {
    (a % P) * (b % P) % P
}

/// Multiplicative inverse `a^255` (Fermat, a^(p−2)). Like az, `inv(0) = 0`; callers that could
/// hit 0 must reject the input first (duplicate x).
pub fn gf_inv(a: u32) -> u32 {
    // Square-and-multiply over the exponent 255 = 0b1111_1111. Constant work per call is
    // not a concern here: x coordinates are public.
    let mut result = 1u32;
    let mut base = a % P;
    let mut e = P - 2;
    while e > 0 {
        if e & 1 == 1 {
            result = gf_mul(result, base);
        }
        base = gf_mul(base, base);
        e >>= 1;
    }
    // 0 has no inverse; az returns 0 (vector `invert_of_0`), which is what silently turns
    // duplicate x coordinates into garbage in az. `combine` rejects duplicates first.
    if a.is_multiple_of(P) { 0 } else { result }
}

/// One share: its x coordinate and one 16-bit word `(x << 9) | y` per secret byte.
///
/// The words are secret material: the struct zeroizes on drop and its `Debug` output redacts
/// them.
// Storing the full word (not just y) keeps `to_bytes`/`from_bytes` trivial and lets
// `validate` detect words whose embedded x disagrees with the share's x.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct Share {
    /// x coordinate, 1..=126.
    pub x: u8,
    /// `(x << 9) | y` for every secret byte, y in 0..=256.
    pub words: Vec<u16>,
}

impl fmt::Debug for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Share")
            .field("x", &self.x)
            .field(
                "words",
                &format_args!("<{} words redacted>", self.words.len()),
            )
            .finish()
    }
}

impl Share {
    /// The y value (9 bits) of word `j`.
    pub fn y(&self, j: usize) -> u16 {
        // Low 9 bits: y in 0..=256 (256 occurs, see the `y_equals_256` vector).
        self.words[j] & 0x1ff
    }

    /// Serialized form: the words little-endian, 2 bytes per secret byte (§4).
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(self.words.len() * 2));
        // Little-endian, as az reads it with the host's (little-endian) native order (§4).
        for w in &self.words {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Parses the serialized form and validates it: non-empty, even length, one x for every
    /// word, x ≠ 0, y ≤ 256.
    pub fn from_bytes(bytes: &[u8]) -> Result<Share> {
        if bytes.is_empty() {
            return Err(CryptoError::InvalidShares("the share is empty".into()));
        }
        if !bytes.len().is_multiple_of(2) {
            return Err(CryptoError::InvalidShares(format!(
                "a share must have an even number of bytes (2 per secret byte), got {}",
                bytes.len()
            )));
        }
        // The x of the first word is the share's x; `validate` checks every other word.
        let words: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let share = Share {
            x: (words[0] >> 9) as u8,
            words,
        };
        share.validate()?;
        Ok(share)
    }

    /// Checks the invariants documented on the fields.
    fn validate(&self) -> Result<()> {
        if self.words.is_empty() {
            return Err(CryptoError::InvalidShares("the share is empty".into()));
        }
        // x = 0 would be the secret itself; x has 7 bits in the word (max 127).
        if self.x == 0 || self.x > 127 {
            return Err(CryptoError::InvalidShares(format!(
                "invalid x coordinate {} (must be 1..=127)",
                self.x
            )));
        }
        for (j, w) in self.words.iter().enumerate() {
            if (w >> 9) as u8 != self.x {
                return Err(CryptoError::InvalidShares(format!(
                    "word {j} of the share with x={} carries x={} (inconsistent share)",
                    self.x,
                    w >> 9
                )));
            }
            if (w & 0x1ff) as u32 >= P {
                return Err(CryptoError::InvalidShares(format!(
                    "word {j} of the share with x={} has y={} outside GF(257)",
                    self.x,
                    w & 0x1ff
                )));
            }
        }
        Ok(())
    }
}

/// Checks split parameters shared by [`split`] and [`split_with_coefficients`].
fn check_split_params(secret: &[u8], required: u8, shares: u8) -> Result<()> {
    if secret.is_empty() {
        return Err(CryptoError::InvalidSplit("the secret is empty".into()));
    }
    // A quorum of 1 makes every share equal to the secret: refuse it.
    if required < 2 {
        return Err(CryptoError::InvalidSplit(format!(
            "the quorum must be at least 2 (got {required}); a quorum of 1 would hand out the secret"
        )));
    }
    // Fewer shares than the quorum could never be recombined.
    if shares < required || shares > MAX_SHARES {
        return Err(CryptoError::InvalidSplit(format!(
            "the number of shares must be between the quorum ({required}) and {MAX_SHARES}, got {shares}"
        )));
    }
    Ok(())
}

/// Evaluates the polynomial (coefficients highest degree first) at x with Horner's rule,
/// reducing mod 257 at every step (§4).
fn eval_poly(coeffs: &[u32], x: u32) -> u32 {
    coeffs
        .iter()
        // acc = acc·x + c for c from the highest-degree coefficient down to the constant.
        .fold(0u32, |acc, c| gf_add(gf_mul(acc, x), *c))
}

/// Builds the shares x = 1..=n from per-byte polynomials.
fn shares_from_polys(
    n: u8,
    len: usize,
    polys: impl Iterator<Item = Zeroizing<Vec<u32>>>,
) -> Vec<Share> {
    // x = 1..=n in recipient order (§10: share i ↔ i-th certificate, x = i). Capacity is
    // exact so that growing the word lists never leaves freed copies of share data.
    let mut out: Vec<Share> = (1..=n)
        .map(|x| Share {
            x,
            words: Vec::with_capacity(len),
        })
        .collect();
    for poly in polys {
        for share in out.iter_mut() {
            let y = eval_poly(&poly, share.x as u32);
            // Word layout (§4): x in bits 15..9, y in bits 8..0.
            share.words.push(((share.x as u16) << 9) | y as u16);
        }
    }
    out
}

/// Splits `secret` into `shares` shares (x = 1..=shares) with quorum `required`, drawing a fresh
/// random polynomial for every byte (§4, §10 item 4). Coefficients are uniform in 0..=256
/// (rejection sampling of 16-bit words; PowerShell's slightly biased `word % 257` with zero
/// rejected is not needed for compatibility — only the share format is observable).
pub fn split(
    secret: &[u8],
    required: u8,
    shares: u8,
    rng: &dyn SecureRandom,
) -> Result<Vec<Share>> {
    check_split_params(secret, required, shares)?;
    // One polynomial per secret byte, kept zeroized: its coefficients reveal the secret.
    let mut polys = Vec::with_capacity(secret.len());
    for &byte in secret {
        let mut poly = Zeroizing::new(Vec::with_capacity(required as usize));
        while poly.len() < required as usize - 1 {
            let mut buf = Zeroizing::new([0u8; 2]);
            fill_random(rng, &mut buf[..])?;
            let v = u16::from_le_bytes(*buf) as u32;
            // 65535 = 255·257 values (0..=65534) reduce uniformly; reject the single extra one.
            if v < 255 * P {
                poly.push(v % P);
            }
        }
        // Constant term last (highest degree first), matching the vectors' layout.
        poly.push(byte as u32);
        polys.push(poly);
    }
    Ok(shares_from_polys(shares, secret.len(), polys.into_iter()))
}

/// Deterministic split for test vectors: `coefficients[j]` is byte j's polynomial with the
/// highest degree first and the **constant term (= `secret[j]`) last**, exactly the layout of
/// `coefficients_high_degree_first_per_byte` in the vectors. Every list must have `required`
/// entries, each ≤ 256.
pub fn split_with_coefficients(
    secret: &[u8],
    required: u8,
    shares: u8,
    coefficients: &[Vec<u16>],
) -> Result<Vec<Share>> {
    check_split_params(secret, required, shares)?;
    // Validate the caller's polynomials strictly: vectors must not silently mean something else.
    if coefficients.len() != secret.len() {
        return Err(CryptoError::InvalidSplit(format!(
            "{} coefficient lists for a {}-byte secret",
            coefficients.len(),
            secret.len()
        )));
    }
    let mut polys = Vec::with_capacity(secret.len());
    for (j, (coeffs, &byte)) in coefficients.iter().zip(secret).enumerate() {
        if coeffs.len() != required as usize {
            return Err(CryptoError::InvalidSplit(format!(
                "byte {j}: {} coefficients, expected {required}",
                coeffs.len()
            )));
        }
        if coeffs.iter().any(|c| *c as u32 >= P) {
            return Err(CryptoError::InvalidSplit(format!(
                "byte {j}: coefficient outside GF(257)"
            )));
        }
        if coeffs[coeffs.len() - 1] != byte as u16 {
            return Err(CryptoError::InvalidSplit(format!(
                "byte {j}: the constant term must equal the secret byte"
            )));
        }
        polys.push(Zeroizing::new(
            coeffs.iter().map(|c| *c as u32).collect::<Vec<u32>>(),
        ));
    }
    Ok(shares_from_polys(shares, secret.len(), polys.into_iter()))
}

/// Recovers the secret from the given shares by Lagrange interpolation at 0 (§4 "Recovery").
///
/// All given shares are used (az uses the first `required`; pass exactly those). Deciding
/// whether enough shares are present is the caller's job. Rejected (az would misbehave
/// silently or crash): no shares, empty/inconsistent shares, x = 0, duplicate x, different
/// lengths, and a result outside 0..=255 (which proves the shares do not belong together).
pub fn combine(shares: &[Share]) -> Result<Zeroizing<Vec<u8>>> {
    let first = shares
        .first()
        .ok_or_else(|| CryptoError::InvalidShares("no shares given".into()))?;
    // Validate everything before doing any arithmetic (az validates nothing: §4, §11.3).
    let len = first.words.len();
    for (i, s) in shares.iter().enumerate() {
        s.validate().map_err(|e| match e {
            CryptoError::InvalidShares(m) => {
                CryptoError::InvalidShares(format!("share #{}: {m}", i + 1))
            }
            other => other,
        })?;
        // az indexes by the first share's length and crashes on a shorter one (§4 step 2).
        if s.words.len() != len {
            return Err(CryptoError::InvalidShares(format!(
                "share #{} has {} bytes but share #1 has {}: shares of one secret all have the same length",
                i + 1,
                s.words.len() * 2,
                len * 2
            )));
        }
        // Repeated x: the Lagrange denominators would be 0 (az: garbage, run N4).
        if let Some(k) = shares[..i].iter().position(|o| o.x == s.x) {
            return Err(CryptoError::InvalidShares(format!(
                "shares #{} and #{} have the same x coordinate ({}): the same share was given twice",
                k + 1,
                i + 1,
                s.x
            )));
        }
    }
    // Lagrange weights at 0 depend only on the x coordinates: w_i = Π_{k≠i} x_k / (x_k − x_i).
    let weights: Vec<u32> = shares
        .iter()
        .enumerate()
        .map(|(i, si)| {
            shares
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .fold(1u32, |acc, (_, sk)| {
                    let num = sk.x as u32;
                    let den = gf_sub(sk.x as u32, si.x as u32);
                    gf_mul(acc, gf_mul(num, gf_inv(den)))
                })
        })
        .collect();
    // K[j] = Σ_i y_i(j)·w_i mod 257 for every byte position j (§4 step 3).
    let mut out = Zeroizing::new(Vec::with_capacity(len));
    for j in 0..len {
        let v = shares
            .iter()
            .zip(&weights)
            .fold(0u32, |acc, (s, w)| gf_add(acc, gf_mul(s.y(j) as u32, *w)));
        // Valid shares of a byte secret always interpolate to 0..=255. A 256 proves that the
        // shares are inconsistent (az would truncate it silently into a wrong key).
        if v > 255 {
            return Err(CryptoError::InvalidShares(format!(
                "byte {j} interpolates to {v}, which is not a byte: the shares do not belong to the \
                 same secret (corrupted, or from different security domains)"
            )));
        }
        out.push(v as u8);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::sd_testutil::{hex, load_json, rng, unhex};
    use proptest::prelude::*;

    /// `primitives/mod257.json`: the whole inverse table, az's inverse of 0, the reduce()
    /// examples and the edge arithmetic with 256 (= −1).
    #[test]
    fn mod257_json() {
        let v = load_json("primitives/mod257.json");
        let inv = v["invert"].as_array().unwrap();
        assert_eq!(inv.len(), 257);
        assert!(inv[0].is_null());
        for (a, want) in inv.iter().enumerate().skip(1) {
            let want = want.as_u64().unwrap() as u32;
            assert_eq!(gf_inv(a as u32), want, "inverse of {a}");
            assert_eq!(gf_mul(a as u32, want), 1);
        }
        assert_eq!(gf_inv(0), v["invert_of_0"].as_u64().unwrap() as u32);
        // az's reduce() folding equals plain `mod 257` on its documented domain.
        for (t, want) in v["reduce_examples"].as_object().unwrap() {
            assert_eq!(
                t.parse::<u32>().unwrap() % P,
                want.as_u64().unwrap() as u32,
                "reduce({t})"
            );
        }
        assert_eq!(gf_add(256, 1) as u64, v["add_256_1"].as_u64().unwrap());
        assert_eq!(gf_sub(0, 256) as u64, v["subtract_0_256"].as_u64().unwrap());
        assert_eq!(
            gf_mul(256, 256) as u64,
            v["multiply_256_256"].as_u64().unwrap()
        );
    }

    /// The per-byte polynomial lists of a `shamir.json` case.
    fn coeffs_of(case: &serde_json::Value) -> Vec<Vec<u16>> {
        case["coefficients_high_degree_first_per_byte"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                c.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as u16)
                    .collect()
            })
            .collect()
    }

    /// Every `shamir.json` case with coefficients: our split reproduces the share words and LE
    /// bytes exactly, `from_bytes` parses them back, and each listed x-subset recovers the
    /// secret both from its first `required` shares (az) and from all of them.
    #[test]
    fn shamir_json_split_and_recover() {
        let v = load_json("primitives/shamir.json");
        let cases = v["cases"].as_array().unwrap();
        let mut checked = 0;
        for case in cases
            .iter()
            .filter(|c| c.get("coefficients_high_degree_first_per_byte").is_some())
        {
            let secret = unhex(case["secret_hex"].as_str().unwrap());
            let required = case["required"].as_u64().unwrap() as u8;
            let n = case["n"].as_u64().unwrap() as u8;
            // Split with the case's fixed polynomials (constant term = secret byte).
            let shares = split_with_coefficients(&secret, required, n, &coeffs_of(case)).unwrap();
            let want_words = case["share_words"].as_array().unwrap();
            let want_bytes = case["share_bytes_le_hex"].as_array().unwrap();
            assert_eq!(shares.len(), n as usize);
            for (i, s) in shares.iter().enumerate() {
                let words: Vec<u16> = want_words[i]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w.as_u64().unwrap() as u16)
                    .collect();
                // Words (x << 9 | y), their little-endian bytes, and the parse back.
                assert_eq!(s.words, words, "{} share {}", case["name"], i + 1);
                assert_eq!(hex(&s.to_bytes()), want_bytes[i].as_str().unwrap());
                assert_eq!(
                    &Share::from_bytes(&unhex(want_bytes[i].as_str().unwrap())).unwrap(),
                    s
                );
            }
            // "recover" keys look like "x=3,1" or "x=1,2,3,4,5 (required=3 -> first 3 used)".
            for (key, want) in case["recover"].as_object().unwrap() {
                let xs: Vec<usize> = key
                    .trim_start_matches("x=")
                    .split(' ')
                    .next()
                    .unwrap()
                    .split(',')
                    .map(|x| x.parse().unwrap())
                    .collect();
                let picked: Vec<Share> = xs.iter().map(|x| shares[x - 1].clone()).collect();
                // az uses the first `required`; using all of them must give the same answer.
                let first_m = combine(&picked[..required as usize]).unwrap();
                assert_eq!(hex(&first_m), want.as_str().unwrap(), "{key}");
                assert_eq!(
                    hex(&combine(&picked).unwrap()),
                    want.as_str().unwrap(),
                    "{key}"
                );
            }
            checked += 1;
        }
        // hand_checkable, y_equals_256 and secret32_3of5.
        assert_eq!(checked, 3);
    }

    /// `duplicate_share_quirk_*`: az returns garbage for repeated x; we reject (N4 analogue).
    #[test]
    fn duplicate_share_quirks_are_rejected() {
        // az returns garbage (0000 / the y values of x=2) for repeated x; we refuse (§4, N4).
        let v = load_json("primitives/shamir.json");
        let cases = v["cases"].as_array().unwrap();
        let find = |name: &str| cases.iter().find(|c| c["name"] == name).unwrap();
        // q2: shares x=1, x=1 of the hand-checkable case → az "recovers" 0000.
        let hc = find("hand_checkable");
        let s = split_with_coefficients(&unhex("4142"), 2, 3, &coeffs_of(hc)).unwrap();
        assert_eq!(find("duplicate_share_quirk_q2")["az_result_hex"], "0000");
        let err = combine(&[s[0].clone(), s[0].clone()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("same x coordinate"), "{err}");
        let c35 = find("secret32_3of5");
        let secret = unhex(c35["secret_hex"].as_str().unwrap());
        let s = split_with_coefficients(&secret, 3, 5, &coeffs_of(c35)).unwrap();
        // Documented az result for x=1,1,2: the duplicated points get weight 0 and the third
        // point weight 1, so az "recovers" the y values of share x=2. We refuse instead.
        let ys: Vec<u8> = (0..secret.len()).map(|j| s[1].y(j) as u8).collect();
        assert_eq!(
            hex(&ys),
            find("duplicate_share_quirk_q3")["az_result_hex"]
                .as_str()
                .unwrap()
        );
        let err = combine(&[s[0].clone(), s[0].clone(), s[1].clone()]).unwrap_err();
        // The error names both positions so the caller can tell the user which inputs clash.
        assert!(err.to_string().contains("shares #1 and #2"), "{err}");
    }

    /// The worked edge case of §4 (y = 256 must survive encoding and recovery).
    #[test]
    fn y_equals_256_edge() {
        // §4: secret 0xFF, coefficient 1, x = 1 → y = 256 → word 768 → bytes 00 03.
        let s = split_with_coefficients(&[0xff], 2, 3, &[vec![1, 255]]).unwrap();
        assert_eq!(s[0].words, vec![768]);
        assert_eq!(s[0].y(0), 256);
        assert_eq!(hex(&s[0].to_bytes()), "0003");
        assert_eq!(&combine(&s[..2]).unwrap()[..], &[0xff]);
    }

    /// Parsing rejects every malformed byte string the brief lists.
    #[test]
    fn from_bytes_validation() {
        assert!(Share::from_bytes(&[]).is_err());
        assert!(
            Share::from_bytes(&[0x48, 0x02, 0x09]).is_err(),
            "odd length"
        );
        assert!(Share::from_bytes(&[0x41, 0x00]).is_err(), "x = 0");
        assert!(
            Share::from_bytes(&[0x48, 0x02, 0x09, 0x04]).is_err(),
            "x differs between words"
        );
        assert!(Share::from_bytes(&[0x01, 0x03]).is_err(), "y = 257");
        assert!(
            Share::from_bytes(&[0x00, 0x03]).is_ok(),
            "y = 256 is a field element"
        );
    }

    /// `combine` refuses mismatched lengths and inconsistent shares, and a tampered share never
    /// yields the right secret.
    #[test]
    fn combine_rejections() {
        let rng = rng();
        let secret = b"0123456789abcdef0123456789abcdef";
        let s = split(secret, 3, 5, &rng).unwrap();
        assert!(combine(&[]).is_err());
        // A share one byte shorter than the others (az would crash indexing it).
        let mut short = s[1].clone();
        short.words.pop();
        let e = combine(&[s[0].clone(), short, s[2].clone()])
            .unwrap_err()
            .to_string();
        assert!(e.contains("same length"), "{e}");
        // A share whose x field disagrees with the x inside its words.
        let mut bad_x = s[1].clone();
        bad_x.x = 9;
        assert!(combine(&[s[0].clone(), bad_x, s[2].clone()]).is_err());
        // A tampered y makes the interpolation leave the byte range or give a wrong secret.
        let mut tampered = s[2].clone();
        tampered.words[0] ^= 1;
        let r = combine(&[s[0].clone(), s[1].clone(), tampered]);
        assert!(r.is_err() || &r.unwrap()[..] != secret);
        // The untouched shares still work.
        assert_eq!(&combine(&s[2..5]).unwrap()[..], secret);
    }

    /// Split argument validation; `Debug` of a share shows x but no word values.
    #[test]
    fn split_parameter_checks_and_debug_redaction() {
        let rng = rng();
        assert!(split(b"", 2, 3, &rng).is_err());
        assert!(split(b"k", 1, 3, &rng).is_err());
        assert!(split(b"k", 4, 3, &rng).is_err());
        // 126 shares is the maximum (x must fit the word's 7 bits, PowerShell's limit).
        assert!(split(b"k", 2, 127, &rng).is_err());
        assert!(split(b"k", 2, 126, &rng).is_ok());
        // Debug shows the x coordinate and the length only.
        let s = split(b"secret", 2, 3, &rng).unwrap();
        let dbg = format!("{:?}", s[0]);
        assert!(
            dbg.contains("redacted") && !dbg.contains(&s[0].words[0].to_string()),
            "{dbg}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any M of the N shares recover the secret, in any order: M-of-N for N in 2..=10
        /// with random secrets (1..48 bytes), random subsets and orders, and a round trip
        /// through the serialized form in between.
        #[test]
        fn any_m_of_n_recover(
            secret in proptest::collection::vec(any::<u8>(), 1..48),
            n in 2u8..=10,
            m_raw in 0u8..10,
            pick_seed in any::<u64>(),
        ) {
            // Quorum m in 2..=n.
            let m = 2 + m_raw % (n - 1);
            let rng = rng();
            let shares = split(&secret, m, n, &rng).unwrap();
            prop_assert_eq!(shares.len(), n as usize);
            // Choose a pseudo-random subset of size m in a pseudo-random order.
            let mut idx: Vec<usize> = (0..n as usize).collect();
            let mut state = pick_seed;
            for i in (1..idx.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                idx.swap(i, (state >> 33) as usize % (i + 1));
            }
            let picked: Vec<Share> = idx[..m as usize].iter().map(|&i| shares[i].clone()).collect();
            // Serialize and parse again, as the shares travel inside JWEs.
            let bytes: Vec<Zeroizing<Vec<u8>>> = picked.iter().map(|s| s.to_bytes()).collect();
            let reparsed: Vec<Share> = bytes.iter().map(|b| Share::from_bytes(b).unwrap()).collect();
            prop_assert_eq!(&combine(&reparsed).unwrap()[..], &secret[..]);
        }

        /// M−1 shares of a random 32-byte secret never yield the secret (they either fail the
        /// byte-range check or interpolate to a different value). The chance that a random
        /// polynomial family hits the secret at all 32 bytes is 257^-32.
        #[test]
        fn m_minus_one_shares_do_not_reveal(
            secret in proptest::array::uniform32(any::<u8>()),
            n in 2u8..=10,
            m_raw in 0u8..10,
        ) {
            let m = 2 + m_raw % (n - 1);
            let rng = rng();
            let shares = split(&secret, m, n, &rng).unwrap();
            // The last m − 1 shares (for m = 2 a single share, which is just f(x)).
            let fewer = &shares[(n - m + 1) as usize..];
            prop_assert_eq!(fewer.len(), (m - 1) as usize);
            // Either the result leaves the byte range (detected) or it is simply wrong.
            match combine(fewer) {
                Ok(v) => prop_assert_ne!(&v[..], &secret[..]),
                Err(e) => prop_assert!(e.to_string().contains("not a byte")),
            }
        }
    }
}
