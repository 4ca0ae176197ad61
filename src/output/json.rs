//! `-o json` / `-o jsonc`: knack's `format_json` is
//! `json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True, separators=(',', ': ')) + '\n'`,
//! and `format_json_color` runs that text through pygments' `JsonLexer` + `TerminalFormatter`.
//!
//! The text is produced directly (not via `serde_json::to_string_pretty`) because Python differs from
//! serde_json in float formatting (`1e+16`, `1e-05`) and we need the token boundaries for colouring.

use serde_json::Value;

use super::color::{self, BLUE, BRIGHT_BLUE, GRAY, YELLOW};
use super::py;

/// Render `value` as knack's json (or jsonc when `color`) output, including the final newline.
pub(crate) fn render(value: &Value, color: bool) -> String {
    let mut w = JsonWriter {
        out: String::new(),
        color,
    };
    w.value(value, 0);
    // knack appends '\n'; for the lexer it is one more whitespace token.
    w.ws("\n");
    w.out
}

struct JsonWriter {
    out: String,
    color: bool,
}

impl JsonWriter {
    fn token(&mut self, color: &str, text: &str) {
        if self.color {
            color::write_token(&mut self.out, color, text);
        } else {
            self.out.push_str(text);
        }
    }

    /// JsonLexer merges a run of whitespace into one `Whitespace` token (gray).
    fn ws(&mut self, text: &str) {
        self.token(GRAY, text);
    }

    /// Punctuation (`{ } [ ] , :`) has no colour in the default terminal scheme, so merging adjacent
    /// punctuation into one token (as JsonLexer does) makes no difference.
    fn punct(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn newline_indent(level: usize) -> String {
        let mut s = String::with_capacity(1 + 2 * level);
        s.push('\n');
        s.extend(std::iter::repeat_n(' ', 2 * level));
        s
    }

    fn value(&mut self, value: &Value, level: usize) {
        match value {
            // Keyword.Constant and Number both map to blue.
            Value::Null => self.token(BLUE, "null"),
            Value::Bool(b) => self.token(BLUE, if *b { "true" } else { "false" }),
            Value::Number(n) => self.token(BLUE, &py::number_str(n)),
            Value::String(s) => self.token(YELLOW, &quote(s)),
            Value::Array(items) => {
                if items.is_empty() {
                    self.punct("[]");
                    return;
                }
                self.punct("[");
                let inner = Self::newline_indent(level + 1);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.punct(",");
                    }
                    self.ws(&inner);
                    self.value(item, level + 1);
                }
                self.ws(&Self::newline_indent(level));
                self.punct("]");
            }
            Value::Object(map) => {
                if map.is_empty() {
                    self.punct("{}");
                    return;
                }
                self.punct("{");
                let inner = Self::newline_indent(level + 1);
                // serde_json's Map is a BTreeMap (preserve_order must stay off): byte order of UTF-8
                // equals code point order, which is what Python's sort_keys=True uses.
                for (i, (k, item)) in map.iter().enumerate() {
                    if i > 0 {
                        self.punct(",");
                    }
                    self.ws(&inner);
                    // A string followed by ':' is lexed as Name.Tag.
                    self.token(BRIGHT_BLUE, &quote(k));
                    self.punct(":");
                    self.ws(" ");
                    self.value(item, level + 1);
                }
                self.ws(&Self::newline_indent(level));
                self.punct("}");
            }
        }
    }
}

/// Python's `json.encoder.py_encode_basestring` (ensure_ascii=False): escapes `"` `\` and the C0 controls
/// (`\b \f \n \r \t` short forms, others `\u00XX` with lower-case hex); DEL, non-ASCII, U+2028/2029 stay raw.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
