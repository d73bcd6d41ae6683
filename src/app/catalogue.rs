//! The directory being browsed, with its search index, its research topics
//! and the per-school lists the faculty pane draws from, all computed once
//! at load (off the interface's thread, behind the loading message). The
//! topics are built once and shared: the index finds a whole topic
//! (`topic:"…"`) by them, so the list it narrows to is the one they count.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Directory, Person, PersonId, SchoolId};
use crate::search::Index;
use crate::topics::related::{Features, Related};
use crate::topics::{Synonyms, Topics};

/// Cloned only when an action carrying one was cloned (see `Reloaded`).
#[derive(Clone)]
pub struct Catalogue {
    /// Shared with the background search.
    directory: Arc<Directory>,
    index: Arc<Index>,
    school_people: Vec<Vec<PersonId>>,
    everyone: Vec<PersonId>,
    /// Shared with the search index.
    topics: Arc<Topics>,
    features: Features,
    /// What tells each person with a namesake at their school apart.
    apart: HashMap<PersonId, String>,
}

impl Catalogue {
    /// `synonyms`: which ways of writing a topic are one topic, the
    /// built-in ones and the user's.
    pub fn new(directory: Directory, synonyms: &Synonyms) -> Catalogue {
        let topics = Arc::new(Topics::build(&directory, synonyms));
        let index = Arc::new(Index::build(&directory).with_topics(Arc::clone(&topics)));
        let mut school_people: Vec<Vec<PersonId>> = directory
            .counts_by_school()
            .into_iter()
            .map(Vec::with_capacity)
            .collect();
        for (id, person) in directory.people.iter().enumerate() {
            school_people[person.school].push(id);
        }
        let everyone = (0..directory.people.len()).collect();
        let features = Features::build(&topics);
        let apart = crate::namesakes::everyone(&directory);
        Catalogue {
            directory: Arc::new(directory),
            index,
            school_people,
            everyone,
            topics,
            features,
            apart,
        }
    }

    /// What tells `person` apart from a namesake at their school, if they
    /// have one (text as written).
    pub fn told_apart(&self, person: PersonId) -> Option<&str> {
        self.apart.get(&person).map(String::as_str)
    }

    pub fn directory(&self) -> &Arc<Directory> {
        &self.directory
    }

    pub fn index(&self) -> &Arc<Index> {
        &self.index
    }

    pub fn person(&self, id: PersonId) -> &Person {
        &self.directory.people[id]
    }

    /// Everyone, in directory order.
    pub fn everyone(&self) -> &[PersonId] {
        &self.everyone
    }

    pub fn topics(&self) -> &Topics {
        &self.topics
    }

    /// The topic `text` is a way of writing, if anyone lists it.
    pub fn find_topic(&self, text: &str) -> Option<crate::topics::TopicId> {
        self.topics.find(text)
    }

    /// Up to `limit` people whose research is most like `person`'s.
    pub fn related(&self, person: PersonId, limit: usize) -> Vec<Related> {
        self.features.related(&self.topics, person, limit)
    }

    /// The people of one school, in directory order.
    pub fn of_school(&self, school: SchoolId) -> &[PersonId] {
        &self.school_people[school]
    }
}
