//! Audit log of each HSM (rest-api.md §11): one `AuditEvent` JSON record per data-plane request
//! the service logs — denied ones, 401s and malformed requests too — appended to
//! `DIR/audit/<hsm>.jsonl`. Records carry the caller's identity claims, never tokens or key
//! material; fields a client chooses (URI, User-Agent, request id, api-version) are capped in
//! length. Each record is written with one `write(2)` before the response is sent, so it survives
//! the emulator being killed. The file rotates at a size (`<hsm>.jsonl.1` newest … `.N`, older
//! ones deleted), and every file is owner-only (0600) like the rest of the state.

use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::emulator::auth::Caller;
use crate::emulator::hsm::HsmRecord;

/// One `AuditEvent` record, with the documented field names.
#[derive(Debug, Serialize)]
pub struct AuditRecord {
    #[serde(rename = "TenantId")]
    pub tenant_id: String,
    pub time: String,
    #[serde(rename = "resourceId")]
    pub resource_id: String,
    #[serde(rename = "resourceGroup")]
    pub resource_group: String,
    #[serde(rename = "resourceProvider")]
    pub resource_provider: &'static str,
    pub resource: String,
    #[serde(rename = "resourceType")]
    pub resource_type: &'static str,
    #[serde(rename = "PoolName")]
    pub pool_name: String,
    #[serde(rename = "operationName")]
    pub operation_name: String,
    #[serde(rename = "operationVersion")]
    pub operation_version: String,
    pub category: &'static str,
    #[serde(rename = "resultType")]
    pub result_type: String,
    #[serde(rename = "resultSignature")]
    pub result_signature: String,
    #[serde(rename = "httpStatusCode")]
    pub http_status_code: u16,
    #[serde(rename = "durationMs")]
    pub duration_ms: u64,
    #[serde(rename = "requestUri")]
    pub request_uri: String,
    #[serde(rename = "callerIpAddress")]
    pub caller_ip_address: String,
    #[serde(rename = "clientInfo")]
    pub client_info: String,
    #[serde(rename = "correlationId")]
    pub correlation_id: String,
    #[serde(rename = "requestId")]
    pub request_id: String,
    /// JSON string of the caller's claims.
    pub identity: String,
    pub properties: serde_json::Value,
}

/// Longest value kept of each field a client chooses (longer ones end with `…`).
pub const MAX_URI_CHARS: usize = 2048;
pub const MAX_CLIENT_FIELD_CHARS: usize = 256;

/// `s` cut to at most `max` characters (a cut one ends with `…`).
pub fn cap(mut s: String, max: usize) -> String {
    if let Some((i, _)) = s.char_indices().nth(max) {
        let cut = s[..i].char_indices().nth(max - 1).map_or(i, |(j, _)| j);
        s.truncate(cut);
        s.push('…');
    }
    s
}

impl AuditRecord {
    /// The record of a request; `caller` is `None` for a request with no valid token (a 401):
    /// no identity then, and never the token.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        hsm: &HsmRecord,
        caller: Option<&Caller>,
        time: String,
        operation: &str,
        api_version: &str,
        status: u16,
        duration_ms: u64,
        request_uri: String,
        client_info: String,
        correlation_id: String,
        request_id: String,
    ) -> AuditRecord {
        let identity = match caller.map(|c| &c.claims) {
            Some(c) => serde_json::json!({"claim": {
                "appid": c.appid,
                "http_schemas_microsoft_com_identity": {"claims": {"objectidentifier": c.oid}},
                "http_schemas_xmlsoap_org_ws_2005_05_identity": {"claims": {"upn": c.upn}},
                "groups": c.groups,
            }}),
            None => serde_json::json!({"claim": {}}),
        };
        Self::with_identity(
            hsm,
            identity.to_string(),
            time,
            operation,
            api_version,
            status,
            duration_ms,
            request_uri,
            client_info,
            correlation_id,
            request_id,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn with_identity(
        hsm: &HsmRecord,
        identity: String,
        time: String,
        operation: &str,
        api_version: &str,
        status: u16,
        duration_ms: u64,
        request_uri: String,
        client_info: String,
        correlation_id: String,
        request_id: String,
    ) -> AuditRecord {
        AuditRecord {
            tenant_id: hsm.tenant_id.clone(),
            time,
            resource_id: hsm.resource_id().to_ascii_uppercase(),
            resource_group: hsm.resource_group.to_ascii_uppercase(),
            resource_provider: "MICROSOFT.KEYVAULT",
            resource: hsm.name.to_ascii_uppercase(),
            resource_type: "managedHSMs",
            pool_name: hsm.name.clone(),
            operation_name: operation.to_string(),
            operation_version: cap(api_version.to_string(), MAX_CLIENT_FIELD_CHARS),
            category: "AuditEvent",
            result_type: if (200..300).contains(&status) {
                "Success".into()
            } else {
                reason(status)
            },
            result_signature: reason(status),
            http_status_code: status,
            duration_ms,
            request_uri: cap(request_uri, MAX_URI_CHARS),
            caller_ip_address: "127.0.0.1".into(),
            client_info: cap(client_info, MAX_CLIENT_FIELD_CHARS),
            correlation_id: cap(correlation_id, MAX_CLIENT_FIELD_CHARS),
            request_id,
            identity,
            properties: serde_json::json!({"PoolType": "M-HSM", "sku_Family": hsm.sku.family, "sku_Name": hsm.sku.name}),
        }
    }
}

fn reason(status: u16) -> String {
    axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown")
        .to_string()
}

/// When a log file rotates and how many rotated files are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rotation {
    /// A file rotates before a record would take it past this size (bytes).
    pub max_bytes: u64,
    /// Rotated files kept (`<hsm>.jsonl.1` … `.N`); 0 keeps none (the log restarts empty).
    pub max_files: u32,
}

