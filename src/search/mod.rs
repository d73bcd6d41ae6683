//! Fuzzy finding over the directory (skim's algorithm from `fuzzy-matcher`).
//!
//! Folded copies of the searchable text are made once, when the index is
//! built, one column per field (`column`); a keystroke scans those for the
//! texts a term can match at all and runs the matcher on those only
//! (`scoring`). Each space-separated term must match one of a person's
//! fields; a term scores best in the name, then the research topics, the
//! title and the school, and a person's score is the sum over terms. A term
//! of five or more letters also finds a name word one typo away
//! (`tolerant`), ranked below a real name match of equal quality and above
//! the other fields. Equal scores keep directory order.

mod column;
mod highlight;
mod near;
mod scoring;
mod tolerant;

use std::borrow::Cow;
use std::collections::HashSet;
use std::thread;

use crate::fold::fold;
use crate::model::{Directory, PersonId};

use self::column::Column;
use self::scoring::Plan;
pub use self::tolerant::{MIN_TOLERANT_CHARS, edits};

/// Past this many matrix cells the matcher falls back to a greedy match, so a
/// pathological multi-megabyte field cannot take seconds or gigabytes.
const MATCHER_CELL_LIMIT: usize = 200_000;

/// Below this many candidates a second thread costs more than it saves.
const PARALLEL_THRESHOLD: usize = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Research,
    Title,
    School,
}

impl Field {
    const ALL: [Field; 4] = [Field::Name, Field::Research, Field::Title, Field::School];

    /// Added to a match's score in this field, so that of two equally good
    /// matches the one in the name wins, then research, title and school;
    /// small enough that a clean match in research still beats a scattered
    /// one in the name (skim gives about 12 points for each well-placed letter).
    /// This field's bit in [`Hit::shown_in`].
    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    fn bonus(self) -> i64 {
        match self {
            Field::Name => 24,
            Field::Research => 16,
            Field::Title => 8,
            Field::School => 0,
        }
    }
}

/// Added to a name word's score when the term is one typo away from it:
/// between the name's bonus and research's, so a typo in a name ranks
/// below the name spelt right and above an equally good match elsewhere.
const TOLERANT_BONUS: i64 = 20;

/// At most this many distinct terms are matched; a pasted essay must not
/// make one keystroke cost seconds.
pub const MAX_TERMS: usize = 32;

/// Longer terms are cut to this many characters: the matcher's work grows
/// with the length of the term times the length of the text.
pub const MAX_TERM_CHARS: usize = 128;

/// A parsed query: folded terms, each knowing whether it is case-sensitive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    text: String,
    terms: Vec<Term>,
    /// Whether terms were dropped or cut to keep the work bounded.
    limited: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    folded: String,
    case_sensitive: bool,
}

impl Term {
    /// True when every person this term matches, `other` matches too.
    fn implies(&self, other: &Term) -> bool {
        if other.case_sensitive && !self.case_sensitive {
            return false;
        }
        if self.folded == other.folded {
            return true;
        }
        // A longer term's fuzzy matches hold the shorter's, but a typo
        // match of it need not: `stocia` finds Stoica, `stoci` does not.
        !tolerant::is_tolerant(&self.folded)
            && column::is_subsequence(self.folded.as_bytes(), &other.folded, other.case_sensitive)
    }
}

impl Query {
    pub fn new(text: &str) -> Query {
        let mut limited = false;
        let mut words: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for word in text.split_whitespace() {
            if words.len() == MAX_TERMS {
                limited = true;
                break;
            }
            let mut folded = fold(word).unwrap_or_else(|| word.to_string());
            if let Some((cut, _)) = folded.char_indices().nth(MAX_TERM_CHARS) {
                folded.truncate(cut);
                limited = true;
            }
            // A repeated term finds no one new.
            if !folded.is_empty() && seen.insert(folded.clone()) {
                words.push(folded);
            }
        }
        // Smart case: an upper-case letter anywhere makes the query exact.
        let case_sensitive = words
            .iter()
            .any(|word| word.chars().any(char::is_uppercase));
        let terms = words
            .into_iter()
            .map(|folded| Term {
                folded,
                case_sensitive,
            })
            .collect();
        Query {
            text: text.to_string(),
            terms,
            limited,
        }
    }

