//! The event loop with scripted keys, a `TestBackend` and the real background
//! search, on a directory large enough to be searched in the background.

use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use profdex::app::{App, BACKGROUND_SEARCH};
use profdex::favorites::{Favorites, Store};
use profdex::model::{Directory, Person, PersonDraft, School};
use profdex::tui::{EventSource, SystemHost, run_loop};
use profdex::ui::Theme;
use profdex::worker::SearchWorker;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// Keys from a script; when it runs out, the loop ends once nothing is
/// still being searched.
struct Script(VecDeque<Event>);

impl Script {
    fn typing(keys: &str) -> Script {
        let events = keys
            .chars()
            .map(|c| {
                let code = if c == '\n' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                };
                Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
            })
            .collect();
        Script(events)
    }
}

impl EventSource for Script {
    fn next_event(&mut self) -> io::Result<Option<Event>> {
        Ok(self.0.pop_front())
    }

    fn ready(&mut self, timeout: Duration) -> io::Result<bool> {
        if self.0.is_empty() {
            std::thread::sleep(timeout);
        }
        Ok(!self.0.is_empty())
    }
}

fn large_directory() -> Directory {
    let mut faculty: Vec<Person> = (0..BACKGROUND_SEARCH * 2)
        .map(|n| {
            PersonDraft {
                school: n % 2,
                name: format!("Person Number {n}"),
                title: Some("Professor".into()),
                research: vec!["Systems".into(), "Databases".into()],
                ..PersonDraft::default()
            }
            .build()
        })
        .collect();
    faculty.insert(
        BACKGROUND_SEARCH,
        PersonDraft {
            school: 1,
            name: "Ion Stoica".into(),
            title: Some("Professor, Director of Sky Computing Lab".into()),
            research: vec!["Cloud computing".into()],
            website: Some("https://people.eecs.berkeley.edu/~istoica/".into()),
            ..PersonDraft::default()
        }
        .build(),
    );
    let school = |name: &str| School {
        name: name.into(),
        ..School::default()
    };
    Directory {
        schools: vec![school("MIT"), school("UC Berkeley")],
        people: faculty,
    }
}

/// The browser on the large directory at 120x30, with the real host and
/// its background search, saving favorites to `store`.
fn browser(store: Store) -> (App, SystemHost, Terminal<TestBackend>) {
    let area = Rect::new(0, 0, 120, 30);
    let app = App::new(
        large_directory(),
        Favorites::default(),
        Theme::colored(),
        area,
    );
    let search = SearchWorker::spawn(
        Arc::clone(app.catalogue.directory()),
        Arc::clone(app.catalogue.index()),
    );
    let host = SystemHost::new(store, None, search);
    let terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    (app, host, terminal)
}

#[test]
fn typing_on_a_large_directory_shows_the_background_answer() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (mut app, mut host, mut terminal) = browser(Store::new(dir.path().join("favorites.json")));
    run_loop(
        &mut terminal,
        &mut app,
        &mut Script::typing("/stoica"),
        &mut host,
    )
    .expect("loop");

    // The script ended while the search ran; the loop waited for its answer.
    assert!(!app.search.is_searching());
    assert_eq!(app.search.filter(), "stoica");
    let first = app
        .search
        .hits()
        .first()
        .map(|hit| app.catalogue.person(hit.person).name());
    assert_eq!(first, Some("Ion Stoica"));
    // Draw once more, as the loop would before the next key.
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .expect("draw");
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(screen.contains("Professor, Director of Sky Computing"));
}

/// Keys typed faster than the search: `Enter b j` arrive while the worker
/// is still searching. The bookmark waits for its answer and the key after
/// it waits behind it, so the best match is bookmarked and then the
/// selection moves on, as the user meant.
#[test]
fn keys_typed_ahead_of_the_search_act_on_its_answer_in_order() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let store = Store::new(dir.path().join("favorites.json"));
    let (mut app, mut host, mut terminal) = browser(store.clone());
    run_loop(
        &mut terminal,
        &mut app,
        &mut Script::typing("/number 1\nbj"),
        &mut host,
    )
    .expect("loop");
    let best = app.search.hits()[0].person;
    let saved = store.load().expect("favorites");
    let names: Vec<&str> = saved.keys().iter().map(|key| key.name.as_str()).collect();
    assert_eq!(names, [app.catalogue.person(best).name()]);
    assert!(app.search.hits().len() > 1);
    assert_eq!(app.people.selected(), 1, "j moved after the bookmark");
}
