//! The screen, drawn from `&App`: one file per pane, styles from `Theme`,
//! geometry from `layout`. Drawing never changes the app; what a frame
//! measured (how far its text scrolls) is returned as `Drawn` for the
//! runner to hand to the next `update`.
//!
//! Text from data is made safe for the terminal here (`safe`,
//! `highlighted`), at the one place it is drawn.

mod abbrev;
mod chart;
mod chooser;
mod detail;
mod faculty;
mod help;
mod pick;
mod schools;
mod shortlist;
mod status;
mod topics;

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;

pub use crate::theme::Theme;

use crate::app::{Action, App, Drawn, LineEdit, Mode, Pane, Prompt, Scope};
use crate::keys;
use crate::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::model::{Person, TOPIC_SEPARATOR};
use crate::sanitize::stand_in;
use crate::wrap::wrap;

/// Draws the whole screen and says what it measured.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Drawn {
    let mut drawn = Drawn::default();
    let panes = layout::layout(area, app.screen.focus(), app.screen.left());
    let theme = app.screen.theme();
    if panes.too_small {
        let message = format!(
            "Terminal too small ({}x{}). profdex needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Press {} to quit.",
            area.width,
            area.height,
            if app.screen.picking() {
                keys::primary(Mode::Pick, &Action::Abort)
            } else {
                keys::primary(Mode::Browse, &Action::Quit)
            },
        );
        let rows = wrap(
            &[Span::styled(message, theme.text)],
            usize::from(area.width),
            0,
        );
        Paragraph::new(rows).render(area, buf);
        return drawn;
    }
    if let Some(rect) = panes.left {
        if panes.left_pane == Pane::Topics {
            topics::render(app, rect, panes.left_rows, buf);
        } else {
            schools::render(app, rect, panes.left_rows, buf);
        }
    }
    if let Some(rect) = panes.faculty {
        faculty::render(app, rect, &panes, buf);
    }
    if let Some(rect) = panes.detail {
        let (limit, shown) = detail::render(app, rect, buf);
        drawn.detail_scroll_limit = Some(limit);
        drawn.detail_scroll_shown = Some(shown);
    }
    if let Some(rect) = panes.chart {
        chart::render(app, rect, buf);
    }
    status::render(app, panes.status, buf);
    if app.screen.mode().is_help() {
        drawn.help_scroll_limit = Some(help::render(app, area, buf));
    }
    if let (Mode::Choose, Some(Prompt::Copy(choices))) = (app.screen.mode(), &app.prompt) {
        chooser::render(app, choices, area, buf);
    }
    drawn
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        draw(self, area, buf);
    }
}

/// What the screen shows while the directory files are read.
pub fn render_loading(files: usize, area: Rect, buf: &mut Buffer) {
    let plural = if files == 1 { "" } else { "s" };
    let message = format!("Loading {files} directory file{plural}…");
    Paragraph::new(wrap(&[Span::raw(message)], usize::from(area.width), 0)).render(area, buf);
}

/// What a scope is called on screen, made safe.
fn scope_name(app: &App, scope: Scope) -> String {
    match scope {
        Scope::All => "All schools".to_string(),
        Scope::Favorites => "★ Favorites".to_string(),
        Scope::School(school) => safe(&app.catalogue.directory().schools[school].name),
    }
}

/// A bordered pane, its border showing whether it has the focus.
fn pane_block<'a>(app: &App, title: Line<'a>, focused: bool) -> Block<'a> {
    let theme = app.screen.theme();
    let (border, kind) = if focused {
        (theme.border_focused, BorderType::Thick)
    } else {
        (theme.border, BorderType::Plain)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(title)
}

