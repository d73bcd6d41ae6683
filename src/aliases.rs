//! Short names of schools (`mit`, `cmu`, `ucb`), shared by the schools
//! pane's filter and the query language's `school:` scope, so that both
//! take `mit` for the Massachusetts Institute of Technology and not RMIT;
//! and the names one school goes by, so that files calling it differently
//! (an imported "Massachusetts Institute of Technology", the built-in
//! "MIT") make one school.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::fold::fold;
use crate::model::identity_key;

/// Short names people use for schools whose initials do not give them,
/// or give them to another school too. Each short name, then the names of
/// the school it means, as the data spells them (compared folded, ignoring
/// case). The names of one entry are one school wherever schools are
/// compared, so an entry never lists two schools.
pub const ALIASES: &[(&[&str], &[&str])] = &[
    (&["mit"], &["Massachusetts Institute of Technology", "MIT"]),
    (&["cmu"], &["Carnegie Mellon University"]),
    (
        &["eth", "ethz"],
        &[
            "ETH Zurich",
            "ETH Zürich",
            "Swiss Federal Institute of Technology Zurich",
        ],
    ),
    (
        &["epfl"],
        &["EPFL", "École Polytechnique Fédérale de Lausanne"],
    ),
    (
        &["ucb", "cal", "berkeley"],
        &[
            "Univ. of California - Berkeley",
            "University of California - Berkeley",
            "University of California, Berkeley",
            "UC Berkeley",
        ],
    ),
    (
        &["ucla"],
        &[
            "Univ. of California - Los Angeles",
            "University of California, Los Angeles",
        ],
    ),
    (
        &["ucsd"],
        &[
            "Univ. of California - San Diego",
            "University of California, San Diego",
        ],
    ),
    (
        &["uiuc"],
        &[
            "Univ. of Illinois at Urbana-Champaign",
            "University of Illinois Urbana-Champaign",
        ],
    ),
    (&["caltech"], &["California Institute of Technology"]),
    (&["gatech", "gt"], &["Georgia Institute of Technology"]),
    (&["umich"], &["University of Michigan"]),
    (&["upenn", "penn"], &["University of Pennsylvania"]),
    (&["uw"], &["University of Washington"]),
    (&["utaustin", "ut"], &["University of Texas at Austin"]),
    (
        &["tum"],
        &[
            "Technical University of Munich",
            "TU Munich",
            "Technische Universität München",
        ],
    ),
    (
        &["kaist"],
        &[
            "KAIST",
            "Korea Advanced Institute of Science and Technology",
        ],
    ),
];

/// A school's name as aliases compare it: folded, ignoring case.
pub fn key(name: &str) -> String {
    fold(name)
        .unwrap_or_else(|| name.to_string())
        .to_lowercase()
}

/// The short names meaning the school whose [`key`] is `key`.
pub fn of(key: &str) -> impl Iterator<Item = &'static str> + '_ {
    ALIASES
        .iter()
        .filter(move |(_, names)| names.iter().any(|name| self::key(name) == key))
        .flat_map(|(short, _)| short.iter().copied())
}

/// The keys of the schools `alias` means, if it is a short name.
pub fn schools(alias: &str) -> Option<Vec<String>> {
    let alias = key(alias);
    let (_, names) = ALIASES
        .iter()
        .find(|(short, _)| short.contains(&alias.as_str()))?;
    Some(names.iter().map(|name| key(name)).collect())
}

/// What makes two schools one, wherever schools are compared (merging
/// files, a favorite's school, `--school`): the names [`ALIASES`] gives one
/// school share the identity of its first name; any other name is its
/// [`identity_key`], ignoring case and spacing.
pub fn school_identity(name: &str) -> String {
    match SAME_SCHOOL.get(&identity_key(&key(name))) {
        Some(first) => first.clone(),
        None => identity_key(name),
    }
}

/// Each name in [`ALIASES`], folded → the identity of its school.
static SAME_SCHOOL: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    ALIASES
        .iter()
        .flat_map(|(_, names)| {
            let first = identity_key(names[0]);
            names
                .iter()
                .map(move |name| (identity_key(&key(name)), first.clone()))
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_of_one_school_are_one_school() {
        let mit = school_identity("MIT");
        assert_eq!(
            school_identity("Massachusetts  Institute of technology"),
            mit
        );
        assert_eq!(
            school_identity("Univ. of California - Berkeley"),
            school_identity("UC Berkeley")
        );
        assert_eq!(school_identity("ETH Zürich"), school_identity("eth zurich"));
        assert_ne!(school_identity("RMIT University"), mit);
        assert_ne!(school_identity("UC Davis"), school_identity("UC Berkeley"));
        assert_eq!(
            school_identity("Some  College"),
            identity_key("some college")
        );
    }

    #[test]
    fn a_short_name_means_its_schools_only() {
        let mit = schools("MIT").unwrap_or_default();
        assert!(mit.contains(&key("Massachusetts Institute of Technology")));
        assert!(!mit.iter().any(|name| name.contains("rmit")));
        assert_eq!(schools("rmit"), None);
        assert_eq!(of(&key("ETH Zürich")).collect::<Vec<_>>(), ["eth", "ethz"]);
    }
}
