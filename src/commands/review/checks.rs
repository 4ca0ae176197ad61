//! The evaluation of `mhsm review`: pure functions from what was read about one HSM (a
//! [`Snapshot`]) and the policy parameters to findings, each with its evidence and the command
//! that fixes it. No I/O here, so every rule is unit-tested on hand-made snapshots.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

use super::rules::{self, Rule, Severity};
use crate::wire::arm::ManagedHsm;
use crate::wire::graph::DirectoryObject;
use crate::wire::insights::DiagnosticSetting;
use crate::wire::keys::KeyRotationPolicy;
use crate::wire::rbac::{BUILT_IN_ROLES, RoleAssignment, RoleDefinition, data_action};

/// The parameters of the Azure Policy built-ins and of the seeds' practices.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Params {
    pub minimum_rsa_key_size: u32,
    pub minimum_aes_key_size: u32,
    pub allowed_ec_names: Vec<String>,
    pub allowed_key_types: Vec<String>,
    pub minimum_days_before_expiration: i64,
    pub required_retention_days: u32,
    pub minimum_soft_delete_retention_days: u32,
    pub maximum_backup_age_days: i64,
}

/// What is known about one key (its current version).
#[derive(Debug, Clone, Default)]
pub struct KeyFacts {
    pub name: String,
    pub kty: String,
    /// RSA modulus or AES key size in bits, when known.
    pub size: Option<u32>,
    pub crv: Option<String>,
    pub exp: Option<i64>,
    /// `None` when it could not be read; `Some(None)` when the key has no policy.
    pub rotation: Option<Option<KeyRotationPolicy>>,
}

/// Security-domain facts from `--sd-file`.
#[derive(Debug, Clone)]
pub struct SdFacts {
    pub file: String,
    pub certificates: usize,
    pub quorum: u8,
}

/// Everything read about one HSM; `None` members could not be read (their checks are skipped).
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub name: String,
    pub resource_group: String,
    pub hsm: ManagedHsm,
    pub diagnostics: Option<Vec<DiagnosticSetting>>,
    pub assignments: Option<Vec<RoleAssignment>>,
    pub definitions: Option<Vec<RoleDefinition>>,
    pub principals: Option<BTreeMap<String, DirectoryObject>>,
    pub keys: Option<Vec<KeyFacts>>,
    /// Times (Unix seconds) of this HSM's full backups in the container.
    pub backups: Option<Vec<(String, i64)>>,
    pub container: Option<String>,
    pub sd: Option<SdFacts>,
    /// Unix seconds.
    pub now: i64,
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub hsm: String,
    pub rule_id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub source: Source,
    /// What the finding is about: the HSM's ARM id, `/keys/<name>`, a role assignment's scope…
    pub resource: String,
    pub evidence: String,
    /// The command that fixes it.
    pub fix: String,
}

/// Where the practice behind a finding comes from.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Source {
    #[serde(rename_all = "camelCase")]
    AzurePolicy {
        display_name: &'static str,
        policy_definition_id: String,
        #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
        parameters: serde_json::Map<String, serde_json::Value>,
    },
    #[serde(rename_all = "camelCase")]
    Seed { practice: &'static str },
}

struct Out<'a> {
    s: &'a Snapshot,
    findings: Vec<Finding>,
}

impl Out<'_> {
    fn add(
        &mut self,
        rule: &Rule,
        params: serde_json::Value,
        resource: impl Into<String>,
        evidence: impl Into<String>,
        fix: impl Into<String>,
    ) {
        let source = match rule.origin {
            rules::Origin::Policy { display_name, .. } => Source::AzurePolicy {
                display_name,
                policy_definition_id: rule.policy_definition_id().unwrap_or_default(),
                parameters: params.as_object().cloned().unwrap_or_default(),
            },
            rules::Origin::Seed { practice } => Source::Seed { practice },
        };
        self.findings.push(Finding {
            hsm: self.s.name.clone(),
            rule_id: rule.id,
            severity: rule.severity,
            title: rule.title,
            source,
            resource: resource.into(),
            evidence: evidence.into(),
            fix: fix.into(),
        });
    }
}

fn no_params() -> serde_json::Value {
    serde_json::json!({})
}

/// Every finding about one HSM, in rule order.
pub fn evaluate(s: &Snapshot, p: &Params) -> Vec<Finding> {
    let mut out = Out {
        s,
        findings: Vec::new(),
    };
    resource_checks(&mut out, p);
    if let Some(d) = &s.diagnostics {
        logging_checks(&mut out, p, d);
    }
    if let Some(keys) = &s.keys {
        key_checks(&mut out, p, keys);
    }
    if let Some(a) = &s.assignments {
        rbac_checks(&mut out, a);
    }
    if let Some(b) = &s.backups {
        backup_check(&mut out, p, b);
    }
    if let Some(sd) = &s.sd {
        sd_checks(&mut out, sd);
    }
    let order = |id: &str| rules::ALL.iter().position(|r| r.id == id).unwrap_or(0);
    out.findings.sort_by_key(|f| order(f.rule_id));
    out.findings
}

