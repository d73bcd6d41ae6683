//! The shortlist on the command line: `favorite note|status`,
//! `favorites --status` and `favorites --export`, run as the real binary.

mod common;

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::process::Stdio;
use std::sync::Barrier;
use std::thread;

use common::{Sandbox, names};
use serde_json::Value;

/// The favorites file as saved, parsed.
fn saved(sandbox: &Sandbox) -> Value {
    let text = fs::read_to_string(sandbox.favorites_file()).expect("favorites file");
    serde_json::from_str(&text).expect("favorites JSON")
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, &b)| match at {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

#[test]
fn a_note_and_a_status_bookmark_the_person_and_are_listed() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["favorite", "note", "stoica", "Ask about RA positions"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "Added Ion Stoica (UC Berkeley) to favorites\nSaved the note of Ion Stoica (UC Berkeley)\n"
    );
    let run = sandbox.run(&["favorite", "status", "stoica", "Contacted"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "Ion Stoica (UC Berkeley): contacted\n");
    sandbox
        .run(&["favorite", "status", "song han", "waiting for  funding"])
        .assert_code(0);

    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ion Stoica", "Song Han"]);
    assert_eq!(
        rows[0]["status"], "contacted",
        "known statuses as profdex spells them"
    );
    assert_eq!(rows[0]["note"], "Ask about RA positions");
    assert!(
        rows[0]["added"].as_str().is_some_and(is_date),
        "{}",
        rows[0]
    );
    assert_eq!(rows[1]["status"], "waiting for funding");
    assert!(rows[1].get("note").is_none());

    let text = sandbox.run(&["favorites"]).assert_code(0).stdout.clone();
    let stoica = text
        .lines()
        .find(|l| l.contains("Ion Stoica"))
        .unwrap_or("");
    assert!(
        stoica.contains("[contacted]") && stoica.contains("Ask about RA positions"),
        "{text}"
    );

    let file = saved(&sandbox);
    assert_eq!(file["version"], 2);
    assert_eq!(file["favorites"][0]["status"], "contacted");
}

#[test]
fn the_listing_shows_the_start_of_a_long_note() {
    let sandbox = Sandbox::new();
    let note = format!(
        "東京 {}end of the first line\nsecond line",
        "word ".repeat(30)
    );
    sandbox
        .run(&["favorite", "note", "stoica", &note])
        .assert_code(0);
    let text = sandbox.run(&["favorites"]).assert_code(0).stdout.clone();
    assert!(
        text.contains("東京 word word") && text.ends_with(" …\n"),
        "{text}"
    );
    assert!(
        !text.contains("end of the first line") && !text.contains("second"),
        "{text}"
    );
}

#[test]
fn clearing_removes_the_text_and_bookmarks_no_one() {
    let sandbox = Sandbox::new();
    sandbox
        .run(&["favorite", "note", "stoica", "x"])
        .assert_code(0);
    sandbox
        .run(&["favorite", "status", "stoica", "replied"])
        .assert_code(0);
    let run = sandbox.run(&["favorite", "note", "stoica", "--clear"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "Removed the note of Ion Stoica (UC Berkeley)\n");
    // An empty note is no note.
    sandbox
        .run(&["favorite", "note", "stoica", " "])
        .assert_code(0);
    sandbox
        .run(&["favorite", "status", "stoica", "--clear"])
        .assert_code(0);
    let run = sandbox.run(&["favorite", "status", "zaharia", "--clear"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "Matei Zaharia (UC Berkeley) had no status\n");
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(
        names(&rows),
        ["Ion Stoica"],
        "still a favorite, and no one added"
    );
    assert!(rows[0].get("note").is_none() && rows[0].get("status").is_none());
}

#[test]
fn a_note_read_from_standard_input_keeps_its_lines() {
    let sandbox = Sandbox::new();
    let mut child = sandbox
        .command()
        .args(["favorite", "note", "song han", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("profdex starts");
    let note = "Met at MLSys — asked about 東京 visit.\r\nFollow up in May.\n\n";
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(note.as_bytes())
        .expect("write the note");
    assert!(child.wait().expect("profdex ends").success());
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(
        rows[0]["note"],
        "Met at MLSys — asked about 東京 visit.\nFollow up in May."
    );
}

#[test]
fn a_query_that_names_no_one_for_sure_changes_nothing() {
    let sandbox = Sandbox::new();
    let schools = sandbox.write(
        "wang.md",
        "# Wang U - Faculty\n## Faculty\n### Wei Wang\n- **Website**: https://a.example/\n\
         ### Wei Wang\n- **Website**: https://b.example/\n",
    );
    let schools = schools.to_str().expect("UTF-8 path");
    let run = sandbox.run(&[
        "--schools",
        schools,
        "favorite",
        "note",
        "wei wang",
        "hello",
    ]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("could be any of these 2"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.favorites_file().exists());
    // The website names one.
    let run = sandbox.run(&[
        "--schools",
        schools,
        "favorite",
        "status",
        "https://b.example/",
        "to contact",
    ]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("Wei Wang (b.example) (Wang U): to contact"),
        "{}",
        run.stdout
    );
    let run = sandbox.run(&["favorite", "note", "xqzxqz", "hello"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("no one matches \"xqzxqz\""),
        "{}",
        run.stderr
    );
    for usage in [
        &["favorite", "note", "stoica"][..],
        &["favorite", "note", "  ", "hello"],
        &["favorite", "status", "stoica", "x", "--clear"],
    ] {
        sandbox.run(usage).assert_code(2);
    }
}

#[test]
fn a_favorite_missing_from_the_data_takes_a_note_by_name() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "data/favorites.json",
        r#"{"version": 1, "favorites": [{"school": "MIT", "name": "Someone Who Left"}]}"#,
    );
    let run = sandbox.run(&["favorite", "note", "who left", "Moved to ETH"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "Saved the note of Someone Who Left (MIT)\n");
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(rows[0]["missing"], true);
    assert_eq!(rows[0]["note"], "Moved to ETH");
}

#[test]
fn a_file_of_the_previous_version_loads_and_a_later_one_is_left_alone() {
    let sandbox = Sandbox::new();
    let old = include_str!("fixtures/favorites-v1.json");
    sandbox.write("data/favorites.json", old);
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ion Stoica", "Song Han", "Tim Kraska"]);
    assert!(rows.iter().all(|row| row.get("added").is_none()));
    sandbox.run(&["favorite", "add", "zaharia"]).assert_code(0);
    let file = saved(&sandbox);
    assert_eq!(file["version"], 2);
    let mut kept: Value = serde_json::from_str(old).expect("fixture JSON");
    kept["version"] = 2.into();
    let first_three: Vec<Value> = file["favorites"].as_array().expect("array")[..3].to_vec();
    assert_eq!(Value::from(first_three), kept["favorites"]);

    let later = r#"{"version": 3, "favorites": [{"school": "MIT", "name": "Song Han"}]}"#;
    sandbox.write("data/favorites.json", later);
    let run = sandbox.run(&["favorite", "note", "song han", "x"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("newer than this profdex understands"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(sandbox.favorites_file()).unwrap(), later);
}

/// Two favorites with notes, statuses and dates, one missing from the data.
fn shortlist(sandbox: &Sandbox) {
    sandbox.write(
        "data/favorites.json",
        r#"{"version": 2, "favorites": [
            {"school": "UC Berkeley", "name": "Ion Stoica", "status": "replied",
             "note": "Ask about RA.\n=2+2, \"quoted\"", "added": "2025-03-01"},
            {"school": "MIT", "name": "Song Han", "status": "to contact", "added": "2025-03-02"},
            {"school": "MIT", "name": "Tim Kraska"},
            {"school": "MIT", "name": "Someone Who Left", "status": "declined"}
        ]}"#,
    );
}

#[test]
fn status_filters_the_listing_and_every_export() {
    let sandbox = Sandbox::new();
    shortlist(&sandbox);
    let rows = sandbox
        .run(&[
            "favorites",
            "--json",
            "--status",
            "to contact",
            "--status",
            "REPLIED",
        ])
        .assert_code(0)
        .json();
    assert_eq!(names(&rows), ["Ion Stoica", "Song Han"]);
    let rows = sandbox
        .run(&["favorites", "--json", "--status", "none"])
        .assert_code(0)
        .json();
    assert_eq!(names(&rows), ["Tim Kraska"]);
    let text = sandbox
        .run(&["favorites", "--status", "declined"])
        .assert_code(0)
        .stdout
        .clone();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("Someone Who Left") && text.contains("(not in the loaded data)"));
    let run = sandbox.run(&["favorites", "--export", "csv", "--status", "contacted"]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("no favorites with status \"contacted\""),
        "{}",
        run.stderr
    );
    let rows = sandbox
        .run(&["favorites", "--export", "json", "--status", "replied"])
        .assert_code(0)
        .json();
    assert_eq!(names(&rows), ["Ion Stoica"]);
    sandbox
        .run(&["favorites", "--json", "--export", "md"])
        .assert_code(2);
}

#[test]
fn the_json_export_has_every_field_of_every_favorite() {
    let sandbox = Sandbox::new();
    shortlist(&sandbox);
    let rows = sandbox
        .run(&["favorites", "--export", "json"])
        .assert_code(0)
        .json();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0],
        serde_json::json!({
            "name": "Ion Stoica",
            "school": "UC Berkeley",
            "title": "Professor, Director of Sky Computing Lab",
            "website": "https://people.eecs.berkeley.edu/~istoica/",
            "status": "replied",
            "note": "Ask about RA.\n=2+2, \"quoted\"",
            "added": "2025-03-01"
        })
    );
    assert_eq!(
        rows[2]["added"],
        Value::Null,
        "a favorite from before dates"
    );
    assert_eq!(rows[3]["missing"], true);
    assert_eq!(rows[3]["website"], Value::Null);
}

#[test]
fn the_csv_export_reads_back_field_for_field() {
    let sandbox = Sandbox::new();
    shortlist(&sandbox);
    let run = sandbox.run(&["favorites", "--export", "csv"]);
    run.assert_code(0);
    assert!(
        run.stdout.starts_with('\u{FEFF}'),
        "a byte-order mark for Excel"
    );
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "name", "school", "title", "website", "status", "note", "added"
        ]
    );
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.expect("a record").iter().map(String::from).collect())
        .collect();
    assert_eq!(records.len(), 4);
    assert_eq!(records[0][0], "Ion Stoica");
    assert_eq!(records[0][2], "Professor, Director of Sky Computing Lab");
    assert_eq!(records[0][4], "replied");
    assert_eq!(records[0][5], "Ask about RA.\n=2+2, \"quoted\"");
    assert_eq!(records[0][6], "2025-03-01");
    assert_eq!(records[2][6], "");
    assert_eq!(
        records[3][..5],
        ["Someone Who Left", "MIT", "", "", "declined"]
    );
}

