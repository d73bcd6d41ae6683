//! Reading `config.toml`: the `toml` crate's spanned tables, walked here so
//! that every key and every value is checked where it is written, and
//! every mistake said at its line and column.

use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::style::{Color, Modifier};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keymap::Rebinding;
use super::names::{self, did_you_mean};
use super::style::{self, MODIFIERS, PRESETS, StyleOverride};
use super::{Config, Defaults, Problem};
use crate::app::Mode;
use crate::layout::Pane;

pub const SECTIONS: &[&str] = &["keys", "theme", "defaults"];
pub const DEFAULT_KEYS: &[&str] = &[
    "schools",
    "builtin",
    "start-pane",
    "schools-width",
    "status-duration",
    "mouse",
    "browser",
];
pub const PANES: &[(&str, Pane)] = &[
    ("schools", Pane::Schools),
    ("topics", Pane::Topics),
    ("faculty", Pane::Faculty),
    ("detail", Pane::Detail),
];
pub fn pane_name(pane: Pane) -> &'static str {
    PANES
        .iter()
        .find(|&&(_, p)| p == pane)
        .map_or("schools", |&(n, _)| n)
}

/// The schools pane's width in columns, as far as the layout can give.
pub const SCHOOLS_WIDTH: std::ops::RangeInclusive<i64> = 16..=80;

type Value<'a> = Spanned<DeValue<'a>>;

/// `text`'s settings and its mistakes; `label` names it in messages and
/// `base` is where its relative paths start.
pub fn parse(text: &str, label: &str, base: &Path) -> (Config, Vec<Problem>) {
    let mut reader = Reader {
        text,
        label,
        base,
        problems: Vec::new(),
        config: Config::default(),
    };
    match DeTable::parse(text) {
        Ok(table) => reader.document(table.get_ref()),
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            let message = error.message().trim().replace('\n', " ");
            reader.problems.push(problem(text, label, at, message));
        }
    }
    // Said in the order of the file, whatever order the tables keep.
    reader.problems.sort_by_key(|p| (p.line, p.column));
    (reader.config, reader.problems)
}

/// A problem at byte `at` of `text`.
pub fn problem(text: &str, label: &str, at: usize, message: String) -> Problem {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[start..].chars().count() + 1;
    Problem {
        path: label.to_string(),
        line,
        column,
        message,
    }
}

struct Reader<'t> {
    text: &'t str,
    label: &'t str,
    base: &'t Path,
    problems: Vec<Problem>,
    config: Config,
}

