//! What a heading's words make of the section under it.

/// Words that make a section one of people, as whole words in any case:
/// `ML Faculty` and `Our People` name people, `Facultyship` does not.
const PEOPLE: &[&str] = &[
    "faculty",
    "people",
    "professors",
    "professor",
    "members",
    "researchers",
    "advisors",
    "staff",
];

/// Words that make a section one of labs.
const LABS: &[&str] = &[
    "links",
    "labs",
    "groups",
    "centers",
    "centres",
    "institutes",
];

/// Words of sections that are never people, whatever else the heading
/// says, with what the section is about for a note.
const ABOUT: &[(&str, &str)] = &[
    ("course", "courses"),
    ("courses", "courses"),
    ("class", "courses"),
    ("classes", "courses"),
    ("teaching", "courses"),
    ("lectures", "courses"),
    ("news", "news"),
    ("announcements", "news"),
    ("events", "news"),
    ("seminars", "news"),
    ("talks", "news"),
    ("publication", "publications"),
    ("publications", "publications"),
    ("papers", "publications"),
    ("preprints", "publications"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Heading {
    People,
    /// `exact` for the canonical `Labs` and `Notable Labs`, whose items are
    /// all meant as labs.
    Labs {
        exact: bool,
    },
    /// Courses, news or publications: never read as people.
    Ignored {
        about: &'static str,
        names_people: bool,
    },
    Other,
}

fn words(title: &str) -> impl Iterator<Item = &str> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|w| w.len() == word.len() && word.eq_ignore_ascii_case(w))
}

/// The kind of section a heading with this text starts. Asked of every
/// heading, people's names included, so it looks at each word once.
pub(super) fn heading(text: &str) -> Heading {
    let (mut names_people, mut labs, mut about) = (false, false, None);
    for word in words(text) {
        // No listed word is shorter or longer.
        if !(3..=13).contains(&word.len()) {
            continue;
        }
        if about.is_none() {
            about = ABOUT
                .iter()
                .find(|(w, _)| w.len() == word.len() && word.eq_ignore_ascii_case(w))
                .map(|&(_, about)| about);
        }
        names_people = names_people || is_one_of(word, PEOPLE);
        labs = labs || is_one_of(word, LABS);
    }
    if let Some(about) = about {
        return Heading::Ignored {
            about,
            names_people,
        };
    }
    if names_people {
        return Heading::People;
    }
    if labs {
        let title = text.trim().trim_end_matches(':').trim_end();
        let exact =
            title.eq_ignore_ascii_case("labs") || title.eq_ignore_ascii_case("notable labs");
        return Heading::Labs { exact };
    }
    Heading::Other
}

/// What a `## Research Focus…` heading says of the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Focus<'a> {
    /// `Research Focus: x`.
    Given(&'a str),
    /// A bare `Research Focus`: the next paragraph is the focus.
    Next,
}

/// The research focus a heading gives, `None` when it is no focus heading.
pub(super) fn focus(text: &str) -> Option<Focus<'_>> {
    const FOCUS: &str = "research focus";
    let rest = text
        .get(..FOCUS.len())
        .filter(|head| head.eq_ignore_ascii_case(FOCUS))
        .and_then(|_| text.get(FOCUS.len()..))?
        .trim();
    match rest.strip_prefix(':').map(str::trim) {
        Some(focus) if !focus.is_empty() => Some(Focus::Given(focus)),
        Some(_) => Some(Focus::Next),
        None if rest.is_empty() => Some(Focus::Next),
        None => None,
    }
}

/// Splits a school heading at its last ` - `: name and directory title.
pub(super) fn school_and_title(text: &str) -> (String, Option<String>) {
    // Markdown trims the heading, so pad it: "# - Faculty" has an empty name.
    match format!(" {text} ").rsplit_once(" - ") {
        Some((name, title)) => {
            let title = title.trim().to_string();
            (
                name.trim().to_string(),
                Some(title).filter(|t| !t.is_empty()),
            )
        }
        None => (text.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_named_by_whole_words_in_any_case() {
        for title in [
            "Faculty",
            "ML Faculty",
            "Our People",
            "PROFESSORS",
            "Core faculty members",
            "Research Staff:",
            "Advisors (2024)",
        ] {
            assert_eq!(heading(title), Heading::People, "{title}");
        }
        for title in ["Facultyship", "Personal", "Research Focus", "Staffing"] {
            assert_eq!(heading(title), Heading::Other, "{title}");
        }
    }

    #[test]
    fn labs_and_the_canonical_labs_headings() {
        assert_eq!(heading("Notable Labs"), Heading::Labs { exact: true });
        assert_eq!(heading("labs:"), Heading::Labs { exact: true });
        for title in [
            "Links",
            "Research Groups",
            "Centers and Institutes",
            "Lab Links",
        ] {
            assert_eq!(heading(title), Heading::Labs { exact: false }, "{title}");
        }
        // People win over labs: a section of people in groups is people.
        assert_eq!(heading("Faculty Groups"), Heading::People);
        assert_eq!(heading("Lab"), Heading::Other);
    }

    #[test]
    fn courses_news_and_publications_are_never_people() {
        assert_eq!(
            heading("Courses"),
            Heading::Ignored {
                about: "courses",
                names_people: false
            }
        );
        assert_eq!(
            heading("Faculty News"),
            Heading::Ignored {
                about: "news",
                names_people: true
            }
        );
        assert_eq!(
            heading("Selected Publications by our Faculty"),
            Heading::Ignored {
                about: "publications",
                names_people: true
            }
        );
    }

    #[test]
    fn focus_headings() {
        assert_eq!(
            focus("Research Focus: Systems"),
            Some(Focus::Given("Systems"))
        );
        assert_eq!(focus("research focus"), Some(Focus::Next));
        assert_eq!(focus("Research Focus:"), Some(Focus::Next));
        assert_eq!(focus("Research Focused Areas"), None);
        assert_eq!(focus("Faculty"), None);
    }

    #[test]
    fn school_headings_split_at_the_last_dash() {
        assert_eq!(
            school_and_title("Univ. of California - Berkeley - CS"),
            ("Univ. of California - Berkeley".into(), Some("CS".into()))
        );
        assert_eq!(school_and_title("MIT"), ("MIT".into(), None));
        assert_eq!(school_and_title("MIT - "), ("MIT".into(), None));
        assert_eq!(
            school_and_title("- Faculty"),
            (String::new(), Some("Faculty".into()))
        );
    }
}
