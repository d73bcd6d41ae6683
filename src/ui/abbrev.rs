//! School names short enough for a column, still telling schools apart:
//! common words abbreviated ("Univ. of California - Berkeley"), and when
//! even that is too long, the middle left out so the distinguishing end
//! stays ("Univ. of Cal…Berkeley").

use std::collections::HashMap;

use super::{columns, fit, head, tail};

/// Words schools' names share, and how a column writes them.
const SHORT: &[(&str, &str)] = &[
    ("University", "Univ."),
    ("Universität", "Univ."),
    ("Université", "Univ."),
    ("Universidad", "Univ."),
    ("Università", "Univ."),
    ("Institute", "Inst."),
    ("Technology", "Tech."),
    ("Technological", "Tech."),
    ("Technical", "Tech."),
    ("College", "Coll."),
    ("National", "Nat'l"),
    ("Polytechnic", "Poly."),
    ("Science", "Sci."),
    ("Sciences", "Sci."),
];

/// `name` (made safe for the terminal) in at most `width` columns.
pub fn school(name: &str, width: usize) -> String {
    if columns(name) <= width {
        return name.to_string();
    }
    let short = abbreviated(name);
    if columns(&short) <= width {
        return short;
    }
    // Without the words every school has, what is left tells it apart:
    // "California - Berkeley", "Arizona State".
    let telling = short
        .trim_start_matches("Univ. of ")
        .trim_start_matches("Univ. ")
        .trim_end_matches(" Univ.");
    if columns(telling) <= width {
        return telling.to_string();
    }
    elide_middle(telling, width)
}

/// Labels for `names` (each made safe) in `width` columns, given more
/// room where two different names would otherwise look the same, up to
/// `most` columns.
pub fn distinct<'a>(names: &[&'a str], width: usize, most: usize) -> HashMap<&'a str, String> {
    let mut labels: HashMap<&str, String> = HashMap::new();
    let mut wanted: Vec<&str> = names.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    let mut width = width;
    loop {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut clash = false;
        for &name in &wanted {
            let label = school(name, width);
            if seen
                .insert(label.clone(), name)
                .is_some_and(|other| other != name)
            {
                clash = true;
            }
            labels.insert(name, label);
        }
        if !clash || width >= most {
            return labels;
        }
        width += 2;
    }
}

fn abbreviated(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            SHORT
                .iter()
                .find(|(long, _)| *long == word)
                .map_or(word, |(_, short)| short)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The start and the end of `text` with `…` between, in `width` columns:
/// the end (a campus, a city) is what tells namesakes apart, so it gets
/// the larger share.
fn elide_middle(text: &str, width: usize) -> String {
    if width < 8 {
        return fit(text, width);
    }
    let room = width - 1;
    let end = tail(text, room * 3 / 5).trim_start();
    let start = head(text, room - columns(end)).trim_end();
    format!("{start}…{end}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_abbreviated_then_cut_in_the_middle() {
        let berkeley = "University of California - Berkeley";
        assert_eq!(school(berkeley, 40), berkeley);
        assert_eq!(school(berkeley, 30), "Univ. of California - Berkeley");
        assert_eq!(school(berkeley, 24), "California - Berkeley");
        let cut = school(berkeley, 16);
        assert!(columns(&cut) <= 16, "{cut}");
        assert!(cut.starts_with("Cal") && cut.ends_with("Berkeley"), "{cut}");
        assert_eq!(school("Arizona State University", 14), "Arizona State");
        assert_eq!(
            school("Massachusetts Institute of Technology", 30),
            "Massachusetts Inst. of Tech."
        );
        assert_eq!(school("Ecole", 3), "Ec…");
    }

    #[test]
    fn different_schools_never_look_the_same() {
        let names = [
            "Univ. of California - Berkeley",
            "Univ. of California - Davis",
            "University of Massachusetts Amherst",
            "University of Massachusetts Boston",
            "Universidade de São Paulo",
            "Universidade Federal de São Paulo",
        ];
        for width in 8..40 {
            let labels = distinct(&names, width, 60);
            let mut shown: Vec<&String> = labels.values().collect();
            shown.sort();
            shown.dedup();
            assert_eq!(shown.len(), names.len(), "at {width}: {labels:?}");
        }
    }
}
