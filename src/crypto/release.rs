//! Secure key release, the pure part (service-facts.md §5.2–§5.3, rest-api.md §7.2): the
//! release-policy grammar and its evaluation against attestation claims, the choice of the
//! runtime (TEE) key in a token, the `RSA_AES` key wraps that carry the released key, the
//! `key_hsm` envelope, and the compact RS256 JWS both the attestation token and the release
//! response are.
//!
//! Policy grammar (Microsoft's `key-management-policy-grammar`, G1):
//! `{"version":"1.0.0","anyOf"|"allOf":[{"authority":"<issuer>","anyOf"|"allOf":[Condition…]}]}`
//! where a Condition is `{"claim":"a.b.c","equals":<bool|number|string>}` or a nested
//! `{"anyOf"|"allOf":[Condition…]}`. `equals` is the only operator, a missing claim is false,
//! array and object claims never match. The 7.3-preview spelling
//! `{"claim":…,"condition":"equals","value":…}` (the SDK test fixtures) is accepted as well.
//! Comparison is loose between a string and a boolean or number (`"true"` matches `true`), as
//! the .NET SDK tests show the service doing (I-net38375).
//!
//! Wrapping (`CKM_RSA_AES_KEY_WRAP`, PKCS#11 v2.40 §2.1.21, as the SKR sidecar unwraps it):
//! `RSA-OAEP(KEK) ‖ AES-KWP(KEK, key)` with a fresh AES-256 KEK, the OAEP part exactly as long
//! as the modulus, AES-KWP per RFC 5649. The OAEP hash (and MGF1 hash) is SHA-1 for
//! `CKM_RSA_AES_KEY_WRAP`, SHA-256 for `RSA_AES_KEY_WRAP_256`, SHA-384 for
//! `RSA_AES_KEY_WRAP_384`. The wrapped plaintext is the raw key for `oct` and PKCS#8 DER for
//! RSA and EC.

use aws_lc_rs::key_wrap::{AES_256, AesKek, KeyWrapPadded as _};
use aws_lc_rs::rand::SecureRandom as _;
use aws_lc_rs::rsa::{
    OAEP_SHA1_MGF1SHA1, OAEP_SHA256_MGF1SHA256, OAEP_SHA384_MGF1SHA384, OaepAlgorithm,
    OaepPrivateDecryptingKey, OaepPublicEncryptingKey, PrivateDecryptingKey, PublicEncryptingKey,
};
use aws_lc_rs::signature::{RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256, RsaKeyPair};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::b64::{b64url_decode_lenient, b64url_encode};
use super::cert::RsaPublic;

/// Why a release step failed; the message is meant for the caller of the release.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReleaseError {
    /// The release policy document does not follow the grammar.
    #[error("{0}")]
    BadPolicy(String),
    /// The token (or JWS) is not a well-formed compact JWS / JWT.
    #[error("{0}")]
    Malformed(String),
    /// The signature does not verify.
    #[error("{0}")]
    BadSignature(String),
    /// The claims do not satisfy the policy.
    #[error("{0}")]
    PolicyNotSatisfied(String),
    /// The token has no usable runtime (TEE) key.
    #[error("{0}")]
    NoRuntimeKey(String),
    /// Wrap or unwrap failed.
    #[error("{0}")]
    Wrap(String),
}

type Result<T> = std::result::Result<T, ReleaseError>;

// ----- key encryption algorithms -----------------------------------------------------------------

/// `KeyEncryptionAlgorithm` of a release (`enc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseEnc {
    /// OAEP with SHA-1 (the service's default when `enc` is absent [inferred from the sidecar,
    /// which sends none and unwraps with the `enc` echoed in the JWS]).
    CkmRsaAesKeyWrap,
    RsaAesKeyWrap256,
    RsaAesKeyWrap384,
}

impl ReleaseEnc {
    pub const ALL: [ReleaseEnc; 3] = [
        ReleaseEnc::CkmRsaAesKeyWrap,
        ReleaseEnc::RsaAesKeyWrap256,
        ReleaseEnc::RsaAesKeyWrap384,
    ];

