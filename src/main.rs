use std::process::ExitCode;

fn main() -> ExitCode {
    fzcheck::cli::run(std::env::args_os())
}
