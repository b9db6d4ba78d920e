//! `fzcheck parse`: show what the parser sees in one report.

use super::args::{ListFormat, ParseArgs};
use super::exit::{CliError, Exit};
use crate::output::document;
use crate::{ingest, report};
use std::io::Write;

pub fn run(args: ParseArgs) -> Result<Exit, CliError> {
    let source = ingest::read_path(
        &args.file,
        &ingest::IngestOptions {
            encoding: args.encoding,
        },
    )?;
    let report = report::parse(source);
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Table => document::render_table(&report, &mut out)?,
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &document::to_json(&report))?;
            writeln!(out)?;
        }
    }
    Ok(Exit::Ok)
}
