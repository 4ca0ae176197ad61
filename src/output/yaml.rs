//! `-o yaml`: PyYAML's `yaml.safe_dump(result, default_flow_style=False, allow_unicode=True)`, i.e. the
//! pure-Python `SafeRepresenter` + `Serializer` + `Emitter` (best_indent 2, best_width 80), ported for
//! `serde_json::Value`. `-o yamlc` colours this text with the pygments YAML lexer (see `yaml_lexer`).
//!
//! Quirks reproduced (all from PyYAML 6):
//! * Mapping keys are sorted (`represent_mapping` sorts); no anchors/aliases (a JSON tree has no shared nodes).
//! * Scalars: `null`, `true`/`false`, ints via `str()`, floats via `repr().lower()` with `.0` inserted
//!   before a bare exponent (`1e+16` becomes `1.0e+16`).
//! * A string is written plain only if the YAML 1.1 implicit resolvers would read it back as a string
//!   (`'yes'`, `'no'`, `'on'`, `'null'`, `'~'`, `''`, `'1.0'`, `'123'`, `'0x1F'`, `'12:30'`, `'<<'`,
//!   `'2024-06-01T12:00:00+00:00'` get quoted) and `analyze_scalar` allows it (no leading/trailing
//!   space, no `: ` / ` #`, no leading indicator, no line break, no special character).
//! * Otherwise single-quoted (`'` doubled), or double-quoted with escapes when the text has characters
//!   outside printable ASCII/Unicode (tabs, controls, DEL, BOM, NEL, U+2028...) or spaces next to breaks.
//! * Long quoted/plain scalars are folded at column 80 on single spaces; line breaks inside single-quoted
//!   scalars are written doubled (YAML folding), continuation lines are indented by the scalar's indent.
//! * Sequences inside mappings are not indented (`key:\n- a`); a mapping inside a sequence starts on the
//!   dash line (`- key: v`); empty collections are flow style `[]` / `{}`.
//! * Keys longer than 122 characters, empty keys and multi-line keys become complex keys (`? key\n: value`).
//! * A document whose root is a plain scalar ends with the `...` document-end marker.

use serde_json::Value;

use super::py;

const BEST_INDENT: usize = 2;
const BEST_WIDTH: usize = 80;

/// Render `value` the way `yaml.safe_dump(value, default_flow_style=False, allow_unicode=True)` does.
pub(crate) fn render(value: &Value) -> String {
    let mut e = Emitter::default();
    e.document(value);
    e.out
}

/// A scalar node as the serializer hands it to the emitter.
struct Scalar {
    chars: Vec<char>,
    /// `implicit[0]`: the plain text resolves back to the node's own tag.
    plain_implicit: bool,
}

impl Scalar {
    fn of(value: &Value) -> Scalar {
        let (text, plain_implicit) = match value {
            Value::Null => ("null".to_owned(), true),
            Value::Bool(b) => ((if *b { "true" } else { "false" }).to_owned(), true),
            Value::Number(n) => {
                if n.is_i64() || n.is_u64() {
                    (py::number_str(n), true)
                } else {
                    (float_text(n.as_f64().unwrap_or(f64::NAN)), true)
                }
            }
            Value::String(s) => (s.clone(), !resolves_to_non_str(s)),
            Value::Array(_) | Value::Object(_) => unreachable!("not a scalar"),
        };
        Scalar {
            chars: text.chars().collect(),
            plain_implicit,
        }
    }

    fn key(k: &str) -> Scalar {
        Scalar {
            chars: k.chars().collect(),
            plain_implicit: !resolves_to_non_str(k),
        }
    }
}

/// `SafeRepresenter.represent_float`.
fn float_text(f: f64) -> String {
    if f.is_nan() {
        return ".nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf" } else { "-.inf" }.to_owned();
    }
    let value = py::float_repr(f).to_lowercase();
    if !value.contains('.') && value.contains('e') {
        value.replacen('e', ".0e", 1)
    } else {
        value
    }
}

