//! The practices `mhsm review` checks: the 13 Azure Policy built-ins for Managed HSM
//! (service-facts.md §2, display names and ids exact) and the seeds' practices (separation of
//! duties, least privilege, recoverability, logging, network, security domain). One entry per
//! rule: its stable id, default severity and where the practice comes from.

use serde::Serialize;

/// How bad a finding is; `--fail-on` compares against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// SARIF `level` of a result.
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low => "note",
        }
    }
}

/// Where a practice comes from.
#[derive(Debug, Clone, Copy)]
pub enum Origin {
    /// An Azure Policy built-in definition: display name and GUID.
    Policy {
        display_name: &'static str,
        guid: &'static str,
    },
    /// One of the seeds' practices.
    Seed { practice: &'static str },
}

/// One rule of the review.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id (SARIF `ruleId`).
    pub id: &'static str,
    pub severity: Severity,
    /// What a compliant HSM looks like, in one line.
    pub title: &'static str,
    pub origin: Origin,
}

impl Rule {
    /// `/providers/Microsoft.Authorization/policyDefinitions/<guid>` for policy rules.
    pub fn policy_definition_id(&self) -> Option<String> {
        match self.origin {
            Origin::Policy { guid, .. } => Some(format!(
                "/providers/Microsoft.Authorization/policyDefinitions/{guid}"
            )),
            Origin::Seed { .. } => None,
        }
    }

    /// The name a reader knows the practice by.
    pub fn source_name(&self) -> &'static str {
        match self.origin {
            Origin::Policy { display_name, .. } => display_name,
            Origin::Seed { practice } => practice,
        }
    }
}

macro_rules! policy {
    ($id:literal, $sev:ident, $title:literal, $display:literal, $guid:literal) => {
        Rule {
            id: $id,
            severity: Severity::$sev,
            title: $title,
            origin: Origin::Policy {
                display_name: $display,
                guid: $guid,
            },
        }
    };
}

macro_rules! seed {
    ($id:literal, $sev:ident, $title:literal, $practice:literal) => {
        Rule {
            id: $id,
            severity: Severity::$sev,
            title: $title,
            origin: Origin::Seed {
                practice: $practice,
            },
        }
    };
}

// --- Azure Policy: resource (ARM) definitions --------------------------------------------------
pub const PURGE_PROTECTION: Rule = policy!(
    "policy-purge-protection",
    High,
    "Purge protection (and soft delete) are enabled",
    "Azure Key Vault Managed HSM should have purge protection enabled",
    "c39ba22d-4428-4149-b981-70acb31fc383"
);
pub const FIREWALL_AUDIT: Rule = policy!(
    "policy-disable-public-network-access",
    Medium,
    "The firewall denies by default (networkAcls.defaultAction is Deny)",
    "[Preview]: Azure Key Vault Managed HSM should disable public network access",
    "19ea9d63-adee-4431-a95e-1913c6c1c75f"
);
pub const FIREWALL_MODIFY: Rule = policy!(
    "policy-configure-disable-public-network-access",
    Medium,
    "networkAcls.defaultAction is set to Deny (what the Modify policy would set)",
    "[Preview]: Configure Azure Key Vault Managed HSM to disable public network access",
    "84d327c3-164a-4685-b453-900478614456"
);
pub const PRIVATE_LINK: Rule = policy!(
    "policy-private-link",
    Medium,
    "At least one approved private endpoint connection",
    "[Preview]: Azure Key Vault Managed HSM should use private link",
    "59fee2f4-d439-4f1b-9b9a-982e1474bfd8"
);
pub const PRIVATE_ENDPOINT_DINE: Rule = policy!(
    "policy-configure-private-endpoints",
    Low,
    "A private endpoint (group id managedhsm) is connected",
    "[Preview]: Configure Azure Key Vault Managed HSM with private endpoints",
    "d1d6d8bb-cc7c-420f-8c7d-6f6f5279a844"
);
pub const RESOURCE_LOGS: Rule = policy!(
    "policy-resource-logs",
    High,
    "A diagnostic setting sends the AuditEvent logs, kept at least the required days",
    "Resource logs in Azure Key Vault Managed HSM should be enabled",
    "a2a5b911-5617-447e-a49e-59dbe0e0434b"
);
pub const EVENT_HUB_LOGS: Rule = policy!(
    "policy-diagnostic-settings-event-hub",
    Low,
    "A diagnostic setting streams the AuditEvent logs to an Event Hub",
    "Deploy - Configure diagnostic settings to an Event Hub to be enabled on Azure Key Vault Managed HSM",
    "a6d2c800-5230-4a40-bff3-8268b4987d42"
);

