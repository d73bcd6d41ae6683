use ratatui::layout::{Position, Rect};

use super::*;
use crate::favorites::FavoriteKey;
use crate::fixture::directory;

mod background;
mod browsing;
mod favorites;
mod links;
mod pick;
mod related;
mod shortlist;
mod topics;

fn app() -> App {
    app_of(directory())
}

/// The browser on `directory`, 120x40, with no favorites.
fn app_of(directory: Directory) -> App {
    App::new(
        directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 120, 40),
    )
}

fn names(app: &App) -> Vec<&str> {
    app.search
        .hits()
        .iter()
        .map(|hit| app.catalogue.person(hit.person).name())
        .collect()
}

fn selected_name(app: &App) -> Option<&str> {
    app.selected_person()
        .map(|p| app.catalogue.person(p).name())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        assert!(update(app, Action::FilterInput(c)).is_empty());
    }
}

#[test]
fn typing_filters_at_once_and_backspace_widens_again() {
    let mut app = app();
    assert_eq!(names(&app).len(), 4);
    update(&mut app, Action::StartFilter);
    assert_eq!(app.screen.mode(), Mode::Filter);
    type_text(&mut app, "sto");
    assert_eq!(names(&app), ["Ion Stoica"]);
    type_text(&mut app, "x");
    assert!(names(&app).is_empty());
    update(&mut app, Action::FilterBackspace);
    assert_eq!(names(&app), ["Ion Stoica"]);
    // Back to an answered query, or only spacing changed: nothing new is cached.
    type_text(&mut app, " ");
    update(&mut app, Action::FilterBackspace);
    assert_eq!(app.search.cached_queries(), 3, "s, st, sto");
    update(&mut app, Action::FilterAccept);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(app.search.filter(), "sto");
    update(&mut app, Action::Cancel);
    assert_eq!(app.search.filter(), "");
    assert_eq!(names(&app).len(), 4);
}

#[test]
fn selection_stays_on_the_same_person_when_the_list_changes() {
    let mut app = app();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "a");
    update(&mut app, Action::Down);
    let chosen = selected_name(&app).map(String::from);
    assert_ne!(chosen.as_deref(), Some(names(&app)[0]));
    // Narrowing keeps the person the user moved to, while they match.
    type_text(&mut app, " ");
    assert_eq!(selected_name(&app), chosen.as_deref());
    update(&mut app, Action::ClearFilter);
    assert_eq!(selected_name(&app), chosen.as_deref());
    // Gone from the list: the best match is selected.
    type_text(&mut app, "song");
    assert_eq!(selected_name(&app), Some("Song Han"));
    // Choosing a school that still lists them keeps them too.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(app.scope(), Scope::School(0));
    assert_eq!(selected_name(&app), Some("Song Han"));
}

#[test]
fn typing_a_new_filter_selects_the_best_match() {
    let mut app = app();
    update(&mut app, Action::Down);
    assert_eq!(selected_name(&app), Some("Tim Kraska"));
    update(&mut app, Action::StartFilter);
    // Tim Kraska still matches ("Professor"), but a new filter means the
    // user is looking for someone: the best match is selected.
    type_text(&mut app, "o");
    assert!(names(&app).contains(&"Tim Kraska"));
    assert_eq!(app.people.selected(), 0);
    type_text(&mut app, "ica");
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
}

#[test]
fn choosing_a_school_narrows_the_list() {
    let mut app = app();
    update(&mut app, Action::FocusLeft);
    assert_eq!(app.screen.focus(), Pane::Schools);
    update(&mut app, Action::Down);
    assert_eq!(app.scope(), Scope::Favorites);
    assert!(app.search.hits().is_empty());
    update(&mut app, Action::Down);
    assert_eq!(app.scope(), Scope::School(0));
    assert_eq!(names(&app), ["Song Han", "Tim Kraska"]);
    update(&mut app, Action::Bottom);
    assert_eq!(app.scope(), Scope::School(1));
    assert_eq!(app.scope_total(), 2);
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "han");
    assert!(
        names(&app).iter().all(|name| *name != "Song Han"),
        "{:?}",
        names(&app)
    );
}

