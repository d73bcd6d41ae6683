//! `import csrankings`: the faculty of every school in a local copy of the
//! CSRankings data files (<https://csrankings.org>, kept in the CSrankings
//! repository on GitHub). profdex ships none of them: CSRankings' licence
//! (CC BY-NC-ND 4.0) forbids sharing what is made from them.
//!
//! `csrankings-[a-z].csv` (`name,affiliation,homepage,scholarid`) lists one
//! row per DBLP spelling of a name. Rows of one affiliation are one person
//! when DBLP's aliases (`dblp-aliases.csv`) give them one name, when they
//! share a Scholar id, or when they share a homepage and their names agree
//! ([`names::compatible`]). Research areas come from
//! `generated-author-info*.csv` when there is one, honours from
//! `acm-fellows.csv` and `turing.csv`.

mod files;
mod names;
mod people;

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use super::Batch;
use super::table::{self, warning};
use crate::fold::fold;
use crate::model::{Field, PersonDraft, School};
use crate::parse::website_verdict;
use files::{Files, Known, Raw, read_faculty};
use names::{display_name, preference, scholar_id, split_tag};
use people::people_of;

/// CSRankings' area codes, by readable name.
const AREAS: &[(&str, &str)] = &[
    ("act", "Algorithms and complexity"),
    ("ai", "Artificial intelligence"),
    ("arch", "Computer architecture"),
    ("bed", "Embedded and real-time systems"),
    ("bio", "Computational biology and bioinformatics"),
    ("chi", "Human-computer interaction"),
    ("comm", "Computer networks"),
    ("crypt", "Cryptography"),
    ("csed", "Computer science education"),
    ("da", "Design automation"),
    ("ecom", "Economics and computation"),
    ("graph", "Computer graphics"),
    ("hpc", "High-performance computing"),
    ("ir", "Web and information retrieval"),
    ("log", "Logic and verification"),
    ("metrics", "Measurement and performance analysis"),
    ("ml", "Machine learning"),
    ("mlmining", "Machine learning"),
    ("mobile", "Mobile computing"),
    ("mod", "Databases"),
    ("nlp", "Natural language processing"),
    ("ops", "Operating systems"),
    ("plan", "Programming languages"),
    ("robotics", "Robotics"),
    ("sec", "Computer security"),
    ("soft", "Software engineering"),
    ("vis", "Visualization"),
    ("vision", "Computer vision"),
];

/// The sub-units CSRankings tags names with, by affiliation and tag.
const TAGS: &[(&str, &str, &str)] = &[
    ("Cornell University", "Tech", "Cornell Tech"),
    ("Max Planck Society", "SWS", "MPI for Software Systems"),
    ("Max Planck Society", "INF", "MPI for Informatics"),
    ("Max Planck Society", "SP", "MPI for Security and Privacy"),
    ("Max Planck Society", "IS", "MPI for Intelligent Systems"),
    (
        "Max Planck Society",
        "CBG",
        "MPI of Molecular Cell Biology and Genetics",
    ),
    ("Max Planck Society", "MPIB", "MPI for Human Development"),
    ("Max Planck Society", "MG", "MPI for Molecular Genetics"),
    (
        "Max Planck Society",
        "KYB",
        "MPI for Biological Cybernetics",
    ),
];

/// At most this many areas a person, each at least this share of their
/// first: the areas they publish in, not every area they touched once.
const MAX_AREAS: usize = 5;
const MIN_AREA_SHARE: f64 = 0.15;

const SOURCE: &str = "Source: CSRankings (https://csrankings.org), Emery D. Berger and contributors, CC BY-NC-ND 4.0; publication data from DBLP (ODC-BY).";

/// The people of the CSRankings files in `dir`, or why there are none.
pub fn read(dir: &Path) -> Result<Batch, String> {
    let files = Files::in_dir(dir)?;
    let mut batch = Batch::default();
    let aliases: HashMap<String, String> = files
        .optional(&mut batch, "dblp-aliases.csv", &["alias", "name"])
        .into_iter()
        .flat_map(|(_, rows)| rows)
        .filter(|[alias, _]| !alias.is_empty())
        .map(|[alias, name]| (alias, name))
        .collect();
    let known = Known::new(&files, &mut batch, &aliases);
    let mut rows = Vec::new();
    for path in &files.faculty {
        let table = table::read(path)?;
        read_faculty(table, &mut batch, &mut rows)?;
    }
    let mut by_school: Vec<Vec<usize>> = Vec::new();
    let mut school_of: HashMap<&str, usize> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        let next = by_school.len();
        let school = *school_of.entry(&row.affiliation).or_insert(next);
        if school == next {
            by_school.push(Vec::new());
        }
        by_school[school].push(at);
    }
    for members in by_school {
        let school: Vec<&Raw> = members.iter().map(|&at| &rows[at]).collect();
        add_school(&mut batch, &known, &school);
    }
    Ok(batch)
}

/// A person made of rows of one affiliation, to be sorted and written.
struct Made {
    sort_key: String,
    person: PersonDraft,
    /// The row whose name is shown, where the person is said to be.
    row: usize,
}

