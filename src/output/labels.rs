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

/// The excerpt to show: a short one in its context (`…学习《行政处罚法》、《行政复议法》等…`).
pub fn shown(e: &Evidence) -> &str {
    e.context.as_deref().unwrap_or(&e.text)
}

/// Where a reader of the original finds the evidence: `第3页` in a PDF, `第12段` in Word (as Word
/// counts paragraphs), `第12行` in text and web pages.
pub fn place(e: &Evidence) -> String {
    match (e.page, e.paragraph) {
        (Some(page), _) => format!("第{page}页"),
        (None, Some(paragraph)) => format!("第{paragraph}段"),
        (None, None) => format!("第{}行", e.start.line),
    }
}

/// `第12段，“（一）带头学法述法”下（12:5）`: the place, the heading over it, and line:column of the
/// extracted text for editors and tools.
pub fn position(e: &Evidence) -> String {
    let under = e
        .section
        .as_deref()
        .map(|h| format!("，“{h}”下"))
        .unwrap_or_default();
    format!("{}{under}（{}:{}）", place(e), e.start.line, e.start.column)
}

/// `辽中区司法局 2023年度`: a report named the way a reader names it; `None` when neither is known.
pub fn short_name(meta: &Meta) -> Option<String> {
    let issuer = meta.issuer.as_ref().map(|i| i.value.as_str());
    let year = meta
        .report_year
        .as_ref()
        .map(|y| format!("{}年度", y.value));
    match (issuer, year) {
        (None, None) => None,
        (Some(i), None) => Some(i.to_string()),
        (None, Some(y)) => Some(y),
        (Some(i), Some(y)) => Some(format!("{i} {y}")),
    }
}

/// The one-word verdict on a report: 不通过 when an error-level rule failed or a rule could not be
/// evaluated, 有警告 when a warning did, else 通过.
pub fn verdict_word(counts: &Counts) -> &'static str {
    if counts.fail_error > 0 || counts.error > 0 {
        "不通过"
    } else if counts.fail_warning > 0 {
        "有警告"
    } else {
        "通过"
    }
}

/// `结论：不通过｜松江县司法局｜2024年度｜错误 3，警告 4，提示 1，通过 50，不适用 3`: the
/// verdict, whose report it is, and the counts, short enough for one line of 80 columns.
pub fn verdict_line(meta: &Meta, counts: &Counts) -> String {
    let issuer = meta
        .issuer
        .as_ref()
        .map_or("发文机关未识别".to_string(), |i| i.value.clone());
    let year = meta
        .report_year
        .as_ref()
        .map_or("年度未识别".to_string(), |y| {
            format!("{}年度", y.value)
        });
    let mut counted = Vec::new();
    for (label, n) in [
        ("错误", counts.fail_error),
        ("警告", counts.fail_warning),
        ("提示", counts.fail_info),
        ("通过", counts.pass),
        ("不适用", counts.not_applicable),
        ("跳过", counts.skipped),
        ("出错", counts.error),
    ] {
        if n > 0 || label == "通过" {
            counted.push(format!("{label} {n}"));
        }
    }
    format!(
        "结论：{}｜{issuer}｜{year}｜{}",
        verdict_word(counts),
        counted.join("，")
    )
}

/// `《标题》 · 年度报告 · 含“讨论稿”字样`: the headline without the year the verdict line gives.
pub fn title_line(meta: &Meta) -> String {
    let mut parts = Vec::new();
    if let Some(title) = &meta.title {
        parts.push(format!("《{}》", title.value));
    }
    parts.push(meta.kind.label_zh().to_string());
    if let Some(draft) = &meta.draft {
        parts.push(format!("含“{}”字样", draft.value));
    }
    parts.join(" · ")
}
