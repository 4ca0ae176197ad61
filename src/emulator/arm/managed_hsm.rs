//! ARM operations: subscriptions, tenants, resource groups and `Microsoft.KeyVault/managedHSMs`
//! (create, get, list, update, delete, deleted listing, recover, purge, name check, regions,
//! private link), each authorized by Azure RBAC at its scope.

use axum::Json;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::sync::Arc;

use super::rbac;
use super::{ArmRequest, accepted};
use crate::emulator::Emulator;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::{
    Activation, Deletion, HsmRecord, Operation, OperationKind, ResourceGroupRecord, Stamp,
};
use crate::emulator::store::tables;
use crate::wire::arm::{
    CheckNameRequest, CheckNameResult, ListResult, ManagedHsm, NetworkAcls, Sku, Subscription,
    Tenant,
};

const KV: &str = "microsoft.keyvault";
/// HSMs per subscription per region (rest-api.md §8.6).
const MAX_HSMS_PER_REGION: usize = 5;
/// ARM's tag limits: 50 name/value pairs per resource, names of at most 512 characters, values
/// of at most 256.
const MAX_TAGS: usize = 50;
const MAX_TAG_NAME_CHARS: usize = 512;
const MAX_TAG_VALUE_CHARS: usize = 256;
/// Initial administrators become role assignments at `/`, where an HSM holds at most 50
/// (service-facts.md §1.1).
const MAX_INITIAL_ADMINS: usize = 50;

/// Refuses tags beyond ARM's limits (400 `InvalidTag`).
fn check_tags(tags: Option<&BTreeMap<String, String>>) -> ApiResult<()> {
    let Some(tags) = tags else { return Ok(()) };
    let short = |s: &str| s.chars().take(40).collect::<String>();
    if tags.len() > MAX_TAGS {
        return Err(ApiError::bad_request(
            "InvalidTag",
            format!(
                "The resource has {} tags; a resource can have at most {MAX_TAGS} tag name/value pairs.",
                tags.len()
            ),
        ));
    }
    for (k, v) in tags {
        if k.is_empty() || k.chars().count() > MAX_TAG_NAME_CHARS {
            return Err(ApiError::bad_request(
                "InvalidTagNameLength",
                format!(
                    "The tag name '{}' is not valid: tag names have 1 to {MAX_TAG_NAME_CHARS} characters.",
                    short(k)
                ),
            ));
        }
        if v.chars().count() > MAX_TAG_VALUE_CHARS {
            return Err(ApiError::bad_request(
                "InvalidTagValueLength",
                format!(
                    "The value of tag '{}' is not valid: tag values have at most {MAX_TAG_VALUE_CHARS} characters.",
                    short(k)
                ),
            ));
        }
    }
    Ok(())
}

pub async fn route(emu: &Arc<Emulator>, r: &ArmRequest) -> ApiResult<Response> {
    let l: Vec<&str> = r.low.iter().map(String::as_str).collect();
    let m = &r.method;
    match l.as_slice() {
        ["subscriptions"] if m == Method::GET => list_subscriptions(emu, r),
        ["tenants"] if m == Method::GET => list_tenants(emu),
        ["subscriptions", sub] if m == Method::GET => get_subscription(emu, r, sub),
        ["subscriptions", sub, rest @ ..] => {
            check_subscription(emu, sub)?;
            let sub = &r.seg[1];
            route_in_subscription(emu, r, sub, rest).await
        }
        _ => not_implemented(r),
    }
}

fn not_implemented(r: &ArmRequest) -> ApiResult<Response> {
    Err(ApiError::bad_request(
        "InvalidResourceType",
        format!(
            "The resource type or operation '{} /{}' could not be found for api version '{}': mhsm-emulator implements the Microsoft.KeyVault/managedHSMs management plane only.",
            r.method,
            r.seg.join("/"),
            r.api_version
        ),
    ))
}

