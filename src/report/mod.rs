//! The command line's output: people as text for reading, or as JSON.
//!
//! Every piece of text from a data file passes through `sanitize` before it
//! reaches the terminal; JSON escapes control characters itself. Text shows
//! a URL with where it really goes when that could be mistaken; JSON keeps
//! the URL exactly as written.

use std::collections::HashMap;
use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub mod export;
mod json;

pub use export::ExportRow;
pub use json::{PersonJson, RelatedJson, TopicJson};

use crate::favorites::{Details, FavoriteKey, Favorites, first_line};
use crate::model::{Directory, PersonId};
use crate::sanitize::sanitize;
use crate::search::{self, Highlights, Hit, Index, Query};
use crate::url::{note, shown};

/// ANSI styling that is a no-op when colour is off.
pub struct Paint {
    enabled: bool,
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const MATCH: &str = "\x1b[1;33m";
const STAR: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

impl Paint {
    pub fn new(enabled: bool) -> Paint {
        Paint { enabled }
    }

    fn wrap(&self, style: &str, text: &str) -> String {
        let text = sanitize(text);
        if self.enabled {
            format!("{style}{text}{RESET}")
        } else {
            text.into_owned()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.wrap(BOLD, text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.wrap(DIM, text)
    }

    /// `text` with the characters at `positions` (character indices) marked.
    pub fn matched(&self, text: &str, positions: &[usize], base: &str) -> String {
        let text = sanitize(text);
        if !self.enabled {
            return text.into_owned();
        }
        let mut out = String::from(base);
        for (index, c) in text.chars().enumerate() {
            if positions.binary_search(&index).is_ok() {
                out.push_str(MATCH);
                out.push(c);
                out.push_str(RESET);
                out.push_str(base);
            } else {
                out.push(c);
            }
        }
        out.push_str(RESET);
        out
    }
}

pub struct Report<'a> {
    directory: &'a Directory,
    favorite: Vec<bool>,
    paint: &'a Paint,
    /// What tells people apart from their namesakes, for those who have one.
    apart: HashMap<PersonId, String>,
}

impl<'a> Report<'a> {
    pub fn new(directory: &'a Directory, favorites: &Favorites, paint: &'a Paint) -> Report<'a> {
        let mut favorite = vec![false; directory.people.len()];
        for person in favorites.resolve(directory).into_iter().flatten() {
            favorite[person] = true;
        }
        Report {
            directory,
            favorite,
            paint,
            apart: HashMap::new(),
        }
    }

    /// This report, showing `apart` (what tells each person in it apart from
    /// their namesakes) after their names, and in JSON as `disambiguation`.
    #[must_use]
    pub fn telling_apart(self, apart: HashMap<PersonId, String>) -> Report<'a> {
        Report { apart, ..self }
    }

    /// A person's name as shown: with what tells them apart, if anything must.
    fn name(&self, person: PersonId) -> String {
        let name = sanitize(self.directory.people[person].name());
        match self.apart.get(&person) {
            Some(label) => format!("{name} ({})", sanitize(label)),
            None => name.into_owned(),
        }
    }

    pub fn is_favorite(&self, person: PersonId) -> bool {
        self.favorite[person]
    }

    pub fn sort_by_school_then_name(&self, people: &mut [PersonId]) {
        // A school's key is the same for all its people: made once each.
        let schools: Vec<String> = self
            .directory
            .schools
            .iter()
            .map(|school| school.name.to_lowercase())
            .collect();
        let key = |&p: &PersonId| {
            let person = &self.directory.people[p];
            (&schools[person.school], person.name().to_lowercase())
        };
        people.sort_by_cached_key(key);
    }

    /// Topics with their counts, one a line.
    pub fn topics(&self, out: &mut dyn Write, rows: &[TopicJson]) -> io::Result<()> {
        let width = rows.first().map_or(1, |row| row.count.to_string().len());
        for row in rows {
            writeln!(out, "{:>width$}  {}", row.count, sanitize(row.topic))?;
        }
        Ok(())
    }

