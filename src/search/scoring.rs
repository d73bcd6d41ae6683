//! Scoring a query over candidates. For each term and field the column's
//! scan first marks the distinct texts the term occurs in (an exact test:
//! the matcher finds a match exactly when the term's characters occur in
//! order), so the matcher runs only on texts that match, once per distinct
//! text; long lists are scored on two threads, a chunk at a time. A whole
//! topic with the directory's topics at hand is a lookup per person.

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::column::{Column, Pattern};
use super::exact::accepts;
use super::{
    Field, Hit, Index, MATCHER_CELL_LIMIT, PARALLEL_THRESHOLD, Query, TOLERANT_BONUS, Term,
};
use super::{helper, tolerant, topic};
use crate::model::PersonId;
use crate::query::Kind;
use crate::topics::{TopicId, Topics};

/// How many candidates are scored between checks that the search is still wanted.
const CHUNK: usize = 4096;

/// A search running longer than this shows what it has found so far.
const EARLY_AFTER: Duration = Duration::from_millis(25);

/// How many of the best hits found so far are shown early: a screenful
/// and more to scroll through.
const EARLY_HITS: usize = 1000;

/// Texts with so few distinct values are always scanned whole.
const SMALL_COLUMN: usize = 4096;

/// A memo of one term's scores in one column, per distinct text.
const NO_MATCH: i32 = 0;
const UNSCORED: i32 = -1;

enum Memo<'a> {
    /// Scanned whole: for each distinct text, `NO_MATCH`, `UNSCORED` (a
    /// match, or for a typo a possible one) or its score. Atomic so that
    /// both threads fill it; a race only scores a text twice.
    Scanned(Vec<AtomicI32>),
    /// Few candidates for many texts: each is tested as it comes.
    Direct,
    /// A whole topic, found among the directory's topics (or not: then it
    /// matches no one): who lists it scores `score`.
    Topic {
        topics: &'a Topics,
        topic: Option<TopicId>,
        score: i32,
    },
}

struct FieldPlan<'a> {
    column: &'a Column,
    bonus: i64,
    memo: Memo<'a>,
    /// Where a term scoring best here is highlighted (a typo: the name).
    shown_in: Field,
    /// Which of equal scores wins, lowest first: name, typo, research,
    /// title, school (as highlights choose).
    preference: u8,
}

struct TermPlan<'a> {
    term: &'a Term,
    fields: Vec<FieldPlan<'a>>,
    /// Name words one typo away, for a long enough term.
    tolerant: Option<FieldPlan<'a>>,
}

pub(super) struct Plan<'a> {
    /// Every group must match; a group matches when one of its terms does.
    groups: Vec<Vec<TermPlan<'a>>>,
}

