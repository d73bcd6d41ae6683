//! `import csv`, `import csrankings` and `import markdown`: a source
//! read, its schools written, and what became of every row and file said.

use std::fmt::Write as _;
use std::io::Write;

use super::ImportSource;
use super::files::{plural, report_diagnostics, shown};
use crate::import::{self, Fate, Outcome, csrankings, csv, markdown};
use crate::sanitize::sanitize;
use crate::setup::{Failure, Setup};
use crate::sources::{self, Loaded};

/// Where the people came from, for the summary.
enum Read {
    Rows { rows: usize, skipped: usize },
    Files { files: usize, read: usize },
}

pub(super) fn import(
    setup: &Setup,
    source: &ImportSource,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (loaded, read, force) = read_source(source)?;
    // Every row skipped or changed, each on a line of its own.
    report_diagnostics(&loaded.diagnostics, usize::MAX, "");
    let people = loaded.directory.people.len();
    if people == 0 {
        return Err(Failure::NotFound(match read {
            Read::Rows { rows: 0, .. } => "no one to import: there are no rows".into(),
            Read::Rows { rows, .. } => {
                format!("no one to import: all {rows} row{} skipped", plural(rows))
            }
            Read::Files { files, .. } => format!(
                "no one to import: no people in {} (the notes above say what was skipped)",
                if files == 1 {
                    "the file".to_string()
                } else {
                    format!("the {files} files")
                }
            ),
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
    let summary = summary(&read, people, loaded.directory.schools.len());
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

/// The people of the source, merged, where they came from, and whether
/// existing files are to be replaced.
fn read_source(source: &ImportSource) -> Result<(Loaded, Read, bool), Failure> {
    let school_given = |school: &Option<String>| {
        if school.as_deref().is_some_and(|s| s.trim().is_empty()) {
            return Err(Failure::Usage("empty school name after --school".into()));
        }
        Ok(())
    };
    Ok(match source {
        ImportSource::Csv {
            file,
            school,
            force,
        } => {
            school_given(school)?;
            let batch = csv::read(file, school.as_deref()).map_err(Failure::Usage)?;
            let (rows, skipped) = (batch.rows, batch.skipped);
            (batch.merge(), Read::Rows { rows, skipped }, *force)
        }
        ImportSource::Csrankings { dir, force } => {
            let batch = csrankings::read(dir).map_err(Failure::Usage)?;
            let (rows, skipped) = (batch.rows, batch.skipped);
            (batch.merge(), Read::Rows { rows, skipped }, *force)
        }
        ImportSource::Markdown {
            files,
            school,
            force,
        } => {
            school_given(school)?;
            let imported = markdown::read(files, school.as_deref()).map_err(Failure::Usage)?;
            let read = Read::Files {
                files: imported.files,
                read: imported.read,
            };
            (imported.loaded, read, *force)
        }
    })
}

/// "imported 22 people at 9 schools from 3 files (2 merged into another)".
fn summary(read: &Read, people: usize, schools: usize) -> String {
    let (from, merged, skipped) = match *read {
        Read::Rows { rows, skipped } => (
            format!("{rows} row{}", plural(rows)),
            rows.saturating_sub(skipped + people),
            skipped,
        ),
        Read::Files { files, read } => (
            format!("{files} file{}", plural(files)),
            read.saturating_sub(people),
            0,
        ),
    };
    let mut summary = format!(
        "imported {people} {} at {schools} school{} from {from}",
        if people == 1 { "person" } else { "people" },
        plural(schools),
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
    summary
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
