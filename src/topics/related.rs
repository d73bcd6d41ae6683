//! People whose research overlaps most with one person's.
//!
//! Each person is a vector over features: their normalized topics and the
//! words in those topics (so "quantum computing" and "quantum optics" are
//! near, if less near than two people who share a whole topic). A feature
//! weighs its inverse document frequency, `ln(1 + people / people with it)`,
//! words half as much as whole topics; two people's similarity is the
//! weight of what they share over the weight of all they list between them
//! (weighted Jaccard). So a rare shared topic counts for more than a shared
//! "machine learning", and, unlike a cosine, someone whose one topic is
//! "machine learning" does not come out as close as a colleague who shares
//! a rarer topic and lists one of their own besides. Nothing is computed for all pairs: the features are indexed
//! once, and one person's neighbours are found by walking the people who
//! share each of their features.

use std::collections::HashMap;

use super::{Groups, TopicId, Topics, len_u32, words};
use crate::model::PersonId;

/// How much less a word of a topic counts than the whole topic.
const WORD_WEIGHT: f32 = 0.5;

/// The feature index of a directory, built from its [`Topics`].
#[derive(Debug, Clone)]
pub struct Features {
    /// Person → feature ids (topics first, then words), each once.
    of_person: Groups,
    /// Feature → its people.
    people: Groups,
    /// Feature → its weight.
    weight: Vec<f32>,
    /// Person → the weight of all their features.
    total: Vec<f32>,
    /// Topic → its word feature ids.
    topic_words: Groups,
    topics: usize,
}

/// One person like another, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub person: PersonId,
    /// Weighted Jaccard similarity, in (0, 1].
    pub score: f32,
    /// Their topics that overlap the other person's, most common first.
    pub shared: Vec<TopicId>,
}

