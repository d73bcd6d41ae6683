//! The screen, drawn from `&App`: one file per pane, styles from `Theme`.
//!
//! `layout` is a pure function of the terminal size and focus, so `update`
//! uses the same geometry to turn mouse clicks into rows.

mod detail;
mod faculty;
mod help;
mod schools;
mod status;
mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

pub use detail::scroll_limit as detail_scroll_limit;
pub use help::scroll_limit as help_scroll_limit;
pub use theme::Theme;

use crate::app::{App, Mode, Pane};
use crate::sanitize::stand_in;

/// Below this size the panes would be unreadable, so a message is shown.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Below this width the schools pane only shows while it has the focus.
pub const THREE_PANE_WIDTH: u16 = 100;
/// Below this width one pane at a time.
pub const TWO_PANE_WIDTH: u16 = 60;

/// Where everything goes for a terminal of a given size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub schools: Option<Rect>,
    pub faculty: Option<Rect>,
    pub detail: Option<Rect>,
    pub status: Rect,
    /// Rows of the schools list inside its border (empty when hidden).
    pub schools_rows: Rect,
    /// The filter line inside the faculty pane.
    pub filter: Rect,
    /// Rows of the faculty list, under the filter line.
    pub faculty_rows: Rect,
    pub too_small: bool,
}

impl Panes {
    pub fn pane_at(&self, at: Position) -> Option<Pane> {
        let inside = |pane: Option<Rect>| pane.is_some_and(|rect| rect.contains(at));
        if inside(self.schools) {
            Some(Pane::Schools)
        } else if inside(self.faculty) {
            Some(Pane::Faculty)
        } else if inside(self.detail) {
            Some(Pane::Detail)
        } else {
            None
        }
    }
}

pub fn layout(area: Rect, focus: Pane) -> Panes {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Panes {
            too_small: true,
            ..Panes::default()
        };
    }
    let [body, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let mut panes = Panes {
        status,
        ..Panes::default()
    };
    let shown: &[Pane] = if area.width >= THREE_PANE_WIDTH {
        &[Pane::Schools, Pane::Faculty, Pane::Detail]
    } else if area.width >= TWO_PANE_WIDTH {
        match focus {
            Pane::Schools => &[Pane::Schools, Pane::Faculty],
            _ => &[Pane::Faculty, Pane::Detail],
        }
    } else {
        match focus {
            Pane::Schools => &[Pane::Schools],
            Pane::Faculty => &[Pane::Faculty],
            Pane::Detail => &[Pane::Detail],
        }
    };
    let constraints = shown.iter().map(|pane| match pane {
        Pane::Schools if shown.len() == 3 => Constraint::Length((area.width / 5).clamp(24, 34)),
        Pane::Schools => Constraint::Percentage(40),
        Pane::Faculty => Constraint::Fill(4),
        Pane::Detail => Constraint::Fill(5),
    });
    let rects = Layout::horizontal(constraints).split(body);
    for (pane, rect) in shown.iter().zip(rects.iter().copied()) {
        let inner = Block::bordered().inner(rect);
        match pane {
            Pane::Schools => {
                panes.schools = Some(rect);
                panes.schools_rows = inner;
            }
            Pane::Faculty => {
                panes.faculty = Some(rect);
                let [filter, rows] =
                    Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
                panes.filter = filter;
                panes.faculty_rows = rows;
            }
            Pane::Detail => panes.detail = Some(rect),
        }
    }
    panes
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let panes = layout(area, self.focus);
        if panes.too_small {
            let message = format!(
                "Terminal too small ({}x{}). profdex needs at least {MIN_WIDTH}x{MIN_HEIGHT}. Press q to quit.",
                area.width, area.height
            );
            Paragraph::new(message)
                .style(self.theme.text)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        if let Some(rect) = panes.schools {
            schools::render(self, rect, &panes, buf);
        }
        if let Some(rect) = panes.faculty {
            faculty::render(self, rect, &panes, buf);
        }
        if let Some(rect) = panes.detail {
            detail::render(self, rect, buf);
        }
        status::render(self, panes.status, buf);
        if self.mode == Mode::Help {
            help::render(self, area, buf);
        }
    }
}

/// What the screen shows while the directory files are read.
pub fn render_loading(files: usize, area: Rect, buf: &mut Buffer) {
    let plural = if files == 1 { "" } else { "s" };
    Paragraph::new(format!("Loading {files} directory file{plural}…"))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// A bordered pane, its border showing whether it has the focus.
fn pane_block<'a>(app: &App, title: Line<'a>, focused: bool) -> Block<'a> {
    let (border, kind) = if focused {
        (app.theme.border_focused, BorderType::Thick)
    } else {
        (app.theme.border, BorderType::Plain)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(title)
}

/// `text` as spans, the characters at `positions` in `matched` style, every
/// character from data made safe for the terminal. A combining mark takes
/// the style of the character it belongs to.
fn highlighted<'a>(text: &str, positions: &[usize], base: Style, matched: Style) -> Vec<Span<'a>> {
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (index, c) in text.chars().enumerate() {
        let is_mark = unicode_normalization::char::is_combining_mark(c);
        let is_match = if is_mark {
            run_matched
        } else {
            positions.binary_search(&index).is_ok()
        };
        if is_match != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = is_match;
        run.push(stand_in(c));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

/// Text from data, made safe for the terminal.
fn safe(text: &str) -> String {
    crate::sanitize::sanitize(text).into_owned()
}

/// `text` cut to `width` columns, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("UC Berkeley", 20), "UC Berkeley");
        assert_eq!(fit("UC Berkeley", 6), "UC Be…");
        assert_eq!(fit("東京大学", 5), "東京…");
        assert_eq!(fit("abc", 0), "…");
    }
}
