//! From what the user typed to what a command acts on: the people a query
//! matches, the one person or favorite it names, the school an option
//! names; and what tells a person apart from namesakes, to say whom a
//! command acted on.

use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::Arc;

use super::naming::{Named, decide};
use crate::aliases::school_identity;
use crate::favorites::{FavoriteKey, Favorites};
use crate::model::{Directory, Person, PersonId, SchoolId, identity_key, website_key};
use crate::report::{Candidate, candidates};
use crate::search::{Hit, Index, Query};
use crate::setup::{Failure, Setup};
use crate::topics::Topics;

/// The index to search for `query`. A whole topic (`topic:"…"`) is found
/// by the directory's topics, counted as `profdex topics` counts them
/// (with the user's synonyms), which are built only for such a query.
fn index_for(setup: &Setup, directory: &Directory, query: &Query) -> Index {
    let index = Index::build(directory);
    if !query.has_topic_terms() {
        return index;
    }
    let synonyms = super::topics::synonyms(setup);
    index.with_topics(Arc::new(Topics::build(directory, &synonyms)))
}

/// Everyone matching `text`, best first, in `school` if given.
pub(super) fn search(
    setup: &Setup,
    directory: &Directory,
    text: &str,
    school: Option<SchoolId>,
) -> (Index, Query, Vec<Hit>) {
    let query = Query::new(text);
    let index = index_for(setup, directory, &query);
    if let Some(notice) = query.notice() {
        super::tell(&format!("warning: {notice}"));
    }
    for note in query.notes() {
        super::tell(&format!("note: {note}"));
    }
    let candidates: Vec<PersonId> = (0..directory.people.len())
        .filter(|&p| school.is_none_or(|s| directory.people[p].school == s))
        .collect();
    let hits = if query.is_empty() {
        Vec::new()
    } else {
        index.search(directory, &query, &candidates)
    };
    (index, query, hits)
}

/// The person `text` names (see [`decide`]), in `school` if given. When it
/// could be several, they are listed on stderr and no one is chosen.
pub(super) fn person(
    setup: &Setup,
    directory: &Directory,
    text: &str,
    school: Option<SchoolId>,
) -> Result<PersonId, Failure> {
    let in_school = |(_, person): &(PersonId, &Person)| school.is_none_or(|s| person.school == s);
    let people = || directory.people.iter().enumerate().filter(in_school);
    // A website names its person: the way to choose between namesakes.
    if text.contains("://") {
        let wanted = website_key(text);
        let with_it: Vec<PersonId> = people()
            .filter(|(_, p)| p.website().map(website_key) == Some(wanted.clone()))
            .map(|(id, _)| id)
            .collect();
        if let [one] = with_it[..] {
            return Ok(one);
        }
    }
    let (_, query, hits) = search(setup, directory, text, school);
    let names = people().map(|(id, person)| (id, person.name()));
    match decide(text, names, hits.iter().map(|hit| hit.person).collect()) {
        Named::One(person) => Ok(person),
        Named::NoOne => Err(Failure::NotFound(format!(
            "no one matches \"{}\"",
            query.text()
        ))),
        Named::Several(people) => {
            let entries: Vec<Entry> = people.into_iter().map(Entry::Person).collect();
            Err(several(directory, &[], &entries, text, school.is_some()))
        }
    }
}

/// A favorite a query names.
pub(super) enum Favorite {
    /// One whose person is in the data.
    Present(PersonId),
    /// One whose person is not.
    Missing(FavoriteKey),
}

/// Someone a query could name: a person in the data, or a favorite's key
/// (by its place among the keys) whose person is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Person(PersonId),
    Key(usize),
}

/// The favorite `text` names, in `school` if given, decided as for
/// [`person`] among the favorites: those in the data found by fuzzy
/// search, those missing from it by a part of their name.
pub(super) fn favorite(
    setup: &Setup,
    directory: &Directory,
    favorites: &Favorites,
    text: &str,
    school: Option<SchoolId>,
) -> Result<Favorite, Failure> {
    let in_school = in_school(directory, school);
    // Two keys can find one person (one written before websites were kept).
    let mut seen = HashSet::new();
    let present: Vec<PersonId> = favorites
        .resolve(directory)
        .iter()
        .zip(favorites.keys())
        .filter_map(|(person, key)| person.filter(|_| in_school(key)))
        .filter(|&person| seen.insert(person))
        .collect();
    named_among(setup, directory, favorites, text, school, &present)
        .map_err(|no_one| no_one.unwrap_or_else(|| not_a_favorite(text)))
}

/// The person `text` names, in `school` if given, as [`person`] decides,
/// or else the favorite missing from the data it names: whom the
/// shortlist's commands act on, favorites or not.
pub(super) fn anyone(
    setup: &Setup,
    directory: &Directory,
    favorites: &Favorites,
    text: &str,
    school: Option<SchoolId>,
) -> Result<Favorite, Failure> {
    if text.contains("://") || favorites.keys().is_empty() {
        return person(setup, directory, text, school).map(Favorite::Present);
    }
    let everyone: Vec<PersonId> = (0..directory.people.len())
        .filter(|&p| school.is_none_or(|s| directory.people[p].school == s))
        .collect();
    named_among(setup, directory, favorites, text, school, &everyone).map_err(|no_one| {
        no_one.unwrap_or_else(|| Failure::NotFound(format!("no one matches \"{text}\"")))
    })
}

