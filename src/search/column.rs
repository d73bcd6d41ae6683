//! One field's folded text for everyone, laid out for scanning: each
//! distinct text once, end to end in one string, with `u32` offsets, and
//! for each person the number of their text. Titles and schools repeat
//! across thousands of people and names repeat too, so a term is scored
//! once per distinct text rather than once per person, and a byte scan
//! over one contiguous string finds which texts can match at all.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use memchr::{memchr, memchr2};

/// Which distinct text of a column a person has.
pub(super) type TextId = u32;

pub(super) struct Column {
    text: String,
    /// Where each distinct text ends in `text`; it starts where the one
    /// before it ends.
    ends: Vec<u32>,
    of_person: Vec<TextId>,
}

/// A pattern as the matcher compares it: each character of `chars` must
/// occur in order, ASCII letters ignoring case unless `case_sensitive`
/// (fuzzy-matcher's own rule; other characters compare exactly).
#[derive(Clone, Copy)]
pub(super) struct Pattern<'a> {
    pub chars: &'a str,
    pub case_sensitive: bool,
}

/// Keys that are hashes already (xxh3 of a text) go into the table as they are.
#[derive(Default)]
struct Hashed(u64);

impl Hasher for Hashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; any other key still hashes soundly.
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

impl Column {
    /// The column of `texts`, one per person, folded already. Texts past
    /// 4 GiB of distinct text in one field are left out (as empty), so the
    /// offsets fit in `u32`.
    pub fn build<S: AsRef<str>>(texts: impl Iterator<Item = S>) -> Column {
        let mut column = Column {
            text: String::new(),
            ends: Vec::new(),
            of_person: Vec::new(),
        };
        // Hash of a text → the first distinct text with that hash; the rare
        // texts whose hash is taken by another go to `collided`.
        let mut seen: HashMap<u64, TextId, BuildHasherDefault<Hashed>> = HashMap::default();
        let mut collided: HashMap<String, TextId> = HashMap::new();
        for text in texts {
            let text = text.as_ref();
            let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
            let id = match seen.get(&hash) {
                Some(&id) if column.text(id as usize) == text => id,
                Some(_) => {
                    if let Some(&id) = collided.get(text) {
                        id
                    } else {
                        let id = column.push(text);
                        collided.insert(text.to_owned(), id);
                        id
                    }
                }
                None => {
                    let id = column.push(text);
                    seen.insert(hash, id);
                    id
                }
            };
            column.of_person.push(id);
        }
        column.text.shrink_to_fit();
        column.ends.shrink_to_fit();
        column.of_person.shrink_to_fit();
        column
    }

    /// The column of people whose text is that of `ids` (a school per
    /// person, say): the texts stay, each person points at theirs.
    pub fn through(mut self, ids: impl Iterator<Item = usize>) -> Column {
        let of_id = std::mem::take(&mut self.of_person);
        self.of_person = ids.map(|id| of_id[id]).collect();
        self
    }

    fn push(&mut self, text: &str) -> TextId {
        let fits = u32::try_from(self.text.len() + text.len()).is_ok();
        if fits {
            self.text.push_str(text);
        }
        let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.ends.push(end);
        TextId::try_from(self.ends.len() - 1).unwrap_or(TextId::MAX)
    }

    /// How many distinct texts there are.
    pub fn distinct(&self) -> usize {
        self.ends.len()
    }

    /// Bytes of text over all people, repeats counted each time.
    pub fn person_bytes(&self) -> usize {
        self.of_person
            .iter()
            .map(|&id| {
                let (start, end) = self.span(id as usize);
                end - start
            })
            .sum()
    }

    pub fn people(&self) -> usize {
        self.of_person.len()
    }

    pub fn id_of(&self, person: usize) -> usize {
        self.of_person[person] as usize
    }

    pub fn text(&self, id: usize) -> &str {
        let (start, end) = self.span(id);
        &self.text[start..end]
    }

    pub fn person_text(&self, person: usize) -> &str {
        self.text(self.id_of(person))
    }

    fn span(&self, id: usize) -> (usize, usize) {
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        (start, self.ends[id] as usize)
    }

    /// Calls `found` with every distinct text in which `pattern` occurs,
    /// in order. One pass over the whole string: the first character is
    /// looked for with `memchr` from where the last text ended, and only
    /// the text it lands in is checked further. Greedy is exact: the
    /// earliest occurrence of each character leaves the most room for the
    /// rest.
    pub fn each_matching(&self, pattern: Pattern, found: &mut impl FnMut(usize)) {
        let Some(first) = pattern.chars.chars().next() else {
            (0..self.ends.len()).for_each(found);
            return;
        };
        let rest = &pattern.chars[first.len_utf8()..];
        let bytes = self.text.as_bytes();
        let mut from = 0;
        let mut id = 0;
        while id < self.ends.len() {
            let Some(at) = find_char(&bytes[from..], first, pattern.case_sensitive) else {
                return;
            };
            let at = from + at;
            // The text holding `at`: the first whose end is past it.
            id += self.ends[id..].partition_point(|&end| end as usize <= at);
            let end = self.ends[id] as usize;
            let after = at + first.len_utf8();
            if is_subsequence(&bytes[after..end], rest, pattern.case_sensitive) {
                found(id);
            }
            from = end;
            id += 1;
        }
    }

