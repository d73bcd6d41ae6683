//! The faculty pane: the filter line and the (filtered) list of people,
//! each row saying why it matched. Only the rows on screen are built (and
//! matched again for their highlights), whatever the size of the list.

use std::collections::HashMap;
use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{
    abbrev, cells, columns, fit, highlighted, line_spans, pane_block, safe, shortlist, tail,
    topic_highlights,
};
use crate::app::{Action, App, Mode, Pane, Scope, Sort, StatusFilter};
use crate::keys;
use crate::layout::Panes;
use crate::model::{Person, PersonId, SchoolId};
use crate::search::Highlights;
use crate::wrap::wrap;

pub fn render(app: &App, area: Rect, panes: &Panes, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let focused = app.screen.focus() == Pane::Faculty;
    let directory = app.catalogue.directory();
    let mut scope = super::scope_name(app, app.scope());
    if app.scope() == Scope::Favorites {
        // How the view is arranged, when not as it starts.
        let shortlist = &app.shortlist;
        if shortlist.sort() != Sort::Added {
            let _ = write!(scope, " · by {}", shortlist.sort().label());
        }
        if let Some(status) = shortlist.filter().label() {
            let _ = write!(scope, " · {}", safe(status));
        }
    }
    let title = Line::from(format!(
        " Faculty · {} ",
        fit(&scope, usize::from(area.width).saturating_sub(16))
    ))
    .style(theme.title);
    let mut block = pane_block(app, title, focused);
    let total = app.list_rows();
    if total > 0 {
        // Where the cursor is in a list too long to see at once.
        let position = format!(" {}/{total} ", app.people.selected() + 1);
        block = block.title_bottom(Line::styled(position, theme.dim).right_aligned());
    }
    block.render(area, buf);
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
    let visible: Vec<PersonId> = hits
        .iter()
        .skip(app.people.offset())
        .take(usize::from(rows.height))
        .map(|hit| hit.person)
        .collect();
    let columns = Columns::new(app, &visible, several_schools, usize::from(rows.width));
    for (index, row) in (app.people.offset()..).zip(rows.rows()) {
        let style = theme.row(index == app.people.selected(), focused);
        if let Some(hit) = hits.get(index) {
            render_person(app, hit.person, &columns, style, row, buf);
        } else if let Some(key) = missing.get(index - hits.len()) {
            let text = format!(
                "✗ {} · {} (missing from the data)",
                safe(&key.name),
                safe(&key.school)
            );
            let style = if style == theme.text {
                theme.dim
            } else {
                style
            };
            buf.set_style(row, style);
            Line::styled(fit(&text, usize::from(row.width)), style).render(row, buf);
        } else {
            break;
        }
    }
}

/// How a row's width is shared: the star, the name, the school (when
/// several are listed) and the snippet of what matched, in columns, with
/// the school labels the rows on screen use.
struct Columns {
    name: usize,
    school: usize,
    /// A favorite's status, in the ★ Favorites view.
    status: usize,
    snippet: usize,
    schools: HashMap<SchoolId, String>,
}

/// The star and the gaps between the columns.
const STAR: usize = 2;
const GAP: usize = 2;
/// The widest a status column grows: a status of one's own is cut.
const STATUS_WIDTH: usize = 12;
/// What the favorites view keeps for the notes' first lines, before
/// the school has its column.
const NOTE_ROOM: usize = 20;
/// A school label narrower than this is left out.
const MIN_SCHOOL: usize = 4;

