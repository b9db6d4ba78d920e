//! The reports × rules matrix for spreadsheets: UTF-8 with a BOM (so Excel reads the Chinese),
//! rule ids then rule titles as header rows, one row per report, per-rule pass rates last.

use super::labels::kind_zh;
use super::stats::{verdict_for, Counts};
use super::{RenderOptions, Reporter};
use crate::engine::{CheckRun, ReportResult};
use std::io::{self, Write};

const BOM: &[u8] = "\u{feff}".as_bytes();
const LEAD: [&str; 4] = ["文件", "标题", "年度", "类型"];
const TAIL: [&str; 4] = ["通过", "不通过", "通过率", "读取错误"];

pub struct CsvReporter;

impl Reporter for CsvReporter {
    fn render(&self, run: &CheckRun, _: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(BOM)?;
        let mut out = csv::Writer::from_writer(w);
        let ids = run.rules.iter().map(|r| r.id.as_str());
        out.write_record(LEAD.into_iter().chain(ids).chain(TAIL))?;
        let titles = run.rules.iter().map(|r| r.title.as_str());
        out.write_record(
            ["规则标题", "", "", ""]
                .into_iter()
                .chain(titles)
                .chain([""; 4]),
        )?;
        for report in &run.reports {
            out.write_record(report_row(run, report))?;
        }
        let total = Counts::of_run(run);
        let mut trailer = vec![
            "各规则通过率".to_string(),
            String::new(),
            String::new(),
            String::new(),
        ];
        trailer.extend(
            run.rules
                .iter()
                .map(|r| Counts::of_rule(run, r).rate().to_string()),
        );
        trailer.extend([
            total.pass.to_string(),
            total.fail.to_string(),
            total.rate().to_string(),
            String::new(),
        ]);
        out.write_record(trailer)?;
        out.flush()
    }
}

fn report_row(run: &CheckRun, report: &ReportResult) -> Vec<String> {
    let meta = report.meta.as_ref();
    let mut row = vec![
        inert(&report.path),
        meta.and_then(|m| m.title.as_ref())
            .map(|t| inert(&t.value))
            .unwrap_or_default(),
        meta.and_then(|m| m.report_year.as_ref())
            .map(|y| y.value.to_string())
            .unwrap_or_default(),
        meta.map(|m| kind_zh(m.kind).to_string())
            .unwrap_or_default(),
    ];
    row.extend(run.rules.iter().map(|rule| {
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

/// Text from the input files, kept from being read as a formula: Excel evaluates a cell that
/// starts with `=`, `+`, `-` or `@`, so such text gets a leading apostrophe, as Excel itself writes.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
