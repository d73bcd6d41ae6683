//! `Y`'s chooser: the person's fields to copy in a small box over the
//! panes, numbered as the keys choose them, those that open marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::{cells, columns, fit, safe};
use crate::app::{Action, App, Chooser, Mode, Opens};
use crate::keys;

/// The widest the box grows: a long value is cut, the copy is whole.
const MAX_WIDTH: usize = 90;

pub fn render(app: &App, chooser: &Chooser, area: Rect, buf: &mut Buffer) {
    let theme = app.screen.theme();
    // The status line stays in view under the box.
    let area = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let label_width = chooser
        .choices
        .iter()
        .map(|choice| columns(&safe(&choice.label)))
        .max()
        .unwrap_or(0)
        .min(16);
    let open = keys::primary(Mode::Choose, &Action::OpenField);
    let opens = format!("  {open} opens");
    let rows: Vec<(String, String, bool)> = chooser
        .choices
        .iter()
        .enumerate()
        .map(|(at, choice)| {
            let number = if at < 9 {
                format!("{} ", at + 1)
            } else {
                "  ".to_string()
            };
            let label = fit(&safe(&choice.label), label_width);
            let pad = " ".repeat(label_width - columns(&label));
            (
                format!("{number}{label}{pad}  "),
                safe(&choice.value),
                choice.opens != Opens::Nothing,
            )
        })
        .collect();
    let natural = rows
        .iter()
        .map(|(left, value, _)| columns(left) + columns(value) + columns(&opens))
        .max()
        .unwrap_or(0);
    let title = format!(
        " Copy from {} — {} closes ",
        safe(&chooser.name),
        keys::primary(Mode::Choose, &Action::Cancel)
    );
    let width = (natural.max(columns(&title)) + 4).min(MAX_WIDTH);
    let width = cells(width).min(area.width);
    let height = cells(rows.len() + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(
            fit(&title, usize::from(width.saturating_sub(2))),
            theme.title,
        ));
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    block.render(popup, buf);
    let room = usize::from(inner.width);
    let top = chooser
        .cursor
        .saturating_sub(usize::from(inner.height).saturating_sub(1));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(top)
        .map(|(at, (left, value, can_open))| {
            let style = theme.row(at == chooser.cursor, true);
            let left = fit(left, room);
            let tag = if *can_open { opens.as_str() } else { "" };
            let value_room = room.saturating_sub(columns(&left) + columns(tag));
            let value = fit(value, value_room);
            let mut spans = vec![
                Span::styled(left, style.patch(theme.key)),
                Span::styled(value.clone(), style),
            ];
            let used = columns(&spans[0].content) + columns(&value);
            if !tag.is_empty() && used + columns(tag) <= room {
                spans.push(Span::styled(tag.to_string(), style.patch(theme.dim)));
            }
            Line::from(spans)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
