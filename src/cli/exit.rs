//! Exit codes, in one place.

use std::process::ExitCode;

/// 0: nothing at or above `--fail-on` failed; 1: something did; 2: usage, input or rule-pack error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Failed,
    Usage,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(match e {
            Exit::Ok => 0,
            Exit::Failed => 1,
            Exit::Usage => 2,
        })
    }
}

/// An error that stops a command: printed to stderr as it is, then the process exits with 2.
/// Empty when stdout was closed by its reader (`| head`): then nothing is printed and the exit is 0.
#[derive(Debug)]
pub struct CliError(pub String);

impl CliError {
    /// Whether the command ended because its reader closed stdout.
    pub fn is_closed_pipe(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<E: std::error::Error + 'static> From<E> for CliError {
    fn from(e: E) -> Self {
        let closed_pipe = (&e as &dyn std::error::Error)
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
        if closed_pipe {
            CliError(String::new())
        } else {
            CliError(e.to_string())
        }
    }
}
