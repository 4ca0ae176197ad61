//! Cloud profiles (`cloud.json`) and the emulator's published directory (`principals.json`):
//! the files through which mhsm, az, the SDKs and scripts find an emulator (emulator.md).
//! The same `CloudProfile` type describes the real Azure clouds, so no code path special-cases
//! the emulator beyond endpoints and trust.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// How a `--hsm-name NAME` becomes a data-plane URL in a cloud (az-surface.md §1.8).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum HsmDnsRule {
    /// `https://NAME<suffix>/` — public clouds (`.managedhsm.azure.net`).
    Suffix(String),
    /// A name-resolution service (the emulator's stand-in for DNS, since loopback HSMs each
    /// listen on their own port): `GET <url with {name} replaced>` answers `{"hsmUri": ...}`,
    /// or 404 when no such HSM exists.
    Resolver(String),
}

/// A cloud's endpoints and trust, as mhsm needs them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CloudProfile {
    /// Cloud name (`AzureCloud`, `MhsmEmulator`, ...).
    pub name: String,
    /// Azure Resource Manager (control plane) base URL, with trailing slash.
    pub arm_url: String,
    /// Entra ID authority host (`https://login.microsoftonline.com`), tenant appended per request.
    pub authority: String,
    /// Microsoft Graph base URL, with trailing slash.
    pub graph_url: String,
    /// Token audience of ARM (`https://management.core.windows.net/`).
    pub arm_audience: String,
    /// Token audience of Graph.
    pub graph_audience: String,
    /// Token audience of Managed HSM (`https://managedhsm.azure.net`).
    pub mhsm_audience: String,
    /// How HSM names map to URLs.
    pub hsm_dns: HsmDnsRule,
    /// Default tenant, when the cloud has one (the emulator's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Default subscription, when the cloud has one (the emulator's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    /// The CA certificate (PEM) that signs every endpoint of this cloud; when set it is the only
    /// trust anchor (the system's roots are not consulted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// App Service managed-identity endpoint offered by this cloud (emulator only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_endpoint: Option<String>,
    /// Secret header value for `identity_endpoint` (`X-IDENTITY-HEADER`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_header: Option<String>,
    /// Storage endpoint suffix: `--storage-account-name A` means `https://A.blob.<suffix>`
    /// (az's `suffixes.storage_endpoint`, `core.windows.net` in the public cloud).
    #[serde(default = "default_storage_suffix")]
    pub storage_suffix: String,
    /// Where an account's Blob service is reached when not at `https://A.blob.<suffix>`:
    /// a URL with `{account}` (the emulator's path-style Blob endpoint), else `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob_resolver: Option<String>,
    /// Accounts served elsewhere than `blob_resolver` says (the emulator's accounts that live
    /// in an external Blob service such as Azurite): account name → Blob endpoint.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub blob_endpoints: std::collections::BTreeMap<String, String>,
    /// Token audience of Azure Storage (`https://storage.azure.com`).
    #[serde(default = "default_storage_audience")]
    pub storage_audience: String,
}

fn default_storage_suffix() -> String {
    "core.windows.net".into()
}

fn default_storage_audience() -> String {
    "https://storage.azure.com".into()
}

impl CloudProfile {
    /// The public Azure cloud (az's `AzureCloud`).
    pub fn azure_public() -> Self {
        Self::public(
            "AzureCloud",
            "https://management.azure.com/",
            "https://login.microsoftonline.com",
            "https://graph.microsoft.com/",
            ".managedhsm.azure.net",
            "https://managedhsm.azure.net",
            "core.windows.net",
        )
    }

    /// Azure operated by 21Vianet (`AzureChinaCloud`).
    pub fn azure_china() -> Self {
        Self::public(
            "AzureChinaCloud",
            "https://management.chinacloudapi.cn/",
            "https://login.chinacloudapi.cn",
            "https://microsoftgraph.chinacloudapi.cn/",
            ".managedhsm.azure.cn",
            "https://managedhsm.azure.cn",
            "core.chinacloudapi.cn",
        )
    }

