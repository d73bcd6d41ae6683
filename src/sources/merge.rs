//! Merging parsed files, in order, into one directory.
//!
//! Every question the merge asks ("is this school, lab, person or field
//! already known?") is a hash lookup, so merging costs time in proportion to
//! the input: a school given twice with tens of thousands of labs, or a
//! person given twice with a hundred thousand fields, loads as fast as any
//! other file of that size.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::aliases::school_identity;
use crate::diag::{Diagnostic, Severity};
use crate::model::{Person, PersonDraft, PersonId, School, SchoolId, identity_key, website_key};
use crate::parse::{ParsedFile, ParsedPerson};

use super::Loaded;

#[derive(Default)]
pub(super) struct Merger {
    loaded: Loaded,
    /// School identity ([`school_identity`]) → its id.
    schools: HashMap<String, SchoolId>,
    /// By school id: lab identity → index in that school's labs.
    labs: Vec<HashMap<String, usize>>,
    /// (school, name identity) → the people of that name there.
    people: HashMap<(SchoolId, String), Namesakes>,
    /// By person id: where the person was first seen.
    first_seen: Vec<FirstSeen>,
    /// By person id, for people merged at least once: field key (ASCII
    /// lower case) → where that key's values sit in `extra`, in order. Built
    /// on a person's first merge, so people given once cost nothing here.
    fields: HashMap<PersonId, HashMap<String, Vec<usize>>>,
    /// People merged at least once, as drafts until the end: a person
    /// compacted again after every merge would cost the size of all its
    /// fields each time it is given again.
    drafts: HashMap<PersonId, PersonDraft>,
    /// The files added so far, so a person's place costs no string of its own.
    labels: Vec<String>,
}

#[derive(Clone, Copy)]
struct FirstSeen {
    label: usize,
    line: usize,
    column: usize,
}

/// The people of one name in one school. Namesakes are one person when
/// their websites agree or one of them has none, else several. So only the
/// first can lack a website: a later one without a website joins the first,
/// and one with a website joins a first that has none.
enum Namesakes {
    One(PersonId),
    /// Told apart by website; each has one.
    Many(Box<ByWebsite>),
}

struct ByWebsite {
    first: PersonId,
    /// [`website_key`] → the person with that website.
    people: HashMap<String, PersonId>,
}

impl Namesakes {
    /// Whom a namesake with `website` (a [`website_key`]) is merged into;
    /// `None` when it is someone new, who is then known as `next`.
    fn join(
        &mut self,
        website_of: impl Fn(PersonId) -> Option<String>,
        website: Option<String>,
        next: PersonId,
    ) -> Option<PersonId> {
        match self {
            Namesakes::One(first) => {
                let first = *first;
                let Some(website) = website else {
                    return Some(first);
                };
                let known = match website_of(first) {
                    Some(known) if known != website => known,
                    _ => return Some(first),
                };
                let people = HashMap::from([(known, first), (website, next)]);
                *self = Namesakes::Many(Box::new(ByWebsite { first, people }));
                None
            }
            Namesakes::Many(many) => {
                let Some(website) = website else {
                    return Some(many.first);
                };
                match many.people.entry(website) {
                    Entry::Occupied(same) => Some(*same.get()),
                    Entry::Vacant(slot) => {
                        slot.insert(next);
                        None
                    }
                }
            }
        }
    }
}

impl Merger {
    pub(super) fn add(&mut self, label: &str, file: ParsedFile) {
        self.loaded.diagnostics.extend(file.diagnostics);
        let Some(school) = file.school else { return };
        // A school of the file with nothing to browse (a file of only
        // prose, or whose every table row named another school) adds nothing.
        let mut people = vec![0usize; 1 + file.also.len()];
        for parsed in &file.people {
            if let Some(count) = people.get_mut(parsed.person.school) {
                *count += 1;
            }
        }
        let ids: Vec<Option<SchoolId>> = std::iter::once(school)
            .chain(file.also)
            .zip(&people)
            .map(|(school, &people)| {
                (people > 0 || !school.labs.is_empty()).then(|| self.merge_school(school))
            })
            .collect();
        self.labels.push(label.to_string());
        for parsed in file.people {
            if let Some(&Some(school_id)) = ids.get(parsed.person.school) {
                self.merge_person(school_id, parsed);
            }
        }
    }

