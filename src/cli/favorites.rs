//! `favorites` and `favorite add|remove`: the bookmarks.

use std::io::Write;

use super::resolve::{self, Favorite};
use super::{FavoriteAction, Session};
use crate::favorites::today;
use crate::model::PersonId;
use crate::report::{Paint, PersonJson};
use crate::sanitize::sanitize;
use crate::setup::Failure;

impl Session<'_> {
    pub(super) fn list_favorites(&self, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let resolved = self.favorites.resolve(&self.directory);
        let keys = self.favorites.keys();
        if json {
            let present: Vec<PersonId> = resolved.iter().flatten().copied().collect();
            let report = self.report_on(&present);
            let rows = keys
                .iter()
                .zip(&resolved)
                .map(|(key, person)| match person {
                    Some(person) => report.person_json(*person),
                    None => PersonJson::missing(key),
                });
            report.json(out, rows)?;
        } else {
            let report = self.report();
            // Namesakes are listed with what tells them apart; `labels`
            // has one for each favorite in the data.
            let present: Vec<PersonId> = resolved.iter().flatten().copied().collect();
            let mut labels = resolve::told_apart(&self.directory, &present).into_iter();
            let mut shown = keys.to_vec();
            for (key, person) in shown.iter_mut().zip(&resolved) {
                if person.is_some()
                    && let Some(label) = labels.next().flatten()
                {
                    key.name = format!("{} ({label})", key.name);
                }
            }
            report.favorites(out, &shown, &resolved)?;
        }
        if keys.is_empty() {
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
                let person = resolve::person(&self.directory, &query.text()?, school)?;
                let (_, added) = store
                    .update(|favorites| favorites.add_person(&self.directory, person, &today()))?;
                let what = if added {
                    "Added"
                } else {
                    "Already a favorite:"
                };
                writeln!(out, "{what} {}", self.who(person, &self.paint))?;
            }
            FavoriteAction::Remove { query, school } => {
                let school = self.school(school.as_deref())?;
                let text = query.text()?;
                let who = match resolve::favorite(&self.directory, &self.favorites, &text, school)?
                {
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
        let apart = resolve::told_apart(&self.directory, &[person])
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
