//! Finding a school, the filter's editing keys, the favorites view and the
//! status line: what a directory of hundreds of schools asked of the browser.

use ratatui::layout::Rect;

use super::{app, names, selected_name, type_text};
use crate::app::{Action, App, Effect, Mode, NOBODY_SELECTED, Pane, Scope, update};
use crate::favorites::{FavoriteKey, Favorites};
use crate::fixture::favorite;
use crate::theme::Theme;

fn status(app: &App) -> Option<&str> {
    app.screen.status().map(|status| status.text.as_str())
}

#[test]
fn slash_in_the_schools_pane_finds_a_school_and_enter_opens_its_list() {
    let mut app = app();
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::StartFilter);
    assert!(app.editing_schools());
    type_text(&mut app, "berk");
    assert_eq!(app.scope_rows(), 1);
    assert_eq!(app.scope(), Scope::School(1));
    assert_eq!(names(&app), ["Ion Stoica", "Matei Zaharia"]);
    assert!(app.search.filter().is_empty(), "people's filter untouched");
    update(&mut app, Action::FilterAccept);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(app.screen.focus(), Pane::Faculty);
    // Back in the pane, `Esc` clears the schools' filter and keeps the school.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Cancel);
    assert!(app.school_filter.line().is_empty());
    assert_eq!(app.scope(), Scope::School(1));
    assert_eq!(app.scope_rows(), 4);
}

#[test]
fn enter_on_a_school_focuses_its_list_and_opens_nothing() {
    let mut app = app();
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Bottom);
    assert!(update(&mut app, Action::OpenWebsite).is_empty());
    assert_eq!(app.screen.focus(), Pane::Faculty);
    assert_eq!(app.scope(), Scope::School(1));
}

#[test]
fn s_jumps_from_a_person_to_their_school_keeping_them_selected() {
    let mut app = app();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "zaharia");
    update(&mut app, Action::FilterAccept);
    update(&mut app, Action::JumpToSchool);
    assert_eq!(app.scope(), Scope::School(1));
    assert_eq!(app.screen.focus(), Pane::Schools);
    assert_eq!(selected_name(&app), Some("Matei Zaharia"));
    // A schools' filter that hides the school gives way.
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "mit");
    assert_eq!(app.scope(), Scope::School(0));
    update(&mut app, Action::LeaveFilter);
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::ClearFilter);
    update(&mut app, Action::JumpToSchool);
    assert_eq!(app.scope(), Scope::School(0));
    assert_eq!(app.school_filter.line().text(), "mit");
}

#[test]
fn esc_keeps_the_filter_and_leaves_the_editor_then_clears_it() {
    let mut app = app();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "sto");
    update(&mut app, Action::LeaveFilter);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(app.search.filter(), "sto");
    update(&mut app, Action::Cancel);
    assert_eq!(app.search.filter(), "");
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "sto");
    update(&mut app, Action::FilterAccept);
    update(&mut app, Action::ClearFilter);
    assert_eq!(names(&app).len(), 4, "Ctrl-u clears it while browsing too");
}

#[test]
fn the_cursor_edits_inside_the_filter() {
    let mut app = app();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "ion stoica");
    update(&mut app, Action::FilterCursor(crate::app::Motion::WordLeft));
    update(&mut app, Action::FilterDeleteWord);
    assert_eq!(app.search.filter(), "stoica");
    type_text(&mut app, "x ");
    assert_eq!(app.search.filter(), "x stoica");
    assert_eq!(app.search.line().cursor(), 2);
}

#[test]
fn every_key_without_a_person_says_nobody_is_selected() {
    let mut app = app();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "xqzzy");
    update(&mut app, Action::FilterAccept);
    for action in [
        Action::CopyUrl,
        Action::ToggleFavorite,
        Action::OpenWebsite,
        Action::OpenLab(1),
        Action::JumpToSchool,
    ] {
        let effects = update(&mut app, action.clone());
        assert!(effects.is_empty(), "{action:?}: {effects:?}");
        assert_eq!(status(&app), Some(NOBODY_SELECTED), "{action:?}");
    }
}

