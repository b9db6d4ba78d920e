//! Load the rule set the user asked for; render pack errors with their source spans.

use super::args::{EncodingArg, PackArgs};
use super::exit::CliError;
use crate::ingest::{EncodingChoice, IngestOptions};
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

pub fn ingest_options(encoding: EncodingArg) -> IngestOptions {
    IngestOptions {
        encoding: match encoding {
            EncodingArg::Auto => EncodingChoice::Auto,
            EncodingArg::Utf8 => EncodingChoice::Utf8,
            EncodingArg::Utf16le => EncodingChoice::Utf16Le,
            EncodingArg::Utf16be => EncodingChoice::Utf16Be,
            EncodingArg::Gb18030 => EncodingChoice::Gb18030,
        },
    }
}
