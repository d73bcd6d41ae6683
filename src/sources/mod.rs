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
use std::thread;

use crate::diag::Diagnostic;
use crate::model::Directory;
use crate::parse::{ParsedFile, parse};

use merge::Merger;

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
}

impl Input {
    /// How diagnostics and `profdex paths` name this input.
    pub fn label(&self) -> String {
        match self {
            Input::Builtin { name, .. } => format!("builtin:{name}"),
            Input::File(path) => path.display().to_string(),
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

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{}: no such file or directory", path.display())]
    Missing { path: PathBuf },
    #[error("cannot list {}: {source}", path.display())]
    List { path: PathBuf, source: io::Error },
}

/// `<data dir>/schools`, where a user's own directory files live.
pub fn schools_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("schools")
}

/// Every input, in the order they are merged. A `--schools` path that does
/// not exist is an error (a typo should not look like an empty directory);
/// a missing `<data dir>/schools` simply adds nothing.
pub fn discover(options: &SourceOptions) -> Result<Vec<Input>, SourceError> {
    let mut inputs = Vec::new();
    if options.builtin {
        inputs.extend(
            BUILTIN
                .iter()
                .map(|&(name, text)| Input::Builtin { name, text }),
        );
    }
    if let Some(own) = options.data_dir.as_deref().map(schools_dir)
        && own.is_dir()
    {
        inputs.extend(markdown_files(&own)?.into_iter().map(Input::File));
    }
    for path in &options.schools {
        if path.is_dir() {
            inputs.extend(markdown_files(path)?.into_iter().map(Input::File));
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(SourceError::Missing { path: path.clone() });
        }
    }
    Ok(inputs)
}

/// The `*.md` files directly inside `dir`, sorted by name so that merge
/// order does not depend on the file system.
fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>, SourceError> {
    let list_error = |source| SourceError::List {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(list_error)? {
        let path = entry.map_err(list_error)?.path();
        let is_markdown = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("md"));
        if is_markdown && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The merged directory and everything worth telling the user about it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub directory: Directory,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and parses every input (on all cores; files are independent),
/// then merges them in order.
pub fn load(inputs: &[Input]) -> Loaded {
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len().max(1));
    let mut parsed: Vec<(usize, ParsedFile)> = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    inputs
                        .iter()
                        .enumerate()
                        .skip(worker)
                        .step_by(workers)
                        .map(|(position, input)| (position, read_and_parse(input)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            // A panic while parsing is a bug: let it surface, not drop files.
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    parsed.sort_by_key(|(position, _)| *position);
    let mut merger = Merger::default();
    for (position, file) in parsed {
        merger.add(&inputs[position].label(), file);
    }
    merger.finish()
}

fn read_and_parse(input: &Input) -> ParsedFile {
    let label = input.label();
    match input {
        Input::Builtin { text, .. } => parse(&label, text.as_bytes()),
        Input::File(path) => match read::read_file(path) {
            Ok(bytes) => parse(&label, &bytes),
            Err(reason) => ParsedFile {
                school: None,
                people: Vec::new(),
                diagnostics: vec![Diagnostic::file_error(label, reason)],
            },
        },
    }
}