    /// Azure Government (`AzureUSGovernment`).
    pub fn azure_us_government() -> Self {
        Self::public(
            "AzureUSGovernment",
            "https://management.usgovcloudapi.net/",
            "https://login.microsoftonline.us",
            "https://graph.microsoft.us/",
            ".managedhsm.usgovcloudapi.net",
            "https://managedhsm.usgovcloudapi.net",
            "core.usgovcloudapi.net",
        )
    }

    fn public(
        name: &str,
        arm: &str,
        authority: &str,
        graph: &str,
        suffix: &str,
        mhsm: &str,
        storage_suffix: &str,
    ) -> Self {
        CloudProfile {
            name: name.into(),
            arm_url: arm.into(),
            authority: authority.into(),
            graph_url: graph.into(),
            arm_audience: if name == "AzureCloud" {
                "https://management.core.windows.net/".into()
            } else {
                arm.into()
            },
            graph_audience: graph.trim_end_matches('/').into(),
            mhsm_audience: mhsm.into(),
            hsm_dns: HsmDnsRule::Suffix(suffix.into()),
            tenant_id: None,
            subscription_id: None,
            ca_file: None,
            identity_endpoint: None,
            identity_header: None,
            storage_suffix: storage_suffix.into(),
            blob_resolver: None,
            blob_endpoints: Default::default(),
            storage_audience: "https://storage.azure.com".into(),
        }
    }

    /// The container URL of `account`/`container` in this cloud (az's
    /// `--storage-account-name` + `--blob-container-name`).
    pub fn container_uri(&self, account: &str, container: &str) -> String {
        format!("https://{account}.blob.{}/{container}", self.storage_suffix)
    }

    /// The built-in clouds by az's names.
    pub fn builtin(name: &str) -> Option<Self> {
        [
            Self::azure_public(),
            Self::azure_china(),
            Self::azure_us_government(),
        ]
        .into_iter()
        .find(|c| c.name.eq_ignore_ascii_case(name))
    }
}

/// `principals.json`: the emulator's directory as scripts and tests need it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PrincipalsFile {
    pub tenant_id: String,
    pub subscription_id: String,
    pub principals: Vec<PublishedPrincipal>,
}

/// The kinds of directory objects.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub enum PrincipalKind {
    User,
    Group,
    ServicePrincipal,
    ManagedIdentity,
}

impl PrincipalKind {
    /// The `principalType` az prints for this kind.
    pub fn az_principal_type(self) -> &'static str {
        match self {
            PrincipalKind::User => "User",
            PrincipalKind::Group => "Group",
            PrincipalKind::ServicePrincipal | PrincipalKind::ManagedIdentity => "ServicePrincipal",
        }
    }
}

/// One principal in `principals.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PublishedPrincipal {
    pub name: String,
    pub kind: PrincipalKind,
    pub object_id: String,
    /// Application (client) id of service principals and managed identities; `null` for users
    /// and groups.
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_principal_name: Option<String>,
    /// How to authenticate as this principal (`null` for groups).
    pub credential: Option<PublishedCredential>,
    /// Names of the groups this principal belongs to (or, for a group, its members).
    #[serde(default)]
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Azure RBAC (management-plane) roles this principal holds, as `"<role> @ <scope>"`.
    #[serde(default)]
    pub arm_roles: Vec<String>,
}

/// A principal's credential, in the form the standard environment variables take.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum PublishedCredential {
    /// `AZURE_CLIENT_ID` + `AZURE_CLIENT_SECRET` + `AZURE_TENANT_ID`.
    ClientSecret { client_secret: String },
    /// `AZURE_USERNAME` + `AZURE_PASSWORD` (+ `AZURE_TENANT_ID`): resource-owner password flow.
    Password { username: String, password: String },
    /// `IDENTITY_ENDPOINT` + `IDENTITY_HEADER` (+ `AZURE_CLIENT_ID` to pick this identity).
    ManagedIdentity {
        identity_endpoint: String,
        identity_header: String,
    },
}
