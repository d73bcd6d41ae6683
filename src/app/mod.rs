//! The browser's state and the one function that changes it.
//!
//! A key or a mouse event becomes an [`Action`] (see `keys`); [`update`]
//! applies it to the [`App`] and returns the side effects it needs
//! ([`Effect`]: open a URL, save a favorite, copy, search in the background,
//! cancel that search) as data. The runner carries them out and reports
//! back with more actions, and the view draws from `&App` alone, so the
//! whole browser is testable without a terminal.

mod action;
mod annotate;
mod arrange;
mod bookmarks;
mod catalogue;
mod chooser;
mod cursor;
mod editing;
mod filter;
mod line;
mod links;
mod names;
mod navigate;
mod pick;
mod place;
mod prompt;
mod related;
mod reload;
mod schools;
mod scope;
mod screen;
mod selection;
mod shortlist;
#[cfg(test)]
mod tests;
mod topics;

use crate::favorites::Favorites;
use crate::model::{Directory, PersonId};
use crate::theme::Theme;
use crate::topics::Synonyms;
use std::time::Duration;

use ratatui::layout::Rect;

pub use self::action::{Action, Drawn, Effect, Mode};
pub use self::annotate::{MAX_NOTE_CHARS, MAX_STATUS_CHARS};
pub use self::catalogue::Catalogue;
pub use self::cursor::ListCursor;
pub use self::filter::{BACKGROUND_SEARCH, BACKGROUND_WORK, Search};
pub use self::line::{LineEdit, Motion};
pub use self::links::LinkStates;
pub use self::pick::{Picked, Picker};
pub use self::place::{Place, ScopeName};
pub use self::prompt::{Choice, Chooser, Opens, Prompt, Removal, TextField, TextPrompt};
pub use self::related::{RELATED_SHOWN, RelatedPeople};
pub use self::reload::{ReloadSummary, Reloaded};
pub use self::schools::SchoolFilter;
pub use self::scope::Scope;
pub use self::screen::{Screen, Status};
pub use self::selection::NOBODY_SELECTED;
pub use self::shortlist::{Shortlist, Sort, StatusFilter};
pub use self::topics::{TopicCount, TopicRow, TopicsPane};
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
    /// The schools pane: row 0 everyone, 1 the favorites, then each
    /// school; while its filter is set, the schools that match, best first.
    pub schools: ListCursor,
    /// The schools pane's filter.
    pub school_filter: SchoolFilter,
    /// The topics pane (`t`): the scope's research topics and their filter.
    pub topics: TopicsPane,
    /// The topics pane: row 0 no topic, then each topic of the scope; while
    /// its filter is set, the topics that match, best first.
    pub topic_cursor: ListCursor,
    /// The faculty list: its rows are the hits, then missing favorites.
    pub people: ListCursor,
    /// Mode, focus, size, status and scrolling.
    pub screen: Screen,
    /// The selected person's related people, and where jumps came from.
    pub related: RelatedPeople,
    /// What the browser is asking the user, if anything: a note or a
    /// status typed, a removal confirmed, a field chosen to copy.
    pub prompt: Option<Prompt>,
    /// `profdex pick`'s marks and what was chosen; `None` in the browser.
    pub pick: Option<Picker>,
    /// The last known state of each link, and the checks under way.
    pub links: LinkStates,
}

impl App {
    /// The browser on `directory`, its topics read with the built-in synonyms.
    pub fn new(directory: Directory, favorites: Favorites, theme: Theme, area: Rect) -> App {
        let catalogue = Catalogue::new(directory, &Synonyms::builtin());
        App::with_catalogue(catalogue, favorites, theme, area)
    }

    pub fn with_catalogue(
        catalogue: Catalogue,
        favorites: Favorites,
        theme: Theme,
        area: Rect,
    ) -> App {
        let shortlist = Shortlist::new(favorites, catalogue.directory());
        let school_filter = SchoolFilter::new(catalogue.directory());
        let topics = TopicsPane::new(catalogue.topics());
        let mut app = App {
            catalogue,
            shortlist,
            search: Search::default(),
            schools: ListCursor::default(),
            school_filter,
            topics,
            topic_cursor: ListCursor::default(),
            people: ListCursor::default(),
            screen: Screen::new(&theme, area),
            related: RelatedPeople::default(),
            prompt: None,
            pick: None,
            links: LinkStates::default(),
        };
        // The empty filter is answered at once, whatever the size: no effect.
        let mut effects = Vec::new();
        app.refilter(Keep::Selection, &mut effects);
        debug_assert!(effects.is_empty());
        app.refresh_related();
        app.refresh_topics();
        app
    }

    /// Whose people the faculty list shows: the selected row of the
    /// schools pane, or everyone when its filter lets no school through.
    pub fn scope(&self) -> Scope {
        self.scope_at(self.schools.selected()).unwrap_or(Scope::All)
    }

