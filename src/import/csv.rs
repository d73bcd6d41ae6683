//! `import csv`: a spreadsheet export, a header row then one person a row.
//! Columns are found by header ([`columns`](super::columns)); any other
//! column with something in it is kept as an extra field, under its header.

use std::path::Path;

use super::Batch;
use super::columns::{Columns, Role};
use super::table::{self, Row, Table};
use crate::model::{Field, PersonDraft, School};
use crate::parse::{split_topics, website_verdict};

/// The people of the CSV file at `path`. `school`, when given, is every
/// row's school, whatever the file says. Fails, saying why, when the file
/// cannot be read or has no column to take names (or schools) from.
pub fn read(path: &Path, school: Option<&str>) -> Result<Batch, String> {
    batch(table::read(path)?, school)
}

/// The people of `table`, as [`read`] takes them.
pub fn batch(mut table: Table, school: Option<&str>) -> Result<Batch, String> {
    let columns = Columns::new(&table.header);
    if !columns.has_names() {
        return Err(format!(
            "{}: no column of names: the header row ({}) has no {} column",
            table.label,
            table.header.join(", "),
            Columns::name_headers()
        ));
    }
    let school = school.map(str::trim);
    if school.is_none() && columns.get(Role::School).is_none() {
        return Err(format!(
            "{}: no column of schools ({}); give the school with --school",
            table.label,
            Columns::school_headers()
        ));
    }
    let header_line = table.header_line;
    for note in &columns.notes {
        table.warn(header_line, note.clone());
    }
    let mut batch = Batch::default();
    let label = batch.label(table.label.clone());
    let rows = std::mem::take(&mut table.rows);
    batch.rows = rows.len() + table.unreadable;
    batch.skipped = table.unreadable;
    for row in &rows {
        let name = name(row, &columns);
        if name.is_empty() {
            table.warn(row.line, "row has no name; skipped".into());
            batch.skipped += 1;
            continue;
        }
        let school = school.unwrap_or_else(|| cell(row, &columns, Role::School));
        if school.is_empty() {
            table.warn(
                row.line,
                format!("row of \"{name}\" has no school (--school gives one); skipped"),
            );
            batch.skipped += 1;
            continue;
        }
        let person = person(&mut table, row, &columns, name);
        let make_school = || School {
            name: school.to_string(),
            ..School::default()
        };
        batch.add(label, school, make_school, person, row.line);
    }
    batch.diagnostics = table.diagnostics;
    Ok(batch)
}

fn cell<'a>(row: &'a Row, columns: &Columns, role: Role) -> &'a str {
    columns.get(role).map_or("", |column| row.cell(column))
}

