//! A favorite's note and status: `n` and `C` edit them on the status line
//! with the filter's editing keys, `N` hands the note to the user's
//! editor, `c` steps the status. Each change is asked of the disk as an
//! effect and can be undone; a person who is not a favorite yet becomes
//! one.

use super::bookmarks::{Target, UndoAfter};
use super::line::LineEdit;
use super::prompt::{Prompt, TextField, TextPrompt};
use super::shortlist::{Pending, Undo};
use super::{Action, App, Effect, Mode};
use crate::favorites::{Edit, FavoriteKey, next_status, note, status};
use crate::keys;

/// The one-line editor holds at most this many characters of a note; a
/// longer note is for the editor (`N`).
pub const MAX_NOTE_CHARS: usize = 20_000;

/// A status is a few words.
pub const MAX_STATUS_CHARS: usize = 200;

pub(super) fn handle(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    let target = match app.target() {
        Ok(target) => target,
        Err(error) => {
            app.set_status(error, true);
            return;
        }
    };
    match action {
        Action::EditNote => start(app, target, TextField::Note),
        Action::EditStatus => start(app, target, TextField::Status),
        Action::EditNoteExternally => {
            let note = app
                .shortlist
                .draft(&target.key, TextField::Note)
                .or(target.details.note.clone())
                .unwrap_or_default();
            effects.push(Effect::EditNote {
                key: target.key,
                note,
            });
        }
        Action::CycleStatus => {
            let next = next_status(target.details.status.as_deref()).map(str::to_owned);
            save(app, target, TextField::Status, next, effects);
        }
        _ => {}
    }
}

/// Opens the line on the field as it is (or as it was typed, when that
/// could not be saved).
fn start(app: &mut App, target: Target, field: TextField) {
    let (text, max) = match field {
        TextField::Note => (&target.details.note, MAX_NOTE_CHARS),
        TextField::Status => (&target.details.status, MAX_STATUS_CHARS),
    };
    let text = app
        .shortlist
        .draft(&target.key, field)
        .or_else(|| text.clone())
        .unwrap_or_default();
    let Some(line) = LineEdit::with_lines(&text, max) else {
        let text = format!(
            "The note of {} is too long to edit on one line: {} opens it in your editor",
            target.name,
            keys::primary(Mode::Browse, &Action::EditNoteExternally)
        );
        app.set_status(text, true);
        return;
    };
    app.open_prompt(Prompt::Text(TextPrompt {
        key: target.key,
        name: target.name,
        field,
        line,
    }));
}

/// A key while the line is open.
pub(super) fn edit_line(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    let Some(Prompt::Text(prompt)) = &mut app.prompt else {
        return;
    };
    let max = match prompt.field {
        TextField::Note => MAX_NOTE_CHARS,
        TextField::Status => MAX_STATUS_CHARS,
    };
    let line = &mut prompt.line;
    let fits = match action {
        Action::FilterInput(c) => line.insert(c.encode_utf8(&mut [0; 4]), max),
        Action::FilterPaste(text) if prompt.field == TextField::Note => {
            line.insert_lines(text, max)
        }
        Action::FilterPaste(text) => line.insert(text, max),
        Action::FilterBackspace => {
            line.backspace();
            true
        }
        Action::FilterDeleteWord => {
            line.delete_word();
            true
        }
        Action::FilterCursor(motion) => {
            line.move_cursor(*motion);
            true
        }
        Action::ClearFilter => {
            line.clear();
            true
        }
        Action::Cancel => {
            app.close_prompt();
            return;
        }
        Action::SaveText => {
            if let Some(Prompt::Text(prompt)) = app.close_prompt() {
                let text = match prompt.field {
                    TextField::Note => note(prompt.line.text()),
                    TextField::Status => status(prompt.line.text()),
                };
                let target = app.target_of(prompt.key);
                save(app, target, prompt.field, text, effects);
            }
            return;
        }
        // The rest of the browser waits until the line is closed.
        _ => true,
    };
    if !fits {
        let what = prompt.field.name();
        app.set_status(
            format!("A {what} holds up to {max} characters here; the rest was left out"),
            true,
        );
    }
}

/// `N`'s editor has ended.
pub(super) fn edited(
    app: &mut App,
    key: FavoriteKey,
    result: Result<String, String>,
    effects: &mut Vec<Effect>,
) {
    match result {
        Ok(text) => {
            let target = app.target_of(key);
            save(app, target, TextField::Note, note(&text), effects);
        }
        Err(error) => app.set_status(error, true),
    }
}

/// Asks the disk to make `field` of `target` hold `text` (none: remove
/// it), unless it already does.
fn save(
    app: &mut App,
    target: Target,
    field: TextField,
    text: Option<String>,
    effects: &mut Vec<Effect>,
) {
    let Target {
        key,
        name,
        details,
        is_favorite,
    } = target;
    let before = match field {
        TextField::Note => &details.note,
        TextField::Status => &details.status,
    };
    if *before == text && is_favorite {
        app.set_status(
            format!("The {} of {name} is unchanged", field.name()),
            false,
        );
        return;
    }
    if text.is_none() && !is_favorite {
        let what = field.name();
        let text = format!("Nothing saved: {name} is not a favorite, and the {what} is empty");
        app.set_status(text, false);
        return;
    }
    let done = match (field, &text) {
        (TextField::Note, Some(_)) => format!("Saved the note of {name}"),
        (TextField::Status, Some(status)) => format!("{name}: {status}"),
        (_, None) => format!("Removed the {} of {name}", field.name()),
    };
    let done = if is_favorite {
        done
    } else {
        format!("★ Added {name} to favorites. {done}")
    };
    let undo = Undo {
        name: name.clone(),
        key: key.clone(),
        before: app.shortlist.favorites().entry(&key),
    };
    let draft = text.clone().map(|text| (key.clone(), field, text));
    app.shortlist.saving(Pending {
        done,
        failed: format!("The {} of {name} is not saved", field.name()),
        undo: UndoAfter::Saved(undo),
        draft,
    });
    let edit = match field {
        TextField::Note => Edit::Note(key, text),
        TextField::Status => Edit::Status(key, text),
    };
    effects.push(Effect::EditFavorite(edit));
}
