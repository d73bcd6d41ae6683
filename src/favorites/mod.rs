//! Favorites (bookmarks), kept in `<data dir>/favorites.json` by [`Store`].
//!
//! A favorite is identified by its school (by any name it goes by,
//! [`school_identity`]) and the person's name, compared case-insensitively
//! with white space folded, and the person's
//! website, compared as the merge compares them, which tells namesakes
//! apart: it survives reordering and editing of every other field, and of
//! the website too when no namesake makes it matter. A favorite whose
//! person is no longer in the data is kept, never dropped, so that a file
//! that fails to load for a day does not silently shed bookmarks.

mod details;
mod store;

use std::collections::{HashMap, HashSet};
use std::mem;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::aliases::school_identity;
use crate::model::{Directory, Person, PersonId, identity_key, website_key};

pub use details::{
    Details, STATUSES, first_line, is_date, is_done, next_status, note, status, status_rank, today,
};
pub use store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FavoriteKey {
    pub school: String,
    pub name: String,
    /// The person's website as written. None for someone without one, and
    /// in keys written before namesakes were told apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

impl FavoriteKey {
    pub fn of(directory: &Directory, person: &Person) -> FavoriteKey {
        FavoriteKey {
            school: directory.school_of(person).name.clone(),
            name: person.name().to_owned(),
            website: person.website().map(str::to_owned),
        }
    }

    fn identity(&self) -> Identity {
        Identity {
            school: school_identity(&self.school),
            name: identity_key(&self.name),
            website: self.website.as_deref().map(website_key),
        }
    }

    pub fn same_as(&self, other: &FavoriteKey) -> bool {
        self.identity() == other.identity()
    }
}

/// One favorite as it stood, to be put back: after its removal, or to
/// undo a change of its note or status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where it was among the favorites.
    pub position: usize,
    pub key: FavoriteKey,
    pub details: Details,
    unknown: Map<String, Value>,
}

/// A change to one favorite's shortlist fields, as data: what the browser
/// asks the favorites file for, applied under its lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Set (or for `None` remove) the note, adding the favorite if need be.
    Note(FavoriteKey, Option<String>),
    /// Set (or for `None` remove) the status, adding the favorite if need be.
    Status(FavoriteKey, Option<String>),
    /// Make the favorite what it was: see [`Favorites::put_back`].
    PutBack(FavoriteKey, Option<Box<Entry>>),
}

impl Edit {
    /// Applies the change; a favorite it adds is added on `day`.
    pub fn apply(self, favorites: &mut Favorites, day: &str) {
        match self {
            Edit::Note(key, note) => {
                favorites.edit(&key, Some(day), |details| details.note = note);
            }
            Edit::Status(key, status) => {
                favorites.edit(&key, Some(day), |details| details.status = status);
            }
            Edit::PutBack(key, before) => favorites.put_back(&key, before.as_deref()),
        }
    }
}

/// What two keys agree on when they are the same favorite.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Identity {
    school: String,
    name: String,
    website: Option<String>,
}

/// The bookmarks in the order they were added, each with its status,
/// note and date.
///
/// Keys of the file this version does not know (written by a later version
/// or by hand) are kept as they were and written back, at the top level and
/// per favorite, so that saving never sheds what others added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Favorites {
    keys: Vec<FavoriteKey>,
    /// Beside `keys`, one per favorite.
    details: Vec<Details>,
    /// Beside `keys`, one per favorite.
    unknown: Vec<Map<String, Value>>,
    unknown_top: Map<String, Value>,
    /// Beside `keys`, each one's identity, made once.
    identities: Vec<Identity>,
    /// Every identity in `identities`, to look one up.
    known: HashSet<Identity>,
}

impl Favorites {
    pub fn keys(&self) -> &[FavoriteKey] {
        &self.keys
    }

    /// Beside [`Favorites::keys`], each favorite's status, note and date.
    pub fn details(&self) -> &[Details] {
        &self.details
    }

    pub fn contains(&self, key: &FavoriteKey) -> bool {
        self.known.contains(&key.identity())
    }

