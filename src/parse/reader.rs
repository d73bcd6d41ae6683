//! The section reader: a small state machine that turns blocks into a
//! school, its labs and its people. Sections nest: a heading starts one
//! (people, labs, courses and the like, or anything else), which lasts
//! until a heading of its level or higher. Every block is judged on its
//! own, so one bad entry cannot disturb the next. The people sections'
//! own work (headed people, list entries, groups) is in `people`.

use std::collections::HashMap;

use pulldown_cmark::HeadingLevel;

use super::blocks::{Block, BlockKind, Inline};
use super::inline::{first_link, quote, render};
use super::notes::{Kind, Section, count};
use super::people::Lower;
use super::positions::Reporter;
use super::sections::{self, Focus, Heading, school_and_title};
use super::tables::{self, Read};
use super::{ParsedFile, ParsedPerson, Shapes, labs};
use crate::aliases::school_identity;
use crate::diag::Severity;
use crate::model::School;

pub(super) struct Reader<'a> {
    pub(super) rep: Reporter<'a>,
    school: School,
    /// Offset of the first `#` heading.
    h1: Option<usize>,
    /// Names for the school when there is no `#` heading: the front
    /// matter's title, and the first heading that titles the page.
    pub(super) front_title: Option<String>,
    page_heading: Option<String>,
    /// Open sections, innermost last; the first is the top of the file.
    sections: Vec<Section>,
    /// In a people section, what the last heading under it started.
    pub(super) lower: Lower,
    /// The group (`Department`) the list entries read now are in.
    pub(super) group: Option<String>,
    /// A top-level item, and the items nested in it.
    pending: Option<Block>,
    children: Vec<Block>,
    pub(super) people: Vec<ParsedPerson>,
    /// Schools that table rows name, other than the file's own.
    also: Vec<School>,
    also_index: HashMap<String, usize>,
    pub(super) shapes: Shapes,
    /// Items and tables with links that were not read.
    linked_items: usize,
    linked_tables: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(rep: Reporter<'a>) -> Self {
        Reader {
            rep,
            school: School::default(),
            h1: None,
            front_title: None,
            page_heading: None,
            sections: vec![Section::new(Kind::Preamble, 0, None)],
            lower: Lower::None,
            group: None,
            pending: None,
            children: Vec::new(),
            people: Vec::new(),
            also: Vec::new(),
            also_index: HashMap::new(),
            shapes: Shapes::default(),
            linked_items: 0,
            linked_tables: 0,
        }
    }

    pub(super) fn block(&mut self, block: Block) {
        if let BlockKind::Item(depth) = block.kind
            && depth > 0
            && self.pending.is_some()
        {
            self.children.push(block);
            return;
        }
        self.flush();
        match block.kind {
            BlockKind::Heading(level) => self.heading(block, level),
            BlockKind::Rule => {}
            BlockKind::Item(_) => self.pending = Some(block),
            BlockKind::Para => self.paragraph(block),
            BlockKind::Table => self.table(block),
        }
    }

    /// The pending item, now that everything nested in it is known.
    pub(super) fn flush(&mut self) {
        if let Some(item) = self.pending.take() {
            let children = std::mem::take(&mut self.children);
            self.item(item, children);
        }
    }

    pub(super) fn top(&self) -> &Section {
        // The first section is never closed.
        &self.sections[self.sections.len() - 1]
    }

    pub(super) fn top_mut(&mut self) -> &mut Section {
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    fn heading(&mut self, block: Block, level: HeadingLevel) {
        let level = level as usize;
        if level == 1 {
            return self.h1(&block);
        }
        self.settle(Some(level));
        while self.sections.len() > 1 && level <= self.top().closes_at {
            self.close();
        }
        if level == 2 {
            // The top of a file whose `#` names people ends at its first `##`.
            self.sections[0].entries = false;
        }
        let text = render(&block.inlines);
        if level == 2
            && let Some(focus) = sections::focus(&text)
        {
            self.end_lower();
            let kind = match focus {
                Focus::Given(focus) => {
                    self.school.research_focus = Some(focus.to_string());
                    Kind::Preamble
                }
                Focus::Next => Kind::Focus,
            };
            self.sections
                .push(Section::new(kind, level, Some((block.start, text))));
            return;
        }
        let top = self.top().kind;
        if top == Kind::People {
            // Judged by what follows it: `### Matthew Links` is a person.
            return self.lower_heading(block, level, text);
        }
        let heading = sections::heading(&text);
        match (top, heading) {
            (Kind::Ignored { .. }, _) => {}
            (_, Heading::People | Heading::Labs { .. } | Heading::Ignored { .. }) => {
                self.end_lower();
                let at = Some((block.start, text));
                self.sections.push(Section::new(heading.into(), level, at));
            }
            (Kind::Preamble | Kind::Focus, Heading::Other) if level == 3 => {
                // People listed without a `## Faculty` heading are still people.
                let mut faculty = Section::new(Kind::People, 2, None);
                faculty.heading.clone_from(&self.top().heading);
                self.end_lower();
                self.sections.push(faculty);
                self.lower_heading(block, level, text);
            }
            (Kind::Labs { .. }, _) if level == 3 && first_link(&block.inlines).is_some() => {
                if let Some(lab) = labs::lab(&mut self.rep, block.source(), &block.inlines) {
                    self.shapes.labs_listed += 1;
                    self.school.labs.push(lab);
                }
            }
            (Kind::Preamble | Kind::Focus | Kind::Other, _) => {
                self.title_page(&text);
                if level == 2 {
                    let at = Some((block.start, text));
                    self.sections.push(Section::new(Kind::Other, level, at));
                }
            }
            _ => {}
        }
    }

    /// The first heading of no known kind, before anything is read, may
    /// name the school of a file without a `#` heading.
    fn title_page(&mut self, text: &str) {
        if self.page_heading.is_none()
            && self.people.is_empty()
            && self.school.labs.is_empty()
            && !text.is_empty()
        {
            self.page_heading = Some(text.to_string());
        }
    }

    pub(super) fn push_section(&mut self, section: Section) {
        self.end_lower();
        self.sections.push(section);
    }

    fn close(&mut self) {
        self.settle(None);
        self.end_lower();
        if let Some(section) = self.sections.pop() {
            section.note(&mut self.rep);
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
        if self.sections.len() == 1 {
            let top = &mut self.sections[0];
            top.heading = Some((block.start, text.clone()));
            top.entries = sections::heading(&text) == Heading::People;
        }
        let (name, title) = school_and_title(&text);
        self.school.name = name;
        self.school.directory_title = title;
    }

    fn paragraph(&mut self, block: Block) {
        match self.top().kind {
            Kind::Preamble => {
                let text = render(&block.inlines);
                if !text.is_empty() {
                    self.school.description.push(text);
                }
                if self.top().entries && block.is_bold_only() {
                    self.group = Some(super::entries::group_label(&block));
                }
            }
            Kind::Focus => {
                let text = render(&block.inlines);
                if !text.is_empty() {
                    self.school.research_focus = Some(text);
                    self.top_mut().kind = Kind::Preamble;
                }
            }
            Kind::People => self.people_paragraph(block),
            _ => {}
        }
    }

    fn item(&mut self, item: Block, children: Vec<Block>) {
        match self.top().kind {
            Kind::People => self.people_item(item, children),
            Kind::Preamble if self.top().entries => self.people_item(item, children),
            Kind::Labs { exact } => self.lab_item(item, children, exact),
            _ => self.unread(&item, &children),
        }
    }

    /// An item not read as a person or a lab, for its section's note.
    pub(super) fn unread(&mut self, item: &Block, children: &[Block]) {
        self.top_mut().unread_item(item.start);
        if has_link(item) || children.iter().any(has_link) {
            self.linked_items += 1;
        }
    }

    fn lab_item(&mut self, item: Block, children: Vec<Block>, exact: bool) {
        let linked =
            labs::has_url(&item.inlines) || children.iter().any(|c| labs::has_url(&c.inlines));
        if !exact && !linked {
            return self.unread(&item, &children);
        }
        let (source, line) = flatten(item, children);
        if let Some(lab) = labs::lab(&mut self.rep, source, &line) {
            self.shapes.labs_listed += 1;
            self.school.labs.push(lab);
        }
    }

    pub(super) fn table(&mut self, block: Block) {
        // A header alone has nothing in it to read or to skip.
        if block.rows().len() < 2 {
            return;
        }
        let kind = self.top().kind;
        if let Kind::Ignored { .. } = kind {
            self.top_mut().unread_table(block.start);
            self.linked_tables += usize::from(tables::has_links(&block));
            return;
        }
        if kind == Kind::People
            && let Lower::Undecided(undecided) = &mut self.lower
        {
            undecided.blocks.push(block);
            return;
        }
        let labs = matches!(kind, Kind::Labs { .. });
        let read = tables::read(&mut self.rep, &block, labs, self.group.as_deref());
        if read.unread.is_some() {
            self.top_mut().unread_table(block.start);
            self.linked_tables += usize::from(read.has_links);
        }
        for row in read.rows {
            match row {
                Read::Person {
                    mut person,
                    school,
                    start,
                } => {
                    person.school = self.school_index(school);
                    let (line, column) = self.rep.index.position(start);
                    self.shapes.tabled += 1;
                    self.people.push(ParsedPerson {
                        person: person.build(),
                        line,
                        column,
                    });
                }
                Read::Lab { lab, school } => {
                    self.shapes.labs_tabled += 1;
                    let index = self.school_index(school);
                    self.school_mut(index).labs.push(lab);
                }
            }
        }
    }

    /// 0 for the file's school, else 1 + its place among the others.
    fn school_index(&mut self, name: Option<String>) -> usize {
        let Some(name) = name else { return 0 };
        let next = self.also.len();
        let index = *self
            .also_index
            .entry(school_identity(&name))
            .or_insert(next);
        if index == next {
            self.also.push(School {
                name,
                ..School::default()
            });
        }
        index + 1
    }

    fn school_mut(&mut self, index: usize) -> &mut School {
        match index.checked_sub(1).and_then(|i| self.also.get_mut(i)) {
            Some(school) => school,
            None => &mut self.school,
        }
    }

    pub(super) fn finish(mut self, label: &str) -> ParsedFile {
        self.flush();
        while self.sections.len() > 1 {
            self.close();
        }
        self.settle(None);
        self.end_lower();
        if let Some(top) = self.sections.pop() {
            top.note(&mut self.rep);
        }
        self.name_school(label);
        let linked = self.linked_items + self.linked_tables;
        if self.people.is_empty() && linked > 0 {
            let mut what = Vec::new();
            if self.linked_items > 0 {
                what.push(count(self.linked_items, "list item"));
            }
            if self.linked_tables > 0 {
                what.push(count(self.linked_tables, "table"));
            }
            self.rep.push(
                0,
                0,
                Severity::Warning,
                format!(
                    "no people read, though {} {} links; the notes say why, and docs/format.md what is read",
                    what.join(" and "),
                    if linked == 1 { "has" } else { "have" }
                ),
            );
        }
        let mut diagnostics = self.rep.diagnostics;
        // In file order, whole-file ones first: notes are made when their
        // section ends, after what was found inside it.
        diagnostics.sort_by_key(|d| (d.line, d.column));
        ParsedFile {
            school: Some(self.school),
            also: self.also,
            people: self.people,
            diagnostics,
            shapes: self.shapes,
            spots: self.rep.spots,
        }
    }

    fn name_school(&mut self, label: &str) {
        if !self.school.name.is_empty() {
            return;
        }
        if self.h1.is_none()
            && let Some(title) = self.front_title.take().or_else(|| self.page_heading.take())
        {
            let (name, title) = school_and_title(&title);
            if !name.is_empty() {
                self.school.name = name;
                self.school.directory_title = title;
                return;
            }
        }
        let stem = file_stem(label);
        // Every row named its school: the file's own has nothing to name.
        let unused = self.people.iter().all(|p| p.person.school != 0)
            && self.school.labs.is_empty()
            && !self.also.is_empty();
        match self.h1 {
            None if unused => {}
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
}

/// An item's text with that of the items nested in it, as one line.
pub(super) fn flatten(item: Block, children: Vec<Block>) -> (std::ops::Range<usize>, Vec<Inline>) {
    if children.is_empty() {
        return (item.source(), item.inlines);
    }
    let mut source = item.source();
    let mut line = item.inlines;
    for child in children {
        source.end = source.end.max(child.end);
        line.push(Inline::Sep);
        line.extend(child.inlines);
    }
    (source, line)
}

pub(super) fn has_link(block: &Block) -> bool {
    block
        .inlines
        .iter()
        .any(|inline| matches!(inline, Inline::Link { .. }))
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
    use crate::parse::tests::{HEAD, lab, labs, only_diag, person, read};
    use crate::parse::{Shapes, parse};

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
        // Said once for the section, as a note: skipped on purpose.
        let said: Vec<String> = file.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "t.md:8:1: note: 2 list items under \"Contact\" were not read as people: the heading does not name people; see docs/format.md"
            ]
        );
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
        // A deeper heading with fields is a person like any other; one with
        // neither fields nor entries under it names no one.
        let src = format!(
            "{HEAD}### Jane\n- Title: Professor\n\n#### Emeritus\n- just words\n\nMore words.\n\n### Kept\n- Title: T\n"
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
        assert_eq!(file.people[1].person.name(), "Kept");
        // Deeper still, and before any person: one warning, not one per item.
        let file = read(&format!(
            "{HEAD}  ###### *Group*\n- x\n- y\n\n### J\n- Title: T\n"
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
    }

    #[test]
    fn canonical_people_at_any_heading_level() {
        let file = read(&format!(
            "{HEAD}### Jane\n- Title: Professor\n\n#### Emeritus\n- Title: Emeritus Professor\n\n##### Zoë Ångström\n- **Research**: optics\n"
        ));
        assert_eq!(file.diagnostics, []);
        let people: Vec<_> = file
            .people
            .iter()
            .map(|p| (p.person.name(), p.person.title(), p.line))
            .collect();
        assert_eq!(
            people,
            [
                ("Jane", Some("Professor"), 5),
                ("Emeritus", Some("Emeritus Professor"), 8),
                ("Zoë Ångström", None, 11)
            ]
        );
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

    fn said(src: &str) -> Vec<String> {
        read(src)
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn names(file: &ParsedFile) -> Vec<&str> {
        file.people.iter().map(|p| p.person.name()).collect()
    }

    #[test]
    fn front_matter_is_skipped_and_its_title_names_the_school() {
        let src = "---\nlayout: page\ntitle: \"Example U - ML Faculty\"\n---\n\nWe do ML.\n\n### Faculty\n- [Ada](https://a.example/)\n";
        let file = read(src);
        assert_eq!(file.diagnostics, []);
        let school = file.school.as_ref().expect("a school");
        assert_eq!(school.name, "Example U");
        assert_eq!(school.directory_title.as_deref(), Some("ML Faculty"));
        assert_eq!(school.description, ["We do ML."]);
        assert_eq!(names(&file), ["Ada"]);
        // The H1 comes first, whatever the front matter says.
        let file = read("---\ntitle: Other\n---\n# MIT - People\n- [Ada](https://a.example/)\n");
        assert_eq!(names(&file).len(), 1, "the H1 names people");
        assert_eq!(file.school.expect("a school").name, "MIT");
    }

    #[test]
    fn the_first_heading_of_no_known_kind_names_a_school_without_one() {
        let file = read("## Robotics at Example U\n\n### People\n- [Ada](https://a.example/)\n");
        assert_eq!(file.school.expect("a school").name, "Robotics at Example U");
        assert_eq!(file.diagnostics, []);
        let file = parse(
            "lab.md",
            b"## Faculty\n- [Ada](https://a.example/)\n## Contact\n",
        );
        assert_eq!(
            file.school.expect("a school").name,
            "lab",
            "only a heading before anyone"
        );
    }

    #[test]
    fn html_comments_and_blocks_hide_what_is_in_them_without_a_word() {
        let file = read(
            "# U\n## Faculty\n<!-- * [Hidden](https://h.example/) -->\n* [Ada](https://a.example/) <!-- [Bo](https://b.example/) -->\n<!--\n* [Cy](https://c.example/)\n-->\n\n<p align=\"center\"><img src=\"x.png\"></p>\n\n* [Dee](https://d.example/) <!--\n  [Eve](https://e.example/) -->\n",
        );
        assert_eq!(file.diagnostics, []);
        assert_eq!(names(&file), ["Ada", "Dee"]);
        assert_eq!(file.people[0].person.to_draft().extra, []);
    }

    #[test]
    fn courses_news_and_publications_are_never_people() {
        let messages = said(
            "# U\n## Faculty\n- [Ada](https://a.example/)\n### Courses\n- [CS 101](https://u.example/cs101)\n- [CS 102](https://u.example/cs102)\n## Faculty News\n- [Ada wins](https://news.example/)\n\n| Name | Link |\n|---|---|\n| Ada | https://a.example/ |\n## Selected Publications\n1. [A paper](https://arxiv.example/1)\n",
        );
        assert_eq!(
            messages,
            [
                "t.md:4:1: note: 2 list items under \"Courses\" were not read as people: the heading does not name people; see docs/format.md",
                "t.md:7:1: note: 1 list item and 1 table under \"Faculty News\" were not read as people: the section is about news; see docs/format.md",
                "t.md:13:1: note: 1 list item under \"Selected Publications\" was not read as people: the heading does not name people; see docs/format.md",
            ]
        );
    }

    #[test]
    fn sections_of_links_groups_centers_and_institutes_give_labs() {
        let file = read(
            "# U\n## Useful Links\n- [Robotics Institute](https://ri.example/)\n- reading group on Thursdays\n### Centers and Institutes\n- Data Center: https://dc.example/\n",
        );
        assert_eq!(
            file.school.expect("a school").labs,
            [
                lab("Robotics Institute", "https://ri.example/"),
                lab("Data Center", "https://dc.example/")
            ]
        );
        let said: Vec<_> = file.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "t.md:2:1: note: 1 list item under \"Useful Links\" was not read as labs: it has no link; see docs/format.md"
            ]
        );
    }

    #[test]
    fn diag_a_file_of_links_and_no_people() {
        let messages = said(
            "# Reading list\n\n- [Attention](https://arxiv.example/1706)\n\n## Papers\n\n- [A](https://a.example/)\n- [B](https://b.example/)\n\n## Blogs\n\n| Title | Link |\n|---|---|\n| X | <https://x.example/> |\n",
        );
        assert_eq!(
            messages,
            [
                "t.md: warning: no people read, though 3 list items and 1 table have links; the notes say why, and docs/format.md what is read",
                "t.md:1:1: note: 1 list item under \"Reading list\" was not read as people: the heading does not name people; see docs/format.md",
                "t.md:5:1: note: 2 list items under \"Papers\" were not read as people: the heading does not name people; see docs/format.md",
                "t.md:10:1: note: 1 table under \"Blogs\" was not read as people: the heading does not name people; see docs/format.md",
            ]
        );
        assert_eq!(
            said("- [A](https://a.example/)\n")[2],
            "t.md:1:1: note: 1 list item at the top of the file was not read as people: no heading above them names people; see docs/format.md"
        );
    }

    #[test]
    fn canonical_files_read_as_they_always_have() {
        let src = "# MIT - Machine Learning Systems Faculty\n\n## Research Focus: Systems\n\nAbout us.\n\n## Faculty\n\n### Jane Doe\n- **Title**: Professor\n- **Research**: A, B\n- **Website**: https://x.org/\n\n### Bo\n\n## Notable Labs\n\n- **CSAIL**: https://csail.example/\n";
        let file = read(src);
        assert_eq!(file.diagnostics, []);
        assert_eq!(names(&file), ["Jane Doe", "Bo"]);
        assert_eq!(
            file.shapes,
            Shapes {
                headed: 2,
                labs_listed: 1,
                ..Shapes::default()
            }
        );
        let school = file.school.expect("a school");
        assert_eq!(school.description, ["About us."]);
        assert_eq!(school.labs.len(), 1);
    }

    /// The example of docs/format.md, "How shapes mix".
    #[test]
    fn shapes_mix_in_one_file() {
        let file = read(
            "---\ntitle: \"Example State University - Machine Learning Faculty\"\n---\n<p align=\"center\"><img src=\"banner.png\"></p>\n\n## Faculty\n\n### Ada Lovelace\n- **Title**: Professor\n- **Research**: Analytical engines\n\n### Robotics\n- [Bo Reyes](https://bo.example.edu/) – legged locomotion\n\n| Name | Research |\n|---|---|\n| Cy Ng | causal inference |\n\n## Courses\n- [CS 101](https://example.edu/cs101)\n\n## Links\n- [Robotics Institute](https://ri.example.edu/)\n",
        );
        let said: Vec<String> = file.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "t.md:19:1: note: 1 list item under \"Courses\" was not read as people: the heading does not name people; see docs/format.md"
            ]
        );
        let people: Vec<_> = file
            .people
            .iter()
            .map(|p| (p.person.name().to_string(), p.person.to_draft().extra))
            .collect();
        let department = |d: &str| vec![crate::parse::tests::field("Department", d)];
        assert_eq!(
            people,
            [
                ("Ada Lovelace".to_string(), vec![]),
                ("Bo Reyes".to_string(), department("Robotics")),
                ("Cy Ng".to_string(), department("Robotics")),
            ]
        );
        assert_eq!(
            file.shapes,
            Shapes {
                headed: 1,
                listed: 1,
                tabled: 1,
                labs_listed: 1,
                labs_tabled: 0
            }
        );
        let school = file.school.expect("a school");
        assert_eq!(school.name, "Example State University");
        assert_eq!(
            school.labs,
            [lab("Robotics Institute", "https://ri.example.edu/")]
        );
    }
}
