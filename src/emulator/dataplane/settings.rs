//! Account settings of one HSM (rest-api.md §5.6; `administration.json` 2026-04-01): list, get
//! and update, persisted per HSM and purged with it.
//!
//! Decisions where the service's behaviour is not documented (rest-api.md §15):
//! * **The settings.** The spec and the service document one setting,
//!   `AllowKeyManagementOperationsThroughARM` (type `boolean`, default `"false"`); `GET
//!   /settings` always lists every defined setting with its current value.
//! * **Names** match case-insensitively (as Key Vault names do); answers use the canonical
//!   spelling. An unknown name → 404 `SettingNotFound`.
//! * **Values.** The body must be a JSON object whose `value` is a JSON *string* (the spec's
//!   `UpdateSettingRequest`); a boolean setting accepts exactly `"true"` or `"false"` (the
//!   Python SDK lower-cases boolean values before sending, which suggests the service is
//!   strict). Anything else — a JSON boolean, a missing value, nesting, `"yes"` — → 400
//!   `BadParameter` saying what is accepted. Unknown members are ignored.
//! * **Backups.** Settings are HSM configuration, not key material or RBAC: a full backup does
//!   not carry them and a full restore leaves the target's settings as they are.

use axum::Json;
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::Plane;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::store::{Store, StoreError, Tx};
use crate::wire::settings::{ALLOW_ARM_KEYS, Setting, SettingsList, TYPE_BOOLEAN};

/// Table of per-HSM settings records, keyed by the HSM's store key.
pub const SETTINGS: &str = "settings";

/// A setting the service defines.
struct Definition {
    name: &'static str,
    setting_type: &'static str,
    default: &'static str,
}

/// Every setting the current spec and service define.
const DEFINITIONS: &[Definition] = &[Definition {
    name: ALLOW_ARM_KEYS,
    setting_type: TYPE_BOOLEAN,
    default: "false",
}];

/// The values an HSM has set (absent = the default), keyed by canonical name.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SettingsRecord {
    pub values: BTreeMap<String, String>,
}

/// Removes the settings of an HSM (purge).
pub fn purge_state(tx: &mut Tx<'_>, key: &str) -> Result<(), StoreError> {
    tx.delete(SETTINGS, key)?;
    Ok(())
}

fn definition(name: &str) -> Option<&'static Definition> {
    DEFINITIONS
        .iter()
        .find(|d| d.name.eq_ignore_ascii_case(name))
}

