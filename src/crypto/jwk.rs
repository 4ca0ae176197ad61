//! The Key Vault `JsonWebKey` wire model: field names, base64url byte fields, redaction and zeroization.
//!
//! Key Vault's JWK (REST spec `JsonWebKey`, docs/rest-api.md §6) is RFC 7517 plus two quirks:
//! `kty` may carry an `-HSM` suffix (Managed HSM returns only `-HSM` types) and the BYOK blob
//! travels in a member called `key_hsm` (named `t` in the SDKs, and here).
//!
//! Byte members are base64url **without** padding on output (RFC 7515 §2). On input we are lenient:
//! padding is accepted and so is the standard alphabet (`+` `/`), because hand-written JWKs and
//! some tools emit them. A decode failure names the member so the emulator can answer
//! `BadParameter` with a useful message.
//!
//! The struct may carry private material (`d`, `p`, `q`, `dp`, `dq`, `qi`, `k`, `key_hsm`), so it is
//! zeroized on drop and its `Debug` output redacts those members.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize, Serializer};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A JSON Web Key as Key Vault sends and accepts it.
///
/// Field order follows the REST spec, which is also the order the real service emits. `None`
/// members are omitted when serialising. Everything is optional at the type level so that a
/// missing member is reported by [`crate::crypto::keyops::KeyMaterial::from_jwk`] with its name rather
/// than as a generic serde error.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
#[serde(try_from = "WireJwk")]
pub struct JsonWebKey {
    /// Key identifier: `https://{hsm}/keys/{name}/{version}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// `RSA`, `RSA-HSM`, `EC`, `EC-HSM`, `oct` or `oct-HSM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kty: Option<String>,
    /// Permitted operations (`encrypt`, `decrypt`, `sign`, `verify`, `wrapKey`, `unwrapKey`, `import`, `export`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_ops: Option<Vec<String>>,
    /// RSA modulus.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub n: Option<Vec<u8>>,
    /// RSA public exponent.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub e: Option<Vec<u8>>,
    /// RSA private exponent or EC private scalar (private).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub d: Option<Vec<u8>>,
    /// RSA `d mod (p-1)` (private).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub dp: Option<Vec<u8>>,
    /// RSA `d mod (q-1)` (private).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub dq: Option<Vec<u8>>,
    /// RSA `q^-1 mod p` (private).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub qi: Option<Vec<u8>>,
    /// RSA first prime (private).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub p: Option<Vec<u8>>,
    /// RSA second prime (private).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub q: Option<Vec<u8>>,
    /// Symmetric key bytes (private).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub k: Option<Vec<u8>>,
    /// BYOK protected key blob; `key_hsm` on the wire (private).
    #[serde(
        rename = "key_hsm",
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_b64"
    )]
    pub t: Option<Vec<u8>>,
    /// EC curve name: `P-256`, `P-256K`, `P-384`, `P-521`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crv: Option<String>,
    /// EC public x coordinate.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub x: Option<Vec<u8>>,
    /// EC public y coordinate.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_b64")]
    pub y: Option<Vec<u8>>,
}

impl JsonWebKey {
    /// True when any private member (`d`, `p`, `q`, `dp`, `dq`, `qi`, `k`, `key_hsm`) is present.
    /// Useful to refuse private members where only a public key is expected.
    pub fn has_private_material(&self) -> bool {
        [
            &self.d, &self.p, &self.q, &self.dp, &self.dq, &self.qi, &self.k, &self.t,
        ]
        .iter()
        .any(|m| m.is_some())
    }

    /// A copy with every private member removed: what the service returns in a `KeyBundle`.
    pub fn to_public(&self) -> JsonWebKey {
        // Built field by field: struct-update syntax is unavailable because the type has a Drop impl.
        let mut out = JsonWebKey::default();
        out.kty = self.kty.clone();
        out.kid = self.kid.clone();
        out.key_ops = self.key_ops.clone();
        out.n = self.n.clone();
        out.e = self.e.clone();
        out.crv = self.crv.clone();
        out.x = self.x.clone();
        out.y = self.y.clone();
        out
    }

    /// An otherwise empty JWK with the given `kty`. Because the type zeroizes on drop,
    /// struct-update syntax (`..Default::default()`) is not available; start from this (or
    /// `default()`) and assign members instead.
    pub fn with_kty(kty: &str) -> JsonWebKey {
        let mut out = JsonWebKey::default();
        out.kty = Some(kty.to_owned());
        out
    }
}

impl std::fmt::Debug for JsonWebKey {
    /// Public members are shown (as base64url); private members only as `<redacted>` so that
    /// a stray `{:?}` in a log line can never leak key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |v: &Option<Vec<u8>>| v.as_ref().map(|b| URL_SAFE_NO_PAD.encode(b));
        let hide = |v: &Option<Vec<u8>>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("JsonWebKey")
            .field("kid", &self.kid)
            .field("kty", &self.kty)
            .field("key_ops", &self.key_ops)
            .field("n", &show(&self.n))
            .field("e", &show(&self.e))
            .field("crv", &self.crv)
            .field("x", &show(&self.x))
            .field("y", &show(&self.y))
            .field("d", &hide(&self.d))
            .field("dp", &hide(&self.dp))
            .field("dq", &hide(&self.dq))
            .field("qi", &hide(&self.qi))
            .field("p", &hide(&self.p))
            .field("q", &hide(&self.q))
            .field("k", &hide(&self.k))
            .field("key_hsm", &hide(&self.t))
            .finish()
    }
}