    /// What row `row` of the schools pane stands for, if it exists.
    pub fn scope_at(&self, row: usize) -> Option<Scope> {
        match self.school_filter.shown() {
            None => (row < self.scope_rows()).then(|| Scope::from_row(row)),
            Some(schools) => schools.get(row).map(|&school| Scope::School(school)),
        }
    }

    /// Rows of the schools pane.
    pub fn scope_rows(&self) -> usize {
        match self.school_filter.shown() {
            None => Scope::rows(self.catalogue.directory().schools.len()),
            Some(schools) => schools.len(),
        }
    }

    /// Whether the keys type into the schools pane's filter (rather than
    /// the people's).
    pub fn editing_schools(&self) -> bool {
        self.screen.mode().is_typing() && self.screen.focus() == Pane::Schools
    }

    /// Whether the keys type into the topics pane's filter.
    pub fn editing_topics(&self) -> bool {
        self.screen.mode().is_typing() && self.screen.focus() == Pane::Topics
    }

    pub fn selected_person(&self) -> Option<PersonId> {
        let hits = self.search.hits();
        hits.get(self.people.selected()).map(|hit| hit.person)
    }

    /// The favorite missing from the data on the selected row, if that is
    /// where the cursor is.
    pub fn selected_missing(&self) -> Option<&crate::favorites::FavoriteKey> {
        let row = self
            .people
            .selected()
            .checked_sub(self.search.hits().len())?;
        if !self.lists_missing_favorites() {
            return None;
        }
        self.shortlist.missing().nth(row)
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
pub const STATUS_SHOWN_FOR: Duration = crate::config::STATUS_DURATION;

/// Applies `action` and returns the side effects it needs, in the order
/// they are to be carried out.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    let status_seq = app.screen.status_seq();
    if action.is_input() {
        // What the status line said has been read: the key hints come back.
        app.screen.clear_status();
        // A warning about a dead link holds for the very next key only,
        // and only for that link (see `links::open`).
        if !matches!(action, Action::OpenWebsite | Action::OpenLab(_)) {
            app.links.warned = None;
        }
    }
    apply(app, action, &mut effects);
    app.refresh_related();
    app.refresh_topics();
    // The panes' heights follow the focus (the chart takes rows from the
    // list at some widths): every cursor stays on its list and on screen
    // whatever moved.
    let (people, scopes, topics) = (app.list_rows(), app.scope_rows(), app.topics.rows());
    app.people.select(app.people.selected(), people);
    app.schools.select(app.schools.selected(), scopes);
    app.topic_cursor.select(app.topic_cursor.selected(), topics);
    app.scroll_to_selection();
    app.keep_scope_visible();
    app.keep_topic_visible();
    if let Some(seq) = app.screen.expiring_since(status_seq) {
        effects.push(Effect::ExpireStatus {
            seq,
            after: crate::config::screen().status_duration,
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
    if prompt::intercept(app, &action, effects) {
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
        | Action::FilterCursor(_)
        | Action::FilterAccept
        | Action::LeaveFilter
        | Action::ClearFilter
        | Action::Cancel
        | Action::ToggleHelp => editing::handle(app, action, effects),
        Action::JumpToSchool => app.jump_to_school(effects),
        // To the topics, from anywhere; from the topics, to the schools.
        Action::ToggleTopics => {
            let left = match app.screen.focus() {
                Pane::Topics => Pane::Schools,
                _ => Pane::Topics,
            };
            app.focus(left);
        }
        Action::FocusRelated | Action::JumpToRelated(_) | Action::LeaveRelated | Action::Back => {
            related::handle(app, &action, effects);
        }
        Action::OpenWebsite
        | Action::OpenLab(_)
        | Action::ToggleFavorite
        | Action::CopyUrl
        | Action::Saved(_) => selection::handle(app, action, effects),
        Action::EditNote
        | Action::EditNoteExternally
        | Action::CycleStatus
        | Action::EditStatus => annotate::handle(app, &action, effects),
        Action::Edited { key, result } => annotate::edited(app, key, result, effects),
        Action::Undo => bookmarks::undo(app, effects),
        Action::CopyOther => chooser::start(app),
        Action::SortFavorites | Action::FilterStatus => arrange::handle(app, &action, effects),
        // Keys of the prompts: without one open, nothing to do.
        Action::SaveText | Action::CopyField(_) | Action::OpenField => {}
        Action::Accept | Action::Abort | Action::MarkDown | Action::MarkUp => {
            pick::handle(app, &action, effects);
        }
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
        Action::Reload => {
            app.set_status("Reloading the data files…", false);
            effects.push(Effect::Reload);
        }
        Action::Reloaded(reloaded) => app.reload(reloaded, effects),
        Action::FavoritesChanged(read) => app.favorites_changed(read, effects),
        Action::Restore(place) => app.go_to_place(&place, 0, effects),
        Action::CheckLinks | Action::LinksKnown(_) | Action::LinksChecked(_) => {
            links::handle(app, action, effects);
        }
    }
}
