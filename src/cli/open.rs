//! `open`: a person's website, or a lab of their school, in the browser.

use super::{Session, resolve};
use crate::model::PersonId;
use crate::open::open_url;
use crate::report::Paint;
use crate::sanitize::sanitize;
use crate::setup::Failure;
use crate::url::shown;

impl Session<'_> {
    pub(super) fn open(
        &self,
        text: &str,
        school: Option<&str>,
        lab: Option<u16>,
    ) -> Result<(), Failure> {
        let person = resolve::person(self.setup, &self.directory, text, self.school(school)?)?;
        let url = self.url_to_open(person, lab)?;
        let browser = self.setup.browser();
        // A text browser is simply run: the terminal is already its to use.
        open_url(&url, browser.as_deref(), std::process::Command::status)?;
        super::tell(&self.opened(person, lab, &url));
        Ok(())
    }

    /// Whose page was opened, and where it really goes: "Opened Ion Stoica
    /// (UC Berkeley): https://…", or "Opened Sky Computing Lab, lab 2 of UC
    /// Berkeley (Ion Stoica's school): https://…". Plain: stderr may be a
    /// file while stdout is a terminal.
    fn opened(&self, person: PersonId, lab: Option<u16>, url: &str) -> String {
        let faculty = &self.directory.people[person];
        let school = self.directory.school_of(faculty);
        let what = match lab.and_then(|n| Some((n, school.labs.get(usize::from(n) - 1)?))) {
            None => self.who(person, &Paint::new(false)),
            Some((n, lab)) => sanitize(&format!(
                "{}, lab {n} of {} ({}'s school)",
                lab.name,
                school.name,
                faculty.name()
            ))
            .into_owned(),
        };
        format!("Opened {what}: {}", sanitize(&shown(url)))
    }

    fn url_to_open(&self, person: PersonId, lab: Option<u16>) -> Result<String, Failure> {
        let faculty = &self.directory.people[person];
        let school = self.directory.school_of(faculty);
        match lab {
            None => faculty
                .website()
                .map(str::to_owned)
                .ok_or_else(|| Failure::NotFound(format!("{} has no website", faculty.name()))),
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
