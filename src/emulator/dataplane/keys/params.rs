//! Validation of key requests (rest-api.md §6, §7.1): key type, size and curve of a create,
//! `key_ops`, attributes, tags and release policies, each refused with a 400 `BadParameter`
//! that says what is accepted. Plain `RSA`/`EC`/`oct` are accepted and stored as `-HSM` (R9).

use std::collections::BTreeMap;

use crate::crypto::keyops::{AES_SIZES, Curve, KeyKind, KeyMaterial, KeyOpError, RSA_SIZES};
use crate::emulator::error::{ApiError, ApiResult};
use crate::wire::keys::{KeyAttributes, KeyCreateParameters, KeyReleasePolicy};

/// The `key_ops` names, as the service spells them.
pub const KEY_OPS: [&str; 8] = [
    "encrypt",
    "decrypt",
    "sign",
    "verify",
    "wrapKey",
    "unwrapKey",
    "import",
    "export",
];

/// Default `contentType` of a release policy.
pub const RELEASE_POLICY_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// The service's refusal of a release policy on a non-exportable key.
pub const NOT_EXPORTABLE_WITH_POLICY: &str =
    "AKV.SKR.1005: Non-exportable keys must not have release policy.";

/// Tags per key version (the Key Vault limit), and the lengths of a tag's name and value.
pub const MAX_TAGS: usize = 15;
const MAX_TAG_NAME: usize = 512;
const MAX_TAG_VALUE: usize = 256;

pub fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request("BadParameter", msg)
}

/// A crypto-module error as the service answers it: 400, or 500 for internal failures.
pub fn crypto_err(e: KeyOpError) -> ApiError {
    match e {
        KeyOpError::Internal(_) | KeyOpError::CorruptKeyMaterial => {
            ApiError::internal(e.to_string())
        }
        other => bad(other.to_string()),
    }
}

/// Parses a JSON body, or 400.
pub fn json<T: serde::de::DeserializeOwned>(body: &[u8], what: &str) -> ApiResult<T> {
    if body.is_empty() {
        return Err(bad(format!("The request body of {what} is missing.")));
    }
    serde_json::from_slice(body)
        .map_err(|e| bad(format!("The request body of {what} is not valid: {e}.")))
}

/// What a create asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySpec {
    Rsa {
        bits: u32,
        public_exponent: Option<u32>,
    },
    Ec(Curve),
    Oct(u32),
}

impl KeySpec {
    pub fn generate(self) -> ApiResult<KeyMaterial> {
        match self {
            KeySpec::Rsa {
                bits,
                public_exponent,
            } => KeyMaterial::generate_rsa(bits, public_exponent),
            KeySpec::Ec(c) => KeyMaterial::generate_ec(c),
            KeySpec::Oct(bits) => KeyMaterial::generate_oct(bits),
        }
        .map_err(crypto_err)
    }

    /// The spec of a key like `m` (rotation: same type, size and curve).
    pub fn like(kind: KeyKind, size_bits: u32, curve: Option<Curve>) -> KeySpec {
        match (kind, curve) {
            (KeyKind::Rsa, _) => KeySpec::Rsa {
                bits: size_bits,
                public_exponent: None,
            },
            (KeyKind::Ec, Some(c)) => KeySpec::Ec(c),
            (KeyKind::Ec, None) => KeySpec::Ec(Curve::P256),
            (KeyKind::Oct, _) => KeySpec::Oct(size_bits),
        }
    }
}

/// Parses a `kty` (plain or `-HSM`).
pub fn kind(kty: &str) -> ApiResult<KeyKind> {
    KeyKind::from_kty(kty).map_err(|_| {
        bad(format!(
            "The key type '{kty}' is not supported by Managed HSM: use RSA-HSM, EC-HSM or oct-HSM (RSA, EC and oct are accepted and stored as -HSM)."
        ))
    })
}

fn curve(name: &str) -> ApiResult<Curve> {
    Curve::from_jwk_name(name).map_err(|_| {
        bad(format!(
            "The curve '{name}' is not supported: use P-256, P-256K, P-384 or P-521."
        ))
    })
}

