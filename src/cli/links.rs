//! `check --links`: every distinct URL of the selected sources checked
//! once (or taken from the store when checked recently), each use
//! reported where it is written, moved ones offered as a diff.

use std::collections::{HashMap, HashSet};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;

use super::files::{self, plural};
use super::{resolve, tell};
use crate::aliases::school_identity;
use crate::diag::{Diagnostic, Severity};
use crate::favorites::FavoriteKey;
use crate::links::uses::{Gathered, Owner, Use, gather};
use crate::links::{self, Accept, Client, Limits, Outcome, State, Store, Stored};
use crate::sanitize::sanitize;
use crate::setup::{Failure, Setup};

/// The options of `check --links`.
// Each flag is a bool, as clap gives them.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// With --links: only this school's links (name, case-insensitive, or a unique part of it)
    #[arg(long, value_name = "S", requires = "links")]
    pub school: Option<String>,
    /// With --links: only the favorites' links
    #[arg(long, requires = "links")]
    pub favorites: bool,
    /// With --links: skip URLs containing PATTERN, or matching it as a glob (`*`, `?`); repeatable
    #[arg(long, value_name = "PATTERN", requires = "links")]
    pub exclude: Vec<String>,
    /// With --links: HTTP statuses that count as ok, e.g. `200..=299,403` [default: 200..=299]
    #[arg(long, value_name = "CODES", requires = "links")]
    pub accept: Option<String>,
    /// With --links: requests in flight at once
    #[arg(long, value_name = "N", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// With --links: requests in flight at once to one host (scheme, host and port)
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub host_concurrency: u16,
    /// With --links: least milliseconds between two requests to one host
    #[arg(long, value_name = "MS", default_value_t = 100)]
    pub host_interval: u64,
    /// With --links: seconds to connect, and for a whole request
    #[arg(long, value_name = "SECONDS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// With --links: redirects followed before giving up
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_redirects: usize,
    /// With --links: take a URL's last check when it is younger than this (`1d`, `12h`, `30m`, `0`)
    #[arg(long, value_name = "AGE", default_value = "1d")]
    pub max_age: String,
    /// With --links: check every URL again, whatever the store says
    #[arg(long, requires = "links")]
    pub recheck: bool,
    /// With --links: print one JSON array, an object per URL
    #[arg(long, requires = "links", conflicts_with = "fix_moved")]
    pub json: bool,
    /// With --links: also list redirected and excluded links
    #[arg(long, requires = "links")]
    pub verbose: bool,
    /// With --links: print a unified diff that replaces each moved URL with where it moved
    #[arg(long, requires = "links")]
    pub fix_moved: bool,
    /// With --fix-moved: change the files instead of printing the diff
    #[arg(long, requires = "fix_moved")]
    pub write: bool,
}

impl LinkArgs {
    fn limits(&self) -> Result<Limits, Failure> {
        let accept = match &self.accept {
            Some(text) => {
                Accept::parse(text).map_err(|why| Failure::Usage(format!("--accept: {why}")))?
            }
            None => Accept::default(),
        };
        Ok(Limits {
            concurrency: usize::from(self.concurrency),
            host_concurrency: usize::from(self.host_concurrency),
            host_interval: Duration::from_millis(self.host_interval),
            timeout: Duration::from_secs(self.timeout),
            max_redirects: self.max_redirects,
            accept,
            ..Limits::default()
        })
    }
}

