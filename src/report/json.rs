//! `--json` output: the objects every command writes, text kept exact
//! (`serde_json` escapes control characters itself).

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::favorites::{Details, FavoriteKey};
use crate::model::{Extras, Lab, PersonId, Topics};

/// One person as `--json` writes them.
#[derive(Serialize)]
pub struct PersonJson<'a> {
    pub school: &'a str,
    pub name: &'a str,
    pub title: Option<&'a str>,
    #[serde(serialize_with = "each")]
    pub research: Option<Topics<'a>>,
    pub website: Option<&'a str>,
    pub favorite: bool,
    #[serde(serialize_with = "each")]
    pub extra: Option<Extras<'a>>,
    /// What tells them apart from a namesake at their school (the
    /// website's host, say), for someone who has one; `name` stays as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disambiguation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// Only for favorites whose person is no longer in the data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<bool>,
    /// For `favorites`: the favorite's status, note and day added, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labs: Option<&'a [Lab]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub research_focus: Option<&'a str>,
    /// For `show`: the people whose research is most like theirs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Vec<RelatedJson<'a>>>,
}

/// One research topic as `topics --json` writes it.
#[derive(Serialize)]
pub struct TopicJson<'a> {
    pub topic: &'a str,
    pub count: usize,
}

/// One related person as `related --json` writes them.
#[derive(Serialize)]
pub struct RelatedJson<'a> {
    #[serde(flatten)]
    pub person: PersonJson<'a>,
    /// In (0, 1]: how much of their research the two share.
    pub similarity: f32,
    /// The other person's topics that overlap.
    pub shared: Vec<&'a str>,
}

impl<'a> PersonJson<'a> {
    /// This person with a favorite's status, note and day added.
    #[must_use]
    pub fn with_details(self, details: &'a Details) -> PersonJson<'a> {
        PersonJson {
            status: details.status.as_deref(),
            note: details.note.as_deref(),
            added: details.added.as_deref(),
            ..self
        }
    }

    pub fn missing(key: &'a FavoriteKey) -> PersonJson<'a> {
        PersonJson {
            school: &key.school,
            name: &key.name,
            title: None,
            research: None,
            website: None,
            favorite: true,
            extra: None,
            disambiguation: None,
            score: None,
            missing: Some(true),
            status: None,
            note: None,
            added: None,
            labs: None,
            research_focus: None,
            related: None,
        }
    }
}

impl Report<'_> {
    pub fn person_json(&self, person: PersonId) -> PersonJson<'_> {
        let faculty = &self.directory.people[person];
        PersonJson {
            school: &self.directory.school_of(faculty).name,
            name: faculty.name(),
            title: faculty.title(),
            research: Some(faculty.research()),
            website: faculty.website(),
            favorite: self.favorite[person],
            extra: Some(faculty.extra()),
            disambiguation: self.apart.get(&person).map(String::as_str),
            score: None,
            missing: None,
            status: None,
            note: None,
            added: None,
            labs: None,
            research_focus: None,
            related: None,
        }
    }

    pub fn person_detail_json(&self, person: PersonId) -> PersonJson<'_> {
        let school = self.directory.school_of(&self.directory.people[person]);
        PersonJson {
            labs: Some(&school.labs),
            research_focus: school.research_focus.as_deref(),
            ..self.person_json(person)
        }
    }

    pub fn json<'r>(
        &self,
        out: &mut dyn Write,
        rows: impl IntoIterator<Item = PersonJson<'r>>,
    ) -> io::Result<()> {
        let rows: Vec<PersonJson> = rows.into_iter().collect();
        self.json_rows(out, &rows)
    }

    /// Any rows as one JSON array.
    pub fn json_rows(&self, out: &mut dyn Write, rows: &[impl Serialize]) -> io::Result<()> {
        // serde_json writes a few bytes at a time: buffered here, each is a
        // copy, where through `dyn Write` each was a call.
        let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
        serde_json::to_writer_pretty(&mut buffered, rows)?;
        writeln!(buffered)?;
        buffered.flush()
    }
}

/// Writes the items of an iterator (none for `None`) as a JSON array.
// serde hands a `serialize_with` function a reference to the field.
#[allow(clippy::ref_option)]
fn each<S, I>(items: &Option<I>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
    I: Iterator + Clone,
    I::Item: Serialize,
{
    serializer.collect_seq(items.clone().into_iter().flatten())
}
