//! Where things are in the text: byte offsets to lines and columns, the
//! diagnostics that carry them, and the guard against over-long lines.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use crate::diag::{Diagnostic, Severity};

/// pulldown-cmark is linear but slow on some one-line shapes: 5 MB of `[`
/// takes over a second even in a release build, and the cost grows faster
/// than the input. No directory entry needs a line anywhere near this long,
/// so longer lines are blanked before parsing and reported instead.
pub(super) const MAX_LINE_BYTES: usize = 64 * 1024;

/// Byte offset to 1-based line and character column. Line endings are those
/// of `CommonMark` (LF, CRLF and a lone CR), so lines agree with the parser.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last answer (offset, line index, column index). Diagnostics come
    /// roughly in file order, so counting on from it keeps many diagnostics
    /// on one enormous line linear instead of quadratic.
    memo: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex {
            text,
            starts,
            memo: Cell::new((0, 0, 0)),
        }
    }

    fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(self.text.len());
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        start..end
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The text at `range` as written, or nothing when `range` is not in it.
    pub(super) fn source(&self, range: Range<usize>) -> &'a str {
        self.text.get(range).unwrap_or("")
    }

    /// 1-based line and character column of the byte at `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = self.text.floor_char_boundary(offset);
        let line = self.line_of(offset);
        let line_start = self.line_range(line).start;
        let (memo_offset, memo_line, memo_col) = self.memo.get();
        let (from, base) = if memo_line == line && (line_start..=offset).contains(&memo_offset) {
            (memo_offset, memo_col)
        } else {
            (line_start, 0)
        };
        let column = base + self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.memo.set((offset, line, column));
        (line + 1, column + 1)
    }
}

pub(super) struct Reporter<'a> {
    pub(super) label: &'a str,
    pub(super) index: LineIndex<'a>,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Where each URL the reader took is written, as byte ranges of the text.
    pub(super) spots: Vec<Range<usize>>,
}

impl Reporter<'_> {
    pub(super) fn at(&mut self, offset: usize, severity: Severity, message: String) {
        let (line, column) = self.index.position(offset);
        self.push(line, column, severity, message);
    }

    pub(super) fn push(&mut self, line: usize, column: usize, severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic {
            path: self.label.to_string(),
            line,
            column,
            severity,
            message,
        });
    }

    pub(super) fn warn(&mut self, offset: usize, message: String) {
        self.at(offset, Severity::Warning, message);
    }

    /// Records where `url`, read from the line holding `from`, is written
    /// there: the link's destination (after `(` or `<`) when the URL is
    /// also its text, else its first appearance after `from`. A URL that
    /// markdown changed (an escape, an entity) is not there as read, and
    /// gets no spot.
    pub(super) fn spot(&mut self, from: usize, url: &str) {
        if url.is_empty() {
            return;
        }
        let line = self.index.line_of(from);
        let end = self.index.line_range(line).end;
        let Some(text) = self.index.text.get(from..end) else {
            return;
        };
        let bytes = text.as_bytes();
        let mut first = None;
        for (at, _) in text.match_indices(url) {
            first.get_or_insert(at);
            if at > 0 && matches!(bytes[at - 1], b'(' | b'<') {
                first = Some(at);
                break;
            }
        }
        if let Some(at) = first {
            self.spots.push(from + at..from + at + url.len());
        }
    }
}

/// Replaces every over-long line with spaces of the same length, so offsets
/// (and therefore diagnostics) still refer to the original text.
pub(super) fn blank_long_lines<'t>(text: &'t str, rep: &mut Reporter) -> Cow<'t, str> {
    let mut blanked: Option<Vec<u8>> = None;
    for line in 0..rep.index.starts.len() {
        let range = rep.index.line_range(line);
        let content = text.get(range.clone()).unwrap_or("");
        let len = content.trim_end_matches(['\r', '\n']).len();
        if len > MAX_LINE_BYTES {
            let bytes = blanked.get_or_insert_with(|| text.as_bytes().to_vec());
            if let Some(slice) = bytes.get_mut(range.start..range.start + len) {
                slice.fill(b' ');
            }
            rep.warn(range.start, format!("line too long ({len} bytes); ignored"));
        }
    }
    match blanked {
        None => Cow::Borrowed(text),
        // Whole lines between ASCII line breaks became ASCII, so this cannot
        // fail; falling back to the original keeps it panic-free regardless.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tests::read;

    #[test]
    fn positions_count_characters_and_all_line_endings() {
        let index = LineIndex::new("ab\r\né😀x\rq\ny");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(4), (2, 1));
        assert_eq!(index.position(10), (2, 3));
        assert_eq!(index.position(12), (3, 1));
        assert_eq!(index.position(14), (4, 1));
        // Inside a multi-byte character, and past the end.
        assert_eq!(index.position(6), (2, 2));
        assert_eq!(index.position(99), (4, 2));
        // Going backwards on the same line must not reuse the memo.
        assert_eq!(index.position(9), (2, 2));
    }

    #[test]
    fn diag_line_too_long() {
        let src = format!(
            "# X\n\n### J\n- Title: {}\n- Research: a\n",
            "[".repeat(MAX_LINE_BYTES)
        );
        let file = read(&src);
        assert_eq!(file.diagnostics.len(), 1);
        let d = &file.diagnostics[0];
        assert_eq!((d.line, d.column), (4, 1));
        assert_eq!(
            d.message,
            format!("line too long ({} bytes); ignored", MAX_LINE_BYTES + 9)
        );
        assert_eq!(file.people[0].person.title(), None);
        assert_eq!(file.people[0].person.research().collect::<Vec<_>>(), ["a"]);
    }
}