pub(super) fn check(
    setup: &Setup,
    paths: Vec<PathBuf>,
    args: &LinkArgs,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let limits = args.limits()?;
    let max_age = links::parse_age(&args.max_age)
        .map_err(|why| Failure::Usage(format!("--max-age: {why}")))?;
    let inputs = files::inputs(setup, paths)?;
    let gathered = gather(&inputs);
    files::report_diagnostics(
        &gathered
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect::<Vec<_>>(),
        5,
        "profdex check",
    );
    let uses = selected(setup, &gathered, args)?;
    // Each URL once, in the order first used.
    let mut urls: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for used in &uses {
        if seen.insert(used.url.as_str()) {
            urls.push(&used.url);
        }
    }
    let store = Store::in_cache_dir();
    let (mut outcomes, to_check, cached) = known(store.as_ref(), &urls, args, max_age);
    let started = Instant::now();
    let checked = run_checks(limits, &to_check);
    let elapsed = started.elapsed();
    if let Some(store) = &store
        && !checked.is_empty()
    {
        let fresh: Stored = to_check
            .iter()
            .cloned()
            .zip(checked.iter().cloned())
            .collect();
        if let Err(error) = store.save(&fresh) {
            tell(&format!(
                "warning: {}; results not kept",
                sanitize(&error.to_string())
            ));
        }
    }
    outcomes.extend(to_check.into_iter().zip(checked));
    let report = Findings {
        gathered: &gathered,
        uses: &uses,
        outcomes: &outcomes,
    };
    let summary = report.summary(&urls, cached, elapsed);
    if args.fix_moved {
        report.fix_moved(args.write, out)?;
        tell(&summary);
    } else if args.json {
        report.json(&urls, out)?;
        tell(&summary);
    } else {
        for diagnostic in report.diagnostics(args.verbose) {
            writeln!(out, "{diagnostic}")?;
        }
        writeln!(out, "{summary}")?;
    }
    let dead = urls
        .iter()
        .filter(|url| outcomes.get(**url).is_some_and(|o| o.state == State::Dead))
        .count();
    if dead > 0 {
        return Err(Failure::NotFound(format!(
            "{dead} dead link{}",
            plural(dead)
        )));
    }
    Ok(())
}

/// What is known of `urls` without asking: excluded, invalid, or
/// checked within `max_age`; and the URLs to check.
fn known(
    store: Option<&Store>,
    urls: &[&str],
    args: &LinkArgs,
    max_age: Duration,
) -> (HashMap<String, Outcome>, Vec<String>, usize) {
    let stored = match store.map(Store::load) {
        Some(Ok(stored)) => stored,
        Some(Err(error)) => {
            tell(&format!("warning: {}", sanitize(&error.to_string())));
            Stored::new()
        }
        None => Stored::new(),
    };
    let now = links::now();
    let fresh_since = now.saturating_sub(i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX));
    let mut outcomes: HashMap<String, Outcome> = HashMap::new();
    let mut to_check: Vec<String> = Vec::new();
    let mut cached = 0;
    for &url in urls {
        if excluded(url, &args.exclude) {
            outcomes.insert(url.to_owned(), Outcome::new(State::Excluded, "excluded"));
        } else if !crate::url::is_openable_url(url) {
            outcomes.insert(
                url.to_owned(),
                Outcome::new(State::Invalid, "not an absolute http(s) URL; not checked"),
            );
        } else if let Some(old) = stored
            .get(url)
            .filter(|old| !args.recheck && old.checked_at > fresh_since)
        {
            outcomes.insert(url.to_owned(), old.clone());
            cached += 1;
        } else {
            to_check.push(url.to_owned());
        }
    }
    (outcomes, to_check, cached)
}

/// The uses `--school` and `--favorites` leave.
fn selected<'g>(
    setup: &Setup,
    gathered: &'g Gathered,
    args: &LinkArgs,
) -> Result<Vec<&'g Use>, Failure> {
    let school = match &args.school {
        Some(name) => {
            let id = resolve::school(&gathered.directory, name)?;
            Some(school_identity(&gathered.directory.schools[id].name))
        }
        None => None,
    };
    let favorites = if args.favorites {
        Some(setup.store().load()?)
    } else {
        None
    };
    Ok(gathered
        .uses
        .iter()
        .filter(|used| {
            school
                .as_ref()
                .is_none_or(|s| school_identity(&used.school) == *s)
        })
        .filter(|used| {
            let Some(favorites) = &favorites else {
                return true;
            };
            match &used.owner {
                Owner::Person { name, .. } => favorites.contains(&FavoriteKey {
                    school: used.school.clone(),
                    name: name.clone(),
                    website: used.website.clone(),
                }),
                Owner::Lab { .. } => false,
            }
        })
        .collect())
}

