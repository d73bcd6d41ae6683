//! The browser keeps up with its files, end to end in tmux: a school file
//! changed, added or removed under it, the favorites written by a second
//! browser, and the place it was in when it last quit.

mod common;

use std::fs;
use std::path::Path;

use common::Sandbox;
use common::tmux::Tmux;

const ACME: &str = "# Acme University - Systems Faculty
## Faculty
### Alice Adams
- **Title**: Professor of Databases
- **Research**: Databases, Storage
- **Website**: https://acme.example/alice
### Bob Brown
- **Title**: Associate Professor of Networking
- **Research**: Networks
- **Website**: https://acme.example/bob
";

const ZENITH: &str = "# Zenith College
## Faculty
### Zoe Zhang
- **Title**: Lecturer in Robotics
- **Research**: Robotics
";

/// Writes `text` over `path` as editors that save by rename do: a new
/// file beside it, renamed over it.
fn save_by_rename(path: &Path, text: &str) {
    let temp = path.with_extension("md.swp");
    fs::write(&temp, text).expect("write the new version");
    fs::rename(&temp, path).expect("rename it over the old one");
}

/// A sandbox with `mine/acme.md`, for `--schools`.
fn sandbox() -> (Sandbox, String) {
    let sandbox = Sandbox::new();
    let acme = sandbox.write("mine/acme.md", ACME);
    let args = format!(
        "--no-builtin --schools '{}'",
        acme.parent().expect("a folder").display()
    );
    (sandbox, args)
}

