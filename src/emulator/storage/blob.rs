//! Protocol of the embedded Blob service (path-style like Azurite:
//! `https://127.0.0.1:P/{account}/{container}[/{blob}]`): routing of the Blob REST operations
//! the backup engine and object_store's Azure client use — Create/Get/Delete Container, List
//! Blobs, Put Blob, Put Block, Put Block List, Get Blob (ranges), Get Blob Properties, Delete
//! Blob and Blob Batch (deletes) — with Azure's headers, XML bodies and errors
//! (`<Error><Code>…</Code><Message>…</Message></Error>` + `x-ms-error-code`). Hostile input
//! (dot segments, oversized bodies, bad XML) gets a 4xx, never a 5xx.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::sync::Arc;

use super::auth::{AuthRequest, Need, authorize};
use super::backend::{Backend, BackendError, BlobMeta};
use crate::emulator::Emulator;
use crate::emulator::directory::{StorageAccount, valid_account_name, valid_container_name};

/// Largest request body accepted (Azure allows 5000 MiB per Put Blob; an emulator does not
/// need that, and a cap keeps a hostile client from exhausting memory).
pub const MAX_BODY: usize = 256 * 1024 * 1024;

/// Version answered when the client sends no `x-ms-version`.
const DEFAULT_VERSION: &str = "2025-11-05";

/// Most blobs in a committed block list (Azure's limit).
const MAX_BLOCKS: usize = 50_000;

/// An Azure Storage error response.
#[derive(Debug, Clone)]
pub struct BlobError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    /// Extra elements of `<Error>` (e.g. `AuthenticationErrorDetail`).
    pub details: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
}

impl BlobError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        BlobError {
            status,
            code: code.into(),
            message: message.into(),
            details: Vec::new(),
            headers: Vec::new(),
        }
    }

    pub fn detail(mut self, element: &str, value: impl Into<String>) -> Self {
        self.details.push((element.into(), value.into()));
        self
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn auth_failed(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "AuthenticationFailed",
            "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.",
        )
        .detail("AuthenticationErrorDetail", detail)
    }

    pub fn permission_mismatch() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "AuthorizationPermissionMismatch",
            "This request is not authorized to perform this operation using this permission.",
        )
    }

    pub fn resource_type_mismatch() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "AuthorizationResourceTypeMismatch",
            "This request is not authorized to perform this operation using this resource type.",
        )
    }

    fn container_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "ContainerNotFound",
            "The specified container does not exist.",
        )
    }

    fn blob_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "BlobNotFound",
            "The specified blob does not exist.",
        )
    }

    fn invalid_uri(why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidUri",
            format!("The requested URI does not represent any resource on the server. ({why})"),
        )
    }

    fn invalid_name(why: &str) -> Self {
        // Sic: Azure's message has the typo "specifed".
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidResourceName",
            format!("The specifed resource name contains invalid characters. ({why})"),
        )
    }

    fn invalid_query(name: &str, value: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "InvalidQueryParameterValue",
            "Value for one of the query parameters specified in the request URI is invalid.",
        )
        .detail("QueryParameterName", name)
        .detail("QueryParameterValue", value)
    }

    fn unsupported(what: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "UnsupportedOperation",
            format!("The emulator's Blob service does not implement {what}."),
        )
    }

    fn condition_not_met() -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            "ConditionNotMet",
            "The condition specified using HTTP conditional header(s) is not met.",
        )
    }

    fn from_backend(e: BackendError) -> Self {
        match e {
            BackendError::ContainerNotFound => Self::container_not_found(),
            BackendError::BlobNotFound => Self::blob_not_found(),
            BackendError::PathConflict(why) => Self::new(
                StatusCode::CONFLICT,
                "PathConflict",
                format!(
                    "The specified path, or an element of the path, exists and its resource type is invalid for this operation: {why}."
                ),
            ),
            BackendError::BlockNotFound(_) => Self::new(
                StatusCode::BAD_REQUEST,
                "InvalidBlockList",
                "The specified block list is invalid.",
            ),
            BackendError::Io(e) => {
                tracing::warn!("blob backend: {e}");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "InternalError",
                    "The server encountered an internal error. Please retry the request.",
                )
            }
        }
    }

    /// The XML body Azure sends (`RequestId`/`Time` lines end the message).
    pub fn xml(&self, request_id: &str, time: &str) -> String {
        let mut s = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{}</Code><Message>{}\nRequestId:{request_id}\nTime:{time}</Message>",
            esc(&self.code),
            esc(&self.message)
        );
        for (k, v) in &self.details {
            s.push_str(&format!("<{k}>{}</{k}>", esc(v)));
        }
        s.push_str("</Error>");
        s
    }

    fn render(&self, request_id: &str, time: &str, head: bool) -> Response {
        let mut r = if head {
            Response::new(Body::empty())
        } else {
            let mut r = Response::new(Body::from(self.xml(request_id, time)));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/xml"),
            );
            r
        };
        *r.status_mut() = self.status;
        set(r.headers_mut(), "x-ms-error-code", &self.code);
        for (k, v) in &self.headers {
            set(r.headers_mut(), k, v);
        }
        r
    }
}

