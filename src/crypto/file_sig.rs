//! Signatures of files: the digest each Key Vault signature algorithm signs, and the two
//! encodings of an ECDSA signature.
//!
//! Key Vault signs a digest the caller computed (REST `sign`: `value` = the digest), so a file is
//! hashed locally with the hash the algorithm names — SHA-256 for RS256/PS256/ES256/ES256K,
//! SHA-384 for *384, SHA-512 for *512 (RFC 7518 §3.1; ES256K: RFC 8812 §3.2) — and only the
//! digest travels. HMAC (HS*) signs the value itself and has no file form.
//!
//! ECDSA signatures come back as JWS does (RFC 7518 §3.4): raw `r || s`, each left-padded to the
//! curve's coordinate size. OpenSSL and X.509 tooling expect the DER `ECDSA-Sig-Value`
//! (RFC 3279 §2.2.3: `SEQUENCE { r INTEGER, s INTEGER }`); [`raw_to_der`] and [`der_to_raw`]
//! convert. RSA signatures have one encoding, which both worlds use.

use aws_lc_rs::digest;

use super::CryptoError;

type Result<T> = std::result::Result<T, CryptoError>;

/// The hash a signature algorithm signs, `None` for HMAC (and unknown names).
pub fn digest_of(alg: &str) -> Option<&'static digest::Algorithm> {
    match alg {
        "RS256" | "PS256" | "ES256" | "ES256K" => Some(&digest::SHA256),
        "RS384" | "PS384" | "ES384" => Some(&digest::SHA384),
        "RS512" | "PS512" | "ES512" => Some(&digest::SHA512),
        _ => None,
    }
}

/// The coordinate size of an ECDSA algorithm's curve (`r` and `s` are each this long, raw).
pub fn ecdsa_coord_len(alg: &str) -> Option<usize> {
    match alg {
        "ES256" | "ES256K" => Some(32),
        "ES384" => Some(48),
        "ES512" => Some(66),
        _ => None,
    }
}

fn der_len(len: usize, out: &mut Vec<u8>) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        // r and s are at most 67 bytes each (P-521), so one length byte always suffices.
        out.push(0x81);
        out.push(len as u8);
    }
}

fn der_uint(bytes: &[u8], out: &mut Vec<u8>) {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    let v = &bytes[start..];
    let pad = v.first().is_none_or(|b| b & 0x80 != 0);
    out.push(0x02);
    der_len(v.len() + usize::from(pad), out);
    if pad {
        out.push(0);
    }
    out.extend_from_slice(v);
}

/// Raw `r || s` (JWS, Key Vault) → DER `ECDSA-Sig-Value` (OpenSSL).
pub fn raw_to_der(raw: &[u8]) -> Result<Vec<u8>> {
    if raw.is_empty() || !raw.len().is_multiple_of(2) || raw.len() > 132 {
        return Err(CryptoError::Internal(format!(
            "an ECDSA signature of {} bytes is not r || s",
            raw.len()
        )));
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    let mut body = Vec::with_capacity(raw.len() + 8);
    der_uint(r, &mut body);
    der_uint(s, &mut body);
    let mut out = vec![0x30];
    der_len(body.len(), &mut out);
    out.extend_from_slice(&body);
    Ok(out)
}

/// DER `ECDSA-Sig-Value` → raw `r || s` with `coord_len`-byte halves. Strict DER: minimal
/// lengths and integers, positive values that fit the curve, nothing after the sequence.
pub fn der_to_raw(der: &[u8], coord_len: usize) -> Result<Vec<u8>> {
    let bad = || CryptoError::Internal("the signature is not a DER ECDSA-Sig-Value".into());
    fn read_len(d: &[u8], i: &mut usize) -> Option<usize> {
        let first = *d.get(*i)?;
        *i += 1;
        match first {
            0..=0x7f => Some(first as usize),
            0x81 => {
                let l = *d.get(*i)? as usize;
                *i += 1;
                (l >= 0x80).then_some(l)
            }
            _ => None,
        }
    }
    let mut i = 0;
    if der.first() != Some(&0x30) {
        return Err(bad());
    }
    i += 1;
    let total = read_len(der, &mut i).ok_or_else(bad)?;
    if i + total != der.len() {
        return Err(bad());
    }
    let mut raw = vec![0u8; coord_len * 2];
    for half in 0..2 {
        if der.get(i) != Some(&0x02) {
            return Err(bad());
        }
        i += 1;
        let len = read_len(der, &mut i).ok_or_else(bad)?;
        let v = der.get(i..i + len).ok_or_else(bad)?;
        i += len;
        // Minimal and positive: no needless leading zero, no sign bit.
        let minimal = match v {
            [] => false,
            [0, next, ..] => next & 0x80 != 0,
            [first, ..] => first & 0x80 == 0,
        };
        let v = v.strip_prefix(&[0]).unwrap_or(v);
        if !minimal || v.len() > coord_len {
            return Err(bad());
        }
        let end = coord_len * (half + 1);
        raw[end - v.len()..end].copy_from_slice(v);
    }
    if i != der.len() {
        return Err(bad());
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_follow_the_algorithm() {
        assert_eq!(digest_of("ES256K").unwrap().output_len(), 32);
        assert_eq!(digest_of("PS384").unwrap().output_len(), 48);
        assert_eq!(digest_of("RS512").unwrap().output_len(), 64);
        assert!(digest_of("HS256").is_none());
    }

    /// Round trips through DER for values with high bits, leading zeros and P-521 sizes, and
    /// DER that RustCrypto's `ecdsa` writes reads back.
    #[test]
    fn ecdsa_raw_and_der_convert_both_ways() {
        for coord in [32usize, 48, 66] {
            for (r0, s0) in [(0x80u8, 0x01u8), (0x00, 0x7f), (0xff, 0xff), (0x00, 0x00)] {
                let mut raw = vec![0x5au8; coord * 2];
                raw[0] = r0;
                raw[coord] = s0;
                if r0 == 0 {
                    raw[1] = 0;
                }
                let der = raw_to_der(&raw).unwrap();
                assert_eq!(der_to_raw(&der, coord).unwrap(), raw);
            }
        }
        use p256::ecdsa::signature::Signer;
        let sk = p256::ecdsa::SigningKey::from_slice(&[3u8; 32]).unwrap();
        let sig: p256::ecdsa::Signature = sk.sign(b"file");
        let der = sig.to_der();
        assert_eq!(
            der_to_raw(der.as_bytes(), 32).unwrap(),
            sig.to_bytes().to_vec()
        );
        assert_eq!(raw_to_der(&sig.to_bytes()).unwrap(), der.as_bytes());
    }

    #[test]
    fn malformed_der_is_refused() {
        let good = raw_to_der(&[1u8; 64]).unwrap();
        assert!(der_to_raw(&good, 32).is_ok());
        let mut trailing = good.clone();
        trailing.push(0);
        for bad in [
            vec![],
            vec![0x30, 0x00],
            trailing,
            good[..good.len() - 1].to_vec(),
            vec![0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01], // negative r
            vec![0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01], // non-minimal r
        ] {
            assert!(der_to_raw(&bad, 32).is_err(), "{bad:?}");
        }
        assert!(der_to_raw(&raw_to_der(&[1u8; 96]).unwrap(), 32).is_err());
        assert!(raw_to_der(&[1u8; 3]).is_err());
    }
}
