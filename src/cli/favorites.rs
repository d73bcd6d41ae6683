//! `favorites` and `favorite add|remove`: the bookmarks.

use std::io::Write;

use super::{FavoriteAction, Session, resolve};
use crate::favorites::FavoriteKey;
use crate::report::PersonJson;
use crate::sanitize::sanitize;
use crate::setup::Failure;

impl Session<'_> {
    pub(super) fn list_favorites(&self, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let report = self.report();
        let resolved = self.favorites.resolve(&self.directory);
        let keys = self.favorites.keys();
        if json {
            let rows = keys
                .iter()
                .zip(&resolved)
                .map(|(key, person)| match person {
                    Some(person) => report.person_json(*person),
                    None => PersonJson::missing(key),
                });
            report.json(out, rows)?;
        } else {
            report.favorites(out, keys, &resolved)?;
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
            FavoriteAction::Add { query } => {
                let person = resolve::person(&self.directory, &query.text()?)?;
                let key = FavoriteKey::of(&self.directory, &self.directory.people[person]);
                let (_, added) = store.update(|favorites| favorites.add(key.clone()))?;
                let what = if added {
                    "Added"
                } else {
                    "Already a favorite:"
                };
                writeln!(
                    out,
                    "{what} {} ({})",
                    self.paint.bold(&key.name),
                    sanitize(&key.school)
                )?;
            }
            FavoriteAction::Remove { query } => {
                let key = resolve::favorite(&self.directory, &self.favorites, &query.text()?)?;
                store.update(|favorites| favorites.remove(&key))?;
                writeln!(
                    out,
                    "Removed {} ({})",
                    self.paint.bold(&key.name),
                    sanitize(&key.school)
                )?;
            }
        }
        Ok(())
    }
}