fn not_found(name: &str) -> ApiError {
    let shown: String = name.chars().take(128).collect();
    ApiError::not_found(
        "SettingNotFound",
        format!(
            "The setting '{shown}' does not exist. The settings of a Managed HSM are: {}.",
            DEFINITIONS
                .iter()
                .map(|d| d.name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request("BadParameter", msg)
}

fn wire(d: &Definition, rec: &SettingsRecord) -> Setting {
    Setting {
        name: d.name.to_string(),
        value: rec
            .values
            .get(d.name)
            .cloned()
            .unwrap_or_else(|| d.default.to_string()),
        setting_type: Some(d.setting_type.to_string()),
    }
}

fn record(store: &Store, hsm: &str) -> ApiResult<SettingsRecord> {
    Ok(store.get(SETTINGS, hsm)?.unwrap_or_default())
}

/// The current value of a setting of an HSM (the default when never set).
pub fn value(store: &Store, hsm: &str, name: &str) -> ApiResult<String> {
    let d = definition(name).ok_or_else(|| not_found(name))?;
    Ok(wire(d, &record(store, hsm)?).value)
}

/// Whether ARM may manage keys of this HSM (`AllowKeyManagementOperationsThroughARM`).
pub fn arm_keys_allowed(store: &Store, hsm: &str) -> ApiResult<bool> {
    Ok(value(store, hsm, ALLOW_ARM_KEYS)? == "true")
}

/// Serves `/settings` and `/settings/{name}` (RBAC and activation already passed).
pub fn handle(
    plane: &Plane,
    method: &Method,
    name: Option<&str>,
    body: &[u8],
) -> ApiResult<Response> {
    match (name, method.as_str()) {
        (None, "GET") => {
            let rec = record(&plane.emu.store, &plane.key)?;
            let list = SettingsList {
                settings: DEFINITIONS.iter().map(|d| wire(d, &rec)).collect(),
            };
            Ok(Json(list).into_response())
        }
        (Some(n), "GET") => {
            let d = definition(n).ok_or_else(|| not_found(n))?;
            let rec = record(&plane.emu.store, &plane.key)?;
            Ok(Json(wire(d, &rec)).into_response())
        }
        (Some(n), "PATCH") => update(plane, n, body),
        _ => Err(ApiError::new(
            axum::http::StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("{method} is not allowed on this settings path."),
        )),
    }
}

/// The `value` of an update body, or 400 saying what is expected.
fn parse_value(body: &[u8]) -> ApiResult<String> {
    const SHAPE: &str = "The body of a setting update must be a JSON object with a string 'value', e.g. {\"value\": \"true\"}";
    if body.is_empty() {
        return Err(bad(format!("The request body is missing. {SHAPE}.")));
    }
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        bad(format!(
            "The request body is not valid JSON ({e}). {SHAPE}."
        ))
    })?;
    let obj = v
        .as_object()
        .ok_or_else(|| bad(format!("The request body is not a JSON object. {SHAPE}.")))?;
    match obj.get("value") {
        None | Some(serde_json::Value::Null) => {
            Err(bad(format!("The setting's 'value' is missing. {SHAPE}.")))
        }
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(bad(format!(
            "The setting's 'value' must be a JSON string, not {}. {SHAPE}.",
            match other {
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Array(_) => "an array",
                _ => "an object",
            }
        ))),
    }
}

fn check_value(d: &Definition, value: &str) -> ApiResult<()> {
    if d.setting_type == TYPE_BOOLEAN && value != "true" && value != "false" {
        let shown: String = value.chars().take(64).collect();
        let more = if value.chars().count() > 64 {
            "…"
        } else {
            ""
        };
        return Err(bad(format!(
            "The value '{shown}{more}' is not valid for the setting '{}' of type 'boolean': use \"true\" or \"false\".",
            d.name
        )));
    }
    Ok(())
}

fn update(plane: &Plane, name: &str, body: &[u8]) -> ApiResult<Response> {
    let d = definition(name).ok_or_else(|| not_found(name))?;
    let value = parse_value(body)?;
    check_value(d, &value)?;
    let key = plane.key.as_str();
    let rec = plane.emu.store.write(|tx| {
        let mut rec: SettingsRecord = tx.get(SETTINGS, key)?.unwrap_or_default();
        rec.values.insert(d.name.to_string(), value.clone());
        tx.put(SETTINGS, key, &rec)?;
        Ok::<_, ApiError>(rec)
    })?;
    Ok(Json(wire(d, &rec)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_bodies() {
        assert_eq!(parse_value(br#"{"value":"true"}"#).unwrap(), "true");
        assert_eq!(
            parse_value(br#"{"value":"false","extra":1}"#).unwrap(),
            "false"
        );
        for body in [
            &b""[..],
            b"[]",
            b"\"true\"",
            br#"{"value":true}"#,
            br#"{"value":null}"#,
            br#"{}"#,
            br#"{"value":{"value":"true"}}"#,
            br#"{"value":["true"]}"#,
            b"{not json",
        ] {
            let e = parse_value(body).unwrap_err();
            assert_eq!(e.status.as_u16(), 400, "{}", String::from_utf8_lossy(body));
            assert_eq!(e.code, "BadParameter");
        }
        // Deep nesting is refused by the parser's recursion limit, as a 400.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            parse_value(deep.as_bytes()).unwrap_err().status.as_u16(),
            400
        );
    }

    #[test]
    fn boolean_values_and_names() {
        let d = definition("allowkeymanagementoperationsthrougharm").unwrap();
        assert_eq!(d.name, ALLOW_ARM_KEYS);
        assert!(check_value(d, "true").is_ok());
        assert!(check_value(d, "false").is_ok());
        for v in ["yes", "True", "", "1"] {
            assert_eq!(check_value(d, v).unwrap_err().code, "BadParameter");
        }
        let huge = "x".repeat(1_000_000);
        assert!(check_value(d, &huge).unwrap_err().message.len() < 400);
        assert!(definition("Nope").is_none());
        assert_eq!(not_found("Nope").status.as_u16(), 404);
    }
}
