//! `profdex pick`'s screen, rendered into a buffer from scripted actions on
//! the built-in data, compared with insta snapshots.

use profdex::app::{Action, App, update};
use profdex::favorites::Favorites;
use profdex::screenshot::{app_with, render, text};

fn picker(multi: bool, actions: &[Action]) -> App {
    let mut app = app_with(120, 24, Favorites::default(), &[]).into_picker(multi);
    for action in actions {
        update(&mut app, action.clone());
    }
    app
}

#[test]
fn picking_several_marks_rows_and_counts_them() {
    let mut actions: Vec<Action> = "sys".chars().map(Action::FilterInput).collect();
    actions.extend([Action::MarkDown, Action::MarkDown]);
    let app = picker(true, &actions);
    insta::assert_snapshot!(text(&render(&app)));
}

#[test]
fn the_pickers_help_lists_its_own_keys() {
    let app = picker(false, &[Action::ToggleHelp]);
    let screen = text(&render(&app));
    insta::assert_snapshot!(screen);
    assert!(screen.contains("Picking (profdex pick)"));
    assert!(!screen.contains("Ctrl-z"), "{screen}");
}
