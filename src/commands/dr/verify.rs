//! The runbook's proof that a restore worked: the target holds what the source holds — the same
//! keys (names, versions, types, public keys; soft-deleted ones too), the same role assignments
//! (at `/`, `/keys` and every key) and custom role definitions — and a signature made by the
//! source verifies on the target.

use futures::{StreamExt, TryStreamExt, stream};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

use crate::client::hsm::HsmEndpoint;
use crate::client::keys::KeyRef;
use crate::client::{Client, ClientError};
use crate::wire::keys::{KeySignParameters, KeyVerifyParameters};
use crate::wire::rbac::Scope;

/// Requests in flight while reading an HSM (keeps 5,000 keys to seconds, under the service's
/// per-HSM limits).
const CONCURRENCY: usize = 16;

/// What the runbook compares of one HSM.
#[derive(Debug, Default)]
pub struct Inventory {
    /// `name/version` → `kty` plus the public key members.
    pub key_versions: BTreeMap<String, String>,
    /// Soft-deleted key names.
    pub deleted_keys: BTreeSet<String>,
    /// `scope principal role` of every assignment.
    pub assignments: BTreeSet<String>,
    /// `guid` → JSON of the custom role's name and permissions.
    pub custom_roles: BTreeMap<String, String>,
}

/// One key's versions (`name/version` → public key) and its key-scope assignments.
type KeyFacts = (Vec<(String, String)>, Vec<String>);

/// Reads an HSM's inventory.
pub async fn inventory(client: &Client, hsm: &HsmEndpoint) -> Result<Inventory, ClientError> {
    let mut inv = Inventory::default();
    let names: Vec<String> = client
        .list_keys(hsm, None)
        .await?
        .into_iter()
        .filter_map(|k| key_name(&k.kid))
        .collect();
    // Every version of every key, and the assignments at each key's scope.
    let per_key: Vec<KeyFacts> = stream::iter(names.iter())
        .map(|name| async move {
            let versions = client.list_key_versions(hsm, name, None).await?;
            let mut out = Vec::new();
            for v in versions {
                let Some(version) = v.kid.rsplit('/').next() else {
                    continue;
                };
                let bundle = client
                    .get_key(&KeyRef {
                        hsm: hsm.clone(),
                        name: name.clone(),
                        version: Some(version.to_string()),
                    })
                    .await?;
                let k = serde_json::to_value(&bundle.key).unwrap_or_default();
                let public = json!({"kty": k["kty"], "n": k["n"], "e": k["e"], "crv": k["crv"], "x": k["x"], "y": k["y"]});
                out.push((format!("{}/{version}", name.to_ascii_lowercase()), public.to_string()));
            }
            let scoped = client
                .list_role_assignments(hsm, &Scope::Key(name.clone()), None)
                .await?
                .into_iter()
                .map(|a| {
                    format!(
                        "{} {} {}",
                        a.properties.scope, a.properties.principal_id, a.properties.role_definition_id
                    )
                })
                .collect();
            Ok::<_, ClientError>((out, scoped))
        })
        .buffer_unordered(CONCURRENCY)
        .try_collect()
        .await?;
    for (versions, scoped) in per_key {
        inv.key_versions.extend(versions);
        inv.assignments.extend(scoped);
    }
    inv.deleted_keys = client
        .list_deleted_keys(hsm, None)
        .await?
        .into_iter()
        .filter_map(|k| key_name(&k.kid))
        .map(|n| n.to_ascii_lowercase())
        .collect();
    for a in client
        .list_role_assignments(hsm, &Scope::Root, None)
        .await?
    {
        inv.assignments.insert(format!(
            "{} {} {}",
            a.properties.scope, a.properties.principal_id, a.properties.role_definition_id
        ));
    }
    for d in client.list_role_definitions(hsm, &Scope::Root).await? {
        let p = &d.properties;
        if p.role_type.as_deref() == Some("CustomRole") {
            let body = json!({"roleName": p.role_name, "permissions": p.permissions, "assignableScopes": p.assignable_scopes});
            inv.custom_roles
                .insert(d.name.to_ascii_lowercase(), body.to_string());
        }
    }
    Ok(inv)
}

