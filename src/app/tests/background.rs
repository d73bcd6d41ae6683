//! The background search seen from the app: keys wait for its answer,
//! answers overtaken by typing are dropped, a failed worker is replaced.

use super::*;
use crate::worker::{SearchRequest, SearchResult};
/// An app over enough people to be searched in the background, with
/// Ion Stoica last.
fn large_app() -> App {
    let mut directory = directory();
    let ion = directory.people[2].clone();
    while directory.people.len() < BACKGROUND_SEARCH {
        let mut next = directory.people[1].clone();
        let name = format!("Person {}", directory.people.len());
        next.edit(|draft| draft.name = name);
        directory.people.push(next);
    }
    directory.people.push(ion);
    App::new(
        directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 120, 40),
    )
}

/// The one background search an action asked for.
fn search_request(effects: &[Effect]) -> SearchRequest {
    match effects {
        [Effect::Search(request)] => request.clone(),
        other => panic!("a long list is searched in the background: {other:?}"),
    }
}

/// What the worker would answer to `request`.
fn answer(app: &App, request: &SearchRequest) -> Action {
    let catalogue = &app.catalogue;
    let hits = catalogue
        .index()
        .search(catalogue.directory(), &request.query, &request.candidates);
    Action::Searched(SearchResult {
        generation: request.generation,
        query: request.query.clone(),
        hits,
    })
}

#[test]
fn long_lists_are_searched_in_the_background() {
    let mut app = large_app();
    update(&mut app, Action::StartFilter);
    let first = search_request(&update(&mut app, Action::FilterInput('s')));
    assert!(app.search.is_searching());
    assert_eq!(app.search.filter(), "s", "the filter line answers at once");
    let second = search_request(&update(&mut app, Action::FilterInput('t')));
    assert!(
        second.generation > first.generation,
        "each keystroke asks again"
    );
    // An answer overtaken by typing is dropped.
    let stale = answer(&app, &first);
    update(&mut app, stale);
    assert!(app.search.is_searching());
    let latest = answer(&app, &second);
    update(&mut app, latest);
    assert!(!app.search.is_searching());
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
    // Clearing answers at once, and a late answer cannot bring the filter back.
    update(&mut app, Action::FilterInput('o'));
    assert!(app.search.is_searching());
    assert_eq!(
        update(&mut app, Action::ClearFilter),
        [Effect::CancelSearch]
    );
    assert!(!app.search.is_searching());
    assert_eq!(
        app.search.hits().len(),
        app.catalogue.directory().people.len()
    );
}

/// Types `text` into the filter of a large app and returns the background
/// search the last key asked for.
fn type_searching(app: &mut App, text: &str) -> SearchRequest {
    let mut request = None;
    for c in text.chars() {
        for effect in update(app, Action::FilterInput(c)) {
            if let Effect::Search(asked) = effect {
                request = Some(asked);
            }
        }
    }
    assert!(app.search.is_searching());
    request.expect("a long list is searched in the background")
}

/// A key acting on the selection mid-search waits for the worker's answer
/// instead of searching again on the interface thread: no second search,
/// and nothing for the worker to throw away.
#[test]
fn acting_on_the_selection_mid_search_waits_for_the_worker() {
    let mut app = large_app();
    update(&mut app, Action::StartFilter);
    let request = type_searching(&mut app, "stoica");
    assert!(update(&mut app, Action::ToggleFavorite).is_empty());
    assert!(app.search.is_searching() && app.search.is_awaiting());
    let answered = answer(&app, &request);
    let effects = update(&mut app, answered);
    let [Effect::SaveFavorite(key, true)] = &effects[..] else {
        panic!("the favorite is saved once the answer is in: {effects:?}");
    };
    assert_eq!(key.name, "Ion Stoica");
    assert!(!app.search.is_awaiting());
    for (action, expected) in [
        (
            Action::OpenWebsite,
            Some("https://people.eecs.berkeley.edu/~istoica/"),
        ),
        (
            Action::CopyUrl,
            Some("https://people.eecs.berkeley.edu/~istoica/"),
        ),
        (Action::Down, None),
    ] {
        update(&mut app, Action::ClearFilter);
        let request = type_searching(&mut app, "stoica");
        assert!(
            update(&mut app, action.clone()).is_empty(),
            "{action:?} waits"
        );
        let answered = answer(&app, &request);
        let effects = update(&mut app, answered);
        let url = effects.iter().find_map(|effect| match effect {
            Effect::Open(url) | Effect::Copy(url) => Some(url.as_str()),
            _ => None,
        });
        assert_eq!(url, expected, "{action:?}: {effects:?}");
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, Effect::Search(_) | Effect::CancelSearch))
        );
    }
}

