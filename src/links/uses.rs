//! Where each URL is used: every person's website and URL-valued fields
//! and every lab's URL, with the file, line and column where the reader
//! found it written.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::model::Directory;
use crate::parse::{LineIndex, ParsedFile, parse};
use crate::sources::{self, Input};

/// A file as it was read, to be changed in place later.
#[derive(Debug, Clone)]
pub struct Source {
    pub label: String,
    /// `None` for built-in data, which is never changed.
    pub path: Option<PathBuf>,
    pub bytes: Vec<u8>,
}

/// Whose a URL is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A person's website (`field` is `None`) or one of their fields.
    Person {
        name: String,
        field: Option<String>,
    },
    Lab {
        name: String,
    },
}

impl Owner {
    /// `website of Ada Quill`, `Scholar of Ada Quill`, `lab Vision Lab`.
    pub fn describe(&self) -> String {
        match self {
            Owner::Person { name, field: None } => format!("website of {name}"),
            Owner::Person {
                name,
                field: Some(key),
            } => format!("{key} of {name}"),
            Owner::Lab { name } => format!("lab {name}"),
        }
    }
}

/// One use of a URL.
#[derive(Debug, Clone)]
pub struct Use {
    pub url: String,
    pub owner: Owner,
    pub school: String,
    /// The person's website, for telling favorites apart.
    pub website: Option<String>,
    /// Index in [`Gathered::sources`].
    pub source: usize,
    pub line: usize,
    pub column: usize,
    /// Where the URL is written, when the reader found it as written.
    pub spot: Option<Range<usize>>,
}

#[derive(Debug, Default)]
pub struct Gathered {
    pub sources: Vec<Source>,
    pub uses: Vec<Use>,
    pub diagnostics: Vec<Diagnostic>,
    /// The sources merged, for naming schools as the rest of profdex does.
    pub directory: Directory,
}

/// Reads and parses every input, keeping the bytes.
pub fn gather(inputs: &[Input]) -> Gathered {
    let mut gathered = Gathered::default();
    let mut parsed = Vec::with_capacity(inputs.len());
    for input in inputs {
        let label = input.label();
        let (path, bytes) = match input {
            Input::Builtin { text, .. } => (None, text.as_bytes().to_vec()),
            Input::File(path) => match sources::read_file(path) {
                Ok(bytes) => (Some(path.clone()), bytes),
                Err(reason) => {
                    gathered
                        .diagnostics
                        .push(Diagnostic::file_error(&label, reason));
                    continue;
                }
            },
            // Read once, never written back: like built-in data, no path.
            Input::Stdin(text) => match text.as_ref() {
                Ok(bytes) => (None, bytes.clone()),
                Err(reason) => {
                    gathered
                        .diagnostics
                        .push(Diagnostic::file_error(&label, reason.clone()));
                    continue;
                }
            },
            Input::Unlistable { reason, .. } => {
                gathered
                    .diagnostics
                    .push(Diagnostic::file_error(&label, reason.clone()));
                continue;
            }
        };
        let file = parse(&label, &bytes);
        let source = gathered.sources.len();
        add_uses(&mut gathered.uses, source, &file, &bytes);
        gathered.sources.push(Source {
            label: label.clone(),
            path,
            bytes,
        });
        parsed.push((label, file));
    }
    let loaded = sources::merge(parsed);
    gathered.directory = loaded.directory;
    gathered.diagnostics.extend(loaded.diagnostics);
    gathered
}

/// Whether a field holds a URL worth checking: one with a scheme, or any
/// value under a key that names a link.
pub fn is_url_field(key: &str, value: &str) -> bool {
    let linkish = ["website", "homepage", "url", "web", "link"]
        .iter()
        .any(|k| key.eq_ignore_ascii_case(k));
    linkish || (value.contains("://") && !value.contains(char::is_whitespace))
}

/// Where a URL is written, and its line and column.
type Spot = (Range<usize>, (usize, usize));

