//! `--summary`: the reports × rules matrix and per-rule pass rates, as plain text.

use super::labels::symbol;
use super::stats::{verdict_for, Counts};
use crate::engine::{CheckRun, Status};
use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use std::io::{self, Write};

/// Rules are numbered columns (the legend below the matrix names them), so a matrix of 20 rules
/// still fits a terminal.
pub fn render_summary(run: &CheckRun, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "汇总矩阵（报告 × 规则）")?;
    writeln!(w, "{}", matrix(run))?;
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
    writeln!(w, "{}", rule_rates(run))
}

fn plain_table() -> Table {
    let mut table = Table::new();
    table
        .force_no_tty()
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    table
}

fn matrix(run: &CheckRun) -> Table {
    let mut table = plain_table();
    let mut header = vec!["报告".to_string()];
    header.extend((1..=run.rules.len()).map(|i| i.to_string()));
    header.push("通过率".to_string());
    table.set_header(header);
    for report in &run.reports {
        let mut row = vec![report.path.clone()];
        row.extend(run.rules.iter().map(|rule| {
            verdict_for(report, rule)
                .map(|v| symbol(v.status).to_string())
                .unwrap_or_default()
        }));
        row.push(match report.error {
            Some(_) => "无法读取".to_string(),
            None => Counts::of(&report.verdicts).rate().to_string(),
        });
        table.add_row(row);
    }
    for column in 1..=run.rules.len() {
        if let Some(column) = table.column_mut(column) {
            column.set_cell_alignment(CellAlignment::Center);
        }
    }
    table
}

fn rule_rates(run: &CheckRun) -> Table {
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
    for (i, rule) in run.rules.iter().enumerate() {
        let c = Counts::of_rule(run, rule);
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
