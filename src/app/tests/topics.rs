//! The topics pane: switching to it, its counts per scope, choosing a
//! topic (which writes `topic:"…"` into the people's filter), and its filter.

use super::*;
use crate::fixture::{person, school};
use crate::model::Directory;

/// Databases at both schools, machine learning at both, robotics at one.
fn lab() -> App {
    app_of(lab_directory())
}

fn lab_directory() -> Directory {
    Directory {
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
                &["Distributed systems", "Databases"],
            ),
            person(1, "Joe Hellerstein", "Professor", &["Databases"]),
            person(1, "Anca Dragan", "Professor", &["Robotics", "ML"]),
            person(1, "Nobody Topical", "Lecturer", &[]),
        ],
    }
}

/// The topics pane's rows as label and count; row 0 is "" for no topic.
fn rows(app: &App) -> Vec<(String, usize)> {
    (0..app.topics.rows())
        .filter_map(|row| app.topics.row(row))
        .map(|row| match row {
            TopicRow::Any => (String::new(), app.scope_total()),
            TopicRow::Topic(count) => (
                app.catalogue.topics().get(count.topic).label.clone(),
                count.people,
            ),
        })
        .collect()
}

/// The people listed, in name order: a topic's people rank alike.
fn listed(app: &App) -> Vec<&str> {
    let mut names = names(app);
    names.sort_unstable();
    names
}

fn chosen_label(app: &App) -> Option<String> {
    let topic = app.topics.chosen(app.search.filter())?;
    Some(app.catalogue.topics().get(topic).label.clone())
}

#[test]
fn t_switches_the_left_pane_between_schools_and_topics() {
    let mut app = lab();
    update(&mut app, Action::ToggleTopics);
    assert_eq!(app.screen.focus(), Pane::Topics);
    assert_eq!(app.screen.panes().left_pane, Pane::Topics);
    // Tab goes round through the topics, which stay on the left.
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.screen.focus(), Pane::Detail);
    update(&mut app, Action::FocusNext);
    assert_eq!(app.screen.focus(), Pane::Topics);
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::FocusLeft);
    assert_eq!(app.screen.focus(), Pane::Topics);
    // From another pane, `t` goes back to the topics.
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::ToggleTopics);
    assert_eq!(app.screen.focus(), Pane::Topics);
    update(&mut app, Action::ToggleTopics);
    assert_eq!(app.screen.focus(), Pane::Schools);
    assert_eq!(app.screen.panes().left_pane, Pane::Schools);
}

#[test]
fn the_topics_are_counted_most_common_first_with_synonyms_together() {
    let app = lab();
    let rows = rows(&app);
    assert_eq!(rows[0], (String::new(), 6), "no topic: everyone");
    assert_eq!(rows[1], ("Databases".to_string(), 3));
    assert_eq!(rows[2], ("Machine learning".to_string(), 2), "ML too");
    assert_eq!(rows.len(), 1 + 6);
}

#[test]
fn moving_through_the_topics_narrows_the_list_across_schools() {
    let mut app = lab();
    update(&mut app, Action::ToggleTopics);
    update(&mut app, Action::Down);
    assert_eq!(app.search.filter(), "topic:\"Databases\"");
    assert_eq!(
        listed(&app),
        ["Ion Stoica", "Joe Hellerstein", "Sam Madden"]
    );
    assert_eq!(chosen_label(&app).as_deref(), Some("Databases"));
    // The next topic takes the place of the first in the filter.
    update(&mut app, Action::Down);
    assert_eq!(app.search.filter(), "topic:\"Machine learning\"");
    // Back to no topic: the filter is empty again, everyone listed.
    update(&mut app, Action::Top);
    assert_eq!(app.search.filter(), "");
    assert_eq!(names(&app).len(), 6);
    assert_eq!(chosen_label(&app), None);
}

#[test]
fn a_topic_joins_what_the_user_typed_and_can_be_edited_away() {
    let mut app = lab();
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "ion");
    update(&mut app, Action::FilterAccept);
    update(&mut app, Action::ToggleTopics);
    update(&mut app, Action::Down);
    assert_eq!(app.search.filter(), "ion topic:\"Databases\"");
    assert_eq!(names(&app), ["Ion Stoica"]);
    // Edited by hand, the term is no longer the pane's: the next choice
    // is added rather than replacing what the user wrote.
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::StartFilter);
    update(&mut app, Action::FilterBackspace);
    assert_eq!(chosen_label(&app), None);
    update(&mut app, Action::LeaveFilter);
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    assert_eq!(
        app.search.filter(),
        "ion topic:\"Databases topic:\"Machine learning\""
    );
}

