//! The browser's state and the one function that changes it.
//!
//! Keys become `Action`s (see `keys`), `update` applies an action and may ask
//! for a side effect (`Effect`): opening a URL, saving a favorite, copying to
//! the clipboard. The runner carries effects out and reports back with
//! another action, so everything here is testable without a terminal.

use std::sync::Arc;

use ratatui::layout::{Position, Rect};

use crate::favorites::{FavoriteKey, Favorites};
use crate::model::{Directory, PersonId, SchoolId};
use crate::search::{Hit, Index, Query};
use crate::ui::{self, Theme};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Schools,
    Faculty,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Typing into the filter line.
    Filter,
    Help,
}

/// A row of the schools pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Favorites,
    School(SchoolId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    FocusNext,
    FocusPrevious,
    FocusLeft,
    FocusRight,
    StartFilter,
    FilterInput(char),
    /// Pasted text: typed into the filter at once, one search.
    FilterPaste(String),
    FilterBackspace,
    FilterDeleteWord,
    /// `Enter` while filtering: keep the filter, back to browsing.
    FilterAccept,
    /// `Esc`: clear the filter (or close help).
    Cancel,
    ClearFilter,
    OpenWebsite,
    OpenLab(usize),
    ToggleFavorite,
    CopyUrl,
    ToggleHelp,
    Click(Position),
    ScrollUp(Position),
    ScrollDown(Position),
    Resize(u16, u16),
    /// Reports from the runner.
    Opened(Result<String, String>),
    Saved(Result<Favorites, String>),
    Copied(String),
    Searched(SearchResult),
    SearchFailed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Open(String),
    /// Add (true) or remove (false) a favorite on disk.
    SaveFavorite(FavoriteKey, bool),
    Copy(String),
    /// Search a large list in the background; answered by `Action::Searched`.
    Search(SearchRequest),
    /// The background search under way is no longer wanted.
    CancelSearch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: Query,
    pub candidates: Vec<PersonId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResult {
    pub generation: u64,
    pub query: Query,
    pub hits: Vec<Hit>,
}

/// Lists at least this long are searched in the background, so typing never
/// waits for the matcher (a few milliseconds per 10,000 people and term).
pub const BACKGROUND_SEARCH: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
}

pub struct App {
    /// Shared with the background search.
    pub directory: Arc<Directory>,
    pub index: Arc<Index>,
    pub theme: Theme,
    /// People per school and in all, computed once at load.
    pub counts: Vec<usize>,
    school_people: Vec<Vec<PersonId>>,
    everyone: Vec<PersonId>,
    favorites: Favorites,
    pub is_favorite: Vec<bool>,
    /// Favorites in the order added; `None` for one no longer in the data.
    pub favorite_people: Vec<Option<PersonId>>,
    pub mode: Mode,
    pub focus: Pane,
    /// Selected row of the schools pane: 0 all, 1 favorites, then schools.
    pub scope_row: usize,
    pub scope_offset: usize,
    pub filter: String,
    pub query: Query,
    pub hits: Vec<Hit>,
    /// Earlier results of the same scope, while the query only grows.
    narrowing: Vec<(Query, Vec<Hit>)>,
    pub selected: usize,
    /// Whether the user picked the selected person themselves (by moving or
    /// clicking) since they last started typing a filter. Typing keeps a
    /// chosen person selected while they still match, and otherwise selects
    /// the best match.
    chosen: bool,
    pub offset: usize,
    pub detail_scroll: usize,
    pub help_scroll: usize,
    /// The search under way in the background, if any, and what its
    /// answer keeps selected.
    pending: Option<(u64, Keep)>,
    generation: u64,
    /// False once the background search has failed: search at once instead.
    background: bool,
    pub status: Option<Status>,
    pub area: Rect,
    pub quit: bool,
}

impl App {
    pub fn new(directory: Directory, favorites: Favorites, theme: Theme, area: Rect) -> App {
        let index = Arc::new(Index::build(&directory));
        let directory = Arc::new(directory);
        let counts = directory.counts_by_school();
        let mut school_people: Vec<Vec<PersonId>> =
            counts.iter().map(|&n| Vec::with_capacity(n)).collect();
        for (id, person) in directory.people.iter().enumerate() {
            school_people[person.school].push(id);
        }
        let everyone = (0..directory.people.len()).collect();
        let mut app = App {
            directory,
            index,
            theme,
            counts,
            school_people,
            everyone,
            favorites: Favorites::default(),
            is_favorite: Vec::new(),
            favorite_people: Vec::new(),
            mode: Mode::Browse,
            focus: Pane::Faculty,
            scope_row: 0,
            scope_offset: 0,
            filter: String::new(),
            query: Query::default(),
            hits: Vec::new(),
            narrowing: Vec::new(),
            selected: 0,
            chosen: false,
            offset: 0,
            detail_scroll: 0,
            help_scroll: 0,
            pending: None,
            generation: 0,
            background: true,
            status: None,
            area,
            quit: false,
        };
        app.set_favorites(favorites);
        // The empty filter is answered at once, whatever the size.
        let _ = app.refilter(Keep::Selection);
        app
    }

