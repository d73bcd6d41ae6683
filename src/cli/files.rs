//! `paths` and `check`: where the data is read from, and what is wrong in it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::sanitize::sanitize;
use crate::setup::{Failure, Setup};
use crate::sources::{self, Input, SourceOptions};

/// A path as printed: file names can hold escape sequences.
pub(super) fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

pub(super) fn paths(setup: &Setup, out: &mut dyn Write) -> Result<(), Failure> {
    let schools_dir = sources::schools_dir(&setup.data_dir);
    let inputs = sources::discover(&setup.options)?;
    let state = |exists: bool| if exists { "" } else { "  (does not exist yet)" };
    writeln!(
        out,
        "data directory  {}{}",
        shown(&setup.data_dir),
        state(setup.data_dir.is_dir())
    )?;
    let favorites = setup.store();
    writeln!(
        out,
        "favorites       {}{}",
        shown(favorites.path()),
        state(favorites.path().is_file())
    )?;
    writeln!(
        out,
        "own schools     {}{}",
        shown(&schools_dir),
        state(schools_dir.is_dir())
    )?;
    let place = crate::tui::resume::path(&setup.data_dir);
    writeln!(
        out,
        "browser state   {}{}",
        shown(&place),
        state(place.is_file())
    )?;
    match &setup.cache_dir {
        Some(dir) => writeln!(out, "cache           {}{}", shown(dir), state(dir.is_dir()))?,
        None => writeln!(out, "cache           none (--no-cache)")?,
    }
    writeln!(out, "sources read, in order:")?;
    for input in &inputs {
        writeln!(out, "  {}", sanitize(&input.label()))?;
    }
    Ok(())
}

pub(super) fn check(
    setup: &Setup,
    paths: Vec<PathBuf>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
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
    // A linter's findings are its output.
    write_diagnostics(out, &loaded.diagnostics, usize::MAX, "")?;
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

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints up to `limit` diagnostics to stderr, then how many were left out
/// and `check`, the command that lists them all: what loading had to say
/// beside a command's data.
pub(super) fn report_diagnostics(diagnostics: &[Diagnostic], limit: usize, check: &str) {
    let _ = write_diagnostics(&mut io::stderr().lock(), diagnostics, limit, check);
}

fn write_diagnostics(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    limit: usize,
    check: &str,
) -> io::Result<()> {
    for diagnostic in diagnostics.iter().take(limit) {
        // A diagnostic's text form is already safe for the terminal.
        writeln!(out, "{diagnostic}")?;
    }
    if diagnostics.len() > limit {
        writeln!(
            out,
            "… and {} more; `{}` lists them all",
            diagnostics.len() - limit,
            sanitize(check)
        )?;
    }
    Ok(())
}
