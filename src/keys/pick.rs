//! `profdex pick`'s keys: a mode of its own, and one for its help.

use ratatui::crossterm::event::KeyCode;

use super::Key::{Alt, Char, Code, Ctrl, Text};
use super::{Binding, SECTIONS, bind};
use crate::app::{Action, Mode, Motion};

/// `profdex pick`, as fzf: the filter has the keys from the start. No
/// `Ctrl-z`: a stopped child of the shell's `$(…)` cannot be resumed.
pub const PICK: &[Binding] = &[
    bind(Text, Action::FilterInput(' ')),
    bind(Code(KeyCode::Enter), Action::Accept),
    bind(Code(KeyCode::Esc), Action::Abort),
    bind(Ctrl('g'), Action::Abort),
    bind(Ctrl('c'), Action::Abort),
    bind(Code(KeyCode::Tab), Action::MarkDown),
    bind(Code(KeyCode::BackTab), Action::MarkUp),
    bind(Code(KeyCode::Down), Action::Down),
    bind(Ctrl('n'), Action::Down),
    bind(Code(KeyCode::Up), Action::Up),
    bind(Ctrl('p'), Action::Up),
    bind(Ctrl('k'), Action::Up),
    bind(Code(KeyCode::PageUp), Action::PageUp),
    bind(Code(KeyCode::PageDown), Action::PageDown),
    bind(Code(KeyCode::Backspace), Action::FilterBackspace),
    bind(Ctrl('h'), Action::FilterBackspace),
    bind(Ctrl('w'), Action::FilterDeleteWord),
    bind(Ctrl('u'), Action::ClearFilter),
    bind(Code(KeyCode::Left), Action::FilterCursor(Motion::Left)),
    bind(Code(KeyCode::Right), Action::FilterCursor(Motion::Right)),
    bind(Ctrl('a'), Action::FilterCursor(Motion::Start)),
    bind(Ctrl('e'), Action::FilterCursor(Motion::End)),
    bind(Code(KeyCode::Home), Action::FilterCursor(Motion::Start)),
    bind(Code(KeyCode::End), Action::FilterCursor(Motion::End)),
    bind(Alt('b'), Action::FilterCursor(Motion::WordLeft)),
    bind(Alt('f'), Action::FilterCursor(Motion::WordRight)),
    bind(Ctrl('o'), Action::FocusNext),
    bind(Code(KeyCode::F(1)), Action::ToggleHelp),
];

/// The help overlay over `profdex pick`: `Esc` closes it, it does not abort.
pub const PICK_HELP: &[Binding] = &[
    bind(Code(KeyCode::Esc), Action::ToggleHelp),
    bind(Code(KeyCode::F(1)), Action::ToggleHelp),
    bind(Char('?'), Action::ToggleHelp),
    bind(Char('q'), Action::ToggleHelp),
    bind(Char('j'), Action::Down),
    bind(Code(KeyCode::Down), Action::Down),
    bind(Char('k'), Action::Up),
    bind(Code(KeyCode::Up), Action::Up),
    bind(Code(KeyCode::PageUp), Action::PageUp),
    bind(Code(KeyCode::PageDown), Action::PageDown),
    bind(Char('g'), Action::Top),
    bind(Code(KeyCode::Home), Action::Top),
    bind(Char('G'), Action::Bottom),
    bind(Code(KeyCode::End), Action::Bottom),
    bind(Ctrl('c'), Action::Abort),
];

/// The sections of the help overlay over `profdex pick`.
pub const PICK_SECTIONS: &[(&str, Mode)] = &[
    ("Picking (profdex pick)", Mode::Pick),
    ("In this help", Mode::PickHelp),
];

/// The help's sections in `mode`: the picker's own, or the browser's.
pub fn sections(mode: Mode) -> &'static [(&'static str, Mode)] {
    if matches!(mode, Mode::Pick | Mode::PickHelp) {
        PICK_SECTIONS
    } else {
        SECTIONS
    }
}
