//! The faculty pane: the filter line and the (filtered) list of people.
//! Only the rows on screen are built, whatever the size of the list.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Panes, fit, highlighted, pane_block, safe};
use crate::app::{App, Mode, Pane, Scope};

pub fn render(app: &App, area: Rect, panes: &Panes, buf: &mut Buffer) {
    let focused = app.focus == Pane::Faculty;
    let scope = match app.scope() {
        Scope::All => "All schools".to_string(),
        Scope::Favorites => "★ Favorites".to_string(),
        Scope::School(school) => safe(&app.directory.schools[school].name),
    };
    let title = Line::from(format!(
        " Faculty · {} ",
        fit(&scope, usize::from(area.width).saturating_sub(16))
    ))
    .style(app.theme.title);
    pane_block(app, title, focused).render(area, buf);
    render_filter(app, panes.filter, buf);
    let rows = panes.faculty_rows;
    // Favorites no longer in the data are listed after the others, in the
    // favorites view while it is not filtered.
    let missing: Vec<_> = if app.scope() == Scope::Favorites && app.filter.is_empty() {
        app.missing_favorites().collect()
    } else {
        Vec::new()
    };
    if app.hits.is_empty() && missing.is_empty() {
        render_empty(app, rows, buf);
        return;
    }
    let several_schools =
        !matches!(app.scope(), Scope::School(_)) && app.directory.schools.len() > 1;
    for (index, row) in (app.offset..).zip(rows.rows()) {
        if let Some(hit) = app.hits.get(index) {
            let style = app.theme.row(index == app.selected, focused);
            render_person(app, hit.person, several_schools, style, row, buf);
        } else if let Some(key) = missing.get(index - app.hits.len()) {
            let text = format!(
                "✗ {} · {} (missing from the data)",
                safe(&key.name),
                safe(&key.school)
            );
            Line::styled(text, app.theme.dim).render(row, buf);
        } else {
            break;
        }
    }
}

fn render_person(
    app: &App,
    person: usize,
    with_school: bool,
    style: ratatui::style::Style,
    row: Rect,
    buf: &mut Buffer,
) {
    let faculty = &app.directory.people[person];
    let found = if app.query.is_empty() {
        Default::default()
    } else {
        app.index.highlights(&app.directory, &app.query, person)
    };
    buf.set_style(row, style);
    let star = if app.is_favorite[person] {
        Span::styled("★ ", style.patch(app.theme.star))
    } else {
        Span::raw("  ")
    };
    let school = if with_school {
        let school = safe(&app.directory.school_of(faculty).name);
        fit(&school, usize::from(row.width / 3))
    } else {
        String::new()
    };
    let school_width = if school.is_empty() {
        0
    } else {
        school.width() as u16 + 1
    };
    let [name_area, school_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(school_width)]).areas(row);
    let mut spans = vec![star];
    spans.extend(highlighted(
        &faculty.name,
        &found.name,
        style,
        style.patch(app.theme.matched),
    ));
    Line::from(spans).render(name_area, buf);
    if !school.is_empty() {
        // Dimmed beside the name, except on the selected row's own colours.
        let school_style = if style == app.theme.text {
            app.theme.dim
        } else {
            style
        };
        let school_spans = if found.school.is_empty() {
            vec![Span::styled(school, school_style)]
        } else {
            highlighted(
                &school,
                &found.school,
                school_style,
                style.patch(app.theme.matched),
            )
        };
        Line::from(school_spans)
            .alignment(Alignment::Right)
            .render(school_area, buf);
    }
}

fn render_filter(app: &App, area: Rect, buf: &mut Buffer) {
    let count = if app.is_searching() {
        " searching…".to_string()
    } else {
        format!(" {}/{}", app.hits.len(), app.scope_total())
    };
    let editing = app.mode == Mode::Filter;
    let [text_area, count_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(count.width() as u16),
    ])
    .areas(area);
    let line = if app.filter.is_empty() && !editing {
        Line::from(vec![
            Span::styled("/", app.theme.key),
            Span::styled(" to filter", app.theme.dim),
        ])
    } else {
        let prompt = Span::styled("/ ", app.theme.key);
        // Keep the end of a long filter in view: that is where typing happens.
        let room = usize::from(text_area.width).saturating_sub(3);
        let text = tail(&safe(&app.filter), room);
        let cursor = if editing {
            Span::styled("▏", app.theme.key)
        } else {
            Span::raw("")
        };
        Line::from(vec![prompt, Span::styled(text, app.theme.text), cursor])
    };
    line.render(text_area, buf);
    Line::styled(count, app.theme.dim).render(count_area, buf);
}

fn render_empty(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = if !app.filter.is_empty() {
        vec![
            Line::styled(
                format!("No matches for “{}”", safe(&app.filter)),
                app.theme.heading,
            ),
            Line::styled("Esc or Ctrl-u clears the filter", app.theme.dim),
        ]
    } else if app.scope() == Scope::Favorites {
        vec![
            Line::styled("No favorites yet", app.theme.heading),
            Line::styled("Press b on a person to bookmark them", app.theme.dim),
        ]
    } else {
        vec![Line::styled("No one here", app.theme.heading)]
    };
    let top = area.height / 3;
    let area = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The end of `text` that fits in `width` columns.
fn tail(text: &str, width: usize) -> String {
    let mut used = 0;
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            used > width
        })
        .map_or(0, |(index, c)| index + c.len_utf8());
    text[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::tail;

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("stoica", 10), "stoica");
        assert_eq!(tail("machine learning", 8), "learning");
        assert_eq!(tail("東京大学", 5), "大学");
        assert_eq!(tail("abc", 0), "");
    }
}
