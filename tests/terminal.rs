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

/// The first person is selected at the start; `j` selects the second, which
/// the detail pane then shows (its name right after the pane's border).
const FIRST: &str = "│Tim Kraska";
const SECOND: &str = "│Yoon Kim";

/// The browser's screen as it is at the start, drawn whole.
fn browser_screen(screen: &str) -> bool {
    screen.contains("All schools") && screen.contains(FIRST) && screen.contains("q quit")
}

/// Starts profdex from an interactive shell and waits for its screen.
fn browser_in_a_shell(sandbox: &Sandbox) -> Tmux {
    let tmux = Tmux::start_shell(sandbox, 120, 30);
    tmux.command(&format!("'{}'", common::BIN));
    tmux.wait_until("the browser", browser_screen);
    assert!(tmux.alternate_screen());
    tmux
}

/// Waits for the shell's prompt after the job stopped, on the shell's own
/// screen.
fn wait_for_the_stopped_job(tmux: &Tmux) {
    let screen = tmux.wait_until("the job to stop", |screen| {
        screen.contains("Stopped") && screen.trim_end().ends_with("shell$")
    });
    assert!(!tmux.alternate_screen(), "{screen}");
    assert!(!screen.contains("All schools"), "{screen}");
}

/// After `fg`: the screen is drawn again, and a key acts at once, without
/// Enter, so raw mode is back.
fn continue_and_browse(tmux: &Tmux) {
    tmux.command("fg");
    tmux.wait_until("the browser to come back", browser_screen);
    assert!(tmux.alternate_screen());
    tmux.keys(&["j"]);
    tmux.wait_for(SECOND);
}

fn quit_from_the_shell(tmux: &Tmux) {
    tmux.keys(&["q"]);
    tmux.wait_until("the prompt", |s| s.trim_end().ends_with("shell$"));
    tmux.command("report $?");
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    assert!(!tmux.alternate_screen());
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let sandbox = Sandbox::new();
    let tmux = browser_in_a_shell(&sandbox);
    tmux.keys(&["C-z"]);
    wait_for_the_stopped_job(&tmux);
    // The shell reads a line as usual: the terminal was left cooked.
    tmux.command("jobs");
    tmux.wait_for("[1]+  Stopped");
    continue_and_browse(&tmux);
    quit_from_the_shell(&tmux);
}

#[test]
fn ctrl_z_suspends_while_filtering() {
    let sandbox = Sandbox::new();
    let tmux = browser_in_a_shell(&sandbox);
    tmux.keys(&["/"]);
    tmux.type_text("kim");
    tmux.wait_for("/ kim▏");
    tmux.keys(&["C-z"]);
    wait_for_the_stopped_job(&tmux);
    tmux.command("fg");
    let screen = tmux.wait_for("/ kim▏");
    assert!(screen.contains("Yoon Kim"), "{screen}");
    assert!(tmux.alternate_screen());
    tmux.keys(&["C-c"]);
    tmux.wait_until("the prompt", |s| s.trim_end().ends_with("shell$"));
    tmux.command("report $?");
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

/// SIGTSTP from elsewhere, as `kill -TSTP`: the screen is given back before
/// the program stops.
#[test]
fn a_stop_signal_gives_the_screen_back_until_fg() {
    let sandbox = Sandbox::new();
    let tmux = browser_in_a_shell(&sandbox);
    tmux.signal_program("TSTP");
    wait_for_the_stopped_job(&tmux);
    continue_and_browse(&tmux);
    quit_from_the_shell(&tmux);
}

/// SIGSTOP cannot be caught, so nothing gives the screen back; whatever the
/// terminal went through meanwhile, SIGCONT brings back raw mode and the
/// whole screen.
#[test]
fn a_continue_after_sigstop_redraws_in_raw_mode() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 120, 30, "");
    tmux.wait_until("the browser", browser_screen);
    tmux.signal_program("STOP");
    tmux.reset_terminal();
    tmux.wait_until("a blank pane", |s| s.trim().is_empty());
    tmux.signal_program("CONT");
    tmux.wait_until("the browser to come back", browser_screen);
    assert!(tmux.alternate_screen());
    tmux.keys(&["j"]);
    tmux.wait_for(SECOND);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    assert!(!tmux.alternate_screen());
}

/// A school of 300,000 people: seconds to load, long enough to press a key
/// while the loading message shows.
fn large_school(sandbox: &Sandbox) -> std::path::PathBuf {
    use std::fmt::Write;
    let mut text = String::from("# Large University - Everyone\n\n## Faculty\n\n");
    for n in 0..300_000 {
        let _ = write!(
            text,
            "### Person {n}\n- **Title**: Professor\n- **Research**: Systems, Databases\n\
             - **Website**: https://p{n}.example.edu/\n\n"
        );
    }
    sandbox.write("large.md", text)
}

/// Keys work while the data loads: `q` and `Esc` quit (0), `Ctrl-c`
/// interrupts (130, as fzf does), at once and with the terminal restored.
/// Before, they waited for the load, and `Esc` then only cleared the filter.
#[test]
fn keys_quit_while_loading() {
    let sandbox = Sandbox::new();
    let school = large_school(&sandbox);
    for (key, status) in [("q", 0), ("Escape", 0), ("C-c", 130)] {
        let args = format!("--schools '{}'", school.display());
        let tmux = Tmux::start(&sandbox, 100, 30, &args);
        tmux.wait_for("Loading 3 directory files");
        tmux.keys(&[key]);
        let (exited, cooked) = tmux.wait_for_exit();
        assert_eq!(exited, format!("exited with {status}"), "{key}");
        assert!(cooked, "{key}");
        assert!(!tmux.alternate_screen(), "{key}");
    }
}
