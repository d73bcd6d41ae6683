//! The names a config file uses for actions, modes, theme roles and keys.
//! They are part of the stable interface: a name, once given, is never
//! renamed. Naming a new action, mode or role is one line in its table.

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Style;

use crate::app::{Action, Mode, Motion};
use crate::keys::Key;
use crate::theme::Theme;

/// Every action of the key table. Actions that carry a number or a
/// character (`open-lab`, `type`) are named once, for all of them.
pub const ACTIONS: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("up", Action::Up),
    ("down", Action::Down),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("focus-next", Action::FocusNext),
    ("focus-previous", Action::FocusPrevious),
    ("focus-left", Action::FocusLeft),
    ("focus-right", Action::FocusRight),
    ("start-filter", Action::StartFilter),
    ("type", Action::FilterInput(' ')),
    ("delete-char", Action::FilterBackspace),
    ("delete-word", Action::FilterDeleteWord),
    ("cursor-left", Action::FilterCursor(Motion::Left)),
    ("cursor-right", Action::FilterCursor(Motion::Right)),
    ("cursor-start", Action::FilterCursor(Motion::Start)),
    ("cursor-end", Action::FilterCursor(Motion::End)),
    ("cursor-word-left", Action::FilterCursor(Motion::WordLeft)),
    ("cursor-word-right", Action::FilterCursor(Motion::WordRight)),
    ("accept-filter", Action::FilterAccept),
    ("leave-filter", Action::LeaveFilter),
    ("cancel", Action::Cancel),
    ("clear-filter", Action::ClearFilter),
    ("jump-to-school", Action::JumpToSchool),
    ("toggle-topics", Action::ToggleTopics),
    ("focus-related", Action::FocusRelated),
    ("jump-to-related", Action::JumpToRelated(0)),
    ("leave-related", Action::LeaveRelated),
    ("back", Action::Back),
    ("open-website", Action::OpenWebsite),
    ("open-lab", Action::OpenLab(0)),
    ("toggle-favorite", Action::ToggleFavorite),
    ("copy-url", Action::CopyUrl),
    ("edit-note", Action::EditNote),
    ("edit-note-externally", Action::EditNoteExternally),
    ("cycle-status", Action::CycleStatus),
    ("edit-status", Action::EditStatus),
    ("save-text", Action::SaveText),
    ("undo", Action::Undo),
    ("copy-other", Action::CopyOther),
    ("copy-field", Action::CopyField(0)),
    ("open-field", Action::OpenField),
    ("sort-favorites", Action::SortFavorites),
    ("filter-status", Action::FilterStatus),
    ("toggle-help", Action::ToggleHelp),
    ("suspend", Action::Suspend),
    ("reload", Action::Reload),
    ("check-links", Action::CheckLinks),
    ("accept", Action::Accept),
    ("abort", Action::Abort),
    ("mark-down", Action::MarkDown),
    ("mark-up", Action::MarkUp),
];

/// Every mode with keys of its own: `[keys.<name>]`.
pub const MODES: &[(&str, Mode)] = &[
    ("browse", Mode::Browse),
    ("filter", Mode::Filter),
    ("help", Mode::Help),
    ("related", Mode::Related),
    ("note", Mode::Note),
    ("confirm", Mode::Confirm),
    ("copy", Mode::Choose),
    ("pick", Mode::Pick),
    ("pick-help", Mode::PickHelp),
];

/// A theme role: the style of one part of the screen.
pub type Role = fn(&mut Theme) -> &mut Style;

/// Every field of the theme, by its `[theme]` name.
pub const ROLES: &[(&str, Role)] = &[
    ("text", |t| &mut t.text),
    ("dim", |t| &mut t.dim),
    ("heading", |t| &mut t.heading),
    ("border", |t| &mut t.border),
    ("border-focused", |t| &mut t.border_focused),
    ("title", |t| &mut t.title),
    ("selected", |t| &mut t.selected),
    ("selected-unfocused", |t| &mut t.selected_unfocused),
    ("matched", |t| &mut t.matched),
    ("star", |t| &mut t.star),
    ("link", |t| &mut t.link),
    ("key", |t| &mut t.key),
    ("error", |t| &mut t.error),
    ("status", |t| &mut t.status),
    ("bar", |t| &mut t.bar),
    ("bar-value", |t| &mut t.bar_value),
    ("todo", |t| &mut t.todo),
    ("waiting", |t| &mut t.waiting),
    ("answered", |t| &mut t.answered),
    ("closed", |t| &mut t.closed),
    ("own-status", |t| &mut t.own_status),
];

/// Whether two actions are one for naming: the same but for the number
/// or character a key fills in.
pub fn same_action(a: &Action, b: &Action) -> bool {
    match (a, b) {
        (Action::FilterCursor(a), Action::FilterCursor(b)) => a == b,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

pub fn action_name(action: &Action) -> Option<&'static str> {
    ACTIONS
        .iter()
        .find(|(_, named)| same_action(named, action))
        .map(|&(name, _)| name)
}

pub fn action(name: &str) -> Option<&'static Action> {
    ACTIONS
        .iter()
        .find(|(named, _)| *named == name)
        .map(|(_, action)| action)
}

pub fn mode_name(mode: Mode) -> &'static str {
    MODES
        .iter()
        .find(|&&(_, named)| named == mode)
        .map_or("?", |&(name, _)| name)
}

pub fn mode(name: &str) -> Option<Mode> {
    MODES
        .iter()
        .find(|(named, _)| *named == name)
        .map(|&(_, mode)| mode)
}