fn not_a_favorite(text: &str) -> Failure {
    Failure::NotFound(format!("no favorite matches \"{text}\""))
}

/// Whether a favorite's key is of `school`, or any when none is given.
fn in_school(directory: &Directory, school: Option<SchoolId>) -> impl Fn(&FavoriteKey) -> bool {
    let school_key = school.map(|s| school_identity(&directory.schools[s].name));
    move |key: &FavoriteKey| {
        school_key
            .as_ref()
            .is_none_or(|s| school_identity(&key.school) == *s)
    }
}

/// Whom `text` names among `present` (people in the data, found by fuzzy
/// search) and the favorites missing from the data (by a part of their
/// name), in `school` if given. `Err(None)` when no one.
fn named_among(
    setup: &Setup,
    directory: &Directory,
    favorites: &Favorites,
    text: &str,
    school: Option<SchoolId>,
    present: &[PersonId],
) -> Result<Favorite, Option<Failure>> {
    let keys = favorites.keys();
    let resolved = favorites.resolve(directory);
    let in_school = in_school(directory, school);
    let missing: Vec<usize> = (0..keys.len())
        .filter(|&k| resolved[k].is_none() && in_school(&keys[k]))
        .collect();
    let wanted = identity_key(text);
    let query = Query::new(text);
    let matched: Vec<Entry> = index_for(setup, directory, &query)
        .search(directory, &query, present)
        .iter()
        .map(|hit| Entry::Person(hit.person))
        .chain(
            missing
                .iter()
                .filter(|&&k| identity_key(&keys[k].name).contains(&wanted))
                .map(|&k| Entry::Key(k)),
        )
        .collect();
    let names = present
        .iter()
        .map(|&p| (Entry::Person(p), directory.people[p].name()))
        .chain(
            missing
                .iter()
                .map(|&k| (Entry::Key(k), keys[k].name.as_str())),
        );
    match decide(text, names, matched) {
        Named::One(Entry::Person(person)) => Ok(Favorite::Present(person)),
        Named::One(Entry::Key(k)) => Ok(Favorite::Missing(keys[k].clone())),
        Named::NoOne => Err(None),
        Named::Several(entries) => Err(Some(several(
            directory,
            keys,
            &entries,
            text,
            school.is_some(),
        ))),
    }
}

/// How many candidates are listed before "… and N more".
const LISTED: usize = 10;

/// Lists the candidates on stderr, with what tells namesakes apart and
/// their websites, and says why nothing was done.
fn several(
    directory: &Directory,
    keys: &[FavoriteKey],
    entries: &[Entry],
    text: &str,
    in_school: bool,
) -> Failure {
    let listed = &entries[..entries.len().min(LISTED)];
    let people: Vec<PersonId> = listed
        .iter()
        .filter_map(|entry| match entry {
            Entry::Person(person) => Some(*person),
            Entry::Key(_) => None,
        })
        .collect();
    let mut labels = crate::namesakes::told_apart(directory, &people).into_iter();
    let labels: Vec<Option<String>> = listed
        .iter()
        .map(|entry| match entry {
            Entry::Person(_) => labels.next().flatten(),
            Entry::Key(_) => None,
        })
        .collect();
    let rows: Vec<Candidate> = listed
        .iter()
        .zip(&labels)
        .map(|(entry, label)| match *entry {
            Entry::Person(id) => {
                let person = &directory.people[id];
                Candidate {
                    name: person.name(),
                    label: label.as_deref(),
                    school: &directory.school_of(person).name,
                    website: person.website().unwrap_or("(no website)"),
                }
            }
            Entry::Key(k) => Candidate {
                name: &keys[k].name,
                label: None,
                school: &keys[k].school,
                website: "(not in the loaded data)",
            },
        })
        .collect();
    let mut listing = Vec::new();
    let _ = candidates(&mut listing, &rows, entries.len() - rows.len());
    let _ = io::stderr().write_all(&listing);
    let school = if in_school { "" } else { "--school S, " };
    Failure::NotFound(format!(
        "\"{text}\" could be any of these {}: name one with {school}more of their name or research, or their website",
        entries.len()
    ))
}

/// A school named exactly (ignoring case), or the only one whose name contains `name`.
pub(super) fn school(directory: &Directory, name: &str) -> Result<SchoolId, Failure> {
    let wanted = identity_key(name);
    if wanted.is_empty() {
        // Every name contains the empty one.
        return Err(Failure::Usage("empty school name after --school".into()));
    }
    if let Some(id) = directory.find_school(name) {
        return Ok(id);
    }
    let partial: Vec<SchoolId> = (0..directory.schools.len())
        .filter(|&id| identity_key(&directory.schools[id].name).contains(&wanted))
        .collect();
    match partial[..] {
        [id] => Ok(id),
        [] => Err(Failure::Usage(format!("no school named \"{name}\""))),
        _ => {
            let names: Vec<&str> = partial
                .iter()
                .take(5)
                .map(|&id| directory.schools[id].name.as_str())
                .collect();
            Err(Failure::Usage(format!(
                "\"{name}\" could be any of {} schools: {}{}",
                partial.len(),
                names.join(", "),
                if partial.len() > 5 { ", …" } else { "" }
            )))
        }
    }
}
