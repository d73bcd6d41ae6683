//! Where every pane goes for a terminal of a given size: a pure function of
//! the size and the focused pane, so `update` turns clicks and wheel ticks
//! into rows with the same geometry the view draws.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;

/// The panes of the browser; the one with the focus takes the keys. The
/// schools and the topics take turns on the left (`t` switches them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    Schools,
    Topics,
    Faculty,
    Detail,
}

impl Pane {
    /// Whether this is one of the panes on the left.
    pub fn is_left(self) -> bool {
        matches!(self, Pane::Schools | Pane::Topics)
    }
}

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
    /// Which of the left panes `left` shows.
    pub left_pane: Pane,
    /// The schools or the topics pane.
    pub left: Option<Rect>,
    pub faculty: Option<Rect>,
    pub detail: Option<Rect>,
    /// The research profile's bar chart, which takes the detail pane's
    /// place while a left pane has the focus.
    pub chart: Option<Rect>,
    pub status: Rect,
    /// Rows of the left list inside its border (empty when hidden).
    pub left_rows: Rect,
    /// The filter line inside the faculty pane.
    pub filter: Rect,
    /// Rows of the faculty list, under the filter line.
    pub faculty_rows: Rect,
    pub too_small: bool,
}

impl Panes {
    pub fn pane_at(&self, at: Position) -> Option<Pane> {
        let inside = |pane: Option<Rect>| pane.is_some_and(|rect| rect.contains(at));
        if inside(self.left) {
            Some(self.left_pane)
        } else if inside(self.faculty) {
            Some(Pane::Faculty)
        } else if inside(self.detail) || inside(self.chart) {
            Some(Pane::Detail)
        } else {
            None
        }
    }
}

/// The schools pane's width: the config's, else a quarter of the
/// terminal within bounds; never so wide that the faculty pane vanishes.
fn schools_width(width: u16) -> u16 {
    match crate::config::screen().schools_width {
        Some(wanted) => wanted.min(width / 2),
        None => (width / 4).clamp(24, 40),
    }
}

/// The layout for a terminal of `area`, the focus on `focus` and `left`
/// (the schools or the topics) on the left.
pub fn layout(area: Rect, focus: Pane, left: Pane) -> Panes {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Panes {
            too_small: true,
            ..Panes::default()
        };
    }
    let [body, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let mut panes = Panes {
        left_pane: left,
        status,
        ..Panes::default()
    };
    let on_left = focus.is_left();
    let shown: &[Pane] = if area.width >= THREE_PANE_WIDTH {
        &[Pane::Schools, Pane::Faculty, Pane::Detail]
    } else if area.width >= TWO_PANE_WIDTH {
        if on_left {
            &[Pane::Schools, Pane::Faculty]
        } else {
            &[Pane::Faculty, Pane::Detail]
        }
    } else {
        match focus {
            Pane::Schools | Pane::Topics => &[Pane::Schools],
            Pane::Faculty => &[Pane::Faculty],
            Pane::Detail => &[Pane::Detail],
        }
    };
    let constraints = shown.iter().map(|pane| match pane {
        // Wide enough at 120 columns to tell "Univ. of California - …" apart.
        Pane::Schools | Pane::Topics if shown.len() == 3 => {
            Constraint::Length(schools_width(area.width))
        }
        Pane::Schools | Pane::Topics if shown.len() == 2 => Constraint::Percentage(40),
        // Alone on a narrow terminal, it takes the whole width.
        Pane::Schools | Pane::Topics => Constraint::Fill(1),
        // The list's rows say why they matched: it gets the larger share.
        Pane::Faculty => Constraint::Fill(5),
        Pane::Detail => Constraint::Fill(4),
    });
    let rects = Layout::horizontal(constraints).split(body);
    for (pane, rect) in shown.iter().zip(rects.iter().copied()) {
        let inner = Block::bordered().inner(rect);
        match pane {
            Pane::Schools | Pane::Topics => {
                panes.left = Some(rect);
                panes.left_rows = inner;
            }
            // Two panes, a left one focused: the chart goes under the list.
            Pane::Faculty if on_left && shown.len() == 2 => {
                let chart = (rect.height * 2 / 5).clamp(5, 14);
                let [list, chart] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(chart)]).areas(rect);
                panes.chart = Some(chart);
                panes.set_faculty(list);
            }
            Pane::Faculty => panes.set_faculty(rect),
            Pane::Detail if on_left => panes.chart = Some(rect),
            Pane::Detail => panes.detail = Some(rect),
        }
    }
    panes
}

impl Panes {
    fn set_faculty(&mut self, rect: Rect) {
        self.faculty = Some(rect);
        let inner = Block::bordered().inner(rect);
        let [filter, rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        self.filter = filter;
        self.faculty_rows = rows;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_follow_the_width() {
        let layout =
            |width, height, focus| layout(Rect::new(0, 0, width, height), focus, Pane::Schools);
        let three = layout(120, 40, Pane::Faculty);
        assert!(three.left.is_some() && three.faculty.is_some() && three.detail.is_some());
        assert!(three.chart.is_none());
        let two = layout(80, 24, Pane::Faculty);
        assert!(two.left.is_none() && two.faculty.is_some() && two.detail.is_some());
        let two = layout(80, 24, Pane::Schools);
        assert!(two.left.is_some() && two.detail.is_none());
        let one = layout(50, 24, Pane::Detail);
        assert!(one.detail.is_some() && one.faculty.is_none());
        let one = layout(50, 24, Pane::Schools);
        assert_eq!(one.left.map(|r| r.width), Some(50), "the whole width");
        assert!(layout(39, 24, Pane::Faculty).too_small);
    }

    #[test]
    fn the_chart_shows_while_a_left_pane_has_the_focus() {
        let at = |width, height, focus| layout(Rect::new(0, 0, width, height), focus, Pane::Topics);
        let three = at(160, 48, Pane::Topics);
        assert!(three.detail.is_none(), "the chart takes the detail's place");
        assert_eq!(three.chart.map(|r| r.width), Some(160 - 40 - 67));
        let two = at(80, 24, Pane::Schools);
        let (list, chart) = (two.faculty.unwrap(), two.chart.unwrap());
        assert_eq!(
            (chart.x, chart.width),
            (list.x, list.width),
            "under the list"
        );
        assert_eq!(list.bottom(), chart.y);
        assert!(chart.height >= 5 && two.faculty_rows.height >= 5);
        assert!(
            at(50, 24, Pane::Topics).chart.is_none(),
            "one pane at a time"
        );
        assert!(at(160, 48, Pane::Faculty).chart.is_none());
    }

    #[test]
    fn a_click_finds_its_pane() {
        let panes = layout(Rect::new(0, 0, 120, 40), Pane::Faculty, Pane::Topics);
        let inside = |rect: Option<Rect>| rect.map(|r| Position::new(r.x + 1, r.y + 1));
        assert_eq!(
            panes.pane_at(inside(panes.left).unwrap()),
            Some(Pane::Topics)
        );
        assert_eq!(
            panes.pane_at(inside(panes.detail).unwrap()),
            Some(Pane::Detail)
        );
        assert_eq!(panes.pane_at(Position::new(0, 39)), None, "the status line");
    }
}