/// Encodes bytes as base64url without padding (RFC 7515 §2), the JOSE and Key Vault convention.
pub(crate) fn b64url_encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes base64url leniently: trailing `=` padding is ignored and the standard alphabet's
/// `+`/`/` are mapped to `-`/`_`. Anything else that is not base64url is an error.
pub(crate) fn b64url_decode_lenient(s: &str) -> Result<Vec<u8>, base64::DecodeError> {
    // Padding carries no information, so it is simply dropped before decoding.
    let trimmed = s.trim_end_matches('=');
    // Only allocate a normalised copy when the standard alphabet is actually present.
    if trimmed.contains(['+', '/']) {
        let normalised: String = trimmed
            .chars()
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                other => other,
            })
            .collect();
        URL_SAFE_NO_PAD.decode(normalised)
    } else {
        URL_SAFE_NO_PAD.decode(trimmed)
    }
}

/// serde `serialize_with` helper for the optional byte members (only called for `Some`,
/// because every such member also has `skip_serializing_if = "Option::is_none"`).
fn ser_b64<S: Serializer>(value: &Option<Vec<u8>>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(bytes) => serializer.serialize_str(&b64url_encode(bytes)),
        None => serializer.serialize_none(),
    }
}

/// What actually comes off the wire: byte members still as strings. Decoding happens in
/// `TryFrom` so that an error can name the offending member. Zeroized on drop because the
/// strings may hold private material.
#[derive(Deserialize, Zeroize, ZeroizeOnDrop)]
struct WireJwk {
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    kty: Option<String>,
    #[serde(default)]
    key_ops: Option<Vec<String>>,
    #[serde(default)]
    n: Option<String>,
    #[serde(default)]
    e: Option<String>,
    #[serde(default)]
    d: Option<String>,
    #[serde(default)]
    dp: Option<String>,
    #[serde(default)]
    dq: Option<String>,
    #[serde(default)]
    qi: Option<String>,
    #[serde(default)]
    p: Option<String>,
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    k: Option<String>,
    #[serde(default, rename = "key_hsm")]
    t: Option<String>,
    #[serde(default)]
    crv: Option<String>,
    #[serde(default)]
    x: Option<String>,
    #[serde(default)]
    y: Option<String>,
}

impl TryFrom<WireJwk> for JsonWebKey {
    type Error = String;

    fn try_from(w: WireJwk) -> Result<Self, Self::Error> {
        // Decode one optional member, naming it in the error.
        // The `String` error becomes a serde custom error, so serde_json prefixes the location.
        fn dec(name: &str, v: &Option<String>) -> Result<Option<Vec<u8>>, String> {
            v.as_deref()
                .map(|s| {
                    b64url_decode_lenient(s)
                        .map_err(|_| format!("JWK member '{name}' is not valid base64url"))
                })
                .transpose()
        }
        Ok(JsonWebKey {
            // Clones, not moves: `WireJwk` zeroizes on drop, which forbids moving fields out.
            kid: w.kid.clone(),
            kty: w.kty.clone(),
            key_ops: w.key_ops.clone(),
            n: dec("n", &w.n)?,
            e: dec("e", &w.e)?,
            d: dec("d", &w.d)?,
            dp: dec("dp", &w.dp)?,
            dq: dec("dq", &w.dq)?,
            qi: dec("qi", &w.qi)?,
            p: dec("p", &w.p)?,
            q: dec("q", &w.q)?,
            k: dec("k", &w.k)?,
            t: dec("key_hsm", &w.t)?,
            crv: w.crv.clone(),
            x: dec("x", &w.x)?,
            y: dec("y", &w.y)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_without_padding_and_skips_none() {
        let mut jwk = JsonWebKey::with_kty("RSA-HSM");
        jwk.n = Some(vec![0xfb, 0xff]);
        jwk.e = Some(vec![1, 0, 1]);
        let s = serde_json::to_string(&jwk).unwrap();
        // `-` and `_` prove the URL-safe alphabet; no `=` proves no padding.
        assert_eq!(s, r#"{"kty":"RSA-HSM","n":"-_8","e":"AQAB"}"#);
    }

    #[test]
    fn decodes_leniently() {
        let a: JsonWebKey = serde_json::from_str(r#"{"n":"-_8","k":"AQI="}"#).unwrap();
        let b: JsonWebKey = serde_json::from_str(r#"{"n":"+/8=","k":"AQI"}"#).unwrap();
        assert_eq!(a.n, Some(vec![0xfb, 0xff]));
        assert_eq!(a, b);
        assert_eq!(a.k, Some(vec![1, 2]));
    }

    #[test]
    fn bad_base64_names_member() {
        let err = serde_json::from_str::<JsonWebKey>(r#"{"kty":"EC","x":"!!"}"#).unwrap_err();
        assert!(err.to_string().contains("'x'"), "{err}");
    }

    #[test]
    fn key_hsm_wire_name_and_round_trip() {
        let jwk: JsonWebKey =
            serde_json::from_str(r#"{"kty":"RSA-HSM","key_hsm":"AAEC","key_ops":["sign"]}"#)
                .unwrap();
        assert_eq!(jwk.t, Some(vec![0, 1, 2]));
        let back = serde_json::to_value(&jwk).unwrap();
        assert_eq!(back["key_hsm"], "AAEC");
        assert_eq!(back["key_ops"][0], "sign");
    }

    #[test]
    fn debug_redacts_private_members() {
        let mut jwk = JsonWebKey::with_kty("oct-HSM");
        jwk.k = Some(vec![0x42; 16]);
        jwk.d = Some(vec![0x43; 32]);
        let dbg = format!("{jwk:?}");
        assert!(dbg.contains("<redacted>"));
        assert!(!dbg.contains(&b64url_encode(&[0x42; 16])));
        assert!(!dbg.contains(&b64url_encode(&[0x43; 32])));
        assert!(jwk.has_private_material());
        assert!(!jwk.to_public().has_private_material());
    }
}
