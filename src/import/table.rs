//! A CSV file as a header and rows of text, each row with the line it
//! starts on, for `import` to turn into people.
//!
//! Files come from spreadsheets: a UTF-8 byte-order mark, CRLF line
//! endings, quoted cells holding commas and line breaks, and `;` or tab as
//! the separator (spreadsheets set to a language that writes decimal
//! commas use `;`) are all read. Cells are trimmed, as the directory
//! reader trims values; nothing else in them is changed.

use std::path::Path;

use ::csv::{ByteRecord, ReaderBuilder};

use crate::diag::{Diagnostic, Severity};
use crate::sources::read_file;

const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug)]
pub struct Table {
    /// The file as diagnostics name it.
    pub label: String,
    pub header: Vec<String>,
    /// The line the header row starts on.
    pub header_line: usize,
    pub rows: Vec<Row>,
    /// Rows that could not be read as text, each with a warning.
    pub unreadable: usize,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug)]
pub struct Row {
    pub line: usize,
    /// As many as the row has, which need not be as many as the header.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in `column`, empty when the row is shorter.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

impl Table {
    /// The first column whose header is `name`, ignoring ASCII case.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// A warning about the row starting on `line`.
    pub fn warn(&mut self, line: usize, message: String) {
        self.diagnostics.push(warning(&self.label, line, message));
    }
}

pub fn warning(label: &str, line: usize, message: String) -> Diagnostic {
    Diagnostic {
        path: label.to_string(),
        line,
        column: 1,
        severity: Severity::Warning,
        message,
    }
}

/// The table in the file at `path`, or why there is none: the file
/// cannot be read, or it has no header row that is text.
pub fn read(path: &Path) -> Result<Table, String> {
    let label = path.display().to_string();
    let bytes = read_file(path).map_err(|reason| format!("{label}: {reason}"))?;
    parse(&label, &bytes).map_err(|reason| format!("{label}: {reason}"))
}

/// The table in `bytes`; `label` names it in diagnostics.
pub fn parse(label: &str, bytes: &[u8]) -> Result<Table, String> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(bytes))
        .from_reader(bytes);
    let mut table = Table {
        label: label.to_string(),
        header: Vec::new(),
        header_line: 1,
        rows: Vec::new(),
        unreadable: 0,
        diagnostics: Vec::new(),
    };
    let mut record = ByteRecord::new();
    let mut header = None;
    let mut lines = Lines::new(bytes);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Reading from memory, with rows of any length allowed, this
            // does not happen; should it, what was read is kept.
            Err(error) => {
                let line = error.position().map_or(0, |at| lines.at(at));
                table.warn(line, format!("cannot read further: {error}"));
                break;
            }
        }
        let line = record.position().map_or(0, |at| lines.at(at));
        let Some(cells) = text(&record) else {
            if header.is_none() {
                return Err("the header row is not UTF-8 text; save the file as UTF-8 CSV".into());
            }
            table.unreadable += 1;
            table.warn(
                line,
                "row is not UTF-8 text (save the file as UTF-8 CSV); skipped".into(),
            );
            continue;
        };
        // Blank rows, as spreadsheets leave at the end, are no rows.
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if header.is_none() {
            header = Some(cells);
            table.header_line = line;
        } else {
            table.rows.push(Row { line, cells });
        }
    }
    table.header = header.ok_or("no header row: the file is empty")?;
    Ok(table)
}

/// Lines of the text, counted as records are read, in order, so that
/// counting them all costs one pass. The reader's own line numbers count
/// a record as starting before the line break that ends the previous one
/// when that is a CRLF, so records are placed by their first byte instead.
struct Lines<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Lines<'a> {
        Lines {
            bytes,
            counted_to: 0,
            line: 1,
        }
    }

    /// The line a record read from `position` starts on.
    fn at(&mut self, position: &::csv::Position) -> usize {
        let mut start = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.counted_to {
            self.line += memchr::memchr_iter(b'\n', &self.bytes[self.counted_to..start]).count();
            self.counted_to = start;
        }
        self.line
    }
}

/// The record's cells, trimmed, when they are all UTF-8.
fn text(record: &ByteRecord) -> Option<Vec<String>> {
    record
        .iter()
        .map(|cell| std::str::from_utf8(cell).ok().map(|c| c.trim().to_string()))
        .collect()
}

/// `;` or tab when the first line has more of it than commas, else `,`.
fn separator(bytes: &[u8]) -> u8 {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or(bytes);
    let count = |sep: u8| memchr::memchr_iter(sep, first).count();
    [b';', b'\t']
        .into_iter()
        .filter(|&sep| count(sep) > count(b','))
        .max_by_key(|&sep| count(sep))
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        parse("t.csv", text.as_bytes()).expect("a table")
    }

    #[test]
    fn quoted_cells_keep_their_commas_quotes_and_line_breaks() {
        let t = table(
            "\u{feff}Name,Research\r\n\"Lee, Ada\",\"ML, \"\"deep\"\"\nsystems\"\r\n\r\n,\r\nBo,x\r\n",
        );
        assert_eq!(t.header, ["Name", "Research"], "the mark is not a letter");
        let rows: Vec<(usize, &[String])> = t
            .rows
            .iter()
            .map(|r| (r.line, r.cells.as_slice()))
            .collect();
        assert_eq!(rows.len(), 2, "blank rows are no rows: {rows:?}");
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1, ["Lee, Ada", "ML, \"deep\"\nsystems"]);
        assert_eq!(rows[1].0, 6, "lines count the line break inside a cell");
        assert_eq!(t.column("research"), Some(1));
    }

    #[test]
    fn semicolons_and_tabs_separate_when_the_header_says_so() {
        assert_eq!(table("name;school\nAda;U\n").rows[0].cells, ["Ada", "U"]);
        assert_eq!(
            table("name\tschool\nAda\tU, V\n").rows[0].cells,
            ["Ada", "U, V"]
        );
        assert_eq!(
            table("name,research\nAda,a;b\n").rows[0].cells,
            ["Ada", "a;b"]
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_said_and_skipped() {
        let t = parse("t.csv", b"name\nAda\nJos\xe9\nBo\n").expect("a table");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.unreadable, 1);
        assert_eq!(
            t.diagnostics[0].to_string(),
            "t.csv:3:1: warning: row is not UTF-8 text (save the file as UTF-8 CSV); skipped"
        );
        assert!(parse("t.csv", b"n\xe9m\nAda\n").is_err());
        assert!(parse("t.csv", b"").is_err());
        assert!(parse("t.csv", b"\n,,\n").is_err());
    }
}
