//! A faculty list as people publish it, browsed end to end in tmux: the
//! real binary reads the sample department page (list entries in groups,
//! front matter, comments, courses, a Links section) given with
//! `--schools`, and it browses as a canonical file does.

mod common;

use common::Sandbox;
use common::tmux::Tmux;

#[test]
fn a_list_of_entries_browses_like_a_canonical_file() {
    let sandbox = Sandbox::new();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/samples/ml-faculty.md");
    let tmux = Tmux::start(
        &sandbox,
        140,
        40,
        &format!("--no-builtin --schools '{sample}'"),
    );
    let screen = tmux.wait_for("Example State University");
    assert!(screen.contains("Ada Quill"), "{screen}");
    assert!(!screen.contains("Hidden Person"), "{screen}");

    tmux.keys(&["/"]);
    tmux.type_text("quill");
    tmux.wait_for("/ quill▏");
    tmux.keys(&["Enter"]);
    // The topics after the name, its tag and its group, in the detail pane.
    let screen = tmux.wait_for("program analysis, type systems, compilers");
    assert!(screen.contains("Stat, Math"), "{screen}");
    assert!(screen.contains("Computer Science"), "{screen}");
    // The school's labs, from its Links section, numbered.
    assert!(screen.contains("Example Robotics Institute"), "{screen}");
    assert!(screen.contains("Center for Data Science"), "{screen}");

    tmux.keys(&["o"]);
    tmux.wait_for("Opened https://cs.example.edu/~ada/");
    tmux.keys(&["2"]);
    tmux.wait_for("Opened https://cds.example.edu/");
    assert_eq!(
        sandbox.browser_log(),
        ["https://cs.example.edu/~ada/", "https://cds.example.edu/"]
    );
    tmux.wait_for("program analysis, type systems, compilers");

    // A person of another group, by a research topic.
    tmux.keys(&["/", "C-u"]);
    tmux.wait_for("/ ▏");
    tmux.type_text("causal");
    let screen = tmux.wait_for("/ causal▏");
    assert!(screen.contains("Cy Ng"), "{screen}");
    assert!(screen.contains("Søren Kierkegaard-Lund"), "{screen}");

    tmux.keys(&["Enter"]);
    tmux.wait_until("the filter editor to close", |s| !s.contains("/ causal▏"));
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}
