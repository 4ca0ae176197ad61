//! Bearer-token authentication shared by the emulator's planes: extracts the token, validates
//! it with the identity provider for the plane's audience and yields the calling principal.

use axum::http::HeaderMap;

use super::Emulator;
use super::idp::TokenError;
use crate::wire::identity::AccessClaims;

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub claims: AccessClaims,
}

impl Caller {
    pub fn oid(&self) -> &str {
        &self.claims.oid
    }

    /// True for user tokens (group grants apply to users only on the data plane).
    pub fn is_user(&self) -> bool {
        self.claims.idtyp.as_deref() == Some("user")
    }

    /// The name ARM puts in `systemData` and errors: the UPN for users, else the app id.
    pub fn display(&self) -> String {
        self.claims
            .upn
            .clone()
            .or_else(|| self.claims.appid.clone())
            .unwrap_or_else(|| self.claims.oid.clone())
    }

    /// `systemData.createdByType`.
    pub fn by_type(&self) -> &'static str {
        if self.is_user() {
            "User"
        } else if self.claims.xms_mirid.is_some() {
            "ManagedIdentity"
        } else {
            "Application"
        }
    }
}

/// Why a request carries no acceptable identity.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthFailure {
    /// No `Authorization: Bearer …` header.
    Missing,
    /// A token was sent but refused.
    Invalid(TokenError),
}

/// Extracts and validates the bearer token of a request for one of `audiences`.
pub fn authenticate(
    emu: &Emulator,
    headers: &HeaderMap,
    audiences: &[&str],
) -> Result<Caller, AuthFailure> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or(AuthFailure::Missing)?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .ok_or(AuthFailure::Missing)?
        .trim();
    let tenant = emu.tenant_id();
    emu.idp
        .validate(token, audiences, &emu.issuer(), &tenant, emu.clock.unix())
        .map(|claims| Caller { claims })
        .map_err(AuthFailure::Invalid)
}