    /// Whether `pattern` occurs in distinct text `id`.
    pub fn matches(&self, id: usize, pattern: Pattern) -> bool {
        let (start, end) = self.span(id);
        is_subsequence(
            &self.text.as_bytes()[start..end],
            pattern.chars,
            pattern.case_sensitive,
        )
    }

    /// Calls `found` with every distinct text containing one of `pieces`
    /// as a substring (ASCII case ignored unless `case_sensitive`).
    pub fn each_containing(
        &self,
        pieces: &[&str],
        case_sensitive: bool,
        found: &mut impl FnMut(usize),
    ) {
        let bytes = self.text.as_bytes();
        for (id, &end) in self.ends.iter().enumerate() {
            let (start, end) = (self.span(id).0, end as usize);
            let text = &bytes[start..end];
            if pieces
                .iter()
                .any(|piece| contains(text, piece.as_bytes(), case_sensitive))
            {
                found(id);
            }
        }
    }
}

/// Where `c` first occurs in `haystack`, by bytes. UTF-8 makes this exact:
/// an ASCII byte never occurs inside another character, and a character's
/// whole encoding only where that character is.
fn find_char(haystack: &[u8], c: char, case_sensitive: bool) -> Option<usize> {
    if c.is_ascii() {
        let byte = c as u8;
        let other = if case_sensitive {
            byte
        } else if byte.is_ascii_lowercase() {
            byte.to_ascii_uppercase()
        } else {
            byte.to_ascii_lowercase()
        };
        return if other == byte {
            memchr(byte, haystack)
        } else {
            memchr2(byte, other, haystack)
        };
    }
    let mut buffer = [0; 4];
    memchr::memmem::find(haystack, c.encode_utf8(&mut buffer).as_bytes())
}

/// Whether the characters of `pattern` occur in order in `haystack`.
pub(super) fn is_subsequence(haystack: &[u8], pattern: &str, case_sensitive: bool) -> bool {
    let mut from = 0;
    for c in pattern.chars() {
        match find_char(&haystack[from..], c, case_sensitive) {
            Some(at) => from += at + c.len_utf8(),
            None => return false,
        }
    }
    true
}

/// Whether `needle` occurs in `haystack` as a substring.
fn contains(haystack: &[u8], needle: &[u8], case_sensitive: bool) -> bool {
    if case_sensitive {
        return memchr::memmem::find(haystack, needle).is_some();
    }
    haystack.len() >= needle.len()
        && haystack
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(texts: &[&str]) -> Column {
        Column::build(texts.iter())
    }

    fn matching(column: &Column, chars: &str, case_sensitive: bool) -> Vec<usize> {
        let mut found = Vec::new();
        column.each_matching(
            Pattern {
                chars,
                case_sensitive,
            },
            &mut |id| found.push(id),
        );
        found
    }

    #[test]
    fn repeated_texts_are_stored_once() {
        let column = column(&["Professor", "Lecturer", "Professor", ""]);
        assert_eq!(column.distinct(), 3);
        assert_eq!(column.person_text(2), "Professor");
        assert_eq!(column.person_text(3), "");
        assert_eq!(column.id_of(0), column.id_of(2));
        assert_eq!(column.person_bytes(), "ProfessorLecturerProfessor".len());
    }

    #[test]
    fn the_scan_finds_exactly_the_texts_a_subsequence_occurs_in() {
        let texts = [
            "Ion Stoica",
            "",
            "stoic",
            "Søren",
            "xs",
            "tsoica",
            "ACME Stoica",
        ];
        let column = column(&texts);
        for pattern in ["stoica", "s", "St", "ø", "sø", "oa", "a", "zz", ""] {
            for case_sensitive in [false, true] {
                let expected: Vec<usize> = (0..texts.len())
                    .filter(|&id| {
                        naive(column.text(id), pattern, case_sensitive) && column.id_of(id) == id
                    })
                    .collect();
                assert_eq!(
                    matching(&column, pattern, case_sensitive),
                    expected,
                    "{pattern:?} {case_sensitive}"
                );
                for id in 0..column.distinct() {
                    let pattern = Pattern {
                        chars: pattern,
                        case_sensitive,
                    };
                    assert_eq!(
                        column.matches(id, pattern),
                        naive(column.text(id), pattern.chars, case_sensitive)
                    );
                }
            }
        }
    }

    /// The matcher's own rule, character by character.
    fn naive(text: &str, pattern: &str, case_sensitive: bool) -> bool {
        let mut text = text.chars();
        pattern.chars().all(|p| {
            text.any(|c| {
                if case_sensitive {
                    c == p
                } else {
                    c.eq_ignore_ascii_case(&p)
                }
            })
        })
    }

    #[test]
    fn pieces_are_found_as_substrings() {
        let column = column(&["Ion Stoica", "Joe Hellerstein", "Stoyan"]);
        let mut found = Vec::new();
        column.each_containing(&["sto", "zz"], false, &mut |id| found.push(id));
        assert_eq!(found, [0, 2]);
        found.clear();
        column.each_containing(&["sto"], true, &mut |id| found.push(id));
        assert!(found.is_empty());
    }
}
