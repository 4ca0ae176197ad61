//! Serde types of the REST APIs (ARM, identity, Graph, Managed HSM data plane), shared by the
//! client and the emulator so both speak exactly the same wire format.
//!
//! Conventions: field names are the service's (camelCase for ARM, snake_case where the data plane
//! uses it); optional members are skipped when absent, as the services do.

pub mod arm;
pub mod backup;
pub mod cloud;
pub mod error;
pub mod graph;
pub mod identity;
pub mod keys;
pub mod rbac;
pub mod security_domain;

/// ARM api-version mhsm sends for `Microsoft.KeyVault/managedHSMs` (az 2.91.0 bundles
/// azure-mgmt-keyvault with this default).
pub const ARM_KEYVAULT_API_VERSION: &str = "2026-02-01";
/// api-version for `GET /subscriptions` and `/tenants` (as az sends).
pub const ARM_SUBSCRIPTIONS_API_VERSION: &str = "2022-12-01";
/// api-version for resource groups.
pub const ARM_RESOURCES_API_VERSION: &str = "2024-11-01";
