//! `Microsoft.KeyVault/managedHSMs/{name}/keys[/{key}[/versions[/{version}]]]`: keys created
//! (create-if-not-exist) and read through Azure Resource Manager (rest-api.md §13, S8
//! `managedHsm.json`), served only while the HSM's setting
//! `AllowKeyManagementOperationsThroughARM` is `"true"` (service-facts.md §3.2: Managed HSM
//! "does not trust Azure Resource Manager by default").
//!
//! Order of checks: Azure RBAC on the ARM scope (`…/managedHSMs/keys/read|write`, which Managed
//! HSM Contributor holds through `managedHSMs/*` and a Reader through `*/read`) → the HSM exists
//! (404) → the setting (403) → activation → the caller's **local** RBAC on the HSM (ARM acts on
//! the caller's behalf, so an ARM role alone never reaches key material: `keys/create` at
//! `/keys`, `keys/read/action` at the key) → the operation.
//!
//! Decisions where the service's behaviour is not documented:
//! * **Refusal while the setting is false** → 403 `Forbidden` naming the setting and the command
//!   that enables it (no public recording shows the service's text).
//! * **PUT of an existing key** returns it unchanged with 200 (the SDK accepts only 200);
//!   a soft-deleted name → 409 as on the data plane.
//! * **`rotationPolicy` in a PUT** → 400: the emulator does not set rotation policies through
//!   ARM (use `mhsm key rotation-policy update`). `release_policy` is accepted.

use axum::Json;
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use super::ArmRequest;
use super::managed_hsm::{authorize, find_live, hsm_scope, not_found_hsm};
use crate::emulator::Emulator;
use crate::emulator::dataplane::keys::store::{self as key_store, KeyRecord, VersionRecord};
use crate::emulator::dataplane::{Plane, keys, not_activated, rbac as local_rbac, settings};
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::wire::arm::ListResult;
use crate::wire::arm_keys::{
    KEY_TYPE, KEY_VERSION_TYPE, ManagedHsmKey, ManagedHsmKeyAttributes,
    ManagedHsmKeyCreateParameters, ManagedHsmKeyProperties,
};
use crate::wire::keys::{KeyAttributes, KeyCreateParameters, KeyReleasePolicy};
use crate::wire::rbac::Scope;
use crate::wire::settings::ALLOW_ARM_KEYS;

const READ: &str = "Microsoft.KeyVault/managedHSMs/keys/read";
const WRITE: &str = "Microsoft.KeyVault/managedHSMs/keys/write";
const VERSIONS_READ: &str = "Microsoft.KeyVault/managedHSMs/keys/versions/read";