    /// Whether the list is waiting for a search in the background.
    pub fn is_searching(&self) -> bool {
        self.pending.is_some()
    }

    pub fn scope(&self) -> Scope {
        match self.scope_row {
            0 => Scope::All,
            1 => Scope::Favorites,
            n => Scope::School(n - 2),
        }
    }

    pub fn scope_rows(&self) -> usize {
        self.directory.schools.len() + 2
    }

    pub fn selected_person(&self) -> Option<PersonId> {
        self.hits.get(self.selected).map(|hit| hit.person)
    }

    /// Favorites that are no longer in the data, shown under the favorites view.
    pub fn missing_favorites(&self) -> impl Iterator<Item = &FavoriteKey> {
        self.favorites
            .keys()
            .iter()
            .zip(&self.favorite_people)
            .filter(|(_, person)| person.is_none())
            .map(|(key, _)| key)
    }

    /// How many people the current scope holds before filtering.
    pub fn scope_total(&self) -> usize {
        match self.scope() {
            Scope::All => self.everyone.len(),
            Scope::Favorites => self.favorite_people.iter().flatten().count(),
            Scope::School(school) => self.counts[school],
        }
    }

    pub fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        self.status = Some(Status {
            text: text.into(),
            is_error,
        });
    }

    fn set_favorites(&mut self, favorites: Favorites) {
        self.favorite_people = favorites.resolve(&self.directory);
        self.is_favorite = vec![false; self.directory.people.len()];
        for person in self.favorite_people.iter().flatten() {
            self.is_favorite[*person] = true;
        }
        self.favorites = favorites;
    }

    /// Recomputes the hits for the scope and filter: at once for short
    /// lists and empty filters, in the background (an `Effect::Search`)
    /// for long ones.
    #[must_use]
    fn refilter(&mut self, keep: Keep) -> Option<Effect> {
        let query = Query::new(&self.filter);
        // While the query only grows, the last hits are the only candidates.
        while let Some((previous, _)) = self.narrowing.last() {
            if query.narrows(previous) {
                break;
            }
            self.narrowing.pop();
        }
        let was_searching = self.pending.is_some();
        let cancel = was_searching.then_some(Effect::CancelSearch);
        // Backspace over a space, or back to a query already answered.
        if let Some((previous, hits)) = self.narrowing.last()
            && previous.same_as(&query)
        {
            let hits = hits.clone();
            self.show(query, hits, keep);
            return cancel;
        }
        let candidates = self.candidates();
        // Favorites are a personal list, short enough to answer at once.
        let at_once = !self.background
            || candidates.len() < BACKGROUND_SEARCH
            || self.scope() == Scope::Favorites;
        if query.is_empty() {
            // Every candidate, in its own order (favorites: as added).
            let hits = candidates
                .into_iter()
                .map(|person| Hit { person, score: 0 })
                .collect();
            self.show(query, hits, keep);
            cancel
        } else if at_once {
            let hits = self.index.search(&self.directory, &query, &candidates);
            self.show(query, hits, keep);
            cancel
        } else {
            self.generation += 1;
            self.pending = Some((self.generation, keep));
            Some(Effect::Search(SearchRequest {
                generation: self.generation,
                query,
                candidates,
            }))
        }
    }

    /// Who the filter is matched against: the last hits while the query
    /// only grows, else everyone in the scope.
    fn candidates(&self) -> Vec<PersonId> {
        match (self.narrowing.last(), self.scope()) {
            (Some((_, hits)), _) => hits.iter().map(|hit| hit.person).collect(),
            (None, Scope::All) => self.everyone.clone(),
            (None, Scope::School(school)) => self.school_people[school].clone(),
            (None, Scope::Favorites) => self.favorite_people.iter().flatten().copied().collect(),
        }
    }

    /// Finishes a search still under way in the background, here and now,
    /// so that a key acting on the selection acts on the list the user
    /// asked for, not the one shown while it was being computed.
    fn settle(&mut self) -> Option<Effect> {
        let (_, keep) = self.pending?;
        let query = Query::new(&self.filter);
        let hits = self
            .index
            .search(&self.directory, &query, &self.candidates());
        self.show(query, hits, keep);
        Some(Effect::CancelSearch)
    }

    /// Shows `hits` for `query`, keeping the selection as `keep` says.
    fn show(&mut self, query: Query, hits: Vec<Hit>, keep: Keep) {
        let keep = match keep {
            Keep::Selection => self.selected_person(),
            Keep::Chosen => self.selected_person().filter(|_| self.chosen),
        };
        self.pending = None;
        self.hits = hits;
        let cached = self
            .narrowing
            .last()
            .is_some_and(|(previous, _)| previous.same_as(&query));
        if !query.is_empty() && !cached {
            self.narrowing.push((query.clone(), self.hits.clone()));
        }
        self.query = query;
        self.selected = keep
            .and_then(|person| self.hits.iter().position(|hit| hit.person == person))
            .unwrap_or(0);
        self.detail_scroll = 0;
        self.scroll_to_selection();
    }

    #[must_use]
    fn change_scope(&mut self, row: usize) -> Option<Effect> {
        let row = row.min(self.scope_rows() - 1);
        let mut effect = None;
        if row != self.scope_row {
            self.scope_row = row;
            self.narrowing.clear();
            effect = self.refilter(Keep::Selection);
        }
        self.scope_offset = keep_visible(
            self.scope_row,
            self.scope_offset,
            self.schools_height(),
            self.scope_rows(),
        );
        effect
    }

    fn list_height(&self) -> usize {
        ui::layout(self.area, self.focus).faculty_rows.height as usize
    }

    fn schools_height(&self) -> usize {
        ui::layout(self.area, self.focus).schools_rows.height as usize
    }

    fn select(&mut self, index: usize) {
        let last = self.hits.len().saturating_sub(1);
        let index = index.min(last);
        if index != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = index;
        self.scroll_to_selection();
    }

    fn scroll_to_selection(&mut self) {
        let height = self.list_height();
        let rows = self.list_rows();
        self.offset = keep_visible(self.selected, self.offset, height, rows);
        // At the last person, show the rows that follow (missing favorites)
        // as far as the selection stays on screen.
        if self.selected + 1 >= self.hits.len() {
            self.offset = self
                .offset
                .max(rows.saturating_sub(height))
                .min(self.selected);
        }
    }

    /// Rows of the faculty list: the hits, then in the unfiltered favorites
    /// view the favorites missing from the data.
    pub fn list_rows(&self) -> usize {
        let missing = if self.scope() == Scope::Favorites && self.filter.is_empty() {
            self.favorite_people.iter().filter(|p| p.is_none()).count()
        } else {
            0
        };
        self.hits.len() + missing
    }

    /// Moves the focused pane's cursor by `delta` rows.
    #[must_use]
    fn move_by(&mut self, delta: isize) -> Option<Effect> {
        if self.mode == Mode::Help {
            self.help_scroll = self
                .help_scroll
                .saturating_add_signed(delta)
                .min(ui::help_scroll_limit(self));
            return None;
        }
        match self.focus {
            Pane::Schools => {
                return self.change_scope(self.scope_row.saturating_add_signed(delta));
            }
            Pane::Faculty => {
                self.chosen = true;
                self.select(self.selected.saturating_add_signed(delta));
            }
            Pane::Detail => {
                let last = ui::detail_scroll_limit(self);
                self.detail_scroll = self.detail_scroll.saturating_add_signed(delta).min(last);
            }
        }
        None
    }

    fn page(&self) -> isize {
        let rows = match self.focus {
            Pane::Schools => self.schools_height(),
            _ => self.list_height(),
        };
        rows.saturating_sub(1).max(1) as isize
    }

    fn url_of_selected(&self) -> Option<String> {
        let person = &self.directory.people[self.selected_person()?];
        person.website.clone()
    }
}

