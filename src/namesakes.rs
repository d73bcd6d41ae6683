//! What tells a person apart from namesakes at their school (PRODUCT.md
//! section 2: two people of one name are both kept, and told apart
//! wherever a name is shown): the host their website opens, or more of it.

use std::collections::HashMap;

use ::url::{Position, Url};

use crate::model::{Directory, PersonId, SchoolId, identity_hash, identity_key};

/// Everyone with a namesake at their school, with what tells them apart.
/// Namesakes are rare: one sort of hashed names finds them, and only
/// those few are looked at closely.
pub fn everyone(directory: &Directory) -> HashMap<PersonId, String> {
    let keys = keys(directory);
    let mut sorted: Vec<((SchoolId, u64), PersonId)> = keys.iter().copied().zip(0..).collect();
    sorted.sort_unstable();
    let mut suspects = Vec::new();
    for group in sorted.chunk_by(|a, b| a.0 == b.0) {
        if group.len() > 1 {
            suspects.extend(group.iter().map(|&(_, id)| id));
        }
    }
    suspects
        .iter()
        .copied()
        .zip(labels(directory, &keys, &suspects))
        .filter_map(|(id, label)| Some((id, label?)))
        .collect()
}

/// Each person's school and the hash of their name: equal for namesakes.
fn keys(directory: &Directory) -> Vec<(SchoolId, u64)> {
    directory
        .people
        .iter()
        .map(|person| (person.school, identity_hash(person.name())))
        .collect()
}

/// What tells each of `people` apart from their namesakes at their school:
/// the host their website really opens, or more of the website when a
/// namesake's is on the same host, or that they have none. `None` for
/// someone without a namesake. Text as written, for the caller to make safe.
pub fn told_apart(directory: &Directory, people: &[PersonId]) -> Vec<Option<String>> {
    labels(directory, &keys(directory), people)
}

fn labels(
    directory: &Directory,
    keys: &[(SchoolId, u64)],
    people: &[PersonId],
) -> Vec<Option<String>> {
    // Only names of `people` matter: count, per hash of such a name, the
    // people with it, and keep the members only of groups of several
    // (namesakes are rare). No string and no list per person scanned.
    let key_of = |person: PersonId| keys[person];
    let mut counts: HashMap<(SchoolId, u64), usize> =
        people.iter().map(|&person| (key_of(person), 0)).collect();
    for key in keys {
        if let Some(count) = counts.get_mut(key) {
            *count += 1;
        }
    }
    counts.retain(|_, count| *count > 1);
    // The members of those groups by their names' keys themselves (two
    // names may share a hash): each name's key made once, each group
    // found by one lookup, whatever its size.
    let mut groups: HashMap<(SchoolId, String), Vec<PersonId>> = HashMap::new();
    if !counts.is_empty() {
        for (id, key) in keys.iter().enumerate() {
            if counts.contains_key(key) {
                let name = identity_key(directory.people[id].name());
                groups.entry((key.0, name)).or_default().push(id);
            }
        }
    }
    groups.retain(|_, group| group.len() > 1);
    // Per group: each host of its namesakes, and how many have it.
    let mut hosts: HashMap<(SchoolId, String), HashMap<Option<String>, usize>> = HashMap::new();
    let host = |person: PersonId| {
        let website = directory.people[person].website()?;
        Url::parse(website).ok()?.host_str().map(str::to_owned)
    };
    people
        .iter()
        .map(|&person| {
            if !counts.contains_key(&key_of(person)) {
                return None;
            }
            let faculty = &directory.people[person];
            let name = (faculty.school, identity_key(faculty.name()));
            let group = groups.get(&name)?;
            let Some(website) = faculty.website() else {
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

    #[test]
    fn everyone_holds_only_the_people_with_a_namesake() {
        let directory = Directory {
            schools: vec![school("Lee U", vec![]), school("Other U", vec![])],
            people: vec![
                professor(0, "Ada Lee", Some("https://a.example/")),
                professor(0, "Bo Reyes", Some("https://a.example/bo")),
                professor(1, "Ada Lee", Some("https://c.example/")),
                professor(0, "ADA LEE", Some("https://b.example/")),
            ],
        };
        let labels = everyone(&directory);
        assert_eq!(labels.len(), 2, "{labels:?}");
        assert_eq!(labels[&0], "a.example");
        assert_eq!(labels[&3], "b.example");
    }
}
