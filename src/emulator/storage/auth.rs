//! Authorization of Blob requests, as Azure Storage decides it: a SAS (service or account)
//! checked against the account key — signature, time window on the emulator clock, source IP,
//! service and resource type, permissions; an Entra ID bearer token from the emulator's IdP for
//! the storage audience, allowed by Azure RBAC (data actions for blobs, actions for
//! containers, group membership included); or Shared Key with the account key.

use axum::http::{HeaderMap, Method, StatusCode};

use super::blob::BlobError;
use crate::crypto::sas::{self, SasKind, SasToken};
use crate::emulator::Emulator;
use crate::emulator::arm::rbac::{self, blob_actions};
use crate::emulator::auth::Caller;
use crate::emulator::directory::StorageAccount;

/// The audience of storage tokens.
pub const STORAGE_AUDIENCE: &str = "https://storage.azure.com";

/// What a request needs to be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Only a valid identity (the outer request of a batch: each subrequest is checked).
    Authenticate,
    ContainerRead,
    ContainerCreate,
    ContainerDelete,
    /// List Blobs.
    List,
    /// Get Blob, Get Blob Properties.
    Read,
    /// Put Blob, Put Block, Put Block List; `exists` = the blob already exists (creating a
    /// new blob is also allowed by `c` / `add/action`).
    Write {
        exists: bool,
    },
    Delete,
}

impl Need {
    fn container_level(self) -> bool {
        matches!(
            self,
            Need::ContainerRead | Need::ContainerCreate | Need::ContainerDelete | Need::List
        )
    }
}

/// The parts of a request authorization looks at.
pub struct AuthRequest<'a> {
    pub method: &'a Method,
    /// Path as sent (percent-encoded).
    pub raw_path: &'a str,
    pub raw_query: &'a str,
    pub headers: &'a HeaderMap,
    pub peer: std::net::IpAddr,
    pub container: &'a str,
    /// Decoded blob name for blob-level operations.
    pub blob: Option<&'a str>,
}

/// Decides whether the request may do `need`; the error is the one Azure answers.
pub fn authorize(
    emu: &Emulator,
    account: &StorageAccount,
    key: &[u8],
    req: &AuthRequest<'_>,
    need: Need,
) -> Result<(), BlobError> {
    let has_sig = req
        .raw_query
        .split('&')
        .any(|p| p.split('=').next() == Some("sig"));
    if has_sig {
        return authorize_sas(emu, account, key, req, need);
    }
    let auth = req
        .headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .trim();
    if let Some(token) = auth
        .strip_prefix("Bearer ")
        .or_else(|| auth.strip_prefix("bearer "))
    {
        return authorize_bearer(emu, account, token.trim(), req, need);
    }
    if let Some(rest) = auth.strip_prefix("SharedKey ") {
        return authorize_shared_key(account, key, rest, req);
    }
    Err(BlobError::new(
        StatusCode::UNAUTHORIZED,
        "NoAuthenticationInformation",
        "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.",
    )
    .header("www-authenticate", challenge(emu)))
}

fn challenge(emu: &Emulator) -> String {
    format!(
        "Bearer authorization_uri={}/{}/oauth2/authorize resource_id={STORAGE_AUDIENCE}",
        emu.urls.authority,
        emu.tenant_id()
    )
}

