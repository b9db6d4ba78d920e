//! The reports × rules matrix for spreadsheets: UTF-8 with a BOM (so Excel reads the Chinese),
//! rule ids then rule titles as header rows, one row per report, per-rule pass rates last.

use super::stats::{verdict_for, Counts, Tally};
use super::{Plan, RenderOptions, ReportWriter, Reporter};
use crate::engine::{ReportResult, RuleInfo};
use std::io::{self, Write};
use std::sync::Arc;

const BOM: &[u8] = "\u{feff}".as_bytes();
const LEAD: [&str; 4] = ["文件", "标题", "年度", "类型"];
const TAIL: [&str; 4] = ["通过", "不通过", "通过率", "读取错误"];

pub struct CsvReporter;

impl Reporter for CsvReporter {
    fn start<'w>(
        &self,
        plan: &Plan,
        _: &RenderOptions,
        mut w: Box<dyn Write + 'w>,
    ) -> io::Result<Box<dyn ReportWriter + 'w>> {
        w.write_all(BOM)?;
        let mut out = csv::Writer::from_writer(w);
        let ids = plan.rules.iter().map(|r| r.id.as_str());
        out.write_record(LEAD.into_iter().chain(ids).chain(TAIL))?;
        let titles = plan.rules.iter().map(|r| r.title.as_str());
        out.write_record(
            ["规则标题", "", "", ""]
                .into_iter()
                .chain(titles)
                .chain([""; 4]),
        )?;
        Ok(Box::new(CsvWriter {
            out,
            rules: plan.rules.clone(),
        }))
    }
}

struct CsvWriter<'w> {
    out: csv::Writer<Box<dyn Write + 'w>>,
    rules: Vec<Arc<RuleInfo>>,
}

impl ReportWriter for CsvWriter<'_> {
    fn report(&mut self, _: usize, report: &ReportResult) -> io::Result<()> {
        Ok(self.out.write_record(report_row(&self.rules, report))?)
    }

    /// The pass rate of each rule under its column, and the run's totals.
    fn finish(mut self: Box<Self>, tally: &Tally) -> io::Result<()> {
        let mut trailer = vec![
            "各规则通过率".to_string(),
            String::new(),
            String::new(),
            String::new(),
        ];
        trailer.extend(tally.per_rule.iter().map(|c| c.rate().to_string()));
        trailer.extend([
            tally.total.pass.to_string(),
            tally.total.fail.to_string(),
            tally.total.rate().to_string(),
            String::new(),
        ]);
        self.out.write_record(trailer)?;
        self.out.flush()
    }
}

fn report_row(rules: &[Arc<RuleInfo>], report: &ReportResult) -> Vec<String> {
    let meta = report.meta.as_ref();
    let mut row = vec![
        inert(&report.path),
        meta.and_then(|m| m.title.as_ref())
            .map(|t| inert(&t.value))
            .unwrap_or_default(),
        meta.and_then(|m| m.report_year.as_ref())
            .map(|y| y.value.to_string())
            .unwrap_or_default(),
        meta.map(|m| m.kind.label_zh().to_string())
            .unwrap_or_default(),
    ];
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

fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
