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
#[serde(try_from = "DirectoryParts")]
pub struct Directory {
    pub schools: Vec<School>,
    pub people: Vec<Person>,
}

/// A directory as read back from disk, before its people's schools are checked.
#[derive(Deserialize)]
struct DirectoryParts {
    schools: Vec<School>,
    people: Vec<Person>,
}

impl TryFrom<DirectoryParts> for Directory {
    type Error = String;

    fn try_from(parts: DirectoryParts) -> Result<Directory, String> {
        let schools = parts.schools.len();
        if let Some(person) = parts.people.iter().find(|person| person.school >= schools) {
            return Err(format!(
                "{} is in school {} of {schools}",
                person.name(),
                person.school
            ));
        }
        Ok(Directory {
            schools: parts.schools,
            people: parts.people,
        })
    }
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

/// A person as plain data, stored compactly: all of a person's text in one
/// string, cut into fields by offsets, so a directory of a million people
/// costs two allocations per person rather than dozens. Read it through the
/// accessors; build or change one through [`PersonDraft`].
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PersonParts", into = "PersonParts")]
pub struct Person {
    pub school: SchoolId,
    /// The name, title, website and research line (the topics joined by
    /// [`TOPIC_SEPARATOR`]), then each extra field's key and value.
    text: Box<str>,
    /// Where each piece of `text` ends: name, title, website, each topic,
    /// then each extra field's key and value.
    ends: Box<[u32]>,
    topics: u32,
    has_title: bool,
    has_website: bool,
}

/// How [`Person::research_line`] joins the topics.
pub const TOPIC_SEPARATOR: &str = ", ";

/// A person being built or changed: the same fields as [`Person`], as
/// owned strings anyone can set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonDraft {
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

/// One of a person's extra fields, borrowed from the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FieldRef<'a> {
    pub key: &'a str,
    pub value: &'a str,
}

impl PersonDraft {
    /// The compact person. Text past 4 GiB cannot be addressed and is
    /// left out, which no file the reader accepts comes near (it caps files
    /// at 64 MiB).
    pub fn build(self) -> Person {
        let mut text = String::with_capacity(self.text_len());
        let mut ends = Vec::with_capacity(3 + self.research.len() + 2 * self.extra.len());
        let mut push = |piece: &str, text: &mut String| {
            if u32::try_from(text.len() + piece.len()).is_ok() {
                text.push_str(piece);
            }
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        };
        push(&self.name, &mut text);
        push(self.title.as_deref().unwrap_or(""), &mut text);
        push(self.website.as_deref().unwrap_or(""), &mut text);
        for (n, topic) in self.research.iter().enumerate() {
            if n > 0 {
                text.push_str(TOPIC_SEPARATOR);
            }
            push(topic, &mut text);
        }
        for field in &self.extra {
            push(&field.key, &mut text);
            push(&field.value, &mut text);
        }
        Person {
            school: self.school,
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
            topics: u32::try_from(self.research.len()).unwrap_or(u32::MAX),
            has_title: self.title.is_some(),
            has_website: self.website.is_some(),
        }
    }

    fn text_len(&self) -> usize {
        let pieces = [&self.name]
            .into_iter()
            .chain(&self.title)
            .chain(&self.website)
            .chain(&self.research)
            .chain(
                self.extra
                    .iter()
                    .flat_map(|field| [&field.key, &field.value]),
            );
        pieces.map(String::len).sum::<usize>()
            + TOPIC_SEPARATOR.len() * self.research.len().saturating_sub(1)
    }
}

impl Person {
    pub fn name(&self) -> &str {
        self.piece(0, 0)
    }

    pub fn title(&self) -> Option<&str> {
        self.has_title.then(|| self.piece(1, self.end(0)))
    }

    /// Always a URL `url::is_openable_url` accepts; anything else stays in `extra`.
    pub fn website(&self) -> Option<&str> {
        self.has_website.then(|| self.piece(2, self.end(1)))
    }

    /// Research topics, in file order.
    pub fn research(&self) -> Topics<'_> {
        Topics {
            person: self,
            next: 0,
            end: self.topics as usize,
        }
    }

    pub fn has_research(&self) -> bool {
        self.topics > 0
    }

    /// Research topics as one line, the form search matches and panes show.
    pub fn research_line(&self) -> &str {
        let start = self.end(2) as usize;
        let end = if self.topics == 0 {
            start
        } else {
            self.end(2 + self.topics as usize) as usize
        };
        &self.text[start..end]
    }

    /// Fields other than title, research and website, in file order.
    pub fn extra(&self) -> Extras<'_> {
        Extras {
            person: self,
            next: 3 + self.topics as usize,
        }
    }

    /// An owned copy to change and build again.
    pub fn to_draft(&self) -> PersonDraft {
        PersonDraft {
            school: self.school,
            name: self.name().to_owned(),
            title: self.title().map(str::to_owned),
            research: self.research().map(str::to_owned).collect(),
            website: self.website().map(str::to_owned),
            extra: self
                .extra()
                .map(|field| Field {
                    key: field.key.to_owned(),
                    value: field.value.to_owned(),
                })
                .collect(),
        }
    }

    /// Changes the person through a draft of it.
    pub fn edit(&mut self, change: impl FnOnce(&mut PersonDraft)) {
        let mut draft = self.to_draft();
        change(&mut draft);
        *self = draft.build();
    }

    /// Bytes on the heap besides the `Person` itself.
    pub fn heap_bytes(&self) -> usize {
        self.text.len() + self.ends.len() * size_of::<u32>()
    }

    fn end(&self, at: usize) -> u32 {
        self.ends[at]
    }

    fn piece(&self, at: usize, start: u32) -> &str {
        &self.text[start as usize..self.end(at) as usize]
    }
}