    fn merge_school(&mut self, school: School) -> SchoolId {
        let schools = &mut self.loaded.directory.schools;
        let key = school_identity(&school.name);
        let Some(&id) = self.schools.get(&key) else {
            let mut labs = HashMap::with_capacity(school.labs.len());
            for (index, lab) in school.labs.iter().enumerate() {
                labs.entry(identity_key(&lab.name)).or_insert(index);
            }
            self.labs.push(labs);
            self.schools.insert(key, schools.len());
            schools.push(school);
            return schools.len() - 1;
        };
        let existing = &mut schools[id];
        existing.directory_title = school.directory_title.or(existing.directory_title.take());
        existing.research_focus = school.research_focus.or(existing.research_focus.take());
        if !school.description.is_empty() {
            existing.description = school.description;
        }
        let known = &mut self.labs[id];
        for lab in school.labs {
            match known.entry(identity_key(&lab.name)) {
                Entry::Occupied(same) => existing.labs[*same.get()] = lab,
                Entry::Vacant(slot) => {
                    slot.insert(existing.labs.len());
                    existing.labs.push(lab);
                }
            }
        }
        id
    }

    fn merge_person(&mut self, school: SchoolId, parsed: ParsedPerson) {
        let ParsedPerson {
            mut person,
            line,
            column,
        } = parsed;
        person.school = school;
        let label = self.labels.len() - 1;
        let people = &mut self.loaded.directory.people;
        let drafts = &self.drafts;
        let next = people.len();
        let website_of = |id: PersonId| {
            drafts
                .get(&id)
                .map_or_else(|| people[id].website(), |draft| draft.website.as_deref())
                .map(website_key)
        };
        let into = match self.people.entry((school, identity_key(person.name()))) {
            Entry::Vacant(slot) => {
                slot.insert(Namesakes::One(next));
                None
            }
            // Websites tell namesakes apart; only namesakes need their keys.
            Entry::Occupied(mut namesakes) => {
                let website = person.website().map(website_key);
                namesakes.get_mut().join(website_of, website, next)
            }
        };
        let Some(index) = into else {
            self.first_seen.push(FirstSeen {
                label,
                line,
                column,
            });
            people.push(person);
            return;
        };
        let first = self.first_seen[index];
        let first_seen = format!(
            "{}:{}:{}",
            self.labels[first.label], first.line, first.column
        );
        self.loaded.diagnostics.push(Diagnostic {
            path: self.labels[label].clone(),
            line,
            column,
            severity: Severity::Warning,
            message: format!(
                "duplicate person \"{}\" in {} (first at {first_seen}); merged, later fields win",
                person.name(),
                self.loaded.directory.schools[school].name
            ),
        });
        self.merge_fields(index, &person);
    }

    fn merge_fields(&mut self, index: PersonId, later: &Person) {
        let people = &self.loaded.directory.people;
        let existing = self
            .drafts
            .entry(index)
            .or_insert_with(|| people[index].to_draft());
        let later = later.to_draft();
        existing.title = later.title.or(existing.title.take());
        existing.website = later.website.or(existing.website.take());
        if !later.research.is_empty() {
            existing.research = later.research;
        }
        let places = self.fields.entry(index).or_insert_with(|| {
            let mut places: HashMap<String, Vec<usize>> = HashMap::new();
            for (at, field) in existing.extra.iter().enumerate() {
                places
                    .entry(field.key.to_ascii_lowercase())
                    .or_default()
                    .push(at);
            }
            places
        });
        // A key may repeat (two `Email` lines are two addresses): the n-th
        // later value of a key replaces the n-th earlier one, and values
        // beyond those the person had are added.
        let mut nth: HashMap<String, usize> = HashMap::new();
        for field in later.extra {
            let key = field.key.to_ascii_lowercase();
            let n = nth.entry(key.clone()).or_insert(0);
            let at = places.entry(key).or_default();
            if let Some(&known) = at.get(*n) {
                existing.extra[known] = field;
            } else {
                at.push(existing.extra.len());
                existing.extra.push(field);
            }
            *n += 1;
        }
    }