fn authorize_sas(
    emu: &Emulator,
    account: &StorageAccount,
    key: &[u8],
    req: &AuthRequest<'_>,
    need: Need,
) -> Result<(), BlobError> {
    let tok = SasToken::parse(req.raw_query).map_err(|e| BlobError::auth_failed(e.to_string()))?;
    if let Some(si) = &tok.identifier {
        // Containers of the emulator have no stored access policies.
        return Err(BlobError::auth_failed(format!(
            "The specified signed identifier '{si}' does not exist (the emulator's containers have no stored access policies)."
        )));
    }
    if let SasKind::Service { resource } = &tok.kind {
        match resource.as_str() {
            "c" => {}
            "b" if !need.container_level() => {}
            "b" => return Err(BlobError::resource_type_mismatch()),
            other => {
                return Err(BlobError::auth_failed(format!(
                    "Signed resource '{other}' is not supported by the emulator."
                )));
            }
        }
    }
    let sts = tok.string_to_sign(&account.name, req.container, req.blob);
    if !tok.verify(key, &sts) {
        return Err(BlobError::auth_failed(format!(
            "Signature did not match. String to sign used was {sts}"
        )));
    }
    let now = emu.clock.unix();
    let start = tok.start_unix();
    let expiry = tok.expiry_unix().unwrap_or(i64::MAX);
    let not_yet = start.is_some_and(|s| now < s);
    if not_yet || now > expiry {
        let fmt = |t: Option<i64>| t.map(super::blob::http_date).unwrap_or_default();
        return Err(BlobError::auth_failed(format!(
            "Signature not valid in the specified time frame: Start [{}] - Expiry [{}] - Current [{}]. {}",
            fmt(start),
            fmt(tok.expiry_unix()),
            super::blob::http_date(now),
            if not_yet {
                "The SAS is not valid yet (its start time is in the future)."
            } else {
                "The SAS has expired."
            }
        )));
    }
    if !tok.ip_allowed(req.peer) {
        return Err(BlobError::new(
            StatusCode::FORBIDDEN,
            "AuthorizationSourceIPMismatch",
            format!(
                "This request is not authorized to perform this operation using this source IP {}.",
                req.peer
            ),
        ));
    }
    let letters: &[char] = match &tok.kind {
        SasKind::Account {
            services,
            resource_types,
        } => {
            if !services.contains('b') {
                return Err(BlobError::new(
                    StatusCode::FORBIDDEN,
                    "AuthorizationServiceMismatch",
                    "This request is not authorized to perform this operation using this service.",
                ));
            }
            let rt = if need.container_level() { 'c' } else { 'o' };
            if need != Need::Authenticate && !resource_types.contains(rt) {
                return Err(BlobError::resource_type_mismatch());
            }
            match need {
                Need::Authenticate => &[],
                Need::ContainerRead | Need::Read => &['r'],
                Need::ContainerCreate => &['c', 'w'],
                Need::ContainerDelete | Need::Delete => &['d'],
                Need::List => &['l'],
                Need::Write { exists: true } => &['w'],
                Need::Write { exists: false } => &['c', 'w'],
            }
        }
        SasKind::Service { .. } => match need {
            Need::Authenticate => &[],
            // A service SAS cannot create or delete containers.
            Need::ContainerCreate | Need::ContainerDelete => {
                return Err(BlobError::permission_mismatch());
            }
            Need::ContainerRead => &['r', 'l'],
            Need::Read => &['r'],
            Need::List => &['l'],
            Need::Delete => &['d'],
            Need::Write { exists: true } => &['w'],
            Need::Write { exists: false } => &['c', 'w'],
        },
    };
    if !letters.is_empty() && !letters.iter().any(|c| tok.permits(*c)) {
        return Err(BlobError::permission_mismatch());
    }
    Ok(())
}

fn authorize_bearer(
    emu: &Emulator,
    account: &StorageAccount,
    token: &str,
    req: &AuthRequest<'_>,
    need: Need,
) -> Result<(), BlobError> {
    let claims = emu
        .idp
        .validate(
            token,
            &[STORAGE_AUDIENCE],
            &emu.issuer(),
            &emu.tenant_id(),
            emu.clock.unix(),
        )
        .map_err(|e| {
            BlobError::new(
                StatusCode::UNAUTHORIZED,
                "InvalidAuthenticationInfo",
                "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.",
            )
            .detail("AuthenticationErrorDetail", e.to_string())
            .header("www-authenticate", challenge(emu))
        })?;
    let caller = Caller { claims };
    let dir = emu.directory.read().expect("directory lock");
    let ids = rbac::principal_ids(&dir, &caller);
    let scope = format!(
        "{}/blobServices/default/containers/{}",
        account.resource_id(&dir.subscription_id),
        req.container
    );
    let data = |action: &str| rbac::allowed_data_action(&dir, &ids, action, &scope);
    let mgmt = |action: &str| rbac::allowed(&dir, &ids, action, &scope);
    let ok = match need {
        Need::Authenticate => true,
        Need::ContainerRead => mgmt(blob_actions::CONTAINER_READ),
        Need::ContainerCreate => mgmt(blob_actions::CONTAINER_WRITE),
        Need::ContainerDelete => mgmt(blob_actions::CONTAINER_DELETE),
        Need::List | Need::Read => data(blob_actions::READ),
        Need::Write { exists: true } => data(blob_actions::WRITE),
        Need::Write { exists: false } => data(blob_actions::WRITE) || data(blob_actions::ADD),
        Need::Delete => data(blob_actions::DELETE),
    };
    if ok {
        Ok(())
    } else {
        Err(BlobError::permission_mismatch())
    }
}

fn authorize_shared_key(
    account: &StorageAccount,
    key: &[u8],
    credential: &str,
    req: &AuthRequest<'_>,
) -> Result<(), BlobError> {
    let (name, sig) = credential.trim().split_once(':').unwrap_or(("", ""));
    let headers: Vec<(String, String)> = req
        .headers
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    let query: Vec<(String, String)> = url::form_urlencoded::parse(req.raw_query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let sts = sas::shared_key_string_to_sign(
        req.method.as_str(),
        &headers,
        &account.name,
        req.raw_path,
        &query,
    );
    use base64::Engine;
    let good = name == account.name
        && base64::engine::general_purpose::STANDARD
            .decode(sig)
            .is_ok_and(|s| {
                let k = aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, key);
                aws_lc_rs::hmac::verify(&k, sts.as_bytes(), &s).is_ok()
            });
    if good {
        Ok(())
    } else {
        Err(BlobError::auth_failed(format!(
            "The MAC signature found in the HTTP request '{sig}' is not the same as any computed signature. Server used following string to sign: '{sts}'."
        )))
    }
}