async fn route_in_subscription(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rest: &[&str],
) -> ApiResult<Response> {
    let m = &r.method;
    let s = |i: usize| r.seg[2 + i].clone();
    match rest {
        ["resourcegroups"] if m == Method::GET => list_resource_groups(emu, r, sub),
        ["resourcegroups", _] => resource_group(emu, r, sub, &s(1)),
        ["resources"] if m == Method::GET => list_generic(emu, r, sub, None),
        ["resourcegroups", _, "resources"] if m == Method::GET => {
            list_generic(emu, r, sub, Some(&s(1)))
        }
        ["providers", KV, "managedhsms"] if m == Method::GET => list_hsms(emu, r, sub, None),
        ["resourcegroups", _, "providers", KV, "managedhsms"] if m == Method::GET => {
            require_rg(emu, sub, &s(1))?;
            list_hsms(emu, r, sub, Some(&s(1)))
        }
        ["resourcegroups", _, "providers", KV, "managedhsms", _] => {
            let (rg, name) = (s(1), s(5));
            match *m {
                Method::GET => get_hsm(emu, r, sub, &rg, &name),
                Method::PUT => put_hsm(emu, r, sub, &rg, &name, false),
                Method::PATCH => put_hsm(emu, r, sub, &rg, &name, true),
                Method::DELETE => delete_hsm(emu, r, sub, &rg, &name),
                _ => not_implemented(r),
            }
        }
        [
            "resourcegroups",
            _,
            "providers",
            KV,
            "managedhsms",
            _,
            "keys",
            ..,
        ] => super::hsm_keys::route(emu, r, sub, &s(1), &s(5), &r.seg[9..]),
        [
            "resourcegroups",
            _,
            "providers",
            KV,
            "managedhsms",
            _,
            "privateendpointconnections" | "privatelinkresources",
            ..,
        ] => super::private_link::route(emu, r, sub, &s(1), &s(5), &r.seg[8..]),
        [
            "resourcegroups",
            _,
            "providers",
            KV,
            "managedhsms",
            _,
            "providers",
            "microsoft.insights",
            "diagnosticsettings",
            ..,
        ] => super::diagnostic_settings::route(emu, r, sub, &s(1), &s(5), &r.seg[11..]),
        [
            "resourcegroups",
            _,
            "providers",
            KV,
            "managedhsms",
            _,
            child,
        ] if m == Method::GET => hsm_child(emu, r, sub, &s(1), &s(5), child),
        ["providers", KV, "deletedmanagedhsms"] if m == Method::GET => list_deleted(emu, r, sub),
        ["providers", KV, "locations", _, "deletedmanagedhsms", _] if m == Method::GET => {
            get_deleted(emu, r, sub, &s(3), &s(5))
        }
        [
            "providers",
            KV,
            "locations",
            _,
            "deletedmanagedhsms",
            _,
            "purge",
        ] if m == Method::POST => purge(emu, r, sub, &s(3), &s(5)),
        [
            "providers",
            KV,
            "locations",
            _,
            "managedhsmoperationresults",
            _,
        ] if m == Method::GET => operation_result(emu, r, &s(5)),
        ["providers", KV, "checkmhsmnameavailability"] if m == Method::POST => check_name(emu, r),
        // Vaults are not emulated: their lists are empty, so `az keyvault list` works.
        ["providers", KV, "vaults" | "deletedvaults"] if m == Method::GET => Ok(empty_list()),
        ["resourcegroups", _, "providers", KV, "vaults"] if m == Method::GET => Ok(empty_list()),
        _ => not_implemented(r),
    }
}

fn empty_list() -> Response {
    Json(serde_json::json!({"value": []})).into_response()
}

fn check_subscription(emu: &Emulator, sub: &str) -> ApiResult<()> {
    if sub.eq_ignore_ascii_case(&emu.subscription_id()) {
        Ok(())
    } else {
        Err(ApiError::not_found(
            "SubscriptionNotFound",
            format!("The subscription '{sub}' could not be found."),
        ))
    }
}

pub(super) fn authorize(
    emu: &Emulator,
    r: &ArmRequest,
    action: &str,
    scope: &str,
) -> ApiResult<()> {
    let dir = emu.directory.read().expect("directory lock");
    let ids = rbac::principal_ids(&dir, &r.caller);
    if rbac::allowed(&dir, &ids, action, scope) {
        Ok(())
    } else {
        Err(rbac::denied(&r.caller, action, scope))
    }
}

fn can(emu: &Emulator, r: &ArmRequest, action: &str, scope: &str) -> bool {
    let dir = emu.directory.read().expect("directory lock");
    let ids = rbac::principal_ids(&dir, &r.caller);
    rbac::allowed(&dir, &ids, action, scope)
}

// --- subscriptions, tenants -------------------------------------------------------------

fn subscription_wire(emu: &Emulator) -> Subscription {
    let dir = emu.directory.read().expect("directory lock");
    Subscription {
        id: format!("/subscriptions/{}", dir.subscription_id),
        subscription_id: dir.subscription_id.clone(),
        tenant_id: Some(dir.tenant_id.clone()),
        display_name: Some(dir.subscription_name.clone()),
        state: Some("Enabled".into()),
        subscription_policies: Some(serde_json::json!({
            "locationPlacementId": "Public_2014-09-01", "quotaId": "PayAsYouGo_2014-09-01", "spendingLimit": "Off"
        })),
        authorization_source: Some("RoleBased".into()),
        managed_by_tenants: Some(vec![]),
    }
}

fn visible_subscription(emu: &Emulator, r: &ArmRequest) -> bool {
    let dir = emu.directory.read().expect("directory lock");
    let ids = rbac::principal_ids(&dir, &r.caller);
    rbac::has_any_role_under(
        &dir,
        &ids,
        &format!("/subscriptions/{}", dir.subscription_id),
    )
}

fn list_subscriptions(emu: &Emulator, r: &ArmRequest) -> ApiResult<Response> {
    let value = if visible_subscription(emu, r) {
        vec![subscription_wire(emu)]
    } else {
        vec![]
    };
    let n = value.len();
    Ok(
        Json(serde_json::json!({"value": value, "count": {"type": "Total", "value": n}}))
            .into_response(),
    )
}

fn get_subscription(emu: &Emulator, r: &ArmRequest, sub: &str) -> ApiResult<Response> {
    check_subscription(emu, sub)?;
    if !visible_subscription(emu, r) {
        return Err(rbac::denied(
            &r.caller,
            "Microsoft.Resources/subscriptions/read",
            &format!("/subscriptions/{sub}"),
        ));
    }
    Ok(Json(subscription_wire(emu)).into_response())
}

fn list_tenants(emu: &Emulator) -> ApiResult<Response> {
    let dir = emu.directory.read().expect("directory lock");
    let t = Tenant {
        id: format!("/tenants/{}", dir.tenant_id),
        tenant_id: dir.tenant_id.clone(),
        tenant_category: Some("Home".into()),
        display_name: Some("mhsm-emulator".into()),
        default_domain: Some(dir.tenant_domain.clone()),
        domains: Some(vec![dir.tenant_domain.clone()]),
        tenant_type: Some("AAD".into()),
    };
    Ok(Json(ListResult {
        value: vec![t],
        next_link: None,
    })
    .into_response())
}

