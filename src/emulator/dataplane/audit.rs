//! Audit log of each HSM (rest-api.md §11): one `AuditEvent` JSON record per authenticated
//! data-plane request — denied ones too — appended to `DIR/audit/<hsm>.jsonl`. Records carry the
//! caller's identity claims, never tokens or key material. Each record is written with one
//! `write(2)` before the response is sent, so it survives the emulator being killed.

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

impl AuditRecord {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        hsm: &HsmRecord,
        caller: &Caller,
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
        let c = &caller.claims;
        let identity = serde_json::json!({"claim": {
            "appid": c.appid,
            "http_schemas_microsoft_com_identity": {"claims": {"objectidentifier": c.oid}},
            "http_schemas_xmlsoap_org_ws_2005_05_identity": {"claims": {"upn": c.upn}},
            "groups": c.groups,
        }});
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
            operation_version: api_version.to_string(),
            category: "AuditEvent",
            result_type: if (200..300).contains(&status) {
                "Success".into()
            } else {
                reason(status)
            },
            result_signature: reason(status),
            http_status_code: status,
            duration_ms,
            request_uri,
            caller_ip_address: "127.0.0.1".into(),
            client_info,
            correlation_id,
            request_id,
            identity: identity.to_string(),
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

/// Appends records to per-HSM files.
pub struct AuditLog {
    dir: PathBuf,
    files: Mutex<HashMap<String, std::fs::File>>,
}

impl AuditLog {
    pub fn new(dir: PathBuf) -> AuditLog {
        AuditLog {
            dir,
            files: Mutex::new(HashMap::new()),
        }
    }

    /// The log file of an HSM.
    pub fn path(&self, hsm_key: &str) -> PathBuf {
        self.dir.join(format!("{hsm_key}.jsonl"))
    }

    /// Appends one record (a single write of one line).
    pub fn append(&self, hsm_key: &str, record: &AuditRecord) {
        let mut line = serde_json::to_vec(record).unwrap_or_default();
        line.push(b'\n');
        let mut files = self.files.lock().expect("audit lock");
        if !files.contains_key(hsm_key) {
            let _ = std::fs::create_dir_all(&self.dir);
            match std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.path(hsm_key))
            {
                Ok(f) => {
                    files.insert(hsm_key.to_string(), f);
                }
                Err(_) => return,
            }
        }
        if let Some(f) = files.get_mut(hsm_key) {
            let _ = f.write_all(&line);
        }
    }

    /// Forgets the open file of a purged HSM (its log stays on disk).
    pub fn close(&self, hsm_key: &str) {
        self.files.lock().expect("audit lock").remove(hsm_key);
    }
}
