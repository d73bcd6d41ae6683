//! Which URLs profdex opens, and where they really go.
//!
//! One policy for the reader, `profdex open` and the browser: an absolute
//! http or https URL with a host, that a browser can read, and nothing in
//! it that a person reading it could miss. A URL that hides a character is
//! not the URL it looks like, so it is refused whole rather than cleaned
//! up.
//!
//! Where a URL goes is what a browser makes of it (the WHATWG URL
//! standard, which the `url` crate follows), not what it seems to say:
//! `https://www.google.com@evil.example/` goes to evil.example, and
//! `https://bücher.example/` to xn--bcher-kva.example. `real_host` tells
//! where, when the two could be mistaken, for everything that shows a URL
//! to a person. The URL itself is kept as written.

use std::fmt;

use ::url::Url;

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
    parse_openable(url).err()
}

/// Whether `url` is opened, and where it really goes when that could be
/// mistaken: [`refusal`] and [`real_host`] at the cost of reading the URL
/// once, for the reader, which judges every website in a directory.
pub fn judge(url: &str) -> Result<Option<RealHost>, Refusal> {
    let parsed = parse_openable(url)?;
    Ok(real_host_of(url, &parsed))
}

/// `url` as a browser reads it, when profdex opens it.
fn parse_openable(url: &str) -> Result<Url, Refusal> {
    if let Some(c) = url.chars().find(|&c| is_invisible(c)) {
        return Err(Refusal::Invisible(c));
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(Refusal::NotHttp);
    };
    let scheme_ok = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let plain = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    // A browser would read `http:/x` and `https:///x` as naming the host
    // `x`; what is opened must say what it means.
    let ok = scheme_ok && !host.is_empty() && !host.starts_with(':') && plain;
    if !ok {
        return Err(Refusal::NotHttp);
    }
    Url::parse(url)
        .ok()
        .filter(|parsed| parsed.host_str().is_some_and(|host| !host.is_empty()))
        .ok_or(Refusal::NotHttp)
}

/// Where a URL goes, when a person reading it could think it goes
/// somewhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealHost {
    /// The host the browser asks for: lower case, punycode for letters
    /// beyond ASCII.
    pub host: String,
    pub disguise: Disguise,
}

/// What makes the host as written differ from the host visited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disguise {
    /// A user name before `@`, which reads like a host:
    /// `https://www.google.com@evil.example/`.
    UserInfo,
    /// A host in letters beyond ASCII, which can imitate another host
    /// letter for letter; the browser asks for its punycode.
    International,
    /// A host spelled in percent escapes, numbers or backslashes, which
    /// the browser reads as another host: `http://0x7f.1/` is 127.0.0.1.
    Spelled,
}

impl RealHost {
    /// What is shown after the URL: `(opens evil.example)`.
    pub fn note(&self) -> String {
        format!("(opens {})", self.host)
    }
}

/// Where `url` really goes, when that is not plainly the host it shows;
/// `None` when it is, and for a URL that is not opened at all.
pub fn real_host(url: &str) -> Option<RealHost> {
    real_host_of(url, &parse_openable(url).ok()?)
}

fn real_host_of(url: &str, parsed: &Url) -> Option<RealHost> {
    let host = parsed.host_str()?.to_string();
    let disguise = if !parsed.username().is_empty() || parsed.password().is_some() {
        Disguise::UserInfo
    } else {
        let written = written_host(url);
        if written.eq_ignore_ascii_case(&host) {
            return None;
        }
        if written.is_ascii() {
            Disguise::Spelled
        } else {
            Disguise::International
        }
    };
    Some(RealHost { host, disguise })
}

/// `url` as it is shown to a person: as written, followed by where it
/// really goes when that could be mistaken.
pub fn shown(url: &str) -> String {
    match note(url) {
        Some(note) => format!("{url}  {note}"),
        None => url.to_string(),
    }
}

/// What is shown after `url`, `(opens evil.example)`, when anything is.
pub fn note(url: &str) -> Option<String> {
    real_host(url).map(|real| real.note())
}

