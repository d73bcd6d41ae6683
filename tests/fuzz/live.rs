//! What the files do under a running browser, as the runner reports it:
//! the data read again (some of the case's files gone, a new one come,
//! asked for by `Ctrl-r` or not), the favorites file written by another
//! profdex (or broken), and the place a last run saved, which may no
//! longer fit.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use profdex::app::{Action, App, Catalogue, Place, ReloadSummary, Reloaded, ScopeName};
use profdex::favorites::{FavoriteKey, Favorites};
use profdex::layout::Pane;
use profdex::links::{Outcome, State, Stored};
use profdex::model::identity_key;
use profdex::sources::{self, Input};

use crate::docs::{self, Cast};
use crate::rng::Rng;
use crate::text;

/// The data read again: each of `inputs` kept most of the time, and now
/// and then a new document written beside them under `scratch`.
pub fn reloaded(rng: &mut Rng, app: &App, inputs: &[Input], cast: &Cast, scratch: &Path) -> Action {
    let mut now: Vec<Input> = inputs.iter().filter(|_| rng.percent(80)).cloned().collect();
    if rng.one_in(3) {
        let document = docs::document(rng, cast);
        let folder = scratch
            .join("case")
            .join(format!("reload-{}", rng.below(1000)));
        if fs::create_dir_all(&folder).is_ok() {
            let path = folder.join(&document.name);
            if fs::write(&path, &document.bytes).is_ok() {
                now.push(Input::File(path));
            }
        }
    }
    let loaded = sources::load(&now);
    let before = app.catalogue.directory();
    let names: HashSet<String> = loaded
        .directory
        .schools
        .iter()
        .map(|school| identity_key(&school.name))
        .collect();
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    let summary = ReloadSummary {
        by_hand: rng.one_in(3),
        unchanged: loaded.directory == **before,
        people_before: before.people.len(),
        files_gone: (0..rng.size(3)).map(|_| text::text(rng, 2)).collect(),
        schools_gone: before
            .schools
            .iter()
            .filter(|school| !names.contains(&identity_key(&school.name)))
            .map(|school| school.name.clone())
            .collect(),
        new_diagnostics: loaded.diagnostics.len(),
        new_errors: errors,
        first_new: loaded.diagnostics.first().cloned(),
    };
    Action::Reloaded(Reloaded::new(
        Catalogue::new(loaded.directory, &profdex::topics::Synonyms::builtin()),
        summary,
    ))
}

/// The favorites file as another profdex left it, or unreadable.
pub fn favorites_changed(rng: &mut Rng, app: &App, cast: &Cast) -> Action {
    if rng.one_in(5) {
        return Action::FavoritesChanged(Err(format!("favorites.json: {}", text::text(rng, 2))));
    }
    let mut favorites: Favorites = if rng.percent(70) {
        app.shortlist.favorites().clone()
    } else {
        Favorites::default()
    };
    let directory = app.catalogue.directory();
    for _ in 0..rng.size(4) {
        if !directory.people.is_empty() && rng.percent(60) {
            let person = &directory.people[rng.below(directory.people.len())];
            favorites.add(FavoriteKey::of(directory, person));
        } else {
            favorites.add(key(rng, cast));
        }
    }
    if let Some(first) = favorites.keys().first().cloned()
        && rng.one_in(3)
    {
        favorites.remove(&first);
    }
    Action::FavoritesChanged(Ok(favorites))
}

fn key(rng: &mut Rng, cast: &Cast) -> FavoriteKey {
    FavoriteKey {
        school: rng.pick(&cast.schools).clone(),
        name: rng.pick(&cast.people).clone(),
        website: rng.one_in(3).then(|| rng.pick(&cast.urls).clone()),
    }
}

/// A place a last run may have saved: pieces of this data, of other
/// data, and nonsense.
pub fn place(rng: &mut Rng, app: &App, cast: &Cast) -> Action {
    let directory = app.catalogue.directory();
    let scope = match rng.below(5) {
        0 => None,
        1 => Some(ScopeName::All),
        2 => Some(ScopeName::Favorites),
        3 if !directory.schools.is_empty() => Some(ScopeName::School(
            directory.schools[rng.below(directory.schools.len())]
                .name
                .clone(),
        )),
        _ => Some(ScopeName::School(rng.pick(&cast.schools).clone())),
    };
    let person = match rng.below(3) {
        0 if !directory.people.is_empty() => {
            let person = &directory.people[rng.below(directory.people.len())];
            Some(FavoriteKey::of(directory, person))
        }
        1 => Some(key(rng, cast)),
        _ => None,
    };
    let pane = |rng: &mut Rng| {
        rng.percent(70)
            .then(|| *rng.pick(&[Pane::Schools, Pane::Topics, Pane::Faculty, Pane::Detail]))
    };
    let filter = match rng.below(4) {
        0 => None,
        1 => Some(rng.pick(&cast.people).clone()),
        2 => Some(format!("topic:\"{}\"", text::words(rng, 2))),
        _ => Some(text::text(rng, 3)),
    };
    let topic = rng.one_in(3).then(|| text::words(rng, 2));
    Action::Restore(Place {
        scope,
        filter,
        topic,
        person,
        focus: pane(rng),
        left: pane(rng),
    })
}

/// A link's last check, of any state, as the store or `L` may have it.
pub fn outcome(rng: &mut Rng) -> Outcome {
    let state = State::ALL[rng.below(State::ALL.len())];
    Outcome {
        status: rng
            .percent(70)
            .then(|| 200 + u16::try_from(rng.below(400)).unwrap_or(0)),
        final_url: rng
            .percent(40)
            .then(|| format!("https://{}.example/", text::words(rng, 1))),
        checked_at: profdex::links::now() - i64::try_from(rng.below(400_000)).unwrap_or(0),
        ..Outcome::new(state, text::text(rng, 3))
    }
}

/// The link store as the browser reads it when it starts: some of the
/// directory's websites with a last check, and some URLs it no longer has.
pub fn links_known(rng: &mut Rng, app: &App) -> Action {
    let people = &app.catalogue.directory().people;
    let mut known = Stored::new();
    for _ in 0..rng.size(20) {
        let url = match people
            .get(rng.below(people.len().max(1)))
            .and_then(|p| p.website())
        {
            Some(url) if rng.percent(80) => url.to_owned(),
            _ => format!("https://{}.example/", text::words(rng, 1)),
        };
        known.insert(url, outcome(rng));
    }
    Action::LinksKnown(known)
}
