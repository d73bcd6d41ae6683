//! The section reader: a small state machine that turns blocks into a
//! school, its labs and its people. Every block is judged on its own, so
//! one bad entry cannot disturb the next.

use std::ops::Range;

use pulldown_cmark::HeadingLevel;

use super::blocks::{Block, BlockKind, Inline};
use super::fields::{fault, misleading, read_field};
use super::inline::{collapse, first_link, markup_changed, quote, render, split_key, split_lines};
use super::positions::Reporter;
use super::{ParsedFile, ParsedPerson};
use crate::diag::Severity;
use crate::model::{Lab, PersonDraft, School};
use crate::url::{is_openable_url, refusal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before any `##`: paragraphs describe the directory.
    Preamble,
    /// After a bare `## Research Focus`: the next paragraph is the focus.
    Focus,
    Faculty,
    Labs,
    /// Any other `##`: ignored until the next one.
    Other,
}

struct CurrentPerson {
    draft: PersonDraft,
    line: usize,
    column: usize,
    /// `### [Name](url)` gives a website when no field does.
    heading_url: Option<String>,
}

pub(super) struct Reader<'a> {
    rep: Reporter<'a>,
    school: School,
    /// Offset of the first `#` heading.
    h1: Option<usize>,
    section: Section,
    person: Option<CurrentPerson>,
    /// After a `###` without a name or a deeper heading among the faculty,
    /// until the next `###` or `##`: what is there belongs to no one, and
    /// the heading has said so once for all of it.
    skipping: bool,
    /// A top-level item, with the text of items nested in it appended.
    pending: Option<(Range<usize>, Vec<Inline>)>,
    people: Vec<ParsedPerson>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(rep: Reporter<'a>) -> Self {
        Reader {
            rep,
            school: School::default(),
            h1: None,
            section: Section::Preamble,
            person: None,
            skipping: false,
            pending: None,
            people: Vec::new(),
        }
    }

    pub(super) fn block(&mut self, block: Block) {
        if let BlockKind::Item(depth) = block.kind
            && depth > 0
            && let Some((source, inlines)) = &mut self.pending
        {
            source.end = source.end.max(block.end);
            inlines.push(Inline::Sep);
            inlines.extend(block.inlines);
            return;
        }
        if let Some((source, inlines)) = self.pending.take() {
            self.field(source, &inlines);
        }
        match block.kind {
            BlockKind::Heading(HeadingLevel::H1) => self.h1(&block),
            BlockKind::Heading(HeadingLevel::H2) => {
                self.end_person();
                self.section = self.h2(&block);
            }
            BlockKind::Heading(HeadingLevel::H3) => match self.section {
                Section::Preamble | Section::Focus | Section::Faculty => {
                    // People listed without a `## Faculty` heading are still people.
                    self.section = Section::Faculty;
                    self.start_person(&block);
                }
                Section::Labs if first_link(&block.inlines).is_some() => {
                    self.lab(block.source(), &block.inlines);
                }
                _ => {}
            },
            BlockKind::Heading(level) if self.section == Section::Faculty => {
                self.subheading(&block, level);
            }
            BlockKind::Heading(_) | BlockKind::Rule => {}
            BlockKind::Para => self.paragraph(&block),
            BlockKind::Item(depth) => match self.section {
                Section::Faculty if self.skipping => {}
                Section::Faculty if self.person.is_some() => {
                    self.pending = Some((block.source(), block.inlines));
                }
                Section::Faculty if depth == 0 => self.rep.warn(
                    block.start,
                    format!(
                        "item {} is not under a \"### Name\" heading; skipped",
                        quote(&render(&block.inlines))
                    ),
                ),
                Section::Labs => self.lab(block.source(), &block.inlines),
                _ => {}
            },
        }
    }

    fn h1(&mut self, block: &Block) {
        let text = render(&block.inlines);
        if self.h1.is_some() {
            self.rep.warn(
                block.start,
                format!("second \"# School\" heading {} ignored", quote(&text)),
            );
            return;
        }
        self.h1 = Some(block.start);
        // Markdown trims the heading, so pad it: "# - Faculty" has an empty name.
        let (name, title) = match format!(" {text} ").rsplit_once(" - ") {
            Some((name, title)) => (name.trim().to_string(), Some(title.trim().to_string())),
            None => (text, None),
        };
        self.school.name = name;
        self.school.directory_title = title.filter(|t| !t.is_empty());
    }

    fn h2(&mut self, block: &Block) -> Section {
        const FOCUS: &str = "research focus";
        let text = render(&block.inlines);
        let title = text.trim().trim_end_matches(':').trim_end();
        if title.eq_ignore_ascii_case("faculty") {
            return Section::Faculty;
        }
        if title.eq_ignore_ascii_case("labs") || title.eq_ignore_ascii_case("notable labs") {
            return Section::Labs;
        }
        let Some(rest) = text
            .get(..FOCUS.len())
            .filter(|head| head.eq_ignore_ascii_case(FOCUS))
            .and_then(|_| text.get(FOCUS.len()..))
        else {
            return Section::Other;
        };
        let rest = rest.trim();
        match rest.strip_prefix(':').map(str::trim) {
            Some(focus) if !focus.is_empty() => {
                self.school.research_focus = Some(focus.to_string());
                Section::Preamble
            }
            Some(_) => Section::Focus,
            None if rest.is_empty() => Section::Focus,
            None => Section::Other,
        }
    }

    fn paragraph(&mut self, block: &Block) {
        match self.section {
            Section::Preamble => {
                let text = render(&block.inlines);
                if !text.is_empty() {
                    self.school.description.push(text);
                }
            }
            Section::Focus => {
                let text = render(&block.inlines);
                if !text.is_empty() {
                    self.school.research_focus = Some(text);
                    self.section = Section::Preamble;
                }
            }
            // Fields written as plain lines under a person, without bullets.
            Section::Faculty if self.person.is_some() && !self.skipping => {
                for (source, line) in split_lines(block.source(), &block.inlines) {
                    if !render(line).is_empty() {
                        self.field(source, line);
                    }
                }
            }
            _ => {}
        }
    }

    fn start_person(&mut self, block: &Block) {
        self.end_person();
        let name = render(&block.inlines);
        if name.is_empty() {
            self.skipping = true;
            self.rep.at(
                block.start,
                Severity::Error,
                "person without a name; its fields are skipped".to_string(),
            );
            return;
        }
        let (line, column) = self.rep.index.position(block.start);
        self.person = Some(CurrentPerson {
            draft: PersonDraft {
                name,
                ..PersonDraft::default()
            },
            line,
            column,
            heading_url: first_link(&block.inlines).map(|(_, url)| url.to_string()),
        });
    }

    /// A `####` (or deeper) among the faculty is no person, and what follows
    /// it must not be given to the person above: a title there would land
    /// on the wrong person without a word.
    fn subheading(&mut self, block: &Block, level: HeadingLevel) {
        self.end_person();
        self.skipping = true;
        let heading = format!("{} {}", "#".repeat(level as usize), render(&block.inlines));
        self.rep.warn(
            block.start,
            format!(
                "heading {} is not a \"### Name\" heading; the items under it are skipped",
                quote(heading.trim_end())
            ),
        );
    }

    fn end_person(&mut self) {
        self.skipping = false;
        if let Some(current) = self.person.take() {
            let CurrentPerson {
                mut draft,
                line,
                column,
                heading_url,
            } = current;
            if draft.website.is_none() {
                draft.website = heading_url.filter(|url| is_openable_url(url));
                if let Some(url) = &draft.website
                    && let Some(why) = misleading(url)
                {
                    let message = format!("website {} {why}", quote(url));
                    self.rep.push(line, column, Severity::Warning, message);
                }
            }
            self.people.push(ParsedPerson {
                person: draft.build(),
                line,
                column,
            });
        }
    }

    fn field(&mut self, source: Range<usize>, line: &[Inline]) {
        if let Some(current) = self.person.as_mut() {
            read_field(&mut current.draft, &mut self.rep, source, line);
        }
    }

    /// A lab is `Name: url`, `[Name](url)`, or `**[Name](url)**: words`.
    fn lab(&mut self, source: Range<usize>, line: &[Inline]) {
        let start = source.start;
        // A URL read from the text rather than from a link, which markup
        // in it may have changed.
        let mut bare = false;
        let (name, url) = match split_key(line) {
            Some((key, key_url, value)) => {
                let link_url =
                    key_url.or_else(|| first_link(&value).map(|(_, url)| url.to_string()));
                bare = link_url.is_none();
                (key, link_url.unwrap_or_else(|| render(&value)))
            }
            None => match first_link(line) {
                Some((text, url)) if !text.trim().is_empty() => (collapse(text), url.to_string()),
                Some((_, url)) => (url.to_string(), url.to_string()),
                None => return self.unlinked_lab(start, &render(line)),
            },
        };
        let url = url.trim().to_string();
        if url.is_empty() {
            self.rep
                .warn(start, format!("lab {} has no URL; skipped", quote(&name)));
        } else if let Some(why) = refusal(&url) {
            self.rep.warn(
                start,
                format!(
                    "lab {}: {} {}; skipped",
                    quote(&name),
                    quote(&url),
                    fault(why)
                ),
            );
        } else if let Some((at, written)) = bare
            .then(|| markup_changed(self.rep.index.source(source), &url))
            .flatten()
        {
            self.rep.warn(
                start + at,
                format!(
                    "lab {}: {} reads as {} in markdown; skipped (<…> keeps a URL as written)",
                    quote(&name),
                    quote(&written),
                    quote(&url)
                ),
            );
        } else {
            if let Some(why) = misleading(&url) {
                self.rep.warn(
                    start,
                    format!("lab {}: {} {why}", quote(&name), quote(&url)),
                );
            }
            self.school.labs.push(Lab { name, url });
        }
    }

    /// A lab line with neither a link nor a `Name:` key is skipped; what it
    /// lacks is told by whether a bare URL (markdown links those only in
    /// `<…>`) is in it, and whether anything else is.
    fn unlinked_lab(&mut self, start: usize, text: &str) {
        let url = text.split_whitespace().find(|word| word.contains("://"));
        let message = match url {
            None => format!("lab {} has no URL; skipped", quote(text)),
            Some(url)
                if text
                    .replacen(url, "", 1)
                    .trim_matches(|c: char| c == ':' || c.is_whitespace())
                    .is_empty() =>
            {
                format!("lab {} has no name; skipped", quote(url))
            }
            Some(_) => format!(
                "lab {} has no \":\" between its name and URL; skipped",
                quote(text)
            ),
        };
        self.rep.warn(start, message);
    }

    pub(super) fn finish(mut self, label: &str) -> ParsedFile {
        if let Some((source, inlines)) = self.pending.take() {
            self.field(source, &inlines);
        }
        self.end_person();
        if self.school.name.is_empty() {
            let stem = file_stem(label);
            match self.h1 {
                None => self.rep.push(
                    0,
                    0,
                    Severity::Warning,
                    format!(
                        "no \"# School\" heading; using {} as the school name",
                        quote(&stem)
                    ),
                ),
                Some(start) => self.rep.warn(
                    start,
                    format!(
                        "\"# School\" heading has no school name; using {} as the school name",
                        quote(&stem)
                    ),
                ),
            }
            self.school.name = stem;
        }
        ParsedFile {
            school: Some(self.school),
            people: self.people,
            diagnostics: self.rep.diagnostics,
        }
    }
}

