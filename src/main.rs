use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use profdex::cli::{Cli, Failure, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = cli.global.setup().and_then(|setup| {
        let Some(command) = cli.command else {
            let start = profdex::tui::Start {
                fresh: cli.fresh,
                query: cli.query,
                school: cli.school,
            };
            return profdex::tui::run(&setup, &start);
        };
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        run(&setup, command, &mut out).and_then(|()| out.flush().map_err(Failure::from))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `profdex list | head` closing the pipe early is not a failure.
        Err(Failure::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
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
