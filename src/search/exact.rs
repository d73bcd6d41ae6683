//! Whether a field holds a marked term (`'exact`, `^prefix`, `suffix$`,
//! `^whole$`, a school's short name, a whole topic), and where. Letters compare as the
//! matcher compares them: ASCII case ignored unless the term is
//! case-sensitive, so a substring match is also a fuzzy one and the
//! column's fuzzy scan stays a necessary condition.

use super::column::is_subsequence;
use super::{Field, Term, topic};
use crate::aliases;
use crate::model::TOPIC_SEPARATOR;
use crate::query::Kind;

/// Whether `term` matches `text`, the folded text of `field`.
pub(super) fn accepts(term: &Term, field: Field, text: &str) -> bool {
    if term.kind == Kind::Fuzzy && term.schools.is_none() {
        return is_subsequence(text.as_bytes(), &term.folded, term.case_sensitive);
    }
    if let Some(schools) = &term.schools {
        return schools.contains(&aliases::key(text));
    }
    if let Some(wanted) = &term.topic {
        return topic::in_text(&wanted.key, text);
    }
    find(term, field, text).is_some()
}

/// The byte range of `text` that `term` (a marked one, not a school's
/// short name) matches. Research is a list of topics: a prefix, suffix or
/// whole match is against each topic.
pub(super) fn find(term: &Term, field: Field, text: &str) -> Option<(usize, usize)> {
    let needle = term.folded.as_bytes();
    let same = |a: &[u8]| {
        if term.case_sensitive {
            a == needle
        } else {
            a.eq_ignore_ascii_case(needle)
        }
    };
    let n = needle.len();
    if matches!(term.kind, Kind::Exact | Kind::Fuzzy) {
        let at = text.as_bytes().windows(n.max(1)).position(same)?;
        return Some((at, at + n));
    }
    pieces(field, text).find_map(|(start, piece)| {
        let piece = piece.as_bytes();
        let at = match term.kind {
            Kind::Prefix => (piece.len() >= n && same(&piece[..n])).then_some(0),
            Kind::Suffix => {
                (piece.len() >= n && same(&piece[piece.len() - n..])).then(|| piece.len() - n)
            }
            _ => (piece.len() == n && same(piece)).then_some(0),
        }?;
        Some((start + at, start + at + n))
    })
}

/// The parts a prefix or suffix is tested against, with where each starts:
/// each research topic, any other field whole.
fn pieces(field: Field, text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if field != Field::Research {
        return Box::new(std::iter::once((0, text)));
    }
    let mut start = 0;
    Box::new(text.split(TOPIC_SEPARATOR).map(move |piece| {
        let at = start;
        start += piece.len() + TOPIC_SEPARATOR.len();
        (at, piece)
    }))
}
