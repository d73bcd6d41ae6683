//! Moving around: cursors, panes, the mouse and the terminal's size.

use ratatui::layout::Position;

use super::filter::Keep;
use super::{Action, App, Effect, Mode, NOBODY_SELECTED, Pane, Scope};

pub(super) fn handle(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    match *action {
        Action::Up => app.move_by(-1, effects),
        Action::Down => app.move_by(1, effects),
        Action::PageUp => app.move_by(-app.page(), effects),
        Action::PageDown => app.move_by(app.page(), effects),
        Action::Top => app.move_by(isize::MIN / 2, effects),
        Action::Bottom => app.move_by(isize::MAX / 2, effects),
        Action::FocusNext | Action::FocusRight => {
            let wrap = *action == Action::FocusNext;
            let next = match app.screen.focus() {
                Pane::Schools | Pane::Topics => Pane::Faculty,
                Pane::Faculty => Pane::Detail,
                Pane::Detail if wrap => app.screen.left(),
                Pane::Detail => Pane::Detail,
            };
            app.focus(next);
        }
        Action::FocusPrevious | Action::FocusLeft => {
            let wrap = *action == Action::FocusPrevious;
            let next = match app.screen.focus() {
                Pane::Detail => Pane::Faculty,
                Pane::Faculty => app.screen.left(),
                left @ (Pane::Schools | Pane::Topics) if !wrap => left,
                Pane::Schools | Pane::Topics => Pane::Detail,
            };
            app.focus(next);
        }
        // A click anywhere closes the help rather than acting behind it.
        Action::Click(_) if app.screen.mode().is_help() => {
            app.screen.set_mode(Mode::Browse);
        }
        Action::Click(at) => app.click(at, effects),
        Action::ScrollUp(at) => app.wheel(at, -1, effects),
        Action::ScrollDown(at) => app.wheel(at, 1, effects),
        Action::Resize(width, height) => {
            app.screen.resize(width, height);
            app.scroll_to_selection();
            app.keep_scope_visible();
        }
        _ => {}
    }
}

impl App {
    /// Moves the focused pane's cursor by `delta` rows.
    fn move_by(&mut self, delta: isize, effects: &mut Vec<Effect>) {
        if self.screen.mode().is_help() {
            self.screen.scroll_help(delta);
            return;
        }
        match self.screen.focus() {
            Pane::Schools => {
                let row = self.schools.moved(delta, self.scope_rows());
                self.change_scope(row, effects);
            }
            Pane::Topics => {
                let row = self.topic_cursor.moved(delta, self.topics.rows());
                self.move_topics(row, effects);
            }
            Pane::Faculty => {
                self.search.choose();
                let row = self.people.moved(delta, self.list_rows());
                self.select(row);
            }
            Pane::Detail if self.screen.mode() == Mode::Related => self.move_related(delta),
            Pane::Detail => self.screen.scroll_detail(delta),
        }
    }

    /// A page of the focused list: its height less one row of context.
    fn page(&self) -> isize {
        let rows = match self.screen.focus() {
            Pane::Schools | Pane::Topics => self.screen.left_height(),
            _ => self.screen.list_height(),
        };
        isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(isize::MAX)
    }

    pub(super) fn focus(&mut self, pane: Pane) {
        self.screen.set_focus(pane);
        self.scroll_to_selection();
        // A narrow terminal shows the left pane only now.
        self.keep_scope_visible();
        self.keep_topic_visible();
    }

    /// Moves the focus into the faculty list, as `Enter` on a school does.
    pub(super) fn focus_list(&mut self) {
        self.focus(Pane::Faculty);
    }

    fn change_scope(&mut self, row: usize, effects: &mut Vec<Effect>) {
        if self.schools.select(row, self.scope_rows()) {
            self.search.forget();
            self.refilter(Keep::Selection, effects);
        }
        self.keep_scope_visible();
    }

