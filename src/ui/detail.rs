//! The detail pane: everything about the selected person and their school.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{highlighted, pane_block, safe};
use crate::app::{App, Pane};
use crate::search::Highlights;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.focus == Pane::Detail;
    let keys = Line::from(vec![
        Span::styled(" o", app.theme.key),
        Span::styled(" website ", app.theme.dim),
        Span::styled("1–9", app.theme.key),
        Span::styled(" labs ", app.theme.dim),
        Span::styled("y", app.theme.key),
        Span::styled(" copy ", app.theme.dim),
    ]);
    let block = pane_block(app, Line::from(" Detail ").style(app.theme.title), focused)
        .title_bottom(keys.right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let paragraph = paragraph(app);
    let scroll = app.detail_scroll.min(last_scroll(&paragraph, inner));
    paragraph
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .render(inner, buf);
}

fn paragraph(app: &App) -> Paragraph<'static> {
    Paragraph::new(lines(app)).wrap(Wrap { trim: false })
}

/// The scroll offset that shows the last wrapped row at the bottom.
fn last_scroll(paragraph: &Paragraph, inner: Rect) -> usize {
    paragraph
        .line_count(inner.width)
        .saturating_sub(usize::from(inner.height))
}

/// How far the detail pane can scroll, as drawn now; 0 when it is hidden.
pub fn scroll_limit(app: &App) -> usize {
    match super::layout(app.area, app.focus).detail {
        Some(area) => last_scroll(
            &paragraph(app),
            ratatui::widgets::Block::bordered().inner(area),
        ),
        None => 0,
    }
}

fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(person) = app.selected_person() else {
        return vec![Line::styled("Nobody selected", theme.dim)];
    };
    let faculty = &app.directory.people[person];
    let school = app.directory.school_of(faculty);
    let found = if app.query.is_empty() {
        Highlights::default()
    } else {
        app.index.highlights(&app.directory, &app.query, person)
    };
    let mut lines = Vec::new();
    let mut name = highlighted(&faculty.name, &found.name, theme.heading, theme.matched);
    if app.is_favorite[person] {
        name.push(Span::styled("  ★", theme.star));
    }
    lines.push(Line::from(name));
    if let Some(title) = &faculty.title {
        lines.push(Line::from(highlighted(
            title,
            &found.title,
            theme.text,
            theme.matched,
        )));
    }
    let mut school_line = highlighted(&school.name, &found.school, theme.dim, theme.matched);
    if let Some(title) = &school.directory_title {
        school_line.push(Span::styled(format!(" · {}", safe(title)), theme.dim));
    }
    lines.push(Line::from(school_line));

    if !faculty.research.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Research", theme.title));
        // Highlights are positions in the joined line "a, b, c"; give each
        // topic its share.
        let mut start = 0;
        for topic in &faculty.research {
            let length = topic.chars().count();
            let positions: Vec<usize> = found
                .research
                .iter()
                .filter(|&&p| p >= start && p < start + length)
                .map(|&p| p - start)
                .collect();
            let mut spans = vec![Span::styled("• ", theme.dim)];
            spans.extend(highlighted(topic, &positions, theme.text, theme.matched));
            lines.push(Line::from(spans));
            start += length + 2;
        }
    }

    lines.push(Line::default());
    // A website that is not an http(s) URL is kept as an extra field of
    // that name (see the reader); say why it will not open.
    let unusable_website =
        |key: &str| faculty.website.is_none() && key.eq_ignore_ascii_case("website");
    match &faculty.website {
        Some(url) => lines.push(Line::from(vec![
            Span::styled("Website ", theme.title),
            Span::styled(safe(url), theme.link),
        ])),
        None if faculty.extra.iter().any(|f| unusable_website(&f.key)) => {}
        None => lines.push(Line::styled("No website listed", theme.dim)),
    }
    for field in &faculty.extra {
        let mut spans = vec![
            Span::styled(format!("{} ", safe(&field.key)), theme.title),
            Span::styled(safe(&field.value), theme.text),
        ];
        if unusable_website(&field.key) {
            spans.push(Span::styled(
                "  (not an http(s) URL: not opened)",
                theme.dim,
            ));
        }
        lines.push(Line::from(spans));
    }

    if !school.labs.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("Labs at {}", safe(&school.name)),
            theme.title,
        ));
        for (number, lab) in school.labs.iter().enumerate() {
            let key = if number < 9 {
                format!("{} ", number + 1)
            } else {
                "  ".to_string()
            };
            lines.push(Line::from(vec![
                Span::styled(key, theme.key),
                Span::styled(safe(&lab.name), theme.text),
                Span::styled(format!("  {}", safe(&lab.url)), theme.dim),
            ]));
        }
    }
    if let Some(focus) = &school.research_focus {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled("Research focus ", theme.title),
            Span::styled(safe(focus), theme.text),
        ]));
    }
    for paragraph in &school.description {
        lines.push(Line::default());
        lines.push(Line::styled(safe(paragraph), theme.dim));
    }
    lines
}