#[test]
fn a_changed_file_shows_its_new_person_and_the_selection_stays() {
    let (sandbox, args) = sandbox();
    let tmux = Tmux::start(&sandbox, 120, 30, &args);
    tmux.wait_for("Alice Adams");
    tmux.keys(&["j"]);
    tmux.wait_for("Associate Professor of Networking");

    // A person added before the one selected, saved as editors save.
    let acme = sandbox.path("mine/acme.md");
    let added = ACME.replace(
        "### Alice Adams",
        "### Aaron Able\n- **Title**: Lecturer in Compilers\n### Alice Adams",
    );
    save_by_rename(&acme, &added);
    let screen = tmux.wait_for("Aaron Able");
    assert!(
        screen.contains("Associate Professor of Networking"),
        "{screen}"
    );
    tmux.wait_for("Reloaded: 3 people in 1 school (+1)");

    // Written in place, the way `>>` or a plain editor writes.
    fs::write(&acme, format!("{added}### Carol Chen\n")).expect("append");
    let screen = tmux.wait_for("Carol Chen");
    assert!(
        screen.contains("Associate Professor of Networking"),
        "{screen}"
    );

    // A file added to the data directory's schools, then removed.
    let zenith = sandbox.data_dir().join("schools/zenith.md");
    fs::create_dir_all(zenith.parent().expect("a folder")).expect("schools/");
    fs::write(&zenith, ZENITH).expect("a new school");
    tmux.wait_for("Zoe Zhang");
    tmux.wait_for("Zenith College");
    fs::remove_file(&zenith).expect("remove it");
    tmux.wait_for("zenith.md is gone, and Zenith College with it");
    let screen = tmux.wait_until("Zoe Zhang gone", |s| !s.contains("Zoe Zhang"));
    assert!(
        screen.contains("Associate Professor of Networking"),
        "{screen}"
    );

    // Garbage in a file: what it held goes, and the status line says why.
    fs::write(&acme, b"\xff\xfe\x00garbage").expect("garbage");
    tmux.wait_for("1 new error");
    tmux.wait_until("Acme gone", |s| !s.contains("Bob Brown"));
    save_by_rename(&acme, ACME);
    tmux.wait_for("Bob Brown");

    tmux.keys(&["C-r"]);
    tmux.wait_for("Reloaded, nothing changed: 2 people in 1 school");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn a_second_browser_sees_a_favorite_added_by_the_first() {
    let (sandbox, args) = sandbox();
    let first = Tmux::start(&sandbox, 120, 30, &args);
    let second = Tmux::start(&sandbox, 120, 30, &args);
    first.wait_for("Bob Brown");
    second.wait_for("Bob Brown");
    first.keys(&["j", "b"]);
    first.wait_for("★ Added Bob Brown to favorites");
    second.wait_for("★ Bob Brown");
    second.wait_for("★ Favorites changed elsewhere: 1 added");
    // And back: the first sees the second remove it.
    second.keys(&["j", "b"]);
    second.wait_for("Removed Bob Brown from favorites");
    first.wait_until("the star gone", |s| !s.contains("★ Bob Brown"));
    first.wait_for("★ Favorites changed elsewhere: 1 removed");
    let favorites = sandbox.run(&["favorites", "--json"]);
    assert!(favorites.json().is_empty(), "{}", favorites.stderr);
}

#[test]
fn a_restart_goes_back_to_the_school_filter_and_person() {
    let (sandbox, args) = sandbox();
    sandbox.write("mine/zenith.md", ZENITH);
    let tmux = Tmux::start(&sandbox, 120, 30, &args);
    tmux.wait_for("Zoe Zhang");
    // Acme University, filtered for "b", Alice Adams (the second match) selected.
    tmux.keys(&["h", "j", "j"]);
    tmux.wait_for("Faculty · Acme University");
    tmux.keys(&["l", "/", "b"]);
    tmux.wait_for("/ b▏");
    tmux.keys(&["Enter"]);
    tmux.wait_until("browsing", |s| !s.contains("/ b▏"));
    tmux.wait_for("Associate Professor of Networking");
    tmux.keys(&["j"]);
    tmux.wait_for("Professor of Databases");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    drop(tmux);

    let tmux = Tmux::start(&sandbox, 120, 30, &args);
    let screen = tmux.wait_for("Faculty · Acme University");
    assert!(screen.contains("/ b "), "{screen}");
    assert!(screen.contains("Professor of Databases"), "{screen}");
    assert!(!screen.contains("Networking"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
    drop(tmux);

    // --fresh starts from the top; a place that no longer fits is left out.
    let tmux = Tmux::start(&sandbox, 120, 30, &format!("--fresh {args}"));
    let screen = tmux.wait_for("Faculty · All schools");
    assert!(screen.contains("Zoe Zhang"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
    drop(tmux);
    // As the first run left it, with Acme's file gone since.
    sandbox.write(
        "data/browser-state.json",
        r#"{"version": 1, "scope": "school", "school": "Acme University", "filter": "b",
            "person": {"school": "Acme University", "name": "Alice Adams"}}"#,
    );
    fs::remove_file(sandbox.path("mine/acme.md")).expect("remove Acme");
    let tmux = Tmux::start(&sandbox, 120, 30, &args);
    let screen = tmux.wait_for("Faculty · All schools");
    assert!(screen.contains("/ b "), "the filter still fits: {screen}");
    assert!(screen.contains("Zoe Zhang"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
}

#[test]
fn a_saved_place_that_is_garbage_is_ignored_quietly() {
    let (sandbox, args) = sandbox();
    sandbox.write("data/browser-state.json", "{ not json");
    let tmux = Tmux::start(&sandbox, 120, 30, &args);
    let screen = tmux.wait_for("Faculty · All schools");
    assert!(screen.contains("Alice Adams"), "{screen}");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    let saved =
        fs::read_to_string(sandbox.data_dir().join("browser-state.json")).expect("saved on exit");
    let saved: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["person"]["name"], "Alice Adams");
    let paths = sandbox.run(&["paths"]);
    let line = format!(
        "browser state   {}",
        sandbox.data_dir().join("browser-state.json").display()
    );
    assert!(paths.stdout.contains(&line), "{}", paths.stdout);
}
