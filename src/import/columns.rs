//! Which column of a spreadsheet holds what: found by header, ignoring
//! case, punctuation and spacing, under the names spreadsheets give them.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Name,
    /// A first name, for sheets that split names in two.
    GivenName,
    FamilyName,
    School,
    Title,
    Research,
    Website,
}

impl Role {
    const ALL: [Role; 7] = [
        Role::Name,
        Role::GivenName,
        Role::FamilyName,
        Role::School,
        Role::Title,
        Role::Research,
        Role::Website,
    ];

    /// The headers that mean this role, as [`normalized`] gives them.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Role::Name => &[
                "name",
                "full name",
                "person",
                "faculty name",
                "faculty member",
                "professor",
                "researcher",
            ],
            Role::GivenName => &["first name", "given name", "first", "forename"],
            Role::FamilyName => &["last name", "family name", "surname", "last"],
            Role::School => &[
                "school",
                "affiliation",
                "institution",
                "university",
                "college",
                "organization",
                "organisation",
            ],
            Role::Title => &["title", "position", "rank", "job title", "role"],
            Role::Research => &[
                "research",
                "topics",
                "interests",
                "areas",
                "research interests",
                "research areas",
                "research topics",
                "keywords",
            ],
            Role::Website => &[
                "website",
                "homepage",
                "home page",
                "url",
                "web",
                "webpage",
                "web page",
                "web site",
                "personal website",
            ],
        }
    }

    /// What a message calls a column of this role.
    fn noun(self) -> &'static str {
        match self {
            Role::Name => "name",
            Role::GivenName => "first-name",
            Role::FamilyName => "last-name",
            Role::School => "school",
            Role::Title => "title",
            Role::Research => "research",
            Role::Website => "website",
        }
    }
}

/// A header as headers are compared: lower case, every run of anything
/// but letters and digits one space. `Research_Interests:` is
/// `research interests`.
fn normalized(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role a header names, if any.
pub fn role(header: &str) -> Option<Role> {
    let header = normalized(header);
    Role::ALL
        .into_iter()
        .find(|role| role.headers().contains(&header.as_str()))
}

/// The columns of a header row.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Columns {
    roles: [Option<usize>; Role::ALL.len()],
    /// Every other column: its index and the field it fills, in order.
    pub extra: Vec<(usize, String)>,
    /// What is worth saying about the header row.
    pub notes: Vec<String>,
}

impl Columns {
    pub fn new(header: &[String]) -> Columns {
        let mut columns = Columns::default();
        for (index, text) in header.iter().enumerate() {
            let number = index + 1;
            let Some(role) = role(text) else {
                let key = if text.is_empty() {
                    let key = format!("Column {number}");
                    columns.notes.push(format!(
                        "column {number} has no header; its cells are kept as \"{key}\""
                    ));
                    key
                } else {
                    text.clone()
                };
                columns.extra.push((index, key));
                continue;
            };
            let slot = &mut columns.roles[role as usize];
            if slot.is_none() {
                *slot = Some(index);
                continue;
            }
            // Kept under a name of its own: under its header, the directory
            // reader would take it for the first column's field again.
            let key = format!("{text} (column {number})");
            columns.notes.push(format!(
                "column {number} \"{text}\" is a second {} column; its cells are kept as \"{key}\"",
                role.noun()
            ));
            columns.extra.push((index, key));
        }
        // With a whole name, first and last names are just more fields.
        if columns.get(Role::Name).is_some() {
            for role in [Role::GivenName, Role::FamilyName] {
                if let Some(index) = columns.roles[role as usize].take() {
                    columns.extra.push((index, header[index].clone()));
                }
            }
            columns.extra.sort_unstable();
        }
        columns
    }

    pub fn get(&self, role: Role) -> Option<usize> {
        self.roles[role as usize]
    }

    /// Whether rows can have names at all.
    pub fn has_names(&self) -> bool {
        [Role::Name, Role::GivenName, Role::FamilyName]
            .iter()
            .any(|&role| self.get(role).is_some())
    }

    /// The headers a name column may have, for a message saying there is none.
    pub fn name_headers() -> String {
        let names: Vec<String> = [Role::Name, Role::GivenName, Role::FamilyName]
            .iter()
            .map(|role| format!("\"{}\"", role.headers()[0]))
            .collect();
        format!("{} or {}", names[..2].join(", "), names[2])
    }

    /// The headers a school column may have.
    pub fn school_headers() -> String {
        let names: Vec<String> = Role::School.headers()[..4]
            .iter()
            .map(|name| format!("\"{name}\""))
            .collect();
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(header: &[&str]) -> Columns {
        Columns::new(&header.iter().map(|h| (*h).to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn headers_are_found_by_their_synonyms_whatever_the_case() {
        for (header, expected) in [
            ("Name", Role::Name),
            ("FULL NAME", Role::Name),
            ("full_name", Role::Name),
            ("Person", Role::Name),
            ("Affiliation", Role::School),
            ("institution", Role::School),
            ("University", Role::School),
            ("Position", Role::Title),
            ("rank", Role::Title),
            ("Research Interests:", Role::Research),
            ("topics", Role::Research),
            ("Areas", Role::Research),
            ("Homepage", Role::Website),
            ("URL", Role::Website),
            ("Web", Role::Website),
            ("Home-Page", Role::Website),
            ("First Name", Role::GivenName),
            ("Surname", Role::FamilyName),
        ] {
            assert_eq!(role(header), Some(expected), "{header}");
        }
        for other in ["Email", "Scholar", "Office", "names", "web2", ""] {
            assert_eq!(role(other), None, "{other}");
        }
    }

    #[test]
    fn each_role_takes_its_first_column_and_the_rest_are_fields() {
        let c = columns(&["Email", "Name", "Homepage", "URL", "", "Title"]);
        assert_eq!(c.get(Role::Name), Some(1));
        assert_eq!(c.get(Role::Website), Some(2));
        assert_eq!(c.get(Role::Title), Some(5));
        assert_eq!(c.get(Role::School), None);
        assert_eq!(
            c.extra,
            [
                (0, "Email".to_string()),
                (3, "URL (column 4)".to_string()),
                (4, "Column 5".to_string())
            ]
        );
        assert_eq!(
            c.notes,
            [
                "column 4 \"URL\" is a second website column; its cells are kept as \"URL (column 4)\"",
                "column 5 has no header; its cells are kept as \"Column 5\"",
            ]
        );
        assert!(c.has_names());
        assert!(!columns(&["Email", "School"]).has_names());
    }

    #[test]
    fn first_and_last_names_make_a_name_only_without_a_whole_one() {
        let split = columns(&["Last Name", "First Name", "School"]);
        assert_eq!(split.get(Role::GivenName), Some(1));
        assert_eq!(split.get(Role::FamilyName), Some(0));
        assert!(split.has_names() && split.extra.is_empty());
        let whole = columns(&["Last Name", "Name", "First Name"]);
        assert_eq!(whole.get(Role::GivenName), None);
        assert_eq!(
            whole.extra,
            [(0, "Last Name".to_string()), (2, "First Name".to_string())]
        );
    }
}
