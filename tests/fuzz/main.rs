//! A fuzzer of the whole browser: one to three generated directory files
//! (valid shapes and hostile text) are loaded and merged, become an `App`,
//! and take random key presses, pastes, clicks, wheel ticks and resizes,
//! every frame drawn and checked. Each case is a pure function of its
//! seed, so a seed is a reproducer. It runs on the stable toolchain and
//! needs no coverage instrumentation.
//!
//! ```sh
//! # fuzz for 10 minutes (the `fuzz` profile is release with overflow checks)
//! PROFDEX_FUZZ_SECONDS=600 cargo test --profile fuzz --test fuzz -- --ignored fuzz_loop --nocapture
//! # replay one case, printing every event and action
//! PROFDEX_FUZZ_CASE=0x1234 cargo test --profile fuzz --test fuzz -- --ignored replay --nocapture
//! ```
//!
//! `PROFDEX_FUZZ_SEED` fixes the run's seed (default: the clock),
//! `PROFDEX_FUZZ_EVENTS` the most events in a case (default 300),
//! `PROFDEX_FUZZ_TIMEOUT` the seconds after which a case counts as hung
//! and stops the run (default 120), and `PROFDEX_FUZZ_DUMP=DIR` makes
//! `replay` write the case's files there.

mod census;
mod checks;
mod docs;
mod events;
mod live;
mod regressions;
mod rng;
mod session;
mod shapes;
mod text;

use std::backtrace::Backtrace;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, Once, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use session::{Options, Outcome};

/// The last panic's message, location and stack, kept by the panic hook.
static PANIC: Mutex<Option<String>> = Mutex::new(None);
/// While fuzzing, the hook keeps panics for the report (each fault once)
/// instead of printing every one.
static QUIET: AtomicBool = AtomicBool::new(false);

fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let backtrace = ours(&Backtrace::force_capture().to_string());
            *PANIC.lock().unwrap_or_else(PoisonError::into_inner) =
                Some(format!("{info}\nstack backtrace:\n{backtrace}"));
            if !QUIET.load(Ordering::Relaxed) {
                previous(info);
            }
        }));
    });
}

/// The case under way and when it started (milliseconds into the run;
/// `u64::MAX` between cases), for the watchdog.
static CURRENT_CASE: AtomicU64 = AtomicU64::new(0);
static CASE_STARTED: AtomicU64 = AtomicU64::new(u64::MAX);
/// The run's figures so far, for the watchdog to print.
static PROGRESS: Mutex<String> = Mutex::new(String::new());

