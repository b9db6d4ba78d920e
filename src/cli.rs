//! Stage 6 — cli: argument parsing, dispatch, and the only place that prints and picks exit codes.
#![allow(clippy::print_stdout)] // the CLI's job is to print

mod args;
mod check;
mod eval;
mod exit;
mod new_pack;
mod packs;
mod parse;
mod rules;
mod test;

pub use args::Cli;
pub use exit::Exit;

use clap::Parser;
use std::ffi::OsString;
use std::process::ExitCode;

/// Run the command line; never panics on bad input, always returns an exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => Exit::Usage.into(),
            };
        }
    };
    let result = match cli.command {
        args::Command::Check(a) => check::run(a),
        args::Command::Parse(a) => parse::run(a),
        args::Command::Rules(a) => rules::list(a),
        args::Command::Explain(a) => rules::explain(a),
        args::Command::Test(a) => test::run(a),
        args::Command::NewPack(a) => new_pack::run(a),
        args::Command::Eval(a) => eval::run(a),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(e) => {
            eprintln!("{e}");
            Exit::Usage.into()
        }
    }
}
