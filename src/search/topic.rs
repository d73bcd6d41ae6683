//! A whole research topic as a term (`topic:"…"`): the people who list
//! that topic however they wrote it, as the topics list counts them.
//!
//! With the directory's [`Topics`] attached to the index, the topic is
//! found once by its key and each person is tested by their topic ids, so
//! no text is read per keystroke. Without, each distinct research text is
//! read back into its topics and each topic's key compared, under the
//! built-in synonyms. A topic's key need not share a letter with the way a
//! person wrote it ("ML" for machine learning), so the fuzzy scan is no
//! prefilter for such a term.

use std::sync::LazyLock;

use super::{Index, Term};
use crate::model::{Directory, PersonId, TOPIC_SEPARATOR};
use crate::parse::split_topics;
use crate::topics::{Synonyms, TopicId, Topics, trim_edges};

/// The synonyms a topic term is read by when no topics are attached.
static BUILTIN: LazyLock<Synonyms> = LazyLock::new(Synonyms::builtin);

/// What a whole-topic term asks for, worked out when the query is read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Wanted {
    /// The topic's key under the built-in synonyms, for an index without
    /// topics attached.
    pub key: String,
    /// The term's score wherever it matches, before the field's bonus: the
    /// matcher's score for its text found whole, as a clean exact match of
    /// it in research would score.
    pub score: i32,
}

impl Wanted {
    pub fn new(text: &str, score: i32) -> Wanted {
        Wanted {
            key: BUILTIN.key(text),
            score,
        }
    }
}

/// Whether `text`, a folded research line, lists the topic whose key under
/// the built-in synonyms is `key`. The line is read back into topics as
/// the reader cut them (outside brackets), so "ML (training, inference)"
/// stays one topic.
pub(super) fn in_text(key: &str, text: &str) -> bool {
    !key.is_empty()
        && split_topics(text)
            .iter()
            .any(|topic| BUILTIN.key(topic) == key)
}

/// Whether `person` lists `topic`: their ids are sorted, so a binary search.
pub(super) fn lists(topics: &Topics, topic: Option<TopicId>, person: PersonId) -> bool {
    topic.is_some_and(|topic| topics.of_person(person).binary_search(&topic).is_ok())
}

impl Index {
    /// Whether `person` lists the topic of `term`, a whole-topic term.
    pub(super) fn lists_topic(&self, term: &Term, person: PersonId) -> bool {
        match (&self.topics, &term.topic) {
            (Some(topics), _) => lists(topics, topics.find(&term.folded), person),
            (None, Some(wanted)) => in_text(&wanted.key, self.research.person_text(person)),
            (None, None) => false,
        }
    }

    /// Character positions in `person`'s research line of each of their
    /// topics that is the topic of `term`, a whole-topic term: the whole
    /// topic, without the punctuation around it.
    pub(super) fn topic_positions(
        &self,
        directory: &Directory,
        term: &Term,
        person: PersonId,
    ) -> Vec<usize> {
        let (key, synonyms) = match (&self.topics, &term.topic) {
            (Some(topics), _) => match topics.find(&term.folded) {
                Some(id) => (topics.get(id).key.as_str(), topics.synonyms()),
                None => return Vec::new(),
            },
            (None, Some(wanted)) => (wanted.key.as_str(), &*BUILTIN),
            (None, None) => return Vec::new(),
        };
        let separator = TOPIC_SEPARATOR.chars().count();
        let mut positions = Vec::new();
        let mut start = 0;
        for (n, topic) in directory.people[person].research().enumerate() {
            if n > 0 {
                start += separator;
            }
            let trimmed = trim_edges(topic);
            if !key.is_empty() && synonyms.key(trimmed) == key {
                // `trimmed` is a slice of `topic`: where it starts in it.
                let offset = trimmed.as_ptr() as usize - topic.as_ptr() as usize;
                let first = start + topic[..offset].chars().count();
                positions.extend(first..first + trimmed.chars().count());
            }
            start += topic.chars().count();
        }
        positions
    }
}
