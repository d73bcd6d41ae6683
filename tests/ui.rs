//! The screen, rendered into ratatui's TestBackend from scripted actions on
//! the built-in data, compared with insta snapshots.

use profdex::app::{Action, App};
use profdex::screenshot::{app_after, render};
use profdex::ui::Theme;
use ratatui::buffer::Buffer;

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        for x in area.left()..area.right() {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Per row, the characters drawn in `style`: what the eye sees as
/// highlighted (the favorite star shares the colour, and is left out).
fn drawn_in(buffer: &Buffer, style: ratatui::style::Style) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .filter(|&x| {
                    let cell = &buffer[(x, y)];
                    Some(cell.fg) == style.fg
                        && cell.modifier.contains(ratatui::style::Modifier::BOLD)
                })
                .map(|x| buffer[(x, y)].symbol())
                .filter(|symbol| *symbol != "★")
                .collect::<String>()
                .trim()
                .to_string()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

fn typed(text: &str) -> Vec<Action> {
    let mut actions = vec![Action::StartFilter];
    actions.extend(text.chars().map(Action::FilterInput));
    actions
}

const FAVORITES: &[(&str, &str)] = &[("UC Berkeley", "Ion Stoica"), ("MIT", "Song Han")];

fn screen(app: &App) -> String {
    text(&render(app))
}

#[test]
fn start_screen() {
    insta::assert_snapshot!(screen(&app_after(120, 32, FAVORITES, &[])));
}

#[test]
fn filtered_with_highlights() {
    let app = app_after(120, 32, FAVORITES, &typed("stoica"));
    insta::assert_snapshot!(screen(&app));
    let matched = drawn_in(&render(&app), Theme::colored().matched);
    // In the list and in the detail pane.
    assert_eq!(matched, ["Stoica", "Stoica"]);
}

#[test]
fn research_matches_are_highlighted_in_the_detail() {
    let app = app_after(120, 32, &[], &typed("quantization"));
    let matched = drawn_in(&render(&app), Theme::colored().matched);
    assert_eq!(matched, ["quantization"]);
}

#[test]
fn no_matches() {
    insta::assert_snapshot!(screen(&app_after(120, 32, FAVORITES, &typed("xqzzy"))));
}

#[test]
fn favorites_view_with_a_missing_favorite() {
    let favorites = [
        ("UC Berkeley", "Ion Stoica"),
        ("MIT", "Someone Who Left"),
        ("MIT", "Song Han"),
    ];
    let app = app_after(120, 32, &favorites, &[Action::FocusLeft, Action::Down]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn detail_of_a_person_with_labs() {
    let app = app_after(120, 40, FAVORITES, &typed("song han"));
    let screen = screen(&app);
    for lab in [
        "1 CSAIL",
        "2 HAN Lab",
        "3 Data Systems Group",
        "4 Machine Learning Group",
    ] {
        assert!(screen.contains(lab), "{lab}:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn help_overlay() {
    insta::assert_snapshot!(screen(&app_after(
        120,
        40,
        FAVORITES,
        &[Action::ToggleHelp]
    )));
}

#[test]
fn at_60_by_20() {
    insta::assert_snapshot!(screen(&app_after(60, 20, FAVORITES, &[])));
}

#[test]
fn at_80_by_24_with_schools_focused() {
    insta::assert_snapshot!(screen(&app_after(
        80,
        24,
        FAVORITES,
        &[Action::FocusLeft, Action::Down]
    )));
}

#[test]
fn at_20_by_5() {
    insta::assert_snapshot!(screen(&app_after(20, 5, FAVORITES, &[])));
}

#[test]
fn every_size_renders_without_panicking() {
    for width in [0, 1, 2, 10, 39, 40, 41, 59, 60, 61, 99, 100, 101, 250] {
        for height in [0, 1, 2, 9, 10, 11, 24, 80] {
            let app = app_after(width, height, FAVORITES, &typed("a"));
            let buffer = render(&app);
            assert_eq!(buffer.area.width, width);
        }
    }
}