    /// Where the favorite `key` is among the keys: the first of its
    /// identity.
    pub fn position(&self, key: &FavoriteKey) -> Option<usize> {
        let identity = key.identity();
        if !self.known.contains(&identity) {
            return None;
        }
        self.identities.iter().position(|other| *other == identity)
    }

    /// Adds `key` unless present, with no date; true when it was added.
    pub fn add(&mut self, key: FavoriteKey) -> bool {
        self.add_on(key, None)
    }

    /// Adds `key` unless present, added on `day`; true when it was added.
    pub fn add_on(&mut self, key: FavoriteKey, day: Option<&str>) -> bool {
        let identity = key.identity();
        if self.known.contains(&identity) {
            return false;
        }
        let details = Details {
            added: day.map(str::to_owned),
            ..Details::default()
        };
        self.push(key, identity, details, Map::new());
        true
    }

    /// Removes `key` if present; true when it was removed.
    pub fn remove(&mut self, key: &FavoriteKey) -> bool {
        let identity = key.identity();
        if !self.known.contains(&identity) {
            return false;
        }
        self.retain(|_, other| *other != identity);
        true
    }

    /// Adds `person` on `day` unless a favorite already finds them (one
    /// written before their website changed, say); true when added.
    pub fn add_person(&mut self, directory: &Directory, person: PersonId, day: &str) -> bool {
        if self.resolve(directory).contains(&Some(person)) {
            return false;
        }
        self.add_on(
            FavoriteKey::of(directory, &directory.people[person]),
            Some(day),
        )
    }

    /// Removes every favorite that finds `person`; true when one did.
    pub fn remove_person(&mut self, directory: &Directory, person: PersonId) -> bool {
        let found = self.resolve(directory);
        let before = self.keys.len();
        self.retain(|position, _| found[position] != Some(person));
        self.keys.len() != before
    }

    /// Changes the details of the favorite `key`, adding it on `day`
    /// first if it is not one; true when it was added.
    pub fn edit(
        &mut self,
        key: &FavoriteKey,
        day: Option<&str>,
        change: impl FnOnce(&mut Details),
    ) -> bool {
        let added = self.add_on(key.clone(), day);
        if let Some(position) = self.position(key) {
            change(&mut self.details[position]);
        }
        added
    }

    /// The favorite `key` as it stands, to put back later with
    /// [`Favorites::put_back`]: its place, details and unknown keys.
    pub fn entry(&self, key: &FavoriteKey) -> Option<Entry> {
        let position = self.position(key)?;
        Some(Entry {
            position,
            key: self.keys[position].clone(),
            details: self.details[position].clone(),
            unknown: self.unknown[position].clone(),
        })
    }

    /// Makes the favorite `key` what it was: `before` as [`Favorites::entry`]
    /// took it, back in its place if it is gone, its details and unknown
    /// keys as they were if it is there; or, for `None`, not a favorite.
    pub fn put_back(&mut self, key: &FavoriteKey, before: Option<&Entry>) {
        let Some(before) = before else {
            self.remove(key);
            return;
        };
        if let Some(position) = self.position(&before.key) {
            self.details[position].clone_from(&before.details);
            self.unknown[position].clone_from(&before.unknown);
            return;
        }
        let at = before.position.min(self.keys.len());
        let identity = before.key.identity();
        self.keys.insert(at, before.key.clone());
        self.details.insert(at, before.details.clone());
        self.unknown.insert(at, before.unknown.clone());
        self.known.insert(identity.clone());
        self.identities.insert(at, identity);
    }

    fn push(
        &mut self,
        key: FavoriteKey,
        identity: Identity,
        details: Details,
        unknown: Map<String, Value>,
    ) {
        self.keys.push(key);
        self.details.push(details);
        self.unknown.push(unknown);
        self.known.insert(identity.clone());
        self.identities.push(identity);
    }