#[test]
fn keys_on_the_selection_wait_for_the_search_under_way() {
    let mut app = large_app();
    update(&mut app, Action::StartFilter);
    let request = type_searching(&mut app, "stoica");
    // Enter keeps the filter at once; the bookmark waits for the answer.
    update(&mut app, Action::FilterAccept);
    assert_eq!(app.screen.mode(), Mode::Browse);
    assert!(update(&mut app, Action::ToggleFavorite).is_empty());
    let answered = answer(&app, &request);
    let [Effect::SaveFavorite(key, true)] = &update(&mut app, answered)[..] else {
        panic!("bookmarks the person the filter found");
    };
    assert_eq!(key.name, "Ion Stoica");
    assert_eq!(selected_name(&app), Some("Ion Stoica"));
}

#[test]
fn a_waiting_key_acts_even_when_the_worker_fails() {
    let mut app = large_app();
    update(&mut app, Action::StartFilter);
    type_searching(&mut app, "stoica");
    assert!(update(&mut app, Action::CopyUrl).is_empty());
    let effects = update(&mut app, Action::SearchFailed("stopped".into()));
    assert!(effects.contains(&Effect::Copy(
        "https://people.eecs.berkeley.edu/~istoica/".into()
    )));
}

#[test]
fn scrolling_the_help_mid_search_waits_for_nothing() {
    let mut app = large_app();
    update(&mut app, Action::StartFilter);
    type_searching(&mut app, "stoica");
    update(&mut app, Action::ToggleHelp);
    update(&mut app, Action::Down);
    assert!(!app.search.is_awaiting());
}

#[test]
fn after_the_background_search_fails_searches_run_at_once() {
    let mut directory = directory();
    while directory.people.len() < BACKGROUND_SEARCH {
        directory.people.push(directory.people[0].clone());
    }
    let mut app = App::new(
        directory,
        Favorites::default(),
        Theme::colored(),
        Rect::new(0, 0, 120, 40),
    );
    assert!(matches!(
        update(&mut app, Action::FilterInput('s'))[..],
        [Effect::Search(_)]
    ));
    update(
        &mut app,
        Action::SearchFailed("the search stopped working".into()),
    );
    assert!(!app.search.is_searching());
    assert!(app.screen.status().is_some_and(|s| s.is_error));
    assert!(update(&mut app, Action::FilterInput('o')).is_empty());
    assert!(!app.search.is_searching());
}

/// A long search shows its best hits so far and goes on; keys on the
/// selection still wait for the final answer.
#[test]
fn early_hits_are_shown_while_the_search_goes_on() {
    let mut app = large_app();
    update(&mut app, Action::StartFilter);
    let request = type_searching(&mut app, "person");
    let Action::Searched(full) = answer(&app, &request) else {
        unreachable!("answer is always Searched")
    };
    let early = SearchResult {
        hits: full.hits[..10].to_vec(),
        ..full.clone()
    };
    assert!(update(&mut app, Action::ToggleFavorite).is_empty());
    assert!(update(&mut app, Action::SearchProgress(early.clone())).is_empty());
    assert_eq!(app.search.hits(), &full.hits[..10]);
    assert!(app.search.is_searching() && app.search.is_awaiting());
    // Early hits of an overtaken search are not shown.
    let stale = SearchResult {
        generation: early.generation - 1,
        hits: Vec::new(),
        ..early
    };
    update(&mut app, Action::SearchProgress(stale));
    assert_eq!(app.search.hits().len(), 10);
    let effects = update(&mut app, Action::Searched(full.clone()));
    assert!(matches!(effects[..], [Effect::SaveFavorite(_, true)]));
    assert!(!app.search.is_searching());
    assert_eq!(app.search.hits(), &full.hits[..]);
}
