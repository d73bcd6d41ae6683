//! `favorites --export`: the shortlist as a markdown checklist, as CSV for
//! a spreadsheet, or as JSON records, each favorite with its name, school,
//! title, website, status, note and the day it was added.
//!
//! JSON keeps text exactly. Markdown and CSV are text that may well be
//! read on a terminal: their control characters are made visible as
//! everywhere else (a note keeps its line breaks), and text from data
//! files is escaped so that it reads as written.

use std::io::{self, Write};

use serde::Serialize;

use crate::favorites::is_done;
use crate::sanitize::sanitize;

/// One favorite as exported.
#[derive(Debug, Serialize)]
pub struct ExportRow<'a> {
    pub name: &'a str,
    pub school: &'a str,
    pub title: Option<&'a str>,
    pub website: Option<&'a str>,
    pub status: Option<&'a str>,
    pub note: Option<&'a str>,
    /// `YYYY-MM-DD`; none for favorites saved before there were dates.
    pub added: Option<&'a str>,
    /// Only for favorites whose person is no longer in the data.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub missing: bool,
}

/// The columns of the CSV, in order.
pub const CSV_HEADER: [&str; 7] = [
    "name", "school", "title", "website", "status", "note", "added",
];

pub fn json(out: &mut dyn Write, rows: &[ExportRow]) -> io::Result<()> {
    let mut buffered = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut buffered, rows)?;
    writeln!(buffered)?;
    buffered.flush()
}

/// RFC 4180 (CRLF between records, fields quoted when they need it), in
/// UTF-8 with a byte-order mark, without which Excel reads accented
/// names as mojibake.
pub fn csv(out: &mut dyn Write, rows: &[ExportRow]) -> io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for row in rows {
        let fields = [
            Some(row.name),
            Some(row.school),
            row.title,
            row.website,
            row.status,
            row.note,
            row.added,
        ];
        writer.write_record(fields.map(|field| cell(field.unwrap_or(""))))?;
    }
    writer.flush()
}

/// A CSV field as a spreadsheet should show it: a value a spreadsheet
/// would take for a formula (starting `=`, `+`, `-`, `@`, a tab or a
/// carriage return) starts with `'`, which spreadsheets read as "text".
fn cell(text: &str) -> String {
    let text = visible_lines(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// A checklist, one item a favorite: ticked once the person has been
/// written to (contacted, replied, declined). The note follows its item
/// as a quote, as the user wrote it (markdown in it is theirs); the rest
/// is escaped.
pub fn markdown(out: &mut dyn Write, rows: &[ExportRow]) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    writeln!(out, "# Shortlist")?;
    for row in rows {
        writeln!(out)?;
        let tick = if is_done(row.status) { 'x' } else { ' ' };
        let mut head = format!(
            "- [{tick}] **{}** ({})",
            escape(row.name),
            escape(row.school)
        );
        if let Some(status) = row.status {
            head.push_str(" — ");
            head.push_str(&escape(status));
        }
        let mut about: Vec<String> = Vec::new();
        if let Some(title) = row.title {
            about.push(escape(title));
        }
        if let Some(website) = row.website {
            about.push(link(website));
        }
        if row.missing {
            about.push("not in the loaded data".into());
        }
        if let Some(added) = row.added {
            about.push(format!("added {}", escape(added)));
        }
        if about.is_empty() {
            writeln!(out, "{head}")?;
        } else {
            // A backslash ends the line where it is, in CommonMark.
            writeln!(out, "{head}\\")?;
            writeln!(out, "  {}", about.join(" · "))?;
        }
        if let Some(note) = row.note {
            writeln!(out)?;
            for line in visible_lines(note).lines() {
                if line.is_empty() {
                    writeln!(out, "  >")?;
                } else {
                    writeln!(out, "  > {line}")?;
                }
            }
        }
    }
    out.flush()
}

/// A URL as an autolink, which shows it as written; one an autolink
/// cannot hold is shown as text.
fn link(url: &str) -> String {
    if url.contains(['<', '>']) || url.chars().any(char::is_whitespace) {
        escape(url)
    } else {
        format!("<{}>", visible_lines(url))
    }
}

/// `text` with the characters that would be read as markdown escaped,
/// and its control characters (line breaks too) made visible.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` made safe for a terminal, its line breaks kept.
fn visible_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| sanitize(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(name: &'a str, status: Option<&'a str>, note: Option<&'a str>) -> ExportRow<'a> {
        ExportRow {
            name,
            school: "UC Berkeley",
            title: Some("Professor"),
            website: Some("https://people.eecs.berkeley.edu/~istoica/"),
            status,
            note,
            added: Some("2025-03-01"),
            missing: false,
        }
    }

    fn written(
        write: fn(&mut dyn Write, &[ExportRow]) -> io::Result<()>,
        rows: &[ExportRow],
    ) -> String {
        let mut out = Vec::new();
        write(&mut out, rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        let rows = [
            row(
                "=HYPERLINK(\"http://evil\")",
                Some("+1"),
                Some("line one\nline, \"two\""),
            ),
            row("José", Some("-"), Some("@home")),
        ];
        let text = written(csv, &rows);
        assert!(text.starts_with("\u{FEFF}name,school,title,website,status,note,added\r\n"));
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(records[0][0], "'=HYPERLINK(\"http://evil\")");
        assert_eq!(records[0][4], "'+1");
        assert_eq!(records[0][5], "line one\nline, \"two\"");
        assert_eq!(records[1][..2], ["José", "UC Berkeley"]);
        assert_eq!(records[1][4..6], ["'-", "'@home"]);
        assert_eq!(records[1][6], "2025-03-01");
    }

    #[test]
    fn markdown_is_a_checklist_with_notes_quoted() {
        let rows = [
            row(
                "Ion *Stoica*",
                Some("replied"),
                Some("Ask about RA.\n\nMet at NSDI."),
            ),
            ExportRow {
                title: None,
                website: None,
                added: None,
                missing: true,
                ..row("Gone [x]", None, None)
            },
        ];
        let text = written(markdown, &rows);
        assert_eq!(
            text,
            "# Shortlist\n\n\
             - [x] **Ion \\*Stoica\\*** (UC Berkeley) — replied\\\n  \
             Professor · <https://people.eecs.berkeley.edu/~istoica/> · added 2025-03-01\n\n  \
             > Ask about RA.\n  >\n  > Met at NSDI.\n\n\
             - [ ] **Gone \\[x\\]** (UC Berkeley)\\\n  not in the loaded data\n"
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let rows = [row(
            "Evil\u{1b}[2J",
            Some("x\u{7}"),
            Some("a\u{1b}]0;t\u{7}\nb"),
        )];
        for text in [written(markdown, &rows), written(csv, &rows)] {
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\r'),
                "{text:?}"
            );
            assert!(text.contains('\u{241B}'), "{text:?}");
        }
        // JSON keeps the text exactly, escaped.
        let json = written(json, &rows);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed[0]["name"], "Evil\u{1b}[2J");
        assert_eq!(parsed[0]["added"], "2025-03-01");
        assert!(parsed[0].get("missing").is_none());
    }
}
