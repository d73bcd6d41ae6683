//! `paths` and `check`: where the data is read from, and what is wrong in it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Severity};
use crate::parse::Shapes;
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
    match &setup.config.path {
        Some(file) => writeln!(
            out,
            "config file     {}{}",
            shown(file),
            state(file.is_file())
        )?,
        None => writeln!(out, "config file     none")?,
    }
    writeln!(out, "sources read, in order:")?;
    for input in &inputs {
        writeln!(out, "  {}", sanitize(&input.label()))?;
    }
    Ok(())
}

/// The files `check` reads: `paths` when given, else every source.
pub(super) fn inputs(setup: &Setup, paths: Vec<PathBuf>) -> Result<Vec<Input>, Failure> {
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
    Ok(inputs)
}

pub(super) fn check(
    setup: &Setup,
    paths: Vec<PathBuf>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let inputs = inputs(setup, paths)?;
    let mut reads = Vec::with_capacity(inputs.len());
    let loaded = sources::load_each(&inputs, &mut |label, file| {
        reads.push(format!(
            "{}: read {}",
            sanitize(label),
            shapes(&file.shapes)
        ));
    });
    // A linter's findings are its output.
    write_diagnostics(out, &loaded.diagnostics, usize::MAX, "")?;
    for read in &reads {
        writeln!(out, "{read}")?;
    }
    let count = |severity| {
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let notes = if notes > 0 {
        format!(", {notes} note{}", plural(notes))
    } else {
        String::new()
    };
    writeln!(
        out,
        "checked {} file{}: {} school{}, {} {}, {errors} error{}, {warnings} warning{}{notes}",
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

/// What a file gave, in each shape: "10 people (1 under a heading, 9 list
/// entries), 2 labs (2 list items)".
fn shapes(shapes: &Shapes) -> String {
    let people = shapes.headed + shapes.listed + shapes.tabled;
    let labs = shapes.labs_listed + shapes.labs_tabled;
    if people == 0 && labs == 0 {
        return "no people and no labs".into();
    }
    let part = |n: usize, one: &str, many: &str, ways: &[(usize, &str, &str)]| {
        let ways: Vec<String> = ways
            .iter()
            .filter(|(n, ..)| *n > 0)
            .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
            .collect();
        let noun = if n == 1 { one } else { many };
        if n == 0 {
            format!("no {many}")
        } else if ways.is_empty() {
            format!("{n} {noun}")
        } else {
            format!("{n} {noun} ({})", ways.join(", "))
        }
    };
    let people = part(
        people,
        "person",
        "people",
        &[
            (shapes.headed, "under a heading", "under headings"),
            (shapes.listed, "list entry", "list entries"),
            (shapes.tabled, "table row", "table rows"),
        ],
    );
    let labs = part(
        labs,
        "lab",
        "labs",
        &[
            (shapes.labs_listed, "list item", "list items"),
            (shapes.labs_tabled, "table row", "table rows"),
        ],
    );
    format!("{people}, {labs}")
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
