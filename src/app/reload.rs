//! New data under a running browser: the directory read again (by
//! `Ctrl-r`, or because its files changed) swapped in with the user's place
//! kept, and the favorites as another profdex left them.

use std::fmt::{self, Write as _};
use std::sync::Arc;

use super::{App, Catalogue, Effect, Place, RelatedPeople, SchoolFilter, Scope, Shortlist};
use crate::diag::Diagnostic;
use crate::favorites::Favorites;

/// The directory read again, its catalogue built off the interface's
/// thread, and what changed.
#[derive(Clone)]
pub struct Reloaded {
    catalogue: Arc<Catalogue>,
    pub summary: ReloadSummary,
}

impl Reloaded {
    pub fn new(catalogue: Catalogue, summary: ReloadSummary) -> Reloaded {
        Reloaded {
            catalogue: Arc::new(catalogue),
            summary,
        }
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }
}

impl PartialEq for Reloaded {
    fn eq(&self, other: &Reloaded) -> bool {
        Arc::ptr_eq(&self.catalogue, &other.catalogue) && self.summary == other.summary
    }
}

impl Eq for Reloaded {}

impl fmt::Debug for Reloaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reloaded")
            .field("people", &self.catalogue.everyone().len())
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

/// What a reload changed, for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReloadSummary {
    /// Asked for with `Ctrl-r`, which is answered even when nothing changed.
    pub by_hand: bool,
    /// The same people and schools as before, and no new diagnostics.
    pub unchanged: bool,
    pub people_before: usize,
    /// The names of files read before and not now (deleted, or their folder).
    pub files_gone: Vec<String>,
    /// Schools listed before and not now.
    pub schools_gone: Vec<String>,
    /// Diagnostics the last load did not have, how many are errors, and
    /// the first of them.
    pub new_diagnostics: usize,
    pub new_errors: usize,
    pub first_new: Option<Diagnostic>,
}

impl ReloadSummary {
    /// What the status line says of a reload to `schools` schools and
    /// `people` people, and whether it is an error.
    pub fn said(&self, schools: usize, people: usize) -> (String, bool) {
        let mut counted = format!(
            "{people} {} in {schools} school{}",
            if people == 1 { "person" } else { "people" },
            plural(schools)
        );
        if self.unchanged {
            return (format!("Reloaded, nothing changed: {counted}"), false);
        }
        if people != self.people_before {
            let change = people.abs_diff(self.people_before);
            let sign = if people > self.people_before {
                '+'
            } else {
                '−'
            };
            let _ = write!(counted, " ({sign}{change})");
        }
        // What most needs reading comes first: a long line is cut at the right.
        let mut parts = Vec::new();
        let diagnostics = self.diagnostics();
        if self.new_errors > 0 {
            parts.extend(diagnostics.clone());
        }
        parts.extend(self.gone());
        parts.push(counted);
        if self.new_errors == 0 {
            parts.extend(diagnostics);
        }
        (
            format!("Reloaded: {}", parts.join("; ")),
            self.new_errors > 0,
        )
    }

    /// What files and schools went, if any did.
    fn gone(&self) -> Option<String> {
        let files = self
            .files_gone
            .first()
            .map(|file| match self.files_gone.len() {
                1 => format!("{file} is gone"),
                n => format!("{file} and {} more files are gone", n - 1),
            });
        let schools = self.schools_gone.first().map(|school| {
            match (self.schools_gone.len(), files.is_some()) {
                (1, false) => format!("{school} is gone"),
                (1, true) => format!("and {school} with it"),
                (n, false) => format!("{school} and {} more schools are gone", n - 1),
                (n, true) => format!("and {n} schools with them"),
            }
        });
        let gone: Vec<String> = files.into_iter().chain(schools).collect();
        (!gone.is_empty()).then(|| gone.join(", "))
    }

    /// How many diagnostics are new, and the first (an error if any is).
    fn diagnostics(&self) -> Option<String> {
        let first = self.first_new.as_ref()?;
        let (n, errors) = (self.new_diagnostics, self.new_errors);
        let mut text = if errors > 0 {
            format!("{errors} new error{}", plural(errors))
        } else {
            format!("{n} new warning{}", plural(n))
        };
        if errors > 0 && errors < n {
            let _ = write!(text, " and {} more", n - errors);
        }
        // The file's name is enough on a status line; `check` says the path.
        let name = std::path::Path::new(&first.path)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        let first = Diagnostic {
            path: name.unwrap_or_else(|| first.path.clone()),
            ..first.clone()
        };
        let _ = write!(text, ", first: {first}");
        Some(text)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl App {
    /// Swaps in the directory read again. The filter, the school (by
    /// name), the topic chosen and the selected person (as a favorite
    /// names them) are kept where they still exist, the favorites found
    /// again in the new data, and the panes' filters kept.
    pub(super) fn reload(&mut self, reloaded: Reloaded, effects: &mut Vec<Effect>) {
        let place = self.current_place();
        let row = self.people.selected();
        let Reloaded { catalogue, summary } = reloaded;
        self.catalogue = Arc::unwrap_or_clone(catalogue);
        let directory = self.catalogue.directory();
        self.shortlist = Shortlist::new(self.shortlist.favorites().clone(), directory);
        let schools_line = self.school_filter.line().text().to_owned();
        self.school_filter = SchoolFilter::new(directory);
        self.school_filter
            .line_mut()
            .insert(&schools_line, super::schools::MAX_SCHOOL_FILTER_CHARS);
        self.school_filter.refresh();
        // Its people and its history of jumps are ids of the old data.
        self.related = RelatedPeople::default();
        self.search.rebase();
        let place = Place {
            // The panes stay as they are.
            focus: None,
            left: None,
            ..place
        };
        self.go_to_place(&place, row, effects);
        let directory = self.catalogue.directory();
        let (text, is_error) = summary.said(directory.schools.len(), directory.people.len());
        self.set_status(text, is_error);
        self.act_deferred(effects);
    }

    /// The favorites file changed on disk (another profdex wrote it): the
    /// stars follow it. Nothing is said when it holds what is shown (this
    /// browser's own save).
    pub(super) fn favorites_changed(
        &mut self,
        read: Result<Favorites, String>,
        effects: &mut Vec<Effect>,
    ) {
        let favorites = match read {
            Ok(favorites) => favorites,
            Err(error) => {
                self.set_status(format!("Favorites not read again: {error}"), true);
                return;
            }
        };
        let before = self.shortlist.favorites();
        if favorites == *before {
            return;
        }
        let added = favorites
            .keys()
            .iter()
            .filter(|key| !before.contains(key))
            .count();
        let removed = before
            .keys()
            .iter()
            .filter(|key| !favorites.contains(key))
            .count();
        self.shortlist = Shortlist::new(favorites, self.catalogue.directory());
        if self.scope() == Scope::Favorites {
            self.search.forget();
            self.refilter(super::filter::Keep::Row, effects);
        }
        let change = match (added, removed) {
            (0, 0) => "edited".to_owned(),
            (added, 0) => format!("{added} added"),
            (0, removed) => format!("{removed} removed"),
            (added, removed) => format!("{added} added, {removed} removed"),
        };
        // It never takes the place of what the user's own last key said
        // (the confirmation of a bookmark, an error).
        self.screen
            .set_news(format!("★ Favorites changed elsewhere: {change}"));
    }
}

#[cfg(test)]
mod tests;
