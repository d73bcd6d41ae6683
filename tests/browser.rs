//! The interactive browser end to end: the real binary in tmux.

mod common;

use common::Sandbox;
use common::tmux::Tmux;

#[test]
fn filter_then_detail_then_bookmark_and_open() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    tmux.wait_for("All schools");
    tmux.keys(&["/"]);
    tmux.type_text("stoica");
    tmux.wait_for("/ stoica▏");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Professor, Director of Sky Computing");
    assert!(screen.contains("Ion Stoica"), "{screen}");
    assert!(screen.contains("Sky Computing Lab"), "{screen}");

    tmux.keys(&["b"]);
    tmux.wait_for("Added Ion Stoica to favorites");
    let favorites = sandbox.run(&["favorites", "--json"]);
    favorites.assert_code(0);
    assert_eq!(common::names(&favorites.json()), ["Ion Stoica"]);

    tmux.keys(&["o"]);
    tmux.wait_for("Opened https://people.eecs.berkeley.edu/~istoica/");
    assert_eq!(
        sandbox.browser_log(),
        ["https://people.eecs.berkeley.edu/~istoica/"]
    );
    tmux.keys(&["2"]);
    tmux.wait_for("Opened https://sky.cs.berkeley.edu/");
    assert_eq!(
        sandbox.browser_log()[1..],
        ["https://sky.cs.berkeley.edu/".to_string()]
    );
    // The screen is back after the browser ran.
    tmux.wait_for("Professor, Director of Sky Computing");

    tmux.keys(&["?"]);
    let keys = [
        "Ctrl-u",
        "PgUp PgDn",
        "Tab Shift-Tab",
        "h l ← →",
        "Enter o",
        "1–9",
        "copy the website",
        "q Ctrl-c",
    ];
    tmux.wait_until("every key in the help", |screen| {
        keys.iter().all(|key| screen.contains(key))
    });
    tmux.keys(&["Escape"]);
    tmux.wait_until("help to close", |s| !s.contains("Keys — Esc"));

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    assert!(!tmux.alternate_screen());
}

/// From Ion Stoica to a Berkeley colleague listed under Related, and back.
#[test]
fn related_people_are_a_key_away_and_backspace_returns() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    tmux.wait_for("All schools");
    tmux.keys(&["/"]);
    tmux.type_text("stoica");
    tmux.wait_for("/ stoica▏");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Related");
    assert!(screen.contains("1 Matei Zaharia · UC Berkeley"), "{screen}");
    tmux.keys(&["r"]);
    tmux.wait_for("Backspace back");
    tmux.keys(&["1"]);
    let screen = tmux.wait_for("Associate Professor, Co-founder and");
    assert!(screen.contains("Ion Stoica · UC Berkeley"), "{screen}");
    tmux.keys(&["BSpace"]);
    let screen = tmux.wait_for("Professor, Director of Sky Computing");
    assert!(screen.contains("/ stoica"), "the filter is back:\n{screen}");
    assert!(!screen.contains("Co-founder and"), "{screen}");

    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

