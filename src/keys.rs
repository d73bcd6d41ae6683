//! Every key and what it does, in one table that both the event loop and
//! the help overlay read, so the two cannot disagree.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use crate::app::{Action, Mode};

#[derive(Debug, Clone, Copy)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    /// `1` to `9`.
    Digit,
}

pub struct Binding {
    /// How the help overlay writes the keys.
    pub label: &'static str,
    pub help: &'static str,
    keys: &'static [Key],
    /// The action, given the character typed (used by `Key::Digit`).
    action: fn(char) -> Action,
    /// The word the status line shows beside the keys, for the main ones.
    hint: Option<&'static str>,
}

use Key::{Char, Code, Ctrl, Digit};

const QUIT: Binding = Binding {
    label: "q Ctrl-c",
    help: "quit",
    keys: &[Char('q'), Ctrl('c')],
    action: |_| Action::Quit,
    hint: Some("quit"),
};

pub const BROWSE: &[Binding] = &[
    Binding {
        label: "/",
        help: "filter: type to narrow the list at once",
        keys: &[Char('/')],
        action: |_| Action::StartFilter,
        hint: Some("filter"),
    },
    Binding {
        label: "Ctrl-u",
        help: "clear the filter",
        keys: &[Ctrl('u')],
        action: |_| Action::ClearFilter,
        hint: None,
    },
    Binding {
        label: "Esc",
        help: "clear the filter",
        keys: &[Code(KeyCode::Esc)],
        action: |_| Action::Cancel,
        hint: None,
    },
    Binding {
        label: "j ↓",
        help: "move down",
        keys: &[Char('j'), Code(KeyCode::Down), Ctrl('n')],
        action: |_| Action::Down,
        hint: None,
    },
    Binding {
        label: "k ↑",
        help: "move up",
        keys: &[Char('k'), Code(KeyCode::Up), Ctrl('p')],
        action: |_| Action::Up,
        hint: None,
    },
    Binding {
        label: "g Home",
        help: "go to the top",
        keys: &[Char('g'), Code(KeyCode::Home)],
        action: |_| Action::Top,
        hint: None,
    },
    Binding {
        label: "G End",
        help: "go to the bottom",
        keys: &[Char('G'), Code(KeyCode::End)],
        action: |_| Action::Bottom,
        hint: None,
    },
    Binding {
        label: "PgUp PgDn",
        help: "move a page",
        keys: &[Code(KeyCode::PageUp)],
        action: |_| Action::PageUp,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Code(KeyCode::PageDown)],
        action: |_| Action::PageDown,
        hint: None,
    },
    Binding {
        label: "Tab Shift-Tab",
        help: "next / previous pane",
        keys: &[Code(KeyCode::Tab)],
        action: |_| Action::FocusNext,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Code(KeyCode::BackTab)],
        action: |_| Action::FocusPrevious,
        hint: None,
    },
    Binding {
        label: "h l ← →",
        help: "pane to the left / right",
        keys: &[Char('h'), Code(KeyCode::Left)],
        action: |_| Action::FocusLeft,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Char('l'), Code(KeyCode::Right)],
        action: |_| Action::FocusRight,
        hint: None,
    },
    Binding {
        label: "Enter o",
        help: "open the person's website",
        keys: &[Code(KeyCode::Enter), Char('o')],
        action: |_| Action::OpenWebsite,
        hint: Some("open"),
    },
    Binding {
        label: "1–9",
        help: "open lab N of the person's school",
        keys: &[Digit],
        action: |c| Action::OpenLab(c.to_digit(10).unwrap_or(0) as usize),
        hint: None,
    },
    Binding {
        label: "b",
        help: "bookmark: add or remove a favorite (saved at once)",
        keys: &[Char('b')],
        action: |_| Action::ToggleFavorite,
        hint: Some("★"),
    },
    Binding {
        label: "y",
        help: "copy the website to the clipboard (OSC 52)",
        keys: &[Char('y')],
        action: |_| Action::CopyUrl,
        hint: None,
    },
    Binding {
        label: "?",
        help: "this help",
        keys: &[Char('?')],
        action: |_| Action::ToggleHelp,
        hint: Some("help"),
    },
    QUIT,
];

pub const FILTER: &[Binding] = &[
    Binding {
        label: "text",
        help: "narrow the list as you type (every word must match)",
        keys: &[],
        action: |c| Action::FilterInput(c),
        hint: None,
    },
    Binding {
        label: "Enter",
        help: "keep the filter and browse",
        keys: &[Code(KeyCode::Enter)],
        action: |_| Action::FilterAccept,
        hint: Some("keep"),
    },
    Binding {
        label: "Esc",
        help: "clear the filter and browse",
        keys: &[Code(KeyCode::Esc)],
        action: |_| Action::Cancel,
        hint: Some("clear"),
    },
    Binding {
        label: "Backspace",
        help: "delete a character",
        keys: &[Code(KeyCode::Backspace)],
        action: |_| Action::FilterBackspace,
        hint: None,
    },
    Binding {
        label: "Ctrl-w",
        help: "delete a word",
        keys: &[Ctrl('w')],
        action: |_| Action::FilterDeleteWord,
        hint: None,
    },
    Binding {
        label: "Ctrl-u",
        help: "clear the filter",
        keys: &[Ctrl('u')],
        action: |_| Action::ClearFilter,
        hint: None,
    },
    Binding {
        label: "↓ ↑ Ctrl-n Ctrl-p",
        help: "move in the list",
        keys: &[Code(KeyCode::Down), Ctrl('n')],
        action: |_| Action::Down,
        hint: Some("move"),
    },
    Binding {
        label: "",
        help: "",
        keys: &[Code(KeyCode::Up), Ctrl('p')],
        action: |_| Action::Up,
        hint: None,
    },
    Binding {
        label: "PgUp PgDn",
        help: "move a page",
        keys: &[Code(KeyCode::PageUp)],
        action: |_| Action::PageUp,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Code(KeyCode::PageDown)],
        action: |_| Action::PageDown,
        hint: None,
    },
    Binding {
        label: "Ctrl-c",
        help: "quit",
        keys: &[Ctrl('c')],
        action: |_| Action::Quit,
        hint: None,
    },
];

