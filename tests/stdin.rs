//! `--schools -`: one directory document from standard input, read as a
//! file is, and never read again.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::tmux::Tmux;
use common::{BIN, Run, Sandbox};

/// `profdex ARGS` with `input` on standard input.
fn with_stdin(sandbox: &Sandbox, args: &[&str], input: &str) -> Run {
    let mut child = sandbox
        .command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run profdex");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    Run::from(child.wait_with_output().expect("profdex ends"))
}

#[test]
fn a_piped_document_is_named_stdin_and_never_cached() {
    let sandbox = Sandbox::new();
    let run = with_stdin(
        &sandbox,
        &["--no-builtin", "--schools", "-", "list"],
        "# Pipe U\n## Faculty\n### Ada Quill\n- **Website**: ftp://a.example/\n",
    );
    run.assert_code(0);
    assert!(run.stdout.contains("Ada Quill"), "{}", run.stdout);
    assert!(
        run.stderr.contains("<stdin>:4:1: warning:"),
        "{}",
        run.stderr
    );
    // No hint asks to read standard input again.
    assert!(!run.stderr.contains("--schools -"), "{}", run.stderr);
    let cached = std::fs::read_dir(sandbox.path("cache")).map_or(0, Iterator::count);
    assert_eq!(cached, 0, "nothing cached");
}

#[test]
fn standard_input_is_one_source_at_most() {
    let sandbox = Sandbox::new();
    let run = with_stdin(&sandbox, &["--schools", "-", "--schools", "-", "list"], "");
    run.assert_code(2);
    assert!(run.stderr.contains("at most once"), "{}", run.stderr);
}

#[test]
fn a_directory_document_from_a_pipe() {
    let sandbox = Sandbox::new();
    let run = with_stdin(
        &sandbox,
        &["--no-builtin", "--schools", "-", "list", "--json"],
        "# Pipe U\n## Faculty\n### Ada Quill\n- **Website**: https://a.example/\n",
    );
    run.assert_code(0);
    let rows = run.json();
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    assert_eq!(rows[0]["name"], "Ada Quill");
    assert_eq!(rows[0]["school"], "Pipe U");
    assert_eq!(rows[0]["website"], "https://a.example/");
}

#[test]
fn the_browser_reads_its_data_from_a_pipe_and_its_keys_from_the_terminal() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start_shell(&sandbox, 120, 30);
    tmux.command(&format!(
        "printf '# Pipe U\\n## Faculty\\n### Ada Quill\\n### Bo Reed\\n' | '{BIN}' --no-builtin --schools -; report $?"
    ));
    tmux.wait_until("the browser", |s| s.contains("Pipe U") && s.contains("2/2"));
    tmux.keys(&["/"]);
    tmux.type_text("reed");
    tmux.wait_for("1/2");
    tmux.keys(&["Enter", "q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn the_picker_over_a_pipe_prints_whom_it_chose() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start_shell(&sandbox, 120, 30);
    tmux.command(&format!(
        "out=$(printf '# Pipe U\\n## Faculty\\n### Ada Quill\\n### Bo Reed\\n' | '{BIN}' --no-builtin --schools - pick --print name); report $?"
    ));
    tmux.wait_until("the picker", |s| s.contains("Pipe U") && s.contains("2/2"));
    tmux.type_text("quill");
    tmux.wait_for("1/2");
    tmux.keys(&["Enter"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    tmux.command("clear; echo \"[$out]\"");
    tmux.wait_for("[Ada Quill]");
}
