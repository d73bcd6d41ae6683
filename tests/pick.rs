//! `profdex pick` as a shell uses it: inside `$(…)`, without a terminal,
//! behind a key binding; and data read from a pipe.

mod common;

use std::process::{Command, Stdio};

use common::tmux::Tmux;
use common::{BIN, Run, Sandbox};

const STOICA: &str = "https://people.eecs.berkeley.edu/~istoica/";

/// The picker's screen, with its list drawn.
fn picking(screen: &str) -> bool {
    screen.contains("Faculty") && screen.contains("Type to filter")
}

/// A shell with `out=$(profdex pick ARGS)` running in it.
fn pick_in_shell(sandbox: &Sandbox, args: &str) -> Tmux {
    let tmux = Tmux::start_shell(sandbox, 120, 30);
    tmux.command(&format!("out=$('{BIN}' pick {args}); report $?"));
    tmux.wait_until("the picker", picking);
    tmux
}

/// What `$out` holds, each byte an escape would be shown by `cat -v`,
/// between brackets.
fn printed(tmux: &Tmux) -> String {
    tmux.command("clear; printf '[%s]\\n' \"$out\" | cat -v; echo printed");
    let screen = tmux.wait_until("the output", |screen| {
        screen.lines().any(|line| line == "printed")
    });
    let start = screen.find('[').expect("the output");
    let end = screen.rfind(']').expect("the output");
    screen[start + 1..end].to_string()
}

fn exit_status(tmux: &Tmux) -> String {
    tmux.wait_for_exit().0
}

#[test]
fn the_website_chosen_is_all_that_is_printed() {
    let sandbox = Sandbox::new();
    let tmux = pick_in_shell(&sandbox, "--print website");
    tmux.type_text("'stoica");
    tmux.wait_until("the filter to find him", |s| {
        s.contains("Ion Stoica") && s.contains("1/18")
    });
    tmux.resize(100, 26);
    tmux.wait_until("the screen redrawn at its new size", |s| {
        s.lines()
            .next()
            .is_some_and(|top| top.chars().count() == 100)
            && s.contains("Ion Stoica")
    });
    tmux.keys(&["F1"]);
    tmux.wait_for("Picking (profdex pick)");
    tmux.keys(&["F1"]);
    tmux.wait_until("the help to close", |s| {
        !s.contains("Picking (profdex pick)") && s.contains("Ion Stoica")
    });
    tmux.keys(&["Enter"]);
    assert_eq!(exit_status(&tmux), "exited with 0");
    assert_eq!(printed(&tmux), STOICA);
}

#[test]
fn escape_in_the_help_closes_it_and_escape_then_aborts() {
    let sandbox = Sandbox::new();
    let tmux = pick_in_shell(&sandbox, "--print website");
    tmux.keys(&["F1"]);
    tmux.wait_for("Picking (profdex pick)");
    tmux.keys(&["Escape"]);
    tmux.wait_until("the help to close", |s| {
        picking(s) && !s.contains("Picking (profdex pick)")
    });
    tmux.keys(&["Escape"]);
    let (status, cooked) = tmux.wait_for_exit();
    assert_eq!(status, "exited with 130");
    assert!(cooked, "the terminal is back in cooked mode");
    assert_eq!(printed(&tmux), "");
}

#[test]
fn marked_people_are_printed_in_the_order_they_were_marked() {
    let sandbox = Sandbox::new();
    let tmux = pick_in_shell(&sandbox, "--multi --print name --query \"'zaharia\"");
    tmux.wait_until("the query's match", |s| s.contains("Matei Zaharia"));
    tmux.keys(&["Tab"]);
    tmux.wait_for("1 marked");
    // A new filter: the mark stays.
    tmux.keys(&["C-u"]);
    tmux.type_text("'stoica");
    tmux.wait_until("the second person", |s| {
        s.contains("Ion Stoica") && s.contains("1/18")
    });
    tmux.keys(&["Tab"]);
    tmux.wait_for("2 marked");
    tmux.keys(&["Enter"]);
    assert_eq!(exit_status(&tmux), "exited with 0");
    tmux.command(
        "clear; printf '%s\\n' \"$out\" | wc -l; printf '%s\\n' \"$out\" | tr '\\n' '|'; echo",
    );
    tmux.wait_for("Matei Zaharia|Ion Stoica|");
    assert!(tmux.screen().lines().any(|line| line.trim() == "2"));
}

/// A bash with `profdex` on its PATH (reading one school, whose one
/// person's website has an `&`) and the snippet read, after `setup`.
fn bash_with_the_snippet(sandbox: &Sandbox, setup: &str) -> Tmux {
    let data = sandbox.write(
        "amp.md",
        "# Amp U\n## Faculty\n### Ada Quill\n- **Website**: https://a.example/?x=1&y=2\n",
    );
    let tmux = Tmux::start_shell(sandbox, 120, 30);
    let wrapper = sandbox.write(
        "bin/profdex",
        format!(
            "#!/bin/sh\nexec '{BIN}' --no-builtin --schools '{}' \"$@\"\n",
            data.display()
        ),
    );
    chmod(&wrapper);
    tmux.command(&format!(
        "{setup} PATH='{}':$PATH; eval \"$(profdex shell-init bash)\"; clear",
        wrapper.parent().expect("bin").display()
    ));
    tmux.wait_until("a clear prompt", |s| s.trim() == "shell$");
    tmux
}

