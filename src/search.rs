//! Fuzzy finding over the directory (skim's algorithm from `fuzzy-matcher`).
//!
//! Folded copies of the searchable text are made once, when the index is
//! built; a keystroke only runs the matcher. Each space-separated term must
//! match one of a person's fields; a term scores best in the name, then the
//! research topics, the title and the school, and a person's score is the sum
//! over terms. Equal scores keep directory order.

use std::collections::HashSet;
use std::thread;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::fold::{fold, fold_with_origins};
use crate::model::{Directory, PersonId};

/// Past this many matrix cells the matcher falls back to a greedy match, so a
/// pathological multi-megabyte field cannot take seconds or gigabytes.
const MATCHER_CELL_LIMIT: usize = 200_000;

/// Below this many candidates a second thread costs more than it saves.
const PARALLEL_THRESHOLD: usize = 20_000;

/// How many candidates are scored between checks that the search is still wanted.
const CHUNK: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Research,
    Title,
    School,
}

impl Field {
    const ALL: [Field; 4] = [Field::Name, Field::Research, Field::Title, Field::School];

    /// Added to a match's score in this field, so that of two equally good
    /// matches the one in the name wins, then research, title and school;
    /// small enough that a clean match in research still beats a scattered
    /// one in the name (skim gives about 12 points for each well-placed letter).
    fn bonus(self) -> i64 {
        match self {
            Field::Name => 24,
            Field::Research => 16,
            Field::Title => 8,
            Field::School => 0,
        }
    }
}

/// At most this many distinct terms are matched; a pasted essay must not
/// make one keystroke cost seconds.
pub const MAX_TERMS: usize = 32;

/// Longer terms are cut to this many characters: the matcher's work grows
/// with the length of the term times the length of the text.
pub const MAX_TERM_CHARS: usize = 128;

