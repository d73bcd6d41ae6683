//! Changing the favorites with care: whom a key acts on, the question
//! before removing a favorite with a note or a status on it (`b` again
//! removes it), `u` to undo the last change, and what the status line
//! says once the disk has answered.

use super::filter::Keep;
use super::prompt::{Prompt, Removal};
use super::shortlist::{Pending, Undo};
use super::{Action, App, Effect, Mode, NOBODY_SELECTED, Scope};
use crate::favorites::{Details, Edit, FavoriteKey};
use crate::keys;

/// Whom a key about the shortlist acts on: the selected person's
/// favorite, or the person who is to become one, or a favorite missing
/// from the data.
pub(super) struct Target {
    /// As saved, for a favorite; as it would be saved, for someone else.
    pub key: FavoriteKey,
    pub name: String,
    /// Their favorite's, or none.
    pub details: Details,
    pub is_favorite: bool,
}

/// What becomes of an undo step once a change is answered.
pub(super) enum UndoAfter {
    /// Nothing to undo (an undo itself, or an add: `b` takes it back).
    Nothing,
    /// Kept for `u` once the change is saved.
    Saved(Undo),
    /// An undo that was asked for: kept again for `u` if it fails.
    Failed(Undo),
}

impl App {
    /// The selected row's person or favorite.
    pub(super) fn target(&self) -> Result<Target, String> {
        if let Some(key) = self.selected_missing() {
            return Ok(self.target_of(key.clone()));
        }
        let person = self.selected_person().ok_or(NOBODY_SELECTED)?;
        let name = self.catalogue.person(person).name().to_owned();
        Ok(match self.shortlist.key_of(person) {
            Some(key) => Target {
                key: key.clone(),
                name,
                details: self
                    .shortlist
                    .details_of(person)
                    .cloned()
                    .unwrap_or_default(),
                is_favorite: true,
            },
            None => Target {
                key: FavoriteKey::of(self.catalogue.directory(), self.catalogue.person(person)),
                name,
                details: Details::default(),
                is_favorite: false,
            },
        })
    }

    /// `key` as a target: its favorite as it now stands, if it is one (a
    /// favorite another profdex removed meanwhile is added again rather
    /// than lose what was typed for it).
    pub(super) fn target_of(&self, key: FavoriteKey) -> Target {
        let details = self.shortlist.details_of_key(&key).cloned();
        Target {
            name: key.name.clone(),
            is_favorite: details.is_some(),
            details: details.unwrap_or_default(),
            key,
        }
    }

    /// Removes the favorite `key`, first asking when it has a note or a
    /// status, unless `confirmed`.
    pub(super) fn remove_favorite(
        &mut self,
        key: FavoriteKey,
        name: String,
        confirmed: bool,
        effects: &mut Vec<Effect>,
    ) {
        let details = self.shortlist.details_of_key(&key);
        let losing = details.map_or("", |details| {
            match (details.note.is_some(), details.status.is_some()) {
                (true, true) => "note and status",
                (true, false) => "note",
                (false, true) => "status",
                (false, false) => "",
            }
        });
        if !losing.is_empty() && !confirmed {
            self.open_prompt(Prompt::Remove(Removal { key, name, losing }));
            return;
        }
        let undo_key = keys::primary(Mode::Browse, &Action::Undo);
        let undo = Undo {
            name: name.clone(),
            key: key.clone(),
            before: self.shortlist.favorites().entry(&key),
        };
        self.shortlist.saving(Pending {
            done: format!("Removed {name} from favorites ({undo_key} undoes)"),
            failed: format!("{name} is still a favorite: not saved"),
            undo: UndoAfter::Saved(undo),
            draft: None,
        });
        effects.push(Effect::SaveFavorite(key, false));
    }

    /// Asks the disk to bookmark `key`.
    pub(super) fn add_favorite(&mut self, key: FavoriteKey, name: &str, effects: &mut Vec<Effect>) {
        self.shortlist.saving(Pending {
            done: format!("★ Added {name} to favorites"),
            failed: format!("{name} is not a favorite: not saved"),
            undo: UndoAfter::Nothing,
            draft: None,
        });
        effects.push(Effect::SaveFavorite(key, true));
    }

    /// The disk has answered the change under way: its message, and what
    /// `u` can undo, or why nothing changed. What was typed and not saved
    /// is kept for the next `n` or `C`. Returns the favorite an undo put
    /// back, to be selected once the favorites are shown as saved.
    pub(super) fn change_answered(&mut self, error: Option<&str>) -> Option<FavoriteKey> {
        let Some(pending) = self.shortlist.saved() else {
            if let Some(error) = error {
                self.set_status(format!("Not saved: {error}"), true);
            }
            return None;
        };
        let mut put_back = None;
        match (error, pending.undo) {
            (None, UndoAfter::Saved(undo)) | (Some(_), UndoAfter::Failed(undo)) => {
                self.shortlist.push_undo(undo);
            }
            (None, UndoAfter::Failed(undo)) => put_back = Some(undo.key),
            _ => {}
        }
        match error {
            None => self.set_status(pending.done, false),
            Some(error) => {
                if let Some((key, field, text)) = pending.draft {
                    self.shortlist.keep_draft(key, field, text);
                }
                // What it means comes first: a long reason is cut at the right.
                self.set_status(format!("{}: {error}", pending.failed), true);
            }
        }
        put_back
    }

    /// Selects the favorite `key` in the favorites view, when it lists
    /// them: the one an undo brought back.
    pub(super) fn select_favorite(&mut self, key: &FavoriteKey, effects: &mut Vec<Effect>) {
        if self.scope() != Scope::Favorites {
            return;
        }
        if let Some(person) = self.shortlist.person_of(key) {
            self.refilter(Keep::Person(person), effects);
        }
    }
}

/// A key while asked whether to remove a favorite: `b` removes it,
/// anything else keeps it.
pub(super) fn confirm(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    let Some(Prompt::Remove(removal)) = app.close_prompt() else {
        return;
    };
    if *action == Action::ToggleFavorite {
        app.remove_favorite(removal.key, removal.name, true, effects);
    } else {
        let text = format!(
            "Kept {} in favorites, with the {}",
            removal.name, removal.losing
        );
        app.set_status(text, false);
    }
}

/// `u`: puts the favorite of the last change back as it was.
pub(super) fn undo(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(undo) = app.shortlist.pop_undo() else {
        app.set_status("Nothing to undo", true);
        return;
    };
    let done = match &undo.before {
        None => format!("Undone: {} is not a favorite", undo.name),
        Some(_) if app.shortlist.details_of_key(&undo.key).is_none() => {
            format!("Undone: {} is back in favorites", undo.name)
        }
        Some(_) => format!(
            "Undone: the note and status of {} are as they were",
            undo.name
        ),
    };
    let edit = Edit::PutBack(undo.key.clone(), undo.before.clone().map(Box::new));
    app.shortlist.saving(Pending {
        done,
        failed: "Not undone".to_string(),
        undo: UndoAfter::Failed(undo),
        draft: None,
    });
    effects.push(Effect::EditFavorite(edit));
}