impl<'a> Plan<'a> {
    pub fn new(index: &'a Index, query: &'a Query, candidates: usize) -> Plan<'a> {
        let scan = |column: &Column| {
            column.distinct() <= SMALL_COLUMN || candidates.saturating_mul(4) >= column.distinct()
        };
        let plan = |term: &'a Term| {
            let pattern = Pattern {
                chars: &term.folded,
                case_sensitive: term.case_sensitive,
            };
            let fields = term
                .fields()
                .iter()
                .map(|&field| {
                    let column = index.column(field);
                    let memo = if let (Some(topics), Some(wanted)) = (&index.topics, &term.topic) {
                        Memo::Topic {
                            topics,
                            topic: topics.find(&term.folded),
                            score: wanted.score,
                        }
                    } else if scan(column) {
                        let memo = blank(column.distinct());
                        let mut mark = |id: usize| {
                            if term.kind == Kind::Fuzzy && term.schools.is_none()
                                || accepts(term, field, column.text(id))
                            {
                                memo[id].store(UNSCORED, Ordering::Relaxed);
                            }
                        };
                        if term.spelled_out() {
                            column.each_matching(pattern, &mut mark);
                        } else {
                            (0..column.distinct()).for_each(mark);
                        }
                        Memo::Scanned(memo)
                    } else {
                        Memo::Direct
                    };
                    FieldPlan {
                        column,
                        bonus: field.bonus(),
                        memo,
                        shown_in: field,
                        preference: if field == Field::Name {
                            0
                        } else {
                            1 + field as u8
                        },
                    }
                })
                .collect();
            let tolerant = term
                .tolerant()
                .then(|| tolerant::pieces(&term.folded))
                .flatten()
                .map(|pieces| {
                    let column = &index.name;
                    let memo = if scan(column) {
                        let memo = blank(column.distinct());
                        column.each_containing(&pieces, term.case_sensitive, &mut |id| {
                            memo[id].store(UNSCORED, Ordering::Relaxed);
                        });
                        Memo::Scanned(memo)
                    } else {
                        Memo::Direct
                    };
                    FieldPlan {
                        column,
                        bonus: TOLERANT_BONUS,
                        memo,
                        shown_in: Field::Name,
                        preference: 1,
                    }
                });
            TermPlan {
                term,
                fields,
                tolerant,
            }
        };
        let groups = query
            .groups()
            .map(|group| group.iter().map(plan).collect())
            .collect();
        Plan { groups }
    }

    /// Scores `candidates` and sorts the hits, best first.
    pub fn run(
        &self,
        candidates: &[PersonId],
        keep_going: &(dyn Fn() -> bool + Sync),
        early: &mut dyn FnMut(Vec<Hit>),
    ) -> Option<Vec<Hit>> {
        let started = Instant::now();
        let shared = Shared {
            candidates,
            next: AtomicUsize::new(0),
            stopped: AtomicBool::new(false),
            found: Mutex::new(Vec::new()),
            keep_going,
        };
        let mut shown_early = false;
        let mut after_chunk = |found: &Mutex<Vec<Hit>>| {
            if shown_early || started.elapsed() < EARLY_AFTER {
                return;
            }
            shown_early = true;
            let mut best = found.lock().unwrap_or_else(PoisonError::into_inner).clone();
            if best.len() > EARLY_HITS {
                best.select_nth_unstable_by(EARLY_HITS, ranking);
                best.truncate(EARLY_HITS);
            }
            best.sort_unstable_by(ranking);
            early(best);
        };
        if candidates.len() < PARALLEL_THRESHOLD {
            self.work(&shared, &mut after_chunk);
        } else {
            thread::scope(|scope| {
                let other = helper().spawn_scoped(scope, || self.work(&shared, &mut |_| {}));
                self.work(&shared, &mut after_chunk);
                // Without a second thread, this one did all chunks.
                if let Ok(other) = other {
                    other
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                }
            });
        }
        if shared.stopped.load(Ordering::Relaxed) {
            return None;
        }
        let mut hits = shared
            .found
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        hits.sort_unstable_by(ranking);
        Some(hits)
    }

    /// Takes chunks of candidates and scores them until none are left or
    /// the search is no longer wanted.
    fn work(&self, shared: &Shared, after_chunk: &mut dyn FnMut(&Mutex<Vec<Hit>>)) {
        loop {
            if shared.stopped.load(Ordering::Relaxed) {
                return;
            }
            if !(shared.keep_going)() {
                shared.stopped.store(true, Ordering::Relaxed);
                return;
            }
            let start = shared.next.fetch_add(1, Ordering::Relaxed) * CHUNK;
            let Some(chunk) = shared.candidates.get(start..) else {
                return;
            };
            let chunk = &chunk[..chunk.len().min(CHUNK)];
            if chunk.is_empty() {
                return;
            }
            let hits: Vec<Hit> = chunk
                .iter()
                .filter_map(|&person| {
                    let (score, shown_in) = self.score(person)?;
                    Some(Hit {
                        person,
                        score,
                        shown_in,
                    })
                })
                .collect();
            shared
                .found
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(hits);
            after_chunk(&shared.found);
        }
    }

    /// A person's score: the sum over groups of the best score of the
    /// group's terms, each in its best field, if every group matches.
    fn score(&self, person: PersonId) -> Option<(i64, u8)> {
        // The scans already know most misses; only then run the matcher.
        if !self
            .groups
            .iter()
            .all(|group| group.iter().any(|term| term.may_match(person)))
        {
            return None;
        }
        let mut total = 0;
        let mut shown_in = 0;
        for group in &self.groups {
            let (score, field) = best_of(group.iter().map(|term| term.best(person)))?;
            total += score;
            shown_in |= field.map_or(0, Field::bit);
        }
        Some((total, shown_in))
    }
}

struct Shared<'a> {
    candidates: &'a [PersonId],
    /// The next chunk to take.
    next: AtomicUsize,
    stopped: AtomicBool,
    found: Mutex<Vec<Hit>>,
    keep_going: &'a (dyn Fn() -> bool + Sync),
}

impl TermPlan<'_> {
    fn pattern(&self) -> Pattern<'_> {
        Pattern {
            chars: &self.term.folded,
            case_sensitive: self.term.case_sensitive,
        }
    }

    /// False only when the term cannot match `person`; for an excluding
    /// term, exactly when the person is not excluded.
    fn may_match(&self, person: PersonId) -> bool {
        if self.term.negated {
            return !self.present(person);
        }
        self.present(person)
            || self
                .tolerant
                .as_ref()
                .is_some_and(|field| match &field.memo {
                    Memo::Scanned(memo) => {
                        memo[field.column.id_of(person)].load(Ordering::Relaxed) != NO_MATCH
                    }
                    Memo::Direct | Memo::Topic { .. } => true,
                })
    }

    /// Whether one of the term's fields holds it (for a fuzzy term, its
    /// characters in order).
    fn present(&self, person: PersonId) -> bool {
        self.fields.iter().any(|field| {
            let id = field.column.id_of(person);
            match &field.memo {
                Memo::Scanned(memo) => memo[id].load(Ordering::Relaxed) != NO_MATCH,
                Memo::Direct => accepts(self.term, field.shown_in, field.column.text(id)),
                &Memo::Topic { topics, topic, .. } => topic::lists(topics, topic, person),
            }
        })
    }

    /// The term's best score in any field of `person`'s, bonus included,
    /// and the field it is shown in: of equal scores the name's, a typo in
    /// the name, then research, title and school (as highlights choose).
    /// An excluding term scores nothing and is shown nowhere.
    fn best(&self, person: PersonId) -> Option<(i64, Option<Field>)> {
        if self.term.negated {
            return (!self.present(person)).then_some((0, None));
        }
        let pattern = self.pattern();
        let fuzzy = self.fields.iter().map(|field| {
            let score = field.score(person, |text, id| {
                if matches!(field.memo, Memo::Direct)
                    && self.term.spelled_out()
                    && !field.column.matches(id, pattern)
                {
                    return NO_MATCH;
                }
                term_score(self.term, field.shown_in, text)
            });
            (score, field)
        });
        let typo = self.tolerant.iter().map(|field| {
            let score = field.score(person, |text, _| typo_score(text, self.term));
            (score, field)
        });
        fuzzy
            .chain(typo)
            .filter_map(|(score, field)| Some((score?, field)))
            .min_by(|a, b| b.0.cmp(&a.0).then(a.1.preference.cmp(&b.1.preference)))
            .map(|(score, field)| (score, Some(field.shown_in)))
    }
}

