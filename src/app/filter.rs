//! The filter line and the search behind it: the text typed, the query it
//! stands for, the hits shown, and the search under way in the background.

use std::collections::VecDeque;

use super::line::{LineEdit, Motion};
use super::{Action, App, Effect, Scope};
use crate::model::PersonId;
use crate::search::{Hit, Query};
use crate::worker::SearchRequest;

/// A search estimated to read more text than this (in bytes, see
/// `Index::estimated_work`) runs in the background, so typing never waits
/// for the matcher; smaller ones take a few milliseconds at most and are
/// answered before the next frame.
pub const BACKGROUND_WORK: usize = 1 << 18;

/// A list of this many people is searched in the background even for a
/// one-letter query, when they have at least 25 bytes of searchable text
/// each (name, research, title and school together).
pub const BACKGROUND_SEARCH: usize = BACKGROUND_WORK / 25 + 1;

/// The filter line holds at most this many characters: enough for any
/// query, and a pasted file stays a keystroke's work.
pub const MAX_FILTER_CHARS: usize = 1000;

/// What a change of the list keeps selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keep {
    /// The same person, if still listed.
    Selection,
    /// The same person only if the user chose them; else the best match.
    Chosen,
    /// The same person, if still listed; else the same row, which then
    /// holds the person after them.
    Row,
    /// This person, if listed; else the best match.
    Person(PersonId),
    /// This person, if given and listed; else this row.
    Place(Option<PersonId>, usize),
}

pub struct Search {
    filter: LineEdit,
    query: Query,
    hits: Vec<Hit>,
    /// Earlier results of the same scope, while the query is typed on
    /// (each entry `extends` the one before).
    narrowing: Vec<(Query, Vec<Hit>)>,
    /// Whether the user picked the selected person themselves (by moving or
    /// clicking) since they last started typing a filter. Typing keeps a
    /// chosen person selected while they still match, and otherwise selects
    /// the best match.
    chosen: bool,
    /// The search under way in the background, if any, and what its
    /// answer keeps selected.
    pending: Option<(u64, Keep)>,
    /// Keys that act on the selection, waiting for that answer, in order.
    deferred: VecDeque<Action>,
    generation: u64,
    /// False once the background search has failed: search at once instead.
    background: bool,
}

impl Default for Search {
    fn default() -> Search {
        Search {
            filter: LineEdit::default(),
            query: Query::default(),
            hits: Vec::new(),
            narrowing: Vec::new(),
            chosen: false,
            pending: None,
            deferred: VecDeque::new(),
            generation: 0,
            background: true,
        }
    }
}

impl Search {
    /// The filter line as typed.
    pub fn filter(&self) -> &str {
        self.filter.text()
    }

    /// The filter line with its cursor.
    pub fn line(&self) -> &LineEdit {
        &self.filter
    }

