//! The shortlist's keys, at the level of `update`: a note typed (`n`) or
//! edited in an editor (`N`), the status stepped (`c`) or typed (`C`),
//! the question before losing them (`b`), undo (`u`), another field
//! copied (`Y`), and the favorites view sorted (`S`) and filtered (`F`).
//! The fake disk here applies each change as the runner's store does.

use super::*;
use crate::favorites::{Details, Edit, FavoriteKey};
use crate::fixture::{person, school};
use crate::model::{Field, PersonDraft};

/// Ion Stoica, with an email, a Scholar link and an office; Song Han and
/// Tim Kraska with none.
fn shortlist_app() -> App {
    let mut stoica = person(1, "Ion Stoica", "Professor", &["Cloud computing"]);
    stoica.edit(|draft: &mut PersonDraft| {
        draft.website = Some("https://people.eecs.berkeley.edu/~istoica/".into());
        draft.extra = vec![
            Field {
                key: "Email".into(),
                value: "istoica@berkeley.edu".into(),
            },
            Field {
                key: "Scholar".into(),
                value: "https://scholar.google.com/citations?user=vN-is70AAAAJ".into(),
            },
            Field {
                key: "Office".into(),
                value: "465 Soda Hall".into(),
            },
        ];
    });
    app_of(Directory {
        schools: vec![school("MIT", vec![]), school("UC Berkeley", vec![])],
        people: vec![
            person(0, "Song Han", "Associate Professor", &["Efficient AI"]),
            stoica,
            person(0, "Tim Kraska", "Associate Professor", &["Systems for ML"]),
        ],
    })
}

/// Applies `update`'s effects as the runner would, on `disk`, and hands
/// the answers back; returns the effects it did not carry out.
fn carry_out(app: &mut App, disk: &mut Favorites, effects: Vec<Effect>) -> Vec<Effect> {
    let mut left = Vec::new();
    for effect in effects {
        let answer = match effect {
            Effect::SaveFavorite(key, add) => {
                if add {
                    disk.add_on(key, Some("2025-03-01"));
                } else {
                    disk.remove(&key);
                }
                Action::Saved(Ok(disk.clone()))
            }
            Effect::EditFavorite(edit) => {
                edit.apply(disk, "2025-03-01");
                Action::Saved(Ok(disk.clone()))
            }
            Effect::ExpireStatus { .. } => continue,
            other => {
                left.push(other);
                continue;
            }
        };
        let more = update(app, answer);
        left.extend(carry_out(app, disk, more));
    }
    left
}

/// Presses `action` and carries out what it asks of the disk.
fn press(app: &mut App, disk: &mut Favorites, action: Action) -> Vec<Effect> {
    let effects = update(app, action);
    carry_out(app, disk, effects)
}

fn status(app: &App) -> &str {
    app.screen
        .status()
        .map_or("", |status| status.text.as_str())
}

fn details(app: &App, person: PersonId) -> Details {
    app.shortlist
        .details_of(person)
        .cloned()
        .unwrap_or_default()
}

fn stoica() -> FavoriteKey {
    FavoriteKey {
        school: "UC Berkeley".into(),
        name: "Ion Stoica".into(),
        website: Some("https://people.eecs.berkeley.edu/~istoica/".into()),
    }
}

#[test]
fn n_types_a_note_that_enter_saves_and_bookmarks() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    update(&mut app, Action::Down);
    press(&mut app, &mut disk, Action::EditNote);
    assert_eq!(app.screen.mode(), Mode::Note);
    for c in "Ask about RA — 東京".chars() {
        assert!(press(&mut app, &mut disk, Action::FilterInput(c)).is_empty());
    }
    // The filter's editing keys, in the note.
    press(&mut app, &mut disk, Action::FilterDeleteWord);
    press(&mut app, &mut disk, Action::FilterCursor(Motion::Start));
    press(&mut app, &mut disk, Action::FilterInput('¡'));
    assert!(
        app.search.filter().is_empty(),
        "the people's filter is untouched"
    );
    assert_eq!(names(&app).len(), 3);
    press(&mut app, &mut disk, Action::SaveText);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert!(app.shortlist.contains(1));
    assert_eq!(details(&app, 1).note.as_deref(), Some("¡Ask about RA —"));
    assert_eq!(details(&app, 1).added.as_deref(), Some("2025-03-01"));
    assert_eq!(
        status(&app),
        "★ Added Ion Stoica to favorites. Saved the note of Ion Stoica"
    );
    // Esc leaves it as it was.
    press(&mut app, &mut disk, Action::EditNote);
    press(&mut app, &mut disk, Action::ClearFilter);
    assert!(press(&mut app, &mut disk, Action::Cancel).is_empty());
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert_eq!(details(&app, 1).note.as_deref(), Some("¡Ask about RA —"));
    // Saved empty, the note goes; the favorite stays.
    press(&mut app, &mut disk, Action::EditNote);
    press(&mut app, &mut disk, Action::ClearFilter);
    press(&mut app, &mut disk, Action::SaveText);
    assert_eq!(details(&app, 1).note, None);
    assert!(app.shortlist.contains(1));
    assert_eq!(status(&app), "Removed the note of Ion Stoica");
}