/// The best of a group's terms' scores, the first of equals.
pub(super) fn best_of<T>(scores: impl Iterator<Item = Option<(i64, T)>>) -> Option<(i64, T)> {
    scores.flatten().fold(None, |best, (score, at)| match best {
        Some((top, _)) if top >= score => best,
        _ => Some((score, at)),
    })
}

impl FieldPlan<'_> {
    /// The score of `person`'s text in this field plus the field's bonus,
    /// if it matches; `compute` scores a text not scored before.
    fn score(&self, person: PersonId, compute: impl Fn(&str, usize) -> i32) -> Option<i64> {
        let id = self.column.id_of(person);
        let score = match &self.memo {
            Memo::Scanned(memo) => {
                let cell = &memo[id];
                match cell.load(Ordering::Relaxed) {
                    UNSCORED => {
                        let score = compute(self.column.text(id), id);
                        cell.store(score, Ordering::Relaxed);
                        score
                    }
                    known => known,
                }
            }
            Memo::Direct => compute(self.column.text(id), id),
            &Memo::Topic {
                topics,
                topic,
                score,
            } => {
                if topic::lists(topics, topic, person) {
                    score
                } else {
                    NO_MATCH
                }
            }
        };
        (score > NO_MATCH).then(|| i64::from(score) + self.bonus)
    }
}

fn blank(len: usize) -> Vec<AtomicI32> {
    (0..len).map(|_| AtomicI32::new(NO_MATCH)).collect()
}

/// Best first; equal scores in directory order.
pub(super) fn ranking(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.score.cmp(&a.score).then(a.person.cmp(&b.person))
}

/// The score of `term` in `text`, `field`'s folded text: a fuzzy term's
/// matcher score; a marked term, when it matches, the matcher's score for
/// its characters there, so that ranking among its matches stays telling.
pub(super) fn term_score(term: &Term, field: Field, text: &str) -> i32 {
    if term.kind == Kind::Fuzzy && term.schools.is_none() {
        return fuzzy_score(term, text, &term.folded);
    }
    if !accepts(term, field, text) {
        return NO_MATCH;
    }
    if let Some(wanted) = &term.topic {
        return wanted.score;
    }
    fuzzy_score(term, text, &term.folded).max(1)
}

/// The matcher's score for `pattern` in `text`, at least 1, or `NO_MATCH`.
pub(super) fn fuzzy_score(term: &Term, text: &str, pattern: &str) -> i32 {
    matcher(term)
        .fuzzy_match(text, pattern)
        .map_or(NO_MATCH, |score| clamp(score.max(1)))
}

/// The score of the best word of the name `text` one typo away from
/// `term`: the word's own score, as if typed right.
pub(super) fn typo_score(text: &str, term: &Term) -> i32 {
    tolerant::words(text)
        .filter(|&(_, _, word)| tolerant::edits(word, &term.folded, term.case_sensitive).is_some())
        .map(|(_, _, word)| fuzzy_score(term, text, &tolerant::as_typed(word, term.case_sensitive)))
        .max()
        .unwrap_or(NO_MATCH)
}

fn clamp(score: i64) -> i32 {
    i32::try_from(score).unwrap_or(i32::MAX)
}

/// A new matcher for every call: fuzzy-matcher 0.3.7 reuses its score
/// matrix between calls without clearing it (and its `use_cache(false)`
/// panics), so a reused matcher's scores depend on what it matched before,
/// and ranking would depend on search history. The memo of scores per
/// distinct text keeps the number of calls down instead.
pub(super) fn matcher(term: &Term) -> SkimMatcherV2 {
    let matcher = SkimMatcherV2::default().element_limit(MATCHER_CELL_LIMIT);
    if term.case_sensitive {
        matcher.respect_case()
    } else {
        matcher.ignore_case()
    }
}
