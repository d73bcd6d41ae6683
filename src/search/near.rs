//! Whether a query names one person, allowing one typo: what a command
//! acting on a person needs before it may act without asking.

use super::scoring::{fuzzy_score, typo_score};
use super::{Field, Index, Query, TOLERANT_BONUS, Term, tolerant};
use crate::model::PersonId;

impl Index {
    /// The one candidate whose name `query` spells but for at most one
    /// typo, when no other candidate's name matches as well.
    ///
    /// A name is within one typo when each term of the query is a word of
    /// it (ignoring case, accents and punctuation, as search does), except
    /// that one term of five or more characters may be one edit away from
    /// its word (a letter changed, added or left out, or two neighbours
    /// swapped). `None` when no candidate or several are that close, or
    /// when another candidate's name matches the query as typed, by plain
    /// fuzzy matching, with a score at least as good as this one's: then
    /// the query does not name this person unambiguously.
    /// A query with operators or fields names no one this way.
    pub fn sole_near_name(&self, query: &Query, candidates: &[PersonId]) -> Option<PersonId> {
        if !query.is_plain() {
            return None;
        }
        let mut near = None;
        for &person in candidates {
            if self.name_edits(query, person).is_some()
                && near.replace(person).is_some_and(|p| p != person)
            {
                return None;
            }
        }
        let person = near?;
        let own = self.name_score(query, person, true)?;
        let rival = candidates.iter().any(|&other| {
            other != person
                && self
                    .name_score(query, other, false)
                    .is_some_and(|score| score >= own)
        });
        (!rival).then_some(person)
    }

    /// How many edits the query is from words of `person`'s name, if at most one.
    fn name_edits(&self, query: &Query, person: PersonId) -> Option<u8> {
        if query.terms.is_empty() {
            return None;
        }
        let name = self.name.person_text(person);
        let mut total = 0;
        for term in &query.terms {
            let least = tolerant::words(name)
                .filter_map(|(_, _, word)| tolerant::edits(word, &term.folded, term.case_sensitive))
                .filter(|&edits| edits == 0 || tolerant::is_tolerant(&term.folded))
                .min()?;
            total += least;
        }
        (total <= 1).then_some(total)
    }

    /// The query's score in `person`'s name alone, as ranking counts it,
    /// with or without typos.
    fn name_score(&self, query: &Query, person: PersonId, typos: bool) -> Option<i64> {
        let name = self.name.person_text(person);
        query
            .terms
            .iter()
            .map(|term: &Term| {
                let plain = fuzzy_score(term, name, &term.folded);
                let plain = (plain > 0).then(|| i64::from(plain) + Field::Name.bonus());
                let typo = (typos && tolerant::is_tolerant(&term.folded))
                    .then(|| typo_score(name, term))
                    .filter(|&score| score > 0)
                    .map(|score| i64::from(score) + TOLERANT_BONUS);
                plain.max(typo)
            })
            .sum()
    }
}
