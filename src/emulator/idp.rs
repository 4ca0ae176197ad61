//! The emulator's identity provider (a small Entra ID): OIDC metadata, JWKS, the v2.0 token
//! endpoint (client credentials, resource-owner password, refresh token), the App Service
//! managed-identity endpoint, and validation of the RS256 access tokens it signs with a key
//! persisted in the state directory.

use axum::Json;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

use super::Emulator;
use crate::emulator::directory::{AZ_CLI_CLIENT_ID, Directory};
use crate::wire::cloud::PrincipalKind;
use crate::wire::error::OAuthError;
use crate::wire::identity::{
    AccessClaims, Jwks, JwksKey, MsiTokenResponse, OpenIdConfiguration, TokenResponse,
};

/// Lifetime of issued access tokens.
pub const TOKEN_LIFETIME_SECS: i64 = 3600;

/// Microsoft Graph's resource id (and the audience of its tokens).
pub const GRAPH_RESOURCE: &str = "https://graph.microsoft.com";

/// The resources (audiences) the emulated tenant issues tokens for.
pub const KNOWN_RESOURCES: &[&str] = &[
    "https://management.core.windows.net/",
    "https://management.azure.com/",
    GRAPH_RESOURCE,
    "https://managedhsm.azure.net",
    "https://vault.azure.net",
    "https://storage.azure.com",
];

/// Signing key and validation parameters.
pub struct Idp {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    jwks_key: JwksKey,
    /// Tokens whose signature (and form) this key verified, by SHA-256 of the whole token:
    /// a client presents the same token for an hour, and an RSA verification plus the decoding
    /// of its claims per request is most of the cost of authentication. The claims checks
    /// (audience, issuer, tenant, expiry, not-before) still run on every request.
    verified: std::sync::Mutex<HashMap<[u8; 32], Arc<AccessClaims>>>,
}

/// Verified tokens remembered (a full cache first drops the expired ones, then all).
const VERIFIED_CAPACITY: usize = 4096;

/// Skew tolerated on `exp` and `nbf` (Entra ID's 5 minutes).
const SKEW: i64 = 300;

/// Why a bearer token was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenError {
    Malformed(String),
    BadSignature,
    WrongAudience { found: String, expected: String },
    WrongIssuer(String),
    WrongTenant(String),
    Expired,
    NotYetValid,
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenError::Malformed(m) => write!(f, "The access token is malformed: {m}"),
            TokenError::BadSignature => write!(f, "The access token signature is invalid"),
            TokenError::WrongAudience { found, expected } => {
                write!(
                    f,
                    "Found token with aud={found}, but expected aud={expected}"
                )
            }
            TokenError::WrongIssuer(i) => write!(f, "The access token issuer '{i}' is not trusted"),
            TokenError::WrongTenant(t) => {
                write!(
                    f,
                    "The access token is from tenant '{t}', which is not the resource's tenant"
                )
            }
            TokenError::Expired => write!(f, "The access token has expired"),
            TokenError::NotYetValid => write!(f, "The access token is not yet valid"),
        }
    }
}

