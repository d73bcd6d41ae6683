//! The query language in search: operators, scopes, school short names,
//! narrowing and highlights (whole topics: `whole_topics`).

use super::super::*;
use super::names;
use crate::fixture::{person, school};

/// The shared directory with MIT under its full name, RMIT beside it,
/// and one more person there.
fn directory() -> Directory {
    let mut dir = super::directory();
    dir.schools[0].name = "Massachusetts Institute of Technology".into();
    dir.schools.push(school("RMIT University", vec![]));
    dir.people
        .push(person(2, "Ion Stoica", "Lecturer", &["Cloud computing"]));
    dir
}

pub(super) fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

#[test]
fn an_exact_term_wants_its_characters_together() {
    let dir = directory();
    assert_eq!(names(&dir, "qntz"), ["Song Han"]);
    assert!(names(&dir, "'qntz").is_empty());
    assert_eq!(sorted(names(&dir, "'quant")), ["Ada Lovelace", "Song Han"]);
    assert_eq!(names(&dir, "\"song writing\""), ["Ada Lovelace"]);
    assert!(names(&dir, "\"writing song\"").is_empty());
}

#[test]
fn smart_case_is_per_term_for_exact_terms_too() {
    let dir = directory();
    assert_eq!(names(&dir, "'Lovelace"), ["Ada Lovelace"]);
    assert_eq!(names(&dir, "'lovelace"), ["Ada Lovelace"]);
    assert!(names(&dir, "'LOVELACE").is_empty());
    assert_eq!(names(&dir, "'LOVELACE | ada"), ["Ada Lovelace"]);
}

#[test]
fn prefix_suffix_and_whole_match_fields_and_each_topic() {
    let dir = directory();
    assert_eq!(names(&dir, "name:^song"), ["Song Han"]);
    assert!(names(&dir, "name:^han").is_empty());
    assert_eq!(names(&dir, "topic:^llm"), ["Song Han"], "the second topic");
    assert!(names(&dir, "topic:^quant").is_empty(), "no topic starts so");
    assert_eq!(names(&dir, "topic:efficient ai$"), ["Song Han"]);
    assert_eq!(names(&dir, "topic:^databases$"), ["José Zoë"]);
    assert!(names(&dir, "topic:^data$").is_empty());
    assert_eq!(names(&dir, "^lecturer$ ^quentin"), ["Quentin Tarantino"]);
}

#[test]
fn a_negation_excludes_and_alone_keeps_everyone_else_in_order() {
    let dir = directory();
    assert_eq!(
        names(&dir, "!professor"),
        ["Quentin Tarantino", "Ion Stoica"]
    );
    assert_eq!(
        names(&dir, "!film !cloud"),
        ["Song Han", "José Zoë", "Søren Ångström", "Ada Lovelace"]
    );
    // An inverse exact match: scattered letters exclude no one.
    assert_eq!(names(&dir, "!fml").len(), 6);
    assert_eq!(names(&dir, "professor !associate !quantum").len(), 2);
}

#[test]
fn or_binds_tighter_than_and() {
    let dir = directory();
    assert_eq!(
        sorted(names(&dir, "'optics | 'film")),
        ["Quentin Tarantino", "Søren Ångström"]
    );
    assert_eq!(
        names(&dir, "'optics | 'film lecturer"),
        ["Quentin Tarantino"]
    );
    // A group scores as its best term: the name beats a scattered match.
    assert_eq!(names(&dir, "zzz | jose")[0], "José Zoë");
}

#[test]
fn scopes_restrict_the_fields_a_term_looks_at() {
    let dir = directory();
    assert_eq!(names(&dir, "title:quantum"), ["Ada Lovelace"]);
    assert!(names(&dir, "name:quantum").is_empty());
    assert_eq!(names(&dir, "topic:song"), ["Ada Lovelace"]);
    assert_eq!(names(&dir, "name:'song"), ["Song Han"]);
    assert_eq!(names(&dir, "school:montreal").len(), 3);
    assert_eq!(names(&dir, "research:optics"), ["Søren Ångström"]);
    // Typo tolerance stays for names, and only there.
    assert_eq!(names(&dir, "name:stocia"), ["Ion Stoica"]);
    assert_eq!(names(&dir, "stocia")[0], "Ion Stoica");
    assert!(names(&dir, "topic:stocia").is_empty());
}

#[test]
fn scopes_combine_with_negation_or_and_exact() {
    let dir = directory();
    assert_eq!(
        sorted(names(&dir, "!school:montreal title:'professor")),
        ["José Zoë", "Song Han"]
    );
    assert_eq!(
        sorted(names(&dir, "topic:'film | topic:optics !name:^søren")),
        ["Quentin Tarantino"]
    );
    assert_eq!(
        names(&dir, "title:'professor !title:associate !title:quantum").len(),
        2
    );
    assert_eq!(names(&dir, "!topic:\"song writing\" 'song"), ["Song Han"]);
}

#[test]
fn a_school_short_name_means_that_school_alone() {
    let dir = directory();
    // Plain, `mit` is in RMIT too.
    assert!(names(&dir, "mit").contains(&"Ion Stoica".to_string()));
    assert_eq!(sorted(names(&dir, "school:mit")), ["José Zoë", "Song Han"]);
    assert_eq!(sorted(names(&dir, "school:'MIT")), ["Ion Stoica"]);
    assert_eq!(
        names(&dir, "!school:mit"),
        [
            "Søren Ångström",
            "Ada Lovelace",
            "Quentin Tarantino",
            "Ion Stoica"
        ]
    );
    assert_eq!(names(&dir, "school:rmit"), ["Ion Stoica"]);
}

