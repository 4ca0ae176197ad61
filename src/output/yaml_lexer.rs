//! `-o yamlc`: knack's `format_yaml_color` is `highlight(yaml_text, YamlLexer(), TerminalFormatter())`.
//! This is a port of pygments' `YamlLexer` (an `ExtendedRegexLexer` with an indentation context), rule for
//! rule, so that the token boundaries — and therefore the ANSI sequences — come out identical.
//!
//! Notable pygments behaviours reproduced:
//! * every token is coloured separately, so a run of whitespace split over two rules gets two colour
//!   wrappers; spaces *inside* quoted scalars are `Name.Variable` (red), quoted text is `String` (yellow),
//!   `''` and `\xNN` escapes are `String.Escape`, keys are `Name.Tag` (bright blue), plain scalars and
//!   punctuation are uncoloured, `...` is `Name.Namespace` (underlined cyan);
//! * characters no rule accepts (e.g. U+00A0, U+0085, U+2028 inside a quoted scalar, which Python's `\s`
//!   treats as whitespace) become underlined bright red `Error` tokens;
//! * a newline no rule accepts resets the state stack to `root` and is an uncoloured `Text` token;
//! * Python slicing with a negative index in `save_indent` when the indentation drops to -1.
//!
//! * literal/folded block scalar rules (PyYAML never writes `|`/`>` scalars, but the lexer reaches these
//!   states when an error token, e.g. a leading U+00A0, is followed by `|` or `>`).
//!
//! Not ported (PyYAML's `safe_dump` output never has `%` at column 0): the `%YAML`/`%TAG` directive rules.

use super::color::{
    self, BRIGHT_BLUE, CYAN, GRAY, NONE, RED, UNDERLINE_BRIGHT_RED, UNDERLINE_CYAN, YELLOW,
};
use super::py;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Whitespace,
    WhitespaceError,
    Comment,
    NameTag,
    NameNamespace,
    NameVariable,
    NameConstant,
    NameLabel,
    KeywordType,
    Punct,
    PunctIndicator,
    Str,
    StrEscape,
    Plain,
    Error,
    Text,
}

