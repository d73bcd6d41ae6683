//! The keys in force: the key table's defaults with a config's
//! `[keys.<mode>]` bindings merged in, checked as a whole.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::app::{Action, Mode};
use crate::keys::{self, Binding, Key};

use super::names::{self, action_name, mode_name, same_action};

/// One `action = keys` line of a `[keys.<mode>]` table: the keys replace
/// the action's default keys in that mode (none unbinds it).
#[derive(Debug, Clone)]
pub struct Rebinding {
    pub mode: Mode,
    pub action: Action,
    pub keys: Vec<Key>,
    /// Where the line is, for what is said about it.
    pub at: usize,
}

/// What is wrong with the keys once merged, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub at: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    modes: Vec<(Mode, Vec<Binding>)>,
}

const CTRL_C: Key = Key::Ctrl('c');

/// What `Ctrl-c` does in `mode`, whatever the config: quit the browser,
/// or abort the picker (exit 130, as fzf).
fn way_out(mode: Mode) -> Action {
    if matches!(mode, Mode::Pick | Mode::PickHelp) {
        Action::Abort
    } else {
        Action::Quit
    }
}

impl Keymap {
    pub fn defaults() -> Keymap {
        Keymap {
            modes: keys::every_section()
                .map(|&(_, mode)| (mode, keys::defaults(mode).to_vec()))
                .collect(),
        }
    }

    /// The keys of `mode`; a mode the help does not list keeps its
    /// built-in keys.
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.modes
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(keys::defaults(mode), |(_, bindings)| bindings.as_slice())
    }

    /// The defaults with `rebindings` merged in. Every mistake is said,
    /// not only the first.
    pub fn with(rebindings: &[Rebinding]) -> Result<Keymap, Vec<KeyError>> {
        let mut keymap = Keymap::defaults();
        let mut errors = Vec::new();
        for (index, rebinding) in rebindings.iter().enumerate() {
            // `[keys] quit` and `[keys.browse] quit` are one line twice.
            let twice = rebindings[..index]
                .iter()
                .any(|r| r.mode == rebinding.mode && same_action(&r.action, &rebinding.action));
            if twice {
                errors.push(KeyError {
                    at: rebinding.at,
                    message: format!(
                        "`{}` is bound twice in [keys.{}]",
                        action_name(&rebinding.action).unwrap_or("?"),
                        mode_name(rebinding.mode)
                    ),
                });
                continue;
            }
            if let Err(message) = keymap.rebind(rebinding) {
                errors.push(KeyError {
                    at: rebinding.at,
                    message,
                });
            }
        }
        for (mode, bindings) in &mut keymap.modes {
            // Whatever the config says, Ctrl-c quits: the way out that
            // always works.
            let out = way_out(*mode);
            if !bindings.iter().any(|b| b.key == CTRL_C && b.action == out) {
                bindings.push(keys::bind(CTRL_C, out));
            }
            errors.extend(check(*mode, bindings, rebindings));
        }
        if errors.is_empty() {
            Ok(keymap)
        } else {
            errors.sort_by_key(|error| error.at);
            errors.dedup();
            Err(errors)
        }
    }

    fn rebind(&mut self, rebinding: &Rebinding) -> Result<(), String> {
        let Rebinding {
            mode, action, keys, ..
        } = rebinding;
        let name = action_name(action).unwrap_or("?");
        let section = mode_name(*mode);
        for &key in keys {
            refuse_placeholder(key, action, name)?;
            if key == CTRL_C && *action != way_out(*mode) {
                return Err(format!(
                    "ctrl-c always quits (or aborts the picker); `{name}` cannot have it in [keys.{section}]"
                ));
            }
        }
        let Some((_, bindings)) = self.modes.iter_mut().find(|(m, _)| m == mode) else {
            return Err(format!("no keys in mode `{section}`"));
        };
        let Some(first) = bindings.iter().position(|b| same_action(&b.action, action)) else {
            let modes: Vec<&str> = keys::every_section()
                .filter(|&&(_, m)| {
                    keys::defaults(m)
                        .iter()
                        .any(|b| same_action(&b.action, action))
                })
                .map(|&(_, m)| mode_name(m))
                .collect();
            return Err(format!(
                "`{name}` does nothing in [keys.{section}]; it has keys in: {}",
                modes.join(", ")
            ));
        };
        let template = bindings[first].action.clone();
        bindings.retain(|b| !same_action(&b.action, action));
        let at = first.min(bindings.len());
        for (offset, &key) in keys.iter().enumerate() {
            bindings.insert(at + offset, keys::bind(key, template.clone()));
        }
        Ok(())
    }
}

