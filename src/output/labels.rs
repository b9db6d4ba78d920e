//! Words and symbols shared by the human-facing formats (table, Markdown, HTML, CSV, summary).

use super::stats::Counts;
use crate::engine::{Evidence, ReportResult, Status};
use crate::report::Meta;

/// One character per status for matrices: ✓ pass, ✗ fail, – not applicable, ○ skipped, ! error.
pub fn symbol(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::NotApplicable => "–",
        Status::Skipped => "○",
        Status::Error => "!",
    }
}

/// `《标题》 · 2024年度 · 年度报告`: what a reader needs to recognise the report.
pub fn headline(meta: &Meta) -> String {
    let mut parts = Vec::new();
    if let Some(title) = &meta.title {
        parts.push(format!("《{}》", title.value));
    }
    if let Some(year) = &meta.report_year {
        parts.push(format!("{}年度", year.value));
    }
    parts.push(meta.kind.label_zh().to_string());
    if let Some(draft) = &meta.draft {
        parts.push(format!("含“{}”字样", draft.value));
    }
    parts.join(" · ")
}

/// The report's headline, or why it could not be read.
pub fn report_line(report: &ReportResult) -> String {
    match (&report.meta, &report.error) {
        (_, Some(error)) => format!("无法读取：{error}"),
        (Some(meta), None) => headline(meta),
        (None, None) => String::new(),
    }
}

/// `共 8 条规则：通过 3，不通过 3（错误 2，警告 1），不适用 1，跳过 1`.
pub fn counts_line(counts: &Counts) -> String {
    format!("共 {} 条规则：{}", counts.total, tally(counts))
}

/// `合计 3 份报告（1 份无法读取），共 16 项检查：通过 …` for the whole run.
pub fn run_line(reports: usize, unreadable: usize, counts: &Counts) -> String {
    let unreadable = if unreadable > 0 {
        format!("（{unreadable} 份无法读取）")
    } else {
        String::new()
    };
    format!(
        "合计 {reports} 份报告{unreadable}，共 {} 项检查：{}",
        counts.total,
        tally(counts)
    )
}

/// `通过 3，不通过 3（错误 2，警告 1），不适用 1，跳过 1`; zero counts other than pass and fail are
/// left out.
fn tally(counts: &Counts) -> String {
    let mut line = format!("通过 {}，不通过 {}", counts.pass, counts.fail);
    let by_severity: Vec<String> = [
        ("错误", counts.fail_error),
        ("警告", counts.fail_warning),
        ("提示", counts.fail_info),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(label, n)| format!("{label} {n}"))
    .collect();
    if !by_severity.is_empty() {
        line.push_str(&format!("（{}）", by_severity.join("，")));
    }
    for (label, n) in [
        ("不适用", counts.not_applicable),
        ("跳过", counts.skipped),
        ("出错", counts.error),
    ] {
        if n > 0 {
            line.push_str(&format!("，{label} {n}"));
        }
    }
    line
}

/// `12:5`, or `12:5（第3页）` when the input records pages.
pub fn position(e: &Evidence) -> String {
    let page = e.page.map(|p| format!("（第{p}页）")).unwrap_or_default();
    format!("{}:{}{page}", e.start.line, e.start.column)
}