impl Columns {
    fn new(app: &App, visible: &[PersonId], with_school: bool, width: usize) -> Columns {
        let catalogue = &app.catalogue;
        let directory = catalogue.directory();
        let room = width.saturating_sub(STAR);
        let widest_name = visible
            .iter()
            .map(|&id| {
                let apart = catalogue
                    .told_apart(id)
                    .map_or(0, |label| columns(&apart_label(label)) + 3);
                columns(&safe(catalogue.person(id).name())) + apart
            })
            .max()
            .unwrap_or(0);
        // The name comes first; it gives way to the rest only past 2/5.
        let name = widest_name.min((room * 2 / 5).max(room.min(16)));
        let favorites = app.scope() == Scope::Favorites;
        let details = |id: PersonId| app.shortlist.details_of(id).filter(|_| favorites);
        let status = visible
            .iter()
            .filter_map(|&id| details(id)?.status.as_deref())
            .map(|status| columns(&safe(status)))
            .max()
            .unwrap_or(0)
            .min(STATUS_WIDTH);
        let status_used = if status > 0 { GAP + status } else { 0 };
        // In the favorites view the notes are what the list is for: the
        // school gives them room.
        let notes = visible
            .iter()
            .any(|&id| details(id).is_some_and(|d| d.note.is_some()));
        let kept = if notes { NOTE_ROOM + GAP } else { 0 };
        let mut schools = HashMap::new();
        let mut school = 0;
        let left = room.saturating_sub(name + GAP + status_used + kept);
        if with_school && left >= MIN_SCHOOL {
            let ids: Vec<SchoolId> = visible
                .iter()
                .map(|&id| catalogue.person(id).school)
                .collect();
            let names: Vec<String> = ids
                .iter()
                .map(|&s| safe(&directory.schools[s].name))
                .collect();
            let widest = names.iter().map(|n| columns(n)).max().unwrap_or(0);
            let wanted = widest.min((room * 3 / 10).max(left.min(12)));
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let labels = abbrev::distinct(&refs, wanted, left);
            for (id, full) in ids.iter().zip(&names) {
                if let Some(label) = labels.get(full.as_str()) {
                    school = school.max(columns(label));
                    schools.insert(*id, label.clone());
                }
            }
        }
        let used = name
            + if school > 0 { GAP + school } else { 0 }
            + if status > 0 { GAP + status } else { 0 };
        let snippet = room.saturating_sub(used + GAP);
        // A snippet too short to read is left out.
        let snippet = if snippet >= 8 { snippet } else { 0 };
        Columns {
            name,
            school,
            status,
            snippet,
            schools,
        }
    }
}

fn render_person(
    app: &App,
    id: PersonId,
    columns: &Columns,
    style: Style,
    row: Rect,
    buf: &mut Buffer,
) {
    let theme = app.screen.theme();
    let catalogue = &app.catalogue;
    let directory = catalogue.directory();
    let person = catalogue.person(id);
    let query = app.search.query();
    // Only the rows on screen are matched again for their highlights.
    let found = if query.is_empty() {
        Highlights::default()
    } else {
        catalogue.index().highlights(directory, query, id)
    };
    buf.set_style(row, style);
    let matched = style.patch(theme.matched);
    // Dimmed beside the name, except on the selected row's own colours.
    let dim = if style == theme.text {
        theme.dim
    } else {
        style
    };
    let mut spans: Vec<Span> = super::pick::gutter(app, id, style).into_iter().collect();
    spans.push(if app.shortlist.contains(id) {
        Span::styled("★ ", style.patch(theme.star))
    } else if person.website().is_some_and(|url| app.links.is_dead(url)) {
        // A website known to be dead, the last check said.
        Span::styled("✗ ", dim)
    } else {
        Span::raw("  ")
    });
    let apart = catalogue.told_apart(id).map(apart_label);
    let (name, apart) = name_cell(&safe(person.name()), apart.as_deref(), columns.name);
    spans.extend(highlighted(&name, &found.name, style, matched));
    let used = super::columns(&name) + super::columns(&apart);
    if !apart.is_empty() {
        spans.push(Span::styled(apart, dim));
    }
    spans.push(pad(columns.name.saturating_sub(used)));
    if columns.school > 0 {
        let label = columns
            .schools
            .get(&person.school)
            .cloned()
            .unwrap_or_default();
        spans.push(pad(GAP));
        // A school label's characters are not the name's: highlight the
        // label only when it is the name as written.
        let school = &directory.school_of(person).name;
        if label == safe(school) {
            spans.extend(highlighted(&label, &found.school, dim, matched));
        } else {
            spans.push(Span::styled(label.clone(), dim));
        }
        spans.push(pad(columns.school.saturating_sub(super::columns(&label))));
    }
    // In the favorites view, a favorite's status and note.
    let details = (app.scope() == Scope::Favorites)
        .then(|| app.shortlist.details_of(id))
        .flatten();
    if columns.status > 0 {
        spans.push(pad(GAP));
        let status = details.and_then(|d| d.status.as_deref()).unwrap_or("");
        let shown = fit(&safe(status), columns.status);
        let width = super::columns(&shown);
        let status_style = if style == theme.text {
            shortlist::status_style(theme, status)
        } else {
            style
        };
        spans.push(Span::styled(shown, status_style));
        spans.push(pad(columns.status.saturating_sub(width)));
    }
    if columns.snippet > 0 {
        spans.push(pad(GAP));
        match details.and_then(|d| d.note.as_deref()) {
            Some(note) => {
                let room = columns
                    .snippet
                    .saturating_sub(super::columns(shortlist::NOTE_MARK));
                spans.push(Span::styled(shortlist::NOTE_MARK, dim));
                spans.push(Span::styled(shortlist::note_first_line(note, room), style));
            }
            None => spans.extend(snippet(person, &found, columns.snippet, dim, matched)),
        }
    }
    Line::from(spans).render(row, buf);
}

