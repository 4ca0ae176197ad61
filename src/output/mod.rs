//! The Printer: the single place that writes to stdout/stderr, reproducing az (knack) output byte for byte.
//!
//! * `--query` is applied with the `jmespath` crate; the column order of a multiselect hash is recovered
//!   from the AST because the crate (like serde_json without `preserve_order`) stores objects sorted,
//!   while knack keeps query order (`OrderedDict`) for `-o table` and `-o tsv`.
//! * Formats: `json` (json/jsonc), `yaml` + `yaml_lexer` (yaml/yamlc), `table`, `tsv`, none.
//! * Log lines follow knack's `CLILogging`: `LEVEL: msg` without colour, colour-wrapped message without
//!   the level name when colour is enabled.
//!
//! Quirks reproduced here (see the sub-modules for the per-format ones):
//! * A command result of `None` (JSON `null`), also after `--query`, prints nothing at all.
//! * A table transformer is only applied when no `--query` is given.
//! * `jsonc`/`yamlc` fall back to plain json/yaml when colour is disabled (knack `get_formatter`).
//! * `-o` values are lower-cased before validation (`type=str.lower`).

mod color;
mod json;
mod py;
mod table;
mod tsv;
mod yaml;
mod yaml_lexer;

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::str::FromStr;
use std::sync::{LazyLock, Mutex};

use jmespath::ast::Ast;
use jmespath::functions::{ArgumentType, CustomFunction, Signature};
use jmespath::{Rcvar, Runtime, Variable};
use serde_json::{Map, Value};

/// `--output/-o` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    #[default]
    Json,
    Jsonc,
    Table,
    Tsv,
    Yaml,
    Yamlc,
    None,
}

impl OutputFormat {
    /// Accepted names, in knack's `_FORMAT_DICT` order (the order az lists them in errors).
    pub const NAMES: &'static [&'static str] =
        &["json", "jsonc", "yaml", "yamlc", "table", "tsv", "none"];

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Jsonc => "jsonc",
            OutputFormat::Table => "table",
            OutputFormat::Tsv => "tsv",
            OutputFormat::Yaml => "yaml",
            OutputFormat::Yamlc => "yamlc",
            OutputFormat::None => "none",
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An `-o` value that is not one of [`OutputFormat::NAMES`] (Display is az's message without the
/// `az <command>: ` prefix).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not a valid value for '--output'. Allowed values: {allowed}.", allowed = OutputFormat::NAMES.join(", "))]
pub struct ParseFormatError {
    /// The rejected value, lower-cased as argparse's `type=str.lower` leaves it.
    pub value: String,
}

impl FromStr for OutputFormat {
    type Err = ParseFormatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // knack registers --output with `type=str.lower`, so `-o JSON` is accepted.
        Ok(match s.to_lowercase().as_str() {
            "json" => OutputFormat::Json,
            "jsonc" => OutputFormat::Jsonc,
            "table" => OutputFormat::Table,
            "tsv" => OutputFormat::Tsv,
            "yaml" => OutputFormat::Yaml,
            "yamlc" => OutputFormat::Yamlc,
            "none" => OutputFormat::None,
            other => {
                return Err(ParseFormatError {
                    value: other.to_owned(),
                });
            }
        })
    }
}

/// Second line az prints after a `--query` syntax error.
pub const QUERY_HELP: &str = "To learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'";

/// A compiled `--query` JMESPath expression.
///
/// Only the source text and the derived column order are stored (the crate's `Expression` holds `Rc`s and
/// is neither `Send` nor `Sync`); the expression is re-compiled, infallibly, when it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    expr: String,
    columns: Option<Vec<String>>,
}

/// A `--query` that does not compile. Display is exactly argparse's message:
/// `argument --query: invalid jmespath_type value: '<expr>'` (the value is Python's `repr()`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("argument --query: invalid jmespath_type value: {}", py::repr(&Value::String(.expr.clone())))]
pub struct QueryError {
    pub expr: String,
}

