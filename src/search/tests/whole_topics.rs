//! `topic:"…"` in search: one whole research topic however it is
//! written, with the directory's topics attached to the index or not.

use super::super::*;
use super::language::{marked, sorted};
use crate::fixture::{person, school};
use crate::model::Person;
use crate::topics::{Synonyms, Topics};

/// People who write machine learning several ways, and topics near it.
fn topical() -> Directory {
    Directory {
        schools: vec![school("MIT", vec![]), school("UC Berkeley", vec![])],
        people: vec![
            person(0, "Ann Abbreviated", "Professor", &["ML", "Databases"]),
            person(
                0,
                "Bea Dotted",
                "Professor",
                &["Machine Learning.", "Robotics"],
            ),
            person(1, "Cy Longer", "Professor", &["machine learning systems"]),
            person(1, "Di Hyphen", "Professor", &["Machine-learning theory"]),
            person(1, "Ed Plural", "Lecturer", &["MLs", "Operating Systems"]),
            person(
                0,
                "Flo Accent",
                "Professor",
                &["Apprentissage", "Théorie des graphes"],
            ),
            person(
                0,
                "Gil Brackets",
                "Professor",
                &["ML (training, inference)", "OS"],
            ),
            person(1, "Hal None", "Professor", &[]),
        ],
    }
}

/// The index of `dir`, with its topics (under `synonyms`) attached or not.
fn topic_index(dir: &Directory, synonyms: Option<&Synonyms>) -> Index {
    let index = Index::build(dir);
    match synonyms {
        Some(synonyms) => index.with_topics(Arc::new(Topics::build(dir, synonyms))),
        None => index,
    }
}

fn found(dir: &Directory, index: &Index, query: &str) -> Vec<String> {
    let all: Vec<_> = (0..dir.people.len()).collect();
    index
        .search(dir, &Query::new(query), &all)
        .iter()
        .map(|hit| dir.people[hit.person].name().to_owned())
        .collect()
}

#[test]
fn a_quoted_topic_is_one_whole_topic_however_it_is_written() {
    let dir = topical();
    let builtin = Synonyms::builtin();
    for index in [topic_index(&dir, None), topic_index(&dir, Some(&builtin))] {
        let find = |query: &str| found(&dir, &index, query);
        let ml = ["Ann Abbreviated", "Bea Dotted", "Ed Plural"];
        // "ML" holds not one letter of "machine learning" in order: no
        // prefilter on letters may pass over it.
        assert_eq!(find("topic:\"machine learning\""), ml);
        assert_eq!(find("topic:\"ML\""), ml);
        assert_eq!(find("research:\"Machine Learning.\""), ml);
        assert_eq!(find("topic:\"machine learnings\""), ml);
        assert_eq!(find("topic:\"machine learning systems\""), ["Cy Longer"]);
        assert_eq!(find("topic:\"ML systems\""), ["Cy Longer"]);
        assert!(find("topic:\"learning\"").is_empty(), "not a substring");
        assert_eq!(
            sorted(find("topic:'learning")),
            ["Bea Dotted", "Cy Longer", "Di Hyphen"],
            "a quoted word still is one"
        );
        assert_eq!(
            find("!topic:\"machine learning\""),
            [
                "Cy Longer",
                "Di Hyphen",
                "Flo Accent",
                "Gil Brackets",
                "Hal None"
            ]
        );
        assert_eq!(
            sorted(find("topic:\"ML\" | topic:\"operating system\"")),
            ["Ann Abbreviated", "Bea Dotted", "Ed Plural", "Gil Brackets"]
        );
        assert_eq!(find("topic:\"ML\" school:berkeley"), ["Ed Plural"]);
        assert_eq!(find("topic:\"theorie des graphes\""), ["Flo Accent"]);
        assert_eq!(find("topic:\"ML (training, inference)\""), ["Gil Brackets"]);
        assert!(find("topic:\"training\"").is_empty(), "inside a topic");
        assert!(find("topic:\"...\"").is_empty());
        assert!(find("topic:\"compilers\"").is_empty());
    }
}

