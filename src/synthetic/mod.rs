//! Synthetic directories of any size, for measuring and for tests that need
//! many people: `cargo run --release --example generate -- --people 1000000
//! --schools 1000 --out DIR` writes one canonical file (docs/format.md) per
//! school. Every person is fictional.
//!
//! The output is a function of the [`Spec`] alone, so two runs give the same
//! bytes and a figure measured on one machine can be measured again on
//! another. It holds on purpose the collisions a search must tell apart: MIT
//! and RMIT, schools that share a long prefix, and two people of one name at
//! one school with websites of their own.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use words::{FIELDS, FIRST, FIXED_SCHOOLS, LAB_WORDS, LAST, PLACES, SCHOOL_FORMS, TITLES, TOPICS};

#[rustfmt::skip]
mod words;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub people: usize,
    pub schools: usize,
    /// Another seed, another directory of the same shape.
    pub seed: u64,
}

/// A school as generated: its name, its web domain and how many people.
struct SchoolPlan {
    name: String,
    domain: String,
    people: usize,
}

/// A small, fast, fixed generator (splitmix64), so that the output never
/// depends on a crate's version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        // The bias of a modulo over 64 bits is far below what matters here.
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The file name and text of every school's file, in order, one at a time
/// so that a million people never sit in memory at once.
pub fn files(spec: Spec) -> impl Iterator<Item = (String, String)> {
    let plans = plan(spec);
    let mut used_files = std::collections::HashSet::new();
    plans.into_iter().enumerate().map(move |(index, school)| {
        let mut rng = Rng(spec.seed ^ (index as u64).wrapping_mul(0xA076_1D64_78BD_642F));
        let mut file = slug(&school.name);
        while !used_files.insert(file.clone()) {
            file.push('-');
        }
        file.push_str(".md");
        (file, school_text(&school, index == 0, &mut rng))
    })
}

/// Writes every file into `dir` (created if need be); returns how many.
pub fn write(spec: Spec, dir: &Path) -> io::Result<usize> {
    fs::create_dir_all(dir)?;
    let mut count = 0;
    for (name, text) in files(spec) {
        fs::write(dir.join(name), text)?;
        count += 1;
    }
    Ok(count)
}

fn plan(spec: Spec) -> Vec<SchoolPlan> {
    let schools = spec.schools.max(1);
    let mut rng = Rng(spec.seed);
    let mut names = std::collections::HashSet::new();
    let mut plans = Vec::with_capacity(schools);
    for index in 0..schools {
        let (name, domain) = match FIXED_SCHOOLS.get(index) {
            Some(&(name, domain)) => (name.to_string(), domain.to_string()),
            None => loop {
                let place = rng.pick(PLACES);
                let form = rng.pick(SCHOOL_FORMS);
                let mut name = form.replace("{}", place);
                // Once the forms run out, campuses tell schools apart.
                if names.contains(&name.to_lowercase()) && index > PLACES.len() * 4 {
                    name = format!("{name} - Campus {index}");
                }
                if !names.contains(&name.to_lowercase()) {
                    let domain = format!("{}.edu", slug(place));
                    break (name, domain);
                }
            },
        };
        names.insert(name.to_lowercase());
        let people = spec.people / schools + usize::from(index < spec.people % schools);
        plans.push(SchoolPlan {
            name,
            domain,
            people,
        });
    }
    plans
}

fn school_text(school: &SchoolPlan, namesakes: bool, rng: &mut Rng) -> String {
    let field = rng.pick(FIELDS);
    let mut text = String::with_capacity(school.people * 260 + 1024);
    let _ = write!(
        text,
        "# {name} - {field} Faculty\n\n## Research Focus: {field}\n\n\
         This list includes faculty at {name} who research topics related to {lower}. \
         Synthetic data generated for testing; all people are fictional.\n\n---\n\n## Faculty\n\n",
        name = school.name,
        lower = field.to_lowercase(),
    );
    let mut seen = std::collections::HashSet::new();
    for index in 0..school.people {
        if namesakes && index < 2 {
            // One name, two people: each with a website of their own.
            let website = if index == 0 {
                format!("https://www.{}/people/wei-zhang", school.domain)
            } else {
                "https://weizhang.github.io/".to_string()
            };
            seen.insert("Wei Zhang".to_string());
            person(&mut text, "Wei Zhang", Some(&website), school, rng);
            continue;
        }
        let name = fresh_name(rng, &mut seen);
        let website = (!rng.chance(4)).then(|| website(&name, school, rng));
        person(&mut text, &name, website.as_deref(), school, rng);
    }
    labs(&mut text, school, rng);
    text
}

