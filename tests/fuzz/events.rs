//! What a user does to the terminal: key presses in every mode (bound keys
//! far more often than others, so that the browser goes everywhere),
//! words typed in bursts, a prompt opened and answered, pastes, clicks
//! and the wheel over the panes and off them, focus changes and resizes
//! from 0x0 to 250x80.

use profdex::app::App;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MediaKeyCode,
    ModifierKeyCode, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use crate::docs::Cast;
use crate::rng::Rng;
use crate::text;

/// Characters the key tables bind, in some mode, with or without Ctrl.
const BOUND: &[char] = &[
    '/', 'j', 'k', 'g', 'G', 'h', 'l', 'o', 'b', 'y', '?', 'q', '1', '2', '3', '9', '0', ' ', 'u',
    'w', 'n', 'p', 'c', 'z', 'J', 'Q', 'a', 'e', 'f', 's', 'r', 't', 'Y', 'N', 'C', 'S', 'F',
];

const NAMED: &[KeyCode] = &[
    KeyCode::Esc,
    KeyCode::Enter,
    KeyCode::Backspace,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::F(1),
    KeyCode::F(12),
    KeyCode::Null,
    KeyCode::CapsLock,
    KeyCode::Menu,
    KeyCode::KeypadBegin,
    KeyCode::Media(MediaKeyCode::Play),
    KeyCode::Modifier(ModifierKeyCode::LeftShift),
];

/// Terminal sizes around the layout's thresholds, tried more often.
const WIDTHS: &[u16] = &[
    0, 1, 2, 20, 39, 40, 41, 59, 60, 61, 80, 99, 100, 101, 120, 250,
];
const HEIGHTS: &[u16] = &[0, 1, 2, 5, 9, 10, 11, 12, 24, 32, 80];

/// The next thing the user does: one event, or a burst of them (a word
/// typed faster than frames are drawn).
pub fn next(rng: &mut Rng, app: &App, cast: &Cast) -> Vec<Event> {
    match rng.below(100) {
        0..=54 => vec![Event::Key(key(rng))],
        55..=64 => typing(rng, cast),
        65..=68 => vec![Event::Paste(paste(rng, cast))],
        69..=89 => vec![Event::Mouse(mouse(rng, app))],
        90..=95 => {
            let (width, height) = size(rng);
            vec![Event::Resize(width, height)]
        }
        96 | 97 => prompt(rng, cast),
        _ => vec![rng.pick(&[Event::FocusGained, Event::FocusLost]).clone()],
    }
}

/// A key that opens a prompt, then keys it takes: a field chosen after
/// `Y`, `b` twice, a note or a status typed and saved.
fn prompt(rng: &mut Rng, cast: &Cast) -> Vec<Event> {
    let plain = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
    let enter = press(KeyCode::Enter, KeyModifiers::NONE);
    match rng.below(4) {
        0 => {
            let mut events = vec![plain('Y')];
            if rng.percent(50) {
                events.push(plain('j'));
            }
            events.push(match rng.below(3) {
                0 => plain('o'),
                1 => enter,
                _ => plain(*rng.pick(&['1', '2', '3', '9'])),
            });
            events
        }
        1 => vec![plain('b'), plain('b')],
        _ => {
            let opener = if rng.percent(70) { 'n' } else { 'C' };
            let mut events = vec![plain(opener)];
            let text = if rng.percent(50) {
                rng.pick(&cast.people).clone()
            } else {
                text::text(rng, 10)
            };
            events.extend(text.chars().take(40).map(plain));
            events.push(enter);
            events
        }
    }
}

/// A terminal size from 0x0 to 250x80.
pub fn size(rng: &mut Rng) -> (u16, u16) {
    let width = if rng.percent(40) {
        *rng.pick(WIDTHS)
    } else {
        rng.u16_below(251)
    };
    let height = if rng.percent(40) {
        *rng.pick(HEIGHTS)
    } else {
        rng.u16_below(81)
    };
    (width, height)
}

fn key(rng: &mut Rng) -> KeyEvent {
    let code = match rng.below(10) {
        0..=4 => KeyCode::Char(*rng.pick(BOUND)),
        5 | 6 => KeyCode::Char(text::typed_char(rng)),
        _ => *rng.pick(NAMED),
    };
    let modifiers = match rng.below(100) {
        0..=74 => KeyModifiers::NONE,
        75..=86 => KeyModifiers::CONTROL,
        87..=92 => KeyModifiers::SHIFT,
        93..=96 => KeyModifiers::ALT,
        _ => KeyModifiers::from_bits_truncate(u8::try_from(rng.below(256)).unwrap_or(0)),
    };
    let kind = match rng.below(100) {
        0..=89 => KeyEventKind::Press,
        90..=96 => KeyEventKind::Repeat,
        _ => KeyEventKind::Release,
    };
    let state = if rng.one_in(20) {
        KeyEventState::from_bits_truncate(u8::try_from(rng.below(256)).unwrap_or(0))
    } else {
        KeyEventState::NONE
    };
    KeyEvent::new_with_kind_and_state(code, modifiers, kind, state)
}