/// The JMESPath runtime: the crate's built-ins, with `abs`, `ceil`, `floor` and `sum` replaced by versions
/// that keep Python's int/float distinction (Python jmespath returns `int` for `ceil(2.5)`, `floor(x)`,
/// `abs(-3)` and the `sum` of ints, which print as `3`, not `3.0`).
static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    let mut rt = Runtime::new();
    rt.register_builtin_functions();
    let number = || Signature::new(vec![ArgumentType::Number], None);
    rt.register_function(
        "abs",
        Box::new(CustomFunction::new(
            number(),
            Box::new(|args, _| Ok(py_abs(&args[0]))),
        )),
    );
    rt.register_function(
        "ceil",
        Box::new(CustomFunction::new(
            number(),
            Box::new(|args, _| Ok(py_round(&args[0], f64::ceil))),
        )),
    );
    rt.register_function(
        "floor",
        Box::new(CustomFunction::new(
            number(),
            Box::new(|args, _| Ok(py_round(&args[0], f64::floor))),
        )),
    );
    let numbers = Signature::new(
        vec![ArgumentType::TypedArray(Box::new(ArgumentType::Number))],
        None,
    );
    rt.register_function(
        "sum",
        Box::new(CustomFunction::new(
            numbers,
            Box::new(|args, _| Ok(py_sum(&args[0]))),
        )),
    );
    rt
});

fn number_var(n: serde_json::Number) -> Rcvar {
    Rcvar::new(Variable::Number(n))
}

fn float_var(f: f64) -> Rcvar {
    serde_json::Number::from_f64(f).map_or_else(|| Rcvar::new(Variable::Null), number_var)
}

/// Python `abs()`: ints stay ints.
fn py_abs(v: &Rcvar) -> Rcvar {
    match &**v {
        Variable::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) if i != i64::MIN => number_var(i.abs().into()),
            (_, Some(u)) => number_var(u.into()),
            _ => float_var(n.as_f64().unwrap_or(f64::NAN).abs()),
        },
        _ => Rcvar::new(Variable::Null),
    }
}

/// Python `math.ceil` / `math.floor`: always an int.
fn py_round(v: &Rcvar, f: fn(f64) -> f64) -> Rcvar {
    match &**v {
        Variable::Number(n) if n.is_i64() || n.is_u64() => v.clone(),
        Variable::Number(n) => {
            let r = f(n.as_f64().unwrap_or(f64::NAN));
            if r >= i64::MIN as f64 && r < i64::MAX as f64 {
                number_var((r as i64).into())
            } else {
                float_var(r)
            }
        }
        _ => Rcvar::new(Variable::Null),
    }
}

/// Python `sum()`: int while every item is an int, float once a float is added.
fn py_sum(v: &Rcvar) -> Rcvar {
    let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut int_total: Option<i64> = Some(0);
    let mut float_total = 0.0;
    for item in items {
        let n = match &**item {
            Variable::Number(n) => n,
            _ => continue,
        };
        float_total += n.as_f64().unwrap_or(0.0);
        int_total = match (int_total, n.as_i64()) {
            (Some(t), Some(i)) => t.checked_add(i),
            _ => None,
        };
    }
    match int_total {
        Some(t) => number_var(t.into()),
        None => float_var(float_total),
    }
}

impl FromStr for Query {
    type Err = QueryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let compiled = RUNTIME
            .compile(s)
            .map_err(|_| QueryError { expr: s.to_owned() })?;
        let columns = row_columns(compiled.as_ast(), None);
        Ok(Query {
            expr: s.to_owned(),
            columns,
        })
    }
}

impl Query {
    /// The expression as given.
    pub fn as_str(&self) -> &str {
        &self.expr
    }

    /// Key order of the dict rows the query produces when its result (or each element of it) comes
    /// from a multiselect hash: knack's `OrderedDict` order, used by `-o table` / `-o tsv`.
    pub fn columns(&self) -> Option<&[String]> {
        self.columns.as_deref()
    }

    /// Apply the query (knack: `query_expression.search(result, Options(OrderedDict))`).
    pub fn search(&self, value: &Value) -> Result<Value, OutputError> {
        let compiled = RUNTIME
            .compile(&self.expr)
            .map_err(|e| OutputError::Query(e.to_string()))?;
        let found = compiled
            .search(value)
            .map_err(|e| OutputError::Query(e.to_string()))?;
        serde_json::to_value(&*found).map_err(|e| OutputError::Query(e.to_string()))
    }
}