/// A name not yet used at this school, so that no two people merge. When
/// names run out (a school far larger than any real one) a numbered one is used.
fn fresh_name(rng: &mut Rng, seen: &mut std::collections::HashSet<String>) -> String {
    for _ in 0..16 {
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let name = match rng.below(20) {
            0 => format!(
                "{first} {}. {last}",
                rng.pick(&["A", "B", "C", "J", "M", "S"])
            ),
            1 => format!("{first}-{} {last}", rng.pick(FIRST)),
            2 => format!("{first} ({}) {last}", rng.pick(FIRST)),
            _ => format!("{first} {last}"),
        };
        if seen.insert(name.clone()) {
            return name;
        }
    }
    let name = format!("{} {} {}", rng.pick(FIRST), rng.pick(LAST), seen.len());
    seen.insert(name.clone());
    name
}

fn website(name: &str, school: &SchoolPlan, rng: &mut Rng) -> String {
    let slug = slug(name);
    match rng.below(5) {
        0 => format!("https://{}.github.io/", slug.replace('-', "")),
        1 => format!("https://people.{}/~{slug}/", school.domain),
        2 => format!("https://sites.google.com/view/{}", slug.replace('-', "")),
        _ => format!("https://www.{}/people/{slug}", school.domain),
    }
}

fn person(
    text: &mut String,
    name: &str,
    website: Option<&str>,
    school: &SchoolPlan,
    rng: &mut Rng,
) {
    let _ = writeln!(text, "### {name}");
    if !rng.chance(3) {
        let _ = writeln!(text, "- **Title**: {}", rng.pick(TITLES));
    }
    let topics = 1 + rng.below(4);
    let mut research = String::new();
    for topic in 0..topics {
        if topic > 0 {
            research.push_str(", ");
        }
        research.push_str(rng.pick(TOPICS));
    }
    let _ = writeln!(text, "- **Research**: {research}");
    if let Some(website) = website {
        let _ = writeln!(text, "- **Website**: {website}");
    }
    if rng.chance(30) {
        let user: String = (0..12)
            .map(|_| {
                char::from(
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                        [rng.below(62)],
                )
            })
            .collect();
        let _ = writeln!(
            text,
            "- **Scholar**: https://scholar.google.com/citations?user={user}"
        );
    }
    if rng.chance(20) {
        let _ = writeln!(text, "- **Email**: {}@{}", slug(name), school.domain);
    }
    text.push('\n');
}

fn labs(text: &mut String, school: &SchoolPlan, rng: &mut Rng) {
    let count = rng.below(5);
    if count == 0 {
        return;
    }
    text.push_str("---\n\n## Notable Labs\n\n");
    let mut seen = std::collections::HashSet::new();
    for _ in 0..count {
        let name = format!("{} {} Lab", rng.pick(LAB_WORDS), rng.pick(LAB_WORDS));
        if seen.insert(name.clone()) {
            let _ = writeln!(
                text,
                "- **{name}**: https://{}.{}/",
                slug(&name),
                school.domain
            );
        }
    }
}

/// Lower-case ASCII letters and digits joined by `-`: a file or URL part.
fn slug(text: &str) -> String {
    let slug = crate::fold::slug(text);
    if slug.is_empty() {
        "x".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{self, Input};

    const SPEC: Spec = Spec {
        people: 5000,
        schools: 12,
        seed: 7,
    };

    #[test]
    fn the_same_spec_gives_the_same_files() {
        let first: Vec<_> = files(SPEC).collect();
        assert_eq!(first, files(SPEC).collect::<Vec<_>>());
        assert_ne!(first, files(Spec { seed: 8, ..SPEC }).collect::<Vec<_>>());
        assert_eq!(first.len(), 12);
    }

    #[test]
    fn every_person_loads_without_a_word_and_the_collisions_are_there() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(write(SPEC, dir.path()).unwrap(), 12);
        let inputs: Vec<Input> = files(SPEC)
            .map(|(name, _)| Input::File(dir.path().join(name)))
            .collect();
        let loaded = sources::load(&inputs);
        assert_eq!(loaded.diagnostics, []);
        let directory = &loaded.directory;
        assert_eq!(directory.people.len(), 5000);
        assert_eq!(directory.schools.len(), 12);
        for name in [
            "Massachusetts Institute of Technology",
            "RMIT University",
            "University of California - Berkeley",
            "University of California - Davis",
        ] {
            assert!(directory.find_school(name).is_some(), "{name}");
        }
        let wei_zhangs = directory
            .people
            .iter()
            .filter(|p| p.school == 0 && p.name() == "Wei Zhang")
            .count();
        assert_eq!(wei_zhangs, 2);
        assert!(directory.people.iter().any(|p| !p.name().is_ascii()));
        assert!(directory.schools.iter().any(|s| !s.labs.is_empty()));
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Łukasz Dvořák"), "lukasz-dvorak");
        assert_eq!(
            slug("University of California - Davis"),
            "university-of-california-davis"
        );
        assert_eq!(slug("王"), "x");
    }
}
