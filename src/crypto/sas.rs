//! Azure Storage request signatures, pure: shared access signature (SAS) tokens — parsing, the
//! service's "malformed token" errors, the string-to-sign of service SAS (container `sr=c`, blob
//! `sr=b`) and account SAS for every layout clients produce, HMAC-SHA256 signing and
//! constant-time verification, permission sets — and the Shared Key string-to-sign of the Blob
//! service.
//!
//! References (Azure Storage REST documentation):
//! * "Create a service SAS" — the string-to-sign per `sv` range:
//!   2015-04-05..2018-03-28 (no `sr`, no snapshot time), 2018-11-09..2020-10-02 (adds
//!   `signedResource` and `signedSnapshotTime`), 2020-12-06 and later (adds
//!   `signedEncryptionScope`). The layout has not changed since: the SDKs of 2026 (sv
//!   2026-10-06) sign exactly the 2020-12-06 layout (pinned by the vectors in the tests).
//! * "Create an account SAS" — `account\nsp\nss\nsrt\nst\nse\nsip\nspr\nsv\n`, plus `ses\n`
//!   from 2020-12-06.
//! * "Authorize with Shared Key" — the Blob service's string-to-sign (2009-09-19 and later).
//!
//! The canonicalized resource of a service SAS names the *requested* resource
//! (`/blob/{account}/{container}[/{blob}]`), so a container SAS presented for another
//! container simply fails signature verification, as in Azure.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

/// The first sentence of every malformed-token error (the Managed HSM's wording).
pub const MALFORMED: &str = "The customer provided SAS token is malformed.";

/// The service version the emulator's own SAS generator signs with (the newest layout; the
/// same version az and the Python SDK put in `sv` today).
pub const DEFAULT_VERSION: &str = "2026-10-06";

/// Permission letters of a service SAS in canonical order (`ContainerSasPermissions`).
pub const SERVICE_ORDER: &str = "racwdxyltfmeiop";
/// Permission letters of an account SAS in canonical order (`AccountSasPermissions`).
pub const ACCOUNT_ORDER: &str = "rwdxylacuptfi";

/// Why a SAS token could not be parsed. Messages are the service's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SasError {
    /// A required field is absent (`expiry`, `signature`, `permissions`, `version`, ...).
    #[error("{MALFORMED} The SAS token does not contain the {0} field")]
    Missing(&'static str),
    /// A field has a value the service does not accept.
    #[error("{MALFORMED} The {field} field has an invalid value '{value}'")]
    Invalid { field: &'static str, value: String },
    /// A field appears twice.
    #[error("{MALFORMED} The SAS token contains the {0} field more than once")]
    Duplicate(&'static str),
    /// Both or neither of `sr` (service SAS) and `ss` (account SAS).
    #[error(
        "{MALFORMED} The SAS token must contain either the signed resource (sr) or the signed services (ss) field"
    )]
    Kind,
    /// A token kind the emulator does not verify (user delegation SAS).
    #[error("{0}")]
    Unsupported(String),
}

/// What a token grants access to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SasKind {
    /// Service SAS: `sr` is `c` (container), `b` (blob), `bs` (snapshot), `bv` (version),
    /// `d` (directory).
    Service { resource: String },
    /// Account SAS: `ss` (services, e.g. `b`) and `srt` (resource types `s`, `c`, `o`).
    Account {
        services: String,
        resource_types: String,
    },
}

/// A parsed SAS token. Values are URL-decoded; times are kept as sent, since the signature
/// covers the exact strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SasToken {
    pub kind: SasKind,
    /// `sv`.
    pub version: String,
    /// `sp` (empty when a stored access policy `si` supplies it).
    pub permissions: String,
    /// `st`.
    pub start: Option<String>,
    /// `se` (empty when `si` supplies it).
    pub expiry: String,
    /// `sip`: one address or `a-b` range.
    pub ip: Option<String>,
    /// `spr`: `https` or `https,http`.
    pub protocol: Option<String>,
    /// `si`: a stored access policy of the container.
    pub identifier: Option<String>,
    /// `ses`.
    pub encryption_scope: Option<String>,
    /// `snapshot` time, signed by service SAS from 2018-11-09.
    pub snapshot_time: Option<String>,
    /// Response header overrides `rscc`, `rscd`, `rsce`, `rscl`, `rsct`.
    pub rscc: Option<String>,
    pub rscd: Option<String>,
    pub rsce: Option<String>,
    pub rscl: Option<String>,
    pub rsct: Option<String>,
    /// `sig`: base64 HMAC-SHA256.
    pub signature: String,
}