/// What a change of the list keeps selected.
#[derive(Clone, Copy)]
enum Keep {
    /// The same person, if still listed.
    Selection,
    /// The same person only if the user chose them; else the best match.
    Chosen,
}

/// The new first visible row of a list of `total` rows in a window of
/// `height`: `selected` on screen, and no empty rows below the last one
/// when the window grows.
fn keep_visible(selected: usize, offset: usize, height: usize, total: usize) -> usize {
    let height = height.max(1);
    let offset = offset.min(total.saturating_sub(height));
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let acts_on_selection = matches!(
        action,
        Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::FilterAccept
            | Action::OpenWebsite
            | Action::OpenLab(_)
            | Action::ToggleFavorite
            | Action::CopyUrl
            | Action::Click(_)
    );
    if acts_on_selection && app.is_searching() {
        // The worker's answer, when it comes, is for a settled question.
        let _ = app.settle();
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Up => return app.move_by(-1),
        Action::Down => return app.move_by(1),
        Action::PageUp => return app.move_by(-app.page()),
        Action::PageDown => return app.move_by(app.page()),
        Action::Top => return app.move_by(isize::MIN / 2),
        Action::Bottom => return app.move_by(isize::MAX / 2),
        Action::FocusNext | Action::FocusRight => {
            app.focus = match (app.focus, action == Action::FocusNext) {
                (Pane::Schools, _) => Pane::Faculty,
                (Pane::Faculty, _) => Pane::Detail,
                (Pane::Detail, true) => Pane::Schools,
                (Pane::Detail, false) => Pane::Detail,
            };
            app.scroll_to_selection();
        }
        Action::FocusPrevious | Action::FocusLeft => {
            app.focus = match (app.focus, action == Action::FocusPrevious) {
                (Pane::Detail, _) => Pane::Faculty,
                (Pane::Faculty, _) => Pane::Schools,
                (Pane::Schools, true) => Pane::Detail,
                (Pane::Schools, false) => Pane::Schools,
            };
            app.scroll_to_selection();
        }
        Action::StartFilter => {
            app.chosen = false;
            app.mode = Mode::Filter;
            app.focus = Pane::Faculty;
        }
        Action::FilterInput(c) => {
            app.filter.push(c);
            return app.refilter(Keep::Chosen);
        }
        Action::FilterPaste(text) => {
            if app.mode == Mode::Browse {
                // Like `/`: a new filter looks for someone new.
                app.chosen = false;
            }
            app.mode = Mode::Filter;
            app.focus = Pane::Faculty;
            // Line breaks and tabs become spaces; other controls are dropped.
            let text = text
                .chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c });
            app.filter.extend(text.filter(|c| !c.is_control()));
            return app.refilter(Keep::Chosen);
        }
        Action::FilterBackspace => {
            app.filter.pop();
            return app.refilter(Keep::Chosen);
        }
        Action::FilterDeleteWord => {
            let kept = app
                .filter
                .trim_end()
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            app.filter.truncate(kept);
            return app.refilter(Keep::Chosen);
        }
        Action::FilterAccept => app.mode = Mode::Browse,
        Action::ClearFilter => {
            app.filter.clear();
            return app.refilter(Keep::Selection);
        }
        Action::Cancel => match app.mode {
            Mode::Help => app.mode = Mode::Browse,
            Mode::Filter | Mode::Browse => {
                app.mode = Mode::Browse;
                if !app.filter.is_empty() {
                    app.filter.clear();
                    return app.refilter(Keep::Selection);
                }
            }
        },
        Action::ToggleHelp => {
            app.mode = if app.mode == Mode::Help {
                Mode::Browse
            } else {
                Mode::Help
            };
            app.help_scroll = 0;
        }
        Action::OpenWebsite => {
            let Some(person) = app.selected_person() else {
                app.set_status("No one selected", true);
                return None;
            };
            match app.url_of_selected() {
                Some(url) => return Some(Effect::Open(url)),
                None => {
                    let name = app.directory.people[person].name.clone();
                    app.set_status(format!("{name} has no website"), true);
                }
            }
        }
        Action::OpenLab(number) => {
            let Some(person) = app.selected_person() else {
                app.set_status("No one selected", true);
                return None;
            };
            let school = app.directory.school_of(&app.directory.people[person]);
            match school.labs.get(number.wrapping_sub(1)) {
                Some(lab) => return Some(Effect::Open(lab.url.clone())),
                None => {
                    let text = match school.labs.len() {
                        0 => format!("{} has no labs listed", school.name),
                        n => format!(
                            "{} has {n} lab{}: press 1–{n}",
                            school.name,
                            if n == 1 { "" } else { "s" }
                        ),
                    };
                    app.set_status(text, true);
                }
            }
        }
        Action::ToggleFavorite => {
            let person = app.selected_person()?;
            let key = FavoriteKey::of(&app.directory, &app.directory.people[person]);
            let mut favorites = app.favorites.clone();
            let added = if app.is_favorite[person] {
                favorites.remove(&key);
                false
            } else {
                favorites.add(key.clone());
                true
            };
            app.set_favorites(favorites);
            let name = &app.directory.people[person].name;
            let text = if added {
                format!("★ Added {name} to favorites")
            } else {
                format!("Removed {name} from favorites")
            };
            app.set_status(text, false);
            if app.scope() == Scope::Favorites {
                app.narrowing.clear();
                // Favorites are always filtered at once: no effect to lose.
                let _ = app.refilter(Keep::Selection);
            }
            return Some(Effect::SaveFavorite(key, added));
        }
        Action::CopyUrl => match app.url_of_selected() {
            Some(url) => return Some(Effect::Copy(url)),
            None => app.set_status("Nothing to copy: no website", true),
        },
        // A click anywhere closes the help rather than acting behind it.
        Action::Click(_) if app.mode == Mode::Help => app.mode = Mode::Browse,
        Action::Click(at) => return click(app, at),
        Action::ScrollUp(at) | Action::ScrollDown(at) => {
            let panes = ui::layout(app.area, app.focus);
            let focus = app.focus;
            let mut effect = None;
            if let Some(pane) = panes.pane_at(at).filter(|_| app.mode != Mode::Help) {
                // Each school changes the whole list: one per tick there.
                let step = if pane == Pane::Schools { 1 } else { 3 };
                let delta = if matches!(action, Action::ScrollUp(_)) {
                    -step
                } else {
                    step
                };
                app.focus = pane;
                effect = app.move_by(delta);
            }
            app.focus = focus;
            return effect;
        }
        Action::Resize(width, height) => {
            app.area = Rect::new(0, 0, width, height);
            app.scroll_to_selection();
            app.scope_offset = keep_visible(
                app.scope_row,
                app.scope_offset,
                app.schools_height(),
                app.scope_rows(),
            );
        }
        Action::Opened(Ok(url)) => app.set_status(format!("Opened {url}"), false),
        Action::Opened(Err(error)) => app.set_status(error, true),
        Action::Copied(url) => app.set_status(format!("Copied {url}"), false),
        // The file may hold changes another profdex made meanwhile.
        Action::Saved(Ok(favorites)) if favorites != app.favorites => {
            app.set_favorites(favorites);
            if app.scope() == Scope::Favorites {
                app.narrowing.clear();
                return app.refilter(Keep::Selection);
            }
        }
        Action::SearchFailed(error) => {
            app.set_status(error, true);
            app.background = false;
            let _ = app.settle();
        }
        Action::Searched(result) => {
            // Only the answer to the latest question is shown.
            if let Some((generation, keep)) = app.pending
                && generation == result.generation
            {
                app.show(result.query, result.hits, keep);
            }
        }
        Action::Saved(Ok(_)) => {}
        Action::Saved(Err(error)) => app.set_status(format!("Not saved: {error}"), true),
    }
    None
}

