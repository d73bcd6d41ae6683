//! The directory being browsed, with its search index and the per-school
//! lists the faculty pane draws from, all computed once at load.

use std::sync::Arc;

use crate::model::{Directory, Person, PersonId, SchoolId};
use crate::search::Index;

pub struct Catalogue {
    /// Shared with the background search.
    directory: Arc<Directory>,
    index: Arc<Index>,
    school_people: Vec<Vec<PersonId>>,
    everyone: Vec<PersonId>,
}

impl Catalogue {
    pub fn new(directory: Directory) -> Catalogue {
        let index = Arc::new(Index::build(&directory));
        let mut school_people: Vec<Vec<PersonId>> = directory
            .counts_by_school()
            .into_iter()
            .map(Vec::with_capacity)
            .collect();
        for (id, person) in directory.people.iter().enumerate() {
            school_people[person.school].push(id);
        }
        let everyone = (0..directory.people.len()).collect();
        Catalogue {
            directory: Arc::new(directory),
            index,
            school_people,
            everyone,
        }
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

    /// The people of one school, in directory order.
    pub fn of_school(&self, school: SchoolId) -> &[PersonId] {
        &self.school_people[school]
    }
}
