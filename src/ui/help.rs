//! The help overlay, generated from the key table so the two never disagree.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::cells;
use crate::app::{Action, App, Mode};
use crate::keys;
use crate::wrap::wrap;

/// Draws the overlay and returns how far it can scroll.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> usize {
    let theme = app.screen.theme();
    // The status line stays in view under the overlay.
    let area = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let mode = app.screen.mode();
    let entries = entries(mode);
    let key_width = entries
        .iter()
        .filter_map(|entry| entry.keys.as_ref())
        .map(|keys| keys.width())
        .max()
        .unwrap_or(0);
    let natural = entries
        .iter()
        .map(|entry| entry.keys.as_ref().map_or(0, |_| key_width + 2) + entry.text.width())
        .max()
        .unwrap_or(0);
    // Two columns of margin inside the border on each side.
    let width = cells(natural + 4).min(area.width);
    let text_width = usize::from(width.saturating_sub(4));
    let mut rows: Vec<Line> = Vec::new();
    for entry in &entries {
        let spans = match &entry.keys {
            Some(keys) => vec![
                Span::styled(format!("{keys:key_width$}  "), theme.key),
                Span::styled(entry.text.clone(), theme.text),
            ],
            None => vec![Span::styled(entry.text.clone(), entry.style(app))],
        };
        let indent = entry.keys.as_ref().map_or(0, |_| key_width + 2);
        rows.extend(wrap(&spans, text_width, indent));
    }
    let height = cells(rows.len() + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    // Nothing of the panes peeks out beside the overlay, half cut.
    Clear.render(area, buf);
    let title = format!(
        " Keys — {} closes, {} {} scroll ",
        keys::primary(mode, &Action::ToggleHelp),
        keys::primary(mode, &Action::Down),
        keys::primary(mode, &Action::Up),
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.title));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let limit = rows.len().saturating_sub(usize::from(inner.height));
    let scroll = app.screen.help_scroll().min(limit);
    Paragraph::new(rows)
        .scroll((cells(scroll), 0))
        .render(inner.inner(Margin::new(1, 0)), buf);
    limit
}

/// A row of the help before wrapping: a section heading, a blank, a note,
/// or an action with its keys.
struct Entry {
    keys: Option<String>,
    text: String,
    heading: bool,
}

impl Entry {
    fn style(&self, app: &App) -> ratatui::style::Style {
        let theme = app.screen.theme();
        if self.heading {
            theme.heading
        } else {
            theme.dim
        }
    }
}

/// The actions that lead into a mode, for its heading's "(after …)".
const ENTERED_BY: &[(Mode, &[Action])] = &[
    (Mode::Filter, &[Action::StartFilter]),
    (Mode::Related, &[Action::FocusRelated]),
    (Mode::Note, &[Action::EditNote, Action::EditStatus]),
    (Mode::Confirm, &[Action::ToggleFavorite]),
    (Mode::Choose, &[Action::CopyOther]),
];

/// A section's heading naming the keys in force that lead into its mode.
fn heading(section: &str, mode: Mode) -> String {
    let (Some(open), Some((_, actions))) = (
        section.find(" (after "),
        ENTERED_BY.iter().find(|(m, _)| *m == mode),
    ) else {
        return section.to_string();
    };
    let keys: Vec<String> = actions
        .iter()
        .map(|action| keys::primary(Mode::Browse, action))
        .filter(|key| !key.is_empty())
        .collect();
    if keys.is_empty() {
        return section[..open].to_string();
    }
    format!("{} (after {})", &section[..open], keys.join(" or "))
}

fn entries(mode: Mode) -> Vec<Entry> {
    let plain = |text: &str, heading| Entry {
        keys: None,
        text: text.to_string(),
        heading,
    };
    let mut entries = Vec::new();
    for (index, &(section, mode)) in keys::sections(mode).iter().enumerate() {
        if index > 0 {
            entries.push(plain("", false));
        }
        entries.push(plain(&heading(section, mode), true));
        for row in keys::help_rows(mode) {
            let labels: Vec<String> = row.keys.iter().map(|key| key.label()).collect();
            entries.push(Entry {
                keys: Some(labels.join(" ")),
                text: row.description.to_string(),
                heading: false,
            });
        }
    }
    entries.push(plain("", false));
    entries.push(plain("Mouse: click selects, the wheel scrolls.", false));
    entries.push(plain(
        "Filter: 'exact ^start end$ !not a|b \"phrase\" name: school: title: topic:\"one topic\"",
        false,
    ));
    entries
}
