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

/// A school file with `count` people named `Person 001`, `Person 002`, ...
fn crowd(sandbox: &Sandbox, count: usize) -> PathBuf {
    let mut text = String::from("# Crowd U - Test Faculty\n\n## Faculty\n\n");
    for n in 1..=count {
        writeln!(text, "### Person {n:03}\n- **Title**: Professor\n")
            .expect("a String takes any text");
    }
    sandbox.write("crowd.md", text)
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
    let start = Barrier::new(PROCESSES);
    let acknowledged: Vec<String> = thread::scope(|scope| {
        let workers: Vec<_> = (0..PROCESSES)
            .map(|worker| {
                let (sandbox, start) = (&sandbox, &start);
                scope.spawn(move || {
                    start.wait();
                    let mut added = Vec::new();
                    for i in 0..EACH {
                        let name = format!("Person {:03}", 1 + worker + i * PROCESSES);
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
    });
    let saved: HashSet<String> = saved_names(&sandbox).into_iter().collect();
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
    assert_eq!(acknowledged.len(), PROCESSES * EACH, "every add succeeded");
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
