//! Screenshots of the real UI: scenes rendered by the app's own drawing code
//! into a `TestBackend`, then written out as SVG. `cargo run --example
//! screenshots` refreshes `screenshots/`; a test fails when they are stale.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::app::{Action, App, Drawn, update};
use crate::favorites::{FavoriteKey, Favorites};
use crate::sources::{self, Input};
use crate::theme::Theme;

const CELL_WIDTH: f32 = 8.4;
const CELL_HEIGHT: f32 = 18.0;
const FONT_SIZE: f32 = 14.0;
const BACKGROUND: &str = "#1d2021";
const FOREGROUND: &str = "#d5c4a1";
/// A light terminal's, for the light theme.
const LIGHT_BACKGROUND: &str = "#ffffff";
const LIGHT_FOREGROUND: &str = "#1c1c1c";

/// The browser on the built-in data at `width` x `height`, after `actions`.
pub fn app_after(width: u16, height: u16, favorites: &[(&str, &str)], actions: &[Action]) -> App {
    let mut saved = Favorites::default();
    for (school, name) in favorites {
        saved.add(key(school, name));
    }
    app_with(width, height, saved, actions)
}

fn key(school: &str, name: &str) -> FavoriteKey {
    FavoriteKey {
        school: school.to_string(),
        name: name.to_string(),
        website: None,
    }
}

/// A shortlist under way: favorites with statuses, notes (one of
/// several lines) and dates, and one from before there were dates.
pub fn shortlist() -> Favorites {
    let mut saved = Favorites::default();
    let entries = [
        ("UC Berkeley", "Joseph Gonzalez", None, None, None),
        (
            "UC Berkeley",
            "Ion Stoica",
            Some("replied"),
            Some(
                "Happy to talk about RA positions in the Sky lab.\nSend CV and transcript by Friday.",
            ),
            Some("2025-02-11"),
        ),
        (
            "MIT",
            "Song Han",
            Some("contacted"),
            Some("Emailed about TinyML projects"),
            Some("2025-02-18"),
        ),
        (
            "UC Berkeley",
            "Matei Zaharia",
            Some("to contact"),
            Some("Ask about data + ML systems"),
            Some("2025-03-02"),
        ),
        (
            "MIT",
            "Samuel Madden",
            Some("declined"),
            Some("No students this year"),
            Some("2025-02-20"),
        ),
        (
            "MIT",
            "Yoon Kim",
            Some("met at NeurIPS"),
            None,
            Some("2025-03-04"),
        ),
    ];
    for (school, name, status, note, added) in entries {
        saved.edit(&key(school, name), added, |details| {
            details.status = status.map(String::from);
            details.note = note.map(String::from);
        });
    }
    saved
}

/// The browser on the built-in data with `saved` favorites, at `width` x
/// `height`, after `actions`.
pub fn app_with(width: u16, height: u16, saved: Favorites, actions: &[Action]) -> App {
    app_themed(width, height, saved, actions, Theme::colored())
}

/// Like `app_with`, in `theme`.
pub fn app_themed(
    width: u16,
    height: u16,
    saved: Favorites,
    actions: &[Action],
    theme: Theme,
) -> App {
    let inputs: Vec<Input> = sources::BUILTIN
        .iter()
        .map(|&(name, text)| Input::Builtin { name, text })
        .collect();
    let loaded = sources::load(&inputs);
    let mut app = App::new(
        loaded.directory,
        saved,
        theme,
        Rect::new(0, 0, width, height),
    );
    // As the runner does: a frame after every action, measured.
    for action in actions {
        draw(&mut app);
        update(&mut app, action.clone());
    }
    app
}

/// The screen as drawn now.
pub fn render(app: &App) -> Buffer {
    render_measured(app).0
}

/// Draws a frame and hands what it measured to the app, as the runner
/// does after every frame.
pub fn draw(app: &mut App) -> Buffer {
    let (buffer, drawn) = render_measured(app);
    update(app, Action::Drawn(drawn));
    buffer
}

fn render_measured(app: &App) -> (Buffer, Drawn) {
    let area = app.screen.area();
    let mut buffer = Buffer::empty(Rect::new(0, 0, area.width, area.height));
    let drawn = crate::ui::draw(app, buffer.area, &mut buffer);
    (buffer, drawn)
}

fn typed(text: &str) -> Vec<Action> {
    let mut actions = vec![Action::StartFilter];
    actions.extend(text.chars().map(Action::FilterInput));
    actions
}

/// The screenshots the README shows: (file stem, app).
pub fn scenes() -> Vec<(&'static str, App)> {
    let favorites = [
        ("UC Berkeley", "Ion Stoica"),
        ("MIT", "Song Han"),
        ("UC Berkeley", "Matei Zaharia"),
    ];
    let mut search = typed("sys dist");
    search.push(Action::Down);
    let mut related = typed("stoica");
    related.extend([Action::FilterAccept, Action::FocusRelated, Action::Down]);
    vec![
        ("start", app_after(120, 32, &favorites, &[])),
        ("search", app_after(120, 32, &favorites, &search)),
        (
            "favorites",
            app_with(
                160,
                40,
                shortlist(),
                &[
                    Action::FocusLeft,
                    Action::Down,
                    Action::FocusRight,
                    Action::SortFavorites,
                    Action::Top,
                    Action::Down,
                    Action::Down,
                ],
            ),
        ),
        (
            "help",
            app_after(120, 32, &favorites, &[Action::ToggleHelp]),
        ),
        ("narrow", app_after(80, 24, &favorites, &typed("stoica"))),
        ("related", app_after(120, 32, &favorites, &related)),
        (
            "topics",
            app_after(
                120,
                32,
                &favorites,
                &[Action::ToggleTopics, Action::Down, Action::Down],
            ),
        ),
        ("light", light(160, 48, &search)),
        ("light-narrow", light(80, 24, &typed("stoica"))),
    ]
}