// --- resource groups ----------------------------------------------------------------------

fn rg_scope(sub: &str, rg: &str) -> String {
    format!("/subscriptions/{sub}/resourceGroups/{rg}")
}

fn load_rg(emu: &Emulator, sub: &str, rg: &str) -> ApiResult<Option<ResourceGroupRecord>> {
    Ok(emu
        .store
        .get(tables::RESOURCE_GROUPS, &ResourceGroupRecord::key(sub, rg))?)
}

fn require_rg(emu: &Emulator, sub: &str, rg: &str) -> ApiResult<ResourceGroupRecord> {
    load_rg(emu, sub, rg)?.ok_or_else(|| {
        ApiError::not_found(
            "ResourceGroupNotFound",
            format!("Resource group '{rg}' could not be found."),
        )
    })
}

fn list_resource_groups(emu: &Emulator, r: &ArmRequest, sub: &str) -> ApiResult<Response> {
    let rgs: Vec<(String, ResourceGroupRecord)> = emu.store.list(
        tables::RESOURCE_GROUPS,
        &format!("{}/", sub.to_ascii_lowercase()),
    )?;
    let value: Vec<_> = rgs
        .into_iter()
        .map(|(_, g)| g)
        .filter(|g| {
            can(
                emu,
                r,
                "Microsoft.Resources/subscriptions/resourceGroups/read",
                &g.id(),
            )
        })
        .map(|g| g.to_wire())
        .collect();
    Ok(Json(ListResult {
        value,
        next_link: None,
    })
    .into_response())
}

fn resource_group(emu: &Emulator, r: &ArmRequest, sub: &str, rg: &str) -> ApiResult<Response> {
    let scope = rg_scope(sub, rg);
    match r.method {
        Method::GET | Method::HEAD => {
            authorize(
                emu,
                r,
                "Microsoft.Resources/subscriptions/resourceGroups/read",
                &scope,
            )?;
            match load_rg(emu, sub, rg)? {
                Some(g) if r.method == Method::GET => Ok(Json(g.to_wire()).into_response()),
                Some(_) => Ok(StatusCode::NO_CONTENT.into_response()),
                None if r.method == Method::HEAD => Ok(StatusCode::NOT_FOUND.into_response()),
                None => Err(ApiError::not_found(
                    "ResourceGroupNotFound",
                    format!("Resource group '{rg}' could not be found."),
                )),
            }
        }
        Method::PUT => {
            authorize(
                emu,
                r,
                "Microsoft.Resources/subscriptions/resourceGroups/write",
                &scope,
            )?;
            let body: crate::wire::arm::ResourceGroup = r.json()?;
            let existing = load_rg(emu, sub, rg)?;
            let rec = ResourceGroupRecord {
                subscription_id: sub.to_string(),
                name: existing
                    .as_ref()
                    .map(|g| g.name.clone())
                    .unwrap_or_else(|| rg.to_string()),
                location: body.location.to_ascii_lowercase().replace(' ', ""),
                tags: body.tags.unwrap_or_default(),
            };
            emu.store.write(|tx| {
                tx.put(
                    tables::RESOURCE_GROUPS,
                    &ResourceGroupRecord::key(sub, rg),
                    &rec,
                )
            })?;
            let status = if existing.is_some() {
                StatusCode::OK
            } else {
                StatusCode::CREATED
            };
            Ok((status, Json(rec.to_wire())).into_response())
        }
        _ => not_implemented(r),
    }
}

fn list_generic(
    emu: &Emulator,
    r: &ArmRequest,
    sub: &str,
    rg: Option<&str>,
) -> ApiResult<Response> {
    let filter = r
        .query
        .get("$filter")
        .map(|f| f.to_ascii_lowercase())
        .unwrap_or_default();
    if !filter.is_empty() && !filter.contains("microsoft.keyvault/managedhsms") {
        return Ok(empty_list());
    }
    let now = emu.clock.now();
    let value: Vec<serde_json::Value> = live_hsms(emu, sub, rg)?
        .into_iter()
        .filter(|h| can(emu, r, "Microsoft.KeyVault/managedHSMs/read", &h.resource_id()))
        .map(|h| {
            let w = h.to_wire(now);
            serde_json::json!({"id": w.id, "name": w.name, "type": w.resource_type, "location": w.location, "sku": w.sku, "tags": w.tags})
        })
        .collect();
    Ok(Json(serde_json::json!({"value": value})).into_response())
}

// --- managed HSMs ---------------------------------------------------------------------------

pub(super) fn hsm_scope(sub: &str, rg: &str, name: &str) -> String {
    format!(
        "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/managedHSMs/{name}"
    )
}

fn load_hsm(emu: &Emulator, name: &str) -> ApiResult<Option<HsmRecord>> {
    Ok(emu.store.get(tables::HSMS, &name.to_ascii_lowercase())?)
}

pub(super) fn not_found_hsm(rg: &str, name: &str) -> ApiError {
    ApiError::not_found(
        "ResourceNotFound",
        format!(
            "The Resource 'Microsoft.KeyVault/managedHSMs/{name}' under resource group '{rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"
        ),
    )
}

