//! Favorites (bookmarks), kept in `<data dir>/favorites.json` by [`Store`].
//!
//! A favorite is identified by its school's name and the person's name,
//! compared case-insensitively with white space folded: it survives
//! reordering and editing of every other field. A favorite whose person is
//! no longer in the data is kept, never dropped, so that a file that fails to
//! load for a day does not silently shed bookmarks.

mod store;

use std::collections::HashMap;
use std::mem;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{Directory, Person, PersonId, identity_key};

pub use store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FavoriteKey {
    pub school: String,
    pub name: String,
}

impl FavoriteKey {
    pub fn of(directory: &Directory, person: &Person) -> FavoriteKey {
        FavoriteKey {
            school: directory.school_of(person).name.clone(),
            name: person.name.clone(),
        }
    }

    fn identity(&self) -> (String, String) {
        (identity_key(&self.school), identity_key(&self.name))
    }

    pub fn same_as(&self, other: &FavoriteKey) -> bool {
        self.identity() == other.identity()
    }
}

/// The bookmarks in the order they were added.
///
/// Keys of the file this version does not know (written by a later version
/// or by hand) are kept as they were and written back, at the top level and
/// per favorite, so that saving never sheds what others added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Favorites {
    keys: Vec<FavoriteKey>,
    /// Beside `keys`, one per favorite.
    unknown: Vec<Map<String, Value>>,
    unknown_top: Map<String, Value>,
}

impl Favorites {
    pub fn keys(&self) -> &[FavoriteKey] {
        &self.keys
    }

    pub fn contains(&self, key: &FavoriteKey) -> bool {
        self.keys.iter().any(|k| k.same_as(key))
    }

    /// Adds `key` unless present; true when it was added.
    pub fn add(&mut self, key: FavoriteKey) -> bool {
        let added = !self.contains(&key);
        if added {
            self.keys.push(key);
            self.unknown.push(Map::new());
        }
        added
    }

    /// Removes `key` if present; true when it was removed.
    pub fn remove(&mut self, key: &FavoriteKey) -> bool {
        let before = self.keys.len();
        let kept = mem::take(&mut self.keys)
            .into_iter()
            .zip(mem::take(&mut self.unknown))
            .filter(|(k, _)| !k.same_as(key));
        (self.keys, self.unknown) = kept.unzip();
        self.keys.len() != before
    }

    /// Each favorite's person in `directory`, or `None` for one that is no
    /// longer there. One pass over the people of the schools concerned.
    pub fn resolve(&self, directory: &Directory) -> Vec<Option<PersonId>> {
        let mut wanted: HashMap<(String, String), usize> = HashMap::new();
        for (position, key) in self.keys.iter().enumerate() {
            wanted.entry(key.identity()).or_insert(position);
        }
        let school_keys: Vec<Option<String>> = directory
            .schools
            .iter()
            .map(|school| {
                let key = identity_key(&school.name);
                wanted.keys().any(|(s, _)| *s == key).then_some(key)
            })
            .collect();
        let mut found = vec![None; self.keys.len()];
        for (id, person) in directory.people.iter().enumerate() {
            if let Some(school_key) = &school_keys[person.school] {
                let identity = (school_key.clone(), identity_key(&person.name));
                if let Some(&position) = wanted.get(&identity) {
                    found[position].get_or_insert(id);
                }
            }
        }
        // Duplicated keys (written by hand) resolve like their first copy.
        for (position, key) in self.keys.iter().enumerate() {
            if let Some(&first) = wanted.get(&key.identity()) {
                found[position] = found[first];
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{professor, school};

    fn key(school: &str, name: &str) -> FavoriteKey {
        FavoriteKey {
            school: school.into(),
            name: name.into(),
        }
    }

    /// Two people named Song Han, at two schools.
    fn directory() -> Directory {
        Directory {
            schools: vec![school("MIT", vec![]), school("UC Berkeley", vec![])],
            people: vec![
                professor(0, "Song Han", None),
                professor(1, "Ion Stoica", None),
                professor(1, "Song Han", None),
            ],
        }
    }

    #[test]
    fn identity_ignores_case_and_spacing_and_nothing_else() {
        let mut favorites = Favorites::default();
        assert!(favorites.add(key("MIT", "Song Han")));
        assert!(!favorites.add(key("mit", "song  han")));
        assert!(favorites.add(key("UC Berkeley", "Song Han")));
        assert_eq!(favorites.keys().len(), 2);
    }

    #[test]
    fn resolves_people_and_keeps_orphans() {
        let mut favorites = Favorites::default();
        for k in [
            key("uc berkeley", "song han"),
            key("MIT", "Someone Who Left"),
            key("MIT", "Song Han"),
        ] {
            favorites.add(k);
        }
        assert_eq!(favorites.resolve(&directory()), [Some(2), None, Some(0)]);
    }
}
