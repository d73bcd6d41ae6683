//! Which URLs profdex opens.
//!
//! One policy for the reader, `profdex open` and the browser: an absolute
//! http or https URL with a host, and nothing in it that a person reading
//! it could miss. A URL that hides a character is not the URL it looks
//! like, so it is refused whole rather than cleaned up.

use std::fmt;

/// Why a URL is not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not an absolute http(s) URL with a host, or it holds white space or
    /// control characters.
    NotHttp,
    /// It holds this character, which shows as nothing or as a blank.
    Invisible(char),
}

/// A character named the way Unicode names it, `U+00AD`, for messages
/// about characters that cannot be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodePoint(pub char);

impl fmt::Display for CodePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X}", u32::from(self.0))
    }
}

/// Whether `url` is something profdex is willing to open.
pub fn is_openable_url(url: &str) -> bool {
    refusal(url).is_none()
}

/// Why `url` is not opened, or `None` when it is.
pub fn refusal(url: &str) -> Option<Refusal> {
    if let Some(c) = url.chars().find(|&c| is_invisible(c)) {
        return Some(Refusal::Invisible(c));
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Some(Refusal::NotHttp);
    };
    let scheme_ok = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let plain = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    let ok = scheme_ok && !host.is_empty() && !host.starts_with(':') && plain;
    (!ok).then_some(Refusal::NotHttp)
}

/// Characters that show as nothing or as a blank, so that a URL holding
/// one reads as another URL: Unicode's `Default_Ignorable_Code_Point`
/// (soft hyphens, zero-width characters, bidi controls, the Hangul
/// fillers, variation selectors, tag characters), plus the few symbols
/// that are drawn blank without being ignorable. White space and control
/// characters are refused as well, but they can be seen: as a gap, or as
/// a stand-in.
pub fn is_invisible(c: char) -> bool {
    INVISIBLE
        .iter()
        .any(|&(first, last)| (first..=last).contains(&c))
}

/// `Default_Ignorable_Code_Point` as Unicode 16.0 lists it
/// (`DerivedCoreProperties.txt`), range by range, then the blank symbols.
const INVISIBLE: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),   // soft hyphen
    ('\u{034F}', '\u{034F}'),   // combining grapheme joiner
    ('\u{061C}', '\u{061C}'),   // Arabic letter mark
    ('\u{115F}', '\u{1160}'),   // Hangul choseong and jungseong fillers
    ('\u{17B4}', '\u{17B5}'),   // Khmer inherent vowels
    ('\u{180B}', '\u{180F}'),   // Mongolian variation selectors, vowel separator
    ('\u{200B}', '\u{200F}'),   // zero-width space and joiners, direction marks
    ('\u{202A}', '\u{202E}'),   // bidi embeddings and overrides
    ('\u{2060}', '\u{206F}'),   // word joiner, invisible operators, bidi isolates
    ('\u{3164}', '\u{3164}'),   // Hangul filler
    ('\u{FE00}', '\u{FE0F}'),   // variation selectors 1-16
    ('\u{FEFF}', '\u{FEFF}'),   // zero-width no-break space (byte-order mark)
    ('\u{FFA0}', '\u{FFA0}'),   // halfwidth Hangul filler
    ('\u{FFF0}', '\u{FFF8}'),   // reserved
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format controls
    ('\u{1D173}', '\u{1D17A}'), // musical beam and phrase controls
    ('\u{E0000}', '\u{E0FFF}'), // tags, variation selectors 17-256, reserved
    // Not ignorable, but drawn as nothing.
    ('\u{2800}', '\u{2800}'),   // braille pattern blank
    ('\u{1D159}', '\u{1D159}'), // musical symbol null notehead
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_urls_are_openable() {
        for good in [
            "https://hanlab.mit.edu/",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/a?b#c",
            "https://user@host.org/x",
            "https://pure.example/en/persons/jane(0a1b)",
            "https://bücher.example/straße",
        ] {
            assert!(is_openable_url(good), "{good}");
        }
        for bad in [
            "",
            "hanlab.mit.edu",
            "http:/www.example.org",
            "ftp://example.org",
            "javascript://alert(1)",
            "file:///etc/passwd",
            "https://",
            "https:///path",
            "https://exa mple.org",
            "https://example.org/\u{1b}[2J",
            "mailto:someone@example.org",
            // Blank-looking spaces are white space.
            "https://exa\u{A0}mple.org/",
            "https://example.org/\u{3000}",
            "https://example.org/a\u{2028}b",
        ] {
            assert_eq!(refusal(bad), Some(Refusal::NotHttp), "{bad:?}");
        }
    }

    /// One character of every kind that hides: each range's ends, and the
    /// characters hostile files were found to use.
    #[test]
    fn invisible_and_blank_looking_characters_are_refused_anywhere() {
        let hidden = [
            '\u{00AD}',
            '\u{034F}',
            '\u{061C}',
            '\u{115F}',
            '\u{1160}',
            '\u{17B4}',
            '\u{17B5}',
            '\u{180B}',
            '\u{180E}',
            '\u{180F}',
            '\u{200B}',
            '\u{200D}',
            '\u{200F}',
            '\u{202A}',
            '\u{202E}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{206F}',
            '\u{3164}',
            '\u{FE00}',
            '\u{FE0F}',
            '\u{FEFF}',
            '\u{FFA0}',
            '\u{FFF0}',
            '\u{FFF8}',
            '\u{1BCA0}',
            '\u{1BCA3}',
            '\u{1D173}',
            '\u{1D17A}',
            '\u{E0000}',
            '\u{E0001}',
            '\u{E0020}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{E0100}',
            '\u{E01EF}',
            '\u{E0FFF}',
            '\u{2800}',
            '\u{1D159}',
        ];
        for c in hidden {
            for url in [
                format!("https://exa{c}mple.org/"),
                format!("https://example.org/pa{c}th"),
                format!("https://example.org/?q={c}"),
                format!("https://example.org/{c}"),
                format!("{c}https://example.org/"),
            ] {
                assert_eq!(refusal(&url), Some(Refusal::Invisible(c)), "{url:?}");
                assert!(!is_openable_url(&url), "{url:?}");
            }
        }
    }

    #[test]
    fn visible_neighbours_of_the_hidden_ones_are_kept() {
        for c in [
            '\u{00AC}',
            '\u{00AE}',
            '\u{0350}',
            '\u{1161}',
            '\u{17B6}',
            '\u{180A}',
            '\u{2010}',
            '\u{2070}',
            '\u{3165}',
            '\u{FE10}',
            '\u{FFA1}',
            '\u{2801}',
            '\u{1D158}',
            '\u{1D15A}',
            'é',
            '张',
            '😀',
        ] {
            let url = format!("https://example.org/{c}");
            assert!(is_openable_url(&url), "{url:?}");
        }
    }
}
