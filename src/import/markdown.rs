//! `import markdown`: faculty lists as people publish them (list entries,
//! tables, front matter, canonical entries or a mix), read by the
//! directory reader and merged as loading merges files, to be written in
//! the canonical form for the user to take over.

use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::parse::{ParsedFile, parse};
use crate::sources::{self, Loaded};

/// What the files gave: the people merged, everything said on the way,
/// and how many people the files held before merging.
pub struct Imported {
    pub loaded: Loaded,
    pub files: usize,
    pub read: usize,
}

/// Reads `paths`; `school`, when given, is the school of everyone in
/// them, whatever the files say. A file that cannot be read is said and
/// skipped; when none can be, the reason is the error.
pub fn read(paths: &[PathBuf], school: Option<&str>) -> Result<Imported, String> {
    let mut files = Vec::with_capacity(paths.len());
    let mut unreadable = Vec::new();
    for path in paths {
        let label = path.display().to_string();
        match sources::read_file(path) {
            Ok(bytes) => {
                let mut file = parse(&label, &bytes);
                if let Some(school) = school {
                    one_school(&mut file, school);
                }
                files.push((label, file));
            }
            Err(reason) => unreadable.push(Diagnostic::file_error(label, reason)),
        }
    }
    if files.is_empty() {
        let reasons: Vec<String> = unreadable.iter().map(ToString::to_string).collect();
        return Err(reasons.join("\n"));
    }
    let count = files.len();
    let read = files.iter().map(|(_, file)| file.people.len()).sum();
    let mut loaded = sources::merge(files);
    unreadable.append(&mut loaded.diagnostics);
    loaded.diagnostics = unreadable;
    Ok(Imported {
        loaded,
        files: count,
        read,
    })
}

