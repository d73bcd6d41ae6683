//! `Y`: the selected person's other fields (an email address, a Scholar
//! link, an office: the extra fields of the data, then the name) offered
//! to copy, numbered; `o` opens a link, or an email address as `mailto:`.

use super::prompt::{Choice, Chooser, Opens, Prompt};
use super::{Action, App, Effect, NOBODY_SELECTED};
use crate::open::mail_address;
use crate::url::is_openable_url;

pub(super) fn start(app: &mut App) {
    let (name, fields): (String, Vec<(String, String)>) = if let Some(key) = app.selected_missing()
    {
        (key.name.clone(), Vec::new())
    } else if let Some(person) = app.selected_person() {
        let person = app.catalogue.person(person);
        let fields = person
            .extra()
            .filter(|field| !field.value.trim().is_empty())
            .map(|field| (field.key.to_owned(), field.value.to_owned()))
            .collect();
        (person.name().to_owned(), fields)
    } else {
        app.set_status(NOBODY_SELECTED, true);
        return;
    };
    let mut choices: Vec<Choice> = fields
        .into_iter()
        .map(|(label, value)| {
            let opens = if is_openable_url(&value) {
                Opens::Web
            } else if mail_address(&value).is_some() {
                Opens::Mail
            } else {
                Opens::Nothing
            };
            Choice {
                label,
                value,
                opens,
            }
        })
        .collect();
    choices.push(Choice {
        label: "Name".into(),
        value: name.clone(),
        opens: Opens::Nothing,
    });
    app.open_prompt(Prompt::Copy(Chooser {
        name,
        choices,
        cursor: 0,
    }));
}

/// A key while the chooser is open.
pub(super) fn handle(app: &mut App, action: &Action, effects: &mut Vec<Effect>) {
    let Some(Prompt::Copy(chooser)) = &mut app.prompt else {
        return;
    };
    let last = chooser.choices.len().saturating_sub(1);
    match action {
        Action::Down => chooser.cursor = (chooser.cursor + 1).min(last),
        Action::Up => chooser.cursor = chooser.cursor.saturating_sub(1),
        Action::CopyField(number) => {
            let row = number.checked_sub(1).unwrap_or(chooser.cursor);
            let Some(choice) = chooser.choices.get(row) else {
                let n = chooser.choices.len();
                app.set_status(format!("{n} fields to copy: press 1–{}", n.min(9)), true);
                return;
            };
            effects.push(Effect::Copy(choice.value.clone()));
            app.close_prompt();
        }
        Action::OpenField => {
            let Some(choice) = chooser.choices.get(chooser.cursor) else {
                return;
            };
            let effect = match choice.opens {
                Opens::Web => Effect::Open(choice.value.clone()),
                Opens::Mail => match mail_address(&choice.value) {
                    Some(address) => Effect::OpenMail(address.to_owned()),
                    None => return,
                },
                Opens::Nothing => {
                    let text = format!(
                        "{} is not a web link or an email address: it can be copied, not opened",
                        choice.label
                    );
                    app.set_status(text, true);
                    return;
                }
            };
            effects.push(effect);
            app.close_prompt();
        }
        // A click elsewhere closes it, as it does the help.
        Action::Cancel | Action::Click(_) => {
            app.close_prompt();
        }
        _ => {}
    }
}
