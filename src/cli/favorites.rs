//! `favorites` and `favorite add|remove`: the bookmarks.

use std::io::Write;

use super::args::ExportFormat;
use super::resolve::{self, Favorite};
use super::shortlist::Statuses;
use super::{FavoriteAction, Session};
use crate::favorites::{Details, FavoriteKey, today};
use crate::model::PersonId;
use crate::report::{Paint, PersonJson};
use crate::sanitize::sanitize;
use crate::setup::Failure;

impl Session<'_> {
    /// `favorites`: the favorites with `statuses` (all when none is
    /// given), as text, JSON or an export.
    pub(super) fn list_favorites(
        &self,
        json: bool,
        export: Option<ExportFormat>,
        statuses: &[String],
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let wanted = Statuses::new(statuses);
        let all = self.favorites.resolve(&self.directory);
        let shown: Vec<usize> = (0..all.len())
            .filter(|&at| wanted.admit(self.favorites.details()[at].status.as_deref()))
            .collect();
        let keys: Vec<&FavoriteKey> = shown.iter().map(|&at| &self.favorites.keys()[at]).collect();
        let details: Vec<&Details> = shown
            .iter()
            .map(|&at| &self.favorites.details()[at])
            .collect();
        let resolved: Vec<Option<PersonId>> = shown.iter().map(|&at| all[at]).collect();
        let present: Vec<PersonId> = resolved.iter().flatten().copied().collect();
        if let Some(format) = export {
            self.export(format, &keys, &resolved, &details, out)?;
        } else if json {
            let report = self.report_on(&present);
            let rows = keys
                .iter()
                .zip(&resolved)
                .zip(&details)
                .map(|((key, person), details)| {
                    match person {
                        Some(person) => report.person_json(*person),
                        None => PersonJson::missing(key),
                    }
                    .with_details(details)
                });
            report.json(out, rows)?;
        } else {
            let report = self.report();
            // Namesakes are listed with what tells them apart; `labels`
            // has one for each favorite in the data.
            let mut labels = crate::namesakes::told_apart(&self.directory, &present).into_iter();
            let mut named: Vec<FavoriteKey> = keys.iter().map(|&key| key.clone()).collect();
            for (key, person) in named.iter_mut().zip(&resolved) {
                if person.is_some()
                    && let Some(label) = labels.next().flatten()
                {
                    key.name = format!("{} ({label})", key.name);
                }
            }
            report.favorites(out, &named, &resolved, &details)?;
        }
        if shown.is_empty() && !all.is_empty() {
            return Err(Failure::NotFound(format!(
                "no favorites with status {}",
                wanted.describe()
            )));
        }
        if shown.is_empty() {
            return Err(Failure::NotFound(
                "no favorites yet; add one with `profdex favorite add NAME`".into(),
            ));
        }
        Ok(())
    }

    pub(super) fn change_favorite(
        &self,
        action: FavoriteAction,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let store = self.setup.store();
        match action {
            FavoriteAction::Add { query, school } => {
                let school = self.school(school.as_deref())?;
                let person = resolve::person(self.setup, &self.directory, &query.text()?, school)?;
                let (_, added) = store
                    .update(|favorites| favorites.add_person(&self.directory, person, &today()))?;
                let what = if added {
                    "Added"
                } else {
                    "Already a favorite:"
                };
                writeln!(out, "{what} {}", self.who(person, &self.paint))?;
            }
            FavoriteAction::Note {
                query,
                text,
                clear,
                school,
            } => {
                let text = text.filter(|_| !clear);
                return self.set_note(&query, text, school.as_deref(), out);
            }
            FavoriteAction::Status {
                query,
                status,
                clear,
                school,
            } => {
                let status = status.filter(|_| !clear);
                return self.set_status(&query, status.as_deref(), school.as_deref(), out);
            }
            FavoriteAction::Remove { query, school } => {
                let school = self.school(school.as_deref())?;
                let text = query.text()?;
                let who = match resolve::favorite(
                    self.setup,
                    &self.directory,
                    &self.favorites,
                    &text,
                    school,
                )? {
                    // Every favorite that finds them, in the file as it is now.
                    Favorite::Present(person) => {
                        store
                            .update(|favorites| favorites.remove_person(&self.directory, person))?;
                        self.who(person, &self.paint)
                    }
                    Favorite::Missing(key) => {
                        store.update(|favorites| favorites.remove(&key))?;
                        format!("{} ({})", self.paint.bold(&key.name), sanitize(&key.school))
                    }
                };
                writeln!(out, "Removed {who}")?;
            }
        }
        Ok(())
    }

    /// Whom a command acted on, for the terminal: "Ada Lee (b.example)
    /// (Lee U)", with what tells them apart from namesakes, if any.
    pub(super) fn who(&self, person: PersonId, paint: &Paint) -> String {
        let faculty = &self.directory.people[person];
        let apart = crate::namesakes::told_apart(&self.directory, &[person])
            .pop()
            .flatten()
            .map(|label| format!(" ({})", sanitize(&label)))
            .unwrap_or_default();
        format!(
            "{}{apart} ({})",
            paint.bold(faculty.name()),
            sanitize(&self.directory.school_of(faculty).name)
        )
    }
}
