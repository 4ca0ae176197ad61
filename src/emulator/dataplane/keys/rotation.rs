//! Key rotation (rest-api.md §5.1, §6; D10): ISO-8601 durations, rotation-policy validation,
//! on-demand rotation, and the automatic work of housekeeping on the emulator clock (rotation
//! when a policy's trigger fires, purge of soft-deleted keys at their scheduled date).
//!
//! Decisions:
//! * **Rotation without a policy works.** D10 says a policy must exist first; Key Vault gives
//!   every key an implicit default policy (what `GET …/rotationpolicy` returns when none was
//!   set), so on-demand rotation is always allowed. The new version copies type, size, curve,
//!   `key_ops`, tags, `exportable` and the release policy; it is enabled, has no `nbf`, and its
//!   `exp` is `now + expiryTime` when the policy sets one.
//! * **Default policy.** A key without a policy reports Key Vault's default:
//!   `{"id": "{hsmUri}keys/{name}/rotationpolicy", "lifetimeActions": [{"trigger":
//!   {"timeBeforeExpiry": "P30D"}, "action": {"type": "Notify"}}], "attributes": {}}`.
//!   `Notify` is accepted and stored but does nothing: Managed HSM has no Event Grid.
//! * **Durations** follow .NET's `XmlConvert.ToTimeSpan` (the service is .NET): a year is 365
//!   days and a month 30 days; weeks and time parts (`PT…H/M/S`) are accepted.
//! * **Rules:** a `Rotate` action's `timeAfterCreate` ≥ P28D (at most one new version every 28
//!   days), `expiryTime` ≥ P28D, each action has exactly one trigger, at most one action per
//!   type, and triggers must fall before `expiryTime` when it is set. `{}` (or no actions)
//!   removes rotation: the stored policy then has no actions.

use crate::emulator::Emulator;
use crate::emulator::error::{ApiError, ApiResult};
use crate::wire::keys::{
    KeyRotationPolicy, LifetimeAction, LifetimeActionType, LifetimeTrigger,
    RotationPolicyAttributes,
};

use super::params::{KeySpec, bad};
use super::store::{self, KeyRecord, RotationPolicyRecord, VersionRecord};

/// Shortest `timeAfterCreate` of a Rotate action and shortest `expiryTime`.
pub const MIN_ROTATION_SECS: i64 = 28 * 86_400;

/// Parses an ISO-8601 duration (`P90D`, `P1Y2M`, `P4W`, `P1DT12H`) into seconds.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let invalid = || format!("'{s}' is not an ISO-8601 duration (e.g. P90D, P3M, P1Y)");
    let rest = s.strip_prefix('P').ok_or_else(invalid)?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return Err(invalid()),
        None => (rest, None),
    };
    fn parts(
        text: &str,
        units: &[(char, i64)],
        invalid: &dyn Fn() -> String,
    ) -> Result<(i64, usize), String> {
        let mut total: i64 = 0;
        let mut count = 0;
        let mut digits = String::new();
        let mut next_unit = 0;
        for c in text.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            // Units must appear in order, each at most once, each after a number.
            let pos = units[next_unit..]
                .iter()
                .position(|(u, _)| *u == c)
                .ok_or_else(invalid)?;
            if digits.is_empty() || digits.len() > 9 {
                return Err(invalid());
            }
            let n: i64 = digits.parse().map_err(|_| invalid())?;
            total = total
                .checked_add(
                    n.checked_mul(units[next_unit + pos].1)
                        .ok_or_else(invalid)?,
                )
                .ok_or_else(invalid)?;
            next_unit += pos + 1;
            digits.clear();
            count += 1;
        }
        if !digits.is_empty() {
            return Err(invalid());
        }
        Ok((total, count))
    }
    const DAY: i64 = 86_400;
    let (d, dn) = parts(
        date,
        &[
            ('Y', 365 * DAY),
            ('M', 30 * DAY),
            ('W', 7 * DAY),
            ('D', DAY),
        ],
        &invalid,
    )?;
    let (t, tn) = match time {
        Some(t) => parts(t, &[('H', 3600), ('M', 60), ('S', 1)], &invalid)?,
        None => (0, 0),
    };
    if dn + tn == 0 {
        return Err(invalid());
    }
    Ok(d + t)
}

fn duration(field: &str, s: &str) -> ApiResult<i64> {
    parse_duration(s).map_err(|e| bad(format!("The rotation policy's {field} is not valid: {e}.")))
}

fn canonical_action(kind: &str) -> ApiResult<&'static str> {
    match kind.to_ascii_lowercase().as_str() {
        "rotate" => Ok("Rotate"),
        "notify" => Ok("Notify"),
        _ => Err(bad(format!(
            "The lifetime action type '{kind}' is not valid: use Rotate or Notify."
        ))),
    }
}

