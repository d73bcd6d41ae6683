//! Link states in the browser: shown as known, checked by `L` only.

use super::*;
use crate::links::{Outcome, State, Stored};

fn outcome(state: State, final_url: Option<&str>) -> Outcome {
    Outcome {
        status: Some(404),
        final_url: final_url.map(str::to_owned),
        ..Outcome::new(state, "404 Not Found")
    }
}

/// What `update` asked for besides expiring the status message.
fn acts(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|effect| !matches!(effect, Effect::ExpireStatus { .. }))
        .collect()
}

/// The app with Ion Stoica (the third person) selected.
fn on_stoica() -> (App, String) {
    let mut app = app();
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let url = "https://people.eecs.berkeley.edu/~istoica/".to_string();
    (app, url)
}

#[test]
fn a_dead_website_asks_once_and_the_same_key_opens_it() {
    let (mut app, url) = on_stoica();
    let known = Stored::from([(url.clone(), outcome(State::Dead, None))]);
    assert!(update(&mut app, Action::LinksKnown(known)).is_empty());
    assert!(app.links.is_dead(&url));
    assert!(update(&mut app, Action::OpenWebsite).is_empty());
    let status = app
        .screen
        .status()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("was dead (404 Not Found"), "{status}");
    assert_eq!(
        update(&mut app, Action::OpenWebsite),
        [Effect::Open(url.clone())]
    );
    // Asked again after another key.
    update(&mut app, Action::Up);
    update(&mut app, Action::Down);
    assert!(update(&mut app, Action::OpenWebsite).is_empty());
    // A lab known dead asks too; another key (the website's) forgets it.
    let lab = "https://sky.cs.berkeley.edu/".to_string();
    update(
        &mut app,
        Action::LinksKnown(Stored::from([(lab.clone(), outcome(State::Dead, None))])),
    );
    assert!(update(&mut app, Action::OpenLab(2)).is_empty());
    let status = app
        .screen
        .status()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.starts_with("Lab "), "{status}");
    assert_eq!(update(&mut app, Action::OpenLab(2)), [Effect::Open(lab)]);
}

#[test]
fn a_moved_website_offers_where_it_went() {
    let (mut app, url) = on_stoica();
    let to = "https://stoica.example/";
    let known = Stored::from([(url, outcome(State::Moved, Some(to)))]);
    update(&mut app, Action::LinksKnown(known));
    assert!(acts(update(&mut app, Action::OpenWebsite)).is_empty());
    let status = app
        .screen
        .status()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("moved to https://stoica.example/"),
        "{status}"
    );
    assert_eq!(
        update(&mut app, Action::OpenWebsite),
        [Effect::Open(to.into())]
    );
}

#[test]
fn l_checks_the_persons_links_and_what_it_finds_is_kept() {
    let (mut app, url) = on_stoica();
    let effects = acts(update(&mut app, Action::CheckLinks));
    let [Effect::CheckLinks(urls)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(urls[0], url);
    assert!(
        urls.contains(&"https://sky.cs.berkeley.edu/".to_string()),
        "labs too"
    );
    assert!(app.links.is_checking(&url));
    // Again while they are under way: nothing more is asked.
    assert!(acts(update(&mut app, Action::CheckLinks)).is_empty());
    let checked: Vec<(String, Outcome)> = urls
        .iter()
        .map(|u| (u.clone(), outcome(State::Dead, None)))
        .collect();
    update(&mut app, Action::LinksChecked(checked));
    assert!(!app.links.is_checking(&url) && app.links.is_dead(&url));
    // The store read late does not undo what was found since.
    let stale = Stored::from([(url.clone(), Outcome::new(State::Ok, "200 OK"))]);
    update(&mut app, Action::LinksKnown(stale));
    assert!(app.links.is_dead(&url));
}
