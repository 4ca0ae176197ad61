//! What `mhsm review` reads about one HSM, on both planes, into a [`Snapshot`]: the HSM
//! resource, its diagnostic settings, local RBAC (role assignments at `/` and at every key, role definitions),
//! principal types from Microsoft Graph, every key with its rotation policy (and, for AES keys,
//! the size through ARM). What the caller may not read is recorded as skipped checks, with why.

use futures::StreamExt;
use std::path::PathBuf;

use super::KEY_READS_IN_FLIGHT;
use super::checks::{KeyFacts, SdFacts, Snapshot};
use super::rules::{self, Rule};
use crate::client::hsm::HsmEndpoint;
use crate::client::keys::KeyRef;
use crate::client::{Client, ClientError};
use crate::commands::{CliError, view};
use crate::wire::arm::ManagedHsm;
use crate::wire::rbac::{RoleAssignment, Scope};

type SkipList = Vec<(Vec<&'static str>, String)>;

pub fn skip(list: &mut SkipList, rules: &[Rule], reason: impl Into<String>) {
    list.push((rules.iter().map(|r| r.id).collect(), reason.into()));
}

/// A one-line reason from a client error (status and service code when there is one).
fn describe(e: &ClientError) -> String {
    e.to_string().lines().next().unwrap_or_default().to_string()
}

pub fn describe_cli(e: &CliError) -> String {
    e.to_string().lines().next().unwrap_or_default().to_string()
}

pub fn read_sd(path: &PathBuf) -> Result<SdFacts, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Invalid(format!("cannot read {}: {e}", path.display())))?;
    let sd = crate::crypto::sd::SecurityDomainFile::parse(&text)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", path.display())))?;
    Ok(SdFacts {
        file: path.display().to_string(),
        certificates: sd.enc_shares.len(),
        quorum: sd.required,
    })
}