#[test]
fn with_topics_attached_or_not_the_same_people_score_the_same() {
    let dir = topical();
    let plain = topic_index(&dir, None);
    let attached = topic_index(&dir, Some(&Synonyms::builtin()));
    let all: Vec<_> = (0..dir.people.len()).collect();
    for text in [
        "topic:\"ML\"",
        "!topic:\"ML\"",
        "topic:\"os\" | name:ann",
        "topic:\"databases\" topic:\"machine learning\"",
        "topic:\"machine learning\" professor",
        "topic:\"ML (training, inference)\"",
        "!topic:\"robotics\" !topic:\"ml\" e",
    ] {
        let query = Query::new(text);
        let hits = plain.search(&dir, &query, &all);
        assert!(!hits.is_empty(), "{text:?}");
        assert_eq!(attached.search(&dir, &query, &all), hits, "{text:?}");
        for hit in hits {
            assert_eq!(
                attached.highlights(&dir, &query, hit.person),
                plain.highlights(&dir, &query, hit.person),
                "{text:?}"
            );
        }
    }
}

#[test]
fn attached_topics_bring_their_own_synonyms() {
    let dir = topical();
    let mut synonyms = Synonyms::builtin();
    synonyms.add_groups("mine", "machine learning: apprentissage\n");
    let index = topic_index(&dir, Some(&synonyms));
    assert_eq!(
        found(&dir, &index, "topic:\"ML\""),
        ["Ann Abbreviated", "Bea Dotted", "Ed Plural", "Flo Accent"]
    );
    let marked_here = index.highlights(&dir, &Query::new("topic:\"ML\""), 5);
    assert_eq!(
        marked(dir.people[5].research_line(), &marked_here.research),
        "Apprentissage"
    );
    // Without them, the built-in synonyms only.
    assert_eq!(
        found(&dir, &topic_index(&dir, None), "topic:\"ML\"").len(),
        3
    );
}

#[test]
fn a_whole_topic_ranks_as_a_clean_match_in_research_and_shows_there() {
    let mut dir = topical();
    dir.people
        .push(person(1, "Ivy Exact", "Professor", &["machine learning"]));
    let all: Vec<_> = (0..dir.people.len()).collect();
    for index in [
        topic_index(&dir, None),
        topic_index(&dir, Some(&Synonyms::builtin())),
    ] {
        let topic = index.search(&dir, &Query::new("topic:\"machine learning\""), &all);
        assert_eq!(topic.len(), 4);
        // Ivy's research is the words as typed: an exact phrase, found in
        // research, scores so.
        let exact = index.search(&dir, &Query::new("\"machine learning\""), &[8]);
        assert_eq!(exact[0].shown_in, Field::Research.bit());
        assert!(topic.iter().all(|hit| hit.score == exact[0].score));
        assert!(
            topic
                .iter()
                .all(|hit| hit.shown_in == Field::Research.bit())
        );
        // The whole topic, without its full stop; every topic that is it.
        let query = Query::new("topic:\"ML\"");
        let bea = index.highlights(&dir, &query, 1);
        assert_eq!(
            marked(dir.people[1].research_line(), &bea.research),
            "Machine Learning"
        );
        assert!(bea.name.is_empty());
        let ed = index.highlights(&dir, &Query::new("topic:\"ML\" topic:\"OS\""), 4);
        assert_eq!(
            marked(dir.people[4].research_line(), &ed.research),
            "MLsOperating Systems"
        );
        let gil = index.highlights(&dir, &Query::new("topic:\"os\""), 6);
        assert_eq!(marked(dir.people[6].research_line(), &gil.research), "OS");
        assert!(index.highlights(&dir, &query, 2).research.is_empty());
    }
}

