//! Every key and what it does, one binding per line. The event loop, the
//! help overlay, the status line and the pane hints all read these tables,
//! so they cannot disagree; labels are derived from the keys themselves and
//! descriptions come from the actions (`Action::description`). These are
//! the built-in keys (`defaults`); `bindings` gives the keys in force, the
//! config file's merged in (`config::keymap`).

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use crate::app::{Action, Mode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    Alt(char),
    /// `1` to `9`: the action's number is the digit pressed.
    Digit,
    /// Any other printable character: the action's character is the one typed.
    Text,
    /// Any key no other binding of the mode takes.
    Any,
}

/// One key and the action it stands for. For `Key::Digit` and `Key::Text`
/// the action's number or character is a placeholder for the one pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub key: Key,
    pub action: Action,
}

pub const fn bind(key: Key, action: Action) -> Binding {
    Binding { key, action }
}

use crate::app::Motion;
use Key::{Alt, Any, Char, Code, Ctrl, Digit, Text};

mod pick;

pub use pick::{PICK, PICK_HELP, PICK_SECTIONS, sections};

pub const BROWSE: &[Binding] = &[
    bind(Char('/'), Action::StartFilter),
    bind(Ctrl('u'), Action::ClearFilter),
    bind(Code(KeyCode::Esc), Action::Cancel),
    bind(Char('j'), Action::Down),
    bind(Code(KeyCode::Down), Action::Down),
    bind(Ctrl('n'), Action::Down),
    bind(Char('k'), Action::Up),
    bind(Code(KeyCode::Up), Action::Up),
    bind(Ctrl('p'), Action::Up),
    bind(Char('g'), Action::Top),
    bind(Code(KeyCode::Home), Action::Top),
    bind(Char('G'), Action::Bottom),
    bind(Code(KeyCode::End), Action::Bottom),
    bind(Code(KeyCode::PageUp), Action::PageUp),
    bind(Code(KeyCode::PageDown), Action::PageDown),
    bind(Code(KeyCode::Tab), Action::FocusNext),
    bind(Code(KeyCode::BackTab), Action::FocusPrevious),
    bind(Char('h'), Action::FocusLeft),
    bind(Code(KeyCode::Left), Action::FocusLeft),
    bind(Char('l'), Action::FocusRight),
    bind(Code(KeyCode::Right), Action::FocusRight),
    bind(Code(KeyCode::Enter), Action::OpenWebsite),
    bind(Char('o'), Action::OpenWebsite),
    bind(Char('s'), Action::JumpToSchool),
    bind(Char('t'), Action::ToggleTopics),
    bind(Char('r'), Action::FocusRelated),
    bind(Code(KeyCode::Backspace), Action::Back),
    bind(Digit, Action::OpenLab(0)),
    bind(Char('b'), Action::ToggleFavorite),
    bind(Char('y'), Action::CopyUrl),
    bind(Ctrl('r'), Action::Reload),
    bind(Char('L'), Action::CheckLinks),
    bind(Char('Y'), Action::CopyOther),
    bind(Char('n'), Action::EditNote),
    bind(Char('N'), Action::EditNoteExternally),
    bind(Char('c'), Action::CycleStatus),
    bind(Char('C'), Action::EditStatus),
    bind(Char('u'), Action::Undo),
    bind(Char('S'), Action::SortFavorites),
    bind(Char('F'), Action::FilterStatus),
    bind(Char('?'), Action::ToggleHelp),
    bind(Char('q'), Action::Quit),
    bind(Ctrl('c'), Action::Quit),
    #[cfg(unix)]
    bind(Ctrl('z'), Action::Suspend),
];

pub const FILTER: &[Binding] = &[
    bind(Text, Action::FilterInput(' ')),
    bind(Code(KeyCode::Enter), Action::FilterAccept),
    bind(Code(KeyCode::Esc), Action::LeaveFilter),
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
    bind(Code(KeyCode::Down), Action::Down),
    bind(Ctrl('n'), Action::Down),
    bind(Code(KeyCode::Up), Action::Up),
    bind(Ctrl('p'), Action::Up),
    bind(Code(KeyCode::PageUp), Action::PageUp),
    bind(Code(KeyCode::PageDown), Action::PageDown),
    bind(Ctrl('c'), Action::Quit),
    #[cfg(unix)]
    bind(Ctrl('z'), Action::Suspend),
];

