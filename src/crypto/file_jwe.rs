//! Envelope encryption of files as a standard compact JWE (RFC 7516 §7.1) with `enc` = A256GCM
//! (RFC 7518 §5.3), in pieces small enough to stream a file of any size through a bounded
//! buffer: the protected header, streaming base64url, and streaming AES-256-GCM.
//!
//! Why streaming GCM is built here: aws-lc-rs exposes AES-GCM only as one-shot `seal`/`open`
//! over a whole buffer. GCM (NIST SP 800-38D §7) is CTR mode plus GHASH, so we compose it from
//! aws-lc-rs's streaming AES-CTR (the keystream) and RustCrypto's `ghash` (the universal hash),
//! exactly as the standard defines it; the unit tests check it byte for byte against aws-lc-rs's
//! one-shot AES-256-GCM for many lengths and chunkings.
//!
//! * J0 = IV || 0^31 || 1 for the 96-bit IV (§7.1 step 2); the keystream starts at inc32(J0).
//!   aws-lc's CTR increments the counter block with carry across the whole 128 bits, which equals
//!   GCM's inc32 as long as the low 32 bits never wrap: starting at 2, that holds for the
//!   2^32 − 2 blocks GCM allows at most (§5.2.1.1: plaintext ≤ 2^39 − 256 bits), so
//!   [`MAX_PLAINTEXT`] is enforced.
//! * H = AES_K(0^128); tag = GHASH_H(A || pad || C || pad || [len(A)]64 || [len(C)]64) ⊕ AES_K(J0).
//! * JWE (RFC 7516 §5.1 step 14): AAD = ASCII(BASE64URL(UTF8(protected header))).
//!
//! Decryption releases plaintext before the tag is checked (it cannot be otherwise in one pass):
//! callers must hold it back (a temporary file) until [`Gcm::verify`] succeeds.

use aws_lc_rs::cipher::{AES_256, EncryptionContext, StreamingEncryptingKey, UnboundCipherKey};
use aws_lc_rs::iv::FixedLength;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ghash::GHash;
use ghash::universal_hash::{KeyInit, UniversalHash};

use super::CryptoError;

type Result<T> = std::result::Result<T, CryptoError>;

/// The content encryption of every file JWE.
pub const ENC: &str = "A256GCM";
/// GCM's limit on one message (SP 800-38D §5.2.1.1): 2^36 − 32 bytes.
pub const MAX_PLAINTEXT: u64 = (1 << 36) - 32;
/// Key-management algorithms a file JWE may name: the HSM wraps the content key with them.
pub const WRAP_ALGS: &[&str] = &["RSA-OAEP-256", "RSA-OAEP", "A128KW", "A192KW", "A256KW"];

/// The members of a file JWE's protected header that matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Key management (`RSA-OAEP-256`, `A256KW`, …).
    pub alg: String,
    /// The HSM key that wrapped the content key (`https://<hsm>/keys/<name>/<version>`).
    pub kid: String,
}

impl Header {
    /// The protected header JSON (members sorted: `alg`, `enc`, `kid`).
    pub fn to_json(&self) -> String {
        serde_json::json!({"alg": self.alg, "enc": ENC, "kid": self.kid}).to_string()
    }

    /// The header segment as transmitted (also the GCM AAD).
    pub fn segment(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.to_json())
    }

    /// Parses a header segment. Refuses what this reader cannot honour rather than guessing:
    /// another `enc`, compression (`zip`), critical extensions (`crit`, RFC 7515 §4.1.11),
    /// an `alg` no HSM key wraps with, or no `kid`.
    pub fn parse_segment(segment: &[u8]) -> Result<Header> {
        let bad = |m: &str| CryptoError::MalformedJwe(format!("protected header: {m}"));
        let json = URL_SAFE_NO_PAD
            .decode(segment)
            .map_err(|_| bad("not base64url"))?;
        let v: serde_json::Value = serde_json::from_slice(&json).map_err(|_| bad("not JSON"))?;
        let member = |name: &str| v.get(name).and_then(|x| x.as_str());
        if !v.is_object() {
            return Err(bad("not a JSON object"));
        }
        if member("enc") != Some(ENC) {
            return Err(bad("enc must be A256GCM"));
        }
        if v.get("zip").is_some() || v.get("crit").is_some() {
            return Err(bad("zip and crit are not supported"));
        }
        let alg = member("alg")
            .filter(|a| WRAP_ALGS.contains(a))
            .ok_or_else(|| bad(&format!("alg must be one of {}", WRAP_ALGS.join(", "))))?;
        let kid = member("kid").ok_or_else(|| bad("no kid"))?;
        Ok(Header {
            alg: alg.to_string(),
            kid: kid.to_string(),
        })
    }
}

