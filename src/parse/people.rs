//! People sections: people under headings of their own (the canonical
//! form), list entries, and the groups that sort them.
//!
//! A heading inside a people section is judged by what follows it, up to
//! the next heading: a known field makes it a person, as in the canonical
//! form, at whatever level; list entries (or a table, or a bold group
//! line) make it a group, whose name the entries under it get as their
//! `Department`. Until one of those is seen, what follows is held, then
//! read as what the heading turned out to be.

use super::ParsedPerson;
use super::blocks::{Block, BlockKind};
use super::entries::{self, Shape, group_label, lead, shape};
use super::fields::{FieldKind, field_kind, misleading, read_field};
use super::inline::{first_link, quote, render, split_lines};
use super::notes::Section;
use super::reader::{Reader, flatten};
use super::sections::{self, Heading};
use crate::diag::Severity;
use crate::model::PersonDraft;
use crate::url::is_openable_url;

/// What the last heading in a people section started.
pub(super) enum Lower {
    /// No heading yet, or a group: items are list entries.
    None,
    Person(CurrentPerson),
    /// After a heading that names no one: what is under it belongs to no
    /// one, and the heading has said so once for all of it.
    Skipping,
    /// A heading not yet judged, and what came under it so far.
    Undecided(Undecided),
}

pub(super) struct CurrentPerson {
    draft: PersonDraft,
    line: usize,
    column: usize,
    /// `### [Name](url)` gives a website when no field does.
    heading_url: Option<String>,
}

pub(super) struct Undecided {
    heading: Block,
    /// The heading's text.
    name: String,
    level: usize,
    pub(super) blocks: Vec<Block>,
}

/// Whether a paragraph has a line that is a known field.
fn has_known_field(block: &Block) -> bool {
    split_lines(block.source(), &block.inlines)
        .iter()
        .any(|(_, line)| field_kind(line).is_some_and(|kind| kind != FieldKind::Extra))
}

/// Nested items, each with the items nested deeper in it.
fn sub_items(children: Vec<Block>) -> Vec<(Block, Vec<Block>)> {
    let depth = |block: &Block| match block.kind {
        BlockKind::Item(depth) => depth,
        _ => 0,
    };
    let top = children.iter().map(depth).min().unwrap_or(0);
    let mut items: Vec<(Block, Vec<Block>)> = Vec::new();
    for child in children {
        match items.last_mut() {
            Some((_, deeper)) if depth(&child) > top => deeper.push(child),
            _ => items.push((child, Vec::new())),
        }
    }
    items
}

