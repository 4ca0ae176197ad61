//! Shared pieces of the key commands: az's key addressing (`-n` + `--hsm-name`, or `--id` key
//! URLs), input types (datetimes, kty, curves, operations), and the az output shapes of key
//! bundles and list items (az-surface.md §3.0.1, §3.0.2).

use serde_json::{Value, json};

use crate::client::hsm::HsmEndpoint;
use crate::client::keys::KeyRef;
use crate::commands::{CliError, Ctx};
use crate::crypto::b64::{b64_std_encode, b64url_decode_lenient};
use crate::wire::keys::{DeletionInfo, KeyBundle, KeyItem, KeyReleasePolicy};

/// az's usage error of key item commands.
pub const INCORRECT_USAGE: &str = "incorrect usage: --id ID | --vault-name/--hsm-name VAULT/HSM --name/-n NAME [--version VERSION]";
/// az's message of HSM-scoped key commands without an HSM.
pub const MISSING_HSM: &str = "Please specify --vault-name or --hsm-name.";

/// A key: `--name` + `--hsm-name`, or `--id https://<hsm>/keys/<name>[/<version>]`.
#[derive(Debug, Clone, clap::Args)]
pub struct KeyTarget {
    /// Name of the key.
    #[arg(short = 'n', long)]
    pub name: Option<String>,
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: Option<String>,
    /// Name of a key vault (not supported: mhsm manages Managed HSMs).
    #[arg(long = "vault-name", hide = true)]
    pub vault_name: Option<String>,
    /// Id of the key: https://<hsm>/keys/<name>[/<version>] (recover/purge: https://<hsm>/deletedkeys/<name>).
    #[arg(long)]
    pub id: Option<String>,
}

/// `--version/-v`.
#[derive(Debug, Clone, clap::Args)]
pub struct VersionArg {
    /// The key version. Default: the latest.
    #[arg(short = 'v', long)]
    pub version: Option<String>,
}

/// The HSM of a command that takes `--hsm-name` or an HSM-URI `--id` (list, restore, random).
#[derive(Debug, Clone, clap::Args)]
pub struct HsmOnly {
    /// Name of the HSM.
    #[arg(long = "hsm-name")]
    pub hsm_name: Option<String>,
    /// Name of a key vault (not supported: mhsm manages Managed HSMs).
    #[arg(long = "vault-name", hide = true)]
    pub vault_name: Option<String>,
    /// Full URI of the HSM.
    #[arg(long)]
    pub id: Option<String>,
}

fn no_vaults() -> CliError {
    CliError::Invalid(
        "mhsm manages Managed HSMs only: use --hsm-name (--vault-name addresses a key vault)."
            .into(),
    )
}

/// Resolves the HSM of an [`HsmOnly`].
pub async fn hsm_of(ctx: &Ctx, h: &HsmOnly) -> Result<HsmEndpoint, CliError> {
    if h.vault_name.is_some() {
        return Err(no_vaults());
    }
    crate::commands::hsm_endpoint(
        ctx,
        &crate::cli::HsmTarget {
            hsm_name: h.hsm_name.clone(),
            id: h.id.clone(),
        },
        MISSING_HSM,
    )
    .await
}

/// Resolves a key (and version). `collection` is `keys` or `deletedkeys` (recover, purge).
pub async fn key_of(
    ctx: &Ctx,
    t: &KeyTarget,
    version: Option<&str>,
    collection: &str,
) -> Result<KeyRef, CliError> {
    if t.vault_name.is_some() {
        return Err(no_vaults());
    }
    match (&t.id, &t.name, &t.hsm_name) {
        (Some(id), None, None) => {
            let base = crate::client::cloud::hsm_url_from_id(id)?;
            let url = url::Url::parse(id.trim())
                .map_err(|_| CliError::Invalid(format!("'{id}' is not a key id.")))?;
            let seg: Vec<&str> = url
                .path_segments()
                .map(|s| s.filter(|x| !x.is_empty()).collect())
                .unwrap_or_default();
            let (coll, name, ver) = match seg.as_slice() {
                [c, n] => (*c, *n, None),
                [c, n, v] => (*c, *n, Some(v.to_string())),
                _ => {
                    return Err(CliError::Invalid(format!(
                        "'{id}' is not a key id (https://<hsm>/{collection}/<name>[/<version>])."
                    )));
                }
            };
            // A recovery id names `deletedkeys`; a key id is accepted there too.
            let accepted = coll.eq_ignore_ascii_case(collection)
                || (collection == "deletedkeys" && coll.eq_ignore_ascii_case("keys"));
            if !accepted {
                return Err(CliError::Invalid(format!(
                    "'{id}' is not a {collection} id."
                )));
            }
            Ok(KeyRef {
                hsm: HsmEndpoint { base, name: None },
                name: name.to_string(),
                version: version.map(str::to_string).or(ver),
            })
        }
        (None, Some(name), Some(hsm)) => {
            let base = ctx.client().await?.hsm_url(hsm).await?;
            Ok(KeyRef {
                hsm: HsmEndpoint {
                    base,
                    name: Some(hsm.clone()),
                },
                name: name.clone(),
                version: version.map(str::to_string),
            })
        }
        _ => Err(CliError::Invalid(INCORRECT_USAGE.into())),
    }
}

