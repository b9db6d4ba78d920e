//! Load the rule set the user asked for; render pack errors with their source spans.

use super::args::PackArgs;
use super::exit::CliError;
use crate::pack::{self, Config, RuleSet};

/// Built-in packs unless `--pack` (or the configuration) names others.
pub fn load(args: &PackArgs) -> Result<RuleSet, CliError> {
    let config = match &args.config {
        Some(p) => Config::from_path(p).map_err(diagnostic)?,
        None => Config::default(),
    };
    pack::load(&args.packs, &config).map_err(diagnostic)
}

/// A pack error rendered by miette: file, line and column, and a caret under the place.
pub fn diagnostic(e: impl miette::Diagnostic + Send + Sync + 'static) -> CliError {
    let report = miette::Report::new(e);
    CliError(format!("{report:?}"))
}
