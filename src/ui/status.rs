//! The status line: what just happened on the left, the main keys on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::safe;
use crate::app::{App, Mode};
use crate::keys;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut hint_spans = Vec::new();
    for (key, what) in keys::hints(app.mode) {
        hint_spans.push(Span::styled(key, app.theme.key));
        hint_spans.push(Span::styled(format!(" {what}  "), app.theme.dim));
    }
    let hints_width: usize = hint_spans.iter().map(|s| s.content.width()).sum();
    let status = match &app.status {
        Some(status) => Span::styled(
            format!(" {}", safe(&status.text)),
            if status.is_error {
                app.theme.error
            } else {
                app.theme.status
            },
        ),
        None if app.mode == Mode::Filter => Span::styled(" Type to filter", app.theme.dim),
        None => Span::raw(""),
    };
    // The status message wins the space; hints fill what is left.
    let hints_room = usize::from(area.width).saturating_sub(status.content.width() + 2);
    let hints_width = if hints_width <= hints_room {
        hints_width as u16
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
