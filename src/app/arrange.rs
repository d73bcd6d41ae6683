//! `S` and `F`: the order of the ★ Favorites view (date added, status,
//! name, school) and the status it shows. From another view either key
//! first goes to the favorites, as they are arranged.

use std::fmt::Write as _;

use super::filter::Keep;
use super::{Action, App, Effect, Scope};

pub(super) fn handle(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    if app.scope() != Scope::Favorites {
        app.show_favorites(effects);
    } else if *action == Action::SortFavorites {
        let next = app.shortlist.sort().next();
        app.shortlist.set_sort(next);
    } else {
        let next = app.shortlist.next_filter();
        app.shortlist.set_filter(next);
    }
    app.search.forget();
    app.refilter(Keep::Selection, effects);
    let shortlist = &app.shortlist;
    let mut text = format!("★ Favorites by {}", shortlist.sort().label());
    if let Some(status) = shortlist.filter().label() {
        let _ = write!(text, ", {status} only");
    }
    let _ = write!(text, ": {} of {}", app.list_rows(), shortlist.len());
    app.set_status(text, false);
}

impl App {
    /// The ★ Favorites row of the schools pane selected, the schools'
    /// filter cleared if it hides it.
    fn show_favorites(&mut self, effects: &mut Vec<Effect>) {
        let before = self.scope();
        if self.school_filter.shown().is_some() {
            self.school_filter.line_mut().clear();
            self.school_filter.refresh();
        }
        self.schools
            .select(Scope::Favorites.row(), self.scope_rows());
        self.scope_changed(before, effects);
    }
}
