//! Azure Monitor diagnostic settings of a Managed HSM (`{hsmId}/providers/
//! Microsoft.Insights/diagnosticSettings[/{name}]`, api-version 2021-05-01-preview): list, get,
//! create or update, delete. They are kept in the HSM's record and decide whether its data plane
//! writes the audit log (`HsmRecord::audit_logging`): like the service, an HSM without a setting
//! that sends `AuditEvent` somewhere logs nothing.

use axum::Json;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use super::ArmRequest;
use super::managed_hsm::{authorize, find_live, hsm_scope, not_found_hsm};
use crate::emulator::Emulator;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::store::tables;
use crate::wire::insights::{
    AUDIT_EVENT, AUDIT_GROUPS, DIAGNOSTIC_SETTINGS_TYPE, DiagnosticSetting,
};

/// Most diagnostic settings per resource (Azure Monitor's limit).
const MAX_SETTINGS: usize = 5;

/// Routes the diagnostic settings of one HSM; `rest` follows `diagnosticSettings`.
pub fn route(
    emu: &Arc<Emulator>,
    r: &ArmRequest,
    sub: &str,
    rg: &str,
    name: &str,
    rest: &[String],
) -> ApiResult<Response> {
    let scope = hsm_scope(sub, rg, name);
    let action = |verb: &str| format!("Microsoft.Insights/diagnosticSettings/{verb}");
    let m = &r.method;
    match rest {
        [] if m == Method::GET => {
            authorize(emu, r, &action("read"), &scope)?;
            let h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
            let value: Vec<DiagnosticSetting> = h
                .diagnostic_settings
                .iter()
                .map(|d| with_identity(d, &h.resource_id()))
                .collect();
            Ok(Json(serde_json::json!({ "value": value })).into_response())
        }
        [setting] => match *m {
            Method::GET => {
                authorize(emu, r, &action("read"), &scope)?;
                let h = find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
                let d = h
                    .diagnostic_settings
                    .iter()
                    .find(|d| same_name(d, setting))
                    .ok_or_else(|| not_found(setting))?;
                Ok(Json(with_identity(d, &h.resource_id())).into_response())
            }
            Method::PUT => {
                authorize(emu, r, &action("write"), &scope)?;
                let mut h =
                    find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
                let mut d: DiagnosticSetting = r.json()?;
                validate(&d)?;
                d.id = None;
                d.resource_type = None;
                d.name = Some(setting.clone());
                let existing = h
                    .diagnostic_settings
                    .iter()
                    .position(|x| same_name(x, setting));
                match existing {
                    Some(i) => h.diagnostic_settings[i] = d.clone(),
                    None if h.diagnostic_settings.len() >= MAX_SETTINGS => {
                        return Err(ApiError::bad_request(
                            "BadRequest",
                            format!(
                                "Diagnostic settings count exceeds the maximum of {MAX_SETTINGS} for this resource."
                            ),
                        ));
                    }
                    None => h.diagnostic_settings.push(d.clone()),
                }
                emu.store.write(|tx| tx.put(tables::HSMS, &h.key(), &h))?;
                Ok(Json(with_identity(&d, &h.resource_id())).into_response())
            }
            Method::DELETE => {
                authorize(emu, r, &action("delete"), &scope)?;
                let mut h =
                    find_live(emu, sub, rg, name)?.ok_or_else(|| not_found_hsm(rg, name))?;
                let before = h.diagnostic_settings.len();
                h.diagnostic_settings.retain(|x| !same_name(x, setting));
                if h.diagnostic_settings.len() == before {
                    // Azure Monitor answers 204 for a setting that does not exist.
                    return Ok(StatusCode::NO_CONTENT.into_response());
                }
                emu.store.write(|tx| tx.put(tables::HSMS, &h.key(), &h))?;
                Ok(StatusCode::OK.into_response())
            }
            _ => Err(unsupported(r)),
        },
        _ => Err(unsupported(r)),
    }
}

fn same_name(d: &DiagnosticSetting, name: &str) -> bool {
    d.name
        .as_deref()
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
}

/// The setting as Azure Monitor returns it: id under the HSM, type, and no location.
fn with_identity(d: &DiagnosticSetting, hsm_id: &str) -> DiagnosticSetting {
    let name = d.name.clone().unwrap_or_default();
    DiagnosticSetting {
        id: Some(format!(
            "{hsm_id}/providers/microsoft.insights/diagnosticSettings/{name}"
        )),
        name: Some(name),
        resource_type: Some(DIAGNOSTIC_SETTINGS_TYPE.into()),
        properties: d.properties.clone(),
    }
}

/// Azure Monitor's checks: a destination, and only the categories the resource type has.
fn validate(d: &DiagnosticSetting) -> ApiResult<()> {
    let p = &d.properties;
    if p.storage_account_id.is_none()
        && p.workspace_id.is_none()
        && p.event_hub_authorization_rule_id.is_none()
        && p.marketplace_partner_id.is_none()
    {
        return Err(ApiError::bad_request(
            "BadRequest",
            "At least one destination (storage account, Log Analytics workspace, event hub or partner solution) is required.",
        ));
    }
    for l in &p.logs {
        match (&l.category, &l.category_group) {
            (Some(c), None) if c == AUDIT_EVENT => {}
            (None, Some(g)) if AUDIT_GROUPS.iter().any(|a| a.eq_ignore_ascii_case(g)) => {}
            (Some(c), None) => {
                return Err(ApiError::bad_request(
                    "BadRequest",
                    format!("Category '{c}' is not supported."),
                ));
            }
            (None, Some(g)) => {
                return Err(ApiError::bad_request(
                    "BadRequest",
                    format!("Category group '{g}' is not supported."),
                ));
            }
            _ => {
                return Err(ApiError::bad_request(
                    "BadRequest",
                    "A log setting names exactly one of 'category' and 'categoryGroup'.",
                ));
            }
        }
    }
    for m in &p.metrics {
        if let Some(c) = &m.category
            && c != "AllMetrics"
        {
            return Err(ApiError::bad_request(
                "BadRequest",
                format!("Category '{c}' is not supported."),
            ));
        }
    }
    Ok(())
}

fn not_found(name: &str) -> ApiError {
    ApiError::not_found(
        "ResourceNotFound",
        format!("The diagnostic setting '{name}' doesn't exist."),
    )
}

fn unsupported(r: &ArmRequest) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        format!(
            "The requested method '{}' is not allowed for diagnostic settings.",
            r.method
        ),
    )
}
