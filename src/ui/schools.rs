//! The schools pane: all schools, favorites, then each school with its count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{Panes, fit, pane_block, safe};
use crate::app::{App, Pane};

pub fn render(app: &App, area: Rect, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Pane::Schools;
    let title =
        Line::from(format!(" Schools ({}) ", app.directory.schools.len())).style(app.theme.title);
    pane_block(app, title, focused).render(area, buf);
    let rows = panes.schools_rows;
    let favorites = app.favorite_people.len();
    for (line, row) in (app.scope_offset..app.scope_rows()).zip(rows.rows()) {
        let (label, count) = match line {
            0 => ("All schools".to_string(), app.directory.people.len()),
            1 => ("★ Favorites".to_string(), favorites),
            n => (safe(&app.directory.schools[n - 2].name), app.counts[n - 2]),
        };
        let count = count.to_string();
        let width = usize::from(row.width);
        // Room for the count on the right; the name is cut with an ellipsis.
        let room = width.saturating_sub(count.len() + 2);
        let label = fit(&label, room);
        let gap = width.saturating_sub(label.width() + count.len() + 1);
        let style = app.theme.row(line == app.scope_row, focused);
        Line::from(vec![
            Span::raw(" "),
            Span::raw(label),
            Span::raw(" ".repeat(gap)),
            Span::styled(
                count,
                if line == app.scope_row {
                    style
                } else {
                    app.theme.dim
                },
            ),
        ])
        .style(style)
        .render(row, buf);
    }
}
