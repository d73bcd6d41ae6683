//! The search against the plainest way of doing the same: every field of
//! every candidate through a fresh matcher.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::super::*;
use crate::fixture::{person, school};

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