    /// The people related to `person`, with what they share.
    pub fn related(
        &self,
        out: &mut dyn Write,
        person: PersonId,
        rows: &[RelatedJson],
    ) -> io::Result<()> {
        let faculty = &self.directory.people[person];
        writeln!(
            out,
            "Research like {}'s ({}):",
            self.paint.bold(faculty.name()),
            sanitize(&self.directory.school_of(faculty).name)
        )?;
        let width = rows
            .iter()
            .map(|row| sanitize(row.person.name).width())
            .max()
            .unwrap_or(0)
            .min(32);
        for row in rows {
            let name = sanitize(row.person.name);
            writeln!(
                out,
                "  {}{}  {}  {}",
                self.paint.bold(row.person.name),
                padding(&name, width),
                sanitize(row.person.school),
                self.paint.dim(&row.shared.join(", "))
            )?;
        }
        Ok(())
    }

    fn star(&self, person: PersonId) -> String {
        if self.favorite[person] {
            self.paint.wrap(STAR, "★")
        } else {
            " ".to_string()
        }
    }

    /// People grouped under their school, one line each.
    pub fn list(&self, out: &mut dyn Write, people: &[PersonId]) -> io::Result<()> {
        let width = self.name_width(people);
        let mut current_school = None;
        for &person in people {
            let faculty = &self.directory.people[person];
            if current_school != Some(faculty.school) {
                if current_school.is_some() {
                    writeln!(out)?;
                }
                current_school = Some(faculty.school);
                writeln!(
                    out,
                    "{}",
                    self.paint
                        .bold(&self.directory.schools[faculty.school].name)
                )?;
            }
            let name = self.name(person);
            writeln!(
                out,
                "{} {}{}  {}",
                self.star(person),
                name,
                padding(&name, width),
                self.paint.dim(faculty.title().unwrap_or(""))
            )?;
        }
        Ok(())
    }

    pub fn search_results(
        &self,
        out: &mut dyn Write,
        index: &Index,
        query: &Query,
        hits: &[Hit],
    ) -> io::Result<()> {
        let people: Vec<PersonId> = hits.iter().map(|hit| hit.person).collect();
        let width = self.name_width(&people);
        for hit in hits {
            let person = hit.person;
            let faculty = &self.directory.people[person];
            // Positions cost a second match per field; only colour shows them.
            let found = if self.paint.enabled {
                index.highlights(self.directory, query, person)
            } else {
                Highlights::default()
            };
            let research_matched = hit.shown_in & search::Field::Research.bit() != 0;
            let school = &self.directory.school_of(faculty).name;
            let name = self.name(person);
            let label = self
                .apart
                .get(&person)
                .map(|label| format!(" ({})", sanitize(label)))
                .unwrap_or_default();
            writeln!(
                out,
                "{} {}{label}{}  {}  {}",
                self.star(person),
                self.paint.matched(faculty.name(), &found.name, BOLD),
                padding(&name, width),
                self.paint.matched(school, &found.school, ""),
                self.paint
                    .matched(faculty.title().unwrap_or(""), &found.title, DIM),
            )?;
            if research_matched {
                writeln!(
                    out,
                    "  {}  {}",
                    " ".repeat(width),
                    self.paint
                        .matched(faculty.research_line(), &found.research, DIM)
                )?;
            }
        }
        Ok(())
    }

