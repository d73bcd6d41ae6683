//! Whether a query names a person, for the commands that act on one: the
//! whole name or a run of its words, exactly or within one typing slip,
//! compared after folding away case, accents and punctuation.
//!
//! Fuzzy search answers "who could this be"; this answers "is this their
//! name", which is what makes acting on one person safe. A slip is one
//! edit (a letter added, dropped or changed) or two neighbouring letters
//! swapped, the commonest typo in a name (`stocia` for Stoica), which
//! subsequence matching cannot forgive.

use crate::fold::fold;

/// How closely a query names someone; the first is the closest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    /// The whole name: `ion stoica`.
    Whole,
    /// A run of the name's words: `stoica`, `ion`.
    Part,
    /// The whole name, but for one slip: `ion stocia`.
    NearWhole,
    /// A run of the name's words, but for one slip: `stocia`.
    NearPart,
}

/// Whom a query names among the people (or favorites) it could mean.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Named<T> {
    One(T),
    /// Best first.
    Several(Vec<T>),
    NoOne,
}

/// Whom `text` names among `entries` (each with its name), `matched`
/// being those fuzzy search found, best first. One is named when the
/// closest [`Closeness`] of any name names only them; failing any naming,
/// when search found only them. So a name typed exactly wins over a slip
/// of another's, `stocia` finds Ion Stoica however many people it matches
/// in their research, and two people of one name are
/// [`Named::Several`], never a guess.
pub(super) fn decide<'a, T: Copy>(
    text: &str,
    entries: impl IntoIterator<Item = (T, &'a str)>,
    matched: Vec<T>,
) -> Named<T> {
    let mut closest: Option<Closeness> = None;
    let mut named = Vec::new();
    if let Some(query) = NameQuery::new(text) {
        for (entry, name) in entries {
            let Some(closeness) = query.closeness(name) else {
                continue;
            };
            if closest.is_none_or(|closest| closeness < closest) {
                closest = Some(closeness);
                named.clear();
            }
            if closest == Some(closeness) {
                named.push(entry);
            }
        }
    }
    let candidates = if named.is_empty() { matched } else { named };
    match candidates[..] {
        [] => Named::NoOne,
        [one] => Named::One(one),
        _ => Named::Several(candidates),
    }
}

/// Fewer letters than this are too short for a slip to be forgiven: one
/// letter changed in `li` or `xu` is simply another name.
const SHORTEST_NEAR: usize = 4;

/// A query made ready to compare with names.
struct NameQuery {
    words: usize,
    /// The folded words, one space apart, as characters.
    text: Vec<char>,
}

impl NameQuery {
    /// `None` for a query with no letter or digit.
    fn new(query: &str) -> Option<NameQuery> {
        let words = name_words(query);
        (!words.is_empty()).then(|| NameQuery {
            words: words.len(),
            text: words.join(" ").chars().collect(),
        })
    }

    /// How closely this query names someone called `name`, if at all.
    fn closeness(&self, name: &str) -> Option<Closeness> {
        let words = name_words(name);
        if words.len() < self.words {
            // Fewer words than the query: at best the whole name, slipped
            // (`ionstoica` for `Ion Stoica` is one space dropped).
            return self.near(&words.join(" ")).then_some(Closeness::NearWhole);
        }
        let whole = words.join(" ");
        if self.equals(&whole) {
            return Some(Closeness::Whole);
        }
        let runs: Vec<String> = words.windows(self.words).map(|run| run.join(" ")).collect();
        if runs.len() > 1 && runs.iter().any(|run| self.equals(run)) {
            return Some(Closeness::Part);
        }
        if self.near(&whole) {
            return Some(Closeness::NearWhole);
        }
        (runs.len() > 1 && runs.iter().any(|run| self.near(run))).then_some(Closeness::NearPart)
    }

    fn equals(&self, text: &str) -> bool {
        text.chars().eq(self.text.iter().copied())
    }

    fn near(&self, text: &str) -> bool {
        let text: Vec<char> = text.chars().collect();
        self.text.len().min(text.len()) >= SHORTEST_NEAR && within_one_slip(&self.text, &text)
    }
}

