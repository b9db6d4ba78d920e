use fzcheck::cli::desktop;
use std::process::ExitCode;

fn main() -> ExitCode {
    desktop::prepare_console();
    let args: Vec<_> = std::env::args_os().collect();
    match desktop::dropped_files(&args) {
        Some(files) => desktop::run(&files),
        None => fzcheck::cli::run(args),
    }
}
