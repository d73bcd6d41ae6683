//! Finding a school by name: the schools pane's own filter, ranked so that
//! the school a short name means comes first (`mit` is MIT, not RMIT).
//!
//! Names are folded as people search folds them (accents, case), once when
//! the directory loads. A query ranks a school by the best way it matches:
//! a common short name, the school's initials, the start of its name, the
//! start of a word, anywhere, and last as a fuzzy match.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::line::LineEdit;
use crate::aliases;
use crate::fold::fold;
use crate::model::{Directory, SchoolId};

/// The filter holds at most this many characters: school names are short.
pub const MAX_SCHOOL_FILTER_CHARS: usize = 200;

/// How a query matched a school, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Alias,
    Initials,
    Start,
    WordStart,
    Anywhere,
    InitialsStart,
    Fuzzy,
}

/// A school's name as the filter compares it.
struct Name {
    folded: String,
    initials: String,
    /// The short names that mean this school.
    aliases: Vec<&'static str>,
}

/// The schools pane's filter line and the schools it lets through, best first.
#[derive(Default)]
pub struct SchoolFilter {
    line: LineEdit,
    names: Vec<Name>,
    /// `None` while the filter is empty: every row is shown.
    shown: Option<Vec<SchoolId>>,
}

impl SchoolFilter {
    pub fn new(directory: &Directory) -> SchoolFilter {
        let names = directory
            .schools
            .iter()
            .map(|school| {
                let folded = folded(&school.name);
                let aliases = aliases::of(&folded).collect();
                Name {
                    initials: initials(&folded),
                    folded,
                    aliases,
                }
            })
            .collect();
        SchoolFilter {
            line: LineEdit::default(),
            names,
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
        let query = folded(self.line.text().trim());
        self.shown = (!query.is_empty()).then(|| self.rank(&query));
    }

    fn rank(&self, query: &str) -> Vec<SchoolId> {
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut ranked: Vec<(Tier, i64, usize, SchoolId)> = self
            .names
            .iter()
            .enumerate()
            .filter_map(|(id, name)| {
                let (tier, score) = tier(name, query, &matcher)?;
                Some((tier, -score, name.folded.len(), id))
            })
            .collect();
        ranked.sort_unstable();
        ranked.into_iter().map(|(.., id)| id).collect()
    }
}

fn tier(name: &Name, query: &str, matcher: &SkimMatcherV2) -> Option<(Tier, i64)> {
    let text = name.folded.as_str();
    let tier = if name.aliases.contains(&query) {
        Tier::Alias
    } else if name.initials == query {
        Tier::Initials
    } else if text.starts_with(query) {
        Tier::Start
    } else if text.contains(query) {
        let word_start = text.match_indices(query).any(|(at, _)| {
            text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        });
        if word_start {
            Tier::WordStart
        } else {
            Tier::Anywhere
        }
    } else if name.initials.starts_with(query) {
        Tier::InitialsStart
    } else {
        return matcher
            .fuzzy_match(text, query)
            .map(|score| (Tier::Fuzzy, score));
    };
    Some((tier, 0))
}

/// `text` folded as people search folds it, in lower case.
fn folded(text: &str) -> String {
    fold(text).as_deref().unwrap_or(text).to_lowercase()
}

/// The first letters of the words of a folded name that stand for
/// something: "massachusetts institute of technology" is "mit" ("of",
/// "and", "at", "the" and the like are left out), "univ. of illinois at
/// urbana-champaign" is "uiuc".
fn initials(folded: &str) -> String {
    const SMALL: &[&str] = &[
        "of", "and", "at", "the", "de", "in", "for", "la", "du", "di",
    ];
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !SMALL.contains(word))
        .filter_map(|word| word.chars().next())
        .collect()
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

    #[test]
    fn initials_leave_out_the_small_words() {
        assert_eq!(initials("massachusetts institute of technology"), "mit");
        assert_eq!(initials("univ. of illinois at urbana-champaign"), "uiuc");
        assert_eq!(initials("rmit university"), "ru");
    }
}
