//! `profdex import csv`, run as a user runs it, against a throw-away data
//! directory.

mod common;

use std::fs;

use common::{Sandbox, names};
use serde_json::Value;

/// A spreadsheet export as spreadsheets write one: a byte-order mark, CRLF,
/// headers by other names, quoted cells with commas, quotes and line
/// breaks, a column of their own, a row without a name, a blank row.
const SHEET: &str = "\u{feff}Full Name,Institution,Position,Research Interests,Homepage,E-mail\r\n\
    \"Lee, Ada\",Big U,Professor,\"Databases; ML (theory, practice)\",https://big.example/ada,ada@big.example\r\n\
    ,Big U,Lecturer,Robotics,,nobody@big.example\r\n\
    \"Bo \"\"Bobby\"\"\nChen\",Small College,,Robotics,www.small.example/bo,\r\n\
    ,,,,,\r\n\
    Cy Diaz,Big U,Reader,,https://big.example/cy,\r\n";

fn person<'a>(rows: &'a [Value], name: &str) -> &'a Value {
    rows.iter()
        .find(|row| row["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {rows:?}"))
}

fn extra(row: &Value) -> Vec<(String, String)> {
    row["extra"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .map(|f| {
                    (
                        f["key"].as_str().unwrap_or("?").into(),
                        f["value"].as_str().unwrap_or("?").into(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_spreadsheet_becomes_one_school_file_per_school() {
    let sandbox = Sandbox::new();
    let sheet = sandbox.write("people.csv", SHEET);
    let sheet = sheet.to_str().expect("a UTF-8 path");
    let run = sandbox.run(&["import", "csv", sheet]);
    run.assert_code(0);
    let schools = sandbox.data_dir().join("schools");
    assert!(
        run.stdout.contains(&format!(
            "wrote {} (Big U, 2 people)",
            schools.join("big-u.md").display()
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("small-college.md (Small College, 1 person)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("imported 3 people at 2 schools from 4 rows (1 skipped): 2 files written\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        format!(
            "{sheet}:3:1: warning: row has no name; skipped\n\
             {sheet}:4:1: warning: website \"www.small.example/bo\" is not an absolute http(s) URL\n"
        )
    );

    let rows = sandbox
        .run(&["--no-builtin", "list", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(names(&rows), ["Cy Diaz", "Lee, Ada", "Bo \"Bobby\" Chen"]);
    let ada = sandbox
        .run(&["--no-builtin", "show", "--json", "Lee, Ada"])
        .assert_code(0)
        .json();
    assert_eq!(ada[0]["school"], "Big U");
    assert_eq!(ada[0]["title"], "Professor");
    assert_eq!(
        ada[0]["research"],
        serde_json::json!(["Databases", "ML (theory, practice)"])
    );
    assert_eq!(ada[0]["website"], "https://big.example/ada");
    assert_eq!(
        extra(&ada[0]),
        [("E-mail".to_string(), "ada@big.example".to_string())]
    );
    let bo = person(&rows, "Bo \"Bobby\" Chen");
    assert_eq!(bo["website"], Value::Null, "never opened");
    let shown = sandbox
        .run(&["--no-builtin", "show", "--json", "bobby"])
        .assert_code(0)
        .json();
    assert_eq!(
        extra(&shown[0]),
        [("Website".to_string(), "www.small.example/bo".to_string())]
    );

    let check = sandbox.run(&["--no-builtin", "check"]);
    check.assert_code(0);
    assert!(
        check.stdout.contains("3 people, 0 errors, 1 warning"),
        "{}",
        check.stdout
    );
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let sandbox = Sandbox::new();
    let sheet = sandbox.write("people.csv", "name,school\nAda Lee,Big U\n");
    let sheet = sheet.to_str().expect("a UTF-8 path");
    sandbox.run(&["import", "csv", sheet]).assert_code(0);
    let file = sandbox.data_dir().join("schools").join("big-u.md");
    let edited = fs::read_to_string(&file).expect("written") + "\n### Bo Chen\n";
    fs::write(&file, &edited).expect("edit");

    let again = sandbox.run(&["import", "csv", sheet]);
    again.assert_code(1);
    assert!(again.stdout.contains("skipped"), "{}", again.stdout);
    assert!(
        again
            .stderr
            .contains("nothing written: every school file is already there; --force replaces them"),
        "{}",
        again.stderr
    );
    assert_eq!(
        fs::read_to_string(&file).expect("still there"),
        edited,
        "untouched"
    );

    let forced = sandbox.run(&["import", "csv", "--force", sheet]);
    forced.assert_code(0);
    assert!(
        forced
            .stdout
            .contains(&format!("replaced {}", file.display())),
        "{}",
        forced.stdout
    );
    let rows = sandbox
        .run(&["--no-builtin", "list", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(names(&rows), ["Ada Lee"], "the edit is replaced");
    let left: Vec<_> = fs::read_dir(file.parent().expect("a folder"))
        .expect("list")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["big-u.md"], "no temp file is left");
}

#[test]
fn a_file_that_cannot_be_used_is_said_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    let schools = sandbox.data_dir().join("schools");
    let no_names = sandbox.write("emails.csv", "email,school\na@b.example,U\n");
    let run = sandbox.run(&["import", "csv", no_names.to_str().expect("path")]);
    run.assert_code(2);
    assert!(run.stderr.contains("no column of names"), "{}", run.stderr);
    let no_school = sandbox.write("names.csv", "name\nAda Lee\n");
    let run = sandbox.run(&["import", "csv", no_school.to_str().expect("path")]);
    run.assert_code(2);
    assert!(run.stderr.contains("--school"), "{}", run.stderr);
    let missing = sandbox.path("nowhere.csv");
    let run = sandbox.run(&["import", "csv", missing.to_str().expect("path")]);
    run.assert_code(2);
    assert!(run.stderr.contains("nowhere.csv"), "{}", run.stderr);
    let nameless = sandbox.write("nameless.csv", "name,school\n,U\n");
    sandbox
        .run(&["import", "csv", nameless.to_str().expect("path")])
        .assert_code(1);
    assert!(!schools.exists(), "nothing written");

    let run = sandbox.run(&[
        "import",
        "csv",
        "--school",
        "Big U",
        no_school.to_str().expect("path"),
    ]);
    run.assert_code(0);
    let rows = sandbox
        .run(&["--no-builtin", "list", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(rows[0]["school"], "Big U");
}

#[test]
fn duplicate_people_in_one_school_are_said_and_merged() {
    let sandbox = Sandbox::new();
    let sheet = sandbox.write(
        "people.csv",
        "name,school,title,website\nAda Lee,U,Professor,\nada  lee,U,Chair,https://u.example/ada\nAda Lee,U,,https://u.example/other-ada\n",
    );
    let sheet = sheet.to_str().expect("a UTF-8 path");
    let run = sandbox.run(&["import", "csv", sheet]);
    run.assert_code(0);
    assert_eq!(
        run.stderr,
        format!(
            "{sheet}:3:1: warning: duplicate person \"ada  lee\" in U (first at {sheet}:2:1); merged, later fields win\n"
        )
    );
    assert!(
        run.stdout.contains("from 3 rows (1 merged into another)"),
        "{}",
        run.stdout
    );
    let check = sandbox.run(&["--no-builtin", "check"]);
    assert!(
        check.stdout.contains("2 people, 0 errors, 0 warnings"),
        "{}",
        check.stdout
    );
}