    /// The query the hits answer.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// The query as typed, which a search in the background may not have
    /// answered yet.
    pub(super) fn typed(&self) -> Query {
        Query::new(self.filter.text())
    }

    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Whether the list is waiting for a search in the background.
    pub fn is_searching(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether a key waits for the search's answer: the keys after it wait
    /// too, so that each acts on the list the user saw when pressing it.
    pub fn is_awaiting(&self) -> bool {
        !self.deferred.is_empty()
    }

    pub(super) fn defer(&mut self, action: Action) {
        self.deferred.push_back(action);
    }

    pub(super) fn take_deferred(&mut self) -> Option<Action> {
        self.deferred.pop_front()
    }

    /// How many earlier queries are kept for narrowing.
    #[cfg(test)]
    pub(super) fn cached_queries(&self) -> usize {
        self.narrowing.len()
    }

    /// The user chose the selected person: typing keeps them while they match.
    pub(super) fn choose(&mut self) {
        self.chosen = true;
    }

    /// A new filter looks for someone new.
    pub(super) fn start(&mut self) {
        self.chosen = false;
    }

    /// The scope changed: earlier results are no longer candidates.
    pub(super) fn forget(&mut self) {
        self.narrowing.clear();
    }

    pub(super) fn stop_background(&mut self) {
        self.background = false;
    }

    /// Types `c`; false when the filter is full.
    pub(super) fn push(&mut self, c: char) -> bool {
        self.paste(c.encode_utf8(&mut [0; 4]))
    }

    /// Pasted text: line breaks and tabs become spaces, other controls go.
    /// False when some of it did not fit.
    pub(super) fn paste(&mut self, text: &str) -> bool {
        self.filter.insert(text, MAX_FILTER_CHARS)
    }

    pub(super) fn backspace(&mut self) {
        self.filter.backspace();
    }

    /// Deletes the word before the cursor, as `Ctrl-w` does in a shell.
    pub(super) fn delete_word(&mut self) {
        self.filter.delete_word();
    }

    pub(super) fn move_cursor(&mut self, motion: Motion) {
        self.filter.move_cursor(motion);
    }

    /// Replaces the filter's text, the cursor at its end.
    pub(super) fn set_filter(&mut self, text: &str) {
        if self.filter.text() != text {
            self.filter.clear();
            self.filter.insert(text, MAX_FILTER_CHARS);
        }
    }

    /// The data changed under the list: its hits, the earlier results and
    /// the search under way name people of the old data. The filter stays.
    pub(super) fn rebase(&mut self) {
        self.hits.clear();
        self.narrowing.clear();
        self.pending = None;
    }

    /// Clears the filter; false when it was already empty.
    pub(super) fn clear(&mut self) -> bool {
        self.filter.clear()
    }
}

impl App {
    /// Recomputes the hits for the scope and filter: at once for short
    /// lists and empty filters, in the background (an `Effect::Search`)
    /// for long ones. A search under way is cancelled either way.
    pub(super) fn refilter(&mut self, keep: Keep, effects: &mut Vec<Effect>) {
        let query = Query::new(self.search.filter.text());
        // While the query is typed on, earlier hits may be the only candidates.
        while let Some((previous, _)) = self.search.narrowing.last() {
            if query.extends(previous) {
                break;
            }
            self.search.narrowing.pop();
        }
        let candidates = match self.answer_at_once(&query) {
            Err(candidates) => candidates,
            Ok(hits) => {
                // The search under way in the background is no longer wanted;
                // a new one below would supersede it by itself.
                if self.search.pending.is_some() {
                    effects.push(Effect::CancelSearch);
                }
                self.show(query, hits, keep);
                return;
            }
        };
        self.search.generation += 1;
        self.search.pending = Some((self.search.generation, keep));
        effects.push(Effect::Search(SearchRequest {
            generation: self.search.generation,
            query,
            candidates,
        }));
    }

    /// The hits for `query` when they can be had without waiting (cached,
    /// every candidate for an empty query, or a short list searched here),
    /// else the candidates to search in the background.
    fn answer_at_once(&self, query: &Query) -> Result<Vec<Hit>, Vec<PersonId>> {
        // Backspace over a space, or back to a query already answered.
        if let Some((previous, hits)) = self.search.narrowing.last()
            && previous.same_as(query)
        {
            return Ok(hits.clone());
        }
        let candidates = self.candidates(query);
        if query.is_empty() {
            // Every candidate, in its own order (favorites: as added).
            let hits = candidates.into_iter().map(|person| Hit {
                person,
                score: 0,
                shown_in: 0,
            });
            return Ok(hits.collect());
        }
        let catalogue = &self.catalogue;
        // Favorites are a personal list, short enough to answer at once.
        let at_once = !self.search.background
            || catalogue.index().estimated_work(query, candidates.len()) < BACKGROUND_WORK
            || self.scope() == Scope::Favorites;
        if !at_once {
            return Err(candidates);
        }
        let mut hits = catalogue
            .index()
            .search(catalogue.directory(), query, &candidates);
        if self.scope() == Scope::Favorites {
            // The view's order, not the ranking: the favorites are sorted
            // as the user chose, and the filter only narrows them.
            let rank = self.shortlist.rank_of();
            hits.sort_by_key(|hit| rank.get(&hit.person).copied().unwrap_or(usize::MAX));
        }
        Ok(hits)
    }

