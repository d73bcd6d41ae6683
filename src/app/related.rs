//! The people whose research is most like the selected person's, as the
//! detail pane lists them; jumping to one of them, and going back.
//!
//! The list is computed in `update` when the selection changes and kept
//! with whose it is, so drawing only reads it.

use super::filter::Keep;
use super::{Action, App, Effect, Mode, Pane, Scope};
use crate::model::PersonId;
use crate::topics::related::Related;

/// How many related people the detail pane lists.
pub const RELATED_SHOWN: usize = 5;

/// How many jumps `Back` can undo: enough to retrace any walk by hand.
const HISTORY: usize = 100;

pub struct RelatedPeople {
    /// Whose related people `people` are.
    of: Option<PersonId>,
    people: Vec<Related>,
    cursor: usize,
    /// The pane that had the focus before `r` took it to the list.
    came_from: Pane,
    /// Where each jump left from, the latest last.
    history: Vec<Place>,
}

/// What `Back` restores.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    person: Option<PersonId>,
    filter: String,
    scope: Scope,
    focus: Pane,
}

impl Default for RelatedPeople {
    fn default() -> RelatedPeople {
        RelatedPeople {
            of: None,
            people: Vec::new(),
            cursor: 0,
            came_from: Pane::Faculty,
            history: Vec::new(),
        }
    }
}

impl RelatedPeople {
    /// The related people of the selected person, most similar first.
    pub fn people(&self) -> &[Related] {
        &self.people
    }

    /// The row under the cursor while the list has the keys.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// How many jumps `Back` can undo.
    pub fn history_len(&self) -> usize {
        self.history.len()
    }
}

pub(super) fn handle(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    match *action {
        Action::FocusRelated => {
            if app.related.people.is_empty() {
                let text = match app.selected_person() {
                    Some(_) => "No one's research is related: no research topics in common",
                    None => super::NOBODY_SELECTED,
                };
                app.set_status(text, true);
                return;
            }
            app.related.cursor = 0;
            if app.screen.mode() != Mode::Related {
                app.related.came_from = app.screen.focus();
            }
            app.screen.set_focus(Pane::Detail);
            app.screen.set_mode(Mode::Related);
        }
        Action::LeaveRelated => app.screen.set_mode(Mode::Browse),
        Action::JumpToRelated(number) => {
            let row = number.checked_sub(1).unwrap_or(app.related.cursor);
            if let Some(related) = app.related.people.get(row) {
                let person = related.person;
                app.jump_to(person, effects);
            } else {
                let n = app.related.people.len();
                app.set_status(format!("{n} related people listed: press 1–{n}"), true);
            }
        }
        Action::Back => app.back(effects),
        _ => {}
    }
}

impl App {
    /// Keeps the related people those of the selected person, and the
    /// related list's mode only while it lists someone.
    pub(super) fn refresh_related(&mut self) {
        let person = self.selected_person();
        if person != self.related.of {
            self.related.of = person;
            self.related.people = person.map_or_else(Vec::new, |person| {
                self.catalogue.related(person, RELATED_SHOWN)
            });
            self.related.cursor = 0;
        }
        let listed = !self.related.people.is_empty();
        if self.screen.mode() == Mode::Related && (!listed || self.screen.focus() != Pane::Detail) {
            self.screen.set_mode(Mode::Browse);
        }
    }

    /// Moves the related list's cursor by `delta` rows.
    pub(super) fn move_related(&mut self, delta: isize) {
        let rows = self.related.people.len();
        let row = self.related.cursor.saturating_add_signed(delta);
        self.related.cursor = row.min(rows.saturating_sub(1));
    }

    fn place(&self) -> Place {
        Place {
            person: self.selected_person(),
            filter: self.search.filter().to_owned(),
            scope: self.scope(),
            focus: if self.screen.mode() == Mode::Related {
                self.related.came_from
            } else {
                self.screen.focus()
            },
        }
    }

    /// Selects `person` in the faculty list, widening the scope to every
    /// school or clearing the filter when they hide them.
    fn jump_to(&mut self, person: PersonId, effects: &mut Vec<Effect>) {
        let here = self.place();
        if self.related.history.len() == HISTORY {
            self.related.history.remove(0);
        }
        self.related.history.push(here);
        let in_scope = match self.scope() {
            Scope::All => true,
            Scope::Favorites => self.shortlist.contains(person),
            Scope::School(school) => self.catalogue.person(person).school == school,
        };
        let scope = if in_scope { self.scope() } else { Scope::All };
        let query = self.search.typed();
        let catalogue = &self.catalogue;
        let matches = query.is_empty()
            || !catalogue
                .index()
                .search(catalogue.directory(), &query, &[person])
                .is_empty();
        let filter = if matches {
            self.search.filter().to_owned()
        } else {
            String::new()
        };
        self.go_to(scope, &filter, Some(person), effects);
    }

    fn back(&mut self, effects: &mut Vec<Effect>) {
        let Some(place) = self.related.history.pop() else {
            self.set_status("Nothing to go back to", true);
            return;
        };
        self.go_to(place.scope, &place.filter, place.person, effects);
        self.screen.set_focus(place.focus);
        self.screen.set_mode(Mode::Browse);
        self.scroll_to_selection();
    }

    /// Shows `scope` filtered by `filter`, with `person` selected once the
    /// list is known (at once, or when the background search answers).
    fn go_to(
        &mut self,
        scope: Scope,
        filter: &str,
        person: Option<PersonId>,
        effects: &mut Vec<Effect>,
    ) {
        let row = match self.school_filter.shown() {
            None => Some(scope.row()),
            Some(shown) => match scope {
                Scope::School(school) => shown.iter().position(|&s| s == school),
                Scope::All | Scope::Favorites => None,
            },
        };
        let row = row.unwrap_or_else(|| {
            // A schools' filter that hides the scope gives way to it.
            self.school_filter.line_mut().clear();
            self.school_filter.refresh();
            scope.row()
        });
        self.schools.select(row, self.scope_rows());
        self.search.set_filter(filter);
        // The person was chosen: typing on keeps them while they match.
        self.search.choose();
        self.search.forget();
        let keep = person.map_or(Keep::Selection, Keep::Person);
        self.refilter(keep, effects);
        self.screen.reset_detail_scroll();
        self.keep_scope_visible();
    }
}
