//! Fuzzy finding over the directory (skim's algorithm from `fuzzy-matcher`).
//!
//! Folded copies of the searchable text are made once, when the index is
//! built, one column per field (`column`); a keystroke scans those for the
//! texts a term can match at all and runs the matcher on those only
//! (`scoring`). The query is read by [`crate::query`]: each space-separated
//! group must match, by one of its `|` alternatives, one of the fields its
//! scope allows; a term scores best in the name, then the research topics,
//! the title and the school, a group scores as its best alternative and a
//! person's score is the sum over groups. Marked terms (`'exact`, `^pre`,
//! `suf$`, school short names) are tested in `exact`, a whole research
//! topic (`topic:"…"`) in `topic`; exclusions score nothing. A plain word of five or more letters also finds a name word
//! one typo away (`tolerant`), ranked below a real name match of equal
//! quality and above the other fields. Equal scores keep directory order.

mod column;
mod exact;
mod highlight;
mod near;
mod scoring;
mod term;
mod tolerant;
mod topic;

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;
use std::thread;

use crate::fold::fold;
use crate::model::{Directory, PersonId};
use crate::query::{self, Kind, Scope};
use crate::topics::Topics;

use self::column::Column;
use self::scoring::Plan;
use self::term::Term;
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

/// A parsed query (the language of [`crate::query`]): groups of terms,
/// every group must match and a group matches when one of its terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    text: String,
    /// Every group's terms, one group after another.
    terms: Vec<Term>,
    /// Where each group ends in `terms`.
    ends: Vec<usize>,
    /// How text that is not syntax was read.
    notes: Vec<String>,
    /// Whether terms were dropped or cut to keep the work bounded.
    limited: bool,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let parsed = query::parse(text);
        let mut limited = false;
        let mut terms: Vec<Term> = Vec::new();
        let mut ends = Vec::new();
        let mut seen = HashSet::new();
        for alternatives in parsed.groups {
            let mut group: Vec<Term> = Vec::new();
            for term in alternatives {
                let term = Term::read(term, &mut limited);
                if !group.contains(&term) {
                    group.push(term);
                }
            }
            // A repeated group finds no one new.
            if seen.contains(&group) {
                continue;
            }
            if terms.len() + group.len() > MAX_TERMS {
                limited = true;
                break;
            }
            terms.extend(group.iter().cloned());
            ends.push(terms.len());
            seen.insert(group);
        }
        let mut notes = parsed.notes;
        notes.dedup();
        notes.truncate(MAX_NOTES);
        Query {
            text: text.to_string(),
            terms,
            ends,
            notes,
            limited,
        }
    }

    /// The groups of terms, each a slice of alternatives.
    fn groups(&self) -> impl Iterator<Item = &[Term]> {
        self.ends.iter().enumerate().map(|(i, &end)| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] };
            &self.terms[start..end]
        })
    }

    /// Whether every term is a lone fuzzy word for any field: no operators.
    fn is_plain(&self) -> bool {
        self.ends.len() == self.terms.len()
            && self
                .terms
                .iter()
                .all(|term| term.is_plain_fuzzy() && term.scope == Scope::Any)
    }

    /// Whether a term asks for a whole research topic (`topic:"…"`): then
    /// an index with the directory's topics attached answers it by their
    /// ids ([`Index::with_topics`]).
    pub fn has_topic_terms(&self) -> bool {
        self.terms.iter().any(|term| term.kind == Kind::Topic)
    }

    /// What was left out of a very long query, to tell the user.
    pub fn notice(&self) -> Option<String> {
        self.limited.then(|| {
            format!(
                "Only the first {MAX_TERMS} different words of the query are used, each up to {MAX_TERM_CHARS} characters"
            )
        })
    }

    /// How text that is not syntax was read (a lone `!`, an unknown
    /// field), for the status line.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every person matching `self` provably matches `previous`,
    /// so the previous hits are enough candidates: each previous group is
    /// implied by one of these, a group whose every term implies one of
    /// the previous group's (the same term, or a longer one holding it
    /// that cannot match by a typo). Anything else, such as `a` then
    /// `a | b`, may widen and is searched afresh.
    pub fn narrows(&self, previous: &Query) -> bool {
        self.holds(previous, true)
    }

    /// True when `self` is `previous` typed on: as `narrows`, but a longer
    /// term may match by a typo where the shorter does not.
    pub fn extends(&self, previous: &Query) -> bool {
        self.holds(previous, false)
    }

    fn holds(&self, previous: &Query, typos: bool) -> bool {
        previous.groups().all(|old| {
            self.groups().any(|new| {
                new.iter()
                    .all(|term| old.iter().any(|was| term.implies(was, typos)))
            })
        })
    }

    /// True when both find the same people in the same order (they differ
    /// at most in spacing), so one's hits answer the other.
    pub fn same_as(&self, other: &Query) -> bool {
        self.terms == other.terms && self.ends == other.ends
    }
}

/// At most this many notes are kept: a pasted text can hold many.
const MAX_NOTES: usize = 8;

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
    /// The directory's research topics, when attached: whole-topic terms
    /// are then matched by topic id, not by reading text.
    topics: Option<Arc<Topics>>,
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
            topics: None,
        }
    }

    /// The index with the directory's research topics attached, so that a
    /// whole-topic term (`topic:"…"`) is matched by each person's topic
    /// ids and counts the people the topics list does, under the synonyms
    /// the topics were built with. Without them such a term reads each
    /// distinct research text under the built-in synonyms.
    #[must_use]
    pub fn with_topics(mut self, topics: Arc<Topics>) -> Index {
        debug_assert_eq!(topics.people_count(), self.people());
        self.topics = Some(topics);
        self
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
        Plan::new(self, query, candidates.len()).run(candidates, keep_going, early)
    }

    /// A measure of the work of searching `candidates` for `query`: bytes
    /// of text a candidate has on average, times the characters of the
    /// terms (the matcher's work grows with both). It counts repeated texts
    /// as if they were all different, erring towards the background.
    pub fn estimated_work(&self, query: &Query, candidates: usize) -> usize {
        // A whole topic costs a candidate about what one character does.
        let chars: usize = query
            .terms
            .iter()
            .map(|t| match t.kind {
                Kind::Topic => 1,
                _ => t.folded.chars().count(),
            })
            .sum();
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
