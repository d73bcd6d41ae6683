//! The favorites file, end to end: the real binary, several at once, and
//! the files people keep their favorites in.

mod common;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::sync::Barrier;
use std::thread;

use common::Sandbox;
use common::tmux::Tmux;

/// A school file with `count` people named `Person 001`, `Person 002`, ...
/// and ten named `Browser Pick 01` to `Browser Pick 10`.
fn crowd(sandbox: &Sandbox, count: usize) -> PathBuf {
    let mut text = String::from("# Crowd U - Test Faculty\n\n## Faculty\n\n");
    for n in 1..=count {
        writeln!(text, "### Person {n:03}\n- **Title**: Professor\n")
            .expect("a String takes any text");
    }
    for n in 1..=BROWSER_PICKS {
        writeln!(text, "### Browser Pick {n:02}\n- **Title**: Reader\n")
            .expect("a String takes any text");
    }
    sandbox.write("crowd.md", text)
}

const BROWSER_PICKS: usize = 10;

/// `each` different people added by each of `processes` command-line
/// processes at once; the names they acknowledged.
fn add_at_once(sandbox: &Sandbox, schools: &str, processes: usize, each: usize) -> Vec<String> {
    let start = Barrier::new(processes);
    thread::scope(|scope| {
        let workers: Vec<_> = (0..processes)
            .map(|worker| {
                let start = &start;
                scope.spawn(move || {
                    start.wait();
                    let mut added = Vec::new();
                    for i in 0..each {
                        let name = format!("Person {:03}", 1 + worker + i * processes);
                        let run = sandbox.run(&[
                            "--no-builtin",
                            "--schools",
                            schools,
                            "favorite",
                            "add",
                            &name,
                        ]);
                        if run.code == 0 {
                            assert!(
                                run.stdout.starts_with(&format!("Added {name} ")),
                                "{}",
                                run.stdout
                            );
                            added.push(name);
                        }
                    }
                    added
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("worker thread"))
            .collect()
    })
}

fn assert_none_lost(sandbox: &Sandbox, acknowledged: &[String]) {
    let saved: HashSet<String> = saved_names(sandbox).into_iter().collect();
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|name| !saved.contains(*name))
        .collect();
    assert!(
        lost.is_empty(),
        "lost {} of {} acknowledged favorites: {lost:?}",
        lost.len(),
        acknowledged.len()
    );
}

/// The names in the favorites file, read straight from disk.
fn saved_names(sandbox: &Sandbox) -> Vec<String> {
    let text = fs::read_to_string(sandbox.favorites_file()).expect("favorites file");
    let file: serde_json::Value = serde_json::from_str(&text).expect("favorites JSON");
    file["favorites"]
        .as_array()
        .expect("favorites array")
        .iter()
        .map(|entry| entry["name"].as_str().unwrap_or("?").to_string())
        .collect()
}

#[test]
fn adds_from_many_processes_at_once_are_all_kept() {
    const PROCESSES: usize = 8;
    const EACH: usize = 25;
    let sandbox = Sandbox::new();
    let schools = crowd(&sandbox, PROCESSES * EACH);
    let schools = schools.to_str().expect("UTF-8 temp path");
    let acknowledged = add_at_once(&sandbox, schools, PROCESSES, EACH);
    assert_none_lost(&sandbox, &acknowledged);
    assert_eq!(acknowledged.len(), PROCESSES * EACH, "every add succeeded");
}

/// The browser bookmarks while command-line processes add: every
/// favorite either of them acknowledged is in the file at the end.
#[test]
fn a_browser_and_many_processes_bookmark_at_once() {
    const PROCESSES: usize = 8;
    const EACH: usize = 25;
    let sandbox = Sandbox::new();
    let schools = crowd(&sandbox, PROCESSES * EACH);
    let schools = schools.to_str().expect("UTF-8 temp path");
    let tmux = Tmux::start(
        &sandbox,
        120,
        40,
        &format!("--no-builtin --schools '{schools}'"),
    );
    tmux.wait_for("Crowd U");
    let acknowledged = thread::scope(|scope| {
        let cli = scope.spawn(|| add_at_once(&sandbox, schools, PROCESSES, EACH));
        let mut picked = Vec::new();
        for n in 1..=BROWSER_PICKS {
            let name = format!("Browser Pick {n:02}");
            tmux.keys(&["/", "C-u"]);
            tmux.type_text(&format!("pick {n:02}"));
            tmux.keys(&["Enter", "b"]);
            tmux.wait_for(&format!("Added {name} to favorites"));
            picked.push(name);
        }
        let mut acknowledged = cli.join().expect("command-line processes");
        acknowledged.extend(picked);
        acknowledged
    });
    assert_none_lost(&sandbox, &acknowledged);
    assert_eq!(acknowledged.len(), PROCESSES * EACH + BROWSER_PICKS);
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit().0, "exited with 0");
}

/// Favorites kept with other dotfiles: a link into another directory, a
/// file others may read, a byte-order mark and keys profdex does not know.
#[cfg(unix)]
#[test]
fn a_dotfile_favorites_file_keeps_its_link_mode_and_keys() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let sandbox = Sandbox::new();
    let real = sandbox.write(
        "dotfiles/profdex/favorites.json",
        "\u{FEFF}{\"version\": 1, \"owner\": \"me\", \"favorites\": [\
         {\"school\": \"MIT\", \"name\": \"Song Han\", \"note\": \"write in May\"}]}",
    );
    fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
    fs::create_dir_all(sandbox.data_dir()).unwrap();
    let link = sandbox.favorites_file();
    symlink("../dotfiles/profdex/favorites.json", &link).unwrap();

    let run = sandbox.run(&["favorite", "add", "stoica"]);
    run.assert_code(0);
    assert!(run.stdout.contains("Added Ion Stoica"), "{}", run.stdout);

    assert_eq!(
        fs::read_link(&link).unwrap(),
        PathBuf::from("../dotfiles/profdex/favorites.json")
    );
    let mode = fs::metadata(&real).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o644);
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&real).unwrap()).unwrap();
    assert_eq!(saved["owner"], "me");
    assert_eq!(saved["favorites"][0]["note"], "write in May");
    assert_eq!(saved_names(&sandbox), ["Song Han", "Ion Stoica"]);
}
