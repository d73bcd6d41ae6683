//! `topics` and `related`: what the directory's people work on.

use std::io::Write;

use super::{Session, resolve};
use crate::model::PersonId;
use crate::report::{RelatedJson, Report, TopicJson};
use crate::sanitize::sanitize;
use crate::setup::{Failure, Setup};
use crate::topics::related::Features;
use crate::topics::{Synonyms, Topics};

/// The built-in synonyms plus the user's, warning on stderr about what in
/// their file cannot be used.
pub fn synonyms(setup: &Setup) -> Synonyms {
    let (synonyms, diagnostics) = setup.synonyms();
    for diagnostic in diagnostics {
        super::tell(&diagnostic.to_string());
    }
    synonyms
}

/// The people most like `person` as JSON rows, with what they share.
pub(super) fn related_rows<'a>(
    report: &'a Report<'a>,
    topics: &'a Topics,
    person: PersonId,
    limit: usize,
) -> Vec<RelatedJson<'a>> {
    Features::build(topics)
        .related(topics, person, limit)
        .into_iter()
        .map(|related| RelatedJson {
            person: report.person_json(related.person),
            similarity: related.score,
            shared: related
                .shared
                .iter()
                .map(|&t| topics.get(t).label.as_str())
                .collect(),
        })
        .collect()
}

impl Session<'_> {
    pub(super) fn topics(
        &self,
        school: Option<&str>,
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let school = self.school(school)?;
        let topics = Topics::build(&self.directory, &synonyms(self.setup));
        let people = (0..self.directory.people.len())
            .filter(|&p| school.is_none_or(|s| self.directory.people[p].school == s));
        let counts = topics.counts_among(people);
        let rows: Vec<TopicJson> = counts
            .iter()
            .map(|&(topic, count)| TopicJson {
                topic: &topics.get(topic).label,
                count,
            })
            .collect();
        let report = self.report();
        if json {
            report.json_rows(out, &rows)?;
        } else {
            report.topics(out, &rows)?;
        }
        if rows.is_empty() {
            return Err(Failure::NotFound("no one lists a research topic".into()));
        }
        Ok(())
    }

    pub(super) fn related(
        &self,
        text: &str,
        school: Option<&str>,
        limit: usize,
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let school = self.school(school)?;
        let person: PersonId = resolve::person(self.setup, &self.directory, text, school)?;
        let topics = Topics::build(&self.directory, &synonyms(self.setup));
        let report = self.report();
        let rows = related_rows(&report, &topics, person, limit);
        if json {
            report.json_rows(out, &rows)?;
        } else {
            report.related(out, person, &rows)?;
        }
        if rows.is_empty() {
            let name = self.directory.people[person].name();
            let why = if topics.of_person(person).is_empty() {
                "lists no research topics"
            } else {
                "shares no research topic with anyone"
            };
            return Err(Failure::NotFound(
                sanitize(&format!("{name} {why}")).into_owned(),
            ));
        }
        Ok(())
    }
}