// --- Azure Policy: data-plane (key) definitions -------------------------------------------------
pub const KEY_EXPIRATION_SET: Rule = policy!(
    "policy-key-expiration-set",
    Medium,
    "Every key has an expiration date",
    "[Preview]: Azure Key Vault Managed HSM keys should have an expiration date",
    "1d478a74-21ba-4b9f-9d8f-8e6fced0eec5"
);
pub const KEY_EXPIRY_DAYS: Rule = policy!(
    "policy-key-expiry-days",
    Medium,
    "No key expires within the minimum number of days",
    "[Preview]: Azure Key Vault Managed HSM Keys should have more than the specified number of days before expiration",
    "ad27588c-0198-4c84-81ef-08efd0274653"
);
pub const RSA_MIN_SIZE: Rule = policy!(
    "policy-rsa-minimum-size",
    High,
    "RSA keys are at least the minimum size",
    "[Preview]: Azure Key Vault Managed HSM keys using RSA cryptography should have a specified minimum key size",
    "86810a98-8e91-4a44-8386-ec66d0de5d57"
);
pub const EC_CURVES: Rule = policy!(
    "policy-ec-allowed-curves",
    Medium,
    "EC keys use an allowed curve",
    "[Preview]: Azure Key Vault Managed HSM keys using elliptic curve cryptography should have the specified curve names",
    "e58fd0c1-feac-4d12-92db-0a7e9421f53e"
);
pub const KEY_TYPES: Rule = policy!(
    "policy-allowed-key-types",
    Medium,
    "Keys are of an allowed type",
    "Azure Key Vault Managed HSM keys should be the specified cryptographic type",
    "1fd3b2cc-9904-40fa-b8da-050c02612da9"
);
pub const AES_MIN_SIZE: Rule = policy!(
    "policy-aes-minimum-size",
    Medium,
    "AES keys are at least the minimum size",
    "Azure Key Vault Managed HSM keys using AES cryptography should have a specified minimum key size",
    "fa85a975-a142-46dc-a9ab-8cc69ecb358c"
);

// --- The seeds' practices -----------------------------------------------------------------------
pub const ADMIN_IS_USER: Rule = seed!(
    "seed-administrators-are-groups",
    Medium,
    "Managed HSM Administrators are security groups, not individual users",
    "Administrators are groups: the HSM outlives people's jobs"
);
pub const MULTIPLE_ROLES: Rule = seed!(
    "seed-one-role-per-principal",
    Low,
    "Each principal holds one role",
    "Least privilege: one role per principal"
);
pub const SEPARATION_OF_DUTIES: Rule = seed!(
    "seed-separation-of-duties",
    High,
    "No principal both manages keys or access and uses keys",
    "Separation of duties: those who manage keys and access do not use keys"
);
pub const HSM_WIDE_SCOPE: Rule = seed!(
    "seed-key-scoped-assignments",
    Medium,
    "Roles that use keys are assigned at /keys/<name>, not HSM-wide",
    "Least privilege: assign key-use roles at the key's scope"
);
pub const BROAD_CUSTOM_ROLE: Rule = seed!(
    "seed-custom-roles-least-privilege",
    Medium,
    "Custom roles grant no more than a built-in role they replace",
    "Least privilege: custom roles narrower than the built-ins"
);
pub const NO_ROTATION_POLICY: Rule = seed!(
    "seed-key-rotation-policy",
    Low,
    "Every key has a rotation policy that rotates it",
    "Keys rotate automatically (rotation policy with a Rotate action)"
);
pub const RETENTION: Rule = seed!(
    "seed-soft-delete-retention",
    Low,
    "Soft-delete retention is at least the minimum days",
    "Recoverability: soft-delete retention long enough to notice a deletion"
);
pub const BACKUP_AGE: Rule = seed!(
    "seed-recent-full-backup",
    High,
    "A full backup of the HSM is recent",
    "Recoverability: regular full backups (backup list)"
);
pub const AUDIT_LOGGING: Rule = seed!(
    "seed-audit-logging",
    High,
    "The data-plane audit log (AuditEvent) is collected",
    "Audit logging: every data-plane operation is logged"
);
pub const PUBLIC_NETWORK: Rule = seed!(
    "seed-public-network-access",
    Medium,
    "The HSM is not open to every network",
    "Network: no public access from anywhere"
);
pub const SD_CERTIFICATES: Rule = seed!(
    "seed-security-domain-certificates",
    High,
    "The security domain is split over at least 3 certificates",
    "Security domain: at least 3 key holders"
);
pub const SD_QUORUM: Rule = seed!(
    "seed-security-domain-quorum",
    High,
    "The security-domain quorum needs 2 or more holders and tolerates losing one",
    "Security domain: quorum of at least 2, below the number of holders"
);

/// Every rule, in report order.
pub const ALL: &[Rule] = &[
    PURGE_PROTECTION,
    FIREWALL_AUDIT,
    FIREWALL_MODIFY,
    PRIVATE_LINK,
    PRIVATE_ENDPOINT_DINE,
    RESOURCE_LOGS,
    EVENT_HUB_LOGS,
    KEY_EXPIRATION_SET,
    KEY_EXPIRY_DAYS,
    RSA_MIN_SIZE,
    EC_CURVES,
    KEY_TYPES,
    AES_MIN_SIZE,
    ADMIN_IS_USER,
    MULTIPLE_ROLES,
    SEPARATION_OF_DUTIES,
    HSM_WIDE_SCOPE,
    BROAD_CUSTOM_ROLE,
    NO_ROTATION_POLICY,
    RETENTION,
    BACKUP_AGE,
    AUDIT_LOGGING,
    PUBLIC_NETWORK,
    SD_CERTIFICATES,
    SD_QUORUM,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirteen_policy_built_ins_with_unique_ids() {
        let policies = ALL
            .iter()
            .filter(|r| matches!(r.origin, Origin::Policy { .. }))
            .count();
        assert_eq!(policies, 13);
        let mut ids: Vec<&str> = ALL.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len());
    }
}