/// Validates a `PUT …/rotationpolicy` body into the record to store.
pub fn validate(
    p: &KeyRotationPolicy,
    now: i64,
    previous: Option<&RotationPolicyRecord>,
) -> ApiResult<RotationPolicyRecord> {
    let expiry_time = p.attributes.as_ref().and_then(|a| a.expiry_time.clone());
    let expiry = match &expiry_time {
        Some(e) => {
            let secs = duration("expiryTime", e)?;
            if secs < MIN_ROTATION_SECS {
                return Err(bad(format!(
                    "The rotation policy's expiryTime ({e}) must be at least 28 days (P28D)."
                )));
            }
            Some(secs)
        }
        None => None,
    };
    let mut actions = Vec::new();
    for a in p.lifetime_actions.clone().unwrap_or_default() {
        let kind = canonical_action(&a.action.kind)?;
        if actions
            .iter()
            .any(|x: &LifetimeAction| x.action.kind == kind)
        {
            return Err(bad(format!(
                "The rotation policy has more than one {kind} action; give at most one per type."
            )));
        }
        let t = &a.trigger;
        let (field, value) = match (&t.time_after_create, &t.time_before_expiry) {
            (Some(v), None) => ("timeAfterCreate", v),
            (None, Some(v)) => ("timeBeforeExpiry", v),
            _ => {
                return Err(bad(format!(
                    "The {kind} action needs exactly one trigger: timeAfterCreate or timeBeforeExpiry."
                )));
            }
        };
        let secs = duration(field, value)?;
        if secs <= 0 {
            return Err(bad(format!(
                "The {kind} action's {field} ({value}) must be longer than zero."
            )));
        }
        if kind == "Rotate" && field == "timeAfterCreate" && secs < MIN_ROTATION_SECS {
            return Err(bad(format!(
                "The Rotate action's timeAfterCreate ({value}) must be at least 28 days (P28D): Managed HSM creates at most one new version every 28 days."
            )));
        }
        if let (Some(exp), Some(e)) = (expiry, &expiry_time)
            && secs >= exp
        {
            return Err(bad(format!(
                "The {kind} action's {field} ({value}) must be shorter than the policy's expiryTime ({e})."
            )));
        }
        actions.push(LifetimeAction {
            trigger: t.clone(),
            action: LifetimeActionType { kind: kind.into() },
        });
    }
    Ok(RotationPolicyRecord {
        lifetime_actions: actions,
        expiry_time,
        created: previous.map_or(now, |p| p.created),
        updated: now,
    })
}

/// The policy as the service returns it; `None` = the default policy.
pub fn to_wire(hsm_uri: &str, name: &str, rec: Option<&RotationPolicyRecord>) -> KeyRotationPolicy {
    let id = Some(format!("{hsm_uri}keys/{name}/rotationpolicy"));
    match rec {
        Some(r) => KeyRotationPolicy {
            id,
            lifetime_actions: Some(r.lifetime_actions.clone()),
            attributes: Some(RotationPolicyAttributes {
                expiry_time: r.expiry_time.clone(),
                created: Some(r.created),
                updated: Some(r.updated),
            }),
        },
        None => KeyRotationPolicy {
            id,
            lifetime_actions: Some(vec![LifetimeAction {
                trigger: LifetimeTrigger {
                    time_before_expiry: Some("P30D".into()),
                    time_after_create: None,
                },
                action: LifetimeActionType {
                    kind: "Notify".into(),
                },
            }]),
            attributes: Some(RotationPolicyAttributes::default()),
        },
    }
}

/// Whether a Rotate action of `policy` has fired for the current version at `now`.
pub fn due(policy: &RotationPolicyRecord, latest: &VersionRecord, now: i64) -> bool {
    policy
        .lifetime_actions
        .iter()
        .filter(|a| a.action.kind == "Rotate")
        .any(|a| {
            let t = &a.trigger;
            if let Some(d) = t
                .time_after_create
                .as_deref()
                .and_then(|d| parse_duration(d).ok())
            {
                return now >= latest.created.saturating_add(d);
            }
            if let (Some(d), Some(exp)) = (
                t.time_before_expiry
                    .as_deref()
                    .and_then(|d| parse_duration(d).ok()),
                latest.exp,
            ) {
                return now >= exp.saturating_sub(d);
            }
            false
        })
}

/// Whether a policy rotates at all.
pub fn rotates(policy: Option<&RotationPolicyRecord>) -> bool {
    policy.is_some_and(|p| p.lifetime_actions.iter().any(|a| a.action.kind == "Rotate"))
}

