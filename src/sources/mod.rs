//! Where directory files come from and how they become one directory.
//!
//! Sources are read in order: the built-in schools, every `*.md` in
//! `<data dir>/schools/`, then each `--schools` path. Later sources add to
//! earlier ones: the same school (by name, ignoring case) is one school, and
//! the same name in the same school is one person, later fields winning,
//! when their websites agree or one of them has none; otherwise they are two
//! people.

mod merge;
mod read;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, OnceLock};
use std::thread;

use crate::diag::Diagnostic;
use crate::model::Directory;
use crate::parse::{ParsedFile, parse};

use merge::Merger;

pub use read::read_file;

/// How diagnostics name the document read from standard input.
pub const STDIN_LABEL: &str = "<stdin>";

/// `--schools -`: standard input, read once, at the start, and kept in
/// memory: it is never read again, cached, watched or written back.
static STDIN: OnceLock<Arc<Result<Vec<u8>, String>>> = OnceLock::new();

/// Whether a `--schools` path stands for standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads standard input for `--schools -`, once; what cannot be read
/// is said by loading, as for a file.
pub fn read_stdin() {
    STDIN.get_or_init(|| Arc::new(read::read_stdin()));
}

/// The built-in directory files, compiled into the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    ("mit.md", include_str!("../../assets/mit.md")),
    ("berkeley.md", include_str!("../../assets/berkeley.md")),
];

/// One directory file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Builtin {
        name: &'static str,
        text: &'static str,
    },
    File(PathBuf),
    /// `--schools -`: the document standard input held, or why it could
    /// not be read.
    Stdin(Arc<Result<Vec<u8>, String>>),
    /// A folder whose files could not all be listed. Loading reports
    /// `reason` as an error in its place and goes on with the other inputs.
    Unlistable {
        path: PathBuf,
        reason: String,
    },
}