/// A live HSM in exactly this subscription and resource group.
pub(super) fn find_live(
    emu: &Emulator,
    sub: &str,
    rg: &str,
    name: &str,
) -> ApiResult<Option<HsmRecord>> {
    Ok(load_hsm(emu, name)?.filter(|h| {
        h.deleted.is_none()
            && h.subscription_id.eq_ignore_ascii_case(sub)
            && h.resource_group.eq_ignore_ascii_case(rg)
    }))
}

fn live_hsms(emu: &Emulator, sub: &str, rg: Option<&str>) -> ApiResult<Vec<HsmRecord>> {
    let all: Vec<(String, HsmRecord)> = emu.store.list(tables::HSMS, "")?;
    Ok(all
        .into_iter()
        .map(|(_, h)| h)
        .filter(|h| {
            h.deleted.is_none()
                && h.subscription_id.eq_ignore_ascii_case(sub)
                && rg.is_none_or(|g| h.resource_group.eq_ignore_ascii_case(g))
        })
        .collect())
}

fn get_hsm(emu: &Emulator, r: &ArmRequest, sub: &str, rg: &str, name: &str) -> ApiResult<Response> {
    authorize(
        emu,
        r,
        "Microsoft.KeyVault/managedHSMs/read",
        &hsm_scope(sub, rg, name),
    )?;
    match find_live(emu, sub, rg, name)? {
        Some(h) => Ok(Json(h.to_wire(emu.clock.now())).into_response()),
        None => Err(not_found_hsm(rg, name)),
    }
}

fn list_hsms(emu: &Emulator, r: &ArmRequest, sub: &str, rg: Option<&str>) -> ApiResult<Response> {
    let now = emu.clock.now();
    let mut items: Vec<ManagedHsm> = live_hsms(emu, sub, rg)?
        .into_iter()
        .filter(|h| {
            can(
                emu,
                r,
                "Microsoft.KeyVault/managedHSMs/read",
                &h.resource_id(),
            )
        })
        .map(|h| h.to_wire(now))
        .collect();
    items.sort_by(|a, b| a.name.cmp(&b.name));
    // `$top` pages the list; the continuation is an offset in `$skiptoken`.
    let skip: usize = r
        .query
        .get("$skiptoken")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let top: Option<usize> = r
        .query
        .get("$top")
        .and_then(|s| s.parse().ok())
        .filter(|t| *t > 0);
    let rest: Vec<ManagedHsm> = items.into_iter().skip(skip).collect();
    let (page, next_link) = match top {
        Some(t) if rest.len() > t => {
            let base = format!(
                "{}/{}?api-version={}&$top={t}&$skiptoken={}",
                emu.urls.control,
                r.seg.join("/"),
                r.api_version,
                skip + t
            );
            (rest.into_iter().take(t).collect(), Some(base))
        }
        _ => (rest, None),
    };
    Ok(Json(ListResult {
        value: page,
        next_link,
    })
    .into_response())
}

fn valid_hsm_name(name: &str) -> bool {
    let b = name.as_bytes();
    (3..=24).contains(&b.len())
        && b[0].is_ascii_alphabetic()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && !name.contains("--")
}

fn invalid_name_message(name: &str) -> String {
    format!(
        "The name '{name}' is invalid. A Managed HSM name must be 3-24 characters long, begin with a letter, end with a letter or digit, and contain only letters, digits and hyphens (no consecutive hyphens)."
    )
}

fn is_guid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok() && s.len() == 36
}

pub(super) fn stamp(r: &ArmRequest, now: time::OffsetDateTime) -> Stamp {
    Stamp {
        by: r.caller.display(),
        by_type: r.caller.by_type().into(),
        at: now,
    }
}

pub(super) fn operation_location(emu: &Emulator, op: &Operation) -> String {
    format!(
        "{}/subscriptions/{}/providers/Microsoft.KeyVault/locations/{}/managedHsmOperationResults/{}?api-version=2026-02-01",
        emu.urls.control, op.subscription_id, op.location, op.id
    )
}

pub(super) fn retry_after(emu: &Emulator) -> u64 {
    emu.opts.provision_delay.as_secs().clamp(
        if emu.opts.provision_delay.is_zero() {
            0
        } else {
            1
        },
        10,
    )
}

pub(super) fn new_operation(emu: &Emulator, kind: OperationKind, h: &HsmRecord) -> Operation {
    Operation {
        id: uuid::Uuid::new_v4().simple().to_string(),
        kind,
        hsm_name: h.name.clone(),
        subscription_id: h.subscription_id.clone(),
        location: h.location.clone(),
        resource_id: h.resource_id(),
        done_at: emu.clock.now() + emu.opts.provision_delay,
    }
}