impl Features {
    pub fn build(topics: &Topics) -> Features {
        let mut word_ids: HashMap<&str, u32> = HashMap::new();
        let topic_words = Groups::from_lists(topics.all().iter().map(|topic| {
            let mut ids: Vec<u32> = words(&topic.key)
                .map(|word| {
                    let next = len_u32(word_ids.len());
                    *word_ids.entry(word).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        }));
        let n_topics = topics.all().len();
        let features = n_topics + word_ids.len();
        let people = topics.of_person.len();
        // Topics first, then their words, each once; straight into one flat
        // table, with one scratch vector for the words.
        let mut of_person = Groups::default();
        of_person.starts.reserve(people + 1);
        of_person.starts.push(0);
        let mut words: Vec<u32> = Vec::new();
        let offset = len_u32(n_topics);
        for person in 0..people {
            let mine = topics.of_person(person);
            words.clear();
            for &topic in mine {
                words.extend(topic_words.of(topic as usize).iter().map(|&w| w + offset));
            }
            words.sort_unstable();
            words.dedup();
            of_person.items.extend_from_slice(mine);
            of_person.items.extend_from_slice(&words);
            of_person.starts.push(len_u32(of_person.items.len()));
        }
        let with_feature = of_person.inverted(features);
        #[allow(clippy::cast_precision_loss)] // counts far below 2^24 matter here
        let weight: Vec<f32> = (0..features)
            .map(|feature| {
                let df = with_feature.of(feature).len().max(1) as f32;
                let idf = (1.0 + people as f32 / df).ln();
                if feature < n_topics {
                    idf
                } else {
                    idf * WORD_WEIGHT
                }
            })
            .collect();
        let total = (0..people)
            .map(|person| {
                of_person
                    .of(person)
                    .iter()
                    .map(|&f| weight[f as usize])
                    .sum::<f32>()
            })
            .collect();
        Features {
            of_person,
            people: with_feature,
            weight,
            total,
            topic_words,
            topics: n_topics,
        }
    }

    /// Up to `limit` people most like `person`, most similar first (equal
    /// scores in directory order); no one when they list no topic.
    pub fn related(&self, topics: &Topics, person: PersonId, limit: usize) -> Vec<Related> {
        let mine = self.of_person.of(person);
        if mine.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut overlap = vec![0f32; self.total.len()];
        let mut touched: Vec<u32> = Vec::new();
        for &feature in mine {
            let w = self.weight[feature as usize];
            for &other in self.people.of(feature as usize) {
                let slot = &mut overlap[other as usize];
                if *slot == 0.0 {
                    touched.push(other);
                }
                *slot += w;
            }
        }
        let own = self.total[person];
        let score = |other: u32| {
            let shared = overlap[other as usize];
            shared / (own + self.total[other as usize] - shared)
        };
        // Each score once: a sort that works them out per comparison did
        // so some twenty times each for a common topic's many people.
        let mut scored: Vec<(f32, u32)> = touched
            .into_iter()
            .filter(|&other| other as usize != person)
            .map(|other| (score(other), other))
            .collect();
        let by_score = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, by_score);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(by_score);
        scored
            .into_iter()
            .map(|(score, other)| Related {
                person: other as usize,
                score: score.min(1.0),
                shared: self.shared(topics, person, other as usize),
            })
            .collect()
    }

    /// `other`'s topics that are one of `person`'s or share a word with one.
    fn shared(&self, topics: &Topics, person: PersonId, other: PersonId) -> Vec<TopicId> {
        let mine = self.of_person.of(person);
        topics
            .of_person(other)
            .iter()
            .copied()
            .filter(|&topic| {
                mine.binary_search(&topic).is_ok()
                    || self
                        .topic_words
                        .of(topic as usize)
                        .iter()
                        .any(|&w| mine.binary_search(&(w + len_u32(self.topics))).is_ok())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{person, school};
    use crate::model::Directory;
    use crate::topics::Synonyms;

    fn related(directory: &Directory, who: PersonId) -> Vec<(String, Vec<String>)> {
        let topics = Topics::build(directory, &Synonyms::builtin());
        let features = Features::build(&topics);
        features
            .related(&topics, who, 5)
            .into_iter()
            .map(|r| {
                let shared = r.shared.iter().map(|&t| topics.get(t).label.clone());
                (
                    directory.people[r.person].name().to_owned(),
                    shared.collect(),
                )
            })
            .collect()
    }

    fn lab() -> Directory {
        let common = "Machine learning";
        Directory {
            schools: vec![school("U", vec![])],
            people: vec![
                person(
                    0,
                    "Ion",
                    "P",
                    &["Cloud computing", "Distributed systems", common],
                ),
                person(0, "Joe", "P", &["Distributed systems", "Databases"]),
                person(0, "Ann", "P", &["Cloud computing", "Distributed systems"]),
                person(0, "Max", "P", &[common]),
                person(0, "Liz", "P", &[common, "Vision"]),
                person(0, "Kim", "P", &[common, "Robotics"]),
                person(0, "Sue", "P", &["Quantum computing"]),
                person(0, "Tom", "P", &[]),
                // Machine learning is what most people list.
                person(0, "Pat", "P", &[common, "Theory"]),
                person(0, "Lou", "P", &[common, "Graphics"]),
                person(0, "Ray", "P", &[common, "Security"]),
                person(0, "Val", "P", &[common, "Compilers"]),
            ],
        }
    }

    #[test]
    fn a_rare_shared_topic_counts_more_than_a_common_one() {
        let found = related(&lab(), 0);
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        // Ann shares two rarer topics, Joe one; Max only the common one,
        // and Sue only the word "computing".
        assert_eq!(&names[..2], ["Ann", "Joe"]);
        assert!(
            names.iter().position(|&n| n == "Joe") < names.iter().position(|&n| n == "Max"),
            "{names:?}"
        );
        assert_eq!(found[0].1, ["Distributed systems", "Cloud computing"]);
        assert!(!names.contains(&"Ion"), "never oneself");
        assert!(!names.contains(&"Tom"), "no topics, no overlap");
    }

    #[test]
    fn words_of_topics_bring_near_topics_together() {
        let found = related(&lab(), 6);
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Ann", "Ion"], "\"computing\" is shared");
        assert_eq!(found[0].1, ["Cloud computing"]);
    }

    #[test]
    fn no_topics_no_one_related_and_scores_are_in_order() {
        assert!(related(&lab(), 7).is_empty());
        let directory = lab();
        let topics = Topics::build(&directory, &Synonyms::builtin());
        let features = Features::build(&topics);
        let found = features.related(&topics, 3, 10);
        // Max's only topic is machine learning: everyone else with it, and
        // Ion, who lists two more topics, among the last.
        let max: Vec<(PersonId, f32)> = found.iter().map(|r| (r.person, r.score)).collect();
        let mut people: Vec<PersonId> = max.iter().map(|m| m.0).collect();
        assert_eq!(people.len(), 7);
        assert!(people[..5].iter().all(|&p| p != 0), "{max:?}");
        people.sort_unstable();
        assert_eq!(people, [0, 4, 5, 8, 9, 10, 11]);
        assert!(max.iter().all(|&(_, s)| s > 0.0 && s <= 1.0), "{max:?}");
        assert!(max.windows(2).all(|w| w[0].1 >= w[1].1), "best first");
        assert_eq!(features.related(&topics, 3, 1).len(), 1, "the limit holds");
    }
}