/// A case that runs past `limit` is stuck (no thread can be stopped from
/// outside): say which one and end the run.
fn watchdog(run: Instant, limit: Duration) {
    thread::spawn(move || {
        loop {
            thread::sleep(Duration::from_secs(1));
            let started = CASE_STARTED.load(Ordering::Relaxed);
            let now = u64::try_from(run.elapsed().as_millis()).unwrap_or(u64::MAX);
            if started != u64::MAX && now.saturating_sub(started) > millis(limit) {
                let seed = CURRENT_CASE.load(Ordering::Relaxed);
                let progress = PROGRESS.lock().unwrap_or_else(PoisonError::into_inner);
                println!(
                    "\n=== hang: case {seed:#x} ran for over {limit:?}; replay with PROFDEX_FUZZ_CASE={seed:#x}\nbefore it: {progress}"
                );
                std::process::exit(1);
            }
        }
    });
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// The frames of a backtrace that say where a panic came from: those of
/// profdex and its dependencies, up to the fuzzer's own `case`, without
/// the standard library's and the test harness's.
fn ours(backtrace: &str) -> String {
    const NOISE: &[&str] = &[
        "std::",
        "core::",
        "alloc::",
        "test::",
        "__rust",
        "<std::",
        "<core::",
        "<alloc::",
        "<fn()",
        "fuzz::install_hook",
        "start_thread",
        "clone3",
        "{closure#0}",
        "call_once",
        "do_call",
        "catch_unwind",
    ];
    let mut out = String::new();
    let mut keep = false;
    for line in backtrace.lines() {
        let trimmed = line.trim_start();
        if let Some((number, name)) = trimmed.split_once(": ")
            && number.chars().all(|c| c.is_ascii_digit())
        {
            keep = !NOISE.iter().any(|noise| name.starts_with(noise));
            if keep {
                out.push_str(line);
                out.push('\n');
            }
            if name == "case" || name.starts_with("fuzz::case") {
                break;
            }
        } else if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[derive(Debug)]
enum Failure {
    /// The message, where it was raised, and the stack.
    Panic(String),
    /// An invariant that did not hold.
    Broken(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panic(report) => write!(f, "panic: {report}"),
            Failure::Broken(what) => write!(f, "broken invariant: {what}"),
        }
    }
}

impl Failure {
    /// What tells one fault from another: where the panic was raised and
    /// its message without numbers, or which invariant broke.
    fn signature(&self) -> String {
        match self {
            Failure::Panic(report) => {
                let mut lines = report.lines();
                let place = lines.next().unwrap_or_default();
                let message: String = lines
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .filter(|c| !c.is_ascii_digit())
                    .collect();
                format!("{place} {message}")
            }
            Failure::Broken(what) => what.split(':').next().unwrap_or_default().to_string(),
        }
    }
}

/// Runs case `seed`, catching a panic.
fn case(seed: u64, options: &Options) -> Result<Outcome, Failure> {
    install_hook();
    PANIC.lock().unwrap_or_else(PoisonError::into_inner).take();
    match panic::catch_unwind(AssertUnwindSafe(|| session::run(seed, options))) {
        Ok(Ok(outcome)) => Ok(outcome),
        Ok(Err(broken)) => Err(Failure::Broken(broken)),
        Err(payload) => {
            let recorded = PANIC.lock().unwrap_or_else(PoisonError::into_inner).take();
            let message = payload
                .downcast_ref::<&str>()
                .map(ToString::to_string)
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Failure::Panic(recorded.unwrap_or(message)))
        }
    }
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let value = value.trim();
    let parsed = match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => value.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={value:?} is not a number")))
}

fn max_events() -> usize {
    env_number("PROFDEX_FUZZ_EVENTS").map_or(300, |n| usize::try_from(n).unwrap_or(usize::MAX))
}

#[derive(Default)]
struct Totals {
    cases: u64,
    events: u64,
    actions: u64,
    frames: u64,
    loading: Duration,
    drawing: Duration,
    /// The most people one case loaded.
    people: usize,
    census: BTreeSet<&'static str>,
    /// The slowest events, with their cases.
    slow: Vec<(Duration, u64)>,
    /// The slowest loads, with their cases.
    slow_loads: Vec<(Duration, u64)>,
}

impl Totals {
    fn add(&mut self, seed: u64, outcome: Outcome) {
        self.cases += 1;
        self.events += outcome.events;
        self.actions += outcome.actions;
        self.frames += outcome.frames;
        self.loading += outcome.loading;
        self.drawing += outcome.drawing;
        self.people = self.people.max(outcome.people);
        self.census.extend(outcome.census);
        self.slow.push((outcome.slowest, seed));
        self.slow.sort_by(|a, b| b.cmp(a));
        self.slow.truncate(5);
        self.slow_loads.push((outcome.loading, seed));
        self.slow_loads.sort_by(|a, b| b.cmp(a));
        self.slow_loads.truncate(5);
    }

    fn line(&self, elapsed: Duration) -> String {
        format!(
            "{:.0} s: {} cases, {} events, {} actions, {} frames",
            elapsed.as_secs_f64(),
            self.cases,
            self.events,
            self.actions,
            self.frames
        )
    }
}

/// The fuzz loop: cases from the run's seed until the time is up, then a
/// report of every distinct fault with the seed that reproduces it.
#[test]
#[ignore = "runs for PROFDEX_FUZZ_SECONDS; see the README, Fuzzing"]
fn fuzz_loop() {
    let seconds = env_number("PROFDEX_FUZZ_SECONDS").unwrap_or(60);
    let run_seed = env_number("PROFDEX_FUZZ_SEED").unwrap_or_else(|| {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        u64::try_from(now.as_nanos() % u128::from(u64::MAX)).unwrap_or(0)
    });
    println!("fuzzing for {seconds} s, run seed {run_seed:#x}");
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let options = Options {
        scratch: scratch.path(),
        max_events: max_events(),
        trace: false,
        census: true,
        limits: docs::FULL,
    };
    let mut totals = Totals::default();
    let mut faults: BTreeMap<String, (u64, u64, Failure)> = BTreeMap::new();
    let started = Instant::now();
    let mut report_at = Duration::from_mins(1);
    let timeout = Duration::from_secs(env_number("PROFDEX_FUZZ_TIMEOUT").unwrap_or(120));
    watchdog(started, timeout);
    QUIET.store(true, Ordering::Relaxed);
    for index in 0.. {
        let elapsed = started.elapsed();
        if elapsed >= Duration::from_secs(seconds) {
            break;
        }
        if elapsed >= report_at {
            println!("{}, {} distinct faults", totals.line(elapsed), faults.len());
            report_at += Duration::from_mins(1);
        }
        let seed = rng::mix(run_seed, index);
        CURRENT_CASE.store(seed, Ordering::Relaxed);
        CASE_STARTED.store(millis(started.elapsed()), Ordering::Relaxed);
        let result = case(seed, &options);
        CASE_STARTED.store(u64::MAX, Ordering::Relaxed);
        match result {
            Ok(outcome) => totals.add(seed, outcome),
            Err(failure) => {
                totals.cases += 1;
                let signature = failure.signature();
                if !faults.contains_key(&signature) {
                    // Now, in case a later case hangs and ends the run.
                    println!("\n=== new fault in case {seed:#x}\n{failure}");
                }
                faults.entry(signature).or_insert((seed, 0, failure)).1 += 1;
            }
        }
        *PROGRESS.lock().unwrap_or_else(PoisonError::into_inner) = format!(
            "{}, {} distinct faults",
            totals.line(started.elapsed()),
            faults.len()
        );
    }
    QUIET.store(false, Ordering::Relaxed);
    println!("{}", totals.line(started.elapsed()));
    let missed: Vec<_> = census::ALL
        .iter()
        .filter(|name| !totals.census.contains(*name))
        .collect();
    println!(
        "loading took {:.1?}, drawing {:.1?}; the largest directory had {} people",
        totals.loading, totals.drawing, totals.people
    );
    println!("actions never caused: {missed:?}");
    for (slowest, seed) in &totals.slow {
        println!("slow: one event or frame took {slowest:.2?} in case {seed:#x}");
    }
    for (took, seed) in &totals.slow_loads {
        println!("slow: loading took {took:.2?} in case {seed:#x}");
    }
    for (signature, (seed, count, _)) in &faults {
        println!("fault in {count} cases, first PROFDEX_FUZZ_CASE={seed:#x}: {signature}");
    }
    assert!(faults.is_empty(), "{} distinct faults, above", faults.len());
}

/// Replays `PROFDEX_FUZZ_CASE`, printing every event, action and effect.
#[test]
#[ignore = "replays PROFDEX_FUZZ_CASE; see the README, Fuzzing"]
fn replay() {
    let seed = env_number("PROFDEX_FUZZ_CASE").expect("PROFDEX_FUZZ_CASE=<seed> to replay");
    let limits = if std::env::var_os("PROFDEX_FUZZ_SMALL").is_some() {
        docs::SMALL
    } else {
        docs::FULL
    };
    let (_, documents) = session::generate(seed, limits);
    if let Ok(dump) = std::env::var("PROFDEX_FUZZ_DUMP") {
        for (i, document) in documents.iter().enumerate() {
            let path = std::path::Path::new(&dump).join(format!("{i}-{}", document.name));
            std::fs::write(&path, &document.bytes).expect("write the case's file");
            println!("wrote {}", path.display());
        }
    }
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let options = Options {
        scratch: scratch.path(),
        max_events: max_events(),
        trace: true,
        census: false,
        limits,
    };
    let outcome = session::run(seed, &options);
    println!("{outcome:#?}");
    outcome.expect("the invariants hold");
}

fn quick(scratch: &std::path::Path) -> Options<'_> {
    Options {
        scratch,
        max_events: 40,
        trace: false,
        census: true,
        limits: docs::SMALL,
    }
}

