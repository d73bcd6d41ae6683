use std::fs;

use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind, ModifyKind, RenameMode};

use super::*;

/// A data directory with `schools/a.md`, and a `--schools` file elsewhere.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("data/schools")).unwrap();
        fs::write(dir.path().join("data/schools/a.md"), "# A\n").unwrap();
        fs::write(dir.path().join("extra.md"), "# E\n").unwrap();
        Place { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn watched(&self) -> Watched {
        Watched {
            sources: SourceOptions {
                builtin: false,
                data_dir: Some(self.path("data")),
                schools: vec![self.path("extra.md")],
            },
            favorites: Store::new(self.path("data/favorites.json")),
        }
    }
}

fn event(kind: EventKind, paths: &[PathBuf]) -> notify::Event {
    let mut event = notify::Event::new(kind);
    for path in paths {
        event = event.add_path(path.clone());
    }
    event
}

#[test]
fn events_are_told_apart_by_what_they_touch() {
    let place = Place::new();
    let mut targets = Targets::new(&place.watched());
    let watched = targets.folders_to_watch().to_vec();
    assert!(watched.contains(&place.path("data/schools")), "{watched:?}");
    assert!(watched.contains(&place.path("data")), "{watched:?}");
    assert!(
        watched.contains(&place.dir.path().to_path_buf()),
        "{watched:?}"
    );

    let written = EventKind::Modify(ModifyKind::Data(DataChange::Content));
    let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
    let touched = |kind, paths: &[&str]| {
        let paths: Vec<PathBuf> = paths.iter().map(|p| place.path(p)).collect();
        targets.touched(&event(kind, &paths))
    };
    let data = Touched {
        data: true,
        ..Touched::default()
    };
    assert_eq!(touched(written, &["data/schools/a.md"]), data);
    assert_eq!(touched(written, &["data/schools/A.MD"]), data);
    assert_eq!(touched(written, &["extra.md"]), data);
    // An editor's save: a temporary file renamed over the real one.
    assert_eq!(
        touched(renamed, &["data/schools/.a.md.swp", "data/schools/a.md"]),
        data
    );
    let favorites = Touched {
        favorites: true,
        ..Touched::default()
    };
    assert_eq!(
        touched(
            renamed,
            &["data/.favorites.json.x1y2z3.tmp", "data/favorites.json"]
        ),
        favorites
    );
    let nothing = Touched::default();
    // Reading files (profdex itself loading them) is no change.
    let opened = EventKind::Access(AccessKind::Read);
    assert_eq!(touched(opened, &["data/schools/a.md"]), nothing);
    assert_eq!(touched(written, &["data/schools/notes.txt"]), nothing);
    assert_eq!(touched(written, &["data/favorites.json.lock"]), nothing);
    assert_eq!(touched(written, &["other.md"]), nothing, "not a source");
    assert_eq!(touched(written, &["data/schools/deeper/b.md"]), nothing);
    // A mode or time changed, or a folder on the way: the stamps decide.
    let possibly = Touched {
        possibly: true,
        ..Touched::default()
    };
    let chmod = EventKind::Modify(ModifyKind::Metadata(MetadataKind::Permissions));
    assert_eq!(touched(chmod, &["data/schools/a.md"]), possibly);
    let made = EventKind::Create(CreateKind::Folder);
    assert_eq!(touched(made, &["data/schools"]), possibly);
    assert_eq!(touched(made, &["data"]), possibly);
}

/// Waits for the watcher to report, up to a generous limit.
fn next_changes(watcher: &Watcher) -> Changes {
    let start = Instant::now();
    loop {
        if let Some(changes) = watcher.try_changes() {
            return changes;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no change reported"
        );
        thread::sleep(Duration::from_millis(20));
    }
}

fn sees_edits_by_rename_additions_and_removals(poll: bool) {
    let place = Place::new();
    let watcher = Watcher::start(place.watched(), poll);
    assert_eq!(watcher.polling(), poll);
    // As editors save: write a new file, rename it over the old one.
    fs::write(place.path("data/schools/.a.md.tmp"), "# A\n### Ada\n").unwrap();
    fs::rename(
        place.path("data/schools/.a.md.tmp"),
        place.path("data/schools/a.md"),
    )
    .unwrap();
    let changes = next_changes(&watcher);
    assert!(changes.data && changes.favorites.is_none(), "{changes:?}");

    fs::write(place.path("data/schools/b.md"), "# B\n").unwrap();
    assert!(next_changes(&watcher).data);
    fs::remove_file(place.path("extra.md")).unwrap();
    assert!(next_changes(&watcher).data);

    let store = Store::new(place.path("data/favorites.json"));
    let saves = watcher.saving();
    store
        .update(|favorites| {
            favorites.add(crate::favorites::FavoriteKey {
                school: "A".into(),
                name: "Ada".into(),
                website: None,
            })
        })
        .unwrap();
    let changes = next_changes(&watcher);
    let read = changes.favorites.expect("the favorites re-read");
    assert_eq!(read.saves, saves);
    assert_eq!(read.favorites.map(|f| f.keys().len()), Ok(1));
}

#[test]
fn notifications_see_edits_by_rename_additions_and_removals() {
    sees_edits_by_rename_additions_and_removals(false);
}

#[test]
fn polling_sees_edits_by_rename_additions_and_removals() {
    sees_edits_by_rename_additions_and_removals(true);
}

#[test]
fn a_schools_folder_made_after_the_start_is_watched() {
    let place = Place::new();
    fs::remove_dir_all(place.path("data")).unwrap();
    let watcher = Watcher::start(place.watched(), false);
    fs::create_dir_all(place.path("data/schools")).unwrap();
    fs::write(place.path("data/schools/new.md"), "# New\n").unwrap();
    assert!(next_changes(&watcher).data);
    // Now watched itself: a second file is seen too.
    fs::write(place.path("data/schools/newer.md"), "# Newer\n").unwrap();
    assert!(next_changes(&watcher).data);
}
