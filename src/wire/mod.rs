//! Serde types of the REST APIs (ARM, identity, Graph, Managed HSM data plane), shared by the
//! client and the emulator so both speak exactly the same wire format.
//!
//! Conventions: field names are the service's (camelCase for ARM, snake_case where the data plane
//! uses it); optional members are skipped when absent, as the services do.

pub mod arm;
pub mod arm_keys;
pub mod backup;
pub mod cloud;
pub mod ekm;
pub mod error;
pub mod graph;
pub mod identity;
pub mod insights;
pub mod keys;
pub mod network;
pub mod private_link;
pub mod rbac;
pub mod secure_keys;
pub mod security_domain;
pub mod settings;

use serde::Serialize;

/// ARM api-version mhsm sends for `Microsoft.KeyVault/managedHSMs` (az 2.91.0 bundles
/// azure-mgmt-keyvault with this default).
pub const ARM_KEYVAULT_API_VERSION: &str = "2026-02-01";
/// api-version for `GET /subscriptions` and `/tenants` (as az sends).
pub const ARM_SUBSCRIPTIONS_API_VERSION: &str = "2022-12-01";
/// api-version for resource groups.
pub const ARM_RESOURCES_API_VERSION: &str = "2024-11-01";

/// A request body exactly as az (Python's `json.dumps` with its defaults) writes it: members in
/// declaration order, `", "` and `": "` separators, every character outside `0x20..=0x7E`
/// escaped as lower-case `\uXXXX` (`ensure_ascii`). The Python SDKs az bundles serialise every
/// data-plane body this way (e.g. `azure-keyvault-administration` 4.8.0b2:
/// `json.dumps(body, cls=SdkJSONEncoder)`), so this is how mhsm sends bodies byte for byte.
pub fn python_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    value.serialize(&mut ser).expect("request bodies serialise");
    String::from_utf8(out).expect("the formatter writes ASCII")
}

/// serde_json formatter with Python's `json.dumps` defaults (see [`python_json`]).
struct PythonFormatter;

impl serde_json::ser::Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    // serde_json escapes `"`, `\` and control characters exactly as Python does (short forms
    // for \b \f \n \r \t, else `\u00xx`); the unescaped runs arrive here, where `ensure_ascii`
    // still applies (DEL and everything beyond ASCII).
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        for c in fragment.chars() {
            if (' '..='~').contains(&c) {
                w.write_all(&[c as u8])?;
            } else {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(w, "\\u{u:04x}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::python_json;
    use crate::crypto::pyjson::{PyJson, python_json_dumps};

    #[test]
    fn python_json_matches_json_dumps() {
        #[derive(serde::Serialize)]
        struct Body<'a> {
            b: &'a str,
            a: Vec<Option<bool>>,
            n: i64,
        }
        let text = "caf\u{e9} \u{1f600} \"q\" \\ /\n\u{7f}\u{1}";
        let ours = python_json(&Body {
            b: text,
            a: vec![Some(true), None],
            n: -3,
        });
        let theirs = python_json_dumps(&PyJson::object([
            ("b", PyJson::str(text)),
            ("a", PyJson::Array(vec![PyJson::Bool(true), PyJson::Null])),
            ("n", PyJson::Int(-3)),
        ]));
        assert_eq!(ours, theirs);
        assert_eq!(
            ours,
            r#"{"b": "caf\u00e9 \ud83d\ude00 \"q\" \\ /\n\u007f\u0001", "a": [true, null], "n": -3}"#
        );
    }
}
