//! `profdex import csv` and `profdex import csrankings`, run as a user
//! runs them, against a throw-away data directory. The CSRankings rows are
//! made up, in the format of the real files, which may not be shipped.

mod common;

use std::fs;

use common::tmux::Tmux;
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

/// Made-up CSRankings files: name variants of one person (a DBLP alias,
/// a shared Scholar id), a DBLP number, a sub-unit tag, people at the
/// built-in schools under CSRankings' names for them.
fn csrankings(sandbox: &Sandbox) -> String {
    sandbox.write(
        "cs/csrankings-a.csv",
        "name,affiliation,homepage,scholarid\n\
         Ada Lovelace 0001,Analytical University,https://au.example/ada,ADA123456789\n\
         A. Lovelace,Analytical University,https://au.example/~ada,ADA123456789\n\
         Alan Turing [Tech],Cornell University,https://cornell.example/alan,NOSCHOLARPAGE\n",
    );
    sandbox.write(
        "cs/csrankings-s.csv",
        "name,affiliation,homepage,scholarid\n\
         Song Han,Massachusetts Institute of Technology,https://hanlab.mit.edu/,SONGHAN0000A\n\
         Sam Newcomer,Massachusetts Institute of Technology,https://mit.example/sam,NOSCHOLARPAGE\n\
         Stella Bears,Univ. of California - Berkeley,https://berkeley.example/stella,\n",
    );
    sandbox.write(
        "cs/dblp-aliases.csv",
        "alias,name\nAda King,Ada Lovelace 0001\n",
    );
    sandbox.write(
        "cs/csrankings-k.csv",
        "name,affiliation,homepage,scholarid\nAda King,Analytical University,https://au.example/king,\n",
    );
    sandbox.write(
        "cs/generated-author-info-2017-07-20.csv",
        "\"name\",\"dept\",\"area\",\"subarea\",\"count\",\"adjustedcount\",\"year\"\n\
         Ada Lovelace 0001,Analytical University,mlmining,,1.0,3.0,2016\n\
         Ada Lovelace 0001,Analytical University,act,,1.0,1.0,2015\n\
         Ada Lovelace 0001,Analytical University,vision,,1.0,0.1,2014\n\
         Song Han,MIT,arch,,1.0,2.0,2017\n",
    );
    sandbox.write("cs/acm-fellows.csv", "name,year\nAda King,1843\n");
    sandbox
        .path("cs")
        .to_str()
        .expect("a UTF-8 path")
        .to_string()
}

#[test]
fn csrankings_rows_become_people_with_areas_and_scholar_links() {
    let sandbox = Sandbox::new();
    let dir = csrankings(&sandbox);
    let run = sandbox.run(&["import", "csrankings", &dir]);
    run.assert_code(0);
    assert_eq!(run.stderr, "", "nothing to say");
    assert!(
        run.stdout.ends_with(
            "imported 5 people at 4 schools from 7 rows (2 merged into another): 4 files written\n"
        ),
        "{}",
        run.stdout
    );
    let rows = sandbox
        .run(&["--no-builtin", "list", "--json"])
        .assert_code(0)
        .json();
    let ada = person(&rows, "Ada Lovelace");
    assert_eq!(ada["school"], "Analytical University");
    assert_eq!(ada["title"], "Faculty; ACM Fellow (1843)");
    assert_eq!(
        ada["research"],
        serde_json::json!(["Machine learning", "Algorithms and complexity"])
    );
    assert_eq!(ada["website"], "https://au.example/ada");
    let shown = sandbox
        .run(&["--no-builtin", "show", "--json", "Ada Lovelace"])
        .assert_code(0)
        .json();
    assert_eq!(
        extra(&shown[0]),
        [(
            "Scholar".to_string(),
            "https://scholar.google.com/citations?user=ADA123456789".to_string()
        )]
    );
    let alan = person(&rows, "Alan Turing");
    assert_eq!(alan["title"], "Faculty, Cornell Tech");
    let check = sandbox.run(&["--no-builtin", "check"]);
    check.assert_code(0);
    assert!(
        check.stdout.contains("5 people, 0 errors, 0 warnings"),
        "{}",
        check.stdout
    );
}