/// The school name for a file without one: its name without directory or extension.
fn file_stem(label: &str) -> String {
    let path = label.strip_prefix("builtin:").unwrap_or(label);
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    if stem.trim().is_empty() {
        "unnamed".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use crate::parse::tests::{HEAD, lab, labs, only_diag, person, read};

    #[test]
    fn plain_lines_under_a_person_are_fields() {
        let p = person("### J\nTitle: T\nResearch: a, b\n");
        assert_eq!(p.title(), Some("T"));
        assert_eq!(p.research().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn linked_person_heading_gives_a_website() {
        let p = person("### [Jane Doe](https://x.org/jane)\n- Title: T\n");
        assert_eq!(p.name(), "Jane Doe");
        assert_eq!(p.website(), Some("https://x.org/jane"));
    }

    #[test]
    fn diag_heading_website_that_opens_another_host() {
        let src = format!("{HEAD}### [Jane](https://jane.example@evil.example/)\n- Title: T\n");
        assert_eq!(
            only_diag(&src),
            (
                5,
                1,
                Severity::Warning,
                "website \"https://jane.example@evil.example/\" opens evil.example; what comes before \"@\" is a user name".into()
            )
        );
        // A field's website wins, and it is the one judged.
        let p = person(
            "### [Jane](https://jane.example@evil.example/)\n- Website: https://jane.example/\n",
        );
        assert_eq!(p.website(), Some("https://jane.example/"));
    }

    #[test]
    fn h1_splits_at_the_last_dash() {
        let school = read("# Univ. of California - Berkeley - Computer Science Faculty\n")
            .school
            .unwrap();
        assert_eq!(school.name, "Univ. of California - Berkeley");
        assert_eq!(
            school.directory_title.as_deref(),
            Some("Computer Science Faculty")
        );
    }

    #[test]
    fn h1_without_dash_is_all_school_name() {
        let school = read("# Stanford University\n").school.unwrap();
        assert_eq!(school.name, "Stanford University");
        assert_eq!(school.directory_title, None);
    }

    #[test]
    fn focus_and_description() {
        let school = read(
            "# S\n\nIntro\nsecond line.\n\n## research focus: Systems\n\nMore.\n\n## Faculty\n\nNot description.\n",
        )
        .school
        .unwrap();
        assert_eq!(school.research_focus.as_deref(), Some("Systems"));
        assert_eq!(school.description, ["Intro second line.", "More."]);
        let school = read("# S\n\n## Research Focus\n\nSystems\n\nAbout.\n")
            .school
            .unwrap();
        assert_eq!(school.research_focus.as_deref(), Some("Systems"));
        assert_eq!(school.description, ["About."]);
    }

    #[test]
    fn unknown_sections_are_ignored() {
        let file = read(&format!(
            "{HEAD}### J\n- Title: T\n\n## Contact\n\n- Phone: 555\n\n### Not A Person\n- Title: no\n\nWords.\n"
        ));
        assert_eq!(file.diagnostics, []);
        assert_eq!(file.people.len(), 1);
        assert_eq!(file.people[0].person.to_draft().extra, []);
        assert_eq!(file.school.unwrap().labs, []);
    }

    #[test]
    fn labs_section_forms() {
        let want = [
            lab("A", "https://a.org/"),
            lab("B", "https://b.org/"),
            lab("C", "https://c.org/"),
            lab("D", "https://d.org/"),
            lab("E", "https://e.org/"),
            lab("F", "https://f.org/"),
        ];
        let got = labs(
            "## Labs\n\n- **A**: https://a.org/\n- B: <https://b.org/>\n- [C](https://c.org/)\n- **[D](https://d.org/)**\n- **[E](https://e.org/)**: the E lab\n\n### [F](https://f.org/)\n",
        );
        assert_eq!(got, want);
        assert_eq!(
            labs("## notable labs\n\n- **A**: https://a.org/\n"),
            [lab("A", "https://a.org/")]
        );
    }

    #[test]
    fn file_stem_strips_prefix_directories_and_extension() {
        assert_eq!(file_stem("builtin:mit.md"), "mit");
        assert_eq!(file_stem("a/b\\c.x.md"), "c.x");
        assert_eq!(file_stem(".md"), ".md");
        assert_eq!(file_stem(""), "unnamed");
    }

    #[test]
    fn diag_missing_h1() {
        let file = parse("builtin:stanford.md", b"## Faculty\n\n### J\n- Title: T\n");
        assert_eq!(file.school.unwrap().name, "stanford");
        assert_eq!(file.people.len(), 1);
        let d = &file.diagnostics[0];
        assert_eq!((d.line, d.column, d.severity), (0, 0, Severity::Warning));
        assert_eq!(
            d.message,
            "no \"# School\" heading; using \"stanford\" as the school name"
        );
        assert_eq!(
            d.to_string(),
            format!("builtin:stanford.md: warning: {}", d.message)
        );
    }

    #[test]
    fn diag_h1_without_school_name() {
        assert_eq!(
            only_diag("\n#  - Faculty\n"),
            (
                2,
                1,
                Severity::Warning,
                "\"# School\" heading has no school name; using \"t\" as the school name".into()
            )
        );
    }

    #[test]
    fn diag_second_h1() {
        let src = "# MIT - Faculty\n\n## Faculty\n\n# Other\n\n### J\n- Title: T\n";
        assert_eq!(
            only_diag(src),
            (
                5,
                1,
                Severity::Warning,
                "second \"# School\" heading \"Other\" ignored".into()
            )
        );
        assert_eq!(read(src).school.unwrap().name, "MIT");
    }

    #[test]
    fn diag_nameless_person() {
        let src = format!("{HEAD}###\n- Title: lost\n\n### Kept\n- Title: T\n");
        assert_eq!(
            only_diag(&src),
            (
                5,
                1,
                Severity::Error,
                "person without a name; its fields are skipped".into()
            )
        );
        let file = read(&src);
        assert_eq!(file.people.len(), 1);
        assert_eq!(file.people[0].person.title(), Some("T"));
    }

    #[test]
    fn diag_deeper_heading_under_faculty() {
        let src = format!(
            "{HEAD}### Jane\n- Title: Professor\n\n#### Emeritus\n- Title: Emeritus Professor\n\nResearch: history\n\n### Kept\n- Title: T\n"
        );
        assert_eq!(
            only_diag(&src),
            (
                8,
                1,
                Severity::Warning,
                "heading \"#### Emeritus\" is not a \"### Name\" heading; the items under it are skipped"
                    .into()
            )
        );
        let file = read(&src);
        let jane = &file.people[0].person;
        assert_eq!(jane.title(), Some("Professor"));
        assert_eq!(jane.research().collect::<Vec<_>>(), Vec::<String>::new());
        assert_eq!(file.people[1].person.title(), Some("T"));
        // Deeper still, and before any person: one warning, not one per item.
        let file = read(&format!(
            "{HEAD}  ###### *Group*\n- Title: x\n- Research: y\n\n### J\n- Title: T\n"
        ));
        let messages: Vec<_> = file
            .diagnostics
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        assert_eq!(
            messages,
            [
                "t.md:5:3: warning: heading \"###### Group\" is not a \"### Name\" heading; the items under it are skipped"
            ]
        );
        assert_eq!(file.people[0].person.title(), Some("T"));
        // Elsewhere such headings group things and are fine.
        assert_eq!(
            labs("## Labs\n\n#### Robotics\n\n- **A**: https://a.org/\n"),
            [lab("A", "https://a.org/")]
        );
        let p = person("### J\n- Title: T\n\n## Contact\n\n#### Phone\n\n- Phone: 555\n");
        assert_eq!(p.title(), Some("T"));
        assert_eq!(p.to_draft().extra, []);
    }

    #[test]
    fn diag_lab_without_url() {
        let src = "# X\n\n## Notable Labs\n\n- **A**: https://a.org/\n- **CSAIL**\n- **B**: https://b.org/\n";
        assert_eq!(
            only_diag(src),
            (
                6,
                1,
                Severity::Warning,
                "lab \"CSAIL\" has no URL; skipped".into()
            )
        );
        assert_eq!(
            read(src).school.unwrap().labs,
            [lab("A", "https://a.org/"), lab("B", "https://b.org/")]
        );
    }

    #[test]
    fn diag_lab_without_name() {
        let src = "# X\n\n## Labs\n\n- https://a.org/\n- **: https://b.org/**\n- [C](https://c.org/)\n- CSAIL https://csail.mit.edu/\n";
        let file = read(src);
        let found: Vec<_> = file
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.severity, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    5,
                    1,
                    Severity::Warning,
                    "lab \"https://a.org/\" has no name; skipped"
                ),
                (
                    6,
                    1,
                    Severity::Warning,
                    "lab \"https://b.org/\" has no name; skipped"
                ),
                (
                    8,
                    1,
                    Severity::Warning,
                    "lab \"CSAIL https://csail.mit.edu/\" has no \":\" between its name and URL; skipped"
                ),
            ]
        );
        assert_eq!(file.school.unwrap().labs, [lab("C", "https://c.org/")]);
    }

    #[test]
    fn diag_lab_with_invalid_url() {
        assert_eq!(
            only_diag("# X\n\n## Labs\n\n- [CSAIL](csail.mit.edu)\n"),
            (
                5,
                1,
                Severity::Warning,
                "lab \"CSAIL\": \"csail.mit.edu\" is not an absolute http(s) URL; skipped".into()
            )
        );
        assert_eq!(
            only_diag("# X\n\n## Labs\n\n- CSAIL: https://csail.mit.edu/\u{3164}\n").3,
            "lab \"CSAIL\": \"https://csail.mit.edu/\u{3164}\" holds an invisible character, U+3164; skipped"
        );
    }

    #[test]
    fn diag_lab_that_opens_another_host() {
        let src = "# X\n\n## Labs\n\n- [CSAIL](https://csail.mit.edu@evil.example/)\n";
        assert_eq!(
            only_diag(src),
            (
                5,
                1,
                Severity::Warning,
                "lab \"CSAIL\": \"https://csail.mit.edu@evil.example/\" opens evil.example; what comes before \"@\" is a user name".into()
            )
        );
        assert_eq!(
            read(src).school.unwrap().labs,
            [lab("CSAIL", "https://csail.mit.edu@evil.example/")]
        );
    }

    #[test]
    fn diag_lab_changed_by_markup() {
        let src = "# X\n\n## Labs\n\n- **A**: https://l*a*b.org/\n- B: <https://b.org/*b*>\n";
        assert_eq!(
            only_diag(src),
            (
                5,
                10,
                Severity::Warning,
                "lab \"A\": \"https://l*a*b.org/\" reads as \"https://lab.org/\" in markdown; skipped (<…> keeps a URL as written)".into()
            )
        );
        assert_eq!(
            read(src).school.unwrap().labs,
            [lab("B", "https://b.org/*b*")]
        );
    }

    #[test]
    fn diag_item_before_first_person() {
        assert_eq!(
            only_diag(&format!("{HEAD}- Title: T\n\n### J\n")),
            (
                5,
                1,
                Severity::Warning,
                "item \"Title: T\" is not under a \"### Name\" heading; skipped".into()
            )
        );
    }
}