/// Part of a name or word from the data, typed a key at a time, often
/// after `/` and now and then with a `Backspace` or `Ctrl-w` in it.
fn typing(rng: &mut Rng, cast: &Cast) -> Vec<Event> {
    let source = if rng.percent(70) {
        rng.pick(&cast.people).clone()
    } else {
        text::words(rng, 2)
    };
    let chars: Vec<char> = source.chars().collect();
    let start = rng.below(chars.len());
    let end = rng.range(start, chars.len().min(start + 40));
    let mut events = Vec::new();
    if rng.percent(60) {
        events.push(press(KeyCode::Char('/'), KeyModifiers::NONE));
    }
    for &c in &chars[start..end] {
        events.push(press(KeyCode::Char(c), KeyModifiers::NONE));
        if rng.one_in(15) {
            events.push(press(KeyCode::Backspace, KeyModifiers::NONE));
        }
        if rng.one_in(30) {
            events.push(press(KeyCode::Char('w'), KeyModifiers::CONTROL));
        }
    }
    events
}

fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn paste(rng: &mut Rng, cast: &Cast) -> String {
    match rng.below(100) {
        0..=49 => rng.pick(&cast.people).clone(),
        50..=79 => text::text(rng, 20),
        80..=97 => format!(
            "{}\n{}\t{}",
            text::words(rng, 3),
            text::text(rng, 3),
            text::run(rng)
        ),
        // Long pastes: one long word, or many words. Many more than a
        // thousand words take seconds each (issue 7, item 10), which
        // would stall the fuzzer: the ignored test
        // `a_long_paste_of_short_words_is_answered` keeps that case.
        _ if rng.percent(50) => {
            let unit = *rng.pick(&["x", "\u{1100}\u{1161}", "東", "e\u{301}"]);
            unit.repeat(rng.range(cast.limits.paste / 20, cast.limits.paste))
        }
        _ => {
            let unit = *rng.pick(&["a ", "ab ", "\u{1100}\u{1161} ", "東 "]);
            unit.repeat(rng.range(cast.limits.paste / 200, cast.limits.paste / 20))
        }
    }
}

fn mouse(rng: &mut Rng, app: &App) -> MouseEvent {
    let kind = match rng.below(100) {
        0..=39 => MouseEventKind::Down(MouseButton::Left),
        40..=59 => MouseEventKind::ScrollDown,
        60..=79 => MouseEventKind::ScrollUp,
        80..=83 => MouseEventKind::Down(MouseButton::Right),
        84..=86 => MouseEventKind::Down(MouseButton::Middle),
        87..=89 => MouseEventKind::Up(MouseButton::Left),
        90..=92 => MouseEventKind::Drag(MouseButton::Left),
        93..=95 => MouseEventKind::Moved,
        96..=97 => MouseEventKind::ScrollLeft,
        _ => MouseEventKind::ScrollRight,
    };
    let (column, row) = position(rng, app);
    let modifiers = if rng.one_in(10) {
        KeyModifiers::from_bits_truncate(u8::try_from(rng.below(256)).unwrap_or(0))
    } else {
        KeyModifiers::NONE
    };
    MouseEvent {
        kind,
        column,
        row,
        modifiers,
    }
}

/// Inside one of the panes' rows most of the time, anywhere on the screen
/// often, and off it now and then.
fn position(rng: &mut Rng, app: &App) -> (u16, u16) {
    let area = app.screen.area();
    let panes = app.screen.panes();
    let targets: Vec<Rect> = [
        Some(panes.left_rows),
        Some(panes.faculty_rows),
        Some(panes.filter),
        Some(panes.status),
        panes.left,
        panes.chart,
        panes.faculty,
        panes.detail,
    ]
    .into_iter()
    .flatten()
    .filter(|rect| !rect.is_empty())
    .collect();
    let rect = match rng.below(10) {
        0..=5 if !targets.is_empty() => *rng.pick(&targets),
        0..=8 => area,
        _ => {
            let far = [area.width, area.width.saturating_add(1), 300, u16::MAX];
            let high = [area.height, area.height.saturating_add(1), 100, u16::MAX];
            return (*rng.pick(&far), *rng.pick(&high));
        }
    };
    (
        rect.x.saturating_add(rng.u16_below(rect.width.max(1))),
        rect.y.saturating_add(rng.u16_below(rect.height.max(1))),
    )
}