#[test]
fn an_expiry_clears_only_its_own_message() {
    let mut app = app();
    update(&mut app, Action::Opened(Ok("https://a.org/".into())));
    let effects = update(&mut app, Action::Opened(Ok("https://b.org/".into())));
    let [Effect::ExpireStatus { seq, .. }] = effects[..] else {
        panic!("{effects:?}");
    };
    update(&mut app, Action::StatusExpired(seq - 1));
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.text.contains("b.org"))
    );
    update(&mut app, Action::StatusExpired(seq));
    assert_eq!(app.screen.status(), None);
}

#[test]
fn opening_the_website_and_labs() {
    let mut app = app();
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(
        update(&mut app, Action::OpenWebsite),
        [Effect::Open(
            "https://people.eecs.berkeley.edu/~istoica/".into()
        )]
    );
    assert_eq!(
        update(&mut app, Action::OpenLab(2)),
        [Effect::Open("https://sky.cs.berkeley.edu/".into())]
    );
    assert!(update(&mut app, Action::OpenLab(3)).is_empty());
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.is_error && s.text.contains("has 2 labs"))
    );
    assert_eq!(
        update(&mut app, Action::CopyUrl),
        [Effect::Copy(
            "https://people.eecs.berkeley.edu/~istoica/".into()
        )]
    );
    update(&mut app, Action::Opened(Ok("https://x.org/".into())));
    assert_eq!(
        app.screen.status().map(|s| s.text.as_str()),
        Some("Opened https://x.org/")
    );
}

#[test]
fn a_person_without_a_website_says_so() {
    let mut app = app();
    update(&mut app, Action::Down);
    assert_eq!(selected_name(&app), Some("Tim Kraska"));
    assert!(update(&mut app, Action::OpenWebsite).is_empty());
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.text == "Tim Kraska has no website")
    );
    assert!(update(&mut app, Action::CopyUrl).is_empty());
}

#[test]
fn moving_is_bounded() {
    let mut app = app();
    update(&mut app, Action::Up);
    assert_eq!(app.people.selected(), 0);
    update(&mut app, Action::PageDown);
    assert_eq!(app.people.selected(), 3);
    update(&mut app, Action::Top);
    assert_eq!(app.people.selected(), 0);
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::FocusRight);
    assert_eq!(app.screen.focus(), Pane::Detail);
    // Scrolling stops where the last frame said the text ends.
    let drawn = Drawn {
        detail_scroll_limit: Some(7),
        help_scroll_limit: None,
        ..Drawn::default()
    };
    update(&mut app, Action::Drawn(drawn));
    update(&mut app, Action::Bottom);
    assert_eq!(app.screen.detail_scroll(), 7);
    update(&mut app, Action::Up);
    assert_eq!(app.screen.detail_scroll(), 6);
    // A new frame that shows less text pulls the scroll back.
    let drawn = Drawn {
        detail_scroll_limit: Some(2),
        help_scroll_limit: None,
        ..Drawn::default()
    };
    update(&mut app, Action::Drawn(drawn));
    assert_eq!(app.screen.detail_scroll(), 2);
}

#[test]
fn clicks_select_rows_and_the_wheel_scrolls() {
    let mut app = app();
    let panes = app.screen.panes();
    let row = |n: u16| Position::new(panes.faculty_rows.x + 2, panes.faculty_rows.y + n);
    update(&mut app, Action::Click(row(2)));
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    // Below the last person: nothing changes.
    update(&mut app, Action::Click(row(10)));
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    let school_row = Position::new(panes.left_rows.x + 1, panes.left_rows.y + 3);
    update(&mut app, Action::Click(school_row));
    assert_eq!(app.scope(), Scope::School(1));
    assert_eq!(app.screen.focus(), Pane::Schools);
    // One school per wheel tick.
    update(&mut app, Action::ScrollUp(school_row));
    assert_eq!(app.scope(), Scope::School(0));
    update(&mut app, Action::ScrollUp(school_row));
    update(&mut app, Action::ScrollUp(school_row));
    assert_eq!(app.scope(), Scope::All);
    assert_eq!(app.screen.focus(), Pane::Schools);
    // Three people per tick in the list.
    let list_row = Position::new(panes.faculty_rows.x + 1, panes.faculty_rows.y);
    update(&mut app, Action::ScrollDown(list_row));
    assert_eq!(app.people.selected(), 3);
}