/// Column order of the dict rows produced by `ast` when evaluated on a value whose dict rows have
/// `input` columns (`None` = plain, key-sorted dicts). A multiselect hash introduces an order; index,
/// slice, filter, flatten, projection, pipe and the element-preserving functions pass it through.
fn row_columns(ast: &Ast, input: Option<Vec<String>>) -> Option<Vec<String>> {
    match ast {
        Ast::MultiHash { elements, .. } => Some(elements.iter().map(|kv| kv.key.clone()).collect()),
        Ast::Identity { .. } | Ast::Index { .. } | Ast::Slice { .. } => input,
        Ast::Subexpr { lhs, rhs, .. } | Ast::Projection { lhs, rhs, .. } => {
            let mid = row_columns(lhs, input);
            row_columns(rhs, mid)
        }
        Ast::Flatten { node, .. } => row_columns(node, input),
        Ast::Condition { then, .. } => row_columns(then, input),
        Ast::And { rhs, .. } => row_columns(rhs, input),
        Ast::Or { lhs, rhs, .. } => {
            row_columns(lhs, input.clone()).or_else(|| row_columns(rhs, input))
        }
        Ast::Function { name, args, .. } => match name.as_str() {
            "sort_by" | "reverse" | "max_by" | "min_by" | "sort" | "not_null" => {
                args.first().and_then(|a| row_columns(a, input))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Entries of a dict row in display order: the `columns` present in the row first (query order),
/// then the remaining keys sorted; without `columns`, sorted (serde_json's BTreeMap order equals
/// Python's `sorted()` on str: code point order).
pub(crate) fn ordered_entries<'a>(
    map: &'a Map<String, Value>,
    columns: Option<&[String]>,
) -> Vec<(&'a str, &'a Value)> {
    match columns {
        None => map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        Some(cols) => {
            let mut out: Vec<(&str, &Value)> = Vec::with_capacity(map.len());
            for c in cols {
                if let Some((k, v)) = map.get_key_value(c.as_str())
                    && !out.iter().any(|(seen, _)| *seen == k.as_str())
                {
                    out.push((k.as_str(), v));
                }
            }
            for (k, v) in map {
                if !cols.iter().any(|c| c == k) {
                    out.push((k.as_str(), v));
                }
            }
            out
        }
    }
}

/// One row produced by a command's table transformer, in column order (az's `OrderedDict`).
pub type Row = Vec<(String, Value)>;

/// A command's az table transformer (e.g. role assignment → `Principal`/`RoleName`/`Scope`). It returns
/// ordered rows because serde_json objects cannot keep the transformer's column order. knack still runs
/// its auto-table over them (drops `id`/`type`/`etag` keys and null/list/dict values, capitalises keys).
pub type TableTransformer<'a> = &'a dyn Fn(&Value) -> Vec<Row>;

/// Errors from [`Printer::result`].
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// stdout was closed by the reader (`az ... | head`); knack ignores EPIPE, so exit 0.
    #[error("broken pipe")]
    BrokenPipe,
    /// Any other write error.
    #[error("{0}")]
    Io(io::Error),
    /// The query failed at run time (e.g. a function argument of the wrong type).
    #[error("{0}")]
    Query(String),
    /// knack's `CLIError` when `-o table` cannot build a table.
    #[error("{}", table::TABLE_UNAVAILABLE)]
    TableUnavailable,
}

impl From<io::Error> for OutputError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            OutputError::BrokenPipe
        } else {
            OutputError::Io(e)
        }
    }
}

/// Global output options (`--output`, `--query`, `--only-show-errors`, `--verbose`, `--debug`, colour).
///
/// `color` is knack's `enable_color`: az enables it when stdout and stderr are terminals and
/// `core.no_color` is not set. It selects coloured jsonc/yamlc and knack's coloured log lines.
#[derive(Debug, Clone, Default)]
pub struct PrinterOptions {
    pub format: OutputFormat,
    pub query: Option<Query>,
    pub only_show_errors: bool,
    pub verbose: bool,
    pub debug: bool,
    pub color: bool,
}

/// knack's console log level (`CLILogging._determine_log_level`): --debug > --verbose > --only-show-errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Error,
    Warning,
    Info,
    Debug,
}

struct ErrState {
    w: Box<dyn Write + Send>,
    /// Characters of the in-place progress line currently on screen (TTY only), 0 when none.
    progress_width: usize,
}