/// A name's words as compared: folded, lower case, without punctuation
/// (`O'Brien` is `obrien`, `J.` is `j`); hyphens and other dashes part words
/// as spaces do (`Jean-Luc` is `jean luc`).
fn name_words(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut words = Vec::new();
    let mut word = String::new();
    for c in folded.as_deref().unwrap_or(name).chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if (c.is_whitespace() || matches!(c, '-' | '_' | '/')) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether `a` and `b` differ by at most one slip: a character inserted,
/// deleted or replaced, or two neighbouring characters swapped (the
/// Damerau-Levenshtein distance, with adjacent transpositions, is at most 1).
/// Linear: with a budget of one edit, the first difference decides.
fn within_one_slip(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(at) = short.iter().zip(long).position(|(x, y)| x != y) else {
        // One is the other, or the other with one character more at its end.
        return true;
    };
    if short.len() == long.len() {
        let replaced = short[at + 1..] == long[at + 1..];
        let swapped = at + 1 < short.len()
            && short[at] == long[at + 1]
            && short[at + 1] == long[at]
            && short[at + 2..] == long[at + 2..];
        replaced || swapped
    } else {
        short[at..] == long[at + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closeness(query: &str, name: &str) -> Option<Closeness> {
        NameQuery::new(query)?.closeness(name)
    }

    fn slip(a: &str, b: &str) -> bool {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        within_one_slip(&a, &b)
    }

    #[test]
    fn one_slip_is_one_edit_or_one_swap_of_neighbours() {
        for (a, b) in [
            ("stoica", "stoica"),
            ("stocia", "stoica"),
            ("tsoica", "stoica"),
            ("stoiac", "stoica"),
            ("stoca", "stoica"),
            ("stoicaa", "stoica"),
            ("xstoica", "stoica"),
            ("stoixa", "stoica"),
            ("", "a"),
        ] {
            assert!(slip(a, b), "{a} ~ {b}");
            assert!(slip(b, a), "{b} ~ {a}");
        }
        for (a, b) in [
            ("scoita", "stoica"),
            ("otsica", "stoica"),
            ("stoicaaa", "stoica"),
            ("stxixa", "stoica"),
            ("sotcia", "stoica"),
            ("ab", "ba c"),
        ] {
            assert!(!slip(a, b), "{a} !~ {b}");
            assert!(!slip(b, a), "{b} !~ {a}");
        }
    }

    #[test]
    fn names_compare_without_case_accents_or_punctuation() {
        assert_eq!(
            closeness("jose garcia", "José García"),
            Some(Closeness::Whole)
        );
        assert_eq!(closeness("OBRIEN", "Seán O’Brien"), Some(Closeness::Part));
        assert_eq!(
            closeness("jean luc", "Jean-Luc Picard"),
            Some(Closeness::Part)
        );
        assert_eq!(
            closeness("j r smith", "J. R. Smith"),
            Some(Closeness::Whole)
        );
        assert_eq!(
            closeness("soren", "Søren Kierkegaard"),
            Some(Closeness::Part)
        );
    }

    #[test]
    fn the_whole_name_is_closer_than_part_of_it_and_exact_than_slipped() {
        assert_eq!(
            closeness("ion stoica", "Ion Stoica"),
            Some(Closeness::Whole)
        );
        assert_eq!(closeness("stoica", "Ion Stoica"), Some(Closeness::Part));
        assert_eq!(
            closeness("ion stocia", "Ion Stoica"),
            Some(Closeness::NearWhole)
        );
        assert_eq!(
            closeness("ionstoica", "Ion Stoica"),
            Some(Closeness::NearWhole)
        );
        assert_eq!(closeness("stocia", "Ion Stoica"), Some(Closeness::NearPart));
        assert_eq!(closeness("stocia", "Stoica"), Some(Closeness::NearWhole));
        assert!(Closeness::Whole < Closeness::Part);
        assert!(Closeness::Part < Closeness::NearWhole);
        assert!(Closeness::NearWhole < Closeness::NearPart);
    }

    #[test]
    fn other_words_or_other_names_are_no_naming() {
        assert_eq!(closeness("ada lee databases", "Ada Lee"), None);
        assert_eq!(closeness("stoica", "Joseph Hellerstein"), None);
        // Parts are whole words, in order.
        assert_eq!(closeness("stoi", "Ion Stoica"), None);
        assert_eq!(closeness("stoica ion", "Ion Stoica"), None);
        assert_eq!(closeness(",", "Ion Stoica"), None);
    }

    #[test]
    fn a_slip_in_a_short_name_is_another_name() {
        assert_eq!(closeness("xu", "Wei Xi"), None);
        assert_eq!(closeness("lee", "Ada Lei"), None);
        assert_eq!(closeness("han", "Song Han"), Some(Closeness::Part));
        assert_eq!(closeness("hann", "Song Han"), None);
        assert_eq!(closeness("hanx", "Song Hans"), Some(Closeness::NearPart));
    }

    const PEOPLE: [&str; 5] = [
        "Ion Stoica",
        "Joseph Hellerstein",
        "Wei Wang",
        "Wei Wang",
        "Weiwei Wang",
    ];

    fn decided(text: &str, matched: &[usize]) -> Named<usize> {
        decide(text, PEOPLE.iter().copied().enumerate(), matched.to_vec())
    }

    #[test]
    fn a_name_decides_before_what_search_found() {
        // Search found only Hellerstein, in his research; the name is Stoica's.
        assert_eq!(decided("stocia", &[1]), Named::One(0));
        assert_eq!(decided("stoica", &[1, 0]), Named::One(0));
        assert_eq!(decided("weiwei wang", &[2, 3, 4]), Named::One(4));
    }

    #[test]
    fn namesakes_or_several_matches_are_several() {
        assert_eq!(decided("wei wang", &[2, 3, 4]), Named::Several(vec![2, 3]));
        assert_eq!(decided("wang", &[2, 3, 4]), Named::Several(vec![2, 3, 4]));
        assert_eq!(decided("systems", &[1, 0]), Named::Several(vec![1, 0]));
    }

    #[test]
    fn without_a_name_only_search_decides() {
        assert_eq!(decided("ray serving", &[0]), Named::One(0));
        assert_eq!(decided("xyzzy", &[]), Named::NoOne);
    }
}