fn add_school(batch: &mut Batch, known: &Known, rows: &[&Raw]) {
    let affiliation = &rows[0].affiliation;
    let mut made: Vec<Made> = people_of(rows, known)
        .into_iter()
        .map(|members| person(known, rows, &members))
        .collect();
    made.sort_by(|a, b| {
        (&a.sort_key, &a.person.name, &a.person.website).cmp(&(
            &b.sort_key,
            &b.person.name,
            &b.person.website,
        ))
    });
    let with_areas = made
        .iter()
        .filter(|m| !m.person.research.is_empty())
        .count();
    let school = School {
        name: affiliation.clone(),
        directory_title: Some("Computer Science Faculty".into()),
        research_focus: Some("Computer Science (CSRankings areas)".into()),
        description: vec![
            description(affiliation, made.len(), with_areas, &known.area_files),
            SOURCE.into(),
        ],
        labs: Vec::new(),
    };
    for Made {
        mut person, row, ..
    } in made
    {
        let raw = rows[row];
        let label = batch.labels[raw.label].clone();
        // A website as the directory reader takes one, said where it is.
        if let Some(website) = person.website.take() {
            match website_verdict(&website) {
                Ok(note) => {
                    batch
                        .diagnostics
                        .extend(note.map(|note| warning(&label, raw.line, note)));
                    person.website = Some(website);
                }
                Err(note) => {
                    batch.diagnostics.push(warning(&label, raw.line, note));
                    let field = Field {
                        key: "Website".into(),
                        value: website,
                    };
                    person.extra.insert(0, field);
                }
            }
        }
        batch.add(raw.label, affiliation, || school.clone(), person, raw.line);
    }
}

fn description(
    affiliation: &str,
    people: usize,
    with_areas: usize,
    area_files: &[String],
) -> String {
    let mut text = format!(
        "The {people} faculty member{} CSRankings lists at {affiliation}.",
        if people == 1 { "" } else { "s" }
    );
    if !area_files.is_empty() {
        let _ = write!(
            text,
            " Research lists each person's top CSRankings areas by adjusted publication count (from {}); {with_areas} of {people} have area data.",
            area_files.join(", ")
        );
    }
    text
}

/// The person the rows `members` of `rows` are.
fn person(known: &Known, rows: &[&Raw], members: &[usize]) -> Made {
    let best = *members
        .iter()
        .max_by_key(|&&at| preference(&rows[at].name, known.is_alias(&rows[at].name), at))
        .unwrap_or(&members[0]);
    let raw = rows[best];
    let name = display_name(&raw.name).to_string();
    let homepage = Some(raw.homepage.as_str())
        .filter(|h| !h.is_empty())
        .or_else(|| {
            members
                .iter()
                .map(|&at| rows[at].homepage.as_str())
                .find(|h| !h.is_empty())
        });
    let scholar = scholar_id(&raw.scholar)
        .or_else(|| members.iter().find_map(|&at| scholar_id(&rows[at].scholar)));
    let tags: BTreeSet<&str> = members
        .iter()
        .filter_map(|&at| split_tag(&rows[at].name).1)
        .filter(|tag| !tag.is_empty())
        .collect();
    let dblp: BTreeSet<&str> = members
        .iter()
        .map(|&at| known.canonical(&rows[at].name))
        .collect();
    let mut title = String::from("Faculty");
    if !tags.is_empty() {
        let units: Vec<&str> = tags
            .iter()
            .map(|&tag| {
                TAGS.iter()
                    .find(|(school, t, _)| *school == raw.affiliation && *t == tag)
                    .map_or(tag, |(_, _, unit)| unit)
            })
            .collect();
        title.push_str(", ");
        title.push_str(&units.join("; "));
    }
    let honours = honours(known, &dblp);
    if !honours.is_empty() {
        title.push_str("; ");
        title.push_str(&honours.join("; "));
    }
    let mut extra = Vec::new();
    if let Some(id) = scholar {
        extra.push(Field {
            key: "Scholar".into(),
            value: format!("https://scholar.google.com/citations?user={id}"),
        });
    }
    let sort_key = fold(&name).unwrap_or_else(|| name.clone()).to_lowercase();
    Made {
        sort_key,
        person: PersonDraft {
            school: 0,
            name,
            title: Some(title),
            research: areas(known, &dblp),
            website: homepage.map(str::to_string),
            extra,
        },
        row: best,
    }
}

/// The person's main areas, by readable name.
fn areas(known: &Known, dblp: &BTreeSet<&str>) -> Vec<String> {
    let mut total: Vec<(&str, f64)> = Vec::new();
    for name in dblp {
        for (code, count) in known.areas.get(*name).into_iter().flatten() {
            match total.iter_mut().find(|(c, _)| c == code) {
                Some((_, sum)) => *sum += count,
                None => total.push((code, *count)),
            }
        }
    }
    total.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let Some(&(_, top)) = total.first() else {
        return Vec::new();
    };
    let mut research: Vec<String> = Vec::new();
    for (code, count) in total {
        if count < top * MIN_AREA_SHARE || research.len() >= MAX_AREAS {
            break;
        }
        let label = AREAS
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(code, |(_, label)| label);
        if !research.iter().any(|known| known == label) {
            research.push(label.to_string());
        }
    }
    research
}

/// The person's honours, oldest first.
fn honours(known: &Known, dblp: &BTreeSet<&str>) -> Vec<String> {
    let mut honours: Vec<&String> = dblp
        .iter()
        .filter_map(|name| known.honours.get(*name))
        .flatten()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // "ACM Fellow (1994)": by the year, then the words.
    let year = |honour: &str| -> String {
        let chars: Vec<char> = honour.chars().collect();
        let end = chars.len().saturating_sub(1);
        chars[end.saturating_sub(4)..end].iter().collect()
    };
    honours.sort_by_cached_key(|honour| (year(honour), (*honour).clone()));
    honours.into_iter().cloned().collect()
}