fn put_hsm(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
    patch: bool,
) -> ApiResult<Response> {
    authorize(
        emu,
        r,
        "Microsoft.KeyVault/managedHSMs/write",
        &hsm_scope(sub, rg, name),
    )?;
    let body: ManagedHsm = r.json()?;
    check_tags(body.tags.as_ref())?;
    let rg_rec = require_rg(emu, sub, rg)?;
    if !valid_hsm_name(name) {
        return Err(ApiError::bad_request(
            "InvalidManagedHsmName",
            invalid_name_message(name),
        ));
    }
    let props = body.properties.clone().unwrap_or_default();
    let now = emu.clock.now();
    let existing = load_hsm(emu, name)?;
    let recover = props
        .create_mode
        .as_deref()
        .is_some_and(|m| m.eq_ignore_ascii_case("recover"));

    let record = match existing {
        Some(h) if recover => {
            let Some(_) = h.deleted else {
                return Err(ApiError::conflict(
                    "ConflictError",
                    format!(
                        "The Managed HSM '{name}' is not in a deleted state, so it cannot be recovered."
                    ),
                ));
            };
            if !h.subscription_id.eq_ignore_ascii_case(sub)
                || !h.resource_group.eq_ignore_ascii_case(rg)
            {
                return Err(ApiError::bad_request(
                    "BadRequest",
                    format!(
                        "The deleted Managed HSM '{name}' belongs to resource group '{}'; it must be recovered to its original resource group.",
                        h.resource_group
                    ),
                ));
            }
            let mut h = h;
            h.deleted = None;
            h.modified = stamp(r, now);
            h.ready_at = now + emu.opts.provision_delay;
            if let Some(t) = body.tags.clone() {
                h.tags = t;
            }
            h
        }
        None if recover => {
            return Err(ApiError::not_found(
                "ResourceNotFound",
                format!(
                    "No deleted Managed HSM named '{name}' was found in subscription '{sub}' to recover."
                ),
            ));
        }
        Some(h) if h.deleted.is_some() => {
            return Err(ApiError::conflict(
                "ConflictError",
                format!(
                    "A Managed HSM named '{name}' is in a soft-deleted state: its name cannot be reused until it is purged (or recover it with createMode 'recover'). Scheduled purge date: {}.",
                    crate::emulator::clock::arm_time(
                        h.deleted
                            .as_ref()
                            .map(|d| d.scheduled_purge_date)
                            .unwrap_or(now)
                    )
                ),
            ));
        }
        Some(h)
            if !h.subscription_id.eq_ignore_ascii_case(sub)
                || !h.resource_group.eq_ignore_ascii_case(rg) =>
        {
            return Err(ApiError::conflict(
                "ConflictError",
                format!(
                    "The name '{name}' is already in use by another Managed HSM; Managed HSM names are globally unique."
                ),
            ));
        }
        Some(h) => update_record(h, &body, r, now, patch, emu.opts.provision_delay)?,
        None if patch => return Err(not_found_hsm(rg, name)),
        None => new_record(emu, &body, r, sub, &rg_rec, name, now)?,
    };

    let is_new_port = record.port == 0;
    let mut record = record;
    if is_new_port || recover {
        let port = emu
            .start_listener(&record.name, record.port)
            .or_else(|_| emu.start_listener(&record.name, 0))
            .map_err(|e| ApiError::internal(format!("cannot start the HSM's data plane: {e}")))?;
        record.port = port;
    }
    let op = new_operation(emu, OperationKind::CreateOrUpdate, &record);
    let res = emu.store.write(|tx| {
        tx.put(tables::HSMS, &record.key(), &record)?;
        tx.put(tables::OPERATIONS, &op.id, &op)?;
        if is_new_port {
            crate::emulator::dataplane::init_state(tx, &record)?;
        }
        Ok::<_, ApiError>(())
    });
    if let Err(e) = res {
        if is_new_port {
            emu.stop_listener(&record.name);
        }
        return Err(e);
    }
    // Secondary regions: listeners of added ones start, those of removed ones stop at once.
    crate::emulator::hsm::start_replicas(emu, &record.key())?;
    if recover {
        // Approved private endpoint connections outlive a soft delete: their address serves again.
        super::private_link::sync_listener(emu, &record.name)?;
    }
    Ok(accepted(&operation_location(emu, &op), retry_after(emu)))
}

