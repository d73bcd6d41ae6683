//! Writing a file so that a crash leaves either the old file or the new
//! one, never half of one: a temp file in the same directory, fsync,
//! rename, fsync the directory. The favorites and the files `import`
//! writes are saved this way.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// A temp file is `.<file name>.`, this many random letters and digits,
/// and `.tmp`: recognizable, so that one left by a killed process can be
/// removed, and never `*.md`, so that a folder of school files being
/// written never shows a half-written school.
pub const TEMP_RANDOM: usize = 6;
pub const TEMP_SUFFIX: &str = ".tmp";

/// Whether an existing file at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    /// Fail with [`io::ErrorKind::AlreadyExists`] instead, even when the
    /// file appears while this one is being written.
    Keep,
}

/// Writes `bytes` to `target` atomically. A replaced file's permissions
/// are kept; a new file is readable by its owner alone.
pub fn write(target: &Path, bytes: &[u8], existing: Existing) -> io::Result<()> {
    write_unsynced(target, bytes, existing)?;
    sync_dir(folder(target))
}

/// [`write`] but for the last step: the file is whole and in place, but
/// until [`sync_dir`] is called on its folder a crash may leave the folder
/// as it was. For writing many files to one folder, synced once.
pub fn write_unsynced(target: &Path, bytes: &[u8], existing: Existing) -> io::Result<()> {
    let dir = folder(target);
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(target))
        .rand_bytes(TEMP_RANDOM)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    keep_mode(target, temp.as_file())?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    match existing {
        Existing::Replace => temp.persist(target).map_err(|e| e.error)?,
        Existing::Keep => temp.persist_noclobber(target).map_err(|e| e.error)?,
    };
    Ok(())
}

/// The folder `target` is written in.
pub fn folder(target: &Path) -> &Path {
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// What the names of `target`'s temp files start with.
pub fn temp_prefix(target: &Path) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(target.file_name().unwrap_or(OsStr::new("file")));
    prefix.push(".");
    prefix
}

/// Whether `name` is that of a temp file whose name starts with `prefix`.
pub fn is_temp(name: &OsStr, prefix: &OsStr) -> bool {
    name.as_encoded_bytes()
        .strip_prefix(prefix.as_encoded_bytes())
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX.as_bytes()))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.iter().all(u8::is_ascii_alphanumeric)
        })
}

/// Gives `temp` the permissions of the file it is about to replace.
#[cfg(unix)]
fn keep_mode(target: &Path, temp: &fs::File) -> io::Result<()> {
    match fs::metadata(target) {
        Ok(meta) => temp.set_permissions(meta.permissions()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

#[cfg(not(unix))]
fn keep_mode(_target: &Path, _temp: &fs::File) -> io::Result<()> {
    Ok(())
}

/// Makes the files renamed into `dir` stay there after a crash.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
pub fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_never_replaces_and_replace_does() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("mit.md");
        write(&target, b"one", Existing::Keep).expect("a new file");
        let refused = write(&target, b"two", Existing::Keep).expect_err("exists");
        assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).expect("read"), b"one");
        write(&target, b"three", Existing::Replace).expect("replaced");
        assert_eq!(fs::read(&target).expect("read"), b"three");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["mit.md"], "no temp file is left behind");
    }

    #[test]
    fn temp_files_are_recognized_by_their_name() {
        let prefix = temp_prefix(Path::new("/d/favorites.json"));
        assert_eq!(prefix, ".favorites.json.");
        assert!(is_temp(OsStr::new(".favorites.json.a1B2c3.tmp"), &prefix));
        assert!(!is_temp(OsStr::new(".favorites.json.a1B2.tmp"), &prefix));
        assert!(!is_temp(OsStr::new("favorites.json"), &prefix));
    }
}