impl Idp {
    /// Loads the signing key from `path` (PKCS#8 PEM), creating it on first start.
    pub fn load_or_create(path: &std::path::Path) -> Result<Idp, String> {
        if !path.exists() {
            let kp = aws_lc_rs::rsa::KeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048)
                .map_err(|_| "cannot generate the token-signing key".to_string())?;
            use aws_lc_rs::encoding::AsDer;
            let der = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&kp)
                .map_err(|_| "cannot encode the token-signing key".to_string())?;
            let pem = pem_encode("PRIVATE KEY", der.as_ref());
            crate::emulator::tls::write_private(path, &pem)?;
        }
        let pem = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let der = crate::emulator::tls::pem_body(&pem, "PRIVATE KEY")?;
        let kp = aws_lc_rs::rsa::KeyPair::from_pkcs8(&der)
            .map_err(|e| format!("token-signing key: {e}"))?;
        use aws_lc_rs::signature::KeyPair as _;
        let public = kp.public_key();
        let n = public.modulus().big_endian_without_leading_zero().to_vec();
        let e = public.exponent().big_endian_without_leading_zero().to_vec();
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let kid = {
            let d = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &n);
            b64.encode(&d.as_ref()[..20])
        };
        let encoding =
            EncodingKey::from_rsa_pem(&pem).map_err(|e| format!("token-signing key: {e}"))?;
        let decoding = DecodingKey::from_rsa_raw_components(&n, &e);
        Ok(Idp {
            jwks_key: JwksKey {
                kty: "RSA".into(),
                key_use: "sig".into(),
                kid: kid.clone(),
                n: b64.encode(&n),
                e: b64.encode(&e),
                x5t: Some(kid.clone()),
                issuer: None,
            },
            kid,
            encoding,
            decoding,
            verified: Default::default(),
        })
    }

    /// Signs an access token.
    pub fn sign(&self, claims: &AccessClaims) -> String {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        header.typ = Some("JWT".into());
        jsonwebtoken::encode(&header, claims, &self.encoding).expect("RS256 signing cannot fail")
    }

    /// Validates signature, audience (one of `audiences`), issuer, tenant and time against the
    /// emulator clock `now` (5 minutes of skew tolerated, as Entra ID does).
    pub fn validate(
        &self,
        token: &str,
        audiences: &[&str],
        issuer: &str,
        tenant: &str,
        now: i64,
    ) -> Result<AccessClaims, TokenError> {
        let c = self.verify(token)?;
        let aud_ok = audiences
            .iter()
            .any(|a| a.trim_end_matches('/') == c.aud.trim_end_matches('/'));
        if !aud_ok {
            return Err(TokenError::WrongAudience {
                found: c.aud.clone(),
                expected: audiences.first().copied().unwrap_or_default().to_string(),
            });
        }
        if c.iss != issuer {
            return Err(TokenError::WrongIssuer(c.iss.clone()));
        }
        if !c.tid.eq_ignore_ascii_case(tenant) {
            return Err(TokenError::WrongTenant(c.tid.clone()));
        }
        if now > c.exp + SKEW {
            return Err(TokenError::Expired);
        }
        if now + SKEW < c.nbf {
            return Err(TokenError::NotYetValid);
        }
        Ok((*c).clone())
    }

    /// The claims of a token signed by this key (header and signature checked once per token,
    /// see `verified`).
    fn verify(&self, token: &str) -> Result<Arc<AccessClaims>, TokenError> {
        let digest: [u8; 32] =
            aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, token.as_bytes())
                .as_ref()
                .try_into()
                .expect("SHA-256 is 32 bytes");
        let lock = || self.verified.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = lock().get(&digest) {
            return Ok(c.clone());
        }
        let header =
            jsonwebtoken::decode_header(token).map_err(|e| TokenError::Malformed(e.to_string()))?;
        if header.alg != Algorithm::RS256 {
            return Err(TokenError::Malformed(format!(
                "algorithm {:?} is not accepted",
                header.alg
            )));
        }
        if header.kid.as_deref() != Some(self.kid.as_str()) {
            return Err(TokenError::BadSignature);
        }
        let mut v = Validation::new(Algorithm::RS256);
        v.validate_exp = false;
        v.validate_nbf = false;
        v.validate_aud = false;
        v.required_spec_claims.clear();
        let data =
            jsonwebtoken::decode::<AccessClaims>(token, &self.decoding, &v).map_err(|e| match e
                .kind()
            {
                jsonwebtoken::errors::ErrorKind::InvalidSignature => TokenError::BadSignature,
                _ => TokenError::Malformed(e.to_string()),
            })?;
        let c = Arc::new(data.claims);
        let mut verified = lock();
        if verified.len() >= VERIFIED_CAPACITY {
            // Expired for good on any clock that does not go back; the clock can (its offset is
            // settable), which merely costs a new verification.
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            verified.retain(|_, c| c.exp + SKEW >= now);
            if verified.len() >= VERIFIED_CAPACITY {
                verified.clear();
            }
        }
        verified.insert(digest, c.clone());
        Ok(c)
    }

    pub fn jwks(&self) -> Jwks {
        Jwks {
            keys: vec![self.jwks_key.clone()],
        }
    }
}

