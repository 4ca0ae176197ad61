//! The network firewall of an HSM's data plane: which ingress a connection came through, the
//! client address (the TCP peer), and the decision that `publicNetworkAccess` and `networkAcls`
//! make about it, with the service's refusals (`ForbiddenByConnection`, `ForbiddenByFirewall`).
//!
//! Order (as the service): token validation → **firewall** → activation → RBAC. The management
//! plane (ARM) is never subject to these rules.
//!
//! Trusted services: a caller whose token's `appid` is a managed identity flagged
//! `"trusted_service": true` in the emulator's directory (`DIR/directory.json`) stands for a
//! "trusted Microsoft service"; it passes the firewall when `networkAcls.bypass` is
//! `AzureServices` (also when public network access is disabled, as with the real service).

use std::net::{IpAddr, Ipv4Addr};

use crate::emulator::Emulator;
use crate::emulator::auth::Caller;
use crate::emulator::error::ApiError;
use crate::emulator::hsm::HsmRecord;
use crate::wire::network::Ipv4Net;

/// The way a connection reached the HSM: its public listener, or the second listener an approved
/// private endpoint connection opens, which public-network rules do not govern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ingress {
    /// The public endpoint: `publicNetworkAccess` and `networkAcls` apply.
    Public,
    /// The private endpoint: only an approved connection lets requests in; `publicNetworkAccess`
    /// and IP rules do not apply (as the service).
    Private,
}

/// The client address of a data-plane request (a request extension set by the listener layer).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// The IPv4 form of the address (IPv4-mapped IPv6 included); `None` for real IPv6.
    pub fn v4(self) -> Option<Ipv4Addr> {
        match self.0 {
            IpAddr::V4(a) => Some(a),
            IpAddr::V6(a) => a.to_ipv4_mapped(),
        }
    }

    /// The `x-ms-keyvault-network-info` response header of the service.
    pub fn network_info(self) -> String {
        match self.v4() {
            Some(a) => format!("conn_type=Ipv4;addr={a};act_addr_fam=Ipv4;"),
            None => format!("conn_type=Ipv6;addr={};act_addr_fam=Ipv6;", self.0),
        }
    }
}

/// Whether the caller is one of the emulator's trusted services (see the module docs).
fn is_trusted_service(emu: &Emulator, caller: &Caller) -> bool {
    let Some(appid) = caller.claims.appid.as_deref() else {
        return false;
    };
    let dir = emu.directory.read().expect("directory lock");
    dir.managed_identities
        .iter()
        .any(|m| m.trusted_service && m.client_id.eq_ignore_ascii_case(appid))
}

/// The `Caller:` and `Vault:` lines the service appends to its refusals.
fn caller_and_vault(caller: &Caller, hsm: &HsmRecord) -> String {
    let c = &caller.claims;
    format!(
        "Caller: appid={};oid={};iss={}\r\nVault: {};location={}",
        c.appid.as_deref().unwrap_or_default(),
        c.oid,
        c.iss,
        hsm.name,
        hsm.location
    )
}

/// Admits or refuses a request that came through `ingress` from `addr`.
pub fn admit(
    emu: &Emulator,
    hsm: &HsmRecord,
    ingress: Ingress,
    addr: ClientAddr,
    caller: &Caller,
) -> Result<(), ApiError> {
    match ingress {
        Ingress::Public => {}
        Ingress::Private if hsm.has_approved_connection() => return Ok(()),
        Ingress::Private => {
            return Err(ApiError::forbidden(
                "Forbidden",
                format!(
                    "The private endpoint connection is not approved.\r\n{}",
                    caller_and_vault(caller, hsm)
                ),
            )
            .with_inner("ForbiddenByConnection"));
        }
    }
    let acls = &hsm.network_acls;
    let bypass = acls
        .bypass
        .as_deref()
        .is_none_or(|b| b.eq_ignore_ascii_case("AzureServices"));
    let trusted = || bypass && is_trusted_service(emu, caller);
    if hsm.public_network_access.eq_ignore_ascii_case("Disabled") {
        if trusted() {
            return Ok(());
        }
        return Err(ApiError::forbidden(
            "Forbidden",
            format!(
                "Public network access is disabled and request is not from a trusted service nor via an approved private link.\r\n{}",
                caller_and_vault(caller, hsm)
            ),
        )
        .with_inner("ForbiddenByConnection"));
    }
    let deny = acls
        .default_action
        .as_deref()
        .is_some_and(|d| d.eq_ignore_ascii_case("Deny"));
    if !deny {
        return Ok(());
    }
    let allowed = addr.v4().is_some_and(|ip| {
        acls.ip_rules.iter().flatten().any(|r| {
            Ipv4Net::parse_lenient(&r.value)
                .map(|n| n.contains(ip))
                .unwrap_or(false)
        })
    });
    if allowed || trusted() {
        return Ok(());
    }
    Err(ApiError::forbidden(
        "Forbidden",
        format!(
            "Client address is not authorized and caller is not a trusted service.\r\nClient address: {}\r\n{}",
            addr.0,
            caller_and_vault(caller, hsm)
        ),
    )
    .with_inner("ForbiddenByFirewall"))
}
