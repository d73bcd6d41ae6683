use std::sync::Mutex;

use super::*;
use crate::fixture::{person, school};

mod language;
mod reference;
mod typos;
mod whole_topics;

pub(super) fn directory() -> Directory {
    Directory {
        schools: vec![
            school("MIT", vec![]),
            school("Université de Montréal", vec![]),
        ],
        people: vec![
            person(
                0,
                "Song Han",
                "Associate Professor",
                &["Efficient AI", "LLM quantization"],
            ),
            person(0, "José Zoë", "Professor", &["Databases"]),
            person(1, "Søren Ångström", "Professor", &["Optics"]),
            person(
                1,
                "Ada Lovelace",
                "Professor of Quantum Computing",
                &["Song writing"],
            ),
            person(1, "Quentin Tarantino", "Lecturer", &["Film"]),
        ],
    }
}

pub(super) fn names(directory: &Directory, query: &str) -> Vec<String> {
    let index = Index::build(directory);
    let all: Vec<_> = (0..directory.people.len()).collect();
    index
        .search(directory, &Query::new(query), &all)
        .iter()
        .map(|hit| directory.people[hit.person].name().to_owned())
        .collect()
}

#[test]
fn a_huge_query_is_bounded() {
    let repeated = Query::new(&"a ".repeat(100_000));
    assert_eq!(repeated.terms.len(), 1, "repeats are one term");
    assert_eq!(repeated.notice(), None);
    let words: Vec<String> = (0..1000).map(|n| format!("w{n}")).collect();
    let many = Query::new(&words.join(" "));
    assert_eq!(many.terms.len(), MAX_TERMS);
    assert!(many.notice().is_some_and(|n| n.contains("first 32")));
    let long = Query::new(&"é".repeat(10_000));
    assert_eq!(long.terms[0].folded.chars().count(), MAX_TERM_CHARS);
    assert!(long.notice().is_some());
    // Still a query: it finds who it finds.
    let dir = directory();
    let essay = format!("song {}", "han ".repeat(50_000));
    assert_eq!(names(&dir, &essay), ["Song Han"]);
}

#[test]
fn accents_and_marks_fold() {
    let dir = directory();
    assert_eq!(names(&dir, "jose"), ["José Zoë"]);
    assert_eq!(names(&dir, "zoe"), ["José Zoë"]);
    assert_eq!(names(&dir, "soren"), ["Søren Ångström"]);
    assert_eq!(names(&dir, "angstrom"), ["Søren Ångström"]);
    assert_eq!(
        names(&dir, "montreal"),
        ["Søren Ångström", "Ada Lovelace", "Quentin Tarantino"]
    );
}

#[test]
fn lower_case_finds_capitals_of_other_scripts() {
    let mut dir = directory();
    dir.people[4].edit(|p| p.name = "Иван Петров".into());
    assert_eq!(names(&dir, "иван"), ["Иван Петров"]);
    assert_eq!(names(&dir, "Петров"), ["Иван Петров"]);
    let index = Index::build(&dir);
    let found = index.highlights(&dir, &Query::new("петр"), 4);
    assert_eq!(found.name, [5, 6, 7, 8]);
}

#[test]
fn a_name_match_outranks_research_title_and_school() {
    let dir = directory();
    // "song" is Song Han's name and Ada Lovelace's research; it is also
    // scattered through Søren Ångström's name, a worse match.
    assert_eq!(
        names(&dir, "song"),
        ["Song Han", "Ada Lovelace", "Søren Ångström"]
    );
    // "quant" is Song Han's research and Ada Lovelace's title.
    let found = names(&dir, "quant");
    let rank = |name: &str| found.iter().position(|n| n == name);
    assert!(rank("Song Han") < rank("Ada Lovelace"), "{found:?}");
}

#[test]
fn smart_case() {
    let dir = directory();
    assert_eq!(names(&dir, "lovelace"), ["Ada Lovelace"]);
    assert_eq!(names(&dir, "Lovelace"), ["Ada Lovelace"]);
    assert!(names(&dir, "LOVELACE").is_empty());
    assert!(names(&dir, "lovelacE").is_empty());
    // Per term: a capital makes that term exact, not the others.
    assert_eq!(names(&dir, "ADA lovelace"), Vec::<String>::new());
    assert_eq!(names(&dir, "ada Lovelace"), ["Ada Lovelace"]);
    assert_eq!(names(&dir, "ada LOVELACE"), Vec::<String>::new());
}

#[test]
fn every_term_must_match() {
    let dir = directory();
    assert_eq!(names(&dir, "professor optics"), ["Søren Ångström"]);
    assert_eq!(names(&dir, "tarantino"), ["Quentin Tarantino"]);
    assert!(names(&dir, "tarantino   optics").is_empty());
    assert!(names(&dir, "zzz").is_empty());
}