/// `Emitter.analyze_scalar` result.
struct Analysis {
    empty: bool,
    multiline: bool,
    allow_flow_plain: bool,
    allow_block_plain: bool,
    allow_single_quoted: bool,
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_space_or_break_or_nul(c: char) -> bool {
    matches!(
        c,
        '\0' | ' ' | '\t' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn analyze(s: &[char]) -> Analysis {
    if s.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            allow_flow_plain: false,
            allow_block_plain: true,
            allow_single_quoted: true,
        };
    }
    let mut block_indicators = false;
    let mut flow_indicators = false;
    let mut line_breaks = false;
    let mut special_characters = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;

    let starts_with = |p: &str| s.iter().copied().take(3).eq(p.chars());
    if starts_with("---") || starts_with("...") {
        block_indicators = true;
        flow_indicators = true;
    }
    let mut preceded_by_whitespace = true;
    let mut followed_by_whitespace = s.len() == 1 || is_space_or_break_or_nul(s[1]);
    let mut previous_space = false;
    let mut previous_break = false;
    for (index, &ch) in s.iter().enumerate() {
        if index == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(ch) {
                flow_indicators = true;
                block_indicators = true;
            }
            if ch == '?' || ch == ':' {
                flow_indicators = true;
                if followed_by_whitespace {
                    block_indicators = true;
                }
            }
            if ch == '-' && followed_by_whitespace {
                flow_indicators = true;
                block_indicators = true;
            }
        } else {
            if ",?[]{}".contains(ch) {
                flow_indicators = true;
            }
            if ch == ':' {
                flow_indicators = true;
                if followed_by_whitespace {
                    block_indicators = true;
                }
            }
            if ch == '#' && preceded_by_whitespace {
                flow_indicators = true;
                block_indicators = true;
            }
        }
        if is_break(ch) {
            line_breaks = true;
        }
        if !(ch == '\n' || (' '..='~').contains(&ch)) {
            // allow_unicode=True: printable non-ASCII is fine, anything else is "special".
            let printable_unicode = (ch == '\u{85}'
                || ('\u{A0}'..='\u{D7FF}').contains(&ch)
                || ('\u{E000}'..='\u{FFFD}').contains(&ch)
                || ('\u{10000}'..'\u{10FFFF}').contains(&ch))
                && ch != '\u{FEFF}';
            if !printable_unicode {
                special_characters = true;
            }
        }
        if ch == ' ' {
            if index == 0 {
                leading_space = true;
            }
            if index == s.len() - 1 {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(ch) {
            if index == 0 {
                leading_break = true;
            }
            if index == s.len() - 1 {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_space_or_break_or_nul(ch);
        followed_by_whitespace = index + 2 >= s.len() || is_space_or_break_or_nul(s[index + 2]);
    }

    let mut allow_flow_plain = true;
    let mut allow_block_plain = true;
    let mut allow_single_quoted = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        allow_flow_plain = false;
        allow_block_plain = false;
    }
    if break_space {
        allow_flow_plain = false;
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if space_break || special_characters {
        allow_flow_plain = false;
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if line_breaks {
        allow_flow_plain = false;
        allow_block_plain = false;
    }
    if flow_indicators {
        allow_flow_plain = false;
    }
    if block_indicators {
        allow_block_plain = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        allow_flow_plain,
        allow_block_plain,
        allow_single_quoted,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Single,
    Double,
}

struct Emitter {
    out: String,
    indents: Vec<Option<usize>>,
    indent: Option<usize>,
    flow_level: usize,
    root_context: bool,
    mapping_context: bool,
    simple_key_context: bool,
    column: usize,
    whitespace: bool,
    indention: bool,
    open_ended: bool,
}

impl Default for Emitter {
    fn default() -> Self {
        Emitter {
            out: String::new(),
            indents: Vec::new(),
            indent: None,
            flow_level: 0,
            root_context: false,
            mapping_context: false,
            simple_key_context: false,
            column: 0,
            whitespace: true,
            indention: true,
            open_ended: false,
        }
    }
}

impl Emitter {
    fn document(&mut self, value: &Value) {
        // The first document is implicit: no `---`.
        self.node(value, true, false, false);
        // expect_document_end (not explicit): just end the line.
        self.write_indent();
        // StreamEnd: a document that ended with a root plain scalar is "open ended".
        if self.open_ended {
            self.write_indicator("...", true, false, false);
            self.write_indent();
        }
    }

    fn set_context(&mut self, root: bool, mapping: bool, simple_key: bool) {
        self.root_context = root;
        self.mapping_context = mapping;
        self.simple_key_context = simple_key;
    }

    fn node(&mut self, value: &Value, root: bool, mapping: bool, simple_key: bool) {
        self.set_context(root, mapping, simple_key);
        match value {
            Value::Array(items) if !items.is_empty() && self.flow_level == 0 => {
                self.block_sequence(items)
            }
            Value::Array(_) => self.empty_flow("[", "]"),
            Value::Object(map) if !map.is_empty() && self.flow_level == 0 => {
                self.block_mapping(map)
            }
            Value::Object(_) => self.empty_flow("{", "}"),
            scalar => self.scalar(&Scalar::of(scalar)),
        }
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        match self.indent {
            None => self.indent = Some(if flow { BEST_INDENT } else { 0 }),
            Some(i) if !indentless => self.indent = Some(i + BEST_INDENT),
            Some(_) => {}
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().flatten();
    }

    /// expect_flow_sequence / expect_flow_mapping followed immediately by the end event.
    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.flow_level += 1;
        self.increase_indent(true, false);
        self.pop_indent();
        self.flow_level -= 1;
        self.write_indicator(close, false, false, false);
    }

    fn block_sequence(&mut self, items: &[Value]) {
        // A sequence directly under a mapping key is not indented ("indentless").
        let indentless = self.mapping_context && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(item, false, false, false);
        }
        self.pop_indent();
    }

    fn block_mapping(&mut self, map: &serde_json::Map<String, Value>) {
        self.increase_indent(false, false);
        for (k, v) in map {
            self.write_indent();
            let key = Scalar::key(k);
            if check_simple_key(&key) {
                self.set_context(false, true, true);
                self.scalar(&key);
                self.write_indicator(":", false, false, false);
                self.node(v, false, true, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.set_context(false, true, false);
                self.scalar(&key);
                self.write_indent();
                self.write_indicator(":", true, false, true);
                self.node(v, false, true, false);
            }
        }
        self.pop_indent();
    }

    fn choose_style(&self, scalar: &Scalar, a: &Analysis) -> Style {
        if scalar.plain_implicit
            && !(self.simple_key_context && (a.empty || a.multiline))
            && ((self.flow_level > 0 && a.allow_flow_plain)
                || (self.flow_level == 0 && a.allow_block_plain))
        {
            return Style::Plain;
        }
        if a.allow_single_quoted && !(self.simple_key_context && a.multiline) {
            return Style::Single;
        }
        Style::Double
    }

    /// expect_scalar + process_scalar.
    fn scalar(&mut self, scalar: &Scalar) {
        let a = analyze(&scalar.chars);
        let style = self.choose_style(scalar, &a);
        self.increase_indent(true, false);
        let split = !self.simple_key_context;
        match style {
            Style::Plain => self.write_plain(&scalar.chars, split),
            Style::Single => self.write_single_quoted(&scalar.chars, split),
            Style::Double => self.write_double_quoted(&scalar.chars, split),
        }
        self.pop_indent();
    }

    fn write_str(&mut self, data: &str) {
        self.column += data.chars().count();
        self.out.push_str(data);
    }

    fn write_chars(&mut self, data: &[char]) {
        self.column += data.len();
        self.out.extend(data.iter());
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        whitespace: bool,
        indention: bool,
    ) {
        if !self.whitespace && need_whitespace {
            self.out.push(' ');
            self.column += 1;
        }
        self.whitespace = whitespace;
        self.indention = self.indention && indention;
        self.open_ended = false;
        self.write_str(indicator);
    }

    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.write_line_break(None);
        }
        if self.column < indent {
            self.whitespace = true;
            let pad = indent - self.column;
            self.out.extend(std::iter::repeat_n(' ', pad));
            self.column = indent;
        }
    }

    fn write_line_break(&mut self, data: Option<char>) {
        self.whitespace = true;
        self.indention = true;
        self.column = 0;
        self.out.push(data.unwrap_or('\n'));
    }

    fn write_plain(&mut self, text: &[char], split: bool) {
        if self.root_context {
            self.open_ended = true;
        }
        if text.is_empty() {
            return;
        }
        if !self.whitespace {
            self.write_str(" ");
        }
        self.whitespace = false;
        self.indention = false;
        let mut spaces = false;
        let mut breaks = false;
        let (mut start, mut end) = (0, 0);
        while end <= text.len() {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split {
                        self.write_indent();
                        self.whitespace = false;
                        self.indention = false;
                    } else {
                        self.write_chars(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    if text[start] == '\n' {
                        self.write_line_break(None);
                    }
                    for &br in &text[start..end] {
                        self.write_line_break(Some(br));
                    }
                    self.write_indent();
                    self.whitespace = false;
                    self.indention = false;
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || is_break(c)) {
                self.write_chars(&text[start..end]);
                start = end;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
    }

    fn write_single_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("'", true, false, false);
        let mut spaces = false;
        let mut breaks = false;
        let (mut start, mut end) = (0, 0);
        while end <= text.len() {
            let ch = text.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end
                        && self.column > BEST_WIDTH
                        && split
                        && start != 0
                        && end != text.len()
                    {
                        self.write_indent();
                    } else {
                        self.write_chars(&text[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    // A line break inside a quoted scalar is folded, so it has to be written twice.
                    if text[start] == '\n' {
                        self.write_line_break(None);
                    }
                    for &br in &text[start..end] {
                        self.write_line_break(Some(br));
                    }
                    self.write_indent();
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || c == '\'' || is_break(c)) && start < end {
                self.write_chars(&text[start..end]);
                start = end;
            }
            if ch == Some('\'') {
                self.write_str("''");
                start = end + 1;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
        self.write_indicator("'", false, false, false);
    }

    fn write_double_quoted(&mut self, text: &[char], split: bool) {
        self.write_indicator("\"", true, false, false);
        let (mut start, mut end) = (0, 0);
        while end <= text.len() {
            let ch = text.get(end).copied();
            let needs_escape = |c: char| {
                "\"\\\u{85}\u{2028}\u{2029}\u{FEFF}".contains(c)
                    || !((' '..='~').contains(&c)
                        || ('\u{A0}'..='\u{D7FF}').contains(&c)
                        || ('\u{E000}'..='\u{FFFD}').contains(&c))
            };
            if ch.is_none_or(needs_escape) {
                if start < end {
                    self.write_chars(&text[start..end]);
                    start = end;
                }
                if let Some(c) = ch {
                    let data = match c {
                        '\0' => "\\0".to_owned(),
                        '\u{07}' => "\\a".to_owned(),
                        '\u{08}' => "\\b".to_owned(),
                        '\t' => "\\t".to_owned(),
                        '\n' => "\\n".to_owned(),
                        '\u{0B}' => "\\v".to_owned(),
                        '\u{0C}' => "\\f".to_owned(),
                        '\r' => "\\r".to_owned(),
                        '\u{1B}' => "\\e".to_owned(),
                        '"' => "\\\"".to_owned(),
                        '\\' => "\\\\".to_owned(),
                        '\u{85}' => "\\N".to_owned(),
                        '\u{A0}' => "\\_".to_owned(),
                        '\u{2028}' => "\\L".to_owned(),
                        '\u{2029}' => "\\P".to_owned(),
                        c if (c as u32) <= 0xFF => format!("\\x{:02X}", c as u32),
                        c if (c as u32) <= 0xFFFF => format!("\\u{:04X}", c as u32),
                        c => format!("\\U{:08X}", c as u32),
                    };
                    self.write_str(&data);
                    start = end + 1;
                }
            }
            if 0 < end
                && end + 1 < text.len()
                && (ch == Some(' ') || start >= end)
                // `end - start` is -1 right after an escape (start = end + 1): keep it signed.
                && self.column as isize + end as isize - start as isize > BEST_WIDTH as isize
                && split
            {
                let mut data: String = text[start.min(end)..end].iter().collect();
                data.push('\\');
                if start < end {
                    start = end;
                }
                self.write_str(&data);
                self.write_indent();
                self.whitespace = false;
                self.indention = false;
                if text[start] == ' ' {
                    self.write_str("\\");
                }
            }
            end += 1;
        }
        self.write_indicator("\"", false, false, false);
    }
}

/// `Emitter.check_simple_key` for a string key: the key's length plus the 5 characters of its
/// (never written) `!!str` tag must stay under 128, and it must be non-empty and single-line.
fn check_simple_key(key: &Scalar) -> bool {
    let a = analyze(&key.chars);
    "!!str".len() + key.chars.len() < 128 && !a.empty && !a.multiline
}

// --- YAML 1.1 implicit resolvers (PyYAML `resolver.py`) ---------------------------------------------

/// True when PyYAML's implicit resolvers would read the plain text as something other than a string.
/// Python's `re.match(...$)` also matches before a final `\n`, hence the second check.
fn resolves_to_non_str(s: &str) -> bool {
    let check = |t: &str| {
        is_bool(t)
            || is_float(t)
            || is_int(t)
            || is_null(t)
            || is_timestamp(t)
            || matches!(t, "<<" | "=" | "!" | "&" | "*")
    };
    check(s) || s.strip_suffix('\n').is_some_and(check)
}

fn is_bool(s: &str) -> bool {
    matches!(
        s,
        "yes"
            | "Yes"
            | "YES"
            | "no"
            | "No"
            | "NO"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
    )
}

fn is_null(s: &str) -> bool {
    matches!(s, "~" | "null" | "Null" | "NULL" | "")
}

/// A tiny cursor over ASCII bytes for the hand-written resolver regexes.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn eat(&mut self, f: impl Fn(u8) -> bool) -> bool {
        match self.peek() {
            Some(c) if f(c) => {
                self.i += 1;
                true
            }
            _ => false,
        }
    }
    fn eat_while(&mut self, f: impl Fn(u8) -> bool) -> usize {
        let start = self.i;
        while self.eat(&f) {}
        self.i - start
    }
    fn done(&self) -> bool {
        self.i == self.b.len()
    }
    fn sign(&mut self) {
        self.eat(|c| c == b'-' || c == b'+');
    }
    /// `(?::[0-5]?[0-9])+`
    fn sexagesimal(&mut self) -> bool {
        let mut n = 0;
        while self.peek() == Some(b':') {
            let save = self.i;
            self.i += 1;
            let two = self
                .b
                .get(self.i..self.i + 2)
                .is_some_and(|d| (b'0'..=b'5').contains(&d[0]) && d[1].is_ascii_digit());
            if two {
                self.i += 2;
            } else if !self.eat(|c| c.is_ascii_digit()) {
                self.i = save;
                break;
            }
            n += 1;
        }
        n > 0
    }
}

fn dig(c: u8) -> bool {
    c.is_ascii_digit()
}
fn dig_(c: u8) -> bool {
    c.is_ascii_digit() || c == b'_'
}

fn is_float(s: &str) -> bool {
    let b = s.as_bytes();
    // [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    let exp = |c: &mut Cur| {
        let save = c.i;
        if c.eat(|x| x == b'e' || x == b'E')
            && c.eat(|x| x == b'-' || x == b'+')
            && c.eat_while(dig) > 0
        {
            return;
        }
        c.i = save;
    };
    let a = {
        let mut c = Cur { b, i: 0 };
        c.sign();
        c.eat(dig) && {
            c.eat_while(dig_);
            c.eat(|x| x == b'.') && {
                c.eat_while(dig_);
                exp(&mut c);
                c.done()
            }
        }
    };
    // \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    let b2 = {
        let mut c = Cur { b, i: 0 };
        c.eat(|x| x == b'.') && c.eat(dig) && {
            c.eat_while(dig_);
            exp(&mut c);
            c.done()
        }
    };
    // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    let c3 = {
        let mut c = Cur { b, i: 0 };
        c.sign();
        c.eat(dig) && {
            c.eat_while(dig_);
            c.sexagesimal() && c.eat(|x| x == b'.') && {
                c.eat_while(dig_);
                c.done()
            }
        }
    };
    // [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    let special = {
        let t = s.strip_prefix(['-', '+']).unwrap_or(s);
        matches!(t, ".inf" | ".Inf" | ".INF") || matches!(s, ".nan" | ".NaN" | ".NAN")
    };
    a || b2 || c3 || special
}

fn is_int(s: &str) -> bool {
    let b = s.as_bytes();
    let body = |prefix: &[u8], f: fn(u8) -> bool| {
        let mut c = Cur { b, i: 0 };
        c.sign();
        if !b[c.i..].starts_with(prefix) {
            return false;
        }
        c.i += prefix.len();
        c.eat_while(f) > 0 && c.done()
    };
    // [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?0x[0-9a-fA-F_]+
    let bin = body(b"0b", |x| matches!(x, b'0' | b'1' | b'_'));
    let oct = body(b"0", |x| matches!(x, b'0'..=b'7' | b'_'));
    let hex = body(b"0x", |x| x.is_ascii_hexdigit() || x == b'_');
    // [-+]?(?:0|[1-9][0-9_]*)
    let dec = {
        let mut c = Cur { b, i: 0 };
        c.sign();
        if c.eat(|x| x == b'0') {
            c.done()
        } else {
            c.eat(|x| (b'1'..=b'9').contains(&x)) && {
                c.eat_while(dig_);
                c.done()
            }
        }
    };
    // [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
    let sexa = {
        let mut c = Cur { b, i: 0 };
        c.sign();
        c.eat(|x| (b'1'..=b'9').contains(&x)) && {
            c.eat_while(dig_);
            c.sexagesimal() && c.done()
        }
    };
    bin || oct || hex || dec || sexa
}

fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let four = |c: &mut Cur| (0..4).all(|_| c.eat(dig));
    let one_or_two = |c: &mut Cur| {
        c.eat(dig) && {
            c.eat(dig);
            true
        }
    };
    // [0-9]{4}-[0-9]{2}-[0-9]{2}
    let date = {
        let mut c = Cur { b, i: 0 };
        four(&mut c)
            && c.eat(|x| x == b'-')
            && c.eat(dig)
            && c.eat(dig)
            && c.eat(|x| x == b'-')
            && c.eat(dig)
            && c.eat(dig)
            && c.done()
    };
    if date {
        return true;
    }
    let mut c = Cur { b, i: 0 };
    let head = four(&mut c)
        && c.eat(|x| x == b'-')
        && one_or_two(&mut c)
        && c.eat(|x| x == b'-')
        && one_or_two(&mut c)
        && (c.eat(|x| x == b'T' || x == b't') || c.eat_while(|x| x == b' ' || x == b'\t') > 0)
        && one_or_two(&mut c)
        && c.eat(|x| x == b':')
        && c.eat(dig)
        && c.eat(dig)
        && c.eat(|x| x == b':')
        && c.eat(dig)
        && c.eat(dig);
    if !head {
        return false;
    }
    if c.eat(|x| x == b'.') {
        c.eat_while(dig);
    }
    c.eat_while(|x| x == b' ' || x == b'\t');
    if c.done() {
        return true;
    }
    // (?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?)
    if c.eat(|x| x == b'Z') {
        return c.done();
    }
    if c.eat(|x| x == b'-' || x == b'+') && one_or_two(&mut c) {
        if c.done() {
            return true;
        }
        return c.eat(|x| x == b':') && c.eat(dig) && c.eat(dig) && c.done();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolvers() {
        for s in [
            "yes",
            "NO",
            "on",
            "~",
            "",
            "null",
            "1.0",
            "123",
            "-5",
            "0x1F",
            "0b101",
            "017",
            "1_000",
            "12:30",
            "1:20.5",
            ".5",
            ".inf",
            "-.Inf",
            ".NaN",
            "1.5e+3",
            "2024-06-01",
            "2024-06-01T12:00:00+00:00",
            "2024-6-1 1:00:00",
            "2024-06-02T08:30:15.250000+00:00",
            "2024-06-01T12:00:00Z",
            "<<",
            "=",
            "yes\n",
            "1:2:3",
        ] {
            assert!(
                resolves_to_non_str(s),
                "{s:?} should resolve to a non-str tag"
            );
        }
        for s in [
            "y",
            "n",
            "0o17",
            "089",
            "1e3",
            "1.5e3",
            "abc",
            "2024-06-01T12",
            "+",
            "-",
            "12:60",
        ] {
            assert!(!resolves_to_non_str(s), "{s:?} should stay a str");
        }
    }
}
