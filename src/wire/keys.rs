//! Key Vault key shapes (rest-api.md §5.1, §5.2, §6; the 2025-07-01 spec): key bundles, JSON web
//! keys (binary members base64url without padding, as strings), attributes, list items, the
//! parameters of create/import/update and of the cryptographic operations, rotation policies,
//! release policies, backups and random bytes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// api-version az 2.91.0 hard-codes for keys.
pub const KEYS_API_VERSION: &str = "7.6-preview.2";

/// A JSON web key as the service sends it (private members only on import).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Jwk {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kty: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_ops: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dq: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<String>,
    /// BYOK blob (`key_hsm`), import only.
    #[serde(default, rename = "key_hsm", skip_serializing_if = "Option::is_none")]
    pub t: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

/// Key attributes (times are Unix seconds).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct KeyAttributes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recoverable_days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exportable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsm_platform: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestation: Option<serde_json::Value>,
    /// 2026-01-01-preview+: the key is backed by an External Key Manager (EKM) key
    /// (snake_case on the wire, unlike its camelCase siblings).
    #[serde(
        default,
        rename = "external_key",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_key: Option<ExternalKey>,
}

/// `attributes.external_key`: the id of the key in the External Key Manager
/// (`[a-zA-Z0-9-]`, at most 64 characters).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ExternalKey {
    pub id: String,
}

/// A release policy (`data` = base64url of the policy JSON).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct KeyReleasePolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// The members a deleted key bundle or item adds (all absent on live keys).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeletionInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_id: Option<String>,
    /// Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_purge_date: Option<i64>,
    /// Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_date: Option<i64>,
}

impl DeletionInfo {
    pub fn is_deleted(&self) -> bool {
        self.recovery_id.is_some() || self.deleted_date.is_some()
    }
}

/// A key bundle; deleted keys add the three deletion members.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyBundle {
    pub key: Jwk,
    #[serde(default)]
    pub attributes: KeyAttributes,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_policy: Option<KeyReleasePolicy>,
    /// Present on deleted keys only.
    #[serde(flatten)]
    pub deletion: DeletionInfo,
}

/// An entry of a key list (no key material); deleted items add the deletion members.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyItem {
    pub kid: String,
    #[serde(default)]
    pub attributes: KeyAttributes,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed: Option<bool>,
    /// Present on deleted keys only.
    #[serde(flatten)]
    pub deletion: DeletionInfo,
}

/// A page of keys.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyListResult {
    pub value: Vec<KeyItem>,
    #[serde(default, rename = "nextLink", skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
}

/// `POST /keys/{name}/create`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyCreateParameters {
    /// Empty = absent: an external key is created without `kty` (the EKM decides it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kty: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_exponent: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_ops: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<KeyAttributes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_policy: Option<KeyReleasePolicy>,
}

/// `PUT /keys/{name}` (import).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyImportParameters {
    #[serde(default, rename = "Hsm", skip_serializing_if = "Option::is_none")]
    pub hsm: Option<bool>,
    pub key: Jwk,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<KeyAttributes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_policy: Option<KeyReleasePolicy>,
}

/// `PATCH /keys/{name}/{version}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyUpdateParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_ops: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<KeyAttributes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_policy: Option<KeyReleasePolicy>,
}

/// encrypt / decrypt / wrapkey / unwrapkey parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyOperationsParameters {
    pub alg: String,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aad: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

/// Result of encrypt / decrypt / wrap / unwrap / sign.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyOperationResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aad: Option<String>,
}

/// `POST …/sign`: `value` is the digest.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeySignParameters {
    pub alg: String,
    pub value: String,
}

/// `POST …/verify`: `value` is the signature.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyVerifyParameters {
    pub alg: String,
    pub digest: String,
    pub value: String,
}

/// `{"value": bool}` of verify.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyVerifyResult {
    pub value: bool,
}

/// `{"value": "<base64url>"}` of backup, and the body of restore.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ValueBlob {
    pub value: String,
}

/// `POST /rng` body.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RandomBytesRequest {
    pub count: u32,
}

/// `POST …/release` body.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct KeyReleaseParameters {
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enc: Option<String>,
}

/// A rotation policy.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct KeyRotationPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime_actions: Option<Vec<LifetimeAction>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<RotationPolicyAttributes>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct LifetimeAction {
    #[serde(default)]
    pub trigger: LifetimeTrigger,
    #[serde(default)]
    pub action: LifetimeActionType,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LifetimeTrigger {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_after_create: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_before_expiry: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct LifetimeActionType {
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RotationPolicyAttributes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_create_response_parses() {
        // rest-api.md §14 (h), R9.
        let b: KeyBundle = serde_json::from_str(r#"{"attributes":{"created":1668625952,"enabled":true,"exportable":false,"recoverableDays":7,"recoveryLevel":"CustomizedRecoverable+Purgeable","updated":1668625952},"key":{"e":"AQAB","key_ops":["wrapKey","decrypt","encrypt","unwrapKey","sign","verify"],"kid":"https://h/keys/rsa1/8f7395b6172a00d336a0dc2a00d7ec78","kty":"RSA-HSM","n":"AQAB"}}"#).unwrap();
        assert_eq!(b.key.kty.as_deref(), Some("RSA-HSM"));
        assert_eq!(b.attributes.recoverable_days, Some(7));
        let del: KeyBundle = serde_json::from_str(r#"{"key":{"kid":"k"},"attributes":{},"recoveryId":"https://h/deletedkeys/rsa1","scheduledPurgeDate":1669230752,"deletedDate":1668625952}"#).unwrap();
        assert_eq!(del.deletion.scheduled_purge_date, Some(1669230752));
        let imp = KeyImportParameters {
            hsm: Some(true),
            key: Jwk {
                kty: Some("RSA".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&imp).unwrap(),
            r#"{"Hsm":true,"key":{"kty":"RSA"}}"#
        );
    }
}
