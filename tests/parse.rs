//! The parser against the seed files, huge inputs and generated garbage.

use std::fmt::Write as _;

use profdex::diag::Diagnostic;
use profdex::parse::{ParsedFile, parse};
use profdex::url::is_openable_url;
use proptest::prelude::*;

fn seed(name: &str) -> ParsedFile {
    let path = format!("{}/assets/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    parse(&format!("builtin:{name}"), &bytes)
}

fn check_seed(name: &str, school: &str, people: usize, labs: usize) {
    let file = seed(name);
    assert_eq!(file.diagnostics, [], "{name}");
    let parsed = file.school.expect("a school");
    assert_eq!(parsed.name, school);
    assert_eq!(
        parsed.directory_title.as_deref(),
        Some("Machine Learning Systems Faculty")
    );
    assert_eq!(
        parsed.research_focus.as_deref(),
        Some("Machine Learning Systems (MLSys)")
    );
    assert_eq!(parsed.description.len(), 1);
    assert_eq!(parsed.labs.len(), labs, "{name}");
    assert!(parsed.labs.iter().all(|lab| is_openable_url(&lab.url)));
    assert_eq!(file.people.len(), people, "{name}");
    for p in &file.people {
        let person = &p.person;
        assert!(person.title().is_some(), "{}", person.name());
        assert!(person.has_research(), "{}", person.name());
        let website = person.website().unwrap_or("");
        assert!(website.starts_with("https://"), "{}", person.name());
        assert_eq!(person.extra().len(), 0, "{}", person.name());
        assert_eq!(person.school, 0);
    }
}

#[test]
fn mit_seed() {
    check_seed("mit.md", "MIT", 9, 4);
    let file = seed("mit.md");
    let han = file
        .people
        .iter()
        .find(|p| p.person.name() == "Song Han")
        .expect("Song Han");
    assert_eq!(han.person.title(), Some("Associate Professor of EECS"));
    assert_eq!(han.person.research().len(), 5);
    assert_eq!(
        han.person.research().next().unwrap_or_default(),
        "Efficient AI computing"
    );
    assert_eq!(han.person.website(), Some("https://hanlab.mit.edu/"));
    assert_eq!((han.line, han.column), (46, 1));
    let labs = &file.school.expect("a school").labs;
    assert_eq!(labs[1].name, "HAN Lab");
    assert_eq!(labs[1].url, "https://hanlab.mit.edu/");
}

#[test]
fn berkeley_seed() {
    check_seed("berkeley.md", "UC Berkeley", 9, 3);
}

/// Shapes that are slow or deep for a markdown parser. Each is one line of
/// several megabytes inside an otherwise good file; the good parts survive.
#[test]
fn multi_megabyte_lines() {
    const SIZE: usize = 5 << 20;
    let shapes = [
        "a",
        "[",
        "*",
        "<",
        "`",
        "- **Title**: ",
        "[a](",
        "> ",
        "1. ",
        "é😀\u{301}",
    ];
    for shape in shapes {
        let line = shape.repeat(SIZE / shape.len());
        let src = format!("# S\n\n## Faculty\n\n### J\n- Title: T\n{line}\n\n### K\n- Title: U\n");
        let file = parse("big.md", src.as_bytes());
        let names: Vec<_> = file.people.iter().map(|p| p.person.name()).collect();
        assert_eq!(names, ["J", "K"], "{shape:?}");
        assert_eq!(file.people[1].person.title(), Some("U"), "{shape:?}");
        assert_eq!(file.diagnostics.len(), 1, "{shape:?}");
        assert_eq!(file.diagnostics[0].line, 7, "{shape:?}");
    }
}

/// Just below the long-line guard, pathological shapes still go through the
/// markdown parser; many such lines together still parse.
#[test]
fn many_long_lines_and_deep_nesting() {
    let mut src = String::from("# S\n\n## Faculty\n\n");
    for shape in ["[", "<", "*a", "1. ", "> ", "- "] {
        src.push_str(&shape.repeat(60_000 / shape.len()));
        src.push_str("\n\n");
    }
    src.push_str("### J\n- Title: T\n");
    let file = parse("deep.md", src.as_bytes());
    assert_eq!(file.people.len(), 1);
    assert_eq!(file.people[0].person.title(), Some("T"));
}

#[test]
fn many_people() {
    let mut src = String::from("# S\n\n## Faculty\n\n");
    for i in 0..20_000 {
        write!(
            src,
            "### Person {i}\n- **Title**: Professor\n- **Research**: a, b\n- **Website**: https://x.org/{i}\n\n"
        )
        .unwrap();
    }
    let file = parse("many.md", src.as_bytes());
    assert_eq!(file.diagnostics, []);
    assert_eq!(file.people.len(), 20_000);
    assert_eq!(file.people[19_999].line, 19_999 * 5 + 5);
}

/// Lines as `CommonMark` counts them: LF, CRLF and a lone CR each end one.
fn line_count(text: &str) -> usize {
    1 + text.replace("\r\n", "\n").matches(['\r', '\n']).count()
}

fn check_lines(diagnostics: &[Diagnostic], lines: usize) {
    for d in diagnostics {
        assert!(d.line <= lines + 1, "{d} is past line {lines}");
        assert!(
            (d.line == 0) == (d.column == 0),
            "{d} has a line without a column or the reverse"
        );
    }
}

const GOOD: &str = "\n\n## Faculty\n\n### Good Person\n- **Title**: Professor\n- **Research**: a, b\n- **Website**: https://good.example/\n";

const FRAGMENTS: &[&str] = &[
    "#",
    "##",
    "###",
    " ",
    "- **",
    "**",
    ":",
    "[",
    "](",
    "<",
    ">",
    "http://",
    "https://x.org",
    "\n",
    "\r\n",
    "\r",
    "*",
    "`",
    "```",
    "é",
    "😀",
    "\u{301}",
    "\u{0}",
    "\u{1b}",
    "\t",
    "\u{7f}",
    "Title",
    "Website",
    "Research",
    "Labs",
    "Faculty",
    "x",
    ",",
    ";",
    "---",
    "1.",
    "> ",
    "    ",
    "|",
    "<!--",
    "!",
    "_",
    "~~~",
    "\\",
    "[x]: ",
    "===",
    "<div>",
    "(",
    ")",
    "?",
];

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let file = parse("fuzz.md", &bytes);
        let text = String::from_utf8_lossy(&bytes);
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => &text[..],
            Err(err) => text.get(..err.valid_up_to()).unwrap_or(""),
        };
        check_lines(&file.diagnostics, line_count(valid));
        prop_assert_eq!(file.school.is_none(), std::str::from_utf8(&bytes).is_err());
    }

    #[test]
    fn a_good_entry_survives_any_garbage_before_it(garbage in markdownish()) {
        let file = parse("fuzz.md", garbage.as_bytes());
        check_lines(&file.diagnostics, line_count(&garbage));

        let text = format!("{garbage}{GOOD}");
        let file = parse("fuzz.md", text.as_bytes());
        check_lines(&file.diagnostics, line_count(&text));
        // An unclosed fence or comment legitimately swallows the rest of the
        // file; the reader says so, which is what matters there.
        let swallowed = file.diagnostics.iter().any(|d| d.message.contains("is never closed"));
        if !swallowed {
            let last = file.people.last().map(|p| &p.person);
            prop_assert!(last.is_some(), "lost the good person: {:?}", file.diagnostics);
            if let Some(last) = last {
                prop_assert_eq!(last.name(), "Good Person");
                prop_assert_eq!(last.title(), Some("Professor"));
                prop_assert_eq!(last.research().collect::<Vec<_>>(), ["a", "b"]);
                prop_assert_eq!(last.website(), Some("https://good.example/"));
                prop_assert_eq!(last.extra().len(), 0);
            }
        }
    }
}