    /// Parses the REST spelling (exact, as the service's enum is).
    pub fn parse(s: &str) -> Option<ReleaseEnc> {
        Self::ALL.into_iter().find(|e| e.name() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            ReleaseEnc::CkmRsaAesKeyWrap => "CKM_RSA_AES_KEY_WRAP",
            ReleaseEnc::RsaAesKeyWrap256 => "RSA_AES_KEY_WRAP_256",
            ReleaseEnc::RsaAesKeyWrap384 => "RSA_AES_KEY_WRAP_384",
        }
    }

    fn oaep(self) -> &'static OaepAlgorithm {
        match self {
            ReleaseEnc::CkmRsaAesKeyWrap => &OAEP_SHA1_MGF1SHA1,
            ReleaseEnc::RsaAesKeyWrap256 => &OAEP_SHA256_MGF1SHA256,
            ReleaseEnc::RsaAesKeyWrap384 => &OAEP_SHA384_MGF1SHA384,
        }
    }
}

/// Wraps `plaintext` to the RSA public key (`n`, `e` big-endian): `RSA-OAEP(KEK) ‖ KWP(KEK, p)`.
pub fn wrap(enc: ReleaseEnc, n: &[u8], e: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
    let public = RsaPublic::from_components(n, e)
        .map_err(|e| ReleaseError::NoRuntimeKey(format!("the runtime key is not usable: {e}")))?;
    let key = PublicEncryptingKey::from_der(public.spki_der())
        .map_err(|e| ReleaseError::NoRuntimeKey(format!("the runtime key is not usable: {e}")))?;
    let oaep = OaepPublicEncryptingKey::new(key)
        .map_err(|e| ReleaseError::Wrap(format!("RSA-OAEP key: {e}")))?;
    let mut kek = Zeroizing::new([0u8; 32]);
    aws_lc_rs::rand::SystemRandom::new()
        .fill(kek.as_mut())
        .map_err(|_| ReleaseError::Wrap("no system randomness".into()))?;
    let mut out = vec![0u8; oaep.ciphertext_size()];
    let len = oaep
        .encrypt(enc.oaep(), kek.as_ref(), &mut out, None)
        .map_err(|e| ReleaseError::Wrap(format!("RSA-OAEP: {e}")))?
        .len();
    out.truncate(len);
    let aes = AesKek::new(&AES_256, kek.as_ref())
        .map_err(|e| ReleaseError::Wrap(format!("AES key-wrap key: {e}")))?;
    // RFC 5649: the input padded to a multiple of 8 plus the 8-byte AIV.
    let mut wrapped = vec![0u8; plaintext.len().div_ceil(8) * 8 + 8];
    let wlen = aes
        .wrap_with_padding(plaintext, &mut wrapped)
        .map_err(|e| ReleaseError::Wrap(format!("AES-KWP: {e}")))?
        .len();
    out.extend_from_slice(&wrapped[..wlen]);
    Ok(out)
}

/// Inverse of [`wrap`] with the runtime private key (PKCS#8 DER).
pub fn unwrap(enc: ReleaseEnc, pkcs8: &[u8], ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let key = PrivateDecryptingKey::from_pkcs8(pkcs8).map_err(|e| {
        ReleaseError::Wrap(format!("the runtime private key is not an RSA key: {e}"))
    })?;
    let oaep = OaepPrivateDecryptingKey::new(key)
        .map_err(|e| ReleaseError::Wrap(format!("RSA-OAEP key: {e}")))?;
    let k = oaep.key_size_bytes();
    if ciphertext.len() <= k {
        return Err(ReleaseError::Wrap(format!(
            "the ciphertext ({} bytes) is not longer than the runtime key's modulus ({k} bytes)",
            ciphertext.len()
        )));
    }
    let (head, tail) = ciphertext.split_at(k);
    let mut kek = Zeroizing::new(vec![0u8; k]);
    let klen = oaep
        .decrypt(enc.oaep(), head, &mut kek, None)
        .map_err(|_| {
            ReleaseError::Wrap(format!(
                "RSA-OAEP ({}) decryption failed: wrong runtime key or wrong enc",
                enc.name()
            ))
        })?
        .len();
    kek.truncate(klen);
    let cipher = match klen {
        16 => &aws_lc_rs::key_wrap::AES_128,
        32 => &AES_256,
        n => return Err(ReleaseError::Wrap(format!("unexpected KEK length {n}"))),
    };
    let aes = AesKek::new(cipher, &kek).map_err(|e| ReleaseError::Wrap(format!("{e}")))?;
    let mut out = Zeroizing::new(vec![0u8; tail.len()]);
    let len = aes
        .unwrap_with_padding(tail, &mut out)
        .map_err(|_| ReleaseError::Wrap("AES-KWP integrity check failed".into()))?
        .len();
    out.truncate(len);
    Ok(out)
}

