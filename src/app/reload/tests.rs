use ratatui::layout::Rect;

use super::*;
use crate::app::{Action, Mode, Pane, update};
use crate::diag::Diagnostic;
use crate::fixture::{directory, favorite, professor, school};
use crate::model::Directory;
use crate::theme::Theme;
use crate::topics::Synonyms;

fn app_of(directory: Directory, favorites: Favorites) -> App {
    App::new(
        directory,
        favorites,
        Theme::colored(),
        Rect::new(0, 0, 120, 40),
    )
}

fn reloaded(directory: Directory) -> Action {
    let summary = ReloadSummary {
        people_before: 4,
        ..ReloadSummary::default()
    };
    Action::Reloaded(Reloaded::new(
        Catalogue::new(directory, &Synonyms::builtin()),
        summary,
    ))
}

fn selected(app: &App) -> Option<&str> {
    app.selected_person()
        .map(|person| app.catalogue.person(person).name())
}

fn names(app: &App) -> Vec<&str> {
    app.search
        .hits()
        .iter()
        .map(|hit| app.catalogue.person(hit.person).name())
        .collect()
}

fn status(app: &App) -> String {
    app.screen
        .status()
        .map(|status| status.text.clone())
        .unwrap_or_default()
}

/// The fixture with a new school first and a new person before the
/// others, so that every id changes.
fn grown() -> Directory {
    let mut directory = directory();
    directory.schools.insert(0, school("CMU", vec![]));
    for person in &mut directory.people {
        person.school += 1;
    }
    directory.people.insert(0, professor(2, "Ada Lee", None));
    directory.people.push(professor(0, "Zico Kolter", None));
    directory
}

#[test]
fn the_school_filter_and_person_are_kept_as_every_id_changes() {
    let mut app = app_of(directory(), Favorites::default());
    // UC Berkeley, filtered for "a", Matei Zaharia selected.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(app.scope(), Scope::School(1));
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::StartFilter);
    update(&mut app, Action::FilterInput('a'));
    update(&mut app, Action::LeaveFilter);
    while selected(&app) != Some("Matei Zaharia") {
        update(&mut app, Action::Down);
    }

    let effects = update(&mut app, reloaded(grown()));
    assert!(
        effects
            .iter()
            .all(|e| matches!(e, Effect::ExpireStatus { .. }))
    );
    assert_eq!(app.scope(), Scope::School(2), "UC Berkeley, by name");
    assert_eq!(app.search.filter(), "a");
    let mut listed = names(&app);
    listed.sort_unstable();
    assert_eq!(listed, ["Ada Lee", "Ion Stoica", "Matei Zaharia"]);
    assert_eq!(selected(&app), Some("Matei Zaharia"));
    assert_eq!(app.screen.focus(), Pane::Faculty);
    assert_eq!(app.schools.selected(), Scope::School(2).row());
    assert_eq!(status(&app), "Reloaded: 6 people in 3 schools (+2)");
}

#[test]
fn a_person_gone_leaves_the_cursor_on_their_row_and_a_school_gone_shows_all() {
    let mut app = app_of(directory(), Favorites::default());
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(selected(&app), Some("Ion Stoica"));
    let mut fewer = directory();
    fewer.people.remove(2);
    update(&mut app, reloaded(fewer));
    assert_eq!(selected(&app), Some("Matei Zaharia"), "the row after");

    // MIT chosen, then its file is gone.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(app.scope(), Scope::School(0));
    let mut berkeley = directory();
    berkeley.schools.remove(0);
    berkeley.people.retain(|person| person.school == 1);
    for person in &mut berkeley.people {
        person.school = 0;
    }
    let summary = ReloadSummary {
        people_before: 3,
        files_gone: vec!["mit.md".into()],
        schools_gone: vec!["MIT".into()],
        ..ReloadSummary::default()
    };
    update(
        &mut app,
        Action::Reloaded(Reloaded::new(
            Catalogue::new(berkeley, &Synonyms::builtin()),
            summary,
        )),
    );
    assert_eq!(app.scope(), Scope::All);
    assert_eq!(names(&app), ["Ion Stoica", "Matei Zaharia"]);
    assert_eq!(
        status(&app),
        "Reloaded: mit.md is gone, and MIT with it; 2 people in 1 school (−1)"
    );
}

