//! CSV for spreadsheets, UTF-8 with a BOM (so Excel reads the Chinese), one header row and data
//! rows only, so filters and pivot tables work. Tidy by default: one row per report × rule. The
//! matrix layout (`--csv-layout matrix`) is one row per report, one column per rule.

use super::labels::{position, shown};
use super::stats::{verdict_for, Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{ReportResult, RuleInfo, Verdict};
use std::io::{self, Write};
use std::sync::Arc;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// How the CSV is laid out, as `--csv-layout` names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvLayout {
    /// One row per report × rule: report, rule, severity, status, message, evidence.
    #[default]
    Tidy,
    /// One row per report, one status column per rule, then the report's counts.
    Matrix,
}

const TIDY: [&str; 14] = [
    "文件",
    "发文机关",
    "年度",
    "类型",
    "规则",
    "规则标题",
    "规则包",
    "级别",
    "结果",
    "说明",
    "修改建议",
    "证据位置",
    "证据",
    "证据数",
];
const LEAD: [&str; 4] = ["文件", "发文机关", "年度", "类型"];
const TAIL: [&str; 4] = ["通过", "不通过", "通过率", "读取错误"];

pub struct CsvReporter;

impl Reporter for CsvReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        opts: &RenderOptions,
        mut w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        w.write_all(BOM)?;
        let mut out = csv::Writer::from_writer(w);
        match opts.csv_layout {
            CsvLayout::Tidy => out.write_record(TIDY)?,
            CsvLayout::Matrix => {
                // `规则标题（rule/id）`: the title for the reader, the id to look the rule up.
                let rules = plan
                    .rules
                    .iter()
                    .map(|r| format!("{}（{}）", r.title, r.id));
                out.write_record(
                    LEAD.into_iter()
                        .map(String::from)
                        .chain(rules)
                        .chain(TAIL.map(String::from)),
                )?
            }
        }
        Ok(Box::new(CsvWriter {
            out,
            rules: plan.rules.clone(),
            layout: opts.csv_layout,
        }))
    }
}

struct CsvWriter<'w> {
    out: csv::Writer<Box<dyn Write + 'w>>,
    rules: Vec<Arc<RuleInfo>>,
    layout: CsvLayout,
}

impl ReportWriter for CsvWriter<'_> {
    fn report(&mut self, _: usize, report: &ReportResult) -> io::Result<()> {
        match self.layout {
            CsvLayout::Matrix => self.out.write_record(matrix_row(&self.rules, report))?,
            CsvLayout::Tidy => {
                for row in tidy_rows(report) {
                    self.out.write_record(row)?;
                }
            }
        }
        Ok(())
    }

    /// Nothing after the data: totals belong to a pivot table, not to the rows.
    fn finish(mut self: Box<Self>, _: &Tally) -> io::Result<()> {
        self.out.flush()
    }
}

/// File, issuer, year and kind: the columns that name the report in both layouts.
fn report_cells(report: &ReportResult) -> [String; 4] {
    let meta = report.meta.as_ref();
    [
        inert(&report.path),
        meta.and_then(|m| m.issuer.as_ref())
            .map(|i| inert(&i.value))
            .unwrap_or_default(),
        meta.and_then(|m| m.report_year.as_ref())
            .map(|y| y.value.to_string())
            .unwrap_or_default(),
        meta.map(|m| m.kind.label_zh().to_string())
            .unwrap_or_default(),
    ]
}

/// One row per verdict; an unreadable report gets one row saying why.
fn tidy_rows(report: &ReportResult) -> Vec<Vec<String>> {
    let lead = report_cells(report);
    if let Some(error) = &report.error {
        let mut row = lead.to_vec();
        row.extend(["", "", "", "", "无法读取"].map(String::from));
        row.push(inert(error));
        row.extend(["", "", "", ""].map(String::from));
        return vec![row];
    }
    report
        .verdicts
        .iter()
        .map(|v| {
            let mut row = lead.to_vec();
            row.extend(verdict_cells(v));
            row
        })
        .collect()
}

/// Rule, title, pack, severity, status, message, fix, and the first evidence.
fn verdict_cells(v: &Verdict) -> [String; 10] {
    let first = v.evidence.first();
    [
        v.rule.id.clone(),
        inert(&v.rule.title),
        v.rule.pack.clone(),
        v.rule.severity.label_zh().to_string(),
        v.status.label_zh().to_string(),
        inert(&explanation(v)),
        inert(v.fix().unwrap_or_default()),
        first.map(position).map(|p| inert(&p)).unwrap_or_default(),
        first.map(|e| inert(shown(e))).unwrap_or_default(),
        v.evidence.len().to_string(),
    ]
}

/// The message, and the reason a rule was not applicable, skipped, or could not be decided.
fn explanation(v: &Verdict) -> String {
    match (v.message.as_str(), v.reason.as_deref()) {
        ("", Some(reason)) => reason.to_string(),
        (message, Some(reason)) => format!("{message}（{reason}）"),
        (message, None) => message.to_string(),
    }
}

fn matrix_row(rules: &[Arc<RuleInfo>], report: &ReportResult) -> Vec<String> {
    let mut row = report_cells(report).to_vec();
    row.extend(rules.iter().map(|rule| {
        verdict_for(report, rule)
            .map(|v| v.status.label_zh().to_string())
            .unwrap_or_default()
    }));
    let counts = Counts::of(&report.verdicts);
    match &report.error {
        Some(error) => row.extend([String::new(), String::new(), String::new(), inert(error)]),
        None => row.extend([
            counts.pass.to_string(),
            counts.fail.to_string(),
            counts.rate().to_string(),
            String::new(),
        ]),
    }
    row
}

/// Text a spreadsheet would run as a formula gets a leading `'`.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
