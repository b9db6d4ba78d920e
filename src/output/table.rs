//! Terminal tables: one per report, with Chinese labels, evidence positions and fix hints.

use super::labels::{counts_line, position, report_line, run_line};
use super::stats::{Counts, Tally};
use super::summary::Matrix;
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{Evidence, ReportResult, Status, Verdict};
use crate::pack::Severity;
use comfy_table::{presets, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Evidence items listed per verdict; the rest are counted.
const MAX_EVIDENCE: usize = 3;
/// Characters of an excerpt shown in the table (the JSON keeps the full excerpt).
const EXCERPT_CHARS: usize = 24;
/// Below this width the title goes under the rule id instead of into a column of its own.
const TITLE_COLUMN_MIN_WIDTH: u16 = 100;

pub struct TableReporter;

impl Reporter for TableReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        opts: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        Ok(Box::new(TableWriter {
            w,
            opts: opts.clone(),
            total: plan.reports,
            summary: opts.summary.then(|| Matrix::new(plan)),
        }))
    }
}

struct TableWriter<'w> {
    w: Box<dyn Write + 'w>,
    opts: RenderOptions,
    total: usize,
    summary: Option<Matrix>,
}

impl ReportWriter for TableWriter<'_> {
    fn report(&mut self, index: usize, report: &ReportResult) -> io::Result<()> {
        let w = &mut self.w;
        writeln!(w, "报告 {}/{}：{}", index + 1, self.total, report.path)?;
        let line = report_line(report);
        if !line.is_empty() {
            writeln!(w, "{line}")?;
        }
        if report.error.is_none() {
            writeln!(w, "{}", report_table(report, &self.opts))?;
            writeln!(w, "{}", counts_line(&Counts::of(&report.verdicts)))?;
        }
        writeln!(w)?;
        if let Some(matrix) = &mut self.summary {
            matrix.push(report);
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, tally: &Tally) -> io::Result<()> {
        let w = &mut self.w;
        writeln!(
            w,
            "{}",
            run_line(tally.reports, tally.unreadable, &tally.total)
        )?;
        if let Some(matrix) = &self.summary {
            writeln!(w)?;
            matrix.write(w, tally)?;
        }
        w.flush()
    }
}

fn report_table(report: &ReportResult, opts: &RenderOptions) -> Table {
    let mut table = Table::new();
    // Never probe the terminal: the caller decides width and colour, so files and tests are stable.
    table
        .force_no_tty()
        .load_preset(presets::UTF8_FULL_CONDENSED);
    if opts.color {
        table.enforce_styling();
    }
    match opts.width {
        Some(width) => table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width),
        None => table.set_content_arrangement(ContentArrangement::Disabled),
    };
    let title_column = opts.width.is_none_or(|w| w >= TITLE_COLUMN_MIN_WIDTH);
    if title_column {
        table.set_header(["规则", "标题", "级别", "结果", "说明与证据"]);
    } else {
        table.set_header(["规则", "级别", "结果", "说明与证据"]);
    }
    for v in &report.verdicts {
        let mut status = Cell::new(v.status.label_zh());
        if opts.color {
            status = status.fg(status_color(v));
        }
        let mut row = if title_column {
            vec![Cell::new(&v.rule.id), Cell::new(&v.rule.title)]
        } else {
            vec![Cell::new(format!("{}\n{}", v.rule.id, v.rule.title))]
        };
        row.extend([
            Cell::new(v.rule.severity.label_zh()),
            status,
            Cell::new(details(v)),
        ]);
        table.add_row(row);
    }
    // Rule ids are identifiers: wrapping one in the middle makes it uncopyable.
    let longest_id = report.verdicts.iter().map(|v| v.rule.id.width()).max();
    if let (Some(ids), Some(longest)) = (table.column_mut(0), longest_id) {
        // The boundary counts the cell padding, one space each side.
        let longest = u16::try_from(longest + 2).unwrap_or(u16::MAX);
        ids.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(longest)));
    }
    table
}

fn status_color(v: &Verdict) -> Color {
    match (v.status, v.rule.severity) {
        (Status::Pass, _) => Color::Green,
        (Status::Fail, Severity::Error) => Color::Red,
        (Status::Fail, Severity::Warning) => Color::Yellow,
        (Status::Fail, Severity::Info) => Color::Cyan,
        (Status::NotApplicable | Status::Skipped, _) => Color::DarkGrey,
        (Status::Error, _) => Color::Magenta,
    }
}

/// Message, reason, evidence and, for failures, the fix hint, one per line.
fn details(v: &Verdict) -> String {
    let mut lines = Vec::new();
    if !v.message.is_empty() {
        lines.push(v.message.clone());
    }
    if let Some(reason) = &v.reason {
        lines.push(reason.clone());
    }
    lines.extend(v.evidence.iter().take(MAX_EVIDENCE).map(evidence_line));
    if v.evidence.len() > MAX_EVIDENCE {
        lines.push(format!("……另有 {} 处", v.evidence.len() - MAX_EVIDENCE));
    }
    if let Some(fix) = v.fix() {
        lines.push(format!("修改建议：{fix}"));
    }
    lines.join("\n")
}

/// `12:5「出庭应诉率为100%」`, with the page when the input records one.
fn evidence_line(e: &Evidence) -> String {
    let mut excerpt: String = e.text.chars().take(EXCERPT_CHARS).collect();
    if e.text.chars().count() > EXCERPT_CHARS && !excerpt.ends_with('…') {
        excerpt.push('…');
    }
    format!("{}「{excerpt}」", position(e))
}