/// Everyone and every lab of `file` in the school named `name`: the
/// schools a table named are folded into it.
fn one_school(file: &mut ParsedFile, name: &str) {
    let Some(school) = file.school.as_mut() else {
        return;
    };
    name.trim().clone_into(&mut school.name);
    for other in file.also.drain(..) {
        school.labs.extend(other.labs);
    }
    for parsed in &mut file.people {
        parsed.person.edit(|draft| draft.school = 0);
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{Directory, Lab, PersonDraft};
    use crate::writer::school_file;

    /// Each school as written, then read back: its people and its labs.
    fn written_and_read(directory: &Directory) -> Vec<(String, Vec<PersonDraft>, Vec<Lab>)> {
        directory
            .schools
            .iter()
            .enumerate()
            .map(|(id, school)| {
                let people = directory.people.iter().filter(|p| p.school == id);
                let text = school_file(school, people);
                let back = parse("written.md", text.as_bytes());
                assert_eq!(back.diagnostics, [], "{text}");
                let school = back.school.unwrap_or_default();
                let people = back.people.iter().map(|p| p.person.to_draft()).collect();
                (school.name, people, school.labs)
            })
            .collect()
    }

    fn as_imported(directory: &Directory) -> Vec<(String, Vec<PersonDraft>, Vec<Lab>)> {
        directory
            .schools
            .iter()
            .enumerate()
            .map(|(id, school)| {
                let people = directory
                    .people
                    .iter()
                    .filter(|p| p.school == id)
                    .map(|p| {
                        let mut draft = p.to_draft();
                        draft.school = 0;
                        draft
                    })
                    .collect();
                (school.name.clone(), people, school.labs.clone())
            })
            .collect()
    }

    fn merged(label: &str, text: &str) -> Loaded {
        sources::merge([(label.to_string(), parse(label, text.as_bytes()))])
    }

    #[test]
    fn the_school_option_puts_everyone_in_one_school() {
        let text = "# Awesome\n\n| Name | University |\n|---|---|\n| Ada | MIT |\n| Bo | Example U |\n\n## Links\n- [Lab](https://lab.example/)\n";
        let mut file = parse("a.md", text.as_bytes());
        one_school(&mut file, " Big U ");
        let loaded = sources::merge([("a.md".to_string(), file)]);
        let schools: Vec<&str> = loaded
            .directory
            .schools
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(schools, ["Big U"]);
        assert_eq!(loaded.directory.people.len(), 2);
        assert_eq!(loaded.directory.schools[0].labs.len(), 1);
    }

    #[test]
    fn the_samples_read_back_as_they_were_imported() {
        for sample in ["ml-faculty.md", "awesome-table.md", "theory-homepages.md"] {
            let path = format!("{}/tests/samples/{sample}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let loaded = merged(sample, &text);
            assert!(!loaded.directory.people.is_empty(), "{sample}");
            assert_eq!(
                written_and_read(&loaded.directory),
                as_imported(&loaded.directory),
                "{sample}"
            );
        }
    }

    /// Names, topics and tags as lists write them: letters beyond ASCII,
    /// punctuation that is markup elsewhere, words that name sections.
    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::string::string_regex("[A-Z][a-zé'ñ]{1,7}( [A-Z][a-zø-]{1,8}){1,2}")
                .expect("regex"),
            Just("王小明".to_string()),
            Just("Zoë O'Brien-Ångström".to_string()),
            Just("Matthew Links".to_string()),
            Just("Ann News".to_string()),
            Just("Dee *Star* Lee".to_string()),
        ]
    }

    fn words() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "[a-zA-Zé0-9`*_&<>#+=-]{1,8}( [a-zA-Zé0-9`*_&<>#+=.-]{1,8}){0,3}",
        )
        .expect("regex")
    }

    #[derive(Debug, Clone)]
    struct Entry {
        name: String,
        url: Option<String>,
        tag: Option<String>,
        topics: Vec<String>,
        bold: bool,
    }

    fn entry() -> impl Strategy<Value = Entry> {
        (
            name(),
            proptest::option::of("[a-z]{1,6}"),
            proptest::option::of(words()),
            proptest::collection::vec(words(), 0..4),
            any::<bool>(),
        )
            .prop_map(|(name, url, tag, topics, bold)| Entry {
                url: url.map(|u| format!("https://u.example/~{u}_(x)/")),
                name,
                tag,
                topics,
                bold,
            })
    }

    /// A list-shaped document: groups of entries, a table, labs.
    fn document(groups: &[(String, Vec<Entry>)], rows: &[Entry], labs: &[String]) -> String {
        let mut text = String::from("---\ntitle: \"Example U - Faculty\"\n---\n\n## People\n");
        for (group, entries) in groups {
            let _ = writeln!(text, "\n**{group}**\n");
            for e in entries {
                let name = match (&e.url, e.bold) {
                    (Some(url), _) => format!("[{}]({url})", e.name),
                    (None, _) => format!("**{}**", e.name),
                };
                let tag = e
                    .tag
                    .as_ref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default();
                let topics = if e.topics.is_empty() {
                    String::new()
                } else {
                    format!(": {}", e.topics.join(", "))
                };
                let _ = writeln!(text, "- {name}{tag}{topics}");
            }
        }
        text.push_str("\n| Name | University | Research | Homepage |\n|---|---|---|---|\n");
        for (i, e) in rows.iter().enumerate() {
            let school = ["", "MIT", "Example U", "Univ. of California - Berkeley"][i % 4];
            let url = e.url.as_deref().unwrap_or("");
            let _ = writeln!(
                text,
                "| {} | {school} | {} | {url} |",
                e.name,
                e.topics.join("<br>")
            );
        }
        text.push_str("\n## Links\n");
        for (i, lab) in labs.iter().enumerate() {
            let _ = writeln!(text, "- [{lab}](https://lab{i}.example/)");
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(120))]

        #[test]
        fn imported_lists_read_back_to_the_same_people(
            groups in proptest::collection::vec(
                (name(), proptest::collection::vec(entry(), 0..5)),
                0..3,
            ),
            rows in proptest::collection::vec(entry(), 0..5),
            labs in proptest::collection::vec(name(), 0..3),
        ) {
            let text = document(&groups, &rows, &labs);
            let loaded = merged("list.md", &text);
            let listed: usize = groups.iter().map(|(_, e)| e.len()).sum();
            prop_assume!(listed + rows.len() > 0);
            prop_assert!(!loaded.directory.people.is_empty(), "{}", text);
            prop_assert_eq!(
                written_and_read(&loaded.directory),
                as_imported(&loaded.directory),
                "{}",
                text
            );
        }
    }
}