/// The row's name: its name cell, or its first and last names.
fn name(row: &Row, columns: &Columns) -> String {
    let whole = cell(row, columns, Role::Name);
    if !whole.is_empty() || columns.get(Role::Name).is_some() {
        return whole.to_string();
    }
    let parts = [Role::GivenName, Role::FamilyName].map(|role| cell(row, columns, role));
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn person(table: &mut Table, row: &Row, columns: &Columns, name: String) -> PersonDraft {
    let mut person = PersonDraft {
        name,
        ..PersonDraft::default()
    };
    let title = cell(row, columns, Role::Title);
    if !title.is_empty() {
        person.title = Some(title.to_string());
    }
    person.research = split_topics(cell(row, columns, Role::Research));
    let website = cell(row, columns, Role::Website);
    if !website.is_empty() {
        // As the directory reader takes a website: one it would not open
        // is kept where it is shown, never opened, with a warning.
        match website_verdict(website) {
            Ok(warning) => {
                if let Some(warning) = warning {
                    table.warn(row.line, warning);
                }
                person.website = Some(website.to_string());
            }
            Err(warning) => {
                table.warn(row.line, warning);
                person.extra.push(field("Website", website));
            }
        }
    }
    for (column, key) in &columns.extra {
        let value = row.cell(*column);
        if !value.is_empty() {
            person.extra.push(field(key, value));
        }
    }
    let past = row.cells.len().saturating_sub(table.header.len());
    let beyond: Vec<(usize, &String)> = (table.header.len()..row.cells.len())
        .map(|column| (column, &row.cells[column]))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    if !beyond.is_empty() {
        table.warn(
            row.line,
            format!(
                "row has {past} more cell{} than the header; kept as \"Column {}\"{}",
                if past == 1 { "" } else { "s" },
                beyond[0].0 + 1,
                if beyond.len() > 1 { " and on" } else { "" }
            ),
        );
    }
    for (column, value) in beyond {
        person
            .extra
            .push(field(&format!("Column {}", column + 1), value));
    }
    person
}

fn field(key: &str, value: &str) -> Field {
    Field {
        key: key.to_string(),
        value: value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str, school: Option<&str>) -> (Vec<(String, PersonDraft)>, Vec<String>) {
        let table = table::parse("t.csv", text.as_bytes()).expect("a table");
        let loaded = batch(table, school).expect("a batch").merge();
        let directory = &loaded.directory;
        let people = directory
            .people
            .iter()
            .map(|p| (directory.school_of(p).name.clone(), p.to_draft()))
            .collect();
        let messages = loaded.diagnostics.iter().map(ToString::to_string).collect();
        (people, messages)
    }

    #[test]
    fn every_column_lands_in_its_field_and_the_rest_are_kept() {
        let (people, messages) = people(
            "Full Name,Email,Institution,Position,Interests,Homepage\n\
             Ada Lee,ada@u.edu,U,Professor,\"ML (theory, practice); Systems\",https://u.edu/ada\n\
             Bo,,U,,,www.u.edu/bo\n",
            None,
        );
        let [(school, ada), (_, bo)] = people.as_slice() else {
            panic!("two people: {people:?}");
        };
        assert_eq!(school, "U");
        assert_eq!(ada.name, "Ada Lee");
        assert_eq!(ada.title.as_deref(), Some("Professor"));
        assert_eq!(ada.research, ["ML (theory, practice)", "Systems"]);
        assert_eq!(ada.website.as_deref(), Some("https://u.edu/ada"));
        assert_eq!(ada.extra, [field("Email", "ada@u.edu")]);
        assert_eq!((bo.title.as_deref(), bo.website.as_deref()), (None, None));
        assert_eq!(bo.extra, [field("Website", "www.u.edu/bo")]);
        assert_eq!(
            messages,
            ["t.csv:3:1: warning: website \"www.u.edu/bo\" is not an absolute http(s) URL"]
        );
    }

    #[test]
    fn rows_without_a_name_or_school_are_skipped_and_said() {
        let (people, messages) = people("name,school\nAda,U\n,U\nBo,\n", None);
        assert_eq!(people.len(), 1);
        assert_eq!(
            messages,
            [
                "t.csv:3:1: warning: row has no name; skipped",
                "t.csv:4:1: warning: row of \"Bo\" has no school (--school gives one); skipped",
            ]
        );
    }

    #[test]
    fn the_school_option_fills_or_overrides_the_school() {
        let (given, _) = people("name\nAda\n", Some(" MIT "));
        assert_eq!(given[0].0, "MIT");
        let (overridden, _) = people("name,school\nAda,U\n", Some("V"));
        assert_eq!(overridden[0].0, "V");
        let no_school = table::parse("t.csv", b"name\nAda\n").expect("a table");
        let error = batch(no_school, None).expect_err("no school");
        assert!(error.contains("--school"), "{error}");
        let no_names = table::parse("t.csv", b"email,school\na@b,U\n").expect("a table");
        let error = batch(no_names, None).expect_err("no names");
        assert!(error.starts_with("t.csv: no column of names"), "{error}");
    }

    #[test]
    fn first_and_last_names_make_the_name_and_extra_cells_are_kept() {
        let (people, messages) = people(
            "First Name,Last Name,University\nAda,Lee,U,,late,later\nBo,,U\n",
            None,
        );
        assert_eq!(people[0].1.name, "Ada Lee");
        assert_eq!(
            people[0].1.extra,
            [field("Column 5", "late"), field("Column 6", "later")]
        );
        assert_eq!(people[1].1.name, "Bo");
        assert_eq!(
            messages,
            [
                "t.csv:2:1: warning: row has 3 more cells than the header; kept as \"Column 5\" and on"
            ]
        );
    }
}