    /// Keeps the favorites `keep` accepts, given each one's position and
    /// identity. Keys of one identity are one favorite: `keep` must treat
    /// them alike.
    fn retain(&mut self, mut keep: impl FnMut(usize, &Identity) -> bool) {
        let keys = mem::take(&mut self.keys);
        let details = mem::take(&mut self.details);
        let unknown = mem::take(&mut self.unknown);
        let identities = mem::take(&mut self.identities);
        let entries = keys.into_iter().zip(details).zip(unknown).zip(identities);
        for (position, (((key, details), unknown), identity)) in entries.enumerate() {
            if keep(position, &identity) {
                self.keys.push(key);
                self.details.push(details);
                self.unknown.push(unknown);
                self.identities.push(identity);
            } else {
                self.known.remove(&identity);
            }
        }
    }

    /// Each favorite's person in `directory`, or `None` for one that is no
    /// longer there. A key with a website finds the person of that name
    /// with that website, else the only person of that name at the school
    /// unless another key found them by website: a changed homepage keeps
    /// its favorite, while a namesake who left takes no one else's. A key
    /// without a website, as older versions wrote them, finds the first
    /// person of that name. One pass over the people of the schools
    /// concerned.
    pub fn resolve(&self, directory: &Directory) -> Vec<Option<PersonId>> {
        // (school, name) → index in `groups`, and each key's group.
        let mut group_of_name: HashMap<(&str, &str), usize> = HashMap::new();
        let mut groups: Vec<Namesakes> = Vec::new();
        let mut group_of_key = Vec::with_capacity(self.identities.len());
        for identity in &self.identities {
            let next = groups.len();
            let group = *group_of_name
                .entry((&identity.school, &identity.name))
                .or_insert(next);
            if group == next {
                groups.push(Namesakes::default());
            }
            if let Some(website) = &identity.website {
                groups[group].by_website.entry(website).or_insert(None);
            }
            group_of_key.push(group);
        }
        let schools: HashSet<&str> = self.identities.iter().map(|i| &*i.school).collect();
        let school_keys: Vec<Option<String>> = directory
            .schools
            .iter()
            .map(|school| Some(school_identity(&school.name)).filter(|k| schools.contains(&**k)))
            .collect();
        for (id, person) in directory.people.iter().enumerate() {
            let Some(school) = &school_keys[person.school] else {
                continue;
            };
            let name = identity_key(person.name());
            if let Some(&group) = group_of_name.get(&(school.as_str(), name.as_str())) {
                groups[group].add(id, person);
            }
        }
        for group in &mut groups {
            group.settle();
        }
        group_of_key
            .iter()
            .zip(&self.identities)
            .map(|(&group, identity)| groups[group].find(identity.website.as_deref()))
            .collect()
    }
}

/// The people of one name at one school, as far as resolving keys needs.
#[derive(Default)]
struct Namesakes<'a> {
    /// The first, in directory order.
    first: Option<PersonId>,
    count: usize,
    /// The [`website_key`]s keys ask for → the first person with it.
    by_website: HashMap<&'a str, Option<PersonId>>,
    /// Who a key whose website finds no one finds instead.
    fallback: Option<PersonId>,
}