/// Creates a new version of `name` like its current one. With `only_if_due`, the rotation
/// happens only if the policy is still due for the same current version when the write
/// commits (housekeeping runs concurrently from the timer and after clock moves); then
/// `Ok(None)` means "nothing to do".
pub fn rotate(
    emu: &Emulator,
    hsm: &str,
    name: &str,
    only_if_due: bool,
) -> ApiResult<Option<(KeyRecord, VersionRecord)>> {
    let key = store::get_key(&emu.store, hsm, name)?
        .filter(|k| k.deleted.is_none())
        .ok_or_else(|| super::key_not_found(name))?;
    let latest = store::get_version(&emu.store, hsm, name, key.latest())?
        .ok_or_else(|| super::key_not_found(name))?;
    let material = KeySpec::like(latest.kind(), latest.size_bits, latest.curve()).generate()?;
    let now = emu.clock.unix();
    emu.store.write(|tx| {
        let Some(mut k) = store::tx_get_key(tx, hsm, name)?.filter(|k| k.deleted.is_none()) else {
            return Err(super::key_not_found(name));
        };
        if only_if_due {
            let still_due = k.latest() == latest.version
                && k.rotation_policy
                    .as_ref()
                    .is_some_and(|p| due(p, &latest, now));
            if !still_due {
                return Ok(None);
            }
        }
        store::check_limits(Some(&k), 0)?;
        // The new version copies the version the material was generated like, so type,
        // size, curve and key_ops always agree even if a create raced with this rotation.
        let prev = &latest;
        let version = store::new_version_id();
        let exp = k
            .rotation_policy
            .as_ref()
            .and_then(|p| p.expiry_time.as_deref())
            .and_then(|e| parse_duration(e).ok())
            .map(|d| now + d);
        let v = VersionRecord {
            version: version.clone(),
            public: store::public_wire_jwk(&material),
            size_bits: material.size_bits(),
            key_ops: prev.key_ops.clone(),
            enabled: true,
            nbf: None,
            exp,
            created: now,
            updated: now,
            exportable: prev.exportable,
            tags: prev.tags.clone(),
            release_policy: prev.release_policy.clone(),
            sealed: store::seal(emu, hsm, &k.name, &version, &material),
            external_key_id: None,
        };
        store::tx_put_version(tx, hsm, &k.name, &v)?;
        k.versions.push(version);
        store::tx_put_key(tx, hsm, &k)?;
        Ok(Some((k, v)))
    })
}

/// Timed work on the keys of one live HSM: purge soft-deleted keys whose scheduled purge date
/// has passed, and rotate keys whose policy is due.
pub fn housekeeping(emu: &Emulator, hsm: &str) {
    let now = emu.clock.unix();
    let Ok(keys) = store::list_keys(&emu.store, hsm) else {
        return;
    };
    super::super::blocking(|| {
        for (_, k) in keys {
            one_key(emu, hsm, k, now);
        }
    });
}