/// The light theme (`preset = "light"`), the shortlist bookmarked.
fn light(width: u16, height: u16, actions: &[Action]) -> App {
    app_themed(width, height, shortlist(), actions, Theme::light())
}

/// The app's screen as an SVG picture, on a light terminal for the
/// light theme and a dark one otherwise.
pub fn picture(app: &App) -> String {
    let buffer = render(app);
    if *app.screen.theme() == Theme::light() {
        svg_on(&buffer, LIGHT_BACKGROUND, LIGHT_FOREGROUND)
    } else {
        to_svg(&buffer)
    }
}

/// The buffer's text, one line a row, without trailing blanks: what a
/// test compares with what a user would read.
pub fn text(buffer: &Buffer) -> String {
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

/// The buffer as an SVG picture of a terminal.
pub fn to_svg(buffer: &Buffer) -> String {
    svg_on(buffer, BACKGROUND, FOREGROUND)
}

fn svg_on(buffer: &Buffer, background: &'static str, foreground: &'static str) -> String {
    let area = buffer.area;
    let width = f32::from(area.width) * CELL_WIDTH;
    let height = f32::from(area.height) * CELL_HEIGHT;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="'DejaVu Sans Mono','Menlo','Consolas',monospace" font-size="{FONT_SIZE}">"#
    );
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{background}"/>"#
    );
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let start = &buffer[(x, y)];
            let style = (start.fg, start.bg, start.modifier);
            let mut text = String::new();
            let mut end = x;
            while end < area.right() {
                let cell = &buffer[(end, y)];
                if (cell.fg, cell.bg, cell.modifier) != style {
                    break;
                }
                text.push_str(cell.symbol());
                end += 1;
            }
            let colors = (background, foreground);
            run(&mut svg, (x, y, end - x), &text, style, colors);
            x = end;
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn run(
    svg: &mut String,
    (x, y, cells): (u16, u16, u16),
    text: &str,
    (fg, bg, modifier): (Color, Color, Modifier),
    (background, foreground): (&'static str, &'static str),
) {
    let (mut fg, mut bg) = (hex(fg, foreground), hex(bg, background));
    if modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    let left = f32::from(x) * CELL_WIDTH;
    let top = f32::from(y) * CELL_HEIGHT;
    let width = f32::from(cells) * CELL_WIDTH;
    if bg != background {
        let _ = writeln!(
            svg,
            r#"<rect x="{left}" y="{top}" width="{width}" height="{CELL_HEIGHT}" fill="{bg}"/>"#
        );
    }
    if text.trim().is_empty() {
        return;
    }
    let mut attributes = format!(r#"fill="{fg}""#);
    if modifier.contains(Modifier::BOLD) {
        attributes.push_str(r#" font-weight="bold""#);
    }
    if modifier.contains(Modifier::UNDERLINED) {
        attributes.push_str(r#" text-decoration="underline""#);
    }
    if modifier.contains(Modifier::DIM) {
        attributes.push_str(r#" opacity="0.6""#);
    }
    let baseline = top + CELL_HEIGHT * 0.75;
    let _ = writeln!(
        svg,
        r#"<text x="{left}" y="{baseline}" textLength="{width}" lengthAdjust="spacingAndGlyphs" xml:space="preserve" {attributes}>{}</text>"#,
        escape(text)
    );
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn hex(color: Color, default: &'static str) -> String {
    let named = match color {
        Color::Reset => default,
        Color::Black => "#1d2021",
        Color::Red => "#fb4934",
        Color::Green => "#b8bb26",
        Color::Yellow => "#fabd2f",
        Color::Blue => "#3b5f8a",
        Color::Magenta => "#d3869b",
        Color::Cyan => "#8ec07c",
        Color::Gray => "#a89984",
        Color::DarkGray => "#665c54",
        Color::LightRed => "#fb4934",
        Color::LightGreen => "#b8bb26",
        Color::LightYellow => "#fabd2f",
        Color::LightBlue => "#83a598",
        Color::LightMagenta => "#d3869b",
        Color::LightCyan => "#8ec07c",
        Color::White => "#fbf1c7",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(_) => default,
    };
    named.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn svg_has_text_backgrounds_and_escapes() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(
            0,
            0,
            "<a&b>",
            Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD),
        );
        let svg = to_svg(&buffer);
        assert!(svg.contains("&lt;a&amp;b&gt;"), "{svg}");
        assert!(svg.contains(r##"fill="#3b5f8a""##), "{svg}");
        assert!(svg.contains(r#"font-weight="bold""#), "{svg}");
        assert!(svg.starts_with("<svg"));
        assert!(svg.ends_with("</svg>\n"));
    }
}