/// The host as a person reads it: after `://` and any `user@`, before the
/// port, path, query or fragment.
fn written_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or("", |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    if host.starts_with('[') {
        // An IPv6 address, whose colons are not a port's.
        return host.split_inclusive(']').next().unwrap_or(host);
    }
    host.rsplit_once(':').map_or(host, |(host, _)| host)
}

/// Characters that show as nothing or as a blank, so that a URL holding
/// one reads as another URL: Unicode's `Default_Ignorable_Code_Point`
/// (soft hyphens, zero-width characters, bidi controls, the Hangul
/// fillers, variation selectors, tag characters), plus the few symbols
/// that are drawn blank without being ignorable. White space and control
/// characters are refused as well, but they can be seen: as a gap, or as
/// a stand-in.
pub fn is_invisible(c: char) -> bool {
    // Below the first range, as all of ASCII is: the common case, quickly.
    c >= INVISIBLE[0].0
        && INVISIBLE
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

    #[test]
    fn a_browser_must_be_able_to_read_it() {
        for bad in [
            "https://exa<mple.org/",
            "https://[::1/",
            "https://999.1.1.1/",
            "http://exa%mple.org/",
        ] {
            assert_eq!(refusal(bad), Some(Refusal::NotHttp), "{bad:?}");
        }
    }

    fn real(url: &str) -> Option<(String, Disguise)> {
        real_host(url).map(|real| (real.host, real.disguise))
    }

    #[test]
    fn a_user_name_before_the_host_is_seen_through() {
        for (url, host) in [
            ("https://www.google.com@evil.example/", "evil.example"),
            (
                "https://www.google.com:443@evil.example/login",
                "evil.example",
            ),
            ("http://a@b@evil.example/", "evil.example"),
            ("https://user:pass@EVIL.example:8443/x", "evil.example"),
            (
                "https://bank.example@xn--bcher-kva.example/",
                "xn--bcher-kva.example",
            ),
        ] {
            assert_eq!(
                real(url),
                Some((host.to_string(), Disguise::UserInfo)),
                "{url}"
            );
        }
        assert_eq!(
            shown("https://www.google.com@evil.example/"),
            "https://www.google.com@evil.example/  (opens evil.example)"
        );
    }

    #[test]
    fn an_international_host_is_shown_in_punycode() {
        assert_eq!(
            shown("https://bücher.example/"),
            "https://bücher.example/  (opens xn--bcher-kva.example)"
        );
        // Cyrillic а in place of the Latin a.
        assert_eq!(
            real("https://\u{430}pple.com/"),
            Some(("xn--pple-43d.com".to_string(), Disguise::International))
        );
        assert_eq!(
            real("https://ＥＸＡＭＰＬＥ.org/"),
            Some(("example.org".to_string(), Disguise::International))
        );
    }

    #[test]
    fn a_host_spelled_as_another_is_seen_through() {
        for (url, host) in [
            ("https://%65vil.example/", "evil.example"),
            ("http://0x7f.1/", "127.0.0.1"),
            ("http://2130706433/", "127.0.0.1"),
            ("https://evil.example\\@www.google.com/", "evil.example"),
        ] {
            assert_eq!(
                real(url),
                Some((host.to_string(), Disguise::Spelled)),
                "{url}"
            );
        }
    }

    #[test]
    fn a_plain_host_needs_no_note() {
        for url in [
            "https://hanlab.mit.edu/",
            "HTTPS://HANLAB.MIT.EDU",
            "https://example.org:8080/a@b",
            "https://example.org/@user",
            "https://example.org?next=a@b",
            "https://example.org.",
            "http://[::1]:8080/",
            "http://127.0.0.1/",
            "https://@example.org/",
            "https://example.org/straße",
        ] {
            assert_eq!(real(url), None, "{url}");
            assert_eq!(shown(url), url);
        }
        // Nothing is said of what is never opened.
        assert_eq!(real("ftp://a@b.example/"), None);
        assert_eq!(real("https://a\u{AD}@b.example/"), None);
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
