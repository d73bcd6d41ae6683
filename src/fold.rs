//! Folding text for matching: accents and other marks removed, letters that
//! have no decomposition (ø, ß, ł, æ …) spelled the way an ASCII keyboard
//! would type them, compatibility forms (NBSP, ligatures, full-width letters)
//! made plain, and invisible format characters (soft hyphen, zero-width
//! joiners) dropped. Case is kept: smart case is decided on the folded text.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The folded form of `text`, or `None` when folding changes nothing (all
/// ASCII text, which is most of it), so callers can avoid storing a copy.
///
/// ```
/// use profdex::fold::fold;
///
/// assert_eq!(fold("Søren Ångström").as_deref(), Some("Soren Angstrom"));
/// assert_eq!(fold("Zoë").as_deref(), Some("Zoe"));
/// assert_eq!(fold("Ion Stoica"), None);
/// ```
pub fn fold(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |folded| out.push(folded));
    }
    (out != text).then_some(out)
}

/// Folds `text` and, for every character of the result, the index of the
/// character of `text` it came from, so positions found in the folded text
/// can be shown on the original.
pub fn fold_with_origins(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origins = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        fold_char(c, &mut |folded| {
            out.push(folded);
            origins.push(index);
        });
    }
    (out, origins)
}

/// `text` as part of a file name or URL: folded, its ASCII letters and
/// digits in lower case, every run of anything else one `-`, none at
/// either end. Empty when there is no such letter or digit (`王`).
///
/// ```
/// assert_eq!(profdex::fold::slug("Univ. of California - Berkeley"), "univ-of-california-berkeley");
/// assert_eq!(profdex::fold::slug("Boğaziçi Üniversitesi"), "bogazici-universitesi");
/// ```
pub fn slug(text: &str) -> String {
    let folded = fold(text);
    let text = folded.as_deref().unwrap_or(text);
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.ends_with('-') {
        slug.pop();
    }
    slug
}

fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        return emit(c);
    }
    if let Some(spelled) = spelled_out(c) {
        return spelled.chars().for_each(emit);
    }
    if is_invisible_format(c) {
        return;
    }
    decompose_compatible(c, |part| {
        if is_combining_mark(part) {
            return;
        }
        match spelled_out(part) {
            Some(spelled) => spelled.chars().for_each(&mut *emit),
            None => emit(lower_if_not_ascii(part)),
        }
    });
}

/// Capitals of other scripts (Cyrillic, Greek, …) in lower case. The
/// matcher only ignores the case of ASCII letters, so without this `иван`
/// would not find Иван; the cost is that smart case does not apply to
/// those scripts. A capital whose lower case is several characters is kept,
/// so positions still map one to one.
fn lower_if_not_ascii(c: char) -> char {
    if c.is_ascii() || !c.is_uppercase() {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// Latin letters that Unicode does not decompose but that people type
/// without their stroke or ligature.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'Ø' => "O",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ß' => "ss",
        'ẞ' => "SS",
        'ł' => "l",
        'Ł' => "L",
        'đ' => "d",
        'Đ' => "D",
        'ð' => "d",
        'Ð' => "D",
        'þ' => "th",
        'Þ' => "Th",
        'ı' => "i",
        'ħ' => "h",
        'Ħ' => "H",
        // Typographic apostrophes and dashes, so O’Brien matches o'brien.
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => "'",
        '\u{2010}'..='\u{2015}' => "-",
        _ => return None,
    })
}

fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        fold(text).unwrap_or_else(|| text.to_string())
    }

    #[test]
    fn removes_marks_and_spells_out_letters() {
        assert_eq!(folded("José"), "Jose");
        assert_eq!(folded("Zoë"), "Zoe");
        assert_eq!(folded("Søren"), "Soren");
        assert_eq!(folded("Ångström"), "Angstrom");
        assert_eq!(folded("Łukasz Straße"), "Lukasz Strasse");
        assert_eq!(folded("Boğaziçi Sabancı"), "Bogazici Sabanci");
        assert_eq!(folded("Queen’s"), "Queen's");
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        // "José" written with a combining acute accent (NFD).
        assert_eq!(folded("Jose\u{301}"), "Jose");
    }

    #[test]
    fn invisible_and_compatibility_characters_become_plain() {
        assert_eq!(folded("Doo\u{AD}Hwan"), "DooHwan");
        assert_eq!(folded("Walter\u{A0}A."), "Walter A.");
        assert_eq!(folded("ﬁne"), "fine");
    }

    #[test]
    fn capitals_of_other_scripts_are_lowered() {
        assert_eq!(folded("Иван Петров"), "иван петров");
        assert_eq!(folded("МГУ"), "мгу");
        // Latin capitals keep their case, for smart case.
        assert_eq!(folded("Élodie"), "Elodie");
    }

    #[test]
    fn ascii_and_unfoldable_text_is_left_alone() {
        assert_eq!(fold("Ion Stoica"), None);
        assert_eq!(fold("张伟"), None);
        assert_eq!(folded("Wei Zhang (张伟)"), "Wei Zhang (张伟)");
    }

    #[test]
    fn origins_point_back_at_the_original_characters() {
        let (text, origins) = fold_with_origins("Zoë Ærø");
        assert_eq!(text, "Zoe AEro");
        assert_eq!(origins, vec![0, 1, 2, 3, 4, 4, 5, 6]);
        let (text, origins) = fold_with_origins("e\u{301}x");
        assert_eq!(text, "ex");
        assert_eq!(origins, vec![0, 2]);
    }
}