fn add_uses(uses: &mut Vec<Use>, source: usize, file: &ParsedFile, bytes: &[u8]) {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let text = std::str::from_utf8(bytes.get(bom..).unwrap_or_default()).unwrap_or_default();
    let index = LineIndex::new(text);
    // Each URL's spots in file order, with their lines and columns.
    let mut spots: HashMap<&str, Vec<Spot>> = HashMap::new();
    for spot in &file.spots {
        let Some(url) = text.get(spot.start - bom..spot.end - bom) else {
            continue;
        };
        let at = index.position(spot.start - bom);
        spots.entry(url).or_default().push((spot.clone(), at));
    }
    for list in spots.values_mut() {
        list.sort_by_key(|(range, _)| range.start);
    }
    let mut claimed = HashSet::new();
    let mut claim = |url: &str, after: (usize, usize)| {
        let found = spots
            .get(url)?
            .iter()
            .find(|(range, at)| *at >= after && !claimed.contains(&range.start))?;
        claimed.insert(found.0.start);
        Some(found.clone())
    };
    let school_name = |index: usize| {
        let school = if index == 0 {
            file.school.as_ref()
        } else {
            file.also.get(index - 1)
        };
        school.map(|s| s.name.clone()).unwrap_or_default()
    };
    for parsed in &file.people {
        let person = &parsed.person;
        let school = school_name(person.school);
        let start = (parsed.line, parsed.column);
        let mut urls: Vec<(Option<String>, &str)> = Vec::new();
        if let Some(website) = person.website() {
            urls.push((None, website));
        }
        for field in person.extra() {
            if is_url_field(field.key, field.value) {
                urls.push((Some(field.key.to_owned()), field.value));
            }
        }
        for (field, url) in urls {
            let spot = claim(url, start);
            let (line, column) = spot.as_ref().map_or(start, |(_, at)| *at);
            uses.push(Use {
                url: url.to_owned(),
                owner: Owner::Person {
                    name: person.name().to_owned(),
                    field,
                },
                school: school.clone(),
                website: person.website().map(str::to_owned),
                source,
                line,
                column,
                spot: spot.map(|(range, _)| range),
            });
        }
    }
    let schools = file.school.iter().chain(&file.also);
    for school in schools {
        for lab in &school.labs {
            let spot = claim(&lab.url, (0, 0));
            let (line, column) = spot.as_ref().map_or((0, 0), |(_, at)| *at);
            uses.push(Use {
                url: lab.url.clone(),
                owner: Owner::Lab {
                    name: lab.name.clone(),
                },
                school: school.name.clone(),
                website: None,
                source,
                line,
                column,
                spot: spot.map(|(range, _)| range),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uses_of(text: &str) -> Vec<Use> {
        let file = parse("a.md", text.as_bytes());
        let mut uses = Vec::new();
        add_uses(&mut uses, 0, &file, text.as_bytes());
        uses
    }

    #[test]
    fn every_url_is_found_where_it_is_written() {
        let text = "\u{feff}# U\n## Faculty\n### Ada\n- Website: [https://a.example/](https://a.example/)\n- Scholar: <https://s.example/ada>\n- Email: ada@u.example\n### Bo\n- Website: https://a.example/\n## Labs\n- **Lab**: https://lab.example/\n";
        let uses = uses_of(text);
        let found: Vec<(&str, String, usize, usize, &str)> = uses
            .iter()
            .map(|u| {
                let spot = u.spot.clone().expect("a spot");
                (
                    u.url.as_str(),
                    u.owner.describe(),
                    u.line,
                    u.column,
                    &text[spot],
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "https://a.example/",
                    "website of Ada".into(),
                    4,
                    33,
                    "https://a.example/"
                ),
                (
                    "https://s.example/ada",
                    "Scholar of Ada".into(),
                    5,
                    13,
                    "https://s.example/ada"
                ),
                (
                    "https://a.example/",
                    "website of Bo".into(),
                    8,
                    12,
                    "https://a.example/"
                ),
                (
                    "https://lab.example/",
                    "lab Lab".into(),
                    10,
                    12,
                    "https://lab.example/"
                ),
            ]
        );
        // The link's destination, not its text, is the one changed.
        let first = uses[0].spot.clone().expect("a spot");
        assert_eq!(&text[first.start - 1..first.start], "(");
    }

    #[test]
    fn a_url_field_written_plainly_is_found_where_it_is() {
        let text = "# U\n## Faculty\n### Bo\n- **Website**: https://b.example/\n- **Scholar**: https://s.example/bo\n";
        let uses = uses_of(text);
        let scholar = uses
            .iter()
            .find(|u| u.url == "https://s.example/bo")
            .expect("the Scholar link is checked");
        assert_eq!((scholar.line, scholar.column), (5, 16));
        let spot = scholar.spot.clone().expect("a spot");
        assert_eq!(&text[spot], "https://s.example/bo");
    }

    #[test]
    fn list_entries_and_tables_have_spots_too() {
        let text = "# U\n## People\n- [Ada](https://a.example/~ada): vision\n\n## Faculty\n\n| Name | Website |\n|---|---|\n| Bo | https://b.example/bo |\n";
        let uses = uses_of(text);
        let spots: Vec<(&str, usize)> = uses
            .iter()
            .map(|u| (&text[u.spot.clone().expect("a spot")], u.line))
            .collect();
        assert_eq!(
            spots,
            [("https://a.example/~ada", 3), ("https://b.example/bo", 9)]
        );
    }

    #[test]
    fn url_fields_are_told_by_scheme_or_key() {
        assert!(is_url_field("Scholar", "https://s.example/x"));
        assert!(is_url_field("Website", "www.x.org/j"));
        assert!(!is_url_field("Email", "a@b.example"));
        assert!(!is_url_field("Office", "Room 5, see https://x"));
    }
}
