//! `--summary`: the whole run at a glance — the totals, the reports × rules matrix and each rule's
//! pass rate — fitted to the width: the matrix's rule columns are numbered (the pass-rate table
//! names them) and split into as many blocks as the width needs.
//!
//! The matrix's column widths depend on every row, so its rows are the one thing kept per report:
//! a short name and one byte per rule.

use super::labels::{run_line, short_name, symbol};
use super::stats::{verdict_for, Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{ReportResult, RuleInfo, Status};
use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Table};
use std::io::{self, Write};
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// The width when the caller gives none (output to a file or a pipe).
const DEFAULT_WIDTH: u16 = 100;
/// Widest short name of a report in the matrix, in columns.
const NAME_WIDTH: usize = 24;

pub struct SummaryReporter;

impl Reporter for SummaryReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        opts: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        Ok(Box::new(SummaryWriter {
            w,
            matrix: Matrix::new(plan),
            width: opts.width.unwrap_or(DEFAULT_WIDTH),
        }))
    }
}

struct SummaryWriter<'w> {
    w: Box<dyn Write + 'w>,
    matrix: Matrix,
    width: u16,
}

impl ReportWriter for SummaryWriter<'_> {
    fn report(&mut self, _: usize, report: &ReportResult) -> io::Result<()> {
        self.matrix.push(report);
        Ok(())
    }

    fn finish(mut self: Box<Self>, tally: &Tally) -> io::Result<()> {
        self.matrix.write(&mut self.w, tally, self.width)?;
        self.w.flush()
    }
}

/// The rows of the summary matrix, collected as reports pass.
struct Matrix {
    rules: Vec<Arc<RuleInfo>>,
    rows: Vec<Row>,
}

struct Row {
    /// Issuer and year, else the file name.
    name: Box<str>,
    statuses: Box<[Option<Status>]>,
    /// `None` when the report could not be read.
    rate: Option<super::Rate>,
}

impl Matrix {
    fn new(plan: &Plan) -> Self {
        Matrix {
            rules: plan.rules.clone(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, report: &ReportResult) {
        let name = report
            .meta
            .as_ref()
            .and_then(short_name)
            .unwrap_or_else(|| {
                let path = std::path::Path::new(&report.path);
                path.file_name()
                    .map_or(report.path.clone(), |n| n.to_string_lossy().into_owned())
            });
        self.rows.push(Row {
            name: truncate(&name, NAME_WIDTH).into(),
            statuses: self
                .rules
                .iter()
                .map(|rule| verdict_for(report, rule).map(|v| v.status))
                .collect(),
            rate: report
                .error
                .is_none()
                .then(|| Counts::of(&report.verdicts).rate()),
        });
    }

    fn write(&self, w: &mut dyn Write, tally: &Tally, width: u16) -> io::Result<()> {
        let width = usize::from(width);
        let line = run_line(tally.reports, tally.unreadable, &tally.total);
        writeln!(w, "{}", textwrap::fill(&line, width))?;
        writeln!(w)?;
        let title = "汇总矩阵（报告 × 规则，列号即下方“各规则通过率”的序号）";
        writeln!(w, "{}", textwrap::fill(title, width))?;
        for block in self.blocks(width) {
            writeln!(w, "{}", self.table(block))?;
        }
        writeln!(
            w,
            "{} 通过  {} 不通过  {} 不适用  {} 已跳过  {} 出错",
            symbol(Status::Pass),
            symbol(Status::Fail),
            symbol(Status::NotApplicable),
            symbol(Status::Skipped),
            symbol(Status::Error)
        )?;
        writeln!(w)?;
        writeln!(w, "各规则通过率")?;
        writeln!(w, "{}", self.rule_rates(tally, width))
    }

    /// Ranges of rule columns, each block as wide as fits in `width` (at least one rule).
    fn blocks(&self, width: usize) -> Vec<std::ops::Range<usize>> {
        let rules = self.rules.len();
        let frame = widest_line(&self.table(0..0));
        // A rule column is its number (the widest header) and a border.
        let column = rules.to_string().len() + 1;
        let fit = (width.saturating_sub(frame) / column).max(1);
        // Blocks of even size, so the last is not a lone column.
        let per_block = rules.div_ceil(rules.div_ceil(fit).max(1)).max(1);
        (0..rules.max(1))
            .step_by(per_block)
            .map(|start| start..(start + per_block).min(rules))
            .collect()
    }

    fn table(&self, rules: std::ops::Range<usize>) -> Table {
        let mut table = plain_table();
        let mut header = vec!["序".to_string(), "报告".to_string()];
        header.extend(rules.clone().map(|i| (i + 1).to_string()));
        header.push("通过率".to_string());
        table.set_header(header);
        for (n, row) in self.rows.iter().enumerate() {
            let mut cells = vec![(n + 1).to_string(), row.name.to_string()];
            cells.extend(
                row.statuses[rules.clone()]
                    .iter()
                    .map(|s| s.map(symbol).unwrap_or_default().to_string()),
            );
            cells.push(match row.rate {
                Some(rate) => rate.to_string(),
                None => "无法读取".to_string(),
            });
            table.add_row(cells);
        }
        for column in 2..2 + rules.len() {
            if let Some(column) = table.column_mut(column) {
                column.set_cell_alignment(CellAlignment::Center);
                column.set_padding((0, 0));
            }
        }
        table
    }

    /// The rules by title (the Chinese a reader knows them by), wrapped to the width.
    fn rule_rates(&self, tally: &Tally, width: usize) -> Table {
        let mut table = plain_table();
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).unwrap_or(u16::MAX));
        // Skips and errors are rare: their columns only when there are some.
        let rare = tally.total.skipped + tally.total.error > 0;
        // Counts are headed by the matrix's symbols (the legend above), to leave the titles room.
        let mut header = vec!["序", "规则", "级别"];
        header.extend([Status::Pass, Status::Fail, Status::NotApplicable].map(symbol));
        if rare {
            header.extend([Status::Skipped, Status::Error].map(symbol));
        }
        header.push("通过率");
        table.set_header(header);
        for (i, (rule, c)) in self.rules.iter().zip(&tally.per_rule).enumerate() {
            let mut row = vec![
                (i + 1).to_string(),
                rule.title.clone(),
                rule.severity.label_zh().to_string(),
                c.pass.to_string(),
                c.fail.to_string(),
                c.not_applicable.to_string(),
            ];
            if rare {
                row.extend([c.skipped.to_string(), c.error.to_string()]);
            }
            row.push(c.rate().to_string());
            table.add_row(row);
        }
        // Only the title wraps: counts and rates keep their width.
        let columns = table.column_count();
        for i in (0..columns).filter(|&i| i != 1) {
            if let Some(column) = table.column_mut(i) {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        table
    }
}

fn plain_table() -> Table {
    let mut table = Table::new();
    table
        .force_no_tty()
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    table
}

fn widest_line(table: &Table) -> usize {
    table.lines().map(|l| l.width()).max().unwrap_or_default()
}

fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