/// `--expires`/`--not-before`: UTC in az's formats, as Unix seconds.
pub fn parse_datetime(s: &str) -> Result<i64, String> {
    use time::macros::format_description;
    use time::{Date, PrimitiveDateTime};
    let err = || format!("invalid datetime_type value: '{s}'");
    let t = s.trim();
    let parsed = if let Some(body) = t.strip_suffix('Z') {
        PrimitiveDateTime::parse(
            body,
            format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
        )
        .or_else(|_| {
            PrimitiveDateTime::parse(
                &format!("{body}:00"),
                format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
            )
        })
        .or_else(|_| {
            PrimitiveDateTime::parse(
                &format!("{body}:00:00"),
                format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
            )
        })
        .map_err(|_| err())?
    } else {
        Date::parse(t, format_description!("[year]-[month]-[day]"))
            .map_err(|_| err())?
            .midnight()
    };
    Ok(parsed.assume_utc().unix_timestamp())
}

/// Canonical spelling of a case-insensitive choice (az normalises `--kty rsa-hsm` to `RSA-HSM`).
pub fn canonical(value: &str, choices: &[&str]) -> Result<String, String> {
    choices
        .iter()
        .find(|c| c.eq_ignore_ascii_case(value))
        .map(|c| c.to_string())
        .ok_or_else(|| {
            format!(
                "'{value}' is not a valid value. Allowed values: {}.",
                choices.join(", ")
            )
        })
}

pub const KTYS: &[&str] = &["EC", "EC-HSM", "RSA", "RSA-HSM", "oct", "oct-HSM"];
pub const CURVES: &[&str] = &["P-256", "P-256K", "P-384", "P-521"];
pub const OPS: &[&str] = &[
    "decrypt",
    "encrypt",
    "export",
    "import",
    "sign",
    "unwrapKey",
    "verify",
    "wrapKey",
];

pub fn parse_kty(s: &str) -> Result<String, String> {
    canonical(s, KTYS)
}
pub fn parse_curve(s: &str) -> Result<String, String> {
    canonical(s, CURVES)
}
pub fn parse_op(s: &str) -> Result<String, String> {
    canonical(s, OPS)
}

/// A JSON argument: a path to an existing file, `@file`, or inline JSON (az's shorthand).
pub fn read_json_arg(arg: &str, what: &str) -> Result<Value, CliError> {
    let path = arg.strip_prefix('@').unwrap_or(arg);
    let text = if std::path::Path::new(path).is_file() {
        std::fs::read_to_string(path)
            .map_err(|e| CliError::Invalid(format!("Cannot read {path}: {e}")))?
    } else {
        arg.to_string()
    };
    serde_json::from_str(&text).map_err(|e| {
        CliError::Invalid(format!("{what} is neither a JSON file nor valid JSON: {e}"))
    })
}

/// The key properties `key create` and `key import` share (az's key properties arguments).
#[derive(Debug, clap::Args)]
pub struct KeyProperties {
    /// Space-separated permitted operations: decrypt encrypt export import sign unwrapKey verify wrapKey.
    #[arg(long, num_args = 1.., value_parser = parse_op)]
    pub ops: Vec<String>,
    /// Create (or import) the key in a disabled state.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = crate::cli::parse_bool)]
    pub disabled: Option<bool>,
    /// Expiration UTC datetime (Y-m-d'T'H:M:S'Z').
    #[arg(long, value_parser = parse_datetime)]
    pub expires: Option<i64>,
    /// Key not usable before the provided UTC datetime (Y-m-d'T'H:M:S'Z').
    #[arg(long = "not-before", value_parser = parse_datetime)]
    pub not_before: Option<i64>,
    /// Mark the private key as exportable (secure key release; needs --policy).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = crate::cli::parse_bool)]
    pub exportable: Option<bool>,
    /// The RELEASE policy of an exportable key (secure key release): a JSON file or inline JSON. Not a rotation policy.
    #[arg(long)]
    pub policy: Option<String>,
    /// Mark the release policy immutable (it can never be changed).
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = crate::cli::parse_bool)]
    pub immutable: Option<bool>,
    /// Space-separated tags: key[=value] [key[=value] ...].
    #[arg(long, num_args = 0..)]
    pub tags: Option<Vec<String>>,
}

