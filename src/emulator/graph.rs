//! The Microsoft Graph v1.0 subset az and mhsm use to name principals: directory-object lookups
//! by ids, users, groups and service principals (with the `$filter` forms az sends).

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::collections::HashMap;
use std::sync::Arc;

use super::Emulator;
use super::auth::{AuthFailure, authenticate};
use super::directory::{Directory, Principal};
use crate::wire::cloud::PrincipalKind;
use crate::wire::graph::{DirectoryObject, GetByIdsRequest};

pub fn router() -> Router<Arc<Emulator>> {
    Router::new()
        .route("/directoryObjects/getByIds", post(get_by_ids))
        .route("/users", get(list_users))
        .route("/users/{id}", get(get_user))
        .route("/groups", get(list_groups))
        .route("/groups/{id}", get(get_group))
        .route("/servicePrincipals", get(list_sps))
        .route("/servicePrincipals/{id}", get(get_sp))
        .route("/me", get(me))
}

fn graph_error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(serde_json::json!({"error": {"code": code, "message": message, "innerError": {"request-id": uuid::Uuid::new_v4().to_string()}}})),
    )
        .into_response()
}

#[allow(clippy::result_large_err)]
fn auth(emu: &Emulator, headers: &HeaderMap) -> Result<crate::emulator::auth::Caller, Response> {
    authenticate(emu, headers, &[crate::emulator::idp::GRAPH_RESOURCE]).map_err(|f| {
        let msg = match f {
            AuthFailure::Missing => "Access token is empty.".to_string(),
            AuthFailure::Invalid(e) => format!("Access token validation failure. {e}."),
        };
        graph_error(StatusCode::UNAUTHORIZED, "InvalidAuthenticationToken", &msg)
    })
}

/// The Graph representation of a principal.
pub fn to_object(dir: &Directory, p: &Principal) -> DirectoryObject {
    let base = DirectoryObject {
        odata_type: String::new(),
        id: p.object_id.clone(),
        display_name: Some(p.display_name.clone()),
        user_principal_name: None,
        mail: None,
        app_id: None,
        service_principal_names: None,
        service_principal_type: None,
        security_enabled: None,
    };
    let _ = dir;
    match p.kind {
        PrincipalKind::User => DirectoryObject {
            odata_type: "#microsoft.graph.user".into(),
            user_principal_name: p.user_principal_name.clone(),
            mail: p.user_principal_name.clone(),
            ..base
        },
        PrincipalKind::Group => DirectoryObject {
            odata_type: "#microsoft.graph.group".into(),
            security_enabled: Some(true),
            ..base
        },
        PrincipalKind::ServicePrincipal | PrincipalKind::ManagedIdentity => {
            let app = p.app_id.clone().unwrap_or_default();
            let mi = p.kind == PrincipalKind::ManagedIdentity;
            DirectoryObject {
                odata_type: "#microsoft.graph.servicePrincipal".into(),
                app_id: Some(app.clone()),
                service_principal_names: Some(if mi {
                    vec![app]
                } else {
                    vec![app, format!("api://{}", p.name)]
                }),
                service_principal_type: Some(
                    if mi { "ManagedIdentity" } else { "Application" }.into(),
                ),
                ..base
            }
        }
    }
}

fn type_name(k: PrincipalKind) -> &'static str {
    match k {
        PrincipalKind::User => "user",
        PrincipalKind::Group => "group",
        PrincipalKind::ServicePrincipal | PrincipalKind::ManagedIdentity => "serviceprincipal",
    }
}

async fn get_by_ids(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Json(req): Json<GetByIdsRequest>,
) -> Response {
    if let Err(r) = auth(&emu, &headers) {
        return r;
    }
    let dir = emu.directory.read().expect("directory lock").clone();
    let types: Vec<String> = req.types.iter().map(|t| t.to_ascii_lowercase()).collect();
    let value: Vec<DirectoryObject> = req
        .ids
        .iter()
        .filter_map(|id| {
            dir.all()
                .into_iter()
                .find(|p| p.object_id.eq_ignore_ascii_case(id))
        })
        .filter(|p| types.is_empty() || types.iter().any(|t| t == type_name(p.kind)))
        .map(|p| to_object(&dir, &p))
        .collect();
    Json(serde_json::json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects", "value": value})).into_response()
}

/// Evaluates the `$filter` forms az sends: `userPrincipalName eq 'x'`, `displayName eq 'x'`,
/// `appId eq 'x'`, `servicePrincipalNames/any(c:c eq 'x')`, `startswith(displayName,'x')`.
fn filter_matches(filter: &str, obj: &DirectoryObject) -> bool {
    let f = filter.trim();
    let quoted = |s: &str| -> Option<String> {
        let start = s.find('\'')?;
        let end = s.rfind('\'')?;
        (end > start).then(|| s[start + 1..end].replace("''", "'"))
    };
    let Some(value) = quoted(f) else { return false };
    let eq = |field: &Option<String>| {
        field
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case(&value))
    };
    let lower = f.to_ascii_lowercase();
    if lower.starts_with("userprincipalname eq") {
        eq(&obj.user_principal_name)
    } else if lower.starts_with("displayname eq") {
        eq(&obj.display_name)
    } else if lower.starts_with("appid eq") {
        eq(&obj.app_id)
    } else if lower.starts_with("mail eq") {
        eq(&obj.mail)
    } else if lower.starts_with("serviceprincipalnames/any") {
        obj.service_principal_names
            .as_ref()
            .is_some_and(|v| v.iter().any(|n| n.eq_ignore_ascii_case(&value)))
    } else if lower.starts_with("startswith(displayname") {
        obj.display_name.as_deref().is_some_and(|d| {
            d.to_ascii_lowercase()
                .starts_with(&value.to_ascii_lowercase())
        })
    } else {
        false
    }
}