fn new_record(
    emu: &Emulator,
    body: &ManagedHsm,
    r: &ArmRequest,
    sub: &str,
    rg: &ResourceGroupRecord,
    name: &str,
    now: time::OffsetDateTime,
) -> ApiResult<HsmRecord> {
    let props = body.properties.clone().unwrap_or_default();
    let location = body
        .location
        .clone()
        .filter(|l| !l.trim().is_empty())
        .ok_or_else(|| {
            ApiError::bad_request(
                "LocationRequired",
                "The location property is required for this definition.",
            )
        })?
        .to_ascii_lowercase()
        .replace(' ', "");
    // Only the regions the subscription offers for managedHSMs (ARM's refusal).
    if !super::regions::LOCATIONS.contains(&location.as_str()) {
        return Err(ApiError::bad_request(
            "LocationNotAvailableForResourceType",
            format!(
                "The provided location '{}' is not available for resource type 'Microsoft.KeyVault/managedHSMs'. List of available regions for the resource type is '{}'.",
                body.location
                    .as_deref()
                    .unwrap_or_default()
                    .chars()
                    .take(64)
                    .collect::<String>(),
                super::regions::LOCATIONS.join(",")
            ),
        ));
    }
    let sku = body
        .sku
        .as_ref()
        .ok_or_else(|| ApiError::bad_request("BadRequest", "The 'sku' property is required."))?;
    let sku = Sku::from_name(&sku.name).ok_or_else(|| {
        ApiError::bad_request(
            "BadRequest",
            format!(
                "The SKU '{}' is not valid. Valid SKU names: {}.",
                sku.name,
                crate::wire::arm::SKU_NAMES.join(", ")
            ),
        )
    })?;
    let tenant = props.tenant_id.clone().unwrap_or_default();
    if !tenant.eq_ignore_ascii_case(&emu.tenant_id()) {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!(
                "The tenant id '{tenant}' is not valid: it must be the tenant of the subscription ('{}').",
                emu.tenant_id()
            ),
        ));
    }
    let admins = props.initial_admin_object_ids.clone().unwrap_or_default();
    if admins.is_empty() {
        return Err(ApiError::bad_request(
            "BadRequest",
            "At least one initial administrator (properties.initialAdminObjectIds) is required.",
        ));
    }
    if admins.len() > MAX_INITIAL_ADMINS {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!(
                "{} initial administrators were given; at most {MAX_INITIAL_ADMINS} are allowed (each becomes a role assignment at '/', where a Managed HSM holds at most {MAX_INITIAL_ADMINS}).",
                admins.len()
            ),
        ));
    }
    if let Some(bad) = admins.iter().find(|a| !is_guid(a)) {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!("The initial administrator '{bad}' is not a valid object id (GUID)."),
        ));
    }
    let retention = props.soft_delete_retention_in_days.unwrap_or(90);
    if !(7..=90).contains(&retention) {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!(
                "The soft delete retention period must be between 7 and 90 days; got {retention}."
            ),
        ));
    }
    if props.enable_soft_delete == Some(false) {
        return Err(ApiError::bad_request(
            "BadRequest",
            "Soft delete cannot be disabled on a Managed HSM.",
        ));
    }
    let in_region = emu
        .store
        .list::<HsmRecord>(tables::HSMS, "")?
        .into_iter()
        .filter(|(_, h)| h.subscription_id.eq_ignore_ascii_case(sub) && h.location == location)
        .count();
    if in_region >= MAX_HSMS_PER_REGION {
        return Err(ApiError::conflict(
            "QuotaExceeded",
            format!(
                "The subscription already has {MAX_HSMS_PER_REGION} Managed HSMs (including soft-deleted ones) in region '{location}', the limit per region. Purge or delete one, or use another region."
            ),
        ));
    }
    super::regions::check_create(&location, props.regions.as_deref())?;
    let s = stamp(r, now);
    Ok(HsmRecord {
        name: name.to_string(),
        subscription_id: sub.to_string(),
        resource_group: rg.name.clone(),
        location,
        sku,
        tags: body.tags.clone().unwrap_or_default(),
        identity: body.identity.clone(),
        tenant_id: emu.tenant_id(),
        initial_admin_object_ids: admins,
        retention_days: retention,
        purge_protection: props.enable_purge_protection.unwrap_or(false),
        public_network_access: normalize_pna(props.public_network_access.as_deref())?,
        network_acls: normalize_acls(props.network_acls.clone())?,
        port: 0,
        created: s.clone(),
        modified: s,
        ready_at: now + emu.opts.provision_delay,
        activation: if emu.opts.pre_activate {
            Activation::Active
        } else {
            Activation::NotActivated
        },
        activation_at: None,
        deleted: None,
        private_endpoints: Vec::new(),
        private_port: None,
        secondaries: Vec::new(),
        diagnostic_settings: Vec::new(),
    })
}

fn normalize_pna(v: Option<&str>) -> ApiResult<String> {
    match v {
        None => Ok("Enabled".into()),
        Some(s) if s.eq_ignore_ascii_case("enabled") => Ok("Enabled".into()),
        Some(s) if s.eq_ignore_ascii_case("disabled") => Ok("Disabled".into()),
        Some(s) => Err(ApiError::bad_request(
            "BadRequest",
            format!(
                "The value '{s}' of publicNetworkAccess is not valid: use Enabled or Disabled."
            ),
        )),
    }
}

/// Most IP rules one HSM holds (Key Vault's documented limit of IPv4 rules per vault; the
/// emulator applies it so that a hostile body cannot grow a record without bound).
pub const MAX_IP_RULES: usize = 1000;

/// Validates and canonicalises `networkAcls` (service defaults for absent members): `bypass`
/// AzureServices|None, `defaultAction` Allow|Deny, each `ipRules` value an IPv4 address or CIDR.
fn normalize_acls(a: Option<NetworkAcls>) -> ApiResult<NetworkAcls> {
    let a = a.unwrap_or_default();
    let choice = |member: &str, v: Option<String>, default: &str, allowed: &[&str]| {
        let v = v.unwrap_or_else(|| default.to_string());
        allowed
            .iter()
            .find(|c| c.eq_ignore_ascii_case(&v))
            .map(|c| c.to_string())
            .ok_or_else(|| {
                ApiError::bad_request(
                    "BadRequest",
                    format!(
                        "The value '{v}' of networkAcls.{member} is not valid: use {}.",
                        allowed.join(" or ")
                    ),
                )
            })
    };
    let bypass = choice(
        "bypass",
        a.bypass,
        "AzureServices",
        &["AzureServices", "None"],
    )?;
    let default_action = choice(
        "defaultAction",
        a.default_action,
        "Allow",
        &["Allow", "Deny"],
    )?;
    let ip_rules = a.ip_rules.unwrap_or_default();
    if ip_rules.len() > MAX_IP_RULES {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!(
                "networkAcls.ipRules has {} rules; a Managed HSM holds at most {MAX_IP_RULES}.",
                ip_rules.len()
            ),
        ));
    }
    for r in &ip_rules {
        if crate::wire::network::Ipv4Net::parse_lenient(&r.value).is_err() {
            return Err(ApiError::bad_request(
                "BadRequest",
                format!(
                    "The IP rule '{}' is not valid: networkAcls.ipRules values must be IPv4 addresses or CIDR ranges (e.g. 124.56.78.91 or 124.56.78.0/24).",
                    r.value
                ),
            ));
        }
    }
    Ok(NetworkAcls {
        bypass: Some(bypass),
        default_action: Some(default_action),
        ip_rules: Some(ip_rules),
        service_tags: a.service_tags,
        virtual_network_rules: Some(a.virtual_network_rules.unwrap_or_default()),
    })
}

