//! Encryption at rest of the emulator's secrets (HSM root keys, exchange keys, key material):
//! AES-256-GCM under a per-state-directory key (`DIR/store.key`, owner-only), with the record's
//! identity as associated data so a sealed value cannot be moved to another record.

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use base64::Engine;
use std::path::Path;
use zeroize::Zeroizing;

/// Seals and opens secrets.
pub struct Sealer {
    key: LessSafeKey,
}

impl Sealer {
    /// Loads `path` (32 raw bytes), creating it on first start.
    pub fn load_or_create(path: &Path) -> Result<Sealer, String> {
        if !path.exists() {
            let mut k = Zeroizing::new([0u8; 32]);
            aws_lc_rs::rand::fill(&mut k[..]).map_err(|_| "no system randomness".to_string())?;
            let b64 = Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(&k[..]));
            crate::emulator::tls::write_private(path, &b64)?;
        }
        let text = Zeroizing::new(
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?,
        );
        let raw = Zeroizing::new(
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|_| format!("{} is not a store key", path.display()))?,
        );
        let unbound = UnboundKey::new(&AES_256_GCM, &raw)
            .map_err(|_| format!("{} is not a 256-bit key", path.display()))?;
        Ok(Sealer {
            key: LessSafeKey::new(unbound),
        })
    }

    /// Encrypts `plaintext` bound to `context`; returns base64 of nonce ‖ ciphertext ‖ tag.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        aws_lc_rs::rand::fill(&mut nonce).expect("system randomness");
        let mut buf = plaintext.to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut buf,
            )
            .expect("AES-GCM sealing cannot fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&buf);
        base64::engine::general_purpose::STANDARD.encode(out)
    }

    /// Decrypts a sealed value for `context`.
    pub fn open(&self, context: &str, sealed: &str) -> Result<Zeroizing<Vec<u8>>, String> {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(sealed)
            .map_err(|_| format!("sealed value of {context} is not base64"))?;
        if raw.len() < NONCE_LEN + 16 {
            return Err(format!("sealed value of {context} is truncated"));
        }
        let (nonce, ct) = raw.split_at(NONCE_LEN);
        let mut buf = Zeroizing::new(ct.to_vec());
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| "bad nonce".to_string())?;
        let pt = self
            .key
            .open_in_place(nonce, Aad::from(context.as_bytes()), &mut buf)
            .map_err(|_| format!("sealed value of {context} does not authenticate (wrong store key or tampered state)"))?;
        Ok(Zeroizing::new(pt.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_and_context_binding() {
        let dir = tempfile::tempdir().unwrap();
        let s = Sealer::load_or_create(&dir.path().join("k")).unwrap();
        let sealed = s.seal("hsm/a/root", b"secret");
        assert!(!sealed.contains("secret"));
        assert_eq!(&s.open("hsm/a/root", &sealed).unwrap()[..], b"secret");
        assert!(s.open("hsm/b/root", &sealed).is_err());
        let again = Sealer::load_or_create(&dir.path().join("k")).unwrap();
        assert_eq!(&again.open("hsm/a/root", &sealed).unwrap()[..], b"secret");
    }
}
