//! The config file end to end: where it is found, what it changes in the
//! command line and in the browser (tmux), and how its mistakes stop a run.

mod common;

use common::Sandbox;
use common::tmux::Tmux;

/// `f` bookmarks and `Q` quits; `b` no longer bookmarks.
const REMAPPED: &str = "[keys.browse]\ntoggle-favorite = \"f\"\nquit = \"Q\"\n";

#[test]
fn a_remapped_config_changes_the_keys_the_help_and_the_footer() {
    let sandbox = Sandbox::new();
    let config = sandbox.write("my.toml", REMAPPED);
    let args = format!("--config '{}'", config.display());
    let tmux = Tmux::start(&sandbox, 120, 40, &args);
    tmux.wait_until("the footer with the keys in force", |screen| {
        screen.contains("f ★") && screen.contains("Q quit") && !screen.contains("b ★")
    });
    tmux.keys(&["/"]);
    tmux.type_text("stoica");
    tmux.wait_for("/ stoica▏");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Professor, Director of Sky Computing");

    // Had `b` still bookmarked, `f` would remove the favorite again.
    tmux.keys(&["b"]);
    tmux.keys(&["f"]);
    tmux.wait_for("Added Ion Stoica to favorites");
    let favorites = sandbox.run(&["--config", &config.to_string_lossy(), "favorites", "--json"]);
    favorites.assert_code(0);
    assert_eq!(common::names(&favorites.json()), ["Ion Stoica"]);

    tmux.keys(&["?"]);
    tmux.wait_until("the help with f", |screen| {
        screen
            .lines()
            .any(|l| l.contains("│ f ") && l.contains("bookmark: add"))
    });
    let help = tmux.screen();
    assert!(
        help.lines()
            .any(|l| l.contains("Q Ctrl-c") && l.contains("quit")),
        "{help}"
    );
    assert!(
        !help
            .lines()
            .any(|l| l.contains(" b ") && l.contains("bookmark: add")),
        "{help}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_until("help to close", |s| !s.contains("Keys — Esc"));
    // `q` no longer quits; `Q` does.
    tmux.keys(&["q"]);
    tmux.keys(&["Q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
    let favorites = sandbox.run(&["favorites", "--json"]);
    assert_eq!(common::names(&favorites.json()), ["Ion Stoica"]);
}

#[test]
fn the_default_place_is_read_and_no_config_ignores_it() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "config/profdex/config.toml",
        "[defaults]\nbuiltin = false\n",
    );
    let run = sandbox.run(&["list", "--json"]);
    // No built-in schools, so no one.
    run.assert_code(1);
    assert!(run.json().is_empty(), "{}", run.stdout);
    let run = sandbox.run(&["--no-config", "list", "--json"]);
    assert!(!run.json().is_empty());
    let path = sandbox.run(&["config", "path"]);
    assert!(
        path.stdout
            .contains("config/profdex/config.toml (the default place; found)"),
        "{}",
        path.stdout
    );
}

#[test]
fn no_file_at_the_default_place_is_the_built_in_config() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["list", "--json"]);
    run.assert_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let paths = sandbox.run(&["paths"]);
    assert!(
        paths.stdout.contains("config file     ")
            && paths.stdout.contains("config.toml  (does not exist yet)"),
        "{}",
        paths.stdout
    );
    let path = sandbox.run(&["config", "path"]);
    assert!(
        path.stdout
            .contains("not there: the built-in settings are used"),
        "{}",
        path.stdout
    );
}