#[test]
fn a_formula_in_the_data_stays_text_in_the_spreadsheet() {
    let sandbox = Sandbox::new();
    let schools = sandbox.write(
        "evil.md",
        "# =Evil U - Faculty\n## Faculty\n### @SUM(A1)\n- **Title**: -1+1\n",
    );
    let schools = schools.to_str().expect("UTF-8 path");
    sandbox
        .run(&[
            "--no-builtin",
            "--schools",
            schools,
            "favorite",
            "add",
            "sum",
        ])
        .assert_code(0);
    let run = sandbox.run(&[
        "--no-builtin",
        "--schools",
        schools,
        "favorites",
        "--export",
        "csv",
    ]);
    run.assert_code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let record = reader.records().next().expect("a record").expect("CSV");
    assert_eq!(&record[0], "'@SUM(A1)");
    assert_eq!(&record[1], "'=Evil U");
    assert_eq!(&record[2], "'-1+1");
}

#[test]
fn the_markdown_export_is_a_checklist() {
    let sandbox = Sandbox::new();
    shortlist(&sandbox);
    let text = sandbox
        .run(&["favorites", "--export", "md"])
        .assert_code(0)
        .stdout
        .clone();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "# Shortlist");
    let items: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("- ["))
        .collect();
    assert_eq!(
        items,
        [
            "- [x] **Ion Stoica** (UC Berkeley) — replied\\",
            "- [ ] **Song Han** (MIT) — to contact\\",
            "- [ ] **Tim Kraska** (MIT)\\",
            "- [x] **Someone Who Left** (MIT) — declined\\",
        ]
    );
    let at = lines
        .iter()
        .position(|l| l.starts_with("- [x] **Ion"))
        .unwrap_or(0);
    assert_eq!(
        lines[at + 1],
        "  Professor, Director of Sky Computing Lab · <https://people.eecs.berkeley.edu/~istoica/> · added 2025-03-01"
    );
    assert_eq!(
        lines[at + 3..at + 5],
        ["  > Ask about RA.", "  > =2+2, \"quoted\""]
    );
    assert!(lines.contains(&"  not in the loaded data"));
}