/// The `key_hsm` member of a released key: b64url of
/// `{"schema_version":"1.0","header":{"kid","alg":"dir","enc"},"ciphertext":b64url}`.
pub fn key_hsm(enc: ReleaseEnc, wrapping_kid: &str, ciphertext: &[u8]) -> String {
    let doc = json!({
        "schema_version": "1.0",
        "header": {"kid": wrapping_kid, "alg": "dir", "enc": enc.name()},
        "ciphertext": b64url_encode(ciphertext),
    });
    b64url_encode(doc.to_string().as_bytes())
}

/// The ciphertext inside a `key_hsm`.
pub fn key_hsm_ciphertext(key_hsm: &str) -> Result<Vec<u8>> {
    let raw = b64url_decode_lenient(key_hsm)
        .map_err(|_| ReleaseError::Malformed("key_hsm is not base64url".into()))?;
    let doc: Value = serde_json::from_slice(&raw)
        .map_err(|e| ReleaseError::Malformed(format!("key_hsm is not JSON: {e}")))?;
    let ct = doc["ciphertext"]
        .as_str()
        .ok_or_else(|| ReleaseError::Malformed("key_hsm has no ciphertext".into()))?;
    b64url_decode_lenient(ct)
        .map_err(|_| ReleaseError::Malformed("key_hsm ciphertext is not base64url".into()))
}

// ----- compact JWS ---------------------------------------------------------------------------

/// A compact JWS split into its parts (nothing verified yet).
#[derive(Debug, Clone)]
pub struct Jws {
    pub header: Value,
    pub payload: Value,
    /// `b64(header) "." b64(payload)`: the signed bytes.
    pub signing_input: String,
    pub signature: Vec<u8>,
}

impl Jws {
    pub fn parse(token: &str) -> Result<Jws> {
        let token = token.trim();
        let parts: Vec<&str> = token.split('.').collect();
        let [h, p, s] = parts.as_slice() else {
            return Err(ReleaseError::Malformed(format!(
                "a compact JWS has 3 dot-separated parts; this one has {}",
                parts.len()
            )));
        };
        let dec = |what: &str, x: &str| -> Result<Vec<u8>> {
            b64url_decode_lenient(x)
                .map_err(|_| ReleaseError::Malformed(format!("the JWS {what} is not base64url")))
        };
        let header: Value = serde_json::from_slice(&dec("header", h)?)
            .map_err(|e| ReleaseError::Malformed(format!("the JWS header is not JSON: {e}")))?;
        let payload: Value = serde_json::from_slice(&dec("payload", p)?)
            .map_err(|e| ReleaseError::Malformed(format!("the JWS payload is not JSON: {e}")))?;
        if !header.is_object() || !payload.is_object() {
            return Err(ReleaseError::Malformed(
                "the JWS header and payload must be JSON objects".into(),
            ));
        }
        Ok(Jws {
            header,
            payload,
            signing_input: format!("{h}.{p}"),
            signature: dec("signature", s)?,
        })
    }

    /// Verifies an RS256 signature with the RSA public key (`n`, `e` big-endian).
    pub fn verify_rs256(&self, n: &[u8], e: &[u8]) -> Result<()> {
        if self.header["alg"] != "RS256" {
            return Err(ReleaseError::Malformed(format!(
                "the JWS algorithm {} is not accepted (RS256 only)",
                self.header["alg"]
            )));
        }
        aws_lc_rs::signature::RsaPublicKeyComponents { n, e }
            .verify(
                &RSA_PKCS1_2048_8192_SHA256,
                self.signing_input.as_bytes(),
                &self.signature,
            )
            .map_err(|_| ReleaseError::BadSignature("the JWS signature does not verify".into()))
    }
}