/// A handful of cases on every `cargo test`, so that the fuzzer itself
/// keeps working and the commonest faults are caught at once.
#[test]
fn a_few_cases_run_clean() {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    for seed in 0..12 {
        if let Err(failure) = case(seed, &quick(scratch.path())) {
            panic!("case {seed:#x} (replay with PROFDEX_FUZZ_SMALL=1): {failure}");
        }
    }
}

/// A seed is a reproducer only if the case goes the same way every time.
#[test]
fn a_case_replays_exactly() {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    for seed in [3, 0xBEEF] {
        let first = case(seed, &quick(scratch.path())).expect("a clean case");
        let again = case(seed, &quick(scratch.path())).expect("a clean case");
        assert!(first.events > 0 && first.frames > 0, "{first:?}");
        assert_eq!(
            (first.events, first.actions, first.frames, first.last_frame),
            (again.events, again.actions, again.frames, again.last_frame),
            "case {seed:#x}"
        );
    }
}

/// The documents are what the loader must cope with: people, labs and
/// diagnostics all occur, and so do the hostile pieces.
#[test]
fn documents_have_people_labs_and_trouble() {
    let (mut files, mut people, mut labs, mut hostile) = (0, 0, 0, 0);
    for seed in 0..200 {
        let (_, documents) = session::generate(seed, docs::SMALL);
        for document in documents {
            files += 1;
            let text = String::from_utf8_lossy(&document.bytes);
            people += usize::from(text.contains("### "));
            labs += usize::from(text.contains("Labs"));
            hostile += usize::from(text.contains('\u{1100}') || text.contains('\u{202E}'));
        }
    }
    assert!(people * 2 > files, "{people} of {files} files have people");
    assert!(labs * 5 > files, "{labs} of {files} files have labs");
    assert!(
        hostile * 10 > files,
        "{hostile} of {files} files have jamo or bidi"
    );
}