/// Writes command results to stdout and diagnostics to stderr.
pub struct Printer {
    opts: PrinterOptions,
    out: Mutex<Box<dyn Write + Send>>,
    err: Mutex<ErrState>,
    stderr_tty: bool,
    /// The live status line of [`Printer::status`] (a terminal only).
    spinner: Mutex<Option<indicatif::ProgressBar>>,
}

impl fmt::Debug for Printer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Printer")
            .field("opts", &self.opts)
            .field("stderr_tty", &self.stderr_tty)
            .finish()
    }
}

impl Printer {
    /// A printer on the process's stdout/stderr.
    pub fn new(opts: PrinterOptions) -> Self {
        let stderr_tty = io::stderr().is_terminal();
        let mut p = Self::with_writers(opts, Box::new(io::stdout()), Box::new(io::stderr()));
        p.stderr_tty = stderr_tty;
        p
    }

    /// A printer on the given writers (tests). stderr is treated as not a terminal; see [`Printer::stderr_tty`].
    pub fn with_writers(
        opts: PrinterOptions,
        out: Box<dyn Write + Send>,
        err: Box<dyn Write + Send>,
    ) -> Self {
        Printer {
            opts,
            out: Mutex::new(out),
            err: Mutex::new(ErrState {
                w: err,
                progress_width: 0,
            }),
            stderr_tty: false,
            spinner: Mutex::new(None),
        }
    }

    /// Override whether stderr is a terminal (controls in-place progress lines).
    pub fn stderr_tty(mut self, is_tty: bool) -> Self {
        self.stderr_tty = is_tty;
        self
    }

    pub fn options(&self) -> &PrinterOptions {
        &self.opts
    }

    fn level(&self) -> Level {
        if self.opts.debug {
            Level::Debug
        } else if self.opts.verbose {
            Level::Info
        } else if self.opts.only_show_errors {
            Level::Error
        } else {
            Level::Warning
        }
    }

