//! The help overlay, the status line and the pane hints show the keys in
//! force: drawn here with a config that moves bookmarking to `f` and
//! quitting to `Q`, and the screen's `[defaults]`. (A process of its own: the keys are put in force once
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

/// The config both tests use, put in force once for the process.
fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[keys.browse]\ntoggle-favorite = \"f\"\nquit = [\"Q\"]\nstart-filter = \"ctrl-f\"\n\
             [defaults]\nschools-width = 30\nstatus-duration = \"1500ms\"\n",
        )
        .expect("written");
        let location = Location {
            path: Some(path),
            origin: Origin::Flag,
        };
        let (config, keymap) = config::load(&location).expect("loads");
        config::install(config::Screen::of(&config.defaults), keymap);
    });
}

#[test]
fn hints_and_help_show_the_remapped_keys() {
    install();

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

/// `[defaults]` settings the screen reads while it runs, in force here
/// with the keys above (one process, one install).
#[test]
fn the_schools_width_and_the_status_duration_are_the_configs() {
    install();
    let panes = profdex::layout::layout(
        ratatui::layout::Rect::new(0, 0, 160, 48),
        profdex::layout::Pane::Faculty,
        profdex::layout::Pane::Schools,
    );
    assert_eq!(panes.left.map(|rect| rect.width), Some(30));
    let mut app = app_after(120, 32, &[], &[]);
    let effects = profdex::app::update(
        &mut app,
        Action::Notice {
            text: "hello".into(),
            is_error: false,
        },
    );
    let expiry = effects.iter().find_map(|effect| match effect {
        profdex::app::Effect::ExpireStatus { after, .. } => Some(*after),
        _ => None,
    });
    assert_eq!(expiry, Some(std::time::Duration::from_millis(1500)));
}
