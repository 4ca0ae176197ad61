//! A newcomer's first five minutes with the emulator: a relative `--state-dir` and no flags at
//! all work from any working directory (every printed and written path is absolute), and
//! `--hsm` gives a working HSM in two commands (start, `eval "$(mhsm-emulator env …)"`), kept
//! across restarts.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{EMULATOR, Emu, MHSM, Out, read_json};

/// An emulator started as a user would, killed on drop.
struct Started {
    child: Child,
    banner: String,
}

impl Drop for Started {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `mhsm-emulator ARGS` in `cwd` with `env` only, and reads its banner.
fn start(cwd: &Path, args: &[&str], env: &[(&str, &Path)]) -> Started {
    let mut cmd = Command::new(EMULATOR);
    cmd.args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn mhsm-emulator");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut banner = String::new();
    let started = Instant::now();
    while !banner.contains("Press Ctrl-C to stop.") {
        let mut line = String::new();
        if out.read_line(&mut line).unwrap() == 0 {
            panic!("mhsm-emulator exited: {banner}");
        }
        banner.push_str(&line);
        assert!(started.elapsed() < Duration::from_secs(60));
    }
    Started { child, banner }
}

/// Runs a shell line (as a user pastes it) in `cwd`, then `mhsm ARGS`, in a clean environment.
fn eval_then_mhsm(cwd: &Path, env_cmd: &str, args: &str) -> Out {
    let script = format!("set -e; eval \"$({env_cmd})\"; {MHSM} {args}");
    let o = Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", cwd)
        .output()
        .unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

#[test]
fn relative_and_default_state_dirs_work_from_any_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let state = a.join("emu");

    // A relative --state-dir and nothing else.
    let emu = start(&a, &["--state-dir", "emu"], &[]);
    let cloud = read_json(&state.join("cloud.json"));
    assert_eq!(cloud["ca_file"], state.join("ca.pem").display().to_string());
    assert!(
        emu.banner
            .contains(&format!("state directory: {}", state.display())),
        "{}",
        emu.banner
    );
    assert!(emu.banner.contains(&format!(
        "CA certificate: {}",
        state.join("ca.pem").display()
    )));
    // The line the banner prints, pasted in another directory.
    let line = emu
        .banner
        .lines()
        .find(|l| l.contains("mhsm:  eval"))
        .unwrap()
        .trim()
        .trim_start_matches("mhsm:  eval \"$(")
        .trim_end_matches(")\"")
        .replace("mhsm-emulator", EMULATOR);
    let out = eval_then_mhsm(&b, &line, "list -o json");
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json(), serde_json::json!([]));
    drop(emu);

    // No arguments at all: the platform's data directory, printed in the banner.
    let data = tmp.path().join("xdg");
    let emu = start(&b, &[], &[("XDG_DATA_HOME", &data), ("HOME", &b)]);
    let state = data.join("mhsm-emulator");
    assert!(
        emu.banner
            .contains(&format!("state directory: {}", state.display())),
        "{}",
        emu.banner
    );
    assert!(state.join("cloud.json").exists());
    let env_cmd = format!(
        "XDG_DATA_HOME={} {EMULATOR} env --as subscription-admin",
        data.display()
    );
    let out = eval_then_mhsm(&a, &env_cmd, "list -o json");
    assert_eq!(out.code, 0, "{out:?}");
    drop(emu);
    // HOME alone: ~/.local/share/mhsm-emulator.
    let emu = start(&a, &[], &[("HOME", &b)]);
    assert!(
        emu.banner.contains(&format!(
            "state directory: {}",
            b.join(".local/share/mhsm-emulator").display()
        )),
        "{}",
        emu.banner
    );
}

#[test]
fn hsm_flag_gives_a_working_hsm_in_two_commands_and_keeps_it() {
    let mut emu = Emu::start_with(&["--provision-delay-ms", "0", "--hsm", "devhsm"]);
    let sd = emu.state().join("hsms/devhsm");
    for f in ["sd.json", "sd-wrapping-key-1.pem", "sd-wrapping-key-3.cer"] {
        assert!(sd.join(f).exists(), "{f}");
    }
    // The two commands: (start), eval env, then a key.
    let env_cmd = format!(
        "{EMULATOR} env --state-dir {} --as developer",
        emu.state().display()
    );
    let out = eval_then_mhsm(
        emu.state(),
        &env_cmd,
        "key create --hsm-name devhsm -n first --kty RSA-HSM",
    );
    assert_eq!(out.code, 0, "{out:?}");
    emu.mhsm(
        "developer",
        &[
            "key",
            "sign",
            "--hsm-name",
            "devhsm",
            "-n",
            "first",
            "-a",
            "RS256",
            "--digest",
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        ],
    )
    .ok();
    // The security domain on disk is the HSM's: mhsm's offline quorum drill opens it.
    let sd_file = sd.join("sd.json").display().to_string();
    let k1 = sd.join("sd-wrapping-key-1.pem").display().to_string();
    let k3 = sd.join("sd-wrapping-key-3.pem").display().to_string();
    emu.mhsm(
        "",
        &[
            "security-domain",
            "verify",
            "--sd-file",
            &sd_file,
            "--sd-wrapping-keys",
            &k1,
            &k3,
        ],
    )
    .ok();
    // Faithful otherwise: a principal without local RBAC has no data access.
    emu.mhsm("auditor", &["key", "list", "--hsm-name", "devhsm"])
        .code(1);
    // A restart keeps the HSM, its key and its security domain (no second download).
    let before = std::fs::read(sd.join("sd.json")).unwrap();
    emu.restart(false);
    assert_eq!(std::fs::read(sd.join("sd.json")).unwrap(), before);
    emu.mhsm(
        "developer",
        &["key", "show", "--hsm-name", "devhsm", "-n", "first"],
    )
    .ok();
    let list = emu
        .mhsm("subscription-admin", &["list", "-o", "json"])
        .ok()
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
}
