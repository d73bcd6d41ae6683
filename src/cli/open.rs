//! `open`: a person's website, or a lab of their school, in the browser.

use super::{Session, resolve};
use crate::model::PersonId;
use crate::open::{open_url, opened_message};
use crate::sanitize::sanitize;
use crate::setup::Failure;

impl Session<'_> {
    pub(super) fn open(&self, text: &str, lab: Option<u16>) -> Result<(), Failure> {
        let person = resolve::person(&self.directory, text)?;
        let url = self.url_to_open(person, lab)?;
        let browser = std::env::var("BROWSER").ok();
        // A text browser is simply run: the terminal is already its to use.
        open_url(&url, browser.as_deref(), std::process::Command::status)?;
        super::tell(&sanitize(&opened_message(&url)));
        Ok(())
    }

    fn url_to_open(&self, person: PersonId, lab: Option<u16>) -> Result<String, Failure> {
        let faculty = &self.directory.people[person];
        let school = self.directory.school_of(faculty);
        match lab {
            None => faculty
                .website
                .clone()
                .ok_or_else(|| Failure::NotFound(format!("{} has no website", faculty.name))),
            Some(n) => school
                .labs
                .get(usize::from(n) - 1)
                .map(|lab| lab.url.clone())
                .ok_or_else(|| {
                    Failure::Usage(format!(
                        "{} has {} lab{}; there is no lab {n}",
                        school.name,
                        school.labs.len(),
                        if school.labs.len() == 1 { "" } else { "s" }
                    ))
                }),
        }
    }
}
