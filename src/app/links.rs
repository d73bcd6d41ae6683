//! What the browser knows of its links: the last check of each URL, as
//! the store had it or `L` found it. The browser never asks the network
//! by itself; `L` asks for the selected person's links, in the background.

use std::collections::HashMap;

use super::{Action, App, Effect};
use crate::links::uses::is_url_field;
use crate::links::{Outcome, State};

#[derive(Debug, Default)]
pub struct LinkStates {
    known: HashMap<String, Outcome>,
    /// URLs being checked now.
    checking: Vec<String>,
    /// The known-dead or moved URL the user was warned of, which the same
    /// key opens (or, for a moved one, opens where it went) next time.
    pub(super) warned: Option<String>,
}

impl LinkStates {
    pub fn of(&self, url: &str) -> Option<&Outcome> {
        self.known.get(url)
    }

    pub fn is_checking(&self, url: &str) -> bool {
        self.checking.iter().any(|u| u == url)
    }

    pub fn is_dead(&self, url: &str) -> bool {
        self.of(url).is_some_and(|o| o.state == State::Dead)
    }
}

/// The selected person's links: website, URL fields, then the school's labs.
fn person_links(app: &App) -> Vec<String> {
    let Some(id) = app.selected_person() else {
        return Vec::new();
    };
    let person = app.catalogue.person(id);
    let mut urls: Vec<String> = person.website().map(str::to_owned).into_iter().collect();
    for field in person.extra() {
        if is_url_field(field.key, field.value) && crate::url::is_openable_url(field.value) {
            urls.push(field.value.to_owned());
        }
    }
    let school = app.catalogue.directory().school_of(person);
    urls.extend(school.labs.iter().map(|lab| lab.url.clone()));
    urls.dedup();
    urls
}

pub(super) fn handle(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::CheckLinks => {
            let urls: Vec<String> = person_links(app)
                .into_iter()
                .filter(|url| !app.links.is_checking(url))
                .collect();
            if app.selected_person().is_none() {
                app.set_status(super::selection::NOBODY_SELECTED, true);
            } else if urls.is_empty() && app.links.checking.is_empty() {
                app.set_status("No links to check", true);
            } else if urls.is_empty() {
                app.set_status("Checking the links already…", false);
            } else {
                let n = urls.len();
                app.set_status(
                    format!("Checking {n} link{}…", if n == 1 { "" } else { "s" }),
                    false,
                );
                app.links.checking.extend(urls.iter().cloned());
                effects.push(Effect::CheckLinks(urls));
            }
        }
        Action::LinksKnown(stored) => {
            // What `L` found meanwhile is newer than the store's copy.
            for (url, outcome) in stored {
                app.links.known.entry(url).or_insert(outcome);
            }
        }
        Action::LinksChecked(checked) => {
            let dead = checked
                .iter()
                .filter(|(_, o)| o.state == State::Dead)
                .count();
            let n = checked.len();
            app.links
                .checking
                .retain(|url| !checked.iter().any(|(u, _)| u == url));
            for (url, outcome) in checked {
                app.links.known.insert(url, outcome);
            }
            let text = match dead {
                0 => format!(
                    "Checked {n} link{}: none dead",
                    if n == 1 { "" } else { "s" }
                ),
                _ => format!(
                    "Checked {n} link{}: {dead} dead",
                    if n == 1 { "" } else { "s" }
                ),
            };
            app.set_status(text, dead > 0);
        }
        _ => {}
    }
}

/// What opening `url` does, knowing its last check: open it, or warn
/// once (the same key again opens it, or where it moved).
/// `what` names the link: "Ada Quill's website", "Lab Vision Lab".
pub(super) fn open(app: &mut App, what: &str, url: &str, effects: &mut Vec<Effect>) {
    let Some(outcome) = app.links.of(url).cloned() else {
        effects.push(Effect::Open(url.to_owned()));
        return;
    };
    let asked = app.links.warned.as_deref() == Some(url);
    let ago = crate::links::ago(outcome.checked_at, crate::links::now());
    match (outcome.state, &outcome.final_url) {
        (State::Dead, _) if !asked => {
            app.links.warned = Some(url.to_owned());
            app.set_status(
                format!(
                    "{what} was dead ({}, {ago}): the same key again opens it anyway",
                    outcome.detail
                ),
                true,
            );
        }
        (State::Moved, Some(to)) if !asked => {
            app.links.warned = Some(url.to_owned());
            app.set_status(
                format!(
                    "{what} moved to {}: the same key again opens the new address",
                    crate::url::shown(to)
                ),
                false,
            );
        }
        (State::Moved, Some(to)) => {
            app.links.warned = None;
            effects.push(Effect::Open(to.clone()));
        }
        _ => {
            app.links.warned = None;
            effects.push(Effect::Open(url.to_owned()));
        }
    }
}
