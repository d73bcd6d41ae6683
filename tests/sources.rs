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
    match finished.recv_timeout(Duration::from_secs(60)) {
        Ok(output) => Run::from(output.expect("wait for profdex")),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("profdex {args:?} did not finish");
        }
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