fn set(h: &mut HeaderMap, name: &str, value: &str) {
    if let (Ok(n), Ok(v)) = (
        HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_str(value),
    ) {
        h.insert(n, v);
    }
}

/// XML text escaping.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// RFC 1123 date (`Tue, 05 Nov 2024 15:01:15 GMT`), as HTTP and Azure's XML use.
pub fn http_date(unix: i64) -> String {
    let Ok(t) = time::OffsetDateTime::from_unix_timestamp(unix) else {
        return String::new();
    };
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        DAYS[t.weekday().number_days_from_monday() as usize],
        t.day(),
        MONTHS[t.month() as usize - 1],
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Parses an RFC 1123 date (conditional headers).
fn parse_http_date(s: &str) -> Option<i64> {
    let fmt = time::format_description::parse_borrowed::<1>(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT",
    )
    .ok()?;
    time::PrimitiveDateTime::parse(s.trim(), &fmt)
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

/// The router of the Blob listener.
pub fn router(emu: Arc<Emulator>) -> Router {
    Router::new()
        .fallback(entry)
        .layer(DefaultBodyLimit::disable())
        .with_state(emu)
}

/// One request, body read.
struct BlobRequest {
    method: Method,
    raw_path: String,
    raw_query: String,
    headers: HeaderMap,
    body: Bytes,
    peer: std::net::IpAddr,
}

impl BlobRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

async fn entry(
    State(emu): State<Arc<Emulator>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let (parts, body) = req.into_parts();
    let head = parts.method == Method::HEAD;
    let version = parts
        .headers
        .get("x-ms-version")
        .and_then(|v| v.to_str().ok())
        .unwrap_or(DEFAULT_VERSION)
        .to_string();
    let time = crate::emulator::clock::arm_time(emu.clock.now());
    let result = match read_body(&parts.headers, body).await {
        Err(e) => Err(e),
        Ok(body) => {
            let req = BlobRequest {
                method: parts.method.clone(),
                raw_path: parts.uri.path().to_string(),
                raw_query: parts.uri.query().unwrap_or("").to_string(),
                headers: parts.headers,
                body,
                peer: peer.ip(),
            };
            execute(&emu, &req).await
        }
    };
    let mut r = result.unwrap_or_else(|e| e.render(&request_id, &time, head));
    let h = r.headers_mut();
    set(h, "x-ms-request-id", &request_id);
    set(h, "x-ms-version", &version);
    set(h, "date", &http_date(emu.clock.unix()));
    set(h, "server", "Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0");
    r
}

async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, BlobError> {
    let too_large = || {
        BlobError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestBodyTooLarge",
            "The request body is too large and exceeds the maximum permissible limit.",
        )
        .detail("MaxLimit", MAX_BODY.to_string())
    };
    if let Some(len) = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        && len > MAX_BODY as u64
    {
        return Err(too_large());
    }
    axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| too_large())
}

/// Path-style target: `/{account}/{container}/{blob…}`.
struct Target {
    account: String,
    container: Option<String>,
    blob: Option<String>,
}

/// Decodes `%XX` strictly (the result must be UTF-8).
fn decode_strict(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = b.get(i + 1..i + 3)?;
            let v = u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()?;
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn parse_target(raw_path: &str) -> Result<Target, BlobError> {
    let path = raw_path.strip_prefix('/').unwrap_or(raw_path);
    let mut it = path.splitn(3, '/');
    let account = it.next().unwrap_or("").to_string();
    let container = it.next().filter(|s| !s.is_empty()).map(str::to_string);
    let blob = match it.next().filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => {
            let name = decode_strict(raw)
                .ok_or_else(|| BlobError::invalid_uri("the blob name is not valid UTF-8"))?;
            Some(name)
        }
    };
    Ok(Target {
        account,
        container,
        blob,
    })
}

