//! `mhsm generate` (hidden) — writes shell completions (`completions/`) and one man page per
//! command (`man/`) from the same clap tree; `--check` fails when the committed files are stale.

use clap::CommandFactory;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{CliError, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory holding completions/ and man/ (default: the current directory).
    #[arg(long = "out-dir", default_value = ".")]
    pub out_dir: PathBuf,
    /// Compare instead of writing; fail when anything differs.
    #[arg(long)]
    pub check: bool,
}

/// Every generated file: relative path → contents.
pub fn generated_files() -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut cmd = crate::cli::Cli::command();
    cmd.build();
    for (shell, file) in [
        (clap_complete::Shell::Bash, "completions/mhsm.bash"),
        (clap_complete::Shell::Zsh, "completions/_mhsm"),
        (clap_complete::Shell::Fish, "completions/mhsm.fish"),
        (clap_complete::Shell::PowerShell, "completions/_mhsm.ps1"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "mhsm", &mut buf);
        files.insert(file.to_string(), buf);
    }
    fn pages(cmd: &clap::Command, prefix: &str, files: &mut BTreeMap<String, Vec<u8>>) {
        let name = if prefix.is_empty() {
            cmd.get_name().to_string()
        } else {
            format!("{prefix}-{}", cmd.get_name())
        };
        if cmd.is_hide_set() {
            return;
        }
        let page = cmd
            .clone()
            .name(name.clone())
            .bin_name(name.replace('-', " "));
        let mut buf = Vec::new();
        clap_mangen::Man::new(page)
            .render(&mut buf)
            .expect("man page renders");
        files.insert(format!("man/{name}.1"), buf);
        // clap's `help` pseudo-command is not a command: no page for it or below it.
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            pages(sub, &name, files);
        }
    }
    pages(&cmd, "", &mut files);
    files
}

/// Paths under `dir` that are missing, stale, or not generated any more.
pub fn stale_files(dir: &Path) -> Vec<String> {
    let files = generated_files();
    let mut stale: Vec<String> = files
        .iter()
        .filter(|(path, contents)| std::fs::read(dir.join(path)).ok().as_ref() != Some(*contents))
        .map(|(p, _)| p.clone())
        .collect();
    for sub in ["completions", "man"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            for e in rd.flatten() {
                let rel = format!("{sub}/{}", e.file_name().to_string_lossy());
                if !files.contains_key(&rel) {
                    stale.push(rel);
                }
            }
        }
    }
    stale
}

pub fn run(ctx: &Ctx, args: Args) -> Result<(), CliError> {
    let Args { out_dir, check } = args;
    if check {
        let stale = stale_files(&out_dir);
        if stale.is_empty() {
            return Ok(());
        }
        return Err(CliError::Invalid(format!(
            "generated files are stale: {} (run 'mhsm generate')",
            stale.join(", ")
        )));
    }
    for sub in ["completions", "man"] {
        let d = out_dir.join(sub);
        if d.exists() {
            std::fs::remove_dir_all(&d)
                .map_err(|e| CliError::Invalid(format!("{}: {e}", d.display())))?;
        }
        std::fs::create_dir_all(&d)
            .map_err(|e| CliError::Invalid(format!("{}: {e}", d.display())))?;
    }
    let files = generated_files();
    for (path, contents) in &files {
        let p = out_dir.join(path);
        std::fs::write(&p, contents)
            .map_err(|e| CliError::Invalid(format!("{}: {e}", p.display())))?;
    }
    ctx.printer.info(&format!("wrote {} files", files.len()));
    Ok(())
}
