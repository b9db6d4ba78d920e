//! Stage 5 — output: write check results as a table, JSON, JUnit, SARIF, Markdown, HTML or CSV.
//!
//! Results are written as they arrive, in input order: each format gets a [`ReportWriter`] that
//! writes one report and forgets it, and keeps only what its ending needs (the [`Tally`] of
//! counts, or a spool on disk for parts that must follow a total). So a batch of any size is
//! written in memory for a handful of reports. [`Outputs`] fans one stream of results out to
//! every format asked for. Every format renders the same results the same way each time (no
//! clocks, no host names), so outputs can be diffed and snapshot-tested.

mod csv;
pub mod document;
mod html;
mod json;
mod json_stream;
mod junit;
mod labels;
mod markdown;
mod outputs;
mod sarif;
mod spool;
mod stats;
mod summary;
mod table;

pub use csv::CsvLayout;
pub use outputs::{Outputs, Target};
pub use stats::{Counts, Rate, Tally};

use crate::engine::{CheckRun, ReportResult, RuleInfo};
use std::io::{self, Write};
use std::sync::Arc;

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
    /// For spreadsheets (UTF-8 with BOM): a row per report × rule, or the matrix (--csv-layout).
    Csv,
}

impl Format {
    /// The format a file name asks for by its extension: `.json`, `.xml`/`.junit.xml`, `.sarif`,
    /// `.md`, `.html`/`.htm`, `.csv`, `.txt` (the table).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "xml" => Format::Junit,
            "sarif" => Format::Sarif,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "csv" => Format::Csv,
            "txt" => Format::Table,
            _ => return None,
        })
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Junit => "junit",
            Format::Sarif => "sarif",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }

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

/// How to render. Only the table looks at `color`, `width`, `summary` and `all`; only the CSV at
/// `csv_layout`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colours on verdicts; the CLI sets it when writing to a terminal.
    pub color: bool,
    /// Table width in columns; `None` leaves long cells unwrapped.
    pub width: Option<u16>,
    /// Print only the reports × rules matrix and per-rule pass rates, not each report.
    pub summary: bool,
    /// List passes and not-applicables too, not only their counts.
    pub all: bool,
    /// Rows of the CSV: one per report × rule, or one per report.
    pub csv_layout: CsvLayout,
}

/// What every writer knows before the first report arrives.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The rules in use, in rule order: the columns of every matrix.
    pub rules: Vec<Arc<RuleInfo>>,
    /// How many reports will come (the table numbers them `报告 3/10`).
    pub reports: usize,
}

impl Plan {
    pub fn of(run: &CheckRun) -> Self {
        Plan {
            rules: run.rules.clone(),
            reports: run.reports.len(),
        }
    }
}

/// Starts a [`ReportWriter`] for one format.
pub trait Reporter: Sync {
    fn start<'w>(
        &self,
        plan: &Plan,
        opts: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>>;
}

/// One format being written while results arrive.
pub trait ReportWriter {
    /// The next report, `index` counting from 0 in input order.
    fn report(&mut self, index: usize, report: &ReportResult) -> io::Result<()>;
    /// Everything after the last report (totals, closing tags), then flush.
    fn finish(self: Box<Self>, tally: &Tally) -> io::Result<()>;
}

/// Render a whole run held in memory as `format` into `w`.
pub fn render(
    run: &CheckRun,
    format: Format,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut outputs = Outputs::new(Plan::of(run), opts.clone());
    outputs.add_reporter(format.reporter(), Target::Stream(Box::new(w)))?;
    for report in &run.reports {
        outputs.push(report)?;
    }
    outputs.finish().map(drop)
}