pub const HELP: &[Binding] = &[
    bind(Code(KeyCode::Esc), Action::ToggleHelp),
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
    bind(Ctrl('c'), Action::Quit),
    #[cfg(unix)]
    bind(Ctrl('z'), Action::Suspend),
];

pub const RELATED: &[Binding] = &[
    bind(Code(KeyCode::Enter), Action::JumpToRelated(0)),
    bind(Digit, Action::JumpToRelated(0)),
    bind(Char('j'), Action::Down),
    bind(Code(KeyCode::Down), Action::Down),
    bind(Char('k'), Action::Up),
    bind(Code(KeyCode::Up), Action::Up),
    bind(Code(KeyCode::Esc), Action::LeaveRelated),
    bind(Char('r'), Action::LeaveRelated),
    bind(Code(KeyCode::Backspace), Action::Back),
    bind(Char('?'), Action::ToggleHelp),
    bind(Char('q'), Action::Quit),
    bind(Ctrl('c'), Action::Quit),
    #[cfg(unix)]
    bind(Ctrl('z'), Action::Suspend),
];

/// The one-line editor of a note or a status: the filter's editing keys.
pub const NOTE: &[Binding] = &[
    bind(Text, Action::FilterInput(' ')),
    bind(Code(KeyCode::Enter), Action::SaveText),
    bind(Code(KeyCode::Esc), Action::Cancel),
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
    bind(Ctrl('c'), Action::Quit),
    #[cfg(unix)]
    bind(Ctrl('z'), Action::Suspend),
];

/// Asked whether to remove a favorite with a note or a status: `b`
/// again removes it, anything else keeps it.
pub const CONFIRM: &[Binding] = &[
    bind(Char('b'), Action::ToggleFavorite),
    bind(Code(KeyCode::Esc), Action::Cancel),
    bind(Any, Action::Cancel),
    bind(Ctrl('c'), Action::Quit),
    #[cfg(unix)]
    bind(Ctrl('z'), Action::Suspend),
];

/// The chooser of a field to copy.
pub const CHOOSE: &[Binding] = &[
    bind(Code(KeyCode::Enter), Action::CopyField(0)),
    bind(Digit, Action::CopyField(0)),
    bind(Char('o'), Action::OpenField),
    bind(Char('j'), Action::Down),
    bind(Code(KeyCode::Down), Action::Down),
    bind(Char('k'), Action::Up),
    bind(Code(KeyCode::Up), Action::Up),
    bind(Code(KeyCode::Esc), Action::Cancel),
    bind(Char('Y'), Action::Cancel),
    bind(Char('q'), Action::Cancel),
    bind(Ctrl('c'), Action::Quit),
    #[cfg(unix)]
    bind(Ctrl('z'), Action::Suspend),
];

/// What a key does while the data loads, before there is a browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadingKey {
    Quit,
    /// Exit 130, as an interrupted program does (fzf, or profdex on a
    /// SIGINT before its screen is up): what was asked for was not done.
    Interrupt,
    Suspend,
}

pub const LOADING: &[(Key, LoadingKey)] = &[
    (Char('q'), LoadingKey::Quit),
    (Code(KeyCode::Esc), LoadingKey::Quit),
    (Ctrl('c'), LoadingKey::Interrupt),
    #[cfg(unix)]
    (Ctrl('z'), LoadingKey::Suspend),
];

pub fn loading_key(event: &Event) -> Option<LoadingKey> {
    let Event::Key(key) = event else {
        return None;
    };
    if key.kind == KeyEventKind::Release {
        return None;
    }
    LOADING
        .iter()
        .find(|(bound, _)| bound.matches(key))
        .map(|&(_, what)| what)
}

/// The sections of the help overlay, one per mode.
pub const SECTIONS: &[(&str, Mode)] = &[
    ("Browsing", Mode::Browse),
    ("Filtering (after /)", Mode::Filter),
    ("Related people (after r)", Mode::Related),
    ("Editing a note or a status (after n or C)", Mode::Note),
    (
        "Removing a favorite with a note or a status (after b)",
        Mode::Confirm,
    ),
    ("Copying a field (after Y)", Mode::Choose),
    ("In this help", Mode::Help),
];

/// Every mode with keys, the browser's and the picker's, each once: what
/// a config file may rebind.
pub fn every_section() -> impl Iterator<Item = &'static (&'static str, Mode)> {
    SECTIONS.iter().chain(PICK_SECTIONS)
}

/// The keys in force in `mode`: these tables as the config file changed
/// them.
pub fn bindings(mode: Mode) -> &'static [Binding] {
    crate::config::keymap::current().bindings(mode)
}