#[test]
fn a_whole_topic_narrows_only_to_itself() {
    let narrows = |new: &str, old: &str| Query::new(new).narrows(&Query::new(old));
    let extends = |new: &str, old: &str| Query::new(new).extends(&Query::new(old));
    let ml = "topic:\"machine learning\"";
    assert!(!narrows("topic:\"machine learning systems\"", ml));
    assert!(!extends("topic:\"machine learning systems\"", ml));
    assert!(!narrows(ml, "topic:\"machine learning systems\""));
    assert!(
        !narrows(ml, "topic:'machine learning"),
        "\"ML\" has no such text"
    );
    assert!(
        !narrows(ml, "topic:\"machine learning"),
        "closing the quote"
    );
    assert!(!narrows("topic:'machine learning", ml));
    assert!(!narrows("!topic:\"ML systems\"", "!topic:\"ML\""));
    assert!(narrows(&format!("{ml} school:mit"), ml));
    assert!(narrows(ml, &format!("{ml} | topic:\"robotics\"")));
    assert!(narrows("!topic:\"ML\" a", "!topic:\"ML\""));
    assert!(Query::new(ml).same_as(&Query::new(&format!("  {ml} "))));
    assert!(Query::new(ml).has_topic_terms());
    assert!(Query::new(&format!("a | !{ml}")).has_topic_terms());
    assert!(!Query::new("topic:'machine topic:\"machine").has_topic_terms());
}

#[test]
fn whole_topics_narrowed_or_one_by_one_give_the_fresh_answer() {
    let mut dir = topical();
    // More distinct research texts than are always scanned, so that a
    // handful of candidates is tested one by one.
    for n in 0..5000 {
        let research = [
            format!("Topic {n}"),
            ["ML", "OS", "Databases"][n % 3].into(),
        ];
        let research: Vec<&str> = research.iter().map(String::as_str).collect();
        dir.people
            .push(person(n % 2, &format!("P{n}"), "Professor", &research));
    }
    let all: Vec<_> = (0..dir.people.len()).collect();
    let few: Vec<_> = (0..dir.people.len()).step_by(997).collect();
    let texts = [
        "topic:\"machine learning\"",
        "topic:\"machine learning\" p1",
        "!topic:\"machine learning\"",
        "topic:\"ML\" | topic:\"os\"",
        "topic:\"topic 3\"",
        "topic:\"machine learning systems\"",
    ];
    for index in [
        topic_index(&dir, None),
        topic_index(&dir, Some(&Synonyms::builtin())),
    ] {
        for old in texts {
            let old = Query::new(old);
            let previous: Vec<_> = index
                .search(&dir, &old, &all)
                .iter()
                .map(|h| h.person)
                .collect();
            for new in texts {
                let new = Query::new(new);
                let fresh = index.search(&dir, &new, &all);
                if new.narrows(&old) {
                    assert_eq!(index.search(&dir, &new, &previous), fresh);
                }
                let among: Vec<Hit> = fresh
                    .into_iter()
                    .filter(|hit| few.contains(&hit.person))
                    .collect();
                assert_eq!(index.search(&dir, &new, &few), among, "{:?}", new.text());
            }
        }
    }
}

#[test]
fn the_filter_text_of_any_topic_finds_its_people() {
    let long = format!("Very {}long topic", "very ".repeat(60));
    let labels = [
        "The \"small\" model problem",
        "a | b",
        "!important: ^really$",
        "Théorie des graphes",
        long.as_str(),
    ];
    let people: Vec<Person> = labels
        .iter()
        .enumerate()
        .map(|(n, label)| person(0, &format!("P{n}"), "Professor", &[label, "Robotics"]))
        .collect();
    let dir = Directory {
        schools: vec![school("MIT", vec![])],
        people,
    };
    for index in [
        topic_index(&dir, None),
        topic_index(&dir, Some(&Synonyms::builtin())),
    ] {
        for (n, label) in labels.iter().enumerate() {
            let text = crate::query::topic_term(label);
            assert_eq!(found(&dir, &index, &text), [format!("P{n}")], "{text}");
            assert_eq!(Query::new(&text).notice(), None, "a long topic is not cut");
        }
    }
}
