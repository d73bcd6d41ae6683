use std::path::Path;
use std::time::Duration;

use ratatui::style::{Color, Modifier};

use super::*;
use crate::app::Action;
use crate::config::names::parse_key;
use crate::config::style::Preset;

fn read(text: &str) -> (Config, Vec<String>) {
    let (config, problems) = parse(text, "c.toml", Path::new("/etc/profdex"));
    (config, problems.iter().map(ToString::to_string).collect())
}

fn errors(text: &str) -> Vec<String> {
    read(text).1
}

#[test]
fn every_section_is_read() {
    let (config, problems) = read(
        r##"
[defaults]
schools = ["~/dirs", "more", "/abs/x.md"]
builtin = false
start-pane = "faculty"
schools-width = 30
status-duration = "4s"
mouse = false
browser = "firefox --new-tab %s"

[theme]
preset = "light"
star = "#ff8700"
selected = { fg = "white", bg = 25, modifiers = ["bold", "italic"] }

[keys]
reload = "ctrl-l"

[keys.browse]
toggle-favorite = "f"
quit = ["Q", "ctrl-q"]
undo = "none"

[keys.filter]
accept-filter = ["enter", "tab"]
"##,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let home = directories::BaseDirs::new().map(|d| d.home_dir().join("dirs"));
    let d = &config.defaults;
    assert_eq!(d.schools[0], home.unwrap_or_default());
    assert_eq!(d.schools[1], Path::new("/etc/profdex/more"));
    assert_eq!(d.schools[2], Path::new("/abs/x.md"));
    assert_eq!(d.builtin, Some(false));
    assert_eq!(d.start_pane, Some(Pane::Faculty));
    assert_eq!(d.schools_width, Some(30));
    assert_eq!(d.status_duration, Some(Duration::from_secs(4)));
    assert_eq!(d.mouse, Some(false));
    assert_eq!(d.browser.as_deref(), Some("firefox --new-tab %s"));
    assert_eq!(config.theme.preset, Preset::Light);
    let theme = config.theme.build();
    assert_eq!(theme.star.fg, Some(Color::Rgb(0xff, 0x87, 0x00)));
    assert_eq!(theme.selected.fg, Some(Color::White));
    assert_eq!(theme.selected.bg, Some(Color::Indexed(25)));
    assert_eq!(
        theme.selected.add_modifier,
        Modifier::BOLD | Modifier::ITALIC
    );
    let bound: Vec<(Mode, Action, Vec<_>)> = config
        .rebindings
        .iter()
        .map(|r| (r.mode, r.action.clone(), r.keys.clone()))
        .collect();
    let key = |k| parse_key(k).expect("a key");
    assert!(bound.contains(&(Mode::Browse, Action::Reload, vec![key("ctrl-l")])));
    assert!(bound.contains(&(Mode::Browse, Action::ToggleFavorite, vec![key("f")])));
    assert!(bound.contains(&(Mode::Browse, Action::Quit, vec![key("Q"), key("ctrl-q")])));
    assert!(bound.contains(&(Mode::Browse, Action::Undo, vec![])));
    assert!(bound.contains(&(
        Mode::Filter,
        Action::FilterAccept,
        vec![key("enter"), key("tab")]
    )));
}

#[test]
fn an_empty_file_is_the_built_in_config() {
    let (config, problems) = read("# nothing\n");
    assert!(problems.is_empty());
    assert!(config.rebindings.is_empty());
    assert_eq!(config.defaults, Defaults::default());
    assert_eq!(config.theme.preset, Preset::Dark);
}

#[test]
fn unknown_sections_and_keys_say_where_and_what_was_meant() {
    assert_eq!(
        errors("[theem]\npreset = \"light\"\n"),
        ["c.toml:1:2: error: unknown section `theem` (did you mean `theme`?)"]
    );
    assert_eq!(
        errors("[defaults]\nmouse = true\nstart-pain = \"detail\"\n"),
        ["c.toml:3:1: error: unknown key in [defaults] `start-pain` (did you mean `start-pane`?)"]
    );
    assert_eq!(
        errors("[theme]\n  bordr = \"red\"\n"),
        ["c.toml:2:3: error: unknown theme role `bordr` (did you mean `border`?)"]
    );
    let far = errors("[frobnicate]\n");
    assert!(
        far[0].starts_with(
            "c.toml:1:2: error: unknown section `frobnicate`; known: keys, theme, defaults"
        ),
        "{far:?}"
    );
}

#[test]
fn unknown_actions_modes_and_key_names() {
    assert_eq!(
        errors("[keys.browse]\ntoggle-favourite = \"f\"\n"),
        ["c.toml:2:1: error: unknown action `toggle-favourite` (did you mean `toggle-favorite`?)"]
    );
    assert_eq!(
        errors("[keys.brwse]\nquit = \"Q\"\n"),
        ["c.toml:1:7: error: unknown mode `brwse` (did you mean `browse`?)"]
    );
    let wrong = errors("[keys.browse]\nquit = [\"Q\", \"ctlr-q\"]\n");
    assert_eq!(wrong.len(), 1);
    assert!(
        wrong[0].starts_with("c.toml:2:14: error: unknown key name `ctlr-q`"),
        "{wrong:?}"
    );
}

#[test]
fn wrong_types_are_named() {
    assert_eq!(
        errors("[defaults]\nmouse = \"yes\"\n"),
        ["c.toml:2:9: error: `mouse` must be true or false, not a string"]
    );
    assert_eq!(
        errors("[keys.browse]\nquit = 3\n"),
        ["c.toml:2:8: error: `quit` must be a key name or an array of them, not an integer"]
    );
    assert_eq!(
        errors("theme = 1\n"),
        ["c.toml:1:9: error: `theme` must be a table, not an integer"]
    );
    assert_eq!(
        errors("[defaults]\nschools = \"~/dirs\"\n"),
        ["c.toml:2:11: error: `schools` must be an array of paths, not a string"]
    );
}

#[test]
fn bad_values_are_refused() {
    let cases = [
        (
            "[theme]\npreset = \"solarized\"\n",
            "c.toml:2:10: error: unknown preset `solarized`",
        ),
        (
            "[theme]\nstar = \"#12345\"\n",
            "c.toml:2:8: error: unknown colour `#12345`",
        ),
        (
            "[theme]\nstar = 300\n",
            "c.toml:2:8: error: a colour index is 0 to 255",
        ),
        (
            "[theme]\nstar = { fg = \"red\", modifiers = [\"blink\"] }\n",
            "c.toml:2:35: error: unknown modifier `blink`",
        ),
        (
            "[defaults]\nschools-width = 3\n",
            "c.toml:2:17: error: `schools-width` is 16 to 80 columns",
        ),
        (
            "[defaults]\nstatus-duration = \"soon\"\n",
            "c.toml:2:19: error: `soon` is not a duration",
        ),
        (
            "[defaults]\nstart-pane = \"left\"\n",
            "c.toml:2:14: error: unknown pane `left`",
        ),
        (
            "[defaults]\nbrowser = \"\"\n",
            "c.toml:2:11: error: `browser` must be a command",
        ),
    ];
    for (text, expected) in cases {
        let found = errors(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].starts_with(expected), "{text}: {found:?}");
    }
}

#[test]
fn toml_syntax_errors_have_a_place_too() {
    let found = errors("[defaults]\nmouse = tru\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("c.toml:2:9: error: "), "{found:?}");
}

#[test]
fn every_mistake_is_said_not_only_the_first() {
    let found = errors("[keys.browse]\nqiut = \"Q\"\n[defaults]\nmouse = 1\n");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("c.toml:2:1:"));
    assert!(found[1].starts_with("c.toml:4:9:"));
}

#[test]
fn columns_count_characters() {
    let found = errors("[theme]\n# é\nstar = \"é\"\n");
    assert!(found[0].starts_with("c.toml:3:8:"), "{found:?}");
    assert_eq!(problem("aé\nb", "x", 3, String::new()).column, 3);
}

#[test]
fn durations() {
    assert_eq!(duration("4s"), Some(Duration::from_secs(4)));
    assert_eq!(duration("1500ms"), Some(Duration::from_millis(1500)));
    assert_eq!(duration("1m"), Some(Duration::from_mins(1)));
    assert_eq!(duration("0.5s"), Some(Duration::from_millis(500)));
    for wrong in ["4", "s", "4 hours", "-1s", "1e9s", "99999m"] {
        assert_eq!(duration(wrong), None, "{wrong}");
    }
}
