//! The status line: what just happened on the left, the main keys on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{cells, safe};
use crate::app::{App, Mode};
use crate::keys;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let mode = app.screen.mode();
    let mut hint_spans = Vec::new();
    for (key, what) in keys::hints(mode) {
        hint_spans.push(Span::styled(key, theme.key));
        hint_spans.push(Span::styled(format!(" {what}  "), theme.dim));
    }
    let hints_width: usize = hint_spans.iter().map(|s| s.content.width()).sum();
    let status = match app.screen.status() {
        Some(status) => Span::styled(
            format!(" {}", safe(&status.text)),
            if status.is_error {
                theme.error
            } else {
                theme.status
            },
        ),
        None if mode == Mode::Filter => Span::styled(" Type to filter", theme.dim),
        None => Span::raw(""),
    };
    // The status message wins the space; hints fill what is left.
    let hints_room = usize::from(area.width).saturating_sub(status.content.width() + 2);
    let hints_width = if hints_width <= hints_room {
        cells(hints_width)
    } else {
        0
    };
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(hints_width)]).areas(area);
    Line::from(status).render(left, buf);
    if hints_width > 0 {
        Line::from(hint_spans).render(right, buf);
    }
}
