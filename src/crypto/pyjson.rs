//! Python-`json.dumps`-compatible JSON writer ("az/Python style", security-domain.md §2).
//!
//! az builds every request body it sends (download request §9.1, upload body §9.3) and the
//! restore blob (§8 step 7) with Python's `json.dumps` defaults, and byte compatibility matters
//! (the restore blob is checked by an independent checker). Those defaults are:
//! * separators `", "` between members/elements and `": "` between key and value;
//! * `ensure_ascii=True`: every character outside `0x20..=0x7E` is written as `\uXXXX` with
//!   **lower-case** hex (non-BMP characters as a UTF-16 surrogate pair), `"` and `\` are
//!   backslash-escaped, `\n \r \t \b \f` use their short forms, `/` is **not** escaped;
//! * keys in insertion order (Python dicts are ordered) — which `serde_json::Value` cannot
//!   express here because the project must never enable `preserve_order` (dependencies.md
//!   gotcha 12), hence the small ordered [`PyJson`] tree below;
//! * no trailing newline.

use std::fmt::Write as _;

/// An ordered JSON value for Python-style serialization.
#[derive(Clone, Debug, PartialEq)]
// Deliberately tiny: exactly the value kinds `json.dumps` writes for the bodies az sends.
pub enum PyJson {
    /// `None` → `null`.
    Null,
    /// `True`/`False` → `true`/`false`.
    Bool(bool),
    /// Integers print exactly like Python ints.
    Int(i128),
    /// Floats print like Python's `repr(float)` (see [`python_float_repr`]).
    Float(f64),
    /// A string, written with `ensure_ascii` escaping.
    Str(String),
    /// A list/tuple.
    Array(Vec<PyJson>),
    /// Members in insertion order (duplicates are written as given, like Python would not —
    /// callers simply should not create them).
    Object(Vec<(String, PyJson)>),
}

impl PyJson {
    /// Convenience constructor for an object from `(key, value)` pairs, order preserved.
    // Mirrors a Python dict literal: the order written is the order serialized.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, PyJson)>) -> PyJson {
        PyJson::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// Convenience constructor for a string value.
    pub fn str(s: impl Into<String>) -> PyJson {
        PyJson::Str(s.into())
    }

    /// Serializes with Python's `json.dumps` defaults (shorthand for [`python_json_dumps`]).
    pub fn dumps(&self) -> String {
        python_json_dumps(self)
    }
}

impl From<&serde_json::Value> for PyJson {
    /// Converts a `serde_json::Value`. Object members come out in the map's iteration order,
    /// i.e. **sorted** (serde_json without `preserve_order`); build a [`PyJson::Object`] by hand
    /// when insertion order matters.
    fn from(v: &serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => PyJson::Null,
            serde_json::Value::Bool(b) => PyJson::Bool(*b),
            // serde_json numbers are i64, u64 or f64; i128 holds both integer kinds losslessly.
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    PyJson::Int(i.into())
                } else if let Some(u) = n.as_u64() {
                    PyJson::Int(u.into())
                } else {
                    PyJson::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            serde_json::Value::String(s) => PyJson::Str(s.clone()),
            serde_json::Value::Array(a) => PyJson::Array(a.iter().map(PyJson::from).collect()),
            serde_json::Value::Object(o) => PyJson::Object(
                o.iter()
                    .map(|(k, v)| (k.clone(), PyJson::from(v)))
                    .collect(),
            ),
        }
    }
}

/// `json.dumps(value)` with Python's defaults (see the module docs).
pub fn python_json_dumps(value: &PyJson) -> String {
    // Recursive writer; `json.dumps` has no size-dependent behaviour to emulate.
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &PyJson) {
    match value {
        PyJson::Null => out.push_str("null"),
        PyJson::Bool(true) => out.push_str("true"),
        PyJson::Bool(false) => out.push_str("false"),
        // Python ints print in plain decimal, like Rust's Display.
        PyJson::Int(i) => {
            let _ = write!(out, "{i}");
        }
        PyJson::Float(f) => out.push_str(&python_float_repr(*f)),
        PyJson::Str(s) => push_py_json_str(out, s),
        PyJson::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    // item_separator default: ", " (a blank after the comma, none before).
                    out.push_str(", ");
                }
                write_value(out, item);
            }
            out.push(']');
        }
        PyJson::Object(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_py_json_str(out, k);
                // key_separator default: ": ".
                out.push_str(": ");
                write_value(out, v);
            }
            out.push('}');
        }
    }
}

