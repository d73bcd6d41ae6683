//! Tables: one person (or lab) a row, found by the columns' headers.
//!
//! The person column is the first headed as a name (`Name`, `Faculty`,
//! `Professor`, …), or failing that the first whose cells are mostly
//! links named by text rather than by a URL. A school column gives each
//! row its school, so one table may hold many; a research column gives
//! topics; a link column the website; a type column saying `lab`,
//! `group`, `center` or `institute` makes the row a lab. Every other cell
//! is kept as an extra field under its column's header.

use super::blocks::{Block, Inline, Row};
use super::entries::{self, field, lead, looks_like_url};
use super::inline::{only_link, quote, render, split_lines, split_topics};
use super::labs;
use super::positions::Reporter;
use crate::model::{Lab, PersonDraft, website_key};
use crate::url::is_openable_url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Person,
    School,
    Research,
    Link,
    Type,
    Title,
}

const ROLES: &[(Role, &[&str])] = &[
    (
        Role::Person,
        &[
            "name",
            "names",
            "full name",
            "faculty",
            "faculty name",
            "faculty member",
            "professor",
            "person",
            "researcher",
            "who",
            "by",
        ],
    ),
    (
        Role::School,
        &[
            "university",
            "school",
            "institution",
            "institute",
            "affiliation",
            "org",
            "organization",
            "organisation",
            "college",
        ],
    ),
    (
        Role::Research,
        &[
            "research",
            "area",
            "areas",
            "topic",
            "topics",
            "interests",
            "field",
            "fields",
            "research area",
            "research areas",
            "research interests",
            "research topics",
        ],
    ),
    (
        Role::Link,
        &[
            "link",
            "links",
            "homepage",
            "home page",
            "website",
            "web site",
            "web",
            "webpage",
            "web page",
            "url",
            "page",
        ],
    ),
    (Role::Type, &["type", "kind", "category"]),
    (Role::Title, &["title", "position", "rank"]),
];