/// Signs `payload` as a compact RS256 JWS with `header` (its `alg` is set to RS256).
pub fn sign_rs256(header: &Value, payload: &Value, key: &RsaKeyPair) -> Result<String> {
    let mut header = header.clone();
    header["alg"] = json!("RS256");
    let input = format!(
        "{}.{}",
        b64url_encode(header.to_string().as_bytes()),
        b64url_encode(payload.to_string().as_bytes())
    );
    let mut sig = vec![0u8; key.public_modulus_len()];
    key.sign(
        &RSA_PKCS1_SHA256,
        &aws_lc_rs::rand::SystemRandom::new(),
        input.as_bytes(),
        &mut sig,
    )
    .map_err(|_| ReleaseError::Wrap("RS256 signing failed".into()))?;
    Ok(format!("{input}.{}", b64url_encode(&sig)))
}

/// `n` and `e` of an RSA JWK (b64url members).
pub fn rsa_jwk_components(jwk: &Value) -> Result<(Vec<u8>, Vec<u8>)> {
    let member = |m: &str| -> Result<Vec<u8>> {
        let s = jwk[m]
            .as_str()
            .ok_or_else(|| ReleaseError::NoRuntimeKey(format!("the RSA key has no '{m}'")))?;
        b64url_decode_lenient(s).map_err(|_| {
            ReleaseError::NoRuntimeKey(format!("the RSA key's '{m}' is not base64url"))
        })
    };
    if jwk["kty"].as_str().map(|k| k.trim_end_matches("-HSM")) != Some("RSA") {
        return Err(ReleaseError::NoRuntimeKey(format!(
            "the key is of type {}, not RSA",
            jwk["kty"]
        )));
    }
    Ok((member("n")?, member("e")?))
}

// ----- runtime key ---------------------------------------------------------------------------

/// Where attestation services put the TEE's keys: MAA's SNP/TDX/SGX tokens and the SDK mock
/// use `x-ms-runtime.keys`; the grammar page names `x-ms-runtime-claims/keys`; guest
/// attestation nests the runtime under `x-ms-isolation-tee`.
const RUNTIME_KEY_PATHS: [&[&str]; 3] = [
    &["x-ms-runtime", "keys"],
    &["x-ms-runtime-claims", "keys"],
    &["x-ms-isolation-tee", "x-ms-runtime", "keys"],
];

/// The runtime key of a token: the first JWK with `key_use`/`use` `enc` or `key_ops`
/// containing `encrypt` (G1), which must be RSA. Returns the JWK.
pub fn runtime_key(claims: &Value) -> Result<Value> {
    for path in RUNTIME_KEY_PATHS {
        let mut v = claims;
        for seg in path {
            v = &v[*seg];
        }
        let Some(keys) = v.as_array() else { continue };
        let pick = keys.iter().find(|k| {
            k["key_use"] == "enc"
                || k["use"] == "enc"
                || k["key_ops"]
                    .as_array()
                    .is_some_and(|o| o.iter().any(|x| x == "encrypt"))
        });
        if let Some(k) = pick {
            rsa_jwk_components(k)?;
            return Ok(k.clone());
        }
    }
    Err(ReleaseError::NoRuntimeKey(
        "the attestation token carries no encryption key: expected a JWKS in 'x-ms-runtime.keys' with a key whose key_use is 'enc' or whose key_ops contain 'encrypt'".into(),
    ))
}

// ----- policy --------------------------------------------------------------------------------

/// A parsed release policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub version: String,
    /// `true` = allOf over the authority rules, `false` = anyOf.
    pub all: bool,
    pub rules: Vec<AuthorityRule>,
}

/// One authority's conditions.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorityRule {
    pub authority: String,
    pub condition: Condition,
}

/// A condition tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Claim { claim: String, equals: Value },
    AllOf(Vec<Condition>),
    AnyOf(Vec<Condition>),
}

fn bad(msg: impl Into<String>) -> ReleaseError {
    ReleaseError::BadPolicy(msg.into())
}

/// The one `anyOf`/`allOf` array of an object (exactly one of the two).
fn combinator<'a>(
    o: &'a serde_json::Map<String, Value>,
    what: &str,
) -> Result<(bool, &'a [Value])> {
    match (o.get("anyOf"), o.get("allOf")) {
        (Some(_), Some(_)) => Err(bad(format!(
            "{what} has both 'anyOf' and 'allOf': give one"
        ))),
        (Some(Value::Array(a)), None) => Ok((false, a)),
        (None, Some(Value::Array(a))) => Ok((true, a)),
        (Some(_), None) | (None, Some(_)) => {
            Err(bad(format!("{what}: 'anyOf'/'allOf' must be an array")))
        }
        (None, None) => Err(bad(format!("{what} needs an 'anyOf' or 'allOf' array"))),
    }
}

