//! The help overlay, generated from the keymap so the two never disagree.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::keys;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let popup = popup(&lines, area);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(Line::styled(
            " Keys — Esc or ? closes, j k scroll ",
            app.theme.title,
        ));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let scroll = app.help_scroll.min(last_scroll(&lines, inner));
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .render(inner.inner(Margin::new(1, 0)), buf);
}

/// The overlay, centred, as large as its text or the screen allows.
fn popup(lines: &[Line], area: Rect) -> Rect {
    let width = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

fn last_scroll(lines: &[Line], inner: Rect) -> usize {
    lines.len().saturating_sub(usize::from(inner.height))
}

/// How far the help can scroll on a screen of the app's size.
pub fn scroll_limit(app: &App) -> usize {
    let lines = lines(app);
    let inner = Block::bordered().inner(popup(&lines, app.area));
    last_scroll(&lines, inner)
}

fn lines(app: &App) -> Vec<Line<'static>> {
    let key_width = keys::SECTIONS
        .iter()
        .flat_map(|(_, bindings)| bindings.iter())
        .map(|binding| binding.label.width())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (index, (section, bindings)) in keys::SECTIONS.iter().enumerate() {
        if index > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::styled(*section, app.theme.heading));
        for binding in bindings.iter().filter(|b| !b.label.is_empty()) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:width$}  ", binding.label, width = key_width),
                    app.theme.key,
                ),
                Span::styled(binding.help, app.theme.text),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Mouse: click selects, the wheel scrolls.",
        app.theme.dim,
    ));
    lines
}
