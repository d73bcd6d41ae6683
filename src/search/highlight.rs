//! Where a query matched one person, on the original text of each field.

use fuzzy_matcher::FuzzyMatcher;

use super::exact::find;
use super::scoring::{best_of, fuzzy_score, matcher, term_score, typo_score};
use super::{Field, Highlights, Index, Query, TOLERANT_BONUS, Term, tolerant};
use crate::fold::fold_with_origins;
use crate::model::{Directory, PersonId};
use crate::query::Kind;

/// Where a term scored best for one person: a field, or a name word one
/// typo away.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Field(Field),
    Typo,
}

impl Index {
    /// Match positions of `query` in `person`'s fields, for highlighting. Each
    /// group's best term is shown where it scored best, as in ranking; a
    /// term matching a name by a typo marks the whole word it stands for,
    /// a school's short name the whole school, a whole topic each topic of
    /// the research line that is it, a marked term the text it matched.
    /// Excluding terms mark nothing.
    pub fn highlights(&self, directory: &Directory, query: &Query, person: PersonId) -> Highlights {
        let mut highlights = Highlights::default();
        for group in query.groups() {
            let places = group
                .iter()
                .filter(|term| !term.negated)
                .map(|term| Some((self.best_place(term, person)?, term)))
                .map(|found| found.map(|((score, place), term)| (score, (place, term))));
            let Some((_, (place, term))) = best_of(places) else {
                continue;
            };
            let field = match place {
                Place::Field(field) => field,
                Place::Typo => Field::Name,
            };
            let marks: Vec<usize> = if term.topic.is_some() {
                self.topic_positions(directory, term, person)
            } else {
                marks(directory, person, place, field, term)
            };
            let found = highlights.of_mut(field);
            found.extend(marks);
            found.sort_unstable();
            found.dedup();
        }
        highlights
    }

    /// Where `term` scores best for `person`, and its score there.
    fn best_place(&self, term: &Term, person: PersonId) -> Option<(i64, Place)> {
        let fields = term.fields().iter().map(|&field| {
            let score = match &term.topic {
                Some(wanted) if self.lists_topic(term, person) => wanted.score,
                Some(_) => 0,
                None => term_score(term, field, self.column(field).person_text(person)),
            };
            (score, field.bonus(), Place::Field(field))
        });
        let typo = term.tolerant().then(|| {
            let text = self.name.person_text(person);
            (typo_score(text, term), TOLERANT_BONUS, Place::Typo)
        });
        let mut places: Vec<(i64, Place)> = fields
            .chain(typo)
            .filter(|&(score, _, _)| score > 0)
            .map(|(score, bonus, place)| (i64::from(score) + bonus, place))
            .collect();
        // In order of preference: name, typo, research, title, school; the
        // first of equals wins.
        places.sort_by_key(|&(_, place)| match place {
            Place::Field(Field::Name) => 0,
            Place::Typo => 1,
            Place::Field(field) => 1 + field as u8,
        });
        let best = places.iter().map(|&(score, _)| score).max()?;
        places.into_iter().find(|&(score, _)| score == best)
    }
}

/// Where `term`, not a whole topic, marks `person`'s `field` scoring
/// best at `place`: character positions in the text as written.
fn marks(
    directory: &Directory,
    person: PersonId,
    place: Place,
    field: Field,
    term: &Term,
) -> Vec<usize> {
    let original = original_text(directory, person, field);
    let (folded, origins) = fold_with_origins(&original);
    let positions: Vec<usize> = match place {
        Place::Field(_) if term.schools.is_some() => (0..origins.len()).collect(),
        Place::Field(field) if term.kind != Kind::Fuzzy => find(term, field, &folded)
            .map(|(start, end)| {
                let first = folded[..start].chars().count();
                (first..first + folded[start..end].chars().count()).collect()
            })
            .unwrap_or_default(),
        Place::Field(_) => matcher(term)
            .fuzzy_indices(&folded, &term.folded)
            .map(|(_, positions)| positions)
            .unwrap_or_default(),
        Place::Typo => typo_word(&folded, term)
            .map(|(start, end)| (start..end).collect())
            .unwrap_or_default(),
    };
    positions
        .iter()
        .filter_map(|&p| origins.get(p).copied())
        .collect()
}

/// The character range of the name word in `folded` that `term` stands for
/// by a typo: the best-scoring one, the first of equals.
fn typo_word(folded: &str, term: &Term) -> Option<(usize, usize)> {
    let mut best: Option<(i32, usize, usize)> = None;
    for (start, end, word) in tolerant::words(folded) {
        if tolerant::edits(word, &term.folded, term.case_sensitive).is_none() {
            continue;
        }
        let score = fuzzy_score(term, folded, &tolerant::as_typed(word, term.case_sensitive));
        if best.is_none_or(|(top, _, _)| score > top) {
            best = Some((score, start, end));
        }
    }
    best.map(|(_, start, end)| (start, end))
}

/// A field's text as written (the one place highlights read it).
fn original_text(directory: &Directory, person: PersonId, field: Field) -> String {
    let original = &directory.people[person];
    match field {
        Field::Name => original.name().to_owned(),
        Field::Research => original.research_line().to_owned(),
        Field::Title => original.title().map(str::to_owned).unwrap_or_default(),
        Field::School => directory.school_of(original).name.clone(),
    }
}