/// Presses `key` after `echo `, picks Ada Quill, and runs the line.
fn insert_with(tmux: &Tmux, key: &str) {
    tmux.type_text("echo ");
    tmux.keys(&[key]);
    tmux.wait_until("the picker", picking);
    tmux.type_text("quill");
    tmux.wait_until("the match", |s| {
        s.contains("Ada Quill") && s.contains("1/1")
    });
    tmux.keys(&["Enter"]);
    let line = r"shell$ echo https://a.example/\?x=1\&y=2";
    tmux.wait_until("the website at the prompt", |s| s.contains(line));
    tmux.keys(&["Enter"]);
    tmux.wait_until("echo to print it as it is", |s| {
        s.lines().any(|l| l == "https://a.example/?x=1&y=2")
    });
}

#[test]
fn the_bash_binding_inserts_a_quoted_website_at_the_prompt() {
    let sandbox = Sandbox::new();
    let tmux = bash_with_the_snippet(&sandbox, "");
    insert_with(&tmux, "M-p");
}

#[test]
fn profdex_pick_key_binds_another_key() {
    let sandbox = Sandbox::new();
    let tmux = bash_with_the_snippet(&sandbox, "PROFDEX_PICK_KEY='\\C-g';");
    insert_with(&tmux, "C-g");
}

fn chmod(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// `profdex ARGS` in a session of its own, without a controlling terminal.
fn without_terminal(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut command = Command::new("setsid");
    command.arg("-w").arg(BIN).args(args);
    let output = command
        .env("PROFDEX_DATA_DIR", sandbox.data_dir())
        .env("PROFDEX_CACHE_DIR", sandbox.path("cache"))
        .env("HOME", sandbox.dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("setsid runs");
    Run::from(output)
}

#[test]
fn select_1_prints_the_one_match_without_a_terminal() {
    let sandbox = Sandbox::new();
    let run = without_terminal(
        &sandbox,
        &[
            "pick",
            "--query",
            "'stoica",
            "--select-1",
            "--print",
            "website",
        ],
    );
    run.assert_code(0);
    assert_eq!(run.stdout, format!("{STOICA}\n"));
}

#[test]
fn exit_0_exits_1_at_once_when_no_one_matches() {
    let sandbox = Sandbox::new();
    let run = without_terminal(&sandbox, &["pick", "--query", "xyzzy", "--exit-0"]);
    run.assert_code(1);
    assert_eq!(run.stdout, "");
}

#[test]
fn pick_without_a_terminal_exits_2_with_a_hint() {
    let sandbox = Sandbox::new();
    let run = without_terminal(&sandbox, &["pick"]);
    run.assert_code(2);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("needs a terminal"), "{}", run.stderr);
}

#[test]
fn printed_fields_are_tab_separated_and_safe_for_a_terminal() {
    let sandbox = Sandbox::new();
    let data = sandbox.write(
        "odd.md",
        "# Odd U\n## Faculty\n### Eve \u{1b}[31mRed\n- **Email**: eve@odd.example\n- **Website**: https://odd.example/eve\n### Bob Plain\n- **Website**: https://odd.example/bob\n",
    );
    let data = data.display().to_string();
    let run = |extra: &[&str]| {
        let mut args = vec!["--no-builtin", "--schools", &data, "pick", "--select-1"];
        args.extend_from_slice(extra);
        without_terminal(&sandbox, &args)
    };
    let eve = run(&["--query", "eve", "--print", "NAME,email,title"]);
    eve.assert_code(0);
    assert_eq!(eve.stdout, "Eve ␛[31mRed\teve@odd.example\t\n");
    let bob = run(&["--query", "bob", "--print0"]);
    bob.assert_code(0);
    assert_eq!(bob.stdout, "Bob Plain\tOdd U\thttps://odd.example/bob\0");
    let json = run(&["--query", "eve", "--json"]);
    json.assert_code(0);
    let rows = json.json();
    assert_eq!(rows[0]["name"], "Eve \u{1b}[31mRed");
    assert_eq!(rows[0]["school"], "Odd U");
    let unknown = run(&["--query", "eve", "--print", "name,shoe"]);
    unknown.assert_code(2);
    assert!(unknown.stderr.contains("shoe"), "{}", unknown.stderr);
    assert_eq!(unknown.stdout, "");
}

#[test]
fn shell_init_binds_alt_p_unless_told_otherwise() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let run = sandbox.run(&["shell-init", shell]);
        run.assert_code(0);
        assert!(run.stdout.contains("PROFDEX_PICK_KEY"), "{shell}");
        assert!(
            run.stdout.contains("profdex pick --multi --print website"),
            "{shell}"
        );
    }
    let bash = sandbox.run(&["shell-init", "bash"]);
    let checked = Command::new("bash")
        .args(["-n", "-c", &bash.stdout])
        .status()
        .expect("bash runs");
    assert!(checked.success(), "bash reads the snippet");
    sandbox.run(&["shell-init", "tcsh"]).assert_code(2);
}