fn parse_condition(v: &Value) -> Result<Condition> {
    let o = v
        .as_object()
        .ok_or_else(|| bad("a condition must be a JSON object"))?;
    if let Some(c) = o.get("claim") {
        let claim = c
            .as_str()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| bad("'claim' must be a non-empty string"))?
            .to_string();
        let equals = match (o.get("equals"), o.get("condition"), o.get("value")) {
            (Some(e), _, _) => e.clone(),
            // 7.3-preview spelling.
            (None, Some(c), Some(val))
                if c.as_str().is_some_and(|c| c.eq_ignore_ascii_case("equals")) =>
            {
                val.clone()
            }
            (None, Some(c), _) => {
                return Err(bad(format!(
                    "the condition {c} of claim '{claim}' is not supported: 'equals' is the only operator"
                )));
            }
            _ => {
                let ops: Vec<&String> = o.keys().filter(|k| *k != "claim").collect();
                return Err(bad(match ops.first() {
                    Some(op) => format!(
                        "the operator '{op}' of claim '{claim}' is not supported: 'equals' is the only operator"
                    ),
                    None => format!("the condition on claim '{claim}' has no 'equals'"),
                }));
            }
        };
        if equals.is_array() || equals.is_object() || equals.is_null() {
            return Err(bad(format!(
                "the value of claim '{claim}' must be a string, number or boolean"
            )));
        }
        return Ok(Condition::Claim { claim, equals });
    }
    let (all, items) = combinator(o, "a condition")?;
    if items.is_empty() {
        return Err(bad("an 'anyOf'/'allOf' of conditions must not be empty"));
    }
    let list = items
        .iter()
        .map(parse_condition)
        .collect::<Result<Vec<_>>>()?;
    Ok(if all {
        Condition::AllOf(list)
    } else {
        Condition::AnyOf(list)
    })
}

/// Parses and checks a release policy document against the grammar.
pub fn parse_policy(doc: &Value) -> Result<Policy> {
    let o = doc
        .as_object()
        .ok_or_else(|| bad("Key Release Policy: the policy must be a JSON object"))?;
    let version = o
        .get("version")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("Key Release Policy: missing 'version' property"))?
        .to_string();
    let (all, items) = combinator(o, "Key Release Policy")?;
    if items.is_empty() {
        return Err(bad(
            "Key Release Policy: the list of authorities must not be empty",
        ));
    }
    let mut rules = Vec::new();
    for item in items {
        let r = item.as_object().ok_or_else(|| {
            bad("Key Release Policy: each rule must be an object with an 'authority'")
        })?;
        let authority = r
            .get("authority")
            .and_then(Value::as_str)
            .filter(|a| !a.is_empty())
            .ok_or_else(|| bad("Key Release Policy: each rule needs an 'authority' (the attestation service's issuer URL)"))?
            .to_string();
        let (rall, conds) = combinator(r, &format!("the rule of authority {authority}"))?;
        if conds.is_empty() {
            return Err(bad(format!(
                "the rule of authority {authority} has no conditions"
            )));
        }
        let list = conds
            .iter()
            .map(parse_condition)
            .collect::<Result<Vec<_>>>()?;
        rules.push(AuthorityRule {
            authority,
            condition: if rall {
                Condition::AllOf(list)
            } else {
                Condition::AnyOf(list)
            },
        });
    }
    Ok(Policy {
        version,
        all,
        rules,
    })
}

/// Authorities compare without scheme case, host case or trailing slashes.
pub fn same_authority(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim().trim_end_matches('/').to_ascii_lowercase();
        s.strip_prefix("https://").map(str::to_string).unwrap_or(s)
    };
    norm(a) == norm(b)
}

/// A claim by dotted path; at each level the longest dotted prefix that is a member wins (claim
/// names such as `x-ms-sevsnpvm-hostdata` contain no dots, but nothing forbids them).
fn claim_at<'a>(claims: &'a Value, path: &str) -> Option<&'a Value> {
    let o = claims.as_object()?;
    if let Some(v) = o.get(path) {
        return Some(v);
    }
    let mut cut = path.len();
    while let Some(i) = path[..cut].rfind('.') {
        if let Some(v) = o.get(&path[..i]) {
            return claim_at(v, &path[i + 1..]);
        }
        cut = i;
    }
    None
}

