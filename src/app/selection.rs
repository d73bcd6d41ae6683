//! Acting on the selected person: their website, their school's labs,
//! bookmarking them, copying their address; and what the disk said back.

use super::filter::Keep;
use super::{Action, App, Effect, Scope, Shortlist};
use crate::favorites::FavoriteKey;

pub(super) fn handle(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::OpenWebsite => {
            let Some(person) = app.selected_person() else {
                app.set_status("No one selected", true);
                return;
            };
            let person = app.catalogue.person(person);
            if let Some(url) = &person.website {
                effects.push(Effect::Open(url.clone()));
            } else {
                let text = format!("{} has no website", person.name);
                app.set_status(text, true);
            }
        }
        Action::OpenLab(number) => {
            let Some(person) = app.selected_person() else {
                app.set_status("No one selected", true);
                return;
            };
            let directory = app.catalogue.directory();
            let school = directory.school_of(app.catalogue.person(person));
            if let Some(lab) = school.labs.get(number.wrapping_sub(1)) {
                effects.push(Effect::Open(lab.url.clone()));
            } else {
                let text = match school.labs.len() {
                    0 => format!("{} has no labs listed", school.name),
                    n => format!(
                        "{} has {n} lab{}: press 1–{n}",
                        school.name,
                        if n == 1 { "" } else { "s" }
                    ),
                };
                app.set_status(text, true);
            }
        }
        Action::ToggleFavorite => toggle_favorite(app, effects),
        Action::CopyUrl => {
            let url = app
                .selected_person()
                .and_then(|person| app.catalogue.person(person).website.clone());
            match url {
                Some(url) => effects.push(Effect::Copy(url)),
                None => app.set_status("Nothing to copy: no website", true),
            }
        }
        // The file may hold changes another profdex made meanwhile.
        Action::Saved(Ok(favorites)) if favorites != *app.shortlist.favorites() => {
            app.replace_favorites(favorites, effects);
        }
        Action::Saved(Ok(_)) => {}
        Action::Saved(Err(error)) => app.set_status(format!("Not saved: {error}"), true),
        _ => {}
    }
}

fn toggle_favorite(app: &mut App, effects: &mut Vec<Effect>) {
    let Some(person) = app.selected_person() else {
        return;
    };
    let directory = app.catalogue.directory();
    let key = FavoriteKey::of(directory, app.catalogue.person(person));
    let mut favorites = app.shortlist.favorites().clone();
    let added = !app.shortlist.contains(person);
    if added {
        favorites.add(key.clone());
    } else {
        favorites.remove(&key);
    }
    let name = &app.catalogue.person(person).name;
    let text = if added {
        format!("★ Added {name} to favorites")
    } else {
        format!("Removed {name} from favorites")
    };
    app.set_status(text, false);
    app.replace_favorites(favorites, effects);
    effects.push(Effect::SaveFavorite(key, added));
}

impl App {
    fn replace_favorites(
        &mut self,
        favorites: crate::favorites::Favorites,
        effects: &mut Vec<Effect>,
    ) {
        self.shortlist = Shortlist::new(favorites, self.catalogue.directory());
        if self.scope() == Scope::Favorites {
            self.search.forget();
            self.refilter(Keep::Selection, effects);
        }
    }
}
