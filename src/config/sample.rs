//! `profdex config default`: a complete config, every name with its
//! built-in value, that loads to exactly the built-in behaviour.

use std::fmt::Write as _;

use super::STATUS_DURATION;
use super::file::{PANES, SCHOOLS_WIDTH};
use super::names::{self, ROLES, key_name, mode_name, same_action};
use super::style::{self, Preset};
use crate::app::Action;
use crate::keys;

/// The built-in config, commented.
pub fn default_file() -> String {
    let mut out = String::new();
    out.push_str(
        "# profdex config: every setting with its built-in value.\n\
         # Save as the file `profdex config path` names, and change what you like;\n\
         # what you leave out keeps its built-in value.\n\n",
    );
    defaults(&mut out);
    theme(&mut out);
    key_tables(&mut out);
    out
}

fn defaults(out: &mut String) {
    let panes: Vec<&str> = PANES.iter().map(|(n, _)| *n).collect();
    let _ = write!(
        out,
        "[defaults]\n\
         # Folders or files read before any --schools; `~` is your home, and\n\
         # relative paths are relative to this file.\n\
         schools = []\n\
         # Whether the schools built into profdex are read (--no-builtin: no).\n\
         builtin = true\n\
         # The pane the browser starts in ({}), when it is\n\
         # not going back to where it was (--fresh, or the first run).\n\
         start-pane = \"schools\"\n\
         # The schools pane's width in columns ({} to {}); built in, a quarter\n\
         # of the terminal between 24 and 40.\n\
         # schools-width = 30\n\
         # How long a status message stays: \"4s\", \"1500ms\", \"1m\".\n\
         status-duration = \"{}s\"\n\
         # Clicks and the wheel; off leaves the mouse to the terminal (selecting text).\n\
         mouse = true\n\
         # The command that opens web pages when $BROWSER is not set; `%s` is\n\
         # the URL, else it comes last. Run directly, never through a shell.\n\
         # browser = \"firefox --new-tab %s\"\n\n",
        panes.join(", "),
        SCHOOLS_WIDTH.start(),
        SCHOOLS_WIDTH.end(),
        STATUS_DURATION.as_secs(),
    );
}

fn theme(out: &mut String) {
    let presets: Vec<&str> = style::PRESETS.iter().map(|(n, _)| *n).collect();
    let colors: Vec<&str> = style::COLORS.iter().map(|(n, _)| *n).collect();
    let modifiers: Vec<&str> = style::MODIFIERS.iter().map(|(n, _)| *n).collect();
    let _ = write!(
        out,
        "[theme]\n\
         # {}; NO_COLOR and --color never always show mono.\n\
         preset = \"{}\"\n\
         # Each role: a colour (its foreground) or {{ fg, bg, modifiers }}. Colours:\n\
         # {},\n\
         # \"#rrggbb\", or a 256-colour index 0-255. Modifiers: {}.\n",
        presets.join(", "),
        Preset::Dark.name(),
        colors.join(", "),
        modifiers.join(", "),
    );
    let mut theme = Preset::Dark.theme();
    for &(name, role) in ROLES {
        let _ = writeln!(out, "{name} = {}", style::style_value(*role(&mut theme)));
    }
    out.push('\n');
}

fn key_tables(out: &mut String) {
    out.push_str(
        "# [keys.<mode>]: action = \"key\" or [\"key\", …]; \"none\" unbinds. A line\n\
         # replaces that action's keys in that mode. Keys: j, G, ctrl-r, alt-b,\n\
         # shift-tab, enter, esc, space, tab, backspace, up, page-down, home, f1, …;\n\
         # `1-9` is a digit, `text` typing, `any` any other key. Ctrl-c always quits\n\
         # (in the picker: aborts).\n",
    );
    for &(title, mode) in keys::every_section() {
        let _ = writeln!(out, "\n# {title}\n[keys.{}]", mode_name(mode));
        let mut done: Vec<&Action> = Vec::new();
        let bindings = keys::defaults(mode);
        for binding in bindings {
            if done.iter().any(|a| same_action(a, &binding.action)) {
                continue;
            }
            done.push(&binding.action);
            let keys: Vec<String> = bindings
                .iter()
                .filter(|b| same_action(&b.action, &binding.action))
                .map(|b| format!("\"{}\"", key_name(b.key)))
                .collect();
            let name = names::action_name(&binding.action).unwrap_or("?");
            let _ = writeln!(
                out,
                "{name} = [{}]  # {}",
                keys.join(", "),
                binding.action.description(mode)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Location, Origin, load};
    use crate::theme::Theme;

    #[test]
    fn the_default_file_loads_to_the_built_in_behaviour() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, default_file()).expect("written");
        let location = Location {
            path: Some(path),
            origin: Origin::Flag,
        };
        let (config, keymap) = load(&location).unwrap_or_else(|problems| {
            panic!(
                "{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(config.theme.build(), Theme::colored());
        assert_eq!(config.defaults.builtin, Some(true));
        assert_eq!(config.defaults.mouse, Some(true));
        assert_eq!(config.defaults.status_duration, Some(STATUS_DURATION));
        assert!(config.defaults.schools.is_empty());
        // Every key of every mode does what it did; each action keeps its keys.
        for &(_, mode) in keys::every_section() {
            let (merged, built_in) = (keymap.bindings(mode), keys::defaults(mode));
            assert_eq!(merged.len(), built_in.len(), "{mode:?}");
            for binding in built_in {
                assert!(merged.contains(binding), "{mode:?} {binding:?}");
            }
        }
        assert!(default_file().contains("[keys.browse]"));
        assert!(default_file().contains("toggle-favorite = [\"b\"]"));
    }
}
