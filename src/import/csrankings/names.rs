//! How CSRankings writes names and links, and when two of its rows are
//! one person: DBLP's disambiguation numbers (`Wei Wang 0001`), sub-unit
//! tags (`Adish Singla [SWS]`), Scholar ids, and homepages shared by a
//! department's people.

use crate::fold::fold;

/// What CSRankings writes for a person without a Scholar page.
const NO_SCHOLAR: &str = "NOSCHOLARPAGE";

/// `Jane Doe [SWS]` → (`Jane Doe`, `Some("SWS")`): a trailing bracketed
/// tag, which names a sub-unit of the affiliation.
pub fn split_tag(name: &str) -> (&str, Option<&str>) {
    let trimmed = name.trim_end();
    let Some(inside) = trimmed.strip_suffix(']') else {
        return (name, None);
    };
    // The tag holds no `]`; it opens at the first `[` after the last one.
    let after = inside.rfind(']').map_or(0, |at| at + 1);
    let Some(open) = inside[after..].find('[').map(|at| after + at) else {
        return (name, None);
    };
    let tag = &inside[open + 1..];
    if tag.is_empty() {
        return (name, None);
    }
    (inside[..open].trim_end(), Some(tag.trim()))
}

/// The name as shown: without its tag, and without DBLP's
/// disambiguation number (four digits after a space).
pub fn display_name(name: &str) -> &str {
    let (base, _) = split_tag(name);
    let Some(start) = base.len().checked_sub(4) else {
        return base;
    };
    let (rest, digits) = (base.get(..start), base.get(start..));
    match (rest, digits) {
        (Some(rest), Some(digits))
            if digits.bytes().all(|b| b.is_ascii_digit())
                && rest.ends_with(char::is_whitespace) =>
        {
            rest.trim_end()
        }
        _ => base,
    }
}

/// A Scholar id as CSRankings gives it, without the `&hl=…` some carry;
/// `None` for none.
pub fn scholar_id(id: &str) -> Option<&str> {
    let id = id.trim();
    let squeezed: String = id.chars().filter(|c| !c.is_whitespace()).collect();
    if id.is_empty() || squeezed.eq_ignore_ascii_case(NO_SCHOLAR) {
        return None;
    }
    let id = id.split('&').next().unwrap_or("").trim();
    (!id.is_empty()).then_some(id)
}

/// A homepage as compared to find rows of one person: no scheme, no
/// `www.`, no final `/`, lower case.
pub fn homepage_key(homepage: &str) -> String {
    let mut key = homepage.trim().to_lowercase();
    for scheme in ["https:", "http:"] {
        if let Some(rest) = key.strip_prefix(scheme) {
            key = rest.trim_start_matches('/').to_string();
            break;
        }
    }
    if let Some(rest) = key.strip_prefix("www.") {
        key = rest.to_string();
    }
    key.trim_end_matches('/').to_string()
}

/// A name cut into words for comparing: folded, lower case, without
/// punctuation; each word without its hyphens, and the set of words and
/// hyphenated parts.
#[derive(Debug, Clone, Default)]
pub struct Words {
    words: Vec<String>,
    parts: Vec<String>,
}

impl Words {
    pub fn of(name: &str) -> Words {
        let shown = display_name(name);
        let folded = fold(shown)
            .unwrap_or_else(|| shown.to_string())
            .to_lowercase();
        let spaced: String = folded
            .chars()
            .map(|c| if "()\"'.,:".contains(c) { ' ' } else { c })
            .collect();
        let mut words = Vec::new();
        let mut parts = Vec::new();
        for word in spaced.split_whitespace() {
            let joined = word.replace('-', "");
            parts.push(joined.clone());
            parts.extend(word.split('-').filter(|p| !p.is_empty()).map(String::from));
            words.push(joined);
        }
        parts.sort_unstable();
        parts.dedup();
        Words { words, parts }
    }

    pub fn first(&self) -> Option<&str> {
        self.words.first().map(String::as_str)
    }

    pub fn last(&self) -> Option<&str> {
        self.words.last().map(String::as_str)
    }

    fn subset_of(&self, other: &Words) -> bool {
        self.parts
            .iter()
            .all(|part| other.parts.binary_search(part).is_ok())
    }
}