/// The built-in keys of `mode`, before any config.
pub fn defaults(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Browse => BROWSE,
        Mode::Filter => FILTER,
        Mode::Help => HELP,
        Mode::Related => RELATED,
        Mode::Note => NOTE,
        Mode::Confirm => CONFIRM,
        Mode::Choose => CHOOSE,
        Mode::Pick => PICK,
        Mode::PickHelp => PICK_HELP,
    }
}

impl Key {
    /// How the help and the hints write the key.
    pub fn label(self) -> String {
        match self {
            Char(' ') => "Space".into(),
            Char(c) => c.to_string(),
            Ctrl(c) => format!("Ctrl-{c}"),
            Alt(c) => format!("Alt-{c}"),
            Digit => "1–9".into(),
            Text => "text".into(),
            Any => "any other key".into(),
            Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Backspace => "Backspace".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            },
        }
    }

    /// Whether `event` presses this key.
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let plain = !ctrl && !alt;
        match (self, event.code) {
            (Char(wanted), KeyCode::Char(c)) => c == wanted && plain,
            (Ctrl(wanted), KeyCode::Char(c)) => c.eq_ignore_ascii_case(&wanted) && ctrl,
            (Alt(wanted), KeyCode::Char(c)) => c == wanted && alt && !ctrl,
            (Digit, KeyCode::Char(c)) => plain && c.is_ascii_digit() && c != '0',
            (Text, KeyCode::Char(_)) => plain,
            (Any, _) => true,
            (Code(wanted), code) => code == wanted && plain,
            _ => false,
        }
    }

    /// The action `template` stands for when `event` presses this key.
    fn pressed_by(self, event: &KeyEvent, template: &Action) -> Option<Action> {
        if !self.matches(event) {
            return None;
        }
        Some(match (template, event.code) {
            (Action::OpenLab(_), KeyCode::Char(c)) => {
                Action::OpenLab(c.to_digit(10).map_or(0, |n| n as usize))
            }
            (Action::JumpToRelated(_), KeyCode::Char(c)) => {
                Action::JumpToRelated(c.to_digit(10).map_or(0, |n| n as usize))
            }
            (Action::CopyField(_), KeyCode::Char(c)) => {
                Action::CopyField(c.to_digit(10).map_or(0, |n| n as usize))
            }
            (Action::FilterInput(_), KeyCode::Char(c)) => Action::FilterInput(c),
            (action, _) => action.clone(),
        })
    }
}

