//! The terminal around the browser: what is left of it after a panic, a
//! stop and a continue, or quitting while the data still loads. The real
//! binary in tmux, as in `browser.rs`.

mod common;

use common::Sandbox;
use common::tmux::Tmux;

/// The message stays on the screen, above the shell's next output: the
/// screen is left once, not once in the panic hook and again while the
/// panic unwinds (which moved the cursor back up over the message).
#[cfg(debug_assertions)]
#[test]
fn a_panic_leaves_its_message_readable() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start_with_env(
        &sandbox,
        120,
        30,
        "PROFDEX_INTERNAL_TEST_PANIC=1 RUST_BACKTRACE=0",
        "",
    );
    let (status, cooked) = tmux.wait_for_exit();
    let screen = tmux.screen();
    assert_eq!(status, "exited with 101", "{screen}");
    assert!(cooked, "{screen}");
    assert!(!tmux.alternate_screen());
    let message = screen
        .lines()
        .position(|line| line.starts_with("thread 'main'") && line.contains("panicked at"));
    let status = screen.lines().position(|line| line == "exited with 101");
    assert!(
        matches!((message, status), (Some(m), Some(s)) if m < s),
        "the message, then the status:\n{screen}"
    );
    assert!(
        screen.contains("PROFDEX_INTERNAL_TEST_PANIC is set"),
        "{screen}"
    );
}
