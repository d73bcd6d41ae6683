//! Writes a synthetic directory, one file per school (`src/synthetic.rs`):
//!
//! ```sh
//! cargo run --release --example generate -- --people 1000000 --schools 1000 --out /tmp/syn1m
//! ```
//!
//! `--seed N` gives another directory of the same shape.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use profdex::synthetic::{self, Spec};

const USAGE: &str = "usage: generate --people N --schools N --out DIR [--seed N]";

fn main() -> ExitCode {
    let (spec, out) = match arguments() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("generate: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match synthetic::write(spec, &out) {
        Ok(files) => {
            println!(
                "{} people in {files} files under {} ({:.2?})",
                spec.people,
                out.display(),
                start.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("generate: cannot write {}: {error}", out.display());
            ExitCode::from(2)
        }
    }
}

fn arguments() -> Result<(Spec, PathBuf), String> {
    let mut spec = Spec {
        people: 100_000,
        schools: 100,
        seed: 1,
    };
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number: {value}"))
        };
        match flag.as_str() {
            "--people" => spec.people = usize::try_from(number()?).map_err(|e| e.to_string())?,
            "--schools" => spec.schools = usize::try_from(number()?).map_err(|e| e.to_string())?,
            "--seed" => spec.seed = number()?,
            "--out" => out = Some(PathBuf::from(&value)),
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    if spec.schools == 0 {
        return Err("--schools must be at least 1".into());
    }
    Ok((spec, out.ok_or("--out DIR is required")?))
}
