//! Making text from data files safe to print on a terminal.
//!
//! A directory file could carry escape sequences that recolour, retitle or
//! clear the user's terminal, or bidi overrides that reorder what they see.
//! Every such character is replaced by one visible stand-in, one character
//! for one character, so match positions counted in characters stay valid.
//!
//! Hangul conjoining jamo are replaced too, by the compatibility letters
//! that look the same and never join: a run of them forms one cluster
//! whose width terminals and ratatui disagree on, which left stray
//! syllables on screen after the rows holding them were redrawn.
//!
//! The model keeps text as written (JSON output escapes it by itself); this
//! is applied where text is made for a terminal: the ui, the text reports
//! and a diagnostic's text form.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_stand_in) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(stand_in).collect())
}

/// The character shown in place of `c`; `c` itself when it is harmless.
pub fn stand_in(c: char) -> char {
    match c {
        '\t' => ' ',
        // C0 controls have their own pictures: ESC shows as ␛.
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ if is_conjoining_jamo(c) => COMPATIBILITY_JAMO.get(&c).copied().unwrap_or('\u{FFFD}'),
        _ if needs_stand_in(c) => '\u{FFFD}',
        _ => c,
    }
}

fn needs_stand_in(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || is_conjoining_jamo(c)
}

fn is_conjoining_jamo(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}')
}

/// The modern trailing consonants U+11A8–U+11C2, as compatibility letters.
const TRAILING: &str = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

/// Conjoining jamo → the compatibility letter that stands for it: the
/// letters U+3131–U+318E decompose (NFKD) to one leading consonant or
/// vowel each; the trailing consonants are the same letters.
static COMPATIBILITY_JAMO: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    let decomposed = ('\u{3131}'..='\u{318E}').filter_map(|letter| {
        let mut parts = std::iter::once(letter).nfkd();
        let jamo = parts.next()?;
        (parts.next().is_none() && is_conjoining_jamo(jamo)).then_some((jamo, letter))
    });
    let trailing = ('\u{11A8}'..='\u{11C2}').zip(TRAILING.chars());
    decomposed.chain(trailing).collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(sanitize("bell\u{7}"), "bell\u{2407}");
        assert_eq!(sanitize("csi\u{9b}x"), "csi\u{FFFD}x");
        assert_eq!(sanitize("\u{202E}evil"), "\u{FFFD}evil");
        assert_eq!(sanitize("tab\there"), "tab here");
    }

    #[test]
    fn conjoining_jamo_become_letters_that_do_not_join() {
        // Two leading consonants and a vowel: one cluster of disputed width.
        assert_eq!(
            sanitize("\u{1100}\u{1100}\u{1161} U"),
            "\u{3131}\u{3131}\u{314F} U"
        );
        // A syllable with a trailing consonant written apart.
        assert_eq!(sanitize("\u{AC00}\u{11A8}"), "\u{AC00}\u{3131}");
        // A filler with no letter of its own, and the vowel filler.
        assert_eq!(sanitize("\u{115F}x"), "\u{FFFD}x");
        assert_eq!(sanitize("\u{1160}"), "\u{3164}");
        assert_eq!(sanitize("\u{D7FB}"), "\u{FFFD}");
        assert!(
            matches!(sanitize("한국어 가"), Cow::Borrowed(_)),
            "syllables stay"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("Søren Ångström 张伟"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_character_in_one_character_out() {
        let text = "x\u{1b}\u{0}\u{85}\u{2066}y";
        assert_eq!(sanitize(text).chars().count(), text.chars().count());
    }
}
