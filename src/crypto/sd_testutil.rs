//! Test-only helpers for the security-domain crypto tests: locating and reading the shared
//! vectors (`shared/vectors/security-domain/`, described in its README.md), hex helpers and a
//! deterministic random generator. Compiled only under `cfg(test)`.
//!
//! The vector directory is `concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/vectors/…")`: in the
//! main project (`/work/main`) that is `/work/shared/…`; in the scratch crate a symlink
//! `/work/scratch/shared -> /work/shared` makes the same expression work.

use std::path::PathBuf;

/// Root of the security-domain vectors.
pub const VECTORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/vectors/security-domain"
);

/// Absolute path of a vector file given relative to [`VECTORS`].
pub fn vpath(rel: &str) -> PathBuf {
    PathBuf::from(VECTORS).join(rel)
}

/// Raw bytes of a vector file (panics with the path on failure: tests only).
pub fn read(rel: &str) -> Vec<u8> {
    let p = vpath(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A vector file as UTF-8 text.
pub fn read_str(rel: &str) -> String {
    String::from_utf8(read(rel)).expect("vector file is UTF-8")
}

/// A vector file parsed as JSON.
pub fn load_json(rel: &str) -> serde_json::Value {
    serde_json::from_slice(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Lower-case hex.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Hex to bytes (whitespace trimmed).
pub fn unhex(s: &str) -> Vec<u8> {
    let s = s.trim();
    assert!(s.len().is_multiple_of(2), "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// The random generator used by the tests. aws-lc-rs's `SecureRandom` is sealed: a
/// deterministic test generator would need its `dev-tests-only` feature, which makes every
/// non-dev-profile build of the crate panic, so tests use the real system generator and the
/// deterministic vector checks go through the explicit-coefficient / explicit-IV functions.
pub fn rng() -> aws_lc_rs::rand::SystemRandom {
    aws_lc_rs::rand::SystemRandom::new()
}
