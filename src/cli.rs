//! The command line: arguments (clap) and what each subcommand does.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::diag::Diagnostic;
use crate::favorites::{FavoriteKey, Favorites, StoreError};
use crate::model::{Directory, PersonId, identity_key};
use crate::open::Launch;
use crate::report::{Paint, PersonJson, Report};
use crate::sanitize::sanitize;
use crate::search::{Hit, Index, Query};
use crate::sources::{self, Input, SourceOptions};

pub use crate::setup::{ColorChoice, Failure, Setup};

#[derive(Debug, Parser)]
#[command(
    name = "profdex",
    version,
    about = "Browse directories of university faculty: who works where, on what, and how to reach them.",
    after_help = "Run without a command to browse interactively."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Also read this directory file, or every *.md in this folder (repeatable)
    #[arg(long = "schools", value_name = "PATH", global = true)]
    pub schools: Vec<PathBuf>,
    /// Leave out the built-in schools
    #[arg(long, global = true)]
    pub no_builtin: bool,
    /// Where favorites and your own schools/ live [default: the platform data directory]
    #[arg(long, value_name = "DIR", env = "PROFDEX_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// When to use colour (NO_COLOR in the environment also turns it off)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every person, sorted by school then name
    List {
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Only favorites
        #[arg(long)]
        favorites: bool,
        #[arg(long)]
        json: bool,
    },
    /// Ranked fuzzy matches, best first
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Show at most N matches
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// The best match in full, with its school's labs
    Show {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Open the best match's website, or its school's lab N
    Open {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        lab: Option<u16>,
    },
    /// List favorites (bookmarks)
    Favorites {
        #[arg(long)]
        json: bool,
    },
    /// Add or remove a favorite
    Favorite {
        #[command(subcommand)]
        action: FavoriteAction,
    },
    /// Lint directory files (default: every source); exit 1 on any error
    Check {
        /// Files or folders to check instead of the configured sources
        paths: Vec<PathBuf>,
    },
    /// Print the data directory, the favorites file and the sources read
    Paths,
    /// Print shell completions
    Completions { shell: clap_complete::Shell },
}

#[derive(Debug, Subcommand)]
pub enum FavoriteAction {
    /// Bookmark the best match
    Add {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
    },
    /// Remove the best-matching favorite
    Remove {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
    },
}

impl GlobalArgs {
    pub fn setup(&self) -> Result<Setup, Failure> {
        Setup::new(
            self.data_dir.clone(),
            !self.no_builtin,
            self.schools.clone(),
            self.color,
        )
    }
}

/// Runs a subcommand, writing data to `out` and diagnostics to stderr.
pub fn run(setup: &Setup, command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    let paint = Paint::new(setup.color.enabled(io::stdout().is_terminal()));
    match command {
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "profdex", out);
            Ok(())
        }
        Command::Paths => paths(setup, out),
        Command::Check { paths } => check(setup, paths, out),
        command => {
            let (_, loaded) = setup.load()?;
            report_diagnostics(&loaded.diagnostics, 5);
            let session = Session::new(setup, loaded.directory);
            session.run(command, &paint, out)
        }
    }
}

/// The loaded directory with its favorites, for the commands that use data.
struct Session<'a> {
    setup: &'a Setup,
    directory: Directory,
    favorites: Favorites,
    /// Why favorites could not be read, when they could not.
    favorites_error: Option<StoreError>,
}

