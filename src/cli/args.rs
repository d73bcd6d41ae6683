//! The arguments, as clap parses them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use super::links::LinkArgs;
use crate::fold::fold;
use crate::search::Query;
use crate::setup::{ColorChoice, Failure, Setup};

#[derive(Debug, Parser)]
#[command(
    name = "profdex",
    version,
    about = "Browse directories of university faculty: who works where, on what, and how to reach them.",
    after_help = "Run without a command to browse interactively."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// Browse from the start, not where the browser was when it last quit
    #[arg(long)]
    pub fresh: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Also read this directory file, or every *.md in this folder (repeatable)
    #[arg(long = "schools", value_name = "PATH", global = true)]
    pub schools: Vec<PathBuf>,
    /// Leave out the built-in schools
    #[arg(long, global = true)]
    pub no_builtin: bool,
    /// Where favorites and your own schools/ live, also set by `PROFDEX_DATA_DIR` [default: the platform data directory]
    // Not clap's `env`: with the variable set, clap's usage line would show
    // `--data-dir <DIR>` as if it were required.
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Parse every file again, and keep no parsed copy (see `paths` for where it is kept)
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// When to use colour (`NO_COLOR` in the environment also turns it off)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

impl GlobalArgs {
    /// The options these arguments ask for, with the defaults filled in.
    pub fn setup(&self) -> Result<Setup, Failure> {
        let data_dir = self
            .data_dir
            .clone()
            .or_else(|| std::env::var_os("PROFDEX_DATA_DIR").map(PathBuf::from));
        Setup::new(
            data_dir,
            !self.no_builtin,
            self.schools.clone(),
            self.color,
            !self.no_cache,
        )
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every person, sorted by school then name
    List {
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Only favorites
        #[arg(long)]
        favorites: bool,
        /// Print one JSON array (`[]` when there is no one)
        #[arg(long)]
        json: bool,
    },
    /// Ranked fuzzy matches, best first
    Search {
        #[command(flatten)]
        query: QueryArgs,
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Show at most N matches
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print one JSON array of the matches, each with its score (`[]` when none)
        #[arg(long)]
        json: bool,
    },
    /// The person named, in full, with their school's labs
    Show {
        #[command(flatten)]
        query: QueryArgs,
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Print a JSON array of the one person, with the school's labs (`[]` when none)
        #[arg(long)]
        json: bool,
    },
    /// Open the named person's website, or their school's lab N
    Open {
        #[command(flatten)]
        query: QueryArgs,
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Open lab N of the person's school instead, numbered as `show` lists them
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        lab: Option<u16>,
    },
    /// List favorites (bookmarks) with their status and note, or export them
    Favorites {
        /// Print one JSON array (`[]` when there are none)
        #[arg(long, conflicts_with = "export")]
        json: bool,
        /// Write the shortlist as a markdown checklist (`md`), CSV for a spreadsheet, or JSON records
        #[arg(long, value_enum, value_name = "FORMAT")]
        export: Option<ExportFormat>,
        /// Only favorites with this status (`none`: those with no status); repeatable
        #[arg(long, value_name = "S")]
        status: Vec<String>,
    },
    /// Add or remove a favorite, or set its note or status
    Favorite {
        #[command(subcommand)]
        action: FavoriteAction,
    },
    /// Research topics with how many people list each, most common first
    Topics {
        /// Only this school's people (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Write a JSON array of {topic, count}
        #[arg(long)]
        json: bool,
    },
    /// People whose research overlaps most with one person's
    Related {
        #[command(flatten)]
        query: QueryArgs,
        /// Only look for the person in this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Show at most N people [default: 5]
        #[arg(long, value_name = "N", default_value_t = 5)]
        limit: usize,
        /// Write a JSON array, each person with a similarity and the shared topics
        #[arg(long)]
        json: bool,
    },
    /// Turn a spreadsheet, a CSRankings copy or a published list into school files in <data dir>/schools/
    ///
    /// One file per school, in the directory format, for you to read, edit
    /// and check like any other. An existing file is never replaced without
    /// --force: you may have edited it. Every row skipped, and why, is said
    /// on stderr; what was written is listed on stdout. Exit 0 when a file
    /// was written, 1 when none was (all there already, no one to import),
    /// 2 when the source cannot be used.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Lint directory files (default: every source), or with --links check their links; exit 1 on any error
    Check {
        /// Files or folders to check instead of the configured sources
        paths: Vec<PathBuf>,
        /// Check the links (websites, URL fields, labs) over the network
        #[arg(long)]
        links: bool,
        #[command(flatten)]
        link: LinkArgs,
    },
    /// Print the data directory, the favorites file and the sources read
    Paths,
    /// Print shell completions
    Completions {
        /// The shell to write them for
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum FavoriteAction {
    /// Bookmark the person named
    Add {
        #[command(flatten)]
        query: QueryArgs,
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
    },
    /// Remove the favorite named
    Remove {
        #[command(flatten)]
        query: QueryArgs,
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
    },
    /// Set the note of the person named (bookmarking them if need be)
    Note {
        /// Whom: a name, or a part of it, in quotes when it has spaces
        #[arg(value_name = "QUERY")]
        query: String,
        /// The note; several lines are kept; `-` reads it from standard input
        #[arg(value_name = "TEXT", required_unless_present = "clear")]
        text: Option<String>,
        /// Remove the note instead
        #[arg(long, conflicts_with = "text")]
        clear: bool,
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
    },
    /// Set the status of the person named (bookmarking them if need be)
    Status {
        /// Whom: a name, or a part of it, in quotes when it has spaces
        #[arg(value_name = "QUERY")]
        query: String,
        /// `to contact`, `contacted`, `replied`, `declined`, or words of your own
        #[arg(value_name = "STATUS", required_unless_present = "clear")]
        status: Option<String>,
        /// Remove the status instead
        #[arg(long, conflicts_with = "status")]
        clear: bool,
        /// Only this school (name, case-insensitive, or a unique part of it)
        #[arg(long, value_name = "S")]
        school: Option<String>,
    },
}

/// What `favorites --export` writes. (No doc comments on the values: they
/// would turn `--help` into its long form.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    // A markdown checklist, ticked for those contacted, replied or declined.
    Md,
    // Comma-separated values with a header row, for a spreadsheet.
    Csv,
    // One JSON array of flat records.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// A CSV file with a header row, one person a row
    ///
    /// Columns are found by header, ignoring case: name (or "full name",
    /// "person"; or "first name" and "last name"), school ("affiliation",
    /// "institution", "university"), title ("position", "rank"), research
    /// ("topics", "interests", "areas"; topics split at , and ;) and
    /// website ("homepage", "url", "web"). Every other column is kept as an
    /// extra field under its header. UTF-8 with or without a byte-order
    /// mark; commas, semicolons or tabs between cells.
    Csv {
        /// The CSV file, as a spreadsheet exports it
        file: PathBuf,
        /// The school of every row: for a file without a school column, or to override it
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Replace school files that are already there
        #[arg(long)]
        force: bool,
    },
    /// A local copy of the CSRankings data files
    ///
    /// Reads csrankings-[a-z].csv (name, affiliation, homepage, scholarid)
    /// and, when they are there, dblp-aliases.csv (to know one person's
    /// rows), generated-author-info*.csv (research areas), acm-fellows.csv
    /// and turing.csv (honours). They are in the CSrankings repository on
    /// GitHub (emeryberger/CSrankings); profdex ships none of them, as
    /// their licence (CC BY-NC-ND 4.0) forbids sharing what is made from
    /// them. One file per affiliation; the Google Scholar link is kept as
    /// a Scholar field.
    Csrankings {
        /// The folder holding the CSRankings files
        dir: PathBuf,
        /// Replace school files that are already there
        #[arg(long)]
        force: bool,
    },
    /// Faculty lists as people publish them in markdown
    ///
    /// Reads list entries ("* [Name](url): topics") under headings that
    /// name people, tables with name, school, research and link columns,
    /// and canonical entries, skipping front matter, HTML and comments
    /// (docs/format.md has every shape). Each school is written in the
    /// canonical form, ready to edit; what was not read is said, section
    /// by section, on stderr.
    Markdown {
        /// The markdown files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The school of everyone in the files, whatever they say
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Replace school files that are already there
        #[arg(long)]
        force: bool,
    },
}

/// The words of a query: several words are one query, so quoting is optional.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// A name, research topic, title or school to look for (fuzzy); every word must match
    #[arg(required = true, value_name = "QUERY")]
    pub words: Vec<String>,
}

impl QueryArgs {
    /// The query as one text. One with nothing to look for (empty, blank,
    /// an unset `"$NAME"`) is a usage error: it would match anyone. So is
    /// one of punctuation alone, which matches the `, ` between anyone's
    /// research topics.
    pub fn text(&self) -> Result<String, Failure> {
        checked_query(self.words.join(" "))
    }
}

/// `text` when it is a query with something to look for: see
/// [`QueryArgs::text`].
pub fn checked_query(text: String) -> Result<String, Failure> {
    if Query::new(&text).is_empty() {
        return Err(Failure::Usage(
            "empty query: give a name or a topic to look for".into(),
        ));
    }
    // Folded as the matcher sees it: `™` is the letters `TM`.
    let folded = fold(&text);
    if !folded
        .as_deref()
        .unwrap_or(&text)
        .chars()
        .any(char::is_alphanumeric)
    {
        return Err(Failure::Usage(format!(
            "query \"{text}\" has no letter or digit: give a name or a topic to look for"
        )));
    }
    Ok(text)
}

impl Command {
    /// The query of a command that takes one as a single argument.
    pub fn single_query(&self) -> Option<&str> {
        match self {
            Command::Favorite {
                action: FavoriteAction::Note { query, .. } | FavoriteAction::Status { query, .. },
            } => Some(query),
            _ => None,
        }
    }

    /// The query of a command that takes one in words.
    pub fn query(&self) -> Option<&QueryArgs> {
        match self {
            Command::Search { query, .. }
            | Command::Show { query, .. }
            | Command::Open { query, .. }
            | Command::Related { query, .. }
            | Command::Favorite {
                action: FavoriteAction::Add { query, .. } | FavoriteAction::Remove { query, .. },
            } => Some(query),
            Command::Favorite {
                action: FavoriteAction::Note { .. } | FavoriteAction::Status { .. },
            }
            | Command::List { .. }
            | Command::Favorites { .. }
            | Command::Topics { .. }
            | Command::Import { .. }
            | Command::Check { .. }
            | Command::Paths
            | Command::Completions { .. } => None,
        }
    }
}
