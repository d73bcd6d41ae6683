//! What must hold of the browser after every action and of every frame.

use profdex::app::{App, Mode, Pane};
use profdex::layout;
use ratatui::buffer::{Buffer, CellWidth};

/// What must hold after every action: the selections are rows that exist,
/// and the selected person is on screen. Each failure reads "what: details",
/// and the fuzz loop tells faults apart by what.
pub fn state(app: &App) -> Result<(), String> {
    // The rows: the hits, then the favorites missing from the data.
    let hits = app.list_rows();
    let selected = app.people.selected();
    if selected >= hits.max(1) {
        return Err(format!(
            "selected row past the list: row {selected} of {hits}"
        ));
    }
    let scopes = app.scope_rows();
    let school = app.schools.selected();
    if school >= scopes.max(1) {
        return Err(format!(
            "selected school past the list: row {school} of {scopes}"
        ));
    }
    let topics = app.topics.rows();
    let topic = app.topic_cursor.selected();
    if topic >= topics.max(1) {
        return Err(format!(
            "selected topic past the list: row {topic} of {topics}"
        ));
    }
    let panes = layout::layout(app.screen.area(), app.screen.focus(), app.screen.left());
    let height = usize::from(panes.faculty_rows.height);
    let offset = app.people.offset();
    if height > 0 && hits > 0 && !(offset <= selected && selected < offset + height) {
        return Err(format!(
            "selected person off screen: row {selected}, rows {offset}..{} shown",
            offset + height
        ));
    }
    let height = usize::from(panes.left_rows.height);
    let (offset, selected, rows, what) = match app.screen.left() {
        Pane::Topics => (app.topic_cursor.offset(), topic, topics, "topic"),
        _ => (app.schools.offset(), school, scopes, "school"),
    };
    if height > 0 && rows > 0 && !(offset <= selected && selected < offset + height) {
        return Err(format!(
            "selected {what} off screen: row {selected}, rows {offset}..{} shown",
            offset + height
        ));
    }
    Ok(())
}

/// What must hold of every frame: nothing that drives the terminal
/// reaches it, and no glyph runs past the right edge.
pub fn frame(buffer: &Buffer) -> Result<(), String> {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if let Some(c) = symbol.chars().find(|&c| drives_terminal(c)) {
                return Err(format!("control character on screen: {c:?} at ({x}, {y})"));
            }
            let width = symbol.cell_width();
            if x + width > area.right() {
                return Err(format!(
                    "glyph past the right edge: {symbol:?}, {width} wide, at ({x}, {y}) of {}",
                    area.right()
                ));
            }
        }
    }
    Ok(())
}

/// Control characters and bidi overrides: what the sanitizer replaces.
fn drives_terminal(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// While filtering, the end of the filter and the cursor are in view, as
/// long as the filter line has room for the prompt, the cursor and the
/// count beside them.
pub fn cursor(app: &App, buffer: &Buffer) -> Result<(), String> {
    let panes = app.screen.panes();
    if app.screen.mode() != Mode::Filter
        || app.editing_schools()
        || app.editing_topics()
        || panes.faculty.is_none()
    {
        return Ok(());
    }
    let filter = panes.filter;
    let digits = app.catalogue.everyone().len().max(1).ilog10() as usize + 1;
    let count = (2 * digits + 2).max(" searching…".len());
    if usize::from(filter.width) < count + 4 {
        return Ok(());
    }
    let shown = (filter.left()..filter.right()).any(|x| buffer[(x, filter.y)].symbol() == "▏");
    if shown {
        Ok(())
    } else {
        let typed: Vec<char> = app.search.filter().chars().collect();
        let end: String = typed[typed.len().saturating_sub(20)..].iter().collect();
        Err(format!(
            "no cursor on the filter line: {} columns, filter ending {end:?}",
            filter.width
        ))
    }
}