#[test]
fn imported_mit_and_berkeley_are_the_built_in_schools() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["favorite", "add", "song", "han"])
        .assert_code(0);
    let before = sandbox.run(&["list", "--json"]).assert_code(0).json();
    let dir = csrankings(&sandbox);
    sandbox.run(&["import", "csrankings", &dir]).assert_code(0);
    assert!(
        sandbox
            .data_dir()
            .join("schools/massachusetts-institute-of-technology.md")
            .is_file()
    );

    let rows = sandbox.run(&["list", "--json"]).assert_code(0).json();
    assert_eq!(rows.len(), before.len() + 5 - 1, "Song Han is one person");
    let at = |school: &str| -> Vec<&str> {
        rows.iter()
            .filter(|row| row["school"] == school)
            .map(|row| row["name"].as_str().unwrap_or("?"))
            .collect()
    };
    let mit = at("MIT");
    assert!(
        mit.contains(&"Sam Newcomer") && mit.contains(&"Tim Kraska"),
        "{mit:?}"
    );
    assert_eq!(mit.iter().filter(|&&name| name == "Song Han").count(), 1);
    assert!(at("UC Berkeley").contains(&"Stella Bears"));
    assert!(at("Massachusetts Institute of Technology").is_empty());
    assert!(at("Univ. of California - Berkeley").is_empty());
    let song = person(&rows, "Song Han");
    assert_eq!(song["favorite"], true, "the favorite still finds him");
    assert_eq!(
        song["research"],
        serde_json::json!(["Computer architecture"]),
        "later fields win"
    );
    let favorites = sandbox
        .run(&["list", "--favorites", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(names(&favorites), ["Song Han"]);
    assert_eq!(favorites[0]["school"], "MIT");
    let schools = sandbox.run(&[
        "topics",
        "--school",
        "Massachusetts Institute of Technology",
        "--json",
    ]);
    schools.assert_code(0);
    let check = sandbox.run(&["check"]);
    check.assert_code(0);
    assert!(check.stdout.contains(" 0 errors"), "{}", check.stdout);
}

#[test]
fn a_folder_without_csrankings_files_is_said() {
    let sandbox = Sandbox::new();
    sandbox.write("empty/README", "nothing here");
    let run = sandbox.run(&[
        "import",
        "csrankings",
        sandbox.path("empty").to_str().expect("path"),
    ]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("no CSRankings faculty lists here"),
        "{}",
        run.stderr
    );
    let help = sandbox.run(&["import", "csrankings", "--help"]);
    help.assert_code(0);
    assert!(
        help.stdout.contains("CSrankings repository on GitHub"),
        "{}",
        help.stdout
    );
}

#[test]
fn the_browser_shows_imported_mit_as_the_built_in_mit() {
    let sandbox = Sandbox::new();
    let dir = csrankings(&sandbox);
    sandbox.run(&["import", "csrankings", &dir]).assert_code(0);
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    let screen = tmux.wait_for("All schools");
    // Four schools: MIT with its nine and Sam Newcomer (Song Han is one
    // person), UC Berkeley with its nine and Stella Bears, and two more.
    assert!(screen.contains("Schools (4)"), "{screen}");
    let row = |school: &str| {
        screen
            .lines()
            .filter(|line| line.starts_with(&format!("│ {school} ")))
            .map(|line| {
                line.split('│')
                    .nth(1)
                    .unwrap_or("")
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(row("MIT"), ["10"], "{screen}");
    assert_eq!(row("UC Berkeley"), ["10"], "{screen}");
    assert!(!screen.contains("Massachusetts"), "{screen}");
    assert!(!screen.contains("Univ. of California"), "{screen}");
    tmux.keys(&["/"]);
    tmux.type_text("newcomer");
    tmux.wait_for("/ newcomer▏");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Sam Newcomer");
    assert!(screen.contains("MIT"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit().0, "exited with 0");
}