/// Command-line processes setting notes and statuses at once, each on
/// favorites of its own: every change any of them acknowledged is in the
/// file at the end.
#[test]
fn notes_set_from_many_processes_at_once_are_all_kept() {
    const PROCESSES: usize = 6;
    const EACH: usize = 8;
    let sandbox = Sandbox::new();
    let mut text = String::from("# Crowd U - Test Faculty\n\n## Faculty\n\n");
    for n in 1..=PROCESSES * EACH {
        writeln!(text, "### Person {n:03}\n- **Title**: Professor\n").expect("a String");
    }
    let schools = sandbox.write("crowd.md", text);
    let schools = schools.to_str().expect("UTF-8 path");
    let start = Barrier::new(PROCESSES);
    thread::scope(|scope| {
        for worker in 0..PROCESSES {
            let start = &start;
            let sandbox = &sandbox;
            scope.spawn(move || {
                start.wait();
                for i in 0..EACH {
                    let name = format!("Person {:03}", 1 + worker + i * PROCESSES);
                    let args = ["--no-builtin", "--schools", schools, "favorite"];
                    let note = format!("note for {name}\nline two");
                    let run = sandbox.run(&[&args[..], &["note", &name, &note]].concat());
                    run.assert_code(0);
                    let run = sandbox.run(&[&args[..], &["status", &name, "contacted"]].concat());
                    run.assert_code(0);
                }
            });
        }
    });
    let file = saved(&sandbox);
    let favorites = file["favorites"].as_array().expect("favorites");
    assert_eq!(favorites.len(), PROCESSES * EACH);
    for favorite in favorites {
        let name = favorite["name"].as_str().unwrap_or("?");
        assert_eq!(favorite["note"], format!("note for {name}\nline two"));
        assert_eq!(favorite["status"], "contacted", "{name}");
    }
}