impl<'a> Session<'a> {
    fn new(setup: &'a Setup, directory: Directory) -> Session<'a> {
        let (favorites, favorites_error) = match setup.store().load() {
            Ok(favorites) => (favorites, None),
            Err(error) => (Favorites::default(), Some(error)),
        };
        Session {
            setup,
            directory,
            favorites,
            favorites_error,
        }
    }

    fn run(mut self, command: Command, paint: &Paint, out: &mut dyn Write) -> Result<(), Failure> {
        let needs_favorites = matches!(
            command,
            Command::Favorites { .. }
                | Command::Favorite { .. }
                | Command::List {
                    favorites: true,
                    ..
                }
        );
        if let Some(error) = self.favorites_error.take() {
            if needs_favorites {
                return Err(error.into());
            }
            eprintln!("warning: {error}; showing no favorites");
        }
        let report = Report::new(&self.directory, &self.favorites, paint);
        match command {
            Command::List {
                school,
                favorites,
                json,
            } => {
                let school = school.map(|s| self.school(&s)).transpose()?;
                let mut people: Vec<PersonId> = (0..self.directory.people.len())
                    .filter(|&p| school.is_none_or(|s| self.directory.people[p].school == s))
                    .filter(|&p| !favorites || report.is_favorite(p))
                    .collect();
                report.sort_by_school_then_name(&mut people);
                if json {
                    report.json(out, people.iter().map(|&p| report.person_json(p)))?;
                } else {
                    report.list(out, &people)?;
                }
                if people.is_empty() {
                    return Err(Failure::NotFound("no one to list".into()));
                }
                Ok(())
            }
            Command::Search {
                query,
                school,
                limit,
                json,
            } => {
                let school = school.map(|s| self.school(&s)).transpose()?;
                let (index, query, mut hits) = self.search(&query.join(" "), school);
                if hits.is_empty() {
                    return Err(Failure::NotFound(format!(
                        "no one matches \"{}\"",
                        query.text()
                    )));
                }
                hits.truncate(limit.unwrap_or(usize::MAX));
                if json {
                    let rows = hits.iter().map(|hit| PersonJson {
                        score: Some(hit.score),
                        ..report.person_json(hit.person)
                    });
                    Ok(report.json(out, rows)?)
                } else {
                    Ok(report.search_results(out, &index, &query, &hits)?)
                }
            }
            Command::Show { query, json } => {
                let person = self.best(&query.join(" "))?;
                if json {
                    Ok(report.json(out, [report.person_detail_json(person)])?)
                } else {
                    Ok(report.detail(out, person)?)
                }
            }
            Command::Open { query, lab } => {
                let person = self.best(&query.join(" "))?;
                let url = self.url_to_open(person, lab)?;
                let browser = std::env::var("BROWSER").ok();
                let launch = Launch::plan(&url, browser.as_deref())?;
                eprintln!("Opening {}", sanitize(&url));
                let cannot_start =
                    |error| Failure::Usage(format!("cannot start {}: {error}", launch.program));
                if !launch.needs_terminal {
                    // A desktop browser or the platform opener: started, not waited for.
                    return launch.start_in_background().map_err(Failure::Usage);
                }
                let status = launch.command().status().map_err(cannot_start)?;
                if status.success() {
                    Ok(())
                } else {
                    Err(Failure::Usage(format!(
                        "{} failed ({status})",
                        launch.program
                    )))
                }
            }
            Command::Favorites { json } => {
                let resolved = self.favorites.resolve(&self.directory);
                let keys = self.favorites.keys();
                if json {
                    let rows = keys
                        .iter()
                        .zip(&resolved)
                        .map(|(key, person)| match person {
                            Some(person) => report.person_json(*person),
                            None => PersonJson::missing(key),
                        });
                    report.json(out, rows)?;
                } else {
                    report.favorites(out, keys, &resolved)?;
                }
                if keys.is_empty() {
                    return Err(Failure::NotFound(
                        "no favorites yet; add one with `profdex favorite add NAME`".into(),
                    ));
                }
                Ok(())
            }
            Command::Favorite { action } => self.change_favorite(action, paint, out),
            Command::Check { .. } | Command::Paths | Command::Completions { .. } => Ok(()),
        }
    }

    fn change_favorite(
        &self,
        action: FavoriteAction,
        paint: &Paint,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let store = self.setup.store();
        match action {
            FavoriteAction::Add { query } => {
                let person = self.best(&query.join(" "))?;
                let key = FavoriteKey::of(&self.directory, &self.directory.people[person]);
                let (_, added) = store.update(|favorites| favorites.add(key.clone()))?;
                let what = if added {
                    "Added"
                } else {
                    "Already a favorite:"
                };
                writeln!(
                    out,
                    "{what} {} ({})",
                    paint.bold(&key.name),
                    sanitize(&key.school)
                )?;
            }
            FavoriteAction::Remove { query } => {
                let key = self.favorite_matching(&query.join(" "))?;
                store.update(|favorites| favorites.remove(&key))?;
                writeln!(
                    out,
                    "Removed {} ({})",
                    paint.bold(&key.name),
                    sanitize(&key.school)
                )?;
            }
        }
        Ok(())
    }

    /// The favorite best matching `query`: among favorites present in the
    /// data by fuzzy search, else among missing ones by name.
    fn favorite_matching(&self, query: &str) -> Result<FavoriteKey, Failure> {
        let resolved = self.favorites.resolve(&self.directory);
        let present: Vec<PersonId> = resolved.iter().flatten().copied().collect();
        let index = Index::build(&self.directory);
        let parsed = Query::new(query);
        if let Some(hit) = index.search(&self.directory, &parsed, &present).first() {
            return Ok(FavoriteKey::of(
                &self.directory,
                &self.directory.people[hit.person],
            ));
        }
        let wanted = identity_key(query);
        self.favorites
            .keys()
            .iter()
            .zip(&resolved)
            .find(|(key, person)| person.is_none() && identity_key(&key.name).contains(&wanted))
            .map(|(key, _)| key.clone())
            .ok_or_else(|| Failure::NotFound(format!("no favorite matches \"{query}\"")))
    }

    fn search(&self, text: &str, school: Option<usize>) -> (Index, Query, Vec<Hit>) {
        let index = Index::build(&self.directory);
        let query = Query::new(text);
        let candidates: Vec<PersonId> = (0..self.directory.people.len())
            .filter(|&p| school.is_none_or(|s| self.directory.people[p].school == s))
            .collect();
        let hits = if query.is_empty() {
            Vec::new()
        } else {
            index.search(&self.directory, &query, &candidates)
        };
        (index, query, hits)
    }

    fn best(&self, text: &str) -> Result<PersonId, Failure> {
        let (_, query, hits) = self.search(text, None);
        hits.first()
            .map(|hit| hit.person)
            .ok_or_else(|| Failure::NotFound(format!("no one matches \"{}\"", query.text())))
    }

    fn url_to_open(&self, person: PersonId, lab: Option<u16>) -> Result<String, Failure> {
        let faculty = &self.directory.people[person];
        let school = self.directory.school_of(faculty);
        match lab {
            None => faculty
                .website
                .clone()
                .ok_or_else(|| Failure::NotFound(format!("{} has no website", faculty.name))),
            Some(n) => school
                .labs
                .get(usize::from(n) - 1)
                .map(|lab| lab.url.clone())
                .ok_or_else(|| {
                    Failure::Usage(format!(
                        "{} has {} lab{}; there is no lab {n}",
                        school.name,
                        school.labs.len(),
                        if school.labs.len() == 1 { "" } else { "s" }
                    ))
                }),
        }
    }

    /// A school named exactly (ignoring case), or the only one whose name contains `name`.
    fn school(&self, name: &str) -> Result<usize, Failure> {
        if let Some(id) = self.directory.find_school(name) {
            return Ok(id);
        }
        let wanted = identity_key(name);
        let partial: Vec<usize> = (0..self.directory.schools.len())
            .filter(|&id| identity_key(&self.directory.schools[id].name).contains(&wanted))
            .collect();
        match partial[..] {
            [id] => Ok(id),
            [] => Err(Failure::Usage(format!("no school named \"{name}\""))),
            _ => {
                let names: Vec<&str> = partial
                    .iter()
                    .take(5)
                    .map(|&id| self.directory.schools[id].name.as_str())
                    .collect();
                Err(Failure::Usage(format!(
                    "\"{name}\" could be any of {} schools: {}{}",
                    partial.len(),
                    names.join(", "),
                    if partial.len() > 5 { ", …" } else { "" }
                )))
            }
        }
    }
}

fn paths(setup: &Setup, out: &mut dyn Write) -> Result<(), Failure> {
    let schools_dir = sources::schools_dir(&setup.data_dir);
    let inputs = sources::discover(&setup.options)?;
    let state = |exists: bool| if exists { "" } else { "  (does not exist yet)" };
    writeln!(
        out,
        "data directory  {}{}",
        setup.data_dir.display(),
        state(setup.data_dir.is_dir())
    )?;
    let favorites = setup.store();
    writeln!(
        out,
        "favorites       {}{}",
        favorites.path().display(),
        state(favorites.path().is_file())
    )?;
    writeln!(
        out,
        "own schools     {}{}",
        schools_dir.display(),
        state(schools_dir.is_dir())
    )?;
    writeln!(out, "sources read, in order:")?;
    for input in &inputs {
        writeln!(out, "  {}", input.label())?;
    }
    Ok(())
}

fn check(setup: &Setup, paths: Vec<PathBuf>, out: &mut dyn Write) -> Result<(), Failure> {
    let inputs = if paths.is_empty() {
        sources::discover(&setup.options)?
    } else {
        let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|path| path.exists());
        let mut inputs = sources::discover(&SourceOptions {
            builtin: false,
            data_dir: None,
            schools: present,
        })?;
        // A file that is not there is one more error in the report.
        inputs.extend(missing.into_iter().map(Input::File));
        inputs
    };
    let loaded = sources::load(&inputs);
    report_diagnostics(&loaded.diagnostics, usize::MAX);
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = loaded.diagnostics.len() - errors;
    writeln!(
        out,
        "checked {} file{}: {} school{}, {} {}, {errors} error{}, {warnings} warning{}",
        inputs.len(),
        plural(inputs.len()),
        loaded.directory.schools.len(),
        plural(loaded.directory.schools.len()),
        loaded.directory.people.len(),
        if loaded.directory.people.len() == 1 {
            "person"
        } else {
            "people"
        },
        plural(errors),
        plural(warnings),
    )?;
    if errors > 0 {
        return Err(Failure::NotFound(format!(
            "{errors} error{} found",
            plural(errors)
        )));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints up to `limit` diagnostics to stderr, then how many were left out.
fn report_diagnostics(diagnostics: &[Diagnostic], limit: usize) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for diagnostic in diagnostics.iter().take(limit) {
        let _ = writeln!(err, "{}", sanitize(&diagnostic.to_string()));
    }
    if diagnostics.len() > limit {
        let _ = writeln!(
            err,
            "… and {} more; `profdex check` lists them all",
            diagnostics.len() - limit
        );
    }
}
