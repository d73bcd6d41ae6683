//! The arguments, as clap parses them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use super::links::LinkArgs;
pub use super::pick::PickArgs;
use crate::config::{self, Config, Location};
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
    /// Start the browser with this filter (over where it last was)
    #[arg(long, value_name = "Q")]
    pub query: Option<String>,
    /// Start the browser in this school (name, case-insensitive, or a unique part of it)
    #[arg(long, value_name = "S")]
    pub school: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Also read this directory file, or every *.md in this folder (repeatable; `-` reads one document from standard input)
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
    /// Read this config file, also set by `PROFDEX_CONFIG` [default: config.toml in the platform config directory]
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Read no config file: the built-in keys, theme and defaults
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
}

impl GlobalArgs {
    /// The options these arguments ask for, then `config`, then the
    /// defaults. The config's schools come before any `--schools`.
    pub fn setup(&self, config: Config) -> Result<Setup, Failure> {
        let data_dir = self
            .data_dir
            .clone()
            .or_else(|| std::env::var_os("PROFDEX_DATA_DIR").map(PathBuf::from));
        let from_stdin = self
            .schools
            .iter()
            .filter(|path| crate::sources::is_stdin(path))
            .count();
        if from_stdin > 1 {
            return Err(Failure::Usage(
                "--schools -: standard input can be read once; give `-` at most once".into(),
            ));
        }
        if from_stdin == 1 {
            crate::sources::read_stdin();
        }
        let builtin = !self.no_builtin && config.defaults.builtin.unwrap_or(true);
        let mut schools = config.defaults.schools.clone();
        schools.extend(self.schools.iter().cloned());
        let mut setup = Setup::new(data_dir, builtin, schools, self.color, !self.no_cache)?;
        setup.config = config;
        Ok(setup)
    }

    /// Where the config file is, as these arguments and the environment say.
    pub fn config_location(&self) -> Location {
        config::locate(
            self.config.as_deref(),
            std::env::var_os(config::ENV).map(PathBuf::from),
            self.no_config,
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
    /// Choose people in the browser, drawn on the terminal, and print them
    ///
    /// The browser is drawn on the controlling terminal (/dev/tty), so
    /// `profdex pick` works inside `$(…)` and in pipes: standard output
    /// carries the chosen people alone. Type to filter, Enter to choose,
    /// Esc to give up; with --multi, Tab and Shift-Tab mark people. Exit
    /// 0 when someone was printed, 1 when no one matched, 2 on an error,
    /// 130 when given up, as fzf.
    Pick(PickArgs),
    /// Print a shell snippet binding Alt-p to insert picked websites at the prompt
    ///
    /// Add `eval "$(profdex shell-init bash)"` to ~/.bashrc (zsh: the
    /// same in ~/.zshrc; fish: `profdex shell-init fish | source` in
    /// config.fish). Set `PROFDEX_PICK_KEY` before that line to bind
    /// another key, written as the shell binds it (bash: "\C-g", zsh:
    /// "^G", fish: \cg).
    ShellInit {
        /// The shell to write it for
        shell: InitShell,
    },
    /// Print the data directory, the favorites file and the sources read
    Paths,
    /// Print shell completions
    Completions {
        /// The shell to write them for
        shell: clap_complete::Shell,
    },
    /// The config file: where it is, what it sets, the built-in one, whether it is right
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Print the manual page (roff), for `man -l -` or a man directory
    Man,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Where the config file is looked for, and whether it is there
    Path,
    /// The settings in force, each with where it comes from
    Show,
    /// A complete config with every built-in value, commented
    Default,
    /// Check a config file (default: the one in use); exit 1 on errors
    Check {
        /// The file to check instead
        file: Option<PathBuf>,
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

/// The shells `shell-init` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InitShell {
    Bash,
    Zsh,
    Fish,
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
            | Command::Pick(_)
            | Command::ShellInit { .. }
            | Command::Completions { .. }
            | Command::Config { .. }
            | Command::Man => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::config::Defaults;

    fn setup(args: &[&str], defaults: Defaults) -> Setup {
        let mut all = vec!["profdex", "--data-dir", "/tmp/profdex-test"];
        all.extend(args);
        let cli = Cli::try_parse_from(all).expect("arguments");
        let config = Config {
            defaults,
            ..Config::default()
        };
        cli.global.setup(config).expect("a setup")
    }

    #[test]
    fn the_configs_schools_come_before_the_flags_and_builtin_yields_to_the_flag() {
        let defaults = Defaults {
            schools: vec![PathBuf::from("/cfg/a"), PathBuf::from("/cfg/b")],
            builtin: Some(true),
            ..Defaults::default()
        };
        let both = setup(&["--schools", "x.md", "--no-builtin"], defaults.clone());
        assert_eq!(
            both.options.schools,
            [
                PathBuf::from("/cfg/a"),
                PathBuf::from("/cfg/b"),
                PathBuf::from("x.md")
            ]
        );
        assert!(!both.options.builtin, "the flag beats the file");
        let file = setup(
            &[],
            Defaults {
                builtin: Some(false),
                ..defaults
            },
        );
        assert!(!file.options.builtin, "the file beats the default");
        assert!(setup(&[], Defaults::default()).options.builtin);
        // The hint to check the same sources leaves the config's to the config.
        assert_eq!(
            file.check_command(),
            "profdex check --data-dir /tmp/profdex-test"
        );
    }

    #[test]
    fn config_and_no_config_do_not_go_together() {
        let parsed = Cli::try_parse_from(["profdex", "--config", "a.toml", "--no-config", "list"]);
        assert!(parsed.is_err());
    }
}
