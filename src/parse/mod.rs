//! Reading one directory file into the model. The format, every form the
//! reader accepts and every diagnostic it gives are specified in
//! `docs/format.md`; keep the two in step.
//!
//! The work happens in three passes: the bytes are decoded (here, with
//! `positions` mapping offsets to lines and columns, and `front` blanking
//! front matter), pulldown-cmark's events are gathered into a flat list of
//! blocks (headings, paragraphs, list items, tables, rules) carrying just
//! their text and links (`blocks`, with `table_rows` cutting rows into
//! cells), and a small section state machine turns those blocks into a
//! school, its labs and its people (`reader`, with `sections` judging
//! headings by their words, `people` the headings, entries and groups of a
//! people section, `entries` one list entry, `tables` one table, `labs`
//! one lab, `fields` one field, `inline` flattening text, and `notes`
//! saying what each section skipped). Keeping the markdown details out of the last pass is
//! what lets it stay tolerant: every block is judged on its own, so one bad
//! entry cannot disturb the next. Text is stored as written; making it safe
//! for a terminal is the job of whoever prints it.

mod blocks;
mod entries;
mod fields;
mod front;
mod inline;
mod labs;
mod notes;
mod people;
mod positions;
mod reader;
mod sections;
mod table_rows;
mod tables;

pub use fields::{is_field_key, website_verdict};
pub use inline::split_topics;

use std::borrow::Cow;
use std::ops::Range;

use blocks::collect_blocks;
use positions::{Reporter, blank_long_lines};

pub use positions::LineIndex;
use reader::Reader;

use crate::diag::{Diagnostic, Severity};
use crate::model::{Person, School};

/// A person plus where its entry starts (its `### Name` heading, its list
/// item, its table row), for duplicate diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedPerson {
    pub person: Person,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFile {
    /// None only when the bytes could not be read as text at all (not UTF-8).
    pub school: Option<School>,
    /// Other schools, named by the rows of a table with a school column.
    pub also: Vec<School>,
    /// In file order. `person.school` says whose: 0 for `school`, n for
    /// `also[n - 1]`; the caller assigns real ids.
    pub people: Vec<ParsedPerson>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many people and labs were read in each shape.
    pub shapes: Shapes,
    /// Where the URLs of people's websites and fields and of labs are
    /// written: byte ranges of the file as read (byte-order mark
    /// included), in no particular order, for changing one in place.
    pub spots: Vec<Range<usize>>,
}

/// How many people and labs a file gave in each of the shapes it may
/// write them in, for `check` to say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shapes {
    /// People under headings of their own, the canonical form.
    pub headed: usize,
    /// People as list entries, `- [Name](url): topics`.
    pub listed: usize,
    /// People as table rows.
    pub tabled: usize,
    /// Labs as items (or linked headings) of a labs section.
    pub labs_listed: usize,
    /// Labs as table rows.
    pub labs_tabled: usize,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `label` is what diagnostics print as the path (e.g. "schools/mit.md" or "builtin:mit.md").
pub fn parse(label: &str, bytes: &[u8]) -> ParsedFile {
    let (bytes, bom_len) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, BOM.len()),
        None => (bytes, 0),
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return not_utf8(label, bytes, err.valid_up_to(), bom_len),
    };
    let mut rep = Reporter {
        label,
        index: LineIndex::new(text),
        diagnostics: Vec::new(),
        spots: Vec::new(),
    };
    let front = front::front_matter(text);
    let unfronted = match &front {
        Some(front) => Cow::Owned(front::blank(text, front.end)),
        None => Cow::Borrowed(text),
    };
    let markdown = blank_long_lines(&unfronted, &mut rep);
    let blocks = collect_blocks(&markdown, &mut rep);
    let mut reader = Reader::new(rep);
    reader.front_title = front.and_then(|front| front.title);
    for block in blocks {
        reader.block(block);
    }
    let mut file = reader.finish(label);
    for spot in &mut file.spots {
        *spot = spot.start + bom_len..spot.end + bom_len;
    }
    file
}