/// Automatic purge or rotation of one key, when due.
fn one_key(emu: &Emulator, hsm: &str, k: KeyRecord, now: i64) {
    match &k.deleted {
        Some(d) if now >= d.scheduled_purge_date => {
            let _ = emu.store.write(|tx| {
                // Re-checked inside the transaction: the key may have been recovered.
                let current = store::tx_get_key(tx, hsm, &k.name)?;
                if current
                    .and_then(|c| c.deleted)
                    .is_some_and(|d| now >= d.scheduled_purge_date)
                {
                    store::tx_remove_key(tx, hsm, &k.name)?;
                }
                Ok::<_, ApiError>(())
            });
            emu.materials.evict(hsm, Some(&k.name));
        }
        Some(_) => {}
        None if rotates(k.rotation_policy.as_ref()) => {
            let latest = store::get_version(&emu.store, hsm, &k.name, k.latest());
            if let (Ok(Some(v)), Some(p)) = (latest, &k.rotation_policy)
                && due(p, &v, now)
                && let Err(e) = rotate(emu, hsm, &k.name, true)
            {
                tracing::warn!(hsm, key = %k.name, error = %e.message, "automatic key rotation failed");
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::keys::Jwk;

    const DAY: i64 = 86_400;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("P90D").unwrap(), 90 * DAY);
        assert_eq!(parse_duration("P1Y").unwrap(), 365 * DAY);
        assert_eq!(parse_duration("P3M").unwrap(), 90 * DAY);
        assert_eq!(parse_duration("P4W").unwrap(), 28 * DAY);
        assert_eq!(parse_duration("P1Y2M3D").unwrap(), (365 + 60 + 3) * DAY);
        assert_eq!(parse_duration("P1DT12H").unwrap(), DAY + 12 * 3600);
        assert_eq!(parse_duration("PT30M").unwrap(), 1800);
        for bad in [
            "",
            "P",
            "90D",
            "P90",
            "PD",
            "P1D2Y",
            "P1DT",
            "p90d",
            "P1.5D",
            "P1DD",
            "P-1D",
            "P9999999999D",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    fn policy(
        actions: &[(&str, Option<&str>, Option<&str>)],
        expiry: Option<&str>,
    ) -> KeyRotationPolicy {
        KeyRotationPolicy {
            id: None,
            lifetime_actions: Some(
                actions
                    .iter()
                    .map(|(k, tac, tbe)| LifetimeAction {
                        trigger: LifetimeTrigger {
                            time_after_create: tac.map(String::from),
                            time_before_expiry: tbe.map(String::from),
                        },
                        action: LifetimeActionType {
                            kind: k.to_string(),
                        },
                    })
                    .collect(),
            ),
            attributes: Some(RotationPolicyAttributes {
                expiry_time: expiry.map(String::from),
                ..Default::default()
            }),
        }
    }

    #[test]
    fn policy_rules() {
        let ok = validate(
            &policy(&[("rotate", Some("P30D"), None)], Some("P90D")),
            5,
            None,
        )
        .unwrap();
        assert_eq!(ok.lifetime_actions[0].action.kind, "Rotate");
        assert_eq!((ok.created, ok.updated), (5, 5));
        let again = validate(&policy(&[], None), 9, Some(&ok)).unwrap();
        assert!(again.lifetime_actions.is_empty());
        assert_eq!((again.created, again.updated), (5, 9));
        for (p, needle) in [
            (
                policy(&[("Rotate", Some("P27D"), None)], None),
                "at least 28 days",
            ),
            (
                policy(&[("Rotate", Some("P30D"), None)], Some("P20D")),
                "expiryTime (P20D) must be at least",
            ),
            (
                policy(&[("Rotate", Some("P60D"), None)], Some("P30D")),
                "shorter than",
            ),
            (
                policy(&[("Rotate", None, None)], None),
                "exactly one trigger",
            ),
            (
                policy(&[("Rotate", Some("P30D"), Some("P7D"))], None),
                "exactly one trigger",
            ),
            (
                policy(
                    &[
                        ("Rotate", Some("P30D"), None),
                        ("Rotate", Some("P40D"), None),
                    ],
                    None,
                ),
                "more than one",
            ),
            (
                policy(&[("Delete", Some("P30D"), None)], None),
                "Rotate or Notify",
            ),
            (
                policy(&[("Rotate", Some("30 days"), None)], None),
                "ISO-8601",
            ),
        ] {
            let e = validate(&p, 0, None).unwrap_err();
            assert_eq!(e.code, "BadParameter");
            assert!(e.message.contains(needle), "{needle}: {}", e.message);
        }
        // Notify may fire earlier than 28 days.
        assert!(validate(&policy(&[("Notify", Some("P7D"), None)], None), 0, None).is_ok());
    }

    fn version(created: i64, exp: Option<i64>) -> VersionRecord {
        VersionRecord {
            version: "v".into(),
            public: Jwk::default(),
            size_bits: 256,
            key_ops: vec![],
            enabled: true,
            nbf: None,
            exp,
            created,
            updated: created,
            exportable: false,
            tags: None,
            release_policy: None,
            sealed: String::new(),
            external_key_id: None,
        }
    }

    #[test]
    fn due_after_create_and_before_expiry() {
        let p = validate(&policy(&[("Rotate", Some("P30D"), None)], None), 0, None).unwrap();
        assert!(!due(&p, &version(0, None), 30 * DAY - 1));
        assert!(due(&p, &version(0, None), 30 * DAY));
        let p = validate(
            &policy(&[("Rotate", None, Some("P10D"))], Some("P60D")),
            0,
            None,
        )
        .unwrap();
        assert!(
            !due(&p, &version(0, None), 1000 * DAY),
            "no exp, no trigger"
        );
        assert!(!due(&p, &version(0, Some(60 * DAY)), 49 * DAY));
        assert!(due(&p, &version(0, Some(60 * DAY)), 50 * DAY));
        let notify = validate(&policy(&[("Notify", Some("P30D"), None)], None), 0, None).unwrap();
        assert!(!due(&notify, &version(0, None), 100 * DAY));
        assert!(!rotates(Some(&notify)));
        let w = to_wire("https://h/", "k", None);
        assert_eq!(
            serde_json::to_value(&w).unwrap(),
            serde_json::json!({"id": "https://h/keys/k/rotationpolicy", "lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "Notify"}}], "attributes": {}})
        );
    }
}
