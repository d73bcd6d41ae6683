//! `check --links --json` and `--fix-moved`.

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};

use serde::Serialize;

use super::Findings;
use crate::cli::tell;
use crate::links::State;
use crate::links::fix::{self, Edit};
use crate::links::uses::Owner;
use crate::sanitize::sanitize;
use crate::setup::Failure;

#[derive(Serialize)]
struct UrlJson<'a> {
    url: &'a str,
    state: &'static str,
    status: Option<u16>,
    final_url: Option<&'a str>,
    detail: &'a str,
    used_by: Vec<UseJson<'a>>,
    checked_at: Option<String>,
    elapsed_ms: Option<u64>,
}

#[derive(Serialize)]
struct UseJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    person: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lab: Option<&'a str>,
    school: &'a str,
    file: &'a str,
    line: usize,
}

impl Findings<'_> {
    pub(super) fn json(&self, urls: &[&str], out: &mut dyn Write) -> Result<(), Failure> {
        let mut used_by: HashMap<&str, Vec<UseJson>> = HashMap::new();
        for used in self.uses {
            let (person, field, lab) = match &used.owner {
                Owner::Person { name, field } => (Some(name.as_str()), field.as_deref(), None),
                Owner::Lab { name } => (None, None, Some(name.as_str())),
            };
            used_by.entry(&used.url).or_default().push(UseJson {
                person,
                field,
                lab,
                school: &used.school,
                file: &self.gathered.sources[used.source].label,
                line: used.line,
            });
        }
        let fetched = |state: State| !matches!(state, State::Excluded | State::Invalid);
        let records: Vec<UrlJson> = urls
            .iter()
            .filter_map(|&url| {
                let outcome = self.outcomes.get(url)?;
                let was_fetched = fetched(outcome.state) || outcome.status.is_some();
                Some(UrlJson {
                    url,
                    state: outcome.state.name(),
                    status: outcome.status,
                    final_url: outcome.final_url.as_deref(),
                    detail: &outcome.detail,
                    used_by: used_by.remove(url).unwrap_or_default(),
                    checked_at: was_fetched.then(|| {
                        jiff::Timestamp::from_second(outcome.checked_at)
                            .map(|t| t.to_string())
                            .unwrap_or_default()
                    }),
                    elapsed_ms: was_fetched.then_some(outcome.elapsed_ms),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &records).map_err(std::io::Error::from)?;
        writeln!(out)?;
        Ok(())
    }

    /// The diff that puts each moved URL's final one in its place, or,
    /// with `write`, the files changed.
    pub(super) fn fix_moved(&self, write: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let mut edits: BTreeMap<usize, Vec<Edit>> = BTreeMap::new();
        let mut builtin = 0;
        let mut unplaced = 0;
        for used in self.uses {
            let Some(outcome) = self.outcomes.get(used.url.as_str()) else {
                continue;
            };
            let (State::Moved, Some(to)) = (outcome.state, &outcome.final_url) else {
                continue;
            };
            if self.gathered.sources[used.source].path.is_none() {
                builtin += 1;
                continue;
            }
            if let Some(range) = &used.spot {
                edits.entry(used.source).or_default().push(Edit {
                    range: range.clone(),
                    with: to.clone(),
                });
            } else {
                unplaced += 1;
                tell(&format!(
                    "note: {}:{}:{}: {} is not written as read (markdown changed it); change it by hand",
                    sanitize(&self.gathered.sources[used.source].label),
                    used.line,
                    used.column,
                    sanitize(&used.url)
                ));
            }
        }
        if builtin > 0 {
            tell(&format!(
                "note: {builtin} moved link{} in built-in data or standard input left as they are",
                super::plural(builtin)
            ));
        }
        let terminal = std::io::stdout().is_terminal();
        let mut changed = 0;
        for (source, edits) in edits {
            let file = &self.gathered.sources[source];
            let new = fix::apply(&file.bytes, &edits);
            if write {
                let Some(path) = &file.path else { continue };
                match fix::write_back(path, &file.bytes, &new) {
                    Ok(()) => {
                        changed += 1;
                        writeln!(
                            out,
                            "{}: {} moved link{} updated",
                            sanitize(&file.label),
                            edits.len(),
                            super::plural(edits.len())
                        )?;
                    }
                    Err(error) => tell(&format!(
                        "error: {}: {}",
                        sanitize(&file.label),
                        sanitize(&error.to_string())
                    )),
                }
            } else {
                let diff = fix::diff(&file.label, &file.bytes, &new);
                // Exact when piped, to be applied; made safe for a terminal.
                if terminal {
                    for line in diff.lines() {
                        writeln!(out, "{}", sanitize(line))?;
                    }
                } else {
                    out.write_all(diff.as_bytes())?;
                }
            }
        }
        if write && changed == 0 && unplaced == 0 {
            tell("no moved links to update");
        }
        Ok(())
    }
}