#[test]
fn favorites_are_found_again_in_the_new_data() {
    let mut favorites = Favorites::default();
    favorites.add(favorite("CMU", "Zico Kolter"));
    favorites.add(favorite("MIT", "Song Han"));
    let mut app = app_of(directory(), favorites);
    assert_eq!(app.shortlist.missing().count(), 1);
    // The favorites view, with Song Han selected.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    assert_eq!(app.scope(), Scope::Favorites);
    update(&mut app, reloaded(grown()));
    assert_eq!(app.scope(), Scope::Favorites);
    assert_eq!(app.shortlist.missing().count(), 0);
    assert_eq!(names(&app), ["Zico Kolter", "Song Han"]);
    assert_eq!(selected(&app), Some("Song Han"));
    assert!(app.shortlist.contains(app.selected_person().unwrap()));
}

#[test]
fn the_topic_chosen_and_the_panes_filters_are_kept() {
    let mut app = app_of(directory(), Favorites::default());
    update(&mut app, Action::ToggleTopics);
    update(&mut app, Action::Down);
    let filter = app.search.filter().to_owned();
    assert_eq!(filter, "topic:\"Systems\"");
    assert!(app.chosen_topic().is_some());
    update(&mut app, reloaded(grown()));
    assert_eq!(app.search.filter(), filter);
    assert_eq!(app.chosen_topic(), Some("Systems"));
    assert_eq!(app.screen.focus(), Pane::Topics);
    assert_eq!(app.topic_cursor.selected(), 1, "the topic's row");

    let mut app = app_of(directory(), Favorites::default());
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::StartFilter);
    for c in "berk".chars() {
        update(&mut app, Action::FilterInput(c));
    }
    assert_eq!(app.scope(), Scope::School(1));
    update(&mut app, reloaded(grown()));
    assert_eq!(app.school_filter.line().text(), "berk");
    assert_eq!(app.scope(), Scope::School(2));
    assert_eq!(app.screen.mode(), Mode::Filter, "still typing");
}

#[test]
fn a_related_jump_cannot_go_back_into_the_old_data() {
    let mut app = app_of(directory(), Favorites::default());
    update(&mut app, Action::FocusRelated);
    update(&mut app, Action::JumpToRelated(1));
    assert_eq!(app.related.history_len(), 1);
    update(&mut app, reloaded(grown()));
    assert_eq!(app.related.history_len(), 0);
    update(&mut app, Action::Back);
    assert_eq!(status(&app), "Nothing to go back to");
}

#[test]
fn what_a_reload_says() {
    let summary = ReloadSummary {
        people_before: 10,
        ..ReloadSummary::default()
    };
    assert_eq!(
        summary.said(1, 1),
        ("Reloaded: 1 person in 1 school (−9)".into(), false)
    );
    let nothing = ReloadSummary {
        by_hand: true,
        unchanged: true,
        ..summary.clone()
    };
    assert_eq!(
        nothing.said(2, 10).0,
        "Reloaded, nothing changed: 10 people in 2 schools"
    );
    let broken = ReloadSummary {
        files_gone: vec!["a.md".into(), "b.md".into()],
        schools_gone: vec!["A U".into(), "B U".into()],
        new_diagnostics: 3,
        new_errors: 1,
        first_new: Some(Diagnostic::file_error("/d/schools/c.md", "not UTF-8")),
        ..summary.clone()
    };
    assert_eq!(
        broken.said(1, 10),
        (
            "Reloaded: 1 new error and 2 more, first: c.md: error: not UTF-8; \
             a.md and 1 more files are gone, and 2 schools with them; 10 people in 1 school"
                .into(),
            true
        )
    );
    let warned = ReloadSummary {
        schools_gone: vec!["A U".into()],
        new_diagnostics: 2,
        first_new: Some(Diagnostic {
            line: 3,
            column: 1,
            severity: crate::diag::Severity::Warning,
            ..Diagnostic::file_error("c.md", "a person with no name")
        }),
        ..summary
    };
    assert_eq!(
        warned.said(1, 12),
        (
            "Reloaded: A U is gone; 12 people in 1 school (+2); 2 new warnings, \
             first: c.md:3:1: warning: a person with no name"
                .into(),
            false
        )
    );
}