#[test]
fn a_missing_file_named_on_purpose_is_an_error() {
    let sandbox = Sandbox::new();
    let missing = sandbox.path("nope.toml");
    let run = sandbox.run(&["--config", &missing.to_string_lossy(), "list"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("nope.toml: error: cannot read the config file"),
        "{}",
        run.stderr
    );
    let mut command = sandbox.command();
    let run = common::Run::from(
        command
            .env("PROFDEX_CONFIG", &missing)
            .args(["list"])
            .output()
            .expect("run"),
    );
    run.assert_code(2);
}

#[test]
fn a_config_with_mistakes_stops_every_command_before_the_terminal() {
    let sandbox = Sandbox::new();
    let bad = sandbox.write("bad.toml", "[keys.browse]\nlaunch-rockets = \"x\"\n");
    let label = bad.display().to_string();
    let run = sandbox.run(&["--config", &label, "list"]);
    run.assert_code(2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.starts_with(&format!(
            "{label}:2:1: error: unknown action `launch-rockets`"
        )),
        "{}",
        run.stderr
    );
    // The browser says so without taking the screen.
    let tmux = Tmux::start(&sandbox, 100, 30, &format!("--config '{label}'"));
    let (status, cooked) = tmux.wait_for_exit();
    assert_eq!(status, "exited with 2");
    assert!(cooked);
    assert!(!tmux.alternate_screen());
    let screen = tmux.screen();
    assert!(
        screen.contains(&format!("{label}:2:1: error: unknown action")),
        "{screen}"
    );
    // Without the config, all is well; the config commands still run.
    let mut command = sandbox.command();
    let fine = common::Run::from(
        command
            .env("PROFDEX_CONFIG", &bad)
            .args(["--no-config", "list", "--json"])
            .output()
            .expect("run"),
    );
    fine.assert_code(0);
    assert!(!fine.json().is_empty());
    let check = sandbox.run(&["config", "check", &label]);
    check.assert_code(1);
    assert!(
        check.stdout.contains(":2:1: error: unknown action"),
        "{}",
        check.stdout
    );
    let show = sandbox.run(&["--config", &label, "config", "show"]);
    show.assert_code(0);
    assert!(show.stderr.contains("unknown action"), "{}", show.stderr);
    sandbox
        .run(&["--config", &label, "config", "path"])
        .assert_code(0);
}

#[test]
fn precedence_flag_then_environment_then_file_then_default() {
    let sandbox = Sandbox::new();
    let dirs = sandbox.path("dirs");
    std::fs::create_dir_all(&dirs).expect("dirs");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/mit.md"),
        dirs.join("mit.md"),
    )
    .expect("copy");
    sandbox.write(
        "berkeley-only.md",
        "# Extra U - Faculty\n## Faculty\n### Ada Example\n- **Title**: Professor\n",
    );
    // Relative to the config file; builtin off; a browser for `open`.
    let config = sandbox.write(
        "cfg/config.toml",
        "[defaults]\nschools = [\"../dirs\"]\nbuiltin = false\nbrowser = \"echo\"\n",
    );
    let cfg = config.to_string_lossy().to_string();
    let extra = sandbox
        .path("berkeley-only.md")
        .to_string_lossy()
        .to_string();
    let run = sandbox.run(&["--config", &cfg, "--schools", &extra, "list", "--json"]);
    run.assert_code(0);
    let schools: std::collections::BTreeSet<String> = run
        .json()
        .iter()
        .map(|row| row["school"].as_str().unwrap_or("?").to_string())
        .collect();
    assert_eq!(
        schools.into_iter().collect::<Vec<_>>(),
        ["Extra U", "MIT"],
        "the config's schools and --schools, no built-in Berkeley"
    );
    let show = sandbox.run(&["--config", &cfg, "--schools", &extra, "config", "show"]);
    assert!(
        show.stdout.contains("# config file, then --schools"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("builtin = false  # config file"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("browser = \"echo\"  # config file"),
        "{}",
        show.stdout
    );
    let show = sandbox.run(&["--config", &cfg, "--no-builtin", "config", "show"]);
    assert!(
        show.stdout.contains("builtin = false  # --no-builtin"),
        "{}",
        show.stdout
    );
    // The environment beats the file, the flag beats the environment.
    let env_cfg = sandbox.write("env.toml", "[theme]\npreset = \"light\"\n");
    let mut command = sandbox.command();
    let show = common::Run::from(
        command
            .env("PROFDEX_CONFIG", &env_cfg)
            .args(["config", "show"])
            .output()
            .expect("run"),
    );
    assert!(
        show.stdout
            .contains("theme.preset = \"light\"  # config file"),
        "{}",
        show.stdout
    );
    assert!(show.stdout.contains("# PROFDEX_CONFIG"), "{}", show.stdout);
    let mut command = sandbox.command();
    let show = common::Run::from(
        command
            .env("PROFDEX_CONFIG", &env_cfg)
            .env("BROWSER", "lynx")
            .args(["--config", &cfg, "config", "show"])
            .output()
            .expect("run"),
    );
    assert!(show.stdout.contains("# --config"), "{}", show.stdout);
    assert!(
        show.stdout.contains("theme.preset = \"dark\"  # default"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("browser = \"lynx\"  # $BROWSER"),
        "{}",
        show.stdout
    );
}

#[test]
fn config_default_checks_clean() {
    let sandbox = Sandbox::new();
    let default = sandbox.run(&["config", "default"]);
    default.assert_code(0);
    let path = sandbox.write("default.toml", &default.stdout);
    let check = sandbox.run(&["config", "check", &path.to_string_lossy()]);
    check.assert_code(0);
    assert!(check.stdout.ends_with(": ok\n"), "{}", check.stdout);
    for name in [
        "[keys.browse]",
        "[keys.filter]",
        "[keys.copy]",
        "toggle-favorite = [\"b\"]",
        "preset = \"dark\"",
        "own-status =",
    ] {
        assert!(default.stdout.contains(name), "{name}");
    }
}

#[test]
fn man_prints_a_roff_page() {
    let sandbox = Sandbox::new();
    let man = sandbox.run(&["man"]);
    man.assert_code(0);
    assert!(
        man.stdout.contains(".TH profdex 1"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
    assert!(man.stdout.contains(".SH NAME"));
    assert!(man.stdout.contains("\\-\\-no\\-config"));
}

#[test]
fn completions_for_every_shell_name_the_config_options() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish"] {
        let run = sandbox.run(&["completions", shell]);
        run.assert_code(0);
        assert!(run.stdout.contains("no-config"), "{shell}");
    }
}

/// The names are part of the interface: the README lists every one.
#[test]
fn the_readme_names_every_action_mode_and_role() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let names = profdex::config::names::ACTIONS.iter().map(|(n, _)| *n);
    for name in names {
        assert!(readme.contains(&format!("| `{name}` |")), "action {name}");
    }
    for (name, _) in profdex::config::names::MODES {
        assert!(readme.contains(&format!("`{name}`")), "mode {name}");
    }
    for (name, _) in profdex::config::names::ROLES {
        assert!(readme.contains(&format!("`{name}`")), "role {name}");
    }
}

#[test]
fn the_light_preset_draws_in_its_own_colours() {
    let sandbox = Sandbox::new();
    let config = sandbox.write("light.toml", "[theme]\npreset = \"light\"\n");
    let args = format!("--config '{}'", config.display());
    let tmux = Tmux::start(&sandbox, 100, 30, &args);
    tmux.wait_for("All schools");
    // The focused border in the light accent, #005f87, as 24-bit colour.
    tmux.eventually("the light accent on screen", || {
        tmux.styled_screen().contains("38;2;0;95;135")
    });
    tmux.keys(&["q"]);
    assert_eq!(tmux.wait_for_exit(), ("exited with 0".to_string(), true));
}

#[test]
fn the_start_pane_and_the_mouse_come_from_the_config() {
    let sandbox = Sandbox::new();
    let tmux = Tmux::start(&sandbox, 120, 40, "");
    tmux.wait_for("┏ Faculty");
    assert!(tmux.mouse_on());
    tmux.keys(&["q"]);
    tmux.wait_for_exit();

    let config = sandbox.write(
        "start.toml",
        "[defaults]\nstart-pane = \"detail\"\nmouse = false\n",
    );
    let args = format!("--config '{}'", config.display());
    let tmux = Tmux::start(&sandbox, 120, 40, &format!("{args} --fresh"));
    tmux.wait_for("┏ Detail");
    assert!(!tmux.mouse_on());
    // Where the browser was beats the config: the faculty pane this time.
    tmux.keys(&["h"]);
    tmux.wait_for("┏ Faculty");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
    let tmux = Tmux::start(&sandbox, 120, 40, &args);
    tmux.wait_for("┏ Faculty");
    tmux.keys(&["q"]);
    tmux.wait_for_exit();
}

#[test]
fn the_configs_browser_opens_pages_when_browser_is_unset() {
    let sandbox = Sandbox::new();
    // A text browser, run in the foreground: its log is written by the end.
    let browser = sandbox.fake_browser();
    let config = sandbox.write(
        "browser.toml",
        format!(
            "[defaults]\nbrowser = \"'{}' --go=%s\"\n",
            browser.display()
        ),
    );
    let config = config.to_string_lossy().to_string();
    let run = sandbox.run(&["--config", &config, "open", "stoica"]);
    run.assert_code(0);
    assert_eq!(
        sandbox.browser_log(),
        ["--go=https://people.eecs.berkeley.edu/~istoica/"]
    );
    // $BROWSER, when set, beats the config.
    let mut command = sandbox.command();
    let run = common::Run::from(
        command
            .env("BROWSER", &browser)
            .args(["--config", &config, "open", "stoica"])
            .output()
            .expect("run"),
    );
    run.assert_code(0);
    assert_eq!(
        sandbox.browser_log()[1..],
        ["https://people.eecs.berkeley.edu/~istoica/".to_string()]
    );
}
