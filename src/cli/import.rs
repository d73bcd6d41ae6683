//! `import csv` and `import csrankings`: a source read, its schools
//! written, and what became of every row and file said.

use std::fmt::Write as _;
use std::io::Write;

use super::ImportSource;
use super::files::{plural, report_diagnostics, shown};
use crate::import::{self, Fate, Outcome, csrankings, csv};
use crate::sanitize::sanitize;
use crate::setup::{Failure, Setup};
use crate::sources;

pub(super) fn import(
    setup: &Setup,
    source: &ImportSource,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (batch, force) = match source {
        ImportSource::Csv {
            file,
            school,
            force,
        } => {
            if school.as_deref().is_some_and(|s| s.trim().is_empty()) {
                return Err(Failure::Usage("empty school name after --school".into()));
            }
            (csv::read(file, school.as_deref()), *force)
        }
        ImportSource::Csrankings { dir, force } => (csrankings::read(dir), *force),
    };
    let batch = batch.map_err(Failure::Usage)?;
    let (rows, skipped) = (batch.rows, batch.skipped);
    let loaded = batch.merge();
    // Every row skipped or changed, each on a line of its own.
    report_diagnostics(&loaded.diagnostics, usize::MAX, "");
    let people = loaded.directory.people.len();
    if people == 0 {
        return Err(Failure::NotFound(if rows == 0 {
            "no one to import: there are no rows".into()
        } else {
            format!("no one to import: all {rows} row{} skipped", plural(rows))
        }));
    }
    let dir = sources::schools_dir(&setup.data_dir);
    let outcomes = import::write(&loaded.directory, &dir, force);
    for outcome in &outcomes {
        writeln!(out, "{}", line(outcome))?;
    }
    let count = |wanted: fn(&Fate) -> bool| outcomes.iter().filter(|o| wanted(&o.fate)).count();
    let written = count(|fate| matches!(fate, Fate::Written | Fate::Replaced));
    let existing = count(|fate| matches!(fate, Fate::Exists));
    let failed = count(|fate| matches!(fate, Fate::Failed(_)));
    let schools = loaded.directory.schools.len();
    let merged = rows.saturating_sub(skipped + people);
    let mut summary = format!(
        "imported {people} {} at {schools} school{} from {rows} row{}",
        if people == 1 { "person" } else { "people" },
        plural(schools),
        plural(rows)
    );
    let mut aside = Vec::new();
    if merged > 0 {
        aside.push(format!("{merged} merged into another"));
    }
    if skipped > 0 {
        aside.push(format!("{skipped} skipped"));
    }
    if !aside.is_empty() {
        let _ = write!(summary, " ({})", aside.join(", "));
    }
    let mut files = vec![format!("{written} file{} written", plural(written))];
    if existing > 0 {
        files.push(format!(
            "{existing} already there (--force replaces {})",
            if existing == 1 { "it" } else { "them" }
        ));
    }
    if failed > 0 {
        files.push(format!("{failed} could not be written"));
    }
    writeln!(out, "{summary}: {}", files.join(", "))?;
    if written > 0 {
        Ok(())
    } else if failed > 0 {
        Err(Failure::Usage(format!(
            "nothing written: cannot write to {}",
            shown(&dir)
        )))
    } else {
        Err(Failure::NotFound(
            "nothing written: every school file is already there; --force replaces them".into(),
        ))
    }
}

/// What became of one school's file, for the report.
fn line(outcome: &Outcome) -> String {
    let what = format!(
        "{} ({}, {} {})",
        shown(&outcome.path),
        sanitize(&outcome.school),
        outcome.people,
        if outcome.people == 1 {
            "person"
        } else {
            "people"
        }
    );
    match &outcome.fate {
        Fate::Written => format!("wrote {what}"),
        Fate::Replaced => format!("replaced {what}"),
        Fate::Exists => format!("skipped {what}: the file is there; --force replaces it"),
        Fate::Failed(error) => format!("failed {what}: {}", sanitize(&error.to_string())),
    }
}
