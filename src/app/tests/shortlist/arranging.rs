//! Losing and keeping favorites (`b` asks first, `u` undoes), copying
//! another field (`Y`), and the favorites view sorted (`S`) and filtered
//! (`F`).

use super::*;

#[test]
fn removing_a_favorite_with_a_note_asks_first() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    update(&mut app, Action::Down);
    press(&mut app, &mut disk, Action::CycleStatus);
    // Anything but `b` keeps it, and does nothing else.
    for other in [
        Action::Down,
        Action::Click(Position::new(5, 5)),
        Action::FilterPaste("x".into()),
        Action::Cancel,
    ] {
        assert!(press(&mut app, &mut disk, Action::ToggleFavorite).is_empty());
        assert_eq!(app.screen.mode(), Mode::Confirm);
        assert!(
            press(&mut app, &mut disk, other.clone()).is_empty(),
            "{other:?}"
        );
        assert_eq!(app.screen.mode(), Mode::Browse, "{other:?}");
        assert_eq!(selected_name(&app), Some("Ion Stoica"), "{other:?}");
        assert!(app.shortlist.contains(1));
        assert_eq!(
            status(&app),
            "Kept Ion Stoica in favorites, with the status"
        );
    }
    press(&mut app, &mut disk, Action::ToggleFavorite);
    press(&mut app, &mut disk, Action::ToggleFavorite);
    assert!(!app.shortlist.contains(1));
    assert_eq!(status(&app), "Removed Ion Stoica from favorites (u undoes)");
    // One with neither goes at once.
    update(&mut app, Action::Down);
    press(&mut app, &mut disk, Action::ToggleFavorite);
    assert!(app.shortlist.contains(2));
    press(&mut app, &mut disk, Action::ToggleFavorite);
    assert!(!app.shortlist.contains(2));
    assert_eq!(app.screen.mode(), Mode::Browse);
}

#[test]
fn u_puts_back_the_last_removal_with_status_note_and_date() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    press(&mut app, &mut disk, Action::ToggleFavorite);
    update(&mut app, Action::Down);
    press(&mut app, &mut disk, Action::EditNote);
    press(&mut app, &mut disk, Action::FilterPaste("note".into()));
    press(&mut app, &mut disk, Action::SaveText);
    press(&mut app, &mut disk, Action::CycleStatus);
    let before = disk.clone();
    press(&mut app, &mut disk, Action::ToggleFavorite);
    press(&mut app, &mut disk, Action::ToggleFavorite);
    assert_eq!(disk.keys().len(), 1);
    press(&mut app, &mut disk, Action::Undo);
    assert_eq!(disk, before, "in its place, with everything");
    assert_eq!(status(&app), "Undone: Ion Stoica is back in favorites");
    // In the favorites view, the cursor goes to the one put back.
    update(&mut app, Action::FocusLeft);
    update(&mut app, Action::Down);
    update(&mut app, Action::FocusRight);
    update(&mut app, Action::Bottom);
    assert_eq!(selected_name(&app), Some("Song Han"));
    update(&mut app, Action::Top);
    press(&mut app, &mut disk, Action::ToggleFavorite);
    press(&mut app, &mut disk, Action::ToggleFavorite);
    assert_eq!(selected_name(&app), Some("Song Han"), "the next one");
    press(&mut app, &mut disk, Action::Undo);
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    // Then the status, then the note, then the bookmark itself.
    press(&mut app, &mut disk, Action::Undo);
    assert_eq!(details(&app, 1).status, None);
    assert_eq!(details(&app, 1).note.as_deref(), Some("note"));
    assert_eq!(
        status(&app),
        "Undone: the note and status of Ion Stoica are as they were"
    );
    press(&mut app, &mut disk, Action::Undo);
    assert!(!app.shortlist.contains(1));
    assert_eq!(status(&app), "Undone: Ion Stoica is not a favorite");
    assert!(app.shortlist.contains(0), "an add is undone by b, not u");
    press(&mut app, &mut disk, Action::Undo);
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.is_error && s.text == "Nothing to undo")
    );
}

#[test]
fn an_undo_that_fails_can_be_tried_again() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    press(&mut app, &mut disk, Action::ToggleFavorite);
    press(&mut app, &mut disk, Action::ToggleFavorite);
    assert_eq!(app.shortlist.undoable(), 1);
    update(&mut app, Action::Undo);
    update(&mut app, Action::Saved(Err("read-only file system".into())));
    assert_eq!(status(&app), "Not undone: read-only file system");
    assert_eq!(app.shortlist.undoable(), 1);
    press(&mut app, &mut disk, Action::Undo);
    assert!(app.shortlist.contains(0));
}