#[test]
fn nothing_breaks_on_an_empty_directory_or_a_tiny_screen() {
    let mut app = App::new(
        Directory::default(),
        Favorites::default(),
        Theme::monochrome(),
        Rect::new(0, 0, 3, 2),
    );
    for action in [
        Action::Down,
        Action::Bottom,
        Action::PageDown,
        Action::OpenWebsite,
        Action::OpenLab(1),
        Action::ToggleFavorite,
        Action::CopyUrl,
        Action::Click(Position::new(1, 1)),
        Action::ScrollDown(Position::new(0, 0)),
        Action::Resize(0, 0),
        Action::FocusLeft,
        Action::Bottom,
    ] {
        assert!(update(&mut app, action).is_empty());
    }
}

#[test]
fn pasting_types_the_whole_text_once() {
    let mut app = app();
    assert!(update(&mut app, Action::FilterPaste("sto\nica\u{1b}".into())).is_empty());
    assert_eq!(app.screen.mode(), Mode::Filter);
    assert_eq!(app.search.filter(), "sto ica");
    assert_eq!(names(&app), ["Ion Stoica"]);
}

#[test]
fn help_opens_and_closes() {
    let mut app = app();
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.screen.mode(), Mode::Help);
    update(&mut app, Action::Down);
    assert_eq!(
        app.people.selected(),
        0,
        "scrolling help does not move the list"
    );
    update(&mut app, Action::Cancel);
    assert_eq!(app.screen.mode(), Mode::Browse);
    // A click closes the help without selecting what is behind it.
    update(&mut app, Action::ToggleHelp);
    let panes = app.screen.panes();
    update(
        &mut app,
        Action::Click(Position::new(
            panes.faculty_rows.x,
            panes.faculty_rows.y + 2,
        )),
    );
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(app.people.selected(), 0);
}

#[test]
fn a_huge_paste_is_cut_and_said_so() {
    let mut app = app();
    update(&mut app, Action::FilterPaste("stoica ".repeat(30_000)));
    assert_eq!(
        app.search.filter().chars().count(),
        filter::MAX_FILTER_CHARS
    );
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.is_error && s.text.contains("1000 characters"))
    );
    assert_eq!(names(&app), ["Ion Stoica"], "the query still works");
    update(&mut app, Action::FilterInput('x'));
    assert_eq!(
        app.search.filter().chars().count(),
        filter::MAX_FILTER_CHARS
    );
    let words: Vec<String> = (0..100).map(|n| format!("w{n}")).collect();
    update(&mut app, Action::ClearFilter);
    update(&mut app, Action::FilterPaste(words.join(" ")));
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.text.contains("first 32 different words"))
    );
}

/// Keys that arrive together are applied before the next frame: a pane
/// that the last frame did not draw has no known end yet, so scrolling it
/// is not refused, and the next frame clamps it.
#[test]
fn keys_before_the_first_frame_of_a_pane_still_scroll_it() {
    let mut app = App::new(
        directory(),
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 50, 12),
    );
    update(&mut app, Action::Drawn(Drawn::default()));
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::FocusRight);
    for _ in 0..3 {
        update(&mut app, Action::Down);
    }
    assert_eq!(app.screen.detail_scroll(), 3);
    let drawn = Drawn {
        detail_scroll_limit: Some(1),
        help_scroll_limit: None,
        ..Drawn::default()
    };
    update(&mut app, Action::Drawn(drawn));
    assert_eq!(app.screen.detail_scroll(), 1);
}

#[test]
fn the_filter_speaks_the_query_language_and_widens_afresh() {
    let mut app = app();
    // A half-typed operator shows a note (and its expiry), so no `type_text`.
    let type_text = |app: &mut App, text: &str| {
        for c in text.chars() {
            update(app, Action::FilterInput(c));
        }
    };
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "!school:mit");
    assert_eq!(names(&app), ["Ion Stoica", "Matei Zaharia"]);
    update(&mut app, Action::ClearFilter);
    type_text(&mut app, "'stoica");
    assert_eq!(names(&app), ["Ion Stoica"]);
    // `| han` may add people the earlier hits lack.
    type_text(&mut app, " | 'han");
    assert_eq!(names(&app), ["Ion Stoica", "Song Han"]);
    update(&mut app, Action::ClearFilter);
    type_text(&mut app, "colour:red");
    let status = app.screen.status().map(|s| s.text.as_str());
    assert!(
        status.is_some_and(|s| s.starts_with("Query: \"colour:\" is not a field")),
        "{status:?}"
    );
}