#[test]
fn within_a_school_the_topics_are_the_schools_own() {
    let mut app = lab();
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Bottom);
    assert_eq!(app.scope(), Scope::School(1));
    update(&mut app, Action::ToggleTopics);
    let rows = rows(&app);
    assert_eq!(rows[0].1, 4, "Berkeley's people");
    assert_eq!(rows[1], ("Databases".to_string(), 2));
    assert!(!rows.iter().any(|(label, _)| label == "Hardware"));
    update(&mut app, Action::Down);
    assert_eq!(listed(&app), ["Ion Stoica", "Joe Hellerstein"]);
    // Back on the schools, moving to everyone keeps the topic chosen.
    update(&mut app, Action::ToggleTopics);
    update(&mut app, Action::Top);
    assert_eq!(
        listed(&app),
        ["Ion Stoica", "Joe Hellerstein", "Sam Madden"]
    );
    update(&mut app, Action::ToggleTopics);
    assert_eq!(rows_selected_label(&app).as_deref(), Some("Databases"));
}

fn rows_selected_label(app: &App) -> Option<String> {
    match app.topics.row(app.topic_cursor.selected())? {
        TopicRow::Any => None,
        TopicRow::Topic(count) => Some(app.catalogue.topics().get(count.topic).label.clone()),
    }
}

#[test]
fn the_favorites_topics_follow_the_favorites() {
    let mut app = lab();
    update(&mut app, Action::Down);
    let song = FavoriteKey {
        school: "MIT".into(),
        name: "Song Han".into(),
        website: None,
    };
    assert_eq!(
        update(&mut app, Action::ToggleFavorite),
        [Effect::SaveFavorite(song.clone(), true)]
    );
    let mut on_disk = Favorites::default();
    on_disk.add(song);
    update(&mut app, Action::Saved(Ok(on_disk)));
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    assert_eq!(app.scope(), Scope::Favorites);
    assert_eq!(
        rows(&app)[1..],
        [
            ("Machine learning".to_string(), 1),
            ("Hardware".to_string(), 1)
        ],
        "equal counts in the order of the whole directory"
    );
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::ToggleFavorite);
    update(&mut app, Action::Saved(Ok(Favorites::default())));
    assert_eq!(rows(&app), [(String::new(), 0)], "no favorites, no topics");
}

#[test]
fn the_topics_filter_chooses_its_best_match_and_enter_shows_the_list() {
    let mut app = lab();
    update(&mut app, Action::ToggleTopics);
    update(&mut app, Action::StartFilter);
    assert!(app.editing_topics());
    type_text(&mut app, "dist");
    assert_eq!(
        rows_selected_label(&app).as_deref(),
        Some("Distributed systems")
    );
    assert_eq!(app.search.filter(), "topic:\"Distributed systems\"");
    assert_eq!(names(&app), ["Ion Stoica"]);
    // A synonym finds the topic it stands for.
    update(&mut app, Action::ClearFilter);
    type_text(&mut app, "ml");
    assert_eq!(
        rows_selected_label(&app).as_deref(),
        Some("Machine learning")
    );
    // Matching nothing leaves the choice as it was.
    type_text(&mut app, "qqq");
    assert_eq!(app.topics.rows(), 0);
    assert_eq!(app.search.filter(), "topic:\"Machine learning\"");
    update(&mut app, Action::FilterAccept);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(app.screen.focus(), Pane::Faculty);
}

#[test]
fn a_click_on_a_topic_chooses_it() {
    let mut app = lab();
    update(&mut app, Action::ToggleTopics);
    let rows = app.screen.panes().left_rows;
    update(
        &mut app,
        Action::Click(Position::new(rows.x + 2, rows.y + 1)),
    );
    assert_eq!(app.search.filter(), "topic:\"Databases\"");
}

/// Found by the fuzzer: at 80 columns the chart takes rows from the list
/// while a left pane has the focus, and the selected person stayed below
/// the rows left.
#[test]
fn the_selection_stays_on_screen_when_the_chart_takes_rows() {
    let mut directory = lab_directory();
    for n in 0..30 {
        directory
            .people
            .push(person(0, &format!("Person {n}"), "Professor", &["Topic"]));
    }
    let mut app = App::new(
        directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 80, 24),
    );
    // MIT's list, its last person, then `s`: the school is already the
    // scope, and only the focus moves.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::Bottom);
    update(&mut app, Action::JumpToSchool);
    assert_eq!(app.screen.focus(), Pane::Schools);
    let rows = usize::from(app.screen.panes().faculty_rows.height);
    let (offset, selected) = (app.people.offset(), app.people.selected());
    assert!(
        offset <= selected && selected < offset + rows,
        "row {selected} of {offset}..{}",
        offset + rows
    );
}
