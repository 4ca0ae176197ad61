//! External key management of one HSM (`administration.json` 2026-04-01 `/ekm*`;
//! ekm-and-emulators.md §1): its one EKM connection (create, get, update, delete, check) and the
//! client certificate it presents to the proxy.
//!
//! Decisions where the service's behaviour is not documented:
//! * **Errors.** Creating a second connection → 409 `EkmConnectionAlreadyExists`; reading,
//!   updating, checking or deleting a missing one → 404 `EkmConnectionNotFound`. A `host` that is
//!   not `FQDN[:port]` (the spec's `[a-zA-Z0-9.-:]`) or a port outside 1-65535, a `path_prefix`
//!   that is not az's `/[A-Za-z0-9/-]{..64}` without a trailing `/`, a server CA that is not a
//!   base64 DER X.509 certificate, an empty CA list, or a body of the wrong shape → 400
//!   `BadParameter` naming the member.
//! * **RBAC.** The spec names `ekm/read`, `ekm/write`, `ekm/delete` but the `DataAction` enum has
//!   no EKM entry and no role GUID is published; the emulator uses `ekm/read/action`,
//!   `ekm/write/action`, `ekm/delete/action` and grants them in the built-in
//!   `Managed HSM EKM Administrator` role (see `wire::rbac`).
//! * **Backups.** The connection is HSM configuration: full backups do not carry it.

pub mod identity;
pub mod keys;
pub mod proxy;

use axum::Json;
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::Plane;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::store::{StoreError, Tx};
use crate::wire::ekm::{EkmConnection, EkmConnectionUpdate};

/// Table of connections, keyed by the HSM's store key.
pub const EKM: &str = "ekm";

/// At most this many CA certificates in a connection (the service's limit is not documented).
const MAX_CAS: usize = 10;

/// The stored connection.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EkmRecord {
    pub connection: EkmConnection,
}

/// Removes the EKM state of an HSM (purge).
pub fn purge_state(tx: &mut Tx<'_>, key: &str) -> Result<(), StoreError> {
    tx.delete(EKM, key)?;
    tx.delete(identity::EKM_CLIENT, key)?;
    Ok(())
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request("BadParameter", msg)
}

fn not_found() -> ApiError {
    ApiError::not_found(
        "EkmConnectionNotFound",
        "The EKM connection does not exist. Create it first ('mhsm ekm-connection create', az keyvault ekm-connection create).",
    )
}

fn shown(s: &str) -> String {
    let mut t: String = s.chars().take(64).collect();
    if s.chars().count() > 64 {
        t.push('…');
    }
    t
}

/// `host`: `FQDN[:port]`.
pub fn check_host(host: &str) -> ApiResult<()> {
    let shape = "The EKM connection's 'host' must be the proxy's FQDN or FQDN:port (a-z, A-Z, 0-9, '-', '.' and one ':').";
    if host.is_empty() || host.len() > 260 {
        return Err(bad(format!(
            "The host '{}' is not valid. {shape}",
            shown(host)
        )));
    }
    let (name, port) = match host.split_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (host, None),
    };
    let name_ok = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if !name_ok {
        return Err(bad(format!(
            "The host '{}' is not valid. {shape}",
            shown(host)
        )));
    }
    if let Some(p) = port
        && !matches!(p.parse::<u32>(), Ok(1..=65535))
    {
        return Err(bad(format!(
            "The port of the host '{}' is not valid: it must be between 1 and 65535.",
            shown(host)
        )));
    }
    Ok(())
}

/// `path_prefix`: starts with `/`, no trailing `/`, ≤ 64 characters of `[A-Za-z0-9/-]`.
pub fn check_path_prefix(p: &str) -> ApiResult<()> {
    let ok = p.starts_with('/')
        && p.len() >= 2
        && p.len() <= 64
        && !p.ends_with('/')
        && !p.contains("//")
        && p.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-');
    if !ok {
        return Err(bad(format!(
            "The path prefix '{}' is not valid: it starts with '/', does not end with '/', and has at most 64 characters of A-Z, a-z, 0-9, '-' and '/'.",
            shown(p)
        )));
    }
    Ok(())
}

