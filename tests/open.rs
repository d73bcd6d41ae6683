//! Opening a link from the command line and from the browser: one launcher,
//! so one behaviour, and one wording when the browser fails.

mod common;

use std::fs;

use common::tmux::Tmux;
use common::{Run, Sandbox};

#[test]
fn a_failing_browser_is_reported_in_the_same_words_by_both() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 200, 30, "");
    tmux.wait_for("All schools");
    // The text browser profdex was started with is gone.
    let browser = sandbox.fake_browser();
    fs::remove_file(&browser).expect("remove the browser");

    let run = Run::from(
        sandbox
            .command()
            .env("BROWSER", &browser)
            .args(["open", "stoica"])
            .output()
            .expect("run profdex"),
    );
    run.assert_code(2);
    let message = run
        .stderr
        .strip_prefix("profdex: ")
        .and_then(|line| line.strip_suffix('\n'))
        .unwrap_or_else(|| panic!("one line of error: {:?}", run.stderr));
    assert!(
        message.starts_with(&format!("cannot start {}: ", browser.display())),
        "{message}"
    );

    tmux.keys(&["/"]);
    tmux.type_text("stoica");
    tmux.wait_for("/ stoica▏");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Professor, Director of Sky Computing");
    tmux.keys(&["o"]);
    let screen = tmux.wait_for(message);
    // The browser keeps its screen after the failed launch.
    assert!(screen.contains("Sky Computing Lab"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}