/// Type, size and curve of a create (defaults: RSA 2048, EC P-256, oct 256).
pub fn create_spec(p: &KeyCreateParameters) -> ApiResult<KeySpec> {
    // `kty` is optional on the wire only for external keys (`attributes.external_key`).
    if p.kty.is_empty() {
        return Err(bad(
            "The request body of the key creation is not valid: missing field `kty` (RSA-HSM, EC-HSM or oct-HSM; an external key sends attributes.external_key instead).",
        ));
    }
    match kind(&p.kty)? {
        KeyKind::Rsa => {
            if let Some(c) = &p.crv {
                return Err(bad(format!(
                    "The curve '{c}' cannot be used with an RSA key: 'crv' applies to EC keys only."
                )));
            }
            let bits = p.key_size.unwrap_or(2048);
            if !RSA_SIZES.contains(&bits) {
                return Err(bad(format!(
                    "The RSA key size {bits} is not supported: use 2048, 3072 or 4096."
                )));
            }
            if let Some(e) = p.public_exponent
                && e != 65537
            {
                return Err(bad(format!(
                    "The public exponent {e} is not supported: only 65537 is."
                )));
            }
            Ok(KeySpec::Rsa {
                bits,
                public_exponent: p.public_exponent,
            })
        }
        KeyKind::Ec => {
            let c = match (&p.crv, p.key_size) {
                (Some(c), _) => curve(c)?,
                (None, None | Some(256)) => Curve::P256,
                (None, Some(384)) => Curve::P384,
                (None, Some(521)) => Curve::P521,
                (None, Some(n)) => {
                    return Err(bad(format!(
                        "The EC key size {n} is not supported: give a curve (crv) of P-256, P-256K, P-384 or P-521."
                    )));
                }
            };
            if let Some(n) = p.key_size
                && n != c.bits()
            {
                return Err(bad(format!(
                    "The key size {n} does not match the curve {c} ({} bits).",
                    c.bits()
                )));
            }
            Ok(KeySpec::Ec(c))
        }
        KeyKind::Oct => {
            if let Some(c) = &p.crv {
                return Err(bad(format!(
                    "The curve '{c}' cannot be used with an oct key: 'crv' applies to EC keys only."
                )));
            }
            let bits = p.key_size.unwrap_or(256);
            if !AES_SIZES.contains(&bits) {
                return Err(bad(format!(
                    "The oct (AES) key size {bits} is not supported: use 128, 192 or 256."
                )));
            }
            Ok(KeySpec::Oct(bits))
        }
    }
}

/// Validates `key_ops` for a key of `kind`; names are matched case-insensitively and returned
/// in the service's spelling, duplicates removed. `None` gives the kind's default.
pub fn key_ops(kind: KeyKind, ops: Option<&[String]>) -> ApiResult<Vec<String>> {
    let Some(ops) = ops else {
        return Ok(kind
            .default_key_ops()
            .iter()
            .map(|s| s.to_string())
            .collect());
    };
    let allowed: &[&str] = match kind {
        KeyKind::Rsa => &KEY_OPS,
        KeyKind::Ec => &["sign", "verify", "import", "export"],
        // HS256/384/512 make sign and verify meaningful for AES keys on Managed HSM.
        KeyKind::Oct => &KEY_OPS,
    };
    let mut out: Vec<String> = Vec::new();
    for op in ops {
        let Some(canon) = KEY_OPS.iter().find(|k| k.eq_ignore_ascii_case(op)) else {
            return Err(bad(format!(
                "The key operation '{op}' is not valid: use {}.",
                KEY_OPS.join(", ")
            )));
        };
        if !allowed.contains(canon) {
            return Err(bad(format!(
                "The key operation '{canon}' is not valid for a key of type {}: use {}.",
                kind.hsm_kty(),
                allowed.join(", ")
            )));
        }
        if !out.iter().any(|o| o == canon) {
            out.push(canon.to_string());
        }
    }
    Ok(out)
}

/// Settable attributes of a new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settable {
    pub enabled: bool,
    pub nbf: Option<i64>,
    pub exp: Option<i64>,
    pub exportable: bool,
}

/// Attributes of a create or import (read-only members are ignored, as the service does).
pub fn attributes(a: Option<&KeyAttributes>) -> ApiResult<Settable> {
    let a = a.cloned().unwrap_or_default();
    let s = Settable {
        enabled: a.enabled.unwrap_or(true),
        nbf: a.nbf,
        exp: a.exp,
        exportable: a.exportable.unwrap_or(false),
    };
    check_window(s.nbf, s.exp)?;
    Ok(s)
}