/// A parsed query: folded terms, each knowing whether it is case-sensitive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    text: String,
    terms: Vec<Term>,
    /// Whether terms were dropped or cut to keep the work bounded.
    limited: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    folded: String,
    case_sensitive: bool,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let mut limited = false;
        let mut words: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for word in text.split_whitespace() {
            if words.len() == MAX_TERMS {
                limited = true;
                break;
            }
            let mut folded = fold(word).unwrap_or_else(|| word.to_string());
            if let Some((cut, _)) = folded.char_indices().nth(MAX_TERM_CHARS) {
                folded.truncate(cut);
                limited = true;
            }
            // A repeated term finds no one new.
            if !folded.is_empty() && seen.insert(folded.clone()) {
                words.push(folded);
            }
        }
        // Smart case: an upper-case letter anywhere makes the query exact.
        let case_sensitive = words
            .iter()
            .any(|word| word.chars().any(char::is_uppercase));
        let terms = words
            .into_iter()
            .map(|folded| Term {
                folded,
                case_sensitive,
            })
            .collect();
        Query {
            text: text.to_string(),
            terms,
            limited,
        }
    }

    /// What was left out of a very long query, to tell the user.
    pub fn notice(&self) -> Option<String> {
        self.limited.then(|| {
            format!(
                "Only the first {MAX_TERMS} different words of the query are used, each up to {MAX_TERM_CHARS} characters"
            )
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every person matching `self` also matches `previous`, so
    /// the previous hits are enough candidates: typing more only narrows.
    pub fn narrows(&self, previous: &Query) -> bool {
        self.text.starts_with(&previous.text)
    }

    /// True when both find the same people in the same order (they differ
    /// at most in spacing), so one's hits answer the other.
    pub fn same_as(&self, other: &Query) -> bool {
        self.terms == other.terms
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub person: PersonId,
    pub score: i64,
}

/// Where a query matched one person: character positions in the original
/// text of each field (research positions are in `Person::research_line`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights {
    pub name: Vec<usize>,
    pub research: Vec<usize>,
    pub title: Vec<usize>,
    pub school: Vec<usize>,
}

impl Highlights {
    pub fn of(&self, field: Field) -> &[usize] {
        match field {
            Field::Name => &self.name,
            Field::Research => &self.research,
            Field::Title => &self.title,
            Field::School => &self.school,
        }
    }

    fn of_mut(&mut self, field: Field) -> &mut Vec<usize> {
        match field {
            Field::Name => &mut self.name,
            Field::Research => &mut self.research,
            Field::Title => &mut self.title,
            Field::School => &mut self.school,
        }
    }
}

/// The folded, searchable text of a directory. Folded copies are kept only
/// where folding changes something.
pub struct Index {
    people: Vec<PersonText>,
    schools: Vec<Option<String>>,
}

struct PersonText {
    name: Option<Box<str>>,
    title: Option<Box<str>>,
    research: Box<str>,
}

impl Index {
    pub fn build(directory: &Directory) -> Index {
        let people = directory
            .people
            .iter()
            .map(|person| {
                let research = person.research_line();
                PersonText {
                    name: fold(&person.name).map(String::into_boxed_str),
                    title: person
                        .title
                        .as_deref()
                        .and_then(fold)
                        .map(String::into_boxed_str),
                    research: fold(&research).unwrap_or(research).into_boxed_str(),
                }
            })
            .collect();
        let schools = directory.schools.iter().map(|s| fold(&s.name)).collect();
        Index { people, schools }
    }

    /// Every candidate that matches `query`, best first; equal scores in
    /// directory order. An empty query keeps all candidates, in directory order.
    pub fn search(
        &self,
        directory: &Directory,
        query: &Query,
        candidates: &[PersonId],
    ) -> Vec<Hit> {
        self.search_while(directory, query, candidates, &|| true)
            .unwrap_or_default()
    }

    /// Like `search`, but gives up (returning `None`) soon after
    /// `keep_going` turns false: a search in the background stops when the
    /// user has typed on and its answer is no longer wanted.
    pub fn search_while(
        &self,
        directory: &Directory,
        query: &Query,
        candidates: &[PersonId],
        keep_going: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let mut hits = if candidates.len() < PARALLEL_THRESHOLD {
            self.score_all(directory, query, candidates, keep_going)?
        } else {
            let (first, second) = candidates.split_at(candidates.len() / 2);
            // The second thread goes by the name of the one it helps, so
            // that the browser's panic hook takes a panic in it for one in
            // that thread: the background search's (which the browser
            // survives) or the main thread's.
            let mut helper = thread::Builder::new();
            if let Some(name) = thread::current().name() {
                helper = helper.name(name.to_owned());
            }
            thread::scope(|scope| {
                let other = helper.spawn_scoped(scope, || {
                    self.score_all(directory, query, second, keep_going)
                });
                let hits = self.score_all(directory, query, first, keep_going);
                let other = match other {
                    Ok(other) => other
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // Without a second thread, this one does both halves.
                    Err(_) => self.score_all(directory, query, second, keep_going),
                };
                hits.zip(other).map(|(mut hits, other)| {
                    hits.extend(other);
                    hits
                })
            })?
        };
        hits.sort_unstable_by(|a, b| b.score.cmp(&a.score).then(a.person.cmp(&b.person)));
        Some(hits)
    }

    fn score_all(
        &self,
        directory: &Directory,
        query: &Query,
        candidates: &[PersonId],
        keep_going: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        // A school's score for a term is the same for all its people.
        let mut school_scores: Vec<Vec<Option<Option<i64>>>> =
            vec![vec![None; directory.schools.len()]; query.terms.len()];
        let mut hits = Vec::new();
        for chunk in candidates.chunks(CHUNK) {
            if !keep_going() {
                return None;
            }
            hits.extend(chunk.iter().filter_map(|&person| {
                let mut total = 0;
                for (term_index, term) in query.terms.iter().enumerate() {
                    let school = directory.people[person].school;
                    let school_score =
                        *school_scores[term_index][school].get_or_insert_with(|| {
                            Self::score(self.school_text(directory, school), term)
                                .map(|s| s + Field::School.bonus())
                        });
                    let best = [Field::Name, Field::Research, Field::Title]
                        .into_iter()
                        .filter_map(|field| {
                            let text = self.text(directory, person, field);
                            Self::score(text, term).map(|s| s + field.bonus())
                        })
                        .chain(school_score)
                        .max()?;
                    total += best;
                }
                Some(Hit {
                    person,
                    score: total,
                })
            }));
        }
        Some(hits)
    }

    /// Match positions of `query` in `person`'s fields, for highlighting. Each
    /// term is shown where it scored best, as in ranking.
    pub fn highlights(&self, directory: &Directory, query: &Query, person: PersonId) -> Highlights {
        let mut highlights = Highlights::default();
        for term in &query.terms {
            let Some(field) = self.best_field(directory, term, person) else {
                continue;
            };
            let original = original_text(directory, person, field);
            let (folded, origins) = fold_with_origins(&original);
            if let Some((_, positions)) = Self::matcher(term).fuzzy_indices(&folded, &term.folded) {
                let found = highlights.of_mut(field);
                found.extend(positions.iter().filter_map(|&p| origins.get(p).copied()));
                found.sort_unstable();
                found.dedup();
            }
        }
        highlights
    }

    /// The fields `highlights` marks, without working out where: what
    /// output without colour needs to lay a row out.
    pub fn matched_fields(
        &self,
        directory: &Directory,
        query: &Query,
        person: PersonId,
    ) -> impl Iterator<Item = Field> {
        query
            .terms
            .iter()
            .filter_map(move |term| self.best_field(directory, term, person))
    }

    /// Where a term is shown: the field it scored best in, as in ranking.
    fn best_field(&self, directory: &Directory, term: &Term, person: PersonId) -> Option<Field> {
        Field::ALL
            .into_iter()
            .filter_map(|field| {
                let score = Self::score(self.text(directory, person, field), term)?;
                Some((score + field.bonus(), field))
            })
            // max_by_key keeps the last of equals; the fields are in preference order.
            .rev()
            .max_by_key(|&(score, _)| score)
            .map(|(_, field)| field)
    }

    fn score(text: &str, term: &Term) -> Option<i64> {
        if !may_contain(text, term) {
            return None;
        }
        Self::matcher(term)
            .fuzzy_match(text, &term.folded)
            .map(|score| score.max(1))
    }

    /// A new matcher for every call: fuzzy-matcher 0.3.7 reuses its score
    /// matrix between calls without clearing it, so a reused matcher's
    /// scores depend on what it matched before, and ranking would depend on
    /// search history. A fresh one costs about a third more time.
    fn matcher(term: &Term) -> SkimMatcherV2 {
        let matcher = SkimMatcherV2::default().element_limit(MATCHER_CELL_LIMIT);
        if term.case_sensitive {
            matcher.respect_case()
        } else {
            matcher.ignore_case()
        }
    }

    fn text<'a>(&'a self, directory: &'a Directory, person: PersonId, field: Field) -> &'a str {
        let text = &self.people[person];
        let original = &directory.people[person];
        match field {
            Field::Name => text.name.as_deref().unwrap_or(&original.name),
            Field::Research => &text.research,
            Field::Title => text
                .title
                .as_deref()
                .or(original.title.as_deref())
                .unwrap_or(""),
            Field::School => self.school_text(directory, original.school),
        }
    }

    fn school_text<'a>(&'a self, directory: &'a Directory, school: usize) -> &'a str {
        self.schools[school]
            .as_deref()
            .unwrap_or(&directory.schools[school].name)
    }
}

fn original_text(directory: &Directory, person: PersonId, field: Field) -> String {
    let original = &directory.people[person];
    match field {
        Field::Name => original.name.clone(),
        Field::Research => original.research_line(),
        Field::Title => original.title.clone().unwrap_or_default(),
        Field::School => directory.school_of(original).name.clone(),
    }
}

/// A fast rejection: the term's characters must appear in order. Most people
/// fail this for most queries, and it costs far less than the matcher, which
/// first copies the text into a vector of characters. An ASCII term (most
/// of them) is looked for byte by byte: its bytes never occur inside the
/// UTF-8 encoding of other characters.
fn may_contain(text: &str, term: &Term) -> bool {
    if term.folded.is_ascii() {
        let mut haystack = text.bytes();
        return term.folded.bytes().all(|wanted| {
            if term.case_sensitive {
                haystack.any(|b| b == wanted)
            } else {
                haystack.any(|b| b.eq_ignore_ascii_case(&wanted))
            }
        });
    }
    let mut haystack = text.chars();
    term.folded.chars().all(|wanted| {
        if term.case_sensitive {
            haystack.any(|c| c == wanted)
        } else {
            haystack.any(|c| c == wanted || c.to_lowercase().eq(wanted.to_lowercase()))
        }
    })
}

#[cfg(test)]
mod tests {
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
            .map(|hit| directory.people[hit.person].name.clone())
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
        dir.people[4].name = "Иван Петров".into();
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
        // One capital makes the whole query exact.
        assert_eq!(names(&dir, "ada Lovelace"), Vec::<String>::new());
        assert_eq!(names(&dir, "Ada Lovelace"), ["Ada Lovelace"]);
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
        dir.people[0].name = "zeOsre Subere".into();
        dir.people[1].name = "anbe, reSuze".into();
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
}
