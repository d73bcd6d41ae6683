//! Which people the faculty list draws from: everyone, the favorites, or
//! one school, and how those are laid out as rows of the schools pane.

use crate::model::SchoolId;

/// A row of the schools pane: row 0 is everyone, row 1 the favorites, and
/// each school follows in directory order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    Favorites,
    School(SchoolId),
}

impl Scope {
    /// Rows before the first school.
    const FIXED_ROWS: usize = 2;

    pub fn from_row(row: usize) -> Scope {
        match row {
            0 => Scope::All,
            1 => Scope::Favorites,
            n => Scope::School(n - Self::FIXED_ROWS),
        }
    }

    pub fn row(self) -> usize {
        match self {
            Scope::All => 0,
            Scope::Favorites => 1,
            Scope::School(school) => school + Self::FIXED_ROWS,
        }
    }

    /// Rows of the schools pane for a directory of `schools` schools.
    pub fn rows(schools: usize) -> usize {
        schools + Self::FIXED_ROWS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_scopes_correspond() {
        for row in 0..10 {
            assert_eq!(Scope::from_row(row).row(), row);
        }
        assert_eq!(Scope::from_row(2), Scope::School(0));
        assert_eq!(Scope::rows(648), 650);
    }
}