impl Tok {
    /// TerminalFormatter's colour for the token type (walking up to the nearest styled parent).
    fn color(self) -> &'static str {
        match self {
            Tok::Whitespace | Tok::WhitespaceError | Tok::Comment => GRAY,
            Tok::NameTag => BRIGHT_BLUE,
            Tok::NameNamespace => UNDERLINE_CYAN,
            Tok::NameVariable | Tok::NameConstant => RED,
            Tok::KeywordType => CYAN,
            Tok::Str | Tok::StrEscape => YELLOW,
            Tok::Error => UNDERLINE_BRIGHT_RED,
            Tok::NameLabel | Tok::Punct | Tok::PunctIndicator | Tok::Plain | Tok::Text => NONE,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    Root,
    Indentation,
    BlockLine,
    FlowSequence,
    FlowMapping,
    SingleQuoted,
    DoubleQuoted,
    PlainBlockNewLine,
    PlainBlock,
    PlainFlow,
    IgnoredLine,
    BlockScalarHeader,
    BlockScalarContent,
}

/// Colour `text` (PyYAML output) as pygments' YamlLexer + TerminalFormatter would.
pub(crate) fn highlight(text: &str) -> String {
    // Lexer.get_tokens preprocessing: \r\n and \r -> \n, strip leading/trailing newlines, ensure one final \n.
    let mut src = text.replace("\r\n", "\n").replace('\r', "\n");
    src = src.trim_matches('\n').to_owned();
    src.push('\n');
    let mut lx = Lexer::new(&src);
    lx.run();
    let mut out = String::with_capacity(src.len() * 2);
    for (tok, value) in &lx.tokens {
        color::write_token(&mut out, tok.color(), value);
    }
    out
}

struct Lexer {
    t: Vec<char>,
    pos: usize,
    stack: Vec<State>,
    indent: i64,
    indent_stack: Vec<i64>,
    next_indent: i64,
    block_scalar_indent: Option<i64>,
    tokens: Vec<(Tok, String)>,
}

/// Python's `\s` for str patterns.
fn is_s(c: char) -> bool {
    py::is_space(c)
}

/// `\w` for str patterns (Unicode alphanumerics and underscore).
fn is_w(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_tag_char(c: char) -> bool {
    is_w(c) || "#;/?:@&=+$,.!~*'()[]%-".contains(c)
}

impl Lexer {
    fn new(src: &str) -> Lexer {
        Lexer {
            t: src.chars().collect(),
            pos: 0,
            stack: vec![State::Root],
            indent: -1,
            indent_stack: Vec::new(),
            next_indent: 0,
            block_scalar_indent: None,
            tokens: Vec::new(),
        }
    }

    fn at(&self, p: usize) -> Option<char> {
        self.t.get(p).copied()
    }
    /// `$` in MULTILINE mode: end of text or before a newline.
    fn eol(&self, p: usize) -> bool {
        p >= self.t.len() || self.t[p] == '\n'
    }
    /// `^` in MULTILINE mode.
    fn bol(&self, p: usize) -> bool {
        p == 0 || self.t[p - 1] == '\n'
    }
    fn count(&self, p: usize, f: impl Fn(char) -> bool) -> usize {
        self.t[p.min(self.t.len())..]
            .iter()
            .take_while(|&&c| f(c))
            .count()
    }
    fn spaces(&self, p: usize) -> usize {
        self.count(p, |c| c == ' ')
    }
    fn emit(&mut self, tok: Tok, len: usize) {
        let s: String = self.t[self.pos..self.pos + len].iter().collect();
        self.pos += len;
        if !s.is_empty() {
            self.tokens.push((tok, s));
        }
    }
    fn emit_str(&mut self, tok: Tok, s: String) {
        if !s.is_empty() {
            self.tokens.push((tok, s));
        }
    }
    fn pop(&mut self, n: usize) {
        for _ in 0..n {
            if self.stack.len() > 1 {
                self.stack.pop();
            }
        }
    }
    fn push(&mut self, s: State) {
        self.stack.push(s);
    }
    /// `set_indent` callback.
    fn set_indent(&mut self, tok: Tok, implicit: bool, len: usize) {
        if self.indent < self.next_indent {
            self.indent_stack.push(self.indent);
            self.indent = self.next_indent;
        }
        if !implicit {
            self.next_indent += len as i64;
        }
        self.emit(tok, len);
    }

    fn run(&mut self) {
        let mut stalled = 0;
        loop {
            let before = (self.pos, self.stack.len());
            let state = *self.stack.last().unwrap_or(&State::Root);
            let matched = match state {
                State::Root => self.root(),
                State::Indentation => self.indentation(),
                State::BlockLine => self.block_line(),
                State::FlowSequence => self.flow_collection(false),
                State::FlowMapping => self.flow_collection(true),
                State::SingleQuoted => self.single_quoted(),
                State::DoubleQuoted => self.double_quoted(),
                State::PlainBlockNewLine => self.plain_block_new_line(),
                State::PlainBlock => self.plain_block(),
                State::PlainFlow => self.plain_flow(),
                State::IgnoredLine => self.ignored_line(),
                State::BlockScalarHeader => self.block_scalar_header(),
                State::BlockScalarContent => self.block_scalar_content(),
            };
            if matched {
                // Guard against zero-width loops (pygments itself would spin forever).
                stalled = if (self.pos, self.stack.len()) == before {
                    stalled + 1
                } else {
                    0
                };
                if stalled < 64 {
                    continue;
                }
            }
            if self.pos >= self.t.len() {
                break;
            }
            if self.t[self.pos] == '\n' {
                self.stack = vec![State::Root];
                self.emit(Tok::Text, 1);
            } else {
                self.emit(Tok::Error, 1);
            }
            stalled = 0;
        }
    }

    fn root(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        // [ ]+(?=#|$)
        if n > 0 && (self.at(p + n) == Some('#') || self.eol(p + n)) {
            self.emit(Tok::Whitespace, n);
            return true;
        }
        // \n+
        let nl = self.count(p, |c| c == '\n');
        if nl > 0 {
            self.emit(Tok::Whitespace, nl);
            return true;
        }
        // #[^\n]*
        if self.at(p) == Some('#') {
            let len = self.count(p, |c| c != '\n');
            self.emit(Tok::Comment, len);
            return true;
        }
        // ^(?:---|\.\.\.)(?=[ ]|$) -> reset_indent(Name.Namespace), 'block-line'
        if self.bol(p) && p + 3 <= self.t.len() {
            let three: String = self.t[p..p + 3].iter().collect();
            if (three == "---" || three == "...")
                && (self.at(p + 3) == Some(' ') || self.eol(p + 3))
            {
                self.indent_stack.clear();
                self.indent = -1;
                self.next_indent = 0;
                self.block_scalar_indent = None;
                self.emit(Tok::NameNamespace, 3);
                self.push(State::BlockLine);
                return true;
            }
        }
        // [ ]*(?!\s|$) -> save_indent(Whitespace, start=True), ('block-line', 'indentation')
        if self.at(p + n).is_some_and(|c| !is_s(c)) {
            self.save_indent_start(n);
            self.push(State::BlockLine);
            self.push(State::Indentation);
            return true;
        }
        false
    }

    /// `save_indent(Whitespace, start=True)`.
    fn save_indent_start(&mut self, n: usize) {
        self.next_indent = n as i64;
        let mut text_len = n;
        let mut extra_len = 0;
        if self.next_indent < self.indent {
            while self.next_indent < self.indent {
                self.indent = self.indent_stack.pop().unwrap_or(-1);
            }
            if self.next_indent > self.indent {
                // extra = text[indent:]; text = text[:indent]  (Python slicing, indent may be -1)
                let cut = if self.indent < 0 {
                    (n as i64 + self.indent).max(0) as usize
                } else {
                    (self.indent as usize).min(n)
                };
                text_len = cut;
                extra_len = n - cut;
            }
        }
        let text: String = " ".repeat(text_len);
        let extra: String = " ".repeat(extra_len);
        self.pos += n;
        self.emit_str(Tok::Whitespace, text);
        self.emit_str(Tok::WhitespaceError, extra);
    }

    fn indentation(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        // [ ]*$ -> something(Whitespace), '#pop:2'
        if self.eol(p + n) {
            self.emit(Tok::Whitespace, n);
            self.pop(2);
            return true;
        }
        let indicator_at = |lx: &Lexer, q: usize| {
            lx.at(q).is_some_and(|c| "?:-".contains(c))
                && (lx.at(q + 1) == Some(' ') || lx.eol(q + 1))
        };
        // [ ]+(?=[?:-](?:[ ]|$)) -> save_indent(Whitespace)
        if n > 0 && indicator_at(self, p + n) {
            self.next_indent += n as i64;
            self.emit(Tok::Whitespace, n);
            return true;
        }
        // [?:-](?=[ ]|$) -> set_indent(Punctuation.Indicator)
        if indicator_at(self, p) {
            self.set_indent(Tok::PunctIndicator, false, 1);
            return true;
        }
        // [ ]* -> save_indent(Whitespace), '#pop'
        self.next_indent += n as i64;
        self.emit(Tok::Whitespace, n);
        self.pop(1);
        true
    }

    /// `([^#,?\[\]{}"'\n]+)(:)(?=[ ]|$)` (block) or `([^,:?\[\]{}"'\n]+)(:)(?=[ ]|$)` (flow mapping):
    /// returns the length of group 1 (greedy: the last qualifying colon).
    fn key_with_colon(&self, flow: bool) -> Option<usize> {
        let p = self.pos;
        let excluded = if flow { ",:?[]{}\"'\n" } else { "#,?[]{}\"'\n" };
        let run = self.count(p, |c| !excluded.contains(c));
        if flow {
            let q = p + run;
            return (run > 0
                && self.at(q) == Some(':')
                && (self.at(q + 1) == Some(' ') || self.eol(q + 1)))
            .then_some(run);
        }
        (1..run).rev().find(|&k| {
            self.t[p + k] == ':' && (self.at(p + k + 1) == Some(' ') || self.eol(p + k + 1))
        })
    }

    /// The 'descriptors' rules (tags, anchors, aliases).
    fn descriptors(&mut self) -> bool {
        let p = self.pos;
        match self.at(p) {
            Some('!') => {
                if self.at(p + 1) == Some('<') {
                    let n = self.count(p + 2, |c| is_tag_char(c) && c != '>');
                    if n > 0 && self.at(p + 2 + n) == Some('>') {
                        self.emit(Tok::KeywordType, n + 3);
                        return true;
                    }
                }
                let n = self.count(p + 1, is_tag_char);
                self.emit(Tok::KeywordType, n + 1);
                true
            }
            Some('&') | Some('*') => {
                let n = self.count(p + 1, |c| is_w(c) || c == '-');
                if n == 0 {
                    return false;
                }
                let tok = if self.at(p) == Some('&') {
                    Tok::NameLabel
                } else {
                    Tok::NameVariable
                };
                self.emit(tok, n + 1);
                true
            }
            _ => false,
        }
    }

    /// The 'flow-nodes' rules.
    fn flow_nodes(&mut self) -> bool {
        match self.at(self.pos) {
            Some('[') => {
                self.emit(Tok::PunctIndicator, 1);
                self.push(State::FlowSequence);
            }
            Some('{') => {
                self.emit(Tok::PunctIndicator, 1);
                self.push(State::FlowMapping);
            }
            Some('\'') => {
                self.emit(Tok::Str, 1);
                self.push(State::SingleQuoted);
            }
            Some('"') => {
                self.emit(Tok::Str, 1);
                self.push(State::DoubleQuoted);
            }
            _ => return false,
        }
        true
    }

    fn block_line(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        // [ ]*(?=#|$) -> something(Whitespace), '#pop'
        if self.at(p + n) == Some('#') || self.eol(p + n) {
            self.emit(Tok::Whitespace, n);
            self.pop(1);
            return true;
        }
        // [ ]+
        if n > 0 {
            self.emit(Tok::Whitespace, n);
            return true;
        }
        // key with colon -> Name.Tag, set_indent(Punctuation, implicit=True)
        if let Some(k) = self.key_with_colon(false) {
            self.emit(Tok::NameTag, k);
            self.set_indent(Tok::Punct, true, 1);
            return true;
        }
        if self.descriptors() {
            return true;
        }
        // block-nodes: :(?=[ ]|$) -> set_indent(Punctuation.Indicator, implicit=True)
        if self.at(p) == Some(':') && (self.at(p + 1) == Some(' ') || self.eol(p + 1)) {
            self.set_indent(Tok::PunctIndicator, true, 1);
            return true;
        }
        // block-nodes: [|>] -> Punctuation.Indicator, ('block-scalar-content', 'block-scalar-header')
        if matches!(self.at(p), Some('|') | Some('>')) {
            self.emit(Tok::PunctIndicator, 1);
            self.push(State::BlockScalarContent);
            self.push(State::BlockScalarHeader);
            return true;
        }
        if self.flow_nodes() {
            return true;
        }
        // (?=[^\s?:,\[\]{}#&*!|>'"%@`-]|[?:-]\S) -> 'plain-scalar-in-block-context'
        let c = match self.at(p) {
            Some(c) => c,
            None => return false,
        };
        let starts_plain = (!is_s(c) && !"?:,[]{}#&*!|>'\"%@`-".contains(c))
            || ("?:-".contains(c) && self.at(p + 1).is_some_and(|d| !is_s(d)));
        if starts_plain {
            self.push(State::PlainBlock);
            return true;
        }
        false
    }

    fn flow_collection(&mut self, mapping: bool) -> bool {
        let p = self.pos;
        if mapping && let Some(k) = self.key_with_colon(true) {
            self.emit(Tok::NameTag, k);
            self.emit(Tok::Punct, 1);
            return true;
        }
        let n = self.spaces(p);
        if n > 0 {
            self.emit(Tok::Whitespace, n);
            return true;
        }
        let nl = self.count(p, |c| c == '\n');
        if nl > 0 {
            self.emit(Tok::Whitespace, nl);
            return true;
        }
        match self.at(p) {
            Some('#') => {
                let len = self.count(p, |c| c != '\n');
                self.emit(Tok::Comment, len);
                return true;
            }
            Some('?') | Some(':') | Some(',') => {
                self.emit(Tok::PunctIndicator, 1);
                return true;
            }
            _ => {}
        }
        if self.descriptors() || self.flow_nodes() {
            return true;
        }
        if let Some(c) = self.at(p)
            && !is_s(c)
            && !"?:,[]{}#&*!|>'\"%@`".contains(c)
        {
            self.push(State::PlainFlow);
            return true;
        }
        let close = if mapping { '}' } else { ']' };
        if self.at(p) == Some(close) {
            self.emit(Tok::PunctIndicator, 1);
            self.pop(1);
            return true;
        }
        false
    }

    /// 'quoted-scalar-whitespaces'.
    fn quoted_whitespace(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        if n > 0 && (self.bol(p) || self.eol(p + n)) {
            self.emit(Tok::Whitespace, n);
            return true;
        }
        let nl = self.count(p, |c| c == '\n');
        if nl > 0 {
            self.emit(Tok::Whitespace, nl);
            return true;
        }
        let sp = self.count(p, |c| c == ' ' || c == '\u{a0}');
        if sp > 0 {
            self.emit(Tok::NameVariable, sp);
            return true;
        }
        false
    }

    fn single_quoted(&mut self) -> bool {
        if self.quoted_whitespace() {
            return true;
        }
        let p = self.pos;
        if self.at(p) == Some('\'') && self.at(p + 1) == Some('\'') {
            self.emit(Tok::StrEscape, 2);
            return true;
        }
        let n = self.count(p, |c| !is_s(c) && c != '\'');
        if n > 0 {
            self.emit(Tok::Str, n);
            return true;
        }
        if self.at(p) == Some('\'') {
            self.emit(Tok::Str, 1);
            self.pop(1);
            return true;
        }
        false
    }

    fn double_quoted(&mut self) -> bool {
        if self.quoted_whitespace() {
            return true;
        }
        let p = self.pos;
        if self.at(p) == Some('\\') {
            // \\[0abt\tn\nvfre "\\N_LP]
            if self
                .at(p + 1)
                .is_some_and(|c| "0abt\tn\nvfre \"\\N_LP".contains(c))
            {
                self.emit(Tok::Str, 2);
                return true;
            }
            // \\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})
            let hex_len = match self.at(p + 1) {
                Some('x') => 2,
                Some('u') => 4,
                Some('U') => 8,
                _ => 0,
            };
            if hex_len > 0 && self.count(p + 2, |c| c.is_ascii_hexdigit()) >= hex_len {
                self.emit(Tok::StrEscape, 2 + hex_len);
                return true;
            }
        }
        let n = self.count(p, |c| !is_s(c) && c != '"' && c != '\\');
        if n > 0 {
            self.emit(Tok::Str, n);
            return true;
        }
        if self.at(p) == Some('"') {
            self.emit(Tok::Str, 1);
            self.pop(1);
            return true;
        }
        false
    }

    fn plain_block_new_line(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        // ^[ ]+$
        if self.bol(p) && n > 0 && self.eol(p + n) {
            self.emit(Tok::Whitespace, n);
            return true;
        }
        // \n+
        let nl = self.count(p, |c| c == '\n');
        if nl > 0 {
            self.emit(Tok::Whitespace, nl);
            return true;
        }
        if !self.bol(p) {
            return false;
        }
        // ^(?=---|\.\.\.) -> '#pop:3'
        let rest: String = self.t[p..(p + 3).min(self.t.len())].iter().collect();
        if rest == "---" || rest == "..." {
            self.pop(3);
            return true;
        }
        // ^[ ]* -> parse_plain_scalar_indent(Whitespace), '#pop'
        if (n as i64) <= self.indent {
            // the callback pops twice, then '#pop' once more
            self.pop(3);
        } else {
            self.emit(Tok::Whitespace, n);
            self.pop(1);
        }
        true
    }

    fn plain_block(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        // [ ]*(?=:[ ]|:$) -> something(Whitespace), '#pop'
        if self.at(p + n) == Some(':') && (self.at(p + n + 1) == Some(' ') || self.eol(p + n + 1)) {
            self.emit(Tok::Whitespace, n);
            self.pop(1);
            return true;
        }
        if n > 0 {
            // [ ]+(?=#) -> Whitespace, '#pop'
            if self.at(p + n) == Some('#') {
                self.emit(Tok::Whitespace, n);
                self.pop(1);
                return true;
            }
            // [ ]+$
            if self.eol(p + n) {
                self.emit(Tok::Whitespace, n);
                return true;
            }
        }
        // \n+ -> 'plain-scalar-in-block-context-new-line'
        let nl = self.count(p, |c| c == '\n');
        if nl > 0 {
            self.emit(Tok::Whitespace, nl);
            self.push(State::PlainBlockNewLine);
            return true;
        }
        // [ \xa0]+
        let sp = self.count(p, |c| c == ' ' || c == '\u{a0}');
        if sp > 0 {
            self.emit(Tok::Plain, sp);
            return true;
        }
        // (?::(?!\s)|[^\s:])+
        let mut q = p;
        while let Some(c) = self.at(q) {
            let ok = if c == ':' {
                !self.at(q + 1).is_some_and(is_s)
            } else {
                !is_s(c)
            };
            if !ok {
                break;
            }
            q += 1;
        }
        if q > p {
            self.emit(Tok::Plain, q - p);
            return true;
        }
        false
    }

    fn plain_flow(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        // [ ]*(?=[,:?\[\]{}]) -> something(Whitespace), '#pop'
        if self.at(p + n).is_some_and(|c| ",:?[]{}".contains(c)) {
            self.emit(Tok::Whitespace, n);
            self.pop(1);
            return true;
        }
        if n > 0 {
            if self.at(p + n) == Some('#') {
                self.emit(Tok::Whitespace, n);
                self.pop(1);
                return true;
            }
            if self.bol(p) || self.eol(p + n) {
                self.emit(Tok::Whitespace, n);
                return true;
            }
        }
        let nl = self.count(p, |c| c == '\n');
        if nl > 0 {
            self.emit(Tok::Whitespace, nl);
            return true;
        }
        let sp = self.count(p, |c| c == ' ' || c == '\u{a0}');
        if sp > 0 {
            self.emit(Tok::NameVariable, sp);
            return true;
        }
        let k = self.count(p, |c| !is_s(c) && !",:?[]{}".contains(c));
        if k > 0 {
            self.emit(Tok::NameVariable, k);
            return true;
        }
        false
    }

    /// 'ignored-line': trailing whitespace/comment after a block scalar indicator.
    fn ignored_line(&mut self) -> bool {
        let p = self.pos;
        let n = self.spaces(p);
        if n > 0 && (self.at(p + n) == Some('#') || self.eol(p + n)) {
            self.emit(Tok::Whitespace, n);
            return true;
        }
        match self.at(p) {
            Some('#') => {
                let len = self.count(p, |c| c != '\n');
                self.emit(Tok::Comment, len);
                true
            }
            Some('\n') => {
                self.emit(Tok::Whitespace, 1);
                self.pop(2);
                true
            }
            _ => false,
        }
    }

    /// 'block-scalar-header': `([1-9])?[+-]?(?=[ ]|$)` then `[+-]?([1-9])?(?=[ ]|$)`, both through
    /// `set_block_scalar_indent`, then 'ignored-line'.
    fn block_scalar_header(&mut self) -> bool {
        let p = self.pos;
        let ends = |lx: &Lexer, q: usize| lx.at(q) == Some(' ') || lx.eol(q);
        let digit = |c: Option<char>| c.filter(|c| ('1'..='9').contains(c));
        let sign = |c: Option<char>| c.filter(|c| *c == '+' || *c == '-');
        // Candidate (length, increment) for each alternative, in the regexes' backtracking order:
        // rule 1 tries digit+sign, digit, (sign), empty; rule 2 tries sign+digit, sign, (digit), empty.
        let mut candidates: Vec<(usize, Option<char>)> = Vec::new();
        let d = digit(self.at(p));
        let dl = usize::from(d.is_some());
        if sign(self.at(p + dl)).is_some() {
            candidates.push((dl + 1, d));
        }
        candidates.push((dl, d));
        candidates.push((0, None));
        let sl = usize::from(sign(self.at(p)).is_some());
        let d2 = digit(self.at(p + sl));
        if d2.is_some() {
            candidates.push((sl + 1, d2));
        }
        candidates.push((sl, None));
        let Some(&(len, increment)) = candidates.iter().find(|(len, _)| ends(self, p + len)) else {
            return false;
        };
        self.block_scalar_indent = None;
        if len > 0 {
            if let Some(inc) = increment {
                let current = self.indent.max(0);
                self.block_scalar_indent = Some(current + i64::from(inc as u8 - b'0'));
            }
            self.emit(Tok::PunctIndicator, len);
        }
        self.push(State::IgnoredLine);
        true
    }

    /// 'block-scalar-content'.
    fn block_scalar_content(&mut self) -> bool {
        let p = self.pos;
        if self.at(p) == Some('\n') {
            self.emit(Tok::Whitespace, 1);
            return true;
        }
        let n = self.spaces(p);
        if self.bol(p) && n > 0 && self.eol(p + n) {
            // parse_block_scalar_empty_line(Whitespace, Name.Constant)
            match self.block_scalar_indent {
                Some(bsi) if n as i64 > bsi => {
                    self.emit(Tok::Whitespace, bsi as usize);
                    self.emit(Tok::NameConstant, n - bsi as usize);
                }
                _ => self.emit(Tok::Whitespace, n),
            }
            return true;
        }
        if self.bol(p) {
            // parse_block_scalar_indent(Whitespace)
            match self.block_scalar_indent {
                None => {
                    if n as i64 <= self.indent.max(0) {
                        self.pop(2);
                        return true;
                    }
                    self.block_scalar_indent = Some(n as i64);
                }
                Some(bsi) => {
                    if (n as i64) < bsi {
                        self.pop(2);
                        return true;
                    }
                }
            }
            if n > 0 {
                self.emit(Tok::Whitespace, n);
                return true;
            }
        }
        // [\S\t ]+
        let k = self.count(p, |c| !is_s(c) || c == '\t' || c == ' ');
        if k > 0 {
            self.emit(Tok::NameConstant, k);
            return true;
        }
        false
    }
}
