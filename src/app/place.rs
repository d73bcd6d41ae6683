//! Where the user is in the browser, by names rather than by ids: the
//! school, the filter, the topic chosen, the person selected and the
//! panes. Ids belong to one load of the data; names can be found again in
//! another, after a reload or at the next start. Each piece is found again
//! on its own, and one that no longer fits the data is left out.

use super::filter::Keep;
use super::{App, Effect, Pane, Scope};
use crate::favorites::{FavoriteKey, Favorites};
use crate::model::PersonId;

/// Whose people the faculty list shows, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeName {
    All,
    Favorites,
    School(String),
}

/// Every piece is optional: one that is missing (or did not fit) is left
/// as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub scope: Option<ScopeName>,
    /// The people's filter line as typed.
    pub filter: Option<String>,
    /// The topic chosen in the topics pane, by its label, while its term
    /// is in the filter.
    pub topic: Option<String>,
    /// The selected person, as a favorite names them.
    pub person: Option<FavoriteKey>,
    pub focus: Option<Pane>,
    /// Which of the schools and the topics is on the left.
    pub left: Option<Pane>,
}

impl App {
    /// Where the user is now.
    pub fn current_place(&self) -> Place {
        let directory = self.catalogue.directory();
        let scope = match self.scope() {
            Scope::All => ScopeName::All,
            Scope::Favorites => ScopeName::Favorites,
            Scope::School(school) => ScopeName::School(directory.schools[school].name.clone()),
        };
        Place {
            scope: Some(scope),
            filter: Some(self.search.filter().to_owned()),
            topic: self.chosen_topic().map(str::to_owned),
            person: self
                .selected_person()
                .map(|person| FavoriteKey::of(directory, self.catalogue.person(person))),
            focus: Some(self.screen.focus()),
            left: Some(self.screen.left()),
        }
    }

    /// Goes to `place` as far as it fits the data: a school that is gone
    /// shows every school, a person who is gone (or hidden by the filter)
    /// leaves the cursor on row `row`.
    pub(super) fn go_to_place(&mut self, place: &Place, row: usize, effects: &mut Vec<Effect>) {
        if let Some(left) = place.left.filter(|pane| pane.is_left()) {
            self.screen.set_focus(left);
        }
        if let Some(focus) = place.focus {
            self.screen.set_focus(focus);
        }
        let scope = match &place.scope {
            Some(ScopeName::Favorites) => Scope::Favorites,
            Some(ScopeName::School(name)) => self
                .catalogue
                .directory()
                .find_school(name)
                .map_or(Scope::All, Scope::School),
            Some(ScopeName::All) | None => Scope::All,
        };
        let scope_row = match self.school_filter.shown() {
            None => Some(scope.row()),
            Some(shown) => match scope {
                Scope::School(school) => shown.iter().position(|&s| s == school),
                Scope::All | Scope::Favorites => None,
            },
        };
        self.schools
            .select(scope_row.unwrap_or(0), self.scope_rows());
        if let Some(filter) = &place.filter {
            self.search.set_filter(filter);
        }
        self.renew_topics(place.topic.as_deref());
        let person = place.person.as_ref().and_then(|key| self.find_person(key));
        if person.is_some() {
            // As after a jump: typing on keeps them while they match.
            self.search.choose();
        }
        self.search.forget();
        self.refilter(Keep::Place(person, row), effects);
        self.screen.reset_detail_scroll();
        self.keep_scope_visible();
    }

    /// The person `key` names in the data, as a favorite finds them.
    fn find_person(&self, key: &FavoriteKey) -> Option<PersonId> {
        let mut one = Favorites::default();
        one.add(key.clone());
        one.resolve(self.catalogue.directory())
            .first()
            .copied()
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;
    use crate::app::{Action, Mode, update};
    use crate::fixture::directory;
    use crate::theme::Theme;

    fn app() -> App {
        App::new(
            directory(),
            Favorites::default(),
            Theme::colored(),
            Rect::new(0, 0, 120, 40),
        )
    }

    fn key(school: &str, name: &str) -> FavoriteKey {
        FavoriteKey {
            school: school.into(),
            name: name.into(),
            website: None,
        }
    }

    fn selected(app: &App) -> Option<&str> {
        app.selected_person()
            .map(|person| app.catalogue.person(person).name())
    }

    #[test]
    fn a_place_is_found_again_piece_by_piece() {
        let mut app = app();
        let place = Place {
            scope: Some(ScopeName::School("uc berkeley".into())),
            filter: Some("i".into()),
            topic: None,
            person: Some(key("UC Berkeley", "Matei Zaharia")),
            focus: Some(Pane::Detail),
            left: Some(Pane::Topics),
        };
        update(&mut app, Action::Restore(place));
        assert_eq!(app.scope(), Scope::School(1));
        assert_eq!(app.search.filter(), "i");
        assert_eq!(selected(&app), Some("Matei Zaharia"));
        assert_eq!(app.screen.focus(), Pane::Detail);
        assert_eq!(app.screen.left(), Pane::Topics);
        assert_eq!(app.screen.mode(), Mode::Browse);
        let back = app.current_place();
        assert_eq!(back.scope, Some(ScopeName::School("UC Berkeley".into())));
        assert_eq!(
            back.person,
            Some(FavoriteKey::of(
                app.catalogue.directory(),
                app.catalogue.person(3)
            ))
        );
    }

    #[test]
    fn what_no_longer_fits_is_left_out_and_the_rest_is_kept() {
        let mut app = app();
        let place = Place {
            scope: Some(ScopeName::School("Gone University".into())),
            filter: Some("s".into()),
            person: Some(key("MIT", "Someone Who Left")),
            focus: Some(Pane::Schools),
            ..Place::default()
        };
        update(&mut app, Action::Restore(place));
        assert_eq!(app.scope(), Scope::All, "the school is gone");
        assert_eq!(app.search.filter(), "s", "the filter is kept");
        assert_eq!(app.people.selected(), 0, "the person is gone");
        assert_eq!(app.screen.focus(), Pane::Schools);

        // A person the filter hides is not selected either.
        let mut app = self::app();
        let place = Place {
            filter: Some("stoica".into()),
            person: Some(key("MIT", "Song Han")),
            ..Place::default()
        };
        update(&mut app, Action::Restore(place));
        assert_eq!(selected(&app), Some("Ion Stoica"));
        // Nothing at all: nothing moves.
        let mut app = self::app();
        update(&mut app, Action::Restore(Place::default()));
        assert_eq!(app.scope(), Scope::All);
        assert_eq!(selected(&app), Some("Song Han"));
        assert_eq!(app.screen.focus(), Pane::Faculty);
    }
}