/// Serves a path below `…/managedHSMs/{name}/keys`; `rest` are the segments after `keys` as
/// sent.
pub fn route(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
    rest: &[String],
) -> ApiResult<Response> {
    let low: Vec<String> = rest.iter().map(|s| s.to_ascii_lowercase()).collect();
    let l: Vec<&str> = low.iter().map(String::as_str).collect();
    let base = hsm_scope(sub, rg, name);
    let m = &r.method;
    match (l.as_slice(), m) {
        ([], &Method::GET) => {
            let (plane, h) = open(emu, r, rg, name, READ, &format!("{base}/keys"))?;
            local(&plane, r, "keys/read/action", Scope::Keys)?;
            let mut value = Vec::new();
            for (_, k) in key_store::list_keys(&emu.store, &plane.key)? {
                if k.deleted.is_none()
                    && let Some(v) =
                        key_store::get_version(&emu.store, &plane.key, &k.name, k.latest())?
                {
                    value.push(resource(&h, &base, &k, &v, false));
                }
            }
            Ok(Json(ListResult {
                value,
                next_link: None,
            })
            .into_response())
        }
        ([_], &Method::GET) => {
            let key = &rest[0];
            let (plane, h) = open(emu, r, rg, name, READ, &format!("{base}/keys/{key}"))?;
            local(&plane, r, "keys/read/action", Scope::Key(key.clone()))?;
            let (k, v) = latest(&plane, key)?;
            Ok(Json(resource(&h, &base, &k, &v, false)).into_response())
        }
        ([_], &Method::PUT) => create_if_not_exist(emu, r, rg, name, &base, &rest[0]),
        ([_, "versions"], &Method::GET) => {
            let key = &rest[0];
            let scope = format!("{base}/keys/{key}/versions");
            let (plane, h) = open(emu, r, rg, name, VERSIONS_READ, &scope)?;
            local(&plane, r, "keys/read/action", Scope::Key(key.clone()))?;
            let (k, _) = latest(&plane, key)?;
            let mut value = Vec::new();
            for ver in &k.versions {
                if let Some(v) = key_store::get_version(&emu.store, &plane.key, &k.name, ver)? {
                    value.push(resource(&h, &base, &k, &v, true));
                }
            }
            Ok(Json(ListResult {
                value,
                next_link: None,
            })
            .into_response())
        }
        ([_, "versions", _], &Method::GET) => {
            let (key, ver) = (&rest[0], rest[2].to_ascii_lowercase());
            let scope = format!("{base}/keys/{key}/versions/{ver}");
            let (plane, h) = open(emu, r, rg, name, VERSIONS_READ, &scope)?;
            local(&plane, r, "keys/read/action", Scope::Key(key.clone()))?;
            let (k, _) = latest(&plane, key)?;
            let v = k
                .versions
                .contains(&ver)
                .then(|| key_store::get_version(&emu.store, &plane.key, &k.name, &ver))
                .transpose()?
                .flatten()
                .ok_or_else(|| {
                    ApiError::not_found(
                        "KeyNotFound",
                        format!("A key with (name/id) {key}/{ver} was not found in this HSM."),
                    )
                })?;
            Ok(Json(resource(&h, &base, &k, &v, true)).into_response())
        }
        _ => Err(ApiError::bad_request(
            "InvalidResourceType",
            format!(
                "The resource type or operation '{} {}' could not be found for api version '{}'.",
                r.method,
                r.seg.join("/"),
                r.api_version
            ),
        )),
    }
}

/// Azure RBAC, the HSM, the setting and activation: what every operation checks first.
fn open(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    rg: &str,
    name: &str,
    action: &str,
    scope: &str,
) -> ApiResult<(Plane, HsmRecord)> {
    let sub = &r.seg[1];
    authorize(emu, r, action, scope)?;
    let h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
    let key = h.name.to_ascii_lowercase();
    if !settings::arm_keys_allowed(&emu.store, &key)? {
        return Err(ApiError::forbidden(
            "Forbidden",
            format!(
                "Key management operations through Azure Resource Manager are not allowed on the Managed HSM '{}': its setting '{ALLOW_ARM_KEYS}' is 'false' (the default). An administrator of the HSM allows them with 'az keyvault setting update --hsm-name {} --name {ALLOW_ARM_KEYS} --value true'.",
                h.name, h.name
            ),
        ));
    }
    if !h.is_active(emu.clock.now()) {
        return Err(not_activated());
    }
    Ok((
        // ARM reaches the HSM from inside Azure: network rules do not apply to it.
        Plane {
            emu: emu.clone(),
            key,
            ingress: crate::emulator::dataplane::network::Ingress::Public,
            replica: None,
        },
        h,
    ))
}

/// The caller's local RBAC on the HSM (ARM acts on the caller's behalf).
fn local(plane: &Plane, r: &ArmRequest, action: &str, scope: Scope) -> ApiResult<()> {
    local_rbac::authorize(plane, &r.caller, action, &scope)
}