impl KeyProperties {
    /// `key_ops`, when any are given.
    pub fn key_ops(&self) -> Option<Vec<String>> {
        (!self.ops.is_empty()).then(|| self.ops.clone())
    }

    /// The attributes: enabled from --disabled, times, exportable.
    pub fn attributes(&self) -> crate::wire::keys::KeyAttributes {
        crate::wire::keys::KeyAttributes {
            enabled: Some(!self.disabled.unwrap_or(false)),
            nbf: self.not_before,
            exp: self.expires,
            exportable: self.exportable,
            ..Default::default()
        }
    }

    /// The tags, when any are given.
    pub fn tags(&self) -> Option<std::collections::BTreeMap<String, String>> {
        self.tags
            .as_deref()
            .map(crate::cli::parse_tags)
            .filter(|t| !t.is_empty())
    }

    /// The release policy of --policy/--immutable (az refuses --immutable without a policy).
    pub fn release_policy(&self) -> Result<Option<KeyReleasePolicy>, CliError> {
        if self.immutable == Some(true) && self.policy.is_none() {
            return Err(CliError::Invalid(
                "Please provide policy when setting `--immutable`".into(),
            ));
        }
        self.policy
            .as_deref()
            .map(|p| release_policy(p, self.immutable))
            .transpose()
    }
}

/// The wire release policy from `--policy` JSON (`data` = base64url of the JSON text as az
/// writes it: Python's `json.dumps`, so `encodedPolicy` reads back byte for byte as az's).
/// Members come out sorted (serde_json has no insertion order); az keeps the file's order.
pub fn release_policy(arg: &str, immutable: Option<bool>) -> Result<KeyReleasePolicy, CliError> {
    let v = read_json_arg(arg, "--policy")?;
    let text = crate::crypto::pyjson::PyJson::from(&v).dumps();
    Ok(KeyReleasePolicy {
        content_type: None,
        immutable,
        data: Some(crate::crypto::b64::b64url_encode(text.as_bytes())),
    })
}

/// base64url (service) → standard base64 with padding (az's output).
pub fn std_b64(v: &Option<String>) -> Value {
    match v {
        Some(s) => match b64url_decode_lenient(s) {
            Ok(bytes) => Value::String(b64_std_encode(&bytes)),
            Err(_) => Value::String(s.clone()),
        },
        None => Value::Null,
    }
}

fn epoch(v: Option<i64>) -> Value {
    v.map(|s| Value::String(crate::commands::view::az_epoch(s)))
        .unwrap_or(Value::Null)
}

fn policy_view(p: &Option<KeyReleasePolicy>) -> Value {
    match p {
        None => Value::Null,
        Some(p) => json!({
            "contentType": p.content_type.clone().unwrap_or_else(|| "application/json; charset=utf-8".into()),
            "encodedPolicy": p.data.as_deref().and_then(|d| b64url_decode_lenient(d).ok()).map(|b| String::from_utf8_lossy(&b).into_owned()),
            "immutable": p.immutable.unwrap_or(false),
        }),
    }
}

/// az's key bundle (`transform_key_output`): all 16 JWK members, 10 attributes, standard base64.
pub fn key_bundle(b: &KeyBundle) -> Value {
    let k = &b.key;
    let a = &b.attributes;
    let mut v = json!({
        "attributes": {
            "created": epoch(a.created),
            "enabled": a.enabled,
            "expires": epoch(a.exp),
            "exportable": a.exportable,
            "hsmPlatform": a.hsm_platform,
            "keySize": null,
            "notBefore": epoch(a.nbf),
            "recoverableDays": a.recoverable_days,
            "recoveryLevel": a.recovery_level,
            "updated": epoch(a.updated),
        },
        "key": {
            "crv": k.crv, "d": std_b64(&k.d), "dp": std_b64(&k.dp), "dq": std_b64(&k.dq), "e": std_b64(&k.e),
            "k": std_b64(&k.k), "keyOps": k.key_ops, "kid": k.kid, "kty": k.kty, "n": std_b64(&k.n),
            "p": std_b64(&k.p), "q": std_b64(&k.q), "qi": std_b64(&k.qi), "t": std_b64(&k.t),
            "x": std_b64(&k.x), "y": std_b64(&k.y),
        },
        "managed": b.managed,
        "releasePolicy": policy_view(&b.release_policy),
        "tags": b.tags,
    });
    // az adds `externalKeyId` only for EKM-backed keys.
    if let Some(x) = &a.external_key {
        v["externalKeyId"] = json!(x.id);
    }
    add_deletion(&mut v, &b.deletion);
    v
}

