//! The faculty pane: the filter line and the (filtered) list of people.
//! Only the rows on screen are built, whatever the size of the list.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{cells, columns, fit, highlighted, pane_block, safe, tail};
use crate::app::{Action, App, Mode, Pane, Scope};
use crate::keys;
use crate::layout::Panes;
use crate::model::PersonId;
use crate::wrap::wrap;

pub fn render(app: &App, area: Rect, panes: &Panes, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let focused = app.screen.focus() == Pane::Faculty;
    let directory = app.catalogue.directory();
    let scope = match app.scope() {
        Scope::All => "All schools".to_string(),
        Scope::Favorites => "★ Favorites".to_string(),
        Scope::School(school) => safe(&directory.schools[school].name),
    };
    let title = Line::from(format!(
        " Faculty · {} ",
        fit(&scope, usize::from(area.width).saturating_sub(16))
    ))
    .style(theme.title);
    pane_block(app, title, focused).render(area, buf);
    render_filter(app, panes.filter, buf);
    let rows = panes.faculty_rows;
    // Favorites no longer in the data are listed after the others, in the
    // favorites view while it is not filtered.
    let missing: Vec<_> = if app.lists_missing_favorites() {
        app.shortlist.missing().collect()
    } else {
        Vec::new()
    };
    let hits = app.search.hits();
    if hits.is_empty() && missing.is_empty() {
        render_empty(app, rows, buf);
        return;
    }
    let several_schools = !matches!(app.scope(), Scope::School(_)) && directory.schools.len() > 1;
    for (index, row) in (app.people.offset()..).zip(rows.rows()) {
        if let Some(hit) = hits.get(index) {
            let style = theme.row(index == app.people.selected(), focused);
            render_person(app, hit.person, several_schools, style, row, buf);
        } else if let Some(key) = missing.get(index - hits.len()) {
            let text = format!(
                "✗ {} · {} (missing from the data)",
                safe(&key.name),
                safe(&key.school)
            );
            Line::styled(text, theme.dim).render(row, buf);
        } else {
            break;
        }
    }
}

fn render_person(
    app: &App,
    id: PersonId,
    with_school: bool,
    style: ratatui::style::Style,
    row: Rect,
    buf: &mut Buffer,
) {
    let theme = app.screen.theme();
    let catalogue = &app.catalogue;
    let directory = catalogue.directory();
    let person = catalogue.person(id);
    let query = app.search.query();
    let found = if query.is_empty() {
        crate::search::Highlights::default()
    } else {
        catalogue.index().highlights(directory, query, id)
    };
    buf.set_style(row, style);
    let star = if app.shortlist.contains(id) {
        Span::styled("★ ", style.patch(theme.star))
    } else {
        Span::raw("  ")
    };
    let school = if with_school {
        let school = safe(&directory.school_of(person).name);
        fit(&school, usize::from(row.width / 3))
    } else {
        String::new()
    };
    let school_width = if school.is_empty() {
        0
    } else {
        cells(columns(&school) + 1)
    };
    let [name_area, school_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(school_width)]).areas(row);
    let mut spans = vec![star];
    spans.extend(highlighted(
        person.name(),
        &found.name,
        style,
        style.patch(theme.matched),
    ));
    Line::from(spans).render(name_area, buf);
    if !school.is_empty() {
        // Dimmed beside the name, except on the selected row's own colours.
        let school_style = if style == theme.text {
            theme.dim
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
                style.patch(theme.matched),
            )
        };
        Line::from(school_spans)
            .alignment(Alignment::Right)
            .render(school_area, buf);
    }
}

fn render_filter(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let search = &app.search;
    let count = if search.is_searching() {
        " searching…".to_string()
    } else {
        format!(" {}/{}", search.hits().len(), app.scope_total())
    };
    let editing = app.screen.mode() == Mode::Filter;
    let [text_area, count_area] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(cells(count.width())),
    ])
    .areas(area);
    let start = keys::primary(Mode::Browse, &Action::StartFilter);
    let line = if search.filter().is_empty() && !editing {
        Line::from(vec![
            Span::styled(start, theme.key),
            Span::styled(" to filter", theme.dim),
        ])
    } else {
        let prompt = Span::styled(format!("{start} "), theme.key);
        // Keep the end of a long filter in view: that is where typing happens.
        let room = usize::from(text_area.width).saturating_sub(prompt.width() + 1);
        let text = tail(&safe(search.filter()), room).to_string();
        let cursor = if editing {
            Span::styled("▏", theme.key)
        } else {
            Span::raw("")
        };
        Line::from(vec![prompt, Span::styled(text, theme.text), cursor])
    };
    line.render(text_area, buf);
    Line::styled(count, theme.dim).render(count_area, buf);
}

fn render_empty(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let filter = app.search.filter();
    let key = |action| keys::primary(Mode::Browse, &action);
    let lines = if !filter.is_empty() {
        vec![
            Span::styled(format!("No matches for “{}”", safe(filter)), theme.heading),
            Span::styled(
                format!(
                    "{} or {} clears the filter",
                    key(Action::Cancel),
                    key(Action::ClearFilter)
                ),
                theme.dim,
            ),
        ]
    } else if app.scope() == Scope::Favorites {
        vec![
            Span::styled("No favorites yet", theme.heading),
            Span::styled(
                format!(
                    "Press {} on a person to bookmark them",
                    key(Action::ToggleFavorite)
                ),
                theme.dim,
            ),
        ]
    } else {
        vec![Span::styled("No one here", theme.heading)]
    };
    let rows: Vec<Line> = lines
        .into_iter()
        .flat_map(|line| wrap(&[line], usize::from(area.width), 0))
        .collect();
    let top = area.height / 3;
    let area = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    Paragraph::new(rows)
        .alignment(Alignment::Center)
        .render(area, buf);
}
