//! The browser's state and the one function that changes it.
//!
//! A key or a mouse event becomes an [`Action`] (see `keys`); [`update`]
//! applies it to the [`App`] and returns the side effects it needs
//! ([`Effect`]: open a URL, save a favorite, copy, search in the background,
//! cancel that search) as data. The runner carries them out and reports
//! back with more actions, and the view draws from `&App` alone, so the
//! whole browser is testable without a terminal.

mod action;
mod catalogue;
mod cursor;
mod filter;
mod navigate;
mod scope;
mod screen;
mod selection;
mod shortlist;
#[cfg(test)]
mod tests;

use crate::favorites::Favorites;
use crate::model::{Directory, PersonId};
use crate::theme::Theme;
use std::time::Duration;

use ratatui::layout::Rect;

pub use self::action::{Action, Drawn, Effect, Mode};
pub use self::catalogue::Catalogue;
pub use self::cursor::ListCursor;
pub use self::filter::{BACKGROUND_SEARCH, BACKGROUND_WORK, Search};
pub use self::scope::Scope;
pub use self::screen::{Screen, Status};
pub use self::shortlist::Shortlist;
pub use crate::layout::Pane;

use self::filter::Keep;

/// Everything the browser knows, one field per concern, so each pane reads
/// the concern it draws. Only [`update`] changes it.
pub struct App {
    /// The directory and its search index.
    pub catalogue: Catalogue,
    /// The favorites, resolved against the directory.
    pub shortlist: Shortlist,
    /// The filter line and the hits it selects.
    pub search: Search,
    /// The schools pane: row 0 everyone, 1 the favorites, then each school.
    pub schools: ListCursor,
    /// The faculty list: its rows are the hits, then missing favorites.
    pub people: ListCursor,
    /// Mode, focus, size, status and scrolling.
    pub screen: Screen,
}

impl App {
    pub fn new(directory: Directory, favorites: Favorites, theme: Theme, area: Rect) -> App {
        let shortlist = Shortlist::new(favorites, &directory);
        let mut app = App {
            catalogue: Catalogue::new(directory),
            shortlist,
            search: Search::default(),
            schools: ListCursor::default(),
            people: ListCursor::default(),
            screen: Screen::new(theme, area),
        };
        // The empty filter is answered at once, whatever the size: no effect.
        let mut effects = Vec::new();
        app.refilter(Keep::Selection, &mut effects);
        debug_assert!(effects.is_empty());
        app
    }

    pub fn scope(&self) -> Scope {
        Scope::from_row(self.schools.selected())
    }

    /// Rows of the schools pane.
    pub fn scope_rows(&self) -> usize {
        Scope::rows(self.catalogue.directory().schools.len())
    }

    pub fn selected_person(&self) -> Option<PersonId> {
        let hits = self.search.hits();
        hits.get(self.people.selected()).map(|hit| hit.person)
    }

    /// How many people the current scope holds before filtering.
    pub fn scope_total(&self) -> usize {
        match self.scope() {
            Scope::All => self.catalogue.everyone().len(),
            Scope::Favorites => self.shortlist.present().count(),
            Scope::School(school) => self.catalogue.of_school(school).len(),
        }
    }

    /// Whether the faculty list shows the favorites missing from the data
    /// under the others: in the unfiltered favorites view.
    pub fn lists_missing_favorites(&self) -> bool {
        self.scope() == Scope::Favorites && self.search.filter().is_empty()
    }

    /// Rows of the faculty list: the hits, then in the unfiltered favorites
    /// view the favorites missing from the data.
    pub fn list_rows(&self) -> usize {
        let missing = if self.lists_missing_favorites() {
            self.shortlist.missing().count()
        } else {
            0
        };
        self.search.hits().len() + missing
    }

    pub fn set_status(&mut self, text: impl Into<String>, is_error: bool) {
        self.screen.set_status(text.into(), is_error);
    }

    /// Carries out the keys that waited for the search, now it has
    /// answered, until one of them starts another.
    fn act_deferred(&mut self, effects: &mut Vec<Effect>) {
        while !self.search.is_searching() {
            let Some(action) = self.search.take_deferred() else {
                return;
            };
            apply(self, action, effects);
        }
    }
}

/// How long a message other than an error stays on the status line.
pub const STATUS_SHOWN_FOR: Duration = Duration::from_secs(5);