/// az's deletion members (`deletedDate`, `recoveryId`, `scheduledPurgeDate`) of deleted keys.
fn add_deletion(v: &mut Value, d: &DeletionInfo) {
    if d.is_deleted() {
        v["deletedDate"] = epoch(d.deleted_date);
        v["recoveryId"] = json!(d.recovery_id);
        v["scheduledPurgeDate"] = epoch(d.scheduled_purge_date);
    }
}

/// az's key list item (`transform_key_list_output`): 12 attributes, `name` from the kid.
pub fn key_item(i: &KeyItem) -> Value {
    let a = &i.attributes;
    let name = i.kid.trim_end_matches('/').split('/').collect::<Vec<_>>();
    let name = name
        .iter()
        .position(|s| *s == "keys" || *s == "deletedkeys")
        .and_then(|p| name.get(p + 1))
        .map(|s| s.to_string());
    let mut v = json!({
        "attributes": {
            "attestation": a.attestation,
            "created": epoch(a.created),
            "enabled": a.enabled,
            "expires": epoch(a.exp),
            "exportable": a.exportable,
            "externalKey": a.external_key.as_ref().map(|x| json!({"id": x.id})),
            "hsmPlatform": a.hsm_platform,
            "keySize": null,
            "notBefore": epoch(a.nbf),
            "recoverableDays": a.recoverable_days,
            "recoveryLevel": a.recovery_level,
            "updated": epoch(a.updated),
        },
        "keySize": null,
        "kid": i.kid,
        "managed": i.managed,
        "name": name,
        "releasePolicy": null,
        "tags": i.tags,
    });
    if let Some(x) = &a.external_key {
        v["externalKeyId"] = json!(x.id);
    }
    add_deletion(&mut v, &i.deletion);
    v
}

/// az's table for key lists: `Kid  Name`.
pub fn key_list_table(v: &Value) -> Vec<crate::output::Row> {
    crate::commands::view::rows(v, |i| {
        vec![
            ("Kid".into(), i["kid"].clone()),
            ("Name".into(), i["name"].clone()),
        ]
    })
}

/// Lower-case hex (az's encrypt/decrypt `iv`, `tag`, `aad`).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses lower- or upper-case hex.
pub fn unhex(s: &str, what: &str) -> Result<Vec<u8>, CliError> {
    let s = s.trim();
    if !s.len().is_multiple_of(2) {
        return Err(CliError::Invalid(format!("{what} is not hexadecimal.")));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| {
            u8::from_str_radix(&s[i..i + 2], 16)
                .map_err(|_| CliError::Invalid(format!("{what} is not hexadecimal.")))
        })
        .collect()
}

/// The runtime's private key (`--runtime-key` of `key release` and `key secure-unwrap`): a PEM
/// file (PKCS#8 or PKCS#1, unencrypted) as PKCS#8 DER, kept zeroized.
pub fn runtime_key_pkcs8(path: &std::path::Path) -> Result<zeroize::Zeroizing<Vec<u8>>, CliError> {
    let pem =
        std::fs::read(path).map_err(|e| CliError::Invalid(format!("{}: {e}", path.display())))?;
    crate::crypto::privkey::private_key_pem_to_pkcs8(&pem, None).map_err(|e| {
        CliError::Invalid(format!("{} is not an RSA private key: {e}", path.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn az_datetimes() {
        assert_eq!(parse_datetime("2024-01-01T00:00:00Z").unwrap(), 1704067200);
        assert_eq!(parse_datetime("2024-01-01T10:30Z").unwrap(), 1704105000);
        assert_eq!(parse_datetime("2024-01-01T10Z").unwrap(), 1704103200);
        assert_eq!(parse_datetime("2024-01-01").unwrap(), 1704067200);
        assert!(parse_datetime("2024-13-01").is_err());
    }

    #[test]
    fn choices_normalise() {
        assert_eq!(parse_kty("rsa-hsm").unwrap(), "RSA-HSM");
        assert_eq!(parse_op("WRAPKEY").unwrap(), "wrapKey");
        assert!(parse_curve("P-999").is_err());
        assert_eq!(hex(&unhex("0A0b", "x").unwrap()), "0a0b");
    }
}
