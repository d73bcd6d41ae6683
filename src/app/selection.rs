//! Acting on the selected person: their website, their school's labs,
//! bookmarking them, copying their address; and what the disk said back.

use super::filter::Keep;
use super::{Action, App, Effect, Scope};
use crate::favorites::{FavoriteKey, Favorites};

/// What every key that acts on a person says when the list has nobody
/// on its cursor.
pub const NOBODY_SELECTED: &str = "Nobody selected";

pub(super) fn handle(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    match action {
        // `Enter` on a school or topic opens its list, never a person's page.
        Action::OpenWebsite if app.screen.focus().is_left() => app.focus_list(),
        Action::OpenWebsite => {
            let Some(person) = app.selected_person() else {
                app.set_status(nobody(app), true);
                return;
            };
            let person = app.catalogue.person(person);
            if let Some(url) = person.website() {
                let (what, url) = (format!("{}'s website", person.name()), url.to_owned());
                super::links::open(app, &what, &url, effects);
            } else {
                let text = format!("{} has no website", person.name());
                app.set_status(text, true);
            }
        }
        Action::OpenLab(number) => {
            let Some(person) = app.selected_person() else {
                app.set_status(nobody(app), true);
                return;
            };
            let directory = app.catalogue.directory();
            let school = directory.school_of(app.catalogue.person(person));
            if let Some(lab) = school.labs.get(number.wrapping_sub(1)) {
                let (what, url) = (format!("Lab {}", lab.name), lab.url.clone());
                super::links::open(app, &what, &url, effects);
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
            let Some(person) = app.selected_person() else {
                app.set_status(nobody(app), true);
                return;
            };
            let person = app.catalogue.person(person);
            if let Some(url) = person.website() {
                effects.push(Effect::Copy(url.to_owned()));
            } else {
                let text = format!("Nothing to copy: {} has no website", person.name());
                app.set_status(text, true);
            }
        }
        Action::Saved(result) => saved(app, result, effects),
        _ => {}
    }
}

/// Why a key found no one to act on: nobody selected, or a favorite
/// that is missing from the data (which `b` alone acts on).
fn nobody(app: &App) -> String {
    match app.selected_missing() {
        Some(key) => format!("{} is missing from the data", key.name),
        None => NOBODY_SELECTED.to_string(),
    }
}

fn toggle_favorite(app: &mut App, effects: &mut Vec<Effect>) {
    if let Some(key) = app.selected_missing() {
        // Gone from the data, still saved: `b` is how it goes.
        let key = key.clone();
        let name = key.name.clone();
        app.remove_favorite(key, name, false, effects);
        return;
    }
    let Some(person) = app.selected_person() else {
        app.set_status(NOBODY_SELECTED, true);
        return;
    };
    let name = app.catalogue.person(person).name().to_owned();
    // The star changes when the file says it has: a save that fails
    // leaves the favorites as they were on disk. A favorite is removed
    // as it was saved, which may be a key from before the person's
    // website changed.
    if let Some(saved) = app.shortlist.key_of(person) {
        let saved = saved.clone();
        app.remove_favorite(saved, name, false, effects);
    } else {
        let directory = app.catalogue.directory();
        let key = FavoriteKey::of(directory, app.catalogue.person(person));
        app.add_favorite(key, &name, effects);
    }
}

/// The favorites file answered a save: show what it now holds (with any
/// changes another profdex made meanwhile), or why nothing changed.
fn saved(app: &mut App, result: Result<Favorites, String>, effects: &mut Vec<Effect>) {
    match result {
        Ok(favorites) => {
            let put_back = app.change_answered(None);
            if favorites != *app.shortlist.favorites() {
                app.replace_favorites(favorites, effects);
            }
            if let Some(key) = put_back {
                app.select_favorite(&key, effects);
            }
        }
        Err(error) => {
            app.change_answered(Some(&error));
        }
    }
}

impl App {
    fn replace_favorites(&mut self, favorites: Favorites, effects: &mut Vec<Effect>) {
        self.shortlist
            .replace(favorites, self.catalogue.directory());
        if self.scope() == Scope::Favorites {
            // Removing one leaves the cursor where it was, on the next.
            self.search.forget();
            self.refilter(Keep::Row, effects);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use crate::app::{Action, App, Effect, update};
    use crate::favorites::{FavoriteKey, Favorites};
    use crate::fixture::{professor, school};
    use crate::model::Directory;
    use crate::theme::Theme;

    fn app(websites: &[&str], favorites: Favorites) -> App {
        let directory = Directory {
            schools: vec![school("Lee U", vec![])],
            people: websites
                .iter()
                .map(|website| professor(0, "Ada Lee", Some(website)))
                .collect(),
        };
        App::new(
            directory,
            favorites,
            Theme::colored(),
            Rect::new(0, 0, 120, 40),
        )
    }

    fn key(website: &str) -> FavoriteKey {
        FavoriteKey {
            school: "Lee U".into(),
            name: "Ada Lee".into(),
            website: Some(website.into()),
        }
    }

    #[test]
    fn bookmarking_a_namesake_stars_that_one() {
        let mut app = app(
            &["https://a.example/robotics", "https://b.example/db"],
            Favorites::default(),
        );
        update(&mut app, Action::Down);
        assert_eq!(app.selected_person(), Some(1));
        let second = key("https://b.example/db");
        assert_eq!(
            update(&mut app, Action::ToggleFavorite),
            [Effect::SaveFavorite(second.clone(), true)]
        );
        let mut on_disk = Favorites::default();
        on_disk.add(second);
        update(&mut app, Action::Saved(Ok(on_disk)));
        assert!(app.shortlist.contains(1));
        assert!(!app.shortlist.contains(0));
    }

    #[test]
    fn unbookmarking_removes_the_favorite_as_saved() {
        // Saved before the homepage moved: it still finds the one Ada Lee.
        let old = key("https://old.example/ada");
        let mut favorites = Favorites::default();
        favorites.add(old.clone());
        let mut app = app(&["https://new.example/ada"], favorites);
        assert!(app.shortlist.contains(0));
        assert_eq!(
            update(&mut app, Action::ToggleFavorite),
            [Effect::SaveFavorite(old, false)]
        );
    }
}
