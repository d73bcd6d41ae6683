//! The query language through `profdex search`, on the built-in data.

mod common;

use common::{Sandbox, names};

#[test]
fn a_topic_scope_finds_research_not_names() {
    let sandbox = Sandbox::new();
    let rows = sandbox
        .run(&["search", "topic:quant", "--json"])
        .assert_code(0)
        .json();
    let found = names(&rows);
    assert!(found.contains(&"Song Han"), "{found:?}");
    assert!(!found.contains(&"Ion Stoica"), "{found:?}");
}

#[test]
fn excluding_a_school_by_its_short_name_leaves_the_other() {
    let sandbox = Sandbox::new();
    let rows = sandbox
        .run(&["search", "!school:mit", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(rows.len(), 9, "{rows:?}");
    assert!(
        rows.iter().all(|row| row["school"] == "UC Berkeley"),
        "{rows:?}"
    );
}

#[test]
fn text_that_is_not_syntax_is_searched_with_a_note() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["search", "colour:red"]);
    assert!(
        run.stderr.contains("note: \"colour:\" is not a field"),
        "{}",
        run.stderr
    );
    let run = sandbox.run(&["search", "topic:'systems", "!name:stoica", "--json"]);
    assert_eq!(run.stderr, "");
    let found = run.assert_code(0).json();
    assert!(!found.is_empty());
    assert!(!names(&found).contains(&"Ion Stoica"));
}

#[test]
fn every_topic_of_the_built_in_data_finds_its_count() {
    let sandbox = Sandbox::new();
    let rows = sandbox.run(&["topics", "--json"]).assert_code(0).json();
    assert!(rows.len() > 20, "{rows:?}");
    for row in &rows {
        let topic = row["topic"].as_str().unwrap();
        let query = profdex::query::topic_term(topic);
        let found = sandbox
            .run(&["search", &query, "--json"])
            .assert_code(0)
            .json();
        assert_eq!(
            found.len() as u64,
            row["count"].as_u64().unwrap(),
            "{query}"
        );
    }
    // "ML systems" and "Machine learning systems" are one topic.
    let found = sandbox
        .run(&["search", "topic:\"ML systems\"", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(
        names(&found),
        [
            "Mohammad Alizadeh",
            "Samuel Madden",
            "Michael Carbin",
            "Benjamin Recht"
        ],
        "not \"efficient ML systems\""
    );
}
