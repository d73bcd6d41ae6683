//! The shortlist on screen: a favorite's status in its colour, its note
//! (in the list, its first line; in the detail pane, all of it), and the
//! status line while a note is typed or a removal asked about.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{cells, columns, fit, head, safe, tail};
use crate::app::{Action, App, Mode, Prompt, TextField};
use crate::favorites::{Details, first_line};
use crate::keys;
use crate::theme::Theme;

/// How a line break in a note shows where the note is one line.
pub const BREAK: &str = "↵";

/// What marks a note's first line in the list.
pub const NOTE_MARK: &str = "✎ ";

/// Lines and characters of a note the detail pane shows, which it wraps
/// at every frame; the editor (`N`) has the rest.
const NOTE_LINES_SHOWN: usize = 200;
const NOTE_CHARS_SHOWN: usize = 20_000;

/// The start of `note` the detail pane shows.
fn head_of(note: &str) -> &str {
    let by_lines = note
        .match_indices('\n')
        .nth(NOTE_LINES_SHOWN - 1)
        .map_or(note.len(), |(at, _)| at);
    let by_chars = note
        .char_indices()
        .nth(NOTE_CHARS_SHOWN)
        .map_or(note.len(), |(at, _)| at);
    &note[..by_lines.min(by_chars)]
}

/// The style of a status: the known ones by how far along they are.
pub fn status_style(theme: &Theme, status: &str) -> Style {
    match status {
        "to contact" => theme.todo,
        "contacted" => theme.waiting,
        "replied" => theme.answered,
        "declined" => theme.closed,
        _ => theme.own_status,
    }
}

/// A note's first line, made safe, in `width` columns; `…` says there is
/// more, on later lines or past the edge.
pub fn note_first_line(note: &str, width: usize) -> String {
    // What can show, of a line that may be a whole book long.
    let first: String = first_line(note).chars().take(4 * width + 4).collect();
    let first = safe(&first);
    if first.len() < note.len() && columns(&first) < width {
        format!("{first} …")
    } else {
        fit(&first, width)
    }
}

/// The detail pane's lines about a favorite, under the school: its
/// status and the day it was added (or the keys that set a status and a
/// note), then its note, each line of it its own.
pub fn detail_lines(app: &App, details: &Details) -> Vec<(Vec<Span<'static>>, usize)> {
    let theme = app.screen.theme();
    let key = |action: Action| keys::primary(Mode::Browse, &action);
    let mut line = vec![Span::styled("Shortlist", theme.title)];
    let mut about: Vec<Span<'static>> = Vec::new();
    if let Some(status) = &details.status {
        about.push(Span::styled(safe(status), status_style(theme, status)));
    }
    if let Some(added) = &details.added {
        if !about.is_empty() {
            about.push(Span::styled(" · ", theme.dim));
        }
        about.push(Span::styled(format!("added {}", safe(added)), theme.dim));
    }
    if !about.is_empty() {
        line.push(Span::raw(" "));
        line.extend(about);
    }
    // The keys, until the favorite has a status or a note: then the
    // user knows them (and the help lists them).
    // The picker binds neither.
    if !details.has_work() && !app.screen.picking() {
        for (action, word) in [(Action::EditNote, "note"), (Action::CycleStatus, "status")] {
            line.push(Span::styled(format!("  {}", key(action)), theme.key));
            line.push(Span::styled(format!(" {word}"), theme.dim));
        }
    }
    let mut lines = vec![(line, 2)];
    if let Some(note) = &details.note {
        let shown = head_of(note);
        for (at, line) in shown.lines().enumerate() {
            let mark = if at == 0 { NOTE_MARK } else { "  " };
            let text = format!("{mark}{}", safe(line));
            lines.push((vec![Span::styled(text, theme.text)], 2));
        }
        if shown.len() < note.len() && !app.screen.picking() {
            let text = format!(
                "  … {} opens the whole note in your editor",
                key(Action::EditNoteExternally)
            );
            lines.push((vec![Span::styled(text, theme.dim)], 2));
        }
    }
    lines
}

