//! `--summary`: the reports × rules matrix and per-rule pass rates, as plain text.
//!
//! The matrix is a terminal table whose column widths depend on every row, so its rows are the one
//! thing kept per report: the path and one byte per rule.

use super::labels::symbol;
use super::stats::{verdict_for, Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{ReportResult, RuleInfo, Status};
use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use std::io::{self, Write};
use std::sync::Arc;

pub struct SummaryReporter;

impl Reporter for SummaryReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        _: &RenderOptions,
        w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        Ok(Box::new(SummaryWriter {
            w,
            matrix: Matrix::new(plan),
        }))
    }
}

struct SummaryWriter<'w> {
    w: Box<dyn Write + 'w>,
    matrix: Matrix,
}

impl ReportWriter for SummaryWriter<'_> {
    fn report(&mut self, _: usize, report: &ReportResult) -> io::Result<()> {
        self.matrix.push(report);
        Ok(())
    }

    fn finish(mut self: Box<Self>, tally: &Tally) -> io::Result<()> {
        self.matrix.write(&mut self.w, tally)?;
        self.w.flush()
    }
}

/// The rows of the summary matrix, collected as reports pass.
pub struct Matrix {
    rules: Vec<Arc<RuleInfo>>,
    rows: Vec<Row>,
}

struct Row {
    path: Box<str>,
    statuses: Box<[Option<Status>]>,
    /// `None` when the report could not be read.
    rate: Option<super::Rate>,
}

impl Matrix {
    pub fn new(plan: &Plan) -> Self {
        Matrix {
            rules: plan.rules.clone(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, report: &ReportResult) {
        self.rows.push(Row {
            path: report.path.as_str().into(),
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

    /// Rules are numbered columns (the legend below the matrix names them), so a matrix of 20
    /// rules still fits a terminal.
    pub fn write(&self, w: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        writeln!(w, "汇总矩阵（报告 × 规则）")?;
        writeln!(w, "{}", self.table())?;
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
        writeln!(w, "{}", self.rule_rates(tally))
    }

    fn table(&self) -> Table {
        let mut table = plain_table();
        let mut header = vec!["报告".to_string()];
        header.extend((1..=self.rules.len()).map(|i| i.to_string()));
        header.push("通过率".to_string());
        table.set_header(header);
        for row in &self.rows {
            let mut cells = vec![row.path.to_string()];
            cells.extend(
                row.statuses
                    .iter()
                    .map(|s| s.map(symbol).unwrap_or_default().to_string()),
            );
            cells.push(match row.rate {
                Some(rate) => rate.to_string(),
                None => "无法读取".to_string(),
            });
            table.add_row(cells);
        }
        for column in 1..=self.rules.len() {
            if let Some(column) = table.column_mut(column) {
                column.set_cell_alignment(CellAlignment::Center);
            }
        }
        table
    }

    fn rule_rates(&self, tally: &Tally) -> Table {
        let mut table = plain_table();
        table.set_header([
            "序号",
            "规则",
            "标题",
            "级别",
            "通过",
            "不通过",
            "不适用",
            "跳过",
            "出错",
            "通过率",
        ]);
        for (i, (rule, c)) in self.rules.iter().zip(&tally.per_rule).enumerate() {
            table.add_row(vec![
                (i + 1).to_string(),
                rule.id.clone(),
                rule.title.clone(),
                rule.severity.label_zh().to_string(),
                c.pass.to_string(),
                c.fail.to_string(),
                c.not_applicable.to_string(),
                c.skipped.to_string(),
                c.error.to_string(),
                c.rate().to_string(),
            ]);
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
