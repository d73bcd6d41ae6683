//! `profdex import`: people from elsewhere (a spreadsheet, a copy of the
//! CSRankings data) as canonical school files in `<data dir>/schools/`,
//! which the user can then read, edit and check like any other.
//!
//! A source gives a [`Batch`]: people, each with the school, file and line
//! they came from. The batch is merged as loading merges files (the same
//! school under any of its names is one school, the same person in one
//! school one person), so a written file loads as it was imported, and
//! each school is written with the canonical writer, atomically, never
//! over an existing file unless asked to.

pub mod columns;
pub mod csrankings;
pub mod csv;
pub mod markdown;
pub mod table;

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use crate::aliases::school_identity;
use crate::atomic::{self, Existing};
use crate::diag::Diagnostic;
use crate::fold::slug;
use crate::model::{Directory, Person, PersonDraft, School};
use crate::parse::{ParsedFile, ParsedPerson};
use crate::sources::{self, Loaded};
use crate::writer::school_file;

/// People read from a source, before they are merged.
#[derive(Debug, Default)]
pub struct Batch {
    /// The files read, as diagnostics name them.
    labels: Vec<String>,
    /// The schools, as first given.
    schools: Vec<School>,
    /// A school's identity → its index in `schools`: rows of one school
    /// under two of its names merge in row order, as one school.
    school_index: HashMap<String, usize>,
    entries: Vec<Entry>,
    pub diagnostics: Vec<Diagnostic>,
    /// Rows read, and of them those skipped (each with a diagnostic).
    pub rows: usize,
    pub skipped: usize,
}

#[derive(Debug)]
struct Entry {
    label: usize,
    school: usize,
    person: PersonDraft,
    line: usize,
}

impl Batch {
    /// The index of a file named `label`, for [`Batch::add`].
    pub fn label(&mut self, label: String) -> usize {
        self.labels.push(label);
        self.labels.len() - 1
    }

    /// Adds a person of the school named `name`, read from line `line` of
    /// file `label`. The school is made by `make_school` when it is new.
    pub fn add(
        &mut self,
        label: usize,
        name: &str,
        make_school: impl FnOnce() -> School,
        person: PersonDraft,
        line: usize,
    ) {
        let next = self.schools.len();
        let school = *self
            .school_index
            .entry(school_identity(name))
            .or_insert(next);
        if school == next {
            self.schools.push(make_school());
        }
        self.entries.push(Entry {
            label,
            school,
            person,
            line,
        });
    }

    /// The people merged as loading would merge them, with every
    /// diagnostic, in file and line order.
    pub fn merge(self) -> Loaded {
        let Batch {
            labels,
            schools,
            entries,
            mut diagnostics,
            ..
        } = self;
        // Each school's people together, a file for each run from one
        // source file, so a duplicate is placed in the file it is in.
        let mut by_school: Vec<Vec<Entry>> = schools.iter().map(|_| Vec::new()).collect();
        for entry in entries {
            by_school[entry.school].push(entry);
        }
        let mut files = Vec::new();
        for (school, entries) in schools.into_iter().zip(by_school) {
            let mut run: Option<(usize, ParsedFile)> = None;
            for entry in entries {
                if run.as_ref().is_some_and(|(label, _)| *label != entry.label) {
                    files.extend(
                        run.take()
                            .map(|(label, file)| (labels[label].clone(), file)),
                    );
                }
                let (_, file) = run.get_or_insert_with(|| {
                    (
                        entry.label,
                        ParsedFile {
                            school: Some(school.clone()),
                            ..ParsedFile::default()
                        },
                    )
                });
                file.people.push(ParsedPerson {
                    person: entry.person.build(),
                    line: entry.line,
                    column: 1,
                });
            }
            files.extend(run.map(|(label, file)| (labels[label].clone(), file)));
        }
        let mut loaded = sources::merge(files);
        diagnostics.append(&mut loaded.diagnostics);
        diagnostics.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        loaded.diagnostics = diagnostics;
        loaded
    }
}

/// What became of one school's file.
#[derive(Debug)]
pub struct Outcome {
    pub path: PathBuf,
    pub school: String,
    pub people: usize,
    pub fate: Fate,
}

#[derive(Debug)]
pub enum Fate {
    Written,
    /// Written over a file that was there (`--force`).
    Replaced,
    /// Not written: a file is there, and may hold the user's edits.
    Exists,
    Failed(io::Error),
}