    /// The list follows the scope when it changed.
    pub(super) fn scope_changed(&mut self, before: Scope, effects: &mut Vec<Effect>) {
        if self.scope() != before {
            self.search.forget();
            self.refilter(Keep::Selection, effects);
        }
        self.keep_scope_visible();
    }

    /// The schools' filter changed: the best match is selected, and with
    /// no filter the school that was selected stays so.
    pub(super) fn refresh_schools(&mut self, effects: &mut Vec<Effect>) {
        let before = self.scope();
        self.school_filter.refresh();
        let row = match self.school_filter.shown() {
            None => before.row(),
            Some(_) => 0,
        };
        self.schools.select(row, self.scope_rows());
        self.scope_changed(before, effects);
    }

    /// `s`: the selected person's school, in the schools pane, with the
    /// person still selected in its list.
    pub(super) fn jump_to_school(&mut self, effects: &mut Vec<Effect>) {
        let Some(person) = self.selected_person() else {
            self.set_status(NOBODY_SELECTED, true);
            return;
        };
        let school = self.catalogue.person(person).school;
        let before = self.scope();
        let row = match self.school_filter.shown() {
            None => Some(Scope::School(school).row()),
            Some(shown) => shown.iter().position(|&s| s == school),
        };
        let row = row.unwrap_or_else(|| {
            // A filter that hides the school gives way to it.
            self.school_filter.line_mut().clear();
            self.school_filter.refresh();
            Scope::School(school).row()
        });
        self.schools.select(row, self.scope_rows());
        self.screen.set_focus(Pane::Schools);
        self.scope_changed(before, effects);
    }

    pub(super) fn keep_scope_visible(&mut self) {
        let (height, rows) = (self.screen.left_height(), self.scope_rows());
        // A hidden pane has no rows to keep the selection in: scrolling it
        // for one row would hide the top rows when it shows again.
        if height > 0 {
            self.schools.keep_visible(height, rows);
        }
    }

    fn select(&mut self, row: usize) {
        if self.people.select(row, self.list_rows()) {
            self.screen.reset_detail_scroll();
        }
        self.scroll_to_selection();
    }

    pub(super) fn scroll_to_selection(&mut self) {
        let (height, rows) = (self.screen.list_height(), self.list_rows());
        self.people.keep_visible(height, rows);
        if self.people.selected() + 1 >= self.search.hits().len() {
            self.people.reveal_trailing_rows(height, rows);
        }
    }

    fn click(&mut self, at: Position, effects: &mut Vec<Effect>) {
        let panes = self.screen.panes();
        if panes.left_rows.contains(at) {
            self.screen.set_focus(panes.left_pane);
            let line = usize::from(at.y - panes.left_rows.y);
            if panes.left_pane == Pane::Topics {
                let row = self.topic_cursor.offset() + line;
                if row < self.topics.rows() {
                    self.move_topics(row, effects);
                }
            } else {
                let row = self.schools.offset() + line;
                if row < self.scope_rows() {
                    self.change_scope(row, effects);
                }
            }
        } else if panes.faculty_rows.contains(at) {
            self.screen.set_focus(Pane::Faculty);
            let row = self.people.offset() + usize::from(at.y - panes.faculty_rows.y);
            if row < self.list_rows() {
                self.search.choose();
                self.select(row);
            }
        } else if let Some(pane) = panes.pane_at(at) {
            self.screen.set_focus(pane);
        }
    }

    /// The wheel scrolls the pane under the pointer, not the focused one.
    fn wheel(&mut self, at: Position, direction: isize, effects: &mut Vec<Effect>) {
        if self.screen.mode().is_help() {
            return;
        }
        let Some(pane) = self.screen.panes().pane_at(at) else {
            return;
        };
        // Each school or topic changes the whole list: one per tick there.
        let step = if pane.is_left() { 1 } else { 3 };
        let focus = self.screen.focus();
        self.screen.set_focus(pane);
        self.move_by(direction * step, effects);
        self.screen.set_focus(focus);
    }
}
