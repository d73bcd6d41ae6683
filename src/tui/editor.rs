//! `N`: a note edited in the user's editor. The note is written to a
//! temporary file (readable by its owner alone), the editor runs on it
//! with the terminal handed over, as a text-mode browser does, and the
//! file is read back once it exits.
//!
//! The editor is `$VISUAL`, else `$EDITOR`. Like `$BROWSER`, it is split
//! into words the way a shell would split it (quotes respected) and run
//! directly, never through a shell, the file's path its last argument:
//! `EDITOR='code --wait'` and `VISUAL="'/opt/My Editor/edit' -n"` work,
//! shell syntax in it does not.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::{Command, ExitStatus};

use crate::app::{Action, Mode};
use crate::keys;

/// The program and arguments that edit `path`, from the values of
/// `$VISUAL` and `$EDITOR`; blank ones count as unset.
pub(super) fn command_for(
    visual: Option<&str>,
    editor: Option<&str>,
    path: &Path,
) -> Result<Command, String> {
    let chosen = [("VISUAL", visual), ("EDITOR", editor)]
        .into_iter()
        .find_map(|(name, value)| value.filter(|v| !v.trim().is_empty()).map(|v| (name, v)));
    let Some((name, value)) = chosen else {
        let here = keys::primary(Mode::Browse, &Action::EditNote);
        return Err(format!(
            "No editor: set $VISUAL or $EDITOR ({here} edits the note here)"
        ));
    };
    let mut words = shell_words::split(value)
        .map_err(|error| format!("Cannot understand ${name} ({error})"))?;
    if words.is_empty() {
        return Err(format!("Cannot understand ${name}: it is empty"));
    }
    let mut command = Command::new(words.remove(0));
    command.args(words).arg(path);
    Ok(command)
}

/// Edits `note` with the editor of the environment. `run` runs the
/// editor's command with the terminal handed over and returns its exit
/// status. The note as the editor left it, or why there is none: every
/// failure leaves the note as it was.
pub(super) fn edit_note(
    note: &str,
    run: impl FnOnce(&mut Command) -> io::Result<ExitStatus>,
) -> Result<String, String> {
    let visual = std::env::var("VISUAL").ok();
    let editor = std::env::var("EDITOR").ok();
    edit_with(visual.as_deref(), editor.as_deref(), note, run)
}

fn edit_with(
    visual: Option<&str>,
    editor: Option<&str>,
    note: &str,
    run: impl FnOnce(&mut Command) -> io::Result<ExitStatus>,
) -> Result<String, String> {
    let unchanged = "the note is unchanged";
    let mut file = tempfile::Builder::new()
        .prefix("profdex-note-")
        .suffix(".md")
        .tempfile()
        .map_err(|error| format!("Cannot make a file for the editor: {error}"))?;
    let written = if note.is_empty() {
        Ok(())
    } else {
        writeln!(file, "{note}")
    };
    written
        .and_then(|()| file.flush())
        .map_err(|error| format!("Cannot write the note for the editor: {error}"))?;
    let path = file.path().to_path_buf();
    let mut command = command_for(visual, editor, &path)?;
    let program = command.get_program().to_string_lossy().into_owned();
    let status = run(&mut command)
        .map_err(|error| format!("Cannot start the editor {program}: {error}; {unchanged}"))?;
    if !status.success() {
        return Err(format!(
            "The editor {program} failed ({status}); {unchanged}"
        ));
    }
    // Read by name: many editors save by writing a new file over it.
    let bytes = fs::read(&path)
        .map_err(|error| format!("Cannot read the note back: {error}; {unchanged}"))?;
    String::from_utf8(bytes).map_err(|_| format!("The note is not UTF-8 text; {unchanged}"))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    fn words(command: &Command) -> Vec<String> {
        let mut words = vec![command.get_program().to_string_lossy().into_owned()];
        words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
        words
    }

    #[test]
    fn visual_comes_first_and_is_split_without_a_shell() {
        let path = Path::new("/tmp/note.md");
        let command = command_for(Some("code --wait"), Some("vi"), path).unwrap();
        assert_eq!(words(&command), ["code", "--wait", "/tmp/note.md"]);
        let command =
            command_for(Some("  "), Some("'/opt/My Editor/e' -n; rm -rf ~"), path).unwrap();
        assert_eq!(
            words(&command),
            ["/opt/My Editor/e", "-n;", "rm", "-rf", "~", "/tmp/note.md"]
        );
        let error = command_for(None, None, path).unwrap_err();
        assert!(
            error.starts_with("No editor: set $VISUAL or $EDITOR"),
            "{error}"
        );
        let error = command_for(None, Some("'vi"), path).unwrap_err();
        assert!(error.starts_with("Cannot understand $EDITOR"), "{error}");
    }

    #[test]
    fn the_note_goes_to_the_editor_and_comes_back() {
        let edited = edit_with(None, Some("ed"), "first\nsecond", |command| {
            let path = command.get_args().last().unwrap().to_owned();
            assert_eq!(fs::read_to_string(&path).unwrap(), "first\nsecond\n");
            // Saved as editors do: a new file renamed over the old one.
            let new = Path::new(&path).with_extension("new");
            fs::write(&new, "first\nsecond\nthird — 東京\n").unwrap();
            fs::rename(&new, &path).unwrap();
            Ok(ExitStatus::from_raw(0))
        });
        assert_eq!(edited.unwrap(), "first\nsecond\nthird — 東京\n");
    }

    #[test]
    fn an_editor_that_fails_or_is_missing_leaves_the_note() {
        let failed = edit_with(None, Some("vim"), "x", |_| Ok(ExitStatus::from_raw(1 << 8)));
        assert_eq!(
            failed.unwrap_err(),
            "The editor vim failed (exit status: 1); the note is unchanged"
        );
        let missing = edit_with(Some("nvim"), None, "x", |_| {
            Err(io::Error::from(io::ErrorKind::NotFound))
        });
        let error = missing.unwrap_err();
        assert!(
            error.starts_with("Cannot start the editor nvim: "),
            "{error}"
        );
        let garbage = edit_with(None, Some("ed"), "x", |command| {
            fs::write(command.get_args().last().unwrap(), b"\xff\xfe").unwrap();
            Ok(ExitStatus::from_raw(0))
        });
        assert_eq!(
            garbage.unwrap_err(),
            "The note is not UTF-8 text; the note is unchanged"
        );
    }
}