/// Streaming base64url (no padding) encoder: whole 3-byte groups go out at once, the rest waits.
#[derive(Default)]
pub struct B64Encoder {
    rest: Vec<u8>,
}

impl B64Encoder {
    /// Encodes what can be encoded of `rest + data`, appending to `out`.
    pub fn update(&mut self, data: &[u8], out: &mut String) {
        self.rest.extend_from_slice(data);
        let whole = self.rest.len() / 3 * 3;
        URL_SAFE_NO_PAD.encode_string(&self.rest[..whole], out);
        self.rest.drain(..whole);
    }

    /// Encodes the last 0–2 bytes.
    pub fn finish(self, out: &mut String) {
        URL_SAFE_NO_PAD.encode_string(&self.rest, out);
    }
}

/// Streaming base64url decoder (strict alphabet, no padding, no white space).
#[derive(Default)]
pub struct B64Decoder {
    rest: Vec<u8>,
}

impl B64Decoder {
    /// Decodes what can be decoded of `rest + text`, appending to `out`.
    pub fn update(&mut self, text: &[u8], out: &mut Vec<u8>) -> Result<()> {
        self.rest.extend_from_slice(text);
        let whole = self.rest.len() / 4 * 4;
        URL_SAFE_NO_PAD
            .decode_vec(&self.rest[..whole], out)
            .map_err(|_| CryptoError::MalformedJwe("ciphertext: not base64url".into()))?;
        self.rest.drain(..whole);
        Ok(())
    }

    /// Decodes the last 0, 2 or 3 characters.
    pub fn finish(self, out: &mut Vec<u8>) -> Result<()> {
        URL_SAFE_NO_PAD
            .decode_vec(&self.rest, out)
            .map_err(|_| CryptoError::MalformedJwe("ciphertext: not base64url".into()))
    }
}

/// Which way a [`Gcm`] runs: GHASH covers the ciphertext, i.e. the output when sealing and the
/// input when opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Seal,
    Open,
}

/// Streaming AES-256-GCM with a 96-bit IV.
pub struct Gcm {
    direction: Direction,
    ctr: StreamingEncryptingKey,
    ghash: GHash,
    /// Ciphertext bytes not yet hashed (fewer than 16).
    partial: Vec<u8>,
    aad_len: u64,
    text_len: u64,
    ek_j0: [u8; 16],
}

/// AES_K(block), through CTR over a zero block with `block` as the counter.
fn aes_block(key: &[u8; 32], block: [u8; 16]) -> Result<[u8; 16]> {
    let mut k = ctr_key(key, block)?;
    let mut out = [0u8; 32];
    let n = k
        .update(&[0u8; 16], &mut out)
        .map_err(|_| CryptoError::Internal("AES-CTR failed".into()))?
        .written()
        .len();
    debug_assert_eq!(n, 16);
    let mut b = [0u8; 16];
    b.copy_from_slice(&out[..16]);
    Ok(b)
}

fn ctr_key(key: &[u8; 32], counter: [u8; 16]) -> Result<StreamingEncryptingKey> {
    let unbound = UnboundCipherKey::new(&AES_256, key)
        .map_err(|_| CryptoError::Internal("AES-256 key rejected".into()))?;
    StreamingEncryptingKey::less_safe_ctr(
        unbound,
        EncryptionContext::Iv128(FixedLength::from(counter)),
    )
    .map_err(|_| CryptoError::Internal("AES-CTR setup failed".into()))
}

