//! The schools pane: all schools, favorites, then each school with its count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{columns, fit, pane_block, safe};
use crate::app::{App, Pane, Scope};

pub fn render(app: &App, area: Rect, rows: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let focused = app.screen.focus() == Pane::Schools;
    let directory = app.catalogue.directory();
    let title = Line::from(format!(" Schools ({}) ", directory.schools.len())).style(theme.title);
    pane_block(app, title, focused).render(area, buf);
    let selected = app.schools.selected();
    for (line, row) in (app.schools.offset()..app.scope_rows()).zip(rows.rows()) {
        let (label, count) = match Scope::from_row(line) {
            Scope::All => ("All schools".to_string(), directory.people.len()),
            Scope::Favorites => ("★ Favorites".to_string(), app.shortlist.len()),
            Scope::School(school) => (
                safe(&directory.schools[school].name),
                app.catalogue.of_school(school).len(),
            ),
        };
        let count = count.to_string();
        let width = usize::from(row.width);
        // Room for the count on the right; the name is cut with an ellipsis.
        let room = width.saturating_sub(count.len() + 2);
        let label = fit(&label, room);
        let gap = width.saturating_sub(columns(&label) + count.len() + 1);
        let style = theme.row(line == selected, focused);
        let count_style = if line == selected { style } else { theme.dim };
        Line::from(vec![
            Span::raw(" "),
            Span::raw(label),
            Span::raw(" ".repeat(gap)),
            Span::styled(count, count_style),
        ])
        .style(style)
        .render(row, buf);
    }
}