fn not_utf8(label: &str, bytes: &[u8], valid_up_to: usize, bom_len: usize) -> ParsedFile {
    let prefix = bytes
        .get(..valid_up_to)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let (line, column) = LineIndex::new(prefix).position(prefix.len());
    let diagnostic = Diagnostic {
        path: label.to_string(),
        line,
        column,
        severity: Severity::Error,
        message: format!(
            "not valid UTF-8 (first bad byte at offset {}); file skipped",
            bom_len + valid_up_to
        ),
    };
    ParsedFile {
        diagnostics: vec![diagnostic],
        ..ParsedFile::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Lab};

    pub(super) const HEAD: &str = "# MIT - Faculty\n\n## Faculty\n\n";

    pub(super) fn read(src: &str) -> ParsedFile {
        parse("t.md", src.as_bytes())
    }

    /// The only person of `HEAD` + `body`, with no diagnostics expected.
    pub(super) fn person(body: &str) -> Person {
        let file = read(&format!("{HEAD}{body}"));
        assert_eq!(file.diagnostics, [], "{body}");
        assert_eq!(file.people.len(), 1, "{body}");
        file.people[0].person.clone()
    }

    /// The single diagnostic of `src` as (line, column, severity, message).
    pub(super) fn only_diag(src: &str) -> (usize, usize, Severity, String) {
        let file = read(src);
        assert_eq!(file.diagnostics.len(), 1, "{:?}", file.diagnostics);
        let d = &file.diagnostics[0];
        assert_eq!(d.path, "t.md");
        (d.line, d.column, d.severity, d.message.clone())
    }

    pub(super) fn labs(body: &str) -> Vec<Lab> {
        let file = read(&format!("# X\n\n{body}"));
        assert_eq!(file.diagnostics, [], "{body}");
        file.school.unwrap().labs
    }

    pub(super) fn lab(name: &str, url: &str) -> Lab {
        Lab {
            name: name.into(),
            url: url.into(),
        }
    }

    pub(super) fn field(key: &str, value: &str) -> Field {
        Field {
            key: key.into(),
            value: value.into(),
        }
    }

    #[test]
    fn crlf_line_endings() {
        let src = "# MIT - Faculty\r\n\r\n## Faculty\r\n\r\n### Jane Doe\r\n- **Title**: Professor\r\n- **Research**: A, B\r\n- **Website**: https://x.org/\r\n";
        let file = read(src);
        assert_eq!(file.diagnostics, []);
        let jane = &file.people[0].person;
        assert_eq!(jane.name(), "Jane Doe");
        assert_eq!(jane.title(), Some("Professor"));
        assert_eq!(jane.research().collect::<Vec<_>>(), ["A", "B"]);
        assert_eq!(jane.website(), Some("https://x.org/"));
        assert_eq!((file.people[0].line, file.people[0].column), (5, 1));
    }

    #[test]
    fn byte_order_mark_is_stripped() {
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice(b"# MIT - Faculty\n\n### Jane\n- Title: x\n");
        let file = parse("t.md", &bytes);
        assert_eq!(file.diagnostics, []);
        assert_eq!(file.school.unwrap().name, "MIT");
        assert_eq!((file.people[0].line, file.people[0].column), (3, 1));
    }

    #[test]
    fn diag_not_utf8() {
        let file = parse("t.md", b"# MIT\n\nab\xffcd\n");
        assert_eq!(file.school, None);
        assert_eq!(file.people, []);
        let d = &file.diagnostics[..];
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].line, d[0].column, d[0].severity),
            (3, 3, Severity::Error)
        );
        assert_eq!(
            d[0].message,
            "not valid UTF-8 (first bad byte at offset 9); file skipped"
        );
        let with_bom = parse("t.md", b"\xEF\xBB\xBF\xC3");
        assert_eq!(
            with_bom.diagnostics[0].message,
            "not valid UTF-8 (first bad byte at offset 3); file skipped"
        );
        assert_eq!(
            (with_bom.diagnostics[0].line, with_bom.diagnostics[0].column),
            (1, 1)
        );
    }

    #[test]
    fn control_characters_are_kept_as_written() {
        let file = read(
            "# M\u{1b}[2J\n\n### J\u{1b}]0;x\u{7}\n- Title: a\u{7}b\n- Website: https://x.org/\u{1b}[2J\n\n## Labs\n- L\u{1b}[1m: https://l.org/\n",
        );
        let school = file.school.unwrap();
        assert_eq!(school.name, "M\u{1b}[2J");
        assert_eq!(school.labs, [lab("L\u{1b}[1m", "https://l.org/")]);
        let p = &file.people[0].person;
        assert_eq!(p.name(), "J\u{1b}]0;x\u{7}");
        assert_eq!(p.title(), Some("a\u{7}b"));
        // Still never a website to open: the check sees the raw characters.
        assert_eq!(p.website(), None);
        assert_eq!(
            p.to_draft().extra,
            [field("Website", "https://x.org/\u{1b}[2J")]
        );
        let d = &file.diagnostics[0];
        assert!(d.message.contains("https://x.org/\u{1b}[2J"), "{d:?}");
        assert!(!d.to_string().contains('\u{1b}'), "{d}");
    }
}