fn valid_key_name(n: &str) -> bool {
    !n.is_empty() && n.len() <= 127 && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn latest(plane: &Plane, name: &str) -> ApiResult<(KeyRecord, VersionRecord)> {
    let k = key_store::get_key(&plane.emu.store, &plane.key, name)?
        .filter(|k| k.deleted.is_none())
        .ok_or_else(|| keys::key_not_found(name))?;
    let v = key_store::get_version(&plane.emu.store, &plane.key, &k.name, k.latest())?
        .ok_or_else(|| keys::key_not_found(name))?;
    Ok((k, v))
}

fn create_if_not_exist(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    rg: &str,
    name: &str,
    base: &str,
    key: &str,
) -> ApiResult<Response> {
    let (plane, h) = open(emu, r, rg, name, WRITE, &format!("{base}/keys/{key}"))?;
    if !valid_key_name(key) {
        return Err(ApiError::bad_request(
            "BadParameter",
            format!(
                "The key name '{}' is not valid: use 1 to 127 letters, digits and '-'.",
                key.chars().take(127).collect::<String>()
            ),
        ));
    }
    let p: ManagedHsmKeyCreateParameters = r.json()?;
    // An existing key is returned as it is (create-if-not-exist), whatever the body says.
    if let Some(k) = key_store::get_key(&emu.store, &plane.key, key)?
        && k.deleted.is_none()
    {
        local(&plane, r, "keys/read/action", Scope::Key(key.to_string()))?;
        let (k, v) = latest(&plane, &k.name)?;
        return Ok(Json(resource(&h, base, &k, &v, false)).into_response());
    }
    local(&plane, r, "keys/create", Scope::Keys)?;
    let params = data_plane_parameters(p)?;
    let (k, v) = crate::emulator::dataplane::blocking(|| keys::create_key(&plane, key, &params))?;
    Ok(Json(resource(&h, base, &k, &v, false)).into_response())
}

/// The data-plane create of an ARM create (validation is the data plane's).
fn data_plane_parameters(p: ManagedHsmKeyCreateParameters) -> ApiResult<KeyCreateParameters> {
    let ManagedHsmKeyCreateParameters { tags, properties } = p;
    if properties.rotation_policy.is_some() {
        return Err(ApiError::bad_request(
            "BadParameter",
            "mhsm-emulator does not set rotation policies through Azure Resource Manager: create the key, then set its policy on the data plane (mhsm key rotation-policy update).",
        ));
    }
    let kty = properties.kty.ok_or_else(|| {
        ApiError::bad_request(
            "BadParameter",
            "The key type 'properties.kty' is required: RSA-HSM, EC-HSM or oct-HSM.",
        )
    })?;
    let attributes = properties.attributes.map(|a| KeyAttributes {
        enabled: a.enabled,
        nbf: a.nbf,
        exp: a.exp,
        exportable: a.exportable,
        ..Default::default()
    });
    Ok(KeyCreateParameters {
        kty,
        key_size: properties.key_size,
        key_ops: properties.key_ops,
        attributes,
        tags,
        crv: properties.curve_name,
        release_policy: properties.release_policy.map(|rp| KeyReleasePolicy {
            content_type: rp.content_type,
            immutable: None,
            data: rp.data,
        }),
        ..Default::default()
    })
}

/// The ARM shape of a key (or of one of its versions).
fn resource(
    h: &HsmRecord,
    base: &str,
    k: &KeyRecord,
    v: &VersionRecord,
    as_version: bool,
) -> ManagedHsmKey {
    let uri = h.hsm_uri();
    let ec = v.public.crv.is_some();
    let (id, name, resource_type) = if as_version {
        (
            format!("{base}/keys/{}/versions/{}", k.name, v.version),
            v.version.clone(),
            KEY_VERSION_TYPE,
        )
    } else {
        (format!("{base}/keys/{}", k.name), k.name.clone(), KEY_TYPE)
    };
    ManagedHsmKey {
        id,
        name,
        resource_type: resource_type.to_string(),
        tags: v.tags.clone(),
        properties: ManagedHsmKeyProperties {
            attributes: Some(ManagedHsmKeyAttributes {
                enabled: Some(v.enabled),
                nbf: v.nbf,
                exp: v.exp,
                created: Some(v.created),
                updated: Some(v.updated),
                recovery_level: Some(h.recovery_level().to_string()),
                exportable: Some(v.exportable),
            }),
            kty: v.public.kty.clone(),
            key_ops: Some(v.key_ops.clone()),
            key_size: (!ec).then_some(v.size_bits),
            curve_name: v.public.crv.clone(),
            key_uri: Some(format!("{uri}keys/{}", k.name)),
            key_uri_with_version: Some(format!("{uri}keys/{}/{}", k.name, v.version)),
            rotation_policy: None,
            release_policy: v.release_policy.as_ref().map(|rp| {
                crate::wire::arm_keys::ManagedHsmKeyReleasePolicy {
                    content_type: rp.content_type.clone(),
                    data: rp.data.clone(),
                }
            }),
        },
    }
}
