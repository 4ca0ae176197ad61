//! `-o tsv`: knack's `_TsvOutput`.
//!
//! * A non-list result is treated as a one-element list; every element is one line ending in `\n`.
//! * A dict row prints its values tab-separated, in key-sorted order for a plain dict and in insertion
//!   order for an `OrderedDict` (what `--query` multiselect hashes produce): `columns` carries that order.
//! * A list row prints its items tab-separated.
//! * Cell values: a nested list prints its *length*, a nested dict prints an empty string (so the column
//!   count stays stable), strings are raw (tabs/newlines are not escaped), everything else is Python
//!   `str()`: `None`, `True`/`False`, `1.0`, `1e+16`.
//! * A row that is a bare bool prints `true`/`false` (`str(data).lower()`), unlike a bool inside a row.

use serde_json::Value;

use super::{ordered_entries, py};

pub(crate) fn render(value: &Value, columns: Option<&[String]>) -> String {
    let rows: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut out = String::new();
    for row in rows {
        match row {
            Value::Object(map) => {
                for (i, (_, v)) in ordered_entries(map, columns).into_iter().enumerate() {
                    if i > 0 {
                        out.push('\t');
                    }
                    dump_obj(v, &mut out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\t');
                    }
                    dump_obj(v, &mut out);
                }
            }
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            other => dump_obj(other, &mut out),
        }
        out.push('\n');
    }
    out
}

/// knack `_TsvOutput._dump_obj`.
fn dump_obj(v: &Value, out: &mut String) {
    match v {
        Value::Array(items) => out.push_str(&items.len().to_string()),
        Value::Object(_) => {}
        other => out.push_str(&py::str_of(other)),
    }
}