    pub(super) fn finish(mut self) -> Loaded {
        for (index, draft) in self.drafts {
            self.loaded.directory.people[index] = draft.build();
        }
        self.loaded
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::parse::parse;

    fn merge(files: &[(&str, &str)]) -> Loaded {
        let mut merger = Merger::default();
        for (label, text) in files {
            merger.add(label, parse(label, text.as_bytes()));
        }
        merger.finish()
    }

    fn messages(loaded: &Loaded) -> Vec<String> {
        loaded
            .diagnostics
            .iter()
            .map(std::string::ToString::to_string)
            .collect()
    }

    #[test]
    fn a_school_in_two_files_merges_its_labs_by_name() {
        let labs = |from: usize, to: usize, spell: &str, site: &str| {
            let mut text = String::from("# Big U\n## Labs\n");
            for i in from..to {
                let _ = writeln!(text, "- **{spell} {i}**: https://{site}.example.org/{i}");
            }
            text
        };
        let first = labs(0, 20_000, "Lab", "old");
        let later = labs(10_000, 30_000, "LAB", "new").replace("# Big U", "# big  u");
        let loaded = merge(&[("a.md", &first), ("b.md", &later)]);
        assert_eq!(messages(&loaded), Vec::<String>::new());
        let [school] = loaded.directory.schools.as_slice() else {
            panic!("one school: {:?}", loaded.directory.schools.len());
        };
        assert_eq!(school.labs.len(), 30_000);
        for (i, lab) in school.labs.iter().enumerate() {
            let (name, url) = if i < 10_000 {
                (format!("Lab {i}"), format!("https://old.example.org/{i}"))
            } else {
                (format!("LAB {i}"), format!("https://new.example.org/{i}"))
            };
            assert_eq!((&lab.name, &lab.url), (&name, &url), "lab {i}");
        }
    }

    #[test]
    fn a_person_given_twice_merges_fields_by_key() {
        let person = |from: usize, to: usize, spell: &str, value: &str| {
            let mut text = String::from("# Big U\n## Faculty\n### Ada Lovelace\n");
            for i in from..to {
                let _ = writeln!(text, "- **{spell} {i}**: {value}");
            }
            text
        };
        let first = person(0, 50_000, "Key", "old");
        let later = person(25_000, 75_000, "KEY", "new");
        let loaded = merge(&[("a.md", &first), ("b.md", &later)]);
        assert_eq!(
            messages(&loaded),
            [
                "b.md:3:1: warning: duplicate person \"Ada Lovelace\" in Big U (first at a.md:3:1); merged, later fields win"
            ]
        );
        let [ada] = loaded.directory.people.as_slice() else {
            panic!("one person: {}", loaded.directory.people.len());
        };
        assert_eq!(ada.to_draft().extra.len(), 75_000);
        for (i, field) in ada.to_draft().extra.iter().enumerate() {
            let expected = if i < 25_000 {
                (format!("Key {i}"), "old")
            } else {
                (format!("KEY {i}"), "new")
            };
            assert_eq!(
                (field.key.clone(), field.value.as_str()),
                expected,
                "field {i}"
            );
        }
    }

    #[test]
    fn repeated_keys_replace_in_turn_and_lose_nothing() {
        let loaded = merge(&[
            (
                "a.md",
                "# U\n## Faculty\n### Ada\n- **Email**: a@x\n- **Email**: b@x\n- **Office**: 1\n",
            ),
            (
                "b.md",
                "# U\n## Faculty\n### Ada\n- **email**: c@x\n- **Email**: d@x\n- **Email**: e@x\n",
            ),
            ("c.md", "# U\n## Faculty\n### Ada\n- **Email**: f@x\n"),
        ]);
        let [ada] = loaded.directory.people.as_slice() else {
            panic!("one person: {}", loaded.directory.people.len());
        };
        let fields: Vec<(&str, &str)> = ada.extra().map(|f| (f.key, f.value)).collect();
        assert_eq!(
            fields,
            [
                ("Email", "f@x"),
                ("Email", "d@x"),
                ("Office", "1"),
                ("Email", "e@x")
            ]
        );
        assert_eq!(loaded.diagnostics.len(), 2, "{:?}", messages(&loaded));
    }

    #[test]
    fn a_school_under_another_of_its_names_is_the_same_school() {
        let loaded = merge(&[
            (
                "builtin:mit.md",
                "# MIT - ML Systems\n## Faculty\n### Song Han\n- **Website**: https://hanlab.mit.edu/\n",
            ),
            (
                "massachusetts-institute-of-technology.md",
                "# Massachusetts Institute of Technology - CS\n## Faculty\n### Song Han\n- **Scholar**: https://s.example/x\n### Ada Lee\n",
            ),
            ("rmit.md", "# RMIT University\n## Faculty\n### Ada Lee\n"),
        ]);
        let schools: Vec<&str> = loaded
            .directory
            .schools
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(schools, ["MIT", "RMIT University"]);
        let [song, ada, _] = loaded.directory.people.as_slice() else {
            panic!("three people: {:?}", loaded.directory.people);
        };
        assert_eq!((song.name(), song.school), ("Song Han", 0));
        assert_eq!(
            song.extra().next().map(|f| f.value),
            Some("https://s.example/x")
        );
        assert_eq!((ada.name(), ada.school), ("Ada Lee", 0));
    }

    fn people(loaded: &Loaded) -> Vec<(&str, Option<&str>, Option<&str>)> {
        loaded
            .directory
            .people
            .iter()
            .map(|p| (p.name(), p.title(), p.website()))
            .collect()
    }

    #[test]
    fn namesakes_with_different_websites_are_two_people() {
        let loaded = merge(&[
            (
                "a.md",
                "# U\n## Faculty\n### Yu Zhang\n- **Title**: Professor\n- **Website**: https://cs.u.edu/yu/\n### Yu Zhang\n- **Title**: Lecturer\n- **Website**: https://math.u.edu/~yzhang\n",
            ),
            // Same page as the first: another scheme, host case, no final slash.
            (
                "b.md",
                "# u\n## Faculty\n### yu  zhang\n- **Title**: Chair\n- **Website**: http://CS.U.edu/yu\n",
            ),
        ]);
        assert_eq!(
            people(&loaded),
            [
                ("Yu Zhang", Some("Chair"), Some("http://CS.U.edu/yu")),
                (
                    "Yu Zhang",
                    Some("Lecturer"),
                    Some("https://math.u.edu/~yzhang")
                ),
            ]
        );
        assert_eq!(
            messages(&loaded),
            [
                "b.md:3:1: warning: duplicate person \"yu zhang\" in U (first at a.md:3:1); merged, later fields win"
            ]
        );
    }

    #[test]
    fn a_namesake_without_a_website_is_the_same_person() {
        let loaded = merge(&[
            (
                "a.md",
                "# U\n## Faculty\n### Yu Zhang\n- **Title**: Professor\n",
            ),
            (
                "b.md",
                "# U\n## Faculty\n### Yu Zhang\n- **Website**: https://cs.u.edu/yu/\n### Yu Zhang\n- **Website**: https://math.u.edu/yz/\n### Yu Zhang\n- **Title**: Chair\n",
            ),
        ]);
        // The first takes the first website; the second website is someone
        // else; the last, with none, joins the first.
        assert_eq!(
            people(&loaded),
            [
                ("Yu Zhang", Some("Chair"), Some("https://cs.u.edu/yu/")),
                ("Yu Zhang", None, Some("https://math.u.edu/yz/")),
            ]
        );
        assert_eq!(
            messages(&loaded),
            [
                "b.md:3:1: warning: duplicate person \"Yu Zhang\" in U (first at a.md:3:1); merged, later fields win",
                "b.md:7:1: warning: duplicate person \"Yu Zhang\" in U (first at a.md:3:1); merged, later fields win",
            ]
        );
    }

    #[test]
    fn many_namesakes_stay_apart_and_find_their_own_entry() {
        let mut first = String::from("# U\n## Faculty\n");
        let mut later = first.clone();
        for i in 0..20_000 {
            let _ = writeln!(first, "### Yu Zhang\n- **Website**: https://u.edu/{i}");
            let _ = writeln!(
                later,
                "### Yu Zhang\n- **Title**: T{i}\n- **Website**: https://u.edu/{i}/"
            );
        }
        let loaded = merge(&[("a.md", &first), ("b.md", &later)]);
        assert_eq!(loaded.directory.people.len(), 20_000);
        assert_eq!(loaded.diagnostics.len(), 20_000);
        for (i, person) in loaded.directory.people.iter().enumerate() {
            assert_eq!(person.title(), Some(format!("T{i}").as_str()));
        }
    }
}
