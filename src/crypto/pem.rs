//! Tolerant PEM armour reader/writer for certificates and private keys (security-domain.md §7).
//!
//! Why not `der::pem`? It implements RFC 7468's *strict* grammar and rejects the certificate
//! that `az keyvault security-domain init-recovery` writes: base64 lines of **65** characters and
//! no trailing newline (§7.2, vector `keys/exchange.pem`). §7.2 also asks us to accept "any
//! standard PEM". This reader therefore accepts:
//! * any line width, `\n` or `\r\n`, leading/trailing blank space, no final newline;
//! * several blocks in one file (e.g. a key followed by its certificate) — callers pick by label;
//! * RFC 1421 encapsulated headers (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`) used by legacy
//!   OpenSSL-encrypted keys (§7.3), including continuation lines;
//! * even a block squeezed onto one line (`-----BEGIN X-----MIIB…-----END X-----`).
//!
//! The decoded DER is kept in `Zeroizing` because a block can hold a private key.

use std::fmt;

use zeroize::Zeroizing;

use super::b64;
use super::sd_error::{CryptoError, Result};

/// One `-----BEGIN <label>----- … -----END <label>-----` block.
pub struct PemBlock {
    /// The label, e.g. `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`.
    pub label: String,
    /// RFC 1421 headers in file order (`Proc-Type`, `DEK-Info`, …); empty for RFC 7468 PEM.
    pub headers: Vec<(String, String)>,
    /// The base64-decoded body (may be secret key material, hence zeroized on drop).
    pub der: Zeroizing<Vec<u8>>,
}

impl PemBlock {
    /// The value of header `name` (case-insensitive name match), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for PemBlock {
    // Never print the body: it may be a private key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PemBlock")
            .field("label", &self.label)
            .field("headers", &self.headers)
            .field("der", &format_args!("<{} bytes redacted>", self.der.len()))
            .finish()
    }
}

const BEGIN: &str = "-----BEGIN ";
const DASHES: &str = "-----";

/// Parses every PEM block in `input`. Text outside blocks is ignored (OpenSSL does the same, and
/// files often carry a human-readable preamble such as `Bag Attributes`).
///
/// Errors: non-UTF-8/absent armour gives an empty list only if there is no `-----BEGIN` at all;
/// a started but broken block (missing END, label mismatch, bad base64) is an error.
pub fn parse_pem_blocks(input: &[u8]) -> Result<Vec<PemBlock>> {
    // PEM is ASCII; a DER file will usually fail here or contain no BEGIN marker.
    let text = match std::str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => return Ok(Vec::new()),
    };
    // Marker-based scan rather than line-based: robust against CRLF, missing newlines and
    // one-line blocks. Each iteration consumes one BEGIN … END pair.
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(BEGIN) {
        let after_begin = &rest[start + BEGIN.len()..];
        let label_end = after_begin
            .find(DASHES)
            .ok_or_else(|| CryptoError::Pem("unterminated -----BEGIN line".into()))?;
        // The label is whatever stands between `-----BEGIN ` and the next `-----`.
        let label = after_begin[..label_end].trim().to_string();
        let body_and_more = &after_begin[label_end + DASHES.len()..];
        // RFC 7468 §2: the END label must repeat the BEGIN label.
        let end_marker = format!("-----END {label}-----");
        let end = body_and_more.find(&end_marker).ok_or_else(|| {
            CryptoError::Pem(format!(
                "missing \"{end_marker}\" after \"-----BEGIN {label}-----\""
            ))
        })?;
        let body = &body_and_more[..end];
        blocks.push(parse_body(&label, body)?);
        rest = &body_and_more[end + end_marker.len()..];
    }
    Ok(blocks)
}

/// Splits a block body into RFC 1421 headers and base64 payload, then decodes the payload.
fn parse_body(label: &str, body: &str) -> Result<PemBlock> {
    let mut headers: Vec<(String, String)> = Vec::new();
    // Capacity = body length, so collecting the base64 never reallocates (no stray copies
    // of private-key text).
    let mut payload = Zeroizing::new(String::with_capacity(body.len()));
    let mut in_headers = true;
    for raw_line in body.split('\n') {
        let line = raw_line.trim_end_matches('\r');
        if in_headers {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                // A blank line ends the header section (RFC 1421); blank lines before any
                // header are simply skipped.
                if !headers.is_empty() {
                    in_headers = false;
                }
                continue;
            }
            // Continuation of the previous header value (line starts with white space).
            if (line.starts_with(' ') || line.starts_with('\t')) && !headers.is_empty() {
                if let Some(last) = headers.last_mut() {
                    last.1.push_str(trimmed);
                }
                continue;
            }
            // `Name: value` — base64 never contains ':' so this cannot misfire on key data.
            if let Some((name, value)) = trimmed.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
                continue;
            }
            in_headers = false;
        }
        // Body lines may have any width (az's 65-column certificates, §7.2).
        payload.push_str(line.trim());
    }
    // Lenient decoding also tolerates a missing final `=`, which some hand edits produce.
    let der = b64::decode_lenient(&payload, "PEM body")
        .map_err(|e| CryptoError::Pem(format!("block \"{label}\": {e}")))?;
    Ok(PemBlock {
        label: label.to_string(),
        headers,
        der: Zeroizing::new(der),
    })
}