impl Default for Rotation {
    /// 10 MiB × (1 + 5) files: about 60,000 records per HSM at ~1 KB each.
    fn default() -> Self {
        Rotation {
            max_bytes: 10 * 1024 * 1024,
            max_files: 5,
        }
    }
}

/// An open log file and its size.
struct Open {
    file: std::fs::File,
    len: u64,
}

/// Appends records to per-HSM files.
pub struct AuditLog {
    dir: PathBuf,
    rotation: Rotation,
    files: Mutex<HashMap<String, Open>>,
}

/// Opens (creating owner-only) a log file for appending.
fn open_append(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let f = o.open(path)?;
    // A file an older emulator created with the umask's mode becomes owner-only too.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = f.set_permissions(std::fs::Permissions::from_mode(0o600));
    }
    Ok(f)
}

impl AuditLog {
    pub fn new(dir: PathBuf, rotation: Rotation) -> AuditLog {
        AuditLog {
            dir,
            rotation,
            files: Mutex::new(HashMap::new()),
        }
    }

    /// The log file of an HSM.
    pub fn path(&self, hsm_key: &str) -> PathBuf {
        self.dir.join(format!("{hsm_key}.jsonl"))
    }

    /// The `n`-th rotated file of an HSM (1 = the newest).
    pub fn rotated_path(&self, hsm_key: &str, n: u32) -> PathBuf {
        self.dir.join(format!("{hsm_key}.jsonl.{n}"))
    }

    /// Shifts `.jsonl` → `.jsonl.1` → … → `.jsonl.N`, dropping the oldest.
    fn rotate(&self, hsm_key: &str) {
        let n = self.rotation.max_files;
        if n == 0 {
            let _ = std::fs::remove_file(self.path(hsm_key));
            return;
        }
        let _ = std::fs::remove_file(self.rotated_path(hsm_key, n));
        for i in (1..n).rev() {
            let _ = std::fs::rename(
                self.rotated_path(hsm_key, i),
                self.rotated_path(hsm_key, i + 1),
            );
        }
        let _ = std::fs::rename(self.path(hsm_key), self.rotated_path(hsm_key, 1));
    }

    /// Appends one record (a single write of one line), rotating first when the line would take
    /// the file past its size limit.
    pub fn append(&self, hsm_key: &str, record: &AuditRecord) {
        let mut line = serde_json::to_vec(record).unwrap_or_default();
        line.push(b'\n');
        let mut files = self.files.lock().expect("audit lock");
        let full = files
            .get(hsm_key)
            .is_some_and(|o| o.len > 0 && o.len + line.len() as u64 > self.rotation.max_bytes);
        if full {
            files.remove(hsm_key);
            self.rotate(hsm_key);
        }
        if !files.contains_key(hsm_key) {
            if std::fs::create_dir_all(&self.dir).is_ok() {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ =
                        std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700));
                }
            }
            let path = self.path(hsm_key);
            let Ok(file) = open_append(&path) else {
                return;
            };
            let len = file.metadata().map(|m| m.len()).unwrap_or(0);
            files.insert(hsm_key.to_string(), Open { file, len });
            // A file left over a limit by a previous run (or a smaller limit) rotates now.
            if len > 0 && len + line.len() as u64 > self.rotation.max_bytes {
                files.remove(hsm_key);
                self.rotate(hsm_key);
                let Ok(file) = open_append(&path) else {
                    return;
                };
                files.insert(hsm_key.to_string(), Open { file, len: 0 });
            }
        }
        if let Some(o) = files.get_mut(hsm_key)
            && o.file.write_all(&line).is_ok()
        {
            o.len += line.len() as u64;
        }
    }

    /// Forgets the open file of a purged HSM (its log stays on disk).
    pub fn close(&self, hsm_key: &str) {
        self.files.lock().expect("audit lock").remove(hsm_key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cap_cuts_on_characters() {
        assert_eq!(cap("abc".into(), 3), "abc");
        assert_eq!(cap("abcd".into(), 3), "ab…");
        assert_eq!(cap("ééééé".into(), 4), "ééé…");
    }
}
