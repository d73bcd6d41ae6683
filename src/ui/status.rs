//! The status line: what just happened on the left, the main keys on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{cells, fit, safe};
use crate::app::{App, Mode};
use crate::keys;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let mode = app.screen.mode();
    let spans = |hints: &[(String, &str)]| -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for (key, what) in hints {
            spans.push(Span::styled(key.clone(), theme.key));
            spans.push(Span::styled(format!(" {what}  "), theme.dim));
        }
        spans
    };
    let all = keys::hints(mode);
    if matches!(mode, Mode::Note | Mode::Confirm) {
        super::shortlist::render_prompt(app, spans(&all), area, buf);
        return;
    }
    // The way to the help always shows, whatever the message beside it.
    let help: Vec<_> = all
        .iter()
        .filter(|(_, what)| *what == "help")
        .cloned()
        .collect();
    let status = match app.screen.status() {
        Some(status) => Span::styled(
            format!(" {}", safe(&status.text)),
            if status.is_error {
                theme.error
            } else {
                theme.status
            },
        ),
        None if app.editing_schools() => Span::styled(" Type to find a school", theme.dim),
        None if app.editing_topics() => Span::styled(" Type to find a topic", theme.dim),
        None if mode == Mode::Pick => Span::styled(super::pick::prompt(app), theme.dim),
        None if mode == Mode::Filter => Span::styled(" Type to filter", theme.dim),
        None if mode == Mode::Choose => Span::styled(" Choose a field to copy", theme.dim),
        None => Span::raw(""),
    };
    let width = usize::from(area.width);
    let room =
        |hints: &[Span]| width.saturating_sub(status.content.width() + 2) >= line_width(hints);
    let mut hint_spans = spans(&all);
    if !room(&hint_spans) {
        hint_spans = spans(&help);
    }
    let hints_width = line_width(&hint_spans).min(width);
    // The message gets what the hints leave, cut with an ellipsis.
    let status_room = width.saturating_sub(hints_width + 1);
    let status = Span::styled(fit(&status.content, status_room), status.style);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(cells(hints_width))])
            .areas(area);
    Line::from(status).render(left, buf);
    if hints_width > 0 {
        Line::from(hint_spans).render(right, buf);
    }
}

fn line_width(spans: &[Span]) -> usize {
    spans.iter().map(|span| span.content.width()).sum()
}