pub const HELP: &[Binding] = &[
    Binding {
        label: "Esc ? q",
        help: "close",
        keys: &[Code(KeyCode::Esc), Char('?'), Char('q')],
        action: |_| Action::ToggleHelp,
        hint: Some("close"),
    },
    Binding {
        label: "j k ↓ ↑",
        help: "scroll",
        keys: &[Char('j'), Code(KeyCode::Down)],
        action: |_| Action::Down,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Char('k'), Code(KeyCode::Up)],
        action: |_| Action::Up,
        hint: None,
    },
    Binding {
        label: "PgUp PgDn g G",
        help: "scroll a page, to the top or the bottom",
        keys: &[Code(KeyCode::PageUp)],
        action: |_| Action::PageUp,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Code(KeyCode::PageDown)],
        action: |_| Action::PageDown,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Char('g'), Code(KeyCode::Home)],
        action: |_| Action::Top,
        hint: None,
    },
    Binding {
        label: "",
        help: "",
        keys: &[Char('G'), Code(KeyCode::End)],
        action: |_| Action::Bottom,
        hint: None,
    },
    Binding {
        label: "Ctrl-c",
        help: "quit",
        keys: &[Ctrl('c')],
        action: |_| Action::Quit,
        hint: None,
    },
];

/// The sections of the help overlay. Continuation rows (no label) are
/// folded into the row above them.
pub const SECTIONS: &[(&str, &[Binding])] = &[
    ("Browsing", BROWSE),
    ("Filtering (after /)", FILTER),
    ("In this help", HELP),
];

/// The keys shown in the status line, per mode: the bindings with a hint.
pub fn hints(mode: Mode) -> impl Iterator<Item = (&'static str, &'static str)> {
    bindings(mode)
        .iter()
        .filter_map(|binding| Some((binding.label, binding.hint?)))
}

fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Browse => BROWSE,
        Mode::Filter => FILTER,
        Mode::Help => HELP,
    }
}

impl Key {
    /// The character this key stands for when `event` presses it.
    fn pressed_by(self, event: &KeyEvent) -> Option<char> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match (self, event.code) {
            (Char(wanted), KeyCode::Char(c)) if c == wanted && !ctrl && !alt => Some(c),
            (Ctrl(wanted), KeyCode::Char(c)) if c.eq_ignore_ascii_case(&wanted) && ctrl => Some(c),
            (Digit, KeyCode::Char(c @ '1'..='9')) if !ctrl && !alt => Some(c),
            (Code(wanted), code) if code == wanted && !ctrl && !alt => Some('\0'),
            _ => None,
        }
    }
}

pub fn action_for_key(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for binding in bindings(mode) {
        if let Some(c) = binding.keys.iter().find_map(|key| key.pressed_by(event)) {
            return Some((binding.action)(c));
        }
    }
    // In the filter, any other printable character is text.
    match event.code {
        KeyCode::Char(c)
            if mode == Mode::Filter
                && !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::FilterInput(c))
        }
        _ => None,
    }
}

pub fn action_for_event(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for_key(mode, key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => {
            let at = Position::new(*column, *row);
            match kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(at)),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp(at)),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown(at)),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        // Pasted text goes into the filter, whatever the mode.
        Event::Paste(text) if mode != Mode::Help => Some(Action::FilterPaste(text.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn browsing_keys() {
        let none = KeyModifiers::NONE;
        let act = |code| action_for_key(Mode::Browse, &press(code, none));
        assert_eq!(act(KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(act(KeyCode::Char('G')), Some(Action::Bottom));
        assert_eq!(act(KeyCode::Char('3')), Some(Action::OpenLab(3)));
        assert_eq!(act(KeyCode::Char('0')), None);
        assert_eq!(act(KeyCode::BackTab), Some(Action::FocusPrevious));
        assert_eq!(act(KeyCode::Enter), Some(Action::OpenWebsite));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(Mode::Browse, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn in_the_filter_letters_are_text() {
        let act = |code, m| action_for_key(Mode::Filter, &press(code, m));
        assert_eq!(
            act(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::FilterInput('q'))
        );
        assert_eq!(
            act(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Some(Action::FilterInput('J'))
        );
        assert_eq!(
            act(KeyCode::Char('1'), KeyModifiers::NONE),
            Some(Action::FilterInput('1'))
        );
        assert_eq!(
            act(KeyCode::Enter, KeyModifiers::NONE),
            Some(Action::FilterAccept)
        );
        assert_eq!(
            act(KeyCode::Char('u'), KeyModifiers::CONTROL),
            Some(Action::ClearFilter)
        );
        assert_eq!(
            act(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
    }

    #[test]
    fn every_binding_has_help_or_continues_the_one_above() {
        for (_, bindings) in SECTIONS {
            assert!(!bindings[0].label.is_empty());
            for binding in bindings.iter() {
                assert_eq!(binding.label.is_empty(), binding.help.is_empty());
            }
        }
    }
}
