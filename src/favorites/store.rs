//! The favorites file. Every change takes an exclusive lock, re-reads the
//! file, applies itself and writes the result atomically, so running
//! profdex processes (the browser, the command line) never undo each
//! other's changes, and a file that cannot be read is never overwritten.
//! The lock is on a file of its own beside the favorites,
//! `favorites.json.lock`, because the rename that replaces the favorites
//! file would take a lock on that file with it.
//!
//! Version 2 of the file added each favorite's `status`, `note` and
//! `added`. A version 1 file reads as it is (its favorites have none) and
//! is written back as version 2, which versions before the shortlist
//! refuse to read or write: they leave the file, and the notes in it,
//! untouched rather than write it in a form that knows nothing of them.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Details, FavoriteKey, Favorites};
use crate::atomic::{self, Existing, is_temp, temp_prefix};

const FORMAT_VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct FavoritesFile {
    version: u32,
    favorites: Vec<EntryFile>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

#[derive(Serialize, Deserialize)]
struct EntryFile {
    school: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    added: Option<String>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Read first, so that a newer file is told apart from a broken one even
/// when its favorites have a shape this version cannot read.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

impl Favorites {
    fn from_file(file: FavoritesFile) -> Favorites {
        let mut favorites = Favorites {
            unknown_top: file.unknown,
            ..Favorites::default()
        };
        for entry in file.favorites {
            let key = FavoriteKey {
                school: entry.school,
                name: entry.name,
                website: entry.website,
            };
            let identity = key.identity();
            // A field written `""` by hand is no field.
            let present = |text: Option<String>| text.filter(|text| !text.trim().is_empty());
            let details = Details {
                status: present(entry.status),
                note: present(entry.note),
                added: present(entry.added),
            };
            favorites.push(key, identity, details, entry.unknown);
        }
        favorites
    }

    fn to_file(&self) -> FavoritesFile {
        let favorites = self
            .keys
            .iter()
            .zip(&self.details)
            .zip(&self.unknown)
            .map(|((key, details), unknown)| EntryFile {
                school: key.school.clone(),
                name: key.name.clone(),
                website: key.website.clone(),
                status: details.status.clone(),
                note: details.note.clone(),
                added: details.added.clone(),
                unknown: unknown.clone(),
            })
            .collect();
        FavoritesFile {
            version: FORMAT_VERSION,
            favorites,
            unknown: self.unknown_top.clone(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read favorites file {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("favorites file {} is not valid ({source}); it was left untouched — fix or move it away", path.display())]
    Invalid {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("favorites file {} has format version {version}, newer than this profdex understands ({FORMAT_VERSION}); it was left untouched", path.display())]
    TooNew { path: PathBuf, version: u32 },
    #[error("cannot save favorites to {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot lock {} to save favorites: {source}", path.display())]
    Lock { path: PathBuf, source: io::Error },
}

/// The favorites file on disk.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved favorites; none when the file does not exist yet.
    pub fn load(&self) -> Result<Favorites, StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(Favorites::default());
            }
            Err(source) => {
                return Err(StoreError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        // Editors on some systems start a UTF-8 file with a byte-order mark.
        let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let invalid = |source| StoreError::Invalid {
            path: self.path.clone(),
            source,
        };
        let VersionOnly { version } = serde_json::from_slice(json).map_err(invalid)?;
        if version > FORMAT_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                version,
            });
        }
        let file: FavoritesFile = serde_json::from_slice(json).map_err(invalid)?;
        Ok(Favorites::from_file(file))
    }

    /// Under the lock, re-reads the file, applies `change` and saves the
    /// result if it changed anything. Returns the favorites as saved and
    /// what `change` said.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut Favorites) -> T,
    ) -> Result<(Favorites, T), StoreError> {
        let target = link_target(&self.path).map_err(|source| StoreError::Read {
            path: self.path.clone(),
            source,
        })?;
        // Held until the end; a change that needs no save (adding a
        // favorite already there) still works where no lock can be made,
        // such as a read-only data directory.
        let lock = lock(&target);
        let mut favorites = self.load()?;
        let before = favorites.clone();
        let outcome = change(&mut favorites);
        if favorites != before {
            let _held = lock?;
            self.save(&target, &favorites)?;
        }
        Ok((favorites, outcome))
    }

    /// Written atomically ([`atomic::write`]): a crash leaves either the
    /// old file or the new one, never half of one. A symbolic link is written through, to the file it points to, so
    /// that favorites kept with other dotfiles stay there; that file keeps
    /// its mode, and a new one is readable by its owner alone.
    fn save(&self, target: &Path, favorites: &Favorites) -> Result<(), StoreError> {
        let write_error = |source| StoreError::Write {
            path: self.path.clone(),
            source,
        };
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir).map_err(write_error)?;
        let mut json = serde_json::to_vec_pretty(&favorites.to_file())
            .map_err(io::Error::other)
            .map_err(write_error)?;
        json.push(b'\n');
        remove_stale_temps(dir, &temp_prefix(target));
        atomic::write(target, &json, Existing::Replace).map_err(write_error)
    }
}

