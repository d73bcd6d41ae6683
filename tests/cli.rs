//! The command line, end to end: the real binary with a private data dir.

mod common;

use std::fs;

use common::tmux::Tmux;
use common::{Sandbox, names};

#[test]
fn list_json_has_the_built_in_schools() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["list", "--json"]);
    run.assert_code(0);
    assert_eq!(run.stderr, "", "the seeds load without diagnostics");
    let rows = run.json();
    assert_eq!(rows.len(), 18);
    let count = |school: &str| rows.iter().filter(|r| r["school"] == school).count();
    assert_eq!(count("MIT"), 9);
    assert_eq!(count("UC Berkeley"), 9);
    for row in &rows {
        assert!(
            row["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{row}"
        );
        assert!(
            row["research"].as_array().is_some_and(|r| !r.is_empty()),
            "{row}"
        );
        assert!(
            row["website"]
                .as_str()
                .is_some_and(|w| w.starts_with("https://")),
            "{row}"
        );
        assert_eq!(row["favorite"], false);
    }
    // Sorted by school, then name.
    assert_eq!(rows[0]["name"], "Carina Hong");
    assert_eq!(rows[9]["name"], "Alex Dimakis");
}

#[test]
fn show_song_han_in_full() {
    let sandbox = Sandbox::new();
    let rows = sandbox
        .run(&["show", "song han", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(rows.len(), 1);
    let song = &rows[0];
    assert_eq!(song["name"], "Song Han");
    assert_eq!(song["title"], "Associate Professor of EECS");
    let research = song["research"].as_array().unwrap();
    assert_eq!(research.len(), 5);
    assert_eq!(research[0], "Efficient AI computing");
    assert_eq!(song["website"], "https://hanlab.mit.edu/");
    assert_eq!(song["labs"].as_array().unwrap().len(), 4);
    assert_eq!(song["research_focus"], "Machine Learning Systems (MLSys)");

    let ion = &sandbox
        .run(&["show", "stoica", "--json"])
        .assert_code(0)
        .json()[0];
    let labs = ion["labs"].as_array().unwrap();
    assert_eq!(labs.len(), 3);
    assert_eq!(labs[1]["name"], "Sky Computing Lab");
    assert_eq!(labs[1]["url"], "https://sky.cs.berkeley.edu/");
}

#[test]
fn show_as_text_names_the_labs() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["show", "stoica"]);
    run.assert_code(0);
    assert!(run.stdout.starts_with("Ion Stoica\n"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("2  Sky Computing Lab  https://sky.cs.berkeley.edu/"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\x1b'), "no colour when piped");
}

#[test]
fn search_ranks_the_obvious_person_first() {
    let sandbox = Sandbox::new();
    let rows = sandbox
        .run(&["search", "quantization", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(rows[0]["name"], "Song Han");
    assert!(rows[0]["score"].as_i64().is_some());
    let rows = sandbox
        .run(&["search", "stoica", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(rows[0]["name"], "Ion Stoica");
    // Several words are several terms, all of which must match.
    let rows = sandbox
        .run(&["search", "apache", "ray", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(rows[0]["name"], "Ion Stoica");
    assert!(
        rows.iter()
            .all(|r| r["research"].to_string().contains("Apache")),
        "{rows:?}"
    );
    let rows = sandbox
        .run(&[
            "search", "systems", "--school", "mit", "--limit", "2", "--json",
        ])
        .assert_code(0)
        .json();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["school"] == "MIT"));
}

#[test]
fn nothing_found_exits_1_and_usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["search", "xqzxqzxqz"]);
    run.assert_code(1);
    assert!(run.stderr.contains("no one matches"), "{}", run.stderr);
    sandbox.run(&["show", "xqzxqzxqz"]).assert_code(1);
    sandbox
        .run(&["search", "a", "--school", "Nowhere U"])
        .assert_code(2);
    sandbox.run(&["frobnicate"]).assert_code(2);
    sandbox.run(&["search"]).assert_code(2);
    sandbox
        .run(&["open", "stoica", "--lab", "9"])
        .assert_code(2);
    sandbox
        .run(&["open", "stoica", "--lab", "0"])
        .assert_code(2);
    let run = sandbox.run(&["--schools", "/no/such/place", "list"]);
    run.assert_code(2);
    assert!(run.stderr.contains("/no/such/place"), "{}", run.stderr);
}

#[test]
fn favorites_persist_across_processes() {
    let sandbox = Sandbox::new();
    sandbox.run(&["favorites"]).assert_code(1);
    let run = sandbox.run(&["favorite", "add", "stoica"]);
    run.assert_code(0);
    assert!(run.stdout.contains("Added Ion Stoica"), "{}", run.stdout);
    sandbox
        .run(&["favorite", "add", "song", "han"])
        .assert_code(0);
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ion Stoica", "Song Han"]);
    assert!(rows.iter().all(|r| r["favorite"] == true));
    let listed = sandbox
        .run(&["list", "--favorites", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(
        names(&listed),
        ["Song Han", "Ion Stoica"],
        "sorted by school"
    );
    sandbox.run(&["favorite", "remove", "ion"]).assert_code(0);
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Song Han"]);
    sandbox
        .run(&["favorite", "remove", "xqzxqz"])
        .assert_code(1);
}

#[test]
fn a_blank_query_is_a_usage_error_and_acts_on_nothing() {
    let sandbox = Sandbox::new();
    sandbox.run(&["favorite", "add", "stoica"]).assert_code(0);
    let browser = sandbox.fake_browser();
    // As `"$UNSET"`, stray spaces or an invisible character would type them.
    for query in ["", "   ", "\u{200b}"] {
        for args in [
            &["favorite", "remove", query][..],
            &["favorite", "add", query],
            &["show", query],
            &["open", query],
            &["search", query, "--json"],
            &["search", query, " "],
        ] {
            let run = Run::from(
                sandbox
                    .command()
                    .env("BROWSER", &browser)
                    .args(args)
                    .output()
                    .unwrap(),
            );
            run.assert_code(2);
            assert_eq!(run.stdout, "", "{args:?}");
            assert_eq!(
                run.stderr, "profdex: empty query: give a name or a topic to look for\n",
                "{args:?}"
            );
        }
    }
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ion Stoica"], "the favorite is kept");
    assert!(sandbox.browser_log().is_empty(), "nothing was opened");
    let run = sandbox.run(&["list", "--school", " "]);
    run.assert_code(2);
    assert!(run.stderr.contains("empty school name"), "{}", run.stderr);
}

#[test]
fn a_corrupt_favorites_file_is_reported_and_left_alone() {
    let sandbox = Sandbox::new();
    let garbage = b"{\"version\": 1, \"favorites\": [ {\"school\": \"MIT\"";
    let path = sandbox.favorites_file();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, garbage).unwrap();
    for args in [
        &["favorite", "add", "stoica"][..],
        &["favorite", "remove", "han"],
        &["favorites"],
    ] {
        let run = sandbox.run(args);
        run.assert_code(2);
        assert!(
            run.stderr.contains(&path.display().to_string()),
            "{}",
            run.stderr
        );
    }
    // Reading commands still work, saying why no favorites are shown.
    let run = sandbox.run(&["list", "--json"]);
    run.assert_code(0);
    assert!(run.stderr.contains("favorites"), "{}", run.stderr);
    assert_eq!(fs::read(&path).unwrap(), garbage);
}

const MY_SCHOOL: &str = "# Example U - Test Faculty\n\n## Faculty\n\n### Ada Lovelace\n- **Title**: Professor\n- **Website**: https://ada.example.org/\n\n### Alan Turing\n- **Title**: Reader\n";

#[test]
fn a_favorite_survives_editing_and_outlives_its_person() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("data/schools/example.md", MY_SCHOOL);
    sandbox.run(&["favorite", "add", "lovelace"]).assert_code(0);
    // Reordered, retitled, different case and spacing in the school name.
    fs::write(
        &file,
        "# EXAMPLE  u - Renamed Directory\n## Faculty\n### Alan Turing\n### Ada Lovelace\n- **Title**: Countess\n",
    )
    .unwrap();
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(rows[0]["name"], "Ada Lovelace");
    assert_eq!(rows[0]["title"], "Countess");
    assert!(rows[0].get("missing").is_none());
    // Gone from the data: kept, and marked missing.
    fs::remove_file(&file).unwrap();
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(rows[0]["name"], "Ada Lovelace");
    assert_eq!(rows[0]["missing"], true);
    sandbox.run(&["favorite", "add", "stoica"]).assert_code(0);
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ada Lovelace", "Ion Stoica"]);
    // A missing favorite can still be removed by name.
    sandbox
        .run(&["favorite", "remove", "ada lovelace"])
        .assert_code(0);
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ion Stoica"]);
}

#[test]
fn open_hands_the_url_to_browser_without_a_shell() {
    let sandbox = Sandbox::new();
    let browser = sandbox.fake_browser();
    let run = Run::from(
        sandbox
            .command()
            .env("BROWSER", &browser)
            .args(["open", "stoica"])
            .output()
            .unwrap(),
    );
    run.assert_code(0);
    assert_eq!(
        sandbox.browser_log(),
        ["https://people.eecs.berkeley.edu/~istoica/"]
    );
    assert_eq!(
        run.stderr,
        "Opened Ion Stoica (UC Berkeley): https://people.eecs.berkeley.edu/~istoica/\n"
    );
    let with_placeholder = format!("{} --go=%s", browser.display());
    sandbox
        .command()
        .env("BROWSER", with_placeholder)
        .args(["open", "stoica", "--lab", "2"])
        .output()
        .unwrap();
    assert_eq!(
        sandbox.browser_log()[1..],
        ["--go=https://sky.cs.berkeley.edu/".to_string()]
    );
}

#[test]
fn open_starts_a_desktop_browser_without_waiting_for_it() {
    let sandbox = Sandbox::new();
    let run = Run::from(
        sandbox
            .command()
            .env("BROWSER", sandbox.fake_desktop_browser())
            .args(["open", "song han"])
            .output()
            .unwrap(),
    );
    run.assert_code(0);
    // The browser runs on its own; wait for it to have written its log.
    let start = std::time::Instant::now();
    while sandbox.browser_log().is_empty() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "the browser never ran"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(sandbox.browser_log(), ["https://hanlab.mit.edu/"]);
}

#[test]
fn open_reports_a_browser_that_cannot_start() {
    let sandbox = Sandbox::new();
    for browser in [
        sandbox.path("bin/lynx"),
        sandbox.path("bin/desktop-browser"),
    ] {
        let run = Run::from(
            sandbox
                .command()
                .env("BROWSER", &browser)
                .args(["open", "stoica"])
                .output()
                .unwrap(),
        );
        run.assert_code(2);
        assert!(
            run.stderr
                .starts_with(&format!("profdex: cannot start {}: ", browser.display())),
            "{}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
    let run = Run::from(
        sandbox
            .command()
            .env("BROWSER", "'lynx")
            .args(["open", "stoica"])
            .output()
            .unwrap(),
    );
    run.assert_code(2);
    assert!(
        run.stderr
            .starts_with("profdex: cannot understand $BROWSER"),
        "{}",
        run.stderr
    );
}

#[test]
fn open_refuses_a_person_without_a_website() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&[
        "--schools",
        sandbox.write("u.md", MY_SCHOOL).to_str().unwrap(),
        "open",
        "turing",
    ]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("Alan Turing has no website"),
        "{}",
        run.stderr
    );
}

use common::Run;

#[test]
fn sources_merge_in_order() {
    let sandbox = Sandbox::new();
    sandbox.write("data/schools/example.md", MY_SCHOOL);
    let later = sandbox.write(
        "later.md",
        "# example u\n## Faculty\n### ada  lovelace\n- **Title**: Countess of Lovelace\n- **Email**: ada@example.org\n### Grace Hopper\n- **Title**: Rear Admiral\n",
    );
    let run = sandbox.run(&[
        "--no-builtin",
        "--schools",
        later.to_str().unwrap(),
        "list",
        "--json",
    ]);
    run.assert_code(0);
    let rows = run.json();
    assert_eq!(
        names(&rows),
        ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    );
    assert!(rows.iter().all(|r| r["school"] == "Example U"));
    assert_eq!(rows[0]["title"], "Countess of Lovelace", "later fields win");
    assert_eq!(
        rows[0]["website"], "https://ada.example.org/",
        "earlier fields stay"
    );
    assert_eq!(rows[0]["extra"][0]["key"], "Email");
    assert!(run.stderr.contains("duplicate person"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("{}:3:1: warning:", later.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn data_dir_comes_from_the_flag_then_the_environment() {
    let sandbox = Sandbox::new();
    let other = sandbox.path("elsewhere");
    let run = sandbox.run(&["--data-dir", other.to_str().unwrap(), "paths"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains(&format!(
            "favorites       {}",
            other.join("favorites.json").display()
        )),
        "{}",
        run.stdout
    );
    let run = sandbox.run(&["paths"]);
    assert!(
        run.stdout
            .contains(&sandbox.data_dir().display().to_string()),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("builtin:mit.md"), "{}", run.stdout);
    // Without either: the platform directory under $XDG_DATA_HOME.
    let run = common::Run::from(
        sandbox
            .command()
            .env_remove("PROFDEX_DATA_DIR")
            .env("XDG_DATA_HOME", sandbox.path("xdg"))
            .arg("paths")
            .output()
            .unwrap(),
    );
    assert!(
        run.stdout
            .contains(&sandbox.path("xdg/profdex").display().to_string()),
        "{}",
        run.stdout
    );
}

#[test]
fn hostile_files_are_diagnosed_and_the_good_entries_kept() {
    let sandbox = Sandbox::new();
    sandbox.write("bad/garbage.md", [0xff, 0xfe, 0x00, 0x80, b'#', 0xc3]);
    sandbox.write("bad/empty.md", "");
    sandbox.write(
        "bad/mixed.md",
        "# Mixed U\n## Faculty\n###\n- **Title**: Ghost\n### Good Person\n- **Title**:\n- **Website**: javascript:alert(1)\n- **Research**: Things\n",
    );
    let dir = sandbox.path("bad");
    let run = sandbox.run(&[
        "--no-builtin",
        "--schools",
        dir.to_str().unwrap(),
        "list",
        "--json",
    ]);
    assert_ne!(run.code, 101, "panicked: {}", run.stderr);
    run.assert_code(0);
    let rows = run.json();
    assert_eq!(names(&rows), ["Good Person"]);
    assert_eq!(rows[0]["research"][0], "Things");
    assert!(rows[0]["website"].is_null());
    let check = sandbox.run(&["check", dir.to_str().unwrap()]);
    check.assert_code(1);
    let garbage = dir.join("garbage.md").display().to_string();
    let mixed = dir.join("mixed.md").display().to_string();
    assert!(
        check.stdout.contains(&format!("{garbage}:")),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(&format!("{mixed}:3:1: error:")),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(&format!("{mixed}:6:")),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(&format!("{mixed}:7:")),
        "{}",
        check.stdout
    );
    // The empty file has nothing to show and adds no school.
    assert!(
        check
            .stdout
            .contains("3 files: 1 school, 1 person, 2 errors"),
        "{}",
        check.stdout
    );
}

#[test]
fn check_reports_a_missing_file_as_an_error() {
    let sandbox = Sandbox::new();
    let missing = sandbox.path("nope.md");
    let run = sandbox.run(&["check", missing.to_str().unwrap()]);
    run.assert_code(1);
    // Findings are the output; stderr says only why the exit status is 1.
    assert!(
        run.stdout
            .contains(&format!("{}: error: cannot read", missing.display())),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "profdex: 1 error found\n");
}

#[test]
fn check_passes_on_the_built_in_data() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["check"]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("checked 2 files: 2 schools, 18 people, 0 errors, 0 warnings"),
        "{}",
        run.stdout
    );
}

#[test]
fn completions_and_help() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["completions", "bash"]);
    run.assert_code(0);
    assert!(run.stdout.contains("profdex"));
    let run = sandbox.run(&["--help"]);
    run.assert_code(0);
    for command in [
        "list",
        "search",
        "show",
        "open",
        "favorites",
        "favorite",
        "check",
        "paths",
        "completions",
    ] {
        assert!(
            run.stdout.contains(command),
            "{command} missing from --help"
        );
    }
    sandbox.run(&["--version"]).assert_code(0);
}

#[test]
fn control_characters_in_data_are_exact_in_json_and_stand_ins_in_text() {
    /// Arguments, exit status, and what stdout and stderr must contain.
    type Case<'a> = (&'a [&'a str], i32, &'a [&'a str], &'a [&'a str]);

    let sandbox = Sandbox::new();
    let evil = sandbox.write(
        "evil.md",
        "# Evil U\n## Faculty\n### Mallory \u{1b}]0;pwned\u{7}Person\n- **Title**: \u{1b}[2JClear\n- **Research**: \u{1b}[31mred\n- **Website**: https://evil.example/\u{1b}[2J\n",
    );
    let evil = evil.to_str().unwrap();
    let run = |args: &[&str], color: &str| {
        let mut all = vec!["--no-builtin", "--schools", evil, "--color", color];
        all.extend_from_slice(args);
        sandbox.run(&all)
    };

    // JSON is for programs: the text exactly as written, escaped by JSON.
    let rows = run(&["list", "--json"], "never").assert_code(0).json();
    assert_eq!(rows[0]["name"], "Mallory \u{1b}]0;pwned\u{7}Person");
    assert_eq!(rows[0]["title"], "\u{1b}[2JClear");
    assert_eq!(rows[0]["research"][0], "\u{1b}[31mred");
    assert_eq!(rows[0]["website"], serde_json::Value::Null);
    assert_eq!(
        rows[0]["extra"][0]["value"],
        "https://evil.example/\u{1b}[2J"
    );
    let rows = run(&["show", "mallory", "--json"], "never")
        .assert_code(0)
        .json();
    assert_eq!(rows[0]["title"], "\u{1b}[2JClear");

    // Text is for a terminal: every command, on stdout and stderr alike.
    let name = "Mallory \u{241b}]0;pwned\u{2407}Person";
    let diagnostic = "website \"https://evil.example/\u{241b}[2J\" is not an absolute http(s) URL";
    let expected: [Case; 7] = [
        (&["list"], 0, &[name, "\u{241b}[2JClear"], &[diagnostic]),
        (
            &["search", "mallory"],
            0,
            &[name, "\u{241b}[2JClear"],
            &[diagnostic],
        ),
        (
            &["show", "mallory"],
            0,
            &[
                name,
                "\u{241b}[2JClear",
                "\u{241b}[31mred",
                "https://evil.example/\u{241b}[2J",
            ],
            &[diagnostic],
        ),
        (&["favorite", "add", "mallory"], 0, &[name], &[diagnostic]),
        (
            &["favorites"],
            0,
            &[name, "\u{241b}[2JClear"],
            &[diagnostic],
        ),
        (
            &["open", "mallory"],
            1,
            &[],
            &[diagnostic, &format!("{name} has no website")],
        ),
        (&["check", evil], 0, &["1 warning", diagnostic], &[]),
    ];
    for (args, code, stdout, stderr) in expected {
        let out = run(args, "never");
        out.assert_code(code);
        for text in [&out.stdout, &out.stderr] {
            assert!(!text.contains(['\u{1b}', '\u{7}']), "{args:?}: {text:?}");
        }
        for want in stdout {
            assert!(
                out.stdout.contains(want),
                "{args:?}: {want:?} in {:?}",
                out.stdout
            );
        }
        for want in stderr {
            assert!(
                out.stderr.contains(want),
                "{args:?}: {want:?} in {:?}",
                out.stderr
            );
        }
    }

    // With colour on, profdex's own escapes are there, the file's are not.
    let coloured = run(&["search", "mallory"], "always");
    coloured.assert_code(0);
    assert!(coloured.stdout.contains('\u{1b}'), "{:?}", coloured.stdout);
    for raw in ["\u{1b}]0;pwned", "\u{7}", "\u{1b}[2JClear"] {
        assert!(!coloured.stdout.contains(raw), "{:?}", coloured.stdout);
    }
}

/// A file name is data too: `paths` must not let one retitle the window.
#[test]
fn paths_print_file_names_with_stand_ins() {
    let sandbox = Sandbox::new();
    let evil = "evil\u{1b}]0;pwned\u{7}.md";
    sandbox.write(&format!("data/schools/{evil}"), "# Evil U\n### Ada\n");
    let odd_dir = sandbox.path("dir\u{1b}[2J");
    std::fs::create_dir_all(&odd_dir).unwrap();
    let run = sandbox.run(&["--schools", odd_dir.to_str().unwrap(), "paths"]);
    run.assert_code(0);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(!run.stdout.contains('\u{7}'), "{:?}", run.stdout);
    assert!(run.stdout.contains("evil"), "{}", run.stdout);
}

/// A query the size of a book is answered at once, and says what it used.
#[test]
fn a_huge_query_is_bounded_and_says_so() {
    let sandbox = Sandbox::new();
    let query = format!("stoica {}", "ion ".repeat(25_000));
    let run = sandbox.run(&["search", &query, "--json"]);
    let rows = run.assert_code(0).json();
    assert_eq!(names(&rows)[0], "Ion Stoica");
    let words: Vec<String> = (0..100).map(|n| format!("w{n}")).collect();
    let run = sandbox.run(&["search", &format!("ion {}", words.join(" "))]);
    assert!(
        run.stderr.contains("first 32 different words"),
        "{}",
        run.stderr
    );
}

/// A URL with a character that cannot be seen is not the URL it looks
/// like: `check` names the character, and nothing opens it.
#[test]
fn urls_with_invisible_characters_are_never_opened() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "hidden.md",
        "# Hidden U\n## Faculty\n### Ada Lovelace\n- **Website**: https://goo\u{AD}gle.com/\n### Alan Turing\n- **Website**: https://example.org/\u{2800}\n## Labs\n- **Filler Lab**: https://lab.example.org/\u{3164}\n- **Tag Lab**: https://lab.example.org/\u{E0041}\n",
    );
    let file = file.to_str().unwrap();
    let check = sandbox.run(&["check", file]);
    check.assert_code(0);
    for (line, what) in [
        (
            4,
            "website \"https://goo\u{AD}gle.com/\" holds an invisible character, U+00AD",
        ),
        (
            6,
            "website \"https://example.org/\u{2800}\" holds an invisible character, U+2800",
        ),
        (
            8,
            "lab \"Filler Lab\": \"https://lab.example.org/\u{3164}\" holds an invisible character, U+3164; skipped",
        ),
        (
            9,
            "lab \"Tag Lab\": \"https://lab.example.org/\u{E0041}\" holds an invisible character, U+E0041; skipped",
        ),
    ] {
        let want = format!("{file}:{line}:1: warning: {what}");
        assert!(check.stdout.contains(&want), "{want}\n{}", check.stdout);
    }
    let browser = sandbox.fake_browser();
    for (args, why) in [
        (&["open", "lovelace"][..], "Ada Lovelace has no website"),
        (&["open", "turing"][..], "Alan Turing has no website"),
        (
            &["open", "turing", "--lab", "1"][..],
            "Hidden U has 0 labs; there is no lab 1",
        ),
    ] {
        let run = Run::from(
            sandbox
                .command()
                .env("BROWSER", &browser)
                .args(["--no-builtin", "--schools", file])
                .args(args)
                .output()
                .unwrap(),
        );
        assert_ne!(run.code, 0, "{args:?}");
        assert!(run.stderr.contains(why), "{args:?}: {}", run.stderr);
    }
    assert_eq!(
        sandbox.browser_log(),
        Vec::<String>::new(),
        "nothing opened"
    );
}

/// A user name that reads like a host, or a host in other letters, is
/// shown with the host it really opens; JSON keeps the URL as written.
#[test]
fn urls_that_go_elsewhere_say_where() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "spoof.md",
        "# Spoof U\n## Faculty\n### Mallory\n- **Website**: https://www.google.com@evil.example/\n### Bettina\n- **Website**: https://bücher.example/\n## Labs\n- **Bank Lab**: https://bank.example@evil.example/lab\n- **Books Lab**: https://bücher.example/lab\n",
    );
    let file = file.to_str().unwrap();
    let check = sandbox.run(&["check", file]);
    check.assert_code(0);
    let warnings: Vec<&str> = check
        .stdout
        .lines()
        .filter(|line| line.contains(": warning: "))
        .collect();
    assert_eq!(
        warnings,
        [
            format!(
                "{file}:4:1: warning: website \"https://www.google.com@evil.example/\" opens evil.example; what comes before \"@\" is a user name"
            ),
            format!(
                "{file}:8:1: warning: lab \"Bank Lab\": \"https://bank.example@evil.example/lab\" opens evil.example; what comes before \"@\" is a user name"
            ),
        ],
        "an international host is no mistake"
    );

    let data = ["--no-builtin", "--schools", file];
    let show = sandbox.run(&[&data[..], &["show", "mallory"]].concat());
    show.assert_code(0);
    for want in [
        "Website  https://www.google.com@evil.example/  (opens evil.example)\n",
        "  1  Bank Lab  https://bank.example@evil.example/lab  (opens evil.example)\n",
        "  2  Books Lab  https://bücher.example/lab  (opens xn--bcher-kva.example)\n",
    ] {
        assert!(show.stdout.contains(want), "{want:?} in\n{}", show.stdout);
    }
    let show = sandbox.run(&[&data[..], &["show", "bettina"]].concat());
    assert!(
        show.stdout
            .contains("Website  https://bücher.example/  (opens xn--bcher-kva.example)\n"),
        "{}",
        show.stdout
    );
    let json = sandbox
        .run(&[&data[..], &["show", "mallory", "--json"]].concat())
        .assert_code(0)
        .json();
    assert_eq!(json[0]["website"], "https://www.google.com@evil.example/");
    assert_eq!(json[0]["labs"][1]["url"], "https://bücher.example/lab");

    let browser = sandbox.fake_browser();
    let open = |args: &[&str]| {
        Run::from(
            sandbox
                .command()
                .env("BROWSER", &browser)
                .args(data)
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let run = open(&["open", "mallory"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .ends_with("\nOpened Mallory (Spoof U): https://www.google.com@evil.example/  (opens evil.example)\n"),
        "{}",
        run.stderr
    );
    let run = open(&["open", "bettina", "--lab", "2"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .ends_with("\nOpened Books Lab, lab 2 of Spoof U (Bettina's school): https://bücher.example/lab  (opens xn--bcher-kva.example)\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        sandbox.browser_log(),
        [
            "https://www.google.com@evil.example/",
            "https://bücher.example/lab"
        ],
        "the browser gets the URL as written"
    );
}

/// Markup inside a bare URL changes the URL markdown reads: `check` says
/// so with both forms, and neither form is opened.
#[test]
fn urls_changed_by_markup_are_reported_and_not_opened() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "markup.md",
        "# Markup U\n## Faculty\n### Ada Lovelace\n- **Title**: Countess\n- **Website**: https://ex*am*ple.org/\n## Labs\n- **Code Lab**: https://lab.example.org/`x`y`\n- **Kept Lab**: <https://kept.example.org/*k*>\n",
    );
    let file = file.to_str().unwrap();
    let check = sandbox.run(&["check", file]);
    check.assert_code(0);
    let warnings: Vec<&str> = check
        .stdout
        .lines()
        .filter(|line| line.contains(": warning: "))
        .collect();
    assert_eq!(
        warnings,
        [
            format!(
                "{file}:5:16: warning: website \"https://ex*am*ple.org/\" reads as \"https://example.org/\" in markdown; not opened (<…> keeps a URL as written)"
            ),
            format!(
                "{file}:7:17: warning: lab \"Code Lab\": \"https://lab.example.org/`x`y`\" reads as \"https://lab.example.org/xy`\" in markdown; skipped (<…> keeps a URL as written)"
            ),
        ]
    );

    let data = ["--no-builtin", "--schools", file];
    let show = sandbox.run(&[&data[..], &["show", "ada"]].concat());
    show.assert_code(0);
    assert!(
        show.stdout.contains("Website  https://ex*am*ple.org/\n"),
        "shown as written: {}",
        show.stdout
    );
    assert!(
        show.stdout
            .contains("  1  Kept Lab  https://kept.example.org/*k*\n"),
        "{}",
        show.stdout
    );
    let json = sandbox
        .run(&[&data[..], &["show", "ada", "--json"]].concat())
        .json();
    assert!(json[0]["website"].is_null());
    assert_eq!(json[0]["extra"][0]["value"], "https://ex*am*ple.org/");

    let run = Run::from(
        sandbox
            .command()
            .env("BROWSER", sandbox.fake_browser())
            .args(data)
            .args(["open", "ada"])
            .output()
            .unwrap(),
    );
    run.assert_code(1);
    assert!(
        run.stderr.contains("Ada Lovelace has no website"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.browser_log(), Vec::<String>::new());
}

/// Two people of one name at one school, told apart by their websites.
const NAMESAKES: &str = "# Lee U - Test Faculty\n## Faculty\n### Ada Lee\n- **Title**: Professor\n- **Research**: Robotics\n- **Website**: https://a.example/robotics\n### Ada Lee\n- **Title**: Professor\n- **Research**: Databases\n- **Website**: https://b.example/db\n";

#[test]
fn each_namesake_is_a_favorite_of_their_own() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("namesakes.md", NAMESAKES);
    let data = ["--no-builtin", "--schools", file.to_str().unwrap()];
    let run = |args: &[&str]| sandbox.run(&[&data[..], args].concat());
    let websites = || {
        let rows = run(&["favorites", "--json"]).assert_code(0).json();
        assert_eq!(names(&rows), vec!["Ada Lee"; rows.len()]);
        rows.iter()
            .map(|row| row["website"].as_str().unwrap_or("?").to_string())
            .collect::<Vec<_>>()
    };

    let added = run(&["favorite", "add", "ada lee databases"]);
    added.assert_code(0);
    assert_eq!(added.stdout, "Added Ada Lee (b.example) (Lee U)\n");
    assert_eq!(websites(), ["https://b.example/db"]);
    let added = run(&["favorite", "add", "ada lee robotics"]);
    added.assert_code(0);
    assert_eq!(added.stdout, "Added Ada Lee (a.example) (Lee U)\n");
    assert_eq!(
        websites(),
        ["https://b.example/db", "https://a.example/robotics"]
    );
    let again = run(&["favorite", "add", "ada lee databases"]);
    assert_eq!(
        again.assert_code(0).stdout,
        "Already a favorite: Ada Lee (b.example) (Lee U)\n"
    );
    assert_eq!(websites().len(), 2, "each listed once");

    let listed = run(&["list", "--favorites", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(listed.len(), 2);
    let text = run(&["favorites"]).assert_code(0).stdout.clone();
    assert!(text.contains("Ada Lee (b.example)"), "{text}");
    assert!(text.contains("Ada Lee (a.example)"), "{text}");
    let saved = fs::read_to_string(sandbox.favorites_file()).unwrap();
    assert!(
        saved.contains(r#""website": "https://b.example/db""#),
        "{saved}"
    );

    let show = run(&["show", "ada lee databases"]);
    show.assert_code(0);
    assert!(
        show.stderr.contains("Ada Lee (b.example)"),
        "{}",
        show.stderr
    );
    let removed = run(&["favorite", "remove", "databases"]);
    assert_eq!(
        removed.assert_code(0).stdout,
        "Removed Ada Lee (b.example) (Lee U)\n"
    );
    assert_eq!(websites(), ["https://a.example/robotics"]);
}

/// "," would match the ", " between research topics, so it names anyone.
#[test]
fn a_query_without_a_letter_or_digit_is_a_usage_error_and_acts_on_nothing() {
    let sandbox = Sandbox::new();
    sandbox.run(&["favorite", "add", "stoica"]).assert_code(0);
    let browser = sandbox.fake_browser();
    for query in [",", ", ;", "-", "…", "\u{200b},"] {
        let two_words = format!("{query} .");
        for (args, text) in [
            (&["favorite", "remove", query][..], query),
            (&["favorite", "add", query], query),
            (&["show", query], query),
            (&["open", query], query),
            (&["search", query, "--json"], query),
            (&["search", query, "."], &two_words),
        ] {
            let run = Run::from(
                sandbox
                    .command()
                    .env("BROWSER", &browser)
                    .args(args)
                    .output()
                    .unwrap(),
            );
            run.assert_code(2);
            assert_eq!(run.stdout, "", "{args:?}");
            assert_eq!(
                run.stderr,
                format!(
                    "profdex: query \"{text}\" has no letter or digit: give a name or a topic to look for\n"
                ),
                "{args:?}"
            );
        }
    }
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ion Stoica"], "the favorite is kept");
    assert!(sandbox.browser_log().is_empty(), "nothing was opened");
    // Punctuation beside a letter or a digit is part of a query.
    sandbox.run(&["search", "stoica,"]).assert_code(0);
    sandbox.run(&["search", "№ 5"]).assert_code(1);
}

/// `profdex completions bash | head -1`: the reader leaving early is no failure.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    let sandbox = Sandbox::new();
    for args in [
        &["completions", "bash"][..],
        &["list"],
        &["list", "--json"],
        &["search", "systems"],
        &["show", "song han"],
        &["paths"],
        &["check"],
        &["--help"],
    ] {
        let mut child = sandbox
            .command()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The read end closes before the program writes a byte.
        drop(child.stdout.take());
        let run = Run::from(child.wait_with_output().unwrap());
        run.assert_code(0);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    }
    // Nor does a closed stderr turn a message into a crash.
    let browser = sandbox.fake_browser();
    for (args, code) in [(&["search", "xyzzy"][..], 1), (&["open", "stoica"], 0)] {
        let mut child = sandbox
            .command()
            .env("BROWSER", &browser)
            .args(args)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{args:?}");
    }
}

/// Every `--json` prints one array, `[]` when nothing matched, and still
/// exits 1 then.
#[test]
fn json_with_nothing_to_print_is_an_empty_array() {
    let sandbox = Sandbox::new();
    for args in [
        &["search", "xyzzy", "--json"][..],
        &["show", "xyzzy", "--json"],
        &["list", "--favorites", "--json"],
        &["favorites", "--json"],
    ] {
        let run = sandbox.run(args);
        run.assert_code(1);
        assert_eq!(run.stdout, "[]\n", "{args:?}");
        assert!(
            run.stderr.starts_with("profdex: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

/// Every option and argument in every command's `--help` says what it does.
#[test]
fn help_describes_every_option() {
    let sandbox = Sandbox::new();
    for command in [
        &["list"][..],
        &["search"],
        &["show"],
        &["open"],
        &["favorites"],
        &["favorite", "add"],
        &["favorite", "remove"],
        &["favorite", "note"],
        &["favorite", "status"],
        &["check"],
        &["completions"],
    ] {
        let run = sandbox.run(&[command, &["--help"]].concat());
        run.assert_code(0);
        for line in run.stdout.lines() {
            let line = line.trim();
            if !(line.starts_with('-') || line.starts_with('<') || line.starts_with('[')) {
                continue;
            }
            // "--json   What it does": the flag, two spaces or more, the text.
            let described = line
                .split_once("  ")
                .is_some_and(|(_, text)| !text.trim().is_empty());
            assert!(described, "{command:?}: {line:?} has no description");
        }
    }
}

/// With `PROFDEX_DATA_DIR` set the usage line still shows only what is required.
#[test]
fn the_data_dir_variable_does_not_make_the_flag_look_required() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["show"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("Usage: profdex show <QUERY>...\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--data-dir"), "{}", run.stderr);
    let help = sandbox.run(&["--help"]);
    assert!(
        help.stdout.contains("also set by `PROFDEX_DATA_DIR`"),
        "{}",
        help.stdout
    );
}

#[test]
fn an_ambiguous_query_lists_the_candidates_and_acts_on_no_one() {
    let sandbox = Sandbox::new();
    // Two schools with a Wei Wang each, and a Weiwei Wang.
    let alpha = sandbox.write(
        "alpha.md",
        "# Alpha U - Faculty\n## Faculty\n### Wei Wang\n- **Research**: Databases\n- **Website**: https://alpha.example/wei\n### Weiwei Wang\n- **Research**: Graphics\n- **Website**: https://alpha.example/weiwei\n",
    );
    let beta = sandbox.write(
        "beta.md",
        "# Beta U - Faculty\n## Faculty\n### Wei  WANG\n- **Research**: Networks\n- **Website**: https://beta.example/wei\n",
    );
    let data = [
        "--schools",
        alpha.to_str().unwrap(),
        "--schools",
        beta.to_str().unwrap(),
    ];
    let browser = sandbox.fake_browser();
    let run = |args: &[&str]| {
        Run::from(
            sandbox
                .command()
                .env("BROWSER", &browser)
                .args(data)
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let listing = "  Wei Wang  Alpha U  https://alpha.example/wei\n  Wei WANG  Beta U   https://beta.example/wei\n";
    for args in [
        &["show", "wei", "wang"][..],
        &["open", "wei wang"],
        &["open", "wei wang", "--lab", "1"],
        &["favorite", "add", "Wei Wang"],
        &["favorite", "add", "wei-wang"],
    ] {
        let out = run(args);
        out.assert_code(1);
        assert_eq!(out.stdout, "", "{args:?}");
        assert!(out.stderr.starts_with(listing), "{args:?}:\n{}", out.stderr);
        assert!(
            out.stderr.ends_with(
                "could be any of these 2: name one with --school S, more of their name or research, or their website\n"
            ),
            "{args:?}:\n{}",
            out.stderr
        );
    }
    let out = run(&["show", "wei wang", "--json"]);
    out.assert_code(1);
    assert_eq!(out.stdout, "[]\n");
    // Neither opened nor written.
    assert!(sandbox.browser_log().is_empty());
    assert!(!sandbox.favorites_file().exists());
    // A topic many people share names no one either.
    let out = run(&["open", "systems"]);
    out.assert_code(1);
    assert!(out.stderr.contains("  Ion Stoica"), "{}", out.stderr);
    assert!(out.stderr.contains("  … and "), "{}", out.stderr);
    assert!(sandbox.browser_log().is_empty());

    // Said precisely enough, each is the one.
    let out = run(&["open", "wei wang", "--school", "beta"]);
    out.assert_code(0);
    assert_eq!(
        out.stderr,
        "Opened Wei WANG (Beta U): https://beta.example/wei\n"
    );
    let out = run(&["open", "wei wang databases"]);
    assert_eq!(
        out.assert_code(0).stderr,
        "Opened Wei Wang (Alpha U): https://alpha.example/wei\n"
    );
    let out = run(&["open", "HTTP://Alpha.example/wei/"]);
    out.assert_code(0);
    let out = run(&["show", "weiwei wang"]);
    assert!(out.assert_code(0).stdout.starts_with("Weiwei Wang\n"));
    assert_eq!(
        sandbox.browser_log(),
        [
            "https://beta.example/wei",
            "https://alpha.example/wei",
            "https://alpha.example/wei"
        ]
    );
    let out = run(&["favorite", "add", "wei wang", "--school", "alpha"]);
    assert_eq!(out.assert_code(0).stdout, "Added Wei Wang (Alpha U)\n");
    let out = run(&["favorite", "add", "weiwei wang"]);
    assert_eq!(out.assert_code(0).stdout, "Added Weiwei Wang (Alpha U)\n");

    // Removing is as careful: "wang" is part of both favorites' names.
    let saved = fs::read_to_string(sandbox.favorites_file()).unwrap();
    let out = run(&["favorite", "remove", "wang"]);
    out.assert_code(1);
    assert_eq!(
        out.stderr.lines().take(2).collect::<Vec<_>>(),
        [
            "  Wei Wang     Alpha U  https://alpha.example/wei",
            "  Weiwei Wang  Alpha U  https://alpha.example/weiwei"
        ]
    );
    assert_eq!(fs::read_to_string(sandbox.favorites_file()).unwrap(), saved);
    let out = run(&["favorite", "remove", "wei wang"]);
    assert_eq!(out.assert_code(0).stdout, "Removed Wei Wang (Alpha U)\n");
    let rows = run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Weiwei Wang"]);
}

/// The commonest typo in a name, two letters swapped, still names them:
/// `stocia` is in no one's name as a subsequence, but is one swap from Stoica.
#[test]
fn open_stocia_opens_ion_stoicas_page() {
    let sandbox = Sandbox::new();
    let run = Run::from(
        sandbox
            .command()
            .env("BROWSER", sandbox.fake_browser())
            .args(["open", "stocia"])
            .output()
            .unwrap(),
    );
    run.assert_code(0);
    assert_eq!(
        sandbox.browser_log(),
        ["https://people.eecs.berkeley.edu/~istoica/"]
    );
    assert_eq!(
        run.stderr,
        "Opened Ion Stoica (UC Berkeley): https://people.eecs.berkeley.edu/~istoica/\n"
    );
    let show = sandbox.run(&["show", "ion stocia"]);
    assert!(show.assert_code(0).stdout.starts_with("Ion Stoica\n"));
    let added = sandbox.run(&["favorite", "add", "Stocia"]);
    assert_eq!(
        added.assert_code(0).stdout,
        "Added Ion Stoica (UC Berkeley)\n"
    );
}

/// Namesakes at one school are told apart in the candidates by website host.
#[test]
fn namesakes_at_one_school_are_candidates_told_apart() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("namesakes.md", NAMESAKES);
    let run = sandbox.run(&[
        "--no-builtin",
        "--schools",
        file.to_str().unwrap(),
        "favorite",
        "add",
        "ada lee",
    ]);
    run.assert_code(1);
    assert_eq!(
        run.stderr.lines().take(2).collect::<Vec<_>>(),
        [
            "  Ada Lee (a.example)  Lee U  https://a.example/robotics",
            "  Ada Lee (b.example)  Lee U  https://b.example/db"
        ]
    );
    assert!(!sandbox.favorites_file().exists());
}

/// Two people of one name at one school, with different websites, are two
/// people everywhere: both listed, JSON keeping `name` as written and
/// adding what tells them apart; a favorites file written before websites
/// were kept still loads and finds one of them.
#[test]
fn namesakes_at_one_school_are_both_listed_and_told_apart() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("namesakes.md", NAMESAKES);
    let data = ["--no-builtin", "--schools", file.to_str().unwrap()];
    let run = |args: &[&str]| sandbox.run(&[&data[..], args].concat());

    let rows = run(&["list", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ada Lee", "Ada Lee"]);
    let apart: Vec<&str> = rows
        .iter()
        .map(|row| row["disambiguation"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(apart, ["a.example", "b.example"]);
    let text = run(&["list"]).assert_code(0).stdout.clone();
    assert!(text.contains("  Ada Lee (a.example)  Professor"), "{text}");
    assert!(text.contains("  Ada Lee (b.example)  Professor"), "{text}");
    let found = run(&["search", "ada", "--json"]).assert_code(0).json();
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|row| row["disambiguation"].is_string()));
    let text = run(&["search", "databases"]).assert_code(0).stdout.clone();
    assert!(text.contains("Ada Lee (b.example)  Lee U"), "{text}");
    let shown = run(&["show", "ada lee", "databases", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(shown[0]["name"], "Ada Lee");
    assert_eq!(shown[0]["disambiguation"], "b.example");
    // Someone without a namesake has no such key.
    let plain = sandbox.run(&["list", "--json"]).assert_code(0).json();
    assert!(plain.iter().all(|row| row.get("disambiguation").is_none()));

    // As favorites files were written before namesakes were told apart.
    fs::create_dir_all(sandbox.data_dir()).unwrap();
    fs::write(
        sandbox.favorites_file(),
        r#"{"version": 1, "favorites": [{"school": "lee u", "name": "ada lee"}]}"#,
    )
    .unwrap();
    let rows = run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(names(&rows), ["Ada Lee"]);
    assert_eq!(rows[0]["website"], "https://a.example/robotics");
    assert!(rows[0].get("missing").is_none());
    let rows = run(&["list", "--favorites", "--json"])
        .assert_code(0)
        .json();
    assert_eq!(rows.len(), 1);
    // Adding the other namesake keeps the old key, beside one with a website.
    run(&["favorite", "add", "ada lee databases"]).assert_code(0);
    let saved = fs::read_to_string(sandbox.favorites_file()).unwrap();
    assert!(saved.contains(r#""name": "ada lee""#), "{saved}");
    assert!(
        saved.contains(r#""website": "https://b.example/db""#),
        "{saved}"
    );
    let rows = run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(rows.len(), 2);
}

/// `y` inside tmux: tmux drops an application's OSC 52 by default, so with
/// no clipboard tool the URL goes to tmux's buffer, and the status says so.
#[test]
fn copying_inside_tmux_fills_its_buffer_and_says_so() {
    let sandbox = Sandbox::new();
    // No display: no clipboard tool can work, whatever is installed.
    let tmux = Tmux::start_with_env(&sandbox, 120, 30, "DISPLAY= WAYLAND_DISPLAY=", "");
    tmux.wait_for("All schools");
    tmux.keys(&["/"]);
    tmux.type_text("stoica");
    tmux.wait_for("/ stoica▏");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Professor, Director of Sky Computing");
    tmux.keys(&["y"]);
    let url = "https://people.eecs.berkeley.edu/~istoica/";
    tmux.wait_for(&format!(
        "Copied to the tmux buffer (no clipboard tool): {url}"
    ));
    tmux.eventually("the URL in tmux's buffer", || tmux.buffer() == url);
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
}

/// The browser's hint names the sources the session read, so the command
/// it suggests lists the same diagnostics.
#[test]
fn the_browsers_check_hint_names_the_sources_read() {
    let sandbox = Sandbox::new();
    let file = sandbox.write(
        "u.md",
        "# U\n## Faculty\n### Ada\n- **Website**: not a url\n",
    );
    let args = format!("--no-builtin --schools {}", file.display());
    let tmux = Tmux::start(&sandbox, 200, 30, &args);
    tmux.wait_for(&format!("run `profdex check {args}` to see them"));
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
    // And the command line's hint, when it leaves diagnostics out.
    let many = (0..7)
        .map(|n| format!("### P{n}\n- **Website**: not a url\n"))
        .collect::<Vec<_>>()
        .concat();
    let file = sandbox.write("many.md", format!("# U\n## Faculty\n{many}"));
    let run = sandbox.run(&["--no-builtin", "--schools", file.to_str().unwrap(), "list"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains(&format!(
            "… and 2 more; `profdex check --no-builtin --schools {}` lists them all",
            file.display()
        )),
        "{}",
        run.stderr
    );
}