/// PEM-encodes DER with 64-column lines.
pub fn pem_encode(label: &str, der: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

// ---------------------------------------------------------------------------------------------
// HTTP endpoints

fn oauth_error(status: StatusCode, error: &str, code: u32, description: &str) -> Response {
    let body = OAuthError {
        error: error.into(),
        error_description: format!("AADSTS{code}: {description}"),
        error_codes: vec![code],
        timestamp: Some(time::OffsetDateTime::now_utc().to_string()),
        trace_id: Some(uuid::Uuid::new_v4().to_string()),
        correlation_id: Some(uuid::Uuid::new_v4().to_string()),
    };
    (status, Json(body)).into_response()
}

/// Checks the `{tenant}` path segment (id, verified domain, `organizations` or `common`).
fn tenant_ok(dir: &Directory, tenant: &str) -> bool {
    tenant.eq_ignore_ascii_case(&dir.tenant_id)
        || tenant.eq_ignore_ascii_case(&dir.tenant_domain)
        || tenant == "organizations"
        || tenant == "common"
}

/// Maps requested scopes to one resource (audience): `<resource>/.default`.
fn resource_from_scopes(scope: &str) -> Result<String, String> {
    let resources: Vec<&str> = scope
        .split_whitespace()
        .filter(|s| !matches!(*s, "openid" | "profile" | "offline_access" | "email"))
        .collect();
    match resources.as_slice() {
        [one] => {
            let r = one.strip_suffix("/.default").unwrap_or(one);
            let r = if r.ends_with("//") {
                &r[..r.len() - 1]
            } else {
                r
            };
            Ok(r.to_string())
        }
        [] => Err("The request body must contain the 'scope' parameter.".into()),
        _ => Err("Only one resource may be requested per token.".into()),
    }
}

/// The audience of a token for `resource`. The emulator's Graph endpoint (its control URL) is
/// also Graph's resource id, as `https://graph.microsoft.com` is both in Azure: a custom cloud
/// in az has a single setting for the two and asks for tokens for the endpoint.
fn check_resource(graph_url: &str, resource: &str) -> Result<String, String> {
    let norm = resource.trim_end_matches('/');
    if norm.eq_ignore_ascii_case(graph_url.trim_end_matches('/')) {
        return Ok(GRAPH_RESOURCE.to_string());
    }
    KNOWN_RESOURCES
        .iter()
        .find(|k| k.trim_end_matches('/').eq_ignore_ascii_case(norm))
        .map(|k| k.to_string())
        .ok_or_else(|| {
            format!(
                "The resource principal named {resource} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant."
            )
        })
}

impl Emulator {
    /// Token issuer of this tenant.
    pub fn issuer(&self) -> String {
        format!("{}/{}/v2.0", self.urls.authority, self.tenant_id())
    }

    /// Mints an access token for a directory principal.
    pub fn mint_token(
        &self,
        principal: &crate::emulator::directory::Principal,
        client_id: Option<&str>,
        audience: &str,
    ) -> (String, i64) {
        let dir = self.directory.read().expect("directory lock");
        let now = self.clock.unix();
        let exp = now + TOKEN_LIFETIME_SECS;
        let is_user = principal.kind == PrincipalKind::User;
        let claims = AccessClaims {
            aud: audience.to_string(),
            iss: self.issuer(),
            iat: now,
            nbf: now,
            exp,
            tid: dir.tenant_id.clone(),
            oid: principal.object_id.clone(),
            sub: principal.object_id.clone(),
            appid: Some(
                client_id
                    .map(str::to_string)
                    .or_else(|| principal.app_id.clone())
                    .unwrap_or_else(|| AZ_CLI_CLIENT_ID.to_string()),
            ),
            idtyp: Some(if is_user { "user" } else { "app" }.to_string()),
            upn: principal.user_principal_name.clone(),
            name: Some(principal.display_name.clone()),
            groups: dir.group_ids_of(&principal.name),
            ver: Some("2.0".into()),
            xms_mirid: (principal.kind == PrincipalKind::ManagedIdentity).then(|| {
                format!(
                    "/subscriptions/{}/resourcegroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{}",
                    dir.subscription_id, principal.name
                )
            }),
        };
        drop(dir);
        (self.idp.sign(&claims), exp)
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scope: Option<String>,
    username: Option<String>,
    password: Option<String>,
    refresh_token: Option<String>,
}

/// `POST /{tenant}/oauth2/v2.0/token`.
pub async fn token(
    State(emu): State<Arc<Emulator>>,
    Path(tenant): Path<String>,
    Form(form): Form<TokenForm>,
) -> Response {
    let dir = emu.directory.read().expect("directory lock").clone();
    if !tenant_ok(&dir, &tenant) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            90002,
            &format!(
                "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
            ),
        );
    }
    let scope = form.scope.clone().unwrap_or_default();
    let resource =
        match resource_from_scopes(&scope).and_then(|r| check_resource(&emu.urls.control, &r)) {
            Ok(r) => r,
            Err(m) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_scope", 70011, &m),
        };
    let grant = form.grant_type.as_deref().unwrap_or("");
    let client_id = form.client_id.clone().unwrap_or_default();
    let (principal, client) = match grant {
        "client_credentials" => {
            let Some(sp) = dir
                .service_principals
                .iter()
                .find(|s| s.app_id.eq_ignore_ascii_case(&client_id))
            else {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "unauthorized_client",
                    700016,
                    &format!(
                        "Application with identifier '{client_id}' was not found in the directory '{}'.",
                        dir.tenant_domain
                    ),
                );
            };
            if form.client_secret.as_deref() != Some(sp.secret.as_str()) {
                return oauth_error(
                    StatusCode::UNAUTHORIZED,
                    "invalid_client",
                    7000215,
                    &format!(
                        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{client_id}'."
                    ),
                );
            }
            (
                dir.find(&sp.name).expect("listed principal"),
                Some(sp.app_id.clone()),
            )
        }
        "password" => {
            let username = form.username.clone().unwrap_or_default();
            let user = dir.users.iter().find(|u| {
                u.user_principal_name.eq_ignore_ascii_case(&username)
                    || u.name.eq_ignore_ascii_case(&username)
            });
            match user {
                Some(u) if form.password.as_deref() == Some(u.password.as_str()) => (
                    dir.find(&u.name).expect("listed principal"),
                    Some(if client_id.is_empty() {
                        AZ_CLI_CLIENT_ID.to_string()
                    } else {
                        client_id.clone()
                    }),
                ),
                _ => {
                    return oauth_error(
                        StatusCode::BAD_REQUEST,
                        "invalid_grant",
                        50126,
                        "Error validating credentials due to invalid username or password.",
                    );
                }
            }
        }
        "refresh_token" => {
            match emu.redeem_refresh_token(form.refresh_token.as_deref().unwrap_or("")) {
                Some(p) => (
                    p,
                    Some(if client_id.is_empty() {
                        AZ_CLI_CLIENT_ID.to_string()
                    } else {
                        client_id.clone()
                    }),
                ),
                None => {
                    return oauth_error(
                        StatusCode::BAD_REQUEST,
                        "invalid_grant",
                        9002313,
                        "Invalid request. Request is malformed or invalid.",
                    );
                }
            }
        }
        other => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                70003,
                &format!("The app requested an unsupported grant type '{other}'."),
            );
        }
    };
    let (access_token, _) = emu.mint_token(&principal, client.as_deref(), &resource);
    let user_flow = principal.kind == PrincipalKind::User;
    let (refresh_token, id_token, client_info) = if user_flow {
        (
            Some(emu.refresh_token_for(&principal)),
            Some(emu.id_token_for(&principal, client.as_deref().unwrap_or(AZ_CLI_CLIENT_ID))),
            Some(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(
                serde_json::json!({"uid": principal.object_id, "utid": dir.tenant_id}).to_string(),
            )),
        )
    } else {
        (None, None, None)
    };
    Json(TokenResponse {
        token_type: "Bearer".into(),
        expires_in: (TOKEN_LIFETIME_SECS - 1) as u64,
        ext_expires_in: Some((TOKEN_LIFETIME_SECS - 1) as u64),
        access_token,
        scope: user_flow.then(|| scope.clone()),
        refresh_token,
        id_token,
        client_info,
    })
    .into_response()
}

