//! Base64 helpers for the security domain: b64url without padding on output, az-style lenient
//! decoding on input (security-domain.md §2 "Common encodings").
//!
//! * Output: JWE segments, JWK `n`/`e`, thumbprints use RFC 4648 §5 (`-_`) **without** `=`;
//!   `x5c` and PEM bodies use the standard alphabet **with** padding.
//! * Input: az appends `===` and calls Python's `urlsafe_b64decode`, which accepts padding, the
//!   standard alphabet (`+/`) and embedded whitespace (vectors `primitives/jwe.json`,
//!   `segments_with_b64_padding` / `standard_b64_alphabet`). We accept exactly those liberties
//!   and nothing else (Python would also silently drop arbitrary junk characters; we reject them).

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use super::sd_error::{CryptoError, Result};

/// Lenient decoder: standard alphabet, padding optional, trailing bits tolerated (Python's
/// non-strict `binascii.a2b_base64` ignores them too).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// b64url without padding (JWE segments, JWK members, `x5t`, `x5t#S256`).
pub fn b64url_encode(data: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data)
}

/// Standard base64 with padding (`x5c`, PEM bodies).
pub fn b64_std_encode(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// Decodes b64url the way az does: `=` padding optional, `+`/`/` accepted as well as `-`/`_`,
/// ASCII whitespace ignored anywhere.
pub fn b64url_decode_lenient(text: &str) -> Result<Vec<u8>> {
    decode_lenient(text, "base64url data")
}

/// Decodes standard base64 with the same leniency as [`b64url_decode_lenient`] (both alphabets,
/// optional padding, whitespace such as PEM line breaks ignored).
pub fn b64_std_decode(text: &str) -> Result<Vec<u8>> {
    decode_lenient(text, "base64 data")
}

/// Shared implementation: normalise to the standard alphabet without padding, then decode.
pub(crate) fn decode_lenient(text: &str, what: &'static str) -> Result<Vec<u8>> {
    // Zeroizing: PEM bodies of private keys pass through here.
    let mut norm = zeroize::Zeroizing::new(String::with_capacity(text.len()));
    // Map the URL alphabet to the standard one and drop ASCII whitespace, as Python's
    // `urlsafe_b64decode` (translate + non-strict decode) effectively does.
    for c in text.chars() {
        match c {
            c if c.is_ascii_whitespace() => {}
            '-' => norm.push('+'),
            '_' => norm.push('/'),
            c => norm.push(c),
        }
    }
    // Padding may only appear at the end (any amount: az appends `===` blindly).
    let trimmed = norm.as_str().trim_end_matches('=');
    if let Some(pos) = trimmed.find(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/'))
    {
        let bad = trimmed[pos..].chars().next().unwrap_or('?');
        return Err(CryptoError::Base64 {
            what,
            detail: format!("unexpected character {bad:?} at position {pos}"),
        });
    }
    LENIENT.decode(trimmed).map_err(|e| CryptoError::Base64 {
        what,
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Output alphabets and padding as §2 specifies for each use.
    #[test]
    fn encodes_without_padding_and_url_alphabet() {
        assert_eq!(b64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(b64_std_encode(&[0xfb, 0xff]), "+/8=");
        assert_eq!(b64url_encode(b""), "");
    }

    /// Every liberty az's decoder allows is accepted.
    #[test]
    fn decodes_like_az() {
        // Padding, standard alphabet and whitespace are all accepted (§2).
        for input in [
            "-_8",
            "-_8=",
            "-_8===",
            "+/8",
            "+/8=",
            " -_\n8 ",
            "-_\r\n8=\t",
        ] {
            assert_eq!(
                b64url_decode_lenient(input).unwrap(),
                vec![0xfb, 0xff],
                "{input:?}"
            );
        }
        assert_eq!(b64_std_decode("QUJD\nREVG").unwrap(), b"ABCDEF");
        assert_eq!(b64url_decode_lenient("").unwrap(), b"");
    }

    /// Characters Python would silently drop are refused with a precise position.
    #[test]
    fn rejects_junk() {
        assert!(b64url_decode_lenient("ab*c").is_err());
        assert!(
            b64url_decode_lenient("ab=c").is_err(),
            "padding in the middle"
        );
        assert!(b64url_decode_lenient("a").is_err(), "impossible length");
        let msg = b64url_decode_lenient("ab.c").unwrap_err().to_string();
        assert!(msg.contains("unexpected character '.'"), "{msg}");
    }

    /// All lengths 0..70 round-trip in both alphabets (covers every padding case).
    #[test]
    fn round_trips() {
        for len in 0..70usize {
            let data: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(b64url_decode_lenient(&b64url_encode(&data)).unwrap(), data);
            assert_eq!(b64_std_decode(&b64_std_encode(&data)).unwrap(), data);
        }
    }
}