impl Gcm {
    /// Starts sealing or opening with `key`, `iv` and the additional authenticated data.
    pub fn new(direction: Direction, key: &[u8; 32], iv: &[u8; 12], aad: &[u8]) -> Result<Gcm> {
        let mut j0 = [0u8; 16];
        j0[..12].copy_from_slice(iv);
        j0[15] = 1;
        let mut counter = j0;
        counter[15] = 2;
        let h = aes_block(key, [0u8; 16])?;
        let mut ghash = GHash::new(&h.into());
        ghash.update_padded(aad);
        Ok(Gcm {
            direction,
            ctr: ctr_key(key, counter)?,
            ghash,
            partial: Vec::with_capacity(16),
            aad_len: aad.len() as u64,
            text_len: 0,
            ek_j0: aes_block(key, j0)?,
        })
    }

    /// Hashes ciphertext, keeping an incomplete block for later.
    fn hash(&mut self, mut ct: &[u8]) {
        if !self.partial.is_empty() {
            let take = (16 - self.partial.len()).min(ct.len());
            self.partial.extend_from_slice(&ct[..take]);
            ct = &ct[take..];
            if self.partial.len() < 16 {
                return;
            }
            self.ghash.update_padded(&self.partial);
            self.partial.clear();
        }
        let whole = ct.len() / 16 * 16;
        self.ghash.update_padded(&ct[..whole]);
        self.partial.extend_from_slice(&ct[whole..]);
    }

