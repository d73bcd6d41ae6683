//! The favorites as the browser shows them: the saved list, resolved
//! against the directory once per change so drawing a star is a lookup;
//! the order and the status the ★ Favorites view lists them in; and the
//! change waiting for the disk and those that can be undone.

use std::collections::{HashMap, HashSet};

use super::bookmarks::UndoAfter;
use super::prompt::TextField;
use crate::favorites::{Details, Entry, FavoriteKey, Favorites, STATUSES, status_rank};
use crate::fold::fold;
use crate::model::{Directory, PersonId};

/// How the ★ Favorites view is sorted (`S` steps through them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first; favorites from before there were dates last.
    #[default]
    Added,
    /// In the order getting in touch goes, then the user's own, then none.
    Status,
    Name,
    /// By school, then name.
    School,
}

impl Sort {
    #[must_use]
    pub fn next(self) -> Sort {
        match self {
            Sort::Added => Sort::Status,
            Sort::Status => Sort::Name,
            Sort::Name => Sort::School,
            Sort::School => Sort::Added,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Added => "date added",
            Sort::Status => "status",
            Sort::Name => "name",
            Sort::School => "school",
        }
    }
}

/// Which favorites the view lists (`F` steps through them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    /// Those with this status.
    Is(String),
    /// Those with none.
    Without,
}

impl StatusFilter {
    fn admits(&self, details: &Details) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Is(status) => details.status.as_ref() == Some(status),
            StatusFilter::Without => details.status.is_none(),
        }
    }

    /// How the pane's title and the status line say it.
    pub fn label(&self) -> Option<&str> {
        match self {
            StatusFilter::All => None,
            StatusFilter::Is(status) => Some(status),
            StatusFilter::Without => Some("no status"),
        }
    }
}

/// A change on its way to the disk: what the status line says once it is
/// saved or not, what becomes of its undo, and the text it saves, kept
/// for the next edit if it fails.
pub(super) struct Pending {
    pub done: String,
    /// Followed by the reason.
    pub failed: String,
    pub undo: UndoAfter,
    pub draft: Option<(FavoriteKey, TextField, String)>,
}

/// What `u` puts back: the favorite as it was before a change, or
/// `None` when it was not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Undo {
    pub name: String,
    pub key: FavoriteKey,
    pub before: Option<Entry>,
}

/// How many changes `u` can undo.
const UNDO_DEPTH: usize = 100;

#[derive(Default)]
pub struct Shortlist {
    favorites: Favorites,
    /// Indexed by person.
    is_favorite: Vec<bool>,
    /// Favorites in the order added; `None` for one no longer in the data.
    people: Vec<Option<PersonId>>,
    /// Each favorite person's first favorite, by position.
    position_of: HashMap<PersonId, usize>,
    sort: Sort,
    filter: StatusFilter,
    /// Positions of the favorites the view lists that are in the data,
    /// each person once, in the view's order.
    shown: Vec<usize>,
    /// Positions of those it lists that are missing from the data.
    shown_missing: Vec<usize>,
    pending: Option<Pending>,
    undo: Vec<Undo>,
    /// A note or status typed but not saved, for the next edit of it.
    draft: Option<(FavoriteKey, TextField, String)>,
}

impl Shortlist {
    pub fn new(favorites: Favorites, directory: &Directory) -> Shortlist {
        let mut shortlist = Shortlist::default();
        shortlist.replace(favorites, directory);
        shortlist
    }

    /// The favorites as the file now holds them; the view's order and
    /// status, the change under way and what can be undone stay.
    pub(super) fn replace(&mut self, favorites: Favorites, directory: &Directory) {
        let people = favorites.resolve(directory);
        let mut is_favorite = vec![false; directory.people.len()];
        let mut position_of = HashMap::new();
        for (position, person) in people.iter().enumerate() {
            if let Some(person) = *person {
                is_favorite[person] = true;
                position_of.entry(person).or_insert(position);
            }
        }
        self.favorites = favorites;
        self.is_favorite = is_favorite;
        self.people = people;
        self.position_of = position_of;
        self.arrange();
    }

    pub(super) fn saving(&mut self, pending: Pending) {
        self.pending = Some(pending);
    }

    /// The change whose save has been answered.
    pub(super) fn saved(&mut self) -> Option<Pending> {
        self.pending.take()
    }

    pub(super) fn keep_draft(&mut self, key: FavoriteKey, field: TextField, text: String) {
        self.draft = Some((key, field, text));
    }

