//! Where every pane goes for a terminal of a given size: a pure function of
//! the size and the focused pane, so `update` turns clicks and wheel ticks
//! into rows with the same geometry the view draws.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;

/// The three panes of the browser; the one with the focus takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Schools,
    Faculty,
    Detail,
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
        // Wide enough at 120 columns to tell "Univ. of California - …" apart.
        Pane::Schools if shown.len() == 3 => Constraint::Length((area.width / 4).clamp(24, 40)),
        Pane::Schools if shown.len() == 2 => Constraint::Percentage(40),
        // Alone on a narrow terminal, it takes the whole width.
        Pane::Schools => Constraint::Fill(1),
        // The list's rows say why they matched: it gets the larger share.
        Pane::Faculty => Constraint::Fill(5),
        Pane::Detail => Constraint::Fill(4),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_follow_the_width() {
        let three = layout(Rect::new(0, 0, 120, 40), Pane::Faculty);
        assert!(three.schools.is_some() && three.faculty.is_some() && three.detail.is_some());
        let two = layout(Rect::new(0, 0, 80, 24), Pane::Faculty);
        assert!(two.schools.is_none() && two.faculty.is_some() && two.detail.is_some());
        let two = layout(Rect::new(0, 0, 80, 24), Pane::Schools);
        assert!(two.schools.is_some() && two.detail.is_none());
        let one = layout(Rect::new(0, 0, 50, 24), Pane::Detail);
        assert!(one.detail.is_some() && one.faculty.is_none());
        let one = layout(Rect::new(0, 0, 50, 24), Pane::Schools);
        assert_eq!(one.schools.map(|r| r.width), Some(50), "the whole width");
        assert!(layout(Rect::new(0, 0, 39, 24), Pane::Faculty).too_small);
    }

    #[test]
    fn a_click_finds_its_pane() {
        let panes = layout(Rect::new(0, 0, 120, 40), Pane::Faculty);
        let inside = |rect: Option<Rect>| rect.map(|r| Position::new(r.x + 1, r.y + 1));
        assert_eq!(
            panes.pane_at(inside(panes.schools).unwrap()),
            Some(Pane::Schools)
        );
        assert_eq!(
            panes.pane_at(inside(panes.detail).unwrap()),
            Some(Pane::Detail)
        );
        assert_eq!(panes.pane_at(Position::new(0, 39)), None, "the status line");
    }
}
