//! Small directories for unit tests, built one way everywhere.

use crate::favorites::FavoriteKey;
use crate::model::{Directory, Lab, Person, PersonDraft, School, SchoolId};

/// A person with a title and research topics, and no website.
pub fn person(school: SchoolId, name: &str, title: &str, research: &[&str]) -> Person {
    PersonDraft {
        school,
        name: name.into(),
        title: Some(title.into()),
        research: research.iter().map(|topic| (*topic).to_string()).collect(),
        ..PersonDraft::default()
    }
    .build()
}

/// A professor of systems, with `website` if given.
pub fn professor(school: SchoolId, name: &str, website: Option<&str>) -> Person {
    let mut professor = person(school, name, "Professor", &["Systems"]);
    professor.edit(|draft| draft.website = website.map(String::from));
    professor
}

pub fn school(name: &str, labs: Vec<Lab>) -> School {
    School {
        name: name.into(),
        labs,
        ..School::default()
    }
}

pub fn lab(name: &str, url: &str) -> Lab {
    Lab {
        name: name.into(),
        url: url.into(),
    }
}

/// Two schools with labs, two people each; Tim Kraska has no website.
pub fn directory() -> Directory {
    Directory {
        schools: vec![
            school("MIT", vec![lab("CSAIL", "https://www.csail.mit.edu/")]),
            school(
                "UC Berkeley",
                vec![
                    lab("RISE Lab", "https://rise.cs.berkeley.edu/"),
                    lab("Sky Computing Lab", "https://sky.cs.berkeley.edu/"),
                ],
            ),
        ],
        people: vec![
            professor(0, "Song Han", Some("https://hanlab.mit.edu/")),
            professor(0, "Tim Kraska", None),
            professor(
                1,
                "Ion Stoica",
                Some("https://people.eecs.berkeley.edu/~istoica/"),
            ),
            professor(
                1,
                "Matei Zaharia",
                Some("https://people.eecs.berkeley.edu/~matei/"),
            ),
        ],
    }
}

/// A favorite saved by school and name alone, as older files hold them.
pub fn favorite(school: &str, name: &str) -> FavoriteKey {
    FavoriteKey {
        school: school.into(),
        name: name.into(),
        website: None,
    }
}
