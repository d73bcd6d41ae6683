//! The cursor of a list on screen: which row is selected and which is the
//! first one shown, kept so that the selection is always visible.

/// A selected row and the first visible row of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    selected: usize,
    offset: usize,
}

impl ListCursor {
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first row on screen.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Selects `row` of `len` (the last one when past the end) and returns
    /// whether the selection changed.
    pub fn select(&mut self, row: usize, len: usize) -> bool {
        let row = row.min(len.saturating_sub(1));
        let changed = row != self.selected;
        self.selected = row;
        changed
    }

    /// The row `delta` rows from the selection, within `0..len`.
    pub fn moved(&self, delta: isize, len: usize) -> usize {
        self.selected
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1))
    }

    /// Scrolls a window of `height` rows over `total` rows so that the
    /// selection is on screen, with no empty rows below the last one when
    /// the window grows.
    pub fn keep_visible(&mut self, height: usize, total: usize) {
        let height = height.max(1);
        let offset = self.offset.min(total.saturating_sub(height));
        self.offset = if self.selected < offset {
            self.selected
        } else if self.selected >= offset + height {
            self.selected + 1 - height
        } else {
            offset
        };
    }

    /// At the last selectable row, shows the rows that follow it (rows
    /// that cannot be selected, such as missing favorites) as far as the
    /// selection stays on screen.
    pub fn reveal_trailing_rows(&mut self, height: usize, total: usize) {
        self.offset = self
            .offset
            .max(total.saturating_sub(height))
            .min(self.selected);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offset_after(selected: usize, offset: usize, height: usize, total: usize) -> usize {
        let mut cursor = ListCursor { selected, offset };
        cursor.keep_visible(height, total);
        cursor.offset()
    }

    #[test]
    fn growing_the_window_fills_it_from_the_top() {
        assert_eq!(offset_after(99, 80, 20, 100), 80);
        assert_eq!(offset_after(99, 80, 40, 100), 60);
        assert_eq!(offset_after(5, 80, 40, 100), 5);
        assert_eq!(offset_after(0, 3, 40, 10), 0);
        assert_eq!(offset_after(50, 0, 10, 100), 41);
    }

    #[test]
    fn selection_stays_in_the_list() {
        let mut cursor = ListCursor::default();
        assert!(!cursor.select(0, 0), "an empty list selects row 0");
        assert!(cursor.select(7, 5));
        assert_eq!(cursor.selected(), 4);
        assert_eq!(cursor.moved(-10, 5), 0);
        assert_eq!(cursor.moved(isize::MAX / 2, 5), 4);
    }
}
