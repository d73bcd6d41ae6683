//! Reading what a source path names, without trusting it: a FIFO, a device
//! or a file that never ends must not hang loading or fill memory, and
//! whatever cannot be used is said with its real reason.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// No directory file comes near this; anything larger is a mistake (or
/// `/dev/zero` behind a symbolic link) and is refused rather than read.
pub(super) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The bytes of the regular file at `path`, or why they cannot be had.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let metadata = fs::metadata(path).map_err(|error| unreachable_file(path, &error))?;
    usable(&metadata)?;
    let file = File::open(path).map_err(|error| unreachable_file(path, &error))?;
    // The name may have changed hands since it was looked at: judge what
    // was opened.
    let metadata = file.metadata().map_err(|error| cannot_read(&error))?;
    usable(&metadata)?;
    // A file that grows while it is read is still cut at the limit.
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    match read_capped(file, MAX_FILE_BYTES, capacity) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(format!(
            "grew past {} while being read",
            mib(MAX_FILE_BYTES)
        )),
        Err(error) => Err(cannot_read(&error)),
    }
}

/// The document on standard input (`--schools -`), under the same cap as a file.
pub fn read_stdin() -> Result<Vec<u8>, String> {
    match read_capped(io::stdin().lock(), MAX_FILE_BYTES, 0) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(format!("too large (the limit is {})", mib(MAX_FILE_BYTES))),
        Err(error) => Err(cannot_read(&error)),
    }
}

/// At most `limit` bytes of `reader`; `None` when it has more.
fn read_capped(reader: impl Read, limit: u64, capacity: usize) -> io::Result<Option<Vec<u8>>> {
    let cap = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(capacity.min(cap));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() <= cap).then_some(bytes))
}

/// Only regular files of a sane size are read.
fn usable(metadata: &Metadata) -> Result<(), String> {
    if metadata.is_dir() {
        return Err("is a directory".into());
    }
    if !metadata.is_file() {
        return Err(format!("not a regular file ({})", kind(metadata)));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(format!(
            "too large ({} bytes; the limit is {})",
            metadata.len(),
            mib(MAX_FILE_BYTES)
        ));
    }
    Ok(())
}

#[cfg(unix)]
fn kind(metadata: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else {
        "of an unknown kind"
    }
}

#[cfg(not(unix))]
fn kind(_: &Metadata) -> &'static str {
    "of an unknown kind"
}

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes / (1024 * 1024))
}

/// Why following `path` to read it failed.
fn unreachable_file(path: &Path, error: &io::Error) -> String {
    failure(path, error, "cannot read")
}

fn cannot_read(error: &io::Error) -> String {
    format!("cannot read: {}", reason(error))
}

/// Why `doing` something with `path` failed. A symbolic link to nothing
/// says so and names its target, rather than claiming to be missing.
fn failure(path: &Path, error: &io::Error, doing: &str) -> String {
    if error.kind() == io::ErrorKind::NotFound
        && let Ok(target) = fs::read_link(path)
    {
        return format!("dangling symbolic link (to {})", target.display());
    }
    format!("{doing}: {}", reason(error))
}

/// The operating system's own words ("too many levels of symbolic links",
/// "permission denied"), without the error number, to sit after a colon.
fn reason(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match error.raw_os_error() {
        Some(code) => text
            .strip_suffix(&format!(" (os error {code})"))
            .unwrap_or(&text)
            .to_string(),
        None => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// The `*.md` entries directly inside `dir`, sorted by name so that merge
/// order does not depend on the file system. Entries are not judged here:
/// reading each one says what is wrong with it. Also why listing failed,
/// when it did (then the entries are those seen before it failed).
pub(super) fn markdown_entries(dir: &Path) -> (Vec<PathBuf>, Option<String>) {
    let mut files = Vec::new();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => return (files, Some(failure(dir, &error, "cannot list"))),
    };
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(error) => {
                files.sort();
                return (files, Some(failure(dir, &error, "cannot list")));
            }
        };
        if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
        {
            files.push(path);
        }
    }
    files.sort();
    (files, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = io::repeat(b'x');
        assert_eq!(read_capped(endless, 1000, 0).unwrap(), None);
        let exact = io::repeat(b'x').take(1000);
        assert_eq!(
            read_capped(exact, 1000, 1000).unwrap().map(|b| b.len()),
            Some(1000)
        );
    }

    #[test]
    fn os_errors_read_as_plain_words() {
        let error = io::Error::from_raw_os_error(2);
        assert!(!reason(&error).contains("os error"), "{}", reason(&error));
        assert!(
            reason(&error).starts_with(char::is_lowercase),
            "{}",
            reason(&error)
        );
        let custom = io::Error::other("Something odd");
        assert_eq!(reason(&custom), "something odd");
    }
}
