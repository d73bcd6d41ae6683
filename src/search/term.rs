//! One term of a query as search reads it: its folded text, what it asks
//! for, the fields it looks at, and which terms it implies (for narrowing).

use super::{Field, MAX_TERM_CHARS, column, scoring, tolerant, topic};
use crate::aliases;
use crate::query::{self, Kind, Scope};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Term {
    pub(super) folded: String,
    pub(super) case_sensitive: bool,
    pub(super) kind: Kind,
    pub(super) scope: Scope,
    pub(super) negated: bool,
    /// For `school:` and a school's short name (`school:mit`): the
    /// [`aliases::key`]s of the schools it means, which it matches alone.
    pub(super) schools: Option<Vec<String>>,
    /// For a whole research topic (`topic:"…"`): what it asks for.
    pub(super) topic: Option<topic::Wanted>,
}

impl Term {
    pub(super) fn read(term: query::Term, limited: &mut bool) -> Term {
        let mut folded = term.text;
        // A whole topic is compared by its key, whatever its length.
        if let Some((cut, _)) = folded.char_indices().nth(MAX_TERM_CHARS)
            && term.kind != Kind::Topic
        {
            folded.truncate(cut);
            *limited = true;
        }
        // A short name as typed: `school:'mit` and `school:"mit"` are text.
        let aliased = term.scope == Scope::School
            && (term.kind == Kind::Fuzzy || term.kind == Kind::Exact && term.negated);
        let mut read = Term {
            schools: aliased.then(|| aliases::schools(&folded)).flatten(),
            folded,
            case_sensitive: term.case_sensitive,
            kind: term.kind,
            scope: term.scope,
            negated: term.negated,
            topic: None,
        };
        if read.kind == Kind::Topic {
            let whole: String = read.folded.chars().take(MAX_TERM_CHARS).collect();
            let score = scoring::fuzzy_score(&read, &whole, &whole);
            read.topic = Some(topic::Wanted::new(&read.folded, score));
        }
        read
    }

    /// The fields the term looks at.
    pub(super) fn fields(&self) -> &'static [Field] {
        match self.scope {
            Scope::Any => &Field::ALL,
            Scope::Name => &[Field::Name],
            Scope::School => &[Field::School],
            Scope::Title => &[Field::Title],
            Scope::Topic => &[Field::Research],
        }
    }

    /// Whether the term also finds a name word one typo away.
    pub(super) fn tolerant(&self) -> bool {
        self.is_plain_fuzzy()
            && matches!(self.scope, Scope::Any | Scope::Name)
            && tolerant::is_tolerant(&self.folded)
    }

    pub(super) fn is_plain_fuzzy(&self) -> bool {
        self.kind == Kind::Fuzzy && !self.negated && self.schools.is_none()
    }

    /// Whether a text the term matches holds the term's characters in
    /// order, so that the column's fuzzy scan may pass over the others.
    /// Not a school's short name nor a whole topic, which need not be
    /// spelled by the letters typed ("ML" for machine learning).
    pub(super) fn spelled_out(&self) -> bool {
        self.schools.is_none() && self.kind != Kind::Topic
    }

    /// True when every person this term matches, `other` matches too
    /// (`typos`: counting matches by a typo; without, for `extends`).
    pub(super) fn implies(&self, other: &Term, typos: bool) -> bool {
        if self == other {
            return true;
        }
        if self.negated
            || other.negated
            || self.scope != other.scope
            || self.schools.is_some()
            || other.schools.is_some()
            || (other.case_sensitive && !self.case_sensitive)
        {
            return false;
        }
        let (new, old) = (&self.folded, &other.folded);
        match (self.kind, other.kind) {
            // A longer term's fuzzy matches hold the shorter's, but a typo
            // match of it need not: `stocia` finds Stoica, `stoci` does not.
            (Kind::Fuzzy, Kind::Fuzzy) => {
                !(typos && self.tolerant())
                    && column::is_subsequence(new.as_bytes(), old, other.case_sensitive)
            }
            (Kind::Exact, Kind::Exact) => new.contains(old.as_str()),
            (Kind::Prefix, Kind::Prefix) => new.starts_with(old.as_str()),
            (Kind::Suffix, Kind::Suffix) => new.ends_with(old.as_str()),
            // A whole topic holds no other: "machine learning systems" is
            // not "machine learning". Only the same term, above, implies it.
            _ => false,
        }
    }
}