#[test]
fn empty_query_keeps_directory_order() {
    let dir = directory();
    assert_eq!(names(&dir, "  ").len(), 5);
    assert_eq!(names(&dir, "")[0], "Song Han");
}

#[test]
fn equal_scores_keep_directory_order() {
    let mut dir = directory();
    let twin = dir.people[1].clone();
    dir.people.insert(0, twin.clone());
    dir.people.push(twin);
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    let hits = index.search(&dir, &Query::new("jose"), &all);
    let order: Vec<_> = hits.iter().map(|h| h.person).collect();
    assert_eq!(order, [0, 2, 6]);
}

#[test]
fn highlights_land_on_original_characters() {
    let dir = directory();
    let index = Index::build(&dir);
    let found = index.highlights(&dir, &Query::new("zoe"), 1);
    // "José Zoë": Z o ë are characters 5, 6, 7.
    assert_eq!(found.name, [5, 6, 7]);
    let found = index.highlights(&dir, &Query::new("quantization han"), 0);
    assert_eq!(found.name, [5, 6, 7]);
    let research = dir.people[0].research_line();
    let marked: String = found
        .research
        .iter()
        .filter_map(|&i| research.chars().nth(i))
        .collect();
    assert_eq!(marked, "quantization");
}

#[test]
fn narrowing_is_detected_from_the_typed_text() {
    assert!(Query::new("sto").narrows(&Query::new("st")));
    assert!(Query::new("st ion").narrows(&Query::new("st")));
    assert!(!Query::new("s").narrows(&Query::new("st")));
    assert!(Query::new("st ").same_as(&Query::new(" st")));
    assert!(!Query::new("st").same_as(&Query::new("St")));
}

#[test]
fn searching_within_candidates_only_returns_candidates() {
    let dir = directory();
    let index = Index::build(&dir);
    let hits = index.search(&dir, &Query::new("professor"), &[2, 3]);
    let people: Vec<_> = hits.iter().map(|h| h.person).collect();
    assert_eq!(people, [2, 3]);
}

#[test]
fn scores_do_not_depend_on_what_was_matched_before() {
    let mut dir = directory();
    dir.people[0].edit(|p| p.name = "zeOsre Subere".into());
    dir.people[1].edit(|p| p.name = "anbe, reSuze".into());
    let index = Index::build(&dir);
    let query = Query::new("ees");
    let alone = index.search(&dir, &query, &[1]);
    let after_another = index.search(&dir, &query, &[0, 1]);
    let score_of = |hits: &[Hit]| hits.iter().find(|h| h.person == 1).map(|h| h.score);
    assert_eq!(score_of(&alone), score_of(&after_another));
}

#[test]
fn a_search_no_longer_wanted_stops() {
    let dir = directory();
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    assert_eq!(
        index.search_while(&dir, &Query::new("jose"), &all, &|| false),
        None
    );
    let found = index.search_while(&dir, &Query::new("jose"), &all, &|| true);
    assert_eq!(found.map(|hits| hits.len()), Some(1));
}

#[test]
fn the_second_thread_goes_by_its_callers_name() {
    let mut dir = directory();
    let base = dir.people.clone();
    while dir.people.len() < PARALLEL_THRESHOLD * 2 {
        dir.people.extend(base.iter().cloned());
    }
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    // Every thread that scores asks this, at least once.
    let seen = Mutex::new(HashSet::new());
    let record = || {
        let current = thread::current();
        let name = current.name().map(String::from);
        seen.lock().unwrap().insert((current.id(), name));
        true
    };
    thread::scope(|scope| {
        thread::Builder::new()
            .name("profdex-caller".into())
            .spawn_scoped(scope, || {
                index.search_while(&dir, &Query::new("zzz"), &all, &record)
            })
            .unwrap()
            .join()
            .unwrap()
    });
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 2, "two threads: {seen:?}");
    for (_, name) in &seen {
        assert_eq!(name.as_deref(), Some("profdex-caller"));
    }
}

#[test]
fn large_candidate_sets_give_the_same_answer_on_two_threads() {
    let mut dir = directory();
    let base = dir.people.clone();
    while dir.people.len() < PARALLEL_THRESHOLD * 2 {
        dir.people.extend(base.iter().cloned());
    }
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    let hits = index.search(&dir, &Query::new("soren"), &all);
    assert_eq!(hits.len(), dir.people.len() / base.len());
    assert!(hits.windows(2).all(|w| w[0].person < w[1].person));
}
