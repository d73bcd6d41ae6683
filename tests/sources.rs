//! Sources that cannot be used: the real binary must say why, finish, and
//! still load everything else.

mod common;

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use common::{Run, Sandbox, names};

const GOOD: &str =
    "# Example U - Test Faculty\n## Faculty\n### Ada Lovelace\n- **Title**: Professor\n";

/// Runs profdex, failing (and killing it) if it has not finished long
/// after it should have: a hang must fail the test, not stall the suite.
fn run_finishing(sandbox: &Sandbox, args: &[&str]) -> Run {
    let child = sandbox
        .command()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start profdex");
    let pid = child.id();
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    if let Ok(output) = finished.recv_timeout(Duration::from_mins(1)) {
        Run::from(output.expect("wait for profdex"))
    } else {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
        panic!("profdex {args:?} did not finish");
    }
}

fn text(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temporary path")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_and_the_rest_loads() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("good.md", GOOD);
    let fifo = sandbox.path("pipe.md");
    mkfifo(&fifo);
    let args = [
        "--no-builtin",
        "--schools",
        text(&fifo),
        "--schools",
        "/dev/zero",
        "--schools",
        text(&good),
    ];
    let run = run_finishing(&sandbox, &[&args[..], &["list", "--json"]].concat());
    run.assert_code(0);
    assert_eq!(names(&run.json()), ["Ada Lovelace"]);
    for expected in [
        format!("{}: error: not a regular file (a FIFO)", fifo.display()),
        "/dev/zero: error: not a regular file (a character device)".to_string(),
    ] {
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    let run = run_finishing(&sandbox, &[&args[..], &["check"]].concat());
    run.assert_code(1);
    assert!(
        run.stdout
            .contains("checked 3 files: 1 school, 1 person, 2 errors, 0 warnings"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("good.md", GOOD);
    // Sparse: as large as it claims, without the disk space.
    let huge = sandbox.write("huge.md", "");
    fs::File::options()
        .write(true)
        .open(&huge)
        .and_then(|file| file.set_len(64 * 1024 * 1024 + 1))
        .expect("grow file");
    let run = run_finishing(
        &sandbox,
        &[
            "--no-builtin",
            "--schools",
            text(&huge),
            "--schools",
            text(&good),
            "list",
            "--json",
        ],
    );
    run.assert_code(0);
    assert_eq!(names(&run.json()), ["Ada Lovelace"]);
    let expected = format!(
        "{}: error: too large (67108865 bytes; the limit is 64 MiB)",
        huge.display()
    );
    assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("make symbolic link");
}

/// The error lines of a run, in order.
/// Error diagnostics: on stderr beside a command's data, on stdout from `check`.
fn errors(run: &Run) -> Vec<&str> {
    run.stderr
        .lines()
        .chain(run.stdout.lines())
        .filter(|line| line.contains(": error: "))
        .collect()
}

#[cfg(unix)]
#[test]
fn each_unusable_entry_of_a_folder_is_reported_with_its_reason() {
    let sandbox = Sandbox::new();
    let dir = sandbox.path("schools");
    sandbox.write("schools/good.md", GOOD);
    mkfifo(&dir.join("pipe.md"));
    symlink("missing.md", &dir.join("dangling.md"));
    symlink("loop.md", &dir.join("loop.md"));
    symlink("/dev/zero", &dir.join("zero.md"));
    fs::create_dir(dir.join("sub.md")).expect("make directory");
    // Not a directory file by name: ignored without a word, as before.
    symlink("nowhere", &dir.join("notes.txt"));
    mkfifo(&dir.join("README"));

    let run = run_finishing(&sandbox, &["--no-builtin", "check", text(&dir)]);
    run.assert_code(1);
    let at = |name: &str| dir.join(name).display().to_string();
    assert_eq!(
        errors(&run),
        [
            format!(
                "{}: error: dangling symbolic link (to missing.md)",
                at("dangling.md")
            ),
            format!(
                "{}: error: cannot read: too many levels of symbolic links",
                at("loop.md")
            ),
            format!("{}: error: not a regular file (a FIFO)", at("pipe.md")),
            format!("{}: error: is a directory", at("sub.md")),
            format!(
                "{}: error: not a regular file (a character device)",
                at("zero.md")
            ),
        ]
    );
    assert!(
        run.stdout
            .contains("checked 6 files: 1 school, 1 person, 5 errors, 0 warnings"),
        "{}",
        run.stdout
    );

    let run = run_finishing(
        &sandbox,
        &["--no-builtin", "--schools", text(&dir), "list", "--json"],
    );
    run.assert_code(0);
    assert_eq!(names(&run.json()), ["Ada Lovelace"]);
    assert_eq!(errors(&run).len(), 5, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_broken_link_on_the_command_line_says_what_is_wrong() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("good.md", GOOD);
    let looped = sandbox.path("loop.md");
    symlink("loop.md", &looped);
    let dangling = sandbox.path("dangling.md");
    symlink("gone.md", &dangling);
    let run = run_finishing(
        &sandbox,
        &[
            "--no-builtin",
            "--schools",
            text(&looped),
            "--schools",
            text(&dangling),
            "--schools",
            text(&good),
            "list",
            "--json",
        ],
    );
    run.assert_code(0);
    assert_eq!(names(&run.json()), ["Ada Lovelace"]);
    assert_eq!(
        errors(&run),
        [
            format!(
                "{}: error: cannot read: too many levels of symbolic links",
                looped.display()
            ),
            format!(
                "{}: error: dangling symbolic link (to gone.md)",
                dangling.display()
            ),
        ]
    );
}

#[cfg(unix)]
#[test]
fn an_unlistable_own_folder_does_not_stop_the_built_in_schools() {
    let sandbox = Sandbox::new();
    fs::create_dir_all(sandbox.data_dir()).expect("make data directory");
    let own = sandbox.data_dir().join("schools");
    symlink("schools", &own);
    let run = run_finishing(&sandbox, &["list", "--json"]);
    run.assert_code(0);
    assert!(names(&run.json()).contains(&"Ion Stoica"), "{}", run.stdout);
    assert_eq!(
        errors(&run),
        [format!(
            "{}: error: cannot list: too many levels of symbolic links",
            own.display()
        )]
    );
    let run = run_finishing(&sandbox, &["check"]);
    run.assert_code(1);
    assert_eq!(errors(&run).len(), 1, "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn a_folder_without_permission_to_list_does_not_stop_the_others() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let own = sandbox.data_dir().join("schools");
    sandbox.write("data/schools/mine.md", GOOD);
    let locked = sandbox.path("locked");
    sandbox.write("locked/theirs.md", GOOD);
    for dir in [&own, &locked] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    let privileged = fs::read_dir(&own).is_ok();
    let run = run_finishing(&sandbox, &["--schools", text(&locked), "list", "--json"]);
    for dir in [&own, &locked] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    run.assert_code(0);
    assert!(names(&run.json()).contains(&"Ion Stoica"), "{}", run.stdout);
    if privileged {
        // Permissions do not bind this user: both folders were read.
        assert_eq!(errors(&run), Vec::<&str>::new());
        return;
    }
    assert_eq!(
        errors(&run),
        [
            format!("{}: error: cannot list: permission denied", own.display()),
            format!(
                "{}: error: cannot list: permission denied",
                locked.display()
            ),
        ]
    );
}

#[cfg(unix)]
#[test]
fn the_browser_starts_despite_unusable_sources_and_counts_them() {
    use common::tmux::Tmux;
    let sandbox = Sandbox::new();
    fs::create_dir_all(sandbox.data_dir()).expect("make data directory");
    symlink("schools", &sandbox.data_dir().join("schools"));
    let fifo = sandbox.path("pipe.md");
    mkfifo(&fifo);
    let tmux = Tmux::start(
        &sandbox,
        160,
        40,
        &format!("--schools '{}'", fifo.display()),
    );
    let screen = tmux.wait_for("2 errors in ");
    assert!(screen.contains("Ion Stoica"), "{screen}");
    tmux.keys(&["q"]);
    let (status, _) = tmux.wait_for_exit();
    assert_eq!(status, "exited with 0");
}
