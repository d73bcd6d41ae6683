//! `profdex config default` loads to exactly the built-in behaviour: with
//! it in force, every screen of the README's screenshots is drawn as it is
//! with no config at all. (A process of its own: the keys are put in force
//! once per run.)

use std::path::Path;

use profdex::config::{self, Location, Origin};
use profdex::screenshot::{picture, scenes};
use profdex::theme::Theme;

#[test]
fn the_default_config_draws_the_same_screens() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config::default_file()).expect("written");
    let location = Location {
        path: Some(path),
        origin: Origin::Flag,
    };
    let (config, keymap) = config::load(&location).expect("the default config loads");
    assert_eq!(config.theme.build(), Theme::colored());
    config::install(config::Screen::of(&config.defaults), keymap);
    assert_eq!(*config::screen(), config::Screen::default());

    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    for (name, app) in scenes() {
        let expected =
            std::fs::read_to_string(shots.join(format!("{name}.svg"))).expect("the screenshot");
        assert!(
            picture(&app) == expected,
            "{name} differs with the default config"
        );
    }
}