impl Namesakes<'_> {
    fn add(&mut self, id: PersonId, person: &Person) {
        self.first.get_or_insert(id);
        self.count += 1;
        if self.by_website.is_empty() {
            return;
        }
        if let Some(website) = person.website().map(website_key)
            && let Some(found) = self.by_website.get_mut(website.as_str())
        {
            found.get_or_insert(id);
        }
    }

    /// Once everyone is added.
    fn settle(&mut self) {
        let only = self.first.filter(|_| self.count == 1);
        let taken = self
            .by_website
            .values()
            .any(|&found| found.is_some() && found == only);
        self.fallback = only.filter(|_| !taken);
    }

    fn find(&self, website: Option<&str>) -> Option<PersonId> {
        match website {
            None => self.first,
            Some(website) => self
                .by_website
                .get(website)
                .copied()
                .flatten()
                .or(self.fallback),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::fixture::{favorite as key, professor, school};

    fn key_at(school: &str, name: &str, website: &str) -> FavoriteKey {
        FavoriteKey {
            website: Some(website.into()),
            ..key(school, name)
        }
    }

    /// Two people named Ada Lee at one school, and one at another.
    fn namesakes() -> Directory {
        Directory {
            schools: vec![school("Lee U", vec![]), school("Other U", vec![])],
            people: vec![
                professor(0, "Ada Lee", Some("https://a.example/robotics")),
                professor(1, "Ada Lee", Some("https://a.example/robotics")),
                professor(0, "Ada Lee", Some("https://b.example/db")),
            ],
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
    fn a_favorite_finds_its_school_by_any_name_it_goes_by() {
        let mut favorites = Favorites::default();
        assert!(favorites.add(key("Massachusetts Institute of Technology", "Song Han")));
        assert!(!favorites.add(key("MIT", "Song Han")), "the same favorite");
        assert!(favorites.add(key("Univ. of California - Berkeley", "Song Han")));
        assert_eq!(favorites.resolve(&directory()), [Some(0), Some(2)]);
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

    #[test]
    fn namesakes_are_told_apart_by_website() {
        let directory = namesakes();
        let mut favorites = Favorites::default();
        let second = FavoriteKey::of(&directory, &directory.people[2]);
        assert_eq!(second, key_at("Lee U", "Ada Lee", "https://b.example/db"));
        assert!(favorites.add(second.clone()));
        assert_eq!(favorites.resolve(&directory), [Some(2)]);
        assert!(!favorites.contains(&FavoriteKey::of(&directory, &directory.people[0])));
        assert!(favorites.add(FavoriteKey::of(&directory, &directory.people[0])));
        assert_eq!(favorites.resolve(&directory), [Some(2), Some(0)]);
        // The same page, written another way, is the same favorite.
        let same = key_at("lee u", "ADA LEE", "http://B.example/db/");
        assert!(favorites.contains(&same));
        assert!(!favorites.add(same.clone()));
        assert!(favorites.remove(&same));
        assert_eq!(
            favorites.keys(),
            [key_at("Lee U", "Ada Lee", "https://a.example/robotics")]
        );
        assert_eq!(favorites.resolve(&directory), [Some(0)]);
    }

    #[test]
    fn keys_without_a_website_find_the_first_of_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("favorites.json");
        // As versions before namesakes wrote it.
        fs::write(
            &path,
            r#"{"version": 1, "favorites": [{"school": "Lee U", "name": "Ada Lee"}]}"#,
        )
        .unwrap();
        let store = Store::new(&path);
        let favorites = store.load().unwrap();
        assert_eq!(favorites.keys(), [key("Lee U", "Ada Lee")]);
        assert_eq!(favorites.resolve(&namesakes()), [Some(0)]);
        // Written back without a website, beside a key with one.
        store
            .update(|f| f.add(key_at("Lee U", "Ada Lee", "https://b.example/db")))
            .unwrap();
        let saved: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            saved["favorites"],
            serde_json::json!([
                {"school": "Lee U", "name": "Ada Lee"},
                {"school": "Lee U", "name": "Ada Lee", "website": "https://b.example/db"}
            ])
        );
        assert_eq!(
            store.load().unwrap().resolve(&namesakes()),
            [Some(0), Some(2)]
        );
    }

    #[test]
    fn a_changed_homepage_keeps_its_favorite_unless_a_namesake_is_left() {
        let mut favorites = Favorites::default();
        favorites.add(key_at("Lee U", "Ada Lee", "https://old.example/ada"));
        let mut directory = namesakes();
        // Two namesakes, neither with that website: which one is unknown.
        assert_eq!(favorites.resolve(&directory), [None]);
        // One of that name left at the school: that is the one.
        directory.people.remove(2);
        assert_eq!(favorites.resolve(&directory), [Some(0)]);
        directory.people[0].edit(|p| p.website = None);
        assert_eq!(favorites.resolve(&directory), [Some(0)]);
        // A namesake who left takes no one else's place.
        let mut favorites = Favorites::default();
        favorites.add(key_at("Lee U", "Ada Lee", "https://b.example/db"));
        favorites.add(key_at("Lee U", "Ada Lee", "https://a.example/robotics"));
        let mut directory = namesakes();
        directory.people.truncate(2);
        assert_eq!(favorites.resolve(&directory), [None, Some(0)]);
    }

    #[test]
    fn a_person_is_added_once_and_removed_whatever_their_key() {
        let mut directory = namesakes();
        let mut favorites = Favorites::default();
        assert!(favorites.add_person(&directory, 2, "2025-03-01"));
        assert!(!favorites.add_person(&directory, 2, "2025-03-01"));
        directory.people[2].edit(|p| p.website = Some("https://b.example/new".into()));
        directory.people.remove(0);
        // The old key still finds the one Ada Lee of Lee U.
        assert!(!favorites.add_person(&directory, 1, "2025-03-01"));
        assert!(favorites.add(key("Lee U", "Ada Lee")));
        assert!(favorites.remove_person(&directory, 1));
        assert_eq!(favorites.keys(), [] as [FavoriteKey; 0]);
        assert!(!favorites.contains(&key("Lee U", "Ada Lee")));
        assert!(!favorites.remove_person(&directory, 1));
    }

    #[test]
    fn editing_a_non_favorite_adds_it_on_the_day() {
        let mut favorites = Favorites::default();
        let ion = key("UC Berkeley", "Ion Stoica");
        let added = favorites.edit(&ion, Some("2025-03-01"), |d| d.note = Some("hi".into()));
        assert!(added);
        // Found whatever the case; a second edit keeps the date.
        let same = key("uc berkeley", "ION STOICA");
        assert!(!favorites.edit(&same, Some("2025-04-01"), |d| d.status =
            Some("replied".into())));
        assert_eq!(
            favorites.details(),
            [Details {
                status: Some("replied".into()),
                note: Some("hi".into()),
                added: Some("2025-03-01".into()),
            }]
        );
        assert_eq!(favorites.position(&same), Some(0));
        assert_eq!(favorites.position(&key("MIT", "Song Han")), None);
    }

    #[test]
    fn a_removed_favorite_is_put_back_in_its_place_with_everything() {
        let mut favorites = Favorites::default();
        for name in ["A", "B", "C"] {
            favorites.add_on(key("U", name), Some("2025-03-01"));
        }
        favorites.edit(&key("U", "B"), None, |d| d.note = Some("note".into()));
        let before = favorites.entry(&key("U", "B"));
        assert_eq!(before.as_ref().map(|e| e.position), Some(1));
        assert!(favorites.remove(&key("U", "B")));
        favorites.add(key("U", "D"));
        favorites.put_back(&key("U", "B"), before.as_ref());
        let names: Vec<&str> = favorites.keys().iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["A", "B", "C", "D"]);
        assert_eq!(favorites.details()[1].note.as_deref(), Some("note"));
        assert_eq!(favorites.details()[1].added.as_deref(), Some("2025-03-01"));
        // There already: its details go back to what they were.
        favorites.edit(&key("U", "B"), None, |d| d.note = None);
        favorites.put_back(&key("U", "B"), before.as_ref());
        assert_eq!(favorites.details()[1].note.as_deref(), Some("note"));
        assert_eq!(favorites.keys().len(), 4);
        // Nothing before: not a favorite.
        favorites.put_back(&key("U", "D"), None);
        assert!(!favorites.contains(&key("U", "D")));
        // A place past the end is the end.
        let mut few = Favorites::default();
        few.put_back(&key("U", "B"), before.as_ref());
        assert_eq!(few.keys(), [key("U", "B")]);
    }

    #[test]
    fn resolving_many_keys_in_many_schools_is_one_pass() {
        let count = 20_000;
        let directory = Directory {
            schools: (0..count)
                .map(|i| school(&format!("U{i}"), vec![]))
                .collect(),
            people: (0..count)
                .map(|i| professor(i, "Ada Lee", Some(&format!("https://u{i}.example/"))))
                .collect(),
        };
        let mut favorites = Favorites::default();
        for i in (0..count).rev() {
            favorites.add(FavoriteKey::of(&directory, &directory.people[i]));
        }
        let found: Vec<_> = (0..count).rev().map(Some).collect();
        assert_eq!(favorites.resolve(&directory), found);
    }
}