impl Emulator {
    fn refresh_token_for(&self, p: &crate::emulator::directory::Principal) -> String {
        let now = self.clock.unix();
        let claims = serde_json::json!({"typ": "refresh", "oid": p.object_id, "iss": self.issuer(), "iat": now, "exp": now + 90 * 86400});
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.idp.kid.clone());
        jsonwebtoken::encode(&header, &claims, &self.idp.encoding).expect("signing")
    }

    fn redeem_refresh_token(&self, token: &str) -> Option<crate::emulator::directory::Principal> {
        let mut v = Validation::new(Algorithm::RS256);
        v.validate_exp = false;
        v.validate_aud = false;
        v.required_spec_claims.clear();
        let data = jsonwebtoken::decode::<serde_json::Value>(token, &self.idp.decoding, &v).ok()?;
        let c = data.claims;
        if c["typ"] != "refresh"
            || c["iss"] != self.issuer().as_str()
            || c["exp"].as_i64()? < self.clock.unix()
        {
            return None;
        }
        self.directory.read().ok()?.find(c["oid"].as_str()?)
    }

    fn id_token_for(&self, p: &crate::emulator::directory::Principal, client_id: &str) -> String {
        let now = self.clock.unix();
        let dir = self.directory.read().expect("directory lock");
        let claims = serde_json::json!({
            "aud": client_id, "iss": self.issuer(), "iat": now, "nbf": now, "exp": now + TOKEN_LIFETIME_SECS,
            "name": p.display_name, "oid": p.object_id, "preferred_username": p.user_principal_name,
            "sub": p.object_id, "tid": dir.tenant_id, "ver": "2.0",
        });
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.idp.kid.clone());
        jsonwebtoken::encode(&header, &claims, &self.idp.encoding).expect("signing")
    }
}