/// `1-9`, `text` and `any` fill in what the action needs: a number, the
/// character typed. They go only with the actions that take them.
fn refuse_placeholder(key: Key, action: &Action, name: &str) -> Result<(), String> {
    let numbered = matches!(
        action,
        Action::OpenLab(_) | Action::JumpToRelated(_) | Action::CopyField(_)
    );
    let typing = matches!(action, Action::FilterInput(_));
    match key {
        Key::Digit if !numbered => Err(format!(
            "`1-9` is for actions that take a number (open-lab, jump-to-related, copy-field), not `{name}`"
        )),
        Key::Text if !typing => Err(format!("`text` is typing, for `type` alone, not `{name}`")),
        Key::Digit | Key::Text | Key::Any => Ok(()),
        _ if typing => Err("`type` is typing text: its key is `text` (or `none`)".into()),
        _ => Ok(()),
    }
}

/// Where `action` was rebound in `mode`, if it was.
fn rebound_at(rebindings: &[Rebinding], mode: Mode, action: &Action) -> Option<usize> {
    rebindings
        .iter()
        .find(|r| r.mode == mode && same_action(&r.action, action))
        .map(|r| r.at)
}

/// A key left bound to two actions, or quit or help left without a key.
fn check(mode: Mode, bindings: &[Binding], rebindings: &[Rebinding]) -> Vec<KeyError> {
    let section = mode_name(mode);
    let mut errors = Vec::new();
    let mut seen: HashMap<Key, &Action> = HashMap::new();
    for binding in bindings {
        let Some(&other) = seen.get(&binding.key) else {
            seen.insert(binding.key, &binding.action);
            continue;
        };
        if same_action(other, &binding.action) {
            continue;
        }
        let at = rebound_at(rebindings, mode, &binding.action)
            .or_else(|| rebound_at(rebindings, mode, other))
            .unwrap_or(0);
        errors.push(KeyError {
            at,
            message: format!(
                "`{}` is bound to both `{}` and `{}` in [keys.{section}]",
                names::key_name(binding.key),
                action_name(other).unwrap_or("?"),
                action_name(&binding.action).unwrap_or("?"),
            ),
        });
    }
    for needed in [Action::Quit, Action::Abort, Action::ToggleHelp] {
        let had = keys::defaults(mode)
            .iter()
            .any(|b| b.action == needed && b.key != CTRL_C);
        let has = bindings
            .iter()
            .any(|b| b.action == needed && b.key != CTRL_C);
        if had && !has {
            errors.push(KeyError {
                at: rebound_at(rebindings, mode, &needed).unwrap_or(0),
                message: format!(
                    "`{}` needs a key in [keys.{section}]{}",
                    action_name(&needed).unwrap_or("?"),
                    if needed == way_out(mode) {
                        " besides ctrl-c"
                    } else {
                        ""
                    }
                ),
            });
        }
    }
    errors
}

static INSTALLED: OnceLock<Keymap> = OnceLock::new();

/// Puts `keymap` in force for the rest of the run. Done once, before the
/// terminal is touched; a second call changes nothing.
pub fn install(keymap: Keymap) {
    let _ = INSTALLED.set(keymap);
}