/// Writes each school of `directory` to its own file in `dir`, named from
/// the school; an existing file is replaced only when `force` is set.
/// Each file is written atomically and the folder synced once, at the end:
/// a folder synced after each of hundreds of files costs seconds on a
/// busy disk, and the files are whole either way.
pub fn write(directory: &Directory, dir: &Path, force: bool) -> Vec<Outcome> {
    let mut people: Vec<Vec<&Person>> = directory.schools.iter().map(|_| Vec::new()).collect();
    for person in &directory.people {
        people[person.school].push(person);
    }
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    let mut names = FileNames::default();
    let mut outcomes: Vec<Outcome> = directory
        .schools
        .iter()
        .zip(people)
        .map(|(school, people)| {
            let path = dir.join(names.next(&school.name));
            let text = school_file(school, people.iter().copied());
            let existed = path.exists();
            let fate = match atomic::write_unsynced(&path, text.as_bytes(), existing) {
                Ok(()) if existed => Fate::Replaced,
                Ok(()) => Fate::Written,
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Fate::Exists,
                Err(error) => Fate::Failed(error),
            };
            Outcome {
                path,
                school: school.name.clone(),
                people: people.len(),
                fate,
            }
        })
        .collect();
    let written = |o: &Outcome| matches!(o.fate, Fate::Written | Fate::Replaced);
    if outcomes.iter().any(written)
        && let Err(error) = atomic::sync_dir(dir)
    {
        // Written, but not surely kept: not a success.
        let reason = error.to_string();
        for outcome in outcomes.iter_mut().filter(|o| written(o)) {
            outcome.fate = Fate::Failed(io::Error::new(error.kind(), reason.clone()));
        }
    }
    outcomes
}

/// File names for schools, each used once.
#[derive(Default)]
struct FileNames {
    used: HashSet<String>,
}

impl FileNames {
    /// `<slug of the name>.md`, or with `-2`, `-3`… when another school of
    /// this import has that name already.
    fn next(&mut self, school: &str) -> String {
        let mut stem = slug(school);
        if stem.is_empty() {
            stem = "school".into();
        }
        let mut name = stem.clone();
        let mut n = 1;
        while !self.used.insert(name.clone()) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        format!("{name}.md")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_the_school_and_are_used_once() {
        let mut names = FileNames::default();
        assert_eq!(
            names.next("Univ. of California - Berkeley"),
            "univ-of-california-berkeley.md"
        );
        assert_eq!(
            names.next("Univ of California: Berkeley"),
            "univ-of-california-berkeley-2.md"
        );
        assert_eq!(names.next("東京大学"), "school.md");
        assert_eq!(names.next("東北大学"), "school-2.md");
    }

    fn draft(name: &str, website: Option<&str>) -> PersonDraft {
        PersonDraft {
            name: name.into(),
            website: website.map(String::from),
            ..PersonDraft::default()
        }
    }

    #[test]
    fn a_batch_merges_as_loading_does() {
        let mut batch = Batch::default();
        let file = batch.label("people.csv".into());
        let school = |name: &str| {
            let name = name.to_string();
            move || School {
                name,
                ..School::default()
            }
        };
        batch.add(file, "MIT", school("MIT"), draft("Ada Lee", None), 2);
        batch.add(file, "U", school("U"), draft("Bo", None), 3);
        let mit = "Massachusetts Institute of Technology";
        batch.add(
            file,
            mit,
            school(mit),
            draft("ada  lee", Some("https://a.example/")),
            4,
        );
        batch.add(
            file,
            "MIT",
            school("MIT"),
            draft("Ada Lee", Some("https://b.example/")),
            5,
        );
        let loaded = batch.merge();
        let schools: Vec<&str> = loaded
            .directory
            .schools
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(schools, ["MIT", "U"]);
        let people: Vec<(&str, Option<&str>)> = loaded
            .directory
            .people
            .iter()
            .map(|p| (p.name(), p.website()))
            .collect();
        assert_eq!(
            people,
            [
                ("Ada Lee", Some("https://a.example/")),
                ("Ada Lee", Some("https://b.example/")),
                ("Bo", None)
            ]
        );
        let messages: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "people.csv:4:1: warning: duplicate person \"ada  lee\" in MIT (first at people.csv:2:1); merged, later fields win"
            ]
        );
    }
}
