//! The data plane of an HSM's secondary region: a second loopback listener serving the same
//! HSM (same tokens, firewall, RBAC, keys) with replication lag (rest-api.md §12).
//!
//! What is modelled: a key version written on the primary becomes visible here
//! `--replication-delay-ms` after its creation time (key `created` has a resolution of one
//! second). Until then a read or crypto operation addressed to that version answers
//! `KeyNotFound`; one addressed to the key's current version is served by its newest replicated
//! version; `GET /keys` omits keys with no replicated version. Writes sent to the secondary are
//! accepted (the service forwards them to the primary) and follow the same lag here. While the
//! region is provisioning it answers 503; once removed its listener is gone.
//!
//! Local RBAC lags too (`rbac.rs`): a role assignment or custom role definition takes effect
//! here — for the authorization decision and in lists — once it is older than the delay, and a
//! deleted one keeps working here until its deletion is (tombstones). So a role created on the
//! primary is "unknown" on a secondary for a while, as Terraform users see on the service.
//!
//! Not modelled: lag of key attribute updates and deletions, settings and version lists (those
//! replicate at once), and a primary outage.

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

use super::keys::key_not_found;
use super::keys::store::{KeyRecord, get_key, get_version, list_keys};
use super::routes::{self, Route};
use crate::emulator::Emulator;
use crate::emulator::auth::authenticate;
use crate::emulator::error::{ApiError, ApiResult};
use crate::emulator::hsm::HsmRecord;
use crate::emulator::store::tables;

/// Largest `GET /keys` page body the filter reads (pages hold at most 25 items).
const MAX_LIST_BODY: usize = 4 << 20;

/// Unix milliseconds (emulator clock) up to which writes have reached the secondary regions:
/// those older than the replication delay.
pub fn cutoff_ms(emu: &Emulator) -> i64 {
    (emu.clock.now().unix_timestamp_nanos() / 1_000_000) as i64
        - emu.opts.replication_delay.as_millis() as i64
}

/// The cutoff of one secondary region: a region starts as a full copy of the HSM when its
/// provisioning completes, so what was written before then is there too.
pub fn region_cutoff_ms(emu: &Emulator, hsm: &HsmRecord, region: &str) -> i64 {
    let ready = hsm
        .secondaries
        .iter()
        .find(|r| r.name == region)
        .map_or(i64::MIN, |r| {
            (r.ready_at.unix_timestamp_nanos() / 1_000_000) as i64
        });
    cutoff_ms(emu).max(ready)
}

/// State of a secondary region's listener.
#[derive(Clone)]
struct Replica {
    emu: Arc<Emulator>,
    /// Lower-cased HSM name (store key).
    key: String,
    /// The region's canonical name.
    region: String,
}

/// The router of a secondary region: the HSM's own data-plane router behind the lag filter.
pub fn router(emu: Arc<Emulator>, key: String, region: String) -> Router {
    let replica = Replica {
        emu: emu.clone(),
        key: key.clone(),
        region,
    };
    super::plane_router(super::Plane {
        emu,
        key,
        ingress: super::network::Ingress::Public,
        replica: Some(replica.region.clone()),
    })
    .layer(middleware::from_fn_with_state(replica, lag_layer))
}

impl Replica {
    /// Versions of a key that have reached this region, oldest first.
    fn replicated(&self, k: &KeyRecord) -> ApiResult<Vec<String>> {
        let cutoff = match self.emu.store.get::<HsmRecord>(tables::HSMS, &self.key)? {
            Some(h) => region_cutoff_ms(&self.emu, &h, &self.region) as i128,
            None => cutoff_ms(&self.emu) as i128,
        };
        let mut out = Vec::new();
        for v in &k.versions {
            if let Some(rec) = get_version(&self.emu.store, &self.key, &k.name, v)?
                && (rec.created as i128) * 1000 <= cutoff
            {
                out.push(v.clone());
            }
        }
        Ok(out)
    }
}