    /// What was typed into `field` of the favorite `key` and could not
    /// be saved, taken to be edited again.
    pub(super) fn draft(&mut self, key: &FavoriteKey, field: TextField) -> Option<String> {
        let (kept, kept_field, _) = self.draft.as_ref()?;
        if !kept.same_as(key) || *kept_field != field {
            return None;
        }
        self.draft.take().map(|(_, _, text)| text)
    }

    pub(super) fn push_undo(&mut self, undo: Undo) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(undo);
    }

    pub(super) fn pop_undo(&mut self) -> Option<Undo> {
        self.undo.pop()
    }

    /// How many changes `u` can undo.
    pub fn undoable(&self) -> usize {
        self.undo.len()
    }

    pub fn favorites(&self) -> &Favorites {
        &self.favorites
    }

    pub fn contains(&self, person: PersonId) -> bool {
        self.is_favorite.get(person).copied().unwrap_or(false)
    }

    /// The saved favorite that finds `person`, if one does.
    pub fn key_of(&self, person: PersonId) -> Option<&FavoriteKey> {
        let position = *self.position_of.get(&person)?;
        self.favorites.keys().get(position)
    }

    /// The status, note and date of `person`'s favorite, if they are one.
    pub fn details_of(&self, person: PersonId) -> Option<&Details> {
        let position = *self.position_of.get(&person)?;
        self.favorites.details().get(position)
    }

    /// The person the favorite `key` finds, if it is one and they are in
    /// the data.
    pub fn person_of(&self, key: &FavoriteKey) -> Option<PersonId> {
        let position = self.favorites.position(key)?;
        self.people.get(position).copied().flatten()
    }

    /// The status, note and date of the favorite `key`, if it is one.
    pub fn details_of_key(&self, key: &FavoriteKey) -> Option<&Details> {
        let position = self.favorites.position(key)?;
        self.favorites.details().get(position)
    }

    /// Every favorite, those missing from the data included.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The favorites the view lists that are in the data, in its order.
    pub fn present(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.shown
            .iter()
            .filter_map(|&position| self.people[position])
    }

    /// Favorites the view lists that are no longer in the data, shown
    /// under the others in the order added.
    pub fn missing(&self) -> impl Iterator<Item = &FavoriteKey> {
        let keys = self.favorites.keys();
        self.shown_missing.iter().map(|&position| &keys[position])
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    pub fn filter(&self) -> &StatusFilter {
        &self.filter
    }

    pub(super) fn set_sort(&mut self, sort: Sort) {
        self.sort = sort;
        self.arrange();
    }

    pub(super) fn set_filter(&mut self, filter: StatusFilter) {
        self.filter = filter;
        self.arrange();
    }

    /// The status filter after the current one: every status a favorite
    /// has (the known ones in their order, then the user's own), then
    /// those with none, then all again.
    pub(super) fn next_filter(&self) -> StatusFilter {
        let mut choices: Vec<StatusFilter> = Vec::new();
        let mut own: Vec<&str> = Vec::new();
        let mut without = false;
        let mut present = HashSet::new();
        for details in self.favorites.details() {
            match details.status.as_deref() {
                Some(status) if present.insert(status) && !STATUSES.contains(&status) => {
                    own.push(status);
                }
                Some(_) => {}
                None => without = true,
            }
        }
        own.sort_by_key(|status| status.to_lowercase());
        for status in STATUSES.iter().filter(|s| present.contains(*s)) {
            choices.push(StatusFilter::Is((*status).to_string()));
        }
        choices.extend(own.iter().map(|s| StatusFilter::Is((*s).to_string())));
        if without {
            choices.push(StatusFilter::Without);
        }
        let next = match &self.filter {
            StatusFilter::All => 0,
            current => choices
                .iter()
                .position(|c| c == current)
                .map_or(0, |at| at + 1),
        };
        choices.get(next).cloned().unwrap_or(StatusFilter::All)
    }

    /// `person`'s place in the view's order, to sort the hits of a filter
    /// by; past the end for someone the view does not list.
    pub(super) fn rank_of(&self) -> HashMap<PersonId, usize> {
        self.present()
            .enumerate()
            .map(|(rank, person)| (person, rank))
            .collect()
    }

    /// Lists the favorites the status filter admits, in the sort's order.
    fn arrange(&mut self) {
        let details = self.favorites.details();
        let keys = self.favorites.keys();
        let mut seen = HashSet::new();
        let mut shown: Vec<usize> = Vec::new();
        let mut shown_missing = Vec::new();
        for (position, person) in self.people.iter().enumerate() {
            if !self.filter.admits(&details[position]) {
                continue;
            }
            match person {
                Some(person) if seen.insert(*person) => shown.push(position),
                Some(_) => {}
                None => shown_missing.push(position),
            }
        }
        // Newest first, the undated last in the order added: every sort
        // keeps this order among equals.
        shown.sort_by_key(|&position| {
            let added = details[position].added_date().map(|day| &day[..10]);
            (
                added.is_none(),
                std::cmp::Reverse(added.map(|day| (day, position))),
            )
        });
        let folded = |text: &str| {
            fold(text)
                .unwrap_or_else(|| text.to_string())
                .to_lowercase()
        };
        match self.sort {
            Sort::Added => {}
            Sort::Status => shown.sort_by_cached_key(|&position| {
                let status = details[position].status.as_deref();
                (status_rank(status), status.map(str::to_lowercase))
            }),
            Sort::Name => shown.sort_by_cached_key(|&position| folded(&keys[position].name)),
            Sort::School => shown.sort_by_cached_key(|&position| {
                (folded(&keys[position].school), folded(&keys[position].name))
            }),
        }
        self.shown = shown;
        self.shown_missing = shown_missing;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{favorite as key, professor, school};

    /// Five people at two schools, all favorites, added on the days given.
    fn shortlist(days: [Option<&str>; 5], statuses: [Option<&str>; 5]) -> Shortlist {
        let names = ["Dee", "Ann", "Émile", "Bob", "Cy"];
        let directory = Directory {
            schools: vec![school("Alpha U", vec![]), school("Zed U", vec![])],
            people: names
                .iter()
                .enumerate()
                .map(|(at, name)| professor(at % 2, name, None))
                .collect(),
        };
        let mut favorites = Favorites::default();
        for (at, name) in names.iter().enumerate() {
            let key = key(if at % 2 == 0 { "Alpha U" } else { "Zed U" }, name);
            favorites.edit(&key, days[at], |d| {
                d.status = statuses[at].map(String::from);
            });
        }
        Shortlist::new(favorites, &directory)
    }

    fn names(shortlist: &Shortlist) -> Vec<&str> {
        let keys = shortlist.favorites.keys();
        shortlist
            .shown
            .iter()
            .map(|&p| keys[p].name.as_str())
            .collect()
    }

    #[test]
    fn newest_first_and_the_undated_last_as_added() {
        let mut list = shortlist(
            [
                None,
                Some("2025-03-01"),
                None,
                Some("2025-04-01"),
                Some("2025-03-01"),
            ],
            [None; 5],
        );
        assert_eq!(names(&list), ["Bob", "Cy", "Ann", "Dee", "Émile"]);
        list.set_sort(Sort::Name);
        assert_eq!(names(&list), ["Ann", "Bob", "Cy", "Dee", "Émile"]);
        list.set_sort(list.sort().next());
        assert_eq!(list.sort(), Sort::School);
        // Alpha U's, then Zed U's Ann and Bob.
        assert_eq!(names(&list), ["Cy", "Dee", "Émile", "Ann", "Bob"]);
        assert_eq!(list.sort().next(), Sort::Added);
    }

    #[test]
    fn by_status_in_the_order_of_the_work_then_own_words_then_none() {
        let mut list = shortlist(
            [Some("2025-01-01"); 5],
            [
                None,
                Some("replied"),
                Some("waiting"),
                Some("to contact"),
                Some("replied"),
            ],
        );
        list.set_sort(Sort::Status);
        assert_eq!(names(&list), ["Bob", "Cy", "Ann", "Émile", "Dee"]);
    }

    #[test]
    fn the_status_filter_steps_through_the_statuses_there_are() {
        let mut list = shortlist(
            [None; 5],
            [
                None,
                Some("replied"),
                Some("waiting"),
                Some("to contact"),
                Some("replied"),
            ],
        );
        let mut seen = Vec::new();
        for _ in 0..5 {
            let next = list.next_filter();
            list.set_filter(next);
            seen.push((list.filter().label().map(String::from), names(&list).len()));
        }
        let label = |s: &str| Some(s.to_string());
        assert_eq!(
            seen,
            [
                (label("to contact"), 1),
                (label("replied"), 2),
                (label("waiting"), 1),
                (label("no status"), 1),
                (None, 5),
            ]
        );
        list.set_filter(StatusFilter::Is("replied".into()));
        assert_eq!(list.present().count(), 2);
        assert_eq!(list.rank_of().len(), 2);
    }

    #[test]
    fn undo_keeps_the_last_hundred_changes() {
        let mut list = Shortlist::default();
        for n in 0..=UNDO_DEPTH {
            list.push_undo(Undo {
                name: n.to_string(),
                key: key("U", &n.to_string()),
                before: None,
            });
        }
        assert_eq!(list.undoable(), UNDO_DEPTH);
        assert_eq!(
            list.pop_undo().map(|u| u.name),
            Some(UNDO_DEPTH.to_string())
        );
    }
}