/// A left pane's bottom border: where the cursor is (`position` of
/// `total`), and its filter while it is set or edited.
fn list_footer<'a>(
    app: &App,
    mut block: Block<'a>,
    position: Option<usize>,
    total: usize,
    (line, editing): (&LineEdit, bool),
    width: u16,
) -> Block<'a> {
    let theme = app.screen.theme();
    if let Some(position) = position {
        let position = format!(" {position}/{total} ");
        block = block.title_bottom(Line::styled(position, theme.dim).right_aligned());
    }
    if editing || !line.is_empty() {
        // The filter on the bottom border, beside the position.
        let start = keys::primary(Mode::Browse, &Action::StartFilter);
        let room = usize::from(width).saturating_sub(start.len() + 14);
        let mut spans = vec![Span::styled(format!(" {start} "), theme.key)];
        spans.extend(line_spans(line, editing, room, theme));
        spans.push(Span::raw(" "));
        block = block.title_bottom(Line::from(spans).left_aligned());
    }
    block
}

/// Keys and what they do, as a pane's hint: each key is the first one
/// the key table binds to the action in `mode`.
fn key_hints(app: &App, mode: Mode, hints: &[(Action, &str)]) -> Vec<Span<'static>> {
    let theme = app.screen.theme();
    let mut spans = Vec::new();
    // The picker binds its own keys: a browser's hint would do something else.
    let mode = if app.screen.picking() {
        Mode::Pick
    } else {
        mode
    };
    for (action, word) in hints {
        if keys::primary(mode, action).is_empty() {
            continue;
        }
        spans.push(Span::styled(
            format!(" {}", keys::primary(mode, action)),
            theme.key,
        ));
        spans.push(Span::styled(format!(" {word}"), theme.dim));
    }
    spans.push(Span::raw(" "));
    spans
}

/// `text` as spans, the characters at `positions` in `matched` style, every
/// character from data made safe for the terminal. A combining mark takes
/// the style of the character it belongs to.
fn highlighted<'a>(text: &str, positions: &[usize], base: Style, matched: Style) -> Vec<Span<'a>> {
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (index, c) in text.chars().enumerate() {
        let is_mark = unicode_normalization::char::is_combining_mark(c);
        let is_match = if is_mark {
            run_matched
        } else {
            positions.binary_search(&index).is_ok()
        };
        if is_match != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = is_match;
        run.push(stand_in(c));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

/// Text from data, made safe for the terminal.
/// Each research topic with the highlight positions that fall in it,
/// counted from the topic's start: highlights are character positions in
/// the research line, the topics joined by [`TOPIC_SEPARATOR`].
fn topic_highlights<'a>(
    person: &'a Person,
    positions: &'a [usize],
) -> impl Iterator<Item = (&'a str, Vec<usize>)> + 'a {
    let separator = TOPIC_SEPARATOR.chars().count();
    let mut start = 0;
    person.research().map(move |topic| {
        let length = topic.chars().count();
        let inside = positions
            .iter()
            .filter(|&&p| p >= start && p < start + length)
            .map(|&p| p - start)
            .collect();
        start += length + separator;
        (topic, inside)
    })
}

fn safe(text: &str) -> String {
    crate::sanitize::sanitize(text).into_owned()
}

/// The columns `text` takes in the buffer, which places it grapheme by
/// grapheme. That can be more than the string's own width: a lone
/// skin-tone modifier joined to an emoji (`🏽` ZWJ `💻`) is one emoji of
/// width 2 to `unicode-width`, but two graphemes of width 2 each.
/// `text` must be made safe first (no control characters).
fn columns(text: &str) -> usize {
    text.graphemes(true)
        .map(|grapheme| usize::from(grapheme.cell_width()))
        .sum()
}

/// `text` cut to `width` columns, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut cut = String::new();
    for grapheme in text.graphemes(true) {
        used += usize::from(grapheme.cell_width());
        if used > room {
            break;
        }
        cut.push_str(grapheme);
    }
    cut.push('…');
    cut
}

/// The end of `text` that fits in `width` columns.
fn tail(text: &str, width: usize) -> &str {
    let mut used = 0;
    let mut start = text.len();
    for (at, grapheme) in text.grapheme_indices(true).rev() {
        used += usize::from(grapheme.cell_width());
        if used > width {
            break;
        }
        start = at;
    }
    &text[start..]
}

/// The start of `text` that fits in `width` columns.
fn head(text: &str, width: usize) -> &str {
    let mut used = 0;
    let mut end = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        used += usize::from(grapheme.cell_width());
        if used > width {
            break;
        }
        end = at + grapheme.len();
    }
    &text[..end]
}