/// `GET /msi/token` — the App Service managed-identity protocol (api-version 2019-08-01).
pub async fn msi_token(
    State(emu): State<Arc<Emulator>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let dir = emu.directory.read().expect("directory lock").clone();
    let secret = headers
        .get("x-identity-header")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if secret != dir.identity_header {
        return (
            StatusCode::UNAUTHORIZED,
            Json(serde_json::json!({"statusCode": 401, "message": "The X-IDENTITY-HEADER header is missing or invalid."})),
        )
            .into_response();
    }
    let Some(resource) = q.get("resource") else {
        return (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({"statusCode": 400, "message": "Required query parameter 'resource' is missing."})),
        )
            .into_response();
    };
    let resource = match check_resource(&emu.urls.control, resource) {
        Ok(r) => r,
        Err(m) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(serde_json::json!({"statusCode": 400, "message": m})),
            )
                .into_response();
        }
    };
    let selector = q
        .get("client_id")
        .or_else(|| q.get("principal_id"))
        .or_else(|| q.get("object_id"))
        .or_else(|| q.get("mi_res_id"));
    let mi = match selector {
        Some(sel) => dir.managed_identities.iter().find(|m| {
            m.client_id.eq_ignore_ascii_case(sel)
                || m.object_id.eq_ignore_ascii_case(sel)
                || sel
                    .rsplit('/')
                    .next()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&m.name))
        }),
        None => dir.managed_identities.iter().find(|m| m.default),
    };
    let Some(mi) = mi else {
        return (
            StatusCode::BAD_REQUEST,
            Json(serde_json::json!({"statusCode": 400, "message": "No managed identity matches the requested identity. Check the client_id, principal_id or mi_res_id."})),
        )
            .into_response();
    };
    let principal = dir.find(&mi.name).expect("listed identity");
    let (access_token, exp) = emu.mint_token(&principal, Some(&mi.client_id), &resource);
    Json(MsiTokenResponse {
        access_token,
        expires_on: exp.to_string(),
        resource,
        token_type: "Bearer".into(),
        client_id: Some(mi.client_id.clone()),
    })
    .into_response()
}