/// `exp` must come after `nbf`.
pub fn check_window(nbf: Option<i64>, exp: Option<i64>) -> ApiResult<()> {
    if let (Some(n), Some(e)) = (nbf, exp)
        && e <= n
    {
        return Err(bad(format!(
            "The expiry time (exp = {e}) must be later than the activation time (nbf = {n})."
        )));
    }
    Ok(())
}

/// Validates tags.
pub fn tags(t: Option<&BTreeMap<String, String>>) -> ApiResult<Option<BTreeMap<String, String>>> {
    let Some(t) = t else { return Ok(None) };
    if t.len() > MAX_TAGS {
        return Err(bad(format!(
            "A key can have at most {MAX_TAGS} tags; {} were given.",
            t.len()
        )));
    }
    for (k, v) in t {
        if k.is_empty() || k.chars().count() > MAX_TAG_NAME {
            return Err(bad(format!(
                "Tag names must have 1 to {MAX_TAG_NAME} characters; '{k}' does not."
            )));
        }
        if v.chars().count() > MAX_TAG_VALUE {
            return Err(bad(format!(
                "The value of tag '{k}' is longer than {MAX_TAG_VALUE} characters."
            )));
        }
    }
    Ok(Some(t.clone()))
}

/// Validates a release policy: `data` must be base64url of a policy JSON object
/// (`{"version", "anyOf"|"allOf"}`, rest-api.md §7.2); `contentType` defaults to JSON and
/// `immutable` to false.
pub fn release_policy(p: Option<&KeyReleasePolicy>) -> ApiResult<Option<KeyReleasePolicy>> {
    let Some(p) = p else { return Ok(None) };
    let content_type = p
        .content_type
        .clone()
        .unwrap_or_else(|| RELEASE_POLICY_CONTENT_TYPE.to_string());
    let ct = content_type.to_ascii_lowercase().replace(' ', "");
    if ct != "application/json" && ct != "application/json;charset=utf-8" {
        return Err(bad(format!(
            "The release policy content type '{content_type}' is not supported: use '{RELEASE_POLICY_CONTENT_TYPE}'."
        )));
    }
    let data = p
        .data
        .as_deref()
        .filter(|d| !d.is_empty())
        .ok_or_else(|| bad("The release policy has no 'data' (the base64url policy JSON)."))?;
    let raw = crate::crypto::b64::b64url_decode_lenient(data)
        .map_err(|_| bad("The release policy 'data' is not valid base64url."))?;
    let doc: serde_json::Value = serde_json::from_slice(&raw)
        .map_err(|e| bad(format!("The release policy 'data' is not JSON: {e}.")))?;
    // The grammar of crypto::release (G1): the same parser the release evaluates with.
    crate::crypto::release::parse_policy(&doc).map_err(|e| bad(format!("{e}.")))?;
    Ok(Some(KeyReleasePolicy {
        content_type: Some(content_type),
        immutable: Some(p.immutable.unwrap_or(false)),
        data: Some(data.to_string()),
    }))
}

/// Everything about a new version besides its material.
#[derive(Debug, Clone, PartialEq)]
pub struct NewVersion {
    pub key_ops: Vec<String>,
    pub attrs: Settable,
    pub tags: Option<BTreeMap<String, String>>,
    pub release_policy: Option<KeyReleasePolicy>,
}

