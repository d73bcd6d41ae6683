//! Which rows of one affiliation are one person.

use std::collections::HashMap;

use super::files::{Known, Raw};
use super::names::{Words, compatible, homepage_key, scholar_id};

/// Joins rows that are one person.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(size: usize) -> Groups {
        Groups {
            parent: (0..size).collect(),
        }
    }

    fn find(&mut self, mut at: usize) -> usize {
        while self.parent[at] != at {
            self.parent[at] = self.parent[self.parent[at]];
            at = self.parent[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        self.parent[a.max(b)] = a.min(b);
    }
}

/// The rows of one affiliation, grouped into people.
pub(super) fn people_of(rows: &[&Raw], known: &Known) -> Vec<Vec<usize>> {
    let mut groups = Groups::new(rows.len());
    let mut first: HashMap<(bool, &str), usize> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        let keys = [
            Some((false, known.canonical(&row.name))),
            scholar_id(&row.scholar).map(|id| (true, id)),
        ];
        for key in keys.into_iter().flatten() {
            match first.get(&key) {
                Some(&earlier) => groups.join(earlier, at),
                None => {
                    first.insert(key, at);
                }
            }
        }
    }
    let mut by_homepage: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        let key = homepage_key(&row.homepage);
        if !key.is_empty() {
            by_homepage.entry(key).or_default().push(at);
        }
    }
    for sharing in by_homepage.values().filter(|rows| rows.len() > 1) {
        join_namesakes(&mut groups, rows, sharing);
    }
    let mut people: HashMap<usize, Vec<usize>> = HashMap::new();
    for at in 0..rows.len() {
        people.entry(groups.find(at)).or_default().push(at);
    }
    people.into_values().collect()
}

/// Joins the rows among `sharing` (rows of one homepage) whose names
/// agree. Names that agree share their first or their last word, so only
/// rows that do are compared: the work grows with the square of the
/// people of one name on one page, not of everyone on a department's page.
fn join_namesakes(groups: &mut Groups, rows: &[&Raw], sharing: &[usize]) {
    let words: Vec<Words> = sharing
        .iter()
        .map(|&at| Words::of(&rows[at].name))
        .collect();
    let mut buckets: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
    for (n, word) in words.iter().enumerate() {
        let keys = [
            word.first().map(|w| (true, w)),
            word.last().map(|w| (false, w)),
        ];
        for key in keys.into_iter().flatten() {
            buckets.entry(key).or_default().push(n);
        }
    }
    for bucket in buckets.values() {
        for (i, &x) in bucket.iter().enumerate() {
            for &y in &bucket[i + 1..] {
                let (a, b) = (sharing[x], sharing[y]);
                if groups.find(a) != groups.find(b) && compatible(&words[x], &words[y]) {
                    groups.join(a, b);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(name: &str, homepage: &str, scholar: &str) -> Raw {
        Raw {
            label: 0,
            line: 0,
            name: name.into(),
            affiliation: "U".into(),
            homepage: homepage.into(),
            scholar: scholar.into(),
        }
    }

    #[test]
    fn rows_are_one_person_by_alias_scholar_id_or_homepage_and_name() {
        let dept = "https://u.example/people";
        let rows = [
            raw("Ada Lovelace 0001", "https://u.example/ada", ""),
            raw("Ada King", "", ""),
            raw("A. Lovelace", "", "ADA1"),
            raw("Ada Lovelace", "http://www.u.example/ada/", "ADA1"),
            raw("Bo Chen", dept, ""),
            raw("Cy Diaz", dept, ""),
            raw("B. Chen", dept, ""),
            raw("Dee Chen", dept, ""),
        ];
        let aliases = HashMap::from([("Ada King".to_string(), "Ada Lovelace 0001".to_string())]);
        let known = Known::of_aliases(&aliases);
        let refs: Vec<&Raw> = rows.iter().collect();
        let mut people = people_of(&refs, &known);
        for rows in &mut people {
            rows.sort_unstable();
        }
        people.sort_unstable();
        // Ada: an alias, then a shared Scholar id, then a shared page.
        // On the department's page only Bo and B. Chen agree.
        assert_eq!(people, [vec![0, 1, 2, 3], vec![4, 6], vec![5], vec![7]]);
    }
}
