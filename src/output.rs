//! Stage 5 — output: render a [`CheckRun`] as a table, JSON, JUnit, SARIF, Markdown, HTML or CSV.
//!
//! One [`Reporter`] per format, picked by [`Format`]. Every format renders the same run the same way
//! each time (no clocks, no host names), so outputs can be diffed and snapshot-tested.

mod csv;
pub mod document;
mod files;
mod html;
mod json;
mod junit;
mod labels;
mod markdown;
mod sarif;
mod stats;
mod summary;
mod table;

pub use files::{render_to_files, write_atomic};
pub use stats::{Counts, Rate};
pub use summary::render_summary;

use crate::engine::CheckRun;
use std::io::{self, Write};

/// An output format, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Aligned tables for the terminal, one per report.
    Table,
    /// The versioned JSON document described in docs/output.md.
    Json,
    /// JUnit XML for CI test reports (Jenkins, GitLab).
    Junit,
    /// SARIF 2.1.0 for code-scanning viewers.
    Sarif,
    /// A compact pull-request comment.
    Markdown,
    /// One self-contained, printable page.
    Html,
    /// The reports × rules matrix for spreadsheets (UTF-8 with BOM).
    Csv,
}

impl Format {
    pub fn reporter(self) -> &'static dyn Reporter {
        match self {
            Format::Table => &table::TableReporter,
            Format::Json => &json::JsonReporter,
            Format::Junit => &junit::JunitReporter,
            Format::Sarif => &sarif::SarifReporter,
            Format::Markdown => &markdown::MarkdownReporter,
            Format::Html => &html::HtmlReporter,
            Format::Csv => &csv::CsvReporter,
        }
    }
}

/// How to render. Only the table looks at `color`, `width` and `summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colours on verdicts; the CLI sets it when writing to a terminal.
    pub color: bool,
    /// Table width in columns; `None` leaves long cells unwrapped.
    pub width: Option<u16>,
    /// Append the reports × rules matrix and per-rule pass rates after the tables.
    pub summary: bool,
}

/// Renders a whole run in one format.
pub trait Reporter: Sync {
    fn render(&self, run: &CheckRun, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()>;
}

/// Render `run` as `format` into `w`.
pub fn render(
    run: &CheckRun,
    format: Format,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    format.reporter().render(run, opts, w)
}