/// Blob names the folder-backed store can hold: 1–1024 characters, no empty, `.` or `..`
/// segment (a `..` would climb out of the container), no control characters.
fn check_blob_name(name: &str) -> Result<(), BlobError> {
    if name.chars().count() > 1024 {
        return Err(BlobError::invalid_name(
            "a blob name has at most 1024 characters",
        ));
    }
    if name.chars().any(|c| c.is_control()) {
        return Err(BlobError::invalid_name(
            "control characters are not allowed in blob names",
        ));
    }
    for seg in name.split('/') {
        match seg {
            "" => {
                return Err(BlobError::invalid_name(
                    "the emulator does not store blob names with empty segments ('//') or a trailing '/'",
                ));
            }
            "." | ".." => {
                return Err(BlobError::invalid_name(
                    "'.' and '..' path segments are not allowed in blob names",
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The embedded account named by the path, with its key.
fn embedded_account(emu: &Emulator, name: &str) -> Result<(StorageAccount, Vec<u8>), BlobError> {
    let dir = emu.directory.read().expect("directory lock");
    let acct = if valid_account_name(name) {
        dir.storage_account(name).cloned()
    } else {
        None
    };
    let Some(acct) = acct else {
        return Err(BlobError::invalid_uri(&format!(
            "no storage account '{name}' in the emulator's directory"
        )));
    };
    if acct.endpoint.is_some() {
        return Err(BlobError::invalid_uri(&format!(
            "storage account '{name}' lives in an external Blob service"
        )));
    }
    let key = acct
        .key_bytes()
        .map_err(|e| BlobError::new(StatusCode::FORBIDDEN, "AuthenticationFailed", e))?;
    Ok((acct, key))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    CreateContainer,
    ContainerProperties,
    DeleteContainer,
    ListBlobs,
    Batch,
    PutBlob,
    PutBlock,
    PutBlockList,
    GetBlob,
    DeleteBlob,
}

fn route(req: &BlobRequest, t: &Target, q: &Query) -> Result<Op, BlobError> {
    let restype = q.get("restype");
    let comp = q.get("comp");
    let m = &req.method;
    if t.container.is_none() {
        return Err(BlobError::unsupported(
            "account-level operations (List Containers, service properties)",
        ));
    }
    let op = if t.blob.is_none() {
        if restype != Some("container") {
            return Err(BlobError::invalid_query(
                "restype",
                restype.unwrap_or_default(),
            ));
        }
        match (m, comp) {
            (&Method::PUT, None) => Op::CreateContainer,
            (&Method::GET | &Method::HEAD, None) => Op::ContainerProperties,
            (&Method::DELETE, None) => Op::DeleteContainer,
            (&Method::GET, Some("list")) => Op::ListBlobs,
            (&Method::POST, Some("batch")) => Op::Batch,
            (_, Some(c)) if !matches!(c, "list" | "batch") => {
                return Err(BlobError::unsupported(&format!("container comp={c}")));
            }
            _ => return Err(unsupported_verb()),
        }
    } else {
        match (m, comp) {
            (&Method::PUT, None) => Op::PutBlob,
            (&Method::PUT, Some("block")) => Op::PutBlock,
            (&Method::PUT, Some("blocklist")) => Op::PutBlockList,
            (&Method::GET | &Method::HEAD, None) => Op::GetBlob,
            (&Method::DELETE, None) => Op::DeleteBlob,
            (_, Some(c)) if !matches!(c, "block" | "blocklist") => {
                return Err(BlobError::unsupported(&format!("blob comp={c}")));
            }
            _ => return Err(unsupported_verb()),
        }
    };
    Ok(op)
}

fn unsupported_verb() -> BlobError {
    BlobError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "UnsupportedHttpVerb",
        "The resource doesn't support specified Http Verb.",
    )
}

/// Decoded query parameters (first value wins).
struct Query(Vec<(String, String)>);

impl Query {
    fn parse(raw: &str) -> Query {
        Query(
            url::form_urlencoded::parse(raw.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

async fn execute(emu: &Arc<Emulator>, req: &BlobRequest) -> Result<Response, BlobError> {
    let t = parse_target(&req.raw_path)?;
    let q = Query::parse(&req.raw_query);
    let (acct, key) = embedded_account(emu, &t.account)?;
    let op = route(req, &t, &q)?;
    let container = t.container.clone().unwrap_or_default();
    if !valid_container_name(&container) {
        return Err(BlobError::invalid_name(
            "container names are 3 to 63 lower-case letters, digits and single hyphens",
        ));
    }
    if let Some(b) = &t.blob {
        check_blob_name(b)?;
    }
    let backend = Backend::new(&emu.opts.state_dir);
    let blob = t.blob.as_deref().unwrap_or_default();
    // Whether the blob exists decides which permission a write needs (`c` may create only).
    let existing = match op {
        Op::PutBlob | Op::PutBlock | Op::PutBlockList | Op::GetBlob | Op::DeleteBlob => {
            match backend.head(&acct.name, &container, blob).await {
                Ok(m) => m,
                Err(BackendError::ContainerNotFound) => None,
                Err(e) => return Err(BlobError::from_backend(e)),
            }
        }
        _ => None,
    };
    let need = match op {
        Op::CreateContainer => Need::ContainerCreate,
        Op::ContainerProperties => Need::ContainerRead,
        Op::DeleteContainer => Need::ContainerDelete,
        Op::ListBlobs => Need::List,
        Op::Batch => Need::Authenticate,
        Op::PutBlob | Op::PutBlock | Op::PutBlockList => Need::Write {
            exists: existing.is_some(),
        },
        Op::GetBlob => Need::Read,
        Op::DeleteBlob => Need::Delete,
    };
    authorize(
        emu,
        &acct,
        &key,
        &AuthRequest {
            method: &req.method,
            raw_path: &req.raw_path,
            raw_query: &req.raw_query,
            headers: &req.headers,
            peer: req.peer,
            container: &container,
            blob: t.blob.as_deref(),
        },
        need,
    )?;
    let a = acct.name.as_str();
    let c = container.as_str();
    let now = emu.clock.now();
    let now_sys = std::time::SystemTime::UNIX_EPOCH
        + std::time::Duration::from_secs(now.unix_timestamp().max(0) as u64);
    let be = |e| BlobError::from_backend(e);
    match op {
        Op::CreateContainer => {
            if backend.create_container(a, c).map_err(be)? {
                let m = backend.container_modified(a, c).map_err(be)?;
                Ok(created(m, &container_etag(m)))
            } else {
                Err(BlobError::new(
                    StatusCode::CONFLICT,
                    "ContainerAlreadyExists",
                    "The specified container already exists.",
                ))
            }
        }
        Op::ContainerProperties => {
            let m = backend.container_modified(a, c).map_err(be)?;
            let mut r = Response::new(Body::empty());
            let h = r.headers_mut();
            set(h, "etag", &format!("\"{}\"", container_etag(m)));
            set(h, "last-modified", &http_date(m));
            set(h, "x-ms-lease-status", "unlocked");
            set(h, "x-ms-lease-state", "available");
            set(h, "x-ms-has-immutability-policy", "false");
            set(h, "x-ms-has-legal-hold", "false");
            set(
                h,
                "x-ms-default-encryption-scope",
                "$account-encryption-key",
            );
            set(h, "x-ms-deny-encryption-scope-override", "false");
            Ok(r)
        }
        Op::DeleteContainer => {
            backend.delete_container(a, c).map_err(be)?;
            Ok(status(StatusCode::ACCEPTED))
        }
        Op::ListBlobs => list_blobs(emu, &backend, a, c, &q).await,
        Op::Batch => batch(emu, req, &t).await,
        Op::PutBlob => {
            if req.header("x-ms-copy-source").is_some() {
                return Err(BlobError::unsupported("Copy Blob"));
            }
            match req.header("x-ms-blob-type") {
                Some("BlockBlob") => {}
                None => {
                    return Err(BlobError::new(
                        StatusCode::BAD_REQUEST,
                        "MissingRequiredHeader",
                        "An HTTP header that's mandatory for this request is not specified.",
                    )
                    .detail("HeaderName", "x-ms-blob-type"));
                }
                Some(other) => return Err(BlobError::unsupported(&format!("{other}s"))),
            }
            write_conditions(req, existing.as_ref())?;
            let m = backend
                .put(a, c, blob, req.body.clone(), now_sys)
                .await
                .map_err(be)?;
            Ok(created(m.modified, &m.etag))
        }
        Op::PutBlock => {
            let id = q.get("blockid").unwrap_or_default();
            if !valid_block_id(id) {
                return Err(BlobError::invalid_query("blockid", id));
            }
            backend.put_block(a, c, blob, id, &req.body).map_err(be)?;
            let mut r = status(StatusCode::CREATED);
            set(r.headers_mut(), "x-ms-request-server-encrypted", "true");
            Ok(r)
        }
        Op::PutBlockList => {
            let ids = parse_block_list(&req.body)?;
            write_conditions(req, existing.as_ref())?;
            let m = backend
                .commit(a, c, blob, &ids, now_sys)
                .await
                .map_err(be)?;
            Ok(created(m.modified, &m.etag))
        }
        Op::GetBlob => {
            // Container first: a missing container is ContainerNotFound, not BlobNotFound.
            backend.container_modified(a, c).map_err(be)?;
            let meta = existing.ok_or_else(BlobError::blob_not_found)?;
            get_blob(&backend, req, a, c, blob, &meta).await
        }
        Op::DeleteBlob => {
            backend.delete(a, c, blob).await.map_err(be)?;
            let mut r = status(StatusCode::ACCEPTED);
            set(r.headers_mut(), "x-ms-delete-type-permanent", "true");
            Ok(r)
        }
    }
}

fn status(s: StatusCode) -> Response {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = s;
    r
}

fn created(modified: i64, etag: &str) -> Response {
    let mut r = status(StatusCode::CREATED);
    let h = r.headers_mut();
    set(h, "etag", &format!("\"{etag}\""));
    set(h, "last-modified", &http_date(modified));
    set(h, "x-ms-request-server-encrypted", "true");
    r
}

fn container_etag(modified: i64) -> String {
    format!("0x8D{:014X}", modified as u64)
}

fn unquote(s: &str) -> &str {
    s.trim().trim_start_matches("W/").trim_matches('"')
}

/// `If-None-Match: *` (create only) and `If-Match` on writes.
fn write_conditions(req: &BlobRequest, existing: Option<&BlobMeta>) -> Result<(), BlobError> {
    if let Some(v) = req.header("if-none-match") {
        let hit = existing.is_some_and(|m| v.trim() == "*" || unquote(v) == m.etag);
        if hit {
            return Err(BlobError::new(
                StatusCode::CONFLICT,
                "BlobAlreadyExists",
                "The specified blob already exists.",
            ));
        }
    }
    if let Some(v) = req.header("if-match") {
        let ok = existing.is_some_and(|m| v.trim() == "*" || unquote(v) == m.etag);
        if !ok {
            return Err(BlobError::condition_not_met());
        }
    }
    Ok(())
}

/// Block ids are base64 of at most 64 bytes.
fn valid_block_id(id: &str) -> bool {
    use base64::Engine;
    !id.is_empty()
        && base64::engine::general_purpose::STANDARD
            .decode(id)
            .is_ok_and(|b| !b.is_empty() && b.len() <= 64)
}

/// The ids of a `<BlockList>` body, in order. `Latest` and `Uncommitted` both name staged
/// blocks; `Committed` (reusing blocks of the current blob) is not kept by this backend.
fn parse_block_list(body: &[u8]) -> Result<Vec<String>, BlobError> {
    use quick_xml::events::Event;
    let bad_xml = || {
        BlobError::new(
            StatusCode::BAD_REQUEST,
            "InvalidXmlDocument",
            "XML specified is not syntactically valid.",
        )
    };
    let invalid = || {
        BlobError::new(
            StatusCode::BAD_REQUEST,
            "InvalidBlockList",
            "The specified block list is invalid.",
        )
    };
    let text = std::str::from_utf8(body).map_err(|_| bad_xml())?;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut saw_root = false;
    let mut current: Option<String> = None;
    let mut ids = Vec::new();
    loop {
        match reader.read_event().map_err(|_| bad_xml())? {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                depth += 1;
                match (depth, name.as_str()) {
                    (1, "BlockList") => saw_root = true,
                    (2, "Latest" | "Uncommitted") => current = Some(String::new()),
                    (2, "Committed") => {
                        return Err(invalid().detail(
                            "Reason",
                            "the emulator does not keep committed blocks; send Latest or Uncommitted",
                        ));
                    }
                    _ => return Err(bad_xml()),
                }
            }
            Event::Text(t) => {
                if let Some(cur) = current.as_mut() {
                    let s = t.decode().map_err(|_| bad_xml())?;
                    cur.push_str(s.trim());
                } else if !t.decode().map_err(|_| bad_xml())?.trim().is_empty() {
                    return Err(bad_xml());
                }
            }
            Event::End(_) => {
                if depth == 2
                    && let Some(id) = current.take()
                {
                    if !valid_block_id(&id) {
                        return Err(invalid());
                    }
                    ids.push(id);
                    if ids.len() > MAX_BLOCKS {
                        return Err(invalid());
                    }
                }
                depth = depth.checked_sub(1).ok_or_else(bad_xml)?;
            }
            Event::Empty(_) => return Err(bad_xml()),
            Event::Eof => break,
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            _ => return Err(bad_xml()),
        }
    }
    if !saw_root || depth != 0 {
        return Err(bad_xml());
    }
    Ok(ids)
}

/// `Range`/`x-ms-range` (`bytes=a-b` or `bytes=a-`); `x-ms-range` wins. Malformed values are
/// ignored, as Azure ignores a malformed `Range`.
fn requested_range(req: &BlobRequest) -> Option<(u64, Option<u64>)> {
    let v = req.header("x-ms-range").or_else(|| req.header("range"))?;
    let spec = v.trim().strip_prefix("bytes=")?;
    let (a, b) = spec.split_once('-')?;
    let start = a.trim().parse::<u64>().ok()?;
    let end = match b.trim() {
        "" => None,
        e => Some(e.parse::<u64>().ok().filter(|e| *e >= start)?),
    };
    Some((start, end))
}

async fn get_blob(
    backend: &Backend,
    req: &BlobRequest,
    a: &str,
    c: &str,
    blob: &str,
    meta: &BlobMeta,
) -> Result<Response, BlobError> {
    let head = req.method == Method::HEAD;
    // Conditional requests (object_store's get_opts sends these).
    if let Some(v) = req.header("if-match")
        && v.trim() != "*"
        && unquote(v) != meta.etag
    {
        return Err(BlobError::condition_not_met());
    }
    if let Some(v) = req.header("if-unmodified-since").and_then(parse_http_date)
        && meta.modified > v
    {
        return Err(BlobError::condition_not_met());
    }
    let not_modified = req
        .header("if-none-match")
        .is_some_and(|v| v.trim() == "*" || unquote(v) == meta.etag)
        || req
            .header("if-modified-since")
            .and_then(parse_http_date)
            .is_some_and(|v| meta.modified <= v);
    let mut r = Response::new(Body::empty());
    {
        let h = r.headers_mut();
        set(h, "etag", &format!("\"{}\"", meta.etag));
        set(h, "last-modified", &http_date(meta.modified));
    }
    if not_modified {
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        return Ok(r);
    }
    let size = meta.size;
    let (status, range) = match requested_range(req) {
        None => (StatusCode::OK, None),
        Some((start, _)) if start >= size => {
            return Err(BlobError::new(
                StatusCode::RANGE_NOT_SATISFIABLE,
                "InvalidRange",
                "The range specified is invalid for the current size of the resource.",
            )
            .header("content-range", format!("bytes */{size}")));
        }
        Some((start, end)) => {
            let end = end.unwrap_or(size - 1).min(size - 1);
            (StatusCode::PARTIAL_CONTENT, Some((start, end + 1)))
        }
    };
    *r.status_mut() = status;
    let h = r.headers_mut();
    let len = range.map(|(s, e)| e - s).unwrap_or(size);
    set(h, "content-length", &len.to_string());
    set(h, "content-type", "application/octet-stream");
    set(h, "accept-ranges", "bytes");
    set(h, "x-ms-blob-type", "BlockBlob");
    set(h, "x-ms-creation-time", &http_date(meta.modified));
    set(h, "x-ms-lease-status", "unlocked");
    set(h, "x-ms-lease-state", "available");
    set(h, "x-ms-server-encrypted", "true");
    if let Some((s, e)) = range {
        set(h, "content-range", &format!("bytes {s}-{}/{size}", e - 1));
    }
    if head {
        set(h, "x-ms-access-tier", "Hot");
        set(h, "x-ms-access-tier-inferred", "true");
        return Ok(r);
    }
    if len > 0 {
        let stream = backend
            .get(a, c, blob, Some(range.unwrap_or((0, size))))
            .await
            .map_err(BlobError::from_backend)?;
        *r.body_mut() = Body::from_stream(stream);
    }
    Ok(r)
}

/// One entry of a listing page.
enum Entry {
    Blob(BlobMeta),
    Prefix(String),
}

/// Groups `names` (sorted, all starting with `prefix`) into a page: blobs and, with a
/// delimiter, one `BlobPrefix` per folder; starting at `marker` (inclusive), at most `max`
/// entries. Returns the page and the marker of the next page.
fn page(
    blobs: Vec<BlobMeta>,
    prefix: &str,
    delimiter: Option<&str>,
    marker: Option<&str>,
    max: usize,
) -> (Vec<Entry>, Option<String>) {
    let mut out: Vec<Entry> = Vec::new();
    let mut last_prefix: Option<String> = None;
    for b in blobs {
        if marker.is_some_and(|m| b.name.as_str() < m) {
            continue;
        }
        let group = delimiter.filter(|d| !d.is_empty()).and_then(|d| {
            b.name[prefix.len()..]
                .find(d)
                .map(|i| b.name[..prefix.len() + i + d.len()].to_string())
        });
        if let (Some(g), Some(l)) = (&group, &last_prefix)
            && g == l
        {
            continue;
        }
        if out.len() == max {
            return (out, Some(b.name));
        }
        match group {
            Some(g) => {
                last_prefix = Some(g.clone());
                out.push(Entry::Prefix(g));
            }
            None => out.push(Entry::Blob(b)),
        }
    }
    (out, None)
}

async fn list_blobs(
    emu: &Emulator,
    backend: &Backend,
    a: &str,
    c: &str,
    q: &Query,
) -> Result<Response, BlobError> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let prefix = q.get("prefix").unwrap_or("");
    let delimiter = q.get("delimiter").filter(|d| !d.is_empty());
    let max = match q.get("maxresults") {
        None => 5000,
        Some(v) => match v.parse::<i64>() {
            Ok(n) if n >= 1 => n.min(5000) as usize,
            _ => {
                return Err(BlobError::new(
                    StatusCode::BAD_REQUEST,
                    "OutOfRangeQueryParameterValue",
                    "One of the query parameters specified in the request URI is outside the permissible range.",
                )
                .detail("QueryParameterName", "maxresults")
                .detail("QueryParameterValue", v)
                .detail("MinimumAllowed", "1"));
            }
        },
    };
    // Markers are opaque to clients; ours is the next name, base64url.
    let marker = match q.get("marker").filter(|m| !m.is_empty()) {
        None => None,
        Some(m) => Some(
            b64.decode(m)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or_else(|| BlobError::invalid_query("marker", m))?,
        ),
    };
    // `startFrom` (2025 versions, object_store's list offset) is inclusive like our marker.
    let start = marker.or_else(|| q.get("startFrom").map(str::to_string));
    let blobs = backend
        .list(a, c, prefix)
        .await
        .map_err(BlobError::from_backend)?;
    let (entries, next) = page(blobs, prefix, delimiter, start.as_deref(), max);
    let endpoint = format!("https://127.0.0.1:{}/{a}", emu.blob_port());
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"{}/\" ContainerName=\"{}\">",
        esc(&endpoint),
        esc(c)
    );
    if !prefix.is_empty() {
        x.push_str(&format!("<Prefix>{}</Prefix>", esc(prefix)));
    }
    if let Some(m) = q.get("marker").filter(|m| !m.is_empty()) {
        x.push_str(&format!("<Marker>{}</Marker>", esc(m)));
    }
    if q.get("maxresults").is_some() {
        x.push_str(&format!("<MaxResults>{max}</MaxResults>"));
    }
    if let Some(d) = delimiter {
        x.push_str(&format!("<Delimiter>{}</Delimiter>", esc(d)));
    }
    x.push_str("<Blobs>");
    for e in &entries {
        match e {
            Entry::Prefix(p) => {
                x.push_str(&format!("<BlobPrefix><Name>{}</Name></BlobPrefix>", esc(p)))
            }
            Entry::Blob(b) => {
                let t = http_date(b.modified);
                x.push_str(&format!(
                    "<Blob><Name>{}</Name><Properties><Creation-Time>{t}</Creation-Time><Last-Modified>{t}</Last-Modified><Etag>{}</Etag><Content-Length>{}</Content-Length><Content-Type>application/octet-stream</Content-Type><Content-Encoding /><Content-Language /><Content-CRC64 /><Content-MD5 /><Cache-Control /><Content-Disposition /><BlobType>BlockBlob</BlobType><AccessTier>Hot</AccessTier><AccessTierInferred>true</AccessTierInferred><LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState><ServerEncrypted>true</ServerEncrypted></Properties><OrMetadata /></Blob>",
                    esc(&b.name),
                    b.etag,
                    b.size
                ));
            }
        }
    }
    x.push_str("</Blobs>");
    match next {
        Some(n) => x.push_str(&format!("<NextMarker>{}</NextMarker>", b64.encode(n))),
        None => x.push_str("<NextMarker />"),
    }
    x.push_str("</EnumerationResults>");
    let mut r = Response::new(Body::from(x));
    set(r.headers_mut(), "content-type", "application/xml");
    Ok(r)
}

/// Blob Batch (`POST ?restype=container&comp=batch`, multipart/mixed): each part is a
/// `DELETE` subrequest, authorized on its own; the answer is one multipart part per
/// subrequest. object_store's `delete` goes through here.
async fn batch(emu: &Arc<Emulator>, req: &BlobRequest, t: &Target) -> Result<Response, BlobError> {
    let bad = |why: &str| {
        BlobError::new(
            StatusCode::BAD_REQUEST,
            "InvalidInput",
            format!("One of the request inputs is not valid. ({why})"),
        )
    };
    let boundary = req
        .header("content-type")
        .and_then(|ct| {
            ct.split(';')
                .find_map(|p| p.trim().strip_prefix("boundary="))
        })
        .map(|b| b.trim_matches('"').to_string())
        .ok_or_else(|| bad("the batch needs Content-Type: multipart/mixed; boundary=..."))?;
    let body = std::str::from_utf8(&req.body).map_err(|_| bad("the batch body is not text"))?;
    let delim = format!("--{boundary}");
    let mut subrequests = Vec::new();
    for part in body.split(delim.as_str()).skip(1) {
        if part.starts_with("--") {
            break;
        }
        // Part headers, blank line, then the HTTP subrequest.
        let part = part.trim_start_matches("\r\n");
        let (part_headers, http) = part
            .split_once("\r\n\r\n")
            .ok_or_else(|| bad("a batch part has no subrequest"))?;
        let content_id = part_headers
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case("content-id")
                    .then(|| v.trim().to_string())
            })
            .unwrap_or_default();
        let mut lines = http.split("\r\n");
        let request_line = lines.next().unwrap_or_default();
        let mut rl = request_line.split(' ');
        let (method, target) = (rl.next().unwrap_or(""), rl.next().unwrap_or(""));
        let mut headers = HeaderMap::new();
        for l in lines {
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':')
                && let (Ok(n), Ok(v)) = (
                    HeaderName::from_bytes(k.trim().as_bytes()),
                    HeaderValue::from_str(v.trim()),
                )
            {
                headers.append(n, v);
            }
        }
        subrequests.push((content_id, method.to_string(), target.to_string(), headers));
        if subrequests.len() > 256 {
            return Err(bad("a batch holds at most 256 subrequests"));
        }
    }
    if subrequests.is_empty() {
        return Err(bad("the batch is empty"));
    }
    let out_boundary = format!("batchresponse_{}", uuid::Uuid::new_v4());
    let mut out = String::new();
    for (id, method, target, headers) in subrequests {
        let (path, query) = target.split_once('?').unwrap_or((&target, ""));
        let expected = format!(
            "/{}/{}/",
            t.account,
            t.container.as_deref().unwrap_or_default()
        );
        let sub = BlobRequest {
            method: Method::from_bytes(method.as_bytes()).unwrap_or(Method::GET),
            raw_path: path.to_string(),
            raw_query: query.to_string(),
            headers,
            body: Bytes::new(),
            peer: req.peer,
        };
        let request_id = uuid::Uuid::new_v4().to_string();
        let result = if sub.method != Method::DELETE || !path.starts_with(&expected) {
            Err(bad(
                "batch subrequests must DELETE blobs of the batch's container",
            ))
        } else {
            Box::pin(execute(emu, &sub)).await
        };
        let (status, headers, body) = match result {
            Ok(r) => (r.status(), r.headers().clone(), String::new()),
            Err(e) => {
                let time = crate::emulator::clock::arm_time(emu.clock.now());
                let r = e.render(&request_id, &time, false);
                (r.status(), r.headers().clone(), e.xml(&request_id, &time))
            }
        };
        out.push_str(&format!(
            "--{out_boundary}\r\nContent-Type: application/http\r\nContent-ID: {id}\r\n\r\nHTTP/1.1 {} {}\r\n",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        ));
        for (k, v) in headers.iter() {
            if let Ok(v) = v.to_str() {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
        }
        out.push_str(&format!("x-ms-request-id: {request_id}\r\n"));
        if !body.is_empty() {
            out.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        out.push_str("\r\n");
        out.push_str(&body);
        if !body.is_empty() {
            out.push_str("\r\n");
        }
    }
    out.push_str(&format!("--{out_boundary}--\r\n"));
    let mut r = Response::new(Body::from(out));
    *r.status_mut() = StatusCode::ACCEPTED;
    set(
        r.headers_mut(),
        "content-type",
        &format!("multipart/mixed; boundary={out_boundary}"),
    );
    Ok(r.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(name: &str) -> BlobMeta {
        BlobMeta {
            name: name.into(),
            size: 1,
            modified: 0,
            etag: "0x8D0".into(),
        }
    }

    fn names(e: &[Entry]) -> Vec<String> {
        e.iter()
            .map(|e| match e {
                Entry::Blob(b) => b.name.clone(),
                Entry::Prefix(p) => format!("{p} (prefix)"),
            })
            .collect()
    }

    #[test]
    fn paging_with_delimiter_groups_folders() {
        let all = ["a.txt", "b/1", "b/2", "b/c/3", "c/1", "d.txt"];
        let blobs = || all.iter().map(|n| meta(n)).collect::<Vec<_>>();
        let (e, next) = page(blobs(), "", Some("/"), None, 5000);
        assert_eq!(names(&e), ["a.txt", "b/ (prefix)", "c/ (prefix)", "d.txt"]);
        assert!(next.is_none());
        // Two per page: the marker skips the whole folder.
        let (e, next) = page(blobs(), "", Some("/"), None, 2);
        assert_eq!(names(&e), ["a.txt", "b/ (prefix)"]);
        assert_eq!(next.as_deref(), Some("c/1"));
        let (e, next) = page(blobs(), "", Some("/"), Some("c/1"), 2);
        assert_eq!(names(&e), ["c/ (prefix)", "d.txt"]);
        assert!(next.is_none());
        let b = || {
            blobs()
                .into_iter()
                .filter(|m| m.name.starts_with("b/"))
                .collect()
        };
        let (e, _) = page(b(), "b/", Some("/"), None, 10);
        assert_eq!(names(&e), ["b/1", "b/2", "b/c/ (prefix)"]);
        let (e, _) = page(b(), "b/", None, None, 10);
        assert_eq!(names(&e), ["b/1", "b/2", "b/c/3"]);
    }

    #[test]
    fn block_lists() {
        let ok = br#"<?xml version="1.0" encoding="utf-8"?><BlockList><Latest>AAA=</Latest><Uncommitted>AAE=</Uncommitted></BlockList>"#;
        assert_eq!(parse_block_list(ok).unwrap(), ["AAA=", "AAE="]);
        assert_eq!(
            parse_block_list(b"<BlockList></BlockList>").unwrap(),
            Vec::<String>::new()
        );
        for bad in [
            &b"<BlockList><Latest>AAA="[..],
            b"<BlockList><Latest>AAA=</Latest>",
            b"not xml at all",
            b"<Other/>",
            b"<BlockList><Latest><x/></Latest></BlockList>",
            b"\xff\xfe",
            b"",
        ] {
            assert_eq!(
                parse_block_list(bad).unwrap_err().code,
                "InvalidXmlDocument",
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(
            parse_block_list(b"<BlockList><Latest>!!</Latest></BlockList>")
                .unwrap_err()
                .code,
            "InvalidBlockList"
        );
        assert_eq!(
            parse_block_list(b"<BlockList><Committed>AAA=</Committed></BlockList>")
                .unwrap_err()
                .code,
            "InvalidBlockList"
        );
    }

    #[test]
    fn names_and_targets() {
        let t = parse_target("/acct/cont/a%20b/c%2Fd").unwrap();
        assert_eq!(t.account, "acct");
        assert_eq!(t.container.as_deref(), Some("cont"));
        assert_eq!(t.blob.as_deref(), Some("a b/c/d"));
        assert!(parse_target("/acct/cont/%ff").is_err());
        for bad in ["..", "a/../b", "a/./b", "a//b", "a/", "x\u{1}"] {
            assert!(check_blob_name(bad).is_err(), "{bad}");
        }
        let traversal = parse_target("/acct/cont/%2E%2E/%2E%2E/etc").unwrap();
        assert!(check_blob_name(traversal.blob.as_deref().unwrap()).is_err());
        check_blob_name("mhsm-x/2024/a b+c.json").unwrap();
    }

    #[test]
    fn dates() {
        assert_eq!(http_date(1_730_818_875), "Tue, 05 Nov 2024 15:01:15 GMT");
        assert_eq!(
            parse_http_date("Tue, 05 Nov 2024 15:01:15 GMT"),
            Some(1_730_818_875)
        );
    }

    #[test]
    fn error_xml() {
        let e = BlobError::auth_failed("Signature did not match. <x>");
        let x = e.xml("rid", "2026-01-01T00:00:00.0000000Z");
        assert_eq!(
            x,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:rid\nTime:2026-01-01T00:00:00.0000000Z</Message><AuthenticationErrorDetail>Signature did not match. &lt;x&gt;</AuthenticationErrorDetail></Error>"
        );
    }
}
