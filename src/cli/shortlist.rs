//! The shortlist on the command line: `favorite note|status` and
//! `favorites --export`, and which statuses `--status` asks for.

use std::io::{self, Read, Write};

use super::Session;
use super::args::ExportFormat;
use super::resolve::{self, Favorite};
use crate::favorites::{Details, FavoriteKey, note, status, today};
use crate::model::PersonId;
use crate::report::{ExportRow, export};
use crate::sanitize::sanitize;
use crate::setup::Failure;

/// The statuses `--status` asks for: each as `status` reads it, `None`
/// for `none`; all of them when none is given.
pub(super) struct Statuses(Vec<Option<String>>);

impl Statuses {
    pub(super) fn new(asked: &[String]) -> Statuses {
        Statuses(
            asked
                .iter()
                .map(|text| {
                    let wanted = status(text);
                    wanted.filter(|wanted| !wanted.eq_ignore_ascii_case("none"))
                })
                .collect(),
        )
    }

    /// Whether a favorite of `status` is listed. The user's own statuses
    /// are compared ignoring case.
    pub(super) fn admit(&self, status: Option<&str>) -> bool {
        self.0.is_empty()
            || self.0.iter().any(|wanted| match (wanted, status) {
                (None, None) => true,
                (Some(wanted), Some(status)) => wanted.to_lowercase() == status.to_lowercase(),
                _ => false,
            })
    }

    /// The statuses asked for, as a message says them.
    pub(super) fn describe(&self) -> String {
        let names: Vec<String> = self
            .0
            .iter()
            .map(|wanted| format!("\"{}\"", wanted.as_deref().unwrap_or("none")))
            .collect();
        names.join(" or ")
    }
}

impl Session<'_> {
    /// `favorite note QUERY TEXT|-` (or `--clear`).
    pub(super) fn set_note(
        &self,
        query: &str,
        text: Option<String>,
        school: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let text = match text {
            Some(text) if text == "-" => note(&read_stdin()?),
            Some(text) => note(&text),
            None => None,
        };
        self.annotate(query, school, Field::Note, text.as_deref(), out)
    }

    /// `favorite status QUERY STATUS` (or `--clear`).
    pub(super) fn set_status(
        &self,
        query: &str,
        text: Option<&str>,
        school: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let text = text.and_then(status);
        self.annotate(query, school, Field::Status, text.as_deref(), out)
    }

    /// Sets (or, for `None`, removes) the note or the status of the
    /// person `query` names, bookmarking them first when they are not a
    /// favorite yet.
    fn annotate(
        &self,
        query: &str,
        school: Option<&str>,
        field: Field,
        text: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let school = self.school(school)?;
        let (key, who) = self.target(query, school)?;
        let day = today();
        let (_, outcome) = self.setup.store().update(|favorites| {
            let before = favorites
                .position(&key)
                .map(|at| field.get(&favorites.details()[at]).map(str::to_owned));
            // Removing what is not there bookmarks no one.
            if text.is_none() && before.is_none() {
                return (None, false);
            }
            let added = favorites.edit(&key, Some(&day), |details| {
                field.set(details, text.map(str::to_owned));
            });
            (before.flatten(), added)
        })?;
        let (before, added) = outcome;
        let line = match (text, before) {
            (None, None) => format!("{who} had no {}", field.name()),
            (None, Some(_)) => format!("Removed the {} of {who}", field.name()),
            (Some(new), _) if field == Field::Status => {
                format!("{who}: {}", self.paint.bold(new))
            }
            (Some(_), _) => format!("Saved the note of {who}"),
        };
        if added {
            writeln!(out, "Added {who} to favorites")?;
        }
        writeln!(out, "{line}")?;
        Ok(())
    }

    /// The favorite `text` names, or the person it names, with their key
    /// (as saved, if they are a favorite) and how to say who they are.
    fn target(
        &self,
        text: &str,
        school: Option<crate::model::SchoolId>,
    ) -> Result<(FavoriteKey, String), Failure> {
        match resolve::anyone(self.setup, &self.directory, &self.favorites, text, school)? {
            Favorite::Present(person) => {
                let saved = self
                    .favorites
                    .resolve(&self.directory)
                    .iter()
                    .position(|&found| found == Some(person))
                    .map(|at| self.favorites.keys()[at].clone());
                let key = saved.unwrap_or_else(|| {
                    FavoriteKey::of(&self.directory, &self.directory.people[person])
                });
                Ok((key, self.who(person, &self.paint)))
            }
            Favorite::Missing(key) => {
                let who = format!("{} ({})", self.paint.bold(&key.name), sanitize(&key.school));
                Ok((key, who))
            }
        }
    }

    /// `favorites --export`: the favorites given, in `format`.
    pub(super) fn export(
        &self,
        format: ExportFormat,
        keys: &[&FavoriteKey],
        resolved: &[Option<PersonId>],
        details: &[&Details],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let rows: Vec<ExportRow> = keys
            .iter()
            .zip(resolved)
            .zip(details)
            .map(|((key, person), details)| {
                let person = person.map(|p| &self.directory.people[p]);
                ExportRow {
                    name: person.map_or(&key.name, |p| p.name()),
                    school: person.map_or(&key.school, |p| &self.directory.school_of(p).name),
                    title: person.and_then(|p| p.title()),
                    website: person.and_then(|p| p.website()),
                    status: details.status.as_deref(),
                    note: details.note.as_deref(),
                    added: details.added.as_deref(),
                    missing: person.is_none(),
                }
            })
            .collect();
        match format {
            ExportFormat::Md => export::markdown(out, &rows),
            ExportFormat::Csv => export::csv(out, &rows),
            ExportFormat::Json => export::json(out, &rows),
        }
    }
}

/// Which of a favorite's texts a command sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Note,
    Status,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Note => "note",
            Field::Status => "status",
        }
    }

    fn get(self, details: &Details) -> Option<&str> {
        match self {
            Field::Note => details.note.as_deref(),
            Field::Status => details.status.as_deref(),
        }
    }

    fn set(self, details: &mut Details, text: Option<String>) {
        match self {
            Field::Note => details.note = text,
            Field::Status => details.status = text,
        }
    }
}

/// A note given as `-`: all of standard input, which must be UTF-8.
fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    io::stdin().read_to_end(&mut bytes)?;
    String::from_utf8(bytes)
        .map_err(|_| Failure::Usage("the note on standard input is not UTF-8 text".into()))
}
