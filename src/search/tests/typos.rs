//! Names found through a typo: a swap, an edit, and how they rank.

use super::super::*;
use super::{directory, names};
use crate::fixture::person;

fn with_stoica() -> Directory {
    let mut dir = directory();
    dir.people.push(person(
        0,
        "Ion Stoica",
        "Professor",
        &["Cloud computing", "Distributed systems"],
    ));
    // "stocia" in order, scattered through research and a title.
    dir.people.push(person(
        0,
        "Joe Hellerstein",
        "Professor",
        &["Stochastic optimization", "Databases"],
    ));
    dir
}

#[test]
fn a_swapped_pair_of_letters_still_finds_the_name_first() {
    let dir = with_stoica();
    let found = names(&dir, "stocia");
    assert_eq!(found.first().map(String::as_str), Some("Ion Stoica"));
    assert!(found.contains(&"Joe Hellerstein".to_string()), "{found:?}");
    assert_eq!(names(&dir, "ion stocia")[0], "Ion Stoica");
    assert_eq!(names(&dir, "Stocia")[0], "Ion Stoica", "case-sensitive too");
    assert!(names(&dir, "stoiac ion").contains(&"Ion Stoica".to_string()));
    let two_swaps = names(&dir, "sotcia");
    assert!(
        !two_swaps.contains(&"Ion Stoica".to_string()),
        "{two_swaps:?}"
    );
}

#[test]
fn short_terms_are_matched_as_typed() {
    let dir = with_stoica();
    assert!(!names(&dir, "hna").contains(&"Song Han".to_string()));
    assert!(!names(&dir, "lovelcae").is_empty(), "but Lovelace");
}

#[test]
fn a_typo_ranks_below_the_name_spelt_right_and_above_other_fields() {
    let mut dir = with_stoica();
    dir.people
        .push(person(1, "Ion Stocia", "Lecturer", &["Film"]));
    let found = names(&dir, "stocia");
    assert_eq!(found[..2], ["Ion Stocia", "Ion Stoica"]);
    assert_eq!(found.last().map(String::as_str), Some("Joe Hellerstein"));
}

#[test]
fn a_typo_highlights_the_name_word_it_stands_for() {
    let mut dir = with_stoica();
    dir.people[5].edit(|p| p.name = "Ion Stoïca".into());
    let index = Index::build(&dir);
    let found = index.highlights(&dir, &Query::new("stocia"), 5);
    assert_eq!(found.name, [4, 5, 6, 7, 8, 9]);
    assert!(found.research.is_empty() && found.title.is_empty());
}

#[test]
fn narrowing_is_term_by_term_and_knows_about_typos() {
    assert!(Query::new("learning machine").narrows(&Query::new("machine")));
    assert!(Query::new("machine le").narrows(&Query::new("machine l")));
    assert!(!Query::new("machine").narrows(&Query::new("machine l")));
    // A longer term may match a name by a typo the shorter does not.
    assert!(!Query::new("stocia").narrows(&Query::new("stoci")));
    assert!(Query::new("stocia").extends(&Query::new("stoci")));
    assert!(Query::new("stocia x").narrows(&Query::new("stocia")));
    // Case: an exact term narrows a loose one, not the other way round.
    assert!(Query::new("Sto").narrows(&Query::new("st")));
    assert!(!Query::new("sto").narrows(&Query::new("St")));
    let dir = with_stoica();
    assert!(!names(&dir, "stoci").contains(&"Ion Stoica".into()));
    assert_eq!(names(&dir, "stocia")[0], "Ion Stoica");
}

#[test]
fn one_name_within_a_typo_is_named_unambiguously() {
    let mut dir = with_stoica();
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    let sole = |index: &Index, text: &str| index.sole_near_name(&Query::new(text), &all);
    assert_eq!(sole(&index, "stocia"), Some(5));
    assert_eq!(sole(&index, "ion stocia"), Some(5));
    assert_eq!(sole(&index, "Ion Stoica"), Some(5));
    assert_eq!(sole(&index, "stoica"), Some(5));
    assert_eq!(sole(&index, "ino stocia"), None, "two typos");
    assert_eq!(sole(&index, "cloud"), None, "research is not a name");
    assert_eq!(sole(&index, ""), None);
    // Two people one typo away.
    dir.people.push(person(1, "Ana Stoics", "Lecturer", &[]));
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    assert_eq!(index.sole_near_name(&Query::new("stoica"), &all), None);
    assert_eq!(
        index.sole_near_name(&Query::new("stoica"), &all[..6]),
        Some(5)
    );
    // Another name matching the query as typed, better.
    dir.people.push(person(1, "Stoyan Ciaran", "Lecturer", &[]));
    let index = Index::build(&dir);
    let all: Vec<_> = (0..5)
        .chain(5..6)
        .chain(dir.people.len() - 1..dir.people.len())
        .collect();
    let rival = Query::new("stocia");
    assert!(index.search(&dir, &rival, &all).len() >= 2);
    let expected = {
        let hits = index.search(&dir, &rival, &all);
        (hits[0].person == 5).then_some(5)
    };
    assert_eq!(index.sole_near_name(&rival, &all), expected);
}