/// `GET /{tenant}/v2.0/.well-known/openid-configuration` (and the v1 path).
pub async fn openid_configuration(
    State(emu): State<Arc<Emulator>>,
    Path(tenant): Path<String>,
) -> Response {
    let dir = emu.directory.read().expect("directory lock").clone();
    if !tenant_ok(&dir, &tenant) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_tenant",
            90002,
            &format!("Tenant '{tenant}' not found."),
        );
    }
    let base = format!("{}/{}", emu.urls.authority, dir.tenant_id);
    let host = emu
        .urls
        .authority
        .trim_start_matches("https://")
        .to_string();
    Json(OpenIdConfiguration {
        issuer: emu.issuer(),
        token_endpoint: format!("{base}/oauth2/v2.0/token"),
        authorization_endpoint: format!("{base}/oauth2/v2.0/authorize"),
        device_authorization_endpoint: format!("{base}/oauth2/v2.0/devicecode"),
        jwks_uri: format!("{base}/discovery/v2.0/keys"),
        response_types_supported: vec![
            "code".into(),
            "id_token".into(),
            "code id_token".into(),
            "id_token token".into(),
        ],
        subject_types_supported: vec!["pairwise".into()],
        id_token_signing_alg_values_supported: vec!["RS256".into()],
        token_endpoint_auth_methods_supported: vec![
            "client_secret_post".into(),
            "private_key_jwt".into(),
            "client_secret_basic".into(),
        ],
        scopes_supported: vec![
            "openid".into(),
            "profile".into(),
            "email".into(),
            "offline_access".into(),
        ],
        tenant_region_scope: Some("NA".into()),
        cloud_instance_name: host.clone(),
        msgraph_host: host,
    })
    .into_response()
}

/// `GET /{tenant}/discovery/v2.0/keys`.
pub async fn jwks(State(emu): State<Arc<Emulator>>) -> Json<Jwks> {
    Json(emu.idp.jwks())
}

/// `GET /common/discovery/instance` — MSAL's authority validation.
pub async fn instance_discovery(State(emu): State<Arc<Emulator>>) -> Json<serde_json::Value> {
    let host = emu
        .urls
        .authority
        .trim_start_matches("https://")
        .to_string();
    let tenant = emu.tenant_id();
    Json(serde_json::json!({
        "tenant_discovery_endpoint": format!("{}/{tenant}/v2.0/.well-known/openid-configuration", emu.urls.authority),
        "api-version": "1.1",
        "metadata": [{"preferred_network": host, "preferred_cache": host, "aliases": [host]}],
    }))
}