#[test]
fn an_empty_note_bookmarks_no_one() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    press(&mut app, &mut disk, Action::EditNote);
    assert!(press(&mut app, &mut disk, Action::SaveText).is_empty());
    assert!(!app.shortlist.contains(0));
    assert_eq!(
        status(&app),
        "Nothing saved: Song Han is not a favorite, and the note is empty"
    );
}

#[test]
fn a_note_of_several_lines_keeps_them_on_one_line() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    update(&mut app, Action::Down);
    press(&mut app, &mut disk, Action::EditNote);
    press(
        &mut app,
        &mut disk,
        Action::FilterPaste("first\r\nsecond\tline".into()),
    );
    press(&mut app, &mut disk, Action::SaveText);
    assert_eq!(details(&app, 1).note.as_deref(), Some("first\nsecond line"));
    press(&mut app, &mut disk, Action::EditNote);
    let Some(Prompt::Text(prompt)) = &app.prompt else {
        panic!("the note's line is open");
    };
    assert_eq!(prompt.line.text(), "first\nsecond line");
    press(&mut app, &mut disk, Action::FilterBackspace);
    press(&mut app, &mut disk, Action::SaveText);
    assert_eq!(details(&app, 1).note.as_deref(), Some("first\nsecond lin"));
    // Unchanged, nothing is saved.
    press(&mut app, &mut disk, Action::EditNote);
    assert!(
        update(&mut app, Action::SaveText)
            .iter()
            .all(|e| !matches!(e, Effect::EditFavorite(_)))
    );
    assert_eq!(status(&app), "The note of Ion Stoica is unchanged");
}

#[test]
fn a_note_too_long_for_one_line_is_for_the_editor() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    let long = "x".repeat(MAX_NOTE_CHARS + 1);
    disk.edit(&stoica(), None, |d| d.note = Some(long.clone()));
    update(&mut app, Action::Saved(Ok(disk.clone())));
    update(&mut app, Action::Down);
    press(&mut app, &mut disk, Action::EditNote);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert!(
        status(&app).contains("too long to edit on one line: N opens it"),
        "{}",
        status(&app)
    );
    assert_eq!(
        update(&mut app, Action::EditNoteExternally),
        [Effect::EditNote {
            key: stoica(),
            note: long
        }]
    );
}

#[test]
fn n_in_the_editor_saves_what_it_left_or_says_why_not() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    update(&mut app, Action::Down);
    let effects = update(&mut app, Action::EditNoteExternally);
    assert_eq!(
        effects,
        [Effect::EditNote {
            key: stoica(),
            note: String::new()
        }]
    );
    let edited = Action::Edited {
        key: stoica(),
        result: Ok("Long note\nwith lines\n".into()),
    };
    press(&mut app, &mut disk, edited);
    assert_eq!(
        details(&app, 1).note.as_deref(),
        Some("Long note\nwith lines")
    );
    let failed = Action::Edited {
        key: stoica(),
        result: Err("The editor vim failed (exit status: 1); the note is unchanged".into()),
    };
    assert!(press(&mut app, &mut disk, failed).is_empty());
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.is_error && s.text.contains("vim failed"))
    );
    assert_eq!(
        details(&app, 1).note.as_deref(),
        Some("Long note\nwith lines")
    );
}

#[test]
fn c_steps_the_status_and_capital_c_types_one() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut app, &mut disk, Action::CycleStatus);
        seen.push(details(&app, 0).status);
    }
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        seen,
        [
            some("to contact"),
            some("contacted"),
            some("replied"),
            some("declined"),
            None
        ]
    );
    assert!(app.shortlist.contains(0), "bookmarked by the first");
    press(&mut app, &mut disk, Action::EditStatus);
    assert_eq!(app.screen.mode(), Mode::Note);
    for c in "Waiting  for\tfunding".chars() {
        press(&mut app, &mut disk, Action::FilterInput(c));
    }
    press(&mut app, &mut disk, Action::SaveText);
    assert_eq!(
        details(&app, 0).status.as_deref(),
        Some("Waiting for funding")
    );
    assert_eq!(status(&app), "Song Han: Waiting for funding");
    // Typed as profdex spells it, a known status is that status.
    press(&mut app, &mut disk, Action::EditStatus);
    press(&mut app, &mut disk, Action::ClearFilter);
    press(&mut app, &mut disk, Action::FilterPaste("REPLIED".into()));
    press(&mut app, &mut disk, Action::SaveText);
    assert_eq!(details(&app, 0).status.as_deref(), Some("replied"));
}

#[test]
fn what_was_typed_and_not_saved_comes_back() {
    let mut app = shortlist_app();
    update(&mut app, Action::EditNote);
    update(&mut app, Action::FilterPaste("a long thought".into()));
    let effects = update(&mut app, Action::SaveText);
    assert!(
        matches!(effects[..], [Effect::EditFavorite(Edit::Note(..))]),
        "{effects:?}"
    );
    update(&mut app, Action::Saved(Err("disk full".into())));
    assert!(app.screen.status().is_some_and(|s| {
        s.is_error && s.text == "The note of Song Han is not saved: disk full"
    }));
    assert!(!app.shortlist.contains(0));
    update(&mut app, Action::EditNote);
    let Some(Prompt::Text(prompt)) = &app.prompt else {
        panic!("the note's line is open");
    };
    assert_eq!(prompt.line.text(), "a long thought");
}

mod arranging;
