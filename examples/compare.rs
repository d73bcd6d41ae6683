//! profdex against `fzf --filter` as whole processes, on the same people:
//!
//! ```sh
//! cargo build --release && cargo run --release --example compare -- /tmp/csrankings /tmp/syn1m
//! ```
//!
//! For each folder it writes its people one per line (name, title,
//! research, school) for fzf, then times `profdex --no-builtin --schools DIR
//! search QUERY` with a warm cache, without one (`--no-cache`, the markdown
//! parsed every time), and `fzf --filter QUERY` over that file. Each figure
//! is the median of several runs; peak memory (maximum resident set) comes
//! from `/usr/bin/time` when it is there. Output goes to /dev/null for all.
//! Options: `--query Q` (default `wei`), `--runs N` (default 5).

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use profdex::sources::{self, SourceOptions};

const TIME: &str = "/usr/bin/time";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("compare: {message}");
            ExitCode::from(2)
        }
    }
}

struct Options {
    folders: Vec<PathBuf>,
    query: String,
    runs: usize,
}

/// One measured command: median wall and CPU (user + system) seconds, and
/// the largest peak in KiB. CPU time tells more than wall time on a machine
/// others are using too.
struct Figure {
    seconds: f64,
    cpu: Option<f64>,
    peak_kib: Option<u64>,
}

fn run() -> Result<(), String> {
    let options = options()?;
    let profdex = profdex_binary()?;
    if Command::new("fzf").arg("--version").output().is_err() {
        return Err("fzf is not installed; nothing to compare with".into());
    }
    let has_cache = Command::new(&profdex)
        .arg("--help")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("--no-cache"));
    let scratch =
        tempfile::tempdir().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let mut table = String::from(
        "| folder | people | profdex warm | profdex cold | fzf --filter | warm / fzf | peak warm | peak cold | peak fzf |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for folder in &options.folders {
        let flat = scratch.path().join("people.txt");
        let people = flatten(folder, &flat)?;
        let cache = scratch.path().join("cache");
        let data = scratch.path().join("data");
        let profdex_command = |no_cache: bool| {
            let mut command = Command::new(&profdex);
            command
                .env("PROFDEX_CACHE_DIR", &cache)
                .env("PROFDEX_DATA_DIR", &data)
                .args(["--no-builtin", "--schools"])
                .arg(folder)
                .args(no_cache.then_some("--no-cache"))
                .args(["search", &options.query]);
            command
        };
        let warm = if has_cache {
            // The first run fills the cache; it is not counted.
            measure(&profdex_command(false), None, 1)?;
            Some(measure(&profdex_command(false), None, options.runs)?)
        } else {
            None
        };
        let cold = measure(&profdex_command(has_cache), None, options.runs)?;
        let mut fzf = Command::new("fzf");
        fzf.args(["--filter", &options.query]);
        let fzf = measure(&fzf, Some(&flat), options.runs)?;
        let fast = warm.as_ref().unwrap_or(&cold);
        let _ = writeln!(
            table,
            "| {} | {people} | {} | {} | {} | {:.2} | {} | {} | {} |",
            folder.display(),
            warm.as_ref().map_or("-".into(), seconds),
            seconds(&cold),
            seconds(&fzf),
            fast.seconds / fzf.seconds,
            warm.as_ref().map_or("-".into(), peak),
            peak(&cold),
            peak(&fzf),
        );
        let _ = fs::remove_dir_all(&cache);
    }
    println!(
        "query \"{}\", median of {} runs, output to /dev/null\n\n{table}",
        options.query, options.runs
    );
    Ok(())
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        folders: Vec::new(),
        query: "wei".into(),
        runs: 5,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--query" => options.query = args.next().ok_or("--query needs a value")?,
            "--runs" => {
                let value = args.next().ok_or("--runs needs a value")?;
                options.runs = value
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--runs: not a positive number: {value}"))?;
            }
            _ => options.folders.push(PathBuf::from(arg)),
        }
    }
    if options.folders.is_empty() {
        return Err("usage: compare [--query Q] [--runs N] FOLDER...".into());
    }
    Ok(options)
}