impl Input {
    /// How diagnostics and `profdex paths` name this input.
    pub fn label(&self) -> String {
        match self {
            Input::Builtin { name, .. } => format!("builtin:{name}"),
            Input::Stdin(_) => STDIN_LABEL.to_string(),
            Input::File(path) | Input::Unlistable { path, .. } => path.display().to_string(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct SourceOptions {
    pub builtin: bool,
    /// Whose `schools/` folder to read; `None` reads none.
    pub data_dir: Option<PathBuf>,
    pub schools: Vec<PathBuf>,
}

/// Why there is nothing to load at all. Only a mistyped path stops
/// everything; whatever exists but cannot be read is an input that loading
/// reports, so it never stops the others.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{}: no such file or directory", path.display())]
    Missing { path: PathBuf },
}

/// `<data dir>/schools`, where a user's own directory files live.
pub fn schools_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("schools")
}

/// Every input, in the order they are merged. A `--schools` path that names
/// nothing at all is an error (a typo should not look like an empty
/// directory); a missing `<data dir>/schools` simply adds nothing. Anything
/// else that is there but unusable (a folder that cannot be listed, a
/// dangling symbolic link, a FIFO named `x.md`) is kept as an input, for
/// loading to say what is wrong with it.
pub fn discover(options: &SourceOptions) -> Result<Vec<Input>, SourceError> {
    let mut missing = None;
    let inputs = collect(options, |path| {
        missing.get_or_insert_with(|| path.to_path_buf());
    });
    match missing {
        Some(path) => Err(SourceError::Missing { path }),
        None => Ok(inputs),
    }
}

/// [`discover`] for a browser that is already running: a `--schools` path
/// that has gone since it started is no typo but a file deleted, so it
/// adds nothing and is returned beside the inputs, for the browser to say.
pub fn discover_present(options: &SourceOptions) -> (Vec<Input>, Vec<PathBuf>) {
    let mut gone = Vec::new();
    let inputs = collect(options, |path| gone.push(path.to_path_buf()));
    (inputs, gone)
}

/// Every input, telling `missing` of each `--schools` path that names nothing.
fn collect(options: &SourceOptions, mut missing: impl FnMut(&Path)) -> Vec<Input> {
    let mut inputs = Vec::new();
    if options.builtin {
        inputs.extend(
            BUILTIN
                .iter()
                .map(|&(name, text)| Input::Builtin { name, text }),
        );
    }
    if let Some(own) = options.data_dir.as_deref().map(schools_dir)
        && !names_nothing(&own)
    {
        add_folder(&own, &mut inputs);
    }
    for path in &options.schools {
        if is_stdin(path) {
            inputs.extend(STDIN.get().map(|text| Input::Stdin(Arc::clone(text))));
        } else if names_nothing(path) {
            missing(path);
        } else if path.is_dir() {
            add_folder(path, &mut inputs);
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

/// Not even a dangling symbolic link is there.
fn names_nothing(path: &Path) -> bool {
    fs::symlink_metadata(path).is_err_and(|error| error.kind() == io::ErrorKind::NotFound)
}

fn add_folder(dir: &Path, inputs: &mut Vec<Input>) {
    let (files, failure) = read::markdown_entries(dir);
    if let Some(reason) = failure {
        inputs.push(Input::Unlistable {
            path: dir.to_path_buf(),
            reason,
        });
    }
    inputs.extend(files.into_iter().map(Input::File));
}

/// The merged directory and everything worth telling the user about it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub directory: Directory,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and parses every input on all cores (files are independent),
/// while this thread merges them in order as they come: merging the first
/// files overlaps parsing the last, rather than waiting for all of them.
pub fn load(inputs: &[Input]) -> Loaded {
    load_each(inputs, &mut |_, _| {})
}

/// [`load`], handing each file as it was read to `each` (with its label)
/// before it is merged: for `check`, which says what each file gave.
pub fn load_each(inputs: &[Input], each: &mut dyn FnMut(&str, &ParsedFile)) -> Loaded {
    let workers = thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(inputs.len().max(1));
    // Files are handed out in order, one at a time, so that the next one
    // to merge is soon ready and no worker idles while another has many.
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (sender, next) = (sender.clone(), &next);
                scope.spawn(move || {
                    loop {
                        let position = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(position) else {
                            break;
                        };
                        if sender.send((position, read_and_parse(input))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(sender);
        let merged = merge_in_order(inputs, &receiver, each);
        for handle in handles {
            // A panic while parsing is a bug: let it surface, not drop files.
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
        merged
    })
}

/// Merges files already parsed, in order, as [`load`] merges what it
/// reads: for what makes files other than by reading markdown.
pub fn merge(files: impl IntoIterator<Item = (String, ParsedFile)>) -> Loaded {
    let mut merger = Merger::default();
    for (label, file) in files {
        merger.add(&label, file);
    }
    merger.finish()
}

/// Merges the files `receiver` gives, in any order, in the order of `inputs`.
fn merge_in_order(
    inputs: &[Input],
    receiver: &Receiver<(usize, ParsedFile)>,
    each: &mut dyn FnMut(&str, &ParsedFile),
) -> Loaded {
    let mut merger = Merger::default();
    let mut waiting: Vec<Option<ParsedFile>> = Vec::new();
    waiting.resize_with(inputs.len(), || None);
    let mut due = 0;
    for (position, file) in receiver {
        waiting[position] = Some(file);
        while let Some(file) = waiting.get_mut(due).and_then(Option::take) {
            let label = inputs[due].label();
            each(&label, &file);
            merger.add(&label, file);
            due += 1;
        }
    }
    merger.finish()
}

fn read_and_parse(input: &Input) -> ParsedFile {
    let label = input.label();
    match input {
        Input::Builtin { text, .. } => parse(&label, text.as_bytes()),
        Input::File(path) => match read::read_file(path) {
            Ok(bytes) => parse(&label, &bytes),
            Err(reason) => unusable(label, reason),
        },
        Input::Stdin(text) => match text.as_ref() {
            Ok(bytes) => parse(&label, bytes),
            Err(reason) => unusable(label, reason.clone()),
        },
        Input::Unlistable { reason, .. } => unusable(label, reason.clone()),
    }
}

fn unusable(label: String, reason: String) -> ParsedFile {
    ParsedFile {
        diagnostics: vec![Diagnostic::file_error(label, reason)],
        ..ParsedFile::default()
    }
}
