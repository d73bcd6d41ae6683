//! From what the user typed to what a command acts on: the people a query
//! matches, the favorite it names, the school an option names; and what
//! tells a person apart from namesakes, to say whom a command acted on.

use std::collections::HashMap;

use ::url::{Position, Url};

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
    let (index, query, hits) = search(directory, text, None);
    // Left for the exit to free, like the directory (`Session::run`).
    std::mem::forget(index);
    hits.first()
        .map(|hit| hit.person)
        .ok_or_else(|| Failure::NotFound(format!("no one matches \"{}\"", query.text())))
}

/// A favorite a query names.
pub(super) enum Favorite {
    /// One whose person is in the data.
    Present(PersonId),
    /// One whose person is not.
    Missing(FavoriteKey),
}

/// The favorite best matching `text`: among favorites present in the data
/// by fuzzy search, else among missing ones by name.
pub(super) fn favorite(
    directory: &Directory,
    favorites: &Favorites,
    text: &str,
) -> Result<Favorite, Failure> {
    let resolved = favorites.resolve(directory);
    let present: Vec<PersonId> = resolved.iter().flatten().copied().collect();
    let index = Index::build(directory);
    let query = Query::new(text);
    if let Some(hit) = index.search(directory, &query, &present).first() {
        return Ok(Favorite::Present(hit.person));
    }
    let wanted = identity_key(text);
    favorites
        .keys()
        .iter()
        .zip(&resolved)
        .find(|(key, person)| person.is_none() && identity_key(&key.name).contains(&wanted))
        .map(|(key, _)| Favorite::Missing(key.clone()))
        .ok_or_else(|| Failure::NotFound(format!("no favorite matches \"{text}\"")))
}

/// What tells each of `people` apart from their namesakes at their school:
/// the host their website really opens, or more of the website when a
/// namesake's is on the same host, or that they have none. `None` for
/// someone without a namesake. Text as written, for the caller to make safe.
pub(super) fn told_apart(directory: &Directory, people: &[PersonId]) -> Vec<Option<String>> {
    let mut asked = vec![false; directory.schools.len()];
    for &person in people {
        asked[directory.people[person].school] = true;
    }
    let mut namesakes: HashMap<(SchoolId, String), Vec<PersonId>> = HashMap::new();
    for (id, person) in directory.people.iter().enumerate() {
        if asked[person.school] {
            let name = (person.school, identity_key(&person.name));
            namesakes.entry(name).or_default().push(id);
        }
    }
    // Per name asked about: each host of those namesakes, and how many have it.
    let mut hosts: HashMap<(SchoolId, String), HashMap<Option<String>, usize>> = HashMap::new();
    let host = |person: PersonId| {
        let website = directory.people[person].website.as_deref()?;
        Url::parse(website).ok()?.host_str().map(str::to_owned)
    };
    people
        .iter()
        .map(|&person| {
            let faculty = &directory.people[person];
            let name = (faculty.school, identity_key(&faculty.name));
            let group = namesakes.get(&name).filter(|group| group.len() > 1)?;
            let Some(website) = faculty.website.as_deref() else {
                return Some("no website".to_string());
            };
            let counts = hosts.entry(name).or_insert_with(|| {
                let mut counts = HashMap::new();
                for &namesake in group {
                    *counts.entry(host(namesake)).or_insert(0) += 1;
                }
                counts
            });
            let own = host(person);
            let shared = counts.get(&own).is_some_and(|&count| count > 1);
            Some(match (own, Url::parse(website)) {
                (Some(own), Ok(url)) if shared => {
                    format!("{own}{}", url[Position::BeforePath..].trim_end_matches('/'))
                }
                (Some(own), _) => own,
                (None, _) => website.to_string(),
            })
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{professor, school};

    #[test]
    fn namesakes_are_told_apart_by_host_then_by_more_of_the_website() {
        let directory = Directory {
            schools: vec![school("Lee U", vec![]), school("Other U", vec![])],
            people: vec![
                professor(0, "Ada Lee", None),
                professor(0, "Ada Lee", Some("https://u.example/~ada")),
                professor(0, "ada  lee", Some("https://u.example/~lee/")),
                professor(0, "Ada Lee", Some("https://www.google.com@v.example/")),
                professor(1, "Ada Lee", Some("https://u.example/~ada")),
            ],
        };
        let labels = told_apart(&directory, &[3, 1, 2, 0, 4]);
        let labels: Vec<Option<&str>> = labels.iter().map(Option::as_deref).collect();
        assert_eq!(
            labels,
            [
                Some("v.example"),
                Some("u.example/~ada"),
                Some("u.example/~lee"),
                Some("no website"),
                None,
            ]
        );
    }
}