async fn lag_layer(State(rep): State<Replica>, mut req: Request, next: Next) -> Response {
    let hsm = match rep.emu.store.get::<HsmRecord>(tables::HSMS, &rep.key) {
        Ok(Some(h)) if h.deleted.is_none() => h,
        Ok(_) => {
            return ApiError::not_found("HsmNotFound", "The Managed HSM does not exist.")
                .into_response();
        }
        Err(e) => return ApiError::from(e).into_response(),
    };
    let now = rep.emu.clock.now();
    match hsm
        .secondaries
        .iter()
        .find(|r| r.name == rep.region)
        .and_then(|r| r.state(now))
    {
        Some("Succeeded") => {}
        Some("Provisioning") => {
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "ServiceUnavailable",
                format!(
                    "The region '{}' of the Managed HSM is being provisioned.",
                    rep.region
                ),
            )
            .with_header(axum::http::header::RETRY_AFTER, "1")
            .into_response();
        }
        _ => {
            return ApiError::not_found(
                "HsmNotFound",
                format!("The Managed HSM has no region '{}'.", rep.region),
            )
            .into_response();
        }
    }
    // Only authenticated callers of the HSM's tenant learn what has replicated; anything else
    // goes on to the data plane's own challenge and refusals.
    let authed = authenticate(&rep.emu, req.headers(), &[super::MHSM_AUDIENCE])
        .is_ok_and(|c| c.claims.tid.eq_ignore_ascii_case(&hsm.tenant_id));
    let mut list = false;
    if authed {
        let path: Vec<String> = req
            .uri()
            .path()
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let route = routes::parse(req.method(), &format!("/{}", path.join("/")));
        match gate(&rep, req.method(), &route, &path) {
            Ok(Gate::Pass) => {}
            Ok(Gate::List) => list = true,
            Ok(Gate::Rewrite(p)) => {
                let pq = match req.uri().query() {
                    Some(q) => format!("{p}?{q}"),
                    None => p,
                };
                if let Ok(uri) = pq.parse() {
                    *req.uri_mut() = uri;
                }
            }
            Err(e) => return with_region(e.into_response(), &rep.region),
        }
    }
    let resp = next.run(req).await;
    let resp = if list && resp.status() == StatusCode::OK {
        filter_list(&rep, resp).await
    } else {
        resp
    };
    with_region(resp, &rep.region)
}

fn with_region(mut resp: Response, region: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(region) {
        resp.headers_mut().insert("x-ms-keyvault-region", v);
    }
    resp
}

enum Gate {
    Pass,
    /// `GET /keys`: filter the answer.
    List,
    /// Serve this path instead (the newest replicated version).
    Rewrite(String),
}

/// What the lag does to one request.
fn gate(rep: &Replica, method: &Method, route: &Route, path: &[String]) -> ApiResult<Gate> {
    let (name, version) = match route {
        Route::Keys if method == Method::GET => return Ok(Gate::List),
        Route::Key { name, version } if method == Method::GET => (name, version),
        Route::KeyAttestation { name, version } => (name, version),
        Route::KeyOperation { name, version, .. } => (name, version),
        Route::KeyBackup { name } => (name, &None),
        _ => return Ok(Gate::Pass),
    };
    let Some(k) = get_key(&rep.emu.store, &rep.key, name)?.filter(|k| k.deleted.is_none()) else {
        return Ok(Gate::Pass);
    };
    let replicated = rep.replicated(&k)?;
    let Some(newest) = replicated.last() else {
        return Err(key_not_found(name));
    };
    match version.as_deref() {
        Some("") | None if newest != k.latest() => {
            // `/keys/{name}[/{op}]` → `/keys/{name}/{newest}[/{op}]`.
            let mut p: Vec<&str> = path.iter().map(String::as_str).collect();
            if matches!(route, Route::KeyBackup { .. }) {
                return Ok(Gate::Pass);
            }
            p.insert(2, newest);
            Ok(Gate::Rewrite(format!("/{}", p.join("/"))))
        }
        Some(v) if !v.is_empty() && !replicated.iter().any(|r| r.eq_ignore_ascii_case(v)) => {
            Err(ApiError::not_found(
                "KeyNotFound",
                format!("A key with (name/id) {name}/{v} was not found in this HSM."),
            ))
        }
        _ => Ok(Gate::Pass),
    }
}

/// Drops from a `GET /keys` page the keys with no replicated version.
async fn filter_list(rep: &Replica, resp: Response) -> Response {
    let (parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_LIST_BODY).await else {
        return ApiError::internal("cannot read the key list").into_response();
    };
    let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let keys = list_keys(&rep.emu.store, &rep.key).unwrap_or_default();
    if let Some(items) = v["value"].as_array_mut() {
        items.retain(|item| {
            let name = item["kid"]
                .as_str()
                .and_then(|kid| kid.split("/keys/").nth(1))
                .map(|n| n.split('/').next().unwrap_or_default().to_ascii_lowercase());
            let Some(name) = name else { return true };
            match keys
                .iter()
                .find(|(_, k)| k.name.eq_ignore_ascii_case(&name))
            {
                Some((_, k)) => rep.replicated(k).is_ok_and(|r| !r.is_empty()),
                None => true,
            }
        });
    }
    let mut parts = parts;
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(v.to_string()))
}