/// Whether `url` contains one of `patterns`, or matches it as a glob.
fn excluded(url: &str, patterns: &[String]) -> bool {
    patterns.iter().any(|pattern| {
        if pattern.contains(['*', '?']) {
            glob(pattern.as_bytes(), url.as_bytes())
        } else {
            url.contains(pattern.as_str())
        }
    })
}

/// `*` any run of characters, `?` any one byte; the whole URL must match.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*')
}

/// Checks `urls`, with a progress bar on a terminal that is not CI's.
fn run_checks(limits: Limits, urls: &[String]) -> Vec<Outcome> {
    if urls.is_empty() {
        return Vec::new();
    }
    let client = Client::new(limits);
    let show = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let bar = show.then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(urls.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} {per_sec} ETA {eta} {msg}",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let outcomes = links::check_all(&client, urls, &|progress| {
        if let Some(bar) = &bar {
            bar.set_position(progress.done as u64);
            bar.set_message(format!("{} hosts in flight", progress.hosts_in_flight));
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    outcomes
}

struct Findings<'a> {
    gathered: &'a Gathered,
    uses: &'a [&'a Use],
    outcomes: &'a HashMap<String, Outcome>,
}

impl Findings<'_> {
    /// One per use of a URL that is not fine, sorted by file and line.
    fn diagnostics(&self, verbose: bool) -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = self
            .uses
            .iter()
            .filter_map(|used| {
                let outcome = self.outcomes.get(used.url.as_str())?;
                let severity = match outcome.state {
                    State::Ok => return None,
                    State::Redirected | State::Excluded if !verbose => return None,
                    State::Redirected | State::Excluded => Severity::Note,
                    State::Dead => Severity::Error,
                    _ => Severity::Warning,
                };
                Some(Diagnostic {
                    path: self.gathered.sources[used.source].label.clone(),
                    line: used.line,
                    column: used.column,
                    severity,
                    message: message(used, outcome),
                })
            })
            .collect();
        found.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        found
    }

    fn summary(&self, urls: &[&str], cached: usize, elapsed: Duration) -> String {
        let hosts: HashSet<String> = urls.iter().filter_map(|url| links::origin(url)).collect();
        let mut counts = [0usize; State::ALL.len()];
        for url in urls {
            if let Some(outcome) = self.outcomes.get(*url) {
                counts[outcome.state as usize] += 1;
            }
        }
        let states: Vec<String> = State::ALL
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(state, n)| format!("{n} {}", state.name()))
            .collect();
        let from_cache = if cached > 0 {
            format!(" ({cached} from the store)")
        } else {
            String::new()
        };
        format!(
            "checked {} URL{} on {} host{} in {:.1} s{from_cache}: {}",
            urls.len(),
            plural(urls.len()),
            hosts.len(),
            plural(hosts.len()),
            elapsed.as_secs_f64(),
            if states.is_empty() {
                "nothing to check".to_string()
            } else {
                states.join(", ")
            }
        )
    }
}

/// `website of Ada Quill: 404 Not Found`.
fn message(used: &Use, outcome: &Outcome) -> String {
    let what = used.owner.describe();
    let detail = match outcome.state {
        State::Invalid if outcome.final_url.is_none() => {
            format!("{} is not an absolute http(s) URL; not checked", used.url)
        }
        State::RateLimited => format!("{}, still after the retries", outcome.detail),
        State::Tls => format!("TLS: {}", outcome.detail),
        _ => outcome.detail.clone(),
    };
    format!("{what}: {detail}")
}

mod output;
