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
