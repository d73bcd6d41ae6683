//! What must hold of the browser after every action and of every frame.

use profdex::app::App;
use profdex::layout;
use ratatui::buffer::{Buffer, CellWidth};

/// What must hold after every action: the selections are rows that exist,
/// and the selected person is on screen.
pub fn state(app: &App) -> Result<(), String> {
    let hits = app.search.hits().len();
    let selected = app.people.selected();
    if selected >= hits.max(1) {
        return Err(format!("selected row {selected} of {hits} hits"));
    }
    let scopes = app.scope_rows();
    let school = app.schools.selected();
    if school >= scopes {
        return Err(format!("selected school row {school} of {scopes}"));
    }
    let panes = layout::layout(app.screen.area(), app.screen.focus());
    let height = usize::from(panes.faculty_rows.height);
    let offset = app.people.offset();
    if height > 0 && hits > 0 && !(offset <= selected && selected < offset + height) {
        return Err(format!(
            "selected row {selected} is off screen (rows {offset}..{} shown)",
            offset + height
        ));
    }
    let height = usize::from(panes.schools_rows.height);
    let offset = app.schools.offset();
    if height > 0 && !(offset <= school && school < offset + height) {
        return Err(format!(
            "selected school row {school} is off screen (rows {offset}..{} shown)",
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
                return Err(format!("cell ({x}, {y}) holds {c:?} in {symbol:?}"));
            }
            let width = symbol.cell_width();
            if x + width > area.right() {
                return Err(format!(
                    "cell ({x}, {y}) holds {symbol:?}, {width} wide, past column {}",
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