    /// Print a command's result: apply `--query` (if any), then render in the chosen format to stdout.
    /// `table` is the command's table transformer; like az, it is skipped when `--query` is used.
    pub fn result(
        &self,
        value: &Value,
        table: Option<TableTransformer<'_>>,
    ) -> Result<(), OutputError> {
        let queried;
        let (value, columns) = match &self.opts.query {
            Some(q) => {
                queried = q.search(value)?;
                (&queried, q.columns())
            }
            None => (value, None),
        };
        // knack: `if cmd_result and cmd_result.result is not None` -> otherwise nothing is printed.
        if value.is_null() {
            return Ok(());
        }
        let text = match self.opts.format {
            OutputFormat::Table => match table {
                Some(transform) if self.opts.query.is_none() => {
                    table::render_rows(&transform(value))
                }
                _ => table::render_value(value, columns),
            }
            .map_err(|_| OutputError::TableUnavailable)?,
            format => {
                // knack `get_formatter`: jsonc/yamlc degrade to json/yaml when colour is off.
                let format = match (format, self.opts.color) {
                    (OutputFormat::Jsonc, false) => OutputFormat::Json,
                    (OutputFormat::Yamlc, false) => OutputFormat::Yaml,
                    (f, _) => f,
                };
                render(format, value, columns)
            }
        };
        if text.is_empty() {
            return Ok(());
        }
        self.end_status();
        self.clear_progress_line();
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    /// `WARNING: msg` (hidden by `--only-show-errors`).
    pub fn warning(&self, msg: &str) {
        if self.level() >= Level::Warning {
            self.log("WARNING", "\x1b[33m", msg);
        }
    }

    /// `ERROR: msg` (always shown).
    pub fn error(&self, msg: &str) {
        self.log("ERROR", "\x1b[91m", msg);
    }

    /// `Hint: msg` (hidden by `--only-show-errors`).
    pub fn hint(&self, msg: &str) {
        if self.level() >= Level::Warning {
            self.write_err(&format!("Hint: {msg}\n"));
        }
    }

    /// `INFO: msg` with `--verbose` or `--debug`.
    pub fn info(&self, msg: &str) {
        if self.level() >= Level::Info {
            self.log("INFO", "\x1b[32m", msg);
        }
    }

    /// `DEBUG: msg` with `--debug`.
    pub fn debug(&self, msg: &str) {
        if self.level() >= Level::Debug {
            self.log("DEBUG", "\x1b[36m", msg);
        }
    }

    /// knack `_CustomStreamHandler`: without colour the format is `%(levelname)s: %(message)s`; with
    /// colour the level name is dropped and the message wrapped in the level's colour + `ESC[0m`.
    fn log(&self, level: &str, color: &str, msg: &str) {
        let line = if self.opts.color {
            format!("{color}{msg}\x1b[0m\n")
        } else {
            format!("{level}: {msg}\n")
        };
        self.write_err(&line);
    }

    /// A status line on stderr (e.g. `Waiting for backup job ... InProgress (12s)`). On a terminal the line
    /// is rewritten in place with `\r`; otherwise each call prints a full line. Hidden by `--only-show-errors`.
    pub fn progress(&self, msg: &str) {
        if self.level() < Level::Warning {
            return;
        }
        let mut err = self.err.lock().unwrap_or_else(|e| e.into_inner());
        let text = if self.stderr_tty {
            let width = msg.chars().count();
            let pad = err.progress_width.saturating_sub(width);
            err.progress_width = width.max(1);
            format!("\r{msg}{}", " ".repeat(pad))
        } else {
            format!("{msg}\n")
        };
        let _ = err.w.write_all(text.as_bytes());
        let _ = err.w.flush();
    }

    /// One line on stderr that stays (a step of a multi-step command, e.g. `[2/5] …`), on
    /// terminals and in logs alike. Hidden by `--only-show-errors`.
    pub fn step(&self, msg: &str) {
        if self.level() >= Level::Warning {
            self.write_err(&format!("{msg}\n"));
        }
    }

    /// A live status line on stderr — a spinner, `msg` and the time elapsed since the first
    /// call — shown only when stderr is a terminal and warnings are not suppressed
    /// (`--only-show-errors`); nothing at all otherwise, so logs and pipes stay clean. Each call
    /// replaces the message; [`Printer::progress_done`] removes the line.
    pub fn status(&self, msg: &str) {
        if !self.stderr_tty || self.level() < Level::Warning {
            return;
        }
        let mut spinner = self.spinner.lock().unwrap_or_else(|e| e.into_inner());
        let bar = spinner.get_or_insert_with(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        bar.set_message(msg.to_string());
    }

    /// End the progress display: on a terminal the in-place line and the status line are cleared.
    pub fn progress_done(&self) {
        self.end_status();
        self.clear_progress_line();
    }

    fn end_status(&self) {
        if let Some(bar) = self
            .spinner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            bar.finish_and_clear();
        }
    }

    fn clear_progress_line(&self) {
        let mut err = self.err.lock().unwrap_or_else(|e| e.into_inner());
        if err.progress_width > 0 {
            let text = format!("\r{}\r", " ".repeat(err.progress_width));
            err.progress_width = 0;
            let _ = err.w.write_all(text.as_bytes());
            let _ = err.w.flush();
        }
    }

    /// stderr write errors are ignored (there is nowhere left to report them). A live status
    /// line steps aside while the text is written, then comes back below it.
    fn write_err(&self, text: &str) {
        self.clear_progress_line();
        let write = || {
            let mut err = self.err.lock().unwrap_or_else(|e| e.into_inner());
            let _ = err.w.write_all(text.as_bytes());
            let _ = err.w.flush();
        };
        let bar = self
            .spinner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }
}

/// What az prints to stdout for a (non-transformed) result in `format`: pure, for tests and reuse.
/// `columns` is the query column order for table/tsv dict rows. `Jsonc`/`Yamlc` are coloured here
/// (the colour/no-colour choice is made by [`Printer::result`]). A `null` result renders as "" (knack
/// prints nothing), as does a table that knack would refuse.
pub fn render(format: OutputFormat, value: &Value, columns: Option<&[String]>) -> String {
    if value.is_null() {
        return String::new();
    }
    match format {
        OutputFormat::Json => json::render(value, false),
        OutputFormat::Jsonc => json::render(value, true),
        OutputFormat::Yaml => yaml::render(value),
        OutputFormat::Yamlc => yaml_lexer::highlight(&yaml::render(value)),
        OutputFormat::Table => table::render_value(value, columns).unwrap_or_default(),
        OutputFormat::Tsv => tsv::render(value, columns),
        OutputFormat::None => String::new(),
    }
}

#[cfg(test)]
mod tests;