/// `server_ca_certificates`: 1..=10 standard-base64 DER X.509 certificates.
pub fn check_cas(cas: &[String]) -> ApiResult<()> {
    if cas.is_empty() {
        return Err(bad(
            "The EKM connection needs at least one certificate in 'server_ca_certificates'.",
        ));
    }
    if cas.len() > MAX_CAS {
        return Err(bad(format!(
            "The EKM connection takes at most {MAX_CAS} certificates in 'server_ca_certificates'."
        )));
    }
    for (i, c) in cas.iter().enumerate() {
        let der = base64::engine::general_purpose::STANDARD
            .decode(c)
            .map_err(|_| {
                bad(format!(
                    "server_ca_certificates[{i}] is not base64 (a DER certificate, base64-encoded)."
                ))
            })?;
        if x509_parser::parse_x509_certificate(&der).is_err() {
            return Err(bad(format!(
                "server_ca_certificates[{i}] is not an X.509 certificate in DER form."
            )));
        }
    }
    Ok(())
}

fn check_cn(cn: &str) -> ApiResult<()> {
    if cn.is_empty() || cn.len() > 255 || cn.chars().any(char::is_control) {
        return Err(bad(format!(
            "The server subject common name '{}' is not valid: 1-255 printable characters.",
            shown(cn)
        )));
    }
    Ok(())
}

/// Validates a whole connection.
pub fn validate(c: &EkmConnection) -> ApiResult<()> {
    check_host(&c.host)?;
    if let Some(p) = &c.path_prefix {
        check_path_prefix(p)?;
    }
    check_cas(&c.server_ca_certificates)?;
    if let Some(cn) = &c.server_subject_common_name {
        check_cn(cn)?;
    }
    Ok(())
}

/// Parses a JSON object body into `T`, with a 400 naming the problem.
fn parse<T: serde::de::DeserializeOwned>(body: &[u8], what: &str) -> ApiResult<T> {
    if body.is_empty() {
        return Err(bad(format!("The request body is missing: {what}.")));
    }
    let v: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| bad(format!("The request body is not valid JSON ({e}).")))?;
    if !v.is_object() {
        return Err(bad(format!(
            "The request body must be a JSON object: {what}."
        )));
    }
    serde_json::from_value(v).map_err(|e| bad(format!("The request body is not {what}: {e}.")))
}

/// The HSM's connection, if any.
pub fn connection(plane: &Plane) -> ApiResult<Option<EkmConnection>> {
    Ok(plane
        .emu
        .store
        .get::<EkmRecord>(EKM, &plane.key)?
        .map(|r| r.connection))
}

/// A client of the HSM's proxy (404 when the HSM has no connection).
pub fn client(plane: &Plane) -> ApiResult<proxy::ProxyClient> {
    let conn = connection(plane)?.ok_or_else(not_found)?;
    let id = identity::get_or_create(&plane.emu, &plane.key)?;
    let loaded = identity::load(&plane.emu, &plane.key, &id)?;
    proxy::ProxyClient::new(&conn, &loaded, &plane.key)
}

/// Which `/ekm*` path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EkmPath {
    /// `/ekm`
    Connection,
    /// `/ekm/create`
    Create,
    /// `/ekm/check`
    Check,
    /// `/ekm/certificate`
    Certificate,
}