/// Whether two rows sharing a homepage are plausibly one person: the
/// same words; or the same last name, first names one the start of the
/// other, and no conflicting middle initials; or the same first name and
/// one name's words all in the other. Department pages shared by many
/// people are why sharing a homepage alone is not enough.
pub fn compatible(a: &Words, b: &Words) -> bool {
    let (Some(first_a), Some(first_b)) = (a.first(), b.first()) else {
        return false;
    };
    if a.words == b.words {
        return true;
    }
    let first_agree = first_a.starts_with(first_b) || first_b.starts_with(first_a);
    if a.last() == b.last() && first_agree {
        let initial = |w: &Words| {
            let middle = w
                .words
                .get(1..w.words.len().saturating_sub(1))
                .unwrap_or(&[]);
            middle
                .iter()
                .find(|word| word.chars().count() == 1)
                .cloned()
        };
        return match (initial(a), initial(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
    }
    first_a == first_b && (a.subset_of(b) || b.subset_of(a))
}

/// How much a spelling of a name is preferred as the one shown, the
/// greatest first: the primary DBLP name over an alias, then more letters
/// beyond ASCII (`José` over `Jose`), fewer initials, a longer name, and
/// the earlier row.
pub fn preference(name: &str, is_alias: bool, row: usize) -> (bool, usize, isize, usize, isize) {
    let initials = display_name(name)
        .split_whitespace()
        .filter(|word| word.trim_end_matches('.').chars().count() == 1)
        .count();
    (
        !is_alias,
        name.chars().filter(|c| !c.is_ascii()).count(),
        -isize::try_from(initials).unwrap_or(isize::MAX),
        name.chars().count(),
        -isize::try_from(row).unwrap_or(isize::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_dblp_numbers_are_not_part_of_the_name() {
        assert_eq!(
            split_tag("Adish Singla [SWS]"),
            ("Adish Singla", Some("SWS"))
        );
        assert_eq!(split_tag("A [B [C] "), ("A", Some("B [C")));
        assert_eq!(split_tag("A [] "), ("A [] ", None));
        assert_eq!(split_tag("Ada"), ("Ada", None));
        assert_eq!(display_name("Wei Wang 0001"), "Wei Wang");
        assert_eq!(display_name("Wei Wang 0001 [Tech]"), "Wei Wang");
        assert_eq!(display_name("Wei Wang 00012"), "Wei Wang 00012");
        assert_eq!(display_name("Luqi"), "Luqi");
        assert_eq!(display_name("Zoë 2024"), "Zoë");
        assert_eq!(display_name("é1234"), "é1234");
    }

    #[test]
    fn scholar_ids_and_homepages_are_cleaned_as_compared() {
        assert_eq!(scholar_id(" x8qCMhcAAAAJ&hl=en "), Some("x8qCMhcAAAAJ"));
        assert_eq!(scholar_id("NO SCHOLAR PAGE"), None);
        assert_eq!(scholar_id("&hl=en"), None);
        assert_eq!(homepage_key("HTTPS://www.X.org/a/"), "x.org/a");
        assert_eq!(homepage_key("http:/www.x.org"), "x.org");
        assert_eq!(homepage_key("x.org//"), "x.org");
    }

    fn compatible_names(a: &str, b: &str) -> bool {
        compatible(&Words::of(a), &Words::of(b))
    }

    #[test]
    fn names_on_one_homepage_are_one_person_when_they_agree() {
        assert!(compatible_names("A. Akbari Azirani", "Akbari Azirani"));
        assert!(compatible_names("J. Smith", "John Smith"));
        assert!(compatible_names("John Q. Smith", "John Smith"));
        assert!(compatible_names("Jean-Paul Sartre", "Jean Paul Sartre"));
        assert!(compatible_names("José García", "Jose Garcia 0002"));
        assert!(!compatible_names("M. R. Smith", "M. S. Smith"));
        assert!(!compatible_names("Ada Lee", "Bo Chen"));
        assert!(!compatible_names("Alan Wang", "Albert Wang"));
        assert!(!compatible_names("", "Ada"));
    }

    #[test]
    fn the_primary_fuller_name_is_preferred() {
        fn best<'a>(names: &[(&'a str, bool)]) -> Option<&'a str> {
            names
                .iter()
                .enumerate()
                .max_by_key(|(row, (name, alias))| preference(name, *alias, *row))
                .map(|(_, (name, _))| *name)
        }
        assert_eq!(
            best(&[("Jose Garcia", false), ("José García", false)]),
            Some("José García")
        );
        assert_eq!(
            best(&[("J. Smith", false), ("John Smith", false)]),
            Some("John Smith")
        );
        assert_eq!(
            best(&[("John Smith", true), ("J. Smith", false)]),
            Some("J. Smith")
        );
        assert_eq!(
            best(&[("Ada Lee", false), ("Ada Lee", false)]),
            Some("Ada Lee")
        );
    }
}
