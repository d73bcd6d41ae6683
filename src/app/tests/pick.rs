//! `profdex pick`: marks, choosing and giving up, as state.

use super::*;

fn picker(multi: bool) -> App {
    app().into_picker(multi)
}

fn chosen(app: &App) -> Option<Vec<&str>> {
    match app.pick.as_ref()?.outcome()? {
        Picked::Chosen(people) => Some(
            people
                .iter()
                .map(|&p| app.catalogue.person(p).name())
                .collect(),
        ),
        Picked::Aborted => None,
    }
}

fn person_named(app: &App, name: &str) -> PersonId {
    app.catalogue
        .everyone()
        .iter()
        .copied()
        .find(|&p| app.catalogue.person(p).name() == name)
        .expect("in the fixture")
}

#[test]
fn the_filter_has_the_keys_from_the_start_and_enter_chooses() {
    let mut app = picker(false);
    assert_eq!(app.screen.mode(), Mode::Pick);
    type_text(&mut app, "sto");
    assert_eq!(names(&app), ["Ion Stoica"]);
    update(&mut app, Action::Accept);
    assert!(app.screen.should_quit());
    assert_eq!(chosen(&app), Some(vec!["Ion Stoica"]));
}

#[test]
fn enter_on_an_empty_list_chooses_no_one() {
    let mut app = picker(false);
    type_text(&mut app, "xqzzy");
    update(&mut app, Action::Accept);
    assert_eq!(chosen(&app), Some(vec![]));
}

#[test]
fn abort_chooses_nothing_and_quits() {
    let mut app = picker(true);
    update(&mut app, Action::MarkDown);
    update(&mut app, Action::Abort);
    assert!(app.screen.should_quit());
    assert_eq!(
        app.pick.as_ref().and_then(Picker::outcome),
        Some(&Picked::Aborted)
    );
}

#[test]
fn marks_are_chosen_in_marking_order_and_survive_the_filter() {
    let mut app = picker(true);
    type_text(&mut app, "zaharia");
    update(&mut app, Action::MarkDown);
    update(&mut app, Action::ClearFilter);
    type_text(&mut app, "stoica");
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    update(&mut app, Action::MarkUp);
    let picker = app.pick.as_ref().expect("picking");
    assert_eq!(picker.marked(), 2);
    assert!(picker.is_marked(person_named(&app, "Matei Zaharia")));
    update(&mut app, Action::ClearFilter);
    // On someone unmarked, Enter still prints the marked ones.
    update(&mut app, Action::Accept);
    assert_eq!(chosen(&app), Some(vec!["Matei Zaharia", "Ion Stoica"]));
}

#[test]
fn marking_again_unmarks_and_tab_moves_down() {
    let mut app = picker(true);
    let first = selected_name(&app).map(String::from);
    update(&mut app, Action::MarkDown);
    assert_ne!(selected_name(&app).map(String::from), first, "moved down");
    assert_eq!(app.pick.as_ref().map(Picker::marked), Some(1));
    update(&mut app, Action::Up);
    update(&mut app, Action::MarkUp);
    assert_eq!(app.pick.as_ref().map(Picker::marked), Some(0), "unmarked");
    // Marked again, then the next: the order is the new marking's.
    update(&mut app, Action::MarkDown);
    let second = selected_name(&app).map(String::from);
    update(&mut app, Action::MarkDown);
    update(&mut app, Action::Accept);
    let chosen: Vec<String> = chosen(&app)
        .expect("chosen")
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(
        chosen,
        [first, second].into_iter().flatten().collect::<Vec<_>>()
    );
}

#[test]
fn without_multi_tab_does_nothing() {
    let mut app = picker(false);
    let first = selected_name(&app).map(String::from);
    update(&mut app, Action::MarkDown);
    assert_eq!(selected_name(&app).map(String::from), first);
    assert_eq!(app.pick.as_ref().map(Picker::marked), Some(0));
}

#[test]
fn help_opens_over_the_picker_and_closes_back_to_it() {
    let mut app = picker(false);
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.screen.mode(), Mode::PickHelp);
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.screen.mode(), Mode::Pick);
    type_text(&mut app, "han");
    assert!(names(&app).contains(&"Song Han"));
}

#[test]
fn enter_on_a_school_shows_its_list_and_typing_finds_schools() {
    let mut app = picker(false);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.screen.focus(), Pane::Schools);
    assert!(app.editing_schools(), "typing goes to the schools' filter");
    type_text(&mut app, "mit");
    update(&mut app, Action::Accept);
    assert!(!app.screen.should_quit());
    assert_eq!(app.screen.focus(), Pane::Faculty);
    assert_eq!(app.screen.mode(), Mode::Pick);
    assert!(names(&app).iter().all(
        |&name| app.catalogue.person(person_named(&app, name)).school
            == app.catalogue.directory().find_school("MIT").expect("MIT")
    ));
}