/// Reads everything the checks need about one HSM; what cannot be read is recorded in `skipped`.
pub async fn snapshot(client: &Client, hsm: ManagedHsm, skipped: &mut SkipList) -> Snapshot {
    let name = hsm.name.clone().unwrap_or_default();
    let id = hsm.id.clone().unwrap_or_default();
    let mut s = Snapshot {
        name: name.clone(),
        resource_group: view::resource_group_of(&id).unwrap_or_default(),
        ..Default::default()
    };
    match client.list_diagnostic_settings(&id).await {
        Ok(d) => s.diagnostics = Some(d),
        Err(e) => skip(
            skipped,
            &[
                rules::RESOURCE_LOGS,
                rules::EVENT_HUB_LOGS,
                rules::AUDIT_LOGGING,
            ],
            format!("diagnostic settings not readable: {}", describe(&e)),
        ),
    }
    let data_plane = hsm
        .properties
        .as_ref()
        .and_then(|p| p.hsm_uri.clone())
        .and_then(|u| url::Url::parse(&u).ok());
    s.hsm = hsm;
    let rbac_rules = [
        rules::ADMIN_IS_USER,
        rules::MULTIPLE_ROLES,
        rules::SEPARATION_OF_DUTIES,
        rules::HSM_WIDE_SCOPE,
        rules::BROAD_CUSTOM_ROLE,
    ];
    let key_rules = [
        rules::KEY_EXPIRATION_SET,
        rules::KEY_EXPIRY_DAYS,
        rules::RSA_MIN_SIZE,
        rules::EC_CURVES,
        rules::KEY_TYPES,
        rules::AES_MIN_SIZE,
        rules::NO_ROTATION_POLICY,
    ];
    let Some(base) = data_plane else {
        skip(
            skipped,
            &[&rbac_rules[..], &key_rules[..]].concat(),
            "the HSM has no data-plane URI yet (still provisioning?)",
        );
        return s;
    };
    let ep = HsmEndpoint {
        base,
        name: Some(name.clone()),
    };
    match client.list_role_assignments(&ep, &Scope::Root, None).await {
        Ok(a) => s.assignments = Some(a),
        Err(e) => skip(
            skipped,
            &rbac_rules[..4],
            format!(
                "role assignments not readable (needs roleAssignments/read/action, e.g. Managed HSM Crypto Auditor at /): {}",
                describe(&e)
            ),
        ),
    }
    match client.list_role_definitions(&ep, &Scope::Root).await {
        Ok(d) => s.definitions = Some(d),
        Err(e) => skip(
            skipped,
            &[rules::BROAD_CUSTOM_ROLE],
            format!(
                "role definitions not readable (needs roleDefinitions/read/action): {}",
                describe(&e)
            ),
        ),
    }
    let key_scoped = s.assignments.is_some();
    match read_keys(client, &ep, &s, key_scoped, skipped).await {
        Ok((k, a)) => {
            s.keys = Some(k);
            if let Some(all) = &mut s.assignments {
                all.extend(a);
            }
        }
        Err(e) => skip(
            skipped,
            &key_rules,
            format!(
                "keys not readable (needs keys/read/action, e.g. Managed HSM Crypto Auditor at /keys): {}",
                describe(&e)
            ),
        ),
    }
    if let Some(a) = &s.assignments {
        let mut ids: Vec<String> = a
            .iter()
            .map(|a| a.properties.principal_id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        match client.get_directory_objects(&ids).await {
            Ok(objs) => s.principals = Some(objs.into_iter().map(|o| (o.id.clone(), o)).collect()),
            Err(e) => skip(
                skipped,
                &[rules::ADMIN_IS_USER],
                format!(
                    "Microsoft Graph not readable, so users cannot be told from groups: {}",
                    describe(&e)
                ),
            ),
        }
    }
    s
}

/// Every key's current version and rotation policy (and, for AES keys, their size through ARM:
/// the data plane does not report it), 32 keys at a time; with `key_scoped`, also the role
/// assignments at each key's scope (listing at `/` shows only the HSM-wide ones).
async fn read_keys(
    client: &Client,
    ep: &HsmEndpoint,
    s: &Snapshot,
    key_scoped: bool,
    skipped: &mut SkipList,
) -> Result<(Vec<KeyFacts>, Vec<RoleAssignment>), ClientError> {
    let items = client.list_keys(ep, None).await?;
    let names: Vec<String> = items
        .iter()
        .filter(|i| i.managed != Some(true))
        .filter_map(|i| i.kid.trim_end_matches('/').rsplit('/').next())
        .map(str::to_string)
        .collect();
    let (rg, hsm) = (s.resource_group.as_str(), s.name.as_str());
    type Read = (
        KeyFacts,
        Option<String>,
        Result<Vec<RoleAssignment>, ClientError>,
    );
    let results: Vec<Result<Read, ClientError>> = futures::stream::iter(names)
        .map(|name| async move {
            let key = KeyRef {
                hsm: ep.clone(),
                name: name.clone(),
                version: None,
            };
            let scope = Scope::Key(name.clone());
            let scoped = async {
                if !key_scoped {
                    return Ok(vec![]);
                }
                let list = client
                    .list_role_assignments(ep, &scope, Some("atScope()"))
                    .await?;
                Ok(list
                    .into_iter()
                    .filter(|a| a.properties.scope.parse::<Scope>().ok() == Some(scope.clone()))
                    .collect())
            };
            let (bundle, policy, scoped) = tokio::join!(
                client.get_key(&key),
                client.get_rotation_policy(ep, &name),
                scoped
            );
            let bundle = bundle?;
            let rotation = match policy {
                Ok(p) => Some(Some(p)),
                Err(e) if e.status() == Some(404) => Some(None),
                Err(_) => None,
            };
            let jwk = &bundle.key;
            let kty = jwk.kty.clone().unwrap_or_default();
            // The RSA modulus length in bits (leading zero octets are not part of it).
            let mut size = jwk.n.as_deref().map(|n| {
                let bytes = crate::crypto::b64::b64url_decode_lenient(n).unwrap_or_default();
                let significant = bytes.iter().skip_while(|b| **b == 0).count();
                (significant as u32) * 8
            });
            // AES key sizes: only the ARM keys API reports them.
            let mut arm_error = None;
            if kty.starts_with("oct") {
                match client.get_managed_hsm_key(rg, hsm, &name).await {
                    Ok(arm) => size = arm.properties.key_size,
                    Err(e) => arm_error = Some(describe(&e)),
                }
            }
            Ok((
                KeyFacts {
                    name,
                    kty,
                    size,
                    crv: jwk.crv.clone(),
                    exp: bundle.attributes.exp,
                    rotation,
                },
                arm_error,
                scoped,
            ))
        })
        .buffer_unordered(KEY_READS_IN_FLIGHT)
        .collect()
        .await;
    let mut keys = Vec::with_capacity(results.len());
    let mut assignments = Vec::new();
    let mut refused: Option<String> = None;
    let mut unreadable: Option<String> = None;
    for r in results {
        let (k, arm_error, scoped) = r?;
        if refused.is_none() {
            refused = arm_error;
        }
        match scoped {
            Ok(a) => assignments.extend(a),
            // The key went away meanwhile: it has no assignments.
            Err(e) if e.status() == Some(404) => {}
            Err(e) => {
                unreadable.get_or_insert_with(|| describe(&e));
            }
        }
        keys.push(k);
    }
    if let Some(reason) = unreadable {
        skip(
            skipped,
            &[rules::MULTIPLE_ROLES, rules::SEPARATION_OF_DUTIES],
            format!(
                "role assignments at some key scopes not readable, so only the HSM-wide ones were reviewed for these checks: {reason}"
            ),
        );
    }
    keys.sort_by(|a, b| a.name.cmp(&b.name));
    if keys.iter().any(|k| k.rotation.is_none()) {
        skip(
            skipped,
            &[rules::NO_ROTATION_POLICY],
            "some rotation policies were not readable (keys/read/action on the key)",
        );
    }
    if let Some(reason) = refused {
        skip(
            skipped,
            &[rules::AES_MIN_SIZE],
            format!(
                "AES key sizes are reported only by the ARM keys API, which refused ({reason}); a Managed HSM Administrator can allow it with 'mhsm setting update --hsm-name {} -n AllowKeyManagementOperationsThroughARM --value true'",
                s.name
            ),
        );
    }
    Ok((keys, assignments))
}
