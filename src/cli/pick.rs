//! `profdex pick`: the chosen people on standard output, as fields, NUL-
//! ended records or JSON; and what decides without a screen at all
//! (`--select-1`, `--exit-0`).

use std::collections::HashSet;
use std::io::Write;

use clap::Args;

use super::{Session, resolve};
use crate::app::Picked;
use crate::model::{Directory, Person, PersonId, SchoolId};
use crate::report::Report;
use crate::sanitize::sanitize;
use crate::setup::Failure;
use crate::tui::{self, PickStart};

/// `profdex pick`'s options. Its flags are fzf's, each on its own.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)]
pub struct PickArgs {
    /// Print these fields, tab-separated: name, school, title, website, research, or an extra field's key (email, scholar…) [default: name,school,website]
    #[arg(
        long,
        value_name = "FIELD,…",
        value_delimiter = ',',
        conflicts_with = "json"
    )]
    pub print: Vec<String>,
    /// Print one JSON array of the chosen people, as `list --json` does
    #[arg(long)]
    pub json: bool,
    /// End each person with a NUL byte instead of a line break (for `xargs -0`)
    #[arg(long, conflicts_with = "json")]
    pub print0: bool,
    /// Choose several people: Tab and Shift-Tab mark them
    #[arg(long)]
    pub multi: bool,
    /// Start with this filter
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
    /// When exactly one person matches the query, print them at once, without a screen
    #[arg(long = "select-1")]
    pub select_one: bool,
    /// When no one matches the query, exit 1 at once, without a screen
    #[arg(long = "exit-0")]
    pub exit_zero: bool,
    /// Only this school (name, case-insensitive, or a unique part of it)
    #[arg(long, value_name = "S")]
    pub school: Option<String>,
}

/// One column of the printed records.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Name,
    School,
    Title,
    Website,
    Research,
    /// An extra field, by its key lowercased.
    Extra(String),
}

/// How the chosen people are written.
enum Format {
    Fields { fields: Vec<Field>, end: u8 },
    Json,
}

impl Field {
    /// The fields `names` asks for; a name that is no field of anyone's
    /// is a usage error, said before any screen opens.
    fn parse(names: &[String], directory: &Directory) -> Result<Vec<Field>, Failure> {
        if names.is_empty() {
            return Ok(vec![Field::Name, Field::School, Field::Website]);
        }
        let mut extra_keys: Option<HashSet<String>> = None;
        names
            .iter()
            .map(|name| {
                let name = name.trim().to_lowercase();
                Ok(match name.as_str() {
                    "name" => Field::Name,
                    "school" => Field::School,
                    "title" => Field::Title,
                    "website" => Field::Website,
                    "research" => Field::Research,
                    _ => {
                        let keys = extra_keys.get_or_insert_with(|| extra_keys_of(directory));
                        if !keys.contains(&name) {
                            return Err(Failure::Usage(format!(
                                "--print: no one has a field \"{name}\"; fields are name, school, title, website, research, or an extra field's key such as email"
                            )));
                        }
                        Field::Extra(name)
                    }
                })
            })
            .collect()
    }

    /// This field of `person`, as text for a terminal and a tab-separated line.
    fn value(&self, directory: &Directory, person: &Person) -> String {
        let text = match self {
            Field::Name => person.name(),
            Field::School => directory.school_of(person).name.as_str(),
            Field::Title => person.title().unwrap_or(""),
            Field::Website => person.website().unwrap_or(""),
            Field::Research => person.research_line(),
            Field::Extra(key) => person
                .extra()
                .find(|field| field.key.to_lowercase() == *key)
                .map_or("", |field| field.value),
        };
        // A tab is a space then (its stand-in), so the columns stay columns.
        sanitize(text).into_owned()
    }
}

fn extra_keys_of(directory: &Directory) -> HashSet<String> {
    directory
        .people
        .iter()
        .flat_map(Person::extra)
        .map(|field| field.key.to_lowercase())
        .collect()
}

impl Session<'_> {
    pub(super) fn pick(&mut self, args: PickArgs, out: &mut dyn Write) -> Result<(), Failure> {
        let format = if args.json {
            Format::Json
        } else {
            Format::Fields {
                fields: Field::parse(&args.print, &self.directory)?,
                end: if args.print0 { b'\0' } else { b'\n' },
            }
        };
        let school = self.school(args.school.as_deref())?;
        let query = args.query.unwrap_or_default();
        if args.select_one || args.exit_zero {
            let matching = self.matching(&query, school);
            if args.exit_zero && matching.is_empty() {
                return Err(Failure::NotFound(format!("no one matches \"{query}\"")));
            }
            if args.select_one && matching.len() == 1 {
                return self.print_picked(&self.directory, &matching, &format, out);
            }
        }
        let device = tui::terminal_device()?;
        let start = PickStart {
            multi: args.multi,
            query: Some(query).filter(|query| !query.is_empty()),
            school: school.map(|school| self.directory.schools[school].name.clone()),
        };
        let directory = std::mem::take(&mut self.directory);
        let favorites = self.favorites.clone();
        let (directory, picked) = tui::pick(self.setup, device, directory, favorites, start)?;
        let result = match picked {
            Picked::Aborted => Err(Failure::Aborted),
            Picked::Chosen(people) if people.is_empty() => {
                Err(Failure::NotFound("no one was chosen".into()))
            }
            Picked::Chosen(people) => self.print_picked(&directory, &people, &format, out),
        };
        // Left for the exit to free, as the directory always is.
        std::mem::forget(directory);
        result
    }

    /// Everyone the query matches in `school`: everyone there for none.
    fn matching(&self, query: &str, school: Option<SchoolId>) -> Vec<PersonId> {
        if query.trim().is_empty() {
            return (0..self.directory.people.len())
                .filter(|&p| school.is_none_or(|s| self.directory.people[p].school == s))
                .collect();
        }
        let (index, _, hits) = resolve::search(self.setup, &self.directory, query, school);
        std::mem::forget(index);
        hits.iter().map(|hit| hit.person).collect()
    }

    fn print_picked(
        &self,
        directory: &Directory,
        people: &[PersonId],
        format: &Format,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        match format {
            Format::Json => {
                let labels = crate::namesakes::told_apart(directory, people);
                let apart = people
                    .iter()
                    .zip(labels)
                    .filter_map(|(&person, label)| Some((person, label?)))
                    .collect();
                let report =
                    Report::new(directory, &self.favorites, &self.paint).telling_apart(apart);
                report.json(out, people.iter().map(|&p| report.person_json(p)))?;
            }
            Format::Fields { fields, end } => {
                for &person in people {
                    let person = &directory.people[person];
                    let values: Vec<String> = fields
                        .iter()
                        .map(|field| field.value(directory, person))
                        .collect();
                    out.write_all(values.join("\t").as_bytes())?;
                    out.write_all(&[*end])?;
                }
            }
        }
        Ok(())
    }
}
