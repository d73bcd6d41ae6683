//! Favorites in the browser: bookmarking, saving, and favorites missing
//! from the data.

use super::*;

#[test]
fn bookmarking_saves_and_shows_in_favorites() {
    let mut app = app();
    update(&mut app, Action::Bottom);
    let effect = update(&mut app, Action::ToggleFavorite);
    let key = FavoriteKey {
        school: "UC Berkeley".into(),
        name: "Matei Zaharia".into(),
        website: Some("https://people.eecs.berkeley.edu/~matei/".into()),
    };
    assert_eq!(effect, [Effect::SaveFavorite(key.clone(), true)]);
    let mut on_disk = Favorites::default();
    on_disk.add(key.clone());
    let effects = update(&mut app, Action::Saved(Ok(on_disk)));
    assert!(app.shortlist.contains(3));
    assert!(
        app.screen
            .status()
            .is_some_and(|s| !s.is_error && s.text.contains("Added Matei Zaharia"))
    );
    // The message goes after a while; an expiry meant for it clears it.
    let [Effect::ExpireStatus { seq, after }] = effects[..] else {
        panic!("a message expires: {effects:?}");
    };
    assert_eq!(after, STATUS_SHOWN_FOR);
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    assert_eq!(names(&app), ["Matei Zaharia"]);
    update(&mut app, Action::StatusExpired(seq));
    assert_eq!(app.screen.status(), None);
    // Unbookmarking from the favorites view empties it.
    update(&mut app, Action::FocusRight);
    assert_eq!(
        update(&mut app, Action::ToggleFavorite),
        [Effect::SaveFavorite(key, false)]
    );
    update(&mut app, Action::Saved(Ok(Favorites::default())));
    assert!(app.search.hits().is_empty());
}

#[test]
fn a_failed_save_changes_nothing_and_its_error_stays_until_a_key() {
    let mut app = app();
    update(&mut app, Action::Bottom);
    update(&mut app, Action::ToggleFavorite);
    let effects = update(&mut app, Action::Saved(Err("disk full".into())));
    assert!(effects.is_empty(), "an error does not expire: {effects:?}");
    assert!(!app.shortlist.contains(3), "no star for what was not saved");
    let error = app.screen.status().cloned();
    assert!(error.as_ref().is_some_and(|s| {
        s.is_error
            && s.text.contains("disk full")
            && s.text
                .starts_with("Matei Zaharia is not a favorite: not saved: disk full")
    }));
    // A later expiry, a frame or a resize leave it; the next key clears it.
    update(&mut app, Action::StatusExpired(1));
    update(&mut app, Action::Drawn(Drawn::default()));
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(app.screen.status().cloned(), error);
    update(&mut app, Action::Up);
    assert_eq!(app.screen.status(), None);
}

#[test]
fn favorites_from_disk_replace_the_in_memory_ones() {
    let mut app = app();
    let mut on_disk = Favorites::default();
    on_disk.add(FavoriteKey {
        school: "mit".into(),
        name: "song han".into(),
        website: None,
    });
    on_disk.add(FavoriteKey {
        school: "MIT".into(),
        name: "Someone Gone".into(),
        website: None,
    });
    update(&mut app, Action::Saved(Ok(on_disk)));
    assert!(app.shortlist.contains(0));
    assert_eq!(app.shortlist.missing().count(), 1);
}

#[test]
fn missing_favorites_after_a_long_list_can_be_scrolled_to() {
    let mut directory = directory();
    let mut favorites = Favorites::default();
    for n in 0..60 {
        let mut next = directory.people[0].clone();
        next.edit(|draft| draft.name = format!("Person {n}"));
        directory.people.push(next);
        favorites.add(FavoriteKey {
            school: "MIT".into(),
            name: format!("Person {n}"),
            website: None,
        });
    }
    favorites.add(FavoriteKey {
        school: "MIT".into(),
        name: "Gone".into(),
        website: None,
    });
    let mut app = App::new(
        directory,
        favorites,
        Theme::colored(),
        Rect::new(0, 0, 120, 20),
    );
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    update(&mut app, Action::FocusRight);
    assert_eq!(app.list_rows(), 61);
    update(&mut app, Action::Bottom);
    let height = app.screen.panes().faculty_rows.height as usize;
    assert_eq!(
        app.people.offset() + height,
        61,
        "the missing favorite is on screen"
    );
    assert_eq!(app.people.selected(), 60, "and can be selected");
    assert_eq!(
        app.selected_missing().map(|key| key.name.as_str()),
        Some("Gone")
    );
}