/// Validates the common part of create and import. An exportable key needs a release policy
/// (S1: "required when creating the first version of an exportable key").
pub fn new_version(
    kind: KeyKind,
    ops: Option<&[String]>,
    attrs: Option<&KeyAttributes>,
    t: Option<&BTreeMap<String, String>>,
    rp: Option<&KeyReleasePolicy>,
) -> ApiResult<NewVersion> {
    let attrs = attributes(attrs)?;
    let release_policy = release_policy(rp)?;
    // The service's own texts (I-py29945, az pain point 13).
    if attrs.exportable && release_policy.is_none() {
        return Err(bad(
            "AKV.SKR.1004: Exportable keys must have release policy.",
        ));
    }
    if !attrs.exportable && release_policy.is_some() {
        return Err(bad(NOT_EXPORTABLE_WITH_POLICY));
    }
    Ok(NewVersion {
        key_ops: key_ops(kind, ops)?,
        attrs,
        tags: tags(t)?,
        release_policy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn create(kty: &str, size: Option<u32>, crv: Option<&str>) -> ApiResult<KeySpec> {
        create_spec(&KeyCreateParameters {
            kty: kty.into(),
            key_size: size,
            crv: crv.map(String::from),
            ..Default::default()
        })
    }

    #[test]
    fn create_specs_defaults_and_refusals() {
        assert_eq!(
            create("RSA", None, None).unwrap(),
            KeySpec::Rsa {
                bits: 2048,
                public_exponent: None
            }
        );
        assert_eq!(create("oct-HSM", None, None).unwrap(), KeySpec::Oct(256));
        assert_eq!(create("EC", None, None).unwrap(), KeySpec::Ec(Curve::P256));
        assert_eq!(
            create("EC-HSM", None, Some("P-256K")).unwrap(),
            KeySpec::Ec(Curve::P256K)
        );
        assert_eq!(
            create("EC", Some(521), None).unwrap(),
            KeySpec::Ec(Curve::P521)
        );
        for (kty, size, crv, needle) in [
            ("RSA", Some(1024), None, "2048, 3072 or 4096"),
            ("oct", Some(512), None, "128, 192 or 256"),
            ("EC", None, Some("P-224"), "P-256, P-256K"),
            ("EC", Some(384), Some("P-256"), "does not match"),
            ("RSA", None, Some("P-256"), "EC keys only"),
            ("DSA", None, None, "RSA-HSM, EC-HSM or oct-HSM"),
        ] {
            let e = create(kty, size, crv).unwrap_err();
            assert_eq!(e.code, "BadParameter");
            assert!(e.message.contains(needle), "{kty}: {}", e.message);
        }
    }

    #[test]
    fn key_ops_are_canonical_and_fit_the_kind() {
        assert_eq!(
            key_ops(KeyKind::Rsa, None).unwrap(),
            [
                "wrapKey",
                "decrypt",
                "encrypt",
                "unwrapKey",
                "sign",
                "verify"
            ]
        );
        let ops = vec!["SIGN".to_string(), "wrapkey".into(), "sign".into()];
        assert_eq!(
            key_ops(KeyKind::Oct, Some(&ops)).unwrap(),
            ["sign", "wrapKey"]
        );
        assert!(key_ops(KeyKind::Ec, Some(&["encrypt".to_string()])).is_err());
        assert!(key_ops(KeyKind::Rsa, Some(&["derive".to_string()])).is_err());
        assert_eq!(
            key_ops(KeyKind::Ec, Some(&[])).unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn attributes_tags_and_release_policies() {
        let a = attributes(None).unwrap();
        assert!(a.enabled && !a.exportable && a.nbf.is_none());
        assert!(
            attributes(Some(&KeyAttributes {
                nbf: Some(10),
                exp: Some(10),
                ..Default::default()
            }))
            .is_err()
        );
        let many: BTreeMap<String, String> = (0..16)
            .map(|i| (format!("t{i}"), "v".to_string()))
            .collect();
        assert!(tags(Some(&many)).is_err());
        let data = crate::crypto::b64::b64url_encode(
            br#"{"version":"1.0.0","anyOf":[{"authority":"https://a","allOf":[{"claim":"x","equals":true}]}]}"#,
        );
        let p = release_policy(Some(&KeyReleasePolicy {
            data: Some(data.clone()),
            ..Default::default()
        }))
        .unwrap()
        .unwrap();
        assert_eq!(p.content_type.as_deref(), Some(RELEASE_POLICY_CONTENT_TYPE));
        assert_eq!(p.immutable, Some(false));
        for bad_data in [
            "!!",
            &crate::crypto::b64::b64url_encode(b"[1]"),
            &crate::crypto::b64::b64url_encode(br#"{"version":"1.0.0"}"#),
        ] {
            assert!(
                release_policy(Some(&KeyReleasePolicy {
                    data: Some(bad_data.to_string()),
                    ..Default::default()
                }))
                .is_err(),
                "{bad_data}"
            );
        }
        let exportable = KeyAttributes {
            exportable: Some(true),
            ..Default::default()
        };
        let e = new_version(KeyKind::Rsa, None, Some(&exportable), None, None).unwrap_err();
        assert!(e.message.contains("release policy"));
    }
}