/// Serves `/ekm*` (RBAC and activation already passed).
pub async fn handle(
    plane: &Plane,
    method: &Method,
    path: EkmPath,
    body: &[u8],
) -> ApiResult<Response> {
    match (path, method.as_str()) {
        (EkmPath::Connection, "GET") => {
            Ok(Json(connection(plane)?.ok_or_else(not_found)?).into_response())
        }
        (EkmPath::Create, "POST") => create(plane, body),
        (EkmPath::Connection, "PATCH") => update(plane, body),
        (EkmPath::Connection, "DELETE") => {
            let key = plane.key.as_str();
            let gone = plane.emu.store.write(|tx| {
                let rec: Option<EkmRecord> = tx.get(EKM, key)?;
                let rec = rec.ok_or_else(not_found)?;
                tx.delete(EKM, key)?;
                Ok::<_, ApiError>(rec.connection)
            })?;
            Ok(Json(gone).into_response())
        }
        (EkmPath::Check, "POST") => {
            let c = client(plane)?;
            Ok(Json(c.info().await?).into_response())
        }
        (EkmPath::Certificate, "GET") => {
            let id = identity::get_or_create(&plane.emu, &plane.key)?;
            Ok(Json(identity::info(&id)).into_response())
        }
        _ => Err(ApiError::new(
            axum::http::StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("The requested resource does not support http method '{method}'."),
        )),
    }
}

fn create(plane: &Plane, body: &[u8]) -> ApiResult<Response> {
    let c: EkmConnection = parse(
        body,
        "an EKM connection {host, path_prefix?, server_ca_certificates, server_subject_common_name?}",
    )?;
    validate(&c)?;
    let key = plane.key.as_str();
    plane.emu.store.write(|tx| {
        if tx.get::<EkmRecord>(EKM, key)?.is_some() {
            return Err(ApiError::conflict(
                "EkmConnectionAlreadyExists",
                "The EKM connection already exists: a Managed HSM has one. Update it ('mhsm ekm-connection update') or delete it first.",
            ));
        }
        tx.put(
            EKM,
            key,
            &EkmRecord {
                connection: c.clone(),
            },
        )?;
        Ok(())
    })?;
    Ok(Json(c).into_response())
}

fn update(plane: &Plane, body: &[u8]) -> ApiResult<Response> {
    let u: EkmConnectionUpdate = parse(body, "an EKM connection update")?;
    let key = plane.key.as_str();
    let merged = plane.emu.store.write(|tx| {
        let rec: EkmRecord = tx.get(EKM, key)?.ok_or_else(not_found)?;
        let mut c = rec.connection;
        if let Some(h) = &u.host {
            c.host = h.clone();
        }
        if let Some(p) = &u.path_prefix {
            c.path_prefix = Some(p.clone());
        }
        if let Some(cas) = &u.server_ca_certificates {
            c.server_ca_certificates = cas.clone();
        }
        if let Some(cn) = &u.server_subject_common_name {
            c.server_subject_common_name = Some(cn.clone());
        }
        validate(&c)?;
        tx.put(
            EKM,
            key,
            &EkmRecord {
                connection: c.clone(),
            },
        )?;
        Ok::<_, ApiError>(c)
    })?;
    Ok(Json(merged).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_prefixes_and_cas() {
        for h in [
            "ekm.contoso.com",
            "ekm.contoso.com:443",
            "127.0.0.1:8443",
            "localhost",
        ] {
            assert!(check_host(h).is_ok(), "{h}");
        }
        for h in [
            "",
            "https://ekm.contoso.com",
            "ekm.contoso.com/path",
            "ekm.contoso.com:0",
            "ekm.contoso.com:70000",
            "ekm..com",
            "a:b:c",
            &"a".repeat(300),
        ] {
            assert_eq!(check_host(h).unwrap_err().status.as_u16(), 400, "{h}");
        }
        assert!(check_path_prefix("/api/v1").is_ok());
        for p in [
            "api",
            "/",
            "/api/",
            "/a b",
            "/a//b",
            &format!("/{}", "a".repeat(64)),
        ] {
            assert!(check_path_prefix(p).is_err(), "{p}");
        }
        assert!(check_cas(&[]).is_err());
        assert!(check_cas(&["not base64!".into()]).is_err());
        assert!(check_cas(&["AAAA".into()]).is_err());
        let e =
            parse::<EkmConnection>(br#"{"host":1,"server_ca_certificates":[]}"#, "x").unwrap_err();
        assert_eq!(e.status.as_u16(), 400);
        assert!(parse::<EkmConnection>(b"[]", "x").is_err());
        assert!(parse::<EkmConnection>(b"", "x").is_err());
    }
}