    /// Encrypts (or decrypts) `input` into `out` (cleared first; same length as `input`).
    pub fn update(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<()> {
        self.text_len += input.len() as u64;
        if self.text_len > MAX_PLAINTEXT {
            return Err(CryptoError::MalformedJwe(
                "AES-GCM encrypts at most 64 GiB in one message".into(),
            ));
        }
        if self.direction == Direction::Open {
            self.hash(input);
        }
        out.clear();
        out.resize(input.len() + 16, 0);
        let n = self
            .ctr
            .update(input, out)
            .map_err(|_| CryptoError::Internal("AES-CTR failed".into()))?
            .written()
            .len();
        debug_assert_eq!(n, input.len());
        out.truncate(n);
        if self.direction == Direction::Seal {
            let ct = std::mem::take(out);
            self.hash(&ct);
            *out = ct;
        }
        Ok(())
    }

    /// The authentication tag of everything processed.
    fn tag(mut self) -> [u8; 16] {
        if !self.partial.is_empty() {
            let p = std::mem::take(&mut self.partial);
            self.ghash.update_padded(&p);
        }
        let mut lens = [0u8; 16];
        lens[..8].copy_from_slice(&(self.aad_len * 8).to_be_bytes());
        lens[8..].copy_from_slice(&(self.text_len * 8).to_be_bytes());
        self.ghash.update_padded(&lens);
        let s = self.ghash.finalize();
        let mut tag = [0u8; 16];
        for (i, t) in tag.iter_mut().enumerate() {
            *t = s[i] ^ self.ek_j0[i];
        }
        tag
    }

    /// Sealing: the tag.
    pub fn finish(self) -> [u8; 16] {
        self.tag()
    }

    /// Opening: whether `tag` authenticates what was decrypted (constant time).
    pub fn verify(self, tag: &[u8]) -> bool {
        let ours = self.tag();
        tag.len() == 16 && aws_lc_rs::constant_time::verify_slices_are_equal(&ours, tag).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};

    fn one_shot(key: &[u8; 32], iv: &[u8; 12], aad: &[u8], pt: &[u8]) -> Vec<u8> {
        let k = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, key).unwrap());
        let mut buf = pt.to_vec();
        k.seal_in_place_append_tag(Nonce::assume_unique_for_key(*iv), Aad::from(aad), &mut buf)
            .unwrap();
        buf
    }

    fn streamed(
        dir: Direction,
        key: &[u8; 32],
        iv: &[u8; 12],
        aad: &[u8],
        data: &[u8],
        chunk: usize,
    ) -> (Vec<u8>, Gcm) {
        let mut g = Gcm::new(dir, key, iv, aad).unwrap();
        let mut all = Vec::new();
        let mut out = Vec::new();
        for c in data.chunks(chunk.max(1)) {
            g.update(c, &mut out).unwrap();
            all.extend_from_slice(&out);
        }
        (all, g)
    }

    /// Byte-identical to aws-lc-rs's one-shot AES-256-GCM for lengths around block edges and
    /// chunkings that split blocks, and opening verifies (and rejects a flipped bit).
    #[test]
    fn streaming_gcm_matches_one_shot() {
        let key = [7u8; 32];
        let iv = [9u8; 12];
        for len in [0usize, 1, 15, 16, 17, 31, 32, 33, 100, 1000, 4099] {
            let pt: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            for aad_len in [0usize, 5, 16, 40] {
                let aad = vec![0x41u8; aad_len];
                let expected = one_shot(&key, &iv, &aad, &pt);
                for chunk in [1usize, 7, 16, 33, 5000] {
                    let (ct, g) = streamed(Direction::Seal, &key, &iv, &aad, &pt, chunk);
                    let tag = g.finish();
                    assert_eq!(
                        [ct.as_slice(), &tag].concat(),
                        expected,
                        "len {len} chunk {chunk}"
                    );
                    let (back, g) = streamed(Direction::Open, &key, &iv, &aad, &ct, chunk);
                    assert_eq!(back, pt);
                    assert!(g.verify(&tag));
                    if !ct.is_empty() {
                        let mut bad = ct.clone();
                        bad[len / 2] ^= 1;
                        let (_, g) = streamed(Direction::Open, &key, &iv, &aad, &bad, chunk);
                        assert!(!g.verify(&tag));
                    }
                }
            }
        }
    }

    #[test]
    fn streaming_base64url_round_trips() {
        for len in 0..20usize {
            let data: Vec<u8> = (0..len as u8).collect();
            for chunk in [1usize, 2, 3, 4, 7] {
                let mut enc = B64Encoder::default();
                let mut text = String::new();
                for c in data.chunks(chunk) {
                    enc.update(c, &mut text);
                }
                enc.finish(&mut text);
                assert_eq!(text, URL_SAFE_NO_PAD.encode(&data));
                let mut dec = B64Decoder::default();
                let mut back = Vec::new();
                for c in text.as_bytes().chunks(chunk) {
                    dec.update(c, &mut back).unwrap();
                }
                dec.finish(&mut back).unwrap();
                assert_eq!(back, data);
            }
        }
        let mut dec = B64Decoder::default();
        assert!(dec.update(b"ab+/", &mut Vec::new()).is_err());
        let mut dec = B64Decoder::default();
        dec.update(b"A", &mut Vec::new()).unwrap();
        assert!(dec.finish(&mut Vec::new()).is_err());
    }

    #[test]
    fn header_round_trips_and_refuses_what_it_cannot_honour() {
        let h = Header {
            alg: "RSA-OAEP-256".into(),
            kid: "https://h.managedhsm.azure.net/keys/k/v1".into(),
        };
        assert_eq!(
            h.to_json(),
            r#"{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"https://h.managedhsm.azure.net/keys/k/v1"}"#
        );
        assert_eq!(Header::parse_segment(h.segment().as_bytes()).unwrap(), h);
        for bad in [
            r#"{"alg":"RSA-OAEP-256","enc":"A128GCM","kid":"x"}"#,
            r#"{"alg":"dir","enc":"A256GCM","kid":"x"}"#,
            r#"{"alg":"A256KW","enc":"A256GCM"}"#,
            r#"{"alg":"A256KW","enc":"A256GCM","kid":"x","zip":"DEF"}"#,
            r#"["alg"]"#,
        ] {
            assert!(
                Header::parse_segment(URL_SAFE_NO_PAD.encode(bad).as_bytes()).is_err(),
                "{bad}"
            );
        }
        assert!(Header::parse_segment(b"!!").is_err());
    }
}
