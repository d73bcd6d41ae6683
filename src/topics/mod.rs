//! The research topics of a directory: every topic people list, counted
//! under one normalized key however it is written, and who works on what.
//!
//! Built on demand (the topics pane, `profdex topics`, related people), not
//! at load: a directory nobody asks about costs nothing here. People and
//! topics refer to each other through two flat tables of ids rather than a
//! vector per person, so a million people cost a few bytes each.

mod normalize;
pub mod related;

use std::collections::HashMap;

use crate::model::{Directory, PersonId};

pub use normalize::{BUILTIN_SYNONYMS, Synonyms, normalize, trim_edges, words};

/// Index of a topic in [`Topics::all`].
pub type TopicId = u32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// How the topic is shown: the form people write most often.
    pub label: String,
    /// The normalized form it is counted under.
    pub key: String,
    /// How many people list it.
    pub count: usize,
}

/// Lists of ids grouped by an owner, in one vector: owner `n`'s are
/// `items[starts[n]..starts[n + 1]]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Groups {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    fn from_lists(lists: impl Iterator<Item = impl IntoIterator<Item = u32>>) -> Groups {
        let mut groups = Groups {
            starts: vec![0],
            items: Vec::new(),
        };
        for list in lists {
            groups.items.extend(list);
            groups.starts.push(len_u32(groups.items.len()));
        }
        groups
    }

    /// Owner → items, turned around: item → owners, each in increasing order.
    fn inverted(&self, items: usize) -> Groups {
        let mut counts = vec![0u32; items + 1];
        for &item in &self.items {
            counts[item as usize + 1] += 1;
        }
        for n in 1..counts.len() {
            counts[n] += counts[n - 1];
        }
        let mut next = counts.clone();
        let mut owners = vec![0u32; self.items.len()];
        for owner in 0..self.len() {
            for &item in self.of(owner) {
                let slot = &mut next[item as usize];
                owners[*slot as usize] = len_u32(owner);
                *slot += 1;
            }
        }
        Groups {
            starts: counts,
            items: owners,
        }
    }

    pub(crate) fn of(&self, owner: usize) -> &[u32] {
        &self.items[self.starts[owner] as usize..self.starts[owner + 1] as usize]
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }
}

/// Keys hashed with xxh3: these tables are looked up once per topic a
/// person lists, where the standard hasher costs more than the rest of the work.
type FastMap<K, V> = HashMap<K, V, xxhash_rust::xxh3::Xxh3DefaultBuilder>;

/// Ids are u32: no directory the reader accepts comes near four billion
/// people or topics.
fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every topic of a directory, most common first.
#[derive(Debug, Clone)]
pub struct Topics {
    all: Vec<Topic>,
    by_key: HashMap<String, TopicId>,
    /// Person → their topics, each once, in increasing id order.
    of_person: Groups,
    /// Topic → its people, in directory order.
    people: Groups,
    /// What the topics were counted by, so that text is read the same way.
    synonyms: Synonyms,
}

impl Topics {
    pub fn build(directory: &Directory, synonyms: &Synonyms) -> Topics {
        // Most people share a few topics written the same way: normalize
        // each distinct spelling once.
        let mut spelled: FastMap<&str, u32> = FastMap::default();
        let mut keys: Vec<String> = Vec::new();
        let mut by_key: HashMap<String, u32> = HashMap::new();
        // Per key: each spelling's count, for the label.
        let mut forms: Vec<FastMap<&str, usize>> = Vec::new();
        // Each person's topics go straight into one flat table: a vector
        // per person would be a million allocations for a million people.
        let mut raw = Groups {
            starts: Vec::with_capacity(directory.people.len() + 1),
            items: Vec::new(),
        };
        raw.starts.push(0);
        let mut mine: Vec<u32> = Vec::new();
        for person in &directory.people {
            mine.clear();
            for topic in person.research() {
                // "Machine learning." is shown as "Machine learning".
                let topic = normalize::trim_edges(topic);
                let id = *spelled.entry(topic).or_insert_with(|| {
                    let key = synonyms.key(topic);
                    if key.is_empty() {
                        return u32::MAX;
                    }
                    *by_key.entry(key.clone()).or_insert_with(|| {
                        keys.push(key);
                        forms.push(FastMap::default());
                        len_u32(keys.len() - 1)
                    })
                });
                if id != u32::MAX {
                    *forms[id as usize].entry(topic).or_insert(0) += 1;
                    mine.push(id);
                }
            }
            mine.sort_unstable();
            mine.dedup();
            raw.items.extend_from_slice(&mine);
            raw.starts.push(len_u32(raw.items.len()));
        }
        let counts = raw.inverted(keys.len());
        // Most common first; equal counts alphabetically by label.
        let labels: Vec<String> = forms.iter().zip(&keys).map(|(f, k)| label(f, k)).collect();
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| {
            counts
                .of(b)
                .len()
                .cmp(&counts.of(a).len())
                .then_with(|| labels[a].to_lowercase().cmp(&labels[b].to_lowercase()))
        });
        let mut renumber = vec![0u32; keys.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old] = len_u32(new);
        }
        let mut of_person = raw;
        for person in 0..of_person.len() {
            let (start, end) = (
                of_person.starts[person] as usize,
                of_person.starts[person + 1] as usize,
            );
            let ids = &mut of_person.items[start..end];
            for id in ids.iter_mut() {
                *id = renumber[*id as usize];
            }
            ids.sort_unstable();
        }
        let people = of_person.inverted(keys.len());
        let all: Vec<Topic> = order
            .iter()
            .map(|&old| Topic {
                label: labels[old].clone(),
                key: keys[old].clone(),
                count: counts.of(old).len(),
            })
            .collect();
        let by_key = all
            .iter()
            .enumerate()
            .map(|(id, topic)| (topic.key.clone(), len_u32(id)))
            .collect();
        Topics {
            all,
            by_key,
            of_person,
            people,
            synonyms: synonyms.clone(),
        }
    }

    /// Every topic, most common first (equal counts by label).
    pub fn all(&self) -> &[Topic] {
        &self.all
    }

    pub fn get(&self, id: TopicId) -> &Topic {
        &self.all[id as usize]
    }

    /// The topic `text` is a way of writing, if anyone lists it.
    pub fn find(&self, text: &str) -> Option<TopicId> {
        self.by_key.get(&self.synonyms.key(text)).copied()
    }

    /// The synonyms the topics were counted by.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// A person's topics, each once.
    pub fn of_person(&self, person: PersonId) -> &[TopicId] {
        self.of_person.of(person)
    }

    /// How many people of the directory the topics were built from.
    pub fn people_count(&self) -> usize {
        self.of_person.len()
    }

    /// The people who list a topic, in directory order.
    pub fn people(&self, topic: TopicId) -> &[u32] {
        self.people.of(topic as usize)
    }

    /// How many of `people` list each topic, most common first (equal
    /// counts in the overall order): a school's or a list's profile.
    pub fn counts_among(
        &self,
        people: impl IntoIterator<Item = PersonId>,
    ) -> Vec<(TopicId, usize)> {
        let mut counts = vec![0usize; self.all.len()];
        for person in people {
            for &topic in self.of_person(person) {
                counts[topic as usize] += 1;
            }
        }
        let mut found: Vec<(TopicId, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(topic, n)| (len_u32(topic), n))
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found
    }
}

