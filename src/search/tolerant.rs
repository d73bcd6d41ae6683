//! Typo tolerance in names: a term of five or more characters also matches
//! a word of a name within one edit of it (a letter changed, added or left
//! out, or two neighbouring letters swapped: Damerau-Levenshtein distance
//! one), which plain subsequence matching cannot find (`stocia` is not a
//! subsequence of Stoica). Five letters, as typo-tolerant search engines
//! do: below that, one edit away from a short name is a different name
//! (wang, yang, tang).

/// Terms shorter than this many characters are matched as typed.
pub const MIN_TOLERANT_CHARS: usize = 5;

/// Whether `term` may match a name word one edit away.
pub(super) fn is_tolerant(term: &str) -> bool {
    term.chars().nth(MIN_TOLERANT_CHARS - 1).is_some()
}

/// Two pieces of `term` of which any text holding a word within one edit
/// of `term` contains at least one, as a substring: with `term` cut at `k`,
/// an edit before the cut leaves `term[k..]` whole, and one after it, or
/// a swap across it, leaves `term[..k - 1]` whole. Each piece has at least
/// two characters, so the test rejects most names.
pub(super) fn pieces(term: &str) -> Option<[&str; 2]> {
    if !is_tolerant(term) {
        return None;
    }
    let chars = term.chars().count();
    let cut = chars / 2 + 1;
    let byte_at = |n: usize| term.char_indices().nth(n).map_or(term.len(), |(i, _)| i);
    Some([&term[..byte_at(cut - 1)], &term[byte_at(cut)..]])
}

/// The words of a name, as character ranges: runs of letters and digits.
pub(super) fn words(name: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut start: Option<(usize, usize)> = None;
    let mut chars = name.char_indices().enumerate().peekable();
    std::iter::from_fn(move || {
        loop {
            let Some((n, (byte, c))) = chars.next() else {
                let (first, from) = start.take()?;
                return Some((first, name[from..].chars().count() + first, &name[from..]));
            };
            if c.is_alphanumeric() {
                start.get_or_insert((n, byte));
            } else if let Some((first, from)) = start.take() {
                return Some((first, n, &name[from..byte]));
            }
        }
    })
}

/// How many edits apart `word` and `term` are, if at most one.
pub fn edits(word: &str, term: &str, case_sensitive: bool) -> Option<u8> {
    let same = |a: char, b: char| {
        if case_sensitive {
            a == b
        } else {
            a.eq_ignore_ascii_case(&b)
        }
    };
    let a: Vec<char> = word.chars().collect();
    let b: Vec<char> = term.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return None;
    }
    let equal =
        |x: &[char], y: &[char]| x.len() == y.len() && x.iter().zip(y).all(|(&p, &q)| same(p, q));
    let Some(i) = a.iter().zip(&b).position(|(&p, &q)| !same(p, q)) else {
        return Some(u8::from(a.len() != b.len()));
    };
    let one = match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            equal(&a[i + 1..], &b[i + 1..])
                || (i + 1 < a.len()
                    && same(a[i], b[i + 1])
                    && same(a[i + 1], b[i])
                    && equal(&a[i + 2..], &b[i + 2..]))
        }
        std::cmp::Ordering::Greater => equal(&a[i + 1..], &b[i..]),
        std::cmp::Ordering::Less => equal(&a[i..], &b[i + 1..]),
    };
    one.then_some(1)
}

/// The pattern to score a tolerant match with: the name's word as the user
/// meant to type it, in lower case unless the query is case-sensitive.
pub(super) fn as_typed(word: &str, case_sensitive: bool) -> String {
    if case_sensitive {
        word.to_owned()
    } else {
        word.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_or_swap_is_tolerated() {
        assert_eq!(edits("Stoica", "stocia", false), Some(1), "a swap");
        assert_eq!(edits("Stoica", "stoixa", false), Some(1), "a change");
        assert_eq!(edits("Stoica", "stoca", false), Some(1), "one left out");
        assert_eq!(edits("Stoica", "stoicaa", false), Some(1), "one added");
        assert_eq!(edits("Stoica", "stoica", false), Some(0));
        assert_eq!(edits("Stoica", "stoica", true), Some(1), "case counts");
        assert_eq!(edits("Stoica", "sotcia", false), None, "two swaps");
        assert_eq!(edits("Stoica", "stoicaxx", false), None);
        assert_eq!(edits("Søren", "sørne", false), Some(1));
    }

    #[test]
    fn pieces_survive_any_single_edit() {
        let term = "stocia";
        let [left, right] = pieces(term).expect("long enough");
        assert_eq!([left, right], ["sto", "ia"]);
        let alphabet = ['s', 't', 'o', 'c', 'i', 'a', 'x'];
        let chars: Vec<char> = term.chars().collect();
        let mut variants: Vec<Vec<char>> = Vec::new();
        for i in 0..chars.len() {
            let mut v = chars.clone();
            v.remove(i);
            variants.push(v);
            if i + 1 < chars.len() {
                let mut v = chars.clone();
                v.swap(i, i + 1);
                variants.push(v);
            }
            for &c in &alphabet {
                let mut v = chars.clone();
                v[i] = c;
                variants.push(v.clone());
                let mut v = chars.clone();
                v.insert(i, c);
                variants.push(v);
            }
        }
        for variant in variants {
            let word: String = variant.into_iter().collect();
            assert_eq!(edits(&word, term, true).map(|_| ()), Some(()), "{word}");
            assert!(
                word.contains(left) || word.contains(right),
                "{word} holds neither piece"
            );
        }
        assert_eq!(pieces("stoi"), None, "short terms are matched as typed");
        assert_eq!(pieces("ségur"), Some(["sé", "ur"]));
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let found: Vec<_> = words("Jean-Luc O'Brien (张伟)").collect();
        assert_eq!(
            found,
            [
                (0, 4, "Jean"),
                (5, 8, "Luc"),
                (9, 10, "O"),
                (11, 16, "Brien"),
                (18, 20, "张伟")
            ]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words("Ada").collect::<Vec<_>>(), [(0, 3, "Ada")]);
    }
}
