use std::sync::Mutex;

use super::*;
use crate::fixture::{person, school};

fn directory() -> Directory {
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

fn names(directory: &Directory, query: &str) -> Vec<String> {
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

/// The search as it was first written: every field of every candidate
/// through a fresh matcher, plus name words one typo away.
fn reference(dir: &Directory, query: &Query, candidates: &[PersonId]) -> Vec<Hit> {
    use fuzzy_matcher::FuzzyMatcher;
    let folded = |text: &str| fold(text).unwrap_or_else(|| text.to_string());
    let score = |text: &str, term: &Term, pattern: &str| {
        let matcher = SkimMatcherV2::default().element_limit(MATCHER_CELL_LIMIT);
        let matcher = if term.case_sensitive {
            matcher.respect_case()
        } else {
            matcher.ignore_case()
        };
        matcher.fuzzy_match(text, pattern).map(|s| s.max(1))
    };
    let mut hits: Vec<Hit> = candidates
        .iter()
        .filter_map(|&p| {
            let person = &dir.people[p];
            let name = folded(person.name());
            let texts = [
                (name.clone(), Field::Name.bonus()),
                (folded(person.research_line()), Field::Research.bonus()),
                (folded(person.title().unwrap_or("")), Field::Title.bonus()),
                (
                    folded(&dir.schools[person.school].name),
                    Field::School.bonus(),
                ),
            ];
            let mut total = 0;
            for term in &query.terms {
                let fuzzy = texts
                    .iter()
                    .filter_map(|(text, bonus)| Some(score(text, term, &term.folded)? + bonus));
                let typo = tolerant::words(&name)
                    .filter(|_| term.folded.chars().count() >= MIN_TOLERANT_CHARS)
                    .filter(|(_, _, word)| edits(word, &term.folded, term.case_sensitive).is_some())
                    .filter_map(|(_, _, word)| {
                        let typed = tolerant::as_typed(word, term.case_sensitive);
                        Some(score(&name, term, &typed)? + TOLERANT_BONUS)
                    });
                total += fuzzy.chain(typo).max()?;
            }
            Some(Hit {
                person: p,
                score: total,
                shown_in: 0,
            })
        })
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.person.cmp(&b.person)));
    hits
}

use fuzzy_matcher::skim::SkimMatcherV2;

/// Many people made of a few names, topics, titles and schools, with
/// accents, other scripts, repeats and missing titles.
fn varied_directory() -> Directory {
    let firsts = [
        "Ion", "José", "Zoë", "Søren", "Wei", "ANA", "Jean-Luc", "Иван", "Ada",
    ];
    let lasts = [
        "Stoica",
        "Zhang",
        "Ångström",
        "Wang",
        "O'Brien",
        "Lovelace",
        "Петров",
        "Stocia",
        "Yang",
    ];
    let topics = [
        "Machine learning",
        "Databases",
        "Quantum computing",
        "Robotics",
        "Cloud computing",
        "Human–robot interaction",
        "Stochastic optimization",
        "Compilers",
        "",
    ];
    let titles = [
        "Professor",
        "Associate Professor",
        "Lecturer",
        "Professor of Quantum Computing",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % n as u64).unwrap_or(0)
    };
    let schools = vec![
        school("MIT", vec![]),
        school("Université de Montréal", vec![]),
        school("Stanford University", vec![]),
    ];
    let people = (0..1500)
        .map(|_| {
            let name = format!(
                "{} {}",
                firsts[next(firsts.len())],
                lasts[next(lasts.len())]
            );
            let research: Vec<&str> = (0..next(4)).map(|_| topics[next(topics.len())]).collect();
            let mut p = person(next(3), &name, titles[next(titles.len())], &research);
            if next(5) == 0 {
                p.edit(|p| p.title = None);
            }
            p
        })
        .collect();
    Directory { schools, people }
}

#[test]
fn ranks_exactly_as_scoring_every_field_of_everyone() {
    let dir = varied_directory();
    let index = Index::build(&dir);
    let all: Vec<_> = (0..dir.people.len()).collect();
    let some: Vec<_> = all.iter().copied().filter(|p| p % 3 != 1).rev().collect();
    let queries = [
        "s",
        "st",
        "sto",
        "stoi",
        "stoic",
        "stocia",
        "Stocia",
        "zhnag",
        "wang",
        "wnag",
        "yang",
        "jose",
        "JOSE",
        "zoe",
        "angstrom",
        "agnstrom",
        "иван",
        "петорв",
        "obrien",
        "o'brien",
        "machine learning",
        "learning machine",
        "quant comp",
        "prof",
        "mit",
        "montreal",
        "stanford robotics",
        "lovelcae ada",
        "ada",
        "e",
        "xqzj",
        "jean luc",
        "jeanluc",
        "a b c",
        "professor of",
        "Professor",
        "cloud stoica",
        "human robot",
        "hum–rob",
    ];
    for text in queries {
        let query = Query::new(text);
        for candidates in [&all, &some] {
            let found = index.search(&dir, &query, candidates);
            let ranked = |hits: &[Hit]| -> Vec<(PersonId, i64)> {
                hits.iter().map(|hit| (hit.person, hit.score)).collect()
            };
            assert_eq!(
                ranked(&found),
                ranked(&reference(&dir, &query, candidates)),
                "{text:?}"
            );
            // Ranking and highlighting agree on where each term is shown.
            for hit in &found {
                let marked = index.highlights(&dir, &query, hit.person);
                let shown: u8 = Field::ALL
                    .into_iter()
                    .filter(|&field| !marked.of(field).is_empty())
                    .map(Field::bit)
                    .sum();
                assert_eq!(
                    hit.shown_in,
                    shown,
                    "{text:?} {}",
                    dir.people[hit.person].name()
                );
            }
        }
    }
}
