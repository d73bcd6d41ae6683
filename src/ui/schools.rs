//! The schools pane: all schools, favorites, then each school with its
//! count; while its filter is set, the schools that match, best first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{abbrev, columns, pane_block, safe};
use crate::app::{App, Pane, Scope};

pub fn render(app: &App, area: Rect, rows: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let focused = app.screen.focus() == Pane::Schools;
    let directory = app.catalogue.directory();
    let title = Line::from(format!(" Schools ({}) ", directory.schools.len())).style(theme.title);
    let mut block = pane_block(app, title, focused);
    let total = app.scope_rows();
    let position = (total > 0).then(|| app.schools.selected() + 1);
    block = super::list_footer(
        app,
        block,
        position,
        total,
        (app.school_filter.line(), app.editing_schools()),
        area.width,
    );
    block.render(area, buf);
    if total == 0 {
        Line::styled(" No school matches", theme.dim).render(rows, buf);
        return;
    }
    let selected = app.schools.selected();
    let width = usize::from(rows.width);
    let shown: Vec<(usize, Scope)> = (app.schools.offset()..total)
        .take(usize::from(rows.height))
        .filter_map(|line| Some((line, app.scope_at(line)?)))
        .collect();
    // The widest count decides the room left for names.
    let counts: Vec<String> = shown
        .iter()
        .map(|&(_, scope)| match scope {
            Scope::All => directory.people.len(),
            Scope::Favorites => app.shortlist.len(),
            Scope::School(school) => app.catalogue.of_school(school).len(),
        })
        .map(|count| count.to_string())
        .collect();
    let names: Vec<String> = shown
        .iter()
        .filter_map(|&(_, scope)| match scope {
            Scope::School(school) => Some(safe(&directory.schools[school].name)),
            _ => None,
        })
        .collect();
    let count_width = counts.iter().map(String::len).max().unwrap_or(0);
    let room = width.saturating_sub(count_width + 2);
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let labels = abbrev::distinct(&refs, room, room);
    for ((&(line, scope), count), row) in shown.iter().zip(&counts).zip(rows.rows()) {
        let label = match scope {
            Scope::All => "All schools".to_string(),
            Scope::Favorites => "★ Favorites".to_string(),
            Scope::School(school) => {
                let name = safe(&directory.schools[school].name);
                labels
                    .get(name.as_str())
                    .cloned()
                    .unwrap_or_else(|| abbrev::school(&name, room))
            }
        };
        let label = super::fit(&label, room);
        let gap = width.saturating_sub(columns(&label) + count.len() + 1);
        let style = theme.row(line == selected, focused);
        let count_style = if line == selected { style } else { theme.dim };
        Line::from(vec![
            Span::raw(" "),
            Span::raw(label),
            Span::raw(" ".repeat(gap)),
            Span::styled(count.clone(), count_style),
        ])
        .style(style)
        .render(row, buf);
    }
}
