use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use profdex::cli::{Cli, Command, Failure, run, run_config};
use profdex::config;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = start(cli);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `profdex list | head` closing the pipe early is not a failure.
        Err(Failure::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Config(problems)) => {
            for problem in &problems {
                profdex::cli::tell(&profdex::sanitize::sanitize(&problem.to_string()));
            }
            ExitCode::from(2)
        }
        // As fzf: giving up is said by the status alone.
        Err(failure @ Failure::Aborted) => ExitCode::from(failure.exit_code()),
        Err(failure) => {
            profdex::cli::tell(&format!(
                "profdex: {}",
                profdex::sanitize::sanitize(&failure.to_string())
            ));
            ExitCode::from(failure.exit_code())
        }
    }
}

fn start(cli: Cli) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Some(Command::Config { action }) = &cli.command {
        run_config(&cli.global, action, &mut out)?;
        return out.flush().map_err(Failure::from);
    }
    // A config with mistakes stops everything here, before the terminal
    // is touched or any data read.
    let (config, keymap) = config::load(&cli.global.config_location()).map_err(Failure::Config)?;
    config::install(config::Screen::of(&config.defaults), keymap);
    let setup = cli.global.setup(config)?;
    let Some(command) = cli.command else {
        drop(out);
        let start = profdex::tui::Start {
            fresh: cli.fresh,
            query: cli.query,
            school: cli.school,
        };
        return profdex::tui::run(&setup, &start);
    };
    run(&setup, command, &mut out).and_then(|()| out.flush().map_err(Failure::from))
}