/// The names on the faculty list's rows, as the screen shows them.
fn listed(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|line| line.split('┃').nth(1))
        .skip(1)
        .map(|row| {
            let row = row.trim_start();
            row.split("  ").next().unwrap_or("").to_string()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Types `query` into the people's filter, from empty, and waits for the
/// list to say it holds `count` of all 18.
fn filter(tmux: &Tmux, query: &str, count: usize) -> Vec<String> {
    tmux.keys(&["/", "C-u"]);
    tmux.type_text(query);
    let screen = tmux.wait_until(&format!("{count} people for {query}"), |screen| {
        screen.contains(&format!("/ {query}▏")) && screen.contains(&format!(" {count}/18┃"))
    });
    listed(&screen)
}

#[test]
fn the_query_language_narrows_the_list_on_the_built_in_data() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    tmux.wait_for("All schools");
    let quantization = filter(&tmux, "topic:quant", 1);
    assert_eq!(quantization, ["Song Han"], "not Ion Stoica");
    let berkeley = filter(&tmux, "!school:mit", 9);
    let screen = tmux.screen();
    let rows: Vec<&str> = screen
        .lines()
        .filter_map(|line| line.split('┃').nth(1))
        .skip(1)
        .filter(|row| !row.trim().is_empty())
        .collect();
    assert_eq!(rows.len(), 9, "{screen}");
    assert!(
        rows.iter().all(|row| row.contains("UC Berkeley")),
        "{screen}"
    );
    assert!(berkeley.contains(&"Ion Stoica".to_string()), "{berkeley:?}");
    // A whole topic: those who wrote it out, and not "efficient ML systems".
    let systems = filter(&tmux, "topic:\"ML systems\"", 4);
    assert_eq!(
        systems,
        [
            "Mohammad Alizadeh",
            "Samuel Madden",
            "Michael Carbin",
            "Benjamin Recht"
        ]
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("? help");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn the_users_synonyms_count_in_the_browser_and_a_bad_line_is_a_warning() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "data/topic-synonyms.txt",
        "sky computing: apache spark\nnot a group line\n",
    );
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    let screen = tmux.wait_for("topic-synonyms.txt:2:1: warning: expected");
    assert!(
        screen.contains("All schools"),
        "the browser, not an error:\n{screen}"
    );
    let found = filter(&tmux, "topic:\"Sky Computing\"", 2);
    assert_eq!(found, ["Ion Stoica", "Matei Zaharia"]);
    tmux.keys(&["Escape"]);
    tmux.wait_for("? help");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn a_bookmark_survives_a_restart() {
    let sandbox = Sandbox::new();
    {
        let tmux = Tmux::start(&sandbox, 120, 40, "");
        tmux.wait_for("All schools");
        tmux.keys(&["/"]);
        tmux.type_text("zaharia");
        tmux.wait_for("1/18");
        tmux.keys(&["Enter", "b"]);
        tmux.wait_for("Added Matei Zaharia");
        tmux.keys(&["q"]);
        assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    }
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    let screen = tmux.wait_for("★ Matei Zaharia");
    assert!(screen.contains("★ Favorites"), "{screen}");
    tmux.keys(&["C-c"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn small_and_resized_terminals_stay_legible() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 80, 24, "");
    let screen = tmux.wait_for("Faculty");
    assert!(
        screen.contains("Detail"),
        "two panes at 80 columns:\n{screen}"
    );
    assert!(!screen.contains("Schools ("), "{screen}");
    tmux.resize(30, 8);
    tmux.wait_for("too small");
    tmux.resize(160, 48);
    let screen = tmux.wait_for("Schools (2)");
    assert!(screen.contains("Detail"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn a_terminate_signal_restores_the_terminal() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 100, 30, "");
    tmux.wait_for("All schools");
    tmux.terminate_program();
    assert_eq!(tmux.wait_for_exit(), ("exited with 143".to_string(), true));
    assert!(!tmux.alternate_screen());
}

#[test]
fn without_a_terminal_it_exits_2_with_a_hint() {
    let sandbox = Sandbox::new();
    let run = common::Run::from(
        sandbox
            .command()
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run"),
    );
    run.assert_code(2);
    assert!(run.stderr.contains("needs a terminal"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1);
}

/// A generated directory of 400 schools with the collisions real data has
/// (MIT and RMIT, University of California - Berkeley / Davis / San Diego,
/// two Wei Zhangs at MIT), and the browser started on it alone.
fn many_schools(sandbox: &Sandbox, favorites: &[(&str, &str)]) -> Tmux {
    let dir = sandbox.path("schools");
    let spec = profdex::synthetic::Spec {
        people: 3000,
        schools: 400,
        seed: 9,
    };
    profdex::synthetic::write(spec, &dir).expect("generate");
    if !favorites.is_empty() {
        let entries: Vec<serde_json::Value> = favorites
            .iter()
            .map(|(school, name)| serde_json::json!({"school": school, "name": name}))
            .collect();
        let file = serde_json::json!({"version": 1, "favorites": entries});
        sandbox.write("data/favorites.json", file.to_string());
    }
    let args = format!("--no-builtin --schools '{}'", dir.display());
    let tmux = Tmux::start(sandbox, 120, 40, &args);
    tmux.wait_for("Schools (400)");
    tmux
}

/// The focused pane's text on each row: what lies between its thick borders.
fn focused_pane(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|line| line.split('┃').nth(1).map(str::to_string))
        .collect()
}

#[test]
fn a_school_is_found_by_part_of_its_name_and_by_a_short_name() {
    let sandbox = Sandbox::new();
    let tmux = many_schools(&sandbox, &[]);
    tmux.keys(&["h", "/"]);
    tmux.type_text("mit");
    let screen = tmux.wait_for("Faculty · Massachusetts Institute of Techno");
    let rows = focused_pane(&screen);
    assert!(rows[0].contains("Massachuse"), "MIT first: {rows:#?}");
    assert!(screen.contains("RMIT University"), "{screen}");
    // Enter on the school: its list has the focus, and nothing opened.
    tmux.keys(&["Enter"]);
    tmux.wait_for("┏ Faculty · Massachusetts Institute of Techno");
    assert!(sandbox.browser_log().is_empty());

    tmux.keys(&["h", "/", "C-u"]);
    tmux.type_text("davis");
    tmux.wait_for("Faculty · University of California - Davis");
    // Apart, or the terminal reads Esc q as Alt-q.
    tmux.keys(&["Escape"]);
    tmux.wait_for("? help");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn s_jumps_from_a_person_to_their_school_and_rows_say_why_they_matched() {
    let sandbox = Sandbox::new();
    let tmux = many_schools(&sandbox, &[]);
    tmux.keys(&["/"]);
    tmux.type_text("quantum");
    let screen = tmux.wait_until("a row's snippet to show the topic", |screen| {
        focused_pane(screen)
            .iter()
            .skip(2)
            .any(|row| row.contains("Quantum"))
    });
    assert!(screen.contains("Faculty · All schools"), "{screen}");

    tmux.keys(&["C-u"]);
    tmux.type_text("wei zhang");
    tmux.wait_for("/ wei zhang▏");
    tmux.keys(&["Enter", "s"]);
    // The whole frame, not a capture taken while it is being written.
    tmux.wait_until("the schools pane to have the focus, on MIT", |screen| {
        screen.contains("Faculty · Massachusetts Institute of Techno")
            && focused_pane(screen)
                .iter()
                .any(|row| row.contains("Massachuse"))
    });
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn favorites_are_removed_in_place_and_a_missing_one_with_b() {
    let sandbox = Sandbox::new();
    let listed = {
        // Three real people of one school, and one who left.
        let dir = sandbox.path("schools");
        let spec = profdex::synthetic::Spec {
            people: 3000,
            schools: 400,
            seed: 9,
        };
        profdex::synthetic::write(spec, &dir).expect("generate");
        let run = sandbox.run(&[
            "--no-builtin",
            "--schools",
            &dir.display().to_string(),
            "list",
            "--school",
            "RMIT University",
            "--json",
        ]);
        run.assert_code(0);
        let rows = run.json();
        let names: Vec<String> = common::names(&rows).into_iter().map(String::from).collect();
        names
    };
    let school = "RMIT University";
    let favorites = [
        (school, listed[0].as_str()),
        (school, listed[1].as_str()),
        (school, listed[2].as_str()),
        (school, "Someone Who Left"),
    ];
    let tmux = many_schools(&sandbox, &favorites);
    tmux.keys(&["h", "j", "l", "j"]);
    tmux.wait_for(" 2/4 ");
    tmux.keys(&["b"]);
    let screen = tmux.wait_for(&format!("Removed {} from favorites", listed[1]));
    let rows = focused_pane(&screen);
    assert!(
        rows.iter().any(|row| row.contains(" 2/3 ")) || screen.contains(" 2/3 "),
        "the cursor stays on row 2: {screen}"
    );
    assert!(screen.contains(&listed[2]), "{screen}");
    tmux.keys(&["G"]);
    tmux.wait_for("A favorite missing from the data");
    tmux.keys(&["b"]);
    tmux.wait_for("Removed Someone Who Left from favorites");
    let saved = sandbox.run(&["favorites", "--json"]);
    let rows = saved.json();
    let names = common::names(&rows);
    assert!(!names.contains(&"Someone Who Left"), "{names:?}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}