/// An exclusive lock on `<target>.lock`, held until the file is dropped
/// (or the process dies).
fn lock(target: &Path) -> Result<fs::File, StoreError> {
    let mut path = target.as_os_str().to_owned();
    path.push(".lock");
    let path = PathBuf::from(path);
    let lock_error = |source| StoreError::Lock {
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(lock_error)?;
    }
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(lock_error)?;
    match file.lock() {
        Ok(()) => Ok(file),
        // Where the file system has no locks, saving works as it did
        // before there were any.
        Err(error) if error.kind() == io::ErrorKind::Unsupported => Ok(file),
        Err(source) => Err(lock_error(source)),
    }
}

/// What versions that did not lock named their temp files with.
const UNLOCKED_PREFIX: &str = ".favorites.";
/// Age at which a temp file of such a version is surely abandoned.
const STALE_AFTER: Duration = Duration::from_mins(1);

/// Removes the temp files of killed saves from `dir`. Every one named with
/// `prefix` goes: the lock is held, so no other save is writing one. One
/// named as before there was a lock may be in the middle of a save by such
/// a version, so it goes only once old. A save never fails for this.
fn remove_stale_temps(dir: &Path, prefix: &OsStr) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let stale = is_temp(&name, prefix)
            || (is_temp(&name, OsStr::new(UNLOCKED_PREFIX))
                && entry
                    .metadata()
                    .and_then(|meta| meta.modified())
                    .is_ok_and(|time| time.elapsed().is_ok_and(|age| age > STALE_AFTER)));
        if stale {
            // Left for the next save if it cannot go now.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Links followed before giving up, as the kernel's own limit.
const MAX_LINKS: usize = 40;

/// `path`, or the file its chain of symbolic links ends at (which need not
/// exist yet).
fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                // A relative target is relative to the link's directory;
                // joining an absolute one replaces the whole path.
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Ok(_) => return Ok(path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(path),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links to follow"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::favorite as key;
    use std::time::SystemTime;

    #[test]
    fn round_trips_through_the_file_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("nested/favorites.json"));
        assert_eq!(store.load().unwrap(), Favorites::default());
        store
            .update(|f| f.add(key("UC Berkeley", "Ion Stoica")))
            .unwrap();
        store.update(|f| f.add(key("MIT", "Song Han"))).unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(
            loaded.keys(),
            [key("UC Berkeley", "Ion Stoica"), key("MIT", "Song Han")]
        );
        let (_, removed) = store
            .update(|f| f.remove(&key("uc berkeley", "ion  STOICA")))
            .unwrap();
        assert!(removed);
        assert_eq!(store.load().unwrap().keys(), [key("MIT", "Song Han")]);
    }

    #[test]
    fn a_corrupt_file_is_reported_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        let store = Store::new(&path);
        for garbage in [
            &br#"{ "version": 1, "favorites": [ oops"#[..],
            br#"{ "version": 1, "favorites": [{"school": 5, "name": "x"}]}"#,
        ] {
            fs::write(&path, garbage).unwrap();
            let error = store.update(|f| f.add(key("MIT", "Song Han"))).unwrap_err();
            let message = error.to_string();
            assert!(message.contains(&path.display().to_string()), "{message}");
            assert!(message.contains("not valid"), "{message}");
            assert!(message.contains("line 1"), "{message}");
            assert_eq!(fs::read(&path).unwrap(), garbage);
        }
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        fs::write(
            &path,
            "\u{FEFF}{\"version\": 1, \"favorites\": [{\"school\": \"MIT\", \"name\": \"Song Han\"}]}",
        )
        .unwrap();
        let store = Store::new(&path);
        assert_eq!(store.load().unwrap().keys(), [key("MIT", "Song Han")]);
        store
            .update(|f| f.add(key("UC Berkeley", "Ion Stoica")))
            .unwrap();
        assert_eq!(store.load().unwrap().keys().len(), 2);
    }

    #[test]
    fn keys_it_does_not_know_are_written_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        // As a later version might write it, its version still 2.
        fs::write(
            &path,
            r#"{"version": 2, "synced": {"at": 7},
                "favorites": [
                  {"school": "MIT", "name": "Song Han", "note": "ask about RA",
                   "stars": [1, 2], "reminder": {"on": "2025-04-01"}},
                  {"school": "UC Berkeley", "name": "Ion Stoica", "tags": ["systems"]}
                ]}"#,
        )
        .unwrap();
        let store = Store::new(&path);
        store.update(|f| f.add(key("MIT", "Daniela Rus"))).unwrap();
        store
            .update(|f| f.remove(&key("UC Berkeley", "Ion Stoica")))
            .unwrap();
        store
            .update(|f| {
                f.edit(&key("MIT", "Song Han"), None, |d| {
                    d.status = Some("replied".into());
                })
            })
            .unwrap();
        let saved: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            saved,
            serde_json::json!({
                "version": 2,
                "synced": {"at": 7},
                "favorites": [
                    {"school": "MIT", "name": "Song Han", "note": "ask about RA",
                     "status": "replied", "stars": [1, 2], "reminder": {"on": "2025-04-01"}},
                    {"school": "MIT", "name": "Daniela Rus"}
                ]
            })
        );
    }

    /// `tests/fixtures/favorites-v1.json` is a file as profdex wrote it
    /// before favorites had a status, a note and a date.
    const VERSION_1: &str = include_str!("../../tests/fixtures/favorites-v1.json");

    #[test]
    fn a_version_1_file_loads_unchanged_and_is_written_back_as_version_2() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        fs::write(&path, VERSION_1).unwrap();
        let store = Store::new(&path);
        let loaded = store.load().unwrap();
        let names: Vec<&str> = loaded.keys().iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["Ion Stoica", "Song Han", "Tim Kraska"]);
        assert_eq!(
            loaded.keys()[0].website.as_deref(),
            Some("https://people.eecs.berkeley.edu/~istoica/")
        );
        assert!(loaded.details().iter().all(|d| *d == Details::default()));
        // A change that changes nothing writes nothing.
        let song_han = loaded.keys()[1].clone();
        store.update(|f| f.add(song_han)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), VERSION_1);
        // Any other change writes the same favorites, as version 2.
        let note = loaded.keys()[2].clone();
        store
            .update(|f| f.edit(&note, None, |d| d.note = Some("x".into())))
            .unwrap();
        store
            .update(|f| f.edit(&note, None, |d| d.note = None))
            .unwrap();
        let mut expected: Value = serde_json::from_str(VERSION_1).unwrap();
        expected["version"] = 2.into();
        let saved: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(saved, expected);
        assert_eq!(store.load().unwrap(), loaded);
    }

    #[test]
    fn status_note_and_date_round_trip_and_empty_ones_are_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        let store = Store::new(&path);
        let ion = key("UC Berkeley", "Ion Stoica");
        store
            .update(|f| {
                f.edit(&ion, Some("2025-03-01"), |d| {
                    d.status = Some("waiting for funding".into());
                    d.note = Some("Ask about RA.\nMet at NSDI — José's lab 東京".into());
                })
            })
            .unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(
            loaded.details(),
            [Details {
                status: Some("waiting for funding".into()),
                note: Some("Ask about RA.\nMet at NSDI — José's lab 東京".into()),
                added: Some("2025-03-01".into()),
            }]
        );
        let saved: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(saved["version"], 2);
        assert_eq!(saved["favorites"][0]["added"], "2025-03-01");
        fs::write(
            &path,
            r#"{"version": 2, "favorites": [{"school": "MIT", "name": "Song Han",
                "status": " ", "note": "", "added": ""}]}"#,
        )
        .unwrap();
        assert_eq!(store.load().unwrap().details(), [Details::default()]);
    }

    /// Two handles on one file, as two profdex processes have, each setting
    /// notes and statuses on its own favorites at once: every change of
    /// both is in the file at the end.
    #[test]
    fn two_writers_setting_notes_at_once_lose_nothing() {
        const EACH: usize = 40;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        let start = std::sync::Barrier::new(2);
        std::thread::scope(|scope| {
            for writer in ["a", "b"] {
                let (path, start) = (&path, &start);
                scope.spawn(move || {
                    let store = Store::new(path);
                    start.wait();
                    for n in 0..EACH {
                        let person = key("U", &format!("{writer} {n}"));
                        store
                            .update(|f| {
                                f.edit(&person, Some("2025-03-01"), |d| {
                                    d.note = Some(format!("note {n}\nby {writer}"));
                                });
                            })
                            .unwrap();
                        store
                            .update(|f| {
                                f.edit(&person, None, |d| d.status = Some("contacted".into()))
                            })
                            .unwrap();
                    }
                });
            }
        });
        let saved = Store::new(&path).load().unwrap();
        assert_eq!(saved.keys().len(), 2 * EACH);
        for (key, details) in saved.keys().iter().zip(saved.details()) {
            let (writer, n) = key.name.split_once(' ').unwrap();
            assert_eq!(
                details.note,
                Some(format!("note {n}\nby {writer}")),
                "{key:?}"
            );
            assert_eq!(details.status.as_deref(), Some("contacted"), "{key:?}");
        }
    }

    /// What a version before the shortlist does with a file that has
    /// notes: it is newer than it understands, so it is neither read nor
    /// written. This version does the same with a version 3.
    #[test]
    fn a_newer_format_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        // Its favorites are not even a list any more.
        let newer = br#"{"version": 7, "favorites": {"by-tag": {}}}"#;
        fs::write(&path, newer).unwrap();
        let error = Store::new(&path)
            .update(|f| f.add(key("MIT", "Song Han")))
            .unwrap_err();
        assert!(matches!(error, StoreError::TooNew { version: 7, .. }));
        assert_eq!(fs::read(&path).unwrap(), newer);
        let next = br#"{"version": 3, "favorites": [{"school": "MIT", "name": "Song Han"}]}"#;
        fs::write(&path, next).unwrap();
        let store = Store::new(&path);
        assert!(matches!(
            store.load(),
            Err(StoreError::TooNew { version: 3, .. })
        ));
        let error = store
            .update(|f| f.remove(&key("MIT", "Song Han")))
            .unwrap_err();
        assert!(
            error
                .to_string()
                .contains("newer than this profdex understands (2)"),
            "{error}"
        );
        assert_eq!(fs::read(&path).unwrap(), next);
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_file_is_written_through_the_link_and_keeps_its_mode() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        let data = dir.path().join("data");
        fs::create_dir_all(&dotfiles).unwrap();
        fs::create_dir_all(&data).unwrap();
        let real = dotfiles.join("profdex-favorites.json");
        fs::write(&real, r#"{"version": 1, "favorites": []}"#).unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
        // A relative link to a second, absolute link.
        symlink(&real, dotfiles.join("current.json")).unwrap();
        let link = data.join("favorites.json");
        symlink("../dotfiles/current.json", &link).unwrap();

        let store = Store::new(&link);
        store.update(|f| f.add(key("MIT", "Song Han"))).unwrap();

        assert_eq!(
            fs::read_link(&link).unwrap(),
            Path::new("../dotfiles/current.json")
        );
        assert_eq!(fs::read_link(dotfiles.join("current.json")).unwrap(), real);
        assert!(fs::symlink_metadata(&real).unwrap().is_file());
        assert_eq!(mode(&real), 0o644);
        assert_eq!(store.load().unwrap().keys(), [key("MIT", "Song Han")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_gets_its_file_and_a_new_file_is_private() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("favorites.json");
        let real = dir.path().join("elsewhere/favorites.json");
        symlink(&real, &link).unwrap();
        Store::new(&link)
            .update(|f| f.add(key("MIT", "Song Han")))
            .unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(mode(&real), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_an_error_and_stays_a_loop() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        symlink(&b, &a).unwrap();
        symlink(&a, &b).unwrap();
        let error = Store::new(&a)
            .update(|f| f.add(key("MIT", "Song Han")))
            .unwrap_err();
        assert!(matches!(error, StoreError::Read { .. }), "{error}");
        assert_eq!(fs::read_link(&a).unwrap(), b);
    }

    #[test]
    fn saving_leaves_no_temporary_files_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("favorites.json"));
        store.update(|f| f.add(key("MIT", "Song Han"))).unwrap();
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["favorites.json", "favorites.json.lock"]);
    }

    #[test]
    fn temp_files_of_killed_saves_are_removed_at_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let leftover = |name: &str, age: u64| {
            let path = dir.path().join(name);
            let file = fs::File::create(&path).unwrap();
            file.set_modified(SystemTime::now() - Duration::from_secs(age))
                .unwrap();
            path
        };
        let ours = leftover(".favorites.json.Ab3xYz.tmp", 0);
        let old_unlocked = leftover(".favorites.Qw9eRt.tmp", 3600);
        let young_unlocked = leftover(".favorites.Zx8cVb.tmp", 0);
        let others = [
            leftover(".favorites.json.notes.tmp", 3600),
            leftover(".other.json.Ab3xYz.tmp", 3600),
            leftover("favorites.json.bak", 3600),
        ];
        Store::new(dir.path().join("favorites.json"))
            .update(|f| f.add(key("MIT", "Song Han")))
            .unwrap();
        assert!(!ours.exists());
        assert!(!old_unlocked.exists());
        assert!(young_unlocked.exists(), "may still be written");
        for path in others {
            assert!(path.exists(), "{}", path.display());
        }
    }

    #[test]
    fn the_lock_is_held_from_reading_to_saving() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("favorites.json"));
        store.update(|f| f.add(key("MIT", "Song Han"))).unwrap();
        let other = fs::File::open(dir.path().join("favorites.json.lock")).unwrap();
        store
            .update(|f| {
                assert!(matches!(
                    other.try_lock(),
                    Err(fs::TryLockError::WouldBlock)
                ));
                f.add(key("UC Berkeley", "Ion Stoica"))
            })
            .unwrap();
        other.try_lock().expect("released after the save");
    }

    #[test]
    fn without_a_lock_nothing_is_saved_but_a_no_op_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        let store = Store::new(&path);
        store.update(|f| f.add(key("MIT", "Song Han"))).unwrap();
        let saved = fs::read(&path).unwrap();
        // Stands for a lock file that cannot be made, even by root.
        fs::remove_file(dir.path().join("favorites.json.lock")).unwrap();
        fs::create_dir(dir.path().join("favorites.json.lock")).unwrap();
        let (_, added) = store.update(|f| f.add(key("mit", "song han"))).unwrap();
        assert!(!added);
        let error = store
            .update(|f| f.add(key("UC Berkeley", "Ion Stoica")))
            .unwrap_err();
        let message = error.to_string();
        assert!(message.contains("favorites.json.lock"), "{message}");
        assert_eq!(fs::read(&path).unwrap(), saved);
    }
}