fn click(app: &mut App, at: Position) -> Option<Effect> {
    let panes = ui::layout(app.area, app.focus);
    if panes.schools_rows.contains(at) {
        app.focus = Pane::Schools;
        let row = app.scope_offset + usize::from(at.y - panes.schools_rows.y);
        if row < app.scope_rows() {
            return app.change_scope(row);
        }
    } else if panes.faculty_rows.contains(at) {
        app.focus = Pane::Faculty;
        let row = app.offset + usize::from(at.y - panes.faculty_rows.y);
        if row < app.hits.len() {
            app.chosen = true;
            app.select(row);
        }
    } else if let Some(pane) = panes.pane_at(at) {
        app.focus = pane;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lab, Person, School};

    fn directory() -> Directory {
        let person = |school, name: &str, website: Option<&str>| Person {
            school,
            name: name.into(),
            title: Some("Professor".into()),
            research: vec!["Systems".into()],
            website: website.map(String::from),
            extra: Vec::new(),
        };
        let lab = |name: &str, url: &str| Lab {
            name: name.into(),
            url: url.into(),
        };
        Directory {
            schools: vec![
                School {
                    name: "MIT".into(),
                    labs: vec![lab("CSAIL", "https://www.csail.mit.edu/")],
                    ..School::default()
                },
                School {
                    name: "UC Berkeley".into(),
                    labs: vec![
                        lab("RISE Lab", "https://rise.cs.berkeley.edu/"),
                        lab("Sky Computing Lab", "https://sky.cs.berkeley.edu/"),
                    ],
                    ..School::default()
                },
            ],
            people: vec![
                person(0, "Song Han", Some("https://hanlab.mit.edu/")),
                person(0, "Tim Kraska", None),
                person(
                    1,
                    "Ion Stoica",
                    Some("https://people.eecs.berkeley.edu/~istoica/"),
                ),
                person(
                    1,
                    "Matei Zaharia",
                    Some("https://people.eecs.berkeley.edu/~matei/"),
                ),
            ],
        }
    }

    fn app() -> App {
        App::new(
            directory(),
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, 120, 40),
        )
    }

    fn names(app: &App) -> Vec<&str> {
        app.hits
            .iter()
            .map(|hit| app.directory.people[hit.person].name.as_str())
            .collect()
    }

    fn selected_name(app: &App) -> Option<&str> {
        app.selected_person()
            .map(|p| app.directory.people[p].name.as_str())
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            assert_eq!(update(app, Action::FilterInput(c)), None);
        }
    }

    #[test]
    fn typing_filters_at_once_and_backspace_widens_again() {
        let mut app = app();
        assert_eq!(names(&app).len(), 4);
        update(&mut app, Action::StartFilter);
        assert_eq!(app.mode, Mode::Filter);
        type_text(&mut app, "sto");
        assert_eq!(names(&app), ["Ion Stoica"]);
        type_text(&mut app, "x");
        assert!(names(&app).is_empty());
        update(&mut app, Action::FilterBackspace);
        assert_eq!(names(&app), ["Ion Stoica"]);
        // Back to an answered query, or only spacing changed: nothing new is cached.
        type_text(&mut app, " ");
        update(&mut app, Action::FilterBackspace);
        assert_eq!(app.narrowing.len(), 3, "s, st, sto");
        update(&mut app, Action::FilterAccept);
        assert_eq!(app.mode, Mode::Browse);
        assert_eq!(app.filter, "sto");
        update(&mut app, Action::Cancel);
        assert_eq!(app.filter, "");
        assert_eq!(names(&app).len(), 4);
    }

    #[test]
    fn selection_stays_on_the_same_person_when_the_list_changes() {
        let mut app = app();
        update(&mut app, Action::StartFilter);
        type_text(&mut app, "a");
        update(&mut app, Action::Down);
        let chosen = selected_name(&app).map(String::from);
        assert_ne!(chosen.as_deref(), Some(names(&app)[0]));
        // Narrowing keeps the person the user moved to, while they match.
        type_text(&mut app, " ");
        assert_eq!(selected_name(&app), chosen.as_deref());
        update(&mut app, Action::ClearFilter);
        assert_eq!(selected_name(&app), chosen.as_deref());
        // Gone from the list: the best match is selected.
        type_text(&mut app, "song");
        assert_eq!(selected_name(&app), Some("Song Han"));
        // Choosing a school that still lists them keeps them too.
        update(&mut app, Action::FocusLeft);
        update(&mut app, Action::Down);
        update(&mut app, Action::Down);
        assert_eq!(app.scope(), Scope::School(0));
        assert_eq!(selected_name(&app), Some("Song Han"));
    }

    #[test]
    fn typing_a_new_filter_selects_the_best_match() {
        let mut app = app();
        update(&mut app, Action::Down);
        assert_eq!(selected_name(&app), Some("Tim Kraska"));
        update(&mut app, Action::StartFilter);
        // Tim Kraska still matches ("Professor"), but a new filter means the
        // user is looking for someone: the best match is selected.
        type_text(&mut app, "o");
        assert!(names(&app).contains(&"Tim Kraska"));
        assert_eq!(app.selected, 0);
        type_text(&mut app, "ica");
        assert_eq!(selected_name(&app), Some("Ion Stoica"));
    }

    #[test]
    fn choosing_a_school_narrows_the_list() {
        let mut app = app();
        update(&mut app, Action::FocusLeft);
        assert_eq!(app.focus, Pane::Schools);
        update(&mut app, Action::Down);
        assert_eq!(app.scope(), Scope::Favorites);
        assert!(app.hits.is_empty());
        update(&mut app, Action::Down);
        assert_eq!(app.scope(), Scope::School(0));
        assert_eq!(names(&app), ["Song Han", "Tim Kraska"]);
        update(&mut app, Action::Bottom);
        assert_eq!(app.scope(), Scope::School(1));
        assert_eq!(app.scope_total(), 2);
        update(&mut app, Action::StartFilter);
        type_text(&mut app, "han");
        assert!(
            names(&app).iter().all(|name| *name != "Song Han"),
            "{:?}",
            names(&app)
        );
    }

    #[test]
    fn bookmarking_saves_and_shows_in_favorites() {
        let mut app = app();
        update(&mut app, Action::Bottom);
        let effect = update(&mut app, Action::ToggleFavorite);
        let key = FavoriteKey {
            school: "UC Berkeley".into(),
            name: "Matei Zaharia".into(),
        };
        assert_eq!(effect, Some(Effect::SaveFavorite(key.clone(), true)));
        assert!(app.is_favorite[3]);
        assert!(
            app.status
                .as_ref()
                .is_some_and(|s| s.text.contains("Added Matei Zaharia"))
        );
        update(&mut app, Action::FocusLeft);
        update(&mut app, Action::Down);
        assert_eq!(names(&app), ["Matei Zaharia"]);
        // A failed save is reported; the bookmark stays in memory.
        update(&mut app, Action::Saved(Err("disk full".into())));
        assert!(
            app.status
                .as_ref()
                .is_some_and(|s| s.is_error && s.text.contains("disk full"))
        );
        assert!(app.is_favorite[3]);
        // Unbookmarking from the favorites view empties it.
        update(&mut app, Action::FocusRight);
        assert_eq!(
            update(&mut app, Action::ToggleFavorite),
            Some(Effect::SaveFavorite(key, false))
        );
        assert!(app.hits.is_empty());
    }

    #[test]
    fn favorites_from_disk_replace_the_in_memory_ones() {
        let mut app = app();
        let mut on_disk = Favorites::default();
        on_disk.add(FavoriteKey {
            school: "mit".into(),
            name: "song han".into(),
        });
        on_disk.add(FavoriteKey {
            school: "MIT".into(),
            name: "Someone Gone".into(),
        });
        update(&mut app, Action::Saved(Ok(on_disk)));
        assert!(app.is_favorite[0]);
        assert_eq!(app.missing_favorites().count(), 1);
    }

    #[test]
    fn opening_the_website_and_labs() {
        let mut app = app();
        update(&mut app, Action::Down);
        update(&mut app, Action::Down);
        assert_eq!(
            update(&mut app, Action::OpenWebsite),
            Some(Effect::Open(
                "https://people.eecs.berkeley.edu/~istoica/".into()
            ))
        );
        assert_eq!(
            update(&mut app, Action::OpenLab(2)),
            Some(Effect::Open("https://sky.cs.berkeley.edu/".into()))
        );
        assert_eq!(update(&mut app, Action::OpenLab(3)), None);
        assert!(
            app.status
                .as_ref()
                .is_some_and(|s| s.is_error && s.text.contains("has 2 labs"))
        );
        assert_eq!(
            update(&mut app, Action::CopyUrl),
            Some(Effect::Copy(
                "https://people.eecs.berkeley.edu/~istoica/".into()
            ))
        );
        update(&mut app, Action::Opened(Ok("https://x.org/".into())));
        assert_eq!(
            app.status.as_ref().map(|s| s.text.as_str()),
            Some("Opened https://x.org/")
        );
    }

    #[test]
    fn a_person_without_a_website_says_so() {
        let mut app = app();
        update(&mut app, Action::Down);
        assert_eq!(selected_name(&app), Some("Tim Kraska"));
        assert_eq!(update(&mut app, Action::OpenWebsite), None);
        assert!(
            app.status
                .as_ref()
                .is_some_and(|s| s.text == "Tim Kraska has no website")
        );
        assert_eq!(update(&mut app, Action::CopyUrl), None);
    }

    #[test]
    fn moving_is_bounded() {
        let mut app = app();
        update(&mut app, Action::Up);
        assert_eq!(app.selected, 0);
        update(&mut app, Action::PageDown);
        assert_eq!(app.selected, 3);
        update(&mut app, Action::Top);
        assert_eq!(app.selected, 0);
        update(&mut app, Action::FocusRight);
        update(&mut app, Action::FocusRight);
        assert_eq!(app.focus, Pane::Detail);
        update(&mut app, Action::Bottom);
        assert_eq!(app.detail_scroll, ui::detail_scroll_limit(&app));
    }

    #[test]
    fn clicks_select_rows_and_the_wheel_scrolls() {
        let mut app = app();
        let panes = ui::layout(app.area, app.focus);
        let row = |n: u16| Position::new(panes.faculty_rows.x + 2, panes.faculty_rows.y + n);
        update(&mut app, Action::Click(row(2)));
        assert_eq!(selected_name(&app), Some("Ion Stoica"));
        // Below the last person: nothing changes.
        update(&mut app, Action::Click(row(10)));
        assert_eq!(selected_name(&app), Some("Ion Stoica"));
        let school_row = Position::new(panes.schools_rows.x + 1, panes.schools_rows.y + 3);
        update(&mut app, Action::Click(school_row));
        assert_eq!(app.scope(), Scope::School(1));
        assert_eq!(app.focus, Pane::Schools);
        // One school per wheel tick.
        update(&mut app, Action::ScrollUp(school_row));
        assert_eq!(app.scope(), Scope::School(0));
        update(&mut app, Action::ScrollUp(school_row));
        update(&mut app, Action::ScrollUp(school_row));
        assert_eq!(app.scope(), Scope::All);
        assert_eq!(app.focus, Pane::Schools);
        // Three people per tick in the list.
        let list_row = Position::new(panes.faculty_rows.x + 1, panes.faculty_rows.y);
        update(&mut app, Action::ScrollDown(list_row));
        assert_eq!(app.selected, 3);
    }

    #[test]
    fn nothing_breaks_on_an_empty_directory_or_a_tiny_screen() {
        let mut app = App::new(
            Directory::default(),
            Favorites::default(),
            Theme::monochrome(),
            Rect::new(0, 0, 3, 2),
        );
        for action in [
            Action::Down,
            Action::Bottom,
            Action::PageDown,
            Action::OpenWebsite,
            Action::OpenLab(1),
            Action::ToggleFavorite,
            Action::CopyUrl,
            Action::Click(Position::new(1, 1)),
            Action::ScrollDown(Position::new(0, 0)),
            Action::Resize(0, 0),
            Action::FocusLeft,
            Action::Bottom,
        ] {
            assert_eq!(update(&mut app, action), None);
        }
    }

    #[test]
    fn growing_the_window_fills_it_from_the_top() {
        assert_eq!(keep_visible(99, 80, 20, 100), 80);
        assert_eq!(keep_visible(99, 80, 40, 100), 60);
        assert_eq!(keep_visible(5, 80, 40, 100), 5);
        assert_eq!(keep_visible(0, 3, 40, 10), 0);
        assert_eq!(keep_visible(50, 0, 10, 100), 41);
    }

    /// An app over enough people to be searched in the background, with
    /// Ion Stoica last.
    fn large_app() -> App {
        let mut directory = directory();
        let ion = directory.people[2].clone();
        while directory.people.len() < BACKGROUND_SEARCH {
            directory.people.push(Person {
                name: format!("Person {}", directory.people.len()),
                ..directory.people[1].clone()
            });
        }
        directory.people.push(ion);
        App::new(
            directory,
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, 120, 40),
        )
    }

    #[test]
    fn long_lists_are_searched_in_the_background() {
        let mut app = large_app();
        update(&mut app, Action::StartFilter);
        let Some(Effect::Search(first)) = update(&mut app, Action::FilterInput('s')) else {
            panic!("a long list is searched in the background");
        };
        assert!(app.is_searching());
        assert_eq!(app.filter, "s", "the filter line answers at once");
        let Some(Effect::Search(second)) = update(&mut app, Action::FilterInput('t')) else {
            panic!("each keystroke asks again");
        };
        assert!(second.generation > first.generation);
        // An answer overtaken by typing is dropped.
        let stale = app
            .index
            .search(&app.directory, &first.query, &first.candidates);
        update(
            &mut app,
            Action::Searched(SearchResult {
                generation: first.generation,
                query: first.query,
                hits: stale,
            }),
        );
        assert!(app.is_searching());
        let hits = app
            .index
            .search(&app.directory, &second.query, &second.candidates);
        update(
            &mut app,
            Action::Searched(SearchResult {
                generation: second.generation,
                query: second.query,
                hits,
            }),
        );
        assert!(!app.is_searching());
        assert_eq!(selected_name(&app), Some("Ion Stoica"));
        // Clearing answers at once, and a late answer cannot bring the filter back.
        update(&mut app, Action::FilterInput('o'));
        assert!(app.is_searching());
        assert_eq!(
            update(&mut app, Action::ClearFilter),
            Some(Effect::CancelSearch)
        );
        assert!(!app.is_searching());
        assert_eq!(app.hits.len(), app.directory.people.len());
    }

    #[test]
    fn pasting_types_the_whole_text_once() {
        let mut app = app();
        assert_eq!(
            update(&mut app, Action::FilterPaste("sto\nica\u{1b}".into())),
            None
        );
        assert_eq!(app.mode, Mode::Filter);
        assert_eq!(app.filter, "sto ica");
        assert_eq!(names(&app), ["Ion Stoica"]);
    }

    #[test]
    fn the_detail_scrolls_to_its_last_row_and_back_at_once() {
        let mut directory = directory();
        directory.schools[0].labs = (1..=300)
            .map(|n| Lab {
                name: format!("Lab number {n} with a name long enough to wrap in a narrow pane"),
                url: format!("https://lab{n}.example.org/"),
            })
            .collect();
        let mut app = App::new(
            directory,
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, 80, 24),
        );
        update(&mut app, Action::FocusRight);
        update(&mut app, Action::Bottom);
        let limit = ui::detail_scroll_limit(&app);
        assert!(limit > 300, "wrapped rows count: {limit}");
        assert_eq!(app.detail_scroll, limit);
        let screen = crate::screenshot::render(&app);
        let text: String = screen.content().iter().map(|cell| cell.symbol()).collect();
        assert!(
            text.contains("lab300.example.org"),
            "the last lab is reachable"
        );
        update(&mut app, Action::Up);
        assert_eq!(app.detail_scroll, limit - 1);
    }

    #[test]
    fn keys_on_the_selection_wait_for_the_search_under_way() {
        let mut app = large_app();
        update(&mut app, Action::StartFilter);
        for c in "stoica".chars() {
            update(&mut app, Action::FilterInput(c));
        }
        assert!(app.is_searching());
        update(&mut app, Action::FilterAccept);
        assert!(!app.is_searching());
        assert_eq!(selected_name(&app), Some("Ion Stoica"));
        let Some(Effect::SaveFavorite(key, true)) = update(&mut app, Action::ToggleFavorite) else {
            panic!("bookmarks the person the filter found");
        };
        assert_eq!(key.name, "Ion Stoica");
    }

    #[test]
    fn after_the_background_search_fails_searches_run_at_once() {
        let mut directory = directory();
        while directory.people.len() < BACKGROUND_SEARCH {
            directory.people.push(directory.people[0].clone());
        }
        let mut app = App::new(
            directory,
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, 120, 40),
        );
        assert!(matches!(
            update(&mut app, Action::FilterInput('s')),
            Some(Effect::Search(_))
        ));
        update(
            &mut app,
            Action::SearchFailed("the search stopped working".into()),
        );
        assert!(!app.is_searching());
        assert!(app.status.as_ref().is_some_and(|s| s.is_error));
        assert_eq!(update(&mut app, Action::FilterInput('o')), None);
        assert!(!app.is_searching());
    }

    #[test]
    fn missing_favorites_after_a_long_list_can_be_scrolled_to() {
        let mut directory = directory();
        let mut favorites = Favorites::default();
        for n in 0..60 {
            directory.people.push(Person {
                name: format!("Person {n}"),
                ..directory.people[0].clone()
            });
            favorites.add(FavoriteKey {
                school: "MIT".into(),
                name: format!("Person {n}"),
            });
        }
        favorites.add(FavoriteKey {
            school: "MIT".into(),
            name: "Gone".into(),
        });
        let mut app = App::new(
            directory,
            favorites,
            Theme::colored(),
            Rect::new(0, 0, 120, 20),
        );
        update(&mut app, Action::FocusLeft);
        update(&mut app, Action::Down);
        update(&mut app, Action::FocusRight);
        assert_eq!(app.list_rows(), 61);
        update(&mut app, Action::Bottom);
        let height = ui::layout(app.area, app.focus).faculty_rows.height as usize;
        assert_eq!(app.offset + height, 61, "the missing favorite is on screen");
        assert_eq!(app.selected, 59);
    }

    #[test]
    fn help_opens_and_closes() {
        let mut app = app();
        update(&mut app, Action::ToggleHelp);
        assert_eq!(app.mode, Mode::Help);
        update(&mut app, Action::Down);
        assert_eq!(app.selected, 0, "scrolling help does not move the list");
        update(&mut app, Action::Cancel);
        assert_eq!(app.mode, Mode::Browse);
        // A click closes the help without selecting what is behind it.
        update(&mut app, Action::ToggleHelp);
        let panes = ui::layout(app.area, app.focus);
        update(
            &mut app,
            Action::Click(Position::new(
                panes.faculty_rows.x,
                panes.faculty_rows.y + 2,
            )),
        );
        assert_eq!(app.mode, Mode::Browse);
        assert_eq!(app.selected, 0);
    }
}
