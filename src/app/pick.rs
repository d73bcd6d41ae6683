//! `profdex pick`: the browser as a chooser of people. `Enter` chooses,
//! `Esc` gives up, and with `--multi` `Tab` marks people to choose them
//! together, in the order they were marked. What was chosen is state the
//! runner reads once the loop ends; nothing here prints.

use std::collections::HashMap;

use super::{Action, App, Effect};
use crate::model::PersonId;

/// How the picking ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// `Enter`: these people, in marking order (empty when the list was).
    Chosen(Vec<PersonId>),
    /// `Esc`, `Ctrl-g`, `Ctrl-c`.
    Aborted,
}

#[derive(Debug, Default)]
pub struct Picker {
    multi: bool,
    /// Each marked person and when they were marked: unmarking is one
    /// removal however many are marked, and the order is found at the end.
    marks: HashMap<PersonId, u64>,
    next_mark: u64,
    outcome: Option<Picked>,
}

impl Picker {
    pub fn new(multi: bool) -> Picker {
        Picker {
            multi,
            ..Picker::default()
        }
    }

    pub fn multi(&self) -> bool {
        self.multi
    }

    pub fn is_marked(&self, person: PersonId) -> bool {
        self.marks.contains_key(&person)
    }

    pub fn marked(&self) -> usize {
        self.marks.len()
    }

    /// The marked people, in the order they were marked.
    pub fn in_marking_order(&self) -> Vec<PersonId> {
        let mut marks: Vec<(u64, PersonId)> = self.marks.iter().map(|(&p, &at)| (at, p)).collect();
        marks.sort_unstable();
        marks.into_iter().map(|(_, person)| person).collect()
    }

    /// How the picking ended, once it has.
    pub fn outcome(&self) -> Option<&Picked> {
        self.outcome.as_ref()
    }

    fn toggle(&mut self, person: PersonId) {
        if self.marks.remove(&person).is_none() {
            self.marks.insert(person, self.next_mark);
            self.next_mark += 1;
        }
    }
}

impl App {
    /// This browser as `profdex pick`: the filter has the keys from the start.
    #[must_use]
    pub fn into_picker(mut self, multi: bool) -> App {
        self.pick = Some(Picker::new(multi));
        self.screen.pick();
        self
    }
}

pub(super) fn handle(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    let on_people = !app.screen.focus().is_left();
    let selected = app.selected_person().filter(|_| on_people);
    let Some(picker) = app.pick.as_mut() else {
        return;
    };
    match action {
        Action::Abort => {
            picker.outcome = Some(Picked::Aborted);
            app.screen.quit();
        }
        // On a school or a topic, `Enter` shows its list, as everywhere.
        Action::Accept if !on_people => app.focus_list(),
        Action::Accept => {
            let mut chosen = picker.in_marking_order();
            if chosen.is_empty() {
                chosen.extend(selected);
            }
            picker.outcome = Some(Picked::Chosen(chosen));
            app.screen.quit();
        }
        Action::MarkDown | Action::MarkUp if picker.multi && on_people => {
            if let Some(person) = selected {
                picker.toggle(person);
            }
            let step = if *action == Action::MarkDown {
                Action::Down
            } else {
                Action::Up
            };
            super::navigate::handle(app, &step, effects);
        }
        _ => {}
    }
}