fn update_record(
    mut h: HsmRecord,
    body: &ManagedHsm,
    r: &ArmRequest,
    now: time::OffsetDateTime,
    patch: bool,
    provision_delay: std::time::Duration,
) -> ApiResult<HsmRecord> {
    let props = body.properties.clone().unwrap_or_default();
    if let Some(days) = props.soft_delete_retention_in_days
        && days != h.retention_days
    {
        return Err(ApiError::bad_request(
            "BadRequest",
            format!(
                "The soft delete retention period of a Managed HSM cannot be changed after creation (it is {} days).",
                h.retention_days
            ),
        ));
    }
    if let Some(t) = &props.tenant_id
        && !t.eq_ignore_ascii_case(&h.tenant_id)
    {
        return Err(ApiError::bad_request(
            "BadRequest",
            "The tenant of a Managed HSM cannot be changed.",
        ));
    }
    match props.enable_purge_protection {
        Some(false) if h.purge_protection => {
            return Err(ApiError::bad_request(
                "BadRequest",
                "Purge protection cannot be disabled once it is enabled.",
            ));
        }
        Some(v) => h.purge_protection = v,
        None => {}
    }
    if let Some(p) = props.public_network_access.as_deref() {
        h.public_network_access = normalize_pna(Some(p))?;
    }
    if let Some(a) = props.network_acls.clone() {
        h.network_acls = normalize_acls(Some(a))?;
    }
    if let Some(t) = body.tags.clone() {
        h.tags = t;
    } else if !patch {
        h.tags = BTreeMap::new();
    }
    if let Some(i) = body.identity.clone() {
        h.identity = Some(i);
    }
    if let Some(s) = &body.sku
        && !s.name.eq_ignore_ascii_case(&h.sku.name)
    {
        return Err(ApiError::bad_request(
            "BadRequest",
            "The SKU of a Managed HSM cannot be changed.",
        ));
    }
    if let Some(regions) = props.regions.as_deref() {
        super::regions::apply(&mut h, regions, now, provision_delay)?;
    }
    h.modified = stamp(r, now);
    Ok(h)
}

