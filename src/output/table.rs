//! `-o table`: knack's `_TableOutput` (auto-table) feeding
//! `tabulate(rows, headers="keys", tablefmt="simple", disable_numparse=True)`.
//!
//! knack part (`_auto_table_item`):
//! * the result is a list of rows, or a single row (`[result]`);
//! * a dict row keeps its keys sorted (no `--query`, no transformer), in query order (`OrderedDict` from
//!   a multiselect hash) or in the transformer's order; keys `id`, `type`, `etag` are dropped, and so
//!   are values that are `None`, lists or dicts; the header is the key with its first character
//!   upper-cased (two keys that capitalise alike share one column, first position, last value);
//! * a list row becomes `Column1..N` (values kept as they are, containers printed with `repr()`);
//! * any other row becomes a `Result` column;
//! * an empty result list prints just `\n`.
//!
//! tabulate part ("simple" format, tabulate 0.10 with `wcwidth` installed as in az's bundled Python):
//! * headers = union of row keys in order of first appearance; a missing cell prints as empty;
//! * with `disable_numparse` every column is a string/bool column, so everything is left-aligned and
//!   each cell is `str(value)` with Python's whitespace `strip()` applied;
//! * column width = `max(width(header) + 2, width(cells))` where width is `wcwidth.wcswidth`
//!   (CJK = 2, combining = 0, control characters make the whole string `-1`);
//! * header row, a rule of `-` per column, then the rows; columns joined by two spaces; every line is
//!   `rstrip()`ped (no trailing padding);
//! * if any header or string cell contains `\r`/`\n`, the table is "multiline": cells are split with
//!   `splitlines()` and short cells are padded with blank lines;
//! * if any header or cell contains an ANSI CSI sequence or OSC 8 hyperlink, widths are measured on the
//!   text with those sequences removed (tabulate's `has_invisible`).

use serde_json::Value;

use super::{Row, ordered_entries, py};

/// Keys knack's auto-table never shows.
const SKIP_KEYS: [&str; 3] = ["id", "type", "etag"];

/// knack's message when table formatting fails (its `CLIError`).
pub(crate) const TABLE_UNAVAILABLE: &str = "Table output unavailable. Use the --query option to specify an appropriate query. Use --debug for more info.";

/// Rows as knack's `_auto_table` builds them: ordered (header, value) pairs.
type TableRow = Vec<(String, Value)>;

/// Auto-table over a plain result (`columns` = query multiselect order for dict rows, else sorted).
pub(crate) fn render_value(
    value: &Value,
    columns: Option<&[String]>,
) -> Result<String, &'static str> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let rows: Vec<TableRow> = items
        .into_iter()
        .map(|item| match item {
            Value::Object(map) => auto_table_dict(ordered_entries(map, columns)),
            other => auto_table_other(other),
        })
        .collect();
    dump(rows)
}

/// Auto-table over a table transformer's ordered rows (knack keeps the transformer's key order).
pub(crate) fn render_rows(rows: &[Row]) -> Result<String, &'static str> {
    let rows = rows
        .iter()
        .map(|row| auto_table_dict(row.iter().map(|(k, v)| (k.as_str(), v)).collect()))
        .collect();
    dump(rows)
}

fn auto_table_dict(entries: Vec<(&str, &Value)>) -> TableRow {
    let mut row: TableRow = Vec::new();
    for (k, v) in entries {
        if SKIP_KEYS.contains(&k) || matches!(v, Value::Null | Value::Array(_) | Value::Object(_)) {
            continue;
        }
        let header = capitalize_first(k);
        // OrderedDict assignment: an existing key keeps its position and takes the new value.
        if let Some(slot) = row.iter_mut().find(|(h, _)| *h == header) {
            slot.1 = v.clone();
        } else {
            row.push((header, v.clone()));
        }
    }
    row
}

/// Non-dict rows: `item.keys()` raises AttributeError, so lists become `ColumnN`, scalars `Result`.
fn auto_table_other(item: &Value) -> TableRow {
    match item {
        Value::Array(values) => values
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("Column{}", i + 1), v.clone()))
            .collect(),
        other => vec![("Result".to_owned(), other.clone())],
    }
}