/// The signed fields a token may carry (others — `restype`, `comp`, ... of the request — are
/// ignored by [`SasToken::parse`]).
const FIELDS: &[&str] = &[
    "sv", "sr", "ss", "srt", "sp", "st", "se", "sip", "spr", "si", "ses", "snapshot", "rscc",
    "rscd", "rsce", "rscl", "rsct", "sig", "skoid",
];

/// Decodes `%XX` escapes. `+` stays `+`: in a SAS it only occurs in base64 signatures, and
/// tools that paste tokens unencoded (az prints `sig=...%3D` but users hand-edit) mean `+`.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a SAS value the way the Python SDK's `url_quote` does (RFC 3986
/// unreserved characters and `/` stay as they are), so generated tokens match its output.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

impl SasToken {
    /// Parses a token (a query string, with or without a leading `?`). Unknown parameters
    /// are ignored, so a whole request query can be passed.
    pub fn parse(query: &str) -> Result<SasToken, SasError> {
        let query = query.trim().trim_start_matches('?');
        let mut found: Vec<(&'static str, String)> = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = percent_decode(k);
            let Some(field) = FIELDS.iter().find(|f| **f == k) else {
                continue;
            };
            if found.iter().any(|(f, _)| f == field) {
                return Err(SasError::Duplicate(field));
            }
            found.push((field, percent_decode(v)));
        }
        let get = |f: &str| {
            found
                .iter()
                .find(|(k, _)| *k == f)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        if get("skoid").is_some() {
            return Err(SasError::Unsupported(
                "User delegation SAS tokens are not supported by the emulator; use a service or account SAS signed with the account key.".into(),
            ));
        }
        let identifier = get("si");
        let signature = get("sig").ok_or(SasError::Missing("signature"))?;
        // The service checks the expiry first (the Managed HSM's message names it).
        let expiry = match get("se") {
            Some(e) => e,
            None if identifier.is_some() => String::new(),
            None => return Err(SasError::Missing("expiry")),
        };
        let permissions = match get("sp") {
            Some(p) => p,
            None if identifier.is_some() => String::new(),
            None => return Err(SasError::Missing("permissions")),
        };
        let version = get("sv").ok_or(SasError::Missing("version"))?;
        if !is_version(&version) {
            return Err(SasError::Invalid {
                field: "signed version",
                value: version,
            });
        }
        if version.as_str() < "2015-04-05" {
            return Err(SasError::Unsupported(format!(
                "SAS version {version} is not supported; use 2015-04-05 or later."
            )));
        }
        let kind = match (get("sr"), get("ss")) {
            (Some(resource), None) => {
                if !matches!(resource.as_str(), "c" | "b" | "bs" | "bv" | "d") {
                    return Err(SasError::Invalid {
                        field: "signed resource",
                        value: resource,
                    });
                }
                SasKind::Service { resource }
            }
            (None, Some(services)) => {
                let resource_types =
                    get("srt").ok_or(SasError::Missing("signed resource types"))?;
                if !services.chars().all(|c| "bfqt".contains(c)) {
                    return Err(SasError::Invalid {
                        field: "signed services",
                        value: services,
                    });
                }
                if !resource_types.chars().all(|c| "sco".contains(c)) {
                    return Err(SasError::Invalid {
                        field: "signed resource types",
                        value: resource_types,
                    });
                }
                SasKind::Account {
                    services,
                    resource_types,
                }
            }
            _ => return Err(SasError::Kind),
        };
        let allowed = match kind {
            SasKind::Service { .. } => SERVICE_ORDER,
            SasKind::Account { .. } => ACCOUNT_ORDER,
        };
        if let Some(bad) = permissions.chars().find(|c| !allowed.contains(*c)) {
            return Err(SasError::Invalid {
                field: "signed permissions",
                value: format!("{permissions}' (unknown permission '{bad}')"),
            });
        }
        let start = get("st");
        for (field, value) in [
            ("signed start", start.as_deref()),
            ("signed expiry", Some(&expiry)),
        ] {
            if let Some(v) = value.filter(|v| !v.is_empty())
                && parse_time(v).is_none()
            {
                return Err(SasError::Invalid {
                    field,
                    value: v.to_string(),
                });
            }
        }
        if let Some(p) = get("spr")
            && !matches!(p.as_str(), "https" | "https,http")
        {
            return Err(SasError::Invalid {
                field: "signed protocol",
                value: p,
            });
        }
        if let Some(ip) = get("sip")
            && parse_ip_range(&ip).is_none()
        {
            return Err(SasError::Invalid {
                field: "signed IP",
                value: ip,
            });
        }
        Ok(SasToken {
            kind,
            version,
            permissions,
            start,
            expiry,
            ip: get("sip"),
            protocol: get("spr"),
            identifier,
            encryption_scope: get("ses"),
            snapshot_time: get("snapshot"),
            rscc: get("rscc"),
            rscd: get("rscd"),
            rsce: get("rsce"),
            rscl: get("rscl"),
            rsct: get("rsct"),
            signature,
        })
    }

    /// Unix seconds of `st`, if any.
    pub fn start_unix(&self) -> Option<i64> {
        self.start.as_deref().and_then(parse_time)
    }

    /// Unix seconds of `se` (`None` when a stored access policy supplies it).
    pub fn expiry_unix(&self) -> Option<i64> {
        parse_time(&self.expiry)
    }

    /// Does `sp` grant `letter` (`r`, `l`, `c`, `w`, `d`, ...)?
    pub fn permits(&self, letter: char) -> bool {
        self.permissions.contains(letter)
    }

    /// Does `sip` admit `ip` (always true without `sip`)?
    pub fn ip_allowed(&self, ip: std::net::IpAddr) -> bool {
        match self.ip.as_deref().and_then(parse_ip_range) {
            None => true,
            Some((lo, hi)) => lo <= ip && ip <= hi,
        }
    }

    /// The string-to-sign for a request on `container` (and `blob`, for blob-level
    /// operations) of `account`. For an account SAS only `account` matters.
    pub fn string_to_sign(&self, account: &str, container: &str, blob: Option<&str>) -> String {
        match &self.kind {
            SasKind::Account {
                services,
                resource_types,
            } => {
                let mut s = format!(
                    "{account}\n{}\n{services}\n{resource_types}\n{}\n{}\n{}\n{}\n{}\n",
                    self.permissions,
                    opt(&self.start),
                    self.expiry,
                    opt(&self.ip),
                    opt(&self.protocol),
                    self.version,
                );
                if self.version.as_str() >= "2020-12-06" {
                    s.push_str(opt(&self.encryption_scope));
                    s.push('\n');
                }
                s
            }
            SasKind::Service { resource } => {
                let canonical = match (resource.as_str(), blob) {
                    ("c", _) | (_, None) => format!("/blob/{account}/{container}"),
                    (_, Some(b)) => format!("/blob/{account}/{container}/{b}"),
                };
                let mut parts: Vec<&str> = vec![
                    &self.permissions,
                    opt(&self.start),
                    &self.expiry,
                    &canonical,
                    opt(&self.identifier),
                    opt(&self.ip),
                    opt(&self.protocol),
                    &self.version,
                ];
                if self.version.as_str() >= "2018-11-09" {
                    parts.push(resource);
                    parts.push(opt(&self.snapshot_time));
                }
                if self.version.as_str() >= "2020-12-06" {
                    parts.push(opt(&self.encryption_scope));
                }
                parts.extend([
                    opt(&self.rscc),
                    opt(&self.rscd),
                    opt(&self.rsce),
                    opt(&self.rscl),
                    opt(&self.rsct),
                ]);
                parts.join("\n")
            }
        }
    }

    /// Verifies `sig` against `string_to_sign` with the account key, in constant time.
    pub fn verify(&self, key: &[u8], string_to_sign: &str) -> bool {
        // A `+` that arrived as a space (form decoding by some client) is still base64.
        let Ok(sig) = B64.decode(self.signature.replace(' ', "+")) else {
            return false;
        };
        let k = aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, key);
        aws_lc_rs::hmac::verify(&k, string_to_sign.as_bytes(), &sig).is_ok()
    }
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// Base64 HMAC-SHA256 of `string_to_sign` with `key` (the raw, base64-decoded account key).
pub fn sign(key: &[u8], string_to_sign: &str) -> String {
    let k = aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, key);
    B64.encode(aws_lc_rs::hmac::sign(&k, string_to_sign.as_bytes()))
}

