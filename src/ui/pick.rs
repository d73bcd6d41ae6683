//! What `profdex pick` adds to the screen: the marks and their count.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::app::App;
use crate::model::PersonId;

/// What the status line says while nothing else is to be said.
pub fn prompt(app: &App) -> String {
    match &app.pick {
        Some(picker) if picker.multi() => {
            let marked = picker.marked();
            format!(" {marked} marked · Type to filter")
        }
        _ => " Type to filter".to_string(),
    }
}

/// The gutter before a person's row: a mark with `--multi`, else nothing.
pub fn gutter(app: &App, person: PersonId, style: Style) -> Option<Span<'static>> {
    let picker = app.pick.as_ref().filter(|picker| picker.multi())?;
    let theme = app.screen.theme();
    Some(if picker.is_marked(person) {
        Span::styled(">", style.patch(theme.key))
    } else {
        Span::styled(" ", style)
    })
}