fn list_of(
    emu: &Emulator,
    headers: &HeaderMap,
    kind: &[PrincipalKind],
    q: &HashMap<String, String>,
    ctx: &str,
) -> Response {
    if let Err(r) = auth(emu, headers) {
        return r;
    }
    let dir = emu.directory.read().expect("directory lock").clone();
    let value: Vec<DirectoryObject> = dir
        .all()
        .iter()
        .filter(|p| kind.contains(&p.kind))
        .map(|p| to_object(&dir, p))
        .filter(|o| q.get("$filter").is_none_or(|f| filter_matches(f, o)))
        .collect();
    Json(serde_json::json!({"@odata.context": format!("https://graph.microsoft.com/v1.0/$metadata#{ctx}"), "value": value})).into_response()
}

fn one_of(emu: &Emulator, headers: &HeaderMap, kind: &[PrincipalKind], id: &str) -> Response {
    if let Err(r) = auth(emu, headers) {
        return r;
    }
    let dir = emu.directory.read().expect("directory lock").clone();
    let found = dir.all().into_iter().find(|p| {
        kind.contains(&p.kind)
            && (p.object_id.eq_ignore_ascii_case(id)
                || p.user_principal_name
                    .as_deref()
                    .is_some_and(|u| u.eq_ignore_ascii_case(id)))
    });
    match found {
        Some(p) => Json(to_object(&dir, &p)).into_response(),
        None => graph_error(
            StatusCode::NOT_FOUND,
            "Request_ResourceNotFound",
            &format!(
                "Resource '{id}' does not exist or one of its queried reference-property objects are not present."
            ),
        ),
    }
}

async fn list_users(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    list_of(&emu, &headers, &[PrincipalKind::User], &q, "users")
}
async fn get_user(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    one_of(&emu, &headers, &[PrincipalKind::User], &id)
}
async fn list_groups(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    list_of(&emu, &headers, &[PrincipalKind::Group], &q, "groups")
}
async fn get_group(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    one_of(&emu, &headers, &[PrincipalKind::Group], &id)
}
const SP_KINDS: &[PrincipalKind] = &[
    PrincipalKind::ServicePrincipal,
    PrincipalKind::ManagedIdentity,
];
async fn list_sps(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    list_of(&emu, &headers, SP_KINDS, &q, "servicePrincipals")
}
async fn get_sp(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    one_of(&emu, &headers, SP_KINDS, &id)
}

async fn me(State(emu): State<Arc<Emulator>>, headers: HeaderMap) -> Response {
    let caller = match auth(&emu, &headers) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let dir = emu.directory.read().expect("directory lock").clone();
    match dir.find(caller.oid()) {
        Some(p) if p.kind == PrincipalKind::User => Json(to_object(&dir, &p)).into_response(),
        _ => graph_error(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            "/me request is only valid with delegated authentication flow.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn az_filters() {
        let d = Directory::default_new();
        let u = to_object(&d, &d.find("security-officer").unwrap());
        assert!(filter_matches(
            "userPrincipalName eq 'security-officer@mhsmemulator.onmicrosoft.com'",
            &u
        ));
        assert!(!filter_matches("userPrincipalName eq 'x@y'", &u));
        let sp = d.find("hsm-operator").unwrap();
        let o = to_object(&d, &sp);
        assert!(filter_matches(
            &format!(
                "servicePrincipalNames/any(c:c eq '{}')",
                sp.app_id.clone().unwrap()
            ),
            &o
        ));
        assert_eq!(o.principal_name(), sp.app_id);
    }
}
