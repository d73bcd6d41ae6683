//! The topics pane: the research topics of the people in scope, most
//! common first, each with how many work on it; while its filter is set,
//! the topics that match, best first. The topic the faculty list is
//! narrowed to is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{columns, fit, pane_block, safe, scope_name};
use crate::app::{App, Pane, TopicRow};

pub fn render(app: &App, area: Rect, rows: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let focused = app.screen.focus() == Pane::Topics;
    let pane = &app.topics;
    let scope = scope_name(app, app.scope());
    let count = pane.profile().len();
    let room = usize::from(area.width).saturating_sub(14 + count.to_string().len());
    let title =
        Line::from(format!(" Topics · {} ({count}) ", fit(&scope, room))).style(theme.title);
    let mut block = pane_block(app, title, focused);
    let total = pane.rows();
    let position = (total > 0).then(|| app.topic_cursor.selected() + 1);
    block = super::list_footer(
        app,
        block,
        position,
        total,
        (pane.line(), app.editing_topics()),
        area.width,
    );
    block.render(area, buf);
    if total == 0 {
        let text = if pane.is_filtering() {
            " No topic matches"
        } else {
            " No research topics listed"
        };
        Line::styled(text, theme.dim).render(rows, buf);
        return;
    }
    let topics = app.catalogue.topics();
    let chosen = pane.chosen(app.search.filter());
    let selected = app.topic_cursor.selected();
    let width = usize::from(rows.width);
    let shown: Vec<(usize, TopicRow)> = (app.topic_cursor.offset()..total)
        .take(usize::from(rows.height))
        .filter_map(|line| Some((line, pane.row(line)?)))
        .collect();
    let counts: Vec<String> = shown
        .iter()
        .map(|&(_, row)| match row {
            TopicRow::Any => app.scope_total().to_string(),
            TopicRow::Topic(count) => count.people.to_string(),
        })
        .collect();
    let count_width = counts.iter().map(String::len).max().unwrap_or(0);
    // A mark for the chosen topic, then the label.
    let room = width.saturating_sub(count_width + 3);
    for ((&(line, row), count), area) in shown.iter().zip(&counts).zip(rows.rows()) {
        let (mark, label) = match row {
            TopicRow::Any => (' ', "All topics".to_string()),
            TopicRow::Topic(count) => {
                let mark = if chosen == Some(count.topic) {
                    '▸'
                } else {
                    ' '
                };
                (mark, safe(&topics.get(count.topic).label))
            }
        };
        let label = fit(&label, room);
        let gap = width.saturating_sub(columns(&label) + count.len() + 2);
        let style = theme.row(line == selected, focused);
        let count_style = if line == selected { style } else { theme.dim };
        Line::from(vec![
            Span::styled(mark.to_string(), theme.key),
            Span::raw(" "),
            Span::raw(label),
            Span::raw(" ".repeat(gap)),
            Span::styled(count.clone(), count_style),
        ])
        .style(style)
        .render(area, buf);
    }
}