/// The fields of a service SAS to generate (what `az storage container generate-sas` and
/// `generate_container_sas` take).
#[derive(Debug, Clone)]
pub struct ServiceSasRequest<'a> {
    pub account: &'a str,
    pub container: &'a str,
    /// `Some` for a blob SAS (`sr=b`), `None` for a container SAS (`sr=c`).
    pub blob: Option<&'a str>,
    /// Permission letters in any order; written in canonical order.
    pub permissions: &'a str,
    pub start: Option<&'a str>,
    pub expiry: &'a str,
    pub ip: Option<&'a str>,
    pub protocol: Option<&'a str>,
    pub version: &'a str,
}

/// Writes permission letters in `order` (unknown letters are dropped).
pub fn canonical_permissions(letters: &str, order: &str) -> String {
    order.chars().filter(|c| letters.contains(*c)).collect()
}

/// Generates a service SAS token (no leading `?`) with the fields in the Python SDK's order,
/// so the output is byte-identical to `generate_container_sas`/`generate_blob_sas`.
pub fn generate_service_sas(key: &[u8], req: &ServiceSasRequest<'_>) -> String {
    let resource = if req.blob.is_some() { "b" } else { "c" };
    let tok = SasToken {
        kind: SasKind::Service {
            resource: resource.into(),
        },
        version: req.version.into(),
        permissions: canonical_permissions(req.permissions, SERVICE_ORDER),
        start: req.start.map(str::to_string),
        expiry: req.expiry.into(),
        ip: req.ip.map(str::to_string),
        protocol: req.protocol.map(str::to_string),
        identifier: None,
        encryption_scope: None,
        snapshot_time: None,
        rscc: None,
        rscd: None,
        rsce: None,
        rscl: None,
        rsct: None,
        signature: String::new(),
    };
    let sig = sign(
        key,
        &tok.string_to_sign(req.account, req.container, req.blob),
    );
    let mut fields: Vec<(&str, &str)> = Vec::new();
    if let Some(st) = &tok.start {
        fields.push(("st", st));
    }
    fields.push(("se", &tok.expiry));
    fields.push(("sp", &tok.permissions));
    if let Some(ip) = &tok.ip {
        fields.push(("sip", ip));
    }
    if let Some(p) = &tok.protocol {
        fields.push(("spr", p));
    }
    fields.push(("sv", &tok.version));
    fields.push(("sr", resource));
    fields.push(("sig", &sig));
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", quote(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Is `v` a service version (`YYYY-MM-DD`)?
fn is_version(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Parses the ISO 8601 UTC forms Azure accepts in `st`/`se`: `YYYY-MM-DD`,
/// `YYYY-MM-DDThh:mmZ`, `YYYY-MM-DDThh:mm:ssZ` and `YYYY-MM-DDThh:mm:ss.fffffffZ`.
/// Returns Unix seconds (fractions dropped).
pub fn parse_time(s: &str) -> Option<i64> {
    let num = |t: &str| -> Option<u32> {
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())
            .flatten()
    };
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t.strip_suffix('Z')?)),
        None => (s, None),
    };
    if date.len() != 10 || &date[4..5] != "-" || &date[7..8] != "-" {
        return None;
    }
    let (y, m, d) = (num(&date[..4])?, num(&date[5..7])?, num(&date[8..10])?);
    let month = time::Month::try_from(u8::try_from(m).ok()?).ok()?;
    let date = time::Date::from_calendar_date(y as i32, month, u8::try_from(d).ok()?).ok()?;
    let (h, mi, sec) = match time {
        None => (0, 0, 0),
        Some(t) => {
            let (hms, frac) = t.split_once('.').unwrap_or((t, ""));
            if !frac.bytes().all(|c| c.is_ascii_digit()) || frac.len() > 7 {
                return None;
            }
            let f: Vec<&str> = hms.split(':').collect();
            match f.as_slice() {
                [h, m] if h.len() == 2 && m.len() == 2 && frac.is_empty() => (num(h)?, num(m)?, 0),
                [h, m, s] if h.len() == 2 && m.len() == 2 && s.len() == 2 => {
                    (num(h)?, num(m)?, num(s)?)
                }
                _ => return None,
            }
        }
    };
    let t = time::Time::from_hms(
        u8::try_from(h).ok()?,
        u8::try_from(mi).ok()?,
        u8::try_from(sec).ok()?,
    )
    .ok()?;
    Some(
        time::PrimitiveDateTime::new(date, t)
            .assume_utc()
            .unix_timestamp(),
    )
}

