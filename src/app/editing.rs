//! The filter lines and the modes around them: `/` edits the filter of the
//! focused pane (the people's, or the schools' when that pane has the
//! focus), `Enter` and `Esc` keep it and leave the editor, `Ctrl-u` and
//! `Esc` while browsing clear it.

use super::filter::{Keep, MAX_FILTER_CHARS};
use super::schools::MAX_SCHOOL_FILTER_CHARS;
use super::{Action, App, Effect, Mode, Pane};

pub(super) fn handle(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    if matches!(action, Action::ToggleHelp) {
        let mode = if app.screen.mode() == Mode::Help {
            Mode::Browse
        } else {
            Mode::Help
        };
        app.screen.set_mode(mode);
        return;
    }
    if app.screen.mode() == Mode::Help {
        if action == Action::Cancel {
            app.screen.set_mode(Mode::Browse);
        }
        return;
    }
    if app.screen.focus() == Pane::Schools {
        edit_schools(app, action, effects);
    } else {
        edit_people(app, action, effects);
    }
}

fn edit_people(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    let keep = match action {
        Action::StartFilter => {
            app.search.start();
            app.screen.set_mode(Mode::Filter);
            app.screen.set_focus(Pane::Faculty);
            return;
        }
        Action::FilterInput(c) => {
            if !app.search.push(c) {
                app.set_status(filter_full(), true);
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
                app.set_status(filter_full(), true);
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
        Action::FilterCursor(motion) => {
            app.search.move_cursor(motion);
            return;
        }
        Action::FilterAccept | Action::LeaveFilter => {
            app.screen.set_mode(Mode::Browse);
            return;
        }
        Action::ClearFilter | Action::Cancel => {
            if !app.search.clear() {
                return;
            }
            Keep::Selection
        }
        _ => return,
    };
    app.refilter(keep, effects);
    let error_shown = app.screen.status().is_some_and(|s| s.is_error);
    let query = app.search.typed();
    let notice = query
        .notice()
        .or_else(|| query.notes().first().map(|note| format!("Query: {note}")));
    if let Some(notice) = notice
        && !error_shown
    {
        app.set_status(notice, false);
    }
}

fn edit_schools(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    let line = app.school_filter.line_mut();
    let fits = match action {
        Action::StartFilter => {
            app.screen.set_mode(Mode::Filter);
            return;
        }
        Action::FilterInput(c) => line.insert(c.encode_utf8(&mut [0; 4]), MAX_SCHOOL_FILTER_CHARS),
        Action::FilterPaste(text) => {
            let fits = line.insert(&text, MAX_SCHOOL_FILTER_CHARS);
            app.screen.set_mode(Mode::Filter);
            fits
        }
        Action::FilterBackspace => {
            line.backspace();
            true
        }
        Action::FilterDeleteWord => {
            line.delete_word();
            true
        }
        Action::FilterCursor(motion) => {
            line.move_cursor(motion);
            return;
        }
        // `Enter` on a school: its list is what the user wants to see.
        Action::FilterAccept => {
            app.screen.set_mode(Mode::Browse);
            app.focus_list();
            return;
        }
        Action::LeaveFilter => {
            app.screen.set_mode(Mode::Browse);
            return;
        }
        Action::ClearFilter | Action::Cancel => {
            if !line.clear() {
                return;
            }
            true
        }
        _ => return,
    };
    if !fits {
        let text = format!(
            "The schools' filter holds up to {MAX_SCHOOL_FILTER_CHARS} characters; the rest was left out"
        );
        app.set_status(text, true);
    }
    app.refresh_schools(effects);
}

fn filter_full() -> String {
    format!("The filter holds up to {MAX_FILTER_CHARS} characters; the rest was left out")
}
