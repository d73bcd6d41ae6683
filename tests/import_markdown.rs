//! `profdex import markdown`, run as a user runs it on the lists they
//! have: the sample pages in tests/samples become canonical school files
//! that check without a warning and read back to the same people.

mod common;

use std::fs;

use common::Sandbox;
use serde_json::Value;

const SAMPLES: [&str; 3] = [
    "tests/samples/ml-faculty.md",
    "tests/samples/awesome-table.md",
    "tests/samples/theory-homepages.md",
];

/// Everyone, as `list --json` gives them, sorted the same way whatever the
/// source, with the school's labs.
fn everyone(sandbox: &Sandbox, sources: &[&str]) -> Vec<Value> {
    let mut args = vec!["--no-builtin", "--no-cache"];
    for source in sources {
        args.extend(["--schools", source]);
    }
    args.extend(["list", "--json"]);
    let mut rows = sandbox.run(&args).assert_code(0).json();
    for row in &mut rows {
        // Favorites and the order of keys are no part of what was read.
        if let Some(object) = row.as_object_mut() {
            object.remove("favorite");
        }
    }
    rows
}

fn labs(sandbox: &Sandbox, sources: &[&str], query: &str) -> String {
    let mut args = vec!["--no-builtin", "--no-cache"];
    for source in sources {
        args.extend(["--schools", source]);
    }
    args.extend(["show", query]);
    let out = sandbox.run(&args).assert_code(0).stdout.clone();
    out.split_once("Labs at")
        .map(|(_, labs)| labs.to_string())
        .unwrap_or_default()
}

#[test]
fn published_lists_become_school_files_that_read_back_the_same() {
    let sandbox = Sandbox::new();
    let mut args = vec!["import", "markdown"];
    args.extend(SAMPLES);
    let run = sandbox.run(&args);
    run.assert_code(0);
    let schools = sandbox.data_dir().join("schools");
    assert!(
        run.stdout.contains(&format!(
            "wrote {} (Example State University, 12 people)",
            schools.join("example-state-university.md").display()
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("imported 22 people at 9 schools from 3 files: 9 files written\n"),
        "{}",
        run.stdout
    );
    // What was skipped is said, row by row and section by section.
    assert!(
        run.stderr.contains(
            "tests/samples/ml-faculty.md:42:1: note: 4 list items under \"Courses\" were not read as people"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tests/samples/awesome-table.md:16:1: warning: table row has no name"),
        "{}",
        run.stderr
    );

    let check = sandbox.run(&["--no-builtin", "check"]);
    check.assert_code(0);
    assert!(
        check
            .stdout
            .ends_with("checked 9 files: 9 schools, 22 people, 0 errors, 0 warnings\n"),
        "no warning and no note: {}",
        check.stdout
    );
    let written = schools.display().to_string();
    assert_eq!(
        everyone(&sandbox, &[&written]),
        everyone(&sandbox, &SAMPLES)
    );
    assert_eq!(
        labs(&sandbox, &[&written], "soren"),
        labs(&sandbox, &SAMPLES, "soren")
    );
    assert_eq!(
        labs(&sandbox, &[&written], "zoe"),
        labs(&sandbox, &SAMPLES, "zoe")
    );
    let text = fs::read_to_string(schools.join("example-state-university.md")).expect("written");
    assert!(
        text.starts_with("# Example State University - Machine Learning Faculty\n"),
        "{text}"
    );
    assert!(text.contains("\n## Notable Labs\n"), "{text}");
}

#[test]
fn the_school_option_and_force() {
    let sandbox = Sandbox::new();
    let list = sandbox.write(
        "list.md",
        "# Awesome\n\n| Name | University | Homepage | URL |\n|---|---|---|---|\n| [Ada](https://a.example/) | MIT | https://ada.example/ | https://ada.example/cv |\n| Bo | Example U | | |\n",
    );
    let list = list.to_str().expect("a UTF-8 path");
    let run = sandbox.run(&["import", "markdown", "--school", "Big U", list]);
    run.assert_code(0);
    assert!(
        run.stdout
            .ends_with("imported 2 people at 1 school from 1 file: 1 file written\n"),
        "{}",
        run.stdout
    );
    let file = sandbox.data_dir().join("schools").join("big-u.md");
    let text = fs::read_to_string(&file).expect("written");
    // A second URL beside the website keeps a key of its own.
    assert!(
        text.contains("- **Other URL**: https\\:\\/\\/ada\\.example\\/cv\n"),
        "{text}"
    );
    assert!(
        text.contains("- **Link**: https\\:\\/\\/a\\.example\\/\n"),
        "{text}"
    );
    let again = sandbox.run(&["import", "markdown", "--school", "Big U", list]);
    again.assert_code(1);
    assert!(
        again.stderr.contains("--force replaces them"),
        "{}",
        again.stderr
    );
    sandbox
        .run(&["import", "markdown", "--force", "--school", "Big U", list])
        .assert_code(0);
    let check = sandbox.run(&["--no-builtin", "check"]);
    check.assert_code(0);
    assert!(
        check.stdout.contains("0 errors, 0 warnings\n"),
        "{}",
        check.stdout
    );
}

#[test]
fn files_that_give_no_one_or_cannot_be_read() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["import", "markdown", "tests/samples/reading-list.md"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "profdex: no one to import: no people in the file (the notes above say what was skipped)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("note: 3 list items under \"Papers\""),
        "{}",
        run.stderr
    );
    let missing = sandbox.path("nowhere.md");
    let missing = missing.to_str().expect("a UTF-8 path");
    let run = sandbox.run(&["import", "markdown", missing]);
    run.assert_code(2);
    assert!(run.stderr.contains("nowhere.md"), "{}", run.stderr);
    // One unreadable file among good ones is said, and the rest imported.
    let run = sandbox.run(&[
        "import",
        "markdown",
        missing,
        "tests/samples/theory-homepages.md",
    ]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains(&format!("{missing}: error: cannot read")),
        "{}",
        run.stderr
    );
    let run = sandbox.run(&[
        "import",
        "markdown",
        "--school",
        " ",
        "tests/samples/ml-faculty.md",
    ]);
    run.assert_code(2);
    assert_eq!(run.stderr, "profdex: empty school name after --school\n");
}