    pub fn detail(&self, out: &mut dyn Write, person: PersonId) -> io::Result<()> {
        let faculty = &self.directory.people[person];
        let school = self.directory.school_of(faculty);
        let star = if self.favorite[person] { "  ★" } else { "" };
        writeln!(out, "{}{star}", self.paint.bold(&self.name(person)))?;
        if let Some(title) = faculty.title() {
            writeln!(out, "{}", sanitize(title))?;
        }
        writeln!(out, "{}", sanitize(&school.name))?;
        writeln!(out)?;
        let mut fields: Vec<(&str, String)> = Vec::new();
        if faculty.has_research() {
            fields.push(("Research", faculty.research_line().to_owned()));
        }
        if let Some(website) = faculty.website() {
            fields.push(("Website", shown(website)));
        }
        fields.extend(faculty.extra().map(|f| (f.key, shown(f.value))));
        let width = fields.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
        for (key, value) in &fields {
            let key = sanitize(key);
            writeln!(
                out,
                "{}{}  {}",
                self.paint.dim(&key),
                padding(&key, width),
                sanitize(value)
            )?;
        }
        if !school.labs.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                self.paint.bold(&format!("Labs at {}", school.name))
            )?;
            for (number, lab) in school.labs.iter().enumerate() {
                let note = note(&lab.url).map(|note| format!("  {}", sanitize(&note)));
                writeln!(
                    out,
                    "{:>3}  {}  {}{}",
                    number + 1,
                    sanitize(&lab.name),
                    self.paint.dim(&lab.url),
                    note.unwrap_or_default()
                )?;
            }
        }
        if let Some(focus) = &school.research_focus {
            writeln!(out)?;
            writeln!(
                out,
                "{} {}",
                self.paint.dim("Research focus:"),
                sanitize(focus)
            )?;
        }
        Ok(())
    }

    /// Favorites, one a line: name, school, title (or that they are
    /// missing from the data), then the status and the note's first line.
    pub fn favorites(
        &self,
        out: &mut dyn Write,
        keys: &[FavoriteKey],
        resolved: &[Option<PersonId>],
        details: &[&Details],
    ) -> io::Result<()> {
        let widest = |text: fn(&FavoriteKey) -> &str| {
            keys.iter()
                .map(|k| sanitize(text(k)).width())
                .max()
                .unwrap_or(0)
        };
        let (width, school_width) = (widest(|k| &k.name), widest(|k| &k.school));
        for ((key, person), details) in keys.iter().zip(resolved).zip(details) {
            let name = sanitize(&key.name);
            let school = sanitize(&key.school);
            let about = match person {
                Some(p) => self.directory.people[*p]
                    .title()
                    .unwrap_or_default()
                    .to_owned(),
                None => "(not in the loaded data)".to_string(),
            };
            write!(
                out,
                "{} {}{}  {school}{}  {}",
                self.paint.wrap(STAR, "★"),
                self.paint.bold(&key.name),
                padding(&name, width),
                padding(&school, school_width),
                self.paint.dim(&about)
            )?;
            if let Some(status) = &details.status {
                write!(out, "  [{}]", sanitize(status))?;
            }
            if let Some(note) = &details.note {
                write!(out, "  {}", self.paint.dim(&note_start(note)))?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn name_width(&self, people: &[PersonId]) -> usize {
        people
            .iter()
            .map(|&p| {
                let label = self.apart.get(&p).map_or(0, |label| label.width() + 3);
                sanitize(self.directory.people[p].name()).width() + label
            })
            .max()
            .unwrap_or(0)
            .min(32)
    }
}

/// Someone a query could mean, as a command that would not guess lists them.
pub struct Candidate<'a> {
    pub name: &'a str,
    /// What tells them apart from a namesake, if they have one.
    pub label: Option<&'a str>,
    pub school: &'a str,
    /// Their website, or why there is none to show.
    pub website: &'a str,
}

/// The candidates, one a line: name, school, website, in aligned columns,
/// then how many more there are. Plain text: it goes to stderr, which may
/// be a file while stdout is a terminal.
pub fn candidates(out: &mut dyn Write, rows: &[Candidate], more: usize) -> io::Result<()> {
    let names: Vec<String> = rows
        .iter()
        .map(|row| {
            let name = sanitize(row.name);
            match row.label {
                Some(label) => format!("{name} ({})", sanitize(label)),
                None => name.into_owned(),
            }
        })
        .collect();
    let schools: Vec<_> = rows.iter().map(|row| sanitize(row.school)).collect();
    let name_width = names.iter().map(|n| n.width()).max().unwrap_or(0);
    let school_width = schools.iter().map(|s| s.width()).max().unwrap_or(0);
    for ((row, name), school) in rows.iter().zip(&names).zip(&schools) {
        writeln!(
            out,
            "  {name}{}  {school}{}  {}",
            padding(name, name_width),
            padding(school, school_width),
            sanitize(&shown(row.website))
        )?;
    }
    if more > 0 {
        writeln!(out, "  … and {more} more")?;
    }
    Ok(())
}

/// How much of a note a list line shows, in columns.
const NOTE_SHOWN: usize = 60;

/// The start of a note's first line, ending in `…` when there is more.
fn note_start(note: &str) -> String {
    let first = first_line(note);
    let mut shown = String::new();
    let mut width = 0;
    for c in first.chars() {
        width += c.width().unwrap_or(0);
        if width > NOTE_SHOWN {
            break;
        }
        shown.push(c);
    }
    if shown.len() < note.len() {
        shown.push_str(" …");
    }
    shown
}

fn padding(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(text.width()))
}
