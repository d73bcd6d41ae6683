//! How long the reader takes, on one core, without the disk or the merge:
//!
//! ```sh
//! cargo run --release --example parse_bench -- /tmp/csrankings
//! ```
//!
//! Every `*.md` in the folders given is read into memory once, then parsed
//! `--runs N` times (default 15); the fastest and the median pass are
//! printed, the fastest being the figure least disturbed by a busy
//! machine. With `--shapes`, the shapes the reader must read in linear
//! time too, list entries, tables and canonical people, at 10,000 and
//! 100,000 rows: ten times the rows should take about ten times as long.
//!
//! ```sh
//! cargo run --release --example parse_bench -- --shapes
//! ```

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use profdex::parse::parse;

fn main() -> ExitCode {
    let mut runs = 15;
    let mut folders = Vec::new();
    let mut shapes = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--shapes" {
            shapes = true;
        } else if arg == "--runs" {
            let Some(n) = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) else {
                eprintln!("parse_bench: --runs needs a positive number");
                return ExitCode::from(2);
            };
            runs = n;
        } else {
            folders.push(PathBuf::from(arg));
        }
    }
    if folders.is_empty() && !shapes {
        eprintln!("usage: parse_bench [--runs N] [--shapes] [FOLDER...]");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for folder in &folders {
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(error) => {
                eprintln!("parse_bench: {}: {error}", folder.display());
                return ExitCode::from(2);
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        paths.sort();
        for path in paths {
            match std::fs::read(&path) {
                Ok(bytes) => files.push((path.display().to_string(), bytes)),
                Err(error) => eprintln!("parse_bench: {}: {error}", path.display()),
            }
        }
    }
    if !files.is_empty() {
        let (fastest, median, people) = time(runs, || {
            files
                .iter()
                .map(|(label, bytes)| parse(label, bytes).people.len())
                .sum()
        });
        say(&format!(
            "{} files, {people} people: fastest {fastest:.2?}, median {median:.2?} of {runs}",
            files.len()
        ));
    }
    if !shapes {
        return ExitCode::SUCCESS;
    }
    for rows in [10_000, 100_000] {
        let cases = [
            ("list entries", entries(rows)),
            ("table rows", table(rows)),
            ("canonical people", canonical(rows)),
        ];
        for (shape, text) in cases {
            let (fastest, median, people) = time(runs.min(5), || {
                parse("bench.md", text.as_bytes()).people.len()
            });
            say(&format!(
                "{rows} {shape}: fastest {fastest:.2?}, median {median:.2?} ({people} people)"
            ));
        }
    }
    ExitCode::SUCCESS
}

/// A line on stdout; a closed pipe (`| head`) ends nothing badly.
fn say(line: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// The fastest and the median of `runs` calls of `pass`, and what it gave.
fn time(runs: usize, mut pass: impl FnMut() -> usize) -> (Duration, Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut out = 0;
    for _ in 0..runs {
        let start = Instant::now();
        out = pass();
        times.push(start.elapsed());
    }
    times.sort();
    (times[0], times[runs / 2], out)
}

fn entries(rows: usize) -> String {
    let mut text = String::from("# Bench U - Faculty\n\n## Faculty\n\n**Group**\n");
    for i in 0..rows {
        let _ = writeln!(
            text,
            "* [Person {i}](https://u.example/~p{i}/) (Dept {}) – topic {}, topic {}; and topic {}.",
            i % 13,
            i % 97,
            i % 89,
            i % 7
        );
    }
    text
}

fn table(rows: usize) -> String {
    let mut text = String::from(
        "# Bench U - Faculty\n\n| Name | University | Research | Homepage |\n|---|---|---|---|\n",
    );
    for i in 0..rows {
        let _ = writeln!(
            text,
            "| [Person {i}](https://u.example/~p{i}/) | School {} | topic {}<br>topic {} | [web](https://p{i}.example/) |",
            i % 50,
            i % 97,
            i % 89
        );
    }
    text
}

fn canonical(rows: usize) -> String {
    let mut text = String::from("# Bench U - Faculty\n\n## Faculty\n");
    for i in 0..rows {
        let _ = writeln!(
            text,
            "\n### Person {i}\n- **Title**: Professor\n- **Research**: topic {}, topic {}\n- **Website**: https://u.example/~p{i}/",
            i % 97,
            i % 89
        );
    }
    text
}