#[test]
fn what_is_not_syntax_is_text_with_a_note() {
    let query = Query::new("colour:red");
    assert!(query.notes()[0].contains("colour"), "{:?}", query.notes());
    assert!(!query.is_empty());
    assert!(Query::new("topic:red").notes().is_empty());
    assert!(Query::new("!").notes()[0].contains('!'));
    assert!(names(&directory(), "colour:red").is_empty());
}

#[test]
fn only_a_provable_subset_narrows() {
    let narrows = |new: &str, old: &str| Query::new(new).narrows(&Query::new(old));
    assert!(narrows("topic:qua", "topic:qu"));
    assert!(narrows("'abc", "'ab"));
    assert!(narrows("^abc", "^ab"));
    assert!(narrows("a", "a | b"));
    assert!(narrows("x !y", "x"));
    assert!(narrows("!school:mit topic:qu", "!school:mit"));
    assert!(!narrows("a | b", "a"), "an alternative widens");
    assert!(!narrows("abc", "'abc"), "fuzzy is looser than exact");
    assert!(!narrows("!mit", "!mi"), "excluding less widens");
    assert!(!narrows("!mi", "!mit"), "searched afresh");
    assert!(!narrows("topic:abc", "abc"));
    assert!(
        !narrows("school:mit", "school:mi"),
        "a short name is no substring"
    );
    assert!(!narrows("name:stocia", "name:stoci"), "a typo match");
    assert!(Query::new("name:stocia").extends(&Query::new("name:stoci")));
}

#[test]
fn narrowed_candidates_give_the_fresh_answer() {
    let dir = directory();
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    let texts = [
        "",
        "s",
        "so",
        "song",
        "'so",
        "'son",
        "^so",
        "^son",
        "!mit",
        "!mi",
        "a | o",
        "a",
        "topic:co",
        "topic:com",
        "school:mit",
        "school:mi",
        "!school:mit",
        "!school:mit o",
        "stoci",
        "stocia",
        "pro !assoc",
        "pro",
    ];
    for old in texts {
        for new in texts {
            let (old, new) = (Query::new(old), Query::new(new));
            if old.is_empty() || !new.narrows(&old) {
                continue;
            }
            let previous: Vec<_> = index
                .search(&dir, &old, &all)
                .iter()
                .map(|h| h.person)
                .collect();
            assert_eq!(
                index.search(&dir, &new, &previous),
                index.search(&dir, &new, &all),
                "{:?} after {:?}",
                new.text(),
                old.text()
            );
        }
    }
}

pub(super) fn marked(text: &str, positions: &[usize]) -> String {
    positions
        .iter()
        .filter_map(|&i| text.chars().nth(i))
        .collect()
}

#[test]
fn highlights_land_where_the_term_matched() {
    let dir = directory();
    let index = Index::build(&dir);
    let song = &dir.people[0];
    let found = index.highlights(&dir, &Query::new("'quant"), 0);
    assert_eq!(marked(song.research_line(), &found.research), "quant");
    assert!(found.name.is_empty());
    let found = index.highlights(&dir, &Query::new("topic:^llm"), 0);
    assert_eq!(marked(song.research_line(), &found.research), "LLM");
    let found = index.highlights(&dir, &Query::new("ai$ name:song"), 0);
    assert_eq!(marked(song.research_line(), &found.research), "AI");
    assert_eq!(marked(song.name(), &found.name), "Song");
    // An exclusion marks nothing; a short name marks the whole school.
    let found = index.highlights(&dir, &Query::new("!han school:mit"), 1);
    assert!(found.name.is_empty() && found.research.is_empty());
    assert_eq!(found.school.len(), dir.schools[0].name.chars().count());
    // Accents: the original characters of the match.
    let found = index.highlights(&dir, &Query::new("'zoe"), 1);
    assert_eq!(marked(dir.people[1].name(), &found.name), "Zoë");
}

#[test]
fn ranking_and_highlights_agree_on_where_terms_show() {
    let dir = directory();
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    for text in [
        "'quant",
        "topic:^llm | name:ada",
        "!school:mit o",
        "school:mit",
        "title:'professor song",
        "ai$ | film",
    ] {
        let query = Query::new(text);
        for hit in index.search(&dir, &query, &all) {
            let marked = index.highlights(&dir, &query, hit.person);
            let shown: u8 = Field::ALL
                .into_iter()
                .filter(|&field| !marked.of(field).is_empty())
                .map(Field::bit)
                .sum();
            assert_eq!(hit.shown_in, shown, "{text:?} {}", hit.person);
        }
    }
}

#[test]
fn few_candidates_among_many_texts_are_tested_one_by_one_alike() {
    // More distinct texts than are always scanned, and a handful of
    // candidates: each is tested as it comes, not through a scan.
    let mut dir = directory();
    for n in 0..5000 {
        let school = n % 3;
        let name = format!("Person{n} Quant{}", n % 7);
        let topic = format!("topic{n}, quantum {}", n % 5);
        dir.people
            .push(person(school, &name, &format!("Title {n}"), &[&topic]));
    }
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    let few: Vec<_> = (0..dir.people.len()).step_by(997).collect();
    for text in [
        "'quant3",
        "!'quant3",
        "name:^person1",
        "topic:^quantum 2$",
        "!school:mit quant",
        "school:mit | title:^title 1",
        "'QUANT | ^Person2",
    ] {
        let query = Query::new(text);
        let among: Vec<Hit> = index
            .search(&dir, &query, &all)
            .into_iter()
            .filter(|hit| few.contains(&hit.person))
            .collect();
        assert_eq!(index.search(&dir, &query, &few), among, "{text:?}");
    }
}