/// A JSON string literal exactly as Python's `json.dumps(s)` (ensure_ascii) writes it,
/// including the surrounding quotes.
pub fn py_json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_py_json_str(&mut out, s);
    out
}

fn push_py_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            // Python's ESCAPE_DCT: quote, backslash and the five short control escapes.
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            // Python's ESCAPE_ASCII regex escapes everything outside ' '..='~' (so DEL too).
            ' '..='~' => out.push(c),
            _ => {
                // Everything else (other control characters, DEL, all non-ASCII) as \uXXXX with
                // lower-case hex; characters above U+FFFF become a surrogate pair, as in Python.
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
}

/// Python's `repr(float)` as used by `json.dumps`: shortest round-trip digits, positional
/// notation for decimal exponents in `-4..16`, otherwise `d.ddde±XX`; `NaN`, `Infinity`,
/// `-Infinity` for non-finite values (Python's `allow_nan=True` default).
pub fn python_float_repr(f: f64) -> String {
    // json.dumps(float('nan')) == 'NaN' (allow_nan=True is the default).
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e-5", "1e16", "0e0".
    // Take the shortest round-trip digits (same as Python's repr, which uses David Gay's
    // algorithm) and the decimal exponent, then lay them out by Python's rules.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    // All significant digits without the decimal point, e.g. "12345" for 1.2345e-5.
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    // repr switches to exponent notation when the exponent is < -4 or >= 16.
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        let body = if exp >= 0 {
            if n <= exp + 1 {
                format!("{digits}{}.0", "0".repeat((exp + 1 - n) as usize))
            } else {
                let (a, b) = digits.split_at((exp + 1) as usize);
                format!("{a}.{b}")
            }
        } else {
            format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        // Python always writes the exponent sign and at least two exponent digits.
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{frac}e{esign}{:02}", exp.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Insertion order is kept and the default separators are used, empty containers included.
    #[test]
    fn separators_and_order() {
        let v = PyJson::object([
            ("z", PyJson::Int(2)),
            (
                "a",
                PyJson::Array(vec![PyJson::str("x"), PyJson::Null, PyJson::Bool(true)]),
            ),
            ("m", PyJson::object::<String>([])),
            ("e", PyJson::Array(vec![])),
        ]);
        assert_eq!(
            v.dumps(),
            r#"{"z": 2, "a": ["x", null, true], "m": {}, "e": []}"#
        );
    }

    /// `ensure_ascii` escaping, checked against CPython 3 `json.dumps` output.
    #[test]
    fn ensure_ascii_escaping() {
        // Same expectations as Python 3: json.dumps(s)
        assert_eq!(py_json_str("caf\u{e9}"), r#""caf\u00e9""#);
        assert_eq!(py_json_str("a/b"), r#""a/b""#);
        assert_eq!(py_json_str("q\"b\\"), r#""q\"b\\""#);
        assert_eq!(
            py_json_str("\n\r\t\u{8}\u{c}\u{1}\u{7f}"),
            r#""\n\r\t\b\f\u0001\u007f""#
        );
        assert_eq!(py_json_str("\u{1F600}"), r#""\ud83d\ude00""#);
        assert_eq!(py_json_str("\u{FFFF}"), r#""\uffff""#);
    }

    /// `repr(float)` layout, each expectation taken from CPython 3 `json.dumps`.
    #[test]
    fn float_repr_like_python() {
        let cases = [
            (1.0, "1.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.5, "1.5"),
            (100.0, "100.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (123456789012345.6, "123456789012345.6"),
            (1e300, "1e+300"),
            (-2.5e-7, "-2.5e-07"),
            (0.1, "0.1"),
            (1234567890123456.0, "1234567890123456.0"),
            (9999999999999998.0, "9999999999999998.0"),
        ];
        for (f, want) in cases {
            assert_eq!(python_float_repr(f), want, "{f}");
        }
        // Non-finite values use JavaScript-style names, like Python's allow_nan default.
        assert_eq!(python_float_repr(f64::NAN), "NaN");
        assert_eq!(python_float_repr(f64::NEG_INFINITY), "-Infinity");
    }

    /// A `serde_json::Value` converts with its (sorted) key order, as documented.
    #[test]
    fn from_serde_value_is_sorted() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"b": 1, "a": [1.5, "x", -3]}"#).unwrap();
        assert_eq!(PyJson::from(&v).dumps(), r#"{"a": [1.5, "x", -3], "b": 1}"#);
    }
}
