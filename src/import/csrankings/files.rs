//! The CSRankings files of a folder, read: the faculty lists' rows, and
//! what the other files know of people by their DBLP name.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::names::split_tag;
use crate::import::Batch;
use crate::import::table::{self, Table, warning};

/// The data files in the folder.
pub(super) struct Files {
    dir: PathBuf,
    pub(super) faculty: Vec<PathBuf>,
    areas: Vec<PathBuf>,
}

impl Files {
    pub(super) fn in_dir(dir: &Path) -> Result<Files, String> {
        let shown = dir.display();
        let entries =
            fs::read_dir(dir).map_err(|error| format!("{shown}: cannot list: {error}"))?;
        let mut names: Vec<String> = entries
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .collect();
        names.sort_unstable();
        let is_split = |name: &str| {
            name.strip_prefix("csrankings-")
                .and_then(|rest| rest.strip_suffix(".csv"))
                .is_some_and(|letter| {
                    letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_lowercase())
                })
        };
        let mut faculty: Vec<&String> = names.iter().filter(|name| is_split(name)).collect();
        // The split lists are the source; csrankings.csv is made from them.
        if faculty.is_empty() {
            faculty = names
                .iter()
                .filter(|name| *name == "csrankings.csv")
                .collect();
        }
        if faculty.is_empty() {
            return Err(format!(
                "{shown}: no CSRankings faculty lists here (csrankings-a.csv … csrankings-z.csv, or csrankings.csv): copy them from the CSrankings repository"
            ));
        }
        let areas = names
            .iter()
            .filter(|name| {
                name.starts_with("generated-author-info")
                    && Path::new(name).extension().is_some_and(|ext| ext == "csv")
            })
            .map(|name| dir.join(name))
            .collect();
        Ok(Files {
            dir: dir.to_path_buf(),
            faculty: faculty.into_iter().map(|name| dir.join(name)).collect(),
            areas,
        })
    }

    /// The cells in `columns` of each row of the file `name`, if it is
    /// there and has them; what is wrong with it is said in `batch`.
    pub(super) fn optional<const N: usize>(
        &self,
        batch: &mut Batch,
        name: &str,
        columns: &[&str; N],
    ) -> Option<(String, Vec<[String; N]>)> {
        let path = self.dir.join(name);
        if !path.exists() {
            return None;
        }
        cells(&path, batch, columns)
    }
}

/// The cells in `columns` of each row of the table at `path`, with the
/// file's name; `None`, said in `batch`, when it cannot be read or lacks
/// one of them.
fn cells<const N: usize>(
    path: &Path,
    batch: &mut Batch,
    columns: &[&str; N],
) -> Option<(String, Vec<[String; N]>)> {
    let mut table = match table::read(path) {
        Ok(table) => table,
        Err(reason) => {
            batch.diagnostics.push(warning(
                &path.display().to_string(),
                0,
                format!("{reason}; not used"),
            ));
            return None;
        }
    };
    let found: Option<Vec<usize>> = columns.iter().map(|name| table.column(name)).collect();
    let Some(found) = found else {
        let wanted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
        let line = table.header_line;
        table.warn(
            line,
            format!("no {} columns; file not used", wanted.join(", ")),
        );
        batch.diagnostics.append(&mut table.diagnostics);
        return None;
    };
    let rows = table
        .rows
        .iter()
        .map(|row| std::array::from_fn(|n| row.cell(found[n]).to_string()))
        .collect();
    batch.diagnostics.append(&mut table.diagnostics);
    Some((table.label, rows))
}

/// What is known of people beside the faculty lists, by DBLP name.
pub(super) struct Known<'a> {
    aliases: &'a HashMap<String, String>,
    /// Area code → summed adjusted publication count, in file order.
    pub(super) areas: HashMap<String, Vec<(String, f64)>>,
    /// The area files read, for the schools' description.
    pub(super) area_files: Vec<String>,
    pub(super) honours: HashMap<String, Vec<String>>,
}

