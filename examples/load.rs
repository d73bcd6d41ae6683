//! How long loading a folder takes, the way every command loads it:
//!
//! ```sh
//! cargo run --release --example load -- /tmp/syn1m
//! ```
//!
//! Prints the median of `--runs N` (default 3) loads: discovering, reading,
//! parsing and merging every `*.md` in the folders given; with `--cache
//! DIR`, through the parsed-directory cache there (the first run fills it).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use profdex::sources::{self, SourceOptions};

fn main() -> ExitCode {
    let mut runs = 3;
    let mut folders = Vec::new();
    let mut cache = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            let Some(n) = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) else {
                eprintln!("load: --runs needs a positive number");
                return ExitCode::from(2);
            };
            runs = n;
        } else if arg == "--cache" {
            cache = args.next().map(PathBuf::from);
        } else {
            folders.push(PathBuf::from(arg));
        }
    }
    if folders.is_empty() {
        eprintln!("usage: load [--runs N] FOLDER...");
        return ExitCode::from(2);
    }
    let options = SourceOptions {
        builtin: false,
        data_dir: None,
        schools: folders,
    };
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let inputs = match sources::discover(&options) {
            Ok(inputs) => inputs,
            Err(error) => {
                eprintln!("load: {error}");
                return ExitCode::from(2);
            }
        };
        let loaded = profdex::cache::load(&inputs, cache.as_deref());
        times.push(start.elapsed());
        println!(
            "{:.3?}: {} files, {} schools, {} people, {} diagnostics",
            start.elapsed(),
            inputs.len(),
            loaded.directory.schools.len(),
            loaded.directory.people.len(),
            loaded.diagnostics.len()
        );
        // What is measured is loading, not freeing.
        std::mem::forget(loaded);
    }
    times.sort();
    println!("median {:.3?} of {runs}", times[runs / 2]);
    ExitCode::SUCCESS
}
