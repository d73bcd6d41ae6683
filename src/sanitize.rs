//! Making text from data files safe to print on a terminal.
//!
//! A directory file could carry escape sequences that recolour, retitle or
//! clear the user's terminal, or bidi overrides that reorder what they see.
//! Every such character is replaced by one visible stand-in, one character
//! for one character, so match positions counted in characters stay valid.
//!
//! The model keeps text as written (JSON output escapes it by itself); this
//! is applied where text is made for a terminal: the ui, the text reports
//! and a diagnostic's text form.

use std::borrow::Cow;

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
        _ if needs_stand_in(c) => '\u{FFFD}',
        _ => c,
    }
}

fn needs_stand_in(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

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
    fn ordinary_text_is_borrowed_unchanged() {
        assert!(matches!(sanitize("Søren Ångström 张伟"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_character_in_one_character_out() {
        let text = "x\u{1b}\u{0}\u{85}\u{2066}y";
        assert_eq!(sanitize(text).chars().count(), text.chars().count());
    }
}