/// The published shapes are in the documents, and the reader reads them:
/// list entries and table rows both become people in many files.
#[test]
fn documents_have_list_entries_and_tables() {
    let (mut files, mut listed, mut tabled, mut fronted) = (0, 0, 0, 0);
    for seed in 0..200 {
        let (_, documents) = session::generate(seed, docs::SMALL);
        for document in documents {
            files += 1;
            let parsed = profdex::parse::parse(&document.name, &document.bytes);
            listed += usize::from(parsed.shapes.listed > 0);
            tabled += usize::from(parsed.shapes.tabled + parsed.shapes.labs_tabled > 0);
            fronted += usize::from(document.bytes.starts_with(b"---"));
        }
    }
    assert!(
        listed * 8 > files,
        "{listed} of {files} files gave list entries"
    );
    assert!(
        tabled * 12 > files,
        "{tabled} of {files} files gave table rows"
    );
    assert!(
        fronted * 12 > files,
        "{fronted} of {files} files have front matter"
    );
}

/// Every action a user or the runner can cause happens in a few cases,
/// but for the two answers of a background search, which needs 10,000
/// people and is left to the fuzz loop (it prints the actions it never
/// caused).
#[test]
fn cases_cause_every_action() {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let mut seen = BTreeSet::new();
    let wanted: Vec<&str> = census::ALL
        .iter()
        .copied()
        .filter(|name| !matches!(*name, "Searched" | "SearchFailed"))
        .collect();
    let options = Options {
        max_events: 200,
        ..quick(scratch.path())
    };
    for seed in 100..300 {
        let outcome = case(seed, &options)
            .unwrap_or_else(|failure| panic!("case {seed:#x} (PROFDEX_FUZZ_SMALL=1): {failure}"));
        seen.extend(outcome.census);
        if wanted.iter().all(|name| seen.contains(name)) {
            println!("every action by case {seed}");
            return;
        }
    }
    let missed: Vec<_> = wanted.iter().filter(|name| !seen.contains(*name)).collect();
    panic!("never caused: {missed:?}");
}
