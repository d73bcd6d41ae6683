//! Starting the browser: loading behind the loading message, watching the
//! files from then on, going back to where the last run left off, and
//! saving where this one ends.

use std::sync::Arc;
use std::thread;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::live::Live;
use super::loading::{self, Prepared, Waited};
use super::reload::{Baseline, Reloader};
use super::{SystemHost, TerminalEvents, dispatch, resume, run_loop, screen};
use crate::app::{Action, Place, ScopeName};
use crate::layout::Pane;
use crate::setup::{Failure, Setup};
use crate::sources::Input;
use crate::watch::{Watched, Watcher};
use crate::worker::SearchWorker;

/// How the browser starts.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// Start afresh rather than where the last run left off (`--fresh`).
    pub fresh: bool,
    /// The filter to start with (`--query`), over the one restored.
    pub query: Option<String>,
    /// The school to start in (`--school`), over the one restored.
    pub school: Option<String>,
}

impl Start {
    /// Where `--query` and `--school` ask to start, if they do; or why
    /// the school named is not one.
    fn asked(&self, app: &crate::app::App) -> Option<Result<Place, String>> {
        if self.query.is_none() && self.school.is_none() {
            return None;
        }
        let directory = app.catalogue.directory();
        let scope = match self
            .school
            .as_deref()
            .map(|name| crate::cli::find_school(directory, name))
        {
            Some(Ok(school)) => Some(ScopeName::School(directory.schools[school].name.clone())),
            Some(Err(error)) => return Some(Err(error.to_string())),
            None => None,
        };
        Some(Ok(Place {
            scope,
            filter: self.query.clone(),
            ..Place::default()
        }))
    }
}

/// Loads the data behind a loading message, then runs the browser until
/// the user quits; then saves where it was, saying why when that failed.
pub(super) fn browse(
    setup: &Setup,
    inputs: &[Input],
    start: &Start,
) -> Result<Result<(), String>, Failure> {
    let mut terminal = Terminal::new(CrosstermBackend::new(screen::Frames::default()))?;
    let size = terminal.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    let theme = setup.config.theme(setup.color.enabled(true));
    // Watched from before the files are read, so that a change made while
    // they load is seen.
    let files = Watched {
        sources: setup.options.clone(),
        favorites: setup.store(),
    };
    let watcher = Watcher::start(files, false);
    let loading = {
        let (inputs, store, cache) = (inputs.to_vec(), setup.store(), setup.cache_dir.clone());
        let check = setup.check_command();
        let synonyms = setup.synonyms();
        thread::Builder::new()
            .name("loading".into())
            .spawn(move || {
                let sources = loading::Sources {
                    inputs: &inputs,
                    cache: cache.as_deref(),
                    store: &store,
                    synonyms,
                };
                loading::prepare(sources, &theme, area, &check)
            })?
    };
    let Prepared {
        mut app,
        said,
        diagnostics,
    } = match loading::wait(&mut terminal, &mut TerminalEvents, inputs.len(), loading)? {
        Waited::Loaded(loaded) => loaded,
        // The loading thread ends with the program.
        Waited::Quit => return Ok(Ok(())),
        Waited::Interrupted => {
            let _ = screen::leave();
            std::process::exit(130);
        }
    };
    let search = SearchWorker::spawn(
        Arc::clone(app.catalogue.directory()),
        Arc::clone(app.catalogue.index()),
    );
    // A reload counts topics as the load did.
    let synonyms = app.catalogue.topics().synonyms().clone();
    let reloader = Reloader::spawn(setup.options.clone(), setup.cache_dir.clone(), synonyms);
    let baseline = Baseline::new(Arc::clone(app.catalogue.directory()), inputs, diagnostics);
    let mut host = SystemHost::new(setup.store(), setup.browser(), search).with_live(Live::new(
        Some(watcher),
        reloader,
        baseline,
    ));
    let state = resume::path(&setup.data_dir);
    // Where the last run left off beats the config's start pane.
    let mut place = if start.fresh {
        Place::default()
    } else {
        resume::load(&state)
    };
    if let (None, Some(pane)) = (place.focus, setup.config.defaults.start_pane) {
        place.focus = Some(pane);
        if pane == Pane::Topics && place.left.is_none() {
            place.left = Some(Pane::Topics);
        }
    }
    if place != Place::default() {
        dispatch(&mut terminal, &mut app, &mut host, Action::Restore(place));
    }
    if let Some(notice) = said {
        dispatch(&mut terminal, &mut app, &mut host, notice);
    }
    // Asked for on the command line: over where the last run left off.
    match start.asked(&app) {
        Some(Ok(place)) => dispatch(&mut terminal, &mut app, &mut host, Action::Restore(place)),
        Some(Err(error)) => {
            let notice = Action::Notice {
                text: error,
                is_error: true,
            };
            dispatch(&mut terminal, &mut app, &mut host, notice);
        }
        None => {}
    }
    let now = terminal.size()?;
    if now != size {
        dispatch(
            &mut terminal,
            &mut app,
            &mut host,
            Action::Resize(now.width, now.height),
        );
    }
    run_loop(&mut terminal, &mut app, &mut TerminalEvents, &mut host)?;
    Ok(resume::save(&state, &app.current_place()).map_err(|error| {
        format!(
            "where the browser was is not saved: {}: {error}",
            state.display()
        )
    }))
}