/// `equals`: same JSON value, or loosely a string against a boolean or number.
fn equals(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Array(_) | Value::Object(_) | Value::Null, _) => false,
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::String(s), other) | (other, Value::String(s)) => {
            s.eq_ignore_ascii_case(&other.to_string())
        }
        _ => false,
    }
}

fn show(v: Option<&Value>) -> String {
    match v {
        None => "absent".into(),
        Some(v) => v.to_string(),
    }
}

/// Evaluates a condition; on failure, the first reason.
fn holds(c: &Condition, claims: &Value) -> std::result::Result<(), String> {
    match c {
        Condition::Claim {
            claim,
            equals: want,
        } => {
            let got = claim_at(claims, claim);
            if got.is_some_and(|g| equals(g, want)) {
                Ok(())
            } else {
                Err(format!(
                    "claim '{claim}' is {}, the policy wants {want}",
                    show(got)
                ))
            }
        }
        Condition::AllOf(list) => list.iter().try_for_each(|c| holds(c, claims)),
        Condition::AnyOf(list) => {
            let mut reasons = Vec::new();
            for c in list {
                match holds(c, claims) {
                    Ok(()) => return Ok(()),
                    Err(r) => reasons.push(r),
                }
            }
            Err(format!("none of anyOf holds ({})", reasons.join("; ")))
        }
    }
}