    /// What was left out of a very long query, to tell the user.
    pub fn notice(&self) -> Option<String> {
        self.limited.then(|| {
            format!(
                "Only the first {MAX_TERMS} different words of the query are used, each up to {MAX_TERM_CHARS} characters"
            )
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every person matching `self` provably matches `previous`,
    /// so the previous hits are enough candidates: each of the previous
    /// terms is implied by one of these (the same term, or a longer one
    /// holding it that cannot match by a typo).
    pub fn narrows(&self, previous: &Query) -> bool {
        previous
            .terms
            .iter()
            .all(|old| self.terms.iter().any(|new| new.implies(old)))
    }

    /// True when `self` is `previous` typed on: each previous term is held
    /// in one of these. Every person `self` matches without a typo then
    /// matches `previous`; `narrows` is the form that holds for typos too.
    pub fn extends(&self, previous: &Query) -> bool {
        previous.terms.iter().all(|old| {
            self.terms.iter().any(|new| {
                (new.case_sensitive || !old.case_sensitive)
                    && column::is_subsequence(
                        new.folded.as_bytes(),
                        &old.folded,
                        old.case_sensitive,
                    )
            })
        })
    }

    /// True when both find the same people in the same order (they differ
    /// at most in spacing), so one's hits answer the other.
    pub fn same_as(&self, other: &Query) -> bool {
        self.terms == other.terms
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub person: PersonId,
    pub score: i64,
    /// The fields some term scored best in ([`Field::bit`]): where
    /// highlights would land, known without working out positions.
    pub shown_in: u8,
}

/// Where a query matched one person: character positions in the original
/// text of each field (research positions are in `Person::research_line`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights {
    pub name: Vec<usize>,
    pub research: Vec<usize>,
    pub title: Vec<usize>,
    pub school: Vec<usize>,
}

impl Highlights {
    pub fn of(&self, field: Field) -> &[usize] {
        match field {
            Field::Name => &self.name,
            Field::Research => &self.research,
            Field::Title => &self.title,
            Field::School => &self.school,
        }
    }

    fn of_mut(&mut self, field: Field) -> &mut Vec<usize> {
        match field {
            Field::Name => &mut self.name,
            Field::Research => &mut self.research,
            Field::Title => &mut self.title,
            Field::School => &mut self.school,
        }
    }
}

/// The folded, searchable text of a directory, a column per field.
pub struct Index {
    /// Bytes of searchable text per person, on average, rounded up.
    mean_bytes: usize,
    name: Column,
    research: Column,
    title: Column,
    school: Column,
}

impl Index {
    /// Reads every person's searchable text (the one place that does).
    pub fn build(directory: &Directory) -> Index {
        let people = &directory.people;
        let research = || {
            Column::build(people.iter().map(|person| {
                let line = person.research_line();
                fold(line).map_or(std::borrow::Cow::Borrowed(line), std::borrow::Cow::Owned)
            }))
        };
        let rest = || {
            let name = Column::build(people.iter().map(|person| folded(person.name())));
            let title = Column::build(
                people
                    .iter()
                    .map(|person| folded(person.title().unwrap_or(""))),
            );
            let school = Column::build(directory.schools.iter().map(|s| folded(&s.name)))
                .through(people.iter().map(|person| person.school));
            (name, title, school)
        };
        let (research, (name, title, school)) = if people.len() < PARALLEL_THRESHOLD {
            (research(), rest())
        } else {
            thread::scope(|scope| {
                let other = helper().spawn_scoped(scope, research);
                let rest = rest();
                let research = match other {
                    Ok(other) => other
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    Err(_) => research(),
                };
                (research, rest)
            })
        };
        let bytes: usize = [&name, &research, &title, &school]
            .iter()
            .map(|column| column.person_bytes())
            .sum();
        Index {
            mean_bytes: bytes.div_ceil(people.len().max(1)),
            name,
            research,
            title,
            school,
        }
    }

    /// How many people the index holds.
    pub fn people(&self) -> usize {
        self.name.people()
    }

    fn column(&self, field: Field) -> &Column {
        match field {
            Field::Name => &self.name,
            Field::Research => &self.research,
            Field::Title => &self.title,
            Field::School => &self.school,
        }
    }

    /// Every candidate that matches `query`, best first; equal scores in
    /// directory order. An empty query keeps all candidates, in directory order.
    pub fn search(
        &self,
        directory: &Directory,
        query: &Query,
        candidates: &[PersonId],
    ) -> Vec<Hit> {
        self.search_while(directory, query, candidates, &|| true)
            .unwrap_or_default()
    }

    /// Like `search`, but gives up (returning `None`) soon after
    /// `keep_going` turns false: a search in the background stops when the
    /// user has typed on and its answer is no longer wanted.
    pub fn search_while(
        &self,
        directory: &Directory,
        query: &Query,
        candidates: &[PersonId],
        keep_going: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        debug_assert_eq!(directory.people.len(), self.people());
        self.search_streaming(query, candidates, keep_going, &mut |_| {})
    }

    /// Like `search_while`, and when the search takes longer than a frame
    /// or two, hands `early` the best hits found so far, once, before it
    /// goes on to the complete answer.
    pub fn search_streaming(
        &self,
        query: &Query,
        candidates: &[PersonId],
        keep_going: &(dyn Fn() -> bool + Sync),
        early: &mut dyn FnMut(Vec<Hit>),
    ) -> Option<Vec<Hit>> {
        Plan::new(self, &query.terms, candidates.len()).run(candidates, keep_going, early)
    }

    /// A measure of the work of searching `candidates` for `query`: bytes
    /// of text a candidate has on average, times the characters of the
    /// terms (the matcher's work grows with both). It counts repeated texts
    /// as if they were all different, erring towards the background.
    pub fn estimated_work(&self, query: &Query, candidates: usize) -> usize {
        let chars: usize = query.terms.iter().map(|t| t.folded.chars().count()).sum();
        self.mean_bytes
            .saturating_mul(candidates)
            .saturating_mul(chars)
    }
}

fn folded(text: &str) -> Cow<'_, str> {
    fold(text).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// A second thread goes by the name of the one it helps, so that the
/// browser's panic hook takes a panic in it for one in that thread: the
/// background search's (which the browser survives) or the main thread's.
fn helper() -> thread::Builder {
    let helper = thread::Builder::new();
    match thread::current().name() {
        Some(name) => helper.name(name.to_owned()),
        None => helper,
    }
}

#[cfg(test)]
mod tests;