/// A filter line's text in `room` columns with the cursor where it is
/// (`▏`, while editing): the text around the cursor stays in view, as
/// much before it as fits, then what follows.
fn line_spans(line: &LineEdit, editing: bool, room: usize, theme: &Theme) -> Vec<Span<'static>> {
    let (before, after) = line.text().split_at(line.cursor());
    let (before, after) = (safe(before), safe(after));
    let cursor = usize::from(editing);
    let room = room.saturating_sub(cursor);
    let shown_before = tail(&before, room).to_string();
    let shown_after = head(&after, room - columns(&shown_before)).to_string();
    let mut spans = vec![Span::styled(shown_before, theme.text)];
    if editing {
        spans.push(Span::styled("▏", theme.key));
    }
    spans.push(Span::styled(shown_after, theme.text));
    spans
}

/// A row count or width as the `u16` ratatui measures with, saturating.
fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::{columns, fit, head, line_spans, tail};
    use crate::app::{LineEdit, Motion};
    use crate::theme::Theme;

    #[test]
    fn the_filter_shows_the_text_around_its_cursor() {
        let mut line = LineEdit::default();
        line.insert("machine learning", 100);
        let shown = |line: &LineEdit, room| -> String {
            let spans = line_spans(line, true, room, &Theme::colored());
            spans.iter().map(|span| span.content.as_ref()).collect()
        };
        assert_eq!(shown(&line, 30), "machine learning▏");
        assert_eq!(shown(&line, 9), "learning▏");
        line.move_cursor(Motion::WordLeft);
        assert_eq!(shown(&line, 30), "machine ▏learning");
        assert_eq!(shown(&line, 12), "machine ▏lea");
        line.move_cursor(Motion::Start);
        assert_eq!(shown(&line, 6), "▏machi");
        assert_eq!(head("東京大学", 5), "東京");
    }

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("UC Berkeley", 20), "UC Berkeley");
        assert_eq!(fit("UC Berkeley", 6), "UC Be…");
        assert_eq!(fit("東京大学", 5), "東京…");
        assert_eq!(fit("abc", 0), "…");
    }

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("stoica", 10), "stoica");
        assert_eq!(tail("machine learning", 8), "learning");
        assert_eq!(tail("東京大学", 5), "大学");
        assert_eq!(tail("abc", 0), "");
        assert_eq!(tail("ion\u{A0}stoica", 7), "\u{A0}stoica");
    }

    /// Strings whose width is not the sum of their graphemes' widths, or
    /// whose graphemes are wider than they look: the filter line once
    /// panicked on them in debug builds and drew past its room in release.
    #[test]
    fn cuts_never_take_more_room_than_given() {
        let texts = [
            "\u{1F3FD}\u{200D}\u{1F4BB}",
            "databases \u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}\u{1F3FD}\u{200D}\u{1F4BB}\u{1F469}",
            "\u{1100}\u{1100}\u{1161}\u{115F}\u{1100}\u{1161}",
            "\u{301}e\u{301}\u{20DD}x",
            "\u{FF76}\u{FF9E}\u{FF77}\u{FF9E}",
            "\u{1F1EF}\u{1F1F5}\u{1F1E6}",
        ];
        for text in texts {
            for width in 0..=12 {
                let end = tail(text, width);
                assert!(columns(end) <= width, "tail({text:?}, {width}) = {end:?}");
                assert!(text.ends_with(end));
                let cut = fit(text, width);
                assert!(
                    columns(&cut) <= width.max(1),
                    "fit({text:?}, {width}) = {cut:?}"
                );
            }
        }
        assert_eq!(columns("\u{1F3FD}\u{200D}\u{1F4BB}"), 4);
        assert_eq!(tail("\u{1F3FD}\u{200D}\u{1F4BB}", 3), "\u{1F4BB}");
    }
}