/// `x[0].upper() + x[1:]`.
fn capitalize_first(k: &str) -> String {
    let mut chars = k.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// knack `_TableOutput.dump`: tabulate, then append `\n`.
fn dump(rows: Vec<TableRow>) -> Result<String, &'static str> {
    if rows.is_empty() {
        return Ok("\n".to_owned());
    }
    let table = tabulate(&rows);
    if table == "\n" {
        // knack: `raise ValueError('Unable to extract fields for table.')`, reported as CLIError.
        return Err(TABLE_UNAVAILABLE);
    }
    Ok(table + "\n")
}

/// tabulate's `_format` with `disable_numparse=True` (missing values print as "").
fn format_cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => py::str_of(v),
    }
}

fn tabulate(rows: &[TableRow]) -> String {
    // _normalize_tabular_data: headers = keys in order of first appearance.
    let mut headers: Vec<&str> = Vec::new();
    for row in rows {
        for (k, _) in row {
            if !headers.contains(&k.as_str()) {
                headers.push(k);
            }
        }
    }
    if headers.is_empty() {
        // No columns: tabulate returns "" (knack then prints "\n").
        return String::new();
    }
    let raw: Vec<Vec<Option<&Value>>> = rows
        .iter()
        .map(|row| {
            headers
                .iter()
                .map(|h| row.iter().find(|(k, _)| k == h).map(|(_, v)| v))
                .collect()
        })
        .collect();

    // Multiline mode is chosen from the raw text (headers and str() of the cells).
    let is_multiline = headers.iter().any(|h| h.contains(['\r', '\n']))
        || raw
            .iter()
            .flatten()
            .any(|v| matches!(v, Some(Value::String(s)) if s.contains(['\r', '\n'])));
    // has_invisible: tabulate searches the same text for ANSI codes and then measures visible widths.
    let has_invisible = headers.iter().any(|h| has_ansi(h))
        || raw
            .iter()
            .flatten()
            .any(|v| matches!(v, Some(Value::String(s)) if has_ansi(s)));
    let line_width = |s: &str| -> isize {
        if has_invisible {
            wcswidth(&strip_ansi(s))
        } else {
            wcswidth(s)
        }
    };
    let width_fn = |s: &str| -> isize {
        if is_multiline {
            py::split_cr_lf(s)
                .into_iter()
                .map(line_width)
                .max()
                .unwrap_or(0)
        } else {
            line_width(s)
        }
    };

    let ncols = headers.len();
    let mut cols: Vec<Vec<String>> = Vec::with_capacity(ncols);
    let mut widths: Vec<isize> = Vec::with_capacity(ncols);
    for (c, header) in headers.iter().enumerate() {
        let minwidth = width_fn(header) + 2;
        // _align_column: left alignment strips the cells (PRESERVE_WHITESPACE is False).
        let cells: Vec<String> = raw
            .iter()
            .map(|r| py::strip(&format_cell(r[c])).to_owned())
            .collect();
        let padded = align_left(&cells, minwidth, is_multiline, &line_width);
        // minwidths = max(minwidth, max(width(padded cell))).
        let width = padded
            .iter()
            .map(|s| width_fn(s))
            .fold(minwidth, isize::max);
        cols.push(padded);
        widths.push(width);
    }
    let padded_headers: Vec<String> = headers
        .iter()
        .zip(&widths)
        .map(|(h, &w)| {
            if is_multiline {
                // re.split(r"\r|\n|\r\n", header): every \r and \n separates.
                py::split_cr_lf(h)
                    .into_iter()
                    .map(|line| align_header(line, w, &line_width))
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                align_header(h, w, &line_width)
            }
        })
        .collect();

    let mut lines: Vec<String> = Vec::new();
    let rule: Vec<String> = widths
        .iter()
        .map(|&w| "-".repeat(w.max(0) as usize))
        .collect();
    if is_multiline {
        append_multiline_row(&mut lines, &padded_headers, &widths);
        lines.push(py::rstrip(&rule.join("  ")).to_owned());
        for r in 0..rows.len() {
            let cells: Vec<String> = cols.iter().map(|col| col[r].clone()).collect();
            append_multiline_row(&mut lines, &cells, &widths);
        }
    } else {
        lines.push(py::rstrip(&padded_headers.join("  ")).to_owned());
        lines.push(py::rstrip(&rule.join("  ")).to_owned());
        for r in 0..rows.len() {
            let cells: Vec<&str> = cols.iter().map(|col| col[r].as_str()).collect();
            lines.push(py::rstrip(&cells.join("  ")).to_owned());
        }
    }
    lines.join("\n")
}