/// The key name of a `kid` or `recoveryId` (`…/keys/{name}[/{version}]`).
fn key_name(kid: &str) -> Option<String> {
    let path = url::Url::parse(kid).ok()?.path().to_string();
    let mut seg = path.split('/').filter(|s| !s.is_empty());
    match (seg.next(), seg.next()) {
        (Some("keys" | "deletedkeys"), Some(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// One compared aspect.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub source: usize,
    pub target: usize,
    /// In the source, not in the target.
    pub missing: Vec<String>,
    /// In the target, not in the source.
    pub unexpected: Vec<String>,
    /// In both, but different (key versions with another public key, roles with other rights).
    pub different: Vec<String>,
}

impl Comparison {
    pub fn same(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty() && self.different.is_empty()
    }

    fn of_sets(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Comparison {
        Comparison {
            source: a.len(),
            target: b.len(),
            missing: a.difference(b).cloned().collect(),
            unexpected: b.difference(a).cloned().collect(),
            different: Vec::new(),
        }
    }

    fn of_maps(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> Comparison {
        let ka: BTreeSet<String> = a.keys().cloned().collect();
        let kb: BTreeSet<String> = b.keys().cloned().collect();
        let mut c = Comparison::of_sets(&ka, &kb);
        c.different = a
            .iter()
            .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
            .map(|(k, _)| k.clone())
            .collect();
        c
    }
}

/// Source against target.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    pub passed: bool,
    pub key_versions: Comparison,
    pub deleted_keys: Comparison,
    pub role_assignments: Comparison,
    pub custom_roles: Comparison,
    pub signature: Value,
}

/// Compares two inventories (the signature check is added by [`signature_check`]).
pub fn compare(source: &Inventory, target: &Inventory, signature: Value) -> Verification {
    let key_versions = Comparison::of_maps(&source.key_versions, &target.key_versions);
    let deleted_keys = Comparison::of_sets(&source.deleted_keys, &target.deleted_keys);
    let role_assignments = Comparison::of_sets(&source.assignments, &target.assignments);
    let custom_roles = Comparison::of_maps(&source.custom_roles, &target.custom_roles);
    let passed = key_versions.same()
        && deleted_keys.same()
        && role_assignments.same()
        && custom_roles.same()
        && signature["verified"] != json!(false);
    Verification {
        passed,
        key_versions,
        deleted_keys,
        role_assignments,
        custom_roles,
        signature,
    }
}

/// Signs a random digest with a signing key version of the source and verifies the signature
/// on the target with the same version. `{"verified": null}` when the source has no key that
/// can sign; a refusal (e.g. 403: the caller lacks keys/sign or keys/verify) is a failed check
/// that says so.
pub async fn signature_check(
    client: &Client,
    source: &HsmEndpoint,
    target: &HsmEndpoint,
    inv: &Inventory,
) -> Value {
    let candidate = inv.key_versions.iter().find_map(|(id, public)| {
        let kty: Value = serde_json::from_str::<Value>(public).ok()?["kty"].clone();
        let alg = match (
            kty.as_str()?,
            serde_json::from_str::<Value>(public).ok()?["crv"].as_str(),
        ) {
            ("RSA" | "RSA-HSM", _) => "PS256",
            ("EC" | "EC-HSM", Some("P-256")) => "ES256",
            ("EC" | "EC-HSM", Some("P-384")) => "ES384",
            ("EC" | "EC-HSM", Some("P-521")) => "ES512",
            _ => return None,
        };
        let (name, version) = id.split_once('/')?;
        Some((name.to_string(), version.to_string(), alg))
    });
    let Some((name, version, alg)) = candidate else {
        return json!({"verified": null, "detail": "The source holds no RSA or EC key to sign with."});
    };
    let digest_len = match alg {
        "ES384" => 48,
        "ES512" => 64,
        _ => 32,
    };
    let mut digest = vec![0u8; digest_len];
    if aws_lc_rs::rand::fill(&mut digest).is_err() {
        return json!({"verified": false, "detail": "no system randomness"});
    }
    let digest = crate::crypto::b64::b64url_encode(&digest);
    let key = |hsm: &HsmEndpoint| KeyRef {
        hsm: hsm.clone(),
        name: name.clone(),
        version: Some(version.clone()),
    };
    let kid = format!("{name}/{version}");
    let signed = client
        .sign(
            &key(source),
            &KeySignParameters {
                alg: alg.into(),
                value: digest.clone(),
            },
        )
        .await;
    let sig = match signed {
        Ok(r) => r.value,
        Err(e) => {
            return json!({"verified": false, "key": kid, "algorithm": alg, "detail": format!("signing on the source failed: {e} (the check needs keys/sign on the source and keys/verify on the target, e.g. Managed HSM Crypto User)")});
        }
    };
    match client
        .verify(
            &key(target),
            &KeyVerifyParameters {
                alg: alg.into(),
                digest,
                value: sig,
            },
        )
        .await
    {
        Ok(ok) => json!({"verified": ok, "key": kid, "algorithm": alg}),
        Err(e) => {
            json!({"verified": false, "key": kid, "algorithm": alg, "detail": format!("verifying on the target failed: {e}")})
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_name_what_differs() {
        let mut a = Inventory::default();
        let mut b = Inventory::default();
        a.key_versions.insert("k/1".into(), "A".into());
        a.key_versions.insert("k/2".into(), "B".into());
        b.key_versions.insert("k/1".into(), "A".into());
        b.key_versions.insert("k/2".into(), "other".into());
        b.key_versions.insert("x/1".into(), "C".into());
        a.assignments.insert("/ p r".into());
        b.assignments.insert("/ p r".into());
        let v = compare(&a, &b, json!({"verified": true}));
        assert!(!v.passed);
        assert_eq!(v.key_versions.different, ["k/2"]);
        assert_eq!(v.key_versions.unexpected, ["x/1"]);
        assert!(v.role_assignments.same());
        let same = compare(&a, &a, json!({"verified": null}));
        assert!(same.passed, "no signing key is not a failure");
        assert!(!compare(&a, &a, json!({"verified": false})).passed);
        assert_eq!(key_name("https://h:1/keys/k1/abc").as_deref(), Some("k1"));
        assert_eq!(
            key_name("https://h:1/deletedkeys/k2").as_deref(),
            Some("k2")
        );
        assert_eq!(key_name("https://h:1/other"), None);
    }
}
