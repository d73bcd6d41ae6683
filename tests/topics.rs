//! `profdex topics` and `profdex related`, end to end: the real binary.

mod common;

use std::fs;

use common::{Sandbox, names};

fn directory(sandbox: &Sandbox) -> String {
    let text = "# Alpha U - Faculty\n## Faculty\n\
        ### Ann Lee\n- **Research**: ML, Databases\n\
        ### Bo Chan\n- **Research**: Machine learning., Quantum optics, Data systems\n\
        ### Cy Diaz\n- **Research**: machine learning\n\
        ### Di Eto\n- **Research**: Databases\n\
        ### Ed Fox\n- **Title**: Lecturer\n";
    let other = "# Beta U - Faculty\n## Faculty\n\
        ### Flo Gur\n- **Research**: Quantum computing, Robotics\n\
        ### Gil Ho\n- **Research**: ML\n\
        ### Hal Ito\n- **Research**: Machine Learning, Robotics\n";
    sandbox.write("data/schools/alpha.md", text);
    sandbox.write("data/schools/beta.md", other);
    sandbox.data_dir().display().to_string()
}

#[test]
fn topics_count_each_topic_once_however_it_is_written() {
    let sandbox = Sandbox::new();
    directory(&sandbox);
    let rows = sandbox
        .run(&["--no-builtin", "topics", "--json"])
        .assert_code(0)
        .json();
    let counts: Vec<(&str, u64)> = rows
        .iter()
        .map(|r| (r["topic"].as_str().unwrap(), r["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            ("Machine learning", 5),
            ("Databases", 2),
            ("Robotics", 2),
            ("Data systems", 1),
            ("Quantum computing", 1),
            ("Quantum optics", 1),
        ]
    );
    let text = sandbox.run(&["--no-builtin", "topics", "--school", "beta"]);
    text.assert_code(0);
    assert_eq!(
        text.stdout,
        "2  Machine learning\n2  Robotics\n1  Quantum computing\n"
    );
}

#[test]
fn the_users_synonyms_join_the_built_in_ones() {
    let sandbox = Sandbox::new();
    directory(&sandbox);
    sandbox.write(
        "data/topic-synonyms.txt",
        "databases: data systems\nnot a group line\n",
    );
    let run = sandbox.run(&["--no-builtin", "topics"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .starts_with("5  Machine learning\n3  Databases\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Data systems"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("topic-synonyms.txt:2:1: warning: expected"),
        "{}",
        run.stderr
    );
}

#[test]
fn related_people_share_the_rarer_topics_first() {
    let sandbox = Sandbox::new();
    directory(&sandbox);
    let rows = sandbox
        .run(&["--no-builtin", "related", "ann lee", "--json"])
        .assert_code(0)
        .json();
    // Di shares the rarer databases, Cy and others the common machine
    // learning.
    assert_eq!(names(&rows)[0], "Di Eto");
    assert!(!names(&rows).contains(&"Ann Lee"));
    assert!(
        !names(&rows).contains(&"Ed Fox"),
        "no topics, never related"
    );
    assert_eq!(rows[0]["shared"], serde_json::json!(["Databases"]));
    let similarity = rows[0]["similarity"].as_f64().unwrap();
    assert!(similarity > 0.0 && similarity <= 1.0, "{similarity}");
    let limited = sandbox
        .run(&[
            "--no-builtin",
            "related",
            "ann lee",
            "--limit",
            "1",
            "--json",
        ])
        .assert_code(0)
        .json();
    assert_eq!(limited.len(), 1);
    let text = sandbox.run(&["--no-builtin", "related", "ann lee"]);
    text.assert_code(0);
    assert!(
        text.stdout
            .starts_with("Research like Ann Lee's (Alpha U):\n"),
        "{}",
        text.stdout
    );
}

#[test]
fn related_to_someone_without_topics_exits_1() {
    let sandbox = Sandbox::new();
    directory(&sandbox);
    let run = sandbox.run(&["--no-builtin", "related", "ed fox", "--json"]);
    run.assert_code(1);
    assert_eq!(run.stdout.trim(), "[]");
    assert!(
        run.stderr.contains("Ed Fox lists no research topics"),
        "{}",
        run.stderr
    );
    assert!(
        fs::metadata(sandbox.favorites_file()).is_err(),
        "nothing written"
    );
}

#[test]
fn show_json_names_the_related_people_too() {
    let sandbox = Sandbox::new();
    directory(&sandbox);
    let rows = sandbox
        .run(&["--no-builtin", "show", "ann lee", "--json"])
        .assert_code(0)
        .json();
    let related = rows[0]["related"].as_array().expect("related people");
    assert_eq!(related[0]["name"], "Di Eto");
    assert_eq!(related[0]["shared"], serde_json::json!(["Databases"]));
    assert!(related.len() <= 5);
    // Text output stays as it was.
    let text = sandbox.run(&["--no-builtin", "show", "ann lee"]);
    assert!(!text.stdout.contains("Di Eto"), "{}", text.stdout);
}

/// How many people `search QUERY --json` finds, with `args` before it.
fn found(sandbox: &Sandbox, args: &[&str], query: &str) -> u64 {
    let run = sandbox.run(&[args, &["search", query, "--json"]].concat());
    // No one found exits 1, still with a JSON array.
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    run.json().len() as u64
}

/// Every topic `topics --json` lists, with its count.
fn counted(sandbox: &Sandbox, args: &[&str]) -> Vec<(String, u64)> {
    let rows = sandbox
        .run(&[args, &["topics", "--json"]].concat())
        .assert_code(0)
        .json();
    rows.iter()
        .map(|row| {
            let topic = row["topic"].as_str().expect("a topic");
            (topic.to_string(), row["count"].as_u64().expect("a count"))
        })
        .collect()
}

#[test]
fn a_quoted_topic_finds_as_many_people_as_the_topics_list_counts() {
    let sandbox = Sandbox::new();
    directory(&sandbox);
    let no_builtin = ["--no-builtin"];
    let topics = counted(&sandbox, &no_builtin);
    assert_eq!(topics[0], ("Machine learning".to_string(), 5));
    for (topic, count) in &topics {
        let query = profdex::query::topic_term(topic);
        assert_eq!(found(&sandbox, &no_builtin, &query), *count, "{query}");
    }
    // A synonym, another case, a plural: the same topic.
    for query in [
        "topic:\"ML\"",
        "research:\"MACHINE LEARNING\"",
        "topic:\"machine learnings.\"",
    ] {
        assert_eq!(found(&sandbox, &no_builtin, query), 5, "{query}");
    }
    // A quoted word is still a substring, and a whole topic no part of one.
    assert_eq!(found(&sandbox, &no_builtin, "topic:'learning"), 3);
    assert_eq!(found(&sandbox, &no_builtin, "topic:\"learning\""), 0);
    assert_eq!(found(&sandbox, &no_builtin, "topic:\"quantum\""), 0);
    assert_eq!(found(&sandbox, &no_builtin, "!topic:\"ML\""), 3);
    let rows = sandbox
        .run(&[
            "--no-builtin",
            "search",
            "topic:\"ML\" school:beta",
            "--json",
        ])
        .assert_code(0)
        .json();
    assert_eq!(names(&rows), ["Gil Ho", "Hal Ito"]);
    // Text output marks the whole topic as written, not its full stop.
    let text = sandbox.run(&[
        "--no-builtin",
        "--color",
        "always",
        "search",
        "topic:\"ML\"",
    ]);
    let bo = text
        .stdout
        .lines()
        .find(|line| line.contains("Quantum optics"))
        .expect("Bo Chan's research");
    let marked: String = bo
        .split("\x1b[1;33m")
        .skip(1)
        .filter_map(|after| after.chars().next())
        .collect();
    assert_eq!(marked, "Machine learning", "{bo:?}");
}

#[test]
fn a_quoted_topic_counts_with_the_users_synonyms_as_the_list_does() {
    let sandbox = Sandbox::new();
    directory(&sandbox);
    sandbox.write(
        "data/topic-synonyms.txt",
        "databases: data systems\nnot a group line\n",
    );
    let no_builtin = ["--no-builtin"];
    let topics = counted(&sandbox, &no_builtin);
    assert!(topics.contains(&("Databases".to_string(), 3)), "{topics:?}");
    for (topic, count) in &topics {
        let query = profdex::query::topic_term(topic);
        assert_eq!(found(&sandbox, &no_builtin, &query), *count, "{query}");
    }
    let run = sandbox.run(&["--no-builtin", "search", "topic:\"data systems\"", "--json"]);
    assert_eq!(
        names(&run.assert_code(0).json()),
        ["Ann Lee", "Bo Chan", "Di Eto"]
    );
    assert!(
        run.stderr
            .contains("topic-synonyms.txt:2:1: warning: expected"),
        "{}",
        run.stderr
    );
    // A query without a whole topic reads no synonyms, so says nothing of them.
    let plain = sandbox.run(&["--no-builtin", "search", "topic:data", "--json"]);
    assert_eq!(plain.stderr, "");
}