pub fn role(name: &str) -> Option<Role> {
    ROLES
        .iter()
        .find(|(named, _)| *named == name)
        .map(|&(_, role)| role)
}

/// Named keys without modifiers, by their config names.
const CODES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("page-up", KeyCode::PageUp),
    ("page-down", KeyCode::PageDown),
];

/// The placeholders of the key table: digits, typed text, any other key.
const PLACEHOLDERS: &[(&str, Key)] = &[("1-9", Key::Digit), ("text", Key::Text), ("any", Key::Any)];

/// A key as a config writes it: `j`, `G`, `ctrl-r`, `alt-b`, `shift-tab`,
/// `enter`, `space`, `f1`. `None` when it names no key.
pub fn parse_key(name: &str) -> Option<Key> {
    if let Some(&(_, key)) = PLACEHOLDERS.iter().find(|(n, _)| *n == name) {
        return Some(key);
    }
    if let Some(&(_, code)) = CODES.iter().find(|(n, _)| *n == name) {
        return Some(Key::Code(code));
    }
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(Key::Code(KeyCode::F(n)));
    }
    let single = |text: &str| {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && c != ' ' => Some(c),
            _ => None,
        }
    };
    let letter = |text: &str| match text {
        "space" => Some(' '),
        _ => single(text),
    };
    if let Some(rest) = name.strip_prefix("ctrl-") {
        // Control keys are letters, whatever their case.
        return letter(rest)
            .filter(|c| c.is_ascii_alphabetic() || *c == ' ')
            .map(|c| Key::Ctrl(c.to_ascii_lowercase()));
    }
    if let Some(rest) = name.strip_prefix("alt-") {
        return letter(rest).map(Key::Alt);
    }
    letter(name).map(Key::Char)
}

/// How a config writes `key`: what `parse_key` reads back.
pub fn key_name(key: Key) -> String {
    if let Some(&(name, _)) = PLACEHOLDERS.iter().find(|&&(_, k)| k == key) {
        return name.to_string();
    }
    let letter = |c: char| match c {
        ' ' => "space".to_string(),
        c => c.to_string(),
    };
    match key {
        Key::Char(c) => letter(c),
        Key::Ctrl(c) => format!("ctrl-{}", letter(c)),
        Key::Alt(c) => format!("alt-{}", letter(c)),
        Key::Code(KeyCode::F(n)) => format!("f{n}"),
        Key::Code(code) => CODES.iter().find(|&&(_, c)| c == code).map_or_else(
            || format!("{code:?}").to_lowercase(),
            |&(n, _)| n.to_string(),
        ),
        Key::Digit | Key::Text | Key::Any => String::new(),
    }
}

/// The name among `names` nearest to `wrong`, if one is near enough to
/// be what was meant: a typo, a letter left out, two swapped.
pub fn did_you_mean<'a>(wrong: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wrong.chars().count() / 3).max(1);
    names
        .into_iter()
        .map(|name| (distance(wrong, name), name))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

/// The edit distance, with a swap of neighbours counting as one edit.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys;

    #[test]
    fn every_bound_action_and_every_mode_has_a_name() {
        for &(_, mode) in keys::every_section() {
            assert!(MODES.iter().any(|&(_, m)| m == mode), "{mode:?}");
            for binding in keys::defaults(mode) {
                assert!(
                    action_name(&binding.action).is_some(),
                    "{:?} needs a line in names::ACTIONS",
                    binding.action
                );
            }
        }
    }

    #[test]
    fn names_are_kebab_case_and_unique() {
        let all = ACTIONS
            .iter()
            .map(|(n, _)| *n)
            .chain(MODES.iter().map(|(n, _)| *n))
            .chain(ROLES.iter().map(|(n, _)| *n));
        for name in all {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
        }
        for table in [
            ACTIONS.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            MODES.iter().map(|(n, _)| *n).collect(),
            ROLES.iter().map(|(n, _)| *n).collect(),
        ] {
            let unique: std::collections::HashSet<_> = table.iter().collect();
            assert_eq!(unique.len(), table.len());
        }
    }

    #[test]
    fn every_key_of_the_tables_round_trips_through_its_name() {
        for &(_, mode) in keys::every_section() {
            for binding in keys::defaults(mode) {
                let name = key_name(binding.key);
                assert_eq!(parse_key(&name), Some(binding.key), "{name}");
            }
        }
        for name in [
            "j",
            "G",
            "ctrl-r",
            "alt-b",
            "shift-tab",
            "enter",
            "esc",
            "space",
            "f1",
            "f12",
            "?",
            "ctrl-space",
            "alt-space",
            "page-down",
            "1-9",
            "é",
        ] {
            let key = parse_key(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(key_name(key), name);
        }
    }

    #[test]
    fn what_is_no_key_is_refused() {
        for name in [
            "", "ctrl-", "ctrl-1", "jk", "f0", "f13", "hyper-x", "Enter", " ",
        ] {
            assert_eq!(parse_key(name), None, "{name:?}");
        }
        assert_eq!(parse_key("ctrl-R"), Some(Key::Ctrl('r')));
    }

    #[test]
    fn near_misses_are_suggested() {
        let names = ACTIONS.iter().map(|(n, _)| *n);
        assert_eq!(
            did_you_mean("toggle-favourite", names.clone()),
            Some("toggle-favorite")
        );
        assert_eq!(did_you_mean("qiut", names.clone()), Some("quit"));
        assert_eq!(did_you_mean("launch-rockets", names), None);
    }
}