impl<'a> Known<'a> {
    /// Nothing known but DBLP's aliases.
    #[cfg(test)]
    pub(super) fn of_aliases(aliases: &'a HashMap<String, String>) -> Known<'a> {
        Known {
            aliases,
            areas: HashMap::new(),
            area_files: Vec::new(),
            honours: HashMap::new(),
        }
    }

    pub(super) fn new(
        files: &Files,
        batch: &mut Batch,
        aliases: &'a HashMap<String, String>,
    ) -> Known<'a> {
        let mut known = Known {
            aliases,
            areas: HashMap::new(),
            area_files: Vec::new(),
            honours: HashMap::new(),
        };
        for path in &files.areas {
            let Some((label, rows)) = cells(path, batch, &["name", "area", "adjustedcount"]) else {
                continue;
            };
            known.area_files.push(file_name(&label));
            for [name, area, count] in rows {
                let count = if count.is_empty() {
                    Ok(0.0)
                } else {
                    count.parse::<f64>()
                };
                let Ok(count) = count else { continue };
                let areas = known
                    .areas
                    .entry(known.canonical(&name).to_string())
                    .or_default();
                match areas.iter_mut().find(|(code, _)| *code == area) {
                    Some((_, sum)) => *sum += count,
                    None => areas.push((area, count)),
                }
            }
        }
        for (name, honour) in [
            ("turing.csv", "Turing Award"),
            ("acm-fellows.csv", "ACM Fellow"),
        ] {
            let Some((_, rows)) = files.optional(batch, name, &["name", "year"]) else {
                continue;
            };
            for [name, year] in rows.into_iter().filter(|[name, _]| !name.is_empty()) {
                let key = known.canonical(&name).to_string();
                known
                    .honours
                    .entry(key)
                    .or_default()
                    .push(format!("{honour} ({year})"));
            }
        }
        known
    }

    /// The DBLP name a spelling stands for.
    pub(super) fn canonical<'n>(&'n self, name: &'n str) -> &'n str {
        let (base, _) = split_tag(name.trim());
        self.aliases.get(base).map_or(base, String::as_str)
    }

    pub(super) fn is_alias(&self, name: &str) -> bool {
        self.aliases.contains_key(split_tag(name).0)
    }
}

fn file_name(label: &str) -> String {
    Path::new(label).file_name().map_or_else(
        || label.to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// One row of a faculty list.
pub(super) struct Raw {
    pub(super) label: usize,
    pub(super) line: usize,
    pub(super) name: String,
    pub(super) affiliation: String,
    pub(super) homepage: String,
    pub(super) scholar: String,
}

pub(super) fn read_faculty(
    mut table: Table,
    batch: &mut Batch,
    rows: &mut Vec<Raw>,
) -> Result<(), String> {
    let (Some(name), Some(affiliation)) = (table.column("name"), table.column("affiliation"))
    else {
        return Err(format!(
            "{}: no \"name\" and \"affiliation\" columns: not a CSRankings faculty list",
            table.label
        ));
    };
    let homepage = table.column("homepage");
    let scholar = table.column("scholarid");
    let label = batch.label(table.label.clone());
    batch.rows += table.rows.len() + table.unreadable;
    batch.skipped += table.unreadable;
    for row in std::mem::take(&mut table.rows) {
        let get = |column: Option<usize>| column.map_or("", |c| row.cell(c)).to_string();
        let raw = Raw {
            label,
            line: row.line,
            name: get(Some(name)),
            affiliation: get(Some(affiliation)),
            homepage: get(homepage),
            scholar: get(scholar),
        };
        let missing = match (raw.name.is_empty(), raw.affiliation.is_empty()) {
            (true, _) => "name",
            (false, true) => "affiliation",
            (false, false) => {
                rows.push(raw);
                continue;
            }
        };
        table.warn(row.line, format!("row has no {missing}; skipped"));
        batch.skipped += 1;
    }
    batch.diagnostics.append(&mut table.diagnostics);
    Ok(())
}
