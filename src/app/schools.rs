//! Finding a school by name: the schools pane's own filter, ranked (see
//! `names`) so that the school a short name means comes first (`mit` is
//! MIT, not RMIT).

use super::line::LineEdit;
use super::names::Names;
use crate::aliases;
use crate::model::{Directory, SchoolId};

/// The filter holds at most this many characters: school names are short.
pub const MAX_SCHOOL_FILTER_CHARS: usize = 200;

/// The schools pane's filter line and the schools it lets through, best first.
#[derive(Default)]
pub struct SchoolFilter {
    line: LineEdit,
    names: Names,
    /// The short names that mean each school.
    aliases: Vec<Vec<&'static str>>,
    /// `None` while the filter is empty: every row is shown.
    shown: Option<Vec<SchoolId>>,
}

impl SchoolFilter {
    pub fn new(directory: &Directory) -> SchoolFilter {
        let names = Names::new(directory.schools.iter().map(|school| school.name.as_str()));
        let aliases = (0..names.len())
            .map(|id| aliases::of(names.folded(id)).collect())
            .collect();
        SchoolFilter {
            line: LineEdit::default(),
            names,
            aliases,
            shown: None,
        }
    }

    pub fn line(&self) -> &LineEdit {
        &self.line
    }

    pub(super) fn line_mut(&mut self) -> &mut LineEdit {
        &mut self.line
    }

    /// The schools that match, best first; `None` when not filtering.
    pub fn shown(&self) -> Option<&[SchoolId]> {
        self.shown.as_deref()
    }

    /// Ranks the schools for the filter as it now reads.
    pub(super) fn refresh(&mut self) {
        let query = self.line.text().trim();
        self.shown = (!query.is_empty()).then(|| {
            let all = 0..self.names.len();
            self.names
                .rank(query, all, |id, query| self.aliases[id].contains(&query))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::school;

    fn filter(names: &[&str]) -> SchoolFilter {
        let directory = Directory {
            schools: names.iter().map(|name| school(name, Vec::new())).collect(),
            people: Vec::new(),
        };
        SchoolFilter::new(&directory)
    }

    fn ranked<'a>(names: &[&'a str], query: &str) -> Vec<&'a str> {
        let mut filter = filter(names);
        filter.line.insert(query, MAX_SCHOOL_FILTER_CHARS);
        filter.refresh();
        let shown = filter.shown().unwrap_or_default();
        shown.iter().map(|&id| names[id]).collect()
    }

    const SCHOOLS: &[&str] = &[
        "RMIT University",
        "Smith College",
        "Massachusetts Institute of Technology",
        "University of Massachusetts Amherst",
        "Univ. of California - Berkeley",
        "Univ. of California - Davis",
        "Univ. of Illinois at Urbana-Champaign",
        "ETH Zurich",
        "University of Zurich",
        "Carnegie Mellon University",
        "Universität Stuttgart",
    ];

    #[test]
    fn short_names_find_the_school_they_mean_first() {
        let mit = ranked(SCHOOLS, "mit");
        assert_eq!(mit[0], "Massachusetts Institute of Technology");
        assert!(mit.contains(&"RMIT University"), "{mit:?}");
        assert_eq!(
            ranked(SCHOOLS, "MIT")[0],
            "Massachusetts Institute of Technology"
        );
        assert_eq!(ranked(SCHOOLS, "cmu")[0], "Carnegie Mellon University");
        assert_eq!(ranked(SCHOOLS, "eth")[0], "ETH Zurich");
        assert_eq!(ranked(SCHOOLS, "ucb")[0], "Univ. of California - Berkeley");
        assert_eq!(
            ranked(SCHOOLS, "uiuc")[0],
            "Univ. of Illinois at Urbana-Champaign"
        );
    }

    #[test]
    fn part_of_a_name_finds_it_folded() {
        assert_eq!(
            ranked(SCHOOLS, "california"),
            [
                "Univ. of California - Davis",
                "Univ. of California - Berkeley"
            ]
        );
        assert_eq!(
            ranked(SCHOOLS, "berkeley")[0],
            "Univ. of California - Berkeley"
        );
        assert_eq!(ranked(SCHOOLS, "universitat")[0], "Universität Stuttgart");
        assert_eq!(
            ranked(SCHOOLS, "zurich"),
            ["ETH Zurich", "University of Zurich"]
        );
        assert!(ranked(SCHOOLS, "xqzj").is_empty());
        assert!(ranked(SCHOOLS, "   ").is_empty());
    }
}
