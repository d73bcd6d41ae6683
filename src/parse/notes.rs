//! Sections, and what was not read in each: one note a section naming
//! it and saying why, rather than one diagnostic an item.

use super::inline::quote;
use super::positions::Reporter;
use super::sections::Heading;
use crate::diag::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Before any section: the directory's description.
    Preamble,
    /// After a bare `## Research Focus`: the next paragraph is the focus.
    Focus,
    People,
    Labs {
        exact: bool,
    },
    Ignored {
        about: &'static str,
        names_people: bool,
    },
    Other,
}

impl From<Heading> for Kind {
    fn from(heading: Heading) -> Kind {
        match heading {
            Heading::People => Kind::People,
            Heading::Labs { exact } => Kind::Labs { exact },
            Heading::Ignored {
                about,
                names_people,
            } => Kind::Ignored {
                about,
                names_people,
            },
            Heading::Other => Kind::Other,
        }
    }
}

pub(super) struct Section {
    pub(super) kind: Kind,
    /// The heading's level (0 before any); people under it are headed
    /// one level deeper.
    pub(super) level: usize,
    /// A heading of this level or higher ends the section.
    pub(super) closes_at: usize,
    /// Where the heading is, and its text.
    pub(super) heading: Option<(usize, String)>,
    /// Items are read as list entries: a people section, or the top of
    /// a file whose `#` heading names people.
    pub(super) entries: bool,
    items: usize,
    tables: usize,
    first: Option<usize>,
}

impl Section {
    pub(super) fn new(kind: Kind, level: usize, heading: Option<(usize, String)>) -> Section {
        Section {
            kind,
            level,
            closes_at: level,
            heading,
            entries: kind == Kind::People,
            items: 0,
            tables: 0,
            first: None,
        }
    }

    pub(super) fn unread_item(&mut self, at: usize) {
        self.items += 1;
        self.first.get_or_insert(at);
    }

    pub(super) fn unread_table(&mut self, at: usize) {
        self.tables += 1;
        self.first.get_or_insert(at);
    }

    /// The note for what was not read here, if anything was not.
    pub(super) fn note(&self, rep: &mut Reporter) {
        let total = self.items + self.tables;
        let Some(first) = self.first.filter(|_| total > 0) else {
            return;
        };
        let mut parts = Vec::new();
        if self.items > 0 {
            parts.push(count(self.items, "list item"));
        }
        if self.tables > 0 {
            parts.push(count(self.tables, "table"));
        }
        let labs = matches!(self.kind, Kind::Labs { .. });
        let mut reasons = Vec::new();
        match self.kind {
            Kind::People | Kind::Labs { .. } => {
                if self.items > 0 {
                    reasons.push(match (labs, self.items == 1) {
                        (false, true) => "it does not begin with a link or a bold name",
                        (false, false) => "they do not begin with a link or a bold name",
                        (true, true) => "it has no link",
                        (true, false) => "they have no link",
                    });
                }
                if self.tables > 0 {
                    reasons.push(if self.tables == 1 {
                        "the table has no column of names"
                    } else {
                        "the tables have no column of names"
                    });
                }
            }
            Kind::Ignored {
                about,
                names_people: true,
            } => reasons.push(match about {
                "courses" => "the section is about courses",
                "news" => "the section is about news",
                _ => "the section is about publications",
            }),
            _ if self.heading.is_none() => reasons.push("no heading above them names people"),
            _ => reasons.push("the heading does not name people"),
        }
        let place = match &self.heading {
            Some((_, text)) => format!("under {}", quote(text)),
            None => "at the top of the file".to_string(),
        };
        let at = self.heading.as_ref().map_or(first, |(at, _)| *at);
        rep.at(
            at,
            Severity::Note,
            format!(
                "{} {place} {} not read as {}: {}; see docs/format.md",
                parts.join(" and "),
                if total == 1 { "was" } else { "were" },
                if labs { "labs" } else { "people" },
                reasons.join(", and ")
            ),
        );
    }
}

pub(super) fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