/// The release binary beside this example (`target/release/examples/..`).
fn profdex_binary() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("profdex"))
        .filter(|path| path.is_file())
        .ok_or("no profdex binary beside this example: run `cargo build --release` first")?;
    Ok(binary)
}

/// Writes the people of `folder` one per line, as fzf would be given them;
/// returns how many.
fn flatten(folder: &Path, flat: &Path) -> Result<usize, String> {
    let inputs = sources::discover(&SourceOptions {
        builtin: false,
        data_dir: None,
        schools: vec![folder.to_path_buf()],
    })
    .map_err(|e| e.to_string())?;
    let directory = sources::load(&inputs).directory;
    let file = File::create(flat).map_err(|e| format!("{}: {e}", flat.display()))?;
    let mut out = BufWriter::new(file);
    for person in &directory.people {
        let school = &directory.school_of(person).name;
        let title = person.title().unwrap_or("");
        let line = format!(
            "{}\t{title}\t{}\t{school}",
            person.name(),
            person.research_line()
        );
        // fzf reads lines: a newline inside a field would make two people.
        writeln!(out, "{}", line.replace(['\n', '\r'], " ")).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(directory.people.len())
}

/// Runs `command` `runs` times, output discarded, stdin from `input`.
fn measure(command: &Command, input: Option<&Path>, runs: usize) -> Result<Figure, String> {
    let use_time = Path::new(TIME).is_file();
    let mut times = Vec::with_capacity(runs);
    let mut cpus = Vec::with_capacity(runs);
    let mut peak_kib: Option<u64> = None;
    let report = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
    for _ in 0..runs {
        let mut wrapped = if use_time {
            let mut with_time = Command::new(TIME);
            with_time.args(["-f", "%M %U %S", "-o"]).arg(report.path());
            with_time
                .arg(command.get_program())
                .args(command.get_args());
            with_time
        } else {
            let mut plain = Command::new(command.get_program());
            plain.args(command.get_args());
            plain
        };
        for (key, value) in command.get_envs() {
            if let Some(value) = value {
                wrapped.env(key, value);
            }
        }
        wrapped.stdout(Stdio::null()).stderr(Stdio::null());
        match input {
            Some(path) => wrapped.stdin(File::open(path).map_err(|e| e.to_string())?),
            None => wrapped.stdin(Stdio::null()),
        };
        let start = Instant::now();
        let status = wrapped.status().map_err(|e| format!("cannot run: {e}"))?;
        times.push(start.elapsed().as_secs_f64());
        // fzf and profdex exit 1 when nothing matches: still a measurement.
        if status.code().is_none_or(|code| code > 1) {
            return Err(format!(
                "{} failed: {status}",
                command.get_program().display()
            ));
        }
        if use_time {
            let text = fs::read_to_string(report.path()).unwrap_or_default();
            let fields: Vec<&str> = text
                .lines()
                .last()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            if let [kib, user, system] = fields[..] {
                peak_kib = peak_kib.max(kib.parse().ok());
                if let (Ok(user), Ok(system)) = (user.parse::<f64>(), system.parse::<f64>()) {
                    cpus.push(user + system);
                }
            }
        }
    }
    Ok(Figure {
        seconds: median(&mut times).unwrap_or(0.0),
        cpu: median(&mut cpus),
        peak_kib,
    })
}

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

fn seconds(figure: &Figure) -> String {
    match figure.cpu {
        Some(cpu) => format!("{:.3} s ({cpu:.2} CPU)", figure.seconds),
        None => format!("{:.3} s", figure.seconds),
    }
}

fn peak(figure: &Figure) -> String {
    figure
        .peak_kib
        .map_or("-".into(), |kib| format!("{} MB", kib / 1024))
}
