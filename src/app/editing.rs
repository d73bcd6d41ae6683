//! The filter lines and the modes around them: `/` edits the filter of the
//! focused pane (the people's, or the schools' or topics' when one of
//! those has the focus), `Enter` and `Esc` keep it and leave the editor, `Ctrl-u` and
//! `Esc` while browsing clear it.

use super::filter::{Keep, MAX_FILTER_CHARS};
use super::schools::MAX_SCHOOL_FILTER_CHARS;
use super::topics::MAX_TOPIC_FILTER_CHARS;
use super::{Action, App, Effect, Mode, Pane};

pub(super) fn handle(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    if matches!(action, Action::ToggleHelp) {
        let mode = if app.screen.mode().is_help() {
            Mode::Browse
        } else {
            Mode::Help
        };
        app.screen.set_mode(mode);
        return;
    }
    if app.screen.mode().is_help() {
        if action == Action::Cancel {
            app.screen.set_mode(Mode::Browse);
        }
        return;
    }
    match app.screen.focus() {
        pane @ (Pane::Schools | Pane::Topics) => edit_left(app, pane, action, effects),
        Pane::Faculty | Pane::Detail => edit_people(app, action, effects),
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

/// The schools' or the topics' filter: the pane's best match is chosen as
/// the filter changes.
fn edit_left(app: &mut App, pane: Pane, action: Action, effects: &mut Vec<Effect>) {
    let (line, max, what) = if pane == Pane::Topics {
        (app.topic_line_mut(), MAX_TOPIC_FILTER_CHARS, "topics'")
    } else {
        let line = app.school_filter.line_mut();
        (line, MAX_SCHOOL_FILTER_CHARS, "schools'")
    };
    let fits = match action {
        Action::StartFilter => {
            app.screen.set_mode(Mode::Filter);
            return;
        }
        Action::FilterInput(c) => line.insert(c.encode_utf8(&mut [0; 4]), max),
        Action::FilterPaste(text) => {
            let fits = line.insert(&text, max);
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
        // `Enter` on a school or topic: its list is what the user wants to see.
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
        let text = format!("The {what} filter holds up to {max} characters; the rest was left out");
        app.set_status(text, true);
    }
    if pane == Pane::Topics {
        app.filter_topics(effects);
    } else {
        app.refresh_schools(effects);
    }
}

fn filter_full() -> String {
    format!("The filter holds up to {MAX_FILTER_CHARS} characters; the rest was left out")
}