/// How a topic is shown: the way of writing it most people use, counting
/// spellings that differ only in case or punctuation together (so three
/// people's "Machine learning", "machine learning" and "Machine Learning"
/// outnumber two people's "ML"); on a tie the synonym table's canonical
/// form wins. Of its spellings, the most common, then sentence case.
fn label(forms: &FastMap<&str, usize>, key: &str) -> String {
    // Normalized form → (people, its spellings with their counts).
    type Group<'a> = (usize, Vec<(&'a str, usize)>);
    let mut groups: HashMap<String, Group> = HashMap::new();
    for (&spelling, &count) in forms {
        let group = groups.entry(normalize(spelling)).or_default();
        group.0 += count;
        group.1.push((spelling, count));
    }
    let best = groups.iter().max_by(|a, b| {
        (a.1.0, a.0 == key)
            .cmp(&(b.1.0, b.0 == key))
            .then_with(|| b.0.cmp(a.0))
    });
    let Some((_, (_, spellings))) = best else {
        return key.to_string();
    };
    let capitals = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
    let sentence = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    spellings
        .iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| sentence(a.0).cmp(&sentence(b.0)))
                .then_with(|| capitals(b.0).cmp(&capitals(a.0)))
                .then_with(|| b.0.cmp(a.0))
        })
        .map_or_else(|| key.to_string(), |(spelling, _)| (*spelling).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{person, school};

    pub(crate) fn directory() -> Directory {
        Directory {
            schools: vec![school("MIT", vec![]), school("Berkeley", vec![])],
            people: vec![
                person(0, "Ada", "Professor", &["Machine learning", "Databases"]),
                person(0, "Bo", "Professor", &["ML", "Quantum computing"]),
                person(
                    1,
                    "Cy",
                    "Professor",
                    &["machine learning.", "Operating Systems"],
                ),
                person(1, "Di", "Professor", &["Databases", "Database", ""]),
                person(1, "Ed", "Professor", &[]),
            ],
        }
    }

    #[test]
    fn topics_are_counted_under_one_key_however_they_are_written() {
        let topics = Topics::build(&directory(), &Synonyms::builtin());
        let all: Vec<(&str, usize)> = topics
            .all()
            .iter()
            .map(|t| (t.label.as_str(), t.count))
            .collect();
        assert_eq!(
            all,
            [
                ("Machine learning", 3),
                ("Databases", 2),
                ("Operating Systems", 1),
                ("Quantum computing", 1),
            ]
        );
        let ml = topics.find("ml").expect("machine learning");
        assert_eq!(topics.people(ml), [0, 1, 2]);
        assert_eq!(topics.of_person(3).len(), 1, "Database twice is one topic");
        assert!(topics.of_person(4).is_empty());
        assert_eq!(topics.find("compilers"), None);
    }

    #[test]
    fn a_schools_profile_counts_its_people_only() {
        let topics = Topics::build(&directory(), &Synonyms::builtin());
        let profile: Vec<(&str, usize)> = topics
            .counts_among([2, 3, 4])
            .into_iter()
            .map(|(t, n)| (topics.get(t).label.as_str(), n))
            .collect();
        assert_eq!(
            profile,
            [
                ("Machine learning", 1),
                ("Databases", 1),
                ("Operating Systems", 1)
            ]
        );
    }
}