/// The status line while a prompt has the keys: the note or status being
/// typed, or the question before a removal, then the mode's hints.
pub fn render_prompt(app: &App, hints: Vec<Span<'static>>, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let width = usize::from(area.width);
    let hints_width: usize = hints.iter().map(Span::width).sum();
    // The prompt first: the hints only where they leave it room.
    let hints = if hints_width + 30 <= width {
        hints
    } else {
        Vec::new()
    };
    let hints_width: usize = hints.iter().map(Span::width).sum();
    let gap = u16::from(hints_width > 0);
    let [left, _, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(gap),
        Constraint::Length(cells(hints_width)),
    ])
    .areas(area);
    let room = usize::from(left.width);
    let spans = match &app.prompt {
        Some(Prompt::Text(prompt)) => {
            let what = match prompt.field {
                TextField::Note => "Note",
                TextField::Status => "Status",
            };
            let label = fit(&format!(" {what} for {}: ", safe(&prompt.name)), room / 2);
            let rest = room.saturating_sub(columns(&label));
            let mut spans = vec![Span::styled(label, theme.key)];
            spans.extend(text_with_breaks(
                prompt.line.text(),
                prompt.line.cursor(),
                rest,
                theme,
            ));
            spans
        }
        Some(Prompt::Remove(removal)) => {
            let remove = keys::primary(Mode::Confirm, &Action::ToggleFavorite);
            let text = format!(
                " Remove {} and their {}? {remove} removes, any other key keeps them",
                safe(&removal.name),
                removal.losing
            );
            vec![Span::styled(fit(&text, room), theme.error)]
        }
        Some(Prompt::Copy(_)) | None => Vec::new(),
    };
    Line::from(spans).render(left, buf);
    if hints_width > 0 {
        Line::from(hints).render(right, buf);
    }
}

/// A line being typed in `room` columns, its cursor (`▏`) in view with
/// as much before it as fits, its line breaks shown as [`BREAK`].
fn text_with_breaks(text: &str, cursor: usize, room: usize, theme: &Theme) -> Vec<Span<'static>> {
    let shown = |text: &str| safe(&text.replace('\n', BREAK));
    let (before, after) = text.split_at(cursor);
    let (before, after) = (shown(before), shown(after));
    let room = room.saturating_sub(1);
    let before = tail(&before, room).to_string();
    let after = head(&after, room - columns(&before)).to_string();
    let mut spans = Vec::new();
    let push = |text: &str, spans: &mut Vec<Span<'static>>| {
        for (at, piece) in text.split(BREAK).enumerate() {
            if at > 0 {
                spans.push(Span::styled(BREAK, theme.key));
            }
            if !piece.is_empty() {
                spans.push(Span::styled(piece.to_string(), theme.text));
            }
        }
    };
    push(&before, &mut spans);
    spans.push(Span::styled("▏", theme.key));
    push(&after, &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_note_shows_its_breaks_and_keeps_the_cursor_in_view() {
        let theme = Theme::colored();
        let shown = |text: &str, cursor, room| -> String {
            let spans = text_with_breaks(text, cursor, room, &theme);
            spans.iter().map(|span| span.content.as_ref()).collect()
        };
        assert_eq!(shown("ask\nabout RA", 12, 30), "ask↵about RA▏");
        assert_eq!(shown("ask\nabout RA", 3, 30), "ask▏↵about RA");
        assert_eq!(shown("ask\nabout RA", 12, 6), "ut RA▏");
        assert_eq!(shown("a\u{1b}b", 0, 10), "▏a\u{241B}b");
    }

    #[test]
    fn the_detail_pane_shows_the_start_of_a_huge_note() {
        let lines = "line\n".repeat(500);
        assert_eq!(head_of(&lines).lines().count(), NOTE_LINES_SHOWN);
        let long = "東".repeat(NOTE_CHARS_SHOWN + 10);
        assert_eq!(head_of(&long).chars().count(), NOTE_CHARS_SHOWN);
        assert_eq!(head_of("short\nnote"), "short\nnote");
    }

    #[test]
    fn the_first_line_says_when_there_is_more() {
        assert_eq!(note_first_line("one line", 20), "one line");
        assert_eq!(note_first_line("first\nsecond", 20), "first …");
        assert_eq!(note_first_line("a long first line\nsecond", 8), "a long …");
        assert_eq!(note_first_line("", 5), "");
    }
}
