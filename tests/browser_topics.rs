//! The topics pane end to end: the real binary in tmux, on the built-in data.

mod common;

use common::Sandbox;
use common::tmux::Tmux;

/// `t`, then a topic found by its filter: the list narrows to the people
/// who work on it at both schools, and the filter line says how.
#[test]
fn choosing_a_topic_narrows_the_list_across_schools() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    tmux.wait_for("All schools");
    tmux.keys(&["t"]);
    let screen = tmux.wait_for("Topics · All schools");
    assert!(
        screen.contains("Research · All schools"),
        "the chart:\n{screen}"
    );
    tmux.keys(&["/"]);
    tmux.type_text("distributed sys");
    tmux.wait_for("topic:\"distributed systems\"");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("┏ Faculty");
    assert!(screen.contains(" 4/18"), "the pane's count of 4:\n{screen}");
    for name in [
        "Samuel Madden",
        "Ion Stoica",
        "Natacha Crooks",
        "Alvin Cheung",
    ] {
        assert!(screen.contains(name), "{name}:\n{screen}");
    }
    assert!(!screen.contains("Song Han"), "{screen}");
    // The detail is back once the list has the focus.
    assert!(screen.contains("┌ Detail"), "{screen}");

    // Back on the topics, the first row lets every topic through again.
    tmux.keys(&["t"]);
    tmux.wait_for("┏ Topics");
    // Esc clears the topics' filter (apart from the next key, or the two
    // would read as Alt and the key).
    tmux.keys(&["Escape"]);
    tmux.wait_for("All topics");
    tmux.keys(&["g"]);
    tmux.wait_for(" 18/18");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}