impl Default for Person {
    fn default() -> Person {
        PersonDraft::default().build()
    }
}

impl From<PersonDraft> for Person {
    fn from(draft: PersonDraft) -> Person {
        draft.build()
    }
}

impl std::fmt::Debug for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_draft().fmt(f)
    }
}

/// A person's research topics, borrowed from the person.
#[derive(Clone)]
pub struct Topics<'a> {
    person: &'a Person,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Topics<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.next == self.end {
            return None;
        }
        let at = 3 + self.next;
        let start = self.person.end(at - 1) as usize
            + if self.next == 0 {
                0
            } else {
                TOPIC_SEPARATOR.len()
            };
        self.next += 1;
        Some(&self.person.text[start..self.person.end(at) as usize])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Topics<'_> {}

/// A person's extra fields, borrowed from the person.
#[derive(Clone)]
pub struct Extras<'a> {
    person: &'a Person,
    /// Where the next key's end is in `ends`.
    next: usize,
}

impl<'a> Iterator for Extras<'a> {
    type Item = FieldRef<'a>;

    fn next(&mut self) -> Option<FieldRef<'a>> {
        let at = self.next;
        if at + 1 >= self.person.ends.len() {
            return None;
        }
        self.next += 2;
        Some(FieldRef {
            key: self.person.piece(at, self.person.end(at - 1)),
            value: self.person.piece(at + 1, self.person.end(at)),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.person.ends.len().saturating_sub(self.next) / 2;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Extras<'_> {}

/// A person as stored on disk (the parse cache): the compact fields,
/// checked on the way back in so that a damaged file can never make an
/// accessor slice outside the text or inside a character.
#[derive(Serialize, Deserialize)]
struct PersonParts {
    school: SchoolId,
    text: Box<str>,
    ends: Box<[u32]>,
    topics: u32,
    has_title: bool,
    has_website: bool,
}

impl From<Person> for PersonParts {
    fn from(person: Person) -> PersonParts {
        let Person {
            school,
            text,
            ends,
            topics,
            has_title,
            has_website,
        } = person;
        PersonParts {
            school,
            text,
            ends,
            topics,
            has_title,
            has_website,
        }
    }
}

impl TryFrom<PersonParts> for Person {
    type Error = String;

    fn try_from(parts: PersonParts) -> Result<Person, String> {
        let topics = parts.topics as usize;
        let pieces = parts.ends.len();
        if pieces < 3 + topics || !(pieces - 3 - topics).is_multiple_of(2) {
            return Err(format!("{pieces} field ends for {topics} topics"));
        }
        let mut start = 0;
        for (at, &end) in parts.ends.iter().enumerate() {
            let end = end as usize;
            if end < start || !parts.text.is_char_boundary(end) || end > parts.text.len() {
                return Err(format!("field end {end} out of place"));
            }
            start = end;
            // Topics after the first are preceded by the separator.
            if (3..2 + topics).contains(&at) {
                if parts.text.get(end..end + TOPIC_SEPARATOR.len()) != Some(TOPIC_SEPARATOR) {
                    return Err("topics not separated".into());
                }
                start += TOPIC_SEPARATOR.len();
            }
        }
        if start != parts.text.len() {
            return Err("text past the last field".into());
        }
        let PersonParts {
            school,
            text,
            ends,
            topics,
            has_title,
            has_website,
        } = parts;
        Ok(Person {
            school,
            text,
            ends,
            topics,
            has_title,
            has_website,
        })
    }
}

impl Directory {
    pub fn school_of(&self, person: &Person) -> &School {
        &self.schools[person.school]
    }

    /// Lookup ignoring case and by any name the school goes by
    /// ([`crate::aliases::school_identity`]), the rule that merges schools
    /// from several files.
    pub fn find_school(&self, name: &str) -> Option<SchoolId> {
        let key = crate::aliases::school_identity(name);
        self.schools
            .iter()
            .position(|school| crate::aliases::school_identity(&school.name) == key)
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

/// A hash of [`identity_key`], without building the key: equal keys hash
/// alike, so a scan of many names can group them without a string each.
pub fn identity_hash(name: &str) -> u64 {
    // Most names fit a buffer on the stack (lower case can triple a
    // character's bytes), hashed in one go; feeding the hasher character
    // by character costs more than the rest of the work.
    let mut buffer = [0u8; 256];
    if name.len() <= buffer.len() / 3 {
        let mut len = 0;
        for (n, word) in name.split_whitespace().enumerate() {
            if n > 0 {
                buffer[len] = b' ';
                len += 1;
            }
            if word.is_ascii() {
                for &byte in word.as_bytes() {
                    buffer[len] = byte.to_ascii_lowercase();
                    len += 1;
                }
            } else {
                // As `identity_key` does it: a Greek final sigma depends on
                // the word around it.
                let lower = word.to_lowercase();
                buffer[len..len + lower.len()].copy_from_slice(lower.as_bytes());
                len += lower.len();
            }
        }
        return xxhash_rust::xxh3::xxh3_64(&buffer[..len]);
    }
    xxhash_rust::xxh3::xxh3_64(identity_key(name).as_bytes())
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

    fn draft() -> PersonDraft {
        PersonDraft {
            school: 1,
            name: "Zoë Ångström".into(),
            title: Some(String::new()),
            research: vec![
                "ML, (theory, practice)".into(),
                String::new(),
                "Systems".into(),
            ],
            website: None,
            extra: vec![
                Field {
                    key: "Email".into(),
                    value: "z@x.org".into(),
                },
                Field {
                    key: "Email".into(),
                    value: String::new(),
                },
            ],
        }
    }

    #[test]
    fn a_compact_person_gives_back_every_field_as_written() {
        let person = draft().build();
        assert_eq!(person.name(), "Zoë Ångström");
        assert_eq!(person.title(), Some(""), "an empty title is still a title");
        assert_eq!(person.website(), None);
        assert_eq!(
            person.research().collect::<Vec<_>>(),
            ["ML, (theory, practice)", "", "Systems"]
        );
        assert_eq!(person.research_line(), "ML, (theory, practice), , Systems");
        let extra: Vec<_> = person.extra().map(|f| (f.key, f.value)).collect();
        assert_eq!(extra, [("Email", "z@x.org"), ("Email", "")]);
        assert_eq!(person.to_draft(), draft());
        let empty = Person::default();
        assert_eq!(
            (empty.name(), empty.title(), empty.research_line()),
            ("", None, "")
        );
        assert!(!empty.has_research() && empty.extra().len() == 0);
    }

    #[test]
    fn drafts_that_differ_build_people_that_differ() {
        let one_topic = PersonDraft {
            research: vec!["a, b".into()],
            ..PersonDraft::default()
        };
        let two_topics = PersonDraft {
            research: vec!["a".into(), "b".into()],
            ..PersonDraft::default()
        };
        assert_eq!(one_topic.clone().build().research_line(), "a, b");
        assert_ne!(one_topic.build(), two_topics.build());
        let mut person = draft().build();
        person.edit(|draft| draft.website = Some("https://z.example/".into()));
        assert_eq!(person.website(), Some("https://z.example/"));
        assert_eq!(person.name(), "Zoë Ångström");
    }

    #[test]
    fn a_person_read_back_from_disk_is_checked() {
        let person = draft().build();
        let json = serde_json::to_string(&person).expect("serializes");
        let back: Person = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, person);
        let damaged = [
            // An end inside "ë".
            json.replacen("\"ends\":[15,", "\"ends\":[3,", 1),
            // An end past the text.
            json.replacen("\"ends\":[15,", "\"ends\":[9999,", 1),
            // More topics than ends.
            json.replacen("\"topics\":3", "\"topics\":9", 1),
        ];
        for bad in damaged {
            assert_ne!(bad, json, "the damage applies");
            assert!(serde_json::from_str::<Person>(&bad).is_err(), "{bad}");
        }
        let directory = Directory {
            schools: vec![School::default()],
            people: vec![person],
        };
        let json = serde_json::to_string(&directory).expect("serializes");
        assert!(
            serde_json::from_str::<Directory>(&json).is_err(),
            "school 1 of 1 is refused"
        );
    }

    #[test]
    fn identity_ignores_case_and_spacing() {
        assert_eq!(identity_key("  Song   HAN "), identity_key("song han"));
        assert_eq!(identity_hash("  Song   HAN "), identity_hash("song han"));
        assert_ne!(identity_hash("Song Han"), identity_hash("Song Hanx"));
        assert_ne!(identity_hash("Song Han"), identity_hash("SongHan"));
        assert_eq!(identity_hash("ÅNGSTRÖM"), identity_hash("ångström"));
        assert_eq!(identity_hash("ΟΔΥΣΣΕΥΣ"), identity_hash("οδυσσευς"));
        let long = "Ab ".repeat(100);
        assert_eq!(identity_hash(&long), identity_hash(&long.to_uppercase()));
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