/// `GET /common/userrealm/{username}` — MSAL's home-realm discovery for the password flow.
pub async fn user_realm(
    State(emu): State<Arc<Emulator>>,
    Path(_user): Path<String>,
) -> Json<serde_json::Value> {
    let dir = emu.directory.read().expect("directory lock").clone();
    Json(serde_json::json!({
        "ver": "1.0",
        "account_type": "Managed",
        "domain_name": dir.tenant_domain,
        "cloud_instance_name": emu.urls.authority.trim_start_matches("https://"),
        "cloud_audience_urn": "urn:federation:MicrosoftOnline",
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_map_to_one_resource() {
        assert_eq!(
            resource_from_scopes("https://management.core.windows.net//.default").unwrap(),
            "https://management.core.windows.net/"
        );
        assert_eq!(
            resource_from_scopes("https://managedhsm.azure.net/.default offline_access openid")
                .unwrap(),
            "https://managedhsm.azure.net"
        );
        assert!(resource_from_scopes("a/.default b/.default").is_err());
        let control = "https://127.0.0.1:4443";
        assert!(check_resource(control, "https://evil.example").is_err());
        assert_eq!(
            check_resource(control, "https://127.0.0.1:4443/").unwrap(),
            GRAPH_RESOURCE
        );
        assert_eq!(
            check_resource(control, "https://MANAGEDHSM.azure.net/").unwrap(),
            "https://managedhsm.azure.net"
        );
        // Storage tokens (the backup target), with or without the trailing slash.
        for r in ["https://storage.azure.com", "https://storage.azure.com/"] {
            assert_eq!(
                check_resource(control, r).unwrap(),
                "https://storage.azure.com"
            );
        }
        assert_eq!(
            resource_from_scopes("https://storage.azure.com//.default").unwrap(),
            "https://storage.azure.com/"
        );
    }

    #[test]
    fn sign_and_validate() {
        let dir = tempfile::tempdir().unwrap();
        let idp = Idp::load_or_create(&dir.path().join("k.pem")).unwrap();
        let now = 1_700_000_000;
        let claims = AccessClaims {
            aud: "https://managedhsm.azure.net".into(),
            iss: "https://i/t/v2.0".into(),
            iat: now,
            nbf: now,
            exp: now + 3600,
            tid: "t".into(),
            oid: "o".into(),
            sub: "o".into(),
            appid: None,
            idtyp: None,
            upn: None,
            name: None,
            groups: vec![],
            ver: None,
            xms_mirid: None,
        };
        let tok = idp.sign(&claims);
        let aud = ["https://managedhsm.azure.net"];
        assert_eq!(
            idp.validate(&tok, &aud, "https://i/t/v2.0", "t", now)
                .unwrap(),
            claims
        );
        assert_eq!(
            idp.validate(&tok, &aud, "https://x/t/v2.0", "t", now),
            Err(TokenError::WrongIssuer("https://i/t/v2.0".into()))
        );
        assert_eq!(
            idp.validate(&tok, &aud, "https://i/t/v2.0", "u", now),
            Err(TokenError::WrongTenant("t".into()))
        );
        assert_eq!(
            idp.validate(&tok, &aud, "https://i/t/v2.0", "t", now + 4000),
            Err(TokenError::Expired)
        );
        assert!(matches!(
            idp.validate(
                &tok,
                &["https://management.core.windows.net/"],
                "https://i/t/v2.0",
                "t",
                now
            ),
            Err(TokenError::WrongAudience { .. })
        ));
        // Tampered payload: signature no longer matches.
        let mut parts: Vec<String> = tok.split('.').map(String::from).collect();
        parts[1] = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(&serde_json::json!({"aud":"https://managedhsm.azure.net","iss":"https://i/t/v2.0","iat":now,"nbf":now,"exp":now+3600,"tid":"t","oid":"admin","sub":"admin"})).unwrap());
        assert_eq!(
            idp.validate(&parts.join("."), &aud, "https://i/t/v2.0", "t", now),
            Err(TokenError::BadSignature)
        );
        // The signature was verified once; the checks above ran on every call.
        assert_eq!(idp.verified.lock().unwrap().len(), 1);
        // alg: none
        let none = format!(
            "{}.{}.",
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(r#"{"alg":"none","typ":"JWT"}"#),
            parts[1]
        );
        assert!(matches!(
            idp.validate(&none, &aud, "https://i/t/v2.0", "t", now),
            Err(TokenError::Malformed(_))
        ));
        // Refused tokens are not remembered.
        assert_eq!(idp.verified.lock().unwrap().len(), 1);
    }
}