impl Reader<'_> {
    pub(super) fn lower_heading(&mut self, block: Block, level: usize, name: String) {
        self.end_person();
        if name.is_empty() {
            self.lower = Lower::Skipping;
            self.rep.at(
                block.start,
                Severity::Error,
                "person without a name; its fields are skipped".to_string(),
            );
            return;
        }
        self.lower = Lower::Undecided(Undecided {
            heading: block,
            name,
            level,
            blocks: Vec::new(),
        });
    }

    /// Judges the heading not yet judged by everything that was under it.
    /// `next` is the level of the heading that ends it, if one does: a
    /// heading with nothing under it but deeper headings groups them.
    pub(super) fn settle(&mut self, next: Option<usize>) {
        if !matches!(self.lower, Lower::Undecided(_)) {
            return;
        }
        let Lower::Undecided(undecided) = std::mem::replace(&mut self.lower, Lower::None) else {
            return;
        };
        let (mut grouped, mut fields, mut bold_fields, mut text) = (false, false, false, false);
        for block in &undecided.blocks {
            match block.kind {
                BlockKind::Item(0) => match shape(block) {
                    Shape::Entry { weak: false } => grouped = true,
                    Shape::Entry { weak: true } | Shape::KnownField => {
                        (fields, bold_fields) = (true, true);
                    }
                    Shape::Field => fields = true,
                    Shape::Text => text = true,
                },
                BlockKind::Item(_) => grouped |= lead(block).is_some(),
                BlockKind::Table => grouped = true,
                _ => grouped |= block.is_bold_only(),
            }
        }
        let Undecided {
            heading,
            name,
            level,
            blocks,
        } = undecided;
        let person_level = self.top().level + 1;
        // The section its words would start (`### Useful Links`), now that
        // it is no person by a known field; asked only now, as people are
        // many. Fields as the canonical form writes them, bold
        // (`- **Email**: …`), make it a person all the same; plain
        // `Key: value` lines only under words of links or people, as
        // news is written so (`- 2025-03: an award`). A heading with
        // nothing at all under it is no section: at the level of people
        // it is a person.
        let empty = blocks.is_empty() && next.is_none_or(|next| next <= level);
        let section = Some(sections::heading(&name)).filter(|&h| {
            let fits = match h {
                Heading::Other => false,
                Heading::Ignored { .. } => grouped || !bold_fields,
                Heading::People | Heading::Labs { .. } => grouped || !fields,
            };
            fits && !empty
        });
        if let Some(section) = section {
            let at = Some((heading.start, name));
            self.push_section(Section::new(section.into(), level, at));
            self.replay(blocks);
        } else if grouped {
            self.group = Some(name);
            self.replay(blocks);
        } else if fields
            || (level == person_level && (text || next.is_none_or(|next| next <= level)))
        {
            self.start_person(&heading, name);
            self.replay(blocks);
        } else if text {
            let written = format!("{} {name}", "#".repeat(level));
            self.rep.warn(
                heading.start,
                format!(
                    "heading {} is not a \"### Name\" heading; the items under it are skipped",
                    quote(written.trim_end())
                ),
            );
            self.lower = Lower::Skipping;
        } else {
            // Nothing under it but more headings: a group of groups.
            self.group = Some(name);
        }
    }

    /// A heading turned out to be a person: what was held is its fields.
    fn be_a_person(&mut self) {
        if let Lower::Undecided(undecided) = std::mem::replace(&mut self.lower, Lower::None) {
            self.start_person(&undecided.heading, undecided.name);
            self.replay(undecided.blocks);
        }
    }

    fn replay(&mut self, blocks: Vec<Block>) {
        for block in blocks {
            self.block(block);
        }
        self.flush();
    }

    pub(super) fn people_item(&mut self, item: Block, children: Vec<Block>) {
        match &mut self.lower {
            Lower::Undecided(undecided) => {
                if shape(&item) == Shape::KnownField {
                    self.be_a_person();
                    return self.people_item(item, children);
                }
                undecided.blocks.push(item);
                undecided.blocks.extend(children);
            }
            Lower::Person(current) => {
                let (source, line) = flatten(item, children);
                read_field(&mut current.draft, &mut self.rep, source, &line);
            }
            Lower::Skipping => {}
            Lower::None => self.entry_item(&item, children),
        }
    }

    /// A list item with no person above it: an entry, a group of the
    /// entries nested in it, or something else, for the note.
    fn entry_item(&mut self, item: &Block, children: Vec<Block>) {
        if shape(item) == Shape::KnownField {
            self.rep.warn(
                item.start,
                format!(
                    "item {} is not under a \"### Name\" heading; skipped",
                    quote(&render(&item.inlines))
                ),
            );
            return;
        }
        let direct = children
            .iter()
            .map(|child| child.kind)
            .min_by_key(|kind| match kind {
                BlockKind::Item(depth) => *depth,
                _ => 0,
            });
        let grouping = children
            .iter()
            .any(|child| Some(child.kind) == direct && lead(child).is_some());
        if !grouping {
            let Some(lead) = lead(item) else {
                return self.unread(item, &children);
            };
            let fields = sub_items(children)
                .into_iter()
                .map(|(b, deeper)| flatten(b, deeper))
                .collect();
            let person = entries::person(&mut self.rep, item, &lead, self.group.as_deref(), fields);
            return self.push_entry(item, person);
        }
        let subs = sub_items(children);
        // A group line with its entries nested under it.
        let label = match lead(item) {
            Some(lead) if entries::rest(&lead) == entries::Rest::default() => Some(lead.name),
            Some(lead) => {
                let person = entries::person(
                    &mut self.rep,
                    item,
                    &lead,
                    self.group.as_deref(),
                    Vec::new(),
                );
                self.push_entry(item, person);
                None
            }
            None => Some(group_label(item)).filter(|label| !label.is_empty()),
        };
        let department = label.or_else(|| self.group.clone());
        for (sub, deeper) in subs {
            match lead(&sub) {
                Some(lead) => {
                    let fields = sub_items(deeper)
                        .into_iter()
                        .map(|(b, deeper)| flatten(b, deeper))
                        .collect();
                    let person =
                        entries::person(&mut self.rep, &sub, &lead, department.as_deref(), fields);
                    self.push_entry(&sub, person);
                }
                None => self.unread(&sub, &deeper),
            }
        }
    }

    fn push_entry(&mut self, item: &Block, person: PersonDraft) {
        let (line, column) = self.rep.index.position(item.start);
        self.shapes.listed += 1;
        self.people.push(ParsedPerson {
            person: person.build(),
            line,
            column,
        });
    }

    pub(super) fn people_paragraph(&mut self, block: Block) {
        match &mut self.lower {
            Lower::Undecided(undecided) => {
                if has_known_field(&block) {
                    self.be_a_person();
                    return self.people_paragraph(block);
                }
                undecided.blocks.push(block);
            }
            // A bold line is a group, and ends the person above it.
            _ if block.is_bold_only() => {
                self.end_person();
                self.lower = Lower::None;
                self.group = Some(group_label(&block));
            }
            // Fields written as plain lines under a person, without bullets.
            Lower::Person(current) => {
                for (source, line) in split_lines(block.source(), &block.inlines) {
                    if !render(line).is_empty() {
                        read_field(&mut current.draft, &mut self.rep, source, line);
                    }
                }
            }
            Lower::Skipping | Lower::None => {}
        }
    }

    fn start_person(&mut self, heading: &Block, name: String) {
        let (line, column) = self.rep.index.position(heading.start);
        self.lower = Lower::Person(CurrentPerson {
            draft: PersonDraft {
                name,
                ..PersonDraft::default()
            },
            line,
            column,
            heading_url: first_link(&heading.inlines).map(|(_, url)| url.to_string()),
        });
    }

    /// Ends what the last heading started, and the group: a new section.
    pub(super) fn end_lower(&mut self) {
        self.end_person();
        self.lower = Lower::None;
        self.group = None;
    }

    pub(super) fn end_person(&mut self) {
        if !matches!(self.lower, Lower::Person(_)) {
            return;
        }
        match std::mem::replace(&mut self.lower, Lower::None) {
            Lower::Person(current) => {
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
                self.shapes.headed += 1;
                self.people.push(ParsedPerson {
                    person: draft.build(),
                    line,
                    column,
                });
            }
            other => self.lower = other,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::model::PersonDraft;
    use crate::parse::tests::{field, read};

    /// The people of `src`, as drafts, with the diagnostics as text.
    fn people(src: &str) -> (Vec<PersonDraft>, Vec<String>) {
        let file = read(src);
        let people = file.people.iter().map(|p| p.person.to_draft()).collect();
        let said = file.diagnostics.iter().map(ToString::to_string).collect();
        (people, said)
    }

    fn names(people: &[PersonDraft]) -> Vec<&str> {
        people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn entries_under_a_heading_that_names_people() {
        let (people, said) = people(
            "# U\n\n### Faculty\n**Computer Science**\n * [Ada Quill](https://example.edu/~ada/) [**Stat, Math**]: program analysis, type systems, and compilers.\n - **Bo Reyes** (Robotics Institute) – legged locomotion; reinforcement learning\n#### Statistics\n* [Cy Ng](https://stats.example.edu/cy): causal inference\n",
        );
        assert_eq!(said, Vec::<String>::new());
        assert_eq!(names(&people), ["Ada Quill", "Bo Reyes", "Cy Ng"]);
        let [ada, bo, cy] = &people[..] else {
            panic!("{people:?}")
        };
        assert_eq!(ada.website.as_deref(), Some("https://example.edu/~ada/"));
        assert_eq!(
            ada.research,
            ["program analysis", "type systems", "compilers"]
        );
        assert_eq!(
            ada.extra,
            [
                field("Affiliation", "Stat, Math"),
                field("Department", "Computer Science")
            ]
        );
        assert_eq!(bo.website, None);
        assert_eq!(bo.research, ["legged locomotion", "reinforcement learning"]);
        assert_eq!(
            bo.extra,
            [
                field("Affiliation", "Robotics Institute"),
                field("Department", "Computer Science")
            ]
        );
        assert_eq!(cy.research, ["causal inference"]);
        assert_eq!(cy.extra, [field("Department", "Statistics")]);
    }

    #[test]
    fn people_words_in_any_heading_at_any_level() {
        for heading in [
            "## Our People",
            "# ML Faculty",
            "#### Research Staff",
            "## PROFESSORS:",
        ] {
            let (people, said) = people(&format!("{heading}\n\n- [Ada](https://a.example/)\n"));
            assert_eq!(names(&people), ["Ada"], "{heading}");
            let notes = said
                .iter()
                .filter(|s| !s.contains("no \"# School\""))
                .count();
            assert_eq!(notes, 0, "{heading}: {said:?}");
        }
    }

    #[test]
    fn a_bold_item_with_entries_under_it_is_their_group() {
        let (people, said) = people(
            "# U\n## People\n- **Physics**\n  - [Ada](https://a.example/) - optics\n  - **Bo** – lasers\n- Chemistry:\n  - [Cy](https://c.example/)\n",
        );
        assert_eq!(said, Vec::<String>::new());
        let departments: Vec<_> = people
            .iter()
            .map(|p| (p.name.as_str(), p.extra[0].value.as_str()))
            .collect();
        assert_eq!(
            departments,
            [("Ada", "Physics"), ("Bo", "Physics"), ("Cy", "Chemistry")]
        );
    }

    #[test]
    fn entries_keep_what_follows_the_name() {
        let (people, said) = people(
            "# U\n## Faculty\n- [Ada](https://a.example/), emeritus, of [Optics Lab](https://optics.example/): lenses.\n- [Bo](mailto:bo@u.example)\n- [Cy](cy.html) (CS)\n- **Dee:** graphs, and games\n- [Eve](https://e.example/)\n  - Research: crypto\n  - Office: 3-14\n  - on leave\n",
        );
        let [ada, bo, cy, dee, eve] = &people[..] else {
            panic!("{people:?}")
        };
        assert_eq!(ada.research, ["lenses"]);
        assert_eq!(
            ada.extra,
            [
                field("About", "emeritus, of Optics Lab"),
                field("Link", "https://optics.example/")
            ]
        );
        assert_eq!(bo.website, None);
        assert_eq!(bo.extra, [field("Email", "bo@u.example")]);
        assert_eq!(cy.website, None);
        assert_eq!(
            cy.extra,
            [field("Affiliation", "CS"), field("Link", "cy.html")]
        );
        assert_eq!(dee.name, "Dee");
        assert_eq!(dee.research, ["graphs", "games"]);
        assert_eq!(eve.research, ["crypto"]);
        assert_eq!(
            eve.extra,
            [field("Office", "3-14"), field("About", "on leave")]
        );
        assert_eq!(
            said,
            [
                "t.md:5:1: warning: website \"cy.html\" is not an absolute http(s) URL; \"Cy\" keeps it as \"Link\""
            ]
        );
    }

    #[test]
    fn names_in_any_script_and_urls_with_parentheses() {
        let (people, _) = people(
            "# U\n## Faculty\n* [王小明](https://u.example/~wang_(xm)/) — 自然语言处理, speech\n* **Zoë Ångström-Núñez** - optics\n",
        );
        assert_eq!(names(&people), ["王小明", "Zoë Ångström-Núñez"]);
        assert_eq!(
            people[0].website.as_deref(),
            Some("https://u.example/~wang_(xm)/")
        );
        assert_eq!(people[0].research, ["自然语言处理", "speech"]);
    }

    #[test]
    fn items_that_are_not_entries_are_said_once_for_the_section() {
        let (people, said) = people(
            "# U\n## Faculty\n- [Ada](https://a.example/)\n- Prof. [Bo](https://b.example/)\n- lab meetings on Tuesdays\n- <https://c.example/>\n",
        );
        assert_eq!(names(&people), ["Ada"]);
        assert_eq!(
            said,
            [
                "t.md:2:1: note: 3 list items under \"Faculty\" were not read as people: they do not begin with a link or a bold name; see docs/format.md"
            ]
        );
    }

    #[test]
    fn a_heading_is_a_person_when_a_field_under_it_is_known() {
        // The field need not come first: what came before it is its lines.
        let (people, said) = people(
            "# U\n## Faculty\n### Ada Quill\n- [Home](https://a.example/): page\n- **Title**: Professor\n#### Bo Reyes\nWebsite: https://b.example/\n",
        );
        assert_eq!(names(&people), ["Ada Quill", "Bo Reyes"]);
        assert_eq!(people[0].title.as_deref(), Some("Professor"));
        assert_eq!(people[0].extra, [field("Home", "page")]);
        assert_eq!(people[1].website.as_deref(), Some("https://b.example/"));
        assert_eq!(said, Vec::<String>::new());
    }

    #[test]
    fn a_heading_of_entries_is_a_group_and_fields_never_cross_a_heading() {
        let (people, said) = people(
            "# U\n## Faculty\n### Ada Quill\n- **Title**: Professor\n#### Notes\n- on leave\n### Theory\n- [Bo](https://b.example/): logic\n### Cy\n- **Email**: cy@u.example\n",
        );
        assert_eq!(names(&people), ["Ada Quill", "Bo", "Cy"]);
        assert_eq!(people[0].title.as_deref(), Some("Professor"));
        assert_eq!(people[0].extra, []);
        assert_eq!(people[1].extra, [field("Department", "Theory")]);
        assert_eq!(people[1].title, None);
        // Only other keys, bold: a canonical person, not an entry "Email".
        assert_eq!(people[2].extra, [field("Email", "cy@u.example")]);
        assert_eq!(
            said,
            [
                "t.md:5:1: warning: heading \"#### Notes\" is not a \"### Name\" heading; the items under it are skipped"
            ]
        );
    }

    #[test]
    fn a_heading_with_nothing_under_it_groups_the_headings_below() {
        let (people, said) = people(
            "# U\n## Faculty\n### Engineering\n#### Robotics\n- [Ada](https://a.example/)\n### Bo Reyes\n",
        );
        assert_eq!(said, Vec::<String>::new());
        assert_eq!(
            names(&people),
            ["Ada", "Bo Reyes"],
            "a ### alone is still a person"
        );
        assert_eq!(people[0].extra, [field("Department", "Robotics")]);
    }

    #[test]
    fn a_bold_line_ends_a_person_and_starts_a_group() {
        let (people, said) = people(
            "# U\n## Faculty\n### Ada\n- Title: T\n\n**Visiting**\n\n- [Bo](https://b.example/)\n",
        );
        assert_eq!(said, Vec::<String>::new());
        assert_eq!(names(&people), ["Ada", "Bo"]);
        assert_eq!(people[1].extra, [field("Department", "Visiting")]);
    }

    #[test]
    fn a_heading_whose_words_name_a_section_is_one_only_when_no_one_is_under_it() {
        let (people, said) = people(
            "# U\n## Faculty\n### Matthew Links\n- **Title**: Professor\n### Ann News\n### Courses\n- [CS 1](https://u.example/cs1)\n### Useful Links\n- [Lab](https://lab.example/)\n### Bo Staff\n- **Email**: bo@u.example\n",
        );
        assert_eq!(names(&people), ["Matthew Links", "Ann News", "Bo Staff"]);
        assert_eq!(
            said,
            [
                "t.md:6:1: note: 1 list item under \"Courses\" was not read as people: the heading does not name people; see docs/format.md"
            ]
        );
        let file = read("# U\n## Faculty\n### Useful Links\n- [Lab](https://lab.example/)\n");
        assert_eq!(file.school.expect("a school").labs.len(), 1);
    }

    #[test]
    fn diag_entries_keep_the_nameless_heading_error() {
        let file = read("# U\n## Faculty\n####\n- [Ada](https://a.example/)\n### Bo\n");
        let d = &file.diagnostics;
        assert_eq!((d[0].line, d[0].severity), (3, Severity::Error));
        let names: Vec<_> = file.people.iter().map(|p| p.person.name()).collect();
        assert_eq!(names, ["Bo"]);
    }
}