fn delete_hsm(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
) -> ApiResult<Response> {
    authorize(
        emu,
        r,
        "Microsoft.KeyVault/managedHSMs/delete",
        &hsm_scope(sub, rg, name),
    )?;
    let Some(mut h) = find_live(emu, sub, rg, name)? else {
        // ARM: deleting what does not exist is a no-op.
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let now = emu.clock.now();
    h.deleted = Some(Deletion {
        deletion_date: now,
        scheduled_purge_date: now + time::Duration::days(h.retention_days as i64),
    });
    h.modified = stamp(r, now);
    let op = new_operation(emu, OperationKind::Delete, &h);
    emu.store.write(|tx| {
        tx.put(tables::HSMS, &h.key(), &h)?;
        tx.put(tables::OPERATIONS, &op.id, &op)
    })?;
    emu.stop_listener(&h.name);
    crate::emulator::hsm::stop_replicas(emu, &h);
    Ok(accepted(&operation_location(emu, &op), retry_after(emu)))
}

fn hsm_child(
    emu: &Emulator,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
    child: &str,
) -> ApiResult<Response> {
    authorize(
        emu,
        r,
        "Microsoft.KeyVault/managedHSMs/read",
        &hsm_scope(sub, rg, name),
    )?;
    let h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
    let now = emu.clock.now();
    match child {
        "regions" => {
            let regions = h.regions(now);
            Ok(Json(ListResult {
                value: regions,
                next_link: None,
            })
            .into_response())
        }
        _ => not_implemented(r),
    }
}

fn deleted_hsms(emu: &Emulator, r: &ArmRequest, sub: &str) -> ApiResult<Vec<HsmRecord>> {
    let all: Vec<(String, HsmRecord)> = emu.store.list(tables::HSMS, "")?;
    Ok(all
        .into_iter()
        .map(|(_, h)| h)
        .filter(|h| h.deleted.is_some() && h.subscription_id.eq_ignore_ascii_case(sub))
        .filter(|h| {
            can(
                emu,
                r,
                "Microsoft.KeyVault/locations/deletedManagedHSMs/read",
                &h.resource_id(),
            )
        })
        .collect())
}

fn list_deleted(emu: &Emulator, r: &ArmRequest, sub: &str) -> ApiResult<Response> {
    let value: Vec<_> = deleted_hsms(emu, r, sub)?
        .iter()
        .filter_map(HsmRecord::to_deleted_wire)
        .collect();
    Ok(Json(ListResult {
        value,
        next_link: None,
    })
    .into_response())
}

fn same_location(a: &str, b: &str) -> bool {
    a.replace(' ', "").eq_ignore_ascii_case(&b.replace(' ', ""))
}

fn find_deleted(
    emu: &Emulator,
    r: &ArmRequest,
    sub: &str,
    loc: &str,
    name: &str,
    action: &str,
) -> ApiResult<HsmRecord> {
    let h = load_hsm(emu, name)?.filter(|h| {
        h.deleted.is_some()
            && h.subscription_id.eq_ignore_ascii_case(sub)
            && same_location(&h.location, loc)
    });
    let scope = format!(
        "/subscriptions/{sub}/providers/Microsoft.KeyVault/locations/{loc}/deletedManagedHSMs/{name}"
    );
    match h {
        Some(h) => {
            if !can(emu, r, action, &h.resource_id()) && !can(emu, r, action, &scope) {
                return Err(rbac::denied(&r.caller, action, &scope));
            }
            Ok(h)
        }
        None => {
            authorize(emu, r, action, &format!("/subscriptions/{sub}"))
                .or_else(|_| authorize(emu, r, action, &scope))?;
            Err(ApiError::not_found(
                "ResourceNotFound",
                format!("The deleted Managed HSM '{name}' was not found in location '{loc}'."),
            ))
        }
    }
}

fn get_deleted(
    emu: &Emulator,
    r: &ArmRequest,
    sub: &str,
    loc: &str,
    name: &str,
) -> ApiResult<Response> {
    let h = find_deleted(
        emu,
        r,
        sub,
        loc,
        name,
        "Microsoft.KeyVault/locations/deletedManagedHSMs/read",
    )?;
    Ok(Json(h.to_deleted_wire()).into_response())
}

fn purge(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    loc: &str,
    name: &str,
) -> ApiResult<Response> {
    let h = find_deleted(
        emu,
        r,
        sub,
        loc,
        name,
        "Microsoft.KeyVault/locations/deletedManagedHSMs/purge/action",
    )?;
    let d = h.deleted.clone().expect("deleted");
    if h.purge_protection && emu.clock.now() < d.scheduled_purge_date {
        return Err(ApiError::conflict(
            "MethodNotAllowed",
            format!(
                "Operation \"purge\" is not allowed because purge protection is enabled for this Managed HSM. The service will purge it automatically after the retention period has passed, on {}.",
                crate::emulator::clock::arm_time(d.scheduled_purge_date)
            ),
        ));
    }
    let op = new_operation(emu, OperationKind::Purge, &h);
    emu.store
        .write(|tx| tx.put(tables::OPERATIONS, &op.id, &op))?;
    crate::emulator::hsm::purge_hsm_state(emu, &h.key())?;
    Ok(accepted(&operation_location(emu, &op), retry_after(emu)))
}

fn operation_result(emu: &Emulator, r: &ArmRequest, id: &str) -> ApiResult<Response> {
    let op: Operation = emu.store.get(tables::OPERATIONS, id)?.ok_or_else(|| {
        ApiError::not_found(
            "OperationNotFound",
            format!("The operation '{id}' was not found."),
        )
    })?;
    if !can(
        emu,
        r,
        "Microsoft.KeyVault/locations/managedHsmOperationResults/read",
        &op.resource_id,
    ) && !can(
        emu,
        r,
        "Microsoft.KeyVault/managedHSMs/read",
        &op.resource_id,
    ) {
        return Err(rbac::denied(
            &r.caller,
            "Microsoft.KeyVault/locations/managedHsmOperationResults/read",
            &op.resource_id,
        ));
    }
    let now = emu.clock.now();
    if now < op.done_at {
        let secs = (op.done_at - now).whole_seconds().clamp(1, 10) as u64;
        return Ok(accepted(&operation_location(emu, &op), secs));
    }
    match op.kind {
        OperationKind::CreateOrUpdate => match load_hsm(emu, &op.hsm_name)? {
            Some(h) if h.deleted.is_none() => Ok(Json(h.to_wire(now)).into_response()),
            _ => Ok(StatusCode::NO_CONTENT.into_response()),
        },
        OperationKind::Delete | OperationKind::Purge => Ok(StatusCode::OK.into_response()),
    }
}

fn check_name(emu: &Emulator, r: &ArmRequest) -> ApiResult<Response> {
    let req: CheckNameRequest = r.json()?;
    let result = if !valid_hsm_name(&req.name) {
        CheckNameResult {
            name_available: false,
            reason: Some("AccountNameInvalid".into()),
            message: Some(invalid_name_message(&req.name)),
        }
    } else {
        match load_hsm(emu, &req.name)? {
            Some(h) if h.deleted.is_some() => CheckNameResult {
                name_available: false,
                reason: Some("AlreadyExists".into()),
                message: Some(format!(
                    "The name '{}' is already in use: a soft-deleted Managed HSM has it until it is purged (scheduled purge date {}).",
                    req.name,
                    crate::emulator::clock::arm_time(
                        h.deleted
                            .as_ref()
                            .map(|d| d.scheduled_purge_date)
                            .unwrap_or_else(|| emu.clock.now())
                    )
                )),
            },
            Some(_) => CheckNameResult {
                name_available: false,
                reason: Some("AlreadyExists".into()),
                message: Some(format!("The name '{}' is already in use.", req.name)),
            },
            None => CheckNameResult {
                name_available: true,
                reason: None,
                message: None,
            },
        }
    };
    Ok(Json(result).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsm_names() {
        assert!(valid_hsm_name("contoso-hsm1"));
        assert!(!valid_hsm_name("ab"));
        assert!(!valid_hsm_name("1abc"));
        assert!(!valid_hsm_name("abc-"));
        assert!(!valid_hsm_name("a--b"));
        assert!(!valid_hsm_name("a_bc"));
        assert!(!valid_hsm_name(&"a".repeat(25)));
    }
}
