//! The arguments, as clap parses them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    /// Where favorites and your own schools/ live [default: the platform data directory]
    #[arg(long, value_name = "DIR", env = "PROFDEX_DATA_DIR", global = true)]
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
        Setup::new(
            self.data_dir.clone(),
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
        #[arg(long)]
        json: bool,
    },
    /// Ranked fuzzy matches, best first
    Search {
        #[command(flatten)]
        query: QueryArgs,
        #[arg(long, value_name = "S")]
        school: Option<String>,
        /// Show at most N matches
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// The best match in full, with its school's labs
    Show {
        #[command(flatten)]
        query: QueryArgs,
        #[arg(long)]
        json: bool,
    },
    /// Open the best match's website, or its school's lab N
    Open {
        #[command(flatten)]
        query: QueryArgs,
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        lab: Option<u16>,
    },
    /// List favorites (bookmarks)
    Favorites {
        #[arg(long)]
        json: bool,
    },
    /// Add or remove a favorite
    Favorite {
        #[command(subcommand)]
        action: FavoriteAction,
    },
    /// Lint directory files (default: every source); exit 1 on any error
    Check {
        /// Files or folders to check instead of the configured sources
        paths: Vec<PathBuf>,
    },
    /// Print the data directory, the favorites file and the sources read
    Paths,
    /// Print shell completions
    Completions { shell: clap_complete::Shell },
}

#[derive(Debug, Subcommand)]
pub enum FavoriteAction {
    /// Bookmark the best match
    Add {
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Remove the best-matching favorite
    Remove {
        #[command(flatten)]
        query: QueryArgs,
    },
}

/// The words of a query: several words are one query, so quoting is optional.
#[derive(Debug, Args)]
pub struct QueryArgs {
    #[arg(required = true, value_name = "QUERY")]
    pub words: Vec<String>,
}

impl QueryArgs {
    /// The query as one text. One with nothing to look for (empty, blank,
    /// an unset `"$NAME"`) is a usage error: it would match anyone. So is
    /// one of punctuation alone, which matches the `, ` between anyone's
    /// research topics.
    pub fn text(&self) -> Result<String, Failure> {
        let text = self.words.join(" ");
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
}

impl Command {
    /// The query of a command that takes one.
    pub fn query(&self) -> Option<&QueryArgs> {
        match self {
            Command::Search { query, .. }
            | Command::Show { query, .. }
            | Command::Open { query, .. }
            | Command::Favorite {
                action: FavoriteAction::Add { query } | FavoriteAction::Remove { query },
            } => Some(query),
            Command::List { .. }
            | Command::Favorites { .. }
            | Command::Check { .. }
            | Command::Paths
            | Command::Completions { .. } => None,
        }
    }
}