/// Applies `action` and returns the side effects it needs, in the order
/// they are to be carried out.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    let status_seq = app.screen.status_seq();
    if action.is_input() {
        app.screen.clear_error();
    }
    apply(app, action, &mut effects);
    if let Some(seq) = app.screen.expiring_since(status_seq) {
        effects.push(Effect::ExpireStatus {
            seq,
            after: STATUS_SHOWN_FOR,
        });
    }
    effects
}

fn apply(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    if action.acts_on_selection(app.screen.mode()) && app.search.is_searching() {
        // The worker is already answering the question this key is about:
        // the key waits for that answer rather than search again here.
        app.search.defer(action);
        return;
    }
    match action {
        Action::Quit => app.screen.quit(),
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Up
        | Action::Down
        | Action::Top
        | Action::Bottom
        | Action::PageUp
        | Action::PageDown
        | Action::FocusNext
        | Action::FocusPrevious
        | Action::FocusLeft
        | Action::FocusRight
        | Action::Click(_)
        | Action::ScrollUp(_)
        | Action::ScrollDown(_)
        | Action::Resize(..) => navigate::handle(app, &action, effects),
        Action::StartFilter
        | Action::FilterInput(_)
        | Action::FilterPaste(_)
        | Action::FilterBackspace
        | Action::FilterDeleteWord
        | Action::FilterAccept
        | Action::ClearFilter
        | Action::Cancel
        | Action::ToggleHelp => edit_filter(app, action, effects),
        Action::OpenWebsite
        | Action::OpenLab(_)
        | Action::ToggleFavorite
        | Action::CopyUrl
        | Action::Saved(_) => selection::handle(app, action, effects),
        Action::Drawn(drawn) => app.screen.drawn(drawn),
        Action::Opened(Ok(url)) => app.set_status(crate::open::opened_message(&url), false),
        Action::Opened(Err(error)) => app.set_status(error, true),
        Action::Copied(url) => app.set_status(format!("Copied {}", crate::url::shown(&url)), false),
        Action::Searched(result) => {
            app.searched(result.generation, result.query, result.hits);
            app.act_deferred(effects);
        }
        Action::SearchProgress(result) => app.progressed(result.generation, result.hits),
        Action::SearchFailed(error) => {
            app.set_status(error, true);
            app.search.stop_background();
            app.settle();
            app.act_deferred(effects);
        }
        Action::StatusExpired(seq) => app.screen.expire_status(seq),
        Action::Notice { text, is_error } => app.set_status(text, is_error),
    }
}

/// The filter line and the modes around it.
fn edit_filter(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    let keep = match action {
        Action::StartFilter => {
            app.search.start();
            app.screen.set_mode(Mode::Filter);
            app.screen.set_focus(Pane::Faculty);
            return;
        }
        Action::FilterInput(c) => {
            if !app.search.push(c) {
                app.set_status(FILTER_FULL, true);
            }
            Keep::Chosen
        }
        Action::FilterPaste(text) => {
            if app.screen.mode() == Mode::Browse {
                // Like `/`: a new filter looks for someone new.
                app.search.start();
            }
            app.screen.set_mode(Mode::Filter);
            app.screen.set_focus(Pane::Faculty);
            if !app.search.paste(&text) {
                app.set_status(FILTER_FULL, true);
            }
            Keep::Chosen
        }
        Action::FilterBackspace => {
            app.search.backspace();
            Keep::Chosen
        }
        Action::FilterDeleteWord => {
            app.search.delete_word();
            Keep::Chosen
        }
        Action::FilterAccept => {
            app.screen.set_mode(Mode::Browse);
            return;
        }
        Action::ClearFilter => {
            app.search.clear();
            Keep::Selection
        }
        Action::Cancel if app.screen.mode() == Mode::Help => {
            app.screen.set_mode(Mode::Browse);
            return;
        }
        Action::Cancel => {
            app.screen.set_mode(Mode::Browse);
            if !app.search.clear() {
                return;
            }
            Keep::Selection
        }
        Action::ToggleHelp => {
            let mode = if app.screen.mode() == Mode::Help {
                Mode::Browse
            } else {
                Mode::Help
            };
            app.screen.set_mode(mode);
            return;
        }
        _ => return,
    };
    app.refilter(keep, effects);
    let error_shown = app.screen.status().is_some_and(|s| s.is_error);
    if let Some(notice) = app.search.query().notice()
        && !error_shown
    {
        app.set_status(notice, false);
    }
}

const FILTER_FULL: &str = "The filter holds up to 1000 characters; the rest was left out";