/// What tells a namesake apart, made safe for the terminal.
fn apart_label(label: &str) -> String {
    safe(label)
}

/// A name and what tells it apart from a namesake, ` (host)`, in `width`
/// columns. Both are cut when they must be, the name keeping at least
/// half, so two rows of one name are told apart even in a narrow column:
/// a host keeps its start (`people.csail…`), a host with a path its end
/// (`…~wwang`), where namesakes on one host differ.
fn name_cell(name: &str, apart: Option<&str>, width: usize) -> (String, String) {
    let Some(apart) = apart else {
        return (fit(name, width), String::new());
    };
    let whole = format!(" ({apart})");
    if columns(name) + columns(&whole) <= width {
        return (name.to_string(), whole);
    }
    let name = fit(name, width.saturating_sub(columns(&whole)).max(width / 2));
    // " (" and ")" around at least two columns of the label.
    let Some(room) = width.saturating_sub(columns(&name)).checked_sub(3) else {
        return (name, String::new());
    };
    if room < 2 {
        return (name, String::new());
    }
    let cut = if apart.contains('/') {
        format!("…{}", tail(apart, room - 1))
    } else {
        fit(apart, room)
    };
    (name, format!(" ({cut})"))
}

/// Spaces `n` columns wide.
fn pad(n: usize) -> Span<'static> {
    Span::raw(" ".repeat(n))
}

/// Why the row matched, in `width` columns: the research topic or the
/// title the query matched, its match highlighted; else the first topics.
fn snippet(
    person: &Person,
    found: &Highlights,
    width: usize,
    dim: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    if let Some((topic, positions)) =
        topic_highlights(person, &found.research).find(|(_, positions)| !positions.is_empty())
    {
        return highlighted(&fit(&safe(topic), width), &positions, dim, matched);
    }
    if let Some(title) = &person.title()
        && !found.title.is_empty()
    {
        return highlighted(&fit(&safe(title), width), &found.title, dim, matched);
    }
    let topics = safe(person.research_line());
    vec![Span::styled(fit(&topics, width), dim)]
}

fn render_filter(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let search = &app.search;
    let count = if search.is_searching() {
        " searching…".to_string()
    } else {
        format!(" {}/{}", search.hits().len(), app.scope_total())
    };
    let editing = app.screen.mode().is_typing() && !app.editing_schools() && !app.editing_topics();
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
        let room = usize::from(text_area.width).saturating_sub(prompt.width());
        let mut spans = vec![prompt];
        spans.extend(line_spans(search.line(), editing, room, theme));
        Line::from(spans)
    };
    line.render(text_area, buf);
    Line::styled(count, theme.dim).render(count_area, buf);
}

fn render_empty(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    let filter = app.search.filter();
    let key = |action| keys::primary(Mode::Browse, &action);
    let lines = if !filter.is_empty() {
        let clears = if app.screen.picking() {
            keys::primary(Mode::Pick, &Action::ClearFilter)
        } else {
            format!("{} or {}", key(Action::Cancel), key(Action::ClearFilter))
        };
        vec![
            Span::styled(format!("No matches for “{}”", safe(filter)), theme.heading),
            Span::styled(format!("{clears} clears the filter"), theme.dim),
        ]
    } else if app.scope() == Scope::Favorites && *app.shortlist.filter() != StatusFilter::All {
        let heading = match app.shortlist.filter() {
            StatusFilter::Is(status) => format!("No favorites marked “{}”", safe(status)),
            _ => "Every favorite has a status".to_string(),
        };
        vec![
            Span::styled(heading, theme.heading),
            Span::styled(
                format!("{} shows the next status", key(Action::FilterStatus)),
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