fn kind(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn integer(value: &DeValue) -> Option<i64> {
    let number = value.as_integer()?;
    i64::from_str_radix(number.as_str(), number.radix()).ok()
}

impl Reader<'_> {
    fn error(&mut self, at: usize, message: impl Into<String>) {
        let problem = problem(self.text, self.label, at, message.into());
        self.problems.push(problem);
    }

    fn wrong_type(&mut self, what: &str, value: &Value, wanted: &str) {
        let message = format!("`{what}` must be {wanted}, not {}", kind(value.get_ref()));
        self.error(value.span().start, message);
    }

    fn unknown<'n>(
        &mut self,
        at: usize,
        what: &str,
        wrong: &str,
        known: impl IntoIterator<Item = &'n str> + Clone,
    ) {
        let suggestion = if let Some(near) = did_you_mean(wrong, known.clone()) {
            format!(" (did you mean `{near}`?)")
        } else {
            let all: Vec<&str> = known.into_iter().collect();
            if all.len() > 12 {
                "; `profdex config default` lists every name".to_string()
            } else {
                format!("; known: {}", all.join(", "))
            }
        };
        let message = format!("unknown {what} `{wrong}`{suggestion}");
        self.error(at, message);
    }

    fn table<'v, 'a>(&mut self, what: &str, value: &'v Value<'a>) -> Option<&'v DeTable<'a>> {
        if let DeValue::Table(table) = value.get_ref() {
            Some(table)
        } else {
            self.wrong_type(what, value, "a table");
            None
        }
    }

    fn document(&mut self, table: &DeTable) {
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "keys" => {
                    if let Some(keys) = self.table("keys", value) {
                        self.keys(keys);
                    }
                }
                "theme" => {
                    if let Some(theme) = self.table("theme", value) {
                        self.theme(theme);
                    }
                }
                "defaults" => {
                    if let Some(defaults) = self.table("defaults", value) {
                        self.defaults(defaults);
                    }
                }
                other => self.unknown(key.span().start, "section", other, SECTIONS.iter().copied()),
            }
        }
    }

    /// `[keys.<mode>]` tables; an action right under `[keys]` is browsing's.
    fn keys(&mut self, table: &DeTable) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            if let DeValue::Table(actions) = value.get_ref() {
                match names::mode(name) {
                    Some(mode) => {
                        for (action, keys) in actions {
                            self.binding(mode, action, keys);
                        }
                    }
                    None => self.unknown(
                        key.span().start,
                        "mode",
                        name,
                        names::MODES.iter().map(|(n, _)| *n),
                    ),
                }
            } else {
                self.binding(Mode::Browse, key, value);
            }
        }
    }

    fn binding(&mut self, mode: Mode, action: &Spanned<std::borrow::Cow<str>>, value: &Value) {
        let name = action.get_ref().as_ref();
        let Some(action) = names::action(name) else {
            let known = names::ACTIONS.iter().map(|(n, _)| *n);
            self.unknown(action.span().start, "action", name, known);
            return;
        };
        let written: Vec<(&str, usize)> = match value.get_ref() {
            DeValue::String(key) => vec![(key.as_ref(), value.span().start)],
            DeValue::Array(items) => {
                let mut keys = Vec::new();
                for item in items {
                    match item.get_ref() {
                        DeValue::String(key) => keys.push((key.as_ref(), item.span().start)),
                        _ => self.wrong_type(name, item, "a key name"),
                    }
                }
                keys
            }
            _ => {
                self.wrong_type(name, value, "a key name or an array of them");
                return;
            }
        };
        let mut keys = Vec::new();
        let unbinds = written.len() == 1 && written[0].0 == "none";
        for (key, at) in written.into_iter().filter(|_| !unbinds) {
            match names::parse_key(key) {
                Some(key) => keys.push(key),
                None => self.error(
                    at,
                    format!(
                        "unknown key name `{key}` (keys are written j, G, ctrl-r, alt-b, shift-tab, enter, esc, space, f1, …; \"none\" unbinds)"
                    ),
                ),
            }
        }
        self.config.rebindings.push(Rebinding {
            mode,
            action: action.clone(),
            keys,
            at: value.span().start,
        });
    }

    fn theme(&mut self, table: &DeTable) {
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            if name == "preset" {
                let preset = value.get_ref().as_str();
                match preset.and_then(|p| PRESETS.iter().find(|(n, _)| *n == p)) {
                    Some(&(_, preset)) => self.config.theme.preset = preset,
                    None if preset.is_none() => self.wrong_type("preset", value, "a string"),
                    None => self.unknown(
                        value.span().start,
                        "preset",
                        preset.unwrap_or_default(),
                        PRESETS.iter().map(|(n, _)| *n),
                    ),
                }
                continue;
            }
            let Some(&(role, _)) = names::ROLES.iter().find(|(n, _)| *n == name) else {
                let known = std::iter::once("preset").chain(names::ROLES.iter().map(|(n, _)| *n));
                self.unknown(key.span().start, "theme role", name, known);
                continue;
            };
            if let Some(change) = self.style(name, value) {
                self.config.theme.overrides.push((role, change));
            }
        }
    }

    /// A role's style: a colour (its foreground), or `{ fg, bg, modifiers }`.
    fn style(&mut self, role: &str, value: &Value) -> Option<StyleOverride> {
        let DeValue::Table(table) = value.get_ref() else {
            return Some(StyleOverride {
                fg: Some(self.color(role, value)?),
                ..StyleOverride::default()
            });
        };
        let mut change = StyleOverride::default();
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "fg" => change.fg = Some(self.color("fg", value)?),
                "bg" => change.bg = Some(self.color("bg", value)?),
                "modifiers" => change.modifiers = Some(self.modifiers(value)?),
                other => {
                    self.unknown(
                        key.span().start,
                        "style key",
                        other,
                        ["fg", "bg", "modifiers"],
                    );
                    return None;
                }
            }
        }
        Some(change)
    }

    fn color(&mut self, what: &str, value: &Value) -> Option<Color> {
        match value.get_ref() {
            DeValue::String(text) => {
                let color = style::parse_color(text);
                if color.is_none() {
                    self.error(
                        value.span().start,
                        format!(
                            "unknown colour `{text}` (a name such as `cyan` or `dark-gray`, `#rrggbb`, or 0-255)"
                        ),
                    );
                }
                color
            }
            other => match integer(other).and_then(|n| u8::try_from(n).ok()) {
                Some(index) => Some(Color::Indexed(index)),
                None if other.is_integer() => {
                    self.error(value.span().start, "a colour index is 0 to 255");
                    None
                }
                None => {
                    self.wrong_type(what, value, "a colour name, \"#rrggbb\" or 0-255");
                    None
                }
            },
        }
    }

    fn modifiers(&mut self, value: &Value) -> Option<Modifier> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type("modifiers", value, "an array such as [\"bold\"]");
            return None;
        };
        let mut all = Modifier::empty();
        for item in items {
            let name = item.get_ref().as_str();
            match name.and_then(|n| MODIFIERS.iter().find(|(m, _)| *m == n)) {
                Some(&(_, modifier)) => all |= modifier,
                None if name.is_none() => {
                    self.wrong_type("modifiers", item, "an array of strings");
                    return None;
                }
                None => {
                    let known = MODIFIERS.iter().map(|(n, _)| *n);
                    self.unknown(
                        item.span().start,
                        "modifier",
                        name.unwrap_or_default(),
                        known,
                    );
                    return None;
                }
            }
        }
        Some(all)
    }

    fn defaults(&mut self, table: &DeTable) {
        let mut defaults = Defaults::default();
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            let at = value.span().start;
            let inner = value.get_ref();
            match name {
                "schools" => defaults.schools = self.schools(value),
                "builtin" | "mouse" => match inner.as_bool() {
                    Some(on) if name == "builtin" => defaults.builtin = Some(on),
                    Some(on) => defaults.mouse = Some(on),
                    None => self.wrong_type(name, value, "true or false"),
                },
                "start-pane" => match inner.as_str() {
                    Some(pane) => match PANES.iter().find(|(n, _)| *n == pane) {
                        Some(&(_, pane)) => defaults.start_pane = Some(pane),
                        None => self.unknown(at, "pane", pane, PANES.iter().map(|(n, _)| *n)),
                    },
                    None => self.wrong_type(name, value, "a pane's name"),
                },
                "schools-width" => match integer(inner) {
                    Some(width) if SCHOOLS_WIDTH.contains(&width) => {
                        defaults.schools_width = u16::try_from(width).ok();
                    }
                    Some(_) => self.error(
                        at,
                        format!(
                            "`schools-width` is {} to {} columns",
                            SCHOOLS_WIDTH.start(),
                            SCHOOLS_WIDTH.end()
                        ),
                    ),
                    None => self.wrong_type(name, value, "a number of columns"),
                },
                "status-duration" => match inner.as_str() {
                    Some(text) => match duration(text) {
                        Some(time) => defaults.status_duration = Some(time),
                        None => self.error(
                            at,
                            format!(
                                "`{text}` is not a duration such as \"4s\", \"1500ms\" or \"1m\""
                            ),
                        ),
                    },
                    None => self.wrong_type(name, value, "a duration such as \"4s\""),
                },
                "browser" => match inner.as_str() {
                    Some(command) if shell_words::split(command).is_ok_and(|w| !w.is_empty()) => {
                        defaults.browser = Some(command.to_string());
                    }
                    Some(_) => self.error(at, "`browser` must be a command (`%s` is the URL)"),
                    None => self.wrong_type(name, value, "a command"),
                },
                other => self.unknown(
                    key.span().start,
                    "key in [defaults]",
                    other,
                    DEFAULT_KEYS.iter().copied(),
                ),
            }
        }
        self.config.defaults = defaults;
    }

    /// Folders or files, `~` being the home directory and relative paths
    /// relative to the config file.
    fn schools(&mut self, value: &Value) -> Vec<PathBuf> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type("schools", value, "an array of paths");
            return Vec::new();
        };
        let mut paths = Vec::new();
        for item in items {
            let Some(text) = item.get_ref().as_str() else {
                self.wrong_type("schools", item, "a path");
                continue;
            };
            match expand(text, self.base) {
                Some(path) => paths.push(path),
                None => self.error(item.span().start, "no home directory to expand `~` with"),
            }
        }
        paths
    }
}

fn expand(text: &str, base: &Path) -> Option<PathBuf> {
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    let path = if text == "~" {
        home()?
    } else if let Some(rest) = text.strip_prefix("~/") {
        home()?.join(rest)
    } else {
        PathBuf::from(text)
    };
    Some(if path.is_absolute() {
        path
    } else {
        base.join(path)
    })
}

/// `"4s"`, `"1500ms"`, `"1m"`, `"0.5s"`.
pub fn duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let seconds = match unit.trim() {
        "ms" => number / 1000.0,
        "s" => number,
        "m" => number * 60.0,
        _ => return None,
    };
    (seconds.is_finite() && (0.0..=86_400.0).contains(&seconds))
        .then(|| Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests;