/// `_align_column(..., "left", minwidth, has_invisible, enable_widechars=True, is_multiline)`:
/// pad every cell to the column width, corrected by `len(s) - visible_width(s)`.
fn align_left(
    cells: &[String],
    minwidth: isize,
    is_multiline: bool,
    width: &dyn Fn(&str) -> isize,
) -> Vec<String> {
    if is_multiline {
        let widths: Vec<Vec<(isize, isize)>> = cells
            .iter()
            .map(|s| {
                py::split_cr_lf(s)
                    .into_iter()
                    .map(|l| (width(l), l.chars().count() as isize))
                    .collect()
            })
            .collect();
        let maxwidth = widths
            .iter()
            .flatten()
            .map(|(w, _)| *w)
            .fold(minwidth, isize::max);
        cells
            .iter()
            .zip(&widths)
            .map(|(s, wl)| {
                // zip(ms.splitlines() or ms, visible_widths): an empty cell yields "".
                py::splitlines(s)
                    .into_iter()
                    .zip(wl)
                    .map(|(line, (w, l))| pad_right(line, maxwidth - (w - l)))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    } else {
        let widths: Vec<(isize, isize)> = cells
            .iter()
            .map(|s| (width(s), s.chars().count() as isize))
            .collect();
        let maxwidth = widths.iter().map(|(w, _)| *w).fold(minwidth, isize::max);
        cells
            .iter()
            .zip(&widths)
            .map(|(s, (w, l))| pad_right(s, maxwidth - (w - l)))
            .collect()
    }
}

/// `_align_header` for left alignment: pad to the column width, corrected for wide characters.
fn align_header(h: &str, width: isize, visible: &dyn Fn(&str) -> isize) -> String {
    let len = h.chars().count() as isize;
    let ninvisible = len - visible(h);
    pad_right(h, width + ninvisible)
}

/// `"{0:<Ns}".format(s)`: pad with spaces to N code points, never truncate.
fn pad_right(s: &str, width: isize) -> String {
    let len = s.chars().count() as isize;
    let mut out = s.to_owned();
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
    out
}

/// `_append_multiline_row` for the "simple" format (padding 0, rows aligned to the top).
fn append_multiline_row(lines: &mut Vec<String>, cells: &[String], widths: &[isize]) {
    let cell_lines: Vec<Vec<&str>> = cells.iter().map(|c| py::splitlines(c)).collect();
    let nlines = cell_lines.iter().map(Vec::len).max().unwrap_or(0);
    let blanks: Vec<String> = widths
        .iter()
        .map(|&w| " ".repeat(w.max(0) as usize))
        .collect();
    for i in 0..nlines {
        let parts: Vec<&str> = cell_lines
            .iter()
            .zip(&blanks)
            .map(|(cl, blank)| cl.get(i).copied().unwrap_or(blank.as_str()))
            .collect();
        lines.push(py::rstrip(&parts.join("  ")).to_owned());
    }
}

/// True when tabulate's `_ansi_codes` regex finds a sequence in `s`.
fn has_ansi(s: &str) -> bool {
    s.contains('\x1b') && strip_ansi(s) != s
}

/// tabulate's `_strip_ansi`: `re.sub(_ansi_codes, r"\4", s)`: CSI sequences
/// (`ESC [` parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, final byte 0x40-0x7E) are removed,
/// OSC 8 hyperlinks (`ESC ]8;params;URI ESC \ text ESC ]8;; ESC \`) are replaced by their text.
fn strip_ansi(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < c.len() {
        if c[i] == '\x1b'
            && let Some((end, keep)) = ansi_at(&c, i)
        {
            out.extend(&c[keep.0..keep.1]);
            i = end;
            continue;
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

/// Match one ANSI sequence at `i`: returns (end, range of text to keep).
fn ansi_at(c: &[char], i: usize) -> Option<(usize, (usize, usize))> {
    let in_range =
        |j: usize, lo: u32, hi: u32| c.get(j).is_some_and(|&x| (lo..=hi).contains(&(x as u32)));
    match c.get(i + 1) {
        Some('[') => {
            let mut j = i + 2;
            while in_range(j, 0x30, 0x3F) {
                j += 1;
            }
            while in_range(j, 0x20, 0x2F) {
                j += 1;
            }
            in_range(j, 0x40, 0x7E).then_some((j + 1, (0, 0)))
        }
        Some(']') => {
            let word = |j: usize| c.get(j).is_some_and(|&x| x.is_alphanumeric() || x == '_');
            let at = |j: usize, lit: &str| {
                lit.chars()
                    .enumerate()
                    .all(|(k, l)| c.get(j + k) == Some(&l))
            };
            if !at(i, "\x1b]8;") {
                return None;
            }
            let mut j = i + 4;
            // (\w+=\w+:?)*
            loop {
                let start = j;
                let mut k = j;
                while word(k) {
                    k += 1;
                }
                if k == start || c.get(k) != Some(&'=') {
                    break;
                }
                let v = k + 1;
                let mut m = v;
                while word(m) {
                    m += 1;
                }
                if m == v {
                    break;
                }
                if c.get(m) == Some(&':') {
                    m += 1;
                }
                j = m;
            }
            if c.get(j) != Some(&';') {
                return None;
            }
            j += 1;
            // ([^\x1b]+) \x1b\\ ([^\x1b]+) \x1b]8;;\x1b\\
            let uri_start = j;
            while c.get(j).is_some_and(|&x| x != '\x1b') {
                j += 1;
            }
            if j == uri_start || !at(j, "\x1b\\") {
                return None;
            }
            j += 2;
            let text_start = j;
            while c.get(j).is_some_and(|&x| x != '\x1b') {
                j += 1;
            }
            if j == text_start || !at(j, "\x1b]8;;\x1b\\") {
                return None;
            }
            Some((j + 7, (text_start, j)))
        }
        _ => None,
    }
}

/// `wcwidth.wcswidth`: the sum of the character widths, or -1 if any character is a control character.
fn wcswidth(s: &str) -> isize {
    let mut total = 0;
    for c in s.chars() {
        let w = wcwidth(c);
        if w < 0 {
            return -1;
        }
        total += w;
    }
    total
}

/// Approximation of `wcwidth.wcwidth` (the table covers C0/C1 controls, the common combining and
/// zero-width ranges, and the East Asian Wide/Fullwidth and emoji blocks).
fn wcwidth(c: char) -> isize {
    let cp = c as u32;
    if cp == 0 {
        return 0;
    }
    if cp < 0x20 || (0x7F..0xA0).contains(&cp) {
        return -1;
    }
    if cp < 0x300 {
        return 1;
    }
    const ZERO: &[(u32, u32)] = &[
        (0x0300, 0x036F),
        (0x0483, 0x0489),
        (0x0591, 0x05BD),
        (0x05BF, 0x05BF),
        (0x05C1, 0x05C2),
        (0x05C4, 0x05C5),
        (0x05C7, 0x05C7),
        (0x0610, 0x061A),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06DC),
        (0x06DF, 0x06E4),
        (0x06E7, 0x06E8),
        (0x06EA, 0x06ED),
        (0x0E31, 0x0E31),
        (0x0E34, 0x0E3A),
        (0x0E47, 0x0E4E),
        (0x1160, 0x11FF),
        (0x1AB0, 0x1AFF),
        (0x1DC0, 0x1DFF),
        (0x200B, 0x200F),
        (0x2028, 0x202E),
        (0x2060, 0x2064),
        (0x20D0, 0x20FF),
        (0xFE00, 0xFE0F),
        (0xFE20, 0xFE2F),
        (0xFEFF, 0xFEFF),
        (0xE0100, 0xE01EF),
    ];
    const WIDE: &[(u32, u32)] = &[
        (0x1100, 0x115F),
        (0x231A, 0x231B),
        (0x2329, 0x232A),
        (0x23E9, 0x23EC),
        (0x23F0, 0x23F0),
        (0x23F3, 0x23F3),
        (0x25FD, 0x25FE),
        (0x2614, 0x2615),
        (0x2648, 0x2653),
        (0x267F, 0x267F),
        (0x2693, 0x2693),
        (0x26A1, 0x26A1),
        (0x26AA, 0x26AB),
        (0x26BD, 0x26BE),
        (0x26C4, 0x26C5),
        (0x26CE, 0x26CE),
        (0x26D4, 0x26D4),
        (0x26EA, 0x26EA),
        (0x26F2, 0x26F3),
        (0x26F5, 0x26F5),
        (0x26FA, 0x26FA),
        (0x26FD, 0x26FD),
        (0x2705, 0x2705),
        (0x270A, 0x270B),
        (0x2728, 0x2728),
        (0x274C, 0x274C),
        (0x274E, 0x274E),
        (0x2753, 0x2755),
        (0x2757, 0x2757),
        (0x2795, 0x2797),
        (0x27B0, 0x27B0),
        (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C),
        (0x2B50, 0x2B50),
        (0x2B55, 0x2B55),
        (0x2E80, 0x303E),
        (0x3041, 0x33FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xA000, 0xA4CF),
        (0xA960, 0xA97F),
        (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF),
        (0xFE10, 0xFE19),
        (0xFE30, 0xFE6F),
        (0xFF00, 0xFF60),
        (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4),
        (0x17000, 0x18AFF),
        (0x1B000, 0x1B2FF),
        (0x1F004, 0x1F004),
        (0x1F0CF, 0x1F0CF),
        (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A),
        (0x1F200, 0x1F251),
        (0x1F300, 0x1F320),
        (0x1F32D, 0x1F335),
        (0x1F337, 0x1F37C),
        (0x1F37E, 0x1F393),
        (0x1F3A0, 0x1F3CA),
        (0x1F3CF, 0x1F3D3),
        (0x1F3E0, 0x1F3F0),
        (0x1F3F4, 0x1F3F4),
        (0x1F3F8, 0x1F43E),
        (0x1F440, 0x1F440),
        (0x1F442, 0x1F4FC),
        (0x1F4FF, 0x1F53D),
        (0x1F54B, 0x1F54E),
        (0x1F550, 0x1F567),
        (0x1F57A, 0x1F57A),
        (0x1F595, 0x1F596),
        (0x1F5A4, 0x1F5A4),
        (0x1F5FB, 0x1F64F),
        (0x1F680, 0x1F6C5),
        (0x1F6CC, 0x1F6CC),
        (0x1F6D0, 0x1F6D2),
        (0x1F6D5, 0x1F6D7),
        (0x1F6EB, 0x1F6EC),
        (0x1F6F4, 0x1F6FC),
        (0x1F7E0, 0x1F7EB),
        (0x1F90C, 0x1F93A),
        (0x1F93C, 0x1F945),
        (0x1F947, 0x1F9FF),
        (0x1FA70, 0x1FAFF),
        (0x20000, 0x2FFFD),
        (0x30000, 0x3FFFD),
    ];
    let in_ranges = |ranges: &[(u32, u32)]| {
        ranges
            .binary_search_by(|&(lo, hi)| {
                if hi < cp {
                    std::cmp::Ordering::Less
                } else if lo > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    };
    if in_ranges(ZERO) {
        0
    } else if in_ranges(WIDE) {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcswidth_basics() {
        assert_eq!(wcswidth("abc"), 3);
        assert_eq!(wcswidth("日本語"), 6);
        assert_eq!(wcswidth("e\u{301}"), 1);
        assert_eq!(wcswidth("a\tb"), -1);
        assert_eq!(wcswidth("\u{1F600}"), 2);
    }

    #[test]
    fn ansi_sequences_are_invisible() {
        assert_eq!(strip_ansi("a\x1b[31mred\x1b[0m b"), "ared b");
        assert_eq!(strip_ansi("\x1b[.[x"), "x");
        assert_eq!(strip_ansi("a\x1b["), "a\x1b[");
        assert_eq!(
            strip_ansi("\x1b]8;id=1;https://e.x\x1b\\link\x1b]8;;\x1b\\!"),
            "link!"
        );
        assert!(!has_ansi("\x1b"));
    }

    #[test]
    fn capitalize() {
        assert_eq!(capitalize_first("principalName"), "PrincipalName");
        assert_eq!(capitalize_first(""), "");
        assert_eq!(capitalize_first("ßx"), "SSx");
    }
}
