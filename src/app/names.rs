//! Finding a name in a short list by what a person types: the filters of
//! the schools pane and the topics pane.
//!
//! Names are folded as people search folds them (accents, case), once. A
//! query ranks a name by the best way it matches: one of its aliases (a
//! school's short name, a topic's synonym), its initials, the start of
//! the name, the start of a word, anywhere, the start of its initials,
//! and last as a fuzzy match; then by the fuzzy score, then shorter first.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::fold::fold;

/// How a query matched a name, best first.
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

/// A name as the filter compares it.
struct Name {
    folded: String,
    initials: String,
}

/// The names of a list, folded for filtering.
#[derive(Default)]
pub struct Names {
    names: Vec<Name>,
}

impl Names {
    pub fn new<'a>(names: impl Iterator<Item = &'a str>) -> Names {
        let names = names
            .map(|name| {
                let folded = folded(name);
                Name {
                    initials: initials(&folded),
                    folded,
                }
            })
            .collect();
        Names { names }
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Name `id` folded, in lower case.
    pub fn folded(&self, id: usize) -> &str {
        &self.names[id].folded
    }

    /// The ids among `among` whose names match `query`, best first; equal
    /// matches keep the order of `among`. `alias(id, query)` says whether
    /// the folded query is another name for `id`.
    pub fn rank(
        &self,
        query: &str,
        among: impl Iterator<Item = usize>,
        alias: impl Fn(usize, &str) -> bool,
    ) -> Vec<usize> {
        let query = folded(query.trim());
        if query.is_empty() {
            return Vec::new();
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut ranked: Vec<(Tier, i64, usize, usize, usize)> = among
            .enumerate()
            .filter_map(|(order, id)| {
                let name = self.names.get(id)?;
                let (tier, score) = if alias(id, &query) {
                    (Tier::Alias, 0)
                } else {
                    tier(name, &query, &matcher)?
                };
                Some((tier, -score, name.folded.len(), order, id))
            })
            .collect();
        ranked.sort_unstable();
        ranked.into_iter().map(|(.., id)| id).collect()
    }
}

fn tier(name: &Name, query: &str, matcher: &SkimMatcherV2) -> Option<(Tier, i64)> {
    let text = name.folded.as_str();
    let tier = if name.initials == query {
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
pub fn folded(text: &str) -> String {
    fold(text).as_deref().unwrap_or(text).to_lowercase()
}

/// The first letters of the words of a folded name that stand for
/// something: "massachusetts institute of technology" is "mit" ("of",
/// "and", "at", "the" and the like are left out), "univ. of illinois at
/// urbana-champaign" is "uiuc", "human-computer interaction" is "hci".
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

    #[test]
    fn initials_leave_out_the_small_words() {
        assert_eq!(initials("massachusetts institute of technology"), "mit");
        assert_eq!(initials("univ. of illinois at urbana-champaign"), "uiuc");
        assert_eq!(initials("rmit university"), "ru");
        assert_eq!(initials("human-computer interaction"), "hci");
    }

    #[test]
    fn the_best_kind_of_match_comes_first_then_the_given_order() {
        let names = Names::new(
            [
                "Computer vision",
                "Machine learning",
                "Human-computer interaction",
                "Computer networks",
            ]
            .into_iter(),
        );
        let rank = |query| names.rank(query, 0..names.len(), |_, _| false);
        assert_eq!(rank("computer"), [0, 3, 2], "start, then a word's start");
        assert_eq!(rank("hci"), [2], "initials");
        assert_eq!(rank("ML"), [1]);
        assert_eq!(rank("vision"), [0]);
        assert!(rank("  ").is_empty());
        let aliased = names.rank("ai", [3, 1].into_iter(), |id, q| id == 1 && q == "ai");
        assert_eq!(aliased, [1], "only the ids asked about");
    }
}
