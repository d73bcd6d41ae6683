//! Scoring a query over candidates. For each term and field the column's
//! scan first marks the distinct texts the term occurs in (an exact test:
//! the matcher finds a match exactly when the term's characters occur in
//! order), so the matcher runs only on texts that match, once per distinct
//! text; long lists are scored on two threads, a chunk at a time.

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::column::{Column, Pattern};
use super::{Field, Hit, Index, MATCHER_CELL_LIMIT, PARALLEL_THRESHOLD, TOLERANT_BONUS, Term};
use super::{helper, tolerant};
use crate::model::PersonId;

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

enum Memo {
    /// Scanned whole: for each distinct text, `NO_MATCH`, `UNSCORED` (a
    /// match, or for a typo a possible one) or its score. Atomic so that
    /// both threads fill it; a race only scores a text twice.
    Scanned(Vec<AtomicI32>),
    /// Few candidates for many texts: each is tested as it comes.
    Direct,
}

struct FieldPlan<'a> {
    column: &'a Column,
    bonus: i64,
    memo: Memo,
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
    terms: Vec<TermPlan<'a>>,
}

impl<'a> Plan<'a> {
    pub fn new(index: &'a Index, terms: &'a [Term], candidates: usize) -> Plan<'a> {
        let scan = |column: &Column| {
            column.distinct() <= SMALL_COLUMN || candidates.saturating_mul(4) >= column.distinct()
        };
        let terms = terms
            .iter()
            .map(|term| {
                let pattern = Pattern {
                    chars: &term.folded,
                    case_sensitive: term.case_sensitive,
                };
                let fields = Field::ALL
                    .into_iter()
                    .map(|field| {
                        let column = index.column(field);
                        let memo = if scan(column) {
                            let memo = blank(column.distinct());
                            column.each_matching(pattern, &mut |id| {
                                memo[id].store(UNSCORED, Ordering::Relaxed);
                            });
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
                let tolerant = tolerant::pieces(&term.folded).map(|pieces| {
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
            })
            .collect();
        Plan { terms }
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

    /// A person's score: the sum over terms of each term's best field, if
    /// every term matches somewhere.
    fn score(&self, person: PersonId) -> Option<(i64, u8)> {
        // The scans already know most misses; only then run the matcher.
        if !self.terms.iter().all(|term| term.may_match(person)) {
            return None;
        }
        let mut total = 0;
        let mut shown_in = 0;
        for term in &self.terms {
            let (score, field) = term.best(person)?;
            total += score;
            shown_in |= field.bit();
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

    fn may_match(&self, person: PersonId) -> bool {
        let pattern = self.pattern();
        self.fields.iter().any(|field| {
            let id = field.column.id_of(person);
            match &field.memo {
                Memo::Scanned(memo) => memo[id].load(Ordering::Relaxed) != NO_MATCH,
                Memo::Direct => field.column.matches(id, pattern),
            }
        }) || self
            .tolerant
            .as_ref()
            .is_some_and(|field| match &field.memo {
                Memo::Scanned(memo) => {
                    memo[field.column.id_of(person)].load(Ordering::Relaxed) != NO_MATCH
                }
                Memo::Direct => true,
            })
    }

    /// The term's best score in any field of `person`'s, bonus included,
    /// and the field it is shown in: of equal scores the name's, a typo in
    /// the name, then research, title and school (as highlights choose).
    fn best(&self, person: PersonId) -> Option<(i64, Field)> {
        let pattern = self.pattern();
        let fuzzy = self.fields.iter().map(|field| {
            let score = field.score(person, |text, id| {
                if matches!(field.memo, Memo::Direct) && !field.column.matches(id, pattern) {
                    return NO_MATCH;
                }
                fuzzy_score(self.term, text, &self.term.folded)
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
            .map(|(score, field)| (score, field.shown_in))
    }
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