#[test]
fn a_message_goes_at_the_next_key_so_the_hints_come_back() {
    let mut app = app();
    update(&mut app, Action::Opened(Ok("https://example.org/".into())));
    assert!(status(&app).is_some());
    update(&mut app, Action::Down);
    assert_eq!(status(&app), None);
    update(
        &mut app,
        Action::Notice {
            text: "3 diagnostics".into(),
            is_error: true,
        },
    );
    update(&mut app, Action::Resize(100, 30));
    assert!(status(&app).is_some(), "not a key: still shown");
    update(&mut app, Action::Up);
    assert_eq!(status(&app), None);
}

fn favorites_app(keys: &[FavoriteKey]) -> App {
    let mut favorites = Favorites::default();
    for key in keys {
        favorites.add(key.clone());
    }
    let mut app = App::new(
        crate::fixture::directory(),
        favorites,
        Theme::colored(),
        Rect::new(0, 0, 120, 40),
    );
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    update(&mut app, Action::FocusRight);
    assert_eq!(app.scope(), Scope::Favorites);
    app
}

/// The favorites file as it is after removing `gone` from `keys`.
fn without(keys: &[FavoriteKey], gone: &FavoriteKey) -> Favorites {
    let mut favorites = Favorites::default();
    for key in keys.iter().filter(|key| *key != gone) {
        favorites.add(key.clone());
    }
    favorites
}

#[test]
fn removing_a_favorite_keeps_the_cursor_where_it_was() {
    let keys = [
        favorite("MIT", "Song Han"),
        favorite("UC Berkeley", "Ion Stoica"),
        favorite("UC Berkeley", "Matei Zaharia"),
    ];
    let mut app = favorites_app(&keys);
    update(&mut app, Action::Down);
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    let effects = update(&mut app, Action::ToggleFavorite);
    let [Effect::SaveFavorite(key, false)] = &effects[..] else {
        panic!("{effects:?}");
    };
    update(&mut app, Action::Saved(Ok(without(&keys, key))));
    assert_eq!(app.people.selected(), 1);
    assert_eq!(selected_name(&app), Some("Matei Zaharia"), "the next one");
}

#[test]
fn a_missing_favorite_can_be_selected_and_removed() {
    let keys = [
        favorite("MIT", "Song Han"),
        favorite("MIT", "Someone Who Left"),
    ];
    let mut app = favorites_app(&keys);
    update(&mut app, Action::Bottom);
    assert_eq!(app.people.selected(), 1);
    assert_eq!(selected_name(&app), None);
    let missing = app.selected_missing().cloned();
    assert_eq!(
        missing.as_ref().map(|k| k.name.as_str()),
        Some("Someone Who Left")
    );
    let effects = update(&mut app, Action::ToggleFavorite);
    assert_eq!(effects, [Effect::SaveFavorite(keys[1].clone(), false)]);
    update(&mut app, Action::Saved(Ok(without(&keys, &keys[1]))));
    assert_eq!(app.shortlist.missing().count(), 0);
    assert_eq!(app.people.selected(), 0);
    assert_eq!(
        status(&app),
        Some("Removed Someone Who Left from favorites (u undoes)")
    );
}

#[test]
fn after_a_resize_with_the_schools_hidden_its_top_rows_show_again() {
    let mut directory = crate::fixture::directory();
    for n in 0..60 {
        directory
            .schools
            .push(crate::fixture::school(&format!("School {n}"), Vec::new()));
    }
    let mut app = App::new(
        directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 120, 40),
    );
    update(&mut app, Action::FocusLeft);
    for _ in 0..5 {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::Resize(80, 24));
    assert!(app.screen.panes().left.is_none());
    update(&mut app, Action::Resize(120, 40));
    assert_eq!(
        app.schools.offset(),
        0,
        "All schools and ★ Favorites in view"
    );
}
