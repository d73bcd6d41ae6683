//! The favorites as the browser shows them: the saved list, resolved
//! against the directory once per change so drawing a star is a lookup.

use crate::favorites::{FavoriteKey, Favorites};
use crate::model::{Directory, PersonId};

#[derive(Default)]
pub struct Shortlist {
    favorites: Favorites,
    /// Indexed by person.
    is_favorite: Vec<bool>,
    /// Favorites in the order added; `None` for one no longer in the data.
    people: Vec<Option<PersonId>>,
    /// The change being saved: whose, and whether added.
    saving: Option<(String, bool)>,
}

impl Shortlist {
    pub fn new(favorites: Favorites, directory: &Directory) -> Shortlist {
        let people = favorites.resolve(directory);
        let mut is_favorite = vec![false; directory.people.len()];
        for person in people.iter().flatten() {
            is_favorite[*person] = true;
        }
        Shortlist {
            favorites,
            is_favorite,
            people,
            saving: None,
        }
    }

    pub(super) fn saving(&mut self, name: String, add: bool) {
        self.saving = Some((name, add));
    }

    /// The change whose save has been answered.
    pub(super) fn saved(&mut self) -> Option<(String, bool)> {
        self.saving.take()
    }

    pub fn favorites(&self) -> &Favorites {
        &self.favorites
    }

    pub fn contains(&self, person: PersonId) -> bool {
        self.is_favorite.get(person).copied().unwrap_or(false)
    }

    /// The saved favorite that finds `person`, if one does.
    pub fn key_of(&self, person: PersonId) -> Option<&FavoriteKey> {
        if !self.contains(person) {
            return None;
        }
        let position = self.people.iter().position(|&p| p == Some(person))?;
        self.favorites.keys().get(position)
    }

    /// Every favorite, those missing from the data included.
    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The favorites that are in the data, in the order added.
    pub fn present(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.people.iter().flatten().copied()
    }

    /// Favorites that are no longer in the data, shown under the others.
    pub fn missing(&self) -> impl Iterator<Item = &FavoriteKey> {
        self.favorites
            .keys()
            .iter()
            .zip(&self.people)
            .filter(|(_, person)| person.is_none())
            .map(|(key, _)| key)
    }
}
