//! From what the user typed to what a command acts on: the people a query
//! matches, the favorite it names, the school an option names.

use crate::favorites::{FavoriteKey, Favorites};
use crate::model::{Directory, PersonId, SchoolId, identity_key};
use crate::search::{Hit, Index, Query};
use crate::setup::Failure;

/// Everyone matching `text`, best first, in `school` if given.
pub(super) fn search(
    directory: &Directory,
    text: &str,
    school: Option<SchoolId>,
) -> (Index, Query, Vec<Hit>) {
    let index = Index::build(directory);
    let query = Query::new(text);
    if let Some(notice) = query.notice() {
        eprintln!("warning: {notice}");
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

/// The person best matching `text`.
pub(super) fn person(directory: &Directory, text: &str) -> Result<PersonId, Failure> {
    let (_, query, hits) = search(directory, text, None);
    hits.first()
        .map(|hit| hit.person)
        .ok_or_else(|| Failure::NotFound(format!("no one matches \"{}\"", query.text())))
}

/// The favorite best matching `text`: among favorites present in the data
/// by fuzzy search, else among missing ones by name.
pub(super) fn favorite(
    directory: &Directory,
    favorites: &Favorites,
    text: &str,
) -> Result<FavoriteKey, Failure> {
    let resolved = favorites.resolve(directory);
    let present: Vec<PersonId> = resolved.iter().flatten().copied().collect();
    let index = Index::build(directory);
    let query = Query::new(text);
    if let Some(hit) = index.search(directory, &query, &present).first() {
        return Ok(FavoriteKey::of(directory, &directory.people[hit.person]));
    }
    let wanted = identity_key(text);
    favorites
        .keys()
        .iter()
        .zip(&resolved)
        .find(|(key, person)| person.is_none() && identity_key(&key.name).contains(&wanted))
        .map(|(key, _)| key.clone())
        .ok_or_else(|| Failure::NotFound(format!("no favorite matches \"{text}\"")))
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
