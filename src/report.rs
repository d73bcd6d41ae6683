//! The command line's output: people as text for reading, or as JSON.
//!
//! Every piece of text from a data file passes through `sanitize` before it
//! reaches the terminal; JSON escapes control characters itself. Text shows
//! a URL with where it really goes when that could be mistaken; JSON keeps
//! the URL exactly as written.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::favorites::{FavoriteKey, Favorites};
use crate::model::{Directory, Field, Lab, PersonId};
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

/// One person as `--json` writes them.
#[derive(Serialize)]
pub struct PersonJson<'a> {
    pub school: &'a str,
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub research: &'a [String],
    pub website: Option<&'a str>,
    pub favorite: bool,
    pub extra: &'a [Field],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// Only for favorites whose person is no longer in the data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labs: Option<&'a [Lab]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub research_focus: Option<&'a str>,
}

impl<'a> PersonJson<'a> {
    pub fn missing(key: &'a FavoriteKey) -> PersonJson<'a> {
        PersonJson {
            school: &key.school,
            name: &key.name,
            title: None,
            research: &[],
            website: None,
            favorite: true,
            extra: &[],
            score: None,
            missing: Some(true),
            labs: None,
            research_focus: None,
        }
    }
}

pub struct Report<'a> {
    directory: &'a Directory,
    favorite: Vec<bool>,
    paint: &'a Paint,
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
        }
    }

    pub fn is_favorite(&self, person: PersonId) -> bool {
        self.favorite[person]
    }

    pub fn sort_by_school_then_name(&self, people: &mut [PersonId]) {
        let key = |&p: &PersonId| {
            let person = &self.directory.people[p];
            let school = &self.directory.school_of(person).name;
            (school.to_lowercase(), person.name.to_lowercase())
        };
        people.sort_by_cached_key(key);
    }

    pub fn person_json(&self, person: PersonId) -> PersonJson<'a> {
        let faculty = &self.directory.people[person];
        PersonJson {
            school: &self.directory.school_of(faculty).name,
            name: &faculty.name,
            title: faculty.title.as_deref(),
            research: &faculty.research,
            website: faculty.website.as_deref(),
            favorite: self.favorite[person],
            extra: &faculty.extra,
            score: None,
            missing: None,
            labs: None,
            research_focus: None,
        }
    }

    pub fn person_detail_json(&self, person: PersonId) -> PersonJson<'a> {
        let school = self.directory.school_of(&self.directory.people[person]);
        PersonJson {
            labs: Some(&school.labs),
            research_focus: school.research_focus.as_deref(),
            ..self.person_json(person)
        }
    }

    pub fn json<'r>(
        &self,
        out: &mut dyn Write,
        rows: impl IntoIterator<Item = PersonJson<'r>>,
    ) -> io::Result<()> {
        let rows: Vec<PersonJson> = rows.into_iter().collect();
        // serde_json writes a few bytes at a time: buffered here, each is a
        // copy, where through `dyn Write` each was a call.
        let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut buffered, &rows)?;
        writeln!(buffered)?;
        buffered.flush()
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
            let name = sanitize(&faculty.name);
            writeln!(
                out,
                "{} {}{}  {}",
                self.star(person),
                name,
                padding(&name, width),
                self.paint.dim(faculty.title.as_deref().unwrap_or(""))
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
        for &person in &people {
            let faculty = &self.directory.people[person];
            // Positions cost a second match per field; only colour shows them.
            let (found, research_matched) = if self.paint.enabled {
                let found = index.highlights(self.directory, query, person);
                let matched = !found.research.is_empty();
                (found, matched)
            } else {
                let matched = index
                    .matched_fields(self.directory, query, person)
                    .any(|field| field == search::Field::Research);
                (Highlights::default(), matched)
            };
            let school = &self.directory.school_of(faculty).name;
            let name = sanitize(&faculty.name);
            writeln!(
                out,
                "{} {}{}  {}  {}",
                self.star(person),
                self.paint.matched(&faculty.name, &found.name, BOLD),
                padding(&name, width),
                self.paint.matched(school, &found.school, ""),
                self.paint
                    .matched(faculty.title.as_deref().unwrap_or(""), &found.title, DIM),
            )?;
            if research_matched {
                let research = faculty.research_line();
                writeln!(
                    out,
                    "  {}  {}",
                    " ".repeat(width),
                    self.paint.matched(&research, &found.research, DIM)
                )?;
            }
        }
        Ok(())
    }

    pub fn detail(&self, out: &mut dyn Write, person: PersonId) -> io::Result<()> {
        let faculty = &self.directory.people[person];
        let school = self.directory.school_of(faculty);
        let star = if self.favorite[person] { "  ★" } else { "" };
        writeln!(out, "{}{star}", self.paint.bold(&faculty.name))?;
        if let Some(title) = &faculty.title {
            writeln!(out, "{}", sanitize(title))?;
        }
        writeln!(out, "{}", sanitize(&school.name))?;
        writeln!(out)?;
        let mut fields: Vec<(&str, String)> = Vec::new();
        if !faculty.research.is_empty() {
            fields.push(("Research", faculty.research_line()));
        }
        if let Some(website) = &faculty.website {
            fields.push(("Website", shown(website)));
        }
        fields.extend(
            faculty
                .extra
                .iter()
                .map(|f| (f.key.as_str(), shown(&f.value))),
        );
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

    pub fn favorites(
        &self,
        out: &mut dyn Write,
        keys: &[FavoriteKey],
        resolved: &[Option<PersonId>],
    ) -> io::Result<()> {
        let width = keys
            .iter()
            .map(|k| sanitize(&k.name).width())
            .max()
            .unwrap_or(0);
        for (key, person) in keys.iter().zip(resolved) {
            let name = sanitize(&key.name);
            let note = match person {
                Some(p) => self.directory.people[*p].title.clone().unwrap_or_default(),
                None => "(not in the loaded data)".to_string(),
            };
            writeln!(
                out,
                "{} {}{}  {}  {}",
                self.paint.wrap(STAR, "★"),
                self.paint.bold(&key.name),
                padding(&name, width),
                sanitize(&key.school),
                self.paint.dim(&note)
            )?;
        }
        Ok(())
    }

    fn name_width(&self, people: &[PersonId]) -> usize {
        people
            .iter()
            .map(|&p| sanitize(&self.directory.people[p].name).width())
            .max()
            .unwrap_or(0)
            .min(32)
    }
}

fn padding(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(text.width()))
}
