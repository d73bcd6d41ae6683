//! Where the browser starts: `--query` and `--school` over where it last
//! was, and the picker leaving that alone.

mod common;

use std::fs;

use common::tmux::Tmux;
use common::{BIN, Sandbox};

/// Quits a browser left filtering "zaharia", so that is where the next starts.
fn leave_a_place(sandbox: &Sandbox) {
    let tmux = Tmux::start(sandbox, 120, 40, "");
    tmux.wait_for("All schools");
    tmux.keys(&["/"]);
    tmux.type_text("zaharia");
    tmux.wait_for("1/18");
    tmux.keys(&["Enter", "q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn query_and_school_beat_where_the_browser_last_was() {
    let sandbox = Sandbox::new();
    leave_a_place(&sandbox);
    let tmux = Tmux::start(&sandbox, 120, 40, "--query hellerstein --school berk");
    let screen = tmux.wait_until("the place asked for", |s| {
        s.contains("Faculty · UC Berkeley") && s.contains("/ hellerstein")
    });
    assert!(screen.contains("Joe Hellerstein"), "{screen}");
    assert!(!screen.contains("Matei Zaharia  "), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn the_picker_neither_reads_nor_writes_where_the_browser_was() {
    let sandbox = Sandbox::new();
    leave_a_place(&sandbox);
    let state = sandbox.data_dir().join("browser-state.json");
    let before = fs::read_to_string(&state).expect("saved by the browser");
    let tmux = Tmux::start_shell(&sandbox, 120, 40);
    tmux.command(&format!("out=$('{BIN}' pick); report $?"));
    let screen = tmux.wait_until("the picker from the start", |s| {
        s.contains("Type to filter") && s.contains("18/18")
    });
    assert!(!screen.contains("zaharia"), "{screen}");
    tmux.type_text("'hellerstein");
    tmux.wait_for("1/18");
    tmux.keys(&["Enter"]);
    assert_eq!(tmux.wait_for_exit().0, "exited with 0");
    assert_eq!(fs::read_to_string(&state).expect("still there"), before);
}