/// Whether two actions are the same but for the number or character that
/// `Key::Digit` and `Key::Text` fill in. Each motion of the cursor is an
/// action of its own, so the help lists them in pairs.
fn same_kind(a: &Action, b: &Action) -> bool {
    match (a, b) {
        (Action::FilterCursor(a), Action::FilterCursor(b)) => a == b,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// The bindings of `mode` grouped by action, in table order: what the help
/// overlay lists, one row per action with all of its keys.
pub fn grouped(mode: Mode) -> Vec<(Vec<Key>, &'static Action)> {
    let mut groups: Vec<(Vec<Key>, &'static Action)> = Vec::new();
    for binding in bindings(mode) {
        match groups
            .iter_mut()
            .find(|(_, action)| same_kind(action, &binding.action))
        {
            Some((keys, _)) => keys.push(binding.key),
            None => groups.push((vec![binding.key], &binding.action)),
        }
    }
    groups
}

/// A row of the help: the keys of one action, or of two that pair (the
/// two directions of one move, their keys interleaved: `h l ← →`).
pub struct HelpRow {
    pub keys: Vec<Key>,
    pub description: &'static str,
}

pub fn help_rows(mode: Mode) -> Vec<HelpRow> {
    let mut rows = Vec::new();
    let mut groups = grouped(mode).into_iter().peekable();
    while let Some((keys, action)) = groups.next() {
        let pair = groups
            .peek()
            .and_then(|(_, next)| action.pair_description(next, mode));
        let partner = pair.and_then(|_| groups.next());
        let row = match (pair, partner) {
            (Some(description), Some((other, _))) => {
                let mut both = Vec::new();
                for i in 0..keys.len().max(other.len()) {
                    both.extend(keys.get(i));
                    both.extend(other.get(i));
                }
                HelpRow {
                    keys: both,
                    description,
                }
            }
            _ => HelpRow {
                keys,
                description: action.description(mode),
            },
        };
        rows.push(row);
    }
    rows
}

/// Every key bound to `action` in `mode`, as the help writes them.
pub fn label(mode: Mode, action: &Action) -> String {
    let keys: Vec<String> = bindings(mode)
        .iter()
        .filter(|binding| same_kind(&binding.action, action))
        .map(|binding| binding.key.label())
        .collect();
    keys.join(" ")
}

/// The first key bound to `action` in `mode`: what a hint shows. Empty
/// when no key is bound (a test keeps every hint bound).
pub fn primary(mode: Mode, action: &Action) -> String {
    bindings(mode)
        .iter()
        .find(|binding| same_kind(&binding.action, action))
        .map(|binding| binding.key.label())
        .unwrap_or_default()
}

/// The status line's hints for `mode`: (keys, word) for each action with a
/// hint, its first key; neighbours sharing a word share the entry.
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for (keys, action) in grouped(mode) {
        let Some(word) = action.hint(mode) else {
            continue;
        };
        let key = keys[0].label();
        match hints.last_mut() {
            Some((shown, last)) if *last == word => {
                shown.push(' ');
                shown.push_str(&key);
            }
            _ => hints.push((key, word)),
        }
    }
    hints
}

pub fn action_for_key(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Named keys first, so that a `Text` or `Any` binding never shadows them.
    let (named, text): (Vec<&Binding>, Vec<&Binding>) = bindings(mode)
        .iter()
        .partition(|b| !matches!(b.key, Text | Any));
    named
        .into_iter()
        .chain(text)
        .find_map(|binding| binding.key.pressed_by(event, &binding.action))
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
        // Pasted text goes into the filter (or the note being typed).
        Event::Paste(text) if !matches!(mode, Mode::Help | Mode::Choose | Mode::PickHelp) => {
            Some(Action::FilterPaste(text.clone()))
        }
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
    fn keys_while_loading() {
        let key = |code, modifiers| loading_key(&Event::Key(press(code, modifiers)));
        let none = KeyModifiers::NONE;
        assert_eq!(key(KeyCode::Char('q'), none), Some(LoadingKey::Quit));
        assert_eq!(key(KeyCode::Esc, none), Some(LoadingKey::Quit));
        let ctrl = KeyModifiers::CONTROL;
        assert_eq!(key(KeyCode::Char('c'), ctrl), Some(LoadingKey::Interrupt));
        #[cfg(unix)]
        assert_eq!(key(KeyCode::Char('z'), ctrl), Some(LoadingKey::Suspend));
        assert_eq!(key(KeyCode::Char('j'), none), None);
        assert_eq!(key(KeyCode::Char('q'), ctrl), None);
    }

    #[cfg(unix)]
    #[test]
    fn ctrl_z_suspends_in_every_mode() {
        let ctrl_z = press(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for &(_, mode) in SECTIONS {
            assert_eq!(action_for_key(mode, &ctrl_z), Some(Action::Suspend));
            assert_eq!(label(mode, &Action::Suspend), "Ctrl-z");
        }
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
        assert_eq!(act(KeyCode::Char('x'), KeyModifiers::ALT), None);
    }

    /// The line editing a shell's readline has, and `Esc` keeping the text.
    #[test]
    fn the_filter_edits_like_a_shell_line() {
        let act = |code, m| action_for_key(Mode::Filter, &press(code, m));
        let (ctrl, alt) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
        assert_eq!(act(KeyCode::Char('h'), ctrl), Some(Action::FilterBackspace));
        assert_eq!(
            act(KeyCode::Esc, KeyModifiers::NONE),
            Some(Action::LeaveFilter)
        );
        let moves = [
            (KeyCode::Left, KeyModifiers::NONE, Motion::Left),
            (KeyCode::Right, KeyModifiers::NONE, Motion::Right),
            (KeyCode::Char('a'), ctrl, Motion::Start),
            (KeyCode::Char('e'), ctrl, Motion::End),
            (KeyCode::Char('b'), alt, Motion::WordLeft),
            (KeyCode::Char('f'), alt, Motion::WordRight),
        ];
        for (code, modifiers, motion) in moves {
            assert_eq!(
                act(code, modifiers),
                Some(Action::FilterCursor(motion)),
                "{code:?}"
            );
        }
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for &(_, mode) in SECTIONS {
            assert_eq!(
                action_for_key(mode, &ctrl_c),
                Some(Action::Quit),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn labels_come_from_the_keys() {
        assert_eq!(label(Mode::Browse, &Action::Down), "j ↓ Ctrl-n");
        assert_eq!(label(Mode::Browse, &Action::OpenWebsite), "Enter o");
        assert_eq!(label(Mode::Browse, &Action::OpenLab(0)), "1–9");
        assert_eq!(label(Mode::Help, &Action::ToggleHelp), "Esc ? q");
        assert_eq!(primary(Mode::Browse, &Action::Quit), "q");
        assert_eq!(
            hints(Mode::Filter),
            [
                ("Enter Esc".to_string(), "keep"),
                ("Ctrl-u".to_string(), "clear"),
                ("↓ ↑".to_string(), "move"),
            ]
        );
    }

    /// Every key a hint or the help shows does what they say it does.
    #[test]
    fn every_label_presses_its_action() {
        for &(_, mode) in SECTIONS {
            for (keys, action) in grouped(mode) {
                assert!(!action.description(mode).is_empty(), "{action:?}");
                for key in keys {
                    let code = match key {
                        Char(c) | Ctrl(c) | Alt(c) => KeyCode::Char(c),
                        Code(code) => code,
                        Digit => KeyCode::Char('7'),
                        Text => KeyCode::Char('x'),
                        Any => KeyCode::F(5),
                    };
                    let modifiers = match key {
                        Ctrl(_) => KeyModifiers::CONTROL,
                        Alt(_) => KeyModifiers::ALT,
                        _ => KeyModifiers::NONE,
                    };
                    let pressed = action_for_key(mode, &press(code, modifiers));
                    let same = pressed.as_ref().is_some_and(|pressed| {
                        std::mem::discriminant(pressed) == std::mem::discriminant(action)
                    });
                    assert!(same, "{} in {mode:?}: {pressed:?}", key.label());
                }
            }
            for (keys, word) in hints(mode) {
                assert!(!keys.is_empty(), "{word} has a key in {mode:?}");
            }
        }
    }

    /// fzf's keys in `profdex pick`, and no `Ctrl-z`: a stopped child of
    /// the shell's `$(…)` could not be resumed.
    #[test]
    fn picking_keys_are_fzf_s() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let act = |mode, code, m| action_for_key(mode, &press(code, m));
        assert_eq!(
            act(Mode::Pick, KeyCode::Char('q'), none),
            Some(Action::FilterInput('q'))
        );
        assert_eq!(act(Mode::Pick, KeyCode::Enter, none), Some(Action::Accept));
        for (code, m) in [
            (KeyCode::Esc, none),
            (KeyCode::Char('g'), ctrl),
            (KeyCode::Char('c'), ctrl),
        ] {
            assert_eq!(act(Mode::Pick, code, m), Some(Action::Abort), "{code:?}");
        }
        assert_eq!(act(Mode::Pick, KeyCode::Tab, none), Some(Action::MarkDown));
        assert_eq!(
            act(Mode::Pick, KeyCode::BackTab, none),
            Some(Action::MarkUp)
        );
        assert_eq!(
            act(Mode::Pick, KeyCode::Char('o'), ctrl),
            Some(Action::FocusNext)
        );
        assert_eq!(
            act(Mode::Pick, KeyCode::F(1), none),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            act(Mode::PickHelp, KeyCode::Esc, none),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            act(Mode::PickHelp, KeyCode::F(1), none),
            Some(Action::ToggleHelp)
        );
        assert_eq!(label(Mode::Pick, &Action::ToggleHelp), "F1");
        for &(_, mode) in PICK_SECTIONS {
            assert_eq!(act(mode, KeyCode::Char('z'), ctrl), None, "{mode:?}");
            assert_eq!(
                act(mode, KeyCode::Enter, none).filter(|a| *a == Action::OpenWebsite),
                None
            );
            for (keys, action) in grouped(mode) {
                assert!(!action.description(mode).is_empty(), "{action:?}");
                for key in keys {
                    let (code, modifiers) = match key {
                        Char(c) => (KeyCode::Char(c), none),
                        Ctrl(c) => (KeyCode::Char(c), ctrl),
                        Alt(c) => (KeyCode::Char(c), KeyModifiers::ALT),
                        Code(code) => (code, none),
                        Digit => (KeyCode::Char('7'), none),
                        Text => (KeyCode::Char('x'), none),
                        Any => (KeyCode::F(5), none),
                    };
                    let pressed = act(mode, code, modifiers);
                    let same = pressed.as_ref().is_some_and(|pressed| {
                        std::mem::discriminant(pressed) == std::mem::discriminant(action)
                    });
                    assert!(same, "{} in {mode:?}: {pressed:?}", key.label());
                }
            }
        }
    }
}
