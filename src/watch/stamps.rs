//! What the watched files look like now, cheaply: which data files there
//! are and each one's size, times and inode, and the same of the favorites
//! file. Two looks that differ mean something changed; polling compares
//! them, and notifications are checked against them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::sources::{self, Input, SourceOptions};

/// One file as `stat` sees it; `None` where there is no such file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    /// Change time and inode where the platform has them: a rename over
    /// the file, or a change of its mode, changes them.
    changed: (i64, i64),
    inode: (u64, u64),
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let metadata = fs::metadata(path).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            changed: changed(&metadata),
            inode: inode(&metadata),
        })
    }

    /// The device and inode: which file this is, whatever it holds.
    pub fn identity(&self) -> (u64, u64) {
        self.inode
    }
}

#[cfg(unix)]
fn changed(metadata: &fs::Metadata) -> (i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.ctime(), metadata.ctime_nsec())
}

#[cfg(unix)]
fn inode(metadata: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
fn changed(_: &fs::Metadata) -> (i64, i64) {
    (0, 0)
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// The data files and the favorites file, as they are now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    /// Each file the sources name, in order, with its stamp, and each
    /// folder that could not be listed, with why.
    pub data: Vec<(PathBuf, Result<Option<Stamp>, String>)>,
    pub favorites: Option<Stamp>,
}

impl Look {
    pub fn take(options: &SourceOptions, favorites: &Path) -> Look {
        let (inputs, _) = sources::discover_present(options);
        let data = inputs
            .into_iter()
            .filter_map(|input| match input {
                Input::Builtin { .. } | Input::Stdin(_) => None,
                Input::File(path) => {
                    let stamp = Stamp::of(&path);
                    Some((path, Ok(stamp)))
                }
                Input::Unlistable { path, reason } => Some((path, Err(reason))),
            })
            .collect();
        Look {
            data,
            favorites: Stamp::of(favorites),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_changes_with_the_files_and_only_then() {
        let dir = tempfile::tempdir().unwrap();
        let schools = dir.path().join("mine");
        fs::create_dir(&schools).unwrap();
        fs::write(schools.join("a.md"), "# A\n").unwrap();
        let options = SourceOptions {
            builtin: true,
            data_dir: None,
            schools: vec![schools.clone()],
        };
        let favorites_file = dir.path().join("favorites.json");
        let look = || Look::take(&options, &favorites_file);
        let first = look();
        assert_eq!(first.data.len(), 1, "{first:?}");
        assert_eq!(first.favorites, None);
        assert_eq!(look(), first, "nothing changed");
        // Not a directory file: not looked at.
        fs::write(schools.join("notes.txt"), "x").unwrap();
        assert_eq!(look(), first);

        fs::write(schools.join("b.md"), "# B\n").unwrap();
        let added = look();
        assert_ne!(added, first);
        fs::write(schools.join("a.md"), "# A, longer\n").unwrap();
        let edited = look();
        assert_ne!(edited, added);
        fs::write(&favorites_file, "{}").unwrap();
        let favorited = look();
        assert_eq!(favorited.data, edited.data);
        assert_ne!(favorited.favorites, None);
        fs::remove_dir_all(&schools).unwrap();
        assert!(look().data.is_empty(), "a folder gone is no error");
    }
}
