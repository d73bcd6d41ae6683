//! `config.toml`: keys, theme and defaults, read once before the terminal
//! is touched. A file with mistakes is refused whole, each mistake said as
//! `path:line:col: error: …`, so that what runs is what the file says.

mod file;
pub mod keymap;
pub mod names;
mod sample;
pub mod style;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use crate::layout::Pane;
use crate::theme::Theme;

pub use file::{PANES, pane_name, parse};
pub use keymap::{Keymap, Rebinding};
pub use sample::default_file;
pub use style::{Preset, StyleOverride, ThemeSpec};

/// The environment variable naming the config file.
pub const ENV: &str = "PROFDEX_CONFIG";

/// Where the config file is looked for, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// `None` with `--no-config`, or when there is no home directory.
    pub path: Option<PathBuf>,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    Default,
    Disabled,
}

impl Origin {
    pub fn describe(self) -> &'static str {
        match self {
            Origin::Flag => "--config",
            Origin::Env => "PROFDEX_CONFIG",
            Origin::Default => "the default place",
            Origin::Disabled => "--no-config",
        }
    }
}

/// Where the config is: `--config`, else `PROFDEX_CONFIG`, else the
/// platform's config directory; nowhere with `--no-config`.
pub fn locate(flag: Option<&Path>, env: Option<PathBuf>, disabled: bool) -> Location {
    let (path, origin) = if disabled {
        (None, Origin::Disabled)
    } else if let Some(path) = flag {
        (Some(path.to_path_buf()), Origin::Flag)
    } else if let Some(path) = env.filter(|p| !p.as_os_str().is_empty()) {
        (Some(path), Origin::Env)
    } else {
        (default_path(), Origin::Default)
    };
    Location { path, origin }
}

/// `<config dir>/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "profdex")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// What `[defaults]` sets; `None` leaves the built-in default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defaults {
    /// Read before any `--schools`, relative paths made relative to the file.
    pub schools: Vec<PathBuf>,
    pub builtin: Option<bool>,
    pub start_pane: Option<Pane>,
    pub schools_width: Option<u16>,
    pub status_duration: Option<Duration>,
    pub mouse: Option<bool>,
    pub browser: Option<String>,
}

/// A config as read: nothing set is the built-in behaviour.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where the file is, or would be at the default place; `None` with
    /// `--no-config`.
    pub path: Option<PathBuf>,
    pub rebindings: Vec<Rebinding>,
    pub theme: ThemeSpec,
    pub defaults: Defaults,
}

/// A mistake in a config file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// From 1; 0 when the mistake is the file as a whole.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: error: {}", self.path, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: error: {}",
                self.path, self.line, self.column, self.message
            )
        }
    }
}

/// The config at `location`, checked whole: its keys merged with the
/// defaults. A missing file at the default place is no config; one named
/// on purpose must be there.
pub fn load(location: &Location) -> Result<(Config, Keymap), Vec<Problem>> {
    let Some(path) = &location.path else {
        return Ok((Config::default(), Keymap::defaults()));
    };
    let label = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error)
            if error.kind() == std::io::ErrorKind::NotFound
                && location.origin == Origin::Default =>
        {
            let config = Config {
                path: Some(path.clone()),
                ..Config::default()
            };
            return Ok((config, Keymap::defaults()));
        }
        Err(error) => {
            return Err(vec![Problem {
                path: label,
                line: 0,
                column: 0,
                message: format!("cannot read the config file: {error}"),
            }]);
        }
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let (mut config, mut problems) = file::parse(&text, &label, base);
    let keymap = Keymap::with(&config.rebindings).map_err(|errors| {
        for error in errors {
            problems.push(file::problem(&text, &label, error.at, error.message));
        }
    });
    config.path = Some(path.clone());
    match keymap {
        Ok(keymap) if problems.is_empty() => Ok((config, keymap)),
        _ => {
            problems.sort_by_key(|p| (p.line, p.column));
            Err(problems)
        }
    }
}

/// The settings the screen reads while it runs, put in force once, like
/// the keys, before the terminal is touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub schools_width: Option<u16>,
    pub status_duration: Duration,
    pub mouse: bool,
}

/// How long a status message stays by default.
pub const STATUS_DURATION: Duration = Duration::from_secs(5);

impl Default for Screen {
    fn default() -> Screen {
        Screen {
            schools_width: None,
            status_duration: STATUS_DURATION,
            mouse: true,
        }
    }
}

impl Screen {
    pub fn of(defaults: &Defaults) -> Screen {
        let built_in = Screen::default();
        Screen {
            schools_width: defaults.schools_width,
            status_duration: defaults.status_duration.unwrap_or(built_in.status_duration),
            mouse: defaults.mouse.unwrap_or(built_in.mouse),
        }
    }
}

static SCREEN: OnceLock<Screen> = OnceLock::new();

/// Puts `screen` and `keymap` in force for the rest of the run.
pub fn install(screen: Screen, keymap: Keymap) {
    let _ = SCREEN.set(screen);
    keymap::install(keymap);
}

pub fn screen() -> &'static Screen {
    SCREEN.get_or_init(Screen::default)
}

impl Config {
    /// The theme for a terminal: the preset with its overrides, unless
    /// colour is off (`--color never`, `NO_COLOR`), which always wins.
    pub fn theme(&self, color: bool) -> Theme {
        let plain = Theme::new(color);
        if plain == Theme::monochrome() {
            return plain;
        }
        self.theme.build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_colour_wins_over_any_theme() {
        let config = Config {
            theme: ThemeSpec {
                preset: Preset::Light,
                overrides: vec![("star", StyleOverride::default())],
            },
            ..Config::default()
        };
        assert_eq!(config.theme(false), Theme::monochrome());
    }

    #[test]
    fn the_config_is_found_by_flag_then_environment_then_default() {
        let flag = Path::new("/f.toml");
        let env = Some(PathBuf::from("/e.toml"));
        let found = |f: Option<&Path>, e: Option<PathBuf>, off| {
            let location = locate(f, e, off);
            (location.path, location.origin)
        };
        assert_eq!(
            found(Some(flag), env.clone(), false),
            (Some(flag.into()), Origin::Flag)
        );
        assert_eq!(found(None, env.clone(), false), (env.clone(), Origin::Env));
        assert_eq!(found(None, None, false), (default_path(), Origin::Default));
        // An empty variable is no variable.
        assert_eq!(found(None, Some(PathBuf::new()), false).1, Origin::Default);
        assert_eq!(found(Some(flag), env, true), (None, Origin::Disabled));
    }

    #[test]
    fn a_missing_file_is_fine_only_at_the_default_place() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("absent.toml");
        let at = |origin| Location {
            path: Some(path.clone()),
            origin,
        };
        assert!(load(&at(Origin::Default)).is_ok());
        let problems = load(&at(Origin::Env)).err().unwrap_or_default();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .contains("absent.toml: error: cannot read")
        );
    }
}