/// A header as headers are compared: lower case words.
fn normalized(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for word in header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

fn role(header: &str) -> Option<Role> {
    let header = normalized(header);
    ROLES
        .iter()
        .find(|(_, names)| names.contains(&header.as_str()))
        .map(|&(role, _)| role)
}

/// What a row gave.
pub(super) enum Read {
    Person {
        person: PersonDraft,
        school: Option<String>,
        start: usize,
    },
    Lab {
        lab: Lab,
        school: Option<String>,
    },
}

pub(super) struct Table {
    pub(super) rows: Vec<Read>,
    /// Why no row was read, when the table has no column of names.
    pub(super) unread: Option<&'static str>,
    pub(super) has_links: bool,
}

const NO_NAMES: &str = "it has no column of names";

struct Columns {
    headers: Vec<String>,
    person: usize,
    school: Option<usize>,
    research: Option<usize>,
    link: Option<usize>,
    kind: Option<usize>,
    title: Option<usize>,
}

impl Columns {
    /// The columns of a table; in a labs section (`labs`), the first
    /// column not holding links names the labs when no header does.
    fn new(header: &Row, body: &[Row], labs: bool) -> Option<Columns> {
        let headers: Vec<String> = header.cells.iter().map(|c| render(&c.inlines)).collect();
        let roles: Vec<Option<Role>> = headers.iter().map(|h| role(h)).collect();
        let first = |wanted: Role| roles.iter().position(|&r| r == Some(wanted));
        let lab_column = || {
            let named = headers.iter().position(|h| {
                ["lab", "labs", "group", "center", "centre", "institute"]
                    .contains(&normalized(h).as_str())
            });
            named.or_else(|| roles.iter().position(|&r| r != Some(Role::Link)))
        };
        let person = first(Role::Person)
            .or_else(|| labs.then(lab_column).flatten())
            .or_else(|| {
                (0..headers.len()).find(|&column| {
                    !matches!(
                        roles[column],
                        Some(Role::School | Role::Research | Role::Type | Role::Title)
                    ) && mostly_named_links(body, column)
                })
            })?;
        Some(Columns {
            school: first(Role::School),
            research: first(Role::Research),
            link: roles
                .iter()
                .enumerate()
                .position(|(column, &r)| r == Some(Role::Link) && column != person),
            kind: first(Role::Type),
            title: first(Role::Title),
            person,
            headers,
        })
    }

    fn used(&self, column: usize) -> bool {
        column == self.person
            || [self.school, self.research, self.link, self.title].contains(&Some(column))
    }
}

/// Whether most of the column's non-empty cells are links named by text.
fn mostly_named_links(body: &[Row], column: usize) -> bool {
    let (mut filled, mut named) = (0, 0);
    for cell in body.iter().filter_map(|row| row.cells.get(column)) {
        if render(&cell.inlines).is_empty() {
            continue;
        }
        filled += 1;
        if lead(cell).is_some_and(|lead| lead.url.is_some()) {
            named += 1;
        }
    }
    named * 2 > filled
}

/// Whether any cell below the header holds a link.
pub(super) fn has_links(table: &Block) -> bool {
    table
        .rows()
        .iter()
        .skip(1)
        .flat_map(|row| &row.cells)
        .any(has_link)
}

fn has_link(block: &Block) -> bool {
    block
        .inlines
        .iter()
        .any(|inline| matches!(inline, Inline::Link { .. }))
}

/// The rows of `table`, as people, or as labs when `labs` is set (a table
/// in a labs section). `department` is the group the table is under.
pub(super) fn read(
    rep: &mut Reporter,
    table: &Block,
    labs: bool,
    department: Option<&str>,
) -> Table {
    let (header, body) = match table.rows().split_first() {
        Some((header, body)) => (header, body),
        None => (
            &Row {
                start: table.start,
                cells: Vec::new(),
            },
            &[][..],
        ),
    };
    let has_links = body.iter().flat_map(|row| &row.cells).any(has_link);
    let Some(columns) = Columns::new(header, body, labs) else {
        return Table {
            rows: Vec::new(),
            unread: Some(NO_NAMES),
            has_links,
        };
    };
    let rows = body
        .iter()
        .filter_map(|row| read_row(rep, &columns, row, labs, department))
        .collect();
    Table {
        rows,
        unread: None,
        has_links,
    }
}

fn cell(row: &Row, column: Option<usize>) -> Option<&Block> {
    row.cells.get(column?)
}

fn text(row: &Row, column: Option<usize>) -> String {
    cell(row, column).map_or_else(String::new, |c| render(&c.inlines))
}

/// The URL a cell gives: its first link's, or its text when that is one.
fn url_of(block: &Block) -> Option<String> {
    let link = block.inlines.iter().find_map(|inline| match inline {
        Inline::Link { url, .. } => Some(url.trim().to_string()),
        _ => None,
    });
    link.or_else(|| {
        let text = render(&block.inlines);
        text.contains("://").then_some(text)
    })
}

fn read_row(
    rep: &mut Reporter,
    columns: &Columns,
    row: &Row,
    as_labs: bool,
    department: Option<&str>,
) -> Option<Read> {
    if row.cells.iter().all(|c| render(&c.inlines).is_empty()) {
        return None;
    }
    let person_cell = cell(row, Some(columns.person));
    let lead = person_cell.and_then(lead);
    let name = match &lead {
        Some(lead) => lead.name.clone(),
        None => text(row, Some(columns.person)),
    };
    if name.is_empty() || looks_like_url(&name) {
        let header = &columns.headers[columns.person];
        rep.warn(
            row.start,
            format!("table row has no name in column {}; skipped", quote(header)),
        );
        return None;
    }
    let from_column = cell(row, columns.link).and_then(url_of);
    let own = lead.as_ref().and_then(|lead| lead.url).map(str::to_string);
    let school = Some(text(row, columns.school)).filter(|s| !s.is_empty());
    let kind = text(row, columns.kind);
    if as_labs || names_a_lab(&kind) {
        let url = from_column.or(own).unwrap_or_default();
        let lab = labs::checked(rep, row.start, name, url)?;
        return Some(Read::Lab { lab, school });
    }
    let mut person = PersonDraft {
        name,
        ..PersonDraft::default()
    };
    let title = text(row, columns.title);
    if !title.is_empty() {
        person.title = Some(title);
    }
    if let Some(research) = cell(row, columns.research) {
        person.research = split_lines(research.source(), &research.inlines)
            .into_iter()
            .flat_map(|(_, line)| split_topics(&render(line)))
            .collect();
    }
    let rest = lead.as_ref().map(entries::rest).unwrap_or_default();
    if person.research.is_empty() {
        person.research = rest.topics;
    }
    if let Some(tag) = rest.tag {
        person.extra.push(field("Affiliation", tag));
    }
    if let Some(department) = department.filter(|d| !d.is_empty()) {
        person
            .extra
            .push(field("Department", department.to_string()));
    }
    if let Some(about) = rest.about {
        person.extra.push(field("About", about));
    }
    match (&from_column, &own) {
        (Some(url), _) | (None, Some(url)) => entries::website(rep, row.start, &mut person, url),
        (None, None) => {}
    }
    if let (Some(column), Some(own)) = (&from_column, &own)
        && website_key(own) != website_key(column)
        && is_openable_url(own)
    {
        rep.spot(row.start, own);
        person.extra.push(field("Link", own.clone()));
    }
    for link in rest.links {
        rep.spot(row.start, &link);
        person.extra.push(field("Link", link));
    }
    extra_cells(rep, columns, row, &mut person);
    Some(Read::Person {
        person,
        school,
        start: row.start,
    })
}

fn names_a_lab(kind: &str) -> bool {
    kind.split(|c: char| !c.is_alphanumeric()).any(|word| {
        [
            "lab",
            "labs",
            "group",
            "groups",
            "center",
            "centre",
            "centers",
            "institute",
        ]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
    })
}

/// Every cell no role took, as a field under its column's header; cells
/// past the header, as `Column N`, said once for the row.
fn extra_cells(rep: &mut Reporter, columns: &Columns, row: &Row, person: &mut PersonDraft) {
    for (column, block) in row.cells.iter().enumerate() {
        if columns.used(column) {
            continue;
        }
        let value = match only_link(&block.inlines) {
            Some(url) if is_openable_url(url) => {
                rep.spot(row.start, url.trim());
                url.trim().to_string()
            }
            _ => render(&block.inlines),
        };
        if value.is_empty() {
            continue;
        }
        let key = match columns.headers.get(column) {
            Some(header) if !header.is_empty() => header.clone(),
            _ => format!("Column {}", column + 1),
        };
        person.extra.push(field(&key, value));
    }
    let past: Vec<usize> = (columns.headers.len()..row.cells.len())
        .filter(|&column| !render(&row.cells[column].inlines).is_empty())
        .collect();
    if let Some(&first) = past.first() {
        rep.warn(
            row.start,
            format!(
                "table row has {} more cell{} than the header; kept as \"Column {}\"{}",
                row.cells.len() - columns.headers.len(),
                if row.cells.len() - columns.headers.len() == 1 {
                    ""
                } else {
                    "s"
                },
                first + 1,
                if past.len() > 1 { " and on" } else { "" }
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Lab, PersonDraft};
    use crate::parse::parse;
    use crate::parse::tests::field;

    type Found = (Vec<(String, PersonDraft)>, Vec<(String, Lab)>, Vec<String>);

    /// (school, person) of every row read, the labs by school, and what was said.
    fn read(src: &str) -> Found {
        let file = parse("t.md", src.as_bytes());
        let school = file.school.clone().unwrap_or_default();
        let schools: Vec<_> = std::iter::once(school).chain(file.also.clone()).collect();
        let people = file
            .people
            .iter()
            .map(|p| (schools[p.person.school].name.clone(), p.person.to_draft()))
            .collect();
        let labs = schools
            .iter()
            .flat_map(|s| s.labs.iter().map(|l| (s.name.clone(), l.clone())))
            .collect();
        let said = file.diagnostics.iter().map(ToString::to_string).collect();
        (people, labs, said)
    }

    #[test]
    fn one_table_many_schools() {
        let (people, _, said) = read(
            "# Awesome\n\n| Name | University | Research | Homepage |\n|---|:-:|---|---|\n| [Ada](https://a.example/) | MIT | OS<br>storage, networks | [web](https://ada.example/) |\n| Bo | Massachusetts Institute of Technology | ML; <br/> vision | https://bo.example/ |\n| Cy | | graphs | |\n",
        );
        assert_eq!(said, Vec::<String>::new());
        let rows: Vec<_> = people
            .iter()
            .map(|(school, p)| {
                (
                    school.as_str(),
                    p.name.as_str(),
                    p.research.clone(),
                    p.website.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "MIT",
                    "Ada",
                    vec!["OS".to_string(), "storage".into(), "networks".into()],
                    Some("https://ada.example/")
                ),
                (
                    "MIT",
                    "Bo",
                    vec!["ML".to_string(), "vision".into()],
                    Some("https://bo.example/")
                ),
                ("Awesome", "Cy", vec!["graphs".to_string()], None),
            ],
            "the link column wins over the name's link; MIT by either name is one school"
        );
        assert_eq!(people[0].1.extra, [field("Link", "https://a.example/")]);
    }

    #[test]
    fn a_column_of_linked_names_is_the_person_column() {
        let (people, _, said) = read(
            "# Combinatorics\n\n| Homepage | Area | Scholar |\n|---|---|---|\n| [Yara Zhou](https://math.example.edu/~yz/) | extremal combinatorics | [GS](https://scholar.example/yz) |\n| [Marek Nowak](https://nowak.example.pl) | graph theory, Ramsey theory | |\n| Aiko Mori | additive combinatorics | |\n",
        );
        assert_eq!(said, Vec::<String>::new());
        let names: Vec<_> = people.iter().map(|(_, p)| p.name.as_str()).collect();
        assert_eq!(names, ["Yara Zhou", "Marek Nowak", "Aiko Mori"]);
        let yara = &people[0].1;
        assert_eq!(
            yara.website.as_deref(),
            Some("https://math.example.edu/~yz/")
        );
        assert_eq!(yara.research, ["extremal combinatorics"]);
        assert_eq!(yara.extra, [field("Scholar", "https://scholar.example/yz")]);
    }

    #[test]
    fn ragged_rows_code_spans_images_and_html() {
        let (people, _, said) = read(
            "# U\n\n| Name | Research | Notes |\n|---|---|---|\n| Ada | `a|b` tests |\n| Bo \\| Jr | x | <b>kind</b> ![pic](bo.png) | late | later |\n| Cy |\n",
        );
        let rows: Vec<_> = people
            .iter()
            .map(|(_, p)| (p.name.as_str(), p.research.clone(), p.extra.clone()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Ada", vec!["a|b tests".to_string()], vec![]),
                (
                    "Bo | Jr",
                    vec!["x".to_string()],
                    vec![
                        field("Notes", "kind"),
                        field("Column 4", "late"),
                        field("Column 5", "later")
                    ]
                ),
                ("Cy", vec![], vec![]),
            ]
        );
        assert_eq!(
            said,
            [
                "t.md:6:1: warning: table row has 2 more cells than the header; kept as \"Column 4\" and on"
            ]
        );
    }

    #[test]
    fn lab_rows_and_tables_of_labs() {
        let (people, labs, said) = read(
            "# U\n\n| Name | Type | School |\n|---|---|---|\n| [Sky Lab](https://sky.example/) | Research lab | Berkeley |\n| [Ada](https://a.example/) | Faculty | |\n| Vision Group | group | |\n\n## Labs\n\n| Lab | Link |\n|---|---|\n| Robotics | <https://robotics.example/> |\n",
        );
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].1.extra, [field("Type", "Faculty")]);
        let labs: Vec<_> = labs
            .iter()
            .map(|(s, l)| (s.as_str(), l.name.as_str()))
            .collect();
        assert_eq!(labs, [("U", "Robotics"), ("Berkeley", "Sky Lab")]);
        assert_eq!(
            said,
            ["t.md:7:1: warning: lab \"Vision Group\" has no URL; skipped"]
        );
    }

    #[test]
    fn rows_without_names_and_tables_without_a_name_column() {
        let (people, _, said) = read(
            "# U\n\n## Staff\n\n| Name | Email |\n|---|---|\n| | x@u.example |\n| <https://u.example/> | y@u.example |\n|  |  |\n\n| Course | Term |\n|---|---|\n| ML | Fall |\n",
        );
        assert_eq!(people, []);
        assert_eq!(
            said,
            [
                "t.md:3:1: note: 1 table under \"Staff\" was not read as people: the table has no column of names; see docs/format.md",
                "t.md:7:1: warning: table row has no name in column \"Name\"; skipped",
                "t.md:8:1: warning: table row has no name in column \"Name\"; skipped",
            ]
        );
    }

    #[test]
    fn reference_links_and_titles_in_cells() {
        let (people, _, _) = read(
            "# U\n\n| Professor | Position |\n|---|---|\n| [Ada][ada] | Chair |\n\n[ada]: https://a.example/~ada\n",
        );
        let ada = &people[0].1;
        assert_eq!(ada.website.as_deref(), Some("https://a.example/~ada"));
        assert_eq!(ada.title.as_deref(), Some("Chair"));
    }

    #[test]
    fn a_file_whose_every_row_names_a_school_needs_no_name_of_its_own() {
        let (people, _, said) = read("| Name | School |\n|---|---|\n| Ada | MIT |\n| Bo | U |\n");
        assert_eq!(people.len(), 2);
        assert_eq!(said, Vec::<String>::new());
        let (_, _, said) = read("| Name | School |\n|---|---|\n| Ada | MIT |\n| Bo | |\n");
        assert_eq!(
            said,
            ["t.md: warning: no \"# School\" heading; using \"t\" as the school name"]
        );
    }
}
