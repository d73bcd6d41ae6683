//! Writing a school as a directory file in the canonical form
//! (`docs/format.md`), the only form profdex writes: what `import` makes is
//! a file the user can read, edit and check like any other.
//!
//! Reading a written file gives back what was written: every ASCII
//! punctuation character of text is escaped, so nothing in a name or a
//! value turns into markup; URLs are written as autolinks, which keep every
//! character. Text is written as the reader reads it back: white space runs as one
//! space, trimmed. A key loses any `:` (the reader ends a key at the first
//! one), and a school name holding ` - ` always gets a directory title (the
//! reader splits the heading at its last ` - `). Topics are written as
//! the reader splits them, at `,` and `;` outside brackets: a topic that
//! holds one (which the reader never makes) comes back as several. An
//! extra field whose key the reader would take for the title, the
//! research or the website (a `URL` column beside the homepage) is
//! written as `Other URL`, which it cannot.

use std::fmt::Write as _;

use crate::model::{Person, School};
use crate::parse::is_field_key;
use crate::url::is_openable_url;

/// The directory title given to a school whose name holds ` - ` and that has none.
const TITLE_FOR_A_SPLIT_NAME: &str = "Faculty";

/// The file for `school` and `people`, in order.
pub fn school_file<'a>(school: &School, people: impl IntoIterator<Item = &'a Person>) -> String {
    let mut out = String::new();
    let title = school
        .directory_title
        .as_deref()
        .filter(|t| !collapse(t).is_empty())
        .or_else(|| {
            school
                .name
                .contains(" - ")
                .then_some(TITLE_FOR_A_SPLIT_NAME)
        });
    let _ = write!(out, "# {}", text(&school.name));
    if let Some(title) = title {
        let _ = write!(out, " - {}", text(title));
    }
    out.push_str("\n\n");
    if let Some(focus) = school
        .research_focus
        .as_deref()
        .filter(|f| !collapse(f).is_empty())
    {
        let _ = writeln!(out, "## Research Focus: {}\n", text(focus));
    }
    for paragraph in &school.description {
        if !collapse(paragraph).is_empty() {
            let _ = writeln!(out, "{}\n", text(paragraph));
        }
    }
    out.push_str("## Faculty\n");
    for person in people {
        write_person(&mut out, person);
    }
    if !school.labs.is_empty() {
        out.push_str("\n## Notable Labs\n\n");
        for lab in &school.labs {
            // A link, whose text may hold a `:`, unlike a key.
            let _ = writeln!(out, "- [{}]({})", text(&lab.name), destination(&lab.url));
        }
    }
    out
}

fn write_person(out: &mut String, person: &Person) {
    let _ = writeln!(out, "\n### {}", text(person.name()));
    if let Some(title) = person.title().filter(|t| !collapse(t).is_empty()) {
        let _ = writeln!(out, "- **Title**: {}", text(title));
    }
    let topics: Vec<String> = person
        .research()
        .map(collapse)
        .filter(|t| !t.is_empty())
        .collect();
    if !topics.is_empty() {
        let joined: Vec<String> = topics.iter().map(|t| text(t)).collect();
        let _ = writeln!(out, "- **Research**: {}", joined.join(", "));
    }
    if let Some(website) = person.website() {
        let _ = writeln!(out, "- **Website**: {}", url(website));
    }
    for field in person.extra() {
        let value = collapse(field.value);
        let mut name = key(field.key);
        if value.is_empty() || name.is_empty() {
            continue;
        }
        // A `Website` field holding no usable URL is how the reader keeps
        // one; it reads back as that. Any other known key would be read
        // as the field it names, so it is written under one that is not.
        let kept_website = field.key == "Website" && !is_openable_url(&value);
        if is_field_key(&collapse(&field.key.replace(':', " "))) && !kept_website {
            name = format!("Other {name}");
        }
        // Written as text, so that a value is never read as a link.
        let _ = writeln!(out, "- **{name}**: {}", text(&value));
    }
}

/// White space as the reader gives it back: runs as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text with its markdown punctuation escaped.
fn text(raw: &str) -> String {
    let raw = collapse(raw);
    let mut out = String::with_capacity(raw.len() + raw.len() / 8);
    for c in raw.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A key: text without `:`.
fn key(raw: &str) -> String {
    text(&raw.replace(':', " "))
}

/// A URL as an autolink, which keeps every character, when it can be one.
fn url(raw: &str) -> String {
    if raw.is_empty()
        || raw.contains(['<', '>'])
        || raw.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        text(raw)
    } else {
        format!("<{raw}>")
    }
}