#[test]
fn capital_y_offers_the_other_fields_to_copy_or_open() {
    let mut app = shortlist_app();
    update(&mut app, Action::Down);
    update(&mut app, Action::CopyOther);
    assert_eq!(app.screen.mode(), Mode::Choose);
    let Some(Prompt::Copy(chooser)) = &app.prompt else {
        panic!("the chooser is open");
    };
    let offered: Vec<(&str, Opens)> = chooser
        .choices
        .iter()
        .map(|c| (c.label.as_str(), c.opens))
        .collect();
    assert_eq!(
        offered,
        [
            ("Email", Opens::Mail),
            ("Scholar", Opens::Web),
            ("Office", Opens::Nothing),
            ("Name", Opens::Nothing)
        ]
    );
    // `o` on the email opens it as mail.
    assert_eq!(
        update(&mut app, Action::OpenField),
        [Effect::OpenMail("istoica@berkeley.edu".into())]
    );
    assert_eq!(app.screen.mode(), Mode::Browse);
    update(&mut app, Action::CopyOther);
    update(&mut app, Action::Down);
    assert_eq!(
        update(&mut app, Action::OpenField),
        [Effect::Open(
            "https://scholar.google.com/citations?user=vN-is70AAAAJ".into()
        )]
    );
    update(&mut app, Action::CopyOther);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert!(update(&mut app, Action::OpenField).is_empty());
    assert!(
        app.screen
            .status()
            .is_some_and(|s| s.is_error && s.text.contains("Office"))
    );
    assert_eq!(app.screen.mode(), Mode::Choose, "still choosing");
    assert_eq!(
        update(&mut app, Action::CopyField(0)),
        [Effect::Copy("465 Soda Hall".into())]
    );
    update(&mut app, Action::CopyOther);
    assert_eq!(
        update(&mut app, Action::CopyField(4)),
        [Effect::Copy("Ion Stoica".into())]
    );
    update(&mut app, Action::CopyOther);
    assert!(update(&mut app, Action::CopyField(7)).is_empty());
    assert!(status(&app).contains("4 fields to copy: press 1–4"));
    update(&mut app, Action::Cancel);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert!(app.prompt.is_none());
    // Someone with no other field still has a name to copy.
    update(&mut app, Action::Up);
    update(&mut app, Action::CopyOther);
    assert_eq!(
        update(&mut app, Action::CopyField(1)),
        [Effect::Copy("Song Han".into())]
    );
}

#[test]
fn capital_s_and_f_arrange_the_favorites_view() {
    let (mut app, mut disk) = (shortlist_app(), Favorites::default());
    for (row, presses) in [(0, 2), (1, 0), (2, 1)] {
        update(&mut app, Action::Top);
        for _ in 0..row {
            update(&mut app, Action::Down);
        }
        press(&mut app, &mut disk, Action::ToggleFavorite);
        for _ in 0..presses {
            press(&mut app, &mut disk, Action::CycleStatus);
        }
    }
    // From all schools, `S` first shows the favorites: newest first.
    press(&mut app, &mut disk, Action::SortFavorites);
    assert_eq!(app.scope(), Scope::Favorites);
    assert_eq!(names(&app), ["Tim Kraska", "Ion Stoica", "Song Han"]);
    assert_eq!(status(&app), "★ Favorites by date added: 3 of 3");
    press(&mut app, &mut disk, Action::SortFavorites);
    assert_eq!(app.shortlist.sort(), Sort::Status);
    assert_eq!(names(&app), ["Tim Kraska", "Song Han", "Ion Stoica"]);
    press(&mut app, &mut disk, Action::SortFavorites);
    assert_eq!(names(&app), ["Ion Stoica", "Song Han", "Tim Kraska"]);
    press(&mut app, &mut disk, Action::SortFavorites);
    assert_eq!(
        names(&app),
        ["Song Han", "Tim Kraska", "Ion Stoica"],
        "by school"
    );
    // A filter narrows them and keeps the order.
    update(&mut app, Action::StartFilter);
    type_text(&mut app, "a");
    update(&mut app, Action::FilterAccept);
    assert_eq!(names(&app), ["Song Han", "Tim Kraska", "Ion Stoica"]);
    update(&mut app, Action::ClearFilter);
    // `F`: each status there is, then those without, then all.
    press(&mut app, &mut disk, Action::FilterStatus);
    assert_eq!(
        app.shortlist.filter(),
        &StatusFilter::Is("to contact".into())
    );
    assert_eq!(names(&app), ["Tim Kraska"]);
    assert_eq!(
        status(&app),
        "★ Favorites by school, to contact only: 1 of 3"
    );
    press(&mut app, &mut disk, Action::FilterStatus);
    assert_eq!(names(&app), ["Song Han"]);
    press(&mut app, &mut disk, Action::FilterStatus);
    assert_eq!(names(&app), ["Ion Stoica"]);
    // Its status stepped on, a favorite leaves the view.
    press(&mut app, &mut disk, Action::CycleStatus);
    assert!(names(&app).is_empty());
    press(&mut app, &mut disk, Action::FilterStatus);
    assert_eq!(
        app.shortlist.filter(),
        &StatusFilter::Is("to contact".into())
    );
    assert_eq!(names(&app), ["Tim Kraska", "Ion Stoica"], "by school");
}