impl Policy {
    /// Whether a token from `issuer` with `claims` satisfies the policy.
    pub fn evaluate(&self, issuer: &str, claims: &Value) -> Result<()> {
        let mut reasons = Vec::new();
        let mut any = false;
        for rule in &self.rules {
            let r = if !same_authority(&rule.authority, issuer) {
                Err(format!(
                    "the token's issuer {issuer} is not the rule's authority {}",
                    rule.authority
                ))
            } else {
                holds(&rule.condition, claims)
                    .map_err(|e| format!("authority {}: {e}", rule.authority))
            };
            match r {
                Ok(()) => {
                    any = true;
                    if !self.all {
                        return Ok(());
                    }
                }
                Err(e) => {
                    if self.all {
                        return Err(ReleaseError::PolicyNotSatisfied(e));
                    }
                    reasons.push(e);
                }
            }
        }
        if any {
            Ok(())
        } else {
            Err(ReleaseError::PolicyNotSatisfied(reasons.join("; ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(v: Value) -> Policy {
        parse_policy(&v).unwrap()
    }

    #[test]
    fn grammar_and_evaluation() {
        let p = policy(
            json!({"version": "1.0.0", "anyOf": [{"authority": "https://maa.example/", "allOf": [
                {"claim": "x-ms-attestation-type", "equals": "sevsnpvm"},
                {"anyOf": [{"claim": "x-ms-compliance-status", "equals": "azure-compliant-cvm"}, {"claim": "x-ms-isolation-tee.x-ms-compliance-status", "equals": "azure-compliant-cvm"}]},
                {"claim": "sdk-test", "equals": "true"},
            ]}]}),
        );
        let good = json!({"x-ms-attestation-type": "sevsnpvm", "x-ms-isolation-tee": {"x-ms-compliance-status": "azure-compliant-cvm"}, "sdk-test": true});
        p.evaluate("https://MAA.example", &good).unwrap();
        let mut wrong = good.clone();
        wrong["x-ms-attestation-type"] = json!("sgx");
        let e = p
            .evaluate("https://maa.example/", &wrong)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("x-ms-attestation-type") && e.contains("\"sgx\""),
            "{e}"
        );
        let e = p
            .evaluate("https://other.example", &good)
            .unwrap_err()
            .to_string();
        assert!(e.contains("not the rule's authority"), "{e}");
        let mut missing = good.clone();
        missing.as_object_mut().unwrap().remove("sdk-test");
        assert!(p.evaluate("https://maa.example", &missing).is_err());
        // Arrays never match; loose string/number comparison.
        let q = policy(
            json!({"version": "1.0.0", "anyOf": [{"authority": "a", "anyOf": [{"claim": "n", "equals": "3"}]}]}),
        );
        q.evaluate("a", &json!({"n": 3})).unwrap();
        assert!(q.evaluate("a", &json!({"n": [3]})).is_err());
        // 7.3-preview spelling.
        let legacy = policy(
            json!({"version": "1.0.0", "anyOf": [{"authority": "a", "anyOf": [{"claim": "sdk-test", "condition": "equals", "value": true}]}]}),
        );
        legacy.evaluate("a", &json!({"sdk-test": true})).unwrap();
        // Top-level allOf needs every rule.
        let both = policy(
            json!({"version": "1.0.0", "allOf": [{"authority": "a", "anyOf": [{"claim": "x", "equals": 1}]}, {"authority": "b", "anyOf": [{"claim": "x", "equals": 1}]}]}),
        );
        assert!(both.evaluate("a", &json!({"x": 1})).is_err());
    }

    #[test]
    fn grammar_refusals() {
        for (doc, needle) in [
            (json!({"anyOf": []}), "version"),
            (json!({"version": "1.0.0"}), "anyOf"),
            (
                json!({"version": "1.0.0", "anyOf": [{"allOf": [{"claim": "a", "equals": 1}]}]}),
                "authority",
            ),
            (
                json!({"version": "1.0.0", "anyOf": [{"authority": "a", "allOf": [{"claim": "a", "greater": 1}]}]}),
                "greater",
            ),
            (
                json!({"version": "1.0.0", "anyOf": [{"authority": "a", "allOf": [{"claim": "a", "equals": [1]}]}]}),
                "string, number",
            ),
            (
                json!({"version": "1.0.0", "anyOf": [{"authority": "a", "allOf": [], "anyOf": []}]}),
                "both",
            ),
        ] {
            let e = parse_policy(&doc).unwrap_err().to_string();
            assert!(e.contains(needle), "{doc}: {e}");
        }
    }

    #[test]
    fn wrap_round_trip_for_every_enc_and_refusals() {
        let kp = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
        use aws_lc_rs::encoding::AsDer;
        use aws_lc_rs::signature::KeyPair as _;
        let der = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&kp).unwrap();
        let n = kp
            .public_key()
            .modulus()
            .big_endian_without_leading_zero()
            .to_vec();
        let e = kp
            .public_key()
            .exponent()
            .big_endian_without_leading_zero()
            .to_vec();
        for enc in ReleaseEnc::ALL {
            for len in [16usize, 32, 1217] {
                let secret: Vec<u8> = (0..len).map(|i| i as u8).collect();
                let ct = wrap(enc, &n, &e, &secret).unwrap();
                assert_eq!(ct.len(), 256 + len.div_ceil(8) * 8 + 8);
                let kh = key_hsm(enc, "k1", &ct);
                let back = unwrap(enc, der.as_ref(), &key_hsm_ciphertext(&kh).unwrap()).unwrap();
                assert_eq!(&back[..], &secret[..]);
                // Another OAEP hash does not decrypt it.
                let other = ReleaseEnc::ALL.into_iter().find(|o| *o != enc).unwrap();
                assert!(unwrap(other, der.as_ref(), &ct).is_err());
            }
        }
    }

    #[test]
    fn runtime_key_choice_and_jws() {
        let kp = RsaKeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
        use aws_lc_rs::signature::KeyPair as _;
        let n = kp
            .public_key()
            .modulus()
            .big_endian_without_leading_zero()
            .to_vec();
        let e = kp
            .public_key()
            .exponent()
            .big_endian_without_leading_zero()
            .to_vec();
        let jwk = json!({"kty": "RSA", "kid": "HCLTransferKey", "key_ops": ["encrypt"], "n": b64url_encode(&n), "e": b64url_encode(&e)});
        let claims = json!({"x-ms-runtime": {"keys": [{"kty": "RSA", "kid": "sig", "use": "sig", "n": "AQ", "e": "AQAB"}, jwk.clone()]}});
        assert_eq!(runtime_key(&claims).unwrap()["kid"], "HCLTransferKey");
        assert!(runtime_key(&json!({"x-ms-runtime": {}})).is_err());
        let t = sign_rs256(&json!({"typ": "JWT"}), &claims, &kp).unwrap();
        let j = Jws::parse(&t).unwrap();
        j.verify_rs256(&n, &e).unwrap();
        let mut bad_sig = j.clone();
        bad_sig.signing_input.push('x');
        assert!(matches!(
            bad_sig.verify_rs256(&n, &e),
            Err(ReleaseError::BadSignature(_))
        ));
        assert!(Jws::parse("a.b").is_err());
    }
}
