//! The related people in the detail pane: moving among them, jumping to
//! one (widening the scope or clearing the filter when they are hidden),
//! and going back.

use super::*;
use crate::fixture::{person, school};
use crate::model::Directory;

/// Databases link Berkeley to MIT; Anca Dragan shares nothing with Ion.
fn colleagues() -> App {
    let directory = Directory {
        schools: vec![school("MIT", vec![]), school("UC Berkeley", vec![])],
        people: vec![
            person(0, "Sam Madden", "Professor", &["Databases", "Data systems"]),
            person(
                0,
                "Song Han",
                "Professor",
                &["Machine learning", "Hardware"],
            ),
            person(
                1,
                "Ion Stoica",
                "Professor",
                &["Distributed systems", "Cloud computing", "Databases"],
            ),
            person(
                1,
                "Joe Hellerstein",
                "Professor",
                &["Databases", "Distributed systems"],
            ),
            person(
                1,
                "Anca Dragan",
                "Professor",
                &["Robotics", "Machine learning"],
            ),
            person(1, "Nobody Topical", "Lecturer", &[]),
        ],
    };
    app_of(directory)
}

fn related_names(app: &App) -> Vec<&str> {
    app.related
        .people()
        .iter()
        .map(|related| app.catalogue.person(related.person).name())
        .collect()
}

/// Selects `name` in the faculty list by moving down to them.
fn select(app: &mut App, name: &str) {
    update(app, Action::Top);
    while selected_name(app) != Some(name) {
        let before = app.people.selected();
        update(app, Action::Down);
        assert_ne!(app.people.selected(), before, "{name} is not listed");
    }
}

/// Row `row` of the schools pane: 0 everyone, 1 favorites, then each school.
fn choose_scope(app: &mut App, row: usize) {
    update(app, Action::FocusLeft);
    update(app, Action::Top);
    for _ in 0..row {
        update(app, Action::Down);
    }
    update(app, Action::FocusRight);
}

#[test]
fn the_detail_pane_lists_the_selected_persons_related_people() {
    let mut app = colleagues();
    select(&mut app, "Ion Stoica");
    assert_eq!(related_names(&app), ["Joe Hellerstein", "Sam Madden"]);
    select(&mut app, "Nobody Topical");
    assert!(related_names(&app).is_empty());
    update(&mut app, Action::FocusRelated);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert!(app.screen.status().is_some_and(|s| s.is_error));
}

#[test]
fn r_then_a_number_selects_that_person_and_backspace_goes_back() {
    let mut app = colleagues();
    select(&mut app, "Ion Stoica");
    update(&mut app, Action::FocusRelated);
    assert_eq!(app.screen.mode(), Mode::Related);
    assert_eq!(app.screen.focus(), Pane::Detail);
    update(&mut app, Action::JumpToRelated(1));
    assert_eq!(selected_name(&app), Some("Joe Hellerstein"));
    assert_eq!(app.scope(), Scope::All);
    assert_eq!(related_names(&app)[0], "Ion Stoica");
    update(&mut app, Action::Back);
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(
        app.screen.focus(),
        Pane::Faculty,
        "the pane before the jump"
    );
    update(&mut app, Action::Back);
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    assert_eq!(
        app.screen.status().map(|s| s.text.as_str()),
        Some("Nothing to go back to")
    );
}

#[test]
fn the_cursor_moves_and_enter_jumps_to_the_one_under_it() {
    let mut app = colleagues();
    select(&mut app, "Ion Stoica");
    update(&mut app, Action::FocusRelated);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(app.related.cursor(), 1, "stops at the last");
    assert_eq!(selected_name(&app), Some("Ion Stoica"), "the list stays");
    update(&mut app, Action::JumpToRelated(0));
    assert_eq!(selected_name(&app), Some("Sam Madden"));
    // A number past the list says what there is.
    update(&mut app, Action::FocusRelated);
    update(&mut app, Action::JumpToRelated(5));
    assert_eq!(selected_name(&app), Some("Sam Madden"));
    assert!(app.screen.status().is_some_and(|s| s.is_error));
    update(&mut app, Action::LeaveRelated);
    assert_eq!(app.screen.mode(), Mode::Browse);
}

#[test]
fn a_person_at_another_school_widens_the_scope_and_back_narrows_it() {
    let mut app = colleagues();
    choose_scope(&mut app, 3);
    assert_eq!(app.scope(), Scope::School(1));
    select(&mut app, "Ion Stoica");
    update(&mut app, Action::FocusRelated);
    update(&mut app, Action::JumpToRelated(2));
    assert_eq!(selected_name(&app), Some("Sam Madden"));
    assert_eq!(app.scope(), Scope::All);
    update(&mut app, Action::Back);
    assert_eq!(app.scope(), Scope::School(1));
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
}

#[test]
fn a_person_the_filter_hides_clears_it_and_back_restores_it() {
    let mut app = colleagues();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "stoica");
    update(&mut app, Action::FilterAccept);
    assert_eq!(names(&app), ["Ion Stoica"]);
    update(&mut app, Action::FocusRelated);
    update(&mut app, Action::JumpToRelated(1));
    assert_eq!(app.search.filter(), "");
    assert_eq!(selected_name(&app), Some("Joe Hellerstein"));
    update(&mut app, Action::Back);
    assert_eq!(app.search.filter(), "stoica");
    assert_eq!(names(&app), ["Ion Stoica"]);
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
}

#[test]
fn a_filter_that_still_matches_stays() {
    let mut app = colleagues();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "databases");
    update(&mut app, Action::FilterAccept);
    select(&mut app, "Ion Stoica");
    update(&mut app, Action::FocusRelated);
    update(&mut app, Action::JumpToRelated(1));
    assert_eq!(app.search.filter(), "databases");
    assert_eq!(selected_name(&app), Some("Joe Hellerstein"));
}

#[test]
fn leaving_the_detail_pane_leaves_the_related_list() {
    let mut app = colleagues();
    select(&mut app, "Ion Stoica");
    update(&mut app, Action::FocusRelated);
    let faculty = app.screen.panes().faculty_rows;
    update(&mut app, Action::Click(Position::new(faculty.x, faculty.y)));
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(app.screen.focus(), Pane::Faculty);
}