    /// Who `query` is matched against: the latest earlier hits it
    /// provably narrows, else everyone in the scope.
    fn candidates(&self, query: &Query) -> Vec<PersonId> {
        let narrowed = self
            .search
            .narrowing
            .iter()
            .rev()
            .find(|(previous, _)| query.narrows(previous));
        match (narrowed, self.scope()) {
            (Some((_, hits)), _) => hits.iter().map(|hit| hit.person).collect(),
            (None, Scope::All) => self.catalogue.everyone().to_vec(),
            (None, Scope::School(school)) => self.catalogue.of_school(school).to_vec(),
            (None, Scope::Favorites) => self.shortlist.present().collect(),
        }
    }

    /// Finishes the search that was under way in the background here and
    /// now, once the background search has stopped working.
    pub(super) fn settle(&mut self) {
        let Some((_, keep)) = self.search.pending else {
            return;
        };
        let query = Query::new(self.search.filter.text());
        let catalogue = &self.catalogue;
        let hits =
            catalogue
                .index()
                .search(catalogue.directory(), &query, &self.candidates(&query));
        self.show(query, hits, keep);
    }

    /// The background search answered: shown if it answers the latest question.
    pub(super) fn searched(&mut self, generation: u64, query: Query, hits: Vec<Hit>) {
        if let Some((pending, keep)) = self.search.pending
            && pending == generation
        {
            self.show(query, hits, keep);
        }
    }

    /// The background search's best hits so far: shown while it goes on,
    /// if it answers the latest question. Keys waiting for its answer
    /// still wait: the list is not final.
    pub(super) fn progressed(&mut self, generation: u64, hits: Vec<Hit>) {
        if let Some((pending, keep)) = self.search.pending
            && pending == generation
        {
            let keep = self.kept(keep);
            self.search.hits = hits;
            self.reselect(keep);
        }
    }

    /// Who stays selected when the list changes, as `keep` says, and the
    /// row to fall back on when they are gone.
    fn kept(&self, keep: Keep) -> (Option<PersonId>, usize) {
        match keep {
            Keep::Selection => (self.selected_person(), 0),
            Keep::Chosen => (self.selected_person().filter(|_| self.search.chosen), 0),
            Keep::Row => (self.selected_person(), self.people.selected()),
            Keep::Person(person) => (Some(person), 0),
            Keep::Place(person, row) => (person, row),
        }
    }

    /// Selects `keep` in the new list if it is there, else the fallback row.
    fn reselect(&mut self, (keep, fallback): (Option<PersonId>, usize)) {
        let row = keep
            .and_then(|person| self.search.hits.iter().position(|hit| hit.person == person))
            .unwrap_or(fallback);
        let len = self.list_rows();
        self.people.select(row, len);
        self.screen.reset_detail_scroll();
        self.scroll_to_selection();
    }

    /// Shows `hits` for `query`, keeping the selection as `keep` says.
    fn show(&mut self, query: Query, hits: Vec<Hit>, keep: Keep) {
        let keep = self.kept(keep);
        let search = &mut self.search;
        search.pending = None;
        search.hits = hits;
        let cached = search
            .narrowing
            .last()
            .is_some_and(|(previous, _)| previous.same_as(&query));
        if !query.is_empty() && !cached {
            search.narrowing.push((query.clone(), search.hits.clone()));
        }
        search.query = query;
        self.reselect(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_controls_are_dropped_and_breaks_become_spaces() {
        let mut search = Search::default();
        search.paste("sto\nica\u{1b}\t!");
        assert_eq!(search.filter(), "sto ica !");
    }
}