/// Writes a PEM block: standard base64 split into `width`-character lines joined with `\n`.
/// `trailing_newline` adds a final `\n` after the END line (OpenSSL style); az's
/// `init-recovery` output uses `width = 65` and no trailing newline (§7.2).
pub fn to_pem(label: &str, der: &[u8], width: usize, trailing_newline: bool) -> String {
    // PEM bodies use the standard alphabet with padding (RFC 7468 §3).
    let b64 = Zeroizing::new(b64::b64_std_encode(der));
    let width = width.max(1);
    let mut out = String::with_capacity(b64.len() + b64.len() / width + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    // base64 output is ASCII, so byte chunks are char boundaries.
    for chunk in b64.as_bytes().chunks(width) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----");
    if trailing_newline {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any line width, with or without final newline, parses back to the same bytes.
    #[test]
    fn round_trip_any_width() {
        let der: Vec<u8> = (0..200u32).map(|i| (i * 7) as u8).collect();
        for width in [1, 16, 64, 65, 76, 1000] {
            for nl in [false, true] {
                let pem = to_pem("CERTIFICATE", &der, width, nl);
                let blocks = parse_pem_blocks(pem.as_bytes()).unwrap();
                assert_eq!(blocks.len(), 1);
                assert_eq!(blocks[0].label, "CERTIFICATE");
                assert_eq!(&blocks[0].der[..], &der[..]);
            }
        }
    }

    /// CRLF line ends, text before the block and a block on one line are all accepted.
    #[test]
    fn tolerates_crlf_preamble_and_single_line() {
        let der = b"hello pem world".to_vec();
        let body = b64::b64_std_encode(&der);
        let crlf = format!("junk\r\n\r\n-----BEGIN X-----\r\n{body}\r\n-----END X-----\r\n");
        assert_eq!(
            &parse_pem_blocks(crlf.as_bytes()).unwrap()[0].der[..],
            &der[..]
        );
        let one = format!("-----BEGIN X-----{body}-----END X-----");
        assert_eq!(
            &parse_pem_blocks(one.as_bytes()).unwrap()[0].der[..],
            &der[..]
        );
    }

    /// `Proc-Type`/`DEK-Info` headers (with a continuation line) are parsed, not decoded as
    /// base64, and `Debug` does not reveal the body.
    #[test]
    fn parses_rfc1421_headers() {
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,\n 00112233\n\nAAEC\n-----END RSA PRIVATE KEY-----\n";
        let b = &parse_pem_blocks(pem.as_bytes()).unwrap()[0];
        assert_eq!(b.header("proc-type"), Some("4,ENCRYPTED"));
        assert_eq!(b.header("DEK-Info"), Some("AES-256-CBC,00112233"));
        assert_eq!(&b.der[..], &[0, 1, 2]);
        assert!(!format!("{b:?}").contains("AAEC"));
    }

    /// No block → empty list (callers decide); broken blocks → errors.
    #[test]
    fn errors_and_empty() {
        assert!(parse_pem_blocks(b"no pem here").unwrap().is_empty());
        assert!(
            parse_pem_blocks(&[0x30, 0x82, 0xff, 0xfe])
                .unwrap()
                .is_empty()
        );
        assert!(parse_pem_blocks(b"-----BEGIN X-----\nAAAA\n").is_err());
        assert!(parse_pem_blocks(b"-----BEGIN X-----\nAA*A\n-----END X-----").is_err());
        assert!(parse_pem_blocks(b"-----BEGIN X-----\nAAAA\n-----END Y-----").is_err());
    }

    /// Several blocks come back in file order with their labels.
    #[test]
    fn multiple_blocks() {
        let a = to_pem("PRIVATE KEY", b"a", 64, true);
        let c = to_pem("CERTIFICATE", b"c", 64, true);
        let both = format!("{a}{c}");
        let blocks = parse_pem_blocks(both.as_bytes()).unwrap();
        assert_eq!(
            blocks.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(),
            ["PRIVATE KEY", "CERTIFICATE"]
        );
    }
}