/// Formats Unix seconds as the SAS time form the SDKs write (`2026-01-02T00:00:00Z`).
pub fn format_time(unix: i64) -> Option<String> {
    let t = time::OffsetDateTime::from_unix_timestamp(unix).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    ))
}

/// `a` or `a-b` → inclusive address range (both ends of one family).
fn parse_ip_range(s: &str) -> Option<(std::net::IpAddr, std::net::IpAddr)> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (std::net::IpAddr, std::net::IpAddr) =
        (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a.is_ipv4() == b.is_ipv4() && a <= b).then_some((a, b))
}

/// The Blob service's Shared Key string-to-sign. `headers` are (lower-case name, value)
/// pairs as received; `raw_path` is the request path as sent (still percent-encoded);
/// `query` holds decoded (name, value) pairs.
pub fn shared_key_string_to_sign(
    method: &str,
    headers: &[(String, String)],
    account: &str,
    raw_path: &str,
    query: &[(String, String)],
) -> String {
    let h = |name: &str| -> String {
        headers
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    // Since 2015-02-21 a zero Content-Length is signed as the empty string.
    let length = h("content-length");
    let length = if length == "0" { String::new() } else { length };
    let mut s = format!(
        "{method}\n{}\n{}\n{length}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
        h("content-encoding"),
        h("content-language"),
        h("content-md5"),
        h("content-type"),
        h("date"),
        h("if-modified-since"),
        h("if-match"),
        h("if-none-match"),
        h("if-unmodified-since"),
        h("range"),
    );
    // Canonicalized headers: x-ms-*, lower-case, sorted, whitespace folded.
    let mut names: Vec<&str> = headers
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| k.starts_with("x-ms-"))
        .collect();
    names.sort_unstable();
    names.dedup();
    for n in names {
        let v = h(n).split_whitespace().collect::<Vec<_>>().join(" ");
        s.push_str(&format!("{n}:{v}\n"));
    }
    // Canonicalized resource: /account/path, then each query parameter (lower-case name,
    // sorted; values sorted and comma-joined).
    s.push('/');
    s.push_str(account);
    s.push_str(raw_path);
    let mut qnames: Vec<String> = query.iter().map(|(k, _)| k.to_ascii_lowercase()).collect();
    qnames.sort_unstable();
    qnames.dedup();
    for n in qnames {
        let mut vals: Vec<&str> = query
            .iter()
            .filter(|(k, _)| k.to_ascii_lowercase() == n)
            .map(|(_, v)| v.as_str())
            .collect();
        vals.sort_unstable();
        s.push_str(&format!("\n{n}:{}", vals.join(",")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Azurite's well-known account (public, documented by Microsoft).
    const ACCOUNT: &str = "devstoreaccount1";
    const KEY: &str =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Facts: outputs of azure-storage-blob 12.31.1 (sv 2026-10-06) and 12.8.1 (sv 2020-06-12)
    // for ACCOUNT/KEY, start 2026-01-01T00:00:00Z, expiry 2026-01-02T00:00:00Z:
    // generate_container_sas(.., "backups", permission=ContainerSasPermissions.from_string("crdw"))
    const V2026_CONTAINER: &str = "st=2026-01-01T00%3A00%3A00Z&se=2026-01-02T00%3A00%3A00Z&sp=rcwd&sv=2026-10-06&sr=c&sig=Gl0gCA16l2J/T9kfwDo2MzrRpzxOJbqO7R10A628lUA%3D";
    // generate_container_sas(.., permission="rl", protocol="https", ip="127.0.0.1")
    const V2026_CONTAINER_IP: &str = "st=2026-01-01T00%3A00%3A00Z&se=2026-01-02T00%3A00%3A00Z&sp=rl&sip=127.0.0.1&spr=https&sv=2026-10-06&sr=c&sig=b6FQDE/1L7BYbk3fPZv0I2OQXEp83fiAaVxqP/4nHO4%3D";
    // generate_container_sas(.., permission="racwdl", no start)
    const V2026_CONTAINER_NOSTART: &str = "se=2026-01-02T00%3A00%3A00Z&sp=racwdl&sv=2026-10-06&sr=c&sig=X9OdltyhtlVaPFBa5MvXJzDqNU3ovfCi9//xjLcfLYM%3D";
    // generate_blob_sas(.., "backups", "mhsm-x/a b+c.json", permission="r")
    const V2026_BLOB: &str = "st=2026-01-01T00%3A00%3A00Z&se=2026-01-02T00%3A00%3A00Z&sp=r&sv=2026-10-06&sr=b&sig=XrSiI614a1ceDdB3PuHC%2B6cdmYPzXgTQAOjpydIgxZM%3D";
    // generate_account_sas(.., ResourceTypes(container, object), read+write+list+create+delete)
    const V2026_ACCOUNT: &str = "st=2026-01-01T00%3A00%3A00Z&se=2026-01-02T00%3A00%3A00Z&sp=rwdlc&sv=2026-10-06&ss=b&srt=co&sig=saD3Rf3WomxwsOzaY3H6zj8JsCnCGLC2u9Q3HFifdow%3D";
    // 12.8.1: the 2018-11-09..2020-10-02 layouts (no encryption scope).
    const V2020_CONTAINER: &str = "st=2026-01-01T00%3A00%3A00Z&se=2026-01-02T00%3A00%3A00Z&sp=rwd&sv=2020-06-12&sr=c&sig=9ITEd23uZnV/I8HuG8uJH/sE5AjYh6VRHWzFQSWw9l0%3D";
    const V2020_BLOB: &str = "st=2026-01-01T00%3A00%3A00Z&se=2026-01-02T00%3A00%3A00Z&sp=r&sv=2020-06-12&sr=b&sig=UKJ9wD4B6WMHOvz6xGBRTd49p9kv1Tc273PRSzzIgJg%3D";
    const V2020_ACCOUNT: &str = "se=2026-01-02T00%3A00%3A00Z&sp=rwdlac&sv=2020-06-12&ss=b&srt=sco&sig=bdlS6NSGcU6ajzAMKU0C%2B4Mwy3hyveKEuex96BBv3IY%3D";

    // az 2.91.0: `az storage container generate-sas --account-name ACCOUNT --account-key KEY
    // -n backups --permissions crdw --start 2026-01-01T00:00Z --expiry 2026-01-02T00:00Z`.
    const AZ_CONTAINER: &str = "st=2026-01-01T00%3A00Z&se=2026-01-02T00%3A00Z&sp=rcwd&sv=2026-04-06&sr=c&sig=4ID4KC%2BJYiK%2B3D6YPfQ/9t0GD9T6pRFhE2wqSre7oGY%3D";
    // `az storage account generate-sas ... --services b --resource-types co --permissions rwdlc
    // --expiry 2026-01-02T00:00Z`.
    const AZ_ACCOUNT: &str = "se=2026-01-02T00%3A00Z&sp=rwdlc&sv=2026-04-06&ss=b&srt=co&sig=FTiiFQHxR3uWQIJfNRp44juQkidZNKuwxdVq2ECfd80%3D";

    fn key() -> Vec<u8> {
        B64.decode(KEY).unwrap()
    }

    fn verifies(token: &str, container: &str, blob: Option<&str>) -> bool {
        let t = SasToken::parse(token).unwrap();
        t.verify(&key(), &t.string_to_sign(ACCOUNT, container, blob))
    }

    #[test]
    fn sdk_vectors_verify() {
        assert!(verifies(V2026_CONTAINER, "backups", None));
        assert!(verifies(V2026_CONTAINER, "backups", Some("any/blob")));
        assert!(verifies(V2026_CONTAINER_IP, "backups", None));
        assert!(verifies(V2026_CONTAINER_NOSTART, "backups", None));
        assert!(verifies(V2026_BLOB, "backups", Some("mhsm-x/a b+c.json")));
        assert!(verifies(V2026_ACCOUNT, "whatever", None));
        assert!(verifies(V2020_CONTAINER, "backups", None));
        assert!(verifies(V2020_BLOB, "backups", Some("mhsm-x/a b+c.json")));
        assert!(verifies(V2020_ACCOUNT, "whatever", None));
        assert!(verifies(AZ_CONTAINER, "backups", None));
        assert!(verifies(AZ_ACCOUNT, "whatever", None));
    }

    #[test]
    fn scope_is_part_of_the_signature() {
        // A container SAS for `backups` does not verify on another container, nor a blob SAS
        // on another blob; an account SAS does not verify for another account.
        assert!(!verifies(V2026_CONTAINER, "other", None));
        assert!(!verifies(V2026_BLOB, "backups", Some("mhsm-x/other.json")));
        let t = SasToken::parse(V2026_ACCOUNT).unwrap();
        assert!(!t.verify(&key(), &t.string_to_sign("otheraccount", "c", None)));
    }

    #[test]
    fn tampering_breaks_the_signature() {
        let forged = V2026_CONTAINER.replace("sp=rcwd", "sp=racwdl");
        assert!(!verifies(&forged, "backups", None));
        let later = V2026_CONTAINER.replace("se=2026-01-02", "se=2027-01-02");
        assert!(!verifies(&later, "backups", None));
        let mut t = SasToken::parse(V2026_CONTAINER).unwrap();
        t.signature = "not base64!".into();
        assert!(!t.verify(&key(), &t.string_to_sign(ACCOUNT, "backups", None)));
        // The wrong key.
        let t = SasToken::parse(V2026_CONTAINER).unwrap();
        assert!(!t.verify(b"another key", &t.string_to_sign(ACCOUNT, "backups", None)));
    }

    #[test]
    fn generator_matches_the_sdk_byte_for_byte() {
        let req = ServiceSasRequest {
            account: ACCOUNT,
            container: "backups",
            blob: None,
            permissions: "crdw",
            start: Some("2026-01-01T00:00:00Z"),
            expiry: "2026-01-02T00:00:00Z",
            ip: None,
            protocol: None,
            version: "2026-10-06",
        };
        assert_eq!(generate_service_sas(&key(), &req), V2026_CONTAINER);
        let ip = ServiceSasRequest {
            permissions: "lr",
            ip: Some("127.0.0.1"),
            protocol: Some("https"),
            ..req.clone()
        };
        assert_eq!(generate_service_sas(&key(), &ip), V2026_CONTAINER_IP);
        let blob = ServiceSasRequest {
            blob: Some("mhsm-x/a b+c.json"),
            permissions: "r",
            ..req.clone()
        };
        assert_eq!(generate_service_sas(&key(), &blob), V2026_BLOB);
        let old = ServiceSasRequest {
            permissions: "rwd",
            version: "2020-06-12",
            ..req
        };
        assert_eq!(generate_service_sas(&key(), &old), V2020_CONTAINER);
    }

    #[test]
    fn parse_fields_and_kinds() {
        let t = SasToken::parse(&format!(
            "?{V2026_CONTAINER_IP}&restype=container&comp=list"
        ))
        .unwrap();
        assert_eq!(
            t.kind,
            SasKind::Service {
                resource: "c".into()
            }
        );
        assert_eq!(t.permissions, "rl");
        assert_eq!(t.start.as_deref(), Some("2026-01-01T00:00:00Z"));
        assert_eq!(t.expiry, "2026-01-02T00:00:00Z");
        assert_eq!(t.protocol.as_deref(), Some("https"));
        assert!(t.signature.ends_with('='));
        assert!(t.permits('l') && !t.permits('w'));
        assert!(t.ip_allowed("127.0.0.1".parse().unwrap()));
        assert!(!t.ip_allowed("10.0.0.1".parse().unwrap()));
        assert_eq!(t.start_unix(), Some(1_767_225_600));
        assert_eq!(t.expiry_unix(), Some(1_767_312_000));
        let a = SasToken::parse(V2026_ACCOUNT).unwrap();
        assert_eq!(
            a.kind,
            SasKind::Account {
                services: "b".into(),
                resource_types: "co".into()
            }
        );
    }

    #[test]
    fn malformed_tokens_have_the_service_messages() {
        let no_se = V2026_CONTAINER.replace("se=2026-01-02T00%3A00%3A00Z&", "");
        assert_eq!(
            SasToken::parse(&no_se).unwrap_err().to_string(),
            "The customer provided SAS token is malformed. The SAS token does not contain the expiry field"
        );
        let no_sig = V2026_CONTAINER.split("&sig=").next().unwrap().to_string();
        assert_eq!(
            SasToken::parse(&no_sig).unwrap_err().to_string(),
            "The customer provided SAS token is malformed. The SAS token does not contain the signature field"
        );
        let no_sp = V2026_CONTAINER.replace("sp=rcwd&", "");
        assert_eq!(
            SasToken::parse(&no_sp).unwrap_err(),
            SasError::Missing("permissions")
        );
        assert_eq!(
            SasToken::parse(&V2026_CONTAINER.replace("sv=2026-10-06&", "")).unwrap_err(),
            SasError::Missing("version")
        );
        assert_eq!(
            SasToken::parse(&V2026_CONTAINER.replace("&sr=c", "")).unwrap_err(),
            SasError::Kind
        );
        assert!(matches!(
            SasToken::parse(&V2026_CONTAINER.replace("sp=rcwd", "sp=rcwdz")).unwrap_err(),
            SasError::Invalid {
                field: "signed permissions",
                ..
            }
        ));
        assert!(matches!(
            SasToken::parse(&V2026_CONTAINER.replace("se=2026-01-02T00%3A00%3A00Z", "se=tomorrow"))
                .unwrap_err(),
            SasError::Invalid {
                field: "signed expiry",
                ..
            }
        ));
        assert_eq!(
            SasToken::parse(&format!("{V2026_CONTAINER}&sp=r")).unwrap_err(),
            SasError::Duplicate("sp")
        );
        assert!(SasToken::parse("").is_err());
        assert!(SasToken::parse("&&&=&%&%zz=%").is_err());
        assert!(matches!(
            SasToken::parse(&format!("{V2026_CONTAINER}&skoid=x")).unwrap_err(),
            SasError::Unsupported(_)
        ));
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("2026-01-01"), Some(1_767_225_600));
        assert_eq!(parse_time("2026-01-01T00:00Z"), Some(1_767_225_600));
        assert_eq!(parse_time("2026-01-01T00:00:01Z"), Some(1_767_225_601));
        assert_eq!(
            parse_time("2026-01-01T00:00:01.1234567Z"),
            Some(1_767_225_601)
        );
        for bad in [
            "2026-01-01T00:00:00",
            "2026-13-01",
            "2026-02-30",
            "2026-01-01T24:00Z",
            "2026-1-01",
            "+026-01-01",
            "2026-01-01T00:00:00+01:00",
            "2026-01-01T00:00.5Z",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(format_time(1_767_312_000).unwrap(), "2026-01-02T00:00:00Z");
    }

    #[test]
    fn permissions_in_canonical_order() {
        assert_eq!(canonical_permissions("wdrc", SERVICE_ORDER), "rcwd");
        assert_eq!(canonical_permissions("lcar", ACCOUNT_ORDER), "rlac");
    }

    #[test]
    fn quoting_and_decoding_round_trip() {
        for s in ["2026-01-01T00:00:00Z", "a/b+c=", "ünï cödé"] {
            assert_eq!(percent_decode(&quote(s)), s);
        }
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn shared_key_layout() {
        let headers = vec![
            ("x-ms-version".to_string(), "2023-11-03".to_string()),
            (
                "date".to_string(),
                "Tue, 05 Nov 2024 15:01:15 GMT".to_string(),
            ),
            ("content-length".to_string(), "0".to_string()),
            ("x-ms-meta-a".to_string(), "  two   words ".to_string()),
        ];
        let query = vec![
            ("restype".to_string(), "container".to_string()),
            ("comp".to_string(), "list".to_string()),
        ];
        let s = shared_key_string_to_sign("GET", &headers, "acct", "/acct/c", &query);
        assert_eq!(
            s,
            "GET\n\n\n\n\n\nTue, 05 Nov 2024 15:01:15 GMT\n\n\n\n\n\nx-ms-meta-a:two words\nx-ms-version:2023-11-03\n/acct/acct/c\ncomp:list\nrestype:container"
        );
    }
}