#[test]
fn favorites_written_elsewhere_show_and_this_browsers_own_save_is_quiet() {
    let mut app = app_of(directory(), Favorites::default());
    let mut on_disk = Favorites::default();
    on_disk.add(favorite("MIT", "Song Han"));
    update(&mut app, Action::FavoritesChanged(Ok(on_disk.clone())));
    assert!(app.shortlist.contains(0));
    assert_eq!(status(&app), "★ Favorites changed elsewhere: 1 added");
    // The same again, as after this browser's own save: nothing to say.
    let seq = app.screen.status_seq();
    update(&mut app, Action::StatusExpired(seq));
    update(&mut app, Action::FavoritesChanged(Ok(on_disk)));
    assert_eq!(app.screen.status(), None);
    // The favorites view follows the file.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    assert_eq!(names(&app), ["Song Han"]);
    let mut other = Favorites::default();
    other.add(favorite("UC Berkeley", "Ion Stoica"));
    update(&mut app, Action::FavoritesChanged(Ok(other)));
    assert_eq!(names(&app), ["Ion Stoica"]);
    assert_eq!(
        status(&app),
        "★ Favorites changed elsewhere: 1 added, 1 removed"
    );
    update(
        &mut app,
        Action::FavoritesChanged(Err("favorites.json: not JSON".into())),
    );
    assert_eq!(names(&app), ["Ion Stoica"], "kept as they were");
    let shown = app.screen.status().unwrap();
    assert!(shown.is_error);
    assert_eq!(
        shown.text,
        "Favorites not read again: favorites.json: not JSON"
    );
}

/// Found end to end, with other processes bookmarking meanwhile: the news
/// from elsewhere took the place of the confirmation of the user's own `b`.
#[test]
fn a_change_elsewhere_leaves_the_users_own_message() {
    let mut app = app_of(directory(), Favorites::default());
    let effects = update(&mut app, Action::ToggleFavorite);
    let [Effect::SaveFavorite(key, true)] = &effects[..] else {
        panic!("a save: {effects:?}");
    };
    let mut saved = Favorites::default();
    saved.add(key.clone());
    update(&mut app, Action::Saved(Ok(saved.clone())));
    let mine = status(&app);
    assert!(mine.contains("Added Song Han"), "{mine}");
    saved.add(favorite("UC Berkeley", "Ion Stoica"));
    update(&mut app, Action::FavoritesChanged(Ok(saved)));
    assert_eq!(status(&app), mine);
    assert_eq!(
        app.shortlist.len(),
        2,
        "the favorites follow the file all the same"
    );
    // Once it has been shown long enough, the news follows.
    let seq = app.screen.status_seq();
    let effects = update(&mut app, Action::StatusExpired(seq));
    assert_eq!(status(&app), "★ Favorites changed elsewhere: 1 added");
    assert!(
        matches!(effects[..], [Effect::ExpireStatus { .. }]),
        "and goes in its turn: {effects:?}"
    );
    // News follows news at once.
    let mut fewer = Favorites::default();
    fewer.add(favorite("UC Berkeley", "Ion Stoica"));
    update(&mut app, Action::FavoritesChanged(Ok(fewer)));
    assert_eq!(status(&app), "★ Favorites changed elsewhere: 1 removed");
}
