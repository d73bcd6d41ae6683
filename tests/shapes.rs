//! The shapes of published lists, read from the sample files in
//! tests/samples (invented, as messy as real pages): what each gives, and
//! exactly what `check` says of what it skipped.

mod common;

use common::{Sandbox, names};
use serde_json::Value;

fn list(sandbox: &Sandbox, sample: &str) -> Vec<Value> {
    let path = format!("tests/samples/{sample}");
    sandbox
        .run(&["--no-builtin", "--schools", &path, "list", "--json"])
        .assert_code(0)
        .json()
}

fn check(sandbox: &Sandbox, sample: &str) -> String {
    let path = format!("tests/samples/{sample}");
    let run = sandbox.run(&["check", &path]);
    run.assert_code(0);
    run.stdout
}

fn person<'a>(rows: &'a [Value], name: &str) -> &'a Value {
    rows.iter()
        .find(|row| row["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {rows:?}"))
}

fn extra(row: &Value) -> Vec<(String, String)> {
    row["extra"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f["key"].as_str().unwrap_or("?").to_string(),
                f["value"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}

#[test]
fn a_department_page_of_list_entries() {
    let sandbox = Sandbox::new();
    let rows = list(&sandbox, "ml-faculty.md");
    assert_eq!(
        names(&rows),
        [
            "Ada Quill",
            "Bo Reyes",
            "Cy Ng",
            "Dana Whitfield",
            "José Álvarez-Núñez",
            "Priya Raman",
            "Søren Kierkegaard-Lund",
            "Tomás O'Connor",
            "Yuki Tanaka",
            "王小明 (Xiaoming Wang)",
        ],
        "none of the people in comments"
    );
    assert!(
        rows.iter()
            .all(|r| r["school"] == "Example State University")
    );
    let ada = person(&rows, "Ada Quill");
    assert_eq!(
        ada["research"],
        serde_json::json!(["program analysis", "type systems", "compilers"])
    );
    assert_eq!(
        extra(ada),
        [
            ("Affiliation".into(), "Stat, Math".into()),
            ("Department".into(), "Computer Science".into())
        ]
    );
    let jose = person(&rows, "José Álvarez-Núñez");
    assert_eq!(
        jose["website"],
        "https://cs.example.edu/people/jose_(alvarez)/"
    );
    let tanaka = person(&rows, "Yuki Tanaka");
    assert_eq!(tanaka["title"], "Assistant Professor of Statistics");
    assert_eq!(extra(tanaka), [], "a canonical entry gets no group");
    assert_eq!(
        check(&sandbox, "ml-faculty.md"),
        "tests/samples/ml-faculty.md:16:1: note: 1 list item under \"Faculty\" was not read as people: it does not begin with a link or a bold name; see docs/format.md\n\
         tests/samples/ml-faculty.md:42:1: note: 4 list items under \"Courses\" were not read as people: the heading does not name people; see docs/format.md\n\
         tests/samples/ml-faculty.md:49:1: note: 2 list items under \"News\" were not read as people: the heading does not name people; see docs/format.md\n\
         tests/samples/ml-faculty.md:54:1: note: 1 list item under \"Links\" was not read as labs: it has no link; see docs/format.md\n\
         tests/samples/ml-faculty.md: read 10 people (1 under a heading, 9 list entries), 2 labs (2 list items)\n\
         checked 1 file: 1 school, 10 people, 0 errors, 0 warnings, 4 notes\n"
    );
}

#[test]
fn an_awesome_table_of_many_schools() {
    let sandbox = Sandbox::new();
    let rows = list(&sandbox, "awesome-table.md");
    let found: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["school"].as_str().unwrap_or("?"),
                r["name"].as_str().unwrap_or("?"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Example State University", "Ada Quill"),
            ("Example State University", "Dee Park"),
            ("Massachusetts Institute of Technology", "Bo Reyes"),
            ("Massachusetts Institute of Technology", "Chidi Okafor"),
            ("Univ. of California - Berkeley", "Zoë Ångström"),
            ("清华大学", "李娜"),
        ],
        "MIT by either name is one school; the lab row is no person"
    );
    let ada = person(&rows, "Ada Quill");
    assert_eq!(
        ada["research"],
        serde_json::json!(["OS", "distributed systems", "storage"])
    );
    let chidi = person(&rows, "Chidi Okafor");
    assert_eq!(
        chidi["research"],
        serde_json::json!(["a|b testing", "compilers"])
    );
    let zoe = person(&rows, "Zoë Ångström");
    assert_eq!(
        zoe["website"], "https://zoe.example.org/",
        "the image is no link"
    );
    let shown = sandbox
        .run(&[
            "--no-builtin",
            "--schools",
            "tests/samples/awesome-table.md",
            "show",
            "zoe",
        ])
        .assert_code(0)
        .stdout
        .clone();
    assert!(
        shown.contains("1  Sky Computing Lab  https://sky.example.org/"),
        "{shown}"
    );
    assert_eq!(
        check(&sandbox, "awesome-table.md"),
        "tests/samples/awesome-table.md:12:1: warning: table row has 1 more cell than the header; kept as \"Column 6\"\n\
         tests/samples/awesome-table.md:16:1: warning: table row has no name in column \"Name\"; skipped\n\
         tests/samples/awesome-table.md:17:1: warning: website \"/people/dee\" is not an absolute http(s) URL; \"Dee Park\" keeps it as \"Link\"\n\
         tests/samples/awesome-table.md: read 6 people (6 table rows), 1 lab (1 table row)\n\
         checked 1 file: 4 schools, 6 people, 0 errors, 3 warnings\n"
    );
}

#[test]
fn tables_of_linked_names_under_areas() {
    let sandbox = Sandbox::new();
    let rows = list(&sandbox, "theory-homepages.md");
    assert_eq!(rows.len(), 6);
    let mori = person(&rows, "Aiko Mori");
    assert_eq!(mori["school"], "京都例大学");
    assert_eq!(
        mori["website"], "https://mori.example.jp/",
        "a reference link"
    );
    assert_eq!(
        mori["research"],
        serde_json::json!(["additive combinatorics", "number theory"])
    );
    let nadia = person(&rows, "Nadia Haddad");
    assert_eq!(nadia["title"], "Associate Professor");
    assert_eq!(extra(nadia), [], "the same page twice is one website");
    assert_eq!(
        check(&sandbox, "theory-homepages.md"),
        "tests/samples/theory-homepages.md:26:1: note: 2 list items under \"Related lists\" were not read as people: the heading does not name people; see docs/format.md\n\
         tests/samples/theory-homepages.md: read 6 people (6 table rows), no labs\n\
         checked 1 file: 5 schools, 6 people, 0 errors, 0 warnings, 1 note\n"
    );
}

#[test]
fn a_file_of_links_and_no_people_says_so() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "--no-builtin",
        "--schools",
        "tests/samples/reading-list.md",
        "list",
        "--json",
    ]);
    assert_eq!(run.json(), Vec::<Value>::new());
    assert_eq!(
        check(&sandbox, "reading-list.md"),
        "tests/samples/reading-list.md: warning: no people read, though 5 list items and 1 table have links; the notes say why, and docs/format.md what is read\n\
         tests/samples/reading-list.md:5:1: note: 3 list items under \"Papers\" were not read as people: the heading does not name people; see docs/format.md\n\
         tests/samples/reading-list.md:11:1: note: 2 list items under \"Blog posts\" were not read as people: the heading does not name people; see docs/format.md\n\
         tests/samples/reading-list.md:16:1: note: 1 table under \"Courses\" was not read as people: the heading does not name people; see docs/format.md\n\
         tests/samples/reading-list.md: read no people and no labs\n\
         checked 1 file: 0 schools, 0 people, 0 errors, 1 warning, 3 notes\n"
    );
}

#[test]
fn check_says_what_each_canonical_file_gave() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["check"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "builtin:mit.md: read 9 people (9 under headings), 4 labs (4 list items)\n\
         builtin:berkeley.md: read 9 people (9 under headings), 3 labs (3 list items)\n\
         checked 2 files: 2 schools, 18 people, 0 errors, 0 warnings\n"
    );
}
