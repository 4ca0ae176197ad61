//! ANSI colouring as pygments' `TerminalFormatter` (light background, knack's `jsonc`/`yamlc`) writes it.

/// pygments `console.codes` for the colours its `TERMINAL_COLORS` scheme uses with a light background.
pub(crate) const GRAY: &str = "\x1b[37m"; // Whitespace, Comment
pub(crate) const RED: &str = "\x1b[31m"; // Name.Variable, Name.Constant
pub(crate) const YELLOW: &str = "\x1b[33m"; // String
pub(crate) const BLUE: &str = "\x1b[34m"; // Number, Keyword (JSON numbers and true/false/null)
pub(crate) const CYAN: &str = "\x1b[36m"; // Keyword.Type
pub(crate) const BRIGHT_BLUE: &str = "\x1b[94m"; // Name.Tag
/// `_cyan_`: underline + cyan (Name.Namespace, e.g. YAML's `...`).
pub(crate) const UNDERLINE_CYAN: &str = "\x1b[04m\x1b[36m";
/// `_brightred_`: underline + bright red (Error tokens).
pub(crate) const UNDERLINE_BRIGHT_RED: &str = "\x1b[04m\x1b[91m";
/// Tokens without a colour (Punctuation, Text, Literal.Scalar.Plain, Name.Label, ...).
pub(crate) const NONE: &str = "";
const RESET: &str = "\x1b[39;49;00m";

/// `TerminalFormatter.format_unencoded` for one token: the value is cut with `splitlines(keepends=True)`,
/// every piece is wrapped in colour + reset *without* its trailing `\n` (so an empty piece still
/// produces `ESC[37mESC[39;49;00m`), and the `\n` is written after the reset.
pub(crate) fn write_token(out: &mut String, color: &str, text: &str) {
    if color.is_empty() {
        out.push_str(text);
        return;
    }
    for piece in split_keepends(text) {
        let body = piece.trim_end_matches('\n');
        out.push_str(color);
        out.push_str(body);
        out.push_str(RESET);
        if piece.ends_with('\n') {
            out.push('\n');
        }
    }
}

/// Python's `str.splitlines(keepends=True)`.
fn split_keepends(s: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\u{0b}'
                | '\u{0c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + c.len_utf8();
            if c == '\r'
                && let Some(&(j, '\n')) = iter.peek()
            {
                iter.next();
                end = j + 1;
            }
            pieces.push(&s[start..end]);
            start = end;
        }
    }
    if start < s.len() {
        pieces.push(&s[start..]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_lines_still_get_wrapped() {
        let mut out = String::new();
        write_token(&mut out, GRAY, "\n  ");
        assert_eq!(out, "\x1b[37m\x1b[39;49;00m\n\x1b[37m  \x1b[39;49;00m");
    }

    #[test]
    fn unicode_line_separators_split_tokens() {
        let mut out = String::new();
        write_token(&mut out, YELLOW, "\"a\u{2028}b\"");
        assert_eq!(
            out,
            "\x1b[33m\"a\u{2028}\x1b[39;49;00m\x1b[33mb\"\x1b[39;49;00m"
        );
    }
}
