//! Cutting a table row into cells, from its source.
//!
//! pulldown-cmark finds tables and their rows, but cuts rows as the GFM
//! specification does: a pipe inside a code span still ends a cell, and
//! cells past the header's count are dropped. Tables written by people put
//! pipes in code spans (`` `a|b` ``) and give rows more or fewer cells than
//! the header, and what is written there is not to be lost, so rows are
//! cut here: at every pipe that is neither escaped (`\|`) nor inside a code
//! span, keeping every cell.

use std::collections::HashMap;

/// The cells of one row, each trimmed, with its offset in `row`. Leading
/// and trailing pipes are the row's edges, not empty cells.
pub(super) fn split_row(row: &str) -> Vec<(usize, &str)> {
    let row = row.trim_end_matches(['\r', '\n']);
    let bytes = row.as_bytes();
    let closes = code_span_ends(bytes);
    let mut pipes = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            // An escaped character never starts or ends anything.
            b'\\' => at += 2,
            b'`' => {
                let run = run_length(bytes, at);
                at = closes.get(&at).copied().unwrap_or(at + run);
            }
            b'|' => {
                pipes.push(at);
                at += 1;
            }
            _ => at += 1,
        }
    }
    // Pipes are ASCII, so cutting next to them stays on character boundaries.
    let mut cells = Vec::new();
    let mut from = 0;
    for &pipe in &pipes {
        cells.push((from, &row[from..pipe]));
        from = pipe + 1;
    }
    cells.push((from, &row[from..]));
    if cells
        .first()
        .is_some_and(|(_, cell)| cell.trim().is_empty())
        && !pipes.is_empty()
    {
        cells.remove(0);
    }
    if cells.len() > 1 && cells.last().is_some_and(|(_, cell)| cell.trim().is_empty()) {
        cells.pop();
    }
    cells
        .into_iter()
        .map(|(offset, cell)| {
            let lead = cell.len() - cell.trim_start().len();
            (offset + lead, cell.trim())
        })
        .collect()
}

fn run_length(bytes: &[u8], at: usize) -> usize {
    bytes[at..].iter().take_while(|&&b| b == b'`').count()
}

/// Where each code span opening at an offset ends: a run of backticks
/// opens one when a later run of exactly its length closes it. Found in
/// one pass from the end, so a row of many unmatched runs stays linear.
fn code_span_ends(bytes: &[u8]) -> HashMap<usize, usize> {
    let mut runs = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'`' => {
                let run = run_length(bytes, at);
                runs.push((at, run));
                at += run;
            }
            _ => at += 1,
        }
    }
    // By length: the start of the nearest later run of that length.
    let mut next: HashMap<usize, usize> = HashMap::new();
    let mut ends = HashMap::new();
    let mut after: Vec<Option<usize>> = vec![None; runs.len()];
    for (index, &(start, run)) in runs.iter().enumerate().rev() {
        after[index] = next.get(&run).copied();
        next.insert(run, start);
    }
    // Pair them from the left: a closing run cannot open another span.
    let mut index = 0;
    while index < runs.len() {
        let (start, run) = runs[index];
        match after[index] {
            Some(close) => {
                ends.insert(start, close + run);
                while index < runs.len() && runs[index].0 <= close {
                    index += 1;
                }
            }
            None => index += 1,
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &str) -> Vec<&str> {
        split_row(row).into_iter().map(|(_, cell)| cell).collect()
    }

    #[test]
    fn pipes_at_the_edges_are_optional() {
        assert_eq!(cells("| a | b |\n"), ["a", "b"]);
        assert_eq!(cells("a | b"), ["a", "b"]);
        assert_eq!(cells("| a | | c |"), ["a", "", "c"]);
        assert_eq!(cells("|"), [""]);
    }

    #[test]
    fn escaped_pipes_and_pipes_in_code_spans_stay_in_their_cell() {
        assert_eq!(
            cells("| `a|b` | x \\| y | ``c`|d`` | `e |"),
            ["`a|b`", "x \\| y", "``c`|d``", "`e"]
        );
        assert_eq!(cells("| `a` | b | `c` |"), ["`a`", "b", "`c`"]);
    }

    #[test]
    fn offsets_point_at_the_cells() {
        let row = "| Zoë  | 東京 |";
        for (at, cell) in split_row(row) {
            assert!(row[at..].starts_with(cell), "{cell}");
        }
    }

    #[test]
    fn many_unmatched_backticks_are_linear_and_safe() {
        let row = "| ".to_string() + &"`x".repeat(50_000) + " | b |";
        assert_eq!(cells(&row).len(), 2);
        let row = "`".repeat(1000) + "|" + &"``".repeat(10);
        assert_eq!(cells(&row).len(), 2);
    }
}
