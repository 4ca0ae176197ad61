//! The review as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the format
//! code-scanning dashboards ingest: one run of the `mhsm review` driver, its rules (with the
//! Azure Policy definition ids), one result per finding located at the HSM resource, and the
//! skipped checks as tool notifications.

use serde_json::{Value, json};

use super::checks::Finding;
use super::rules::{self, Origin};
use super::{Report, Skipped};

/// The SARIF log of a report.
pub fn log(report: &Report) -> Value {
    let rules: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            let mut tags = vec![json!("security"), json!("managed-hsm")];
            let mut props = serde_json::Map::new();
            match r.origin {
                Origin::Policy { display_name, .. } => {
                    tags.push(json!("azure-policy"));
                    props.insert("policyDisplayName".into(), json!(display_name));
                    props.insert("policyDefinitionId".into(), json!(r.policy_definition_id()));
                }
                Origin::Seed { practice } => {
                    tags.push(json!("practice"));
                    props.insert("practice".into(), json!(practice));
                }
            }
            props.insert("tags".into(), Value::Array(tags));
            json!({
                "id": r.id,
                "name": camel(r.id),
                "shortDescription": {"text": r.title},
                "fullDescription": {"text": format!("{} ({})", r.title, r.source_name())},
                "defaultConfiguration": {"level": r.severity.sarif_level()},
                "properties": props,
            })
        })
        .collect();
    let results: Vec<Value> = report.findings.iter().map(result).collect();
    let notifications: Vec<Value> = report.skipped.iter().map(notification).collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mhsm review",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://learn.microsoft.com/azure/key-vault/managed-hsm/secure-your-managed-hsm",
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }]
    })
}

fn result(f: &Finding) -> Value {
    let index = rules::ALL
        .iter()
        .position(|r| r.id == f.rule_id)
        .unwrap_or(0);
    let location = format!("{}{}", hsm_uri(f), f.resource.trim_start_matches('/'));
    json!({
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "level": f.severity.sarif_level(),
        "message": {"text": format!("{} Fix: {}", f.evidence, f.fix)},
        "locations": [{
            "physicalLocation": {"artifactLocation": {"uri": location}},
            "logicalLocations": [{
                "name": f.resource,
                "fullyQualifiedName": format!("{}:{}", f.hsm, f.resource),
                "kind": "resource",
            }],
        }],
        "partialFingerprints": {"mhsmReview/v1": format!("{}|{}|{}", f.rule_id, f.hsm, f.resource)},
        "properties": {
            "hsm": f.hsm,
            "severity": f.severity.as_str(),
            "evidence": f.evidence,
            "fix": f.fix,
            "source": f.source,
        },
    })
}

/// `mhsm://<hsm>/`: a stable artifact URI for results about one HSM's resources.
fn hsm_uri(f: &Finding) -> String {
    format!("mhsm://{}/", f.hsm)
}

fn notification(s: &Skipped) -> Value {
    json!({
        "level": "warning",
        "message": {"text": format!("{}: skipped {} — {}", s.hsm, s.checks.join(", "), s.reason)},
        "descriptor": {"id": "skipped"},
    })
}

/// `policy-purge-protection` → `PolicyPurgeProtection` (SARIF `name`).
fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
