//! TEMPORARY printer (json only) until the az-exact printer lands; same API.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::sync::Mutex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Json,
    Jsonc,
    Table,
    Tsv,
    Yaml,
    Yamlc,
    None,
}

impl OutputFormat {
    pub const NAMES: &'static [&'static str] =
        &["json", "jsonc", "none", "table", "tsv", "yaml", "yamlc"];
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "json" => Self::Json,
            "jsonc" => Self::Jsonc,
            "table" => Self::Table,
            "tsv" => Self::Tsv,
            "yaml" => Self::Yaml,
            "yamlc" => Self::Yamlc,
            "none" => Self::None,
            _ => return Err(format!("invalid output format '{s}'")),
        })
    }
}

#[derive(Clone)]
pub struct Query {
    expr: String,
}
impl std::str::FromStr for Query {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        jmespath::compile(s)
            .map_err(|_| format!("argument --query: invalid jmespath_type value: '{s}'"))?;
        Ok(Query {
            expr: s.to_string(),
        })
    }
}
impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.expr)
    }
}

pub struct PrinterOptions {
    pub format: OutputFormat,
    pub query: Option<Query>,
    pub only_show_errors: bool,
    pub verbose: bool,
    pub debug: bool,
    pub color: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("broken pipe")]
    BrokenPipe,
    #[error("{0}")]
    Io(std::io::Error),
    #[error("{0}")]
    Query(String),
}

pub struct Printer {
    opts: PrinterOptions,
    out: Mutex<Box<dyn Write + Send>>,
    err: Mutex<Box<dyn Write + Send>>,
}

impl Printer {
    pub fn new(opts: PrinterOptions) -> Self {
        Self::with_writers(
            opts,
            Box::new(std::io::stdout()),
            Box::new(std::io::stderr()),
        )
    }
    pub fn with_writers(
        opts: PrinterOptions,
        out: Box<dyn Write + Send>,
        err: Box<dyn Write + Send>,
    ) -> Self {
        Printer {
            opts,
            out: Mutex::new(out),
            err: Mutex::new(err),
        }
    }
    pub fn result(
        &self,
        value: &serde_json::Value,
        _table: Option<&dyn Fn(&serde_json::Value) -> serde_json::Value>,
    ) -> Result<(), OutputError> {
        let v = match &self.opts.query {
            Some(q) => {
                let e =
                    jmespath::compile(&q.expr).map_err(|e| OutputError::Query(e.to_string()))?;
                let r = e
                    .search(value.clone())
                    .map_err(|e| OutputError::Query(e.to_string()))?;
                serde_json::to_value(&*r).unwrap_or_default()
            }
            None => value.clone(),
        };
        if self.opts.format == OutputFormat::None || v.is_null() {
            return Ok(());
        }
        let text = render(self.opts.format, &v, None);
        let mut o = self.out.lock().unwrap();
        o.write_all(text.as_bytes())
            .and_then(|_| o.flush())
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    OutputError::BrokenPipe
                } else {
                    OutputError::Io(e)
                }
            })
    }
    fn line(&self, s: &str) {
        let mut e = self.err.lock().unwrap();
        let _ = writeln!(e, "{s}");
    }
    pub fn warning(&self, msg: &str) {
        if !self.opts.only_show_errors {
            self.line(&format!("WARNING: {msg}"))
        }
    }
    pub fn error(&self, msg: &str) {
        self.line(&format!("ERROR: {msg}"))
    }
    pub fn hint(&self, msg: &str) {
        if !self.opts.only_show_errors {
            self.line(&format!("Hint: {msg}"))
        }
    }
    pub fn info(&self, msg: &str) {
        if self.opts.verbose || self.opts.debug {
            self.line(&format!("INFO: {msg}"))
        }
    }
    pub fn debug(&self, msg: &str) {
        if self.opts.debug {
            self.line(&format!("DEBUG: {msg}"))
        }
    }
    pub fn progress(&self, msg: &str) {
        if !self.opts.only_show_errors {
            self.line(msg)
        }
    }
    pub fn progress_done(&self) {}
}

pub fn render(
    _format: OutputFormat,
    value: &serde_json::Value,
    _columns: Option<&[String]>,
) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(value, &mut ser).unwrap();
    let mut s = String::from_utf8(buf).unwrap();
    s.push('\n');
    s
}
