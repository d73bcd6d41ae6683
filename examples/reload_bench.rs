//! How long a running browser takes to show a changed file: from the
//! moment a school file is saved (by rename, as editors save) to the
//! moment the new person is on the screen. The real binary runs in tmux;
//! the screen is read every few milliseconds.
//!
//! ```sh
//! cargo build --release && cargo run --release --example reload_bench            # the built-in data
//! cargo run --release --example reload_bench -- /tmp/csrankings /tmp/syn100k     # and beside each folder
//! ```
//!
//! A small probe file, read first so its school heads the list, is what
//! changes; the folder given is read too, so every reload reads and
//! indexes all of it again, as it does whichever file changed. Prints each
//! run and the median of `--runs N` (default 5). Needs tmux, and the
//! release binary beside this example (`cargo build --release`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::thread;
use std::time::{Duration, Instant};

/// Waiting longer than this for a screen means something is wrong.
const PATIENCE: Duration = Duration::from_mins(3);

struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Result<String, String> {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .map_err(|error| format!("cannot run tmux (is it installed?): {error}"))?;
        if !output.status.success() {
            return Err(format!(
                "tmux {args:?}: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Polls the screen until it shows `text`; how long that took.
    fn wait_for(&self, text: &str) -> Result<Duration, String> {
        let start = Instant::now();
        loop {
            if self.run(&["capture-pane", "-p", "-t", "0"])?.contains(text) {
                return Ok(start.elapsed());
            }
            if start.elapsed() > PATIENCE {
                return Err(format!("{text:?} never showed"));
            }
            thread::sleep(Duration::from_millis(2));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn ms(duration: Duration) -> String {
    format!("{} ms", duration.as_millis())
}

fn probe(n: usize) -> String {
    format!(
        "# Aaa Probe University\n## Faculty\n### Probe Person {n}\n- **Title**: Professor\n- **Research**: Reloading\n"
    )
}

/// Saves `text` as editors do: a new file renamed over the old one.
fn save(path: &Path, text: &str) -> Result<(), String> {
    let temp = path.with_extension("md.tmp");
    fs::write(&temp, text).map_err(|e| e.to_string())?;
    fs::rename(&temp, path).map_err(|e| e.to_string())
}

fn measure(binary: &Path, folder: Option<&Path>, runs: usize) -> Result<Vec<Duration>, String> {
    let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
    let probes = scratch.path().join("probe");
    fs::create_dir_all(&probes).map_err(|e| e.to_string())?;
    let probe_file = probes.join("probe.md");
    save(&probe_file, &probe(0))?;
    let args = match folder {
        Some(folder) => format!(
            "--schools '{}' --schools '{}'",
            probes.display(),
            folder.display()
        ),
        None => format!("--schools '{}'", probes.display()),
    };
    let tmux = Tmux {
        socket: scratch.path().join("tmux.sock"),
    };
    let script = format!(
        "PROFDEX_DATA_DIR='{0}/data' PROFDEX_CACHE_DIR='{0}/cache' exec '{1}' {args}",
        scratch.path().display(),
        binary.display()
    );
    tmux.run(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-x",
        "160",
        "-y",
        "48",
        "sh",
        "-c",
        &script,
    ])?;
    let loaded = tmux.wait_for("Probe Person 0")?;
    println!("  loaded in {}", ms(loaded));
    let mut times = Vec::new();
    for run in 1..=runs {
        // Quiet first, so that each change is a burst of its own.
        thread::sleep(Duration::from_secs(1));
        let start = Instant::now();
        save(&probe_file, &probe(run))?;
        tmux.wait_for(&format!("Probe Person {run}"))?;
        let took = start.elapsed();
        println!("  run {run}: {}", ms(took));
        times.push(took);
    }
    Ok(times)
}

fn main() -> ExitCode {
    let mut runs = 5;
    let mut folders = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            let Some(n) = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) else {
                eprintln!("reload_bench: --runs needs a positive number");
                return ExitCode::from(2);
            };
            runs = n;
        } else {
            folders.push(PathBuf::from(arg));
        }
    }
    // target/release/examples/reload_bench → target/release/profdex
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("profdex")))
        .filter(|binary| binary.is_file());
    let Some(binary) = binary else {
        eprintln!(
            "reload_bench: no profdex binary beside the examples folder: cargo build --release"
        );
        return ExitCode::from(2);
    };
    let mut cases: Vec<Option<&Path>> = vec![None];
    cases.extend(folders.iter().map(|f| Some(f.as_path())));
    for folder in cases {
        let label = folder.map_or_else(
            || "the built-in data".to_string(),
            |f| f.display().to_string(),
        );
        println!("{label}, with a probe file:");
        match measure(&binary, folder, runs) {
            Ok(mut times) => {
                times.sort();
                println!(
                    "  file saved → new person on screen: median {}, best {}, worst {}",
                    ms(times[times.len() / 2]),
                    ms(times[0]),
                    ms(times[times.len() - 1])
                );
            }
            Err(error) => {
                eprintln!("reload_bench: {label}: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
