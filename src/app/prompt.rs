//! What the browser asks of the user between two keys: a note or a status
//! typed on the status line, whether to remove a favorite with work on it,
//! which field to copy. Each has a mode of its own, so the keys do what
//! the prompt says; every other key is kept from the panes behind it.

use super::line::LineEdit;
use super::{Action, App, Effect, Mode};
use crate::favorites::FavoriteKey;

/// The prompt open, if any; its mode is the screen's.
pub enum Prompt {
    /// Typing a note or a status (`Mode::Note`).
    Text(TextPrompt),
    /// Asking whether to remove a favorite that has a note or a status
    /// (`Mode::Confirm`).
    Remove(Removal),
    /// Choosing a field to copy (`Mode::Choose`).
    Copy(Chooser),
}

/// Which of a favorite's texts the line edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Note,
    Status,
}

impl TextField {
    pub fn name(self) -> &'static str {
        match self {
            TextField::Note => "note",
            TextField::Status => "status",
        }
    }
}

pub struct TextPrompt {
    pub key: FavoriteKey,
    /// Whose, as the prompt says it.
    pub name: String,
    pub field: TextField,
    pub line: LineEdit,
}

pub struct Removal {
    pub key: FavoriteKey,
    pub name: String,
    /// What would be lost: "note", "status" or both.
    pub losing: &'static str,
}

/// The person's fields to copy, numbered from 1 as the keys choose them.
pub struct Chooser {
    pub name: String,
    pub choices: Vec<Choice>,
    pub cursor: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub value: String,
    pub opens: Opens,
}

/// What `o` does with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opens {
    /// An absolute http(s) URL: the browser.
    Web,
    /// An email address: the mail program, as `mailto:`.
    Mail,
    Nothing,
}

impl App {
    pub(super) fn open_prompt(&mut self, prompt: Prompt) {
        let mode = match prompt {
            Prompt::Text(_) => Mode::Note,
            Prompt::Remove(_) => Mode::Confirm,
            Prompt::Copy(_) => Mode::Choose,
        };
        self.prompt = Some(prompt);
        self.screen.set_mode(mode);
    }

    pub(super) fn close_prompt(&mut self) -> Option<Prompt> {
        self.screen.set_mode(Mode::Browse);
        self.prompt.take()
    }
}

/// Gives `action` to the open prompt; false when the prompt leaves it to
/// the rest of the browser: quitting, suspending, and what the terminal
/// and the runner report.
pub(super) fn intercept(app: &mut App, action: &Action, effects: &mut Vec<Effect>) -> bool {
    let passes = matches!(action, Action::Quit | Action::Suspend) || !action.is_input();
    if app.prompt.is_none() || passes {
        return false;
    }
    match app.screen.mode() {
        Mode::Note => super::annotate::edit_line(app, action, effects),
        Mode::Confirm => super::bookmarks::confirm(app, action, effects),
        Mode::Choose => super::chooser::handle(app, action, effects),
        // A prompt outlived its mode (the help opened over it, say): it
        // is forgotten, and the key does what it does.
        Mode::Browse | Mode::Filter | Mode::Help | Mode::Related | Mode::Pick | Mode::PickHelp => {
            app.prompt = None;
            return false;
        }
    }
    true
}