/// The keys in force: what was installed, else the defaults.
pub fn current() -> &'static Keymap {
    INSTALLED.get_or_init(Keymap::defaults)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::names::parse_key;

    fn rebind(mode: Mode, action: &str, keys: &[&str], at: usize) -> Rebinding {
        Rebinding {
            mode,
            action: names::action(action).cloned().expect("an action"),
            keys: keys.iter().map(|k| parse_key(k).expect("a key")).collect(),
            at,
        }
    }

    fn keys_of(keymap: &Keymap, mode: Mode, action: &Action) -> Vec<String> {
        keymap
            .bindings(mode)
            .iter()
            .filter(|b| same_action(&b.action, action))
            .map(|b| names::key_name(b.key))
            .collect()
    }

    fn messages(result: Result<Keymap, Vec<KeyError>>) -> Vec<(usize, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.at, e.message))
            .collect()
    }

    #[test]
    fn the_defaults_have_no_conflicts() {
        assert_eq!(Keymap::with(&[]), Ok(Keymap::defaults()));
    }

    #[test]
    fn a_binding_replaces_the_defaults_of_its_action_in_its_mode() {
        let keymap = Keymap::with(&[
            rebind(Mode::Browse, "toggle-favorite", &["f"], 1),
            rebind(Mode::Browse, "quit", &["Q"], 2),
            rebind(Mode::Browse, "down", &["j", "ctrl-j"], 3),
        ])
        .expect("no conflicts");
        let browse = Mode::Browse;
        assert_eq!(keys_of(&keymap, browse, &Action::ToggleFavorite), ["f"]);
        assert_eq!(keys_of(&keymap, browse, &Action::Quit), ["Q", "ctrl-c"]);
        assert_eq!(keys_of(&keymap, browse, &Action::Down), ["j", "ctrl-j"]);
        // Other modes keep theirs.
        assert_eq!(
            keys_of(&keymap, Mode::Confirm, &Action::ToggleFavorite),
            ["b"]
        );
        assert_eq!(keys_of(&keymap, Mode::Related, &Action::Quit)[0], "q");
        // The action keeps its place in the help.
        let order = |k: &Keymap| {
            let mut order: Vec<&str> = Vec::new();
            for binding in k.bindings(browse) {
                let name = action_name(&binding.action).unwrap_or("?");
                if !order.contains(&name) {
                    order.push(name);
                }
            }
            order
        };
        assert_eq!(order(&keymap), order(&Keymap::defaults()));
    }

    #[test]
    fn the_pickers_keys_rebind_and_ctrl_c_still_aborts_it() {
        let keymap = Keymap::with(&[
            rebind(Mode::Pick, "abort", &["ctrl-q"], 1),
            rebind(Mode::Pick, "mark-down", &["ctrl-t"], 2),
        ])
        .expect("no conflicts");
        assert_eq!(
            keys_of(&keymap, Mode::Pick, &Action::Abort),
            ["ctrl-q", "ctrl-c"]
        );
        assert_eq!(keys_of(&keymap, Mode::Pick, &Action::MarkDown), ["ctrl-t"]);
        assert!(keys_of(&keymap, Mode::Pick, &Action::Quit).is_empty());
        // The picker's way out keeps a key; Ctrl-c cannot be taken from it.
        let errors = messages(Keymap::with(&[
            rebind(Mode::Pick, "abort", &[], 3),
            rebind(Mode::Pick, "accept", &["ctrl-c"], 4),
        ]));
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(
            errors[0],
            (
                3,
                "`abort` needs a key in [keys.pick] besides ctrl-c".into()
            )
        );
        assert!(errors[1].1.starts_with("ctrl-c always quits"), "{errors:?}");
    }

    #[test]
    fn none_unbinds() {
        let keymap = Keymap::with(&[rebind(Mode::Browse, "undo", &[], 1)]).expect("fine");
        assert!(keys_of(&keymap, Mode::Browse, &Action::Undo).is_empty());
    }

    #[test]
    fn conflicts_after_merging_name_both_actions() {
        let errors = messages(Keymap::with(&[rebind(Mode::Browse, "quit", &["b"], 7)]));
        assert_eq!(
            errors,
            [(
                7,
                "`b` is bound to both `toggle-favorite` and `quit` in [keys.browse]".into()
            )]
        );
        // Moving both away and back is no conflict.
        assert!(
            Keymap::with(&[
                rebind(Mode::Browse, "quit", &["b"], 1),
                rebind(Mode::Browse, "toggle-favorite", &["f"], 2),
            ])
            .is_ok()
        );
    }

    #[test]
    fn quit_and_help_keep_a_key() {
        let errors = messages(Keymap::with(&[
            rebind(Mode::Browse, "quit", &[], 3),
            rebind(Mode::Help, "toggle-help", &[], 5),
        ]));
        assert_eq!(
            errors,
            [
                (
                    3,
                    "`quit` needs a key in [keys.browse] besides ctrl-c".into()
                ),
                (5, "`toggle-help` needs a key in [keys.help]".into()),
            ]
        );
    }

    #[test]
    fn an_action_bound_twice_in_one_mode_is_an_error() {
        let errors = messages(Keymap::with(&[
            rebind(Mode::Browse, "quit", &["Q"], 1),
            rebind(Mode::Browse, "quit", &["X"], 9),
        ]));
        assert_eq!(
            errors,
            [(9, "`quit` is bound twice in [keys.browse]".into())]
        );
    }

    #[test]
    fn ctrl_c_always_quits() {
        let errors = messages(Keymap::with(&[rebind(
            Mode::Browse,
            "reload",
            &["ctrl-c"],
            4,
        )]));
        assert_eq!(errors[0].0, 4);
        assert!(errors[0].1.contains("ctrl-c always quits"), "{errors:?}");
        let keymap = Keymap::with(&[rebind(Mode::Filter, "quit", &[], 1)]).expect("fine");
        assert_eq!(keys_of(&keymap, Mode::Filter, &Action::Quit), ["ctrl-c"]);
    }

    #[test]
    fn an_action_goes_only_where_it_does_something() {
        let errors = messages(Keymap::with(&[rebind(
            Mode::Filter,
            "toggle-favorite",
            &["f"],
            2,
        )]));
        assert_eq!(
            errors,
            [(
                2,
                "`toggle-favorite` does nothing in [keys.filter]; it has keys in: browse, confirm"
                    .into()
            )]
        );
        let errors = messages(Keymap::with(&[rebind(Mode::Browse, "quit", &["1-9"], 2)]));
        assert!(errors[0].1.contains("take a number"), "{errors:?}");
    }
}
