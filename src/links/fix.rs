//! Moved URLs changed in place: each replaced at the spot where the
//! reader found it written, no other byte touched; shown as a unified
//! diff, or written back when the file is still what was read.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::Path;

use crate::atomic;

/// One replacement: the bytes at `range` become `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub with: String,
}

/// `bytes` with `edits` made. Edits that overlap one made before, or
/// fall outside the bytes, are left out.
pub fn apply(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|edit| edit.range.start);
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for edit in edits {
        if edit.range.start < at
            || edit.range.end > bytes.len()
            || edit.range.start > edit.range.end
        {
            continue;
        }
        out.extend_from_slice(&bytes[at..edit.range.start]);
        out.extend_from_slice(edit.with.as_bytes());
        at = edit.range.end;
    }
    out.extend_from_slice(&bytes[at..]);
    out
}

/// Lines with their endings, so that CRLF files diff as they are.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            lines.push(&bytes[start..=i]);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    lines
}

const CONTEXT: usize = 3;

/// A unified diff of `old` to `new` for a file called `label`. Only
/// lines are changed in place (no URL spans a line break), so the two
/// have their lines in step; empty when they are the same.
pub fn diff(label: &str, old: &[u8], new: &[u8]) -> String {
    let (old_lines, new_lines) = (lines(old), lines(new));
    if old == new || old_lines.len() != new_lines.len() {
        return String::new();
    }
    let changed: Vec<usize> = (0..old_lines.len())
        .filter(|&i| old_lines[i] != new_lines[i])
        .collect();
    let mut out = format!("--- {label}\n+++ {label}\n");
    let mut hunks: Vec<Range<usize>> = Vec::new();
    for &line in &changed {
        let from = line.saturating_sub(CONTEXT);
        let to = (line + CONTEXT + 1).min(old_lines.len());
        match hunks.last_mut() {
            Some(last) if from <= last.end => last.end = to,
            _ => hunks.push(from..to),
        }
    }
    let text = |line: &[u8]| {
        let mut shown = String::from_utf8_lossy(line).into_owned();
        if !shown.ends_with('\n') {
            shown.push_str("\n\\ No newline at end of file\n");
        }
        shown
    };
    for hunk in hunks {
        let len = hunk.len();
        let _ = writeln!(
            out,
            "@@ -{},{len} +{},{len} @@",
            hunk.start + 1,
            hunk.start + 1
        );
        for i in hunk {
            if old_lines[i] == new_lines[i] {
                out.push(' ');
                out.push_str(&text(old_lines[i]));
            } else {
                out.push('-');
                out.push_str(&text(old_lines[i]));
                out.push('+');
                out.push_str(&text(new_lines[i]));
            }
        }
    }
    out
}

/// Writes `new` over `path`, atomically, when the file still holds `read`.
pub fn write_back(path: &Path, read: &[u8], new: &[u8]) -> io::Result<()> {
    // The file a link names is the one changed, not the link.
    let target = fs::canonicalize(path)?;
    let now = fs::read(&target)?;
    if now != read {
        return Err(io::Error::other(
            "changed since it was read; not written (run again)",
        ));
    }
    atomic::write(&target, new, atomic::Existing::Replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_change_only_their_bytes() {
        let old = b"a https://x/ b\r\nkeep\r\nc https://x/\r\n";
        let edits = [
            Edit {
                range: 2..12,
                with: "https://y.example/".into(),
            },
            Edit {
                range: 24..34,
                with: "https://z/".into(),
            },
        ];
        let new = apply(old, &edits);
        assert_eq!(
            new,
            b"a https://y.example/ b\r\nkeep\r\nc https://z/\r\n".to_vec()
        );
        let shown = diff("f.md", old, &new);
        assert_eq!(
            shown,
            "--- f.md\n+++ f.md\n@@ -1,3 +1,3 @@\n-a https://x/ b\r\n+a https://y.example/ b\r\n keep\r\n-c https://x/\r\n+c https://z/\r\n"
        );
        assert_eq!(diff("f.md", old, old), "");
    }

    #[test]
    fn far_apart_changes_are_hunks_of_their_own() {
        let old = (1..=20).fold(String::new(), |mut old, n| {
            let _ = writeln!(old, "line {n}");
            old
        });
        let at = |n: usize| {
            let start = old.find(&format!("line {n}\n")).expect("there");
            start..start + 4
        };
        let edits = [
            Edit {
                range: at(2),
                with: "LINE".into(),
            },
            Edit {
                range: at(18),
                with: "LINE".into(),
            },
        ];
        let shown = diff("f", old.as_bytes(), &apply(old.as_bytes(), &edits));
        let heads: Vec<&str> = shown.lines().filter(|l| l.starts_with("@@")).collect();
        assert_eq!(heads, ["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"]);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.md");
        fs::write(&path, b"new text").expect("written");
        assert!(write_back(&path, b"old text", b"fixed").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"new text");
        write_back(&path, b"new text", b"fixed").expect("written");
        assert_eq!(fs::read(&path).expect("read"), b"fixed");
    }
}