fn hsm_args(s: &Snapshot) -> String {
    format!("--hsm-name {} -g {}", s.name, s.resource_group)
}

fn resource_id(s: &Snapshot) -> String {
    s.hsm.id.clone().unwrap_or_default()
}

fn resource_checks(out: &mut Out<'_>, p: &Params) {
    let s = out.s;
    let Some(props) = &s.hsm.properties else {
        return;
    };
    let id = resource_id(s);
    let soft = props.enable_soft_delete.unwrap_or(true);
    let purge = props.enable_purge_protection.unwrap_or(false);
    if !soft || !purge {
        out.add(
            &rules::PURGE_PROTECTION,
            no_params(),
            &id,
            format!(
                "properties.enableSoftDelete = {soft}, properties.enablePurgeProtection = {purge}"
            ),
            format!(
                "mhsm update-hsm {} --enable-purge-protection true",
                hsm_args(s)
            ),
        );
    }
    let default_action = props
        .network_acls
        .as_ref()
        .and_then(|n| n.default_action.clone())
        .unwrap_or_else(|| "Allow".into());
    let recovering = props.create_mode.as_deref() == Some("recover");
    if !recovering && !default_action.eq_ignore_ascii_case("Deny") {
        let evidence = format!("properties.networkAcls.defaultAction = {default_action}");
        let fix = format!("mhsm update-hsm {} --default-action Deny", hsm_args(s));
        out.add(&rules::FIREWALL_AUDIT, no_params(), &id, &evidence, &fix);
        out.add(&rules::FIREWALL_MODIFY, no_params(), &id, &evidence, &fix);
    }
    let pecs = props.private_endpoint_connections.as_deref().unwrap_or(&[]);
    let status = |c: &serde_json::Value| {
        c.pointer("/properties/privateLinkServiceConnectionState/status")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let approved = pecs.iter().filter(|c| status(c) == "Approved").count();
    if approved == 0 {
        let pending: Vec<String> = pecs
            .iter()
            .filter(|c| status(c) == "Pending")
            .filter_map(|c| c.get("id").and_then(|v| v.as_str()))
            .filter_map(|i| i.rsplit('/').next().map(str::to_string))
            .collect();
        let fix = match pending.first() {
            Some(n) => format!(
                "mhsm private-endpoint-connection approve {} --name {n}",
                hsm_args(s)
            ),
            None => pe_create(s),
        };
        out.add(
            &rules::PRIVATE_LINK,
            no_params(),
            &id,
            format!(
                "{} private endpoint connection(s), none Approved ({})",
                pecs.len(),
                if pecs.is_empty() {
                    "none".to_string()
                } else {
                    pecs.iter().map(status).collect::<Vec<_>>().join(", ")
                }
            ),
            fix,
        );
    }
    if pecs.is_empty() {
        out.add(
            &rules::PRIVATE_ENDPOINT_DINE,
            serde_json::json!({"privateEndpointSubnetId": "<subnet id>"}),
            &id,
            "properties.privateEndpointConnections is empty",
            pe_create(s),
        );
    }
    let pna = props
        .public_network_access
        .clone()
        .unwrap_or_else(|| "Enabled".into());
    if pna.eq_ignore_ascii_case("Enabled") && !default_action.eq_ignore_ascii_case("Deny") {
        out.add(
            &rules::PUBLIC_NETWORK,
            no_params(),
            &id,
            format!(
                "properties.publicNetworkAccess = {pna} and networkAcls.defaultAction = {default_action}: any address on the internet reaches the data plane"
            ),
            format!(
                "mhsm update-hsm {} --public-network-access Disabled",
                hsm_args(s)
            ),
        );
    }
    let retention = props.soft_delete_retention_in_days.unwrap_or(90);
    if retention < p.minimum_soft_delete_retention_days {
        out.add(
            &rules::RETENTION,
            no_params(),
            &id,
            format!(
                "properties.softDeleteRetentionInDays = {retention} (minimum {})",
                p.minimum_soft_delete_retention_days
            ),
            format!(
                "mhsm create --hsm-name {n}-new -g {rg} -l {loc} --administrators <group-object-id> --retention-days {d} --enable-purge-protection true && mhsm dr restore --source-hsm-name {n} --target-hsm-name {n}-new …  (retention is fixed at creation)",
                n = s.name,
                rg = s.resource_group,
                loc = s.hsm.location.as_deref().unwrap_or("<location>"),
                d = p.minimum_soft_delete_retention_days.max(90),
            ),
        );
    }
}

fn pe_create(s: &Snapshot) -> String {
    format!(
        "az network private-endpoint create -g {rg} -n {n}-pe --vnet-name <vnet> --subnet <subnet> --private-connection-resource-id {id} --group-id managedhsm --connection-name {n}-pe && mhsm private-endpoint-connection approve {args} --name {n}-pe",
        rg = s.resource_group,
        n = s.name,
        id = resource_id(s),
        args = hsm_args(s)
    )
}

fn logging_checks(out: &mut Out<'_>, p: &Params, settings: &[DiagnosticSetting]) {
    let s = out.s;
    let id = resource_id(s);
    let names = |f: &dyn Fn(&DiagnosticSetting) -> bool| {
        settings
            .iter()
            .filter(|d| f(d))
            .filter_map(|d| d.name.clone())
            .collect::<Vec<_>>()
    };
    let listed = if settings.is_empty() {
        "no diagnostic setting".to_string()
    } else {
        format!(
            "diagnostic settings: {}",
            settings
                .iter()
                .map(|d| {
                    let logs: Vec<String> = d
                        .properties
                        .logs
                        .iter()
                        .map(|l| {
                            format!(
                                "{}={}",
                                l.category
                                    .as_deref()
                                    .or(l.category_group.as_deref())
                                    .unwrap_or("?"),
                                if l.enabled { "on" } else { "off" }
                            )
                        })
                        .collect();
                    format!(
                        "{} [{}]",
                        d.name.as_deref().unwrap_or("?"),
                        if logs.is_empty() {
                            "no logs".into()
                        } else {
                            logs.join(", ")
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        )
    };
    let audit = names(&|d| d.sends_audit_events());
    let create = format!("mhsm diagnostic-setting create {} -n audit", hsm_args(s));
    if audit.is_empty() {
        out.add(
            &rules::AUDIT_LOGGING,
            no_params(),
            &id,
            format!(
                "{listed}: nothing collects AuditEvent, so data-plane operations are not logged"
            ),
            format!("{create} --workspace <log-analytics-workspace-id>"),
        );
    }
    // The policy's existence condition: logs enabled, and either no storage account or a
    // retention of at least `requiredRetentionDays` (0 = forever).
    let compliant = settings.iter().any(|d| {
        let Some(l) = d.audit_log() else {
            return false;
        };
        if !d.sends_audit_events() {
            return false;
        }
        if d.properties.storage_account_id.is_none() {
            return true;
        }
        match &l.retention_policy {
            None => true,
            Some(r) if !r.enabled || r.days == 0 => true,
            Some(r) => r.days >= p.required_retention_days,
        }
    });
    if !compliant {
        out.add(
            &rules::RESOURCE_LOGS,
            serde_json::json!({"requiredRetentionDays": p.required_retention_days.to_string()}),
            &id,
            format!(
                "{listed}: no setting sends AuditEvent with at least {} days of retention",
                p.required_retention_days
            ),
            // A setting archiving too briefly gets the required retention; else a new one.
            match settings
                .iter()
                .find(|d| d.sends_audit_events() && d.properties.storage_account_id.is_some())
            {
                Some(d) => format!(
                    "mhsm diagnostic-setting create {} -n {} --storage-account {} --retention-days {}",
                    hsm_args(s),
                    d.name.as_deref().unwrap_or("audit"),
                    d.properties.storage_account_id.as_deref().unwrap_or_default(),
                    p.required_retention_days
                ),
                None => format!("{create} --workspace <log-analytics-workspace-id>"),
            },
        );
    }
    let hub = names(&|d| {
        d.sends_audit_events() && d.properties.event_hub_authorization_rule_id.is_some()
    });
    if hub.is_empty() {
        out.add(
            &rules::EVENT_HUB_LOGS,
            serde_json::json!({"profileName": "setbypolicy", "logsEnabled": "True"}),
            &id,
            format!("{listed}: none streams AuditEvent to an Event Hub"),
            format!(
                "mhsm diagnostic-setting create {} -n setbypolicy --event-hub-rule <authorization-rule-id> --event-hub <hub-name>",
                hsm_args(s)
            ),
        );
    }
}

fn key_checks(out: &mut Out<'_>, p: &Params, keys: &[KeyFacts]) {
    let s = out.s;
    let args = format!("--hsm-name {}", s.name);
    let day = 86_400;
    let renew_to = s.now + (p.minimum_days_before_expiration.max(1) + 365) * day;
    let renew = iso_date(renew_to);
    for k in keys {
        let res = format!("/keys/{}", k.name);
        match k.exp {
            None => out.add(
                &rules::KEY_EXPIRATION_SET,
                no_params(),
                &res,
                format!("key '{}' ({}) has no attributes.expires", k.name, k.kty),
                format!("mhsm key set-attributes {args} -n {} --expires {renew}", k.name),
            ),
            Some(exp) if exp < s.now + p.minimum_days_before_expiration * day => out.add(
                &rules::KEY_EXPIRY_DAYS,
                serde_json::json!({"minimumDaysBeforeExpiration": p.minimum_days_before_expiration}),
                &res,
                format!(
                    "key '{}' expires {} ({} days from now; minimum {})",
                    k.name,
                    iso_date(exp),
                    (exp - s.now).div_euclid(day),
                    p.minimum_days_before_expiration
                ),
                format!("mhsm key rotate {args} -n {} && mhsm key set-attributes {args} -n {} --expires {renew}", k.name, k.name),
            ),
            Some(_) => {}
        }
        let kty = k.kty.as_str();
        if matches!(kty, "RSA" | "RSA-HSM")
            && let Some(size) = k.size
            && size < p.minimum_rsa_key_size
        {
            out.add(
                &rules::RSA_MIN_SIZE,
                serde_json::json!({"minimumRSAKeySize": p.minimum_rsa_key_size}),
                &res,
                format!("key '{}' is {kty} {size} bits (minimum {})", k.name, p.minimum_rsa_key_size),
                format!(
                    "mhsm key create {args} -n {}-{} --kty RSA-HSM --size {}  (then move its users and delete '{}')",
                    k.name, p.minimum_rsa_key_size, p.minimum_rsa_key_size, k.name
                ),
            );
        }
        if matches!(kty, "EC" | "EC-HSM") {
            let crv = k.crv.clone().unwrap_or_default();
            if !p.allowed_ec_names.iter().any(|a| a == &crv) {
                let to = p
                    .allowed_ec_names
                    .first()
                    .cloned()
                    .unwrap_or("P-256".into());
                out.add(
                    &rules::EC_CURVES,
                    serde_json::json!({"allowedECNames": p.allowed_ec_names}),
                    &res,
                    format!("key '{}' uses curve {crv} (allowed: {})", k.name, p.allowed_ec_names.join(", ")),
                    format!(
                        "mhsm key create {args} -n {}-{} --kty EC-HSM --curve {to}  (then move its users and delete '{}')",
                        k.name,
                        to.to_ascii_lowercase(),
                        k.name
                    ),
                );
            }
        }
        if !p.allowed_key_types.iter().any(|a| a == kty) {
            let to = p
                .allowed_key_types
                .first()
                .cloned()
                .unwrap_or("RSA-HSM".into());
            out.add(
                &rules::KEY_TYPES,
                serde_json::json!({"allowedKeyTypes": p.allowed_key_types}),
                &res,
                format!("key '{}' is {kty} (allowed: {})", k.name, p.allowed_key_types.join(", ")),
                format!(
                    "mhsm key create {args} -n {}-{} --kty {to}  (then move its users and delete '{}')",
                    k.name,
                    to.to_ascii_lowercase(),
                    k.name
                ),
            );
        }
        if kty == "oct-HSM"
            && let Some(size) = k.size
            && size < p.minimum_aes_key_size
        {
            out.add(
                &rules::AES_MIN_SIZE,
                serde_json::json!({"minimumOCTKeySize": p.minimum_aes_key_size}),
                &res,
                format!("key '{}' is AES {size} bits (minimum {})", k.name, p.minimum_aes_key_size),
                format!(
                    "mhsm key create {args} -n {}-{} --kty oct-HSM --size {}  (then move its users and delete '{}')",
                    k.name, p.minimum_aes_key_size, p.minimum_aes_key_size, k.name
                ),
            );
        }
        if let Some(rotation) = &k.rotation {
            let rotates = rotation.as_ref().is_some_and(|r| {
                r.lifetime_actions
                    .as_deref()
                    .unwrap_or(&[])
                    .iter()
                    .any(|a| a.action.kind.eq_ignore_ascii_case("Rotate"))
            });
            if !rotates {
                out.add(
                    &rules::NO_ROTATION_POLICY,
                    no_params(),
                    &res,
                    match rotation {
                        None => format!("key '{}' has no rotation policy", k.name),
                        Some(_) => format!("key '{}' has a rotation policy without a Rotate action", k.name),
                    },
                    format!(
                        "mhsm key rotation-policy update {args} -n {} --value '{{\"lifetimeActions\":[{{\"trigger\":{{\"timeBeforeExpiry\":\"P30D\"}},\"action\":{{\"type\":\"Rotate\"}}}}],\"attributes\":{{\"expiryTime\":\"P1Y\"}}}}'",
                        k.name
                    ),
                );
            }
        }
    }
}

/// `YYYY-MM-DDT00:00:00Z` of a Unix time.
fn iso_date(t: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(t)
        .map(|d| {
            format!(
                "{:04}-{:02}-{:02}T00:00:00Z",
                d.year(),
                u8::from(d.month()),
                d.day()
            )
        })
        .unwrap_or_default()
}

/// Which family of duties a set of data actions belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Families {
    /// Manages keys or access: role assignments/definitions, security domain, purge, export.
    manage: bool,
    /// Uses keys: cryptographic operations and release.
    use_keys: bool,
}

/// Data actions (suffixes) that manage access, the security domain, purge or export keys.
const MANAGE_ACTIONS: &[&str] = &[
    "roleAssignments/write/action",
    "roleDefinitions/write/action",
    "securitydomain/download/action",
    "securitydomain/upload/action",
    "keys/deletedKeys/delete",
    "keys/export/action",
];

/// Data actions (suffixes) that use keys.
const USE_ACTIONS: &[&str] = &[
    "keys/encrypt/action",
    "keys/decrypt/action",
    "keys/wrap/action",
    "keys/unwrap/action",
    "keys/sign/action",
    "keys/verify/action",
    "keys/release/action",
    "keys/derive/action",
];

/// Other HSM-level powers a custom role should not add beyond the built-in it replaces.
const HSM_ACTIONS: &[&str] = &[
    "backup/start/action",
    "restore/start/action",
    "settings/write/action",
    "roleAssignments/delete/action",
    "roleDefinitions/delete/action",
];

fn is_sensitive(action: &str) -> bool {
    MANAGE_ACTIONS
        .iter()
        .chain(USE_ACTIONS)
        .chain(HSM_ACTIONS)
        .any(|a| data_action(a) == action)
        || !action.starts_with(crate::wire::rbac::DATA_ACTION_PREFIX)
        || action.contains('*')
}

fn families(actions: &BTreeSet<String>) -> Families {
    let has = |suffix: &&str| actions.contains(&data_action(suffix));
    Families {
        manage: MANAGE_ACTIONS.iter().any(has),
        use_keys: USE_ACTIONS.iter().any(has),
    }
}

/// A role as the review sees it: name, whether built-in, effective data actions.
struct RoleView {
    name: String,
    custom: bool,
    actions: BTreeSet<String>,
}

fn role_views(s: &Snapshot) -> BTreeMap<String, RoleView> {
    let mut out = BTreeMap::new();
    for b in BUILT_IN_ROLES {
        out.insert(
            b.guid.to_ascii_lowercase(),
            RoleView {
                name: b.name.to_string(),
                custom: false,
                actions: b.data_actions.iter().map(|a| data_action(a)).collect(),
            },
        );
    }
    for d in s.definitions.as_deref().unwrap_or(&[]) {
        let custom = d.properties.role_type.as_deref() == Some("CustomRole");
        if !custom {
            continue;
        }
        let mut actions = BTreeSet::new();
        for p in d.properties.permissions.as_deref().unwrap_or(&[]) {
            let not: BTreeSet<&String> = p.not_data_actions.iter().collect();
            actions.extend(p.data_actions.iter().filter(|a| !not.contains(a)).cloned());
        }
        out.insert(
            d.name.to_ascii_lowercase(),
            RoleView {
                name: d.properties.role_name.clone().unwrap_or(d.name.clone()),
                custom: true,
                actions,
            },
        );
    }
    out
}

fn role_guid(role_definition_id: &str) -> String {
    role_definition_id
        .rsplit('/')
        .next()
        .unwrap_or(role_definition_id)
        .to_ascii_lowercase()
}

fn rbac_checks(out: &mut Out<'_>, assignments: &[RoleAssignment]) {
    let s = out.s;
    let roles = role_views(s);
    let args = format!("--hsm-name {}", s.name);
    let name_of = |id: &str| -> String {
        match s.principals.as_ref().and_then(|p| p.get(id)) {
            Some(o) => format!(
                "{} {} ({id})",
                o.principal_type(),
                o.principal_name().unwrap_or_default()
            ),
            None => id.to_string(),
        }
    };
    let role_name = |a: &RoleAssignment| {
        roles
            .get(&role_guid(&a.properties.role_definition_id))
            .map(|r| r.name.clone())
            .unwrap_or_else(|| a.properties.role_definition_id.clone())
    };
    let admin = BUILT_IN_ROLES
        .iter()
        .find(|r| r.name == "Managed HSM Administrator")
        .map(|r| r.guid.to_ascii_lowercase())
        .unwrap_or_default();
    // Administrators that are users (needs Graph).
    if let Some(principals) = &s.principals {
        for a in assignments {
            if role_guid(&a.properties.role_definition_id) != admin {
                continue;
            }
            let Some(o) = principals.get(&a.properties.principal_id) else {
                continue;
            };
            if o.principal_type() == "User" {
                out.add(
                    &rules::ADMIN_IS_USER,
                    no_params(),
                    &a.properties.scope,
                    format!(
                        "Managed HSM Administrator at {} is held by {} (assignment {})",
                        a.properties.scope,
                        name_of(&a.properties.principal_id),
                        a.name
                    ),
                    format!(
                        "mhsm role assignment create {args} --role \"Managed HSM Administrator\" --scope / --assignee-object-id <admin-group-object-id> --assignee-principal-type Group && mhsm role assignment delete {args} --ids {}",
                        a.id
                    ),
                );
            }
        }
    }
    // Per principal: several roles; both families.
    let mut by_principal: BTreeMap<&str, Vec<&RoleAssignment>> = BTreeMap::new();
    for a in assignments {
        by_principal
            .entry(a.properties.principal_id.as_str())
            .or_default()
            .push(a);
    }
    for (principal, held) in &by_principal {
        let mut distinct: Vec<String> = held.iter().map(|a| role_name(a)).collect();
        distinct.sort();
        distinct.dedup();
        let described: Vec<String> = held
            .iter()
            .map(|a| format!("{} at {}", role_name(a), a.properties.scope))
            .collect();
        let fam = |a: &RoleAssignment| {
            roles
                .get(&role_guid(&a.properties.role_definition_id))
                .map(|r| families(&r.actions))
                .unwrap_or(Families {
                    manage: false,
                    use_keys: false,
                })
        };
        let manage: Vec<&&RoleAssignment> = held.iter().filter(|a| fam(a).manage).collect();
        let uses: Vec<&&RoleAssignment> = held.iter().filter(|a| fam(a).use_keys).collect();
        let mixed_in_one = held.iter().any(|a| {
            let f = fam(a);
            f.manage && f.use_keys
        });
        if (!manage.is_empty() && !uses.is_empty()) || mixed_in_one {
            // Remove the key-use side from whoever manages (unless one role mixes both).
            let drop: Vec<&str> = uses
                .iter()
                .filter(|a| !fam(a).manage)
                .map(|a| a.id.as_str())
                .collect();
            let fix = if drop.is_empty() {
                format!(
                    "mhsm role assignment delete {args} --ids {}  (then give the key-use duties to another principal)",
                    held.iter()
                        .map(|a| a.id.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            } else {
                format!(
                    "mhsm role assignment delete {args} --ids {}",
                    drop.join(" ")
                )
            };
            out.add(
                &rules::SEPARATION_OF_DUTIES,
                no_params(),
                "/",
                format!(
                    "{} both manages keys or access and uses keys: {}",
                    name_of(principal),
                    described.join(", ")
                ),
                fix,
            );
        }
        if distinct.len() > 1 {
            let extra: Vec<&str> = held.iter().skip(1).map(|a| a.id.as_str()).collect();
            out.add(
                &rules::MULTIPLE_ROLES,
                no_params(),
                "/",
                format!("{} holds {} roles: {}", name_of(principal), distinct.len(), described.join(", ")),
                format!(
                    "mhsm role assignment delete {args} --ids {}  (keep one role; a custom role can combine exactly what is needed)",
                    extra.join(" ")
                ),
            );
        }
    }
    // Key-use roles held HSM-wide.
    for a in assignments {
        let scope = a.properties.scope.as_str();
        if !(scope == "/" || scope.eq_ignore_ascii_case("/keys")) {
            continue;
        }
        let Some(r) = roles.get(&role_guid(&a.properties.role_definition_id)) else {
            continue;
        };
        let f = families(&r.actions);
        if !f.use_keys || f.manage {
            continue;
        }
        out.add(
            &rules::HSM_WIDE_SCOPE,
            no_params(),
            scope,
            format!(
                "{} holds {} at {scope}: it can use every key of the HSM",
                name_of(&a.properties.principal_id),
                r.name
            ),
            format!(
                "mhsm role assignment create {args} --role \"{}\" --scope /keys/<key-name> --assignee-object-id {} && mhsm role assignment delete {args} --ids {}",
                r.name, a.properties.principal_id, a.id
            ),
        );
    }
    // Custom roles broader than any built-in.
    for d in s.definitions.as_deref().unwrap_or(&[]) {
        let Some(view) = roles.get(&d.name.to_ascii_lowercase()) else {
            continue;
        };
        if !view.custom {
            continue;
        }
        let (closest, overlap) = BUILT_IN_ROLES
            .iter()
            .map(|b| {
                let set: BTreeSet<String> = b.data_actions.iter().map(|a| data_action(a)).collect();
                let n = view.actions.intersection(&set).count();
                (b, n)
            })
            .max_by_key(|(_, n)| *n)
            .unwrap_or((&BUILT_IN_ROLES[0], 0));
        let closest_set: BTreeSet<String> = closest
            .data_actions
            .iter()
            .map(|a| data_action(a))
            .collect();
        let f = families(&view.actions);
        // Broader than the built-in it replaces: it grants, beyond its closest built-in, an
        // action that manages access, keys' existence or the HSM, or uses keys. Combining
        // harmless actions of two built-ins (e.g. Crypto User's key management with Crypto
        // Officer's deleted-key reads) is still least privilege.
        let sensitive: Vec<&String> = view
            .actions
            .difference(&closest_set)
            .filter(|a| is_sensitive(a))
            .collect();
        if sensitive.is_empty() && !(f.manage && f.use_keys) {
            continue;
        }
        let extra: Vec<String> = sensitive
            .iter()
            .map(|a| {
                a.trim_start_matches(crate::wire::rbac::DATA_ACTION_PREFIX)
                    .to_string()
            })
            .collect();
        let kept: Vec<&String> = view
            .actions
            .iter()
            .filter(|a| !sensitive.contains(a))
            .collect();
        let body = serde_json::json!({
            "name": d.name,
            "roleName": view.name,
            "description": d.properties.description.clone().unwrap_or_default(),
            "dataActions": kept,
        });
        out.add(
            &rules::BROAD_CUSTOM_ROLE,
            no_params(),
            format!("/providers/Microsoft.Authorization/roleDefinitions/{}", d.name),
            format!(
                "custom role '{}' grants {} data actions; the closest built-in, {}, shares {overlap}; beyond it: {}{}",
                view.name,
                view.actions.len(),
                closest.name,
                extra.join(", "),
                if f.manage && f.use_keys {
                    " (it both manages and uses keys)"
                } else {
                    ""
                }
            ),
            format!(
                "mhsm role definition update {args} --role-definition '{body}'"
            ),
        );
    }
}

fn backup_check(out: &mut Out<'_>, p: &Params, backups: &[(String, i64)]) {
    let s = out.s;
    let newest = backups.iter().max_by_key(|(_, t)| *t);
    let limit = s.now - p.maximum_backup_age_days * 86_400;
    let container = s.container.clone().unwrap_or_default();
    let evidence = match newest {
        Some((_, t)) if *t >= limit => return,
        Some((name, t)) => format!(
            "the newest full backup in {container} is {name}, {} days old (maximum {})",
            (s.now - t).div_euclid(86_400),
            p.maximum_backup_age_days
        ),
        None => format!(
            "no full backup of '{}' in {container} (maximum age {} days)",
            s.name, p.maximum_backup_age_days
        ),
    };
    out.add(
        &rules::BACKUP_AGE,
        no_params(),
        resource_id(s),
        evidence,
        format!(
            "mhsm backup start --hsm-name {} --storage-resource-uri {container} -t <container-SAS-crdw>",
            s.name
        ),
    );
}

fn sd_checks(out: &mut Out<'_>, sd: &SdFacts) {
    let s = out.s;
    let new_sd = format!(
        "mhsm security-domain download --hsm-name <new-hsm> --sd-wrapping-keys c1.cer c2.cer c3.cer --sd-quorum 2 --security-domain-file <new-hsm>-sd.json  (a security domain cannot be re-split: activate a new HSM with 3+ certificates and move the keys with 'mhsm dr restore --source-hsm-name {}')",
        s.name
    );
    if sd.certificates < 3 {
        out.add(
            &rules::SD_CERTIFICATES,
            no_params(),
            &sd.file,
            format!(
                "{}: the security domain is split over {} certificate(s) (minimum 3)",
                sd.file, sd.certificates
            ),
            &new_sd,
        );
    }
    if sd.quorum < 2 || usize::from(sd.quorum) >= sd.certificates {
        out.add(
            &rules::SD_QUORUM,
            no_params(),
            &sd.file,
            format!(
                "{}: quorum {} of {} certificate(s){}",
                sd.file,
                sd.quorum,
                sd.certificates,
                if usize::from(sd.quorum) >= sd.certificates {
                    ": losing any one key loses the security domain"
                } else {
                    ": one key holder alone can recover it"
                }
            ),
            &new_sd,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::arm::ManagedHsmProperties;
    use crate::wire::insights::{DiagnosticSettingProperties, LogSettings, RetentionPolicy};
    use crate::wire::rbac::{RoleAssignmentProperties, built_in};

    fn params() -> Params {
        Params {
            minimum_rsa_key_size: 2048,
            minimum_aes_key_size: 128,
            allowed_ec_names: vec!["P-256".into(), "P-384".into()],
            allowed_key_types: vec!["RSA-HSM".into(), "EC-HSM".into(), "oct-HSM".into()],
            minimum_days_before_expiration: 90,
            required_retention_days: 365,
            minimum_soft_delete_retention_days: 90,
            maximum_backup_age_days: 7,
        }
    }

    /// An HSM compliant on the management plane, with nothing else read.
    fn snap() -> Snapshot {
        Snapshot {
            name: "h".into(),
            resource_group: "rg".into(),
            hsm: ManagedHsm {
                id: Some(
                    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs/h"
                        .into(),
                ),
                properties: Some(ManagedHsmProperties {
                    enable_soft_delete: Some(true),
                    enable_purge_protection: Some(true),
                    soft_delete_retention_in_days: Some(90),
                    public_network_access: Some("Disabled".into()),
                    network_acls: Some(crate::wire::arm::NetworkAcls {
                        default_action: Some("Deny".into()),
                        ..Default::default()
                    }),
                    private_endpoint_connections: Some(vec![serde_json::json!({
                        "id": "x/privateEndpointConnections/pe",
                        "properties": {"privateLinkServiceConnectionState": {"status": "Approved"}}
                    })]),
                    ..Default::default()
                }),
                ..Default::default()
            },
            now: 1_800_000_000,
            ..Default::default()
        }
    }

    fn ids(f: &[Finding]) -> Vec<&'static str> {
        f.iter().map(|f| f.rule_id).collect()
    }

    fn assignment(n: &str, role: &str, scope: &str, principal: &str) -> RoleAssignment {
        RoleAssignment {
            id: format!("/providers/Microsoft.Authorization/roleAssignments/{n}"),
            name: n.into(),
            kind: "Microsoft.Authorization/roleAssignments".into(),
            properties: RoleAssignmentProperties {
                scope: scope.into(),
                role_definition_id: format!(
                    "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/{}",
                    built_in(role).unwrap().guid
                ),
                principal_id: principal.into(),
            },
        }
    }

    #[test]
    fn a_compliant_management_plane_yields_nothing() {
        assert!(evaluate(&snap(), &params()).is_empty());
    }

    #[test]
    fn managing_and_using_keys_breaks_separation_of_duties() {
        let mut s = snap();
        s.assignments = Some(vec![
            assignment("a1", "Managed HSM Crypto Officer", "/", "p1"),
            assignment("a2", "Managed HSM Crypto User", "/keys/k", "p1"),
            assignment("a3", "Managed HSM Crypto Auditor", "/", "p2"),
        ]);
        let f = evaluate(&s, &params());
        assert_eq!(
            ids(&f),
            ["seed-one-role-per-principal", "seed-separation-of-duties"]
        );
        let sod = f
            .iter()
            .find(|f| f.rule_id == "seed-separation-of-duties")
            .unwrap();
        // The key-use assignment is the one to remove.
        assert!(
            sod.fix
                .ends_with("--ids /providers/Microsoft.Authorization/roleAssignments/a2"),
            "{}",
            sod.fix
        );
    }

    #[test]
    fn key_use_roles_held_hsm_wide_should_be_key_scoped() {
        let mut s = snap();
        s.assignments = Some(vec![assignment(
            "a1",
            "Managed HSM Crypto Service Encryption User",
            "/keys",
            "app",
        )]);
        let f = evaluate(&s, &params());
        assert_eq!(ids(&f), ["seed-key-scoped-assignments"]);
        assert!(
            f[0].fix
                .contains("--scope /keys/<key-name> --assignee-object-id app")
        );
    }

    #[test]
    fn custom_roles_within_a_built_in_pass_and_broader_ones_do_not() {
        let def = |name: &str, actions: &[&str]| RoleDefinition {
            id: format!("/x/{name}"),
            name: name.into(),
            kind: "Microsoft.Authorization/roleDefinitions".into(),
            properties: crate::wire::rbac::RoleDefinitionProperties {
                role_name: Some(name.into()),
                role_type: Some("CustomRole".into()),
                permissions: Some(vec![crate::wire::rbac::Permission {
                    data_actions: actions.iter().map(|a| data_action(a)).collect(),
                    ..Default::default()
                }]),
                ..Default::default()
            },
        };
        let mut s = snap();
        s.assignments = Some(vec![]);
        s.definitions = Some(vec![
            def(
                "narrow",
                &["keys/read/action", "keys/create", "keys/rotate/action"],
            ),
            def(
                "broad",
                &["keys/sign/action", "roleAssignments/write/action"],
            ),
        ]);
        let f = evaluate(&s, &params());
        assert_eq!(ids(&f), ["seed-custom-roles-least-privilege"]);
        assert!(f[0].resource.ends_with("/broad"));
        assert!(
            f[0].evidence.contains("(it both manages and uses keys)"),
            "{}",
            f[0].evidence
        );
    }

    #[test]
    fn logs_kept_too_briefly_fail_the_policy_but_are_collected() {
        let mut s = snap();
        s.diagnostics = Some(vec![DiagnosticSetting {
            name: Some("d".into()),
            properties: DiagnosticSettingProperties {
                storage_account_id: Some("/sa".into()),
                event_hub_authorization_rule_id: Some("/eh".into()),
                logs: vec![LogSettings {
                    category: Some("AuditEvent".into()),
                    enabled: true,
                    retention_policy: Some(RetentionPolicy {
                        enabled: true,
                        days: 30,
                    }),
                    ..Default::default()
                }],
                ..Default::default()
            },
            ..Default::default()
        }]);
        let f = evaluate(&s, &params());
        assert_eq!(ids(&f), ["policy-resource-logs"]);
        assert_eq!(
            f[0].evidence,
            "diagnostic settings: d [AuditEvent=on]: no setting sends AuditEvent with at least 365 days of retention"
        );
    }

    #[test]
    fn key_policies_with_their_parameters() {
        let mut s = snap();
        let day = 86_400;
        let key =
            |name: &str, kty: &str, size: Option<u32>, crv: Option<&str>, exp: Option<i64>| {
                KeyFacts {
                    name: name.into(),
                    kty: kty.into(),
                    size,
                    crv: crv.map(String::from),
                    exp,
                    rotation: None,
                }
            };
        s.keys = Some(vec![
            key("ok", "RSA-HSM", Some(2048), None, Some(s.now + 91 * day)),
            key(
                "soon",
                "EC-HSM",
                None,
                Some("P-256"),
                Some(s.now + 89 * day),
            ),
            key(
                "curve",
                "EC-HSM",
                None,
                Some("P-521"),
                Some(s.now + 365 * day),
            ),
            key("forever", "oct-HSM", Some(128), None, None),
        ]);
        let f = evaluate(&s, &params());
        assert_eq!(
            ids(&f),
            [
                "policy-key-expiration-set",
                "policy-key-expiry-days",
                "policy-ec-allowed-curves"
            ]
        );
        assert_eq!(
            f[1].evidence,
            "key 'soon' expires 2027-04-14T00:00:00Z (89 days from now; minimum 90)"
        );
    }

    #[test]
    fn security_domain_needs_three_holders_and_a_spare() {
        let mut s = snap();
        s.sd = Some(SdFacts {
            file: "sd.json".into(),
            certificates: 3,
            quorum: 3,
        });
        assert_eq!(
            ids(&evaluate(&s, &params())),
            ["seed-security-domain-quorum"]
        );
        s.sd = Some(SdFacts {
            file: "sd.json".into(),
            certificates: 3,
            quorum: 2,
        });
        assert!(evaluate(&s, &params()).is_empty());
    }
}
