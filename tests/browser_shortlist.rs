//! The shortlist end to end: the real binary in tmux sets a status and a
//! note (typed, and written in an editor), they survive a restart, and
//! each export of them parses.

mod common;

use std::fs;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use common::Sandbox;
use common::tmux::Tmux;

/// An editor (for `$VISUAL`) that adds a line to the file it is given,
/// and records that it ran.
fn appending_editor(sandbox: &Sandbox) -> String {
    let log = sandbox.path("editor.log");
    let script = sandbox.write(
        "bin/append-note",
        format!(
            "#!/bin/sh\nprintf 'Send CV by Friday — 金曜日\\n' >> \"$1\"\necho ran >> '{}'\n",
            log.display()
        ),
    );
    #[cfg(unix)]
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("chmod");
    script.display().to_string()
}

#[test]
fn a_status_and_a_note_survive_a_restart_and_every_export_parses() {
    let sandbox = Sandbox::new();
    let editor = appending_editor(&sandbox);
    let env = format!("VISUAL='{editor}'");
    let tmux = Tmux::start_with_env(&sandbox, 120, 40, &env, "");
    tmux.wait_for("All schools");
    tmux.keys(&["/"]);
    tmux.type_text("stoica");
    tmux.wait_for("/ stoica▏");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Professor, Director of Sky Computing");
    // `c` bookmarks Ion Stoica and sets the first status, `c` again the next.
    tmux.keys(&["c"]);
    tmux.wait_for("Added Ion Stoica to favorites. Ion Stoica: to contact");
    tmux.keys(&["c"]);
    tmux.wait_for("Ion Stoica: contacted");
    tmux.keys(&["n"]);
    tmux.wait_for("Note for Ion Stoica: ▏");
    tmux.type_text("Ask about RA — José's group");
    tmux.wait_for("José's group▏");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Saved the note of Ion Stoica");
    // The editor adds a second line; the screen comes back after it.
    tmux.keys(&["N"]);
    tmux.eventually("the editor to run", || {
        fs::read_to_string(sandbox.path("editor.log")).is_ok_and(|log| log == "ran\n")
    });
    tmux.wait_for("Send CV by Friday — 金曜日");
    tmux.wait_for("Professor, Director of Sky Computing");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    drop(tmux);

    // Started again, the favorites view shows them.
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    tmux.wait_for("All schools");
    tmux.keys(&["h", "j", "l"]);
    let screen = tmux.wait_for("Faculty · ★ Favorites");
    let row = screen
        .lines()
        .find(|line| line.contains("★ Ion Stoica"))
        .unwrap_or("");
    assert!(
        row.contains("contacted") && row.contains("✎ Ask about RA"),
        "{screen}"
    );
    tmux.wait_for("✎ Ask about RA — José's group");
    tmux.wait_for("Send CV by Friday — 金曜日");
    // In the one-line editor the two lines are one, the break marked.
    tmux.keys(&["n"]);
    tmux.wait_for("José's group↵Send CV by Friday — 金曜日▏");
    tmux.keys(&["Escape"]);
    tmux.wait_until("the note's line to close", |screen| {
        !screen.contains("Note for")
    });
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));

    assert_every_export_has(
        &sandbox,
        "Ask about RA — José's group\nSend CV by Friday — 金曜日",
    );
}

/// Each export of the one favorite, Ion Stoica, contacted, with `note`,
/// parsed: JSON with `serde_json`, CSV with the `csv` crate, markdown by lines.
fn assert_every_export_has(sandbox: &Sandbox, note: &str) {
    let rows = sandbox
        .run(&["favorites", "--export", "json"])
        .assert_code(0)
        .json();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["name"], "Ion Stoica");
    assert_eq!(rows[0]["school"], "UC Berkeley");
    assert_eq!(rows[0]["status"], "contacted");
    assert_eq!(rows[0]["note"], note);
    let added = rows[0]["added"].as_str().unwrap_or("").to_string();
    assert_eq!(added.len(), 10, "a date: {added}");

    let run = sandbox.run(&["favorites", "--export", "csv"]);
    run.assert_code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "name", "school", "title", "website", "status", "note", "added"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(records.len(), 1);
    assert_eq!(&records[0][0], "Ion Stoica");
    assert_eq!(&records[0][3], "https://people.eecs.berkeley.edu/~istoica/");
    assert_eq!(&records[0][4], "contacted");
    assert_eq!(&records[0][5], note);
    assert_eq!(records[0][6], added);

    let run = sandbox.run(&["favorites", "--export", "md"]);
    run.assert_code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "# Shortlist");
    let item = lines.iter().position(|l| l.starts_with("- [")).unwrap_or(0);
    assert_eq!(
        lines[item],
        "- [x] **Ion Stoica** (UC Berkeley) — contacted\\"
    );
    assert!(
        lines[item + 1].ends_with(&format!("· added {added}")),
        "{}",
        lines[item + 1]
    );
    assert_eq!(
        lines[item + 3..],
        [
            "  > Ask about RA — José's group",
            "  > Send CV by Friday — 金曜日"
        ]
    );
}

#[test]
fn a_favorite_with_a_note_is_removed_on_the_second_b_and_undone_with_u() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "data/favorites.json",
        r#"{"version": 2, "favorites": [{"school": "MIT", "name": "Song Han",
            "status": "replied", "note": "Call on Monday", "added": "2025-03-01"}]}"#,
    );
    // An editor that fails, then one that is not there.
    let tmux = Tmux::start_with_env(&sandbox, 120, 40, "VISUAL=false", "");
    tmux.wait_for("All schools");
    tmux.keys(&["h", "j", "l"]);
    tmux.wait_for("✎ Call on Monday");
    tmux.keys(&["N"]);
    tmux.wait_for("The editor false failed (exit status: 1); the note is unchanged");
    tmux.keys(&["b"]);
    tmux.wait_for("Remove Song Han and their note and status? b removes, any other key keeps them");
    tmux.keys(&["j"]);
    tmux.wait_for("Kept Song Han in favorites, with the note and status");
    tmux.keys(&["b", "b"]);
    tmux.wait_for("Removed Song Han from favorites (u undoes)");
    tmux.wait_for("No favorites yet");
    tmux.keys(&["u"]);
    tmux.wait_for("Undone: Song Han is back in favorites");
    tmux.wait_for("✎ Call on Monday");
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    let rows = sandbox.run(&["favorites", "--json"]).assert_code(0).json();
    assert_eq!(rows[0]["note"], "Call on Monday");
    assert_eq!(rows[0]["status"], "replied");
    assert_eq!(rows[0]["added"], "2025-03-01");
}
