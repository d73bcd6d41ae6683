//! The help overlay, the status line and the pane hints show the keys in
//! force: drawn here with a config that moves bookmarking to `f` and
//! quitting to `Q`. (A process of its own: the keys are put in force once
//! per run.)

use profdex::app::Action;
use profdex::config::{self, Location, Origin};
use profdex::screenshot::{app_after, render};
use ratatui::buffer::Buffer;

fn text(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn hints_and_help_show_the_remapped_keys() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[keys.browse]\ntoggle-favorite = \"f\"\nquit = [\"Q\"]\nstart-filter = \"ctrl-f\"\n",
    )
    .expect("written");
    let location = Location {
        path: Some(path),
        origin: Origin::Flag,
    };
    let (_, keymap) = config::load(&location).expect("loads");
    config::install(config::Screen::default(), keymap);

    let favorites = [("UC Berkeley", "Ion Stoica")];
    let screen = text(&render(&app_after(120, 32, &favorites, &[])));
    let footer = screen.last().expect("a status line");
    assert!(footer.contains("Ctrl-f filter"), "{footer}");
    assert!(footer.contains("f ★"), "{footer}");
    assert!(footer.contains("Q quit"), "{footer}");
    assert!(
        !footer.contains("b ★") && !footer.contains("q quit"),
        "{footer}"
    );
    // The faculty pane's own hint names the filter's key too.
    assert!(
        screen.iter().any(|row| row.contains("Ctrl-f to filter")),
        "{screen:#?}"
    );

    // Tall enough for the whole help.
    let help = text(&render(&app_after(
        120,
        150,
        &favorites,
        &[Action::ToggleHelp],
    )));
    let row = |words: &str| {
        help.iter()
            .find(|row| row.contains(words))
            .cloned()
            .unwrap_or_else(|| panic!("no {words} in {help:#?}"))
    };
    assert!(row("bookmark: add or remove").contains(" f "), "{help:#?}");
    assert!(row("quit").contains("Q Ctrl-c"), "{help:#?}");
    // The headings name the keys that lead into each mode.
    row("Filtering (after Ctrl-f)");
    row("Removing a favorite with a note or a status (after f)");
    // Confirming a removal has keys of its own, still `b`.
    assert!(row("remove it, with its note").contains(" b "), "{help:#?}");
}