/// A link's destination in angle brackets, where only `<`, `>` and `\\`
/// need escaping.
fn destination(raw: &str) -> String {
    let mut out = String::from("<");
    for c in raw.chars() {
        if matches!(c, '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::{Field, Lab, PersonDraft};
    use crate::parse::parse;

    fn written_and_read(school: &School, people: &[Person]) -> (School, Vec<Person>) {
        let file = school_file(school, people);
        let parsed = parse("written.md", file.as_bytes());
        let messages: Vec<&str> = parsed
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        // Only what was already so: a Website field that is no URL.
        assert_eq!(
            messages,
            ["website \"ftp://not.openable/\" is not an absolute http(s) URL"],
            "{file}"
        );
        let people = parsed.people.into_iter().map(|p| p.person).collect();
        (parsed.school.expect("a school"), people)
    }

    #[test]
    fn a_school_reads_back_as_written() {
        let school = School {
            name: "Univ. of California - Berkeley".into(),
            directory_title: None,
            research_focus: Some("Systems *and* [ML]".into()),
            description: vec![
                "1. Not a list & not <b>HTML</b>".into(),
                "# nor a heading".into(),
            ],
            labs: vec![Lab {
                name: "Sky: Lab".into(),
                url: "https://sky.cs.berkeley.edu/a_b*c*".into(),
            }],
        };
        let people = [PersonDraft {
            school: 0,
            name: "Zoë *O'Brien*_".into(),
            title: Some("Professor `of` EECS".into()),
            research: vec![
                "ML (training, inference)".into(),
                "Data systems".into(),
                "AI".into(),
            ],
            website: Some("https://x.org/~zoe_(a)".into()),
            extra: vec![
                Field {
                    key: "Email".into(),
                    value: "<zoe@x.org>".into(),
                },
                Field {
                    key: "Website".into(),
                    value: "ftp://not.openable/".into(),
                },
            ],
        }
        .build()];
        let (read, read_people) = written_and_read(&school, &people);
        assert_eq!(read.name, school.name);
        assert_eq!(read.directory_title.as_deref(), Some("Faculty"));
        assert_eq!(read.research_focus, school.research_focus);
        assert_eq!(read.description, school.description);
        assert_eq!(read.labs, school.labs);
        assert_eq!(read_people, people);
    }

    #[test]
    fn extra_fields_named_like_known_fields_are_written_under_other_keys() {
        let school = School {
            name: "U".into(),
            ..School::default()
        };
        let extra = |key: &str, value: &str| Field {
            key: key.into(),
            value: value.into(),
        };
        let person = PersonDraft {
            name: "Ada".into(),
            website: Some("https://ada.example/".into()),
            extra: vec![
                extra("URL", "https://ada.example/cv"),
                extra("web", "https://ada.example/blog"),
                extra("Title", "Dean"),
                extra("Research", "a, b"),
                extra("Website", "https://ada.example/old"),
                extra("Website", "ada.html"),
                extra("Homepage:", "x"),
            ],
            ..PersonDraft::default()
        }
        .build();
        let file = school_file(&school, [&person]);
        let parsed = parse("written.md", file.as_bytes());
        let messages: Vec<&str> = parsed
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            ["website \"ada.html\" is not an absolute http(s) URL"],
            "only what was already so: {file}"
        );
        let read = parsed.people[0].person.to_draft();
        assert_eq!(read.website.as_deref(), Some("https://ada.example/"));
        assert_eq!(read.title, None);
        let keys: Vec<&str> = read.extra.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "Other URL",
                "Other web",
                "Other Title",
                "Other Research",
                "Other Website",
                "Website",
                "Other Homepage"
            ]
        );
        assert_eq!(read.extra[3].value, "a, b");
    }

    fn topic() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "[a-zA-Zé0-9*_`<>&!#|~\\\\.:'\"+=-]{1,8}( [a-zA-Zé0-9*_`<>&!#|.:'-]{1,8}){0,3}",
        )
        .expect("regex")
    }

    fn words() -> impl Strategy<Value = String> {
        // Printable text with every kind of markdown punctuation, and
        // letters beyond ASCII, as one-space-separated words.
        proptest::string::string_regex("[a-zA-Zé0-9*_`\\[\\]()<>&!#|~\\\\.,;:'\"+=-]{1,8}( [a-zA-Zé0-9*_`\\[\\]()<>&!#|.,;:'-]{1,8}){0,3}")
            .expect("regex")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_person_reads_back_as_written(
            name in words(),
            title in proptest::option::of(words()),
            research in proptest::collection::vec(topic(), 0..4),
            extra in proptest::collection::vec((words(), words()), 0..3),
        ) {
            let school = School { name: "U".into(), ..School::default() };
            let person = PersonDraft {
                school: 0,
                name,
                title,
                research,
                website: Some("https://u.example/~a_b".into()),
                extra: extra
                    .into_iter()
                    .map(|(key, value)| Field { key: key.replace(':', " "), value })
                    .filter(|f| !collapse(&f.key).is_empty())
                    .collect(),
            };
            let file = school_file(&school, [&person.clone().build()]);
            let parsed = parse("written.md", file.as_bytes());
            prop_assert_eq!(&parsed.diagnostics, &[], "{}", file);
            prop_assert_eq!(parsed.people.len(), 1, "{}", file);
            let mut expected = person;
            for f in &mut expected.extra {
                f.key = collapse(&f.key);
                if is_field_key(&f.key) {
                    f.key = format!("Other {}", f.key);
                }
            }
            prop_assert_eq!(parsed.people[0].person.to_draft(), expected, "{}", file);
        }
    }
}
