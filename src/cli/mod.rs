//! The command line: `run` carries out one subcommand, writing its data to
//! `out` and its diagnostics to stderr.

mod args;
mod configure;
mod favorites;
mod files;
mod import;
mod links;
mod naming;
mod open;
mod people;
mod pick;
mod resolve;
mod shell;
mod shortlist;
mod topics;

use std::io::{self, IsTerminal, Write};

use clap::CommandFactory;

use crate::favorites::{Favorites, StoreError};
use crate::model::Directory;
use crate::report::{Paint, Report};

pub use crate::setup::{ColorChoice, Failure, Setup};
pub use args::{
    Cli, Command, ConfigAction, FavoriteAction, GlobalArgs, ImportSource, InitShell, PickArgs,
    QueryArgs,
};
pub use configure::run as run_config;

/// Runs a subcommand, writing data to `out` and diagnostics to stderr.
pub fn run(setup: &Setup, command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    let paint = Paint::new(setup.color.enabled(io::stdout().is_terminal()));
    match command {
        Command::Completions { shell } => {
            // Written here, not by clap_complete, which panics on a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "profdex", &mut script);
            Ok(out.write_all(&script)?)
        }
        Command::Man => configure::man(out),
        // Run by `main` before any config is read: it reports on the config.
        Command::Config { .. } => Err(Failure::Usage(
            "`profdex config` runs before the config is read".into(),
        )),
        Command::Paths => files::paths(setup, out),
        Command::ShellInit { shell } => Ok(out.write_all(shell::snippet(shell).as_bytes())?),
        Command::Check {
            paths,
            links: true,
            link,
        } => links::check(setup, paths, &link, out),
        Command::Check { paths, .. } => files::check(setup, paths, out),
        Command::Import { source } => import::import(setup, &source, out),
        command => {
            // A mistake in the command line is reported before any data is read.
            if let Some(query) = command.query() {
                query.text()?;
            }
            if let Some(query) = command.single_query() {
                args::checked_query(query.to_owned())?;
            }
            let (_, loaded) = setup.load()?;
            files::report_diagnostics(&loaded.diagnostics, 5, &setup.check_command());
            Session::new(setup, loaded.directory, paint).run(command, out)
        }
    }
}

/// The school `name` names, as `--school` finds it everywhere.
pub fn find_school(directory: &Directory, name: &str) -> Result<crate::model::SchoolId, Failure> {
    resolve::school(directory, name)
}

/// Writes `line` to stderr. A closed stderr (`2>&1 | head`) is no reason to
/// fail or, as `eprintln!` would, to panic.
pub fn tell(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// The loaded directory with its favorites, for the commands that use data.
struct Session<'a> {
    setup: &'a Setup,
    directory: Directory,
    favorites: Favorites,
    /// Why favorites could not be read, when they could not.
    favorites_error: Option<StoreError>,
    paint: Paint,
}

impl<'a> Session<'a> {
    fn new(setup: &'a Setup, directory: Directory, paint: Paint) -> Session<'a> {
        let (favorites, favorites_error) = match setup.store().load() {
            Ok(favorites) => (favorites, None),
            Err(error) => (Favorites::default(), Some(error)),
        };
        Session {
            setup,
            directory,
            favorites,
            favorites_error,
            paint,
        }
    }

    /// Carries out `command`, the process's last work. The directory is
    /// not freed: at a million people that takes longer than the rest of
    /// the exit, and the process ending frees it anyway. Nothing in it
    /// holds a file or a lock (favorites' locks are taken and released
    /// within a command), so nothing is left unsaved.
    fn run(mut self, command: Command, out: &mut dyn Write) -> Result<(), Failure> {
        let result = self.carry_out(command, out);
        std::mem::forget(self.directory);
        result
    }

    fn carry_out(&mut self, command: Command, out: &mut dyn Write) -> Result<(), Failure> {
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
            let error = crate::sanitize::sanitize(&error.to_string()).into_owned();
            tell(&format!("warning: {error}; showing no favorites"));
        }
        match command {
            Command::List {
                school,
                favorites,
                json,
            } => self.list(school.as_deref(), favorites, json, out),
            Command::Search {
                query,
                school,
                limit,
                json,
            } => self.search(&query.text()?, school.as_deref(), limit, json, out),
            Command::Show {
                query,
                school,
                json,
            } => self.show(&query.text()?, school.as_deref(), json, out),
            Command::Open { query, school, lab } => {
                self.open(&query.text()?, school.as_deref(), lab)
            }
            Command::Favorites {
                json,
                export,
                status,
            } => self.list_favorites(json, export, &status, out),
            Command::Favorite { action } => self.change_favorite(action, out),
            Command::Topics { school, json } => self.topics(school.as_deref(), json, out),
            Command::Related {
                query,
                school,
                limit,
                json,
            } => self.related(&query.text()?, school.as_deref(), limit, json, out),
            Command::Pick(args) => self.pick(args, out),
            Command::Check { .. }
            | Command::ShellInit { .. }
            | Command::Import { .. }
            | Command::Paths
            | Command::Completions { .. }
            | Command::Config { .. }
            | Command::Man => Ok(()),
        }
    }

    /// The school a `--school` option names, if one was given.
    fn school(&self, name: Option<&str>) -> Result<Option<crate::model::SchoolId>, Failure> {
        name.map(|name| resolve::school(&self.directory, name))
            .transpose()
    }

    fn report(&self) -> Report<'_> {
        Report::new(&self.directory, &self.favorites, &self.paint)
    }

    /// A report that tells each of `people` apart from their namesakes.
    fn report_on(&self, people: &[crate::model::PersonId]) -> Report<'_> {
        let labels = crate::namesakes::told_apart(&self.directory, people);
        let apart = people
            .iter()
            .zip(labels)
            .filter_map(|(&person, label)| Some((person, label?)))
            .collect();
        self.report().telling_apart(apart)
    }
}
