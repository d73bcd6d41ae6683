//! The global options once resolved (where data lives, which sources, colour)
//! and why a run did not succeed: what the command line and the browser share.

use std::io;
use std::path::PathBuf;

use clap::ValueEnum;

use crate::cache;
use crate::config::Config;
use crate::diag::{Diagnostic, Severity};
use crate::favorites::{Store, StoreError};
use crate::open::OpenError;
use crate::sources::{self, Input, Loaded, SourceError, SourceOptions};
use crate::topics::Synonyms;

/// The file of the user's own topic synonyms, in the data directory.
pub const SYNONYMS_FILE: &str = "topic-synonyms.txt";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        }
    }
}

/// Why a command did not succeed, and so its exit status.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Exit 1: the command ran but found nothing (or `check` found errors).
    #[error("{0}")]
    NotFound(String),
    /// Exit 2: the command could not run as asked.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Sources(#[from] SourceError),
    #[error(transparent)]
    Favorites(#[from] StoreError),
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Exit 2: the config file has mistakes, each said where it is.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Config(Vec<crate::config::Problem>),
    /// Exit 130, saying nothing: the user gave up (`Esc` in `profdex pick`).
    #[error("aborted")]
    Aborted,
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::NotFound(_) => 1,
            Failure::Aborted => 130,
            _ => 2,
        }
    }
}

/// Everything a command needs about where data lives.
pub struct Setup {
    pub data_dir: PathBuf,
    pub options: SourceOptions,
    pub color: ColorChoice,
    /// Where the parsed directory is kept between runs; `None` keeps none.
    pub cache_dir: Option<PathBuf>,
    /// The config file's settings (its keys are already in force).
    pub config: Config,
}

impl Setup {
    /// `data_dir` is the one asked for (flag or environment); without one,
    /// or with an empty one, the platform's data directory is used.
    pub fn new(
        data_dir: Option<PathBuf>,
        builtin: bool,
        schools: Vec<PathBuf>,
        color: ColorChoice,
        cache: bool,
    ) -> Result<Setup, Failure> {
        let data_dir = match data_dir.filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) => dir,
            None => default_data_dir().ok_or_else(|| {
                Failure::Usage(
                    "cannot find a home directory for the data directory; pass --data-dir or set PROFDEX_DATA_DIR".into(),
                )
            })?,
        };
        Ok(Setup {
            options: SourceOptions {
                builtin,
                data_dir: Some(data_dir.clone()),
                schools,
            },
            data_dir,
            color,
            cache_dir: cache.then(cache_dir).flatten(),
            config: Config::default(),
        })
    }

    /// The command that opens web pages: `$BROWSER`, else the config's
    /// `browser`, else none (the platform's opener).
    pub fn browser(&self) -> Option<String> {
        std::env::var("BROWSER")
            .ok()
            .or_else(|| self.config.defaults.browser.clone())
    }

    pub fn store(&self) -> Store {
        Store::new(self.data_dir.join("favorites.json"))
    }

    pub fn load(&self) -> Result<(Vec<Input>, Loaded), Failure> {
        let inputs = sources::discover(&self.options)?;
        let loaded = cache::load(&inputs, self.cache_dir.as_deref());
        Ok((inputs, loaded))
    }

    /// The built-in topic synonyms plus the user's ([`SYNONYMS_FILE`] in
    /// the data directory, if there is one), and what in that file could
    /// not be used, for the command line to print and the browser to show.
    /// A file that cannot be read loses only its own synonyms.
    pub fn synonyms(&self) -> (Synonyms, Vec<Diagnostic>) {
        let mut synonyms = Synonyms::builtin();
        let path = self.data_dir.join(SYNONYMS_FILE);
        let label = path.display().to_string();
        let diagnostics = match std::fs::read_to_string(&path) {
            Ok(text) => synonyms.add_groups(&label, &text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(error) => vec![Diagnostic {
                severity: Severity::Warning,
                ..Diagnostic::file_error(label, format!("{error}; its synonyms are not used"))
            }],
        };
        (synonyms, diagnostics)
    }
}

impl Setup {
    /// The `profdex check` that reads the same sources as this run, for
    /// hints that point at it: `profdex check --no-builtin --schools a.md`.
    pub fn check_command(&self) -> String {
        let mut command = String::from("profdex check");
        // What the config file sets, `check` reads from it again.
        if !self.options.builtin && self.config.defaults.builtin != Some(false) {
            command.push_str(" --no-builtin");
        }
        // One the environment names is named again where the hint is read.
        let implied = [
            default_data_dir(),
            std::env::var_os("PROFDEX_DATA_DIR").map(PathBuf::from),
        ];
        if !implied.contains(&Some(self.data_dir.clone())) {
            command.push_str(" --data-dir ");
            command.push_str(&shell_word(&self.data_dir.to_string_lossy()));
        }
        // The config's sources are the config's to name; standard input
        // is gone once read: no hint asks to read it again.
        let from_config = self.config.defaults.schools.len();
        for path in self
            .options
            .schools
            .iter()
            .skip(from_config)
            .filter(|p| !sources::is_stdin(p))
        {
            command.push_str(" --schools ");
            command.push_str(&shell_word(&path.to_string_lossy()));
        }
        command
    }
}

/// `word` as a shell reads it back: as it is when that is safe, else in
/// single quotes.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./-=:,+@%~".contains(c);
    if !word.is_empty() && word.chars().all(plain) && !word.starts_with('~') {
        return word.to_string();
    }
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// `$PROFDEX_CACHE_DIR` when set and not empty, else the platform's.
fn cache_dir() -> Option<PathBuf> {
    std::env::var_os("PROFDEX_CACHE_DIR")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(cache::default_dir)
}

/// `$XDG_DATA_HOME/profdex` or `~/.local/share/profdex` on Linux, the
/// platform's equivalent elsewhere.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "profdex").map(|dirs| dirs.data_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_hint_reads_the_same_sources() {
        let setup = |builtin, schools: &[&str]| Setup {
            data_dir: default_data_dir().unwrap_or_default(),
            options: SourceOptions {
                builtin,
                data_dir: None,
                schools: schools.iter().map(PathBuf::from).collect(),
            },
            color: ColorChoice::Never,
            cache_dir: None,
            config: Config::default(),
        };
        assert_eq!(setup(true, &[]).check_command(), "profdex check");
        assert_eq!(
            setup(false, &["a.md", "my schools/it's.md"]).check_command(),
            r"profdex check --no-builtin --schools a.md --schools 'my schools/it'\''s.md'"
        );
        let elsewhere = Setup {
            data_dir: PathBuf::from("/tmp/pd"),
            ..setup(true, &["/x/y"])
        };
        assert_eq!(
            elsewhere.check_command(),
            "profdex check --data-dir /tmp/pd --schools /x/y"
        );
    }

    #[test]
    fn a_launch_error_reaches_the_user_in_its_own_words() {
        let error = OpenError::BadBrowser("it is empty".into());
        let words = error.to_string();
        let failure = Failure::from(error);
        assert_eq!(failure.to_string(), words);
        assert_eq!(failure.exit_code(), 2);
        assert_eq!(Failure::NotFound("no one".into()).exit_code(), 1);
    }
}
