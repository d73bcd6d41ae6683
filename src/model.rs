//! The directory as plain data: schools, their labs, and their faculty.
//!
//! Nothing here knows about markdown or terminals. People live in one flat
//! vector and point at their school by index, so a directory of a million
//! people is one allocation of `Person` rather than a million small ones.

use serde::Serialize;

/// Index of a school in [`Directory::schools`].
pub type SchoolId = usize;

/// Index of a person in [`Directory::faculty`].
pub type PersonId = usize;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    pub schools: Vec<School>,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct School {
    pub name: String,
    /// The part of the H1 after its last ` - `, e.g. "Machine Learning Systems Faculty".
    pub directory_title: Option<String>,
    pub research_focus: Option<String>,
    /// The paragraphs between the heading and the faculty, one string each.
    pub description: Vec<String>,
    pub labs: Vec<Lab>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lab {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub school: SchoolId,
    pub name: String,
    pub title: Option<String>,
    pub research: Vec<String>,
    /// Always an absolute http(s) URL; anything else stays in `extra`.
    pub website: Option<String>,
    /// Fields other than title, research and website, in file order.
    pub extra: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub key: String,
    pub value: String,
}

impl Person {
    /// Research topics as one line, the form search matches and panes show.
    pub fn research_line(&self) -> String {
        self.research.join(", ")
    }
}

impl Directory {
    pub fn school_of(&self, person: &Person) -> &School {
        &self.schools[person.school]
    }

    /// Case-insensitive lookup, the same rule that merges schools from several files.
    pub fn find_school(&self, name: &str) -> Option<SchoolId> {
        let key = identity_key(name);
        self.schools
            .iter()
            .position(|school| identity_key(&school.name) == key)
    }

    /// Number of people in each school, indexed by `SchoolId`.
    pub fn counts_by_school(&self) -> Vec<usize> {
        let mut counts = vec![0; self.schools.len()];
        for person in &self.people {
            counts[person.school] += 1;
        }
        counts
    }
}

/// How names of schools and people are compared when deciding whether two
/// entries are the same: case-insensitive, with runs of white space folded.
pub fn identity_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `url` is something profdex is willing to open: an absolute http or
/// https URL with a host and nothing a terminal or a command line could
/// misread (white space, control characters).
pub fn is_openable_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    let scheme_ok = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    scheme_ok
        && !host.is_empty()
        && !host.starts_with(':')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
}

/// Characters that change how text around them is shown without showing
/// themselves (bidi overrides, zero-width joiners): a URL with one is not
/// what it looks like.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_ignores_case_and_spacing() {
        assert_eq!(identity_key("  Song   HAN "), identity_key("song han"));
        assert_ne!(identity_key("Song Han"), identity_key("Song Hanx"));
    }

    #[test]
    fn only_absolute_http_urls_are_openable() {
        for good in [
            "https://hanlab.mit.edu/",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/a?b#c",
            "https://user@host.org/x",
            "https://pure.example/en/persons/jane(0a1b)",
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
            "https://example.org/\u{202E}gpj.exe",
            "https://exa\u{200B}mple.org/",
        ] {
            assert!(!is_openable_url(bad), "{bad:?}");
        }
    }
}
