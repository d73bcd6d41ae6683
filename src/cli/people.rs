//! `list`, `search` and `show`: people written out as text or JSON.

use std::io::Write;

use super::{Session, resolve};
use crate::model::PersonId;
use crate::report::PersonJson;
use crate::sanitize::sanitize;
use crate::setup::Failure;
use crate::topics::Topics;

/// How many related people `show --json` includes.
const SHOWN_RELATED: usize = 5;

impl Session<'_> {
    pub(super) fn list(
        &self,
        school: Option<&str>,
        favorites: bool,
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let report = self.report();
        let school = self.school(school)?;
        let mut people: Vec<PersonId> = (0..self.directory.people.len())
            .filter(|&p| school.is_none_or(|s| self.directory.people[p].school == s))
            .filter(|&p| !favorites || report.is_favorite(p))
            .collect();
        report.sort_by_school_then_name(&mut people);
        let report = self.report_on(&people);
        if json {
            report.json(out, people.iter().map(|&p| report.person_json(p)))?;
        } else {
            report.list(out, &people)?;
        }
        if people.is_empty() {
            return Err(Failure::NotFound("no one to list".into()));
        }
        Ok(())
    }

    pub(super) fn search(
        &self,
        text: &str,
        school: Option<&str>,
        limit: Option<usize>,
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let school = self.school(school)?;
        let (index, query, mut hits) = resolve::search(self.setup, &self.directory, text, school);
        let found = !hits.is_empty();
        hits.truncate(limit.unwrap_or(usize::MAX));
        let people: Vec<PersonId> = hits.iter().map(|hit| hit.person).collect();
        let report = self.report_on(&people);
        if json {
            // `[]` when nothing matched: a script always gets one array.
            let rows = hits.iter().map(|hit| PersonJson {
                score: Some(hit.score),
                ..report.person_json(hit.person)
            });
            report.json(out, rows)?;
        } else {
            report.search_results(out, &index, &query, &hits)?;
        }
        if !found {
            return Err(Failure::NotFound(format!(
                "no one matches \"{}\"",
                query.text()
            )));
        }
        // Like the directory, the index is left for the exit to free.
        std::mem::forget(index);
        Ok(())
    }

    pub(super) fn show(
        &self,
        text: &str,
        school: Option<&str>,
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let report = self.report();
        let named = self
            .school(school)
            .and_then(|school| resolve::person(self.setup, &self.directory, text, school));
        let person = match named {
            Ok(person) => person,
            Err(failure) => {
                if json {
                    report.json(out, [])?;
                }
                return Err(failure);
            }
        };
        let report = self.report_on(&[person]);
        if let Some(label) = crate::namesakes::told_apart(&self.directory, &[person])
            .pop()
            .flatten()
        {
            let faculty = &self.directory.people[person];
            let name = &faculty.name();
            let school = &self.directory.school_of(faculty).name;
            let note = format!("note: {school} has more than one {name}; this is {name} ({label})");
            super::tell(&sanitize(&note));
        }
        if json {
            // How many people are like them, as `related` would say.
            let topics = Topics::build(&self.directory, &super::topics::synonyms(self.setup));
            let related = super::topics::related_rows(&report, &topics, person, SHOWN_RELATED);
            let detail = PersonJson {
                related: Some(related),
                ..report.person_detail_json(person)
            };
            Ok(report.json(out, [detail])?)
        } else {
            Ok(report.detail(out, person)?)
        }
    }
}
