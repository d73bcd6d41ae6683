//! The directory as plain data: schools, their labs, and their faculty.
//!
//! Nothing here knows about markdown or terminals. People live in one flat
//! vector and point at their school by index, so a directory of a million
//! people is one allocation of `Person` rather than a million small ones.

use serde::{Deserialize, Serialize};

/// Index of a school in [`Directory::schools`].
pub type SchoolId = usize;

/// Index of a person in [`Directory::faculty`].
pub type PersonId = usize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    pub schools: Vec<School>,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    pub name: String,
    /// The part of the H1 after its last ` - `, e.g. "Machine Learning Systems Faculty".
    pub directory_title: Option<String>,
    pub research_focus: Option<String>,
    /// The paragraphs between the heading and the faculty, one string each.
    pub description: Vec<String>,
    pub labs: Vec<Lab>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lab {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub school: SchoolId,
    pub name: String,
    pub title: Option<String>,
    pub research: Vec<String>,
    /// Always a URL `url::is_openable_url` accepts; anything else stays in `extra`.
    pub website: Option<String>,
    /// Fields other than title, research and website, in file order.
    pub extra: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// How websites are compared when telling namesakes apart, everywhere
/// (merging files, finding a favorite): the scheme (`http` or `https`), the
/// case of the host and a trailing `/` do not make two pages different.
pub fn website_key(url: &str) -> String {
    let url = url.trim().trim_end_matches('/');
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    let mut key = host.to_ascii_lowercase();
    key.push_str(path);
    key
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
    fn websites_agree_whatever_the_scheme_host_case_or_final_slash() {
        assert_eq!(
            website_key("https://Example.ORG/a/"),
            website_key("http://example.org/a")
        );
        assert_eq!(
            website_key("https://example.org/"),
            website_key("https://example.org")
        );
        assert_ne!(
            website_key("https://example.org/A"),
            website_key("https://example.org/a")
        );
        assert_ne!(
            website_key("https://example.org/a"),
            website_key("https://example.org/b")
        );
    }
}
